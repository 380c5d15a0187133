/* cl-coaching-export.h — one deal's coaching as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

JsonNode *cl_coaching_export_build (ClStore   *store,
                                    gint64     deal_id,
                                    gboolean   include_private,
                                    GError   **error);

gboolean  cl_coaching_export_add_call (ClStore      *store,
                                       JsonBuilder  *builder,
                                       ClCall       *call,
                                       GListModel   *items,
                                       GError      **error);

G_END_DECLS
