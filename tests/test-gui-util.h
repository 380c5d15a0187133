/* test-gui-util.h — what the GUI tests share: waiting on the main loop,
 * finding the windows the app opens
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Spins the main loop until @check holds; fails after 30 s. */
void     cl_test_wait_until      (gboolean   (*check) (gpointer),
                                  gpointer     data,
                                  const char  *what);
/* The visible toplevel window of @type, or NULL. */
gpointer cl_test_find_toplevel   (GType        type);

/* Conditions to wait for */
gboolean cl_test_shows_views     (gpointer     window);
gboolean cl_test_pipeline_loaded (gpointer     page);
gboolean cl_test_import_done     (gpointer     import);

G_END_DECLS
