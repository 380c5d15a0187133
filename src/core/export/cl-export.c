/* cl-export.c — what every shared document has in common
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cl-export.h"
#include "cl-file.h"
#include "cl-json-writer.h"

/**
 * cl_export_to_text:
 * @root: a document
 *
 * Writes @root as pretty JSON, as cl_json_writer_node () writes it: two
 * spaces an indent, members in their order; a double is written with the
 * fewest digits that read back to it, and null when it is not finite.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
cl_export_to_text (JsonNode *root)
{
  ClJsonWriter *writer = cl_json_writer_new (NULL);

  cl_json_writer_node (writer, root);
  return cl_json_writer_close_text (writer);
}

/**
 * cl_export_write_document:
 * @root: a document
 * @path: the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes cl_export_to_text () of @root with cl_file_write (): atomically,
 * 0600.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_export_write_document (JsonNode    *root,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *text = cl_export_to_text (root);

  return cl_file_write (path, text, strlen (text), error);
}

/**
 * cl_export_add_day:
 * @builder: a #JsonBuilder inside an object
 * @member: the member's name
 * @day: a day, or 0 for none
 *
 * Adds @member as an ISO date ("2026-11-23"), or null for 0.
 */
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

/**
 * cl_export_add_number:
 * @builder: a #JsonBuilder inside an object or an array
 * @member: (nullable): the member's name, or %NULL to add the number to the
 *   array being built
 * @value: the number
 *
 * Adds @value rounded to three decimals, so documents do not carry float
 * noise.
 */
void
cl_export_add_number (JsonBuilder *builder,
                      const char  *member,
                      double       value)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, round (value * 1000) / 1000);
}

/**
 * cl_export_add_amount:
 * @builder: a #JsonBuilder inside an object
 * @member: the member's name
 * @cents: an amount, in cents
 *
 * Adds @member as a string, as cl_money_format_exact () writes the amount:
 * "1250000.00".
 */
void
cl_export_add_amount (JsonBuilder *builder,
                      const char  *member,
                      ClCentsTotal cents)
{
  g_autofree char *amount = cl_money_format_exact (cents);

  cl_export_add_string (builder, member, amount);
}
