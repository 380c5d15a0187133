/* cl-growing-rows.c — a long list's rows made a few at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row a list makes is styled and laid out in the frame it appears
 * in; made all at once, a list's rows hold the window for as long as they
 * take. Made a few per frame, on the widget's own frame clock, they
 * follow one another while the window stays live, and they wait while
 * the widget is not shown.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include "cl-growing-rows.h"

/* Whether @model will have more items: a filter still at work. */
static gboolean
is_pending (GListModel *model)
{
  return GTK_IS_FILTER_LIST_MODEL (model) && gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model));
}

/* Whether the rows made so far are all @rows makes one by one: the
 * others, if any, are shown at once. */
static gboolean
is_done (ClGrowingRows *rows)
{
  GListModel *model = gtk_slice_list_model_get_model (rows->slice);
  guint size = gtk_slice_list_model_get_size (rows->slice);

  return model == NULL || size >= rows->until
         || (size >= g_list_model_get_n_items (model) && !is_pending (model));
}

static gboolean
grow (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       data)
{
  ClGrowingRows *rows = data;

  /* the first frame lays out the first rows alone */
  if (!rows->laid_out)
    {
      rows->laid_out = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (is_done (rows))
    {
      gtk_slice_list_model_set_size (rows->slice, G_MAXUINT);
      rows->tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (rows->slice, gtk_slice_list_model_get_size (rows->slice) + rows->per_frame);
  return G_SOURCE_CONTINUE;
}

/**
 * cl_growing_rows_init:
 * @rows: the rows to set up
 * @widget: the widget that shows @rows' slice, whose frames make more
 * @model: (nullable): the list whose items are the rows, or %NULL for none yet
 * @first: how many rows are made at once
 * @per_frame: how many more each frame makes
 * @until: past as many rows, the others are all shown at once: those that
 *   @widget would not make anyway (a #GtkListView makes 200 at most), or
 *   %G_MAXUINT
 *
 * Sets up @rows over @model, its first @first items shown until
 * cl_growing_rows_restart () makes the others follow.
 */
void
cl_growing_rows_init (ClGrowingRows *rows,
                      GtkWidget     *widget,
                      GListModel    *model,
                      guint          first,
                      guint          per_frame,
                      guint          until)
{
  *rows = (ClGrowingRows) {
    .slice = gtk_slice_list_model_new (model ? g_object_ref (model) : NULL, 0, first),
    .widget = widget,
    .first = first,
    .per_frame = per_frame,
    .until = until,
  };
}

/**
 * cl_growing_rows_restart:
 * @rows: the rows
 * @model: (nullable): the list whose items are the rows from now on, or
 *   %NULL for the same
 *
 * Shows the rows again from the top: the first few at once, then a few
 * more at each of the widget's frames.
 */
void
cl_growing_rows_restart (ClGrowingRows *rows,
                         GListModel    *model)
{
  if (model != NULL)
    gtk_slice_list_model_set_model (rows->slice, model);
  gtk_slice_list_model_set_size (rows->slice, rows->first);
  rows->laid_out = FALSE;
  /* even with all the items in the first rows: more may come, as records
   * a page is about to give its list, or a filter still at work */
  if (rows->tick == 0)
    rows->tick = gtk_widget_add_tick_callback (rows->widget, grow, rows, NULL);
}

/**
 * cl_growing_rows_is_grown:
 * @rows: the rows
 *
 * Returns: whether all the rows are shown, none still to follow
 */
gboolean
cl_growing_rows_is_grown (ClGrowingRows *rows)
{
  return rows->tick == 0;
}

/**
 * cl_growing_rows_clear:
 * @rows: the rows
 *
 * Stops making rows and drops the slice, for the widget's dispose.
 */
void
cl_growing_rows_clear (ClGrowingRows *rows)
{
  if (rows->tick != 0)
    gtk_widget_remove_tick_callback (rows->widget, rows->tick);
  rows->tick = 0;
  g_clear_object (&rows->slice);
}
