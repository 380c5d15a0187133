/* cl-development.c — the rep-development loop: one focus a month, practice
 * against its goal, the look-back that starts next month's plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-development.h"
#include "cl-text.h"

/**
 * cl_practice_progress_load:
 * @store: the workspace
 * @plan: the plan
 * @progress: (out caller-allocates): the progress to fill
 * @error: return location for a #GError, or %NULL
 *
 * Fills @progress with the drills @plan's rep logged on its focus in its
 * month, their mean self-score, and the plan's goal and target score.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_practice_progress_load (ClStore             *store,
                           const ClDevPlan     *plan,
                           ClPracticeProgress  *progress,
                           GError             **error)
{
  *progress = (ClPracticeProgress) { 0, plan->target_repetitions, 0, plan->target_score };
  return cl_store_count_practice (store, plan->rep_id, plan->focus, plan->month, &progress->done,
                                  &progress->mean_score, error);
}

/**
 * cl_practice_progress_fraction:
 * @progress: the progress
 *
 * Returns: how much of the goal is done, 0–1; without a goal, 1 when a
 *   drill was logged, else 0
 */
double
cl_practice_progress_fraction (const ClPracticeProgress *progress)
{
  if (progress->goal <= 0)
    return progress->done > 0 ? 1 : 0;
  return MIN (1.0, (double) progress->done / progress->goal);
}

/**
 * cl_practice_progress_describe:
 * @progress: the progress
 *
 * The progress in words, translated: "3 of 8 drills · mean self-score 3.3
 * (target 4)". The mean is left out when no drill was logged, the target
 * when the plan set none.
 *
 * Returns: (transfer full): the words
 */
char *
cl_practice_progress_describe (const ClPracticeProgress *progress)
{
  GString *text = g_string_new (NULL);

  if (progress->goal > 0)
    /* Translators: drills logged of the month's goal */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d of %d drill", "%d of %d drills",
                                               progress->goal),
                            progress->done, progress->goal);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d drill", "%d drills", progress->done),
                            progress->done);
  if (progress->done > 0)
    /* Translators: the mean of the rep's own scores of their drills */
    g_string_append_printf (text, _(" · mean self-score %.1f"), progress->mean_score);
  if (progress->target_score > 0)
    g_string_append_printf (text, _(" (target %d)"), progress->target_score);
  return g_string_free (text, FALSE);
}

/**
 * cl_lookback_label:
 * @lookback: a look-back
 *
 * Returns: (transfer none): what the look-back said, translated, such as
 *   "the focus partly moved"
 */
const char *
cl_lookback_label (ClLookback lookback)
{
  switch (lookback)
    {
    case CL_LOOKBACK_YES: return _("the focus moved");
    case CL_LOOKBACK_PARTLY: return _("the focus partly moved");
    case CL_LOOKBACK_NO: return _("the focus did not move");
    case CL_LOOKBACK_NONE:
    default:
      return _("no look-back yet");
    }
}

static char *
previous_month (const char *month)
{
  ClDay first = 0;

  if (!cl_date_parse_month (month, &first, NULL))
    return NULL;
  return cl_date_month (first - 1);
}

/**
 * cl_development_draft_plan:
 * @store: the workspace
 * @rep_id: the rep's id
 * @month: the plan's month, such as "2026-11"
 * @error: return location for a #GError, or %NULL
 *
 * A plan for @rep_id's @month, not saved, that starts from the look-back of
 * the month before: a focus that did not move, moved partly or has no
 * look-back yet is carried over with its drill and goal, and says so; one
 * that moved leaves the focus empty. Without a plan the month before, the
 * draft is empty.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL with @error set
 *   (%CL_STORE_ERROR_INVALID when @month is not a month)
 */
ClDevPlan *
cl_development_draft_plan (ClStore     *store,
                           gint64       rep_id,
                           const char  *month,
                           GError     **error)
{
  g_autofree char *before = previous_month (month);
  g_autoptr (ClDevPlan) previous = NULL;
  g_autoptr (ClDevPlan) draft = g_object_new (CL_TYPE_DEV_PLAN, NULL);
  GError *local = NULL;

  if (before == NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a month such as 2026-11"), month), NULL;
  previous = cl_store_get_dev_plan (store, rep_id, before, &local);
  if (local != NULL)
    return g_propagate_error (error, local), NULL;

  draft->rep_id = rep_id;
  draft->month = g_strdup (month);
  draft->focus = g_strdup ("");
  draft->lookback = CL_LOOKBACK_NONE;
  if (previous == NULL)
    draft->justification = g_strdup ("");
  else if (previous->lookback == CL_LOOKBACK_NO || previous->lookback == CL_LOOKBACK_PARTLY
           || previous->lookback == CL_LOOKBACK_NONE)
    {
      /* the same focus again, until it moves */
      cl_record_set_text (&draft->focus, previous->focus);
      cl_record_set_text (&draft->drill, previous->drill);
      draft->target_repetitions = previous->target_repetitions;
      draft->target_score = previous->target_score;
      /* Translators: the month before, what its look-back said, and its evidence */
      draft->justification = g_strdup_printf (_("Carried over from %s: %s. %s"), before,
                                              cl_lookback_label (previous->lookback),
                                              previous->lookback_evidence);
      g_strstrip (draft->justification);
    }
  else
    {
      g_autoptr (ClTeamListItem) skill = cl_store_get_dev_skill (store, previous->focus, NULL);

      /* Translators: the month before, what its look-back said, its focus, and the evidence */
      draft->justification = g_strdup_printf (_("%s: %s (%s). %s"), before, cl_lookback_label (previous->lookback),
                                              skill ? skill->label : previous->focus, previous->lookback_evidence);
    }
  if (draft->drill == NULL)
    draft->drill = g_strdup ("");
  draft->lookback_evidence = g_strdup ("");
  return g_steal_pointer (&draft);
}

/**
 * cl_development_save_plan:
 * @store: the workspace
 * @plan: the plan; an id of 0 adds it, and its id is set
 * @call_ids: (nullable) (element-type gint64): the calls behind the plan
 * @session_ids: (nullable) (element-type gint64): the coaching sessions
 *   behind it
 * @error: return location for a #GError, or %NULL
 *
 * Adds or updates @plan and replaces the calls and sessions behind it, in
 * one transaction. Its focus must be a team skill, its target score 0 to 5
 * and its repetitions not negative.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_development_save_plan (ClStore    *store,
                          ClDevPlan  *plan,
                          GArray     *call_ids,
                          GArray     *session_ids,
                          GError    **error)
{
  g_autoptr (ClTeamListItem) skill = NULL;
  gboolean new_plan = plan->id == 0;
  gboolean ok;

  if (plan->focus == NULL)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _("A plan needs the month's one focus")), FALSE;
  if ((skill = cl_store_get_dev_skill (store, plan->focus, error)) == NULL)
    return FALSE;
  if (plan->target_score < 0 || plan->target_score > 5 || plan->target_repetitions < 0)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _("A practice goal is a number of drills and a target score of 1 to 5")),
           FALSE;
  if (!cl_store_begin (store, error))
    return FALSE;
  ok = new_plan ? cl_store_add_dev_plan (store, plan, error) : cl_store_update_dev_plan (store, plan, error);
  ok = ok && cl_store_set_plan_evidence (store, plan->id, call_ids, session_ids, error);
  if (!ok)
    {
      cl_store_rollback (store);
      if (new_plan)
        plan->id = 0;
      return FALSE;
    }
  return cl_store_commit (store, error);
}

/**
 * cl_development_check_self_score:
 * @self_score: a drill's self-score
 * @error: return location for a #GError, or %NULL
 *
 * Whether @self_score is one a drill can have: 1 to 5.
 *
 * Returns: %TRUE when it is; %FALSE with @error set
 */
gboolean
cl_development_check_self_score (int      self_score,
                                 GError **error)
{
  if (self_score >= 1 && self_score <= 5)
    return TRUE;
  g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("A drill's self-score is 1 to 5, not %d"),
               self_score);
  return FALSE;
}

/**
 * cl_development_log_practice:
 * @store: the workspace
 * @rep_id: the rep's id
 * @day: the drill's day
 * @focus: the skill practised, a team skill's key
 * @self_score: the rep's score of the drill, 1 to 5
 * @scenario: (nullable): what was played through
 * @note: (nullable): what to remember
 * @error: return location for a #GError, or %NULL
 *
 * Adds a drill to @rep_id's practice log.
 *
 * Returns: (transfer full) (nullable): the drill as added, or %NULL with
 *   @error set (an unknown skill, a score out of range, a store error)
 */
ClPracticeEntry *
cl_development_log_practice (ClStore     *store,
                             gint64       rep_id,
                             ClDay        day,
                             const char  *focus,
                             int          self_score,
                             const char  *scenario,
                             const char  *note,
                             GError     **error)
{
  g_autoptr (ClTeamListItem) skill = cl_store_get_dev_skill (store, focus, error);
  g_autoptr (ClPracticeEntry) entry = NULL;

  if (skill == NULL || !cl_development_check_self_score (self_score, error))
    return NULL;
  entry = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);
  entry->rep_id = rep_id;
  entry->logged_on = day;
  entry->focus = g_strdup (focus);
  entry->self_score = self_score;
  entry->scenario = g_strdup (scenario ? scenario : "");
  entry->note = g_strdup (note ? note : "");
  if (!cl_store_add_practice_entry (store, entry, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/* ------------------------------------------------------------------ the team view */

G_DEFINE_FINAL_TYPE (ClRepMonth, cl_rep_month, G_TYPE_OBJECT)

static void
cl_rep_month_finalize (GObject *object)
{
  ClRepMonth *self = CL_REP_MONTH (object);

  g_clear_object (&self->rep);
  g_clear_object (&self->plan);
  g_clear_object (&self->previous_plan);
  g_free (self->month);
  g_free (self->focus_label);
  G_OBJECT_CLASS (cl_rep_month_parent_class)->finalize (object);
}

static void
cl_rep_month_class_init (ClRepMonthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_rep_month_finalize;
}

static void
cl_rep_month_init (ClRepMonth *self)
{
}

static const char *
skill_label (GListModel *skills,
             const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr (ClTeamListItem) skill = g_list_model_get_item (skills, i);

      /* the list keeps the label alive */
      if (g_str_equal (skill->key, key))
        return skill->label;
    }
  return key;
}

static int
missing_plan_first (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const ClRepMonth *x = a, *y = b;

  if ((x->plan == NULL) != (y->plan == NULL))
    return x->plan == NULL ? -1 : 1;
  return g_utf8_collate (x->rep->name, y->rep->name);
}

/**
 * cl_development_team_month:
 * @store: the workspace
 * @month: the month, such as "2026-11"
 * @error: return location for a #GError, or %NULL
 *
 * Every rep in @month, the manager and who left the team aside, with their
 * plan, its progress and last month's plan: reps without a plan first,
 * then by name.
 *
 * Returns: (transfer full) (nullable): a list of #ClRepMonth, or %NULL with
 *   @error set (%CL_STORE_ERROR_INVALID when @month is not a month)
 */
GListModel *
cl_development_team_month (ClStore     *store,
                           const char  *month,
                           GError     **error)
{
  g_autofree char *before = previous_month (month);
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (GListModel) skills = NULL;
  g_autoptr (GListStore) team = g_list_store_new (CL_TYPE_REP_MONTH);
  GError *local = NULL;

  if (before == NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a month such as 2026-11"), month), NULL;
  if ((reps = cl_store_list_reps (store, error)) == NULL
      || (skills = cl_store_list_team_list (store, CL_TEAM_LIST_SKILLS, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);
      g_autoptr (ClRepMonth) entry = NULL;

      /* the manager plans for the others; who left is no longer developed */
      if (rep->is_manager || rep->has_left)
        continue;
      entry = g_object_new (CL_TYPE_REP_MONTH, NULL);
      entry->rep = g_object_ref (rep);
      entry->month = g_strdup (month);
      entry->plan = cl_store_get_dev_plan (store, rep->id, month, &local);
      if (local == NULL)
        entry->previous_plan = cl_store_get_dev_plan (store, rep->id, before, &local);
      if (local == NULL && entry->plan != NULL
          && cl_practice_progress_load (store, entry->plan, &entry->progress, &local))
        entry->focus_label = g_strdup (skill_label (skills, entry->plan->focus));
      if (local != NULL)
        return g_propagate_error (error, local), NULL;
      g_list_store_insert_sorted (team, entry, missing_plan_first, NULL);
    }
  return G_LIST_MODEL (g_steal_pointer (&team));
}

/**
 * cl_rep_month_describe:
 * @rep_month: a rep's month
 *
 * The rep's month in one translated line: the focus and its progress, or
 * that there is no plan, then last month's look-back when there was a
 * plan: "Discovery depth · 3 of 8 drills · 2026-10 look-back: the focus
 * partly moved".
 *
 * Returns: (transfer full): the line
 */
char *
cl_rep_month_describe (const ClRepMonth *rep_month)
{
  GString *text = g_string_new (NULL);

  if (rep_month->plan == NULL)
    /* Translators: the month, e.g. "No plan for 2026-11" */
    g_string_append_printf (text, _("No plan for %s"), rep_month->month);
  else
    {
      g_autofree char *progress = cl_practice_progress_describe (&rep_month->progress);
      g_autofree char *focus = cl_text_isolate (rep_month->focus_label);

      g_string_append_printf (text, "%s · %s", focus, progress);
    }
  if (rep_month->previous_plan != NULL)
    /* Translators: last month, then what its look-back said */
    g_string_append_printf (text, _(" · %s look-back: %s"), rep_month->previous_plan->month,
                            cl_lookback_label (rep_month->previous_plan->lookback));
  return g_string_free (text, FALSE);
}
