/* test-gui-util.c — what the GUI tests share: running the window, waiting
 * on the main loop, finding the windows the app opens (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cl-application.h"
#include "cl-deal-coaching-window.h"
#include "cl-import-window.h"
#include "cl-pipeline-page.h"
#include "cl-preferences-window.h"
#include "cl-review-window.h"
#include "cl-store-private.h"
#include "cl-summary-window.h"
#include "cl-window.h"
#include "test-gui-util.h"

/* How long a wait may take: the sanitizer build runs the window several
 * times slower, and on a loaded machine a worker's result can take long. */
#if defined (__SANITIZE_ADDRESS__)
#define WAIT_SECONDS 150
#else
#define WAIT_SECONDS 30
#endif

void
cl_test_wait_until (ClTestCheck  check,
                    gpointer     data,
                    const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  ClWindow *window;
  AdwToast *before;
} ToastWait;

gboolean
cl_test_toast_after (gpointer window,
                     gpointer before)
{
  AdwToast *last = cl_window_get_last_toast (window);

  return last != before && adw_toast_get_timeout (last) != 0;
}

static gboolean
toast_changed (gpointer data)
{
  ToastWait *wait = data;

  return cl_test_toast_after (wait->window, wait->before);
}

gpointer
cl_test_ref_last_toast (gpointer window)
{
  AdwToast *toast = cl_window_get_last_toast (window);

  return toast ? g_object_ref (toast) : NULL;
}

const char *
cl_test_wait_for_toast (gpointer window,
                        gpointer before)
{
  ToastWait wait = { window, before };

  cl_test_wait_until (toast_changed, &wait, "the window's next toast");
  return adw_toast_get_title (cl_window_get_last_toast (window));
}

typedef gboolean (*WidgetMatch) (GtkWidget    *widget,
                                 gconstpointer what);

/* @widget or the first widget below it that @match finds, depth first */
static GtkWidget *
find_first (GtkWidget    *widget,
            WidgetMatch   match,
            gconstpointer what)
{
  if (match (widget, what))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, what);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_named (GtkWidget    *widget,
          gconstpointer name)
{
  return g_str_equal (gtk_widget_get_name (widget), name);
}

static gboolean
is_shown_label_with (GtkWidget    *widget,
                     gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkWidget *
cl_test_find_descendant (GtkWidget *widget,
                         GType      type)
{
  return find_first (widget, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
cl_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  return find_first (widget, is_named, name);
}

GtkWidget *
cl_test_find_shown_label (GtkWidget  *widget,
                          const char *text)
{
  return find_first (widget, is_shown_label_with, text);
}

gpointer
cl_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
review_shown (gpointer data)
{
  return cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW) != NULL;
}

gpointer
cl_test_start_review (gpointer window)
{
  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (cl_test_pipeline_loaded, cl_window_get_view (window, "pipeline"), "the pipeline");
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-review", NULL);
  cl_test_wait_until (review_shown, NULL, "the review");
  return cl_test_find_toplevel (CL_TYPE_REVIEW_WINDOW);
}

static gboolean
review_saved (gpointer review)
{
  return !cl_review_window_is_saving (review);
}

void
cl_test_review_saved (gpointer review)
{
  cl_test_wait_until (review_saved, review, "the decision written");
}

void
cl_test_review_press (gpointer review,
                      char     key)
{
  cl_review_window_press (review, key);
  cl_test_review_saved (review);
}

static gboolean
preferences_settled (gpointer preferences)
{
  return !cl_preferences_window_is_busy (preferences);
}

void
cl_test_preferences_settled (gpointer preferences)
{
  cl_test_wait_until (preferences_settled, preferences, "the preferences read again");
}

gboolean
cl_test_open_workspace (gpointer    window,
                        const char *path)
{
  cl_window_open_workspace (window, path, NULL);
  g_assert_cmpstr (cl_window_get_state (window), ==, "loading");
  cl_test_wait_until (cl_test_workspace_shown, window, "the workspace opened");
  return !g_str_equal (cl_window_get_state (window), "error");
}

static int
count_statement (unsigned  what,
                 void     *count,
                 void     *statement,
                 void     *sql)
{
  *(guint *) count += 1;
  return 0;
}

void
cl_test_count_statements (gpointer  window,
                          guint    *count)
{
  sqlite3_trace_v2 (cl_store_get_db (cl_window_get_store (window)), SQLITE_TRACE_STMT, count_statement, count);
}

void
cl_test_stop_counting_statements (gpointer window)
{
  sqlite3_trace_v2 (cl_store_get_db (cl_window_get_store (window)), 0, NULL, NULL);
}

gpointer
cl_test_hold_write_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static gboolean
release_write_lock (gpointer db)
{
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return G_SOURCE_REMOVE;
}

void
cl_test_release_write_lock_after (gpointer writer,
                                  guint    delay_ms)
{
  g_timeout_add (delay_ms, release_write_lock, writer);
}

void
cl_test_release_write_lock_later (gpointer writer)
{
  cl_test_release_write_lock_after (writer, 300);
}

/* A teammate's summary or review shown, other than those in @before. */
static GtkWindow *
find_new_summary (GPtrArray *before)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if ((CL_IS_SUMMARY_WINDOW (window) || CL_IS_REVIEW_WINDOW (window))
          && gtk_widget_get_visible (GTK_WIDGET (window)) && !g_ptr_array_find (before, window, NULL))
        return window;
    }
  return NULL;
}

static gboolean
new_summary_shown (gpointer before)
{
  return find_new_summary (before) != NULL;
}

GtkWindow *
cl_test_open_library_entry (gpointer window,
                            gpointer entry)
{
  g_autoptr (GPtrArray) before = g_ptr_array_new ();
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) shown = g_list_model_get_item (toplevels, i);

      g_ptr_array_add (before, shown);
    }
  cl_window_open_library_entry (window, entry);
  cl_test_wait_until (new_summary_shown, before, "the summary opened");
  return find_new_summary (before);
}

static gboolean
coaching_settled (gpointer coaching)
{
  return !cl_deal_coaching_window_is_busy (coaching);
}

void
cl_test_coaching_settled (gpointer coaching)
{
  cl_test_wait_until (coaching_settled, coaching, "the coaching read and written");
}

gboolean
cl_test_chooser_shown (gpointer data)
{
  return cl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

void
cl_test_assert_export_name (GtkWidget  *widget,
                            const char *action,
                            const char *prefix)
{
  GtkFileChooser *chooser;
  g_autofree char *suggested = NULL;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  /* the portal is asked first, where there is one, and the dialog shows without */
  cl_test_wait_until (cl_test_chooser_shown, NULL, "the file chooser");
  chooser = cl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_test_message ("%s suggests %s", action, suggested);
  g_assert_true (g_str_has_prefix (suggested, prefix));
  g_assert_true (g_str_has_suffix (suggested, ".closeloop.json"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_main_context_iteration (NULL, FALSE);
  g_assert_null (cl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

void
cl_test_run_window (const char *workspace,
                    GCallback   on_activate,
                    gpointer    data)
{
  g_autoptr (ClApplication) app = cl_application_new (workspace, G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "closeloop", NULL };

  g_signal_connect_after (app, "activate", on_activate, data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
}

static gboolean
only_ours (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

void
cl_test_finalize_window (gpointer window)
{
  g_assert_true (GTK_IS_WINDOW (window));
  /* a worker's job holds its window until its result is delivered */
  cl_test_wait_until (only_ours, window, "the closed window's work to end");
  g_assert_finalize_object (window);
}

gboolean
cl_test_file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

gboolean
cl_test_shows_views (gpointer window)
{
  return g_str_equal (cl_window_get_state (window), "views");
}

gboolean
cl_test_workspace_shown (gpointer window)
{
  return !g_str_equal (cl_window_get_state (window), "loading");
}

gboolean
cl_test_pipeline_loaded (gpointer page)
{
  return cl_pipeline_page_is_loaded (page);
}

gboolean
cl_test_moves_read (gpointer page)
{
  return cl_pipeline_page_are_moves_read (page);
}

gboolean
cl_test_import_done (gpointer import)
{
  return cl_import_window_is_done (import);
}

gboolean
cl_test_import_shows_stages (gpointer import)
{
  return g_str_equal (cl_import_window_get_page (import), "stages");
}

static gboolean
file_read (gpointer import)
{
  return !g_str_equal (cl_import_window_get_page (import), "busy");
}

void
cl_test_import_read (gpointer import)
{
  cl_test_wait_until (file_read, import, "the file read");
  g_assert_cmpstr (cl_import_window_get_page (import), ==, "preview");
}

static gboolean
goes_on (gpointer import)
{
  return cl_import_window_show_stages (import);
}

void
cl_test_import_next (gpointer    import,
                     const char *what)
{
  cl_test_wait_until (goes_on, import, what);
  cl_test_wait_until (cl_test_import_shows_stages, import, what);
}

void
cl_test_import_run (gpointer    import,
                    const char *what)
{
  cl_test_import_next (import, what);
  cl_stages_page_keep_order (cl_import_window_get_stages_page (import));
  g_assert_true (cl_import_window_run (import));
  cl_test_wait_until (cl_test_import_done, import, what);
}
