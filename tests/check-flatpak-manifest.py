#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifests, as Flathub would take them.

Loads flatpak/APP_ID.json (the release) and flatpak/APP_ID.Devel.json (built
from the main branch) and fails, naming the manifest and the problem, on:
a missing id, runtime, runtime-version, sdk, command, modules or
finish-args; another runtime than the GNOME one, or one older than
MIN_GNOME; the application's module built from a "dir" source (Flathub
builds from a git URL); in the release manifest, a git source without both
a tag (v + meson's project version) and a 40-hex commit; broad filesystem
access (host, host-os, host-etc, home, ~, /: the document portal gives the
files and the team folder one chooses); --socket=x11 (only fallback-x11,
beside wayland); --share=network (Closeloop is offline-first). The
.desktop file's Exec must run the manifest's command and pass it files
(%F), which flatpak forwards through the document portal when it exports
the .desktop file. Nothing is built: flatpak-builder is not run.

Usage: check-flatpak-manifest.py SOURCE_ROOT [MANIFEST...]
(the manifests default to the two in SOURCE_ROOT/flatpak; one whose name
ends in .Devel.json is held to the Devel rules)"""
import json
import pathlib
import re
import sys

APP_ID = 'io.github.closeloop.Closeloop'
# GNOME 51 (September 2026) is the newest stable runtime on 2026-11-30
MIN_GNOME = 51
REQUIRED = ('id', 'runtime', 'runtime-version', 'sdk', 'command', 'modules', 'finish-args')
KEPT_ARGS = ('--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri')
BROAD_FILESYSTEMS = ('host', 'host-os', 'host-etc', 'home', '~', '/')
COMMIT = re.compile(r'[0-9a-f]{40}')


def project_version(root):
    text = (root / 'meson.build').read_text(encoding='utf-8')
    match = re.search(r"project\([^)]*?version:\s*'([^']+)'", text, re.S)
    return match.group(1) if match else None


def homepage(root):
    text = (root / 'data' / f'{APP_ID}.metainfo.xml.in').read_text(encoding='utf-8')
    match = re.search(r'<url type="homepage">([^<]+)</url>', text)
    return match.group(1).strip() if match else None


def desktop_exec(root):
    text = (root / 'data' / f'{APP_ID}.desktop.in').read_text(encoding='utf-8')
    in_entry = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith('['):
            in_entry = line == '[Desktop Entry]'
        elif in_entry and line.startswith('Exec='):
            return line[len('Exec='):].split()
    return None


def check_sources(module, devel, version, url, problems):
    sources = module.get('sources') or []
    if not sources:
        problems.append(f'the module "{module.get("name")}" has no sources')
    for source in sources:
        kind = source.get('type')
        if kind == 'dir':
            problems.append(f'the module "{module.get("name")}" is built from a "dir" source '
                            '(Flathub builds from a git URL)')
            continue
        if kind != 'git':
            continue
        if source.get('url') != url:
            problems.append(f'the git source is {source.get("url")!r}, not {url!r} (the metainfo\'s homepage)')
        if devel:
            if 'branch' not in source and not ('tag' in source and 'commit' in source):
                problems.append('the git source names no branch (nor tag and commit)')
            continue
        tag, commit = source.get('tag'), source.get('commit')
        if tag is None or commit is None:
            problems.append('the git source has not both a tag and a commit')
        if commit is not None and not COMMIT.fullmatch(commit):
            problems.append(f'the git source\'s commit {commit!r} is not 40 hex digits')
        if tag is not None and version is not None and tag != f'v{version}':
            problems.append(f'the git source\'s tag {tag!r} is not v{version}, meson\'s project version')
        if 'branch' in source:
            problems.append('the git source names a branch: a release is a tag and a commit')


def check_finish_args(args, problems):
    for arg in args:
        if arg.startswith('--filesystem='):
            place = arg[len('--filesystem='):]
            for suffix in (':ro', ':rw', ':create'):
                if place.endswith(suffix):
                    place = place[:-len(suffix)]
            if (place.rstrip('/') or '/') in BROAD_FILESYSTEMS:
                problems.append(f'{arg}: broad filesystem access (the document portal gives the files one chooses)')
        elif arg == '--socket=x11':
            problems.append('--socket=x11: use --socket=fallback-x11 beside --socket=wayland')
        elif arg == '--share=network':
            problems.append('--share=network: Closeloop is offline-first')
    for arg in KEPT_ARGS:
        if arg not in args:
            problems.append(f'finish-args lack {arg}')


def check(path, root, exec_words, version, url):
    devel = path.name.endswith('.Devel.json')
    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as error:
        return [f'cannot be read: {error}']
    if not isinstance(manifest, dict):
        return ['is not a JSON object']
    problems = [f'has no "{key}"' for key in REQUIRED if key not in manifest]
    if manifest.get('id', APP_ID) != APP_ID:
        problems.append(f'its id is {manifest["id"]!r}, not {APP_ID!r}')
    if 'runtime' in manifest and manifest['runtime'] != 'org.gnome.Platform':
        problems.append(f'its runtime is {manifest["runtime"]!r}, not org.gnome.Platform')
    if 'sdk' in manifest and manifest['sdk'] != 'org.gnome.Sdk':
        problems.append(f'its sdk is {manifest["sdk"]!r}, not org.gnome.Sdk')
    if 'runtime-version' in manifest:
        runtime_version = str(manifest['runtime-version'])
        if not runtime_version.isdigit() or int(runtime_version) < MIN_GNOME:
            problems.append(f'its runtime-version {runtime_version!r} is not a stable GNOME runtime, '
                            f'{MIN_GNOME} or newer')
    if 'command' in manifest and exec_words is not None:
        if not exec_words or exec_words[0] != manifest['command']:
            problems.append(f'its command {manifest["command"]!r} is not what the .desktop file\'s Exec runs '
                            f'({" ".join(exec_words)!r})')
    modules = manifest.get('modules') or []
    if 'modules' in manifest and not modules:
        problems.append('has no module')
    # the application's own module is the last one, the others what the
    # runtime lacks
    if modules:
        app_module = modules[-1]
        if not isinstance(app_module, dict):
            problems.append('its last module is not the application\'s (a file name, not a module)')
        else:
            if app_module.get('buildsystem') != 'meson':
                problems.append(f'the module "{app_module.get("name")}" is not built with meson')
            check_sources(app_module, devel, version, url, problems)
    if 'finish-args' in manifest:
        check_finish_args(manifest['finish-args'], problems)
    return problems


def main():
    root = pathlib.Path(sys.argv[1])
    paths = [pathlib.Path(arg) for arg in sys.argv[2:]] or [
        root / 'flatpak' / f'{APP_ID}.json', root / 'flatpak' / f'{APP_ID}.Devel.json']
    exec_words = desktop_exec(root)
    failed = False
    if exec_words is None:
        print(f'data/{APP_ID}.desktop.in has no Exec in its [Desktop Entry]')
        failed = True
    elif not any(word in ('%f', '%F', '%u', '%U') for word in exec_words[1:]):
        print(f'data/{APP_ID}.desktop.in: Exec={" ".join(exec_words)} passes no file (%F): '
              'a summary opened from the file manager would not reach the sandbox')
        failed = True
    url = homepage(root)
    url = url + '.git' if url else None
    version = project_version(root)
    for path in paths:
        problems = check(path, root, exec_words, version, url)
        for problem in problems:
            print(f'{path.name}: {problem}')
        failed = failed or bool(problems)
    print('failed' if failed else 'ok')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
