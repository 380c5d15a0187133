/* cl-json-text.h — JSON text from outside, checked before it is parsed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CL_JSON_TEXT_OK,
  CL_JSON_TEXT_NOT_TEXT,    /* not UTF-8, or holds a NUL */
  CL_JSON_TEXT_TOO_DEEP,    /* arrays and objects nest deeper than allowed */
} ClJsonTextCheck;

ClJsonTextCheck cl_json_text_check (const char *data,
                                    gsize       length,
                                    guint       max_depth);

G_END_DECLS
