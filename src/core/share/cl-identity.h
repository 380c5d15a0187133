/* cl-identity.h — who owns the workspace: a name, a stable random id and a
 * role, set on first use
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

typedef enum {
  CL_ROLE_REP,
  CL_ROLE_MANAGER,
} ClRole;

/* The longest name an owner can have, in bytes. */
#define CL_IDENTITY_MAX_NAME 200
/* An id is this many lowercase hexadecimal digits. */
#define CL_IDENTITY_ID_LENGTH 12

typedef struct
{
  char   *name;    /* as the owner set it; $CLOSELOOP_AUTHOR does not change it */
  char   *id;      /* CL_IDENTITY_ID_LENGTH hex digits, never changes */
  ClRole  role;
} ClIdentity;

void         cl_identity_free        (ClIdentity   *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClIdentity, cl_identity_free)

/* "manager" or "rep" */
const char  *cl_role_to_string       (ClRole        role);
/* Reads "manager" or "rep" into @role; FALSE for anything else. */
gboolean     cl_role_parse           (const char   *text,
                                      ClRole       *role);
/* Whether @id is CL_IDENTITY_ID_LENGTH lowercase hexadecimal digits. */
gboolean     cl_identity_id_valid    (const char   *id);

/**
 * cl_identity_get:
 *
 * The workspace's owner, made on first use: the user's name
 * (cl_export_author () as it is before any owner is known), a new random
 * id, and the role of a manager (a rep's workspace is set so once); what
 * is made is saved.
 *
 * Returns: (transfer full) (nullable): the owner, or NULL with @error
 */
ClIdentity  *cl_identity_get         (ClStore      *store,
                                      GError      **error);
/**
 * cl_identity_peek:
 *
 * The workspace's owner if one was set, without making one.
 *
 * Returns: (transfer full) (nullable): the owner, or NULL
 */
ClIdentity  *cl_identity_peek        (ClStore      *store);
/**
 * cl_identity_set:
 * @name: (nullable): the new name (trimmed, not blank, at most
 *   CL_IDENTITY_MAX_NAME bytes, no control characters); NULL keeps it
 * @role: the new role
 *
 * Changes the owner's name and role; the id never changes.
 *
 * Returns: FALSE with @error (CL_STORE_ERROR_INVALID for a bad name)
 */
gboolean     cl_identity_set         (ClStore      *store,
                                      const char   *name,
                                      ClRole        role,
                                      GError      **error);
/**
 * cl_identity_author:
 *
 * The name documents say wrote them: $CLOSELOOP_AUTHOR, else the owner's.
 *
 * Returns: (transfer none): the name
 */
const char  *cl_identity_author      (const ClIdentity *identity);
/**
 * cl_identity_subfolder:
 *
 * The owner's subfolder of the team folder: their name (as
 * cl_identity_author () says it, made safe) and their id, "Ana Okafor
 * (3f9a0c12be47)", so two people of one name never share one.
 *
 * Returns: (transfer full): the subfolder's name
 */
char        *cl_identity_subfolder   (const ClIdentity *identity);
/* Makes @identity the author of the documents this process exports
 * (cl_export_author ()); a program calls it once its workspace is open. */
void         cl_identity_apply       (const ClIdentity *identity);

G_END_DECLS
