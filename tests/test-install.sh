#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installed, an exported summary is a Closeloop file by its name and opens
# with Closeloop: the build installed into a temporary folder, the MIME
# database and the applications read from there. Skipped (77) without
# update-mime-database, update-desktop-database or gio.
set -eu
meson=$1
build=$2
closeloop=$3
bindir=$4
datadir=$5
for tool in update-mime-database update-desktop-database gio; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is missing"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail () { echo "not ok: $*" >&2; exit 1; }
unset DISPLAY WAYLAND_DISPLAY || true
content_type () { gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
summary=application/vnd.closeloop.summary+json

"$meson" install -C "$build" --no-rebuild --destdir "$dir/root" >"$dir/out" 2>&1 \
  || fail "meson install: $(cat "$dir/out")"
share="$dir/root$datadir"
# what meson install's post-install step does, but under a DESTDIR
update-mime-database "$share/mime" || fail "update-mime-database"
update-desktop-database "$share/applications" || fail "update-desktop-database"
mkdir "$dir/home" "$dir/config"
# gio lists an application only when its Exec is on the PATH
export XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" \
  XDG_CONFIG_DIRS="$dir/config" PATH="$dir/root$bindir:$PATH"

"$closeloop" --workspace "$dir/team.db" demo --deals 20 --reps 2 --weeks 2 --seed 1 >/dev/null || fail "demo"
"$closeloop" --workspace "$dir/team.db" export review --output "$dir/review.closeloop.json" || fail "export review"
type=$(content_type "$dir/review.closeloop.json")
[ "$type" = "$summary" ] || fail "an exported review is a Closeloop summary by its name, not $type"
gio mime "$summary" | head -n 1 | grep -q ": io.github.closeloop.Closeloop.desktop$" \
  || fail "Closeloop opens it: $(gio mime "$summary")"
echo "ok"
