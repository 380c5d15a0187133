/* cl-flags.h — the inspection flags a pipeline review looks at first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-deal-facts.h"

G_BEGIN_DECLS

typedef enum {
  CL_FLAG_STALLED,
  CL_FLAG_CLOSE_DATE_PUSHED,
  CL_FLAG_AMOUNT_DECREASED,
  CL_FLAG_STAGE_REGRESSED,
  CL_FLAG_NO_NEXT_STEP,
  CL_FLAG_NEXT_STEP_OVERDUE,
  CL_FLAG_PAST_CLOSE_DATE,
  CL_FLAG_SINGLE_THREADED,
  CL_FLAG_QUALIFICATION_GAP,
  CL_FLAG_SKIPPED_STAGE,
  CL_FLAG_REPEAT_RECITAL,
  CL_N_FLAGS
} ClFlag;

/* How much a flag says about a deal's chances, and how its risk counts it.
 * High: the forecast is already wrong or the deal is going nowhere (past
 * its close date, moved backwards, stalled). Medium: it is slipping or the
 * rep lost hold of the next step (close date pushed, amount cut, next step
 * overdue or missing, recited unchanged). Low: hygiene that makes trouble
 * likelier later (a qualification gap, a skipped stage, one contact). */
typedef enum {
  CL_SEVERITY_LOW = 1,
  CL_SEVERITY_MEDIUM,
  CL_SEVERITY_HIGH,
} ClFlagSeverity;

/* Thresholds, kept in the team settings under these keys. */
#define CL_SETTING_STALLED_DAYS     "stalled_days"
#define CL_SETTING_FLAG_WINDOW_DAYS "flag_window_days"

typedef struct
{
  int stalled_days;       /* stalled after this long in a stage whose own
                           * threshold is neither set nor learned (21) */
  int window_days;        /* pushes, cuts and regressions this recent count (90) */
} ClFlagSettings;

void        cl_flag_settings_init     (ClFlagSettings       *settings);
void        cl_flag_settings_load     (ClFlagSettings       *settings,
                                       ClStore              *store);

extern const char * const cl_flag_names[];
const char *cl_flag_to_string         (ClFlag                flag);
const char *cl_flag_label             (ClFlag                flag);
ClFlagSeverity cl_flag_severity       (ClFlag                flag);
/* Every flag, the most severe first; within a severity, the likelier to
 * cost the deal first. */
extern const ClFlag cl_flags_by_severity[CL_N_FLAGS];
int         cl_flags_severity_points  (guint                 flags);
char       *cl_flags_join_labels      (guint                 flags,
                                       const char           *separator);
int         cl_flags_stalled_days     (const ClProcess      *process,
                                       const ClFlagSettings *settings,
                                       gint64                stage_id);

guint       cl_flags_evaluate         (const ClProcess      *process,
                                       const ClDealFacts    *facts,
                                       const ClFlagSettings *settings,
                                       ClDay                 as_of,
                                       char                 *explanations[CL_N_FLAGS]);
guint       cl_flags_evaluate_shown   (const ClProcess      *process,
                                       const ClDealFacts    *facts,
                                       const ClFlagSettings *settings,
                                       ClDay                 as_of,
                                       char                 *explanations[CL_N_FLAGS]);
guint       cl_flags_describe         (const ClProcess      *process,
                                       const ClDealFacts    *facts,
                                       const ClFlagSettings *settings,
                                       ClDay                 as_of,
                                       char                 *phrases[CL_N_FLAGS]);
void        cl_flag_explanations_clear (char                *explanations[CL_N_FLAGS]);

G_END_DECLS
