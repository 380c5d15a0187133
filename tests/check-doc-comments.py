#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every function a public header of src/core declares has a doc comment in
GLib's form, next to its definition:

    /**
     * cl_thing_get_name:
     * @self: a thing
     *
     * What it does.
     *
     * Returns: (transfer none) (nullable): its name, or %NULL when unset
     */

Checked: the block exists; it names each parameter; a function that returns
something says what (Returns:); a returned pointer says who owns it
(transfer full, container or none); a return or parameter that may be NULL
says (nullable) or (optional); no header holds a second copy. Names each
missing piece; exits 1 when any is.

Usage: check-doc-comments.py SOURCE_ROOT"""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
core = root / 'src' / 'core'
PRIVATE = {'cl-store-private.h', 'cl-demo-random.h'}

COMMENT = re.compile(r'/\*.*?\*/', re.S)
DECLARATION = re.compile(r'^(?!typedef|#|G_)([A-Za-z_][\w\s\*]*?)\b(cl_\w+)\s*\(([^;{]*?)\)\s*'
                         r'(?:G_GNUC_\w+(?:\s*\([^)]*\))?\s*)*;', re.M | re.S)
BLOCK = re.compile(r'/\*\*\s*\n\s*\* (cl_\w+):\s*\n(.*?)\*/', re.S)
# Types that are handles even without a '*' in the declaration.
POINTER_TYPEDEFS = {'GStrv'}


def parameter_names(parameters):
    text = ' '.join(parameters.split())
    if text in ('', 'void'):
        return []
    names = []
    for parameter in text.split(','):
        parameter = parameter.strip()
        if parameter == '...':
            names.append('...')
            continue
        match = re.search(r'(\w+)\s*(\[[^\]]*\])?$', parameter)
        if match:
            names.append(match.group(1))
    return names


def parse_block(body):
    """Maps '@name' and 'Returns' to their text, continuation lines joined."""
    entries = {}
    current = None
    for line in body.splitlines():
        line = re.sub(r'^\s*\*\s?', '', line)
        match = re.match(r'(@[\w.]+|Returns):\s*(.*)', line)
        if match:
            current = match.group(1)
            entries[current] = match.group(2)
        elif current and line.strip():
            entries[current] += ' ' + line.strip()
        else:
            current = None
    return entries


def says_null(text):
    return re.search(r'%?\bNULL\b', text) is not None


blocks = {}
for path in sorted(core.rglob('*.c')):
    for match in BLOCK.finditer(path.read_text(encoding='utf-8')):
        blocks[match.group(1)] = parse_block(match.group(2))

problems = []
declared = 0
for header in sorted(core.rglob('*.h')):
    if header.name in PRIVATE:
        continue
    source = header.read_text(encoding='utf-8')
    for match in BLOCK.finditer(source):
        problems.append(f'{header.relative_to(root)}: {match.group(1)}: a doc comment in the header; '
                        'keep the one next to the definition')
    text = COMMENT.sub('', source)
    for match in DECLARATION.finditer(text):
        return_type = ' '.join(match.group(1).split())
        name = match.group(2)
        declared += 1
        where = f'{header.relative_to(root)}: {name}'
        entries = blocks.get(name)
        if entries is None:
            problems.append(f'{where}: no doc comment')
            continue
        for parameter in parameter_names(match.group(3)):
            described = entries.get('@' + parameter)
            if described is None:
                problems.append(f'{where}: @{parameter} not described')
            elif (parameter != 'error' and says_null(described)
                  and '(nullable)' not in described and '(optional)' not in described):
                problems.append(f'{where}: @{parameter} may be NULL but is not (nullable)')
        returns = entries.get('Returns')
        if return_type.endswith('void') and '*' not in return_type:
            continue
        if returns is None:
            problems.append(f'{where}: the return value is not described')
            continue
        pointer = '*' in return_type or return_type.split()[-1] in POINTER_TYPEDEFS
        if pointer and '(transfer ' not in returns:
            problems.append(f'{where}: Returns: says no (transfer …)')
        if pointer and says_null(returns) and '(nullable)' not in returns:
            problems.append(f'{where}: Returns: may be NULL but is not (nullable)')

for problem in problems:
    print(problem)
print(f'{declared} public functions, {len(problems)} problems', file=sys.stderr)
sys.exit(1 if problems or declared == 0 else 0)
