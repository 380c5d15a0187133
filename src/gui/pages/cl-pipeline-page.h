/* cl-pipeline-page.h — every open deal with its flags: sort, filter, inspect
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-pipeline.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_PIPELINE_PAGE (cl_pipeline_page_get_type ())
G_DECLARE_FINAL_TYPE (ClPipelinePage, cl_pipeline_page, CL, PIPELINE_PAGE, AdwBin)

void     cl_pipeline_page_set_store    (ClPipelinePage *self,
                                        ClStore        *store);
void     cl_pipeline_page_reload       (ClPipelinePage *self);
void     cl_pipeline_page_start_search (ClPipelinePage *self);
/* Also the "loaded" signal, emitted once each load ends, with the
 * snapshot or the error shown instead. */
gboolean cl_pipeline_page_is_loaded    (ClPipelinePage *self);
/* shown after filtering; the whole snapshot */
guint    cl_pipeline_page_get_n_shown  (ClPipelinePage *self);
/* The deal shown at @position, in the table's order; NULL past the last. */
ClPipelineItem *cl_pipeline_page_get_shown_deal (ClPipelinePage *self,
                                                 guint           position);
GtkEditable *cl_pipeline_page_get_search_entry (ClPipelinePage *self);
guint    cl_pipeline_page_get_n_deals  (ClPipelinePage *self);
gboolean cl_pipeline_page_are_moves_read (ClPipelinePage *self);
guint    cl_pipeline_page_get_n_moves  (ClPipelinePage *self);
GListModel *cl_pipeline_page_get_snapshot (ClPipelinePage *self);
/* The sales process and the flag settings the snapshot was inspected
 * with, valid while it is; NULL when it is. */
const ClProcess      *cl_pipeline_page_get_process       (ClPipelinePage *self);
const ClFlagSettings *cl_pipeline_page_get_flag_settings (ClPipelinePage *self);
/* "deals", "stages" or "moved" */
void     cl_pipeline_page_show_section (ClPipelinePage *self,
                                        const char     *section);
/* sorts by the column at @column (0: deal … 8: flags, 9: risk) */
void     cl_pipeline_page_sort_by      (ClPipelinePage *self,
                                        guint           column,
                                        GtkSortType     order);
/* What the cell at @column of the row at @position, as sorted and
 * filtered, says; NULL past the last row. */
char    *cl_pipeline_page_get_cell_text (ClPipelinePage *self,
                                         guint           position,
                                         guint           column);
/* filters by index into the drop-downs' lists (0: all) and text */
void     cl_pipeline_page_set_filter   (ClPipelinePage *self,
                                        guint           owner,
                                        guint           stage,
                                        guint           flag,
                                        const char     *text);
/* Whether the deals show as two-line rows, the page being too narrow for
 * the table; the vertical adjustment of whichever shows them. */
gboolean cl_pipeline_page_is_narrow    (ClPipelinePage *self);
GtkAdjustment *cl_pipeline_page_get_deals_adjustment (ClPipelinePage *self);
/* The line under the deals: how many shown, their amounts per currency,
 * how many flagged. */
const char *cl_pipeline_page_get_summary (ClPipelinePage *self);
/* the owner drop-down, to open and choose from as a user does */
GtkDropDown *cl_pipeline_page_get_owner_filter (ClPipelinePage *self);

G_END_DECLS
