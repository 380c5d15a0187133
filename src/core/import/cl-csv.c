/* cl-csv.c — reading a CSV file as spreadsheets and CRMs write it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields follow RFC 4180: a field in double quotes may hold the delimiter,
 * line breaks and doubled quotes; outside quotes a quote is an ordinary
 * character. A file ends its last record with or without a line break.
 */
#define G_LOG_DOMAIN "cl-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-csv.h"
#include "cl-file.h"

/* larger exports are refused rather than read into memory */
#define MAX_BYTES ((gsize) 512 * 1024 * 1024)

/**
 * cl_csv_error_quark:
 * Returns: the error domain of reading a CSV file and importing from it,
 *   #ClCsvError
 */
G_DEFINE_QUARK (cl-csv-error-quark, cl_csv_error)

/* A row's fields are one block: their pointers, then their texts. */
static void
row_free (ClCsvRow *row)
{
  g_free (row->fields);
  g_free (row);
}

/**
 * cl_csv_free:
 * @csv: (nullable) (transfer full): a file read by cl_csv_parse () or
 *   cl_csv_load ()
 *
 * Frees @csv, its header and its rows. %NULL is ignored.
 */
void
cl_csv_free (ClCsv *csv)
{
  if (csv == NULL)
    return;
  g_free (csv->header);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_free (csv->name);
  g_free (csv);
}

/* The text as UTF-8 without a byte-order mark, or NULL. */
static char *
decode (const char   *data,
        gsize         length,
        const char  **encoding,
        const char   *name,
        GError      **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *from = NULL;
  const char *bad = NULL;
  g_autoptr (GError) local = NULL;
  char *text;

  if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    from = "UTF-16LE";
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    from = "UTF-16BE";
  if (from != NULL)
    {
      gsize written = 0;

      text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &written, &local);
      if (text == NULL)
        return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NOT_TEXT,
                            _("%s is not readable %s text: %s"), name, from, local->message), NULL;
      *encoding = from;
      return text;
    }
  *encoding = "UTF-8";
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3, length -= 3;
      *encoding = "UTF-8 with BOM";
    }
  if (memchr (data, '\0', length) != NULL)
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NOT_TEXT,
                        _("%s is not a CSV file: it holds binary data"), name), NULL;
  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line = 1;

      for (const char *c = data; c < bad; c++)
        line += *c == '\n';
      return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NOT_TEXT,
                          _("%s, line %u: not UTF-8 text (save it as UTF-8 CSV and import it again)"),
                          name, line), NULL;
    }
  return g_strndup (data, length);
}

/* The delimiter the header line uses most, outside quotes: comma if none. */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  int counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *c = text; *c && (quoted || (*c != '\n' && *c != '\r')); c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *c == candidates[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;
  return candidates[best];
}

/* The record being read: its fields' texts one after the other, each
 * ended by a NUL, and where each starts. */
typedef struct
{
  GString *text;
  GArray  *starts;
} ClRecord;

static gboolean
is_blank_record (const ClRecord *record)
{
  return record->starts->len == 1 && record->text->str[0] == '\0';
}

/* Ends the field being read. */
static void
end_field (ClRecord *record,
           gsize     start)
{
  g_string_append_c (record->text, '\0');
  g_array_append_val (record->starts, start);
}

/* The record read as a row, its fields in one block. */
static ClCsvRow *
take_row (ClRecord *record,
          guint     line)
{
  ClCsvRow *row = g_new0 (ClCsvRow, 1);
  guint n = record->starts->len;
  char **fields = g_malloc ((n + 1) * sizeof (char *) + record->text->len);
  char *texts = (char *) (fields + n + 1);

  memcpy (texts, record->text->str, record->text->len);
  for (guint i = 0; i < n; i++)
    fields[i] = texts + g_array_index (record->starts, gsize, i);
  fields[n] = NULL;
  row->line = line;
  row->n_fields = n;
  row->fields = fields;
  return row;
}

/**
 * cl_csv_parse:
 * @data: (array length=length) (element-type guint8): the file's bytes
 * @length: the length of @data, in bytes
 * @name: the file's name, as messages name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads CSV text: RFC 4180 with what spreadsheets add: a byte-order mark,
 * UTF-16 text (with its mark), CRLF or LF, and comma, semicolon or tab as the
 * delimiter (the one the header line uses most, outside quotes). The first
 * record is the header, its names trimmed; blank lines are left out, and rows
 * may have more or fewer fields than the header. Errors
 * (%CL_CSV_ERROR_TOO_LARGE over 512 MB, %CL_CSV_ERROR_NOT_TEXT,
 * %CL_CSV_ERROR_UNTERMINATED, %CL_CSV_ERROR_EMPTY) name @name and, where there
 * is one, the line.
 *
 * Returns: (transfer full) (nullable): the file, for cl_csv_free (), or %NULL
 *   with @error set
 */
ClCsv *
cl_csv_parse (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  g_autoptr (ClCsv) csv = g_new0 (ClCsv, 1);
  g_autofree char *text = NULL;
  g_autoptr (GString) record_text = g_string_new (NULL);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  ClRecord record = { record_text, starts };
  const char *c;
  gsize field_start = 0;
  guint line = 1, record_line = 1;
  gboolean quoted = FALSE, was_quoted = FALSE;

  csv->name = g_strdup (name);

  if (length > MAX_BYTES)
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_TOO_LARGE,
                        _("%s is larger than the %u MB an import reads"), name,
                        (guint) (MAX_BYTES / 1024 / 1024)), NULL;
  if ((text = decode (data, length, &csv->encoding, name, error)) == NULL)
    return NULL;
  csv->delimiter = detect_delimiter (text);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (c = text; ; c++)
    {
      gboolean end_of_text = *c == '\0';
      gboolean end_of_record = end_of_text || (!quoted && (*c == '\n' || *c == '\r'));

      if (quoted && end_of_text)
        return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_UNTERMINATED,
                            _("%s, line %u: a quoted field is never closed"), name, record_line), NULL;
      if (quoted)
        {
          if (*c == '"' && c[1] == '"')
            g_string_append_c (record_text, '"'), c++;
          else if (*c == '"')
            quoted = FALSE;
          else
            {
              /* up to the next quote at once; line breaks inside quotes are kept as written */
              const char *end = c;

              for (; *end != '"' && *end != '\0'; end++)
                line += *end == '\n';
              g_string_append_len (record_text, c, end - c);
              c = end - 1;
            }
          continue;
        }
      if (*c == '"' && record_text->len == field_start && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          continue;
        }
      if (*c == csv->delimiter || end_of_record)
        {
          end_field (&record, field_start);
          field_start = record_text->len;
          was_quoted = FALSE;
          if (*c == csv->delimiter)
            continue;
          if (!is_blank_record (&record))
            g_ptr_array_add (csv->rows, take_row (&record, record_line));
          g_string_truncate (record_text, 0);
          g_array_set_size (starts, 0);
          field_start = 0;
          if (end_of_text)
            break;
          if (*c == '\r' && c[1] == '\n')
            c++;
          line++;
          record_line = line;
          continue;
        }
      /* up to the field's end at once: a quote inside it is an ordinary character */
      {
        const char *end = c;

        while (*end != '\0' && *end != csv->delimiter && *end != '\n' && *end != '\r')
          end++;
        g_string_append_len (record_text, c, end - c);
        c = end - 1;
      }
    }

  if (csv->rows->len == 0)
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_EMPTY, _("%s is empty: it has no header row"), name), NULL;
  {
    ClCsvRow *header = g_ptr_array_steal_index (csv->rows, 0);

    csv->header = g_steal_pointer (&header->fields);
    csv->n_columns = header->n_fields;
    for (guint i = 0; i < csv->n_columns; i++)
      g_strstrip (csv->header[i]);
    row_free (header);
  }
  return g_steal_pointer (&csv);
}

/**
 * cl_csv_load:
 * @path: the file, in the file name encoding
 * @error: return location for a #GError, or %NULL
 *
 * Reads the file at @path (see cl_file_read (); one over 512 MB is refused as
 * %CL_FILE_ERROR_TOO_LARGE) and parses it with cl_csv_parse (), naming it by
 * its display name.
 *
 * Returns: (transfer full) (nullable): the file, for cl_csv_free (), or %NULL
 *   with @error set (a #ClFileError or a #ClCsvError)
 */
ClCsv *
cl_csv_load (const char  *path,
             GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize length = 0;

  /* one byte over the limit is enough for the parser to refuse it */
  if ((data = cl_file_read (path, MAX_BYTES, &length, error)) == NULL)
    return NULL;
  return cl_csv_parse (data, length, name, error);
}
