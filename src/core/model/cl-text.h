/* cl-text.h — a value from data, kept to itself where it is composed into
 * a line, and folded for searching
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cl_text_isolate (const char *value);

char *cl_text_fold    (const char *text);
gboolean cl_text_is_ascii            (const char *text);
char    *cl_text_fold_unless_lowered (const char *text);
gboolean cl_text_contains_lowered    (const char *text,
                                      const char *needle);

const char *cl_text_list_separator  (void);
const char *cl_text_parts_separator (void);

G_END_DECLS
