/* bench-startup.c — start to first frame on an empty and a 100 000-deal
 * workspace, and the first visit to the pipeline view of the large one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "cl-application.h"
#include "cl-demo.h"
#include "cl-pipeline-page.h"
#include "cl-window.h"
#include "test-util.h"

#define RUNS 5

typedef struct
{
  gint64   start;
  double   first_frame_s;
  double   pipeline_s;
  gboolean visit_pipeline;
} Run;

static void
after_first_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GtkWindow *window = user_data;
  Run *run = g_object_get_data (G_OBJECT (window), "bench-run");

  g_signal_handlers_disconnect_by_func (clock, after_first_paint, user_data);
  run->first_frame_s = (g_get_monotonic_time () - run->start) / 1e6;
  if (run->visit_pipeline)
    {
      GtkWidget *page = cl_window_get_view (CL_WINDOW (window), "pipeline");
      gint64 start = g_get_monotonic_time ();

      cl_window_show_view (CL_WINDOW (window), "pipeline");
      while (!cl_pipeline_page_is_loaded (CL_PIPELINE_PAGE (page)))
        g_main_context_iteration (NULL, TRUE);
      run->pipeline_s = (g_get_monotonic_time () - start) / 1e6;
    }
  gtk_window_close (window);
}

static void
on_activate (GApplication *app,
             Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_object_set_data (G_OBJECT (window), "bench-run", run);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_first_paint), window);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure (const char *label,
         const char *path,
         gboolean    visit_pipeline)
{
  double first[RUNS], pipeline[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      Run run = { .start = g_get_monotonic_time (), .visit_pipeline = visit_pipeline };
      g_autoptr (ClApplication) app = cl_application_new (path, G_APPLICATION_NON_UNIQUE);
      char *argv[] = { (char *) "closeloop", NULL };

      g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
      g_application_run (G_APPLICATION (app), 1, argv);
      first[i] = run.first_frame_s;
      pipeline[i] = run.pipeline_s;
    }
  qsort (first, RUNS, sizeof (double), compare_doubles);
  qsort (pipeline, RUNS, sizeof (double), compare_doubles);
  printf ("startup: %s: first frame median %.3f s (min %.3f, max %.3f, %d runs)\n",
          label, first[RUNS / 2], first[0], first[RUNS - 1], RUNS);
  if (visit_pipeline)
    printf ("startup: %s: first visit to the pipeline view, every deal inspected, median %.3f s\n",
            label, pipeline[RUNS / 2]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-bench-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *large = g_build_filename (dir, "large.db", NULL);
  ClDemoOptions options;

  cl_test_large_team (&options);
  cl_test_write_team (large, &options);
  measure ("empty workspace", empty, FALSE);
  measure ("100000 deals", large, TRUE);
  cl_test_remove_tree (dir);
  return 0;
}
