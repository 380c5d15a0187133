/* cl-review-window.c — running the weekly review, one deal at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deals come in agenda order (highest risk, most severe flags, largest,
 * soonest), and the review opens on the team's number of them; S shows all
 * the others. One key per decision: K keep, D disqualify, M manager time,
 * A next action (text, owner, due; Enter saves); N or → next, P or ←
 * previous. Each decision is written at once and the next deal follows.
 * Finishing a review that decided nothing says so: it was a meeting, not a
 * loop.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-action-load.h"
#include "cl-application.h"
#include "cl-flags.h"
#include "cl-plain-text.h"
#include "cl-review-window.h"
#include "cl-text.h"

struct _ClReviewWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *deal_label;
  GtkLabel        *context_label;
  GtkLabel        *risk_label;
  GtkButton       *show_all_button;
  AdwActionRow    *amount_row;
  AdwActionRow    *close_row;
  AdwActionRow    *next_step_row;
  AdwActionRow    *load_row;
  GtkLabel        *flags_label;
  GtkLabel        *decision_label;
  GtkWidget       *decision_buttons;
  GtkWidget       *finish_button;
  GtkRevealer     *action_revealer;
  AdwEntryRow     *action_entry;
  AdwComboRow     *owner_row;
  AdwEntryRow     *due_entry;

  ClStore         *store;
  ClProcess       *process;
  ClFlagSettings   settings;
  ClReview        *review;
  ClSharedReview  *shared;       /* a teammate's, read-only; else NULL */
  GPtrArray       *agenda;       /* ClPipelineItem */
  GHashTable      *decided;      /* deal id → ClDecisionKind + 1 */
  GArray          *rep_ids;      /* gint64, parallel to the owner row's list */
  guint            n_shown;      /* the agenda's first, walked; the others after S */
  guint            position;
  int              actions_cap;
  gboolean         confirmed_empty;
};

G_DEFINE_FINAL_TYPE (ClReviewWindow, cl_review_window, ADW_TYPE_WINDOW)

static ClPipelineItem *
current_item (ClReviewWindow *self)
{
  return self->position < self->n_shown ? g_ptr_array_index (self->agenda, self->position) : NULL;
}

static void
show_error (ClReviewWindow *self,
            const GError   *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (error->message));
}

guint
cl_review_window_count_decisions (ClReviewWindow *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->decided);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += GPOINTER_TO_INT (value) - 1 != CL_DECISION_KEEP;
  return n;
}

static void
set_suffix (AdwActionRow *row,
            const char   *text)
{
  adw_action_row_set_subtitle (row, text);
}

/* The owner's open actions against the team's cap. */
static void
show_load (ClReviewWindow *self,
           ClDeal         *deal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) loads = cl_store_list_rep_loads (self->store, self->review->held_on,
                                                          deal->owner_id, &error);
  g_autoptr (ClRepLoad) load = loads ? g_list_model_get_item (loads, 0) : NULL;
  g_autofree char *text = NULL;

  if (load == NULL)
    {
      set_suffix (self->load_row, error ? error->message : "");
      return;
    }
  text = cl_action_load_describe (load, self->actions_cap);
  set_suffix (self->load_row, text);
  if (cl_action_load_state (load->n_open_actions, self->actions_cap) != CL_LOAD_UNDER_CAP)
    gtk_widget_add_css_class (GTK_WIDGET (self->load_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->load_row), "warning");
}

guint
cl_review_window_get_n_deals (ClReviewWindow *self)
{
  return self->shared ? self->shared->deals->len : self->n_shown;
}

guint
cl_review_window_get_n_agenda (ClReviewWindow *self)
{
  return self->shared ? self->shared->deals->len : self->agenda->len;
}

/* The button to the deals the review did not open on, while there are any. */
static void
show_hidden (ClReviewWindow *self)
{
  guint n = cl_review_window_get_n_agenda (self);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u Deal", "All %u Deals", n), n);

  gtk_button_set_label (self->show_all_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), self->n_shown < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-all", self->n_shown < n);
}

/* The header: which review, where in it, and whose when it is shared. */
static void
show_title (ClReviewWindow *self,
            const char     *week)
{
  g_autofree char *title = g_strdup_printf (_("Review %s"), week);
  g_autofree char *subtitle = NULL;
  guint n = cl_review_window_get_n_deals (self);

  if (self->shared != NULL)
    {
      g_autofree char *by = cl_text_isolate (self->shared->exported_by);

      /* Translators: position, length, who exported the review and when */
      subtitle = g_strdup_printf (_("Deal %u of %u · %s's, exported %s"), MIN (self->position + 1, n), n,
                                  by, self->shared->exported_at);
    }
  else
    /* Translators: position in the agenda, its length, decisions made */
    subtitle = g_strdup_printf (_("Deal %u of %u · %u decisions"), MIN (self->position + 1, n), n,
                                cl_review_window_count_decisions (self));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* "Acme · Ana Okafor · Proposal, 12 days in stage", each value isolated */
static char *
describe_context (const char *account,
                  const char *owner,
                  const char *stage,
                  int         days_in_stage)
{
  g_autofree char *shown_account = cl_text_isolate (account);
  g_autofree char *shown_owner = cl_text_isolate (owner);
  g_autofree char *shown_stage = cl_text_isolate (stage);

  /* Translators: the deal's account, owner and stage, and its days in that stage */
  return g_strdup_printf (_("%s · %s · %s, %d days in stage"), shown_account, shown_owner, shown_stage,
                          days_in_stage);
}

/* What is shown of one deal, whichever review it comes from; a teammate's
 * carries no risk sentence (NULL). */
static void
show_card (ClReviewWindow *self,
           const char     *name,
           const char     *context,
           const char     *amount,
           const char     *close,
           const char     *next_step,
           const char     *risk,
           const char     *flags,
           const char     *decision)
{
  gtk_label_set_text (self->deal_label, name);
  gtk_label_set_text (self->context_label, context);
  gtk_label_set_text (self->risk_label, risk ? risk : "");
  gtk_widget_set_visible (GTK_WIDGET (self->risk_label), risk != NULL);
  set_suffix (self->amount_row, amount);
  set_suffix (self->close_row, close);
  set_suffix (self->next_step_row, *next_step ? next_step : _("None"));
  gtk_label_set_text (self->flags_label, *flags ? flags : _("No flags: nothing here asks for attention"));
  gtk_label_set_text (self->decision_label, decision);
}

/* A teammate's flag sentences, one a line, each isolated whole: they are
 * their words, values and all, never ours. */
static char *
isolate_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *shown = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = cl_text_isolate (lines[i]);

      g_string_append_printf (shown, "%s%s", i ? "\n" : "", line);
    }
  return g_string_free (shown, FALSE);
}

static void
show_shared_deal (ClReviewWindow     *self,
                  ClSharedReviewDeal *deal)
{
  g_autofree char *context = NULL, *amount = NULL, *decision = NULL, *reasons = NULL;

  context = describe_context (deal->account, deal->owner, deal->stage, (int) deal->days_in_stage);
  amount = cl_money_format (deal->amount_cents, deal->currency);
  if (deal->decision < 0)
    decision = g_strdup (_("Not discussed"));
  else if (*deal->action_text)
    {
      g_autofree char *what = cl_text_isolate (deal->action_text);
      g_autofree char *who = cl_text_isolate (deal->action_owner);

      /* Translators: the decision, the next action, its owner, its due day */
      decision = g_strdup_printf (_("%s: %s (%s, due %s)"), cl_decision_label (deal->decision), what, who,
                                  deal->action_due);
    }
  else if (*deal->decision_note)
    {
      g_autofree char *note = cl_text_isolate (deal->decision_note);

      decision = g_strdup_printf ("%s: %s", cl_decision_label (deal->decision), note);
    }
  else
    decision = g_strdup (cl_decision_label (deal->decision));
  reasons = isolate_lines (deal->flag_reasons);
  show_card (self, deal->name, context, amount, deal->close_date, deal->next_step, NULL, reasons, decision);
}

static void
show_deal (ClReviewWindow *self)
{
  ClPipelineItem *item;
  g_autofree char *context = NULL, *amount = NULL, *close = NULL, *why = NULL, *risk = NULL;
  const ClStage *stage;
  ClDeal *deal;
  int decided;

  show_title (self, self->shared ? self->shared->week : self->review->week);
  gtk_revealer_set_reveal_child (self->action_revealer, FALSE);
  if (cl_review_window_get_n_deals (self) == 0)
    {
      gtk_label_set_text (self->deal_label, _("No open deals to review"));
      return;
    }
  if (self->shared != NULL)
    {
      show_shared_deal (self, g_ptr_array_index (self->shared->deals, self->position));
      return;
    }

  item = current_item (self);
  deal = item->facts->deal;
  stage = cl_process_find (self->process, item->state.stage_id);
  context = describe_context (deal->account, deal->owner_name, stage ? stage->name : "", item->days_in_stage);
  amount = cl_money_format (item->state.amount_cents, deal->currency);
  close = cl_date_format (item->state.close_date);
  why = cl_pipeline_item_explain (item, self->process, &self->settings, self->review->held_on);
  risk = cl_pipeline_item_explain_risk (item, self->process, &self->settings, self->review->held_on);
  decided = GPOINTER_TO_INT (g_hash_table_lookup (self->decided, &deal->id));
  show_card (self, deal->name, context, amount, close, item->state.next_step, risk, why,
             decided ? cl_decision_label (decided - 1) : _("No decision yet"));
  show_load (self, deal);
}

const char *
cl_review_window_get_deal_name (ClReviewWindow *self)
{
  return gtk_label_get_text (self->deal_label);
}

const char *
cl_review_window_get_decision_text (ClReviewWindow *self)
{
  return gtk_label_get_text (self->decision_label);
}

const char *
cl_review_window_get_risk_text (ClReviewWindow *self)
{
  return gtk_label_get_text (self->risk_label);
}

gboolean
cl_review_window_is_shared (ClReviewWindow *self)
{
  return self->shared != NULL;
}

static void
move_to (ClReviewWindow *self,
         int             step)
{
  int next = (int) self->position + step;

  if (next < 0 || next >= (int) cl_review_window_get_n_deals (self))
    return;
  self->position = next;
  show_deal (self);
}

static gboolean
record (ClReviewWindow *self,
        ClDecisionKind  kind,
        ClAction       *action)
{
  ClPipelineItem *item = current_item (self);
  g_autoptr (ClReviewDecision) decision = NULL;
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return FALSE;
  decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
  decision->review_id = self->review->id;
  decision->deal_id = item->facts->deal->id;
  decision->decision = kind;
  if (!cl_store_record_decision (self->store, decision, action, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  g_hash_table_insert (self->decided, g_memdup2 (&decision->deal_id, sizeof (gint64)),
                       GINT_TO_POINTER (kind + 1));
  /* decided: on to the next deal */
  if (self->position + 1 < self->n_shown)
    move_to (self, 1);
  else
    show_deal (self);
  return TRUE;
}

gboolean
cl_review_window_add_action (ClReviewWindow *self,
                             const char     *text,
                             ClDay           due_on)
{
  ClPipelineItem *item = current_item (self);
  guint owner = adw_combo_row_get_selected (self->owner_row);
  g_autofree char *what = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr (ClAction) action = NULL;

  if (item == NULL)
    return FALSE;
  if (*what == '\0' || due_on == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   cl_toast_new_plain (_("A next action needs what exactly and a due date")));
      return FALSE;
    }
  action = cl_action_new (what, owner < self->rep_ids->len ? g_array_index (self->rep_ids, gint64, owner)
                                                            : item->facts->deal->owner_id,
                          due_on);
  action->deal_id = item->facts->deal->id;
  action->created_on = self->review->held_on;
  cl_record_set_text (&action->source, "review");
  return record (self, CL_DECISION_NEXT_ACTION, action);
}

static void
on_action_entry_activated (ClReviewWindow *self)
{
  const char *due_text = gtk_editable_get_text (GTK_EDITABLE (self->due_entry));
  ClDay due = 0;

  if (!cl_date_parse (due_text, &due))
    {
      g_autofree char *typed = cl_text_isolate (due_text);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date such as 2026-11-30"), typed);

      adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (message));
      return;
    }
  if (cl_review_window_add_action (self, gtk_editable_get_text (GTK_EDITABLE (self->action_entry)), due))
    gtk_editable_set_text (GTK_EDITABLE (self->action_entry), "");
}

static void
ask_for_action (ClReviewWindow *self)
{
  ClPipelineItem *item = current_item (self);
  g_autofree char *due = NULL;

  if (item == NULL)
    return;
  for (guint i = 0; i < self->rep_ids->len; i++)
    if (g_array_index (self->rep_ids, gint64, i) == item->facts->deal->owner_id)
      adw_combo_row_set_selected (self->owner_row, i);
  due = cl_date_format (self->review->held_on + 7);
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
  gtk_revealer_set_reveal_child (self->action_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_entry));
}

/* The deals past the riskiest join the walk, which goes on where it was. */
static void
show_all (ClReviewWindow *self)
{
  if (self->shared != NULL || self->n_shown == self->agenda->len)
    return;
  self->n_shown = self->agenda->len;
  show_hidden (self);
  show_deal (self);
}

void
cl_review_window_press (ClReviewWindow *self,
                        char            key)
{
  /* a teammate's decisions are theirs */
  if (self->shared != NULL && key != 'n' && key != 'p')
    return;
  switch (key)
    {
    case 's': show_all (self); break;
    case 'k': record (self, CL_DECISION_KEEP, NULL); break;
    case 'd': record (self, CL_DECISION_DISQUALIFY, NULL); break;
    case 'm': record (self, CL_DECISION_MANAGER_TIME, NULL); break;
    case 'a': ask_for_action (self); break;
    case 'n': move_to (self, 1); break;
    case 'p': move_to (self, -1); break;
    default: g_return_if_reached ();
    }
}

guint
cl_review_window_get_position (ClReviewWindow *self)
{
  return self->position;
}

/* ------------------------------------------------------------------ actions */

/* The deal under review on its page: its history, contacts, calls. */
static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPipelineItem *item = current_item (CL_REVIEW_WINDOW (widget));

  /* a teammate's deals are in their workspace, not this one */
  if (item != NULL && CL_REVIEW_WINDOW (widget)->shared == NULL)
    cl_application_open_deal (item->facts->deal->id);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (widget);
  int kind = cl_enum_from_string (cl_decision_names, g_variant_get_string (parameter, NULL));

  if (kind >= 0 && kind != CL_DECISION_NEXT_ACTION)
    record (self, kind, NULL);
}

static void
key_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (widget);

  if (g_str_equal (action_name, "review.next"))
    move_to (self, 1);
  else if (g_str_equal (action_name, "review.previous"))
    move_to (self, -1);
  else if (g_str_equal (action_name, "review.ask-action"))
    ask_for_action (self);
  else if (g_str_equal (action_name, "review.show-all"))
    show_all (self);
}

static void
on_empty_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ClReviewWindow   *self)
{
  if (g_str_equal (response, "finish"))
    {
      self->confirmed_empty = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* A review that decided nothing is allowed to end, but not silently. */
static gboolean
cl_review_window_close_request (GtkWindow *window)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->shared != NULL || self->confirmed_empty || cl_review_window_count_decisions (self) > 0)
    return GTK_WINDOW_CLASS (cl_review_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("No Decisions Yet"),
                                                       _("A review that changes nothing was a "
                                                         "meeting, not a loop: loop health will "
                                                         "count this week as held without decisions.")));
  adw_message_dialog_add_responses (dialog, "continue", _("_Keep Reviewing"),
                                    "finish", _("_Finish Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "finish", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_signal_connect (dialog, "response", G_CALLBACK (on_empty_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------------ construction */

/* The owner choices for a next action; returns the team as attendees. */
static char *
fill_owners (ClReviewWindow *self)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GString *attendees = g_string_new (NULL);

  for (guint i = 0; reps && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      gtk_string_list_append (names, rep->name);
      g_array_append_val (self->rep_ids, rep->id);
      g_string_append_printf (attendees, "%s%s", attendees->len ? ", " : "", rep->name);
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  return g_string_free (attendees, FALSE);
}

ClReviewWindow *
cl_review_window_new (GtkWindow  *parent,
                      ClStore    *store,
                      GPtrArray  *agenda,
                      ClDay       held_on,
                      GError    **error)
{
  g_autoptr (ClReviewWindow) self = g_object_ref_sink (g_object_new (CL_TYPE_REVIEW_WINDOW,
                                                                     "transient-for", parent, NULL));
  g_autofree char *week = cl_date_iso_week (held_on);
  g_autofree char *attendees = NULL;
  g_autoptr (GListModel) decisions = NULL;

  self->store = g_object_ref (store);
  self->agenda = g_ptr_array_ref (agenda);
  attendees = fill_owners (self);
  self->process = cl_process_load (store, held_on, error);
  if (self->process == NULL)
    return NULL;
  cl_flag_settings_load (&self->settings, store);
  self->n_shown = MIN (agenda->len, (guint) cl_pipeline_agenda_size_load (store));
  show_hidden (self);
  self->actions_cap = cl_action_cap_load (store);
  self->review = cl_store_open_review (store, week, held_on, attendees, error);
  if (self->review == NULL)
    return NULL;

  /* a review reopened the same week shows what it already decided */
  decisions = cl_store_list_review_decisions (store, self->review->id, error);
  if (decisions == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr (ClReviewDecision) decision = g_list_model_get_item (decisions, i);

      g_hash_table_insert (self->decided, g_memdup2 (&decision->deal_id, sizeof (gint64)),
                           GINT_TO_POINTER (decision->decision + 1));
    }
  show_deal (self);
  return g_steal_pointer (&self);
}

ClReviewWindow *
cl_review_window_new_shared (GtkWindow      *parent,
                             ClSharedReview *review)
{
  ClReviewWindow *self = g_object_new (CL_TYPE_REVIEW_WINDOW, "transient-for", parent, NULL);

  self->shared = review;
  self->agenda = g_ptr_array_new ();
  show_hidden (self);
  gtk_widget_set_visible (self->decision_buttons, FALSE);
  gtk_widget_set_visible (self->finish_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->load_row), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.decide", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.ask-action", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open-deal", FALSE);
  show_deal (self);
  return self;
}

static void
cl_review_window_dispose (GObject *object)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->review);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->shared, cl_shared_review_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REVIEW_WINDOW);
  G_OBJECT_CLASS (cl_review_window_parent_class)->dispose (object);
}

static void
cl_review_window_finalize (GObject *object)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (object);

  g_clear_pointer (&self->process, cl_process_free);
  g_hash_table_unref (self->decided);
  g_array_unref (self->rep_ids);
  G_OBJECT_CLASS (cl_review_window_parent_class)->finalize (object);
}

static void
bind_key (GtkWidgetClass *widget_class,
          guint           key,
          const char     *action,
          const char     *target)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, action, target ? "s" : NULL, target);
}

static void
cl_review_window_class_init (ClReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_review_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = cl_review_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = cl_review_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/review/cl-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, deal_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, context_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, risk_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, close_row);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, load_row);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, flags_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, decision_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, decision_buttons);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, finish_button);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, action_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, action_entry);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, due_entry);

  gtk_widget_class_install_action (widget_class, "review.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.ask-action", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.show-all", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "review.open-deal", NULL, open_deal_action);

  /* one key per decision; typing in the action's fields is not a key press here */
  bind_key (widget_class, GDK_KEY_k, "review.decide", "keep");
  bind_key (widget_class, GDK_KEY_d, "review.decide", "disqualify");
  bind_key (widget_class, GDK_KEY_m, "review.decide", "manager_time");
  bind_key (widget_class, GDK_KEY_a, "review.ask-action", NULL);
  bind_key (widget_class, GDK_KEY_s, "review.show-all", NULL);
  bind_key (widget_class, GDK_KEY_n, "review.next", NULL);
  bind_key (widget_class, GDK_KEY_Right, "review.next", NULL);
  bind_key (widget_class, GDK_KEY_p, "review.previous", NULL);
  bind_key (widget_class, GDK_KEY_Left, "review.previous", NULL);
  bind_key (widget_class, GDK_KEY_Escape, "review.finish", NULL);
  bind_key (widget_class, GDK_KEY_o, "review.open-deal", NULL);
}

static void
cl_review_window_init (ClReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->decided = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->action_entry, "entry-activated",
                            G_CALLBACK (on_action_entry_activated), self);
  g_signal_connect_swapped (self->due_entry, "entry-activated",
                            G_CALLBACK (on_action_entry_activated), self);
}
