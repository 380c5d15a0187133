/* cl-pipeline.h — the open pipeline on a day: each deal with its flags and
 * its risk, and the order a review walks them in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-flags.h"

G_BEGIN_DECLS

#define CL_TYPE_PIPELINE_ITEM (cl_pipeline_item_get_type ())
G_DECLARE_FINAL_TYPE (ClPipelineItem, cl_pipeline_item, CL, PIPELINE_ITEM, GObject)

struct _ClPipelineItem
{
  GObject      parent_instance;
  ClDealFacts *facts;          /* owned */
  ClDealState  state;          /* as of the snapshot's day */
  guint        flags;          /* 1 << ClFlag */
  int          days_in_stage;
  int          stage_index;    /* in the sales process, for sorting */
  char        *search_text;    /* name and account as cl_text_fold () folds them, for searching;
                                * NULL when that is only them lowered, as for ASCII names
                                * (see cl_pipeline_item_matches_text ()) */
  const char  *currency;       /* the deal's, borrowed from the facts: a total over every item
                                * then reads the items alone */
  double       risk;           /* cl_risk_score () of its flags and amount */
  guint        amount_rank;    /* 1 for the largest deal of the snapshot; equal amounts, equal ranks */
  guint        n_deals;        /* in the snapshot */
};

/* How much a deal's flags put it at risk, from their severity points
 * (high 3, medium 2, low 1; see ClFlagSeverity): 6 or more is high (say,
 * past its close date and stalled), 3 to 5 medium (one high flag, or a
 * medium and a low one), 1 or 2 low. */
typedef enum {
  CL_RISK_NONE,
  CL_RISK_LOW,
  CL_RISK_MEDIUM,
  CL_RISK_HIGH,
} ClRiskLevel;

ClRiskLevel cl_risk_level               (guint                 flags);
const char *cl_risk_level_label         (ClRiskLevel           level);
double      cl_risk_score               (guint                 flags,
                                         gint64                amount_cents);

/* The review agenda's length: the deals with the highest risk it opens on. */
#define CL_SETTING_AGENDA_SIZE "review_agenda_size"
#define CL_AGENDA_SIZE_DEFAULT 15
int         cl_pipeline_agenda_size_load (ClStore             *store);

GListModel *cl_pipeline_snapshot        (const char           *workspace_path,
                                         ClDay                 as_of,
                                         gint64                owner_id,
                                         GCancellable         *cancellable,
                                         GError              **error);
GListModel *cl_pipeline_snapshot_from   (ClStore              *store,
                                         ClDay                 as_of,
                                         gint64                owner_id,
                                         GCancellable         *cancellable,
                                         GError              **error);
GListModel *cl_pipeline_inspect         (ClStore              *store,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of,
                                         gint64                owner_id,
                                         GCancellable         *cancellable,
                                         GError              **error);
GListModel *cl_pipeline_inspect_facts   (GPtrArray            *facts,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of);
GPtrArray  *cl_pipeline_agenda          (GListModel           *snapshot);
gboolean    cl_pipeline_item_matches_text (const ClPipelineItem *item,
                                           const char           *needle);
void        cl_pipeline_forget_unflagged_pasts (GListModel     *snapshot,
                                                ClDay           as_of);

char       *cl_pipeline_item_explain    (ClPipelineItem       *item,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of);
char       *cl_pipeline_item_explain_risk (ClPipelineItem     *item,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of);

G_END_DECLS
