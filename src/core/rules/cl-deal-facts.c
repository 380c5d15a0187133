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

#include "cl-deal-facts.h"
#include "cl-store-private.h"

/* ------------------------------------------------------------------ process */

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

const ClStallThreshold *
cl_process_stall (const ClProcess *process,
                  gint64           stage_id)
{
  int index = cl_process_index (process, stage_id);

  return index < 0 ? NULL : &process->stall[index];
}

void
cl_process_free (ClProcess *process)
{
  if (process == NULL)
    return;
  g_ptr_array_unref (process->stages);
  g_free (process->stall);
  g_free (process);
}

int
cl_process_index (const ClProcess *process,
                  gint64           stage_id)
{
  for (guint i = 0; i < process->stages->len; i++)
    if (((ClStage *) g_ptr_array_index (process->stages, i))->id == stage_id)
      return i;
  return -1;
}

const ClStage *
cl_process_find (const ClProcess *process,
                 gint64           stage_id)
{
  int index = cl_process_index (process, stage_id);

  return index < 0 ? NULL : g_ptr_array_index (process->stages, index);
}

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

ClDealFacts *
cl_deal_facts_new (ClDeal *deal)
{
  ClDealFacts *facts = g_new0 (ClDealFacts, 1);

  facts->deal = g_object_ref (deal);
  facts->events = g_ptr_array_new_with_free_func (g_object_unref);
  return facts;
}

void
cl_deal_facts_free (ClDealFacts *facts)
{
  if (facts == NULL)
    return;
  g_object_unref (facts->deal);
  g_ptr_array_unref (facts->events);
  g_free (facts->previous_review_week);
  g_free (facts->last_review_week);
  g_free (facts);
}

static gint64
parse_int (const char *text)
{
  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static ClDay
parse_day (const char *text)
{
  ClDay day = 0;

  if (text != NULL)
    cl_date_parse (text, &day);
  return day;
}

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

  for (guint i = facts->events->len; i > 0; i--)
    {
      ClDealEvent *event = g_ptr_array_index (facts->events, i - 1);

      if (event->occurred_on <= day)
        {
          /* the latest stage change by @day is when the stage was entered */
          if (!entry_found && g_str_equal (event->field, "stage"))
            {
              state->stage_entered_on = event->occurred_on;
              entry_found = TRUE;
            }
          continue;
        }
      if (g_str_equal (event->field, "stage"))
        state->stage_id = parse_int (event->old_value);
      else if (g_str_equal (event->field, "amount"))
        state->amount_cents = parse_int (event->old_value);
      else if (g_str_equal (event->field, "close_date"))
        state->close_date = parse_day (event->old_value);
      else if (g_str_equal (event->field, "next_step"))
        state->next_step = event->old_value ? event->old_value : "";
      else if (g_str_equal (event->field, "status"))
        state->status = MAX (0, cl_enum_from_string (cl_deal_status_names, event->old_value));
    }
}

/* ------------------------------------------------------------------ loading */

/* Runs a query whose first column is a deal id and hands each row of a
 * loaded deal to @apply. */
static gboolean
for_each_deal_row (ClStore     *store,
                   GHashTable  *by_id,
                   gint64       owner_id,
                   const char  *sql,
                   void       (*apply) (ClDealFacts *, sqlite3_stmt *),
                   GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (store, error, sql, "I", owner_id);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deal_id = sqlite3_column_int64 (stmt, 0);
      ClDealFacts *facts = g_hash_table_lookup (by_id, &deal_id);

      if (facts != NULL)
        apply (facts, stmt);
    }
  return cl_store_query_done (store, stmt, rc, error);
}

/* columns: deal id, id, occurred on, field, old value, new value; oldest first */
static void
apply_event (ClDealFacts  *facts,
             sqlite3_stmt *stmt)
{
  ClDealEvent *event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

  event->deal_id = facts->deal->id;
  event->id = sqlite3_column_int64 (stmt, 1);
  event->occurred_on = cl_column_day (stmt, 2);
  event->field = cl_column_text (stmt, 3);
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    event->old_value = cl_column_text (stmt, 4);
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    event->new_value = cl_column_text (stmt, 5);
  g_ptr_array_add (facts->events, event);
}

static void
apply_contacts (ClDealFacts  *facts,
                sqlite3_stmt *stmt)
{
  facts->n_contacts = sqlite3_column_int (stmt, 1);
}

static void
apply_qualification (ClDealFacts  *facts,
                     sqlite3_stmt *stmt)
{
  int element = cl_column_enum (stmt, 1, cl_meddic_names);

  if (element >= 0)
    facts->known_meddic |= 1u << element;
}

/* Marks the deals that both of the last two reviews discussed. */
static gboolean
mark_discussed_twice (ClStore     *store,
                      GHashTable  *by_id,
                      gint64       ids[2],
                      char        *weeks[2],
                      ClDay        held[2],
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_store_query (store, error,
                         "SELECT a.deal_id FROM review_decisions a JOIN review_decisions b "
                         "ON b.deal_id = a.deal_id AND b.review_id = ? WHERE a.review_id = ?",
                         "II", ids[1], ids[0]);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deal_id = sqlite3_column_int64 (stmt, 0);
      ClDealFacts *facts = g_hash_table_lookup (by_id, &deal_id);

      if (facts == NULL)
        continue;
      facts->last_review_on = held[0];
      facts->previous_review_on = held[1];
      facts->last_review_week = g_strdup (weeks[0]);
      facts->previous_review_week = g_strdup (weeks[1]);
    }
  return cl_store_query_done (store, stmt, rc, error);
}

/* The last two reviews held by @as_of, and which deals both discussed. */
static gboolean
attach_reviews (ClStore     *store,
                GHashTable  *by_id,
                ClDay        as_of,
                GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (store, error,
                                       "SELECT id, week, held_on FROM reviews WHERE held_on <= ? "
                                       "ORDER BY held_on DESC, id DESC LIMIT 2", "d", as_of);
  gint64 ids[2] = { 0, 0 };
  char *weeks[2] = { NULL, NULL };
  gboolean ok;
  ClDay held[2] = { 0, 0 };
  int n = 0, rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n < 2)
    {
      ids[n] = sqlite3_column_int64 (stmt, 0);
      weeks[n] = cl_column_text (stmt, 1);
      held[n] = cl_column_day (stmt, 2);
      n++;
    }
  ok = cl_store_query_done (store, stmt, rc, error);
  if (ok && n == 2)
    ok = mark_discussed_twice (store, by_id, ids, weeks, held, error);
  g_free (weeks[0]);
  g_free (weeks[1]);
  return ok;
}

/* Which deals' rows load_facts () reads, ?1 bound: an owner's (0 for
 * everyone's), or the deals closed now that are an owner's (0 likewise). */
#define OWNED_BY   "AND (?1 = 0 OR deal_id IN (SELECT id FROM deals WHERE owner_id = ?1)) "
#define CLOSED_NOW "AND deal_id IN (SELECT id FROM deals WHERE status <> 'open' AND ?1 IN (0, owner_id)) "
#define ONE_DEAL   "AND deal_id = ?1 "

/* Facts for each of @deals (ClDeal) with their history, contacts and
 * qualification, in the list's order, each also in @by_id under its deal's
 * id; no reviews attached. @which (OWNED_BY, CLOSED_NOW) with @owner_id
 * bound keeps SQLite from reading other deals' rows. */
static GPtrArray *
load_facts (ClStore     *store,
            GListModel  *deals,
            const char  *which,
            gint64       owner_id,
            GHashTable  *by_id,
            GError     **error)
{
  guint n = g_list_model_get_n_items (deals);
  g_autoptr (GPtrArray) all = g_ptr_array_new_full (n, (GDestroyNotify) cl_deal_facts_free);
  g_autofree char *events = g_strconcat ("SELECT deal_id, id, occurred_on, field, old_value, new_value "
                                         "FROM deal_events WHERE field <> 'created' ", which,
                                         "ORDER BY deal_id, occurred_on, id", NULL);
  g_autofree char *contacts = g_strconcat ("SELECT deal_id, count(*) FROM contacts WHERE 1 ", which,
                                           "GROUP BY deal_id", NULL);
  g_autofree char *qualification = g_strconcat ("SELECT deal_id, element FROM qualification "
                                                "WHERE state <> 'unknown' ", which, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClDeal) deal = g_list_model_get_item (deals, i);
      ClDealFacts *facts = cl_deal_facts_new (deal);

      g_ptr_array_add (all, facts);
      g_hash_table_insert (by_id, &facts->deal->id, facts);
    }
  if (!for_each_deal_row (store, by_id, owner_id, events, apply_event, error)
      || !for_each_deal_row (store, by_id, owner_id, contacts, apply_contacts, error)
      || !for_each_deal_row (store, by_id, owner_id, qualification, apply_qualification, error))
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

GPtrArray *
cl_deal_facts_load (ClStore  *store,
                    ClDay     as_of,
                    gint64    owner_id,
                    GError  **error)
{
  g_autoptr (GListModel) deals = cl_store_list_deals_open_on (store, as_of, owner_id, error);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = NULL;

  if (deals == NULL || (all = load_facts (store, deals, OWNED_BY, owner_id, by_id, error)) == NULL
      || !attach_reviews (store, by_id, as_of, error))
    return NULL;
  return keep_by_status_on (all, as_of, TRUE);
}

GPtrArray *
cl_deal_facts_load_closed (ClStore  *store,
                           ClDay     as_of,
                           GError  **error)
{
  g_autoptr (GListModel) deals = cl_store_list_closed_deals (store, as_of, error);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = NULL;

  if (deals == NULL || (all = load_facts (store, deals, CLOSED_NOW, 0, by_id, error)) == NULL)
    return NULL;
  return keep_by_status_on (all, as_of, FALSE);
}

ClDealFacts *
cl_deal_facts_load_one (ClStore  *store,
                        gint64    deal_id,
                        ClDay     as_of,
                        GError  **error)
{
  g_autoptr (ClDeal) deal = cl_store_get_deal (store, deal_id, error);
  g_autoptr (GListStore) deals = g_list_store_new (CL_TYPE_DEAL);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all = NULL;

  if (deal == NULL)
    return NULL;
  g_list_store_append (deals, deal);
  if ((all = load_facts (store, G_LIST_MODEL (deals), ONE_DEAL, deal_id, by_id, error)) == NULL
      || !attach_reviews (store, by_id, as_of, error))
    return NULL;
  return g_ptr_array_steal_index (all, 0);
}
