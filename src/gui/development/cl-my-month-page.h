/* cl-my-month-page.h — a rep's own month: the plan from their manager,
 * their drills, their self-scores, their actions and deals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_MY_MONTH_PAGE (cl_my_month_page_get_type ())
G_DECLARE_FINAL_TYPE (ClMyMonthPage, cl_my_month_page, CL, MY_MONTH_PAGE, AdwBin)

void        cl_my_month_page_set_store   (ClMyMonthPage *self,
                                          ClStore       *store);
/* Reads the month again in a worker thread. */
void        cl_my_month_page_reload      (ClMyMonthPage *self);

/* As the Log Drill button does, with these values in the form. */
gboolean    cl_my_month_page_log_drill   (ClMyMonthPage *self,
                                          const char    *scenario,
                                          int            self_score,
                                          const char    *note);
/* As Mark Done does for the action of @action_id, once its note is given. */
gboolean    cl_my_month_page_mark_done   (ClMyMonthPage *self,
                                          gint64         action_id,
                                          const char    *note);

/* for tests */
gboolean    cl_my_month_page_is_loaded   (ClMyMonthPage *self);
/* "loading", "waiting" (no brief yet) or "month" */
const char *cl_my_month_page_get_state   (ClMyMonthPage *self);
/* the brief's first open action not marked done, 0 for none */
gint64      cl_my_month_page_get_open_action (ClMyMonthPage *self);

G_END_DECLS
