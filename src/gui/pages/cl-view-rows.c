/* cl-view-rows.c — what each view loads and what one of its rows says
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-coaching.h"
#include "cl-summary.h"
#include "cl-text.h"
#include "cl-view-rows.h"

/* The coaching queue as of today. */
GListModel *
cl_view_load_coaching (ClStore  *store,
                       GError  **error)
{
  g_autoptr (ClProcess) process = cl_process_load (store, cl_date_today (), error);
  g_autoptr (GListModel) snapshot = NULL;
  ClFlagSettings flag_settings;
  ClCoachingSettings settings;

  if (process == NULL)
    return NULL;
  /* the queue's deals read through the job's own connection, with the
   * process it ranks them by */
  cl_flag_settings_load (&flag_settings, store);
  snapshot = cl_pipeline_inspect (store, process, &flag_settings, cl_date_today (), 0, NULL, error);
  if (snapshot == NULL)
    return NULL;
  cl_coaching_settings_load (&settings, store);
  return cl_coaching_queue (store, snapshot, process, &settings, error);
}

void
cl_view_format_coaching_entry (gpointer   item,
                               char     **title,
                               char     **subtitle,
                               char     **detail)
{
  ClCoachingEntry *entry = item;
  g_autofree char *deal = cl_text_isolate (entry->item->facts->deal->name);
  g_autofree char *owner = cl_text_isolate (entry->item->facts->deal->owner_name);
  g_autofree char *day = NULL;

  *title = g_strjoin (cl_text_parts_separator (), deal, owner, NULL);
  *subtitle = g_strdup (entry->why);
  if (entry->last_coached == 0)
    *detail = g_strdup (_("Never coached"));
  else
    {
      day = cl_date_format (entry->last_coached);
      /* Translators: the day of the deal's latest coaching session */
      *detail = g_strdup_printf (_("Coached %s"), day);
    }
}

GListModel *
cl_view_load_library (ClStore  *store,
                      GError  **error)
{
  return cl_summary_list_library (store, error);
}

void
cl_view_format_library_entry (gpointer   item,
                              char     **title,
                              char     **subtitle,
                              char     **detail)
{
  ClLibraryEntry *entry = item;
  g_autofree char *label = cl_summary_subject_label (entry->subject);
  g_autofree char *about = cl_text_isolate (label);
  g_autofree char *by = cl_text_isolate (entry->exported_by);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *exported = cl_date_describe_moment (entry->exported_at, now);
  g_autofree char *kept = cl_date_describe_day (entry->imported_on, cl_date_today ());

  *title = g_strjoin (cl_text_parts_separator (), cl_summary_format_label (entry->format), about, NULL);
  /* Translators: who exported a summary, and when: "today at 16:08",
   * "yesterday", "3 days ago" or a day */
  *subtitle = g_strdup_printf (_("By %s, exported %s"), by, exported);
  /* Translators: the day a summary was imported: "today", "yesterday",
   * "3 days ago" or a day */
  *detail = g_strdup_printf (_("Kept %s"), kept);
}

void
cl_view_format_pipeline_item (ClPipelineItem  *item,
                              const ClProcess *process,
                              char           **name,
                              char           **amount,
                              char           **detail)
{
  ClDeal *deal = item->facts->deal;
  const ClStage *stage = cl_process_find (process, item->state.stage_id);
  g_autofree char *account = cl_text_isolate (deal->account);
  g_autofree char *owner = cl_text_isolate (deal->owner_name);
  g_autofree char *stage_name = cl_text_isolate (stage ? stage->name : "");
  g_autofree char *flags = item->flags ? cl_flags_join_labels (item->flags, cl_text_list_separator ()) : NULL;

  *name = g_strdup (deal->name);
  *amount = cl_money_format (item->state.amount_cents, deal->currency);
  /* Translators: a deal's account, owner and stage on the second line of
   * its row, then its flags when it has any */
  *detail = flags ? g_strdup_printf (_("%s · %s · %s · %s"), account, owner, stage_name, flags)
                  : g_strdup_printf (_("%s · %s · %s"), account, owner, stage_name);
}
