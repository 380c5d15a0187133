#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the core's layers apart: SQL lives in src/core/store/ only, and the
store does not depend on src/core/export/. Names each file and line that
breaks this; exits 1 when any does.

Usage: check-layers.py SOURCE_ROOT"""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
src = root / 'src'
store = src / 'core' / 'store'
exports = {p.name for p in (src / 'core' / 'export').glob('*.h')}

OUTSIDE_STORE = re.compile(r'#\s*include\s*[<"](sqlite3\.h|cl-store-private\.h)[>"]'
                           r'|\bsqlite3_\w+|\bcl_store_(query|run)\b')
INCLUDE = re.compile(r'#\s*include\s*"([^"]+)"')

problems = []
for path in sorted(src.rglob('*')):
    if path.suffix not in ('.c', '.h'):
        continue
    in_store = store in path.parents
    for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        where = f'{path.relative_to(root)}:{number}'
        if not in_store and (match := OUTSIDE_STORE.search(line)):
            problems.append(f'{where}: {match.group(0)} outside src/core/store/')
        elif in_store and (match := INCLUDE.search(line)) and match.group(1) in exports:
            problems.append(f'{where}: the store includes {match.group(1)} from src/core/export/')

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
