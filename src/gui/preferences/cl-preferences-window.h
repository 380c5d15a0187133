/* cl-preferences-window.h — the team's thresholds, its sales process and its
 * call scorecard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_PREFERENCES_WINDOW (cl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ClPreferencesWindow, cl_preferences_window, CL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ClPreferencesWindow *cl_preferences_window_new (GtkWindow *parent,
                                                ClStore   *store);

/* What the scorecard rows do, callable from tests. Removing shows a toast
 * whose Undo brings the item back. */
gboolean cl_preferences_window_add_scorecard_item    (ClPreferencesWindow *self,
                                                      const char          *label);
gboolean cl_preferences_window_remove_scorecard_item (ClPreferencesWindow *self,
                                                      gint64               item_id,
                                                      const char          *label);
guint    cl_preferences_window_get_n_scorecard_items (ClPreferencesWindow *self);

G_END_DECLS
