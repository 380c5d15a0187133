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
  CL_HEALTH_RUNNING,   /* ran on cadence, covering enough, with outputs */
  CL_HEALTH_SLIPPING,  /* ran, but missed beats or produced too few outputs */
  CL_HEALTH_LAPSED,    /* did not run, or ran near zero */
} ClHealthState;

/* Why a loop has no data for a period. */
typedef enum {
  CL_HEALTH_WHY_NONE,               /* it has data */
  CL_HEALTH_WHY_PERIOD_TO_COME,     /* the period starts after today */
  CL_HEALTH_WHY_NO_TEAM,            /* the workspace has no rep or no deal */
  CL_HEALTH_WHY_BEFORE_TEAM_START,  /* the period ended before the team's first beat */
  CL_HEALTH_WHY_NOT_DUE,            /* the loop's beats in the period are not due yet */
  CL_HEALTH_WHY_NOTHING_TO_RUN_ON,  /* no key deal was open */
} ClHealthWhy;

/* The thresholds, in percent of the beats due (of the outputs that can be
 * judged, for outputs). Fewer than one beat in five is near zero, and a
 * loop that near zero is lapsed, not slipping: coaching 2 of 443 key deals
 * is coaching that stopped. */
#define CL_HEALTH_LAPSED_BELOW_PERCENT  20
/* running also needs outputs for at least half of the beats judged */
#define CL_HEALTH_OUTPUT_PERCENT        50

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
  ClHealthWhy   why;          /* with no data: why */
  ClDay         why_on;       /* the team's first beat (BEFORE_TEAM_START), the
                               * day the first beat falls due (NOT_DUE), else 0 */
  int           started_by;   /* BEFORE_TEAM_START: the ClLoop whose beat came
                               * first, or CL_N_LOOPS for the first deal */
} ClLoopHealth;

gboolean    cl_loop_health_compute   (ClStore       *store,
                                      ClDay          first,
                                      ClDay          last,
                                      ClDay          today,
                                      ClLoopHealth   health[CL_N_LOOPS],
                                      GError       **error);
void        cl_loop_health_clear     (ClLoopHealth   health[CL_N_LOOPS]);
gboolean    cl_loop_health_is_hollow (const ClLoopHealth health[CL_N_LOOPS]);
double      cl_loop_health_ratio     (const ClLoopHealth *health);
double      cl_loop_health_output_ratio (const ClLoopHealth *health);
int         cl_loop_health_running_percent (ClLoop loop);

gboolean    cl_loop_health_trend     (ClStore       *store,
                                      ClDay          today,
                                      int            n_quarters,
                                      GListModel    *series[CL_N_LOOPS],
                                      GError       **error);

const char *cl_loop_to_string        (ClLoop         loop);
int         cl_loop_from_string      (const char    *name);
const char *cl_health_state_to_string (ClHealthState state);
const char *cl_health_why_to_string  (ClHealthWhy    why);
const char *cl_loop_title            (ClLoop         loop);
const char *cl_loop_question         (ClLoop         loop);
const char *cl_health_state_label    (ClHealthState  state);
char       *cl_loop_health_describe  (const ClLoopHealth *health);
char       *cl_loop_health_explain   (const ClLoopHealth *health);

G_END_DECLS
