#!/bin/sh
# Build the committed HEAD twice, from two fresh clones at different paths (of different lengths),
# each with its own build environment, and compare: the two .deb files and every file of the two
# bundles must be byte for byte the same. Prints the differing files and exits 1 otherwise.
#   sh packaging/check-reproducible.sh        (about 4 minutes on 2 cores)
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/reproducible.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
COMMIT=$(git rev-parse HEAD)
A="$WORK/a"
B="$WORK/clone-at-another-and-longer-path/b"
for clone in "$A" "$B"; do
  git clone -q --no-hardlinks "$ROOT" "$clone"
  git -C "$clone" checkout -q "$COMMIT"
  echo "check-reproducible: building $COMMIT in $clone"
  (cd "$clone" && sh packaging/build-linux.sh > "$clone.log" 2>&1) || { cat "$clone.log" >&2; exit 1; }
  (cd "$clone/dist/privacy-checkup" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$clone.files"
  (cd "$clone/dist/privacy-checkup" && find . -type l -printf '%p -> %l\n' | sort) >> "$clone.files"
done
deb_a=$(cd "$A/dist" && sha256sum privacy-checkup_*.deb)
deb_b=$(cd "$B/dist" && sha256sum privacy-checkup_*.deb)
files=$(wc -l < "$A.files")
if [ "$deb_a" = "$deb_b" ] && cmp -s "$A.files" "$B.files"; then
  echo "check-reproducible: identical: the .deb ($deb_a) and all $files bundle files and links"
  exit 0
fi
echo "check-reproducible: the two builds differ" >&2
echo "  a: $deb_a" >&2
echo "  b: $deb_b" >&2
diff "$A.files" "$B.files" >&2 || true
exit 1
