/* cl-transcript.h — reading call transcripts: WebVTT, SRT and plain text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_TRANSCRIPT_ERROR (cl_transcript_error_quark ())
GQuark cl_transcript_error_quark (void);

typedef enum {
  CL_TRANSCRIPT_ERROR_EMPTY,
  CL_TRANSCRIPT_ERROR_TOO_LARGE,
  CL_TRANSCRIPT_ERROR_BINARY,
  CL_TRANSCRIPT_ERROR_ENCODING,
  CL_TRANSCRIPT_ERROR_SIGNATURE,   /* named .vtt but not WebVTT */
  CL_TRANSCRIPT_ERROR_TIMING,      /* a timing line that cannot be read */
  CL_TRANSCRIPT_ERROR_ORDER,       /* a cue starts before the one above it */
  CL_TRANSCRIPT_ERROR_NO_SPEECH,   /* nothing anybody said */
  CL_TRANSCRIPT_ERROR_NO_REP,      /* no speaker (or several) is the rep */
} ClTranscriptError;

typedef enum {
  CL_TRANSCRIPT_AUTO,
  CL_TRANSCRIPT_VTT,
  CL_TRANSCRIPT_SRT,
  CL_TRANSCRIPT_TXT,
} ClTranscriptFormat;

/* The largest transcript read: a four-hour call is about 0.5 MB. */
#define CL_TRANSCRIPT_MAX_BYTES (8 * 1024 * 1024)
/* Untimed transcripts are timed by words at this speaking rate. */
#define CL_TRANSCRIPT_WORDS_PER_SECOND 2.5

typedef struct
{
  gint64  start_ms;
  gint64  end_ms;
  char   *speaker;   /* "" when the transcript does not say */
  char   *text;      /* tags stripped, entities decoded */
  guint   line;      /* where the cue starts in the file, from 1 */
} ClCue;

typedef struct
{
  ClTranscriptFormat  format;
  gboolean            estimated;   /* times derived from word counts */
  GPtrArray          *cues;        /* ClCue, in order of start */
  char               *text;        /* the file as UTF-8 with LF line ends */
} ClTranscript;

ClTranscriptFormat  cl_transcript_format_from_string (const char          *text);
const char         *cl_transcript_format_to_string   (ClTranscriptFormat   format);

ClTranscript *cl_transcript_parse      (const char          *data,
                                        gsize                len,
                                        const char          *name,
                                        ClTranscriptFormat   format,
                                        GError             **error);
ClTranscript *cl_transcript_load       (const char          *path,
                                        GError             **error);
void          cl_transcript_free       (ClTranscript        *transcript);
char         *cl_transcript_format_time (gint64              ms);
GPtrArray    *cl_transcript_speakers   (const ClTranscript  *transcript);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTranscript, cl_transcript_free)

G_END_DECLS
