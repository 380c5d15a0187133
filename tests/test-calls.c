/* test-calls.c — transcripts and call metrics: every real transcript in the
 * shared test data, the WebVTT conformance files, hand-made calls with
 * known answers, and bad files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-call-metrics.h"
#include "cl-transcript.h"

static const char *
testdata_dir (void)
{
  const char *dir = g_getenv ("CLOSELOOP_TESTDATA");

  return dir && *dir ? dir : NULL;
}

/* The folder under the shared test data, or NULL after skipping the test. */
static char *
transcripts_dir (const char *sub)
{
  g_autofree char *dir = NULL;

  if (testdata_dir () == NULL)
    {
      g_test_skip ("CLOSELOOP_TESTDATA is not set: configure with -Dtestdata=PATH");
      return NULL;
    }
  dir = g_build_filename (testdata_dir (), "transcripts", sub, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip_printf ("%s is absent", dir);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static ClTranscript *
parse_text (const char *text,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  ClTranscript *transcript = cl_transcript_parse (text, strlen (text), name, CL_TRANSCRIPT_AUTO, &error);

  g_assert_no_error (error);
  return transcript;
}

static ClCallMetrics *
measure (const ClTranscript *transcript,
         const char         *rep)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *speaker = cl_call_metrics_find_rep (transcript, rep, &error);

  g_assert_no_error (error);
  return cl_call_metrics_compute (transcript, speaker);
}

/* What holds for any call: shares add up, the rep is a speaker, times are
 * not negative, cues come in order. */
static void
check_consistent (const ClTranscript  *transcript,
                  const ClCallMetrics *metrics)
{
  double shares = 0;
  gboolean rep_found = FALSE;

  for (guint i = 0; i < metrics->speakers->len; i++)
    {
      const ClSpeakerMetrics *speaker = metrics->speakers->pdata[i];

      shares += speaker->talk_ratio;
      rep_found |= speaker->is_rep;
      g_assert_cmpfloat (speaker->longest_monologue_s, >=, 0);
      g_assert_cmpfloat (speaker->longest_monologue_s, <=, metrics->duration_s + 0.001);
      g_assert_cmpuint (speaker->turns, >, 0);
    }
  g_assert_cmpfloat_with_epsilon (shares, 1.0, 1e-9);
  g_assert_true (rep_found);
  g_assert_cmpfloat (metrics->duration_s, >, 0);
  g_assert_cmpfloat (metrics->talk_ratio, >, 0);
  g_assert_cmpfloat (metrics->talk_ratio, <, 1);
  g_assert_cmpfloat (metrics->switches_per_minute, >, 0);
  for (guint i = 1; i < transcript->cues->len; i++)
    g_assert_cmpint (((ClCue *) transcript->cues->pdata[i])->start_ms, >=,
                     ((ClCue *) transcript->cues->pdata[i - 1])->start_ms);
}

/* Every transcript of the shared test data reads, and measures sanely with
 * each of its first two speakers as the rep. */
static void
test_every_real_transcript (void)
{
  static const char * const folders[] = { "zoom", "teams", "google-meet", "other-formats" };
  guint checked = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = transcripts_dir (folders[f]);
      g_autoptr (GDir) dir = NULL;
      const char *name;

      if (dir_path == NULL)
        return;
      dir = g_dir_open (dir_path, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr (GError) error = NULL;
          g_autoptr (ClTranscript) transcript = NULL;
          g_autoptr (GPtrArray) speakers = NULL;

          if (g_str_has_suffix (name, ".json"))
            continue;   /* a meeting summary, not a transcript */
          g_test_message ("%s/%s", folders[f], name);
          transcript = cl_transcript_load (path, &error);
          g_assert_no_error (error);
          speakers = cl_transcript_speakers (transcript);
          g_assert_cmpuint (speakers->len, >=, 2);
          for (guint s = 0; s < 2; s++)
            {
              g_autoptr (ClCallMetrics) metrics = measure (transcript, speakers->pdata[s]);

              g_assert_cmpstr (metrics->rep, ==, speakers->pdata[s]);
              check_consistent (transcript, metrics);
            }
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 15);
}

static ClTranscript *
load_real (const char *folder,
           const char *name)
{
  g_autofree char *dir = transcripts_dir (folder);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  ClTranscript *transcript;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  transcript = cl_transcript_load (path, &error);
  g_assert_no_error (error);
  return transcript;
}

static const ClCue *
cue_at (const ClTranscript *transcript,
        guint               i)
{
  g_assert_cmpuint (i, <, transcript->cues->len);
  return transcript->cues->pdata[i];
}

/* The quirks each source is known for, read right. */
static void
test_real_quirks (void)
{
  g_autoptr (ClTranscript) zoom = load_real ("zoom", "ethpm_acdt-068_2026-02-02.transcript.vtt");
  g_autoptr (ClTranscript) corrected = NULL, teams = NULL, quirk = NULL, meet = NULL;
  g_autoptr (ClTranscript) otter = NULL, bracketed = NULL, srt = NULL, chat = NULL;
  g_autoptr (GPtrArray) meet_speakers = NULL;

  if (zoom == NULL)
    return;
  /* Zoom: CRLF, numeric ids, "Name: text" split on the first colon, the
   * recording starting late */
  g_assert_cmpint (zoom->format, ==, CL_TRANSCRIPT_VTT);
  g_assert_cmpuint (zoom->cues->len, ==, 225);
  g_assert_cmpint (cue_at (zoom, 0)->start_ms, ==, 230780);
  g_assert_cmpstr (cue_at (zoom, 0)->speaker, ==, "Barnabas");
  g_assert_null (strchr (cue_at (zoom, 0)->text, '\r'));
  corrected = load_real ("zoom", "ethpm_acdt-068_2026-02-02.transcript_corrected.vtt");
  g_assert_cmpuint (corrected->cues->len, ==, zoom->cues->len);

  /* Teams: a <v> span over several lines, GUID ids */
  teams = load_real ("teams", "teams-transcript-formatter_example-transcript.vtt");
  g_assert_cmpstr (cue_at (teams, 1)->speaker, ==, "Jane Doe");
  g_assert_cmpstr (cue_at (teams, 1)->text, ==, "Nice. I am the student being interviewed, and I have many things to say.");

  /* Teams' unpadded times, overlapping cues */
  quirk = load_real ("teams", "webvtt-py_teams_timeframe.vtt");
  g_assert_cmpint (cue_at (quirk, 0)->end_ms, ==, 570);
  g_assert_cmpint (cue_at (quirk, 1)->start_ms, ==, 210);
  g_assert_cmpstr (cue_at (quirk, 1)->speaker, ==, "Adrian Petrescu");

  /* Meet: header, attendees, five-minute marks, empty utterances and the
   * footer are not speech; times come from words */
  meet = load_real ("google-meet", "podman-community_2024-11-05.meet-transcript.txt");
  g_assert_true (meet->estimated);
  meet_speakers = cl_transcript_speakers (meet);
  g_assert_cmpuint (meet_speakers->len, ==, 10);
  g_assert_cmpstr (meet_speakers->pdata[0], ==, "Tom Sweeney");
  for (guint i = 0; i < meet->cues->len; i++)
    {
      g_assert_cmpstr (cue_at (meet, i)->text, !=, "");
      g_assert_null (strstr (cue_at (meet, i)->text, "Meeting ended after"));
    }

  /* Otter: "Name  0:01" headers over the text */
  otter = load_real ("other-formats", "turnchunk_otter.txt");
  g_assert_cmpstr (cue_at (otter, 1)->speaker, ==, "Bob Ferreira");
  g_assert_cmpint (cue_at (otter, 1)->start_ms, ==, 9000);
  g_assert_cmpstr (cue_at (otter, 1)->text, ==, "Twelve? That's well above what we budgeted.");

  bracketed = load_real ("other-formats", "turnchunk_bracketed.txt");
  g_assert_cmpint (cue_at (bracketed, 2)->start_ms, ==, 8000);
  g_assert_cmpstr (cue_at (bracketed, 2)->speaker, ==, "Bob");

  /* SRT: comma milliseconds, <i> tags */
  srt = load_real ("other-formats", "turnchunk_basic.srt");
  g_assert_cmpint (srt->format, ==, CL_TRANSCRIPT_SRT);
  g_assert_cmpint (cue_at (srt, 1)->start_ms, ==, 3500);
  g_assert_cmpstr (cue_at (srt, 1)->text, ==, "Only if neither party gives notice.");

  /* Zoom chat: time, tab, name, tab */
  chat = load_real ("zoom", "ethpm_acdt-068_2026-02-02.chat.txt");
  g_assert_false (chat->estimated);
  g_assert_cmpstr (cue_at (chat, 0)->speaker, ==, "Manu");
}

/* The WebVTT conformance files give the cue counts the specification's
 * parser finds. */
static void
test_webvtt_conformance (void)
{
  g_autofree char *dir = transcripts_dir ("webvtt-conformance/wpt-file-parsing");
  g_autofree char *tsv_path = NULL, *tsv = NULL;
  g_auto (GStrv) rows = NULL;
  guint checked = 0;

  if (dir == NULL)
    return;
  tsv_path = g_build_filename (dir, "expected_cue_counts.tsv", NULL);
  g_assert_true (g_file_get_contents (tsv_path, &tsv, NULL, NULL));
  rows = g_strsplit (tsv, "\n", -1);
  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto (GStrv) cells = g_strsplit (rows[i], "\t", 2);
      g_autofree char *path = NULL, *data = NULL;
      g_autoptr (ClTranscript) transcript = NULL;
      g_autoptr (GError) error = NULL;
      guint64 expected;
      gsize len;

      if (g_strv_length (cells) != 2 || !g_ascii_string_to_unsigned (cells[1], 10, 0, 1000, &expected, NULL))
        continue;   /* "n/a": upstream asserts nothing */
      path = g_build_filename (dir, cells[0], NULL);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      transcript = cl_transcript_parse (data, len, cells[0], CL_TRANSCRIPT_VTT, &error);
      g_test_message ("%s: %" G_GUINT64_FORMAT " cues expected", cells[0], expected);
      if (expected == 0)
        g_assert_true (transcript == NULL
                       && (g_error_matches (error, CL_TRANSCRIPT_ERROR, CL_TRANSCRIPT_ERROR_NO_SPEECH)
                           || g_error_matches (error, CL_TRANSCRIPT_ERROR, CL_TRANSCRIPT_ERROR_SIGNATURE)));
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (transcript->cues->len, ==, expected);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 35);
}

/* A made-up call whose every figure is worked out by hand. */
static void
test_known_metrics (void)
{
  static const char vtt[] =
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:10.000\n<v Ana Okafor>Thanks for the time. What made you take this call?</v>\n\n"
    "00:00:12.000 --> 00:00:30.000\n<v Lee Buyer>Our renewals team drowns in spreadsheets.</v>\n\n"
    "00:00:31.000 --> 00:00:40.000\n<v Ana Okafor>How many people? And how often?</v>\n\n"
    "00:00:40.000 --> 00:00:50.000\n<v Ana Okafor>We see that a lot.</v>\n\n"
    "00:00:49.000 --> 00:01:00.000\n<v Kim Buyer>Twelve people, every week.</v>\n";
  g_autoptr (ClTranscript) transcript = parse_text (vtt, "call.vtt");
  g_autoptr (ClCallMetrics) metrics = measure (transcript, "ana");
  const ClSpeakerMetrics *ana = metrics->speakers->pdata[0];

  g_assert_cmpstr (metrics->rep, ==, "Ana Okafor");
  g_assert_cmpfloat_with_epsilon (metrics->duration_s, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (ana->talk_s, 29, 1e-9);
  g_assert_cmpfloat_with_epsilon (metrics->talk_ratio, 29.0 / 58.0, 1e-9);
  g_assert_cmpuint (ana->turns, ==, 2);
  /* the second turn runs from 0:31 to 0:50 */
  g_assert_cmpfloat_with_epsilon (metrics->rep_longest_monologue_s, 19, 1e-9);
  g_assert_cmpfloat_with_epsilon (metrics->buyer_longest_monologue_s, 18, 1e-9);
  g_assert_cmpuint (metrics->rep_questions, ==, 3);
  /* three switches in one minute */
  g_assert_cmpfloat_with_epsilon (metrics->switches_per_minute, 3, 1e-9);
  /* the rep answered Lee after one second */
  g_assert_cmpfloat_with_epsilon (metrics->rep_patience_s, 1, 1e-9);
  check_consistent (transcript, metrics);

  g_assert_cmpuint (cl_call_metrics_count_questions ("Why?? Really? ¿Qué？"), ==, 3);
}

/* Rep names match whole names or their first or last words. */
static void
test_find_rep (void)
{
  g_autoptr (ClTranscript) transcript = parse_text ("Alice Chen: Hello there.\nBob Alice: Hi.\nDana: Hey.\n",
                                                    "names.txt");
  g_autoptr (GError) error = NULL;
  g_autofree char *exact = cl_call_metrics_find_rep (transcript, "alice chen", &error);
  g_autofree char *last = cl_call_metrics_find_rep (transcript, "Dana Okafor", &error);
  g_autofree char *several = NULL, *none = NULL;

  g_assert_cmpstr (exact, ==, "Alice Chen");
  g_assert_cmpstr (last, ==, "Dana");
  several = cl_call_metrics_find_rep (transcript, "Alice", &error);
  g_assert_null (several);
  g_assert_error (error, CL_TRANSCRIPT_ERROR, CL_TRANSCRIPT_ERROR_NO_REP);
  g_clear_error (&error);
  none = cl_call_metrics_find_rep (transcript, "Zoe", &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "Alice Chen, Bob Alice, Dana"));
}

static void
expect_refused (const char *data,
                gsize       len,
                const char *name,
                int         code,
                const char *in_message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClTranscript) transcript = cl_transcript_parse (data, len, name, CL_TRANSCRIPT_AUTO, &error);

  g_assert_null (transcript);
  g_assert_error (error, CL_TRANSCRIPT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
}

/* Bad files are refused with what is wrong and where. */
static void
test_bad_transcripts (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char latin1[] = "Ana: Hello.\nLee: Hi.\nLee: Caf\xe9 au lait?\n";
  static const char backwards[] = "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\n<v A>One.\n\n"
                                  "00:00:01.000 --> 00:00:02.000\n<v B>Two.\n";
  static const char utf16[] = "\xFF\xFE" "A\0n\0a\0:\0 \0H\0i\0.\0\n\0L\0e\0e\0:\0 \0H\0e\0y\0.\0\n\0";
  static const char bad_srt[] = "1\n00:00:01,000 --> 00:00:0x,500\nAna: Hi.\n";
  g_autofree char *huge = g_malloc (CL_TRANSCRIPT_MAX_BYTES + 1);
  g_autoptr (ClTranscript) wide = NULL;
  g_autoptr (GError) error = NULL;

  expect_refused ("", 0, "empty.vtt", CL_TRANSCRIPT_ERROR_EMPTY, NULL);
  expect_refused (" \n\r\n\t", 5, "blank.txt", CL_TRANSCRIPT_ERROR_EMPTY, NULL);
  expect_refused (png, sizeof png - 1, "photo.txt", CL_TRANSCRIPT_ERROR_BINARY, "line 3");
  expect_refused (latin1, sizeof latin1 - 1, "latin1.txt", CL_TRANSCRIPT_ERROR_ENCODING, "line 3");
  expect_refused (backwards, sizeof backwards - 1, "backwards.vtt", CL_TRANSCRIPT_ERROR_ORDER, "line 6");
  expect_refused ("Hello, this is a note.\n", 23, "notes.vtt", CL_TRANSCRIPT_ERROR_SIGNATURE, "line 1");
  expect_refused ("Just a note without speakers.\n", 30, "note.txt", CL_TRANSCRIPT_ERROR_NO_SPEECH, NULL);
  expect_refused (bad_srt, sizeof bad_srt - 1, "bad.srt", CL_TRANSCRIPT_ERROR_TIMING, "line 2");
  memset (huge, 'a', CL_TRANSCRIPT_MAX_BYTES + 1);
  expect_refused (huge, CL_TRANSCRIPT_MAX_BYTES + 1, "huge.txt", CL_TRANSCRIPT_ERROR_TOO_LARGE, "MB");

  /* UTF-16 with its byte-order mark, as Windows tools save text */
  wide = cl_transcript_parse (utf16, sizeof utf16 - 1, "wide.txt", CL_TRANSCRIPT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wide->cues->len, ==, 2);
  g_assert_cmpstr (cue_at (wide, 1)->speaker, ==, "Lee");
}

/* Unlabelled lines continue the cue before them, joined by spaces, in
 * order; a footer ends the transcript. */
static void
test_continued_lines (void)
{
  static const char text[] = "Ana Okafor: First line\nsecond line\n\n  third line\nLee: Answer\nmore\n"
                             "Meeting ended after 00:10:00\nNot: read\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ClTranscript) transcript = cl_transcript_parse (text, strlen (text), "continued.txt",
                                                             CL_TRANSCRIPT_AUTO, &error);
  const ClCue *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (transcript->cues->len, ==, 2);
  first = g_ptr_array_index (transcript->cues, 0);
  second = g_ptr_array_index (transcript->cues, 1);
  g_assert_cmpstr (first->text, ==, "First line second line third line");
  g_assert_cmpstr (second->text, ==, "Answer more");

  /* the largest transcript of that shape reads whole (joining line by line
   * once took an hour) */
  {
    static const char line[] = "and then we talked about the budget for the next quarter again";
    g_autoptr (GString) large = g_string_new ("Ana Okafor: Start\n");
    g_autoptr (ClTranscript) whole = NULL;
    guint n_lines = 0;

    while (large->len < CL_TRANSCRIPT_MAX_BYTES - sizeof line)
      g_string_append_printf (large, "%s\n", line), n_lines++;
    whole = cl_transcript_parse (large->str, large->len, "large.txt", CL_TRANSCRIPT_AUTO, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (whole->cues->len, ==, 1);
    first = g_ptr_array_index (whole->cues, 0);
    g_assert_cmpuint (strlen (first->text), ==, strlen ("Start") + n_lines * sizeof line);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calls/every-real-transcript", test_every_real_transcript);
  g_test_add_func ("/calls/real-quirks", test_real_quirks);
  g_test_add_func ("/calls/webvtt-conformance", test_webvtt_conformance);
  g_test_add_func ("/calls/known-metrics", test_known_metrics);
  g_test_add_func ("/calls/find-rep", test_find_rep);
  g_test_add_func ("/calls/bad-transcripts", test_bad_transcripts);
  g_test_add_func ("/calls/continued-lines", test_continued_lines);
  return g_test_run ();
}
