/* cl-call-import.h — a transcript file kept as a call on a deal
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

ClCall *cl_call_import_transcript (ClStore     *store,
                                   const char  *path,
                                   gint64       deal_id,
                                   const char  *rep,
                                   ClDay        held_on,
                                   GError     **error);

G_END_DECLS
