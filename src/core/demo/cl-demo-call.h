/* cl-demo-call.h — a sample sales call, written as a WebVTT transcript
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-date.h"

G_BEGIN_DECLS

typedef struct
{
  double talkativeness;   /* 0.45–0.85: how much of the call the rep pitches */
  double step_control;    /* 0–1: how likely the rep ends on a dated next step */
} ClDemoCaller;

char *cl_demo_call_write (GRand              *rand,
                          const char         *rep,
                          const ClDemoCaller *caller,
                          ClDay               held_on,
                          gboolean           *dated);

G_END_DECLS
