/* cl-retro-export.c — a quarter's retrospective as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.quarterly-retro", version 2; data/schema holds its JSON
 * Schema. A quarter without a retrospective yet exports its inputs with
 * "held": false, as the team's pre-read. Its inputs' "flag_outcomes" is an
 * optional member added in version 2, so the version stays.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include "cl-export.h"
#include "cl-health-export.h"
#include "cl-retro-export.h"

#define FORMAT_NAME    "closeloop.quarterly-retro"
/* 2: its loop health is loop-health version 2's */
#define FORMAT_VERSION 2

static void
add_results (JsonBuilder            *builder,
             const char             *member,
             const ClQuarterResults *results)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "won", results->won);
  cl_export_add_int (builder, "lost", results->lost);
  cl_export_add_number (builder, "win_rate", results->win_rate);
  cl_export_add_number (builder, "cycle_days", results->cycle_days);
  json_builder_end_object (builder);
}

static void
add_inputs (JsonBuilder         *builder,
            const ClRetroInputs *inputs)
{
  g_autoptr (GArray) top = cl_retro_inputs_top_flags (inputs, CL_N_FLAGS);

  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "reviewed_deals", inputs->n_reviewed);
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < top->len; i++)
    {
      int flag = g_array_index (top, int, i);

      json_builder_begin_object (builder);
      cl_export_add_string (builder, "flag", cl_flag_to_string (flag));
      cl_export_add_int (builder, "deals", inputs->flag_counts[flag]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "deaths");
  json_builder_begin_array (builder);
  for (guint i = 0; i < inputs->deaths->len; i++)
    {
      ClRetroDeath *death = g_ptr_array_index (inputs->deaths, i);

      json_builder_begin_object (builder);
      cl_export_add_string (builder, "stage", death->stage);
      cl_export_add_string (builder, "status", death->status);
      cl_export_add_string (builder, "reason", death->reason);
      cl_export_add_int (builder, "deals", death->n);
      cl_export_add_amount (builder, "amount", death->amount_cents);
      cl_export_add_string (builder, "currency", death->currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  cl_health_export_add_flag_outcomes (builder, "flag_outcomes", &inputs->flag_outcomes);

  add_results (builder, "results", &inputs->results);
  add_results (builder, "previous_results", &inputs->previous);

  json_builder_set_member_name (builder, "focuses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < inputs->focuses->len; i++)
    {
      ClRetroFocus *focus = g_ptr_array_index (inputs->focuses, i);

      json_builder_begin_object (builder);
      cl_export_add_string (builder, "skill", focus->key);
      cl_export_add_int (builder, "plans", focus->plans);
      cl_export_add_int (builder, "moved", focus->moved);
      cl_export_add_int (builder, "partly", focus->partly);
      cl_export_add_int (builder, "not_moved", focus->not_moved);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  cl_health_export_add_loops (builder, "loop_health", inputs->health);
  json_builder_end_object (builder);
}

static gboolean
add_record (ClStore      *store,
            JsonBuilder  *builder,
            ClRetro      *retro,
            GError      **error)
{
  g_autoptr (GListModel) restarts = cl_store_list_retro_restarts (store, retro->id, error);

  if (restarts == NULL)
    return FALSE;
  cl_export_add_day (builder, "held_on", retro->held_on);
  cl_export_add_string (builder, "findings", retro->findings);
  json_builder_set_member_name (builder, "root_causes");
  json_builder_begin_array (builder);
  for (guint bit = 0; bit < 4; bit++)
    if (retro->root_causes & (1u << bit))
      json_builder_add_string_value (builder, cl_root_cause_to_string (1u << bit));
  json_builder_end_array (builder);
  cl_export_add_string (builder, "decision", cl_retro_decision_to_string (retro->decision));
  cl_export_add_string (builder, "decision_detail", retro->decision_detail);
  json_builder_set_member_name (builder, "restarts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (restarts); i++)
    {
      g_autoptr (ClRetroRestart) restart = g_list_model_get_item (restarts, i);

      json_builder_begin_object (builder);
      cl_export_add_string (builder, "loop", restart->loop);
      cl_export_add_string (builder, "owner", restart->owner_name);
      cl_export_add_day (builder, "due", restart->due_on);
      cl_export_add_day (builder, "done_on", restart->done_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/**
 * cl_retro_export_build:
 * @store: the workspace
 * @inputs: the inputs computed for @inputs->quarter
 * @error: return location for a #GError, or %NULL
 *
 * Builds "closeloop.quarterly-retro", version 2: the inputs (flags, where
 * deals died, results against the quarter before, the reps' focuses, loop
 * health) and, when the retrospective was held, what the team recorded: its
 * findings, root causes, decision and the loops it restarts.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
JsonNode *
cl_retro_export_build (ClStore              *store,
                       const ClRetroInputs  *inputs,
                       GError              **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (ClRetro) retro = NULL;
  GError *local = NULL;

  retro = cl_store_get_retro (store, inputs->quarter, &local);
  if (local != NULL)
    return g_propagate_error (error, local), NULL;
  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  cl_export_add_string (builder, "quarter", inputs->quarter);
  cl_export_add_day (builder, "as_of", inputs->as_of);
  json_builder_set_member_name (builder, "held");
  json_builder_add_boolean_value (builder, retro != NULL);
  add_inputs (builder, inputs);
  if (retro != NULL && !add_record (store, builder, retro, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
