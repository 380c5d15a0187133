/* cl-call-metrics.c — what a transcript says about how the rep ran the call
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Consecutive cues of one speaker make a turn. Talk time is the sum of cue
 * lengths; a monologue is a turn from its first word to its last; a switch
 * is a turn that follows another speaker's; patience is the pause between
 * the end of a buyer's turn and the start of the rep's (overlap counts 0).
 * Everybody who is not the rep is the buyer's side. Cues without a speaker
 * are left out.
 */
#define G_LOG_DOMAIN "cl-calls"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-call-metrics.h"

static void
speaker_metrics_free (ClSpeakerMetrics *speaker)
{
  g_free (speaker->name);
  g_free (speaker);
}

/**
 * cl_call_metrics_free:
 * @metrics: (nullable): the metrics
 *
 * Frees @metrics and its speakers. Does nothing for %NULL.
 */
void
cl_call_metrics_free (ClCallMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_free (metrics->rep);
  g_ptr_array_unref (metrics->speakers);
  g_free (metrics);
}

/* @part is @whole, or its first or last words. */
static gboolean
names_part (const char *whole,
            const char *part)
{
  gsize n = strlen (part), len = strlen (whole);

  if (n == 0 || n > len)
    return FALSE;
  if (n == len)
    return strcmp (whole, part) == 0;
  return (strncmp (whole, part, n) == 0 && whole[n] == ' ')
         || (strcmp (whole + len - n, part) == 0 && whole[len - n - 1] == ' ');
}

/**
 * cl_call_metrics_find_rep:
 * @transcript: a transcript
 * @rep: the rep's name
 * @error: return location for a #GError, or %NULL
 *
 * Finds the speaker of @transcript who is @rep, ignoring case: the speaker
 * with the same name, or else the only speaker whose name is the first or
 * last words of @rep or the other way round ("Alice" for "Alice Chen").
 *
 * Returns: (transfer full) (nullable): the speaker's name as the transcript
 *   writes it, or %NULL with @error set to %CL_TRANSCRIPT_ERROR_NO_REP,
 *   listing the speakers, when none or several match
 */
char *
cl_call_metrics_find_rep (const ClTranscript  *transcript,
                          const char          *rep,
                          GError             **error)
{
  g_autoptr (GPtrArray) speakers = cl_transcript_speakers (transcript);
  g_autofree char *wanted = g_utf8_casefold (rep, -1);
  g_autofree char *listed = NULL;
  const char *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < speakers->len; i++)
    {
      g_autofree char *name = g_utf8_casefold (speakers->pdata[i], -1);

      if (strcmp (name, wanted) == 0)
        return g_strdup (speakers->pdata[i]);
      if (names_part (name, wanted) || names_part (wanted, name))
        found = speakers->pdata[i], matches++;
    }
  if (matches == 1)
    return g_strdup (found);
  g_ptr_array_add (speakers, NULL);
  listed = speakers->len > 1 ? g_strjoinv (", ", (char **) speakers->pdata) : g_strdup (_("none"));
  g_set_error (error, CL_TRANSCRIPT_ERROR, CL_TRANSCRIPT_ERROR_NO_REP,
               matches == 0 ? _("No speaker in the transcript is “%s”; the speakers are: %s")
                            : _("Several speakers could be “%s”; name one of: %s"),
               rep, listed);
  return NULL;
}

/**
 * cl_call_metrics_count_questions:
 * @text: UTF-8 text
 *
 * Counts the questions in @text: each run of question marks (ASCII,
 * full-width or Arabic) ends one.
 *
 * Returns: the number of questions
 */
guint
cl_call_metrics_count_questions (const char *text)
{
  guint questions = 0;
  gboolean in_run = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean mark = c == '?' || c == 0xFF1F || c == 0x061F;   /* ASCII, full-width, Arabic */

      questions += mark && !in_run;
      in_run = mark;
    }
  return questions;
}

static ClSpeakerMetrics *
speaker_of (GPtrArray  *speakers,
            const char *name,
            const char *rep)
{
  ClSpeakerMetrics *speaker;

  for (guint i = 0; i < speakers->len; i++)
    if (strcmp (((ClSpeakerMetrics *) speakers->pdata[i])->name, name) == 0)
      return speakers->pdata[i];
  speaker = g_new0 (ClSpeakerMetrics, 1);
  speaker->name = g_strdup (name);
  speaker->is_rep = g_strcmp0 (name, rep) == 0;
  g_ptr_array_add (speakers, speaker);
  return speaker;
}

/**
 * cl_call_metrics_compute:
 * @transcript: a transcript
 * @rep_speaker: the speaker who is the rep, as the transcript names them
 *
 * Measures the call in @transcript: talk time, turns and longest monologue
 * of each speaker, the rep's share of the talk, the rep's questions,
 * speaker switches per minute and the rep's mean pause before answering
 * the buyer's side. Times are in seconds; cues without a speaker are left
 * out. The rep's patience is -1 when there was no such pause or the times
 * were estimated from word counts.
 *
 * Returns: (transfer full): the metrics; free with cl_call_metrics_free ()
 */
ClCallMetrics *
cl_call_metrics_compute (const ClTranscript *transcript,
                         const char         *rep_speaker)
{
  ClCallMetrics *metrics = g_new0 (ClCallMetrics, 1);
  ClSpeakerMetrics *turn_speaker = NULL;
  gint64 first = G_MAXINT64, last = G_MININT64, turn_start = 0, turn_end = 0;
  double patience = 0, total = 0;
  guint switches = 0, pauses = 0;

  metrics->rep = g_strdup (rep_speaker);
  metrics->estimated = transcript->estimated;
  metrics->speakers = g_ptr_array_new_with_free_func ((GDestroyNotify) speaker_metrics_free);

  for (guint i = 0; i <= transcript->cues->len; i++)
    {
      const ClCue *cue = i < transcript->cues->len ? transcript->cues->pdata[i] : NULL;
      ClSpeakerMetrics *speaker;

      if (cue != NULL && *cue->speaker == '\0')
        continue;
      speaker = cue ? speaker_of (metrics->speakers, cue->speaker, rep_speaker) : NULL;
      if (turn_speaker != NULL && speaker == turn_speaker)
        {
          turn_end = MAX (turn_end, cue->end_ms);
        }
      else
        {
          if (turn_speaker != NULL)
            turn_speaker->longest_monologue_s = MAX (turn_speaker->longest_monologue_s,
                                                     (turn_end - turn_start) / 1000.0);
          if (speaker == NULL)
            break;
          if (turn_speaker != NULL)
            {
              switches++;
              if (speaker->is_rep && !turn_speaker->is_rep)
                patience += MAX (0, cue->start_ms - turn_end) / 1000.0, pauses++;
            }
          speaker->turns++;
          turn_speaker = speaker;
          turn_start = cue->start_ms;
          turn_end = cue->end_ms;
        }
      speaker->talk_s += MAX (0, cue->end_ms - cue->start_ms) / 1000.0;
      if (speaker->is_rep)
        metrics->rep_questions += cl_call_metrics_count_questions (cue->text);
      first = MIN (first, cue->start_ms);
      last = MAX (last, cue->end_ms);
    }

  metrics->duration_s = last > first ? (last - first) / 1000.0 : 0;
  for (guint i = 0; i < metrics->speakers->len; i++)
    total += ((ClSpeakerMetrics *) metrics->speakers->pdata[i])->talk_s;
  for (guint i = 0; i < metrics->speakers->len; i++)
    {
      ClSpeakerMetrics *speaker = metrics->speakers->pdata[i];

      speaker->talk_ratio = total > 0 ? speaker->talk_s / total : 0;
      if (speaker->is_rep)
        {
          metrics->talk_ratio = speaker->talk_ratio;
          metrics->rep_longest_monologue_s = speaker->longest_monologue_s;
        }
      else
        metrics->buyer_longest_monologue_s = MAX (metrics->buyer_longest_monologue_s,
                                                  speaker->longest_monologue_s);
    }
  metrics->switches_per_minute = metrics->duration_s > 0 ? switches / (metrics->duration_s / 60) : 0;
  metrics->rep_patience_s = pauses > 0 && !metrics->estimated ? patience / pauses : -1;
  return metrics;
}

/* Whole seconds as a call keeps them. A transcript's times may say more
 * than an int holds (its hours have up to twelve digits): they stop there
 * rather than overflow the conversion. */
static int
whole_seconds (double seconds)
{
  return seconds + 0.5 < G_MAXINT ? (int) (seconds + 0.5) : G_MAXINT;
}

/**
 * cl_call_metrics_apply:
 * @metrics: the metrics of a call
 * @call: the call to fill
 *
 * Copies the rep's side of @metrics into the fields @call keeps: duration
 * and longest monologue in whole seconds (capped at %G_MAXINT), talk ratio,
 * questions, switches per minute and patience.
 */
void
cl_call_metrics_apply (const ClCallMetrics *metrics,
                       ClCall              *call)
{
  call->duration_s = whole_seconds (metrics->duration_s);
  call->talk_ratio = metrics->talk_ratio;
  call->longest_monologue_s = whole_seconds (metrics->rep_longest_monologue_s);
  call->questions = metrics->rep_questions;
  call->switches_per_minute = metrics->switches_per_minute;
  call->patience_s = metrics->rep_patience_s;
}
