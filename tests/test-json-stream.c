/* test-json-stream.c — JSON read token by token: what it reads, what it
 * refuses, across the buffers of a file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-json-stream.h"
#include "test-util.h"

#define DEPTH 64
#define TEXT  (1024 * 1024)

/* Every token of @stream as one line: "{ member:a [ 1 2.5 "x" true null ] }". */
static char *
tokens_of (ClJsonStream  *stream,
           GError       **error)
{
  g_autoptr (GString) said = g_string_new (NULL);
  ClJsonToken token;

  do
    {
      if (!cl_json_stream_next (stream, &token, error))
        return NULL;
      if (said->len > 0)
        g_string_append_c (said, ' ');
      switch (token)
        {
        case CL_JSON_TOKEN_BEGIN_OBJECT: g_string_append (said, "{"); break;
        case CL_JSON_TOKEN_END_OBJECT: g_string_append (said, "}"); break;
        case CL_JSON_TOKEN_BEGIN_ARRAY: g_string_append (said, "["); break;
        case CL_JSON_TOKEN_END_ARRAY: g_string_append (said, "]"); break;
        case CL_JSON_TOKEN_MEMBER:
          g_string_append_printf (said, "member:%s", cl_json_stream_get_text (stream));
          break;
        case CL_JSON_TOKEN_STRING: g_string_append_printf (said, "\"%s\"", cl_json_stream_get_text (stream)); break;
        case CL_JSON_TOKEN_INT: g_string_append_printf (said, "%" G_GINT64_FORMAT, cl_json_stream_get_int (stream)); break;
        case CL_JSON_TOKEN_DOUBLE: g_string_append_printf (said, "%g", cl_json_stream_get_double (stream)); break;
        case CL_JSON_TOKEN_TRUE: g_string_append (said, "true"); break;
        case CL_JSON_TOKEN_FALSE: g_string_append (said, "false"); break;
        case CL_JSON_TOKEN_NULL: g_string_append (said, "null"); break;
        case CL_JSON_TOKEN_END: g_string_append (said, "."); break;
        }
    }
  while (token != CL_JSON_TOKEN_END);
  return g_string_free (g_steal_pointer (&said), FALSE);
}

static char *
tokens_of_text (const char  *text,
                GError     **error)
{
  g_autoptr (ClJsonStream) stream = cl_json_stream_new_for_data (text, strlen (text), DEPTH, TEXT);

  return tokens_of (stream, error);
}

/* What a document is read as: each kind of token, numbers whole or not,
 * escapes and surrogate pairs as UTF-8. */
static void
test_tokens (void)
{
  static const struct { const char *text, *tokens; } cases[] = {
    { " {\"a\" : [1, -2.5e1, \"x\", true, false, null], \"b\":{}}\n",
      "{ member:a [ 1 -25 \"x\" true false null ] member:b { } } ." },
    { "[]", "[ ] ." },
    { "-0", "0 ." },
    { "9223372036854775807", "9223372036854775807 ." },
    /* a whole number over 64 bits is a number all the same */
    { "9223372036854775808", "9.22337e+18 ." },
    { "1.0", "1 ." },
    { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\"\\/\b\f\n\r\t\" ." },
    { "\"\\u00e9\\u20ac\\ud83d\\ude00\"", "\"é€😀\" ." },
    { "\"é\"", "\"é\" ." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tokens = tokens_of_text (cases[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

/* What is not JSON text is refused with its line, and so is nesting or a
 * text beyond the bounds. */
static void
test_refused (void)
{
  static const struct { const char *text; int code; const char *said; } cases[] = {
    { "", CL_JSON_STREAM_ERROR_INVALID, "line 1" },
    { "[1,]", CL_JSON_STREAM_ERROR_INVALID, "line 1" },
    { "{\"a\" 1}", CL_JSON_STREAM_ERROR_INVALID, "colon" },
    { "[\n\n01]", CL_JSON_STREAM_ERROR_INVALID, "line 3" },
    { "[1.]", CL_JSON_STREAM_ERROR_INVALID, NULL },
    { "\"a\tb\"", CL_JSON_STREAM_ERROR_INVALID, "control" },
    { "\"\\u0000\"", CL_JSON_STREAM_ERROR_INVALID, "NUL" },
    { "\"\\ud800\"", CL_JSON_STREAM_ERROR_INVALID, "surrogate" },
    { "\"\\udc00\\ud800\"", CL_JSON_STREAM_ERROR_INVALID, "surrogate" },
    { "\"\xff\"", CL_JSON_STREAM_ERROR_INVALID, "UTF-8" },
    { "\"\\x\"", CL_JSON_STREAM_ERROR_INVALID, "escape" },
    { "[true] x", CL_JSON_STREAM_ERROR_INVALID, "follows" },
    { "[nul]", CL_JSON_STREAM_ERROR_INVALID, NULL },
    { "[\"open", CL_JSON_STREAM_ERROR_INVALID, "not closed" },
  };
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autofree char *long_text = g_strnfill (TEXT + 1, 'a');
  g_autofree char *long_doc = g_strdup_printf ("\"%s\"", long_text);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tokens = tokens_of_text (cases[i].text, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (tokens);
      g_assert_error (error, CL_JSON_STREAM_ERROR, cases[i].code);
      if (cases[i].said != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].said));
    }
  /* as deep as allowed, then one level more; no recursion either way */
  for (guint i = 0; i < DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < DEPTH; i++)
    g_string_append_c (deep, ']');
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *tokens = tokens_of_text (deep->str, &error);

    g_assert_no_error (error);
    g_string_prepend_c (deep, '[');
    g_string_append_c (deep, ']');
    g_clear_pointer (&tokens, g_free);
    tokens = tokens_of_text (deep->str, &error);
    g_assert_error (error, CL_JSON_STREAM_ERROR, CL_JSON_STREAM_ERROR_TOO_DEEP);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *tokens = tokens_of_text (long_doc, &error);

    g_assert_error (error, CL_JSON_STREAM_ERROR, CL_JSON_STREAM_ERROR_TOO_LONG);
  }
}

/* A file is read a buffer at a time: a text, an escape and a number cut
 * by the end of a buffer read as whole. */
static void
test_across_buffers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autoptr (GString) text = g_string_new ("[");
  g_autoptr (GString) expected = g_string_new ("[");
  g_autoptr (GError) error = NULL;
  g_autofree char *tokens = NULL;
  g_autofree char *doc = NULL;
  gsize length;

  /* each element a little longer than the last, so that every offset of
   * "\u00e9" and of a number meets a buffer's end somewhere */
  for (guint i = 0; text->len < 3 * 64 * 1024; i++)
    {
      g_autofree char *filler = g_strnfill (i % 97, 'x');

      g_string_append_printf (text, "%s\"%s\\u00e9\", %u", i ? "," : "", filler, 1000000 + i);
      g_string_append_printf (expected, " \"%sé\" %u", filler, 1000000 + i);
    }
  g_string_append (text, "]");
  g_string_append (expected, " ] .");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  {
    g_autoptr (ClJsonStream) stream = cl_json_stream_new_for_fd (g_open (path, O_RDONLY, 0), DEPTH, TEXT);

    tokens = tokens_of (stream, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (tokens, ==, expected->str);

  /* the same file cut short is refused at its end */
  g_assert_true (g_file_get_contents (path, &doc, &length, NULL));
  g_assert_true (g_file_set_contents (path, doc, (gssize) length - 1, &error));
  {
    g_autoptr (ClJsonStream) stream = cl_json_stream_new_for_fd (g_open (path, O_RDONLY, 0), DEPTH, TEXT);

    g_clear_pointer (&tokens, g_free);
    tokens = tokens_of (stream, &error);
  }
  g_assert_error (error, CL_JSON_STREAM_ERROR, CL_JSON_STREAM_ERROR_INVALID);
  cl_test_remove_tree (dir);
}

/* A value skipped whole, nested or not; what follows it is read. */
static void
test_skip (void)
{
  static const char text[] = "{\"skipped\": {\"a\": [1, {\"b\": []}], \"c\": \"d\"}, \"also\": 3, \"kept\": true}";
  g_autoptr (ClJsonStream) stream = cl_json_stream_new_for_data (text, strlen (text), DEPTH, TEXT);
  g_autoptr (GError) error = NULL;
  ClJsonToken token;

  g_assert_true (cl_json_stream_next (stream, &token, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (cl_json_stream_next (stream, &token, &error));
      g_assert_cmpint (token, ==, CL_JSON_TOKEN_MEMBER);
      g_assert_true (cl_json_stream_next (stream, &token, &error));
      g_assert_true (cl_json_stream_skip (stream, token, &error));
    }
  g_assert_true (cl_json_stream_next (stream, &token, &error));
  g_assert_cmpstr (cl_json_stream_get_text (stream), ==, "kept");
  g_assert_true (cl_json_stream_next (stream, &token, &error));
  g_assert_cmpint (token, ==, CL_JSON_TOKEN_TRUE);
  g_assert_no_error (error);
}

/* JSONTestSuite: every document it says is JSON is read to its end but
 * those with a NUL in a text, which no text here may hold; every one it
 * says is not is refused; the ones left to the reader either, without a
 * crash. */
static void
test_json_test_suite (void)
{
  g_autofree char *dir = cl_test_json_test_suite_dir ();
  g_autoptr (GDir) listing = NULL;
  const char *name;
  guint accepted = 0, refused = 0;

  if (dir == NULL)
    return;
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (ClJsonStream) stream = cl_json_stream_new_for_fd (g_open (path, O_RDONLY, 0), DEPTH, TEXT);
      g_autoptr (GError) error = NULL;
      g_autofree char *tokens = tokens_of (stream, &error);
      g_autofree char *content = NULL;

      g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
      if (name[0] == 'y' && strstr (content, "\\u0000") != NULL && error != NULL)
        g_assert_nonnull (strstr (error->message, "NUL"));
      else if (name[0] == 'y')
        {
          if (error != NULL)
            g_test_message ("%s: %s", name, error->message);
          g_assert_no_error (error);
        }
      else if (name[0] == 'n')
        {
          if (error == NULL)
            g_test_message ("%s: read as %s", name, tokens);
          g_assert_nonnull (error);
        }
      accepted += error == NULL;
      refused += error != NULL;
    }
  g_test_message ("%u documents read, %u refused", accepted, refused);
  g_assert_cmpuint (accepted + refused, >=, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-stream/tokens", test_tokens);
  g_test_add_func ("/json-stream/refused", test_refused);
  g_test_add_func ("/json-stream/across-buffers", test_across_buffers);
  g_test_add_func ("/json-stream/skip", test_skip);
  g_test_add_func ("/json-stream/json-test-suite", test_json_test_suite);
  return g_test_run ();
}
