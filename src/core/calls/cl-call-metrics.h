/* cl-call-metrics.h — what a transcript says about how the rep ran the call
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-model.h"
#include "cl-transcript.h"

G_BEGIN_DECLS

typedef struct
{
  char    *name;
  gboolean is_rep;
  double   talk_s;
  double   talk_ratio;            /* share of all talk time, 0–1 */
  guint    turns;
  double   longest_monologue_s;
} ClSpeakerMetrics;

typedef struct
{
  char      *rep;                 /* the speaker who is the rep */
  gboolean   estimated;           /* times come from word counts */
  double     duration_s;          /* first word to last */
  GPtrArray *speakers;            /* ClSpeakerMetrics, in order of first word */
  double     talk_ratio;          /* the rep's share of talk time */
  double     rep_longest_monologue_s;
  double     buyer_longest_monologue_s;
  guint      rep_questions;
  double     switches_per_minute;
  double     rep_patience_s;      /* mean pause before the rep answers; < 0 when unknown */
} ClCallMetrics;

char          *cl_call_metrics_find_rep  (const ClTranscript  *transcript,
                                          const char          *rep,
                                          GError             **error);
ClCallMetrics *cl_call_metrics_compute   (const ClTranscript  *transcript,
                                          const char          *rep_speaker);
void           cl_call_metrics_apply     (const ClCallMetrics *metrics,
                                          ClCall              *call);
void           cl_call_metrics_free      (ClCallMetrics       *metrics);
guint          cl_call_metrics_count_questions (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCallMetrics, cl_call_metrics_free)

G_END_DECLS
