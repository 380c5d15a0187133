/* cl-one-on-one.c — everything a manager needs for one rep's 1:1, and the
 * agenda drafted from it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cl-action-load.h"
#include "cl-file.h"
#include "cl-flags.h"
#include "cl-one-on-one.h"
#include "cl-text.h"

/* the agenda names at most this many deals, and this many overdue actions */
#define AGENDA_DEALS   8
#define AGENDA_OVERDUE 5

/**
 * cl_one_on_one_free:
 * @brief: (nullable): the 1:1
 *
 * Frees @brief and everything it holds. Does nothing with %NULL.
 */
void
cl_one_on_one_free (ClOneOnOne *brief)
{
  if (brief == NULL)
    return;
  g_clear_object (&brief->rep);
  g_free (brief->month);
  g_clear_object (&brief->deals);
  g_clear_object (&brief->load);
  g_clear_object (&brief->actions);
  g_clear_object (&brief->plan);
  g_free (brief->focus_label);
  g_clear_object (&brief->practice);
  g_clear_object (&brief->previous_plan);
  g_clear_object (&brief->score_trend);
  g_clear_object (&brief->talk_trend);
  g_clear_object (&brief->question_trend);
  g_clear_object (&brief->sessions);
  g_free (brief->kept_agenda);
  g_free (brief);
}

static gboolean
load_rep (ClStore     *store,
          ClOneOnOne  *brief,
          gint64       rep_id,
          GError     **error)
{
  g_autoptr (GListModel) loads = cl_store_list_rep_loads (store, brief->today, rep_id, error);

  if (loads == NULL)
    return FALSE;
  if (g_list_model_get_n_items (loads) == 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("There is no rep with id %" PRId64 " in this workspace"), rep_id), FALSE;
  brief->load = g_list_model_get_item (loads, 0);
  brief->rep = cl_rep_new (brief->load->name);
  brief->rep->id = rep_id;
  brief->rep->is_manager = brief->load->is_manager;
  return TRUE;
}

static gboolean
load_plans (ClStore     *store,
            ClOneOnOne  *brief,
            GError     **error)
{
  g_autofree char *before = cl_date_month (cl_date_add_months (brief->today, -1));
  g_autoptr (ClTeamListItem) skill = NULL;
  GError *local = NULL;

  brief->plan = cl_store_get_dev_plan (store, brief->rep->id, brief->month, &local);
  if (local == NULL)
    brief->previous_plan = cl_store_get_dev_plan (store, brief->rep->id, before, &local);
  if (local == NULL && brief->plan != NULL)
    {
      skill = cl_store_get_dev_skill (store, brief->plan->focus, NULL);
      brief->focus_label = g_strdup (skill ? skill->label : brief->plan->focus);
      cl_practice_progress_load (store, brief->plan, &brief->progress, &local);
    }
  if (local != NULL)
    return g_propagate_error (error, local), FALSE;
  return TRUE;
}

/**
 * cl_one_on_one_load:
 * @workspace_path: the workspace, opened on a connection of its own
 * @rep_id: the rep's id
 * @today: the day of the 1:1
 * @error: return location for a #GError, or %NULL
 *
 * Everything the manager needs for @rep_id's 1:1 on @today: the rep's open
 * deals and their flags, open actions against the team's cap, this month's
 * and last month's plans, this month's drills, the call trends of the last
 * %CL_ONE_ON_ONE_MONTHS months, the coaching sessions of the last
 * %CL_ONE_ON_ONE_COACHING_DAYS days and the agenda kept for @today. Reads
 * through a connection of its own, so it may run in a thread.
 *
 * Returns: (transfer full) (nullable): the 1:1, or %NULL with @error set
 *   (%CL_STORE_ERROR_NOT_FOUND when there is no such rep)
 */
ClOneOnOne *
cl_one_on_one_load (const char  *workspace_path,
                    gint64       rep_id,
                    ClDay        today,
                    GError     **error)
{
  g_autoptr (ClStore) store = cl_store_open_read_through (workspace_path, error);
  g_autoptr (ClOneOnOne) brief = g_new0 (ClOneOnOne, 1);
  ClDay first = cl_date_add_months (today, 1 - CL_ONE_ON_ONE_MONTHS);
  GError *local = NULL;

  if (store == NULL)
    return NULL;
  brief->today = today;
  brief->month = cl_date_month (today);
  brief->cap = cl_action_cap_load (store);
  if (!load_rep (store, brief, rep_id, error)
      || !load_plans (store, brief, error)
      || (brief->deals = cl_pipeline_snapshot (workspace_path, today, rep_id, NULL, error)) == NULL
      || (brief->actions = cl_store_list_open_actions (store, rep_id, error)) == NULL
      || (brief->practice = cl_store_list_practice_entries (store, rep_id, brief->month, error)) == NULL
      || (brief->score_trend = cl_store_list_call_trend (store, rep_id, CL_CALL_MEASURE_SCORE, NULL,
                                                         first, today, error)) == NULL
      || (brief->talk_trend = cl_store_list_call_trend (store, rep_id, CL_CALL_MEASURE_TALK_RATIO, NULL,
                                                        first, today, error)) == NULL
      || (brief->question_trend = cl_store_list_call_trend (store, rep_id, CL_CALL_MEASURE_QUESTIONS, NULL,
                                                            first, today, error)) == NULL
      || (brief->sessions = cl_store_list_rep_coaching_sessions (store, rep_id,
                                                                 today - CL_ONE_ON_ONE_COACHING_DAYS,
                                                                 error)) == NULL)
    return NULL;
  brief->kept_agenda = cl_store_get_one_on_one (store, rep_id, today, &local);
  if (local != NULL)
    return g_propagate_error (error, local), NULL;
  return g_steal_pointer (&brief);
}

/* ------------------------------------------------------------------ the agenda */

static int
most_flags_first (gconstpointer a,
                  gconstpointer b)
{
  const ClPipelineItem *x = *(ClPipelineItem **) a, *y = *(ClPipelineItem **) b;

  return __builtin_popcount (y->flags) - __builtin_popcount (x->flags);
}

static void
agenda_deals (GString          *agenda,
              const ClOneOnOne *brief)
{
  g_autoptr (GPtrArray) flagged = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (brief->deals);

  for (guint i = 0; i < n; i++)
    {
      ClPipelineItem *item = g_list_model_get_item (brief->deals, i);

      if (item->flags != 0)
        g_ptr_array_add (flagged, item);
      else
        g_object_unref (item);
    }
  /* stable: among equally flagged deals the largest stays first */
  g_ptr_array_sort (flagged, most_flags_first);
  g_string_append_printf (agenda, g_dngettext (GETTEXT_PACKAGE, "Pipeline: %u open deal, %u flagged\n",
                                               "Pipeline: %u open deals, %u flagged\n", n),
                          n, flagged->len);
  for (guint i = 0; i < MIN (flagged->len, AGENDA_DEALS); i++)
    {
      ClPipelineItem *item = g_ptr_array_index (flagged, i);
      ClDeal *deal = item->facts->deal;
      g_autofree char *amount = cl_money_format (item->state.amount_cents, deal->currency);
      g_autofree char *flags = cl_flags_join_labels (item->flags, cl_text_list_separator ());
      g_autofree char *name = cl_text_isolate (deal->name);
      g_autofree char *stage = cl_text_isolate (deal->stage_name);

      /* Translators: a flagged deal in the 1:1 agenda, in Markdown: its
       * name, amount, stage and flags */
      g_string_append_printf (agenda, _("- %s (%s, %s): %s\n"), name, amount, stage, flags);
    }
  if (flagged->len > AGENDA_DEALS)
    /* Translators: the flagged deals the 1:1 agenda leaves out, in Markdown */
    g_string_append_printf (agenda, g_dngettext (GETTEXT_PACKAGE, "- and %u more flagged deal\n",
                                                 "- and %u more flagged deals\n", flagged->len - AGENDA_DEALS),
                            flagged->len - AGENDA_DEALS);
}

static void
agenda_actions (GString          *agenda,
                const ClOneOnOne *brief)
{
  g_autofree char *load = cl_action_load_describe (brief->load, brief->cap);
  guint shown = 0;

  g_string_append_printf (agenda, _("\nActions: %s\n"), load);
  for (guint i = 0; i < g_list_model_get_n_items (brief->actions) && shown < AGENDA_OVERDUE; i++)
    {
      g_autoptr (ClAction) action = g_list_model_get_item (brief->actions, i);
      g_autofree char *due = NULL, *what = NULL;

      if (action->due_on == 0 || action->due_on >= brief->today)
        continue;
      due = cl_date_format (action->due_on);
      what = cl_text_isolate (action->text);
      /* Translators: an overdue action and the day it was due */
      g_string_append_printf (agenda, _("- Overdue: %s (due %s)\n"), what, due);
      shown++;
    }
}

/* The heading of the plan section: the section runs from it to the next
 * blank line. */
static char *
development_heading (const ClOneOnOne *brief)
{
  /* Translators: the agenda's plan section, with the month */
  return g_strdup_printf (_("Development, %s"), brief->month);
}

static void
agenda_development (GString          *agenda,
                    const ClOneOnOne *brief)
{
  g_autofree char *heading = development_heading (brief);

  g_string_append_printf (agenda, "%s\n", heading);
  if (brief->plan == NULL)
    g_string_append_printf (agenda, _("- No plan for %s yet: agree one focus, a drill and a goal.\n"),
                            brief->month);
  else
    {
      g_autofree char *progress = cl_practice_progress_describe (&brief->progress);
      g_autofree char *focus = cl_text_isolate (brief->focus_label);

      g_string_append_printf (agenda, _("- Focus: %s; practice: %s\n"), focus, progress);
    }
  if (brief->previous_plan != NULL && brief->previous_plan->lookback == CL_LOOKBACK_NONE)
    {
      g_autofree char *focus = cl_text_isolate (brief->previous_plan->focus);

      g_string_append_printf (agenda, _("- %s look-back is missing: did %s move?\n"),
                              brief->previous_plan->month, focus);
    }
  else if (brief->previous_plan != NULL)
    g_string_append_printf (agenda, _("- %s look-back: %s\n"), brief->previous_plan->month,
                            cl_lookback_label (brief->previous_plan->lookback));
}

/* The first and the last month with calls, or FALSE when fewer than one. */
static gboolean
trend_ends (GListModel    *points,
            ClTrendPoint **first,
            ClTrendPoint **last)
{
  *first = *last = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      ClTrendPoint *point = g_list_model_get_item (points, i);

      if (point->n == 0)
        {
          g_object_unref (point);
          continue;
        }
      if (*first == NULL)
        *first = g_object_ref (point);
      g_clear_object (last);
      *last = point;
    }
  return *first != NULL;
}

static void
agenda_trend (GString    *agenda,
              const char *measure,
              GListModel *points,
              double      scale,
              const char *unit)
{
  g_autoptr (ClTrendPoint) first = NULL;
  g_autoptr (ClTrendPoint) last = NULL;

  if (!trend_ends (points, &first, &last))
    return;
  if (first == last || g_str_equal (first->month, last->month))
    /* Translators: a measure, its value with its unit, the month */
    g_string_append_printf (agenda, _("- %s: %.1f%s in %s\n"), measure, last->value * scale, unit, last->month);
  else
    /* Translators: a measure, its latest value and month, its earliest value and month */
    g_string_append_printf (agenda, _("- %s: %.1f%s in %s, from %.1f%s in %s\n"), measure,
                            last->value * scale, unit, last->month, first->value * scale, unit, first->month);
}

static void
agenda_coaching (GString          *agenda,
                 const ClOneOnOne *brief)
{
  guint n = g_list_model_get_n_items (brief->sessions);

  if (n == 0)
    {
      g_autofree char *rep = cl_text_isolate (brief->rep->name);

      g_string_append_printf (agenda, _("\nCoaching: no session on %s's deals in the last %d days\n"),
                              rep, CL_ONE_ON_ONE_COACHING_DAYS);
      return;
    }
  g_string_append (agenda, _("\nCoaching next moves\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (brief->sessions, i);
      g_autofree char *held = cl_date_format (session->held_on);
      g_autofree char *deal = cl_text_isolate (session->deal_name);
      g_autofree char *move = cl_text_isolate (session->next_move);

      /* Translators: a coaching session's next move in the 1:1 agenda, in
       * Markdown: the day of the session, the deal, the next move and
       * what came of it, "Next move happened" */
      g_string_append_printf (agenda, _("- %s, %s: %s — %s\n"), held, deal, move,
                              cl_follow_up_label (session->follow_up));
    }
}

/**
 * cl_one_on_one_agenda_title:
 * @brief: the 1:1
 *
 * The first line of the agenda, translated, the rep's name isolated:
 * "1:1 with Ana Okafor, 2026-11-29".
 *
 * Returns: (transfer full): the title
 */
char *
cl_one_on_one_agenda_title (const ClOneOnOne *brief)
{
  g_autofree char *day = cl_date_format (brief->today);
  g_autofree char *rep = cl_text_isolate (brief->rep->name);

  /* Translators: the rep's name and the day */
  return g_strdup_printf (_("1:1 with %s, %s"), rep, day);
}

/**
 * cl_one_on_one_draft_agenda:
 * @brief: the 1:1
 *
 * An agenda drafted from @brief, for the manager to edit: its title line
 * (cl_one_on_one_agenda_title ()), then sections, each a heading line and
 * its "- " items, a blank line between them. Translated, the values from
 * data isolated.
 *
 * Returns: (transfer full): the agenda
 */
char *
cl_one_on_one_draft_agenda (const ClOneOnOne *brief)
{
  GString *agenda = g_string_new (NULL);
  g_autofree char *title = cl_one_on_one_agenda_title (brief);
  g_autofree char *rep = cl_text_isolate (brief->rep->name);

  g_string_append_printf (agenda, "%s\n\n", title);
  agenda_deals (agenda, brief);
  agenda_actions (agenda, brief);
  g_string_append_c (agenda, '\n');
  agenda_development (agenda, brief);
  g_string_append_printf (agenda, _("\nCalls, last %d months\n"), CL_ONE_ON_ONE_MONTHS);
  agenda_trend (agenda, _("Mean scorecard score"), brief->score_trend, 1, "");
  agenda_trend (agenda, _("Talk ratio"), brief->talk_trend, 100, " %");
  agenda_trend (agenda, _("Questions per call"), brief->question_trend, 1, "");
  agenda_coaching (agenda, brief);
  /* Translators: the heading for the rep's own topics */
  g_string_append_printf (agenda, _("\n%s's topics\n- \n"), rep);
  return g_string_free (agenda, FALSE);
}

/**
 * cl_one_on_one_redraft_plan_section:
 * @agenda: the agenda, as the manager edited it
 * @brief: the 1:1
 *
 * @agenda with its plan section (from its heading, "Development, 2026-11",
 * to the next blank line) drafted again from @brief; every other line
 * stays as it is. An agenda without that section gets it at the end.
 *
 * Returns: (transfer full): the agenda
 */
char *
cl_one_on_one_redraft_plan_section (const char       *agenda,
                                    const ClOneOnOne *brief)
{
  g_autofree char *heading = development_heading (brief);
  g_autoptr (GString) section = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (agenda, "\n", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  g_auto (GStrv) drafted = NULL;
  g_autofree char *joined = NULL;
  GString *redrafted;
  gboolean found = FALSE;

  agenda_development (section, brief);
  g_string_truncate (section, section->len - 1);
  drafted = g_strsplit (section->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (found || !g_str_equal (line, heading))
        {
          g_ptr_array_add (kept, lines[i]);
          continue;
        }
      /* the section as drafted now, in place of the old one */
      found = TRUE;
      for (guint j = 0; drafted[j] != NULL; j++)
        g_ptr_array_add (kept, drafted[j]);
      while (lines[i + 1] != NULL && !cl_text_is_blank (lines[i + 1]))
        i++;
    }
  g_ptr_array_add (kept, NULL);
  joined = g_strjoinv ("\n", (char **) kept->pdata);
  redrafted = g_string_new (joined);
  if (!found)
    {
      /* the manager took it out: it comes back at the end */
      if (redrafted->len > 0 && redrafted->str[redrafted->len - 1] != '\n')
        g_string_append_c (redrafted, '\n');
      g_string_append_printf (redrafted, "%s%s\n", redrafted->len > 0 ? "\n" : "", section->str);
    }
  return g_string_free (redrafted, FALSE);
}

/**
 * cl_one_on_one_file_name:
 * @brief: the 1:1
 *
 * The name a printed 1:1 is suggested under, translated and made safe as
 * a file name, without the extension the printer adds: "1-1 Ana Okafor
 * 2026-11-29".
 *
 * Returns: (transfer full): the file name
 */
char *
cl_one_on_one_file_name (const ClOneOnOne *brief)
{
  g_autofree char *day = cl_date_format (brief->today);
  /* Translators: the name, without its extension, a printed 1:1 is saved
   * under: the rep's name and the day; no slash or colon */
  g_autofree char *name = g_strdup_printf (_("1-1 %s %s"), brief->rep->name, day);

  return cl_file_safe_name (name);
}
