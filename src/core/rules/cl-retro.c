/* cl-retro.c — the quarterly retrospective: the quarter's facts, and a
 * decision between a wrong strategy and drifted execution
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inputs are what the other three loops left behind: the flags the
 * reviews kept seeing, where deals died and which flags went with a loss,
 * the quarter's wins against the one before, what the reps worked on and
 * whether it moved, and loop health.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-pipeline.h"
#include "cl-retro.h"

static void
clear_inputs (ClRetroInputs *inputs)
{
  g_free (inputs->quarter);
  g_clear_pointer (&inputs->deaths, g_ptr_array_unref);
  g_clear_pointer (&inputs->focuses, g_ptr_array_unref);
  cl_loop_health_clear (inputs->health);
}

/**
 * cl_retro_inputs_ref:
 * @inputs: the inputs
 *
 * Keeps @inputs for another holder, such as a worker exporting them.
 *
 * Returns: (transfer full): @inputs
 */
ClRetroInputs *
cl_retro_inputs_ref (ClRetroInputs *inputs)
{
  return g_atomic_rc_box_acquire (inputs);
}

/**
 * cl_retro_inputs_unref:
 * @inputs: (nullable) (transfer full): the inputs
 *
 * Lets @inputs go: the last holder frees them and everything they hold.
 * Does nothing with %NULL.
 */
void
cl_retro_inputs_unref (ClRetroInputs *inputs)
{
  if (inputs != NULL)
    g_atomic_rc_box_release_full (inputs, (GDestroyNotify) clear_inputs);
}

/* The flags of the deals the quarter's reviews discussed, as they stood at
 * its end (or today). */
static gboolean
load_flags (ClStore        *store,
            ClRetroInputs  *inputs,
            GError        **error)
{
  ClDay end = MIN (inputs->last, inputs->as_of);
  g_autoptr (GHashTable) reviewed = cl_store_list_reviewed_deal_ids (store, inputs->first, end, error);
  g_autoptr (GListModel) snapshot = NULL;

  if (reviewed == NULL)
    return FALSE;
  if (g_hash_table_size (reviewed) == 0)
    return TRUE;
  if ((snapshot = cl_pipeline_snapshot_from (store, end, 0, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      if (!g_hash_table_contains (reviewed, &item->facts->deal->id))
        continue;
      inputs->n_reviewed++;
      for (int f = 0; f < CL_N_FLAGS; f++)
        inputs->flag_counts[f] += (item->flags & (1u << f)) != 0;
    }
  return TRUE;
}

/**
 * cl_retro_inputs_load:
 * @workspace_path: the workspace, opened on a connection of its own
 * @quarter: the quarter, such as "2026-Q4"
 * @today: the day the quarter is seen from
 * @error: return location for a #GError, or %NULL
 *
 * Everything the retrospective of @quarter starts from, as of @today: loop
 * health, the flag outcomes of the whole history to the quarter's end (or
 * @today), the flags of the deals the quarter's reviews discussed, where
 * deals died, the results of the quarter and the one before, and the reps'
 * focuses. A quarter that starts after @today has only loop health and
 * flag outcomes; its other figures are empty. Reads through a connection
 * of its own, so it may run in a thread.
 *
 * Returns: (transfer full) (nullable): the inputs, or %NULL with @error
 *   set (%CL_STORE_ERROR_INVALID when @quarter is not a quarter)
 */
ClRetroInputs *
cl_retro_inputs_load (const char  *workspace_path,
                      const char  *quarter,
                      ClDay        today,
                      GError     **error)
{
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClRetroInputs) inputs = g_atomic_rc_box_new0 (ClRetroInputs);
  g_autofree char *before = NULL, *first_month = NULL, *last_month = NULL;
  ClDay before_first, before_last;

  if (!cl_date_parse_quarter (quarter, &inputs->first, &inputs->last))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a quarter such as 2026-Q4"), quarter), NULL;
  /* each table is read through once or twice */
  if ((store = cl_store_open_read_through (workspace_path, error)) == NULL)
    return NULL;
  inputs->quarter = g_strdup (quarter);
  inputs->as_of = today;
  before = cl_date_quarter (inputs->first - 1);
  cl_date_parse_quarter (before, &before_first, &before_last);
  /* the whole history by the quarter's end, not the quarter's deals alone:
   * a difference needs more deals than a quarter closes */
  if (!cl_loop_health_compute (store, inputs->first, inputs->last, today, inputs->health, error)
      || !cl_flag_outcomes_compute (store, MIN (inputs->last, today), &inputs->flag_outcomes, error))
    return NULL;
  if (inputs->first > today)
    {
      inputs->deaths = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_retro_death_free);
      inputs->focuses = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_retro_focus_free);
      return g_steal_pointer (&inputs);
    }
  first_month = cl_date_month (inputs->first);
  last_month = cl_date_month (inputs->last);
  if (!load_flags (store, inputs, error)
      || (inputs->deaths = cl_store_list_retro_deaths (store, inputs->first, MIN (inputs->last, today),
                                                       error)) == NULL
      || !cl_store_count_quarter_results (store, inputs->first, MIN (inputs->last, today), &inputs->results, error)
      || !cl_store_count_quarter_results (store, before_first, before_last, &inputs->previous, error)
      || (inputs->focuses = cl_store_list_retro_focuses (store, first_month, last_month, error)) == NULL)
    return NULL;
  return g_steal_pointer (&inputs);
}

static int
by_count (gconstpointer a,
          gconstpointer b,
          gpointer      counts)
{
  const int *n = counts;

  return n[*(const int *) b] - n[*(const int *) a];
}

/**
 * cl_retro_inputs_top_flags:
 * @inputs: the inputs
 * @max: how many flags at most
 *
 * The flags most often raised on the reviewed deals, most first: indices
 * into flag_counts, at most @max, none with a count of 0.
 *
 * Returns: (transfer full) (element-type int): the flags, as #ClFlag values
 */
GArray *
cl_retro_inputs_top_flags (const ClRetroInputs *inputs,
                           guint                max)
{
  GArray *flags = g_array_new (FALSE, FALSE, sizeof (int));

  for (int f = 0; f < CL_N_FLAGS; f++)
    if (inputs->flag_counts[f] > 0)
      g_array_append_val (flags, f);
  g_array_sort_with_data (flags, by_count, (gpointer) inputs->flag_counts);
  if (flags->len > max)
    g_array_set_size (flags, max);
  return flags;
}

/**
 * cl_retro_needs_confirmation:
 * @retro: the retrospective being held
 * @health: (array fixed-size=4): the quarter's loop health, one per #ClLoop
 *
 * Choosing to adjust the strategy while a loop lapsed in the quarter is the
 * characteristic failure: the plan may never have been run. The strategy
 * loop itself is left out: its beat is @retro, being held now.
 *
 * Returns: the loops that lapsed, as bits 1 << #ClLoop; 0 when @retro does
 *   not adjust the strategy or none lapsed, and no confirmation is needed
 */
guint
cl_retro_needs_confirmation (const ClRetro      *retro,
                             const ClLoopHealth  health[CL_N_LOOPS])
{
  guint lapsed = 0;

  if (retro->decision != CL_RETRO_ADJUST_STRATEGY)
    return 0;
  /* the quarter's strategy loop lapsed only for want of this very
   * retrospective, which saving it ends */
  for (int i = 0; i < CL_N_LOOPS; i++)
    if (i != CL_LOOP_STRATEGY && health[i].state == CL_HEALTH_LAPSED)
      lapsed |= 1u << i;
  return lapsed;
}

/* "Restart Deal coaching: Ana Okafor by 2026-12-05" */
static char *
describe_restart (const ClRetroRestart *restart,
                  const char           *owner)
{
  int loop = cl_loop_from_string (restart->loop);
  g_autofree char *due = cl_date_format (restart->due_on);

  /* Translators: the loop, its owner, the day it runs again by */
  return g_strdup_printf (_("Restart %s: %s by %s"), loop >= 0 ? cl_loop_title (loop) : restart->loop,
                          owner, due);
}

static ClRep *
find_rep_by_id (GListModel *reps,
                gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      if (rep->id == id)
        return g_steal_pointer (&rep);
    }
  return NULL;
}

static gboolean
add_restarts (ClStore    *store,
              ClRetro    *retro,
              GPtrArray  *restarts,
              GError    **error)
{
  g_autoptr (GString) plan = g_string_new (NULL);
  g_autoptr (GListModel) reps = cl_store_list_reps (store, error);

  if (reps == NULL)
    return FALSE;
  for (guint i = 0; restarts != NULL && i < restarts->len; i++)
    {
      ClRetroRestart *restart = g_ptr_array_index (restarts, i);
      g_autoptr (ClRep) owner = find_rep_by_id (reps, restart->owner_id);
      g_autoptr (ClAction) action = NULL;
      g_autofree char *text = NULL;

      if (cl_loop_from_string (restart->loop) < 0)
        return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                            _("“%s” is not one of the four loops"), restart->loop), FALSE;
      if (owner == NULL)
        return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                                    _("A restarted loop needs an owner from the team")), FALSE;
      if (restart->due_on == 0)
        return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                    _("A restarted loop needs the day it runs again by")), FALSE;
      text = describe_restart (restart, owner->name);
      action = cl_action_new (text, owner->id, restart->due_on);
      action->created_on = retro->held_on;
      cl_record_set_text (&action->source, "retro");
      if (!cl_store_add_action (store, action, error))
        return FALSE;
      restart->retro_id = retro->id;
      restart->action_id = action->id;
      if (!cl_store_add_retro_restart (store, restart, error))
        return FALSE;
      g_string_append_printf (plan, "%s%s", plan->len ? "\n" : "", text);
    }
  cl_record_set_text (&retro->restart_plan, plan->str);
  return cl_store_update_retro (store, retro, error);
}

/**
 * cl_retro_save:
 * @store: the workspace
 * @retro: the retrospective; its id is set when it is added
 * @restarts: (nullable) (element-type ClRetroRestart): the loops to
 *   restart, each with its loop, owner and due day; their ids are set
 * @error: return location for a #GError, or %NULL
 *
 * Saves @retro for its quarter, adding it the first time and replacing the
 * restarts it had. When the decision is that execution drifted, each of
 * @restarts becomes an action "Restart …" for its owner due on its day, and
 * the retro's restart plan lists them; any other decision keeps no restart.
 * All in one transaction, rolled back on failure.
 *
 * Returns: %TRUE on success, %FALSE with @error set (an invalid quarter,
 *   an unknown loop, a restart without an owner from the team or a day)
 */
gboolean
cl_retro_save (ClStore    *store,
               ClRetro    *retro,
               GPtrArray  *restarts,
               GError    **error)
{
  g_autoptr (ClRetro) existing = NULL;
  GError *local = NULL;
  gboolean ok;

  g_return_val_if_fail (CL_IS_RETRO (retro), FALSE);
  if (!cl_date_parse_quarter (retro->quarter, NULL, NULL))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a quarter such as 2026-Q4"), retro->quarter ? retro->quarter : ""), FALSE;
  if (!cl_store_begin (store, error))
    return FALSE;
  existing = cl_store_get_retro (store, retro->quarter, &local);
  ok = local == NULL;
  if (ok && existing != NULL)
    {
      retro->id = existing->id;
      ok = cl_store_update_retro (store, retro, &local) && cl_store_clear_retro_restarts (store, retro->id, &local);
    }
  else if (ok)
    ok = cl_store_add_retro (store, retro, &local);
  if (ok)
    ok = add_restarts (store, retro, retro->decision == CL_RETRO_EXECUTION_DRIFTED ? restarts : NULL, &local);
  if (!ok)
    {
      cl_store_rollback (store);
      g_propagate_error (error, local);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

/**
 * cl_root_cause_label:
 * @cause: a root cause
 *
 * Returns: (transfer none): the root cause and what it means, translated
 */
const char *
cl_root_cause_label (ClRootCause cause)
{
  switch (cause)
    {
    case CL_ROOT_CAUSE_CAPABILITY: return _("Capability: the team could not do it yet");
    case CL_ROOT_CAUSE_DIRECTION: return _("Direction: the target or the plan was wrong");
    case CL_ROOT_CAUSE_DISCIPLINE: return _("Discipline: the plan was not followed");
    case CL_ROOT_CAUSE_SYSTEM: return _("System: process or tools got in the way");
    }
  g_return_val_if_reached (NULL);
}

/**
 * cl_root_cause_to_string:
 * @cause: a root cause
 *
 * Returns: (transfer none): the name the root cause is stored under, such
 *   as "discipline"
 */
const char *
cl_root_cause_to_string (ClRootCause cause)
{
  switch (cause)
    {
    case CL_ROOT_CAUSE_CAPABILITY: return "capability";
    case CL_ROOT_CAUSE_DIRECTION: return "direction";
    case CL_ROOT_CAUSE_DISCIPLINE: return "discipline";
    case CL_ROOT_CAUSE_SYSTEM: return "system";
    }
  g_return_val_if_reached (NULL);
}
