#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The metainfo as a software centre shows it, beyond what appstreamcli checks.

Fails, naming each problem, unless: the newest release is the project's
version; there is one screenshot per loop's view (and the Overview), each
pinned to that release's tag and present in data/screenshots/; the
developer has an id and a name; the brand has a light and a dark colour;
the binary and the summaries' media type are provided.
Usage: check-metainfo.py METAINFO SOURCE_ROOT VERSION"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

VIEWS = ['overview', 'pipeline', 'coaching', 'development', 'retros']
MEDIA_TYPE = 'application/vnd.closeloop.summary+json'


def main():
    metainfo, root, version = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    component = ET.parse(metainfo).getroot()
    problems = []

    releases = component.findall('releases/release')
    if not releases or releases[0].get('version') != version:
        problems.append(f'the newest release is not {version}, the project version')
    elif releases[0].find('description') is None:
        problems.append(f'release {version} has no notes')

    tag = f'/v{version}/'
    shots = {}
    for image in component.findall('screenshots/screenshot/image'):
        url = image.text.strip()
        name = url.rsplit('/', 1)[-1]
        shots[name[:-4]] = url
        if tag not in url:
            problems.append(f'{name} is not pinned to the tag v{version}: {url}')
        if not (root / 'data' / 'screenshots' / name).is_file():
            problems.append(f'{name} is not in data/screenshots/')
    for view in VIEWS:
        if view not in shots:
            problems.append(f'no screenshot of the {view} view')

    developer = component.find('developer')
    if developer is None or not developer.get('id') or developer.find('name') is None:
        problems.append('no <developer id=…> with its <name>')
    colours = {colour.get('scheme_preference') for colour in component.findall('branding/color')
               if re.fullmatch(r'#[0-9a-fA-F]{6}', colour.text or '')}
    if colours != {'light', 'dark'}:
        problems.append('the branding needs a light and a dark primary colour')
    if component.findtext('provides/binary') != 'closeloop':
        problems.append('the binary closeloop is not provided')
    if component.findtext('provides/mediatype') != MEDIA_TYPE:
        problems.append(f'the media type {MEDIA_TYPE} is not provided')
    if component.find('content_rating') is None:
        problems.append('no content rating')

    for problem in problems:
        print(f'not ok: {problem}')
    print('ok' if not problems else f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
