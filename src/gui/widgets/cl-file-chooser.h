/* cl-file-chooser.h — a native file chooser, and a drop target, whose file
 * goes to a window's own function
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "cl-store-task.h"

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

/* Adds a filter called @name for the NULL-terminated file name suffixes. */
void                  cl_file_chooser_add_filter (GtkFileChooserNative *dialog,
                                                  const char           *name,
                                                  ...) G_GNUC_NULL_TERMINATED;

/* Why a file chosen or dropped at @path cannot be read, to say, or NULL
 * when it is a regular file (its reading is a worker's). */
char                 *cl_file_chosen_refusal     (const char           *path);
/* A drop target for files whose path goes to @chosen (@target, path); the
 * drop is accepted when @chosen returns TRUE. */
GtkDropTarget        *cl_file_drop_target_new    (ClFileChosen          chosen,
                                                  gpointer              target);

/* Saves @document (a summary, or NULL from a failed build with @error set)
 * at @path and publishes it in the workspace's team folder when it has
 * one. Returns what the toast says — @done, and that it went to the team
 * folder too — or NULL with @error. */
char                 *cl_file_save_summary       (ClStore              *store,
                                                  JsonNode             *document,
                                                  const char           *path,
                                                  const char           *done,
                                                  GError              **error);

/* Builds a summary from @store; NULL with @error set when it cannot. */
typedef JsonNode *(*ClSummaryBuild) (ClStore        *store,
                                     gconstpointer   data,
                                     GError        **error);

/* Builds a summary with @build (@data) in a worker thread, on a
 * connection of its own to @workspace, and saves it as
 * cl_file_save_summary () does; @owner's toasts (through @show) say @done
 * or why it failed, and @working meanwhile should it take a moment. */
void                  cl_file_export_summary     (gpointer              owner,
                                                  ClShowToast           show,
                                                  const char           *workspace,
                                                  ClSummaryBuild        build,
                                                  gpointer              data,
                                                  GDestroyNotify        data_free,
                                                  const char           *path,
                                                  const char           *working,
                                                  const char           *done);

G_END_DECLS
