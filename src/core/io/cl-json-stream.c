/* cl-json-stream.c — JSON from outside read token by token
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A parser that builds a tree holds the whole document several times
 * over: a workspace backup of 100 000 deals (213 MB) took 1.26 GB to
 * restore. This reader holds one buffer of the file, the text or number
 * being read and one byte per level of nesting, and checks the grammar of
 * RFC 8259 as it goes, without recursion: a text is UTF-8 without NUL,
 * escapes are JSON's (a surrogate pair whole), numbers are written as JSON
 * writes them, and nothing but white space follows the document.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "cl-json-stream.h"

#define BUFFER_BYTES (64 * 1024)
/* the longest number read: many more digits than a double keeps */
#define MAX_NUMBER_CHARS 1024

/**
 * cl_json_stream_error_quark:
 *
 * Returns: the domain of #ClJsonStreamError
 */
G_DEFINE_QUARK (cl-json-stream-error-quark, cl_json_stream_error)

/* what the next token may be */
typedef enum {
  EXPECT_VALUE,          /* the document's, a member's, or an array's after a comma */
  EXPECT_FIRST_VALUE,    /* after "[": a value, or "]" */
  EXPECT_MEMBER,         /* after a comma in an object */
  EXPECT_FIRST_MEMBER,   /* after "{": a member, or "}" */
  EXPECT_NEXT,           /* after a value: a comma, or the end of what holds it */
  EXPECT_END,            /* after the document: nothing */
} Expect;

struct _ClJsonStream
{
  int          fd;            /* owned; -1 when @bytes is all there is */
  char        *buffer;        /* what was read of @fd */
  const char  *bytes;         /* read and not all taken yet */
  gsize        length, pos;
  guint        line;          /* of the byte at @pos, from 1 */
  guint        max_depth;
  gsize        max_text;
  guint8      *open;          /* '{' or '[' for each level open */
  guint        depth;
  Expect       expect;
  GString     *text;          /* of the last string or member */
  gint64       int_value;
  double       double_value;
};

static ClJsonStream *
stream_new (guint max_depth,
            gsize max_text)
{
  ClJsonStream *self = g_new0 (ClJsonStream, 1);

  self->fd = -1;
  self->line = 1;
  self->max_depth = max_depth;
  self->max_text = max_text;
  self->open = g_new (guint8, MAX (max_depth, 1));
  self->text = g_string_new (NULL);
  return self;
}

/**
 * cl_json_stream_new_for_fd:
 * @fd: (transfer full): a file open for reading, closed with the stream
 * @max_depth: the most levels of arrays and objects allowed
 * @max_text: the longest text or member name allowed, in bytes
 *
 * Returns: (transfer full): a reader of the JSON document in @fd, read a
 *   buffer at a time
 */
ClJsonStream *
cl_json_stream_new_for_fd (int   fd,
                           guint max_depth,
                           gsize max_text)
{
  ClJsonStream *self = stream_new (max_depth, max_text);

  self->fd = fd;
  self->buffer = g_malloc (BUFFER_BYTES);
  self->bytes = self->buffer;
  return self;
}

/**
 * cl_json_stream_new_for_data:
 * @data: (array length=length): the document, alive as long as the stream
 * @length: its length in bytes
 * @max_depth: the most levels of arrays and objects allowed
 * @max_text: the longest text or member name allowed, in bytes
 *
 * Returns: (transfer full): a reader of the JSON document @data
 */
ClJsonStream *
cl_json_stream_new_for_data (const char *data,
                             gsize       length,
                             guint       max_depth,
                             gsize       max_text)
{
  ClJsonStream *self = stream_new (max_depth, max_text);

  self->bytes = data;
  self->length = length;
  return self;
}

/**
 * cl_json_stream_free:
 * @self: (nullable): a stream
 *
 * Frees @self and closes its file.
 */
void
cl_json_stream_free (ClJsonStream *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->buffer);
  g_free (self->open);
  g_string_free (self->text, TRUE);
  g_free (self);
}

static gboolean
fail (ClJsonStream  *self,
      GError       **error,
      int            code,
      const char    *what)
{
  /* Translators: a line of a file, then what is wrong there */
  return g_set_error (error, CL_JSON_STREAM_ERROR, code, _("line %u: %s"), self->line, what), FALSE;
}

static gboolean
invalid (ClJsonStream  *self,
         GError       **error,
         const char    *what)
{
  return fail (self, error, CL_JSON_STREAM_ERROR_INVALID, what);
}

/* Reads the next buffer of the file once the last is taken; at the end of
 * the file, or for data, leaves nothing to take. */
static gboolean
refill (ClJsonStream  *self,
        GError       **error)
{
  gssize n;

  if (self->pos < self->length || self->fd < 0)
    return TRUE;
  do
    n = read (self->fd, self->buffer, BUFFER_BYTES);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;

      return g_set_error_literal (error, CL_JSON_STREAM_ERROR, CL_JSON_STREAM_ERROR_READ, g_strerror (saved)), FALSE;
    }
  self->length = (gsize) n;
  self->pos = 0;
  return TRUE;
}

/* The next byte, not taken, in @out_c; -1 at the end of the document. */
static gboolean
peek (ClJsonStream  *self,
      int           *out_c,
      GError       **error)
{
  if (!refill (self, error))
    return FALSE;
  *out_c = self->pos < self->length ? (guchar) self->bytes[self->pos] : -1;
  return TRUE;
}

/* The next byte, taken; the end of the document is a fault here. */
static gboolean
take (ClJsonStream  *self,
      int           *out_c,
      GError       **error)
{
  if (!peek (self, out_c, error))
    return FALSE;
  if (*out_c < 0)
    return invalid (self, error, _("the file ends before the document does"));
  self->pos++;
  return TRUE;
}

static gboolean
skip_space (ClJsonStream  *self,
            int           *out_c,
            GError       **error)
{
  for (;;)
    {
      if (!peek (self, out_c, error))
        return FALSE;
      if (*out_c != ' ' && *out_c != '\t' && *out_c != '\r' && *out_c != '\n')
        return TRUE;
      self->line += *out_c == '\n';
      self->pos++;
    }
}

static gboolean
append_text (ClJsonStream  *self,
             const char    *bytes,
             gsize          n,
             GError       **error)
{
  if (n > self->max_text - self->text->len)
    {
      g_autofree char *limit = g_format_size (self->max_text);
      /* Translators: a size such as "67.1 MB" */
      g_autofree char *what = g_strdup_printf (_("a text is longer than %s"), limit);

      return fail (self, error, CL_JSON_STREAM_ERROR_TOO_LONG, what);
    }
  g_string_append_len (self->text, bytes, (gssize) n);
  return TRUE;
}

/* Four hexadecimal digits of a \u escape. */
static gboolean
read_code_unit (ClJsonStream  *self,
                gunichar      *out_unit,
                GError       **error)
{
  *out_unit = 0;
  for (int i = 0; i < 4; i++)
    {
      int c, digit;

      if (!take (self, &c, error))
        return FALSE;
      if ((digit = g_ascii_xdigit_value ((char) c)) < 0)
        return invalid (self, error, _("a text holds a \\u escape without four hexadecimal digits"));
      *out_unit = *out_unit * 16 + (gunichar) digit;
    }
  return TRUE;
}

/* What follows a backslash. */
static gboolean
read_escape (ClJsonStream  *self,
             GError       **error)
{
  static const char plain[] = "\"\\/bfnrt", meant[] = "\"\\/\b\f\n\r\t";
  char utf8[6];
  gunichar unit, low;
  const char *found;
  int c;

  if (!take (self, &c, error))
    return FALSE;
  if (c != 'u')
    {
      if (c == 0 || (found = strchr (plain, c)) == NULL)
        return invalid (self, error, _("a text holds an escape JSON does not have"));
      return append_text (self, &meant[found - plain], 1, error);
    }
  if (!read_code_unit (self, &unit, error))
    return FALSE;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return invalid (self, error, _("a text holds half of a UTF-16 surrogate pair"));
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int backslash, u;

      if (!take (self, &backslash, error) || (backslash == '\\' && !take (self, &u, error)))
        return FALSE;
      if (backslash != '\\' || u != 'u')
        return invalid (self, error, _("a text holds half of a UTF-16 surrogate pair"));
      if (!read_code_unit (self, &low, error))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return invalid (self, error, _("a text holds half of a UTF-16 surrogate pair"));
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
  if (unit == 0)
    return invalid (self, error, _("a text holds a NUL character"));
  return append_text (self, utf8, (gsize) g_unichar_to_utf8 (unit, utf8), error);
}

/* A text, its opening quote taken, into @text: runs of plain bytes are
 * copied as they are, then checked as UTF-8 once whole. */
static gboolean
read_text (ClJsonStream  *self,
           GError       **error)
{
  g_string_truncate (self->text, 0);
  for (;;)
    {
      gsize start;
      int c;

      if (!refill (self, error))
        return FALSE;
      if (self->pos == self->length)
        return invalid (self, error, _("a text is not closed"));
      start = self->pos;
      while (self->pos < self->length)
        {
          guchar byte = (guchar) self->bytes[self->pos];

          if (byte == '"' || byte == '\\' || byte < 0x20)
            break;
          self->pos++;
        }
      if (!append_text (self, self->bytes + start, self->pos - start, error))
        return FALSE;
      if (self->pos == self->length)
        continue;
      c = (guchar) self->bytes[self->pos++];
      if (c == '"')
        break;
      if (c != '\\')
        return invalid (self, error, _("a text holds a control character"));
      if (!read_escape (self, error))
        return FALSE;
    }
  if (!g_utf8_validate_len (self->text->str, self->text->len, NULL))
    return invalid (self, error, _("a text is not UTF-8"));
  return TRUE;
}

/* Whether @number is written as JSON writes a number:
 * -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_number (const char *number)
{
  const char *p = number;

  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if (g_ascii_isdigit (*p))
    while (g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
read_number (ClJsonStream  *self,
             ClJsonToken   *out_token,
             GError       **error)
{
  char number[MAX_NUMBER_CHARS + 1];
  gsize n = 0;
  int c;

  for (;;)
    {
      if (!peek (self, &c, error))
        return FALSE;
      if (c < 0 || !(g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
        break;
      if (n == MAX_NUMBER_CHARS)
        return invalid (self, error, _("a number is longer than a thousand characters"));
      number[n++] = (char) c;
      self->pos++;
    }
  number[n] = '\0';
  if (!is_json_number (number))
    return invalid (self, error, _("a number is not written as JSON writes one"));
  /* a whole number too large for 64 bits is a number all the same */
  if (strpbrk (number, ".eE") == NULL && g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64,
                                                                     &self->int_value, NULL))
    *out_token = CL_JSON_TOKEN_INT;
  else
    {
      self->double_value = g_ascii_strtod (number, NULL);
      *out_token = CL_JSON_TOKEN_DOUBLE;
    }
  return TRUE;
}

/* true, false or null, its first letter not taken yet */
static gboolean
read_word (ClJsonStream  *self,
           const char    *word,
           GError       **error)
{
  for (const char *p = word; *p != '\0'; p++)
    {
      int c;

      if (!take (self, &c, error))
        return FALSE;
      if (c != *p)
        return invalid (self, error, _("a word JSON does not have where a value should be"));
    }
  return TRUE;
}

static gboolean
open_level (ClJsonStream  *self,
            guint8         kind,
            GError       **error)
{
  if (self->depth == self->max_depth)
    {
      g_autofree char *what = g_strdup_printf (_("arrays and objects nest deeper than %u levels"), self->max_depth);

      return fail (self, error, CL_JSON_STREAM_ERROR_TOO_DEEP, what);
    }
  self->open[self->depth++] = kind;
  self->pos++;
  self->expect = kind == '{' ? EXPECT_FIRST_MEMBER : EXPECT_FIRST_VALUE;
  return TRUE;
}

static ClJsonToken
close_level (ClJsonStream *self)
{
  guint8 kind = self->open[--self->depth];

  self->pos++;
  self->expect = EXPECT_NEXT;
  return kind == '{' ? CL_JSON_TOKEN_END_OBJECT : CL_JSON_TOKEN_END_ARRAY;
}

/* A value starting with @c, not taken yet. */
static gboolean
read_value (ClJsonStream  *self,
            int            c,
            ClJsonToken   *out_token,
            GError       **error)
{
  gboolean ok;

  switch (c)
    {
    case '{':
      *out_token = CL_JSON_TOKEN_BEGIN_OBJECT;
      return open_level (self, '{', error);
    case '[':
      *out_token = CL_JSON_TOKEN_BEGIN_ARRAY;
      return open_level (self, '[', error);
    case '"':
      self->pos++;
      *out_token = CL_JSON_TOKEN_STRING;
      ok = read_text (self, error);
      break;
    case 't':
      *out_token = CL_JSON_TOKEN_TRUE;
      ok = read_word (self, "true", error);
      break;
    case 'f':
      *out_token = CL_JSON_TOKEN_FALSE;
      ok = read_word (self, "false", error);
      break;
    case 'n':
      *out_token = CL_JSON_TOKEN_NULL;
      ok = read_word (self, "null", error);
      break;
    case -1:
      return invalid (self, error, _("the file ends before the document does"));
    default:
      if (c != '-' && !g_ascii_isdigit (c))
        return invalid (self, error, _("something other than a value where a value should be"));
      ok = read_number (self, out_token, error);
      break;
    }
  self->expect = EXPECT_NEXT;
  return ok;
}

/**
 * cl_json_stream_next:
 * @self: a stream
 * @out_token: (out): the next token
 * @error: return location for a #GError, or %NULL
 *
 * Reads the next token of the document; %CL_JSON_TOKEN_END once it is
 * whole and only white space follows. After a failure the stream is not
 * to be read further.
 *
 * Returns: %TRUE with @out_token set, %FALSE with @error set
 *   (%CL_JSON_STREAM_ERROR)
 */
gboolean
cl_json_stream_next (ClJsonStream  *self,
                     ClJsonToken   *out_token,
                     GError       **error)
{
  int c;

  for (;;)
    {
      if (!skip_space (self, &c, error))
        return FALSE;
      switch (self->expect)
        {
        case EXPECT_END:
          if (c >= 0)
            return invalid (self, error, _("something follows the end of the document"));
          *out_token = CL_JSON_TOKEN_END;
          return TRUE;
        case EXPECT_NEXT:
          if (self->depth == 0)
            {
              self->expect = EXPECT_END;
              continue;
            }
          if (c == ',')
            {
              self->pos++;
              self->expect = self->open[self->depth - 1] == '{' ? EXPECT_MEMBER : EXPECT_VALUE;
              continue;
            }
          if (c == (self->open[self->depth - 1] == '{' ? '}' : ']'))
            {
              *out_token = close_level (self);
              return TRUE;
            }
          return invalid (self, error, _("a comma or the end of an array or object is missing"));
        case EXPECT_FIRST_MEMBER:
          if (c == '}')
            {
              *out_token = close_level (self);
              return TRUE;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_MEMBER:
          if (c != '"')
            return invalid (self, error, _("a member's name is missing"));
          self->pos++;
          if (!read_text (self, error) || !skip_space (self, &c, error))
            return FALSE;
          if (c != ':')
            return invalid (self, error, _("a colon is missing after a member's name"));
          self->pos++;
          self->expect = EXPECT_VALUE;
          *out_token = CL_JSON_TOKEN_MEMBER;
          return TRUE;
        case EXPECT_FIRST_VALUE:
          if (c == ']')
            {
              *out_token = close_level (self);
              return TRUE;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          return read_value (self, c, out_token, error);
        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * cl_json_stream_skip:
 * @self: a stream
 * @first: the token just read, the start of a value
 * @error: return location for a #GError, or %NULL
 *
 * Reads past the value @first starts: nothing more for a single value,
 * the whole array or object for a beginning, checked as any.
 *
 * Returns: %TRUE once past it, %FALSE with @error set
 */
gboolean
cl_json_stream_skip (ClJsonStream  *self,
                     ClJsonToken    first,
                     GError       **error)
{
  guint levels = first == CL_JSON_TOKEN_BEGIN_OBJECT || first == CL_JSON_TOKEN_BEGIN_ARRAY;

  while (levels > 0)
    {
      ClJsonToken token;

      if (!cl_json_stream_next (self, &token, error))
        return FALSE;
      if (token == CL_JSON_TOKEN_BEGIN_OBJECT || token == CL_JSON_TOKEN_BEGIN_ARRAY)
        levels++;
      else if (token == CL_JSON_TOKEN_END_OBJECT || token == CL_JSON_TOKEN_END_ARRAY)
        levels--;
    }
  return TRUE;
}

/**
 * cl_json_stream_get_text:
 * @self: a stream
 *
 * Returns: (transfer none): the text of the last %CL_JSON_TOKEN_STRING or
 *   %CL_JSON_TOKEN_MEMBER, UTF-8 without NUL, until the next token
 */
const char *
cl_json_stream_get_text (ClJsonStream *self)
{
  return self->text->str;
}

/**
 * cl_json_stream_get_int:
 * @self: a stream
 *
 * Returns: the value of the last %CL_JSON_TOKEN_INT
 */
gint64
cl_json_stream_get_int (ClJsonStream *self)
{
  return self->int_value;
}

/**
 * cl_json_stream_get_double:
 * @self: a stream
 *
 * Returns: the value of the last %CL_JSON_TOKEN_DOUBLE, infinite when it
 *   was too large for a double
 */
double
cl_json_stream_get_double (ClJsonStream *self)
{
  return self->double_value;
}
