/* cl-view-rows.h — what each view loads and what one of its rows says
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-list-page.h"
#include "cl-pipeline.h"

G_BEGIN_DECLS

GListModel *cl_view_load_coaching     (ClStore *store, GError **error);
void        cl_view_format_coaching_entry (gpointer item, char **title, char **subtitle, char **detail);

GListModel *cl_view_load_library      (ClStore *store, GError **error);
void        cl_view_format_library_entry (gpointer item, char **title, char **subtitle, char **detail);

/* A deal of the Pipeline as two lines, when the table does not fit: its
 * name and amount, then "account · owner · stage · flags" (the most
 * severe flag first). */
void        cl_view_format_pipeline_item (ClPipelineItem  *item,
                                          const ClProcess *process,
                                          char           **name,
                                          char           **amount,
                                          char           **detail);

G_END_DECLS
