/* cl-review-window.c — running the weekly review, one deal at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deals come in agenda order (highest risk, most severe flags, largest,
 * soonest), and the review opens on the team's number of them; S shows all
 * the others. One key per decision: K keep, D disqualify, M manager time,
 * A next action (text, owner, due; Enter or Save saves); N or → next, P or
 * ← previous. Each decision is written at once and the next deal follows
 * once it is; coming back to a deal shows its decision pressed among the
 * choices, and its next action. Finish (or Escape) shows what the review
 * produced — every decision counted, Keep included, as the export counts
 * them — with the warning of a review that decided nothing, and offers the
 * export. A teammate's review opens on the same summary, above its first
 * deal.
 *
 * Workers read and write the workspace, each on a connection of its own,
 * never the window's thread: beside a command-line import that holds it
 * for seconds, the review still walks, and a decision waits (saying so)
 * until it can be written, one at a time.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-action-load.h"
#include "cl-application.h"
#include "cl-flags.h"
#include "cl-plain-text.h"
#include "cl-review-outcome.h"
#include "cl-review-window.h"
#include "cl-rep-brief.h"
#include "cl-store-task.h"
#include "cl-text.h"

/* the ways the choices are laid out: in a row, in a column where no row fits */
enum { CHOICES_ROW, CHOICES_COLUMN, N_CHOICE_LAYOUTS };

struct _ClReviewWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkScrolledWindow *scroller;
  GtkWidget       *clamp;
  AdwPreferencesGroup *summary_group;
  GtkLabel        *warning_label;
  GtkWidget       *finish_box;
  GtkWidget       *export_button;
  GtkWidget       *deal_box;
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
  AdwSqueezer     *decision_buttons;
  GtkWidget       *finish_button;
  GtkRevealer     *action_revealer;
  AdwEntryRow     *action_entry;
  AdwComboRow     *owner_row;
  AdwEntryRow     *due_entry;
  GtkLabel        *action_error;
  GtkLabel        *busy_label;
  GtkWidget       *save_button;
  GtkWidget       *choices[N_CHOICE_LAYOUTS];
  GtkToggleButton *choice_buttons[N_CHOICE_LAYOUTS][CL_N_DECISION_KINDS];
  GtkLabel        *kind_counts[CL_N_DECISION_KINDS];
  GtkLabel        *actions_count;

  char            *workspace;
  GCancellable    *cancellable;  /* the workers' results, dropped once the window goes */
  ClProcess       *process;
  ClFlagSettings   settings;
  ClReview        *review;
  ClSharedReview  *shared;       /* a teammate's, read-only; else NULL */
  GPtrArray       *agenda;       /* ClPipelineItem */
  GHashTable      *decided;      /* deal id → ClDecisionKind + 1 */
  GHashTable      *actions;      /* deal id → ClAction its next-action decision created */
  GArray          *rep_ids;      /* gint64, parallel to the owner row's list */
  GHashTable      *loads;        /* owner id → ClRepLoad: what each owner of the agenda carries */
  gboolean         saving;       /* a decision on its way to the workspace */
  gboolean         close_when_saved;
  gboolean         export_when_saved;
  guint            telling;      /* the timeout that says a decision waits */
  gboolean         told;         /* the title says it waits */
  guint            n_shown;      /* the agenda's first, walked; the others after S */
  guint            position;
  int              actions_cap;
  gboolean         confirmed_empty;
  gboolean         finishing;    /* showing what the review produced */
  gboolean         scroll_to_form;
  guint            scroll_tick;
  double           form_bottom;  /* where the form ended at the last tick */
};

G_DEFINE_FINAL_TYPE (ClReviewWindow, cl_review_window, ADW_TYPE_WINDOW)

static void scroll_to_form (ClReviewWindow *self);

static ClPipelineItem *
current_item (ClReviewWindow *self)
{
  return self->position < self->n_shown ? g_ptr_array_index (self->agenda, self->position) : NULL;
}

/* An error while the next action is asked for is said in the form, above
 * its Save, which a toast would cover; any other in a toast. */
static void
show_error (ClReviewWindow *self,
            const GError   *error)
{
  if (gtk_revealer_get_reveal_child (self->action_revealer))
    {
      gtk_label_set_text (self->action_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->action_error), TRUE);
      self->scroll_to_form = TRUE;
      scroll_to_form (self);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (error->message));
}

/* What the review produced so far: every decision, a teammate's too. */
static void
count_outcome (ClReviewWindow  *self,
               ClReviewOutcome *outcome)
{
  GHashTableIter iter;
  gpointer value;

  memset (outcome, 0, sizeof (*outcome));
  if (self->shared != NULL)
    {
      for (guint i = 0; i < self->shared->deals->len; i++)
        {
          ClSharedReviewDeal *deal = g_ptr_array_index (self->shared->deals, i);

          if (deal->decision >= 0)
            cl_review_outcome_add (outcome, deal->decision);
        }
      return;
    }
  g_hash_table_iter_init (&iter, self->decided);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    cl_review_outcome_add (outcome, GPOINTER_TO_INT (value) - 1);
}

guint
cl_review_window_count_decisions (ClReviewWindow *self)
{
  ClReviewOutcome outcome;

  count_outcome (self, &outcome);
  return cl_review_outcome_count (&outcome) - outcome.by_kind[CL_DECISION_KEEP];
}

guint
cl_review_window_get_n_decided (ClReviewWindow *self)
{
  ClReviewOutcome outcome;

  count_outcome (self, &outcome);
  return cl_review_outcome_count (&outcome);
}

static void
set_suffix (AdwActionRow *row,
            const char   *text)
{
  adw_action_row_set_subtitle (row, text);
}

/* The owner's open actions against the team's cap, as last read. */
static void
show_load (ClReviewWindow *self,
           ClDeal         *deal)
{
  ClRepLoad *load = g_hash_table_lookup (self->loads, &deal->owner_id);
  g_autofree char *text = NULL;

  if (load == NULL)
    {
      set_suffix (self->load_row, "");
      return;
    }
  text = cl_action_load_describe (load, self->actions_cap);
  set_suffix (self->load_row, text);
  if (cl_action_load_state (load->n_open_actions, self->actions_cap) != CL_LOAD_UNDER_CAP)
    gtk_widget_add_css_class (GTK_WIDGET (self->load_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->load_row), "warning");
}

/* Reads into @loads (owner id → ClRepLoad) what each of the @n_owners
 * owners carries on @today, in a worker. */
static gboolean
read_loads (ClStore       *store,
            ClDay          today,
            const gint64  *owner_ids,
            guint          n_owners,
            GHashTable    *loads,
            GError       **error)
{
  for (guint i = 0; i < n_owners; i++)
    {
      g_autoptr (GListModel) listed = NULL;
      ClRepLoad *load;

      if (owner_ids[i] == 0 || g_hash_table_contains (loads, &owner_ids[i]))
        continue;
      listed = cl_store_list_rep_loads (store, today, owner_ids[i], error);
      if (listed == NULL)
        return FALSE;
      load = g_list_model_get_item (listed, 0);
      if (load != NULL)
        g_hash_table_insert (loads, g_memdup2 (&load->rep_id, sizeof (gint64)), load);
    }
  return TRUE;
}

/* Reads into @loads what each of the team's people carries on @today, in
 * one pass over the open deals, in a worker. */
static gboolean
read_team_loads (ClStore     *store,
                 ClDay        today,
                 GHashTable  *loads,
                 GError     **error)
{
  g_autoptr (GListModel) listed = cl_store_list_rep_loads (store, today, 0, error);

  if (listed == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      ClRepLoad *load = g_list_model_get_item (listed, i);

      g_hash_table_insert (loads, g_memdup2 (&load->rep_id, sizeof (gint64)), load);
    }
  return TRUE;
}

static GHashTable *
loads_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
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
  /* Translators: the deals past the riskiest, shown with S */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Deal (S)",
                                                         "Show All %u Deals (S)", n), n);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->show_all_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_all_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), self->n_shown < n && !self->finishing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-all", self->n_shown < n && !self->finishing);
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
    {
      guint decided = cl_review_window_get_n_decided (self);

      if (self->finishing)
        /* Translators: decisions made (Keep included) and the deals walked */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision on %u deals",
                                                 "%u decisions on %u deals", decided), decided, n);
      else
        /* Translators: position in the agenda, its length, decisions made (Keep included) */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deal %u of %u · %u decision",
                                                 "Deal %u of %u · %u decisions", decided),
                                    MIN (self->position + 1, n), n, decided);
    }
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

/* "Next action: Call the CFO (Ana Okafor, due 2026-12-01)", the values isolated */
static char *
describe_action (const char *what,
                 const char *owner,
                 const char *due)
{
  g_autofree char *shown_what = cl_text_isolate (what);
  g_autofree char *shown_owner = cl_text_isolate (owner);

  /* Translators: the decision, the next action, its owner, its due day */
  return g_strdup_printf (_("%s: %s (%s, due %s)"), cl_decision_label (CL_DECISION_NEXT_ACTION), shown_what,
                          shown_owner, due);
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
    decision = describe_action (deal->action_text, deal->action_owner, deal->action_due);
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

/* The decision taken on the deal at hand, -1 for none. */
static int
current_decision (ClReviewWindow *self)
{
  ClPipelineItem *item = current_item (self);

  if (self->shared != NULL || item == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->decided, &item->facts->deal->id)) - 1;
}

/* The decision taken shows pressed, in whichever layout is shown; a screen
 * reader says which is (a toggle button's pressed state). */
static void
show_choice (ClReviewWindow *self)
{
  int decided = current_decision (self);

  for (int layout = 0; layout < N_CHOICE_LAYOUTS; layout++)
    for (int kind = 0; kind < CL_N_DECISION_KINDS; kind++)
      gtk_toggle_button_set_active (self->choice_buttons[layout][kind], kind == decided);
}

static char *
describe_own_decision (ClReviewWindow *self,
                       ClDeal         *deal)
{
  int decided = current_decision (self);
  ClAction *action = g_hash_table_lookup (self->actions, &deal->id);
  g_autofree char *due = NULL;

  if (decided < 0)
    return g_strdup (_("No decision yet"));
  if (decided != CL_DECISION_NEXT_ACTION || action == NULL)
    return g_strdup (cl_decision_label (decided));
  due = cl_date_format (action->due_on);
  return describe_action (action->text, action->owner_name ? action->owner_name : "", due);
}

/* The review, its summary or both: the finish shows what it produced, a
 * teammate's shows it above its first deal. */
static void
show_mode (ClReviewWindow *self)
{
  gboolean own = self->shared == NULL;
  gboolean deciding = own && !self->finishing;

  gtk_widget_set_visible (GTK_WIDGET (self->summary_group),
                          self->finishing || (!own && self->position == 0));
  gtk_widget_set_visible (self->finish_box, self->finishing);
  gtk_widget_set_visible (self->deal_box, !self->finishing);
  gtk_widget_set_visible (self->finish_button, deciding);
  show_hidden (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.decide", deciding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.ask-action", deciding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-action", deciding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export", own);
}

static void show_summary (ClReviewWindow *self);

static void
show_deal (ClReviewWindow *self)
{
  ClPipelineItem *item;
  g_autofree char *context = NULL, *amount = NULL, *close = NULL, *why = NULL, *risk = NULL;
  g_autofree char *decision = NULL;
  const ClStage *stage;
  ClDeal *deal;

  show_title (self, self->shared ? self->shared->week : self->review->week);
  show_mode (self);
  show_summary (self);
  show_choice (self);
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
  decision = describe_own_decision (self, deal);
  show_card (self, deal->name, context, amount, close, item->state.next_step, risk, why, decision);
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

/* ------------------------------------------------------------------ the summary */

static void
show_summary (ClReviewWindow *self)
{
  ClReviewOutcome outcome;
  const char *warning;

  count_outcome (self, &outcome);
  for (int kind = 0; kind < CL_N_DECISION_KINDS; kind++)
    {
      g_autofree char *n = g_strdup_printf ("%u", outcome.by_kind[kind]);

      gtk_label_set_text (self->kind_counts[kind], n);
    }
  {
    g_autofree char *n = g_strdup_printf ("%u", cl_review_outcome_actions (&outcome));

    gtk_label_set_text (self->actions_count, n);
  }
  warning = cl_review_outcome_warning (&outcome);
  gtk_label_set_text (self->warning_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
}

/* Finish shows what the review produced and offers the export; the deals
 * are one key (P) away, and Finish again (or Escape) closes. */
static void
show_finish (ClReviewWindow *self,
             gboolean        finishing)
{
  self->finishing = finishing;
  show_deal (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (finishing)
    gtk_widget_grab_focus (self->export_button);
}

const char *
cl_review_window_get_counter_text (ClReviewWindow *self)
{
  return adw_window_title_get_subtitle (self->window_title);
}

gboolean
cl_review_window_shows_summary (ClReviewWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->summary_group));
}

gboolean
cl_review_window_is_finishing (ClReviewWindow *self)
{
  return self->finishing;
}

char *
cl_review_window_get_summary_text (ClReviewWindow *self)
{
  GString *text = g_string_new (NULL);

  for (int kind = 0; kind < CL_N_DECISION_KINDS; kind++)
    g_string_append_printf (text, "%s: %s\n", cl_decision_label (kind), gtk_label_get_text (self->kind_counts[kind]));
  g_string_append_printf (text, "%s: %s\n", _("Next actions created"), gtk_label_get_text (self->actions_count));
  if (gtk_widget_get_visible (GTK_WIDGET (self->warning_label)))
    g_string_append (text, gtk_label_get_text (self->warning_label));
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ walking */

static void
move_to (ClReviewWindow *self,
         int             step)
{
  int next = (int) self->position + step;

  /* from the summary, back to the deal it was left at */
  if (self->finishing)
    {
      show_finish (self, FALSE);
      return;
    }
  if (next < 0 || next >= (int) cl_review_window_get_n_deals (self))
    return;
  self->position = next;
  show_deal (self);
}

/* A decision on its way to the workspace, and what it changed there. */
typedef struct
{
  ClReviewDecision *decision;
  ClAction         *action;      /* the next action it creates; NULL for another decision */
  ClDay             held_on;
  gint64            brief_of;    /* the rep whose brief says so */
  gint64            owners[2];   /* whose load it changes: the action's (or the deal's) owner,
                                  * and that of an action it replaces */
  guint             position;    /* the deal's, in the walk */
  /* read back by the worker */
  GHashTable       *loads;
  char             *brief_error; /* the brief could not say so; the decision stands */
} Recording;

static void
recording_free (Recording *recording)
{
  g_clear_object (&recording->decision);
  g_clear_object (&recording->action);
  g_clear_pointer (&recording->loads, g_hash_table_unref);
  g_free (recording->brief_error);
  g_free (recording);
}

/* In a worker: the decision written (one transaction), the brief told,
 * the owners' loads read again. */
static gpointer
record_in_worker (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  Recording *recording = data;
  g_autoptr (GError) brief_error = NULL;

  if (!cl_store_record_decision (store, recording->decision, recording->action, error))
    return NULL;
  /* a next action created (or one a changed decision removed): the rep's brief says so */
  if (!cl_rep_brief_publish_after_change (store, recording->brief_of, &brief_error))
    recording->brief_error = g_strdup (brief_error->message);
  /* the decision stands whatever follows: loads not read again show as
   * they were */
  read_loads (store, recording->held_on, recording->owners, G_N_ELEMENTS (recording->owners), recording->loads,
              NULL);
  return recording;
}

/* The decision is written (or not): the title no longer says it waits. */
static void
stop_telling (ClReviewWindow *self)
{
  g_clear_handle_id (&self->telling, g_source_remove);
  if (self->told)
    show_title (self, self->review->week);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_label), FALSE);
  self->told = FALSE;
}

/* The decision on its way, said in the title's counter and above the
 * deal, which a narrow window's title has no room for: a toast would
 * cover the choices, and go with the window. */
static void
tell (ClReviewWindow *self,
      const char     *said)
{
  self->told = TRUE;
  adw_window_title_set_subtitle (self->window_title, said);
  gtk_label_set_text (self->busy_label, said);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_label), TRUE);
}

/* A decision that waits (the workspace held by another program). */
static gboolean
tell_waiting (gpointer user_data)
{
  ClReviewWindow *self = user_data;

  self->telling = 0;
  tell (self, _("Saving the decision: the workspace is busy…"));
  return G_SOURCE_REMOVE;
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Recording *recording = cl_store_task_finish (result, &error);
  GHashTableIter iter;
  gpointer owner_id, load;

  /* the window went meanwhile: the decision is written or not, nothing shows it */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  stop_telling (self);
  if (self->export_when_saved)
    {
      self->export_when_saved = FALSE;
      /* written or not, the export reads what the workspace holds */
      if (recording == NULL)
        show_error (self, error);
      gtk_widget_activate_action (GTK_WIDGET (self), "review.export", NULL);
      return;
    }
  if (recording == NULL)
    {
      show_error (self, error);
      show_choice (self);
      if (self->close_when_saved)
        gtk_window_close (GTK_WINDOW (self));
      return;
    }
  g_hash_table_insert (self->decided, g_memdup2 (&recording->decision->deal_id, sizeof (gint64)),
                       GINT_TO_POINTER (recording->decision->decision + 1));
  /* the action a changed decision no longer names is gone from the store too */
  if (recording->action != NULL)
    g_hash_table_insert (self->actions, g_memdup2 (&recording->decision->deal_id, sizeof (gint64)),
                         g_object_ref (recording->action));
  else
    g_hash_table_remove (self->actions, &recording->decision->deal_id);
  g_hash_table_iter_init (&iter, recording->loads);
  while (g_hash_table_iter_next (&iter, &owner_id, &load))
    g_hash_table_insert (self->loads, g_memdup2 (owner_id, sizeof (gint64)), g_object_ref (load));
  if (recording->action != NULL)
    cl_editable_clear_sent (GTK_EDITABLE (self->action_entry), recording->action->text);
  if (recording->brief_error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (recording->brief_error));
  if (self->close_when_saved)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  /* decided: on to the next deal, unless the walk went on (or finished) meanwhile */
  if (!self->finishing && self->position == recording->position && self->position + 1 < self->n_shown)
    move_to (self, 1);
  else
    show_deal (self);
}

/* Writes the decision on the deal shown, in a worker; the next deal follows
 * once it is written. FALSE when there is nothing to decide, or while the
 * decision before is still on its way. */
static gboolean
record (ClReviewWindow *self,
        ClDecisionKind  kind,
        ClAction       *action)
{
  ClPipelineItem *item = current_item (self);
  ClAction *replaced;
  Recording *recording;

  /* a key pressed before the decision on its way is written is not
   * taken, and says why at once; should the decision wait, the title
   * says so as before */
  if (self->saving)
    {
      if (!self->told)
        tell (self, _("Saving the decision…"));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  if (item == NULL || self->finishing)
    return FALSE;
  replaced = g_hash_table_lookup (self->actions, &item->facts->deal->id);
  recording = g_new0 (Recording, 1);
  recording->decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
  recording->decision->review_id = self->review->id;
  recording->decision->deal_id = item->facts->deal->id;
  recording->decision->decision = kind;
  recording->action = action != NULL ? g_object_ref (action) : NULL;
  recording->held_on = self->review->held_on;
  recording->brief_of = action != NULL ? action->owner_id : item->facts->deal->owner_id;
  recording->owners[0] = recording->brief_of;
  recording->owners[1] = replaced != NULL ? replaced->owner_id : 0;
  recording->position = self->position;
  recording->loads = loads_new ();
  self->saving = TRUE;
  self->telling = g_timeout_add (CL_STORE_TASK_TOLD_AFTER_MS, tell_waiting, self);
  cl_store_task_run (self, self->workspace, record_in_worker, recording, (GDestroyNotify) recording_free, NULL,
                     self->cancellable, on_recorded, NULL);
  return TRUE;
}

gboolean
cl_review_window_is_saving (ClReviewWindow *self)
{
  return self->saving;
}

/* ------------------------------------------------------------------ the next action's form */

/* No field marked, no error said. */
static void
clear_form_errors (ClReviewWindow *self)
{
  AdwEntryRow *rows[] = { self->action_entry, self->due_entry };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->action_error), FALSE);
}

/* A field's error: the field marked and focused, the reason beside Save
 * (never a toast, which would cover it) and in the field's description. */
static void
show_field_error (ClReviewWindow *self,
                  AdwEntryRow    *row,
                  const char     *message)
{
  clear_form_errors (self);
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_label_set_text (self->action_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->action_error), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  /* the form grows: Save back in view once it is laid out again */
  self->scroll_to_form = TRUE;
  scroll_to_form (self);
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
  GtkStringObject *owner_name = adw_combo_row_get_selected_item (self->owner_row);

  if (item == NULL || self->shared != NULL || self->finishing)
    return FALSE;
  if (*what == '\0')
    {
      show_field_error (self, self->action_entry, _("Say what exactly will be done"));
      return FALSE;
    }
  if (due_on == 0)
    {
      show_field_error (self, self->due_entry, _("A next action needs a due date"));
      return FALSE;
    }
  action = cl_action_new (what, owner < self->rep_ids->len ? g_array_index (self->rep_ids, gint64, owner)
                                                            : item->facts->deal->owner_id,
                          due_on);
  action->deal_id = item->facts->deal->id;
  action->created_on = self->review->held_on;
  cl_record_set_text (&action->source, "review");
  cl_record_set_text (&action->owner_name, owner < self->rep_ids->len ? gtk_string_object_get_string (owner_name)
                                                                       : item->facts->deal->owner_name);
  return record (self, CL_DECISION_NEXT_ACTION, action);
}

static void
save_action (ClReviewWindow *self)
{
  const char *due_text = gtk_editable_get_text (GTK_EDITABLE (self->due_entry));
  ClDay due = 0;

  if (!gtk_revealer_get_reveal_child (self->action_revealer))
    return;
  if (!cl_date_parse (due_text, &due))
    {
      g_autofree char *typed = cl_text_isolate (due_text);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date such as 2026-11-30"), typed);

      show_field_error (self, self->due_entry, message);
      return;
    }
  /* the text goes once the action is written */
  cl_review_window_add_action (self, gtk_editable_get_text (GTK_EDITABLE (self->action_entry)), due);
}

/* Once the form is revealed, the view scrolls so the whole of it shows,
 * Save included (its top first, where the view is shorter than it). A
 * tick runs before the frame's layout, so it goes on until the form's
 * size is the same two frames running: laid out whole. */
static gboolean
scroll_when_laid_out (GtkWidget     *scroller,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (user_data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  graphene_rect_t bounds;
  double top, bottom;

  if (!self->scroll_to_form || !gtk_revealer_get_reveal_child (self->action_revealer)
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->action_revealer), self->clamp, &bounds))
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  if (bottom > value + page)
    value = bottom - page;
  gtk_adjustment_set_value (adjustment, MIN (value, top));
  if (!gtk_revealer_get_child_revealed (self->action_revealer) || bottom != self->form_bottom)
    {
      self->form_bottom = bottom;
      return G_SOURCE_CONTINUE;
    }
  self->scroll_to_form = FALSE;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_form (ClReviewWindow *self)
{
  self->form_bottom = -1;
  if (self->scroll_to_form && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), scroll_when_laid_out,
                                                      self, NULL);
}

gboolean
cl_review_window_form_is_visible (ClReviewWindow *self)
{
  graphene_rect_t bounds;
  int height = gtk_widget_get_height (GTK_WIDGET (self->scroller));

  if (!gtk_revealer_get_reveal_child (self->action_revealer)
      || !gtk_revealer_get_child_revealed (self->action_revealer)
      || !gtk_widget_compute_bounds (self->save_button, GTK_WIDGET (self->scroller), &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= height;
}

static void
ask_for_action (ClReviewWindow *self)
{
  ClPipelineItem *item = current_item (self);
  ClAction *saved;
  g_autofree char *due = NULL;
  gint64 owner_id;

  if (item == NULL || self->shared != NULL || self->finishing)
    return;
  /* a next action saved before comes back to be changed */
  saved = g_hash_table_lookup (self->actions, &item->facts->deal->id);
  owner_id = saved ? saved->owner_id : item->facts->deal->owner_id;
  for (guint i = 0; i < self->rep_ids->len; i++)
    if (g_array_index (self->rep_ids, gint64, i) == owner_id)
      adw_combo_row_set_selected (self->owner_row, i);
  due = cl_date_format (saved ? saved->due_on : self->review->held_on + 7);
  gtk_editable_set_text (GTK_EDITABLE (self->action_entry), saved ? saved->text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
  clear_form_errors (self);
  gtk_revealer_set_reveal_child (self->action_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_entry));
  self->scroll_to_form = TRUE;
  scroll_to_form (self);
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

GtkToggleButton *
cl_review_window_get_choice (ClReviewWindow *self,
                             ClDecisionKind  kind)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->decision_buttons);

  return self->choice_buttons[shown == self->choices[CHOICES_COLUMN] ? CHOICES_COLUMN : CHOICES_ROW][kind];
}

GtkWidget *
cl_review_window_get_save_button (ClReviewWindow *self)
{
  return self->save_button;
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
  else if (g_str_equal (action_name, "review.save-action"))
    save_action (self);
  else if (g_str_equal (action_name, "review.show-all"))
    show_all (self);
}

/* A choice clicked decides as its key does; Next action asks for the action
 * first. Whatever came of it, the choices show the decision taken. */
static void
on_choice_clicked (GtkToggleButton *button,
                   ClReviewWindow  *self)
{
  ClDecisionKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cl-decision"));

  if (kind == CL_DECISION_NEXT_ACTION)
    ask_for_action (self);
  else
    record (self, kind, NULL);
  show_choice (self);
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

/* A review that decided nothing is allowed to end, but not silently: its
 * summary says so, and closing without it asks. */
static gboolean
cl_review_window_close_request (GtkWindow *window)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (window);
  ClReviewOutcome outcome;
  AdwMessageDialog *dialog;

  /* a decision on its way is known written (or not) before the review ends */
  self->close_when_saved = self->saving;
  if (self->saving)
    return TRUE;
  count_outcome (self, &outcome);
  if (self->shared != NULL || self->finishing || self->confirmed_empty || cl_review_outcome_warning (&outcome) == NULL)
    return GTK_WINDOW_CLASS (cl_review_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("No Decisions Yet"),
                                                       cl_review_outcome_warning (&outcome)));
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
  ClReviewWindow *self = CL_REVIEW_WINDOW (widget);

  if (self->finishing || self->shared != NULL)
    gtk_window_close (GTK_WINDOW (self));
  else
    show_finish (self, TRUE);
}

/* Escape: in the next action's form, puts the form away; else Finish. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (widget);

  if (!gtk_revealer_get_reveal_child (self->action_revealer))
    {
      finish_action (widget, action_name, parameter);
      return;
    }
  gtk_revealer_set_reveal_child (self->action_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (cl_review_window_get_choice (self, CL_DECISION_NEXT_ACTION)));
}

/* The export is the main window's (it names the file and says where it
 * went): the review closes, and the window asks where to export. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr (GtkWindow) exporter = parent != NULL ? g_object_ref (parent) : NULL;

  /* the export holds the decision on its way: asked again once written */
  if (self->saving)
    {
      self->export_when_saved = TRUE;
      return;
    }
  self->finishing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  if (G_IS_ACTION_GROUP (exporter) && g_action_group_has_action (G_ACTION_GROUP (exporter), "export-review"))
    g_action_group_activate_action (G_ACTION_GROUP (exporter), "export-review", NULL);
}

/* ------------------------------------------------------------------ construction */

/* What the review reads, and writes, as it opens: the team, the team's
 * agenda size and cap, this week's review (opened the first time), what
 * it already decided, and what each owner of the agenda carries. */
typedef struct
{
  GPtrArray       *agenda;
  ClProcess       *process;
  ClFlagSettings   settings;
  ClDay            held_on;
  char            *workspace;
  GArray          *owner_ids;   /* gint64: the agenda's owners */
  /* read by the worker */
  GListModel      *reps;
  int              agenda_size;
  int              actions_cap;
  ClReview        *review;
  GListModel      *decisions;
  GListModel      *actions;
  GHashTable      *loads;
} Opening;

static void
opening_free (Opening *opening)
{
  g_ptr_array_unref (opening->agenda);
  g_clear_pointer (&opening->process, cl_process_free);
  g_free (opening->workspace);
  g_array_unref (opening->owner_ids);
  g_clear_object (&opening->reps);
  g_clear_object (&opening->review);
  g_clear_object (&opening->decisions);
  g_clear_object (&opening->actions);
  g_hash_table_unref (opening->loads);
  g_free (opening);
}

/* The team, by name, as the review's attendees. */
static char *
name_attendees (GListModel *reps)
{
  GString *attendees = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      g_string_append_printf (attendees, "%s%s", attendees->len ? ", " : "", rep->name);
    }
  return g_string_free (attendees, FALSE);
}

static gpointer
open_in_worker (ClStore  *store,
                gpointer  data,
                GError  **error)
{
  Opening *opening = data;
  g_autofree char *week = cl_date_iso_week (opening->held_on);
  g_autofree char *attendees = NULL;

  opening->reps = cl_store_list_reps (store, error);
  if (opening->reps == NULL)
    return NULL;
  attendees = name_attendees (opening->reps);
  opening->agenda_size = cl_pipeline_agenda_size_load (store);
  opening->actions_cap = cl_action_cap_load (store);
  opening->review = cl_store_open_review (store, week, opening->held_on, attendees, error);
  if (opening->review == NULL
      || (opening->decisions = cl_store_list_review_decisions (store, opening->review->id, error)) == NULL
      || (opening->actions = cl_store_list_review_actions (store, opening->review->id, error)) == NULL
      /* the team's at once; then those of owners who left it */
      || !read_team_loads (store, opening->held_on, opening->loads, error)
      || !read_loads (store, opening->held_on, (const gint64 *) (gpointer) opening->owner_ids->data,
                      opening->owner_ids->len, opening->loads, error))
    return NULL;
  return opening;
}

/* The owner choices for a next action: the team. */
static void
fill_owners (ClReviewWindow *self,
             GListModel     *reps)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      gtk_string_list_append (names, rep->name);
      g_array_append_val (self->rep_ids, rep->id);
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
}

/* What the review reopened the same week already decided, and the next
 * actions it created. */
static void
show_decided (ClReviewWindow *self,
              Opening        *opening)
{
  for (guint i = 0; i < g_list_model_get_n_items (opening->decisions); i++)
    {
      g_autoptr (ClReviewDecision) decision = g_list_model_get_item (opening->decisions, i);

      g_hash_table_insert (self->decided, g_memdup2 (&decision->deal_id, sizeof (gint64)),
                           GINT_TO_POINTER (decision->decision + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (opening->actions); i++)
    {
      ClAction *action = g_list_model_get_item (opening->actions, i);

      g_hash_table_insert (self->actions, g_memdup2 (&action->deal_id, sizeof (gint64)), action);
    }
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  Opening *opening = cl_store_task_finish (result, &error);
  ClReviewWindow *self;

  if (opening == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* the window's reference is GTK's, given up when it is destroyed */
  self = g_object_new (CL_TYPE_REVIEW_WINDOW, "transient-for", source, NULL);
  self->workspace = g_strdup (opening->workspace);
  self->agenda = g_ptr_array_ref (opening->agenda);
  /* the flags are explained as the agenda was inspected: with its process
   * and settings, not read again here */
  self->process = g_steal_pointer (&opening->process);
  self->settings = opening->settings;
  self->n_shown = MIN (opening->agenda->len, (guint) opening->agenda_size);
  self->actions_cap = opening->actions_cap;
  self->review = g_steal_pointer (&opening->review);
  g_hash_table_unref (self->loads);
  self->loads = g_hash_table_ref (opening->loads);
  fill_owners (self, opening->reps);
  show_decided (self, opening);
  show_hidden (self);
  show_deal (self);
  g_task_return_pointer (task, self, NULL);
}

/**
 * cl_review_window_open:
 * @parent: the window the review opens over
 * @workspace: the workspace's path
 * @agenda: (element-type ClPipelineItem): the deals in the order to walk
 *   them (see cl_pipeline_agenda ()); the review opens on the team's
 *   agenda size of them, S shows the rest
 * @process: the sales process the agenda was inspected with, copied
 * @settings: the flag settings it was inspected with, copied
 * @held_on: the review's day
 * @callback: called on the main loop once the window is made, or failed
 * @user_data: for @callback
 *
 * Makes the weekly review's window once a worker has read what it shows
 * and opened the week's review in @workspace; the window's thread waits
 * on nothing.
 */
void
cl_review_window_open (GtkWindow             *parent,
                       const char            *workspace,
                       GPtrArray             *agenda,
                       const ClProcess       *process,
                       const ClFlagSettings  *settings,
                       ClDay                  held_on,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);
  Opening *opening = g_new0 (Opening, 1);

  opening->agenda = g_ptr_array_ref (agenda);
  opening->process = cl_process_copy (process);
  opening->settings = *settings;
  opening->held_on = held_on;
  opening->workspace = g_strdup (workspace);
  opening->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  opening->loads = loads_new ();
  for (guint i = 0; i < agenda->len; i++)
    {
      ClPipelineItem *item = g_ptr_array_index (agenda, i);

      g_array_append_val (opening->owner_ids, item->facts->deal->owner_id);
    }
  cl_store_task_run (parent, workspace, open_in_worker, opening, (GDestroyNotify) opening_free, NULL, NULL,
                     on_opened, task);
}

/**
 * cl_review_window_open_finish:
 * @result: what @callback of cl_review_window_open () was given
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer none) (nullable): the review's window, not yet
 *   shown; GTK holds it until it is destroyed. %NULL with @error set
 */
ClReviewWindow *
cl_review_window_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

ClReviewWindow *
cl_review_window_new_shared (GtkWindow      *parent,
                             ClSharedReview *review)
{
  ClReviewWindow *self = g_object_new (CL_TYPE_REVIEW_WINDOW, "transient-for", parent, NULL);

  self->shared = review;
  self->agenda = g_ptr_array_new ();
  show_hidden (self);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_buttons), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->load_row), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open-deal", FALSE);
  show_deal (self);
  return self;
}

static void
cl_review_window_dispose (GObject *object)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->telling, g_source_remove);
  g_clear_object (&self->review);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->shared, cl_shared_review_free);
  g_hash_table_remove_all (self->actions);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REVIEW_WINDOW);
  G_OBJECT_CLASS (cl_review_window_parent_class)->dispose (object);
}

static void
cl_review_window_finalize (GObject *object)
{
  ClReviewWindow *self = CL_REVIEW_WINDOW (object);

  g_clear_pointer (&self->process, cl_process_free);
  g_free (self->workspace);
  g_object_unref (self->cancellable);
  g_hash_table_unref (self->loads);
  g_hash_table_unref (self->decided);
  g_hash_table_unref (self->actions);
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
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, clamp);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, finish_box);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, deal_box);
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
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, action_error);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, ClReviewWindow, save_button);

  gtk_widget_class_install_action (widget_class, "review.decide", "s", decide_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.ask-action", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.save-action", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.show-all", NULL, key_action);
  gtk_widget_class_install_action (widget_class, "review.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "review.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "review.export", NULL, export_action);
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
  bind_key (widget_class, GDK_KEY_Escape, "review.escape", NULL);
  bind_key (widget_class, GDK_KEY_o, "review.open-deal", NULL);
}

/* The choices as linked toggle buttons, laid out as @layout says. */
static void
add_choices (ClReviewWindow *self,
             int             layout)
{
  static const char * const labels[CL_N_DECISION_KINDS] = {
    [CL_DECISION_KEEP] = N_("Keep (K)"),
    [CL_DECISION_DISQUALIFY] = N_("Disqualify (D)"),
    [CL_DECISION_MANAGER_TIME] = N_("Manager time (M)"),
    [CL_DECISION_NEXT_ACTION] = N_("Next action (A)"),
  };
  GtkWidget *box = gtk_box_new (layout == CHOICES_ROW ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "linked");
  for (int kind = 0; kind < CL_N_DECISION_KINDS; kind++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[kind]));

      g_object_set_data (G_OBJECT (button), "cl-decision", GINT_TO_POINTER (kind));
      g_signal_connect (button, "clicked", G_CALLBACK (on_choice_clicked), self);
      self->choice_buttons[layout][kind] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (box), button);
    }
  self->choices[layout] = box;
  adw_squeezer_add (self->decision_buttons, box);
}

/* A row per kind of decision, titled as the core names it, then the next
 * actions created. */
static void
add_summary_rows (ClReviewWindow *self)
{
  for (int kind = 0; kind <= CL_N_DECISION_KINDS; kind++)
    {
      GtkWidget *count = gtk_label_new ("0");
      GtkWidget *row = cl_action_row_new_plain (kind < CL_N_DECISION_KINDS ? cl_decision_label (kind)
                                                                          : _("Next actions created"), NULL);

      gtk_widget_add_css_class (count, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      if (kind < CL_N_DECISION_KINDS)
        self->kind_counts[kind] = GTK_LABEL (count);
      else
        self->actions_count = GTK_LABEL (count);
      adw_preferences_group_add (self->summary_group, row);
    }
}

static void
cl_review_window_init (ClReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->decided = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loads = loads_new ();
  self->cancellable = g_cancellable_new ();
  add_choices (self, CHOICES_ROW);
  add_choices (self, CHOICES_COLUMN);
  /* rows go in the group's list, above the warning */
  add_summary_rows (self);
  g_signal_connect_swapped (self->action_entry, "entry-activated", G_CALLBACK (save_action), self);
  g_signal_connect_swapped (self->due_entry, "entry-activated", G_CALLBACK (save_action), self);
  g_signal_connect_swapped (self->action_entry, "changed", G_CALLBACK (clear_form_errors), self);
  g_signal_connect_swapped (self->due_entry, "changed", G_CALLBACK (clear_form_errors), self);
}
