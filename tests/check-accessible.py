#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader meets it, over AT-SPI: every view of the
sample team visited, and each control named in words.

Fails, listing each, on a control named by its type ("GtkImage",
"GtkMenuButton") or not at all, on a name that shows a mnemonic's
underscore ("_Save Save"), and on a Tab stop that does nothing (an image,
a chart). Then, with keys typed through XTest as a user types them, Alt+2
and Alt+1 switch views after the main menu was opened and closed. Usage:
check-accessible.py CLOSELOOP WORKDIR (run inside dbus-run-session and
xvfb-run; skips when pyatspi is not installed)."""
import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
import time

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP pyatspi is not installed (python3-pyatspi)')
    sys.exit(0)

CONTROLS = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box',
    'entry', 'spin button', 'slider', 'page tab', 'link', 'switch', 'menu item',
    'check menu item', 'radio menu item', 'password text',
}
# roles a user cannot do anything with: reaching them by Tab is noise
INERT = {'image', 'drawing area', 'canvas', 'progress bar', 'separator', 'icon'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Cl)[A-Z][A-Za-z]*$')
MNEMONIC = re.compile(r'(^|\s)_[^\s_]')
VIEWS = ['Overview', 'Pipeline Review', 'Deal Coaching', 'Rep Development', 'Retrospectives',
         'Team Library']


def find_app(name, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    sys.exit(f'Bail out! {name} never appeared on the accessibility bus')


def walk(node, path, found):
    try:
        role = node.getRoleName()
        name = node.name or ''
        focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:  # gone while walking: a list row recycled
        return
    where = ' › '.join(path[-3:] + [f'{role} “{name}”'])
    if role in CONTROLS and (not name.strip() or TYPE_NAME.match(name)):
        found.add(f'unnamed {role}: {where}')
    if MNEMONIC.search(name):
        found.add(f'underscore shown: {where}')
    if focusable and role in INERT:
        found.add(f'Tab stop that does nothing: {where}')
    label = name if name and not TYPE_NAME.match(name) else role
    for child in node:
        if child is not None:
            walk(child, path + [label], found)


class Keyboard:
    """Keys typed on the X display through XTest, as a user's are."""

    def __init__(self):
        x11, xtst = ctypes.util.find_library('X11'), ctypes.util.find_library('Xtst')
        if not x11 or not xtst:
            raise OSError('libX11 or libXtst is missing')
        self.x = ctypes.cdll.LoadLibrary(x11)
        self.t = ctypes.cdll.LoadLibrary(xtst)
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XStringToKeysym.restype = ctypes.c_ulong
        self.x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.display = ctypes.c_void_p(self.x.XOpenDisplay(None))

    def press(self, combo):
        codes = [self.x.XKeysymToKeycode(self.display, self.x.XStringToKeysym(key.encode()))
                 for key in combo.split('+')]
        for code in codes:
            self.t.XTestFakeKeyEvent(self.display, code, 1, 0)
        for code in reversed(codes):
            self.t.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x.XFlush(self.display)
        time.sleep(0.8)


def selected_view(app):
    found = []

    def collect(node):
        for child in node:
            if child is None:
                continue
            if child.getRoleName() == 'page tab' and child.getState().contains(pyatspi.STATE_SELECTED):
                found.append(child.name)
            collect(child)
    collect(app)
    return found[0] if found else None


def visit_views(window):
    tabs = {}

    def collect(node):
        for child in node:
            if child is None:
                continue
            if child.getRoleName() == 'page tab' and child.name in VIEWS:
                tabs.setdefault(child.name, child)
            collect(child)
    collect(window)
    return tabs


def main():
    closeloop, workdir = sys.argv[1], sys.argv[2]
    workspace = os.path.join(workdir, 'accessible.db')
    env = dict(os.environ, CLOSELOOP_TODAY='2026-11-23')
    env.pop('NO_AT_BRIDGE', None)
    for stale in (workspace, workspace + '-wal', workspace + '-shm'):
        if os.path.exists(stale):
            os.unlink(stale)
    subprocess.run([closeloop, '--workspace', workspace, 'demo'], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    window = subprocess.Popen([closeloop, '--workspace', workspace], env=env)
    try:
        app = find_app('closeloop')
        time.sleep(2)
        found = set()
        tabs = visit_views(app)
        missing = [view for view in VIEWS if view not in tabs]
        if missing:
            sys.exit(f'Bail out! no tab for {", ".join(missing)}')
        for view in VIEWS:
            try:
                tabs[view].queryAction().doAction(0)
            except Exception:  # no reply while the view fills: it switched all the same
                pass
            time.sleep(1.5)
        # every view shown once: what a screen reader meets now
        walk(app, [], found)
        print('1..2')
        for problem in sorted(found):
            print(f'# {problem}')
        print(('not ok' if found else 'ok') + f' 1 every control of the {len(VIEWS)} views named in words'
              + (f' ({len(found)} problems)' if found else ''))
        try:
            keyboard = Keyboard()
        except OSError as error:
            print(f'ok 2 # SKIP {error}')
            return 1 if found else 0
        shown = []
        for combo in ('F10', 'Escape', 'Alt_L+2', 'F10', 'Escape', 'Alt_L+1'):
            keyboard.press(combo)
            if combo.startswith('Alt'):
                shown.append(selected_view(app))
        switched = shown == ['Pipeline Review', 'Overview']
        print(('ok' if switched else 'not ok') + ' 2 Alt+2 and Alt+1 switch views after the menu closed'
              + ('' if switched else f' (shown: {shown})'))
        return 0 if switched and not found else 1
    finally:
        window.terminate()
        window.wait(timeout=10)


if __name__ == '__main__':
    sys.exit(main())
