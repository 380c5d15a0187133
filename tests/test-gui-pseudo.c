/* test-gui-pseudo.c — every word the window shows reaches translators: run
 * in a pseudo-translation (tests/pseudo-translate.py, every message as
 * "⟦…⟧"), each main view's visible labels hold nothing outside brackets
 * but the workspace's own data, numbers and punctuation (run under Xvfb,
 * by tests/check-pseudo-translation.py, which builds the translation)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-demo.h"
#include "cl-list-page.h"
#include "cl-overview-page.h"
#include "cl-pipeline-page.h"
#include "cl-retro-page.h"
#include "cl-team-page.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

#define OPEN_MARK 0x27E6   /* ⟦ */
#define CLOSE_MARK 0x27E7  /* ⟧ */
#define FSI 0x2068
#define PDI 0x2069

typedef struct
{
  ClWindow   *window;
  GHashTable *data;        /* every text value in the workspace */
  GPtrArray  *long_data;   /* those of 3 characters or more, longest first */
  GPtrArray  *untranslated;
} Run;

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(char **) b) - (int) strlen (*(char **) a);
}

/* Every text value of every table in the workspace at @path. */
static void
read_data (Run        *run,
           const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GHashTableIter iter;
  gpointer value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          if (sqlite3_column_type (rows, c) == SQLITE_TEXT)
            g_hash_table_add (run->data, g_strstrip (g_strdup ((const char *) sqlite3_column_text (rows, c))));
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  /* the workspace's own name, its file's ("team"), which the window and
   * the library's teams show */
  {
    g_autofree char *file = g_path_get_basename (path);

    *strrchr (file, '.') = '\0';
    g_hash_table_add (run->data, g_steal_pointer (&file));
  }
  g_hash_table_iter_init (&iter, run->data);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    if (g_utf8_strlen (value, -1) >= 3)
      g_ptr_array_add (run->long_data, value);
  g_ptr_array_sort (run->long_data, longest_first);
}

/* Whether @segment, shown outside any bracket, is data: a value of the
 * workspace, or words none of which is a letter once its values are out. */
static gboolean
is_data (Run        *run,
         const char *segment)
{
  g_autofree char *rest = g_strstrip (g_strdup (segment));

  if (*rest == '\0' || g_hash_table_contains (run->data, rest))
    return TRUE;
  for (guint i = 0; i < run->long_data->len; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (rest, g_ptr_array_index (run->long_data, i), -1);

      if (pieces[1] != NULL)
        {
          g_free (rest);
          rest = g_strjoinv (" ", pieces);
        }
    }
  for (const char *p = rest; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* @text outside brackets and isolated values, cut where they were. */
static void
check_text (Run        *run,
            const char *text)
{
  g_autoptr (GString) segment = g_string_new (NULL);
  int depth = 0;
  gboolean failed = FALSE;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == OPEN_MARK || c == FSI || c == '\0')
        {
          if (depth == 0)
            failed |= !is_data (run, segment->str);
          g_string_truncate (segment, 0);
          if (c == '\0')
            break;
          depth++;
        }
      else if (c == CLOSE_MARK || c == PDI)
        depth = MAX (depth - 1, 0);
      else if (depth == 0)
        g_string_append_unichar (segment, c);
    }
  if (failed)
    g_ptr_array_add (run->untranslated, g_strdup (text));
}

static void
check_labels (Run       *run,
              GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    check_text (run, gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_labels (run, child);
}

/* @data, a view, shown with what it read */
static gboolean
view_loaded (gpointer data)
{
  if (!gtk_widget_get_mapped (data))
    return FALSE;
  if (CL_IS_PIPELINE_PAGE (data))
    return cl_pipeline_page_is_loaded (data);
  if (CL_IS_LIST_PAGE (data))
    return cl_list_page_is_loaded (data);
  if (CL_IS_RETRO_PAGE (data))
    return cl_retro_page_is_loaded (data);
  if (CL_IS_TEAM_PAGE (data))
    return cl_team_page_is_loaded (data);
  if (CL_IS_OVERVIEW_PAGE (data))
    return cl_overview_page_is_health_loaded (data);
  return TRUE;
}

static void
on_activate (GApplication *app,
             Run          *run)
{
  static const char * const views[] = { "overview", "pipeline", "coaching", "development", "retros", "library" };

  run->window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  cl_test_wait_until (cl_test_shows_views, run->window, "the team");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_test_message ("view %s", views[i]);
      cl_window_show_view (run->window, views[i]);
      cl_test_wait_until (view_loaded, cl_window_get_view (run->window, views[i]), views[i]);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      check_labels (run, GTK_WIDGET (run->window));
    }
  gtk_window_close (GTK_WINDOW (run->window));
}

static void
test_views (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-pseudo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (GHashTable) data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) long_data = g_ptr_array_new ();
  g_autoptr (GPtrArray) untranslated = g_ptr_array_new_with_free_func (g_free);
  Run run = { NULL, data, long_data, untranslated };
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 60;
  cl_test_write_team (path, &options);
  read_data (&run, path);
  cl_test_run_window (path, G_CALLBACK (on_activate), &run);
  for (guint i = 0; i < untranslated->len; i++)
    g_test_message ("not translated: %s", (char *) g_ptr_array_index (untranslated, i));
  g_assert_cmpuint (untranslated->len, ==, 0);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CLOSELOOP_TEST_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (localedir);
  /* as main () binds the installed translations */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_add_func ("/pseudo-translation/views", test_views);
  return g_test_run ();
}
