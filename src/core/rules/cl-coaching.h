/* cl-coaching.h — the deal-coaching loop: which deals deserve coaching now,
 * and a session that ends in one next move
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-pipeline.h"

G_BEGIN_DECLS

/* Team settings of the coaching queue. */
#define CL_SETTING_KEY_DEAL_AMOUNT         "key_deal_amount"
#define CL_SETTING_CRITICAL_PROBABILITY    "critical_stage_probability"
#define CL_SETTING_COACHING_FLAG_COUNT     "coaching_flag_count"

/* Unless the team sets an amount, the key deals are the largest tenth of
 * the open pipeline: a rule that made most deals key would single out none. */
#define CL_KEY_DEAL_TOP_PERCENT 10
/* the key-deal amount while nothing is open to take the tenth of */
#define CL_KEY_DEAL_FALLBACK    50000

typedef struct
{
  gint64   key_deal_amount;        /* major units: a key deal is at least this big */
  gboolean key_deal_automatic;     /* the amount is that of the largest tenth, not the team's */
  int      critical_probability;   /* a stage this likely to close is critical (40 %) */
  int      flag_count;             /* this many inspection flags make a deal flagged (3) */
} ClCoachingSettings;

void cl_coaching_settings_init (ClCoachingSettings *settings);
void cl_coaching_settings_load (ClCoachingSettings *settings,
                                ClStore            *store);

typedef enum {
  CL_COACH_KEY_DEAL = 1 << 0,    /* a key deal at a critical stage */
  CL_COACH_STALLED  = 1 << 1,
  CL_COACH_FLAGGED  = 1 << 2,
} ClCoachReason;

guint cl_coaching_reasons (const ClPipelineItem     *item,
                           const ClProcess          *process,
                           const ClCoachingSettings *settings);

#define CL_TYPE_COACHING_ENTRY (cl_coaching_entry_get_type ())
G_DECLARE_FINAL_TYPE (ClCoachingEntry, cl_coaching_entry, CL, COACHING_ENTRY, GObject)

struct _ClCoachingEntry
{
  GObject         parent_instance;
  ClPipelineItem *item;           /* owned */
  guint           reasons;        /* ClCoachReason */
  ClDay           last_coached;   /* 0: never coached */
  char           *why;            /* cl_coaching_entry_explain () */
};

GListModel *cl_coaching_queue          (ClStore                  *store,
                                        GListModel               *snapshot,
                                        const ClProcess          *process,
                                        const ClCoachingSettings *settings,
                                        GError                  **error);
char       *cl_coaching_entry_explain  (const ClCoachingEntry    *entry,
                                        const ClProcess          *process);

gboolean    cl_coaching_from_story     (const ClCoachingSession  *session);
gboolean    cl_coaching_is_story       (const char               *evidence,
                                        guint                     n_evidence_calls);

gboolean    cl_coaching_record_session (ClStore                  *store,
                                        ClCoachingSession        *session,
                                        ClDay                     move_due,
                                        GArray                   *evidence_calls,
                                        GError                  **error);
gboolean    cl_coaching_set_follow_up  (ClStore                  *store,
                                        const ClCoachingSession  *session,
                                        ClFollowUp                follow_up,
                                        const char               *note,
                                        ClDay                     today,
                                        GError                  **error);

G_END_DECLS
