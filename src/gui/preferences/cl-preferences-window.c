/* cl-preferences-window.c — the team's thresholds and currency, its people,
 * its sales process, its call scorecard and its development skills
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is saved at once; a change the workspace refuses (a stage
 * that still holds deals, a duplicate name) comes back as a toast. A stage's
 * stall threshold and the key-deal amount are worked out from the team's
 * deals until the team sets its own, and go back to that with one button.
 * The Sharing page chooses the team folder and says who the workspace's
 * owner is: their name and role.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-action-load.h"
#include "cl-coaching.h"
#include "cl-export.h"
#include "cl-file-chooser.h"
#include "cl-flags.h"
#include "cl-identity.h"
#include "cl-plain-text.h"
#include "cl-pipeline.h"
#include "cl-preferences-window.h"
#include "cl-roster-page.h"
#include "cl-store-task.h"
#include "cl-team-folder.h"
#include "cl-text.h"

/* The rows of one of the team's lists, and the row that adds to it. */
typedef struct
{
  AdwPreferencesGroup *group;
  AdwEntryRow         *new_row;
  GPtrArray           *rows;
} ClListEditor;

struct _ClPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSpinButton       *stalled_spin;
  GtkSpinButton       *window_spin;
  GtkSpinButton       *agenda_spin;
  GtkSpinButton       *cap_spin;
  AdwActionRow        *key_amount_row;
  GtkSpinButton       *key_amount_spin;
  GtkWidget           *key_amount_reset;
  GtkSpinButton       *critical_spin;
  GtkSpinButton       *flag_count_spin;
  AdwPreferencesGroup *stages_group;
  AdwPreferencesGroup *scorecard_group;
  AdwEntryRow         *new_item_row;
  AdwPreferencesGroup *skills_group;
  AdwEntryRow         *new_skill_row;
  AdwActionRow        *team_folder_row;
  AdwEntryRow         *owner_name_row;
  AdwComboRow         *owner_role_row;
  AdwActionRow        *publish_as_row;
  AdwEntryRow         *currency_row;
  ClRosterPage        *roster_page;

  ClStore             *store;
  ClStoreQueue        *queue;         /* thresholds and stages, read and written in turn by workers */
  GPtrArray           *stage_rows;
  ClListEditor         lists[CL_N_TEAM_LISTS];
};

G_DEFINE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { TEAM_FOLDER_CHANGED, IDENTITY_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
report (ClPreferencesWindow *self,
        const GError        *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), cl_toast_new_plain (error->message));
}

/* Takes @rows, the rows a rebuild added, out of @group. */
static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* ------------------------------------------------------------------ writes, in the window's turn */

static void rebuild_stages (ClPreferencesWindow *self);

typedef enum {
  WRITE_SETTING,       /* @setting takes @value */
  WRITE_CLEAR,         /* @setting goes back to its working out */
  WRITE_STAGE,         /* @stage as edited */
  WRITE_MOVE_STAGE,    /* @stage to @position (from 0) */
  WRITE_DELETE_STAGE,  /* @stage */
  WRITE_ADD_STAGE,     /* a stage after the last */
  WRITE_RENAME_ITEM,   /* @list's item @item_id takes @label */
  WRITE_MOVE_ITEM,     /* @list's item @item_id to @position (from 0) */
  WRITE_REMOVE_ITEM,   /* @list's item @item_id, labelled @label, retired */
  WRITE_RESTORE_ITEM,  /* @list's item @item_id back */
  WRITE_ADD_ITEM,      /* @label, a new item at the end of @list */
} WriteKind;

/* A change of Preferences, written by a worker on a copy of what it
 * names: the window goes on editing its own. */
typedef struct
{
  WriteKind   kind;
  const char *setting;
  gint64      value;
  ClStage    *stage;
  int         position;
  ClTeamList  list;
  gint64      item_id;
  char       *label;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->stage);
  g_free (write->label);
  g_free (write);
}

static gboolean
add_stage_in_worker (ClStore  *store,
                     GError  **error)
{
  g_autoptr (GListModel) stages = cl_store_list_stages (store, error);
  guint n = stages ? g_list_model_get_n_items (stages) : 0;
  g_autofree char *name = g_strdup_printf (_("New stage %u"), n + 1);
  g_autoptr (ClStage) stage = cl_stage_new (name, n + 1, 50);

  return stages != NULL && cl_store_add_stage (store, stage, error);
}

static gpointer
write_in_worker (ClStore  *store,
                 gpointer  data,
                 GError  **error)
{
  Write *write = data;
  gboolean written = FALSE;

  switch (write->kind)
    {
    case WRITE_SETTING:
      written = cl_store_set_setting_int (store, write->setting, write->value, error);
      break;
    case WRITE_CLEAR:
      written = cl_store_clear_setting (store, write->setting, error);
      break;
    case WRITE_STAGE:
      written = cl_store_update_stage (store, write->stage, error);
      break;
    case WRITE_MOVE_STAGE:
      written = cl_store_move_stage (store, write->stage->id, write->position, error);
      break;
    case WRITE_DELETE_STAGE:
      written = cl_store_delete_stage (store, write->stage, error);
      break;
    case WRITE_ADD_STAGE:
      /* a name already taken, or a position: said, and the list left as it was */
      written = add_stage_in_worker (store, error);
      break;
    case WRITE_RENAME_ITEM:
      written = cl_store_rename_team_list_item (store, write->list, write->item_id, write->label, error);
      break;
    case WRITE_MOVE_ITEM:
      written = cl_store_move_team_list_item (store, write->list, write->item_id, write->position, error);
      break;
    case WRITE_REMOVE_ITEM:
    case WRITE_RESTORE_ITEM:
      written = cl_store_retire_team_list_item (store, write->list, write->item_id,
                                                write->kind == WRITE_REMOVE_ITEM, error);
      break;
    case WRITE_ADD_ITEM:
      written = cl_store_add_team_list_item (store, write->list, write->label, error) != 0;
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return written ? write : NULL;
}

static void said_removed (ClPreferencesWindow *self,
                          Write               *removed);
static void rebuild_list (ClPreferencesWindow *self,
                          ClTeamList           list);

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  Write *asked = cl_store_task_get_data (result);
  g_autoptr (GError) error = NULL;

  if (cl_store_task_finish (result, &error) != NULL)
    {
      if (asked->kind == WRITE_REMOVE_ITEM)
        said_removed (self, asked);
      else if (asked->kind == WRITE_ADD_ITEM)
        cl_editable_clear_sent (GTK_EDITABLE (self->lists[asked->list].new_row), asked->label);
      return;
    }
  report (self, error);
  /* an edit refused: the rows as the store has them */
  if (asked->kind == WRITE_STAGE)
    rebuild_stages (self);
  else if (asked->kind == WRITE_RENAME_ITEM)
    rebuild_list (self, asked->list);
}

/* Writes @kind of change in the window's turn; @stage, unless NULL, is
 * copied. */
static void
run_write (ClPreferencesWindow *self,
           WriteKind            kind,
           const char          *setting,
           gint64               value,
           ClStage             *stage)
{
  Write *write = g_new0 (Write, 1);

  write->kind = kind;
  write->setting = setting;
  write->value = value;
  write->stage = stage ? cl_stage_copy (stage) : NULL;
  write->position = (int) value;
  cl_store_queue_run (self->queue, write_in_worker, write, (GDestroyNotify) write_free, NULL, on_written);
}

/* Writes @kind of change to @list's item @item_id (0 for a new one), in
 * the window's turn, then reads @list again. */
static void
run_item_write (ClPreferencesWindow *self,
                WriteKind            kind,
                ClTeamList           list,
                gint64               item_id,
                int                  position,
                const char          *label)
{
  Write *write = g_new0 (Write, 1);

  write->kind = kind;
  write->list = list;
  write->item_id = item_id;
  write->position = position;
  write->label = g_strdup (label);
  cl_store_queue_run (self->queue, write_in_worker, write, (GDestroyNotify) write_free, NULL, on_written);
  /* a rename leaves the rows as typed, unless refused */
  if (kind != WRITE_RENAME_ITEM)
    rebuild_list (self, list);
}

/* ------------------------------------------------------------------ thresholds */

static void
on_threshold_changed (GtkSpinButton       *spin,
                      ClPreferencesWindow *self)
{
  const char *setting = g_object_get_data (G_OBJECT (spin), "setting");

  run_write (self, WRITE_SETTING, setting, gtk_spin_button_get_value_as_int (spin), NULL);
  /* the stages without a threshold of their own show the team's */
  if (g_str_equal (setting, CL_SETTING_STALLED_DAYS))
    rebuild_stages (self);
}

/* Shows a value worked out until the team sets its own: @spin shows the
 * value in force without saving it again, @why says where it comes from,
 * and @reset, which gives it back to the working out, shows for the team's
 * own value only. */
static void
show_automatic (ClPreferencesWindow *self,
                AdwActionRow        *row,
                GtkSpinButton       *spin,
                GtkWidget           *reset,
                gint64               value,
                gboolean             automatic,
                const char          *why)
{
  guint changed = g_signal_lookup ("value-changed", GTK_TYPE_SPIN_BUTTON);

  /* GLib matches no handler by its signal alone: ours are self's */
  g_signal_handlers_block_matched (spin, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, changed, 0, NULL, NULL, self);
  gtk_spin_button_set_value (spin, value);
  g_signal_handlers_unblock_matched (spin, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, changed, 0, NULL, NULL, self);
  gtk_widget_set_visible (reset, !automatic);
  adw_action_row_set_subtitle (row, why);
}

/* What the key-deal amount row says, as a worker reads it: the amount in
 * force, and the open deals' amounts it is worked out from. */
typedef struct
{
  ClCoachingSettings coaching;
  char              *currency;
  gint64             top;        /* the smallest amount of the largest open deals */
} KeyAmountRead;

static void
key_amount_read_clear (KeyAmountRead *read)
{
  g_free (read->currency);
}

static void
key_amount_read_free (KeyAmountRead *read)
{
  key_amount_read_clear (read);
  g_free (read);
}

static void
fill_key_amount (ClStore       *store,
                 KeyAmountRead *read)
{
  read->currency = cl_store_get_currency (store);
  read->top = cl_store_top_open_amount (store, CL_KEY_DEAL_TOP_PERCENT, NULL);
  cl_coaching_settings_load (&read->coaching, store);
}

static gpointer
read_key_amount (ClStore  *store,
                 gpointer  data,
                 GError  **error)
{
  KeyAmountRead *read = g_new0 (KeyAmountRead, 1);

  fill_key_amount (store, read);
  return read;
}

static void
show_key_amount (ClPreferencesWindow *self,
                 KeyAmountRead       *read)
{
  g_autofree char *rule = NULL, *why = NULL;

  if (read->top > 0)
    {
      g_autofree char *from = cl_money_format (read->top / 100 * 100, read->currency);

      /* Translators: a share of the open deals, then the amount it starts from */
      rule = g_strdup_printf (_("the largest %d %% of open deals, now from %s"), CL_KEY_DEAL_TOP_PERCENT, from);
    }
  else
    rule = g_strdup_printf (_("the largest %d %% of open deals, once deals are open"), CL_KEY_DEAL_TOP_PERCENT);
  /* Translators: how the key-deal amount is worked out, "the largest 10 % of open deals…" */
  why = read->coaching.key_deal_automatic ? g_strdup_printf (_("Automatic: %s"), rule)
                                          /* Translators: how the key-deal amount would be worked out */
                                          : g_strdup_printf (_("Set by the team; automatic would be %s"), rule);
  show_automatic (self, self->key_amount_row, self->key_amount_spin, self->key_amount_reset,
                  read->coaching.key_deal_amount, read->coaching.key_deal_automatic, why);
}

static void
on_key_amount_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  KeyAmountRead *read = cl_store_task_finish (result, &error);

  show_key_amount (CL_PREFERENCES_WINDOW (source), read);
  key_amount_read_free (read);
}

/* The key-deal amount read again: it scans the open deals, in a worker. */
static void
reread_key_amount (ClPreferencesWindow *self)
{
  cl_store_queue_run (self->queue, read_key_amount, NULL, NULL, (GDestroyNotify) key_amount_read_free,
                      on_key_amount_read);
}

static void
on_key_amount_changed (GtkSpinButton       *spin,
                       ClPreferencesWindow *self)
{
  run_write (self, WRITE_SETTING, CL_SETTING_KEY_DEAL_AMOUNT, (gint64) gtk_spin_button_get_value (spin), NULL);
  reread_key_amount (self);
}

static void
reset_key_amount (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (widget);

  run_write (self, WRITE_CLEAR, CL_SETTING_KEY_DEAL_AMOUNT, 0, NULL);
  reread_key_amount (self);
}

void
cl_preferences_window_set_key_deal_amount (ClPreferencesWindow *self,
                                           gint64               amount)
{
  g_return_if_fail (CL_IS_PREFERENCES_WINDOW (self));

  if (amount < 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "preferences.reset-key-amount", NULL);
  else
    gtk_spin_button_set_value (self->key_amount_spin, amount);
}

const char *
cl_preferences_window_get_key_deal_text (ClPreferencesWindow *self)
{
  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), NULL);

  return adw_action_row_get_subtitle (self->key_amount_row);
}

/* Shows @value in @spin, and saves it under @setting as it changes. */
static void
bind_threshold (ClPreferencesWindow *self,
                GtkSpinButton       *spin,
                const char          *setting,
                gint64               value)
{
  gtk_spin_button_set_value (spin, value);
  g_object_set_data (G_OBJECT (spin), "setting", (gpointer) setting);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_threshold_changed), self);
}

/* The thresholds as a worker reads them as the window opens, with the
 * key-deal amount: its coaching settings are the coaching thresholds'. */
typedef struct
{
  ClFlagSettings flags;
  int            agenda_size;
  int            actions_cap;
  KeyAmountRead  key;
} ThresholdsRead;

static void
thresholds_read_free (ThresholdsRead *read)
{
  key_amount_read_clear (&read->key);
  g_free (read);
}

static gpointer
read_thresholds (ClStore  *store,
                 gpointer  data,
                 GError  **error)
{
  ThresholdsRead *read = g_new0 (ThresholdsRead, 1);

  cl_flag_settings_load (&read->flags, store);
  read->agenda_size = cl_pipeline_agenda_size_load (store);
  read->actions_cap = cl_action_cap_load (store);
  fill_key_amount (store, &read->key);
  return read;
}

static void
on_thresholds_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  ThresholdsRead *read = cl_store_task_finish (result, NULL);

  bind_threshold (self, self->stalled_spin, CL_SETTING_STALLED_DAYS, read->flags.stalled_days);
  bind_threshold (self, self->window_spin, CL_SETTING_FLAG_WINDOW_DAYS, read->flags.window_days);
  bind_threshold (self, self->agenda_spin, CL_SETTING_AGENDA_SIZE, read->agenda_size);
  bind_threshold (self, self->cap_spin, CL_SETTING_OPEN_ACTIONS_CAP, read->actions_cap);
  bind_threshold (self, self->critical_spin, CL_SETTING_CRITICAL_PROBABILITY,
                  read->key.coaching.critical_probability);
  bind_threshold (self, self->flag_count_spin, CL_SETTING_COACHING_FLAG_COUNT, read->key.coaching.flag_count);
  show_key_amount (self, &read->key);
  thresholds_read_free (read);
}

/* The thresholds and the key-deal amount, read by a worker; each spin
 * saves once it shows the value read. */
static void
load_thresholds (ClPreferencesWindow *self)
{
  cl_store_queue_run (self->queue, read_thresholds, NULL, NULL, (GDestroyNotify) thresholds_read_free,
                      on_thresholds_read);
  g_signal_connect (self->key_amount_spin, "value-changed", G_CALLBACK (on_key_amount_changed), self);
}

/* ------------------------------------------------------------------ the workspace's currency */

static gpointer
read_currency (ClStore  *store,
               gpointer  data,
               GError  **error)
{
  return cl_store_get_currency (store);
}

static gpointer
write_currency (ClStore  *store,
                gpointer  code,
                GError  **error)
{
  return cl_store_set_currency (store, code, error) ? cl_store_get_currency (store) : NULL;
}

static void
on_currency (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *currency = cl_store_task_finish (result, &error);

  /* the window closed while the worker ran */
  if (self->store == NULL)
    return;
  if (error != NULL)
    {
      report (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency ? currency : "");
}

gboolean
cl_preferences_window_set_currency (ClPreferencesWindow *self,
                                    const char          *code)
{
  g_autofree char *upper = g_strstrip (g_ascii_strup (code, -1));

  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), FALSE);
  cl_store_task_run (self, cl_store_get_path (self->store), write_currency, g_steal_pointer (&upper), g_free, g_free,
                     NULL, on_currency, NULL);
  return TRUE;
}

const char *
cl_preferences_window_get_currency (ClPreferencesWindow *self)
{
  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->currency_row));
}

static void
on_currency_applied (AdwEntryRow         *row,
                     ClPreferencesWindow *self)
{
  cl_preferences_window_set_currency (self, gtk_editable_get_text (GTK_EDITABLE (row)));
}

ClRosterPage *
cl_preferences_window_get_roster_page (ClPreferencesWindow *self)
{
  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->roster_page;
}

/* ------------------------------------------------------------------ stages */

static ClStage *
stage_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "stage");
}

static void
attach_stage (gpointer  widget,
              ClStage  *stage)
{
  g_object_set_data_full (G_OBJECT (widget), "stage", g_object_ref (stage), g_object_unref);
}

static char *
describe_stage (ClStage *stage)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("%d%% probability"), stage->probability);
  for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
    if (stage->required_meddic & (1u << e))
      g_string_append_printf (text, " · %s", cl_meddic_label (e));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Saves @stage, written by a worker; the expander row shows the new title
 * and summary at once. A change refused is said, and the rows made again
 * from the store. */
static void
save_stage (ClPreferencesWindow *self,
            ClStage             *stage,
            AdwExpanderRow      *row)
{
  g_autofree char *summary = describe_stage (stage);

  run_write (self, WRITE_STAGE, NULL, 0, stage);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stage->name);
  adw_expander_row_set_subtitle (row, summary);
}

/* The name or the exit criteria, whichever entry was applied. */
static void
on_text_applied (AdwEntryRow         *entry,
                 ClPreferencesWindow *self)
{
  ClStage *stage = stage_of (entry);
  char **field = g_object_get_data (G_OBJECT (entry), "criteria") ? &stage->exit_criteria
                                                                   : &stage->name;

  cl_record_set_text (field, gtk_editable_get_text (GTK_EDITABLE (entry)));
  save_stage (self, stage, g_object_get_data (G_OBJECT (entry), "expander"));
}

static void
on_probability_changed (GtkSpinButton       *spin,
                        ClPreferencesWindow *self)
{
  ClStage *stage = stage_of (spin);

  stage->probability = gtk_spin_button_get_value_as_int (spin);
  save_stage (self, stage, g_object_get_data (G_OBJECT (spin), "expander"));
}

static void
on_requirement_toggled (GtkSwitch           *toggle,
                        GParamSpec          *pspec,
                        ClPreferencesWindow *self)
{
  ClStage *stage = stage_of (toggle);
  guint bit = 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "element"));

  stage->required_meddic = gtk_switch_get_active (toggle) ? stage->required_meddic | bit
                                                          : stage->required_meddic & ~bit;
  save_stage (self, stage, g_object_get_data (G_OBJECT (toggle), "expander"));
}

/* Where @stall's threshold comes from, for the row that edits it. */
static char *
describe_stall (const ClStallThreshold *stall)
{
  switch (stall->source)
    {
    case CL_STALL_FROM_STAGE:
      if (stall->learned_days > 0)
        /* Translators: the days a deal may sit in a stage that its won deals would give */
        return g_strdup_printf (_("Set for this stage; learned from won deals, it would be %d"),
                                stall->learned_days);
      return g_strdup (_("Set for this stage"));
    case CL_STALL_FROM_HISTORY:
      /* Translators: a factor such as 1.5, the median days won deals spent in the stage, the floor in days */
      return g_strdup_printf (_("Learned: %g × the median %d days won deals spent here, never under %d"),
                              CL_STALL_FACTOR, stall->median_days, CL_STALL_FLOOR_DAYS);
    case CL_STALL_FROM_TEAM:
      break;
    }
  /* Translators: stays of won deals in the stage known, and how many it takes to learn from */
  return g_strdup_printf (_("The team’s “Stalled after”, until won deals teach this stage’s pace (%u of %d stays)"),
                          stall->n_stays, CL_STALL_MIN_WON);
}

/* Shows the threshold in force for the row's stage, @own_days when it has
 * its own (> 0). */
static void
show_stall (ClPreferencesWindow *self,
            GtkSpinButton       *spin,
            int                  own_days)
{
  ClStallThreshold *stall = g_object_get_data (G_OBJECT (spin), "stall");
  g_autofree char *why = NULL;

  cl_stall_threshold_apply (stall, own_days);
  why = describe_stall (stall);
  show_automatic (self, g_object_get_data (G_OBJECT (spin), "row"), spin,
                  g_object_get_data (G_OBJECT (spin), "reset"),
                  stall->days > 0 ? stall->days : gtk_spin_button_get_value_as_int (self->stalled_spin),
                  stall->source != CL_STALL_FROM_STAGE, why);
}

static void
save_stalled_days (ClPreferencesWindow *self,
                   GtkSpinButton       *spin,
                   int                  own_days)
{
  ClStage *stage = stage_of (spin);

  stage->stalled_days = own_days;
  save_stage (self, stage, g_object_get_data (G_OBJECT (spin), "expander"));
  show_stall (self, spin, own_days);
}

static void
on_stalled_days_changed (GtkSpinButton       *spin,
                         ClPreferencesWindow *self)
{
  save_stalled_days (self, spin, gtk_spin_button_get_value_as_int (spin));
}

static void
on_stall_reset_clicked (GtkButton           *button,
                        ClPreferencesWindow *self)
{
  save_stalled_days (self, g_object_get_data (G_OBJECT (button), "spin"), 0);
}

static void
on_move_clicked (GtkButton           *button,
                 ClPreferencesWindow *self)
{
  ClStage *stage = stage_of (button);
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));

  if (stage->position + step < 1)
    return;
  run_write (self, WRITE_MOVE_STAGE, NULL, stage->position - 1 + step, stage);
  rebuild_stages (self);
}

static void
on_delete_clicked (GtkButton           *button,
                   ClPreferencesWindow *self)
{
  run_write (self, WRITE_DELETE_STAGE, NULL, 0, stage_of (button));
  rebuild_stages (self);
}

static GtkWidget *
icon_button (ClStage    *stage,
             const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  attach_stage (button, stage);
  return button;
}

static GtkWidget *
entry_row (ClPreferencesWindow *self,
           ClStage             *stage,
           GtkWidget           *expander,
           const char          *title,
           const char          *text,
           gboolean             criteria)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  attach_stage (row, stage);
  g_object_set_data (G_OBJECT (row), "expander", expander);
  g_object_set_data (G_OBJECT (row), "criteria", GINT_TO_POINTER (criteria));
  g_signal_connect (row, "apply", G_CALLBACK (on_text_applied), self);
  return row;
}

/* The row of a stage's stall threshold: its own, or learned (@stall). */
static GtkWidget *
stall_row (ClPreferencesWindow    *self,
           ClStage                *stage,
           GtkWidget              *expander,
           const ClStallThreshold *stall)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 3650, 1);
  GtkWidget *reset = icon_button (stage, "edit-undo-symbolic", _("Learn From Won Deals"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Stalled after (days)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  attach_stage (spin, stage);
  g_object_set_data (G_OBJECT (spin), "expander", expander);
  g_object_set_data (G_OBJECT (spin), "row", row);
  g_object_set_data (G_OBJECT (spin), "reset", reset);
  g_object_set_data_full (G_OBJECT (spin), "stall", g_memdup2 (stall, sizeof *stall), g_free);
  g_object_set_data (G_OBJECT (reset), "spin", spin);
  g_object_set_data (G_OBJECT (expander), "stall-spin", spin);
  g_signal_connect (reset, "clicked", G_CALLBACK (on_stall_reset_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  show_stall (self, GTK_SPIN_BUTTON (spin), stage->stalled_days);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_stalled_days_changed), self);
  return row;
}

static GtkWidget *
stage_row (ClPreferencesWindow    *self,
           ClStage                *stage,
           const ClStallThreshold *stall)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *summary = describe_stage (stage);
  GtkWidget *up = icon_button (stage, "go-up-symbolic", _("Move Up"));
  GtkWidget *down = icon_button (stage, "go-down-symbolic", _("Move Down"));
  GtkWidget *remove = icon_button (stage, "user-trash-symbolic", _("Remove Stage"));
  GtkWidget *probability = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), stage->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
  g_object_set_data (G_OBJECT (up), "step", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "step", GINT_TO_POINTER (1));
  g_signal_connect (up, "clicked", G_CALLBACK (on_move_clicked), self);
  g_signal_connect (down, "clicked", G_CALLBACK (on_move_clicked), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), up);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), down);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            entry_row (self, stage, expander, _("Name"), stage->name, FALSE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (probability), _("Probability (%)"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), stage->probability);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  attach_stage (spin, stage);
  g_object_set_data (G_OBJECT (spin), "expander", expander);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_probability_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (probability), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (probability), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), probability);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), stall_row (self, stage, expander, stall));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            entry_row (self, stage, expander, _("Exit criteria"),
                                       stage->exit_criteria, TRUE));

  for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *title = g_strdup_printf (_("Requires %s"), cl_meddic_label (e));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_switch_set_active (GTK_SWITCH (toggle), (stage->required_meddic & (1u << e)) != 0);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      attach_stage (toggle, stage);
      g_object_set_data (G_OBJECT (toggle), "expander", expander);
      g_object_set_data (G_OBJECT (toggle), "element", GUINT_TO_POINTER (e));
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_requirement_toggled), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  return expander;
}

static gpointer
read_process (ClStore  *store,
              gpointer  data,
              GError  **error)
{
  return cl_process_load (store, cl_date_today (), error);
}

static void
on_process_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClProcess) process = cl_store_task_finish (result, &error);

  remove_rows (self->stages_group, self->stage_rows);
  if (process == NULL)
    {
      report (self, error);
      return;
    }
  for (guint i = 0; i < process->stages->len; i++)
    {
      GtkWidget *row = stage_row (self, g_ptr_array_index (process->stages, i), &process->stall[i]);

      adw_preferences_group_add (self->stages_group, row);
      g_ptr_array_add (self->stage_rows, row);
    }
}

/* The stages' rows made again from the store. The sales process is read
 * by a worker: learning each stage's pace reads the won deals' history. */
static void
rebuild_stages (ClPreferencesWindow *self)
{
  cl_store_queue_run (self->queue, read_process, NULL, NULL, (GDestroyNotify) cl_process_free, on_process_read);
}

void
cl_preferences_window_set_stalled_days (ClPreferencesWindow *self,
                                        gint64               stage_id,
                                        int                  days)
{
  g_return_if_fail (CL_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < self->stage_rows->len; i++)
    {
      GtkWidget *expander = g_ptr_array_index (self->stage_rows, i);
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (expander), "stall-spin");

      if (stage_of (spin)->id != stage_id)
        continue;
      if (days > 0)
        gtk_spin_button_set_value (spin, days);
      else
        save_stalled_days (self, spin, 0);
    }
}

const char *
cl_preferences_window_get_stall_text (ClPreferencesWindow *self,
                                      gint64               stage_id)
{
  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < self->stage_rows->len; i++)
    {
      GtkSpinButton *spin = g_object_get_data (g_ptr_array_index (self->stage_rows, i), "stall-spin");

      if (stage_of (spin)->id == stage_id)
        return adw_action_row_get_subtitle (g_object_get_data (G_OBJECT (spin), "row"));
    }
  return NULL;
}

gboolean
cl_preferences_window_is_busy (ClPreferencesWindow *self)
{
  return cl_store_queue_is_busy (self->queue);
}

static void
add_stage (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (widget);

  run_write (self, WRITE_ADD_STAGE, NULL, 0, NULL);
  rebuild_stages (self);
}

/* ------------------------------------------------------------------ the team's lists */

static gint64
item_id_of (gpointer widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "item-id");
}

static ClTeamList
list_of (gpointer widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "team-list"));
}

static void
attach_item (gpointer    widget,
             ClTeamList  list,
             gint64      id)
{
  g_object_set_data_full (G_OBJECT (widget), "item-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (widget), "team-list", GINT_TO_POINTER (list));
}

static void
on_item_renamed (AdwEntryRow         *row,
                 ClPreferencesWindow *self)
{
  run_item_write (self, WRITE_RENAME_ITEM, list_of (row), item_id_of (row), 0,
                  gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_item_move_clicked (GtkButton           *button,
                      ClPreferencesWindow *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));

  if (index >= 0)
    run_item_write (self, WRITE_MOVE_ITEM, list_of (button), item_id_of (button), index, NULL);
}

/* An item removed: the toast says which, and takes it back. */
static void
said_removed (ClPreferencesWindow *self,
              Write               *removed)
{
  g_autofree char *item = cl_text_isolate (removed->label);
  g_autofree char *title = g_strdup_printf (removed->list == CL_TEAM_LIST_SCORECARD
                                            ? _("“%s” removed from the scorecard")
                                            : _("“%s” removed from the skills"), item);
  AdwToast *toast = cl_toast_new_plain (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "preferences.restore-team-list-item");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ix)", removed->list, removed->item_id));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Removes @list's item @item_id, labelled @label, written by a worker; a
 * toast offers it back once it is. */
void
cl_preferences_window_remove_team_list_item (ClPreferencesWindow *self,
                                             ClTeamList           list,
                                             gint64               item_id,
                                             const char          *label)
{
  run_item_write (self, WRITE_REMOVE_ITEM, list, item_id, 0, label);
}

static void
on_item_remove_clicked (GtkButton           *button,
                        ClPreferencesWindow *self)
{
  cl_preferences_window_remove_team_list_item (self, list_of (button), item_id_of (button),
                                               g_object_get_data (G_OBJECT (button), "label"));
}

static void
restore_team_list_item (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (widget);
  int list;
  gint64 item_id;

  g_variant_get (parameter, "(ix)", &list, &item_id);
  if (list < 0 || list >= CL_N_TEAM_LISTS)
    return;
  run_item_write (self, WRITE_RESTORE_ITEM, list, item_id, 0, NULL);
}

static GtkWidget *
item_button (ClTeamList      list,
             ClTeamListItem *item,
             const char     *icon,
             const char     *tooltip,
             GCallback       clicked,
             gpointer        self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  attach_item (button, list, item->id);
  g_object_set_data_full (G_OBJECT (button), "label", g_strdup (item->label), g_free);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

static GtkWidget *
list_item_row (ClPreferencesWindow *self,
               ClTeamList           list,
               ClTeamListItem      *item,
               guint                index,
               guint                count)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up = item_button (list, item, "go-up-symbolic", _("Move Up"), G_CALLBACK (on_item_move_clicked), self);
  GtkWidget *down = item_button (list, item, "go-down-symbolic", _("Move Down"),
                                 G_CALLBACK (on_item_move_clicked), self);
  GtkWidget *remove = item_button (list, item, "user-trash-symbolic", _("Remove"),
                                   G_CALLBACK (on_item_remove_clicked), self);
  /* Translators: the position of an item in the scorecard or the skills */
  g_autofree char *title = g_strdup_printf (_("Item %u"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), item->label);
  attach_item (row, list, item->id);
  g_signal_connect (row, "apply", G_CALLBACK (on_item_renamed), self);
  g_object_set_data (G_OBJECT (up), "index", GINT_TO_POINTER ((int) index - 1));
  g_object_set_data (G_OBJECT (down), "index", GINT_TO_POINTER ((int) index + 1));
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < count);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

/* A team list as a worker reads it. */
typedef struct
{
  ClTeamList  list;
  GListModel *items;
} ListRead;

static void
list_read_free (ListRead *read)
{
  g_clear_object (&read->items);
  g_free (read);
}

static gpointer
read_list (ClStore  *store,
           gpointer  data,
           GError  **error)
{
  ListRead *read = data;

  read->items = cl_store_list_team_list (store, read->list, error);
  return read->items ? read : NULL;
}

static void
on_list_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  ListRead *asked = cl_store_task_get_data (result);
  ClListEditor *editor = &self->lists[asked->list];
  g_autoptr (GError) error = NULL;
  ListRead *read = cl_store_task_finish (result, &error);
  guint count;

  remove_rows (editor->group, editor->rows);
  if (read == NULL)
    {
      report (self, error);
      return;
    }
  /* the items, then the row that adds one */
  g_object_ref (editor->new_row);
  adw_preferences_group_remove (editor->group, GTK_WIDGET (editor->new_row));
  count = g_list_model_get_n_items (read->items);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr (ClTeamListItem) item = g_list_model_get_item (read->items, i);
      GtkWidget *row = list_item_row (self, read->list, item, i, count);

      adw_preferences_group_add (editor->group, row);
      g_ptr_array_add (editor->rows, row);
    }
  adw_preferences_group_add (editor->group, GTK_WIDGET (editor->new_row));
  g_object_unref (editor->new_row);
}

/* @list's rows made again from the store, read in the window's turn. */
static void
rebuild_list (ClPreferencesWindow *self,
              ClTeamList           list)
{
  ListRead *read = g_new0 (ListRead, 1);

  read->list = list;
  cl_store_queue_run (self->queue, read_list, read, (GDestroyNotify) list_read_free, NULL, on_list_read);
}

/* Adds @label at the end of @list, written by a worker; one the list
 * already has, or a blank one, is refused and said. */
void
cl_preferences_window_add_team_list_item (ClPreferencesWindow *self,
                                          ClTeamList           list,
                                          const char          *label)
{
  run_item_write (self, WRITE_ADD_ITEM, list, 0, 0, label);
}

static void
on_new_item_applied (AdwEntryRow         *row,
                     ClPreferencesWindow *self)
{
  cl_preferences_window_add_team_list_item (self, list_of (row), gtk_editable_get_text (GTK_EDITABLE (row)));
}

guint
cl_preferences_window_get_n_team_list_items (ClPreferencesWindow *self,
                                             ClTeamList           list)
{
  return self->lists[list].rows->len;
}

/* ------------------------------------------------------------------ sharing */

/* The team folder and the owner's subfolder in it, as a worker reads
 * them; or, given @folder, the folder to choose (NULL: none). */
typedef struct
{
  char       *folder;
  char       *person;
  ClIdentity *owner;     /* once a change of owner is written */
  char       *name;      /* the owner's name to write; NULL keeps it */
  ClRole      role;
} Sharing;

static void
sharing_free (Sharing *sharing)
{
  g_free (sharing->folder);
  g_free (sharing->person);
  g_clear_pointer (&sharing->owner, cl_identity_free);
  g_free (sharing->name);
  g_free (sharing);
}

static gpointer
read_sharing (ClStore  *store,
              gpointer  data,
              GError  **error)
{
  Sharing *sharing = g_new0 (Sharing, 1);

  sharing->folder = cl_team_folder_get (store);
  sharing->person = cl_team_folder_own_person (store, NULL);
  sharing->owner = cl_identity_get (store, error);
  return sharing->owner ? sharing : (sharing_free (sharing), NULL);
}

static void show_identity (ClPreferencesWindow *self,
                           const ClIdentity    *identity);

static void
show_team_folder (ClPreferencesWindow *self,
                  Sharing             *sharing)
{
  const char *folder = sharing->folder, *person = sharing->person;
  g_autofree char *where = NULL, *path = NULL, *subfolder = NULL, *author = NULL;

  adw_action_row_set_subtitle (self->team_folder_row, folder ? folder : _("None chosen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.clear-team-folder", folder != NULL);
  if (folder != NULL)
    {
      path = g_build_filename (folder, person != NULL ? person : "", NULL);
      subfolder = cl_text_isolate (path);
      author = cl_text_isolate (cl_export_author ());
    }
  /* Translators: the user's name, then the subfolder they publish in */
  where = folder ? g_strdup_printf (_("%s, in %s"), author, subfolder)
                 : g_strdup (cl_export_author ());
  adw_action_row_set_subtitle (self->publish_as_row, where);
}

static void
on_sharing_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Sharing *sharing = cl_store_task_finish (result, &error);

  if (sharing == NULL)
    {
      report (self, error);
      return;
    }
  show_team_folder (self, sharing);
  show_identity (self, sharing->owner);
  sharing_free (sharing);
}

/* The team folder and the owner shown again, read in the window's turn. */
static void
reread_sharing (ClPreferencesWindow *self)
{
  cl_store_queue_run (self->queue, read_sharing, NULL, NULL, (GDestroyNotify) sharing_free, on_sharing_read);
}

static gpointer
write_team_folder (ClStore  *store,
                   gpointer  data,
                   GError  **error)
{
  Sharing *sharing = data;

  return cl_team_folder_set (store, sharing->folder, error) ? sharing : NULL;
}

static void
on_team_folder_written (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  g_autoptr (GError) error = NULL;

  if (cl_store_task_finish (result, &error) == NULL)
    report (self, error);
  else
    g_signal_emit (self, signals[TEAM_FOLDER_CHANGED], 0);
}

/* Chooses @path as the team folder (NULL: none), written by a worker;
 * FALSE, and said, when it cannot be one. */
gboolean
cl_preferences_window_set_team_folder (ClPreferencesWindow *self,
                                       const char          *path)
{
  g_autoptr (GError) error = NULL;
  Sharing *sharing;

  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), FALSE);
  if (path != NULL && !cl_team_folder_check (path, &error))
    {
      report (self, error);
      return FALSE;
    }
  sharing = g_new0 (Sharing, 1);
  sharing->folder = g_strdup (path);
  cl_store_queue_run (self->queue, write_team_folder, sharing, (GDestroyNotify) sharing_free, NULL,
                      on_team_folder_written);
  reread_sharing (self);
  return TRUE;
}

const char *
cl_preferences_window_get_publish_as_text (ClPreferencesWindow *self)
{
  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), NULL);
  return adw_action_row_get_subtitle (self->publish_as_row);
}

/* The roles in the order of the role row's choices */
static const ClRole role_choices[] = { CL_ROLE_MANAGER, CL_ROLE_REP };

static void on_owner_role_selected (AdwComboRow         *row,
                                    GParamSpec          *pspec,
                                    ClPreferencesWindow *self);

/* Shows @identity (nullable: the workspace could not say) in the rows that
 * change it. */
static void
show_identity (ClPreferencesWindow *self,
               const ClIdentity    *identity)
{
  if (identity == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->owner_name_row), identity->name);
  g_signal_handlers_block_by_func (self->owner_role_row, on_owner_role_selected, self);
  for (guint i = 0; i < G_N_ELEMENTS (role_choices); i++)
    if (role_choices[i] == identity->role)
      adw_combo_row_set_selected (self->owner_role_row, i);
  g_signal_handlers_unblock_by_func (self->owner_role_row, on_owner_role_selected, self);
}

static gpointer
write_owner (ClStore  *store,
             gpointer  data,
             GError  **error)
{
  Sharing *sharing = data;

  if (!cl_identity_set (store, sharing->name, sharing->role, error)
      || (sharing->owner = cl_identity_get (store, error)) == NULL)
    return NULL;
  return sharing;
}

static void
on_owner_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Sharing *sharing = cl_store_task_finish (result, &error);

  if (sharing == NULL)
    {
      /* the rows go back to the owner as saved, read after this */
      report (self, error);
      return;
    }
  cl_identity_apply (sharing->owner);
  g_signal_emit (self, signals[IDENTITY_CHANGED], 0);
}

/* Makes @name (NULL: the name as saved) with @role the workspace's owner,
 * written by a worker; FALSE, and said, for a name an owner cannot have. */
gboolean
cl_preferences_window_set_identity (ClPreferencesWindow *self,
                                    const char          *name,
                                    ClRole               role)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *checked = NULL;
  Sharing *sharing;

  g_return_val_if_fail (CL_IS_PREFERENCES_WINDOW (self), FALSE);
  if (name != NULL && (checked = cl_identity_check_name (name, &error)) == NULL)
    {
      report (self, error);
      /* the rows go back to the owner as saved */
      reread_sharing (self);
      return FALSE;
    }
  sharing = g_new0 (Sharing, 1);
  sharing->name = g_strdup (name);
  sharing->role = role;
  cl_store_queue_run (self->queue, write_owner, sharing, (GDestroyNotify) sharing_free, NULL, on_owner_written);
  reread_sharing (self);
  return TRUE;
}

static void
on_owner_name_applied (AdwEntryRow         *row,
                       ClPreferencesWindow *self)
{
  cl_preferences_window_set_identity (self, gtk_editable_get_text (GTK_EDITABLE (row)),
                                      role_choices[adw_combo_row_get_selected (self->owner_role_row)]);
}

static void
on_owner_role_selected (AdwComboRow         *row,
                        GParamSpec          *pspec,
                        ClPreferencesWindow *self)
{
  /* the name as saved: one being typed waits for its apply button */
  cl_preferences_window_set_identity (self, NULL, role_choices[adw_combo_row_get_selected (row)]);
}

static void
choose_team_folder (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *dialog = cl_file_chooser_new (GTK_WINDOW (widget), widget, _("Choose the Team Folder"),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                                      (ClFileChosen) cl_preferences_window_set_team_folder);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
clear_team_folder (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cl_preferences_window_set_team_folder (CL_PREFERENCES_WINDOW (widget), NULL);
}

/* ------------------------------------------------------------------ class */

ClPreferencesWindow *
cl_preferences_window_new (GtkWindow *parent,
                           ClStore   *store)
{
  ClPreferencesWindow *self = g_object_new (CL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->queue = cl_store_queue_new (self, cl_store_get_path (store));
  cl_store_task_run (self, cl_store_get_path (store), read_currency, NULL, NULL, g_free, NULL, on_currency, NULL);
  cl_roster_page_set_store (self->roster_page, store);
  load_thresholds (self);
  rebuild_stages (self);
  for (int list = 0; list < CL_N_TEAM_LISTS; list++)
    rebuild_list (self, list);
  reread_sharing (self);
  return self;
}

static void
cl_preferences_window_dispose (GObject *object)
{
  ClPreferencesWindow *self = CL_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->queue, cl_store_queue_close);
  g_clear_object (&self->store);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  for (int list = 0; list < CL_N_TEAM_LISTS; list++)
    g_clear_pointer (&self->lists[list].rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (cl_preferences_window_parent_class)->dispose (object);
}

/* What the window asked to write is written before it goes. */
static gboolean
cl_preferences_window_close_request (GtkWindow *window)
{
  if (cl_store_queue_hold_close (CL_PREFERENCES_WINDOW (window)->queue, window, NULL))
    return TRUE;
  return GTK_WINDOW_CLASS (cl_preferences_window_parent_class)->close_request (window);
}

static void
cl_preferences_window_class_init (ClPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cl_preferences_window_close_request;
  g_type_ensure (CL_TYPE_ROSTER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/preferences/cl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, stalled_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, window_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, agenda_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, cap_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, key_amount_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, key_amount_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, key_amount_reset);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, critical_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, flag_count_spin);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, stages_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, scorecard_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, new_item_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, skills_group);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, new_skill_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, team_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, owner_name_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, owner_role_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, publish_as_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, ClPreferencesWindow, roster_page);
  gtk_widget_class_install_action (widget_class, "preferences.choose-team-folder", NULL, choose_team_folder);
  gtk_widget_class_install_action (widget_class, "preferences.clear-team-folder", NULL, clear_team_folder);
  /* the team folder was chosen or given up */
  signals[TEAM_FOLDER_CHANGED] = g_signal_new ("team-folder-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* the owner's name or role changed */
  signals[IDENTITY_CHANGED] = g_signal_new ("identity-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, "preferences.add-stage", NULL, add_stage);
  gtk_widget_class_install_action (widget_class, "preferences.reset-key-amount", NULL, reset_key_amount);
  gtk_widget_class_install_action (widget_class, "preferences.restore-team-list-item", "(ix)",
                                   restore_team_list_item);
}

static void
cl_preferences_window_init (ClPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->currency_row, "apply", G_CALLBACK (on_currency_applied), self);
  g_signal_connect (self->owner_name_row, "apply", G_CALLBACK (on_owner_name_applied), self);
  g_signal_connect (self->owner_role_row, "notify::selected", G_CALLBACK (on_owner_role_selected), self);
  self->stage_rows = g_ptr_array_new ();
  self->lists[CL_TEAM_LIST_SCORECARD] = (ClListEditor) { self->scorecard_group, self->new_item_row, NULL };
  self->lists[CL_TEAM_LIST_SKILLS] = (ClListEditor) { self->skills_group, self->new_skill_row, NULL };
  for (int list = 0; list < CL_N_TEAM_LISTS; list++)
    {
      self->lists[list].rows = g_ptr_array_new ();
      g_object_set_data (G_OBJECT (self->lists[list].new_row), "team-list", GINT_TO_POINTER (list));
      g_signal_connect (self->lists[list].new_row, "apply", G_CALLBACK (on_new_item_applied), self);
    }
}
