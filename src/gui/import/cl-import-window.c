/* cl-import-window.c — a CRM's deals export into the workspace: its layout
 * and columns, a preview, the rows that cannot be read, and the import
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read and every row checked as the columns change, writing
 * nothing; the import itself runs in a worker thread on a connection of its
 * own, with a progress bar, in one transaction.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-deal-import.h"
#include "cl-file-chooser.h"
#include "cl-import-window.h"
#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-text.h"

/* the preview shows this many rows, and this many problems */
#define PREVIEW_ROWS  5
#define SHOWN_PROBLEMS 50

/* what a choice of the layout row stands for */
typedef struct
{
  ClCrmKind  kind;        /* a CRM's layout, or CL_CRM_CUSTOM */
  char      *kept;        /* a kept mapping's name, or NULL */
} ClLayoutChoice;

struct _ClImportWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  GtkStack            *stack;
  AdwPreferencesGroup *file_group;
  AdwComboRow         *layout_row;
  AdwEntryRow         *as_of_row;
  GtkListBox          *preview_list;
  AdwPreferencesGroup *problems_group;
  GtkSwitch           *good_rows_switch;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *columns_group;
  AdwEntryRow         *save_mapping_row;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *done_page;

  AdwComboRow         *column_rows[CL_CRM_N_FIELDS];
  GArray              *choices;        /* ClLayoutChoice */
  ClStore             *store;
  char                *path;
  ClCsv               *csv;
  ClCrmMapping         mapping;
  guint                n_problems;
  gboolean             checked;        /* the rows read with the columns as they are */
  gboolean             updating;       /* the rows are being set from the mapping */
  gboolean             importing;      /* the worker thread holds the file */
  gboolean             done;
  char                *summary;
};

G_DEFINE_FINAL_TYPE (ClImportWindow, cl_import_window, ADW_TYPE_WINDOW)

static void
toast (ClImportWindow *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (text));
}

static ClDay
as_of (ClImportWindow *self)
{
  ClDay day = 0;

  return cl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->as_of_row)), &day) ? day : 0;
}

static const char *
cell (ClImportWindow *self,
      ClCsvRow       *row,
      ClCrmField      field)
{
  int column = self->mapping.columns[field];

  return column >= 0 && (guint) column < row->n_fields ? row->fields[column] : "";
}

/* ------------------------------------------------------------------ checking the rows */

static void
update_import_button (ClImportWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), cl_import_window_can_import (self));
}

static void
show_preview (ClImportWindow *self)
{
  cl_list_box_remove_rows (self->preview_list);
  for (guint r = 0; r < MIN (self->csv->rows->len, PREVIEW_ROWS); r++)
    {
      ClCsvRow *row = g_ptr_array_index (self->csv->rows, r);
      g_autofree char *stage = cl_text_isolate (cell (self, row, CL_CRM_FIELD_STAGE));
      g_autofree char *amount = cl_text_isolate (cell (self, row, CL_CRM_FIELD_AMOUNT));
      g_autofree char *close = cl_text_isolate (cell (self, row, CL_CRM_FIELD_CLOSE_DATE));
      g_autofree char *owner = cl_text_isolate (cell (self, row, CL_CRM_FIELD_OWNER));
      /* Translators: a previewed row: stage, amount, close date, owner */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · closes %s · %s"), stage, amount, close, owner);

      gtk_list_box_append (self->preview_list,
                           cl_action_row_new_plain (cell (self, row, CL_CRM_FIELD_NAME), subtitle));
    }
}

/* Reads every row with the columns as they are: the problems, the preview. */
static void
check_rows (ClImportWindow *self)
{
  ClImportReport report;
  ClImportOptions options;
  g_autoptr (GError) error = NULL;

  if (self->csv == NULL)
    return;
  cl_list_box_remove_rows (self->problems_list);
  self->n_problems = 0;
  self->checked = FALSE;
  show_preview (self);
  if (self->mapping.columns[CL_CRM_FIELD_NAME] < 0 || self->mapping.columns[CL_CRM_FIELD_STAGE] < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
      update_import_button (self);
      return;
    }
  cl_import_report_init (&report);
  cl_import_options_init (&options, MAX (as_of (self), 1));
  self->checked = cl_deal_import_check (self->csv, &self->mapping, &options, &report, &error);
  if (!self->checked)
    toast (self, error->message);
  self->n_problems = report.problems->len;
  for (guint i = 0; i < MIN (report.problems->len, SHOWN_PROBLEMS); i++)
    {
      ClImportProblem *problem = g_ptr_array_index (report.problems, i);
      /* Translators: a line of the file */
      g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);

      gtk_list_box_append (self->problems_list, cl_action_row_new_plain (line, problem->reason));
    }
  if (report.problems->len > SHOWN_PROBLEMS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("And %u more"), report.problems->len - SHOWN_PROBLEMS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), report.problems->len > 0);
  cl_import_report_clear (&report);
  update_import_button (self);
}

/* ------------------------------------------------------------------ layout and columns */

static void
show_mapping (ClImportWindow *self)
{
  self->updating = TRUE;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    adw_combo_row_set_selected (self->column_rows[f], self->mapping.columns[f] + 1);
  for (guint i = 0; i < self->choices->len; i++)
    {
      ClLayoutChoice *choice = &g_array_index (self->choices, ClLayoutChoice, i);

      if (choice->kind == self->mapping.kind && choice->kept == NULL)
        adw_combo_row_set_selected (self->layout_row, i);
    }
  self->updating = FALSE;
  check_rows (self);
}

static void
on_layout_selected (ClImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);
  ClLayoutChoice *choice;
  g_autoptr (GError) error = NULL;

  if (self->updating || self->csv == NULL || selected >= self->choices->len)
    return;
  choice = &g_array_index (self->choices, ClLayoutChoice, selected);
  if (choice->kept != NULL)
    cl_crm_mapping_load (self->store, choice->kept, self->csv, &self->mapping);
  else if (choice->kind == CL_CRM_CUSTOM)
    self->mapping.kind = CL_CRM_CUSTOM;
  else if (!cl_crm_mapping_detect (self->csv, choice->kind, &self->mapping, &error))
    toast (self, error->message);
  self->updating = TRUE;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    adw_combo_row_set_selected (self->column_rows[f], self->mapping.columns[f] + 1);
  self->updating = FALSE;
  check_rows (self);
}

static void
fill_layouts (ClImportWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_auto (GStrv) kept = cl_crm_mapping_fitting (self->store, self->csv);

  for (guint i = 0; i < self->choices->len; i++)
    g_free (g_array_index (self->choices, ClLayoutChoice, i).kept);
  g_array_set_size (self->choices, 0);
  for (int k = CL_CRM_HUBSPOT; k < CL_CRM_N_KINDS; k++)
    {
      ClLayoutChoice choice = { k, NULL };

      g_array_append_val (self->choices, choice);
      gtk_string_list_append (names, cl_crm_kind_label (k));
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      ClLayoutChoice choice = { CL_CRM_CUSTOM, g_strdup (kept[i]) };
      g_autofree char *name = cl_text_isolate (kept[i]);
      /* Translators: a column mapping the team kept under a name */
      g_autofree char *label = g_strdup_printf (_("Kept: %s"), name);

      g_array_append_val (self->choices, choice);
      gtk_string_list_append (names, label);
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (names));
  self->updating = FALSE;
}

static void
on_column_selected (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    ClImportWindow *self)
{
  ClCrmField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));

  if (self->updating || self->csv == NULL)
    return;
  self->mapping.columns[field] = (int) adw_combo_row_get_selected (row) - 1;
  self->mapping.kind = CL_CRM_CUSTOM;
  self->updating = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    if (g_array_index (self->choices, ClLayoutChoice, i).kind == CL_CRM_CUSTOM)
      {
        adw_combo_row_set_selected (self->layout_row, i);
        break;
      }
  self->updating = FALSE;
  check_rows (self);
}

void
cl_import_window_set_column (ClImportWindow *self,
                             ClCrmField      field,
                             int             column)
{
  g_return_if_fail (field < CL_CRM_N_FIELDS);
  adw_combo_row_set_selected (self->column_rows[field], column + 1);
}

gboolean
cl_import_window_keep_mapping (ClImportWindow *self,
                               const char     *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL, *kept = NULL;

  if (self->csv == NULL || !cl_crm_mapping_save (self->store, name, &self->mapping, self->csv, &error))
    {
      toast (self, error ? error->message : _("Choose a file first"));
      return FALSE;
    }
  fill_layouts (self);
  for (guint i = 0; i < self->choices->len; i++)
    if (g_strcmp0 (g_array_index (self->choices, ClLayoutChoice, i).kept, name) == 0)
      {
        self->updating = TRUE;
        adw_combo_row_set_selected (self->layout_row, i);
        self->updating = FALSE;
      }
  kept = cl_text_isolate (name);
  /* Translators: the name the columns are kept under */
  saved = g_strdup_printf (_("Columns kept as “%s” for next time"), kept);
  toast (self, saved);
  return TRUE;
}

static void
on_keep_applied (ClImportWindow *self)
{
  if (cl_import_window_keep_mapping (self, gtk_editable_get_text (GTK_EDITABLE (self->save_mapping_row))))
    gtk_editable_set_text (GTK_EDITABLE (self->save_mapping_row), "");
}

/* ------------------------------------------------------------------ the file */

gboolean
cl_import_window_open_file (ClImportWindow *self,
                            const char     *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClCsv) csv = cl_csv_load (path, &error);
  g_autoptr (GtkStringList) columns = gtk_string_list_new (NULL);
  g_auto (GStrv) kept = NULL;
  g_autofree char *name = NULL, *described = NULL;

  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  if (csv == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->csv, cl_csv_free);
  self->csv = g_steal_pointer (&csv);
  g_free (self->path);
  self->path = g_strdup (path);

  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; c < self->csv->n_columns; c++)
    gtk_string_list_append (columns, self->csv->header[c]);
  self->updating = TRUE;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    adw_combo_row_set_model (self->column_rows[f], G_LIST_MODEL (columns));
  self->updating = FALSE;
  fill_layouts (self);

  /* a kept mapping that fits comes first, then the CRM layouts, else the user's own */
  kept = cl_crm_mapping_fitting (self->store, self->csv);
  if (!(kept[0] != NULL && cl_crm_mapping_load (self->store, kept[0], self->csv, &self->mapping))
      && !cl_crm_mapping_detect (self->csv, CL_CRM_AUTO, &self->mapping, NULL))
    {
      self->mapping.kind = CL_CRM_CUSTOM;
      for (int f = 0; f < CL_CRM_N_FIELDS; f++)
        self->mapping.columns[f] = -1;
      toast (self, _("No layout Closeloop knows: choose which column holds the deal name and the stage"));
    }

  name = g_filename_display_basename (path);
  /* Translators: rows, the text encoding, the delimiter */
  described = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row · %s · separated by %s",
                                            "%u rows · %s · separated by %s", self->csv->rows->len),
                               self->csv->rows->len, self->csv->encoding,
                               self->csv->delimiter == ';' ? _("semicolons")
                               : self->csv->delimiter == '\t' ? _("tabs") : _("commas"));
  cl_preferences_group_set_plain_title (self->file_group, name);
  adw_preferences_group_set_description (self->file_group, described);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  show_mapping (self);
  if (kept[0] != NULL)
    for (guint i = 0; i < self->choices->len; i++)
      if (g_strcmp0 (g_array_index (self->choices, ClLayoutChoice, i).kept, kept[0]) == 0)
        {
          self->updating = TRUE;
          adw_combo_row_set_selected (self->layout_row, i);
          self->updating = FALSE;
        }
  return TRUE;
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (widget);
  GtkFileChooserNative *dialog = cl_file_chooser_new (GTK_WINDOW (self), self, _("Choose a Deals Export"),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                      (ClFileChosen) cl_import_window_open_file);

  cl_file_chooser_add_filter (dialog, _("CSV files"), "csv", "txt", "tsv", NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A file dropped on the window, unless an import has started. */
static gboolean
open_dropped (ClImportWindow *self,
              const char     *path)
{
  return !self->done && !self->importing && cl_import_window_open_file (self, path);
}

/* ------------------------------------------------------------------ importing */

typedef struct
{
  char           *workspace;
  ClCsv          *csv;            /* borrowed from the window, which the task keeps */
  ClCrmMapping    mapping;
  ClDay           as_of;
  gboolean        good_rows;
  ClImportReport  report;
  ClImportWindow *window;         /* for progress; a reference the task holds */
} ClImportJob;

typedef struct
{
  GtkProgressBar *bar;
  double          fraction;
} ClProgressStep;

static void
job_free (ClImportJob *job)
{
  cl_import_report_clear (&job->report);
  g_free (job->workspace);
  g_free (job);
}

static gboolean
show_progress (gpointer data)
{
  ClProgressStep *step = data;

  gtk_progress_bar_set_fraction (step->bar, step->fraction);
  g_object_unref (step->bar);
  g_free (step);
  return G_SOURCE_REMOVE;
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ClImportJob *job = user_data;
  ClProgressStep *step = g_new (ClProgressStep, 1);

  step->bar = g_object_ref (job->window->progress_bar);
  step->fraction = fraction;
  g_idle_add (show_progress, step);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ClImportJob *job = task_data;
  g_autoptr (ClStore) store = NULL;
  ClImportOptions options;
  GError *error = NULL;

  cl_import_options_init (&options, job->as_of);
  options.import_good_rows = job->good_rows;
  options.progress = on_progress;
  options.user_data = job;
  if ((store = cl_store_open (job->workspace, &error)) == NULL
      || !cl_deal_import (store, job->csv, &job->mapping, &options, &job->report, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
describe_report (const ClImportReport *report)
{
  GString *text = g_string_new (NULL);
  const struct { const char *what; GPtrArray *names; } lists[] = {
    { _("Stages created"), report->stages_created },
    { _("Reps created"), report->reps_created },
    { _("New currencies"), report->currencies_new },
    { _("Open deals not in this export, left as they are"), report->missing },
  };

  /* Translators: deals added, deals changed, dated changes, unchanged, rows refused */
  g_string_append_printf (text, _("%u deals added, %u changed (%u dated changes), %u unchanged, %u rows left out."),
                          report->created, report->updated, report->n_events, report->unchanged,
                          report->problems->len);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (lists[l].names->len == 0)
        continue;
      g_string_append_printf (text, "\n%s: ", lists[l].what);
      for (guint i = 0; i < lists[l].names->len && i < 10; i++)
        {
          g_autofree char *name = cl_text_isolate (g_ptr_array_index (lists[l].names, i));

          g_string_append_printf (text, "%s%s", i ? ", " : "", name);
        }
      if (lists[l].names->len > 10)
        g_string_append_printf (text, _(" and %u more"), lists[l].names->len - 10);
    }
  return g_string_free (text, FALSE);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (source);
  ClImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->importing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "preview");
      update_import_button (self);
      return;
    }
  g_free (self->summary);
  self->summary = describe_report (&job->report);
  cl_status_page_set_plain_description (self->done_page, self->summary);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  self->done = TRUE;
}

gboolean
cl_import_window_can_import (ClImportWindow *self)
{
  return self->csv != NULL && self->checked && !self->done && !self->importing && as_of (self) != 0
         && (self->n_problems == 0 || gtk_switch_get_active (self->good_rows_switch))
         && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "preview");
}

gboolean
cl_import_window_run (ClImportWindow *self)
{
  g_autoptr (GTask) task = NULL;
  ClImportJob *job;

  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  if (!cl_import_window_can_import (self))
    return FALSE;
  job = g_new0 (ClImportJob, 1);
  job->workspace = g_strdup (cl_store_get_path (self->store));
  job->csv = self->csv;
  job->mapping = self->mapping;
  job->as_of = as_of (self);
  job->good_rows = gtk_switch_get_active (self->good_rows_switch);
  job->window = self;
  cl_import_report_init (&job->report);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->importing = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "importing");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  task = g_task_new (self, NULL, on_imported, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_in_thread);
  return TRUE;
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cl_import_window_run (CL_IMPORT_WINDOW (widget));
}

ClCrmKind
cl_import_window_get_kind (ClImportWindow *self)
{
  return self->mapping.kind;
}

guint
cl_import_window_get_n_problems (ClImportWindow *self)
{
  return self->n_problems;
}

gboolean
cl_import_window_is_done (ClImportWindow *self)
{
  return self->done;
}

const char *
cl_import_window_get_summary (ClImportWindow *self)
{
  return self->summary;
}

/* ------------------------------------------------------------------ the window */

ClImportWindow *
cl_import_window_new (GtkWindow   *parent,
                      ClStore     *store,
                      const char  *path)
{
  ClImportWindow *self = g_object_new (CL_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  if (path != NULL)
    cl_import_window_open_file (self, path);
  update_import_button (self);
  return self;
}

static void
cl_import_window_dispose (GObject *object)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->csv, cl_csv_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->summary, g_free);
  if (self->choices != NULL)
    for (guint i = 0; i < self->choices->len; i++)
      g_free (g_array_index (self->choices, ClLayoutChoice, i).kept);
  g_clear_pointer (&self->choices, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_IMPORT_WINDOW);
  G_OBJECT_CLASS (cl_import_window_parent_class)->dispose (object);
}

static void
cl_import_window_class_init (ClImportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_import_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/import/cl-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, file_group);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, preview_list);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, good_rows_switch);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, save_mapping_row);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, done_page);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cl_import_window_init (ClImportWindow *self)
{
  GtkDropTarget *drop = cl_file_drop_target_new ((ClFileChosen) open_dropped, self);
  g_autofree char *today = cl_date_format (cl_date_today ());

  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_array_new (FALSE, FALSE, sizeof (ClLayoutChoice));
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_crm_field_label (f));
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (f));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected), self);
      adw_preferences_group_add (self->columns_group, row);
      self->column_rows[f] = ADW_COMBO_ROW (row);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), today);
  g_signal_connect_swapped (self->as_of_row, "changed", G_CALLBACK (check_rows), self);
  g_signal_connect_swapped (self->layout_row, "notify::selected", G_CALLBACK (on_layout_selected), self);
  g_signal_connect_swapped (self->good_rows_switch, "notify::active", G_CALLBACK (update_import_button), self);
  g_signal_connect_swapped (self->save_mapping_row, "apply", G_CALLBACK (on_keep_applied), self);
  gtk_list_box_set_placeholder (self->preview_list, cl_list_box_placeholder_new (_("The file has no rows")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
