/* cl-rep-brief.h — "closeloop.rep-brief": what a manager sends down to each
 * rep, this month's plan, their open actions and their open deals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-identity.h"
#include "cl-store.h"

G_BEGIN_DECLS

#define CL_REP_BRIEF_FORMAT "closeloop.rep-brief"

typedef struct
{
  gint64  id;          /* the manager's workspace's: what "action done ID" names */
  char   *text;
  char   *source;      /* "review", "coaching", "retro" or "manual" */
  char   *deal;        /* the deal it is about, NULL for none */
  ClDay   due_on;
} ClBriefAction;

typedef struct
{
  gint64  id;
  char   *name;
  char   *account;
  char   *stage;
  gint64  amount_cents;
  char   *currency;
  ClDay   close_date;
  char   *next_step;
  ClDay   next_step_due;   /* 0 for none */
  guint   flags;           /* 1 << ClFlag */
} ClBriefDeal;

/* A brief as read from the team folder, every value checked. */
typedef struct
{
  char      *manager_name;
  char      *manager_id;     /* the manager's identity */
  char      *rep_name;
  char      *month;          /* "2026-11" */
  ClDay      as_of;
  gboolean   has_plan;
  char      *focus;          /* the skill key */
  char      *focus_label;
  char      *drill;
  int        repetitions;    /* 0: the plan set none */
  int        target_score;   /* 0: the plan set none */
  int        done;           /* drills on the focus the manager's workspace knows of */
  GPtrArray *actions;        /* ClBriefAction, soonest due first */
  GPtrArray *deals;          /* ClBriefDeal, largest first */
} ClRepBrief;

void        cl_rep_brief_free     (ClRepBrief *brief);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRepBrief, cl_rep_brief_free)

/**
 * cl_rep_brief_build:
 * @as_of: the day; its month's plan is the brief's
 *
 * @rep_id's brief from this (manager's) workspace: the month's plan
 * (focus, drill, repetitions, target self-score, drills so far), the rep's
 * open actions with their ids and due days, their open deals with flags.
 * No justification, no coaching notes.
 *
 * Returns: (transfer full) (nullable): the document, or NULL with @error
 */
JsonNode   *cl_rep_brief_build    (ClStore          *store,
                                   const ClIdentity *manager,
                                   gint64            rep_id,
                                   ClDay             as_of,
                                   GError          **error);
/**
 * cl_rep_brief_publish:
 * @rep_id: one rep, or 0 for every rep on the team (not the manager, not
 *   who left)
 * @published: (out) (optional) (transfer container) (nullable): the files
 *   written; NULL when the workspace has no team folder
 *
 * Publishes the briefs in the owner's subfolder of the team folder, one
 * file per rep (`rep-brief-NAME.closeloop.json`), replacing the earlier
 * one. Only a manager's workspace publishes briefs: a rep's is refused
 * (CL_SUMMARY_ERROR_NOT_ITS_OWNER). Call it whenever a plan is saved or an
 * action created (a review's next action, a coaching next move).
 *
 * Returns: FALSE with @error
 */
gboolean    cl_rep_brief_publish  (ClStore          *store,
                                   gint64            rep_id,
                                   GPtrArray       **published,
                                   GError          **error);
/**
 * cl_rep_brief_publish_after_change:
 *
 * What a window calls once it saved a plan of @rep_id's or created or
 * changed one of their actions: publishes their brief again when the
 * workspace is a manager's with a team folder, and does nothing otherwise.
 *
 * Returns: FALSE with @error when the brief could not be published
 */
gboolean    cl_rep_brief_publish_after_change (ClStore    *store,
                                               gint64      rep_id,
                                               GError    **error);
/**
 * cl_rep_brief_read:
 *
 * Reads a brief from outside: bounded before it is parsed, every member
 * checked, none its format does not have, its author the manager it names.
 *
 * Returns: (transfer full) (nullable): the brief, or NULL with @error
 */
ClRepBrief *cl_rep_brief_read     (const char       *data,
                                   gsize             length,
                                   const char       *name,
                                   GError          **error);
/**
 * cl_rep_brief_check_author:
 * @subfolder: the team-folder subfolder the file was in
 *
 * One writer per record: a brief must be in its manager's own subfolder
 * (their name and identity), and its author must not be a rep on this
 * workspace's team. Refusals (CL_SUMMARY_ERROR_NOT_ITS_OWNER) name @name.
 *
 * Returns: FALSE with @error
 */
gboolean    cl_rep_brief_check_author (ClStore          *store,
                                       const ClRepBrief *brief,
                                       const char       *name,
                                       const char       *subfolder,
                                       GError          **error);
/**
 * cl_rep_brief_load_own:
 *
 * The latest brief to this workspace's owner kept from the team folder:
 * what the rep's My Month shows.
 *
 * Returns: (transfer full) (nullable): the brief; NULL without @error when
 *   none arrived yet
 */
ClRepBrief *cl_rep_brief_load_own (ClStore          *store,
                                   GError          **error);
/**
 * cl_rep_brief_mark_done:
 * @action_id: the id the brief gives the action
 * @note: (nullable): what the rep says of it
 *
 * On a rep's side: marks an action of their brief done (a correction
 * replaces the earlier), then publishes their practice log when there is
 * a team folder. Refused (INVALID) for an id the brief does not have.
 *
 * Returns: FALSE with @error
 */
gboolean    cl_rep_brief_mark_done (ClStore         *store,
                                    gint64           action_id,
                                    ClDay            done_on,
                                    const char      *note,
                                    GError         **error);

G_END_DECLS
