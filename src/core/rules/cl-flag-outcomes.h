/* cl-flag-outcomes.h — which inspection flags went with a loss on this
 * team: the win rate of the closed deals that carried each flag at a
 * weekly review, against those that did not
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-flags.h"

G_BEGIN_DECLS

/* Below ten deals on either side, one deal moves a win rate by ten points
 * or more: the difference would be mostly chance, so the row says "not
 * enough history" instead of a difference. */
#define CL_FLAG_OUTCOMES_MIN_DEALS 10

/* One flag: the deals counted that carried it at some review, and the others. */
typedef struct
{
  ClFlag flag;
  int    with_deals;
  int    with_won;
  int    without_deals;
  int    without_won;
} ClFlagOutcome;

/* The deals counted are those won or lost by @as_of that a weekly review
 * held while they were open could see: a deal carried a flag when its rule
 * fired as of the day of such a review. Disqualified deals are left out —
 * the team ended them, often because of the very flags, not the buyer — and
 * so are deals no review saw open. */
typedef struct
{
  ClDay         as_of;
  int           won;
  int           lost;
  int           disqualified;          /* left out */
  int           unreviewed;            /* won or lost, no review saw them open: left out */
  ClFlagOutcome rows[CL_N_FLAGS];      /* see cl_flag_outcomes_compute () */
} ClFlagOutcomes;

/* Fills @outcomes for the team's deals closed by the end of @as_of, using
 * the team's flag settings. The rows come most predictive of a loss first
 * (the win rate without the flag less the rate with it, largest first),
 * then the rows without enough history, each group in ClFlag's order.
 * Reads each closed deal's history once, however many reviews it saw. */
gboolean  cl_flag_outcomes_compute  (ClStore             *store,
                                     ClDay                as_of,
                                     ClFlagOutcomes      *outcomes,
                                     GError             **error);

/* Whether both sides have CL_FLAG_OUTCOMES_MIN_DEALS deals or more. */
gboolean  cl_flag_outcome_has_enough (const ClFlagOutcome *row);
/* @won of @deals, 0–1; -1 when @deals is 0 */
double    cl_flag_outcome_rate      (int                  won,
                                     int                  deals);
/* The win rate without the flag less the rate with it, in points, each
 * rounded to a whole percent as cl_flag_outcome_describe () shows them:
 * positive when the deals that carried the flag won less. Only meaningful
 * with enough history. */
int       cl_flag_outcome_points    (const ClFlagOutcome *row);
/* The row's win rates, "34 % won with it (12 of 35), 61 % without (98 of
 * 160)", or why there is not enough history.
 *
 * Returns: (transfer full): the words */
char     *cl_flag_outcome_describe_rates      (const ClFlagOutcome *row);
/* How the win rates differ, "27 points lower" (with the flag), "3 points
 * higher" or "no difference".
 *
 * Returns: (transfer full) (nullable): the words; NULL without enough
 * history */
char     *cl_flag_outcome_describe_difference (const ClFlagOutcome *row);
/* Both in a sentence: "34 % won with it (12 of 35), 61 % without (98 of
 * 160) — 27 points lower", or why there is not enough history.
 *
 * Returns: (transfer full): the sentence */
char     *cl_flag_outcome_describe  (const ClFlagOutcome *row);
/* Which deals the table counts and why, and its minimum, in a few
 * sentences for the people reading it.
 *
 * Returns: (transfer full): the sentences */
char     *cl_flag_outcomes_explain  (const ClFlagOutcomes *outcomes);

G_END_DECLS
