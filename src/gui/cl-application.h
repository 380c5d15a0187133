/* cl-application.h — the single-instance GNOME application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CL_TYPE_APPLICATION (cl_application_get_type ())
G_DECLARE_FINAL_TYPE (ClApplication, cl_application, CL, APPLICATION, AdwApplication)

ClApplication *cl_application_new            (const char       *workspace,
                                              GApplicationFlags flags);
const char    *cl_application_get_workspace  (ClApplication    *self);
/* What a window shows: what a second launch that asked for another
 * workspace is told is open. */
void           cl_application_set_shown_workspace (ClApplication *self,
                                                   const char    *path);
/* Opens @deal_id on its page, as the app.open-deal action does: what a
 * list of deals in any window calls when a deal is activated. */
void           cl_application_open_deal      (gint64            deal_id);

G_END_DECLS
