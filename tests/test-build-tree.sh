#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run from the build tree: meson devenv finds the compiled settings schema
# and the binary; without the schema, the window says how to run it.
set -eu
meson=$1
build=$2
closeloop=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail () { echo "not ok: $*" >&2; exit 1; }
unset DISPLAY WAYLAND_DISPLAY || true
# no schema from the test's environment, the system or the user
mkdir "$dir/empty"
export GSETTINGS_SCHEMA_DIR="$dir/empty" XDG_DATA_DIRS="$dir/empty" XDG_DATA_HOME="$dir/empty"

"$closeloop" --workspace "$dir/team.db" demo --deals 20 --reps 2 --weeks 2 --seed 1 >/dev/null \
  || fail "a command needs no settings schema"
set +e
"$closeloop" --workspace "$dir/team.db" >"$dir/out" 2>"$dir/err"
status=$?
set -e
[ $status -eq 1 ] || fail "without the settings schema the window exits 1, not $status: $(cat "$dir/err")"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "one line on stderr: $(cat "$dir/err")"
grep -q "^closeloop: the settings schema io.github.closeloop.Closeloop is not installed;.*meson devenv -C build closeloop$" \
  "$dir/err" || fail "it says how to run Closeloop: $(cat "$dir/err")"

"$meson" devenv -C "$build" gsettings list-keys io.github.closeloop.Closeloop >"$dir/out" 2>&1 \
  || fail "meson devenv finds the compiled schema: $(cat "$dir/out")"
"$meson" devenv -C "$build" closeloop --help >"$dir/out" 2>&1 || fail "meson devenv -C build closeloop --help"
grep -q "^Usage:" "$dir/out" || fail "closeloop --help under meson devenv: $(cat "$dir/out")"
echo "ok"
