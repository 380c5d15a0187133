/* cl-development-export.h — one rep's month of development as a shared
 * document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* "closeloop.rep-development", version 1: @rep_name's plan for @month
 * ("2026-11") with its focus, the evidence behind it, the practice goal and
 * log, six months of call trends and the look-back. */
JsonNode *cl_development_export_build (ClStore     *store,
                                       const char  *rep_name,
                                       const char  *month,
                                       GError     **error);

G_END_DECLS
