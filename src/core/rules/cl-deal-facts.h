/* cl-deal-facts.h — what the flag rules look at: a deal, its history, its
 * contacts and qualification, the sales process; and the deal as it stood
 * on any past day
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The sales process, indexed for the rules. */
typedef struct
{
  GPtrArray *stages;   /* ClStage, by position */
} ClProcess;

ClProcess     *cl_process_new_from_stages (GListModel   *stages);
ClProcess     *cl_process_load            (ClStore      *store,
                                           GError      **error);
void           cl_process_free            (ClProcess    *process);
const ClStage *cl_process_find            (const ClProcess *process,
                                           gint64        stage_id);
/* the index of the stage in the process, or -1 */
int            cl_process_index           (const ClProcess *process,
                                           gint64        stage_id);
/* every element required at or before @stage_id, as ClMeddicElement bits */
guint          cl_process_required_by     (const ClProcess *process,
                                           gint64        stage_id);

typedef struct
{
  ClDeal    *deal;            /* the row as stored now */
  GPtrArray *events;          /* ClDealEvent, oldest first */
  int        n_contacts;
  guint      known_meddic;    /* bits of the elements partial or confirmed */
  /* the two latest reviews that discussed the deal, if they were the last
   * two reviews held (so consecutive); 0 otherwise */
  ClDay      previous_review_on;
  ClDay      last_review_on;
  char      *previous_review_week;
  char      *last_review_week;
} ClDealFacts;

ClDealFacts *cl_deal_facts_new  (ClDeal      *deal);
void         cl_deal_facts_free (ClDealFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClDealFacts, cl_deal_facts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClProcess, cl_process_free)

/* The fields the history records, as they stood at the end of @day. */
typedef struct
{
  gint64       stage_id;
  ClDay        stage_entered_on;
  gint64       amount_cents;
  ClDay        close_date;
  const char  *next_step;     /* borrowed from the facts */
  ClDealStatus status;
  gboolean     existed;       /* FALSE before the deal was created */
} ClDealState;

void         cl_deal_state_at   (const ClDealFacts *facts,
                                 ClDay              day,
                                 ClDealState       *state);

/* Facts for every deal open at the end of @as_of, largest first; only
 * @owner_id's when it is not 0. */
GPtrArray   *cl_deal_facts_load (ClStore      *store,
                                 ClDay         as_of,
                                 gint64        owner_id,
                                 GError      **error);

/* Facts for every deal won, lost or disqualified at the end of @as_of, in
 * the order they were added, loaded at once however many there are. A
 * deal reopened since, open now, is not among them: finding it would mean
 * reading every open deal's history. No review is attached
 * (previous_review_on and last_review_on are 0): each day the caller
 * rewinds a deal to has its own.
 *
 * Returns: (transfer full) (nullable): an array of ClDealFacts, or NULL
 * with @error */
GPtrArray   *cl_deal_facts_load_closed (ClStore    *store,
                                        ClDay       as_of,
                                        GError    **error);

G_END_DECLS
