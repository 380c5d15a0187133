/* cl-stages-page.c — the import's Stages step: where each stage of the file
 * goes in the team's process, for the user to confirm or change
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each value of the file's stage column shows where it goes and why (a
 * stage the team has, the CRM's known order, its probability, the stage
 * its deals moved from); a new stage moves up and down the process, any
 * value can go to a stage the team has instead. The plan changes here;
 * the workspace only when the import runs.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-stages-page.h"
#include "cl-text.h"

struct _ClStagesPage
{
  AdwBin       parent_instance;

  /* template widgets */
  GtkListBox  *values_list;
  GtkListBox  *process_list;
  GtkLabel    *message_label;
  GtkButton   *keep_button;

  /* borrowed: the import window keeps it */
  ClStagePlan *plan;
  guint        rebuild_id;
  gboolean     updating;    /* the rows are being built */
};

G_DEFINE_FINAL_TYPE (ClStagesPage, cl_stages_page, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_rebuild (ClStagesPage *self);

/* ------------------------------------------------------------------ changes */

static void
changed (ClStagesPage *self,
         const char   *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  schedule_rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
cl_stages_page_move (ClStagesPage *self,
                     guint         index,
                     guint         position)
{
  g_return_val_if_fail (CL_IS_STAGES_PAGE (self) && self->plan != NULL, FALSE);
  if (!cl_stage_plan_move (self->plan, index, position))
    return FALSE;
  changed (self, NULL);
  return TRUE;
}

gboolean
cl_stages_page_map (ClStagesPage *self,
                    guint         index,
                    gint64        stage_id)
{
  g_autofree char *value = NULL, *message = NULL;

  g_return_val_if_fail (CL_IS_STAGES_PAGE (self) && self->plan != NULL, FALSE);
  if (cl_stage_plan_map (self->plan, index, stage_id))
    {
      changed (self, NULL);
      return TRUE;
    }
  value = cl_text_isolate (cl_stage_plan_get_value (self->plan, index)->value);
  message = g_strdup_printf (_("%s is a stage the team has: it cannot be a new one too"), value);
  changed (self, message);
  return FALSE;
}

void
cl_stages_page_keep_order (ClStagesPage *self)
{
  g_return_if_fail (CL_IS_STAGES_PAGE (self) && self->plan != NULL);
  cl_stage_plan_confirm (self->plan);
  changed (self, NULL);
}

static guint
index_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "index"));
}

static void
on_move_clicked (GtkButton    *button,
                 ClStagesPage *self)
{
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  guint position = cl_stage_plan_get_position (self->plan, index_of (button));

  cl_stages_page_move (self, index_of (button), position + step);
}

static void
on_target_selected (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    ClStagesPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr (ClStage) stage = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    stage = g_list_model_get_item (cl_stage_plan_get_existing (self->plan), selected - 1);
  cl_stages_page_map (self, index_of (row), stage ? stage->id : 0);
}

static void
keep_order_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cl_stages_page_keep_order (CL_STAGES_PAGE (widget));
}

/* ------------------------------------------------------------------ the rows */

static GtkWidget *
move_button (ClStagesPage *self,
             guint         index,
             int           step,
             gboolean      possible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (step < 0 ? "go-up-symbolic" : "go-down-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, step < 0 ? _("Earlier in the Process") : _("Later in the Process"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, possible);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), self);
  return button;
}

/* The choices of where a value goes: a new stage, or one of the team's. */
static GListModel *
targets (ClStagesPage *self)
{
  GListModel *existing = cl_stage_plan_get_existing (self->plan);
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("A new stage"));
  for (guint i = 0; i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr (ClStage) stage = g_list_model_get_item (existing, i);

      gtk_string_list_append (names, stage->name);
    }
  return G_LIST_MODEL (names);
}

/* The position in targets () of the stage @index goes to. */
static guint
target_of (ClStagesPage *self,
           guint         index)
{
  GListModel *existing = cl_stage_plan_get_existing (self->plan);
  gint64 stage_id = cl_stage_plan_get_existing_id (self->plan, index);

  for (guint i = 0; stage_id != 0 && i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr (ClStage) stage = g_list_model_get_item (existing, i);

      if (stage->id == stage_id)
        return i + 1;
    }
  return 0;
}

/* A value: where it goes and why; its new stage moved from the row itself,
 * the stage it goes to chosen inside. */
static GtkWidget *
value_row (ClStagesPage *self,
           guint         index)
{
  const ClStagePlanValue *value = cl_stage_plan_get_value (self->plan, index);
  g_autofree char *explained = cl_stage_plan_explain (self->plan, index);
  g_autoptr (GListModel) choices = NULL;
  guint position, n = cl_stage_plan_get_n_stages (self->plan);
  GtkWidget *row, *target;

  if (value->basis == CL_STAGE_BASIS_CLOSING)
    return cl_action_row_new_plain (value->value, explained);
  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value->value);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), explained);
  if (value->basis == CL_STAGE_BASIS_UNKNOWN)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Order unknown"));
      gtk_widget_add_css_class (icon, "warning");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
    }
  if (cl_stage_plan_is_new (self->plan, index))
    {
      position = cl_stage_plan_get_position (self->plan, index);
      /* each action goes before the ones added earlier */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), move_button (self, index, 1, position < n));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), move_button (self, index, -1, position > 1));
    }
  target = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target), _("Goes to"));
  choices = targets (self);
  adw_combo_row_set_model (ADW_COMBO_ROW (target), choices);
  adw_combo_row_set_selected (ADW_COMBO_ROW (target), target_of (self, index));
  g_object_set_data (G_OBJECT (target), "index", GUINT_TO_POINTER (index));
  g_signal_connect (target, "notify::selected", G_CALLBACK (on_target_selected), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), target);
  return row;
}

static void
rebuild (ClStagesPage *self)
{
  g_auto (GStrv) unknown = NULL;

  self->updating = TRUE;
  cl_list_box_remove_rows (self->values_list);
  cl_list_box_remove_rows (self->process_list);
  for (guint i = 0; self->plan != NULL && i < cl_stage_plan_get_n_values (self->plan); i++)
    gtk_list_box_append (self->values_list, value_row (self, i));
  for (guint p = 1; self->plan != NULL && p <= cl_stage_plan_get_n_stages (self->plan); p++)
    {
      gboolean is_new;
      const char *name = cl_stage_plan_get_stage_name (self->plan, p, &is_new);
      /* Translators: a stage's position in the process, and whether the import creates it */
      g_autofree char *where = g_strdup_printf (is_new ? _("Stage %u · new") : _("Stage %u · the team's"), p);

      gtk_list_box_append (self->process_list, cl_action_row_new_plain (name, where));
    }
  unknown = self->plan ? cl_stage_plan_get_ambiguous (self->plan) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stages.keep-order", unknown != NULL && unknown[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->keep_button), unknown != NULL && unknown[0] != NULL);
  self->updating = FALSE;
}

static gboolean
rebuild_at_idle (gpointer data)
{
  ClStagesPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* After the row the user changed has finished its own signal. */
static void
schedule_rebuild (ClStagesPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_at_idle, self);
}

void
cl_stages_page_set_plan (ClStagesPage *self,
                         ClStagePlan  *plan)
{
  g_return_if_fail (CL_IS_STAGES_PAGE (self));
  self->plan = plan;
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}

/* ------------------------------------------------------------------ class */

static void
cl_stages_page_dispose (GObject *object)
{
  ClStagesPage *self = CL_STAGES_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->plan = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_STAGES_PAGE);
  G_OBJECT_CLASS (cl_stages_page_parent_class)->dispose (object);
}

static void
cl_stages_page_class_init (ClStagesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_stages_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/import/cl-stages-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClStagesPage, values_list);
  gtk_widget_class_bind_template_child (widget_class, ClStagesPage, process_list);
  gtk_widget_class_bind_template_child (widget_class, ClStagesPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ClStagesPage, keep_button);
  gtk_widget_class_install_action (widget_class, "stages.keep-order", NULL, keep_order_action);
  /* the user changed where a stage goes */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
cl_stages_page_init (ClStagesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stages.keep-order", FALSE);
}
