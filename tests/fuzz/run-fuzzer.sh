#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzzer.sh FUZZER SEED_CORPUS SECONDS: a short run from a copy of the
# seed corpus (the fuzzer adds what it finds to its corpus directory).
set -eu
fuzzer=$1 seeds=$2 seconds=$3
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$seeds"/* "$corpus"/
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 "$corpus" 2>&1 | tail -5
