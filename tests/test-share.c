/* test-share.c — teammates' summaries: every format kept once, newer ones
 * replacing older ones when asked, and every bad file refused unchanged
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "cl-coaching-export.h"
#include "cl-demo.h"
#include "cl-development-export.h"
#include "cl-export.h"
#include "cl-health-export.h"
#include "cl-retro-export.h"
#include "cl-review-export.h"
#include "cl-file.h"
#include "cl-summary.h"
#include "test-util.h"

static char *tmp_dir;

static ClStore *
fresh_workspace (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  ClStore *store = cl_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static guint
library_size (ClStore *store)
{
  g_autofree char *count = cl_test_sql_text (cl_store_get_path (store), "SELECT count(*) FROM library");

  return g_ascii_strtoull (count, NULL, 10);
}

static char *
write_document (JsonNode   *root,
                const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (root);
  g_assert_true (cl_export_write_document (root, path, &error));
  json_node_unref (root);
  return path;
}

static ClSummaryOutcome
import_ok (ClStore    *store,
           const char *path,
           gboolean    replace)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClSummaryInfo) info = NULL;
  ClSummaryOutcome outcome = -1;

  info = cl_summary_import (store, path, replace, &outcome, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  return outcome;
}

static void
import_refused (ClStore    *store,
                const char *path,
                int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClSummaryInfo) info = NULL;
  ClSummaryOutcome outcome;
  guint before = library_size (store);

  info = cl_summary_import (store, path, FALSE, &outcome, &error);
  g_assert_null (info);
  if (code >= 0)
    g_assert_error (error, CL_SUMMARY_ERROR, code);
  else
    g_assert_nonnull (error);
  g_assert_cmpuint (library_size (store), ==, before);
}

/* Every format of the demo's exports is kept once; the same file again is
 * not kept twice. */
static void
test_every_format (void)
{
  g_autofree char *team_path = g_build_filename (tmp_dir, "team.db", NULL);
  g_autoptr (ClStore) team = NULL;
  g_autoptr (ClStore) library = fresh_workspace ("library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRetroInputs) retro = NULL;
  g_autofree char *deal_id = NULL, *rep = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 120;
  options.today = cl_date_from_ymd (2026, 11, 23);
  cl_test_write_team (team_path, &options);
  team = cl_store_open (team_path, &error);
  g_assert_no_error (error);
  deal_id = cl_test_sql_text (team_path, "SELECT deal_id FROM coaching_sessions LIMIT 1");
  rep = cl_test_sql_text (team_path, "SELECT r.name FROM dev_plans p JOIN reps r ON r.id = p.rep_id "
                                     "WHERE p.month = '2026-11' LIMIT 1");
  retro = cl_retro_inputs_load (team_path, "2026-Q3", options.today, &error);
  g_assert_no_error (error);

  g_ptr_array_add (paths, write_document (cl_review_export_build (team, "2026-W47", &error), "review.json"));
  g_ptr_array_add (paths, write_document (cl_coaching_export_build (team, g_ascii_strtoll (deal_id, NULL, 10), FALSE,
                                                                    &error), "coaching.json"));
  g_ptr_array_add (paths, write_document (cl_development_export_build (team, g_strchomp (rep), "2026-11", &error),
                                          "plan.json"));
  g_ptr_array_add (paths, write_document (cl_retro_export_build (team, retro, &error), "retro.json"));
  g_ptr_array_add (paths, write_document (cl_health_export_build (team, "2026-Q4", options.today, &error),
                                          "health.json"));
  for (guint i = 0; i < paths->len; i++)
    g_assert_cmpint (import_ok (library, g_ptr_array_index (paths, i), FALSE), ==, CL_SUMMARY_ADDED);
  for (guint i = 0; i < paths->len; i++)
    g_assert_cmpint (import_ok (library, g_ptr_array_index (paths, i), FALSE), ==, CL_SUMMARY_ALREADY_KEPT);
  g_assert_cmpuint (library_size (library), ==, paths->len);
  g_ptr_array_unref (paths);
}

static char *
write_text (const char *name,
            const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A newer export of a kept summary replaces it when asked; an older one is
 * refused, saying when each was exported; a version from a newer Closeloop is refused by name, and version
 * 1 of a format now at 2 is still read. */
static void
test_versions (void)
{
  static const char head[] = "{\"format\":\"closeloop.quarterly-retro\",\"version\":%d,\"app_version\":\"0.1.0\","
                             "\"exported_at\":\"%s\",\"exported_by\":\"Ana\",\"quarter\":\"2026-Q3\"}";
  g_autoptr (ClStore) library = fresh_workspace ("versions.db");
  g_autofree char *first_text = g_strdup_printf (head, 1, "2026-10-05T10:00:00Z");
  g_autofree char *later_text = g_strdup_printf (head, 1, "2026-10-06T10:00:00Z");
  g_autofree char *earlier_text = g_strdup_printf (head, 1, "2026-10-01T10:00:00Z");
  g_autofree char *future_text = g_strdup_printf (head, 3, "2027-01-01T10:00:00Z");
  g_autofree char *first = write_text ("first.json", first_text);
  g_autofree char *later = write_text ("later.json", later_text);
  g_autofree char *earlier = write_text ("earlier.json", earlier_text);
  g_autofree char *future = write_text ("future.json", future_text);
  g_autoptr (GError) error = NULL;
  ClSummaryOutcome outcome;

  g_assert_cmpint (import_ok (library, first, FALSE), ==, CL_SUMMARY_ADDED);
  import_refused (library, later, CL_SUMMARY_ERROR_NEWER);
  g_assert_cmpint (import_ok (library, later, TRUE), ==, CL_SUMMARY_REPLACED);
  g_assert_cmpuint (library_size (library), ==, 1);
  import_refused (library, earlier, CL_SUMMARY_ERROR_OLDER);
  /* when, said in words, not as stamped */
  g_assert_null (cl_summary_import (library, earlier, FALSE, &outcome, &error));
  g_assert_nonnull (strstr (error->message, "exported 1 October 2026"));
  g_assert_nonnull (strstr (error->message, "from 6 October 2026"));
  g_clear_error (&error);
  g_assert_null (cl_summary_import (library, future, FALSE, &outcome, &error));
  g_assert_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "version 3"));
  g_assert_nonnull (strstr (error->message, "reads up to version 2"));
}

/* Valid JSON of the wrong shape, and files no summary could be. */
static void
test_wrong_shapes (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "[]", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.pipeline-review\"}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":42,\"version\":1}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.pipeline-review\",\"version\":\"1\"}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.pipeline-review\",\"version\":1e999}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.pipeline-review\",\"version\":99999999999999999999999}", -1 },
    { "{\"format\":\"someone.else\",\"version\":1}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.call-metrics\",\"version\":1}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.deal-coaching\",\"version\":1,\"app_version\":\"1\",\"exported_at\":\"x\","
      "\"exported_by\":\"A\",\"deal\":\"Acme\"}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.pipeline-review\",\"version\":1,\"app_version\":\"1\",\"exported_at\":\"x\","
      "\"exported_by\":null,\"week\":\"2026-W47\"}", CL_SUMMARY_ERROR_NOT_SUMMARY },
    { "{\"format\":\"closeloop.pipeline-review\",", CL_SUMMARY_ERROR_NOT_JSON },
  };
  g_autoptr (ClStore) library = fresh_workspace ("shapes.db");
  g_autofree char *deep = NULL;
  g_autofree char *huge = g_build_filename (tmp_dir, "huge.json", NULL);
  int fd;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("shape-%u.json", i);
      g_autofree char *path = write_text (name, cases[i].text);

      g_test_message ("%s", cases[i].text);
      import_refused (library, path, cases[i].code);
    }
  /* a hundred thousand nested arrays: refused before parsing */
  {
    GString *text = g_string_new (NULL);

    for (int i = 0; i < 100000; i++)
      g_string_append_c (text, '[');
    for (int i = 0; i < 100000; i++)
      g_string_append_c (text, ']');
    deep = write_text ("deep.json", text->str);
    g_string_free (text, TRUE);
  }
  import_refused (library, deep, CL_SUMMARY_ERROR_TOO_DEEP);
  /* 100 MB, sparse: refused by its size, never read */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  {
    g_autoptr (GError) error = NULL;
    ClSummaryOutcome outcome;

    g_assert_null (cl_summary_import (library, huge, FALSE, &outcome, &error));
    g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_TOO_LARGE);
  }
}

/* Every file of JSONTestSuite is refused cleanly (none is a summary), and
 * the workspace is left as it was. */
static void
test_json_test_suite (void)
{
  g_autofree char *dir = cl_test_json_test_suite_dir ();
  g_autoptr (ClStore) library = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;
  guint files = 0, not_json = 0;

  if (dir == NULL)
    return;
  library = fresh_workspace ("suite.db");
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ClSummaryInfo) info = NULL;
      ClSummaryOutcome outcome;

      info = cl_summary_import (library, path, FALSE, &outcome, &error);
      g_assert_null (info);
      g_assert_true (error->domain == CL_SUMMARY_ERROR);
      g_assert_nonnull (strstr (error->message, name));
      not_json += error->code == CL_SUMMARY_ERROR_NOT_JSON;
      files++;
    }
  g_test_message ("%u files refused, %u of them as not JSON", files, not_json);
  g_assert_cmpuint (files, >=, 300);
  g_assert_cmpuint (library_size (library), ==, 0);
}

/* A whole-workspace backup restores every table exactly. */
static void
test_workspace_round_trip (void)
{
  g_autofree char *team_path = g_build_filename (tmp_dir, "backed-up.db", NULL);
  g_autofree char *restored_path = g_build_filename (tmp_dir, "restored.db", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *tables = NULL;
  g_autoptr (ClStore) team = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 80;
  options.today = cl_date_from_ymd (2026, 11, 23);
  cl_test_write_team (team_path, &options);
  team = cl_store_open (team_path, &error);
  g_assert_no_error (error);
  backup = write_document (cl_store_export_workspace (team, &error), "backup.json");
  g_assert_true (cl_store_restore_workspace (backup, restored_path, &error));
  g_assert_no_error (error);

  tables = cl_test_sql_text (team_path, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name");
  names = g_strsplit (g_strstrip (tables), "\n", -1);
  g_assert_cmpuint (g_strv_length (names), >, 20);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", names[i]);
      g_autofree char *before = cl_test_sql_text (team_path, sql);
      g_autofree char *after = cl_test_sql_text (restored_path, sql);

      g_assert_cmpstr (after, ==, before);
    }

  /* into a workspace that exists: refused, the file untouched */
  g_assert_false (cl_store_restore_workspace (backup, team_path, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
}

/* A second writer keeping a summary, on a connection of its own */
typedef struct
{
  ClStore          *store;
  const char       *path;
  ClSummaryOutcome  outcome;
  GError           *error;
  gboolean          kept;
} Writer;

static gpointer
keep_in_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr (ClSummaryInfo) info = cl_summary_import (writer->store, writer->path, FALSE, &writer->outcome,
                                                      &writer->error);

  writer->kept = info != NULL;
  return NULL;
}

/* Two writers keeping the same summary at once (the window and the team
 * folder's sync, each on its own connection): the second finds the first's
 * and says so, instead of failing on the library's unique digest. */
static void
test_two_writers (void)
{
  g_autoptr (ClStore) first = fresh_workspace ("two-writers.db");
  g_autoptr (ClStore) second = cl_store_open (cl_store_get_path (first), NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "two-writers.json", NULL);
  g_autoptr (GError) error = NULL;
  Writer writer = { second, path };
  GThread *thread;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"closeloop.loop-health\", \"version\": 1, "
                                      "\"app_version\": \"0.1.0\", \"exported_at\": \"2026-11-20T09:00:00Z\", "
                                      "\"exported_by\": \"Teammate\", \"period\": \"2026-Q4\"}", -1, NULL));
  /* the first keeps it in a transaction still open when the second starts */
  g_assert_true (cl_store_begin (first, &error));
  g_assert_cmpint (import_ok (first, path, FALSE), ==, CL_SUMMARY_ADDED);
  thread = g_thread_new ("second writer", keep_in_thread, &writer);
  g_usleep (200 * 1000);
  g_assert_true (cl_store_commit (first, &error));
  g_thread_join (thread);
  g_assert_no_error (writer.error);
  g_assert_true (writer.kept);
  g_assert_cmpint (writer.outcome, ==, CL_SUMMARY_ALREADY_KEPT);
  g_assert_cmpuint (library_size (first), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("CLOSELOOP_AUTHOR", "Test Author", TRUE);
  tmp_dir = g_dir_make_tmp ("closeloop-share-XXXXXX", NULL);
  g_test_add_func ("/share/every-format", test_every_format);
  g_test_add_func ("/share/versions", test_versions);
  g_test_add_func ("/share/wrong-shapes", test_wrong_shapes);
  g_test_add_func ("/share/json-test-suite", test_json_test_suite);
  g_test_add_func ("/share/workspace-round-trip", test_workspace_round_trip);
  g_test_add_func ("/share/two-writers", test_two_writers);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
