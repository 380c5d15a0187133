/* cl-review-export.c — the weekly pipeline review as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.pipeline-review", version 1; data/schema holds its JSON
 * Schema. A held review lists the deals it decided on; a week without one
 * gives the pre-read: the open deals with a flag, what moved since the last
 * review, and the whole open pipeline's totals.
 * Everything is computed as of the review's day (the pre-read: the week's
 * Monday), so a document exports the same whenever it is written.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-export.h"
#include "cl-flags.h"
#include "cl-json-writer.h"
#include "cl-moves.h"
#include "cl-review-export.h"
#include "cl-review-outcome.h"

#define FORMAT_NAME    "closeloop.pipeline-review"
#define FORMAT_VERSION 1

typedef struct
{
  ClStore        *store;
  ClProcess      *process;
  ClFlagSettings  settings;
  ClDay           as_of;
  GHashTable     *rep_names;     /* id → name */
  GHashTable     *decisions;     /* deal id → ClReviewDecision */
  GHashTable     *actions;       /* action id → ClAction */
  ClDay           since;         /* what moved since, and the moves, read beside the deals */
  GPtrArray      *moves;
} Export;

/* Read while the open deals' history is read on another connection. */
static gboolean
load_moves (ClStore  *store,
            gpointer  data,
            GError  **error)
{
  Export *export = data;

  export->since = cl_store_moves_since (store, export->as_of, error);
  return export->since != 0
         && (export->moves = cl_moves_load (store, export->process, export->since, export->as_of, error)) != NULL;
}

static const char *
rep_name (Export *export,
          gint64  id)
{
  return g_hash_table_lookup (export->rep_names, &id);
}

static void
add_next_action (Export      *export,
                 JsonBuilder *builder,
                 gint64       action_id)
{
  ClAction *action = action_id ? g_hash_table_lookup (export->actions, &action_id) : NULL;

  json_builder_set_member_name (builder, "next_action");
  if (action == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "text", action->text);
  cl_export_add_string (builder, "owner", action->owner_name);
  cl_export_add_day (builder, "due", action->due_on);
  cl_export_add_day (builder, "done", action->done_on);
  json_builder_end_object (builder);
}

/* Adds the deal of @facts with its flags, or with @flagged_only nothing
 * when it has none; returns whether it added it. */
static gboolean
add_deal (Export      *export,
          JsonBuilder *builder,
          ClDealFacts *facts,
          gboolean     flagged_only)
{
  ClDeal *deal = facts->deal;
  ClReviewDecision *decision = g_hash_table_lookup (export->decisions, &deal->id);
  char *why[CL_N_FLAGS];
  ClDealState state;
  const ClStage *stage;
  guint flags;

  cl_deal_state_at (facts, export->as_of, &state);
  stage = cl_process_find (export->process, state.stage_id);
  flags = cl_flags_evaluate (export->process, facts, &export->settings, export->as_of, why);
  if (flagged_only && flags == 0)
    {
      cl_flag_explanations_clear (why);
      return FALSE;
    }

  json_builder_begin_object (builder);
  cl_export_add_int (builder, "id", deal->id);
  cl_export_add_string (builder, "external_id", deal->external_id);
  cl_export_add_string (builder, "name", deal->name);
  cl_export_add_string (builder, "account", deal->account);
  cl_export_add_string (builder, "owner", rep_name (export, deal->owner_id));
  cl_export_add_string (builder, "stage", stage ? stage->name : NULL);
  cl_export_add_amount (builder, "amount", state.amount_cents);
  cl_export_add_string (builder, "currency", deal->currency);
  cl_export_add_day (builder, "close_date", state.close_date);
  cl_export_add_string (builder, "forecast", cl_forecast_to_string (deal->forecast));
  cl_export_add_int (builder, "days_in_stage", export->as_of - state.stage_entered_on);
  cl_export_add_string (builder, "next_step", state.next_step);

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (int f = 0; f < CL_N_FLAGS; f++)
    if (flags & (1u << f))
      json_builder_add_string_value (builder, cl_flag_to_string (f));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "flag_reasons");
  json_builder_begin_object (builder);
  for (int f = 0; f < CL_N_FLAGS; f++)
    if (why[f] != NULL)
      cl_export_add_string (builder, cl_flag_to_string (f), why[f]);
  json_builder_end_object (builder);
  cl_flag_explanations_clear (why);

  cl_export_add_string (builder, "decision", decision ? cl_decision_to_string (decision->decision) : NULL);
  cl_export_add_string (builder, "decision_note", decision ? decision->note : NULL);
  add_next_action (export, builder, decision ? decision->action_id : 0);
  json_builder_end_object (builder);
  return TRUE;
}

static void
add_moves (JsonBuilder *builder,
           GPtrArray   *moves)
{
  json_builder_set_member_name (builder, "moved");
  json_builder_begin_array (builder);
  for (guint i = 0; i < moves->len; i++)
    {
      ClMove *move = g_ptr_array_index (moves, i);

      json_builder_begin_object (builder);
      cl_export_add_string (builder, "kind", cl_move_names[move->kind]);
      cl_export_add_day (builder, "on", move->on);
      cl_export_add_int (builder, "deal_id", move->deal_id);
      cl_export_add_string (builder, "deal", move->deal_name);
      if (move->kind == CL_MOVE_AMOUNT_CHANGED)
        {
          /* exact, in any locale: "125000.00" */
          cl_export_add_amount (builder, "from", move->from_cents);
          cl_export_add_amount (builder, "to", move->to_cents);
        }
      else
        {
          cl_export_add_string (builder, "from", move->from);
          cl_export_add_string (builder, "to", move->to);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Deals reviewed, decisions by kind, open pipeline by stage and forecast category. */
static void
add_totals (Export      *export,
            JsonBuilder *builder,
            GPtrArray   *open,
            guint        n_reviewed)
{
  guint n_stages = export->process->stages->len;
  g_autofree ClCentsTotal *stage_amounts = g_new0 (ClCentsTotal, n_stages);
  g_autofree guint *stage_deals = g_new0 (guint, n_stages);
  ClCentsTotal forecast[CL_FORECAST_OMITTED + 1] = { 0 };
  ClReviewOutcome outcome = { 0 };
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < open->len; i++)
    {
      ClDealFacts *facts = g_ptr_array_index (open, i);
      ClDealState state;
      int index;

      cl_deal_state_at (facts, export->as_of, &state);
      index = cl_process_index (export->process, state.stage_id);
      if (index >= 0)
        {
          stage_amounts[index] += state.amount_cents;
          stage_deals[index]++;
        }
      forecast[facts->deal->forecast] += state.amount_cents;
    }
  g_hash_table_iter_init (&iter, export->decisions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    cl_review_outcome_add (&outcome, ((ClReviewDecision *) value)->decision);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "deals_reviewed", n_reviewed);
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_object (builder);
  for (int d = 0; d < CL_N_DECISION_KINDS; d++)
    cl_export_add_int (builder, cl_decision_to_string (d), outcome.by_kind[d]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "open_pipeline_by_stage");
  json_builder_begin_array (builder);
  for (guint s = 0; s < n_stages; s++)
    {
      json_builder_begin_object (builder);
      cl_export_add_string (builder, "stage", ((ClStage *) g_ptr_array_index (export->process->stages, s))->name);
      cl_export_add_int (builder, "deals", stage_deals[s]);
      cl_export_add_amount (builder, "amount", stage_amounts[s]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "forecast_by_category");
  json_builder_begin_object (builder);
  for (int c = 0; c <= CL_FORECAST_OMITTED; c++)
    cl_export_add_amount (builder, cl_forecast_to_string (c), forecast[c]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
index_review (Export    *export,
              ClReview  *review,
              GError   **error)
{
  g_autoptr (GListModel) decisions = cl_store_list_review_decisions (export->store, review->id, error);
  g_autoptr (GListModel) actions = NULL;

  if (decisions == NULL)
    return FALSE;
  actions = cl_store_list_review_actions (export->store, review->id, error);
  if (actions == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      ClReviewDecision *decision = g_list_model_get_item (decisions, i);

      g_hash_table_insert (export->decisions, &decision->deal_id, decision);
    }
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      ClAction *action = g_list_model_get_item (actions, i);

      g_hash_table_insert (export->actions, &action->id, action);
    }
  return TRUE;
}

static gboolean
index_reps (Export  *export,
            GError **error)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (export->store, error);

  if (reps == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      g_hash_table_insert (export->rep_names, g_memdup2 (&rep->id, sizeof rep->id),
                           g_strdup (rep->name));
    }
  return TRUE;
}

/* Writes the members of the object @builder built, then empties it for
 * the next. */
static void
write_members (ClJsonWriter *writer,
               JsonBuilder  *builder)
{
  g_autoptr (JsonNode) object = json_builder_get_root (builder);

  cl_json_writer_members (writer, json_node_get_object (object));
  json_builder_reset (builder);
}

static void
add_attendees (JsonBuilder *builder,
               ClReview    *review)
{
  g_auto (GStrv) names = g_strsplit (review && review->attendees ? review->attendees : "", ",", -1);

  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (int i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (*names[i])
        json_builder_add_string_value (builder, names[i]);
    }
  json_builder_end_array (builder);
}

/* The review of a week, to write */
typedef struct
{
  ClStore    *store;
  const char *week;
} ReviewSource;

/* Writes the review of the source's week to @writer: its header, each
 * deal as it is evaluated (a pre-read of a large pipeline holds thousands:
 * their document is never held whole), then what moved and the totals. */
static gboolean
write_review (ClJsonWriter  *writer,
              gpointer       data,
              GError       **error)
{
  const ReviewSource *source = data;
  ClStore *store = source->store;
  const char *week = source->week;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (ClReview) review = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) moves = NULL;
  g_autoptr (ClProcess) process = NULL;
  GError *local = NULL;
  Export export = { .store = store };
  ClDay monday, since;
  guint n_reviewed = 0;

  if (!cl_date_parse_iso_week (week, &monday))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not an ISO week such as 2026-W47"), week), FALSE;
  review = cl_store_find_review (store, week, &local);
  if (local != NULL)
    return g_propagate_error (error, local), FALSE;
  export.as_of = review ? review->held_on : monday;
  process = cl_process_load (store, export.as_of, error);
  if (process == NULL)
    return FALSE;

  export.process = process;
  cl_flag_settings_load (&export.settings, store);
  export.rep_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  export.decisions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  export.actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);

  if (!index_reps (&export, &local)
      || (review != NULL && !index_review (&export, review, &local))
      || (open = cl_deal_facts_load_apart (store, export.as_of, 0, load_moves, &export, &local)) == NULL)
    goto out;
  since = export.since;
  moves = g_steal_pointer (&export.moves);

  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  cl_export_add_string (builder, "week", week);
  json_builder_set_member_name (builder, "held");
  json_builder_add_boolean_value (builder, review != NULL);
  cl_export_add_day (builder, "date", review ? review->held_on : 0);
  cl_export_add_day (builder, "as_of", export.as_of);
  cl_export_add_day (builder, "moved_since", since);
  add_attendees (builder, review);
  cl_export_add_string (builder, "notes", review ? review->notes : "");
  json_builder_end_object (builder);
  cl_json_writer_begin_object (writer);
  write_members (writer, builder);

  cl_json_writer_member (writer, "deals");
  cl_json_writer_begin_array (writer);
  for (guint i = 0; i < open->len; i++)
    {
      ClDealFacts *facts = g_ptr_array_index (open, i);
      g_autoptr (JsonNode) deal = NULL;

      /* a held review shows what it discussed; a pre-read, the open deals
       * a flag asks the review to look at (walking every one is a status
       * recital) */
      if ((review != NULL && !g_hash_table_contains (export.decisions, &facts->deal->id))
          || !add_deal (&export, builder, facts, review == NULL))
        continue;
      deal = json_builder_get_root (builder);
      cl_json_writer_node (writer, deal);
      json_builder_reset (builder);
      n_reviewed++;
    }
  cl_json_writer_end (writer);

  json_builder_begin_object (builder);
  add_moves (builder, moves);
  add_totals (&export, builder, open, review ? n_reviewed : 0);
  json_builder_end_object (builder);
  write_members (writer, builder);
  cl_json_writer_end (writer);

out:
  if (local != NULL)
    g_propagate_error (error, local);
  g_hash_table_unref (export.rep_names);
  g_hash_table_unref (export.decisions);
  g_hash_table_unref (export.actions);
  g_clear_pointer (&export.moves, g_ptr_array_unref);
  return local == NULL;
}

/**
 * cl_review_export_build:
 * @store: the workspace
 * @week: an ISO week, "2026-W47"
 * @error: return location for a #GError, or %NULL
 *
 * Builds "closeloop.pipeline-review", version 1: the review held in @week, as
 * of its day, with the deals it discussed and their decisions; or, when none
 * was held, its pre-read as of the week's Monday, with the open deals that
 * carry a flag. Both carry the stage moves since the last review and the
 * totals of every open deal. A pre-read of a large pipeline is better
 * written with cl_review_export_write (), which does not hold it.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 *   (%CL_STORE_ERROR_INVALID for a @week that is not an ISO week)
 */
JsonNode *
cl_review_export_build (ClStore     *store,
                        const char  *week,
                        GError     **error)
{
  ReviewSource source = { store, week };

  return cl_json_write_tree (write_review, &source, error);
}

/**
 * cl_review_export_write:
 * @store: the workspace
 * @week: an ISO week, "2026-W47"
 * @path: (nullable): the file to write, as cl_file_output_open () writes it
 *   (atomically, 0600), or %NULL for standard output
 * @error: return location for a #GError, or %NULL
 *
 * Writes the document cl_review_export_build () builds, each deal as it is
 * evaluated, so that the document is never held whole. When the review
 * cannot be computed nothing is written.
 *
 * Returns: %TRUE on success, %FALSE with @error set (%CL_STORE_ERROR_INVALID
 *   for a @week that is not an ISO week; a #ClFileError when the output
 *   cannot be written)
 */
gboolean
cl_review_export_write (ClStore     *store,
                        const char  *week,
                        const char  *path,
                        GError     **error)
{
  ReviewSource source = { store, week };

  return cl_json_write_file (path, write_review, &source, error);
}
