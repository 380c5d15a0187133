/* cl-roster-page.h — Preferences → People: the team's roster, where reps
 * are renamed, merged, marked as the manager or as having left
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_ROSTER_PAGE (cl_roster_page_get_type ())
G_DECLARE_FINAL_TYPE (ClRosterPage, cl_roster_page, CL, ROSTER_PAGE, AdwPreferencesPage)

/* Loads the roster of @store's workspace, in a worker thread; "changed"
 * follows every change made here. */
void        cl_roster_page_set_store      (ClRosterPage *self,
                                           ClStore      *store);

/* What the rows do, callable from tests: each runs in a worker thread and
 * reloads the roster; FALSE while another change runs. A change the
 * workspace refuses is said in a toast, and kept for cl_roster_page_get_message (). */
gboolean    cl_roster_page_rename         (ClRosterPage *self,
                                           gint64        rep_id,
                                           const char   *name);
gboolean    cl_roster_page_merge          (ClRosterPage *self,
                                           gint64        from_id,
                                           gint64        into_id);
gboolean    cl_roster_page_set_manager    (ClRosterPage *self,
                                           gint64        rep_id,
                                           gboolean      is_manager);
gboolean    cl_roster_page_set_left       (ClRosterPage *self,
                                           gint64        rep_id,
                                           gboolean      has_left);

/* Whether the roster shown is the workspace's, no change running. */
gboolean    cl_roster_page_is_loaded      (ClRosterPage *self);
guint       cl_roster_page_get_n_people   (ClRosterPage *self);
/* (nullable): why the last change was refused */
const char *cl_roster_page_get_message    (ClRosterPage *self);

G_END_DECLS
