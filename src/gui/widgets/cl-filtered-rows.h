/* cl-filtered-rows.h — a long list as the rows of a table: sorted ahead,
 * filtered at once, shown in rows that stay
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One row of the table: the item it shows changes, the row stays. */
#define CL_TYPE_ROW (cl_row_get_type ())
G_DECLARE_FINAL_TYPE (ClRow, cl_row, CL, ROW, GObject)

gpointer cl_row_get_item (ClRow *self);

/* Compares two items by order @key: negative, zero or positive; called
 * from several threads. */
typedef int      (*ClRowsCompare) (gpointer a,
                                   gpointer b,
                                   guint    key);
/* Whether @item is shown. */
typedef gboolean (*ClRowsMatch)   (gpointer item,
                                   gpointer user_data);

#define CL_TYPE_FILTERED_ROWS (cl_filtered_rows_get_type ())
G_DECLARE_FINAL_TYPE (ClFilteredRows, cl_filtered_rows, CL, FILTERED_ROWS, GObject)

ClFilteredRows *cl_filtered_rows_new         (GListModel     *items,
                                              guint           n_keys,
                                              ClRowsCompare   compare,
                                              int             first_key);
void            cl_filtered_rows_take_items  (ClFilteredRows *self,
                                              ClFilteredRows *from);
void            cl_filtered_rows_set_order   (ClFilteredRows *self,
                                              int             key,
                                              gboolean        descending);
void            cl_filtered_rows_set_rows_at_once (ClFilteredRows *self,
                                                   guint           n_rows);
void            cl_filtered_rows_set_match   (ClFilteredRows *self,
                                              ClRowsMatch     match,
                                              gpointer        user_data);
void            cl_filtered_rows_refilter    (ClFilteredRows *self,
                                              gboolean        stricter);
GListModel     *cl_filtered_rows_get_items   (ClFilteredRows *self);
guint           cl_filtered_rows_get_n_shown (ClFilteredRows *self);
gpointer        cl_filtered_rows_peek_shown  (ClFilteredRows *self,
                                              guint           position);

G_END_DECLS
