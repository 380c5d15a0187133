/* main.c — one binary: headless commands, or the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cl-application.h"
#include "cl-cli.h"

/* The application's "handle-local-options", before it runs: without the
 * window's settings schema installed GLib would abort at the window's
 * settings, so this says how to run Closeloop and exits with 1 (-1: goes
 * on). --help is answered before it. */
static int
check_settings_schema (GApplication *app,
                       GVariantDict *options,
                       gpointer      user_data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *message = NULL;

  if (schema != NULL)
    return -1;
  message = g_strdup_printf (_("the settings schema %s is not installed; run Closeloop installed, or from the "
                               "build tree with: meson devenv -C build closeloop"), APP_ID);
  fprintf (stderr, "closeloop: %s\n", message);
  return 1;
}

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
      g_signal_connect (app, "handle-local-options", G_CALLBACK (check_settings_schema), NULL);
      status = g_application_run (G_APPLICATION (app), cmdline.argc, cmdline.argv);
    }
  cl_command_line_clear (&cmdline);
  return status;
}
