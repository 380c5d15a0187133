/* cl-pipeline-page.c — every open deal with its flags: sort, filter, inspect
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snapshot (deals, history, flags) is computed in a worker thread on a
 * connection of its own; the column view only ever holds the finished
 * model, with its deals sorted ahead by every column, and shown through
 * rows that stay (ClFilteredRows): a keystroke or a click on a column's
 * title changes which deal each visible row shows, in the same frame,
 * without rebuilding a row. A longer text looks again only at the deals
 * shown.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-loading-spinner.h"
#include "cl-moves.h"
#include "cl-cell-text.h"
#include "cl-filtered-rows.h"
#include "cl-free-in-thread.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-plain-text.h"
#include "cl-text.h"
#include "cl-view-rows.h"

struct _ClPipelinePage
{
  AdwBin              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *owner_filter;
  GtkDropDown        *stage_filter;
  GtkDropDown        *flag_filter;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  AdwSqueezer        *deals_squeezer;
  GtkScrolledWindow  *table_scroller;
  GtkColumnView      *column_view;
  GtkScrolledWindow  *rows_scroller;
  GtkListView        *deal_rows;
  GtkLabel           *summary_label;
  GtkListBox         *stages_list;
  GtkLabel           *moved_label;
  GtkListView        *moved_view;
  GtkStack           *section_stack;
  GtkToggleButton    *deals_button;
  GtkToggleButton    *stages_button;
  GtkToggleButton    *moved_button;

  ClStore            *store;
  ClProcess          *process;
  ClFlagSettings      settings;
  ClDay               as_of;
  GArray             *owner_ids;     /* gint64, parallel to the owner drop-down; 0: all */
  ClFilteredRows     *rows;          /* the snapshot's deals shown, in the table's order; NULL until loaded */
  int                 sort_column;   /* the table's order: a column, -1 for none */
  gboolean            sort_descending;
  int                 probed_column; /* see on_sort_changed () */
  GtkSingleSelection *selection;     /* of the deals shown, in the table or the rows */
  GtkFilterListModel *moves;         /* ClMoveLine, newest first, under the same filters; read
                                      * when their section first shows (see read_moves ()) */
  GtkNoSelection     *moves_shown;   /* of @moves, in the list only while it shows */
  gboolean            stages_stale;  /* the funnel waits for its section to show */
  GtkCustomFilter    *moves_filter;
  gboolean            moves_stale;   /* the filters changed while what moved was hidden */
  guint               n_moves;       /* since the last review, unfiltered */
  ClDay               moves_since;
  gboolean            moves_reading;
  gboolean            moves_read;    /* what moved is shown, or why it could not be read */
  GCancellable       *cancellable;
  char               *needle;        /* the search text folded, NULL when there is none */
  guint               owner_choice;  /* the drop-downs' positions as the filters last read them */
  guint               stage_choice;
  guint               flag_choice;
  gboolean            loaded;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (ClPipelinePage, cl_pipeline_page, ADW_TYPE_BIN)

/* "loaded": the snapshot is in (or the error that stopped it) */
static guint loaded_signal;

/* ------------------------------------------------------------------ moves */

/* One line of what moved, with what the filters ask of it. */
#define CL_TYPE_MOVE_LINE (cl_move_line_get_type ())
G_DECLARE_FINAL_TYPE (ClMoveLine, cl_move_line, CL, MOVE_LINE, GObject)

struct _ClMoveLine
{
  GObject  parent_instance;
  ClMove  *move;         /* said as the list says it only when shown: a large team's
                          * weeks move tens of thousands of deals */
  char    *search_text;  /* the deal's name and account, as cl_text_fold () folds them */
};

G_DEFINE_FINAL_TYPE (ClMoveLine, cl_move_line, G_TYPE_OBJECT)

static void
cl_move_line_finalize (GObject *object)
{
  ClMoveLine *self = CL_MOVE_LINE (object);

  g_clear_pointer (&self->move, cl_move_free);
  g_free (self->search_text);
  G_OBJECT_CLASS (cl_move_line_parent_class)->finalize (object);
}

static void
cl_move_line_class_init (ClMoveLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_move_line_finalize;
}

static void
cl_move_line_init (ClMoveLine *self)
{
}

/* Takes @move. */
static gpointer
cl_move_line_new (ClMove *move)
{
  ClMoveLine *self = g_object_new (CL_TYPE_MOVE_LINE, NULL);
  g_autofree char *both = g_strconcat (move->deal_name, "\n", move->account ? move->account : "", NULL);

  self->move = move;
  self->search_text = cl_text_fold (both);
  return self;
}

/* ------------------------------------------------------------------ columns */

typedef char *(*CellText)    (ClPipelinePage *self,
                              ClPipelineItem *item);
typedef int   (*CellCompare) (ClPipelineItem *a,
                              ClPipelineItem *b);

static char *
text_deal (ClPipelinePage *self, ClPipelineItem *item)
{
  return g_strdup (item->facts->deal->name);
}

static char *
text_account (ClPipelinePage *self, ClPipelineItem *item)
{
  return g_strdup (item->facts->deal->account);
}

static char *
text_owner (ClPipelinePage *self, ClPipelineItem *item)
{
  return g_strdup (item->facts->deal->owner_name);
}

static char *
text_stage (ClPipelinePage *self, ClPipelineItem *item)
{
  const ClStage *stage = cl_process_find (self->process, item->state.stage_id);

  return g_strdup (stage ? stage->name : "");
}

static char *
text_amount (ClPipelinePage *self, ClPipelineItem *item)
{
  return cl_money_format (item->state.amount_cents, item->facts->deal->currency);
}

static char *
text_close_date (ClPipelinePage *self, ClPipelineItem *item)
{
  return cl_date_format (item->state.close_date);
}

static char *
text_forecast (ClPipelinePage *self, ClPipelineItem *item)
{
  return g_strdup (cl_forecast_label (item->facts->deal->forecast));
}

static char *
text_days (ClPipelinePage *self, ClPipelineItem *item)
{
  return g_strdup_printf ("%d", item->days_in_stage);
}

/* the most severe first, so a narrow column still shows what matters */
static char *
text_flags (ClPipelinePage *self, ClPipelineItem *item)
{
  return cl_flags_join_labels (item->flags, cl_text_list_separator ());
}

static char *
text_risk (ClPipelinePage *self, ClPipelineItem *item)
{
  return g_strdup (cl_risk_level_label (cl_risk_level (item->flags)));
}

#define COMPARE(x, y) (((x) > (y)) - ((x) < (y)))

static int
compare_deal (ClPipelineItem *a, ClPipelineItem *b)
{
  return g_strcmp0 (a->facts->deal->name, b->facts->deal->name);
}

static int
compare_account (ClPipelineItem *a, ClPipelineItem *b)
{
  return g_strcmp0 (a->facts->deal->account, b->facts->deal->account);
}

static int
compare_owner (ClPipelineItem *a, ClPipelineItem *b)
{
  return g_strcmp0 (a->facts->deal->owner_name, b->facts->deal->owner_name);
}

static int
compare_stage (ClPipelineItem *a, ClPipelineItem *b)
{
  return COMPARE (a->stage_index, b->stage_index);
}

static int
compare_amount (ClPipelineItem *a, ClPipelineItem *b)
{
  return COMPARE (a->state.amount_cents, b->state.amount_cents);
}

static int
compare_close_date (ClPipelineItem *a, ClPipelineItem *b)
{
  return COMPARE (a->state.close_date, b->state.close_date);
}

static int
compare_forecast (ClPipelineItem *a, ClPipelineItem *b)
{
  return COMPARE (a->facts->deal->forecast, b->facts->deal->forecast);
}

static int
compare_days (ClPipelineItem *a, ClPipelineItem *b)
{
  return COMPARE (a->days_in_stage, b->days_in_stage);
}

static int
compare_flags (ClPipelineItem *a, ClPipelineItem *b)
{
  int by_severity = COMPARE (cl_flags_severity_points (a->flags), cl_flags_severity_points (b->flags));

  return by_severity ? by_severity : COMPARE (__builtin_popcount (a->flags), __builtin_popcount (b->flags));
}

static int
compare_risk (ClPipelineItem *a, ClPipelineItem *b)
{
  return COMPARE (a->risk, b->risk);
}

/* Each flag says why, with its dates and values; the risk, in a sentence:
 * worded when the pointer asks, not for every row bound while scrolling. */
static char *
explain_flags (ClPipelinePage *self, ClPipelineItem *item)
{
  return cl_pipeline_item_explain (item, self->process, &self->settings, self->as_of);
}

static char *
explain_risk (ClPipelinePage *self, ClPipelineItem *item)
{
  return cl_pipeline_item_explain_risk (item, self->process, &self->settings, self->as_of);
}

static const struct
{
  const char  *title;
  CellText     text;
  CellCompare  compare;
  CellText     explain;    /* the tooltip of a flagged deal's cell, or NULL */
  gboolean     numeric;
  gboolean     expand;
  /* in characters: at least (the deal and its flags are what the table is
   * read for), at most (a long account must not take the room they expand
   * into on a wide window); -1: any */
  int          min_chars;
  int          max_chars;
} columns[] = {
  { N_("Deal"), text_deal, compare_deal, NULL, FALSE, TRUE, 16, -1 },
  { N_("Account"), text_account, compare_account, NULL, FALSE, FALSE, -1, 12 },
  { N_("Owner"), text_owner, compare_owner, NULL, FALSE, FALSE, -1, 14 },
  { N_("Stage"), text_stage, compare_stage, NULL, FALSE, FALSE, -1, 13 },
  { N_("Amount"), text_amount, compare_amount, NULL, TRUE, FALSE, -1, -1 },
  { N_("Close date"), text_close_date, compare_close_date, NULL, TRUE, FALSE, -1, -1 },
  { N_("Forecast"), text_forecast, compare_forecast, NULL, FALSE, FALSE, -1, 9 },
  { N_("Days in stage"), text_days, compare_days, NULL, TRUE, FALSE, -1, -1 },
  { N_("Flags"), text_flags, compare_flags, explain_flags, FALSE, TRUE, 13, -1 },
  { N_("Risk"), text_risk, compare_risk, explain_risk, FALSE, FALSE, 8, -1 },
};

enum { COLUMN_AMOUNT = 4 };

static int
compare_by_column (gpointer a,
                   gpointer b,
                   guint    column)
{
  return columns[column].compare (a, b);
}

/* The sorter of a column, asked only by on_sort_changed (): the first
 * column asked notes itself and answers "smaller", the others "equal". */
static int
probe_column (gconstpointer a,
              gconstpointer b,
              gpointer      column)
{
  ClPipelinePage *self = (ClPipelinePage *) a;

  if (self->probed_column >= 0)
    return 0;
  self->probed_column = GPOINTER_TO_INT (column);
  return -1;
}

static gboolean
on_cell_query_tooltip (GtkWidget      *label,
                       int             x,
                       int             y,
                       gboolean        keyboard,
                       GtkTooltip     *tooltip,
                       ClPipelinePage *self)
{
  ClRow *row = g_object_get_data (G_OBJECT (label), "row");
  ClPipelineItem *item = row != NULL ? cl_row_get_item (row) : NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *why = NULL;

  if (item == NULL || item->flags == 0)
    return FALSE;
  why = columns[index].explain (self, item);
  gtk_tooltip_set_text (tooltip, why);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  column)
{
  guint index = GPOINTER_TO_UINT (column);
  /* a number cut short would read as another number: it never is */
  GtkWidget *label = cl_cell_text_new (columns[index].numeric, columns[index].min_chars, columns[index].max_chars,
                                       g_object_get_data (G_OBJECT (factory), "cell-column"));

  g_object_set_data (G_OBJECT (label), "column", column);
  g_object_set_data (G_OBJECT (label), "page", g_object_get_data (G_OBJECT (factory), "page"));
  if (columns[index].explain != NULL)
    {
      gtk_widget_add_css_class (label, "warning");
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip),
                        g_object_get_data (G_OBJECT (factory), "page"));
    }
  gtk_list_item_set_child (list_item, label);
}

/* The cell's text for the deal its row shows now. */
static void
show_cell (ClRow      *row,
           GParamSpec *pspec,
           ClCellText *cell)
{
  ClPipelinePage *self = g_object_get_data (G_OBJECT (cell), "page");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  ClPipelineItem *item = cl_row_get_item (row);
  g_autofree char *text = item != NULL ? columns[index].text (self, item) : NULL;

  /* a row past the last deal shows nothing until the table shortens */
  cl_cell_text_set_text (cell, text);
  /* only a flagged deal's flags and risk say why, when pointed at */
  gtk_widget_set_has_tooltip (GTK_WIDGET (cell), columns[index].explain != NULL && item != NULL && item->flags != 0);
}

/* A row keeps its cells while the deal it shows changes (a filter, an
 * order): each cell follows its row until unbound. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  ClRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (label), "row", row);
  show_cell (row, NULL, CL_CELL_TEXT (label));
  g_signal_connect_object (row, "notify::item", G_CALLBACK (show_cell), label, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), show_cell, label);
  g_object_set_data (G_OBJECT (label), "row", NULL);
}

static void
add_columns (ClPipelinePage *self)
{
  GtkColumnViewColumn *by_amount = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_object_set_data_full (G_OBJECT (factory), "cell-column", cl_cell_column_new (),
                              (GDestroyNotify) cl_cell_column_unref);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (probe_column,
                                                                                     GUINT_TO_POINTER (i),
                                                                                     NULL)));
      g_object_unref (gtk_column_view_column_get_sorter (column));
      gtk_column_view_append_column (self->column_view, column);
      if (i == COLUMN_AMOUNT)
        by_amount = column;
      g_object_unref (column);
    }
  gtk_column_view_sort_by_column (self->column_view, by_amount, GTK_SORT_DESCENDING);
}

/* ------------------------------------------------------------------ narrow rows */

/* Below the table's width each deal is two lines, wrapped, never cut:
 * its name and amount, then its account, owner, stage and flags. */
static void
setup_deal_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_widget_set_valign (amount, GTK_ALIGN_START);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (first), name);
  gtk_box_append (GTK_BOX (first), amount);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

/* The two lines of the deal the row shows now. */
static void
show_deal_row (ClRow      *row,
               GParamSpec *pspec,
               GtkWidget  *box)
{
  ClPipelinePage *self = g_object_get_data (G_OBJECT (box), "page");
  GtkWidget *first = gtk_widget_get_first_child (box);
  ClPipelineItem *item = cl_row_get_item (row);
  g_autofree char *name = NULL, *amount = NULL, *detail = NULL;

  if (item != NULL)
    cl_view_format_pipeline_item (item, self->process, &name, &amount, &detail);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (first)), name);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (first)), amount);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), detail);
}

/* as bind_cell (): the row follows the deal its position shows */
static void
bind_deal_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ClPipelinePage           *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  ClRow *row = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (box), "page", self);
  show_deal_row (row, NULL, box);
  g_signal_connect_object (row, "notify::item", G_CALLBACK (show_deal_row), box, 0);
}

static void
unbind_deal_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), show_deal_row,
                                        gtk_list_item_get_child (list_item));
}

/* Only the view shown holds the deals: the other would follow every
 * change of a filter for nothing. */
static void
on_width_changed (ClPipelinePage *self)
{
  gboolean narrow = cl_pipeline_page_is_narrow (self);

  gtk_column_view_set_model (self->column_view, narrow ? NULL : GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_model (self->deal_rows, narrow ? GTK_SELECTION_MODEL (self->selection) : NULL);
}

/* The rows the page's height can show, and more: no row is shorter than
 * this. The rows below them take a change after its frame, see
 * cl_filtered_rows_set_rows_at_once (). */
#define SHORTEST_ROW_PX 16

static void
show_top_rows_first (ClPipelinePage *self)
{
  cl_filtered_rows_set_rows_at_once (self->rows, gtk_widget_get_height (GTK_WIDGET (self)) / SHORTEST_ROW_PX + 2);
}

/* A new order or filter starts at the top, in the table or the rows,
 * whichever shows (the other has no deals). Its adjustment cannot say so
 * yet: the rows it measured are those of the old order. The list's own
 * action anchors it at the first row instead; the table's rows are a list
 * view inside the column view. */
static void
scroll_to_top (ClPipelinePage *self)
{
  GtkWidget *list = GTK_WIDGET (self->deal_rows);

  if (!cl_pipeline_page_is_narrow (self))
    for (list = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
         list != NULL && !GTK_IS_LIST_VIEW (list); list = gtk_widget_get_next_sibling (list))
      ;
  if (list != NULL && self->rows != NULL && cl_filtered_rows_get_n_shown (self->rows) > 0)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0);
}

/* A click on a column's title: the deals take the order sorted ahead for
 * it. GTK 4.8 does not say which column the table is sorted by (4.10 adds
 * gtk_column_view_sorter_get_primary_sort_column ()), so the table's
 * sorter is asked to compare the page with its table: it asks its primary
 * column first, which notes itself, and turns the answer round when that
 * column goes down; no column asked means no order. */
static void
on_sort_changed (ClPipelinePage *self)
{
  GtkOrdering order;

  self->probed_column = -1;
  /* two objects: a sorter does not ask its columns about an item and itself */
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), self, self->column_view);
  self->sort_column = order == GTK_ORDERING_EQUAL ? -1 : self->probed_column;
  self->sort_descending = order == GTK_ORDERING_LARGER;
  if (self->rows != NULL)
    {
      show_top_rows_first (self);
      cl_filtered_rows_set_order (self->rows, self->sort_column, self->sort_descending);
    }
  scroll_to_top (self);
}

/* ------------------------------------------------------------------ filters */

static gboolean
matches (gpointer object,
         gpointer user_data)
{
  ClPipelinePage *self = user_data;
  ClPipelineItem *item = object;
  ClDeal *deal = item->facts->deal;
  guint owner = self->owner_choice, stage = self->stage_choice, flag = self->flag_choice;

  if (owner > 0 && owner < self->owner_ids->len
      && deal->owner_id != g_array_index (self->owner_ids, gint64, owner))
    return FALSE;
  if (stage > 0 && stage <= self->process->stages->len
      && item->stage_index != (int) stage - 1)
    return FALSE;
  if (flag > 0 && flag <= CL_N_FLAGS && !(item->flags & (1u << (flag - 1))))
    return FALSE;
  return self->needle == NULL || cl_pipeline_item_matches_text (item, self->needle);
}

/* The owner, stage and text filters, the flags aside: a deal that closed
 * has none, and what moved says nothing of them. The stage is the one the
 * deal is in, or one it left or entered. */
static gboolean
matches_move (gpointer object,
              gpointer user_data)
{
  ClPipelinePage *self = user_data;
  ClMove *move = CL_MOVE_LINE (object)->move;
  guint owner = self->owner_choice, stage = self->stage_choice;

  if (owner > 0 && owner < self->owner_ids->len
      && move->owner_id != g_array_index (self->owner_ids, gint64, owner))
    return FALSE;
  if (stage > 0 && stage <= self->process->stages->len
      && !cl_move_involves_stage (move, ((ClStage *) g_ptr_array_index (self->process->stages, stage - 1))->id))
    return FALSE;
  return self->needle == NULL || strstr (CL_MOVE_LINE (object)->search_text, self->needle) != NULL;
}

/* The funnel of the deals shown: per stage, how many and how much. */
static void
show_stages (ClPipelinePage *self,
             const ClCentsTotal *amounts,
             const guint        *counts,
             const char     *currency)
{
  guint n_stages = self->process ? self->process->stages->len : 0;
  ClCentsTotal largest = 1;
  GtkWidget *row;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->stages_list, 0))) != NULL)
    gtk_list_box_remove (self->stages_list, row);
  for (guint s = 0; s < n_stages; s++)
    largest = MAX (largest, amounts[s]);
  for (guint s = 0; s < n_stages; s++)
    {
      const ClStage *stage = g_ptr_array_index (self->process->stages, s);
      g_autofree char *amount = cl_money_format (amounts[s], currency);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deal · %s",
                                                                "%u deals · %s", counts[s]),
                                                   counts[s], amount);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

      row = cl_action_row_new_plain (stage->name, subtitle);
      /* one colour: the bar compares stages, it does not grade them */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double) amounts[s] / largest);
      gtk_widget_set_size_request (bar, 96, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      gtk_list_box_append (self->stages_list, row);
    }
}

/* What the deals shown add up to in one currency. */
typedef struct
{
  const char   *currency;   /* a deal's; they outlive the count */
  ClCentsTotal  cents;
} CurrencyTotal;

static void
add_to_currency (GArray       *totals,
                 const char   *currency,
                 ClCentsTotal  cents)
{
  CurrencyTotal added = { currency, cents };

  /* a team has a currency or two: a look along them is quicker than a hash */
  for (guint i = 0; i < totals->len; i++)
    {
      CurrencyTotal *total = &g_array_index (totals, CurrencyTotal, i);

      if (g_strcmp0 (total->currency, currency) == 0)
        {
          total->cents += cents;
          return;
        }
    }
  g_array_append_val (totals, added);
}

static int
compare_currency_totals (gconstpointer a,
                         gconstpointer b)
{
  const CurrencyTotal *x = a, *y = b;
  int by_amount = COMPARE (y->cents, x->cents);

  return by_amount ? by_amount : g_strcmp0 (x->currency, y->currency);
}

/* "1 250 000 EUR + 80 000 USD", the largest first */
static char *
format_currency_totals (GArray *totals)
{
  GString *text = g_string_new (NULL);

  g_array_sort (totals, compare_currency_totals);
  for (guint i = 0; i < totals->len; i++)
    {
      CurrencyTotal *total = &g_array_index (totals, CurrencyTotal, i);
      g_autofree char *amount = cl_money_format (total->cents, total->currency);

      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, amount);
    }
  return g_string_free (text, FALSE);
}

static void
update_summary (ClPipelinePage *self)
{
  guint n = self->rows ? cl_filtered_rows_get_n_shown (self->rows) : 0;
  guint n_all = self->rows ? g_list_model_get_n_items (cl_filtered_rows_get_items (self->rows)) : 0;
  guint n_stages = self->process ? self->process->stages->len : 0;
  g_autofree ClCentsTotal *amounts = g_new0 (ClCentsTotal, n_stages + 1);
  g_autofree guint *counts = g_new0 (guint, n_stages + 1);
  const char *currency = NULL;
  guint n_flagged = 0;
  g_autoptr (GArray) per_currency = g_array_new (FALSE, FALSE, sizeof (CurrencyTotal));
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  /* one pass over the deals shown feeds the line and the funnel */
  if (!self->loaded)
    return;
  for (guint i = 0; i < n; i++)
    {
      ClPipelineItem *item = cl_filtered_rows_peek_shown (self->rows, i);

      n_flagged += item->flags != 0;
      add_to_currency (per_currency, item->currency, item->state.amount_cents);
      if (item->stage_index < 0)
        continue;
      /* the snapshot's process, by which the arrays are sized, indexed it */
      g_assert (item->stage_index < (int) n_stages);
      amounts[item->stage_index] += item->state.amount_cents;
      counts[item->stage_index]++;
    }
  total = format_currency_totals (per_currency);
  /* the funnel's amounts are in the largest total's currency, whatever
   * the table's order */
  if (per_currency->len > 0)
    currency = g_array_index (per_currency, CurrencyTotal, 0).currency;
  if (n > 0)
    /* Translators: deals shown, deals open, what the deals shown add up to
     * per currency ("1 250 000 EUR + 80 000 USD"), deals shown that carry a flag */
    text = g_strdup_printf (_("%u of %u open deals · %s · %u flagged"), n, n_all, total, n_flagged);
  else
    /* Translators: no deal shown of this many open */
    text = g_strdup_printf (_("0 of %u open deals"), n_all);
  gtk_label_set_text (self->summary_label, text);
  /* the funnel's rows are rebuilt only where they show */
  self->stages_stale = !gtk_toggle_button_get_active (self->stages_button);
  if (!self->stages_stale)
    show_stages (self, amounts, counts, currency);
  gtk_stack_set_visible_child_name (self->stack,
                                    n_all == 0 ? "empty"
                                    : n == 0 ? "no-results" : "list");
}

/* How a filter changed, from what it was to what it is: "stricter" need
 * test again only the deals it shows, "looser" only those it hides. */
typedef struct
{
  gboolean stricter, looser, other;
} FilterChange;

static void
compare_choice (FilterChange *change,
                guint         was,
                guint         is)
{
  /* the first choice of each drop-down is "all" */
  if (was == is)
    return;
  if (was == 0)
    change->stricter = TRUE;
  else if (is == 0)
    change->looser = TRUE;
  else
    change->other = TRUE;
}

static void
compare_needle (FilterChange *change,
                const char   *was,
                const char   *is)
{
  if (g_strcmp0 (was, is) == 0)
    return;
  if (was == NULL || (is != NULL && strstr (is, was) != NULL))
    change->stricter = TRUE;
  else if (is == NULL || strstr (was, is) != NULL)
    change->looser = TRUE;
  else
    change->other = TRUE;
}

/* The change as a GtkFilterChange; FALSE when nothing changed. */
static gboolean
filter_change_kind (const FilterChange *change,
                    GtkFilterChange    *kind)
{
  *kind = change->other || (change->stricter && change->looser) ? GTK_FILTER_CHANGE_DIFFERENT
          : change->stricter ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
  return change->stricter || change->looser || change->other;
}

/* At every keystroke and choice: the filters read what changed once, and
 * the deals shown follow before the next frame, from the top. */
static void
on_filter_changed (ClPipelinePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = *text != '\0' ? cl_text_fold (text) : NULL;
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint flag = gtk_drop_down_get_selected (self->flag_filter);
  FilterChange moves = { FALSE }, deals;
  GtkFilterChange kind;

  compare_needle (&moves, self->needle, needle);
  compare_choice (&moves, self->owner_choice, owner);
  compare_choice (&moves, self->stage_choice, stage);
  /* what moved has no flags */
  deals = moves;
  compare_choice (&deals, self->flag_choice, flag);
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  self->owner_choice = owner;
  self->stage_choice = stage;
  self->flag_choice = flag;
  if (filter_change_kind (&moves, &kind))
    {
      if (gtk_toggle_button_get_active (self->moved_button))
        gtk_filter_changed (GTK_FILTER (self->moves_filter), kind);
      else
        self->moves_stale = TRUE;
    }
  if (self->rows != NULL && filter_change_kind (&deals, &kind))
    {
      show_top_rows_first (self);
      cl_filtered_rows_refilter (self->rows, kind == GTK_FILTER_CHANGE_MORE_STRICT);
      update_summary (self);
      scroll_to_top (self);
    }
}

static void read_moves_shown (ClPipelinePage *self);

/* Only the section shown follows the filters: a hidden list of what moved
 * would rebuild its rows at each keystroke, the funnel its stages. */
static void
on_section_toggled (ClPipelinePage *self)
{
  gboolean moved = gtk_toggle_button_get_active (self->moved_button);

  /* what moved has no flags to filter by */
  gtk_widget_set_sensitive (GTK_WIDGET (self->flag_filter), !moved);
  if (moved && self->moves_stale)
    {
      self->moves_stale = FALSE;
      gtk_filter_changed (GTK_FILTER (self->moves_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  gtk_list_view_set_model (self->moved_view, moved ? GTK_SELECTION_MODEL (self->moves_shown) : NULL);
  read_moves_shown (self);
  if (self->stages_stale && gtk_toggle_button_get_active (self->stages_button))
    update_summary (self);
  gtk_stack_set_visible_child_name (self->section_stack,
                                    gtk_toggle_button_get_active (self->stages_button) ? "stages"
                                    : gtk_toggle_button_get_active (self->moved_button) ? "moved"
                                    : "deals");
}

void
cl_pipeline_page_show_section (ClPipelinePage *self,
                               const char     *section)
{
  GtkToggleButton *button = g_str_equal (section, "stages") ? self->stages_button
                            : g_str_equal (section, "moved") ? self->moved_button
                            : self->deals_button;

  gtk_toggle_button_set_active (button, TRUE);
}

void
cl_pipeline_page_set_filter (ClPipelinePage *self,
                             guint           owner,
                             guint           stage,
                             guint           flag,
                             const char     *text)
{
  gtk_drop_down_set_selected (self->owner_filter, owner);
  gtk_drop_down_set_selected (self->stage_filter, stage);
  gtk_drop_down_set_selected (self->flag_filter, flag);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_filter_changed (self);
}

/* Offers @choices in @drop_down. They are rebuilt at every reload (after an
 * import, a review), which must not undo the user's filter: what was chosen
 * stays chosen while it is still offered, found by name, since the same
 * position in the new list may be another rep or stage. */
static void
offer_choices (GtkDropDown   *drop_down,
               GtkStringList *choices)
{
  GtkStringObject *chosen = gtk_drop_down_get_selected (drop_down) > 0
                            ? gtk_drop_down_get_selected_item (drop_down) : NULL;
  /* copied: the old list, which owns the string, goes with the new model */
  g_autofree char *name = chosen ? g_strdup (gtk_string_object_get_string (chosen)) : NULL;
  guint keep = 0;

  for (guint i = 1; name != NULL && keep == 0 && i < g_list_model_get_n_items (G_LIST_MODEL (choices)); i++)
    if (g_str_equal (gtk_string_list_get_string (choices, i), name))
      keep = i;
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (drop_down, keep);
}

/* The drop-downs' choices: the snapshot's @reps, the stages, the flags. */
static void
fill_filters (ClPipelinePage *self,
              GListModel     *reps)
{
  g_autoptr (GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) flags = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (owners, _("All owners"));
  g_array_append_val (self->owner_ids, all);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      gtk_string_list_append (owners, rep->name);
      g_array_append_val (self->owner_ids, rep->id);
    }
  gtk_string_list_append (stages, _("All stages"));
  for (guint i = 0; i < self->process->stages->len; i++)
    gtk_string_list_append (stages, ((ClStage *) g_ptr_array_index (self->process->stages, i))->name);
  gtk_string_list_append (flags, _("Any flags"));
  for (int f = 0; f < CL_N_FLAGS; f++)
    gtk_string_list_append (flags, cl_flag_label (f));

  offer_choices (self->owner_filter, owners);
  offer_choices (self->stage_filter, stages);
  offer_choices (self->flag_filter, flags);
}

/* ------------------------------------------------------------------ loading */

/* What the page shows, read by one load and kept together: the deals'
 * stage_index is a position in this process, which sizes the funnel and
 * the stage filter; the owner filter offers these reps. */
typedef struct
{
  ClDay           as_of;
  GListModel     *deals;
  ClFilteredRows *rows;      /* the deals sorted ahead by every column */
  ClProcess      *process;
  ClFlagSettings  settings;  /* the deals were flagged with these */
  GListModel     *reps;      /* ClRep the owner filter offers: all, but a manager who owns none of @deals */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_object (&snapshot->deals);
  g_clear_object (&snapshot->rows);
  g_clear_pointer (&snapshot->process, cl_process_free);
  g_clear_object (&snapshot->reps);
  g_free (snapshot);
}

/* What a load reads, copied on the main thread when it starts. */
typedef struct
{
  char *path;
  int   sort_column;  /* sorted first: the table shows in that order */
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_free (request->path);
  g_free (request);
}

/* What the load reads on its connection while the deals' history is read
 * on another: the process, the reps and the flag settings. */
static gboolean
read_beside_history (ClStore  *store,
                     gpointer  data,
                     GError  **error)
{
  Snapshot *snapshot = data;

  if ((snapshot->process = cl_process_load (store, snapshot->as_of, error)) == NULL
      || (snapshot->reps = cl_store_list_reps (store, error)) == NULL)
    return FALSE;
  cl_flag_settings_load (&snapshot->settings, store);
  return TRUE;
}

/* @reps (ClRep) less a manager who owns none of @deals (ClPipelineItem) */
static GListStore *
list_owners (GListModel *reps,
             GListModel *deals)
{
  g_autoptr (GHashTable) owning = g_hash_table_new (g_int64_hash, g_int64_equal);
  GListStore *owners = g_list_store_new (CL_TYPE_REP);

  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (deals, i);

      g_hash_table_add (owning, &item->facts->deal->owner_id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      if (!rep->is_manager || g_hash_table_contains (owning, &rep->id))
        g_list_store_append (owners, rep);
    }
  return owners;
}

/* In a worker thread: the inspected deals with the stages and reps they
 * were read with, and what moved since the last review. The deals'
 * history is read on another connection while this one lists the deals
 * and reads the rest: the two share the machine's cores. */
static void
compute_snapshot (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ClPipelinePage *self = source;
  GError *error = NULL;
  LoadRequest *request = task_data;
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  g_autoptr (ClStore) store = cl_store_open_read_through (request->path, &error);
  g_autoptr (GPtrArray) facts = NULL;
  GListStore *reps;

  snapshot->as_of = self->as_of;
  if (store != NULL)
    facts = cl_deal_facts_load_apart (store, snapshot->as_of, 0, read_beside_history, snapshot, &error);
  if (facts == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      snapshot_free (snapshot);
      g_task_return_error (task, error);
      return;
    }
  snapshot->deals = cl_pipeline_inspect_facts (facts, snapshot->process, &snapshot->settings, snapshot->as_of);
  /* the table shows the deals as they are: only a flagged deal says why */
  cl_pipeline_forget_unflagged_pasts (snapshot->deals, snapshot->as_of);
  snapshot->rows = cl_filtered_rows_new (snapshot->deals, G_N_ELEMENTS (columns), compare_by_column,
                                         request->sort_column);
  reps = list_owners (snapshot->reps, snapshot->deals);
  g_object_unref (snapshot->reps);
  snapshot->reps = G_LIST_MODEL (reps);
  g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

/* "12 changes since …", or "3 of 12 changes since …" while filtered */
static void
update_moves_heading (ClPipelinePage *self)
{
  g_autofree char *since = NULL;
  g_autofree char *heading = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->moves));

  if (gtk_filter_list_model_get_model (self->moves) == NULL)
    return;
  since = cl_date_format (self->moves_since);
  if (shown == self->n_moves)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change since %s, the last review",
                                            "%u changes since %s, the last review", self->n_moves),
                               self->n_moves, since);
  else
    /* Translators: changes that the filters leave, of all the changes since the last review */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u change since %s, the last review",
                                            "%u of %u changes since %s, the last review", self->n_moves),
                               shown, self->n_moves, since);
  gtk_label_set_text (self->moved_label, heading);
}

/* What moved since the last review, read when its section first shows: a
 * large team's week moves tens of thousands of deals, which the table need
 * not wait for, nor share the processor with as it shows. */
typedef struct
{
  char       *path;
  ClDay       as_of;
  ClProcess  *process;  /* the deals', to name the stages */
  ClDay       since;    /* read: the last review */
  GListStore *moves;    /* read: ClMoveLine, newest first */
} MovesRead;

static void
moves_read_free (MovesRead *read)
{
  g_free (read->path);
  cl_process_free (read->process);
  g_clear_object (&read->moves);
  g_free (read);
}

static void
read_moves (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  MovesRead *read = task_data;
  GError *error = NULL;
  g_autoptr (ClStore) store = cl_store_open_read_through (read->path, &error);
  g_autoptr (GPtrArray) moved = NULL;

  if (store != NULL && (read->since = cl_store_moves_since (store, read->as_of, &error)) != 0)
    moved = cl_moves_load (store, read->process, read->since, read->as_of, &error);
  if (moved == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  read->moves = g_list_store_new (CL_TYPE_MOVE_LINE);
  g_ptr_array_set_free_func (moved, NULL);
  for (guint i = moved->len; i > 0; i--)
    {
      g_autoptr (ClMoveLine) line = cl_move_line_new (g_ptr_array_index (moved, i - 1));

      g_list_store_append (read->moves, line);
    }
  g_task_return_boolean (task, TRUE);
}

static void
moves_ready (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClPipelinePage *self = CL_PIPELINE_PAGE (source);
  MovesRead *read = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: the Pipeline's Moved tab; %s says why */
      text = g_strdup_printf (_("What moved since the last review could not be read: %s"), error->message);
      gtk_label_set_text (self->moved_label, text);
    }
  else
    {
      self->moves_since = read->since;
      self->n_moves = g_list_model_get_n_items (G_LIST_MODEL (read->moves));
      gtk_filter_list_model_set_model (self->moves, G_LIST_MODEL (read->moves));
      update_moves_heading (self);
    }
  self->moves_reading = FALSE;
  self->moves_read = TRUE;
}

/* Reads what moved up to the deals' day, in the stages of their process,
 * once the deals are read and what moved shows, unless it is read. */
static void
read_moves_shown (ClPipelinePage *self)
{
  g_autoptr (GTask) task = NULL;
  MovesRead *read;

  if (!self->loaded || self->process == NULL || self->moves_read || self->moves_reading
      || !gtk_toggle_button_get_active (self->moved_button))
    return;
  self->moves_reading = TRUE;
  task = g_task_new (self, self->cancellable, moves_ready, NULL);
  read = g_new0 (MovesRead, 1);
  read->path = g_strdup (cl_store_get_path (self->store));
  read->as_of = self->as_of;
  read->process = cl_process_copy (self->process);
  g_task_set_task_data (task, read, (GDestroyNotify) moves_read_free);
  gtk_label_set_text (self->moved_label, _("Reading what moved since the last review…"));
  g_task_run_in_thread (task, read_moves);
}

static void
setup_move_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_move_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  ClMoveLine *line = gtk_list_item_get_item (list_item);
  g_autofree char *text = cl_move_describe (line->move);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
snapshot_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClPipelinePage *self = CL_PIPELINE_PAGE (source);
  g_autoptr (GError) error = NULL;
  Snapshot *snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean reused = self->rows != NULL;  /* the rows made for the deals before */

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (snapshot == NULL)
    {
      /* none of the deals read before stand */
      gtk_single_selection_set_model (self->selection, NULL);
      g_clear_object (&self->rows);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Could Not Inspect the Pipeline"));
      cl_status_page_set_plain_description (self->empty_page, error->message);
    }
  else
    {
      /* the process and the reps the deals were read with, never older
       * ones: an import adds stages and reps, and a stage_index past the
       * page's process would count outside the funnel's arrays */
      g_clear_pointer (&self->process, cl_process_free);
      self->process = g_steal_pointer (&snapshot->process);
      self->settings = snapshot->settings;
      fill_filters (self, snapshot->reps);
      /* in the table's order, under the filters chosen: the rows made
       * for the deals before show these, as after a new filter; the first
       * rows are shown while still empty and come a few milliseconds'
       * worth at a time between frames. Shown full, GTK would make their
       * first two hundred rows' widgets at once, 0.1 s, and would take as
       * long to drop them at each reload. */
      if (reused)
        cl_filtered_rows_take_items (self->rows, snapshot->rows);
      else
        {
          self->rows = g_steal_pointer (&snapshot->rows);
          gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
        }
      cl_filtered_rows_set_match (self->rows, matches, self);
      cl_filtered_rows_set_order (self->rows, self->sort_column, self->sort_descending);
      cl_filtered_rows_refilter (self->rows, FALSE);
      if (reused)
        {
          /* from the top, as a table of new rows would be; once the rows
           * show the new deals, which the columns then size to */
          gtk_single_selection_set_selected (self->selection, 0);
          scroll_to_top (self);
        }
    }
  /* loaded only now: the filters just offered have changed, and a summary
   * counted before the deals are in would say "No Open Deals" */
  self->loaded = TRUE;
  update_summary (self);
  read_moves_shown (self);
  g_clear_pointer (&snapshot, snapshot_free);
  g_signal_emit (self, loaded_signal, 0);
}

static void
load (ClPipelinePage *self)
{
  g_autoptr (GTask) task = NULL;
  LoadRequest *request;

  if (self->loaded || self->loading || self->store == NULL)
    return;
  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, snapshot_ready, NULL);
  request = g_new (LoadRequest, 1);
  request->path = g_strdup (cl_store_get_path (self->store));
  request->sort_column = self->sort_column;
  g_task_set_task_data (task, request, (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, compute_snapshot);
}

static void
cl_pipeline_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_pipeline_page_parent_class)->map (widget);
  load (CL_PIPELINE_PAGE (widget));
}

/* The columns size to the deals about to show, not to those shown before:
 * another workspace's names may all be shorter. */
static void
reset_column_widths (ClPipelinePage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      cl_cell_column_reset (g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (column)),
                                               "cell-column"));
    }
}

void
cl_pipeline_page_reload (ClPipelinePage *self)
{
  GListModel *moves;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = FALSE;
  self->loading = FALSE;
  self->moves_reading = FALSE;
  self->moves_read = FALSE;
  self->as_of = cl_date_today ();
  /* the table's rows stay, hidden, until the new deals take them */
  reset_column_widths (self);
  moves = gtk_filter_list_model_get_model (self->moves);
  if (moves != NULL)
    g_object_ref (moves);
  gtk_filter_list_model_set_model (self->moves, NULL);
  cl_free_in_thread (moves, g_object_unref);
  gtk_label_set_text (self->moved_label, "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_label_set_text (self->summary_label, "");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

void
cl_pipeline_page_set_store (ClPipelinePage *self,
                            ClStore        *store)
{
  g_return_if_fail (CL_IS_PIPELINE_PAGE (self));

  g_set_object (&self->store, store);
  cl_pipeline_page_reload (self);
  /* the choices come with the workspace's snapshot; none made in another
   * workspace carries over to this one */
  gtk_drop_down_set_model (self->owner_filter, NULL);
  gtk_drop_down_set_model (self->stage_filter, NULL);
  gtk_drop_down_set_model (self->flag_filter, NULL);
}

void
cl_pipeline_page_start_search (ClPipelinePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
cl_pipeline_page_is_loaded (ClPipelinePage *self)
{
  return self->loaded;
}

void
cl_pipeline_page_sort_by (ClPipelinePage *self,
                          guint           column,
                          GtkSortType     order)
{
  GListModel *all = gtk_column_view_get_columns (self->column_view);
  g_autoptr (GtkColumnViewColumn) by = g_list_model_get_item (all, column);

  gtk_column_view_sort_by_column (self->column_view, by, order);
}

char *
cl_pipeline_page_get_cell_text (ClPipelinePage *self,
                                guint           position,
                                guint           column)
{
  ClPipelineItem *item = cl_pipeline_page_get_shown_deal (self, position);

  g_return_val_if_fail (column < G_N_ELEMENTS (columns), NULL);
  return item ? columns[column].text (self, item) : NULL;
}

guint
cl_pipeline_page_get_n_shown (ClPipelinePage *self)
{
  return self->loaded && self->rows != NULL ? cl_filtered_rows_get_n_shown (self->rows) : 0;
}

ClPipelineItem *
cl_pipeline_page_get_shown_deal (ClPipelinePage *self,
                                 guint           position)
{
  if (position >= cl_pipeline_page_get_n_shown (self))
    return NULL;
  return cl_filtered_rows_peek_shown (self->rows, position);
}

GtkEditable *
cl_pipeline_page_get_search_entry (ClPipelinePage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

/* Every open deal, unfiltered; NULL until loaded, and while it loads
 * again (the rows still show the deals before, hidden). */
GListModel *
cl_pipeline_page_get_snapshot (ClPipelinePage *self)
{
  return self->loaded && self->rows != NULL ? cl_filtered_rows_get_items (self->rows) : NULL;
}

const ClProcess *
cl_pipeline_page_get_process (ClPipelinePage *self)
{
  return cl_pipeline_page_get_snapshot (self) != NULL ? self->process : NULL;
}

const ClFlagSettings *
cl_pipeline_page_get_flag_settings (ClPipelinePage *self)
{
  return cl_pipeline_page_get_snapshot (self) != NULL ? &self->settings : NULL;
}

/* Whether what moved is read, shown or told why not: it is read once the
 * deals are and its section shows. */
gboolean
cl_pipeline_page_are_moves_read (ClPipelinePage *self)
{
  return self->moves_read;
}

guint
cl_pipeline_page_get_n_moves (ClPipelinePage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->moves));
}

guint
cl_pipeline_page_get_n_deals (ClPipelinePage *self)
{
  GListModel *snapshot = cl_pipeline_page_get_snapshot (self);

  return snapshot != NULL ? g_list_model_get_n_items (snapshot) : 0;
}

gboolean
cl_pipeline_page_is_narrow (ClPipelinePage *self)
{
  return adw_squeezer_get_visible_child (self->deals_squeezer) == GTK_WIDGET (self->rows_scroller);
}

GtkAdjustment *
cl_pipeline_page_get_deals_adjustment (ClPipelinePage *self)
{
  return gtk_scrolled_window_get_vadjustment (cl_pipeline_page_is_narrow (self) ? self->rows_scroller
                                              : self->table_scroller);
}

const char *
cl_pipeline_page_get_summary (ClPipelinePage *self)
{
  return gtk_label_get_text (self->summary_label);
}

GtkDropDown *
cl_pipeline_page_get_owner_filter (ClPipelinePage *self)
{
  return self->owner_filter;
}

/* Enter or a double click on a deal, or on a move, opens the deal's page. */
static void
on_deal_activated (ClPipelinePage *self,
                   guint           position)
{
  /* the table and the narrow rows show the same sorted deals */
  ClPipelineItem *item = cl_pipeline_page_get_shown_deal (self, position);

  if (item != NULL)
    cl_application_open_deal (item->facts->deal->id);
}

static void
on_move_activated (ClPipelinePage *self,
                   guint           position)
{
  GtkSelectionModel *shown = gtk_list_view_get_model (self->moved_view);
  g_autoptr (ClMoveLine) line = shown != NULL ? g_list_model_get_item (G_LIST_MODEL (shown), position) : NULL;

  if (line != NULL)
    cl_application_open_deal (line->move->deal_id);
}

/* ------------------------------------------------------------------ class */

static void
cl_pipeline_page_dispose (GObject *object)
{
  ClPipelinePage *self = CL_PIPELINE_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->moves);
  g_clear_object (&self->moves_shown);
  /* the columns go with the template, which changes the sorter */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view), on_sort_changed, self);
      g_signal_handlers_disconnect_by_func (self->deals_squeezer, on_width_changed, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PIPELINE_PAGE);
  G_OBJECT_CLASS (cl_pipeline_page_parent_class)->dispose (object);
}

static void
cl_pipeline_page_finalize (GObject *object)
{
  ClPipelinePage *self = CL_PIPELINE_PAGE (object);

  g_clear_pointer (&self->process, cl_process_free);
  g_array_unref (self->owner_ids);
  g_free (self->needle);
  G_OBJECT_CLASS (cl_pipeline_page_parent_class)->finalize (object);
}

static void
cl_pipeline_page_class_init (ClPipelinePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_pipeline_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = cl_pipeline_page_finalize;
  widget_class->map = cl_pipeline_page_map;

  loaded_signal = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/pages/cl-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, flag_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, deals_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, rows_scroller);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, deal_rows);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, stages_list);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, moved_label);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, moved_view);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, deals_button);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, stages_button);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, moved_button);
}

static void
cl_pipeline_page_init (ClPipelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
  self->as_of = cl_date_today ();

  add_columns (self);
  {
    GtkListItemFactory *moves = gtk_signal_list_item_factory_new ();
    GtkListItemFactory *rows = gtk_signal_list_item_factory_new ();

    g_signal_connect (moves, "setup", G_CALLBACK (setup_move_row), NULL);
    g_signal_connect (moves, "bind", G_CALLBACK (bind_move_row), NULL);
    gtk_list_view_set_factory (self->moved_view, moves);
    g_object_unref (moves);
    g_signal_connect (rows, "setup", G_CALLBACK (setup_deal_row), NULL);
    g_signal_connect (rows, "bind", G_CALLBACK (bind_deal_row), self);
    g_signal_connect (rows, "unbind", G_CALLBACK (unbind_deal_row), NULL);
    gtk_list_view_set_factory (self->deal_rows, rows);
    g_object_unref (rows);
  }
  self->moves_filter = gtk_custom_filter_new (matches_move, self, NULL);
  self->moves = gtk_filter_list_model_new (NULL, GTK_FILTER (self->moves_filter));
  g_signal_connect_swapped (self->moves, "items-changed", G_CALLBACK (update_moves_heading), self);
  self->moves_shown = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->moves)));
  self->sort_column = -1;
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sort_changed), self);
  /* one selection for the table and the narrow rows: both activate
   * ("activate") with a position in the same sorted deals */
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_swapped (self->deals_squeezer, "notify::visible-child", G_CALLBACK (on_width_changed), self);
  on_width_changed (self);

  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_deal_activated), self);
  g_signal_connect_swapped (self->deal_rows, "activate", G_CALLBACK (on_deal_activated), self);
  g_signal_connect_swapped (self->moved_view, "activate", G_CALLBACK (on_move_activated), self);
  /* "changed", not "search-changed", which waits 150 ms after each key */
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->stages_button, "toggled", G_CALLBACK (on_section_toggled), self);
  g_signal_connect_swapped (self->moved_button, "toggled", G_CALLBACK (on_section_toggled), self);
  g_signal_connect_swapped (self->deals_button, "toggled", G_CALLBACK (on_section_toggled), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->stage_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->flag_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  /* the order add_columns () chose */
  on_sort_changed (self);
}
