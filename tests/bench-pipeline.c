/* bench-pipeline.c — the pipeline view at each size (1 000, 10 000 and
 * 100 000 deals): every open deal inspected and shown, then a word typed
 * and erased, each drop-down chosen and dropped, every column sorted up
 * and down, each from the change to the frame that shows it, against the
 * floors GTK sets in the same run (a repaint of the same window, a page of
 * the table scrolled, which shows other deals in every row as a change
 * does, a bare GtkFilterListModel refiltering as many items); a rep's 1:1 brief; the
 * weekly review opened; and the review exported and the workspace backed
 * up from the window, with the longest the main loop waited meanwhile
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cl-application.h"
#include "cl-demo.h"
#include "cl-one-on-one.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-review-window.h"
#include "cl-text.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

#define N_COLUMNS 10
#define REPEATS   9
#define VIEW_SETTLE_S 4

typedef struct
{
  guint           n_deals;
  ClWindow       *window;
  ClPipelinePage *page;
  GtkColumnView  *table;
  gboolean        painted;
  double          blocked_ms;   /* the longest a change kept the main loop */
  double          sql_ms;       /* the floor of the inspection, measured before the window opens */
} Bench;

/* One kind of change, each measured to its frame */
typedef struct
{
  GArray *wall_ms;     /* from the change to the frame that shows it */
  GArray *cpu_ms;      /* the main thread's processor time meanwhile */
  GArray *settled_ms;  /* from the change to the table at its new length, drawn */
} Samples;

/* The main thread's processor time: unlike the time to the frame, it does
 * not grow when other programs share the machine. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value below which @share of @samples fall (0.5: the median). */
static double
quantile (GArray *samples,
          double  share)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (share * samples->len)));
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->painted = TRUE;
}

/* The frame after what was just changed: a change made between frames is
 * in the next one painted. */
static void
wait_for_frame (Bench *bench)
{
  bench->painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  while (!bench->painted)
    g_main_context_iteration (NULL, TRUE);
}

/* Until the table has as many rows as deals shown: they follow the first
 * frame a few milliseconds at a time. */
static void
wait_for_length (Bench *bench)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (bench->table)))
         != cl_pipeline_page_get_n_shown (bench->page))
    g_main_context_iteration (NULL, TRUE);
}

/* a key typed (the letter @text at the end of the search) or erased
 * (@text NULL: the last letter), a filter chosen, a column's sort; or the
 * table scrolled to page @a, the floor of them all */
typedef enum { CHANGE_KEY, CHANGE_FILTER, CHANGE_SORT, CHANGE_SCROLL } ChangeKind;

/* Measures a change to the frame that shows it into @samples. */
static void
to_frame (Bench      *bench,
          Samples    *samples,
          ChangeKind  kind,
          const char *text,
          guint       a,
          guint       b,
          guint       c)
{
  GtkEditable *entry = cl_pipeline_page_get_search_entry (bench->page);
  int end = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();

  bench->painted = FALSE;
  if (kind == CHANGE_KEY && text != NULL)
    gtk_editable_insert_text (entry, text, -1, &end);
  else if (kind == CHANGE_KEY)
    gtk_editable_delete_text (entry, end - 1, end);
  else if (kind == CHANGE_FILTER)
    cl_pipeline_page_set_filter (bench->page, a, b, c, gtk_editable_get_text (entry));
  else if (kind == CHANGE_SORT)
    cl_pipeline_page_sort_by (bench->page, a, b ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  else
    {
      GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->table));

      gtk_adjustment_set_value (scroll, a * gtk_adjustment_get_page_size (scroll));
    }
  bench->blocked_ms = MAX (bench->blocked_ms, ms_since (start));
  /* the frame that shows the change: one is drawn even should nothing
   * the change touched need it */
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  while (!bench->painted)
    g_main_context_iteration (NULL, TRUE);
  g_array_append_vals (samples->cpu_ms, &(double) { thread_cpu_ms () - cpu_start }, 1);
  g_array_append_vals (samples->wall_ms, &(double) { ms_since (start) }, 1);
  /* rows the change adds or takes away follow between the next frames */
  wait_for_length (bench);
  wait_for_frame (bench);
  g_array_append_vals (samples->settled_ms, &(double) { ms_since (start) }, 1);
}

/* The floor of any change: the same window painted again. */
static void
measure_repaint (Bench   *bench,
                 double  *wall_ms,
                 double  *cpu_ms)
{
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      wait_for_frame (bench);
      g_array_append_vals (wall, &(double) { ms_since (start) }, 1);
      g_array_append_vals (cpu, &(double) { thread_cpu_ms () - cpu_start }, 1);
    }
  *wall_ms = quantile (wall, 0.5);
  *cpu_ms = quantile (cpu, 0.5);
}

static gboolean
bare_match (gpointer item,
            gpointer needle)
{
  return cl_pipeline_item_matches_text (item, needle);
}

/* The floor of a filter: a GtkFilterListModel with nothing above it
 * refiltering the same deals by their text. */
static double
measure_bare_filter (GListModel *deals,
                     const char *needle)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GtkCustomFilter *filter = gtk_custom_filter_new (bare_match, (gpointer) needle, NULL);
  g_autoptr (GtkFilterListModel) model = gtk_filter_list_model_new (g_object_ref (deals), GTK_FILTER (filter));

  for (int i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
      g_array_append_vals (samples, &(double) { ms_since (start) }, 1);
    }
  return quantile (samples, 0.5);
}

static void
report (Bench      *bench,
        const char *what,
        Samples    *samples,
        double      repaint_ms,
        double      scroll_ms)
{
  guint n = samples->wall_ms->len;
  double median = quantile (samples->wall_ms, 0.5), p95 = quantile (samples->wall_ms, 0.95);

  printf ("pipeline: %u deals: %s: to the painted frame p95 %.1f ms, median %.1f ms (%u changes); "
          "p95 = %.1f× a repaint, %.1f× a page scrolled; the main thread's processor time median %.1f ms; "
          "the table at its new length p95 %.1f ms\n",
          bench->n_deals, what, p95, median, n, p95 / repaint_ms, p95 / scroll_ms, quantile (samples->cpu_ms, 0.5),
          quantile (samples->settled_ms, 0.95));
  g_array_unref (samples->wall_ms);
  g_array_unref (samples->cpu_ms);
  g_array_unref (samples->settled_ms);
}

static Samples
new_samples (void)
{
  return (Samples) { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
                    g_array_new (FALSE, FALSE, sizeof (double)) };
}

/* Milliseconds SQLite takes to step through every row the inspection reads. */
static double
read_every_row (const char *path)
{
  const char *tables[] = { "deals", "deal_events", "contacts", "qualification" };
  sqlite3 *db = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[t]);
      sqlite3_stmt *statement = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
      while (sqlite3_step (statement) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (statement); c++)
          (void) sqlite3_column_text (statement, c);
      sqlite3_finalize (statement);
    }
  sqlite3_close (db);
  return ms_since (start);
}

/* The floor of inspecting the pipeline: SQLite stepping through every row
 * the inspection reads (the deals, their history, contacts and
 * qualification), each column read, nothing built. Measured before the
 * window opens, with nothing else running (a window's workers and its
 * sorting thread would share the processor with it), the median of three. */
static double
measure_sql_floor (const char *path)
{
  double runs[3];

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    runs[i] = read_every_row (path);
  qsort (runs, G_N_ELEMENTS (runs), sizeof (double), compare_doubles);
  return runs[1];
}

/* One rep's 1:1 brief: the rep with the most open deals. */
static void
measure_one_on_one (Bench   *bench,
                    ClStore *store)
{
  g_autoptr (GListModel) loads = cl_store_list_rep_loads (store, cl_date_today (), 0, NULL);
  gint64 rep_id = 0;
  int most = -1;
  gint64 start;
  g_autoptr (ClOneOnOne) brief = NULL;
  g_autofree char *agenda = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (loads); i++)
    {
      g_autoptr (ClRepLoad) load = g_list_model_get_item (loads, i);

      if (load->n_open_deals > most)
        most = load->n_open_deals, rep_id = load->rep_id;
    }
  start = g_get_monotonic_time ();
  brief = cl_one_on_one_load (cl_store_get_path (store), rep_id, cl_date_today (), NULL);
  agenda = cl_one_on_one_draft_agenda (brief);
  printf ("pipeline: %u deals: a rep's 1:1 brief (%u open deals) and its agenda in %.0f ms\n",
          bench->n_deals, g_list_model_get_n_items (brief->deals), ms_since (start));
}

/* How long the main loop went without turning, at most, while work ran */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  source;
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* Watches the main loop turn from now on: a timeout of the highest
 * priority, due every millisecond. */
static void
ticks_start (Ticks *ticks)
{
  ticks->last = g_get_monotonic_time ();
  ticks->longest = 0;
  ticks->source = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick, ticks, NULL);
}

/* Stops watching; the longest wait seen, to now, in ms. */
static double
ticks_stop (Ticks *ticks)
{
  tick (ticks);
  g_source_remove (ticks->source);
  return ticks->longest / 1e3;
}

/* Work the window does for the user (@start at @path) and tells of in a
 * toast once done: its time, and the longest the main loop waited
 * meanwhile, which a frame's 16.7 ms should bound. */
static void
measure_told_work (Bench      *bench,
                   const char *what,
                   gboolean  (*start) (ClWindow   *window,
                                       const char *path),
                   const char *path)
{
  Ticks ticks;
  gint64 begin = g_get_monotonic_time ();
  g_autoptr (AdwToast) before = cl_test_ref_last_toast (bench->window);
  double longest_ms;

  ticks_start (&ticks);
  g_assert_true (start (bench->window, path));
  /* until the toast that says it is done, not the one that says it is
   * under way (after 0.3 s) */
  while (!cl_test_toast_after (bench->window, before))
    g_main_context_iteration (NULL, TRUE);
  longest_ms = ticks_stop (&ticks);
  printf ("pipeline: %u deals: %s from the window in %.0f ms; the longest the main loop waited meanwhile "
          "%.1f ms (a frame is 16.7 ms)\n", bench->n_deals, what, ms_since (begin), longest_ms);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The weekly review opened from the window on the pipeline inspected (as
 * Ctrl+R opens it): the time until its window shows, and the longest the
 * main loop waited meanwhile, which a frame should bound. */
static void
measure_review_opened (Bench *bench)
{
  gint64 begin = g_get_monotonic_time ();
  GtkWindow *review;
  Ticks ticks;
  double longest_ms;

  ticks_start (&ticks);
  g_action_group_activate_action (G_ACTION_GROUP (bench->window), "start-review", NULL);
  while ((review = cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  longest_ms = ticks_stop (&ticks);
  printf ("pipeline: %u deals: the weekly review opened in %.1f ms; the longest the main loop waited meanwhile "
          "%.1f ms (a frame is 16.7 ms)\n", bench->n_deals, ms_since (begin), longest_ms);
  gtk_window_destroy (review);
}

/* The pipeline read again, as an import or another day makes it: the
 * time until every row the table makes is drawn, and the longest the main
 * loop waited meanwhile, which a frame should bound. */
static void
measure_reload (Bench *bench)
{
  Ticks ticks;
  gint64 begin = g_get_monotonic_time ();
  double longest_ms;

  ticks_start (&ticks);
  cl_pipeline_page_reload (bench->page);
  while (!cl_pipeline_page_is_loaded (bench->page))
    g_main_context_iteration (NULL, TRUE);
  wait_for_length (bench);
  wait_for_frame (bench);
  longest_ms = ticks_stop (&ticks);
  printf ("pipeline: %u deals: the pipeline read again and drawn to its last row in %.0f ms; the longest the "
          "main loop waited meanwhile %.1f ms (a frame is 16.7 ms)\n", bench->n_deals, ms_since (begin),
          longest_ms);
}

/* Each other view shown in turn, as one clicks through them: the longest
 * the main loop waited from the click until the view's jobs (which read
 * in threads) had time to end, against a frame. */
static void
measure_views (Bench *bench)
{
  const char *views[] = { "overview", "coaching", "development", "retros", "library", "teams", "month" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      Ticks ticks;
      gint64 end = g_get_monotonic_time () + VIEW_SETTLE_S * G_USEC_PER_SEC;

      ticks_start (&ticks);
      cl_window_show_view (bench->window, views[i]);
      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, TRUE);
      printf ("pipeline: %u deals: the %s view shown: the longest the main loop waited in its first %d s "
              "%.1f ms (a frame is 16.7 ms)\n", bench->n_deals, views[i], VIEW_SETTLE_S, ticks_stop (&ticks));
    }
}

static void
measure (GApplication *app,
         Bench        *bench)
{
  gint64 start = g_get_monotonic_time ();
  Samples typing = new_samples (), choosing = new_samples (), sorting = new_samples (), scrolling = new_samples ();
  g_autoptr (ClPipelineItem) first = NULL;
  g_autofree char *word = NULL, *needle = NULL;
  GListModel *deals;
  double repaint_ms, repaint_cpu_ms, bare_ms, inspected_ms, scroll_ms, scroll_cpu_ms;
  gulong handler;

  bench->window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  bench->page = CL_PIPELINE_PAGE (cl_window_get_view (bench->window, "pipeline"));
  bench->table = GTK_COLUMN_VIEW (cl_test_find_descendant (GTK_WIDGET (bench->page), GTK_TYPE_COLUMN_VIEW));
  cl_window_show_view (bench->window, "pipeline");
  while (!cl_pipeline_page_is_loaded (bench->page))
    g_main_context_iteration (NULL, TRUE);
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                              G_CALLBACK (on_after_paint), bench);
  wait_for_frame (bench);
  inspected_ms = ms_since (start);
  /* the changes below start from a table at its length */
  wait_for_length (bench);
  printf ("pipeline: %u deals: every open deal inspected and shown in %.0f ms (the table at its length in "
          "%.0f ms); SQLite reading the same rows %.0f ms; ratio %.1f×\n", bench->n_deals, inspected_ms,
          ms_since (start), bench->sql_ms, inspected_ms / bench->sql_ms);

  deals = cl_pipeline_page_get_snapshot (bench->page);
  first = g_list_model_get_item (deals, 0);
  word = g_utf8_substring (first->facts->deal->account, 0, 6);
  needle = cl_text_fold (word);
  measure_repaint (bench, &repaint_ms, &repaint_cpu_ms);
  bare_ms = measure_bare_filter (deals, needle);
  /* down a page and back, each time every row showing other deals */
  for (guint i = 0; i < 2 * REPEATS; i++)
    to_frame (bench, &scrolling, CHANGE_SCROLL, NULL, (i + 1) % 2, 0, 0);
  scroll_ms = quantile (scrolling.wall_ms, 0.95);
  scroll_cpu_ms = quantile (scrolling.cpu_ms, 0.5);

  /* a word typed letter by letter, then erased */
  for (const char *letter = word; *letter != '\0'; letter = g_utf8_next_char (letter))
    {
      g_autofree char *typed = g_strndup (letter, g_utf8_next_char (letter) - letter);

      to_frame (bench, &typing, CHANGE_KEY, typed, 0, 0, 0);
    }
  for (long left = g_utf8_strlen (word, -1); left > 0; left--)
    to_frame (bench, &typing, CHANGE_KEY, NULL, 0, 0, 0);
  /* the first owner, stage and flag chosen, one after the other, and dropped */
  for (guint step = 0; step < 6; step++)
    to_frame (bench, &choosing, CHANGE_FILTER, NULL, step == 0, step == 2, step == 4 ? 1 + CL_FLAG_STALLED : 0);
  /* the table by each column, up and down */
  for (guint column = 0; column < N_COLUMNS; column++)
    for (guint down = 0; down <= 1; down++)
      to_frame (bench, &sorting, CHANGE_SORT, NULL, column, down, 0);

  printf ("pipeline: %u deals: anchors: a repaint of the window %.1f ms (processor time %.1f ms); "
          "a page of the table scrolled to the painted frame p95 %.1f ms (processor time median %.1f ms); "
          "a bare GtkFilterListModel refiltering %u deals %.1f ms\n",
          bench->n_deals, repaint_ms, repaint_cpu_ms, scroll_ms, scroll_cpu_ms, bench->n_deals, bare_ms);
  report (bench, "a keystroke", &typing, repaint_ms, scroll_ms);
  report (bench, "an owner, stage or flag", &choosing, repaint_ms, scroll_ms);
  report (bench, "a column's sort", &sorting, repaint_ms, scroll_ms);
  report (bench, "a page scrolled", &scrolling, repaint_ms, scroll_ms);
  printf ("pipeline: %u deals: the longest a change kept the main loop: %.1f ms (a frame is 16.7 ms)\n",
          bench->n_deals, bench->blocked_ms);
  measure_one_on_one (bench, cl_window_get_store (bench->window));
  measure_review_opened (bench);
  measure_reload (bench);
  measure_views (bench);
  {
    g_autofree char *dir = g_path_get_dirname (cl_store_get_path (cl_window_get_store (bench->window)));
    g_autofree char *review = g_build_filename (dir, "review.json", NULL);
    g_autofree char *backup = g_build_filename (dir, "backup.json", NULL);

    measure_told_work (bench, "this week's review exported", cl_window_export_review, review);
    measure_told_work (bench, "the workspace backed up", cl_window_back_up, backup);
  }
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), handler);
  gtk_window_close (GTK_WINDOW (bench->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GArray) sizes = cl_test_bench_sizes ();

  for (guint i = 0; i < sizes->len; i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("closeloop-bench-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "team.db", NULL);
      char *args[] = { (char *) "closeloop", NULL };
      Bench bench = { .n_deals = g_array_index (sizes, guint, i) };
      ClDemoOptions options;

      cl_test_team_of_size (&options, bench.n_deals);
      cl_test_write_team (path, &options);
      bench.sql_ms = measure_sql_floor (path);
      {
        g_autoptr (ClApplication) app = cl_application_new (path, G_APPLICATION_NON_UNIQUE);

        g_signal_connect_after (app, "activate", G_CALLBACK (measure), &bench);
        g_application_run (G_APPLICATION (app), 1, args);
      }
      cl_test_remove_tree (dir);
    }
  return 0;
}
