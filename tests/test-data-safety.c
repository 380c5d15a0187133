/* test-data-safety.c — nothing lost: the workspace survives other
 * processes, and every file written or read survives odd targets, kills
 * and full disks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cl-store-private.h"
#include "test-util.h"

static char *closeloop_exe;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("closeloop-safety-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cl_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Runs `closeloop --workspace @path ARGS…` and waits for it. */
static void
run_closeloop (const char *path,
               const char *command)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *line = g_strdup_printf ("'%s' --workspace '%s' %s", closeloop_exe, path, command);
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (line, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* A second process that reads the workspace and quits must not take the
 * journal from under a process that holds two connections on it (the
 * window's and a worker's): the write after it is in the file. */
static void
test_reader_keeps_journal (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) window = cl_store_open (f->path, &error);
  g_autoptr (ClStore) worker = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *command = g_strdup_printf ("health --output '%s/health.json'", f->dir);
  g_autofree char *seen = NULL, *kept = NULL;

  g_assert_no_error (error);
  g_assert_true (cl_store_set_setting_text (window, "before", "written", &error));
  worker = cl_store_open (f->path, &error);
  g_assert_no_error (error);
  seen = cl_store_get_setting_text (worker, "before");
  g_assert_cmpstr (seen, ==, "written");
  g_clear_object (&worker);

  if (closeloop_exe == NULL)
    {
      g_test_skip ("CLOSELOOP_EXE is not set");
      return;
    }
  run_closeloop (f->path, command);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (cl_store_set_setting_text (window, "after", "written", &error));
  g_assert_no_error (error);
  g_clear_object (&window);
  kept = cl_test_sql_text (f->path, "SELECT key FROM settings WHERE key IN ('before', 'after') ORDER BY key");
  g_assert_cmpstr (kept, ==, "after\nbefore\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  closeloop_exe = g_strdup (g_getenv ("CLOSELOOP_EXE"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/safety/reader-keeps-journal", test_reader_keeps_journal);
#undef ADD
  return g_test_run ();
}
