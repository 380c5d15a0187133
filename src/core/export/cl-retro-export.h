/* cl-retro-export.h — a quarter's retrospective as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-retro.h"

G_BEGIN_DECLS

JsonNode *cl_retro_export_build (ClStore              *store,
                                 const ClRetroInputs  *inputs,
                                 GError              **error);

G_END_DECLS
