/* cl-retro-export.h — a quarter's retrospective as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-retro.h"

G_BEGIN_DECLS

/* "closeloop.quarterly-retro", version 2: the inputs computed for
 * @inputs->quarter (flags, where deals died, results against the quarter
 * before, the reps' focuses, loop health) and what the team recorded: its
 * findings, root causes, decision and the loops it restarts. */
JsonNode *cl_retro_export_build (ClStore              *store,
                                 const ClRetroInputs  *inputs,
                                 GError              **error);

G_END_DECLS
