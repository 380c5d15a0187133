/* cl-loop-health.c — the cadence windows and what counts as a loop's output
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows, relative to today:
 *   pipeline review  the four complete ISO weeks before this one; a beat is a
 *                    review held that week, its output a decision other than "keep"
 *   deal coaching    the last 28 days; one session per rep is the cadence, the
 *                    output a next move grounded in evidence
 *   rep development  this month; one plan per rep, the output last month's look-back
 *   strategy         the last complete quarter; a retrospective, its output a decision
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-loop-health.h"
#include "cl-store-private.h"

#define REVIEW_WEEKS   4
#define COACHING_DAYS 28

/* Steps @stmt once and reads its integer columns into @out. */
static gboolean
read_ints (ClStore       *store,
           sqlite3_stmt  *stmt,
           int           *out,
           int            n_out,
           GError       **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  for (int i = 0; i < n_out; i++)
    out[i] = rc == SQLITE_ROW ? sqlite3_column_int (stmt, i) : 0;
  return cl_store_query_done (store, stmt, rc, error);
}

static void
set_state (ClLoopHealth *h,
           int           healthy_beats)
{
  if (h->ran == 0)
    h->state = CL_HEALTH_LAPSED;
  else if (h->with_output >= healthy_beats)
    h->state = CL_HEALTH_RUNNING;
  else
    h->state = CL_HEALTH_AT_RISK;
}

static gboolean
pipeline_review (ClStore       *store,
                 ClDay          today,
                 ClLoopHealth  *h,
                 GError       **error)
{
  ClDay this_monday = today - cl_date_weekday (today) + 1;
  g_autofree char *first = cl_date_iso_week (this_monday - 7 * REVIEW_WEEKS);
  g_autofree char *last = cl_date_iso_week (this_monday - 7);
  int counts[2];

  /* the week text sorts like the week, so BETWEEN selects the window */
  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT count(DISTINCT v.week), count(DISTINCT v.week) FILTER "
                                  "(WHERE EXISTS (SELECT 1 FROM review_decisions d "
                                  "WHERE d.review_id = v.id AND d.decision <> 'keep')) "
                                  "FROM reviews v WHERE v.week BETWEEN ? AND ?",
                                  "ss", first, last),
                  counts, 2, error))
    return FALSE;
  h->expected = REVIEW_WEEKS;
  h->ran = counts[0];
  h->with_output = counts[1];
  h->window = g_strdup_printf ("%s – %s", first, last);
  set_state (h, REVIEW_WEEKS - 1);
  return TRUE;
}

static gboolean
deal_coaching (ClStore       *store,
               ClDay          today,
               int            n_reps,
               ClLoopHealth  *h,
               GError       **error)
{
  g_autofree char *from = cl_date_format (today - COACHING_DAYS + 1);
  g_autofree char *to = cl_date_format (today);
  int counts[2];

  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT count(*), count(*) FILTER (WHERE next_move <> '' "
                                  "AND evidence <> '') FROM coaching_sessions "
                                  "WHERE held_on BETWEEN ? AND ?",
                                  "dd", today - COACHING_DAYS + 1, today),
                  counts, 2, error))
    return FALSE;
  h->expected = n_reps;
  h->ran = counts[0];
  h->with_output = counts[1];
  h->window = g_strdup_printf ("%s – %s", from, to);
  set_state (h, MAX (1, n_reps));
  return TRUE;
}

static gboolean
rep_development (ClStore       *store,
                 ClDay          today,
                 int            n_reps,
                 ClLoopHealth  *h,
                 GError       **error)
{
  g_autofree char *month = cl_date_month (today);
  ClDay first;
  g_autofree char *last_month = NULL;
  int plans[1], lookbacks[2];

  cl_date_parse_month (month, &first, NULL);
  last_month = cl_date_month (first - 1);
  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT count(*) FROM dev_plans WHERE month = ?", "s", month),
                  plans, 1, error)
      || !read_ints (store,
                     cl_store_query (store, error,
                                     "SELECT count(*), count(*) FILTER (WHERE lookback <> 'none') "
                                     "FROM dev_plans WHERE month = ?", "s", last_month),
                     lookbacks, 2, error))
    return FALSE;
  h->expected = n_reps;
  h->ran = plans[0];
  /* a plan is only half the loop: last month's plans need their look-back */
  h->with_output = lookbacks[0] > 0 ? MIN (plans[0], lookbacks[1]) : plans[0];
  h->window = g_steal_pointer (&month);
  set_state (h, MAX (1, n_reps));
  return TRUE;
}

static gboolean
strategy (ClStore       *store,
          ClDay          today,
          ClLoopHealth  *h,
          GError       **error)
{
  g_autofree char *quarter = cl_date_quarter (today);
  ClDay first;
  int counts[2];

  cl_date_parse_quarter (quarter, &first, NULL);
  g_free (quarter);
  quarter = cl_date_quarter (first - 1);
  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT count(*), count(*) FILTER (WHERE decision <> 'undecided') "
                                  "FROM retros WHERE quarter = ?", "s", quarter),
                  counts, 2, error))
    return FALSE;
  h->expected = 1;
  h->ran = counts[0];
  h->with_output = counts[1];
  h->window = g_steal_pointer (&quarter);
  set_state (h, 1);
  return TRUE;
}

gboolean
cl_loop_health_compute (ClStore       *store,
                        ClDay          today,
                        ClLoopHealth   health[CL_N_LOOPS],
                        GError       **error)
{
  int counts[2];

  memset (health, 0, sizeof (ClLoopHealth) * CL_N_LOOPS);
  for (int i = 0; i < CL_N_LOOPS; i++)
    health[i].loop = i;

  /* counts[0]: reps who carry deals; counts[1]: deals */
  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT (SELECT count(*) FROM reps WHERE NOT is_manager), "
                                  "(SELECT count(*) FROM deals)", ""),
                  counts, 2, error))
    return FALSE;

  if (!pipeline_review (store, today, &health[CL_LOOP_PIPELINE_REVIEW], error)
      || !deal_coaching (store, today, counts[0], &health[CL_LOOP_DEAL_COACHING], error)
      || !rep_development (store, today, counts[0], &health[CL_LOOP_REP_DEVELOPMENT], error)
      || !strategy (store, today, &health[CL_LOOP_STRATEGY], error))
    {
      cl_loop_health_clear (health);
      return FALSE;
    }

  if (counts[0] == 0 || counts[1] == 0)
    for (int i = 0; i < CL_N_LOOPS; i++)
      if (health[i].ran == 0)
        health[i].state = CL_HEALTH_NO_DATA;
  return TRUE;
}

void
cl_loop_health_clear (ClLoopHealth health[CL_N_LOOPS])
{
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_clear_pointer (&health[i].window, g_free);
}

/* Reviews and quarterly plans run, coaching and development do not. */
gboolean
cl_loop_health_is_hollow (const ClLoopHealth health[CL_N_LOOPS])
{
  gboolean fast_ran = health[CL_LOOP_PIPELINE_REVIEW].ran > 0 || health[CL_LOOP_STRATEGY].ran > 0;
  gboolean people_lapsed = health[CL_LOOP_DEAL_COACHING].state == CL_HEALTH_LAPSED
                           || health[CL_LOOP_REP_DEVELOPMENT].state == CL_HEALTH_LAPSED;

  return fast_ran && people_lapsed;
}

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

const char *
cl_health_state_label (ClHealthState state)
{
  switch (state)
    {
    case CL_HEALTH_NO_DATA: return _("No data yet");
    case CL_HEALTH_RUNNING: return _("Running");
    case CL_HEALTH_AT_RISK: return _("At risk");
    case CL_HEALTH_LAPSED: return _("Lapsed");
    }
  g_return_val_if_reached (NULL);
}

char *
cl_loop_health_describe (const ClLoopHealth *h)
{
  switch (h->loop)
    {
    case CL_LOOP_PIPELINE_REVIEW:
      return g_strdup_printf (_("%d of %d weekly reviews held, %d with decisions (%s)"),
                              h->ran, h->expected, h->with_output, h->window);
    case CL_LOOP_DEAL_COACHING:
      return g_strdup_printf (_("%d coaching sessions for %d reps, %d with an evidence-based next move (%s)"),
                              h->ran, h->expected, h->with_output, h->window);
    case CL_LOOP_REP_DEVELOPMENT:
      return g_strdup_printf (_("%d of %d reps have a plan for %s, %d complete with look-back"),
                              h->ran, h->expected, h->window, h->with_output);
    case CL_LOOP_STRATEGY:
      if (h->ran == 0)
        return g_strdup_printf (_("No retrospective for %s"), h->window);
      return g_strdup_printf (h->with_output ? _("Retrospective for %s held and decided")
                                             : _("Retrospective for %s held, no decision yet"),
                              h->window);
    case CL_N_LOOPS:
      break;
    }
  g_return_val_if_reached (NULL);
}
