/* cl-export.c — what every shared document has in common
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-export.h"

char *
cl_export_to_text (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

gboolean
cl_export_write_file (const char  *path,
                      const char  *text,
                      GError     **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    return g_set_error (error, local->domain, local->code, _("Could not write “%s”: %s"), path,
                        local->message), FALSE;
  return TRUE;
}

char *
cl_export_amount (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

void
cl_export_add_day (JsonBuilder *builder,
                   const char  *member,
                   ClDay        day)
{
  json_builder_set_member_name (builder, member);
  if (day == 0)
    json_builder_add_null_value (builder);
  else
    {
      char text[11];

      cl_date_format_into (day, text);
      json_builder_add_string_value (builder, text);
    }
}
