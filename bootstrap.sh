#!/bin/sh
# Set up a fresh Debian/Ubuntu machine and then either launch the app or run every check.
#   ./bootstrap.sh app    install what the app needs, add a menu entry and a `privacy-checkup`
#                         command for you, and open it
#   ./bootstrap.sh test   install what the tests need and run lint, types and the whole suite
# (Most people want the installer for their system instead: see the README's first lines.)
set -eu
cd "$(dirname "$0")"
what=${1:-app}
case "$what" in
  app|test) ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac
say() { echo "bootstrap: $*"; }

say "step 1 of 3: system packages for the $what (apt-get)"
sh packaging/install-system-packages.sh "$what"

say "step 2 of 3: a Python environment in $(pwd)/.venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$what" = app ]; then
  say "installing Privacy Checkup and the Python packages it needs (about a minute)"
  .venv/bin/python -m pip install -q .
  say "step 3 of 3: a menu entry and a privacy-checkup command for you"
  sh packaging/linux/install-user-launcher.sh .venv/bin/privacy-checkup
  case ":$PATH:" in
    *":$HOME/.local/bin:"*) again="type privacy-checkup in a terminal" ;;
    *) again="run $HOME/.local/bin/privacy-checkup (that folder joins your PATH at your next login on most systems)" ;;
  esac
  say "done. To open Privacy Checkup again: choose it in your applications menu, or $again."
  say "opening Privacy Checkup"
  exec .venv/bin/privacy-checkup
fi
say "installing the app for development, with the test tools"
.venv/bin/python -m pip install -q -e '.[test]'
say "step 3 of 3: lint, type checks and the whole test suite"
exec sh tests/run-all.sh
