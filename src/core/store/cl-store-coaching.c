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

/* The sessions on @rep_id's deals held on or after @since, newest first. */
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

/* The sessions a development plan names as the pattern behind it. */
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

/* Deal id → the day of its latest coaching session (a ClDay in a pointer). */
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

GListModel *
cl_store_list_calls (ClStore  *self,
                     gint64    deal_id,
                     GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "WHERE ? IN (0, c.deal_id) "
                        "ORDER BY c.held_on DESC, c.id DESC", "I", deal_id);
}

/* @rep_id's calls held on or after @since, newest first. */
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

/* The calls a development plan names as the pattern behind it. */
GListModel *
cl_store_list_plan_evidence_calls (ClStore  *self,
                                   gint64    plan_id,
                                   GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "JOIN dev_plan_evidence p ON p.call_id = c.id "
                        "WHERE p.plan_id = ? ORDER BY c.held_on, c.id", "I", plan_id);
}

/* The calls a coaching session looked at. */
GListModel *
cl_store_list_evidence_calls (ClStore  *self,
                              gint64    session_id,
                              GError  **error)
{
  return cl_store_list (self, CL_TYPE_CALL, build_call, error,
                        "SELECT " CALL_COLUMNS "JOIN coaching_evidence e ON e.call_id = c.id "
                        "WHERE e.session_id = ? ORDER BY c.held_on, c.id", "I", session_id);
}

ClCall *
cl_store_get_call (ClStore  *self,
                   gint64    id,
                   GError  **error)
{
  return cl_store_get_by_id (self, CL_TYPE_CALL, build_call, "SELECT " CALL_COLUMNS "WHERE c.id = ?", id,
                             _("There is no call with id %" PRId64 " in this workspace"), error);
}

/* ------------------------------------------------------------------ scores */

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

/* Returns 0 when the item is not scored on that call. */
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
