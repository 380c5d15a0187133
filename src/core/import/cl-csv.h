/* cl-csv.h — reading a CSV file as spreadsheets and CRMs write it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_CSV_ERROR (cl_csv_error_quark ())
GQuark cl_csv_error_quark (void);

typedef enum {
  CL_CSV_ERROR_EMPTY,          /* no header at all */
  CL_CSV_ERROR_NOT_TEXT,       /* binary, or not in a text encoding we read */
  CL_CSV_ERROR_UNTERMINATED,   /* a quoted field runs to the end of the file */
  CL_CSV_ERROR_TOO_LARGE,
  CL_CSV_ERROR_UNKNOWN_LAYOUT, /* no columns a deals import recognises */
  CL_CSV_ERROR_BAD_ROWS,       /* rows that cannot be imported, none imported */
  CL_CSV_ERROR_NO_CURRENCY,    /* amounts without a currency, and the workspace has none */
  CL_CSV_ERROR_STAGE_ORDER,    /* where stages go in the process is unknown or contradicted */
  CL_CSV_ERROR_NOT_ACCOUNTS,   /* not the Account export that names account ids */
} ClCsvError;

typedef struct
{
  guint   line;       /* where the record starts, 1 being the header's line */
  guint   n_fields;
  char  **fields;     /* NULL-terminated */
} ClCsvRow;

typedef struct
{
  char       *name;        /* the file's, as messages name it */
  char        delimiter;   /* ',', ';' or '\t', as detected */
  const char *encoding;    /* "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" */
  guint       n_columns;
  char      **header;      /* NULL-terminated, blanks trimmed */
  GPtrArray  *rows;        /* ClCsvRow; blank lines are left out */
} ClCsv;

ClCsv *cl_csv_parse (const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error);
ClCsv *cl_csv_load  (const char  *path,
                     GError     **error);
void   cl_csv_free  (ClCsv       *csv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCsv, cl_csv_free)

G_END_DECLS
