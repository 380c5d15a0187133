/* cl-coaching-export.c — one deal's coaching as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.deal-coaching", version 1; data/schema holds its JSON
 * Schema. Sessions and calls are oldest first, so a document grows at its
 * end as coaching goes on. Private notes leave only when asked for.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include "cl-coaching.h"
#include "cl-coaching-export.h"
#include "cl-export.h"

#define FORMAT_NAME    "closeloop.deal-coaching"
#define FORMAT_VERSION 1

/* A metric, or null when it was not measured (negative). */
static void
add_metric (JsonBuilder *builder,
            const char  *member,
            double       value,
            gboolean     whole)
{
  if (value < 0)
    cl_export_add_string (builder, member, NULL);
  else if (whole)
    cl_export_add_int (builder, member, (gint64) value);
  else
    cl_export_add_number (builder, member, value);
}

/**
 * cl_coaching_export_add_call:
 * @store: the workspace
 * @builder: a #JsonBuilder where a value goes (in an array)
 * @call: the call, as a listing of calls gives it
 * @items: the scorecard (#ClTeamListItem)
 * @error: return location for a #GError, or %NULL
 *
 * Adds one call as the coaching and rep-development documents write it: its
 * day, title, rep, duration, metrics (null where not computed) and its
 * non-zero scores on @items. On failure the call's object is left open: drop
 * the builder.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_coaching_export_add_call (ClStore      *store,
                             JsonBuilder  *builder,
                             ClCall       *call,
                             GListModel   *items,
                             GError      **error)
{
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "id", call->id);
  cl_export_add_day (builder, "held_on", call->held_on);
  cl_export_add_string (builder, "title", call->title);
  cl_export_add_string (builder, "rep", call->rep_name);
  cl_export_add_string (builder, "transcript_format", call->transcript ? call->transcript_format : NULL);
  cl_export_add_int (builder, "duration_s", call->duration_s);
  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_object (builder);
  add_metric (builder, "talk_ratio", call->talk_ratio, FALSE);
  add_metric (builder, "longest_monologue_s", call->longest_monologue_s, TRUE);
  add_metric (builder, "questions", call->questions, TRUE);
  add_metric (builder, "switches_per_minute", call->switches_per_minute, FALSE);
  add_metric (builder, "patience_s", call->patience_s, FALSE);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (ClTeamListItem) item = g_list_model_get_item (items, i);
      int score = cl_store_get_call_score (store, call->id, item->key, error);

      if (score < 0)
        return FALSE;
      if (score > 0)
        cl_export_add_int (builder, item->key, score);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_session (ClStore            *store,
             JsonBuilder        *builder,
             ClCoachingSession  *session,
             gboolean            include_private,
             GError            **error)
{
  g_autoptr (GListModel) calls = cl_store_list_evidence_calls (store, session->id, error);
  g_autoptr (ClAction) action = NULL;

  if (calls == NULL)
    return FALSE;
  if (session->action_id != 0 && (action = cl_store_get_action (store, session->action_id, error)) == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "id", session->id);
  cl_export_add_day (builder, "held_on", session->held_on);
  cl_export_add_string (builder, "trigger", session->trigger);
  cl_export_add_string (builder, "evidence", session->evidence);
  json_builder_set_member_name (builder, "evidence_calls");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, i);

      json_builder_add_int_value (builder, call->id);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "from_story");
  json_builder_add_boolean_value (builder, cl_coaching_from_story (session));
  cl_export_add_string (builder, "gaps", session->gaps);
  cl_export_add_string (builder, "blocker", session->blocker);
  json_builder_set_member_name (builder, "next_move");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "what", session->next_move);
  cl_export_add_string (builder, "with", session->next_move_with);
  cl_export_add_day (builder, "due", action ? action->due_on : 0);
  cl_export_add_day (builder, "done_on", action ? action->done_on : 0);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "follow_up");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "state", cl_follow_up_to_string (session->follow_up));
  cl_export_add_string (builder, "note", session->follow_up_note);
  json_builder_end_object (builder);
  if (include_private)
    cl_export_add_string (builder, "private_notes", session->private_notes);
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * cl_coaching_export_build:
 * @store: the workspace
 * @deal_id: the deal's id
 * @include_private: whether to include the sessions' private notes
 * @error: return location for a #GError, or %NULL
 *
 * Builds "closeloop.deal-coaching", version 1: the deal, its coaching sessions
 * with their evidence, next moves and follow-up, and its calls with metrics
 * and scores.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set,
 *   such as when no deal has @deal_id
 */
JsonNode *
cl_coaching_export_build (ClStore   *store,
                          gint64     deal_id,
                          gboolean   include_private,
                          GError   **error)
{
  g_autoptr (ClDeal) deal = cl_store_get_deal (store, deal_id, error);
  g_autoptr (GListModel) sessions = NULL, calls = NULL, items = NULL;
  g_autoptr (JsonBuilder) builder = NULL;

  if (deal == NULL
      || (sessions = cl_store_list_coaching_sessions (store, deal_id, error)) == NULL
      || (calls = cl_store_list_calls (store, deal_id, error)) == NULL
      || (items = cl_store_list_team_list (store, CL_TEAM_LIST_SCORECARD, error)) == NULL)
    return NULL;

  builder = json_builder_new ();
  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  json_builder_set_member_name (builder, "includes_private_notes");
  json_builder_add_boolean_value (builder, include_private);

  json_builder_set_member_name (builder, "deal");
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "id", deal->id);
  cl_export_add_string (builder, "name", deal->name);
  cl_export_add_string (builder, "account", deal->account);
  cl_export_add_string (builder, "owner", deal->owner_name);
  cl_export_add_string (builder, "stage", deal->stage_name);
  cl_export_add_amount (builder, "amount", deal->amount_cents);
  cl_export_add_string (builder, "currency", deal->currency);
  cl_export_add_string (builder, "status", cl_deal_status_to_string (deal->status));
  cl_export_add_day (builder, "close_date", deal->close_date);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = g_list_model_get_n_items (sessions); i-- > 0; )
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (sessions, i);

      if (!add_session (store, builder, session, include_private, error))
        return NULL;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (guint i = g_list_model_get_n_items (calls); i-- > 0; )
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, i);

      if (!cl_coaching_export_add_call (store, builder, call, items, error))
        return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
