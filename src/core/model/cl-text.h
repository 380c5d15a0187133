/* cl-text.h — a value from data, kept to itself where it is composed into
 * a line, and folded for searching
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

/**
 * cl_text_fold:
 * @text: (nullable): UTF-8 text; invalid sequences are read as U+FFFD
 *
 * @text as searching compares it, accents and case aside: case-folded,
 * decomposed (NFD), and the marks of the combining diacritical blocks that
 * the decomposition set apart dropped, so "Chloé", "CHLOE" and "chloe"
 * all fold to "chloe", and "Straße" to "strasse". A script's own marks
 * (kana voicing, Indic vowel signs, Hebrew and Arabic points) and the
 * overlays that make a different sign ("≠") stay. A query matches a text
 * when its fold is a substring of the text's: fold each text once, when
 * it is read, and the query once per change.
 *
 * Returns: (transfer full) (not nullable): the folded text; "" for %NULL.
 */
char *cl_text_fold    (const char *text);

/* What goes between the items of a list in running text, ", " in
 * English: "Stalled, No next step". */
const char *cl_text_list_separator  (void);
/* What goes between the independent parts of one line, " · " in English:
 * "Key deal · stalled 30 days in stage · 3 inspection flags". */
const char *cl_text_parts_separator (void);

G_END_DECLS
