#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The commands that read a whole workspace, on sample teams of 1 000,
10 000 and 100 000 deals (or the sizes in $CLOSELOOP_BENCH_SIZES, such as
1000000): the workspace backup's time and peak resident next to
`sqlite3 -json` of the same tables in the same run, the backup restored,
the review pre-read's next to sqlite3 reading the tables it inspects, and
the peak resident of the demo that wrote the team, health, export retro,
my-month and rep list, each against its target.
Prints figures only.

Usage: bench-export.py CLOSELOOP"""

import os
import subprocess
import sys
import tempfile
import time

BACKUP_TARGET_MB = 50
COMMAND_TARGET_MB = 100
BACKUP_TARGET_RATIO = 1.5
INSPECTION_TARGET_RATIO = 1.5
INSPECTED = ('deals', 'deal_events', 'contacts', 'qualification')


def run(argv, output=None):
    """Runs @argv, its standard output into @output (or discarded); its wall
    time in seconds, its peak resident in MB and its exit status."""
    with open(output or os.devnull, 'wb') as out:
        start = time.monotonic()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def sizes():
    named = os.environ.get('CLOSELOOP_BENCH_SIZES', '1000,10000,100000')
    return [int(size) for size in named.split(',') if size.strip().isdigit() and int(size) > 0]


def verdict(megabytes, target):
    return f'{"within" if megabytes <= target else "OVER"} the {target} MB target'


def main():
    closeloop = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        for deals in sizes():
            workspace = os.path.join(folder, f'team-{deals}.db')
            base = [closeloop, '--workspace', workspace]
            # as tests/test-util.c's cl_test_team_of_size () makes a team
            seconds, resident, status = run(base + ['demo', '--deals', str(deals), '--reps',
                                                    str(max(4, deals // 2500)), '--weeks', '26', '--seed', '42'])
            print(f'demo: {deals} deals in {seconds:.2f} s, {resident:.0f} MB resident '
                  f'({verdict(resident, COMMAND_TARGET_MB)})' + ('' if status == 0 else f'; exit status {status}'))

            backup = os.path.join(folder, 'backup.json')
            seconds, resident, status = run(base + ['export', 'workspace', '--output', backup])
            size = os.path.getsize(backup) / 1e6 if status == 0 else 0
            tables = subprocess.run(['sqlite3', workspace, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' ORDER BY rootpage"],
                                    check=True, capture_output=True, text=True).stdout.split()
            queries = ''.join(f'SELECT * FROM "{table}";' for table in tables)
            anchor, anchor_resident, _ = run(['sqlite3', '-json', workspace, queries],
                                             os.path.join(folder, 'anchor.json'))
            # what every command pays before it reads anything: at 1 000
            # deals, most of the time
            start_up, _, _ = run([closeloop, '--version'])
            print(f'export workspace: {deals} deals ({size:.0f} MB) in {seconds:.2f} s, '
                  f'{resident:.0f} MB resident ({verdict(resident, BACKUP_TARGET_MB)}); '
                  f'sqlite3 -json of the same tables {anchor:.2f} s, {anchor_resident:.0f} MB resident; '
                  f'ratio {seconds / anchor:.2f}× (target {BACKUP_TARGET_RATIO}×); '
                  f'closeloop --version alone {start_up:.2f} s'
                  + ('' if status == 0 else f'; FAILED with status {status}'))
            if status == 0:
                # the backup restored into a new workspace, row by row
                restored = os.path.join(folder, 'restored.db')
                seconds, resident, status = run([closeloop, '--workspace', restored, 'import', 'workspace',
                                                 backup])
                print(f'import workspace (the backup restored): {deals} deals in {seconds:.2f} s, '
                      f'{resident:.0f} MB resident ({verdict(resident, COMMAND_TARGET_MB)})'
                      + ('' if status == 0 else f'; exit status {status}'))
                for leftover in (backup, restored):
                    if os.path.exists(leftover):
                        os.unlink(leftover)

            # the inspection from the command line: every open deal read
            # with its history, contacts and qualification, flagged and
            # written out; next to sqlite3 reading the same tables
            seconds, resident, status = run(base + ['export', 'review'])
            anchor, _, _ = run(['sqlite3', workspace, ''.join(f'SELECT * FROM {table};' for table in INSPECTED)])
            print(f'export review (the pre-read): {deals} deals in {seconds:.2f} s, {resident:.0f} MB resident '
                  f'({verdict(resident, COMMAND_TARGET_MB)}); sqlite3 reading the tables it inspects '
                  f'{anchor:.2f} s; ratio {seconds / anchor:.1f}× (target {INSPECTION_TARGET_RATIO}×)'
                  + ('' if status == 0 else f'; exit status {status}'))

            for command in (['health'], ['export', 'retro'], ['my-month'], ['rep', 'list']):
                seconds, resident, status = run(base + command)
                print(f'{" ".join(command)}: {deals} deals in {seconds:.2f} s, {resident:.0f} MB resident '
                      f'({verdict(resident, COMMAND_TARGET_MB)})'
                      + ('' if status == 0 else f'; exit status {status}'))
            os.unlink(workspace)


if __name__ == '__main__':
    main()
