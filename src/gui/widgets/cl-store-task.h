/* cl-store-task.h — work on the workspace off the main thread: a job on a
 * connection of its own, its result back on the main loop
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* Runs in a worker thread, @store opened on the workspace for it alone
 * (NULL for a job given no workspace). Returns its result, which may be
 * NULL; a failure sets @error. */
typedef gpointer (*ClStoreJob) (ClStore   *store,
                                gpointer   data,
                                GError   **error);

/* Runs @job on @data in a worker thread; @callback gets the result on the
 * main loop, @source_object kept alive until then, and the application
 * held: a window closed or the app quit meanwhile, the process ends once
 * the job is done. @data_free frees @data after, @result_free a result
 * nobody took. */
void     cl_store_task_run    (gpointer             source_object,
                               const char          *workspace,
                               ClStoreJob           job,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GDestroyNotify       result_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
/* Jobs run one after another in the order asked, each as
 * cl_store_task_run () runs one: a value changed twice lands as its last,
 * and what is read again follows what was written. */
typedef struct _ClStoreQueue ClStoreQueue;

/* A queue of jobs on @workspace for @owner, kept alive while one runs;
 * their callbacks get @owner as their source object. */
ClStoreQueue *cl_store_queue_new     (gpointer             owner,
                                      const char          *workspace);
/* Runs @job on @data once those asked before it ended; @done gets the
 * result on the main loop (cl_store_task_finish ()). */
void          cl_store_queue_run     (ClStoreQueue        *queue,
                                      ClStoreJob           job,
                                      gpointer             data,
                                      GDestroyNotify       data_free,
                                      GDestroyNotify       result_free,
                                      GAsyncReadyCallback  done);
/* A job runs or waits. */
gboolean      cl_store_queue_is_busy (ClStoreQueue        *queue);
/* Calls @idle (@data) once no job runs or waits: at once when none does.
 * A window closing waits so for what it asked to write. */
void          cl_store_queue_when_idle (ClStoreQueue      *queue,
                                        GSourceFunc        idle,
                                        gpointer           data);
/* For a window's close-request: TRUE, and @window closed once they are
 * done, while its jobs run or wait; FALSE when it may close now. What the
 * main window reads again as it goes then holds what it wrote. A wait
 * longer than CL_STORE_TASK_TOLD_AFTER_MS is said in @title's subtitle,
 * or when @title is NULL, for a preferences window (wide, its pages'
 * switcher takes its title's place), in a toast. */
gboolean      cl_store_queue_hold_close (ClStoreQueue     *queue,
                                         GtkWindow        *window,
                                         AdwWindowTitle   *title);
/* The owner goes: the jobs asked for still run, in turn (what it asked to
 * write is written), but no callback is called. */
void          cl_store_queue_close   (ClStoreQueue        *queue);

/* Work the user waits on says it is under way once it has taken this
 * long; shorter work says nothing until it ends: no toast flickers. */
#define CL_STORE_TASK_TOLD_AFTER_MS 300

/* Shows @toast (transfer full) over @owner. */
typedef void (*ClShowToast) (gpointer  owner,
                             AdwToast *toast);
/* The default application held, so the process outlives its windows
 * until cl_application_let_go () (on the main thread); NULL when there is
 * none, which cl_application_let_go () takes too. Work in a thread of its
 * own that writes the workspace holds it. */
GApplication   *cl_application_hold    (void);
void            cl_application_let_go  (GApplication   *held);

/* A toast over @owner that says work is under way, from
 * CL_STORE_TASK_TOLD_AFTER_MS after cl_working_toast_start () until
 * cl_working_toast_end (), which frees it. */
typedef struct _ClWorkingToast ClWorkingToast;
ClWorkingToast *cl_working_toast_start (gpointer        owner,
                                        ClShowToast     show,
                                        const char     *text);
void            cl_working_toast_end   (ClWorkingToast *working);
/* The owner goes: frees @working, the toast (if shown) left to go with it. */
void            cl_working_toast_forget (ClWorkingToast *working);

/* What follows a job that succeeded, on the main loop, with its data. */
typedef void (*ClTaskSucceeded) (gpointer owner,
                                 gpointer data);

/* Runs @job as cl_store_task_run () does, for work the user waits on (an
 * export, a backup): @show shows a toast with the text @job returned (a
 * char *), or why it failed, once it ends; and one that says @working
 * meanwhile, should it last longer than a moment. @succeeded, unless
 * NULL, runs first when it succeeded. */
void     cl_store_task_run_told (gpointer         owner,
                                 ClShowToast      show,
                                 const char      *workspace,
                                 ClStoreJob       job,
                                 gpointer         data,
                                 GDestroyNotify   data_free,
                                 const char      *working,
                                 ClTaskSucceeded  succeeded);
/* The job's data, for the callback. */
gpointer cl_store_task_get_data (GAsyncResult      *result);
/* The job's result; NULL with @error set when it failed.
 *
 * Returns: (transfer full) (nullable): what the job returned */
gpointer cl_store_task_finish (GAsyncResult        *result,
                               GError             **error);

/* Empties @editable once what was typed there is written by a worker,
 * unless the user typed something else meanwhile: its text, trimmed, is
 * still @sent, trimmed. */
void          cl_editable_clear_sent   (GtkEditable      *editable,
                                        const char       *sent);

G_END_DECLS
