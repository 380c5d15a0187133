/* cl-styles.h — the style classes that mean the same thing in every view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-loop-health.h"

G_BEGIN_DECLS

/* "success" running, "warning" slipping, "error" lapsed, "dim-label" no data */
const char *cl_health_state_style_class (ClHealthState state);

G_END_DECLS
