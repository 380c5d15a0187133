/* cl-list-box-rows.h — the rows of a boxed list that is rebuilt from the
 * store, and what it says when it has none
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows, the placeholder left out. */
guint      cl_list_box_count_rows      (GtkListBox *list);
/* Removes every row and keeps the placeholder. */
void       cl_list_box_remove_rows     (GtkListBox *list);
/* A dim, wrapping label for gtk_list_box_set_placeholder (). */
GtkWidget *cl_list_box_placeholder_new (const char *text);
/* An AdwActionRow of data, shown as text: a subtitle of up to three lines. */
GtkWidget *cl_list_box_text_row_new    (const char *title,
                                        const char *subtitle);
/* A short word at the end of @row (an AdwActionRow) in @style's colour:
 * "warning", "error", "success" or "dim-label". */
void       cl_list_box_row_add_badge   (GtkWidget  *row,
                                        const char *text,
                                        const char *style);

G_END_DECLS
