/* fuzz-replay.c — a fuzz target's body run on files, in any build
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-replay DIR_OR_FILE…: each regular file (folders are walked, names
 * starting with "." or "README" left out, a path that does not exist is
 * nothing to replay) is fed to the LLVMFuzzerTestOneInput () it is linked
 * with, the very function the fuzzer runs, so every input that ever
 * crashed a target stays a test in the normal and sanitizer builds. A file
 * that crashes or trips an assertion ends the program; the line above it
 * names the file. Output is TAP.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  if ((dir = g_dir_open (path, 0, NULL)) == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_has_prefix (name, "README"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* the same order on every machine */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    collect (names->pdata[i], files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--tap") != 0)
      collect (argv[i], files);
  if (files->len == 0)
    {
      printf ("1..0 # SKIP nothing to replay\n");
      return 0;
    }
  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size = 0;

      printf ("# replaying %s\n", path);
      fflush (stdout);
      if (!g_file_get_contents (path, &data, &size, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      printf ("ok %u - %s\n", i + 1, path);
    }
  return 0;
}
