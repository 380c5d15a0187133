/* cl-cell-text.h — one line of text in a table's cell, measured without
 * shaping it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the cells of one column share: the widest text they have held. */
typedef struct _ClCellColumn ClCellColumn;

ClCellColumn *cl_cell_column_new   (void);
void          cl_cell_column_reset (ClCellColumn *column);
void          cl_cell_column_unref (ClCellColumn *column);

#define CL_TYPE_CELL_TEXT (cl_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (ClCellText, cl_cell_text, CL, CELL_TEXT, GtkWidget)

GtkWidget  *cl_cell_text_new      (gboolean      numeric,
                                   int           min_chars,
                                   int           max_chars,
                                   ClCellColumn *column);
void        cl_cell_text_set_text (ClCellText   *self,
                                   const char   *text);
const char *cl_cell_text_get_text (ClCellText   *self);

G_END_DECLS
