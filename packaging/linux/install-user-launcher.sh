#!/bin/sh
# Give a person who ran `./bootstrap.sh app` a way back into the app: a menu entry (a desktop file in
# ~/.local/share/applications), the icon, and a `privacy-checkup` command (a link in ~/.local/bin).
# Only the user's own folders are written, nothing system-wide; removing those three files undoes it.
#   sh packaging/linux/install-user-launcher.sh PROGRAM     (PROGRAM: the checkout's .venv/bin/privacy-checkup)
set -eu
cd "$(dirname "$0")/../.."
PROGRAM=$1
case "$PROGRAM" in /*) ;; *) PROGRAM="$(pwd)/$PROGRAM" ;; esac
[ -x "$PROGRAM" ] || { echo "install-user-launcher: $PROGRAM is not a program" >&2; exit 1; }
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
ENTRY="$DATA/applications/org.privacycheckup.PrivacyCheckup.desktop"
mkdir -p "$DATA/applications" "$DATA/icons/hicolor/scalable/apps" "$BIN"

# The Exec value quoted as the Desktop Entry spec wants when the path holds a space or a special
# character; TryExec makes desktops hide the entry if the checkout is deleted.
quoted=$(printf '%s' "$PROGRAM" | sed -e 's/[\\"`$]/\\&/g')
case "$PROGRAM" in
  *[!A-Za-z0-9/._+-]*) exec_value="\"$quoted\"" ;;
  *) exec_value=$PROGRAM ;;
esac
tmp="$ENTRY.tmp.$$"
sed -e "/^TryExec=/d" -e "s|^Exec=.*|Exec=$(printf '%s' "$exec_value" | sed 's/[|&\\]/\\&/g')|" \
    -e "/^Exec=/i TryExec=$(printf '%s' "$PROGRAM" | sed 's/[|&\\]/\\&/g')" \
    resources/linux/org.privacycheckup.PrivacyCheckup.desktop > "$tmp"
mv "$tmp" "$ENTRY"
cp resources/icons/privacy-checkup.svg "$DATA/icons/hicolor/scalable/apps/privacy-checkup.svg"
ln -sf "$PROGRAM" "$BIN/privacy-checkup"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$DATA/applications" || true
fi
echo "Menu entry: $ENTRY"
echo "Command:    $BIN/privacy-checkup -> $PROGRAM"
