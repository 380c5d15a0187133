/* cl-teams-page.h — the Team Library's Teams: each team's four loops side
 * by side, from the loop health their managers publish
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_TEAMS_PAGE (cl_teams_page_get_type ())
G_DECLARE_FINAL_TYPE (ClTeamsPage, cl_teams_page, CL, TEAMS_PAGE, AdwBin)

void        cl_teams_page_set_store   (ClTeamsPage *self,
                                       ClStore     *store);
/* Loads again (once shown): after summaries arrived. */
void        cl_teams_page_reload      (ClTeamsPage *self);
gboolean    cl_teams_page_is_loaded   (ClTeamsPage *self);
/* The teams shown (ClTeamHealth), NULL until loaded. */
GListModel *cl_teams_page_get_teams   (ClTeamsPage *self);
/* What the page says above the teams ("2 teams, 1 with a hollow cadence"). */
const char *cl_teams_page_get_summary (ClTeamsPage *self);
/* The text of every label on team @position's card, one per line, as a
 * screen reader reads them. */
char       *cl_teams_page_describe_card (ClTeamsPage *self,
                                         guint        position);

G_END_DECLS
