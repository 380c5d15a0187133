/* cl-date.h — ISO dates, weeks, months and quarters; the settable clock
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates travel as ISO strings ("2026-11-23") and are computed on as julian
 * day numbers, so arithmetic is plain integer arithmetic. */
typedef guint32 ClDay;

ClDay     cl_date_today          (void);
gboolean  cl_date_parse          (const char  *iso,
                                  ClDay       *out_day);
char     *cl_date_format         (ClDay        day);
void      cl_date_format_into    (ClDay        day,
                                  char         buf[11]);
ClDay     cl_date_from_ymd       (int          year,
                                  int          month,
                                  int          day);
void      cl_date_to_ymd         (ClDay        day,
                                  int         *year,
                                  int         *month,
                                  int         *mday);
int       cl_date_weekday        (ClDay        day);

char     *cl_date_iso_week       (ClDay        day);
gboolean  cl_date_parse_iso_week (const char  *week,
                                  ClDay       *out_monday);
char     *cl_date_month          (ClDay        day);
ClDay     cl_date_add_months     (ClDay        day,
                                  int          months);
gboolean  cl_date_parse_month    (const char  *month,
                                  ClDay       *out_first,
                                  ClDay       *out_last);
char     *cl_date_quarter        (ClDay        day);
gboolean  cl_date_parse_quarter  (const char  *quarter,
                                  ClDay       *out_first,
                                  ClDay       *out_last);

char     *cl_date_format_words   (ClDay        day);
char     *cl_date_format_month_words (ClDay     day);
char     *cl_date_format_quarter_words (ClDay   day);
char     *cl_date_describe_day   (ClDay        day,
                                  ClDay        today);
char     *cl_date_describe_moment (const char *stamp,
                                   GDateTime  *now);

gboolean  cl_date_parse_period   (const char  *period,
                                  ClDay       *out_first,
                                  ClDay       *out_last);
G_END_DECLS
