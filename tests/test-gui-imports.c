/* test-gui-imports.c — weekly CRM exports imported through the window, then
 * the Pipeline view's owner filter over the owners and stages they created
 * (run under Xvfb; the sanitizer build is where it matters)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-application.h"
#include "cl-import-window.h"
#include "cl-pipeline-page.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* Three weekly HubSpot exports: each brings owners and stages the team has
 * never had; the third's owner sorts before every other one. */
static const char week_1[] =
  "Record ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner\n"
  "hs-101,Northwind renewal,Northwind,Discovery,\"$12,000\",12/15/2026,Nadia Import\n"
  "hs-102,Contoso expansion,Contoso,Security Review,\"$30,000\",12/20/2026,Nadia Import\n"
  "hs-103,Fabrikam pilot,Fabrikam,Proposal,\"$8,500\",01/10/2027,Omar Import\n";
static const char week_2[] =
  "Record ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner\n"
  "hs-101,Northwind renewal,Northwind,Legal Review,\"$12,000\",12/15/2026,Nadia Import\n"
  "hs-102,Contoso expansion,Contoso,Security Review,\"$28,000\",12/22/2026,Pia Import\n"
  "hs-103,Fabrikam pilot,Fabrikam,Procurement Review,\"$8,500\",01/10/2027,Omar Import\n"
  "hs-104,Tailspin trial,Tailspin,Legal Review,\"$4,000\",01/20/2027,Quinn Import\n";
static const char week_3[] =
  "Record ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner\n"
  "hs-103,Fabrikam pilot,Fabrikam,Contract Signature,\"$9,000\",01/10/2027,Omar Import\n"
  "hs-105,Adatum rollout,Adatum,Security Review,\"$15,000\",02/01/2027,Aaron Import\n";

static char *tmp_dir;

/* The export @text, through the import window as Ctrl+I opens it: the file
 * chosen, its stages kept where they are placed, imported (which reloads
 * the views), the window closed. */
static void
import_through_window (ClWindow   *window,
                       const char *name,
                       const char *text)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  ClImportWindow *import;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-deals", NULL);
  import = cl_test_find_toplevel (CL_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (import);
  g_assert_true (cl_import_window_open_file (import, path));
  cl_test_import_read (import);
  g_assert_cmpint (cl_import_window_get_kind (import), ==, CL_CRM_HUBSPOT);
  cl_test_import_run (import, name);
  g_test_message ("%s: %s", name, cl_import_window_get_summary (import));
  gtk_window_close (GTK_WINDOW (import));
}

static const char *
choice (GtkDropDown *drop_down,
        guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop_down)), position);
}

static gboolean
is_past (gpointer due)
{
  return g_get_monotonic_time () > *(gint64 *) due;
}

/* Closes @drop_down's list, as choosing in it does, and lets a tooltip the
 * list started come due while the window is still there. The open list
 * holds the pointer, so a window another test maps starts one on it; GTK
 * 4.8 shows it half a second later, asking for the pointer on the list's
 * surface, and fails a critical if the window has closed in between. */
static void
close_list (GtkDropDown *drop_down)
{
  gint64 due = g_get_monotonic_time () + G_USEC_PER_SEC;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_popdown (GTK_POPOVER (child));
  cl_test_wait_until (is_past, &due, "a tooltip the list started");
}

/* The owner drop-down's position of @name. */
static guint
owner_position (ClPipelinePage *page,
                const char     *name)
{
  GtkDropDown *owners = cl_pipeline_page_get_owner_filter (page);

  for (guint i = 1; i < g_list_model_get_n_items (gtk_drop_down_get_model (owners)); i++)
    if (g_str_equal (choice (owners, i), name))
      return i;
  g_error ("no owner %s in the filter", name);
}

/* Each rep's open deals as the store counts them, by name. */
static GHashTable *
count_open_deals (const char *workspace)
{
  g_autofree char *rows = cl_test_sql_text (workspace,
                                            "SELECT r.name, (SELECT count(*) FROM deals d WHERE d.owner_id = r.id "
                                            "AND d.status = 'open') FROM reps r");
  g_auto (GStrv) lines = g_strsplit (rows, "\n", -1);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      char *bar = strrchr (lines[i], '|');

      g_hash_table_insert (counts, g_strndup (lines[i], bar - lines[i]),
                           GUINT_TO_POINTER (g_ascii_strtoull (bar + 1, NULL, 10)));
    }
  return counts;
}

/* @name chosen in the owner drop-down shows exactly that rep's open deals. */
static void
choose_owner (ClPipelinePage *page,
              const char     *name,
              GHashTable     *open_deals)
{
  gtk_drop_down_set_selected (cl_pipeline_page_get_owner_filter (page), owner_position (page, name));
  cl_test_wait_until (cl_test_pipeline_loaded, page, name);
  g_test_message ("%s: %u open deals", name, cl_pipeline_page_get_n_shown (page));
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==,
                    GPOINTER_TO_UINT (g_hash_table_lookup (open_deals, name)));
}

/* The owner drop-down, opened, offers every rep of the store (a manager
 * only when owning an open deal); the rep with the most open deals and
 * each of @imported, chosen, show exactly theirs. */
static void
check_owner_filter (ClPipelinePage     *page,
                    const char         *workspace,
                    const char * const *imported)
{
  GtkDropDown *owners = cl_pipeline_page_get_owner_filter (page);
  GListModel *choices = gtk_drop_down_get_model (owners);
  guint kept = gtk_drop_down_get_selected (owners);
  g_autofree char *reps = cl_test_sql_text (workspace,
                                            "SELECT name FROM reps r WHERE NOT is_manager OR EXISTS "
                                            "(SELECT 1 FROM deals d WHERE d.owner_id = r.id AND d.status = 'open') "
                                            "ORDER BY name");
  g_autofree char *busiest = cl_test_sql_text (workspace,
                                               "SELECT r.name FROM reps r JOIN deals d ON d.owner_id = r.id "
                                               "WHERE d.status = 'open' GROUP BY r.id ORDER BY count(*) DESC LIMIT 1");
  g_autoptr (GHashTable) open_deals = count_open_deals (workspace);
  g_autoptr (GString) offered = g_string_new (NULL);

  /* opened as a click on it opens it */
  g_signal_emit_by_name (owners, "activate");
  for (guint i = 1; i < g_list_model_get_n_items (choices); i++)
    g_string_append_printf (offered, "%s\n", choice (owners, i));
  g_assert_cmpstr (offered->str, ==, reps);

  choose_owner (page, g_strchomp (busiest), open_deals);
  for (guint i = 0; imported[i] != NULL; i++)
    choose_owner (page, imported[i], open_deals);
  gtk_drop_down_set_selected (owners, kept);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the owner chosen before");
}

/* The last stage of the process, which the imports created, shows its deals. */
static void
check_last_stage (ClPipelinePage *page,
                  const char     *workspace)
{
  g_autofree char *n_stages = cl_test_sql_text (workspace, "SELECT count(*) FROM stages");
  g_autofree char *in_last = cl_test_sql_text (workspace,
                                               "SELECT count(*) FROM deals d JOIN stages s ON s.id = d.stage_id "
                                               "WHERE d.status = 'open' "
                                               "AND s.position = (SELECT max(position) FROM stages)");

  cl_pipeline_page_set_filter (page, 0, g_ascii_strtoull (n_stages, NULL, 10), 0, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the last stage");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, g_ascii_strtoull (in_last, NULL, 10));
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), >, 0);
  cl_pipeline_page_set_filter (page, 0, 0, 0, NULL);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "clearing the filters");
}

static void
on_activate (GApplication *app)
{
  static const char * const new_in_weeks_1_2[] = { "Nadia Import", "Omar Import", "Pia Import", "Quinn Import", NULL };
  static const char * const new_in_week_3[] = { "Aaron Import", NULL };
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ClPipelinePage *page = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));
  GtkDropDown *owners = cl_pipeline_page_get_owner_filter (page);
  const char *workspace;
  guint omar;

  cl_test_wait_until (cl_test_shows_views, window, "the team workspace");
  workspace = cl_store_get_path (cl_window_get_store (window));

  /* as reported: two weekly imports, then the Pipeline view's owner filter */
  import_through_window (window, "week-1.csv", week_1);
  import_through_window (window, "week-2.csv", week_2);
  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline after two imports");
  check_owner_filter (page, workspace, new_in_weeks_1_2);
  check_last_stage (page, workspace);

  /* a third import while the view shows one owner's deals, the owner list
   * open: the view reloads, the list is rebuilt with a new owner ahead of
   * the chosen one, and the chosen one stays chosen */
  omar = owner_position (page, "Omar Import");
  gtk_drop_down_set_selected (owners, omar);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "Omar's deals");
  g_signal_emit_by_name (owners, "activate");
  import_through_window (window, "week-3.csv", week_3);
  cl_test_wait_until (cl_test_pipeline_loaded, page, "the pipeline after the third import");
  g_assert_cmpuint (owner_position (page, "Omar Import"), ==, omar + 1);
  g_assert_cmpstr (choice (owners, gtk_drop_down_get_selected (owners)), ==, "Omar Import");
  g_assert_cmpuint (cl_pipeline_page_get_n_shown (page), ==, 1);
  check_owner_filter (page, workspace, new_in_week_3);
  check_last_stage (page, workspace);

  close_list (owners);
  gtk_window_close (GTK_WINDOW (window));
}

/* Ctrl+Q while an import waits on another program: the windows go, and
 * the process ends once the import is written (before, it ended at once,
 * and the import was rolled back). */
static void
on_activate_quit_while_importing (GApplication *app,
                                  gpointer      workspace)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autofree char *path = g_build_filename (tmp_dir, "week-1.csv", NULL);
  ClImportWindow *import;
  gpointer writer;

  cl_test_wait_until (cl_test_shows_views, window, "the team workspace");
  g_assert_true (g_file_set_contents (path, week_1, -1, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (window), "import-deals", NULL);
  import = cl_test_find_toplevel (CL_TYPE_IMPORT_WINDOW);
  g_assert_true (cl_import_window_open_file (import, path));
  cl_test_import_read (import);
  cl_test_import_next (import, "the stages");
  cl_stages_page_keep_order (cl_import_window_get_stages_page (import));
  writer = cl_test_hold_write_lock (workspace);
  g_assert_true (cl_import_window_run (import));
  cl_test_release_write_lock_later (writer);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* A small team's workspace in the test's folder, named @name. */
static char *
write_small_team (const char *name)
{
  char *team = g_build_filename (tmp_dir, name, NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 30;
  options.n_reps = 3;
  options.n_weeks = 4;
  cl_test_write_team (team, &options);
  return team;
}

static void
test_quit_while_importing (void)
{
  g_autofree char *team = write_small_team ("quit.db");
  g_autofree char *imported = NULL;

  cl_test_run_window (team, G_CALLBACK (on_activate_quit_while_importing), team);
  imported = cl_test_sql_text (team, "SELECT count(*) FROM deals WHERE external_id LIKE 'hubspot:%'");
  g_assert_cmpstr (imported, !=, "0\n");
}

static void
test_imports_then_owner_filter (void)
{
  g_autofree char *team = write_small_team ("team.db");

  cl_test_run_window (team, G_CALLBACK (on_activate), NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-imports-XXXXXX", NULL);
  /* what the app keeps in its data directory stays in the test's own */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_add_func ("/gui/imports-then-owner-filter", test_imports_then_owner_filter);
  g_test_add_func ("/gui/quit-while-importing", test_quit_while_importing);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
