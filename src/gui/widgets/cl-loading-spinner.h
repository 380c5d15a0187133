/* cl-loading-spinner.h — a spinner that turns only while it is shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CL_TYPE_LOADING_SPINNER (cl_loading_spinner_get_type ())
G_DECLARE_FINAL_TYPE (ClLoadingSpinner, cl_loading_spinner, CL, LOADING_SPINNER, GtkWidget)

G_END_DECLS
