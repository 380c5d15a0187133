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

/* Everything the retrospective of @quarter starts from, as of @today.
 * Reads through a connection of its own, so it may run in a thread. */
ClRetroInputs *cl_retro_inputs_load  (const char      *workspace_path,
                                      const char      *quarter,
                                      ClDay            today,
                                      GError         **error);
void           cl_retro_inputs_free  (ClRetroInputs   *inputs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRetroInputs, cl_retro_inputs_free)

/* The flags most often raised on the reviewed deals, most first: indices
 * into flag_counts, at most @max, none with a count of 0. */
GArray        *cl_retro_inputs_top_flags (const ClRetroInputs *inputs,
                                          guint                max);

/* Choosing to adjust the strategy while a loop lapsed in the quarter is the
 * characteristic failure: the plan may never have been run. The strategy
 * loop itself is left out: its beat is @retro, being held now.
 *
 * Returns: the loops that lapsed, as bits 1 << ClLoop; 0 when @retro does
 * not adjust the strategy or none lapsed, and no confirmation is needed */
guint          cl_retro_needs_confirmation (const ClRetro       *retro,
                                            const ClLoopHealth   health[CL_N_LOOPS]);

/* Saves @retro for its quarter (adding it the first time), and when
 * execution drifted its @restarts (ClRetroRestart), each becoming an owner's
 * action "Restart …" due on its day; one transaction. A decision other than
 * "execution drifted" keeps no restart. */
gboolean       cl_retro_save         (ClStore         *store,
                                      ClRetro         *retro,
                                      GPtrArray       *restarts,
                                      GError         **error);

const char    *cl_root_cause_label   (ClRootCause      cause);
const char    *cl_root_cause_to_string (ClRootCause    cause);

G_END_DECLS
