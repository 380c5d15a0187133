/* cl-team-folder.h — a folder the team already syncs: each person publishes
 * their summaries in a subfolder of their own and reads everyone else's
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TEAM_FOLDER_ERROR (cl_team_folder_error_quark ())
GQuark cl_team_folder_error_quark (void);

typedef enum {
  CL_TEAM_FOLDER_ERROR_UNSET,        /* no team folder is chosen */
  CL_TEAM_FOLDER_ERROR_NOT_FOLDER,   /* the path is not a folder one can write */
} ClTeamFolderError;

/* The workspace's team folder, or NULL. */
char     *cl_team_folder_get          (ClStore      *store);
/* Chooses @path (an existing folder one can write in), or none with NULL. */
gboolean  cl_team_folder_set          (ClStore      *store,
                                       const char   *path,
                                       GError      **error);

/* The subfolder a person publishes in: their name, made safe as a file
 * name ("Ana Okafor" stays, "a/b" becomes "a_b", a leading dot goes). */
char     *cl_team_folder_person      (const char   *exported_by);
/* The subfolder of a person who has an id (cl-identity.h): their name made
 * safe, then the id in brackets, "Ana Okafor (3f9a0c12be47)". */
char     *cl_team_folder_person_with_id (const char *name,
                                         const char *id);
/* Splits a subfolder's name into the person's name part and their id
 * (NULL for a subfolder named by the name alone, as before ids).
 *
 * Returns: (transfer full): the name part; @id (transfer full) (nullable) */
char     *cl_team_folder_split_person (const char  *subfolder,
                                       char       **id);
/* The workspace owner's own subfolder (cl_identity_subfolder ()), the
 * owner made on first use.
 *
 * Returns: (transfer full) (nullable): its name, or NULL with @error */
char     *cl_team_folder_own_person  (ClStore      *store,
                                      GError      **error);

/* Whether a file name is one a sync tool or an atomic write is still
 * writing, or a sync-conflict copy, or no summary at all: such files are
 * never read. */
gboolean  cl_team_folder_ignores     (const char   *name);

/* Writes @text (an exported summary, as cl_export_to_text () wrote it) into
 * the exporter's own subfolder of @folder, atomically and 0600, under a
 * name made of its kind and subject, so a newer export of the same summary
 * replaces the file. Sets @published to the file's path. */
gboolean  cl_team_folder_publish     (const char   *folder,
                                      const char   *text,
                                      char        **published,
                                      GError      **error);
/* The same into @subfolder (made when missing), whose name part
 * (cl_team_folder_split_person ()) must be the summary's author; NULL is
 * the author's name alone. */
gboolean  cl_team_folder_publish_as  (const char   *folder,
                                      const char   *subfolder,
                                      const char   *text,
                                      char        **published,
                                      GError      **error);
/* The same into the workspace owner's subfolder of its team folder
 * (cl_team_folder_own_person ()), or an UNSET error. */
gboolean  cl_team_folder_publish_to_store_folder (ClStore    *store,
                                                  const char *text,
                                                  char      **published,
                                                  GError    **error);

typedef struct
{
  guint      n_added;
  guint      n_replaced;
  guint      n_unchanged;    /* already kept, or older than the one kept */
  GPtrArray *arrived;        /* ClSummaryInfo of those added or replaced */
  GPtrArray *failures;       /* char *: "Ben/review.json: why", the file isolated */
  GPtrArray *merged;         /* char *: what each rep's practice log changed (cl_practice_merge_describe ()) */
} ClTeamFolderSync;

void      cl_team_folder_sync_free   (ClTeamFolderSync *sync);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClTeamFolderSync, cl_team_folder_sync_free)

/* Imports teammates' summaries from every subfolder of @folder but
 * @own_person's (and, when it carries an id, the one named by the name
 * alone that one published in before ids), and from the subfolders of
 * those subfolders: a folder that holds each team's folder (a second-line
 * manager's) is read as <team>/<person>/, a summary the person's whose
 * subfolder it is in. A newer export of a kept summary replaces it. @seen
 * (path → size and time, may be NULL) skips files read before and
 * unchanged. A
 * file that cannot be read is a failure of the sync, not an error: one that
 * is itself unreadable is read again when it changes, one that failed for a
 * passing reason (the workspace busy, the disk full) at the next sync. An
 * error means the folder itself could not be read. */
ClTeamFolderSync *cl_team_folder_sync (ClStore      *store,
                                       const char   *folder,
                                       const char   *own_person,
                                       GHashTable   *seen,
                                       GError      **error);

/* Watches a team folder, its subfolders and theirs and, once changes
 * settle, syncs the workspace at @workspace_path with it in a worker
 * thread, on a connection of its own; "synced" (a ClTeamFolderSync *,
 * valid during the emission) follows each sync. One sync runs at a time;
 * changes during it bring another. */
#define CL_TYPE_TEAM_FOLDER_WATCH (cl_team_folder_watch_get_type ())
G_DECLARE_FINAL_TYPE (ClTeamFolderWatch, cl_team_folder_watch, CL, TEAM_FOLDER_WATCH, GObject)

ClTeamFolderWatch *cl_team_folder_watch_new      (const char   *workspace_path,
                                                  const char   *folder,
                                                  const char   *own_person,
                                                  GError      **error);
const char        *cl_team_folder_watch_get_folder (ClTeamFolderWatch *self);
/* Syncs now (or right after the sync running). */
void               cl_team_folder_watch_sync     (ClTeamFolderWatch *self);

/* Saves @document at @path (atomically, 0600) and, when the workspace has
 * a team folder, publishes it there; @published says whether it was. */
gboolean  cl_team_folder_save_document (ClStore    *store,
                                        JsonNode   *document,
                                        const char *path,
                                        gboolean   *published,
                                        GError    **error);

G_END_DECLS
