/* cl-store-backup.c — the whole workspace as one JSON document, and back
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.workspace", version 1: every table of the workspace,
 * private notes included, row by row, with the schema version it was
 * written at. A restore builds a new workspace at that version, fills it in
 * one transaction, then upgrades it as any older workspace is upgraded.
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-export.h"
#include "cl-store-private.h"

#define FORMAT_NAME    "closeloop.workspace"
#define FORMAT_VERSION 1

/* The workspace's own tables, in the order their rows can be inserted
 * (a table after the ones it refers to). */
static GPtrArray *
table_names (sqlite3  *db,
             GError  **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite_%' ORDER BY rootpage", -1, &stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db)), NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return g_steal_pointer (&names);
}

static gboolean
add_table (sqlite3      *db,
           JsonBuilder  *builder,
           const char   *table,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
  g_autofree char *plain = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *stmt;

  /* WITHOUT ROWID tables have no rowid: their primary key orders them */
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      && sqlite3_prepare_v2 (db, plain, -1, &stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db)), FALSE;
  json_builder_set_member_name (builder, table);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    json_builder_add_string_value (builder, sqlite3_column_name (stmt, c));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_array (builder);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        switch (sqlite3_column_type (stmt, c))
          {
          case SQLITE_INTEGER:
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, c));
            break;
          case SQLITE_FLOAT:
            json_builder_add_double_value (builder, sqlite3_column_double (stmt, c));
            break;
          case SQLITE_NULL:
            json_builder_add_null_value (builder);
            break;
          default:
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, c));
            break;
          }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  sqlite3_finalize (stmt);
  return TRUE;
}

JsonNode *
cl_store_export_workspace (ClStore  *self,
                           GError  **error)
{
  sqlite3 *db = cl_store_get_db (self);
  g_autoptr (GPtrArray) tables = table_names (db, error);
  g_autoptr (JsonBuilder) builder = NULL;

  if (tables == NULL)
    return NULL;
  builder = json_builder_new ();
  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  cl_export_add_int (builder, "schema_version", cl_store_get_schema_version (self));
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < tables->len; i++)
    if (!add_table (db, builder, g_ptr_array_index (tables, i), error))
      return NULL;
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------ restoring */

static gboolean
bad_backup (GError     **error,
            const char  *name,
            const char  *what)
{
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                      _("%s is not a Closeloop workspace backup: %s"), name, what), FALSE;
}

static gboolean
bind_value (sqlite3_stmt *stmt,
            int           column,
            JsonNode     *value)
{
  if (JSON_NODE_HOLDS_NULL (value))
    return sqlite3_bind_null (stmt, column) == SQLITE_OK;
  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_INT64:
      return sqlite3_bind_int64 (stmt, column, json_node_get_int (value)) == SQLITE_OK;
    case G_TYPE_DOUBLE:
      return sqlite3_bind_double (stmt, column, json_node_get_double (value)) == SQLITE_OK;
    case G_TYPE_STRING:
      return sqlite3_bind_text (stmt, column, json_node_get_string (value), -1, SQLITE_TRANSIENT) == SQLITE_OK;
    default:
      return FALSE;
    }
}

/* Replaces the rows @table was created with by the backup's. */
static gboolean
restore_table (sqlite3     *db,
               const char  *table,
               JsonObject  *content,
               const char  *name,
               GError     **error)
{
  JsonArray *columns = json_object_has_member (content, "columns")
                       ? json_object_get_array_member (content, "columns") : NULL;
  JsonArray *rows = json_object_has_member (content, "rows") ? json_object_get_array_member (content, "rows") : NULL;
  g_autoptr (GString) sql = NULL;
  g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;
  guint n;

  if (columns == NULL || rows == NULL)
    return bad_backup (error, name, table);
  n = json_array_get_length (columns);
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO \"%s\" (", table);
  for (guint c = 0; c < n; c++)
    {
      const char *column = json_array_get_string_element (columns, c);

      if (column == NULL || strchr (column, '"') != NULL)
        return bad_backup (error, name, table);
      g_string_append_printf (sql, "%s\"%s\"", c ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < n; c++)
    g_string_append (sql, c ? ", ?" : "?");
  g_string_append (sql, ")");
  if (sqlite3_exec (db, clear, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s: %s"), name, table,
                        sqlite3_errmsg (db)), FALSE;
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      JsonArray *values = JSON_NODE_HOLDS_ARRAY (row) ? json_node_get_array (row) : NULL;

      sqlite3_reset (stmt);
      if (values == NULL || json_array_get_length (values) != n)
        {
          sqlite3_finalize (stmt);
          return bad_backup (error, name, table);
        }
      for (guint c = 0; c < n; c++)
        if (!bind_value (stmt, c + 1, json_array_get_element (values, c)))
          {
            sqlite3_finalize (stmt);
            return bad_backup (error, name, table);
          }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _("%s: table %s, row %u: %s"), name, table,
                       r + 1, sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
cl_store_restore_workspace (const char  *backup_path,
                            const char  *workspace_path,
                            GError     **error)
{
  g_autofree char *name = g_filename_display_basename (backup_path);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (ClStore) upgraded = NULL;
  JsonObject *root, *content;
  JsonNode *node;
  sqlite3 *db;
  gint64 version;
  gboolean ok = TRUE;

  if (g_file_test (workspace_path, G_FILE_TEST_EXISTS))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("%s already exists: a backup is restored into a new workspace"), workspace_path), FALSE;
  if (!json_parser_load_from_mapped_file (parser, backup_path, error))
    return FALSE;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_backup (error, name, _("not a JSON object"));
  root = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""), FORMAT_NAME) != 0)
    return bad_backup (error, name, _("its format is not closeloop.workspace"));
  if (json_object_get_int_member_with_default (root, "version", 0) != FORMAT_VERSION)
    return bad_backup (error, name, _("a version this Closeloop does not read"));
  version = json_object_get_int_member_with_default (root, "schema_version", 0);
  if (version < 1 || version > CL_STORE_SCHEMA_VERSION)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_TOO_NEW,
                        _("%s was written by a newer Closeloop (workspace version %" G_GINT64_FORMAT ")"), name,
                        version), FALSE;
  node = json_object_get_member (root, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_backup (error, name, _("it has no tables"));
  content = json_node_get_object (node);

  /* a workspace as the backup's was, filled, then upgraded */
  if ((store = cl_store_open_at_version (workspace_path, version, error)) == NULL)
    return FALSE;
  db = cl_store_get_db (store);
  if ((tables = table_names (db, error)) == NULL)
    ok = FALSE;
  ok = ok && sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) == SQLITE_OK
       && cl_store_begin (store, error);
  for (guint i = 0; ok && i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      JsonNode *entry = json_object_get_member (content, table);

      ok = entry != NULL && JSON_NODE_HOLDS_OBJECT (entry)
           ? restore_table (db, table, json_node_get_object (entry), name, error)
           : bad_backup (error, name, table);
    }
  if (ok)
    ok = cl_store_commit (store, error);
  else if (tables != NULL)
    cl_store_rollback (store);
  g_clear_object (&store);
  if (ok)
    ok = (upgraded = cl_store_open (workspace_path, error)) != NULL;
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (workspace_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (workspace_path, "-shm", NULL);

      /* nothing half-written stays behind */
      g_remove (workspace_path), g_remove (wal), g_remove (shm);
    }
  return ok;
}
