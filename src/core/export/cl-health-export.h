/* cl-health-export.h — loop health over a period as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-flag-outcomes.h"
#include "cl-loop-health.h"

G_BEGIN_DECLS

/* "closeloop.loop-health", version 2: each loop's beats and outputs over
 * @period ("2026-Q4", "2026-11" or "2026-W47") as of @today, and which
 * flags went with a loss on the deals closed by the period's end (or
 * @today, if sooner).
 *
 * Returns: (transfer full) (nullable): the document, or NULL with @error */
JsonNode *cl_health_export_build (ClStore     *store,
                                  const char  *period,
                                  ClDay        today,
                                  GError     **error);

/* @member: every loop's figures, then "hollow_cadence"; shared with the
 * retrospective's document. */
void      cl_health_export_add_loops (JsonBuilder        *builder,
                                      const char         *member,
                                      const ClLoopHealth  health[CL_N_LOOPS]);

/* @member: which flags went with a loss, as cl_flag_outcomes_compute ()
 * gives them, each row with its sentence; shared with the retrospective's
 * document. */
void      cl_health_export_add_flag_outcomes (JsonBuilder          *builder,
                                              const char           *member,
                                              const ClFlagOutcomes *outcomes);

G_END_DECLS
