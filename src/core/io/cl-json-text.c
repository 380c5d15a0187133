/* cl-json-text.c — JSON text from outside, checked before it is parsed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-json"

#include "config.h"

#include <string.h>

#include "cl-json-text.h"

/* Whether arrays and objects nest deeper than @max_depth outside strings;
 * stops at the first level too deep. */
static gboolean
nests_deeper (const char *data,
              gsize       length,
              guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > max_depth)
        return TRUE;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

/* The code of the escape "\\uXXXX" at @p, or -1 when it is none. */
static int
escaped_code (const char *p,
              const char *end)
{
  int code = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      code = code * 16 + digit;
    }
  return code;
}

/* Whether a string's escapes make what no text is: a NUL ("\\u0000"), or
 * half of a surrogate pair, which parsers decode into bytes that are not
 * UTF-8 ("\\ud800" alone). */
static gboolean
escapes_no_text (const char *data,
                 gsize       length)
{
  const char *end = data + length;
  gboolean in_string = FALSE;

  for (const char *p = data; p < end; p++)
    {
      int code;

      if (!in_string)
        {
          in_string = *p == '"';
          continue;
        }
      if (*p == '"')
        {
          in_string = FALSE;
          continue;
        }
      if (*p != '\\')
        continue;
      code = escaped_code (p, end);
      if (code < 0)
        {
          p++;   /* another escape: its character is not the string's end */
          continue;
        }
      if (code == 0 || (code >= 0xDC00 && code <= 0xDFFF))
        return TRUE;
      if (code >= 0xD800 && code <= 0xDBFF)
        {
          int low = escaped_code (p + 6, end);

          if (low < 0xDC00 || low > 0xDFFF)
            return TRUE;
          p += 6;
        }
      p += 5;
    }
  return FALSE;
}

/**
 * cl_json_text_check:
 * @data: (array length=length) (element-type guint8): JSON text from outside
 * @length: the length of @data, in bytes
 * @max_depth: how deep arrays and objects may nest
 *
 * Checks @data before a parser sees it: arrays and objects nested at most
 * @max_depth deep (counted outside strings, in one pass without recursion: a
 * parser recurses once per level), then UTF-8 without NULs, written or
 * escaped, nor escaped halves of surrogate pairs.
 *
 * Returns: %CL_JSON_TEXT_OK, %CL_JSON_TEXT_TOO_DEEP (checked first) or
 *   %CL_JSON_TEXT_NOT_TEXT
 */
ClJsonTextCheck
cl_json_text_check (const char *data,
                    gsize       length,
                    guint       max_depth)
{
  if (nests_deeper (data, length, max_depth))
    return CL_JSON_TEXT_TOO_DEEP;
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL
      || escapes_no_text (data, length))
    return CL_JSON_TEXT_NOT_TEXT;
  return CL_JSON_TEXT_OK;
}
