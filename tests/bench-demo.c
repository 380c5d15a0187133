/* bench-demo.c — how long a sample team of 100 000 deals takes to write
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "cl-demo.h"
#include "test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  ClDemoOptions options;
  gint64 start;
  double seconds;

  cl_test_large_team (&options);
  start = g_get_monotonic_time ();
  if (!cl_demo_generate (store, &options, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("demo: %u deals, %u reps, %u weeks written in %.2f s (%.0f deals/s)\n",
          options.n_deals, options.n_reps, options.n_weeks, seconds, options.n_deals / seconds);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  return 0;
}
