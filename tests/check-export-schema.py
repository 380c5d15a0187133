#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real exports validate against the shipped JSON Schema, and export the
same whichever day they are written.

check-export-schema.py CLOSELOOP SCHEMA_DIR"""
import json
import math
import os
import subprocess
import sys
import tempfile

import jsonschema

closeloop, schema_dir = sys.argv[1], sys.argv[2]


def read_schema(name):
    with open(os.path.join(schema_dir, name), encoding='utf-8') as f:
        return json.load(f)


# every shipped schema by its $id, so one may refer to another's parts
schemas = {read_schema(n)['$id']: read_schema(n) for n in os.listdir(schema_dir) if n.endswith('.json')}


def load_validator(name):
    schema = read_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    resolver = jsonschema.RefResolver(schema['$id'], schema, store=schemas)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def check(validator, document, what):
    errors = sorted(validator.iter_errors(document), key=str)
    for error in errors[:5]:
        print(f'{what}: {error.json_path}: {error.message}')
    assert not errors, f'{what} does not validate'


validator = load_validator('pipeline-review.schema.json')
metrics_validator = load_validator('call-metrics.schema.json')
coaching_validator = load_validator('deal-coaching.schema.json')
development_validator = load_validator('rep-development.schema.json')
health_validator = load_validator('loop-health.schema.json')
retro_validator = load_validator('quarterly-retro.schema.json')
brief_validator = load_validator('rep-brief.schema.json')
practice_log_validator = load_validator('practice-log.schema.json')


def same(a, b):
    """Two exports of the same data: equal but for exported_at."""
    a, b = dict(a), dict(b)
    a.pop('exported_at'), b.pop('exported_at')
    return a == b


def percent(side):
    """A win rate in whole percent, halves rounded up, as the app shows it."""
    return math.floor(100 * side['won'] / side['deals'] + 0.5)


def check_flag_outcomes(table, as_of, what):
    """Which flags went with a loss: every flag once, the minimum kept,
    the difference as the rounded rates say, enough history first and the
    largest difference first."""
    rows = table['flags']
    assert table['as_of'] == as_of, f'{what}: flag outcomes as of {table["as_of"]}, not {as_of}'
    assert sorted(r['flag'] for r in rows) == sorted(validator.schema['$defs']['flag']['enum']), what
    enough = [r['enough_history'] for r in rows]
    assert enough == sorted(enough, reverse=True), f'{what}: enough history first'
    for r in rows:
        with_, without = r['with'], r['without']
        assert with_['deals'] + without['deals'] == table['won'] + table['lost'], f'{what} {r["flag"]}'
        assert with_['won'] + without['won'] == table['won'], f'{what} {r["flag"]}'
        assert r['enough_history'] == (min(with_['deals'], without['deals']) >= table['minimum_deals'])
        if r['enough_history']:
            rounded = percent(without) - percent(with_)
            assert r['difference_points'] == rounded, f'{what} {r["flag"]}: {r["difference_points"]}'
        else:
            assert r['difference_points'] is None, f'{what} {r["flag"]}'
    drops = [r['without']['won'] / r['without']['deals'] - r['with']['won'] / r['with']['deals']
             for r in rows if r['enough_history']]
    assert drops == sorted(drops, reverse=True), f'{what}: the largest difference first'
    return table


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
        assert same(json.loads(later), document), f'{week} exports differently on another day'
        checked += 1

    # --output writes the same document, private to its owner
    out = os.path.join(tmp, 'review.json')
    run('--workspace', workspace, 'export', 'review', '--week', held[-1], '--output', out)
    with open(out, encoding='utf-8') as f:
        assert same(json.load(f), json.loads(run('--workspace', workspace, 'export', 'review', '--week', held[-1])))
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

    # rep development: every plan of this month and of the last, and a drill logged from the CLI
    plans = subprocess.run(['sqlite3', workspace, "SELECT r.name || '|' || p.month FROM dev_plans p "
                            "JOIN reps r ON r.id = p.rep_id WHERE p.month >= '2026-10' ORDER BY 1"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert plans, 'the demo has plans'
    name, month = plans[0].split('|')
    focus = subprocess.run(['sqlite3', workspace, f"SELECT focus FROM dev_plans p JOIN reps r ON r.id = p.rep_id "
                            f"WHERE r.name = '{name}' AND p.month = '{month}'"],
                           capture_output=True, text=True, check=True).stdout.strip()
    before = json.loads(run('--workspace', workspace, 'export', 'rep-plan', '--rep', name, '--month', month))
    run('--workspace', workspace, 'log', 'practice', '--rep', name, '--focus', focus, '--score', '5',
        '--date', month + '-02', '--note', 'from the schema check')
    for line in plans:
        name_, month_ = line.split('|')
        document = json.loads(run('--workspace', workspace, 'export', 'rep-plan', '--rep', name_, '--month', month_))
        check(development_validator, document, f'rep-plan {line}')
        assert document['trends']['months'][-1] == month_, line
        if line == plans[0]:
            assert document['practice']['done'] == before['practice']['done'] + 1, 'the drill counts'
            log = document['practice']['log']
            assert any(e['note'] == 'from the schema check' for e in log), 'the drill is in the log'
            assert [e['date'] for e in log] == sorted(e['date'] for e in log), 'oldest first'
        checked += 1

    # loop health: this quarter by default, and any quarter, month or week
    default = json.loads(run('--workspace', workspace, 'health'))
    assert default['period'] == '2026-Q4', 'this quarter by default'
    for period in ('2026-Q4', '2026-Q3', '2026-11', '2026-W46', '2027-Q1', '2026-Q1'):
        document = json.loads(run('--workspace', workspace, 'health', '--period', period))
        check(health_validator, document, f'health {period}')
        loops = {loop['loop']: loop for loop in document['loops']}
        for loop in loops.values():
            # no data says why, and only then is there nothing to explain
            assert (loop['state'] == 'no_data') == (loop['no_data'] is not None), f'{period} {loop["loop"]}'
            assert (loop['explanation'] is None) == (loop['no_data'] is not None), f'{period} {loop["loop"]}'
        if period == '2027-Q1':
            assert all(loop['state'] == 'no_data' for loop in loops.values()), 'nothing is due yet'
            assert all(loop['no_data']['reason'] == 'period_to_come' for loop in loops.values())
        if period == '2026-Q1':
            assert all(loop['no_data']['reason'] == 'before_team_start' for loop in loops.values()), \
                'the demo\'s ten weeks start after Q1'
        check_flag_outcomes(document['flag_outcomes'], min(document['to'], document['as_of']), f'health {period}')
        if period == '2026-Q4':
            assert same(document, default)
            outcomes = document['flag_outcomes']
            closed = subprocess.run(['sqlite3', workspace, "SELECT count(*) FROM deals WHERE status IN ('won', 'lost')"],
                                    capture_output=True, text=True, check=True).stdout.strip()
            assert outcomes['won'] + outcomes['lost'] + outcomes['unreviewed_left_out'] == int(closed), \
                'every deal won or lost is counted or left out'
            assert any(r['enough_history'] for r in outcomes['flags']), 'the demo has enough history for some flags'
            assert not all(r['enough_history'] for r in outcomes['flags']), 'and not for every flag'
            weeks = subprocess.run(['sqlite3', workspace, "SELECT count(DISTINCT week) FROM reviews "
                                    "WHERE week BETWEEN '2026-W40' AND '2026-W47'"],
                                   capture_output=True, text=True, check=True).stdout.strip()
            assert loops['pipeline_review']['ran'] == int(weeks), 'weeks reviewed are the store\'s'
        checked += 1

    # quarterly retrospectives: held ones with their record, the current one as a pre-read
    held_quarters = subprocess.run(['sqlite3', workspace, 'SELECT quarter FROM retros ORDER BY quarter'],
                                   capture_output=True, text=True, check=True).stdout.split()
    assert held_quarters, 'the demo holds retrospectives'
    for quarter in held_quarters + ['2026-Q4']:
        document = json.loads(run('--workspace', workspace, 'export', 'retro', '--quarter', quarter))
        check(retro_validator, document, f'retro {quarter}')
        last_day = {'1': '03-31', '2': '06-30', '3': '09-30', '4': '12-31'}[quarter[-1]]
        check_flag_outcomes(document['inputs']['flag_outcomes'], min(f'{quarter[:4]}-{last_day}', document['as_of']),
                            f'retro {quarter}')
        assert document['held'] == (quarter in held_quarters), quarter
        if quarter == '2026-Q4':
            assert same(json.loads(run('--workspace', workspace, 'export', 'retro')), document), 'this quarter by default'
        checked += 1

    # the team folder: every rep's brief down, a rep's practice log up
    shared = os.path.join(tmp, 'shared')
    os.mkdir(shared)
    run('--workspace', workspace, 'identity', 'set', '--name', 'Schema Manager', '--role', 'manager')
    run('--workspace', workspace, 'team-folder', 'set', shared)
    published = run('--workspace', workspace, 'publish', 'briefs').splitlines()
    assert published, 'a brief for every rep'
    briefs = {}
    for line in published:
        with open(line.split('Published ', 1)[1], encoding='utf-8') as f:
            brief = json.load(f)
        check(brief_validator, brief, f'brief of {brief["rep"]["name"]}')
        briefs[brief['rep']['name']] = brief
        checked += 1
    rep_name = next(n for n, b in sorted(briefs.items()) if b['actions'])
    rep_workspace = os.path.join(tmp, 'rep.db')
    run('--workspace', rep_workspace, 'identity', 'set', '--name', rep_name, '--role', 'rep')
    run('--workspace', rep_workspace, 'team-folder', 'set', shared)
    run('--workspace', rep_workspace, 'team-folder', 'sync')
    run('--workspace', rep_workspace, 'log', 'practice', '--focus', 'price_hold', '--score', '4', '--note', 'held')
    run('--workspace', rep_workspace, 'action', 'done', str(briefs[rep_name]['actions'][0]['id']))
    logs = [os.path.join(root, n) for root, _, names in os.walk(shared) for n in names if n.startswith('practice-log-')]
    assert len(logs) == 1, logs
    with open(logs[0], encoding='utf-8') as f:
        practice_log = json.load(f)
    check(practice_log_validator, practice_log, 'practice log')
    assert len(practice_log['entries']) == 1 and len(practice_log['actions_done']) == 1, practice_log
    checked += 1

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
