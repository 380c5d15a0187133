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

/* Reads a loop-health summary's text (any version this Closeloop reads)
 * into a team; a document without its four loops, each once with a known
 * state, its period, days or hollow-cadence flag is refused.
 *
 * Returns: (transfer full) (nullable): the team, or NULL with @error */
ClTeamHealth *cl_team_health_read (const char  *document,
                                   GError     **error);

/* The teams whose loop health the team library keeps, by name: for each
 * publisher the summary of the period that ends last (of two ending the
 * same day, the longer; of the same period, the latest export). Summaries
 * that cannot be read are skipped and counted in @n_skipped.
 *
 * Returns: (transfer full) (nullable): a list of ClTeamHealth, or NULL
 * with @error when the library cannot be read */
GListModel   *cl_team_health_list (ClStore     *store,
                                   guint       *n_skipped,
                                   GError     **error);

/* Whether some team's cadence is hollow. */
guint         cl_team_health_count_hollow (GListModel *teams);

G_END_DECLS
