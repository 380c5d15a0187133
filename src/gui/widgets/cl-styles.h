/* cl-styles.h — the style classes and texts that mean the same thing in
 * every view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-loop-health.h"

G_BEGIN_DECLS

/* "success" running, "warning" slipping, "error" lapsed, "dim-label" no data */
const char *cl_health_state_style_class (ClHealthState state);
/* A loop's row under its title: the figures, then why its state is what
 * it is; with no data, why there is none.
 *
 * Returns: (transfer full): the text */
char       *cl_health_row_subtitle      (const ClLoopHealth *health);

G_END_DECLS
