/* cl-accessible-names.h — every control named in words for screen readers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, each control of the application is named in words as it is
 * shown, whoever built it (our templates, libadwaita's rows, a message
 * dialog's responses). Called at startup; once is enough for the process. */
void cl_accessible_names_install (void);
/* Names each control below @widget, shown or not, as a window shown does
 * all it holds: for a part built into a window already shown. */
void cl_accessible_names_apply   (GtkWidget *widget);

G_END_DECLS
