/* cl-flag-outcomes.c — which inspection flags went with a loss on this team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each closed deal's history is loaded once and rewound to the day of every
 * weekly review held while it was open; the flag rules run as of that day,
 * just as the review's pipeline showed them. What a review's day changes
 * besides the deal's fields is whether it was a repeat recital: the facts
 * get, for each day, the last two reviews by then if both discussed the
 * deal, as cl_deal_facts_load () would give them for that day.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "cl-flag-outcomes.h"

/* A day with a review held: the flags are evaluated once per such day. */
typedef struct
{
  ClDay held_on;
  int   last;      /* the day's last review, an index into the reviews held */
} ReviewDay;

typedef struct
{
  const ClProcess *process;
  ClFlagSettings   settings;
  GArray          *days;        /* ReviewDay, oldest first */
  GArray          *held;        /* ClDay of each review held, oldest first */
  GPtrArray       *discussed;   /* per review held: a set of the deal ids it decided on */
} Reviews;

static void
reviews_clear (Reviews *reviews)
{
  g_clear_pointer (&reviews->days, g_array_unref);
  g_clear_pointer (&reviews->held, g_array_unref);
  g_clear_pointer (&reviews->discussed, g_ptr_array_unref);
}

static int
by_held_on (gconstpointer a,
            gconstpointer b)
{
  const ClReview *x = *(ClReview * const *) a, *y = *(ClReview * const *) b;

  if (x->held_on != y->held_on)
    return x->held_on < y->held_on ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The reviews held by the end of @as_of, oldest first (the order the
 * loader takes the last two in), with the deals each discussed. */
static gboolean
load_reviews (ClStore  *store,
              ClDay     as_of,
              Reviews  *reviews,
              GError  **error)
{
  g_autoptr (GListModel) listed = cl_store_list_reviews (store, error);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  if (listed == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      ClReview *review = g_list_model_get_item (listed, i);

      if (review->held_on <= as_of)
        g_ptr_array_add (sorted, review);
      else
        g_object_unref (review);
    }
  g_ptr_array_sort (sorted, by_held_on);

  reviews->days = g_array_new (FALSE, FALSE, sizeof (ReviewDay));
  reviews->held = g_array_sized_new (FALSE, FALSE, sizeof (ClDay), sorted->len);
  reviews->discussed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < sorted->len; i++)
    {
      ClReview *review = g_ptr_array_index (sorted, i);
      g_autoptr (GListModel) decisions = cl_store_list_review_decisions (store, review->id, error);
      GHashTable *deals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      ReviewDay day = { review->held_on, i };

      if (decisions == NULL)
        return g_hash_table_unref (deals), FALSE;
      for (guint k = 0; k < g_list_model_get_n_items (decisions); k++)
        {
          g_autoptr (ClReviewDecision) decision = g_list_model_get_item (decisions, k);

          g_hash_table_add (deals, g_memdup2 (&decision->deal_id, sizeof decision->deal_id));
        }
      g_ptr_array_add (reviews->discussed, deals);
      g_array_append_val (reviews->held, review->held_on);
      /* a second review on the same day takes the day over */
      if (reviews->days->len > 0
          && g_array_index (reviews->days, ReviewDay, reviews->days->len - 1).held_on == review->held_on)
        g_array_index (reviews->days, ReviewDay, reviews->days->len - 1).last = i;
      else
        g_array_append_val (reviews->days, day);
    }
  return TRUE;
}

/* The first review day on or after @day. */
static guint
first_day_from (const Reviews *reviews,
                ClDay          day)
{
  guint low = 0, high = reviews->days->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (reviews->days, ReviewDay, mid).held_on < day)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The day of @facts' last change of status, after which it stays as it is
 * now; 0 when its history has none (it was created closed). */
static ClDay
last_status_change (const ClDealFacts *facts)
{
  for (guint i = facts->n_events; i > 0; i--)
    {
      const ClFactEvent *event = &facts->events[i - 1];

      if (event->field == CL_FACT_STATUS)
        return event->occurred_on;
    }
  return 0;
}

/* As cl_deal_facts_load () attaches them for a day whose last review is
 * @last: that review and the one before, if both discussed the deal. */
static void
attach_last_two (const Reviews *reviews,
                 ClDealFacts   *facts,
                 int            last)
{
  gint64 id = facts->deal->id;

  facts->previous_review_on = facts->last_review_on = 0;
  if (last < 1
      || !g_hash_table_contains (g_ptr_array_index (reviews->discussed, last), &id)
      || !g_hash_table_contains (g_ptr_array_index (reviews->discussed, last - 1), &id))
    return;
  facts->last_review_on = g_array_index (reviews->held, ClDay, last);
  facts->previous_review_on = g_array_index (reviews->held, ClDay, last - 1);
  /* the weeks only word the rule's sentence, which is not asked for */
}

/* The flags @facts carried at the reviews held while it was open, as bits;
 * sets *@seen when a review saw it open at all. */
static guint
flags_carried (const Reviews *reviews,
               ClDealFacts   *facts,
               gboolean      *seen)
{
  ClDay until = last_status_change (facts);
  guint carried = 0;

  *seen = FALSE;
  for (guint i = first_day_from (reviews, facts->deal->created_on); i < reviews->days->len; i++)
    {
      const ReviewDay *day = &g_array_index (reviews->days, ReviewDay, i);
      ClDealState state;

      if (day->held_on >= until)
        break;
      cl_deal_state_at (facts, day->held_on, &state);
      if (!state.existed || state.status != CL_DEAL_OPEN)
        continue;
      *seen = TRUE;
      attach_last_two (reviews, facts, day->last);
      carried |= cl_flags_evaluate (reviews->process, facts, &reviews->settings, day->held_on, NULL);
    }
  facts->previous_review_on = facts->last_review_on = 0;
  return carried;
}

static void
tally (ClFlagOutcomes *outcomes,
       guint           carried,
       gboolean        won)
{
  if (won)
    outcomes->won++;
  else
    outcomes->lost++;
  for (int f = 0; f < CL_N_FLAGS; f++)
    {
      ClFlagOutcome *row = &outcomes->rows[f];

      if (carried & (1u << f))
        {
          row->with_deals++;
          row->with_won += won;
        }
      else
        {
          row->without_deals++;
          row->without_won += won;
        }
    }
}

/* How much lower the win rate was with the flag, 0–1 either way. */
static double
drop (const ClFlagOutcome *row)
{
  return cl_flag_outcome_rate (row->without_won, row->without_deals)
         - cl_flag_outcome_rate (row->with_won, row->with_deals);
}

/* Enough history first, the largest drop first; ties and the rest in
 * ClFlag's order. */
static int
by_prediction (gconstpointer a,
               gconstpointer b)
{
  const ClFlagOutcome *x = a, *y = b;
  gboolean x_enough = cl_flag_outcome_has_enough (x), y_enough = cl_flag_outcome_has_enough (y);

  if (x_enough != y_enough)
    return x_enough ? -1 : 1;
  if (x_enough && drop (x) != drop (y))
    return drop (x) > drop (y) ? -1 : 1;
  return (int) x->flag - (int) y->flag;
}

/**
 * cl_flag_outcomes_compute:
 * @store: the workspace
 * @as_of: the last day whose closings count
 * @outcomes: (out caller-allocates): the table to fill
 * @error: return location for a #GError, or %NULL
 *
 * Fills @outcomes for the team's deals won or lost by the end of @as_of,
 * using the team's flag settings and the sales process as of @as_of. Each
 * closed deal's history is read once and rewound to the day of every
 * weekly review held while it was open. The rows come most predictive of a
 * loss first (the win rate without the flag less the rate with it, largest
 * first), then the rows without enough history, each group in #ClFlag's
 * order.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_flag_outcomes_compute (ClStore         *store,
                          ClDay            as_of,
                          ClFlagOutcomes  *outcomes,
                          GError         **error)
{
  g_autoptr (ClProcess) process = NULL;
  g_autoptr (GPtrArray) closed = NULL;
  Reviews reviews = { 0 };
  gboolean ok;

  g_return_val_if_fail (CL_IS_STORE (store), FALSE);
  g_return_val_if_fail (outcomes != NULL, FALSE);

  *outcomes = (ClFlagOutcomes) { .as_of = as_of };
  for (int f = 0; f < CL_N_FLAGS; f++)
    outcomes->rows[f].flag = f;
  if ((process = cl_process_load (store, as_of, error)) == NULL)
    return FALSE;
  reviews.process = process;
  cl_flag_settings_load (&reviews.settings, store);
  ok = load_reviews (store, as_of, &reviews, error)
       && (closed = cl_deal_facts_load_closed (store, as_of, error)) != NULL;
  for (guint i = 0; ok && i < closed->len; i++)
    {
      ClDealFacts *facts = g_ptr_array_index (closed, i);
      ClDealState state;
      gboolean seen;
      guint carried;

      cl_deal_state_at (facts, as_of, &state);
      if (state.status == CL_DEAL_DISQUALIFIED)
        {
          outcomes->disqualified++;
          continue;
        }
      carried = flags_carried (&reviews, facts, &seen);
      if (seen)
        tally (outcomes, carried, state.status == CL_DEAL_WON);
      else
        outcomes->unreviewed++;
    }
  reviews_clear (&reviews);
  qsort (outcomes->rows, CL_N_FLAGS, sizeof (ClFlagOutcome), by_prediction);
  return ok;
}

/**
 * cl_flag_outcome_has_enough:
 * @row: a flag's row
 *
 * Returns: %TRUE when both sides have %CL_FLAG_OUTCOMES_MIN_DEALS deals or
 *   more, else %FALSE
 */
gboolean
cl_flag_outcome_has_enough (const ClFlagOutcome *row)
{
  return row->with_deals >= CL_FLAG_OUTCOMES_MIN_DEALS && row->without_deals >= CL_FLAG_OUTCOMES_MIN_DEALS;
}

/**
 * cl_flag_outcome_rate:
 * @won: the deals won
 * @deals: the deals won or lost
 *
 * Returns: @won of @deals, 0–1; -1 when @deals is 0
 */
double
cl_flag_outcome_rate (int won,
                      int deals)
{
  return deals > 0 ? (double) won / deals : -1;
}

static int
percent (int won,
         int deals)
{
  return deals > 0 ? (int) lround (100.0 * won / deals) : 0;
}

/**
 * cl_flag_outcome_points:
 * @row: a flag's row
 *
 * The win rate without the flag less the rate with it, in points, each
 * rounded to a whole percent as cl_flag_outcome_describe () shows them.
 * Only meaningful with enough history.
 *
 * Returns: the difference, positive when the deals that carried the flag
 *   won less
 */
int
cl_flag_outcome_points (const ClFlagOutcome *row)
{
  return percent (row->without_won, row->without_deals) - percent (row->with_won, row->with_deals);
}

/**
 * cl_flag_outcome_describe_rates:
 * @row: a flag's row
 *
 * The row's win rates, translated: "34 % won with it (12 of 35), 61 %
 * without (98 of 160)", or why there is not enough history.
 *
 * Returns: (transfer full): the words
 */
char *
cl_flag_outcome_describe_rates (const ClFlagOutcome *row)
{
  if (!cl_flag_outcome_has_enough (row))
    /* Translators: closed deals that carried a flag at a review, those that
     * did not, and the fewest needed on each side */
    return g_strdup_printf (_("Not enough history: %d with it, %d without; at least %d needed on each side"),
                            row->with_deals, row->without_deals, CL_FLAG_OUTCOMES_MIN_DEALS);
  /* Translators: win rate in percent of the closed deals that carried the
   * flag, deals won of them; then the same for the deals that did not */
  return g_strdup_printf (_("%d %% won with it (%d of %d), %d %% without (%d of %d)"),
                          percent (row->with_won, row->with_deals), row->with_won, row->with_deals,
                          percent (row->without_won, row->without_deals), row->without_won,
                          row->without_deals);
}

/**
 * cl_flag_outcome_describe_difference:
 * @row: a flag's row
 *
 * How the win rates differ, translated: "27 points lower" (with the flag),
 * "3 points higher" or "no difference".
 *
 * Returns: (transfer full) (nullable): the words, or %NULL without enough
 *   history
 */
char *
cl_flag_outcome_describe_difference (const ClFlagOutcome *row)
{
  int points = cl_flag_outcome_points (row);

  if (!cl_flag_outcome_has_enough (row))
    return NULL;
  if (points == 0)
    /* Translators: the win rates with and without a flag were the same */
    return g_strdup (_("no difference"));
  if (points > 0)
    /* Translators: how much lower the win rate was with the flag */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point lower", "%d points lower", points), points);
  /* Translators: how much higher the win rate was with the flag */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point higher", "%d points higher", -points), -points);
}

/**
 * cl_flag_outcome_describe:
 * @row: a flag's row
 *
 * Both in a sentence: "34 % won with it (12 of 35), 61 % without (98 of
 * 160) — 27 points lower", or why there is not enough history.
 *
 * Returns: (transfer full): the sentence
 */
char *
cl_flag_outcome_describe (const ClFlagOutcome *row)
{
  g_autofree char *rates = cl_flag_outcome_describe_rates (row);
  g_autofree char *difference = cl_flag_outcome_describe_difference (row);

  if (difference == NULL)
    return g_steal_pointer (&rates);
  /* Translators: the win rates with and without a flag, then how they differ */
  return g_strdup_printf (_("%s — %s"), rates, difference);
}

/**
 * cl_flag_outcomes_explain:
 * @outcomes: the table
 *
 * Which deals the table counts and why, its minimum, and why the contact
 * and qualification rows partly reflect how deals ended, in a few
 * translated sentences for the people reading it.
 *
 * Returns: (transfer full): the sentences
 */
char *
cl_flag_outcomes_explain (const ClFlagOutcomes *outcomes)
{
  g_autofree char *day = cl_date_format (outcomes->as_of);
  g_autofree char *which = NULL, *hindsight = NULL;
  int counted = outcomes->won + outcomes->lost;

  /* Translators: deals won or lost by a day, the day, how many were won,
   * then the fewest deals a side needs */
  which = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%d deal won or lost by %s that a weekly review saw open, %d won. "
                                        "A deal carries a flag if its rule fired on the day of a review; "
                                        "disqualified deals are left out, as the team ended them, not the "
                                        "buyer. Under %d deals on either side, a difference is mostly "
                                        "chance: not enough history.",
                                        "%d deals won or lost by %s that a weekly review saw open, %d won. "
                                        "A deal carries a flag if its rule fired on the day of a review; "
                                        "disqualified deals are left out, as the team ended them, not the "
                                        "buyer. Under %d deals on either side, a difference is mostly "
                                        "chance: not enough history.",
                                        counted),
                           counted, day, outcomes->won, CL_FLAG_OUTCOMES_MIN_DEALS);
  /* Translators: follows the sentences above; two flags' names, as the
   * table shows them */
  hindsight = g_strdup_printf (_("Contacts and qualification keep no history: %s and %s read them as they "
                                 "are now, after the deal closed, so those two rows partly reflect how "
                                 "deals ended."),
                               cl_flag_label (CL_FLAG_SINGLE_THREADED), cl_flag_label (CL_FLAG_QUALIFICATION_GAP));
  return g_strconcat (which, " ", hindsight, NULL);
}
