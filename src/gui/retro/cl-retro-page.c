/* cl-retro-page.c — a quarter's strategy retrospective: its facts, and the
 * team's findings, root causes and decision
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts are read in a worker thread (they include the pipeline as the
 * quarter ended). Choosing "adjust the strategy" while a loop lapsed asks
 * first: the plan may never have been run.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-export.h"
#include "cl-file-chooser.h"
#include "cl-list-box-rows.h"
#include "cl-loading-spinner.h"
#include "cl-plain-text.h"
#include "cl-retro-export.h"
#include "cl-retro-page.h"
#include "cl-store-task.h"
#include "cl-styles.h"
#include "cl-text.h"

/* the flags the page names, most raised first */
#define SHOWN_FLAGS 5

static const ClRootCause root_causes[] = {
  CL_ROOT_CAUSE_CAPABILITY, CL_ROOT_CAUSE_DIRECTION, CL_ROOT_CAUSE_DISCIPLINE, CL_ROOT_CAUSE_SYSTEM,
};

typedef struct
{
  AdwExpanderRow *row;      /* its enable switch says whether the loop restarts */
  AdwComboRow    *owner;
  AdwEntryRow    *due;
} ClRestartRow;

struct _ClRetroPage
{
  AdwBin               parent_instance;

  GtkLabel            *quarter_label;
  GtkLabel            *held_label;
  GtkWidget           *loading_spinner;
  GtkWidget           *retro_box;
  GtkLabel            *hollow_label;
  AdwPreferencesGroup *health_group;
  AdwPreferencesGroup *flags_group;
  GtkListBox          *flags_list;
  GtkListBox          *deaths_list;
  AdwPreferencesGroup *outcomes_group;
  GtkListBox          *outcomes_list;
  AdwPreferencesGroup *results_group;
  GtkListBox          *focuses_list;
  AdwPreferencesGroup *causes_group;
  GtkTextView         *findings_view;
  AdwComboRow         *decision_row;
  AdwEntryRow         *detail_row;
  AdwPreferencesGroup *restarts_group;

  GtkListBox          *health_list;
  GtkListBox          *results_list;
  GtkCheckButton      *cause_checks[G_N_ELEMENTS (root_causes)];
  ClRestartRow         restarts[CL_N_LOOPS];

  ClStore             *store;        /* for its path: workers read and write the workspace */
  GListModel          *reps;         /* ClRep, the owners a restart can have */
  ClDay                quarter;      /* its first day */
  GCancellable        *cancellable;
  ClRetroInputs       *inputs;
  ClRetro             *retro;        /* as stored, NULL before it is held */
  gboolean             asking;
  gboolean             saving;       /* a retrospective on its way to the workspace */
  guint                next_section; /* of sections[], shown one at a time */
  guint                section_source;
};

G_DEFINE_FINAL_TYPE (ClRetroPage, cl_retro_page, ADW_TYPE_BIN)

static void load_inputs (ClRetroPage *self,
                         const char  *quarter,
                         gboolean     keep_form);

/* Shows @shown (transfer full) over the page. */
static void
show_toast (ClRetroPage *self,
            AdwToast    *shown)
{
  /* the page's own child: bound as a template child, disposing the template
   * would take it from under AdwBin; gone with the page, when a worker
   * outlived it */
  GtkWidget *overlay = adw_bin_get_child (ADW_BIN (self));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), shown);
  else
    g_object_unref (shown);
}

static void
toast (ClRetroPage *self,
       const char  *text)
{
  show_toast (self, cl_toast_new_plain (text));
}

static GtkWidget *
fact_row (const char *title,
          const char *subtitle,
          const char *badge,
          const char *badge_style)
{
  GtkWidget *row = cl_action_row_new_plain (title, subtitle);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (badge != NULL)
    {
      GtkWidget *label = gtk_label_new (badge);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, badge_style);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* ------------------------------------------------------------------ the facts */

static void
show_health (ClRetroPage *self)
{
  cl_list_box_remove_rows (self->health_list);
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      const ClLoopHealth *health = &self->inputs->health[i];
      g_autofree char *described = cl_health_row_subtitle (health);
      GtkWidget *row = fact_row (cl_loop_title (i), described, cl_health_state_label (health->state),
                                 cl_health_state_style_class (health->state));

      /* the thresholds that decided the state are read in full */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->health_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hollow_label), cl_loop_health_is_hollow (self->inputs->health));
}

static void
show_flags (ClRetroPage *self)
{
  g_autoptr (GArray) top = cl_retro_inputs_top_flags (self->inputs, SHOWN_FLAGS);
  g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "On the %d open deal the quarter's reviews discussed",
                                                               "On the %d open deals the quarter's reviews discussed",
                                                               self->inputs->n_reviewed),
                                                  self->inputs->n_reviewed);

  adw_preferences_group_set_description (self->flags_group, description);
  cl_list_box_remove_rows (self->flags_list);
  for (guint i = 0; i < top->len; i++)
    {
      int flag = g_array_index (top, int, i);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deal", "%d deals",
                                                             self->inputs->flag_counts[flag]),
                                                self->inputs->flag_counts[flag]);

      gtk_list_box_append (self->flags_list, fact_row (cl_flag_label (flag), NULL, count, "dim-label"));
    }
}

static void
on_death_deal_activated (AdwActionRow *row)
{
  gint64 *deal_id = g_object_get_data (G_OBJECT (row), "deal-id");

  if (deal_id != NULL)
    cl_application_open_deal (*deal_id);
}

/* The deals of a group that died, kept until the group is first opened */
typedef struct
{
  GArray    *ids;    /* gint64 */
  GPtrArray *names;
} DeathDeals;

static void
death_deals_free (DeathDeals *deals)
{
  g_array_unref (deals->ids);
  g_ptr_array_unref (deals->names);
  g_free (deals);
}

/* A group's deals, each a row that opens its page, are made when the
 * group is first opened: at 100 000 deals a quarter's groups hold over a
 * thousand, which laid out at once froze the window for seconds. */
static void
on_death_expanded (AdwExpanderRow *row)
{
  DeathDeals *deals = g_object_get_data (G_OBJECT (row), "deals");

  if (deals == NULL || !adw_expander_row_get_expanded (row))
    return;
  for (guint i = 0; i < deals->ids->len; i++)
    {
      GtkWidget *deal = cl_action_row_new_plain (g_ptr_array_index (deals->names, i), NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (deal), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (deal), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (deal), "deal-id",
                              g_memdup2 (&g_array_index (deals->ids, gint64, i), sizeof (gint64)), g_free);
      g_signal_connect (deal, "activated", G_CALLBACK (on_death_deal_activated), NULL);
      adw_expander_row_add_row (row, deal);
    }
  g_object_set_data (G_OBJECT (row), "deals", NULL);
}

/* A group of deals that died, which opens on the deals, each of which
 * opens on its page. */
static GtkWidget *
death_row (ClRetroDeath *death,
           const char   *title,
           const char   *subtitle,
           const char   *count)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge = gtk_label_new (count);
  DeathDeals *deals = g_new0 (DeathDeals, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_add_css_class (badge, "heading");
  gtk_widget_add_css_class (badge, "dim-label");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
  deals->ids = g_array_ref (death->deal_ids);
  deals->names = g_ptr_array_ref (death->deal_names);
  g_object_set_data_full (G_OBJECT (row), "deals", deals, (GDestroyNotify) death_deals_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_death_expanded), NULL);
  return row;
}

static void show_deaths_from (ClRetroPage *self,
                              guint        first);

static void
on_more_deaths_activated (AdwActionRow *more,
                          ClRetroPage  *self)
{
  gtk_list_box_remove (self->deaths_list, GTK_WIDGET (more));
  show_deaths_from (self, CL_RETRO_PAGE_DEATHS_SHOWN);
}

/* A row that shows the groups from @first on, once activated */
static GtkWidget *
more_deaths_row (ClRetroPage *self,
                 guint        first)
{
  guint n_more = self->inputs->deaths->len - first;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Group",
                                                         "Show %u More Groups", n_more), n_more);
  GtkWidget *row = cl_action_row_new_plain (title, NULL);

  gtk_widget_set_name (row, "more-deaths");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  g_signal_connect (row, "activated", G_CALLBACK (on_more_deaths_activated), self);
  return row;
}

/* The groups from @first on: all of them once one asked for more, the
 * first CL_RETRO_PAGE_DEATHS_SHOWN otherwise, as each group is a dozen
 * widgets to style and lay out and a quarter can hold a hundred. */
static void
show_deaths_from (ClRetroPage *self,
                  guint        first)
{
  guint n_groups = self->inputs->deaths->len;
  guint last = first == 0 ? MIN (n_groups, CL_RETRO_PAGE_DEATHS_SHOWN) : n_groups;

  for (guint i = first; i < last; i++)
    {
      ClRetroDeath *death = g_ptr_array_index (self->inputs->deaths, i);
      g_autofree char *amount = cl_money_format (death->amount_cents, death->currency);
      g_autofree char *stage = cl_text_isolate (death->stage);
      g_autofree char *reason = *death->reason ? cl_text_isolate (death->reason) : g_strdup (_("No reason given"));
      /* Translators: a stage, lost or disqualified, then the reason */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), stage,
                                                cl_deal_status_label (cl_enum_from_string (cl_deal_status_names,
                                                                                           death->status)));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deal", "%d deals", death->n),
                                                death->n);
      g_autofree char *subtitle = g_strjoin (cl_text_parts_separator (), reason, amount, NULL);

      gtk_list_box_append (self->deaths_list, death_row (death, title, subtitle, count));
    }
  if (last < n_groups)
    gtk_list_box_append (self->deaths_list, more_deaths_row (self, last));
}

static void
show_deaths (ClRetroPage *self)
{
  cl_list_box_remove_rows (self->deaths_list);
  show_deaths_from (self, 0);
}

/* Which flags went with a loss: every flag, the most predictive first and
 * those without enough history last, as the core orders them. */
static void
show_outcomes (ClRetroPage *self)
{
  const ClFlagOutcomes *outcomes = &self->inputs->flag_outcomes;
  g_autofree char *explained = cl_flag_outcomes_explain (outcomes);

  cl_preferences_group_set_plain_description (self->outcomes_group, explained);
  cl_list_box_remove_rows (self->outcomes_list);
  if (outcomes->won + outcomes->lost == 0)
    return;
  for (int i = 0; i < CL_N_FLAGS; i++)
    {
      g_autofree char *rates = cl_flag_outcome_describe_rates (&outcomes->rows[i]);
      g_autofree char *difference = cl_flag_outcome_describe_difference (&outcomes->rows[i]);
      GtkWidget *row = fact_row (cl_flag_label (outcomes->rows[i].flag), rates, difference, "numeric");

      /* the rates and counts are read in full, however narrow */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->outcomes_list, row);
    }
}

static char *
describe_results (const ClQuarterResults *results)
{
  if (results->won + results->lost == 0)
    return g_strdup (_("no deal closed"));
  /* Translators: win rate in percent, deals won, deals lost, mean days to a win */
  return g_strdup_printf (_("%.0f %% won (%d won, %d lost) · %.0f days to a win"), results->win_rate * 100,
                          results->won, results->lost, results->cycle_days);
}

static void
show_results (ClRetroPage *self)
{
  g_autofree char *now = describe_results (&self->inputs->results);
  g_autofree char *before = describe_results (&self->inputs->previous);
  g_autofree char *current = cl_date_format_quarter_words (self->quarter);
  g_autofree char *previous = cl_date_format_quarter_words (self->quarter - 1);

  cl_list_box_remove_rows (self->results_list);
  gtk_list_box_append (self->results_list, fact_row (current, now, NULL, NULL));
  gtk_list_box_append (self->results_list, fact_row (previous, before, NULL, NULL));
}

static void
show_focuses (ClRetroPage *self)
{
  cl_list_box_remove_rows (self->focuses_list);
  for (guint i = 0; i < self->inputs->focuses->len; i++)
    {
      ClRetroFocus *focus = g_ptr_array_index (self->inputs->focuses, i);
      /* Translators: plans on a skill, then how their look-backs went */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%d plan: %d moved, %d partly, %d did not",
                                                                "%d plans: %d moved, %d partly, %d did not",
                                                                focus->plans),
                                                   focus->plans, focus->moved, focus->partly, focus->not_moved);

      gtk_list_box_append (self->focuses_list, fact_row (focus->label, subtitle, NULL, NULL));
    }
}

/* ------------------------------------------------------------------ the form */

static void
on_decision_changed (ClRetroPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->restarts_group),
                          adw_combo_row_get_selected (self->decision_row) == CL_RETRO_EXECUTION_DRIFTED);
}

static void
clear_restarts (ClRetroPage *self)
{
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      adw_expander_row_set_enable_expansion (self->restarts[i].row, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->restarts[i].due), "");
    }
}

static guint
rep_index (ClRetroPage *self,
           gint64       rep_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (self->reps, i);

      if (rep->id == rep_id)
        return i;
    }
  return 0;
}

/* The retrospective as stored, and @restarts (ClRetroRestart; NULL for
 * none) the loops it restarted. */
static void
show_record (ClRetroPage *self,
             GPtrArray   *restarts)
{
  GtkTextBuffer *findings = gtk_text_view_get_buffer (self->findings_view);
  g_autofree char *held = NULL, *day = NULL;

  gtk_text_buffer_set_text (findings, self->retro ? self->retro->findings : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (root_causes); i++)
    gtk_check_button_set_active (self->cause_checks[i],
                                 self->retro != NULL && (self->retro->root_causes & root_causes[i]));
  adw_combo_row_set_selected (self->decision_row, self->retro ? self->retro->decision : CL_RETRO_UNDECIDED);
  gtk_editable_set_text (GTK_EDITABLE (self->detail_row), self->retro ? self->retro->decision_detail : "");
  clear_restarts (self);
  for (guint i = 0; restarts != NULL && i < restarts->len; i++)
    {
      ClRetroRestart *restart = g_ptr_array_index (restarts, i);
      int loop = cl_loop_from_string (restart->loop);
      g_autofree char *due = cl_date_format (restart->due_on);

      if (loop < 0)
        continue;
      adw_expander_row_set_enable_expansion (self->restarts[loop].row, TRUE);
      adw_combo_row_set_selected (self->restarts[loop].owner, rep_index (self, restart->owner_id));
      gtk_editable_set_text (GTK_EDITABLE (self->restarts[loop].due), due);
    }
  on_decision_changed (self);

  day = self->retro ? cl_date_format (self->retro->held_on) : NULL;
  held = self->retro
         /* Translators: the day the retrospective was held, then its decision */
         ? g_strdup_printf (_("Held %s · %s"), day,
                            self->retro->decision == CL_RETRO_ADJUST_STRATEGY ? _("the strategy changes")
                            : self->retro->decision == CL_RETRO_EXECUTION_DRIFTED ? _("execution drifted")
                            : _("no decision yet"))
         : g_strdup (_("Not held yet: this is the pre-read"));
  gtk_label_set_text (self->held_label, held);
}

void
cl_retro_page_fill (ClRetroPage     *self,
                    const char      *findings,
                    guint            causes,
                    ClRetroDecision  decision,
                    const char      *detail)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->findings_view), findings, -1);
  for (guint i = 0; i < G_N_ELEMENTS (root_causes); i++)
    gtk_check_button_set_active (self->cause_checks[i], (causes & root_causes[i]) != 0);
  adw_combo_row_set_selected (self->decision_row, decision);
  gtk_editable_set_text (GTK_EDITABLE (self->detail_row), detail);
}

void
cl_retro_page_restart_loop (ClRetroPage *self,
                            ClLoop       loop,
                            guint        owner_index,
                            const char  *due)
{
  g_return_if_fail (loop < CL_N_LOOPS);
  adw_expander_row_set_enable_expansion (self->restarts[loop].row, TRUE);
  adw_combo_row_set_selected (self->restarts[loop].owner, owner_index);
  gtk_editable_set_text (GTK_EDITABLE (self->restarts[loop].due), due);
}

/* The form as a retrospective and its restarts; NULL and a toast when a
 * restart's day does not read. */
static ClRetro *
retro_from_form (ClRetroPage  *self,
                 GPtrArray    *restarts)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->findings_view);
  g_autoptr (ClRetro) retro = g_object_new (CL_TYPE_RETRO, NULL);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  retro->quarter = cl_date_quarter (self->quarter);
  retro->held_on = self->retro ? self->retro->held_on : cl_date_today ();
  retro->findings = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (root_causes); i++)
    if (gtk_check_button_get_active (self->cause_checks[i]))
      retro->root_causes |= root_causes[i];
  retro->decision = adw_combo_row_get_selected (self->decision_row);
  retro->decision_detail = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->detail_row)));
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      const char *due = gtk_editable_get_text (GTK_EDITABLE (self->restarts[i].due));
      g_autoptr (ClRep) owner = NULL;
      ClRetroRestart *restart;
      ClDay day = 0;

      if (!adw_expander_row_get_enable_expansion (self->restarts[i].row))
        continue;
      if (!cl_date_parse (due, &day))
        {
          g_autofree char *message = g_strdup_printf (_("Restarting %s needs a day such as 2026-12-04"),
                                                      cl_loop_title (i));

          toast (self, message);
          return NULL;
        }
      owner = g_list_model_get_item (self->reps, adw_combo_row_get_selected (self->restarts[i].owner));
      restart = g_object_new (CL_TYPE_RETRO_RESTART, NULL);
      restart->loop = g_strdup (cl_loop_to_string (i));
      restart->owner_id = owner ? owner->id : 0;
      restart->due_on = day;
      g_ptr_array_add (restarts, restart);
    }
  return g_steal_pointer (&retro);
}

static void
on_guard_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ClRetroPage      *self)
{
  self->asking = FALSE;
  if (g_str_equal (response, "adjust"))
    cl_retro_page_save (self, TRUE);
}

/* The characteristic failure: blaming a strategy that was never run.
 * @loops: cl_retro_needs_confirmation () */
static void
ask_before_adjusting (ClRetroPage *self,
                      guint        loops)
{
  g_autoptr (GString) lapsed = g_string_new (NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  for (int i = 0; i < CL_N_LOOPS; i++)
    if (loops & (1u << i))
      g_string_append_printf (lapsed, "%s%s", lapsed->len ? cl_text_list_separator () : "", cl_loop_title (i));
  /* Translators: the loops that did not run in the quarter */
  body = g_strdup_printf (_("These loops did not run this quarter: %s. A strategy that was not run cannot be "
                            "judged. Were they run some other way? If not, execution drifted."), lapsed->str);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Adjust the Strategy While Loops Lapsed?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "adjust", _("_They Were Run: Adjust"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "adjust", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_guard_response), self);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A retrospective on its way to the workspace, with the loops it restarts. */
typedef struct
{
  ClRetro   *retro;
  GPtrArray *restarts;   /* ClRetroRestart */
} RetroSave;

static void
retro_save_free (RetroSave *save)
{
  g_object_unref (save->retro);
  g_ptr_array_unref (save->restarts);
  g_free (save);
}

static gpointer
save_in_worker (ClStore  *store,
                gpointer  data,
                GError  **error)
{
  RetroSave *save = data;

  return cl_retro_save (store, save->retro, save->restarts, error) ? save : NULL;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ClRetroPage *self = CL_RETRO_PAGE (source);
  g_autoptr (GError) error = NULL;
  RetroSave *save = cl_store_task_finish (result, &error);

  self->saving = FALSE;
  /* another quarter shown meanwhile, or the page gone: written, not shown */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (save == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_set_object (&self->retro, save->retro);
  show_record (self, save->restarts);
  toast (self, _("Retrospective saved"));
  /* the strategy loop of the quarter now has its beat */
  load_inputs (self, save->retro->quarter, TRUE);
}

/* Saves the retrospective the form holds, written by a worker (see
 * cl_retro_page_is_saving ()); FALSE when the form is not one yet, when
 * adjusting the strategy asks first (unless @confirmed), or while one is
 * on its way. */
gboolean
cl_retro_page_save (ClRetroPage *self,
                    gboolean     confirmed)
{
  g_autoptr (GPtrArray) restarts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (ClRetro) retro = NULL;
  RetroSave *save;
  guint lapsed;

  g_return_val_if_fail (CL_IS_RETRO_PAGE (self), FALSE);
  if (self->inputs == NULL || self->saving || (retro = retro_from_form (self, restarts)) == NULL)
    return FALSE;
  if (!confirmed && (lapsed = cl_retro_needs_confirmation (retro, self->inputs->health)) != 0)
    {
      ask_before_adjusting (self, lapsed);
      return FALSE;
    }
  save = g_new0 (RetroSave, 1);
  save->retro = g_steal_pointer (&retro);
  save->restarts = g_steal_pointer (&restarts);
  self->saving = TRUE;
  cl_store_task_run (self, cl_store_get_path (self->store), save_in_worker, save, (GDestroyNotify) retro_save_free,
                     NULL, self->cancellable, on_saved, NULL);
  return TRUE;
}

gboolean
cl_retro_page_is_saving (ClRetroPage *self)
{
  return self->saving;
}

gboolean
cl_retro_page_is_asking (ClRetroPage *self)
{
  return self->asking;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cl_retro_page_save (CL_RETRO_PAGE (widget), FALSE);
}

static JsonNode *
build_retro (ClStore        *store,
             gconstpointer   inputs,
             GError        **error)
{
  return cl_retro_export_build (store, inputs, error);
}

/* Exports the quarter shown at @path, built and written by a worker. */
gboolean
cl_retro_page_export (ClRetroPage *self,
                      const char  *path)
{
  g_return_val_if_fail (CL_IS_RETRO_PAGE (self), FALSE);
  if (self->inputs == NULL)
    return FALSE;
  cl_file_export_summary (self, (ClShowToast) show_toast, cl_store_get_path (self->store), build_retro,
                          cl_retro_inputs_ref (self->inputs), (GDestroyNotify) cl_retro_inputs_unref, path,
                          _("Exporting the retrospective…"), _("Retrospective exported"));
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClRetroPage *self = CL_RETRO_PAGE (widget);
  GtkFileChooserNative *dialog = NULL;
  g_autofree char *name = NULL;

  if (self->inputs == NULL)
    return;
  dialog = cl_file_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)), self, _("Export the Retrospective"),
                                GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), (ClFileChosen) cl_retro_page_export);
  name = g_strdup_printf ("retro-%s" CL_EXPORT_FILE_EXTENSION, self->inputs->quarter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ loading */

/* A quarter as a worker reads it: its facts, the team, and its
 * retrospective with the loops it restarted, if it was held. */
typedef struct
{
  char          *quarter;
  ClRetroInputs *inputs;
  GListModel    *reps;
  ClRetro       *retro;
  GPtrArray     *restarts;   /* ClRetroRestart */
} QuarterRead;

static void
quarter_read_free (QuarterRead *read)
{
  g_free (read->quarter);
  g_clear_pointer (&read->inputs, cl_retro_inputs_unref);
  g_clear_object (&read->reps);
  g_clear_object (&read->retro);
  g_clear_pointer (&read->restarts, g_ptr_array_unref);
  g_free (read);
}

static gpointer
read_quarter (ClStore  *store,
              gpointer  data,
              GError  **error)
{
  QuarterRead *read = data;
  g_autoptr (GListModel) restarts = NULL;

  read->inputs = cl_retro_inputs_load (cl_store_get_path (store), read->quarter, cl_date_today (), error);
  if (read->inputs == NULL || (read->reps = cl_store_list_reps (store, error)) == NULL)
    return NULL;
  read->retro = cl_store_get_retro (store, read->quarter, NULL);
  read->restarts = g_ptr_array_new_with_free_func (g_object_unref);
  if (read->retro != NULL && (restarts = cl_store_list_retro_restarts (store, read->retro->id, error)) == NULL)
    return NULL;
  for (guint i = 0; restarts != NULL && i < g_list_model_get_n_items (restarts); i++)
    g_ptr_array_add (read->restarts, g_list_model_get_item (restarts, i));
  return read;
}

/* The reps a restart can go to, as owners to choose. */
static void
show_reps (ClRetroPage *self,
           GListModel  *reps)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_set_object (&self->reps, reps);
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (self->reps, i);

      gtk_string_list_append (names, rep->name);
    }
  for (int i = 0; i < CL_N_LOOPS; i++)
    adw_combo_row_set_model (self->restarts[i].owner, G_LIST_MODEL (names));
}

/* The spinner while the quarter is read, its retrospective once read */
static void
show_loading (ClRetroPage *self,
              gboolean     loading)
{
  gtk_widget_set_visible (self->loading_spinner, loading);
  gtk_widget_set_visible (self->retro_box, !loading);
}

typedef void (*ShowSection) (ClRetroPage *self);

/* in the page's order */
static const ShowSection sections[] = {
  show_health, show_flags, show_deaths, show_outcomes, show_results, show_focuses
};

/* Drops the quarter's facts, and the sections still to show from them */
static void
forget_inputs (ClRetroPage *self)
{
  g_clear_handle_id (&self->section_source, g_source_remove);
  g_clear_pointer (&self->inputs, cl_retro_inputs_unref);
}

/* Another quarter's sections: none of the last one's rows may show while
 * they come */
static void
clear_sections (ClRetroPage *self)
{
  GtkListBox *lists[] = { self->health_list, self->flags_list, self->deaths_list, self->outcomes_list,
                          self->results_list, self->focuses_list };

  forget_inputs (self);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    cl_list_box_remove_rows (lists[i]);
  adw_preferences_group_set_description (self->flags_group, NULL);
  adw_preferences_group_set_description (self->outcomes_group, NULL);
}

/* One section, then the next once GTK had time to style and lay out this
 * one: each holds dozens of rows, and all of them made at once held the
 * main loop for a third of a second. */
static gboolean
show_next_section (gpointer data)
{
  ClRetroPage *self = data;

  sections[self->next_section++] (self);
  if (self->next_section < G_N_ELEMENTS (sections))
    return G_SOURCE_CONTINUE;
  self->section_source = 0;
  return G_SOURCE_REMOVE;
}

/* @user_data: whether the form stays as it is (the facts read again after
 * a save, the form being the record just saved) */
static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  QuarterRead *read = cl_store_task_finish (result, &error);
  ClRetroPage *self = CL_RETRO_PAGE (source);

  if (read == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  forget_inputs (self);
  self->inputs = g_steal_pointer (&read->inputs);
  if (self->reps == NULL)
    show_reps (self, read->reps);
  self->next_section = 0;
  show_next_section (self);
  self->section_source = g_idle_add_full (G_PRIORITY_LOW, show_next_section, self, NULL);
  if (GPOINTER_TO_INT (user_data))
    return;
  g_set_object (&self->retro, read->retro);
  show_record (self, read->restarts);
  show_loading (self, FALSE);
}

/* Reads @quarter in a worker; @keep_form: see on_loaded (). A later read
 * cancels this one. */
static void
load_inputs (ClRetroPage *self,
             const char  *quarter,
             gboolean     keep_form)
{
  QuarterRead *read = g_new0 (QuarterRead, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  read->quarter = g_strdup (quarter);
  cl_store_task_run (self, cl_store_get_path (self->store), read_quarter, read, (GDestroyNotify) quarter_read_free,
                     NULL, self->cancellable, on_loaded, GINT_TO_POINTER (keep_form));
}

gboolean
cl_retro_page_show_quarter (ClRetroPage *self,
                            const char  *quarter)
{
  g_autofree char *current = NULL;
  g_autofree char *title = NULL;
  ClDay first;

  g_return_val_if_fail (CL_IS_RETRO_PAGE (self), FALSE);
  if (quarter == NULL)
    quarter = current = cl_date_quarter (cl_date_today ());
  if (self->store == NULL || !cl_date_parse_quarter (quarter, &first, NULL))
    return FALSE;
  self->quarter = first;
  clear_sections (self);
  title = cl_date_format_quarter_words (first);
  gtk_label_set_text (self->quarter_label, title);
  gtk_label_set_text (self->held_label, "");
  show_loading (self, TRUE);
  load_inputs (self, quarter, FALSE);
  return TRUE;
}

gboolean
cl_retro_page_is_read (ClRetroPage *self)
{
  return self->inputs != NULL;
}

gboolean
cl_retro_page_is_loaded (ClRetroPage *self)
{
  return self->inputs != NULL && self->section_source == 0;
}

guint
cl_retro_page_get_n_flags (ClRetroPage *self)
{
  g_autoptr (GArray) top = self->inputs ? cl_retro_inputs_top_flags (self->inputs, SHOWN_FLAGS) : NULL;

  return top ? top->len : 0;
}

guint
cl_retro_page_get_n_death_groups (ClRetroPage *self,
                                  guint       *shown)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->deaths_list)); row;
       row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_EXPANDER_ROW (row);
  *shown = n;
  return self->inputs ? self->inputs->deaths->len : 0;
}

guint
cl_retro_page_get_n_outcomes (ClRetroPage *self)
{
  return cl_list_box_count_rows (self->outcomes_list);
}

static void
step_quarter (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClRetroPage *self = CL_RETRO_PAGE (widget);
  g_autofree char *quarter = cl_date_quarter (cl_date_add_months (self->quarter,
                                                                  g_str_equal (action_name, "retro.next-quarter")
                                                                  ? 3 : -3));

  cl_retro_page_show_quarter (self, quarter);
}

void
cl_retro_page_set_store (ClRetroPage *self,
                         ClStore     *store)
{
  g_set_object (&self->store, store);
  /* read with the facts, when the page is first seen */
  g_clear_object (&self->reps);
  forget_inputs (self);
  self->quarter = 0;
  /* the facts cost a pipeline snapshot: read them when the page is first seen */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cl_retro_page_show_quarter (self, NULL);
}

static void
on_map (ClRetroPage *self)
{
  if (self->store != NULL && self->quarter == 0)
    cl_retro_page_show_quarter (self, NULL);
}

/* ------------------------------------------------------------------ the page */

static GtkListBox *
boxed_list (AdwPreferencesGroup *group,
            const char          *label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

static void
build_form (ClRetroPage *self)
{
  g_autoptr (GtkStringList) decisions = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (root_causes); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_root_cause_label (root_causes[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->causes_group, row);
      self->cause_checks[i] = GTK_CHECK_BUTTON (check);
    }

  /* in ClRetroDecision's order */
  gtk_string_list_append (decisions, _("Not decided yet"));
  gtk_string_list_append (decisions, _("Adjust the strategy"));
  gtk_string_list_append (decisions, _("Execution drifted"));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (decisions));
  g_signal_connect_swapped (self->decision_row, "notify::selected", G_CALLBACK (on_decision_changed), self);

  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *owner = adw_combo_row_new ();
      GtkWidget *due = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_loop_title (i));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), cl_loop_question (i));
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner), _("Owner"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (due), _("Runs again by (YYYY-MM-DD)"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), owner);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), due);
      adw_preferences_group_add (self->restarts_group, row);
      self->restarts[i] = (ClRestartRow) { ADW_EXPANDER_ROW (row), ADW_COMBO_ROW (owner), ADW_ENTRY_ROW (due) };
    }
}

static void
cl_retro_page_dispose (GObject *object)
{
  ClRetroPage *self = CL_RETRO_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  forget_inputs (self);
  g_clear_object (&self->retro);
  g_clear_object (&self->reps);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_RETRO_PAGE);
  G_OBJECT_CLASS (cl_retro_page_parent_class)->dispose (object);
}

static void
cl_retro_page_class_init (ClRetroPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_retro_page_dispose;
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/retro/cl-retro-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, quarter_label);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, held_label);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, retro_box);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, hollow_label);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, health_group);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, flags_list);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, deaths_list);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, outcomes_group);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, outcomes_list);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, results_group);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, focuses_list);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, causes_group);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, findings_view);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, detail_row);
  gtk_widget_class_bind_template_child (widget_class, ClRetroPage, restarts_group);
  gtk_widget_class_install_action (widget_class, "retro.previous-quarter", NULL, step_quarter);
  gtk_widget_class_install_action (widget_class, "retro.next-quarter", NULL, step_quarter);
  gtk_widget_class_install_action (widget_class, "retro.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "retro.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "retro.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "retro.export", NULL);
}

static void
cl_retro_page_init (ClRetroPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->health_list = boxed_list (self->health_group, _("Loop health this quarter"));
  self->results_list = boxed_list (self->results_group, _("Results this quarter and the one before"));
  gtk_list_box_set_placeholder (self->flags_list,
                                cl_list_box_placeholder_new (_("No review discussed an open deal this quarter")));
  gtk_list_box_set_placeholder (self->deaths_list, cl_list_box_placeholder_new (_("No deal died this quarter")));
  gtk_list_box_set_placeholder (self->outcomes_list,
                                cl_list_box_placeholder_new (_("No deal open at a weekly review was won or lost by the quarter's end")));
  gtk_list_box_set_placeholder (self->focuses_list,
                                cl_list_box_placeholder_new (_("No development plan this quarter")));
  build_form (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}
