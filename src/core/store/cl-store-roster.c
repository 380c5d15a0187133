/* cl-store-roster.c — the team's roster: renaming, merging two records of
 * one person, the manager, who left
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CRM export without owner names brings reps named by the CRM's ids; the
 * roster makes them people again. The names a rep had (the id, a name
 * before a rename) stay as aliases, so next week's export of the same CRM
 * finds the same person instead of making the id a rep again.
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

#define NO_REP N_("There is no rep %" PRId64)

static ClRep *
get_rep (ClStore  *self,
         gint64    rep_id,
         GError  **error)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (self, error);

  for (guint i = 0; reps != NULL && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      if (rep->id == rep_id)
        return g_steal_pointer (&rep);
    }
  if (reps != NULL)
    g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND, _(NO_REP), rep_id);
  return NULL;
}

/* @rep's name, old or new, means @rep from now on: the alias of the same
 * name (any case) goes, whoever it led to. */
static gboolean
drop_alias (ClStore     *self,
            const char  *name,
            GError     **error)
{
  return cl_store_run (self, NULL, error, "DELETE FROM rep_aliases WHERE alias = ? COLLATE NOCASE", "s", name);
}

static gboolean
add_alias (ClStore     *self,
           const char  *alias,
           gint64       rep_id,
           GError     **error)
{
  return drop_alias (self, alias, error)
         && cl_store_run (self, NULL, error, "INSERT INTO rep_aliases (alias, rep_id) VALUES (?, ?)", "sI",
                          alias, rep_id);
}

/* Whether a rep other than @rep_id is called @name; the error says so. */
static gboolean
name_taken (ClStore     *self,
            const char  *name,
            gint64       rep_id,
            GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (ClRep) other = cl_store_find_rep (self, name, &local);

  if (other == NULL || other->id == rep_id)
    return FALSE;
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                      _("There is already a rep called “%s”: merge the two instead"), other->name), TRUE;
}

/**
 * cl_store_rename_rep:
 * @self: the workspace
 * @rep_id: the rep's id
 * @name: the new name; the blanks around it are dropped
 * @error: return location for a #GError, or %NULL
 *
 * Renames a rep, in one transaction. The old name stays one the CRM
 * imports know them by (unless only its case changed), so next week's
 * export that still says it finds them; an alias equal to the new name is
 * dropped.
 *
 * Returns: %TRUE on success, also when the name is the same; %FALSE with
 *   @error set: %CL_STORE_ERROR_INVALID for a blank name,
 *   %CL_STORE_ERROR_NOT_FOUND when there is no rep @rep_id,
 *   %CL_STORE_ERROR_CONSTRAINT when another rep has the name in any case
 *   (merge them instead)
 */
gboolean
cl_store_rename_rep (ClStore     *self,
                     gint64       rep_id,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *was = NULL, *now = NULL;
  g_autoptr (ClRep) rep = NULL;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  if (cl_text_is_blank (stripped))
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("A rep needs a name")), FALSE;
  if ((rep = get_rep (self, rep_id, error)) == NULL || name_taken (self, stripped, rep_id, error))
    return FALSE;
  if (g_str_equal (rep->name, stripped))
    return TRUE;
  was = g_utf8_casefold (rep->name, -1);
  now = g_utf8_casefold (stripped, -1);
  if (!cl_store_begin (self, error))
    return FALSE;
  if (drop_alias (self, stripped, error)
      && cl_store_run (self, NULL, error, "UPDATE reps SET name = ? WHERE id = ?", "sI", stripped, rep_id)
      /* a change of case is no other name */
      && (g_str_equal (was, now) || add_alias (self, rep->name, rep_id, error)))
    return cl_store_commit (self, error);
  cl_store_rollback (self);
  return FALSE;
}

/* The first value of @sql (two "?" for the two reps) both reps have, or
 * NULL: what a merge would make twice where once is the rule. */
static char *
shared_value (ClStore     *self,
              const char  *sql,
              gint64       a,
              gint64       b,
              GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, sql, "II", a, b);
  char *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    value = cl_column_text (stmt, 0);
  cl_store_query_done (self, stmt, rc, error);
  return value;
}

/* Refuses a merge that would give one person two plans for a month or
 * two 1:1s on a day. */
static gboolean
merge_allowed (ClStore  *self,
               ClRep    *from,
               ClRep    *into,
               GError  **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *month = shared_value (self, "SELECT month FROM dev_plans WHERE rep_id = ? AND month IN "
                                               "(SELECT month FROM dev_plans WHERE rep_id = ?) ORDER BY month",
                                         from->id, into->id, &local);
  g_autofree char *day = NULL;

  if (local == NULL && month == NULL)
    day = shared_value (self, "SELECT held_on FROM one_on_ones WHERE rep_id = ? AND held_on IN "
                              "(SELECT held_on FROM one_on_ones WHERE rep_id = ?) ORDER BY held_on",
                        from->id, into->id, &local);
  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  if (month != NULL)
    /* Translators: two reps, then a month such as 2026-11 */
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                        _("“%s” and “%s” both have a development plan for %s, and a rep has one a month: "
                          "nothing was merged"), from->name, into->name, month), FALSE;
  if (day != NULL)
    /* Translators: two reps, then a day */
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                        _("“%s” and “%s” both have a 1:1 agenda for %s, and a rep has one a day: "
                          "nothing was merged"), from->name, into->name, day), FALSE;
  return TRUE;
}

/* Every column of the workspace that points at a rep, as "table\ncolumn",
 * so a table added later is merged too. */
static GPtrArray *
rep_columns (ClStore  *self,
             GError  **error)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT m.name, f.\"from\" FROM sqlite_schema m, "
                                       "pragma_foreign_key_list (m.name) f "
                                       "WHERE m.type = 'table' AND f.\"table\" = 'reps'", "");
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup_printf ("%s\n%s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1)));
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&columns);
}

static gboolean
move_everything (ClStore  *self,
                 gint64    from_id,
                 gint64    into_id,
                 GError  **error)
{
  g_autoptr (GPtrArray) columns = rep_columns (self, error);
  g_autofree char *from = g_strdup_printf ("%" PRId64, from_id);
  g_autofree char *into = g_strdup_printf ("%" PRId64, into_id);
  gboolean ok = columns != NULL;

  for (guint i = 0; ok && i < columns->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_ptr_array_index (columns, i), "\n", 2);
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"%s\" = ?2",
                                              parts[0], parts[1], parts[1]);

      ok = cl_store_run (self, NULL, error, sql, "II", into_id, from_id);
    }
  /* a deal's owner history names reps by id; a change between the two was none */
  return ok
         && cl_store_run (self, NULL, error, "UPDATE deal_events SET old_value = ?1 "
                          "WHERE field = 'owner' AND old_value = ?2", "ss", into, from)
         && cl_store_run (self, NULL, error, "UPDATE deal_events SET new_value = ?1 "
                          "WHERE field = 'owner' AND new_value = ?2", "ss", into, from)
         && cl_store_run (self, NULL, error, "DELETE FROM deal_events "
                          "WHERE field = 'owner' AND old_value = new_value", "");
}

/**
 * cl_store_merge_reps:
 * @self: the workspace
 * @from_id: the rep merged away
 * @into_id: the rep who stays
 * @error: return location for a #GError, or %NULL
 *
 * Makes @from_id and @into_id one person, @into_id: every row of every
 * table that points at @from_id (deals, actions, calls, coaching sessions,
 * plans, drills, 1:1s, restarts…) becomes @into_id's, their deals' owner
 * changes between the two leave the history, @from_id is deleted and its
 * name becomes one the imports know @into_id by. One transaction.
 *
 * Returns: %TRUE on success; %FALSE with @error set and nothing changed:
 *   %CL_STORE_ERROR_INVALID when both ids are the same,
 *   %CL_STORE_ERROR_NOT_FOUND when either rep is missing,
 *   %CL_STORE_ERROR_CONSTRAINT when both have a plan for one month or a
 *   1:1 on one day
 */
gboolean
cl_store_merge_reps (ClStore  *self,
                     gint64    from_id,
                     gint64    into_id,
                     GError  **error)
{
  g_autoptr (ClRep) from = NULL;
  g_autoptr (ClRep) into = NULL;

  g_return_val_if_fail (CL_IS_STORE (self), FALSE);
  if (from_id == into_id)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _("A rep cannot be merged into themselves")), FALSE;
  if ((from = get_rep (self, from_id, error)) == NULL || (into = get_rep (self, into_id, error)) == NULL)
    return FALSE;
  if (!cl_store_begin (self, error))
    return FALSE;
  if (merge_allowed (self, from, into, error)
      && move_everything (self, from_id, into_id, error)
      && cl_store_run (self, NULL, error, "DELETE FROM reps WHERE id = ?", "I", from_id)
      && add_alias (self, from->name, into_id, error))
    return cl_store_commit (self, error);
  cl_store_rollback (self);
  return FALSE;
}

static gboolean
set_flag (ClStore     *self,
          const char  *sql,
          gint64       rep_id,
          gboolean     value,
          GError     **error)
{
  return cl_store_run (self, NULL, error, sql, "iI", value ? 1 : 0, rep_id)
         && cl_store_changed_row (self, rep_id, _(NO_REP), error);
}

/**
 * cl_store_set_rep_manager:
 * @self: the workspace
 * @rep_id: the rep's id
 * @is_manager: whether the rep is the team's manager
 * @error: return location for a #GError, or %NULL
 *
 * Marks a rep as a manager or not; loop health and development do not
 * count managers as reps.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when there is no rep @rep_id
 */
gboolean
cl_store_set_rep_manager (ClStore  *self,
                          gint64    rep_id,
                          gboolean  is_manager,
                          GError  **error)
{
  return set_flag (self, "UPDATE reps SET is_manager = ? WHERE id = ?", rep_id, is_manager, error);
}

/**
 * cl_store_set_rep_left:
 * @self: the workspace
 * @rep_id: the rep's id
 * @has_left: whether the rep left the team
 * @error: return location for a #GError, or %NULL
 *
 * Marks a rep as gone or back. Someone who left keeps their history and is
 * no longer counted: not in loop health, the reps' loads or the open
 * actions.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when there is no rep @rep_id
 */
gboolean
cl_store_set_rep_left (ClStore  *self,
                       gint64    rep_id,
                       gboolean  has_left,
                       GError  **error)
{
  return set_flag (self, "UPDATE reps SET has_left = ? WHERE id = ?", rep_id, has_left, error);
}

/**
 * cl_store_list_rep_aliases:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Reads the other names the imports know reps by: a CRM's id, a name
 * before a rename or a merge. The names are as stored; the table's
 * lookups are case-sensitive.
 *
 * Returns: (transfer full) (nullable): name (char *) → rep id (gint64 *),
 *   or %NULL with @error set
 */
GHashTable *
cl_store_list_rep_aliases (ClStore  *self,
                           GError  **error)
{
  g_autoptr (GHashTable) aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT alias, rep_id FROM rep_aliases", "");
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rep_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (aliases, cl_column_text (stmt, 0), g_memdup2 (&rep_id, sizeof rep_id));
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&aliases);
}
