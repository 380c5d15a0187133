#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A CRM export imported into a new workspace (week 1), then next week's
# export with a tenth of the deals moved (week 2), each next to sqlite3's
# own .import of the same file, measured in the same run: 1 000, 10 000
# and 100 000 rows, or the sizes $CLOSELOOP_BENCH_SIZES names
# ("1000,1000000"). Prints figures only.
#
# .import writes text into a table without types, checks or indexes. So
# that a reader sees the floor our own schema sets, each week is also put
# beside sqlite3 doing its work in SQL alone, into a workspace as the week
# found it: week 1 the deals and their "created" events inserted from the
# file, week 2 the file compared with the deals and only the moved ones
# updated, with their events.
set -eu
closeloop=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# two exports of $1 rows: week1.csv, and week2.csv with every tenth deal
# one stage on and its close date a month later
write_exports () {
  python3 - "$dir" "$1" <<'PY'
import sys
folder, rows = sys.argv[1], int(sys.argv[2])
header = 'Record ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner,Create Date\n'
for week, name in ((0, 'week1.csv'), (1, 'week2.csv')):
    with open(f'{folder}/{name}', 'w') as f:
        f.write(header)
        for i in range(rows):
            moved = week == 1 and i % 10 == 0
            stage = (i + moved) % 6
            close = f'2027-{1 + (i + moved) % 12:02d}-{1 + i % 28:02d}'
            f.write(f'{i},Deal {i},Account {i % 5000},Stage {stage},"{1000 + i:,}.00",{close},Rep {i % 40},2026-09-01\n')
PY
}

now () { date +%s.%N; }
# runs closeloop with the arguments given, its output into $dir/out, and
# sets $start and $end (seconds) and $resident (its peak resident, in MB)
run_closeloop () {
  set -- $(python3 -c '
import os, subprocess, sys, time
start = time.time()
with open(sys.argv[1], "wb") as out:
    child = subprocess.Popen(sys.argv[2:], stdout=out)
    _, status, usage = os.wait4(child.pid, 0)
print(start, time.time(), round(usage.ru_maxrss / 1024), os.waitstatus_to_exitcode(status))
' "$dir/out" "$closeloop" "$@")
  start=$1 end=$2 resident=$3
  [ "$4" = 0 ] || { echo "import: closeloop failed with status $4" >&2; exit 1; }
}
# "N MB resident (within the 100 MB target)" of the last run_closeloop
resident_said () {
  if [ "$resident" -le 100 ]; then
    echo "$resident MB resident (within the 100 MB target)"
  else
    echo "$resident MB resident (OVER the 100 MB target)"
  fi
}

# "$what in X s; sqlite3 .import of the same file Y s; ratio Z×" from
# the start and end of each
report () {
  python3 -c '
import sys
what, start, end, anchor_start, anchor_end = sys.argv[1], *map(float, sys.argv[2:])
ours, anchor = end - start, anchor_end - anchor_start
print(f"{what} in {ours:.2f} s; sqlite3 .import of the same file {anchor:.2f} s; ratio {ours / anchor:.1f}×")
' "$@"
}

# the sqlite3 .import of $1 into a table of its own: start and end
import_anchor () {
  rm -f "$dir/plain.db"
  start=$(now)
  sqlite3 "$dir/plain.db" ".import --csv $1 deals"
  echo "$start $(now)"
}

# "$what in X s; sqlite3 in SQL alone Y s; ratio Z×": the second anchor
report_sql () {
  python3 -c '
import sys
what, start, end, anchor_start, anchor_end = sys.argv[1], *map(float, sys.argv[2:])
ours, anchor = end - start, anchor_end - anchor_start
print(f"{what} in {ours:.2f} s; sqlite3 writing the same into the workspace in SQL alone {anchor:.2f} s; "
      f"ratio {ours / anchor:.1f}×")
' "$@"
}

# sqlite3 running the script $2 into a copy of the workspace $1: start and end
sql_anchor () {
  rm -f "$dir/floor.db"*
  sqlite3 "$1" ".backup $dir/floor.db"
  start=$(now)
  sqlite3 -bail "$dir/floor.db" <"$2"
  echo "$start $(now)"
}

# week 1 in SQL alone: the file's deals, owners and "created" events
week1_sql () {
  cat <<SQL
PRAGMA foreign_keys = ON;
.import --csv --schema temp $dir/week1.csv plain
BEGIN;
INSERT OR IGNORE INTO reps (name) SELECT DISTINCT "Deal owner" FROM temp.plain;
INSERT INTO deals (external_id, name, account, owner_id, stage_id, amount_cents, currency, close_date, forecast,
                   status, created_on, stage_entered_on)
  SELECT 'hubspot:' || p."Record ID", p."Deal Name", p."Associated Company", r.id, s.id,
         CAST(replace(replace(p.Amount, ',', ''), '.', '') AS INTEGER), 'EUR', p."Close Date", 'pipeline', 'open',
         p."Create Date", '2026-11-16'
  FROM temp.plain p JOIN reps r ON r.name = p."Deal owner" JOIN stages s ON s.name = p."Deal Stage";
INSERT INTO deal_events (deal_id, occurred_on, field, new_value) SELECT id, created_on, 'created', name FROM deals;
COMMIT;
SQL
}

# week 2 in SQL alone: the moved deals found, their events, their update
week2_sql () {
  cat <<SQL
PRAGMA foreign_keys = ON;
.import --csv --schema temp $dir/week2.csv plain
BEGIN;
CREATE TEMP TABLE moved AS
  SELECT d.id, d.stage_id AS old_stage, s.id AS new_stage, d.close_date AS old_close, p."Close Date" AS new_close
  FROM temp.plain p JOIN deals d ON d.external_id = 'hubspot:' || p."Record ID"
  JOIN stages s ON s.name = p."Deal Stage"
  WHERE d.stage_id != s.id OR d.close_date != p."Close Date";
INSERT INTO deal_events (deal_id, occurred_on, field, old_value, new_value)
  SELECT id, '2026-11-23', 'stage', old_stage, new_stage FROM moved WHERE old_stage != new_stage;
INSERT INTO deal_events (deal_id, occurred_on, field, old_value, new_value)
  SELECT id, '2026-11-23', 'close_date', old_close, new_close FROM moved WHERE old_close != new_close;
UPDATE deals SET stage_id = m.new_stage, close_date = m.new_close,
                 stage_entered_on = CASE WHEN m.old_stage != m.new_stage THEN '2026-11-23' ELSE stage_entered_on END
  FROM moved m WHERE deals.id = m.id;
COMMIT;
SQL
}

printf 'Stage %s\n' 0 1 2 3 4 5 >"$dir/stages.txt"
week1_sql >"$dir/week1.sql"
week2_sql >"$dir/week2.sql"
for rows in $(echo "${CLOSELOOP_BENCH_SIZES:-1000,10000,100000}" | tr ',' ' '); do
  write_exports "$rows"
  rm -f "$dir"/team.db* "$dir"/empty.db*
  # the workspace as week 1 finds it, its stages and no deal, for the second anchor
  head -2 "$dir/week1.csv" >"$dir/one.csv"
  "$closeloop" --workspace "$dir/empty.db" import deals "$dir/one.csv" --as-of 2026-11-16 --currency EUR \
    --stages "$dir/stages.txt" >/dev/null
  sqlite3 "$dir/empty.db" "DELETE FROM deal_events; DELETE FROM deals;"

  run_closeloop --workspace "$dir/team.db" import deals "$dir/week1.csv" --as-of 2026-11-16 --currency EUR \
    --stages "$dir/stages.txt"
  report "import: $rows rows, week 1 (new workspace), $(resident_said)," "$start" "$end" \
    $(import_anchor "$dir/week1.csv")
  report_sql "import: $rows rows, week 1 (new workspace)," "$start" "$end" \
    $(sql_anchor "$dir/empty.db" "$dir/week1.sql")
  sqlite3 "$dir/team.db" ".backup $dir/week1.db"

  run_closeloop --workspace "$dir/team.db" import deals "$dir/week2.csv" --as-of 2026-11-23
  report "import: $rows rows, week 2 (a tenth changed: $(head -1 "$dir/out")), $(resident_said)," "$start" "$end" \
    $(import_anchor "$dir/week2.csv")
  report_sql "import: $rows rows, week 2 (a tenth changed)," "$start" "$end" \
    $(sql_anchor "$dir/week1.db" "$dir/week2.sql")
done
