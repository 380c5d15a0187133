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

/* Thresholds, kept in the team settings under these keys. */
#define CL_SETTING_STALLED_DAYS     "stalled_days"
#define CL_SETTING_FLAG_WINDOW_DAYS "flag_window_days"

typedef struct
{
  int stalled_days;       /* no stage change for this long: stalled (21) */
  int window_days;        /* pushes, cuts and regressions this recent count (90) */
} ClFlagSettings;

void        cl_flag_settings_init     (ClFlagSettings       *settings);
void        cl_flag_settings_load     (ClFlagSettings       *settings,
                                       ClStore              *store);

extern const char * const cl_flag_names[];
const char *cl_flag_to_string         (ClFlag                flag);
const char *cl_flag_label             (ClFlag                flag);
/* The labels of the raised @flags (1 << ClFlag), joined by @separator. */
char       *cl_flags_join_labels      (guint                 flags,
                                       const char           *separator);

/* The flags of @facts at the end of @as_of, as bits (1 << ClFlag). When
 * @explanations is not NULL, each raised flag gets one sentence there,
 * with its dates and values; the caller frees them. */
guint       cl_flags_evaluate         (const ClProcess      *process,
                                       const ClDealFacts    *facts,
                                       const ClFlagSettings *settings,
                                       ClDay                 as_of,
                                       char                 *explanations[CL_N_FLAGS]);
/* The same, the sentences worded for showing: each value from data in
 * them (a stage, a next step) is isolated, see cl_text_isolate (). The
 * exports keep cl_flags_evaluate ()'s, the values as they are. */
guint       cl_flags_evaluate_shown   (const ClProcess      *process,
                                       const ClDealFacts    *facts,
                                       const ClFlagSettings *settings,
                                       ClDay                 as_of,
                                       char                 *explanations[CL_N_FLAGS]);
void        cl_flag_explanations_clear (char                *explanations[CL_N_FLAGS]);

G_END_DECLS
