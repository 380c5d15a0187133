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
  char        *search_text;    /* name and account as cl_text_fold () folds them, for searching */
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
/* "High", "Medium", "Low"; "" for none */
const char *cl_risk_level_label         (ClRiskLevel           level);
/* The severity points of @flags times the square root of the amount in
 * major units: a larger deal with the same flags ranks higher, but one more
 * high flag outweighs an amount up to four times larger. 0 without flags. */
double      cl_risk_score               (guint                 flags,
                                         gint64                amount_cents);

/* The review agenda's length: the deals with the highest risk it opens on. */
#define CL_SETTING_AGENDA_SIZE "review_agenda_size"
#define CL_AGENDA_SIZE_DEFAULT 15
int         cl_pipeline_agenda_size_load (ClStore             *store);

/* Every deal open at the end of @as_of, largest first, with its flags;
 * only @owner_id's deals when it is not 0. Reads through a connection of
 * its own, so it may run in a thread. */
GListModel *cl_pipeline_snapshot        (const char           *workspace_path,
                                         ClDay                 as_of,
                                         gint64                owner_id,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The same over @store, flagged with @settings; stage_index is an index
 * into @process, for a caller that keeps the process beside the snapshot. */
GListModel *cl_pipeline_inspect         (ClStore              *store,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of,
                                         gint64                owner_id,
                                         GCancellable         *cancellable,
                                         GError              **error);
/**
 * cl_pipeline_agenda:
 *
 * The order a review walks the deals of @snapshot in: the highest risk
 * first, then the most severe flags, the largest, the soonest to close.
 * A review opens on the first cl_pipeline_agenda_size_load () of them.
 *
 * Returns: (transfer full) (element-type ClPipelineItem): new references
 */
GPtrArray  *cl_pipeline_agenda          (GListModel           *snapshot);

/* The sentence of each raised flag of @item, worded for showing, the most
 * severe first, joined by newlines. */
char       *cl_pipeline_item_explain    (ClPipelineItem       *item,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of);
/**
 * cl_pipeline_item_explain_risk:
 *
 * Why @item carries its risk, in one sentence: its level, its two most
 * severe flags and where its amount ranks ("High risk: past its close date
 * by 12 days and stalled 40 days in Proposal; 4th largest open deal").
 *
 * Returns: (transfer full): the sentence
 */
char       *cl_pipeline_item_explain_risk (ClPipelineItem     *item,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of);

G_END_DECLS
