/* cl-my-month-page.c — a rep's own month: the plan from their manager,
 * their drills, their self-scores, their actions and deals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a rep's workspace opens on. The plan, the actions and the deals are
 * the manager's, as the latest brief carried them, and are shown, never
 * edited; the drills and the actions' completion are the rep's, recorded
 * here and published to the rep's subfolder at once. Everything is read in
 * a worker thread (cl_my_month_load ()); a drill or a completion is saved
 * and published by a worker, in the order asked, then read again.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-development.h"
#include "cl-flags.h"
#include "cl-list-box-rows.h"
#include "cl-loading-spinner.h"
#include "cl-my-month.h"
#include "cl-my-month-page.h"
#include "cl-plain-text.h"
#include "cl-practice-log.h"
#include "cl-store-task.h"
#include "cl-text.h"
#include "cl-trend-chart.h"

struct _ClMyMonthPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *waiting_page;
  GtkLabel            *month_label;
  GtkLabel            *from_label;
  AdwActionRow        *focus_row;
  AdwActionRow        *drill_row;
  AdwActionRow        *progress_row;
  GtkLevelBar         *progress_bar;
  AdwEntryRow         *scenario_row;
  AdwEntryRow         *note_row;
  GtkSpinButton       *score_spin;
  GtkListBox          *drills_list;
  AdwPreferencesGroup *trend_group;
  ClTrendChart        *trend_chart;
  AdwPreferencesGroup *actions_group;
  GtkListBox          *actions_list;
  AdwPreferencesGroup *deals_group;
  GtkListBox          *deals_list;

  ClStore             *store;
  ClStoreQueue        *queue;        /* drills and completions, written in turn by workers */
  ClMyMonth           *month;
  GCancellable        *cancellable;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (ClMyMonthPage, cl_my_month_page, ADW_TYPE_BIN)

/* Says @text in the window's toast overlay, as text. */
static void
toast (ClMyMonthPage *self,
       const char    *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), cl_toast_new_plain (text));
  else
    g_message ("%s", text);
}

/* ------------------------------------------------------------------ showing */

static void
show_plan (ClMyMonthPage *self)
{
  ClRepBrief *brief = self->month->brief;
  const ClPracticeProgress *progress = &self->month->progress;
  g_autofree char *month = NULL, *as_of = NULL, *from = NULL, *described = NULL;

  month = cl_date_format_month_words (self->month->today);
  gtk_label_set_text (self->month_label, month);
  as_of = cl_date_describe_day (brief->as_of, self->month->today);
  /* Translators: the manager who sent the plan, then when ("yesterday",
   * "21 November 2026") */
  from = g_strdup_printf (_("From %s, as of %s"), brief->manager_name, as_of);
  gtk_label_set_text (self->from_label, from);

  gtk_widget_set_visible (GTK_WIDGET (self->drill_row), brief->has_plan);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), brief->has_plan);
  if (!brief->has_plan)
    {
      adw_action_row_set_subtitle (self->focus_row, _("No plan this month yet: drills still count"));
      adw_action_row_set_subtitle (self->progress_row, NULL);
      return;
    }
  adw_action_row_set_subtitle (self->focus_row, brief->focus_label);
  adw_action_row_set_subtitle (self->drill_row, brief->drill);
  described = cl_practice_progress_describe (progress);
  adw_action_row_set_subtitle (self->progress_row, described);
  gtk_level_bar_set_value (self->progress_bar, cl_practice_progress_fraction (progress));
}

static void
show_drills (ClMyMonthPage *self)
{
  GListModel *practice = self->month->practice;

  cl_list_box_remove_rows (self->drills_list);
  for (guint i = 0; i < g_list_model_get_n_items (practice); i++)
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (practice, i);
      g_autofree char *day = cl_date_describe_day (entry->logged_on, self->month->today);
      g_autofree char *scenario = cl_text_isolate (cl_text_is_blank (entry->scenario) ? _("A drill")
                                                                                     : entry->scenario);
      /* Translators: what the drill played through, then its day and the rep's own score of it */
      g_autofree char *title = g_strdup_printf (_("%s · %s · self-score %d"), scenario, day, entry->self_score);

      gtk_list_box_append (self->drills_list,
                           cl_list_box_text_row_new (title, cl_text_is_blank (entry->note) ? NULL : entry->note));
    }
}

static char *
count_of_drills (int n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %d drill", "from %d drills", n), n);
}

static void
show_trend (ClMyMonthPage *self)
{
  if (self->trend_chart == NULL)
    {
      self->trend_chart = CL_TREND_CHART (cl_trend_chart_new (_("Your self-score, month by month"),
                                                              CL_TREND_FORMAT_SCORE, 1, 5));
      cl_trend_chart_set_count_format (self->trend_chart, count_of_drills);
      adw_preferences_group_add (self->trend_group, GTK_WIDGET (self->trend_chart));
    }
  cl_trend_chart_set_points (self->trend_chart, self->month->score_trend);
}

static void mark_done_asked (GtkButton *button, ClMyMonthPage *self);

static void
show_actions (ClMyMonthPage *self)
{
  GPtrArray *actions = self->month->brief->actions;
  guint n_open = 0;
  g_autofree char *description = NULL;

  cl_list_box_remove_rows (self->actions_list);
  for (guint i = 0; i < actions->len; i++)
    {
      ClBriefAction *action = g_ptr_array_index (actions, i);
      const ClActionDone *done = cl_my_month_find_marked (self->month, action);
      g_autofree char *due = cl_date_describe_day (action->due_on, self->month->today);
      g_autofree char *deal = action->deal ? cl_text_isolate (action->deal) : NULL;
      /* Translators: when an action is due, then the deal it is about */
      g_autofree char *subtitle = deal ? g_strdup_printf (_("Due %s · %s"), due, deal)
                                       : g_strdup_printf (_("Due %s"), due);
      GtkWidget *row = cl_list_box_text_row_new (action->text, subtitle);

      if (done != NULL)
        {
          /* closed when the manager's workspace reads the practice log */
          cl_list_box_row_add_badge (row, _("Marked done"), "success");
          if (!cl_text_is_blank (done->note))
            gtk_widget_set_tooltip_text (row, done->note);
        }
      else
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Done…"));
          g_autofree char *name = g_strdup_printf (_("Mark “%s” done"), action->text);

          n_open++;
          if (action->due_on < self->month->today)
            cl_list_box_row_add_badge (row, _("Overdue"), "error");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "action-id", g_memdup2 (&action->id, sizeof action->id),
                                  g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (mark_done_asked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->actions_list, row);
    }
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u still open, soonest due first",
                                              "%u still open, soonest due first", n_open), n_open);
  adw_preferences_group_set_description (self->actions_group, description);
}

static void
show_deals (ClMyMonthPage *self)
{
  GPtrArray *deals = self->month->brief->deals;
  guint n_flagged = 0;
  g_autofree char *description = NULL;

  cl_list_box_remove_rows (self->deals_list);
  for (guint i = 0; i < deals->len; i++)
    {
      ClBriefDeal *deal = g_ptr_array_index (deals, i);
      g_autofree char *amount = cl_money_format (deal->amount_cents, deal->currency);
      g_autofree char *account = cl_text_isolate (deal->account);
      g_autofree char *stage = cl_text_isolate (deal->stage);
      g_autofree char *close = cl_date_format_words (deal->close_date);
      g_autofree char *flags = cl_flags_join_labels (deal->flags, cl_text_parts_separator ());
      /* Translators: the account, the stage, the amount and the close date,
       * then the deal's flags on a line of their own */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s · closes %s\n%s"), account, stage, amount,
                                                   close, flags);
      GtkWidget *row = cl_list_box_text_row_new (deal->name, g_strchomp (subtitle));

      if (deal->flags != 0)
        {
          int n = __builtin_popcount (deal->flags);
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d flag", "%d flags", n), n);

          cl_list_box_row_add_badge (row, count, "warning");
          n_flagged++;
        }
      gtk_list_box_append (self->deals_list, row);
    }
  /* Translators: the deals the manager's brief lists, then how many carry a flag */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open deal, largest first; %u flagged",
                                              "%u open deals, largest first; %u flagged", deals->len),
                                 deals->len, n_flagged);
  adw_preferences_group_set_description (self->deals_group, description);
}

static void
show_month (ClMyMonthPage *self)
{
  if (self->month->brief == NULL)
    {
      cl_status_page_set_plain_description (self->waiting_page, self->month->team_folder == NULL
        ? _("Your manager's plan, your actions and your deals arrive through the folder your team syncs. "
            "Choose it, and they appear here.")
        : _("Nothing from your manager has arrived in the team folder yet. Their plan for you appears here "
            "as soon as their Closeloop publishes it."));
      gtk_stack_set_visible_child_name (self->stack, "waiting");
      return;
    }
  show_plan (self);
  show_drills (self);
  show_trend (self);
  show_actions (self);
  show_deals (self);
  gtk_stack_set_visible_child_name (self->stack, "month");
}

/* ------------------------------------------------------------------ loading */

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ClMyMonth *month = cl_my_month_load (task_data, cl_date_today (), &error);

  if (month == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, month, (GDestroyNotify) cl_my_month_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  ClMyMonth *month = g_task_propagate_pointer (G_TASK (result), &error);
  ClMyMonthPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CL_MY_MONTH_PAGE (source);
  self->loading = FALSE;
  if (month == NULL)
    {
      cl_status_page_set_plain_description (self->waiting_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "waiting");
      return;
    }
  g_clear_pointer (&self->month, cl_my_month_free);
  self->month = month;
  show_month (self);
}

void
cl_my_month_page_reload (ClMyMonthPage *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CL_IS_MY_MONTH_PAGE (self));
  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->month == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_task_data (task, g_strdup (cl_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

void
cl_my_month_page_set_store (ClMyMonthPage *self,
                            ClStore       *store)
{
  g_return_if_fail (CL_IS_MY_MONTH_PAGE (self));
  g_set_object (&self->store, store);
  g_clear_pointer (&self->queue, cl_store_queue_close);
  if (store != NULL)
    self->queue = cl_store_queue_new (self, cl_store_get_path (store));
  g_clear_pointer (&self->month, cl_my_month_free);
  cl_my_month_page_reload (self);
}

/* ------------------------------------------------------------------ recording */

/* A drill or a completion, written and published by a worker. */
typedef struct
{
  gint64  action_id;       /* the action marked done; 0 for a drill */
  int     self_score;
  char   *scenario;
  char   *note;
  char   *done;            /* what the page says once it is written */
} Record;

static void
record_free (Record *record)
{
  g_free (record->scenario);
  g_free (record->note);
  g_free (record->done);
  g_free (record);
}

static gpointer
record_in_worker (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  Record *record = data;
  g_autoptr (ClPracticeEntry) entry = NULL;
  g_autoptr (GError) unpublished = NULL;

  /* marking publishes the practice log, which carries the completion */
  if (record->action_id != 0)
    return cl_rep_brief_mark_done (store, record->action_id, cl_date_today (), record->note, error) ? record : NULL;
  entry = cl_my_month_log_practice (store, cl_date_today (), NULL, record->self_score, record->scenario,
                                    record->note, error);
  if (entry == NULL)
    return NULL;
  /* a drill goes up to the manager at once */
  if (!cl_practice_log_publish (store, NULL, &unpublished))
    {
      g_free (record->done);
      record->done = g_strdup_printf (_("Saved, but not published in the team folder: %s"), unpublished->message);
    }
  return record;
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClMyMonthPage *self = CL_MY_MONTH_PAGE (source);
  g_autoptr (GError) error = NULL;
  Record *record = cl_store_task_finish (result, &error);

  toast (self, record ? record->done : error->message);
  if (record == NULL)
    return;
  if (record->action_id == 0)
    {
      cl_editable_clear_sent (GTK_EDITABLE (self->scenario_row), record->scenario);
      cl_editable_clear_sent (GTK_EDITABLE (self->note_row), record->note);
    }
  cl_my_month_page_reload (self);
}

static void
run_record (ClMyMonthPage *self,
            Record        *record)
{
  cl_store_queue_run (self->queue, record_in_worker, record, (GDestroyNotify) record_free, NULL, on_recorded);
}

/* Logs a drill of the plan's focus, written by a worker; FALSE (and said)
 * when its self-score is not one. */
gboolean
cl_my_month_page_log_drill (ClMyMonthPage *self,
                            const char    *scenario,
                            int            self_score,
                            const char    *note)
{
  g_autoptr (GError) error = NULL;
  Record *record;

  g_return_val_if_fail (CL_IS_MY_MONTH_PAGE (self), FALSE);
  if (self->queue == NULL)
    return FALSE;
  if (!cl_development_check_self_score (self_score, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  record = g_new0 (Record, 1);
  record->self_score = self_score;
  record->scenario = g_strdup (scenario);
  record->note = g_strdup (note);
  record->done = g_strdup (_("Drill logged"));
  run_record (self, record);
  return TRUE;
}

static void
log_drill_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClMyMonthPage *self = CL_MY_MONTH_PAGE (widget);

  cl_my_month_page_log_drill (self, gtk_editable_get_text (GTK_EDITABLE (self->scenario_row)),
                              gtk_spin_button_get_value_as_int (self->score_spin),
                              gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

/* Enter in the scenario logs the drill, as the button does. */
static void
on_scenario_activated (ClMyMonthPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "month.log-drill", NULL);
}

/* Marks the action of @action_id done, written and published by a worker. */
gboolean
cl_my_month_page_mark_done (ClMyMonthPage *self,
                            gint64         action_id,
                            const char    *note)
{
  Record *record;

  g_return_val_if_fail (CL_IS_MY_MONTH_PAGE (self), FALSE);
  if (self->queue == NULL || action_id == 0)
    return FALSE;
  record = g_new0 (Record, 1);
  record->action_id = action_id;
  record->note = g_strdup (note);
  record->done = g_strdup (_("Marked done: it closes when your manager's Closeloop reads the team folder"));
  run_record (self, record);
  return TRUE;
}

static void
on_mark_done_response (AdwMessageDialog *dialog,
                       const char       *response,
                       ClMyMonthPage    *self)
{
  GtkEditable *note = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 *action_id = g_object_get_data (G_OBJECT (dialog), "action-id");

  if (g_str_equal (response, "done"))
    cl_my_month_page_mark_done (self, *action_id, gtk_editable_get_text (note));
}

static void
mark_done_asked (GtkButton     *button,
                 ClMyMonthPage *self)
{
  gint64 *action_id = g_object_get_data (G_OBJECT (button), "action-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *note = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Mark the Action Done?"),
                                                       _("Your manager sees it closed, with your note, "
                                                         "the next time their Closeloop reads the team folder.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What happened (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  adw_message_dialog_set_extra_child (dialog, note);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "done", _("_Mark Done"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "done");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "action-id", g_memdup2 (action_id, sizeof *action_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_mark_done_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ for tests */

gboolean
cl_my_month_page_is_loaded (ClMyMonthPage *self)
{
  return self->month != NULL && !self->loading && (self->queue == NULL || !cl_store_queue_is_busy (self->queue));
}

const char *
cl_my_month_page_get_state (ClMyMonthPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gint64
cl_my_month_page_get_open_action (ClMyMonthPage *self)
{
  for (guint i = 0; self->month != NULL && self->month->brief != NULL && i < self->month->brief->actions->len; i++)
    {
      ClBriefAction *action = g_ptr_array_index (self->month->brief->actions, i);

      if (cl_my_month_find_marked (self->month, action) == NULL)
        return action->id;
    }
  return 0;
}

/* ------------------------------------------------------------------ the class */

static void
cl_my_month_page_dispose (GObject *object)
{
  ClMyMonthPage *self = CL_MY_MONTH_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue, cl_store_queue_close);
  g_clear_object (&self->store);
  g_clear_pointer (&self->month, cl_my_month_free);
  G_OBJECT_CLASS (cl_my_month_page_parent_class)->dispose (object);
}

static void
cl_my_month_page_class_init (ClMyMonthPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_my_month_page_dispose;
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/development/cl-my-month-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, waiting_page);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, from_label);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, focus_row);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, drill_row);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, score_spin);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, drills_list);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, trend_group);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, deals_group);
  gtk_widget_class_bind_template_child (widget_class, ClMyMonthPage, deals_list);
  gtk_widget_class_install_action (widget_class, "month.log-drill", NULL, log_drill_action);
}

static void
cl_my_month_page_init (ClMyMonthPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->drills_list,
                                cl_list_box_placeholder_new (_("No drill logged this month yet")));
  gtk_list_box_set_placeholder (self->actions_list, cl_list_box_placeholder_new (_("No open action")));
  gtk_list_box_set_placeholder (self->deals_list, cl_list_box_placeholder_new (_("No open deal")));
  g_signal_connect_swapped (self->scenario_row, "entry-activated", G_CALLBACK (on_scenario_activated), self);
}
