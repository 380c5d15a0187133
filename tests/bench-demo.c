/* bench-demo.c — how long a sample team takes to write, at each size, next
 * to SQLite inserting as many rows in one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "cl-demo.h"
#include "test-util.h"

/* How many rows the workspace at @path holds, every table counted. */
static gint64
count_rows (const char *path)
{
  g_autofree char *tables = cl_test_sql_text (path, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                                    "AND name NOT LIKE 'sqlite%'");
  g_auto (GStrv) names = g_strsplit (g_strstrip (tables), "\n", -1);
  g_autoptr (GString) sql = g_string_new ("SELECT 0");

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (sql, " + (SELECT count(*) FROM \"%s\")", names[i]);
  {
    g_autofree char *total = cl_test_sql_text (path, sql->str);

    return g_ascii_strtoll (total, NULL, 10);
  }
}

/* Seconds SQLite takes to insert @n_rows rows of an id, a day and a
 * line of text into a table of its own, one prepared statement in one
 * transaction: the floor under any workspace of that many rows. */
static double
insert_anchor (const char *path,
               gint64      n_rows)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                                     "CREATE TABLE rows (id INTEGER PRIMARY KEY, day TEXT, text TEXT);"
                                     "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO rows (day, text) VALUES (?, ?)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (gint64 i = 0; i < n_rows; i++)
    {
      char text[64];

      g_snprintf (text, sizeof text, "Row %" G_GINT64_FORMAT " of the sample team's workspace", i);
      sqlite3_bind_text (stmt, 1, "2026-11-23", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GArray) sizes = cl_test_bench_sizes ();

  for (guint s = 0; s < sizes->len; s++)
    {
      g_autofree char *dir = g_dir_make_tmp ("closeloop-bench-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "team.db", NULL);
      g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ClStore) store = cl_store_open (path, &error);
      ClDemoOptions options;
      gint64 start, n_rows;
      double seconds, anchor;

      cl_test_team_of_size (&options, g_array_index (sizes, guint, s));
      start = g_get_monotonic_time ();
      if (!cl_demo_generate (store, &options, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_clear_object (&store);
      n_rows = count_rows (path);
      anchor = insert_anchor (plain, n_rows);
      printf ("demo: %u deals, %u reps, %u weeks (%" G_GINT64_FORMAT " rows) written in %.2f s; "
              "SQLite inserting as many rows in one transaction %.2f s; ratio %.1f×\n",
              options.n_deals, options.n_reps, options.n_weeks, n_rows, seconds, anchor, seconds / anchor);
      cl_test_remove_tree (dir);
    }
  return 0;
}
