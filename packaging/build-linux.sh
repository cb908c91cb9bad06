#!/bin/sh
# Build the Linux bundle (PyInstaller, one folder) and a .deb from it, reproducibly.
#   sh packaging/build-linux.sh      -> dist/privacy-checkup/ and dist/privacy-checkup_<version>_<arch>.deb
# The build base is Debian 12 (bookworm) with Debian's own Python 3.11: the .deb installs on Debian 12
# and newer, and on Ubuntu releases with glibc 2.36 or newer (Depends carries the glibc floor, computed
# from the bundle). The packages come from the hashed lock file packaging/requirements-linux.txt.
# Environment: PYTHON (default /usr/bin/python3), BUILD_DIR, DIST_DIR, SOURCE_DATE_EPOCH.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/privacy_checkup/__init__.py)
ARCH=$(dpkg --print-architecture)
BUILD=${BUILD_DIR:-$ROOT/build}
DIST=${DIST_DIR:-$ROOT/dist}
PYTHON=${PYTHON:-/usr/bin/python3}
VENV="$BUILD/venv"
LOCK=packaging/requirements-linux.txt
step() { echo "build-linux: $*"; }

# Reproducibility: a fixed hash seed, timestamps from the last commit, and a fixed umask and locale.
export PYTHONHASHSEED=0 LC_ALL=C.UTF-8 TZ=UTC
umask 022
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 1764000000)}
export SOURCE_DATE_EPOCH

top_version=$(sed -n '1s/^privacy-checkup (\([^)]*\)).*/\1/p' packaging/debian/changelog)
if [ "$top_version" != "$VERSION" ]; then
  echo "packaging/debian/changelog starts with version $top_version; add an entry for $VERSION" >&2
  exit 1
fi

# The build environment, reinstalled whenever the lock file changes.
if ! cmp -s "$LOCK" "$VENV/lock.txt" 2>/dev/null; then
  step "creating the build environment from $LOCK ($PYTHON)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --require-hashes --no-deps -r "$LOCK"
  cp "$LOCK" "$VENV/lock.txt"
fi
# The app from a wheel, installed by name: pip records no folder (direct_url.json) for that.
step "building the app's wheel"
rm -rf "$BUILD/wheel"
"$VENV/bin/python" -m pip wheel -q --no-deps -w "$BUILD/wheel" .
"$VENV/bin/python" -m pip install -q --no-deps --force-reinstall --no-index --find-links "$BUILD/wheel" \
  "privacy-checkup==$VERSION"

step "bundling with PyInstaller"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$BUILD/pyinstaller" \
  packaging/privacy-checkup.spec
BUNDLE="$DIST/privacy-checkup"
python3 packaging/linux/elf.py clean-runpath "$BUNDLE"
# Shared libraries need no execute bit (and lintian flags one).
find "$BUNDLE" -name '*.so*' -type f -exec chmod 0644 {} +
step "checking that no file in the bundle names the build folders"
python3 packaging/linux/elf.py find-text "$BUNDLE" "$ROOT" "$BUILD" "$DIST"

# The .deb: the bundle under /opt, a launcher in /usr/bin, desktop entry, icon, AppStream metadata,
# manual page, copyright and changelog. The tree sits in debian/<package>/, where dpkg-shlibdeps
# expects the package it works out dependencies for.
step "assembling the .deb"
DEBROOT="$BUILD/deb"
STAGE="$DEBROOT/debian/privacy-checkup"
DOC="$STAGE/usr/share/doc/privacy-checkup"
rm -rf "$DEBROOT"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/metainfo" "$STAGE/usr/share/man/man1" \
  "$STAGE/usr/share/lintian/overrides" "$DOC"
cp -a "$BUNDLE" "$STAGE/opt/privacy-checkup"
# Libraries PyInstaller copied from the build machine that a Debian package provides: the .deb uses the
# system's copies (which get Debian's security updates) and depends on their packages instead.
python3 packaging/linux/elf.py system-libraries "$STAGE/opt/privacy-checkup" > "$DEBROOT/system-libraries.txt"
while read -r library _package; do
  rm "$STAGE/opt/privacy-checkup/_internal/$library"
done < "$DEBROOT/system-libraries.txt"
ln -s /opt/privacy-checkup/privacy-checkup "$STAGE/usr/bin/privacy-checkup"
cp resources/linux/org.privacycheckup.PrivacyCheckup.desktop "$STAGE/usr/share/applications/"
cp resources/linux/org.privacycheckup.PrivacyCheckup.metainfo.xml "$STAGE/usr/share/metainfo/"
cp resources/icons/privacy-checkup.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
"$VENV/bin/python" packaging/linux/manpage.py "$STAGE/usr/share/man/man1/privacy-checkup.1"
gzip -9n "$STAGE/usr/share/man/man1/privacy-checkup.1"
"$VENV/bin/python" packaging/linux/copyright.py "$STAGE/opt/privacy-checkup" "$DOC/copyright"
gzip -9nc packaging/debian/changelog > "$DOC/changelog.gz"
for guide in offices checklists; do gzip -9nc "docs/$guide.md" > "$DOC/$guide.md.gz"; done
cp packaging/debian/lintian-overrides "$STAGE/usr/share/lintian/overrides/privacy-checkup"
install -m 0755 packaging/debian/postrm "$STAGE/DEBIAN/postrm"

# Depends: what dpkg-shlibdeps works out from the ELF files (the libraries the system provides, at
# the versions this base has), raised to the glibc floor of every file in the bundle, plus what Qt
# loads at run time without linking to it (EGL and GL through the xcb plugin, fonts).
GLIBC=$(python3 packaging/linux/elf.py glibc "$STAGE/opt/privacy-checkup")
mkdir -p "$DEBROOT/debian"
printf 'Source: privacy-checkup\n\nPackage: privacy-checkup\nArchitecture: any\n' > "$DEBROOT/debian/control"
(cd "$DEBROOT" && find debian/privacy-checkup/opt -type f \( -name '*.so*' -o -name privacy-checkup \) -print0 \
  | sort -z | xargs -0 dpkg-shlibdeps -O -xlibc6 \
    -ldebian/privacy-checkup/opt/privacy-checkup/_internal \
    -ldebian/privacy-checkup/opt/privacy-checkup/_internal/PySide6/Qt/lib 2>"$DEBROOT/shlibdeps.log") \
  > "$DEBROOT/substvars" || { cat "$DEBROOT/shlibdeps.log" >&2; exit 1; }
SHLIBS=$(sed -n 's/^shlibs:Depends=//p' "$DEBROOT/substvars")
DEPENDS="libc6 (>= $GLIBC), $SHLIBS, libegl1, libgl1, libfontconfig1, libxkbcommon-x11-0, libxcb-cursor0"
DEPENDS=$(python3 packaging/linux/depends.py "$DEPENDS")
rm -rf "$DEBROOT/debian/control"

find "$STAGE" -path "$STAGE/DEBIAN" -prune -o -type f -printf '%P\0' | sort -z \
  | (cd "$STAGE" && xargs -0 md5sum) > "$STAGE/DEBIAN/md5sums"
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" -e "s/@DEPENDS@/$DEPENDS/" \
  packaging/debian/control.in > "$STAGE/DEBIAN/control"
find "$STAGE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$DIST"
DEB="$DIST/privacy-checkup_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "bundle: $BUNDLE ($(du -sm "$BUNDLE" | cut -f1) MB)"
echo "deb:    $DEB ($(du -sm "$DEB" | cut -f1) MB, installs $SIZE_KB KiB; Depends: $DEPENDS)"
