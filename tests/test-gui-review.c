/* test-gui-review.c — the weekly review window run as a user runs it: the
 * decision pressed among the choices, a counter that counts Keep, the next
 * action's form in view with its Save, the saved action shown again, the
 * finish summary, Ctrl+R while the pipeline is inspected, the review
 * beside another program writing the workspace, and a teammate's review
 * opening on its summary (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-export.h"
#include "cl-pipeline-page.h"
#include "cl-review-export.h"
#include "cl-review-window.h"
#include "cl-summary.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;

typedef void (*ReviewCheck) (ClWindow *window);

static char *
make_team (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 120;
  /* written up to this Monday: the week's review is the test's to hold */
  options.today = cl_date_today () - (cl_date_weekday (cl_date_today ()) - 1);
  cl_test_write_team (path, &options);
  return path;
}

static void
on_activate (GApplication *app,
             ReviewCheck   check)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  cl_test_wait_until (cl_test_shows_views, window, "the views");
  check (window);
  gtk_window_close (GTK_WINDOW (window));
}

/* Runs @check on a window over a new sample team. */
static void
run (const char  *name,
     ReviewCheck  check)
{
  g_autofree char *path = make_team (name);

  cl_test_run_window (path, G_CALLBACK (on_activate), check);
}

static gboolean
review_shown (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) != NULL;
}

/* Ctrl+R once the pipeline is in: the review, with a reference of the
 * test's own to see it finalized. */
static ClReviewWindow *
start_review (ClWindow *window)
{
  return g_object_ref (cl_test_start_review (window));
}

static void
end_review (ClReviewWindow *review)
{
  gtk_window_destroy (GTK_WINDOW (review));
  g_assert_finalize_object (review);
}

static void
activate (ClReviewWindow *review,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), action, NULL));
}

/* A click, at once (a button's activation waits for its animation) */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* The next action's fields, in order: what exactly, then the due day. */
static void
find_entry_rows (GtkWidget *widget,
                 GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_entry_rows (child, rows);
}

static void
fill_action (ClReviewWindow *review,
             const char     *what,
             const char     *due)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  find_entry_rows (GTK_WIDGET (review), rows);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (g_ptr_array_index (rows, 0), what);
  gtk_editable_set_text (g_ptr_array_index (rows, 1), due);
}

static gboolean
field_marked (ClReviewWindow *review,
              guint           field)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  find_entry_rows (GTK_WIDGET (review), rows);
  return gtk_widget_has_css_class (g_ptr_array_index (rows, field), "error");
}

static gboolean
form_visible (gpointer review)
{
  return cl_review_window_form_is_visible (review);
}

static void
assert_pressed (ClReviewWindow *review,
                int             decided)
{
  for (int kind = CL_DECISION_KEEP; kind <= CL_DECISION_NEXT_ACTION; kind++)
    {
      GtkToggleButton *choice = cl_review_window_get_choice (review, kind);

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (choice)));
      g_assert_cmpint (gtk_toggle_button_get_active (choice), ==, kind == decided);
    }
}

/* ------------------------------------------------------------------ the decision pressed */

static void
check_decision_toggle (ClWindow *window)
{
  ClReviewWindow *review = start_review (window);

  /* nothing decided: nothing pressed */
  assert_pressed (review, -1);
  cl_test_review_press (review, 'k');
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 1);
  assert_pressed (review, -1);
  cl_review_window_press (review, 'p');
  assert_pressed (review, CL_DECISION_KEEP);
  g_assert_cmpstr (cl_review_window_get_decision_text (review), ==, cl_decision_label (CL_DECISION_KEEP));

  /* changed by the key, then by clicking a choice: one pressed, the latest */
  cl_test_review_press (review, 'd');
  cl_review_window_press (review, 'p');
  assert_pressed (review, CL_DECISION_DISQUALIFY);
  click (GTK_WIDGET (cl_review_window_get_choice (review, CL_DECISION_MANAGER_TIME)));
  cl_test_review_saved (review);
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 1);
  cl_review_window_press (review, 'p');
  assert_pressed (review, CL_DECISION_MANAGER_TIME);

  /* a click on the pressed choice leaves it decided, and pressed */
  click (GTK_WIDGET (cl_review_window_get_choice (review, CL_DECISION_MANAGER_TIME)));
  cl_test_review_saved (review);
  cl_review_window_press (review, 'p');
  assert_pressed (review, CL_DECISION_MANAGER_TIME);

  /* Next action clicked asks first: not pressed until saved */
  click (GTK_WIDGET (cl_review_window_get_choice (review, CL_DECISION_NEXT_ACTION)));
  assert_pressed (review, CL_DECISION_MANAGER_TIME);
  end_review (review);
}

static void
test_decision_toggle (void)
{
  run ("toggle.db", check_decision_toggle);
}

/* ------------------------------------------------------------------ the counter */

static void
check_counter (ClWindow *window)
{
  ClReviewWindow *review = start_review (window);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GList) members = NULL;
  JsonObject *decisions;
  gint64 exported = 0;

  g_assert_nonnull (strstr (cl_review_window_get_counter_text (review), "· 0 decisions"));
  cl_test_review_press (review, 'k');
  g_assert_nonnull (strstr (cl_review_window_get_counter_text (review), "· 1 decision"));
  cl_test_review_press (review, 'k');
  cl_test_review_press (review, 'd');
  g_assert_cmpuint (cl_review_window_get_n_decided (review), ==, 3);
  g_assert_nonnull (strstr (cl_review_window_get_counter_text (review), "· 3 decisions"));

  /* the export counts the same */
  root = cl_review_export_build (cl_window_get_store (window), week, NULL);
  g_assert_nonnull (root);
  decisions = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root),
                                                                            "totals"), "decisions");
  g_assert_cmpint (json_object_get_int_member (decisions, "keep"), ==, 2);
  members = json_object_get_members (decisions);
  for (GList *m = members; m != NULL; m = m->next)
    exported += json_object_get_int_member (decisions, m->data);
  g_assert_cmpint (exported, ==, cl_review_window_get_n_decided (review));
  end_review (review);
}

static void
test_counter (void)
{
  run ("counter.db", check_counter);
}

/* ------------------------------------------------------------------ the next action's form */

static void
check_form (ClWindow *window)
{
  ClReviewWindow *review = start_review (window);
  GtkWidget *save = cl_review_window_get_save_button (review);

  /* narrow and short: the form is below the fold until it scrolls */
  gtk_window_set_default_size (GTK_WINDOW (review), 360, 480);
  cl_review_window_press (review, 'a');
  cl_test_wait_until (form_visible, review, "the form in view");
  g_assert_true (gtk_widget_get_mapped (save));

  /* an empty step: said on its field, the form and its Save still in view */
  fill_action (review, "  ", "2030-01-15");
  click (save);
  g_assert_true (field_marked (review, 0));
  g_assert_false (field_marked (review, 1));
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 0);
  cl_test_wait_until (form_visible, review, "Save in view beside the error");

  /* a day that is not one: said on the due field */
  fill_action (review, "Send the ROI deck to the CFO", "next tuesday");
  g_assert_false (field_marked (review, 0));
  click (save);
  g_assert_true (field_marked (review, 1));
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 0);
  cl_test_wait_until (form_visible, review, "Save in view beside the error");

  fill_action (review, "Send the ROI deck to the CFO", "2030-01-15");
  click (save);
  cl_test_review_saved (review);
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 1);
  g_assert_cmpuint (cl_review_window_get_n_decided (review), ==, 1);
  g_assert_false (cl_review_window_form_is_visible (review));

  /* Escape in the form puts it away, and does not finish; Finish does */
  cl_review_window_press (review, 'a');
  activate (review, "review.escape");
  g_assert_false (cl_review_window_is_finishing (review));
  g_assert_false (cl_review_window_form_is_visible (review));
  cl_review_window_press (review, 'a');
  activate (review, "review.finish");
  g_assert_true (cl_review_window_is_finishing (review));
  end_review (review);
}

static void
test_form (void)
{
  run ("form.db", check_form);
}

/* ------------------------------------------------------------------ the saved action */

static void
check_saved_action (ClWindow *window)
{
  ClReviewWindow *review = start_review (window);
  g_autofree char *deal = g_strdup (cl_review_window_get_deal_name (review));
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  cl_review_window_press (review, 'a');
  fill_action (review, "Book the security review", "2030-02-01");
  activate (review, "review.save-action");
  cl_test_review_saved (review);
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 1);

  /* back on the deal: the action, its owner and day, and the choice pressed */
  cl_review_window_press (review, 'p');
  g_assert_nonnull (strstr (cl_review_window_get_decision_text (review), "Book the security review"));
  g_assert_nonnull (strstr (cl_review_window_get_decision_text (review), "2030-02-01"));
  assert_pressed (review, CL_DECISION_NEXT_ACTION);
  /* A again: the action to change, not a blank form */
  cl_review_window_press (review, 'a');
  find_entry_rows (GTK_WIDGET (review), rows);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 0)), ==, "Book the security review");
  end_review (review);

  /* the review reopened the same week shows it too */
  review = start_review (window);
  g_assert_cmpstr (cl_review_window_get_deal_name (review), ==, deal);
  g_assert_nonnull (strstr (cl_review_window_get_decision_text (review), "Book the security review"));
  assert_pressed (review, CL_DECISION_NEXT_ACTION);
  end_review (review);
}

static void
test_saved_action (void)
{
  run ("saved.db", check_saved_action);
}

/* ------------------------------------------------------------------ the finish */

static gboolean
review_gone (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) == NULL;
}

static void
check_finish (ClWindow *window)
{
  ClReviewWindow *review = start_review (window);
  g_autofree char *empty = NULL, *produced = NULL;

  /* nothing decided: the summary says it was a meeting, not a loop */
  activate (review, "review.finish");
  g_assert_true (cl_review_window_is_finishing (review));
  g_assert_true (cl_review_window_shows_summary (review));
  empty = cl_review_window_get_summary_text (review);
  g_assert_nonnull (strstr (empty, "meeting, not a loop"));
  g_assert_nonnull (strstr (empty, "Keep: 0\n"));
  /* no decision from the summary */
  cl_test_review_press (review, 'k');
  g_assert_cmpuint (cl_review_window_get_n_decided (review), ==, 0);

  /* back to the deals, decide, finish again */
  cl_review_window_press (review, 'p');
  g_assert_false (cl_review_window_is_finishing (review));
  g_assert_false (cl_review_window_shows_summary (review));
  cl_test_review_press (review, 'k');
  cl_test_review_press (review, 'm');
  cl_review_window_press (review, 'a');
  fill_action (review, "Call the champion before Friday", "2030-03-02");
  activate (review, "review.save-action");
  cl_test_review_saved (review);
  activate (review, "review.finish");
  produced = cl_review_window_get_summary_text (review);
  g_assert_nonnull (strstr (produced, "Keep: 1\n"));
  g_assert_nonnull (strstr (produced, "Manager time this week: 1\n"));
  g_assert_nonnull (strstr (produced, "Next action: 1\n"));
  g_assert_nonnull (strstr (produced, "Next actions created: 1\n"));
  g_assert_null (strstr (produced, "meeting, not a loop"));

  /* Escape from the summary closes, asking nothing */
  g_object_ref (review);
  activate (review, "review.escape");
  cl_test_wait_until (review_gone, NULL, "the review to close");
  g_assert_null (cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_object_unref (review);
  g_assert_finalize_object (review);
}

static void
test_finish (void)
{
  run ("finish.db", check_finish);
}

/* ------------------------------------------------------------------ beside a writer */

static gboolean
says_busy (gpointer title)
{
  return strstr (adw_window_title_get_subtitle (title), "busy") != NULL;
}

static gboolean
says_opening (gpointer window)
{
  AdwToast *toast = cl_window_get_last_toast (window);

  return toast != NULL && g_str_equal (adw_toast_get_title (toast), "Opening the review…");
}

static void
check_beside_writer (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  g_autofree char *path = g_strdup (cl_store_get_path (cl_window_get_store (window)));
  g_autofree char *decisions = NULL;
  ClReviewWindow *review;
  AdwWindowTitle *title;
  gpointer writer;

  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline");

  /* Ctrl+R while the workspace is held: the week's review opens once it
   * is let go (before, the window froze the 5 s SQLite waits, then said
   * "database is locked" and opened nothing) */
  writer = cl_test_hold_write_lock (path);
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-review", NULL);
  g_assert_null (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW));
  /* a wait says so (before, nothing did while the worker waited) */
  cl_test_wait_until (says_opening, window, "the review to say it is opening");
  cl_test_release_write_lock_later (writer);
  cl_test_wait_until (review_shown, NULL, "the review, once the workspace is let go");
  review = g_object_ref (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW));

  /* a decision while it is held again: on its way, the walk where it was,
   * and a second key decides nothing until it is written */
  writer = cl_test_hold_write_lock (path);
  cl_review_window_press (review, 'k');
  g_assert_true (cl_review_window_is_saving (review));
  g_assert_cmpuint (cl_review_window_get_n_decided (review), ==, 0);
  cl_review_window_press (review, 'd');
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 0);
  /* and says why at once (before, only after 0.3 s: a quick second key
   * was dropped with nothing said), then that the workspace is busy */
  title = ADW_WINDOW_TITLE (cl_test_find_descendant (GTK_WIDGET (review), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Saving the decision…");
  cl_test_wait_until (says_busy, title, "the review to say the workspace is busy");
  /* and above the deal, which a window 360 px wide has room for */
  g_assert_nonnull (cl_test_find_shown_label (cl_test_find_descendant (GTK_WIDGET (review), GTK_TYPE_SCROLLED_WINDOW),
                                              "busy"));
  cl_test_release_write_lock_later (writer);
  cl_test_review_saved (review);
  g_assert_cmpuint (cl_review_window_get_n_decided (review), ==, 1);
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 1);
  decisions = cl_test_sql_text (path, "SELECT group_concat(decision) FROM review_decisions "
                                      "WHERE review_id = (SELECT max(id) FROM reviews)");
  g_assert_cmpstr (decisions, ==, "keep\n");

  /* a next action on its way, and the user typing another meanwhile:
   * once the first is written, what they typed stays */
  writer = cl_test_hold_write_lock (path);
  cl_review_window_press (review, 'a');
  g_assert_true (cl_review_window_add_action (review, "Call the CFO", cl_date_today () + 7));
  fill_action (review, "Second thought", "2030-01-15");
  cl_test_release_write_lock_later (writer);
  cl_test_review_saved (review);
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();

    find_entry_rows (GTK_WIDGET (review), rows);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 0)), ==, "Second thought");
  }

  /* closed while a decision waits: the review ends once it is written */
  writer = cl_test_hold_write_lock (path);
  cl_review_window_press (review, 'm');
  gtk_window_close (GTK_WINDOW (review));
  g_assert_true (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) == review);
  cl_test_release_write_lock_later (writer);
  cl_test_wait_until (review_gone, NULL, "the review to close once its decision is written");
  g_clear_pointer (&decisions, g_free);
  decisions = cl_test_sql_text (path, "SELECT group_concat(decision) FROM review_decisions "
                                      "WHERE review_id = (SELECT max(id) FROM reviews)");
  g_assert_cmpstr (decisions, ==, "keep,next_action,manager_time\n");
  g_assert_finalize_object (review);
}

static void
test_beside_writer (void)
{
  run ("writer.db", check_beside_writer);
}

/* ------------------------------------------------------------------ Ctrl+R while inspecting */

static void
check_ctrl_r_waits (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  ClReviewWindow *review;
  AdwToast *toast;

  /* the window opens on the Overview: the pipeline is not inspected yet */
  g_assert_null (cl_pipeline_page_get_snapshot (page));
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-review", NULL);
  g_assert_null (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW));
  toast = cl_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_null (strstr (adw_toast_get_title (toast), "try again"));
  /* pressed again while waiting: still one review */
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-review", NULL);

  cl_test_wait_until (review_shown, NULL, "the review to open");
  review = g_object_ref (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW));
  g_assert_nonnull (cl_pipeline_page_get_snapshot (page));
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 0);
  g_assert_cmpuint (cl_review_window_get_n_deals (review), >, 0);
  end_review (review);
  /* and no second one behind it */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW));
}

static void
test_ctrl_r_waits (void)
{
  run ("waits.db", check_ctrl_r_waits);
}

/* ------------------------------------------------------------------ a teammate's review */

/* A teammate's workspace, its review of this week: two deals kept, one
 * with a next action; exported, and kept in @window's team library. */
static void
keep_teammates_review (ClWindow *window)
{
  g_autofree char *theirs = make_team ("teammate.db");
  g_autofree char *file = g_build_filename (tmp_dir, "review-teammate.json", NULL);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autoptr (ClStore) store = cl_store_open (theirs, NULL);
  g_autoptr (GListModel) snapshot = cl_pipeline_snapshot (theirs, cl_date_today (), 0, NULL, NULL);
  g_autoptr (GPtrArray) agenda = cl_pipeline_agenda (snapshot);
  g_autoptr (ClReview) review = cl_store_open_review (store, week, cl_date_today (), "", NULL);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  ClSummaryOutcome kept;

  g_assert_nonnull (review);
  for (guint i = 0; i < 3; i++)
    {
      ClPipelineItem *item = g_ptr_array_index (agenda, i);
      g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
      g_autoptr (ClAction) action = NULL;

      decision->review_id = review->id;
      decision->deal_id = item->facts->deal->id;
      decision->decision = i < 2 ? CL_DECISION_KEEP : CL_DECISION_NEXT_ACTION;
      if (i == 2)
        {
          action = cl_action_new ("Map the buying committee", item->facts->deal->owner_id, cl_date_today () + 7);
          action->deal_id = item->facts->deal->id;
          cl_record_set_text (&action->source, "review");
        }
      g_assert_true (cl_store_record_decision (store, decision, action, &error));
    }
  g_setenv ("CLOSELOOP_AUTHOR", "Teammate R", TRUE);
  root = cl_review_export_build (store, week, &error);
  g_assert_no_error (error);
  text = cl_export_to_text (root);
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  info = cl_summary_import (cl_window_get_store (window), file, FALSE, &kept, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (kept, ==, CL_SUMMARY_ADDED);
}

static void
check_teammate_summary (ClWindow *window)
{
  g_autoptr (GListModel) library = NULL;
  g_autoptr (ClLibraryEntry) entry = NULL;
  ClReviewWindow *review;
  g_autofree char *summary = NULL;

  keep_teammates_review (window);
  library = cl_summary_list_library (cl_window_get_store (window), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (library), ==, 1);
  entry = g_list_model_get_item (library, 0);
  review = CL_REVIEW_WINDOW (cl_test_open_library_entry (window, entry));
  g_assert_nonnull (review);
  g_object_ref (review);

  /* it opens on the summary, above deal 1 */
  g_assert_true (cl_review_window_is_shared (review));
  g_assert_true (cl_review_window_shows_summary (review));
  g_assert_false (cl_review_window_is_finishing (review));
  g_assert_cmpuint (cl_review_window_get_position (review), ==, 0);
  g_assert_cmpuint (cl_review_window_get_n_deals (review), ==, 3);
  summary = cl_review_window_get_summary_text (review);
  g_assert_nonnull (strstr (summary, "Keep: 2\n"));
  g_assert_nonnull (strstr (summary, "Next action: 1\n"));
  g_assert_nonnull (strstr (summary, "Next actions created: 1\n"));
  g_assert_null (strstr (summary, "meeting, not a loop"));

  /* the deals after it; back at deal 1, the summary again */
  cl_review_window_press (review, 'n');
  g_assert_false (cl_review_window_shows_summary (review));
  cl_review_window_press (review, 'n');
  g_assert_nonnull (strstr (cl_review_window_get_decision_text (review), "Map the buying committee"));
  cl_review_window_press (review, 'p');
  cl_review_window_press (review, 'p');
  g_assert_true (cl_review_window_shows_summary (review));
  end_review (review);
}

static void
test_teammate_summary (void)
{
  run ("library.db", check_teammate_summary);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-review-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
  g_test_add_func ("/gui/review/decision-toggle", test_decision_toggle);
  g_test_add_func ("/gui/review/counter-counts-keep", test_counter);
  g_test_add_func ("/gui/review/form-scrolls-and-saves", test_form);
  g_test_add_func ("/gui/review/saved-action-shown", test_saved_action);
  g_test_add_func ("/gui/review/finish-summary", test_finish);
  g_test_add_func ("/gui/review/ctrl-r-while-loading", test_ctrl_r_waits);
  g_test_add_func ("/gui/review/beside-a-writer", test_beside_writer);
  g_test_add_func ("/gui/review/teammate-summary-first", test_teammate_summary);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
