/* fuzz-findings.c — what a fuzz target counts as a finding besides a crash
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader of outside files refuses what it cannot read with a GError; a
 * GLib warning or critical on the way (a GError set twice, a NULL where
 * none may be) is a fault the input found. GLib makes them fatal with a
 * breakpoint trap, which libFuzzer does not catch: here they abort, which
 * it does, and it keeps the input.
 */
#include "config.h"

#include <stdlib.h>

#include "fuzz-findings.h"

static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput written = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return written;
}

/**
 * fuzz_warnings_are_findings:
 *
 * From the first call on, a GLib warning or critical aborts the process.
 */
void
fuzz_warnings_are_findings (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_log_set_writer_func (abort_on_warnings, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}
