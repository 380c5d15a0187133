/* test-util.c — helpers the test programs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-store-private.h"
#include "test-util.h"

void
cl_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        cl_test_remove_tree (child);
      }
  g_remove (path);
}

void
cl_test_large_team (ClDemoOptions *options)
{
  cl_test_team_of_size (options, 100000);
}

/* A team with @n_deals deals, its reps as many as a manager with that
 * pipeline has: 40 at 100 000, fewer below (at least 4), more above. */
void
cl_test_team_of_size (ClDemoOptions *options,
                      guint          n_deals)
{
  cl_demo_options_init (options);
  options->n_deals = n_deals;
  options->n_reps = MAX (4, n_deals / 2500);
  options->n_weeks = 26;
}

/* The sizes the benchmarks measure, to see how cost grows: 1 000, 10 000
 * and 100 000 deals, or only those named in $CLOSELOOP_BENCH_SIZES
 * ("1000,10000"). */
GArray *
cl_test_bench_sizes (void)
{
  const char *named = g_getenv ("CLOSELOOP_BENCH_SIZES");
  g_auto (GStrv) sizes = g_strsplit (named ? named : "1000,10000,100000", ",", -1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint64 size = 0;

      if (g_ascii_string_to_unsigned (sizes[i], 10, 1, 10000000, &size, NULL))
        g_array_append_vals (out, &(guint) { size }, 1);
    }
  return out;
}

void
cl_test_write_team (const char          *path,
                    const ClDemoOptions *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (cl_demo_generate (store, options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The rows of @sql, one per line, columns joined with '|', read straight
 * from the file with SQLite so the store's own code is not the judge. */
char *
cl_test_sql_text (const char *db_path,
                  const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* the app's own connections may be writing: wait as they do */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "",
                                (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

gboolean
cl_test_count_reps (ClStore  *store,
                    gpointer  data,
                    GError  **error)
{
  return cl_store_count_reps (store, data, error);
}

gboolean
cl_test_refuse_read (ClStore  *store,
                     gpointer  data,
                     GError  **error)
{
  return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "refused"), FALSE;
}

char *
cl_test_index_sql (const char *db_path)
{
  return cl_test_sql_text (db_path, "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema "
                                    "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)");
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static gboolean
is_index_line (const char *line)
{
  return g_str_has_prefix (line, "CREATE INDEX") || g_str_has_prefix (line, "CREATE UNIQUE INDEX");
}

/* @dump with its CREATE INDEX lines sorted, after every other line but
 * the last, its COMMIT. */
static char *
sort_index_lines (char *dump)
{
  g_auto (GStrv) lines = g_strsplit (dump, "\n", -1);
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  g_autoptr (GPtrArray) indexes = g_ptr_array_new ();
  const char *commit = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (is_index_line (lines[i]))
      g_ptr_array_add (indexes, lines[i]);
    else if (g_str_equal (lines[i], "COMMIT;"))
      commit = lines[i];
    else
      g_ptr_array_add (others, lines[i]);
  g_ptr_array_sort (indexes, compare_lines);
  g_ptr_array_extend (others, indexes, NULL, NULL);
  if (commit != NULL)
    g_ptr_array_add (others, (gpointer) commit);
  g_ptr_array_add (others, NULL);
  g_free (dump);
  return g_strjoinv ("\n", (char **) others->pdata);
}

char *
cl_test_sqlite_dump (const char *db_path)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr (GError) error = NULL;
  char *argv[] = { sqlite3, (char *) db_path, (char *) ".dump", NULL };
  char *out = NULL;
  int status = 0;

  if (sqlite3 == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return sort_index_lines (out);
}

gboolean
cl_test_import_csv (ClStore        *store,
                    const char     *text,
                    const char     *stages,
                    const char     *as_of,
                    gboolean        good_rows,
                    ClCrmKind      *kind,
                    ClImportReport *report,
                    GError        **error)
{
  g_autoptr (ClCsv) csv = cl_csv_parse (text, strlen (text), "export.csv", error);
  g_autoptr (ClStagePlan) plan = NULL;
  ClCrmMapping mapping;
  ClImportOptions options;
  ClDay day = 0;

  cl_import_report_init (report);
  g_assert_true (cl_date_parse (as_of, &day));
  if (csv == NULL || !cl_crm_mapping_detect (csv, CL_CRM_AUTO, &mapping, error))
    return FALSE;
  if (kind != NULL)
    *kind = mapping.kind;
  if (stages != NULL && ((plan = cl_deal_import_plan_stages (store, csv, &mapping, error)) == NULL
                         || !cl_stage_plan_order_from_text (plan, stages, strlen (stages), "stages.txt", error)))
    return FALSE;
  cl_import_options_init (&options, day);
  options.import_good_rows = good_rows;
  options.stages = plan;
  return cl_deal_import (store, csv, &mapping, &options, report, error);
}

char *
cl_test_loop_health_json (const char *who,
             const char *period,
             const char *from,
             const char *to,
             const char *exported_at,
             const char *states[4],
             gboolean    hollow)
{
  static const char * const loops[] = { "pipeline_review", "deal_coaching", "rep_development", "strategy" };
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (text,
                          "{\"format\": \"closeloop.loop-health\", \"version\": 2, \"app_version\": \"1.0\","
                          " \"exported_at\": \"%s\", \"exported_by\": \"%s\", \"period\": \"%s\","
                          " \"from\": \"%s\", \"to\": \"%s\", \"as_of\": \"%s\", \"loops\": [",
                          exported_at, who, period, from, to, to);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (text,
                            "%s{\"loop\": \"%s\", \"state\": \"%s\", \"expected\": 4, \"ran\": 3,"
                            " \"output_of\": 3, \"with_output\": 3, \"ratio\": 0.75, \"output_ratio\": 1,"
                            " \"thresholds\": {\"running\": 0.75, \"outputs\": 0.5, \"lapsed_below\": 0.2},"
                            " \"no_data\": null, \"summary\": \"%s of %s\", \"explanation\": %s}",
                            i ? ", " : "", loops[i], states[i], loops[i], who,
                            g_str_equal (states[i], "no_data") ? "null" : "\"because\"");
  g_string_append_printf (text, "], \"hollow_cadence\": %s}", hollow ? "true" : "false");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
cl_test_cache_kib (ClStore *store)
{
  sqlite3_stmt *stmt;
  int size;

  g_assert_cmpint (sqlite3_prepare_v2 (cl_store_get_db (store), "PRAGMA cache_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  /* negative: a size in KiB, as the store sets it */
  g_assert_cmpint (size, <, 0);
  return -size;
}

void
cl_test_note_cache (double   fraction,
                    gpointer seen)
{
  ClTestCacheSeen *cache = seen;

  cache->largest_kib = MAX (cache->largest_kib, cl_test_cache_kib (cache->store));
}

char *
cl_test_json_test_suite_dir (void)
{
  const char *root = g_getenv ("CLOSELOOP_TESTDATA");
  g_autofree char *dir = root && *root ? g_build_filename (root, "jsontestsuite", "test_parsing", NULL) : NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no jsontestsuite: set -Dtestdata to ../shared/testdata");
      return NULL;
    }
  return g_steal_pointer (&dir);
}
