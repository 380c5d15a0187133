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


def load_validator(name):
    with open(os.path.join(schema_dir, name), encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def check(validator, document, what):
    errors = sorted(validator.iter_errors(document), key=str)
    for error in errors[:5]:
        print(f'{what}: {error.json_path}: {error.message}')
    assert not errors, f'{what} does not validate'


validator = load_validator('pipeline-review.schema.json')
metrics_validator = load_validator('call-metrics.schema.json')
coaching_validator = load_validator('deal-coaching.schema.json')


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
        check(validator, document, week)
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

    # deal coaching: the most coached deals, private notes only when asked for
    coached = subprocess.run(['sqlite3', workspace, 'SELECT deal_id FROM coaching_sessions GROUP BY deal_id '
                              'ORDER BY count(*) DESC, deal_id LIMIT 3'],
                             capture_output=True, text=True, check=True).stdout.split()
    assert coached, 'the demo coaches deals'
    for deal in coached:
        shared = json.loads(run('--workspace', workspace, 'export', 'coaching', '--deal', deal))
        check(coaching_validator, shared, f'coaching {deal}')
        assert shared['sessions'], f'deal {deal} has sessions'
        assert all('private_notes' not in s for s in shared['sessions']), 'private notes stay home'
        private = json.loads(run('--workspace', workspace, 'export', 'coaching', '--deal', deal,
                                 '--include-private'))
        check(coaching_validator, private, f'coaching {deal} with private notes')
        assert all('private_notes' in s for s in private['sessions'])
        checked += 2

    # call metrics of every real transcript, and of one written here
    call = os.path.join(tmp, 'call.txt')
    with open(call, 'w', encoding='utf-8') as f:
        f.write('Ana Okafor: What made you look at this now?\nLee: Renewals.\n')
    transcripts = [(call, 'Ana')]
    testdata = os.environ.get('CLOSELOOP_TESTDATA', '')
    for folder in ('zoom', 'teams', 'google-meet', 'other-formats'):
        path = os.path.join(testdata, 'transcripts', folder)
        if testdata and os.path.isdir(path):
            transcripts += [(os.path.join(path, name), None) for name in sorted(os.listdir(path))
                            if not name.endswith('.json')]
    for path, rep in transcripts:
        if rep is None:   # the first speaker, from the refusal that lists them
            listed = subprocess.run([closeloop, 'analyze', path, '--rep', '\u2400'],
                                    capture_output=True, text=True, check=False).stderr
            rep = listed.split('the speakers are: ')[1].split(', ')[0].strip()
        document = json.loads(run('analyze', path, '--rep', rep))
        check(metrics_validator, document, os.path.basename(path))
        checked += 1
    print(f'ok: {checked} documents validate')
