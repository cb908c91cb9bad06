#!/bin/sh
# Build the Linux bundle (PyInstaller, one folder) and a .deb from it, reproducibly.
#   sh packaging/build-linux.sh            -> dist/privacy-checkup/ and dist/privacy-checkup_<version>_<arch>.deb
# Uses a separate virtual environment installed from the hashed lock file.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/privacy_checkup/__init__.py)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
BUILD=${BUILD_DIR:-$ROOT/build}
DIST=${DIST_DIR:-$ROOT/dist}

# Reproducibility: fixed hash seed and timestamps taken from the last commit.
export PYTHONHASHSEED=0
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 1764000000)}
export SOURCE_DATE_EPOCH

if [ ! -x "$BUILD/venv/bin/pyinstaller" ]; then
  python3 -m venv "$BUILD/venv"
  "$BUILD/venv/bin/python" -m pip install -q --require-hashes -r packaging/requirements-build.txt
fi
"$BUILD/venv/bin/python" -m pip install -q --no-deps --force-reinstall .

"$BUILD/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$BUILD/pyinstaller" \
  packaging/privacy-checkup.spec

# The .deb: the bundle under /opt, a launcher in /usr/bin, desktop entry, icon and AppStream metadata.
STAGE="$BUILD/deb/privacy-checkup_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/metainfo"
cp -a "$DIST/privacy-checkup" "$STAGE/opt/privacy-checkup"
ln -s /opt/privacy-checkup/privacy-checkup "$STAGE/usr/bin/privacy-checkup"
cp resources/linux/org.privacycheckup.PrivacyCheckup.desktop "$STAGE/usr/share/applications/"
cp resources/linux/org.privacycheckup.PrivacyCheckup.metainfo.xml "$STAGE/usr/share/metainfo/"
cp resources/icons/privacy-checkup.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
SIZE_KB=$(du -sk "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" packaging/debian/control.in \
  > "$STAGE/DEBIAN/control"
find "$STAGE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$DIST"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DIST/privacy-checkup_${VERSION}_${ARCH}.deb" >/dev/null
echo "bundle: $DIST/privacy-checkup ($(du -sm "$DIST/privacy-checkup" | cut -f1) MB)"
echo "deb:    $DIST/privacy-checkup_${VERSION}_${ARCH}.deb ($(du -sm "$DIST/privacy-checkup_${VERSION}_${ARCH}.deb" | cut -f1) MB)"
