/* cl-view-rows.c — what each view loads and what one of its rows says
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-view-rows.h"

GListModel *
cl_view_load_coaching (ClStore  *store,
                       GError  **error)
{
  return cl_store_list_coaching_sessions (store, 0, error);
}

static const char *
follow_up_label (ClFollowUp follow_up)
{
  switch (follow_up)
    {
    case CL_FOLLOW_UP_PENDING: return _("Follow-up pending");
    case CL_FOLLOW_UP_HAPPENED: return _("Next move happened");
    case CL_FOLLOW_UP_DID_NOT_HAPPEN: return _("Next move did not happen");
    }
  return "";
}

void
cl_view_format_session (gpointer   item,
                        char     **title,
                        char     **subtitle,
                        char     **detail)
{
  ClCoachingSession *session = item;

  *title = g_strdup (session->deal_name);
  *subtitle = g_strdup_printf ("%s — %s", session->next_move, follow_up_label (session->follow_up));
  *detail = cl_date_format (session->held_on);
}

GListModel *
cl_view_load_development (ClStore  *store,
                          GError  **error)
{
  return cl_store_list_dev_plans (store, error);
}

static const char *
lookback_label (ClLookback lookback)
{
  switch (lookback)
    {
    case CL_LOOKBACK_NONE: return "";
    case CL_LOOKBACK_YES: return _("Focus moved");
    case CL_LOOKBACK_PARTLY: return _("Focus partly moved");
    case CL_LOOKBACK_NO: return _("Focus did not move");
    }
  return "";
}

void
cl_view_format_plan (gpointer   item,
                     char     **title,
                     char     **subtitle,
                     char     **detail)
{
  ClDevPlan *plan = item;
  g_autofree char *focus = g_strdelimit (g_strdup (plan->focus), "_", ' ');

  *title = g_strdup_printf ("%s — %s", plan->rep_name, plan->month);
  /* Translators: focus skill · practice done of target */
  *subtitle = g_strdup_printf (_("Focus: %s · %d of %d drills logged"), focus,
                               plan->practice_done, plan->target_repetitions);
  *detail = g_strdup (lookback_label (plan->lookback));
}

GListModel *
cl_view_load_retros (ClStore  *store,
                     GError  **error)
{
  return cl_store_list_retros (store, error);
}

void
cl_view_format_retro (gpointer   item,
                      char     **title,
                      char     **subtitle,
                      char     **detail)
{
  ClRetro *retro = item;
  const char *decision = retro->decision == CL_RETRO_EXECUTION_DRIFTED ? _("Execution drifted")
                         : retro->decision == CL_RETRO_ADJUST_STRATEGY ? _("Strategy adjusted")
                         : _("No decision yet");

  *title = g_strdup_printf ("%s — %s", retro->quarter, decision);
  *subtitle = g_strdup (*retro->decision_detail ? retro->decision_detail : retro->findings);
  *detail = cl_date_format (retro->held_on);
}
