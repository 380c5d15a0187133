/* cl-file-chooser.c — a native file chooser whose chosen path goes to a
 * window's own function
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include "cl-file-chooser.h"

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
