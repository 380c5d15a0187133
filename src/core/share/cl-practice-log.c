/* cl-practice-log.c — "closeloop.practice-log": what a rep sends up, their
 * drills and the actions they closed, merged into their manager's workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log is the rep's full current set of drills, each with the id it has
 * in their workspace: merging it twice adds nothing, a corrected drill
 * replaces its earlier version, one no longer there was deleted.
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-export.h"
#include "cl-practice-log.h"
#include "cl-summary.h"
#include "cl-team-folder.h"
#include "cl-text.h"

/* bounds of what a log may hold */
#define MAX_ENTRIES   20000
#define MAX_ACTIONS   5000
#define MAX_TEXT      4000
#define MAX_KEY       64

/**
 * cl_practice_log_free:
 * @log: (nullable): a practice log
 *
 * Frees @log with its entries and actions. Does nothing for %NULL.
 */
void
cl_practice_log_free (ClPracticeLog *log)
{
  if (log == NULL)
    return;
  g_free (log->rep_name);
  g_free (log->rep_id);
  g_clear_pointer (&log->entries, g_ptr_array_unref);
  g_clear_pointer (&log->actions_done, g_ptr_array_unref);
  g_free (log);
}

/* ------------------------------------------------------------------ writing */

/**
 * cl_practice_log_own_rep:
 * @store: the workspace
 * @owner: the workspace's owner, a rep
 * @error: return location for a #GError, or %NULL
 *
 * Finds the owner on the workspace's roster under the name
 * cl_identity_author () gives, adding them when missing, so drills can be
 * logged in their own workspace.
 *
 * Returns: (transfer full) (nullable): the rep, or %NULL with @error set
 */
ClRep *
cl_practice_log_own_rep (ClStore           *store,
                         const ClIdentity  *owner,
                         GError           **error)
{
  const char *name = cl_identity_author (owner);
  g_autoptr (GError) local = NULL;
  ClRep *rep = cl_store_find_rep (store, name, &local);

  if (rep != NULL)
    return rep;
  if (!g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  rep = cl_rep_new (name);
  if (!cl_store_add_rep (store, rep, error))
    g_clear_object (&rep);
  return rep;
}

/**
 * cl_practice_log_build:
 * @store: the workspace
 * @owner: the workspace's owner, a rep
 * @error: return location for a #GError, or %NULL
 *
 * Builds the owner's practice log: every drill of theirs in this
 * workspace, oldest first (the full current set: one absent was deleted),
 * and the actions of their managers' briefs they marked done. Adds the
 * owner to the roster when missing, as cl_practice_log_own_rep () does.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
JsonNode *
cl_practice_log_build (ClStore           *store,
                       const ClIdentity  *owner,
                       GError           **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (ClRep) rep = cl_practice_log_own_rep (store, owner, error);
  g_autoptr (GListModel) entries = NULL;
  g_autoptr (GPtrArray) done = NULL;

  if (rep == NULL || (entries = cl_store_list_practice_entries (store, rep->id, NULL, error)) == NULL
      || (done = cl_store_list_brief_actions_done (store, error)) == NULL)
    return NULL;
  cl_export_begin_document (builder, CL_PRACTICE_LOG_FORMAT, 1);
  json_builder_set_member_name (builder, "rep");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "name", cl_identity_author (owner));
  cl_export_add_string (builder, "id", owner->id);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  /* oldest first: the log grows at its end */
  for (guint i = g_list_model_get_n_items (entries); i-- > 0; )
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (entries, i);

      json_builder_begin_object (builder);
      cl_export_add_int (builder, "id", entry->id);
      cl_export_add_day (builder, "date", entry->logged_on);
      cl_export_add_string (builder, "focus", entry->focus);
      cl_export_add_int (builder, "self_score", entry->self_score);
      cl_export_add_string (builder, "scenario", entry->scenario);
      cl_export_add_string (builder, "note", entry->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "actions_done");
  json_builder_begin_array (builder);
  for (guint i = 0; i < done->len; i++)
    {
      ClActionDone *action = g_ptr_array_index (done, i);

      json_builder_begin_object (builder);
      cl_export_add_int (builder, "id", action->action_id);
      cl_export_add_string (builder, "manager_id", action->manager);
      cl_export_add_day (builder, "done_on", action->done_on);
      cl_export_add_string (builder, "note", action->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * cl_practice_log_publish:
 * @store: the workspace
 * @published: (out) (optional) (transfer full) (nullable): the file
 *   written, %NULL when the workspace has no team folder or its owner is
 *   not a rep (nothing to send up, and no error)
 * @error: return location for a #GError, or %NULL
 *
 * Publishes the owner's practice log in their subfolder of the team
 * folder, making the owner first if there is none.
 *
 * Returns: %TRUE on success or when there is nothing to publish, %FALSE
 *   with @error set
 */
gboolean
cl_practice_log_publish (ClStore  *store,
                         char    **published,
                         GError  **error)
{
  g_autofree char *folder = cl_team_folder_get (store);
  g_autoptr (ClIdentity) owner = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *text = NULL;

  if (published != NULL)
    *published = NULL;
  if (folder == NULL)
    return TRUE;
  if ((owner = cl_identity_get (store, error)) == NULL)
    return FALSE;
  if (owner->role != CL_ROLE_REP)
    return TRUE;
  if ((document = cl_practice_log_build (store, owner, error)) == NULL)
    return FALSE;
  text = cl_export_to_text (document);
  return cl_team_folder_publish_to_store_folder (store, text, published, error);
}

/* ------------------------------------------------------------------ reading */

static ClPracticeEntry *
read_entry (JsonObject  *object,
            const char  *name,
            GError     **error)
{
  static const char * const members[] = { "id", "date", "focus", "self_score", "scenario", "note", NULL };
  g_autoptr (ClPracticeEntry) entry = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);
  const char *focus, *scenario, *note;
  gint64 id, score;

  if (!cl_summary_check_members (object, members, name, error)
      || !cl_summary_member_int (object, "id", 1, G_MAXINT64, &id, name, error)
      || !cl_summary_member_day (object, "date", FALSE, &entry->logged_on, name, error)
      || (focus = cl_summary_member_text (object, "focus", MAX_KEY, name, error)) == NULL
      || !cl_summary_member_int (object, "self_score", 1, 5, &score, name, error)
      || (scenario = cl_summary_member_text (object, "scenario", MAX_TEXT, name, error)) == NULL
      || (note = cl_summary_member_text (object, "note", MAX_TEXT, name, error)) == NULL)
    return NULL;
  if (*focus == '\0')
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE,
                        _("%s: a drill has no focus"), name), NULL;
  entry->id = id;
  entry->self_score = (int) score;
  entry->focus = g_strdup (focus);
  entry->scenario = g_strdup (scenario);
  entry->note = g_strdup (note);
  return g_steal_pointer (&entry);
}

static ClActionDone *
read_action_done (JsonObject  *object,
                  const char  *name,
                  GError     **error)
{
  static const char * const members[] = { "id", "manager_id", "done_on", "note", NULL };
  g_autoptr (GError) local = NULL;
  ClActionDone *done = g_new0 (ClActionDone, 1);
  const char *manager = NULL, *note = NULL;

  if (!cl_summary_check_members (object, members, name, &local)
      || !cl_summary_member_int (object, "id", 1, G_MAXINT64, &done->action_id, name, &local)
      || (manager = cl_summary_member_text (object, "manager_id", CL_IDENTITY_ID_LENGTH, name, &local)) == NULL
      || !cl_summary_member_day (object, "done_on", FALSE, &done->done_on, name, &local)
      || (note = cl_summary_member_text (object, "note", MAX_TEXT, name, &local)) == NULL)
    ;
  else if (!cl_identity_id_valid (manager))
    g_set_error (&local, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE,
                 _("%s: “manager_id” is not an identity of twelve hexadecimal digits"), name);
  if (local != NULL)
    {
      cl_action_done_free (done);
      return g_propagate_error (error, g_steal_pointer (&local)), NULL;
    }
  done->manager = g_strdup (manager);
  done->note = g_strdup (note);
  return done;
}

/**
 * cl_practice_log_read:
 * @data: (array length=length): the file's bytes
 * @length: the length of @data in bytes
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a practice log from outside: bounded in size and nesting before
 * it is parsed, every member checked (types, ranges, dates, lengths), no
 * member its format does not have (a plan, say), no two drills with one
 * id, and the rep its author (%CL_SUMMARY_ERROR_NOT_ITS_OWNER otherwise).
 *
 * Returns: (transfer full) (nullable): the log, or %NULL with @error set in
 *   %CL_SUMMARY_ERROR
 */
ClPracticeLog *
cl_practice_log_read (const char  *data,
                      gsize        length,
                      const char  *name,
                      GError     **error)
{
  static const char * const members[] = { "format", "version", "app_version", "exported_at", "exported_by",
                                          "rep", "entries", "actions_done", NULL };
  static const char * const rep_members[] = { "name", "id", NULL };
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (ClSummaryInfo) info = cl_summary_parse (data, length, name, &root, error);
  g_autoptr (ClPracticeLog) log = NULL;
  g_autoptr (GHashTable) ids = NULL;
  JsonObject *object, *rep;
  JsonArray *entries, *actions;
  const char *rep_name, *rep_id;

  if (info == NULL)
    return NULL;
  if (!g_str_equal (info->format, CL_PRACTICE_LOG_FORMAT))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                        _("%s is a “%s” document, not a practice log"), name, info->format), NULL;
  object = json_node_get_object (root);
  if (!cl_summary_check_members (object, members, name, error)
      || (rep = cl_summary_member_object (object, "rep", name, error)) == NULL
      || !cl_summary_check_members (rep, rep_members, name, error)
      || (rep_name = cl_summary_member_text (rep, "name", CL_IDENTITY_MAX_NAME, name, error)) == NULL
      || (rep_id = cl_summary_member_text (rep, "id", CL_IDENTITY_ID_LENGTH, name, error)) == NULL
      || (entries = cl_summary_member_array (object, "entries", MAX_ENTRIES, name, error)) == NULL
      || (actions = cl_summary_member_array (object, "actions_done", MAX_ACTIONS, name, error)) == NULL)
    return NULL;
  if (!cl_identity_id_valid (rep_id))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE,
                        _("%s: the rep's “id” is not an identity of twelve hexadecimal digits"), name), NULL;
  /* a practice log is its author's own */
  if (!g_str_equal (rep_name, info->exported_by))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER,
                        _("%s was exported by %s but is the practice log of %s; only a rep sends up their own"),
                        name, info->exported_by, rep_name), NULL;
  log = g_new0 (ClPracticeLog, 1);
  log->rep_name = g_strdup (rep_name);
  log->rep_id = g_strdup (rep_id);
  log->entries = g_ptr_array_new_with_free_func (g_object_unref);
  log->actions_done = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_action_done_free);
  ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      ClPracticeEntry *entry = read_entry (json_array_get_object_element (entries, i), name, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (log->entries, entry);
      if (!g_hash_table_add (ids, &entry->id))
        return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE,
                            _("%s: two drills have the id %" PRId64), name, entry->id), NULL;
    }
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      ClActionDone *done = read_action_done (json_array_get_object_element (actions, i), name, error);

      if (done == NULL)
        return NULL;
      g_ptr_array_add (log->actions_done, done);
    }
  return g_steal_pointer (&log);
}

/* ------------------------------------------------------------------ merging */

static gboolean
refuse (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER, message);
  return FALSE;
}

/**
 * cl_practice_log_merge:
 * @store: this manager's workspace
 * @log: a practice log read with cl_practice_log_read ()
 * @name: the file, as errors name it
 * @subfolder: the team-folder subfolder the file was in
 * @merge: (out caller-allocates): counts what the merge changed
 * @error: return location for a #GError, or %NULL
 *
 * Merges @log into this manager's workspace, one writer per record: it
 * must be in its rep's own subfolder (their name and identity), name a rep
 * on the team, come from the identity that rep's files came from before,
 * and close only that rep's actions; otherwise it is refused with
 * %CL_SUMMARY_ERROR_NOT_ITS_OWNER, naming @name, and nothing changes. A
 * drill whose focus is not one of the team's skills is refused with
 * %CL_SUMMARY_ERROR_BAD_VALUE. Actions of other managers' briefs are left
 * out.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_practice_log_merge (ClStore              *store,
                       const ClPracticeLog  *log,
                       const char           *name,
                       const char           *subfolder,
                       ClPracticeMerge      *merge,
                       GError              **error)
{
  g_autoptr (ClIdentity) owner = cl_identity_get (store, error);
  g_autoptr (ClRep) rep = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();
  g_autoptr (GListModel) skills = NULL;
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *name_part = NULL, *folder_id = NULL, *person = NULL;

  if (owner == NULL)
    return FALSE;
  name_part = cl_team_folder_split_person (subfolder, &folder_id);
  person = cl_team_folder_person (log->rep_name);
  if (folder_id == NULL || !g_str_equal (folder_id, log->rep_id) || !g_str_equal (name_part, person))
    return refuse (error, _("%s is the practice log of %s (%s) but is in the subfolder %s, not theirs; "
                            "it was not merged"), name, log->rep_name, log->rep_id, subfolder);
  rep = cl_store_find_rep (store, log->rep_name, &local);
  if (rep == NULL && !g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  if (rep == NULL || rep->is_manager)
    return refuse (error, _("%s is the practice log of %s, who is not a rep on this team; it was not merged"),
                   name, log->rep_name);
  if ((skills = cl_store_list_team_list (store, CL_TEAM_LIST_SKILLS, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      ClTeamListItem *skill = g_list_model_get_item (skills, i);

      g_hash_table_add (keys, skill->key);
      g_object_unref (skill);   /* the list keeps it */
    }
  for (guint i = 0; i < log->entries->len; i++)
    {
      ClPracticeEntry *entry = g_ptr_array_index (log->entries, i);

      if (!g_hash_table_contains (keys, entry->focus))
        return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE,
                            _("%s: “%s” is not one of the team's skills; it was not merged"), name,
                            entry->focus), FALSE;
    }
  /* only the actions of this workspace's own briefs */
  for (guint i = 0; i < log->actions_done->len; i++)
    {
      ClActionDone *done = g_ptr_array_index (log->actions_done, i);

      if (g_str_equal (done->manager, owner->id))
        g_ptr_array_add (mine, done);
    }
  if (!cl_store_merge_practice_log (store, rep->id, log->rep_id, log->entries, mine, merge, &local))
    {
      if (g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT)
          || g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_INVALID))
        return refuse (error, _("%s claims to be %s’s practice log, but %s; it was not merged"), name,
                       log->rep_name, local->message);
      return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
    }
  return TRUE;
}

/**
 * cl_practice_merge_describe:
 * @rep_name: the rep whose log was merged
 * @merge: the counts of the merge
 *
 * Describes a merge for people, such as "Ana Okafor’s practice log: 3
 * drills added, 1 replaced, 0 removed, 2 unchanged, 1 actions closed".
 * The name is isolated for bidirectional text.
 *
 * Returns: (transfer full): the description
 */
char *
cl_practice_merge_describe (const char             *rep_name,
                            const ClPracticeMerge  *merge)
{
  g_autofree char *who = cl_text_isolate (rep_name);

  /* Translators: a rep, then counts of drills and actions */
  return g_strdup_printf (_("%s’s practice log: %u drills added, %u replaced, %u removed, %u unchanged, "
                            "%u actions closed"), who, merge->n_added, merge->n_replaced, merge->n_removed,
                          merge->n_unchanged, merge->n_actions_closed);
}
