/* bench-transcript.c — how long the largest transcript takes to read, in
 * the shapes that cost the most, against splitting the same text in lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cl-call-metrics.h"
#include "cl-transcript.h"

/* A plain-text transcript just under the limit: one "Name:" line, then
 * unlabelled lines that all continue it (a paste without labels). */
static GString *
one_speaker_text (void)
{
  GString *text = g_string_new ("Ana Okafor: So tell me how the rollout went.\n");

  while (text->len < CL_TRANSCRIPT_MAX_BYTES - 64)
    g_string_append (text, "and then we talked about the budget for the next quarter again\n");
  return text;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GString) text = one_speaker_text ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ClTranscript) transcript = NULL;
  g_auto (GStrv) lines = NULL;
  double anchor, parsed;
  gint64 start;

  start = g_get_monotonic_time ();
  lines = g_strsplit (text->str, "\n", -1);
  anchor = seconds_since (start);

  start = g_get_monotonic_time ();
  transcript = cl_transcript_parse (text->str, text->len, "one-speaker.txt", CL_TRANSCRIPT_AUTO, &error);
  parsed = seconds_since (start);
  if (transcript == NULL)
    g_error ("%s", error->message);
  printf ("transcript: %.1f MB of one speaker's unlabelled lines (%u lines, %u cue) read in %.3f s "
          "(%.0f× splitting it into lines, %.3f s)\n",
          text->len / 1e6, g_strv_length (lines), transcript->cues->len, parsed, parsed / anchor, anchor);
  return 0;
}
