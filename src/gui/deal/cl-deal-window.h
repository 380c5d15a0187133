/* cl-deal-window.h — one deal: its values, flags, history, qualification,
 * contacts, next step, actions and calls, opened from any list of deals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-deal-brief.h"

G_BEGIN_DECLS

#define CL_TYPE_DEAL_WINDOW (cl_deal_window_get_type ())
G_DECLARE_FINAL_TYPE (ClDealWindow, cl_deal_window, CL, DEAL_WINDOW, AdwWindow)

/* Opens @deal_id of the workspace at @workspace; it is read in a worker. */
ClDealWindow      *cl_deal_window_new            (GtkWindow    *parent,
                                                  const char   *workspace,
                                                  gint64        deal_id);
gint64             cl_deal_window_get_deal_id    (ClDealWindow *self);
/* What the page shows, NULL until it is read; for tests. */
const ClDealBrief *cl_deal_window_get_brief      (ClDealWindow *self);
/* How many times the deal was read: an edit reads it again. */
guint              cl_deal_window_get_n_reads    (ClDealWindow *self);
/* Whether an edit was saved since the page opened. */
gboolean           cl_deal_window_has_changed    (ClDealWindow *self);
/* The list of a group: "facts", "flags", "actions", "qualification",
 * "contacts", "calls" or "timeline"; for tests. */
GtkListBox        *cl_deal_window_get_list       (ClDealWindow *self,
                                                  const char   *name);
/* Fills the next step's rows as a person types, and saves as Ctrl+S does. */
void               cl_deal_window_edit_next_step (ClDealWindow *self,
                                                  const char   *next_step,
                                                  const char   *due);

G_END_DECLS
