/* cl-development-export.c — one rep's month of development as a shared
 * document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.rep-development", version 1; data/schema holds its JSON
 * Schema. The evidence sessions leave without their private notes.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-coaching-export.h"
#include "cl-development.h"
#include "cl-development-export.h"
#include "cl-export.h"
#include "cl-one-on-one.h"

#define FORMAT_NAME    "closeloop.rep-development"
#define FORMAT_VERSION 1

static gboolean
add_evidence (ClStore      *store,
              JsonBuilder  *builder,
              ClDevPlan    *plan,
              GError      **error)
{
  g_autoptr (GListModel) calls = cl_store_list_plan_evidence_calls (store, plan->id, error);
  g_autoptr (GListModel) sessions = NULL;
  g_autoptr (GListModel) items = NULL;

  if (calls == NULL
      || (sessions = cl_store_list_plan_evidence_sessions (store, plan->id, error)) == NULL
      || (items = cl_store_list_team_list (store, CL_TEAM_LIST_SCORECARD, error)) == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, i);

      if (!cl_coaching_export_add_call (store, builder, call, items, error))
        return FALSE;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (sessions, i);

      json_builder_begin_object (builder);
      cl_export_add_int (builder, "id", session->id);
      cl_export_add_day (builder, "held_on", session->held_on);
      cl_export_add_string (builder, "deal", session->deal_name);
      cl_export_add_string (builder, "next_move", session->next_move);
      cl_export_add_string (builder, "follow_up", cl_follow_up_to_string (session->follow_up));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static void
add_practice (JsonBuilder              *builder,
              const ClPracticeProgress *progress,
              GListModel               *log)
{
  json_builder_set_member_name (builder, "practice");
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "done", progress->done);
  cl_export_add_int (builder, "goal", progress->goal);
  if (progress->done > 0)
    cl_export_add_number (builder, "mean_self_score", progress->mean_score);
  else
    cl_export_add_string (builder, "mean_self_score", NULL);
  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);
  /* oldest first: the log grows at its end */
  for (guint i = g_list_model_get_n_items (log); i-- > 0; )
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (log, i);

      json_builder_begin_object (builder);
      cl_export_add_day (builder, "date", entry->logged_on);
      cl_export_add_string (builder, "focus", entry->focus);
      cl_export_add_string (builder, "scenario", entry->scenario);
      cl_export_add_int (builder, "self_score", entry->self_score);
      cl_export_add_string (builder, "note", entry->note);
      if (entry->merged)
        {
          /* the rep's own record, arrived through the team folder */
          json_builder_set_member_name (builder, "from_rep_log");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* One array per measure, a number (or null) per month. */
static void
add_trend (JsonBuilder *builder,
           const char  *member,
           GListModel  *points,
           gboolean     counts)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr (ClTrendPoint) point = g_list_model_get_item (points, i);

      if (counts)
        json_builder_add_int_value (builder, point->n);
      else if (point->n == 0)
        json_builder_add_null_value (builder);
      else
        cl_export_add_number (builder, NULL, point->value);
    }
  json_builder_end_array (builder);
}

static gboolean
add_trends (ClStore      *store,
            JsonBuilder  *builder,
            gint64        rep_id,
            ClDay         last,
            GError      **error)
{
  ClDay first = cl_date_add_months (last, 1 - CL_ONE_ON_ONE_MONTHS);
  g_autoptr (GListModel) scores = cl_store_list_call_trend (store, rep_id, CL_CALL_MEASURE_SCORE, NULL,
                                                            first, last, error);
  g_autoptr (GListModel) talk = NULL, questions = NULL;

  if (scores == NULL
      || (talk = cl_store_list_call_trend (store, rep_id, CL_CALL_MEASURE_TALK_RATIO, NULL,
                                           first, last, error)) == NULL
      || (questions = cl_store_list_call_trend (store, rep_id, CL_CALL_MEASURE_QUESTIONS, NULL,
                                                first, last, error)) == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "trends");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "months");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr (ClTrendPoint) point = g_list_model_get_item (scores, i);

      json_builder_add_string_value (builder, point->month);
    }
  json_builder_end_array (builder);
  add_trend (builder, "scored_calls", scores, TRUE);
  add_trend (builder, "mean_score", scores, FALSE);
  add_trend (builder, "talk_ratio", talk, FALSE);
  add_trend (builder, "questions", questions, FALSE);
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * cl_development_export_build:
 * @store: the workspace
 * @rep_name: the rep's name
 * @month: the plan's month, "2026-11"
 * @error: return location for a #GError, or %NULL
 *
 * Builds "closeloop.rep-development", version 1: @rep_name's plan for @month
 * with its focus, the evidence behind it, the practice goal and log, six
 * months of call trends up to @month and the look-back.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set:
 *   %CL_STORE_ERROR_INVALID for a @month that is not a month,
 *   %CL_STORE_ERROR_NOT_FOUND when the rep has no plan for it
 */
JsonNode *
cl_development_export_build (ClStore     *store,
                             const char  *rep_name,
                             const char  *month,
                             GError     **error)
{
  g_autoptr (ClRep) rep = cl_store_find_rep (store, rep_name, error);
  g_autoptr (ClDevPlan) plan = NULL;
  g_autoptr (ClTeamListItem) skill = NULL;
  g_autoptr (GListModel) log = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  ClPracticeProgress progress;
  ClDay last = 0;
  GError *local = NULL;

  if (rep == NULL)
    return NULL;
  if (!cl_date_parse_month (month, NULL, &last))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a month such as 2026-11"), month), NULL;
  plan = cl_store_get_dev_plan (store, rep->id, month, &local);
  if (local != NULL)
    return g_propagate_error (error, local), NULL;
  if (plan == NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("%s has no development plan for %s"), rep->name, month), NULL;
  skill = cl_store_get_dev_skill (store, plan->focus, NULL);
  if (!cl_practice_progress_load (store, plan, &progress, error)
      || (log = cl_store_list_practice_entries (store, rep->id, month, error)) == NULL)
    return NULL;

  builder = json_builder_new ();
  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  json_builder_set_member_name (builder, "rep");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "name", rep->name);
  json_builder_end_object (builder);
  cl_export_add_string (builder, "month", month);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "focus");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "key", plan->focus);
  cl_export_add_string (builder, "label", skill ? skill->label : plan->focus);
  json_builder_end_object (builder);
  cl_export_add_string (builder, "justification", plan->justification);
  if (!add_evidence (store, builder, plan, error))
    return NULL;
  json_builder_set_member_name (builder, "practice_goal");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "drill", plan->drill);
  cl_export_add_int (builder, "repetitions", plan->target_repetitions);
  cl_export_add_int (builder, "target_score", plan->target_score);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "lookback");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "state", cl_lookback_to_string (plan->lookback));
  cl_export_add_string (builder, "evidence", plan->lookback_evidence);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_practice (builder, &progress, log);
  if (!add_trends (store, builder, rep->id, last, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
