/* cl-store-development.c — monthly development plans and the practice log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

/* practice counts only when logged in the plan's month on the plan's focus */
#define PLAN_COLUMNS                                                                   \
  "p.id, p.rep_id, p.month, p.focus, p.justification, p.drill, "                       \
  "p.target_repetitions, p.target_score, p.lookback, p.lookback_evidence, "            \
  "r.name, (SELECT count(*) FROM practice_log l WHERE l.rep_id = p.rep_id "            \
  "AND l.focus = p.focus AND substr(l.logged_on, 1, 7) = p.month) "                    \
  "FROM dev_plans p JOIN reps r ON r.id = p.rep_id "

/**
 * cl_store_add_dev_plan:
 * @self: the workspace
 * @plan: the plan to add; its id is set on success
 * @error: return location for a #GError, or %NULL
 *
 * Adds a rep's development plan for a month.
 *
 * Returns: %TRUE on success; %FALSE with @error set:
 *   %CL_STORE_ERROR_INVALID when the plan's month is not "YYYY-MM",
 *   %CL_STORE_ERROR_CONSTRAINT when the rep has a plan for that month
 */
gboolean
cl_store_add_dev_plan (ClStore    *self,
                       ClDevPlan  *plan,
                       GError    **error)
{
  g_return_val_if_fail (CL_IS_DEV_PLAN (plan), FALSE);

  if (!cl_date_parse_month (plan->month, NULL, NULL))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a month such as 2026-11"),
                        plan->month ? plan->month : ""), FALSE;
  return cl_store_run (self, &plan->id, error,
                       "INSERT INTO dev_plans (rep_id, month, focus, justification, drill, "
                       "target_repetitions, target_score, lookback, lookback_evidence) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       "Issssiiss", plan->rep_id, plan->month, plan->focus,
                       plan->justification ? plan->justification : "",
                       plan->drill ? plan->drill : "",
                       plan->target_repetitions, plan->target_score,
                       cl_lookback_to_string (plan->lookback),
                       plan->lookback_evidence ? plan->lookback_evidence : "");
}

static GObject *
build_dev_plan (sqlite3_stmt *stmt)
{
  ClDevPlan *plan = g_object_new (CL_TYPE_DEV_PLAN, NULL);

  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->rep_id = sqlite3_column_int64 (stmt, 1);
  plan->month = cl_column_text (stmt, 2);
  plan->focus = cl_column_text (stmt, 3);
  plan->justification = cl_column_text (stmt, 4);
  plan->drill = cl_column_text (stmt, 5);
  plan->target_repetitions = sqlite3_column_int (stmt, 6);
  plan->target_score = sqlite3_column_int (stmt, 7);
  plan->lookback = cl_column_enum (stmt, 8, cl_lookback_names);
  plan->lookback_evidence = cl_column_text (stmt, 9);
  plan->rep_name = cl_column_text (stmt, 10);
  plan->practice_done = sqlite3_column_int (stmt, 11);
  return G_OBJECT (plan);
}

/**
 * cl_store_list_dev_plans:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists every development plan, the latest month first, then by rep name.
 * Each comes with its rep's name and how many drills the rep logged on its
 * focus in its month.
 *
 * Returns: (transfer full) (nullable): a list of #ClDevPlan, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_dev_plans (ClStore  *self,
                         GError  **error)
{
  return cl_store_list (self, CL_TYPE_DEV_PLAN, build_dev_plan, error,
                        "SELECT " PLAN_COLUMNS "ORDER BY p.month DESC, r.name", "");
}

/**
 * cl_store_add_practice_entry:
 * @self: the workspace
 * @entry: the drill to add; its id is set on success
 * @error: return location for a #GError, or %NULL
 *
 * Adds a drill to a rep's practice log.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_add_practice_entry (ClStore          *self,
                             ClPracticeEntry  *entry,
                             GError          **error)
{
  g_return_val_if_fail (CL_IS_PRACTICE_ENTRY (entry), FALSE);
  return cl_store_run (self, &entry->id, error,
                       "INSERT INTO practice_log (rep_id, logged_on, focus, scenario, "
                       "self_score, note) VALUES (?, ?, ?, ?, ?, ?)",
                       "Idssis", entry->rep_id, entry->logged_on, entry->focus,
                       entry->scenario ? entry->scenario : "", entry->self_score,
                       entry->note ? entry->note : "");
}

static GObject *
build_practice_entry (sqlite3_stmt *stmt)
{
  ClPracticeEntry *entry = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->rep_id = sqlite3_column_int64 (stmt, 1);
  entry->logged_on = cl_column_day (stmt, 2);
  entry->focus = cl_column_text (stmt, 3);
  entry->scenario = cl_column_text (stmt, 4);
  entry->self_score = sqlite3_column_int (stmt, 5);
  entry->note = cl_column_text (stmt, 6);
  entry->merged = sqlite3_column_int (stmt, 7);
  return G_OBJECT (entry);
}

/**
 * cl_store_list_practice_entries:
 * @self: the workspace
 * @rep_id: the rep whose drills are listed
 * @month: (nullable): "YYYY-MM" to list only that month's drills, or %NULL
 *   for all of them
 * @error: return location for a #GError, or %NULL
 *
 * Lists @rep_id's drills, the latest logged first. Those merged from the
 * rep's own practice log are marked so.
 *
 * Returns: (transfer full) (nullable): a list of #ClPracticeEntry, or %NULL
 *   with @error set
 */
GListModel *
cl_store_list_practice_entries (ClStore     *self,
                                gint64       rep_id,
                                const char  *month,
                                GError     **error)
{
  return cl_store_list (self, CL_TYPE_PRACTICE_ENTRY, build_practice_entry, error,
                        "SELECT id, rep_id, logged_on, focus, scenario, self_score, note, origin IS NOT NULL "
                        "FROM practice_log WHERE rep_id = ?1 AND (?2 IS NULL OR substr(logged_on, 1, 7) = ?2) "
                        "ORDER BY logged_on DESC, id DESC",
                        "Is", rep_id, month);
}

/* ------------------------------------------------------------------ skills */

/**
 * cl_store_get_dev_skill:
 * @self: the workspace
 * @key: the skill's key
 * @error: return location for a #GError, or %NULL
 *
 * Finds one of the team's skills in use by its key; a retired skill is not
 * found.
 *
 * Returns: (transfer full) (nullable): the skill, or %NULL with @error set
 *   (%CL_STORE_ERROR_NOT_FOUND naming the keys there are)
 */
ClTeamListItem *
cl_store_get_dev_skill (ClStore     *self,
                        const char  *key,
                        GError     **error)
{
  g_autoptr (GListModel) skills = cl_store_list_team_list (self, CL_TEAM_LIST_SKILLS, error);
  g_autoptr (GString) keys = g_string_new (NULL);

  if (skills == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr (ClTeamListItem) skill = g_list_model_get_item (skills, i);

      if (g_str_equal (skill->key, key))
        return g_steal_pointer (&skill);
      g_string_append_printf (keys, "%s%s", i ? ", " : "", skill->key);
    }
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                      _("“%s” is not one of the team's skills (%s)"), key, keys->str), NULL;
}

/* ------------------------------------------------------------------ one plan */

/**
 * cl_store_get_dev_plan:
 * @self: the workspace
 * @rep_id: the rep's id
 * @month: "YYYY-MM"
 * @error: return location for a #GError, or %NULL
 *
 * Reads @rep_id's development plan for @month.
 *
 * Returns: (transfer full) (nullable): the plan; %NULL without an error
 *   when there is none, or %NULL with @error set when the store fails
 */
ClDevPlan *
cl_store_get_dev_plan (ClStore     *self,
                       gint64       rep_id,
                       const char  *month,
                       GError     **error)
{
  g_autoptr (GListModel) plans = cl_store_list (self, CL_TYPE_DEV_PLAN, build_dev_plan, error,
                                                "SELECT " PLAN_COLUMNS "WHERE p.rep_id = ? AND p.month = ?",
                                                "Is", rep_id, month);

  if (plans == NULL || g_list_model_get_n_items (plans) == 0)
    return NULL;
  return g_list_model_get_item (plans, 0);
}

/**
 * cl_store_update_dev_plan:
 * @self: the workspace
 * @plan: the plan, found by its id
 * @error: return location for a #GError, or %NULL
 *
 * Saves the focus, justification, drill, targets and look-back of @plan.
 * Its rep and month do not change.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when no plan has @plan's id
 */
gboolean
cl_store_update_dev_plan (ClStore    *self,
                          ClDevPlan  *plan,
                          GError    **error)
{
  g_return_val_if_fail (CL_IS_DEV_PLAN (plan), FALSE);
  return cl_store_run (self, NULL, error,
                       "UPDATE dev_plans SET focus = ?, justification = ?, drill = ?, "
                       "target_repetitions = ?, target_score = ?, lookback = ?, lookback_evidence = ? "
                       "WHERE id = ?",
                       "sssiissI", plan->focus, plan->justification ? plan->justification : "",
                       plan->drill ? plan->drill : "", plan->target_repetitions, plan->target_score,
                       cl_lookback_to_string (plan->lookback),
                       plan->lookback_evidence ? plan->lookback_evidence : "", plan->id)
         && cl_store_changed_row (self, plan->id, _("There is no development plan %" PRId64), error);
}

/**
 * cl_store_set_plan_evidence:
 * @self: the workspace
 * @plan_id: the development plan's id
 * @call_ids: (nullable) (element-type gint64): the ids of the calls behind
 *   the plan, or %NULL for none
 * @session_ids: (nullable) (element-type gint64): the ids of the coaching
 *   sessions behind the plan, or %NULL for none
 * @error: return location for a #GError, or %NULL
 *
 * Sets the calls and sessions that justified a development plan, replacing
 * the ones it had, in one transaction: on failure nothing changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_set_plan_evidence (ClStore  *self,
                            gint64    plan_id,
                            GArray   *call_ids,
                            GArray   *session_ids,
                            GError  **error)
{
  gboolean ok;

  if (!cl_store_begin (self, error))
    return FALSE;
  ok = cl_store_run (self, NULL, error, "DELETE FROM dev_plan_evidence WHERE plan_id = ?", "I", plan_id);
  for (guint i = 0; ok && call_ids != NULL && i < call_ids->len; i++)
    ok = cl_store_run (self, NULL, error, "INSERT INTO dev_plan_evidence (plan_id, call_id) VALUES (?, ?)",
                       "II", plan_id, g_array_index (call_ids, gint64, i));
  for (guint i = 0; ok && session_ids != NULL && i < session_ids->len; i++)
    ok = cl_store_run (self, NULL, error, "INSERT INTO dev_plan_evidence (plan_id, session_id) VALUES (?, ?)",
                       "II", plan_id, g_array_index (session_ids, gint64, i));
  if (!ok)
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

/* ------------------------------------------------------------------ 1:1 agendas */

/**
 * cl_store_get_one_on_one:
 * @self: the workspace
 * @rep_id: the rep's id
 * @day: the day of the 1:1
 * @error: return location for a #GError, or %NULL
 *
 * Reads the agenda kept for @rep_id's 1:1 on @day.
 *
 * Returns: (transfer full) (nullable): the agenda; %NULL without an error
 *   when none is kept, or %NULL with @error set when the store fails
 */
char *
cl_store_get_one_on_one (ClStore  *self,
                         gint64    rep_id,
                         ClDay     day,
                         GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT agenda FROM one_on_ones WHERE rep_id = ? AND held_on = ?",
                                       "Id", rep_id, day);
  g_autofree char *agenda = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    agenda = cl_column_text (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&agenda);
}

/**
 * cl_store_save_one_on_one:
 * @self: the workspace
 * @rep_id: the rep's id
 * @day: the day of the 1:1
 * @agenda: the agenda's text; required, as the column refuses none
 * @error: return location for a #GError, or %NULL
 *
 * Keeps the agenda of @rep_id's 1:1 on @day, replacing the one kept.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_save_one_on_one (ClStore     *self,
                          gint64       rep_id,
                          ClDay        day,
                          const char  *agenda,
                          GError     **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT INTO one_on_ones (rep_id, held_on, agenda) VALUES (?, ?, ?) "
                       "ON CONFLICT (rep_id, held_on) DO UPDATE SET agenda = excluded.agenda",
                       "Ids", rep_id, day, agenda);
}

/**
 * cl_store_count_practice:
 * @self: the workspace
 * @rep_id: the rep's id
 * @focus: the key of the skill practised
 * @month: "YYYY-MM"
 * @done: (out): how many drills @rep_id logged on @focus in @month;
 *   untouched when the store fails
 * @mean_score: (out): their mean self-score, 0 when none; untouched when
 *   the store fails
 * @error: return location for a #GError, or %NULL
 *
 * Counts a rep's practice on a focus in a month, in one query.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_count_practice (ClStore     *self,
                         gint64       rep_id,
                         const char  *focus,
                         const char  *month,
                         int         *done,
                         double      *mean_score,
                         GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT count(*), coalesce(avg(self_score), 0) FROM practice_log "
                                       "WHERE rep_id = ? AND focus = ? AND substr(logged_on, 1, 7) = ?",
                                       "Iss", rep_id, focus, month);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *done = sqlite3_column_int (stmt, 0);
      *mean_score = sqlite3_column_double (stmt, 1);
    }
  return cl_store_query_done (self, stmt, rc, error);
}
