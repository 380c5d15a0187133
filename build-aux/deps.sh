# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: install the Debian 12 packages when root,
# otherwise name the ones missing and the line that installs them.
packages=$(grep -v '^#' "$(dirname "$0")/debian-packages.txt" | tr '\n' ' ')
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
  else
    echo "Closeloop needs these Debian packages:$missing" >&2
    echo "Install them with:  sudo apt-get install$missing" >&2
    exit 1
  fi
fi
