#!/bin/sh
# Install the Debian/Ubuntu packages the app (`app`) or the tests and packaging (`test`) need.
set -eu
cd "$(dirname "$0")/.."
case "${1:-app}" in
  app) packages=packaging/apt-app.txt ;;
  test) packages=packaging/apt-test.txt ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
if command -v apt-get >/dev/null 2>&1; then
  $sudo apt-get update -qq
  # shellcheck disable=SC2046
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(cat "$packages") >/dev/null
else
  echo "apt-get not found: install the packages listed in $packages with your package manager" >&2
fi
