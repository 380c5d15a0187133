/* cl-store-retro.c — quarterly strategy retrospectives
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

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

GListModel *
cl_store_list_retros (ClStore  *self,
                      GError  **error)
{
  return cl_store_list (self, CL_TYPE_RETRO, build_retro, error,
                        "SELECT id, quarter, held_on, findings, root_causes, decision, "
                        "decision_detail, restart_plan FROM retros ORDER BY quarter DESC", "");
}
