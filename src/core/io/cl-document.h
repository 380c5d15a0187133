/* cl-document.h — what every shared document starts with, and who it is by
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *cl_export_author    (void);
void      cl_export_set_owner_name (const char *name);
void      cl_export_begin_document (JsonBuilder *builder,
                                    const char  *format,
                                    int          version);
void      cl_export_add_string  (JsonBuilder  *builder,
                                 const char   *member,
                                 const char   *value);
void      cl_export_add_int     (JsonBuilder  *builder,
                                 const char   *member,
                                 gint64        value);

G_END_DECLS
