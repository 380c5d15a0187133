/* cl-text.h — a value from data, kept to itself where it is composed into
 * a line
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @value wrapped in FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL
 * ISOLATE (U+2069), for a line that shows it among other words: its
 * direction is its own, and an override in it (U+202E) stops at its end
 * instead of turning the rest of the line around. NULL is "". Only for
 * what is shown: values written to documents and the store stay as they
 * are. */
char *cl_text_isolate (const char *value);

G_END_DECLS
