/* cl-store-backup.c — the whole workspace as one JSON document, and back
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.workspace", version 1: every table of the workspace,
 * private notes included, row by row, with the schema version it was
 * written at. A restore builds a new workspace at that version, fills it in
 * one transaction, then upgrades it as any older workspace is upgraded.
 */
#define G_LOG_DOMAIN "cl-store"
/* renameat2 () */
#define _GNU_SOURCE

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-document.h"
#include "cl-file.h"
#include "cl-json-text.h"
#include "cl-json-writer.h"
#include "cl-store-private.h"

#define FORMAT_NAME    "closeloop.workspace"
#define FORMAT_VERSION 1

/* The page cache while the backup reads, in KiB: each page is read once,
 * so a larger cache would only hold what was written already. */
#define BACKUP_CACHE_KIB 2048

/* Writes @table as the backup's `"table" : { "columns" : […], "rows" : […] }`,
 * row by row as SQLite reads them. */
static gboolean
write_table (sqlite3       *db,
             ClJsonWriter  *writer,
             const char    *table,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
  g_autofree char *plain = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *stmt;
  int n_columns;
  int rc;

  /* WITHOUT ROWID tables have no rowid: their primary key orders them */
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      && sqlite3_prepare_v2 (db, plain, -1, &stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db)), FALSE;
  n_columns = sqlite3_column_count (stmt);
  cl_json_writer_member (writer, table);
  cl_json_writer_begin_object (writer);
  cl_json_writer_member (writer, "columns");
  cl_json_writer_begin_array (writer);
  for (int c = 0; c < n_columns; c++)
    cl_json_writer_string (writer, sqlite3_column_name (stmt, c));
  cl_json_writer_end (writer);
  cl_json_writer_member (writer, "rows");
  cl_json_writer_begin_array (writer);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      cl_json_writer_begin_array (writer);
      for (int c = 0; c < n_columns; c++)
        switch (sqlite3_column_type (stmt, c))
          {
          case SQLITE_INTEGER:
            cl_json_writer_int (writer, sqlite3_column_int64 (stmt, c));
            break;
          case SQLITE_FLOAT:
            if (!isfinite (sqlite3_column_double (stmt, c)))
              {
                g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                             _("Table %s, column %s holds a number that is not finite; it cannot be backed up"),
                             table, sqlite3_column_name (stmt, c));
                sqlite3_finalize (stmt);
                return FALSE;
              }
            cl_json_writer_double (writer, sqlite3_column_double (stmt, c));
            break;
          case SQLITE_NULL:
            cl_json_writer_null (writer);
            break;
          default:
            /* NULL for text only when SQLite ran out of memory */
            if (sqlite3_column_text (stmt, c) == NULL)
              {
                rc = sqlite3_errcode (db);
                goto out;
              }
            cl_json_writer_string (writer, (const char *) sqlite3_column_text (stmt, c));
            break;
          }
      cl_json_writer_end (writer);
    }
out:
  /* a read that failed half-way must not end the table as if it were whole */
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                   _("Table %s could not be read to its end: %s"), table, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  cl_json_writer_end (writer);
  cl_json_writer_end (writer);
  return TRUE;
}

/* Writes the whole workspace to @writer, every table read in one read
 * transaction. */
static gboolean
write_workspace (ClJsonWriter  *writer,
                 gpointer       store,
                 GError       **error)
{
  ClStore *self = store;
  sqlite3 *db = cl_store_get_db (self);
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (JsonBuilder) header = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  int cache_kib;
  gboolean ok;
  int rc;

  /* One snapshot of every table: a writer committing between two tables
   * would otherwise give a backup whose rows refer to rows it does not
   * have, which a restore refuses. A savepoint, as the caller may be in a
   * transaction already. */
  if ((rc = sqlite3_exec (db, "SAVEPOINT backup", NULL, NULL, NULL)) != SQLITE_OK)
    return cl_store_fail (self, rc, error);
  cache_kib = cl_store_set_cache_size (self, BACKUP_CACHE_KIB);
  ok = (tables = cl_store_table_names (db, error)) != NULL;
  if (ok)
    {
      cl_export_begin_document (header, FORMAT_NAME, FORMAT_VERSION);
      cl_export_add_int (header, "schema_version", cl_store_get_schema_version (self));
      json_builder_end_object (header);
      root = json_builder_get_root (header);
      cl_json_writer_begin_object (writer);
      cl_json_writer_members (writer, json_node_get_object (root));
      cl_json_writer_member (writer, "tables");
      cl_json_writer_begin_object (writer);
    }
  for (guint i = 0; ok && i < tables->len; i++)
    ok = write_table (db, writer, g_ptr_array_index (tables, i), error);
  if (ok)
    {
      cl_json_writer_end (writer);
      cl_json_writer_end (writer);
    }
  sqlite3_exec (db, "RELEASE backup", NULL, NULL, NULL);
  cl_store_set_cache_size (self, cache_kib);
  return ok;
}

/**
 * cl_store_write_workspace:
 * @self: the workspace
 * @path: (nullable): the file to write, as cl_file_output_open () writes it
 *   (atomically, 0600), or %NULL for standard output
 * @error: return location for a #GError, or %NULL
 *
 * Writes the whole workspace as a "closeloop.workspace" document, version
 * 1: every table, private notes included, row by row, with the schema
 * version it is at. Every table is read in one read transaction, so a
 * writer meanwhile is in the backup wholly or not at all; rows are written
 * as they are read, so memory stays the same at any size. On failure a
 * file is left as it was; standard output, a FIFO or a device may have
 * received part of the document.
 *
 * Returns: %TRUE on success, %FALSE with @error set: a #ClFileError when
 *   the output cannot be written; INVALID when a column holds a number
 *   that is not finite, FAILED when the workspace cannot be read
 */
gboolean
cl_store_write_workspace (ClStore     *self,
                          const char  *path,
                          GError     **error)
{
  return cl_json_write_file (path, write_workspace, self, error);
}

/**
 * cl_store_export_workspace:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * The document cl_store_write_workspace () writes, as a tree: for a caller
 * that needs one, as it holds the whole workspace in memory, several times
 * over; cl_store_write_workspace () writes a file without.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL with
 *   @error set (INVALID when a column holds a number that is not finite)
 */
JsonNode *
cl_store_export_workspace (ClStore  *self,
                           GError  **error)
{
  return cl_json_write_tree (write_workspace, self, error);
}

/* ------------------------------------------------------------------ restoring */

/* A backup is read whole: at most this large (about 500 000 deals) … */
#define MAX_BACKUP_BYTES ((gsize) 1024 * 1024 * 1024)
/* … and nested no deeper than root → tables → table → rows → row */
#define MAX_BACKUP_DEPTH 5

static gboolean
bad_backup (GError     **error,
            const char  *name,
            const char  *what)
{
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                      _("%s is not a Closeloop workspace backup: %s"), name, what), FALSE;
}

/* The backup at @path parsed, once its size, text and nesting are known
 * to be safe to parse. */
static JsonParser *
parse_backup (const char  *path,
              const char  *name,
              GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  if ((data = cl_file_read (path, MAX_BACKUP_BYTES, &length, error)) == NULL)
    return NULL;
  switch (cl_json_text_check (data, length, MAX_BACKUP_DEPTH))
    {
    case CL_JSON_TEXT_TOO_DEEP:
      return bad_backup (error, name, _("it nests deeper than a backup does")), NULL;
    case CL_JSON_TEXT_NOT_TEXT:
      return bad_backup (error, name, _("it is not JSON text")), NULL;
    case CL_JSON_TEXT_OK:
      break;
    }
  if (!json_parser_load_from_data (parser, data, length, &local))
    return bad_backup (error, name, local->message), NULL;
  return g_steal_pointer (&parser);
}

/* The member @member of @object when it is a whole number. */
static gboolean
int_member (JsonObject *object,
            const char *member,
            gint64     *out_value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out_value = json_node_get_int (node);
  return TRUE;
}

/* Checks the document's format and versions; sets the schema version it
 * was written at and its tables. */
static gboolean
read_backup_header (JsonParser  *parser,
                    const char  *name,
                    gint64      *out_schema_version,
                    JsonObject **out_tables,
                    GError     **error)
{
  JsonNode *node = json_parser_get_root (parser);
  JsonObject *root;
  gint64 version = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_backup (error, name, _("not a JSON object"));
  root = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""), FORMAT_NAME) != 0)
    return bad_backup (error, name, _("its format is not closeloop.workspace"));
  if (!int_member (root, "version", &version) || version != FORMAT_VERSION)
    return bad_backup (error, name, _("a version this Closeloop does not read"));
  if (!int_member (root, "schema_version", out_schema_version) || *out_schema_version < 1)
    return bad_backup (error, name, _("its “schema_version” is not a workspace version"));
  if (*out_schema_version > CL_STORE_SCHEMA_VERSION)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_TOO_NEW,
                        _("%s was written by a newer Closeloop (workspace version %" PRId64 ")"), name,
                        *out_schema_version), FALSE;
  node = json_object_get_member (root, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_backup (error, name, _("it has no tables"));
  *out_tables = json_node_get_object (node);
  return TRUE;
}

/* The declared type of each column of @table: column name → "INTEGER",
 * "REAL", "TEXT" or "" (a column that keeps any value). */
static GHashTable *
column_types (sqlite3    *db,
              const char *table)
{
  GHashTable *types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, "SELECT name, upper(type) FROM pragma_table_info (?)", -1, &stmt, NULL) != SQLITE_OK)
    return types;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (types, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return types;
}

/* Binds @value when it is what a column of @type keeps: NULL anywhere (the
 * schema says where it may be), whole numbers in INTEGER columns, finite
 * numbers in REAL ones, text in TEXT ones. */
static gboolean
bind_checked (sqlite3_stmt *stmt,
              int           column,
              const char   *type,
              JsonNode     *value)
{
  GType held;

  if (JSON_NODE_HOLDS_NULL (value))
    return sqlite3_bind_null (stmt, column) == SQLITE_OK;
  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  held = json_node_get_value_type (value);
  if (held == G_TYPE_INT64 && (g_str_equal (type, "INTEGER") || g_str_equal (type, "REAL") || *type == '\0'))
    return sqlite3_bind_int64 (stmt, column, json_node_get_int (value)) == SQLITE_OK;
  if (held == G_TYPE_DOUBLE && (g_str_equal (type, "REAL") || *type == '\0')
      && isfinite (json_node_get_double (value)))
    return sqlite3_bind_double (stmt, column, json_node_get_double (value)) == SQLITE_OK;
  if (held == G_TYPE_STRING && (g_str_equal (type, "TEXT") || *type == '\0'))
    return sqlite3_bind_text (stmt, column, json_node_get_string (value), -1, SQLITE_TRANSIENT) == SQLITE_OK;
  return FALSE;
}

/* "INSERT INTO table (a, b) VALUES (?, ?)" for the backup's @columns, each
 * one of the table's; their types in @out_types. */
static char *
insert_sql (sqlite3     *db,
            const char  *table,
            JsonArray   *columns,
            GPtrArray  **out_types,
            const char  *name,
            GError     **error)
{
  g_autoptr (GHashTable) types = column_types (db, table);
  g_autoptr (GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) sql = g_string_new (NULL);
  guint n = json_array_get_length (columns);

  /* freed with its copies on every way out, a refusal half-way included */
  *out_types = g_ptr_array_new_with_free_func (g_free);
  g_string_printf (sql, "INSERT INTO \"%s\" (", table);
  for (guint c = 0; c < n; c++)
    {
      JsonNode *node = json_array_get_element (columns, c);
      const char *column = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;
      const char *type = column != NULL ? g_hash_table_lookup (types, column) : NULL;

      if (type == NULL || !g_hash_table_add (named, (gpointer) column))
        {
          g_autofree char *what = g_strdup_printf (_("table %s has a column the workspace does not"), table);

          return bad_backup (error, name, what), NULL;
        }
      /* the table's own copy of the type, alive as long as @types is not */
      g_ptr_array_add (*out_types, g_strdup (type));
      g_string_append_printf (sql, "%s\"%s\"", c ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < n; c++)
    g_string_append (sql, c ? ", ?" : "?");
  g_string_append (sql, ")");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Replaces the rows @table was created with by the backup's. */
static gboolean
restore_table (sqlite3     *db,
               const char  *table,
               JsonNode    *entry,
               const char  *name,
               GError     **error)
{
  JsonObject *content = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
  JsonNode *columns = content ? json_object_get_member (content, "columns") : NULL;
  JsonNode *rows = content ? json_object_get_member (content, "rows") : NULL;
  g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%s\"", table);
  g_autofree char *sql = NULL;
  g_autoptr (GPtrArray) types = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  guint n;

  if (columns == NULL || rows == NULL || !JSON_NODE_HOLDS_ARRAY (columns) || !JSON_NODE_HOLDS_ARRAY (rows))
    return bad_backup (error, name, table);
  if ((sql = insert_sql (db, table, json_node_get_array (columns), &types, name, error)) == NULL)
    return FALSE;
  n = types->len;
  if (sqlite3_exec (db, clear, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s: %s"), name, table,
                        sqlite3_errmsg (db)), FALSE;
  for (guint r = 0; ok && r < json_array_get_length (json_node_get_array (rows)); r++)
    {
      JsonNode *row = json_array_get_element (json_node_get_array (rows), r);
      JsonArray *values = JSON_NODE_HOLDS_ARRAY (row) ? json_node_get_array (row) : NULL;

      sqlite3_reset (stmt);
      if (values == NULL || json_array_get_length (values) != n)
        {
          g_autofree char *what = g_strdup_printf (_("table %s, row %u, does not hold one value per column"), table,
                                                   r + 1);

          ok = bad_backup (error, name, what);
        }
      for (guint c = 0; ok && c < n; c++)
        if (!bind_checked (stmt, c + 1, g_ptr_array_index (types, c), json_array_get_element (values, c)))
          {
            g_autofree char *what = g_strdup_printf (_("table %s, row %u: the value of %s is not what the column "
                                                       "keeps"), table, r + 1,
                                                     json_array_get_string_element (json_node_get_array (columns),
                                                                                    c));

            ok = bad_backup (error, name, what);
          }
      if (ok && sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s, row %u: %s"), name, table,
                       r + 1, sqlite3_errmsg (db));
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Refuses a row that refers to one the backup does not have. */
static gboolean
check_references (sqlite3     *db,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s: %s", name, sqlite3_errmsg (db)), FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    /* Translators: the backup, a table, the row's id, the table it refers to */
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                 _("%s: table %s, row %" PRId64 ", refers to a row of %s the backup does not have"), name,
                 (const char *) sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                 (const char *) sqlite3_column_text (stmt, 2));
  else if (rc != SQLITE_DONE)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s: %s", name, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Fills the new workspace @store (at the backup's version) with @tables,
 * in one transaction: every table of the workspace must be in the backup,
 * and nothing else. */
static gboolean
fill_workspace (ClStore     *store,
                JsonObject  *tables,
                const char  *name,
                GError     **error)
{
  sqlite3 *db = cl_store_get_db (store);
  g_autoptr (GPtrArray) names = cl_store_table_names (db, error);
  g_autoptr (GList) members = NULL;
  gboolean ok;

  if (names == NULL)
    return FALSE;
  members = json_object_get_members (tables);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
      {
        g_autofree char *what = g_strdup_printf (_("it has a table “%s” no workspace has"), (const char *) l->data);

        return bad_backup (error, name, what);
      }
  /* a new workspace, closed once filled: no need to set its cache back */
  cl_store_set_cache_size (store, CL_STORE_BULK_WRITE_CACHE_KIB);
  if (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK
      || !cl_store_begin (store, error))
    return cl_store_fail (store, sqlite3_errcode (db), error);
  ok = TRUE;
  /* the settings last: clearing the other tables' rows counts as edits
   * (CL_STORE_EDIT_COUNT), and the backup's own count is what it says */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; ok && i < names->len; i++)
      {
        const char *table = g_ptr_array_index (names, i);
        JsonNode *entry = json_object_get_member (tables, table);

        if (g_str_equal (table, "settings") != (pass == 1))
          continue;
        ok = entry != NULL ? restore_table (db, table, entry, name, error) : bad_backup (error, name, table);
      }
  ok = ok && check_references (db, name, error);
  if (!ok)
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

/* Moves the finished workspace @from to @to, unless something appeared at
 * @to meanwhile. */
static gboolean
move_into_place (const char  *from,
                 const char  *to,
                 GError     **error)
{
  int rc = renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);

  /* a file system without RENAME_NOREPLACE: look, then rename */
  if (rc != 0 && errno == EINVAL)
    rc = g_file_test (to, G_FILE_TEST_EXISTS) ? (errno = EEXIST, -1) : rename (from, to);
  if (rc != 0)
    {
      int saved = errno;

      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Workspace “%s”: %s"), to,
                          g_strerror (saved)), FALSE;
    }
  return TRUE;
}

/**
 * cl_store_restore_workspace:
 * @backup_path: a file cl_store_export_workspace () wrote
 * @workspace_path: where the new workspace goes; it must not exist
 * @error: return location for a #GError, or %NULL
 *
 * Restores @backup_path into a new workspace at @workspace_path: a
 * workspace at the backup's schema version is built under a hidden name
 * beside it, filled in one transaction, upgraded, then moved into place.
 * A backup over 1 GiB is refused. Nothing is left behind on failure.
 *
 * Returns: %TRUE on success, %FALSE with @error set: a #ClFileError when
 *   the backup cannot be read; else INVALID when @workspace_path exists or
 *   the backup is not a whole, consistent backup, TOO_NEW when a newer
 *   Closeloop wrote it, CONSTRAINT when a row breaks the schema, IO when
 *   the workspace cannot be written
 */
gboolean
cl_store_restore_workspace (const char  *backup_path,
                            const char  *workspace_path,
                            GError     **error)
{
  g_autofree char *name = g_filename_display_basename (backup_path);
  g_autofree char *folder = g_path_get_dirname (workspace_path);
  g_autofree char *base = g_path_get_basename (workspace_path);
  g_autofree char *building = NULL;
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (ClStore) store = NULL;
  JsonObject *tables = NULL;
  gint64 version = 0;
  gboolean ok;
  int fd;

  if (g_file_test (workspace_path, G_FILE_TEST_EXISTS))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("%s already exists: a backup is restored into a new workspace"), workspace_path), FALSE;
  if ((parser = parse_backup (backup_path, name, error)) == NULL
      || !read_backup_header (parser, name, &version, &tables, error))
    return FALSE;

  /* built beside the target under a hidden name, moved there when whole:
   * a kill leaves nothing at the target, and the restore can run again */
  building = g_strdup_printf ("%s%s.%s.restoring-XXXXXX", folder, G_DIR_SEPARATOR_S, base);
  if (g_mkdir_with_parents (folder, 0700) != 0 || (fd = g_mkstemp_full (building, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;

      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Workspace “%s”: %s"), workspace_path,
                          g_strerror (saved)), FALSE;
    }
  close (fd);
  /* a workspace as the backup's was, filled, then upgraded */
  ok = (store = cl_store_open_at_version (building, version, error)) != NULL
       && fill_workspace (store, tables, name, error);
  g_clear_object (&store);
  ok = ok && (store = cl_store_open (building, error)) != NULL;
  g_clear_object (&store);
  ok = ok && move_into_place (building, workspace_path, error);
  if (!ok)
    cl_store_remove_files (building);
  return ok;
}
