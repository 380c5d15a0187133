/* fuzz-summary.c — libFuzzer target: any bytes as a teammate's summary,
 * a manager's rep brief and a rep's practice log
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader must refuse or accept every input without crashing, leaking
 * or reading out of bounds; ASan and UBSan watch it.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "cl-practice-log.h"
#include "cl-rep-brief.h"
#include "cl-summary.h"
#include "fuzz-findings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL, brief_error = NULL, log_error = NULL;
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autoptr (ClRepBrief) brief = NULL;
  g_autoptr (ClPracticeLog) log = NULL;

  fuzz_warnings_are_findings ();
  info = cl_summary_read ((const char *) data, size, "fuzz.json", &error);
  brief = cl_rep_brief_read ((const char *) data, size, "fuzz.json", &brief_error);
  log = cl_practice_log_read ((const char *) data, size, "fuzz.json", &log_error);

  g_assert ((info == NULL) != (error == NULL));
  g_assert ((brief == NULL) != (brief_error == NULL));
  g_assert ((log == NULL) != (log_error == NULL));
  return 0;
}
