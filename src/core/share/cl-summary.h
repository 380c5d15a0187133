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

/* Checks @data as a summary of a format and version this Closeloop reads:
 * size, nesting, JSON syntax, and the members it must have, of their types.
 * Errors name @name. */
ClSummaryInfo *cl_summary_read       (const char   *data,
                                      gsize         length,
                                      const char   *name,
                                      GError      **error);

/**
 * cl_summary_parse:
 * @out_root: (out) (transfer full): the document, once checked
 *
 * cl_summary_read (), also giving the parsed document to read further.
 *
 * Returns: (transfer full) (nullable): its header, or NULL with @error
 */
ClSummaryInfo *cl_summary_parse      (const char   *data,
                                      gsize         length,
                                      const char   *name,
                                      JsonNode    **out_root,
                                      GError      **error);

/* Readers of one member of a document from outside, each checked for its
 * type and range; errors (BAD_VALUE) name the file @name and the member. */

/* Refuses a member of @object not in @allowed. */
gboolean       cl_summary_check_members (JsonObject        *object,
                                         const char * const *allowed,
                                         const char        *name,
                                         GError           **error);
/* Returns: (transfer none) (nullable): text of at most @max_bytes */
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
/* An ISO date; with @nullable, null too (@day 0). */
gboolean       cl_summary_member_day  (JsonObject   *object,
                                       const char   *member,
                                       gboolean      nullable,
                                       ClDay        *day,
                                       const char   *name,
                                       GError      **error);
/* Returns: (transfer none) (nullable): the object */
JsonObject    *cl_summary_member_object (JsonObject *object,
                                         const char *member,
                                         const char *name,
                                         GError    **error);
/* An array of at most @max_length objects.
 * Returns: (transfer none) (nullable): the array */
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

/* Reads the summary at @path (a regular file of at most 16 MB) and checks
 * it with cl_summary_read (); sets @out_info.
 *
 * Returns: (transfer full) (nullable): the file's text, or NULL with @error */
char          *cl_summary_load       (const char       *path,
                                      ClSummaryInfo   **out_info,
                                      GError          **error);
/* Keeps @data, the summary @info describes, in the library, in one
 * transaction. A newer export of one kept (same kind, subject and author)
 * replaces it only with @replace (else the NEWER error); an older one is
 * refused. Errors name @name. */
gboolean       cl_summary_keep       (ClStore          *store,
                                      ClSummaryInfo    *info,
                                      const char       *data,
                                      const char       *name,
                                      gboolean          replace,
                                      ClSummaryOutcome *outcome,
                                      GError          **error);
/* cl_summary_load () then cl_summary_keep (). */
ClSummaryInfo *cl_summary_import     (ClStore      *store,
                                      const char   *path,
                                      gboolean      replace,
                                      ClSummaryOutcome *outcome,
                                      GError      **error);

/* The team library: by kind, then the latest period first, then who. */
GListModel    *cl_summary_list_library (ClStore    *store,
                                        GError    **error);

/* What a summary is about, for people: "2026-W47", "Acme — Rollout",
 * "Ana Okafor, 2026-11", "2026-Q4". */
char          *cl_summary_subject_label (const char *subject);

/* "Weekly review 2026-W47 by Ana Okafor" */
char          *cl_summary_info_describe (const ClSummaryInfo *info);

/* The formats the library keeps, and their labels. */
gboolean       cl_summary_format_known (const char *format);
const char    *cl_summary_format_label (const char *format);

G_END_DECLS
