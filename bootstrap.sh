#!/bin/sh
# Set up a fresh Debian/Ubuntu machine and then either launch the app or run every check.
#   ./bootstrap.sh app    install what the app needs and open it
#   ./bootstrap.sh test   install what the tests need and run lint, types and the whole suite
set -eu
cd "$(dirname "$0")"
what=${1:-app}
case "$what" in
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

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$what" = app ]; then
  .venv/bin/python -m pip install -q .
  exec .venv/bin/privacy-checkup
fi
.venv/bin/python -m pip install -q -e '.[test]'
exec sh tests/run-all.sh
