/* cl-deal-brief.c — one deal on a page: its values, its flags in
 * sentences, its dated history, qualification, contacts, actions and calls
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cl-deal-brief.h"
#include "cl-text.h"

G_DEFINE_FINAL_TYPE (ClTimelineEntry, cl_timeline_entry, G_TYPE_OBJECT)

static void
cl_timeline_entry_finalize (GObject *object)
{
  ClTimelineEntry *self = CL_TIMELINE_ENTRY (object);

  g_free (self->text);
  g_free (self->detail);
  G_OBJECT_CLASS (cl_timeline_entry_parent_class)->finalize (object);
}

static void
cl_timeline_entry_class_init (ClTimelineEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_timeline_entry_finalize;
}

static void
cl_timeline_entry_init (ClTimelineEntry *self)
{
  (void) self;
}

/* ------------------------------------------------------------------ the timeline */

typedef struct
{
  ClDeal     *deal;
  GListModel *stages;
  GListModel *reps;
  GPtrArray  *entries;  /* ClTimelineEntry, in the order added */
} Timeline;

/* Takes @text and @detail. */
static void
add_entry (Timeline       *timeline,
           ClDay           on,
           ClTimelineKind  kind,
           char           *text,
           const char     *detail)
{
  ClTimelineEntry *entry = g_object_new (CL_TYPE_TIMELINE_ENTRY, NULL);

  entry->on = on;
  entry->kind = kind;
  entry->text = text;
  entry->detail = cl_text_is_blank (detail) ? NULL : g_strdup (detail);
  g_ptr_array_add (timeline->entries, entry);
}

/* The name of the stage or rep whose id is @value in @list, isolated. */
static char *
name_of (GListModel *list,
         const char *value)
{
  gint64 id = value ? g_ascii_strtoll (value, NULL, 10) : 0;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);
      gint64 item_id = CL_IS_STAGE (item) ? CL_STAGE (item)->id : CL_REP (item)->id;

      if (item_id == id)
        return cl_text_isolate (CL_IS_STAGE (item) ? CL_STAGE (item)->name : CL_REP (item)->name);
    }
  return cl_text_isolate (value);
}

static char *
money_of (Timeline   *timeline,
          const char *cents)
{
  return cl_money_format (cents ? g_ascii_strtoll (cents, NULL, 10) : 0, timeline->deal->currency);
}

static char *
status_of (const char *value)
{
  int status = cl_enum_from_string (cl_deal_status_names, value);

  return g_strdup (status >= 0 ? cl_deal_status_label (status) : value ? value : "");
}

static char *
forecast_of (const char *value)
{
  int forecast = cl_enum_from_string (cl_forecast_names, value);

  return g_strdup (forecast >= 0 ? cl_forecast_label (forecast) : value ? value : "");
}

/* "Amount from 12 000 EUR to 9 000 EUR": a change in words, its values as
 * a person reads them. */
static char *
describe_event (Timeline    *timeline,
                ClDealEvent *event)
{
  g_autofree char *from = NULL, *to = NULL;
  const char *field = event->field;

  if (g_str_equal (field, "created"))
    {
      to = cl_text_isolate (event->new_value);
      /* Translators: the deal's name when it was created */
      return g_strdup_printf (_("Created as “%s”"), to);
    }
  if (g_str_equal (field, "stage"))
    from = name_of (timeline->stages, event->old_value), to = name_of (timeline->stages, event->new_value);
  else if (g_str_equal (field, "owner"))
    from = name_of (timeline->reps, event->old_value), to = name_of (timeline->reps, event->new_value);
  else if (g_str_equal (field, "amount"))
    from = money_of (timeline, event->old_value), to = money_of (timeline, event->new_value);
  else if (g_str_equal (field, "status"))
    from = status_of (event->old_value), to = status_of (event->new_value);
  else if (g_str_equal (field, "forecast"))
    from = forecast_of (event->old_value), to = forecast_of (event->new_value);
  else if (!cl_text_is_blank (event->old_value) || !cl_text_is_blank (event->new_value))
    from = cl_text_is_blank (event->old_value) ? NULL : cl_text_isolate (event->old_value),
    to = cl_text_is_blank (event->new_value) ? NULL : cl_text_isolate (event->new_value);

  if (g_str_equal (field, "stage"))
    /* Translators: two stages of the sales process */
    return g_strdup_printf (_("Stage moved from %s to %s"), from, to);
  if (g_str_equal (field, "owner"))
    /* Translators: two people */
    return g_strdup_printf (_("Owner changed from %s to %s"), from, to);
  if (g_str_equal (field, "amount"))
    /* Translators: two amounts, "12 000 EUR" */
    return g_strdup_printf (_("Amount changed from %s to %s"), from, to);
  if (g_str_equal (field, "status"))
    /* Translators: two statuses of a deal, "Open", "Won" */
    return g_strdup_printf (_("Status changed from %s to %s"), from, to);
  if (g_str_equal (field, "forecast"))
    /* Translators: two forecast categories, "Pipeline", "Commit" */
    return g_strdup_printf (_("Forecast changed from %s to %s"), from, to);
  if (g_str_equal (field, "close_date"))
    return from ? g_strdup_printf (_("Close date moved from %s to %s"), from, to)
                : g_strdup_printf (_("Close date set to %s"), to);
  if (g_str_equal (field, "next_step"))
    return to == NULL ? g_strdup_printf (_("Next step “%s” cleared"), from)
           : from == NULL ? g_strdup_printf (_("Next step set to “%s”"), to)
           /* Translators: the old next step, then the new one */
           : g_strdup_printf (_("Next step changed from “%s” to “%s”"), from, to);
  if (g_str_equal (field, "next_step_due"))
    return to == NULL ? g_strdup_printf (_("Next step no longer due on %s"), from)
           : from == NULL ? g_strdup_printf (_("Next step due on %s"), to)
           : g_strdup_printf (_("Next step’s due day moved from %s to %s"), from, to);
  /* a field a newer Closeloop records */
  return g_strdup_printf (_("%s changed"), field);
}

static void
add_events (Timeline   *timeline,
            GListModel *events)
{
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr (ClDealEvent) event = g_list_model_get_item (events, i);

      add_entry (timeline, event->occurred_on, CL_TIMELINE_CHANGE, describe_event (timeline, event), NULL);
    }
}

static void
add_decisions (Timeline   *timeline,
               GListModel *decisions)
{
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr (ClReviewDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *week = cl_text_isolate (decision->week);

      add_entry (timeline, decision->held_on, CL_TIMELINE_REVIEW,
                 /* Translators: a week, "2026-W47", then a decision, "Keep" */
                 g_strdup_printf (_("Weekly review of %s decided: %s"), week,
                                  cl_decision_label (decision->decision)),
                 decision->note);
    }
}

static void
add_sessions (Timeline   *timeline,
              GListModel *sessions)
{
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *move = cl_text_isolate (session->next_move);
      g_autofree char *with = cl_text_isolate (session->next_move_with);
      char *text = cl_text_is_blank (session->next_move_with)
                   /* Translators: the next move a coaching session agreed, then whether it happened */
                   ? g_strdup_printf (_("Coached: next move “%s” (%s)"), move,
                                      cl_follow_up_label (session->follow_up))
                   /* Translators: the next move, whom it is with, whether it happened */
                   : g_strdup_printf (_("Coached: next move “%s” with %s (%s)"), move, with,
                                      cl_follow_up_label (session->follow_up));

      add_entry (timeline, session->held_on, CL_TIMELINE_COACHING, text, session->follow_up_note);
    }
}

static void
add_calls (Timeline   *timeline,
           GListModel *calls)
{
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, i);
      g_autofree char *title = cl_text_isolate (call->title);
      g_autofree char *rep = cl_text_isolate (call->rep_name);
      char *text = call->rep_name != NULL
                   /* Translators: a call's title and the rep on it */
                   ? g_strdup_printf (_("Call “%s” with %s"), title, rep)
                   : g_strdup_printf (_("Call “%s”"), title);

      add_entry (timeline, call->held_on, CL_TIMELINE_CALL, text, NULL);
    }
}

/* Newest first; on one day, the latest added first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      order)
{
  const ClTimelineEntry *x = *(ClTimelineEntry * const *) a, *y = *(ClTimelineEntry * const *) b;
  guint ix = GPOINTER_TO_UINT (g_hash_table_lookup (order, x));
  guint iy = GPOINTER_TO_UINT (g_hash_table_lookup (order, y));

  if (x->on != y->on)
    return x->on > y->on ? -1 : 1;
  return ix > iy ? -1 : ix < iy;
}

/**
 * cl_deal_timeline:
 * @deal: the deal, its currency for the amounts
 * @events: (element-type ClDealEvent): its history, any order
 * @decisions: (element-type ClReviewDecision): the reviews' decisions on
 *   it, their week and day filled in (cl_store_list_deal_decisions ())
 * @sessions: (element-type ClCoachingSession): its coaching sessions
 * @calls: (element-type ClCall): its calls
 * @stages: (element-type ClStage): the process, for the stage ids events keep
 * @reps: (element-type ClRep): the team, for the owner ids events keep
 *
 * Every dated thing that happened to @deal as one list, the newest first
 * (on one day, the latest recorded first), each a translated sentence with
 * its values from data isolated.
 *
 * Returns: (transfer full): a list of #ClTimelineEntry
 */
GListModel *
cl_deal_timeline (ClDeal     *deal,
                  GListModel *events,
                  GListModel *decisions,
                  GListModel *sessions,
                  GListModel *calls,
                  GListModel *stages,
                  GListModel *reps)
{
  Timeline timeline = { deal, stages, reps, g_ptr_array_new_with_free_func (g_object_unref) };
  g_autoptr (GHashTable) order = g_hash_table_new (NULL, NULL);
  GListStore *entries = g_list_store_new (CL_TYPE_TIMELINE_ENTRY);

  g_return_val_if_fail (CL_IS_DEAL (deal), G_LIST_MODEL (entries));
  add_events (&timeline, events);
  add_decisions (&timeline, decisions);
  add_sessions (&timeline, sessions);
  add_calls (&timeline, calls);
  for (guint i = 0; i < timeline.entries->len; i++)
    g_hash_table_insert (order, timeline.entries->pdata[i], GUINT_TO_POINTER (i + 1));
  g_ptr_array_sort_with_data (timeline.entries, compare_entries, order);
  g_list_store_splice (entries, 0, 0, timeline.entries->pdata, timeline.entries->len);
  g_ptr_array_unref (timeline.entries);
  return G_LIST_MODEL (entries);
}

/* ------------------------------------------------------------------ the brief */

static gboolean
raise_flags (ClStore     *store,
             ClDealBrief *brief,
             GError     **error)
{
  g_autoptr (ClProcess) process = cl_process_load (store, brief->today, error);
  g_autoptr (ClDealFacts) facts = NULL;
  ClFlagSettings settings;

  if (process == NULL
      || (facts = cl_deal_facts_load_one (store, brief->deal->id, brief->today, error)) == NULL)
    return FALSE;
  brief->required_meddic = cl_process_required_by (process, brief->deal->stage_id);
  if (brief->deal->status != CL_DEAL_OPEN)
    return TRUE;
  cl_flag_settings_load (&settings, store);
  brief->flags = cl_flags_evaluate_shown (process, facts, &settings, brief->today, brief->flag_sentences);
  return TRUE;
}

static gboolean
read_timeline (ClStore     *store,
               ClDealBrief *brief,
               GError     **error)
{
  gint64 id = brief->deal->id;
  g_autoptr (GListModel) events = NULL, decisions = NULL, sessions = NULL, stages = NULL, reps = NULL;

  if ((events = cl_store_list_deal_events (store, id, error)) == NULL
      || (decisions = cl_store_list_deal_decisions (store, id, error)) == NULL
      || (sessions = cl_store_list_coaching_sessions (store, id, error)) == NULL
      || (stages = cl_store_list_stages (store, error)) == NULL
      || (reps = cl_store_list_reps (store, error)) == NULL)
    return FALSE;
  brief->timeline = cl_deal_timeline (brief->deal, events, decisions, sessions, brief->calls, stages, reps);
  return TRUE;
}

/**
 * cl_deal_brief_load:
 * @store: the workspace, a worker's own connection
 * @deal_id: the deal's id
 * @today: the day the flags are raised on
 * @error: return location for a #GError, or %NULL
 *
 * Everything the deal page shows of @deal_id, read in one transaction so
 * that it is the workspace at one moment. A closed deal raises no flag.
 *
 * Returns: (transfer full) (nullable): the brief, freed with
 *   cl_deal_brief_free (), or %NULL with @error set
 */
ClDealBrief *
cl_deal_brief_load (ClStore  *store,
                    gint64    deal_id,
                    ClDay     today,
                    GError  **error)
{
  g_autoptr (ClDealBrief) brief = g_new0 (ClDealBrief, 1);
  gboolean ok;

  brief->today = today;
  if (!cl_store_begin (store, error))
    return NULL;
  /* one read: what the page shows is the workspace at one moment */
  ok = (brief->deal = cl_store_get_deal (store, deal_id, error)) != NULL
       && raise_flags (store, brief, error)
       && cl_store_get_qualification (store, deal_id, brief->qualification, error)
       && cl_store_get_qualification_notes (store, deal_id, brief->qualification_notes, error)
       && (brief->contacts = cl_store_list_contacts (store, deal_id, error)) != NULL
       && (brief->actions = cl_store_list_deal_open_actions (store, deal_id, error)) != NULL
       && (brief->calls = cl_store_list_calls (store, deal_id, error)) != NULL
       && read_timeline (store, brief, error);
  if (!ok)
    {
      cl_store_rollback (store);
      return NULL;
    }
  if (!cl_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&brief);
}

/**
 * cl_deal_brief_free:
 * @brief: (nullable): the brief
 *
 * Frees @brief and everything it holds. Does nothing with %NULL.
 */
void
cl_deal_brief_free (ClDealBrief *brief)
{
  if (brief == NULL)
    return;
  g_clear_object (&brief->deal);
  cl_flag_explanations_clear (brief->flag_sentences);
  for (int i = 0; i < CL_MEDDIC_N_ELEMENTS; i++)
    g_free (brief->qualification_notes[i]);
  g_clear_object (&brief->timeline);
  g_clear_object (&brief->contacts);
  g_clear_object (&brief->actions);
  g_clear_object (&brief->calls);
  g_free (brief);
}
