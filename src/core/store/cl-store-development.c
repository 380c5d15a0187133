/* cl-store-development.c — monthly development plans and the practice log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-store-private.h"

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

GListModel *
cl_store_list_dev_plans (ClStore  *self,
                         GError  **error)
{
  /* practice counts only when logged in the plan's month on the plan's focus */
  return cl_store_list (self, CL_TYPE_DEV_PLAN, build_dev_plan, error,
                        "SELECT p.id, p.rep_id, p.month, p.focus, p.justification, p.drill, "
                        "p.target_repetitions, p.target_score, p.lookback, p.lookback_evidence, "
                        "r.name, (SELECT count(*) FROM practice_log l WHERE l.rep_id = p.rep_id "
                        "AND l.focus = p.focus AND substr(l.logged_on, 1, 7) = p.month) "
                        "FROM dev_plans p JOIN reps r ON r.id = p.rep_id "
                        "ORDER BY p.month DESC, r.name", "");
}

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
  return G_OBJECT (entry);
}

GListModel *
cl_store_list_practice_entries (ClStore  *self,
                                gint64    rep_id,
                                GError  **error)
{
  return cl_store_list (self, CL_TYPE_PRACTICE_ENTRY, build_practice_entry, error,
                        "SELECT id, rep_id, logged_on, focus, scenario, self_score, note "
                        "FROM practice_log WHERE rep_id = ? ORDER BY logged_on DESC, id DESC",
                        "I", rep_id);
}
