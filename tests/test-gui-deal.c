/* test-gui-deal.c — the deal page: opened from the pipeline by Enter on a
 * row, from a move, a rep's 1:1, the retrospective's deals that died and
 * the weekly review's key; its flags in sentences, its history, a next
 * step edited and kept as a dated event, a contact added (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-application.h"
#include "cl-deal-window.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-rep-window.h"
#include "cl-retro-page.h"
#include "cl-review-window.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;

/* Enter on the widget that has the keyboard focus: a list's row binds
 * Return to its activate signal ("activate-keybinding"). */
static void
press_enter (GtkWidget *focus)
{
  g_assert_nonnull (focus);
  g_assert_cmpuint (g_signal_lookup ("activate-keybinding", G_OBJECT_TYPE (focus)), !=, 0);
  g_assert_true (gtk_widget_activate (focus));
}

static gboolean
deal_read (gpointer window)
{
  return cl_deal_window_get_brief (window) != NULL;
}

typedef struct
{
  ClDealWindow *window;
  guint         n_reads;
} Reread;

static gboolean
deal_read_again (gpointer data)
{
  Reread *reread = data;

  return cl_deal_window_get_n_reads (reread->window) > reread->n_reads;
}

static gboolean
deal_window_open (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_DEAL_WINDOW) != NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static const char *
row_title (GtkListBox *list,
           guint       index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, index)));
}

static char *
sql (ClWindow   *window,
     const char *query)
{
  return g_strchomp (cl_test_sql_text (cl_store_get_path (cl_window_get_store (window)), query));
}

/* Closes @window, the last reference to it gone with it. */
static void
close_finalized (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/* Each flag raised shows as its whole sentence, most severe first. */
static void
check_flags (ClDealWindow *window)
{
  const ClDealBrief *brief = cl_deal_window_get_brief (window);
  GtkListBox *flags = cl_deal_window_get_list (window, "flags");
  guint shown = 0;

  g_assert_true (brief->flags & (1u << CL_FLAG_STALLED));
  g_assert_cmpuint (n_rows (flags), ==, __builtin_popcount (brief->flags));
  for (guint i = 0; i < CL_N_FLAGS; i++)
    if (brief->flags & (1u << cl_flags_by_severity[i]))
      {
        const char *sentence = brief->flag_sentences[cl_flags_by_severity[i]];

        g_assert_nonnull (sentence);
        g_assert_cmpstr (row_title (flags, shown), ==, sentence);
        shown++;
      }
  g_assert_cmpuint (shown, ==, n_rows (flags));
}

/* The history: every event of the deal, its reviews, sessions and calls,
 * newest first, as rows. */
static void
check_timeline (ClWindow     *main_window,
                ClDealWindow *window)
{
  const ClDealBrief *brief = cl_deal_window_get_brief (window);
  GtkListBox *timeline = cl_deal_window_get_list (window, "timeline");
  g_autofree char *query = g_strdup_printf ("SELECT (SELECT count(*) FROM deal_events WHERE deal_id = %1$" G_GINT64_FORMAT ")"
                                            " + (SELECT count(*) FROM review_decisions WHERE deal_id = %1$" G_GINT64_FORMAT ")"
                                            " + (SELECT count(*) FROM coaching_sessions WHERE deal_id = %1$" G_GINT64_FORMAT ")"
                                            " + (SELECT count(*) FROM calls WHERE deal_id = %1$" G_GINT64_FORMAT ")",
                                            brief->deal->id);
  g_autofree char *expected = sql (main_window, query);
  guint n = g_list_model_get_n_items (brief->timeline);
  g_autoptr (ClTimelineEntry) oldest = NULL;

  g_assert_cmpuint (n, ==, g_ascii_strtoull (expected, NULL, 10));
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (n_rows (timeline), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClTimelineEntry) entry = g_list_model_get_item (brief->timeline, i);

      g_assert_cmpstr (row_title (timeline, i), ==, entry->text);
      if (i > 0)
        {
          g_autoptr (ClTimelineEntry) newer = g_list_model_get_item (brief->timeline, i - 1);

          g_assert_cmpint (newer->on, >=, entry->on);
        }
    }
  oldest = g_list_model_get_item (brief->timeline, n - 1);
  g_assert_cmpint (oldest->on, ==, brief->deal->created_on);
}

/* A next step typed and saved is the deal's, and an event of today's. */
static void
check_next_step_edit (ClWindow     *main_window,
                      ClDealWindow *window)
{
  gint64 id = cl_deal_window_get_deal_id (window);
  Reread reread = { window, cl_deal_window_get_n_reads (window) };
  g_autofree char *today = cl_date_format (cl_date_today ());
  g_autofree char *query = NULL, *events = NULL, *due = NULL;
  const ClDealBrief *brief;

  cl_deal_window_edit_next_step (window, "Zq call the CFO", "2030-01-15");
  cl_test_wait_until (deal_read_again, &reread, "the deal read again after the edit");
  query = g_strdup_printf ("SELECT count(*) FROM deal_events WHERE deal_id = %" G_GINT64_FORMAT
                           " AND occurred_on = '%s' AND ((field = 'next_step' AND new_value = 'Zq call the CFO')"
                           " OR (field = 'next_step_due' AND new_value = '2030-01-15'))", id, today);
  events = sql (main_window, query);
  g_assert_cmpstr (events, ==, "2");
  g_free (query);
  query = g_strdup_printf ("SELECT next_step || ' ' || next_step_due FROM deals WHERE id = %" G_GINT64_FORMAT, id);
  due = sql (main_window, query);
  g_assert_cmpstr (due, ==, "Zq call the CFO 2030-01-15");

  /* read again: no longer overdue nor missing, and the history says so first */
  brief = cl_deal_window_get_brief (window);
  g_assert_false (brief->flags & (1u << CL_FLAG_NO_NEXT_STEP | 1u << CL_FLAG_NEXT_STEP_OVERDUE));
  g_assert_nonnull (strstr (row_title (cl_deal_window_get_list (window, "timeline"), 1), "Zq call the CFO"));

  /* a day that is not one is refused, and nothing is written */
  reread.n_reads = cl_deal_window_get_n_reads (window);
  cl_deal_window_edit_next_step (window, "Zq later", "next week");
  g_free (events);
  events = sql (main_window, "SELECT count(*) FROM deals WHERE next_step = 'Zq later'");
  g_assert_cmpstr (events, ==, "0");
}

/* A contact added by name in the last row shows as it was typed, markup
 * and all, and the keyboard stays in that row for the next one. */
static void
check_add_contact (ClWindow     *main_window,
                   ClDealWindow *window)
{
  static const char name[] = "Zq <b>Dana</b> & Ruiz";
  GtkListBox *contacts = cl_deal_window_get_list (window, "contacts");
  guint n = n_rows (contacts);
  GtkListBoxRow *add = gtk_list_box_get_row_at_index (contacts, n - 1);
  Reread reread = { window, cl_deal_window_get_n_reads (window) };
  g_autofree char *query = NULL, *kept = NULL;

  g_assert_true (ADW_IS_ENTRY_ROW (add));
  gtk_widget_grab_focus (GTK_WIDGET (add));
  gtk_editable_set_text (GTK_EDITABLE (add), name);
  g_signal_emit_by_name (add, "apply");
  cl_test_wait_until (deal_read_again, &reread, "the deal read again after the contact");
  g_assert_cmpuint (n_rows (contacts), ==, n + 1);
  g_assert_cmpstr (row_title (contacts, n - 1), ==, name);
  query = g_strdup_printf ("SELECT count(*) FROM contacts WHERE deal_id = %" G_GINT64_FORMAT " AND name = '%s'",
                           cl_deal_window_get_deal_id (window), name);
  kept = sql (main_window, query);
  g_assert_cmpstr (kept, ==, "1");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (gtk_list_box_get_row_at_index (contacts, n))));
}

/* The list of what moved, its section shown: not the column view's own
 * list, nor a drop-down's, nor the narrow window's list of deals. */
static GtkWidget *
find_moves_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) || GTK_IS_DROP_DOWN (widget) || !gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_moves_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The newest move, activated as Enter on its row does (the list's
 * list.activate-item), opens that move's deal. */
static void
check_from_moves (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  GtkWidget *moves;
  g_autofree char *line = NULL;
  ClDealWindow *deal;

  cl_pipeline_page_show_section (page, "moved");
  cl_test_wait_until (cl_test_moves_read, page, "what moved");
  if (cl_pipeline_page_get_n_moves (page) == 0)
    {
      g_test_message ("nothing moved since the last review: no move to open");
      cl_pipeline_page_show_section (page, "deals");
      return;
    }
  moves = find_moves_view (GTK_WIDGET (page));
  g_assert_nonnull (moves);
  /* the newest move's line, as its row says it */
  line = g_strdup (gtk_label_get_text (GTK_LABEL (cl_test_find_descendant (moves, GTK_TYPE_LABEL))));
  g_assert_true (gtk_widget_activate_action (moves, "list.activate-item", "u", 0));
  cl_test_wait_until (deal_window_open, NULL, "the deal page from a move");
  deal = cl_test_find_toplevel (CL_TYPE_DEAL_WINDOW);
  cl_test_wait_until (deal_read, deal, "the deal that moved");
  g_assert_nonnull (strstr (line, cl_deal_window_get_brief (deal)->deal->name));
  close_finalized (deal);
  cl_pipeline_page_show_section (page, "deals");
}

/* The first row under @widget that names the deal it opens. */
static GtkWidget *
find_deal_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "deal-id") != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_deal_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* @row activated (Enter) opens the page of its deal. */
static void
check_row_opens_deal (GtkWidget  *row,
                      const char *what)
{
  gint64 deal_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "deal-id");
  ClDealWindow *deal;

  g_assert_true (gtk_widget_activate (row));
  cl_test_wait_until (deal_window_open, NULL, what);
  deal = cl_test_find_toplevel (CL_TYPE_DEAL_WINDOW);
  g_assert_cmpint (cl_deal_window_get_deal_id (deal), ==, deal_id);
  cl_test_wait_until (deal_read, deal, what);
  close_finalized (deal);
}

static gboolean
rep_loaded (gpointer window)
{
  return cl_rep_window_is_loaded (window);
}

static gboolean
retro_loaded (gpointer page)
{
  return cl_retro_page_is_loaded (page);
}

/* A deal of a rep's 1:1 page, and one of the deals that died in the
 * retrospective, open on their pages. */
static void
check_from_rep_and_retro (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  g_autofree char *rep_id = sql (window, "SELECT owner_id FROM deals WHERE status = 'open' LIMIT 1");
  ClRepWindow *rep = cl_rep_window_new (GTK_WINDOW (window), cl_store_get_path (store), g_ascii_strtoll (rep_id, NULL, 10));
  ClRetroPage *retro = CL_RETRO_PAGE (cl_window_get_view (window, "retros"));
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (rep));
  cl_test_wait_until (rep_loaded, rep, "the rep's 1:1 page");
  g_assert_cmpuint (cl_rep_window_get_n_deals (rep), >, 0);
  row = find_deal_row (GTK_WIDGET (rep));
  g_assert_nonnull (row);
  check_row_opens_deal (row, "the deal page from the 1:1");
  gtk_window_destroy (GTK_WINDOW (rep));

  cl_window_show_view (window, "retros");
  cl_test_wait_until (retro_loaded, retro, "the retrospective");
  row = find_deal_row (GTK_WIDGET (retro));
  if (row == NULL)
    {
      /* the quarter has only begun: the one before */
      g_autofree char *previous = cl_date_quarter (cl_date_today () - 92);

      g_assert_true (cl_retro_page_show_quarter (retro, previous));
      cl_test_wait_until (retro_loaded, retro, "the previous quarter's retrospective");
      row = find_deal_row (GTK_WIDGET (retro));
    }
  if (row == NULL)
    g_test_message ("no deal died this quarter: none to open");
  else
    check_row_opens_deal (row, "the deal page from where deals died");
  cl_window_show_view (window, "pipeline");
}

/* The weekly review opens the deal under review with its key, O. */
static void
check_from_review (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  ClReviewWindow *review;
  ClDealWindow *deal;

  /* the page closed made the pipeline look again */
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline inspected again");
  review = cl_test_start_review (window);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.open-deal", NULL);
  cl_test_wait_until (deal_window_open, NULL, "the deal page from the review");
  deal = cl_test_find_toplevel (CL_TYPE_DEAL_WINDOW);
  cl_test_wait_until (deal_read, deal, "the deal under review");
  g_assert_cmpstr (cl_deal_window_get_brief (deal)->deal->name, ==, cl_review_window_get_deal_name (review));
  close_finalized (deal);
  /* the review window is the main window's; it is not this test's to finalize */
  gtk_window_destroy (GTK_WINDOW (review));
}

static void
on_activate (GApplication *app)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  GtkWidget *column_view = cl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  ClPipelineItem *first;
  ClDealWindow *deal;

  cl_test_wait_until (cl_test_shows_views, window, "the team workspace");
  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline");
  /* the stalled deals only: the first row is one */
  cl_pipeline_page_set_filter (page, 0, 0, 1 + CL_FLAG_STALLED, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the flag filter");
  first = cl_pipeline_page_get_shown_deal (page, 0);
  g_assert_nonnull (first);

  g_assert_true (gtk_widget_grab_focus (column_view));
  press_enter (gtk_root_get_focus (GTK_ROOT (window)));
  cl_test_wait_until (deal_window_open, NULL, "the deal page");
  deal = cl_test_find_toplevel (CL_TYPE_DEAL_WINDOW);
  g_assert_cmpint (cl_deal_window_get_deal_id (deal), ==, first->facts->deal->id);
  cl_test_wait_until (deal_read, deal, "the deal read");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (deal)), ==, first->facts->deal->name);

  check_flags (deal);
  check_timeline (window, deal);
  check_next_step_edit (window, deal);
  check_add_contact (window, deal);

  /* the same deal again raises its page, not a second one */
  cl_application_open_deal (first->facts->deal->id);
  g_assert_true (cl_test_find_toplevel (CL_TYPE_DEAL_WINDOW) == deal);
  close_finalized (deal);

  check_from_moves (window);
  check_from_rep_and_retro (window);
  check_from_review (window);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_deal_page (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "team.db", NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 200;
  /* written up to this Monday: the week's review is the test's to hold */
  options.today = cl_date_today () - (cl_date_weekday (cl_date_today ()) - 1);
  cl_test_write_team (path, &options);
  cl_test_run_window (path, G_CALLBACK (on_activate), NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-deal-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_add_func ("/gui/deal-page", test_deal_page);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
