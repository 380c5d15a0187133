/* cl-deal-facts.h — what the flag rules look at: a deal, its history, its
 * contacts and qualification, the sales process; and the deal as it stood
 * on any past day
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Where a stage's stall threshold comes from. */
typedef enum {
  CL_STALL_FROM_TEAM,      /* neither set nor learned: the team's "stalled after" */
  CL_STALL_FROM_STAGE,     /* set for the stage in the sales process */
  CL_STALL_FROM_HISTORY,   /* learned from the deals the team won */
} ClStallSource;

/* How long a deal may sit in a stage before it is stalled. Learned, it is
 * CL_STALL_FACTOR times the median days the team's latest CL_STALL_RECENT_WON
 * won deals spent in the stage, never under CL_STALL_FLOOR_DAYS, once
 * CL_STALL_MIN_WON stays are known: rotting, as Pipedrive calls it, is a
 * stage's own pace, and the team's pace now. */
typedef struct
{
  int           days;          /* in force; 0 with CL_STALL_FROM_TEAM */
  ClStallSource source;
  int           learned_days;  /* what the won deals say, in force or not; 0: too few */
  int           median_days;   /* of the won deals' stays in the stage */
  guint         n_stays;       /* how many stays of won deals were known */
} ClStallThreshold;

#define CL_STALL_FACTOR      1.5
#define CL_STALL_FLOOR_DAYS  14
#define CL_STALL_MIN_WON     5
#define CL_STALL_RECENT_WON  1000

/* The sales process, indexed for the rules. */
typedef struct
{
  GPtrArray        *stages;   /* ClStage, by position */
  ClStallThreshold *stall;    /* by position, as stages */
} ClProcess;

/* The process of @stages, their stall thresholds their own or the team's. */
ClProcess     *cl_process_new_from_stages (GListModel   *stages);
/**
 * cl_process_load:
 * @as_of: the day whose history teaches the stall thresholds
 *
 * The workspace's sales process, each stage with its stall threshold: its
 * own when it has one, else learned from the latest deals won by @as_of
 * (so a past review flags as it did on its day), else the team's.
 *
 * Returns: (transfer full) (nullable): the process, NULL on error
 */
ClProcess     *cl_process_load            (ClStore      *store,
                                           ClDay         as_of,
                                           GError      **error);
/**
 * cl_process_learn_stall:
 * @days: (element-type int) (nullable): the days won deals spent in a
 *   stage, sorted
 *
 * The threshold the team's history gives a stage (see ClStallThreshold),
 * in force; CL_STALL_FROM_TEAM when @days holds too few stays.
 */
ClStallThreshold cl_process_learn_stall   (GArray       *days);
/* Puts @own_days in force when the stage has its own (> 0), else what
 * @stall learned, else the team's. */
void           cl_stall_threshold_apply   (ClStallThreshold *stall,
                                           int           own_days);
/* The stall threshold of @stage_id; NULL for a stage outside the process. */
const ClStallThreshold *cl_process_stall  (const ClProcess *process,
                                           gint64        stage_id);
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

/**
 * cl_deal_facts_load_one:
 * @as_of: the day whose last two reviews say whether it was recited
 *
 * Facts for @deal_id, open or closed, with its history, contacts and
 * qualification.
 *
 * Returns: (transfer full) (nullable): the facts, or NULL with @error
 */
ClDealFacts *cl_deal_facts_load_one   (ClStore    *store,
                                       gint64      deal_id,
                                       ClDay       as_of,
                                       GError    **error);

G_END_DECLS
