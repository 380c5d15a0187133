/* cl-review-outcome.c — what a weekly review produced
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review's output, for loop health, is a decision of any kind (see
 * reviewed_weeks in cl-loop-health.c), and the export counts each kind; the
 * window's counter and its summary count the same way, so a review that
 * only kept deals is a review that decided, and one that decided nothing
 * is told so in the words loop health will judge it by.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-review-outcome.h"

void
cl_review_outcome_add (ClReviewOutcome *outcome,
                       ClDecisionKind   kind)
{
  g_return_if_fail (kind >= CL_DECISION_KEEP && kind < CL_N_DECISION_KINDS);
  outcome->by_kind[kind]++;
}

guint
cl_review_outcome_count (const ClReviewOutcome *outcome)
{
  guint n = 0;

  for (int kind = 0; kind < CL_N_DECISION_KINDS; kind++)
    n += outcome->by_kind[kind];
  return n;
}

guint
cl_review_outcome_actions (const ClReviewOutcome *outcome)
{
  return outcome->by_kind[CL_DECISION_NEXT_ACTION];
}

const char *
cl_review_outcome_warning (const ClReviewOutcome *outcome)
{
  if (cl_review_outcome_count (outcome) > 0)
    return NULL;
  return _("A review that decides nothing was a meeting, not a loop: loop health will count this "
           "week as held without decisions.");
}
