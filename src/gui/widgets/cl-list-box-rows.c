/* cl-list-box-rows.c — the rows of a boxed list that is rebuilt from the
 * store, and what it says when it has none
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <adwaita.h>

#include "cl-list-box-rows.h"
#include "cl-plain-text.h"

guint
cl_list_box_count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

void
cl_list_box_remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* rows only: removing the placeholder as a child would drop it */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

GtkWidget *
cl_list_box_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
cl_list_box_text_row_new (const char *title,
                          const char *subtitle)
{
  GtkWidget *row = cl_action_row_new_plain (title, subtitle);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

void
cl_list_box_row_add_badge (GtkWidget  *row,
                           const char *text,
                           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}
