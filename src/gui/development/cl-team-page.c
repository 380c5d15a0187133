/* cl-team-page.c — the team's development month: who has a plan, how far
 * their practice is, whose look-back is missing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reps without a plan come first, marked in red, and the line above the
 * list counts them: the loop nothing external forces has to be visible.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-development.h"
#include "cl-growing-rows.h"
#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-store-task.h"
#include "cl-team-page.h"

struct _ClTeamPage
{
  AdwBin      parent_instance;

  GtkLabel   *month_label;
  GtkLabel   *summary_label;
  GtkListBox *reps_list;

  ClStore    *store;
  ClDay       month_day;     /* the first of the month shown */
  GListModel *team;          /* ClRepMonth */
  ClGrowingRows rows;        /* of @team: each row is a few milliseconds to style and lay out,
                              * and a team can be forty */
  GCancellable *cancellable; /* of the month being read */
};

#define ROWS_PER_FRAME 6

G_DEFINE_FINAL_TYPE (ClTeamPage, cl_team_page, ADW_TYPE_BIN)

enum { REP_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ClRepMonth *entry = item;
  g_autofree char *subtitle = cl_rep_month_describe (entry);
  GtkWidget *row = cl_action_row_new_plain (entry->rep->name, subtitle);
  GtkWidget *status;

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (entry->plan == NULL)
    {
      status = gtk_label_new (_("No plan"));
      gtk_widget_add_css_class (status, "error");
      gtk_widget_add_css_class (status, "heading");
    }
  else
    {
      status = gtk_level_bar_new_for_interval (0, 1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (status), cl_practice_progress_fraction (&entry->progress));
      gtk_widget_set_size_request (status, 80, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Practice against the month's goal"), -1);
    }
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* In a worker thread: the month's plans, practice and look-backs. */
static gpointer
read_team_month (ClStore  *store,
                 gpointer  month,
                 GError  **error)
{
  return cl_development_team_month (store, month, error);
}

static void
on_team_month_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ClTeamPage *self = CL_TEAM_PAGE (source);
  g_autoptr (GError) error = NULL;
  GListModel *team = cl_store_task_finish (result, &error);
  g_autofree char *summary = NULL;
  guint without;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->team);
  self->team = team;
  if (self->team == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      self->team = G_LIST_MODEL (g_list_store_new (CL_TYPE_REP_MONTH));
    }
  cl_growing_rows_restart (&self->rows, self->team);
  if (error != NULL)
    return;
  without = cl_team_page_get_n_without_plan (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "success");
  if (g_list_model_get_n_items (self->team) == 0)
    summary = g_strdup (_("No reps in this workspace yet"));
  else if (without > 0)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u reps has no plan for this month",
                                              "%u of %u reps have no plan for this month", without),
                                 without, g_list_model_get_n_items (self->team));
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  else
    {
      summary = g_strdup (_("Every rep has a plan for this month"));
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "success");
    }
  gtk_label_set_text (self->summary_label, summary);
}

void
cl_team_page_reload (ClTeamPage *self)
{
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;
  title = cl_date_format_month_words (self->month_day);
  gtk_label_set_text (self->month_label, title);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  cl_store_task_run (self, cl_store_get_path (self->store), read_team_month, cl_date_month (self->month_day),
                     g_free, g_object_unref, self->cancellable, on_team_month_read, NULL);
}

gboolean
cl_team_page_is_loaded (ClTeamPage *self)
{
  return self->team != NULL && self->cancellable == NULL && cl_growing_rows_is_grown (&self->rows);
}

void
cl_team_page_set_store (ClTeamPage *self,
                        ClStore    *store)
{
  g_set_object (&self->store, store);
  self->month_day = cl_date_add_months (cl_date_today (), 0);
  cl_team_page_reload (self);
}

void
cl_team_page_show_month (ClTeamPage *self,
                         const char *month)
{
  ClDay first;

  if (cl_date_parse_month (month, &first, NULL))
    {
      self->month_day = first;
      cl_team_page_reload (self);
    }
}

static void
step_month (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ClTeamPage *self = CL_TEAM_PAGE (widget);

  self->month_day = cl_date_add_months (self->month_day, g_str_equal (action_name, "team.next-month") ? 1 : -1);
  cl_team_page_reload (self);
}

guint
cl_team_page_get_n_reps (ClTeamPage *self)
{
  return self->team ? g_list_model_get_n_items (self->team) : 0;
}

guint
cl_team_page_get_n_rows (ClTeamPage *self)
{
  return cl_list_box_count_rows (self->reps_list);
}

guint
cl_team_page_get_n_without_plan (ClTeamPage *self)
{
  guint without = 0;

  for (guint i = 0; i < cl_team_page_get_n_reps (self); i++)
    {
      g_autoptr (ClRepMonth) entry = g_list_model_get_item (self->team, i);

      without += entry->plan == NULL;
    }
  return without;
}

void
cl_team_page_activate (ClTeamPage *self,
                       guint       position)
{
  g_autoptr (ClRepMonth) entry = g_list_model_get_item (self->team, position);

  g_return_if_fail (entry != NULL);
  g_signal_emit (self, signals[REP_ACTIVATED], 0, entry->rep->id);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  ClTeamPage    *self)
{
  cl_team_page_activate (self, gtk_list_box_row_get_index (row));
}

static void
cl_team_page_dispose (GObject *object)
{
  ClTeamPage *self = CL_TEAM_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  cl_growing_rows_clear (&self->rows);
  g_clear_object (&self->team);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_TEAM_PAGE);
  G_OBJECT_CLASS (cl_team_page_parent_class)->dispose (object);
}

static void
cl_team_page_class_init (ClTeamPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_team_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/development/cl-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClTeamPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, ClTeamPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClTeamPage, reps_list);
  gtk_widget_class_install_action (widget_class, "team.previous-month", NULL, step_month);
  gtk_widget_class_install_action (widget_class, "team.next-month", NULL, step_month);

  /* ClTeamPage::rep-activated: a rep's row was opened; the argument is the rep's id */
  signals[REP_ACTIVATED] = g_signal_new ("rep-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
cl_team_page_init (ClTeamPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cl_growing_rows_init (&self->rows, GTK_WIDGET (self->reps_list), NULL, CL_TEAM_PAGE_ROWS_AT_FIRST,
                        ROWS_PER_FRAME, G_MAXUINT);
  gtk_list_box_bind_model (self->reps_list, G_LIST_MODEL (self->rows.slice), create_row, NULL, NULL);
  g_signal_connect (self->reps_list, "row-activated", G_CALLBACK (on_row_activated), self);
}
