/* test-util.h — helpers the test programs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cl-deal-import.h"
#include "cl-demo.h"

G_BEGIN_DECLS

/* The spaces cl_money_format () writes in the C locale: between groups of
 * thousands, and before the currency ("1" NNBSP "250" NBSP "EUR"). */
#define NNBSP "\u202f"
#define NBSP "\u00a0"

void   cl_test_remove_tree (const char *path);
char  *cl_test_sql_text    (const char *db_path,
                            const char *sql);
/* Reads for cl_store_read_apart () and cl_deal_facts_load_apart (): the
 * count of reps into @data (an int); a refusal, CL_STORE_ERROR_INVALID. */
gboolean cl_test_count_reps  (ClStore    *store,
                              gpointer    data,
                              GError    **error);
gboolean cl_test_refuse_read (ClStore    *store,
                              gpointer    data,
                              GError    **error);

/* JSONTestSuite's parsing cases in the shared third-party test data, or
 * NULL after skipping the test when they are absent. */
char  *cl_test_json_test_suite_dir (void);

/* The page cache @store's connection keeps, in KiB (PRAGMA cache_size). */
int    cl_test_cache_kib   (ClStore    *store);
/* The largest page cache a bulk write kept while it told its progress:
 * cl_test_note_cache () as the progress callback, this as its data. */
typedef struct
{
  ClStore *store;
  int      largest_kib;
} ClTestCacheSeen;
void   cl_test_note_cache  (double      fraction,
                            gpointer    seen);

/* The SQL of every index the workspace declares, by name. */
char  *cl_test_index_sql   (const char *db_path);

/* `sqlite3 PATH .dump`: the workspace as SQL text, or NULL (the test then
 * skips the comparison) where sqlite3 is not installed. The indexes come
 * by name: a workspace whose indexes were built after its rows (a first
 * import, the demo team) holds them in another order. */
char  *cl_test_sqlite_dump (const char *db_path);

/* The team every benchmark measures: 100 000 deals, 40 reps, 26 weeks. */
void   cl_test_large_team  (ClDemoOptions       *options);
void   cl_test_team_of_size (ClDemoOptions      *options,
                             guint               n_deals);
GArray *cl_test_bench_sizes (void);
/* Writes a sample team into a new workspace at @path; a failure fails the test. */
void   cl_test_write_team  (const char          *path,
                            const ClDemoOptions *options);

/* Imports the CRM export @text (named "export.csv", its layout detected,
 * @kind set to it when not NULL) into @store as of @as_of, its stages
 * ordered by the stages file @stages, or placed by the import when NULL.
 * @report is initialised; FALSE with @error when the import refuses. */
gboolean cl_test_import_csv (ClStore        *store,
                             const char     *text,
                             const char     *stages,
                             const char     *as_of,
                             gboolean        good_rows,
                             ClCrmKind      *kind,
                             ClImportReport *report,
                             GError        **error);

/* A loop-health summary (version 2) by @who for @period, from @from to
 * @to (its as_of), its four loops' states in order ("running" …), each
 * loop's summary "LOOP of WHO". */
char    *cl_test_loop_health_json (const char *who,
                                   const char *period,
                                   const char *from,
                                   const char *to,
                                   const char *exported_at,
                                   const char *states[4],
                                   gboolean    hollow);

G_END_DECLS
