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

/* Building a plan: the stages the workspace has (ClStage, in order; the
 * plan keeps a reference), then every row, then cl_stage_plan_place ().
 * cl_deal_import_plan_stages () does it all from a file and a workspace.
 *
 * Returns: (transfer full): the plan, for cl_stage_plan_free () */
ClStagePlan *cl_stage_plan_new             (GListModel         *stages);
/* One row of the file: its stage value; whether the value reads as a deal's
 * end rather than a stage (“Closed Won”, or Salesforce's IsClosed); its
 * probability (-1: none); the stage the deal matched by record id is in
 * now (0: none). */
void         cl_stage_plan_observe         (ClStagePlan        *plan,
                                            const char         *value,
                                            gboolean            closing,
                                            int                 probability,
                                            gint64              stored_stage_id);
/* Decides where each value goes: a stage of the same name (in any case,
 * or a CRM's internal id for it), else a new stage placed by the CRM's
 * known order, else by its probability, else after the stage its deals
 * moved from; what none of them places is left UNKNOWN. */
void         cl_stage_plan_place           (ClStagePlan        *plan);
void         cl_stage_plan_free            (ClStagePlan        *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStagePlan, cl_stage_plan_free)

guint        cl_stage_plan_get_n_values    (const ClStagePlan  *plan);
/* Returns: (transfer none): the file's stage value @index, as placed */
const ClStagePlanValue *cl_stage_plan_get_value (const ClStagePlan *plan,
                                                 guint              index);
/* The 1-based position of the stage @index goes to in the process after
 * the import; 0 for a closing value. */
guint        cl_stage_plan_get_position    (const ClStagePlan  *plan,
                                            guint               index);
/* Whether the import creates the stage @index goes to. */
gboolean     cl_stage_plan_is_new          (const ClStagePlan  *plan,
                                            guint               index);
/* The team's stage @index goes to; 0 for a new one, or a closing value. */
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
/* Returns: (transfer none): the stages the workspace had when the plan
 * was made (ClStage), in order */
GListModel  *cl_stage_plan_get_existing    (const ClStagePlan  *plan);

/* Where @index goes and why, worded for showing: the values from data in
 * it are isolated (see cl_text_isolate ()).
 *
 * Returns: (transfer full): "New stage at position 3 · known Salesforce order" */
char        *cl_stage_plan_explain         (const ClStagePlan  *plan,
                                            guint               index);

/* The values still UNKNOWN, as the file writes them.
 *
 * Returns: (transfer full): a NULL-terminated list, empty when the order is known */
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

/* The order a stages file gives, one stage a line, first to last: the
 * whole process, every stage the workspace has (in its order) and every
 * stage value of the export but Closed Won and Lost; a name that is
 * neither becomes a stage too. Refused, naming @name and the line, on a
 * line that is not text, repeats a stage or names a closing one; refused,
 * naming them, when stages are left out or the workspace's are reordered. */
gboolean     cl_stage_plan_order_from_text (ClStagePlan        *plan,
                                            const char         *text,
                                            gsize               length,
                                            const char         *name,
                                            GError            **error);

/* Inside the import's transaction: creates the new stages at their
 * positions, appending their names to @created. Refused (CHANGED) when
 * the workspace's stages are no longer those the plan was made with. */
gboolean     cl_stage_plan_apply           (ClStagePlan        *plan,
                                            ClStore            *store,
                                            GPtrArray          *created,
                                            GError            **error);
/* Whether the plan has @value, one of the file's stage values. */
gboolean     cl_stage_plan_has_value       (const ClStagePlan  *plan,
                                            const char         *value);
/* Once applied: the stage of @value, 0 for a closing value or one the
 * plan does not have. */
gint64       cl_stage_plan_stage_for       (const ClStagePlan  *plan,
                                            const char         *value);

/* Whether a stage named @name is how a deal ends (“Closed Won”, HubSpot's
 * “closedlost”) rather than a step of the process. */
gboolean     cl_stage_name_is_closing      (const char         *name);

G_END_DECLS
