/* test-gui-util.h — what the GUI tests share: running the window, waiting
 * on the main loop, finding the windows the app opens (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*ClTestCheck) (gpointer data);

/* Spins the main loop until @check holds; fails the test after 30 s (150 s
 * in the sanitizer build), naming @what it waited for. */
void      cl_test_wait_until      (ClTestCheck  check,
                                   gpointer     data,
                                   const char  *what);
/* @window's (a ClWindow) last toast, with a reference, or NULL: kept, a
 * later toast can't take its address. */
gpointer    cl_test_ref_last_toast (gpointer    window);
/* Whether @window (a ClWindow) shows a toast other than @before (an
 * AdwToast, or NULL) that says what happened: one that stays until
 * dismissed says work is under way. */
gboolean    cl_test_toast_after    (gpointer    window,
                                    gpointer    before);
/* Spins the main loop until @window (a ClWindow) shows a toast other
 * than @before (an AdwToast, or NULL), passing over those that say work
 * is under way (they stay until dismissed); returns its title. */
const char *cl_test_wait_for_toast (gpointer    window,
                                    gpointer    before);
/* @widget or the first widget below it of @type, depth first; NULL if none. */
GtkWidget *cl_test_find_descendant (GtkWidget  *widget,
                                    GType       type);
/* @widget or the first widget below it named @name (gtk_widget_set_name ()),
 * depth first; NULL if none. */
GtkWidget *cl_test_find_named     (GtkWidget  *widget,
                                    const char *name);
/* @widget or the first label below it on screen (mapped) whose text has
 * @text in it, depth first; NULL if none. */
GtkWidget *cl_test_find_shown_label (GtkWidget  *widget,
                                     const char *text);
/* The visible toplevel window of @type, or NULL. */
gpointer  cl_test_find_toplevel   (GType        type);
/* Activates @action on @widget ("win.export-review", "retro.export"): the
 * file chooser it opens to save suggests a name starting with @prefix and
 * ending in .closeloop.json, the MIME type's glob; then it is cancelled. */
void      cl_test_assert_export_name (GtkWidget  *widget,
                                      const char *action,
                                      const char *prefix);
/* Runs the application on the workspace at @workspace; @on_activate runs
 * once its window shows, and closes it. */
void      cl_test_run_window      (const char  *workspace,
                                   GCallback    on_activate,
                                   gpointer     data);

/* Drops the test's reference to a closed @window once the work it started
 * let go of it, and fails unless that finalizes it (nothing leaked a
 * reference to it). */
void      cl_test_finalize_window (gpointer     window);

/* Ctrl+R on @window (a ClWindow) once its pipeline is in: the review's
 * window, once a worker has opened it. */
gpointer  cl_test_start_review    (gpointer     window);
/* Waits until the decision @review (a ClReviewWindow) has on its way, if
 * any, is written (or failed). */
void      cl_test_review_saved    (gpointer     review);
/* Presses @key in @review as cl_review_window_press () does, then waits
 * for the decision it made, if any. */
void      cl_test_review_press    (gpointer     review,
                                   char         key);

/* Another program writing the workspace at @path, as a command-line
 * import does: a connection of the test's own holding its write lock. */
gpointer  cl_test_hold_write_lock (const char  *path);
/* Lets the lock @writer holds go in 0.3 s, from the main loop: were the
 * window's thread waiting on the lock, that would not happen until it
 * gave up (after SQLite's 5 s). */
void      cl_test_release_write_lock_later (gpointer writer);
/* The same, in @delay_ms. */
void      cl_test_release_write_lock_after (gpointer writer,
                                            guint    delay_ms);

/* Waits until @preferences (a ClPreferencesWindow) has read again what
 * it reads in workers. */
void      cl_test_preferences_settled (gpointer preferences);

/* Opens @path in @window (a ClWindow) as Open Workspace does, and waits
 * until it shows what it holds; FALSE when it says why it could not. */
gboolean  cl_test_open_workspace  (gpointer     window,
                                   const char  *path);

/* Counts into @count every statement run on @window's (a ClWindow)
 * connection, the window's thread's, until
 * cl_test_stop_counting_statements (). */
void      cl_test_count_statements (gpointer   window,
                                    guint     *count);
void      cl_test_stop_counting_statements (gpointer window);

/* Opens @entry (a ClLibraryEntry) of @window's (a ClWindow) team library
 * and waits for its window (a ClReviewWindow or a ClSummaryWindow). */
GtkWindow *cl_test_open_library_entry (gpointer window,
                                       gpointer entry);

/* Waits until @coaching (a ClDealCoachingWindow) has read, and written,
 * all it was asked to. */
void      cl_test_coaching_settled (gpointer    coaching);

/* Conditions to wait for */
/* A file is at @path (written atomically, so whole). */
gboolean  cl_test_file_exists     (gpointer     path);
gboolean  cl_test_shows_views     (gpointer     window);
/* The workspace is read and the window shows what it holds (the views,
 * the offer of a first import, or why it could not be opened). */
gboolean  cl_test_workspace_shown (gpointer     window);
gboolean  cl_test_chooser_shown   (gpointer     data);
gboolean  cl_test_pipeline_loaded (gpointer     page);
/* Whether @page (a ClPipelinePage) shows what moved, read after its deals. */
gboolean  cl_test_moves_read      (gpointer     page);
gboolean  cl_test_import_done     (gpointer     import);
gboolean  cl_test_import_shows_stages (gpointer import);

/* Waits until @import (a ClImportWindow) has read the file it was given
 * (in a worker), and shows its preview. */
void      cl_test_import_read     (gpointer     import);

/* Next in the import window, once it may (the workspace's currency is
 * read in a worker), until the stages placed show. */
void      cl_test_import_next     (gpointer     import,
                                   const char  *what);
/* The import window's steps as the user takes them: Next, the stages
 * placed (those of unknown order kept where shown), Import, the result. */
void      cl_test_import_run      (gpointer     import,
                                   const char  *what);

G_END_DECLS
