/* cl-csv-values.h — money and dates as spreadsheets and CRMs write them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-date.h"

G_BEGIN_DECLS

gboolean cl_csv_parse_amount (const char  *text,
                              gint64      *cents,
                              char       **currency);

gboolean cl_csv_parse_percent (const char *text,
                               int        *percent);

typedef enum {
  CL_DATE_ORDER_ISO,    /* 2026-11-23, also with a time after it */
  CL_DATE_ORDER_MDY,    /* 11/23/2026 */
  CL_DATE_ORDER_DMY,    /* 23/11/2026, 23.11.2026 */
} ClDateOrder;

gboolean cl_csv_date_order   (const char * const *values,
                              guint               n_values,
                              ClDateOrder        *order,
                              gboolean           *guessed,
                              guint              *bad);
gboolean cl_csv_parse_date   (const char         *text,
                              ClDateOrder         order,
                              ClDay              *day);

G_END_DECLS
