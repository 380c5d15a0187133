/* test-gui-agenda.c — the 1:1 agenda (Draft Again asks only when edited,
 * a saved plan redrafts only its section, the printed document and its
 * suggested name) and the team library (its Import buttons and times in
 * words); every window checked for leaks at its end (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-application.h"
#include "cl-list-page.h"
#include "cl-rep-window.h"
#include "cl-summary.h"
#include "cl-summary-window.h"
#include "cl-view-rows.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;
static char *team;

/* A sample team of @n_deals in a workspace of its own at @name. */
static char *
make_team (const char *name,
           guint       n_deals)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = n_deals;
  cl_test_write_team (path, &options);
  return path;
}

static char *
sql (ClWindow   *window,
     const char *query)
{
  return g_strchomp (cl_test_sql_text (cl_store_get_path (cl_window_get_store (window)), query));
}

/* The @offset-th current rep, by id; with @without_plan, among those
 * without a plan this month. */
static gint64
rep_at (ClWindow *window,
        guint     offset,
        gboolean  without_plan)
{
  g_autofree char *month = cl_date_month (cl_date_today ());
  g_autofree char *planless = g_strdup_printf ("AND NOT EXISTS (SELECT 1 FROM dev_plans p "
                                               "WHERE p.rep_id = r.id AND p.month = '%s')", month);
  g_autofree char *query = g_strdup_printf ("SELECT id FROM reps r WHERE is_manager = 0 AND has_left = 0 %s "
                                            "ORDER BY id LIMIT 1 OFFSET %u", without_plan ? planless : "", offset);
  g_autofree char *id = sql (window, query);

  g_assert_cmpstr (id, !=, "");
  return g_ascii_strtoll (id, NULL, 10);
}

static char *
rep_name (ClWindow *window,
          gint64    rep_id)
{
  g_autofree char *query = g_strdup_printf ("SELECT name FROM reps WHERE id = %" G_GINT64_FORMAT, rep_id);

  return sql (window, query);
}

static ClWindow *main_window;

/* The application's window, kept to see it finalized after the run. */
static ClWindow *
active_window (GApplication *app)
{
  g_assert_null (main_window);
  main_window = g_object_ref (CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  cl_test_wait_until (cl_test_workspace_shown, main_window, "the workspace");
  return main_window;
}

/* Runs the application on @workspace; @on_activate closes its window, and
 * nothing keeps that window once the application is gone. */
static void
run_window (const char *workspace,
            GCallback   on_activate)
{
  cl_test_run_window (workspace, on_activate, NULL);
  g_assert_nonnull (main_window);
  g_assert_finalize_object (g_steal_pointer (&main_window));
}

static gboolean
rep_loaded (gpointer rep)
{
  return cl_rep_window_is_loaded (rep);
}

static ClRepWindow *
open_rep (ClWindow *window,
          gint64    rep_id)
{
  ClRepWindow *rep = cl_rep_window_new (GTK_WINDOW (window), cl_store_get_path (cl_window_get_store (window)), rep_id);

  /* ours, to see it finalized once closed */
  g_object_ref (rep);
  gtk_window_present (GTK_WINDOW (rep));
  cl_test_wait_until (rep_loaded, rep, "the rep's 1:1 page");
  return rep;
}

/* Closes @window and checks nothing else keeps it: no worker, no dialog. */
static void
close_and_finalize (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_finalize_window (window);
}

static void
dismiss (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* ------------------------------------------------------------------ Draft Again */

static void
on_draft_again (GApplication *app)
{
  ClWindow *window = active_window (app);
  ClRepWindow *rep = open_rep (window, rep_at (window, 0, FALSE));
  g_autofree char *drafted = cl_rep_window_get_agenda (rep);
  g_autofree char *edited = g_strconcat (drafted, "- Ask about the offsite\n", NULL);
  g_autofree char *kept = NULL, *again = NULL;
  AdwMessageDialog *question;

  /* as drafted: drafted again at once, nothing asked */
  g_assert_null (cl_rep_window_draft_again (rep));
  g_assert_null (cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* edited: asked first; keeping the edits keeps them */
  cl_rep_window_set_agenda (rep, edited);
  question = cl_rep_window_draft_again (rep);
  g_assert_nonnull (question);
  g_assert_true (cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == question);
  dismiss (question, "cancel");
  kept = cl_rep_window_get_agenda (rep);
  g_assert_cmpstr (kept, ==, edited);

  /* drafting again anyway */
  question = cl_rep_window_draft_again (rep);
  g_assert_nonnull (question);
  dismiss (question, "draft");
  again = cl_rep_window_get_agenda (rep);
  g_assert_cmpstr (again, ==, drafted);
  g_assert_null (cl_rep_window_draft_again (rep));

  close_and_finalize (rep);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_draft_again_asks_when_edited (void)
{
  run_window (team, G_CALLBACK (on_draft_again));
}

/* ------------------------------------------------------------------ plan save */

static void
set_plan (ClRepWindow *rep)
{
  cl_rep_window_fill_plan (rep, "price_hold", "Hold the price through three rounds", 6, 4);
  g_assert_true (cl_rep_window_save_plan (rep));
  cl_test_wait_until (rep_loaded, rep, "the 1:1 page with its plan");
  g_assert_true (cl_rep_window_has_plan (rep));
}

static void
on_plan_save (GApplication *app)
{
  ClWindow *window = active_window (app);
  g_autofree char *month = cl_date_month (cl_date_today ());
  g_autofree char *heading = g_strdup_printf ("\nDevelopment, %s\n- Focus: ", month);
  g_autofree char *no_plan = g_strdup_printf ("- No plan for %s yet", month);
  ClRepWindow *rep = open_rep (window, rep_at (window, 0, TRUE));
  g_autofree char *drafted = cl_rep_window_get_agenda (rep);
  g_autofree char *edited = NULL, *after = NULL, *untouched = NULL;
  const char *title_end = strchr (drafted, '\n');

  g_assert_nonnull (strstr (drafted, no_plan));
  /* the manager's words at the top and at the end */
  edited = g_strdup_printf ("%.*s\nBring the territory map\n%s- Talk about the conference\n",
                            (int) (title_end - drafted), drafted, title_end + 1);
  cl_rep_window_set_agenda (rep, edited);
  set_plan (rep);
  after = cl_rep_window_get_agenda (rep);
  g_test_message ("agenda after the plan: %s", after);
  g_assert_null (strstr (after, no_plan));
  g_assert_nonnull (strstr (after, heading));
  g_assert_nonnull (strstr (after, "Bring the territory map\n"));
  g_assert_true (g_str_has_suffix (after, "- Talk about the conference\n"));
  /* in its place, between the actions and the calls */
  g_assert_true (strstr (after, "\nActions: ") < strstr (after, heading));
  g_assert_true (strstr (after, heading) < strstr (after, "\nCalls, last "));
  /* the manager's edits are still theirs: Draft Again asks */
  dismiss (cl_rep_window_draft_again (rep), "cancel");
  close_and_finalize (rep);

  /* an agenda nobody edited is simply drafted again, plan and all */
  rep = open_rep (window, rep_at (window, 0, TRUE));
  set_plan (rep);
  untouched = cl_rep_window_get_agenda (rep);
  g_assert_nonnull (strstr (untouched, heading));
  g_assert_null (cl_rep_window_draft_again (rep));
  close_and_finalize (rep);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_plan_save_redrafts_section (void)
{
  run_window (team, G_CALLBACK (on_plan_save));
}

/* ------------------------------------------------------------------ printing */

/* The PDF's text as pdftotext reads it, or NULL without poppler-utils. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, pdf, "-", NULL };
  char *text = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
on_print (GApplication *app)
{
  ClWindow *window = active_window (app);
  gint64 rep_id = rep_at (window, 2, FALSE);
  g_autofree char *name = rep_name (window, rep_id);
  g_autofree char *pdf = g_build_filename (tmp_dir, "agenda.pdf", NULL);
  g_autofree char *day = cl_date_format_words (cl_date_today ());
  g_autofree char *month = cl_date_month (cl_date_today ());
  g_autofree char *development = g_strdup_printf ("Development, %s", month);
  g_autofree char *printed = NULL, *extracted = NULL;
  const char *headings[] = { "Open deals", "Actions: ", development, "Calls, last 6 months", "topics" };
  ClRepWindow *rep = open_rep (window, rep_id);
  const char *text, *title;
  gsize length;

  g_assert_true (cl_rep_window_print_to_pdf (rep, pdf));
  g_assert_true (g_file_get_contents (pdf, &printed, &length, NULL));
  g_assert_true (length > 1000 && g_str_has_prefix (printed, "%PDF"));
  /* the document's text, as a reader of the PDF gets it where poppler is
   * installed, else as laid out */
  extracted = pdf_text (pdf);
  if (extracted == NULL)
    g_test_message ("pdftotext not found: checking the laid-out text instead");
  text = extracted ? extracted : cl_rep_window_get_printed_text (rep);
  g_test_message ("printed: %s", text);
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, day));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (text, headings[i]));
  /* the items as a list, the title said once */
  g_assert_nonnull (strstr (cl_rep_window_get_printed_text (rep), "•\t"));
  title = strstr (cl_rep_window_get_printed_text (rep), "1:1 with ");
  g_assert_nonnull (title);
  g_assert_null (strstr (title + 1, "1:1 with "));
  close_and_finalize (rep);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_print_to_pdf (void)
{
  run_window (team, G_CALLBACK (on_print));
}

static void
on_suggested_name (GApplication *app)
{
  ClWindow *window = active_window (app);
  gint64 rep_id = rep_at (window, 3, FALSE);
  g_autofree char *name = rep_name (window, rep_id);
  g_autofree char *day = cl_date_format (cl_date_today ());
  g_autofree char *expected = g_strdup_printf ("1-1 %s %s.pdf", name, day);
  ClRepWindow *rep = open_rep (window, rep_id);
  g_autofree char *suggested = cl_rep_window_get_print_file_name (rep);

  g_assert_cmpstr (suggested, ==, expected);
  close_and_finalize (rep);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_suggested_name (void)
{
  run_window (team, G_CALLBACK (on_suggested_name));
}

/* ------------------------------------------------------------------ the team library */

static gboolean
library_loaded (gpointer page)
{
  return cl_list_page_is_loaded (page);
}

static gboolean
library_holds_one (gpointer page)
{
  return cl_list_page_is_loaded (page) && cl_list_page_get_n_items (page) == 1;
}

/* @button opens the file chooser; cancelled, it leaves nothing open. */
static void
assert_opens_chooser (GtkButton *button)
{
  GtkWidget *chooser;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import-summary");
  gtk_widget_activate (GTK_WIDGET (button));
  /* the portal is asked first, where there is one, and the dialog shows without */
  cl_test_wait_until (cl_test_chooser_shown, NULL, "the file chooser");
  chooser = cl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import a Teammate's Summary");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_main_context_iteration (NULL, FALSE);
  g_assert_null (cl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
write_summary (const char *path)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *document = g_strdup_printf ("{\"format\": \"closeloop.loop-health\", \"version\": 1, "
                                               "\"app_version\": \"0.1.0\", \"exported_at\": \"%s\", "
                                               "\"exported_by\": \"Teammate\", \"period\": \"2026-Q4\"}", stamp);

  g_assert_true (g_file_set_contents (path, document, -1, NULL));
}

static void
on_library_import (GApplication *app)
{
  ClWindow *window = active_window (app);
  ClListPage *page;
  g_autofree char *path = g_build_filename (tmp_dir, "teammate.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cl_test_wait_until (cl_test_shows_views, window, "the views");
  /* the menu offers it too */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import-summary"));
  cl_window_show_view (window, "library");
  page = CL_LIST_PAGE (cl_window_get_view (window, "library"));
  cl_test_wait_until (library_loaded, page, "the empty team library");
  g_assert_cmpuint (cl_list_page_get_n_items (page), ==, 0);
  assert_opens_chooser (cl_list_page_get_action_button (page, TRUE));

  /* what the chooser hands on: the file, into the library */
  write_summary (path);
  cl_window_import_summary (window, file);
  cl_test_wait_until (library_holds_one, page, "the summary in the library");
  assert_opens_chooser (cl_list_page_get_action_button (page, FALSE));
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_library_import (void)
{
  /* a team of its own, its library empty whatever the others import */
  g_autofree char *own = make_team ("library.db", 20);

  run_window (own, G_CALLBACK (on_library_import));
}

static void
on_open_at_start (GApplication  *app,
                  GFile        **files,
                  int            n_files,
                  const char    *hint)
{
  ClWindow *window = active_window (app);
  ClListPage *page = CL_LIST_PAGE (cl_window_get_view (window, "library"));

  cl_test_wait_until (cl_test_shows_views, window, "the views");
  cl_window_show_view (window, "library");
  cl_test_wait_until (library_holds_one, page, "the summary opened with the application");
  gtk_window_close (GTK_WINDOW (window));
}

/* A summary opened from the file manager starts the application: it waits
 * for the workspace, read in a worker, and joins its library. */
static void
test_library_open_at_start (void)
{
  g_autofree char *own = make_team ("opened.db", 20);
  g_autofree char *path = g_build_filename (tmp_dir, "opened-at-start.json", NULL);
  g_autoptr (ClApplication) app = cl_application_new (own, G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  char *argv[] = { (char *) "closeloop", path, NULL };

  write_summary (path);
  g_signal_connect_after (app, "open", G_CALLBACK (on_open_at_start), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_nonnull (main_window);
  g_assert_finalize_object (g_steal_pointer (&main_window));
}

/* The library says when in words: a summary exported a moment ago. */
static void
on_library_times (GApplication *app)
{
  ClWindow *window = active_window (app);
  g_autofree char *path = g_build_filename (tmp_dir, "teammate-now.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GListModel) library = NULL;
  g_autoptr (ClLibraryEntry) entry = NULL;
  g_autofree char *title = NULL, *subtitle = NULL, *detail = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwToast) before = NULL;
  ClSummaryWindow *summary;

  cl_test_wait_until (cl_test_shows_views, window, "the views");
  write_summary (path);
  before = cl_test_ref_last_toast (window);
  cl_window_import_summary (window, file);
  /* read in a worker thread: kept once the window says so */
  cl_test_wait_for_toast (window, before);
  library = cl_summary_list_library (cl_window_get_store (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (library), >=, 1);
  entry = g_list_model_get_item (library, 0);
  cl_view_format_library_entry (entry, &title, &subtitle, &detail);
  g_test_message ("%s / %s / %s", title, subtitle, detail);
  g_assert_nonnull (strstr (subtitle, "exported today at "));
  g_assert_null (strstr (subtitle, "Z"));
  g_assert_cmpstr (detail, ==, "Kept today");

  summary = CL_SUMMARY_WINDOW (cl_test_open_library_entry (window, entry));
  g_assert_nonnull (summary);
  g_object_ref (summary);
  g_assert_nonnull (strstr (cl_summary_window_get_subtitle (summary), "exported today at "));
  close_and_finalize (summary);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_library_times (void)
{
  g_autofree char *own = make_team ("times.db", 20);

  run_window (own, G_CALLBACK (on_library_times));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-agenda-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
  team = make_team ("team.db", 200);
  g_test_add_func ("/gui/agenda/draft-again-asks-when-edited", test_draft_again_asks_when_edited);
  g_test_add_func ("/gui/agenda/plan-save-redrafts-section", test_plan_save_redrafts_section);
  g_test_add_func ("/gui/agenda/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/gui/agenda/suggested-name", test_suggested_name);
  g_test_add_func ("/gui/library/import-buttons", test_library_import);
  g_test_add_func ("/gui/library/times-in-words", test_library_times);
  g_test_add_func ("/gui/library/open-at-start", test_library_open_at_start);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (team);
  g_free (tmp_dir);
  return status;
}
