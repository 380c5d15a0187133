/* cl-import-window.h — a CRM's deals export into the workspace: its layout
 * and columns, a preview, the rows that cannot be read, and the import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-crm-layout.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_IMPORT_WINDOW (cl_import_window_get_type ())
G_DECLARE_FINAL_TYPE (ClImportWindow, cl_import_window, CL, IMPORT_WINDOW, AdwWindow)

/* Opens on @path, or on a page to choose or drop a file when NULL. */
ClImportWindow *cl_import_window_new        (GtkWindow      *parent,
                                             ClStore        *store,
                                             const char     *path);

/* What the window's rows and buttons do, callable from tests. */
gboolean        cl_import_window_open_file  (ClImportWindow *self,
                                             const char     *path);
ClCrmKind       cl_import_window_get_kind   (ClImportWindow *self);
guint           cl_import_window_get_n_problems (ClImportWindow *self);
gboolean        cl_import_window_can_import (ClImportWindow *self);
/* Maps @field to the file's column @column (-1: none). */
void            cl_import_window_set_column (ClImportWindow *self,
                                             ClCrmField      field,
                                             int             column);
gboolean        cl_import_window_keep_mapping (ClImportWindow *self,
                                               const char     *name);
/* Starts the import in a worker thread. */
gboolean        cl_import_window_run        (ClImportWindow *self);
gboolean        cl_import_window_is_done    (ClImportWindow *self);
const char     *cl_import_window_get_summary (ClImportWindow *self);

G_END_DECLS
