#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real exports validate against the shipped JSON Schema, and export the
same whichever day they are written.

check-export-schema.py CLOSELOOP SCHEMA_DIR"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

closeloop, schema_dir = sys.argv[1], sys.argv[2]
with open(os.path.join(schema_dir, 'pipeline-review.schema.json'), encoding='utf-8') as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def run(*args, today='2026-11-23'):
    env = dict(os.environ, CLOSELOOP_TODAY=today)
    done = subprocess.run([closeloop, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f'closeloop {" ".join(args)} failed: {done.stderr.strip()}')
    return done.stdout


with tempfile.TemporaryDirectory() as tmp:
    workspace = os.path.join(tmp, 'team.db')
    run('--workspace', workspace, 'demo', '--deals', '300', '--weeks', '10')
    held = subprocess.run(['sqlite3', workspace, 'SELECT week FROM reviews ORDER BY week'],
                          capture_output=True, text=True, check=True).stdout.split()
    assert held, 'the demo holds reviews'

    checked = 0
    for week in (held[-1], held[0], '2026-W48', '2026-W30'):
        text = run('--workspace', workspace, 'export', 'review', '--week', week)
        document = json.loads(text)
        errors = sorted(validator.iter_errors(document), key=str)
        for error in errors[:5]:
            print(f'{week}: {error.json_path}: {error.message}')
        assert not errors, f'{week} does not validate'
        assert document['held'] == (week in held), week
        if document['held']:
            assert document['deals'], f'{week}: a held review lists its deals'
            assert all(d['decision'] for d in document['deals']), week
        # written on another day, the same document
        later = run('--workspace', workspace, 'export', 'review', '--week', week, today='2027-03-01')
        assert later == text, f'{week} exports differently on another day'
        checked += 1

    # --output writes the same document, private to its owner
    out = os.path.join(tmp, 'review.json')
    run('--workspace', workspace, 'export', 'review', '--week', held[-1], '--output', out)
    with open(out, encoding='utf-8') as f:
        assert f.read() == run('--workspace', workspace, 'export', 'review', '--week', held[-1])
    assert os.stat(out).st_mode & 0o777 == 0o600, 'exports are 0600'
    print(f'ok: {checked} exports validate')
