/* cl-text.c — a value from data, kept to itself where it is composed into
 * a line, and folded for searching
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-text.h"

#define LRI 0x2066
#define FSI 0x2068
#define PDI 0x2069

/**
 * cl_text_isolate:
 * @value: (nullable): a value from data; %NULL is taken as ""
 *
 * @value wrapped in FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE
 *   (U+2069), for a line that shows it among other words: its direction is its
 *   own, and an override in it (U+202E) stops at its end instead of turning
 *   the rest of the line around. A stray U+2069 of the value's own is dropped,
 *   and isolates it leaves open are closed. Only for what is shown: values
 *   written to documents and the store stay as they are.
 *
 * Returns: (transfer full): the isolated text
 */
char *
cl_text_isolate (const char *value)
{
  GString *text = g_string_sized_new ((value ? strlen (value) : 0) + 12);
  guint open = 0;

  g_string_append_unichar (text, FSI);
  for (const char *p = value ? value : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* a PDI of the value's own that closes nothing would close ours, and
       * leave what follows inside the value's direction: it is dropped */
      if (c == PDI && open == 0)
        continue;
      if (c >= LRI && c <= FSI)
        open++;
      else if (c == PDI)
        open--;
      g_string_append_unichar (text, c);
    }
  /* the value's own isolates left open are closed before ours; a PDI also
   * ends every embedding and override begun inside it */
  for (; open > 0; open--)
    g_string_append_unichar (text, PDI);
  g_string_append_unichar (text, PDI);
  return g_string_free (text, FALSE);
}

/* A mark that only accents the letter before it: one of the combining
 * diacritical blocks (Latin, Greek and Cyrillic accents), not an overlay
 * (combining class 1), which makes another sign of it. */
static gboolean
is_accent (gunichar c)
{
  return ((c >= 0x0300 && c <= 0x036F)
          || (c >= 0x1AB0 && c <= 0x1AFF)
          || (c >= 0x1DC0 && c <= 0x1DFF)
          || (c >= 0x20D0 && c <= 0x20FF)
          || (c >= 0xFE20 && c <= 0xFE2F))
         && g_unichar_combining_class (c) > 1;
}

/**
 * cl_text_fold:
 * @text: (nullable): UTF-8 text; invalid sequences are read as U+FFFD
 *
 * @text as searching compares it, accents and case aside: case-folded,
 *   decomposed (NFD), and the marks of the combining diacritical blocks that
 *   the decomposition set apart dropped, so "Chloé", "CHLOE" and "chloe" all
 *   fold to "chloe", and "Straße" to "strasse". A script's own marks (kana
 *   voicing, Indic vowel signs, Hebrew and Arabic points) and the overlays
 *   that make a different sign ("≠") stay. ASCII text is only lowered. A query
 *   matches a text when its fold is a substring of the text's: fold each text
 *   once, when it is read, and the query once per change.
 *
 * Returns: (transfer full): the folded text; "" when @text is unset
 */
/* Appends the fold of @len bytes of valid UTF-8 holding no ASCII. */
static void
fold_run (GString    *out,
          const char *run,
          gssize      len)
{
  g_autofree char *folded = g_utf8_casefold (run, len);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    if (!is_accent (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
}

char *
cl_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize out_len;

  if (text == NULL)
    return g_strdup ("");
  /* ASCII, as most names are, is its own decomposition: its fold is its
   * lower case, at a fraction of the cost */
  if (cl_text_is_ascii (text))
    return g_ascii_strdown (text, -1);
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  /* the rest run by run: ASCII letters only lowered, the text between them
   * folded as a whole. Case first: a fold may bring marks of its own ("İ"
   * is "i" and a dot). An ASCII character starts a new combining sequence,
   * so no run's decomposition reaches across one. */
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; )
    {
      const char *end = p;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }
      while (*end != '\0' && (guchar) *end >= 0x80)
        end++;
      fold_run (out, p, end - p);
      p = end;
    }
  out_len = out->len;
  /* folds are kept, one per deal: no room to spare */
  return g_realloc (g_string_free (out, FALSE), out_len + 1);
}

/**
 * cl_text_is_ascii:
 * @text: (nullable): a text
 *
 * Returns: whether @text is ASCII (or unset): its fold is then its lower
 *   case
 */
gboolean
cl_text_is_ascii (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/**
 * cl_text_fold_unless_lowered:
 * @text: (nullable): UTF-8 text
 *
 * @text as cl_text_fold () folds it, unless that only lowers its ASCII
 * letters: so for any ASCII text, and for one whose other characters
 * fold to themselves ("Acme — Renewal"). cl_text_contains_lowered ()
 * then searches @text in place: a long list of names, most of them
 * such, need not keep a folded copy of each.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL when it
 *   is @text lowered
 */
char *
cl_text_fold_unless_lowered (const char *text)
{
  char *folded;

  if (cl_text_is_ascii (text))
    return NULL;
  folded = cl_text_fold (text);
  /* the fold's ASCII letters are all lower case */
  if (g_ascii_strcasecmp (folded, text) == 0)
    g_clear_pointer (&folded, g_free);
  return folded;
}

/**
 * cl_text_contains_lowered:
 * @text: (nullable): a text whose fold is itself lowered
 *   (cl_text_fold_unless_lowered () gave %NULL)
 * @needle: a query folded by cl_text_fold ()
 *
 * Returns: whether @needle is a substring of @text's fold, read in place
 */
gboolean
cl_text_contains_lowered (const char *text,
                          const char *needle)
{
  gsize len = strlen (needle);
  /* where the needle may start: its first byte in either case */
  const char starts[] = { needle[0], g_ascii_toupper (needle[0]), '\0' };

  if (len == 0)
    return TRUE;
  for (const char *p = text ? strpbrk (text, starts) : NULL; p != NULL; p = strpbrk (p + 1, starts))
    if (g_ascii_strncasecmp (p, needle, len) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cl_text_list_separator:
 * What goes between the items of a list in running text (translated):
 * "Stalled, No next step".
 *
 * Returns: (transfer none): the separator, ", " in English
 */
const char *
cl_text_list_separator (void)
{
  /* Translators: between the items of a list in running text, such as
   * flags or names: "Stalled, No next step, Past close date" */
  return C_("list separator", ", ");
}

/**
 * cl_text_parts_separator:
 * What goes between the independent parts of one line (translated): "Key deal
 * · stalled 30 days in stage · 3 inspection flags".
 *
 * Returns: (transfer none): the separator, " · " in English
 */
const char *
cl_text_parts_separator (void)
{
  /* Translators: between the independent parts of one line, which are
   * not a sentence: "Key deal · stalled 30 days in stage · 3 inspection flags" */
  return C_("parts separator", " · ");
}
