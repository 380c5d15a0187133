/* cl-cli.c — the headless commands: closeloop [--workspace PATH] COMMAND
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents go to stdout unless --output FILE; an error is one line on
 * stderr and exit status 1; a misused command exits 2 with its usage.
 */
#define G_LOG_DOMAIN "cl-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-call-import.h"
#include "cl-call-metrics.h"
#include "cl-cli.h"
#include "cl-coaching-export.h"
#include "cl-deal-import.h"
#include "cl-demo.h"
#include "cl-development.h"
#include "cl-development-export.h"
#include "cl-export.h"
#include "cl-file.h"
#include "cl-flags.h"
#include "cl-health-export.h"
#include "cl-identity.h"
#include "cl-metrics-export.h"
#include "cl-my-month.h"
#include "cl-practice-log.h"
#include "cl-rep-brief.h"
#include "cl-retro-export.h"
#include "cl-review-export.h"
#include "cl-store.h"
#include "cl-summary.h"
#include "cl-team-folder.h"
#include "cl-text.h"

#define EXIT_USAGE 2

/* Every command that writes a document takes --output FILE. */
#define OUTPUT_OPTION(variable)                                                  \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &(variable),                        \
    N_("Write the document to FILE instead of standard output"), "FILE" }
/* Every command that writes a summary takes --publish. */
#define PUBLISH_OPTION(variable)                                                 \
  { "publish", 0, 0, G_OPTION_ARG_NONE, &(variable),                             \
    N_("Also publish it in your subfolder of the team folder"), NULL }

typedef int (*ClCommandFunc) (const char *workspace,
                              int         argc,
                              char      **argv);

typedef struct
{
  const char    *name;
  const char    *summary;
  ClCommandFunc  run;
} ClCommand;

static int run_action (const char *workspace, int argc, char **argv);
static int run_analyze (const char *workspace, int argc, char **argv);
static int run_demo (const char *workspace, int argc, char **argv);
static int run_export (const char *workspace, int argc, char **argv);
static int run_health (const char *workspace, int argc, char **argv);
static int run_help (const char *workspace, int argc, char **argv);
static int run_identity (const char *workspace, int argc, char **argv);
static int run_import (const char *workspace, int argc, char **argv);
static int run_log (const char *workspace, int argc, char **argv);
static int run_my_month (const char *workspace, int argc, char **argv);
static int run_publish (const char *workspace, int argc, char **argv);
static int run_rep (const char *workspace, int argc, char **argv);
static int run_team_folder (const char *workspace, int argc, char **argv);

static const ClCommand commands[] = {
  { "action", N_("Close an action: action done ID [--note TEXT] (a rep: an action of their brief)"), run_action },
  { "analyze", N_("Measure a call transcript: analyze FILE --rep NAME"), run_analyze },
  { "demo", N_("Write a realistic sample team into a new workspace"), run_demo },
  { "export", N_("Write a shared document: export review --week 2026-W47, export coaching --deal ID, "
                 "export rep-plan --rep NAME --month 2026-11, export retro --quarter 2026-Q4"), run_export },
  { "health", N_("Loop health as JSON: health [--period 2026-Q4]"), run_health },
  { "help", N_("Show the commands"), run_help },
  { "identity", N_("Who owns the workspace: identity [show | set [--name NAME] [--role manager|rep]]"),
    run_identity },
  { "import", N_("Bring a file in: import transcript FILE --deal ID, import deals FILE.csv, import undo, "
                 "import summary FILE.json"), run_import },
  { "log", N_("Record what happened: log practice [--rep NAME] --focus KEY --score N"), run_log },
  { "my-month", N_("A rep's brief from their manager: this month's plan, open actions, open deals"),
    run_my_month },
  { "publish", N_("Publish into the team folder: publish briefs [--rep NAME] (a manager's workspace)"), run_publish },
  { "rep", N_("The team's roster: rep list, rep rename NAME NEW-NAME, rep merge NAME --into NAME, "
              "rep set NAME [--manager yes|no] [--left yes|no]"), run_rep },
  { "team-folder", N_("The folder the team syncs: team-folder [show | set PATH | clear | sync]"), run_team_folder },
};

/* The options before the command, as --help lists them. */
static const struct
{
  const char *name;
  const char *summary;
} global_options[] = {
  { "--workspace PATH", N_("The workspace to open (default: $CLOSELOOP_WORKSPACE, else "
                           "$XDG_DATA_HOME/closeloop/workspace.db)") },
  { "-h, --help", N_("Show the commands and these options") },
  { "--version", N_("Show the version") },
};

static const ClCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_error (const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\n", ' ');

  fprintf (stderr, "closeloop: %s\n", line);
}

gboolean
cl_command_line_parse (ClCommandLine  *cmdline,
                       int             argc,
                       char          **argv,
                       GError        **error)
{
  GPtrArray *rest = g_ptr_array_new ();

  /* rest[0] is the command when there is one, else the program */
  memset (cmdline, 0, sizeof *cmdline);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (cmdline->command == NULL && g_str_has_prefix (arg, "--workspace="))
        {
          g_free (cmdline->workspace);
          cmdline->workspace = g_strdup (arg + strlen ("--workspace="));
        }
      else if (cmdline->command == NULL && g_str_equal (arg, "--workspace"))
        {
          if (i + 1 >= argc)
            {
              g_ptr_array_free (rest, TRUE);
              return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                  _("--workspace needs a file path")), FALSE;
            }
          g_free (cmdline->workspace);
          cmdline->workspace = g_strdup (argv[++i]);
        }
      /* before a command, --help is the help command; after one, the command's own */
      else if (cmdline->command == NULL && (g_str_equal (arg, "--help") || g_str_equal (arg, "-h")))
        cmdline->command = g_strdup ("help");
      else if (cmdline->command == NULL && g_str_equal (arg, "--version"))
        cmdline->version = TRUE;
      else
        {
          /* a file that is no command's name is for the window to open */
          if (cmdline->command == NULL && arg[0] != '-'
              && (find_command (arg) != NULL || !g_file_test (arg, G_FILE_TEST_EXISTS)))
            cmdline->command = g_strdup (arg);
          else
            g_ptr_array_add (rest, g_strdup (arg));
        }
    }
  g_ptr_array_insert (rest, 0, g_strdup (cmdline->command ? cmdline->command : argv[0]));
  cmdline->argc = rest->len;
  g_ptr_array_add (rest, NULL);
  cmdline->argv = (char **) g_ptr_array_free (rest, FALSE);
  return TRUE;
}

void
cl_command_line_clear (ClCommandLine *cmdline)
{
  g_clear_pointer (&cmdline->workspace, g_free);
  g_clear_pointer (&cmdline->command, g_free);
  g_clear_pointer (&cmdline->argv, g_strfreev);
}

gboolean
cl_cli_wants (const ClCommandLine *cmdline)
{
  return cmdline->command != NULL || cmdline->version;
}

/* Parses a command's own options; prints --help or a usage error itself. */
static gboolean
parse_command_options (const char    *name,
                       const char    *parameters,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       int           *exit_status)
{
  g_autoptr (GOptionContext) context = g_option_context_new (parameters);
  g_autoptr (GError) error = NULL;
  g_autofree char *usage = g_strdup_printf ("closeloop [--workspace PATH] %s", name);

  g_option_context_set_summary (context, _(find_command (name)->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname (usage);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error (error->message);
      *exit_status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_count (const char *text,
             guint       max,
             guint      *out)
{
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static void
print_progress (double   fraction,
                gpointer user_data)
{
  gboolean tty = GPOINTER_TO_INT (user_data);

  if (tty)
    fprintf (stderr, "\r%s %3d%%", _("Writing sample team…"), (int) (fraction * 100));
}

static int
run_demo (const char  *workspace,
          int          argc,
          char       **argv)
{
  g_autofree char *deals = NULL, *reps = NULL, *weeks = NULL, *seed = NULL, *own_workspace = NULL;
  g_autofree char *path = NULL;
  GOptionEntry entries[] = {
    { "deals", 0, 0, G_OPTION_ARG_STRING, &deals, N_("How many deals (default 800)"), "N" },
    { "reps", 0, 0, G_OPTION_ARG_STRING, &reps, N_("How many reps (default 8)"), "M" },
    { "weeks", 0, 0, G_OPTION_ARG_STRING, &weeks, N_("Weeks of history up to today (default 16)"), "W" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_("Seed; the same seed gives the same team (default 42)"), "S" },
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &own_workspace, N_("The workspace file to create"), "PATH" },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GError) error = NULL;
  ClDemoOptions options;
  int status = 0;
  gint64 start;

  if (!parse_command_options ("demo", "", entries, &argc, &argv, &status))
    return status;
  cl_demo_options_init (&options);
  if (!parse_count (deals, 10000000, &options.n_deals)
      || !parse_count (reps, 500, &options.n_reps)
      || !parse_count (weeks, 520, &options.n_weeks)
      || !parse_count (seed, G_MAXUINT32, &options.seed))
    {
      print_error (_("--deals, --reps, --weeks and --seed take a whole number "
                     "(at most 10000000 deals, 500 reps, 520 weeks)"));
      return EXIT_USAGE;
    }
  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("demo takes no argument “%s”"), argv[1]);
      print_error (message);
      return EXIT_USAGE;
    }

  path = g_strdup (own_workspace ? own_workspace : workspace);
  if (path == NULL)
    path = cl_store_default_path ();
  start = g_get_monotonic_time ();
  store = cl_store_open (path, &error);
  if (store == NULL
      || !cl_demo_generate (store, &options, print_progress,
                            GINT_TO_POINTER (isatty (fileno (stderr))), NULL, &error))
    {
      if (isatty (fileno (stderr)))
        fputc ('\n', stderr);
      print_error (error->message);
      return EXIT_FAILURE;
    }
  if (isatty (fileno (stderr)))
    fputc ('\n', stderr);
  printf (_("Wrote a sample team of %u reps and %u deals over %u weeks to %s in %.1f s\n"),
          options.n_reps, options.n_deals, options.n_weeks, path,
          (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;
}

/* Opens the workspace a command reads; it must exist already. */
static ClStore *
open_existing (const char  *workspace,
               GError     **error)
{
  g_autofree char *path = workspace ? g_strdup (workspace) : cl_store_default_path ();

  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClIdentity) owner = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                        _("Workspace “%s” does not exist"), path), NULL;
  if ((store = cl_store_open (path, error)) == NULL)
    return NULL;
  /* the owner's name, when set, signs what is exported */
  owner = cl_identity_peek (store);
  cl_identity_apply (owner);
  return g_steal_pointer (&store);
}

/* Opens the workspace an export or health reads once through. */
static ClStore *
open_to_read_through (const char  *workspace,
                      GError     **error)
{
  ClStore *store = open_existing (workspace, error);

  if (store != NULL)
    cl_store_set_cache_size (store, CL_STORE_READ_THROUGH_CACHE_KIB);
  return store;
}

/* Writes @root to @output, or to stdout when that is NULL; with @publish,
 * then into the user's subfolder of the team folder — only once the
 * document itself was written. */
static int
emit_document (ClStore    *store,
               JsonNode   *root,
               const char *output,
               gboolean    publish)
{
  g_autofree char *text = cl_export_to_text (root);
  g_autofree char *published = NULL;
  g_autoptr (GError) error = NULL;

  if (output == NULL && (fputs (text, stdout) < 0 || fflush (stdout) != 0))
    {
      print_error (_("Could not write to standard output"));
      return EXIT_FAILURE;
    }
  if (output != NULL && !cl_file_write (output, text, strlen (text), &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  if (publish && !cl_team_folder_publish_to_store_folder (store, text, &published, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  if (published != NULL)
    /* Translators: the file written in the team folder */
    g_printerr (_("Published %s\n"), published);
  return EXIT_SUCCESS;
}

/* Exit status for a failed build of a document: a caller's bad value is misuse. */
static int
report_failure (const GError *error)
{
  print_error (error->message);
  return error->domain == CL_STORE_ERROR && error->code == CL_STORE_ERROR_INVALID
           ? EXIT_USAGE : EXIT_FAILURE;
}

/* The kinds of document export writes. */
static const char * const export_kinds[] = { "review", "coaching", "rep-plan", "retro", "workspace", NULL };

static gboolean
parse_month (const char  *text,
             char       **month)
{
  g_autofree char *message = NULL;

  if (text == NULL)
    {
      *month = cl_date_month (cl_date_today ());
      return TRUE;
    }
  if (cl_date_parse_month (text, NULL, NULL))
    {
      *month = g_strdup (text);
      return TRUE;
    }
  message = g_strdup_printf (_("“%s” is not a month such as 2026-11"), text);
  print_error (message);
  return FALSE;
}

static int
run_export (const char  *workspace,
            int          argc,
            char       **argv)
{
  g_autofree char *week = NULL, *output = NULL, *deal = NULL, *rep = NULL, *month_option = NULL;
  g_autofree char *month = NULL, *quarter = NULL;
  gboolean include_private = FALSE, publish = FALSE;
  GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week,
      N_("review: the ISO week, e.g. 2026-W47 (default: this week)"), "WEEK" },
    { "deal", 0, 0, G_OPTION_ARG_STRING, &deal, N_("coaching: the deal's id"), "ID" },
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &include_private,
      N_("coaching: include the coach's private notes"), NULL },
    { "rep", 0, 0, G_OPTION_ARG_STRING, &rep, N_("rep-plan: the rep's name"), "NAME" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_option,
      N_("rep-plan: the month, e.g. 2026-11 (default: this month)"), "MONTH" },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
      N_("retro: the quarter, e.g. 2026-Q4 (default: this quarter)"), "QUARTER" },
    OUTPUT_OPTION (output),
    PUBLISH_OPTION (publish),
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  guint64 deal_id = 0;
  int status = 0;

  if (!parse_command_options ("export", "review|coaching|rep-plan|retro|workspace", entries, &argc, &argv, &status))
    return status;
  if (argc == 2 && !g_strv_contains (export_kinds, argv[1]))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a kind of document: export review, "
                                                    "coaching, rep-plan, retro or workspace"), argv[1]);
      print_error (message);
      return EXIT_USAGE;
    }
  if (argc != 2)
    {
      print_error (_("export needs the kind of document: closeloop export review --week 2026-W47, "
                     "closeloop export coaching --deal 12, closeloop export rep-plan --rep NAME, "
                     "closeloop export retro --quarter 2026-Q4, or closeloop export workspace"));
      return EXIT_USAGE;
    }
  if (publish && g_str_equal (argv[1], "workspace"))
    {
      print_error (_("A backup holds private notes: it is not published in the team folder"));
      return EXIT_USAGE;
    }
  if (publish && include_private)
    {
      print_error (_("--include-private puts private notes in the export: it is not published in the team folder"));
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "coaching")
      && (deal == NULL || !g_ascii_string_to_unsigned (deal, 10, 1, G_MAXINT64, &deal_id, NULL)))
    {
      print_error (_("export coaching needs the deal's id: --deal 12"));
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "rep-plan") && rep == NULL)
    {
      print_error (_("export rep-plan needs the rep: --rep “Ana Okafor”"));
      return EXIT_USAGE;
    }
  if (!parse_month (month_option, &month))
    return EXIT_USAGE;
  if (quarter == NULL)
    quarter = cl_date_quarter (cl_date_today ());
  else if (!cl_date_parse_quarter (quarter, NULL, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a quarter such as 2026-Q4"), quarter);

      print_error (message);
      return EXIT_USAGE;
    }
  if (week == NULL)
    week = cl_date_iso_week (cl_date_today ());
  store = open_to_read_through (workspace, &error);
  /* a backup is as large as the workspace, a pre-read of a large pipeline
   * holds thousands of deals: both are written as they are made, never held
   * whole (what is published goes to the team folder as text, and is held) */
  fflush (stdout);
  if (store != NULL && g_str_equal (argv[1], "workspace"))
    return cl_store_write_workspace (store, output, &error) ? EXIT_SUCCESS : report_failure (error);
  if (store != NULL && g_str_equal (argv[1], "retro"))
    {
      g_autoptr (ClRetroInputs) inputs = cl_retro_inputs_load (cl_store_get_path (store), quarter,
                                                               cl_date_today (), &error);

      root = inputs ? cl_retro_export_build (store, inputs, &error) : NULL;
    }
  else if (store != NULL && (deal_id || rep))
    root = deal_id ? cl_coaching_export_build (store, (gint64) deal_id, include_private, &error)
           : cl_development_export_build (store, rep, month, &error);
  else if (store != NULL && !publish)
    return cl_review_export_write (store, week, output, &error) ? EXIT_SUCCESS : report_failure (error);
  else if (store != NULL)
    root = cl_review_export_build (store, week, &error);
  if (root == NULL)
    return report_failure (error);
  return emit_document (store, root, output, publish);
}

static int
run_health (const char  *workspace,
            int          argc,
            char       **argv)
{
  g_autofree char *period = NULL, *output = NULL;
  gboolean publish = FALSE;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period,
      N_("A quarter, month or week: 2026-Q4, 2026-11, 2026-W47 (default: this quarter)"), "PERIOD" },
    OUTPUT_OPTION (output),
    PUBLISH_OPTION (publish),
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!parse_command_options ("health", "", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    {
      print_error (_("health takes no file: closeloop health --period 2026-Q4"));
      return EXIT_USAGE;
    }
  if (period == NULL)
    period = cl_date_quarter (cl_date_today ());
  else if (!cl_date_parse_period (period, NULL, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a period such as 2026-Q4, 2026-11 or 2026-W47"),
                                                  period);

      print_error (message);
      return EXIT_USAGE;
    }
  store = open_to_read_through (workspace, &error);
  if (store != NULL)
    root = cl_health_export_build (store, period, cl_date_today (), &error);
  if (root == NULL)
    return report_failure (error);
  return emit_document (store, root, output, publish);
}

/* A day given as an option, refused in one line when it is no ISO day. */
static gboolean
parse_day_option (const char *text,
                  ClDay      *day)
{
  g_autofree char *message = NULL;

  if (text == NULL || cl_date_parse (text, day))
    return TRUE;
  message = g_strdup_printf (_("“%s” is not a date such as 2026-11-23"), text);
  print_error (message);
  return FALSE;
}

/* How the month of @entry's plan stands: the manager's plan for @rep in a
 * manager's workspace, the received plan in a rep's (@rep NULL). */
static gboolean
practice_progress (ClStore            *store,
                   ClRep              *rep,
                   ClPracticeEntry    *entry,
                   ClPracticeProgress *progress)
{
  g_autofree char *month = cl_date_month (entry->logged_on);
  g_autoptr (ClDevPlan) plan = NULL;
  g_autoptr (ClMyMonth) mine = NULL;

  if (rep != NULL)
    return (plan = cl_store_get_dev_plan (store, rep->id, month, NULL)) != NULL
           && g_str_equal (plan->focus, entry->focus) && cl_practice_progress_load (store, plan, progress, NULL);
  mine = cl_my_month_load (cl_store_get_path (store), entry->logged_on, NULL);
  if (mine == NULL || mine->brief == NULL || !mine->brief->has_plan || !g_str_equal (mine->brief->month, month)
      || !g_str_equal (mine->brief->focus, entry->focus))
    return FALSE;
  *progress = mine->progress;
  return TRUE;
}

static int
run_log (const char  *workspace,
         int          argc,
         char       **argv)
{
  g_autofree char *rep_name = NULL, *focus = NULL, *note = NULL, *scenario = NULL, *date = NULL;
  int score = 0;
  GOptionEntry entries[] = {
    { "rep", 0, 0, G_OPTION_ARG_STRING, &rep_name, N_("Who practised (default in a rep's workspace: its owner)"),
      "NAME" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus,
      N_("The skill practised, e.g. discovery_depth (default in a rep's workspace: the plan's)"), "KEY" },
    { "score", 0, 0, G_OPTION_ARG_INT, &score, N_("How it went, 1 to 5, by the rep's own judgement"), "N" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario, N_("What was played through"), "TEXT" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What to remember"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the drill (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClRep) rep = NULL;
  g_autoptr (ClPracticeEntry) entry = NULL;
  g_autoptr (ClIdentity) owner = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *day = NULL, *published = NULL;
  ClPracticeProgress progress;
  ClDay logged_on = cl_date_today ();
  int status = 0;

  if (!parse_command_options ("log", "practice", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "practice") || (focus == NULL && rep_name != NULL) || score == 0)
    {
      print_error (_("log needs what was practised: closeloop log practice --rep “Ana Okafor” "
                     "--focus discovery_depth --score 4"));
      return EXIT_USAGE;
    }
  if (!parse_day_option (date, &logged_on))
    return EXIT_USAGE;
  store = open_existing (workspace, &error);
  /* a rep logs their own drills, on their plan's focus unless told; a
   * manager names whose */
  if (store != NULL && rep_name == NULL)
    entry = cl_my_month_log_practice (store, logged_on, focus, score, scenario, note, &error);
  else if (store != NULL && (rep = cl_store_find_rep (store, rep_name, &error)) != NULL)
    entry = cl_development_log_practice (store, rep->id, logged_on, focus, score, scenario, note, &error);
  if (entry == NULL)
    return report_failure (error);
  /* a rep's practice goes up to their manager as soon as it is recorded */
  if (!cl_practice_log_publish (store, &published, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Logged, but not published in the team folder: %s"),
                                                  error->message);

      print_error (message);
      return EXIT_FAILURE;
    }
  if (published != NULL)
    g_printerr (_("Published %s\n"), published);

  day = cl_date_format (logged_on);
  owner = cl_identity_peek (store);
  /* Translators: the skill, the rep, the day */
  printf (_("Logged a %s drill for %s on %s"), entry->focus, rep != NULL ? rep->name : cl_identity_author (owner),
          day);
  if (practice_progress (store, rep, entry, &progress))
    {
      g_autofree char *described = cl_practice_progress_describe (&progress);

      /* Translators: the month's practice so far, e.g. "3 of 8 drills" */
      printf (_(": %s this month"), described);
    }
  printf ("\n");
  return EXIT_SUCCESS;
}

static int
run_action (const char  *workspace,
            int          argc,
            char       **argv)
{
  g_autofree char *note = NULL, *date = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What happened"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was done (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClIdentity) owner = NULL;
  g_autoptr (ClAction) action = NULL;
  g_autoptr (GError) error = NULL;
  ClDay done_on = cl_date_today ();
  guint64 id = 0;
  g_autofree char *id_text = NULL;
  int status = 0;

  if (!parse_command_options ("action", "done ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || !g_str_equal (argv[1], "done")
      || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      print_error (_("action takes done and the action's id: closeloop action done 12 --note “Sent the proposal”"));
      return EXIT_USAGE;
    }
  if (!parse_day_option (date, &done_on))
    return EXIT_USAGE;
  store = open_existing (workspace, &error);
  if (store == NULL || (owner = cl_identity_get (store, &error)) == NULL)
    return report_failure (error);
  id_text = g_strdup_printf ("%" G_GUINT64_FORMAT, id);
  if (owner->role == CL_ROLE_REP)
    {
      /* the rep owns the completion; the manager's workspace closes it on sync */
      if (!cl_rep_brief_mark_done (store, (gint64) id, done_on, note, &error))
        return report_failure (error);
      /* Translators: %s is the action's id */
      printf (_("Marked action %s done; it closes when your manager syncs\n"), id_text);
      return EXIT_SUCCESS;
    }
  if ((action = cl_store_get_action (store, (gint64) id, &error)) == NULL
      || !cl_store_complete_open_action (store, (gint64) id, done_on, &error)
      || !cl_rep_brief_publish (store, action->owner_id, NULL, &error))
    return report_failure (error);
  /* Translators: %s is the action's id */
  printf (_("Closed action %s\n"), id_text);
  return EXIT_SUCCESS;
}

static int
run_publish (const char  *workspace,
             int          argc,
             char       **argv)
{
  g_autofree char *rep_name = NULL;
  GOptionEntry entries[] = {
    { "rep", 0, 0, G_OPTION_ARG_STRING, &rep_name, N_("Only this rep's brief"), "NAME" },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClRep) rep = NULL;
  g_autoptr (GPtrArray) published = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = NULL;
  int status = 0;

  if (!parse_command_options ("publish", "briefs", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "briefs"))
    {
      print_error (_("publish takes briefs: closeloop publish briefs [--rep “Ana Okafor”]"));
      return EXIT_USAGE;
    }
  store = open_existing (workspace, &error);
  if (store == NULL || (rep_name != NULL && (rep = cl_store_find_rep (store, rep_name, &error)) == NULL))
    return report_failure (error);
  if ((folder = cl_team_folder_get (store)) == NULL)
    {
      print_error (_("No team folder is chosen: closeloop team-folder set PATH"));
      return EXIT_FAILURE;
    }
  if (!cl_rep_brief_publish (store, rep != NULL ? rep->id : 0, &published, &error))
    return report_failure (error);
  for (guint i = 0; published != NULL && i < published->len; i++)
    printf (_("Published %s\n"), (char *) g_ptr_array_index (published, i));
  return EXIT_SUCCESS;
}

static int
run_my_month (const char  *workspace,
              int          argc,
              char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClMyMonth) month = NULL;
  ClRepBrief *brief;
  g_autoptr (GError) error = NULL;
  g_autofree char *as_of = NULL;
  int status = 0;

  if (!parse_command_options ("my-month", "", entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    {
      print_error (_("my-month takes no arguments: closeloop my-month"));
      return EXIT_USAGE;
    }
  store = open_existing (workspace, &error);
  if (store == NULL || (month = cl_my_month_load (cl_store_get_path (store), cl_date_today (), &error)) == NULL)
    return report_failure (error);
  if ((brief = month->brief) == NULL)
    {
      print_error (_("No brief from your manager has arrived yet: closeloop team-folder sync"));
      return EXIT_FAILURE;
    }
  as_of = cl_date_format (brief->as_of);
  /* Translators: the rep, the month, the manager, the day the brief was made */
  printf (_("%s, %s — from %s, as of %s\n"), brief->rep_name, brief->month, brief->manager_name, as_of);
  if (brief->has_plan)
    printf (_("Focus: %s (%s)\nDrill: %s\nGoal: %d drills, target self-score %d; %d logged so far\n"),
            brief->focus_label, brief->focus, brief->drill, brief->repetitions, brief->target_score,
            month->progress.done);
  else
    printf ("%s\n", _("No plan this month"));
  printf (_("Open actions: %u\n"), brief->actions->len);
  for (guint i = 0; i < brief->actions->len; i++)
    {
      ClBriefAction *action = g_ptr_array_index (brief->actions, i);
      g_autofree char *due = cl_date_format (action->due_on);
      g_autofree char *line = action->deal != NULL
                              /* Translators: an open action in "closeloop my-month":
                               * its text, its due day and its deal */
                              ? g_strdup_printf (_("%s — due %s — %s"), action->text, due, action->deal)
                              /* Translators: an open action in "closeloop my-month":
                               * its text and its due day */
                              : g_strdup_printf (_("%s — due %s"), action->text, due);

      printf ("  #%" G_GINT64_FORMAT " %s%s\n", action->id, line,
              cl_my_month_find_marked (month, action) != NULL ? _(" (marked done)") : "");
    }
  printf (_("Open deals: %u\n"), brief->deals->len);
  for (guint i = 0; i < brief->deals->len; i++)
    {
      ClBriefDeal *deal = g_ptr_array_index (brief->deals, i);
      g_autofree char *flags = cl_flags_join_labels (deal->flags, cl_text_list_separator ());
      g_autofree char *close = cl_date_format (deal->close_date);
      g_autofree char *amount = cl_money_format (deal->amount_cents, deal->currency);
      g_autofree char *line = *flags
                              /* Translators: an open deal in "closeloop my-month": its
                               * name, account, stage, amount, close day and flags */
                              ? g_strdup_printf (_("%s (%s) — %s — %s — closes %s — %s"), deal->name,
                                                 deal->account, deal->stage, amount, close, flags)
                              /* Translators: an open deal in "closeloop my-month": its
                               * name, account, stage, amount and close day */
                              : g_strdup_printf (_("%s (%s) — %s — %s — closes %s"), deal->name,
                                                 deal->account, deal->stage, amount, close);

      printf ("  %s\n", line);
    }
  return EXIT_SUCCESS;
}

static int
run_analyze (const char  *workspace,
             int          argc,
             char       **argv)
{
  g_autofree char *rep = NULL, *output = NULL, *speaker = NULL, *name = NULL;
  GOptionEntry entries[] = {
    { "rep", 0, 0, G_OPTION_ARG_STRING, &rep,
      N_("The speaker who is the rep; everybody else is the buyer's side"), "NAME" },
    OUTPUT_OPTION (output),
    { NULL }
  };
  g_autoptr (ClTranscript) transcript = NULL;
  g_autoptr (ClCallMetrics) metrics = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!parse_command_options ("analyze", "FILE", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || rep == NULL)
    {
      print_error (_("analyze needs a transcript and the rep: closeloop analyze call.vtt --rep “Ana Okafor”"));
      return EXIT_USAGE;
    }
  transcript = cl_transcript_load (argv[1], &error);
  if (transcript != NULL)
    speaker = cl_call_metrics_find_rep (transcript, rep, &error);
  if (speaker == NULL)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  metrics = cl_call_metrics_compute (transcript, speaker);
  name = g_path_get_basename (argv[1]);
  root = cl_metrics_export_build (transcript, metrics, name);
  return emit_document (NULL, root, output, FALSE);
}

static void
print_names (const char *what,
             GPtrArray  *names)
{
  g_autoptr (GString) list = g_string_new (NULL);

  if (names->len == 0)
    return;
  for (guint i = 0; i < names->len && i < 10; i++)
    g_string_append_printf (list, "%s%s", i ? cl_text_list_separator () : "", (char *) g_ptr_array_index (names, i));
  if (names->len > 10)
    g_string_append_printf (list, _(" and %u more"), names->len - 10);
  printf ("%s: %s\n", what, list->str);
}

/* The stages file's order over the plan of @csv's stages. */
static ClStagePlan *
plan_from_file (ClStore             *store,
                const ClCsv         *csv,
                const ClCrmMapping  *mapping,
                const char          *path,
                GError             **error)
{
  g_autoptr (ClStagePlan) plan = NULL;
  g_autofree char *text = NULL, *name = g_filename_display_basename (path);
  gsize length;

  /* a process of a hundred stages is a few kilobytes */
  if ((text = cl_file_read (path, 1 << 20, &length, error)) == NULL
      || (plan = cl_deal_import_plan_stages (store, csv, mapping, error)) == NULL
      || !cl_stage_plan_order_from_text (plan, text, length, name, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* What the import read from columns of ids, and what named them. */
static void
print_names_from_ids (const ClImportReport *report,
                      const char           *accounts)
{
  if (report->id_fields & (1u << CL_CRM_FIELD_OWNER))
    printf ("%s\n", _("Owners are named by their CRM ids: the export has no owner name column. Give them "
                      "their names with closeloop rep rename ID NAME, or closeloop rep merge ID --into NAME"));
  if (report->id_fields & (1u << CL_CRM_FIELD_ACCOUNT))
    printf ("%s\n", _("Accounts are named by their CRM ids: the export has no account name column. "
                      "Pass --accounts Account.csv, the CRM's account export, to name them"));
  if (accounts != NULL)
    /* Translators: rows whose account id was named, then the file that named them */
    printf (_("Accounts named from %s: %u rows\n"), accounts, report->accounts_named);
  print_names (_("Account ids the account export does not name (kept as ids)"), report->accounts_unnamed);
}

static int
import_deals (ClStore         *store,
              const char      *path,
              ClCrmKind        kind,
              ClImportOptions *options,
              const char      *stages,
              const char      *accounts)
{
  g_autoptr (ClCsv) csv = NULL;
  g_autoptr (ClCsv) accounts_csv = NULL;
  g_autoptr (GHashTable) account_names = NULL;
  g_autoptr (ClStagePlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *accounts_name = accounts ? g_filename_display_basename (accounts) : NULL;
  ClCrmMapping mapping;
  ClImportReport report;
  gboolean ok;

  if ((csv = cl_csv_load (path, &error)) == NULL || !cl_crm_mapping_detect (csv, kind, &mapping, &error)
      || (accounts != NULL && ((accounts_csv = cl_csv_load (accounts, &error)) == NULL
                               || (account_names = cl_crm_accounts_read (accounts_csv, &error)) == NULL))
      || (stages != NULL && (plan = plan_from_file (store, csv, &mapping, stages, &error)) == NULL))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  options->stages = plan;
  options->accounts = account_names;
  cl_import_report_init (&report);
  ok = cl_deal_import (store, csv, &mapping, options, &report, &error);
  for (guint i = 0; i < report.problems->len; i++)
    {
      ClImportProblem *problem = g_ptr_array_index (report.problems, i);

      /* Translators: the file, the line, what is wrong with it */
      g_printerr (_("%s, line %u: %s\n"), name, problem->line, problem->reason);
    }
  if (!ok)
    {
      if (report.problems->len > 0)
        g_printerr ("%s\n", _("closeloop: pass --import-good-rows to import the others"));
      if (g_error_matches (error, CL_CSV_ERROR, CL_CSV_ERROR_NO_CURRENCY))
        g_printerr ("%s\n", _("closeloop: pass --currency CODE, such as --currency EUR"));
      if (g_error_matches (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER))
        g_printerr ("%s\n", _("closeloop: pass --stages FILE, the process's stages one a line, first to last"));
      print_error (error->message);
      cl_import_report_clear (&report);
      return EXIT_FAILURE;
    }
  /* Translators: the layout, then rows and what they did */
  printf (_("%s export, %u rows: %u deals added, %u changed (%u dated changes), %u unchanged, %u refused\n"),
          cl_crm_kind_label (mapping.kind), report.n_rows, report.created, report.updated, report.n_events,
          report.unchanged, report.problems->len);
  if (report.dates_guessed)
    printf ("%s\n", report.date_order == CL_DATE_ORDER_MDY
                     ? _("Dates read month first: no day above 12 told otherwise")
                     : _("Dates read day first: no day above 12 told otherwise"));
  print_names_from_ids (&report, accounts_name);
  print_names (_("Stages created"), report.stages_created);
  print_names (_("Reps created"), report.reps_created);
  print_names (_("New currencies"), report.currencies_new);
  print_names (_("Open deals not in this export (left as they are)"), report.missing);
  cl_import_report_clear (&report);
  return EXIT_SUCCESS;
}

/* The kinds of file import reads. */
static const char * const import_kinds[] = { "transcript", "deals", "summary", "workspace", NULL };

static int
import_summary (ClStore    *store,
                const char *path,
                gboolean    replace)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autofree char *described = NULL;
  ClSummaryOutcome outcome;

  info = cl_summary_import (store, path, replace, &outcome, &error);
  if (info == NULL)
    {
      print_error (error->message);
      if (g_error_matches (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NEWER))
        g_printerr ("%s\n", _("closeloop: pass --replace to keep the newer one instead"));
      return EXIT_FAILURE;
    }
  described = cl_summary_info_describe (info);
  /* Translators: what happened, the summary described, when it was exported */
  printf (_("%s: %s, exported %s\n"),
          outcome == CL_SUMMARY_ADDED ? _("Kept") : outcome == CL_SUMMARY_REPLACED ? _("Replaced")
                                                                                    : _("Already in the library"),
          described, info->exported_at);
  return EXIT_SUCCESS;
}

/* Puts the workspace back as it was before its last import. */
static int
undo_import (const char *workspace,
             gboolean    even_if_changed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = open_existing (workspace, &error);
  g_autofree char *undone = NULL;

  if (store == NULL || (undone = cl_store_undo_import (store, even_if_changed, &error)) == NULL)
    {
      print_error (error->message);
      if (g_error_matches (error, CL_STORE_ERROR, CL_STORE_ERROR_CHANGED))
        g_printerr ("%s\n", _("closeloop: pass --even-if-changed to undo it all the same"));
      return EXIT_FAILURE;
    }
  /* Translators: "import of deals.csv as of 2026-11-16" */
  printf (_("Undid the %s: the workspace is as it was before it\n"), undone);
  return EXIT_SUCCESS;
}

static int
run_import (const char  *workspace,
            int          argc,
            char       **argv)
{
  g_autofree char *deal = NULL, *rep = NULL, *date = NULL, *as_of_text = NULL, *mapping = NULL;
  g_autofree char *currency = NULL, *stages = NULL, *accounts = NULL;
  gboolean good_rows = FALSE, replace = FALSE, even_if_changed = FALSE;
  GOptionEntry entries[] = {
    { "deal", 0, 0, G_OPTION_ARG_STRING, &deal, N_("transcript: the deal the call was about"), "ID" },
    { "rep", 0, 0, G_OPTION_ARG_STRING, &rep,
      N_("transcript: the rep on the call, as the transcript names them (default: the deal's owner)"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("transcript: the day of the call (default: today)"),
      "YYYY-MM-DD" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("deals: the day the export was taken; changes are dated so (default: today)"), "YYYY-MM-DD" },
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &mapping,
      N_("deals: hubspot, salesforce, pipedrive or auto (default)"), "LAYOUT" },
    { "import-good-rows", 0, 0, G_OPTION_ARG_NONE, &good_rows,
      N_("deals: import the rows that can be read when others cannot"), NULL },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("deals: the workspace's currency, for amounts the file gives none (kept for later imports)"), "CODE" },
    { "stages", 0, 0, G_OPTION_ARG_FILENAME, &stages,
      N_("deals: auto (default) places the file's stages where the CRM's order, their probability or the deals' "
         "moves put them, and refuses what none tells; or a file of the process's stages, one a line, "
         "first to last"), "auto|FILE" },
    { "accounts", 0, 0, G_OPTION_ARG_FILENAME, &accounts,
      N_("deals: the CRM's account export (Id, Name), to name the account ids of an export without names"),
      "FILE" },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("summary: let a newer export replace the one the library keeps"), NULL },
    { "even-if-changed", 0, 0, G_OPTION_ARG_NONE, &even_if_changed,
      N_("undo: undo the last import even if the workspace changed after it, losing those changes"), NULL },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClCall) call = NULL;
  g_autofree char *call_id = NULL, *deal_text = NULL;
  g_autoptr (GError) error = NULL;
  ClImportOptions options;
  ClDay held_on = cl_date_today (), as_of = cl_date_today ();
  guint64 deal_id = 0;
  int status = 0, kind = CL_CRM_AUTO;

  if (!parse_command_options ("import", "transcript FILE | deals FILE.csv | summary FILE.json | workspace FILE.json "
                              "| undo", entries, &argc, &argv, &status))
    return status;
  if (argc == 2 && g_str_equal (argv[1], "undo"))
    return undo_import (workspace, even_if_changed);
  if (argc != 3 || !g_strv_contains (import_kinds, argv[1]))
    {
      print_error (_("import needs the kind of file and the file: closeloop import transcript call.vtt --deal 12, "
                     "closeloop import deals deals.csv, or closeloop import summary review.json"));
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "workspace"))
    {
      if (workspace == NULL)
        {
          print_error (_("import workspace needs the new workspace to restore into: "
                         "closeloop --workspace new.db import workspace backup.json"));
          return EXIT_USAGE;
        }
      if (!cl_store_restore_workspace (argv[2], workspace, &error))
        return report_failure (error);
      /* Translators: the backup, then the new workspace */
      printf (_("Restored %s into %s\n"), argv[2], workspace);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "summary"))
    {
      store = workspace ? cl_store_open (workspace, &error) : open_existing (NULL, &error);
      if (store == NULL)
        return report_failure (error);
      return import_summary (store, argv[2], replace);
    }
  if (g_str_equal (argv[1], "deals"))
    {
      if (mapping != NULL && (kind = cl_crm_kind_from_string (mapping)) < 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a layout: hubspot, salesforce, pipedrive "
                                                        "or auto"), mapping);

          print_error (message);
          return EXIT_USAGE;
        }
      if (!parse_day_option (as_of_text, &as_of))
        return EXIT_USAGE;
      /* a team's first export may start its workspace */
      store = workspace ? cl_store_open (workspace, &error) : open_existing (NULL, &error);
      if (store == NULL || (currency != NULL && !cl_store_set_currency (store, currency, &error)))
        return report_failure (error);
      cl_import_options_init (&options, as_of);
      options.import_good_rows = good_rows;
      return import_deals (store, argv[2], kind, &options, g_strcmp0 (stages, "auto") == 0 ? NULL : stages,
                           accounts);
    }
  if (deal == NULL || !g_ascii_string_to_unsigned (deal, 10, 1, G_MAXINT64, &deal_id, NULL))
    {
      print_error (_("import transcript needs the deal's id: --deal 12"));
      return EXIT_USAGE;
    }
  if (!parse_day_option (date, &held_on))
    return EXIT_USAGE;
  store = open_existing (workspace, &error);
  if (store != NULL)
    call = cl_call_import_transcript (store, argv[2], (gint64) deal_id, rep, held_on, &error);
  if (call == NULL)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  call_id = g_strdup_printf ("%" G_GINT64_FORMAT, call->id);
  deal_text = g_strdup_printf ("%" G_GINT64_FORMAT, call->deal_id);
  /* Translators: the call's id, its file, the deal's id, then the rep's talk share in percent */
  printf (_("Call %s from “%s” kept on deal %s; the rep talked %d%% of the time\n"),
          call_id, call->title, deal_text, (int) (call->talk_ratio * 100 + 0.5));
  return EXIT_SUCCESS;
}

/* "yes" or "no" into @value; NULL leaves it. */
static gboolean
parse_yes_no (const char *text,
              int        *value)
{
  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "no") == 0)
    {
      *value = g_ascii_strcasecmp (text, "yes") == 0;
      return TRUE;
    }
  return FALSE;
}

static void
print_roster (ClStore *store)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (store, NULL);

  for (guint i = 0; reps != NULL && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      printf ("%s%s%s%s\n", rep->name, rep->is_manager ? _(" (the manager)") : "",
              rep->has_left ? _(" (left the team)") : "",
              cl_crm_looks_like_id (rep->name) ? _(" (named by a CRM id)") : "");
    }
}

static int
run_rep (const char  *workspace,
         int          argc,
         char       **argv)
{
  g_autofree char *into = NULL, *manager = NULL, *left = NULL;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_STRING, &into, N_("merge: the rep who stays, with everything of both"), "NAME" },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &manager, N_("set: whether they are the manager"), "yes|no" },
    { "left", 0, 0, G_OPTION_ARG_STRING, &left,
      N_("set: whether they left the team (kept, no longer counted in loop health or open actions)"), "yes|no" },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClRep) rep = NULL;
  g_autoptr (ClRep) kept = NULL;
  g_autoptr (GError) error = NULL;
  const char *action = argc > 1 ? argv[1] : "";
  int status = 0, is_manager = -1, has_left = -1;
  gboolean ok;

  if (!parse_command_options ("rep", "list | rename NAME NEW-NAME | merge NAME --into NAME | set NAME", entries,
                              &argc, &argv, &status))
    return status;
  action = argc > 1 ? argv[1] : "";
  if (!((g_str_equal (action, "list") && argc == 2) || (g_str_equal (action, "rename") && argc == 4)
        || (g_str_equal (action, "merge") && argc == 3 && into != NULL)
        || (g_str_equal (action, "set") && argc == 3 && (manager != NULL || left != NULL))))
    {
      print_error (_("rep needs what to do: closeloop rep list, rep rename NAME NEW-NAME, "
                     "rep merge NAME --into NAME, or rep set NAME --manager yes|no --left yes|no"));
      return EXIT_USAGE;
    }
  if (!parse_yes_no (manager, &is_manager) || !parse_yes_no (left, &has_left))
    {
      print_error (_("--manager and --left take yes or no"));
      return EXIT_USAGE;
    }
  if ((store = open_existing (workspace, &error)) == NULL
      || (argc > 2 && (rep = cl_store_find_rep (store, argv[2], &error)) == NULL)
      || (into != NULL && (kept = cl_store_find_rep (store, into, &error)) == NULL))
    return report_failure (error);
  if (g_str_equal (action, "rename"))
    ok = cl_store_rename_rep (store, rep->id, argv[3], &error);
  else if (g_str_equal (action, "merge"))
    ok = cl_store_merge_reps (store, rep->id, kept->id, &error);
  else
    ok = (is_manager < 0 || cl_store_set_rep_manager (store, rep->id, is_manager, &error))
         && (has_left < 0 || cl_store_set_rep_left (store, rep->id, has_left, &error));
  if (!ok)
    return report_failure (error);
  print_roster (store);
  return EXIT_SUCCESS;
}

static int
sync_team_folder (ClStore *store)
{
  g_autofree char *folder = cl_team_folder_get (store);
  g_autofree char *own = NULL;
  g_autoptr (ClTeamFolderSync) sync = NULL;
  g_autoptr (GError) error = NULL;

  if (folder == NULL)
    {
      print_error (_("No team folder is chosen: closeloop team-folder set PATH"));
      return EXIT_FAILURE;
    }
  if ((own = cl_team_folder_own_person (store, &error)) == NULL)
    return report_failure (error);
  sync = cl_team_folder_sync (store, folder, own, NULL, &error);
  if (sync == NULL)
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }
  for (guint i = 0; i < sync->arrived->len; i++)
    {
      ClSummaryInfo *info = g_ptr_array_index (sync->arrived, i);
      g_autofree char *described = cl_summary_info_describe (info);

      /* Translators: the summary described, when it was exported */
      printf (_("Arrived: %s, exported %s\n"), described, info->exported_at);
    }
  for (guint i = 0; i < sync->merged->len; i++)
    /* Translators: what a rep's practice log changed */
    printf (_("Merged: %s\n"), (char *) g_ptr_array_index (sync->merged, i));
  for (guint i = 0; i < sync->failures->len; i++)
    g_printerr ("closeloop: %s\n", (char *) g_ptr_array_index (sync->failures, i));
  /* Translators: counts of summaries */
  printf (_("%u new, %u replaced, %u unchanged, %u unreadable\n"), sync->n_added,
          sync->n_replaced, sync->n_unchanged, sync->failures->len);
  return sync->failures->len > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

static int
run_team_folder (const char  *workspace,
                 int          argc,
                 char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = NULL, *own = NULL, *absolute = NULL;
  const char *action;
  int status = 0;

  if (!parse_command_options ("team-folder", "[show | set PATH | clear | sync]", entries, &argc, &argv, &status))
    return status;
  action = argc > 1 ? argv[1] : "show";
  if (!(g_str_equal (action, "set") ? argc == 3 : argc <= 2)
      || !g_strv_contains ((const char * const[]) { "show", "set", "clear", "sync", NULL }, action))
    {
      print_error (_("team-folder takes show, set PATH, clear or sync: closeloop team-folder set ~/Nextcloud/Sales"));
      return EXIT_USAGE;
    }
  store = open_existing (workspace, &error);
  if (store == NULL)
    return report_failure (error);
  if (g_str_equal (action, "sync"))
    return sync_team_folder (store);
  if (g_str_equal (action, "set"))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[2]);

      absolute = g_file_get_path (file);
      if (!cl_team_folder_set (store, absolute, &error))
        return report_failure (error);
    }
  else if (g_str_equal (action, "clear") && !cl_team_folder_set (store, NULL, &error))
    return report_failure (error);
  folder = cl_team_folder_get (store);
  if (folder != NULL && (own = cl_team_folder_own_person (store, &error)) == NULL)
    return report_failure (error);
  if (folder == NULL)
    printf ("%s\n", _("No team folder"));
  else
    /* Translators: the team folder, then the user's own subfolder in it */
    printf (_("Team folder: %s (yours: %s%s%s)\n"), folder, folder, G_DIR_SEPARATOR_S, own);
  return EXIT_SUCCESS;
}

static int
run_identity (const char  *workspace,
              int          argc,
              char       **argv)
{
  g_autofree char *name = NULL, *role_text = NULL, *subfolder = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Your name, as teammates know you"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("manager or rep"), "ROLE" },
    { NULL }
  };
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClIdentity) identity = NULL;
  g_autoptr (GError) error = NULL;
  const char *action;
  ClRole role = CL_ROLE_REP;
  int status = 0;

  if (!parse_command_options ("identity", "[show | set [--name NAME] [--role manager|rep]]", entries, &argc, &argv,
                              &status))
    return status;
  action = argc > 1 ? argv[1] : "show";
  if (argc > 2 || !g_strv_contains ((const char * const[]) { "show", "set", NULL }, action)
      || (g_str_equal (action, "show") && (name != NULL || role_text != NULL))
      || (g_str_equal (action, "set") && name == NULL && role_text == NULL))
    {
      print_error (_("identity takes show, or set with --name NAME and/or --role manager|rep: "
                     "closeloop identity set --name “Ana Okafor” --role rep"));
      return EXIT_USAGE;
    }
  if (role_text != NULL && !cl_role_parse (role_text, &role))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a role: manager or rep"), role_text);

      print_error (message);
      return EXIT_USAGE;
    }
  /* a rep's workspace starts here: who owns it */
  store = workspace != NULL ? cl_store_open (workspace, &error) : open_existing (NULL, &error);
  if (store == NULL || (identity = cl_identity_get (store, &error)) == NULL)
    return report_failure (error);
  if (g_str_equal (action, "set"))
    {
      if (!cl_identity_set (store, name, role_text != NULL ? role : identity->role, &error))
        return report_failure (error);
      cl_identity_free (identity);
      if ((identity = cl_identity_get (store, &error)) == NULL)
        return report_failure (error);
    }
  subfolder = cl_identity_subfolder (identity);
  printf (_("Name: %s\nId: %s\nRole: %s\nSubfolder: %s\n"), identity->name, identity->id,
          cl_role_to_string (identity->role), subfolder);
  return EXIT_SUCCESS;
}

/* A row of the help's tables, its name padded in characters, not bytes,
 * so that the descriptions line up in any language. */
static void
print_row (const char *name,
           glong       width,
           const char *summary)
{
  printf ("  %s%*s  %s\n", name, (int) (width - g_utf8_strlen (name, -1)), "", summary);
}

static int
run_help (const char  *workspace,
          int          argc,
          char       **argv)
{
  glong width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (global_options); i++)
    width = MAX (width, g_utf8_strlen (global_options[i].name, -1));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, g_utf8_strlen (commands[i].name, -1));
  printf ("%s\n  closeloop [--workspace PATH] COMMAND [ARGS]\n  closeloop [--workspace PATH] [FILE…]\n\n%s\n",
          _("Usage:"), _("Options:"));
  for (guint i = 0; i < G_N_ELEMENTS (global_options); i++)
    print_row (global_options[i].name, width, _(global_options[i].summary));
  printf ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    print_row (commands[i].name, width, _(commands[i].summary));
  printf ("\n%s\n", _("Run “closeloop COMMAND --help” for a command's options. "
                      "Without a command, Closeloop opens its window, and the summaries named as FILEs "
                      "join its team library."));
  return EXIT_SUCCESS;
}

int
cl_cli_run (ClCommandLine *cmdline)
{
  const ClCommand *command = find_command (cmdline->command);
  g_autofree char *message = NULL;
  g_autofree char **view = NULL;

  if (cmdline->version)
    {
      printf ("closeloop %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (command == NULL)
    {
      message = g_strdup_printf (_("“%s” is not a command; run “closeloop help” to list them"),
                                 cmdline->command);
      print_error (message);
      return EXIT_USAGE;
    }
  /* the option parser drops what it consumes from the vector it is given,
   * so it gets a shallow copy and cmdline->argv keeps every string to free */
  view = g_memdup2 (cmdline->argv, sizeof (char *) * (cmdline->argc + 1));
  return command->run (cmdline->workspace, cmdline->argc, view);
}
