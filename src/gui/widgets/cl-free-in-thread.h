/* cl-free-in-thread.h — a large structure let go in a thread of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cl_free_in_thread (gpointer       data,
                        GDestroyNotify free_func);

G_END_DECLS
