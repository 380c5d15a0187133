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

ClProcess     *cl_process_new_from_stages (GListModel   *stages);
ClProcess     *cl_process_load            (ClStore      *store,
                                           ClDay         as_of,
                                           GError      **error);
ClStallThreshold cl_process_learn_stall   (GArray       *days);
void           cl_stall_threshold_apply   (ClStallThreshold *stall,
                                           int           own_days);
const ClStallThreshold *cl_process_stall  (const ClProcess *process,
                                           gint64        stage_id);
ClProcess     *cl_process_copy            (const ClProcess *process);
void           cl_process_free            (ClProcess    *process);
const ClStage *cl_process_find            (const ClProcess *process,
                                           gint64        stage_id);
int            cl_process_index           (const ClProcess *process,
                                           gint64        stage_id);
guint          cl_process_required_by     (const ClProcess *process,
                                           gint64        stage_id);

/* The fields of a deal's history the rules follow. */
typedef enum {
  CL_FACT_STAGE,
  CL_FACT_AMOUNT,
  CL_FACT_CLOSE_DATE,
  CL_FACT_NEXT_STEP,
  CL_FACT_STATUS,
} ClFactField;

/* A change of one of those fields, its values read once, when loaded: a
 * stage id, cents, a day (0 when none or unreadable), a #ClDealStatus
 * (unknown ones open), or for a next step the offset of its old text in the
 * facts' texts (its new text is the next event's old one, or the deal's
 * own: new_value is 0). A million of them are a flat array, not objects. */
typedef struct
{
  ClDay       occurred_on;
  ClFactField field;
  gint64      old_value;
  gint64      new_value;
} ClFactEvent;

/* A snapshot holds every open deal's facts: each is one allocation with
 * two arrays sized to fit, not objects (see cl_deal_facts_add_change ()),
 * or for a snapshot kept long, the arrays lie in a block the facts share
 * (cl_deal_facts_pack ()). */
typedef struct
{
  ClDeal      *deal;            /* the row as stored now */
  ClFactEvent *events;          /* oldest first */
  guint        n_events;
  guint        events_room;     /* how many @events has room for */
  char        *texts;           /* the next steps the events name, each ending in NUL; NULL when none */
  guint        texts_len;
  guint        texts_room;
  gpointer     block;           /* when set, @events and @texts lie in this block, shared with
                                 * other facts (see cl_deal_facts_pack ()); NULL: their own */
  int          n_contacts;
  guint        known_meddic;    /* bits of the elements partial or confirmed */
  /* the two latest reviews that discussed the deal, if they were the last
   * two reviews held (so consecutive); 0 otherwise; their weeks interned */
  ClDay        previous_review_on;
  ClDay        last_review_on;
  const char  *previous_review_week;
  const char  *last_review_week;
} ClDealFacts;

ClDealFacts *cl_deal_facts_new  (ClDeal      *deal);
void         cl_deal_facts_free (ClDealFacts *facts);
void         cl_deal_facts_add_change (ClDealFacts *facts,
                                       ClDay        occurred_on,
                                       const char  *field,
                                       const char  *old_value,
                                       const char  *new_value);
const char  *cl_deal_facts_text (const ClDealFacts *facts,
                                 gint64             offset);
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
void         cl_deal_facts_forget_past (ClDealFacts *facts,
                                        ClDay        as_of);
void         cl_deal_facts_pack (ClDealFacts **facts,
                                 guint         n_facts);

GPtrArray   *cl_deal_facts_load (ClStore      *store,
                                 ClDay         as_of,
                                 gint64        owner_id,
                                 GError      **error);
/* The same, read on two connections at once: the history on one while the
 * deals are listed on the other. */
GHashTable  *cl_deal_facts_read_history (ClStore     *store,
                                         ClDay        as_of,
                                         gint64       owner_id,
                                         GError     **error);
GPtrArray   *cl_deal_facts_join (ClStore      *store,
                                 ClDay         as_of,
                                 GPtrArray    *deals,
                                 GHashTable   *history,
                                 GError      **error);
GPtrArray   *cl_deal_facts_load_apart (ClStore      *store,
                                       ClDay         as_of,
                                       gint64        owner_id,
                                       ClStoreRead   meanwhile,
                                       gpointer      data,
                                       GError      **error);

GPtrArray   *cl_deal_facts_load_closed (ClStore    *store,
                                        ClDay       as_of,
                                        GError    **error);

ClDealFacts *cl_deal_facts_load_one   (ClStore    *store,
                                       gint64      deal_id,
                                       ClDay       as_of,
                                       GError    **error);

G_END_DECLS
