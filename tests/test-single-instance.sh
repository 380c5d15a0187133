#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A second launch reaches the running instance and raises its window
# instead of opening another. Needs a display and a session bus.
set -eu
closeloop=$1
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

timeout 20 "$closeloop" --workspace "$dir/other.db" || fail "the second launch did not return"
kill -0 "$first" 2>/dev/null || fail "the first instance went away"
windows=$(gdbus introspect --session --dest io.github.closeloop.Closeloop \
            --object-path /io/github/closeloop/Closeloop/window | grep -c 'node [0-9]')
[ "$windows" -eq 1 ] || fail "expected one window, found $windows"
[ ! -e "$dir/other.db" ] || fail "the second launch opened a workspace of its own"
echo ok
