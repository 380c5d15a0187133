/* cl-deal-window.c — one deal: its values, flags, history, qualification,
 * contacts, next step, actions and calls, opened from any list of deals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deal is read in one go in a worker (cl_deal_brief_load ()); each edit
 * is a job of its own, after which the deal is read again, so the flags and
 * the history show what the edit changed.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-deal-window.h"
#include "cl-list-box-rows.h"
#include "cl-loading-spinner.h"
#include "cl-plain-text.h"
#include "cl-store-task.h"
#include "cl-text.h"

struct _ClDealWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkScrolledWindow *scroller;
  AdwClamp        *clamp;
  GtkBox          *columns;
  GtkFlowBox      *facts_box;
  GtkListBox      *flags_list;
  AdwEntryRow     *next_step_row;
  AdwEntryRow     *due_row;
  GtkListBox      *actions_list;
  GtkListBox      *qualification_list;
  GtkListBox      *contacts_list;
  GtkListBox      *calls_list;
  GtkListBox      *timeline_list;

  char            *workspace;
  gint64           deal_id;
  ClDealBrief     *brief;
  GCancellable    *cancellable;
  guint            n_reads;
  gboolean         filling;     /* rows being filled from the brief: no edit */
  gboolean         changed;     /* an edit was saved */
};

G_DEFINE_FINAL_TYPE (ClDealWindow, cl_deal_window, ADW_TYPE_WINDOW)

/* from this width on, the page has two columns */
#define WIDE_WIDTH 1080

static void
toast (ClDealWindow *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (text));
}

/* ------------------------------------------------------------------ rows */

static GtkWidget *
icon_new (const char *icon_name)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  /* the row's words say it; the icon only helps the eye */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  return icon;
}

/* A value under its caption, one cell of the deal's card. */
static void
append_fact (ClDealWindow *self,
             const char   *label,
             const char   *value)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *caption = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (cell), caption);
  gtk_box_append (GTK_BOX (cell), text);
  gtk_flow_box_append (self->facts_box, cell);
  /* nothing to do with a cell: the keyboard goes past them */
  gtk_widget_set_focusable (gtk_widget_get_parent (cell), FALSE);
}

static void
fill_facts (ClDealWindow *self)
{
  ClDeal *deal = self->brief->deal;
  g_autofree char *amount = cl_money_format (deal->amount_cents, deal->currency);
  g_autofree char *close = cl_date_format (deal->close_date);
  g_autofree char *created = cl_date_format (deal->created_on);
  g_autofree char *entered = cl_date_format (deal->stage_entered_on);
  g_autofree char *stage_name = cl_text_isolate (deal->stage_name);
  g_autofree char *reason = cl_text_isolate (deal->status_reason);
  g_autofree char *stage = NULL, *status = NULL;

  /* Translators: a stage, then the day the deal entered it */
  stage = g_strdup_printf (_("%s, since %s"), stage_name, entered);
  status = cl_text_is_blank (deal->status_reason)
           ? g_strdup (cl_deal_status_label (deal->status))
           /* Translators: a deal's status, "Lost", then why */
           : g_strdup_printf (_("%s: %s"), cl_deal_status_label (deal->status), reason);
  for (GtkWidget *cell; (cell = gtk_widget_get_first_child (GTK_WIDGET (self->facts_box))) != NULL;)
    gtk_flow_box_remove (self->facts_box, cell);
  append_fact (self, _("Account"), deal->account);
  append_fact (self, _("Owner"), deal->owner_name);
  append_fact (self, _("Stage"), stage);
  append_fact (self, _("Amount"), amount);
  append_fact (self, _("Close date"), close);
  append_fact (self, _("Forecast"), cl_forecast_label (deal->forecast));
  append_fact (self, _("Status"), status);
  append_fact (self, _("Created"), created);
}

static const char *
severity_icon (ClFlagSeverity severity)
{
  return severity == CL_SEVERITY_HIGH ? "dialog-error-symbolic"
         : severity == CL_SEVERITY_MEDIUM ? "dialog-warning-symbolic" : "dialog-information-symbolic";
}

static const char *
severity_label (ClFlagSeverity severity)
{
  return severity == CL_SEVERITY_HIGH ? _("high severity")
         : severity == CL_SEVERITY_MEDIUM ? _("medium severity") : _("low severity");
}

/* Each flag with its whole sentence, as text: a tooltip is no place for
 * what the review has to read. */
static void
fill_flags (ClDealWindow *self)
{
  cl_list_box_remove_rows (self->flags_list);
  gtk_list_box_set_placeholder (self->flags_list,
                                cl_list_box_placeholder_new (self->brief->deal->status == CL_DEAL_OPEN
                                                             ? _("No flags: the inspection sees nothing wrong")
                                                             : _("A closed deal raises no flags")));
  for (guint i = 0; i < CL_N_FLAGS; i++)
    {
      ClFlag flag = cl_flags_by_severity[i];
      ClFlagSeverity severity = cl_flag_severity (flag);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!(self->brief->flags & (1u << flag)))
        continue;
      /* Translators: a flag's name, "Stalled", then how severe it is */
      subtitle = g_strdup_printf (_("%s · %s"), cl_flag_label (flag), severity_label (severity));
      row = cl_action_row_new_plain (self->brief->flag_sentences[flag], subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon_new (severity_icon (severity)));
      gtk_list_box_append (self->flags_list, row);
    }
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  ClDealWindow *self = user_data;
  ClAction *action = item;
  g_autofree char *due = cl_date_format (action->due_on);
  g_autofree char *owner = cl_text_isolate (action->owner_name);
  g_autofree char *subtitle = action->due_on < self->brief->today
                              /* Translators: who owns an action, and the day it was due */
                              ? g_strdup_printf (_("%s · overdue since %s"), owner, due)
                              /* Translators: who owns an action, and the day it is due */
                              : g_strdup_printf (_("%s · due on %s"), owner, due);

  return cl_action_row_new_plain (action->text, subtitle);
}

static GtkWidget *
create_call_row (gpointer item,
                 gpointer user_data)
{
  ClCall *call = item;
  g_autofree char *day = cl_date_format (call->held_on);
  g_autofree char *rep = cl_text_isolate (call->rep_name);
  g_autofree char *subtitle = NULL;

  if (call->talk_ratio >= 0)
    /* Translators: a day, the rep, the rep's share of talk, questions asked */
    subtitle = g_strdup_printf (_("%s · %s · rep talked %d %% · %d questions"), day, rep,
                                (int) (call->talk_ratio * 100 + 0.5), call->questions);
  else
    /* Translators: a day and the rep on the call */
    subtitle = g_strdup_printf (_("%s · %s"), day, rep);
  return cl_action_row_new_plain (call->title, subtitle);
}

static const char *
timeline_icon (ClTimelineKind kind)
{
  switch (kind)
    {
    case CL_TIMELINE_REVIEW: return "x-office-calendar-symbolic";
    case CL_TIMELINE_COACHING: return "system-users-symbolic";
    case CL_TIMELINE_CALL: return "call-start-symbolic";
    case CL_TIMELINE_CHANGE:
    default: return "document-edit-symbolic";
    }
}

static GtkWidget *
create_timeline_row (gpointer item,
                     gpointer user_data)
{
  ClTimelineEntry *entry = item;
  g_autofree char *day = cl_date_format (entry->on);
  g_autofree char *detail = cl_text_isolate (entry->detail);
  g_autofree char *subtitle = entry->detail
                              /* Translators: a day, then a note about what happened on it */
                              ? g_strdup_printf (_("%s · %s"), day, detail)
                              : g_strdup (day);
  GtkWidget *row = cl_action_row_new_plain (entry->text, subtitle);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon_new (timeline_icon (entry->kind)));
  return row;
}

/* ------------------------------------------------------------------ edits */

typedef enum {
  EDIT_NEXT_STEP,
  EDIT_QUALIFICATION,
  EDIT_ADD_CONTACT,
  EDIT_UPDATE_CONTACT,
  EDIT_REMOVE_CONTACT,
} EditKind;

typedef struct
{
  EditKind kind;
  gint64   deal_id;
  gint64   contact_id;
  int      element;
  int      state;
  char    *text[3];   /* next step; a note; a contact's name, title and role */
  ClDay    day;       /* the next step's due day */
  ClDay    today;
} Edit;

static void
edit_free (Edit *edit)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit->text); i++)
    g_free (edit->text[i]);
  g_free (edit);
}

static Edit *
edit_new (ClDealWindow *self,
          EditKind      kind)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->deal_id = self->deal_id;
  edit->today = cl_date_today ();
  return edit;
}

static ClContact *
contact_of (Edit *edit)
{
  ClContact *contact = g_object_new (CL_TYPE_CONTACT, NULL);

  contact->id = edit->contact_id;
  contact->deal_id = edit->deal_id;
  contact->name = g_strstrip (g_strdup (edit->text[0] ? edit->text[0] : ""));
  contact->title = g_strstrip (g_strdup (edit->text[1] ? edit->text[1] : ""));
  contact->role = g_strstrip (g_strdup (edit->text[2] ? edit->text[2] : ""));
  return contact;
}

/* In a worker thread: one edit, one transaction. */
static gpointer
run_edit (ClStore   *store,
          gpointer   data,
          GError   **error)
{
  Edit *edit = data;
  g_autoptr (ClContact) contact = NULL;
  gboolean ok = FALSE;

  switch (edit->kind)
    {
    case EDIT_NEXT_STEP:
      ok = cl_store_set_next_step (store, edit->deal_id, edit->text[0], edit->day, edit->today, error);
      break;
    case EDIT_QUALIFICATION:
      ok = cl_store_set_qualification (store, edit->deal_id, edit->element, edit->state, edit->text[1], error);
      break;
    case EDIT_ADD_CONTACT:
      contact = contact_of (edit);
      ok = cl_store_add_contact (store, contact, error);
      break;
    case EDIT_UPDATE_CONTACT:
      contact = contact_of (edit);
      ok = cl_store_update_contact (store, contact, error);
      break;
    case EDIT_REMOVE_CONTACT:
      ok = cl_store_delete_contact (store, edit->contact_id, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static void read_deal (ClDealWindow *self);

static void
on_edit_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClDealWindow *self = CL_DEAL_WINDOW (source);
  Edit *edit = cl_store_task_get_data (result);
  g_autoptr (GError) error = NULL;
  static const char * const said[] = {
    [EDIT_NEXT_STEP] = N_("Next step saved, and kept in the history"),
    [EDIT_QUALIFICATION] = N_("Qualification saved"),
    [EDIT_ADD_CONTACT] = N_("Contact added"),
    [EDIT_UPDATE_CONTACT] = N_("Contact saved"),
    [EDIT_REMOVE_CONTACT] = N_("Contact removed"),
  };

  if (cl_store_task_finish (result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  self->changed = TRUE;
  toast (self, _(said[edit->kind]));
  read_deal (self);
}

/* Takes @edit. */
static void
run (ClDealWindow *self,
     Edit         *edit)
{
  cl_store_task_run (self, self->workspace, run_edit, edit, (GDestroyNotify) edit_free, NULL,
                     self->cancellable, on_edit_done, NULL);
}

static void
save_next_step (ClDealWindow *self)
{
  g_autofree char *due_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_row))));
  Edit *edit;
  ClDay due = 0;

  if (self->brief == NULL)
    return;
  if (*due_text != '\0' && !cl_date_parse (due_text, &due))
    {
      toast (self, _("The due day is a date such as 2026-11-30, or empty for none"));
      gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      return;
    }
  edit = edit_new (self, EDIT_NEXT_STEP);
  edit->text[0] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->next_step_row)));
  edit->day = due;
  run (self, edit);
}

static void
save_next_step_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  save_next_step (CL_DEAL_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  read_deal (CL_DEAL_WINDOW (widget));
}

/* ------------------------------------------------------------------ qualification */

static const char * const state_labels[] = { N_("Unknown"), N_("Partial"), N_("Confirmed") };

static void
save_qualification (GtkWidget *row)
{
  ClDealWindow *self = CL_DEAL_WINDOW (gtk_widget_get_root (row));
  AdwComboRow *state_row = g_object_get_data (G_OBJECT (row), "state-row");
  AdwEntryRow *note_row = g_object_get_data (G_OBJECT (row), "note-row");
  Edit *edit;

  if (self->filling)
    return;
  edit = edit_new (self, EDIT_QUALIFICATION);
  edit->element = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "element"));
  edit->state = adw_combo_row_get_selected (state_row);
  edit->text[1] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (note_row)));
  run (self, edit);
}

static char *
describe_qualification (ClDealWindow    *self,
                        ClMeddicElement  element)
{
  g_autofree char *note = cl_text_isolate (self->brief->qualification_notes[element]);
  const char *state = _(state_labels[self->brief->qualification[element]]);
  gboolean required = self->brief->required_meddic & (1u << element);

  if (!cl_text_is_blank (self->brief->qualification_notes[element]))
    return required
           /* Translators: what is known of a qualification element, then the note on it */
           ? g_strdup_printf (_("%s, required by this stage · %s"), state, note)
           : g_strdup_printf (_("%s · %s"), state, note);
  return required ? g_strdup_printf (_("%s, required by this stage"), state) : g_strdup (state);
}

static void
fill_qualification (ClDealWindow *self)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (state_labels); i++)
    gtk_string_list_append (states, _(state_labels[i]));
  cl_list_box_remove_rows (self->qualification_list);
  for (int element = 0; element < CL_MEDDIC_N_ELEMENTS; element++)
    {
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *state_row = adw_combo_row_new ();
      GtkWidget *note_row = adw_entry_row_new ();
      g_autofree char *subtitle = describe_qualification (self, element);
      const char *note = self->brief->qualification_notes[element];

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_meddic_label (element));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "element", GINT_TO_POINTER (element));
      g_object_set_data (G_OBJECT (row), "state-row", state_row);
      g_object_set_data (G_OBJECT (row), "note-row", note_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (state_row), _("What is known"));
      adw_combo_row_set_model (ADW_COMBO_ROW (state_row), G_LIST_MODEL (states));
      adw_combo_row_set_selected (ADW_COMBO_ROW (state_row), self->brief->qualification[element]);
      g_signal_connect_swapped (state_row, "notify::selected", G_CALLBACK (save_qualification), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), state_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Notes"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note_row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (note_row), note ? note : "");
      g_signal_connect_swapped (note_row, "apply", G_CALLBACK (save_qualification), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), note_row);
      gtk_list_box_append (self->qualification_list, row);
    }
}

/* ------------------------------------------------------------------ contacts */

static void
on_contact_apply (GtkWidget *row)
{
  ClDealWindow *self = CL_DEAL_WINDOW (gtk_widget_get_root (row));
  ClContact *contact = g_object_get_data (G_OBJECT (row), "contact");
  Edit *edit = edit_new (self, contact ? EDIT_UPDATE_CONTACT : EDIT_ADD_CONTACT);

  if (contact == NULL)
    edit->text[0] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  else
    {
      const char *fields[] = { "name-row", "title-row", "role-row" };

      edit->contact_id = contact->id;
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        edit->text[i] = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), fields[i])));
    }
  run (self, edit);
}

static void
on_contact_remove (GtkButton *button)
{
  ClDealWindow *self = CL_DEAL_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  ClContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  Edit *edit = edit_new (self, EDIT_REMOVE_CONTACT);

  edit->contact_id = contact->id;
  run (self, edit);
}

/* An entry row of the contact's @row for one of its fields, kept as @key;
 * applying any of them saves the three. */
static void
add_contact_field (GtkWidget  *row,
                   const char *key,
                   const char *title,
                   const char *value)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  g_object_set_data (G_OBJECT (row), key, entry);
  g_signal_connect_swapped (entry, "apply", G_CALLBACK (on_contact_apply), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
}

static GtkWidget *
create_contact_row (ClContact *contact)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = cl_text_isolate (contact->name);
  g_autofree char *title = cl_text_isolate (contact->title);
  g_autofree char *role = cl_text_isolate (contact->role);
  /* Translators: a contact's name */
  g_autofree char *label = g_strdup_printf (_("Remove %s"), name);
  g_autofree char *subtitle = NULL;

  if (!cl_text_is_blank (contact->title) && !cl_text_is_blank (contact->role))
    /* Translators: a contact's title, then their role in the deal */
    subtitle = g_strdup_printf (_("%s · %s"), title, role);
  else
    subtitle = g_strdup (!cl_text_is_blank (contact->title) ? contact->title : contact->role);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contact->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "contact", g_object_ref (contact), g_object_unref);
  add_contact_field (row, "name-row", _("Name"), contact->name);
  add_contact_field (row, "title-row", _("Title"), contact->title);
  add_contact_field (row, "role-row", _("Role in the deal"), contact->role);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (remove), "contact", g_object_ref (contact), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_contact_remove), NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  return row;
}

static void
fill_contacts (ClDealWindow *self)
{
  GListModel *contacts = self->brief->contacts;
  GtkWidget *add = adw_entry_row_new ();

  cl_list_box_remove_rows (self->contacts_list);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr (ClContact) contact = g_list_model_get_item (contacts, i);

      gtk_list_box_append (self->contacts_list, create_contact_row (contact));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add a contact: their name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_signal_connect (add, "apply", G_CALLBACK (on_contact_apply), NULL);
  gtk_list_box_append (self->contacts_list, add);
}

/* ------------------------------------------------------------------ reading */

/* Where a person was in a list whose rows an edit rebuilds: the row they
 * had open, and the row the keyboard was in. */
typedef struct
{
  int      expanded;   /* the index of the open row, -1 for none */
  int      focused;    /* the index of the row with the focus, -1 for none */
  gboolean last;       /* that row was the last, such as "Add a contact" */
} ListPlace;

static ListPlace
remember_place (ClDealWindow *self,
                GtkListBox   *list)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  ListPlace place = { -1, -1, FALSE };
  GtkListBoxRow *row;
  int i;

  for (i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        place.expanded = i;
      if (focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
        place.focused = i;
    }
  place.last = place.focused >= 0 && place.focused == i - 1;
  return place;
}

/* Opens the row that was open again, the keyboard on it if it was there. */
static void
restore_place (GtkListBox *list,
               ListPlace   place)
{
  GtkListBoxRow *row = place.expanded >= 0 ? gtk_list_box_get_row_at_index (list, place.expanded) : NULL;
  int n = 0;

  if (row != NULL && ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  if (place.focused < 0)
    return;
  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  row = gtk_list_box_get_row_at_index (list, place.last ? n - 1 : MIN (place.focused, n - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
fill (ClDealWindow *self)
{
  ListPlace qualification = remember_place (self, self->qualification_list);
  ListPlace contacts = remember_place (self, self->contacts_list);
  ClDeal *deal = self->brief->deal;
  g_autofree char *account = cl_text_isolate (deal->account);
  g_autofree char *owner = cl_text_isolate (deal->owner_name);
  g_autofree char *subtitle = NULL, *due = NULL;
  double scrolled = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));

  self->filling = TRUE;
  /* Translators: the deal's account and its owner */
  subtitle = g_strdup_printf (_("%s · %s"), account, owner);
  adw_window_title_set_title (self->window_title, deal->name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), deal->name);

  fill_facts (self);
  fill_flags (self);
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row), deal->next_step ? deal->next_step : "");
  due = deal->next_step_due ? cl_date_format (deal->next_step_due) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  gtk_list_box_bind_model (self->actions_list, self->brief->actions, create_action_row, self, NULL);
  fill_qualification (self);
  restore_place (self->qualification_list, qualification);
  fill_contacts (self);
  restore_place (self->contacts_list, contacts);
  gtk_list_box_bind_model (self->calls_list, self->brief->calls, create_call_row, self, NULL);
  gtk_list_box_bind_model (self->timeline_list, self->brief->timeline, create_timeline_row, self, NULL);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "deal");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), scrolled);
}

static gpointer
read_brief (ClStore   *store,
            gpointer   data,
            GError   **error)
{
  return cl_deal_brief_load (store, *(gint64 *) data, cl_date_today (), error);
}

static void
on_read_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClDealWindow *self = CL_DEAL_WINDOW (source);
  g_autoptr (GError) error = NULL;
  ClDealBrief *brief = cl_store_task_finish (result, &error);

  if (brief == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      cl_status_page_set_plain_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      self->n_reads++;
      return;
    }
  /* the lists bound to the old brief's models are bound anew in fill () */
  g_clear_pointer (&self->brief, cl_deal_brief_free);
  self->brief = brief;
  fill (self);
  self->n_reads++;
}

static void
read_deal (ClDealWindow *self)
{
  cl_store_task_run (self, self->workspace, read_brief, g_memdup2 (&self->deal_id, sizeof self->deal_id),
                     g_free, (GDestroyNotify) cl_deal_brief_free, self->cancellable, on_read_done, NULL);
}

/* ------------------------------------------------------------------ the window */

ClDealWindow *
cl_deal_window_new (GtkWindow  *parent,
                    const char *workspace,
                    gint64      deal_id)
{
  ClDealWindow *self = g_object_new (CL_TYPE_DEAL_WINDOW, "transient-for", parent, NULL);

  self->workspace = g_strdup (workspace);
  self->deal_id = deal_id;
  read_deal (self);
  return self;
}

gint64
cl_deal_window_get_deal_id (ClDealWindow *self)
{
  g_return_val_if_fail (CL_IS_DEAL_WINDOW (self), 0);
  return self->deal_id;
}

const ClDealBrief *
cl_deal_window_get_brief (ClDealWindow *self)
{
  g_return_val_if_fail (CL_IS_DEAL_WINDOW (self), NULL);
  return self->brief;
}

guint
cl_deal_window_get_n_reads (ClDealWindow *self)
{
  g_return_val_if_fail (CL_IS_DEAL_WINDOW (self), 0);
  return self->n_reads;
}

gboolean
cl_deal_window_has_changed (ClDealWindow *self)
{
  g_return_val_if_fail (CL_IS_DEAL_WINDOW (self), FALSE);
  return self->changed;
}

GtkListBox *
cl_deal_window_get_list (ClDealWindow *self,
                         const char   *name)
{
  struct { const char *name; GtkListBox *list; } lists[] = {
    { "flags", self->flags_list }, { "actions", self->actions_list },
    { "qualification", self->qualification_list }, { "contacts", self->contacts_list },
    { "calls", self->calls_list }, { "timeline", self->timeline_list },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_str_equal (lists[i].name, name))
      return lists[i].list;
  g_return_val_if_reached (NULL);
}

void
cl_deal_window_edit_next_step (ClDealWindow *self,
                               const char   *next_step,
                               const char   *due)
{
  g_return_if_fail (CL_IS_DEAL_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row), next_step);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  gtk_widget_activate_action (GTK_WIDGET (self), "deal.save-next-step", NULL);
}

static void
cl_deal_window_dispose (GObject *object)
{
  ClDealWindow *self = CL_DEAL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DEAL_WINDOW);
  g_clear_pointer (&self->brief, cl_deal_brief_free);
  G_OBJECT_CLASS (cl_deal_window_parent_class)->dispose (object);
}

static void
cl_deal_window_finalize (GObject *object)
{
  ClDealWindow *self = CL_DEAL_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->workspace);
  G_OBJECT_CLASS (cl_deal_window_parent_class)->finalize (object);
}

static void
cl_deal_window_class_init (ClDealWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_deal_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = cl_deal_window_finalize;
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/deal/cl-deal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, clamp);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, facts_box);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, flags_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, qualification_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, calls_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealWindow, timeline_list);

  gtk_widget_class_install_action (widget_class, "deal.save-next-step", NULL, save_next_step_action);
  gtk_widget_class_install_action (widget_class, "deal.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "deal.save-next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "deal.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* Wide, the history and the calls sit beside the rest; narrow, below it. */
static void
on_width_changed (ClDealWindow *self)
{
  int width, height;
  gboolean wide;

  /* GTK 4.8 writes both */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  wide = width >= WIDE_WIDTH;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (self->columns, wide);
  adw_clamp_set_maximum_size (self->clamp, wide ? 1400 : 820);
}

static void
cl_deal_window_init (ClDealWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_width_changed), NULL);
  on_width_changed (self);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->next_step_row, "entry-activated", G_CALLBACK (save_next_step), self);
  g_signal_connect_swapped (self->due_row, "entry-activated", G_CALLBACK (save_next_step), self);
  gtk_list_box_set_placeholder (self->actions_list, cl_list_box_placeholder_new (_("No open actions on this deal")));
  gtk_list_box_set_placeholder (self->calls_list, cl_list_box_placeholder_new (_("No calls on this deal yet")));
  gtk_list_box_set_placeholder (self->timeline_list, cl_list_box_placeholder_new (_("No history yet")));
}
