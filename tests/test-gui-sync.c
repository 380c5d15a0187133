/* test-gui-sync.c — a manager's workspace and a rep's sharing one team
 * folder, through the windows: the rep's My Month shows the plan their
 * manager published, the rep logs three drills and marks an action done
 * there, and the manager's 1:1 page shows the drills as the rep's (run
 * under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cl-application.h"
#include "cl-identity.h"
#include "cl-my-month-page.h"
#include "cl-preferences-window.h"
#include "cl-rep-brief.h"
#include "cl-rep-window.h"
#include "cl-team-folder.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;
static char *shared_folder;
static ClWindow *main_window;
/* the rep the manager planned for: their id in the manager's workspace */
static gint64 rep_id;
static char *rep_name;
static char *drill;           /* the plan's drill, as the manager wrote it */
static char *action_text;     /* the rep's first open action */

/* How many labels under @widget show @text, whole or within. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
            && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

/* The manager: a team, who they are, the folder; a rep with this month's
 * plan and an open action, whose brief is published. */
static char *
make_manager (void)
{
  char *path = g_build_filename (tmp_dir, "manager.db", NULL);
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *month = cl_date_month (cl_date_today ());
  g_autoptr (ClIdentity) owner = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 40;
  options.n_reps = 4;
  cl_test_write_team (path, &options);
  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  cl_identity_set (store, "Maria Manager", CL_ROLE_MANAGER, &error);
  g_assert_no_error (error);
  /* the manager signs what they publish, as their window would */
  owner = cl_identity_get (store, &error);
  cl_identity_apply (owner);
  cl_team_folder_set (store, shared_folder, &error);
  g_assert_no_error (error);
  reps = cl_store_list_reps (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (reps) && rep_id == 0; i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);
      g_autoptr (ClDevPlan) plan = cl_store_get_dev_plan (store, rep->id, month, NULL);
      g_autoptr (GListModel) actions = cl_store_list_open_actions (store, rep->id, NULL);
      g_autoptr (ClAction) action = NULL;

      if (rep->is_manager || plan == NULL || actions == NULL || g_list_model_get_n_items (actions) == 0)
        continue;
      action = g_list_model_get_item (actions, 0);
      rep_id = rep->id;
      rep_name = g_strdup (rep->name);
      drill = g_strdup (plan->drill);
      action_text = g_strdup (action->text);
    }
  g_assert_cmpint (rep_id, !=, 0);
  cl_rep_brief_publish (store, rep_id, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* The rep: their own workspace, on the same folder, nothing in it yet. */
static char *
make_rep (void)
{
  char *path = g_build_filename (tmp_dir, "rep.db", NULL);
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  cl_identity_set (store, rep_name, CL_ROLE_REP, &error);
  g_assert_no_error (error);
  cl_team_folder_set (store, shared_folder, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
month_shown (gpointer page)
{
  return cl_my_month_page_is_loaded (page) && g_str_equal (cl_my_month_page_get_state (page), "month");
}

static gboolean
month_has_open_action (gpointer page)
{
  return cl_my_month_page_is_loaded (page) && cl_my_month_page_get_open_action (page) != 0;
}

static gboolean
drills_shown (gpointer page)
{
  return cl_my_month_page_is_loaded (page) && count_labels (page, " · self-score ") == 3;
}

static gboolean
action_marked (gpointer page)
{
  return cl_my_month_page_is_loaded (page) && count_labels (page, "Marked done") == 1;
}

/* Whether the window offers the view @name. */
static gboolean
view_shown (ClWindow   *window,
            const char *name)
{
  /* each view is built into a child of the stack: the page is that child's */
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (cl_window_get_view (window, name),
                                                                 ADW_TYPE_VIEW_STACK));

  return adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack,
                                                                                                           name)));
}

static const char *
visible_view (ClWindow *window)
{
  GtkWidget *view = cl_window_get_view (window, "month");

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK)));
}

static gboolean
team_views_shown (gpointer window)
{
  return view_shown (window, "overview");
}

static gboolean
my_month_shown (gpointer window)
{
  return g_str_equal (visible_view (window), "month");
}

static void
on_rep_window (GApplication *app)
{
  ClMyMonthPage *page;
  ClPreferencesWindow *preferences;
  g_autoptr (GError) error = NULL;
  g_autofree char *log = NULL, *log_text = NULL, *subfolder = NULL;
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClIdentity) owner = NULL;
  guint window_statements = 0;
  gpointer writer;

  main_window = g_object_ref (CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  cl_test_wait_until (cl_test_shows_views, main_window, "the views of a rep's workspace with no team in it");
  /* a rep's workspace opens on My Month; without deals of its own, the
   * team's views are not there */
  g_assert_cmpstr (visible_view (main_window), ==, "month");
  g_assert_false (view_shown (main_window, "overview"));
  g_assert_false (view_shown (main_window, "pipeline"));
  page = CL_MY_MONTH_PAGE (cl_window_get_view (main_window, "month"));
  cl_test_wait_until (month_shown, page, "the brief arriving from the team folder");
  cl_test_wait_until (month_has_open_action, page, "the month read");
  /* the manager's plan, their name, the open action */
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), drill), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "From Maria Manager"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), action_text), >=, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "No drill logged this month yet"), ==, 1);

  /* three drills: two through the page's hook, one as the button does;
   * another program writes the workspace meanwhile: they wait for it, in
   * the order logged, and the window's thread waits on nothing (before,
   * each froze it up to 5 s and was lost) */
  writer = cl_test_hold_write_lock (cl_store_get_path (cl_window_get_store (main_window)));
  cl_test_count_statements (main_window, &window_statements);
  g_assert_true (cl_my_month_page_log_drill (page, "CFO asks for 20 %", 3, "held at list"));
  g_assert_true (cl_my_month_page_log_drill (page, "Procurement deadline", 4, ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "month.log-drill", NULL));
  g_assert_false (cl_my_month_page_is_loaded (page));
  cl_test_release_write_lock_later (writer);
  cl_test_wait_until (drills_shown, page, "three drills in the month's list");
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "3 of "), ==, 1);

  /* a score out of range is refused, and says so */
  g_assert_false (cl_my_month_page_log_drill (page, "nothing", 9, ""));
  g_assert_true (cl_my_month_page_mark_done (page, cl_my_month_page_get_open_action (page), "done on the call"));
  cl_test_wait_until (action_marked, page, "the action marked done");
  cl_test_stop_counting_statements (main_window);
  g_assert_cmpuint (window_statements, ==, 0);

  /* published at once, to the rep's own subfolder */
  store = cl_store_open (cl_store_get_path (cl_window_get_store (main_window)), &error);
  g_assert_no_error (error);
  owner = cl_identity_get (store, &error);
  subfolder = cl_identity_subfolder (owner);
  log = g_strdup_printf ("%s/%s/practice-log-%s.closeloop.json", shared_folder, subfolder, rep_name);
  g_assert_true (g_file_get_contents (log, &log_text, NULL, &error));
  g_assert_nonnull (strstr (log_text, "CFO asks for 20 %"));
  g_assert_nonnull (strstr (log_text, "done on the call"));

  /* the owner made a manager in Preferences: the team's views, no My Month */
  g_action_group_activate_action (G_ACTION_GROUP (main_window), "preferences", NULL);
  preferences = cl_test_find_toplevel (CL_TYPE_PREFERENCES_WINDOW);
  /* what the window shows is read again by a worker */
  g_assert_true (cl_preferences_window_set_identity (preferences, rep_name, CL_ROLE_MANAGER));
  cl_test_wait_until (team_views_shown, main_window, "the team's views for a manager");
  g_assert_false (view_shown (main_window, "month"));
  g_assert_true (cl_preferences_window_set_identity (preferences, rep_name, CL_ROLE_REP));
  cl_test_wait_until (my_month_shown, main_window, "My Month for a rep");
  g_assert_false (view_shown (main_window, "overview"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_close (GTK_WINDOW (main_window));
}

static gboolean
drills_merged (gpointer path)
{
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (GListModel) drills = store ? cl_store_list_practice_entries (store, rep_id, NULL, NULL) : NULL;
  guint merged = 0;

  for (guint i = 0; drills != NULL && i < g_list_model_get_n_items (drills); i++)
    {
      g_autoptr (ClPracticeEntry) entry = g_list_model_get_item (drills, i);

      merged += entry->merged;
    }
  return merged == 3;
}

static gboolean
rep_loaded (gpointer rep)
{
  return cl_rep_window_is_loaded (rep);
}

static void
on_manager_window (GApplication *app)
{
  ClRepWindow *rep;

  main_window = g_object_ref (CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  cl_test_wait_until (cl_test_shows_views, main_window, "the manager's views");
  /* the window read the team folder as it opened */
  cl_test_wait_until (drills_merged, (gpointer) cl_store_get_path (cl_window_get_store (main_window)),
                      "the rep's practice log merged");
  rep = cl_rep_window_new (GTK_WINDOW (main_window), cl_store_get_path (cl_window_get_store (main_window)), rep_id);
  g_object_ref (rep);
  gtk_window_present (GTK_WINDOW (rep));
  cl_test_wait_until (rep_loaded, rep, "the rep's 1:1 page");
  /* the rep's drills on their 1:1 page, each marked as theirs */
  g_assert_cmpuint (count_labels (GTK_WIDGET (rep), "Logged by the rep"), ==, 3);
  g_assert_cmpuint (count_labels (GTK_WIDGET (rep), "CFO asks for 20 %"), ==, 1);
  /* the action the rep closed is no longer open */
  g_assert_cmpuint (count_labels (GTK_WIDGET (rep), action_text), ==, 0);
  gtk_window_destroy (GTK_WINDOW (rep));
  cl_test_finalize_window (rep);
  gtk_window_close (GTK_WINDOW (main_window));
}

static void
test_down_and_up (void)
{
  g_autofree char *manager = make_manager ();
  g_autofree char *rep = make_rep ();

  cl_test_run_window (rep, G_CALLBACK (on_rep_window), NULL);
  cl_test_finalize_window (g_steal_pointer (&main_window));
  cl_test_run_window (manager, G_CALLBACK (on_manager_window), NULL);
  cl_test_finalize_window (g_steal_pointer (&main_window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-sync-XXXXXX", NULL);
  shared_folder = g_build_filename (tmp_dir, "shared", NULL);
  g_mkdir (shared_folder, 0700);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_unsetenv ("CLOSELOOP_AUTHOR");
  g_setenv ("CLOSELOOP_TODAY", "2026-11-23", TRUE);
  g_test_add_func ("/gui/sync/down-and-up", test_down_and_up);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (shared_folder);
  g_free (rep_name);
  g_free (drill);
  g_free (action_text);
  return status;
}
