/* cl-cli.h — the headless commands: closeloop [--workspace PATH] COMMAND
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Global options split off the command line before a command or the GUI runs. */
typedef struct
{
  char  *workspace;  /* --workspace PATH, or NULL */
  char  *command;    /* the first word that is not an option, or NULL;
                      * "help" for --help before any command */
  gboolean version;  /* --version before any command */
  int    argc;       /* what remains for the command (argv[0] is the command) */
  char **argv;
} ClCommandLine;

gboolean cl_command_line_parse (ClCommandLine  *cmdline,
                                int             argc,
                                char          **argv,
                                GError        **error);
void     cl_command_line_clear (ClCommandLine  *cmdline);

/* Whether @cmdline names a headless command (or an unknown word) or --version. */
gboolean cl_cli_wants       (const ClCommandLine *cmdline);
int      cl_cli_run         (ClCommandLine       *cmdline);

G_END_DECLS
