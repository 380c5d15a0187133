#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion offers each command `closeloop help` lists from its
# first letters, the global options, and files after --workspace.
set -eu
closeloop=$1
source "$2"
fail () { echo "not ok: $*" >&2; exit 1; }
export LC_ALL=C.UTF-8

complete_words () {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _closeloop
  printf '%s\n' "${COMPREPLY[@]}"
}

complete_words closeloop ex | grep -qx export || fail "closeloop ex does not offer export"
for command in $("$closeloop" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }'); do
  complete_words closeloop --workspace team.db "${command:0:3}" | grep -qx -- "$command" \
    || fail "closeloop --workspace team.db ${command:0:3} does not offer $command"
done
complete_words closeloop --work | grep -qx -- --workspace || fail "--work does not offer --workspace"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/team.db"
complete_words closeloop --workspace "$dir/te" | grep -qx "$dir/team.db" || fail "--workspace completes a file"
complete_words closeloop export review --output "$dir/t" | grep -qx "$dir/team.db" || fail "--output completes a file"
echo ok
