/* cl-store-retro.c — quarterly strategy retrospectives, and the facts of
 * the quarter they start from
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

/**
 * cl_store_add_retro:
 * @self: the workspace
 * @retro: the retrospective to add; its id is set on success
 * @error: return location for a #GError, or %NULL
 *
 * Adds the retrospective of a quarter.
 *
 * Returns: %TRUE on success; %FALSE with @error set:
 *   %CL_STORE_ERROR_INVALID when its quarter is not like "2026-Q4",
 *   %CL_STORE_ERROR_CONSTRAINT when that quarter has one
 */
gboolean
cl_store_add_retro (ClStore  *self,
                    ClRetro  *retro,
                    GError  **error)
{
  g_return_val_if_fail (CL_IS_RETRO (retro), FALSE);

  if (!cl_date_parse_quarter (retro->quarter, NULL, NULL))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a quarter such as 2026-Q4"),
                        retro->quarter ? retro->quarter : ""), FALSE;
  return cl_store_run (self, &retro->id, error,
                       "INSERT INTO retros (quarter, held_on, findings, root_causes, decision, "
                       "decision_detail, restart_plan) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       "sdsisss", retro->quarter, retro->held_on,
                       retro->findings ? retro->findings : "", (int) retro->root_causes,
                       cl_retro_decision_to_string (retro->decision),
                       retro->decision_detail ? retro->decision_detail : "",
                       retro->restart_plan ? retro->restart_plan : "");
}

static GObject *
build_retro (sqlite3_stmt *stmt)
{
  ClRetro *retro = g_object_new (CL_TYPE_RETRO, NULL);

  retro->id = sqlite3_column_int64 (stmt, 0);
  retro->quarter = cl_column_text (stmt, 1);
  retro->held_on = cl_column_day (stmt, 2);
  retro->findings = cl_column_text (stmt, 3);
  retro->root_causes = sqlite3_column_int (stmt, 4);
  retro->decision = cl_column_enum (stmt, 5, cl_retro_decision_names);
  retro->decision_detail = cl_column_text (stmt, 6);
  retro->restart_plan = cl_column_text (stmt, 7);
  return G_OBJECT (retro);
}

#define RETRO_COLUMNS \
  "SELECT id, quarter, held_on, findings, root_causes, decision, decision_detail, restart_plan FROM retros "

/**
 * cl_store_list_retros:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists every retrospective, the latest quarter first.
 *
 * Returns: (transfer full) (nullable): a list of #ClRetro, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_retros (ClStore  *self,
                      GError  **error)
{
  return cl_store_list (self, CL_TYPE_RETRO, build_retro, error, RETRO_COLUMNS "ORDER BY quarter DESC", "");
}

/**
 * cl_store_get_retro:
 * @self: the workspace
 * @quarter: a quarter, "2026-Q4"
 * @error: return location for a #GError, or %NULL
 *
 * Reads the retrospective of @quarter.
 *
 * Returns: (transfer full) (nullable): the retrospective; %NULL without an
 *   error when there is none, or %NULL with @error set when the store fails
 */
ClRetro *
cl_store_get_retro (ClStore     *self,
                    const char  *quarter,
                    GError     **error)
{
  g_autoptr (GListModel) found = cl_store_list (self, CL_TYPE_RETRO, build_retro, error,
                                                RETRO_COLUMNS "WHERE quarter = ?", "s", quarter);

  if (found == NULL || g_list_model_get_n_items (found) == 0)
    return NULL;
  return g_list_model_get_item (found, 0);
}

/**
 * cl_store_update_retro:
 * @self: the workspace
 * @retro: the retrospective, found by its id
 * @error: return location for a #GError, or %NULL
 *
 * Saves the day a retrospective was held, its findings, root causes,
 * decision, the decision's detail and the restart plan. Its quarter does
 * not change.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when no retrospective has @retro's id
 */
gboolean
cl_store_update_retro (ClStore  *self,
                       ClRetro  *retro,
                       GError  **error)
{
  g_return_val_if_fail (CL_IS_RETRO (retro), FALSE);
  return cl_store_run (self, NULL, error,
                       "UPDATE retros SET held_on = ?, findings = ?, root_causes = ?, decision = ?, "
                       "decision_detail = ?, restart_plan = ? WHERE id = ?",
                       "dsisssI", retro->held_on, retro->findings ? retro->findings : "",
                       (int) retro->root_causes, cl_retro_decision_to_string (retro->decision),
                       retro->decision_detail ? retro->decision_detail : "",
                       retro->restart_plan ? retro->restart_plan : "", retro->id)
         && cl_store_changed_row (self, retro->id, _("There is no retrospective %" PRId64), error);
}

/* ------------------------------------------------------------------ restarts */

/**
 * cl_store_add_retro_restart:
 * @self: the workspace
 * @restart: the restart to add; its id is set on success
 * @error: return location for a #GError, or %NULL
 *
 * Records a loop a retrospective restarts, with its owner, due day and
 * action (0 for none).
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_CONSTRAINT when the retrospective restarts that loop
 *   already
 */
gboolean
cl_store_add_retro_restart (ClStore         *self,
                            ClRetroRestart  *restart,
                            GError         **error)
{
  g_return_val_if_fail (CL_IS_RETRO_RESTART (restart), FALSE);
  return cl_store_run (self, &restart->id, error,
                       "INSERT INTO retro_restarts (retro_id, loop, owner_id, due_on, action_id) "
                       "VALUES (?, ?, ?, ?, ?)",
                       "IsIdr", restart->retro_id, restart->loop, restart->owner_id, restart->due_on,
                       restart->action_id);
}

static GObject *
build_restart (sqlite3_stmt *stmt)
{
  ClRetroRestart *restart = g_object_new (CL_TYPE_RETRO_RESTART, NULL);

  restart->id = sqlite3_column_int64 (stmt, 0);
  restart->retro_id = sqlite3_column_int64 (stmt, 1);
  restart->loop = cl_column_text (stmt, 2);
  restart->owner_id = sqlite3_column_int64 (stmt, 3);
  restart->due_on = cl_column_day (stmt, 4);
  restart->action_id = sqlite3_column_int64 (stmt, 5);
  restart->owner_name = cl_column_text (stmt, 6);
  restart->done_on = cl_column_day (stmt, 7);
  return G_OBJECT (restart);
}

/**
 * cl_store_list_retro_restarts:
 * @self: the workspace
 * @retro_id: the retrospective's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists the restarts of a retrospective in the order they were added,
 * each with its owner's name and the day its action was done.
 *
 * Returns: (transfer full) (nullable): a list of #ClRetroRestart, or %NULL
 *   with @error set
 */
GListModel *
cl_store_list_retro_restarts (ClStore  *self,
                              gint64    retro_id,
                              GError  **error)
{
  return cl_store_list (self, CL_TYPE_RETRO_RESTART, build_restart, error,
                        "SELECT t.id, t.retro_id, t.loop, t.owner_id, t.due_on, t.action_id, r.name, a.done_on "
                        "FROM retro_restarts t JOIN reps r ON r.id = t.owner_id "
                        "LEFT JOIN actions a ON a.id = t.action_id WHERE t.retro_id = ? ORDER BY t.id",
                        "I", retro_id);
}

/**
 * cl_store_clear_retro_restarts:
 * @self: the workspace
 * @retro_id: the retrospective's id
 * @error: return location for a #GError, or %NULL
 *
 * Removes the restarts of a retrospective and deletes their actions still
 * open; actions done stay. Two statements and no transaction of its own:
 * wrap it in cl_store_begin () to make it all or nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_clear_retro_restarts (ClStore  *self,
                               gint64    retro_id,
                               GError  **error)
{
  return cl_store_run (self, NULL, error,
                       "DELETE FROM actions WHERE done_on IS NULL AND id IN "
                       "(SELECT action_id FROM retro_restarts WHERE retro_id = ?)", "I", retro_id)
         && cl_store_run (self, NULL, error, "DELETE FROM retro_restarts WHERE retro_id = ?", "I", retro_id);
}

/* ------------------------------------------------------------------ the quarter's facts */

/**
 * cl_store_list_reviewed_deal_ids:
 * @self: the workspace
 * @first: the first day
 * @last: the last day, included
 * @error: return location for a #GError, or %NULL
 *
 * Finds the deals the reviews held from @first to @last discussed (a
 * decision of one of them names the deal), in one query.
 *
 * Returns: (transfer full) (nullable): a set of deal ids (gint64 *), or
 *   %NULL with @error set when the store fails
 */
GHashTable *
cl_store_list_reviewed_deal_ids (ClStore  *self,
                                 ClDay     first,
                                 ClDay     last,
                                 GError  **error)
{
  g_autoptr (GHashTable) reviewed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT DISTINCT d.deal_id FROM review_decisions d "
                                       "JOIN reviews v ON v.id = d.review_id WHERE v.held_on BETWEEN ? AND ?",
                                       "dd", first, last);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (reviewed, g_memdup2 (&id, sizeof id));
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&reviewed);
}

/**
 * cl_retro_death_free:
 * @death: (transfer full): the death to free
 *
 * Frees @death with its strings and arrays.
 */
void
cl_retro_death_free (ClRetroDeath *death)
{
  g_free (death->stage);
  g_free (death->status);
  g_free (death->reason);
  g_free (death->currency);
  g_clear_pointer (&death->deal_ids, g_array_unref);
  g_clear_pointer (&death->deal_names, g_ptr_array_unref);
  g_free (death);
}

/* The deals of a death from the JSON arrays of their ids and names that
 * SQLite made of them, in one order. */
static void
read_death_deals (ClRetroDeath *death,
                  const char   *ids_json,
                  const char   *names_json)
{
  g_autoptr (JsonNode) ids = json_from_string (ids_json, NULL);
  g_autoptr (JsonNode) names = json_from_string (names_json, NULL);
  JsonArray *id_array, *name_array;
  guint n;

  death->deal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  death->deal_names = g_ptr_array_new_with_free_func (g_free);
  if (ids == NULL || names == NULL || !JSON_NODE_HOLDS_ARRAY (ids) || !JSON_NODE_HOLDS_ARRAY (names))
    return;
  id_array = json_node_get_array (ids);
  name_array = json_node_get_array (names);
  n = MIN (MIN (json_array_get_length (id_array), json_array_get_length (name_array)), CL_RETRO_DEATH_DEALS);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = json_array_get_int_element (id_array, i);

      g_array_append_val (death->deal_ids, id);
      g_ptr_array_add (death->deal_names, g_strdup (json_array_get_string_element (name_array, i)));
    }
}

/**
 * cl_store_list_retro_deaths:
 * @self: the workspace
 * @first: the first day
 * @last: the last day, included
 * @error: return location for a #GError, or %NULL
 *
 * Finds where the deals lost or disqualified from @first to @last died,
 * grouped as #ClRetroDeath says, the most deals first, then by stage; in
 * one query. The stage and reason are the deal's now, and a deal that
 * ended twice in the period counts twice.
 *
 * Returns: (transfer full) (nullable) (element-type ClRetroDeath): the
 *   deaths, or %NULL with @error set when the store fails
 */
GPtrArray *
cl_store_list_retro_deaths (ClStore  *self,
                            ClDay     first,
                            ClDay     last,
                            GError  **error)
{
  g_autoptr (GPtrArray) deaths = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_retro_death_free);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT s.name, e.new_value, d.status_reason, count(*), "
                                       CL_SQL_CENTS_SUM ("d.amount_cents") ", d.currency, "
                                       "json_group_array (d.id), json_group_array (d.name) "
                                       "FROM deal_events e JOIN deals d ON d.id = e.deal_id "
                                       "JOIN stages s ON s.id = d.stage_id "
                                       "WHERE e.field = 'status' AND e.new_value IN ('lost', 'disqualified') "
                                       "AND e.occurred_on BETWEEN ? AND ? "
                                       "GROUP BY s.position, e.new_value, d.status_reason, d.currency "
                                       "ORDER BY count(*) DESC, s.position",
                                       "dd", first, last);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClRetroDeath *death = g_new0 (ClRetroDeath, 1);

      death->stage = cl_column_text (stmt, 0);
      death->status = cl_column_text (stmt, 1);
      death->reason = cl_column_text (stmt, 2);
      death->n = sqlite3_column_int (stmt, 3);
      death->amount_cents = cl_column_cents_total (stmt, 4);
      /* the sum of the amounts is two columns, 4 and 5 */
      death->currency = cl_column_text (stmt, 6);
      read_death_deals (death, (const char *) sqlite3_column_text (stmt, 7),
                        (const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (deaths, death);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&deaths);
}

/**
 * cl_store_count_quarter_results:
 * @self: the workspace
 * @first: the first day
 * @last: the last day, included
 * @results: (out caller-allocates): the deals won and lost from @first to
 *   @last, with the win rate and the mean days from creation to a win;
 *   zeros when the store fails
 * @error: return location for a #GError, or %NULL
 *
 * Counts the deals closed from @first to @last, in one query. It counts
 * status changes: a deal closed twice in the period counts twice.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_count_quarter_results (ClStore           *self,
                                ClDay              first,
                                ClDay              last,
                                ClQuarterResults  *results,
                                GError           **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT count(*) FILTER (WHERE e.new_value = 'won'), "
                                       "count(*) FILTER (WHERE e.new_value IN ('lost', 'disqualified')), "
                                       "coalesce (avg (julianday (e.occurred_on) - julianday (d.created_on)) "
                                       "FILTER (WHERE e.new_value = 'won'), 0) "
                                       "FROM deal_events e JOIN deals d ON d.id = e.deal_id "
                                       "WHERE e.field = 'status' AND e.occurred_on BETWEEN ? AND ?",
                                       "dd", first, last);
  int rc;

  *results = (ClQuarterResults) { 0 };
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      results->won = sqlite3_column_int (stmt, 0);
      results->lost = sqlite3_column_int (stmt, 1);
      results->cycle_days = sqlite3_column_double (stmt, 2);
      if (results->won + results->lost > 0)
        results->win_rate = (double) results->won / (results->won + results->lost);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_retro_focus_free:
 * @focus: (transfer full): the focus to free
 *
 * Frees @focus with its strings.
 */
void
cl_retro_focus_free (ClRetroFocus *focus)
{
  g_free (focus->key);
  g_free (focus->label);
  g_free (focus);
}

/**
 * cl_store_list_retro_focuses:
 * @self: the workspace
 * @first_month: "YYYY-MM"
 * @last_month: "YYYY-MM", included
 * @error: return location for a #GError, or %NULL
 *
 * Finds what the development plans of the months from @first_month to
 * @last_month worked on, one #ClRetroFocus per skill (its key as its label
 * when the skill is gone), the most plans first, then by key; in one query.
 *
 * Returns: (transfer full) (nullable) (element-type ClRetroFocus): the
 *   focuses, or %NULL with @error set when the store fails
 */
GPtrArray *
cl_store_list_retro_focuses (ClStore     *self,
                             const char  *first_month,
                             const char  *last_month,
                             GError     **error)
{
  g_autoptr (GPtrArray) focuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_retro_focus_free);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT p.focus, coalesce (s.label, p.focus), count(*), "
                                       "count(*) FILTER (WHERE p.lookback = 'yes'), "
                                       "count(*) FILTER (WHERE p.lookback = 'partly'), "
                                       "count(*) FILTER (WHERE p.lookback = 'no') "
                                       "FROM dev_plans p LEFT JOIN dev_skills s ON s.key = p.focus "
                                       "WHERE p.month BETWEEN ? AND ? GROUP BY p.focus ORDER BY count(*) DESC, p.focus",
                                       "ss", first_month, last_month);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClRetroFocus *focus = g_new0 (ClRetroFocus, 1);

      focus->key = cl_column_text (stmt, 0);
      focus->label = cl_column_text (stmt, 1);
      focus->plans = sqlite3_column_int (stmt, 2);
      focus->moved = sqlite3_column_int (stmt, 3);
      focus->partly = sqlite3_column_int (stmt, 4);
      focus->not_moved = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (focuses, focus);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&focuses);
}
