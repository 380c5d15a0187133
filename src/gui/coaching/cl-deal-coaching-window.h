/* cl-deal-coaching-window.h — coaching one deal: its calls and what the
 * buyer said, scores, sessions and their one next move
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_DEAL_COACHING_WINDOW (cl_deal_coaching_window_get_type ())
G_DECLARE_FINAL_TYPE (ClDealCoachingWindow, cl_deal_coaching_window, CL, DEAL_COACHING_WINDOW, AdwWindow)

ClDealCoachingWindow *cl_deal_coaching_window_new (GtkWindow  *parent,
                                                   const char *workspace,
                                                   ClDeal     *deal,
                                                   guint       reasons);
/* The window's workers read or write the workspace, or are about to. */
gboolean cl_deal_coaching_window_is_busy           (ClDealCoachingWindow *self);

/* What the window's buttons, drops and keys do, callable from tests. */
gboolean cl_deal_coaching_window_attach            (ClDealCoachingWindow *self,
                                                    const char           *path);
gboolean cl_deal_coaching_window_export            (ClDealCoachingWindow *self,
                                                    const char           *path);
void     cl_deal_coaching_window_show_transcript   (ClDealCoachingWindow *self,
                                                    guint                 index);
void     cl_deal_coaching_window_search_transcript (ClDealCoachingWindow *self,
                                                    const char           *text);
guint    cl_deal_coaching_window_get_n_cues_shown  (ClDealCoachingWindow *self);
void     cl_deal_coaching_window_fill_session      (ClDealCoachingWindow *self,
                                                    const char           *evidence,
                                                    const char           *next_move,
                                                    const char           *with,
                                                    const char           *due);
gboolean cl_deal_coaching_window_can_save          (ClDealCoachingWindow *self);
gboolean cl_deal_coaching_window_save_session      (ClDealCoachingWindow *self);
guint    cl_deal_coaching_window_get_n_calls       (ClDealCoachingWindow *self);
const char *cl_deal_coaching_window_get_owner_name (ClDealCoachingWindow *self);
guint    cl_deal_coaching_window_get_n_sessions    (ClDealCoachingWindow *self);
/* Records the follow-up of session @index (newest first) as the dialog does. */
gboolean cl_deal_coaching_window_record_follow_up  (ClDealCoachingWindow *self,
                                                    guint                 index,
                                                    gboolean              happened,
                                                    const char           *note);
/* The score call @call_index (newest first) shows for scorecard item
 * @item_index, as its spin button does. */
int      cl_deal_coaching_window_get_score         (ClDealCoachingWindow *self,
                                                    guint                 call_index,
                                                    guint                 item_index);
void     cl_deal_coaching_window_set_score         (ClDealCoachingWindow *self,
                                                    guint                 call_index,
                                                    guint                 item_index,
                                                    int                   score);
GtkDropTarget *cl_deal_coaching_window_get_drop_target  (ClDealCoachingWindow *self);
const char    *cl_deal_coaching_window_get_trend_summary (ClDealCoachingWindow *self);

G_END_DECLS
