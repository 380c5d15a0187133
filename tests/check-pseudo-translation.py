#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The main views in a pseudo-translation: builds it from the sources
(pseudo-translate.py) into a temporary locale folder as the language "xx",
then runs test-gui-pseudo in it, which says what reached no translator.
Usage: check-pseudo-translation.py SOURCE_ROOT TEST-GUI-PSEUDO [ARGS…]"""
import os
import pathlib
import subprocess
import sys
import tempfile


def main():
    root, test = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as localedir:
        messages = pathlib.Path(localedir) / 'xx' / 'LC_MESSAGES'
        messages.mkdir(parents=True)
        subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name('pseudo-translate.py')), root,
                        str(messages / 'closeloop.mo')], check=True, stdout=sys.stderr)
        # LANGUAGE is not read in the C locale itself, only in C.UTF-8
        env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='xx', CLOSELOOP_TEST_LOCALEDIR=localedir)
        sys.exit(subprocess.run([test] + sys.argv[3:], env=env).returncode)


if __name__ == '__main__':
    main()
