/* cl-team-health.h — the teams a second-line manager follows, side by
 * side: each team's latest loop health from the team library
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-loop-health.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* One loop of a team, as its loop-health summary says it. */
typedef struct
{
  ClHealthState state;
  char         *summary;      /* the figures, in the exporter's words */
  char         *explanation;  /* why the state, with the thresholds; NULL with no data */
} ClTeamLoop;

/* A team: whoever published its loop health (its manager), the period of
 * the summary shown, and its four loops. */
#define CL_TYPE_TEAM_HEALTH (cl_team_health_get_type ())
G_DECLARE_FINAL_TYPE (ClTeamHealth, cl_team_health, CL, TEAM_HEALTH, GObject)
struct _ClTeamHealth
{
  GObject    parent_instance;
  char      *team;          /* exported_by */
  char      *period;        /* "2026-Q4", "2026-11", "2026-W47" */
  ClDay      from;
  ClDay      to;
  ClDay      as_of;
  char      *exported_at;
  gboolean   hollow;        /* hollow_cadence */
  ClTeamLoop loops[CL_N_LOOPS];
};

ClTeamHealth *cl_team_health_read (const char  *document,
                                   GError     **error);

GListModel   *cl_team_health_list (ClStore     *store,
                                   guint       *n_skipped,
                                   GError     **error);

guint         cl_team_health_count_hollow (GListModel *teams);

G_END_DECLS
