/* cl-action-load.h — open actions per rep against the team's cap
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* Reps fail by doing too many things at once: the team caps how many
 * open actions one person carries. Kept in the team settings. */
#define CL_SETTING_OPEN_ACTIONS_CAP "open_actions_cap"
#define CL_DEFAULT_OPEN_ACTIONS_CAP 5

typedef enum {
  CL_LOAD_UNDER_CAP,
  CL_LOAD_AT_CAP,      /* one more action puts the rep over */
  CL_LOAD_OVER_CAP,
} ClLoadState;

int          cl_action_cap_load        (ClStore         *store);
ClLoadState  cl_action_load_state      (int              open_actions,
                                        int              cap);
char        *cl_action_load_describe   (const ClRepLoad *load,
                                        int              cap);

G_END_DECLS
