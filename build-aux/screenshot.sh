#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of a sample team for the README and the metainfo:
#   build-aux/screenshot.sh OUT.png [WIDTH HEIGHT [VIEW [dark]]]
# VIEW: overview, pipeline, coaching, development or retros; it is chosen
# through the window's exported actions on the session bus, and the picture
# taken SCREENSHOT_WAIT seconds later (4 by default; more on a loaded
# machine, where a view may still be reading the workspace).
set -eu
out=$1 width=${2:-1000} height=${3:-720} view=${4:-overview} scheme=${5:-}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CLOSELOOP_TODAY=2026-11-23 "$root/build/src/closeloop" --workspace "$tmp/team.db" demo >/dev/null
mkdir -p "$tmp/config/glib-2.0/settings"
cat >"$tmp/config/glib-2.0/settings/keyfile" <<KEYS
[io/github/closeloop/Closeloop]
window-width=$width
window-height=$height
KEYS
[ "$scheme" = dark ] && export ADW_DEBUG_COLOR_SCHEME=prefer-dark
XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile GSK_RENDERER=cairo \
GSETTINGS_SCHEMA_DIR="$root/build/data" CLOSELOOP_TODAY=2026-11-23 NO_AT_BRIDGE=1 \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1400x1000x24" sh -c "
    '$root/build/src/closeloop' --workspace '$tmp/team.db' &
    sleep 3
    gdbus call --session --dest io.github.closeloop.Closeloop \
      --object-path /io/github/closeloop/Closeloop/window/1 \
      --method org.gtk.Actions.Activate show-view \"[<'$view'>]\" '{}' >/dev/null
    sleep ${SCREENSHOT_WAIT:-4}
    import -window root -crop ${width}x${height}+0+0 '$out'
    kill \$!"
