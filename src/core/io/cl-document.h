/* cl-document.h — what every shared document starts with, and who it is by
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Who exports: $CLOSELOOP_AUTHOR, else the workspace owner's name
 * (cl_export_set_owner_name ()), else the user's real name, else login. */
const char *cl_export_author    (void);
/* The workspace owner's name, NULL for none; see cl_identity_apply (). */
void      cl_export_set_owner_name (const char *name);
/* Opens the document's object with what every format starts with:
 * "format", "version" and the "app_version" that wrote it. */
void      cl_export_begin_document (JsonBuilder *builder,
                                    const char  *format,
                                    int          version);
/* NULL becomes null. */
void      cl_export_add_string  (JsonBuilder  *builder,
                                 const char   *member,
                                 const char   *value);
void      cl_export_add_int     (JsonBuilder  *builder,
                                 const char   *member,
                                 gint64        value);

G_END_DECLS
