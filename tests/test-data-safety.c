/* test-data-safety.c — nothing lost: the workspace survives other
 * processes, and every file written or read survives odd targets, kills
 * and full disks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include "cl-csv.h"
#include "cl-export.h"
#include "cl-file.h"
#include "cl-json-writer.h"
#include "cl-review-export.h"
#include "cl-store-private.h"
#include "cl-summary.h"
#include "cl-team-folder.h"
#include "cl-transcript.h"
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

/* Runs the shell-quoted command @line, which must succeed; its output. */
static char *
run_command (const char *line)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (line, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Runs `closeloop --workspace @path COMMAND` and waits for it. */
static void
run_closeloop (const char *path,
               const char *command)
{
  g_autofree char *line = g_strdup_printf ("'%s' --workspace '%s' %s", closeloop_exe, path, command);
  g_autofree char *out = run_command (line);
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

/* A character device like /dev/null (1:3), /dev/zero (1:5) or /dev/full
 * (1:7) in the test's own folder; NULL (and the test skipped) when this
 * user may not make one. */
static char *
make_device (const char *dir,
             const char *name,
             int         minor)
{
  char *path = g_build_filename (dir, name, NULL);

  if (mknod (path, S_IFCHR | 0600, makedev (1, minor)) != 0)
    {
      g_test_message ("mknod %s: %s; its checks are skipped", name, g_strerror (errno));
      g_free (path);
      return NULL;
    }
  return path;
}

static char *
read_back (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gpointer
drain_fifo (gpointer path)
{
  return read_back (path);
}

/* No file is left beside the targets, as an atomic write's temporary. */
static void
assert_no_temporaries (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_null (strstr (name, ".json."));
}

/* The id of a process that has ended. */
static GPid
ended_process (void)
{
  char *argv[] = { (char *) "true", NULL };
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return pid;
}

/* A file written whole goes through a temporary file beside it, which a
 * kill leaves behind (a backup of 100 000 deals, 213 MB of it): the next
 * write of the same file removes those of this machine whose process is
 * gone, and nothing else. */
static void
test_abandoned_temporaries (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "backup.json", NULL);
  GPid gone = ended_process ();
  g_autofree char *abandoned = g_strdup_printf ("backup.json.%s-%d-Ab12Cd", g_get_host_name (), (int) gone);
  g_autofree char *under_way = g_strdup_printf ("backup.json.%s-%d-Ef34Gh", g_get_host_name (), (int) getpid ());
  g_autofree char *elsewhere = g_strdup_printf ("backup.json.%s-x-%d-Ij56Kl", g_get_host_name (), (int) gone);
  const char *kept[] = { under_way, elsewhere, "backup.json.old", "other.json" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, kept[i], NULL);

      g_assert_true (g_file_set_contents (path, "{}", 2, NULL));
    }
  {
    g_autofree char *path = g_build_filename (f->dir, abandoned, NULL);

    g_assert_true (g_file_set_contents (path, "{\"half", 6, NULL));
    g_assert_true (cl_file_write (target, "{}", 2, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

/* Regular files are replaced whole and 0600; a FIFO, a device and a link's
 * target are written where they are, never replaced by a regular file. */
static void
test_write_targets (Fixture       *f,
                    gconstpointer  data)
{
  static const char text[] = "{ \"format\" : \"x\" }\n";
  g_autofree char *plain = g_build_filename (f->dir, "plain.json", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.json", NULL);
  g_autofree char *target = g_build_filename (f->dir, "target.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *null_device = make_device (f->dir, "null.json", 3);
  g_autofree char *written = NULL, *drained = NULL;
  g_autoptr (GError) error = NULL;
  GThread *reader;
  GStatBuf st;

  g_assert_true (g_file_set_contents (plain, "old", -1, NULL));
  g_assert_cmpint (g_chmod (plain, 0644), ==, 0);
  g_assert_true (cl_file_write (plain, text, strlen (text), &error));
  g_assert_no_error (error);
  written = read_back (plain);
  g_assert_cmpstr (written, ==, text);
  g_assert_cmpint (g_stat (plain, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo-reader", drain_fifo, fifo);
  g_assert_true (cl_file_write (fifo, text, strlen (text), &error));
  g_assert_no_error (error);
  drained = g_thread_join (reader);
  g_assert_cmpstr (drained, ==, text);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.json", link), ==, 0);
  g_assert_true (cl_file_write (link, text, strlen (text), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_clear_pointer (&written, g_free);
  written = read_back (target);
  g_assert_cmpstr (written, ==, text);

  if (null_device != NULL)
    {
      g_assert_true (cl_file_write (null_device, text, strlen (text), &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_lstat (null_device, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }

  g_assert_false (cl_file_write (f->dir, text, strlen (text), &error));
  g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR);
  assert_no_temporaries (f->dir);
}

/* A device that is always full: the write says the disk is full and names
 * the folder. */
static void
test_write_full_device (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *full = make_device (f->dir, "full.json", 7);
  g_autoptr (GError) error = NULL;

  if (full == NULL)
    {
      g_test_skip ("cannot make a device here");
      return;
    }
  g_assert_false (cl_file_write (full, "{}", 2, &error));
  g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, f->dir));
}

/* Every reader of a user's file (summary, CSV, transcript, backup). */
static gboolean
read_with (int          reader,
           const char  *path,
           const char  *workspace,
           GError     **error)
{
  switch (reader)
    {
    case 0:
      {
        g_autoptr (ClStore) store = cl_store_open (workspace, error);
        g_autoptr (ClSummaryInfo) info = NULL;
        ClSummaryOutcome outcome;

        return store != NULL && (info = cl_summary_import (store, path, FALSE, &outcome, error)) != NULL;
      }
    case 1:
      {
        g_autoptr (ClCsv) csv = cl_csv_load (path, error);

        return csv != NULL;
      }
    case 2:
      {
        g_autoptr (ClTranscript) transcript = cl_transcript_load (path, error);

        return transcript != NULL;
      }
    default:
      {
        g_autofree char *restored = g_strconcat (workspace, ".restored", NULL);

        return cl_store_restore_workspace (path, restored, error);
      }
    }
}

#define N_READERS 4

/* A FIFO nobody writes to and an endless device are refused at once by
 * every reader; a file's size limit holds while it is read, not only by
 * what the file system says of its size. */
static void
test_bounded_reads (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *zero = make_device (f->dir, "zero", 5);
  g_autofree char *read = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (int reader = 0; reader < N_READERS; reader++)
    {
      g_test_message ("reader %d", reader);
      g_assert_false (read_with (reader, fifo, f->path, &error));
      g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR);
      g_clear_error (&error);
      if (zero == NULL)
        continue;
      g_assert_false (read_with (reader, zero, f->path, &error));
      g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR);
      g_clear_error (&error);
    }

  /* /proc says its files are empty: only the reading can tell */
  g_assert_null (cl_file_read ("/proc/self/status", 16, &length, &error));
  g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  read = cl_file_read ("/proc/self/status", 1024 * 1024, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16);
  g_assert_cmpuint (strlen (read), ==, length);
}

/* The JSON text every document is written in: two spaces an indent at any
 * depth, whole numbers to their last digit, strings escaped, doubles
 * shortest, empty containers on one line. */
static void
test_json_text (void)
{
  ClJsonWriter *writer = cl_json_writer_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *deepest = g_strdup_printf ("\n%*s1\n", 2 * 20, "");

  cl_json_writer_begin_object (writer);
  cl_json_writer_member (writer, "ints");
  cl_json_writer_begin_array (writer);
  cl_json_writer_int (writer, 0);
  cl_json_writer_int (writer, -42);
  cl_json_writer_int (writer, G_MAXINT64);
  cl_json_writer_int (writer, G_MININT64);
  cl_json_writer_end (writer);
  cl_json_writer_member (writer, "empty");
  cl_json_writer_begin_array (writer);
  cl_json_writer_end (writer);
  cl_json_writer_member (writer, "none");
  cl_json_writer_begin_object (writer);
  cl_json_writer_end (writer);
  cl_json_writer_member (writer, "text");
  cl_json_writer_string (writer, "a \"b\" \\ c\n\t\x01\x7f \xc3\xa9");
  cl_json_writer_member (writer, "numbers");
  cl_json_writer_begin_array (writer);
  cl_json_writer_double (writer, 0.08);
  cl_json_writer_double (writer, 2.0);
  cl_json_writer_double (writer, INFINITY);
  cl_json_writer_string (writer, NULL);
  cl_json_writer_end (writer);
  cl_json_writer_end (writer);
  text = cl_json_writer_close_text (writer);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"ints\" : [\n"
                   "    0,\n"
                   "    -42,\n"
                   "    9223372036854775807,\n"
                   "    -9223372036854775808\n"
                   "  ],\n"
                   "  \"empty\" : [],\n"
                   "  \"none\" : {},\n"
                   "  \"text\" : \"a \\\"b\\\" \\\\ c\\n\\t\\u0001\\u007f \xc3\xa9\",\n"
                   "  \"numbers\" : [\n"
                   "    0.08,\n"
                   "    2.0,\n"
                   "    null,\n"
                   "    null\n"
                   "  ]\n"
                   "}\n");

  /* deeper than the indents written in one piece */
  writer = cl_json_writer_new (NULL);
  for (int depth = 0; depth < 20; depth++)
    cl_json_writer_begin_array (writer);
  cl_json_writer_int (writer, 1);
  for (int depth = 0; depth < 20; depth++)
    cl_json_writer_end (writer);
  g_clear_pointer (&text, g_free);
  text = cl_json_writer_close_text (writer);
  g_assert_nonnull (strstr (text, deepest));
  g_assert_true (g_str_has_suffix (text, "\n]\n"));
}

/* A sample team with calls, backed up: the workspace and its backup. */
static char *
back_up_team (Fixture *f,
              guint    n_deals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = NULL;
  char *path = g_build_filename (f->dir, "backup.json", NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = n_deals;
  cl_test_write_team (f->path, &options);
  store = cl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_write_workspace (store, path, &error));
  g_assert_no_error (error);
  return path;
}

/* A backup restores to the same bytes, every double to its last bit. */
static void
test_backup_exact (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *backup = back_up_team (f, 3000);
  g_autofree char *restored = g_build_filename (f->dir, "restored.db", NULL);
  g_autofree char *before = NULL, *after = NULL, *n_metrics = NULL;
  g_autoptr (GError) error = NULL;

  n_metrics = cl_test_sql_text (f->path, "SELECT count(*) > 0 FROM calls WHERE talk_ratio IS NOT NULL");
  g_assert_cmpstr (n_metrics, ==, "1\n");
  g_assert_true (cl_store_restore_workspace (backup, restored, &error));
  g_assert_no_error (error);
  before = cl_test_sqlite_dump (f->path);
  after = cl_test_sqlite_dump (restored);
  if (before == NULL)
    {
      g_test_skip ("no sqlite3 to dump the workspaces with");
      return;
    }
  g_assert_true (g_str_equal (before, after));
}

/* The backup's document, edited by @edit, written as a new file. */
static char *
edited_backup (const char *backup,
               const char *name,
               void      (*edit) (JsonObject *root))
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (backup);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (json_parser_load_from_file (parser, backup, &error));
  edit (json_node_get_object (json_parser_get_root (parser)));
  g_assert_true (cl_export_write_document (json_parser_get_root (parser), path, &error));
  g_assert_no_error (error);
  return path;
}

static JsonObject *
table_content (JsonObject *root,
               const char *table)
{
  return json_object_get_object_member (json_object_get_object_member (root, "tables"), table);
}

/* Sets the first row's @column of @table to @value (taken). */
static void
set_cell (JsonObject *root,
          const char *table,
          const char *column,
          JsonNode   *value)
{
  JsonObject *content = table_content (root, table);
  JsonArray *columns = json_object_get_array_member (content, "columns");
  JsonArray *rows = json_object_get_array_member (content, "rows");
  JsonArray *first = json_array_get_array_element (rows, 0);
  JsonArray *new_rows = json_array_new ();
  JsonArray *new_first = json_array_new ();

  /* json-glib cannot set an array's element: the rows are built anew */
  for (guint c = 0; c < json_array_get_length (first); c++)
    json_array_add_element (new_first, g_str_equal (json_array_get_string_element (columns, c), column)
                                       ? json_node_ref (value)
                                       : json_node_copy (json_array_get_element (first, c)));
  json_array_add_array_element (new_rows, new_first);
  for (guint r = 1; r < json_array_get_length (rows); r++)
    json_array_add_element (new_rows, json_node_copy (json_array_get_element (rows, r)));
  json_object_set_array_member (content, "rows", new_rows);
  json_node_unref (value);
}

static void
version_as_text (JsonObject *root)
{
  json_object_set_string_member (root, "schema_version", "8");
}

static void
text_in_integer_column (JsonObject *root)
{
  set_cell (root, "deals", "amount_cents", json_node_init_string (json_node_alloc (), "12"));
}

static void
owner_missing (JsonObject *root)
{
  set_cell (root, "deals", "owner_id", json_node_init_int (json_node_alloc (), 999999));
}

static void
unknown_table (JsonObject *root)
{
  JsonObject *extra = json_object_new ();

  json_object_set_array_member (extra, "columns", json_array_new ());
  json_object_set_array_member (extra, "rows", json_array_new ());
  json_object_set_object_member (json_object_get_object_member (root, "tables"), "extra", extra);
}

static void
infinite_metric (JsonObject *root)
{
  set_cell (root, "calls", "talk_ratio", json_node_init_string (json_node_alloc (), "@@infinity@@"));
}

/* The marker of infinite_metric () written as a number JSON cannot hold. */
static void
write_infinity (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GString) edited = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"@@infinity@@\"", "1e999", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, edited->len, NULL));
}

/* @backup with @text where its last "}" was: what follows the tables. */
static char *
backup_ending (const char *backup,
               const char *name,
               const char *text)
{
  g_autofree char *dir = g_path_get_dirname (backup);
  g_autofree char *content = NULL;
  char *path = g_build_filename (dir, name, NULL);
  char *end;

  g_assert_true (g_file_get_contents (backup, &content, NULL, NULL));
  end = strrchr (content, '}');
  g_assert_nonnull (end);
  *end = '\0';
  {
    g_autofree char *edited = g_strconcat (content, text, NULL);

    g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  }
  return path;
}

/* A backup whose first row nests 100 000 levels deep. */
static char *
deep_backup (const char *dir)
{
  g_autoptr (GString) text = g_string_new ("{\"format\": \"closeloop.workspace\", \"version\": 1, "
                                          "\"schema_version\": 1, \"tables\": {\"reps\": "
                                          "{\"columns\": [\"id\"], \"rows\": ");
  char *path = g_build_filename (dir, "deep.json", NULL);

  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}}}");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

/* Only the backups, the workspace and its journal are in @dir. */
static void
assert_nothing_left (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_has_suffix (name, ".json") || g_str_has_prefix (name, "workspace.db"));
}

static void
assert_restore_refused (const char *backup,
                        const char *target,
                        GQuark      domain,
                        int         code,
                        const char *named)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (target);

  g_test_message ("%s", backup);
  g_assert_false (cl_store_restore_workspace (backup, target, &error));
  g_assert_error (error, domain, code);
  if (named != NULL)
    g_assert_nonnull (strstr (error->message, named));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_nothing_left (dir);
}

/* A backup from outside is checked as it is read, before anything built
 * from it is kept: its nesting (without recursion), each value against its
 * column, its tables, its rows' references; a gigabyte that is not JSON at
 * its first byte is refused there, not read whole. A refusal leaves
 * nothing behind. */
static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *backup = back_up_team (f, 30);
  g_autofree char *target = g_build_filename (f->dir, "restored.db", NULL);
  g_autofree char *version = edited_backup (backup, "version.json", version_as_text);
  g_autofree char *text = edited_backup (backup, "text.json", text_in_integer_column);
  g_autofree char *owner = edited_backup (backup, "owner.json", owner_missing);
  g_autofree char *extra = edited_backup (backup, "extra.json", unknown_table);
  g_autofree char *infinite = edited_backup (backup, "infinite.json", infinite_metric);
  g_autofree char *deep = deep_backup (f->dir);
  /* after the tables: what is not JSON, and what is */
  g_autofree char *trailing = backup_ending (backup, "trailing.json", " x }");
  g_autofree char *more = backup_ending (backup, "more.json", ", \"note\": [1, {\"a\": null}] }\n");
  g_autofree char *huge = g_build_filename (f->dir, "huge.json", NULL);
  int fd;

  write_infinity (infinite);
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1024 * 1024 * 1024 + 1), ==, 0);
  close (fd);

  assert_restore_refused (deep, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "nests deeper");
  assert_restore_refused (trailing, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "trailing.json");
  assert_restore_refused (huge, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "backup: line 1:");
  assert_restore_refused (version, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "schema_version");
  assert_restore_refused (text, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "amount_cents");
  assert_restore_refused (extra, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "extra");
  assert_restore_refused (infinite, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "talk_ratio");
  assert_restore_refused (owner, target, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "deals, row 1,");
  g_remove (huge);

/* the untouched backup restores, and so does one with more after its
 * tables */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *again = g_build_filename (f->dir, "again.db", NULL);

    g_assert_true (cl_store_restore_workspace (backup, target, &error));
    g_assert_no_error (error);
    g_assert_true (cl_store_restore_workspace (more, again, &error));
    g_assert_no_error (error);
  }
}

typedef struct
{
  ClStore    *store;
  const char *path;
  GError     *error;
  gboolean    ok;
} BackupJob;

static gpointer
back_up_in_thread (gpointer data)
{
  BackupJob *job = data;

  job->ok = cl_store_write_workspace (job->store, job->path, &job->error);
  return NULL;
}

/* A backup is one snapshot of the workspace: a deal and its history added
 * while the backup is half-way through the deals are in it wholly or not
 * at all, never as history that refers to a deal the backup lacks. */
static void
test_backup_one_snapshot (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "backup.fifo", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "backup.json", NULL);
  g_autofree char *restored = g_build_filename (f->dir, "restored.db", NULL);
  g_autofree char *deals = NULL, *orphans = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GError) error = NULL;
  BackupJob job = { 0 };
  ClDemoOptions options;
  GThread *thread;
  sqlite3 *writer;
  char chunk[4096];
  ssize_t n;
  int fd;

  cl_demo_options_init (&options);
  options.n_deals = 1000;
  cl_test_write_team (f->path, &options);
  store = cl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  job.store = store;
  job.path = fifo;
  thread = g_thread_new ("backup", back_up_in_thread, &job);
  fd = g_open (fifo, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  /* the deals are being read: the pipe holds the backup there, far from
   * their end (a thousand deals are several times what a pipe holds) */
  while (strstr (text->str, "\"deals\" : {") == NULL)
    {
      g_assert_cmpint ((n = read (fd, chunk, sizeof chunk)), >, 0);
      g_string_append_len (text, chunk, n);
    }
  g_assert_cmpint (sqlite3_open_v2 (f->path, &writer, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (writer, 5000);
  g_assert_cmpint (sqlite3_exec (writer,
                                 "BEGIN;"
                                 "INSERT INTO deals (name, account, owner_id, stage_id, amount_cents, currency,"
                                 "                   close_date, forecast, created_on, stage_entered_on)"
                                 "  SELECT 'Added meanwhile', account, owner_id, stage_id, amount_cents, currency,"
                                 "         close_date, forecast, created_on, stage_entered_on FROM deals LIMIT 1;"
                                 "INSERT INTO deal_events (deal_id, occurred_on, field, new_value)"
                                 "  VALUES (last_insert_rowid (), '2026-11-20', 'created', NULL);"
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  while ((n = read (fd, chunk, sizeof chunk)) > 0)
    g_string_append_len (text, chunk, n);
  close (fd);
  g_thread_join (thread);
  g_assert_no_error (job.error);
  g_assert_true (job.ok);

  g_assert_true (g_file_set_contents (backup, text->str, text->len, &error));
  g_assert_true (cl_store_restore_workspace (backup, restored, &error));
  g_assert_no_error (error);
  deals = cl_test_sql_text (restored, "SELECT count(*) FROM deals WHERE name = 'Added meanwhile'");
  orphans = cl_test_sql_text (restored, "SELECT count(*) FROM deal_events WHERE deal_id NOT IN (SELECT id FROM deals)");
  g_assert_cmpstr (deals, ==, "0\n");
  g_assert_cmpstr (orphans, ==, "0\n");
}

/* A progress handler that counts its calls, and interrupts SQLite at the
 * call numbered *interrupt_at (never when it is 0). */
typedef struct
{
  guint calls;
  guint interrupt_at;
} Interruption;

static int
interrupt_at (void *data)
{
  Interruption *interruption = data;

  return ++interruption->calls == interruption->interrupt_at;
}

/* A read that fails half-way through a table fails the backup, and leaves
 * no file: it never ends the table early as if it were whole. */
static void
test_backup_read_fails (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *backup = back_up_team (f, 1000);
  g_autofree char *failed = g_build_filename (f->dir, "failed.json", NULL);
  g_autoptr (ClStore) store = cl_store_open (f->path, NULL);
  g_autoptr (GError) error = NULL;
  Interruption interruption = { 0 };

  /* how many calls a whole backup makes; then one that stops half-way */
  sqlite3_progress_handler (cl_store_get_db (store), 100, interrupt_at, &interruption);
  g_assert_true (cl_store_write_workspace (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (interruption.calls, >, 100);
  interruption = (Interruption) { 0, interruption.calls / 2 };
  g_assert_false (cl_store_write_workspace (store, failed, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "could not be read to its end"));
  g_assert_false (g_file_test (failed, G_FILE_TEST_EXISTS));
  assert_nothing_left (f->dir);
}

/* The document of @path, its "exported_at" line left out: it is the only
 * one that says when it was written. */
static char *
text_but_moment (const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) kept = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

/* The pre-read written as it is made is the document built whole, in a
 * file of its own (0600); a week that is not one writes nothing. A command
 * that reads the workspace through bounds its page cache. */
static void
test_pre_read_streamed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *week = cl_date_iso_week (cl_date_today () + 7);
  g_autofree char *built_path = g_build_filename (f->dir, "built.json", NULL);
  g_autofree char *written_path = g_build_filename (f->dir, "written.json", NULL);
  g_autofree char *built = NULL, *written = NULL;
  g_autoptr (ClStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  ClDemoOptions options;
  struct stat st;

  cl_demo_options_init (&options);
  options.n_deals = 300;
  cl_test_write_team (f->path, &options);
  store = cl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_set_cache_size (store, 2048), ==, 64 * 1024);
  g_assert_cmpint (cl_store_set_cache_size (store, 2048), ==, 2048);

  root = cl_review_export_build (store, week, &error);
  g_assert_no_error (error);
  g_assert_true (cl_export_write_document (root, built_path, &error));
  g_assert_true (cl_review_export_write (store, week, written_path, &error));
  g_assert_no_error (error);
  built = text_but_moment (built_path);
  written = text_but_moment (written_path);
  g_assert_cmpstr (written, ==, built);
  g_assert_nonnull (strstr (written, "\"held\" : false"));
  g_assert_cmpuint (strlen (written), >, 300 * 200);
  g_assert_cmpint (g_stat (written_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_remove (written_path);
  g_assert_false (cl_review_export_write (store, "2026-W99", written_path, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (written_path, G_FILE_TEST_EXISTS));
  assert_nothing_left (f->dir);
}

/* Whether a restore builds a workspace in @dir under its hidden name. */
static gboolean
restore_building (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".restoring-") != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
restore_under_way (const char *dir,
                   const char *target)
{
  return g_file_test (target, G_FILE_TEST_EXISTS) || restore_building (dir);
}

/* A restore killed while it builds the workspace leaves nothing at the
 * target, and the same restore then succeeds, removing what the killed
 * one had built under its hidden name: a backup of any size restores, and
 * what is left of a large one is as large. */
static void
test_restore_killed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backup = back_up_team (f, 6000);
  g_autofree char *target = g_build_filename (f->dir, "restored.db", NULL);
  g_autoptr (GError) error = NULL;
  char *argv[] = { closeloop_exe, (char *) "--workspace", target, (char *) "import", (char *) "workspace", backup,
                   NULL };
  g_autofree char *count = NULL;
  GPid pid;
  int status;

  if (closeloop_exe == NULL)
    {
      g_test_skip ("CLOSELOOP_EXE is not set");
      return;
    }
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                NULL, &pid, &error));
  g_assert_no_error (error);
  while (!restore_under_way (f->dir, target))
    g_usleep (1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_true (cl_store_restore_workspace (backup, target, &error));
  g_assert_no_error (error);
  count = cl_test_sql_text (target, "SELECT count(*) FROM deals");
  g_assert_cmpstr (count, ==, "6000\n");
  g_assert_false (restore_building (f->dir));
}

/* A file system of @kb KiB mounted on a new folder of @dir, or NULL (and
 * the test skipped) when this user may not mount one. */
static char *
mount_small_disk (const char *dir,
                  guint       kb)
{
  char *point = g_build_filename (dir, "small-disk", NULL);
  g_autofree char *line = g_strdup_printf ("mount -t tmpfs -o size=%uk,mode=0700 tmpfs '%s'", kb, point);
  int status = -1;

  g_assert_cmpint (g_mkdir (point, 0700), ==, 0);
  if (!g_spawn_command_line_sync (line, NULL, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("cannot mount a small file system here (needs root)");
      g_free (point);
      return NULL;
    }
  return point;
}

static void
unmount_small_disk (const char *point)
{
  g_autofree char *line = g_strdup_printf ("umount '%s'", point);

  g_assert_true (g_spawn_command_line_sync (line, NULL, NULL, NULL, NULL));
}

/* Fills the disk at @point with a file of its own, until it is full. */
static char *
fill_disk (const char *point)
{
  char *filler = g_build_filename (point, "filler", NULL);
  char block[4096] = { 0 };
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  while (write (fd, block, 1) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
  return filler;
}

/* On a full disk the workspace and an export both say that the disk, and
 * which folder, is full; neither changes. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *point = mount_small_disk (f->dir, 1024);
  g_autofree char *workspace = NULL, *exported = NULL, *filler = NULL, *kept = NULL, *after = NULL;
  g_autofree char *large = g_strnfill (256 * 1024, 'x');
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) rep = cl_rep_new ("Ana Okafor");

  if (point == NULL)
    return;
  workspace = g_build_filename (point, "workspace.db", NULL);
  exported = g_build_filename (point, "review.json", NULL);
  store = cl_store_open (workspace, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_add_rep (store, rep, &error));
  g_assert_true (g_file_set_contents (exported, "old", -1, NULL));
  filler = fill_disk (point);

  g_assert_false (cl_store_set_setting_text (store, "large", large, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "the disk holding"));
  g_assert_nonnull (strstr (error->message, point));
  g_assert_null (strstr (error->message, "I/O"));
  g_clear_error (&error);

  g_assert_false (cl_file_write (exported, large, strlen (large), &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "the disk holding"));
  g_clear_error (&error);
  after = read_back (exported);
  g_assert_cmpstr (after, ==, "old");
  assert_no_temporaries (point);

  g_clear_object (&store);
  g_assert_cmpint (g_remove (filler), ==, 0);
  kept = cl_test_sql_text (workspace, "SELECT (SELECT count(*) FROM reps) || ' ' || "
                                      "(SELECT count(*) FROM settings WHERE key = 'large')");
  g_assert_cmpstr (kept, ==, "1 0\n");
  unmount_small_disk (point);
}

/* A teammate's file that arrives while another process writes to the
 * workspace is kept at the next sync; a file that is itself unreadable is
 * not read again until it changes. */
static void
test_team_folder_retry (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "team", NULL);
  g_autofree char *mate = g_build_filename (folder, "Ben Li", NULL);
  g_autofree char *summary = g_build_filename (mate, "loop-health-2026-Q4.json", NULL);
  g_autofree char *broken = g_build_filename (mate, "loop-health-2026-Q3.json", NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (f->path, &error);
  g_autoptr (ClTeamFolderSync) busy = NULL, retried = NULL, again = NULL;
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (mate, 0700), ==, 0);
  g_assert_true (g_file_set_contents (summary, "{\"format\": \"closeloop.loop-health\", \"version\": 1, "
                                      "\"app_version\": \"0.1.0\", \"exported_at\": \"2026-11-20T09:00:00Z\", "
                                      "\"exported_by\": \"Ben Li\", \"period\": \"2026-Q4\"}", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{ not json", -1, NULL));

  /* another process's import holds the workspace */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  busy = cl_team_folder_sync (store, folder, "Me", seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (busy->n_added, ==, 0);
  g_assert_cmpuint (busy->failures->len, ==, 2);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  retried = cl_team_folder_sync (store, folder, "Me", seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (retried->n_added, ==, 1);
  g_assert_cmpuint (retried->failures->len, ==, 0);

  /* the broken file, changed, is read again */
  g_assert_true (g_file_set_contents (broken, "{ still not json", -1, NULL));
  again = cl_team_folder_sync (store, folder, "Me", seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->failures->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  closeloop_exe = g_strdup (g_getenv ("CLOSELOOP_EXE"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/safety/reader-keeps-journal", test_reader_keeps_journal);
  ADD ("/safety/write-targets", test_write_targets);
  ADD ("/safety/abandoned-temporaries", test_abandoned_temporaries);
  ADD ("/safety/write-full-device", test_write_full_device);
  ADD ("/safety/bounded-reads", test_bounded_reads);
  g_test_add_func ("/safety/json-text", test_json_text);
  ADD ("/safety/backup-exact", test_backup_exact);
  ADD ("/safety/backup-one-snapshot", test_backup_one_snapshot);
  ADD ("/safety/backup-read-fails", test_backup_read_fails);
  ADD ("/safety/pre-read-streamed", test_pre_read_streamed);
  ADD ("/safety/restore-refuses", test_restore_refuses);
  ADD ("/safety/restore-killed", test_restore_killed);
  ADD ("/safety/full-disk", test_full_disk);
  ADD ("/safety/team-folder-retry", test_team_folder_retry);
#undef ADD
  return g_test_run ();
}
