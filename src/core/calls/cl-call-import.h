/* cl-call-import.h — a transcript file kept as a call on a deal
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Reads the transcript at @path and keeps it, measured, as a call on
 * @deal_id held on @held_on. @rep names the rep on the call (a rep of the
 * team, or at least a speaker of the transcript); NULL means the deal's
 * owner. Nothing is written when the file cannot be read or no speaker is
 * the rep. */
ClCall *cl_call_import_transcript (ClStore     *store,
                                   const char  *path,
                                   gint64       deal_id,
                                   const char  *rep,
                                   ClDay        held_on,
                                   GError     **error);

G_END_DECLS
