#!/bin/sh
# CI: build the Linux bundle and .deb, install it, and run --self-test from the installed
# location in a real X window (Xvfb) with the real gnome-keyring; then compare the bundle
# with a PySide6 hello world packaged by the same PyInstaller in the same run.
# Needs root (it installs the .deb). Run after `./bootstrap.sh test` has installed the system packages.
set -eu
cd "$(dirname "$0")/.."
sh packaging/build-linux.sh
DEB=$(ls dist/privacy-checkup_*.deb)
apt-get install -y -qq --no-install-recommends "./$DEB" >/dev/null
desktop-file-validate /usr/share/applications/org.privacycheckup.PrivacyCheckup.desktop
appstreamcli validate --no-net --pedantic /usr/share/metainfo/org.privacycheckup.PrivacyCheckup.metainfo.xml >/dev/null \
  || appstreamcli validate --no-net /usr/share/metainfo/org.privacycheckup.PrivacyCheckup.metainfo.xml
home=$(mktemp -d)
# A throwaway keyring folder: an existing keyring with another password would make gnome-keyring
# prompt on the X display and wait for ever. The timeout makes any such hang a failure.
KEYRING_HOME=$(mktemp -d)
export KEYRING_HOME
PRIVACY_CHECKUP_HOME="$home" timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
  echo -n ci-keyring | XDG_DATA_HOME="$KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset QT_QPA_PLATFORM
  /usr/bin/privacy-checkup --self-test'
echo "installed: $(dpkg-query -W -f '${Package} ${Version} ${Installed-Size} KiB' privacy-checkup)"
timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" build/venv/bin/python -m bench.installer --built dist/privacy-checkup
