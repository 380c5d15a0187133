/* cl-moves.c — what moved in the pipeline between two days, from the history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-moves.h"
#include "cl-text.h"

const char * const cl_move_names[] = {
  "new", "advanced", "regressed", "amount_changed", "close_date_changed", "won", "lost",
  "disqualified", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (cl_move_names) == CL_N_MOVES + 1);

/**
 * cl_move_free:
 * @move: the move
 *
 * Frees @move and its strings.
 */
void
cl_move_free (ClMove *move)
{
  g_free (move->deal_name);
  g_free (move->from);
  g_free (move->to);
  g_free (move->account);
  g_free (move);
}

/**
 * cl_move_involves_stage:
 * @move: the move
 * @stage_id: a stage's id
 *
 * Whether @move is about the stage @stage_id: the deal is in it, or the
 * move left or entered it.
 *
 * Returns: %TRUE when @move involves @stage_id, else %FALSE
 */
gboolean
cl_move_involves_stage (const ClMove *move,
                        gint64        stage_id)
{
  return stage_id == move->stage_id || stage_id == move->from_stage_id || stage_id == move->to_stage_id;
}

/**
 * cl_move_describe:
 * @move: the move
 *
 * Describes @move in one translated line, its day first, the deal's name
 * and the values from data isolated (cl_text_isolate ()):
 * "2026-11-18 · Acme — Rollout: advanced from Qualification to Solution".
 *
 * Returns: (transfer full): the line
 */
char *
cl_move_describe (const ClMove *move)
{
  g_autofree char *deal = cl_text_isolate (move->deal_name);
  g_autofree char *from = cl_text_isolate (move->from);
  g_autofree char *to = cl_text_isolate (move->to);
  char on[11];

  cl_date_format_into (move->on, on);
  switch (move->kind)
    {
    case CL_MOVE_NEW:
      return g_strdup_printf (_("%s · %s: new deal"), on, deal);
    case CL_MOVE_ADVANCED:
      return g_strdup_printf (_("%s · %s: advanced from %s to %s"), on, deal, from, to);
    case CL_MOVE_REGRESSED:
      return g_strdup_printf (_("%s · %s: moved back from %s to %s"), on, deal, from, to);
    case CL_MOVE_AMOUNT_CHANGED:
      return g_strdup_printf (_("%s · %s: amount %s → %s"), on, deal, from, to);
    case CL_MOVE_CLOSE_DATE_CHANGED:
      return g_strdup_printf (_("%s · %s: close date %s → %s"), on, deal, from, to);
    case CL_MOVE_WON:
      return g_strdup_printf (_("%s · %s: won"), on, deal);
    case CL_MOVE_LOST:
      return g_strdup_printf (_("%s · %s: lost"), on, deal);
    case CL_MOVE_DISQUALIFIED:
      return g_strdup_printf (_("%s · %s: disqualified"), on, deal);
    case CL_N_MOVES:
      break;
    }
  g_return_val_if_reached (NULL);
}

static char *
stage_text (const ClProcess *process,
            const char      *id_text)
{
  const ClStage *stage = cl_process_find (process, id_text ? g_ascii_strtoll (id_text, NULL, 10) : 0);

  return g_strdup (stage ? stage->name : "");
}

/* The kind of move an event is, or -1 when it is not one. */
static int
classify (const ClProcess *process,
          const char      *field,
          const char      *old_value,
          const char      *new_value)
{
  if (g_str_equal (field, "created"))
    return CL_MOVE_NEW;
  if (g_str_equal (field, "amount"))
    return CL_MOVE_AMOUNT_CHANGED;
  if (g_str_equal (field, "close_date"))
    return CL_MOVE_CLOSE_DATE_CHANGED;
  if (g_str_equal (field, "stage"))
    {
      int before = cl_process_index (process, old_value ? g_ascii_strtoll (old_value, NULL, 10) : 0);
      int after = cl_process_index (process, new_value ? g_ascii_strtoll (new_value, NULL, 10) : 0);

      return after >= before ? CL_MOVE_ADVANCED : CL_MOVE_REGRESSED;
    }
  if (g_str_equal (field, "status"))
    switch (cl_enum_from_string (cl_deal_status_names, new_value))
      {
      case CL_DEAL_WON: return CL_MOVE_WON;
      case CL_DEAL_LOST: return CL_MOVE_LOST;
      case CL_DEAL_DISQUALIFIED: return CL_MOVE_DISQUALIFIED;
      default: break;
      }
  return -1;
}

struct load_data
{
  const ClProcess *process;
  GPtrArray       *moves;
};

static void
add_move (const ClDealChange *change,
          gpointer            user_data)
{
  struct load_data *data = user_data;
  const ClProcess *process = data->process;
  const char *old_value = change->old_value;
  const char *new_value = change->new_value;
  int kind = classify (process, change->field, old_value, new_value);
  ClMove *move;

  if (kind < 0)
    return;
  move = g_new0 (ClMove, 1);
  move->kind = kind;
  move->deal_id = change->deal_id;
  move->deal_name = g_strdup (change->deal_name);
  move->on = change->on;
  move->owner_id = change->owner_id;
  move->account = g_strdup (change->account);
  move->stage_id = change->stage_id;
  switch (kind)
    {
    case CL_MOVE_ADVANCED:
    case CL_MOVE_REGRESSED:
      move->from = stage_text (process, old_value);
      move->to = stage_text (process, new_value);
      move->from_stage_id = old_value ? g_ascii_strtoll (old_value, NULL, 10) : 0;
      move->to_stage_id = new_value ? g_ascii_strtoll (new_value, NULL, 10) : 0;
      break;
    case CL_MOVE_AMOUNT_CHANGED:
      move->from_cents = g_ascii_strtoll (old_value ? old_value : "0", NULL, 10);
      move->to_cents = g_ascii_strtoll (new_value ? new_value : "0", NULL, 10);
      move->from = cl_money_format (move->from_cents, change->currency);
      move->to = cl_money_format (move->to_cents, change->currency);
      break;
    case CL_MOVE_NEW:
      break;
    default:
      move->from = g_strdup (old_value);
      move->to = g_strdup (new_value);
    }
  g_ptr_array_add (data->moves, move);
}

/**
 * cl_moves_load:
 * @store: the workspace
 * @process: the sales process, to tell an advance from a regression and to
 *   name the stages
 * @since: the day after which moves count
 * @until: the last day whose moves count
 * @error: return location for a #GError, or %NULL
 *
 * Every move after @since up to the end of @until, oldest first: deals
 * created, stage moves, amount and close-date changes, and deals won, lost
 * or disqualified. Amounts are formatted in the deal's currency and kept
 * exact in cents.
 *
 * Returns: (transfer full) (nullable) (element-type ClMove): the moves, or
 *   %NULL with @error set
 */
GPtrArray *
cl_moves_load (ClStore          *store,
               const ClProcess  *process,
               ClDay             since,
               ClDay             until,
               GError          **error)
{
  g_autoptr (GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_move_free);
  struct load_data data = { process, moves };

  if (!cl_store_each_deal_change (store, since, until, add_move, &data, error))
    return NULL;
  return g_steal_pointer (&moves);
}
