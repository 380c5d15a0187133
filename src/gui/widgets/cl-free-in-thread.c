/* cl-free-in-thread.c — work the window need not wait for, such as a
 * large structure let go, in a thread of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pipeline of 100 000 deals is a million allocations: freeing it takes
 * a fifth of a second, which the window need not wait for.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include "cl-free-in-thread.h"

typedef struct
{
  gpointer       data;
  GDestroyNotify free_func;
} Freed;

static gpointer
free_freed (gpointer data)
{
  Freed *freed = data;

  freed->free_func (freed->data);
  g_free (freed);
  return NULL;
}

/**
 * cl_run_in_thread:
 * @func: what to run
 * @data: what @func is given
 *
 * Runs @func in a thread of its own, or at once should no thread start;
 * nothing waits for it to end.
 */
void
cl_run_in_thread (GThreadFunc func,
                  gpointer    data)
{
  GThread *thread = g_thread_try_new ("cl-aside", func, data, NULL);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    func (data);
}

/**
 * cl_free_in_thread:
 * @data: (transfer full) (nullable): what to free; nothing else may use it
 *   from now on, and what it holds must be safe to free in another thread
 * @free_func: frees @data
 *
 * Frees @data with @free_func in a thread of its own, or at once should no
 * thread start. Does nothing with %NULL.
 */
void
cl_free_in_thread (gpointer       data,
                   GDestroyNotify free_func)
{
  Freed *freed;

  if (data == NULL)
    return;
  freed = g_new (Freed, 1);
  *freed = (Freed) { data, free_func };
  cl_run_in_thread (free_freed, freed);
}
