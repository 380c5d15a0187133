/* cl-action-load.c — open actions per rep against the team's cap
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-action-load.h"

/**
 * cl_action_cap_load:
 * @store: the workspace
 *
 * Reads the team's cap on open actions per rep from the team settings,
 * %CL_DEFAULT_OPEN_ACTIONS_CAP when unset. A stored value below 1 counts
 * as 1.
 *
 * Returns: the cap, at least 1
 */
int
cl_action_cap_load (ClStore *store)
{
  gint64 cap = cl_store_get_setting_int (store, CL_SETTING_OPEN_ACTIONS_CAP,
                                         CL_DEFAULT_OPEN_ACTIONS_CAP);

  return (int) CLAMP (cap, 1, G_MAXINT);
}

/**
 * cl_action_load_state:
 * @open_actions: how many open actions the rep carries
 * @cap: the team's cap, as cl_action_cap_load () gives it
 *
 * Compares a rep's open actions with the team's cap.
 *
 * Returns: %CL_LOAD_OVER_CAP above @cap, %CL_LOAD_AT_CAP at it, else
 *   %CL_LOAD_UNDER_CAP
 */
ClLoadState
cl_action_load_state (int open_actions,
                      int cap)
{
  if (open_actions > cap)
    return CL_LOAD_OVER_CAP;
  return open_actions == cap ? CL_LOAD_AT_CAP : CL_LOAD_UNDER_CAP;
}

/**
 * cl_action_load_describe:
 * @load: the rep's load
 * @cap: the team's cap
 *
 * Describes a rep's open actions against @cap, translated, with the
 * overdue ones when there are any: "7 open actions, 2 over the team’s cap
 * of 5; 1 overdue".
 *
 * Returns: (transfer full): the sentence
 */
char *
cl_action_load_describe (const ClRepLoad *load,
                         int              cap)
{
  g_autofree char *state = NULL;

  switch (cl_action_load_state (load->n_open_actions, cap))
    {
    case CL_LOAD_OVER_CAP:
      state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%d open action, %d over the team’s cap of %d",
                                            "%d open actions, %d over the team’s cap of %d",
                                            load->n_open_actions),
                               load->n_open_actions, load->n_open_actions - cap, cap);
      break;
    case CL_LOAD_AT_CAP:
      state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%d open action, at the team’s cap",
                                            "%d open actions, at the team’s cap",
                                            load->n_open_actions),
                               load->n_open_actions);
      break;
    case CL_LOAD_UNDER_CAP:
      state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%d open action of %d allowed",
                                            "%d open actions of %d allowed",
                                            load->n_open_actions),
                               load->n_open_actions, cap);
      break;
    }
  if (load->n_overdue_actions == 0)
    return g_steal_pointer (&state);
  /* Translators: the rep's open actions, then how many are overdue */
  return g_strdup_printf (_("%s; %d overdue"), state, load->n_overdue_actions);
}
