/* cl-store-health.c — the counts loop health weighs: reviews, key deals
 * coached, development plans, retrospectives, and when the team started
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include "cl-store-private.h"

/* Steps @stmt once and reads its integer columns into @out (0 when it
 * has no row). */
static gboolean
read_ints (ClStore       *self,
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
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_list_reviewed_weeks:
 * @self: the workspace
 * @first_week: an ISO week, "2026-W45"
 * @last_week: an ISO week, included
 * @error: return location for a #GError, or %NULL
 *
 * Finds the weeks from @first_week to @last_week that a review was held
 * for, in one query.
 *
 * Returns: (transfer full) (nullable): week label (char *) → 1 when it was
 *   reviewed, 2 when a review of it decided something (GINT_TO_POINTER);
 *   %NULL with @error set when the store fails
 */
GHashTable *
cl_store_list_reviewed_weeks (ClStore     *self,
                              const char  *first_week,
                              const char  *last_week,
                              GError     **error)
{
  g_autoptr (GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* the week text sorts like the week, so BETWEEN selects them */
  stmt = cl_store_query (self, error,
                         "SELECT v.week, max(EXISTS (SELECT 1 FROM review_decisions d WHERE d.review_id = v.id)) "
                         "FROM reviews v WHERE v.week BETWEEN ? AND ? GROUP BY v.week",
                         "ss", first_week, last_week);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (weeks, cl_column_text (stmt, 0), GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&weeks);
}

/**
 * cl_store_count_key_deal_coaching:
 * @self: the workspace
 * @first: the first day of the period
 * @last: the last day of the period, included
 * @key_amount_cents: the amount, in cents, from which a deal is a key deal
 * @key_deals: (out): the key deals created by @last that are open now or
 *   had their status changed from @first on
 * @coached: (out): the key deals created by @last that a session held from
 *   @first to @last took to a next move
 * @followed_up: (out): of those, how many had that next move followed up
 * @error: return location for a #GError, or %NULL
 *
 * Counts the key deals of a period and the coaching they had, in two
 * queries. The counts are untouched when the store fails.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_count_key_deal_coaching (ClStore  *self,
                                  ClDay     first,
                                  ClDay     last,
                                  gint64    key_amount_cents,
                                  int      *key_deals,
                                  int      *coached,
                                  int      *followed_up,
                                  GError  **error)
{
  int counts[3];

  /* the key deals from the deals, the coached ones from the period's sessions */
  if (!read_ints (self,
                  cl_store_query (self, error,
                                  "SELECT count(*) FROM deals d WHERE d.amount_cents >= ?3 AND d.created_on <= ?2 "
                                  "AND (d.status = 'open' OR EXISTS (SELECT 1 FROM deal_events e "
                                  "  WHERE e.deal_id = d.id AND e.field = 'status' AND e.occurred_on >= ?1))",
                                  "ddI", first, last, key_amount_cents),
                  counts, 1, error)
      || !read_ints (self,
                     cl_store_query (self, error,
                                     "SELECT count(DISTINCT c.deal_id), "
                                     "count(DISTINCT c.deal_id) FILTER (WHERE c.follow_up <> 'pending') "
                                     "FROM coaching_sessions c JOIN deals d ON d.id = c.deal_id "
                                     "WHERE c.held_on BETWEEN ?1 AND ?2 AND c.next_move <> '' "
                                     "AND d.amount_cents >= ?3 AND d.created_on <= ?2",
                                     "ddI", first, last, key_amount_cents),
                     counts + 1, 2, error))
    return FALSE;
  *key_deals = counts[0];
  *coached = counts[1];
  *followed_up = counts[2];
  return TRUE;
}

/**
 * cl_store_count_dev_plans:
 * @self: the workspace
 * @first_month: "YYYY-MM"
 * @last_month: "YYYY-MM", included
 * @this_month: "YYYY-MM": the plans of the months before it have ended
 * @n_reps: (out): the reps development counts (neither managers nor gone)
 * @planned: (out): their plans for the months from @first_month to
 *   @last_month
 * @ended: (out): of those, the plans of months that ended
 * @looked_back: (out): of those, the plans looked back on
 * @error: return location for a #GError, or %NULL
 *
 * Counts the reps and their development plans over some months, in one
 * query. The counts are untouched when the store fails.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_count_dev_plans (ClStore     *self,
                          const char  *first_month,
                          const char  *last_month,
                          const char  *this_month,
                          int         *n_reps,
                          int         *planned,
                          int         *ended,
                          int         *looked_back,
                          GError     **error)
{
  int counts[4];

  if (!read_ints (self,
                  cl_store_query (self, error,
                                  "SELECT (SELECT count(*) FROM counted_reps), count(p.id), "
                                  "count(p.id) FILTER (WHERE p.month < ?3), "
                                  "count(p.id) FILTER (WHERE p.month < ?3 AND p.lookback <> 'none') "
                                  "FROM dev_plans p JOIN counted_reps r ON r.id = p.rep_id "
                                  "WHERE p.month BETWEEN ?1 AND ?2",
                                  "sss", first_month, last_month, this_month),
                  counts, 4, error))
    return FALSE;
  *n_reps = counts[0];
  *planned = counts[1];
  *ended = counts[2];
  *looked_back = counts[3];
  return TRUE;
}

/**
 * cl_store_count_quarter_retros:
 * @self: the workspace
 * @quarter: a quarter, "2026-Q4"
 * @held_by: retrospectives held after this day are left out
 * @held: (out): the retrospectives of @quarter held by @held_by
 * @decided: (out): of those, the ones that decided
 * @error: return location for a #GError, or %NULL
 *
 * Counts the retrospectives of @quarter, in one query. The counts are
 * untouched when the store fails.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_count_quarter_retros (ClStore     *self,
                               const char  *quarter,
                               ClDay        held_by,
                               int         *held,
                               int         *decided,
                               GError     **error)
{
  int counts[2];

  if (!read_ints (self,
                  cl_store_query (self, error,
                                  "SELECT count(*), count(*) FILTER (WHERE decision <> 'undecided') "
                                  "FROM retros WHERE quarter = ? AND held_on <= ?",
                                  "sd", quarter, held_by),
                  counts, 2, error))
    return FALSE;
  *held = counts[0];
  *decided = counts[1];
  return TRUE;
}

/**
 * cl_store_count_reps:
 * @self: the workspace
 * @n_reps: (out): how many reps are not managers, those who left included;
 *   untouched, or 0, when the store fails
 * @error: return location for a #GError, or %NULL
 *
 * Counts the reps who are not managers, in one query.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_count_reps (ClStore  *self,
                     int      *n_reps,
                     GError  **error)
{
  return read_ints (self, cl_store_query (self, error, "SELECT count(*) FROM reps WHERE NOT is_manager", ""),
                    n_reps, 1, error);
}

/**
 * cl_store_find_first_days:
 * @self: the workspace
 * @review: (out): the day of the first review held, 0 when none
 * @session: (out): the day of the first coaching session, 0 when none
 * @plan: (out): the first day of the month of the first development plan,
 *   0 when none
 * @retro: (out): the day the first retrospective was held, 0 when none
 * @deal: (out): the day the first deal was created, 0 when none
 * @error: return location for a #GError, or %NULL
 *
 * Finds when the team's record of each loop starts, in one query. All are
 * 0 when the store fails.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_find_first_days (ClStore  *self,
                          ClDay    *review,
                          ClDay    *session,
                          ClDay    *plan,
                          ClDay    *retro,
                          ClDay    *deal,
                          GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT (SELECT min (held_on) FROM reviews), "
                                       "(SELECT min (held_on) FROM coaching_sessions), "
                                       "(SELECT min (month) || '-01' FROM dev_plans), "
                                       "(SELECT min (held_on) FROM retros), "
                                       "(SELECT min (created_on) FROM deals)", "");
  ClDay *days[] = { review, session, plan, retro, deal };
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    *days[i] = 0;
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      *days[i] = cl_column_day (stmt, i);
  return cl_store_query_done (self, stmt, rc, error);
}
