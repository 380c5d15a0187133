/* fuzz-backup.c — libFuzzer target: any bytes as a workspace backup
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes are written to a file and restored into a new workspace, as
 * `closeloop import workspace` does; a workspace restored is backed up
 * again, restored again, and must back up to the very same document
 * ("restored exactly"). Nothing may crash, leak or read out of bounds;
 * ASan and UBSan watch it. Files live in a folder of this process under
 * $TMPDIR, else /dev/shm (memory, so a run stays fast), removed at exit.
 *
 * The same function is the body of the fuzzer (with -fsanitize=fuzzer) and
 * of the replay test (fuzz-replay.c), which feeds it every input that ever
 * failed, in every build.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cl-export.h"
#include "cl-store.h"
#include "fuzz-findings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;

/* Whatever a run left (a failed restore leaves nothing of its own). */
static void
remove_folder (void)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_remove (path);
    }
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
}

static const char *
work_folder (void)
{
  g_autoptr (GError) error = NULL;

  if (folder != NULL)
    return folder;
  if (g_getenv ("TMPDIR") == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    {
      folder = g_strdup ("/dev/shm/closeloop-fuzz-backup-XXXXXX");
      if (g_mkdtemp (folder) == NULL)
        g_clear_pointer (&folder, g_free);
    }
  if (folder == NULL && (folder = g_dir_make_tmp ("closeloop-fuzz-backup-XXXXXX", &error)) == NULL)
    g_error ("no folder for the workspaces: %s", error->message);
  atexit (remove_folder);
  return folder;
}

/* A finding: said, then aborted, which libFuzzer catches and keeps the
 * input of (g_error ()'s breakpoint trap it does not). */
static G_NORETURN void
stop (const char   *what,
      const GError *error)
{
  g_printerr ("%s: %s\n", what, error->message);
  abort ();
}

/* The workspace at @path backed up. */
static JsonNode *
back_up (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  JsonNode *root;

  if (store == NULL)
    stop ("the workspace just restored does not open", error);
  if ((root = cl_store_export_workspace (store, &error)) == NULL)
    stop ("the workspace just restored cannot be backed up", error);
  return root;
}

static gboolean
restore (const char *data,
         size_t      size,
         const char *backup,
         const char *workspace)
{
  g_autoptr (GError) error = NULL;
  FILE *file = fopen (backup, "wb");
  gboolean ok;

  if (file == NULL || fwrite (data, 1, size, file) != size || fclose (file) != 0)
    g_error ("%s: %s", backup, g_strerror (errno));
  ok = cl_store_restore_workspace (backup, workspace, &error);
  g_assert (ok == (error == NULL));
  g_assert (ok || !g_file_test (workspace, G_FILE_TEST_EXISTS));
  return ok;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *backup = g_build_filename (work_folder (), "backup.json", NULL);
  g_autofree char *workspace = g_build_filename (folder, "restored.db", NULL);
  g_autofree char *again = g_build_filename (folder, "again.db", NULL);

  fuzz_warnings_are_findings ();
  if (restore ((const char *) data, size, backup, workspace))
    {
      g_autoptr (JsonNode) first = back_up (workspace);
      g_autofree char *text = cl_export_to_text (first);
      g_autoptr (JsonNode) second = NULL;

      g_assert (restore (text, strlen (text), backup, again));
      second = back_up (again);
      /* the same tables, every value to its last bit; only the time of the backup differs */
      g_assert (json_node_equal (json_object_get_member (json_node_get_object (first), "tables"),
                                 json_object_get_member (json_node_get_object (second), "tables")));
      g_assert (json_node_equal (json_object_get_member (json_node_get_object (first), "schema_version"),
                                 json_object_get_member (json_node_get_object (second), "schema_version")));
    }
  cl_store_remove_files (workspace);
  cl_store_remove_files (again);
  g_remove (backup);
  return 0;
}
