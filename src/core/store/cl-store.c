/* cl-store.c — opening, checking and migrating a workspace; statement helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-store-private.h"

/* "ClLp": marks a SQLite file as a Closeloop workspace */
#define CL_APPLICATION_ID 0x436c4c70
#define SQLITE_HEADER_SIZE 100

struct _ClStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text (a copy) → sqlite3_stmt, finalized with the store */
  int         transaction_depth;
  gboolean    doomed;
};

G_DEFINE_FINAL_TYPE (ClStore, cl_store, G_TYPE_OBJECT)

/**
 * cl_store_error_quark:
 *
 * The error domain of #ClStore, %CL_STORE_ERROR; its codes are
 * #ClStoreError.
 *
 * Returns: the error domain
 */
G_DEFINE_QUARK (cl-store-error-quark, cl_store_error)

/* ------------------------------------------------------------------ errors */

static ClStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB: return CL_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT: return CL_STORE_ERROR_DAMAGED;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return CL_STORE_ERROR_LOCKED;
    case SQLITE_CONSTRAINT: return CL_STORE_ERROR_CONSTRAINT;
    case SQLITE_FULL: return CL_STORE_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: return CL_STORE_ERROR_IO;
    default: return CL_STORE_ERROR_FAILED;
    }
}

static const char *
problem_for_code (ClStoreError code)
{
  switch (code)
    {
    case CL_STORE_ERROR_NOT_DATABASE: return _("it is not a Closeloop workspace (not an SQLite database)");
    case CL_STORE_ERROR_DAMAGED: return _("the file is damaged");
    case CL_STORE_ERROR_LOCKED: return _("another program is using it; try again when it is closed");
    case CL_STORE_ERROR_IO: return _("it could not be read or written");
    case CL_STORE_ERROR_CONSTRAINT: return _("the change breaks a rule of the workspace");
    default: return _("the database reported an error");
    }
}

static gboolean
set_error_from_db (sqlite3     *db,
                   const char  *path,
                   int          rc,
                   GError     **error)
{
  ClStoreError code = error_code_from_sqlite (rc);
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  /* a journal or index that cannot grow says "I/O error"; the cause is the disk */
  if (code == CL_STORE_ERROR_FULL || system_errno == ENOSPC || system_errno == EDQUOT)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FULL,
                          _("Workspace “%s”: the disk holding “%s” is full; nothing was changed"), path,
                          folder), FALSE;
    }
  g_set_error (error, CL_STORE_ERROR, code, _("Workspace “%s”: %s (%s)"), path,
               problem_for_code (code), db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
cl_store_fail (ClStore *self,
               int      rc,
               GError **error)
{
  return set_error_from_db (self->db, self->path, rc, error);
}

/* ------------------------------------------------------------------ statements */

static gboolean
bind_valist (sqlite3_stmt *stmt,
             const char   *types,
             va_list       args)
{
  char day[11];
  int rc = SQLITE_OK;

  for (int i = 0; types[i] != '\0' && rc == SQLITE_OK; i++)
    {
      int col = i + 1;

      switch (types[i])
        {
        case 's':
          rc = sqlite3_bind_text (stmt, col, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
          break;
        case 'i':
          rc = sqlite3_bind_int (stmt, col, va_arg (args, int));
          break;
        case 'I':
          rc = sqlite3_bind_int64 (stmt, col, va_arg (args, gint64));
          break;
        case 'r':
          {
            gint64 id = va_arg (args, gint64);
            rc = id ? sqlite3_bind_int64 (stmt, col, id) : sqlite3_bind_null (stmt, col);
          }
          break;
        case 'd':
          {
            ClDay d = va_arg (args, guint);
            if (d == 0)
              {
                rc = sqlite3_bind_null (stmt, col);
                break;
              }
            cl_date_format_into (d, day);
            rc = sqlite3_bind_text (stmt, col, day, 10, SQLITE_TRANSIENT);
          }
          break;
        case 'f':
          rc = sqlite3_bind_double (stmt, col, va_arg (args, double));
          break;
        case 'm':
          {
            double v = va_arg (args, double);
            rc = v < 0 ? sqlite3_bind_null (stmt, col) : sqlite3_bind_double (stmt, col, v);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return rc == SQLITE_OK;
}

static sqlite3_stmt *
prepare_cached (ClStore     *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cl_store_fail (self, rc, error);
      return NULL;
    }
  /* a copy: some statements are built at run time (a table of a list) */
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static sqlite3_stmt *
query_valist (ClStore     *self,
              GError     **error,
              const char  *sql,
              const char  *types,
              va_list      args)
{
  sqlite3_stmt *stmt = prepare_cached (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (!bind_valist (stmt, types, args))
    {
      cl_store_fail (self, sqlite3_errcode (self->db), error);
      return NULL;
    }
  return stmt;
}

sqlite3_stmt *
cl_store_query (ClStore     *self,
                GError     **error,
                const char  *sql,
                const char  *types,
                ...)
{
  va_list args;
  sqlite3_stmt *stmt;

  va_start (args, types);
  stmt = query_valist (self, error, sql, types, args);
  va_end (args);
  return stmt;
}

gboolean
cl_store_query_done (ClStore      *self,
                     sqlite3_stmt *stmt,
                     int           rc,
                     GError      **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return cl_store_fail (self, rc, error);
}

gboolean
cl_store_run (ClStore     *self,
              gint64      *out_rowid,
              GError     **error,
              const char  *sql,
              const char  *types,
              ...)
{
  va_list args;
  sqlite3_stmt *stmt;
  int rc;

  va_start (args, types);
  stmt = query_valist (self, error, sql, types, args);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && out_rowid != NULL)
    {
      /* "… RETURNING id": the row's own, inserted or updated by an upsert */
      *out_rowid = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  else if (rc == SQLITE_DONE && out_rowid != NULL)
    *out_rowid = sqlite3_last_insert_rowid (self->db);
  return cl_store_query_done (self, stmt, rc, error);
}

/* The rows @sql reads, with @args bound as @types says, each built by
 * @build_row; or NULL with @error set. */
static GPtrArray *
list_rows_valist (ClStore       *self,
                  ClRowBuilder   build_row,
                  GError       **error,
                  const char    *sql,
                  const char    *types,
                  va_list        args)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = query_valist (self, error, sql, types, args);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, build_row (stmt));
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
cl_store_list_rows (ClStore      *self,
                    ClRowBuilder  build_row,
                    GError      **error,
                    const char   *sql,
                    const char   *types,
                    ...)
{
  va_list args;
  GPtrArray *rows;

  va_start (args, types);
  rows = list_rows_valist (self, build_row, error, sql, types, args);
  va_end (args);
  return rows;
}

GListModel *
cl_store_list (ClStore      *self,
               GType         item_type,
               ClRowBuilder  build_row,
               GError      **error,
               const char   *sql,
               const char   *types,
               ...)
{
  g_autoptr (GListStore) list = g_list_store_new (item_type);
  g_autoptr (GPtrArray) rows = NULL;
  va_list args;

  va_start (args, types);
  rows = list_rows_valist (self, build_row, error, sql, types, args);
  va_end (args);
  if (rows == NULL)
    return NULL;
  /* one splice, one items-changed, however many rows */
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

gpointer
cl_store_get_by_id (ClStore      *self,
                    GType         item_type,
                    ClRowBuilder  build_row,
                    const char   *sql,
                    gint64        id,
                    const char   *not_found,
                    GError      **error)
{
  g_autoptr (GListModel) found = cl_store_list (self, item_type, build_row, error, sql, "I", id);

  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND, not_found, id);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

gboolean
cl_store_changed_row (ClStore     *self,
                      gint64       id,
                      const char  *not_found,
                      GError     **error)
{
  if (sqlite3_changes (self->db) == 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND, not_found, id), FALSE;
  return TRUE;
}

gboolean
cl_store_move_row (ClStore     *self,
                   const char  *table,
                   const char  *filter,
                   gint64       id,
                   guint        index,
                   const char  *not_found,
                   GError     **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT id FROM %s %s ORDER BY position, id", table, filter);
  g_autofree char *step_aside = g_strdup_printf ("UPDATE %s SET position = -position", table);
  g_autofree char *place = g_strdup_printf ("UPDATE %s SET position = ? WHERE id = ?", table);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = cl_store_query (self, error, select, "");
  gboolean found = FALSE;
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);

      if (row == id)
        found = TRUE;
      else
        g_array_append_val (order, row);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return FALSE;
  if (!found)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND, not_found, id), FALSE;
  g_array_insert_val (order, MIN (index, order->len), id);

  /* positions may be unique: step aside to negatives first */
  if (!cl_store_begin (self, error))
    return FALSE;
  ok = cl_store_run (self, NULL, error, step_aside, "");
  for (guint i = 0; ok && i < order->len; i++)
    ok = cl_store_run (self, NULL, error, place, "iI", (int) i + 1, g_array_index (order, gint64, i));
  if (!ok)
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

char *
cl_column_text (sqlite3_stmt *stmt,
                int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text ? g_strdup ((const char *) text) : NULL;
}

ClDay
cl_column_day (sqlite3_stmt *stmt,
               int           col)
{
  ClDay day = 0;
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text != NULL && !cl_date_parse (text, &day))
    return 0;
  return day;
}

ClCentsTotal
cl_column_cents_total (sqlite3_stmt *stmt,
                       int           col)
{
  return (ClCentsTotal) sqlite3_column_int64 (stmt, col) * 1000000000 + sqlite3_column_int64 (stmt, col + 1);
}

double
cl_column_metric (sqlite3_stmt *stmt,
                  int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return -1;
  return sqlite3_column_double (stmt, col);
}

int
cl_column_enum (sqlite3_stmt        *stmt,
                int                  col,
                const char * const  *names)
{
  int value = cl_enum_from_string (names, (const char *) sqlite3_column_text (stmt, col));

  return MAX (value, 0);
}

/* The workspace's own tables, in the order their rows can be inserted
 * (a table after the ones it refers to). */
GPtrArray *
cl_store_table_names (sqlite3  *db,
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

sqlite3 *
cl_store_get_db (ClStore *self)
{
  return self->db;
}

/* ------------------------------------------------------------------ transactions */

/**
 * cl_store_begin:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Starts a transaction. Transactions nest by flattening: only the
 * outermost cl_store_begin () and cl_store_commit () reach SQLite, so an
 * import wraps many adds in one journal. A cl_store_rollback () inside
 * dooms the whole transaction: its outermost commit then fails.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the outermost
 *   begin fails (the workspace is locked, for one)
 */
gboolean
cl_store_begin (ClStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  if (self->transaction_depth == 0)
    {
      int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return cl_store_fail (self, rc, error);
      self->doomed = FALSE;
    }
  self->transaction_depth++;
  return TRUE;
}

/**
 * cl_store_commit:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Ends one level of the transaction cl_store_begin () started. Only the
 * outermost level writes: if an inner level was rolled back, or SQLite
 * cannot commit, it rolls everything back instead.
 *
 * Returns: %TRUE on success (an inner level always succeeds), %FALSE with
 *   @error set when nothing of the transaction was saved
 */
gboolean
cl_store_commit (ClStore  *self,
                 GError  **error)
{
  int rc;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);
  if (self->transaction_depth > 1)
    {
      self->transaction_depth--;
      return TRUE;
    }
  if (self->doomed)
    {
      cl_store_rollback (self);
      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED,
                          _("Workspace “%s”: a step of this change failed, so none of it was saved"),
                          self->path), FALSE;
    }
  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      cl_store_fail (self, rc, error);
      cl_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

/**
 * cl_store_rollback:
 * @self: the workspace
 *
 * Ends one level of the transaction cl_store_begin () started, undoing
 * it. The outermost level rolls back at once; an inner level dooms the
 * transaction, so that its outermost cl_store_commit () fails.
 */
void
cl_store_rollback (ClStore *self)
{
  g_return_if_fail (self->transaction_depth > 0);
  if (self->transaction_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    self->doomed = TRUE;
  self->transaction_depth--;
}

/**
 * cl_store_drop_indexes:
 * @self: the workspace, inside a transaction
 * @tables: (array zero-terminated=1): the tables whose indexes to drop
 * @error: return location for a #GError, or %NULL
 *
 * Drops the indexes declared over @tables, for many rows to be written
 * before the indexes are built once from them with
 * cl_store_create_indexes (). The indexes SQLite makes of a UNIQUE stay:
 * they have no SQL, and the rows are checked against them. A rollback
 * brings the dropped ones back.
 *
 * Returns: (transfer full) (nullable): the statements that build the
 *   dropped indexes again, or %NULL with @error set
 */
GStrv
cl_store_drop_indexes (ClStore            *self,
                       const char * const *tables,
                       GError            **error)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) creates = g_strv_builder_new ();
  g_auto (GStrv) dropped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self->transaction_depth > 0, NULL);
  for (guint t = 0; tables[t] != NULL; t++)
    {
      stmt = cl_store_query (self, error, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                                          "AND sql IS NOT NULL AND tbl_name = ? ORDER BY name", "s", tables[t]);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
          g_strv_builder_add (creates, (const char *) sqlite3_column_text (stmt, 1));
        }
      if (!cl_store_query_done (self, stmt, rc, error))
        return NULL;
    }
  dropped = g_strv_builder_end (names);
  for (guint i = 0; dropped[i] != NULL; i++)
    {
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", dropped[i]);

      rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return cl_store_fail (self, rc, error), NULL;
    }
  return g_strv_builder_end (creates);
}

/**
 * cl_store_create_indexes:
 * @self: the workspace, in the transaction that dropped the indexes
 * @creates: (array zero-terminated=1): what cl_store_drop_indexes ()
 *   returned
 * @error: return location for a #GError, or %NULL
 *
 * Builds again the indexes cl_store_drop_indexes () dropped.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_create_indexes (ClStore            *self,
                         const char * const *creates,
                         GError            **error)
{
  for (guint i = 0; creates[i] != NULL; i++)
    {
      int rc = sqlite3_exec (self->db, creates[i], NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return cl_store_fail (self, rc, error);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ settings */

/**
 * cl_store_get_setting_int:
 * @self: the workspace
 * @key: the setting's key
 * @fallback: what to return when the setting is unset
 *
 * Reads a team setting (a threshold, a cap) as an integer. A setting
 * stored as text reads as SQLite converts it.
 *
 * Returns: the setting's value, or @fallback when it is unset or cannot be
 *   read
 */
gint64
cl_store_get_setting_int (ClStore    *self,
                          const char *key,
                          gint64      fallback)
{
  sqlite3_stmt *stmt;
  gint64 value = fallback;
  int rc;

  stmt = cl_store_query (self, NULL, "SELECT value FROM settings WHERE key = ?", "s", key);
  if (stmt == NULL)
    return fallback;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  cl_store_query_done (self, stmt, rc, NULL);
  return value;
}

/**
 * cl_store_set_setting_int:
 * @self: the workspace
 * @key: the setting's key
 * @value: its new value
 * @error: return location for a #GError, or %NULL
 *
 * Sets a team setting to an integer, replacing any value it had.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_set_setting_int (ClStore     *self,
                          const char  *key,
                          gint64       value,
                          GError     **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       "sI", key, value);
}

/**
 * cl_store_get_setting_text:
 * @self: the workspace
 * @key: the setting's key
 *
 * Reads a team setting as text.
 *
 * Returns: (transfer full) (nullable): the setting's value, or %NULL when it
 *   is unset or cannot be read
 */
char *
cl_store_get_setting_text (ClStore    *self,
                           const char *key)
{
  sqlite3_stmt *stmt = cl_store_query (self, NULL, "SELECT value FROM settings WHERE key = ?", "s", key);
  char *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    value = cl_column_text (stmt, 0);
  cl_store_query_done (self, stmt, rc, NULL);
  return value;
}

/**
 * cl_store_set_setting_text:
 * @self: the workspace
 * @key: the setting's key
 * @value: its new value; required, as the schema refuses a missing one
 *   (CONSTRAINT)
 * @error: return location for a #GError, or %NULL
 *
 * Sets a team setting to text, replacing any value it had.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_set_setting_text (ClStore     *self,
                           const char  *key,
                           const char  *value,
                           GError     **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT INTO settings (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       "ss", key, value);
}

/**
 * cl_store_clear_setting:
 * @self: the workspace
 * @key: the setting's key
 * @error: return location for a #GError, or %NULL
 *
 * Forgets @key: the setting falls back to its default. An unset key is no
 * error.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_clear_setting (ClStore     *self,
                        const char  *key,
                        GError     **error)
{
  return cl_store_run (self, NULL, error, "DELETE FROM settings WHERE key = ?", "s", key);
}

/**
 * cl_store_list_setting_keys:
 * @self: the workspace
 * @prefix: what the keys start with; "" for every key
 *
 * Lists the keys of the team settings that start with @prefix, sorted. A
 * failure to read gives the keys read so far.
 *
 * Returns: (transfer full): the keys, an empty array when none
 */
GStrv
cl_store_list_setting_keys (ClStore    *self,
                            const char *prefix)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();
  sqlite3_stmt *stmt = cl_store_query (self, NULL,
                                       "SELECT key FROM settings WHERE substr (key, 1, length (?1)) = ?1 ORDER BY key",
                                       "s", prefix);
  int rc;

  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (keys, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    cl_store_query_done (self, stmt, rc, NULL);
  return g_strv_builder_end (keys);
}

/* ------------------------------------------------------------------ the team library */

/**
 * cl_store_each_library_document:
 * @self: the workspace
 * @format: the summaries' format
 * @func: (scope call): called on each summary; its strings are borrowed for
 *   the call only
 * @user_data: (closure): data for @func
 * @error: return location for a #GError, or %NULL
 *
 * Calls @func on every summary of @format the team library keeps, ordered
 * by who exported it, the latest export first.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 *   (@func may have been called on some summaries)
 */
gboolean
cl_store_each_library_document (ClStore              *self,
                                const char           *format,
                                ClLibraryDocumentFunc func,
                                gpointer              user_data,
                                GError              **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT exported_by, exported_at, document FROM library WHERE format = ? "
                                       "ORDER BY exported_by, exported_at DESC, id",
                                       "s", format);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          (const char *) sqlite3_column_text (stmt, 2), user_data);
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_read_library_entry:
 * @self: the workspace
 * @id: the entry's id
 * @format: (out) (transfer full): the entry's format, untouched when there
 *   is no entry @id
 * @document: (out) (transfer full): the entry's text, untouched when there
 *   is no entry @id
 * @error: return location for a #GError, or %NULL
 *
 * Reads entry @id of the team library. Callers set @format and @document to
 * %NULL first to tell a missing entry.
 *
 * Returns: %FALSE with @error set when the store fails; %TRUE otherwise,
 *   even when there is no entry @id
 */
gboolean
cl_store_read_library_entry (ClStore  *self,
                             gint64    id,
                             char    **format,
                             char    **document,
                             GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT format, document FROM library WHERE id = ?", "I", id);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *format = cl_column_text (stmt, 0);
      *document = cl_column_text (stmt, 1);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_find_kept_summary:
 * @self: the workspace
 * @format: the summary's format
 * @subject: what it is about
 * @exported_by: who exported it
 * @digest: the digest of the summary's file
 * @id: (out): the kept entry's id, 0 when none (also on failure)
 * @exported_at: (out) (transfer full): when it was exported, untouched when
 *   none
 * @same_file: (out): whether it is the file of @digest itself, untouched
 *   when none
 * @error: return location for a #GError, or %NULL
 *
 * Finds the summary the team library keeps that is the file of @digest,
 * else the export of @format about @subject by @exported_by.
 *
 * Returns: %FALSE with @error set when the store fails; %TRUE otherwise,
 *   even when none is kept
 */
gboolean
cl_store_find_kept_summary (ClStore     *self,
                            const char  *format,
                            const char  *subject,
                            const char  *exported_by,
                            const char  *digest,
                            gint64      *id,
                            char       **exported_at,
                            gboolean    *same_file,
                            GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT id, exported_at, digest = ?4 FROM library "
                                       "WHERE digest = ?4 OR (format = ?1 AND subject = ?2 AND exported_by = ?3) "
                                       "ORDER BY digest = ?4 DESC LIMIT 1",
                                       "ssss", format, subject, exported_by, digest);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *exported_at = cl_column_text (stmt, 1);
      *same_file = sqlite3_column_int (stmt, 2);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_keep_summary:
 * @self: the workspace
 * @replaced: the id of the entry it replaces, 0 for none
 * @format: the summary's format
 * @version: the version of @format
 * @subject: what it is about
 * @period: the period it covers
 * @exported_by: who exported it
 * @exported_at: when it was exported
 * @digest: the digest of its file
 * @document: the summary's text, checked by the caller
 * @error: return location for a #GError, or %NULL
 *
 * Keeps a summary in the team library, imported today, in place of
 * @replaced, in one transaction: on failure nothing changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_keep_summary (ClStore     *self,
                       gint64       replaced,
                       const char  *format,
                       int          version,
                       const char  *subject,
                       const char  *period,
                       const char  *exported_by,
                       const char  *exported_at,
                       const char  *digest,
                       const char  *document,
                       GError     **error)
{
  if (!cl_store_begin (self, error))
    return FALSE;
  if ((replaced != 0 && !cl_store_run (self, NULL, error, "DELETE FROM library WHERE id = ?", "I", replaced))
      || !cl_store_run (self, NULL, error,
                        "INSERT INTO library (format, version, subject, period, exported_by, exported_at, "
                        "imported_on, digest, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        "sissssdss", format, version, subject, period, exported_by,
                        exported_at, cl_date_today (), digest, document))
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

static GObject *
build_library_entry (sqlite3_stmt *stmt)
{
  ClLibraryEntry *entry = g_object_new (CL_TYPE_LIBRARY_ENTRY, NULL);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->format = cl_column_text (stmt, 1);
  entry->subject = cl_column_text (stmt, 2);
  entry->period = cl_column_text (stmt, 3);
  entry->exported_by = cl_column_text (stmt, 4);
  entry->exported_at = cl_column_text (stmt, 5);
  entry->imported_on = cl_column_day (stmt, 6);
  return G_OBJECT (entry);
}

/**
 * cl_store_list_library:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists every entry of the team library, without its text: by format,
 * the latest period first, then by who exported it.
 *
 * Returns: (transfer full) (nullable) (element-type ClLibraryEntry): the
 *   entries, or %NULL with @error set
 */
GListModel *
cl_store_list_library (ClStore  *self,
                       GError  **error)
{
  return cl_store_list (self, CL_TYPE_LIBRARY_ENTRY, build_library_entry, error,
                        "SELECT id, format, subject, period, exported_by, exported_at, imported_on FROM library "
                        "ORDER BY format, period DESC, exported_by", "");
}

/* ------------------------------------------------------------------ checking a file before opening it */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the first @size bytes of @path (fewer when it is shorter) through
 * SQLite's own file layer, without its pager: a foreign or truncated file
 * stays byte for byte as it was. Not with open () and close (): closing any
 * descriptor of a file drops every POSIX lock this process holds on it, so
 * the connections the process already has on the workspace would lose
 * theirs, and another process closing its own connection would then take
 * itself for the last one and delete the journal under them. SQLite's
 * layer keeps such a descriptor open until those locks are released. */
static gboolean
read_file_start (const char  *path,
                 guint8      *buffer,
                 gsize        size,
                 gsize       *out_read,
                 GError     **error)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  sqlite3_int64 length = 0;
  int flags = 0;
  int rc;

  rc = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &flags);
  if (rc != SQLITE_OK)
    return set_error_from_db (NULL, path, rc, error);
  rc = file->pMethods->xFileSize (file, &length);
  *out_read = rc == SQLITE_OK ? (gsize) MIN ((sqlite3_int64) size, length) : 0;
  if (rc == SQLITE_OK && *out_read > 0)
    rc = file->pMethods->xRead (file, buffer, (int) *out_read, 0);
  file->pMethods->xClose (file);
  if (rc != SQLITE_OK)
    return set_error_from_db (NULL, path, rc, error);
  return TRUE;
}

/* Checks the 100-byte SQLite header before any connection reads the file. */
static gboolean
check_header (const char  *path,
              gboolean    *out_is_new,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  guint32 page_size, page_count;
  g_autofree char *wal = NULL;
  gsize n = 0;

  if (g_stat (path, &st) != 0)
    {
      *out_is_new = TRUE;
      return TRUE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_DATABASE,
                   _("Workspace “%s”: it is not a file"), path);
      return FALSE;
    }
  *out_is_new = st.st_size == 0;
  if (*out_is_new)
    return TRUE;

  if (!read_file_start (path, header, sizeof header, &n, error))
    return FALSE;
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_DATABASE, _("Workspace “%s”: %s"),
                   path, problem_for_code (CL_STORE_ERROR_NOT_DATABASE));
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  wal = g_strconcat (path, "-wal", NULL);
  /* the in-header size is valid only when its change counter matches */
  if (read_be32 (header + 24) == read_be32 (header + 92) && !g_file_test (wal, G_FILE_TEST_EXISTS)
      && (guint64) st.st_size < (guint64) page_size * page_count)
    {
      g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_DAMAGED,
                   _("Workspace “%s”: the file is damaged (it is %" PRIu64
                     " bytes long but should be %" PRIu64 ")"),
                   path, (guint64) st.st_size, (guint64) page_size * page_count);
      return FALSE;
    }
  return TRUE;
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *path,
            const char  *sql,
            int         *out_value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_error_from_db (db, path, rc, error);
  return TRUE;
}

/* Reads the identity of an existing file through a read-only connection. */
static gboolean
check_identity (const char  *path,
                int         *out_version,
                GError     **error)
{
  sqlite3 *db = NULL;
  int app_id = 0, n_objects = 0;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  gboolean ok;

  if (rc != SQLITE_OK)
    {
      ok = set_error_from_db (db, path, rc, error);
      sqlite3_close (db);
      return ok;
    }
  sqlite3_busy_timeout (db, CL_STORE_BUSY_WAIT_MS);
  ok = pragma_int (db, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error)
       && pragma_int (db, path, "PRAGMA application_id", &app_id, error)
       && pragma_int (db, path, "PRAGMA user_version", out_version, error);
  sqlite3_close (db);
  if (!ok)
    return FALSE;

  if (app_id != CL_APPLICATION_ID && n_objects > 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FOREIGN,
                        _("Workspace “%s”: it is an SQLite database of another program, "
                          "not a Closeloop workspace"), path), FALSE;
  if (*out_version > CL_STORE_SCHEMA_VERSION)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_TOO_NEW,
                        _("Workspace “%s”: it was written by a newer version of Closeloop "
                          "(workspace version %d, this version reads up to %d); "
                          "update Closeloop to open it"),
                        path, *out_version, CL_STORE_SCHEMA_VERSION), FALSE;
  return TRUE;
}

/* Creates the file a new workspace starts as, 0600 from the first byte (it
 * holds private coaching notes). Only a file that did not exist: a
 * descriptor of a file this process may have connections on is never
 * closed here (see read_file_start ()). */
static gboolean
create_workspace_file (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO,
                          _("Workspace “%s”: cannot create folder “%s”: %s"), path, dir,
                          g_strerror (saved)), FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return TRUE;
  if (fd < 0)
    {
      int saved = errno;
      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Workspace “%s”: %s"),
                          path, g_strerror (saved)), FALSE;
    }
  close (fd);
  return TRUE;
}

/* ------------------------------------------------------------------ opening */

static ClStore *
open_store (const char  *path,
            int          target_version,
            GError     **error)
{
  g_autoptr (ClStore) self = NULL;
  gboolean is_new = FALSE;
  int version = 0, rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &is_new, error))
    return NULL;
  if (!is_new && !check_identity (path, &version, error))
    return NULL;
  if (is_new && !create_workspace_file (path, error))
    return NULL;

  self = g_object_new (CL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return cl_store_fail (self, rc, error), NULL;
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, CL_STORE_BUSY_WAIT_MS);

  rc = sqlite3_exec (self->db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = NORMAL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA cache_size = -65536;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cl_store_fail (self, rc, error), NULL;

  if (version < target_version)
    {
      if (!cl_store_begin (self, error))
        return NULL;
      if (!cl_schema_migrate (self->db, version, target_version, error))
        {
          g_prefix_error (error, _("Workspace “%s”: "), path);
          cl_store_rollback (self);
          return NULL;
        }
      if (!cl_store_commit (self, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * cl_store_open:
 * @path: the workspace file; created, with its folder, when it does not
 *   exist
 * @error: return location for a #GError, or %NULL
 *
 * Opens the workspace at @path, creating it (mode 0600) or upgrading it
 * to %CL_STORE_SCHEMA_VERSION as needed. The file is checked before any
 * connection writes to it: a file that is not a workspace, is damaged or
 * was written by a newer Closeloop is left as it was and refused with
 * NOT_DATABASE, FOREIGN, DAMAGED or TOO_NEW. The connection is not
 * thread-safe: use the store from one thread at a time.
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL with @error
 *   set
 */
ClStore *
cl_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, CL_STORE_SCHEMA_VERSION, error);
}

ClStore *
cl_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  return open_store (path, version, error);
}

/**
 * cl_store_remove_files:
 * @path: the workspace file
 *
 * Deletes the workspace file at @path with its -wal, -shm and -journal
 * files, ignoring those that are missing. Only for a workspace no
 * connection has open (one that failed to be built).
 */
void
cl_store_remove_files (const char *path)
{
  static const char * const endings[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      g_autofree char *file = g_strconcat (path, endings[i], NULL);

      g_remove (file);
    }
}

/**
 * cl_store_default_path:
 *
 * The workspace to open when none is named: $CLOSELOOP_WORKSPACE when it
 * is set and not empty, else closeloop/workspace.db in the user's data
 * folder.
 *
 * Returns: (transfer full): the path
 */
char *
cl_store_default_path (void)
{
  const char *env = g_getenv ("CLOSELOOP_WORKSPACE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "closeloop", "workspace.db", NULL);
}

/**
 * cl_store_get_path:
 * @self: the workspace
 *
 * Returns: (transfer none): the path the workspace was opened at
 */
const char *
cl_store_get_path (ClStore *self)
{
  g_return_val_if_fail (CL_IS_STORE (self), NULL);
  return self->path;
}

/**
 * cl_store_set_busy_wait:
 * @self: the workspace
 * @wait_ms: how long, in milliseconds
 *
 * Sets how long a statement of this connection waits for another
 * connection (another program's, say a command-line import) to let go of
 * the workspace's write lock before it fails with BUSY;
 * %CL_STORE_BUSY_WAIT_MS when opened. A connection nobody waits on, in a
 * worker, may wait longer rather than lose a write.
 */
void
cl_store_set_busy_wait (ClStore *self,
                        guint    wait_ms)
{
  g_return_if_fail (CL_IS_STORE (self));
  sqlite3_busy_timeout (self->db, (int) MIN (wait_ms, (guint) G_MAXINT));
}

/**
 * cl_store_get_schema_version:
 * @self: the workspace
 *
 * Returns: the schema version the workspace file is at, 0 when it cannot
 *   be read
 */
int
cl_store_get_schema_version (ClStore *self)
{
  int version = 0;

  g_return_val_if_fail (CL_IS_STORE (self), 0);
  pragma_int (self->db, self->path, "PRAGMA user_version", &version, NULL);
  return version;
}

/**
 * cl_store_set_cache_size:
 * @self: the workspace
 * @kib: the most SQLite keeps of the workspace's pages in memory, in KiB
 *
 * Bounds the page cache, 64 MiB when the workspace opens: a window reads
 * the same pages again and again, while a command that reads the workspace
 * once through (a backup, a pre-read, a command line run) gains little
 * from holding what it read and pays for it in memory.
 *
 * Returns: the bound before, in KiB, to set it back with
 */
int
cl_store_set_cache_size (ClStore *self,
                         int      kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);
  int before = 0, page_size = 4096;

  g_return_val_if_fail (CL_IS_STORE (self) && kib > 0, 0);
  /* SQLite's own: negative, a size in KiB; positive, a count of pages */
  pragma_int (self->db, self->path, "PRAGMA cache_size", &before, NULL);
  if (before > 0)
    pragma_int (self->db, self->path, "PRAGMA page_size", &page_size, NULL);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  return before < 0 ? -before : before * (page_size / 1024);
}

/**
 * cl_store_open_read_through:
 * @path: the workspace file, as for cl_store_open ()
 * @error: return location for a #GError, or %NULL
 *
 * Opens the workspace at @path as cl_store_open () does, for a job that
 * reads it once through (a snapshot, a list, a document), with a page
 * cache of %CL_STORE_READ_THROUGH_CACHE_KIB: the pages it read are not
 * read again, and a window's 64 MiB would only stay in its memory.
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL with @error
 *   set
 */
ClStore *
cl_store_open_read_through (const char  *path,
                            GError     **error)
{
  ClStore *store = cl_store_open (path, error);

  if (store != NULL)
    cl_store_set_cache_size (store, CL_STORE_READ_THROUGH_CACHE_KIB);
  return store;
}

/* ------------------------------------------------------------------ reading apart */

struct _ClStoreReadApart
{
  char        *path;
  ClStoreRead  read;
  gpointer     data;
  GThread     *thread;  /* NULL: read when joined */
  gboolean     ok;
  GError      *error;
};

static gpointer
read_apart (gpointer data)
{
  ClStoreReadApart *apart = data;
  g_autoptr (ClStore) store = cl_store_open_read_through (apart->path, &apart->error);

  apart->ok = store != NULL && apart->read (store, apart->data, &apart->error);
  return NULL;
}

/**
 * cl_store_read_apart:
 * @path: the workspace file, as for cl_store_open ()
 * @read: (scope async): what to read, on a connection of its own
 *   (cl_store_open_read_through ()) in a thread of its own
 * @data: what @read is given: the caller leaves it to @read until
 *   cl_store_read_apart_join ()
 *
 * Starts reading the workspace beside what the caller reads on its own
 * connection meanwhile, so that the two share the machine's cores. Each
 * connection reads as it finds the workspace then. Without a thread, the
 * read is done when joined.
 *
 * Returns: (transfer full): the read, for cl_store_read_apart_join ()
 */
ClStoreReadApart *
cl_store_read_apart (const char  *path,
                     ClStoreRead  read,
                     gpointer     data)
{
  ClStoreReadApart *apart = g_new0 (ClStoreReadApart, 1);

  apart->path = g_strdup (path);
  apart->read = read;
  apart->data = data;
  apart->thread = g_thread_try_new ("cl-read-apart", read_apart, apart, NULL);
  return apart;
}

/**
 * cl_store_read_apart_join:
 * @apart: (transfer full): a read cl_store_read_apart () started
 * @error: return location for a #GError, or %NULL
 *
 * Waits for @apart to end, and frees it.
 *
 * Returns: %TRUE when it read what it was to, %FALSE with @error set
 */
gboolean
cl_store_read_apart_join (ClStoreReadApart  *apart,
                          GError           **error)
{
  gboolean ok;

  if (apart->thread != NULL)
    g_thread_join (apart->thread);
  else
    read_apart (apart);
  ok = apart->ok;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&apart->error));
  g_clear_error (&apart->error);
  g_free (apart->path);
  g_free (apart);
  return ok;
}

/* ------------------------------------------------------------------ GObject */

static void
cl_store_finalize (GObject *object)
{
  ClStore *self = CL_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (cl_store_parent_class)->finalize (object);
}

static void
cl_store_class_init (ClStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cl_store_init (ClStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}
