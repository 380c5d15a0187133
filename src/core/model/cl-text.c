/* cl-text.c — a value from data, kept to itself where it is composed into
 * a line
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-text"

#include "config.h"

#include <string.h>

#include "cl-text.h"

#define LRI 0x2066
#define FSI 0x2068
#define PDI 0x2069

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
