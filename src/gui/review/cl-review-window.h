/* cl-review-window.h — running the weekly review, one deal at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-pipeline.h"

G_BEGIN_DECLS

#define CL_TYPE_REVIEW_WINDOW (cl_review_window_get_type ())
G_DECLARE_FINAL_TYPE (ClReviewWindow, cl_review_window, CL, REVIEW_WINDOW, AdwWindow)

/* @agenda: ClPipelineItem in the order to walk them (see cl_pipeline_agenda) */
ClReviewWindow *cl_review_window_new        (GtkWindow       *parent,
                                             ClStore         *store,
                                             GPtrArray       *agenda,
                                             ClDay            held_on,
                                             GError         **error);
guint           cl_review_window_get_position (ClReviewWindow *self);
/* decisions recorded in this review other than "keep" */
guint           cl_review_window_count_decisions (ClReviewWindow *self);
/* what the keys do, for tests: 'k', 'd', 'm', 'n', 'p' */
void            cl_review_window_press      (ClReviewWindow  *self,
                                             char             key);
/* records a next action for the deal shown */
gboolean        cl_review_window_add_action (ClReviewWindow  *self,
                                             const char      *text,
                                             ClDay            due_on);

G_END_DECLS
