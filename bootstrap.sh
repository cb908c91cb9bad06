#!/bin/sh
# Set up a fresh Debian/Ubuntu machine and then either launch the app or run every check.
#   ./bootstrap.sh app    install what the app needs and open it
#   ./bootstrap.sh test   install what the tests need and run lint, types and the whole suite
set -eu
cd "$(dirname "$0")"
what=${1:-app}
case "$what" in
  app|test) ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac
sh packaging/install-system-packages.sh "$what"

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$what" = app ]; then
  .venv/bin/python -m pip install -q .
  exec .venv/bin/privacy-checkup
fi
.venv/bin/python -m pip install -q -e '.[test]'
exec sh tests/run-all.sh
