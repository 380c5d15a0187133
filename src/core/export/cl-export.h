/* cl-export.h — what every shared document has in common
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-document.h"
#include "cl-model.h"

G_BEGIN_DECLS

/* How the file of a shared document is named by default, so that it opens
 * with Closeloop (data/io.github.closeloop.Closeloop.mime.xml): a summary
 * exported from the window, one published in the team folder. */
#define CL_EXPORT_FILE_EXTENSION ".closeloop.json"

char     *cl_export_to_text     (JsonNode     *root);
gboolean  cl_export_write_document (JsonNode   *root,
                                    const char *path,
                                    GError    **error);
void      cl_export_add_day     (JsonBuilder  *builder,
                                 const char   *member,
                                 ClDay         day);
void      cl_export_add_number  (JsonBuilder  *builder,
                                 const char   *member,
                                 double        value);
void      cl_export_add_amount  (JsonBuilder  *builder,
                                 const char   *member,
                                 ClCentsTotal  cents);

G_END_DECLS
