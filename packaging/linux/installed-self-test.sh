#!/bin/sh
# Install a built .deb and run the installed program's --self-test in a real X display (Xvfb) against
# the real gnome-keyring, as a person's session would have it. Needs root (it installs the package).
#   sh packaging/linux/installed-self-test.sh dist/privacy-checkup_<version>_<arch>.deb
set -eu
DEB=$1
case "$DEB" in /*) ;; *) DEB="./$DEB" ;; esac
echo "installed-self-test: installing $DEB"
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "$DEB" >/dev/null
desktop-file-validate /usr/share/applications/org.privacycheckup.PrivacyCheckup.desktop
appstreamcli validate --no-net --pedantic /usr/share/metainfo/org.privacycheckup.PrivacyCheckup.metainfo.xml >/dev/null \
  || appstreamcli validate --no-net /usr/share/metainfo/org.privacycheckup.PrivacyCheckup.metainfo.xml
home=$(mktemp -d)
# A throwaway keyring folder: an existing keyring with another password would make gnome-keyring
# prompt on the X display and wait for ever. The timeout makes any such hang a failure.
KEYRING_HOME=$(mktemp -d)
export KEYRING_HOME
trap 'rm -rf "$home" "$KEYRING_HOME"' EXIT
echo "installed-self-test: /usr/bin/privacy-checkup --self-test"
PRIVACY_CHECKUP_HOME="$home" timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
  echo -n ci-keyring | XDG_DATA_HOME="$KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset QT_QPA_PLATFORM
  /usr/bin/privacy-checkup --self-test'
echo "installed: $(dpkg-query -W -f '${Package} ${Version} ${Installed-Size} KiB' privacy-checkup)"
