/* cl-import-undo.c — the last import undone from the window, off the main
 * thread, asking first when the workspace changed after it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-import-undo.h"
#include "cl-store-task.h"

typedef struct
{
  GtkWindow      *parent;
  char           *workspace;
  ClImportUndone  done;
  gpointer        user_data;
} ClUndo;

static void
undo_free (ClUndo *undo)
{
  g_object_unref (undo->parent);
  g_free (undo->workspace);
  g_free (undo);
}

static gpointer
undo_job (ClStore  *store,
          gpointer  even_if_changed,
          GError  **error)
{
  return cl_store_undo_import (store, GPOINTER_TO_INT (even_if_changed), error);
}

static void on_undone (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
start (ClUndo   *undo,
       gboolean  even_if_changed)
{
  cl_store_task_run (undo->parent, undo->workspace, undo_job, GINT_TO_POINTER (even_if_changed), NULL, g_free,
                     NULL, on_undone, undo);
}

static void
on_answer (AdwMessageDialog *dialog,
           const char       *response,
           ClUndo           *undo)
{
  if (g_str_equal (response, "undo"))
    {
      start (undo, TRUE);
      return;
    }
  undo->done (undo->user_data, NULL, NULL);
  undo_free (undo);
}

static void
on_undone (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ClUndo *undo = user_data;
  gboolean asked = GPOINTER_TO_INT (cl_store_task_get_data (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *undone = cl_store_task_finish (result, &error);
  AdwMessageDialog *dialog;

  /* what was recorded after the import would go with it: the user says */
  if (!asked && g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_CHANGED))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (undo->parent, _("Undo the Import All the Same?"),
                                                           error->message));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Keep the Changes"), "undo", _("_Undo All the Same"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "undo", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_answer), undo);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  undo->done (undo->user_data, undone, error);
  undo_free (undo);
}

void
cl_import_undo_run (GtkWindow      *parent,
                    const char     *workspace,
                    ClImportUndone  done,
                    gpointer        user_data)
{
  ClUndo *undo = g_new0 (ClUndo, 1);

  undo->parent = g_object_ref (parent);
  undo->workspace = g_strdup (workspace);
  undo->done = done;
  undo->user_data = user_data;
  start (undo, FALSE);
}

static gpointer
point_job (ClStore  *store,
           gpointer  data,
           GError  **error)
{
  return cl_store_undo_point (store);
}

typedef struct
{
  ClImportUndone done;
  gpointer       user_data;
} ClPointQuery;

static void
on_point (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ClPointQuery *query = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *point = cl_store_task_finish (result, &error);

  query->done (query->user_data, point, error);
  g_free (query);
}

void
cl_import_undo_point (GObject        *source_object,
                      const char     *workspace,
                      ClImportUndone  done,
                      gpointer        user_data)
{
  ClPointQuery *query = g_new0 (ClPointQuery, 1);

  query->done = done;
  query->user_data = user_data;
  cl_store_task_run (source_object, workspace, point_job, NULL, NULL, g_free, NULL, on_point, query);
}
