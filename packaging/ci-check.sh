#!/bin/sh
# CI: build the Linux bundle and .deb; lintian (any error fails); install it and run --self-test from
# the installed location in a real X window (Xvfb) with the real gnome-keyring; check the manual page;
# remove it again (the start-at-login entry goes, user data stays); check the release workflow;
# rebuild from two clones at other paths and compare the bytes; then
# compare the bundle with a PySide6 hello world packaged by the same PyInstaller in the same run.
# Needs root (it installs the .deb). Run after `packaging/install-system-packages.sh test`.
set -eu
cd "$(dirname "$0")/.."
sh packaging/check-workflows.sh
sh packaging/build-linux.sh
DEB=$(ls dist/privacy-checkup_*.deb)
echo "ci-check: lintian $DEB"
lintian --fail-on error --tag-display-limit 0 "$DEB"
sh packaging/linux/installed-self-test.sh "$DEB"
sh packaging/linux/check-manpage.sh
sh packaging/linux/removal-check.sh
sh packaging/check-reproducible.sh
timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" build/venv/bin/python -m bench.installer --built dist/privacy-checkup
