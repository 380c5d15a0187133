/* cl-store-sync.c — what arrives through the team folder: a rep's drills
 * and closed actions merged into a manager's workspace, the actions a rep
 * marked done in their manager's brief, the briefs kept
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One writer per record: a merged drill stays the rep's (it carries their
 * identity and its id in their workspace), so the rep's next log replaces
 * it and nothing here edits it.
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cl-store-private.h"

/**
 * cl_action_done_free:
 * @done: (nullable) (transfer full): the record to free, or %NULL
 *
 * Frees @done with its strings.
 */
void
cl_action_done_free (ClActionDone *done)
{
  if (done == NULL)
    return;
  g_free (done->manager);
  g_free (done->note);
  g_free (done);
}

/**
 * cl_store_get_rep_identity:
 * @self: the workspace
 * @rep_id: the rep's id
 * @error: return location for a #GError, or %NULL
 *
 * Reads the identity @rep_id's files come from, pinned by the first
 * practice log merged from them.
 *
 * Returns: (transfer full) (nullable): the identity; %NULL without an error
 *   when none is known yet, or %NULL with @error set
 */
char *
cl_store_get_rep_identity (ClStore  *self,
                           gint64    rep_id,
                           GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT identity FROM rep_identities WHERE rep_id = ?", "I",
                                       rep_id);
  g_autofree char *identity = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    identity = cl_column_text (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&identity);
}

/* The rep whose files come from @identity, 0 for none, -1 on error. */
static gint64
identity_rep (ClStore     *self,
              const char  *identity,
              GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT rep_id FROM rep_identities WHERE identity = ?", "s",
                                       identity);
  gint64 rep_id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rep_id = sqlite3_column_int64 (stmt, 0);
  return cl_store_query_done (self, stmt, rc, error) ? rep_id : -1;
}

/* Pins @identity to @rep_id, or refuses one that is another's. */
static gboolean
check_identity (ClStore     *self,
                gint64       rep_id,
                const char  *identity,
                GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *pinned = cl_store_get_rep_identity (self, rep_id, &local);
  gint64 owner;

  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  if (pinned != NULL)
    return g_str_equal (pinned, identity)
             ? TRUE
             : (g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                             _("this rep's files come from the identity %s, not %s"), pinned, identity),
                FALSE);
  if ((owner = identity_rep (self, identity, error)) < 0)
    return FALSE;
  if (owner != 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                        _("the identity %s is another rep's"), identity), FALSE;
  return cl_store_run (self, NULL, error, "INSERT INTO rep_identities (rep_id, identity) VALUES (?, ?)", "Is",
                       rep_id, identity);
}

/* Adds or replaces one drill of the rep's log. */
static gboolean
merge_entry (ClStore          *self,
             gint64            rep_id,
             const char       *identity,
             ClPracticeEntry  *entry,
             ClPracticeMerge  *merge,
             GError          **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT id, rep_id = ?3 AND logged_on = ?4 AND focus = ?5 AND scenario = ?6 "
                                       "AND self_score = ?7 AND note = ?8 FROM practice_log "
                                       "WHERE origin = ?1 AND origin_entry = ?2",
                                       "sIIdssis", identity, entry->id, rep_id, entry->logged_on, entry->focus,
                                       entry->scenario ? entry->scenario : "", entry->self_score,
                                       entry->note ? entry->note : "");
  gint64 kept = 0;
  gboolean same = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      kept = sqlite3_column_int64 (stmt, 0);
      same = sqlite3_column_int (stmt, 1);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return FALSE;
  if (kept != 0 && same)
    {
      merge->n_unchanged++;
      return TRUE;
    }
  if (kept != 0)
    {
      merge->n_replaced++;
      return cl_store_run (self, NULL, error,
                           "UPDATE practice_log SET rep_id = ?, logged_on = ?, focus = ?, scenario = ?, "
                           "self_score = ?, note = ? WHERE id = ?",
                           "IdssisI", rep_id, entry->logged_on, entry->focus, entry->scenario ? entry->scenario : "",
                           entry->self_score, entry->note ? entry->note : "", kept);
    }
  merge->n_added++;
  return cl_store_run (self, NULL, error,
                       "INSERT INTO practice_log (rep_id, logged_on, focus, scenario, self_score, note, origin, "
                       "origin_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       "IdssissI", rep_id, entry->logged_on, entry->focus, entry->scenario ? entry->scenario : "",
                       entry->self_score, entry->note ? entry->note : "", identity, entry->id);
}

/* Removes the drills merged from @identity that its log no longer has. */
static gboolean
remove_missing (ClStore          *self,
                const char       *identity,
                GPtrArray        *entries,
                ClPracticeMerge  *merge,
                GError          **error)
{
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < entries->len; i++)
    {
      ClPracticeEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_add (present, g_memdup2 (&entry->id, sizeof entry->id));
    }
  stmt = cl_store_query (self, error, "SELECT id, origin_entry FROM practice_log WHERE origin = ?", "s", identity);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0), origin_entry = sqlite3_column_int64 (stmt, 1);

      if (!g_hash_table_contains (present, &origin_entry))
        g_array_append_val (gone, id);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < gone->len; i++)
    {
      if (!cl_store_run (self, NULL, error, "DELETE FROM practice_log WHERE id = ?", "I",
                         g_array_index (gone, gint64, i)))
        return FALSE;
      merge->n_removed++;
    }
  return TRUE;
}

/* Closes the action @done names, which must be @rep_id's. */
static gboolean
close_action (ClStore             *self,
              gint64               rep_id,
              const ClActionDone  *done,
              ClPracticeMerge     *merge,
              GError             **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT owner_id, done_on IS NULL FROM actions WHERE id = ?", "I",
                                       done->action_id);
  gint64 owner = 0;
  gboolean open = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      owner = sqlite3_column_int64 (stmt, 0);
      open = sqlite3_column_int (stmt, 1);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return FALSE;
  if (owner != rep_id)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("action %" PRId64 " is not one of this rep's actions"), done->action_id), FALSE;
  if (!open)
    return TRUE;
  merge->n_actions_closed++;
  return cl_store_run (self, NULL, error, "UPDATE actions SET done_on = ?, done_note = ? WHERE id = ?", "dsI",
                       done->done_on, done->note ? done->note : "", done->action_id);
}

/**
 * cl_store_merge_practice_log:
 * @self: the workspace
 * @rep_id: the rep the log is from
 * @identity: the rep's identity: pinned to @rep_id if none was, and refused
 *   (%CL_STORE_ERROR_CONSTRAINT) if another identity is, or if it is
 *   another rep's
 * @entries: (element-type ClPracticeEntry): the rep's full current set of
 *   drills, each entry's id the one it has in the rep's workspace
 * @actions_done: (element-type ClActionDone): the actions the rep closed;
 *   each must be an action of @rep_id's (else %CL_STORE_ERROR_INVALID,
 *   naming it)
 * @merge: (out caller-allocates): what the merge changed; all zeros on
 *   failure
 * @error: return location for a #GError, or %NULL
 *
 * Makes @rep_id's merged drills from @identity exactly @entries: new ones
 * added, changed ones replaced, those missing removed; closes the open
 * actions among @actions_done (one already done is left as it is). One
 * transaction: a refusal changes nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_merge_practice_log (ClStore          *self,
                             gint64            rep_id,
                             const char       *identity,
                             GPtrArray        *entries,
                             GPtrArray        *actions_done,
                             ClPracticeMerge  *merge,
                             GError          **error)
{
  gboolean ok;

  *merge = (ClPracticeMerge) { 0 };
  if (!cl_store_begin (self, error))
    return FALSE;
  ok = check_identity (self, rep_id, identity, error);
  for (guint i = 0; ok && i < entries->len; i++)
    ok = merge_entry (self, rep_id, identity, g_ptr_array_index (entries, i), merge, error);
  ok = ok && remove_missing (self, identity, entries, merge, error);
  for (guint i = 0; ok && i < actions_done->len; i++)
    ok = close_action (self, rep_id, g_ptr_array_index (actions_done, i), merge, error);
  if (!ok)
    {
      cl_store_rollback (self);
      *merge = (ClPracticeMerge) { 0 };
      return FALSE;
    }
  return cl_store_commit (self, error);
}

/**
 * cl_store_practice_entry_is_merged:
 * @self: the workspace
 * @entry_id: the drill's id
 * @error: return location for a #GError, or %NULL
 *
 * Tells whether a drill came from a rep's practice log, not this
 * workspace.
 *
 * Returns: %TRUE when it was merged; %FALSE when it was logged here, when
 *   there is no drill @entry_id, or with @error set when the store fails
 */
gboolean
cl_store_practice_entry_is_merged (ClStore  *self,
                                   gint64    entry_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT origin IS NOT NULL FROM practice_log WHERE id = ?", "I",
                                       entry_id);
  gboolean merged = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    merged = sqlite3_column_int (stmt, 0);
  return cl_store_query_done (self, stmt, rc, error) && merged;
}

/**
 * cl_store_mark_brief_action_done:
 * @self: the workspace
 * @done: the action done; its manager is the identity of the brief's
 *   manager and must be set
 * @error: return location for a #GError, or %NULL
 *
 * On a rep's side: records that the rep did the action of the brief from
 * @done's manager, or replaces what was recorded of it.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_mark_brief_action_done (ClStore             *self,
                                 const ClActionDone  *done,
                                 GError             **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT OR REPLACE INTO brief_actions_done (manager, action_id, done_on, note) "
                       "VALUES (?, ?, ?, ?)",
                       "sIds", done->manager, done->action_id, done->done_on, done->note ? done->note : "");
}

/**
 * cl_store_list_brief_actions_done:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists the actions of briefs marked done here, by manager then action.
 *
 * Returns: (transfer full) (nullable) (element-type ClActionDone): the
 *   actions, or %NULL with @error set
 */
GPtrArray *
cl_store_list_brief_actions_done (ClStore  *self,
                                  GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_action_done_free);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT manager, action_id, done_on, note FROM brief_actions_done "
                                       "ORDER BY manager, action_id", "");
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClActionDone *done = g_new0 (ClActionDone, 1);

      done->manager = cl_column_text (stmt, 0);
      done->action_id = sqlite3_column_int64 (stmt, 1);
      done->done_on = cl_column_day (stmt, 2);
      done->note = cl_column_text (stmt, 3);
      g_ptr_array_add (list, done);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * cl_store_get_library_document:
 * @self: the workspace
 * @format: the summary's format
 * @subject: as cl_summary_read () says it ("rep:Ana Okafor")
 * @error: return location for a #GError, or %NULL
 *
 * Reads the latest export of @format about @subject the team library
 * keeps, whoever exported it.
 *
 * Returns: (transfer full) (nullable): its text; %NULL without an error
 *   when there is none, or %NULL with @error set when the store fails
 */
char *
cl_store_get_library_document (ClStore     *self,
                               const char  *format,
                               const char  *subject,
                               GError     **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT document FROM library WHERE format = ? AND subject = ? "
                                       "ORDER BY exported_at DESC LIMIT 1",
                                       "ss", format, subject);
  g_autofree char *document = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    document = cl_column_text (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&document);
}
