/* cl-team-folder.c — a folder the team already syncs: each person publishes
 * their summaries in a subfolder of their own and reads everyone else's
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is <folder>/<person>/<kind>-<subject>.closeloop.json (any
 * other .json is read too: older versions wrote <kind>-<subject>.json); a
 * second-line manager's folder may also hold whole teams' folders,
 * <folder>/<team>/<person>/<kind>-<subject>.closeloop.json, read one level
 * down with the same rule: a summary is the person's whose subfolder it is
 * in. Closeloop writes
 * only in the user's own subfolder, with an atomic rename, so a teammate
 * never reads half a file from it; from the others it reads only names a
 * finished summary has — not a sync tool's temporary or partial file, not
 * an atomic write's temporary, not a sync-conflict copy.
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cl-export.h"
#include "cl-file.h"
#include "cl-identity.h"
#include "cl-practice-log.h"
#include "cl-rep-brief.h"
#include "cl-summary.h"
#include "cl-team-folder.h"
#include "cl-text.h"

#define SETTING_KEY "team_folder"
/* events closer together than this are one change */
#define SETTLE_MS 400

/**
 * cl_team_folder_error_quark:
 *
 * The error domain of the team folder, %CL_TEAM_FOLDER_ERROR.
 *
 * Returns: the #GQuark of #ClTeamFolderError
 */
G_DEFINE_QUARK (cl-team-folder-error-quark, cl_team_folder_error)

/* ------------------------------------------------------------------ names */

/**
 * cl_team_folder_person:
 * @exported_by: a person's name, as a summary's "exported_by" gives it
 *
 * Names the subfolder a person publishes in: their name, trimmed and made
 * safe as a file name ("Ana Okafor" stays, "a/b" becomes "a_b", a leading
 * dot goes).
 *
 * Returns: (transfer full): the subfolder's name
 */
char *
cl_team_folder_person (const char *exported_by)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (exported_by));

  return cl_file_safe_name (trimmed);
}

/**
 * cl_team_folder_person_with_id:
 * @name: the person's name
 * @id: the person's identity (cl-identity.h)
 *
 * Names the subfolder of a person who has an id: their name made safe as
 * cl_team_folder_person () does, then the id in brackets, "Ana Okafor
 * (3f9a0c12be47)".
 *
 * Returns: (transfer full): the subfolder's name
 */
char *
cl_team_folder_person_with_id (const char *name,
                               const char *id)
{
  g_autofree char *person = cl_team_folder_person (name);

  return g_strdup_printf ("%s (%s)", person, id);
}

/**
 * cl_team_folder_split_person:
 * @subfolder: a subfolder's name
 * @id: (out) (transfer full) (nullable): set to the person's id, or to
 *   %NULL for a subfolder named by the name alone, as before ids
 *
 * Splits a subfolder's name into the person's name part and their id, as
 * cl_team_folder_person_with_id () joined them. A bracketed suffix that is
 * not a valid id stays in the name part.
 *
 * Returns: (transfer full): the name part
 */
char *
cl_team_folder_split_person (const char  *subfolder,
                             char       **id)
{
  gsize length = strlen (subfolder);
  /* " (" the id ")" */
  gsize suffix = CL_IDENTITY_ID_LENGTH + 3;

  *id = NULL;
  if (length > suffix && g_str_has_suffix (subfolder, ")")
      && strncmp (subfolder + length - suffix, " (", 2) == 0)
    {
      g_autofree char *candidate = g_strndup (subfolder + length - suffix + 2, CL_IDENTITY_ID_LENGTH);

      if (cl_identity_id_valid (candidate))
        {
          *id = g_steal_pointer (&candidate);
          return g_strndup (subfolder, length - suffix);
        }
    }
  return g_strdup (subfolder);
}

/**
 * cl_team_folder_own_person:
 * @store: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Names the workspace owner's own subfolder (cl_identity_subfolder ()),
 * making the owner on first use.
 *
 * Returns: (transfer full) (nullable): the subfolder's name, or %NULL with
 *   @error set
 */
char *
cl_team_folder_own_person (ClStore  *store,
                           GError  **error)
{
  g_autoptr (ClIdentity) identity = cl_identity_get (store, error);

  return identity != NULL ? cl_identity_subfolder (identity) : NULL;
}

/**
 * cl_team_folder_ignores:
 * @name: a file's name, without its folder
 *
 * Tells whether a file of the team folder is never read: one a sync tool
 * or an atomic write is still writing, a sync-conflict copy, a hidden
 * file, or no summary at all (not .json).
 *
 * Returns: %TRUE when the file is to be left alone, %FALSE when it may be
 *   a summary
 */
gboolean
cl_team_folder_ignores (const char *name)
{
  static const char * const temporary_endings[] = {
    "~", ".tmp", ".temp", ".part", ".partial", ".crdownload", ".swp", ".!sync", ".download",
  };
  static const char * const conflict_marks[] = {
    ".sync-conflict-",        /* Syncthing */
    "conflicted copy",        /* Nextcloud, ownCloud, Dropbox */
    "_conflict-",             /* ownCloud */
    "(conflict",              /* Seafile, and others */
  };
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (name[0] == '.' || name[0] == '~' || name[0] == '#')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (temporary_endings); i++)
    if (g_str_has_suffix (folded, temporary_endings[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (conflict_marks); i++)
    if (strstr (folded, conflict_marks[i]) != NULL)
      return TRUE;
  /* an atomic write's temporary is "name.json.XXXXXX": not a .json */
  return !g_str_has_suffix (folded, ".json");
}

/* ------------------------------------------------------------------ the setting */

/**
 * cl_team_folder_get:
 * @store: the workspace
 *
 * Reads the workspace's team folder setting.
 *
 * Returns: (transfer full) (nullable): the folder's path, or %NULL when
 *   none is chosen
 */
char *
cl_team_folder_get (ClStore *store)
{
  char *folder = cl_store_get_setting_text (store, SETTING_KEY);

  if (folder != NULL && *folder == '\0')
    g_clear_pointer (&folder, g_free);
  return folder;
}

/**
 * cl_team_folder_check:
 * @path: a folder to share through
 * @error: return location for a #GError, or %NULL
 *
 * Whether @path can be a team folder: an absolute path to an existing
 * folder one can write in.
 *
 * Returns: %TRUE when it can, %FALSE with @error set
 *   (%CL_TEAM_FOLDER_ERROR_NOT_FOLDER)
 */
gboolean
cl_team_folder_check (const char  *path,
                      GError     **error)
{
  if (!g_path_is_absolute (path) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_set_error (error, CL_TEAM_FOLDER_ERROR, CL_TEAM_FOLDER_ERROR_NOT_FOLDER,
                        _("“%s” is not a folder"), path), FALSE;
  if (g_access (path, W_OK | X_OK) != 0)
    return g_set_error (error, CL_TEAM_FOLDER_ERROR, CL_TEAM_FOLDER_ERROR_NOT_FOLDER,
                        _("The folder “%s” cannot be written in"), path), FALSE;
  return TRUE;
}

/**
 * cl_team_folder_set:
 * @store: the workspace
 * @path: (nullable): the folder, or %NULL for none
 * @error: return location for a #GError, or %NULL
 *
 * Chooses @path as the workspace's team folder, or none with %NULL.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%CL_TEAM_FOLDER_ERROR_NOT_FOLDER when @path is not an absolute path
 *   to an existing folder one can write in)
 */
gboolean
cl_team_folder_set (ClStore     *store,
                    const char  *path,
                    GError     **error)
{
  if (path != NULL && !cl_team_folder_check (path, error))
    return FALSE;
  return cl_store_set_setting_text (store, SETTING_KEY, path != NULL ? path : "", error);
}

/* ------------------------------------------------------------------ publishing */

/* The file name of a summary in its author's subfolder: its kind and
 * subject, made safe, then @extension, shortened to @name_max bytes (a
 * long subject keeps a digest of the whole, so shortened names stay
 * apart). */
static char *
summary_file_name (const ClSummaryInfo *info,
                   const char          *extension,
                   gsize                name_max)
{
  /* "deal:Acme", "rep:Ana:2026-11": the kind is in the file name already */
  const char *subject = strchr (info->subject, ':') != NULL ? strchr (info->subject, ':') + 1 : info->subject;
  g_autofree char *stem = g_strdup_printf ("%s-%s", info->format + strlen ("closeloop."), subject);
  g_autofree char *name = cl_file_safe_name (stem);
  g_autofree char *digest = NULL;
  gsize keep;

  if (strlen (name) + strlen (extension) <= name_max)
    return g_strconcat (name, extension, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  /* "-" and eight hex digits of the digest follow the shortened stem */
  keep = name_max - strlen (extension) - 9;
  while (keep > 0 && (name[keep] & 0xC0) == 0x80)
    keep--;   /* not inside a character */
  name[keep] = '\0';
  digest[8] = '\0';
  return g_strdup_printf ("%s-%s%s", name, digest, extension);
}

/**
 * cl_team_folder_publish_as:
 * @folder: the team folder
 * @subfolder: (nullable): the subfolder to write in, made when missing;
 *   %NULL for the one named by the author's name alone
 * @text: an exported summary, as cl_export_to_text () wrote it
 * @published: (out) (optional) (transfer full): set to the file's path on
 *   success
 * @error: return location for a #GError, or %NULL
 *
 * Writes @text into its author's subfolder of @folder, atomically and
 * 0600, under a name made of its kind and subject, so a newer export of
 * the same summary replaces the file; the name older versions used is
 * removed. The name part of @subfolder (cl_team_folder_split_person ())
 * must be the summary's author.
 *
 * Returns: %TRUE on success, %FALSE with @error set: the folder cannot be
 *   written in, @text is no summary, it holds private notes
 *   (%CL_SUMMARY_ERROR_PRIVATE), its author is not @subfolder's
 *   (%CL_SUMMARY_ERROR_NOT_ITS_AUTHOR), or it cannot be written
 */
gboolean
cl_team_folder_publish_as (const char  *folder,
                           const char  *subfolder,
                           const char  *text,
                           char       **published,
                           GError     **error)
{
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autofree char *person = NULL, *name = NULL, *old_name = NULL, *name_part = NULL, *id = NULL;
  g_autoptr (GError) removing = NULL;

  if (!cl_team_folder_check (folder, error)
      || (info = cl_summary_read (text, strlen (text), _("The summary"), error)) == NULL)
    return FALSE;
  if (info->private_notes)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_PRIVATE,
                        _("The summary holds private notes: it is not published in the team folder")), FALSE;
  person = cl_team_folder_person (info->exported_by);
  if (subfolder != NULL)
    {
      /* a summary belongs to the subfolder it is in: its author must be the one it names */
      name_part = cl_team_folder_split_person (subfolder, &id);
      if (!g_str_equal (name_part, person))
        return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_AUTHOR,
                            _("The summary names %s as its author, not the owner of %s"), info->exported_by,
                            subfolder), FALSE;
      g_free (person);
      person = g_strdup (subfolder);
    }
  name = summary_file_name (info, CL_EXPORT_FILE_EXTENSION, cl_file_name_max (folder));
  if (!cl_file_write_below (folder, person, name, text, strlen (text), error))
    return FALSE;
  /* the name older versions published it under: gone, so nobody reads
   * its older content beside this (a practice log merged twice, the older last) */
  old_name = summary_file_name (info, ".json", cl_file_name_max (folder));
  if (!cl_file_remove_below (folder, person, old_name, &removing))
    g_warning ("%s", removing->message);
  if (published != NULL)
    *published = g_build_filename (folder, person, name, NULL);
  return TRUE;
}

/**
 * cl_team_folder_publish:
 * @folder: the team folder
 * @text: an exported summary, as cl_export_to_text () wrote it
 * @published: (out) (optional) (transfer full): set to the file's path on
 *   success
 * @error: return location for a #GError, or %NULL
 *
 * Writes @text into the exporter's own subfolder of @folder, the one named
 * by their name alone, as cl_team_folder_publish_as () does.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_team_folder_publish (const char  *folder,
                        const char  *text,
                        char       **published,
                        GError     **error)
{
  return cl_team_folder_publish_as (folder, NULL, text, published, error);
}

/* The workspace's team folder, or an UNSET error. */
static char *
store_folder (ClStore  *store,
              GError  **error)
{
  char *folder = cl_team_folder_get (store);

  if (folder == NULL)
    g_set_error (error, CL_TEAM_FOLDER_ERROR, CL_TEAM_FOLDER_ERROR_UNSET,
                 _("No team folder is chosen (Preferences → Sharing, or "
                   "closeloop team-folder set PATH)"));
  return folder;
}

/**
 * cl_team_folder_publish_to_store_folder:
 * @store: the workspace
 * @text: an exported summary, as cl_export_to_text () wrote it
 * @published: (out) (optional) (transfer full): set to the file's path on
 *   success
 * @error: return location for a #GError, or %NULL
 *
 * Writes @text into the workspace owner's subfolder of its team folder
 * (cl_team_folder_own_person ()), as cl_team_folder_publish_as () does,
 * making the owner on first use.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%CL_TEAM_FOLDER_ERROR_UNSET when no team folder is chosen)
 */
gboolean
cl_team_folder_publish_to_store_folder (ClStore    *store,
                                        const char *text,
                                        char      **published,
                                        GError    **error)
{
  g_autofree char *folder = store_folder (store, error);
  g_autofree char *own = NULL;

  if (folder == NULL || (own = cl_team_folder_own_person (store, error)) == NULL)
    return FALSE;
  return cl_team_folder_publish_as (folder, own, text, published, error);
}

/**
 * cl_team_folder_save_document:
 * @store: the workspace
 * @document: an exported summary
 * @path: where to save it
 * @published: (out): set to whether it was also published in the team
 *   folder
 * @error: return location for a #GError, or %NULL
 *
 * Saves @document at @path (atomically, 0600) and, when the workspace has
 * a team folder, publishes it in the owner's subfolder there.
 *
 * Returns: %TRUE on success, %FALSE with @error set; when only publishing
 *   failed, the file stays saved and the message says so
 */
gboolean
cl_team_folder_save_document (ClStore    *store,
                              JsonNode   *document,
                              const char *path,
                              gboolean   *published,
                              GError    **error)
{
  g_autofree char *folder = cl_team_folder_get (store);
  g_autofree char *text = cl_export_to_text (document);
  g_autoptr (GError) local = NULL;

  *published = FALSE;
  if (!cl_file_write (path, text, strlen (text), error))
    return FALSE;
  if (folder == NULL)
    return TRUE;
  if (!cl_team_folder_publish_to_store_folder (store, text, NULL, &local))
    return g_set_error (error, local->domain, local->code, _("Saved, but not published in the team folder: %s"),
                        local->message), FALSE;
  *published = TRUE;
  return TRUE;
}

/* ------------------------------------------------------------------ reading */

/**
 * cl_team_folder_sync_free:
 * @sync: (nullable): the outcome of a sync
 *
 * Frees @sync and its lists. Does nothing for %NULL.
 */
void
cl_team_folder_sync_free (ClTeamFolderSync *sync)
{
  if (sync == NULL)
    return;
  g_ptr_array_unref (sync->arrived);
  g_ptr_array_unref (sync->failures);
  g_ptr_array_unref (sync->merged);
  g_free (sync);
}

static ClTeamFolderSync *
sync_new (void)
{
  ClTeamFolderSync *sync = g_new0 (ClTeamFolderSync, 1);

  sync->arrived = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_summary_info_free);
  sync->failures = g_ptr_array_new_with_free_func (g_free);
  sync->merged = g_ptr_array_new_with_free_func (g_free);
  return sync;
}

/* What @seen remembers of a file: its size and time. */
static char *
file_stamp (GFileInfo *info)
{
  return g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GUINT64_FORMAT, g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));
}

/* Whether a failure is the file's own (not a summary, too large, not a
 * file), to be read again only once it changes; any other (the workspace
 * busy, the disk full) passes, and the next sync tries again. */
static gboolean
fails_by_itself (const GError *error)
{
  return error->domain == CL_SUMMARY_ERROR
         || g_error_matches (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR)
         || g_error_matches (error, CL_FILE_ERROR, CL_FILE_ERROR_TOO_LARGE);
}

/* A rep's practice log, merged into a manager's workspace (a rep's own
 * workspace leaves a teammate's alone); says what it changed in @sync. */
static gboolean
merge_practice_log (ClStore           *store,
                    const ClIdentity  *owner,
                    const char        *data,
                    const char        *name,
                    const char        *person,
                    ClTeamFolderSync  *sync,
                    GError           **error)
{
  g_autoptr (ClPracticeLog) log = NULL;
  ClPracticeMerge merge;

  if (owner->role != CL_ROLE_MANAGER)
    return TRUE;
  if ((log = cl_practice_log_read (data, strlen (data), name, error)) == NULL
      || !cl_practice_log_merge (store, log, name, person, &merge, error))
    return FALSE;
  g_ptr_array_add (sync->merged, cl_practice_merge_describe (log->rep_name, &merge));
  return TRUE;
}

/* A manager's brief: kept (in the library) only by the rep it is to, and
 * only from the manager's own subfolder; says whether to keep it. */
static gboolean
accept_brief (ClStore           *store,
              const ClIdentity  *owner,
              const char        *data,
              const char        *name,
              const char        *person,
              gboolean          *keep,
              GError           **error)
{
  g_autoptr (ClRepBrief) brief = cl_rep_brief_read (data, strlen (data), name, error);

  *keep = FALSE;
  if (brief == NULL || !cl_rep_brief_check_author (store, brief, name, person, error))
    return FALSE;
  *keep = g_str_equal (brief->rep_name, cl_identity_author (owner));
  return TRUE;
}

/* Reads one teammate's file from @person's subfolder and keeps it: a
 * summary there is @person's, and one that names someone else is refused,
 * so nobody's file ever replaces another person's summary. A brief or a
 * practice log is a record with one writer: checked as such, the brief
 * kept by the rep it is to, the log merged. */
static ClSummaryInfo *
import_from (ClStore           *store,
             const char        *path,
             const char        *person,
             ClTeamFolderSync  *sync,
             ClSummaryOutcome  *outcome,
             GError           **error)
{
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autofree char *data = cl_summary_load (path, &info, error);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *author = NULL, *name_part = NULL, *id = NULL;

  if (data == NULL)
    return NULL;
  author = cl_team_folder_person (info->exported_by);
  /* "Ana Okafor (3f9a0c12be47)", or "Ana Okafor" as before ids */
  name_part = cl_team_folder_split_person (person, &id);
  if (!g_str_equal (author, name_part))
    /* Translators: a file in the team folder, then who it names, then whose subfolder it is in */
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_AUTHOR,
                        _("%s names %s as its author but is in %s’s subfolder; it was not kept"), name,
                        info->exported_by, person), NULL;
  if (g_str_equal (info->format, CL_PRACTICE_LOG_FORMAT) || g_str_equal (info->format, CL_REP_BRIEF_FORMAT))
    {
      g_autoptr (ClIdentity) owner = cl_identity_get (store, error);
      gboolean keep = FALSE;

      if (owner == NULL)
        return NULL;
      if (g_str_equal (info->format, CL_PRACTICE_LOG_FORMAT)
          ? !merge_practice_log (store, owner, data, name, person, sync, error)
          : !accept_brief (store, owner, data, name, person, &keep, error))
        return NULL;
      if (!keep)
        {
          *outcome = CL_SUMMARY_ALREADY_KEPT;
          return g_steal_pointer (&info);
        }
    }
  if (!cl_summary_keep (store, info, data, name, TRUE, outcome, error))
    return NULL;
  return g_steal_pointer (&info);
}

/* Imports one teammate's file; says whether it is done with until it
 * changes. */
static gboolean
import_one (ClStore          *store,
            const char       *path,
            const char       *person,
            const char       *shown_as,
            ClTeamFolderSync *sync)
{
  g_autoptr (GError) error = NULL;
  ClSummaryOutcome outcome = CL_SUMMARY_ALREADY_KEPT;
  ClSummaryInfo *info = import_from (store, path, person, sync, &outcome, &error);

  if (info == NULL && g_error_matches (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_OLDER))
    sync->n_unchanged++;
  else if (info == NULL)
    {
      g_autofree char *file = cl_text_isolate (shown_as);

      g_ptr_array_add (sync->failures, g_strdup_printf ("%s: %s", file, error->message));
      return fails_by_itself (error);
    }
  else if (outcome == CL_SUMMARY_ALREADY_KEPT)
    {
      sync->n_unchanged++;
      cl_summary_info_free (info);
    }
  else
    {
      if (outcome == CL_SUMMARY_ADDED)
        sync->n_added++;
      else
        sync->n_replaced++;
      g_ptr_array_add (sync->arrived, info);
    }
  return TRUE;
}

static void sync_subfolder (ClStore *store, GFile *folder, const char *name, const char *shown_in,
                            const char *own_person, GHashTable *seen, ClTeamFolderSync *sync, gboolean nested);

/* Reads the summaries in @subfolder, @person's; shown as @shown_in.
 * @nested: @subfolder may be a whole team's folder (a second-line
 * manager's folder holds each team's), so its own subfolders are read as
 * its people's, but for @own_person's. */
static gboolean
sync_person (ClStore          *store,
             GFile            *subfolder,
             const char       *person,
             const char       *shown_in,
             const char       *own_person,
             gboolean          nested,
             GHashTable       *seen,
             ClTeamFolderSync *sync,
             GError          **error)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GError) reading = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (subfolder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;
  while (g_file_enumerator_iterate (children, &info, NULL, NULL, &reading) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr (GFile) file = NULL;
      g_autofree char *path = NULL, *shown_as = NULL, *stamp = NULL;

      if (nested && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          sync_subfolder (store, subfolder, name, shown_in, own_person, seen, sync, FALSE);
          continue;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || cl_team_folder_ignores (name))
        continue;
      file = g_file_get_child (subfolder, name);
      path = g_file_get_path (file);
      stamp = file_stamp (info);
      if (seen != NULL && g_strcmp0 (g_hash_table_lookup (seen, path), stamp) == 0)
        continue;
      shown_as = g_build_filename (shown_in, name, NULL);
      if (import_one (store, path, person, shown_as, sync) && seen != NULL)
        g_hash_table_insert (seen, g_steal_pointer (&path), g_steal_pointer (&stamp));
    }
  if (reading != NULL)
    return g_propagate_error (error, g_steal_pointer (&reading)), FALSE;
  return TRUE;
}

/* Whether @name is @own_person's subfolder: by the name with its id, or
 * by the name alone one published in before ids. */
static gboolean
is_own_subfolder (const char *name,
                  const char *own_person)
{
  g_autofree char *own_id = NULL;
  g_autofree char *own_name = NULL;

  if (own_person == NULL)
    return FALSE;
  if (g_str_equal (name, own_person))
    return TRUE;
  own_name = cl_team_folder_split_person (own_person, &own_id);
  return own_id != NULL && g_str_equal (name, own_name);
}

/* Reads @folder's subfolder @name as a person's (and, @nested, as a team's
 * folder); one that cannot be read is a failure of the sync. */
static void
sync_subfolder (ClStore          *store,
                GFile            *folder,
                const char       *name,
                const char       *shown_in,
                const char       *own_person,
                GHashTable       *seen,
                ClTeamFolderSync *sync,
                gboolean          nested)
{
  g_autoptr (GFile) subfolder = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *shown = NULL;

  if (name[0] == '.' || is_own_subfolder (name, own_person))
    return;
  subfolder = g_file_get_child (folder, name);
  shown = shown_in ? g_build_filename (shown_in, name, NULL) : g_strdup (name);
  if (!sync_person (store, subfolder, name, shown, own_person, nested, seen, sync, &local))
    {
      g_autofree char *who = cl_text_isolate (shown);

      g_ptr_array_add (sync->failures, g_strdup_printf ("%s: %s", who, local->message));
    }
}

/**
 * cl_team_folder_sync:
 * @store: the workspace
 * @folder: the team folder
 * @own_person: (nullable): the owner's subfolder, which is not read, or
 *   %NULL to read every subfolder
 * @seen: (nullable) (element-type filename utf8): the files read before,
 *   path to size and time, updated as files are done with; %NULL reads
 *   every file
 * @error: return location for a #GError, or %NULL
 *
 * Imports teammates' summaries from every subfolder of @folder but
 * @own_person's (and, when it carries an id, the one named by the name
 * alone that one published in before ids), and from the subfolders of
 * those subfolders: a folder that holds each team's folder (a second-line
 * manager's) is read as <team>/<person>/, a summary the person's whose
 * subfolder it is in. A newer export of a kept summary replaces it. A
 * manager's workspace merges the reps' practice logs and, when one was
 * merged, publishes the briefs again; a rep's keeps the brief to its
 * owner.
 *
 * A file that cannot be read is a failure of the sync, not an error: one
 * that is itself unreadable is read again when it changes, one that failed
 * for a passing reason (the workspace busy, the disk full) at the next
 * sync.
 *
 * Returns: (transfer full) (nullable): what arrived and what failed, or
 *   %NULL with @error set when the folder itself could not be read
 */
ClTeamFolderSync *
cl_team_folder_sync (ClStore     *store,
                     const char  *folder,
                     const char  *own_person,
                     GHashTable  *seen,
                     GError     **error)
{
  g_autoptr (GFile) root = g_file_new_for_path (folder);
  g_autoptr (GFileEnumerator) people = NULL;
  g_autoptr (ClTeamFolderSync) sync = sync_new ();
  g_autoptr (GError) reading = NULL;
  GFileInfo *info;

  people = g_file_enumerate_children (root, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                      G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (people == NULL)
    return NULL;
  while (g_file_enumerator_iterate (people, &info, NULL, NULL, &reading) && info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        sync_subfolder (store, root, g_file_info_get_name (info), NULL, own_person, seen, sync, TRUE);
    }
  if (reading != NULL)
    return g_propagate_error (error, g_steal_pointer (&reading)), NULL;
  /* drills counted and actions closed: the reps' briefs say so at once */
  if (sync->merged->len > 0)
    {
      g_autoptr (GError) local = NULL;

      if (!cl_rep_brief_publish (store, 0, NULL, &local))
        g_ptr_array_add (sync->failures, g_strdup_printf (_("The briefs were not published again: %s"),
                                                          local->message));
    }
  return g_steal_pointer (&sync);
}

/* ------------------------------------------------------------------ watching */

struct _ClTeamFolderWatch
{
  GObject       parent_instance;

  char         *workspace_path;
  char         *folder;
  char         *own_person;
  GFile        *root;
  GHashTable   *monitors;     /* GFile (the root and each subfolder) → GFileMonitor */
  GHashTable   *seen;         /* only the running sync touches it */
  GCancellable *cancellable;
  guint         settle_id;
  gboolean      syncing;
  gboolean      sync_again;
};

G_DEFINE_FINAL_TYPE (ClTeamFolderWatch, cl_team_folder_watch, G_TYPE_OBJECT)

enum { SYNCED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char       *workspace_path;
  char       *folder;
  char       *own_person;
  GHashTable *seen;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_free (job->workspace_path);
  g_free (job->folder);
  g_free (job->own_person);
  g_hash_table_unref (job->seen);
  g_free (job);
}

static void
run_sync (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr (ClStore) store = NULL;
  ClTeamFolderSync *sync = NULL;
  GError *error = NULL;

  store = cl_store_open (job->workspace_path, &error);
  if (store != NULL)
    sync = cl_team_folder_sync (store, job->folder, job->own_person, job->seen, &error);
  if (sync == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sync, (GDestroyNotify) cl_team_folder_sync_free);
}

static void start_sync (ClTeamFolderWatch *self);

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (ClTeamFolderSync) sync = NULL;
  g_autoptr (GError) error = NULL;
  ClTeamFolderWatch *self;

  sync = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CL_TEAM_FOLDER_WATCH (source);
  self->syncing = FALSE;
  if (sync == NULL)
    {
      /* the folder itself could not be read: said as a failure of the sync */
      sync = sync_new ();
      g_ptr_array_add (sync->failures, g_strdup (error->message));
    }
  g_signal_emit (self, signals[SYNCED], 0, sync);
  if (self->sync_again)
    start_sync (self);
}

static void
start_sync (ClTeamFolderWatch *self)
{
  g_autoptr (GTask) task = NULL;
  SyncJob *job;

  if (self->syncing)
    {
      self->sync_again = TRUE;
      return;
    }
  self->syncing = TRUE;
  self->sync_again = FALSE;
  job = g_new0 (SyncJob, 1);
  job->workspace_path = g_strdup (self->workspace_path);
  job->folder = g_strdup (self->folder);
  job->own_person = g_strdup (self->own_person);
  job->seen = g_hash_table_ref (self->seen);
  task = g_task_new (self, self->cancellable, sync_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (task, run_sync);
}

/**
 * cl_team_folder_watch_sync:
 * @self: a #ClTeamFolderWatch
 *
 * Syncs now, or right after the sync running.
 */
void
cl_team_folder_watch_sync (ClTeamFolderWatch *self)
{
  g_return_if_fail (CL_IS_TEAM_FOLDER_WATCH (self));
  start_sync (self);
}

static gboolean
settled (gpointer user_data)
{
  ClTeamFolderWatch *self = user_data;

  self->settle_id = 0;
  start_sync (self);
  return G_SOURCE_REMOVE;
}

static void
settle_then_sync (ClTeamFolderWatch *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settled, self);
}

static void watch_directory (ClTeamFolderWatch *self, GFile *directory);
static void watch_tree (ClTeamFolderWatch *self, GFile *directory, guint depth);

static void
on_event (GFileMonitor      *monitor,
          GFile             *file,
          GFile             *other,
          GFileMonitorEvent  event,
          gpointer           user_data)
{
  ClTeamFolderWatch *self = user_data;
  /* a rename names the new file second */
  GFile *arrived = (event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN) && other
                     ? other : file;
  g_autoptr (GFile) parent = g_file_get_parent (arrived);
  g_autofree char *name = g_file_get_basename (arrived);

  if (event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_OUT)
    {
      g_hash_table_remove (self->monitors, file);
      return;
    }
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_RENAMED && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;
  /* a new person's or team's subfolder, in the folder itself, or a new
   * person's in a team's folder */
  if (name[0] != '.' && g_file_query_file_type (arrived, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL)
                          == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr (GFile) grandparent = parent ? g_file_get_parent (parent) : NULL;

      if (parent != NULL && g_file_equal (parent, self->root))
        watch_tree (self, arrived, 1);
      else if (grandparent != NULL && g_file_equal (grandparent, self->root))
        watch_tree (self, arrived, 0);
      else
        return;
      settle_then_sync (self);
      return;
    }
  if (parent != NULL && g_file_equal (parent, self->root))
    return;
  if (!cl_team_folder_ignores (name))
    settle_then_sync (self);
}

static void
watch_directory (ClTeamFolderWatch *self,
                 GFile             *directory)
{
  g_autoptr (GError) error = NULL;
  GFileMonitor *monitor;

  if (g_hash_table_contains (self->monitors, directory))
    return;
  monitor = g_file_monitor_directory (directory, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_warning ("Cannot watch %s: %s", g_file_peek_path (directory), error->message);
      return;
    }
  g_signal_connect (monitor, "changed", G_CALLBACK (on_event), self);
  g_hash_table_insert (self->monitors, g_object_ref (directory), monitor);
}

/* Watches @directory and, @depth levels down, its subfolders. */
static void
watch_tree (ClTeamFolderWatch  *self,
            GFile              *directory,
            guint               depth)
{
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  watch_directory (self, directory);
  if (depth == 0)
    return;
  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return;
  while (g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && g_file_info_get_name (info)[0] != '.')
      {
        g_autoptr (GFile) subfolder = g_file_get_child (directory, g_file_info_get_name (info));

        watch_tree (self, subfolder, depth - 1);
      }
}

static void
cl_team_folder_watch_dispose (GObject *object)
{
  ClTeamFolderWatch *self = CL_TEAM_FOLDER_WATCH (object);
  GHashTableIter iter;
  gpointer monitor;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->monitors != NULL)
    {
      g_hash_table_iter_init (&iter, self->monitors);
      while (g_hash_table_iter_next (&iter, NULL, &monitor))
        {
          g_signal_handlers_disconnect_by_data (monitor, self);
          g_file_monitor_cancel (monitor);
        }
      g_clear_pointer (&self->monitors, g_hash_table_unref);
    }
  g_clear_object (&self->root);
  G_OBJECT_CLASS (cl_team_folder_watch_parent_class)->dispose (object);
}

static void
cl_team_folder_watch_finalize (GObject *object)
{
  ClTeamFolderWatch *self = CL_TEAM_FOLDER_WATCH (object);

  g_free (self->workspace_path);
  g_free (self->folder);
  g_free (self->own_person);
  g_hash_table_unref (self->seen);
  g_object_unref (self->cancellable);
  G_OBJECT_CLASS (cl_team_folder_watch_parent_class)->finalize (object);
}

static void
cl_team_folder_watch_class_init (ClTeamFolderWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_team_folder_watch_dispose;
  object_class->finalize = cl_team_folder_watch_finalize;
  /* a sync ended: its ClTeamFolderSync, valid during the emission */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
cl_team_folder_watch_init (ClTeamFolderWatch *self)
{
  self->monitors = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, g_object_unref);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
}

/**
 * cl_team_folder_watch_new:
 * @workspace_path: the workspace to sync, opened again in the worker
 *   thread
 * @folder: the team folder
 * @own_person: (nullable): the owner's subfolder, which is not read
 * @error: return location for a #GError, or %NULL
 *
 * Watches a team folder, its subfolders and theirs and, once changes
 * settle, syncs the workspace at @workspace_path with it in a worker
 * thread, on a connection of its own, as cl_team_folder_sync () does. The
 * "synced" signal (a #ClTeamFolderSync, valid during the emission)
 * follows each sync, in the main context. One sync runs at a time;
 * changes during it bring another. Nothing is synced before a change or
 * cl_team_folder_watch_sync ().
 *
 * Returns: (transfer full) (nullable): the watch, or %NULL with @error set
 *   when @folder is not a folder one can write in or cannot be read
 */
ClTeamFolderWatch *
cl_team_folder_watch_new (const char  *workspace_path,
                          const char  *folder,
                          const char  *own_person,
                          GError     **error)
{
  g_autoptr (ClTeamFolderWatch) self = NULL;
  g_autoptr (GFileEnumerator) people = NULL;
  g_autoptr (GError) reading = NULL;
  GFileInfo *info;

  if (!cl_team_folder_check (folder, error))
    return NULL;
  self = g_object_new (CL_TYPE_TEAM_FOLDER_WATCH, NULL);
  self->workspace_path = g_strdup (workspace_path);
  self->folder = g_strdup (folder);
  self->own_person = g_strdup (own_person);
  self->root = g_file_new_for_path (folder);
  watch_directory (self, self->root);
  people = g_file_enumerate_children (self->root, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                      G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (people == NULL)
    return NULL;
  while (g_file_enumerator_iterate (people, &info, NULL, NULL, &reading) && info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && g_file_info_get_name (info)[0] != '.')
      {
        g_autoptr (GFile) subfolder = g_file_get_child (self->root, g_file_info_get_name (info));

        /* a person's subfolder, or a team's folder and its people's */
        watch_tree (self, subfolder, 1);
      }
  if (reading != NULL)
    return g_propagate_error (error, g_steal_pointer (&reading)), NULL;
  return g_steal_pointer (&self);
}

/**
 * cl_team_folder_watch_get_folder:
 * @self: a #ClTeamFolderWatch
 *
 * Gets the team folder @self watches.
 *
 * Returns: (transfer none): the folder's path
 */
const char *
cl_team_folder_watch_get_folder (ClTeamFolderWatch *self)
{
  g_return_val_if_fail (CL_IS_TEAM_FOLDER_WATCH (self), NULL);
  return self->folder;
}
