/* cl-loop-health.c — did each loop run on cadence, with real outputs, over
 * a period?
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The beats of each loop in a period, as of today:
 *   pipeline review  each ISO week of the period that is over (or already
 *                    reviewed); output: a review with at least one decision
 *   deal coaching    each key deal (amount at least the team's threshold) open
 *                    in the period; a beat is a session on it ending in a next
 *                    move, the output that next move followed up
 *   rep development  each rep (managers left out) in each month of the
 *                    period; a beat is a plan, the output the look-back of a
 *                    month that has ended
 *   strategy         each quarter the period touches, once two weeks have
 *                    passed since it ended; a beat is the retrospective of
 *                    that quarter, whenever it was held, the output its
 *                    decision
 * For coaching and development the beats are the coverage itself: the share
 * of key deals coached, the share of rep-months with a plan.
 *
 * Nothing is due before the team started (see read_team). The state
 * weighs the share of beats that ran and the share of outputs:
 *   lapsed    fewer than one beat in five ran (CL_HEALTH_LAPSED_BELOW_PERCENT):
 *             near zero is a loop that stopped, however many beats are due
 *   running   at least the loop's share ran (running_percent: three in four,
 *             half for coaching) and at least half of the outputs that can
 *             be judged were produced (CL_HEALTH_OUTPUT_PERCENT)
 *   slipping  in between
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-coaching.h"
#include "cl-loop-health.h"

/* a quarter's retrospective is due this many days after the quarter ends:
 * teams hold it in the quarter's last week or the first ones after */
#define RETRO_GRACE_DAYS 14

/* The share of its beats each loop must run to be running. Coaching asks
 * for half: not every key deal reaches a moment worth coaching in a
 * quarter, but a loop that leaves most of them alone is not coaching the
 * deals that matter. */
static const int running_percent[CL_N_LOOPS] = {
  [CL_LOOP_PIPELINE_REVIEW] = 75,
  [CL_LOOP_DEAL_COACHING] = 50,
  [CL_LOOP_REP_DEVELOPMENT] = 75,
  [CL_LOOP_STRATEGY] = 75,
};

static void
set_state (ClLoopHealth *h)
{
  gboolean outputs_enough = h->output_of == 0
                            || (gint64) h->with_output * 100 >= (gint64) h->output_of * CL_HEALTH_OUTPUT_PERCENT;

  if (h->expected == 0)
    h->state = CL_HEALTH_NO_DATA;
  else if ((gint64) h->ran * 100 < (gint64) h->expected * CL_HEALTH_LAPSED_BELOW_PERCENT)
    h->state = CL_HEALTH_LAPSED;
  else if ((gint64) h->ran * 100 >= (gint64) h->expected * running_percent[h->loop] && outputs_enough)
    h->state = CL_HEALTH_RUNNING;
  else
    h->state = CL_HEALTH_SLIPPING;
}

static gboolean
pipeline_review (ClStore       *store,
                 ClDay          first,
                 ClDay          end,
                 ClDay          today,
                 ClLoopHealth  *h,
                 GError       **error)
{
  g_autofree char *first_week = cl_date_iso_week (first);
  g_autofree char *last_week = cl_date_iso_week (end);
  /* week label → 1 when reviewed, 2 when the review decided something */
  g_autoptr (GHashTable) weeks = cl_store_list_reviewed_weeks (store, first_week, last_week, error);
  ClDay week_ends = 0;

  if (weeks == NULL)
    return FALSE;
  for (ClDay monday = first - cl_date_weekday (first) + 1; monday <= end; monday += 7)
    {
      g_autofree char *week = cl_date_iso_week (monday);
      int reviewed = GPOINTER_TO_INT (g_hash_table_lookup (weeks, week));   /* 0 no, 1 held, 2 decided */

      /* the week under way counts once it is reviewed */
      if (monday + 6 >= today && reviewed == 0)
        {
          week_ends = monday + 6;
          continue;
        }
      h->expected++;
      h->ran += reviewed > 0;
      h->with_output += reviewed == 2;
    }
  h->output_of = h->ran;
  if (h->expected == 0)
    {
      h->why = CL_HEALTH_WHY_NOT_DUE;
      h->why_on = week_ends;
    }
  return TRUE;
}

static gboolean
deal_coaching (ClStore       *store,
               ClDay          first,
               ClDay          end,
               ClLoopHealth  *h,
               GError       **error)
{
  ClCoachingSettings settings;

  cl_coaching_settings_load (&settings, store);
  if (!cl_store_count_key_deal_coaching (store, first, end, settings.key_deal_amount * 100, &h->expected, &h->ran,
                                         &h->with_output, error))
    return FALSE;
  h->output_of = h->ran;
  if (h->expected == 0)
    h->why = CL_HEALTH_WHY_NOTHING_TO_RUN_ON;
  return TRUE;
}

static gboolean
rep_development (ClStore       *store,
                 ClDay          first,
                 ClDay          end,
                 ClDay          today,
                 ClLoopHealth  *h,
                 GError       **error)
{
  g_autofree char *first_month = cl_date_month (first);
  g_autofree char *last_month = cl_date_month (end);
  g_autofree char *this_month = cl_date_month (today);
  int n_months = 0, n_reps;

  for (ClDay month = cl_date_add_months (first, 0); month <= end; month = cl_date_add_months (month, 1))
    n_months++;
  if (!cl_store_count_dev_plans (store, first_month, last_month, this_month, &n_reps, &h->ran, &h->output_of,
                                 &h->with_output, error))
    return FALSE;
  h->expected = n_reps * n_months;
  return TRUE;
}

static gboolean
strategy (ClStore       *store,
          ClDay          first,
          ClDay          end,
          ClDay          today,
          ClDay          team_start,
          ClLoopHealth  *h,
          GError       **error)
{
  g_autofree char *quarter = cl_date_quarter (first);
  ClDay start, stop, due_by = 0;

  /* whole quarters: each quarter the period touches owes one retrospective */
  for (cl_date_parse_quarter (quarter, &start, &stop); start <= end;
       g_free (quarter), quarter = cl_date_quarter (stop + 1), cl_date_parse_quarter (quarter, &start, &stop))
    {
      int held, decided;

      /* the retrospective of this quarter, held by today (often after it ended) */
      if (!cl_store_count_quarter_retros (store, quarter, today, &held, &decided, error))
        return FALSE;
      if (held == 0 && stop < team_start)
        continue;
      if (held == 0 && stop + RETRO_GRACE_DAYS >= today)
        {
          due_by = due_by ? due_by : stop + RETRO_GRACE_DAYS;
          continue;
        }
      h->expected++;
      h->ran += held > 0;
      h->with_output += decided > 0;
    }
  h->output_of = h->ran;
  if (h->expected == 0 && due_by != 0)
    {
      h->why = CL_HEALTH_WHY_NOT_DUE;
      h->why_on = due_by;
    }
  return TRUE;
}

/* What every period of a team is judged against: the day it started
 * running its loops here, its first review, session, plan or
 * retrospective (deals imported from a CRM reach further back), else its
 * first deal (0 when it has no deal); which loop started it (CL_N_LOOPS:
 * the deal); and how many reps it has. Read once for many periods. */
typedef struct
{
  ClDay start;
  int   started_by;
  int   n_reps;
} Team;

static gboolean
read_team (ClStore  *store,
           Team     *team,
           GError  **error)
{
  ClDay first_beat[CL_N_LOOPS], first_deal;

  team->start = 0;
  team->started_by = CL_N_LOOPS;
  if (!cl_store_find_first_days (store, &first_beat[CL_LOOP_PIPELINE_REVIEW], &first_beat[CL_LOOP_DEAL_COACHING],
                                 &first_beat[CL_LOOP_REP_DEVELOPMENT], &first_beat[CL_LOOP_STRATEGY], &first_deal,
                                 error)
      || !cl_store_count_reps (store, &team->n_reps, error))
    return FALSE;
  if (first_deal == 0)
    return TRUE;
  for (int i = 0; i < CL_N_LOOPS; i++)
    if (first_beat[i] != 0 && (team->start == 0 || first_beat[i] < team->start))
      {
        team->start = first_beat[i];
        team->started_by = i;
      }
  if (team->start == 0)
    team->start = first_deal;
  return TRUE;
}

/* Why nothing at all is due from @first to @end (today at the latest), for
 * a team that started on @start with @n_reps reps; NONE when loops are due. */
static ClHealthWhy
period_why (ClDay first,
            ClDay end,
            ClDay start,
            int   n_reps)
{
  if (first > end)
    return CL_HEALTH_WHY_PERIOD_TO_COME;
  if (start == 0 || n_reps == 0)
    return CL_HEALTH_WHY_NO_TEAM;
  if (end < start)
    return CL_HEALTH_WHY_BEFORE_TEAM_START;
  return CL_HEALTH_WHY_NONE;
}

/**
 * cl_loop_health_compute:
 * @store: the workspace
 * @first: the period's first day
 * @last: the period's last day, not before @first
 * @today: the day the period is judged on
 * @health: (out caller-allocates) (array fixed-size=4): one per #ClLoop
 * @error: return location for a #GError, or %NULL
 *
 * Fills @health with the health of every loop from @first to @last, judged
 * as of @today: the part of the period after @today is not due yet, and
 * nothing is due before the team's first beat (or first deal). A
 * retrospective counts for the quarter it reviews, whenever it was held.
 * A loop with no data says why. Free the windows with
 * cl_loop_health_clear (); on failure they are already freed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
/* cl_loop_health_compute () for @team, read once for many periods. */
static gboolean
compute_for_team (ClStore       *store,
                  const Team    *team,
                  ClDay          first,
                  ClDay          last,
                  ClDay          today,
                  ClLoopHealth   health[CL_N_LOOPS],
                  GError       **error)
{
  ClDay end = MIN (last, today);
  ClDay start = team->start, judged_from;
  ClHealthWhy why;
  g_autofree char *from = NULL, *to = NULL;

  memset (health, 0, sizeof (ClLoopHealth) * CL_N_LOOPS);
  why = period_why (first, end, start, team->n_reps);
  /* nothing is due before the team's record starts */
  judged_from = why == CL_HEALTH_WHY_NONE ? MAX (first, start) : first;
  from = cl_date_format (judged_from);
  to = cl_date_format (judged_from > end ? last : end);
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      health[i].loop = i;
      health[i].window = g_strdup_printf ("%s – %s", from, to);
    }

  if (why == CL_HEALTH_WHY_NONE
      && (!pipeline_review (store, judged_from, end, today, &health[CL_LOOP_PIPELINE_REVIEW], error)
          || !deal_coaching (store, judged_from, end, &health[CL_LOOP_DEAL_COACHING], error)
          || !rep_development (store, judged_from, end, today, &health[CL_LOOP_REP_DEVELOPMENT], error)))
    goto failed;
  /* before the team started too: a retrospective held for such a quarter
   * still counts for it */
  if ((why == CL_HEALTH_WHY_NONE || why == CL_HEALTH_WHY_BEFORE_TEAM_START)
      && !strategy (store, first, end, today, start, &health[CL_LOOP_STRATEGY], error))
    goto failed;
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      set_state (&health[i]);
      /* the loops say why they had nothing due; the rest is the period's */
      if (health[i].state != CL_HEALTH_NO_DATA || health[i].why != CL_HEALTH_WHY_NONE)
        continue;
      /* a period the team started in leaves nothing but its quarters before the start */
      health[i].why = why == CL_HEALTH_WHY_NONE ? CL_HEALTH_WHY_BEFORE_TEAM_START : why;
      if (health[i].why == CL_HEALTH_WHY_BEFORE_TEAM_START)
        {
          health[i].why_on = start;
          health[i].started_by = team->started_by;
        }
    }
  return TRUE;

failed:
  cl_loop_health_clear (health);
  return FALSE;
}

gboolean
cl_loop_health_compute (ClStore       *store,
                        ClDay          first,
                        ClDay          last,
                        ClDay          today,
                        ClLoopHealth   health[CL_N_LOOPS],
                        GError       **error)
{
  Team team;

  g_return_val_if_fail (first <= last, FALSE);
  memset (health, 0, sizeof (ClLoopHealth) * CL_N_LOOPS);
  return read_team (store, &team, error) && compute_for_team (store, &team, first, last, today, health, error);
}

/**
 * cl_loop_health_ratio:
 * @health: a loop's health
 *
 * Returns: the beats that ran over those expected, 0–1; 0 when nothing was
 *   expected
 */
double
cl_loop_health_ratio (const ClLoopHealth *health)
{
  return health->expected > 0 ? (double) health->ran / health->expected : 0;
}

/**
 * cl_loop_health_output_ratio:
 * @health: a loop's health
 *
 * Returns: the beats with an output over those whose output can be judged,
 *   0–1; -1 when no output can be judged yet
 */
double
cl_loop_health_output_ratio (const ClLoopHealth *health)
{
  return health->output_of > 0 ? (double) health->with_output / health->output_of : -1;
}

/**
 * cl_loop_health_running_percent:
 * @loop: a loop
 *
 * The percent of its beats @loop must run to be running: three in four
 * weeks, rep-months or quarters; half the key deals.
 *
 * Returns: the percent
 */
int
cl_loop_health_running_percent (ClLoop loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, 100);
  return running_percent[loop];
}

/**
 * cl_loop_health_trend:
 * @store: the workspace
 * @today: the day the quarters are judged on; its quarter is the last
 * @n_quarters: how many quarters
 * @series: (out caller-allocates) (array fixed-size=4): for each #ClLoop, a
 *   new list of #ClTrendPoint, all cleared on failure
 * @error: return location for a #GError, or %NULL
 *
 * The last @n_quarters quarters up to @today's, oldest first: for each
 * loop, one #ClTrendPoint per quarter (its month field "2026-Q4") holding
 * the loop's ratio (cl_loop_health_ratio ()), with n the beats expected.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_loop_health_trend (ClStore      *store,
                      ClDay         today,
                      int           n_quarters,
                      GListModel   *series[CL_N_LOOPS],
                      GError      **error)
{
  GListStore *points[CL_N_LOOPS];
  Team team;
  gboolean ok;

  ok = read_team (store, &team, error);
  for (int i = 0; i < CL_N_LOOPS; i++)
    points[i] = g_list_store_new (CL_TYPE_TREND_POINT);
  for (int q = n_quarters - 1; ok && q >= 0; q--)
    {
      g_autofree char *quarter = cl_date_quarter (cl_date_add_months (today, -3 * q));
      ClLoopHealth health[CL_N_LOOPS];
      ClDay first, last;

      cl_date_parse_quarter (quarter, &first, &last);
      ok = compute_for_team (store, &team, first, last, today, health, error);
      for (int i = 0; ok && i < CL_N_LOOPS; i++)
        {
          g_autoptr (ClTrendPoint) point = g_object_new (CL_TYPE_TREND_POINT, NULL);

          point->month = g_strdup (quarter);
          point->value = cl_loop_health_ratio (&health[i]);
          point->n = health[i].expected;
          g_list_store_append (points[i], point);
        }
      if (ok)
        cl_loop_health_clear (health);
    }
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      series[i] = ok ? G_LIST_MODEL (points[i]) : NULL;
      if (!ok)
        g_object_unref (points[i]);
    }
  return ok;
}

/**
 * cl_loop_health_clear:
 * @health: (array fixed-size=4): one per #ClLoop
 *
 * Frees the windows of @health, as cl_loop_health_compute () filled them.
 */
void
cl_loop_health_clear (ClLoopHealth health[CL_N_LOOPS])
{
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_clear_pointer (&health[i].window, g_free);
}

static gboolean
runs (const ClLoopHealth *health)
{
  return health->state == CL_HEALTH_RUNNING || health->state == CL_HEALTH_SLIPPING;
}

/**
 * cl_loop_health_is_hollow:
 * @health: (array fixed-size=4): one per #ClLoop
 *
 * Whether the cadence is hollow: the pipeline review or the retrospective
 * runs (or slips) while coaching or development lapsed, near zero
 * included.
 *
 * Returns: %TRUE when the cadence is hollow, else %FALSE
 */
gboolean
cl_loop_health_is_hollow (const ClLoopHealth health[CL_N_LOOPS])
{
  /* lapsed counts near zero in: two key deals coached of 443 is no
   * coaching reaching the plan */
  gboolean people_lapsed = health[CL_LOOP_DEAL_COACHING].state == CL_HEALTH_LAPSED
                           || health[CL_LOOP_REP_DEVELOPMENT].state == CL_HEALTH_LAPSED;

  return people_lapsed && (runs (&health[CL_LOOP_PIPELINE_REVIEW]) || runs (&health[CL_LOOP_STRATEGY]));
}

static const char * const loop_names[CL_N_LOOPS + 1] = {
  "pipeline_review", "deal_coaching", "rep_development", "strategy", NULL,
};

/**
 * cl_loop_to_string:
 * @loop: a loop
 *
 * Returns: (transfer none): the loop's name in files, such as
 *   "deal_coaching"
 */
const char *
cl_loop_to_string (ClLoop loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, NULL);
  return loop_names[loop];
}

/**
 * cl_loop_from_string:
 * @name: (nullable): a loop's name, as cl_loop_to_string () gives it
 *
 * Returns: the loop @name spells, or -1 when it spells none
 */
int
cl_loop_from_string (const char *name)
{
  return cl_enum_from_string (loop_names, name);
}

/**
 * cl_health_state_to_string:
 * @state: a health state
 *
 * Returns: (transfer none): the state's name in files, such as "slipping"
 */
const char *
cl_health_state_to_string (ClHealthState state)
{
  static const char * const names[] = { "no_data", "running", "slipping", "lapsed" };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), NULL);
  return names[state];
}

/**
 * cl_health_why_to_string:
 * @why: why a loop has no data
 *
 * Returns: (transfer none) (nullable): the reason's name in files, such as
 *   "before_team_start"; %NULL for %CL_HEALTH_WHY_NONE
 */
const char *
cl_health_why_to_string (ClHealthWhy why)
{
  static const char * const names[] = {
    NULL, "period_to_come", "no_team", "before_team_start", "not_due", "nothing_to_run_on",
  };

  g_return_val_if_fail (why < G_N_ELEMENTS (names), NULL);
  return names[why];
}

/**
 * cl_loop_title:
 * @loop: a loop
 *
 * Returns: (transfer none): the loop's title, translated, such as "Deal
 *   coaching"
 */
const char *
cl_loop_title (ClLoop loop)
{
  switch (loop)
    {
    case CL_LOOP_PIPELINE_REVIEW: return _("Pipeline review");
    case CL_LOOP_DEAL_COACHING: return _("Deal coaching");
    case CL_LOOP_REP_DEVELOPMENT: return _("Rep development");
    case CL_LOOP_STRATEGY: return _("Strategy retrospective");
    case CL_N_LOOPS: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * cl_loop_question:
 * @loop: a loop
 *
 * Returns: (transfer none): the question the loop answers, translated,
 *   such as "Will this deal actually close?"
 */
const char *
cl_loop_question (ClLoop loop)
{
  switch (loop)
    {
    case CL_LOOP_PIPELINE_REVIEW: return _("Are the right deals moving?");
    case CL_LOOP_DEAL_COACHING: return _("Will this deal actually close?");
    case CL_LOOP_REP_DEVELOPMENT: return _("Is each rep getting better?");
    case CL_LOOP_STRATEGY: return _("Is the plan still right — and being run?");
    case CL_N_LOOPS: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * cl_health_state_label:
 * @state: a health state
 *
 * Returns: (transfer none): the state's label, translated, such as
 *   "Slipping"
 */
const char *
cl_health_state_label (ClHealthState state)
{
  switch (state)
    {
    case CL_HEALTH_NO_DATA: return _("No data");
    case CL_HEALTH_RUNNING: return _("Running");
    case CL_HEALTH_SLIPPING: return _("Slipping");
    case CL_HEALTH_LAPSED: return _("Lapsed");
    }
  g_return_val_if_reached (NULL);
}

/* "5.5 %": tenths rounded down, so a share just under a threshold never
 * reads as the threshold itself; a no-break space keeps the sign with its
 * number */
static char *
format_share (int part,
              int whole)
{
  gint64 tenths = whole > 0 ? (gint64) part * 1000 / whole : 0;

  if (tenths % 10 == 0)
    /* Translators: a whole percentage */
    return g_strdup_printf (_("%d\u00a0%%"), (int) (tenths / 10));
  /* Translators: a percentage with one decimal */
  return g_strdup_printf (_("%.1f\u00a0%%"), tenths / 10.0);
}

/* Why a loop has no data, in a sentence. */
static char *
describe_no_data (const ClLoopHealth *h)
{
  g_autofree char *on = h->why_on ? cl_date_format (h->why_on) : NULL;

  switch (h->why)
    {
    case CL_HEALTH_WHY_PERIOD_TO_COME:
      return g_strdup (_("No data: the period has not started"));
    case CL_HEALTH_WHY_NO_TEAM:
      return g_strdup (_("No data: the workspace has no reps or no deals yet"));
    case CL_HEALTH_WHY_NOTHING_TO_RUN_ON:
      return g_strdup (_("No data: no key deal was open"));
    case CL_HEALTH_WHY_NOT_DUE:
      if (h->loop == CL_LOOP_STRATEGY)
        {
          g_autofree char *quarter = cl_date_quarter (h->why_on - RETRO_GRACE_DAYS);

          /* Translators: the quarter, then the day its retrospective is due by */
          return g_strdup_printf (_("No data yet: the retrospective of %s is due by %s"), quarter, on);
        }
      /* Translators: the last day of the week under way */
      return g_strdup_printf (_("No data yet: this week counts once it is reviewed or ends (%s)"), on);
    case CL_HEALTH_WHY_BEFORE_TEAM_START:
      switch (h->started_by)
        {
        case CL_LOOP_PIPELINE_REVIEW:
          return g_strdup_printf (_("No data: the team’s first pipeline review was %s"), on);
        case CL_LOOP_DEAL_COACHING:
          return g_strdup_printf (_("No data: the team’s first coaching session was %s"), on);
        case CL_LOOP_REP_DEVELOPMENT:
          {
            g_autofree char *month = cl_date_month (h->why_on);

            return g_strdup_printf (_("No data: the team’s first development plan was for %s"), month);
          }
        case CL_LOOP_STRATEGY:
          return g_strdup_printf (_("No data: the team’s first retrospective was held %s"), on);
        default:
          return g_strdup_printf (_("No data: the team’s first deal was added %s"), on);
        }
    case CL_HEALTH_WHY_NONE:
      break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * cl_loop_health_describe:
 * @health: a loop's health
 *
 * The figures in a translated sentence, "8 of 145 key deals coached to a
 * next move (5.5 %), 7 followed up · 2026-10-01 – 2026-11-29"; with no
 * data, why ("No data: the team's first pipeline review was 2026-08-04").
 *
 * Returns: (transfer full): the sentence
 */
char *
cl_loop_health_describe (const ClLoopHealth *h)
{
  g_autofree char *beats = NULL;
  g_autofree char *share = format_share (h->ran, h->expected);

  if (h->state == CL_HEALTH_NO_DATA)
    return describe_no_data (h);
  switch (h->loop)
    {
    case CL_LOOP_PIPELINE_REVIEW:
      /* Translators: weeks reviewed of weeks due */
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d week reviewed", "%d of %d weeks reviewed",
                                            h->expected), h->ran, h->expected);
      /* Translators: the beats, their share, how many reviews decided something, the period */
      return g_strdup_printf (_("%s (%s), %d with decisions · %s"), beats, share, h->with_output, h->window);
    case CL_LOOP_DEAL_COACHING:
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d key deal coached to a next move",
                                            "%d of %d key deals coached to a next move", h->expected),
                               h->ran, h->expected);
      return g_strdup_printf (_("%s (%s), %d followed up · %s"), beats, share, h->with_output, h->window);
    case CL_LOOP_REP_DEVELOPMENT:
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d rep-month with a plan",
                                            "%d of %d rep-months with a plan", h->expected),
                               h->ran, h->expected);
      return g_strdup_printf (_("%s (%s), %d of %d ended plans looked back · %s"), beats, share, h->with_output,
                              h->output_of, h->window);
    case CL_LOOP_STRATEGY:
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d quarter with a retrospective",
                                            "%d of %d quarters with a retrospective", h->expected),
                               h->ran, h->expected);
      return g_strdup_printf (_("%s (%s), %d decided · %s"), beats, share, h->with_output, h->window);
    case CL_N_LOOPS:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* What running takes: "75 % of the weeks reviewed, decisions in half the
 * reviews". */
static char *
running_bar (ClLoop loop)
{
  g_autofree char *share = format_share (running_percent[loop], 100);

  /* the sentences below say "half" */
  G_STATIC_ASSERT (CL_HEALTH_OUTPUT_PERCENT == 50);
  switch (loop)
    {
    case CL_LOOP_PIPELINE_REVIEW:
      /* Translators: a percentage */
      return g_strdup_printf (_("%s of the weeks reviewed, decisions in half the reviews"), share);
    case CL_LOOP_DEAL_COACHING:
      return g_strdup_printf (_("%s of the key deals coached, half the next moves followed up"), share);
    case CL_LOOP_REP_DEVELOPMENT:
      return g_strdup_printf (_("%s of the rep-months planned, half the ended plans looked back"), share);
    case CL_LOOP_STRATEGY:
      return g_strdup_printf (_("%s of the quarters looked back on, half the retrospectives decided"), share);
    case CL_N_LOOPS:
      break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * cl_loop_health_explain:
 * @health: a loop's health
 *
 * Why the state is what it is, with the thresholds that decided it, in a
 * translated sentence: "Lapsed: under 20 % is near zero; running needs
 * 50 % of the key deals coached, half the next moves followed up".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL with no data
 *   (cl_loop_health_describe () says why)
 */
char *
cl_loop_health_explain (const ClLoopHealth *h)
{
  g_autofree char *bar = NULL;
  g_autofree char *near_zero = NULL;

  if (h->state == CL_HEALTH_NO_DATA)
    return NULL;
  bar = running_bar (h->loop);
  near_zero = format_share (CL_HEALTH_LAPSED_BELOW_PERCENT, 100);
  switch (h->state)
    {
    case CL_HEALTH_RUNNING:
      /* Translators: what running takes */
      return g_strdup_printf (_("Running: at least %s"), bar);
    case CL_HEALTH_SLIPPING:
      /* Translators: what running takes, then the share below which a loop lapsed */
      return g_strdup_printf (_("Slipping: running needs %s; under %s is lapsed"), bar, near_zero);
    case CL_HEALTH_LAPSED:
      if (h->ran == 0)
        return g_strdup_printf (_("Lapsed: it did not run; running needs %s"), bar);
      /* Translators: the share below which a loop lapsed, then what running takes */
      return g_strdup_printf (_("Lapsed: under %s is near zero; running needs %s"), near_zero, bar);
    case CL_HEALTH_NO_DATA:
      break;
    }
  g_return_val_if_reached (NULL);
}
