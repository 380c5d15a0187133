/* cl-transcript.c — reading call transcripts: WebVTT, SRT and plain text
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WebVTT follows the specification's block parser (a line with "-->" is a
 * cue's timing only as the first or second line of a block), with Zoom's
 * "Name: text" and Teams' <v Name> voice tags as speakers. Timestamps are
 * read strictly unless no timing line of the file is strict, which is how
 * some Teams exports write them (0:0:0.570). SRT reads its comma
 * milliseconds. Plain text knows "Name: text" lines (Google Meet),
 * "[00:01:02] Name: text", Zoom chat's "00:01:02<TAB>Name:<TAB>text" and
 * Otter's "Name  0:01" headers; transcripts without times get them from
 * their word counts.
 */
#define G_LOG_DOMAIN "cl-calls"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-file.h"
#include "cl-model.h"
#include "cl-transcript.h"

/**
 * cl_transcript_error_quark:
 *
 * The error domain of transcript reading, %CL_TRANSCRIPT_ERROR.
 *
 * Returns: the #GQuark of #ClTranscriptError
 */
G_DEFINE_QUARK (cl-transcript-error-quark, cl_transcript_error)

static const char * const format_names[] = { "auto", "vtt", "srt", "txt" };

/**
 * cl_transcript_format_from_string:
 * @text: (nullable): "auto", "vtt", "srt" or "txt"
 *
 * Reads a format's name, as cl_transcript_format_to_string () writes it.
 *
 * Returns: the format, or %CL_TRANSCRIPT_AUTO for %NULL or an unknown name
 */
ClTranscriptFormat
cl_transcript_format_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      return i;
  return CL_TRANSCRIPT_AUTO;
}

/**
 * cl_transcript_format_to_string:
 * @format: a format
 *
 * Names @format: "auto", "vtt", "srt" or "txt". @format must be a value
 * of #ClTranscriptFormat.
 *
 * Returns: (transfer none): the name, a static string
 */
const char *
cl_transcript_format_to_string (ClTranscriptFormat format)
{
  return format_names[format];
}

static void
cue_free (ClCue *cue)
{
  g_free (cue->speaker);
  g_free (cue->text);
  g_free (cue);
}

/**
 * cl_transcript_free:
 * @transcript: (nullable): a transcript
 *
 * Frees @transcript, its cues and its text. Does nothing for %NULL.
 */
void
cl_transcript_free (ClTranscript *transcript)
{
  if (transcript == NULL)
    return;
  g_ptr_array_unref (transcript->cues);
  g_free (transcript->text);
  g_free (transcript);
}

typedef struct
{
  const char    *name;
  char         **lines;
  guint          n_lines;
  ClTranscript  *transcript;
  guint          times;        /* TimeSyntax the timing lines are read with */
} Parser;

static gboolean
fail (GError     **error,
      int          code,
      const char  *name,
      guint        line,
      const char  *problem)
{
  if (line > 0)
    /* Translators: a file, a line number in it, and what is wrong there */
    g_set_error (error, CL_TRANSCRIPT_ERROR, code, _("“%s”, line %u: %s"), name, line, problem);
  else
    g_set_error (error, CL_TRANSCRIPT_ERROR, code, _("“%s”: %s"), name, problem);
  return FALSE;
}

/* ------------------------------------------------------------------ bytes to lines */

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
      line++;
  return line;
}

static gboolean
check_size (guint64      len,
            const char  *name,
            GError     **error)
{
  g_autofree char *size = NULL, *limit = NULL, *problem = NULL;

  if (len <= CL_TRANSCRIPT_MAX_BYTES)
    return TRUE;
  size = g_format_size (len);
  limit = g_format_size (CL_TRANSCRIPT_MAX_BYTES);
  problem = g_strdup_printf (_("the file is %s; a transcript can be at most %s"), size, limit);
  return fail (error, CL_TRANSCRIPT_ERROR_TOO_LARGE, name, 0, problem);
}

/* The text as UTF-8 with LF line ends, or an error naming the line. */
static char *
decode (const char  *data,
        gsize        len,
        const char  *name,
        GError     **error)
{
  g_autofree char *converted = NULL;
  g_autoptr (GString) text = NULL;
  const char *nul, *end;

  if (!check_size (len, name, error))
    return NULL;
  if (len >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && ((guchar) data[1] ^ (guchar) data[0]) == 0x01)
    {
      gsize written;

      converted = g_convert (data + 2, len - 2, "UTF-8",
                             (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, &written, NULL);
      if (converted == NULL)
        return fail (error, CL_TRANSCRIPT_ERROR_ENCODING, name, 0,
                     _("the file says it is UTF-16 but is not valid UTF-16 text")), NULL;
      data = converted;
      len = written;
    }
  else if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;

  nul = memchr (data, '\0', len);
  if (nul != NULL && !(len >= 6 && memcmp (data, "WEBVTT", 6) == 0))
    return fail (error, CL_TRANSCRIPT_ERROR_BINARY, name, line_at (data, nul - data),
                 _("binary data, not a transcript")), NULL;

  text = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\0')
        g_string_append (text, "\xEF\xBF\xBD");   /* WebVTT reads NUL as U+FFFD */
      else if (data[i] == '\r')
        {
          g_string_append_c (text, '\n');
          if (i + 1 < len && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (text, data[i]);
    }
  if (!g_utf8_validate_len (text->str, text->len, &end))
    return fail (error, CL_TRANSCRIPT_ERROR_ENCODING, name, line_at (text->str, end - text->str),
                 _("the text is not UTF-8; save the transcript as UTF-8 and import it again")), NULL;
  if (cl_text_is_blank (text->str))   /* NULs became U+FFFD above, so str holds it all */
    return fail (error, CL_TRANSCRIPT_ERROR_EMPTY, name, 0, _("the file is empty")), NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ cue text */

static const struct { const char *name; const char *text; } entities[] = {
  { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
  { "&lrm;", "\u200E" }, { "&rlm;", "\u200F" }, { "&quot;", "\"" }, { "&apos;", "'" },
};

/* @payload without its tags, entities decoded, lines joined by spaces;
 * the annotation of its first <v> tag, if any, in @voice. */
static char *
plain_text (const char  *payload,
            char       **voice)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = payload; *p; )
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          const char *stop = close ? close : p + strlen (p);

          if (voice && *voice == NULL && p[1] == 'v' && (p[2] == '>' || p[2] == '.' || g_ascii_isspace (p[2])))
            {
              const char *annotation = p + 2;

              while (annotation < stop && !g_ascii_isspace (*annotation))
                annotation++;
              *voice = g_strstrip (g_strndup (annotation, stop - annotation));
            }
          p = close ? close + 1 : stop;
          continue;
        }
      if (*p == '&')
        {
          gboolean decoded = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !decoded; i++)
            if (g_str_has_prefix (p, entities[i].name))
              {
                g_string_append (out, entities[i].text);
                p += strlen (entities[i].name);
                decoded = TRUE;
              }
          if (decoded)
            continue;
        }
      g_string_append_c (out, *p == '\n' || *p == '\t' ? ' ' : *p);
      p++;
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* A speaker label people write before a colon: a short name, not a
 * sentence ("Karim T. (matkt)", "emma (reth)", "Łukasz Rozmej"). */
static gboolean
is_speaker_label (const char *label,
                  gsize       len)
{
  guint words = 1;

  if (len == 0 || len > 64 || g_ascii_isspace (label[0]) || g_ascii_isspace (label[len - 1]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (label[i] == ' ')
        words++;
      if (strchr ("?!:;\"<>[]{}/\\", label[i]) != NULL || label[i] == '\t')
        return FALSE;
    }
  return words <= 6;
}

/* Splits "Name: text" when the part before the colon is a speaker label. */
static gboolean
split_label (const char  *line,
             char       **speaker,
             char       **text)
{
  const char *colon = strchr (line, ':');

  if (colon == NULL || (colon[1] != '\0' && !g_ascii_isspace (colon[1]))
      || !is_speaker_label (line, colon - line))
    return FALSE;
  *speaker = g_strndup (line, colon - line);
  *text = g_strstrip (g_strdup (colon + 1));
  return TRUE;
}

static void
add_cue (Parser     *parser,
         gint64      start_ms,
         gint64      end_ms,
         const char *payload,
         guint       line)
{
  ClCue *cue = g_new0 (ClCue, 1);
  char *voice = NULL;
  char *text = plain_text (payload, &voice);

  cue->start_ms = start_ms;
  cue->end_ms = end_ms;
  cue->line = line;
  if (voice != NULL)
    {
      cue->speaker = voice;
      cue->text = text;
    }
  else if (split_label (text, &cue->speaker, &cue->text))
    g_free (text);
  else
    {
      cue->speaker = g_strdup ("");
      cue->text = text;
    }
  g_ptr_array_add (parser->transcript->cues, cue);
}

/* ------------------------------------------------------------------ timestamps */

typedef enum {
  TIME_STRICT = 0,        /* as WebVTT has it */
  TIME_LENIENT = 1 << 0,  /* any number of digits, one to three of milliseconds */
  TIME_COMMA = 1 << 1,    /* a comma before the milliseconds, as SRT writes it */
} TimeSyntax;

/* [hh:]mm:ss.ttt, read as @syntax allows. */
static gboolean
parse_timestamp (const char **cursor,
                 guint        syntax,
                 gint64      *ms)
{
  gboolean lenient = syntax & TIME_LENIENT;
  const char *p = *cursor;
  guint64 parts[3];
  int digits[3], n = 0, fraction_digits = 0;
  gint64 fraction = 0;

  for (;;)
    {
      guint64 value = 0;
      int count = 0;

      while (g_ascii_isdigit (*p) && count < 12)
        value = value * 10 + (guint64) (*p++ - '0'), count++;
      if (count == 0 || g_ascii_isdigit (*p))
        return FALSE;
      parts[n] = value;
      digits[n++] = count;
      if (*p != ':' || n == 3)
        break;
      p++;
    }
  if (n < 2 || !(*p == '.' || ((syntax & TIME_COMMA) && *p == ',')))
    return FALSE;
  for (p++; g_ascii_isdigit (*p); p++)
    if (fraction_digits++ < 3)
      fraction = fraction * 10 + (*p - '0');
  if (lenient ? fraction_digits == 0 : fraction_digits != 3)
    return FALSE;
  for (int i = fraction_digits; i < 3; i++)
    fraction *= 10;
  if (!lenient && (digits[n - 1] != 2 || digits[n - 2] != 2 || (n == 2 && parts[0] > 59)))
    return FALSE;
  if (parts[n - 1] > 59 || parts[n - 2] > 59)
    return FALSE;
  *ms = (((n == 3 ? (gint64) parts[0] : 0) * 60 + (gint64) parts[n - 2]) * 60
         + (gint64) parts[n - 1]) * 1000 + fraction;
  *cursor = p;
  return TRUE;
}

/* WebVTT's whitespace within a line: space, tab, form feed. */
static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\f')
    p++;
  return p;
}

/* "start --> end [settings]": whatever follows the end is settings, though
 * lenient times must end at a blank, or any garbage would pass. */
static gboolean
parse_timing (const char *line,
              guint       syntax,
              gint64     *start,
              gint64     *end)
{
  const char *p = skip_blanks (line);
  gboolean lenient = syntax & TIME_LENIENT;

  if (!parse_timestamp (&p, syntax, start))
    return FALSE;
  p = skip_blanks (p);
  if (!g_str_has_prefix (p, "-->"))
    return FALSE;
  p = skip_blanks (p + 3);
  return parse_timestamp (&p, syntax, end) && (!lenient || *skip_blanks (p) != *p || *p == '\0');
}

/**
 * cl_transcript_format_time:
 * @ms: a time in milliseconds
 *
 * Writes @ms as WebVTT writes a time, such as "01:02:03.450". The hours
 * take as many digits as they need.
 *
 * Returns: (transfer full): the time
 */
char *
cl_transcript_format_time (gint64 ms)
{
  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d.%03d", ms / 3600000,
                          (int) (ms / 60000 % 60), (int) (ms / 1000 % 60), (int) (ms % 1000));
}

/* ------------------------------------------------------------------ WebVTT */

/* One block from @i: a cue when its first or second line is a valid
 * timing line. Returns where the next block starts. */
static guint
collect_vtt_block (Parser   *parser,
                   guint     i,
                   gboolean  in_header)
{
  g_autoptr (GString) buffer = g_string_new (NULL);
  gboolean seen_arrow = FALSE, timed = FALSE;
  gint64 start = 0, end = 0;
  guint line_count = 0, cue_line = 0;

  for (; i < parser->n_lines; i++)
    {
      const char *line = parser->lines[i];

      line_count++;
      if (strstr (line, "-->") != NULL)
        {
          if (in_header || !(line_count == 1 || (line_count == 2 && !seen_arrow)))
            break;   /* this line begins the next block */
          seen_arrow = TRUE;
          timed = parse_timing (line, parser->times, &start, &end);
          cue_line = i + 1;
          g_string_truncate (buffer, 0);   /* what came before was the cue's id */
          continue;
        }
      if (*line == '\0')
        {
          i++;
          break;
        }
      if (buffer->len > 0)
        g_string_append_c (buffer, '\n');
      g_string_append (buffer, line);
    }
  if (timed)
    add_cue (parser, start, end, buffer->str, cue_line);
  return i;
}

/* Strict unless not one timing line of the file reads strictly. */
static gboolean
needs_lenient_times (Parser *parser)
{
  gboolean any_timing = FALSE;

  for (guint i = 0; i < parser->n_lines; i++)
    {
      gint64 start, end;

      if (strstr (parser->lines[i], "-->") == NULL)
        continue;
      if (parse_timing (parser->lines[i], TIME_STRICT, &start, &end))
        return FALSE;
      any_timing |= parse_timing (parser->lines[i], TIME_LENIENT, &start, &end);
    }
  return any_timing;
}

static gboolean
parse_vtt (Parser  *parser,
           GError **error)
{
  const char *first = parser->lines[0];
  guint i;

  if (!g_str_has_prefix (first, "WEBVTT") || (first[6] != '\0' && first[6] != ' ' && first[6] != '\t'))
    return fail (error, CL_TRANSCRIPT_ERROR_SIGNATURE, parser->name, 1,
                 _("a WebVTT file starts with the line “WEBVTT”"));
  parser->times = needs_lenient_times (parser) ? TIME_LENIENT : TIME_STRICT;
  i = collect_vtt_block (parser, 1, TRUE);
  while (i < parser->n_lines)
    {
      if (*parser->lines[i] == '\0')
        i++;
      else
        i = collect_vtt_block (parser, i, FALSE);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ SRT */

static gboolean
is_number (const char *line)
{
  const char *p = skip_blanks (line);

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *skip_blanks (p) == '\0';
}

static gboolean
parse_srt (Parser  *parser,
           GError **error)
{
  guint i = 0;

  while (i < parser->n_lines)
    {
      g_autoptr (GString) payload = g_string_new (NULL);
      gint64 start, end;
      guint cue_line;

      if (*parser->lines[i] == '\0')
        {
          i++;
          continue;
        }
      if (is_number (parser->lines[i]) && i + 1 < parser->n_lines)
        i++;
      cue_line = i + 1;
      if (!parse_timing (parser->lines[i], TIME_LENIENT | TIME_COMMA, &start, &end))
        {
          if (strstr (parser->lines[i], "-->") != NULL)
            return fail (error, CL_TRANSCRIPT_ERROR_TIMING, parser->name, cue_line,
                         _("this timing line cannot be read; SRT times look like 00:01:02,500"));
          while (i < parser->n_lines && *parser->lines[i] != '\0')
            i++;
          continue;
        }
      for (i++; i < parser->n_lines && *parser->lines[i] != '\0'; i++)
        {
          if (payload->len > 0)
            g_string_append_c (payload, '\n');
          g_string_append (payload, parser->lines[i]);
        }
      add_cue (parser, start, end, payload->str, cue_line);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ plain text */

static gboolean
parse_clock (const char *text,
             gint64     *ms)
{
  const char *p = text;

  return parse_timestamp (&p, TIME_LENIENT | TIME_COMMA, ms) && *p == '\0';
}

/* "1:02:03" or "0:01" as Otter, Meet and chat exports write times. */
static gboolean
parse_clock_whole (const char *text,
                   gint64     *ms)
{
  g_autofree char *with_fraction = g_strconcat (text, ".0", NULL);

  return parse_clock (with_fraction, ms);
}

/* The lines that continue a cue are gathered in @more and joined once the
 * cue ends: joining at every line copied the whole text each time. */
static void
finish_text (ClCue   *cue,
             GString *more)
{
  if (cue == NULL || more->len == 0)
    return;
  if (*cue->text != '\0')
    g_string_prepend_c (more, ' ');
  g_string_prepend (more, cue->text);
  g_free (cue->text);
  cue->text = g_strdup (more->str);
  g_string_truncate (more, 0);
}

static ClCue *
add_text_cue (Parser     *parser,
              gint64      start_ms,
              char       *speaker,
              char       *text,
              guint       line)
{
  ClCue *cue = g_new0 (ClCue, 1);

  cue->start_ms = start_ms;
  cue->end_ms = -1;
  cue->speaker = speaker;
  cue->text = text;
  cue->line = line;
  g_ptr_array_add (parser->transcript->cues, cue);
  return cue;
}

static gboolean
parse_txt (Parser  *parser,
           GError **error)
{
  g_autoptr (GRegex) otter = g_regex_new ("^(\\S.{0,63}?)\\s{2,}(\\d{1,2}(?::\\d{2}){1,2})$", 0, 0, NULL);
  g_autoptr (GRegex) stamped = g_regex_new ("^(?:\\[(\\d{1,2}(?::\\d{2}){1,2}(?:[.,]\\d+)?)\\]\\s*"
                                            "|(\\d{1,2}:\\d{2}:\\d{2})\\t)(.*)$", 0, 0, NULL);
  g_autoptr (GString) more = g_string_new (NULL);
  ClCue *current = NULL;

  for (guint i = 0; i < parser->n_lines; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *line = g_strstrip (g_strdup (parser->lines[i]));
      char *speaker = NULL, *text = NULL;
      gint64 start = -1;

      if (*line == '\0' || parse_clock_whole (line, &start))
        continue;   /* Meet marks every five minutes with a bare time */
      if (g_str_has_prefix (line, "Meeting ended after")
          || g_str_has_prefix (line, "This editable transcript was computer generated"))
        break;      /* Meet's footer */

      if (g_regex_match (otter, line, 0, &match))
        {
          g_autofree char *clock = g_match_info_fetch (match, 2);

          if (parse_clock_whole (clock, &start))
            {
              finish_text (current, more);
              current = add_text_cue (parser, start, g_match_info_fetch (match, 1), g_strdup (""), i + 1);
              continue;
            }
        }
      g_clear_pointer (&match, g_match_info_unref);
      if (g_regex_match (stamped, line, 0, &match))
        {
          g_autofree char *bracketed = g_match_info_fetch (match, 1);
          g_autofree char *tabbed = g_match_info_fetch (match, 2);
          g_autofree char *rest = g_match_info_fetch (match, 3);
          g_autofree char *fixed = g_strdup (*bracketed ? bracketed : tabbed);

          g_strdelimit (fixed, ",", '.');
          if (!(strchr (fixed, '.') ? parse_clock (fixed, &start) : parse_clock_whole (fixed, &start)))
            start = -1;
          g_strdelimit (rest, "\t", ' ');
          g_free (line);
          line = g_strstrip (g_strdup (rest));
        }
      if (split_label (line, &speaker, &text))
        {
          finish_text (current, more);
          current = add_text_cue (parser, start, speaker, text, i + 1);
        }
      else if (current != NULL)
        g_string_append_printf (more, "%s%s", more->len > 0 ? " " : "", line);
    }
  finish_text (current, more);
  return TRUE;
}

/* ------------------------------------------------------------------ after parsing */

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      words += !space && !in_word;
      in_word = !space;
    }
  return words;
}

static gint64
spoken_ms (const ClCue *cue)
{
  return MAX (1000, (gint64) (count_words (cue->text) / CL_TRANSCRIPT_WORDS_PER_SECOND * 1000));
}

/* Plain-text cues end where the next begins; without times at all, they
 * are laid end to end by their word counts. */
static void
time_text_cues (ClTranscript *transcript)
{
  GPtrArray *cues = transcript->cues;
  gint64 cursor = 0;

  for (guint i = 0; i < cues->len; i++)
    transcript->estimated |= ((ClCue *) cues->pdata[i])->start_ms < 0;
  for (guint i = 0; i < cues->len; i++)
    {
      ClCue *cue = cues->pdata[i];

      if (transcript->estimated)
        {
          cue->start_ms = cursor;
          cue->end_ms = cursor = cursor + spoken_ms (cue);
          continue;
        }
      cue->end_ms = cue->start_ms + spoken_ms (cue);
      if (i + 1 < cues->len)
        {
          ClCue *next = cues->pdata[i + 1];

          if (next->start_ms > cue->start_ms)
            cue->end_ms = MIN (cue->end_ms, next->start_ms);
        }
    }
}

static gboolean
check_order (Parser  *parser,
             GError **error)
{
  GPtrArray *cues = parser->transcript->cues;

  for (guint i = 1; i < cues->len; i++)
    {
      const ClCue *before = cues->pdata[i - 1], *cue = cues->pdata[i];

      if (cue->start_ms < before->start_ms)
        {
          g_autofree char *at = cl_transcript_format_time (cue->start_ms);
          g_autofree char *above = cl_transcript_format_time (before->start_ms);
          g_autofree char *problem = g_strdup_printf (_("timestamps out of order: this cue starts at %s, "
                                                        "before the one above it (%s)"), at, above);

          return fail (error, CL_TRANSCRIPT_ERROR_ORDER, parser->name, cue->line, problem);
        }
    }
  return TRUE;
}

/* @text's lines. Not g_strsplit (): it searches the rest of the text for
 * every line, which the address sanitizer's strstr () makes quadratic. */
static GStrv
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *end = text + strlen (text);

  for (const char *start = text; start <= end;)
    {
      const char *newline = memchr (start, '\n', end - start);
      const char *stop = newline != NULL ? newline : end;

      g_ptr_array_add (lines, g_strndup (start, stop - start));
      start = stop + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static ClTranscriptFormat
detect_format (Parser     *parser,
               const char *text)
{
  if (g_str_has_prefix (text, "WEBVTT") || g_str_has_suffix (parser->name, ".vtt"))
    return CL_TRANSCRIPT_VTT;
  if (g_str_has_suffix (parser->name, ".srt"))
    return CL_TRANSCRIPT_SRT;
  for (guint i = 0, seen = 0; i < parser->n_lines && seen < 20; i++)
    {
      gint64 start, end;

      if (*parser->lines[i] == '\0')
        continue;
      seen++;
      if (parse_timing (parser->lines[i], TIME_LENIENT | TIME_COMMA, &start, &end))
        return CL_TRANSCRIPT_SRT;
    }
  return CL_TRANSCRIPT_TXT;
}

/**
 * cl_transcript_parse:
 * @data: (array length=len): the transcript's bytes
 * @len: the length of @data in bytes
 * @name: the file's name, used in messages and to tell a .vtt or .srt file
 * @format: the format, or %CL_TRANSCRIPT_AUTO to decide from @name and
 *   the content (a WEBVTT signature, SRT timing lines)
 * @error: return location for a #GError, or %NULL
 *
 * Parses a transcript in UTF-8 or UTF-16 with a byte-order mark, with any
 * newline convention, into cues. Plain-text cues without times are timed
 * by their word counts, and the transcript is marked estimated. Cues with
 * no text are dropped.
 *
 * Returns: (transfer full) (nullable): the transcript, or %NULL with
 *   @error set in %CL_TRANSCRIPT_ERROR: more than
 *   %CL_TRANSCRIPT_MAX_BYTES, binary, not UTF-8 or UTF-16, empty, a
 *   timing line that cannot be read, cues out of order or no speech
 */
ClTranscript *
cl_transcript_parse (const char          *data,
                     gsize                len,
                     const char          *name,
                     ClTranscriptFormat   format,
                     GError             **error)
{
  g_autoptr (ClTranscript) transcript = g_new0 (ClTranscript, 1);
  g_auto (GStrv) lines = NULL;
  Parser parser = { .name = name };
  gboolean parsed;
  gboolean any_speech = FALSE;

  transcript->cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cue_free);
  transcript->text = decode (data, len, name, error);
  if (transcript->text == NULL)
    return NULL;
  lines = split_lines (transcript->text);
  parser.lines = lines;
  parser.n_lines = g_strv_length (lines);
  parser.transcript = transcript;
  transcript->format = format != CL_TRANSCRIPT_AUTO ? format : detect_format (&parser, transcript->text);

  switch (transcript->format)
    {
    case CL_TRANSCRIPT_VTT:
      parsed = parse_vtt (&parser, error);
      break;
    case CL_TRANSCRIPT_SRT:
      parsed = parse_srt (&parser, error);
      break;
    case CL_TRANSCRIPT_AUTO:
    case CL_TRANSCRIPT_TXT:
    default:
      parsed = parse_txt (&parser, error);
      time_text_cues (transcript);
      break;
    }
  if (!parsed || !check_order (&parser, error))
    return NULL;

  /* a cue with nothing said (Meet's "Name: ") is not speech */
  for (guint i = transcript->cues->len; i-- > 0; )
    {
      ClCue *cue = transcript->cues->pdata[i];

      if (*cue->text == '\0')
        g_ptr_array_remove_index (transcript->cues, i);
      else
        any_speech = TRUE;
    }
  if (!any_speech)
    return fail (error, CL_TRANSCRIPT_ERROR_NO_SPEECH, name, 0,
                 _("no cues with speech in it: is this a call transcript?")), NULL;
  return g_steal_pointer (&transcript);
}

/**
 * cl_transcript_load:
 * @path: the transcript file
 * @error: return location for a #GError, or %NULL
 *
 * Reads the file at @path, at most %CL_TRANSCRIPT_MAX_BYTES, and parses
 * it with cl_transcript_parse (), deciding the format from its name and
 * content.
 *
 * Returns: (transfer full) (nullable): the transcript, or %NULL with
 *   @error set when the file cannot be read or parsed
 */
ClTranscript *
cl_transcript_load (const char  *path,
                    GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *data = NULL;
  gsize len = 0;

  if ((data = cl_file_read (path, CL_TRANSCRIPT_MAX_BYTES, &len, error)) == NULL || !check_size (len, name, error))
    return NULL;
  return cl_transcript_parse (data, len, name, CL_TRANSCRIPT_AUTO, error);
}

/**
 * cl_transcript_speakers:
 * @transcript: a transcript
 *
 * Lists every speaker of @transcript once, in order of first word. Cues
 * without a speaker are left out.
 *
 * Returns: (transfer full) (element-type utf8): the speakers' names
 */
GPtrArray *
cl_transcript_speakers (const ClTranscript *transcript)
{
  GPtrArray *speakers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < transcript->cues->len; i++)
    {
      const ClCue *cue = transcript->cues->pdata[i];

      if (*cue->speaker && !g_ptr_array_find_with_equal_func (speakers, cue->speaker, g_str_equal, NULL))
        g_ptr_array_add (speakers, g_strdup (cue->speaker));
    }
  return speakers;
}
