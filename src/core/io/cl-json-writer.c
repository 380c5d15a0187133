/* cl-json-writer.c — JSON text written as it is made, piece by piece
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Our own writer rather than JsonGenerator: numbers print as the shortest
 * decimal that reads back to the same double (0.08, not
 * 0.080000000000000002), the bytes stay ours to keep stable, and a document
 * as large as a whole workspace goes to its file as it is made instead of
 * being held whole. Pretty: two spaces an indent, members in their order.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cl-json-writer.h"

/* What is kept before it goes to the output: large enough that a write is
 * not a system call per value, small enough not to matter in memory. */
#define FLUSH_BYTES (64 * 1024)

/* An object or array being written */
typedef struct
{
  guint count;            /* its values so far */
  char  closing;          /* '}' or ']' */
} Open;

struct _ClJsonWriter
{
  ClFileOutput *output;   /* (nullable): none keeps the whole text */
  GString      *text;
  GArray       *open;     /* of Open, the innermost last */
  gboolean      after_member;
  GError       *error;    /* the first failure; later writes are skipped */
};

/**
 * cl_json_writer_new:
 * @output: (nullable) (transfer full): where the text goes as it is made, or
 *   %NULL to keep it for cl_json_writer_close_text ()
 *
 * Starts a JSON document. The caller writes one value (usually an object),
 * then ends with cl_json_writer_close (), or cl_json_writer_close_text ()
 * without an output.
 *
 * Returns: (transfer full): the writer
 */
ClJsonWriter *
cl_json_writer_new (ClFileOutput *output)
{
  ClJsonWriter *self = g_new0 (ClJsonWriter, 1);

  self->output = output;
  self->text = g_string_sized_new (output != NULL ? FLUSH_BYTES * 2 : 1024);
  self->open = g_array_new (FALSE, FALSE, sizeof (Open));
  return self;
}

/* Hands the text made so far to the output once there is enough of it. */
static void
flush_some (ClJsonWriter *self)
{
  if (self->output == NULL || self->text->len < FLUSH_BYTES)
    return;
  if (self->error == NULL)
    cl_file_output_write (self->output, self->text->str, self->text->len, &self->error);
  g_string_truncate (self->text, 0);
}

/* A new line and two spaces per level, in one append: a backup writes
 * one per value. */
static void
write_indent (GString *text,
              guint    depth)
{
  static const char indent[] = "\n                                ";
  guint width = 1 + 2 * depth;

  if (width < sizeof indent)
    {
      g_string_append_len (text, indent, width);
      return;
    }
  g_string_append_c (text, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append_len (text, "  ", 2);
}

/* Before a value or a member: the comma after the one before, and a new
 * line at the depth it is written at; nothing for a member's value. */
static void
begin_value (ClJsonWriter *self)
{
  Open *innermost;

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }
  if (self->open->len == 0)
    return;
  innermost = &g_array_index (self->open, Open, self->open->len - 1);
  if (innermost->count++ > 0)
    g_string_append_c (self->text, ',');
  write_indent (self->text, self->open->len);
}

static void
begin_container (ClJsonWriter *self,
                 char          opening,
                 char          closing)
{
  begin_value (self);
  g_string_append_c (self->text, opening);
  g_array_append_val (self->open, ((Open) { 0, closing }));
}

/**
 * cl_json_writer_begin_object:
 * @self: a writer
 *
 * Opens an object: members follow, each a cl_json_writer_member () and its
 * value, until cl_json_writer_end ().
 */
void
cl_json_writer_begin_object (ClJsonWriter *self)
{
  begin_container (self, '{', '}');
}

/**
 * cl_json_writer_begin_array:
 * @self: a writer
 *
 * Opens an array: values follow until cl_json_writer_end ().
 */
void
cl_json_writer_begin_array (ClJsonWriter *self)
{
  begin_container (self, '[', ']');
}

/**
 * cl_json_writer_end:
 * @self: a writer
 *
 * Closes the object or array opened last.
 */
void
cl_json_writer_end (ClJsonWriter *self)
{
  Open innermost;

  g_return_if_fail (self->open->len > 0);
  innermost = g_array_index (self->open, Open, self->open->len - 1);
  g_array_set_size (self->open, self->open->len - 1);
  if (innermost.count > 0)
    write_indent (self->text, self->open->len);
  g_string_append_c (self->text, innermost.closing);
  flush_some (self);
}

static void
append_string (GString    *text,
               const char *value)
{
  const char *p = value;

  g_string_append_c (text, '"');
  while (*p != '\0')
    {
      const char *run = p;
      guchar c;

      /* the bytes written as they are, in one append */
      while ((c = (guchar) *p) >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
        p++;
      g_string_append_len (text, run, p - run);
      if (c == '\0')
        break;
      if (c == '"' || c == '\\')
        g_string_append_printf (text, "\\%c", c);
      else if (c == '\n')
        g_string_append (text, "\\n");
      else if (c == '\t')
        g_string_append (text, "\\t");
      else
        g_string_append_printf (text, "\\u%04x", c);
      p++;
    }
  g_string_append_c (text, '"');
}

/**
 * cl_json_writer_member:
 * @self: a writer inside an object
 * @name: the member's name
 *
 * Starts the member @name; its value is written next.
 */
void
cl_json_writer_member (ClJsonWriter *self,
                       const char   *name)
{
  begin_value (self);
  append_string (self->text, name);
  g_string_append_len (self->text, " : ", 3);
  self->after_member = TRUE;
}

/**
 * cl_json_writer_string:
 * @self: a writer
 * @text: (nullable): a string, or %NULL for null
 *
 * Writes @text as a JSON string: '"', '\\', newlines and tabs escaped, other
 * control characters as \\u00XX, everything else as it is.
 */
void
cl_json_writer_string (ClJsonWriter *self,
                       const char   *text)
{
  if (text == NULL)
    {
      cl_json_writer_null (self);
      return;
    }
  begin_value (self);
  append_string (self->text, text);
  flush_some (self);
}

/**
 * cl_json_writer_int:
 * @self: a writer
 * @value: a whole number
 *
 * Writes @value.
 */
void
cl_json_writer_int (ClJsonWriter *self,
                    gint64        value)
{
  char digits[24];
  char *first = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  /* by hand rather than printf: a backup writes millions */
  do
    *--first = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--first = '-';
  begin_value (self);
  g_string_append_len (self->text, first, digits + sizeof digits - first);
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

/**
 * cl_json_writer_double:
 * @self: a writer
 * @value: a number
 *
 * Writes @value with the fewest digits that read back to it, and a ".0"
 * when those are a whole number; null when it is not finite, as JSON has
 * no infinity and no NaN.
 */
void
cl_json_writer_double (ClJsonWriter *self,
                       double        value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      cl_json_writer_null (self);
      return;
    }
  begin_value (self);
  format_double (value, number);
  g_string_append (self->text, number);
  if (strpbrk (number, ".eE") == NULL)
    g_string_append (self->text, ".0");
}

/**
 * cl_json_writer_null:
 * @self: a writer
 *
 * Writes null.
 */
void
cl_json_writer_null (ClJsonWriter *self)
{
  begin_value (self);
  g_string_append_len (self->text, "null", 4);
}

/**
 * cl_json_writer_members:
 * @self: a writer inside an object
 * @object: an object
 *
 * Writes each member of @object, in its order, into the object being
 * written.
 */
void
cl_json_writer_members (ClJsonWriter *self,
                        JsonObject   *object)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      cl_json_writer_member (self, l->data);
      cl_json_writer_node (self, json_object_get_member (object, l->data));
    }
}

/**
 * cl_json_writer_node:
 * @self: a writer
 * @node: a value, object or array
 *
 * Writes @node and everything in it.
 */
void
cl_json_writer_node (ClJsonWriter *self,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      cl_json_writer_begin_object (self);
      cl_json_writer_members (self, json_node_get_object (node));
      cl_json_writer_end (self);
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        cl_json_writer_begin_array (self);
        for (guint i = 0; i < json_array_get_length (array); i++)
          cl_json_writer_node (self, json_array_get_element (array, i));
        cl_json_writer_end (self);
        break;
      }
    case JSON_NODE_NULL:
      cl_json_writer_null (self);
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          cl_json_writer_int (self, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          cl_json_writer_double (self, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          begin_value (self);
          g_string_append (self->text, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          cl_json_writer_string (self, json_node_get_string (node));
          break;
        }
      break;
    }
}

static void
writer_free (ClJsonWriter *self)
{
  g_array_unref (self->open);
  g_clear_error (&self->error);
  g_free (self);
}

/**
 * cl_json_writer_close:
 * @self: (transfer full): a writer made with an output
 * @error: return location for a #GError, or %NULL
 *
 * Ends the document with a newline and closes its output with
 * cl_file_output_close (); after a failure the output is aborted instead
 * (cl_file_output_abort ()), so a file it was to replace stays as it was.
 *
 * Returns: %TRUE when the whole document was written, %FALSE with @error set
 */
gboolean
cl_json_writer_close (ClJsonWriter  *self,
                      GError       **error)
{
  gboolean ok;

  g_string_append_c (self->text, '\n');
  if (self->error == NULL)
    cl_file_output_write (self->output, self->text->str, self->text->len, &self->error);
  g_string_free (self->text, TRUE);
  if (self->error != NULL)
    {
      cl_file_output_abort (self->output);
      g_propagate_error (error, g_steal_pointer (&self->error));
      ok = FALSE;
    }
  else
    ok = cl_file_output_close (self->output, error);
  writer_free (self);
  return ok;
}

/**
 * cl_json_writer_abort:
 * @self: (transfer full): a writer
 *
 * Ends @self without finishing the document: its output, if any, is ended
 * with cl_file_output_abort (), so a file it was to replace stays as it was.
 */
void
cl_json_writer_abort (ClJsonWriter *self)
{
  if (self->output != NULL)
    cl_file_output_abort (self->output);
  g_string_free (self->text, TRUE);
  writer_free (self);
}

/**
 * cl_json_writer_close_text:
 * @self: (transfer full): a writer made without an output
 *
 * Ends the document with a newline.
 *
 * Returns: (transfer full): the document's text
 */
char *
cl_json_writer_close_text (ClJsonWriter *self)
{
  char *text;

  g_string_append_c (self->text, '\n');
  text = g_string_free (self->text, FALSE);
  writer_free (self);
  return text;
}

/**
 * cl_json_writer_close_tree:
 * @self: (transfer full): a writer made without an output
 * @error: return location for a #GError, or %NULL
 *
 * Ends the document and reads it back as a tree, for a caller that needs
 * one of a document written piece by piece.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL with
 *   @error set when a string written was not UTF-8
 */
JsonNode *
cl_json_writer_close_tree (ClJsonWriter  *self,
                           GError       **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *text = cl_json_writer_close_text (self);

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  return json_parser_steal_root (parser);
}

/**
 * cl_json_write_file:
 * @path: (nullable): the file to write, as cl_file_output_open () writes it
 *   (atomically, 0600), or %NULL for standard output
 * @write: (scope call): writes the document
 * @data: (closure): what @write writes it from
 * @error: return location for a #GError, or %NULL
 *
 * Writes the document @write makes to @path as it is made: memory stays
 * the same whatever its size. On failure a file is left as it was.
 *
 * Returns: %TRUE on success, %FALSE with @error set (by @write, or a
 *   #ClFileError when the output cannot be written)
 */
gboolean
cl_json_write_file (const char      *path,
                    ClJsonWriteFunc  write,
                    gpointer         data,
                    GError         **error)
{
  ClFileOutput *output = cl_file_output_open (path, error);
  ClJsonWriter *writer;

  if (output == NULL)
    return FALSE;
  writer = cl_json_writer_new (output);
  if (!write (writer, data, error))
    {
      cl_json_writer_abort (writer);
      return FALSE;
    }
  return cl_json_writer_close (writer, error);
}

/**
 * cl_json_write_tree:
 * @write: (scope call): writes the document
 * @data: (closure): what @write writes it from
 * @error: return location for a #GError, or %NULL
 *
 * The document @write makes, as a tree: the same text as
 * cl_json_write_file () writes, read back.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL with
 *   @error set
 */
JsonNode *
cl_json_write_tree (ClJsonWriteFunc   write,
                    gpointer          data,
                    GError          **error)
{
  ClJsonWriter *writer = cl_json_writer_new (NULL);

  if (!write (writer, data, error))
    {
      cl_json_writer_abort (writer);
      return NULL;
    }
  return cl_json_writer_close_tree (writer, error);
}
