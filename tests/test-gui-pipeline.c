/* test-gui-pipeline.c — the Pipeline and the Overview as a team reads
 * them: amounts per currency, a sort that starts at the top, the Moved tab
 * under the filters, two-line rows on a narrow window, loop rows that open
 * their views, a team card that counts the people listed, and searches
 * that find "Chloé" when "chloe" is typed (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cl-application.h"
#include "cl-cell-text.h"
#include "cl-deal-coaching-window.h"
#include "cl-list-page.h"
#include "cl-moves.h"
#include "cl-overview-page.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-text.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;
static char *team_path;
static char *accents_path;   /* the sample team, its reps and a deal named "Chloé …" */

/* The window a test made, kept to see it finalized once the app is done. */
static ClWindow *made;

typedef void (*Check) (ClWindow *window);

static void
on_activate (GApplication *app,
             Check         check)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (window);
  made = g_object_ref (window);
  cl_test_wait_until (cl_test_shows_views, window, "the team workspace");
  check (window);
  gtk_window_close (GTK_WINDOW (window));
}

/* Runs @check on the workspace at @path in a window @width pixels wide,
 * then sees the window go. */
static void
run_on (const char *path,
        int         width,
        Check       check)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  cl_test_run_window (path, G_CALLBACK (on_activate), check);
  cl_test_finalize_window (g_steal_pointer (&made));
}

/* Runs @check on the sample team. */
static void
run_at_width (int   width,
              Check check)
{
  run_on (team_path, width, check);
}

static ClPipelinePage *
show_pipeline (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));

  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline");
  return page;
}

/* Lets the window lay itself out at its size. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* ------------------------------------------------------------------ totals */

/* The line under the deals adds up the deals shown, per currency: with the
 * owner filter, only theirs. */
static void
check_totals (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  GListModel *snapshot = cl_pipeline_page_get_snapshot (page);
  GListModel *owners = gtk_drop_down_get_model (cl_pipeline_page_get_owner_filter (page));
  const char *owner = gtk_string_list_get_string (GTK_STRING_LIST (owners), 1);
  ClCentsTotal eur = 0, usd = 0;
  guint n = 0;
  g_autofree char *eur_text = NULL, *usd_text = NULL, *count = NULL;
  const char *summary;

  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);
      ClDeal *deal = item->facts->deal;

      if (!g_str_equal (deal->owner_name, owner))
        continue;
      n++;
      if (g_str_equal (deal->currency, "USD"))
        usd += item->state.amount_cents;
      else
        eur += item->state.amount_cents;
    }
  g_assert_cmpint (usd, >, 0);
  g_assert_cmpint (eur, >, 0);

  cl_pipeline_page_set_filter (page, 1, 0, 0, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the owner filter");
  summary = cl_pipeline_page_get_summary (page);
  g_test_message ("%s: %s", owner, summary);
  count = g_strdup_printf ("%u of %u open deals", n, g_list_model_get_n_items (snapshot));
  eur_text = cl_money_format (eur, "EUR");
  usd_text = cl_money_format (usd, "USD");
  g_assert_true (g_str_has_prefix (summary, count));
  g_assert_nonnull (strstr (summary, eur_text));
  g_assert_nonnull (strstr (summary, usd_text));
  g_assert_nonnull (strstr (summary, " + "));

  /* nothing shown, nothing added up */
  cl_pipeline_page_set_filter (page, 0, 0, 0, "no deal is called this");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the text filter");
  g_assert_null (strstr (cl_pipeline_page_get_summary (page), "EUR"));
}

static void
test_totals_per_currency (void)
{
  run_at_width (1400, check_totals);
}

/* ------------------------------------------------------------------ sort */

/* Sorting by another column shows the new first rows, not the middle. */
static void
check_sort_to_top (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  GtkAdjustment *adjustment;
  g_autofree char *first = NULL;
  GListModel *snapshot = cl_pipeline_page_get_snapshot (page);
  const char *smallest = NULL;

  settle ();
  g_assert_false (cl_pipeline_page_is_narrow (page));
  adjustment = cl_pipeline_page_get_deals_adjustment (page);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  cl_pipeline_page_sort_by (page, 0, GTK_SORT_ASCENDING);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "sorting by deal");
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      if (smallest == NULL || g_strcmp0 (item->facts->deal->name, smallest) < 0)
        smallest = item->facts->deal->name;
    }
  first = cl_pipeline_page_get_cell_text (page, 0, 0);
  g_assert_cmpstr (first, ==, smallest);

  /* and again, from the middle, the other way */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  settle ();
  cl_pipeline_page_sort_by (page, 7, GTK_SORT_DESCENDING);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "sorting by days in stage");
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static void
test_sort_back_to_top (void)
{
  run_at_width (1400, check_sort_to_top);
}

/* ------------------------------------------------------------------ typing */

/* What the filters should leave of @snapshot: the deals of the owner at
 * @owner_id (0: all), with the flag @flag (0: any), whose name or account
 * holds @text folded. */
static GHashTable *
expected_deals (GListModel *snapshot,
                gint64      owner_id,
                guint       flag,
                const char *text)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *needle = text && *text ? cl_text_fold (text) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      if ((owner_id == 0 || item->facts->deal->owner_id == owner_id)
          && (flag == 0 || (item->flags & (1u << (flag - 1))))
          && (needle == NULL || cl_pipeline_item_matches_text (item, needle)))
        g_hash_table_add (ids, g_memdup2 (&item->facts->deal->id, sizeof (gint64)));
    }
  return ids;
}

/* The deals shown are those expected, largest first, at once: no main
 * loop ran since the filter changed. */
static void
assert_shown (ClPipelinePage *page,
              GHashTable     *expected,
              const char     *step)
{
  guint n = cl_pipeline_page_get_n_shown (page);
  gint64 previous = G_MAXINT64;

  g_test_message ("%s: %u deals shown", step, n);
  g_assert_cmpuint (n, ==, g_hash_table_size (expected));
  for (guint i = 0; i < n; i++)
    {
      ClPipelineItem *item = cl_pipeline_page_get_shown_deal (page, i);
      g_autofree char *amount = cl_pipeline_page_get_cell_text (page, i, 4);
      g_autofree char *expected_amount = cl_money_format (item->state.amount_cents, item->facts->deal->currency);

      g_assert_true (g_hash_table_contains (expected, &item->facts->deal->id));
      g_assert_cmpint (item->state.amount_cents, <=, previous);
      g_assert_cmpstr (amount, ==, expected_amount);
      previous = item->state.amount_cents;
    }
  g_assert_null (cl_pipeline_page_get_shown_deal (page, n));
  g_hash_table_unref (expected);
}

/* The cell at @column of the first row the table draws. */
static GtkWidget *
first_row_cell (ClPipelinePage *page,
                guint           column)
{
  GtkWidget *widget;

  for (widget = gtk_widget_get_first_child (GTK_WIDGET (page)); widget != NULL && !GTK_IS_COLUMN_VIEW (widget);)
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      /* depth first, to the column view */
      while (next == NULL && widget != GTK_WIDGET (page))
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }
  g_assert_nonnull (widget);
  for (widget = gtk_widget_get_first_child (widget); !GTK_IS_LIST_VIEW (widget);
       widget = gtk_widget_get_next_sibling (widget))
    ;
  /* the list's first row, its cell, the text in it */
  widget = gtk_widget_get_first_child (gtk_widget_get_first_child (widget));
  for (guint i = 0; i < column; i++)
    widget = gtk_widget_get_next_sibling (widget);
  widget = gtk_widget_get_first_child (widget);
  g_assert_true (CL_IS_CELL_TEXT (widget));
  return widget;
}

/* The text of the first cell the table draws: a row kept while its deal
 * changes must say the new one. */
static const char *
first_cell_drawn (ClPipelinePage *page)
{
  return cl_cell_text_get_text (CL_CELL_TEXT (first_row_cell (page, 0)));
}

static int
natural_width (GtkWidget *cell)
{
  int natural;

  /* asked again, as after a resize */
  gtk_widget_queue_resize (cell);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The cells of a column ask for the width of the widest text any of them
 * held: a sort or a filter that gives the rows shorter deals leaves the
 * columns where they stand (and the table is not measured again). */
static void
test_cells_share_widest (void)
{
  ClCellColumn *column = cl_cell_column_new ();
  GtkWidget *short_cell, *long_cell, *new_cell;
  int narrow, wide;

  gtk_init ();
  short_cell = g_object_ref_sink (cl_cell_text_new (FALSE, -1, -1, column));
  long_cell = g_object_ref_sink (cl_cell_text_new (FALSE, -1, -1, column));
  cl_cell_text_set_text (CL_CELL_TEXT (short_cell), "Acme");
  narrow = natural_width (short_cell);
  cl_cell_text_set_text (CL_CELL_TEXT (long_cell), "Northwind Traders of the Far North");
  wide = natural_width (long_cell);
  g_assert_cmpint (wide, >, narrow);
  g_assert_cmpint (natural_width (short_cell), ==, wide);
  cl_cell_text_set_text (CL_CELL_TEXT (long_cell), "Initech");
  g_assert_cmpint (natural_width (long_cell), ==, wide);
  new_cell = g_object_ref_sink (cl_cell_text_new (FALSE, -1, -1, column));
  g_assert_cmpint (natural_width (new_cell), ==, wide);
  /* a column started again (another workspace, a reload) is as wide as
   * the texts its cells are given from then on, the same as they held too */
  cl_cell_column_reset (column);
  cl_cell_text_set_text (CL_CELL_TEXT (short_cell), "Acme");
  g_assert_cmpint (natural_width (short_cell), ==, narrow);
  cl_cell_text_set_text (CL_CELL_TEXT (long_cell), "Northwind Traders of the Far North");
  g_assert_cmpint (natural_width (short_cell), ==, wide);
  cl_cell_column_reset (column);
  cl_cell_text_set_text (CL_CELL_TEXT (long_cell), "Northwind Traders of the Far North");
  g_assert_cmpint (natural_width (short_cell), ==, wide);
  /* a column of its own starts narrow */
  cl_cell_column_unref (column);
  column = cl_cell_column_new ();
  g_object_unref (new_cell);
  new_cell = g_object_ref_sink (cl_cell_text_new (FALSE, -1, -1, column));
  cl_cell_text_set_text (CL_CELL_TEXT (new_cell), "Acme");
  g_assert_cmpint (natural_width (new_cell), ==, narrow);
  cl_cell_column_unref (column);
  g_object_unref (new_cell);
  g_object_unref (short_cell);
  g_object_unref (long_cell);
}

/* A flagged deal's flags and risk say why when pointed at; others have no
 * tooltip to wait for. Sorted by flags, the first row is flagged, then,
 * the other way, not. */
static void
check_flag_tooltips (ClPipelinePage *page)
{
  enum { COLUMN_FLAGS = 8, COLUMN_RISK = 9 };

  for (int down = 1; down >= 0; down--)
    {
      ClPipelineItem *first;

      cl_pipeline_page_sort_by (page, COLUMN_FLAGS, down ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      settle ();
      first = cl_pipeline_page_get_shown_deal (page, 0);
      g_assert_cmpint (first->flags != 0, ==, down);
      g_assert_cmpint (gtk_widget_get_has_tooltip (first_row_cell (page, COLUMN_FLAGS)), ==, down);
      g_assert_cmpint (gtk_widget_get_has_tooltip (first_row_cell (page, COLUMN_RISK)), ==, down);
      g_assert_false (gtk_widget_get_has_tooltip (first_row_cell (page, 0)));
    }
  cl_pipeline_page_sort_by (page, 4, GTK_SORT_DESCENDING);
}

/* Typed letter by letter, erased, typed over, with an owner and a flag
 * chosen and dropped between: after each keystroke, before any frame,
 * the table shows exactly the deals the filters leave. */
static void
check_typing (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  GListModel *snapshot = cl_pipeline_page_get_snapshot (page);
  GtkEditable *entry = cl_pipeline_page_get_search_entry (page);
  g_autoptr (ClPipelineItem) first = g_list_model_get_item (snapshot, 0);
  g_autofree char *word = g_utf8_substring (first->facts->deal->account, 0, 5);
  guint flag = 1 + CL_FLAG_NEXT_STEP_OVERDUE;
  gint64 owner_id = first->facts->deal->owner_id;
  GListModel *owners = gtk_drop_down_get_model (cl_pipeline_page_get_owner_filter (page));
  guint owner = 0;

  /* the drop-down lists the owners by name */
  for (guint j = 1; j < g_list_model_get_n_items (owners); j++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (owners), j), first->facts->deal->owner_name))
      owner = j;
  g_assert_cmpuint (owner, >, 0);

  /* letter by letter, then back to two letters, then another third */
  for (int length = 1; length <= 5; length++)
    {
      g_autofree char *prefix = g_utf8_substring (word, 0, length);

      g_autofree char *first_name = NULL;

      gtk_editable_set_text (entry, prefix);
      assert_shown (page, expected_deals (snapshot, 0, 0, prefix), prefix);
      settle ();
      first_name = cl_pipeline_page_get_cell_text (page, 0, 0);
      g_assert_cmpstr (first_cell_drawn (page), ==, first_name);
    }
  {
    g_autofree char *two = g_utf8_substring (word, 0, 2);
    g_autofree char *other = g_strconcat (two, "q", NULL);

    gtk_editable_set_text (entry, two);
    assert_shown (page, expected_deals (snapshot, 0, 0, two), two);
    cl_pipeline_page_set_filter (page, owner, 0, 0, two);
    assert_shown (page, expected_deals (snapshot, owner_id, 0, two), "an owner chosen");
    cl_pipeline_page_set_filter (page, owner, 0, flag, other);
    assert_shown (page, expected_deals (snapshot, owner_id, flag, other), other);
    cl_pipeline_page_set_filter (page, 0, 0, flag, two);
    assert_shown (page, expected_deals (snapshot, 0, flag, two), "the owner dropped");
  }
  cl_pipeline_page_set_filter (page, 0, 0, 0, NULL);
  assert_shown (page, expected_deals (snapshot, 0, 0, NULL), "every filter dropped");
  check_flag_tooltips (page);
}

static void
test_typing (void)
{
  run_at_width (1400, check_typing);
}

/* ------------------------------------------------------------------ moved */

typedef struct
{
  gint64      owner_id;
  gint64      stage_id;
  const char *text;      /* case-folded */
} MoveFilter;

static guint
count_moves (GPtrArray        *moves,
             const MoveFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < moves->len; i++)
    {
      ClMove *move = g_ptr_array_index (moves, i);
      g_autofree char *both = g_strconcat (move->deal_name, "\n", move->account, NULL);
      g_autofree char *folded = cl_text_fold (both);

      n += (filter->owner_id == 0 || move->owner_id == filter->owner_id)
           && (filter->stage_id == 0 || cl_move_involves_stage (move, filter->stage_id))
           && (filter->text == NULL || strstr (folded, filter->text) != NULL);
    }
  return n;
}

/* The Moved tab lists only the moves of the owner, the stage and the text
 * chosen, as the core's moves say. */
static void
check_moved_filters (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  ClStore *store = cl_window_get_store (window);
  g_autoptr (ClProcess) process = cl_process_load (store, cl_date_today (), NULL);
  ClDay since = cl_store_moves_since (store, cl_date_today (), NULL);
  g_autoptr (GPtrArray) moves = cl_moves_load (store, process, since, cl_date_today (), NULL);
  g_autoptr (GListModel) reps = cl_store_list_reps (store, NULL);
  GListModel *owners;
  MoveFilter filter = { 0 };
  guint owner = 0, stage = 0, n;
  gint64 owner_id;

  cl_pipeline_page_show_section (page, "moved");
  /* a reload while what moved is read drops that read and reads again */
  g_assert_false (cl_pipeline_page_are_moves_read (page));
  cl_pipeline_page_reload (page);
  cl_test_wait_until (cl_test_moves_read, page, "what moved");
  /* the reload offers its own owners */
  owners = gtk_drop_down_get_model (cl_pipeline_page_get_owner_filter (page));
  g_assert_cmpuint (moves->len, >, 10);
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, moves->len);

  /* the owner of the first move, found in the drop-down by name */
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      if (rep->id != ((ClMove *) g_ptr_array_index (moves, 0))->owner_id)
        continue;
      filter.owner_id = rep->id;
      for (guint j = 1; j < g_list_model_get_n_items (owners); j++)
        if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (owners), j), rep->name))
          owner = j;
    }
  g_assert_cmpuint (owner, >, 0);
  owner_id = filter.owner_id;
  n = count_moves (moves, &filter);
  g_assert_cmpuint (n, <, moves->len);
  cl_pipeline_page_set_filter (page, owner, 0, 0, NULL);
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, n);

  /* the stage of a stage move, with the owner */
  for (guint i = 0; i < moves->len && stage == 0; i++)
    {
      ClMove *move = g_ptr_array_index (moves, i);

      if (move->to_stage_id != 0)
        {
          stage = 1 + cl_process_index (process, move->to_stage_id);
          filter.stage_id = move->to_stage_id;
        }
    }
  g_assert_cmpuint (stage, >, 0);
  filter.owner_id = 0;
  cl_pipeline_page_set_filter (page, 0, stage, 0, NULL);
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, count_moves (moves, &filter));
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), <, moves->len);

  /* the text, as the deals' search reads it */
  {
    ClMove *move = g_ptr_array_index (moves, moves->len - 1);
    g_autofree char *word = g_strndup (move->deal_name, strcspn (move->deal_name, " "));
    g_autofree char *folded = cl_text_fold (word);
    g_autofree char *upper = g_utf8_strup (word, -1);

    filter.stage_id = 0;
    filter.text = folded;
    n = count_moves (moves, &filter);
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, moves->len);
    cl_pipeline_page_set_filter (page, 0, 0, 0, upper);
    g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, n);
  }

  cl_pipeline_page_set_filter (page, 0, 0, 0, NULL);
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, moves->len);

  /* filters chosen while the deals show apply when what moved shows */
  filter = (MoveFilter) { .owner_id = owner_id };
  cl_pipeline_page_show_section (page, "deals");
  cl_pipeline_page_set_filter (page, owner, 0, 0, NULL);
  cl_pipeline_page_show_section (page, "moved");
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), ==, count_moves (moves, &filter));
  g_assert_cmpuint (cl_pipeline_page_get_n_moves (page), <, moves->len);
}

static void
test_moved_filters (void)
{
  run_at_width (1400, check_moved_filters);
}

/* ------------------------------------------------------------------ narrow */

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every label under @widget that shows text, none of it cut; their texts,
 * joined, in @texts. */
static void
assert_labels_whole (GtkWidget *widget,
                     GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    {
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
      g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_labels_whole (child, texts);
}

static gboolean
is_narrow (gpointer page)
{
  return cl_pipeline_page_is_narrow (page);
}

/* At 360 px the deals are two-line rows: the name and the amount, then the
 * account, owner and stage (and flags), none cut. */
static void
check_narrow_rows (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  GtkWidget *rows;
  GtkWidget *first;
  g_autofree char *name = cl_pipeline_page_get_cell_text (page, 0, 0);
  g_autofree char *amount = cl_pipeline_page_get_cell_text (page, 0, 4);
  g_autofree char *account = cl_pipeline_page_get_cell_text (page, 0, 1);
  g_autofree char *owner = cl_pipeline_page_get_cell_text (page, 0, 2);
  g_autoptr (GString) texts = g_string_new (NULL);
  g_autofree char *expected = NULL;

  cl_test_wait_until (is_narrow, page, "the narrow rows");
  settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <, 500);
  rows = find_with_class (GTK_WIDGET (page), "deal-rows");
  g_assert_true (GTK_IS_LIST_VIEW (rows));
  g_assert_true (gtk_widget_get_mapped (rows));

  /* the first row, as sorted: by amount, the largest first */
  first = gtk_widget_get_first_child (rows);
  while (first != NULL && !gtk_widget_get_mapped (first))
    first = gtk_widget_get_next_sibling (first);
  g_assert_nonnull (first);
  assert_labels_whole (first, texts);
  g_test_message ("first row: %s", texts->str);
  expected = g_strdup_printf ("%s\n%s\n", name, amount);
  g_assert_true (g_str_has_prefix (texts->str, expected));
  g_assert_nonnull (strstr (texts->str, account));
  g_assert_nonnull (strstr (texts->str, owner));
  /* the name shares the first line with the amount, wrapped, never cut */
  {
    GtkWidget *line = gtk_widget_get_first_child (gtk_widget_get_first_child (first));
    GtkWidget *name_label = gtk_widget_get_first_child (line);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name_label)), ==, name);
    g_assert_true (gtk_label_get_wrap (GTK_LABEL (name_label)));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (line))), ==, amount);
  }

  /* every row shown, whole */
  for (GtkWidget *row = gtk_widget_get_first_child (rows); row; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row))
      assert_labels_whole (row, texts);

  /* a new order starts at the top of the rows too */
  {
    GtkAdjustment *adjustment = cl_pipeline_page_get_deals_adjustment (page);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
    settle ();
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    cl_pipeline_page_sort_by (page, 0, GTK_SORT_ASCENDING);
    cl_test_wait_until ((ClTestCheck) cl_pipeline_page_is_loaded, page, "sorting by deal");
    settle ();
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  }

  /* wide again, the table */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  cl_test_wait_until ((ClTestCheck) cl_pipeline_page_is_loaded, page, "the pipeline");
  settle ();
  g_test_message ("at %d px: %s", gtk_widget_get_width (GTK_WIDGET (page)),
                  cl_pipeline_page_is_narrow (page) ? "rows" : "table");
  if (gtk_widget_get_width (GTK_WIDGET (page)) >= 500)
    g_assert_false (cl_pipeline_page_is_narrow (page));
}

static void
test_narrow_rows (void)
{
  run_at_width (360, check_narrow_rows);
}

/* ------------------------------------------------------------------ overview */

static const char *
visible_view (ClWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (cl_window_get_view (window, "overview"), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* Each loop's row opens its view: from the keyboard (Enter on the row)
 * and as a click does (the row activated). */
static void
check_loop_rows (ClWindow *window)
{
  static const char * const views[CL_N_LOOPS] = { "pipeline", "coaching", "development", "retros" };
  ClOverviewPage *page = CL_OVERVIEW_PAGE (cl_window_get_view (window, "overview"));

  for (int loop = 0; loop < CL_N_LOOPS; loop++)
    {
      GtkWidget *row = cl_overview_page_get_loop_row (page, loop);

      cl_window_show_view (window, "overview");
      settle ();
      g_assert_cmpstr (visible_view (window), ==, "overview");
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_true (gtk_widget_grab_focus (row));
      g_signal_emit_by_name (gtk_widget_get_parent (row), "activate-cursor-row");
      g_assert_cmpstr (visible_view (window), ==, views[loop]);

      cl_window_show_view (window, "overview");
      settle ();
      gtk_widget_activate (row);
      g_assert_cmpstr (visible_view (window), ==, views[loop]);
    }
}

static void
test_overview_rows_open_views (void)
{
  run_at_width (1000, check_loop_rows);
}

/* The team card counts the people the open actions list: the manager, who
 * carries actions, in both. */
static void
check_team_count (ClWindow *window)
{
  ClOverviewPage *page = CL_OVERVIEW_PAGE (cl_window_get_view (window, "overview"));
  g_autofree char *reps = g_strchomp (cl_test_sql_text (team_path, "SELECT count(*) FROM counted_reps"));

  cl_window_show_view (window, "overview");
  cl_overview_page_refresh (page);
  g_assert_cmpuint (cl_overview_page_get_n_listed (page), >, 0);
  g_assert_cmpuint (cl_overview_page_get_n_people (page), ==, cl_overview_page_get_n_listed (page));
  g_assert_cmpuint (cl_overview_page_get_n_people (page), ==, g_ascii_strtoull (reps, NULL, 10) + 1);
}

static void
test_team_count_agrees (void)
{
  run_at_width (1000, check_team_count);
}

/* ------------------------------------------------------------------ search */

static gboolean
list_loaded (gpointer page)
{
  return cl_list_page_is_loaded (page) && cl_list_page_get_n_items (page) > 0;
}

/* Loaded and filtered, even when nothing matches. */
static gboolean
list_searched (gpointer page)
{
  return cl_list_page_is_loaded (page);
}

/* Typing "chloe" finds "Chloé", wherever it is typed: the deal of that name
 * in the pipeline, the deals of reps so named in the coaching queue, the
 * lines of a transcript that say "Zoé" for "zoe". */
static void
check_search_accents (ClWindow *window)
{
  ClPipelinePage *pipeline = show_pipeline (window);
  ClListPage *queue = CL_LIST_PAGE (cl_window_get_view (window, "coaching"));
  g_autofree char *vtt = g_build_filename (tmp_dir, "accents.vtt", NULL);
  g_autofree char *text = NULL, *deal = NULL;
  ClDealCoachingWindow *coaching;
  guint queued;

  cl_pipeline_page_set_filter (pipeline, 0, 0, 0, "chloe");
  cl_test_wait_until (cl_test_pipeline_loaded, pipeline, "searching the pipeline");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (pipeline), ==, 1);
  deal = cl_pipeline_page_get_cell_text (pipeline, 0, 0);
  g_assert_cmpstr (deal, ==, "Chloé Dupré renewal");
  cl_pipeline_page_set_filter (pipeline, 0, 0, 0, "CHLOE DUPRE");
  cl_test_wait_until (cl_test_pipeline_loaded, pipeline, "searching the pipeline again");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (pipeline), ==, 1);
  cl_pipeline_page_set_filter (pipeline, 0, 0, 0, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, pipeline, "clearing the search");

  /* every rep is a "Chloé …": the whole queue, and nothing else */
  cl_window_show_view (window, "coaching");
  cl_test_wait_until (list_loaded, queue, "the coaching queue");
  queued = cl_list_page_get_n_items (queue);
  cl_list_page_search (queue, "chloe");
  cl_test_wait_until (list_searched, queue, "searching the coaching queue");
  g_assert_cmpuint (cl_list_page_get_n_items (queue), ==, queued);
  cl_list_page_search (queue, "chloex");
  cl_test_wait_until (list_searched, queue, "searching the coaching queue again");
  g_assert_cmpuint (cl_list_page_get_n_items (queue), ==, 0);
  cl_list_page_search (queue, "ÇHLOÉ");
  cl_test_wait_until (list_searched, queue, "searching the coaching queue in capitals");
  g_assert_cmpuint (cl_list_page_get_n_items (queue), ==, queued);

  cl_list_page_activate (queue, 0);
  coaching = cl_test_find_toplevel (CL_TYPE_DEAL_COACHING_WINDOW);
  g_assert_nonnull (coaching);
  cl_test_coaching_settled (coaching);
  text = g_strdup_printf ("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v %s>Who signs?\n\n"
                          "00:00:06.000 --> 00:00:12.000\n<v Lee Buyer>Zoé, in procurement.\n",
                          cl_deal_coaching_window_get_owner_name (coaching));
  g_assert_true (g_file_set_contents (vtt, text, -1, NULL));
  g_assert_true (cl_deal_coaching_window_attach (coaching, vtt));
  cl_test_coaching_settled (coaching);
  g_assert_cmpuint (cl_deal_coaching_window_get_n_cues_shown (coaching), ==, 2);
  cl_deal_coaching_window_search_transcript (coaching, "zoe");
  g_assert_cmpuint (cl_deal_coaching_window_get_n_cues_shown (coaching), ==, 1);
  cl_deal_coaching_window_search_transcript (coaching, "chloe");   /* the rep, speaking */
  g_assert_cmpuint (cl_deal_coaching_window_get_n_cues_shown (coaching), ==, 1);
  gtk_window_close (GTK_WINDOW (coaching));
}

static void
test_search_accents (void)
{
  run_on (accents_path, 1400, check_search_accents);
}

/* ------------------------------------------------------------------ main */

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A reload sizes the table's columns to the deals it now shows: after
 * every deal got a short name, the name column narrows. The table's rows
 * stay, showing the deals read again from the top: GTK makes no new
 * widgets for them. While the deals are read again there is no snapshot
 * to review. */
static void
check_columns_follow_reload (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  GtkColumnView *table = GTK_COLUMN_VIEW (cl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  g_autoptr (GObject) row = NULL, row_again = NULL;
  int long_width, short_width;

  settle ();
  long_width = natural_width (first_row_cell (page, 0));
  row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)), 3);
  run_sql (cl_store_get_path (cl_window_get_store (window)), "UPDATE deals SET name = 'Acme'");
  cl_pipeline_page_reload (page);
  g_assert_null (cl_pipeline_page_get_snapshot (page));
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, 0);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline again");
  settle ();
  g_assert_cmpstr (first_cell_drawn (page), ==, "Acme");
  row_again = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), 0);
  g_assert_true (row_again == row);
  /* from the top, as a table of new rows would be */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))), ==, 0);
  short_width = natural_width (first_row_cell (page, 0));
  g_assert_cmpint (short_width, <, long_width / 2);
}

static void
test_columns_follow_reload (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "long-names.db", NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 60;
  cl_test_write_team (path, &options);
  run_sql (path, "UPDATE deals SET name = 'Northwind Traders of the Far North, Renewal of Every Licence'");
  run_on (path, 1400, check_columns_follow_reload);
}

/* ------------------------------------------------------------------ pasts */

/* The pipeline keeps the past of a flagged deal only: each deal without
 * flags keeps no more than its last stage change, yet says the same as
 * the core's snapshot, which keeps every deal's whole history. */
static void
check_unflagged_pasts (ClWindow *window)
{
  ClPipelinePage *page = show_pipeline (window);
  GListModel *shown = cl_pipeline_page_get_snapshot (page);
  const ClProcess *process = cl_pipeline_page_get_process (page);
  const ClFlagSettings *settings = cl_pipeline_page_get_flag_settings (page);
  ClDay today = cl_date_today ();
  g_autoptr (GListModel) whole = cl_pipeline_snapshot (team_path, today, 0, NULL, NULL);
  guint n = g_list_model_get_n_items (shown), n_flagged = 0, n_events = 0, n_events_whole = 0;

  g_assert_nonnull (whole);
  g_assert_cmpuint (g_list_model_get_n_items (whole), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (shown, i);
      g_autoptr (ClPipelineItem) full = g_list_model_get_item (whole, i);
      g_autofree char *why = cl_pipeline_item_explain (item, process, settings, today);
      g_autofree char *why_whole = cl_pipeline_item_explain (full, process, settings, today);
      g_autofree char *risk = cl_pipeline_item_explain_risk (item, process, settings, today);
      g_autofree char *risk_whole = cl_pipeline_item_explain_risk (full, process, settings, today);

      g_assert_cmpint (item->facts->deal->id, ==, full->facts->deal->id);
      g_assert_cmpuint (item->flags, ==, full->flags);
      g_assert_cmpstr (why, ==, why_whole);
      g_assert_cmpstr (risk, ==, risk_whole);
      n_events += item->facts->n_events;
      n_events_whole += full->facts->n_events;
      if (item->flags != 0)
        {
          n_flagged++;
          g_assert_cmpuint (item->facts->n_events, ==, full->facts->n_events);
          continue;
        }
      g_assert_cmpuint (item->facts->n_events, <=, 1);
      g_assert_cmpint (item->facts->previous_review_on, ==, 0);
    }
  g_test_message ("%u of %u deals flagged; %u events kept of %u", n_flagged, n, n_events, n_events_whole);
  g_assert_cmpuint (n_flagged, >, 0);
  g_assert_cmpuint (n_flagged, <, n);
  g_assert_cmpuint (n_events, <, n_events_whole);
}

static void
test_unflagged_pasts (void)
{
  run_at_width (1400, check_unflagged_pasts);
}

/* The sample team, with a deal in four in dollars and an open action for
 * the manager. */
static char *
make_team (void)
{
  char *path = g_build_filename (tmp_dir, "team.db", NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 400;
  cl_test_write_team (path, &options);
  run_sql (path,
           "UPDATE deals SET currency = 'USD' WHERE id % 4 = 0;"
           "INSERT INTO actions (text, owner_id, due_on, created_on, source) "
           "SELECT 'Sit in on the Acme call', id, date('now', '+7 days'), date('now'), 'manual' "
           "FROM reps WHERE is_manager;");
  return path;
}

/* The sample team, every rep a "Chloé …" and one open deal "Chloé Dupré
 * renewal". */
static char *
make_accented_team (void)
{
  char *path = g_build_filename (tmp_dir, "accents.db", NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 200;
  cl_test_write_team (path, &options);
  run_sql (path,
           "UPDATE reps SET name = 'Chloé ' || name WHERE NOT is_manager;"
           "UPDATE deals SET name = 'Chloé Dupré renewal' "
           "WHERE id = (SELECT min(id) FROM deals WHERE status = 'open');");
  return path;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-pipeline-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  team_path = make_team ();
  accents_path = make_accented_team ();
  g_test_add_func ("/gui/pipeline/totals-per-currency", test_totals_per_currency);
  g_test_add_func ("/gui/pipeline/sort-back-to-top", test_sort_back_to_top);
  g_test_add_func ("/gui/pipeline/typing", test_typing);
  g_test_add_func ("/gui/pipeline/cells-share-widest", test_cells_share_widest);
  g_test_add_func ("/gui/pipeline/columns-follow-reload", test_columns_follow_reload);
  g_test_add_func ("/gui/pipeline/moved-filters", test_moved_filters);
  g_test_add_func ("/gui/pipeline/narrow-rows", test_narrow_rows);
  g_test_add_func ("/gui/pipeline/unflagged-pasts", test_unflagged_pasts);
  g_test_add_func ("/gui/overview/rows-open-views", test_overview_rows_open_views);
  g_test_add_func ("/gui/overview/team-count-agrees", test_team_count_agrees);
  g_test_add_func ("/gui/search/accents-and-case", test_search_accents);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (team_path);
  g_free (accents_path);
  return status;
}
