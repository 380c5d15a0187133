/* cl-store-task.c — work on the workspace off the main thread: a job on a
 * connection of its own, its result back on the main loop
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing reads or writes the workspace on the main thread: a slow disk or
 * a big merge would freeze the window. Each job opens its own connection,
 * so the window's stays free for the views' own workers.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-plain-text.h"
#include "cl-store-task.h"

/* How long a job waits for another program to let go of the workspace's
 * write lock. Nobody waits on a worker, and what it writes is what the
 * user typed: a command-line import of a million deals holds the lock for
 * about 15 s, and the window says it is busy meanwhile, so the job waits
 * for it rather than lose the write after SQLite's usual 5 s. */
#define JOB_BUSY_WAIT_MS 60000

typedef struct
{
  char                *workspace;
  ClStoreJob           job;
  gpointer             data;
  GDestroyNotify       data_free;
  GDestroyNotify       result_free;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  GApplication        *application;  /* held until @callback has run */
} ClStoreTask;

static void
task_free (ClStoreTask *task)
{
  if (task->data_free != NULL)
    task->data_free (task->data);
  g_free (task->workspace);
  g_free (task);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ClStoreTask *work = task_data;
  g_autoptr (ClStore) store = NULL;
  GError *error = NULL;
  gpointer result = NULL;

  if (work->workspace != NULL && (store = cl_store_open (work->workspace, &error)) != NULL)
    cl_store_set_busy_wait (store, JOB_BUSY_WAIT_MS);
  if (error == NULL)
    result = work->job (store, work->data, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, work->result_free);
}

GApplication *
cl_application_hold (void)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL)
    g_application_hold (g_object_ref (application));
  return application;
}

void
cl_application_let_go (GApplication *held)
{
  if (held == NULL)
    return;
  g_application_release (held);
  g_object_unref (held);
}

/* The job's callback, then the application let go: a window closed, or
 * the app quit, while a job runs or waits on another program's lock, the
 * process stays (with no window) until what the job writes is written. */
static void
on_task_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClStoreTask *work = user_data;
  GApplication *held = g_steal_pointer (&work->application);

  work->callback (source, result, work->user_data);
  cl_application_let_go (held);
}

void
cl_store_task_run (gpointer             source_object,
                   const char          *workspace,
                   ClStoreJob           job,
                   gpointer             data,
                   GDestroyNotify       data_free,
                   GDestroyNotify       result_free,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  ClStoreTask *work = g_new0 (ClStoreTask, 1);
  g_autoptr (GTask) task = g_task_new (source_object, cancellable, on_task_done, work);

  work->workspace = g_strdup (workspace);
  work->job = job;
  work->data = data;
  work->data_free = data_free;
  work->result_free = result_free;
  work->callback = callback;
  work->user_data = user_data;
  work->application = cl_application_hold ();
  g_task_set_task_data (task, work, (GDestroyNotify) task_free);
  g_task_run_in_thread (task, run_in_thread);
}

gpointer
cl_store_task_get_data (GAsyncResult *result)
{
  ClStoreTask *work = g_task_get_task_data (G_TASK (result));

  return work->data;
}

gpointer
cl_store_task_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

struct _ClStoreQueue
{
  gatomicrefcount  ref_count;
  gpointer         owner;
  char            *workspace;
  GCancellable    *cancellable;
  GQueue           waiting;   /* Queued */
  gboolean         running;
  GSourceFunc      idle;      /* once no job runs or waits, if still open */
  gpointer         idle_data;
  GtkWindow       *held;      /* a window whose close waits for the jobs */
  AdwWindowTitle  *held_title;
  guint            telling;   /* the timeout that says why @held stays */
};

typedef struct
{
  ClStoreQueue        *queue;
  ClStoreJob           job;
  gpointer             data;
  GDestroyNotify       data_free;
  GDestroyNotify       result_free;
  GAsyncReadyCallback  done;
} Queued;

static void
queue_unref (ClStoreQueue *queue)
{
  if (!g_atomic_ref_count_dec (&queue->ref_count))
    return;
  /* nothing waits: each job that ends runs the next, closed or not */
  g_assert (g_queue_is_empty (&queue->waiting));
  g_object_unref (queue->cancellable);
  g_free (queue->workspace);
  g_free (queue);
}

static void run_next (ClStoreQueue *queue);

static void
on_queued_done (GObject      *owner,
                GAsyncResult *result,
                gpointer      user_data)
{
  Queued *queued = user_data;
  ClStoreQueue *queue = queued->queue;

  /* once the owner closed, nothing is shown */
  if (!g_cancellable_is_cancelled (queue->cancellable))
    queued->done (owner, result, NULL);
  queue->running = FALSE;
  /* what was asked before the owner closed is still written */
  run_next (queue);
  if (!queue->running && queue->idle != NULL && !g_cancellable_is_cancelled (queue->cancellable))
    {
      GSourceFunc idle = g_steal_pointer (&queue->idle);

      idle (queue->idle_data);
    }
  g_free (queued);
  queue_unref (queue);
}

static void
run_next (ClStoreQueue *queue)
{
  Queued *queued = g_queue_pop_head (&queue->waiting);

  if (queued == NULL)
    return;
  queue->running = TRUE;
  g_atomic_ref_count_inc (&queue->ref_count);
  cl_store_task_run (queue->owner, queue->workspace, queued->job, queued->data, queued->data_free,
                     queued->result_free, queue->cancellable, on_queued_done, queued);
}

ClStoreQueue *
cl_store_queue_new (gpointer    owner,
                    const char *workspace)
{
  ClStoreQueue *queue = g_new0 (ClStoreQueue, 1);

  g_atomic_ref_count_init (&queue->ref_count);
  queue->owner = owner;
  queue->workspace = g_strdup (workspace);
  queue->cancellable = g_cancellable_new ();
  g_queue_init (&queue->waiting);
  return queue;
}

void
cl_store_queue_run (ClStoreQueue        *queue,
                    ClStoreJob           job,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    GDestroyNotify       result_free,
                    GAsyncReadyCallback  done)
{
  Queued *queued = g_new0 (Queued, 1);

  queued->queue = queue;
  queued->job = job;
  queued->data = data;
  queued->data_free = data_free;
  queued->result_free = result_free;
  queued->done = done;
  g_queue_push_tail (&queue->waiting, queued);
  if (!queue->running)
    run_next (queue);
}

gboolean
cl_store_queue_is_busy (ClStoreQueue *queue)
{
  return queue->running || !g_queue_is_empty (&queue->waiting);
}

void
cl_store_queue_when_idle (ClStoreQueue *queue,
                          GSourceFunc   idle,
                          gpointer      data)
{
  if (!cl_store_queue_is_busy (queue))
    {
      idle (data);
      return;
    }
  queue->idle = idle;
  queue->idle_data = data;
}

static gboolean
close_held_window (gpointer data)
{
  ClStoreQueue *queue = data;

  g_clear_handle_id (&queue->telling, g_source_remove);
  gtk_window_close (queue->held);
  return G_SOURCE_REMOVE;
}

/* A close that waits long (another program holds the workspace) says why
 * the window stays. */
static gboolean
tell_close_held (gpointer data)
{
  ClStoreQueue *queue = data;
  const char *said = _("Saving your changes: the workspace is busy…");

  queue->telling = 0;
  if (queue->held_title != NULL)
    adw_window_title_set_subtitle (queue->held_title, said);
  else
    {
      /* it stays until the window goes */
      AdwToast *toast = cl_toast_new_plain (said);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (queue->held), toast);
    }
  return G_SOURCE_REMOVE;
}

gboolean
cl_store_queue_hold_close (ClStoreQueue   *queue,
                           GtkWindow      *window,
                           AdwWindowTitle *title)
{
  g_return_val_if_fail (title != NULL || ADW_IS_PREFERENCES_WINDOW (window), FALSE);

  if (!cl_store_queue_is_busy (queue))
    return FALSE;
  queue->held = window;
  queue->held_title = title;
  if (queue->telling == 0)
    queue->telling = g_timeout_add (CL_STORE_TASK_TOLD_AFTER_MS, tell_close_held, queue);
  cl_store_queue_when_idle (queue, close_held_window, queue);
  return TRUE;
}

void
cl_store_queue_close (ClStoreQueue *queue)
{
  g_clear_handle_id (&queue->telling, g_source_remove);
  g_cancellable_cancel (queue->cancellable);
  queue_unref (queue);
}

/* A job the user waits on: the toast that says it is under way. */
struct _ClWorkingToast
{
  gpointer     owner;
  ClShowToast  show;
  AdwToast    *toast;
  guint        telling;    /* the timeout that shows @toast */
};

static gboolean
tell_working (gpointer user_data)
{
  ClWorkingToast *working = user_data;

  working->telling = 0;
  working->show (working->owner, g_object_ref (working->toast));
  return G_SOURCE_REMOVE;
}

ClWorkingToast *
cl_working_toast_start (gpointer     owner,
                        ClShowToast  show,
                        const char  *text)
{
  ClWorkingToast *working = g_new0 (ClWorkingToast, 1);

  working->owner = owner;
  working->show = show;
  working->toast = cl_toast_new_plain (text);
  /* until the work ends, however long */
  adw_toast_set_timeout (working->toast, 0);
  working->telling = g_timeout_add (CL_STORE_TASK_TOLD_AFTER_MS, tell_working, working);
  return working;
}

void
cl_working_toast_end (ClWorkingToast *working)
{
  if (working->telling == 0)
    adw_toast_dismiss (working->toast);
  cl_working_toast_forget (working);
}

void
cl_working_toast_forget (ClWorkingToast *working)
{
  g_clear_handle_id (&working->telling, g_source_remove);
  g_object_unref (working->toast);
  g_free (working);
}

typedef struct
{
  ClShowToast      show;
  ClWorkingToast  *working;
  ClTaskSucceeded  succeeded;
} ToldTask;

static void
on_told_done (GObject      *owner,
              GAsyncResult *result,
              gpointer      user_data)
{
  ToldTask *told = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = cl_store_task_finish (result, &error);

  cl_working_toast_end (told->working);
  if (text != NULL && told->succeeded != NULL)
    told->succeeded (owner, cl_store_task_get_data (result));
  told->show (owner, cl_toast_new_plain (text != NULL ? text : error->message));
  g_free (told);
}

void
cl_store_task_run_told (gpointer         owner,
                        ClShowToast      show,
                        const char      *workspace,
                        ClStoreJob       job,
                        gpointer         data,
                        GDestroyNotify   data_free,
                        const char      *working,
                        ClTaskSucceeded  succeeded)
{
  ToldTask *told = g_new0 (ToldTask, 1);

  told->show = show;
  told->succeeded = succeeded;
  told->working = cl_working_toast_start (owner, show, working);
  cl_store_task_run (owner, workspace, job, data, data_free, g_free, NULL, on_told_done, told);
}

void
cl_editable_clear_sent (GtkEditable *editable,
                        const char  *sent)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char *written = g_strstrip (g_strdup (sent ? sent : ""));

  if (g_str_equal (typed, written))
    gtk_editable_set_text (editable, "");
}
