/* cl-document.c — what every shared document starts with, and who it is by
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Here rather than in export/ so that the store's backup writes the same
 * header without the store depending on the exports.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include "cl-document.h"

/**
 * cl_export_add_string:
 * @builder: a #JsonBuilder inside an object
 * @member: the member's name
 * @value: (nullable): its value; %NULL is written as null
 *
 * Adds @member to the object being built, as a string or null.
 */
void
cl_export_add_string (JsonBuilder *builder,
                      const char  *member,
                      const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/**
 * cl_export_add_int:
 * @builder: a #JsonBuilder inside an object
 * @member: the member's name
 * @value: its value
 *
 * Adds @member to the object being built, as an integer.
 */
void
cl_export_add_int (JsonBuilder *builder,
                   const char  *member,
                   gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* the workspace owner's name, once a program applied its identity;
 * interned, so a worker thread exporting while the window opens another
 * workspace reads one name or the other, never a freed one */
static const char *owner_name;

/**
 * cl_export_set_owner_name:
 * @name: (nullable): the workspace owner's name, or %NULL for none
 *
 * Sets the name cl_export_author () gives when $CLOSELOOP_AUTHOR is not set;
 * see cl_identity_apply (). The name is interned and set atomically, so a
 * thread exporting meanwhile reads the old name or the new one.
 */
void
cl_export_set_owner_name (const char *name)
{
  g_atomic_pointer_set (&owner_name, name != NULL ? g_intern_string (name) : NULL);
}

/**
 * cl_export_author:
 * Who exports: $CLOSELOOP_AUTHOR when set and not empty, else the workspace
 * owner's name (cl_export_set_owner_name ()), else the user's real name, else
 * their login name. Safe to call from any thread.
 *
 * Returns: (transfer none): the author's name
 */
const char *
cl_export_author (void)
{
  const char *name = g_getenv ("CLOSELOOP_AUTHOR");

  if (name != NULL && *name != '\0')
    return name;
  if ((name = g_atomic_pointer_get (&owner_name)) != NULL)
    return name;
  name = g_get_real_name ();
  return name != NULL && *name != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

/**
 * cl_export_begin_document:
 * @builder: a new #JsonBuilder
 * @format: the format's name, "closeloop.deal-coaching"
 * @version: the format's version
 *
 * Opens the document's object with what every format starts with: "format",
 * "version", the "app_version" that wrote it, "exported_at" (now, UTC, to the
 * second) and "exported_by" (cl_export_author ()). The caller adds its members
 * and ends the object.
 */
void
cl_export_begin_document (JsonBuilder *builder,
                          const char  *format,
                          int          version)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  cl_export_add_string (builder, "format", format);
  cl_export_add_int (builder, "version", version);
  cl_export_add_string (builder, "app_version", PACKAGE_VERSION);
  cl_export_add_string (builder, "exported_at", stamp);
  cl_export_add_string (builder, "exported_by", cl_export_author ());
}
