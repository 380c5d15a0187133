/* cl-my-month.c — a rep's month in their own workspace: the plan and the
 * actions their manager sent down, the drills they log against it, the
 * trend of their self-scores
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-development.h"
#include "cl-identity.h"
#include "cl-rep-brief.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* the self-score trend covers this many months, this one last */
#define CL_MY_MONTH_TREND_MONTHS 6

typedef struct
{
  ClDay               today;
  char               *month;        /* today's: "2026-11" */
  ClIdentity         *owner;
  char               *team_folder;  /* NULL when none is chosen */
  ClRepBrief         *brief;        /* the manager's latest; NULL until one arrives */
  GPtrArray          *marked;       /* ClActionDone: what the rep marked done */
  GListModel         *practice;     /* ClPracticeEntry: this month's drills, newest first */
  ClPracticeProgress  progress;     /* the drills on the brief's focus in its month */
  GListModel         *score_trend;  /* ClTrendPoint: mean self-score per month */
} ClMyMonth;

void             cl_my_month_free          (ClMyMonth        *month);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClMyMonth, cl_my_month_free)

ClMyMonth       *cl_my_month_load          (const char       *workspace_path,
                                            ClDay             today,
                                            GError          **error);
const ClActionDone *cl_my_month_find_marked (const ClMyMonth    *month,
                                             const ClBriefAction *action);
ClPracticeEntry *cl_my_month_log_practice  (ClStore          *store,
                                            ClDay             day,
                                            const char       *focus,
                                            int               self_score,
                                            const char       *scenario,
                                            const char       *note,
                                            GError          **error);

G_END_DECLS
