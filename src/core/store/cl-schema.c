/* cl-schema.c — the workspace schema, as ordered forward migrations
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Step N takes a workspace from user_version N-1 to N. Steps are never
 * edited once released: a change is a new step at the end.
 */
#define G_LOG_DOMAIN "cl-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

/* 1 — the pipeline-review loop: team, process, deals and their history,
 *     weekly reviews with decisions, actions */
static const char schema_step_1[] =
  "PRAGMA application_id = 0x436c4c70;"
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value NOT NULL"
  ");"
  "CREATE TABLE reps ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  email      TEXT,"
  "  is_manager INTEGER NOT NULL DEFAULT 0 CHECK (is_manager IN (0, 1))"
  ");"
  "CREATE TABLE stages ("
  "  id              INTEGER PRIMARY KEY,"
  "  name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  position        INTEGER NOT NULL UNIQUE,"
  "  probability     INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),"
  "  exit_criteria   TEXT NOT NULL DEFAULT '',"
  "  required_meddic INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE deals ("
  "  id               INTEGER PRIMARY KEY,"
  "  external_id      TEXT UNIQUE,"
  "  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  account          TEXT NOT NULL,"
  "  owner_id         INTEGER NOT NULL REFERENCES reps (id),"
  "  stage_id         INTEGER NOT NULL REFERENCES stages (id),"
  "  amount_cents     INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  currency         TEXT NOT NULL CHECK (length(currency) = 3),"
  "  close_date       TEXT NOT NULL CHECK (date(close_date) = close_date),"
  "  forecast         TEXT NOT NULL CHECK (forecast IN ('commit', 'best_case', 'pipeline', 'omitted')),"
  "  next_step        TEXT NOT NULL DEFAULT '',"
  "  next_step_due    TEXT CHECK (next_step_due IS NULL OR date(next_step_due) = next_step_due),"
  "  status           TEXT NOT NULL DEFAULT 'open'"
  "                   CHECK (status IN ('open', 'won', 'lost', 'disqualified')),"
  "  status_reason    TEXT NOT NULL DEFAULT '',"
  "  created_on       TEXT NOT NULL CHECK (date(created_on) = created_on),"
  "  stage_entered_on TEXT NOT NULL CHECK (date(stage_entered_on) = stage_entered_on)"
  ");"
  "CREATE INDEX deals_by_status ON deals (status, amount_cents DESC);"
  "CREATE INDEX deals_by_owner ON deals (owner_id);"
  "CREATE TABLE contacts ("
  "  id      INTEGER PRIMARY KEY,"
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  name    TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  title   TEXT NOT NULL DEFAULT '',"
  "  role    TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX contacts_by_deal ON contacts (deal_id);"
  "CREATE TABLE qualification ("
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  element TEXT NOT NULL CHECK (element IN ('metrics', 'economic_buyer', 'decision_criteria',"
  "            'decision_process', 'paper_process', 'identify_pain', 'champion', 'competition')),"
  "  state   TEXT NOT NULL CHECK (state IN ('unknown', 'partial', 'confirmed')),"
  "  note    TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (deal_id, element)"
  ") WITHOUT ROWID;"
  "CREATE TABLE deal_events ("
  "  id          INTEGER PRIMARY KEY,"
  "  deal_id     INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  occurred_on TEXT NOT NULL CHECK (date(occurred_on) = occurred_on),"
  "  field       TEXT NOT NULL CHECK (field IN ('created', 'stage', 'amount', 'close_date',"
  "                'next_step', 'owner', 'status', 'forecast')),"
  "  old_value   TEXT,"
  "  new_value   TEXT"
  ");"
  "CREATE INDEX deal_events_by_deal ON deal_events (deal_id, occurred_on);"
  "CREATE TABLE actions ("
  "  id         INTEGER PRIMARY KEY,"
  "  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  owner_id   INTEGER NOT NULL REFERENCES reps (id),"
  "  deal_id    INTEGER REFERENCES deals (id) ON DELETE SET NULL,"
  "  due_on     TEXT NOT NULL CHECK (date(due_on) = due_on),"
  "  done_on    TEXT CHECK (done_on IS NULL OR date(done_on) = done_on),"
  "  created_on TEXT NOT NULL CHECK (date(created_on) = created_on),"
  "  source     TEXT NOT NULL CHECK (source IN ('review', 'coaching', 'retro', 'manual'))"
  ");"
  "CREATE INDEX actions_open ON actions (owner_id) WHERE done_on IS NULL;"
  "CREATE TABLE reviews ("
  "  id        INTEGER PRIMARY KEY,"
  "  week      TEXT NOT NULL UNIQUE CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),"
  "  held_on   TEXT NOT NULL CHECK (date(held_on) = held_on),"
  "  attendees TEXT NOT NULL DEFAULT '',"
  "  notes     TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE review_decisions ("
  "  id        INTEGER PRIMARY KEY,"
  "  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,"
  "  deal_id   INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  decision  TEXT NOT NULL CHECK (decision IN ('keep', 'disqualify', 'manager_time', 'next_action')),"
  "  note      TEXT NOT NULL DEFAULT '',"
  "  action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  UNIQUE (review_id, deal_id),"
  "  CHECK ((decision = 'next_action') = (action_id IS NOT NULL))"
  ");";

/* 2 — the deal-coaching loop: sessions, calls with transcripts, scorecards */
static const char schema_step_2[] =
  "CREATE TABLE coaching_sessions ("
  "  id              INTEGER PRIMARY KEY,"
  "  deal_id         INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  coach_id        INTEGER REFERENCES reps (id),"
  "  held_on         TEXT NOT NULL CHECK (date(held_on) = held_on),"
  "  trigger         TEXT NOT NULL CHECK (trigger IN ('key_deal', 'stalled', 'big_logo', 'flagged', 'other')),"
  "  evidence        TEXT NOT NULL DEFAULT '',"
  "  gaps            TEXT NOT NULL DEFAULT '',"
  "  blocker         TEXT NOT NULL DEFAULT '',"
  "  next_move       TEXT NOT NULL DEFAULT '',"
  "  action_id       INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  follow_up       TEXT NOT NULL DEFAULT 'pending'"
  "                  CHECK (follow_up IN ('pending', 'happened', 'did_not_happen')),"
  "  follow_up_note  TEXT NOT NULL DEFAULT '',"
  "  private_notes   TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX coaching_by_deal ON coaching_sessions (deal_id);"
  "CREATE TABLE calls ("
  "  id                  INTEGER PRIMARY KEY,"
  "  rep_id              INTEGER NOT NULL REFERENCES reps (id),"
  "  deal_id             INTEGER REFERENCES deals (id) ON DELETE SET NULL,"
  "  held_on             TEXT NOT NULL CHECK (date(held_on) = held_on),"
  "  title               TEXT NOT NULL DEFAULT '',"
  "  transcript          TEXT,"
  "  transcript_format   TEXT CHECK (transcript_format IN ('vtt', 'srt', 'txt')),"
  "  duration_s          INTEGER NOT NULL DEFAULT 0 CHECK (duration_s >= 0),"
  "  talk_ratio          REAL CHECK (talk_ratio BETWEEN 0 AND 1),"
  "  longest_monologue_s INTEGER,"
  "  questions           INTEGER,"
  "  switches_per_minute REAL,"
  "  patience_s          REAL"
  ");"
  "CREATE INDEX calls_by_rep ON calls (rep_id, held_on);"
  "CREATE TABLE scorecard_items ("
  "  id       INTEGER PRIMARY KEY,"
  "  key      TEXT NOT NULL UNIQUE,"
  "  label    TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "INSERT INTO scorecard_items (key, label, position) VALUES"
  "  ('asked_before_pitching', 'Asked before pitching', 1),"
  "  ('agreed_before_objection', 'Agreed before addressing the objection', 2),"
  "  ('surfaced_pain', 'Surfaced the pain beneath the surface', 3),"
  "  ('dated_next_step', 'Secured a dated next step', 4),"
  "  ('multi_threaded', 'Multi-threaded', 5);"
  "CREATE TABLE call_scores ("
  "  call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES scorecard_items (id) ON DELETE CASCADE,"
  "  score   INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),"
  "  PRIMARY KEY (call_id, item_id)"
  ") WITHOUT ROWID;";

/* 3 — the rep-development and strategy-to-tactic loops */
static const char schema_step_3[] =
  "CREATE TABLE dev_plans ("
  "  id                 INTEGER PRIMARY KEY,"
  "  rep_id             INTEGER NOT NULL REFERENCES reps (id) ON DELETE CASCADE,"
  "  month              TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),"
  "  focus              TEXT NOT NULL CHECK (length(focus) > 0),"
  "  justification      TEXT NOT NULL DEFAULT '',"
  "  drill              TEXT NOT NULL DEFAULT '',"
  "  target_repetitions INTEGER NOT NULL DEFAULT 0 CHECK (target_repetitions >= 0),"
  "  target_score       INTEGER NOT NULL DEFAULT 0 CHECK (target_score BETWEEN 0 AND 5),"
  "  lookback           TEXT NOT NULL DEFAULT 'none' CHECK (lookback IN ('none', 'yes', 'partly', 'no')),"
  "  lookback_evidence  TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (rep_id, month)"
  ");"
  "CREATE TABLE practice_log ("
  "  id         INTEGER PRIMARY KEY,"
  "  rep_id     INTEGER NOT NULL REFERENCES reps (id) ON DELETE CASCADE,"
  "  logged_on  TEXT NOT NULL CHECK (date(logged_on) = logged_on),"
  "  focus      TEXT NOT NULL,"
  "  scenario   TEXT NOT NULL DEFAULT '',"
  "  self_score INTEGER NOT NULL CHECK (self_score BETWEEN 1 AND 5),"
  "  note       TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX practice_by_rep ON practice_log (rep_id, logged_on);"
  "CREATE TABLE retros ("
  "  id              INTEGER PRIMARY KEY,"
  "  quarter         TEXT NOT NULL UNIQUE CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  held_on         TEXT NOT NULL CHECK (date(held_on) = held_on),"
  "  findings        TEXT NOT NULL DEFAULT '',"
  "  root_causes     INTEGER NOT NULL DEFAULT 0 CHECK (root_causes BETWEEN 0 AND 15),"
  "  decision        TEXT NOT NULL DEFAULT 'undecided'"
  "                  CHECK (decision IN ('undecided', 'adjust_strategy', 'execution_drifted')),"
  "  decision_detail TEXT NOT NULL DEFAULT '',"
  "  restart_plan    TEXT NOT NULL DEFAULT ''"
  ");";

/* 4 — a coaching session's next move names who it is with, and the calls
 * looked at as evidence */
static const char schema_step_4[] =
  "ALTER TABLE coaching_sessions ADD COLUMN next_move_with TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE coaching_evidence ("
  "  session_id INTEGER NOT NULL REFERENCES coaching_sessions (id) ON DELETE CASCADE,"
  "  call_id    INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (session_id, call_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX calls_by_deal ON calls (deal_id, held_on);";

/* 5 — a scorecard item the team removes is retired, so past scores keep
 * their meaning and the removal can be undone; open deals counted per owner
 * from the index alone */
static const char schema_step_5[] =
  "ALTER TABLE scorecard_items ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));"
  "CREATE INDEX deals_by_status_owner ON deals (status, owner_id);";

/* 6 — the rep-development loop: the team's skills, the pattern behind a
 * plan, and the 1:1 agendas */
static const char schema_step_6[] =
  "CREATE TABLE dev_skills ("
  "  id       INTEGER PRIMARY KEY,"
  "  key      TEXT NOT NULL UNIQUE CHECK (length(key) > 0),"
  "  label    TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  position INTEGER NOT NULL,"
  "  retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))"
  ");"
  "INSERT INTO dev_skills (key, label, position) VALUES"
  "  ('discovery_depth', 'Discovery depth', 1),"
  "  ('price_hold', 'Price hold', 2),"
  "  ('objection_handling', 'Objection handling', 3),"
  "  ('multi_threading', 'Multi-threading', 4),"
  "  ('next_step_control', 'Next-step control', 5);"
  "INSERT OR IGNORE INTO dev_skills (key, label, position)"
  "  SELECT DISTINCT focus, replace(upper(substr(focus, 1, 1)) || substr(focus, 2), '_', ' '), 100"
  "  FROM (SELECT focus FROM dev_plans UNION SELECT focus FROM practice_log);"
  "CREATE TABLE dev_plan_evidence ("
  "  plan_id    INTEGER NOT NULL REFERENCES dev_plans (id) ON DELETE CASCADE,"
  "  call_id    INTEGER REFERENCES calls (id) ON DELETE CASCADE,"
  "  session_id INTEGER REFERENCES coaching_sessions (id) ON DELETE CASCADE,"
  "  CHECK ((call_id IS NULL) <> (session_id IS NULL)),"
  "  UNIQUE (plan_id, call_id, session_id)"
  ");"
  "CREATE TABLE one_on_ones ("
  "  id      INTEGER PRIMARY KEY,"
  "  rep_id  INTEGER NOT NULL REFERENCES reps (id) ON DELETE CASCADE,"
  "  held_on TEXT NOT NULL CHECK (date(held_on) = held_on),"
  "  agenda  TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (rep_id, held_on)"
  ");";

/* 7 — a retrospective that finds execution drifted restarts loops, each
 * with an owner and a day, each an action */
static const char schema_step_7[] =
  "CREATE TABLE retro_restarts ("
  "  id        INTEGER PRIMARY KEY,"
  "  retro_id  INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,"
  "  loop      TEXT NOT NULL CHECK (loop IN ('pipeline_review', 'deal_coaching', 'rep_development', 'strategy')),"
  "  owner_id  INTEGER NOT NULL REFERENCES reps (id),"
  "  due_on    TEXT NOT NULL CHECK (date(due_on) = due_on),"
  "  action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  UNIQUE (retro_id, loop)"
  ");";

/* 8 — the team library: summaries teammates exported, kept read-only */
static const char schema_step_8[] =
  "CREATE TABLE library ("
  "  id          INTEGER PRIMARY KEY,"
  "  format      TEXT NOT NULL,"
  "  version     INTEGER NOT NULL,"
  "  subject     TEXT NOT NULL,"
  "  period      TEXT NOT NULL DEFAULT '',"
  "  exported_by TEXT NOT NULL,"
  "  exported_at TEXT NOT NULL,"
  "  imported_on TEXT NOT NULL CHECK (date(imported_on) = imported_on),"
  "  digest      TEXT NOT NULL UNIQUE,"
  "  document    TEXT NOT NULL,"
  "  UNIQUE (format, subject, exported_by)"
  ");";

/* 9 — the team's roster: who left (kept with their history, no longer
 * counted), and the other names an import knows a person by (a CRM's id,
 * a name before a rename or a merge); the reps loop health and loads count */
static const char schema_step_9[] =
  "ALTER TABLE reps ADD COLUMN has_left INTEGER NOT NULL DEFAULT 0 CHECK (has_left IN (0, 1));"
  "CREATE TABLE rep_aliases ("
  "  alias  TEXT NOT NULL PRIMARY KEY CHECK (length(trim(alias)) > 0),"
  "  rep_id INTEGER NOT NULL REFERENCES reps (id) ON DELETE CASCADE"
  ");"
  "CREATE INDEX rep_aliases_by_rep ON rep_aliases (rep_id);"
  "CREATE VIEW counted_reps AS SELECT * FROM reps WHERE NOT is_manager AND NOT has_left;";

/* 10 — a stage's own stall threshold in days; NULL leaves it to what the
 * team's won deals say of the stage (cl-deal-facts.c) */
static const char schema_step_10[] =
  "ALTER TABLE stages ADD COLUMN stalled_days INTEGER"
  "  CHECK (stalled_days IS NULL OR stalled_days BETWEEN 1 AND 3650);";

/* 11 — a next step's due day has a history of its own: the deal page
 * edits it, and each edit is a dated event like the import's */
static const char schema_step_11[] =
  "CREATE TABLE deal_events_11 ("
  "  id          INTEGER PRIMARY KEY,"
  "  deal_id     INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  occurred_on TEXT NOT NULL CHECK (date(occurred_on) = occurred_on),"
  "  field       TEXT NOT NULL CHECK (field IN ('created', 'stage', 'amount', 'close_date',"
  "                'next_step', 'next_step_due', 'owner', 'status', 'forecast')),"
  "  old_value   TEXT,"
  "  new_value   TEXT"
  ");"
  "INSERT INTO deal_events_11 SELECT id, deal_id, occurred_on, field, old_value, new_value FROM deal_events;"
  "DROP TABLE deal_events;"
  "ALTER TABLE deal_events_11 RENAME TO deal_events;"
  "CREATE INDEX deal_events_by_deal ON deal_events (deal_id, occurred_on);";

/* 12 — sharing through the team folder, one writer per record: a drill
 * merged from a rep's practice log keeps the rep's identity (origin) and
 * its id in their workspace, so a second import adds nothing and a
 * corrected one replaces it; the identity each rep's files come from; the
 * note a rep closed an action with; the actions of a manager's brief a rep
 * of this workspace marked done */
static const char schema_step_12[] =
  "ALTER TABLE practice_log ADD COLUMN origin TEXT CHECK (origin IS NULL OR length(origin) = 12);"
  "ALTER TABLE practice_log ADD COLUMN origin_entry INTEGER;"
  "CREATE UNIQUE INDEX practice_by_origin ON practice_log (origin, origin_entry) WHERE origin IS NOT NULL;"
  "ALTER TABLE actions ADD COLUMN done_note TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE rep_identities ("
  "  rep_id   INTEGER PRIMARY KEY REFERENCES reps (id) ON DELETE CASCADE,"
  "  identity TEXT NOT NULL UNIQUE CHECK (length(identity) = 12)"
  ");"
  "CREATE TABLE brief_actions_done ("
  "  manager   TEXT NOT NULL CHECK (length(manager) = 12),"
  "  action_id INTEGER NOT NULL CHECK (action_id > 0),"
  "  done_on   TEXT NOT NULL CHECK (date(done_on) = done_on),"
  "  note      TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (manager, action_id)"
  ") WITHOUT ROWID;";

/* 13 — a CHECK (x IN (…)) of three or more words made a chain of
 * comparisons: SQLite builds a temporary B-tree of the list each time it
 * evaluates one, so per row written, and an import or the demo spent most
 * of its time there. The rows stay valid, so only the tables' text in
 * sqlite_schema changes, through writable_schema as SQLite documents for
 * changed CHECK constraints: nothing is copied, whatever the workspace's
 * size, and it runs inside the migration's transaction, where the
 * foreign keys a rebuilt deals table needs switched off cannot be. */

/* "field IN ('created', 'stage', 'amount')": a list of three words or more */
#define IN_LIST_PATTERN "\\b(\\w+) IN \\(('[^']*'(?:,\\s*'[^']*'){2,})\\)"
#define WORD_PATTERN "'[^']*'"

/* "(field = 'created' OR field = 'stage' OR field = 'amount')" for the
 * list @match found; parenthesised, so it binds as the IN did. */
static gboolean
append_comparisons (const GMatchInfo *match,
                    GString          *out,
                    gpointer          word_regex)
{
  g_autofree char *column = g_match_info_fetch (match, 1);
  g_autofree char *list = g_match_info_fetch (match, 2);
  g_autoptr (GMatchInfo) word = NULL;
  const char *separator = "(";

  g_regex_match (word_regex, list, 0, &word);
  for (; g_match_info_matches (word); g_match_info_next (word, NULL))
    {
      g_autofree char *value = g_match_info_fetch (word, 0);

      g_string_append_printf (out, "%s%s = %s", separator, column, value);
      separator = " OR ";
    }
  g_string_append_c (out, ')');
  return FALSE;
}

/* Sets @message (for sqlite3_free ()) from @db's last error. */
static gboolean
fail_with (sqlite3  *db,
           char    **message)
{
  *message = sqlite3_mprintf ("%s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
run_int (sqlite3     *db,
         const char  *sql,
         int         *out_value,
         char       **message)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
                && sqlite3_step (stmt) == SQLITE_ROW;

  if (ok)
    *out_value = sqlite3_column_int (stmt, 0);
  else
    fail_with (db, message);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
rewrite_in_lists (sqlite3  *db,
                  char    **message)
{
  g_autoptr (GRegex) in_list = g_regex_new (IN_LIST_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GRegex) word = g_regex_new (WORD_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  sqlite3_stmt *tables = NULL, *update = NULL;
  g_autofree char *bump = NULL;
  int cookie = 0, rc = SQLITE_DONE, defensive = 0;
  gboolean ok;

  /* an SQLite built defensive refuses writable_schema: allowed for this
   * step alone */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  ok = run_int (db, "PRAGMA schema_version", &cookie, message)
       && sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, message) == SQLITE_OK;
  if (!ok)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'", -1, &tables, NULL)
      != SQLITE_OK
      || sqlite3_prepare_v2 (db, "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", -1,
                             &update, NULL) != SQLITE_OK)
    ok = fail_with (db, message);
  while (ok && (rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *rewritten = g_regex_replace_eval (in_list, sql, -1, 0, 0, append_comparisons, word, NULL);

      if (g_strcmp0 (rewritten, sql) == 0)
        continue;
      sqlite3_bind_text (update, 1, rewritten, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 2, (const char *) sqlite3_column_text (tables, 0), -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (update) == SQLITE_DONE || fail_with (db, message);
      sqlite3_reset (update);
    }
  if (ok && rc != SQLITE_DONE)
    ok = fail_with (db, message);
  sqlite3_finalize (tables);
  sqlite3_finalize (update);
  /* a new schema cookie: every connection reads the tables' new text */
  bump = g_strdup_printf ("PRAGMA schema_version = %d", cookie + 1);
  ok = ok && sqlite3_exec (db, bump, NULL, NULL, message) == SQLITE_OK;
  /* off again even after a failure, which the caller rolls back */
  if (sqlite3_exec (db, "PRAGMA writable_schema = OFF", NULL, NULL, ok ? message : NULL) != SQLITE_OK)
    ok = FALSE;
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
  return ok;
}

/* 14 — every change of a row in place or a row taken away counts, in the
 * setting "edit_count": an import's undo point is stamped with the rows of
 * each table and the settings, which an edit of a deal after the import
 * (its next step, a note) left as they were, so undoing the import threw
 * the edit away unasked. Each table but the settings counts through two
 * triggers; new rows already change the stamp. */

static gboolean
count_edits (sqlite3  *db,
             char    **message)
{
  sqlite3_stmt *tables = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name != 'settings'",
                                    -1, &tables, NULL) == SQLITE_OK
                || fail_with (db, message);
  int rc = SQLITE_DONE;

  while (ok && (rc = sqlite3_step (tables)) == SQLITE_ROW)
    for (guint i = 0; ok && i < 2; i++)
      {
        const char *event = i == 0 ? "UPDATE" : "DELETE";
        char *sql = sqlite3_mprintf ("CREATE TRIGGER \"%w_%s_counts\" AFTER %s ON \"%w\" BEGIN "
                                     "INSERT INTO settings (key, value) VALUES ('" CL_STORE_EDIT_COUNT "', 1) "
                                     "ON CONFLICT (key) DO UPDATE SET value = value + 1; END",
                                     sqlite3_column_text (tables, 0), event, event,
                                     sqlite3_column_text (tables, 0));

        ok = sqlite3_exec (db, sql, NULL, NULL, message) == SQLITE_OK;
        sqlite3_free (sql);
      }
  if (ok && rc != SQLITE_DONE)
    ok = fail_with (db, message);
  sqlite3_finalize (tables);
  return ok;
}

/* A step is SQL, then what SQL alone cannot do. */
typedef gboolean (*ClSchemaEdit) (sqlite3  *db,
                                  char    **message);

static const struct
{
  const char   *sql;
  ClSchemaEdit  edit;
} schema_steps[] = {
  { schema_step_1, NULL },
  { schema_step_2, NULL },
  { schema_step_3, NULL },
  { schema_step_4, NULL },
  { schema_step_5, NULL },
  { schema_step_6, NULL },
  { schema_step_7, NULL },
  { schema_step_8, NULL },
  { schema_step_9, NULL },
  { schema_step_10, NULL },
  { schema_step_11, NULL },
  { schema_step_12, NULL },
  { "", rewrite_in_lists },
  { "", count_edits },
};

G_STATIC_ASSERT (G_N_ELEMENTS (schema_steps) == CL_STORE_SCHEMA_VERSION);

gboolean
cl_schema_migrate (sqlite3     *db,
                   int          from_version,
                   int          to_version,
                   GError     **error)
{
  g_return_val_if_fail (from_version >= 0 && to_version <= CL_STORE_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);
      ClSchemaEdit edit = schema_steps[version - 1].edit;
      char *message = NULL;

      if (sqlite3_exec (db, schema_steps[version - 1].sql, NULL, NULL, &message) != SQLITE_OK
          || (edit != NULL && !edit (db, &message))
          || sqlite3_exec (db, bump, NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                       _("upgrading to workspace version %d failed: %s"), version, message);
          sqlite3_free (message);
          return FALSE;
        }
    }
  return TRUE;
}
