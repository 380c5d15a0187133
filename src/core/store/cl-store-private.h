/* cl-store-private.h — statement helpers shared by the cl-store-*.c files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* Bind types, one letter per parameter:
 *   s  const char *  (NULL binds SQL NULL)
 *   i  int
 *   I  gint64
 *   r  gint64 row id (0 binds NULL)
 *   d  ClDay         (bound as ISO text; 0 binds NULL)
 *   f  double
 *   m  double metric (negative binds NULL)
 *
 * cl_store_run () sets @out_rowid, unless NULL, to the row a statement
 * "… RETURNING id" returned, else to the last row inserted (which an
 * upsert that updated did not insert).
 */
gboolean      cl_store_run        (ClStore      *self,
                                   gint64       *out_rowid,
                                   GError      **error,
                                   const char   *sql,
                                   const char   *types,
                                   ...);
sqlite3_stmt *cl_store_query      (ClStore      *self,
                                   GError      **error,
                                   const char   *sql,
                                   const char   *types,
                                   ...);
gboolean      cl_store_query_done (ClStore      *self,
                                   sqlite3_stmt *stmt,
                                   int           rc,
                                   GError      **error);
gboolean      cl_store_fail       (ClStore      *self,
                                   int           rc,
                                   GError      **error);
sqlite3      *cl_store_get_db     (ClStore      *self);
/* The workspace's own tables, in the order their rows can be inserted. */
GPtrArray    *cl_store_table_names (sqlite3     *db,
                                    GError     **error);

/* Migrations (cl-schema.c) */
gboolean      cl_schema_migrate   (sqlite3      *db,
                                   int           from_version,
                                   int           to_version,
                                   GError      **error);

/* For tests of the migrations: a workspace built only up to @version. */
ClStore      *cl_store_open_at_version (const char *path,
                                        int         version,
                                        GError    **error);

/* Column readers */
char         *cl_column_text      (sqlite3_stmt *stmt,
                                   int           col);
ClDay         cl_column_day       (sqlite3_stmt *stmt,
                                   int           col);
/* An exact sum of amounts in cents, as two result columns that cannot
 * overflow however many rows; cl_column_cents_total () reads them back. */
#define CL_SQL_CENTS_SUM(column) "sum(" column " / 1000000000), sum(" column " % 1000000000)"
ClCentsTotal  cl_column_cents_total (sqlite3_stmt *stmt,
                                     int           col);
double        cl_column_metric    (sqlite3_stmt *stmt,
                                   int           col);
int           cl_column_enum      (sqlite3_stmt *stmt,
                                   int           col,
                                   const char * const *names);

/* Runs a query and appends one record per row made by @build_row: to a
 * list, or with cl_store_list_rows () to an array that owns them, for a
 * caller that reads them once. */
typedef GObject *(*ClRowBuilder) (sqlite3_stmt *stmt);
GPtrArray    *cl_store_list_rows  (ClStore      *self,
                                   ClRowBuilder  build_row,
                                   GError      **error,
                                   const char   *sql,
                                   const char   *types,
                                   ...);
GListModel   *cl_store_list       (ClStore      *self,
                                   GType         item_type,
                                   ClRowBuilder  build_row,
                                   GError      **error,
                                   const char   *sql,
                                   const char   *types,
                                   ...);
/* The row of @sql (one "?" for @id) built by @build_row, or a NOT_FOUND
 * error from @not_found, a format with one PRId64 for the id. */
gpointer      cl_store_get_by_id  (ClStore      *self,
                                   GType         item_type,
                                   ClRowBuilder  build_row,
                                   const char   *sql,
                                   gint64        id,
                                   const char   *not_found,
                                   GError      **error);

/* TRUE when the last statement changed a row; otherwise a NOT_FOUND error
 * from @not_found, a format with one PRId64 for @id. */
gboolean      cl_store_changed_row (ClStore     *self,
                                    gint64       id,
                                    const char  *not_found,
                                    GError     **error);

/* Moves row @id of @table to @index (0 first) among the rows @filter
 * ("WHERE …" or "") keeps, ordered by their "position" column; the others
 * close up. @not_found is a format with one PRId64 for the id. */
gboolean      cl_store_move_row   (ClStore      *self,
                                   const char   *table,
                                   const char   *filter,
                                   gint64        id,
                                   guint         index,
                                   const char   *not_found,
                                   GError      **error);

G_END_DECLS
