/* bench-startup.c — start to first frame of the window, and its resident
 * memory with the pipeline shown, against a bare AdwApplicationWindow with
 * a GtkListView over as many items, at each benchmark size
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are measured the same way in the same run: from creating the
 * application to the window's first after-paint, the median of RUNS runs
 * taken in turn (one of each first, unmeasured, so that neither pays alone
 * for loading GTK's theme and icons). Resident memory is read in a child
 * process of each, as memory a process freed is seldom given back.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cl-application.h"
#include "cl-demo.h"
#include "cl-pipeline-page.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

#define RUNS 5

typedef struct
{
  gint64    start;
  double    first_frame_s;
  gboolean  resident;        /* reads the resident memory once the window shows what it shows: the
                              * pipeline, loaded, or the bare window's list */
  guint64   resident_kb;
  GtkWindow *window;
} Run;

/* VmRSS in kB */
static guint64
read_resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *rss;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  rss = strstr (status, "VmRSS:");
  g_assert_nonnull (rss);
  return g_ascii_strtoull (rss + strlen ("VmRSS:"), NULL, 10);
}

/* The pipeline read, and its table at its length: the rows the table
 * makes follow the first frame a few at a time. */
static gboolean
pipeline_loaded (ClWindow *window)
{
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  GtkColumnView *table = GTK_COLUMN_VIEW (cl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));

  return g_str_equal (cl_window_get_state (window), "views")
         && cl_pipeline_page_is_loaded (page)
         && g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table)))
            == cl_pipeline_page_get_n_shown (page);
}

static void
after_shown_paint (GdkFrameClock *clock,
                   Run           *run)
{
  g_signal_handlers_disconnect_by_func (clock, after_shown_paint, run);
  run->resident_kb = read_resident_kb ();
  gtk_window_close (run->window);
}

static void
after_first_paint (GdkFrameClock *clock,
                   Run           *run)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_paint, run);
  run->first_frame_s = (g_get_monotonic_time () - run->start) / 1e6;
  if (run->resident && CL_IS_WINDOW (run->window))
    {
      while (!g_str_equal (cl_window_get_state (CL_WINDOW (run->window)), "views"))
        g_main_context_iteration (NULL, TRUE);
      cl_window_show_view (CL_WINDOW (run->window), "pipeline");
      while (!pipeline_loaded (CL_WINDOW (run->window)))
        g_main_context_iteration (NULL, TRUE);
    }
  /* read once the pipeline's rows are drawn, or the bare window's */
  if (run->resident)
    {
      gtk_widget_queue_draw (GTK_WIDGET (run->window));
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_shown_paint), run);
      return;
    }
  gtk_window_close (run->window);
}

static void
watch_first_frame (GtkWindow *window,
                   Run       *run)
{
  run->window = g_object_ref (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_first_paint), run);
}

static void
on_app_activate (GApplication *app,
                 Run          *run)
{
  watch_first_frame (gtk_application_get_active_window (GTK_APPLICATION (app)), run);
}

static void
setup_label (GtkListItemFactory *factory,
             GtkListItem        *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_label (GtkListItemFactory *factory,
            GtkListItem        *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
bare_window (GtkApplication *app,
             guint           n_items)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = adw_application_window_new (app);
  GtkStringList *items = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (guint i = 0; i < n_items; i++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "Deal %u", i);
      gtk_string_list_append (items, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (items))),
                                                    factory));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
  /* the size the window opens at */
  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  return window;
}

static void
on_bare_activate (GApplication *app,
                  Run          *run)
{
  GtkWidget *window = bare_window (GTK_APPLICATION (app), GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (app),
                                                                                              "n-items")));

  gtk_window_present (GTK_WINDOW (window));
  watch_first_frame (GTK_WINDOW (window), run);
}

static gboolean
only_ours (GObject *object)
{
  return object->ref_count == 1;
}

/* One start of the window on @workspace, or of the bare window over
 * @n_items when @workspace is NULL; returns its first frame in seconds,
 * and in @resident_kb, unless NULL, the resident memory as it showed what
 * it shows. */
static double
run_once (const char *workspace,
          guint       n_items,
          guint64    *resident_kb)
{
  Run run = { .start = g_get_monotonic_time (), .resident = resident_kb != NULL };
  char *argv[] = { (char *) "closeloop", NULL };
  g_autoptr (GApplication) app = NULL;

  if (workspace != NULL)
    {
      app = G_APPLICATION (cl_application_new (workspace, G_APPLICATION_NON_UNIQUE));
      g_signal_connect_after (app, "activate", G_CALLBACK (on_app_activate), &run);
    }
  else
    {
      app = G_APPLICATION (adw_application_new (APP_ID ".Bare", G_APPLICATION_NON_UNIQUE));
      g_object_set_data (G_OBJECT (app), "n-items", GUINT_TO_POINTER (n_items));
      g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate), &run);
    }
  g_application_run (app, 1, argv);
  /* the window's workers hold it until their results arrive: let them end
   * before the next run starts */
  while (!only_ours (G_OBJECT (run.window)))
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (run.window);
  if (resident_kb != NULL)
    *resident_kb = run.resident_kb;
  return run.first_frame_s;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The resident memory, in MB, of a child process that shows the window on
 * @workspace with the pipeline loaded, or the bare window over @n_items. */
static double
resident_mb (const char *workspace,
             guint       n_items)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_items);
  char *argv[] = { self, (char *) "--resident", workspace ? (char *) workspace : count, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("resident memory: %s", error->message);
  return g_ascii_strtod (out, NULL) / 1024;
}

/* In the child: VmRSS in kB as the window shows what it shows (read
 * before it closes, not after: what a closed window freed is not what an
 * open one holds). */
static int
print_resident (const char *what)
{
  guint64 n_items = 0, resident_kb = 0;

  if (g_ascii_string_to_unsigned (what, 10, 0, G_MAXUINT, &n_items, NULL))
    run_once (NULL, n_items, &resident_kb);
  else
    run_once (what, 0, &resident_kb);
  printf ("%" G_GUINT64_FORMAT "\n", resident_kb);
  return 0;
}

static void
measure (const char *workspace,
         guint       n_deals)
{
  double app[RUNS], bare[RUNS];
  double app_mb, bare_mb;

  run_once (NULL, n_deals, NULL);
  run_once (workspace, 0, NULL);
  for (int i = 0; i < RUNS; i++)
    {
      bare[i] = run_once (NULL, n_deals, NULL);
      app[i] = run_once (workspace, 0, NULL);
    }
  qsort (app, RUNS, sizeof (double), compare_doubles);
  qsort (bare, RUNS, sizeof (double), compare_doubles);
  printf ("startup: %u deals: first frame %.3f s (median of %d, %.3f–%.3f); bare AdwApplicationWindow with "
          "a GtkListView over %u items %.3f s; ratio %.2f×\n",
          n_deals, app[RUNS / 2], RUNS, app[0], app[RUNS - 1], n_deals, bare[RUNS / 2],
          app[RUNS / 2] / bare[RUNS / 2]);
  app_mb = resident_mb (workspace, 0);
  bare_mb = resident_mb (NULL, n_deals);
  printf ("startup: %u deals: resident with the pipeline shown %.0f MB; bare window over %u items %.0f MB; "
          "ratio %.2f×\n", n_deals, app_mb, n_deals, bare_mb, app_mb / bare_mb);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr (GArray) sizes = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--resident"))
    return print_resident (argv[2]);
  dir = g_dir_make_tmp ("closeloop-bench-XXXXXX", NULL);
  sizes = cl_test_bench_sizes ();
  for (guint i = 0; i < sizes->len; i++)
    {
      guint n_deals = g_array_index (sizes, guint, i);
      g_autofree char *name = g_strdup_printf ("team-%u.db", n_deals);
      g_autofree char *workspace = g_build_filename (dir, name, NULL);
      ClDemoOptions options;

      cl_test_team_of_size (&options, n_deals);
      cl_test_write_team (workspace, &options);
      measure (workspace, n_deals);
    }
  cl_test_remove_tree (dir);
  return 0;
}
