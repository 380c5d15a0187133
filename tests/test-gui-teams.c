/* test-gui-teams.c — the Team Library's Teams: two teams' loop health
 * side by side, their states in words, the hollow cadence marked, a
 * malformed summary left out; the empty state before any arrived (run
 * under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-application.h"
#include "cl-summary.h"
#include "cl-team-health.h"
#include "cl-teams-page.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;
static ClWindow *main_window;

static char *
make_team (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 20;
  cl_test_write_team (path, &options);
  return path;
}

static void
keep (const char *workspace,
      const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (workspace, &error);
  g_autoptr (ClSummaryInfo) info = NULL;
  ClSummaryOutcome outcome;

  g_assert_no_error (error);
  info = cl_summary_read (text, strlen (text), "health.json", &error);
  g_assert_no_error (error);
  g_assert_true (cl_summary_keep (store, info, text, "health.json", TRUE, &outcome, &error));
  g_assert_no_error (error);
}

static gboolean
teams_loaded (gpointer page)
{
  return cl_teams_page_is_loaded (page);
}

static ClTeamsPage *
show_teams (GApplication *app)
{
  ClTeamsPage *page;

  g_assert_null (main_window);
  main_window = g_object_ref (CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  cl_test_wait_until (cl_test_shows_views, main_window, "the views");
  cl_window_show_view (main_window, "teams");
  page = CL_TEAMS_PAGE (cl_window_get_view (main_window, "teams"));
  cl_test_wait_until (teams_loaded, page, "the teams");
  return page;
}

/* Runs the window on @workspace; nothing keeps it once closed. */
static void
run_window (const char *workspace,
            GCallback   on_activate)
{
  cl_test_run_window (workspace, on_activate, NULL);
  g_assert_nonnull (main_window);
  cl_test_finalize_window (g_steal_pointer (&main_window));
}

static void
on_two_teams (GApplication *app)
{
  ClTeamsPage *page = show_teams (app);
  GListModel *teams = cl_teams_page_get_teams (page);
  g_autofree char *ana = NULL, *ben = NULL;

  g_assert_nonnull (teams);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
  g_assert_cmpstr (cl_teams_page_get_summary (page), ==, "2 teams, 1 with a hollow cadence");
  /* a card per team, its loops' states in words, the period shown */
  ana = cl_teams_page_describe_card (page, 0);
  ben = cl_teams_page_describe_card (page, 1);
  g_test_message ("%s\n%s", ana, ben);
  g_assert_true (g_str_has_prefix (ana, "Ana Okafor\n"));
  g_assert_nonnull (strstr (ana, "2026-Q4"));
  g_assert_nonnull (strstr (ana, "Pipeline review\nRunning\n"));
  g_assert_nonnull (strstr (ana, "Deal coaching\nRunning\n"));
  g_assert_null (strstr (ana, "Hollow cadence"));
  g_assert_true (g_str_has_prefix (ben, "Ben <b>Li</b>\n"));
  g_assert_nonnull (strstr (ben, "Hollow cadence"));
  g_assert_nonnull (strstr (ben, "Pipeline review\nRunning\n"));
  g_assert_nonnull (strstr (ben, "Deal coaching\nLapsed\n"));
  g_assert_nonnull (strstr (ben, "Rep development\nLapsed\n"));
  g_assert_nonnull (strstr (ben, "Strategy retrospective\nSlipping\n"));
  gtk_window_close (GTK_WINDOW (main_window));
}

static void
test_two_teams (void)
{
  const char *running[4] = { "running", "running", "running", "running" };
  const char *hollow[4] = { "running", "lapsed", "lapsed", "slipping" };
  g_autofree char *workspace = make_team ("second-line.db");
  g_autofree char *ana = cl_test_loop_health_json ("Ana Okafor", "2026-Q4", "2026-10-01", "2026-12-31",
                                                   "2026-11-23T09:00:00Z", running, FALSE);
  /* a name that looks like markup stays text */
  g_autofree char *ben = cl_test_loop_health_json ("Ben <b>Li</b>", "2026-Q4", "2026-10-01", "2026-12-31",
                                                   "2026-11-24T09:00:00Z", hollow, TRUE);

  keep (workspace, ana);
  keep (workspace, ben);
  keep (workspace, "{\"format\": \"closeloop.loop-health\", \"version\": 2, \"app_version\": \"1\","
                   " \"exported_at\": \"2026-11-25T09:00:00Z\", \"exported_by\": \"Cleo\","
                   " \"period\": \"2026-Q4\", \"loops\": 4}");
  run_window (workspace, G_CALLBACK (on_two_teams));
}

static void
on_no_teams (GApplication *app)
{
  ClTeamsPage *page = show_teams (app);

  g_assert_cmpuint (g_list_model_get_n_items (cl_teams_page_get_teams (page)), ==, 0);
  gtk_window_close (GTK_WINDOW (main_window));
}

static void
test_no_teams (void)
{
  g_autofree char *workspace = make_team ("first-line.db");

  run_window (workspace, G_CALLBACK (on_no_teams));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-teams-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
  g_test_add_func ("/gui/teams/two-teams", test_two_teams);
  g_test_add_func ("/gui/teams/empty", test_no_teams);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
