/* make-backup-seeds.c — real workspace backups to start fuzz-backup from
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * make-backup-seeds DIR STAMP: writes into DIR a small sample team's backup
 * (20 deals, 2 reps, 2 weeks, as `closeloop demo` makes it), and the backup
 * of an empty workspace at every schema version, so the fuzzer starts from
 * documents the restore accepts, old ones upgraded on the way. Made at
 * build time, so they always have the tables this Closeloop has. Touches
 * STAMP when done (the build's record of it).
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "cl-demo.h"
#include "cl-store-private.h"

static void
write_backup (ClStore    *store,
              const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = cl_store_export_workspace (store, &error);
  g_autofree char *text = NULL;

  if (root == NULL)
    g_error ("backing up: %s", error->message);
  /* compact: the fewer bytes, the more the fuzzer can do with them */
  text = json_to_string (root, FALSE);
  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  ClDemoOptions options;

  if (argc != 3)
    {
      g_printerr ("usage: %s DIR STAMP\n", argv[0]);
      return 2;
    }
  if (g_mkdir_with_parents (argv[1], 0700) != 0
      || (tmp = g_dir_make_tmp ("closeloop-backup-seeds-XXXXXX", &error)) == NULL)
    g_error ("%s: %s", argv[1], error ? error->message : g_strerror (errno));
  workspace = g_build_filename (tmp, "workspace.db", NULL);

  /* the sample team, as `closeloop demo --deals 20 --reps 2 --weeks 2` writes it */
  {
    g_autoptr (ClStore) store = cl_store_open (workspace, &error);

    cl_demo_options_init (&options);
    options.n_deals = 20;
    options.n_reps = 2;
    options.n_weeks = 2;
    options.today = cl_date_from_ymd (2026, 11, 23);
    if (store == NULL || !cl_demo_generate (store, &options, NULL, NULL, NULL, &error))
      g_error ("the sample team: %s", error->message);
    path = g_build_filename (argv[1], "demo.json", NULL);
    write_backup (store, path);
  }
  cl_store_remove_files (workspace);

  /* an empty workspace at every version there has been */
  for (int version = 1; version <= CL_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr (ClStore) store = cl_store_open_at_version (workspace, version, &error);
      g_autofree char *name = g_strdup_printf ("empty-v%d.json", version);

      if (store == NULL)
        g_error ("a workspace at version %d: %s", version, error->message);
      g_free (path);
      path = g_build_filename (argv[1], name, NULL);
      write_backup (store, path);
      g_clear_object (&store);
      cl_store_remove_files (workspace);
    }
  g_rmdir (tmp);
  if (!g_file_set_contents (argv[2], "", 0, &error))
    g_error ("%s", error->message);
  return 0;
}
