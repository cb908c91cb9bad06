#!/bin/sh
# Remove the installed .deb as an administrator would, and check what removal does in a real home:
# the start-at-login entry that the packaged program writes goes, people's data stays.
# Uses root's own home (an entry of its own must not be there already; its data is only compared); needs root.
set -eu
home=$(getent passwd root | cut -d: -f6)
entry="$home/.config/autostart/org.privacycheckup.PrivacyCheckup.desktop"
data="$home/.local/share/privacy-checkup"
if [ -e "$entry" ]; then
  echo "removal-check: $home already has a start-at-login entry for Privacy Checkup; not touching it" >&2
  exit 1
fi
marker=""
if [ ! -d "$data" ]; then
  marker="$data"
fi
created=""
for dir in "$home/.config" "$home/.config/autostart" "$home/.local" "$home/.local/share"; do
  [ -d "$dir" ] || { mkdir "$dir"; created="$dir $created"; }
done
cleanup() {
  rm -f "$entry"
  [ -z "$marker" ] || rm -rf "$marker"
  for dir in $created; do rmdir "$dir" 2>/dev/null || true; done
}
trap cleanup EXIT
# The entry as the packaged program writes it (storage/autostart.py: sys.executable, --background).
printf '[Desktop Entry]\nType=Application\nName=Privacy Checkup\nExec=/opt/privacy-checkup/privacy-checkup --background\nTerminal=false\n' > "$entry"
mkdir -p "$data"
[ -z "$marker" ] || echo answers > "$data/progress.sqlite3"
before=$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
apt-get remove -y -qq -o DPkg::Lock::Timeout=300 privacy-checkup >/dev/null
[ ! -e /opt/privacy-checkup ] || { echo "removal-check: /opt/privacy-checkup is still there" >&2; exit 1; }
[ ! -e "$entry" ] || { echo "removal-check: the start-at-login entry was left behind" >&2; exit 1; }
after=$(cd "$data" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
[ -n "$before" ] && [ "$before" = "$after" ] || { echo "removal-check: the user's data changed" >&2; exit 1; }
echo "removal-check: removed; the start-at-login entry went with it and the user's data stayed"
