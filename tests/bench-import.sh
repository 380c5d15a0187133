#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A CRM export of 100 000 deals: imported into a new workspace, then next
# week's export with a tenth of the deals moved, next to sqlite3's own
# .import of the same file on the same machine. Prints figures only.
set -eu
closeloop=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
rows=100000

python3 - "$dir" "$rows" <<'PY'
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

seconds () { python3 -c 'import sys, time; print(time.monotonic())'; }
rate () { python3 -c "import sys; s = float(sys.argv[2]) - float(sys.argv[1]); print(f'{s:.2f} s ({int($rows / s)} rows/s)')" "$1" "$2"; }

printf 'Stage %s\n' 0 1 2 3 4 5 >"$dir/stages.txt"
start=$(seconds)
"$closeloop" --workspace "$dir/team.db" import deals "$dir/week1.csv" --as-of 2026-11-16 --currency EUR \
  --stages "$dir/stages.txt" >/dev/null
end=$(seconds)
echo "import: $rows CRM rows into a new workspace in $(rate "$start" "$end")"

start=$(seconds)
"$closeloop" --workspace "$dir/team.db" import deals "$dir/week2.csv" --as-of 2026-11-23 >"$dir/out"
end=$(seconds)
echo "import: next week's export, a tenth of the deals moved, in $(rate "$start" "$end"): $(head -1 "$dir/out")"

start=$(seconds)
sqlite3 "$dir/plain.db" ".import --csv $dir/week1.csv deals"
end=$(seconds)
echo "import: sqlite3 .import of the same file in $(rate "$start" "$end")"
