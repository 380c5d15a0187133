/* fuzz-fold.c — libFuzzer target: a name and a query, searched in place
 * as the pipeline searches the names that fold to themselves lowered
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a name, then a NUL, then a query: names come from CRM
 * exports and teammates' files, so any bytes. For every name,
 * cl_text_fold_unless_lowered () keeps the fold cl_text_fold () makes, or
 * keeps none when the fold is the name lowered; then
 * cl_text_contains_lowered () must find the folded query exactly where a
 * substring of the fold is, without reading past either text.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cl-text.h"
#include "fuzz-findings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *split = memchr (data, '\0', size);
  gsize name_len = split != NULL ? (gsize) (split - data) : size;
  g_autofree char *name = g_strndup ((const char *) data, name_len);
  g_autofree char *query = split != NULL ? g_strndup ((const char *) split + 1, size - name_len - 1) : g_strdup ("");
  g_autofree char *fold = NULL, *needle = NULL, *kept = NULL;

  fuzz_warnings_are_findings ();
  fold = cl_text_fold (name);
  needle = cl_text_fold (query);
  kept = cl_text_fold_unless_lowered (name);
  if (kept != NULL)
    g_assert (strcmp (kept, fold) == 0);
  else
    g_assert (cl_text_contains_lowered (name, needle) == (strstr (fold, needle) != NULL));
  return 0;
}
