/* cl-growing-rows.h — a long list's rows made a few at a time: the first
 * at once, then a few more at each frame of the widget that shows them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  GtkSliceListModel *slice;      /* what the widget shows: the rows made so far */
  GtkWidget         *widget;     /* whose frames make more; not owned */
  guint              first;      /* made at once */
  guint              per_frame;
  guint              until;      /* past as many rows, the others are shown at once */
  guint              tick;       /* the tick callback making more, 0 once all are shown */
  gboolean           laid_out;   /* a frame laid out the rows made before the tick */
} ClGrowingRows;

void     cl_growing_rows_init    (ClGrowingRows *rows,
                                  GtkWidget     *widget,
                                  GListModel    *model,
                                  guint          first,
                                  guint          per_frame,
                                  guint          until);
void     cl_growing_rows_restart (ClGrowingRows *rows,
                                  GListModel    *model);
gboolean cl_growing_rows_is_grown (ClGrowingRows *rows);
void     cl_growing_rows_clear   (ClGrowingRows *rows);

G_END_DECLS
