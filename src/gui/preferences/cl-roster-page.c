/* cl-roster-page.c — Preferences → People: the team's roster, where reps
 * are renamed, merged, marked as the manager or as having left
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in a worker thread on a connection of its own (a
 * merge moves a rep's whole history in one transaction), then the roster
 * is read again. A change the workspace refuses comes back as a toast.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-crm-layout.h"
#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-roster-page.h"
#include "cl-store-task.h"
#include "cl-text.h"

struct _ClRosterPage
{
  AdwPreferencesPage parent_instance;

  /* template widgets */
  GtkListBox        *people_list;

  /* owned */
  ClStore           *store;
  GListModel        *people;     /* ClRep, as last read */
  char              *message;
  gboolean           loaded;
  gboolean           busy;       /* a change or a read runs */
};

G_DEFINE_FINAL_TYPE (ClRosterPage, cl_roster_page, ADW_TYPE_PREFERENCES_PAGE)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void load (ClRosterPage *self);

/* ------------------------------------------------------------------ changes */

typedef enum {
  CL_ROSTER_RENAME,
  CL_ROSTER_MERGE,
  CL_ROSTER_MANAGER,
  CL_ROSTER_LEFT,
} ClRosterChangeKind;

typedef struct
{
  ClRosterChangeKind kind;
  gint64             rep_id;
  gint64             into_id;    /* MERGE */
  char              *name;       /* RENAME */
  gboolean           value;      /* MANAGER, LEFT */
} ClRosterChange;

static void
change_free (ClRosterChange *change)
{
  g_free (change->name);
  g_free (change);
}

static gpointer
apply_change (ClStore  *store,
              gpointer  data,
              GError  **error)
{
  ClRosterChange *change = data;
  gboolean ok = FALSE;

  switch (change->kind)
    {
    case CL_ROSTER_RENAME:
      ok = cl_store_rename_rep (store, change->rep_id, change->name, error);
      break;
    case CL_ROSTER_MERGE:
      ok = cl_store_merge_reps (store, change->rep_id, change->into_id, error);
      break;
    case CL_ROSTER_MANAGER:
      ok = cl_store_set_rep_manager (store, change->rep_id, change->value, error);
      break;
    case CL_ROSTER_LEFT:
      ok = cl_store_set_rep_left (store, change->rep_id, change->value, error);
      break;
    }
  return GINT_TO_POINTER (ok);
}

static void
say (ClRosterPage *self,
     const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->message);
  self->message = g_strdup (message);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), cl_toast_new_plain (message));
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ClRosterPage *self = CL_ROSTER_PAGE (source);
  g_autoptr (GError) error = NULL;

  cl_store_task_finish (result, &error);
  if (self->store == NULL)
    return;
  self->busy = FALSE;
  if (error != NULL)
    say (self, error->message);
  else
    g_signal_emit (self, signals[CHANGED], 0);
  /* refused or not, the rows show the workspace as it is */
  load (self);
}

static gboolean
start_change (ClRosterPage   *self,
              ClRosterChange *change)
{
  if (self->store == NULL || self->busy)
    {
      change_free (change);
      return FALSE;
    }
  self->busy = TRUE;
  self->loaded = FALSE;
  g_clear_pointer (&self->message, g_free);
  cl_store_task_run (self, cl_store_get_path (self->store), apply_change, change, (GDestroyNotify) change_free,
                     NULL, NULL, on_changed, NULL);
  return TRUE;
}

static ClRosterChange *
change_new (ClRosterChangeKind kind,
            gint64             rep_id)
{
  ClRosterChange *change = g_new0 (ClRosterChange, 1);

  change->kind = kind;
  change->rep_id = rep_id;
  return change;
}

gboolean
cl_roster_page_rename (ClRosterPage *self,
                       gint64        rep_id,
                       const char   *name)
{
  ClRosterChange *change = change_new (CL_ROSTER_RENAME, rep_id);

  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), FALSE);
  change->name = g_strdup (name);
  return start_change (self, change);
}

gboolean
cl_roster_page_merge (ClRosterPage *self,
                      gint64        from_id,
                      gint64        into_id)
{
  ClRosterChange *change = change_new (CL_ROSTER_MERGE, from_id);

  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), FALSE);
  change->into_id = into_id;
  return start_change (self, change);
}

gboolean
cl_roster_page_set_manager (ClRosterPage *self,
                            gint64        rep_id,
                            gboolean      is_manager)
{
  ClRosterChange *change = change_new (CL_ROSTER_MANAGER, rep_id);

  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), FALSE);
  change->value = is_manager;
  return start_change (self, change);
}

gboolean
cl_roster_page_set_left (ClRosterPage *self,
                         gint64        rep_id,
                         gboolean      has_left)
{
  ClRosterChange *change = change_new (CL_ROSTER_LEFT, rep_id);

  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), FALSE);
  change->value = has_left;
  return start_change (self, change);
}

/* ------------------------------------------------------------------ the rows' signals */

static ClRep *
rep_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "rep");
}

static void
on_name_applied (AdwEntryRow  *row,
                 ClRosterPage *self)
{
  cl_roster_page_rename (self, rep_of (row)->id, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_flag_toggled (GtkSwitch    *toggle,
                 GParamSpec   *pspec,
                 ClRosterPage *self)
{
  ClRep *rep = rep_of (toggle);
  gboolean active = gtk_switch_get_active (toggle);

  if (g_object_get_data (G_OBJECT (toggle), "left") != NULL)
    {
      if (active != rep->has_left)
        cl_roster_page_set_left (self, rep->id, active);
    }
  else if (active != rep->is_manager)
    cl_roster_page_set_manager (self, rep->id, active);
}

/* The rep chosen in a "Merge into" row, or NULL. */
static ClRep *
merge_target (ClRosterPage *self,
              AdwComboRow  *row)
{
  GListModel *others = g_object_get_data (G_OBJECT (row), "others");
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (others, selected - 1);
}

static void
on_target_selected (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    GtkWidget    *button)
{
  gtk_widget_set_sensitive (button, adw_combo_row_get_selected (row) > 0);
}

static void
on_merge_answered (AdwMessageDialog *dialog,
                   const char       *response,
                   ClRosterPage     *self)
{
  ClRep *from = g_object_get_data (G_OBJECT (dialog), "from");
  ClRep *into = g_object_get_data (G_OBJECT (dialog), "into");

  if (g_str_equal (response, "merge"))
    cl_roster_page_merge (self, from->id, into->id);
}

static void
on_merge_clicked (GtkButton    *button,
                  ClRosterPage *self)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (button), "combo");
  ClRep *from = rep_of (button);
  g_autoptr (ClRep) into = merge_target (self, row);
  g_autofree char *gone = NULL, *kept = NULL, *heading = NULL, *body = NULL;
  AdwMessageDialog *dialog;

  if (into == NULL)
    return;
  gone = cl_text_isolate (from->name);
  kept = cl_text_isolate (into->name);
  /* Translators: the rep merged, then the rep who stays */
  heading = g_strdup_printf (_("Merge %s into %s?"), gone, kept);
  body = g_strdup_printf (_("Every deal, action, call, coaching session, plan, drill and 1:1 of %1$s becomes "
                            "%2$s's, and %1$s leaves the roster; imports that still say %1$s find %2$s."),
                          gone, kept);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "from", g_object_ref (from), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "into", g_steal_pointer (&into), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ the rows */

static void
attach_rep (gpointer  widget,
            ClRep    *rep)
{
  g_object_set_data_full (G_OBJECT (widget), "rep", g_object_ref (rep), g_object_unref);
}

/* What the roster says of @rep, or NULL when nothing. */
static char *
describe (ClRep *rep)
{
  GString *text = g_string_new (NULL);

  if (rep->is_manager)
    g_string_append (text, _("The manager"));
  if (rep->has_left)
    g_string_append_printf (text, "%s%s", text->len ? cl_text_parts_separator () : "", _("Left the team"));
  if (cl_crm_looks_like_id (rep->name))
    g_string_append_printf (text, "%s%s", text->len ? cl_text_parts_separator () : "", _("Named by a CRM id: give them their name"));
  if (text->len == 0)
    return g_string_free (text, TRUE);
  return g_string_free (text, FALSE);
}

static GtkWidget *
flag_row (ClRosterPage *self,
          ClRep        *rep,
          const char   *title,
          const char   *subtitle,
          gboolean      active,
          gboolean      left)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  attach_rep (toggle, rep);
  if (left)
    g_object_set_data (G_OBJECT (toggle), "left", GINT_TO_POINTER (TRUE));
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_flag_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

/* "Merge into": everyone else, and the button that asks before merging. */
static GtkWidget *
merge_row (ClRosterPage *self,
           ClRep        *rep)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Merge…"));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GListStore) others = g_list_store_new (CL_TYPE_REP);

  gtk_string_list_append (names, _("No one"));
  for (guint i = 0; i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr (ClRep) other = g_list_model_get_item (self->people, i);

      if (other->id == rep->id)
        continue;
      gtk_string_list_append (names, other->name);
      g_list_store_append (others, other);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Merge into"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_object_set_data_full (G_OBJECT (row), "others", g_steal_pointer (&others), g_object_unref);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, FALSE);
  attach_rep (button, rep);
  g_object_set_data (G_OBJECT (button), "combo", row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_target_selected), button);
  g_signal_connect (button, "clicked", G_CALLBACK (on_merge_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
person_row (ClRosterPage *self,
            ClRep        *rep)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  g_autofree char *described = describe (rep);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), rep->name);
  if (described != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), described);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name), rep->name);
  attach_rep (name, rep);
  g_signal_connect (name, "apply", G_CALLBACK (on_name_applied), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            flag_row (self, rep, _("The manager"), _("Plans for the others; not counted as a rep"),
                                      rep->is_manager, FALSE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            flag_row (self, rep, _("Left the team"),
                                      _("Kept with their history; no longer counted in loop health or open actions"),
                                      rep->has_left, TRUE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), merge_row (self, rep));
  return expander;
}

static void
show_people (ClRosterPage *self)
{
  cl_list_box_remove_rows (self->people_list);
  for (guint i = 0; self->people != NULL && i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (self->people, i);

      gtk_list_box_append (self->people_list, person_row (self, rep));
    }
}

/* ------------------------------------------------------------------ loading */

static gpointer
read_roster (ClStore  *store,
             gpointer  data,
             GError  **error)
{
  return cl_store_list_reps (store, error);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClRosterPage *self = CL_ROSTER_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) people = cl_store_task_finish (result, &error);

  if (self->store == NULL)
    return;
  self->busy = FALSE;
  if (people == NULL)
    {
      say (self, error->message);
      return;
    }
  g_set_object (&self->people, people);
  show_people (self);
  self->loaded = TRUE;
}

static void
load (ClRosterPage *self)
{
  self->busy = TRUE;
  self->loaded = FALSE;
  cl_store_task_run (self, cl_store_get_path (self->store), read_roster, NULL, NULL, g_object_unref, NULL,
                     on_loaded, NULL);
}

void
cl_roster_page_set_store (ClRosterPage *self,
                          ClStore      *store)
{
  g_return_if_fail (CL_IS_ROSTER_PAGE (self));
  g_set_object (&self->store, store);
  load (self);
}

gboolean
cl_roster_page_is_loaded (ClRosterPage *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), FALSE);
  return self->loaded && !self->busy;
}

guint
cl_roster_page_get_n_people (ClRosterPage *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), 0);
  return self->people ? g_list_model_get_n_items (self->people) : 0;
}

const char *
cl_roster_page_get_message (ClRosterPage *self)
{
  g_return_val_if_fail (CL_IS_ROSTER_PAGE (self), NULL);
  return self->message;
}

/* ------------------------------------------------------------------ class */

static void
cl_roster_page_dispose (GObject *object)
{
  ClRosterPage *self = CL_ROSTER_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->people);
  g_clear_pointer (&self->message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_ROSTER_PAGE);
  G_OBJECT_CLASS (cl_roster_page_parent_class)->dispose (object);
}

static void
cl_roster_page_class_init (ClRosterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_roster_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/preferences/cl-roster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClRosterPage, people_list);
  /* a rep was renamed, merged, or marked: what the views count changed */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
cl_roster_page_init (ClRosterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->people_list, cl_list_box_placeholder_new (_("No one on the team yet")));
}
