/* test-team-health.c — teams side by side from the team library's loop
 * health summaries: the latest per team, the hollow cadence, a malformed
 * summary skipped
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-store.h"
#include "cl-summary.h"
#include "cl-team-health.h"
#include "test-util.h"

static char *tmp_dir;

static void
keep (ClStore    *store,
      const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClSummaryInfo) info = cl_summary_read (text, strlen (text), "health.json", &error);
  ClSummaryOutcome outcome;

  g_assert_no_error (error);
  g_assert_true (cl_summary_keep (store, info, text, "health.json", TRUE, &outcome, &error));
  g_assert_no_error (error);
}

static void
test_two_teams (void)
{
  const char *running[4] = { "running", "running", "running", "running" };
  const char *hollow[4] = { "running", "lapsed", "lapsed", "slipping" };
  const char *old[4] = { "lapsed", "lapsed", "lapsed", "lapsed" };
  g_autofree char *path = g_build_filename (tmp_dir, "two-teams.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autoptr (GListModel) teams = NULL;
  g_autoptr (ClTeamHealth) ana = NULL, ben = NULL;
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *b1 = NULL, *bad = NULL;
  guint skipped = 99;

  g_assert_no_error (error);
  /* Ana's team: an older quarter, the month that ends with Q4 and Q4 itself */
  a1 = cl_test_loop_health_json ("Ana Okafor", "2026-Q3", "2026-07-01", "2026-09-30", "2026-10-02T09:00:00Z",
                                 old, FALSE);
  a2 = cl_test_loop_health_json ("Ana Okafor", "2026-12", "2026-12-01", "2026-12-31", "2026-12-31T09:00:00Z",
                                 old, FALSE);
  a3 = cl_test_loop_health_json ("Ana Okafor", "2026-Q4", "2026-10-01", "2026-12-31", "2026-11-23T09:00:00Z",
                                 running, FALSE);
  b1 = cl_test_loop_health_json ("Ben Li", "2026-Q4", "2026-10-01", "2026-12-31", "2026-11-24T09:00:00Z",
                                 hollow, TRUE);
  keep (store, a1);
  keep (store, a2);
  keep (store, a3);
  keep (store, b1);
  /* a header the library accepts, loops it cannot read: skipped */
  bad = g_strdup ("{\"format\": \"closeloop.loop-health\", \"version\": 2, \"app_version\": \"1.0\","
                  " \"exported_at\": \"2026-11-25T09:00:00Z\", \"exported_by\": \"Cleo Park\","
                  " \"period\": \"2026-Q4\", \"loops\": [{\"loop\": \"pipeline_review\", \"state\": \"superb\"}],"
                  " \"hollow_cadence\": \"no\"}");
  keep (store, bad);

  teams = cl_team_health_list (store, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
  g_assert_cmpuint (cl_team_health_count_hollow (teams), ==, 1);

  ana = g_list_model_get_item (teams, 0);
  g_assert_cmpstr (ana->team, ==, "Ana Okafor");
  g_assert_cmpstr (ana->period, ==, "2026-Q4");
  g_assert_false (ana->hollow);
  for (guint i = 0; i < CL_N_LOOPS; i++)
    g_assert_cmpint (ana->loops[i].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpstr (ana->loops[CL_LOOP_DEAL_COACHING].summary, ==, "deal_coaching of Ana Okafor");

  ben = g_list_model_get_item (teams, 1);
  g_assert_cmpstr (ben->team, ==, "Ben Li");
  g_assert_true (ben->hollow);
  g_assert_cmpint (ben->loops[CL_LOOP_PIPELINE_REVIEW].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpint (ben->loops[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_LAPSED);
  g_assert_cmpint (ben->loops[CL_LOOP_REP_DEVELOPMENT].state, ==, CL_HEALTH_LAPSED);
  g_assert_cmpint (ben->loops[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_SLIPPING);
  g_assert_cmpstr (ben->loops[CL_LOOP_STRATEGY].explanation, ==, "because");
}

/* Documents that are not loop health as it must be: refused, never a crash */
static void
test_malformed (void)
{
  const char *states[4] = { "running", "no_data", "running", "running" };
  const char *twice[4] = { "running", "running", "running", "running" };
#define ANA(to, states) \
  cl_test_loop_health_json ("Ana", "2026-Q4", "2026-10-01", to, "2026-11-23T09:00:00Z", states, FALSE)
  g_autofree char *good = ANA ("2026-12-31", states);
  g_autofree char *wrong_day = ANA ("2026-13-45", states);
  g_autofree char *twice_text = ANA ("2026-12-31", twice);
#undef ANA
  g_autoptr (GString) repeated = NULL;
  const char *bad[] = {
    "", "[]", "null", "{\"format\": 3}", "{\"format\": \"closeloop.pipeline-review\"}",
    "{\"format\": \"closeloop.loop-health\", \"exported_by\": \"A\", \"exported_at\": \"x\", \"period\": \"2026-Q4\","
    " \"from\": \"2026-10-01\", \"to\": \"2026-12-31\", \"as_of\": \"2026-12-31\", \"hollow_cadence\": false,"
    " \"loops\": [1, 2, 3, 4]}",
    wrong_day,
  };
  g_autoptr (ClTeamHealth) team = NULL;

  team = cl_team_health_read (good, NULL);
  g_assert_nonnull (team);
  g_assert_cmpint (team->loops[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_NO_DATA);
  g_assert_null (team->loops[CL_LOOP_DEAL_COACHING].explanation);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_null (cl_team_health_read (bad[i], &error));
      g_assert_nonnull (error);
    }
  g_assert_null (cl_team_health_read (NULL, NULL));
  /* nested past any summary: refused before it is parsed */
  {
    g_autofree char *deep = g_strnfill (100000, '[');

    g_assert_null (cl_team_health_read (deep, NULL));
  }
  /* the same loop twice */
  repeated = g_string_new (twice_text);
  g_assert_cmpuint (g_string_replace (repeated, "\"loop\": \"deal_coaching\"", "\"loop\": \"strategy\"", 1), ==, 1);
  g_assert_null (cl_team_health_read (repeated->str, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-team-health-XXXXXX", NULL);
  g_test_add_func ("/team-health/two-teams", test_two_teams);
  g_test_add_func ("/team-health/malformed", test_malformed);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
