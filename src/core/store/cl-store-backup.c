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
#include "cl-json-stream.h"
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

/* A backup is read as a stream, in the same memory at any size; what
 * bounds it: a text at most this long (a summary kept in the team library
 * is at most 16 MB) … */
#define MAX_BACKUP_TEXT ((gsize) 64 * 1024 * 1024)
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

/* A restore under way: the backup read token by token, the workspace it
 * fills. */
typedef struct
{
  ClJsonStream *json;
  const char   *name;        /* the backup's, as messages give it */
  gint64        schema_version;
  sqlite3      *db;
  GPtrArray    *tables;      /* the workspace's table names */
  GHashTable   *restored;    /* the tables the backup held so far */
} Restore;

/* A fault of the stream, said as the backup's. */
static gboolean
backup_fault (Restore  *restore,
              GError   *fault,
              GError  **error)
{
  if (g_error_matches (fault, CL_JSON_STREAM_ERROR, CL_JSON_STREAM_ERROR_READ))
    return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_FAILED, _("Could not read “%s”: %s"), restore->name,
                        fault->message), FALSE;
  if (g_error_matches (fault, CL_JSON_STREAM_ERROR, CL_JSON_STREAM_ERROR_TOO_DEEP))
    return bad_backup (error, restore->name, _("it nests deeper than a backup does"));
  return bad_backup (error, restore->name, fault->message);
}

static gboolean
next (Restore      *restore,
      ClJsonToken  *out_token,
      GError      **error)
{
  g_autoptr (GError) fault = NULL;

  return cl_json_stream_next (restore->json, out_token, &fault) || backup_fault (restore, fault, error);
}

static gboolean
skip (Restore      *restore,
      ClJsonToken   first,
      GError      **error)
{
  g_autoptr (GError) fault = NULL;

  return cl_json_stream_skip (restore->json, first, &fault) || backup_fault (restore, fault, error);
}

/* Reads the document's members up to "tables": its format, its version
 * and the schema version it was written at, which come first. */
static gboolean
read_backup_header (Restore  *restore,
                    GError  **error)
{
  gboolean format = FALSE, version = FALSE;
  ClJsonToken token;

  if (!next (restore, &token, error))
    return FALSE;
  if (token != CL_JSON_TOKEN_BEGIN_OBJECT)
    return bad_backup (error, restore->name, _("not a JSON object"));
  for (;;)
    {
      const char *member;
      gboolean is_format, is_version, is_schema_version;

      if (!next (restore, &token, error))
        return FALSE;
      if (token == CL_JSON_TOKEN_END_OBJECT)
        break;
      member = cl_json_stream_get_text (restore->json);
      if (g_str_equal (member, "tables"))
        break;
      is_format = g_str_equal (member, "format");
      is_version = g_str_equal (member, "version");
      is_schema_version = g_str_equal (member, "schema_version");
      /* the value, read past whole when it is an array or an object: one
       * of these of the wrong kind reads as absent, said below */
      if (!next (restore, &token, error) || !skip (restore, token, error))
        return FALSE;
      if (is_format)
        format = token == CL_JSON_TOKEN_STRING && g_str_equal (cl_json_stream_get_text (restore->json), FORMAT_NAME);
      else if (is_version)
        version = token == CL_JSON_TOKEN_INT && cl_json_stream_get_int (restore->json) == FORMAT_VERSION;
      else if (is_schema_version)
        restore->schema_version = token == CL_JSON_TOKEN_INT ? cl_json_stream_get_int (restore->json) : 0;
    }
  if (!format)
    return bad_backup (error, restore->name, _("its format is not closeloop.workspace"));
  if (!version)
    return bad_backup (error, restore->name, _("a version this Closeloop does not read"));
  if (restore->schema_version < 1)
    return bad_backup (error, restore->name, _("its “schema_version” is not a workspace version"));
  if (restore->schema_version > CL_STORE_SCHEMA_VERSION)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_TOO_NEW,
                        _("%s was written by a newer Closeloop (workspace version %" PRId64 ")"), restore->name,
                        restore->schema_version), FALSE;
  if (token == CL_JSON_TOKEN_END_OBJECT)
    return bad_backup (error, restore->name, _("it has no tables"));
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

/* Binds the value @token just read when it is what a column of @type
 * keeps: NULL anywhere (the schema says where it may be), whole numbers in
 * INTEGER columns, finite numbers in REAL ones, text in TEXT ones. */
static gboolean
bind_checked (sqlite3_stmt *stmt,
              int           column,
              const char   *type,
              ClJsonStream *json,
              ClJsonToken   token)
{
  double value;

  switch (token)
    {
    case CL_JSON_TOKEN_NULL:
      return sqlite3_bind_null (stmt, column) == SQLITE_OK;
    case CL_JSON_TOKEN_INT:
      return (g_str_equal (type, "INTEGER") || g_str_equal (type, "REAL") || *type == '\0')
             && sqlite3_bind_int64 (stmt, column, cl_json_stream_get_int (json)) == SQLITE_OK;
    case CL_JSON_TOKEN_DOUBLE:
      value = cl_json_stream_get_double (json);
      return (g_str_equal (type, "REAL") || *type == '\0') && isfinite (value)
             && sqlite3_bind_double (stmt, column, value) == SQLITE_OK;
    case CL_JSON_TOKEN_STRING:
      return (g_str_equal (type, "TEXT") || *type == '\0')
             && sqlite3_bind_text (stmt, column, cl_json_stream_get_text (json), -1, SQLITE_TRANSIENT) == SQLITE_OK;
    default:
      return FALSE;
    }
}

/* Reads the backup's `"columns" : […]` of @table: "INSERT INTO table (a, b)
 * VALUES (?, ?)" prepared in @out_stmt, each column one of the table's,
 * their types in @types. */
static gboolean
read_columns (Restore       *restore,
              const char    *table,
              GPtrArray     *columns,
              GPtrArray     *types,
              sqlite3_stmt **out_stmt,
              GError       **error)
{
  g_autoptr (GHashTable) declared = column_types (restore->db, table);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *wrong = g_strdup_printf (_("table %s has a column the workspace does not"), table);
  ClJsonToken token;

  if (!next (restore, &token, error))
    return FALSE;
  if (token != CL_JSON_TOKEN_BEGIN_ARRAY)
    return bad_backup (error, restore->name, table);
  g_string_printf (sql, "INSERT INTO \"%s\" (", table);
  while (next (restore, &token, error) && token != CL_JSON_TOKEN_END_ARRAY)
    {
      const char *column = token == CL_JSON_TOKEN_STRING ? cl_json_stream_get_text (restore->json) : NULL;
      const char *type = column != NULL ? g_hash_table_lookup (declared, column) : NULL;

      if (type == NULL || g_ptr_array_find_with_equal_func (columns, column, g_str_equal, NULL))
        return bad_backup (error, restore->name, wrong);
      g_ptr_array_add (columns, g_strdup (column));
      g_ptr_array_add (types, g_strdup (type));
      g_string_append_printf (sql, "%s\"%s\"", columns->len > 1 ? ", " : "", column);
    }
  if (token != CL_JSON_TOKEN_END_ARRAY)
    return FALSE;
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < columns->len; c++)
    g_string_append (sql, c ? ", ?" : "?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (restore->db, sql->str, -1, out_stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s: %s"), restore->name,
                        table, sqlite3_errmsg (restore->db)), FALSE;
  return TRUE;
}

static gboolean
not_one_value_per_column (Restore     *restore,
                          const char  *table,
                          guint        row,
                          GError     **error)
{
  g_autofree char *what = g_strdup_printf (_("table %s, row %u, does not hold one value per column"), table, row);

  return bad_backup (error, restore->name, what);
}

/* Reads the backup's `"rows" : [[…], …]` of @table into it, row by row. */
static gboolean
read_rows (Restore      *restore,
           const char   *table,
           GPtrArray    *columns,
           GPtrArray    *types,
           sqlite3_stmt *stmt,
           GError      **error)
{
  ClJsonToken token;

  if (!next (restore, &token, error))
    return FALSE;
  if (token != CL_JSON_TOKEN_BEGIN_ARRAY)
    return bad_backup (error, restore->name, table);
  for (guint r = 1;; r++)
    {
      guint c = 0;

      if (!next (restore, &token, error))
        return FALSE;
      if (token == CL_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token != CL_JSON_TOKEN_BEGIN_ARRAY)
        return not_one_value_per_column (restore, table, r, error);
      sqlite3_reset (stmt);
      /* a row's values are single values: an array or an object in one
       * nests deeper than a backup may */
      while (next (restore, &token, error) && token != CL_JSON_TOKEN_END_ARRAY)
        {
          if (c == columns->len)
            return not_one_value_per_column (restore, table, r, error);
          if (!bind_checked (stmt, (int) c + 1, g_ptr_array_index (types, c), restore->json, token))
            {
              g_autofree char *what = g_strdup_printf (_("table %s, row %u: the value of %s is not what the column "
                                                         "keeps"), table, r,
                                                       (const char *) g_ptr_array_index (columns, c));

              return bad_backup (error, restore->name, what);
            }
          c++;
        }
      if (token != CL_JSON_TOKEN_END_ARRAY)
        return FALSE;
      if (c != columns->len)
        return not_one_value_per_column (restore, table, r, error);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s, row %u: %s"),
                            restore->name, table, r, sqlite3_errmsg (restore->db)), FALSE;
    }
}

/* Reads the backup's `"table" : { "columns" : […], "rows" : […] }`, its
 * name just read: the rows into the table, which is empty. */
static gboolean
restore_table (Restore     *restore,
               const char  *table,
               GError     **error)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean rows = FALSE, ok = TRUE;
  ClJsonToken token;

  if (!next (restore, &token, error))
    return FALSE;
  if (token != CL_JSON_TOKEN_BEGIN_OBJECT)
    return bad_backup (error, restore->name, table);
  while (ok && (ok = next (restore, &token, error)) && token != CL_JSON_TOKEN_END_OBJECT)
    {
      const char *member = cl_json_stream_get_text (restore->json);

      if (g_str_equal (member, "columns") && stmt == NULL)
        ok = read_columns (restore, table, columns, types, &stmt, error);
      else if (g_str_equal (member, "rows") && stmt != NULL && !rows)
        ok = rows = read_rows (restore, table, columns, types, stmt, error);
      else if (g_str_equal (member, "rows") || g_str_equal (member, "columns"))
        /* the columns name what each row holds: they come first, once */
        ok = bad_backup (error, restore->name, table);
      else
        ok = next (restore, &token, error) && skip (restore, token, error);
    }
  sqlite3_finalize (stmt);
  if (ok && !rows)
    return bad_backup (error, restore->name, table);
  return ok;
}

/* Empties every table of the new workspace, the settings last: emptying
 * the others counts as edits (CL_STORE_EDIT_COUNT), and the backup's own
 * count is what it says. */
static gboolean
clear_tables (Restore  *restore,
              GError  **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < restore->tables->len; i++)
      {
        const char *table = g_ptr_array_index (restore->tables, i);
        g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%s\"", table);

        if (g_str_equal (table, "settings") != (pass == 1))
          continue;
        if (sqlite3_exec (restore->db, clear, NULL, NULL, NULL) != SQLITE_OK)
          return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s: %s"), restore->name,
                              table, sqlite3_errmsg (restore->db)), FALSE;
      }
  return TRUE;
}

/* Reads the tables, "tables" just read, then the rest of the document:
 * every table of the workspace must be in the backup, once, and nothing
 * else. */
static gboolean
read_tables (Restore  *restore,
             GError  **error)
{
  ClJsonToken token;

  if (!next (restore, &token, error))
    return FALSE;
  if (token != CL_JSON_TOKEN_BEGIN_OBJECT)
    return bad_backup (error, restore->name, _("it has no tables"));
  for (;;)
    {
      g_autofree char *table = NULL;
      guint index;

      if (!next (restore, &token, error))
        return FALSE;
      if (token == CL_JSON_TOKEN_END_OBJECT)
        break;
      table = g_strdup (cl_json_stream_get_text (restore->json));
      if (!g_ptr_array_find_with_equal_func (restore->tables, table, g_str_equal, &index))
        {
          g_autofree char *what = g_strdup_printf (_("it has a table “%s” no workspace has"), table);

          return bad_backup (error, restore->name, what);
        }
      if (!g_hash_table_add (restore->restored, g_ptr_array_index (restore->tables, index)))
        {
          g_autofree char *what = g_strdup_printf (_("it has the table “%s” twice"), table);

          return bad_backup (error, restore->name, what);
        }
      if (!restore_table (restore, table, error))
        return FALSE;
    }
  for (guint i = 0; i < restore->tables->len; i++)
    if (!g_hash_table_contains (restore->restored, g_ptr_array_index (restore->tables, i)))
      return bad_backup (error, restore->name, g_ptr_array_index (restore->tables, i));
  /* what follows the tables is told by no one: read, and checked as JSON,
   * to the document's end and nothing after it */
  for (;;)
    {
      if (!next (restore, &token, error))
        return FALSE;
      if (token == CL_JSON_TOKEN_END_OBJECT)
        return next (restore, &token, error);
      if (!next (restore, &token, error) || !skip (restore, token, error))
        return FALSE;
    }
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

/* Fills the new workspace @store (at the backup's version) with the
 * backup's tables, in one transaction. */
static gboolean
fill_workspace (Restore  *restore,
                ClStore  *store,
                GError  **error)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GHashTable) restored = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok;

  restore->db = cl_store_get_db (store);
  if ((names = cl_store_table_names (restore->db, error)) == NULL)
    return FALSE;
  restore->tables = names;
  restore->restored = restored;
  /* a new workspace, closed once filled: no need to set its cache back */
  cl_store_set_cache_size (store, CL_STORE_BULK_WRITE_CACHE_KIB);
  if (sqlite3_exec (restore->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK
      || !cl_store_begin (store, error))
    return cl_store_fail (store, sqlite3_errcode (restore->db), error);
  ok = clear_tables (restore, error) && read_tables (restore, error)
       && check_references (restore->db, restore->name, error);
  restore->tables = NULL;
  restore->restored = NULL;
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
 * beside it, filled in one transaction as the backup is read (in the
 * same memory at any size), upgraded, then moved into place. The backup's
 * format, version and schema version come before its tables, as Closeloop
 * writes them; a text over 64 MiB is refused, and so is nesting deeper
 * than a backup's. Nothing is left behind on failure.
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
  g_autoptr (ClJsonStream) json = NULL;
  g_autoptr (ClStore) store = NULL;
  Restore restore = { .name = name };
  gboolean ok;
  int fd;

  if (g_file_test (workspace_path, G_FILE_TEST_EXISTS))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("%s already exists: a backup is restored into a new workspace"), workspace_path), FALSE;
  if ((fd = cl_file_open_regular (backup_path, NULL, error)) < 0)
    return FALSE;
  restore.json = json = cl_json_stream_new_for_fd (fd, MAX_BACKUP_DEPTH, MAX_BACKUP_TEXT);
  if (!read_backup_header (&restore, error))
    return FALSE;

  /* built beside the target under a hidden name that says which process
   * builds it, moved there when whole: a kill leaves nothing at the
   * target, and the restore can run again, removing what the killed one
   * built */
  {
    g_autofree char *prefix = g_strdup_printf (".%s.restoring-", base);
    g_autofree char *hidden = cl_file_temporary_name (prefix);

    building = g_build_filename (folder, hidden, NULL);
    cl_file_remove_abandoned (folder, prefix);
  }
  if (g_mkdir_with_parents (folder, 0700) != 0 || (fd = g_mkstemp_full (building, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;

      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Workspace “%s”: %s"), workspace_path,
                          g_strerror (saved)), FALSE;
    }
  close (fd);
  /* a workspace as the backup's was, filled, then upgraded */
  ok = (store = cl_store_open_at_version (building, restore.schema_version, error)) != NULL
       && fill_workspace (&restore, store, error);
  g_clear_object (&store);
  ok = ok && (store = cl_store_open (building, error)) != NULL;
  g_clear_object (&store);
  ok = ok && move_into_place (building, workspace_path, error);
  if (!ok)
    cl_store_remove_files (building);
  return ok;
}
