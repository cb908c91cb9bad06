#!/bin/sh
# Check the installed manual page: it renders with man(1) without a warning from groff, and it
# describes every command that the program's own --help lists.
#   sh packaging/linux/check-manpage.sh [PAGE [PROGRAM]]
#   (default: the installed privacy-checkup.1.gz and /usr/bin/privacy-checkup)
set -eu
PAGE=${1:-/usr/share/man/man1/privacy-checkup.1.gz}
PROGRAM=${2:-/usr/bin/privacy-checkup}
out=$(mktemp)
trap 'rm -f "$out" "$out.err"' EXIT
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$PAGE" >"$out" 2>"$out.err"
if [ -s "$out.err" ]; then
  echo "check-manpage: $PAGE renders with warnings:" >&2
  cat "$out.err" >&2
  exit 1
fi
for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS"; do
  grep -q "^$section" "$out" || { echo "check-manpage: no $section section in $PAGE" >&2; exit 1; }
done
# The commands: the names indented under COMMAND in the program's help.
commands=$(COLUMNS=200 "$PROGRAM" --help | sed -n '/^  COMMAND$/,/^$/s/^    \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "check-manpage: $PROGRAM --help lists no commands" >&2; exit 1; }
for command in $commands; do
  grep -q "privacy-checkup $command" "$out" || { echo "check-manpage: $PAGE does not describe '$command'" >&2; exit 1; }
done
echo "check-manpage: $PAGE renders ($(wc -l < "$out") lines) and describes every command:" $commands
