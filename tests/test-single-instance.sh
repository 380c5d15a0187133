#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A second launch reaches the running instance and raises its window
# instead of opening another; one that asked for another workspace is told,
# in one line, which workspace the window shows. Needs a display and a
# session bus.
set -eu
closeloop=$(readlink -f "$1")  # the third launch runs from another folder
dir=$(mktemp -d)
first=""
cleanup () { [ -n "$first" ] && kill "$first" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
fail () {
  echo "not ok: $*" >&2
  [ -s "$dir/first.log" ] && { echo "the first instance said:" >&2; cat "$dir/first.log" >&2; }
  exit 1
}

[ -n "${DISPLAY:-}" ] || { echo "no display: run under xvfb-run"; exit 77; }
"$closeloop" --workspace "$dir/team.db" >"$dir/first.log" 2>&1 &
first=$!
tries=0
until gdbus introspect --session --dest io.github.closeloop.Closeloop \
        --object-path /io/github/closeloop/Closeloop/window/1 >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ $tries -lt 100 ] || fail "the first instance never showed its window"
  sleep 0.1
done

timeout 20 "$closeloop" --workspace "$dir/other.db" >"$dir/second.out" || fail "the second launch did not return"
[ "$(wc -l <"$dir/second.out")" -eq 1 ] || fail "the second launch says one line, not: $(cat "$dir/second.out")"
grep -q "$dir/team.db.*raised.*$dir/other.db" "$dir/second.out" \
  || fail "the line names the workspace shown, then the one asked for: $(cat "$dir/second.out")"
# the same workspace, named from another folder: raised, nothing to say
(cd "$dir" && timeout 20 "$closeloop" --workspace team.db) >"$dir/same.out" || fail "the third launch did not return"
[ ! -s "$dir/same.out" ] || fail "a launch on the open workspace says nothing, not: $(cat "$dir/same.out")"
kill -0 "$first" 2>/dev/null || fail "the first instance went away"
windows=$(gdbus introspect --session --dest io.github.closeloop.Closeloop \
            --object-path /io/github/closeloop/Closeloop/window | grep -c 'node [0-9]')
[ "$windows" -eq 1 ] || fail "expected one window, found $windows"
[ ! -e "$dir/other.db" ] || fail "the second launch opened a workspace of its own"
echo ok
