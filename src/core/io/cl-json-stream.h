/* cl-json-stream.h — JSON from outside read token by token: a document
 * of any size in the same memory, its texts and its nesting bounded
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_JSON_STREAM_ERROR (cl_json_stream_error_quark ())
GQuark cl_json_stream_error_quark (void);

typedef enum {
  CL_JSON_STREAM_ERROR_INVALID,    /* not JSON text: the message says where and why */
  CL_JSON_STREAM_ERROR_TOO_DEEP,   /* arrays and objects nest deeper than allowed */
  CL_JSON_STREAM_ERROR_TOO_LONG,   /* a text or a member's name is longer than allowed */
  CL_JSON_STREAM_ERROR_READ,       /* the file could not be read: the system's words */
} ClJsonStreamError;

typedef enum {
  CL_JSON_TOKEN_BEGIN_OBJECT,
  CL_JSON_TOKEN_END_OBJECT,
  CL_JSON_TOKEN_BEGIN_ARRAY,
  CL_JSON_TOKEN_END_ARRAY,
  CL_JSON_TOKEN_MEMBER,        /* a member's name: cl_json_stream_get_text () */
  CL_JSON_TOKEN_STRING,        /* cl_json_stream_get_text () */
  CL_JSON_TOKEN_INT,           /* a whole number that fits: cl_json_stream_get_int () */
  CL_JSON_TOKEN_DOUBLE,        /* any other number: cl_json_stream_get_double () */
  CL_JSON_TOKEN_TRUE,
  CL_JSON_TOKEN_FALSE,
  CL_JSON_TOKEN_NULL,
  CL_JSON_TOKEN_END,           /* the document ended, whole */
} ClJsonToken;

typedef struct _ClJsonStream ClJsonStream;

ClJsonStream *cl_json_stream_new_for_fd   (int            fd,
                                           guint          max_depth,
                                           gsize          max_text);
ClJsonStream *cl_json_stream_new_for_data (const char    *data,
                                           gsize          length,
                                           guint          max_depth,
                                           gsize          max_text);
void          cl_json_stream_free         (ClJsonStream  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClJsonStream, cl_json_stream_free)

gboolean      cl_json_stream_next         (ClJsonStream  *self,
                                           ClJsonToken   *out_token,
                                           GError       **error);
gboolean      cl_json_stream_skip         (ClJsonStream  *self,
                                           ClJsonToken    first,
                                           GError       **error);
const char   *cl_json_stream_get_text     (ClJsonStream  *self);
gint64        cl_json_stream_get_int      (ClJsonStream  *self);
double        cl_json_stream_get_double   (ClJsonStream  *self);

G_END_DECLS
