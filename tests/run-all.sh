#!/bin/sh
# Lint, type-check and run the whole suite against a real Secret Service keyring.
# Extra arguments go to pytest, e.g. `sh tests/run-all.sh -k vault`.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m ruff check .
"$PY" -m mypy
export QT_QPA_PLATFORM=offscreen
# CI must not skip the keyring tests: with this set, a missing Secret Service fails them.
export PRIVACY_CHECKUP_REQUIRE_KEYRING=1
# A throwaway keyring folder: the tests never see (or unlock) the developer's own keyrings.
KEYRING_HOME=$(mktemp -d)
trap 'rm -rf "$KEYRING_HOME"' EXIT
export KEYRING_HOME
dbus-run-session -- sh -c '
  echo -n "test-keyring-password" | XDG_DATA_HOME="$KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$0" -m pytest "$@"' "$PY" "$@"
