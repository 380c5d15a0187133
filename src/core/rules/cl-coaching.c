/* cl-coaching.c — the deal-coaching loop: which deals deserve coaching now,
 * and a session that ends in one next move
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-coaching.h"
#include "cl-text.h"

/**
 * cl_coaching_settings_init:
 * @settings: (out caller-allocates): the settings to fill
 *
 * Fills @settings with the defaults, as for a workspace with nothing open:
 * an automatic key-deal amount of %CL_KEY_DEAL_FALLBACK, critical stages
 * from 40 %, flagged deals from 3 flags.
 */
void
cl_coaching_settings_init (ClCoachingSettings *settings)
{
  settings->key_deal_amount = CL_KEY_DEAL_FALLBACK;
  settings->key_deal_automatic = TRUE;
  settings->critical_probability = 40;
  settings->flag_count = 3;
}

/**
 * cl_coaching_settings_load:
 * @settings: (out caller-allocates): the settings to fill
 * @store: the workspace
 *
 * Fills @settings with the team's settings, the defaults where unset.
 * Without a key-deal amount of the team's, it is worked out from the deals
 * open now: the smallest of the largest %CL_KEY_DEAL_TOP_PERCENT percent,
 * in whole major units. A failed read of the open deals falls back to
 * %CL_KEY_DEAL_FALLBACK.
 */
void
cl_coaching_settings_load (ClCoachingSettings *settings,
                           ClStore            *store)
{
  gint64 top;

  cl_coaching_settings_init (settings);
  settings->key_deal_amount = cl_store_get_setting_int (store, CL_SETTING_KEY_DEAL_AMOUNT, -1);
  settings->key_deal_automatic = settings->key_deal_amount < 0;
  if (settings->key_deal_automatic)
    {
      /* floored to whole units, so the deal the tenth ends on stays in it */
      top = cl_store_top_open_amount (store, CL_KEY_DEAL_TOP_PERCENT, NULL);
      settings->key_deal_amount = top > 0 ? top / 100 : CL_KEY_DEAL_FALLBACK;
    }
  settings->critical_probability = cl_store_get_setting_int (store, CL_SETTING_CRITICAL_PROBABILITY,
                                                             settings->critical_probability);
  settings->flag_count = cl_store_get_setting_int (store, CL_SETTING_COACHING_FLAG_COUNT,
                                                   settings->flag_count);
}

/**
 * cl_coaching_reasons:
 * @item: a deal of the snapshot
 * @process: the sales process
 * @settings: the coaching settings
 *
 * Why @item deserves coaching now: a key deal at a critical stage, a
 * stalled deal, a deal with at least the settings' count of flags.
 *
 * Returns: the reasons, as #ClCoachReason bits; 0 if it does not deserve
 *   coaching
 */
guint
cl_coaching_reasons (const ClPipelineItem     *item,
                     const ClProcess          *process,
                     const ClCoachingSettings *settings)
{
  const ClStage *stage = cl_process_find (process, item->state.stage_id);
  guint reasons = 0;

  if (item->state.amount_cents >= settings->key_deal_amount * 100
      && stage != NULL && stage->probability >= settings->critical_probability)
    reasons |= CL_COACH_KEY_DEAL;
  if (item->flags & (1u << CL_FLAG_STALLED))
    reasons |= CL_COACH_STALLED;
  if ((int) (guint) __builtin_popcount (item->flags) >= settings->flag_count)
    reasons |= CL_COACH_FLAGGED;
  return reasons;
}

/* ------------------------------------------------------------------ the queue */

G_DEFINE_FINAL_TYPE (ClCoachingEntry, cl_coaching_entry, G_TYPE_OBJECT)

static void
cl_coaching_entry_finalize (GObject *object)
{
  g_clear_object (&CL_COACHING_ENTRY (object)->item);
  g_clear_pointer (&CL_COACHING_ENTRY (object)->why, g_free);
  G_OBJECT_CLASS (cl_coaching_entry_parent_class)->finalize (object);
}

static void
cl_coaching_entry_class_init (ClCoachingEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_coaching_entry_finalize;
}

static void
cl_coaching_entry_init (ClCoachingEntry *self)
{
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ClCoachingEntry *x = *(ClCoachingEntry **) a, *y = *(ClCoachingEntry **) b;
  gboolean x_key = x->reasons & CL_COACH_KEY_DEAL, y_key = y->reasons & CL_COACH_KEY_DEAL;

  if (x_key != y_key)
    return x_key ? -1 : 1;
  if ((x->last_coached == 0) != (y->last_coached == 0))
    return x->last_coached == 0 ? -1 : 1;
  if (x->item->state.amount_cents != y->item->state.amount_cents)
    return x->item->state.amount_cents > y->item->state.amount_cents ? -1 : 1;
  return x->item->facts->deal->id < y->item->facts->deal->id ? -1 : 1;
}

/**
 * cl_coaching_queue:
 * @store: the workspace, for the day each deal was last coached
 * @snapshot: the pipeline, a list of #ClPipelineItem
 * @process: the sales process
 * @settings: the coaching settings
 * @error: return location for a #GError, or %NULL
 *
 * The deals of @snapshot that deserve coaching, each with its reasons, the
 * day it was last coached and why in words: key deals first, then the
 * ones never coached, then the largest.
 *
 * Returns: (transfer full) (nullable): a list of #ClCoachingEntry, or
 *   %NULL with @error set
 */
GListModel *
cl_coaching_queue (ClStore                  *store,
                   GListModel               *snapshot,
                   const ClProcess          *process,
                   const ClCoachingSettings *settings,
                   GError                  **error)
{
  g_autoptr (GHashTable) last = cl_store_last_coached (store, error);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *queue;

  if (last == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);
      guint reasons = cl_coaching_reasons (item, process, settings);
      ClCoachingEntry *entry;

      if (reasons == 0)
        continue;
      entry = g_object_new (CL_TYPE_COACHING_ENTRY, NULL);
      entry->item = g_steal_pointer (&item);
      entry->reasons = reasons;
      entry->last_coached = GPOINTER_TO_INT (g_hash_table_lookup (last, &entry->item->facts->deal->id));
      entry->why = cl_coaching_entry_explain (entry, process);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  queue = g_list_store_new (CL_TYPE_COACHING_ENTRY);
  g_list_store_splice (queue, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (queue);
}

/**
 * cl_coaching_entry_explain:
 * @entry: an entry of the queue
 * @process: the sales process, for the stage's name and probability
 *
 * Why @entry deserves coaching, its reasons joined in one translated line:
 * "Key deal: 82 000 EUR in Proposal (60 %) · stalled 40 days in stage · 4
 * inspection flags".
 *
 * Returns: (transfer full): the line
 */
char *
cl_coaching_entry_explain (const ClCoachingEntry *entry,
                           const ClProcess       *process)
{
  const ClStage *stage = cl_process_find (process, entry->item->state.stage_id);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (entry->reasons & CL_COACH_KEY_DEAL)
    {
      g_autofree char *amount = cl_money_format (entry->item->state.amount_cents,
                                                 entry->item->facts->deal->currency);
      g_autofree char *stage_name = cl_text_isolate (stage ? stage->name : "");

      /* Translators: an amount, a stage and the stage's probability to close */
      g_ptr_array_add (parts, g_strdup_printf (_("Key deal: %s in %s (%d %%)"), amount,
                                               stage_name, stage ? stage->probability : 0));
    }
  if (entry->reasons & CL_COACH_STALLED)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "stalled %d day in stage",
                                                          "stalled %d days in stage",
                                                          entry->item->days_in_stage),
                                             entry->item->days_in_stage));
  if (entry->reasons & CL_COACH_FLAGGED)
    {
      guint n = (guint) __builtin_popcount (entry->item->flags);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u inspection flag",
                                                            "%u inspection flags", n), n));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (cl_text_parts_separator (), (char **) parts->pdata);
}

/* ------------------------------------------------------------------ sessions */

/**
 * cl_coaching_is_story:
 * @evidence: (nullable): the quote or note the session looked at
 * @n_evidence_calls: how many calls it looked at
 *
 * The test of cl_coaching_from_story () for a session not saved yet.
 *
 * Returns: %TRUE when @evidence is blank and no call was looked at, else
 *   %FALSE
 */
gboolean
cl_coaching_is_story (const char *evidence,
                      guint       n_evidence_calls)
{
  return cl_text_is_blank (evidence) && n_evidence_calls == 0;
}

/**
 * cl_coaching_from_story:
 * @session: a coaching session
 *
 * Whether @session was coached from the rep's story: it looked at no
 * evidence, no quote and no call.
 *
 * Returns: %TRUE when it looked at no evidence, else %FALSE
 */
gboolean
cl_coaching_from_story (const ClCoachingSession *session)
{
  return cl_coaching_is_story (session->evidence, session->n_evidence_calls);
}

/**
 * cl_coaching_record_session:
 * @store: the workspace
 * @session: the session; its id, action id and count of evidence calls
 *   are set
 * @move_due: the day the next move is due, on or after the session
 * @evidence_calls: (nullable) (element-type gint64): the ids of the calls
 *   the session looked at
 * @error: return location for a #GError, or %NULL
 *
 * Records @session in one transaction: its next move (what, with whom)
 * becomes an action for the deal's owner due on @move_due, and the calls
 * in @evidence_calls are linked as its evidence. Refused without a next
 * move or its day.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_coaching_record_session (ClStore            *store,
                            ClCoachingSession  *session,
                            ClDay               move_due,
                            GArray             *evidence_calls,
                            GError            **error)
{
  g_autoptr (ClDeal) deal = NULL;
  g_autoptr (ClAction) action = NULL;
  g_autofree char *text = NULL;

  if (cl_text_is_blank (session->next_move))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("A coaching session ends in one concrete next move: what exactly to ask "
                          "or do, with whom, by when")), FALSE;
  if (move_due == 0 || move_due < session->held_on)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("The next move needs the day it is due, on or after the session")), FALSE;
  if (!cl_store_begin (store, error))
    return FALSE;
  if ((deal = cl_store_get_deal (store, session->deal_id, error)) == NULL)
    goto failed;
  text = cl_text_is_blank (session->next_move_with)
           ? g_strdup (session->next_move)
           /* Translators: a next move, then who it is with */
           : g_strdup_printf (_("%s — with %s"), session->next_move, session->next_move_with);
  action = cl_action_new (text, deal->owner_id, move_due);
  action->deal_id = deal->id;
  action->created_on = session->held_on;
  cl_record_set_text (&action->source, "coaching");
  if (!cl_store_add_action (store, action, error))
    goto failed;
  session->action_id = action->id;
  session->n_evidence_calls = evidence_calls ? evidence_calls->len : 0;
  if (!cl_store_add_coaching_session (store, session, error))
    goto failed;
  for (guint i = 0; evidence_calls != NULL && i < evidence_calls->len; i++)
    if (!cl_store_add_coaching_evidence (store, session->id, g_array_index (evidence_calls, gint64, i), error))
      goto failed;
  return cl_store_commit (store, error);

failed:
  cl_store_rollback (store);
  return FALSE;
}

/**
 * cl_coaching_set_follow_up:
 * @store: the workspace
 * @session: a recorded session
 * @follow_up: whether the next move happened
 * @note: (nullable): what the manager noted
 * @today: the day an action done is completed on
 * @error: return location for a #GError, or %NULL
 *
 * Records whether the next move happened, in one transaction; when it did,
 * the session's action is completed if it is still open.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_coaching_set_follow_up (ClStore                 *store,
                           const ClCoachingSession *session,
                           ClFollowUp               follow_up,
                           const char              *note,
                           ClDay                    today,
                           GError                 **error)
{
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_store_set_follow_up (store, session->id, follow_up, note, error)
      || (follow_up == CL_FOLLOW_UP_HAPPENED && session->action_id != 0
          && !cl_store_complete_open_action (store, session->action_id, today, error)))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}
