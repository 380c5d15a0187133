/* cl-call-import.c — a transcript file kept as a call on a deal
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-calls"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-call-import.h"
#include "cl-call-metrics.h"

/**
 * cl_call_import_transcript:
 * @store: the workspace
 * @path: the transcript file (WebVTT, SRT or plain text)
 * @deal_id: the deal the call was about
 * @rep: (nullable): the rep on the call, as the team or the transcript
 *   names them, or %NULL for the deal's owner
 * @held_on: the day the call was held
 * @error: return location for a #GError, or %NULL
 *
 * Reads the transcript at @path, measures how the rep ran the call and
 * keeps it as a call on @deal_id, titled with the file's name. The call
 * goes to the team rep named @rep, or to the deal's owner when @rep is
 * not on the team. Nothing is written when the deal does not exist, the
 * file cannot be read or no single speaker is the rep.
 *
 * Returns: (transfer full) (nullable): the call as stored, or %NULL with
 *   @error set
 */
ClCall *
cl_call_import_transcript (ClStore     *store,
                           const char  *path,
                           gint64       deal_id,
                           const char  *rep,
                           ClDay        held_on,
                           GError     **error)
{
  g_autoptr (ClDeal) deal = cl_store_get_deal (store, deal_id, error);
  g_autoptr (ClTranscript) transcript = NULL;
  g_autoptr (ClCallMetrics) metrics = NULL;
  g_autoptr (ClCall) call = NULL;
  g_autofree char *speaker = NULL;
  g_autoptr (ClRep) team_rep = NULL;

  if (deal == NULL || (transcript = cl_transcript_load (path, error)) == NULL)
    return NULL;
  if (rep == NULL)
    rep = deal->owner_name;
  /* the rep as the transcript names them need not be on the team */
  team_rep = cl_store_find_rep (store, rep, NULL);
  speaker = cl_call_metrics_find_rep (transcript, rep, error);
  if (speaker == NULL)
    return NULL;
  metrics = cl_call_metrics_compute (transcript, speaker);

  call = g_object_new (CL_TYPE_CALL, NULL);
  call->rep_id = team_rep ? team_rep->id : deal->owner_id;
  call->deal_id = deal->id;
  call->held_on = held_on;
  call->title = g_path_get_basename (path);
  call->transcript = g_strdup (transcript->text);
  call->transcript_format = g_strdup (cl_transcript_format_to_string (transcript->format));
  cl_call_metrics_apply (metrics, call);
  if (!cl_store_add_call (store, call, error))
    return NULL;
  return g_steal_pointer (&call);
}
