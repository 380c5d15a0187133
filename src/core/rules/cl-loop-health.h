/* cl-loop-health.h — did each of the four loops run on cadence, with outputs?
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

typedef enum {
  CL_LOOP_PIPELINE_REVIEW,
  CL_LOOP_DEAL_COACHING,
  CL_LOOP_REP_DEVELOPMENT,
  CL_LOOP_STRATEGY,
  CL_N_LOOPS
} ClLoop;

typedef enum {
  CL_HEALTH_NO_DATA,   /* nothing to run the loop on yet */
  CL_HEALTH_RUNNING,   /* ran on cadence and produced outputs */
  CL_HEALTH_AT_RISK,   /* ran, but missed beats or produced no outputs */
  CL_HEALTH_LAPSED,    /* did not run in its window */
} ClHealthState;

typedef struct
{
  ClLoop        loop;
  ClHealthState state;
  int           expected;     /* beats the cadence asks for in the window */
  int           ran;          /* beats that happened */
  int           with_output;  /* beats that produced a real output */
  char         *window;       /* the window looked at, e.g. "2026-W43 – 2026-W46" */
} ClLoopHealth;

gboolean    cl_loop_health_compute   (ClStore       *store,
                                      ClDay          today,
                                      ClLoopHealth   health[CL_N_LOOPS],
                                      GError       **error);
void        cl_loop_health_clear     (ClLoopHealth   health[CL_N_LOOPS]);
gboolean    cl_loop_health_is_hollow (const ClLoopHealth health[CL_N_LOOPS]);

const char *cl_loop_title            (ClLoop         loop);
const char *cl_loop_question         (ClLoop         loop);
const char *cl_health_state_label    (ClHealthState  state);
char       *cl_loop_health_describe  (const ClLoopHealth *health);

G_END_DECLS
