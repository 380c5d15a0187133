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

char     *cl_team_folder_get          (ClStore      *store);
gboolean  cl_team_folder_check        (const char   *path,
                                       GError      **error);
gboolean  cl_team_folder_set          (ClStore      *store,
                                       const char   *path,
                                       GError      **error);

char     *cl_team_folder_person      (const char   *exported_by);
char     *cl_team_folder_person_with_id (const char *name,
                                         const char *id);
char     *cl_team_folder_split_person (const char  *subfolder,
                                       char       **id);
char     *cl_team_folder_own_person  (ClStore      *store,
                                      GError      **error);

gboolean  cl_team_folder_ignores     (const char   *name);

gboolean  cl_team_folder_publish     (const char   *folder,
                                      const char   *text,
                                      char        **published,
                                      GError      **error);
gboolean  cl_team_folder_publish_as  (const char   *folder,
                                      const char   *subfolder,
                                      const char   *text,
                                      char        **published,
                                      GError      **error);
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
void               cl_team_folder_watch_sync     (ClTeamFolderWatch *self);

gboolean  cl_team_folder_save_document (ClStore    *store,
                                        JsonNode   *document,
                                        const char *path,
                                        gboolean   *published,
                                        GError    **error);

G_END_DECLS
