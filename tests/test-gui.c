/* test-gui.c — the window on a real workspace: every view, the empty and
 * error states, the sample team, the narrow layout (run under Xvfb); one
 * test per feature, each on a sample team and in a window of its own,
 * each run by meson as gui-FEATURE
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-application.h"
#include "cl-coaching.h"
#include "cl-deal-coaching-window.h"
#include "cl-demo.h"
#include "cl-list-page.h"
#include "cl-loading-spinner.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-moves.h"
#include "cl-overview-page.h"
#include "cl-rep-window.h"
#include "cl-import-window.h"
#include "cl-retro.h"
#include "cl-retro-page.h"
#include "cl-review-window.h"
#include "cl-team-page.h"
#include "cl-preferences-window.h"
#include "cl-team-folder.h"
#include "cl-summary-window.h"
#include "cl-store-private.h"
#include "cl-summary.h"
#include "cl-review-export.h"
#include "cl-export.h"
#include "cl-health-export.h"
#include "cl-action-load.h"
#include "cl-flag-outcomes.h"
#include "cl-flags.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;

static gboolean
message_dialog_shown (gpointer data)
{
  return cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
page_loaded (gpointer data)
{
  return cl_list_page_is_loaded (data) && cl_list_page_get_n_items (data) > 0;
}

/* Loaded, even when there is nothing to list. */
static gboolean
page_read (gpointer data)
{
  return cl_list_page_is_loaded (data);
}

static gboolean
about_open (gpointer data)
{
  GtkWindow *about = cl_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);

  if (about != NULL)
    gtk_window_destroy (about);
  return about != NULL;
}

static char *
make_team (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 200;
  /* written up to this Monday: the week's review is the test's to hold */
  options.today = cl_date_today () - (cl_date_weekday (cl_date_today ()) - 1);
  cl_test_write_team (path, &options);
  return path;
}

/* The pipeline shows every open deal, and its flag filter agrees with the
 * core's rules deal for deal. */
static void
check_pipeline (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  ClStore *store = cl_window_get_store (window);
  g_autoptr (GListModel) snapshot = cl_pipeline_snapshot (cl_store_get_path (store),
                                                          cl_date_today (), 0, NULL, NULL);
  guint n_stalled = 0;

  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline");
  g_assert_cmpuint (cl_pipeline_page_get_n_deals (page), ==, g_list_model_get_n_items (snapshot));
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, g_list_model_get_n_items (snapshot));
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      n_stalled += !!(item->flags & (1u << CL_FLAG_STALLED));
    }
  g_assert_cmpuint (n_stalled, >, 0);
  {
    /* the owners offered are the reps: the sample's manager owns no deal */
    g_autofree char *reps = cl_test_sql_text (cl_store_get_path (store),
                                              "SELECT count(*) FROM reps WHERE NOT is_manager");
    GListModel *owners = gtk_drop_down_get_model (cl_pipeline_page_get_owner_filter (page));

    g_assert_cmpuint (g_list_model_get_n_items (owners), ==, 1 + g_ascii_strtoull (reps, NULL, 10));
  }

  cl_pipeline_page_set_filter (page, 0, 0, 1 + CL_FLAG_STALLED, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the flag filter");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, n_stalled);
  cl_pipeline_page_set_filter (page, 0, 0, 0, "no deal is called this");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the text filter");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, 0);
  cl_pipeline_page_set_filter (page, 0, 0, 0, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "clearing the filters");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, g_list_model_get_n_items (snapshot));
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);

  /* by risk, the review's order; the flags the most severe first */
  {
    g_autoptr (GPtrArray) agenda = cl_pipeline_agenda (snapshot);
    ClPipelineItem *riskiest = g_ptr_array_index (agenda, 0);
    g_autofree char *deal = NULL, *risk = NULL, *flags = NULL;
    g_autofree char *expected = cl_flags_join_labels (riskiest->flags, ", ");

    cl_pipeline_page_sort_by (page, 9, GTK_SORT_DESCENDING);
    cl_test_wait_until (cl_test_pipeline_loaded, page, "sorting by risk");
    deal = cl_pipeline_page_get_cell_text (page, 0, 0);
    risk = cl_pipeline_page_get_cell_text (page, 0, 9);
    flags = cl_pipeline_page_get_cell_text (page, 0, 8);
    g_assert_cmpstr (deal, ==, riskiest->facts->deal->name);
    g_assert_cmpstr (risk, ==, cl_risk_level_label (cl_risk_level (riskiest->flags)));
    g_assert_cmpstr (flags, ==, expected);
    g_assert_true (g_str_has_prefix (flags, cl_flag_label (cl_flags_by_severity[0]))
                   || !(riskiest->flags & (1u << cl_flags_by_severity[0])));
    cl_pipeline_page_sort_by (page, 4, GTK_SORT_DESCENDING);
  }

  /* what moved since the last review: the core's moves, all of them */
  {
    g_autoptr (ClProcess) process = cl_process_load (store, cl_date_today (), NULL);
    ClDay since = cl_store_moves_since (store, cl_date_today (), NULL);
    g_autoptr (GPtrArray) moves = cl_moves_load (store, process, since, cl_date_today (), NULL);

    /* read when their section first shows, not with the deals */
    g_assert_cmpuint (moves->len, >, 0);
    g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, 0);
    cl_pipeline_page_show_section (page, "moved");
    cl_test_wait_until (cl_test_moves_read, page, "what moved");
    g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, moves->len);
    cl_pipeline_page_show_section (page, "stages");
    cl_pipeline_page_show_section (page, "deals");
  }
}

/* The stacks below @widget that a scroller holds: GTK 4.8's stack measures
 * its page's width for its height at each allocation, and each wrapped
 * label of the page then searches for that width by laying its text out
 * again and again (the Retrospectives froze 1.6 s on it). */
static guint
count_stacks_in_scrollers (GtkWidget *widget,
                           gboolean   in_scroller)
{
  guint n = in_scroller && GTK_IS_STACK (widget);

  in_scroller = in_scroller || GTK_IS_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_stacks_in_scrollers (child, in_scroller);
  return n;
}

static void
check_every_view (ClWindow *window)
{
  static const char * const list_views[] = { "coaching", "library" };
  static const char * const views[] = { "month", "overview", "pipeline", "coaching", "development", "retros",
                                        "library", "teams" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_test_message ("view %s: a stack in a scroller?", views[i]);
      g_assert_cmpuint (count_stacks_in_scrollers (cl_window_get_view (window, views[i]), FALSE), ==, 0);
    }

  g_assert_cmpstr (cl_window_get_state (window), ==, "views");
  cl_window_show_view (window, "overview");
  g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (list_views); i++)
    {
      GtkWidget *page = cl_window_get_view (window, list_views[i]);
      g_autofree char *empty_title = NULL;

      g_test_message ("view %s", list_views[i]);
      g_assert_true (CL_IS_LIST_PAGE (page));
      /* what each list says while it has nothing */
      g_object_get (page, "empty-title", &empty_title, NULL);
      g_assert_cmpstr (empty_title, ==, i == 0 ? "Nothing to Coach" : "No Summaries From Teammates");
      cl_window_show_view (window, list_views[i]);
      cl_test_wait_until (page_read, page, list_views[i]);
    }

  check_pipeline (window);
}

static gboolean
review_closed (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) == NULL;
}


/* A review run with the keys alone: its decisions and next action land in
 * the store, and the week's review counts them. */
static void
check_review (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autofree char *name = NULL;
  g_autoptr (ClReview) review = NULL;
  g_autoptr (GListModel) actions = NULL;
  ClReviewWindow *dialog;
  AdwMessageDialog *warning;
  gboolean found_action = FALSE;
  guint window_statements = 0;

  /* the review opens on the pipeline once inspected (gui-review: Ctrl+R
   * before), its process and flags as inspected (at 100 000 deals reading
   * them again took 55 ms). Nothing it does runs SQL on the window's
   * thread: opening, walking, deciding, all in workers */
  cl_test_count_statements (window, &window_statements);
  dialog = cl_test_start_review (window);

  /* it opens on the riskiest, each with the sentence why; S shows the rest */
  g_assert_cmpuint (cl_review_window_get_n_agenda (dialog), >, CL_AGENDA_SIZE_DEFAULT);
  g_assert_cmpuint (cl_review_window_get_n_deals (dialog), ==, CL_AGENDA_SIZE_DEFAULT);
  g_assert_nonnull (strstr (cl_review_window_get_risk_text (dialog), " risk: "));
  for (guint i = 0; i + 1 < CL_AGENDA_SIZE_DEFAULT; i++)
    cl_review_window_press (dialog, 'n');
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, CL_AGENDA_SIZE_DEFAULT - 1);
  cl_review_window_press (dialog, 'n');
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, CL_AGENDA_SIZE_DEFAULT - 1);
  cl_review_window_press (dialog, 's');
  g_assert_cmpuint (cl_review_window_get_n_deals (dialog), ==, cl_review_window_get_n_agenda (dialog));
  cl_review_window_press (dialog, 'n');
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, CL_AGENDA_SIZE_DEFAULT);
  for (guint i = 0; i < CL_AGENDA_SIZE_DEFAULT; i++)
    cl_review_window_press (dialog, 'p');
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, 0);

  /* closing before any decision asks first; "keep reviewing" stays */
  gtk_window_close (GTK_WINDOW (dialog));
  warning = cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (warning);
  adw_message_dialog_response (warning, "continue");
  g_assert_true (cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) == dialog);

  cl_test_review_press (dialog, 'k');
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, 1);
  g_assert_cmpuint (cl_review_window_count_decisions (dialog), ==, 0);
  cl_test_review_press (dialog, 'd');
  cl_review_window_press (dialog, 'a');
  g_assert_true (cl_review_window_add_action (dialog, "Ask the CFO for the Q1 budget date",
                                              cl_date_today () + 7));
  cl_test_review_saved (dialog);
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, 3);
  g_assert_cmpuint (cl_review_window_count_decisions (dialog), ==, 2);
  cl_review_window_press (dialog, 'p');
  g_assert_cmpuint (cl_review_window_get_position (dialog), ==, 2);
  gtk_window_close (GTK_WINDOW (dialog));
  cl_test_wait_until (review_closed, NULL, "the review to close");
  cl_test_stop_counting_statements (window);
  g_assert_cmpuint (window_statements, ==, 0);

  review = cl_store_find_review (store, week, NULL);
  g_assert_nonnull (review);
  g_assert_cmpuint (review->n_deals, >=, 3);
  g_assert_cmpuint (review->n_decisions, >=, 2);
  actions = cl_store_list_open_actions (store, 0, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (ClAction) action = g_list_model_get_item (actions, i);

      found_action |= g_str_equal (action->text, "Ask the CFO for the Q1 budget date");
    }
  g_assert_true (found_action);

  /* the export is offered under a name that opens with Closeloop */
  name = g_strdup_printf ("review-%s", week);
  cl_test_assert_export_name (GTK_WIDGET (window), "win.export-review", name);
}

/* Preferences save at once: a stage added, the team's cap kept. */
/* The team adds an item to each of its lists, removes it, and takes the
 * removal back from the toast. */
static void
check_team_list_editor (ClPreferencesWindow *preferences,
                        ClStore             *store,
                        ClTeamList           list,
                        const char          *label,
                        const char          *key)
{
  guint items = cl_preferences_window_get_n_team_list_items (preferences, list);
  g_autoptr (GListModel) listed = NULL;
  g_autoptr (ClTeamListItem) added = NULL;

  g_assert_cmpuint (items, ==, 5);
  /* the second, a label the list has, is refused */
  cl_preferences_window_add_team_list_item (preferences, list, label);
  cl_preferences_window_add_team_list_item (preferences, list, label);
  cl_test_preferences_settled (preferences);
  g_assert_cmpuint (cl_preferences_window_get_n_team_list_items (preferences, list), ==, items + 1);
  listed = cl_store_list_team_list (store, list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, items + 1);
  added = g_list_model_get_item (listed, items);
  g_assert_cmpstr (added->key, ==, key);

  cl_preferences_window_remove_team_list_item (preferences, list, added->id, added->label);
  cl_test_preferences_settled (preferences);
  g_assert_cmpuint (cl_preferences_window_get_n_team_list_items (preferences, list), ==, items);
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.restore-team-list-item", "(ix)",
                              list, added->id);
  cl_test_preferences_settled (preferences);
  g_assert_cmpuint (cl_preferences_window_get_n_team_list_items (preferences, list), ==, items + 1);
}

/* The key-deal amount and a stage's stall threshold are worked out until
 * the team sets its own, and go back to that. */
static void
check_automatic_rows (ClPreferencesWindow *preferences,
                      ClStore             *store)
{
  g_autoptr (GListModel) stages = cl_store_list_stages (store, NULL);
  g_autoptr (ClStage) first = g_list_model_get_item (stages, 0);
  g_autoptr (GListModel) reread = NULL;
  g_autoptr (ClStage) stage = NULL;
  gpointer writer;

  cl_test_preferences_settled (preferences);
  g_assert_true (g_str_has_prefix (cl_preferences_window_get_key_deal_text (preferences),
                                   "Automatic: the largest 10 % of open deals, now from "));
  cl_preferences_window_set_key_deal_amount (preferences, 120000);
  cl_test_preferences_settled (preferences);
  g_assert_cmpint (cl_store_get_setting_int (store, CL_SETTING_KEY_DEAL_AMOUNT, -1), ==, 120000);
  g_assert_true (g_str_has_prefix (cl_preferences_window_get_key_deal_text (preferences), "Set by the team"));
  cl_preferences_window_set_key_deal_amount (preferences, -1);
  cl_test_preferences_settled (preferences);
  g_assert_cmpint (cl_store_get_setting_int (store, CL_SETTING_KEY_DEAL_AMOUNT, -1), ==, -1);
  g_assert_true (g_str_has_prefix (cl_preferences_window_get_key_deal_text (preferences), "Automatic: "));

  g_assert_true (g_str_has_prefix (cl_preferences_window_get_stall_text (preferences, first->id), "Learned: "));
  cl_preferences_window_set_stalled_days (preferences, first->id, 40);
  cl_test_preferences_settled (preferences);
  reread = cl_store_list_stages (store, NULL);
  stage = g_list_model_get_item (reread, 0);
  g_assert_cmpint (stage->stalled_days, ==, 40);
  g_assert_true (g_str_has_prefix (cl_preferences_window_get_stall_text (preferences, first->id),
                                   "Set for this stage; learned from won deals, it would be "));
  cl_preferences_window_set_stalled_days (preferences, first->id, 0);
  cl_test_preferences_settled (preferences);
  g_clear_object (&reread);
  g_clear_object (&stage);
  reread = cl_store_list_stages (store, NULL);
  stage = g_list_model_get_item (reread, 0);
  g_assert_cmpint (stage->stalled_days, ==, 0);
  g_assert_true (g_str_has_prefix (cl_preferences_window_get_stall_text (preferences, first->id), "Learned: "));

  /* beside another program writing the workspace: the edits wait for it,
   * in order, and the window's thread waits on nothing (before, each
   * froze it up to 5 s, then was lost) */
  writer = cl_test_hold_write_lock (cl_store_get_path (store));
  cl_preferences_window_set_stalled_days (preferences, first->id, 33);
  cl_preferences_window_set_key_deal_amount (preferences, 90000);
  g_assert_true (cl_preferences_window_is_busy (preferences));
  cl_test_release_write_lock_later (writer);
  cl_test_preferences_settled (preferences);
  g_clear_object (&reread);
  g_clear_object (&stage);
  reread = cl_store_list_stages (store, NULL);
  stage = g_list_model_get_item (reread, 0);
  g_assert_cmpint (stage->stalled_days, ==, 33);
  g_assert_cmpint (cl_store_get_setting_int (store, CL_SETTING_KEY_DEAL_AMOUNT, -1), ==, 90000);
  cl_preferences_window_set_stalled_days (preferences, first->id, 0);
  cl_preferences_window_set_key_deal_amount (preferences, -1);
  cl_test_preferences_settled (preferences);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

/* The owner's name and role, as the workspace keeps them. */
static void
assert_identity (ClStore    *store,
                 const char *id,
                 const char *name,
                 ClRole      role)
{
  g_autoptr (ClIdentity) identity = cl_identity_get (store, NULL);

  g_assert_nonnull (identity);
  g_assert_cmpstr (identity->id, ==, id);
  g_assert_cmpstr (identity->name, ==, name);
  g_assert_cmpstr (cl_role_to_string (identity->role), ==, cl_role_to_string (role));
}

/* The owner renames themselves and becomes a rep: "You publish as" shows
 * their new subfolder; a blank or over-long name changes nothing. */
static void
check_identity (ClPreferencesWindow *preferences,
                ClStore             *store)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "identity-team-folder", NULL);
  g_autofree char *too_long = g_strnfill (CL_IDENTITY_MAX_NAME + 1, 'a');
  g_autoptr (ClIdentity) before = cl_identity_get (store, NULL);
  g_autofree char *subfolder = NULL;
  const char *refused[] = { "", "   ", too_long };
  guint changes = 0;

  /* the owner's own name, not a script's */
  g_unsetenv ("CLOSELOOP_AUTHOR");
  g_signal_connect (preferences, "identity-changed", G_CALLBACK (count_signal), &changes);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (cl_preferences_window_set_team_folder (preferences, folder));
  g_assert_true (cl_preferences_window_set_identity (preferences, " Ana Okafor ", CL_ROLE_REP));
  cl_test_preferences_settled (preferences);
  g_assert_cmpuint (changes, ==, 1);
  assert_identity (store, before->id, "Ana Okafor", CL_ROLE_REP);
  subfolder = g_strdup_printf ("Ana Okafor (%s)", before->id);
  g_assert_nonnull (strstr (cl_preferences_window_get_publish_as_text (preferences), subfolder));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (cl_preferences_window_set_identity (preferences, refused[i], CL_ROLE_MANAGER));
      assert_identity (store, before->id, "Ana Okafor", CL_ROLE_REP);
    }
  cl_test_preferences_settled (preferences);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_nonnull (strstr (cl_preferences_window_get_publish_as_text (preferences), subfolder));
  g_signal_handlers_disconnect_by_func (preferences, count_signal, &changes);
  g_assert_true (cl_preferences_window_set_team_folder (preferences, NULL));
  cl_test_preferences_settled (preferences);
}

/* Whether @widget or a widget below it, shown, says the workspace is busy. */
static gboolean
shows_busy (gpointer widget)
{
  return cl_test_find_shown_label (widget, "busy") != NULL;
}

static void
check_preferences (ClWindow *window)
{
  /* the test's own reads, on a connection of its own */
  g_autoptr (ClStore) store = cl_store_open (cl_store_get_path (cl_window_get_store (window)), NULL);
  g_autoptr (GListModel) before = cl_store_list_stages (store, NULL);
  g_autoptr (GListModel) after = NULL;
  ClPreferencesWindow *preferences;
  guint window_statements = 0;

  /* read and written by workers: the window's thread waits on none of it */
  cl_test_count_statements (window, &window_statements);
  g_action_group_activate_action (G_ACTION_GROUP (window), "preferences", NULL);
  preferences = cl_test_find_toplevel (CL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (cl_preferences_window_is_busy (preferences));
  cl_test_preferences_settled (preferences);
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.add-stage", NULL);
  cl_test_preferences_settled (preferences);
  after = cl_store_list_stages (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
  g_assert_cmpint (cl_action_cap_load (store), ==, 5);
  check_automatic_rows (preferences, store);
  check_team_list_editor (preferences, store, CL_TEAM_LIST_SCORECARD, "Named the economic buyer",
                          "named_the_economic_buyer");
  check_team_list_editor (preferences, store, CL_TEAM_LIST_SKILLS, "Champion building", "champion_building");
  cl_test_stop_counting_statements (window);
  g_assert_cmpuint (window_statements, ==, 0);
  /* (the window watching a team folder chosen reads which on its thread) */
  check_identity (preferences, store);
  gtk_window_close (GTK_WINDOW (preferences));

  /* closed while an edit waits on another program's write: the window
   * stays until it is written, then goes (before, the edit was dropped) */
  {
    g_autoptr (GListModel) stages = cl_store_list_stages (store, NULL);
    g_autoptr (ClStage) first = g_list_model_get_item (stages, 0);
    g_autoptr (GListModel) reread = NULL;
    g_autoptr (ClStage) stage = NULL;
    gpointer writer;

    g_action_group_activate_action (G_ACTION_GROUP (window), "preferences", NULL);
    preferences = g_object_ref (cl_test_find_toplevel (CL_TYPE_PREFERENCES_WINDOW));
    /* wide, its pages' switcher takes the place of its title */
    gtk_window_set_default_size (GTK_WINDOW (preferences), 1100, 700);
    cl_test_preferences_settled (preferences);
    writer = cl_test_hold_write_lock (cl_store_get_path (store));
    cl_preferences_window_set_stalled_days (preferences, first->id, 21);
    /* the second waits behind the first */
    cl_preferences_window_set_key_deal_amount (preferences, 77000);
    gtk_window_close (GTK_WINDOW (preferences));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preferences)));
    /* a wait that lasts says why the window stays (before, nothing did;
     * then only its title did, which a wide window does not show) */
    cl_test_wait_until (shows_busy, preferences, "Preferences to say why it stays");
    cl_test_release_write_lock_later (writer);
    cl_test_finalize_window (preferences);
    reread = cl_store_list_stages (store, NULL);
    stage = g_list_model_get_item (reread, 0);
    g_assert_cmpint (stage->stalled_days, ==, 21);
    g_assert_cmpint (cl_store_get_setting_int (store, CL_SETTING_KEY_DEAL_AMOUNT, -1), ==, 77000);
  }
}

/* The import window's layout row, on @name's entry. */
static void
choose_layout (ClImportWindow *import,
               const char     *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (cl_test_find_descendant (GTK_WIDGET (import), ADW_TYPE_COMBO_ROW));
  GListModel *names = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) != NULL)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no layout “%s”", name);
}

/* A kept layout chosen while the one chosen before is read: the last
 * choice is applied once the worker lets go (before, it showed in the row
 * and the columns stayed the first's). */
static void
check_layout_chosen_while_busy (ClWindow   *window,
                                const char *path)
{
  ClImportWindow *import = cl_import_window_new (GTK_WINDOW (window), cl_window_get_store (window), path);

  cl_test_import_read (import);
  g_assert_cmpint (cl_import_window_get_column (import, CL_CRM_FIELD_CLOSE_DATE), ==, 3);
  cl_import_window_set_column (import, CL_CRM_FIELD_CLOSE_DATE, -1);
  g_assert_true (cl_import_window_keep_mapping (import, "Undated sheet"));
  cl_test_import_read (import);

  choose_layout (import, "Ops sheet");
  g_assert_cmpstr (cl_import_window_get_page (import), ==, "busy");
  choose_layout (import, "Undated sheet");
  cl_test_import_read (import);
  g_assert_cmpint (cl_import_window_get_column (import, CL_CRM_FIELD_CLOSE_DATE), ==, -1);
  choose_layout (import, "Ops sheet");
  cl_test_import_read (import);
  g_assert_cmpint (cl_import_window_get_column (import, CL_CRM_FIELD_CLOSE_DATE), ==, 3);
  gtk_window_destroy (GTK_WINDOW (import));
}

/* A transcript dropped on the window becomes a call of the deal. */
static void
check_coaching_drop (ClDealCoachingWindow *coaching,
                     const char           *vtt)
{
  guint calls = cl_deal_coaching_window_get_n_calls (coaching);
  g_autoptr (GFile) file = g_file_new_for_path (vtt);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/call.vtt");
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (cl_deal_coaching_window_get_drop_target (coaching), "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  cl_test_coaching_settled (coaching);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_calls (coaching), ==, calls + 1);

  /* a file that cannot be read is refused, and nothing is added */
  g_value_set_object (&value, missing);
  g_signal_emit_by_name (cl_deal_coaching_window_get_drop_target (coaching), "drop", &value, 10.0, 10.0, &accepted);
  g_assert_false (accepted);
  cl_test_coaching_settled (coaching);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_calls (coaching), ==, calls + 1);
  g_value_unset (&value);
}

/* Scoring a call moves the rep's trend chart, and its text alternative
 * says what the store says for this month. */
static void
check_score_trend (ClDealCoachingWindow *coaching)
{
  ClStore *store = cl_window_get_store (CL_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (coaching))));
  ClDay today = cl_date_today ();
  g_autofree char *month = cl_date_month (today);
  g_autofree char *sql = NULL, *figures = NULL, *expected = NULL, *rep = NULL;
  g_autoptr (GDateTime) first = g_date_time_new_utc (g_ascii_strtoll (month, NULL, 10),
                                                     g_ascii_strtoll (month + 5, NULL, 10), 1, 0, 0, 0);
  g_autofree char *month_name = g_date_time_format (first, "%B %Y");
  g_auto (GStrv) parts = NULL;
  const char *summary;

  cl_deal_coaching_window_set_score (coaching, 0, 0, 4);
  cl_deal_coaching_window_set_score (coaching, 0, 1, 2);
  cl_test_coaching_settled (coaching);
  /* the rep's name as an SQL literal */
  parts = g_strsplit (cl_deal_coaching_window_get_owner_name (coaching), "'", -1);
  rep = g_strjoinv ("''", parts);
  sql = g_strdup_printf ("SELECT printf('%%.1f from %%d call', avg(s.score), count(DISTINCT c.id)) "
                         "FROM calls c JOIN call_scores s ON s.call_id = c.id JOIN reps r ON r.id = c.rep_id "
                         "WHERE r.name = '%s' AND substr(c.held_on, 1, 7) = '%s'", rep, month);
  figures = cl_test_sql_text (cl_store_get_path (store), sql);
  expected = g_strdup_printf ("%s: %s", month_name, g_strstrip (figures));
  summary = cl_deal_coaching_window_get_trend_summary (coaching);
  g_test_message ("trend: %s", summary);
  g_assert_nonnull (strstr (summary, expected));
}

/* The coaching queue opens a deal; a transcript attached there is read as a
 * conversation and searched; a session ends in a next move; the export
 * leaves private notes at home. */
/* The rows @page's list view holds (made, or to be made as it scrolls). */
static guint
rows_in_list (ClListPage *page)
{
  GtkWidget *list = cl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

static gboolean
list_shows_every_row (gpointer page)
{
  return cl_list_page_is_loaded (page) && rows_in_list (page) == cl_list_page_get_n_items (page);
}

static void
check_coaching (ClWindow *window)
{
  ClListPage *page = CL_LIST_PAGE (cl_window_get_view (window, "coaching"));
  g_autofree char *vtt = g_build_filename (tmp_dir, "call.vtt", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "coaching.json", NULL);
  g_autofree char *text = NULL, *document = NULL, *note = NULL, *score = NULL;
  ClStore *store = cl_window_get_store (window);
  ClDealCoachingWindow *coaching;
  guint calls, sessions, window_statements = 0;
  gpointer writer;

  cl_window_show_view (window, "coaching");
  cl_test_wait_until (page_loaded, page, "the coaching queue");
  /* a search shows its rows from the top, a few more each frame: a
   * GtkListView made and laid out up to two hundred rows of wrapped text
   * at once, which at 100 000 deals held the window for 0.9 s */
  g_assert_cmpuint (cl_list_page_get_n_items (page), >, 12);
  cl_list_page_search (page, "");
  g_assert_cmpuint (rows_in_list (page), <=, 12);
  cl_test_wait_until (list_shows_every_row, page, "every row of the coaching queue");
  /* nothing the deal's coaching does runs SQL on the window's thread */
  cl_test_count_statements (window, &window_statements);
  cl_list_page_activate (page, 0);
  coaching = cl_test_find_toplevel (CL_TYPE_DEAL_COACHING_WINDOW);
  g_assert_nonnull (coaching);
  cl_test_coaching_settled (coaching);
  calls = cl_deal_coaching_window_get_n_calls (coaching);
  sessions = cl_deal_coaching_window_get_n_sessions (coaching);

  /* the deal's owner talks to a buyer */
  text = g_strdup_printf ("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v %s>What would change if the budget moved?\n\n"
                          "00:00:06.000 --> 00:00:12.000\n<v Lee Buyer>We would wait for Q1.\n",
                          cl_deal_coaching_window_get_owner_name (coaching));
  g_assert_true (g_file_set_contents (vtt, text, -1, NULL));
  g_assert_true (cl_deal_coaching_window_attach (coaching, vtt));
  cl_test_coaching_settled (coaching);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_calls (coaching), ==, calls + 1);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_cues_shown (coaching), ==, 2);
  cl_deal_coaching_window_search_transcript (coaching, "q1");
  g_assert_cmpuint (cl_deal_coaching_window_get_n_cues_shown (coaching), ==, 1);
  check_coaching_drop (coaching, vtt);
  check_score_trend (coaching);

  g_assert_false (cl_deal_coaching_window_can_save (coaching));
  cl_deal_coaching_window_fill_session (coaching, "“We would wait for Q1.”", "Ask who owns the Q1 budget",
                                        "the CFO", "2026-12-01");
  g_assert_true (cl_deal_coaching_window_can_save (coaching));
  g_assert_true (cl_deal_coaching_window_save_session (coaching));
  cl_test_coaching_settled (coaching);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_sessions (coaching), ==, sessions + 1);
  /* the queue reads the session at once, not when the window closes */
  g_assert_false (cl_list_page_is_loaded (page));
  cl_test_wait_until (page_loaded, page, "the coaching queue after the session");

  /* later: the next move happened, and what changed */
  g_assert_true (cl_deal_coaching_window_record_follow_up (coaching, 0, TRUE, "The CFO joined the call"));
  cl_test_coaching_settled (coaching);
  note = cl_test_sql_text (cl_store_get_path (cl_window_get_store (window)),
                           "SELECT follow_up || ' ' || follow_up_note FROM coaching_sessions ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (g_strstrip (note), ==, "happened The CFO joined the call");

  /* beside another program writing the workspace: a score and a session
   * wait for it, one session at a time, and the window's thread waits on
   * nothing (before, each froze it up to 5 s, then was lost). It holds
   * the workspace longer than SQLite's usual wait, as a large import
   * does: the score still lands (before, it was lost after 5 s) */
  writer = cl_test_hold_write_lock (cl_store_get_path (store));
  cl_deal_coaching_window_set_score (coaching, 0, 2, 3);
  cl_deal_coaching_window_fill_session (coaching, "", "Send the mutual action plan", "", "2026-12-08");
  g_assert_true (cl_deal_coaching_window_save_session (coaching));
  g_assert_false (cl_deal_coaching_window_save_session (coaching));
  g_assert_true (cl_deal_coaching_window_is_busy (coaching));
  cl_test_release_write_lock_after (writer, CL_STORE_BUSY_WAIT_MS + 1000);
  cl_test_coaching_settled (coaching);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_sessions (coaching), ==, sessions + 2);
  /* the newest call: scored 4 and 2 before, 3 now */
  score = cl_test_sql_text (cl_store_get_path (store), "SELECT count(*) || ' ' || sum(score = 3) FROM call_scores "
                                                       "WHERE call_id = (SELECT max(id) FROM calls)");
  g_assert_cmpstr (score, ==, "3 1\n");

  /* a score typed while an attach waits on the writer: the rows the
   * attach makes again show the score, not the one read before it */
  writer = cl_test_hold_write_lock (cl_store_get_path (store));
  g_assert_true (cl_deal_coaching_window_attach (coaching, vtt));
  cl_deal_coaching_window_set_score (coaching, 0, 0, 1);
  cl_test_release_write_lock_later (writer);
  cl_test_coaching_settled (coaching);
  g_assert_cmpint (cl_deal_coaching_window_get_score (coaching, 1, 0), ==, 1);

  g_assert_true (cl_deal_coaching_window_export (coaching, exported));
  /* written in a worker thread, atomically */
  cl_test_wait_until (cl_test_file_exists, exported, "the export");
  g_assert_true (g_file_get_contents (exported, &document, NULL, NULL));
  g_assert_nonnull (strstr (document, "\"closeloop.deal-coaching\""));
  g_assert_nonnull (strstr (document, "Ask who owns the Q1 budget"));
  g_assert_null (strstr (document, "\"private_notes\""));
  cl_test_assert_export_name (GTK_WIDGET (coaching), "coaching.export", "coaching-deal-");
  gtk_window_close (GTK_WINDOW (coaching));
  cl_test_stop_counting_statements (window);
  g_assert_cmpuint (window_statements, ==, 0);
}

static gboolean
rep_window_loaded (gpointer data)
{
  return cl_rep_window_is_loaded (data);
}

static gboolean
team_loaded (gpointer page)
{
  return cl_team_page_is_loaded (page);
}

static gboolean
team_read (gpointer page)
{
  return cl_team_page_get_n_reps (page) > 0;
}

/* The team view counts the reps without a plan as the store does; one of
 * them gets a plan from their rep page, logs a drill, and the manager
 * prepares, prints and exports the 1:1. */
static void
check_development (ClWindow *window)
{
  ClTeamPage *page = CL_TEAM_PAGE (cl_window_get_view (window, "development"));
  const char *path = cl_store_get_path (cl_window_get_store (window));
  g_autofree char *month = cl_date_month (cl_date_today ());
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM reps r WHERE is_manager = 0 AND NOT EXISTS "
                                          "(SELECT 1 FROM dev_plans p WHERE p.rep_id = r.id AND p.month = '%s')",
                                          month);
  g_autofree char *without = cl_test_sql_text (path, sql);
  g_autofree char *reps = cl_test_sql_text (path, "SELECT count(*) FROM reps WHERE is_manager = 0");
  g_autofree char *pdf = g_build_filename (tmp_dir, "one-on-one.pdf", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "rep-plan.json", NULL);
  g_autofree char *agenda = NULL, *drills_sql = NULL, *drills = NULL, *document = NULL, *printed = NULL;
  guint n_without = g_ascii_strtoull (without, NULL, 10);
  ClRepWindow *rep;
  gsize length;
  guint window_statements = 0;
  gpointer writer;

  cl_window_show_view (window, "development");
  /* the first reps' rows come with the month, the others a few at a time:
   * forty made at once held the main loop 0.16 s */
  cl_test_wait_until (team_read, page, "the team's month read");
  g_assert_cmpuint (cl_team_page_get_n_reps (page), >, CL_TEAM_PAGE_ROWS_AT_FIRST);
  g_assert_cmpuint (cl_team_page_get_n_rows (page), ==, CL_TEAM_PAGE_ROWS_AT_FIRST);
  cl_test_wait_until (team_loaded, page, "the team's month");
  g_assert_cmpuint (cl_team_page_get_n_reps (page), ==, g_ascii_strtoull (reps, NULL, 10));
  g_assert_cmpuint (cl_team_page_get_n_rows (page), ==, cl_team_page_get_n_reps (page));
  g_assert_cmpuint (cl_team_page_get_n_without_plan (page), ==, n_without);
  g_assert_cmpuint (n_without, >, 0);

  /* reps without a plan come first; nothing their page does runs SQL on
   * the window's thread */
  cl_test_count_statements (window, &window_statements);
  cl_team_page_activate (page, 0);
  rep = cl_test_find_toplevel (CL_TYPE_REP_WINDOW);
  g_assert_nonnull (rep);
  cl_test_wait_until (rep_window_loaded, rep, "the rep page");
  g_assert_false (cl_rep_window_has_plan (rep));

  cl_rep_window_fill_plan (rep, "price_hold", "Hold the price through three rounds", 6, 4);
  g_assert_true (cl_rep_window_save_plan (rep));
  cl_test_wait_until (rep_window_loaded, rep, "the rep page with its plan");
  g_assert_true (cl_rep_window_has_plan (rep));
  g_assert_true (cl_rep_window_log_drill (rep, "CFO asks for 20 % off", 4, "held"));
  cl_test_wait_until (rep_window_loaded, rep, "the rep page with its drill");
  drills_sql = g_strdup_printf ("SELECT count(*) FROM practice_log WHERE substr(logged_on, 1, 7) = '%s' "
                                "AND note = 'held'", month);
  drills = cl_test_sql_text (path, drills_sql);
  g_assert_cmpint (g_ascii_strtoll (drills, NULL, 10), ==, 1);
  g_assert_cmpuint (cl_rep_window_get_n_drills (rep), >=, 1);

  /* beside another program writing the workspace: the drill waits for it,
   * one change at a time, and the window's thread waits on nothing
   * (before, it froze up to 5 s and the drill was lost) */
  writer = cl_test_hold_write_lock (path);
  g_assert_true (cl_rep_window_log_drill (rep, "CFO asks again", 3, "held again"));
  g_assert_false (cl_rep_window_log_drill (rep, "CFO asks again", 3, "held again"));
  g_assert_false (cl_rep_window_is_loaded (rep));
  cl_test_release_write_lock_later (writer);
  cl_test_wait_until (rep_window_loaded, rep, "the rep page with its second drill");
  g_clear_pointer (&drills, g_free);
  drills = cl_test_sql_text (path, "SELECT count(*) FROM practice_log WHERE note = 'held again'");
  g_assert_cmpstr (drills, ==, "1\n");
  g_assert_nonnull (strstr (cl_rep_window_get_chart_summary (rep, 0), "Mean scorecard score"));

  agenda = cl_rep_window_get_agenda (rep);
  g_assert_true (g_str_has_prefix (agenda, "1:1 with "));
  g_assert_true (cl_rep_window_save_agenda (rep));
  g_assert_true (cl_rep_window_print_to_pdf (rep, pdf));
  g_assert_true (g_file_get_contents (pdf, &printed, &length, NULL));
  g_assert_true (length > 100 && g_str_has_prefix (printed, "%PDF"));
  g_assert_true (cl_rep_window_export (rep, exported));
  /* written in a worker thread, atomically */
  cl_test_wait_until (cl_test_file_exists, exported, "the export");
  g_assert_true (g_file_get_contents (exported, &document, NULL, NULL));
  g_assert_nonnull (strstr (document, "\"closeloop.rep-development\""));
  g_assert_nonnull (strstr (document, "\"price_hold\""));
  cl_test_assert_export_name (GTK_WIDGET (rep), "rep.export", "rep-plan-");
  gtk_window_close (GTK_WINDOW (rep));
  g_main_context_iteration (NULL, FALSE);
  cl_test_stop_counting_statements (window);
  g_assert_cmpuint (window_statements, ==, 0);

  /* back in the team view: one plan fewer missing */
  cl_test_wait_until (team_loaded, page, "the team's month read again");
  g_assert_cmpuint (cl_team_page_get_n_without_plan (page), ==, n_without - 1);
}

static gboolean
health_loaded (gpointer data)
{
  return cl_overview_page_is_health_loaded (data);
}

/* The Overview shows the core's loop health for the quarter chosen, with
 * its figures and why each state; says when the cadence is hollow, and
 * draws four quarters per loop. A year ago, before the sample team's first
 * beat, it has no data and says why. */
static void
check_loop_health (ClWindow *window)
{
  ClOverviewPage *page = CL_OVERVIEW_PAGE (cl_window_get_view (window, "overview"));
  g_autofree char *year_ago = cl_date_quarter (cl_date_add_months (cl_date_today (), -12));
  const char * const quarters[] = { "2026-Q3", "2026-Q4", year_ago };

  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    {
      ClLoopHealth health[CL_N_LOOPS];
      ClDay first, last;

      g_assert_true (cl_overview_page_show_quarter (page, quarters[q]));
      cl_test_wait_until (health_loaded, page, quarters[q]);
      g_assert_true (cl_date_parse_quarter (quarters[q], &first, &last));
      g_assert_true (cl_loop_health_compute (cl_window_get_store (window), first, last, cl_date_today (),
                                             health, NULL));
      for (int i = 0; i < CL_N_LOOPS; i++)
        {
          g_autofree char *described = cl_loop_health_describe (&health[i]);
          g_autofree char *explained = cl_loop_health_explain (&health[i]);
          const char *shown = cl_overview_page_get_explanation (page, i);

          g_assert_cmpint (cl_overview_page_get_state (page, i), ==, health[i].state);
          g_assert_true (g_str_has_prefix (shown, described));
          g_assert_true (explained == NULL || g_str_has_suffix (shown, explained));
          if (quarters[q] == year_ago)
            g_assert_true (g_str_has_prefix (shown, "No data: the team’s first "));
        }
      g_assert_cmpint (cl_overview_page_is_hollow (page), ==, cl_loop_health_is_hollow (health));
      cl_loop_health_clear (health);
    }
  /* the charts name quarters in words, as the title does */
  g_assert_nonnull (strstr (cl_overview_page_get_trend_summary (page, CL_LOOP_PIPELINE_REVIEW), "Q4 2026: "));
  g_assert_false (cl_overview_page_show_quarter (page, "2026-Q5"));
  cl_overview_page_show_quarter (page, NULL);
}

static gboolean
retro_loaded (gpointer data)
{
  return cl_retro_page_is_loaded (data);
}

static gboolean
retro_facts_read (gpointer data)
{
  return cl_retro_page_is_read (data);
}

static gboolean
retro_saved (gpointer data)
{
  return !cl_retro_page_is_saving (data);
}

/* The rows under @widget that open a deal that died, and the groups of
 * them (AdwExpanderRow), expanded with @expand when it is TRUE. */
static guint
count_death_rows (GtkWidget *widget,
                  gboolean   expand)
{
  guint n = g_object_get_data (G_OBJECT (widget), "deal-id") != NULL;

  if (expand && ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_death_rows (child, expand);
  return n;
}

/* Last quarter's retrospective: choosing to adjust the strategy asks first
 * when a loop lapsed (exactly when the core says so); execution drifted
 * restarts a loop as its owner's action; the export carries the decision.
 * This quarter's shows which flags went with a loss. */
static void
check_retro (ClWindow *window)
{
  ClRetroPage *page = CL_RETRO_PAGE (cl_window_get_view (window, "retros"));
  ClStore *store = cl_window_get_store (window);
  const char *path = cl_store_get_path (store);
  g_autofree char *quarter = cl_date_quarter (cl_date_add_months (cl_date_today (), -3));
  g_autofree char *exported = g_build_filename (tmp_dir, "retro.json", NULL);
  g_autofree char *document = NULL, *decision = NULL, *restarts = NULL, *sql = NULL, *name = NULL;
  g_autoptr (ClRetro) adjust = g_object_new (CL_TYPE_RETRO, NULL);
  ClLoopHealth health[CL_N_LOOPS];
  ClFlagOutcomes outcomes;
  gboolean guarded;
  ClDay first, last;
  int minimum;
  guint window_statements = 0;

  /* nothing the page does runs SQL on the window's thread: reading a
   * quarter, saving, exporting */
  cl_test_count_statements (window, &window_statements);
  cl_window_show_view (window, "retros");
  g_assert_true (cl_retro_page_show_quarter (page, quarter));
  /* the quarter's sections are shown one after the other, each once GTK
   * laid out the one before: the facts read, the later ones are still to
   * come */
  cl_test_wait_until (retro_facts_read, page, "the quarter's facts");
  g_assert_false (cl_retro_page_is_loaded (page));
  g_assert_cmpuint (cl_retro_page_get_n_outcomes (page), ==, 0);
  cl_test_wait_until (retro_loaded, page, "the retrospective");
  g_assert_cmpuint (cl_retro_page_get_n_outcomes (page), >, 0);
  /* a group of deals that died holds their rows once opened: thousands of
   * them at 100 000 deals, laid out at once, froze the window */
  g_assert_cmpuint (count_death_rows (GTK_WIDGET (page), FALSE), ==, 0);
  /* the groups that lost the most deals first; the others behind a row
   * that shows them, as a quarter can have a hundred */
  {
    guint shown, n_groups = cl_retro_page_get_n_death_groups (page, &shown);
    GtkWidget *more = cl_test_find_named (GTK_WIDGET (page), "more-deaths");

    g_test_message ("%u groups of deals died, %u shown", n_groups, shown);
    g_assert_cmpuint (n_groups, >, CL_RETRO_PAGE_DEATHS_SHOWN);
    g_assert_cmpuint (shown, ==, CL_RETRO_PAGE_DEATHS_SHOWN);
    g_assert_nonnull (more);
    g_signal_emit_by_name (more, "activated");
    cl_retro_page_get_n_death_groups (page, &shown);
    g_assert_cmpuint (shown, ==, n_groups);
    g_assert_null (cl_test_find_named (GTK_WIDGET (page), "more-deaths"));
  }
  count_death_rows (GTK_WIDGET (page), TRUE);
  g_assert_cmpuint (count_death_rows (GTK_WIDGET (page), FALSE), >, 0);
  g_assert_cmpuint (cl_retro_page_get_n_flags (page), <=, 5);

  cl_date_parse_quarter (quarter, &first, &last);
  /* the test's own reads, not the page's */
  cl_test_stop_counting_statements (window);
  g_assert_true (cl_loop_health_compute (store, first, last, cl_date_today (), health, NULL));
  cl_test_count_statements (window, &window_statements);
  adjust->decision = CL_RETRO_ADJUST_STRATEGY;
  guarded = cl_retro_needs_confirmation (adjust, health) != 0;
  cl_loop_health_clear (health);
  g_test_message ("%s: adjusting the strategy %s", quarter, guarded ? "asks first" : "needs no confirmation");

  cl_retro_page_fill (page, "Mid-market deals stall at security review", CL_ROOT_CAUSE_DIRECTION,
                      CL_RETRO_ADJUST_STRATEGY, "Lead with the security pack");
  g_assert_cmpint (cl_retro_page_save (page, FALSE), ==, !guarded);
  g_assert_cmpint (cl_retro_page_is_asking (page), ==, guarded);
  if (guarded)
    g_assert_true (cl_retro_page_save (page, TRUE));
  /* written by a worker: one at a time */
  g_assert_false (cl_retro_page_save (page, TRUE));
  cl_test_wait_until (retro_saved, page, "the retrospective saved");
  sql = g_strdup_printf ("SELECT decision || '|' || root_causes FROM retros WHERE quarter = '%s'", quarter);
  decision = cl_test_sql_text (path, sql);
  g_assert_cmpstr (decision, ==, "adjust_strategy|2\n");

  cl_retro_page_fill (page, "Coaching stopped when the quarter got busy", CL_ROOT_CAUSE_DISCIPLINE,
                      CL_RETRO_EXECUTION_DRIFTED, "Nobody owned coaching");
  cl_retro_page_restart_loop (page, CL_LOOP_DEAL_COACHING, 0, "not a day");
  g_assert_false (cl_retro_page_save (page, FALSE));
  cl_retro_page_restart_loop (page, CL_LOOP_DEAL_COACHING, 0, "2026-12-04");
  g_assert_true (cl_retro_page_save (page, FALSE));
  cl_test_wait_until (retro_saved, page, "the retrospective saved again");
  restarts = cl_test_sql_text (path, "SELECT count(*) FROM actions WHERE source = 'retro' AND done_on IS NULL "
                                     "AND text LIKE 'Restart Deal coaching:%'");
  g_assert_cmpstr (restarts, ==, "1\n");

  g_assert_true (cl_retro_page_export (page, exported));
  /* built and written in a worker thread, atomically */
  cl_test_wait_until (cl_test_file_exists, exported, "the export");
  g_assert_true (g_file_get_contents (exported, &document, NULL, NULL));
  g_assert_nonnull (strstr (document, "\"execution_drifted\""));
  g_assert_nonnull (strstr (document, "\"deal_coaching\""));
  cl_test_stop_counting_statements (window);
  g_assert_cmpuint (window_statements, ==, 0);
  name = g_strdup_printf ("retro-%s", quarter);
  cl_test_assert_export_name (GTK_WIDGET (page), "retro.export", name);
  /* another quarter: none of this one's rows while its sections come */
  g_assert_cmpuint (cl_retro_page_get_n_outcomes (page), ==, CL_N_FLAGS);
  cl_retro_page_show_quarter (page, NULL);
  cl_test_wait_until (retro_facts_read, page, "this quarter's facts");
  g_assert_cmpuint (cl_retro_page_get_n_outcomes (page), ==, 0);
  cl_test_wait_until (retro_loaded, page, "this quarter's retrospective");

  /* which flags went with a loss: a row for every flag, as the core counts
   * the deals closed by today, readable at 360 px */
  g_assert_true (cl_flag_outcomes_compute (store, cl_date_today (), &outcomes, NULL));
  g_assert_cmpint (outcomes.won + outcomes.lost, >, 0);
  g_assert_cmpuint (cl_retro_page_get_n_outcomes (page), ==, CL_N_FLAGS);
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* A HubSpot export is recognised, previewed and imported in a worker
 * thread; a sheet of the team's own columns is mapped by hand, kept, and
 * offered again for the next file with those columns. */
static void
check_import (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  g_autofree char *hubspot = g_build_filename (tmp_dir, "hubspot.csv", NULL);
  g_autofree char *own = g_build_filename (tmp_dir, "own.csv", NULL);
  g_autofree char *count = NULL;
  ClImportWindow *import;
  guint window_statements = 0;

  g_assert_true (g_file_set_contents (hubspot, "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
                                      "9001,Imported Acme,Discovery,\"$5,000\",12/15/2026,Ana Import\n"
                                      "9002,Imported Globex,Discovery,n/a,12/16/2026,Ana Import\n", -1, NULL));
  /* the file, the columns kept and those kept now are read and written
   * by workers, not on the window's thread: at 100 000 rows the file alone
   * takes 50 ms to read */
  cl_test_count_statements (window, &window_statements);
  /* closed while its worker reads the file: the worker's result finds
   * no window to show in */
  import = g_object_ref (cl_import_window_new (GTK_WINDOW (window), store, hubspot));
  gtk_window_destroy (GTK_WINDOW (import));
  cl_test_finalize_window (import);

  import = cl_import_window_new (GTK_WINDOW (window), store, hubspot);
  g_assert_cmpstr (cl_import_window_get_page (import), ==, "busy");
  cl_test_import_read (import);
  g_assert_cmpint (cl_import_window_get_kind (import), ==, CL_CRM_HUBSPOT);
  g_assert_cmpuint (cl_import_window_get_n_problems (import), ==, 1);
  g_assert_false (cl_import_window_can_import (import));
  g_assert_false (cl_import_window_run (import));
  gtk_widget_activate_action (GTK_WIDGET (import), "import.run", NULL);
  g_assert_false (cl_import_window_is_done (import));
  gtk_window_destroy (GTK_WINDOW (import));

  g_assert_true (g_file_set_contents (own, "Ref;Opportunity;Phase;Due\nX1;Own deal;Pitch;2026-12-01\n", -1, NULL));
  import = cl_import_window_new (GTK_WINDOW (window), store, own);
  cl_test_import_read (import);
  g_assert_cmpint (cl_import_window_get_kind (import), ==, CL_CRM_CUSTOM);
  g_assert_false (cl_import_window_can_import (import));
  cl_import_window_set_column (import, CL_CRM_FIELD_RECORD_ID, 0);
  cl_import_window_set_column (import, CL_CRM_FIELD_NAME, 1);
  cl_import_window_set_column (import, CL_CRM_FIELD_STAGE, 2);
  cl_import_window_set_column (import, CL_CRM_FIELD_CLOSE_DATE, 3);
  g_assert_true (cl_import_window_keep_mapping (import, "Ops sheet"));
  g_assert_cmpstr (cl_import_window_get_page (import), ==, "busy");
  cl_test_import_read (import);
  cl_test_stop_counting_statements (window);
  g_assert_cmpuint (window_statements, ==, 0);
  /* "Pitch" is no stage of the team's and nothing says where it goes: the user keeps it where shown */
  cl_test_import_next (import, "the stages");
  g_assert_false (cl_import_window_can_import (import));
  cl_stages_page_keep_order (cl_import_window_get_stages_page (import));
  g_assert_true (cl_import_window_run (import));
  cl_test_wait_until (cl_test_import_done, import, "the import");
  g_assert_nonnull (strstr (cl_import_window_get_summary (import), "1 deals added"));
  gtk_window_destroy (GTK_WINDOW (import));
  count = cl_test_sql_text (cl_store_get_path (store), "SELECT count(*) FROM deals WHERE name = 'Own deal'");
  g_assert_cmpstr (count, ==, "1\n");
  check_layout_chosen_while_busy (window, own);

  /* a teammate's summary opened with the app joins the team library */
  {
    g_autofree char *summary = g_build_filename (tmp_dir, "teammate.json", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (summary);
    g_autofree char *kept = NULL;
    g_autoptr (AdwToast) last = cl_test_ref_last_toast (window);

    g_assert_true (g_file_set_contents (summary, "{\"format\": \"closeloop.loop-health\", \"version\": 1, "
                                        "\"app_version\": \"0.1.0\", \"exported_at\": \"2026-11-20T09:00:00Z\", "
                                        "\"exported_by\": \"Teammate\", \"period\": \"2026-Q4\"}", -1, NULL));
    /* read in a worker thread, one at a time: the second finds the first */
    cl_window_import_summary (window, file);
    cl_window_import_summary (window, file);
    g_assert_true (cl_window_get_last_toast (window) == last);
    g_assert_true (g_str_has_prefix (cl_test_wait_for_toast (window, last), "Kept in the team library: "));
    g_set_object (&last, cl_window_get_last_toast (window));
    g_assert_true (g_str_has_prefix (cl_test_wait_for_toast (window, last), "Already in the team library: "));
    kept = cl_test_sql_text (cl_store_get_path (store), "SELECT count(*) FROM library WHERE exported_by = 'Teammate'");
    g_assert_cmpstr (kept, ==, "1\n");
    /* a newer export of it asks first, then replaces it */
    g_assert_true (g_file_set_contents (summary, "{\"format\": \"closeloop.loop-health\", \"version\": 1, "
                                        "\"app_version\": \"0.1.0\", \"exported_at\": \"2026-11-21T09:00:00Z\", "
                                        "\"exported_by\": \"Teammate\", \"period\": \"2026-Q4\"}", -1, NULL));
    cl_window_import_summary (window, file);
    cl_test_wait_until (message_dialog_shown, NULL, "the question whether to replace the summary kept");
    g_set_object (&last, cl_window_get_last_toast (window));
    adw_message_dialog_response (cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "replace");
    g_assert_true (g_str_has_prefix (cl_test_wait_for_toast (window, last), "Replaced in the team library: "));
    g_free (kept);
    kept = cl_test_sql_text (cl_store_get_path (store), "SELECT exported_at FROM library WHERE exported_by = 'Teammate'");
    g_assert_cmpstr (kept, ==, "2026-11-21T09:00:00Z\n");
    cl_window_show_view (window, "library");
    cl_test_wait_until (page_loaded, cl_window_get_view (window, "library"), "the team library");
    g_assert_cmpuint (cl_list_page_get_n_items (CL_LIST_PAGE (cl_window_get_view (window, "library"))), ==, 1);
  }

  /* next week's sheet: the kept columns come back by themselves, and its stage is the team's now */
  import = cl_import_window_new (GTK_WINDOW (window), store, own);
  cl_test_import_read (import);
  cl_test_import_next (import, "next week's stages");
  g_assert_true (cl_import_window_can_import (import));
  gtk_window_destroy (GTK_WINDOW (import));
}

/* Over the cap is visible on the rep: the Overview marks exactly the reps
 * the store says carry more open actions than the team allows. */
static void
check_action_load (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  ClOverviewPage *page = CL_OVERVIEW_PAGE (cl_window_get_view (window, "overview"));
  g_autofree char *over = NULL;

  g_assert_true (cl_store_set_setting_int (store, CL_SETTING_OPEN_ACTIONS_CAP, 1, NULL));
  cl_overview_page_refresh (page);
  cl_test_wait_until (health_loaded, page, "the Overview with the cap of one");
  over = cl_test_sql_text (cl_store_get_path (store),
                           "SELECT count(*) FROM (SELECT owner_id FROM actions WHERE done_on IS NULL "
                           "GROUP BY owner_id HAVING count(*) > 1)");
  g_assert_cmpuint (cl_overview_page_get_n_over_cap (page), ==, g_ascii_strtoull (over, NULL, 10));
  g_assert_cmpuint (cl_overview_page_get_n_over_cap (page), >, 0);
  g_assert_true (cl_store_set_setting_int (store, CL_SETTING_OPEN_ACTIONS_CAP,
                                           CL_DEFAULT_OPEN_ACTIONS_CAP, NULL));
  cl_overview_page_refresh (page);
}

static void
check_bad_file_untouched (ClWindow *window)
{
  g_autofree char *path = g_build_filename (tmp_dir, "report.db", NULL);
  g_autofree char *after = NULL;
  static const char text[] = "Quarterly report\nnot a database\n";
  gsize len;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_false (cl_test_open_workspace (window, path));
  g_assert_cmpstr (cl_window_get_state (window), ==, "error");
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (after, len, text, sizeof text - 1);
}

/* The shown button under @widget that activates @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
import_window_open (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_IMPORT_WINDOW) != NULL;
}

/* A workspace without a team offers the CRM import and the sample team;
 * the window's title says which workspace is open. */
static void
check_empty_then_sample (ClWindow *window)
{
  g_autofree char *path = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autofree char *sample = NULL;
  GtkWidget *import;

  g_assert_true (cl_test_open_workspace (window, path));
  g_assert_cmpstr (cl_window_get_state (window), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "empty — Closeloop");
  import = find_action_button (GTK_WIDGET (window), "win.import-deals");
  g_assert_nonnull (import);
  g_assert_nonnull (find_action_button (GTK_WIDGET (window), "win.open-sample-team"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import-deals"));
  g_signal_emit_by_name (import, "clicked");
  cl_test_wait_until (import_window_open, NULL, "the import window from the empty workspace");
  gtk_window_destroy (cl_test_find_toplevel (CL_TYPE_IMPORT_WINDOW));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "open-workspace"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "new-workspace"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "open-sample-team", NULL);
  cl_test_wait_until (cl_test_shows_views, window, "the sample team");
  sample = g_path_get_basename (cl_store_get_path (cl_window_get_store (window)));
  g_assert_cmpstr (sample, ==, "sample-team.db");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Sample Team — Closeloop");
}

static void
check_narrow (ClWindow *window)
{
  int minimum;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* The workspace backed up from the menu, restored into a new workspace the
 * window then shows, with every deal. */
static void
check_backup (ClWindow *window)
{
  g_autofree char *backup = g_build_filename (tmp_dir, "backup.json", NULL);
  g_autofree char *before_path = g_strdup (cl_store_get_path (cl_window_get_store (window)));
  g_autofree char *before = cl_test_sql_text (before_path, "SELECT count(*) FROM deals");
  g_autofree char *after = NULL;
  g_autoptr (AdwToast) last = cl_test_ref_last_toast (window);

  /* each written in a worker thread: the window says so once it is done */
  g_assert_true (cl_window_back_up (window, backup));
  g_assert_true (cl_window_get_last_toast (window) == last);
  g_assert_cmpstr (cl_test_wait_for_toast (window, last), ==, "Workspace backed up, private notes included");
  g_set_object (&last, cl_window_get_last_toast (window));
  g_assert_true (cl_window_restore (window, backup));
  g_assert_true (cl_window_get_last_toast (window) == last);
  g_assert_true (g_str_has_prefix (cl_test_wait_for_toast (window, last), "Restored into "));
  cl_test_wait_until (cl_test_shows_views, window, "the restored workspace");
  g_assert_cmpstr (cl_store_get_path (cl_window_get_store (window)), !=, before_path);
  after = cl_test_sql_text (cl_store_get_path (cl_window_get_store (window)), "SELECT count(*) FROM deals");
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  ClStore    *store;
  const char *who;
  guint       count;
} LibraryWait;

/* Every summary of the library opens read-only: a review in the review
 * window, walking the deals it discussed with their decisions, keys that
 * decide doing nothing; the others as their documents. */
static void
check_library_opens (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  g_autoptr (GListModel) library = cl_summary_list_library (store, NULL);
  g_autofree char *decisions_before = cl_test_sql_text (cl_store_get_path (store),
                                                        "SELECT count(*) FROM review_decisions");
  guint reviews = 0, others = 0;

  g_assert_nonnull (library);
  for (guint i = 0; i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr (ClLibraryEntry) entry = g_list_model_get_item (library, i);
      guint window_statements = 0;
      GtkWindow *opened;

      /* read and parsed by a worker, not on the window's thread: a
       * teammate's pre-read can be megabytes */
      cl_test_count_statements (window, &window_statements);
      opened = cl_test_open_library_entry (window, entry);
      cl_test_stop_counting_statements (window);
      g_assert_cmpuint (window_statements, ==, 0);

      g_assert_nonnull (opened);
      if (CL_IS_REVIEW_WINDOW (opened))
        {
          ClReviewWindow *review = CL_REVIEW_WINDOW (opened);
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM review_decisions d JOIN reviews r "
                                                  "ON r.id = d.review_id WHERE r.week = '%s'", entry->period);
          g_autofree char *discussed = cl_test_sql_text (cl_store_get_path (store), sql);
          g_autofree char *decisions_after = NULL;

          g_assert_true (cl_review_window_is_shared (review));
          g_assert_cmpuint (cl_review_window_get_n_deals (review), ==, g_ascii_strtoull (discussed, NULL, 10));
          g_assert_cmpuint (cl_review_window_get_n_deals (review), >, 1);
          g_assert_cmpstr (cl_review_window_get_decision_text (review), !=, "");
          cl_review_window_press (review, 'k');
          cl_review_window_press (review, 'd');
          g_assert_cmpuint (cl_review_window_get_position (review), ==, 0);
          cl_review_window_press (review, 'n');
          g_assert_cmpuint (cl_review_window_get_position (review), ==, 1);
          decisions_after = cl_test_sql_text (cl_store_get_path (store), "SELECT count(*) FROM review_decisions");
          g_assert_cmpstr (decisions_after, ==, decisions_before);
          reviews++;
        }
      else
        {
          g_assert_true (CL_IS_SUMMARY_WINDOW (opened));
          /* a real export has its loops as a section; the hand-written one only its period */
          g_assert_cmpuint (cl_summary_window_get_n_sections (CL_SUMMARY_WINDOW (opened)), >=,
                            g_str_equal (entry->exported_by, "Teammate B") ? 2 : 1);
          others++;
        }
      gtk_window_destroy (opened);
    }
  g_assert_cmpuint (reviews, >=, 1);
  g_assert_cmpuint (others, >=, 1);
}

static gboolean
library_holds (gpointer data)
{
  LibraryWait *wait = data;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM library WHERE exported_by = '%s'", wait->who);
  g_autofree char *count = cl_test_sql_text (cl_store_get_path (wait->store), sql);

  return g_ascii_strtoull (count, NULL, 10) == wait->count;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A teammate publishes as "Teammate B" into @folder: loop health for
 * @period, or the review of @period when it is a week. */
static void
publish_as_teammate (ClStore    *store,
                     const char *folder,
                     const char *period)
{
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_setenv ("CLOSELOOP_AUTHOR", "Teammate B", TRUE);
  document = strstr (period, "-W") ? cl_review_export_build (store, period, &error)
                                   : cl_health_export_build (store, period, cl_date_today (), &error);
  g_assert_no_error (error);
  text = cl_export_to_text (document);
  g_assert_true (cl_team_folder_publish (folder, text, NULL, &error));
  g_assert_no_error (error);
  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
}

static gboolean
window_inactive (gpointer data)
{
  return !gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
watching (gpointer window)
{
  return cl_window_get_team_folder_watch (window) != NULL;
}

/* Preferences → Sharing chooses a team folder: what a teammate published
 * joins the team library at once, what arrives later too, and the review
 * exported from the menu is published in the user's own subfolder only. */
static void
check_team_folder (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  g_autofree char *folder = g_build_filename (tmp_dir, "team-folder", NULL);
  g_autofree char *mate_folder = g_build_filename (folder, "Teammate B", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "review-for-team.json", NULL);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autofree char *sql = g_strdup_printf ("SELECT max(week) FROM reviews WHERE week < '%s'", week);
  /* the sample team skips a week now and then: the last one it held */
  g_autofree char *last_week = g_strstrip (cl_test_sql_text (cl_store_get_path (store), sql));
  g_autofree char *name = g_strdup_printf ("pipeline-review-%s.closeloop.json", week);
  g_autofree char *own = NULL, *published = NULL;
  g_autofree char *mate_before = NULL, *mate_after = NULL;
  LibraryWait wait = { store, "Teammate B", 1 };
  ClPreferencesWindow *preferences;
  g_autoptr (AdwToast) before = NULL;

  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
  /* one's own subfolder: one's name and the workspace's id */
  own = cl_team_folder_own_person (store, NULL);
  g_assert_true (g_str_has_prefix (own, "GUI Tester ("));
  published = g_build_filename (folder, own, name, NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  publish_as_teammate (store, folder, "2026-Q3");
  g_assert_null (cl_window_get_team_folder_watch (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "preferences", NULL);
  preferences = cl_test_find_toplevel (CL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_false (cl_preferences_window_set_team_folder (preferences, "relative/nowhere"));
  g_assert_null (cl_window_get_team_folder_watch (window));
  g_assert_true (cl_preferences_window_set_team_folder (preferences, folder));
  /* the window reads which folder to watch in a worker */
  cl_test_wait_until (watching, window, "the team folder watched");
  cl_test_wait_until (library_holds, &wait, "the teammate's summary already in the folder");

  /* one that arrives while the window is open */
  wait.count = 2;
  publish_as_teammate (store, folder, "2026-Q4");
  cl_test_wait_until (library_holds, &wait, "the teammate's summary arriving");
  wait.count = 3;
  publish_as_teammate (store, folder, last_week);
  cl_test_wait_until (library_holds, &wait, "the teammate's review arriving");
  cl_window_show_view (window, "library");
  cl_test_wait_until (page_loaded, cl_window_get_view (window, "library"), "the team library");
  check_library_opens (window);

  /* the review exported from the menu is published too, in one's own subfolder */
  mate_before = cl_test_sql_text (cl_store_get_path (store), "SELECT group_concat(digest) FROM library");
  before = cl_test_ref_last_toast (window);
  g_assert_true (cl_window_export_review (window, exported));
  /* built and written in a worker thread: the window says so once done */
  g_assert_true (cl_window_get_last_toast (window) == before);
  g_assert_true (g_str_has_suffix (cl_test_wait_for_toast (window, before), " and published in the team folder"));
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (published, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr (GDir) dir = g_dir_open (mate_folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 3);
  }
  /* one's own publication is not read back as a teammate's */
  {
    gboolean synced = FALSE;
    ClTeamFolderWatch *watch = cl_window_get_team_folder_watch (window);
    gulong handler = g_signal_connect_swapped (watch, "synced", G_CALLBACK (set_flag), &synced);

    cl_team_folder_watch_sync (watch);
    cl_test_wait_until (flag_is_set, &synced, "a sync after one's own export");
    g_signal_handler_disconnect (watch, handler);
  }
  mate_after = cl_test_sql_text (cl_store_get_path (store), "SELECT group_concat(digest) FROM library");
  g_assert_cmpstr (mate_after, ==, mate_before);

  /* back to the window from the preferences: the folder is looked at
   * again, though nothing in it changed (in the Flatpak sandbox the document
   * portal sends no change events; here GIO's monitor would hear a new file
   * itself, so what is checked is the look on coming back) */
  {
    gboolean synced = FALSE, quiet = FALSE;
    ClTeamFolderWatch *watch = cl_window_get_team_folder_watch (window);
    gulong handler;

    handler = g_signal_connect_swapped (watch, "synced", G_CALLBACK (set_flag), &synced);
    gtk_window_present (GTK_WINDOW (preferences));
    cl_test_wait_until (window_inactive, window, "the preferences in front");
    /* what the export's own files set off is over */
    g_timeout_add_once (1500, (GSourceOnceFunc) set_flag, &quiet);
    cl_test_wait_until (flag_is_set, &quiet, "the team folder quiet");
    synced = FALSE;
    gtk_window_present (GTK_WINDOW (window));
    /* on a loaded machine the window may take a while to be in front */
    cl_test_wait_until (window_active, window, "the window in front again");
    cl_test_wait_until (flag_is_set, &synced, "a sync on coming back to the window");
    g_signal_handler_disconnect (watch, handler);
  }

  g_assert_true (cl_preferences_window_set_team_folder (preferences, NULL));
  cl_test_preferences_settled (preferences);
  g_assert_null (cl_window_get_team_folder_watch (window));
  gtk_window_close (GTK_WINDOW (preferences));
}

/* The application's own windows: the help overlay builds, the about
 * window opens. */
static void
check_app_windows (ClWindow *window)
{
  g_autoptr (GtkBuilder) builder = NULL;

  builder = gtk_builder_new_from_resource ("/io/github/closeloop/Closeloop/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window))), "about",
                                  NULL);
  cl_test_wait_until (about_open, NULL, "the about window");
}

/* From a file that is no workspace, to a new empty one, to the sample team
 * with every view, backed up and restored. */
static void
check_open_and_restore (ClWindow *window)
{
  check_bad_file_untouched (window);
  check_empty_then_sample (window);
  check_every_view (window);
  check_backup (window);
}

/* The size the window closes at is the size it opens at next time. */
static void
check_size_kept (ClWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
}

/* Notes when @clock last laid a frame out. */
static void
on_layout (GdkFrameClock *clock,
           gint64        *last_layout)
{
  *last_layout = g_get_monotonic_time ();
}

/* A second has gone by without a frame laid out. */
static gboolean
laid_out_nothing_for_a_second (gpointer last_layout)
{
  g_usleep (10000);
  return g_get_monotonic_time () - *(gint64 *) last_layout >= G_USEC_PER_SEC;
}

/* Whether any spinner at or below @widget spins where it is not shown. */
static gboolean
spins_unseen (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)) && !gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (spins_unseen (child))
      return TRUE;
  return FALSE;
}

/* Whether @loading's spinner turns. */
static gboolean
turns (GtkWidget *loading)
{
  return gtk_spinner_get_spinning (GTK_SPINNER (cl_test_find_descendant (loading, GTK_TYPE_SPINNER)));
}

/* A loading spinner turns while its stack's page shows, and while it is
 * not hidden, and only then. */
static void
check_loading_spinner (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *loading = g_object_new (CL_TYPE_LOADING_SPINNER, NULL);

  gtk_stack_add_named (GTK_STACK (stack), loading, "loading");
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Read"), "read");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  g_assert_false (turns (loading));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (turns (loading));
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "read");
  g_assert_false (turns (loading));
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "loading");
  g_assert_true (turns (loading));
  gtk_widget_set_visible (loading, FALSE);
  g_assert_false (turns (loading));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Once every view was built and read, a window left alone lays nothing
 * out: no spinner turns where it is not shown (a turning spinner, even in
 * a hidden page, had the whole window measured again at every frame). */
static void
check_idle (ClWindow *window)
{
  static const char * const views[] = { "month", "pipeline", "coaching", "development", "retros", "library",
                                        "teams", "overview" };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 last_layout;

  check_loading_spinner ();
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      cl_window_show_view (window, views[i]);
      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
    }
  cl_test_wait_until ((ClTestCheck) cl_overview_page_is_health_loaded, cl_window_get_view (window, "overview"),
                      "the overview's figures");
  last_layout = g_get_monotonic_time ();
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &last_layout);
  cl_test_wait_until (laid_out_nothing_for_a_second, &last_layout, "a second without a frame laid out");
  g_signal_handlers_disconnect_by_func (clock, on_layout, &last_layout);
  g_assert_false (spins_unseen (GTK_WIDGET (window)));
}

typedef void (*WindowCheck) (ClWindow *window);

typedef struct
{
  const char  *path;
  WindowCheck  check;
} WindowTest;

typedef struct
{
  const WindowTest *test;
  ClWindow         *window;
} WindowRun;

static void
on_activate (GApplication *app,
             WindowRun    *run)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (window);
  cl_test_wait_until (cl_test_shows_views, window, "the team workspace");
  run->test->check (window);
  run->window = g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
}

/* One feature, on a sample team of its own, in a window that is gone once
 * the test ends. */
static void
run_window_test (gconstpointer data)
{
  WindowRun run = { .test = data };
  g_autofree char *name = g_strdelimit (g_strdup_printf ("%s.db", run.test->path + 1), "/", '-');
  g_autofree char *team = make_team (name);

  cl_test_run_window (team, G_CALLBACK (on_activate), &run);
  cl_test_finalize_window (run.window);
}

static const WindowTest window_tests[] = {
  { "/gui/views", check_every_view },
  { "/gui/app-windows", check_app_windows },
  { "/gui/review", check_review },
  { "/gui/coaching", check_coaching },
  { "/gui/action-load", check_action_load },
  { "/gui/loop-health", check_loop_health },
  { "/gui/retro", check_retro },
  { "/gui/development", check_development },
  { "/gui/import", check_import },
  { "/gui/preferences", check_preferences },
  { "/gui/team-folder", check_team_folder },
  { "/gui/narrow", check_narrow },
  { "/gui/open-and-restore", check_open_and_restore },
  { "/gui/idle", check_idle },
  { "/gui/size/kept", check_size_kept },
};

/* What the window showed as its first frame was painted. */
typedef struct
{
  ClWindow *window;
  char     *state;
  gboolean  had_store;
  gboolean  had_pipeline;
  gboolean  had_shortcuts;
} FirstFrame;

static gboolean
holds_widget_of_type (GtkWidget *widget,
                      GType      type)
{
  return cl_test_find_descendant (widget, type) != NULL;
}

static void
on_first_paint (GdkFrameClock *clock,
                FirstFrame    *first)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, first);
  first->state = g_strdup (cl_window_get_state (first->window));
  first->had_store = cl_window_get_store (first->window) != NULL;
  first->had_pipeline = holds_widget_of_type (GTK_WIDGET (first->window), CL_TYPE_PIPELINE_PAGE);
  first->had_shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (first->window)) != NULL;
}

static gboolean
first_painted (gpointer data)
{
  return ((FirstFrame *) data)->state != NULL;
}

static void
on_activate_first_frame (GApplication *app,
                         FirstFrame   *first)
{
  ClOverviewPage *overview;
  g_auto (GStrv) help_accels = NULL;
  GtkWidget *shortcuts;

  first->window = g_object_ref (CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  overview = CL_OVERVIEW_PAGE (cl_window_get_view (first->window, "overview"));
  /* "paint" is where the frame is drawn, before the window's after-paint */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (first->window)), "paint",
                    G_CALLBACK (on_first_paint), first);
  cl_test_wait_until (first_painted, first, "the first frame");
  g_assert_cmpstr (first->state, ==, "loading");
  g_assert_false (first->had_store);
  /* built after it: a view not shown (the Overview was asked for), the
   * shortcuts window */
  g_assert_false (first->had_pipeline);
  g_assert_false (first->had_shortcuts);
  cl_test_wait_until (cl_test_shows_views, first->window, "the team workspace");
  g_assert_true (cl_overview_page_is_health_loaded (overview));
  g_assert_cmpuint (cl_overview_page_get_n_people (overview), >, 0);
  g_assert_cmpuint (cl_overview_page_get_n_listed (overview), ==, cl_overview_page_get_n_people (overview));
  /* the shortcuts window is built the first time it is asked for */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (first->window)));
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");
  g_action_group_activate_action (G_ACTION_GROUP (first->window), "show-help-overlay", NULL);
  shortcuts = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (first->window)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  g_assert_true (gtk_widget_get_visible (shortcuts));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (first->window));
  /* closed, it hides, and opens again the same */
  gtk_window_close (GTK_WINDOW (shortcuts));
  g_assert_false (gtk_widget_get_visible (shortcuts));
  g_action_group_activate_action (G_ACTION_GROUP (first->window), "show-help-overlay", NULL);
  g_assert_true (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (first->window)))
                 == shortcuts);
  g_assert_true (gtk_widget_get_visible (shortcuts));
  gtk_window_close (GTK_WINDOW (shortcuts));
  /* the Pipeline is built as it is first shown */
  g_assert_false (holds_widget_of_type (GTK_WIDGET (first->window), CL_TYPE_PIPELINE_PAGE));
  cl_window_show_view (first->window, "pipeline");
  g_assert_true (holds_widget_of_type (GTK_WIDGET (first->window), CL_TYPE_PIPELINE_PAGE));
  gtk_window_close (GTK_WINDOW (first->window));
}

/* The first frame shows the window loading, the workspace not yet opened:
 * it is opened, migrated and read in a worker thread, and nothing of it is
 * read on the main thread before that frame. Nor are the views built
 * before it. The views then open on the Overview with its figures; the
 * others are built as they are shown, and the shortcuts window as it is
 * first asked for. */
static void
test_first_frame (void)
{
  g_autofree char *team = make_team ("first-frame.db");
  FirstFrame first = { 0 };

  cl_test_run_window (team, G_CALLBACK (on_activate_first_frame), &first);
  cl_test_finalize_window (first.window);
  g_free (first.state);
}

/* Whether the Overview says it is reading its figures: its spinner is
 * shown (it turns while the Overview is on screen). */
static gboolean
overview_spins (ClOverviewPage *overview)
{
  GtkWidget *spinner = cl_test_find_descendant (GTK_WIDGET (overview), CL_TYPE_LOADING_SPINNER);

  return spinner != NULL && gtk_widget_get_visible (spinner);
}

static gboolean
overview_loaded (gpointer overview)
{
  return cl_overview_page_is_health_loaded (overview);
}

/* Whether the team's views show, and if so whether the Overview had its
 * figures when they did: read at every turn of the main loop. */
typedef struct
{
  ClWindow *window;
  gboolean  shown;
  gboolean  overview_had_figures;
  gboolean  overview_spun;       /* its spinner said it was reading them */
} ViewsShown;

static gboolean
views_shown (gpointer data)
{
  ViewsShown *seen = data;

  if (!seen->shown && cl_test_shows_views (seen->window))
    {
      ClOverviewPage *overview = CL_OVERVIEW_PAGE (cl_window_get_view (seen->window, "overview"));

      seen->shown = TRUE;
      seen->overview_had_figures = cl_overview_page_is_health_loaded (overview);
      seen->overview_spun = overview_spins (overview);
    }
  return seen->shown;
}

static void
on_activate_other_view (GApplication *app,
                        ViewsShown   *seen)
{
  ClPipelinePage *page;
  ClOverviewPage *overview;
  GtkWidget *stack;

  seen->window = g_object_ref (CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  g_assert_cmpstr (cl_window_get_state (seen->window), ==, "loading");
  cl_window_show_view (seen->window, "pipeline");
  cl_test_wait_until (views_shown, seen, "the team's views");
  g_assert_false (seen->overview_had_figures);
  /* shown before it has them, it says it is reading them */
  g_assert_true (seen->overview_spun);
  page = CL_PIPELINE_PAGE (cl_window_get_view (seen->window, "pipeline"));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline");
  overview = CL_OVERVIEW_PAGE (cl_window_get_view (seen->window, "overview"));
  cl_test_wait_until (overview_loaded, overview, "the Overview's figures");
  g_assert_false (overview_spins (overview));
  gtk_window_close (GTK_WINDOW (seen->window));
}

/* A view other than the Overview, asked for as the window opens, shows
 * once the workspace is read, without waiting for the Overview's figures:
 * it reads its own beside them. */
static void
test_other_view_first (void)
{
  g_autofree char *team = make_team ("other-view-first.db");
  ViewsShown seen = { 0 };

  cl_test_run_window (team, G_CALLBACK (on_activate_other_view), &seen);
  cl_test_finalize_window (seen.window);
}

static void
test_size_remembered (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-XXXXXX", NULL);
  /* the sample team goes to the data directory: keep it in the test's own */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (window_tests); i++)
    g_test_add_data_func (window_tests[i].path, &window_tests[i], run_window_test);
  g_test_add_func ("/gui/first-frame", test_first_frame);
  g_test_add_func ("/gui/other-view-first", test_other_view_first);
  /* after /gui/size/kept, in the order added */
  g_test_add_func ("/gui/size/remembered", test_size_remembered);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
