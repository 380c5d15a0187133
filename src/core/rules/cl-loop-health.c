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
 *   strategy         each quarter the period touches, once two weeks of it
 *                    have passed; a beat is a retrospective held in it, the
 *                    output its decision
 * Nothing is due before the team started (see team_start). A loop that ran three beats
 * in four and produced outputs for half of what can be judged is running;
 * one that ran at all is slipping; else lapsed.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-coaching.h"
#include "cl-loop-health.h"
#include "cl-store-private.h"

/* a quarter's retrospective is due once this many days of it have passed */
#define RETRO_GRACE_DAYS 14

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
set_state (ClLoopHealth *h)
{
  if (h->expected == 0)
    h->state = CL_HEALTH_NO_DATA;
  else if (h->ran == 0)
    h->state = CL_HEALTH_LAPSED;
  else if (h->ran * 4 >= h->expected * 3 && (h->output_of == 0 || h->with_output * 2 >= h->output_of))
    h->state = CL_HEALTH_RUNNING;
  else
    h->state = CL_HEALTH_SLIPPING;
}

/* Week label → whether its review made a decision, for the reviews held
 * for the weeks from @first to @end. */
static GHashTable *
reviewed_weeks (ClStore  *store,
                ClDay     first,
                ClDay     end,
                GError  **error)
{
  g_autofree char *first_week = cl_date_iso_week (first);
  g_autofree char *last_week = cl_date_iso_week (end);
  g_autoptr (GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* the week text sorts like the week, so BETWEEN selects them */
  stmt = cl_store_query (store, error,
                         "SELECT v.week, max(EXISTS (SELECT 1 FROM review_decisions d WHERE d.review_id = v.id)) "
                         "FROM reviews v WHERE v.week BETWEEN ? AND ? GROUP BY v.week",
                         "ss", first_week, last_week);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (weeks, cl_column_text (stmt, 0), GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));
  if (!cl_store_query_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&weeks);
}

static gboolean
pipeline_review (ClStore       *store,
                 ClDay          first,
                 ClDay          end,
                 ClDay          today,
                 ClLoopHealth  *h,
                 GError       **error)
{
  g_autoptr (GHashTable) weeks = reviewed_weeks (store, first, end, error);

  if (weeks == NULL)
    return FALSE;
  for (ClDay monday = first - cl_date_weekday (first) + 1; monday <= end; monday += 7)
    {
      g_autofree char *week = cl_date_iso_week (monday);
      int reviewed = GPOINTER_TO_INT (g_hash_table_lookup (weeks, week));   /* 0 no, 1 held, 2 decided */

      /* the week under way counts once it is reviewed */
      if (monday + 6 >= today && reviewed == 0)
        continue;
      h->expected++;
      h->ran += reviewed > 0;
      h->with_output += reviewed == 2;
    }
  h->output_of = h->ran;
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
  int counts[3];

  cl_coaching_settings_load (&settings, store);
  /* the key deals from the deals, the coached ones from the period's sessions */
  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT count(*) FROM deals d WHERE d.amount_cents >= ?3 AND d.created_on <= ?2 "
                                  "AND (d.status = 'open' OR EXISTS (SELECT 1 FROM deal_events e "
                                  "  WHERE e.deal_id = d.id AND e.field = 'status' AND e.occurred_on >= ?1))",
                                  "ddI", first, end, settings.key_deal_amount * 100),
                  counts, 1, error)
      || !read_ints (store,
                     cl_store_query (store, error,
                                     "SELECT count(DISTINCT c.deal_id), "
                                     "count(DISTINCT c.deal_id) FILTER (WHERE c.follow_up <> 'pending') "
                                     "FROM coaching_sessions c JOIN deals d ON d.id = c.deal_id "
                                     "WHERE c.held_on BETWEEN ?1 AND ?2 AND c.next_move <> '' "
                                     "AND d.amount_cents >= ?3 AND d.created_on <= ?2",
                                     "ddI", first, end, settings.key_deal_amount * 100),
                     counts + 1, 2, error))
    return FALSE;
  h->expected = counts[0];
  h->ran = counts[1];
  h->output_of = counts[1];
  h->with_output = counts[2];
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
  int n_months = 0;
  int counts[4];

  for (ClDay month = cl_date_add_months (first, 0); month <= end; month = cl_date_add_months (month, 1))
    n_months++;
  if (!read_ints (store,
                  cl_store_query (store, error,
                                  "SELECT (SELECT count(*) FROM counted_reps), count(p.id), "
                                  "count(p.id) FILTER (WHERE p.month < ?3), "
                                  "count(p.id) FILTER (WHERE p.month < ?3 AND p.lookback <> 'none') "
                                  "FROM dev_plans p JOIN counted_reps r ON r.id = p.rep_id "
                                  "WHERE p.month BETWEEN ?1 AND ?2",
                                  "sss", first_month, last_month, this_month),
                  counts, 4, error))
    return FALSE;
  h->expected = counts[0] * n_months;
  h->ran = counts[1];
  h->output_of = counts[2];
  h->with_output = counts[3];
  return TRUE;
}

static gboolean
strategy (ClStore       *store,
          ClDay          first,
          ClDay          end,
          ClDay          today,
          ClLoopHealth  *h,
          GError       **error)
{
  g_autofree char *quarter = cl_date_quarter (first);
  ClDay start, stop;

  /* whole quarters: the cadence is judged on each quarter the period touches */
  for (cl_date_parse_quarter (quarter, &start, &stop); start <= end;
       g_free (quarter), quarter = cl_date_quarter (stop + 1), cl_date_parse_quarter (quarter, &start, &stop))
    {
      int counts[2];

      if (!read_ints (store,
                      cl_store_query (store, error,
                                      "SELECT count(*), count(*) FILTER (WHERE decision <> 'undecided') "
                                      "FROM retros WHERE held_on BETWEEN ? AND ?",
                                      "dd", start, MIN (stop, today)),
                      counts, 2, error))
        return FALSE;
      if (counts[0] == 0 && start + RETRO_GRACE_DAYS > today)
        continue;
      h->expected++;
      h->ran += counts[0] > 0;
      h->with_output += counts[1] > 0;
    }
  h->output_of = h->ran;
  return TRUE;
}

/* The day the team started running its loops here: its first review,
 * session, plan or retrospective (deals imported from a CRM reach further
 * back), else its first deal. 0 when it has no deal. */
static gboolean
team_start (ClStore  *store,
            ClDay    *start,
            GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (store, error,
                                       "SELECT CASE WHEN EXISTS (SELECT 1 FROM deals) THEN coalesce (min (day), "
                                       "(SELECT min (created_on) FROM deals)) END FROM ("
                                       "SELECT min (held_on) AS day FROM reviews "
                                       "UNION ALL SELECT min (held_on) FROM coaching_sessions "
                                       "UNION ALL SELECT min (month) || '-01' FROM dev_plans "
                                       "UNION ALL SELECT min (held_on) FROM retros)", "");
  int rc;

  *start = 0;
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *start = cl_column_day (stmt, 0);
  return cl_store_query_done (store, stmt, rc, error);
}

gboolean
cl_loop_health_compute (ClStore       *store,
                        ClDay          first,
                        ClDay          last,
                        ClDay          today,
                        ClLoopHealth   health[CL_N_LOOPS],
                        GError       **error)
{
  ClDay end = MIN (last, today);
  ClDay start = 0;
  g_autofree char *from = NULL, *to = NULL;
  int n_reps[1];

  g_return_val_if_fail (first <= last, FALSE);
  memset (health, 0, sizeof (ClLoopHealth) * CL_N_LOOPS);
  if (!team_start (store, &start, error)
      || !read_ints (store, cl_store_query (store, error, "SELECT count(*) FROM reps WHERE NOT is_manager", ""),
                     n_reps, 1, error))
    return FALSE;
  /* nothing is due before the team's record starts */
  first = MAX (first, start);
  from = cl_date_format (first);
  to = cl_date_format (MAX (first, end));
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      health[i].loop = i;
      health[i].window = g_strdup_printf ("%s – %s", from, to);
    }
  /* a period to come, one before the team's record, or an empty workspace */
  if (first > end || start == 0 || n_reps[0] == 0)
    return TRUE;

  if (!pipeline_review (store, first, end, today, &health[CL_LOOP_PIPELINE_REVIEW], error)
      || !deal_coaching (store, first, end, &health[CL_LOOP_DEAL_COACHING], error)
      || !rep_development (store, first, end, today, &health[CL_LOOP_REP_DEVELOPMENT], error)
      || !strategy (store, first, end, today, &health[CL_LOOP_STRATEGY], error))
    {
      cl_loop_health_clear (health);
      return FALSE;
    }
  for (int i = 0; i < CL_N_LOOPS; i++)
    set_state (&health[i]);
  return TRUE;
}

double
cl_loop_health_ratio (const ClLoopHealth *health)
{
  return health->expected > 0 ? (double) health->ran / health->expected : 0;
}

gboolean
cl_loop_health_trend (ClStore      *store,
                      ClDay         today,
                      int           n_quarters,
                      GListModel   *series[CL_N_LOOPS],
                      GError      **error)
{
  GListStore *points[CL_N_LOOPS];
  gboolean ok = TRUE;

  for (int i = 0; i < CL_N_LOOPS; i++)
    points[i] = g_list_store_new (CL_TYPE_TREND_POINT);
  for (int q = n_quarters - 1; ok && q >= 0; q--)
    {
      g_autofree char *quarter = cl_date_quarter (cl_date_add_months (today, -3 * q));
      ClLoopHealth health[CL_N_LOOPS];
      ClDay first, last;

      cl_date_parse_quarter (quarter, &first, &last);
      ok = cl_loop_health_compute (store, first, last, today, health, error);
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

void
cl_loop_health_clear (ClLoopHealth health[CL_N_LOOPS])
{
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_clear_pointer (&health[i].window, g_free);
}

gboolean
cl_loop_health_is_hollow (const ClLoopHealth health[CL_N_LOOPS])
{
  gboolean fast_ran = health[CL_LOOP_PIPELINE_REVIEW].ran > 0 || health[CL_LOOP_STRATEGY].ran > 0;
  gboolean people_lapsed = health[CL_LOOP_DEAL_COACHING].state == CL_HEALTH_LAPSED
                           || health[CL_LOOP_REP_DEVELOPMENT].state == CL_HEALTH_LAPSED;

  return fast_ran && people_lapsed;
}

static const char * const loop_names[CL_N_LOOPS + 1] = {
  "pipeline_review", "deal_coaching", "rep_development", "strategy", NULL,
};

const char *
cl_loop_to_string (ClLoop loop)
{
  g_return_val_if_fail (loop < CL_N_LOOPS, NULL);
  return loop_names[loop];
}

int
cl_loop_from_string (const char *name)
{
  return cl_enum_from_string (loop_names, name);
}

const char *
cl_health_state_to_string (ClHealthState state)
{
  static const char * const names[] = { "no_data", "running", "slipping", "lapsed" };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), NULL);
  return names[state];
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
    case CL_HEALTH_SLIPPING: return _("Slipping");
    case CL_HEALTH_LAPSED: return _("Lapsed");
    }
  g_return_val_if_reached (NULL);
}

char *
cl_loop_health_describe (const ClLoopHealth *h)
{
  g_autofree char *beats = NULL;

  switch (h->loop)
    {
    case CL_LOOP_PIPELINE_REVIEW:
      /* Translators: weeks reviewed of weeks due */
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d week reviewed", "%d of %d weeks reviewed",
                                            h->expected), h->ran, h->expected);
      /* Translators: the beats, how many reviews decided something, the period */
      return g_strdup_printf (_("%s, %d with decisions (%s)"), beats, h->with_output, h->window);
    case CL_LOOP_DEAL_COACHING:
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d key deal coached to a next move",
                                            "%d of %d key deals coached to a next move", h->expected),
                               h->ran, h->expected);
      return g_strdup_printf (_("%s, %d followed up (%s)"), beats, h->with_output, h->window);
    case CL_LOOP_REP_DEVELOPMENT:
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d rep-month with a plan",
                                            "%d of %d rep-months with a plan", h->expected),
                               h->ran, h->expected);
      return g_strdup_printf (_("%s, %d of %d ended plans looked back (%s)"), beats, h->with_output,
                              h->output_of, h->window);
    case CL_LOOP_STRATEGY:
      beats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d quarter with a retrospective",
                                            "%d of %d quarters with a retrospective", h->expected),
                               h->ran, h->expected);
      return g_strdup_printf (_("%s, %d decided (%s)"), beats, h->with_output, h->window);
    case CL_N_LOOPS:
      break;
    }
  g_return_val_if_reached (NULL);
}
