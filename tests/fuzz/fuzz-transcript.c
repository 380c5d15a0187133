/* fuzz-transcript.c — libFuzzer target: any bytes as a call transcript
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes are read in each format (decided from the content, WebVTT,
 * SRT, plain text); whatever is read is measured with each speaker as the
 * rep, as `closeloop analyze` does, and written as its metrics document.
 * Nothing may crash, leak or read out of bounds; ASan and UBSan watch it.
 *
 * The same function is the body of the fuzzer (with -fsanitize=fuzzer) and
 * of the replay test (fuzz-replay.c), which feeds it every input that ever
 * failed, in every build.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cl-call-metrics.h"
#include "cl-export.h"
#include "cl-metrics-export.h"
#include "fuzz-findings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* speakers measured as the rep, at most */
#define MAX_REPS 4

static void
measure (const ClTranscript *transcript,
         const char         *rep)
{
  g_autoptr (ClCallMetrics) metrics = cl_call_metrics_compute (transcript, rep);
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *text = NULL;

  g_assert (metrics->duration_s >= 0);
  g_assert (metrics->talk_ratio >= 0 && metrics->talk_ratio <= 1 + 1e-9);
  cl_call_metrics_apply (metrics, call);
  document = cl_metrics_export_build (transcript, metrics, "fuzz.vtt");
  text = cl_export_to_text (document);
  g_assert (text != NULL && g_utf8_validate (text, -1, NULL));
}

static void
read_as (const uint8_t      *data,
         size_t              size,
         const char         *name,
         ClTranscriptFormat  format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClTranscript) transcript = cl_transcript_parse ((const char *) data, size, name, format, &error);
  g_autoptr (GPtrArray) speakers = NULL;

  g_assert ((transcript == NULL) != (error == NULL));
  if (transcript == NULL)
    return;
  g_assert (transcript->cues->len > 0);
  for (guint i = 0; i < transcript->cues->len; i++)
    {
      const ClCue *cue = transcript->cues->pdata[i];
      g_autofree char *time = cl_transcript_format_time (cue->start_ms);

      g_assert (cue->speaker != NULL && cue->text != NULL && *cue->text != '\0');
      g_assert (g_utf8_validate (cue->text, -1, NULL) && g_utf8_validate (cue->speaker, -1, NULL));
      g_assert (i == 0 || cue->start_ms >= ((const ClCue *) transcript->cues->pdata[i - 1])->start_ms);
      g_assert (time != NULL);
    }

  speakers = cl_transcript_speakers (transcript);
  for (guint i = 0; i < speakers->len && i < MAX_REPS; i++)
    {
      const char *speaker = speakers->pdata[i];
      g_autoptr (GError) rep_error = NULL;
      /* a rep named by the first word of a speaker's name, as on the command line */
      g_autofree char *first_word = g_strndup (speaker, strcspn (speaker, " "));
      g_autofree char *rep = cl_call_metrics_find_rep (transcript, first_word, &rep_error);

      g_assert ((rep == NULL) != (rep_error == NULL));
      measure (transcript, speaker);
    }
  /* a rep who never speaks */
  measure (transcript, "");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_warnings_are_findings ();
  read_as (data, size, "fuzz", CL_TRANSCRIPT_AUTO);
  read_as (data, size, "fuzz.vtt", CL_TRANSCRIPT_VTT);
  read_as (data, size, "fuzz.srt", CL_TRANSCRIPT_SRT);
  read_as (data, size, "fuzz.txt", CL_TRANSCRIPT_TXT);
  return 0;
}
