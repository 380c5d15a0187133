/* cl-development-export.h — one rep's month of development as a shared
 * document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

JsonNode *cl_development_export_build (ClStore     *store,
                                       const char  *rep_name,
                                       const char  *month,
                                       GError     **error);

G_END_DECLS
