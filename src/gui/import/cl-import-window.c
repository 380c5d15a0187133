/* cl-import-window.c — a CRM's deals export into the workspace: its layout
 * and columns, a preview, the rows that cannot be read, the currency, the
 * names, where its stages go, the import and its undo
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read and every row checked as the columns change, writing
 * nothing; Next places its stages in the team's process (in a worker
 * thread) for the user to confirm or change. The import itself runs in a
 * worker thread on a connection of its own, with a progress bar, in one
 * transaction, and can be undone from its result.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-deal-import.h"
#include "cl-file-chooser.h"
#include "cl-import-undo.h"
#include "cl-import-window.h"
#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-stages-page.h"
#include "cl-store-task.h"
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

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkButton           *next_button;
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
  AdwActionRow        *currency_row;
  AdwEntryRow         *currency_entry;
  AdwPreferencesGroup *names_group;
  AdwActionRow        *owner_ids_row;
  AdwActionRow        *account_ids_row;
  ClStagesPage        *stages_page;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *done_page;
  GtkButton           *undo_button;

  /* owned */
  AdwComboRow         *column_rows[CL_CRM_N_FIELDS];
  GArray              *choices;        /* ClLayoutChoice */
  ClStore             *store;
  char                *path;
  ClCsv               *csv;
  ClCrmMapping         mapping;
  GHashTable          *accounts;       /* account ids' names, from the Account export */
  char                *accounts_name;
  ClStagePlan         *plan;           /* where the file's stages go, once Next placed them */
  char                *currency;       /* the workspace's; NULL when it has none */
  char                *summary;

  /* what the rows as read say */
  guint                n_problems;
  guint                id_fields;      /* bits (1 << ClCrmField) of columns of ids */
  guint                n_without_currency;
  guint                accounts_named;
  guint                n_accounts_unnamed;

  gboolean             checked;        /* the rows read with the columns as they are */
  gboolean             updating;       /* the rows are being set from the mapping */
  gboolean             currency_loaded;
  gboolean             busy;           /* a worker holds the file or the workspace */
  gboolean             layout_waiting; /* a layout chosen while busy, applied once not */
  gboolean             done;
  gboolean             undone;
};

G_DEFINE_FINAL_TYPE (ClImportWindow, cl_import_window, ADW_TYPE_WINDOW)

enum { WORKSPACE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_buttons (ClImportWindow *self);

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

/* The callback of a worker that outlived the window: nothing to show. */
static gboolean
disposed (ClImportWindow *self)
{
  return self->stack == NULL;
}

static const char *
page (ClImportWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* The currency the user chose for the workspace, upper case; NULL while
 * none is asked for or none is chosen. */
static char *
chosen_currency (ClImportWindow *self)
{
  g_autofree char *code = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->currency_entry)))
    return NULL;
  code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_entry)), -1);
  return cl_currency_is_code (g_strstrip (code)) ? g_steal_pointer (&code) : NULL;
}

static gboolean
currency_known (ClImportWindow *self)
{
  g_autofree char *chosen = chosen_currency (self);

  return self->n_without_currency == 0 || (self->currency_loaded && (self->currency != NULL || chosen != NULL));
}

/* What the amounts are booked in; the workspace's currency asked for when
 * rows have none and the workspace has none yet. */
static void
show_currency (ClImportWindow *self)
{
  g_autofree char *text = NULL;
  int column = self->mapping.columns[CL_CRM_FIELD_CURRENCY];
  gboolean ask = self->currency_loaded && self->currency == NULL && self->n_without_currency > 0;

  if (self->n_without_currency == 0)
    text = column >= 0 ? g_strdup_printf (_("Each row's own currency, from the column %s"), self->csv->header[column])
                       : g_strdup (_("Each amount's own currency, as the file writes it"));
  else if (!self->currency_loaded)
    text = g_strdup (_("Reading the workspace's currency…"));
  else if (self->currency != NULL && self->n_without_currency < self->csv->rows->len)
    /* Translators: the workspace's currency, such as EUR */
    text = g_strdup_printf (_("The file's currencies; %s, the workspace's, where a row gives none"), self->currency);
  else if (self->currency != NULL)
    text = g_strdup_printf (_("%s, the workspace's currency: the file gives none"), self->currency);
  else
    text = g_strdup (_("The file gives no currency and the workspace has none yet: choose it below. "
                       "It becomes the workspace's."));
  adw_action_row_set_subtitle (self->currency_row, text);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_entry), ask);
}

/* The columns of ids the names come from, and what names them. */
static void
show_names (ClImportWindow *self)
{
  gboolean owners = self->id_fields & (1u << CL_CRM_FIELD_OWNER);
  gboolean accounts = self->id_fields & (1u << CL_CRM_FIELD_ACCOUNT) || self->accounts != NULL;
  g_autofree char *text = NULL, *file = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->names_group), owners || accounts);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_ids_row), owners);
  gtk_widget_set_visible (GTK_WIDGET (self->account_ids_row), accounts);
  if (self->accounts == NULL)
    text = g_strdup (_("The export has no account names. Choose the CRM's account export (Id, Name) to name them; "
                       "otherwise they come in as their ids."));
  else
    {
      file = cl_text_isolate (self->accounts_name);
      /* Translators: the account export, rows it named, ids it lacks */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Named from %s: %u rows; %u id it does not have stays an id",
                                           "Named from %s: %u rows; %u ids it does not have stay ids",
                                           self->n_accounts_unnamed),
                              file, self->accounts_named, self->n_accounts_unnamed);
    }
  adw_action_row_set_subtitle (self->account_ids_row, text);
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

/* Reads every row with the columns as they are: the problems, the preview,
 * the currency, the names. The stages placed before are no longer those
 * of the rows. */
static void
check_rows (ClImportWindow *self)
{
  ClImportReport report;
  ClImportOptions options;
  g_autoptr (GError) error = NULL;

  if (self->csv == NULL)
    return;
  g_clear_pointer (&self->plan, cl_stage_plan_free);
  cl_stages_page_set_plan (self->stages_page, NULL);
  cl_list_box_remove_rows (self->problems_list);
  self->n_problems = 0;
  self->checked = FALSE;
  show_preview (self);
  if (self->mapping.columns[CL_CRM_FIELD_NAME] < 0 || self->mapping.columns[CL_CRM_FIELD_STAGE] < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
      update_buttons (self);
      return;
    }
  cl_import_report_init (&report);
  cl_import_options_init (&options, MAX (as_of (self), 1));
  options.accounts = self->accounts;
  self->checked = cl_deal_import_check (self->csv, &self->mapping, &options, &report, &error);
  if (!self->checked)
    toast (self, error->message);
  self->n_problems = report.problems->len;
  self->id_fields = report.id_fields;
  self->n_without_currency = report.n_without_currency;
  self->accounts_named = report.accounts_named;
  self->n_accounts_unnamed = report.accounts_unnamed->len;
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
  show_currency (self);
  show_names (self);
  update_buttons (self);
}

/* ------------------------------------------------------------------ layout and columns */

/* Shows the columns of the mapping the window holds. */
static void
show_columns (ClImportWindow *self)
{
  self->updating = TRUE;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    adw_combo_row_set_selected (self->column_rows[f], self->mapping.columns[f] + 1);
  self->updating = FALSE;
  check_rows (self);
}

/* Shows the mapping the window holds: its CRM's layout, and its columns. */
static void
show_mapping (ClImportWindow *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    {
      ClLayoutChoice *choice = &g_array_index (self->choices, ClLayoutChoice, i);

      if (choice->kind == self->mapping.kind && choice->kept == NULL)
        adw_combo_row_set_selected (self->layout_row, i);
    }
  self->updating = FALSE;
  show_columns (self);
}

/* Shows the mapping kept under @name as the layout chosen, without
 * applying it again. */
static void
select_kept_layout (ClImportWindow *self,
                    const char     *name)
{
  for (guint i = 0; i < self->choices->len; i++)
    if (g_strcmp0 (g_array_index (self->choices, ClLayoutChoice, i).kept, name) == 0)
      {
        self->updating = TRUE;
        adw_combo_row_set_selected (self->layout_row, i);
        self->updating = FALSE;
      }
}

/* A mapping kept under @name, read or written by a worker on the window's
 * file (which no other replaces while it is busy). */
typedef struct
{
  char         *name;
  const ClCsv  *csv;
  ClCrmMapping  mapping;
  GStrv         fitting;   /* once written: the kept mappings that fit the file */
} KeptMapping;

static void
kept_mapping_free (KeptMapping *kept)
{
  g_free (kept->name);
  g_strfreev (kept->fitting);
  g_free (kept);
}

static gpointer
read_kept_mapping (ClStore  *store,
                   gpointer  data,
                   GError  **error)
{
  KeptMapping *kept = data;

  cl_crm_mapping_load (store, kept->name, kept->csv, &kept->mapping);
  return kept;
}

static void apply_waiting_layout (ClImportWindow *self);

static void
on_kept_mapping_read (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (source);
  KeptMapping *kept = cl_store_task_finish (result, NULL);

  /* the window closed while the worker read */
  if (disposed (self))
    return;
  self->busy = FALSE;
  update_buttons (self);
  self->mapping = kept->mapping;
  show_columns (self);
  apply_waiting_layout (self);
}

static void
on_layout_selected (ClImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);
  ClLayoutChoice *choice;
  g_autoptr (GError) error = NULL;

  if (self->updating || self->csv == NULL || selected >= self->choices->len)
    return;
  /* the row shows the choice: it is applied once the worker lets go */
  if (self->busy)
    {
      self->layout_waiting = TRUE;
      return;
    }
  choice = &g_array_index (self->choices, ClLayoutChoice, selected);
  if (choice->kept != NULL)
    {
      KeptMapping *kept = g_new0 (KeptMapping, 1);

      kept->name = g_strdup (choice->kept);
      kept->csv = self->csv;
      kept->mapping = self->mapping;
      self->busy = TRUE;
      update_buttons (self);
      cl_store_task_run (self, cl_store_get_path (self->store), read_kept_mapping, kept,
                         (GDestroyNotify) kept_mapping_free, NULL, NULL, on_kept_mapping_read, NULL);
      return;
    }
  if (choice->kind == CL_CRM_CUSTOM)
    self->mapping.kind = CL_CRM_CUSTOM;
  else if (!cl_crm_mapping_detect (self->csv, choice->kind, &self->mapping, &error))
    toast (self, error->message);
  show_columns (self);
}

/* The layout chosen while a worker held the file, now that it is done. */
static void
apply_waiting_layout (ClImportWindow *self)
{
  if (!self->layout_waiting || self->busy)
    return;
  self->layout_waiting = FALSE;
  on_layout_selected (self);
}

/* The CRM layouts, then @kept: the names of the mappings kept that fit
 * the file's columns (a choice made among those before is forgotten). */
static void
fill_layouts (ClImportWindow     *self,
              const char * const *kept)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  self->layout_waiting = FALSE;

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

int
cl_import_window_get_column (ClImportWindow *self,
                             ClCrmField      field)
{
  g_return_val_if_fail (field < CL_CRM_N_FIELDS, -1);
  return self->mapping.columns[field];
}

static gpointer
write_kept_mapping (ClStore  *store,
                    gpointer  data,
                    GError  **error)
{
  KeptMapping *kept = data;

  if (!cl_crm_mapping_save (store, kept->name, &kept->mapping, kept->csv, error))
    return NULL;
  kept->fitting = cl_crm_mapping_fitting (store, kept->csv);
  return kept;
}

static void
on_kept_mapping_written (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (source);
  g_autoptr (GError) error = NULL;
  KeptMapping *kept = cl_store_task_finish (result, &error);
  g_autofree char *saved = NULL, *name = NULL;

  /* the window closed while the worker wrote */
  if (disposed (self))
    return;
  self->busy = FALSE;
  update_buttons (self);
  if (kept == NULL)
    {
      toast (self, error->message);
      return;
    }
  cl_editable_clear_sent (GTK_EDITABLE (self->save_mapping_row), kept->name);
  fill_layouts (self, (const char * const *) kept->fitting);
  select_kept_layout (self, kept->name);
  name = cl_text_isolate (kept->name);
  /* Translators: the name the columns are kept under */
  saved = g_strdup_printf (_("Columns kept as “%s” for next time"), name);
  toast (self, saved);
}

/* Keeps the columns chosen under @name for the next file with them,
 * written by a worker; FALSE before a file is read, or while a worker
 * holds it. */
gboolean
cl_import_window_keep_mapping (ClImportWindow *self,
                               const char     *name)
{
  KeptMapping *kept;

  if (self->busy)
    return FALSE;
  if (self->csv == NULL)
    {
      toast (self, _("Choose a file first"));
      return FALSE;
    }
  kept = g_new0 (KeptMapping, 1);
  kept->name = g_strdup (name);
  kept->csv = self->csv;
  kept->mapping = self->mapping;
  self->busy = TRUE;
  update_buttons (self);
  cl_store_task_run (self, cl_store_get_path (self->store), write_kept_mapping, kept,
                     (GDestroyNotify) kept_mapping_free, NULL, NULL, on_kept_mapping_written, NULL);
  return TRUE;
}

static void
on_keep_applied (ClImportWindow *self)
{
  /* the name goes once the columns are kept */
  cl_import_window_keep_mapping (self, gtk_editable_get_text (GTK_EDITABLE (self->save_mapping_row)));
}

/* ------------------------------------------------------------------ the file */

/* A file as a worker reads it: the rows, the mappings kept that fit its
 * columns, and the mapping it opens on. */
typedef struct
{
  char        *path;
  ClCsv       *csv;
  GStrv        kept;
  ClCrmMapping mapping;
  gboolean     known;     /* a kept mapping or a CRM's layout fits it */
} FileRead;

static void
file_read_free (FileRead *read)
{
  g_free (read->path);
  g_clear_pointer (&read->csv, cl_csv_free);
  g_strfreev (read->kept);
  g_free (read);
}

static gpointer
read_file (ClStore  *store,
           gpointer  data,
           GError  **error)
{
  FileRead *read = data;

  read->csv = cl_csv_load (read->path, error);
  if (read->csv == NULL)
    return NULL;
  /* a kept mapping that fits comes first, then the CRM layouts, else the user's own */
  read->kept = cl_crm_mapping_fitting (store, read->csv);
  read->known = (read->kept[0] != NULL && cl_crm_mapping_load (store, read->kept[0], read->csv, &read->mapping))
                || cl_crm_mapping_detect (read->csv, CL_CRM_AUTO, &read->mapping, NULL);
  return read;
}

static void
on_file_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (source);
  g_autoptr (GError) error = NULL;
  FileRead *read = cl_store_task_finish (result, &error);
  g_autoptr (GtkStringList) columns = gtk_string_list_new (NULL);
  g_autofree char *name = NULL, *described = NULL;

  /* the window closed while the worker read */
  if (disposed (self))
    return;
  self->busy = FALSE;
  update_buttons (self);
  if (read == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->csv, cl_csv_free);
  self->csv = g_steal_pointer (&read->csv);
  g_free (self->path);
  self->path = g_strdup (read->path);

  gtk_string_list_append (columns, _("(none)"));
  for (guint c = 0; c < self->csv->n_columns; c++)
    gtk_string_list_append (columns, self->csv->header[c]);
  self->updating = TRUE;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    adw_combo_row_set_model (self->column_rows[f], G_LIST_MODEL (columns));
  self->updating = FALSE;
  fill_layouts (self, (const char * const *) read->kept);
  self->mapping = read->mapping;
  if (!read->known)
    {
      self->mapping.kind = CL_CRM_CUSTOM;
      for (int f = 0; f < CL_CRM_N_FIELDS; f++)
        self->mapping.columns[f] = -1;
      toast (self, _("No layout Closeloop knows: choose which column holds the deal name and the stage"));
    }

  name = g_filename_display_basename (self->path);
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
  if (read->kept[0] != NULL)
    select_kept_layout (self, read->kept[0]);
}

/* Reads the file at @path in a worker, then shows its preview; FALSE (and
 * said) when it is no file, or while a worker holds another. */
gboolean
cl_import_window_open_file (ClImportWindow *self,
                            const char     *path)
{
  g_autofree char *refusal = NULL;
  FileRead *read;

  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  /* a worker reads the file being imported */
  if (self->busy)
    return FALSE;
  if ((refusal = cl_file_chosen_refusal (path)) != NULL)
    {
      toast (self, refusal);
      return FALSE;
    }
  read = g_new0 (FileRead, 1);
  read->path = g_strdup (path);
  self->busy = TRUE;
  update_buttons (self);
  cl_store_task_run (self, cl_store_get_path (self->store), read_file, read, (GDestroyNotify) file_read_free,
                     NULL, NULL, on_file_read, NULL);
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

/* ------------------------------------------------------------------ the account export */

/* Takes @accounts, read from @path, as the names of the account ids. */
static void
use_accounts (ClImportWindow *self,
              GHashTable     *accounts,
              const char     *path)
{
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  self->accounts = accounts;
  g_free (self->accounts_name);
  self->accounts_name = g_filename_display_basename (path);
  check_rows (self);
}

gboolean
cl_import_window_open_accounts (ClImportWindow *self,
                                const char     *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClCsv) csv = NULL;
  GHashTable *accounts;

  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  if (self->busy || self->done)
    return FALSE;
  if ((csv = cl_csv_load (path, &error)) == NULL || (accounts = cl_crm_accounts_read (csv, &error)) == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  use_accounts (self, accounts, path);
  return TRUE;
}

static void
choose_accounts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (widget);
  GtkFileChooserNative *dialog = cl_file_chooser_new (GTK_WINDOW (self), self, _("Choose the Account Export"),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                      (ClFileChosen) cl_import_window_open_accounts);

  cl_file_chooser_add_filter (dialog, _("CSV files"), "csv", "txt", "tsv", NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
cl_import_window_open_dropped (ClImportWindow *self,
                               const char     *path)
{
  g_autoptr (ClCsv) csv = NULL;
  GHashTable *accounts = NULL;
  ClCrmMapping mapping;

  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  if (self->done || self->busy)
    return FALSE;
  if (self->csv != NULL && (csv = cl_csv_load (path, NULL)) != NULL
      && !cl_crm_mapping_detect (csv, CL_CRM_AUTO, &mapping, NULL)
      && (accounts = cl_crm_accounts_read (csv, NULL)) != NULL)
    {
      use_accounts (self, accounts, path);
      return TRUE;
    }
  return cl_import_window_open_file (self, path);
}

/* ------------------------------------------------------------------ the workspace's currency */

static gpointer
read_currency (ClStore  *store,
               gpointer  data,
               GError  **error)
{
  return cl_store_get_currency (store);
}

static void
on_currency_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (source);
  g_autoptr (GError) error = NULL;
  char *currency = cl_store_task_finish (result, &error);

  if (disposed (self))
    {
      g_free (currency);
      return;
    }
  if (error != NULL)
    toast (self, error->message);
  g_free (self->currency);
  self->currency = currency;
  self->currency_loaded = error == NULL;
  if (self->csv != NULL)
    show_currency (self);
  update_buttons (self);
}

void
cl_import_window_set_currency (ClImportWindow *self,
                               const char     *code)
{
  g_return_if_fail (CL_IS_IMPORT_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), code);
}

gboolean
cl_import_window_asks_currency (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->currency_entry));
}

const char *
cl_import_window_get_booked_in (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), NULL);
  return adw_action_row_get_subtitle (self->currency_row);
}

/* ------------------------------------------------------------------ the stages */

typedef struct
{
  const ClCsv  *csv;      /* borrowed from the window, which the task keeps and which opens no other while busy */
  ClCrmMapping  mapping;
} ClPlanJob;

static gpointer
plan_stages (ClStore  *store,
             gpointer  data,
             GError  **error)
{
  ClPlanJob *job = data;

  return cl_deal_import_plan_stages (store, job->csv, &job->mapping, error);
}

static void
show_page (ClImportWindow *self,
           const char     *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_buttons (self);
}

static void
on_stages_placed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (source);
  ClPlanJob *job = cl_store_task_get_data (result);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStagePlan) plan = cl_store_task_finish (result, &error);

  if (disposed (self))
    return;
  self->busy = FALSE;
  if (plan == NULL)
    toast (self, error->message);
  apply_waiting_layout (self);
  /* the columns changed while the stages were placed: Next places them again */
  if (plan == NULL || memcmp (&job->mapping, &self->mapping, sizeof self->mapping) != 0)
    {
      update_buttons (self);
      return;
    }
  self->plan = g_steal_pointer (&plan);
  cl_stages_page_set_plan (self->stages_page, self->plan);
  show_page (self, "stages");
}

static gboolean
can_go_on (ClImportWindow *self)
{
  return self->csv != NULL && self->checked && !self->done && !self->busy && as_of (self) != 0
         && (self->n_problems == 0 || gtk_switch_get_active (self->good_rows_switch)) && currency_known (self);
}

gboolean
cl_import_window_show_stages (ClImportWindow *self)
{
  ClPlanJob *job;

  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  if (!can_go_on (self) || !g_str_equal (page (self), "preview"))
    return FALSE;
  /* back from the stages with the columns as they were: the user's changes stay */
  if (self->plan != NULL)
    {
      show_page (self, "stages");
      return TRUE;
    }
  job = g_new0 (ClPlanJob, 1);
  job->csv = self->csv;
  job->mapping = self->mapping;
  self->busy = TRUE;
  update_buttons (self);
  cl_store_task_run (self, cl_store_get_path (self->store), plan_stages, job, g_free,
                     (GDestroyNotify) cl_stage_plan_free, NULL, on_stages_placed, NULL);
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cl_import_window_show_stages (CL_IMPORT_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (widget);

  if (!self->busy && g_str_equal (page (self), "stages"))
    show_page (self, "preview");
}

ClStagesPage *
cl_import_window_get_stages_page (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), NULL);
  return self->stages_page;
}

const ClStagePlan *
cl_import_window_get_stage_plan (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), NULL);
  return self->plan;
}

/* ------------------------------------------------------------------ importing */

typedef struct
{
  char           *workspace;
  ClCsv          *csv;            /* borrowed from the window, which the task keeps */
  ClCrmMapping    mapping;
  ClStagePlan    *plan;           /* borrowed, as the csv */
  GHashTable     *accounts;       /* borrowed, as the csv */
  char           *currency;       /* the workspace's, chosen here; NULL when it has one */
  ClDay           as_of;
  gboolean        good_rows;
  ClImportReport  report;
  ClImportWindow *window;         /* for progress; a reference the task holds */
  GApplication   *held;           /* until the import is written (cl_application_hold ()) */
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
  g_free (job->currency);
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
  options.stages = job->plan;
  options.accounts = job->accounts;
  options.progress = on_progress;
  options.user_data = job;
  /* the currency chosen is the workspace's, as the command line's --currency */
  if ((store = cl_store_open (job->workspace, &error)) == NULL
      || (job->currency != NULL && !cl_store_set_currency (store, job->currency, &error))
      || !cl_deal_import (store, job->csv, &job->mapping, &options, &job->report, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
append_names (GString    *text,
              const char *what,
              GPtrArray  *names)
{
  if (names->len == 0)
    return;
  g_string_append_printf (text, "\n%s: ", what);
  for (guint i = 0; i < names->len && i < 10; i++)
    {
      g_autofree char *name = cl_text_isolate (g_ptr_array_index (names, i));

      g_string_append_printf (text, "%s%s", i ? cl_text_list_separator () : "", name);
    }
  if (names->len > 10)
    g_string_append_printf (text, _(" and %u more"), names->len - 10);
}

static char *
describe_report (const ClImportReport *report)
{
  GString *text = g_string_new (NULL);

  /* Translators: deals added, deals changed, dated changes, unchanged, rows refused */
  g_string_append_printf (text, _("%u deals added, %u changed (%u dated changes), %u unchanged, %u rows left out."),
                          report->created, report->updated, report->n_events, report->unchanged,
                          report->problems->len);
  append_names (text, _("Stages created"), report->stages_created);
  append_names (text, _("Reps created"), report->reps_created);
  if (report->id_fields & (1u << CL_CRM_FIELD_OWNER))
    g_string_append_printf (text, "\n%s", _("Owners came in named by their CRM ids: give them their names in "
                                            "Preferences → People."));
  if (report->id_fields & (1u << CL_CRM_FIELD_ACCOUNT))
    g_string_append_printf (text, "\n%s", _("Accounts came in named by their CRM ids: the export has no account "
                                            "names."));
  append_names (text, _("Account ids the account export does not name"), report->accounts_unnamed);
  append_names (text, _("New currencies"), report->currencies_new);
  append_names (text, _("Open deals not in this export, left as they are"), report->missing);
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

  g_clear_pointer (&job->held, cl_application_let_go);
  if (disposed (self))
    return;
  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      /* the process changed since the stages were placed: place them again */
      if (g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_CHANGED))
        check_rows (self);
      show_page (self, self->plan != NULL ? "stages" : "preview");
      return;
    }
  g_free (self->summary);
  self->summary = describe_report (&job->report);
  cl_status_page_set_plain_description (self->done_page, self->summary);
  self->done = TRUE;
  show_page (self, "done");
  g_signal_emit (self, signals[WORKSPACE_CHANGED], 0);
}

gboolean
cl_import_window_can_import (ClImportWindow *self)
{
  g_auto (GStrv) unknown = NULL;

  if (!can_go_on (self) || self->plan == NULL || !g_str_equal (page (self), "stages"))
    return FALSE;
  unknown = cl_stage_plan_get_ambiguous (self->plan);
  return unknown[0] == NULL;
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
  job->plan = self->plan;
  job->accounts = self->accounts;
  job->currency = chosen_currency (self);
  job->as_of = as_of (self);
  job->good_rows = gtk_switch_get_active (self->good_rows_switch);
  job->window = self;
  cl_import_report_init (&job->report);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->busy = TRUE;
  show_page (self, "importing");
  /* the import is written even should the app quit meanwhile */
  job->held = cl_application_hold ();
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

/* ------------------------------------------------------------------ undoing it */

static void
on_undone (gpointer      user_data,
           const char   *undone,
           const GError *error)
{
  ClImportWindow *self = user_data;
  g_autofree char *what = NULL, *said = NULL;

  if (disposed (self))
    return;
  self->busy = FALSE;
  if (undone == NULL)
    {
      if (error != NULL)
        toast (self, error->message);
      update_buttons (self);
      return;
    }
  what = cl_text_isolate (undone);
  /* Translators: "import of deals.csv as of 2026-11-16" */
  said = g_strdup_printf (_("The workspace is as it was before the %s."), what);
  adw_status_page_set_title (self->done_page, _("Import Undone"));
  adw_status_page_set_icon_name (self->done_page, "edit-undo-symbolic");
  cl_status_page_set_plain_description (self->done_page, said);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), FALSE);
  self->undone = TRUE;
  update_buttons (self);
  g_signal_emit (self, signals[WORKSPACE_CHANGED], 0);
}

gboolean
cl_import_window_undo (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), FALSE);
  if (!self->done || self->busy || self->undone)
    return FALSE;
  self->busy = TRUE;
  update_buttons (self);
  cl_import_undo_run (GTK_WINDOW (self), cl_store_get_path (self->store), on_undone, self);
  return TRUE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cl_import_window_undo (CL_IMPORT_WINDOW (widget));
}

/* ------------------------------------------------------------------ what the window is at */

static void
update_buttons (ClImportWindow *self)
{
  const char *now = page (self);
  gboolean stages = g_str_equal (now, "stages");

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), g_str_equal (now, "preview") || g_str_equal (now, "choose"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), stages || g_str_equal (now, "importing"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), stages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", can_go_on (self) && g_str_equal (now, "preview"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", cl_import_window_can_import (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", stages && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.undo", self->done && !self->undone && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-accounts", !self->busy && !self->done);
}

const char *
cl_import_window_get_page (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), NULL);
  return self->busy ? "busy" : self->undone ? "undone" : page (self);
}

guint
cl_import_window_get_id_fields (ClImportWindow *self)
{
  g_return_val_if_fail (CL_IS_IMPORT_WINDOW (self), 0);
  return self->id_fields;
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
  return self->done && !self->busy;
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
  cl_store_task_run (self, cl_store_get_path (store), read_currency, NULL, NULL, g_free, NULL, on_currency_read, NULL);
  if (path != NULL)
    cl_import_window_open_file (self, path);
  update_buttons (self);
  return self;
}

static void
cl_import_window_dispose (GObject *object)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->accounts_name, g_free);
  if (self->choices != NULL)
    for (guint i = 0; i < self->choices->len; i++)
      g_free (g_array_index (self->choices, ClLayoutChoice, i).kept);
  g_clear_pointer (&self->choices, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_IMPORT_WINDOW);
  G_OBJECT_CLASS (cl_import_window_parent_class)->dispose (object);
}

/* A worker may still read the file, the plan and the account names after
 * the window closed: the task it runs in keeps the window until it ends. */
static void
cl_import_window_finalize (GObject *object)
{
  ClImportWindow *self = CL_IMPORT_WINDOW (object);

  g_clear_pointer (&self->csv, cl_csv_free);
  g_clear_pointer (&self->plan, cl_stage_plan_free);
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  G_OBJECT_CLASS (cl_import_window_parent_class)->finalize (object);
}

static void
cl_import_window_class_init (ClImportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_import_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = cl_import_window_finalize;
  g_type_ensure (CL_TYPE_STAGES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/import/cl-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, next_button);
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
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, currency_entry);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, names_group);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, owner_ids_row);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, account_ids_row);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, stages_page);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, ClImportWindow, undo_button);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.choose-accounts", NULL, choose_accounts_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.undo", NULL, undo_action);
  /* an import or its undo changed the workspace: the views read it again */
  signals[WORKSPACE_CHANGED] = g_signal_new ("workspace-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cl_import_window_init (ClImportWindow *self)
{
  GtkDropTarget *drop = cl_file_drop_target_new ((ClFileChosen) cl_import_window_open_dropped, self);
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
  g_signal_connect_swapped (self->good_rows_switch, "notify::active", G_CALLBACK (update_buttons), self);
  g_signal_connect_swapped (self->currency_entry, "changed", G_CALLBACK (update_buttons), self);
  g_signal_connect_swapped (self->stages_page, "changed", G_CALLBACK (update_buttons), self);
  g_signal_connect_swapped (self->save_mapping_row, "apply", G_CALLBACK (on_keep_applied), self);
  gtk_list_box_set_placeholder (self->preview_list, cl_list_box_placeholder_new (_("The file has no rows")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
