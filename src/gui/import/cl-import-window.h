/* cl-import-window.h — a CRM's deals export into the workspace: its layout
 * and columns, a preview, the rows that cannot be read, and the import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-crm-layout.h"
#include "cl-stages-page.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_IMPORT_WINDOW (cl_import_window_get_type ())
G_DECLARE_FINAL_TYPE (ClImportWindow, cl_import_window, CL, IMPORT_WINDOW, AdwWindow)

/* Opens on @path, or on a page to choose or drop a file when NULL.
 * "workspace-changed" follows an import, and its undo. */
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
/* The file's column @field is read from (-1: none), as applied. */
int             cl_import_window_get_column (ClImportWindow *self,
                                             ClCrmField      field);
gboolean        cl_import_window_keep_mapping (ClImportWindow *self,
                                               const char     *name);
/* The CRM's account export beside the deals: names their account ids. */
gboolean        cl_import_window_open_accounts (ClImportWindow *self,
                                                const char     *path);
/* A file dropped on the window, unless an import has started: beside a
 * deals export, an account export names its account ids; any other file
 * is the deals export. */
gboolean        cl_import_window_open_dropped (ClImportWindow *self,
                                               const char     *path);
/* Bits (1 << ClCrmField) of the columns of ids names come from. */
guint           cl_import_window_get_id_fields (ClImportWindow *self);
/* What the amounts are booked in, as the preview says it; whether the
 * workspace's currency is asked for, and the user's answer. */
const char     *cl_import_window_get_booked_in (ClImportWindow *self);
gboolean        cl_import_window_asks_currency (ClImportWindow *self);
void            cl_import_window_set_currency  (ClImportWindow *self,
                                                const char     *code);
/* "choose", "preview", "stages", "importing", "done", "undone", or "busy"
 * while a worker reads the file, places the stages, imports or undoes. */
const char     *cl_import_window_get_page   (ClImportWindow *self);
/* Next: places the file's stages in a worker thread, then shows them. */
gboolean        cl_import_window_show_stages (ClImportWindow *self);
ClStagesPage   *cl_import_window_get_stages_page (ClImportWindow *self);
/* (nullable): the stages placed, once shown */
const ClStagePlan *cl_import_window_get_stage_plan (ClImportWindow *self);
/* Starts the import in a worker thread, from the stages shown. */
gboolean        cl_import_window_run        (ClImportWindow *self);
gboolean        cl_import_window_is_done    (ClImportWindow *self);
const char     *cl_import_window_get_summary (ClImportWindow *self);
/* Undoes the import done, in a worker thread. */
gboolean        cl_import_window_undo       (ClImportWindow *self);

G_END_DECLS
