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
  CL_HEALTH_NO_DATA,   /* nothing to run the loop on, or nothing due yet */
  CL_HEALTH_RUNNING,   /* ran on cadence and produced outputs */
  CL_HEALTH_SLIPPING,  /* ran, but missed beats or produced too few outputs */
  CL_HEALTH_LAPSED,    /* did not run at all in the period */
} ClHealthState;

/* A loop over a period: its beats (weeks reviewed, key deals coached,
 * rep-months planned, quarters looked back on) and their outputs. */
typedef struct
{
  ClLoop        loop;
  ClHealthState state;
  int           expected;     /* beats the cadence asks for in the period, so far */
  int           ran;          /* beats that happened */
  int           output_of;    /* beats whose output can be judged yet */
  int           with_output;  /* of those, beats that produced a real output */
  char         *window;       /* "2026-10-01 – 2026-11-23" */
} ClLoopHealth;

/* Health of every loop from @first to @last, judged as of @today (the part
 * of the period after @today is not due yet). */
gboolean    cl_loop_health_compute   (ClStore       *store,
                                      ClDay          first,
                                      ClDay          last,
                                      ClDay          today,
                                      ClLoopHealth   health[CL_N_LOOPS],
                                      GError       **error);
void        cl_loop_health_clear     (ClLoopHealth   health[CL_N_LOOPS]);
/* Reviews or retrospectives run while coaching or development lapsed. */
gboolean    cl_loop_health_is_hollow (const ClLoopHealth health[CL_N_LOOPS]);
/* ran / expected, 0–1; 0 when nothing was expected */
double      cl_loop_health_ratio     (const ClLoopHealth *health);

/* The last @n_quarters quarters up to @today's, oldest first: for each
 * loop, one ClTrendPoint per quarter ("2026-Q4") holding its ratio, with
 * n the beats expected. */
gboolean    cl_loop_health_trend     (ClStore       *store,
                                      ClDay          today,
                                      int            n_quarters,
                                      GListModel    *series[CL_N_LOOPS],
                                      GError       **error);

const char *cl_loop_to_string        (ClLoop         loop);
/* The loop @name spells, or -1. */
int         cl_loop_from_string      (const char    *name);
const char *cl_health_state_to_string (ClHealthState state);
const char *cl_loop_title            (ClLoop         loop);
const char *cl_loop_question         (ClLoop         loop);
const char *cl_health_state_label    (ClHealthState  state);
char       *cl_loop_health_describe  (const ClLoopHealth *health);

G_END_DECLS
