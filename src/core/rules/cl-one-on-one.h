/* cl-one-on-one.h — everything a manager needs for one rep's 1:1, and the
 * agenda drafted from it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-development.h"
#include "cl-pipeline.h"

G_BEGIN_DECLS

/* The trends cover this many months, the current one included. */
#define CL_ONE_ON_ONE_MONTHS 6
/* Coaching next moves this many days back are shown. */
#define CL_ONE_ON_ONE_COACHING_DAYS 90

typedef struct
{
  ClRep             *rep;
  ClDay              today;
  char              *month;            /* today's */
  GListModel        *deals;            /* ClPipelineItem: open deals and their flags, largest first */
  ClRepLoad         *load;             /* open deals, open and overdue actions */
  int                cap;              /* the team's open-action cap */
  GListModel        *actions;          /* ClAction: open, soonest due first */
  ClDevPlan         *plan;             /* this month's, NULL if none */
  char              *focus_label;      /* the plan's skill as the team names it */
  ClPracticeProgress progress;
  GListModel        *practice;         /* ClPracticeEntry: this month's drills */
  ClDevPlan         *previous_plan;    /* last month's, NULL if none */
  GListModel        *score_trend;      /* ClTrendPoint per month */
  GListModel        *talk_trend;
  GListModel        *question_trend;
  GListModel        *sessions;         /* ClCoachingSession on the rep's deals, newest first */
  char              *kept_agenda;      /* the agenda saved for today, NULL if none */
} ClOneOnOne;

ClOneOnOne *cl_one_on_one_load        (const char        *workspace_path,
                                       gint64             rep_id,
                                       ClDay              today,
                                       GError           **error);
void        cl_one_on_one_free        (ClOneOnOne        *brief);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClOneOnOne, cl_one_on_one_free)

char       *cl_one_on_one_draft_agenda (const ClOneOnOne *brief);
char       *cl_one_on_one_agenda_title (const ClOneOnOne *brief);
char       *cl_one_on_one_redraft_plan_section (const char       *agenda,
                                                const ClOneOnOne *brief);
char       *cl_one_on_one_file_name    (const ClOneOnOne *brief);

G_END_DECLS
