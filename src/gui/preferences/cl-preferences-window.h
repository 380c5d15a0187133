/* cl-preferences-window.h — the team's thresholds and currency, its people,
 * its sales process, its call scorecard and its development skills
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-identity.h"
#include "cl-roster-page.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_WINDOW (cl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, CL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ClPreferencesWindow *cl_preferences_window_new (GtkWindow *parent,
                                                ClStore   *store);

/* What the rows of the scorecard and the skills do, callable from tests:
 * written by workers in the window's turn (cl_preferences_window_is_busy
 * ()), a refusal said in a toast. Removing shows a toast whose Undo brings
 * the item back. */
void     cl_preferences_window_add_team_list_item    (ClPreferencesWindow *self,
                                                      ClTeamList           list,
                                                      const char          *label);
void     cl_preferences_window_remove_team_list_item (ClPreferencesWindow *self,
                                                      ClTeamList           list,
                                                      gint64               item_id,
                                                      const char          *label);
guint    cl_preferences_window_get_n_team_list_items (ClPreferencesWindow *self,
                                                      ClTeamList           list);

/* The workspace's currency, as shown (read in a worker thread), and a new
 * one saved in a worker thread; a code the workspace refuses is a toast. */
const char *cl_preferences_window_get_currency       (ClPreferencesWindow *self);
gboolean cl_preferences_window_set_currency          (ClPreferencesWindow *self,
                                                      const char          *code);
/* Preferences → People */
ClRosterPage *cl_preferences_window_get_roster_page  (ClPreferencesWindow *self);
/* What the automatic rows do, callable from tests: the team's own value,
 * or back to the one worked out (@amount -1, @days 0); and the row's words
 * on where the value in force comes from. */
void        cl_preferences_window_set_key_deal_amount (ClPreferencesWindow *self,
                                                       gint64               amount);
const char *cl_preferences_window_get_key_deal_text   (ClPreferencesWindow *self);
void        cl_preferences_window_set_stalled_days    (ClPreferencesWindow *self,
                                                       gint64               stage_id,
                                                       int                  days);
const char *cl_preferences_window_get_stall_text      (ClPreferencesWindow *self,
                                                       gint64               stage_id);
/* Workers write a threshold or a stage, or read the thresholds, the
 * stages or the key-deal amount again, in the window's turn. */
gboolean    cl_preferences_window_is_busy             (ClPreferencesWindow *self);

/* Chooses the team folder (NULL: none); "team-folder-changed" follows. */
gboolean cl_preferences_window_set_team_folder       (ClPreferencesWindow *self,
                                                      const char          *path);
/* Changes the workspace's owner (@name NULL keeps theirs) and makes them
 * the author of what this process exports; a name refused is a toast and
 * changes nothing, a change is followed by "identity-changed". */
gboolean cl_preferences_window_set_identity          (ClPreferencesWindow *self,
                                                      const char          *name,
                                                      ClRole               role);
/* What "You publish as" says: the author's name, and their subfolder of
 * the team folder once there is one. */
const char *cl_preferences_window_get_publish_as_text (ClPreferencesWindow *self);

G_END_DECLS
