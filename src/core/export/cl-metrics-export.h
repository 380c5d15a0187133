/* cl-metrics-export.h — a call's metrics as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-call-metrics.h"

G_BEGIN_DECLS

JsonNode *cl_metrics_export_build (const ClTranscript  *transcript,
                                   const ClCallMetrics *metrics,
                                   const char          *file_name);

G_END_DECLS
