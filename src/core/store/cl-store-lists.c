/* cl-store-lists.c — the team's ordered lists: the call scorecard and the
 * skills a rep can make their monthly focus
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both lists are tables of (key, label, position, retired). The key is made
 * once from the first label and never changes, so scores and plans keep
 * pointing at their item through renames; a removed item is retired, so
 * what was recorded under it keeps its meaning and the removal can be undone.
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

typedef struct
{
  const char *table;
  const char *unnamed;      /* the refusal of a blank label */
  const char *duplicate;    /* "%s" is the label */
  const char *not_found;    /* PRId64 is the id */
} ClTeamListTable;

static const ClTeamListTable team_lists[CL_N_TEAM_LISTS] = {
  [CL_TEAM_LIST_SCORECARD] = {
    "scorecard_items",
    N_("A scorecard item needs a name"),
    N_("“%s” is already on the scorecard"),
    N_("There is no scorecard item %" PRId64),
  },
  [CL_TEAM_LIST_SKILLS] = {
    "dev_skills",
    N_("A skill needs a name"),
    N_("“%s” is already one of the team's skills"),
    N_("There is no skill %" PRId64),
  },
};

static GObject *
build_item (sqlite3_stmt *stmt)
{
  ClTeamListItem *item = g_object_new (CL_TYPE_TEAM_LIST_ITEM, NULL);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->key = cl_column_text (stmt, 1);
  item->label = cl_column_text (stmt, 2);
  item->position = sqlite3_column_int (stmt, 3);
  return G_OBJECT (item);
}

/**
 * cl_store_list_team_list:
 * @self: the workspace
 * @list: which list
 * @error: return location for a #GError, or %NULL
 *
 * Lists the items of @list in use, in their order; retired items are left
 * out.
 *
 * Returns: (transfer full) (nullable): a list of #ClTeamListItem, or %NULL
 *   with @error set
 */
GListModel *
cl_store_list_team_list (ClStore     *self,
                         ClTeamList   list,
                         GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (list < CL_N_TEAM_LISTS, NULL);
  sql = g_strdup_printf ("SELECT id, key, label, position FROM %s WHERE retired = 0 ORDER BY position, id",
                         team_lists[list].table);
  return cl_store_list (self, CL_TYPE_TEAM_LIST_ITEM, build_item, error, sql, "");
}

/* "Asked before pitching" → "asked_before_pitching" */
static char *
key_of (const char *label)
{
  g_autofree char *ascii = g_str_to_ascii (label, "C");
  GString *key = g_string_new (NULL);

  for (const char *c = ascii; *c; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (key, g_ascii_tolower (*c));
    else if (key->len > 0 && key->str[key->len - 1] != '_')
      g_string_append_c (key, '_');
  if (key->len > 0 && key->str[key->len - 1] == '_')
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

/* @label without its surrounding blanks, or NULL and an error when blank. */
static char *
checked_label (ClTeamList   list,
               const char  *label,
               GError     **error)
{
  if (cl_text_is_blank (label))
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _(team_lists[list].unnamed)), NULL;
  return g_strstrip (g_strdup (label));
}

/**
 * cl_store_add_team_list_item:
 * @self: the workspace
 * @list: which list
 * @label: the item's name; the blanks around it are dropped
 * @error: return location for a #GError, or %NULL
 *
 * Adds an item at the end of @list. Its key is made from @label (lower-case
 * ASCII letters and digits joined by "_") and never changes. A retired item
 * of the same key comes back instead, at the end, named @label.
 *
 * Returns: the item's id; 0 with @error set: %CL_STORE_ERROR_INVALID for a
 *   blank label or one without a letter or digit,
 *   %CL_STORE_ERROR_CONSTRAINT when an item in use has the same key
 */
gint64
cl_store_add_team_list_item (ClStore     *self,
                             ClTeamList   list,
                             const char  *label,
                             GError     **error)
{
  const ClTeamListTable *table = &team_lists[list];
  g_autofree char *name = checked_label (list, label, error);
  g_autofree char *key = NULL, *find = NULL, *revive = NULL, *insert = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int retired = 0;
  int rc;

  if (name == NULL)
    return 0;
  key = key_of (name);
  if (*key == '\0')
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” needs a letter or a digit"), name), 0;

  find = g_strdup_printf ("SELECT id, retired FROM %s WHERE key = ?", table->table);
  stmt = cl_store_query (self, error, find, "s", key);
  if (stmt == NULL)
    return 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      retired = sqlite3_column_int (stmt, 1);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return 0;
  if (id != 0 && !retired)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT, _(table->duplicate), name), 0;
  if (id != 0)
    {
      revive = g_strdup_printf ("UPDATE %1$s SET retired = 0, label = ?, position = "
                                "(SELECT coalesce(max(position), 0) + 1 FROM %1$s WHERE retired = 0) "
                                "WHERE id = ?", table->table);
      return cl_store_run (self, NULL, error, revive, "sI", name, id) ? id : 0;
    }
  insert = g_strdup_printf ("INSERT INTO %1$s (key, label, position) "
                            "SELECT ?, ?, coalesce(max(position), 0) + 1 FROM %1$s WHERE retired = 0",
                            table->table);
  return cl_store_run (self, &id, error, insert, "ss", key, name) ? id : 0;
}

/**
 * cl_store_rename_team_list_item:
 * @self: the workspace
 * @list: which list
 * @item_id: the item's id
 * @label: the item's new name; the blanks around it are dropped
 * @error: return location for a #GError, or %NULL
 *
 * Renames an item of @list; its key does not change, so what was recorded
 * under it keeps pointing at it.
 *
 * Returns: %TRUE on success; %FALSE with @error set:
 *   %CL_STORE_ERROR_INVALID for a blank label, %CL_STORE_ERROR_NOT_FOUND
 *   when @list has no item @item_id
 */
gboolean
cl_store_rename_team_list_item (ClStore     *self,
                                ClTeamList   list,
                                gint64       item_id,
                                const char  *label,
                                GError     **error)
{
  g_autofree char *name = checked_label (list, label, error);
  g_autofree char *sql = NULL;

  if (name == NULL)
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET label = ? WHERE id = ?", team_lists[list].table);
  return cl_store_run (self, NULL, error, sql, "sI", name, item_id)
         && cl_store_changed_row (self, item_id, _(team_lists[list].not_found), error);
}

/**
 * cl_store_move_team_list_item:
 * @self: the workspace
 * @list: which list
 * @item_id: the item's id
 * @index: its new place among the items in use, 0 first; past the end
 *   means last
 * @error: return location for a #GError, or %NULL
 *
 * Moves an item to @index among the items in use, the others closing up,
 * in one transaction.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when @list has no item @item_id in use
 */
gboolean
cl_store_move_team_list_item (ClStore     *self,
                              ClTeamList   list,
                              gint64       item_id,
                              guint        index,
                              GError     **error)
{
  return cl_store_move_row (self, team_lists[list].table, "WHERE retired = 0", item_id, index,
                            _(team_lists[list].not_found), error);
}

/**
 * cl_store_retire_team_list_item:
 * @self: the workspace
 * @list: which list
 * @item_id: the item's id
 * @retired: %TRUE to retire the item, %FALSE to bring it back
 * @error: return location for a #GError, or %NULL
 *
 * Retires an item or brings it back. A retired item is no longer offered;
 * what was recorded under it stays, and one brought back takes the
 * position it had.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when @list has no item @item_id
 */
gboolean
cl_store_retire_team_list_item (ClStore     *self,
                                ClTeamList   list,
                                gint64       item_id,
                                gboolean     retired,
                                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET retired = ? WHERE id = ?", team_lists[list].table);

  return cl_store_run (self, NULL, error, sql, "iI", retired ? 1 : 0, item_id)
         && cl_store_changed_row (self, item_id, _(team_lists[list].not_found), error);
}
