/* cl-file-chooser.h — a native file chooser whose chosen path goes to a
 * window's own function
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the window the chooser belongs to and the path chosen. */
typedef gboolean (*ClFileChosen) (gpointer    window,
                                  const char *path);

/* Not shown yet: the caller adds filters or a name, then shows it. */
GtkFileChooserNative *cl_file_chooser_new (GtkWindow            *window,
                                           const char           *title,
                                           GtkFileChooserAction  action,
                                           const char           *accept,
                                           ClFileChosen          chosen);

G_END_DECLS
