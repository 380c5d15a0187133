/* cl-import-undo.h — the last import undone from the window, off the main
 * thread, asking first when the workspace changed after it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @undone is what was undone ("import of deals.csv as of 2026-11-16"), or
 * NULL: then @error says why, or is NULL when the user kept the changes. */
typedef void (*ClImportUndone) (gpointer      user_data,
                                const char   *undone,
                                const GError *error);

/* Undoes the last import of @workspace in a worker thread. When the
 * workspace changed after the import, @parent asks whether to undo it all
 * the same, those changes with it. @done is called once, on the main loop. */
void cl_import_undo_run   (GtkWindow      *parent,
                           const char     *workspace,
                           ClImportUndone  done,
                           gpointer        user_data);

/* What the last import that can be undone was, in a worker thread: @done
 * gets it, or NULL (no error) when there is none. */
void cl_import_undo_point (GObject        *source_object,
                           const char     *workspace,
                           ClImportUndone  done,
                           gpointer        user_data);

G_END_DECLS
