/* test-gui-data-safety.c — the window beside other processes: nothing it
 * records is lost (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-pipeline-page.h"
#include "cl-review-window.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;
/* the deal the window's review disqualified */
static char *decided_deal;

static gboolean
review_closed (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) == NULL;
}

/* The command line reads the workspace while the window is open (its
 * worker threads have had connections of their own), then the window
 * records a review decision and quits. */
static void
on_cli_beside_window (GApplication *app)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *pipeline = cl_window_get_view (window, "pipeline");
  g_autofree char *health = g_build_filename (tmp_dir, "health.json", NULL);
  g_autofree char *line = NULL;
  g_autoptr (GError) error = NULL;
  ClReviewWindow *review;
  int status = 0;

  cl_test_wait_until (cl_test_shows_views, window, "the team workspace");
  line = g_strdup_printf ("'%s' --workspace '%s' health --output '%s'", g_getenv ("CLOSELOOP_EXE"),
                          cl_store_get_path (cl_window_get_store (window)), health);
  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, pipeline, "the pipeline");

  g_assert_true (g_spawn_command_line_sync (line, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  review = cl_test_start_review (window);
  decided_deal = g_strdup (cl_review_window_get_deal_name (review));
  cl_test_review_press (review, 'd');
  gtk_window_close (GTK_WINDOW (review));
  cl_test_wait_until (review_closed, NULL, "the review to close");
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_cli_beside_window (void)
{
  g_autofree char *team = g_build_filename (tmp_dir, "team.db", NULL);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autofree char *sql = NULL, *decision = NULL;
  ClDemoOptions options;

  if (g_getenv ("CLOSELOOP_EXE") == NULL)
    {
      g_test_skip ("CLOSELOOP_EXE is not set");
      return;
    }
  cl_demo_options_init (&options);
  options.n_deals = 120;
  cl_test_write_team (team, &options);
  cl_test_run_window (team, G_CALLBACK (on_cli_beside_window), NULL);
  sql = g_strdup_printf ("SELECT d.decision FROM review_decisions d JOIN reviews r ON r.id = d.review_id "
                         "JOIN deals ON deals.id = d.deal_id WHERE r.week = '%s' AND deals.name = '%s'", week,
                         decided_deal);
  decision = cl_test_sql_text (team, sql);
  g_assert_cmpstr (decision, ==, "disqualify\n");
  g_clear_pointer (&decided_deal, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-safety-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_add_func ("/gui/data-safety/cli-beside-window", test_cli_beside_window);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
