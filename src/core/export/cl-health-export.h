/* cl-health-export.h — loop health over a period as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* "closeloop.loop-health", version 1: each loop's beats and outputs over
 * @period ("2026-Q4", "2026-11" or "2026-W47") as of @today. */
JsonNode *cl_health_export_build (ClStore     *store,
                                  const char  *period,
                                  ClDay        today,
                                  GError     **error);

G_END_DECLS
