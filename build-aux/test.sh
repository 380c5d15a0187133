#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build and run the whole suite: the normal build, the sanitizer build
# (address, undefined), GUI tests under one Xvfb and session bus, half a minute
# of each fuzzing target (clang), then the benchmarks, which print
# figures. The normal build's tests print the line coverage of src/core and
# fail the run under 90 %. The last line is "N passed, N failed[, N skipped]".
set -eu
cd "$(dirname "$0")/.."
. build-aux/deps.sh

testdata=$(cd .. && pwd)/shared/testdata
[ -d "$testdata" ] || { echo "note: no $testdata; the tests that read it will skip"; testdata=""; }

# A runtime folder of the run's own: without one (root, no login session)
# the accessibility bus's socket is ~/.cache/at-spi/bus, shared by every
# session bus on the machine, and another session's bus replacing it makes
# GTK's connection fail with a critical, fatal in the tests.
XDG_RUNTIME_DIR=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR

# -noreset: by default Xvfb resets when its last client leaves, and a test
# that connects during the reset fails with "cannot open display" (seen on
# the quick builder checks, which start as the one before them ends)
display_run () {
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$@"
}

status=0
# the normal build also counts the lines its tests run (-Db_coverage=true:
# gcc's --coverage; each test process adds to the .gcda files, under a lock);
# those of an earlier run are cleared so that the figure is this run's
meson setup --reconfigure build -Db_coverage=true -Dtestdata="$testdata" >/dev/null 2>&1 \
  || meson setup build -Db_coverage=true -Dtestdata="$testdata"
ninja -C build
find build -name '*.gcda' -delete
display_run meson test -C build --print-errorlogs || status=1

# line coverage of src/core by those tests (before the benchmarks add to it);
# under the minimum the run fails
coverage_min=90
# (the report goes to a file in the build: gcovr replaces its output file,
# and given /dev/null it deleted the system's device)
coverage=$(gcovr --root . --filter src/core/ --exclude-unreachable-branches --print-summary \
             -o build/meson-logs/coverage.txt build 2>/dev/null | sed -n 's/^lines: \([0-9.]*\)%.*/\1/p') || true
if [ -z "$coverage" ]; then
  echo "core line coverage: not measured (gcovr failed)"
  status=1
elif awk -v c="$coverage" -v m="$coverage_min" 'BEGIN { exit !(c >= m) }'; then
  echo "core line coverage: $coverage % (at least $coverage_min %)"
else
  echo "core line coverage: $coverage %, under $coverage_min %"
  status=1
fi

meson setup --reconfigure build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
  -Dtestdata="$testdata" >/dev/null 2>&1 \
  || meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dtestdata="$testdata"
ninja -C build-sanitize
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions="$PWD/build-aux/lsan.supp":print_suppressions=0 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  display_run meson test -C build-sanitize --print-errorlogs --timeout-multiplier 3 --no-suite a11y || status=1

# the libFuzzer targets, built with clang over a core library instrumented
# for them (only the core, the fuzzers and the replay tests): the inputs
# that once failed replayed, then each fuzzer run 30 s from its seeds; its
# last line says what it covered and how many inputs it ran
CC=clang meson setup --reconfigure build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
  -Dtestdata="$testdata" >/dev/null 2>&1 \
  || CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
       -Dtestdata="$testdata"
ninja -C build-fuzz
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C build-fuzz --suite core --suite fuzz --no-rebuild --print-errorlogs || status=1
grep -h '^fuzz-[a-z]*: [0-9]* runs' build-fuzz/meson-logs/testlog.txt || true

# the benchmarks in a build of their own, optimised and not counting lines
# (the coverage build runs its code a third slower, unevenly)
if [ -z "${CLOSELOOP_SKIP_BENCHMARKS:-}" ]; then
  meson setup --reconfigure build-bench --buildtype=release >/dev/null 2>&1 \
    || meson setup build-bench --buildtype=release
  ninja -C build-bench
  display_run meson test -C build-bench --benchmark --logbase benchmarklog --verbose 2>&1 \
    | grep -E '^[a-z-]+: ' || status=1
fi

python3 build-aux/test-summary.py build/meson-logs/testlog.json build-sanitize/meson-logs/testlog.json \
  build-fuzz/meson-logs/testlog.json
exit $status
