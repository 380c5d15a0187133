/* cl-json-writer.h — JSON text written as it is made, piece by piece
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-file.h"

G_BEGIN_DECLS

typedef struct _ClJsonWriter ClJsonWriter;

ClJsonWriter *cl_json_writer_new          (ClFileOutput  *output);
void          cl_json_writer_begin_object (ClJsonWriter  *self);
void          cl_json_writer_begin_array  (ClJsonWriter  *self);
void          cl_json_writer_end          (ClJsonWriter  *self);
void          cl_json_writer_member       (ClJsonWriter  *self,
                                           const char    *name);
void          cl_json_writer_string       (ClJsonWriter  *self,
                                           const char    *text);
void          cl_json_writer_int          (ClJsonWriter  *self,
                                           gint64         value);
void          cl_json_writer_double       (ClJsonWriter  *self,
                                           double         value);
void          cl_json_writer_null         (ClJsonWriter  *self);
void          cl_json_writer_node         (ClJsonWriter  *self,
                                           JsonNode      *node);
void          cl_json_writer_members      (ClJsonWriter  *self,
                                           JsonObject    *object);
gboolean      cl_json_writer_close        (ClJsonWriter  *self,
                                           GError       **error);
void          cl_json_writer_abort        (ClJsonWriter  *self);
char         *cl_json_writer_close_text   (ClJsonWriter  *self);

JsonNode     *cl_json_writer_close_tree   (ClJsonWriter  *self,
                                           GError       **error);

/* Writes a whole document to @writer from @data; FALSE with @error set. */
typedef gboolean (*ClJsonWriteFunc) (ClJsonWriter  *writer,
                                     gpointer       data,
                                     GError       **error);

gboolean      cl_json_write_file          (const char     *path,
                                           ClJsonWriteFunc write,
                                           gpointer        data,
                                           GError        **error);
JsonNode     *cl_json_write_tree          (ClJsonWriteFunc write,
                                           gpointer        data,
                                           GError        **error);

G_END_DECLS
