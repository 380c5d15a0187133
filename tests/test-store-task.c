/* test-store-task.c — a job on the workspace in a worker thread: the
 * process outlives its windows until the job is done (no window, no
 * display)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "cl-store-task.h"
#include "test-util.h"

typedef struct
{
  char    *path;
  sqlite3 *writer;     /* another program holding the workspace's write lock */
  gboolean done;
  GError  *error;
} Quit;

static gpointer
add_rep (ClStore  *store,
         gpointer  data,
         GError  **error)
{
  g_autoptr (ClRep) rep = cl_rep_new ("Written after the quit");

  return cl_store_add_rep (store, rep, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Quit *quit = user_data;

  quit->done = cl_store_task_finish (result, &quit->error) != NULL;
}

static gboolean
let_go (gpointer user_data)
{
  Quit *quit = user_data;

  g_assert_cmpint (sqlite3_exec (quit->writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return G_SOURCE_REMOVE;
}

/* The window that asked for the job closes at once, and with it the last
 * hold on the application; another program lets the workspace go later */
static void
on_activate (GApplication *application,
             Quit         *quit)
{
  cl_store_task_run (NULL, quit->path, add_rep, NULL, NULL, NULL, NULL, on_added, quit);
  g_timeout_add (300, let_go, quit);
}

/* The app quit while a write waited on another program: the process runs
 * on until the write is written (before, it ended and the write was lost). */
static void
test_outlives_windows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-task-XXXXXX", NULL);
  g_autoptr (GApplication) application = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_autoptr (ClStore) store = NULL;
  g_autofree char *reps = NULL;
  Quit quit = { g_build_filename (dir, "team.db", NULL) };

  store = cl_store_open (quit.path, NULL);
  g_assert_nonnull (store);
  g_assert_cmpint (sqlite3_open (quit.path, &quit.writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (quit.writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), &quit);
  g_assert_cmpint (g_application_run (application, 0, NULL), ==, 0);
  g_assert_no_error (quit.error);
  g_assert_true (quit.done);
  sqlite3_close (quit.writer);
  reps = cl_test_sql_text (quit.path, "SELECT group_concat(name) FROM reps");
  g_assert_cmpstr (reps, ==, "Written after the quit\n");
  g_clear_object (&store);
  cl_test_remove_tree (dir);
  g_free (quit.path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-task/outlives-windows", test_outlives_windows);
  return g_test_run ();
}
