#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build Closeloop and launch it from the build tree.
# Arguments go to closeloop, e.g. build-aux/run.sh --workspace /tmp/team.db
set -eu
cd "$(dirname "$0")/.."
. build-aux/deps.sh
[ -f build/build.ninja ] || meson setup build
ninja -C build
GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec ./build/src/closeloop "$@"
