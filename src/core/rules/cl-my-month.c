/* cl-my-month.c — a rep's month in their own workspace: the plan and the
 * actions their manager sent down, the drills they log against it, the
 * trend of their self-scores
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is the manager's, as the latest brief carried it; the drills are
 * the rep's own, so the progress is counted here, not taken from the brief
 * (which knows only what had reached the manager when it was published).
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-date.h"
#include "cl-my-month.h"
#include "cl-practice-log.h"
#include "cl-team-folder.h"

/**
 * cl_my_month_free:
 * @month: (nullable): the month
 *
 * Frees @month and everything it holds. Does nothing with %NULL.
 */
void
cl_my_month_free (ClMyMonth *month)
{
  if (month == NULL)
    return;
  g_free (month->month);
  g_clear_pointer (&month->owner, cl_identity_free);
  g_free (month->team_folder);
  g_clear_pointer (&month->brief, cl_rep_brief_free);
  g_clear_pointer (&month->marked, g_ptr_array_unref);
  g_clear_object (&month->practice);
  g_clear_object (&month->score_trend);
  g_free (month);
}

/* The month's drills, its progress on the brief's plan and the trend, from
 * every drill of the rep's, newest first. */
static void
sum_practice (ClMyMonth  *month,
              GListModel *entries)
{
  GListStore *practice = g_list_store_new (CL_TYPE_PRACTICE_ENTRY);
  GListStore *trend = g_list_store_new (CL_TYPE_TREND_POINT);
  ClTrendPoint *points[CL_MY_MONTH_TREND_MONTHS];
  double score_sum = 0;

  if (month->brief != NULL && month->brief->has_plan)
    month->progress = (ClPracticeProgress) { 0, month->brief->repetitions, 0, month->brief->target_score };
  for (int i = 0; i < CL_MY_MONTH_TREND_MONTHS; i++)
    {
      points[i] = g_object_new (CL_TYPE_TREND_POINT, NULL);
      points[i]->month = cl_date_month (cl_date_add_months (month->today, i + 1 - CL_MY_MONTH_TREND_MONTHS));
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *entry_month = cl_date_month (entry->logged_on);

      if (g_str_equal (entry_month, month->month))
        g_list_store_append (practice, entry);
      if (month->brief != NULL && month->brief->has_plan && g_str_equal (entry_month, month->brief->month)
          && g_str_equal (entry->focus, month->brief->focus))
        {
          month->progress.done++;
          score_sum += entry->self_score;
        }
      for (int j = 0; j < CL_MY_MONTH_TREND_MONTHS; j++)
        if (g_str_equal (entry_month, points[j]->month))
          {
            /* a running mean: value stays the month's mean as n grows */
            points[j]->n++;
            points[j]->value += (entry->self_score - points[j]->value) / points[j]->n;
          }
    }
  if (month->progress.done > 0)
    month->progress.mean_score = score_sum / month->progress.done;
  for (int i = 0; i < CL_MY_MONTH_TREND_MONTHS; i++)
    {
      g_list_store_append (trend, points[i]);
      g_object_unref (points[i]);
    }
  month->practice = G_LIST_MODEL (practice);
  month->score_trend = G_LIST_MODEL (trend);
}

/**
 * cl_my_month_load:
 * @workspace_path: the rep's workspace, opened on a connection of its own
 *   (this runs in a worker thread)
 * @today: the day the month is seen from
 * @error: a store error
 *
 * Reads the owner, their latest brief, what they marked done and every
 * drill they logged. A workspace whose owner has logged nothing yet has no
 * rep of theirs, and is read as an empty month, not created one.
 *
 * Returns: (transfer full) (nullable): the month, NULL with @error
 */
ClMyMonth *
cl_my_month_load (const char  *workspace_path,
                  ClDay        today,
                  GError     **error)
{
  g_autoptr (ClStore) store = cl_store_open_read_through (workspace_path, error);
  g_autoptr (ClMyMonth) month = g_new0 (ClMyMonth, 1);
  g_autoptr (ClRep) rep = NULL;
  g_autoptr (GListModel) entries = NULL;
  GError *local = NULL;

  if (store == NULL)
    return NULL;
  month->today = today;
  month->month = cl_date_month (today);
  month->team_folder = cl_team_folder_get (store);
  if ((month->owner = cl_identity_get (store, error)) == NULL
      || ((month->brief = cl_rep_brief_load_own (store, &local)) == NULL && local != NULL)
      || (month->marked = cl_store_list_brief_actions_done (store, &local)) == NULL)
    return local != NULL ? (g_propagate_error (error, local), NULL) : NULL;
  rep = cl_store_find_rep (store, cl_identity_author (month->owner), &local);
  if (rep != NULL)
    entries = cl_store_list_practice_entries (store, rep->id, NULL, &local);
  else if (g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&local);
      entries = G_LIST_MODEL (g_list_store_new (CL_TYPE_PRACTICE_ENTRY));
    }
  if (entries == NULL)
    return g_propagate_error (error, local), NULL;
  sum_practice (month, entries);
  return g_steal_pointer (&month);
}

/**
 * cl_my_month_find_marked:
 * @month: the month
 * @action: an action of its brief
 *
 * Returns: (transfer none) (nullable): how the rep marked @action done, or
 *   NULL while it is open
 */
const ClActionDone *
cl_my_month_find_marked (const ClMyMonth     *month,
                         const ClBriefAction *action)
{
  for (guint i = 0; month->brief != NULL && i < month->marked->len; i++)
    {
      const ClActionDone *done = g_ptr_array_index (month->marked, i);

      if (done->action_id == action->id && g_strcmp0 (done->manager, month->brief->manager_id) == 0)
        return done;
    }
  return NULL;
}

/* The plan's skill may be one the manager's team added: it joins the rep's
 * list under the same key, or the drill is refused as any unknown skill. */
static gboolean
know_plan_skill (ClStore          *store,
                 const ClRepBrief *brief,
                 GError          **error)
{
  g_autoptr (ClTeamListItem) skill = NULL;
  g_autoptr (GError) local = NULL;

  if ((skill = cl_store_get_dev_skill (store, brief->focus, &local)) != NULL)
    return TRUE;
  if (!g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  return cl_store_add_team_list_item (store, CL_TEAM_LIST_SKILLS, brief->focus_label, error) != 0;
}

/**
 * cl_my_month_log_practice:
 * @store: the rep's workspace
 * @day: the drill's day
 * @focus: (nullable): the skill practised; NULL for the received plan's
 * @self_score: 1 to 5
 * @scenario: (nullable): what was played through
 * @note: (nullable): what to remember
 * @error: why nothing was logged
 *
 * Logs a drill of the workspace's owner, a rep. The caller publishes their
 * practice log next (cl_practice_log_publish ()), so that it goes up as
 * soon as it is recorded.
 *
 * Returns: (transfer full) (nullable): the drill, NULL with @error
 */
ClPracticeEntry *
cl_my_month_log_practice (ClStore     *store,
                          ClDay        day,
                          const char  *focus,
                          int          self_score,
                          const char  *scenario,
                          const char  *note,
                          GError     **error)
{
  g_autoptr (ClIdentity) owner = cl_identity_get (store, error);
  g_autoptr (ClRepBrief) brief = NULL;
  g_autoptr (ClRep) rep = NULL;
  GError *local = NULL;

  if (owner == NULL)
    return NULL;
  if (owner->role != CL_ROLE_REP)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("Whose drill? --rep NAME (only a rep's own workspace logs without one)")), NULL;
  brief = cl_rep_brief_load_own (store, &local);
  if (local != NULL)
    return g_propagate_error (error, local), NULL;
  if (focus == NULL && (brief == NULL || !brief->has_plan))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("No plan from your manager names a focus: say which skill the drill practised")), NULL;
  if (focus == NULL)
    focus = brief->focus;
  if (brief != NULL && brief->has_plan && g_str_equal (focus, brief->focus) && !know_plan_skill (store, brief, error))
    return NULL;
  if ((rep = cl_practice_log_own_rep (store, owner, error)) == NULL)
    return NULL;
  return cl_development_log_practice (store, rep->id, day, focus, self_score, scenario, note, error);
}
