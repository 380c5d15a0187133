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

ClRep         *cl_practice_log_own_rep (ClStore          *store,
                                        const ClIdentity *owner,
                                        GError          **error);
JsonNode      *cl_practice_log_build  (ClStore          *store,
                                       const ClIdentity *owner,
                                       GError          **error);
gboolean       cl_practice_log_publish (ClStore         *store,
                                        char           **published,
                                        GError         **error);
ClPracticeLog *cl_practice_log_read   (const char       *data,
                                       gsize             length,
                                       const char       *name,
                                       GError          **error);
gboolean       cl_practice_log_merge  (ClStore             *store,
                                       const ClPracticeLog *log,
                                       const char          *name,
                                       const char          *subfolder,
                                       ClPracticeMerge     *merge,
                                       GError             **error);
char          *cl_practice_merge_describe (const char            *rep_name,
                                           const ClPracticeMerge *merge);

G_END_DECLS
