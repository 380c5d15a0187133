/* cl-rep-window.c — one rep on one screen: the 1:1 preparation, the
 * month's development plan, practice and look-back
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from one ClOneOnOne, read in a worker thread; a change
 * made here (a plan, a drill, a look-back) is saved at once and the brief
 * is read again. The agenda is the manager's text: reading again never
 * overwrites it, only "Draft Again" does, and asks first when the
 * manager edited it since it was drafted; saving a plan drafts again its
 * plan section only. Printing lays the agenda out as a document: a title,
 * the month's figures, a heading per section and its items as a list.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-development-export.h"
#include "cl-export.h"
#include "cl-file.h"
#include "cl-file-chooser.h"
#include "cl-flags.h"
#include "cl-action-load.h"
#include "cl-list-box-rows.h"
#include "cl-loading-spinner.h"
#include "cl-rep-brief.h"
#include "cl-one-on-one.h"
#include "cl-plain-text.h"
#include "cl-rep-window.h"
#include "cl-store-task.h"
#include "cl-text.h"
#include "cl-trend-chart.h"

/* the window lists at most this many deals and actions; the agenda and the
 * counts say how many there are */
#define SHOWN_DEALS   10
#define SHOWN_ACTIONS 10
/* calls this many days back can be named as the pattern behind a plan */
#define EVIDENCE_DAYS 90

enum { CHART_SCORE, CHART_TALK, CHART_QUESTIONS, N_CHARTS };

struct _ClRepWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwPreferencesGroup *plan_group;
  AdwComboRow         *focus_row;
  AdwEntryRow         *pattern_row;
  AdwExpanderRow      *evidence_row;
  AdwEntryRow         *drill_row;
  GtkSpinButton       *repetitions_spin;
  GtkSpinButton       *target_spin;
  GtkButton           *save_plan_button;
  AdwActionRow        *practice_row;
  GtkLevelBar         *practice_bar;
  AdwEntryRow         *scenario_row;
  AdwEntryRow         *drill_note_row;
  GtkSpinButton       *self_score_spin;
  GtkListBox          *drills_list;
  GtkBox              *lookback_box;
  AdwPreferencesGroup *deals_group;
  GtkListBox          *deals_list;
  AdwPreferencesGroup *actions_group;
  GtkListBox          *actions_list;
  GtkBox              *charts_box;
  GtkListBox          *moves_list;
  GtkTextView         *agenda_view;

  char                *workspace;
  ClStoreQueue        *queue;          /* every read and write of the workspace, in turn, in workers */
  gint64               rep_id;
  ClDay                today;
  ClOneOnOne          *brief;
  GListModel          *skills;         /* ClTeamListItem */
  ClDevPlan           *plan;           /* this month's, or the draft of it */
  struct RepRead      *read;           /* the rest of what was last read: evidence, skills' labels */
  GPtrArray           *evidence_checks; /* GtkCheckButton, with "call-id" or "session-id" */
  GPtrArray           *evidence_rows;
  ClTrendChart        *charts[N_CHARTS];
  gboolean             agenda_shown;
  char                *drafted;        /* the agenda as last drafted, NULL once it is the manager's */
  gboolean             plan_saved;     /* the next brief drafts the agenda's plan section again */
  char                *printed_text;   /* the text of the last document printed */
  gboolean             changing;       /* a plan, drill or look-back on its way to the workspace */
};

G_DEFINE_FINAL_TYPE (ClRepWindow, cl_rep_window, ADW_TYPE_WINDOW)

static void load_brief (ClRepWindow *self);

static void
toast (ClRepWindow *self,
       const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (text));
}

/* ------------------------------------------------------------------ the month, read */

/* The rep's month as a worker reads it: the 1:1 brief, the plan (this
 * month's, or its draft), the calls a plan can name and those it names,
 * and the label of each skill the window names. */
typedef struct RepRead
{
  gint64       rep_id;
  ClDay        today;
  gboolean     with_skills;      /* the team's skills too: the window opens */
  ClOneOnOne  *brief;
  GListModel  *skills;           /* ClTeamListItem */
  ClDevPlan   *plan;
  GListModel  *calls;            /* ClCall, EVIDENCE_DAYS back */
  GHashTable  *chosen_calls;     /* gint64 ids the plan names */
  GHashTable  *chosen_sessions;
  GHashTable  *skill_labels;     /* key → label */
} RepRead;

static void
rep_read_free (RepRead *read)
{
  g_clear_pointer (&read->brief, cl_one_on_one_free);
  g_clear_object (&read->skills);
  g_clear_object (&read->plan);
  g_clear_object (&read->calls);
  g_clear_pointer (&read->chosen_calls, g_hash_table_unref);
  g_clear_pointer (&read->chosen_sessions, g_hash_table_unref);
  g_clear_pointer (&read->skill_labels, g_hash_table_unref);
  g_free (read);
}

static GHashTable *
ids_of (GListModel *records)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (GObject) record = g_list_model_get_item (records, i);
      gint64 id = CL_IS_CALL (record) ? CL_CALL (record)->id : CL_COACHING_SESSION (record)->id;

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return ids;
}

static void
read_skill_label (ClStore    *store,
                  GHashTable *labels,
                  const char *key)
{
  g_autoptr (ClTeamListItem) skill = NULL;

  if (key == NULL || g_hash_table_contains (labels, key))
    return;
  skill = cl_store_get_dev_skill (store, key, NULL);
  if (skill != NULL)
    g_hash_table_insert (labels, g_strdup (key), g_strdup (skill->label));
}

static gpointer
read_month (ClStore  *store,
            gpointer  data,
            GError  **error)
{
  RepRead *read = data;
  g_autoptr (GListModel) chosen_calls = NULL, chosen_sessions = NULL;
  ClOneOnOne *brief;

  brief = read->brief = cl_one_on_one_load (cl_store_get_path (store), read->rep_id, read->today, error);
  if (brief == NULL
      || (read->with_skills && (read->skills = cl_store_list_team_list (store, CL_TEAM_LIST_SKILLS, error)) == NULL))
    return NULL;
  read->plan = brief->plan ? g_object_ref (brief->plan)
                           : cl_development_draft_plan (store, read->rep_id, brief->month, error);
  if (read->plan == NULL
      || (read->calls = cl_store_list_rep_calls (store, read->rep_id, read->today - EVIDENCE_DAYS, error)) == NULL)
    return NULL;
  if (read->plan->id != 0
      && ((chosen_calls = cl_store_list_plan_evidence_calls (store, read->plan->id, error)) == NULL
          || (chosen_sessions = cl_store_list_plan_evidence_sessions (store, read->plan->id, error)) == NULL))
    return NULL;
  read->chosen_calls = ids_of (chosen_calls);
  read->chosen_sessions = ids_of (chosen_sessions);
  read->skill_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (brief->practice); i++)
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (brief->practice, i);

      read_skill_label (store, read->skill_labels, entry->focus);
    }
  read_skill_label (store, read->skill_labels, brief->previous_plan ? brief->previous_plan->focus : NULL);
  read_skill_label (store, read->skill_labels, brief->plan ? brief->plan->focus : NULL);
  return read;
}

/* A skill's label, or its key when the workspace no longer knows it. */
static const char *
skill_label (ClRepWindow *self,
             const char  *key)
{
  const char *label = g_hash_table_lookup (self->read->skill_labels, key);

  return label ? label : key;
}

/* ------------------------------------------------------------------ the plan */

static const char *
selected_focus (ClRepWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->focus_row);
  g_autoptr (ClTeamListItem) skill = NULL;

  /* the first choice is "choose a skill" */
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  skill = g_list_model_get_item (self->skills, selected - 1);
  /* the list keeps the key alive */
  return skill->key;
}

static void
select_focus (ClRepWindow *self,
              const char  *key)
{
  guint index = 0;

  for (guint i = 0; key != NULL && i < g_list_model_get_n_items (self->skills); i++)
    {
      g_autoptr (ClTeamListItem) skill = g_list_model_get_item (self->skills, i);

      if (g_str_equal (skill->key, key))
        index = i + 1;
    }
  adw_combo_row_set_selected (self->focus_row, index);
}

static void
add_evidence_check (ClRepWindow *self,
                    const char  *title,
                    const char  *subtitle,
                    const char  *kind,
                    gint64       id,
                    GHashTable  *chosen)
{
  GtkWidget *row = cl_list_box_text_row_new (title, subtitle);
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (chosen, &id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (check), kind, g_memdup2 (&id, sizeof id), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (self->evidence_row, row);
  g_ptr_array_add (self->evidence_checks, check);
  g_ptr_array_add (self->evidence_rows, row);
}

/* Recent calls and sessions, ticked when the plan names them. */
static void
fill_evidence (ClRepWindow *self)
{
  GListModel *calls = self->read->calls;

  for (guint i = 0; i < self->evidence_rows->len; i++)
    adw_expander_row_remove (self->evidence_row, g_ptr_array_index (self->evidence_rows, i));
  g_ptr_array_set_size (self->evidence_rows, 0);
  g_ptr_array_set_size (self->evidence_checks, 0);
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, i);
      g_autofree char *day = cl_date_format (call->held_on);
      g_autofree char *subtitle = call->mean_score > 0
                                  /* Translators: a call's day and its mean scorecard score */
                                  ? g_strdup_printf (_("Call, %s · mean score %.1f"), day, call->mean_score)
                                  : g_strdup_printf (_("Call, %s · not scored"), day);

      add_evidence_check (self, call->title, subtitle, "call-id", call->id, self->read->chosen_calls);
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->brief->sessions); i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (self->brief->sessions, i);
      g_autofree char *day = cl_date_format (session->held_on);
      g_autofree char *deal = cl_text_isolate (session->deal_name);
      /* Translators: a coaching session's day and its deal */
      g_autofree char *subtitle = g_strdup_printf (_("Coaching, %s · %s"), day, deal);

      add_evidence_check (self, session->next_move, subtitle, "session-id", session->id,
                          self->read->chosen_sessions);
    }
}

static void
show_plan (ClRepWindow *self)
{
  g_autofree char *title = NULL;

  title = self->brief->plan
          /* Translators: the month, e.g. "Development, 2026-11" */
          ? g_strdup_printf (_("Development, %s"), self->brief->month)
          : g_strdup_printf (_("No Plan for %s Yet"), self->brief->month);
  adw_preferences_group_set_title (self->plan_group, title);
  adw_preferences_group_set_description (self->plan_group, self->brief->plan
                                         ? _("One focus, the pattern behind it, and a drill to practise")
                                         : _("Drafted from last month's look-back: choose the focus and save"));
  if (self->brief->plan == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->plan_group), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->plan_group), "error");
  gtk_button_set_label (self->save_plan_button, self->brief->plan ? _("_Save Plan") : _("_Set Plan"));

  select_focus (self, self->plan->focus);
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), self->plan->justification);
  gtk_editable_set_text (GTK_EDITABLE (self->drill_row), self->plan->drill);
  gtk_spin_button_set_value (self->repetitions_spin, self->plan->target_repetitions);
  gtk_spin_button_set_value (self->target_spin, self->plan->target_score);
  fill_evidence (self);
}

static GArray *
checked_ids (ClRepWindow *self,
             const char  *kind)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->evidence_checks->len; i++)
    {
      GObject *check = g_ptr_array_index (self->evidence_checks, i);
      gint64 *id = g_object_get_data (check, kind);

      if (id != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (ids, *id);
    }
  return ids;
}

/* A plan, a drill or a look-back on its way to the workspace; the month
 * is read again after it. */
typedef enum {
  CHANGE_PLAN,
  CHANGE_DRILL,
  CHANGE_LOOKBACK,
} ChangeKind;

typedef struct
{
  ChangeKind  kind;
  gint64      rep_id;
  ClDay       today;
  ClDevPlan  *plan;          /* CHANGE_PLAN: the plan saved; CHANGE_LOOKBACK: the plan looked back on */
  GArray     *calls;         /* CHANGE_PLAN: gint64, the evidence named */
  GArray     *sessions;
  char       *focus;         /* CHANGE_DRILL */
  int         self_score;
  char       *scenario;
  char       *note;
  char       *brief_error;   /* CHANGE_PLAN: the rep's brief could not say so; the plan stands */
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->plan);
  g_clear_pointer (&change->calls, g_array_unref);
  g_clear_pointer (&change->sessions, g_array_unref);
  g_free (change->focus);
  g_free (change->scenario);
  g_free (change->note);
  g_free (change->brief_error);
  g_free (change);
}

static gpointer
change_in_worker (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  Change *change = data;
  g_autoptr (ClPracticeEntry) entry = NULL;
  g_autoptr (GError) brief_error = NULL;

  switch (change->kind)
    {
    case CHANGE_PLAN:
      if (!cl_development_save_plan (store, change->plan, change->calls, change->sessions, error))
        return NULL;
      /* the rep's brief says the new plan at once */
      if (!cl_rep_brief_publish_after_change (store, change->rep_id, &brief_error))
        change->brief_error = g_strdup (brief_error->message);
      return change;
    case CHANGE_DRILL:
      entry = cl_development_log_practice (store, change->rep_id, change->today, change->focus, change->self_score,
                                           change->scenario, change->note, error);
      return entry ? change : NULL;
    case CHANGE_LOOKBACK:
      return cl_store_update_dev_plan (store, change->plan, error) ? change : NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ClRepWindow *self = CL_REP_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Change *change = cl_store_task_finish (result, &error);

  self->changing = FALSE;
  if (change == NULL)
    {
      toast (self, error->message);
      return;
    }
  switch (change->kind)
    {
    case CHANGE_PLAN:
      self->plan_saved = TRUE;
      toast (self, change->brief_error ? change->brief_error : _("Plan saved, and in the agenda"));
      break;
    case CHANGE_DRILL:
      cl_editable_clear_sent (GTK_EDITABLE (self->scenario_row), change->scenario);
      cl_editable_clear_sent (GTK_EDITABLE (self->drill_note_row), change->note);
      toast (self, _("Drill logged"));
      break;
    case CHANGE_LOOKBACK:
      toast (self, _("Look-back saved"));
      break;
    default:
      g_return_if_reached ();
    }
  load_brief (self);
}

/* Writes @change in a worker, then reads the month again; FALSE while
 * another change is on its way, whose objects the worker holds. */
static gboolean
run_change (ClRepWindow *self,
            ChangeKind   kind,
            Change      *change)
{
  if (self->changing)
    {
      change_free (change);
      toast (self, _("The change before is still being saved: try again in a moment"));
      return FALSE;
    }
  change->kind = kind;
  change->rep_id = self->rep_id;
  change->today = cl_date_today ();
  self->changing = TRUE;
  cl_store_queue_run (self->queue, change_in_worker, change, (GDestroyNotify) change_free, NULL, on_changed);
  return TRUE;
}

gboolean
cl_rep_window_save_plan (ClRepWindow *self)
{
  const char *focus = selected_focus (self);
  Change *change;

  g_return_val_if_fail (CL_IS_REP_WINDOW (self), FALSE);
  if (self->plan == NULL || self->changing)
    return FALSE;
  if (focus == NULL)
    {
      toast (self, _("Choose the month's one focus first"));
      return FALSE;
    }
  cl_record_set_text (&self->plan->focus, focus);
  cl_record_set_text (&self->plan->justification, gtk_editable_get_text (GTK_EDITABLE (self->pattern_row)));
  cl_record_set_text (&self->plan->drill, gtk_editable_get_text (GTK_EDITABLE (self->drill_row)));
  self->plan->target_repetitions = gtk_spin_button_get_value_as_int (self->repetitions_spin);
  self->plan->target_score = gtk_spin_button_get_value_as_int (self->target_spin);
  change = g_new0 (Change, 1);
  change->plan = g_object_ref (self->plan);
  change->calls = checked_ids (self, "call-id");
  change->sessions = checked_ids (self, "session-id");
  return run_change (self, CHANGE_PLAN, change);
}

void
cl_rep_window_fill_plan (ClRepWindow *self,
                         const char  *focus,
                         const char  *drill,
                         int          repetitions,
                         int          target_score)
{
  select_focus (self, focus);
  gtk_editable_set_text (GTK_EDITABLE (self->drill_row), drill);
  gtk_spin_button_set_value (self->repetitions_spin, repetitions);
  gtk_spin_button_set_value (self->target_spin, target_score);
  /* the first call there is, as the pattern behind it */
  if (self->evidence_checks->len > 0)
    gtk_check_button_set_active (g_ptr_array_index (self->evidence_checks, 0), TRUE);
}

/* ------------------------------------------------------------------ practice */

static void
show_practice (ClRepWindow *self)
{
  ClOneOnOne *brief = self->brief;
  g_autofree char *progress = NULL;

  cl_list_box_remove_rows (self->drills_list);
  progress = brief->plan ? cl_practice_progress_describe (&brief->progress)
                         : g_strdup (_("No goal without a plan: drills still count"));
  adw_action_row_set_subtitle (self->practice_row, progress);
  gtk_level_bar_set_value (self->practice_bar, brief->plan ? cl_practice_progress_fraction (&brief->progress) : 0);
  for (guint i = 0; i < g_list_model_get_n_items (brief->practice); i++)
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (brief->practice, i);
      g_autofree char *day = cl_date_format (entry->logged_on);
      g_autofree char *focus = cl_text_isolate (skill_label (self, entry->focus));
      /* Translators: a drill's day, its skill and the rep's own score of it */
      g_autofree char *title = g_strdup_printf (_("%s · %s · self-score %d"), day, focus, entry->self_score);
      g_autofree char *scenario = cl_text_isolate (entry->scenario);
      g_autofree char *note = cl_text_isolate (entry->note);
      /* Translators: a drill's scenario and the rep's note on it */
      g_autofree char *subtitle = g_strdup_printf (C_("drill scenario and note", "%s — %s"), scenario, note);
      GtkWidget *row = cl_list_box_text_row_new (title, cl_text_is_blank (entry->note) ? entry->scenario : subtitle);

      /* the rep logged it in their own workspace; the manager's does not change it */
      if (entry->merged)
        cl_list_box_row_add_badge (row, _("Logged by the rep"), "accent");
      gtk_list_box_append (self->drills_list, row);
    }
}

gboolean
cl_rep_window_log_drill (ClRepWindow *self,
                         const char  *scenario,
                         int          self_score,
                         const char  *note)
{
  const char *focus = selected_focus (self);
  Change *change;

  g_return_val_if_fail (CL_IS_REP_WINDOW (self), FALSE);
  if (focus == NULL)
    {
      toast (self, _("Choose the skill the drill practised in Focus first"));
      return FALSE;
    }
  change = g_new0 (Change, 1);
  change->focus = g_strdup (focus);
  change->self_score = self_score;
  change->scenario = g_strdup (scenario);
  change->note = g_strdup (note);
  return run_change (self, CHANGE_DRILL, change);
}

static void
log_drill_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClRepWindow *self = CL_REP_WINDOW (widget);

  cl_rep_window_log_drill (self, gtk_editable_get_text (GTK_EDITABLE (self->scenario_row)),
                           gtk_spin_button_get_value_as_int (self->self_score_spin),
                           gtk_editable_get_text (GTK_EDITABLE (self->drill_note_row)));
}

/* ------------------------------------------------------------------ look-backs */

static const ClLookback lookback_choices[] = {
  CL_LOOKBACK_NONE, CL_LOOKBACK_YES, CL_LOOKBACK_PARTLY, CL_LOOKBACK_NO,
};

static void
on_lookback_save (GtkButton   *button,
                  ClRepWindow *self)
{
  ClDevPlan *plan = g_object_get_data (G_OBJECT (button), "plan");
  AdwComboRow *state = g_object_get_data (G_OBJECT (button), "state");
  GtkEditable *evidence = g_object_get_data (G_OBJECT (button), "evidence");
  Change *change;

  if (self->changing)
    return;
  plan->lookback = lookback_choices[adw_combo_row_get_selected (state)];
  cl_record_set_text (&plan->lookback_evidence, gtk_editable_get_text (evidence));
  change = g_new0 (Change, 1);
  change->plan = g_object_ref (plan);
  run_change (self, CHANGE_LOOKBACK, change);
}

/* A month's look-back: did the focus move, and what shows it. */
static GtkWidget *
lookback_group (ClRepWindow *self,
                ClDevPlan   *plan)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *state = adw_combo_row_new ();
  GtkWidget *evidence = adw_entry_row_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _Look-back"));
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *focus = cl_text_isolate (skill_label (self, plan->focus));
  /* Translators: the plan's month and its focus */
  g_autofree char *title = g_strdup_printf (_("%s Look-back: %s"), plan->month, focus);

  gtk_string_list_append (choices, _("Not looked back yet"));
  gtk_string_list_append (choices, _("Yes, it moved"));
  gtk_string_list_append (choices, _("Partly"));
  gtk_string_list_append (choices, _("No"));
  cl_preferences_group_set_plain_title (ADW_PREFERENCES_GROUP (group), title);
  if (plan->lookback == CL_LOOKBACK_NONE && !g_str_equal (plan->month, self->brief->month))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Missing: next month's plan starts from it"));
      gtk_widget_add_css_class (group, "error");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (state), _("Did the focus move?"));
  adw_combo_row_set_model (ADW_COMBO_ROW (state), G_LIST_MODEL (choices));
  for (guint i = 0; i < G_N_ELEMENTS (lookback_choices); i++)
    if (lookback_choices[i] == plan->lookback)
      adw_combo_row_set_selected (ADW_COMBO_ROW (state), i);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (evidence), _("What shows it"));
  gtk_editable_set_text (GTK_EDITABLE (evidence), plan->lookback_evidence);
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save, "flat");
  g_object_set_data_full (G_OBJECT (save), "plan", g_object_ref (plan), g_object_unref);
  g_object_set_data (G_OBJECT (save), "state", state);
  g_object_set_data (G_OBJECT (save), "evidence", evidence);
  g_signal_connect (save, "clicked", G_CALLBACK (on_lookback_save), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), state);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), evidence);
  return group;
}

static void
show_lookbacks (ClRepWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lookback_box))) != NULL)
    gtk_box_remove (self->lookback_box, child);
  if (self->brief->previous_plan != NULL)
    gtk_box_append (self->lookback_box, lookback_group (self, self->brief->previous_plan));
  if (self->brief->plan != NULL)
    gtk_box_append (self->lookback_box, lookback_group (self, self->brief->plan));
  gtk_widget_set_visible (GTK_WIDGET (self->lookback_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->lookback_box)) != NULL);
}

/* ------------------------------------------------------------------ deals, actions, calls, coaching */

static void
show_deals (ClRepWindow *self)
{
  guint n = g_list_model_get_n_items (self->brief->deals);
  g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open deal, largest first",
                                                               "%u open deals, largest first", n), n);

  adw_preferences_group_set_description (self->deals_group, description);
  cl_list_box_remove_rows (self->deals_list);
  for (guint i = 0; i < MIN (n, SHOWN_DEALS); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (self->brief->deals, i);
      ClDeal *deal = item->facts->deal;
      g_autofree char *amount = cl_money_format (item->state.amount_cents, deal->currency);
      g_autofree char *flags = cl_flags_join_labels (item->flags, cl_text_parts_separator ());
      g_autofree char *stage = cl_text_isolate (deal->stage_name);
      /* Translators: amount, stage, days in the stage, then the deal's flags */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %d days in stage\n%s"), amount, stage,
                                                   item->days_in_stage, flags);
      GtkWidget *row = cl_list_box_text_row_new (deal->name, g_strchomp (subtitle));

      if (item->flags != 0)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d flag", "%d flags",
                                                                 __builtin_popcount (item->flags)),
                                                    __builtin_popcount (item->flags));

          cl_list_box_row_add_badge (row, count, "warning");
        }
      /* activated, the deal opens on its page */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "deal-id", g_memdup2 (&deal->id, sizeof deal->id), g_free);
      gtk_list_box_append (self->deals_list, row);
    }
  if (n > SHOWN_DEALS)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more open deals, in the Pipeline view"), n - SHOWN_DEALS);

      gtk_list_box_append (self->deals_list, cl_list_box_text_row_new (more, NULL));
    }
}

static void
on_deal_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row)
{
  gint64 *deal_id = g_object_get_data (G_OBJECT (row), "deal-id");

  if (deal_id != NULL)
    cl_application_open_deal (*deal_id);
}

static void
show_actions (ClRepWindow *self)
{
  g_autofree char *load = cl_action_load_describe (self->brief->load, self->brief->cap);
  guint n = g_list_model_get_n_items (self->brief->actions);

  adw_preferences_group_set_description (self->actions_group, load);
  if (cl_action_load_state (self->brief->load->n_open_actions, self->brief->cap) == CL_LOAD_OVER_CAP)
    gtk_widget_add_css_class (GTK_WIDGET (self->actions_group), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->actions_group), "error");
  cl_list_box_remove_rows (self->actions_list);
  for (guint i = 0; i < MIN (n, SHOWN_ACTIONS); i++)
    {
      g_autoptr (ClAction) action = g_list_model_get_item (self->brief->actions, i);
      g_autofree char *due = action->due_on ? cl_date_format (action->due_on) : g_strdup (_("no due day"));
      /* Translators: an action's due day and where it came from (review, coaching…) */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s · from %s"), due, action->source);
      GtkWidget *row = cl_list_box_text_row_new (action->text, subtitle);

      if (action->due_on != 0 && action->due_on < self->today)
        cl_list_box_row_add_badge (row, _("Overdue"), "error");
      gtk_list_box_append (self->actions_list, row);
    }
}

static void
show_moves (ClRepWindow *self)
{
  cl_list_box_remove_rows (self->moves_list);
  for (guint i = 0; i < g_list_model_get_n_items (self->brief->sessions); i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (self->brief->sessions, i);
      g_autofree char *held = cl_date_format (session->held_on);
      g_autofree char *deal = cl_text_isolate (session->deal_name);
      g_autofree char *subtitle = g_strjoin (cl_text_parts_separator (), held, deal, NULL);
      GtkWidget *row = cl_list_box_text_row_new (session->next_move, subtitle);
      gboolean late = session->follow_up == CL_FOLLOW_UP_PENDING && session->next_move_due != 0
                      && session->next_move_due < self->today;

      cl_list_box_row_add_badge (row, late ? _("Overdue") : cl_follow_up_label (session->follow_up),
                 late || session->follow_up == CL_FOLLOW_UP_DID_NOT_HAPPEN ? "error"
                 : session->follow_up == CL_FOLLOW_UP_HAPPENED ? "success" : "dim-label");
      gtk_list_box_append (self->moves_list, row);
    }
}

static void
show_charts (ClRepWindow *self)
{
  cl_trend_chart_set_points (self->charts[CHART_SCORE], self->brief->score_trend);
  cl_trend_chart_set_points (self->charts[CHART_TALK], self->brief->talk_trend);
  cl_trend_chart_set_points (self->charts[CHART_QUESTIONS], self->brief->question_trend);
}

/* ------------------------------------------------------------------ the agenda */

static void
set_agenda_text (ClRepWindow *self,
                 const char  *agenda)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->agenda_view), agenda, -1);
}

/* The agenda as drafted: not the manager's until they edit it. */
static void
set_agenda_draft (ClRepWindow *self,
                  const char  *draft)
{
  set_agenda_text (self, draft);
  g_free (self->drafted);
  self->drafted = g_strdup (draft);
}

char *
cl_rep_window_get_agenda (ClRepWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->agenda_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cl_rep_window_set_agenda (ClRepWindow *self,
                          const char  *agenda)
{
  set_agenda_text (self, agenda);
}

/* Whether the agenda holds words of the manager's a new draft would lose. */
static gboolean
agenda_edited (ClRepWindow *self)
{
  g_autofree char *agenda = cl_rep_window_get_agenda (self);

  return self->drafted == NULL || !g_str_equal (agenda, self->drafted);
}

/* The agenda kept for today, or one drafted from the brief. A kept agenda
 * that is the draft word for word is still a draft. */
static void
show_agenda (ClRepWindow *self)
{
  g_autofree char *draft = NULL;
  const char *kept = self->brief->kept_agenda;

  if (self->agenda_shown)
    return;
  draft = cl_one_on_one_draft_agenda (self->brief);
  if (kept != NULL && !g_str_equal (kept, draft))
    {
      set_agenda_text (self, kept);
      g_clear_pointer (&self->drafted, g_free);
    }
  else
    set_agenda_draft (self, draft);
  self->agenda_shown = TRUE;
}

static void
draft_again (ClRepWindow *self)
{
  g_autofree char *draft = cl_one_on_one_draft_agenda (self->brief);

  set_agenda_draft (self, draft);
}

/* After a plan is saved: an agenda as drafted is drafted again whole; the
 * manager's keeps every line but the plan section's. */
static void
redraft_plan_section (ClRepWindow *self)
{
  g_autofree char *agenda = NULL, *redrafted = NULL;

  if (!agenda_edited (self))
    {
      draft_again (self);
      return;
    }
  agenda = cl_rep_window_get_agenda (self);
  redrafted = cl_one_on_one_redraft_plan_section (agenda, self->brief);
  set_agenda_text (self, redrafted);
}

static void
on_draft_again_response (AdwMessageDialog *dialog,
                         const char       *response,
                         ClRepWindow      *self)
{
  if (g_str_equal (response, "draft") && self->brief != NULL)
    draft_again (self);
}

AdwMessageDialog *
cl_rep_window_draft_again (ClRepWindow *self)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (CL_IS_REP_WINDOW (self), NULL);
  if (self->brief == NULL)
    return NULL;
  if (!agenda_edited (self))
    {
      draft_again (self);
      return NULL;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Draft the Agenda Again?"),
                                                       _("The agenda is drafted anew from the rep's month, "
                                                         "and your edits to it are lost")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep My Edits"), "draft", _("_Draft Again"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "draft", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_draft_again_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
draft_agenda_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cl_rep_window_draft_again (CL_REP_WINDOW (widget));
}

/* The agenda to keep, on the 1:1's day. */
typedef struct
{
  gint64  rep_id;
  ClDay   today;
  char   *agenda;
} AgendaSave;

static void
agenda_save_free (AgendaSave *save)
{
  g_free (save->agenda);
  g_free (save);
}

static gpointer
save_agenda_in_worker (ClStore  *store,
                       gpointer  data,
                       GError  **error)
{
  AgendaSave *save = data;

  return cl_store_save_one_on_one (store, save->rep_id, save->today, save->agenda, error) ? save : NULL;
}

static void
on_agenda_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  toast (CL_REP_WINDOW (source), cl_store_task_finish (result, &error) ? _("Agenda saved") : error->message);
}

/* Keeps the agenda as it reads now, written by a worker. */
gboolean
cl_rep_window_save_agenda (ClRepWindow *self)
{
  AgendaSave *save = g_new0 (AgendaSave, 1);

  save->rep_id = self->rep_id;
  save->today = self->today;
  save->agenda = cl_rep_window_get_agenda (self);
  cl_store_queue_run (self->queue, save_agenda_in_worker, save, (GDestroyNotify) agenda_save_free, NULL,
                      on_agenda_saved);
  return TRUE;
}

static void
save_agenda_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cl_rep_window_save_agenda (CL_REP_WINDOW (widget));
}

/* ------------------------------------------------------------------ printing */

/* in points */
#define PRINT_BODY_SIZE   10.5
#define PRINT_BULLET      14    /* a list item's text starts this far in */
#define PRINT_FIGURE_TAB  110   /* a figure's value starts this far in */
#define PRINT_FOOTER      24    /* kept free at the foot of each page */

typedef enum {
  PRINT_TITLE,
  PRINT_SUBTITLE,
  PRINT_HEADING,
  PRINT_ITEM,
  PRINT_PARAGRAPH,
} PrintStyle;

typedef struct
{
  PangoLayoutLine *line;       /* NULL: a rule across the page */
  double           x;
  double           baseline;   /* from the top of its page */
  double           grey;
  int              page;
} PrintLine;

typedef struct
{
  GPtrArray *layouts;          /* PangoLayout: their lines' own */
  GArray    *lines;            /* PrintLine, page by page */
  GString   *text;             /* everything printed, for tests */
  char      *footer;
  double     width, height;
  double     y;                /* where the next block goes on the page */
  int        page;
} PrintJob;

static void
print_line_clear (PrintLine *line)
{
  g_clear_pointer (&line->line, pango_layout_line_unref);
}

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->lines, g_array_unref);
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  if (job->text != NULL)
    g_string_free (job->text, TRUE);
  g_free (job->footer);
  g_free (job);
}

static void
next_page (PrintJob *job)
{
  job->page++;
  job->y = 0;
}

static PangoLayout *
print_layout (GtkPrintContext *context,
              PrintJob        *job,
              double           size,
              PangoWeight      weight)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (job->width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* @layout's lines placed after what is already placed, @space_before
 * below it (none at the top of a page): on the next page when it fits on
 * one but not in what is left of this one, else line by line. */
static void
place_lines (PrintJob    *job,
             PangoLayout *layout,
             double       space_before,
             double       grey)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int height;

  g_ptr_array_add (job->layouts, g_object_ref (layout));
  if (job->y > 0)
    job->y += space_before;
  pango_layout_get_size (layout, NULL, &height);
  if (job->y > 0 && job->y + height / (double) PANGO_SCALE > job->height
      && height / (double) PANGO_SCALE <= job->height)
    next_page (job);
  do
    {
      PangoRectangle logical;
      PrintLine placed = { 0 };
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      if (job->y + height > job->height && job->y > 0)
        next_page (job);
      placed.line = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
      placed.x = logical.x / (double) PANGO_SCALE;
      placed.baseline = job->y + (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      placed.grey = grey;
      placed.page = job->page;
      g_array_append_val (job->lines, placed);
      job->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
add_rule (PrintJob *job)
{
  PrintLine rule = { NULL, 0, job->y + 6, 0.6, job->page };

  g_array_append_val (job->lines, rule);
  job->y += 12;
}

/* One block of the document: its text in its style. */
static void
add_block (PrintJob        *job,
           GtkPrintContext *context,
           PrintStyle       style,
           const char      *text)
{
  static const struct { double size; PangoWeight weight; double space_before, grey; } styles[] = {
    [PRINT_TITLE] = { 18, PANGO_WEIGHT_BOLD, 0, 0 },
    [PRINT_SUBTITLE] = { 11, PANGO_WEIGHT_NORMAL, 2, 0.35 },
    [PRINT_HEADING] = { 12.5, PANGO_WEIGHT_BOLD, 14, 0 },
    [PRINT_ITEM] = { PRINT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 3, 0 },
    [PRINT_PARAGRAPH] = { PRINT_BODY_SIZE, PANGO_WEIGHT_NORMAL, 4, 0 },
  };
  g_autoptr (PangoLayout) layout = print_layout (context, job, styles[style].size, styles[style].weight);
  g_autoptr (PangoTabArray) tabs = NULL;
  g_autofree char *item = NULL;

  if (style == PRINT_ITEM)
    {
      /* the bullet hangs, the item's lines align after it */
      tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, PRINT_BULLET);
      pango_layout_set_tabs (layout, tabs);
      pango_layout_set_indent (layout, -PRINT_BULLET * PANGO_SCALE);
      item = g_strconcat ("•\t", text, NULL);
    }
  /* set as text, never markup: names, deals and notes are the team's */
  pango_layout_set_text (layout, item ? item : text, -1);
  if (style == PRINT_HEADING)
    {
      int height;

      /* a heading stays with the first lines under it */
      pango_layout_get_size (layout, NULL, &height);
      if (job->y > 0 && job->y + styles[style].space_before + height / (double) PANGO_SCALE
                        + 3 * PRINT_BODY_SIZE * 1.3 > job->height)
        next_page (job);
    }
  place_lines (job, layout, styles[style].space_before, styles[style].grey);
  g_string_append (job->text, item ? item : text);
  g_string_append_c (job->text, '\n');
}

/* The month's figures, one a line: what they are, then their values. */
static void
add_figures (PrintJob        *job,
             GtkPrintContext *context,
             ClOneOnOne      *brief)
{
  guint n_deals = g_list_model_get_n_items (brief->deals), n_flagged = 0;
  g_autofree char *deals = NULL, *actions = cl_action_load_describe (brief->load, brief->cap);
  g_autofree char *practice = NULL;
  g_autoptr (GString) figures = g_string_new (NULL);
  g_autoptr (PangoLayout) layout = print_layout (context, job, PRINT_BODY_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr (PangoTabArray) tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                      PRINT_FIGURE_TAB);
  PangoAttrList *bold = pango_attr_list_new ();
  const char *rows[4][2];
  guint n_rows = 0;

  for (guint i = 0; i < n_deals; i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (brief->deals, i);

      n_flagged += item->flags != 0;
    }
  /* Translators: open deals, then how many of them carry a flag */
  deals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u, %u flagged", "%u, %u flagged", n_deals),
                           n_deals, n_flagged);
  practice = brief->plan ? cl_practice_progress_describe (&brief->progress) : g_strdup (_("No plan yet"));
  rows[n_rows][0] = _("Open deals");
  rows[n_rows++][1] = deals;
  rows[n_rows][0] = _("Actions");
  rows[n_rows++][1] = actions;
  if (brief->plan != NULL)
    {
      rows[n_rows][0] = _("Focus");
      rows[n_rows++][1] = brief->focus_label;
    }
  rows[n_rows][0] = _("Practice");
  rows[n_rows++][1] = practice;
  for (guint i = 0; i < n_rows; i++)
    {
      PangoAttribute *weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      weight->start_index = figures->len;
      g_string_append (figures, rows[i][0]);
      weight->end_index = figures->len;
      pango_attr_list_insert (bold, weight);
      g_string_append_printf (figures, "\t%s%s", rows[i][1], i + 1 < n_rows ? "\n" : "");
    }
  /* a long value wraps under itself, not under its name */
  pango_layout_set_tabs (layout, tabs);
  pango_layout_set_indent (layout, -PRINT_FIGURE_TAB * PANGO_SCALE);
  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  pango_layout_set_text (layout, figures->str, -1);
  pango_layout_set_attributes (layout, bold);
  pango_attr_list_unref (bold);
  place_lines (job, layout, 10, 0);
  g_string_append_printf (job->text, "%s\n", figures->str);
}

/* The agenda as the manager wrote it: a line after a blank one heads a
 * section, "- " starts an item, any other line is a paragraph. Its first
 * line, when still the drafted title, is the document's title instead. */
static void
add_agenda (PrintJob        *job,
            GtkPrintContext *context,
            const char      *agenda,
            const char      *title)
{
  g_auto (GStrv) lines = g_strsplit (agenda, "\n", -1);
  gboolean after_blank = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (i == 0 && g_str_equal (line, title))
        continue;
      if (g_str_equal (line, "-") || g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* ")
          || g_str_has_prefix (line, "• "))
        add_block (job, context, PRINT_ITEM, g_strchug (g_utf8_next_char (line)));
      else if (*line != '\0')
        add_block (job, context, after_blank ? PRINT_HEADING : PRINT_PARAGRAPH, line);
      after_blank = *line == '\0';
    }
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ClRepWindow       *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "job");
  g_autofree char *agenda = cl_rep_window_get_agenda (self);
  g_autofree char *drafted_title = cl_one_on_one_agenda_title (self->brief);
  g_autofree char *rep = cl_text_isolate (self->brief->rep->name);
  g_autofree char *day = cl_date_format_words (self->brief->today);
  g_autofree char *title = NULL;

  job->width = gtk_print_context_get_width (context);
  job->height = gtk_print_context_get_height (context) - PRINT_FOOTER;
  /* Translators: the title of the printed 1:1, with the rep's name */
  title = g_strdup_printf (_("1:1 with %s"), rep);
  /* Translators: the foot of each printed page: the title and the day */
  job->footer = g_strdup_printf (_("%s · %s"), title, day);
  add_block (job, context, PRINT_TITLE, title);
  add_block (job, context, PRINT_SUBTITLE, day);
  add_figures (job, context, self->brief);
  add_rule (job);
  add_agenda (job, context, agenda, drafted_title);
  gtk_print_operation_set_n_pages (operation, job->page + 1);
  g_free (self->printed_text);
  self->printed_text = g_strdup (job->text->str);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ClRepWindow       *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "job");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr (PangoLayout) footer = print_layout (context, job, 8, PANGO_WEIGHT_NORMAL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < job->lines->len; i++)
    {
      PrintLine *line = &g_array_index (job->lines, PrintLine, i);

      if (line->page != page)
        continue;
      cairo_set_source_rgb (cr, line->grey, line->grey, line->grey);
      if (line->line == NULL)
        {
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, 0, line->baseline);
          cairo_line_to (cr, job->width, line->baseline);
          cairo_stroke (cr);
          continue;
        }
      cairo_move_to (cr, line->x, line->baseline);
      pango_cairo_show_layout_line (cr, line->line);
    }

  /* Translators: the foot of a printed page: the 1:1, then "page 1 of 2" */
  text = g_strdup_printf (_("%s · page %d of %d"), job->footer, page + 1, job->page + 1);
  pango_layout_set_text (footer, text, -1);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, 0, job->height + PRINT_FOOTER - 10);
  pango_cairo_show_layout (cr, footer);
}

/* Settings that suggest the printed file's name: whose 1:1 and when. */
static GtkPrintSettings *
print_settings (ClRepWindow *self)
{
  GtkPrintSettings *settings = gtk_print_settings_new ();
  g_autofree char *name = cl_one_on_one_file_name (self->brief);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *uri = g_filename_to_uri (documents, NULL, NULL);

      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, uri);
    }
  return settings;
}

char *
cl_rep_window_get_print_file_name (ClRepWindow *self)
{
  g_autoptr (GtkPrintSettings) settings = NULL;

  g_return_val_if_fail (CL_IS_REP_WINDOW (self) && self->brief != NULL, NULL);
  settings = print_settings (self);
  return g_strdup_printf ("%s.%s", gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME),
                          gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT));
}

const char *
cl_rep_window_get_printed_text (ClRepWindow *self)
{
  g_return_val_if_fail (CL_IS_REP_WINDOW (self), NULL);
  return self->printed_text;
}

static gboolean
run_print (ClRepWindow             *self,
           GtkPrintOperationAction  action,
           const char              *export_path)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPrintSettings) settings = print_settings (self);
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf (_("1:1 with %s"), self->brief->rep->name);
  GtkPrintOperationResult result;

  job->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  job->lines = g_array_new (FALSE, TRUE, sizeof (PrintLine));
  g_array_set_clear_func (job->lines, (GDestroyNotify) print_line_clear);
  job->text = g_string_new (NULL);
  g_object_set_data_full (G_OBJECT (operation), "job", job, (GDestroyNotify) print_job_free);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      toast (self, error->message);
      return FALSE;
    }
  return result != GTK_PRINT_OPERATION_RESULT_CANCEL;
}

gboolean
cl_rep_window_print_to_pdf (ClRepWindow *self,
                            const char  *path)
{
  g_return_val_if_fail (CL_IS_REP_WINDOW (self) && self->brief != NULL, FALSE);
  return run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ClRepWindow *self = CL_REP_WINDOW (widget);

  if (self->brief != NULL)
    run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* ------------------------------------------------------------------ export */

/* @rep_month: the rep's name and the month */
static JsonNode *
build_plan (ClStore        *store,
            gconstpointer   rep_month,
            GError        **error)
{
  const char *const *names = rep_month;

  return cl_development_export_build (store, names[0], names[1], error);
}

/* Exports the month's plan at @path, built in a worker thread. */
gboolean
cl_rep_window_export (ClRepWindow *self,
                      const char  *path)
{
  char **rep_month = NULL;

  g_return_val_if_fail (CL_IS_REP_WINDOW (self) && self->brief != NULL, FALSE);
  rep_month = g_new0 (char *, 3);
  rep_month[0] = g_strdup (self->brief->rep->name);
  rep_month[1] = g_strdup (self->brief->month);
  cl_file_export_summary (self->toast_overlay, (ClShowToast) adw_toast_overlay_add_toast,
                          self->workspace, build_plan, rep_month, (GDestroyNotify) g_strfreev, path,
                          _("Exporting the plan…"), _("The month's plan is exported"));
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClRepWindow *self = CL_REP_WINDOW (widget);
  GtkFileChooserNative *dialog = NULL;
  g_autofree char *name = NULL;

  if (self->brief == NULL)
    return;
  if (self->brief->plan == NULL)
    {
      toast (self, _("Set this month's plan first: there is nothing to export yet"));
      return;
    }
  dialog = cl_file_chooser_new (GTK_WINDOW (self), self, _("Export the Month's Plan"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                _("_Export"), (ClFileChosen) cl_rep_window_export);
  name = g_strdup_printf ("rep-plan-%s" CL_EXPORT_FILE_EXTENSION, self->brief->month);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cl_rep_window_save_plan (CL_REP_WINDOW (widget));
}

/* ------------------------------------------------------------------ loading */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClRepWindow *self = CL_REP_WINDOW (source);
  g_autoptr (GError) error = NULL;
  RepRead *read = cl_store_task_finish (result, &error);
  g_autoptr (GtkStringList) focus_choices = NULL;
  g_autofree char *subtitle = NULL, *day = NULL;
  ClOneOnOne *brief;

  if (read == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (read->skills != NULL)
    {
      g_set_object (&self->skills, read->skills);
      focus_choices = gtk_string_list_new (NULL);
      gtk_string_list_append (focus_choices, _("Choose a skill"));
      for (guint i = 0; i < g_list_model_get_n_items (self->skills); i++)
        {
          g_autoptr (ClTeamListItem) skill = g_list_model_get_item (self->skills, i);

          gtk_string_list_append (focus_choices, skill->label);
        }
      adw_combo_row_set_model (self->focus_row, G_LIST_MODEL (focus_choices));
    }
  g_clear_pointer (&self->brief, cl_one_on_one_free);
  brief = self->brief = g_steal_pointer (&read->brief);
  g_set_object (&self->plan, read->plan);
  /* the task frees what it gave; the window keeps the rest */
  g_clear_pointer (&self->read, rep_read_free);
  self->read = g_new0 (RepRead, 1);
  self->read->calls = g_steal_pointer (&read->calls);
  self->read->chosen_calls = g_steal_pointer (&read->chosen_calls);
  self->read->chosen_sessions = g_steal_pointer (&read->chosen_sessions);
  self->read->skill_labels = g_steal_pointer (&read->skill_labels);

  day = cl_date_format (brief->today);
  /* Translators: the day of the 1:1 */
  subtitle = g_strdup_printf (_("1:1 preparation · %s"), day);
  adw_window_title_set_title (self->window_title, brief->rep->name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), brief->rep->name);
  show_plan (self);
  show_practice (self);
  show_lookbacks (self);
  show_deals (self);
  show_actions (self);
  show_charts (self);
  show_moves (self);
  show_agenda (self);
  if (self->plan_saved)
    redraft_plan_section (self);
  self->plan_saved = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "brief");
}

/* Reads the rep's month again, in the window's turn. */
static void
load_brief (ClRepWindow *self)
{
  RepRead *read = g_new0 (RepRead, 1);

  read->rep_id = self->rep_id;
  read->today = self->today;
  read->with_skills = self->skills == NULL;
  cl_store_queue_run (self->queue, read_month, read, (GDestroyNotify) rep_read_free, NULL, on_loaded);
}

/* ------------------------------------------------------------------ for tests */

gboolean
cl_rep_window_is_loaded (ClRepWindow *self)
{
  return self->brief != NULL && !cl_store_queue_is_busy (self->queue);
}

guint
cl_rep_window_get_n_deals (ClRepWindow *self)
{
  return self->brief ? g_list_model_get_n_items (self->brief->deals) : 0;
}

guint
cl_rep_window_get_n_drills (ClRepWindow *self)
{
  return self->brief ? g_list_model_get_n_items (self->brief->practice) : 0;
}

gboolean
cl_rep_window_has_plan (ClRepWindow *self)
{
  return self->brief != NULL && self->brief->plan != NULL;
}

const char *
cl_rep_window_get_chart_summary (ClRepWindow *self,
                                 guint        index)
{
  g_return_val_if_fail (index < N_CHARTS, NULL);
  return cl_trend_chart_get_summary (self->charts[index]);
}

/* ------------------------------------------------------------------ the window */

/**
 * cl_rep_window_new:
 * @parent: the window it opens over
 * @workspace: the workspace's path
 * @rep_id: the rep
 *
 * Makes the rep's 1:1 window; a worker reads their month as it shows.
 *
 * Returns: (transfer none): the window, not yet shown; GTK holds it until
 *   it is destroyed
 */
ClRepWindow *
cl_rep_window_new (GtkWindow  *parent,
                   const char *workspace,
                   gint64      rep_id)
{
  ClRepWindow *self = g_object_new (CL_TYPE_REP_WINDOW, "transient-for", parent, NULL);

  self->workspace = g_strdup (workspace);
  self->queue = cl_store_queue_new (self, workspace);
  self->rep_id = rep_id;
  self->today = cl_date_today ();
  load_brief (self);
  return self;
}

static void
cl_rep_window_dispose (GObject *object)
{
  ClRepWindow *self = CL_REP_WINDOW (object);

  g_clear_pointer (&self->queue, cl_store_queue_close);
  g_clear_pointer (&self->brief, cl_one_on_one_free);
  g_clear_pointer (&self->read, rep_read_free);
  g_clear_object (&self->skills);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->workspace, g_free);
  g_clear_pointer (&self->drafted, g_free);
  g_clear_pointer (&self->printed_text, g_free);
  g_clear_pointer (&self->evidence_checks, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REP_WINDOW);
  G_OBJECT_CLASS (cl_rep_window_parent_class)->dispose (object);
}

/* What the window asked to write is written before it goes. */
static gboolean
cl_rep_window_close_request (GtkWindow *window)
{
  if (cl_store_queue_hold_close (CL_REP_WINDOW (window)->queue, window, CL_REP_WINDOW (window)->window_title))
    return TRUE;
  return GTK_WINDOW_CLASS (cl_rep_window_parent_class)->close_request (window);
}

static void
cl_rep_window_class_init (ClRepWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_rep_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cl_rep_window_close_request;
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/development/cl-rep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, plan_group);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, focus_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, drill_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, repetitions_spin);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, target_spin);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, save_plan_button);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, practice_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, practice_bar);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, drill_note_row);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, self_score_spin);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, drills_list);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, lookback_box);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, deals_group);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, deals_list);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, actions_group);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, charts_box);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, moves_list);
  gtk_widget_class_bind_template_child (widget_class, ClRepWindow, agenda_view);

  gtk_widget_class_install_action (widget_class, "rep.save-plan", NULL, save_plan_action);
  gtk_widget_class_install_action (widget_class, "rep.log-drill", NULL, log_drill_action);
  gtk_widget_class_install_action (widget_class, "rep.save-agenda", NULL, save_agenda_action);
  gtk_widget_class_install_action (widget_class, "rep.draft-agenda", NULL, draft_agenda_action);
  gtk_widget_class_install_action (widget_class, "rep.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "rep.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "rep.save-agenda", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "rep.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rep.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cl_rep_window_init (ClRepWindow *self)
{
  static const struct { const char *title; ClTrendFormat format; double lowest, highest; } charts[N_CHARTS] = {
    { N_("Mean scorecard score"), CL_TREND_FORMAT_SCORE, 1, 5 },
    { N_("Talk ratio: the rep's share of talk time"), CL_TREND_FORMAT_PERCENT, 0, 1 },
    { N_("Questions the rep asked per call"), CL_TREND_FORMAT_COUNT, 0, 10 },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->evidence_checks = g_ptr_array_new ();
  self->evidence_rows = g_ptr_array_new ();
  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *title = gtk_label_new (_(charts[i].title));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      self->charts[i] = CL_TREND_CHART (cl_trend_chart_new (_(charts[i].title), charts[i].format,
                                                            charts[i].lowest, charts[i].highest));
      gtk_box_append (self->charts_box, title);
      gtk_box_append (self->charts_box, GTK_WIDGET (self->charts[i]));
    }
  gtk_list_box_set_placeholder (self->drills_list, cl_list_box_placeholder_new (_("No drill logged this month")));
  gtk_list_box_set_placeholder (self->deals_list, cl_list_box_placeholder_new (_("No open deals")));
  g_signal_connect (self->deals_list, "row-activated", G_CALLBACK (on_deal_row_activated), NULL);
  gtk_list_box_set_placeholder (self->actions_list, cl_list_box_placeholder_new (_("No open actions")));
  gtk_list_box_set_placeholder (self->moves_list,
                                cl_list_box_placeholder_new (_("No coaching on this rep's deals lately")));
}
