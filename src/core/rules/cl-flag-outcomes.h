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

gboolean  cl_flag_outcomes_compute  (ClStore             *store,
                                     ClDay                as_of,
                                     ClFlagOutcomes      *outcomes,
                                     GError             **error);

gboolean  cl_flag_outcome_has_enough (const ClFlagOutcome *row);
double    cl_flag_outcome_rate      (int                  won,
                                     int                  deals);
int       cl_flag_outcome_points    (const ClFlagOutcome *row);
char     *cl_flag_outcome_describe_rates      (const ClFlagOutcome *row);
char     *cl_flag_outcome_describe_difference (const ClFlagOutcome *row);
char     *cl_flag_outcome_describe  (const ClFlagOutcome *row);
char     *cl_flag_outcomes_explain  (const ClFlagOutcomes *outcomes);

G_END_DECLS
