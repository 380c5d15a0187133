#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The headless commands: exit codes, one-line errors, files left alone.
set -eu
closeloop=$1
source_root=$(dirname "$0")/..
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail () { echo "not ok: $*" >&2; exit 1; }

# no display is needed: make sure none is used
unset DISPLAY WAYLAND_DISPLAY || true

# --help: usage, the global options and every command, aligned, on stdout, exit 0
"$closeloop" --help >"$dir/help" 2>"$dir/err" || fail "--help exits 0"
[ ! -s "$dir/err" ] || fail "--help writes nothing on stderr"
grep -q "^  closeloop \[--workspace PATH\] COMMAND" "$dir/help" || fail "--help has the usage line"
grep -q "^  --workspace PATH  " "$dir/help" || fail "--help lists --workspace"
grep -q "^  --version  " "$dir/help" || fail "--help lists --version"
for command in action analyze demo export health help identity import log my-month publish rep team-folder; do
  grep -q "^  $command  " "$dir/help" || fail "--help lists $command"
done
[ "$(sed -n '/^  [a-z-]*   *[A-Z]/s/^\(  [a-z-]*   *\).*/\1/p' "$dir/help" | awk '{ print length }' | sort -u | wc -l)" -eq 1 ] \
  || fail "the commands' descriptions start in one column"
"$closeloop" help | cmp -s - "$dir/help" || fail "help prints what --help prints"
"$closeloop" --workspace "$dir/none.db" -h | cmp -s - "$dir/help" || fail "-h after --workspace"
[ ! -e "$dir/none.db" ] || fail "--help opens no workspace"
[ "$("$closeloop" --version)" = "closeloop $(sed -n "s/^  version: '\(.*\)',$/\1/p" "$source_root/meson.build")" ] \
  || fail "--version prints closeloop and the project's version"
"$closeloop" demo --help | grep -q -- "--deals" || fail "demo --help"

"$closeloop" --workspace "$dir/team.db" demo --deals 50 --reps 3 --weeks 6 --seed 3 >"$dir/out" \
  || fail "demo writes a team"
grep -q "50 deals" "$dir/out" || fail "demo reports what it wrote"
[ "$(stat -c %a "$dir/team.db")" = 600 ] || fail "workspace is 0600"

# the same options through the environment and the command's own option
CLOSELOOP_WORKSPACE="$dir/env.db" "$closeloop" demo --deals 50 --reps 3 --weeks 6 --seed 3 >/dev/null
"$closeloop" demo --workspace "$dir/own.db" --deals 50 --reps 3 --weeks 6 --seed 3 >/dev/null
[ "$(sqlite3 "$dir/env.db" 'select count(*) from deals')" = 50 ] || fail "CLOSELOOP_WORKSPACE"
[ "$(sqlite3 "$dir/own.db" 'select count(*) from deals')" = 50 ] || fail "demo --workspace"
a=$(sqlite3 "$dir/team.db" 'select group_concat(name) from deals')
b=$(sqlite3 "$dir/own.db" 'select group_concat(name) from deals')
[ "$a" = "$b" ] || fail "same seed, same team"

# a second demo into a workspace with a team: refused, one line, exit 1
set +e
"$closeloop" --workspace "$dir/team.db" demo 2>"$dir/err"; status=$?
set -e
[ $status -eq 1 ] || fail "refusal exits 1, got $status"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "one line of error"
grep -q "team.db" "$dir/err" || fail "the error names the file"

# a file that is not a workspace: named, refused, untouched
printf 'name,amount\nAcme,10\n' >"$dir/deals.csv"
cp "$dir/deals.csv" "$dir/before.csv"
set +e
"$closeloop" --workspace "$dir/deals.csv" demo 2>"$dir/err"; status=$?
set -e
[ $status -eq 1 ] || fail "a CSV is refused"
grep -q "deals.csv" "$dir/err" || fail "the error names the CSV"
cmp -s "$dir/deals.csv" "$dir/before.csv" || fail "the CSV is untouched"
[ ! -e "$dir/deals.csv-wal" ] || fail "no WAL beside the CSV"

# export: a document on stdout, errors that say what and where
"$closeloop" --workspace "$dir/team.db" export review --week 2026-W47 >"$dir/review.json" \
  || fail "export review"
# an amount's move is exact in the document, whatever the locale shows
"$closeloop" --workspace "$dir/moves.db" demo --deals 300 --seed 5 >/dev/null || fail "demo for moves"
"$closeloop" --workspace "$dir/moves.db" export review >"$dir/moves.json" || fail "export review with moves"
python3 -c 'import json, re, sys
moved = [m for m in json.load(open(sys.argv[1]))["moved"] if m["kind"] == "amount_changed"]
sys.exit(not moved or not all(re.fullmatch(r"[0-9]+\.[0-9]{2}", m[k]) for m in moved for k in ("from", "to")))' \
  "$dir/moves.json" || fail "an amount_changed move carries exact amounts"
grep -q '"format" : "closeloop.pipeline-review"' "$dir/review.json" || fail "export format"
"$closeloop" export --help | grep -q -- "--week" || fail "export --help"
set +e
"$closeloop" --workspace "$dir/team.db" export review --week 2026-47 2>"$dir/err"; status=$?
[ $status -eq 2 ] || fail "a malformed week exits 2, got $status"
grep -q "2026-47" "$dir/err" || fail "the error names the week"
"$closeloop" --workspace "$dir/none.db" export review 2>"$dir/err"; status=$?
[ $status -eq 1 ] || fail "a missing workspace exits 1"
grep -q "none.db" "$dir/err" || fail "the error names the missing workspace"
[ ! -e "$dir/none.db" ] || fail "export does not create a workspace"
"$closeloop" --workspace "$dir/team.db" export review --week 2026-W47 --output "$dir/no/such/dir/r.json" 2>"$dir/err"; status=$?
[ $status -eq 1 ] || fail "an unwritable output exits 1"
grep -q "r.json" "$dir/err" || fail "the error names the output file"
"$closeloop" --workspace "$dir/team.db" export 2>/dev/null; [ $? -eq 2 ] || fail "export without a kind exits 2"
"$closeloop" --workspace "$dir/team.db" export reviews 2>"$dir/err"
[ $? -eq 2 ] && grep -q "“reviews” is not a kind of document" "$dir/err" || fail "an unknown kind is named"
set -e

# analyze: a transcript's metrics, without a workspace; bad transcripts named with their line
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana Okafor>Why now?\n\n00:00:05.000 --> 00:00:09.000\n<v Lee>Budget.\n' >"$dir/call.vtt"
"$closeloop" analyze "$dir/call.vtt" --rep ana >"$dir/metrics.json" || fail "analyze"
grep -q '"format" : "closeloop.call-metrics"' "$dir/metrics.json" || fail "analyze format"
grep -q '"rep_patience_s" : null' "$dir/metrics.json" || fail "no buyer turn before the rep: no patience"
printf 'Ana: Hello\nLee: caf\351\n' >"$dir/latin1.txt"
set +e
"$closeloop" analyze "$dir/latin1.txt" --rep Ana 2>"$dir/err"; status=$?
[ $status -eq 1 ] || fail "a transcript that is not UTF-8 exits 1, got $status"
[ "$(wc -l <"$dir/err")" -eq 1 ] && grep -q "latin1.txt.*line 2" "$dir/err" || fail "the error names file and line"
"$closeloop" analyze "$dir/call.vtt" --rep Zoe 2>"$dir/err"; [ $? -eq 1 ] || fail "unknown rep exits 1"
grep -q "Ana Okafor, Lee" "$dir/err" || fail "an unknown rep lists the speakers"
"$closeloop" analyze "$dir/call.vtt" 2>/dev/null; [ $? -eq 2 ] || fail "analyze without --rep exits 2"
set -e

# import transcript: kept on the deal, measured with the named rep; a bad one changes nothing
deal=$(sqlite3 "$dir/team.db" 'select min(id) from deals')
calls=$(sqlite3 "$dir/team.db" 'select count(*) from calls')
"$closeloop" --workspace "$dir/team.db" import transcript "$dir/call.vtt" --deal "$deal" --rep "Ana Okafor" \
  --date 2026-11-20 >"$dir/out" || fail "import transcript"
grep -q "call.vtt" "$dir/out" || fail "import reports the call"
[ "$(sqlite3 "$dir/team.db" "select held_on || ' ' || transcript_format || ' ' || round(talk_ratio, 3) from calls order by id desc limit 1")" \
  = "2026-11-20 vtt 0.429" ] || fail "the call is kept with its metrics"
set +e
"$closeloop" --workspace "$dir/team.db" import transcript "$dir/latin1.txt" --deal "$deal" --rep Ana 2>"$dir/err"
[ $? -eq 1 ] || fail "a bad transcript is refused"
grep -q "line 2" "$dir/err" || fail "the refusal names the line"
"$closeloop" --workspace "$dir/team.db" import transcript "$dir/call.vtt" --deal 999999 2>/dev/null
[ $? -eq 1 ] || fail "an unknown deal is refused"
"$closeloop" --workspace "$dir/team.db" import transcript "$dir/call.vtt" 2>/dev/null
[ $? -eq 2 ] || fail "import without --deal exits 2"
set -e
[ "$(sqlite3 "$dir/team.db" 'select count(*) from calls')" = $((calls + 1)) ] || fail "refusals write nothing"

# log practice: kept; an unknown skill or rep, or a score out of range, changes nothing
rep=$(sqlite3 "$dir/team.db" 'select name from reps where is_manager = 0 order by id limit 1')
drills=$(sqlite3 "$dir/team.db" 'select count(*) from practice_log')
"$closeloop" --workspace "$dir/team.db" log practice --rep "$rep" --focus price_hold --score 4 \
  --scenario "CFO asks for 20 %" --note "held at list" --date 2026-11-20 >"$dir/out" || fail "log practice"
grep -q "price_hold drill for $rep on 2026-11-20" "$dir/out" || fail "log practice says what it kept"
[ "$(sqlite3 "$dir/team.db" 'select self_score || note from practice_log order by id desc limit 1')" = "4held at list" ] \
  || fail "the drill is kept"
set +e
"$closeloop" --workspace "$dir/team.db" log practice --rep "$rep" --focus nope --score 3 2>"$dir/err"
[ $? -eq 1 ] || fail "an unknown skill is refused"
grep -q "discovery_depth" "$dir/err" || fail "the refusal lists the skills"
"$closeloop" --workspace "$dir/team.db" log practice --rep "$rep" --focus price_hold --score 7 2>/dev/null
[ $? -eq 2 ] || fail "a score of 7 exits 2"
"$closeloop" --workspace "$dir/team.db" log practice --rep Nobody --focus price_hold --score 3 2>"$dir/err"
[ $? -eq 1 ] || fail "an unknown rep is refused"
grep -q "Nobody" "$dir/err" || fail "the refusal names the rep"
"$closeloop" --workspace "$dir/team.db" log practice --focus price_hold --score 3 2>/dev/null
[ $? -eq 2 ] || fail "log practice without --rep exits 2"
"$closeloop" --workspace "$dir/team.db" export rep-plan 2>/dev/null
[ $? -eq 2 ] || fail "export rep-plan without --rep exits 2"
"$closeloop" --workspace "$dir/team.db" export rep-plan --rep "$rep" --month 2026-13 2>"$dir/err"
[ $? -eq 2 ] || fail "a malformed month exits 2"
grep -q "2026-13" "$dir/err" || fail "the error names the month"
"$closeloop" --workspace "$dir/team.db" export rep-plan --rep "$rep" --month 2020-01 2>"$dir/err"
[ $? -eq 1 ] || fail "a month without a plan is refused"
grep -q "2020-01" "$dir/err" || fail "the refusal names the month"
set -e
[ "$(sqlite3 "$dir/team.db" 'select count(*) from practice_log')" = $((drills + 1)) ] || fail "refusals log nothing"

# health: a document on stdout; a malformed period is misuse
"$closeloop" --workspace "$dir/team.db" health --period 2026-Q4 >"$dir/health.json" || fail "health"
grep -q '"format" : "closeloop.loop-health"' "$dir/health.json" || fail "health format"
# with which flags went with a loss, and the minimum it holds each side to
grep -q '"flag_outcomes" : {' "$dir/health.json" || fail "health has flag outcomes"
grep -q '"minimum_deals" : 10,' "$dir/health.json" || fail "flag outcomes say their minimum"
[ "$(grep -c '"enough_history" :' "$dir/health.json")" -eq 11 ] || fail "a flag outcome row per flag"
set +e
"$closeloop" --workspace "$dir/team.db" health --period 2026-Q5 2>"$dir/err"; status=$?
[ $status -eq 2 ] || fail "a malformed period exits 2, got $status"
grep -q "2026-Q5" "$dir/err" || fail "the error names the period"
"$closeloop" --workspace "$dir/none.db" health 2>/dev/null
[ $? -eq 1 ] || fail "health of a missing workspace exits 1"
set -e

# export retro: a malformed quarter is misuse
"$closeloop" --workspace "$dir/team.db" export retro --quarter 2026-Q4 >"$dir/retro.json" || fail "export retro"
grep -q '"format" : "closeloop.quarterly-retro"' "$dir/retro.json" || fail "retro format"
grep -q '"flag_outcomes" : {' "$dir/retro.json" || fail "the retrospective's inputs have flag outcomes"
set +e
"$closeloop" --workspace "$dir/team.db" export retro --quarter 2026-Q0 2>"$dir/err"; status=$?
[ $status -eq 2 ] || fail "a malformed quarter exits 2, got $status"
grep -q "2026-Q0" "$dir/err" || fail "the error names the quarter"
set -e

# import deals: a CRM export into a new workspace; bad rows named by line, nothing imported
cat >"$dir/week1.csv" <<'CSV'
Record ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner
101,Acme rollout,Acme,Discovery,12000,2026-12-15,Ana Okafor
102,Globex pilot,Globex,Proposal,8000,2026-12-20,Ben Li
CSV
set +e
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week1.csv" --as-of 2026-11-16 >/dev/null 2>"$dir/err"
[ $? -eq 1 ] || fail "a first import without currencies asks for one"
grep -q -- "--currency" "$dir/err" || fail "the refusal says how to give the currency"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week1.csv" --currency 'US Dollar' >/dev/null 2>&1
[ $? -eq 2 ] || fail "a currency that is no code exits 2"
# two stages no CRM's order, probability or history places: refused, named, until the team gives the order
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week1.csv" --as-of 2026-11-16 --currency USD 2>"$dir/err"
[ $? -eq 1 ] || fail "an unknown stage order refuses the import"
grep -q "unknown: .Discovery., .Proposal.; nothing was imported" "$dir/err" || fail "the refusal names the stages"
grep -q -- "--stages FILE" "$dir/err" || fail "the refusal says how to give the order"
[ "$(sqlite3 "$dir/crm.db" 'select count(*) from deals')" = 0 ] || fail "an unknown stage order writes nothing"
printf 'Discovery\nProposal\nProposal\n' >"$dir/twice.txt"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week1.csv" --stages "$dir/twice.txt" 2>"$dir/err"
[ $? -eq 1 ] || fail "a stages file that repeats a stage is refused"
grep -q "twice.txt, line 3" "$dir/err" || fail "the stages file's bad line is named"
set -e
printf 'Discovery\nProposal\n' >"$dir/stages.txt"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week1.csv" --as-of 2026-11-16 --currency USD \
  --stages "$dir/stages.txt" >"$dir/out" || fail "import deals"
[ "$(sqlite3 "$dir/crm.db" "select group_concat(distinct currency) from deals")" = USD ] \
  || fail "amounts are booked in the workspace's currency"
grep -q "HubSpot export, 2 rows: 2 deals added" "$dir/out" || fail "import deals says what it did"
grep -q "Stages created: Discovery, Proposal" "$dir/out" || fail "import deals names the stages it made"
[ "$(stat -c %a "$dir/crm.db")" = 600 ] || fail "an imported workspace is 0600"
printf 'Record ID,Deal Name,Deal Stage,Amount,Close Date\n103,Initech,Discovery,lots,2026-12-01\n104,Umbrella,Discovery,5,2026-12-01\n' \
  >"$dir/bad.csv"
set +e
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/bad.csv" 2>"$dir/err"; status=$?
[ $status -eq 1 ] || fail "bad rows refuse the import, got $status"
grep -q "bad.csv, line 2: the amount “lots” is not a number" "$dir/err" || fail "the bad row is named by line"
[ "$(sqlite3 "$dir/crm.db" 'select count(*) from deals')" = 2 ] || fail "a refused import writes nothing"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/bad.csv" --import-good-rows >/dev/null 2>&1 \
  || fail "--import-good-rows imports the others"
[ "$(sqlite3 "$dir/crm.db" 'select count(*) from deals')" = 3 ] || fail "the good row is imported"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/call.vtt" 2>"$dir/err"
[ $? -eq 1 ] || fail "a file that is no deals export is refused"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week1.csv" --mapping zoho 2>/dev/null
[ $? -eq 2 ] || fail "an unknown layout name exits 2"
set -e

# import undo: the last import undone, dump for dump; then nothing more to undo
sqlite3 "$dir/crm.db" .dump >"$dir/before-import.sql"
printf 'Record ID,Deal Name,Deal Stage,Amount,Close Date\n103,Initech,Proposal,7,2026-12-08\n' >"$dir/week2.csv"
"$closeloop" --workspace "$dir/crm.db" import deals "$dir/week2.csv" --as-of 2026-11-23 >/dev/null || fail "week 2"
[ "$(stat -c %a "$dir/crm.db.before-import")" = 600 ] || fail "the undo point is 0600"
"$closeloop" --workspace "$dir/crm.db" import undo >"$dir/out" || fail "import undo"
grep -q "Undid the import of week2.csv as of 2026-11-23" "$dir/out" || fail "import undo says what it undid"
sqlite3 "$dir/crm.db" .dump | cmp -s - "$dir/before-import.sql" || fail "import undo restores the workspace exactly"
set +e
"$closeloop" --workspace "$dir/crm.db" import undo 2>"$dir/err"; status=$?
set -e
[ $status -eq 1 ] || fail "nothing to undo exits 1, got $status"
grep -q "no import to undo" "$dir/err" || fail "nothing to undo says so"

# killed halfway, an import leaves all of it or none of it
python3 -c "
import sys
print('Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner')
for i in range(60000):
    print(f'{i},Deal {i},Stage {i % 7},{1000 + i},2027-01-{1 + i % 28:02d},Rep {i % 40}')
" >"$dir/big.csv"
printf 'Stage 0\nStage 1\nStage 2\nStage 3\nStage 4\nStage 5\nStage 6\n' >"$dir/big-stages.txt"
"$closeloop" --workspace "$dir/kill.db" import deals "$dir/big.csv" --currency EUR --stages "$dir/big-stages.txt" \
  >/dev/null 2>&1 &
pid=$!
sleep 1.5
kill -9 $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
n=$(sqlite3 "$dir/kill.db" 'select count(*) from deals' 2>/dev/null || echo 0)
[ "$n" = 0 ] || [ "$n" = 60000 ] || fail "a killed import left $n of 60000 deals"

# a Salesforce export without names: its stages in Salesforce's order, owners and accounts as ids, said;
# the Account export names the accounts, the roster the owners, and next week finds them again
cat >"$dir/Opportunity.csv" <<'CSV'
Id,AccountId,Name,StageName,Amount,Probability,CloseDate,OwnerId,IsClosed,IsWon
006A,001000000000001AAA,Acme rollout,Negotiation/Review,12000,90,2026-12-15,005000000000001AAA,,
006B,001000000000002AAA,Globex pilot,Prospecting,8000,10,2026-12-20,005000000000002AAA,,
006C,001000000000001AAA,Acme renewal,Closed Won,5000,100,2026-11-01,005000000000001AAA,1,1
CSV
printf 'Id,Name\n001000000000001,Acme\n001000000000002AAA,"Globex, Inc."\n' >"$dir/Account.csv"
"$closeloop" --workspace "$dir/sf.db" import deals "$dir/Opportunity.csv" --currency USD --as-of 2026-11-16 \
  --stages auto >"$dir/out" || fail "import an id-only Salesforce export"
grep -q "^Owners are named by their CRM ids" "$dir/out" || fail "owners named by ids are said"
grep -q "^Accounts are named by their CRM ids" "$dir/out" || fail "accounts named by ids are said"
[ "$(sqlite3 "$dir/sf.db" 'select group_concat(name, "|") from (select name from stages order by position)')" \
  = "Prospecting|Negotiation/Review" ] || fail "Salesforce stages in Salesforce's order, no closed stage"
"$closeloop" --workspace "$dir/sf.db" rep list | grep -q "^005000000000001AAA (named by a CRM id)$" \
  || fail "rep list says who is named by an id"
"$closeloop" --workspace "$dir/sf.db" rep rename 005000000000001AAA "Ana Okafor" >/dev/null || fail "rep rename"
"$closeloop" --workspace "$dir/sf.db" rep rename 005000000000002AAA "Ben Li" >/dev/null || fail "rep rename again"
"$closeloop" --workspace "$dir/sf.db" rep set "Ben Li" --manager yes >"$dir/out" || fail "rep set --manager"
grep -q "^Ben Li (the manager)$" "$dir/out" || fail "rep set says who is the manager"
"$closeloop" --workspace "$dir/sf.db" import deals "$dir/Opportunity.csv" --accounts "$dir/Account.csv" \
  --as-of 2026-11-23 >"$dir/out" || fail "import with --accounts"
grep -q "^Accounts named from Account.csv: 3 rows$" "$dir/out" || fail "the accounts named are counted"
grep -q "Owners are named" "$dir/out" && fail "owners the roster named are not ids any more"
grep -q "Reps created" "$dir/out" && fail "next week's export finds the renamed reps"
[ "$(sqlite3 "$dir/sf.db" "select group_concat(distinct account) from deals")" = "Acme,Globex, Inc." ] \
  || fail "the Account export names the accounts"
printf 'Id,AccountId,Name,StageName,Amount,CloseDate,OwnerId\n006D,001X,Initech,Prospecting,1,2026-12-01,005000000000003AAA\n' \
  >"$dir/more.csv"
"$closeloop" --workspace "$dir/sf.db" import deals "$dir/more.csv" --as-of 2026-11-23 >/dev/null || fail "a third owner"
"$closeloop" --workspace "$dir/sf.db" rep merge 005000000000003AAA --into "ana okafor" >"$dir/out" || fail "rep merge"
grep -q "005000000000003AAA" "$dir/out" && fail "the merged rep is gone"
[ "$(sqlite3 "$dir/sf.db" "select count(*) from deals d join reps r on r.id = d.owner_id where r.name = 'Ana Okafor'")" = 3 ] \
  || fail "the merged rep's deals are the other's"
"$closeloop" --workspace "$dir/sf.db" rep set "Ana Okafor" --left yes | grep -q "^Ana Okafor (left the team)$" \
  || fail "rep set --left"
set +e
"$closeloop" --workspace "$dir/sf.db" rep rename "Ana Okafor" "Ben Li" 2>"$dir/err"
[ $? -eq 1 ] || fail "renaming to a name taken is refused"
grep -q "merge the two instead" "$dir/err" || fail "the refusal says to merge"
"$closeloop" --workspace "$dir/sf.db" rep merge "Ana Okafor" 2>/dev/null
[ $? -eq 2 ] || fail "rep merge without --into exits 2"
"$closeloop" --workspace "$dir/sf.db" rep set "Ana Okafor" --left maybe 2>/dev/null
[ $? -eq 2 ] || fail "rep set with neither yes nor no exits 2"
"$closeloop" --workspace "$dir/sf.db" rep rename Nobody Somebody 2>/dev/null
[ $? -eq 1 ] || fail "renaming no one is refused"
"$closeloop" --workspace "$dir/sf.db" import deals "$dir/Opportunity.csv" --accounts "$dir/week1.csv" 2>"$dir/err"
[ $? -eq 1 ] || fail "an --accounts file that is no Account export is refused"
grep -q "week1.csv is a deals export, not the account export" "$dir/err" || fail "the refusal names the accounts file"
set -e

# a real Salesforce pair, when the shared test data is there: every account id named by the Account export
sf_data=${CLOSELOOP_TESTDATA:-}/crm-exports/salesforce
if [ -n "${CLOSELOOP_TESTDATA:-}" ] && [ -f "$sf_data/migration-app-pack_Account.csv" ]; then
  "$closeloop" --workspace "$dir/real.db" import deals "$sf_data/migration-app-pack_Opportunity.csv" \
    --accounts "$sf_data/migration-app-pack_Account.csv" --currency USD --as-of 2026-11-23 >"$dir/out" \
    || fail "import a real Salesforce export with its Account export"
  grep -q "^Accounts named from migration-app-pack_Account.csv: 774 rows$" "$dir/out" \
    || fail "every opportunity's account is named"
  grep -q "not name" "$dir/out" && fail "no account id is left unnamed"
  [ "$(sqlite3 "$dir/real.db" "select count(*) from deals where account glob '001*' and length(account) in (15, 18)")" = 0 ] \
    || fail "no account is kept as an id"
else
  echo "# skipped the real Salesforce pair: no crm-exports/salesforce (set -Dtestdata to ../shared/testdata)"
fi

# import summary: a teammate's review kept once; a bad file refused, nothing kept
"$closeloop" --workspace "$dir/team.db" export review --week 2026-W47 --output "$dir/shared.json" || fail "export to share"
"$closeloop" --workspace "$dir/mate.db" import summary "$dir/shared.json" >"$dir/out" || fail "import summary"
# what it is about is isolated (U+2068 … U+2069) from the words around it
fsi=$(printf '\342\201\250')
grep -q "^Kept: Weekly review ${fsi}2026-W47" "$dir/out" || fail "import summary says what it kept"
"$closeloop" --workspace "$dir/mate.db" import summary "$dir/shared.json" >"$dir/out" || fail "the same summary again"
grep -q "^Already in the library" "$dir/out" || fail "the same file is not kept twice"
printf '{"format": "closeloop.pipeline-review", "version": 7}' >"$dir/future.json"
set +e
"$closeloop" --workspace "$dir/mate.db" import summary "$dir/future.json" 2>"$dir/err"
[ $? -eq 1 ] || fail "a newer version is refused"
grep -q "version 7" "$dir/err" || fail "the refusal names the version"
set -e
[ "$(sqlite3 "$dir/mate.db" 'select count(*) from library')" = 1 ] || fail "the library keeps one summary"

# workspace backup: everything out, and back into a new workspace only
"$closeloop" --workspace "$dir/team.db" export workspace --output "$dir/backup.json" || fail "export workspace"
[ "$(stat -c %a "$dir/backup.json")" = 600 ] || fail "a backup is 0600"
"$closeloop" --workspace "$dir/team.db" export workspace >"$dir/streamed.json" || fail "export workspace to stdout"
[ "$(grep -v '"exported_at"' "$dir/streamed.json")" = "$(grep -v '"exported_at"' "$dir/backup.json")" ] \
  || fail "a backup on standard output is the one --output writes"
set +e
"$closeloop" --workspace "$dir/team.db" export workspace >/dev/full 2>"$dir/err"
[ $? -eq 1 ] && grep -q "standard output" "$dir/err" || fail "a backup to a full standard output fails and says so"
set -e
"$closeloop" --workspace "$dir/restored.db" import workspace "$dir/backup.json" >/dev/null || fail "import workspace"
[ "$(sqlite3 "$dir/restored.db" 'select count(*) from coaching_sessions where private_notes <> ""')" = \
  "$(sqlite3 "$dir/team.db" 'select count(*) from coaching_sessions where private_notes <> ""')" ] \
  || fail "private notes come back"
set +e
"$closeloop" --workspace "$dir/team.db" import workspace "$dir/backup.json" 2>/dev/null
[ $? -eq 2 ] || fail "restoring over a workspace is refused"
set -e

# team folder: each publishes in their own subfolder and reads the other's
mkdir "$dir/shared"
"$closeloop" --workspace "$dir/team.db" team-folder | grep -q "^No team folder" || fail "no team folder at first"
set +e
"$closeloop" --workspace "$dir/team.db" team-folder set "$dir/nowhere" 2>"$dir/err"
[ $? -eq 1 ] || fail "a missing folder is refused"
grep -q "nowhere" "$dir/err" || fail "the refusal names the folder"
"$closeloop" --workspace "$dir/team.db" export review --publish >/dev/null 2>"$dir/err"
[ $? -eq 1 ] || fail "publishing without a team folder fails"
"$closeloop" --workspace "$dir/team.db" export workspace --publish >/dev/null 2>&1
[ $? -eq 2 ] || fail "a backup is never published"
"$closeloop" --workspace "$dir/team.db" export coaching --deal 1 --include-private --publish >/dev/null 2>"$dir/err"
[ $? -eq 2 ] || fail "private notes are never published"
grep -q "private notes" "$dir/err" || fail "the refusal says why"
"$closeloop" --workspace "$dir/team.db" team-folder frob 2>/dev/null
[ $? -eq 2 ] || fail "team-folder misuse exits 2"
"$closeloop" --workspace "$dir/team.db" identity set --role boss 2>"$dir/err"
[ $? -eq 2 ] || fail "a role that is neither manager nor rep exits 2"
grep -q "boss" "$dir/err" || fail "the refusal names the role"
"$closeloop" --workspace "$dir/team.db" identity set --name "   " 2>"$dir/err"
[ $? -eq 2 ] && grep -q "blank" "$dir/err" || fail "a blank name is refused"
"$closeloop" --workspace "$dir/team.db" identity set 2>/dev/null
[ $? -eq 2 ] || fail "identity set without anything to set exits 2"
set -e
# who I am: made on first use, the id stable, name and role editable
"$closeloop" --workspace "$dir/team.db" identity --help | grep -q -- "--role" || fail "identity --help"
first_id=$("$closeloop" --workspace "$dir/team.db" identity show | sed -n 's/^Id: //p')
echo "$first_id" | grep -Eq '^[0-9a-f]{12}$' || fail "the id is twelve hex digits: $first_id"
"$closeloop" --workspace "$dir/team.db" identity set --name "Dana Ruiz" --role manager >"$dir/out" \
  || fail "identity set"
grep -q "^Role: manager" "$dir/out" && grep -q "^Subfolder: Dana Ruiz ($first_id)" "$dir/out" \
  || fail "identity set says the new name, role and subfolder: $(cat "$dir/out")"
[ "$("$closeloop" --workspace "$dir/team.db" identity | sed -n 's/^Id: //p')" = "$first_id" ] \
  || fail "the id never changes"
CLOSELOOP_AUTHOR="Ana" "$closeloop" --workspace "$dir/team.db" identity | grep -q "^Subfolder: Ana ($first_id)" \
  || fail "CLOSELOOP_AUTHOR still names the subfolder"
"$closeloop" --workspace "$dir/team.db" team-folder set "$dir/shared" | grep -q "shared" || fail "team-folder set"
"$closeloop" --workspace "$dir/mate.db" team-folder set "$dir/shared" >/dev/null || fail "the mate's team folder"
CLOSELOOP_AUTHOR="Ana" "$closeloop" --workspace "$dir/team.db" export review --week 2026-W47 --publish \
  >"$dir/out" 2>"$dir/err" || fail "export --publish"
grep -q '"format"' "$dir/out" || fail "export --publish still writes the document"
ana_id=$("$closeloop" --workspace "$dir/team.db" identity show | sed -n 's/^Id: //p')
grep -q "Published .*/shared/Ana ($ana_id)/pipeline-review-2026-W47.closeloop.json" "$dir/err" \
  || fail "export --publish says where: into the subfolder that carries the owner's id"
[ "$(stat -c %a "$dir/shared/Ana ($ana_id)/pipeline-review-2026-W47.closeloop.json")" = 600 ] || fail "a published file is 0600"
CLOSELOOP_AUTHOR="Ana" "$closeloop" --workspace "$dir/team.db" health --publish >/dev/null 2>&1 \
  || fail "health --publish"
CLOSELOOP_AUTHOR="Ben" "$closeloop" --workspace "$dir/mate.db" team-folder sync >"$dir/out" || fail "team-folder sync"
grep -q "^Arrived: Loop health" "$dir/out" || fail "sync names what arrived"
grep -q "^2 new, 0 replaced, 0 unchanged, 0 unreadable" "$dir/out" || fail "sync counts: $(cat "$dir/out")"
CLOSELOOP_AUTHOR="Ben" "$closeloop" --workspace "$dir/mate.db" team-folder sync | grep -q "^0 new, 0 replaced, 2 unchanged" \
  || fail "a second sync keeps nothing twice"
# nor the one named by the name alone, where one published before ids
mkdir "$dir/shared/Ana"
cp "$dir/shared/Ana ($ana_id)/pipeline-review-2026-W47.closeloop.json" "$dir/shared/Ana/"
CLOSELOOP_AUTHOR="Ana" "$closeloop" --workspace "$dir/team.db" team-folder sync | grep -q "^0 new" \
  || fail "one's own subfolder is not read"
rm -r "$dir/shared/Ana"
# a subfolder named by the name alone, as before ids, is still read
mkdir "$dir/shared/Eve"
CLOSELOOP_AUTHOR="Eve" "$closeloop" --workspace "$dir/team.db" health --period 2026-Q3 \
  --output "$dir/shared/Eve/loop-health-2026-Q3.json"
CLOSELOOP_AUTHOR="Ben" "$closeloop" --workspace "$dir/mate.db" team-folder sync | grep -q "^1 new, 0 replaced, 2 unchanged" \
  || fail "a subfolder named by the name alone is read"
printf '{"format": "closeloop.pipeline' >"$dir/shared/Ana ($ana_id)/half.json"
set +e
CLOSELOOP_AUTHOR="Ben" "$closeloop" --workspace "$dir/mate.db" team-folder sync >/dev/null 2>"$dir/err"
[ $? -eq 1 ] || fail "an unreadable file fails the sync"
grep -q "Ana ($ana_id)/half.json" "$dir/err" || fail "the sync names the unreadable file"
set -e
# an export that fails is not published either
set +e
CLOSELOOP_AUTHOR="Cy" "$closeloop" --workspace "$dir/team.db" export review --week 2026-W47 --publish \
  --output "$dir/no/such/dir/r.json" 2>/dev/null
[ $? -eq 1 ] || fail "a failed export with --publish exits 1"
set -e
[ ! -e "$dir/shared/Cy ($ana_id)" ] || fail "a failed export is not published"
"$closeloop" --workspace "$dir/team.db" team-folder clear | grep -q "^No team folder" || fail "team-folder clear"

# --output to what is not a regular file: written in place, never replaced
mkfifo "$dir/fifo"
cat "$dir/fifo" >"$dir/from-fifo" &
"$closeloop" --workspace "$dir/team.db" export review --week 2026-W47 --output "$dir/fifo" || fail "export to a FIFO"
wait
[ -p "$dir/fifo" ] || fail "the FIFO is still a FIFO"
grep -q '"format"' "$dir/from-fifo" || fail "the FIFO's reader got the document"
if mknod "$dir/null" c 1 3 2>/dev/null; then
  "$closeloop" --workspace "$dir/team.db" health --output "$dir/null" || fail "export to a device"
  [ -c "$dir/null" ] || fail "the device is still a device"
fi
"$closeloop" --workspace "$dir/team.db" health --output /dev/stdout >"$dir/stdout.json" || fail "export to /dev/stdout"
[ -c /dev/null ] && [ -L /dev/stdout ] || fail "the system's devices are untouched"
grep -q '"format"' "$dir/stdout.json" || fail "/dev/stdout got the document"

# misuse: exit 2
set +e
"$closeloop" frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "unknown command exits 2"
"$closeloop" demo --deals many 2>/dev/null; [ $? -eq 2 ] || fail "bad count exits 2"
"$closeloop" --workspace 2>/dev/null; [ $? -eq 2 ] || fail "--workspace without a path exits 2"
set -e
echo "ok"
