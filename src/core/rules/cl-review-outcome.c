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

/**
 * cl_review_outcome_add:
 * @outcome: the review's outcome
 * @kind: the kind of the decision
 *
 * Counts one decision of @kind. A next action is also the action it
 * created.
 */
void
cl_review_outcome_add (ClReviewOutcome *outcome,
                       ClDecisionKind   kind)
{
  g_return_if_fail (kind >= CL_DECISION_KEEP && kind < CL_N_DECISION_KINDS);
  outcome->by_kind[kind]++;
}

/**
 * cl_review_outcome_count:
 * @outcome: the review's outcome
 *
 * Counts every decision, "keep" included: a kept deal was discussed and
 * decided.
 *
 * Returns: the number of decisions
 */
guint
cl_review_outcome_count (const ClReviewOutcome *outcome)
{
  guint n = 0;

  for (int kind = 0; kind < CL_N_DECISION_KINDS; kind++)
    n += outcome->by_kind[kind];
  return n;
}

/**
 * cl_review_outcome_actions:
 * @outcome: the review's outcome
 *
 * Returns: the next actions the review created, one per next-action
 *   decision
 */
guint
cl_review_outcome_actions (const ClReviewOutcome *outcome)
{
  return outcome->by_kind[CL_DECISION_NEXT_ACTION];
}

/**
 * cl_review_outcome_warning:
 * @outcome: the review's outcome
 *
 * What to say of a review that decided nothing.
 *
 * Returns: (transfer none) (nullable): the warning, translated, or %NULL
 *   when the review decided something
 */
const char *
cl_review_outcome_warning (const ClReviewOutcome *outcome)
{
  if (cl_review_outcome_count (outcome) > 0)
    return NULL;
  return _("A review that decides nothing was a meeting, not a loop: loop health will count this "
           "week as held without decisions.");
}
