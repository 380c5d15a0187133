/* cl-shared-review.h — a teammate's weekly review, read back from the team
 * library to be walked like one's own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* One deal as the review saw it; text as the document has it, "" when absent. */
typedef struct
{
  char    *name;
  char    *account;
  char    *owner;
  char    *stage;
  gint64   amount_cents;
  char    *currency;
  char    *close_date;
  char    *next_step;
  gint64   days_in_stage;
  char    *flag_reasons;     /* one reason a line */
  int      decision;         /* a ClDecisionKind, or -1: not discussed */
  char    *decision_note;
  char    *action_text;      /* the next action, "" without one */
  char    *action_owner;
  char    *action_due;
} ClSharedReviewDeal;

typedef struct
{
  char      *week;
  gboolean   held;
  char      *held_on;
  char      *notes;
  char      *exported_by;
  char      *exported_at;
  GPtrArray *deals;          /* ClSharedReviewDeal: the deals discussed, or every deal of an unheld review */
  guint      n_decisions;    /* other than keep */
} ClSharedReview;

void            cl_shared_review_free (ClSharedReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSharedReview, cl_shared_review_free)

ClSharedReview *cl_shared_review_load (ClStore    *store,
                                       gint64      library_id,
                                       GError    **error);

JsonNode       *cl_summary_load_document (ClStore    *store,
                                          gint64      library_id,
                                          char      **format,
                                          GError    **error);

G_END_DECLS
