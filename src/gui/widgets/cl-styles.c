/* cl-styles.c — the style classes and texts that mean the same thing in
 * every view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-styles.h"

const char *
cl_health_state_style_class (ClHealthState state)
{
  switch (state)
    {
    case CL_HEALTH_RUNNING: return "success";
    case CL_HEALTH_SLIPPING: return "warning";
    case CL_HEALTH_LAPSED: return "error";
    case CL_HEALTH_NO_DATA: break;
    }
  return "dim-label";
}

char *
cl_health_row_subtitle (const ClLoopHealth *health)
{
  g_autofree char *described = cl_loop_health_describe (health);
  g_autofree char *explained = cl_loop_health_explain (health);

  return explained ? g_strdup_printf ("%s\n%s", described, explained) : g_steal_pointer (&described);
}
