/* cl-pipeline-page.c — every open deal with its flags: sort, filter, inspect
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snapshot (deals, history, flags) is computed in a worker thread on a
 * connection of its own; the column view only ever holds the finished
 * model. Filtering and sorting are incremental, so typing never waits for
 * a hundred thousand rows.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-moves.h"
#include "cl-pipeline.h"
#include "cl-pipeline-page.h"
#include "cl-plain-text.h"

struct _ClPipelinePage
{
  AdwBin              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *owner_filter;
  GtkDropDown        *stage_filter;
  GtkDropDown        *flag_filter;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *empty_page;
  GtkColumnView      *column_view;
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
  GArray             *move_deal_ids; /* gint64, parallel to the moves shown */
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GCancellable       *cancellable;
  char               *needle;
  gboolean            loaded;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (ClPipelinePage, cl_pipeline_page, ADW_TYPE_BIN)

/* "loaded": the snapshot is in (or the error that stopped it) */
static guint loaded_signal;

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
  return cl_flags_join_labels (item->flags, ", ");
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
} columns[] = {
  { N_("Deal"), text_deal, compare_deal, NULL, FALSE, TRUE },
  { N_("Account"), text_account, compare_account, NULL, FALSE, FALSE },
  { N_("Owner"), text_owner, compare_owner, NULL, FALSE, FALSE },
  { N_("Stage"), text_stage, compare_stage, NULL, FALSE, FALSE },
  { N_("Amount"), text_amount, compare_amount, NULL, TRUE, FALSE },
  { N_("Close date"), text_close_date, compare_close_date, NULL, TRUE, FALSE },
  { N_("Forecast"), text_forecast, compare_forecast, NULL, FALSE, FALSE },
  { N_("Days in stage"), text_days, compare_days, NULL, TRUE, FALSE },
  { N_("Flags"), text_flags, compare_flags, explain_flags, FALSE, TRUE },
  { N_("Risk"), text_risk, compare_risk, explain_risk, FALSE, FALSE },
};

enum { COLUMN_AMOUNT = 4 };

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      column)
{
  return columns[GPOINTER_TO_UINT (column)].compare ((ClPipelineItem *) a, (ClPipelineItem *) b);
}

static gboolean
on_cell_query_tooltip (GtkWidget      *label,
                       int             x,
                       int             y,
                       gboolean        keyboard,
                       GtkTooltip     *tooltip,
                       ClPipelinePage *self)
{
  ClPipelineItem *item = g_object_get_data (G_OBJECT (label), "item");
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
  GtkWidget *label = gtk_label_new (NULL);
  guint index = GPOINTER_TO_UINT (column);

  gtk_label_set_xalign (GTK_LABEL (label), columns[index].numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (columns[index].numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (columns[index].explain != NULL)
    {
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_has_tooltip (label, TRUE);
      g_object_set_data (G_OBJECT (label), "column", column);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip),
                        g_object_get_data (G_OBJECT (factory), "page"));
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  column)
{
  ClPipelinePage *self = g_object_get_data (G_OBJECT (factory), "page");
  ClPipelineItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint index = GPOINTER_TO_UINT (column);
  g_autofree char *text = columns[index].text (self, item);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (columns[index].explain != NULL)
    g_object_set_data_full (G_OBJECT (label), "item", g_object_ref (item), g_object_unref);
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
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (compare_items,
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

/* ------------------------------------------------------------------ filters */

static gboolean
matches (gpointer object,
         gpointer user_data)
{
  ClPipelinePage *self = user_data;
  ClPipelineItem *item = object;
  ClDeal *deal = item->facts->deal;
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint flag = gtk_drop_down_get_selected (self->flag_filter);

  if (owner > 0 && owner < self->owner_ids->len
      && deal->owner_id != g_array_index (self->owner_ids, gint64, owner))
    return FALSE;
  if (stage > 0 && stage <= self->process->stages->len
      && item->stage_index != (int) stage - 1)
    return FALSE;
  if (flag > 0 && flag <= CL_N_FLAGS && !(item->flags & (1u << (flag - 1))))
    return FALSE;
  return self->needle == NULL || strstr (item->search_text, self->needle) != NULL;
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

static void
update_summary (ClPipelinePage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  guint n = g_list_model_get_n_items (shown);
  guint n_stages = self->process ? self->process->stages->len : 0;
  g_autofree ClCentsTotal *amounts = g_new0 (ClCentsTotal, n_stages + 1);
  g_autofree guint *counts = g_new0 (guint, n_stages + 1);
  const char *currency = NULL;
  guint n_flagged = 0;
  g_autofree char *text = NULL;

  /* counted once the filter has finished: during an incremental run this
   * would be called for every batch. One pass feeds the line and the funnel. */
  if (!self->loaded || gtk_filter_list_model_get_pending (self->filtered))
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (shown, i);

      n_flagged += item->flags != 0;
      if (item->stage_index < 0)
        continue;
      /* the snapshot's process, by which the arrays are sized, indexed it */
      g_assert (item->stage_index < (int) n_stages);
      amounts[item->stage_index] += item->state.amount_cents;
      counts[item->stage_index]++;
      currency = currency ? currency : item->facts->deal->currency;
    }
  /* Translators: deals shown, deals open, deals shown that carry a flag */
  text = g_strdup_printf (_("%u of %u open deals · %u flagged"), n,
                          all ? g_list_model_get_n_items (all) : 0, n_flagged);
  gtk_label_set_text (self->summary_label, text);
  show_stages (self, amounts, counts, currency);
  gtk_stack_set_visible_child_name (self->stack,
                                    all == NULL || g_list_model_get_n_items (all) == 0 ? "empty"
                                    : n == 0 ? "no-results" : "list");
}

static void
on_filter_changed (ClPipelinePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
on_section_toggled (ClPipelinePage *self)
{
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

/* Whether one of @deals (ClPipelineItem) is @rep_id's. */
static gboolean
owns_a_deal (GListModel *deals,
             gint64      rep_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (deals, i);

      if (item->facts->deal->owner_id == rep_id)
        return TRUE;
    }
  return FALSE;
}

/* The drop-downs' choices: the snapshot's @reps, less a manager who owns
 * none of @deals, and stages, the flags. */
static void
fill_filters (ClPipelinePage *self,
              GListModel     *reps,
              GListModel     *deals)
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

      if (rep->is_manager && !owns_a_deal (deals, rep->id))
        continue;
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

/* What the page shows, read on one connection and kept together: the
 * deals' stage_index is a position in this process, which sizes the funnel
 * and the stage filter; the owner filter offers these reps. */
typedef struct
{
  GListModel     *deals;
  ClProcess      *process;
  ClFlagSettings  settings;  /* the deals were flagged with these */
  GListModel     *reps;      /* ClRep */
  GStrv           moves;     /* described, newest first */
  GArray         *move_deal_ids; /* gint64, each move's deal */
  ClDay           since;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_object (&snapshot->deals);
  g_clear_pointer (&snapshot->process, cl_process_free);
  g_clear_object (&snapshot->reps);
  g_strfreev (snapshot->moves);
  g_clear_pointer (&snapshot->move_deal_ids, g_array_unref);
  g_free (snapshot);
}

/* In a worker thread: the inspected deals with the stages and reps they
 * were read with, and what moved since the last review. */
static void
compute_snapshot (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ClPipelinePage *self = source;
  GError *error = NULL;
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  g_autoptr (ClStore) store = cl_store_open (task_data, &error);
  g_autoptr (GPtrArray) moves = NULL;
  GPtrArray *lines;

  if (store != NULL && (snapshot->process = cl_process_load (store, self->as_of, &error)) != NULL
      && (snapshot->reps = cl_store_list_reps (store, &error)) != NULL)
    {
      cl_flag_settings_load (&snapshot->settings, store);
      snapshot->deals = cl_pipeline_inspect (store, snapshot->process, &snapshot->settings, self->as_of, 0,
                                             cancellable, &error);
    }
  if (snapshot->deals != NULL)
    {
      snapshot->since = cl_store_moves_since (store, self->as_of, &error);
      if (error == NULL)
        moves = cl_moves_load (store, snapshot->process, snapshot->since, self->as_of, &error);
    }
  if (moves == NULL)
    {
      snapshot_free (snapshot);
      g_task_return_error (task, error);
      return;
    }
  lines = g_ptr_array_new_full (moves->len + 1, NULL);
  snapshot->move_deal_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), moves->len);
  for (guint i = moves->len; i > 0; i--)
    {
      ClMove *move = g_ptr_array_index (moves, i - 1);

      g_ptr_array_add (lines, cl_move_describe (move));
      g_array_append_val (snapshot->move_deal_ids, move->deal_id);
    }
  g_ptr_array_add (lines, NULL);
  snapshot->moves = (GStrv) g_ptr_array_free (lines, FALSE);
  g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
}

static void
show_moves (ClPipelinePage *self,
            Snapshot       *snapshot)
{
  g_autoptr (GtkStringList) lines = gtk_string_list_new ((const char * const *) snapshot->moves);
  g_autofree char *since = cl_date_format (snapshot->since);
  g_autofree char *heading = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (lines));

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change since %s, the last review",
                                          "%u changes since %s, the last review", n),
                             n, since);
  gtk_label_set_text (self->moved_label, heading);
  g_clear_pointer (&self->move_deal_ids, g_array_unref);
  self->move_deal_ids = g_steal_pointer (&snapshot->move_deal_ids);
  gtk_list_view_set_model (self->moved_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)))));
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
  GtkStringObject *line = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (line));
}

static void
snapshot_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClPipelinePage *self = CL_PIPELINE_PAGE (source);
  g_autoptr (GError) error = NULL;
  Snapshot *snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  GListModel *model = snapshot ? snapshot->deals : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  self->loaded = TRUE;
  gtk_spinner_stop (self->spinner);
  if (model == NULL)
    {
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
      fill_filters (self, snapshot->reps, model);
      show_moves (self, snapshot);
    }
  gtk_filter_list_model_set_model (self->filtered, model);
  update_summary (self);
  g_clear_pointer (&snapshot, snapshot_free);
  g_signal_emit (self, loaded_signal, 0);
}

static void
load (ClPipelinePage *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->loaded || self->loading || self->store == NULL)
    return;
  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  task = g_task_new (self, self->cancellable, snapshot_ready, NULL);
  g_task_set_task_data (task, g_strdup (cl_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, compute_snapshot);
}

static void
cl_pipeline_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_pipeline_page_parent_class)->map (widget);
  load (CL_PIPELINE_PAGE (widget));
}

void
cl_pipeline_page_reload (ClPipelinePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = FALSE;
  self->loading = FALSE;
  self->as_of = cl_date_today ();
  gtk_filter_list_model_set_model (self->filtered, NULL);
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
  return self->loaded && !gtk_filter_list_model_get_pending (self->filtered)
         && !gtk_sort_list_model_get_pending (self->sorted);
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
  g_autoptr (ClPipelineItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  g_return_val_if_fail (column < G_N_ELEMENTS (columns), NULL);
  return item ? columns[column].text (self, item) : NULL;
}

guint
cl_pipeline_page_get_n_shown (ClPipelinePage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/* Every open deal, unfiltered; NULL until loaded. */
GListModel *
cl_pipeline_page_get_snapshot (ClPipelinePage *self)
{
  return self->loaded ? gtk_filter_list_model_get_model (self->filtered) : NULL;
}

guint
cl_pipeline_page_get_n_moves (ClPipelinePage *self)
{
  GtkSelectionModel *moves = gtk_list_view_get_model (self->moved_view);

  return moves ? g_list_model_get_n_items (G_LIST_MODEL (moves)) : 0;
}

guint
cl_pipeline_page_get_n_deals (ClPipelinePage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);

  return all ? g_list_model_get_n_items (all) : 0;
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
  GtkSelectionModel *rows = gtk_column_view_get_model (self->column_view);
  g_autoptr (ClPipelineItem) item = g_list_model_get_item (G_LIST_MODEL (rows), position);

  if (item != NULL)
    cl_application_open_deal (item->facts->deal->id);
}

static void
on_move_activated (ClPipelinePage *self,
                   guint           position)
{
  if (self->move_deal_ids != NULL && position < self->move_deal_ids->len)
    cl_application_open_deal (g_array_index (self->move_deal_ids, gint64, position));
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
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PIPELINE_PAGE);
  G_OBJECT_CLASS (cl_pipeline_page_parent_class)->dispose (object);
}

static void
cl_pipeline_page_finalize (GObject *object)
{
  ClPipelinePage *self = CL_PIPELINE_PAGE (object);

  g_clear_pointer (&self->process, cl_process_free);
  g_array_unref (self->owner_ids);
  g_clear_pointer (&self->move_deal_ids, g_array_unref);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/pages/cl-pipeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, flag_filter);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClPipelinePage, column_view);
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
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
  self->as_of = cl_date_today ();

  add_columns (self);
  {
    GtkListItemFactory *moves = gtk_signal_list_item_factory_new ();

    g_signal_connect (moves, "setup", G_CALLBACK (setup_move_row), NULL);
    g_signal_connect (moves, "bind", G_CALLBACK (bind_move_row), NULL);
    gtk_list_view_set_factory (self->moved_view, moves);
    g_object_unref (moves);
  }
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->filtered, "notify::pending", G_CALLBACK (update_summary), self);

  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  /* a full sort of 100 000 rows is quicker than the incremental one, which
   * yields between small steps */
  gtk_sort_list_model_set_incremental (self->sorted, FALSE);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_deal_activated), self);
  g_signal_connect_swapped (self->moved_view, "activate", G_CALLBACK (on_move_activated), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->stages_button, "toggled", G_CALLBACK (on_section_toggled), self);
  g_signal_connect_swapped (self->moved_button, "toggled", G_CALLBACK (on_section_toggled), self);
  g_signal_connect_swapped (self->deals_button, "toggled", G_CALLBACK (on_section_toggled), self);
  g_signal_connect_swapped (self->owner_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->stage_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->flag_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
}
