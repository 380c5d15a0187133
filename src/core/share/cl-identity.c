/* cl-identity.c — who owns the workspace: a name, a stable random id and a
 * role, set on first use
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept as three workspace settings; the id is made once and never changes,
 * so the owner's subfolder of the team folder stays theirs through a
 * rename, and a namesake gets one of their own.
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-export.h"
#include "cl-identity.h"
#include "cl-team-folder.h"

#define NAME_KEY "owner_name"
#define ID_KEY   "owner_id"
#define ROLE_KEY "owner_role"

void
cl_identity_free (ClIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->name);
  g_free (identity->id);
  g_free (identity);
}

const char *
cl_role_to_string (ClRole role)
{
  return role == CL_ROLE_MANAGER ? "manager" : "rep";
}

gboolean
cl_role_parse (const char *text,
               ClRole     *role)
{
  if (g_strcmp0 (text, "manager") == 0)
    *role = CL_ROLE_MANAGER;
  else if (g_strcmp0 (text, "rep") == 0)
    *role = CL_ROLE_REP;
  else
    return FALSE;
  return TRUE;
}

gboolean
cl_identity_id_valid (const char *id)
{
  if (id == NULL || strlen (id) != CL_IDENTITY_ID_LENGTH)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* A name an owner can have: trimmed, not blank, bounded, printable. */
static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (*trimmed == '\0')
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("A name cannot be blank")), NULL;
  if (strlen (trimmed) > CL_IDENTITY_MAX_NAME || !g_utf8_validate (trimmed, -1, NULL))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("A name is text of at most %d bytes"), CL_IDENTITY_MAX_NAME), NULL;
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                          _("A name cannot hold control characters")), NULL;
  return g_steal_pointer (&trimmed);
}

ClIdentity *
cl_identity_peek (ClStore *store)
{
  g_autoptr (ClIdentity) identity = g_new0 (ClIdentity, 1);
  g_autofree char *role = cl_store_get_setting_text (store, ROLE_KEY);

  identity->name = cl_store_get_setting_text (store, NAME_KEY);
  identity->id = cl_store_get_setting_text (store, ID_KEY);
  if (identity->name == NULL || !cl_identity_id_valid (identity->id) || !cl_role_parse (role, &identity->role))
    return NULL;
  return g_steal_pointer (&identity);
}

static char *
new_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_new (NULL);

  for (const char *p = uuid; *p && id->len < CL_IDENTITY_ID_LENGTH; p++)
    if (*p != '-')
      g_string_append_c (id, *p);
  return g_string_free (id, FALSE);
}

static gboolean
save (ClStore          *store,
      const ClIdentity *identity,
      GError          **error)
{
  if (!cl_store_begin (store, error))
    return FALSE;
  if (!cl_store_set_setting_text (store, NAME_KEY, identity->name, error)
      || !cl_store_set_setting_text (store, ID_KEY, identity->id, error)
      || !cl_store_set_setting_text (store, ROLE_KEY, cl_role_to_string (identity->role), error))
    {
      cl_store_rollback (store);
      return FALSE;
    }
  return cl_store_commit (store, error);
}

ClIdentity *
cl_identity_get (ClStore  *store,
                 GError  **error)
{
  ClIdentity *found = cl_identity_peek (store);
  g_autoptr (ClIdentity) identity = NULL;
  g_autofree char *stored_id = NULL;

  if (found != NULL)
    return found;
  identity = g_new0 (ClIdentity, 1);
  identity->name = check_name (cl_export_author (), NULL);
  if (identity->name == NULL)
    identity->name = g_strdup (g_get_user_name ());
  /* an id once made stays, whatever else was missing */
  stored_id = cl_store_get_setting_text (store, ID_KEY);
  identity->id = cl_identity_id_valid (stored_id) ? g_steal_pointer (&stored_id) : new_id ();
  /* Closeloop's workspaces have been managers' team workspaces; a rep's
   * own says so once (closeloop identity set --role rep) */
  identity->role = CL_ROLE_MANAGER;
  if (!save (store, identity, error))
    return NULL;
  return g_steal_pointer (&identity);
}

gboolean
cl_identity_set (ClStore     *store,
                 const char  *name,
                 ClRole       role,
                 GError     **error)
{
  g_autoptr (ClIdentity) identity = cl_identity_get (store, error);
  g_autofree char *checked = NULL;

  if (identity == NULL)
    return FALSE;
  if (name != NULL)
    {
      if ((checked = check_name (name, error)) == NULL)
        return FALSE;
      g_free (identity->name);
      identity->name = g_steal_pointer (&checked);
    }
  identity->role = role;
  return save (store, identity, error);
}

const char *
cl_identity_author (const ClIdentity *identity)
{
  const char *name = g_getenv ("CLOSELOOP_AUTHOR");

  return name != NULL && *name != '\0' ? name : identity->name;
}

char *
cl_identity_subfolder (const ClIdentity *identity)
{
  return cl_team_folder_person_with_id (cl_identity_author (identity), identity->id);
}

void
cl_identity_apply (const ClIdentity *identity)
{
  cl_export_set_owner_name (identity != NULL ? identity->name : NULL);
}
