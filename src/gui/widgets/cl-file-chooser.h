/* cl-file-chooser.h — a native file chooser whose chosen path goes to a
 * window's own function
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chooser's target and the path chosen. */
typedef gboolean (*ClFileChosen) (gpointer    target,
                                  const char *path);

/* A chooser over @window whose chosen path goes to @chosen (@target, path).
 * Not shown yet: the caller adds filters or a name, then shows it. */
GtkFileChooserNative *cl_file_chooser_new (GtkWindow            *window,
                                           gpointer              target,
                                           const char           *title,
                                           GtkFileChooserAction  action,
                                           const char           *accept,
                                           ClFileChosen          chosen);

G_END_DECLS
