/* cl-team-page.h — the team's development month: who has a plan, how far
 * their practice is, whose look-back is missing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_TEAM_PAGE (cl_team_page_get_type ())
G_DECLARE_FINAL_TYPE (ClTeamPage, cl_team_page, CL, TEAM_PAGE, AdwBin)

void        cl_team_page_set_store        (ClTeamPage *self,
                                           ClStore    *store);
/* Reads the month shown again, in a worker thread. */
void        cl_team_page_reload           (ClTeamPage *self);
/* TRUE once the month read last is shown. */
gboolean    cl_team_page_is_loaded        (ClTeamPage *self);
/* Shows @month ("2026-11"); the page opens on this month. */
void        cl_team_page_show_month       (ClTeamPage *self,
                                           const char *month);
guint       cl_team_page_get_n_reps       (ClTeamPage *self);
/* The reps' rows come a few at a time: this many with the month, then
 * more at each turn of the main loop. */
#define CL_TEAM_PAGE_ROWS_AT_FIRST 6
/* The rows made so far. */
guint       cl_team_page_get_n_rows       (ClTeamPage *self);
guint       cl_team_page_get_n_without_plan (ClTeamPage *self);
/* As a click on the row does: emits "rep-activated" with the rep's id. */
void        cl_team_page_activate         (ClTeamPage *self,
                                           guint       position);

G_END_DECLS
