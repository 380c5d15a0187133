#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No GLib format macro inside a translatable message.

xgettext knows <inttypes.h>'s PRId64 and writes it as <PRId64> in the
template; G_GINT64_FORMAT, G_GSIZE_FORMAT and the like it does not know,
and it cuts the message there, so translators see half of it. Fails,
naming each file and line, on a _() or N_() whose string pieces are joined
by such a macro. Usage: check-message-formats.py SOURCE_ROOT"""
import pathlib
import re
import sys

# _( or N_( then string literals and format macros, as C joins them
MESSAGE = re.compile(r'\bN?_\((?:\s*(?:"(?:[^"\\]|\\.)*"|G_G\w+_FORMAT|PRI\w+))+')
GLIB_FORMAT = re.compile(r'G_G\w+_FORMAT')


def main():
    root = pathlib.Path(sys.argv[1])
    found = []
    for path in sorted((root / 'src').rglob('*.c')):
        text = path.read_text(encoding='utf-8')
        for match in MESSAGE.finditer(text):
            if GLIB_FORMAT.search(match.group(0)):
                line = text.count('\n', 0, match.start()) + 1
                found.append(f'{path.relative_to(root)}:{line}')
    for place in found:
        print(f'a GLib format macro cuts this message short in the template: {place}')
    print(f'{len(found)} messages cut short' if found else 'ok')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
