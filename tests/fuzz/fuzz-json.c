/* fuzz-json.c — libFuzzer target: any bytes as JSON read token by token
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader a backup is restored through (cl-json-stream.c) must read or
 * refuse every input without crashing, leaking, reading out of bounds or
 * recursing; ASan and UBSan watch it. What it reads must hold: texts and
 * member names are UTF-8 without NUL, arrays and objects close in the
 * order they opened, and a document read whole ends once. The backup
 * target reaches the reader only as deep as a backup's shape goes; this
 * one, any JSON.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cl-json-stream.h"
#include "fuzz-findings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_DEPTH 64

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (ClJsonStream) stream = cl_json_stream_new_for_data ((const char *) data, size, MAX_DEPTH, 4096);
  g_autoptr (GError) error = NULL;
  char open[MAX_DEPTH];
  guint depth = 0;
  ClJsonToken token = CL_JSON_TOKEN_NULL;

  fuzz_warnings_are_findings ();
  while (cl_json_stream_next (stream, &token, &error) && token != CL_JSON_TOKEN_END)
    switch (token)
      {
      case CL_JSON_TOKEN_BEGIN_OBJECT:
      case CL_JSON_TOKEN_BEGIN_ARRAY:
        g_assert (depth < MAX_DEPTH);
        open[depth++] = token == CL_JSON_TOKEN_BEGIN_OBJECT ? '{' : '[';
        break;
      case CL_JSON_TOKEN_END_OBJECT:
      case CL_JSON_TOKEN_END_ARRAY:
        g_assert (depth > 0 && open[--depth] == (token == CL_JSON_TOKEN_END_OBJECT ? '{' : '['));
        break;
      case CL_JSON_TOKEN_MEMBER:
      case CL_JSON_TOKEN_STRING:
        {
          const char *text = cl_json_stream_get_text (stream);

          g_assert (g_utf8_validate (text, -1, NULL));
          g_assert (strlen (text) <= 4096);
        }
        break;
      default:
        break;
      }
  g_assert ((error == NULL) == (token == CL_JSON_TOKEN_END));
  g_assert (error != NULL || depth == 0);
  return 0;
}
