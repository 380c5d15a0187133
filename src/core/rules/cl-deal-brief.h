/* cl-deal-brief.h — one deal on a page: its values, its flags in
 * sentences, its dated history, qualification, contacts, actions and calls
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-flags.h"

G_BEGIN_DECLS

typedef enum {
  CL_TIMELINE_CHANGE,    /* a deal event: stage, amount, close date, next step … */
  CL_TIMELINE_REVIEW,    /* a weekly review's decision on the deal */
  CL_TIMELINE_COACHING,  /* a coaching session on the deal */
  CL_TIMELINE_CALL,      /* a call about the deal */
} ClTimelineKind;

/* One dated line of a deal's history. */
#define CL_TYPE_TIMELINE_ENTRY (cl_timeline_entry_get_type ())
G_DECLARE_FINAL_TYPE (ClTimelineEntry, cl_timeline_entry, CL, TIMELINE_ENTRY, GObject)
struct _ClTimelineEntry
{
  GObject        parent_instance;
  ClDay          on;
  ClTimelineKind kind;
  char          *text;    /* a sentence, its values from data isolated */
  char          *detail;  /* a note, a decision's or a session's; NULL when none */
};

GListModel *cl_deal_timeline (ClDeal     *deal,
                              GListModel *events,
                              GListModel *decisions,
                              GListModel *sessions,
                              GListModel *calls,
                              GListModel *stages,
                              GListModel *reps);

typedef struct
{
  ClDeal              *deal;           /* with its owner's and stage's names */
  ClDay                today;
  guint                flags;          /* raised today (1 << ClFlag); none on a closed deal */
  char                *flag_sentences[CL_N_FLAGS]; /* worded for showing */
  GListModel          *timeline;       /* ClTimelineEntry, newest first */
  ClQualificationState qualification[CL_MEDDIC_N_ELEMENTS];
  char                *qualification_notes[CL_MEDDIC_N_ELEMENTS]; /* NULL: never assessed */
  guint                required_meddic; /* what the process asks for by the deal's stage */
  GListModel          *contacts;       /* ClContact, in the order added */
  GListModel          *actions;        /* ClAction: open, soonest due first */
  GListModel          *calls;          /* ClCall, newest first */
} ClDealBrief;

ClDealBrief *cl_deal_brief_load (ClStore     *store,
                                 gint64       deal_id,
                                 ClDay        today,
                                 GError     **error);
void         cl_deal_brief_free (ClDealBrief *brief);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClDealBrief, cl_deal_brief_free)

G_END_DECLS
