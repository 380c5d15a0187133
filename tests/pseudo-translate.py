#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A pseudo-translation of Closeloop: every message of the template as
itself in "⟦…⟧", its format specifiers, mnemonics and the newlines at its
ends kept, so a string the window shows that no translation reached stands
out. Usage: pseudo-translate.py SOURCE_ROOT OUTPUT.mo"""
import pathlib
import re
import subprocess
import sys
import tempfile

# the keywords of meson's i18n preset 'glib', which builds the template
XGETTEXT = ['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
            '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
            '--flag=g_strdup_printf:1:c-format', '--flag=g_string_append_printf:2:c-format',
            '--flag=g_set_error:4:c-format', '--flag=C_:2:pass-c-format',
            '--flag=g_dngettext:2:pass-c-format']
MSGSTR = re.compile(r'^(msgstr(?:\[\d+\])? )"(.*)"$')
CONTINUED = re.compile(r'^"(.*)"$')
ENDS = re.compile(r'^((?:\\n)*)(.*?)((?:\\n)*)$')


def wrap(text):
    """@text, escaped as the PO writes it, in brackets inside its newlines."""
    if text == '':
        return text
    head, body, tail = ENDS.match(text).groups()
    return f'{head}⟦{body}⟧{tail}'


def pseudo(po):
    out = []
    lines = po.splitlines()
    i = 0
    in_header = True
    while i < len(lines):
        match = MSGSTR.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        keyword, text = match.groups()
        i += 1
        while i < len(lines) and CONTINUED.match(lines[i]):
            text += CONTINUED.match(lines[i]).group(1)
            i += 1
        out.append(f'{keyword}"{text if in_header else wrap(text)}"')
        in_header = False
    return '\n'.join(out) + '\n'


def main():
    root = pathlib.Path(sys.argv[1])
    sources = [line for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines()
               if line.startswith('src/')]
    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / 'closeloop.pot'
        english = pathlib.Path(tmp) / 'en.po'
        wrapped = pathlib.Path(tmp) / 'xx.po'
        subprocess.run(XGETTEXT + ['--directory', str(root), '--output', str(pot)] + sources, check=True)
        subprocess.run(['msgen', '--output-file', str(english), str(pot)], check=True)
        wrapped.write_text(pseudo(english.read_text(encoding='utf-8'))
                           .replace('charset=CHARSET', 'charset=UTF-8')
                           .replace('nplurals=INTEGER; plural=EXPRESSION;', 'nplurals=2; plural=(n != 1);'),
                           encoding='utf-8')
        subprocess.run(['msgfmt', '--check', '--output-file', sys.argv[2], str(wrapped)], check=True)


if __name__ == '__main__':
    main()
