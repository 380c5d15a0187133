/* cl-free-in-thread.h — work the window need not wait for, such as a
 * large structure let go, in a thread of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cl_run_in_thread  (GThreadFunc    func,
                        gpointer       data);
void cl_free_in_thread (gpointer       data,
                        GDestroyNotify free_func);

G_END_DECLS
