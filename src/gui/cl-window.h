/* cl-window.h — the main window: the five views over one workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-application.h"
#include "cl-store.h"
#include "cl-team-folder.h"

G_BEGIN_DECLS

#define CL_TYPE_WINDOW (cl_window_get_type ())
G_DECLARE_FINAL_TYPE (ClWindow, cl_window, CL, WINDOW, AdwApplicationWindow)

ClWindow   *cl_window_new               (ClApplication *application);
/* What the menu's items do with the file chosen, callable from tests. */
gboolean    cl_window_export_review     (ClWindow      *self,
                                         const char    *path);
gboolean    cl_window_back_up           (ClWindow      *self,
                                         const char    *path);
/* Restores @backup into a new workspace beside the current one and opens it. */
gboolean    cl_window_restore           (ClWindow      *self,
                                         const char    *backup);
/* Keeps @file, a teammate's summary, in the team library and says so; a
 * newer export of one kept asks before replacing it. */
void        cl_window_import_summary    (ClWindow      *self,
                                         GFile         *file);
/* (Re)starts watching the workspace's team folder, if it has one, once a
 * worker read which it is: what teammates publish joins the team library,
 * with a toast. The watch before stops at once. */
void        cl_window_watch_team_folder (ClWindow      *self);
ClTeamFolderWatch *cl_window_get_team_folder_watch (ClWindow *self);
/* The toast the window showed (or queued) last, or NULL: for tests. */
AdwToast   *cl_window_get_last_toast    (ClWindow      *self);
/* What the main menu's undo would undo ("import of deals.csv as of
 * 2026-11-16"), or NULL while there is no import to undo. */
const char *cl_window_get_undo_point    (ClWindow      *self);
/* Opens a summary of the team library read-only, once a worker read it
 * (a teammate's pre-read can be megabytes); said in a toast when it
 * cannot be. */
void        cl_window_open_library_entry (ClWindow      *self,
                                          ClLibraryEntry *entry);
/* Opens @deal_id's page, or raises it when it is open; the window. */
GtkWindow  *cl_window_open_deal         (ClWindow      *self,
                                         gint64         deal_id);
void        cl_window_open_workspace    (ClWindow      *self,
                                         const char    *path,
                                         const char    *said);
ClStore    *cl_window_get_store         (ClWindow      *self);
const char *cl_window_get_state         (ClWindow      *self);
/* A view by its name ("overview" … "library"); "teams" is the Team
 * Library's Teams. cl_window_get_view () of "library" is its list of
 * summaries (a ClListPage), of "teams" its ClTeamsPage. */
void        cl_window_show_view         (ClWindow      *self,
                                         const char    *name);
GtkWidget  *cl_window_get_view          (ClWindow      *self,
                                         const char    *name);
void        cl_window_set_accels   (GtkApplication *application);

G_END_DECLS
