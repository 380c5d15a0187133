/* cl-review-export.h — the weekly pipeline review as a shared document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

JsonNode *cl_review_export_build (ClStore     *store,
                                  const char  *week,
                                  GError     **error);
gboolean  cl_review_export_write (ClStore     *store,
                                  const char  *week,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
