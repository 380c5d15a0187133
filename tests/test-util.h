/* test-util.h — helpers the test programs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   cl_test_remove_tree (const char *path);
char  *cl_test_sql_text    (const char *db_path,
                            const char *sql);

G_END_DECLS
