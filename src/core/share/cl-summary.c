/* cl-summary.c — a teammate's exported summary, checked and kept in the
 * team library
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing in a file is trusted: its size and nesting are bounded before it
 * is parsed, and every member read is checked for its type. A file that is
 * refused changes nothing.
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-file.h"
#include "cl-json-text.h"
#include "cl-summary.h"
#include "cl-text.h"

/* the largest summary read, and the deepest nesting */
#define MAX_BYTES  (16 * 1024 * 1024)
#define MAX_DEPTH  64

/**
 * cl_summary_error_quark:
 *
 * The error domain of summaries and the team library, %CL_SUMMARY_ERROR.
 *
 * Returns: the #GQuark of #ClSummaryError
 */
G_DEFINE_QUARK (cl-summary-error-quark, cl_summary_error)

typedef enum { SUBJECT_WEEK, SUBJECT_DEAL, SUBJECT_REP_MONTH, SUBJECT_QUARTER, SUBJECT_PERIOD, SUBJECT_REP } SubjectKind;

/* max_version: the newest version of each format this Closeloop reads (it
 * reads every older one) */
static const struct { const char *format; const char *label; SubjectKind subject; int max_version; } formats[] = {
  { "closeloop.pipeline-review", N_("Weekly review"), SUBJECT_WEEK, 1 },
  { "closeloop.deal-coaching", N_("Deal coaching"), SUBJECT_DEAL, 1 },
  { "closeloop.rep-development", N_("Rep development"), SUBJECT_REP_MONTH, 1 },
  { "closeloop.quarterly-retro", N_("Quarterly retrospective"), SUBJECT_QUARTER, 2 },
  { "closeloop.loop-health", N_("Loop health"), SUBJECT_PERIOD, 2 },
  { "closeloop.rep-brief", N_("Rep brief"), SUBJECT_REP, 1 },
  { "closeloop.practice-log", N_("Practice log"), SUBJECT_REP, 1 },
};

/**
 * cl_summary_info_free:
 * @info: (nullable): a summary's header
 *
 * Frees @info. Does nothing for %NULL.
 */
void
cl_summary_info_free (ClSummaryInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->format);
  g_free (info->subject);
  g_free (info->period);
  g_free (info->exported_by);
  g_free (info->exported_at);
  g_free (info->digest);
  g_free (info);
}

static int
format_index (const char *format)
{
  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].format, format))
      return i;
  return -1;
}

/**
 * cl_summary_format_known:
 * @format: (nullable): a summary's format, such as
 *   "closeloop.pipeline-review"
 *
 * Tells whether the team library keeps summaries of @format.
 *
 * Returns: %TRUE for a format the library keeps, %FALSE otherwise or for
 *   %NULL
 */
gboolean
cl_summary_format_known (const char *format)
{
  return format_index (format) >= 0;
}

/**
 * cl_summary_format_label:
 * @format: (nullable): a summary's format
 *
 * Names @format for people, such as "Weekly review", translated.
 *
 * Returns: (transfer none) (nullable): the label, or @format itself when
 *   the library does not keep it (%NULL for %NULL)
 */
const char *
cl_summary_format_label (const char *format)
{
  int i = format_index (format);

  return i >= 0 ? _(formats[i].label) : format;
}

/**
 * cl_summary_subject_label:
 * @subject: a summary's subject, as #ClSummaryInfo gives it
 *
 * Says what a summary is about, for people: "2026-W47", "Acme — Rollout",
 * "Ana Okafor, 2026-11", "2026-Q4". The "deal:", "health:" and "rep:"
 * prefixes go; a "rep:NAME:MONTH" subject names the rep isolated for
 * bidirectional text.
 *
 * Returns: (transfer full): the label
 */
char *
cl_summary_subject_label (const char *subject)
{
  g_auto (GStrv) parts = NULL;

  if (g_str_has_prefix (subject, "deal:") || g_str_has_prefix (subject, "health:"))
    return g_strdup (strchr (subject, ':') + 1);
  if (!g_str_has_prefix (subject, "rep:"))
    return g_strdup (subject);
  /* "rep:NAME:MONTH", the name itself free to hold a colon */
  parts = g_strsplit (subject + 4, ":", -1);
  if (g_strv_length (parts) < 2)
    return g_strdup (subject + 4);
  {
    guint n = g_strv_length (parts);
    g_autofree char *month = g_strdup (parts[n - 1]);
    g_autofree char *name = NULL, *shown = NULL;

    g_clear_pointer (&parts[n - 1], g_free);
    name = g_strjoinv (":", parts);
    shown = cl_text_isolate (name);
    /* Translators: a rep, then a month */
    return g_strdup_printf (_("%s, %s"), shown, month);
  }
}

/**
 * cl_summary_info_describe:
 * @info: a summary's header
 *
 * Describes a summary for people: its kind, what it is about and who
 * exported it, "Weekly review 2026-W47 by Ana Okafor".
 *
 * Returns: (transfer full): the description
 */
char *
cl_summary_info_describe (const ClSummaryInfo *info)
{
  g_autofree char *label = cl_summary_subject_label (info->subject);
  g_autofree char *about = cl_text_isolate (label);
  g_autofree char *by = cl_text_isolate (info->exported_by);

  /* Translators: the kind of summary, what it is about, who exported it */
  return g_strdup_printf (_("%s %s by %s"), cl_summary_format_label (info->format), about, by);
}

/* The string member @path ("deal.name") of @root, or NULL with an error. */
static const char *
string_at (JsonObject  *root,
           const char  *path,
           const char  *name,
           GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      node = object ? json_object_get_member (object, parts[i]) : NULL;
      if (node == NULL)
        return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                            _("%s is not a Closeloop summary: it has no “%s”"), name, path), NULL;
      object = parts[i + 1] != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                        _("%s is not a Closeloop summary: “%s” is not text"), name, path), NULL;
  return json_node_get_string (node);
}

static gboolean
fill_subject (ClSummaryInfo  *info,
              JsonObject     *root,
              SubjectKind     kind,
              const char     *name,
              GError        **error)
{
  const char *a = NULL, *b = NULL;

  switch (kind)
    {
    case SUBJECT_WEEK:
      if ((a = string_at (root, "week", name, error)) == NULL)
        return FALSE;
      info->subject = g_strdup (a);
      info->period = g_strdup (a);
      break;
    case SUBJECT_DEAL:
      if ((a = string_at (root, "deal.name", name, error)) == NULL)
        return FALSE;
      info->subject = g_strconcat ("deal:", a, NULL);
      info->period = g_strdup ("");
      break;
    case SUBJECT_REP_MONTH:
      if ((a = string_at (root, "rep.name", name, error)) == NULL
          || (b = string_at (root, "month", name, error)) == NULL)
        return FALSE;
      info->subject = g_strdup_printf ("rep:%s:%s", a, b);
      info->period = g_strdup (b);
      break;
    case SUBJECT_QUARTER:
      if ((a = string_at (root, "quarter", name, error)) == NULL)
        return FALSE;
      info->subject = g_strdup (a);
      info->period = g_strdup (a);
      break;
    case SUBJECT_PERIOD:
      if ((a = string_at (root, "period", name, error)) == NULL)
        return FALSE;
      info->subject = g_strconcat ("health:", a, NULL);
      info->period = g_strdup (a);
      break;
    case SUBJECT_REP:
      if ((a = string_at (root, "rep.name", name, error)) == NULL)
        return FALSE;
      info->subject = g_strconcat ("rep:", a, NULL);
      info->period = g_strdup ("");
      break;
    }
  return TRUE;
}

/**
 * cl_summary_read:
 * @data: (array length=length): the file's bytes
 * @length: the length of @data in bytes
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Checks @data as a summary of a format and version this Closeloop reads:
 * size (at most 16 MB), nesting, JSON syntax, and the header members it
 * must have, of their types.
 *
 * Returns: (transfer full) (nullable): its header, with the SHA-256 of
 *   @data, or %NULL with @error set in %CL_SUMMARY_ERROR
 */
ClSummaryInfo *
cl_summary_read (const char  *data,
                 gsize        length,
                 const char  *name,
                 GError     **error)
{
  g_autoptr (JsonNode) root = NULL;

  return cl_summary_parse (data, length, name, &root, error);
}

/**
 * cl_summary_parse:
 * @data: (array length=length): the file's bytes
 * @length: the length of @data in bytes
 * @name: the file, as errors name it
 * @out_root: (out) (transfer full): set to the document, once checked;
 *   left alone on failure
 * @error: return location for a #GError, or %NULL
 *
 * Checks @data as cl_summary_read () does, also giving the parsed document
 * to read further.
 *
 * Returns: (transfer full) (nullable): its header, or %NULL with @error set
 *   in %CL_SUMMARY_ERROR
 */
ClSummaryInfo *
cl_summary_parse (const char  *data,
                  gsize        length,
                  const char  *name,
                  JsonNode   **out_root,
                  GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ClSummaryInfo) info = g_new0 (ClSummaryInfo, 1);
  g_autoptr (GError) local = NULL;
  JsonNode *root, *version, *private_notes;
  JsonObject *object;
  const char *format, *text;
  int index;

  if (length > MAX_BYTES)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_TOO_LARGE,
                        _("%s is larger than the %d MB a summary can be"), name, MAX_BYTES / 1024 / 1024), NULL;
  switch (cl_json_text_check (data, length, MAX_DEPTH))
    {
    case CL_JSON_TEXT_TOO_DEEP:
      return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_TOO_DEEP,
                          _("%s nests deeper than any Closeloop summary (%d levels)"), name, MAX_DEPTH), NULL;
    case CL_JSON_TEXT_NOT_TEXT:
      return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_JSON,
                          _("%s is not a JSON text file"), name), NULL;
    case CL_JSON_TEXT_OK:
      break;
    }
  if (!json_parser_load_from_data (parser, data, length, &local))
    /* json-glib says "<data>:LINE:COLUMN: …" */
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_JSON, _("%s is not valid JSON, line %s"),
                        name, g_str_has_prefix (local->message, "<data>:") ? local->message + 7 : local->message),
           NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                        _("%s is not a Closeloop summary: it is not a JSON object"), name), NULL;
  object = json_node_get_object (root);
  if ((format = string_at (object, "format", name, error)) == NULL)
    return NULL;
  if ((index = format_index (format)) < 0)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                        _("%s is a “%s” document, which the team library does not keep"), name, format), NULL;
  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64
      || json_node_get_int (version) < 1)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                        _("%s is not a Closeloop summary: its “version” is not a whole number"), name), NULL;
  if (json_node_get_int (version) > formats[index].max_version)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_TOO_NEW,
                        _("%s is version %" PRId64 " of %s, written by a newer Closeloop; this one "
                          "reads up to version %d"), name, json_node_get_int (version), format,
                        formats[index].max_version), NULL;
  info->format = g_strdup (format);
  info->version = json_node_get_int (version);
  if ((text = string_at (object, "exported_by", name, error)) == NULL)
    return NULL;
  info->exported_by = g_strdup (text);
  if ((text = string_at (object, "exported_at", name, error)) == NULL)
    return NULL;
  info->exported_at = g_strdup (text);
  if (string_at (object, "app_version", name, error) == NULL
      || !fill_subject (info, object, formats[index].subject, name, error))
    return NULL;
  private_notes = json_object_get_member (object, "includes_private_notes");
  info->private_notes = private_notes != NULL && JSON_NODE_HOLDS_VALUE (private_notes)
                        && json_node_get_value_type (private_notes) == G_TYPE_BOOLEAN
                        && json_node_get_boolean (private_notes);
  info->digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  *out_root = json_parser_steal_root (parser);
  return g_steal_pointer (&info);
}

/* ------------------------------------------------------------------ values */

static gboolean
bad_value (GError     **error,
           const char  *name,
           const char  *member,
           const char  *what)
{
  /* Translators: a file, a member of it, what it should be */
  g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE, _("%s: “%s” is not %s"), name, member, what);
  return FALSE;
}

/**
 * cl_summary_check_members:
 * @object: an object of a document from outside
 * @allowed: (array zero-terminated=1): the members its format has
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Refuses a member of @object not in @allowed.
 *
 * Returns: %TRUE when every member is allowed, %FALSE with @error set
 *   (%CL_SUMMARY_ERROR_BAD_VALUE naming @name and the member)
 */
gboolean
cl_summary_check_members (JsonObject          *object,
                          const char * const  *allowed,
                          const char          *name,
                          GError             **error)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE,
                          _("%s carries “%s”, which its format does not have"), name, (const char *) l->data),
             FALSE;
  return TRUE;
}

/**
 * cl_summary_member_text:
 * @object: an object of a document from outside
 * @member: the member to read
 * @max_bytes: the longest text accepted, in bytes
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a text member, checked for its type and length.
 *
 * Returns: (transfer none) (nullable): the text, owned by @object, or
 *   %NULL with @error set (%CL_SUMMARY_ERROR_BAD_VALUE) when it is missing,
 *   not a string or longer than @max_bytes
 */
const char *
cl_summary_member_text (JsonObject  *object,
                        const char  *member,
                        gsize        max_bytes,
                        const char  *name,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *what = g_strdup_printf (_("text of at most %zu bytes"), max_bytes);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || strlen (json_node_get_string (node)) > max_bytes)
    return bad_value (error, name, member, what), NULL;
  return json_node_get_string (node);
}

/**
 * cl_summary_member_int:
 * @object: an object of a document from outside
 * @member: the member to read
 * @min: the least value accepted
 * @max: the greatest value accepted
 * @value: (out): set to the number; left alone on failure
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a whole-number member, checked for its type and range.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%CL_SUMMARY_ERROR_BAD_VALUE) when it is missing, not a whole number or
 *   out of range
 */
gboolean
cl_summary_member_int (JsonObject  *object,
                       const char  *member,
                       gint64       min,
                       gint64       max,
                       gint64      *value,
                       const char  *name,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *what = g_strdup_printf (_("a whole number from %" PRId64 " to %" PRId64),
                                           min, max);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < min || json_node_get_int (node) > max)
    return bad_value (error, name, member, what);
  *value = json_node_get_int (node);
  return TRUE;
}

/**
 * cl_summary_member_day:
 * @object: an object of a document from outside
 * @member: the member to read
 * @nullable: whether JSON null is accepted, read as 0
 * @day: (out): set to the day, 0 for null or on failure
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads an ISO date member, such as "2026-11-23"; with @nullable, null too.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%CL_SUMMARY_ERROR_BAD_VALUE) when it is missing or not a date
 */
gboolean
cl_summary_member_day (JsonObject  *object,
                       const char  *member,
                       gboolean     nullable,
                       ClDay       *day,
                       const char  *name,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *day = 0;
  if (nullable && node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || !cl_date_parse (json_node_get_string (node), day) || *day == 0)
    return bad_value (error, name, member, _("a date such as 2026-11-23"));
  return TRUE;
}

/**
 * cl_summary_member_object:
 * @object: an object of a document from outside
 * @member: the member to read
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a member that must be an object.
 *
 * Returns: (transfer none) (nullable): the object, owned by @object, or
 *   %NULL with @error set (%CL_SUMMARY_ERROR_BAD_VALUE)
 */
JsonObject *
cl_summary_member_object (JsonObject  *object,
                          const char  *member,
                          const char  *name,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad_value (error, name, member, _("an object")), NULL;
  return json_node_get_object (node);
}

/**
 * cl_summary_member_array:
 * @object: an object of a document from outside
 * @member: the member to read
 * @max_length: the most elements accepted
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a member that must be an array of at most @max_length objects.
 *
 * Returns: (transfer none) (nullable): the array, owned by @object, or
 *   %NULL with @error set (%CL_SUMMARY_ERROR_BAD_VALUE)
 */
JsonArray *
cl_summary_member_array (JsonObject  *object,
                         const char  *member,
                         guint        max_length,
                         const char  *name,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *what = g_strdup_printf (_("a list of at most %u objects"), max_length);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return bad_value (error, name, member, what), NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_length)
    return bad_value (error, name, member, what), NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      return bad_value (error, name, member, what), NULL;
  return array;
}

/* ------------------------------------------------------------------ keeping */

/* cl_summary_keep () in its transaction */
static gboolean
keep_locked (ClStore           *store,
             ClSummaryInfo     *info,
             const char        *data,
             const char        *name,
             gboolean           replace,
             ClSummaryOutcome  *outcome,
             GError           **error)
{
  g_autofree char *kept_at = NULL;
  gboolean same_file = FALSE;
  gint64 kept = 0;

  if (!cl_store_find_kept_summary (store, info->format, info->subject, info->exported_by, info->digest, &kept,
                                   &kept_at, &same_file, error))
    return FALSE;
  if (kept != 0 && same_file)
    {
      *outcome = CL_SUMMARY_ALREADY_KEPT;
      return TRUE;
    }
  if (kept != 0 && (g_strcmp0 (info->exported_at, kept_at) <= 0 || !replace))
    {
      /* when, in words, as the library says it */
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *exported = cl_date_describe_moment (info->exported_at, now);
      g_autofree char *kept_when = cl_date_describe_moment (kept_at, now);

      if (g_strcmp0 (info->exported_at, kept_at) <= 0)
        return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_OLDER,
                            _("%s was exported %s; the library keeps a newer one, from %s"), name, exported,
                            kept_when), FALSE;
      return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NEWER,
                          _("%s is a newer export (%s) of the one the library keeps from %s"), name, exported,
                          kept_when), FALSE;
    }
  if (!cl_store_keep_summary (store, kept, info->format, info->version, info->subject, info->period,
                              info->exported_by, info->exported_at, info->digest, data, error))
    return FALSE;
  *outcome = kept != 0 ? CL_SUMMARY_REPLACED : CL_SUMMARY_ADDED;
  return TRUE;
}

/**
 * cl_summary_keep:
 * @store: the workspace
 * @info: the header of @data, from cl_summary_read ()
 * @data: the summary's text
 * @name: the file, as errors name it
 * @replace: whether a newer export may replace the one kept
 * @outcome: (out): set to what was done, on success
 * @error: return location for a #GError, or %NULL
 *
 * Keeps @data, the summary @info describes, in the team library. The very
 * same file is not kept twice. A newer export of one kept (same kind,
 * subject and author) replaces it only with @replace, else
 * %CL_SUMMARY_ERROR_NEWER; an older or equally old one is refused with
 * %CL_SUMMARY_ERROR_OLDER. The look-up of the one kept and the write are
 * one transaction: another connection keeping the same summary meanwhile
 * waits, then finds this one.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_summary_keep (ClStore           *store,
                 ClSummaryInfo     *info,
                 const char        *data,
                 const char        *name,
                 gboolean           replace,
                 ClSummaryOutcome  *outcome,
                 GError           **error)
{
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!keep_locked (store, info, data, name, replace, outcome, error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

/**
 * cl_summary_load:
 * @path: the file
 * @out_info: (out) (transfer full): set to its header on success
 * @error: return location for a #GError, or %NULL
 *
 * Reads the summary at @path (a regular file of at most 16 MB) and checks
 * it with cl_summary_read ().
 *
 * Returns: (transfer full) (nullable): the file's text, or %NULL with
 *   @error set
 */
char *
cl_summary_load (const char      *path,
                 ClSummaryInfo  **out_info,
                 GError         **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *data = NULL;
  gsize length = 0;

  if ((data = cl_file_read (path, MAX_BYTES, &length, error)) == NULL
      || (*out_info = cl_summary_read (data, length, name, error)) == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/**
 * cl_summary_import:
 * @store: the workspace
 * @path: the file
 * @replace: whether a newer export may replace the one kept
 * @outcome: (out): set to what was done, on success
 * @error: return location for a #GError, or %NULL
 *
 * Reads the summary at @path with cl_summary_load () and keeps it with
 * cl_summary_keep ().
 *
 * Returns: (transfer full) (nullable): its header, or %NULL with @error set
 */
ClSummaryInfo *
cl_summary_import (ClStore           *store,
                   const char        *path,
                   gboolean           replace,
                   ClSummaryOutcome  *outcome,
                   GError           **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autofree char *data = cl_summary_load (path, &info, error);

  if (data == NULL || !cl_summary_keep (store, info, data, name, replace, outcome, error))
    return NULL;
  return g_steal_pointer (&info);
}

/**
 * cl_summary_list_library:
 * @store: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists the team library: by kind, then the latest period first, then who
 * exported it.
 *
 * Returns: (transfer full) (nullable): a list of #ClLibraryEntry, or %NULL
 *   with @error set
 */
GListModel *
cl_summary_list_library (ClStore  *store,
                         GError  **error)
{
  return cl_store_list_library (store, error);
}
