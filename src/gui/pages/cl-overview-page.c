/* cl-overview-page.c — loop health and the team's totals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "cl-action-load.h"
#include "cl-loading-spinner.h"
#include "cl-loop-health.h"
#include "cl-overview-page.h"
#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-styles.h"
#include "cl-text.h"
#include "cl-trend-chart.h"
#include "cl-view-rows.h"

/* the trend charts go back this many quarters, the current one included */
#define TREND_QUARTERS 4

/* the window's view of each loop (ClLoop), for win.show-view */
static const char * const loop_views[] = { "pipeline", "coaching", "development", "retros" };
G_STATIC_ASSERT (G_N_ELEMENTS (loop_views) == CL_N_LOOPS);

struct _ClOverviewPage
{
  AdwBin                parent_instance;

  GtkLabel             *hollow_label;
  AdwPreferencesGroup  *health_group;
  GtkLabel             *period_label;
  GtkWidget            *loading_spinner;
  GtkFlowBox           *trend_box;
  GtkLabel             *people_label;
  GtkLabel             *deals_label;
  GtkLabel             *amount_label;
  GtkLabel             *actions_label;
  AdwPreferencesGroup  *load_group;
  GtkListBox           *load_list;

  AdwActionRow         *loop_rows[CL_N_LOOPS];
  GtkLabel             *state_labels[CL_N_LOOPS];
  ClTrendChart         *charts[CL_N_LOOPS];
  ClHealthState         states[CL_N_LOOPS];
  ClDay                 quarter;        /* the first day of the quarter shown */
  GCancellable         *cancellable;    /* of the loop health being read */
  gboolean              health_loaded;
  ClStore              *store;
  int                   actions_cap;
  guint                 n_over_cap;
};

G_DEFINE_FINAL_TYPE (ClOverviewPage, cl_overview_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_text (label, text);
}

static void
show_error (ClOverviewPage *self,
            const GError   *error)
{
  cl_preferences_group_set_plain_description (self->health_group, error->message);
}

/* One rep: open deals and actions, the cap's verdict as the suffix. */
static GtkWidget *
create_load_row (gpointer item,
                 gpointer user_data)
{
  ClOverviewPage *self = user_data;
  ClRepLoad *load = item;
  GtkWidget *count = gtk_label_new (NULL);
  g_autofree char *described = cl_action_load_describe (load, self->actions_cap);
  g_autofree char *deals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d open deal",
                                                         "%d open deals", load->n_open_deals),
                                            load->n_open_deals);
  g_autofree char *subtitle = g_strjoin (cl_text_parts_separator (), deals, described, NULL);
  g_autofree char *ratio = g_strdup_printf ("%d / %d", load->n_open_actions, self->actions_cap);
  GtkWidget *row = cl_action_row_new_plain (load->name, subtitle);

  gtk_label_set_text (GTK_LABEL (count), ratio);
  gtk_widget_add_css_class (count, "numeric");
  switch (cl_action_load_state (load->n_open_actions, self->actions_cap))
    {
    case CL_LOAD_OVER_CAP:
      gtk_widget_add_css_class (count, "error");
      gtk_widget_add_css_class (count, "heading");
      break;
    case CL_LOAD_AT_CAP:
      gtk_widget_add_css_class (count, "warning");
      break;
    case CL_LOAD_UNDER_CAP:
      gtk_widget_add_css_class (count, "dim-label");
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  described, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  return row;
}

static void
show_loads (ClOverviewPage *self,
            GListModel     *loads,
            int             actions_cap)
{
  g_autofree char *cap = NULL;

  self->actions_cap = actions_cap;
  cap = g_strdup_printf (_("Reps fail by doing too many things at once: the team caps open actions at %d per person."),
                         self->actions_cap);
  adw_preferences_group_set_description (self->load_group, cap);
  self->n_over_cap = 0;
  for (guint i = 0; i < g_list_model_get_n_items (loads); i++)
    {
      g_autoptr (ClRepLoad) load = g_list_model_get_item (loads, i);

      self->n_over_cap += cl_action_load_state (load->n_open_actions, self->actions_cap) == CL_LOAD_OVER_CAP;
    }
  gtk_list_box_bind_model (self->load_list, loads, create_load_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->load_group), g_list_model_get_n_items (loads) > 0);
}

static char *
count_of_beats (int n)
{
  /* Translators: how many beats of a loop were due in a quarter */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %d due", "of %d due", n), n);
}

/* Loop health of the quarter shown and the four quarters' trend, the
 * team's totals and each rep's load, read in a worker thread on a
 * connection of its own: at 100 000 deals the key-deal counts alone take a
 * noticeable part of a second, and the totals scan every deal. The trend
 * is read meanwhile in a thread and on a connection of its own: the
 * views wait for these figures. */
typedef struct
{
  char             *workspace;
  ClDay             first, last, today;
  ClLoopHealth      health[CL_N_LOOPS];
  GListModel       *series[CL_N_LOOPS];
  ClPipelineTotals  totals;
  GListModel       *loads;        /* NULL with @loads_error set */
  GError           *loads_error;
  int               actions_cap;
} ClHealthJob;

static gboolean
read_trend (ClStore  *store,
            gpointer  data,
            GError  **error)
{
  ClHealthJob *job = data;

  return cl_loop_health_trend (store, job->today, TREND_QUARTERS, job->series, error);
}

static void
health_job_free (ClHealthJob *job)
{
  cl_loop_health_clear (job->health);
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_clear_object (&job->series[i]);
  cl_pipeline_totals_clear (&job->totals);
  g_clear_object (&job->loads);
  g_clear_error (&job->loads_error);
  g_free (job->workspace);
  g_free (job);
}

static void
load_health_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ClHealthJob *job = task_data;
  ClStoreReadApart *trend = cl_store_read_apart (job->workspace, read_trend, job);
  g_autoptr (ClStore) store = NULL;
  GError *error = NULL;

  if ((store = cl_store_open_read_through (job->workspace, &error)) != NULL
      && cl_loop_health_compute (store, job->first, job->last, job->today, job->health, &error)
      && cl_store_get_pipeline_totals (store, job->today, &job->totals, &error))
    {
      job->loads = cl_store_list_rep_loads (store, job->today, 0, &job->loads_error);
      job->actions_cap = cl_action_cap_load (store);
    }
  /* the first failure is the one told */
  cl_store_read_apart_join (trend, error == NULL ? &error : NULL);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_totals (ClOverviewPage         *self,
             const ClPipelineTotals *totals)
{
  g_autofree char *actions = NULL;
  g_autofree char *amount = NULL;

  set_count (self->people_label, totals->n_people);
  set_count (self->deals_label, totals->n_open_deals);
  amount = totals->n_open_deals > 0 && totals->currency == NULL
             ? g_strdup (_("Mixed currencies"))
             : cl_money_format (totals->open_amount_cents, totals->currency);
  gtk_label_set_text (self->amount_label, amount);
  /* Translators: open actions, then how many of them are overdue */
  actions = g_strdup_printf (_("%" PRId64 " (%" PRId64 " overdue)"),
                             totals->n_open_actions, totals->n_overdue_actions);
  gtk_label_set_text (self->actions_label, actions);
}

/* Until the quarter's figures are read, the spinner says they are coming:
 * a view shown before them is otherwise blank. */
static void
set_health_loaded (ClOverviewPage *self,
                   gboolean        loaded)
{
  self->health_loaded = loaded;
  gtk_widget_set_visible (self->loading_spinner, !loaded);
}

static void
on_health_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (source);
  ClHealthJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error);
      set_health_loaded (self, TRUE);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      g_autofree char *described = cl_health_row_subtitle (&job->health[i]);
      const char *state = cl_health_state_label (job->health[i].state);

      adw_action_row_set_subtitle (self->loop_rows[i], described);
      gtk_label_set_text (self->state_labels[i], state);
      for (int s = CL_HEALTH_NO_DATA; s <= CL_HEALTH_LAPSED; s++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_labels[i]), cl_health_state_style_class (s));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_labels[i]), cl_health_state_style_class (job->health[i].state));
      self->states[i] = job->health[i].state;
      cl_trend_chart_set_points (self->charts[i], job->series[i]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hollow_label), cl_loop_health_is_hollow (job->health));
  show_totals (self, &job->totals);
  if (job->loads != NULL)
    show_loads (self, job->loads, job->actions_cap);
  else
    cl_preferences_group_set_plain_description (self->load_group, job->loads_error->message);
  set_health_loaded (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
refresh_health (ClOverviewPage *self,
                ClDay           today)
{
  g_autofree char *quarter = cl_date_quarter (self->quarter);
  g_autofree char *title = cl_date_format_quarter_words (self->quarter);
  ClHealthJob *job = g_new0 (ClHealthJob, 1);
  g_autoptr (GTask) task = NULL;

  gtk_label_set_text (self->period_label, title);
  job->workspace = g_strdup (cl_store_get_path (self->store));
  job->today = today;
  cl_date_parse_quarter (quarter, &job->first, &job->last);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_health_loaded (self, FALSE);
  task = g_task_new (self, self->cancellable, on_health_loaded, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) health_job_free);
  g_task_run_in_thread (task, load_health_in_thread);
}

void
cl_overview_page_refresh (ClOverviewPage *self)
{
  g_return_if_fail (CL_IS_OVERVIEW_PAGE (self));
  if (self->store != NULL)
    refresh_health (self, cl_date_today ());
}

guint
cl_overview_page_get_n_over_cap (ClOverviewPage *self)
{
  g_return_val_if_fail (CL_IS_OVERVIEW_PAGE (self), 0);
  return self->n_over_cap;
}

void
cl_overview_page_set_store (ClOverviewPage *self,
                            ClStore        *store)
{
  g_return_if_fail (CL_IS_OVERVIEW_PAGE (self));
  g_set_object (&self->store, store);
  self->quarter = cl_date_add_months (cl_date_today (), 0);
  cl_overview_page_show_quarter (self, NULL);
}

gboolean
cl_overview_page_show_quarter (ClOverviewPage *self,
                               const char     *quarter)
{
  ClDay first = 0;
  g_autofree char *current = NULL;

  g_return_val_if_fail (CL_IS_OVERVIEW_PAGE (self), FALSE);
  if (quarter == NULL)
    {
      current = cl_date_quarter (cl_date_today ());
      quarter = current;
    }
  if (!cl_date_parse_quarter (quarter, &first, NULL))
    return FALSE;
  self->quarter = first;
  cl_overview_page_refresh (self);
  return TRUE;
}

ClHealthState
cl_overview_page_get_state (ClOverviewPage *self,
                            ClLoop          loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, CL_HEALTH_NO_DATA);
  return self->states[loop];
}

const char *
cl_overview_page_get_explanation (ClOverviewPage *self,
                                  ClLoop          loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, NULL);
  return adw_action_row_get_subtitle (self->loop_rows[loop]);
}

GtkWidget *
cl_overview_page_get_loop_row (ClOverviewPage *self,
                               ClLoop          loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, NULL);
  return GTK_WIDGET (self->loop_rows[loop]);
}

guint
cl_overview_page_get_n_people (ClOverviewPage *self)
{
  return (guint) g_ascii_strtoull (gtk_label_get_text (self->people_label), NULL, 10);
}

guint
cl_overview_page_get_n_listed (ClOverviewPage *self)
{
  return cl_list_box_count_rows (self->load_list);
}

gboolean
cl_overview_page_is_health_loaded (ClOverviewPage *self)
{
  return self->health_loaded;
}

gboolean
cl_overview_page_is_hollow (ClOverviewPage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->hollow_label));
}

const char *
cl_overview_page_get_trend_summary (ClOverviewPage *self,
                                    ClLoop          loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, NULL);
  return cl_trend_chart_get_summary (self->charts[loop]);
}

static void
step_quarter (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (widget);
  g_autofree char *quarter = cl_date_quarter (cl_date_add_months (self->quarter, g_str_equal (action_name,
                                                                                             "overview.next-quarter")
                                                                                 ? 3 : -3));

  cl_overview_page_show_quarter (self, quarter);
}

static void
cl_overview_page_dispose (GObject *object)
{
  ClOverviewPage *self = CL_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (cl_overview_page_parent_class)->dispose (object);
}

static void
cl_overview_page_class_init (ClOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_overview_page_dispose;
  /* what the page shows was read, or failed to be */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/pages/cl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, hollow_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, health_group);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, trend_box);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, people_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, deals_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, amount_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, actions_label);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, load_group);
  gtk_widget_class_bind_template_child (widget_class, ClOverviewPage, load_list);
  gtk_widget_class_install_action (widget_class, "overview.previous-quarter", NULL, step_quarter);
  gtk_widget_class_install_action (widget_class, "overview.next-quarter", NULL, step_quarter);
}

static void
cl_overview_page_init (ClOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* one row per loop, fastest first; the question is the row's title;
   * activated, it opens the loop's view */
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (NULL);
      /* the row's title says where it goes; the arrow only shows that it does */
      GtkWidget *go = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_loop_title (i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cl_loop_question (i));
      gtk_widget_set_tooltip_text (row, cl_loop_question (i));
      gtk_widget_add_css_class (state, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", loop_views[i]);
      adw_preferences_group_add (self->health_group, row);
      self->loop_rows[i] = ADW_ACTION_ROW (row);
      self->state_labels[i] = GTK_LABEL (state);
    }

  /* one chart per loop: the share of its beats that happened */
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (cl_loop_title (i));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      self->charts[i] = CL_TREND_CHART (cl_trend_chart_new (cl_loop_title (i), CL_TREND_FORMAT_PERCENT, 0, 1));
      cl_trend_chart_set_count_format (self->charts[i], count_of_beats);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->charts[i]));
      gtk_flow_box_append (self->trend_box, box);
    }
}
