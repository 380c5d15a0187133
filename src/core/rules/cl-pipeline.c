/* cl-pipeline.c — the open pipeline on a day: each deal with its flags and
 * its risk, and the order a review walks them in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flag that fires on nearly every deal stops meaning anything, so the
 * review does not walk every flagged deal: it opens on the few whose flags
 * are most severe for their size, and the rest are one key away.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cl-fixed-list.h"
#include "cl-pipeline.h"
#include "cl-text.h"

G_DEFINE_FINAL_TYPE (ClPipelineItem, cl_pipeline_item, G_TYPE_OBJECT)

static void
cl_pipeline_item_finalize (GObject *object)
{
  g_clear_pointer (&CL_PIPELINE_ITEM (object)->facts, cl_deal_facts_free);
  g_clear_pointer (&CL_PIPELINE_ITEM (object)->search_text, g_free);
  G_OBJECT_CLASS (cl_pipeline_item_parent_class)->finalize (object);
}

static void
cl_pipeline_item_class_init (ClPipelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_pipeline_item_finalize;
}

static void
cl_pipeline_item_init (ClPipelineItem *self)
{
}

/* ------------------------------------------------------------------ risk */

/**
 * cl_risk_level:
 * @flags: raised flags, as bits (1 << #ClFlag)
 *
 * How much @flags put a deal at risk, from their severity points: 6 or
 * more is high, 3 to 5 medium, 1 or 2 low.
 *
 * Returns: the risk level, %CL_RISK_NONE without flags
 */
ClRiskLevel
cl_risk_level (guint flags)
{
  int points = cl_flags_severity_points (flags);

  return points >= 6 ? CL_RISK_HIGH : points >= 3 ? CL_RISK_MEDIUM : points > 0 ? CL_RISK_LOW : CL_RISK_NONE;
}

/**
 * cl_risk_level_label:
 * @level: a risk level
 *
 * Returns: (transfer none): "High", "Medium" or "Low", translated; "" for
 *   %CL_RISK_NONE
 */
const char *
cl_risk_level_label (ClRiskLevel level)
{
  switch (level)
    {
    case CL_RISK_HIGH: return _("High");
    case CL_RISK_MEDIUM: return _("Medium");
    case CL_RISK_LOW: return _("Low");
    case CL_RISK_NONE: return "";
    }
  g_return_val_if_reached ("");
}

/**
 * cl_risk_score:
 * @flags: raised flags, as bits (1 << #ClFlag)
 * @amount_cents: the deal's amount, in cents
 *
 * The severity points of @flags times the square root of the amount in
 * major units (at least 1): a larger deal with the same flags ranks higher,
 * but one more high flag outweighs an amount up to four times larger.
 *
 * Returns: the score, 0 without flags
 */
double
cl_risk_score (guint  flags,
               gint64 amount_cents)
{
  /* a deal of no amount still ranks by its flags */
  return cl_flags_severity_points (flags) * sqrt (MAX (1.0, amount_cents / 100.0));
}

/**
 * cl_pipeline_agenda_size_load:
 * @store: the workspace
 *
 * Reads the review agenda's length from the team settings,
 * %CL_AGENDA_SIZE_DEFAULT when unset. A stored value below 1 counts as 1.
 *
 * Returns: the number of deals the review opens on, at least 1
 */
int
cl_pipeline_agenda_size_load (ClStore *store)
{
  return (int) CLAMP (cl_store_get_setting_int (store, CL_SETTING_AGENDA_SIZE, CL_AGENDA_SIZE_DEFAULT),
                      1, G_MAXINT);
}

/* ------------------------------------------------------------------ the snapshot */

/* What deals are flagged with: the process as of a day, the settings. */
typedef struct
{
  ClDay          as_of;
  ClProcess     *process;
  ClFlagSettings settings;
} Flagging;

static gboolean
load_flagging (ClStore  *store,
               gpointer  data,
               GError  **error)
{
  Flagging *flagging = data;

  cl_flag_settings_load (&flagging->settings, store);
  return (flagging->process = cl_process_load (store, flagging->as_of, error)) != NULL;
}

/**
 * cl_pipeline_snapshot:
 * @workspace_path: the workspace, opened on a connection of its own
 * @as_of: the day the pipeline is seen on
 * @owner_id: a rep's id, or 0 for every rep's deals
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Every deal open at the end of @as_of, the largest by its amount now
 * first, with its flags and risk, flagged with the team's settings and the
 * sales process as of @as_of; only @owner_id's deals when it is not 0.
 * Reads through a connection of its own, so it may run in a thread.
 *
 * Returns: (transfer full) (nullable): a list of #ClPipelineItem, or %NULL
 *   with @error set
 */
GListModel *
cl_pipeline_snapshot (const char    *workspace_path,
                      ClDay          as_of,
                      gint64         owner_id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (ClStore) store = cl_store_open_read_through (workspace_path, error);
  Flagging flagging = { .as_of = as_of };
  g_autoptr (GPtrArray) facts = NULL;
  GListModel *snapshot = NULL;

  /* the connection is its own: the history may be read on another */
  if (store != NULL
      && (facts = cl_deal_facts_load_apart (store, as_of, owner_id, load_flagging, &flagging, error)) != NULL
      && !g_cancellable_set_error_if_cancelled (cancellable, error))
    snapshot = cl_pipeline_inspect_facts (facts, flagging.process, &flagging.settings, as_of);
  g_clear_pointer (&flagging.process, cl_process_free);
  return snapshot;
}

/**
 * cl_pipeline_snapshot_from:
 * @store: the workspace
 * @as_of: the day the pipeline is seen on
 * @owner_id: a rep's id, or 0 for every rep's deals
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * As cl_pipeline_snapshot (), through @store: for a caller that holds a
 * connection already, and need not pay for another one's page cache.
 *
 * Returns: (transfer full) (nullable): a list of #ClPipelineItem, or %NULL
 *   with @error set
 */
GListModel *
cl_pipeline_snapshot_from (ClStore       *store,
                           ClDay          as_of,
                           gint64         owner_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr (ClProcess) process = cl_process_load (store, as_of, error);
  ClFlagSettings settings;

  if (process == NULL)
    return NULL;
  cl_flag_settings_load (&settings, store);
  return cl_pipeline_inspect (store, process, &settings, as_of, owner_id, cancellable, error);
}

static int
compare_amounts (gconstpointer a,
                 gconstpointer b)
{
  const ClPipelineItem *x = *(ClPipelineItem * const *) a;
  const ClPipelineItem *y = *(ClPipelineItem * const *) b;

  return (y->state.amount_cents > x->state.amount_cents) - (y->state.amount_cents < x->state.amount_cents);
}

/* Where each deal's amount ranks among @items, the largest 1. */
static void
rank_amounts (GPtrArray *items)
{
  g_autoptr (GPtrArray) by_amount = g_ptr_array_copy (items, NULL, NULL);

  /* borrowed: the copy would otherwise unref the items it was given */
  g_ptr_array_set_free_func (by_amount, NULL);
  g_ptr_array_sort (by_amount, compare_amounts);
  for (guint i = 0; i < by_amount->len; i++)
    {
      ClPipelineItem *item = g_ptr_array_index (by_amount, i);
      ClPipelineItem *larger = i > 0 ? g_ptr_array_index (by_amount, i - 1) : NULL;

      item->amount_rank = larger != NULL && larger->state.amount_cents == item->state.amount_cents
                            ? larger->amount_rank : i + 1;
      item->n_deals = by_amount->len;
    }
}

/**
 * cl_pipeline_inspect:
 * @store: the workspace
 * @process: the sales process
 * @settings: the flag settings
 * @as_of: the day the pipeline is seen on
 * @owner_id: a rep's id, or 0 for every rep's deals
 * @cancellable: (nullable): a #GCancellable, checked once the deals are
 *   read, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * As cl_pipeline_snapshot (), over @store and flagged with @settings;
 * stage_index is an index into @process, for a caller that keeps the
 * process beside the snapshot.
 *
 * Returns: (transfer full) (nullable): a list of #ClPipelineItem, or %NULL
 *   with @error set
 */
GListModel *
cl_pipeline_inspect (ClStore               *store,
                     const ClProcess       *process,
                     const ClFlagSettings  *settings,
                     ClDay                  as_of,
                     gint64                 owner_id,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr (GPtrArray) facts = NULL;

  if ((facts = cl_deal_facts_load (store, as_of, owner_id, error)) == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return cl_pipeline_inspect_facts (facts, process, settings, as_of);
}

/* The deals cl_pipeline_inspect_facts () inspects in a thread of its own
 * from this many on: fewer take less time than starting it. */
#define INSPECTED_APART 2048

/* Facts [first, last) of @facts made items in the same places of @items. */
typedef struct
{
  GPtrArray            *facts;
  GPtrArray            *items;
  const ClProcess      *process;
  const ClFlagSettings *settings;
  ClDay                 as_of;
  guint                 first, last;
} InspectedRange;

static gpointer
inspect_range (gpointer data)
{
  InspectedRange *in = data;

  for (guint i = in->first; i < in->last; i++)
    {
      ClPipelineItem *item = g_object_new (CL_TYPE_PIPELINE_ITEM, NULL);
      g_autofree char *both = NULL;

      item->facts = g_steal_pointer (&in->facts->pdata[i]);
      cl_deal_state_at (item->facts, in->as_of, &item->state);
      item->flags = cl_flags_evaluate (in->process, item->facts, in->settings, in->as_of, NULL);
      item->days_in_stage = in->as_of - item->state.stage_entered_on;
      item->stage_index = cl_process_index (in->process, item->state.stage_id);
      /* most names fold to themselves lowered: they are searched in place */
      if (!cl_text_is_ascii (item->facts->deal->name) || !cl_text_is_ascii (item->facts->deal->account))
        {
          both = g_strconcat (item->facts->deal->name, "\n", item->facts->deal->account, NULL);
          item->search_text = cl_text_fold_unless_lowered (both);
        }
      item->currency = item->facts->deal->currency;
      item->risk = cl_risk_score (item->flags, item->state.amount_cents);
      in->items->pdata[i] = item;
    }
  return NULL;
}

/**
 * cl_pipeline_inspect_facts:
 * @facts: (element-type ClDealFacts): the open deals' facts as
 *   cl_deal_facts_load () read them, each taken out of @facts
 * @process: the sales process
 * @settings: the flag settings
 * @as_of: the day the facts were read for
 *
 * As cl_pipeline_inspect (), of facts read already: for a caller that
 * reads them while it reads the process beside them.
 *
 * Returns: (transfer full): a list of #ClPipelineItem
 */
GListModel *
cl_pipeline_inspect_facts (GPtrArray             *facts,
                           const ClProcess       *process,
                           const ClFlagSettings  *settings,
                           ClDay                  as_of)
{
  GPtrArray *items = g_ptr_array_new_full (facts->len, g_object_unref);
  InspectedRange halves[2];
  GThread *thread = NULL;

  g_ptr_array_set_size (items, facts->len);
  for (guint h = 0; h < G_N_ELEMENTS (halves); h++)
    halves[h] = (InspectedRange) { facts, items, process, settings, as_of,
                                   h * facts->len / 2, (h + 1) * facts->len / 2 };
  /* many deals are flagged on two cores: each item is the deal's own */
  if (facts->len >= INSPECTED_APART)
    thread = g_thread_new ("cl-inspect", inspect_range, &halves[1]);
  else
    inspect_range (&halves[1]);
  inspect_range (&halves[0]);
  if (thread != NULL)
    g_thread_join (thread);
  rank_amounts (items);
  return cl_fixed_list_new (CL_TYPE_PIPELINE_ITEM, items);
}

/**
 * cl_pipeline_item_matches_text:
 * @item: a deal of a snapshot
 * @needle: what is searched for, folded by cl_text_fold ()
 *
 * Returns: whether the deal's name or account holds @needle, accents and
 *   case aside
 */
gboolean
cl_pipeline_item_matches_text (const ClPipelineItem *item,
                               const char           *needle)
{
  if (item->search_text != NULL)
    return strstr (item->search_text, needle) != NULL;
  return cl_text_contains_lowered (item->facts->deal->name, needle)
         || cl_text_contains_lowered (item->facts->deal->account, needle);
}

/**
 * cl_pipeline_forget_unflagged_pasts:
 * @snapshot: a list of #ClPipelineItem inspected as of @as_of, not yet
 *   seen by another thread
 * @as_of: the day it was inspected on
 *
 * Lets go of the past of each deal of @snapshot that has no flags, as
 * cl_deal_facts_forget_past () does, and packs what every deal keeps
 * into one block (cl_deal_facts_pack ()): for a snapshot kept to be
 * shown, where only a flagged deal says why. Asked again from @as_of on,
 * the rules find what they found. At 100 000 deals, three in four
 * without flags, the pasts take 2 MB, not 7.
 */
void
cl_pipeline_forget_unflagged_pasts (GListModel *snapshot,
                                    ClDay       as_of)
{
  guint n = g_list_model_get_n_items (snapshot);
  g_autofree ClDealFacts **facts = g_new (ClDealFacts *, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      if (item->flags == 0)
        cl_deal_facts_forget_past (item->facts, as_of);
      facts[i] = item->facts;
    }
  cl_deal_facts_pack (facts, n);
}

/**
 * cl_pipeline_item_explain:
 * @item: a deal of the snapshot
 * @process: the sales process
 * @settings: the flag settings
 * @as_of: the day the flags are raised on
 *
 * The sentence of each flag raised on @item as of @as_of, worded for
 * showing, the most severe first, joined by newlines.
 *
 * Returns: (transfer full): the sentences, "" without flags
 */
char *
cl_pipeline_item_explain (ClPipelineItem       *item,
                          const ClProcess      *process,
                          const ClFlagSettings *settings,
                          ClDay                 as_of)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char *why[CL_N_FLAGS];

  cl_flags_evaluate_shown (process, item->facts, settings, as_of, why);
  for (int i = 0; i < CL_N_FLAGS; i++)
    {
      const char *sentence = why[cl_flags_by_severity[i]];

      if (sentence != NULL)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", sentence);
    }
  cl_flag_explanations_clear (why);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "4th largest open deal", or how many open deals it is larger than. */
static char *
describe_amount_rank (const ClPipelineItem *item)
{
  guint rank = item->amount_rank, n = MAX (item->n_deals, 1);
  int larger_than = 100 * (n - rank) / n;

  if (rank == 1)
    return g_strdup (_("largest open deal"));
  /* Translators: English ordinals, 2nd, 3rd and 4th to 10th; a language
   * with one form translates the three the same */
  if (rank <= 10)
    return g_strdup_printf (rank == 2 ? _("%und largest open deal")
                            : rank == 3 ? _("%urd largest open deal")
                            : _("%uth largest open deal"), rank);
  if (larger_than >= 50)
    return g_strdup_printf (_("larger than %d %% of open deals"), larger_than);
  return g_strdup_printf (_("smaller than %d %% of open deals"), (int) (100 * (rank - 1) / n));
}

/**
 * cl_pipeline_item_explain_risk:
 * @item: a deal of the snapshot
 * @process: the sales process
 * @settings: the flag settings
 * @as_of: the day the flags are raised on
 *
 * Why @item carries its risk, in one translated sentence: its level, its
 * two most severe flags and where its amount ranks ("High risk: past its
 * close date by 12 days and stalled 40 days in Proposal; 4th largest open
 * deal"). A deal without flags gets "No flags; " and its rank.
 *
 * Returns: (transfer full): the sentence
 */
char *
cl_pipeline_item_explain_risk (ClPipelineItem       *item,
                               const ClProcess      *process,
                               const ClFlagSettings *settings,
                               ClDay                 as_of)
{
  g_autofree char *rank = describe_amount_rank (item);
  g_autofree char *flags = NULL;
  const char *worst[2] = { NULL, NULL };
  char *phrases[CL_N_FLAGS];
  guint n = 0, raised;

  raised = cl_flags_describe (process, item->facts, settings, as_of, phrases);
  for (int i = 0; i < CL_N_FLAGS; i++)
    if (phrases[cl_flags_by_severity[i]] != NULL && n++ < G_N_ELEMENTS (worst))
      worst[n - 1] = phrases[cl_flags_by_severity[i]];
  if (n == 1)
    flags = g_strdup (worst[0]);
  else if (n == 2)
    /* Translators: two flags of a deal, the more severe first */
    flags = g_strdup_printf (_("%s and %s"), worst[0], worst[1]);
  else if (n > 2)
    /* Translators: the two most severe flags of a deal, then how many others */
    flags = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s and %u more flag",
                                          "%s, %s and %u more flags", n - 2),
                             worst[0], worst[1], n - 2);
  cl_flag_explanations_clear (phrases);

  switch (cl_risk_level (raised))
    {
    case CL_RISK_HIGH:
      /* Translators: the deal's flags, then where its amount ranks */
      return g_strdup_printf (_("High risk: %s; %s"), flags, rank);
    case CL_RISK_MEDIUM:
      /* Translators: the deal's flags, then where its amount ranks */
      return g_strdup_printf (_("Medium risk: %s; %s"), flags, rank);
    case CL_RISK_LOW:
      /* Translators: the deal's flags, then where its amount ranks */
      return g_strdup_printf (_("Low risk: %s; %s"), flags, rank);
    case CL_RISK_NONE:
      break;
    }
  /* Translators: where a deal without flags ranks by amount */
  return g_strdup_printf (_("No flags; %s"), rank);
}

/* ------------------------------------------------------------------ the agenda */

static int
compare_for_agenda (gconstpointer a,
                    gconstpointer b)
{
  const ClPipelineItem *x = *(ClPipelineItem * const *) a;
  const ClPipelineItem *y = *(ClPipelineItem * const *) b;

  if (x->risk != y->risk)
    return x->risk > y->risk ? -1 : 1;
  /* the same flags, the same points: most deals, those without any */
  if (x->flags != y->flags)
    {
      int points_x = cl_flags_severity_points (x->flags), points_y = cl_flags_severity_points (y->flags);

      if (points_x != points_y)
        return points_y - points_x;
    }
  if (x->state.amount_cents != y->state.amount_cents)
    return x->state.amount_cents > y->state.amount_cents ? -1 : 1;
  if (x->state.close_date != y->state.close_date)
    return x->state.close_date < y->state.close_date ? -1 : 1;
  return (x->facts->deal->id > y->facts->deal->id) - (x->facts->deal->id < y->facts->deal->id);
}

/**
 * cl_pipeline_agenda:
 * @snapshot: the pipeline, a list of #ClPipelineItem
 *
 * The order a review walks the deals of @snapshot in: the highest risk
 * first, then the most severe flags, the largest, the soonest to close.
 * A review opens on the first cl_pipeline_agenda_size_load () of them.
 *
 * Returns: (transfer full) (element-type ClPipelineItem): new references
 *   to every deal of @snapshot
 */
GPtrArray *
cl_pipeline_agenda (GListModel *snapshot)
{
  guint n = g_list_model_get_n_items (snapshot);
  GPtrArray *agenda = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (agenda, g_list_model_get_item (snapshot, i));
  g_ptr_array_sort (agenda, compare_for_agenda);
  return agenda;
}
