/* cl-development.h — the rep-development loop: one focus a month, practice
 * against its goal, the look-back that starts next month's plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* How far a plan's practice has come. */
typedef struct
{
  int    done;           /* drills logged on the focus in the plan's month */
  int    goal;           /* the plan's repetitions; 0 when it set none */
  double mean_score;     /* their mean self-score, 0 when none */
  int    target_score;   /* 0 when the plan set none */
} ClPracticeProgress;

gboolean  cl_practice_progress_load     (ClStore            *store,
                                         const ClDevPlan    *plan,
                                         ClPracticeProgress *progress,
                                         GError            **error);
double    cl_practice_progress_fraction (const ClPracticeProgress *progress);
char     *cl_practice_progress_describe (const ClPracticeProgress *progress);

const char *cl_lookback_label           (ClLookback          lookback);

ClDevPlan *cl_development_draft_plan    (ClStore            *store,
                                         gint64              rep_id,
                                         const char         *month,
                                         GError            **error);
gboolean   cl_development_save_plan     (ClStore            *store,
                                         ClDevPlan          *plan,
                                         GArray             *call_ids,
                                         GArray             *session_ids,
                                         GError            **error);
gboolean         cl_development_check_self_score (int        self_score,
                                                  GError   **error);
ClPracticeEntry *cl_development_log_practice (ClStore       *store,
                                              gint64         rep_id,
                                              ClDay          day,
                                              const char    *focus,
                                              int            self_score,
                                              const char    *scenario,
                                              const char    *note,
                                              GError       **error);

/* One rep in the team view of a month. */
#define CL_TYPE_REP_MONTH (cl_rep_month_get_type ())
G_DECLARE_FINAL_TYPE (ClRepMonth, cl_rep_month, CL, REP_MONTH, GObject)

struct _ClRepMonth
{
  GObject            parent_instance;
  ClRep             *rep;
  char              *month;
  ClDevPlan         *plan;            /* NULL: no plan this month */
  ClPracticeProgress progress;
  ClDevPlan         *previous_plan;   /* last month's, NULL if none */
  char              *focus_label;     /* the plan's skill, as the team names it */
};

GListModel *cl_development_team_month   (ClStore            *store,
                                         const char         *month,
                                         GError            **error);
char       *cl_rep_month_describe       (const ClRepMonth   *rep_month);

G_END_DECLS
