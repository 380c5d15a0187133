/* cl-pipeline.h — the open pipeline on a day: each deal with its flags
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
  char        *search_text;    /* name and account, case-folded, for searching */
};

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
/* The order a review walks the deals in: the most flags first, then the
 * largest, then the soonest to close. Returns new references. */
GPtrArray  *cl_pipeline_agenda          (GListModel           *snapshot);

/* The sentence of each raised flag of @item, worded for showing, joined by
 * newlines. */
char       *cl_pipeline_item_explain    (ClPipelineItem       *item,
                                         const ClProcess      *process,
                                         const ClFlagSettings *settings,
                                         ClDay                 as_of);

G_END_DECLS
