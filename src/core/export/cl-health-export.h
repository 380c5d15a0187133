/* cl-health-export.h — loop health over a period as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-flag-outcomes.h"
#include "cl-loop-health.h"

G_BEGIN_DECLS

JsonNode *cl_health_export_build (ClStore     *store,
                                  const char  *period,
                                  ClDay        today,
                                  GError     **error);

void      cl_health_export_add_loops (JsonBuilder        *builder,
                                      const char         *member,
                                      const ClLoopHealth  health[CL_N_LOOPS]);

void      cl_health_export_add_flag_outcomes (JsonBuilder          *builder,
                                              const char           *member,
                                              const ClFlagOutcomes *outcomes);

G_END_DECLS
