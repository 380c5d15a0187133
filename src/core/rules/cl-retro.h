/* cl-retro.h — the quarterly retrospective: the quarter's facts, and a
 * decision between a wrong strategy and drifted execution
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-flag-outcomes.h"
#include "cl-loop-health.h"

G_BEGIN_DECLS

typedef struct
{
  char             *quarter;
  ClDay             first, last, as_of;
  int               n_reviewed;               /* deals the quarter's reviews discussed, open at its end */
  int               flag_counts[CL_N_FLAGS];  /* how many of them carry each flag */
  GPtrArray        *deaths;                   /* ClRetroDeath, the most deals first */
  ClFlagOutcomes    flag_outcomes;            /* on the deals closed by its end (or today) */
  ClQuarterResults  results, previous;        /* this quarter and the one before */
  GPtrArray        *focuses;                  /* ClRetroFocus, the most plans first */
  ClLoopHealth      health[CL_N_LOOPS];
} ClRetroInputs;

ClRetroInputs *cl_retro_inputs_load  (const char      *workspace_path,
                                      const char      *quarter,
                                      ClDay            today,
                                      GError         **error);
ClRetroInputs *cl_retro_inputs_ref   (ClRetroInputs   *inputs);
void           cl_retro_inputs_unref (ClRetroInputs   *inputs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRetroInputs, cl_retro_inputs_unref)

GArray        *cl_retro_inputs_top_flags (const ClRetroInputs *inputs,
                                          guint                max);

guint          cl_retro_needs_confirmation (const ClRetro       *retro,
                                            const ClLoopHealth   health[CL_N_LOOPS]);

gboolean       cl_retro_save         (ClStore         *store,
                                      ClRetro         *retro,
                                      GPtrArray       *restarts,
                                      GError         **error);

const char    *cl_root_cause_label   (ClRootCause      cause);
const char    *cl_root_cause_to_string (ClRootCause    cause);

G_END_DECLS
