/* test-roster.c — the team's roster: renaming, merging a rep a CRM export
 * named by an id into the real one, the manager and who left, and what
 * loop health and the loads count of them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cl-development.h"
#include "cl-loop-health.h"
#include "cl-store-private.h"
#include "test-util.h"

#define OWNER_ID "0055g00000XyZ12AAV"

typedef struct
{
  char    *dir;
  char    *path;
  ClStore *store;
} Team;

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* A small sample team as of 2026-11-23. */
static void
team_open (Team *t)
{
  g_autoptr (GError) error = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 40;
  options.n_reps = 3;
  options.n_weeks = 12;
  options.today = day ("2026-11-23");
  t->dir = g_dir_make_tmp ("closeloop-roster-XXXXXX", NULL);
  t->path = g_build_filename (t->dir, "team.db", NULL);
  cl_test_write_team (t->path, &options);
  t->store = cl_store_open (t->path, &error);
  g_assert_no_error (error);
}

static void
team_close (Team *t)
{
  g_clear_object (&t->store);
  cl_test_remove_tree (t->dir);
  g_free (t->path);
  g_free (t->dir);
}

static char *
sql (Team       *t,
     const char *query)
{
  return g_strchomp (cl_test_sql_text (t->path, query));
}

/* The first rep (not the manager) by name. */
static ClRep *
some_rep (Team *t,
          guint nth)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (t->store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      if (!rep->is_manager && nth-- == 0)
        return g_steal_pointer (&rep);
    }
  g_assert_not_reached ();
}

/* A rep named by a CRM id, renamed: the id stays a name the import finds
 * them by; a name another rep has, or none, is refused. */
static void
test_rename (void)
{
  static const char export[] = "Id,Name,StageName,Amount,CloseDate,OwnerId\n"
                               "006A,Acme,Discovery,100,2026-12-01," OWNER_ID "\n";
  Team t = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) renamed = NULL, other = NULL;
  g_autofree char *alias = NULL, *reps = NULL, *owner = NULL;
  ClImportReport report;

  team_open (&t);
  other = some_rep (&t, 0);
  g_assert_true (cl_test_import_csv (t.store, export, NULL, "2026-11-16", FALSE, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.id_fields, ==, 1u << CL_CRM_FIELD_OWNER);
  cl_import_report_clear (&report);
  renamed = cl_store_find_rep (t.store, OWNER_ID, &error);
  g_assert_no_error (error);

  g_assert_false (cl_store_rename_rep (t.store, renamed->id, "  ", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_rename_rep (t.store, renamed->id, other->name, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "merge"));
  g_clear_error (&error);

  g_assert_true (cl_store_rename_rep (t.store, renamed->id, " Zoe Import ", &error));
  g_assert_true (cl_store_rename_rep (t.store, renamed->id, "Zoë Import", &error));
  /* a change of case is no other name */
  g_assert_true (cl_store_rename_rep (t.store, renamed->id, "ZOË IMPORT", &error));
  g_assert_no_error (error);
  alias = sql (&t, "SELECT group_concat(alias, '|') FROM (SELECT alias FROM rep_aliases ORDER BY alias)");
  g_assert_cmpstr (alias, ==, OWNER_ID "|Zoe Import");

  /* next week's export still says the id: the same rep, no owner change */
  g_assert_true (cl_test_import_csv (t.store, export, NULL, "2026-11-23", FALSE, NULL, &report, &error));
  g_assert_cmpuint (report.reps_created->len, ==, 0);
  g_assert_cmpuint (report.id_fields, ==, 0);
  cl_import_report_clear (&report);
  owner = sql (&t, "SELECT r.name FROM deals d JOIN reps r ON r.id = d.owner_id WHERE d.external_id = 'salesforce:006A'");
  g_assert_cmpstr (owner, ==, "ZOË IMPORT");
  reps = sql (&t, "SELECT count(*) FROM deal_events e JOIN deals d ON d.id = e.deal_id "
                  "WHERE d.external_id = 'salesforce:006A' AND e.field = 'owner'");
  g_assert_cmpstr (reps, ==, "0");
  team_close (&t);
}

/* Everything an id-named rep has goes to the real one, in one transaction;
 * the owner changes between the two leave the history. */
static void
test_merge (void)
{
  static const char week1[] = "Id,Name,StageName,Amount,CloseDate,OwnerId\n"
                              "006A,Acme,Discovery,100,2026-12-01," OWNER_ID "\n";
  Team t = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) real = NULL, by_id = NULL;
  g_autoptr (ClAction) action = NULL;
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  g_autoptr (ClPracticeEntry) drill = NULL;
  g_autoptr (ClDeal) deal = NULL;
  g_autofree char *before = NULL, *after = NULL, *left = NULL, *alias = NULL, *events = NULL, *query = NULL;
  g_autofree char *deal_owner = NULL, *handed = NULL;
  ClImportReport report;

  team_open (&t);
  real = some_rep (&t, 0);
  g_assert_true (cl_test_import_csv (t.store, week1, NULL, "2026-11-16", FALSE, NULL, &report, &error));
  cl_import_report_clear (&report);
  by_id = cl_store_find_rep (t.store, OWNER_ID, &error);
  g_assert_no_error (error);

  /* what the id-named rep gathered: an action, a call, a drill, and a deal
   * of the real rep's handed over to them */
  action = cl_action_new ("Send the proposal", by_id->id, day ("2026-11-30"));
  action->created_on = day ("2026-11-16");
  g_assert_true (cl_store_add_action (t.store, action, &error));
  call->rep_id = by_id->id;
  call->held_on = day ("2026-11-17");
  call->talk_ratio = call->patience_s = call->switches_per_minute = -1;
  call->longest_monologue_s = call->questions = -1;
  g_assert_true (cl_store_add_call (t.store, call, &error));
  drill = cl_development_log_practice (t.store, by_id->id, day ("2026-11-18"), "discovery_depth", 4, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  query = g_strdup_printf ("SELECT id FROM deals WHERE owner_id = %" G_GINT64_FORMAT " LIMIT 1", real->id);
  handed = sql (&t, query);
  deal = cl_store_get_deal (t.store, g_ascii_strtoll (handed, NULL, 10), &error);
  g_assert_no_error (error);
  deal->owner_id = by_id->id;
  g_assert_true (cl_store_update_deal (t.store, deal, day ("2026-11-19"), &error));

  g_clear_pointer (&query, g_free);
  query = g_strdup_printf ("SELECT (SELECT count(*) FROM deals WHERE owner_id = %1$" G_GINT64_FORMAT ") || '/' || "
                           "(SELECT count(*) FROM actions WHERE owner_id = %1$" G_GINT64_FORMAT ") || '/' || "
                           "(SELECT count(*) FROM calls WHERE rep_id = %1$" G_GINT64_FORMAT ") || '/' || "
                           "(SELECT count(*) FROM practice_log WHERE rep_id = %1$" G_GINT64_FORMAT ")", real->id);
  before = sql (&t, query);
  g_assert_true (cl_store_merge_reps (t.store, by_id->id, real->id, &error));
  g_assert_no_error (error);
  after = sql (&t, query);
  {
    guint b[4], a[4];

    g_assert_cmpint (sscanf (before, "%u/%u/%u/%u", &b[0], &b[1], &b[2], &b[3]), ==, 4);
    g_assert_cmpint (sscanf (after, "%u/%u/%u/%u", &a[0], &a[1], &a[2], &a[3]), ==, 4);
    /* the handed-over deal and the imported one; one each of the rest */
    g_assert_cmpuint (a[0], ==, b[0] + 2);
    g_assert_cmpuint (a[1], ==, b[1] + 1);
    g_assert_cmpuint (a[2], ==, b[2] + 1);
    g_assert_cmpuint (a[3], ==, b[3] + 1);
  }
  left = sql (&t, "SELECT count(*) FROM reps WHERE name = '" OWNER_ID "'");
  g_assert_cmpstr (left, ==, "0");
  alias = sql (&t, "SELECT rep_id FROM rep_aliases WHERE alias = '" OWNER_ID "'");
  g_assert_cmpint (g_ascii_strtoll (alias, NULL, 10), ==, real->id);
  g_clear_pointer (&query, g_free);
  query = g_strdup_printf ("SELECT count(*) FROM deal_events WHERE deal_id = %" G_GINT64_FORMAT
                           " AND field = 'owner'", deal->id);
  events = sql (&t, query);
  g_assert_cmpstr (events, ==, "0");
  deal_owner = sql (&t, "SELECT owner_id FROM deals WHERE external_id = 'salesforce:006A'");
  g_assert_cmpint (g_ascii_strtoll (deal_owner, NULL, 10), ==, real->id);
  team_close (&t);
}

/* Two reps with a plan for the same month cannot become one: refused,
 * naming the month, nothing changed; nor can a rep merge into themselves. */
static void
test_merge_refused (void)
{
  Team t = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) a = NULL, b = NULL;
  g_autofree char *before = NULL, *after = NULL;

  team_open (&t);
  a = some_rep (&t, 0);
  b = some_rep (&t, 1);
  before = cl_test_sqlite_dump (t.path);
  g_assert_false (cl_store_merge_reps (t.store, a->id, b->id, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "development plan for 2026-"));
  g_clear_error (&error);
  g_assert_false (cl_store_merge_reps (t.store, a->id, a->id, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  after = cl_test_sqlite_dump (t.path);
  if (before != NULL)
    g_assert_true (g_str_equal (before, after));
  team_close (&t);
}

static int
development_expected (Team *t)
{
  ClLoopHealth health[CL_N_LOOPS];
  g_autoptr (GError) error = NULL;
  int expected;

  g_assert_true (cl_loop_health_compute (t->store, day ("2026-10-01"), day ("2026-12-31"), day ("2026-11-23"),
                                         health, &error));
  expected = health[CL_LOOP_REP_DEVELOPMENT].expected;
  cl_loop_health_clear (health);
  return expected;
}

static guint
n_loads (Team *t)
{
  g_autoptr (GListModel) loads = cl_store_list_rep_loads (t->store, day ("2026-11-23"), 0, NULL);

  return g_list_model_get_n_items (loads);
}

static guint
n_in_team_month (Team *t)
{
  g_autoptr (GListModel) month = cl_development_team_month (t->store, "2026-11", NULL);

  return g_list_model_get_n_items (month);
}

/* Who left keeps their history and is no longer counted: not in loop
 * health, the reps' loads, the open actions or the team's month; the
 * manager is not counted among the reps either. */
static void
test_left_and_manager (void)
{
  Team t = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) rep = NULL;
  g_autoptr (ClAction) action = NULL;
  g_autoptr (GListModel) own = NULL;
  ClPipelineTotals before, after;
  int expected, per_rep;
  guint loads, team;
  g_autofree char *deals = NULL, *kept = NULL, *reps = NULL;

  team_open (&t);
  rep = some_rep (&t, 0);
  action = cl_action_new ("Call the champion", rep->id, day ("2026-11-20"));
  action->created_on = day ("2026-11-10");
  g_assert_true (cl_store_add_action (t.store, action, &error));
  expected = development_expected (&t);
  loads = n_loads (&t);
  team = n_in_team_month (&t);
  g_assert_true (cl_store_get_pipeline_totals (t.store, day ("2026-11-23"), &before, &error));
  g_assert_cmpint (expected, >, 0);
  deals = sql (&t, "SELECT count(*) FROM deals");
  reps = sql (&t, "SELECT count(*) FROM counted_reps");
  /* the team card counts the people the loads list */
  g_assert_cmpuint (before.n_people, ==, loads);

  g_assert_true (cl_store_set_rep_left (t.store, rep->id, TRUE, &error));
  g_assert_no_error (error);
  /* the months of one rep fewer */
  per_rep = expected / (int) g_ascii_strtoll (reps, NULL, 10);
  g_assert_cmpint (per_rep, >, 0);
  g_assert_cmpint (development_expected (&t), ==, expected - per_rep);
  g_assert_cmpuint (n_loads (&t), ==, loads - 1);
  g_assert_cmpuint (n_in_team_month (&t), ==, team - 1);
  g_assert_true (cl_store_get_pipeline_totals (t.store, day ("2026-11-23"), &after, &error));
  g_assert_cmpint (after.n_people, ==, before.n_people - 1);
  g_assert_cmpuint (after.n_people, ==, n_loads (&t));
  g_assert_cmpint (after.n_open_actions, <, before.n_open_actions);
  g_assert_cmpint (after.n_overdue_actions, <, before.n_overdue_actions);
  cl_pipeline_totals_clear (&after);
  /* still there, with everything of theirs, and on their own page */
  own = cl_store_list_rep_loads (t.store, day ("2026-11-23"), rep->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (own), ==, 1);
  kept = sql (&t, "SELECT count(*) FROM deals");
  g_assert_cmpstr (kept, ==, deals);

  g_assert_true (cl_store_set_rep_left (t.store, rep->id, FALSE, &error));
  g_assert_cmpint (development_expected (&t), ==, expected);
  g_assert_true (cl_store_set_rep_manager (t.store, rep->id, TRUE, &error));
  g_assert_cmpint (development_expected (&t), ==, expected - per_rep);
  g_assert_false (cl_store_set_rep_left (t.store, 999999, TRUE, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  cl_pipeline_totals_clear (&before);
  team_close (&t);
}

/* A workspace of the last version keeps its reps, none of them gone. */
static void
test_upgrade (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-roster-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v8.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) old = cl_store_open_at_version (path, CL_STORE_SCHEMA_VERSION - 1, &error);
  g_autoptr (ClRep) rep = cl_rep_new ("Survivor");
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (ClRep) kept = NULL;
  g_autoptr (GHashTable) aliases = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_store_add_rep (old, rep, &error));
  g_clear_object (&old);
  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  reps = cl_store_list_reps (store, &error);
  kept = g_list_model_get_item (reps, 0);
  g_assert_cmpstr (kept->name, ==, "Survivor");
  g_assert_false (kept->has_left);
  aliases = cl_store_list_rep_aliases (store, &error);
  g_assert_cmpuint (g_hash_table_size (aliases), ==, 0);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roster/rename", test_rename);
  g_test_add_func ("/roster/merge", test_merge);
  g_test_add_func ("/roster/merge-refused", test_merge_refused);
  g_test_add_func ("/roster/left-and-manager", test_left_and_manager);
  g_test_add_func ("/roster/upgrade", test_upgrade);
  return g_test_run ();
}
