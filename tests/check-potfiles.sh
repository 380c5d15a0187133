#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with a translatable string is listed in po/POTFILES.in, and
# every file listed exists.
set -eu
cd "$1"
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( (grep -rlE '\b(N?_|C_|NC_|g_dngettext)[[:space:]]*\(' src --include='*.c';
          grep -rl 'translatable="yes"' src data --include='*.ui' --include='*.xml' --include='*.in';
          ls data/*.desktop.in data/*.gschema.xml) | sort -u)
status=0
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "missing from po/POTFILES.in: $f"; status=1; }
done
for f in $listed; do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but absent: $f"; status=1; }
done
exit $status
