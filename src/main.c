/* main.c — one binary: headless commands, or the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cl-application.h"
#include "cl-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClApplication) app = NULL;
  ClCommandLine cmdline;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!cl_command_line_parse (&cmdline, argc, argv, &error))
    {
      fprintf (stderr, "closeloop: %s\n", error->message);
      return 2;
    }
  /* a command never touches the display */
  if (cl_cli_wants (&cmdline))
    status = cl_cli_run (&cmdline);
  else
    {
      app = cl_application_new (cmdline.workspace, G_APPLICATION_HANDLES_OPEN);
      status = g_application_run (G_APPLICATION (app), cmdline.argc, cmdline.argv);
    }
  cl_command_line_clear (&cmdline);
  return status;
}
