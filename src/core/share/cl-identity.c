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

/**
 * cl_identity_free:
 * @identity: (nullable): an identity
 *
 * Frees @identity. Does nothing for %NULL.
 */
void
cl_identity_free (ClIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->name);
  g_free (identity->id);
  g_free (identity);
}

/**
 * cl_role_to_string:
 * @role: a role
 *
 * Names @role as the settings and the command line write it.
 *
 * Returns: (transfer none): "manager" for %CL_ROLE_MANAGER, else "rep"
 */
const char *
cl_role_to_string (ClRole role)
{
  return role == CL_ROLE_MANAGER ? "manager" : "rep";
}

/**
 * cl_role_parse:
 * @text: (nullable): "manager" or "rep"
 * @role: (out): set to the role read; left alone on failure
 *
 * Reads a role's name, as cl_role_to_string () writes it.
 *
 * Returns: %TRUE when @text is "manager" or "rep", %FALSE for anything
 *   else, %NULL included
 */
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

/**
 * cl_identity_id_valid:
 * @id: (nullable): an owner's id
 *
 * Checks the form of an owner's id.
 *
 * Returns: %TRUE when @id is %CL_IDENTITY_ID_LENGTH lowercase hexadecimal
 *   digits, %FALSE otherwise or for %NULL
 */
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

/**
 * cl_identity_check_name:
 * @name: a name for the workspace's owner
 * @error: return location for a #GError, or %NULL
 *
 * Whether @name is one an owner can have: trimmed, not blank, bounded,
 * printable.
 *
 * Returns: (transfer full) (nullable): @name trimmed, or %NULL with @error
 *   set
 */
char *
cl_identity_check_name (const char  *name,
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

/**
 * cl_identity_peek:
 * @store: the workspace
 *
 * Reads the workspace's owner if one was set, without making one.
 *
 * Returns: (transfer full) (nullable): the owner, or %NULL when the
 *   workspace has no complete owner (name, valid id and role)
 */
/* Reads what the workspace stores of its owner into @identity: the name
 * as stored, the id when valid, the role when readable (@has_role). Returns
 * whether all three were. */
static gboolean
read_stored (ClStore    *store,
             ClIdentity *identity,
             gboolean   *has_role)
{
  g_autofree char *role = cl_store_get_setting_text (store, ROLE_KEY);

  identity->name = cl_store_get_setting_text (store, NAME_KEY);
  identity->id = cl_store_get_setting_text (store, ID_KEY);
  if (!cl_identity_id_valid (identity->id))
    g_clear_pointer (&identity->id, g_free);
  *has_role = cl_role_parse (role, &identity->role);
  return identity->name != NULL && identity->id != NULL && *has_role;
}

ClIdentity *
cl_identity_peek (ClStore *store)
{
  g_autoptr (ClIdentity) identity = g_new0 (ClIdentity, 1);
  gboolean has_role;

  return read_stored (store, identity, &has_role) ? g_steal_pointer (&identity) : NULL;
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

/**
 * cl_identity_get:
 * @store: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Reads the workspace's owner, making and saving one on first use: the
 * user's name (cl_export_author () as it is before any owner is known, or
 * the login name when that is not a valid name), the id already stored or
 * a new random one, and the role of a manager (a rep's workspace is set so
 * once). When any of the three settings is missing or invalid, that one
 * is made again; those stored and valid are kept.
 *
 * Returns: (transfer full) (nullable): the owner, or %NULL with @error set
 *   when it cannot be saved
 */
ClIdentity *
cl_identity_get (ClStore  *store,
                 GError  **error)
{
  g_autoptr (ClIdentity) identity = g_new0 (ClIdentity, 1);
  g_autofree char *stored_name = NULL;
  gboolean has_role;

  if (read_stored (store, identity, &has_role))
    return g_steal_pointer (&identity);
  /* what was stored and can be read stays, whatever else was missing */
  stored_name = g_steal_pointer (&identity->name);
  identity->name = stored_name != NULL ? cl_identity_check_name (stored_name, NULL) : NULL;
  if (identity->name == NULL)
    identity->name = cl_identity_check_name (cl_export_author (), NULL);
  if (identity->name == NULL)
    identity->name = g_strdup (g_get_user_name ());
  if (identity->id == NULL)
    identity->id = new_id ();
  /* Closeloop's workspaces have been managers' team workspaces; a rep's
   * own says so once (closeloop identity set --role rep) */
  if (!has_role)
    identity->role = CL_ROLE_MANAGER;
  if (!save (store, identity, error))
    return NULL;
  return g_steal_pointer (&identity);
}

/**
 * cl_identity_set:
 * @store: the workspace
 * @name: (nullable): the new name (trimmed, not blank, at most
 *   %CL_IDENTITY_MAX_NAME bytes of UTF-8, no control characters), or
 *   %NULL to keep the current one
 * @role: the new role
 * @error: return location for a #GError, or %NULL
 *
 * Changes the owner's name and role, making the owner first if there is
 * none; the id never changes.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%CL_STORE_ERROR_INVALID for a bad name)
 */
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
      if ((checked = cl_identity_check_name (name, error)) == NULL)
        return FALSE;
      g_free (identity->name);
      identity->name = g_steal_pointer (&checked);
    }
  identity->role = role;
  return save (store, identity, error);
}

/**
 * cl_identity_author:
 * @identity: the workspace's owner
 *
 * The name documents say wrote them: $CLOSELOOP_AUTHOR when it is set and
 * not empty, else the owner's name.
 *
 * Returns: (transfer none): the name, owned by @identity or the environment
 */
const char *
cl_identity_author (const ClIdentity *identity)
{
  const char *name = g_getenv ("CLOSELOOP_AUTHOR");

  return name != NULL && *name != '\0' ? name : identity->name;
}

/**
 * cl_identity_subfolder:
 * @identity: the workspace's owner
 *
 * Names the owner's subfolder of the team folder: their name (as
 * cl_identity_author () says it, made safe) and their id, "Ana Okafor
 * (3f9a0c12be47)", so two people of one name never share one.
 *
 * Returns: (transfer full): the subfolder's name
 */
char *
cl_identity_subfolder (const ClIdentity *identity)
{
  return cl_team_folder_person_with_id (cl_identity_author (identity), identity->id);
}

/**
 * cl_identity_apply:
 * @identity: (nullable): the workspace's owner, or %NULL to forget it
 *
 * Makes @identity's name the author of the documents this process exports
 * (cl_export_author ()), unless $CLOSELOOP_AUTHOR is set. A program calls
 * it once its workspace is open.
 */
void
cl_identity_apply (const ClIdentity *identity)
{
  cl_export_set_owner_name (identity != NULL ? identity->name : NULL);
}
