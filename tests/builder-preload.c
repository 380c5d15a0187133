/* builder-preload.c — lets gtk4-builder-tool validate our templates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded with LD_PRELOAD into gtk4-builder-tool: it initialises libadwaita
 * and registers the widget types our templates use as children, so the tool
 * knows them. The type of the template being validated is left out, since
 * the tool makes a stand-in for it. LD_PRELOAD is cleared first so the
 * tool's own helper processes do not load this again.
 */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "cl-list-page.h"
#include "cl-loading-spinner.h"
#include "cl-overview-page.h"
#include "cl-pipeline-page.h"
#include "cl-retro-page.h"
#include "cl-team-page.h"

static gboolean
validating (const char *ui_name)
{
  g_autofree char *cmdline = NULL;
  gsize len;

  if (!g_file_get_contents ("/proc/self/cmdline", &cmdline, &len, NULL))
    return FALSE;
  for (gsize i = 0; i < len; i += strlen (cmdline + i) + 1)
    if (g_str_has_suffix (cmdline + i, ui_name))
      return TRUE;
  return FALSE;
}

__attribute__ ((constructor)) static void
register_types (void)
{
  unsetenv ("LD_PRELOAD");
  adw_init ();
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  if (!validating ("cl-list-page.ui"))
    g_type_ensure (CL_TYPE_LIST_PAGE);
  if (!validating ("cl-overview-page.ui"))
    g_type_ensure (CL_TYPE_OVERVIEW_PAGE);
  if (!validating ("cl-pipeline-page.ui"))
    g_type_ensure (CL_TYPE_PIPELINE_PAGE);
  if (!validating ("cl-team-page.ui"))
    g_type_ensure (CL_TYPE_TEAM_PAGE);
  if (!validating ("cl-retro-page.ui"))
    g_type_ensure (CL_TYPE_RETRO_PAGE);
}
