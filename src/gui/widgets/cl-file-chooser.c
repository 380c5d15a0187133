/* cl-file-chooser.c — a native file chooser, and a drop target, whose file
 * goes to a window's own function, and what a toast says once it is saved
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-file-chooser.h"
#include "cl-team-folder.h"

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             gpointer         target)
{
  ClFileChosen chosen = g_object_get_data (G_OBJECT (dialog), "chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        chosen (target, path);
    }
  g_object_unref (dialog);
}

GtkFileChooserNative *
cl_file_chooser_new (GtkWindow            *window,
                     gpointer              target,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept,
                     ClFileChosen          chosen)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, window, action, accept, NULL);

  g_object_set_data (G_OBJECT (dialog), "chosen", chosen);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), target);
  return dialog;
}

void
cl_file_chooser_add_filter (GtkFileChooserNative *dialog,
                            const char           *name,
                            ...)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *suffix;
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, name);
  while ((suffix = va_arg (args, const char *)) != NULL)
    gtk_file_filter_add_suffix (filter, suffix);
  va_end (args);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
}

static gboolean
on_drop (GtkDropTarget *drop,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       target)
{
  ClFileChosen chosen = g_object_get_data (G_OBJECT (drop), "chosen");
  GFile *file = g_value_get_object (value);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  return path != NULL && chosen (target, path);
}

char *
cl_file_chosen_refusal (const char *path)
{
  g_autofree char *name = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  name = g_filename_display_basename (path);
  return g_strdup_printf (_("“%s” is not a file that can be read"), name);
}

GtkDropTarget *
cl_file_drop_target_new (ClFileChosen chosen,
                         gpointer     target)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_object_set_data (G_OBJECT (drop), "chosen", chosen);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), target);
  return drop;
}

char *
cl_file_save_summary (ClStore     *store,
                      JsonNode    *document,
                      const char  *path,
                      const char  *done,
                      GError     **error)
{
  gboolean published = FALSE;

  if (document == NULL || !cl_team_folder_save_document (store, document, path, &published, error))
    return NULL;
  /* Translators: what was exported, e.g. "Review of 2026-W47 exported" */
  return published ? g_strdup_printf (_("%s and published in the team folder"), done) : g_strdup (done);
}

/* A summary to build and save in a worker thread */
typedef struct
{
  ClSummaryBuild  build;
  gpointer        data;
  GDestroyNotify  data_free;
  char           *path;
  char           *done;
} SummaryExport;

static void
summary_export_free (SummaryExport *export)
{
  if (export->data_free != NULL)
    export->data_free (export->data);
  g_free (export->path);
  g_free (export->done);
  g_free (export);
}

static gpointer
export_summary_job (ClStore   *store,
                    gpointer   data,
                    GError   **error)
{
  SummaryExport *export = data;
  g_autoptr (JsonNode) root = export->build (store, export->data, error);

  return cl_file_save_summary (store, root, export->path, export->done, error);
}

void
cl_file_export_summary (gpointer        owner,
                        ClShowToast     show,
                        const char     *workspace,
                        ClSummaryBuild  build,
                        gpointer        data,
                        GDestroyNotify  data_free,
                        const char     *path,
                        const char     *working,
                        const char     *done)
{
  SummaryExport *export = g_new0 (SummaryExport, 1);

  export->build = build;
  export->data = data;
  export->data_free = data_free;
  export->path = g_strdup (path);
  export->done = g_strdup (done);
  cl_store_task_run_told (owner, show, workspace, export_summary_job, export, (GDestroyNotify) summary_export_free,
                          working, NULL);
}
