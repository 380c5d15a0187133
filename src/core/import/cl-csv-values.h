/* cl-csv-values.h — money and dates as spreadsheets and CRMs write them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-date.h"

G_BEGIN_DECLS

/* "$1,234.50", "1.234,50 €", "EUR 1 234,50", "(1,200)": the amount in
 * cents, and the currency when the text names one (ISO code, else NULL).
 * Both separators: the last is the decimal one; one separator once followed
 * by three digits groups thousands (unless after a lone 0). FALSE when it is
 * not an amount; one too large for cents is G_MAXINT64 (or G_MININT64). */
gboolean cl_csv_parse_amount (const char  *text,
                              gint64      *cents,
                              char       **currency);

/* "40", "40 %", "12.5": a percentage from 0 to 100, rounded; FALSE for
 * anything else. */
gboolean cl_csv_parse_percent (const char *text,
                               int        *percent);

typedef enum {
  CL_DATE_ORDER_ISO,    /* 2026-11-23, also with a time after it */
  CL_DATE_ORDER_MDY,    /* 11/23/2026 */
  CL_DATE_ORDER_DMY,    /* 23/11/2026, 23.11.2026 */
} ClDateOrder;

/* How a whole column writes its dates: a day above 12 in the first place
 * means day first, in the second place month first. A column where nothing
 * tells is read month first with slashes and day first with dots or dashes,
 * and @guessed says so. FALSE when the column contradicts itself (@bad: the
 * index of a value that does). */
gboolean cl_csv_date_order   (const char * const *values,
                              guint               n_values,
                              ClDateOrder        *order,
                              gboolean           *guessed,
                              guint              *bad);
gboolean cl_csv_parse_date   (const char         *text,
                              ClDateOrder         order,
                              ClDay              *day);

G_END_DECLS
