/* cl-practice-log.h — "closeloop.practice-log": what a rep sends up, their
 * drills and the actions they closed, merged into their manager's workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-identity.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_PRACTICE_LOG_FORMAT "closeloop.practice-log"

/* A practice log as read from the team folder, every value checked. */
typedef struct
{
  char      *rep_name;
  char      *rep_id;         /* the rep's identity */
  GPtrArray *entries;        /* ClPracticeEntry, each id the rep's workspace's */
  GPtrArray *actions_done;   /* ClActionDone, manager the manager's identity */
} ClPracticeLog;

void           cl_practice_log_free   (ClPracticeLog *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClPracticeLog, cl_practice_log_free)

/**
 * cl_practice_log_own_rep:
 *
 * The owner of the workspace (a rep) on its roster, added when missing, so
 * drills can be logged in their own workspace.
 *
 * Returns: (transfer full) (nullable): the rep, or NULL with @error
 */
ClRep         *cl_practice_log_own_rep (ClStore          *store,
                                        const ClIdentity *owner,
                                        GError          **error);
/**
 * cl_practice_log_build:
 *
 * The owner's practice log: every drill of theirs in this workspace, oldest
 * first (the full current set: one absent was deleted), and the actions of
 * their managers' briefs they marked done.
 *
 * Returns: (transfer full) (nullable): the document, or NULL with @error
 */
JsonNode      *cl_practice_log_build  (ClStore          *store,
                                       const ClIdentity *owner,
                                       GError          **error);
/**
 * cl_practice_log_publish:
 * @published: (out) (optional) (transfer full) (nullable): the file
 *   written, NULL when the workspace has no team folder or its owner is
 *   not a rep (nothing to send up, and no error)
 *
 * Publishes the owner's practice log in their subfolder of the team folder.
 *
 * Returns: FALSE with @error
 */
gboolean       cl_practice_log_publish (ClStore         *store,
                                        char           **published,
                                        GError         **error);
/**
 * cl_practice_log_read:
 * @name: the file, as errors name it
 *
 * Reads a practice log from outside: bounded in size and nesting before it
 * is parsed, every member checked (types, ranges, dates, lengths), no
 * member its format does not have (a plan, say), the rep its author.
 *
 * Returns: (transfer full) (nullable): the log, or NULL with @error
 */
ClPracticeLog *cl_practice_log_read   (const char       *data,
                                       gsize             length,
                                       const char       *name,
                                       GError          **error);
/**
 * cl_practice_log_merge:
 * @subfolder: the team-folder subfolder the file was in
 *
 * Merges @log into this manager's workspace, one writer per record: it
 * must be in its rep's own subfolder (their name and identity), name a rep
 * on the team, come from the identity that rep's files came from before,
 * and close only that rep's actions; otherwise it is refused
 * (CL_SUMMARY_ERROR_NOT_ITS_OWNER), naming @name, and nothing changes.
 *
 * Returns: FALSE with @error
 */
gboolean       cl_practice_log_merge  (ClStore             *store,
                                       const ClPracticeLog *log,
                                       const char          *name,
                                       const char          *subfolder,
                                       ClPracticeMerge     *merge,
                                       GError             **error);
/* "Ana Okafor's practice log: 3 drills added, 1 replaced, 0 removed, 1 action closed" */
char          *cl_practice_merge_describe (const char            *rep_name,
                                           const ClPracticeMerge *merge);

G_END_DECLS
