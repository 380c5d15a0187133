#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A CRM export imported into a new workspace (week 1), then next week's
# export with a tenth of the deals moved (week 2), each next to sqlite3's
# own .import of the same file, measured in the same run: 1 000, 10 000
# and 100 000 rows, or the sizes $CLOSELOOP_BENCH_SIZES names
# ("1000,1000000"). Prints figures only.
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

printf 'Stage %s\n' 0 1 2 3 4 5 >"$dir/stages.txt"
for rows in $(echo "${CLOSELOOP_BENCH_SIZES:-1000,10000,100000}" | tr ',' ' '); do
  write_exports "$rows"
  rm -f "$dir"/team.db*

  start=$(now)
  "$closeloop" --workspace "$dir/team.db" import deals "$dir/week1.csv" --as-of 2026-11-16 --currency EUR \
    --stages "$dir/stages.txt" >/dev/null
  end=$(now)
  report "import: $rows rows, week 1 (new workspace)," "$start" "$end" $(import_anchor "$dir/week1.csv")

  start=$(now)
  "$closeloop" --workspace "$dir/team.db" import deals "$dir/week2.csv" --as-of 2026-11-23 >"$dir/out"
  end=$(now)
  report "import: $rows rows, week 2 (a tenth changed: $(head -1 "$dir/out"))," "$start" "$end" \
    $(import_anchor "$dir/week2.csv")
done
