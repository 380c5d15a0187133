/* cl-store-undo.c — the workspace as it was before the last import, to go
 * back to
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before an import writes, the whole workspace is copied page by page with
 * SQLite's backup API into WORKSPACE.before-import (0600), beside it; once
 * the import commits, the copy becomes the undo point and the workspace
 * records what the import was and a stamp of what it left. Undoing copies
 * the pages back: the workspace is then exactly as it was, byte for byte in
 * every table (the copy still names the import before, whose own copy is
 * gone: one import can be undone). What was written after the import would
 * be lost with it, so a changed stamp refuses the undo unless asked.
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cl-store-private.h"

#define SETTING_WHAT  "undo_import"
#define SETTING_STAMP "undo_import_stamp"

static char *
undo_path (ClStore *self)
{
  return g_strconcat (cl_store_get_path (self), ".before-import", NULL);
}

/* Copies every page of @from into @to. */
static int
copy_pages (sqlite3 *to,
            sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (to);
  while ((rc = sqlite3_backup_step (backup, -1)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    sqlite3_sleep (10);
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
io_error (ClStore     *self,
          const char  *path,
          int          saved_errno,
          GError     **error)
{
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_IO, _("Workspace “%s”: %s: %s"),
                      cl_store_get_path (self), path, g_strerror (saved_errno)), FALSE;
}

/**
 * cl_store_copy_for_undo:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Copies the whole workspace, as it is now, into a new file beside it that
 * only its owner can read: the undo point of an import about to write.
 * Blocks until the copy is done, waiting while the database is busy.
 *
 * Returns: (transfer full) (nullable): the copy's path, for
 *   cl_store_place_undo_copy (), or %NULL with @error set (nothing is left
 *   behind)
 */
char *
cl_store_copy_for_undo (ClStore  *self,
                        GError  **error)
{
  g_autofree char *final = undo_path (self);
  g_autofree char *temporary = g_strconcat (final, ".XXXXXX", NULL);
  sqlite3 *copy = NULL;
  int fd, rc;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  /* 0600 from the first byte: the copy holds private notes too */
  if ((fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600)) < 0)
    return io_error (self, temporary, errno, error), NULL;
  close (fd);
  rc = sqlite3_open_v2 (temporary, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (copy, cl_store_get_db (self));
  if (rc != SQLITE_OK)
    cl_store_fail (self, rc, error);
  sqlite3_close (copy);
  if (rc != SQLITE_OK)
    {
      g_unlink (temporary);
      return NULL;
    }
  return g_steal_pointer (&temporary);
}

/* What the workspace holds, in short: each table's rows and its last row
 * id. An import's undo point is good while it has not changed. */
static char *
change_stamp (ClStore  *self,
              GError  **error)
{
  sqlite3 *db = cl_store_get_db (self);
  g_autoptr (GPtrArray) tables = cl_store_table_names (db, error);
  g_autoptr (GString) text = g_string_new (NULL);

  if (tables == NULL)
    return NULL;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*), coalesce(max(rowid), 0) FROM \"%s\"", table);
      sqlite3_stmt *stmt;

      /* WITHOUT ROWID tables: their count */
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_free (sql);
          sql = g_strdup_printf ("SELECT count(*), 0 FROM \"%s\"", table);
          if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
            return cl_store_fail (self, sqlite3_errcode (db), error), NULL;
        }
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (text, "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";", table,
                                (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1));
      sqlite3_finalize (stmt);
    }
  /* the settings change in place: their values count too */
  {
    sqlite3_stmt *stmt;

    if (sqlite3_prepare_v2 (db, "SELECT key, value FROM settings WHERE key NOT IN ('" SETTING_WHAT "', '"
                                SETTING_STAMP "') ORDER BY key", -1, &stmt, NULL) == SQLITE_OK)
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (text, "%s=%s;", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
    sqlite3_finalize (stmt);
  }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
}

/**
 * cl_store_mark_undo_point:
 * @self: the workspace
 * @what: what the import was, as the undo will name it ("import of
 *   deals.csv as of 2026-11-16")
 * @error: return location for a #GError, or %NULL
 *
 * Records, inside the transaction of the import it was taken for, what the
 * import was and a stamp of what it leaves (each table's row count and
 * last row id, and the settings), so a later undo knows whether anything
 * changed since.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_mark_undo_point (ClStore     *self,
                          const char  *what,
                          GError     **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (CL_IS_STORE (self) && what != NULL, FALSE);

  /* both rows are there before the stamp counts the settings' rows: the
   * first import of a workspace adds them, and would find it changed */
  return cl_store_set_setting_text (self, SETTING_WHAT, what, error)
         && cl_store_set_setting_text (self, SETTING_STAMP, "", error)
         && (stamp = change_stamp (self, error)) != NULL
         && cl_store_set_setting_text (self, SETTING_STAMP, stamp, error);
}

/**
 * cl_store_place_undo_copy:
 * @self: the workspace
 * @copy: the path cl_store_copy_for_undo () returned
 * @error: return location for a #GError, or %NULL
 *
 * Once the import's transaction committed, makes @copy the undo point,
 * in place of the one before.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 *   (%CL_STORE_ERROR_IO), @copy left where it was
 */
gboolean
cl_store_place_undo_copy (ClStore     *self,
                          const char  *copy,
                          GError     **error)
{
  g_autofree char *final = undo_path (self);

  if (g_rename (copy, final) != 0)
    return io_error (self, final, errno, error);
  return TRUE;
}

/**
 * cl_store_undo_point:
 * @self: the workspace
 *
 * Tells what the import that can be undone was.
 *
 * Returns: (transfer full) (nullable): its description, as given to
 *   cl_store_mark_undo_point (), or %NULL when no import can be undone
 *   (none recorded, or its copy is gone)
 */
char *
cl_store_undo_point (ClStore *self)
{
  g_autofree char *path = undo_path (self);
  char *what = cl_store_get_setting_text (self, SETTING_WHAT);

  if (what != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&what, g_free);
  return what;
}

/**
 * cl_store_undo_import:
 * @self: the workspace
 * @even_if_changed: %TRUE to undo even when the workspace changed after
 *   the import
 * @error: return location for a #GError, or %NULL
 *
 * Puts the workspace back exactly as it was before the last import, then
 * deletes the copy: one import can be undone. A change since the import
 * is seen from rows added or removed and settings changed, not from rows
 * edited in place.
 *
 * Returns: (transfer full) (nullable): what was undone, or %NULL with
 *   @error set: %CL_STORE_ERROR_NOT_FOUND when there is no import to undo,
 *   %CL_STORE_ERROR_CHANGED when the workspace changed since and
 *   @even_if_changed is %FALSE
 */
char *
cl_store_undo_import (ClStore   *self,
                      gboolean   even_if_changed,
                      GError   **error)
{
  g_autofree char *path = undo_path (self);
  g_autofree char *what = cl_store_undo_point (self);
  g_autofree char *kept = NULL, *now = NULL;
  sqlite3 *copy = NULL;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self), NULL);

  if (what == NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("Workspace “%s”: there is no import to undo"), cl_store_get_path (self)), NULL;
  kept = cl_store_get_setting_text (self, SETTING_STAMP);
  if ((now = change_stamp (self, error)) == NULL)
    return NULL;
  if (!even_if_changed && g_strcmp0 (kept, now) != 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CHANGED,
                        _("Workspace “%s” changed after the %s; undoing it would undo those changes too"),
                        cl_store_get_path (self), what), NULL;
  rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (cl_store_get_db (self), copy);
  sqlite3_close (copy);
  if (rc != SQLITE_OK)
    return cl_store_fail (self, rc, error), NULL;
  cl_store_remove_files (path);
  return g_steal_pointer (&what);
}
