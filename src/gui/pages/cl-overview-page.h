/* cl-overview-page.h — loop health and the team's totals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-loop-health.h"

G_BEGIN_DECLS

#define CL_TYPE_OVERVIEW_PAGE (cl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ClOverviewPage, cl_overview_page, CL, OVERVIEW_PAGE, AdwBin)

void cl_overview_page_set_store (ClOverviewPage *self,
                                 ClStore        *store);
void cl_overview_page_refresh   (ClOverviewPage *self);
/* Shows loop health for @quarter ("2026-Q3"); NULL: this quarter. */
gboolean      cl_overview_page_show_quarter      (ClOverviewPage *self,
                                                  const char     *quarter);
/* Loop health, the team's totals and loads are read in a worker thread;
 * TRUE once the quarter's are shown (or why they could not be), as
 * ::loaded says. */
gboolean      cl_overview_page_is_health_loaded  (ClOverviewPage *self);
ClHealthState cl_overview_page_get_state         (ClOverviewPage *self,
                                                  ClLoop          loop);
/* The text under the loop's title: its figures and why its state. */
const char   *cl_overview_page_get_explanation   (ClOverviewPage *self,
                                                  ClLoop          loop);
gboolean      cl_overview_page_is_hollow         (ClOverviewPage *self);
const char   *cl_overview_page_get_trend_summary (ClOverviewPage *self,
                                                  ClLoop          loop);
/* The loop's row, which opens the loop's view when activated. */
GtkWidget    *cl_overview_page_get_loop_row      (ClOverviewPage *self,
                                                  ClLoop          loop);
/* The team card's count of people; the rows of the open actions per person. */
guint         cl_overview_page_get_n_people      (ClOverviewPage *self);
guint         cl_overview_page_get_n_listed      (ClOverviewPage *self);
/* Reps shown over the team's cap on open actions. */
guint cl_overview_page_get_n_over_cap (ClOverviewPage *self);

G_END_DECLS
