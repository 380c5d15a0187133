/* cl-rep-window.h — one rep on one screen: the 1:1 preparation, the
 * month's development plan, practice and look-back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_REP_WINDOW (cl_rep_window_get_type ())
G_DECLARE_FINAL_TYPE (ClRepWindow, cl_rep_window, CL, REP_WINDOW, AdwWindow)

/* Opens at once; workers read the rep's month, and write what changes,
 * one after another. */
ClRepWindow *cl_rep_window_new            (GtkWindow   *parent,
                                           const char  *workspace,
                                           gint64       rep_id);

/* What the window's buttons and keys do, callable from tests. */
gboolean     cl_rep_window_is_loaded      (ClRepWindow *self);
guint        cl_rep_window_get_n_deals    (ClRepWindow *self);
guint        cl_rep_window_get_n_drills   (ClRepWindow *self);
gboolean     cl_rep_window_has_plan       (ClRepWindow *self);
/* Sets the plan form: the focus by skill key, the drill and the goal. */
void         cl_rep_window_fill_plan      (ClRepWindow *self,
                                           const char  *focus,
                                           const char  *drill,
                                           int          repetitions,
                                           int          target_score);
gboolean     cl_rep_window_save_plan      (ClRepWindow *self);
gboolean     cl_rep_window_log_drill      (ClRepWindow *self,
                                           const char  *scenario,
                                           int          self_score,
                                           const char  *note);
char        *cl_rep_window_get_agenda     (ClRepWindow *self);
void         cl_rep_window_set_agenda     (ClRepWindow *self,
                                           const char  *agenda);
gboolean     cl_rep_window_save_agenda    (ClRepWindow *self);
/* "Draft Again": drafts at once and returns NULL when the agenda is as
 * drafted, else asks first and returns the question, shown. */
AdwMessageDialog *cl_rep_window_draft_again (ClRepWindow *self);
gboolean     cl_rep_window_export         (ClRepWindow *self,
                                           const char  *path);
/* Prints the 1:1 to a PDF file, as "Print to File" does. */
gboolean     cl_rep_window_print_to_pdf   (ClRepWindow *self,
                                           const char  *path);
/* The name printing suggests for the file, "1-1 Ana Okafor 2026-11-29.pdf",
 * and the text of the last document printed. */
char        *cl_rep_window_get_print_file_name (ClRepWindow *self);
const char  *cl_rep_window_get_printed_text    (ClRepWindow *self);
const char  *cl_rep_window_get_chart_summary (ClRepWindow *self,
                                              guint        index);

G_END_DECLS
