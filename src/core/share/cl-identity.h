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

const char  *cl_role_to_string       (ClRole        role);
gboolean     cl_role_parse           (const char   *text,
                                      ClRole       *role);
gboolean     cl_identity_id_valid    (const char   *id);

ClIdentity  *cl_identity_get         (ClStore      *store,
                                      GError      **error);
ClIdentity  *cl_identity_peek        (ClStore      *store);
char        *cl_identity_check_name  (const char   *name,
                                      GError      **error);
gboolean     cl_identity_set         (ClStore      *store,
                                      const char   *name,
                                      ClRole        role,
                                      GError      **error);
const char  *cl_identity_author      (const ClIdentity *identity);
char        *cl_identity_subfolder   (const ClIdentity *identity);
void         cl_identity_apply       (const ClIdentity *identity);

G_END_DECLS
