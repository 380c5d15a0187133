/* cl-call-import.c — a transcript file kept as a call on a deal
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-calls"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-call-import.h"
#include "cl-call-metrics.h"

/* The team's rep called @name (any case), or 0. */
static gint64
find_team_rep (ClStore     *store,
               const char  *name,
               GError     **error)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (store, error);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; reps != NULL && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);
      g_autofree char *folded = g_utf8_casefold (rep->name, -1);

      if (g_str_equal (folded, wanted))
        return rep->id;
    }
  return 0;
}

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
  GError *local = NULL;
  gint64 rep_id;

  if (deal == NULL || (transcript = cl_transcript_load (path, error)) == NULL)
    return NULL;
  if (rep == NULL)
    rep = deal->owner_name;
  rep_id = find_team_rep (store, rep, &local);
  if (local != NULL)
    return g_propagate_error (error, local), NULL;
  speaker = cl_call_metrics_find_rep (transcript, rep, error);
  if (speaker == NULL)
    return NULL;
  metrics = cl_call_metrics_compute (transcript, speaker);

  call = g_object_new (CL_TYPE_CALL, NULL);
  call->rep_id = rep_id ? rep_id : deal->owner_id;
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
