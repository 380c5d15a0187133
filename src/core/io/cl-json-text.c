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

/**
 * cl_json_text_check:
 * @data: (array length=length) (element-type guint8): JSON text from outside
 * @length: the length of @data, in bytes
 * @max_depth: how deep arrays and objects may nest
 *
 * Checks @data before a parser sees it: arrays and objects nested at most
 * @max_depth deep (counted outside strings, in one pass without recursion: a
 * parser recurses once per level), then UTF-8 without NULs.
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
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    return CL_JSON_TEXT_NOT_TEXT;
  return CL_JSON_TEXT_OK;
}
