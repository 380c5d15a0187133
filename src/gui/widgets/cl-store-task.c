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

#include "cl-store-task.h"

typedef struct
{
  char           *workspace;
  ClStoreJob      job;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
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

  if ((store = cl_store_open (work->workspace, &error)) != NULL)
    result = work->job (store, work->data, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, work->result_free);
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
  g_autoptr (GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  ClStoreTask *work = g_new0 (ClStoreTask, 1);

  work->workspace = g_strdup (workspace);
  work->job = job;
  work->data = data;
  work->data_free = data_free;
  work->result_free = result_free;
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
