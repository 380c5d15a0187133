/* cl-review-outcome.h — what a weekly review produced: its decisions by
 * kind, every one counted as the export and loop health count them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-model.h"

G_BEGIN_DECLS

#define CL_N_DECISION_KINDS (CL_DECISION_NEXT_ACTION + 1)

typedef struct
{
  guint by_kind[CL_N_DECISION_KINDS];
} ClReviewOutcome;

void        cl_review_outcome_add     (ClReviewOutcome       *outcome,
                                       ClDecisionKind         kind);
guint       cl_review_outcome_count   (const ClReviewOutcome *outcome);
guint       cl_review_outcome_actions (const ClReviewOutcome *outcome);
const char *cl_review_outcome_warning (const ClReviewOutcome *outcome);

G_END_DECLS
