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

JsonNode   *cl_rep_brief_build    (ClStore          *store,
                                   const ClIdentity *manager,
                                   gint64            rep_id,
                                   ClDay             as_of,
                                   GError          **error);
gboolean    cl_rep_brief_publish  (ClStore          *store,
                                   gint64            rep_id,
                                   GPtrArray       **published,
                                   GError          **error);
gboolean    cl_rep_brief_publish_after_change (ClStore    *store,
                                               gint64      rep_id,
                                               GError    **error);
ClRepBrief *cl_rep_brief_read     (const char       *data,
                                   gsize             length,
                                   const char       *name,
                                   GError          **error);
gboolean    cl_rep_brief_check_author (ClStore          *store,
                                       const ClRepBrief *brief,
                                       const char       *name,
                                       const char       *subfolder,
                                       GError          **error);
ClRepBrief *cl_rep_brief_load_own (ClStore          *store,
                                   GError          **error);
gboolean    cl_rep_brief_mark_done (ClStore         *store,
                                    gint64           action_id,
                                    ClDay            done_on,
                                    const char      *note,
                                    GError         **error);

G_END_DECLS
