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

/* Our own writer rather than JsonGenerator: numbers print as the shortest
 * decimal that reads back to the same double (0.08, not
 * 0.080000000000000002), and the bytes stay ours to keep stable. */
static void write_node (GString *out, JsonNode *node, int depth);

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
write_indent (GString *out,
              int      depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* The shortest decimal that reads back to exactly @value's bits. */
static void
format_double (double value,
               char   number[G_ASCII_DTOSTR_BUF_SIZE])
{
  static const char * const formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      double back;

      g_ascii_formatd (number, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      back = g_ascii_strtod (number, NULL);
      if (memcmp (&back, &value, sizeof value) == 0)
        return;
    }
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      /* JSON has no infinity and no NaN */
      if (!isfinite (json_node_get_double (node)))
        {
          g_string_append (out, "null");
          break;
        }
      format_double (json_node_get_double (node), number);
      g_string_append (out, number);
      if (strpbrk (number, ".eE") == NULL)
        g_string_append (out, ".0");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      write_string (out, json_node_get_string (node));
      break;
    }
}

static void
write_node (GString  *out,
            JsonNode *node,
            int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            write_indent (out, depth + 1);
            write_string (out, l->data);
            g_string_append (out, " : ");
            write_node (out, json_object_get_member (object, l->data), depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        if (members != NULL)
          write_indent (out, depth);
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, depth + 1);
            write_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n > 0)
          write_indent (out, depth);
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      write_value (out, node);
      break;
    }
}

/**
 * cl_export_to_text:
 * @root: a document
 *
 * Writes @root as pretty JSON, two spaces an indent, members in their order; a
 * double is written with the fewest digits that read back to it, and null when
 * it is not finite.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
cl_export_to_text (JsonNode *root)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
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
