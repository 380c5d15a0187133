/* fuzz-findings.h — what a fuzz target counts as a finding besides a crash
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

void fuzz_warnings_are_findings (void);
