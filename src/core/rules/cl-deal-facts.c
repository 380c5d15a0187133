/* cl-deal-facts.c — what the flag rules look at, loaded in bulk
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads each table once, whatever the number of deals, and
 * hangs the rows on their deal through a hash table. A deal's past is
 * recovered by undoing, newest first, the events after the day asked for.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cl-deal-facts.h"

/* ------------------------------------------------------------------ process */

/**
 * cl_process_new_from_stages:
 * @stages: the stages, a list of #ClStage by position
 *
 * The process of @stages, each stage's stall threshold its own when it has
 * one, else the team's; nothing is learned from history. The process keeps
 * a reference to each stage.
 *
 * Returns: (transfer full): the process, freed with cl_process_free ()
 */
ClProcess *
cl_process_new_from_stages (GListModel *stages)
{
  ClProcess *process = g_new0 (ClProcess, 1);
  guint n = g_list_model_get_n_items (stages);

  process->stages = g_ptr_array_new_with_free_func (g_object_unref);
  process->stall = g_new0 (ClStallThreshold, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      ClStage *stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (process->stages, stage);
      cl_stall_threshold_apply (&process->stall[i], stage->stalled_days);
    }
  return process;
}

/**
 * cl_stall_threshold_apply:
 * @stall: the threshold
 * @own_days: the stage's own threshold in days, or 0 when it has none
 *
 * Puts @own_days in force when the stage has its own (> 0), else what
 * @stall learned, else the team's (days 0, %CL_STALL_FROM_TEAM).
 */
void
cl_stall_threshold_apply (ClStallThreshold *stall,
                          int               own_days)
{
  if (own_days > 0)
    stall->days = own_days, stall->source = CL_STALL_FROM_STAGE;
  else if (stall->learned_days > 0)
    stall->days = stall->learned_days, stall->source = CL_STALL_FROM_HISTORY;
  else
    stall->days = 0, stall->source = CL_STALL_FROM_TEAM;
}

/**
 * cl_process_learn_stall:
 * @days: (element-type int) (nullable): the days won deals spent in a
 *   stage, sorted from the shortest
 *
 * The threshold the team's history gives a stage (see #ClStallThreshold),
 * put in force: %CL_STALL_FACTOR times the median stay, rounded up, never
 * under %CL_STALL_FLOOR_DAYS.
 *
 * Returns: the threshold; %CL_STALL_FROM_TEAM with no days learned when
 *   @days is %NULL or holds fewer than %CL_STALL_MIN_WON stays
 */
ClStallThreshold
cl_process_learn_stall (GArray *days)
{
  ClStallThreshold learned = { .source = CL_STALL_FROM_TEAM, .n_stays = days ? days->len : 0 };
  int middle;

  if (days == NULL || days->len < CL_STALL_MIN_WON)
    return learned;
  /* the median of an even count is the mean of the two middle stays */
  middle = g_array_index (days, int, days->len / 2);
  if (days->len % 2 == 0)
    middle = (middle + g_array_index (days, int, days->len / 2 - 1) + 1) / 2;
  learned.median_days = middle;
  learned.learned_days = MAX (CL_STALL_FLOOR_DAYS, (int) ceil (CL_STALL_FACTOR * middle));
  cl_stall_threshold_apply (&learned, 0);
  return learned;
}

/**
 * cl_process_load:
 * @store: the workspace
 * @as_of: the day whose history teaches the stall thresholds
 * @error: return location for a #GError, or %NULL
 *
 * The workspace's sales process, each stage with its stall threshold: its
 * own when it has one, else learned from the latest deals won by @as_of
 * (so a past review flags as it did on its day), else the team's.
 *
 * Returns: (transfer full) (nullable): the process, or %NULL with @error
 *   set
 */
ClProcess *
cl_process_load (ClStore  *store,
                 ClDay     as_of,
                 GError  **error)
{
  g_autoptr (GListModel) stages = cl_store_list_stages (store, error);
  g_autoptr (GHashTable) won_days = NULL;
  ClProcess *process;

  if (stages == NULL
      || (won_days = cl_store_list_won_stage_days (store, as_of, CL_STALL_RECENT_WON, error)) == NULL)
    return NULL;
  process = cl_process_new_from_stages (stages);
  for (guint i = 0; i < process->stages->len; i++)
    {
      ClStage *stage = g_ptr_array_index (process->stages, i);

      /* what history says is kept beside a threshold set by hand, to show */
      process->stall[i] = cl_process_learn_stall (g_hash_table_lookup (won_days, &stage->id));
      cl_stall_threshold_apply (&process->stall[i], stage->stalled_days);
    }
  return process;
}

/**
 * cl_process_stall:
 * @process: the process
 * @stage_id: a stage's id
 *
 * Returns: (transfer none) (nullable): the stall threshold of @stage_id,
 *   or %NULL for a stage outside the process
 */
const ClStallThreshold *
cl_process_stall (const ClProcess *process,
                  gint64           stage_id)
{
  int index = cl_process_index (process, stage_id);

  return index < 0 ? NULL : &process->stall[index];
}

static gpointer
ref_stage (gconstpointer stage,
           gpointer      unused)
{
  return g_object_ref ((gpointer) stage);
}

/**
 * cl_process_copy:
 * @process: the process
 *
 * A copy of @process, its stages shared, its stall thresholds its own: for
 * a window that keeps the process a snapshot was inspected with after the
 * snapshot is gone.
 *
 * Returns: (transfer full): the copy, freed with cl_process_free ()
 */
ClProcess *
cl_process_copy (const ClProcess *process)
{
  ClProcess *copy = g_new0 (ClProcess, 1);

  /* the copy frees its stages as the original does */
  copy->stages = g_ptr_array_copy (process->stages, ref_stage, NULL);
  copy->stall = g_memdup2 (process->stall, sizeof (ClStallThreshold) * MAX (process->stages->len, 1));
  return copy;
}

/**
 * cl_process_free:
 * @process: (nullable): the process
 *
 * Frees @process and drops its references to the stages. Does nothing
 * with %NULL.
 */
void
cl_process_free (ClProcess *process)
{
  if (process == NULL)
    return;
  g_ptr_array_unref (process->stages);
  g_free (process->stall);
  g_free (process);
}

/**
 * cl_process_index:
 * @process: the process
 * @stage_id: a stage's id
 *
 * Returns: the index of the stage in the process, or -1 for a stage
 *   outside it
 */
int
cl_process_index (const ClProcess *process,
                  gint64           stage_id)
{
  for (guint i = 0; i < process->stages->len; i++)
    if (((ClStage *) g_ptr_array_index (process->stages, i))->id == stage_id)
      return i;
  return -1;
}

/**
 * cl_process_find:
 * @process: the process
 * @stage_id: a stage's id
 *
 * Returns: (transfer none) (nullable): the stage, or %NULL for a stage
 *   outside the process
 */
const ClStage *
cl_process_find (const ClProcess *process,
                 gint64           stage_id)
{
  int index = cl_process_index (process, stage_id);

  return index < 0 ? NULL : g_ptr_array_index (process->stages, index);
}

/**
 * cl_process_required_by:
 * @process: the process
 * @stage_id: a stage's id
 *
 * Returns: every qualification element required at or before @stage_id,
 *   as #ClMeddicElement bits; 0 for a stage outside the process
 */
guint
cl_process_required_by (const ClProcess *process,
                        gint64           stage_id)
{
  int index = cl_process_index (process, stage_id);
  guint required = 0;

  for (int i = 0; i <= index; i++)
    required |= ((ClStage *) g_ptr_array_index (process->stages, i))->required_meddic;
  return required;
}

/* ------------------------------------------------------------------ facts */

/* Facts without a deal yet: a history read before its deal. */
static ClDealFacts *
new_history (void)
{
  return g_new0 (ClDealFacts, 1);
}

/* Frees @facts' events and texts, or lets go of the block they lie in. */
static void
drop_arrays (ClDealFacts *facts)
{
  if (facts->block != NULL)
    g_atomic_rc_box_release (g_steal_pointer (&facts->block));
  else
    {
      g_free (facts->events);
      g_free (facts->texts);
    }
  facts->events = NULL;
  facts->texts = NULL;
  facts->events_room = facts->texts_room = 0;
}

/* Gives @facts events and texts of their own, copied out of the block
 * they shared, to add to. */
static void
own_arrays (ClDealFacts *facts)
{
  ClFactEvent *events;
  char *texts;

  if (facts->block == NULL)
    return;
  events = g_memdup2 (facts->events, facts->n_events * sizeof (ClFactEvent));
  texts = g_memdup2 (facts->texts, facts->texts_len);
  drop_arrays (facts);
  facts->events = events;
  facts->texts = texts;
  facts->events_room = facts->n_events;
  facts->texts_room = facts->texts_len;
}

/**
 * cl_deal_facts_new:
 * @deal: the deal
 *
 * Facts for @deal with no history, contacts, qualification or reviews yet.
 * The facts keep a reference to @deal.
 *
 * Returns: (transfer full): the facts, freed with cl_deal_facts_free ()
 */
ClDealFacts *
cl_deal_facts_new (ClDeal *deal)
{
  ClDealFacts *facts = new_history ();

  facts->deal = g_object_ref (deal);
  return facts;
}

/**
 * cl_deal_facts_free:
 * @facts: (nullable): the facts
 *
 * Frees @facts, its events and its reference to the deal. Does nothing
 * with %NULL.
 */
void
cl_deal_facts_free (ClDealFacts *facts)
{
  if (facts == NULL)
    return;
  g_clear_object (&facts->deal);
  drop_arrays (facts);
  g_free (facts);
}

/* Grows *@array, of @size-byte elements with room for *@room, to hold
 * @more after its first @len, doubling. */
static void
make_room (gpointer *array,
           guint    *room,
           guint     len,
           gsize     more,
           gsize     size)
{
  gsize want = MAX (*room, 4);

  if (len + more <= *room)
    return;
  while (want < len + more)
    want *= 2;
  if (want > G_MAXUINT)
    g_error ("a deal's history is over %u bytes", G_MAXUINT);
  *array = g_realloc_n (*array, want, size);
  *room = want;
}

/* Gives *@array, of @size-byte elements with room for *@room, room for
 * its @len only. */
static void
fit_room (gpointer *array,
          guint    *room,
          guint     len,
          gsize     size)
{
  if (*room == len)
    return;
  *array = len > 0 ? g_realloc_n (*array, len, size) : (g_free (*array), NULL);
  *room = len;
}

/* Adds @text (none is empty) to @facts' texts; its offset there. */
static gint64
add_text (ClDealFacts *facts,
          const char  *text)
{
  gsize size = text ? strlen (text) + 1 : 1;
  guint offset = facts->texts_len;

  make_room ((gpointer *) &facts->texts, &facts->texts_room, facts->texts_len, size, 1);
  memcpy (facts->texts + offset, text ? text : "", size);
  facts->texts_len += size;
  return offset;
}

/* A value of @field as #ClFactEvent keeps it; not a next step's, which
 * is a text. */
static gint64
parse_value (ClFactField  field,
             const char  *text)
{
  ClDay day = 0;

  switch (field)
    {
    case CL_FACT_CLOSE_DATE:
      cl_date_parse (text, &day);
      return day;
    case CL_FACT_STATUS:
      return MAX (0, cl_enum_from_string (cl_deal_status_names, text));
    case CL_FACT_STAGE:
    case CL_FACT_AMOUNT:
    case CL_FACT_NEXT_STEP:
    default:
      return text ? g_ascii_strtoll (text, NULL, 10) : 0;
    }
}

/* Reads a change of @field into @event, but for a next step's old text
 * (its old_value is left 0); FALSE for a field not followed. */
static gboolean
read_change (ClDay        occurred_on,
             const char  *field,
             const char  *old_value,
             const char  *new_value,
             ClFactEvent *event)
{
  static const char * const followed[] = {
    [CL_FACT_STAGE] = "stage",
    [CL_FACT_AMOUNT] = "amount",
    [CL_FACT_CLOSE_DATE] = "close_date",
    [CL_FACT_NEXT_STEP] = "next_step",
    [CL_FACT_STATUS] = "status",
    NULL
  };
  int f = cl_enum_from_string (followed, field);

  if (f < 0)
    return FALSE;
  /* a next step's new text is the next one's old text, or the deal's */
  *event = (ClFactEvent) {
    .occurred_on = occurred_on,
    .field = f,
    .old_value = f != CL_FACT_NEXT_STEP ? parse_value (f, old_value) : 0,
    .new_value = f != CL_FACT_NEXT_STEP ? parse_value (f, new_value) : 0,
  };
  return TRUE;
}

/**
 * cl_deal_facts_add_change:
 * @facts: the facts
 * @occurred_on: the day of the change: the rules read the events in the
 *   order they were added, which must be oldest first
 * @field: the field changed, as the history names it: "stage", "amount",
 *   "close_date", "next_step" or "status" (any other is not followed, and
 *   left out)
 * @old_value: (nullable): its value before, as the history keeps it
 * @new_value: (nullable): its value after
 *
 * Adds a change to @facts' history, its values read once as #ClFactEvent
 * keeps them; a next step's old text is copied.
 */
void
cl_deal_facts_add_change (ClDealFacts *facts,
                          ClDay        occurred_on,
                          const char  *field,
                          const char  *old_value,
                          const char  *new_value)
{
  ClFactEvent event;

  if (!read_change (occurred_on, field, old_value, new_value, &event))
    return;
  own_arrays (facts);
  if (event.field == CL_FACT_NEXT_STEP)
    event.old_value = add_text (facts, old_value);
  make_room ((gpointer *) &facts->events, &facts->events_room, facts->n_events, 1, sizeof (ClFactEvent));
  facts->events[facts->n_events++] = event;
}

/**
 * cl_deal_facts_text:
 * @facts: the facts
 * @offset: a next step's value in one of @facts' events
 *
 * Returns: (transfer none): the next step's text, empty when there was
 *   none; valid until a change is added to @facts
 */
const char *
cl_deal_facts_text (const ClDealFacts *facts,
                    gint64             offset)
{
  g_return_val_if_fail (facts->texts != NULL && offset >= 0 && offset < facts->texts_len, "");
  return facts->texts + offset;
}

/**
 * cl_deal_state_at:
 * @facts: the deal's facts, its events oldest first
 * @day: the day asked about
 * @state: (out caller-allocates): the state to fill
 *
 * Fills @state with the fields the history records as they stood at the
 * end of @day, undoing the events after it, newest first. The stage was
 * entered on the latest stage change by @day, else when the deal was
 * created. @state's next step is borrowed from @facts.
 */
void
cl_deal_state_at (const ClDealFacts *facts,
                  ClDay              day,
                  ClDealState       *state)
{
  ClDeal *deal = facts->deal;
  gboolean entry_found = FALSE;

  *state = (ClDealState) {
    .stage_id = deal->stage_id,
    .stage_entered_on = deal->created_on,
    .amount_cents = deal->amount_cents,
    .close_date = deal->close_date,
    .next_step = deal->next_step ? deal->next_step : "",
    .status = deal->status,
    .existed = deal->created_on <= day,
  };

  for (guint i = facts->n_events; i > 0; i--)
    {
      const ClFactEvent *event = &facts->events[i - 1];

      if (event->occurred_on <= day)
        {
          /* the latest stage change by @day is when the stage was entered */
          if (!entry_found && event->field == CL_FACT_STAGE)
            {
              state->stage_entered_on = event->occurred_on;
              entry_found = TRUE;
            }
          continue;
        }
      switch (event->field)
        {
        case CL_FACT_STAGE:
          state->stage_id = event->old_value;
          break;
        case CL_FACT_AMOUNT:
          state->amount_cents = event->old_value;
          break;
        case CL_FACT_CLOSE_DATE:
          state->close_date = event->old_value;
          break;
        case CL_FACT_NEXT_STEP:
          state->next_step = cl_deal_facts_text (facts, event->old_value);
          break;
        case CL_FACT_STATUS:
          state->status = event->old_value;
          break;
        }
    }
}

/**
 * cl_deal_facts_forget_past:
 * @facts: a deal's facts, its events oldest first
 * @as_of: the day the deal was inspected on
 *
 * Lets go of what @facts know of the deal before @as_of that
 * cl_deal_state_at () does not need from @as_of on: every event by then
 * but the latest change of stage, which says when the stage was entered,
 * the next steps those events named, and the reviews. For a deal the
 * rules raised no flag on as of @as_of, which they then find again from
 * what is left; a deal with flags keeps its past to explain them. The
 * memory goes once cl_deal_facts_pack () moves what is left.
 */
void
cl_deal_facts_forget_past (ClDealFacts *facts,
                           ClDay        as_of)
{
  gboolean stage_kept = FALSE, text_kept = FALSE;
  guint kept = facts->n_events;

  /* newest first, moved to the end of the array in their order */
  for (guint i = facts->n_events; i > 0; i--)
    {
      const ClFactEvent *event = &facts->events[i - 1];

      if (event->occurred_on <= as_of && (event->field != CL_FACT_STAGE || stage_kept))
        continue;
      stage_kept |= event->field == CL_FACT_STAGE && event->occurred_on <= as_of;
      text_kept |= event->field == CL_FACT_NEXT_STEP;
      facts->events[--kept] = *event;
    }
  facts->n_events -= kept;
  if (facts->n_events > 0)
    memmove (facts->events, facts->events + kept, facts->n_events * sizeof (ClFactEvent));
  if (!text_kept)
    facts->texts_len = 0;
  facts->previous_review_on = facts->last_review_on = 0;
  facts->previous_review_week = facts->last_review_week = NULL;
}

/**
 * cl_deal_facts_pack:
 * @facts: (array length=n_facts): facts read already
 * @n_facts: how many
 *
 * Moves the events and texts of @facts into one block they share, freed
 * with the last of them, and frees the arrays they had: for a snapshot
 * kept long, whose facts were read as the rows came, each array grown in
 * turn, and which cl_deal_facts_forget_past () may have shortened since.
 * Those arrays lay among one another; once they are all freed, the
 * pages they took can go back to the system, as the scattered holes of
 * a few freed would not.
 */
void
cl_deal_facts_pack (ClDealFacts **facts,
                    guint         n_facts)
{
  gsize events_size = 0, texts_size = 0;
  char *block, *events_at, *texts_at;

  for (guint i = 0; i < n_facts; i++)
    {
      events_size += facts[i]->n_events * sizeof (ClFactEvent);
      texts_size += facts[i]->texts_len;
    }
  block = g_atomic_rc_box_alloc (MAX (events_size + texts_size, 1));
  events_at = block;
  texts_at = block + events_size;
  for (guint i = 0; i < n_facts; i++)
    {
      ClDealFacts *each = facts[i];
      gsize n_events = each->n_events * sizeof (ClFactEvent);

      if (n_events > 0)
        memcpy (events_at, each->events, n_events);
      if (each->texts_len > 0)
        memcpy (texts_at, each->texts, each->texts_len);
      drop_arrays (each);
      each->events = n_events > 0 ? (ClFactEvent *) (gpointer) events_at : NULL;
      each->texts = each->texts_len > 0 ? texts_at : NULL;
      each->events_room = each->n_events;
      each->texts_room = each->texts_len;
      each->block = g_atomic_rc_box_acquire (block);
      events_at += n_events;
      texts_at += each->texts_len;
    }
  g_atomic_rc_box_release (block);
}

/* ------------------------------------------------------------------ loading */

/* The history's rows as they are read, each change beside the facts it
 * is of. The facts' arrays are made once every row is in, each to its
 * size and one after the other (place_changes ()): grown row by row, each
 * left the copies it outgrew among the others, pages that the memory of
 * a snapshot held long kept. */
typedef struct
{
  ClDealFacts *facts;
  ClFactEvent  event;   /* a next step's old_value: an offset into the read's texts */
} ReadChange;

typedef struct
{
  GArray  *changes;     /* ReadChange, in the order read */
  GString *texts;       /* the next steps' old texts, each ending in NUL */
} ReadRows;

static void
add_change (gpointer    data,
            gpointer    deal_data,
            ClDay       occurred_on,
            const char *field,
            const char *old_value,
            const char *new_value)
{
  ReadRows *read = data;
  ReadChange change = { deal_data };

  if (!read_change (occurred_on, field, old_value, new_value, &change.event))
    return;
  if (change.facts->n_events == G_MAXUINT)
    g_error ("a deal's history is over %u events", G_MAXUINT);
  if (change.event.field == CL_FACT_NEXT_STEP)
    {
      gsize size = old_value ? strlen (old_value) + 1 : 1;

      if (size > G_MAXUINT - change.facts->texts_len)
        g_error ("a deal's history is over %u bytes", G_MAXUINT);
      change.event.old_value = read->texts->len;
      g_string_append_len (read->texts, old_value ? old_value : "", size);
      change.facts->texts_len += size;
    }
  change.facts->n_events++;
  g_array_append_val (read->changes, change);
}

/* The same, added to the facts' arrays as the rows come: no more memory
 * at once than the arrays, for a read used and let go. */
static void
add_change_grown (gpointer    data,
                  gpointer    deal_data,
                  ClDay       occurred_on,
                  const char *field,
                  const char *old_value,
                  const char *new_value)
{
  cl_deal_facts_add_change (deal_data, occurred_on, field, old_value, new_value);
}

static void
set_contacts (gpointer data,
              gpointer deal_data,
              int      n_contacts)
{
  ClDealFacts *facts = deal_data;

  facts->n_contacts = n_contacts;
}

static void
add_known_element (gpointer        data,
                   gpointer        deal_data,
                   ClMeddicElement element)
{
  ClDealFacts *facts = deal_data;

  facts->known_meddic |= 1u << element;
}

static const ClDealRowFuncs placed_rows = { add_change, set_contacts, add_known_element };
static const ClDealRowFuncs grown_rows = { add_change_grown, set_contacts, add_known_element };

/* Attaches the last two reviews, which both discussed the deal. */
static void
set_reviews (gpointer            data,
             const ClReviewPair *reviews)
{
  ClDealFacts *facts = data;

  facts->last_review_on = reviews->held_on[0];
  facts->previous_review_on = reviews->held_on[1];
  facts->last_review_week = g_intern_string (reviews->week[0]);
  facts->previous_review_week = g_intern_string (reviews->week[1]);
}

static int
by_day (gconstpointer a,
        gconstpointer b,
        gpointer      unused)
{
  const ClFactEvent *x = a, *y = b;

  return (x->occurred_on > y->occurred_on) - (x->occurred_on < y->occurred_on);
}

/* Puts @facts' events, placed in the order they were recorded, oldest
 * first; the sort is stable, so one day's keep their order. */
static void
sort_events (ClDealFacts *facts)
{
  for (guint i = 1; i < facts->n_events; i++)
    if (facts->events[i].occurred_on < facts->events[i - 1].occurred_on)
      {
        g_qsort_with_data (facts->events, facts->n_events, sizeof (ClFactEvent), by_day, NULL);
        return;
      }
}

/* Gives each facts of @by_id the changes @read holds for it, in arrays of
 * its size, made one after the other; then sorts them by day. */
static void
place_changes (ReadRows   *read,
               GHashTable *by_id)
{
  GHashTableIter iter;
  gpointer value;

  /* the rooms count what is placed until all is */
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ClDealFacts *facts = value;

      facts->events = facts->n_events > 0 ? g_new (ClFactEvent, facts->n_events) : NULL;
      facts->texts = facts->texts_len > 0 ? g_malloc (facts->texts_len) : NULL;
      facts->events_room = facts->texts_room = 0;
    }
  for (guint i = 0; i < read->changes->len; i++)
    {
      const ReadChange *change = &g_array_index (read->changes, ReadChange, i);
      ClDealFacts *facts = change->facts;
      ClFactEvent event = change->event;

      if (event.field == CL_FACT_NEXT_STEP)
        {
          const char *text = read->texts->str + event.old_value;
          gsize size = strlen (text) + 1;

          memcpy (facts->texts + facts->texts_room, text, size);
          event.old_value = facts->texts_room;
          facts->texts_room += size;
        }
      facts->events[facts->events_room++] = event;
    }
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sort_events (value);
}

/* Reads the history, contacts and qualification of the deals of @by_id
 * (deal id → #ClDealFacts without events yet): @rows and @id as
 * cl_store_each_deal_row () takes them. For a snapshot kept long
 * (@placed), each deal's arrays are made once all is read (ReadRows);
 * else they grow as the rows come, and are fitted once all is in. */
static gboolean
read_rows (ClStore     *store,
           ClDealRows   rows,
           gint64       id,
           GHashTable  *by_id,
           gboolean     placed,
           GError     **error)
{
  GHashTableIter iter;
  gpointer value;

  if (placed)
    {
      ReadRows read = { g_array_new (FALSE, FALSE, sizeof (ReadChange)), g_string_new (NULL) };
      gboolean ok = cl_store_each_deal_row (store, rows, id, by_id, &placed_rows, &read, error);

      if (ok)
        place_changes (&read, by_id);
      g_array_unref (read.changes);
      g_string_free (read.texts, TRUE);
      return ok;
    }
  if (!cl_store_each_deal_row (store, rows, id, by_id, &grown_rows, NULL, error))
    return FALSE;
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ClDealFacts *facts = value;

      fit_room ((gpointer *) &facts->texts, &facts->texts_room, facts->texts_len, 1);
      fit_room ((gpointer *) &facts->events, &facts->events_room, facts->n_events, sizeof (ClFactEvent));
      sort_events (facts);
    }
  return TRUE;
}

/* Facts for each of @deals (ClDeal) with their history, contacts and
 * qualification, in the list's order, each also in @by_id under its deal's
 * id; no reviews attached. @rows with @id keeps the store from reading
 * other deals' rows. */
static GPtrArray *
load_facts (ClStore     *store,
            GPtrArray   *deals,
            ClDealRows   rows,
            gint64       id,
            GHashTable  *by_id,
            GError     **error)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_full (deals->len, (GDestroyNotify) cl_deal_facts_free);

  for (guint i = 0; i < deals->len; i++)
    {
      ClDealFacts *facts = cl_deal_facts_new (g_ptr_array_index (deals, i));

      g_ptr_array_add (all, facts);
      g_hash_table_insert (by_id, &facts->deal->id, facts);
    }
  if (!read_rows (store, rows, id, by_id, FALSE, error))
    return NULL;
  return g_steal_pointer (&all);
}

/* The facts of @all whose deal was open at the end of @as_of (@open TRUE)
 * or closed then (FALSE), moved out of @all; the order stays the store's. */
static GPtrArray *
keep_by_status_on (GPtrArray *all,
                   ClDay      as_of,
                   gboolean   open)
{
  GPtrArray *kept = g_ptr_array_new_full (all->len, (GDestroyNotify) cl_deal_facts_free);

  for (guint i = 0; i < all->len; i++)
    {
      ClDealFacts *facts = g_ptr_array_index (all, i);
      ClDealState state;

      cl_deal_state_at (facts, as_of, &state);
      if (state.existed && (state.status == CL_DEAL_OPEN) == open)
        g_ptr_array_add (kept, g_steal_pointer (&all->pdata[i]));
    }
  return kept;
}

/* The facts of @all (their deals in @by_id) open at the end of @as_of,
 * with the last two reviews by then when both discussed the deal. */
static GPtrArray *
keep_open_on (ClStore     *store,
              ClDay        as_of,
              GPtrArray   *all,
              GHashTable  *by_id,
              GError     **error)
{
  if (!cl_store_each_deal_reviewed_twice (store, as_of, by_id, set_reviews, error))
    return NULL;
  return keep_by_status_on (all, as_of, TRUE);
}

/**
 * cl_deal_facts_load:
 * @store: the workspace
 * @as_of: the day the deals are open on
 * @owner_id: a rep's id, or 0 for every rep's deals
 * @error: return location for a #GError, or %NULL
 *
 * Facts for every deal open at the end of @as_of, the largest by its
 * amount now first, with their history, contacts and qualification and
 * the last two reviews by @as_of when both discussed the deal; only
 * @owner_id's deals when it is not 0. Each table is read once, however
 * many deals there are.
 *
 * Returns: (transfer full) (nullable) (element-type ClDealFacts): the
 *   facts, or %NULL with @error set
 */
GPtrArray *
cl_deal_facts_load (ClStore  *store,
                    ClDay     as_of,
                    gint64    owner_id,
                    GError  **error)
{
  g_autoptr (GPtrArray) deals = cl_store_list_deals_open_on (store, as_of, owner_id, error);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = NULL;

  if (deals == NULL || (all = load_facts (store, deals, CL_DEAL_ROWS_OWNED_BY, owner_id, by_id, error)) == NULL)
    return NULL;
  return keep_open_on (store, as_of, all, by_id, error);
}

/**
 * cl_deal_facts_read_history:
 * @store: the workspace
 * @as_of: the day the deals are open on
 * @owner_id: a rep's id, or 0 for every rep's deals
 * @error: return location for a #GError, or %NULL
 *
 * The history, contacts and qualification of the deals cl_deal_facts_load ()
 * loads, without the deals themselves: for a caller that lists the deals
 * on another connection meanwhile (cl_store_list_deals_open_on ()), then
 * joins the two with cl_deal_facts_join ().
 *
 * Returns: (transfer full) (nullable): deal id (gint64 *) → #ClDealFacts
 *   whose deal is not set yet, or %NULL with @error set
 */
GHashTable *
cl_deal_facts_read_history (ClStore  *store,
                            ClDay     as_of,
                            gint64    owner_id,
                            GError  **error)
{
  g_autoptr (GArray) ids = cl_store_list_deal_ids_open_on (store, as_of, owner_id, error);
  g_autoptr (GHashTable) history = NULL;

  if (ids == NULL)
    return NULL;
  history = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) cl_deal_facts_free);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (history, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)), new_history ());
  if (!read_rows (store, CL_DEAL_ROWS_OWNED_BY, owner_id, history, TRUE, error))
    return NULL;
  return g_steal_pointer (&history);
}

/**
 * cl_deal_facts_join:
 * @store: the workspace, for the deals' reviews
 * @as_of: the day the deals are open on
 * @deals: (element-type ClDeal): the deals cl_store_list_deals_open_on ()
 *   listed for @as_of
 * @history: what cl_deal_facts_read_history () read for @as_of; each
 *   deal's is taken out of it
 * @error: return location for a #GError, or %NULL
 *
 * What cl_deal_facts_load () returns, of @deals and their @history read
 * apart. A deal listed without a history (added between the two reads)
 * has none.
 *
 * Returns: (transfer full) (nullable) (element-type ClDealFacts): the
 *   facts, or %NULL with @error set
 */
GPtrArray *
cl_deal_facts_join (ClStore     *store,
                    ClDay        as_of,
                    GPtrArray   *deals,
                    GHashTable  *history,
                    GError     **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = g_ptr_array_new_full (deals->len, (GDestroyNotify) cl_deal_facts_free);

  for (guint i = 0; i < deals->len; i++)
    {
      ClDeal *deal = g_ptr_array_index (deals, i);
      gpointer id = NULL, found = NULL;
      ClDealFacts *facts;

      if (g_hash_table_steal_extended (history, &deal->id, &id, &found))
        {
          g_free (id);
          facts = found;
          facts->deal = g_object_ref (deal);
        }
      else
        facts = cl_deal_facts_new (deal);
      g_ptr_array_add (all, facts);
      g_hash_table_insert (by_id, &facts->deal->id, facts);
    }
  return keep_open_on (store, as_of, all, by_id, error);
}

/* The open deals' history, read apart (cl_store_read_apart ()). */
typedef struct
{
  ClDay       as_of;
  gint64      owner_id;
  GHashTable *history;
} HistoryRead;

static gboolean
read_history (ClStore  *store,
              gpointer  data,
              GError  **error)
{
  HistoryRead *read = data;

  read->history = cl_deal_facts_read_history (store, read->as_of, read->owner_id, error);
  return read->history != NULL;
}

/**
 * cl_deal_facts_load_apart:
 * @store: the workspace, not in a transaction with changes of its own (the
 *   history is read on another connection, which would not see them)
 * @as_of: the day the deals are open on
 * @owner_id: a rep's id, or 0 for every rep's deals
 * @meanwhile: (scope call) (nullable): what else to read on @store while
 *   the history is read, or %NULL
 * @data: what @meanwhile is given
 * @error: return location for a #GError, or %NULL
 *
 * As cl_deal_facts_load (), on two cores: the deals' history is read on a
 * connection and a thread of their own while @store lists the deals, then
 * runs @meanwhile. Each read is its own, as each of cl_deal_facts_load ()'s
 * queries is: a deal added between them has no history yet.
 *
 * Returns: (transfer full) (nullable) (element-type ClDealFacts): the
 *   facts, or %NULL with @error set (by @meanwhile too)
 */
GPtrArray *
cl_deal_facts_load_apart (ClStore      *store,
                          ClDay         as_of,
                          gint64        owner_id,
                          ClStoreRead   meanwhile,
                          gpointer      data,
                          GError      **error)
{
  HistoryRead read = { as_of, owner_id };
  ClStoreReadApart *apart = cl_store_read_apart (cl_store_get_path (store), read_history, &read);
  g_autoptr (GPtrArray) deals = cl_store_list_deals_open_on (store, as_of, owner_id, error);
  gboolean ok = deals != NULL && (meanwhile == NULL || meanwhile (store, data, error));
  GPtrArray *facts = NULL;

  /* the first failure is the one told */
  if (cl_store_read_apart_join (apart, ok ? error : NULL) && ok)
    facts = cl_deal_facts_join (store, as_of, deals, read.history, error);
  g_clear_pointer (&read.history, g_hash_table_unref);
  return facts;
}

/**
 * cl_deal_facts_load_closed:
 * @store: the workspace
 * @as_of: the day the deals are closed on
 * @error: return location for a #GError, or %NULL
 *
 * Facts for every deal won, lost or disqualified at the end of @as_of, in
 * the order they were added, loaded at once however many there are. A
 * deal reopened since, open now, is not among them: finding it would mean
 * reading every open deal's history. No review is attached
 * (previous_review_on and last_review_on are 0): each day the caller
 * rewinds a deal to has its own.
 *
 * Returns: (transfer full) (nullable) (element-type ClDealFacts): the
 *   facts, or %NULL with @error set
 */
GPtrArray *
cl_deal_facts_load_closed (ClStore  *store,
                           ClDay     as_of,
                           GError  **error)
{
  g_autoptr (GPtrArray) deals = cl_store_list_closed_deals (store, as_of, error);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = NULL;

  if (deals == NULL || (all = load_facts (store, deals, CL_DEAL_ROWS_CLOSED_NOW, 0, by_id, error)) == NULL)
    return NULL;
  return keep_by_status_on (all, as_of, FALSE);
}

/**
 * cl_deal_facts_load_one:
 * @store: the workspace
 * @deal_id: the deal's id
 * @as_of: the day whose last two reviews say whether it was recited
 * @error: return location for a #GError, or %NULL
 *
 * Facts for @deal_id, open or closed, with its history, contacts and
 * qualification.
 *
 * Returns: (transfer full) (nullable): the facts, or %NULL with @error set
 */
ClDealFacts *
cl_deal_facts_load_one (ClStore  *store,
                        gint64    deal_id,
                        ClDay     as_of,
                        GError  **error)
{
  g_autoptr (ClDeal) deal = cl_store_get_deal (store, deal_id, error);
  g_autoptr (GPtrArray) deals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = NULL;

  if (deal == NULL)
    return NULL;
  g_ptr_array_add (deals, g_steal_pointer (&deal));
  if ((all = load_facts (store, deals, CL_DEAL_ROWS_ONE, deal_id, by_id, error)) == NULL
      || !cl_store_each_deal_reviewed_twice (store, as_of, by_id, set_reviews, error))
    return NULL;
  return g_ptr_array_steal_index (all, 0);
}
