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

/* Pretty JSON text of @root, ending in a newline. */
char     *cl_export_to_text     (JsonNode     *root);
/* cl_export_to_text () written with cl_file_write (): atomically, 0600. */
gboolean  cl_export_write_document (JsonNode   *root,
                                    const char *path,
                                    GError    **error);
void      cl_export_add_day     (JsonBuilder  *builder,
                                 const char   *member,
                                 ClDay         day);
/* Rounded to three decimals, so documents do not carry float noise; a NULL
 * @member adds the number to the array being built. */
void      cl_export_add_number  (JsonBuilder  *builder,
                                 const char   *member,
                                 double        value);
/* As cl_money_format_exact () writes it. */
void      cl_export_add_amount  (JsonBuilder  *builder,
                                 const char   *member,
                                 ClCentsTotal  cents);

G_END_DECLS
