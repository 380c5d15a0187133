/* cl-trend-chart.h — a month-by-month line chart of one measure, with its
 * text alternative; the points' labels are months ("2026-11") or any
 * other period ("2026-Q4"), shown as they are
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CL_TREND_FORMAT_SCORE,     /* 3.4 */
  CL_TREND_FORMAT_PERCENT,   /* 0.62 shown as 62 % */
  CL_TREND_FORMAT_COUNT,     /* 4.5 */
} ClTrendFormat;

#define CL_TYPE_TREND_CHART (cl_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (ClTrendChart, cl_trend_chart, CL, TREND_CHART, GtkWidget)

GtkWidget  *cl_trend_chart_new         (const char    *title,
                                        ClTrendFormat  format,
                                        double         lowest,
                                        double         highest);
/* @points: ClTrendPoint, one per month, oldest first. Months with no call
 * break the line. Values above @highest stretch the scale. */
void        cl_trend_chart_set_points  (ClTrendChart  *self,
                                        GListModel    *points);
void        cl_trend_chart_set_title   (ClTrendChart  *self,
                                        const char    *title);
/* How a point's count is said after its value: "from 3 calls" by default. */
typedef char *(*ClTrendCountFormat) (int n);
void        cl_trend_chart_set_count_format (ClTrendChart       *self,
                                             ClTrendCountFormat  format);
/* What the chart shows, in words: its accessible description and tooltip. */
const char *cl_trend_chart_get_summary (ClTrendChart  *self);

G_END_DECLS
