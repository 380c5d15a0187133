/* cl-stage-plan.h — where each stage of a CRM export goes in the team's
 * sales process, decided before anything is written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-crm-layout.h"
#include "cl-store.h"

G_BEGIN_DECLS

/* What tells where a stage value goes, strongest first. */
typedef enum {
  CL_STAGE_BASIS_EXISTING,     /* the team's process has a stage of that name */
  CL_STAGE_BASIS_KNOWN_ORDER,  /* the CRM's default pipeline */
  CL_STAGE_BASIS_PROBABILITY,  /* the file's probability column */
  CL_STAGE_BASIS_HISTORY,      /* deals moved here from a stage the team has */
  CL_STAGE_BASIS_ONLY,         /* the first stage of an empty process */
  CL_STAGE_BASIS_CHOSEN,       /* placed by the user, in the window or a stages file */
  CL_STAGE_BASIS_UNKNOWN,      /* nothing tells: the order is ambiguous */
  CL_STAGE_BASIS_CLOSING,      /* Closed Won or Lost: a status, no stage */
} ClStageBasis;

/* One stage value of the file. */
typedef struct
{
  char         *value;        /* as the file first writes it */
  guint         n_rows;
  ClStageBasis  basis;
  ClCrmKind     crm;          /* KNOWN_ORDER: whose default pipeline */
  int           probability;  /* the file's most common for it; -1 when none */
  char         *moved_from;   /* HISTORY: the stage most of its deals were in */
} ClStagePlanValue;

typedef struct _ClStagePlan ClStagePlan;

ClStagePlan *cl_stage_plan_new             (GListModel         *stages);
void         cl_stage_plan_observe         (ClStagePlan        *plan,
                                            const char         *value,
                                            gboolean            closing,
                                            int                 probability,
                                            gint64              stored_stage_id);
void         cl_stage_plan_place           (ClStagePlan        *plan);
void         cl_stage_plan_free            (ClStagePlan        *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStagePlan, cl_stage_plan_free)

guint        cl_stage_plan_get_n_values    (const ClStagePlan  *plan);
const ClStagePlanValue *cl_stage_plan_get_value (const ClStagePlan *plan,
                                                 guint              index);
guint        cl_stage_plan_get_position    (const ClStagePlan  *plan,
                                            guint               index);
gboolean     cl_stage_plan_is_new          (const ClStagePlan  *plan,
                                            guint               index);
gint64       cl_stage_plan_get_existing_id (const ClStagePlan  *plan,
                                            guint               index);
/* The process after the import, first to last: the stage at @position
 * (1 first), and whether the import creates it (@is_new may be NULL).
 *
 * Returns: (transfer none): the stage's name */
guint        cl_stage_plan_get_n_stages    (const ClStagePlan  *plan);
const char  *cl_stage_plan_get_stage_name  (const ClStagePlan  *plan,
                                            guint               position,
                                            gboolean           *is_new);
GListModel  *cl_stage_plan_get_existing    (const ClStagePlan  *plan);

char        *cl_stage_plan_explain         (const ClStagePlan  *plan,
                                            guint               index);

GStrv        cl_stage_plan_get_ambiguous   (const ClStagePlan  *plan);

/* The user's changes: @index's new stage moved to @position (1 first) of
 * the process; @index mapped to the existing stage @stage_id, or back to
 * a new stage of its own (@stage_id 0, placed last); every UNKNOWN value
 * accepted where it is. FALSE when @index is a closing value, or (move)
 * goes to an existing stage, or (map) @stage_id is none of the plan's. */
gboolean     cl_stage_plan_move            (ClStagePlan        *plan,
                                            guint               index,
                                            guint               position);
gboolean     cl_stage_plan_map             (ClStagePlan        *plan,
                                            guint               index,
                                            gint64              stage_id);
void         cl_stage_plan_confirm         (ClStagePlan        *plan);

gboolean     cl_stage_plan_order_from_text (ClStagePlan        *plan,
                                            const char         *text,
                                            gsize               length,
                                            const char         *name,
                                            GError            **error);

gboolean     cl_stage_plan_apply           (ClStagePlan        *plan,
                                            ClStore            *store,
                                            GPtrArray          *created,
                                            GError            **error);
gboolean     cl_stage_plan_has_value       (const ClStagePlan  *plan,
                                            const char         *value);
gint64       cl_stage_plan_stage_for       (const ClStagePlan  *plan,
                                            const char         *value);

gboolean     cl_stage_name_is_closing      (const char         *name);

G_END_DECLS
