/* cl-review-window.h — running the weekly review, one deal at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-pipeline.h"
#include "cl-shared-review.h"

G_BEGIN_DECLS

#define CL_TYPE_REVIEW_WINDOW (cl_review_window_get_type ())
G_DECLARE_FINAL_TYPE (ClReviewWindow, cl_review_window, CL, REVIEW_WINDOW, AdwWindow)

void            cl_review_window_open       (GtkWindow             *parent,
                                             const char            *workspace,
                                             GPtrArray             *agenda,
                                             const ClProcess       *process,
                                             const ClFlagSettings  *settings,
                                             ClDay                  held_on,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
ClReviewWindow *cl_review_window_open_finish (GAsyncResult         *result,
                                             GError              **error);
/* A teammate's review from the team library, walked the same way (N, P)
 * but read-only: the decisions are theirs. Takes @review. */
ClReviewWindow *cl_review_window_new_shared (GtkWindow       *parent,
                                             ClSharedReview  *review);
gboolean        cl_review_window_is_shared  (ClReviewWindow  *self);
/* The deals walked, and all the agenda holds (more until S is pressed). */
guint           cl_review_window_get_n_deals (ClReviewWindow *self);
guint           cl_review_window_get_n_agenda (ClReviewWindow *self);
/* What the window shows of the deal at hand: its name, its risk sentence
 * ("" for a teammate's review) and its decision. */
const char     *cl_review_window_get_deal_name (ClReviewWindow *self);
const char     *cl_review_window_get_risk_text (ClReviewWindow *self);
const char     *cl_review_window_get_decision_text (ClReviewWindow *self);
guint           cl_review_window_get_position (ClReviewWindow *self);
/* Decisions recorded in this review other than "keep" */
guint           cl_review_window_count_decisions (ClReviewWindow *self);
/* Every decision, "keep" included, as the title's counter, the summary and
 * the export count them */
guint           cl_review_window_get_n_decided (ClReviewWindow *self);
/* The title's counter: "Deal 3 of 15 · 2 decisions" */
const char     *cl_review_window_get_counter_text (ClReviewWindow *self);
/* The choice of @kind among the linked toggle buttons shown: pressed when
 * it is the deal's decision. */
GtkToggleButton *cl_review_window_get_choice (ClReviewWindow *self,
                                              ClDecisionKind  kind);
/* The next action's form is revealed, and its Save inside the view */
gboolean        cl_review_window_form_is_visible (ClReviewWindow *self);
GtkWidget      *cl_review_window_get_save_button (ClReviewWindow *self);
/* What the review produced (Finish, or a teammate's at its first deal):
 * shown; after Finish; as text, a line per count, then any warning. */
gboolean        cl_review_window_shows_summary (ClReviewWindow *self);
gboolean        cl_review_window_is_finishing (ClReviewWindow *self);
char           *cl_review_window_get_summary_text (ClReviewWindow *self);
/* A decision is on its way to the workspace: the next waits for it. */
gboolean        cl_review_window_is_saving  (ClReviewWindow  *self);
/* what the keys do, for tests: 'k', 'd', 'm', 'n', 'p', 's' */
void            cl_review_window_press      (ClReviewWindow  *self,
                                             char             key);
/* Records a next action for the deal shown, written by a worker (see
 * cl_review_window_is_saving ()); FALSE with the error shown on its field
 * when the text is empty or @due_on 0, or while a decision is on its way. */
gboolean        cl_review_window_add_action (ClReviewWindow  *self,
                                             const char      *text,
                                             ClDay            due_on);

G_END_DECLS
