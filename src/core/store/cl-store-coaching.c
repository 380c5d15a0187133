/* cl-store-coaching.c — coaching sessions, calls with transcripts, scorecards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

static const char * const trigger_names[] = {
  "key_deal", "stalled", "big_logo", "flagged", "other", NULL
};

/* ------------------------------------------------------------------ coaching sessions */

/**
 * cl_store_add_coaching_session:
 * @self: the workspace
 * @session: the session to add; its id is set on success
 * @error: return location for a #GError, or %NULL
 *
 * Adds a coaching session. Its text fields may be %NULL and are stored as
 * empty text.
 *
 * Returns: %TRUE on success; %FALSE with @error set, %CL_STORE_ERROR_INVALID
 *   when the trigger is not one of "key_deal", "stalled", "big_logo",
 *   "flagged" or "other"
 */
gboolean
cl_store_add_coaching_session (ClStore            *self,
                               ClCoachingSession  *session,
                               GError            **error)
{
  g_return_val_if_fail (CL_IS_COACHING_SESSION (session), FALSE);

  if (cl_enum_from_string (trigger_names, session->trigger) < 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a coaching trigger"),
                        session->trigger ? session->trigger : ""), FALSE;
  return cl_store_run (self, &session->id, error,
                       "INSERT INTO coaching_sessions (deal_id, coach_id, held_on, trigger, "
                       "evidence, gaps, blocker, next_move, next_move_with, action_id, follow_up, "
                       "follow_up_note, private_notes) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       "Irdssssssrsss", session->deal_id, session->coach_id, session->held_on,
                       session->trigger,
                       session->evidence ? session->evidence : "",
                       session->gaps ? session->gaps : "",
                       session->blocker ? session->blocker : "",
                       session->next_move ? session->next_move : "",
                       session->next_move_with ? session->next_move_with : "",
                       session->action_id,
                       cl_follow_up_to_string (session->follow_up),
                       session->follow_up_note ? session->follow_up_note : "",
                       session->private_notes ? session->private_notes : "");
}

/**
 * cl_store_set_follow_up:
 * @self: the workspace
 * @session_id: the coaching session's id
 * @follow_up: how the session's next move was followed up
 * @note: (nullable): a note on the follow-up, or %NULL for none
 * @error: return location for a #GError, or %NULL
 *
 * Records how the next move of a coaching session was followed up,
 * replacing the follow-up and note it had.
 *
 * Returns: %TRUE on success; %FALSE with @error set,
 *   %CL_STORE_ERROR_NOT_FOUND when there is no session @session_id
 */
gboolean
cl_store_set_follow_up (ClStore     *self,
                        gint64       session_id,
                        ClFollowUp   follow_up,
                        const char  *note,
                        GError     **error)
{
  if (!cl_store_run (self, NULL, error,
                     "UPDATE coaching_sessions SET follow_up = ?, follow_up_note = ? WHERE id = ?",
                     "ssI", cl_follow_up_to_string (follow_up), note ? note : "", session_id))
    return FALSE;
  return cl_store_changed_row (self, session_id, _("There is no coaching session %" PRId64), error);
}

/**
 * cl_store_add_coaching_evidence:
 * @self: the workspace
 * @session_id: the coaching session's id
 * @call_id: the id of a call the session looked at
 * @error: return location for a #GError, or %NULL
 *
 * Records that the session @session_id looked at the call @call_id.
 * Recording the same pair again is no error.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_add_coaching_evidence (ClStore  *self,
                                gint64    session_id,
                                gint64    call_id,
                                GError  **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT OR IGNORE INTO coaching_evidence (session_id, call_id) VALUES (?, ?)",
                       "II", session_id, call_id);
}

#define SESSION_COLUMNS                                                                 \
  "c.id, c.deal_id, c.coach_id, c.held_on, c.trigger, c.evidence, "                     \
  "c.gaps, c.blocker, c.next_move, c.action_id, c.follow_up, "                          \
  "c.follow_up_note, c.private_notes, d.name, c.next_move_with, "                       \
  "(SELECT count(*) FROM coaching_evidence e WHERE e.session_id = c.id), a.due_on "     \
  "FROM coaching_sessions c JOIN deals d ON d.id = c.deal_id "                          \
  "LEFT JOIN actions a ON a.id = c.action_id "

static GObject *
build_coaching_session (sqlite3_stmt *stmt)
{
  ClCoachingSession *session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);

  session->id = sqlite3_column_int64 (stmt, 0);
  session->deal_id = sqlite3_column_int64 (stmt, 1);
  session->coach_id = sqlite3_column_int64 (stmt, 2);
  session->held_on = cl_column_day (stmt, 3);
  session->trigger = cl_column_text (stmt, 4);
  session->evidence = cl_column_text (stmt, 5);
  session->gaps = cl_column_text (stmt, 6);
  session->blocker = cl_column_text (stmt, 7);
  session->next_move = cl_column_text (stmt, 8);
  session->action_id = sqlite3_column_int64 (stmt, 9);
  session->follow_up = cl_column_enum (stmt, 10, cl_follow_up_names);
  session->follow_up_note = cl_column_text (stmt, 11);
  session->private_notes = cl_column_text (stmt, 12);
  session->deal_name = cl_column_text (stmt, 13);
  session->next_move_with = cl_column_text (stmt, 14);
  session->n_evidence_calls = sqlite3_column_int (stmt, 15);
  session->next_move_due = cl_column_day (stmt, 16);
  return G_OBJECT (session);
}

/**
 * cl_store_list_coaching_sessions:
 * @self: the workspace
 * @deal_id: a deal's id, or 0 for every deal
 * @error: return location for a #GError, or %NULL
 *
 * Lists a deal's coaching sessions, or every session when @deal_id is 0,
 * the latest held first. Each comes with its deal's name, how many calls
 * it looked at and the due day of its next move's action.
 *
 * Returns: (transfer full) (nullable): a list of #ClCoachingSession, or
 *   %NULL with @error set
 */
GListModel *
cl_store_list_coaching_sessions (ClStore  *self,
                                 gint64    deal_id,
                                 GError  **error)
{
  return cl_store_list (self, CL_TYPE_COACHING_SESSION, build_coaching_session, error,
                        "SELECT " SESSION_COLUMNS "WHERE ? IN (0, c.deal_id) "
                        "ORDER BY c.held_on DESC, c.id DESC",
                        "I", deal_id);
}

/**
 * cl_store_list_rep_coaching_sessions:
 * @self: the workspace
 * @rep_id: the rep whose deals' sessions are listed, by the deals' owner now
 * @since: the first day included
 * @error: return location for a #GError, or %NULL
 *
 * Lists the coaching sessions held on or after @since on the deals @rep_id
 * owns, the latest held first.
 *
 * Returns: (transfer full) (nullable): a list of #ClCoachingSession, or
 *   %NULL with @error set
 */
GListModel *
cl_store_list_rep_coaching_sessions (ClStore  *self,
                                     gint64    rep_id,
                                     ClDay     since,
                                     GError  **error)
{
  return cl_store_list (self, CL_TYPE_COACHING_SESSION, build_coaching_session, error,
                        "SELECT " SESSION_COLUMNS "WHERE d.owner_id = ? AND c.held_on >= ? "
                        "ORDER BY c.held_on DESC, c.id DESC",
                        "Id", rep_id, since);
}

/**
 * cl_store_list_plan_evidence_sessions:
 * @self: the workspace
 * @plan_id: the development plan's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists the coaching sessions a development plan names as the pattern
 * behind it, the earliest held first.
 *
 * Returns: (transfer full) (nullable): a list of #ClCoachingSession, or
 *   %NULL with @error set
 */
GListModel *
cl_store_list_plan_evidence_sessions (ClStore  *self,
                                      gint64    plan_id,
                                      GError  **error)
{
  return cl_store_list (self, CL_TYPE_COACHING_SESSION, build_coaching_session, error,
                        "SELECT " SESSION_COLUMNS "JOIN dev_plan_evidence p ON p.session_id = c.id "
                        "WHERE p.plan_id = ? ORDER BY c.held_on, c.id",
                        "I", plan_id);
}

/**
 * cl_store_last_coached:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Finds the day of each deal's latest coaching session, in one query.
 * Deals never coached are not in the table.
 *
 * Returns: (transfer full) (nullable): deal id (gint64 *) → the #ClDay of
 *   its latest session (GINT_TO_POINTER), or %NULL with @error set
 */
GHashTable *
cl_store_last_coached (ClStore  *self,
                       GError  **error)
{
  g_autoptr (GHashTable) last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT deal_id, max(held_on) FROM coaching_sessions GROUP BY deal_id", "");
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deal_id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (last, g_memdup2 (&deal_id, sizeof deal_id),
                           GINT_TO_POINTER (cl_column_day (stmt, 1)));
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&last);
}

/* ------------------------------------------------------------------ calls */

/**
 * cl_store_add_call:
 * @self: the workspace
 * @call: the call to add; its id is set on success
 * @error: return location for a #GError, or %NULL
 *
 * Adds a call. Its transcript format is kept only with a transcript, and a
 * negative measure is stored as not measured.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_add_call (ClStore  *self,
                   ClCall   *call,
                   GError  **error)
{
  g_return_val_if_fail (CL_IS_CALL (call), FALSE);
  return cl_store_run (self, &call->id, error,
                       "INSERT INTO calls (rep_id, deal_id, held_on, title, transcript, "
                       "transcript_format, duration_s, talk_ratio, longest_monologue_s, "
                       "questions, switches_per_minute, patience_s) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       "Irdsssimmmmm", call->rep_id, call->deal_id, call->held_on,
                       call->title ? call->title : "", call->transcript,
                       call->transcript ? call->transcript_format : NULL, call->duration_s,
                       call->talk_ratio, (double) call->longest_monologue_s,
                       (double) call->questions, call->switches_per_minute, call->patience_s);
}

#define CALL_COLUMNS                                                                     \
  "c.id, c.rep_id, c.deal_id, c.held_on, c.title, c.transcript, c.transcript_format, "  \
  "c.duration_s, c.talk_ratio, c.longest_monologue_s, c.questions, "                    \
  "c.switches_per_minute, c.patience_s, r.name, "                                       \
  "(SELECT avg(score) FROM call_scores WHERE call_id = c.id) "                          \
  "FROM calls c JOIN reps r ON r.id = c.rep_id "

static GObject *
build_call (sqlite3_stmt *stmt)
{
  ClCall *call = g_object_new (CL_TYPE_CALL, NULL);

  call->id = sqlite3_column_int64 (stmt, 0);
  call->rep_id = sqlite3_column_int64 (stmt, 1);
  call->deal_id = sqlite3_column_int64 (stmt, 2);
  call->held_on = cl_column_day (stmt, 3);
  call->title = cl_column_text (stmt, 4);
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      call->transcript = cl_column_text (stmt, 5);
      call->transcript_format = cl_column_text (stmt, 6);
    }
  call->duration_s = sqlite3_column_int (stmt, 7);
  call->talk_ratio = cl_column_metric (stmt, 8);
  call->longest_monologue_s = (int) cl_column_metric (stmt, 9);
  call->questions = (int) cl_column_metric (stmt, 10);
  call->switches_per_minute = cl_column_metric (stmt, 11);
  call->patience_s = cl_column_metric (stmt, 12);
  call->rep_name = cl_column_text (stmt, 13);
  call->mean_score = sqlite3_column_double (stmt, 14);
  return G_OBJECT (call);
}

/**
 * cl_store_list_calls:
 * @self: the workspace
 * @deal_id: a deal's id, or 0 for every deal
 * @error: return location for a #GError, or %NULL
 *
 * Lists a deal's calls, or every call when @deal_id is 0, the latest held
 * first. Each comes with its rep's name and its mean scorecard score.
 *
 * Returns: (transfer full) (nullable): a list of #ClCall, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_calls (ClStore  *self,
                     gint64    deal_id,
                     GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "WHERE ? IN (0, c.deal_id) "
                        "ORDER BY c.held_on DESC, c.id DESC", "I", deal_id);
}

/**
 * cl_store_list_rep_calls:
 * @self: the workspace
 * @rep_id: the rep whose calls are listed
 * @since: the first day included
 * @error: return location for a #GError, or %NULL
 *
 * Lists @rep_id's calls held on or after @since, the latest held first.
 *
 * Returns: (transfer full) (nullable): a list of #ClCall, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_rep_calls (ClStore  *self,
                         gint64    rep_id,
                         ClDay     since,
                         GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "WHERE c.rep_id = ? AND c.held_on >= ? "
                        "ORDER BY c.held_on DESC, c.id DESC", "Id", rep_id, since);
}

/**
 * cl_store_list_plan_evidence_calls:
 * @self: the workspace
 * @plan_id: the development plan's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists the calls a development plan names as the pattern behind it, the
 * earliest held first.
 *
 * Returns: (transfer full) (nullable): a list of #ClCall, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_plan_evidence_calls (ClStore  *self,
                                   gint64    plan_id,
                                   GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "JOIN dev_plan_evidence p ON p.call_id = c.id "
                        "WHERE p.plan_id = ? ORDER BY c.held_on, c.id", "I", plan_id);
}

/**
 * cl_store_list_evidence_calls:
 * @self: the workspace
 * @session_id: the coaching session's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists the calls a coaching session looked at, the earliest held first.
 *
 * Returns: (transfer full) (nullable): a list of #ClCall, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_evidence_calls (ClStore  *self,
                              gint64    session_id,
                              GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "JOIN coaching_evidence e ON e.call_id = c.id "
                        "WHERE e.session_id = ? ORDER BY c.held_on, c.id", "I", session_id);
}

/**
 * cl_store_get_call:
 * @self: the workspace
 * @id: the call's id
 * @error: return location for a #GError, or %NULL
 *
 * Reads one call, with its rep's name and its mean scorecard score.
 *
 * Returns: (transfer full) (nullable): the call, or %NULL with @error set
 *   (%CL_STORE_ERROR_NOT_FOUND when no call has that id)
 */
ClCall *
cl_store_get_call (ClStore  *self,
                   gint64    id,
                   GError  **error)
{
  return cl_store_get_by_id (self, CL_TYPE_CALL, build_call, "SELECT " CALL_COLUMNS "WHERE c.id = ?", id,
                             _("There is no call with id %" PRId64 " in this workspace"), error);
}

/* ------------------------------------------------------------------ scores */

/**
 * cl_store_set_call_score:
 * @self: the workspace
 * @call_id: the call's id
 * @item_key: the key of a scorecard item
 * @score: the score, 1 to 5
 * @error: return location for a #GError, or %NULL
 *
 * Sets the score of a call on one scorecard item, replacing the score it
 * had.
 *
 * Returns: %TRUE on success; %FALSE with @error set:
 *   %CL_STORE_ERROR_INVALID for a score out of range,
 *   %CL_STORE_ERROR_NOT_FOUND when no scorecard item has @item_key
 */
gboolean
cl_store_set_call_score (ClStore     *self,
                         gint64       call_id,
                         const char  *item_key,
                         int          score,
                         GError     **error)
{
  if (score < 1 || score > 5)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("A scorecard score is 1 to 5, not %d"), score), FALSE;
  if (!cl_store_run (self, NULL, error,
                     "INSERT INTO call_scores (call_id, item_id, score) "
                     "SELECT ?, id, ? FROM scorecard_items WHERE key = ? "
                     "ON CONFLICT (call_id, item_id) DO UPDATE SET score = excluded.score",
                     "Iis", call_id, score, item_key))
    return FALSE;
  if (sqlite3_changes (cl_store_get_db (self)) == 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("There is no scorecard item “%s”"), item_key), FALSE;
  return TRUE;
}

/**
 * cl_store_get_call_score:
 * @self: the workspace
 * @call_id: the call's id
 * @item_key: the key of a scorecard item
 * @error: return location for a #GError, or %NULL
 *
 * Reads the score of a call on one scorecard item.
 *
 * Returns: the score, 1 to 5; 0 when the item is not scored on that call
 *   (or there is no such call or item); -1 with @error set when the store
 *   fails
 */
int
cl_store_get_call_score (ClStore     *self,
                         gint64       call_id,
                         const char  *item_key,
                         GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT s.score FROM call_scores s "
                                       "JOIN scorecard_items i ON i.id = s.item_id "
                                       "WHERE s.call_id = ? AND i.key = ?",
                                       "Is", call_id, item_key);
  int score = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    score = sqlite3_column_int (stmt, 0);
  return cl_store_query_done (self, stmt, rc, error) ? score : -1;
}

/* ------------------------------------------------------------------ trends */

static const char * const call_measure_sql[] = {
  [CL_CALL_MEASURE_SCORE] =
    "SELECT substr(c.held_on, 1, 7), avg(s.score), count(DISTINCT c.id) FROM calls c "
    "JOIN call_scores s ON s.call_id = c.id JOIN scorecard_items i ON i.id = s.item_id "
    "WHERE c.rep_id = ?1 AND c.held_on BETWEEN ?2 AND ?3 AND (?4 IS NULL OR i.key = ?4) "
    "GROUP BY 1",
  [CL_CALL_MEASURE_TALK_RATIO] =
    "SELECT substr(held_on, 1, 7), avg(talk_ratio), count(*) FROM calls "
    "WHERE rep_id = ?1 AND held_on BETWEEN ?2 AND ?3 AND talk_ratio IS NOT NULL "
    "GROUP BY 1",
  [CL_CALL_MEASURE_QUESTIONS] =
    "SELECT substr(held_on, 1, 7), avg(questions), count(*) FROM calls "
    "WHERE rep_id = ?1 AND held_on BETWEEN ?2 AND ?3 AND questions IS NOT NULL "
    "GROUP BY 1",
};

/**
 * cl_store_list_call_trend:
 * @self: the workspace
 * @rep_id: the rep whose calls are measured
 * @measure: what is averaged
 * @item_key: (nullable): the scorecard item %CL_CALL_MEASURE_SCORE is
 *   narrowed to, or %NULL for every item; the other measures ignore it
 * @first: the first day; its month is the first point
 * @last: the last day, included; not before @first
 * @error: return location for a #GError, or %NULL
 *
 * Averages @measure over @rep_id's calls held from @first to @last, month
 * by month, in one query. Every month from @first's to @last's has a
 * point, with n 0 and value 0 when none of its calls was measured.
 *
 * Returns: (transfer full) (nullable): a list of #ClTrendPoint, the
 *   earliest month first, or %NULL with @error set
 */
GListModel *
cl_store_list_call_trend (ClStore        *self,
                          gint64          rep_id,
                          ClCallMeasure   measure,
                          const char     *item_key,
                          ClDay           first,
                          ClDay           last,
                          GError        **error)
{
  g_autoptr (GListStore) points = g_list_store_new (CL_TYPE_TREND_POINT);
  g_autoptr (GHashTable) by_month = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (measure < G_N_ELEMENTS (call_measure_sql), NULL);
  g_return_val_if_fail (first <= last, NULL);

  for (ClDay month = cl_date_add_months (first, 0); month <= last; month = cl_date_add_months (month, 1))
    {
      ClTrendPoint *point = g_object_new (CL_TYPE_TREND_POINT, NULL);

      point->month = cl_date_month (month);
      g_hash_table_insert (by_month, point->month, point);
      g_list_store_append (points, point);
      g_object_unref (point);
    }

  /* only the score query reads ?4, the item */
  stmt = cl_store_query (self, error, call_measure_sql[measure],
                         measure == CL_CALL_MEASURE_SCORE ? "Idds" : "Idd",
                         rep_id, first, last, item_key);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClTrendPoint *point = g_hash_table_lookup (by_month, sqlite3_column_text (stmt, 0));

      if (point == NULL)
        continue;
      point->value = sqlite3_column_double (stmt, 1);
      point->n = sqlite3_column_int (stmt, 2);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&points));
}
