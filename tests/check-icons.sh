#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The app icon exists full-colour and symbolic, and both are well-formed SVG
# with a square view box.
set -eu
root=$1 app_id=$2
for icon in "$root/data/icons/hicolor/scalable/apps/$app_id.svg" \
            "$root/data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  [ -s "$icon" ] || { echo "missing icon: $icon"; exit 1; }
  python3 - "$icon" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag.endswith('svg'), 'not an SVG: ' + sys.argv[1]
box = root.get('viewBox').split()
assert box[2] == box[3], 'icon is not square: ' + sys.argv[1]
PY
done
echo ok
