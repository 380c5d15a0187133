/* fuzz-summary.c — libFuzzer target: any bytes as a teammate's summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader must refuse or accept every input without crashing, leaking
 * or reading out of bounds; ASan and UBSan watch it.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "cl-summary.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClSummaryInfo) info = cl_summary_read ((const char *) data, size, "fuzz.json", &error);

  g_assert ((info == NULL) != (error == NULL));
  return 0;
}
