/* cl-metrics-export.c — a call's metrics as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.call-metrics", version 1; data/schema holds its JSON
 * Schema. Times are seconds; "timing" says whether they were read from
 * the transcript or estimated from its word counts.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include "cl-export.h"
#include "cl-metrics-export.h"

#define FORMAT_NAME    "closeloop.call-metrics"
#define FORMAT_VERSION 1

static void
add_speaker (JsonBuilder            *builder,
             const ClSpeakerMetrics *speaker)
{
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "name", speaker->name);
  cl_export_add_string (builder, "side", speaker->is_rep ? "rep" : "buyer");
  cl_export_add_number (builder, "talk_s", speaker->talk_s);
  cl_export_add_number (builder, "talk_ratio", speaker->talk_ratio);
  cl_export_add_int (builder, "turns", speaker->turns);
  cl_export_add_number (builder, "longest_monologue_s", speaker->longest_monologue_s);
  json_builder_end_object (builder);
}

/**
 * cl_metrics_export_build:
 * @transcript: the transcript read
 * @metrics: its metrics
 * @file_name: the transcript's file name, as the document names it
 *
 * Builds "closeloop.call-metrics", version 1: the metrics of @transcript, for
 * the whole call and each speaker.
 *
 * Returns: (transfer full): the document
 */
JsonNode *
cl_metrics_export_build (const ClTranscript  *transcript,
                         const ClCallMetrics *metrics,
                         const char          *file_name)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  cl_export_add_string (builder, "file", file_name);
  cl_export_add_string (builder, "transcript_format", cl_transcript_format_to_string (transcript->format));
  cl_export_add_string (builder, "timing", metrics->estimated ? "estimated" : "timestamps");
  cl_export_add_int (builder, "cues", transcript->cues->len);
  cl_export_add_string (builder, "rep", metrics->rep);
  cl_export_add_number (builder, "duration_s", metrics->duration_s);
  cl_export_add_number (builder, "talk_ratio", metrics->talk_ratio);
  json_builder_set_member_name (builder, "longest_monologue_s");
  json_builder_begin_object (builder);
  cl_export_add_number (builder, "rep", metrics->rep_longest_monologue_s);
  cl_export_add_number (builder, "buyer", metrics->buyer_longest_monologue_s);
  json_builder_end_object (builder);
  cl_export_add_int (builder, "rep_questions", metrics->rep_questions);
  cl_export_add_number (builder, "switches_per_minute", metrics->switches_per_minute);
  if (metrics->rep_patience_s < 0)
    cl_export_add_string (builder, "rep_patience_s", NULL);
  else
    cl_export_add_number (builder, "rep_patience_s", metrics->rep_patience_s);
  json_builder_set_member_name (builder, "speakers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < metrics->speakers->len; i++)
    add_speaker (builder, metrics->speakers->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
