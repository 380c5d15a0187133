/* cl-store-retro.c — quarterly strategy retrospectives
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

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

GListModel *
cl_store_list_retros (ClStore  *self,
                      GError  **error)
{
  return cl_store_list (self, CL_TYPE_RETRO, build_retro, error, RETRO_COLUMNS "ORDER BY quarter DESC", "");
}

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
