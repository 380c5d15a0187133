/* cl-health-export.h — loop health over a period as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-loop-health.h"

G_BEGIN_DECLS

/* "closeloop.loop-health", version 2: each loop's beats and outputs over
 * @period ("2026-Q4", "2026-11" or "2026-W47") as of @today. */
JsonNode *cl_health_export_build (ClStore     *store,
                                  const char  *period,
                                  ClDay        today,
                                  GError     **error);

/* @member: every loop's figures, then "hollow_cadence"; shared with the
 * retrospective's document. */
void      cl_health_export_add_loops (JsonBuilder        *builder,
                                      const char         *member,
                                      const ClLoopHealth  health[CL_N_LOOPS]);

G_END_DECLS
