/* cl-summary.h — a teammate's exported summary, checked and kept in the
 * team library
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_SUMMARY_ERROR (cl_summary_error_quark ())
GQuark cl_summary_error_quark (void);

typedef enum {
  CL_SUMMARY_ERROR_TOO_LARGE,
  CL_SUMMARY_ERROR_NOT_JSON,
  CL_SUMMARY_ERROR_TOO_DEEP,
  CL_SUMMARY_ERROR_NOT_SUMMARY,     /* JSON, but not a Closeloop summary */
  CL_SUMMARY_ERROR_TOO_NEW,         /* a version this Closeloop does not read */
  CL_SUMMARY_ERROR_OLDER,           /* the library keeps a newer export of it */
  CL_SUMMARY_ERROR_NEWER,           /* a newer export of one kept: replace it? */
  CL_SUMMARY_ERROR_NOT_ITS_AUTHOR,  /* found in one person's subfolder, naming another */
  CL_SUMMARY_ERROR_PRIVATE,         /* it holds private notes: never published */
  CL_SUMMARY_ERROR_BAD_VALUE,       /* a member missing, of the wrong type or out of range */
  CL_SUMMARY_ERROR_NOT_ITS_OWNER,   /* one writer per record: its author does not own what it carries */
} ClSummaryError;

/* A summary as its header says it. */
typedef struct
{
  char  *format;        /* "closeloop.pipeline-review" */
  int    version;
  char  *subject;       /* what it is about: "2026-W47", "deal:Acme — Rollout" … */
  char  *period;        /* "2026-W47", "2026-11", "2026-Q4", or "" */
  char  *exported_by;
  char  *exported_at;
  char  *digest;        /* SHA-256 of its bytes */
  gboolean private_notes;   /* it says it includes private notes */
} ClSummaryInfo;

void           cl_summary_info_free (ClSummaryInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSummaryInfo, cl_summary_info_free)

ClSummaryInfo *cl_summary_read       (const char   *data,
                                      gsize         length,
                                      const char   *name,
                                      GError      **error);

ClSummaryInfo *cl_summary_parse      (const char   *data,
                                      gsize         length,
                                      const char   *name,
                                      JsonNode    **out_root,
                                      GError      **error);

/* Readers of one member of a document from outside, each checked for its
 * type and range; errors (BAD_VALUE) name the file @name and the member. */

gboolean       cl_summary_check_members (JsonObject        *object,
                                         const char * const *allowed,
                                         const char        *name,
                                         GError           **error);
const char    *cl_summary_member_text (JsonObject   *object,
                                       const char   *member,
                                       gsize         max_bytes,
                                       const char   *name,
                                       GError      **error);
gboolean       cl_summary_member_int  (JsonObject   *object,
                                       const char   *member,
                                       gint64        min,
                                       gint64        max,
                                       gint64       *value,
                                       const char   *name,
                                       GError      **error);
gboolean       cl_summary_member_day  (JsonObject   *object,
                                       const char   *member,
                                       gboolean      nullable,
                                       ClDay        *day,
                                       const char   *name,
                                       GError      **error);
JsonObject    *cl_summary_member_object (JsonObject *object,
                                         const char *member,
                                         const char *name,
                                         GError    **error);
JsonArray     *cl_summary_member_array (JsonObject  *object,
                                        const char  *member,
                                        guint        max_length,
                                        const char  *name,
                                        GError     **error);

typedef enum {
  CL_SUMMARY_ADDED,
  CL_SUMMARY_ALREADY_KEPT,      /* the very same file: not kept twice */
  CL_SUMMARY_REPLACED,          /* a newer export of one kept */
} ClSummaryOutcome;

char          *cl_summary_load       (const char       *path,
                                      ClSummaryInfo   **out_info,
                                      GError          **error);
gboolean       cl_summary_keep       (ClStore          *store,
                                      ClSummaryInfo    *info,
                                      const char       *data,
                                      const char       *name,
                                      gboolean          replace,
                                      ClSummaryOutcome *outcome,
                                      GError          **error);
ClSummaryInfo *cl_summary_import     (ClStore      *store,
                                      const char   *path,
                                      gboolean      replace,
                                      ClSummaryOutcome *outcome,
                                      GError      **error);

GListModel    *cl_summary_list_library (ClStore    *store,
                                        GError    **error);

char          *cl_summary_subject_label (const char *subject);

char          *cl_summary_info_describe (const ClSummaryInfo *info);

/* The formats the library keeps, and their labels. */
gboolean       cl_summary_format_known (const char *format);
const char    *cl_summary_format_label (const char *format);

G_END_DECLS
