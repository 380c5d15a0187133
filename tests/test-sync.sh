#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A manager's workspace and a rep's sharing one team folder, end to end:
# the brief goes down, the practice log comes up, one writer per record.
set -eu
closeloop=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail () { echo "not ok: $*" >&2; exit 1; }
unset DISPLAY WAYLAND_DISPLAY CLOSELOOP_AUTHOR || true
export CLOSELOOP_TODAY=2026-11-23
shared="$dir/shared"
mkdir "$shared"
m () { "$closeloop" --workspace "$dir/manager.db" "$@"; }
r () { "$closeloop" --workspace "$dir/rep.db" "$@"; }

# the manager: a team, who they are, the folder
m demo --deals 60 --reps 4 --weeks 8 --seed 7 >/dev/null
manager=$(m rep list | sed -n 's/ (the manager)$//p')
rep=$(sqlite3 "$dir/manager.db" "select r.name from reps r join dev_plans p on p.rep_id = r.id
  where p.month = '2026-11' and exists (select 1 from actions a where a.owner_id = r.id and a.done_on is null)
  order by r.name limit 1")
[ -n "$rep" ] || fail "the demo has a rep with a plan and an open action"
focus=$(sqlite3 "$dir/manager.db" "select p.focus from dev_plans p join reps r on r.id = p.rep_id
  where r.name = '$rep' and p.month = '2026-11'")
action=$(sqlite3 "$dir/manager.db" "select a.id from actions a join reps r on r.id = a.owner_id
  where r.name = '$rep' and a.done_on is null order by a.due_on, a.id limit 1")
m identity set --name "$manager" --role manager >/dev/null
m team-folder set "$shared" >/dev/null
m_id=$(m identity | sed -n 's/^Id: //p')
m publish briefs >"$dir/out" || fail "publish briefs"
brief="$shared/$manager ($m_id)/rep-brief-$rep.closeloop.json"
old_brief="$shared/$manager ($m_id)/rep-brief-$rep.json"
[ -f "$brief" ] || fail "the brief is in the manager's own subfolder: $(cat "$dir/out")"
[ "$(stat -c %a "$brief")" = 600 ] || fail "a brief is 0600"
grep -q '"format" : "closeloop.rep-brief"' "$brief" || fail "the brief says its format"
grep -q "justification\|private" "$brief" && fail "no justification or private notes in a brief"
m publish --help | grep -q -- "--rep" || fail "publish --help"
# as an older version named it: still read by the rep, below
mv "$brief" "$old_brief"

# the rep: their own workspace on the same folder reads their brief
r identity set --name "$rep" --role rep >/dev/null || fail "a rep's workspace starts with identity set"
r team-folder set "$shared" >/dev/null
r_id=$(r identity | sed -n 's/^Id: //p')
r team-folder sync >"$dir/out" || fail "the rep's sync: $(cat "$dir/out")"
grep -q "^Arrived: Rep brief" "$dir/out" || fail "the brief arrives, old-named: $(cat "$dir/out")"
# published again, it takes the new name, and the old-named file goes
m publish briefs >/dev/null || fail "publish briefs again"
[ -f "$brief" ] && [ ! -e "$old_brief" ] || fail "the old-named brief is replaced by the new name"
r my-month >"$dir/month" || fail "my-month"
grep -q "^Focus: .*($focus)" "$dir/month" || fail "my-month shows the plan's focus: $(cat "$dir/month")"
grep -q "^  #$action " "$dir/month" || fail "my-month lists the open action with its id"
grep -q "^Open deals: [1-9]" "$dir/month" || fail "my-month lists the open deals"
[ "$(sqlite3 "$dir/rep.db" "select count(*) from library where format = 'closeloop.rep-brief'")" = 1 ] \
  || fail "the rep keeps only their own brief"

# the rep logs three drills and closes an action: published as they are recorded
for score in 3 4; do
  r log practice --focus "$focus" --score $score --scenario "round $score" --date 2026-11-2$score \
    2>"$dir/err" >/dev/null || fail "log practice in the rep's workspace"
done
# without --focus, a rep's drill is on the received plan's focus, counted against its goal
r log practice --score 5 --scenario "round 5" --date 2026-11-25 2>"$dir/err" >"$dir/out" \
  || fail "log practice on the received plan: $(cat "$dir/err")"
grep -q "^Logged a $focus drill for $rep on .*: 3 of [0-9]* drills" "$dir/out" || fail "the drill counts against the plan: $(cat "$dir/out")"
log="$shared/$rep ($r_id)/practice-log-$rep.closeloop.json"
grep -q "Published .*practice-log-$rep.closeloop.json" "$dir/err" || fail "log practice says where it published"
[ -f "$log" ] && [ "$(stat -c %a "$log")" = 600 ] || fail "the practice log is in the rep's subfolder, 0600"
r action done "$action" --note "done on the call" >"$dir/out" || fail "action done"
r my-month | grep -q "#$action .*(marked done)" || fail "my-month shows the action marked done"
set +e
r action done 999999 2>"$dir/err"; [ $? -eq 2 ] || fail "an action the brief lacks exits 2"
grep -q "999999" "$dir/err" || fail "the refusal names the id"
set -e

# the manager syncs: the drills on the rep's plan, attributed, the action closed
m team-folder sync >"$dir/out" || fail "the manager's sync: $(cat "$dir/out")"
grep -q "^Merged: .*3 drills added, 0 replaced, 0 removed, 0 unchanged, 1 actions closed" "$dir/out" \
  || fail "the sync says what it merged: $(cat "$dir/out")"
m export rep-plan --rep "$rep" --month 2026-11 >"$dir/plan.json"
[ "$(grep -c '"from_rep_log" : true' "$dir/plan.json")" = 3 ] || fail "export rep-plan shows the three drills, the rep's"
[ -n "$(sqlite3 "$dir/manager.db" "select done_on from actions where id = $action")" ] || fail "the action is closed"
python3 -c 'import json, sys; b = json.load(open(sys.argv[1])); sys.exit(any(a["id"] == int(sys.argv[2]) for a in b["actions"]))' \
  "$brief" "$action" || fail "the brief was published again without the closed action"

# importing twice adds nothing
m team-folder sync | grep -q "0 drills added, 0 replaced, 0 removed, 3 unchanged, 0 actions closed" \
  || fail "a second sync adds nothing"

# a corrected drill replaces its earlier version; a deleted one disappears
first=$(sqlite3 "$dir/rep.db" "select min(id) from practice_log")
sqlite3 "$dir/rep.db" "update practice_log set self_score = 1, note = 'corrected' where id = $first"
# (the middle one: SQLite gives the newest drill's id again to the next one)
sqlite3 "$dir/rep.db" "delete from practice_log where id = $first + 1"
r log practice --focus "$focus" --score 2 --date 2026-11-20 2>/dev/null >/dev/null
m team-folder sync >"$dir/out" || fail "sync after a correction"
grep -q "1 drills added, 1 replaced, 1 removed, 1 unchanged" "$dir/out" || fail "corrected and deleted: $(cat "$dir/out")"
[ "$(sqlite3 "$dir/manager.db" "select count(*) from practice_log where origin = '$r_id'")" = 3 ] \
  || fail "the merged drills are the rep's current set"
[ "$(sqlite3 "$dir/manager.db" "select self_score || note from practice_log where origin = '$r_id'
  and origin_entry = $first")" = "1corrected" ] || fail "the corrected drill replaced its earlier version"

# hostile: a rep's file claiming a plan, a third person claiming to be the rep
sed "s/\"exported_by\" : \"$manager\"/\"exported_by\" : \"$rep\"/; s/\"name\" : \"$manager\"/\"name\" : \"$rep\"/; s/$m_id/$r_id/" \
  "$brief" >"$shared/$rep ($r_id)/rep-brief-$rep.json"
set +e
m team-folder sync >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] || fail "a rep's brief fails the manager's sync"
set -e
grep -q "rep-brief-$rep.json.*only the manager owns plans" "$dir/err" \
  || fail "a rep's file claiming a plan is refused, named: $(cat "$dir/err")"
rm "$shared/$rep ($r_id)/rep-brief-$rep.json"

mallory="$shared/Mallory (0123456789ab)"
mkdir "$mallory"
sed "s/$r_id/0123456789ab/" "$log" >"$mallory/practice-log-$rep.json"
set +e
m team-folder sync >/dev/null 2>"$dir/err"
[ $? -eq 1 ] || fail "a third person's log fails the sync"
set -e
grep -q "Mallory (0123456789ab)/practice-log-$rep.json" "$dir/err" || fail "the refused file is named: $(cat "$dir/err")"
rm "$mallory/practice-log-$rep.json"

# the rep's name, another identity, in a subfolder of that name: still not the rep
impostor="$shared/$rep (0123456789ab)"
mkdir "$impostor"
sed "s/$r_id/0123456789ab/" "$log" >"$impostor/practice-log-$rep.json"
set +e
m team-folder sync >/dev/null 2>"$dir/err"
[ $? -eq 1 ] || fail "an impostor's log fails the sync"
set -e
grep -q "$rep (0123456789ab)/practice-log-$rep.json.*identity $r_id" "$dir/err" \
  || fail "the impostor is refused, named: $(cat "$dir/err")"
[ "$(sqlite3 "$dir/manager.db" "select count(*) from practice_log where origin is not null")" = 3 ] \
  || fail "nothing refused was merged"

# a log carrying a plan is refused by its format
rm -r "$impostor"
sed "s/\"actions_done\"/\"plan\" : {}, \"actions_done\"/" "$log" >"$dir/with-plan.json"
cp "$dir/with-plan.json" "$log"
set +e
m team-folder sync >/dev/null 2>"$dir/err"
[ $? -eq 1 ] || fail "a log with a plan fails the sync"
set -e
grep -q "practice-log-$rep.closeloop.json.*“plan”" "$dir/err" || fail "the member is named: $(cat "$dir/err")"

# a rep's workspace publishes no briefs
set +e
r publish briefs 2>"$dir/err"; [ $? -eq 1 ] || fail "a rep's publish briefs exits 1"
set -e
grep -q "Only a manager" "$dir/err" || fail "and says why"
echo "ok"
