#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzzer.sh FUZZER SECONDS MAX_LEN ARTIFACT_DIR DICTIONARY SEED…: a run
# of SECONDS from the seeds (folders, read recursively and never written;
# one that is missing is said and skipped), inputs of MAX_LEN bytes at
# most, mutated with the DICTIONARY's words too. What the fuzzer finds goes
# to a corpus of its own, removed after. A crash, UB, a leak or a timeout
# fails the run: its input is kept in ARTIFACT_DIR and run once more for
# whole stacks. Otherwise the last line is
#   fuzz-NAME: N runs in S s (E exec/s), cov: C ft: F corp: K, M new inputs
# (cov: edges of the core and the target reached; ft: features; corp: the
# inputs kept, seeds included).
set -eu
fuzzer=$1 seconds=$2 max_len=$3 artifacts=$4 dictionary=$5
shift 5
name=$(basename "$fuzzer")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/tmp" "$artifacts"

seeds=""
for dir in "$@"; do
  case $dir in
    testdata:*)
      echo "note: no third-party seeds ${dir#testdata:} (configure with -Dtestdata=PATH); in-tree seeds only" ;;
    *)
      if [ -d "$dir" ]; then
        seeds="$seeds $dir"
      else
        echo "note: no $dir"
      fi ;;
  esac
done

# UB is a crash like any other; the fuzz-backup workspaces go to $work/tmp
status=0
# shellcheck disable=SC2086  # the seed folders are words
TMPDIR="$work/tmp" \
UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}" \
  "$fuzzer" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -print_final_stats=1 \
    -dict="$dictionary" -artifact_prefix="$artifacts/" "$work/corpus" $seeds >"$work/log" 2>&1 || status=$?

if [ "$status" -ne 0 ]; then
  tail -n 60 "$work/log"
  input=$(sed -n 's/.*Test unit written to //p' "$work/log" | tail -n 1)
  if [ -n "$input" ]; then
    # the input once more, alone, with whole stacks (a leak's included)
    echo "--- $input, run again with whole stacks:"
    TMPDIR="$work/tmp" UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}" \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0" \
      "$fuzzer" "$input" 2>&1 | grep -v '^INFO:' | tail -n 60 || true
  fi
  echo "$name failed (status $status): keep its input ${input:-in $artifacts/} under" \
       "tests/fuzz/regressions/${name#fuzz-}/ once fixed"
  exit 1
fi
grep -E '^#[0-9]+[[:space:]]+INITED' "$work/log" | sed "s/^/$name: seeds: /" || true
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
cov=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/log" | sed -n 's/.*\(cov: [0-9]* ft: [0-9]* corp: [0-9]*\).*/\1/p')
found=$(find "$work/corpus" -type f | wc -l)
echo "$name: $runs runs in $seconds s ($rate exec/s), $cov, $found new inputs"
