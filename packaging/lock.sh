#!/bin/sh
# Resolve the build requirements for each platform the release builds on, with hashes:
#   sh packaging/lock.sh            keep the versions pinned now, add what a platform lacks
#   sh packaging/lock.sh --upgrade  take the newest versions allowed
# Needs uv (pip install uv). Each lock is resolved for its own platform and Python 3.11, so a
# platform's extra packages (pywin32-ctypes on Windows, macholib on macOS) are in its file.
set -eu
cd "$(dirname "$0")"
pins=$(mktemp)
trap 'rm -f "$pins"' EXIT
if [ "${1:-}" != --upgrade ] && [ -f requirements-linux.txt ]; then
  # The shared packages stay at the versions of today's Linux lock on every platform.
  grep -E '^[A-Za-z0-9_.-]+==' requirements-linux.txt | sed 's/ .*//' > "$pins"
fi
compile() {  # input output platform
  uv pip compile --quiet --python-version 3.11 --python-platform "$3" --generate-hashes --no-annotate \
    --no-header --constraint "$pins" --output-file "$2" "$1"
  sed -i "1i # Resolved by packaging/lock.sh from $1 for $3 (Python 3.11). Do not edit by hand." "$2"
}
# Linux: the glibc of the build base, Debian 12 (2.36).
compile requirements-build.in requirements-linux.txt x86_64-manylinux_2_36
compile requirements-build.in requirements-windows.txt x86_64-pc-windows-msvc
# macOS: the arm64 runners (macos-15).
compile requirements-build.in requirements-macos.txt aarch64-apple-darwin
compile requirements-ci.in requirements-ci.txt x86_64-manylinux_2_36
