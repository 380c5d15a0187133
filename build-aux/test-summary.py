#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print "N passed, N failed[, N skipped]" from meson test logs.

Each test that failed is named first, with the build it ran in and the
last lines it printed, so a red CI run says what went wrong."""
import json
import os
import sys

TAIL_LINES = 40

passed = failed = skipped = 0
for path in sys.argv[1:]:
    build = os.path.basename(os.path.dirname(os.path.dirname(path)))
    with open(path, encoding='utf-8') as log:
        for line in log:
            test = json.loads(line)
            result = test.get('result')
            if result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1
                print(f'FAILED in {build}: {test.get("name")} ({result}, '
                      f'{test.get("duration", 0):.1f} s)')
                output = (test.get('stdout') or '') + (test.get('stderr') or '')
                for tail in output.splitlines()[-TAIL_LINES:]:
                    print(f'  | {tail}')
summary = f'{passed} passed, {failed} failed'
if skipped:
    summary += f', {skipped} skipped'
print(summary)
