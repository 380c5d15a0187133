#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The man page names every command `closeloop help` lists, and renders
# without a warning where groff or man is installed.
set -eu
closeloop=$1
page=$2
fail () { echo "not ok: $*" >&2; exit 1; }
export LC_ALL=C.UTF-8

commands=$("$closeloop" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')
[ -n "$commands" ] || fail "help lists no commands"
for command in $commands; do
  # each command is a .B line of its own under COMMANDS
  grep -qx ".B $command" "$page" || fail "the man page lacks $command"
done
grep -q '^\.B \\-\\-workspace\|^\.BI \\-\\-workspace' "$page" || fail "the man page lacks --workspace"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww "$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "groff warns: $warnings"
elif command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "man warns: $warnings"
fi
echo ok
