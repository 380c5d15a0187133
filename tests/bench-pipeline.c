/* bench-pipeline.c — the pipeline view at 100 000 deals: inspecting every
 * open deal, then filtering and sorting the column view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "cl-application.h"
#include "cl-demo.h"
#include "cl-one-on-one.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-window.h"
#include "test-util.h"

static ClPipelinePage *page;

/* Seconds until the page has finished filtering and sorting. */
static double
settle (gint64 start)
{
  while (!cl_pipeline_page_is_loaded (page))
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* One rep's 1:1 brief: the rep with the most open deals. */
static void
measure_one_on_one (ClStore *store)
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
  printf ("pipeline: a rep's 1:1 brief (%u open deals) and its agenda in %.3f s\n",
          g_list_model_get_n_items (brief->deals), (g_get_monotonic_time () - start) / 1e6);
}

static void
measure (GApplication *app)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gint64 start = g_get_monotonic_time ();

  page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  cl_window_show_view (window, "pipeline");
  printf ("pipeline: %u open deals inspected and shown in %.3f s\n",
          cl_pipeline_page_get_n_deals (page), settle (start));

  start = g_get_monotonic_time ();
  cl_pipeline_page_set_filter (page, 0, 0, 1 + CL_FLAG_CLOSE_DATE_PUSHED, NULL);
  printf ("pipeline: filter by flag to %u deals in %.3f s\n",
          cl_pipeline_page_get_n_shown (page), settle (start));
  start = g_get_monotonic_time ();
  cl_pipeline_page_set_filter (page, 0, 0, 0, "harbor");
  printf ("pipeline: filter by text to %u deals in %.3f s\n",
          cl_pipeline_page_get_n_shown (page), settle (start));
  start = g_get_monotonic_time ();
  cl_pipeline_page_set_filter (page, 0, 0, 0, NULL);
  printf ("pipeline: clear the filters back to %u deals in %.3f s\n",
          cl_pipeline_page_get_n_shown (page), settle (start));
  start = g_get_monotonic_time ();
  cl_pipeline_page_sort_by (page, 0, GTK_SORT_ASCENDING);
  printf ("pipeline: sort %u deals by name in %.3f s\n",
          cl_pipeline_page_get_n_shown (page), settle (start));
  start = g_get_monotonic_time ();
  cl_pipeline_page_sort_by (page, 7, GTK_SORT_DESCENDING);
  printf ("pipeline: sort %u deals by days in stage in %.3f s\n",
          cl_pipeline_page_get_n_shown (page), settle (start));
  measure_one_on_one (cl_window_get_store (window));
  gtk_window_close (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.db", NULL);
  char *args[] = { (char *) "closeloop", NULL };
  ClDemoOptions options;

  cl_test_large_team (&options);
  cl_test_write_team (path, &options);
  {
    g_autoptr (ClApplication) app = cl_application_new (path, G_APPLICATION_NON_UNIQUE);

    g_signal_connect_after (app, "activate", G_CALLBACK (measure), NULL);
    g_application_run (G_APPLICATION (app), 1, args);
  }
  cl_test_remove_tree (dir);
  return 0;
}
