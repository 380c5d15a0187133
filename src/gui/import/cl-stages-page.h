/* cl-stages-page.h — the import's Stages step: where each stage of the file
 * goes in the team's process, for the user to confirm or change
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-stage-plan.h"

G_BEGIN_DECLS

#define CL_TYPE_STAGES_PAGE (cl_stages_page_get_type ())
G_DECLARE_FINAL_TYPE (ClStagesPage, cl_stages_page, CL, STAGES_PAGE, AdwBin)

/* Shows @plan, which the caller keeps alive while it is shown (NULL: none).
 * "changed" follows every change the user makes to it. */
void     cl_stages_page_set_plan    (ClStagesPage *self,
                                     ClStagePlan  *plan);

/* What the rows' buttons do, callable from tests: the value @index's new
 * stage moved to @position (1 first), or mapped to the team's stage
 * @stage_id (0: a new stage of its own); every unknown place kept. */
gboolean cl_stages_page_move        (ClStagesPage *self,
                                     guint         index,
                                     guint         position);
gboolean cl_stages_page_map         (ClStagesPage *self,
                                     guint         index,
                                     gint64        stage_id);
void     cl_stages_page_keep_order  (ClStagesPage *self);

G_END_DECLS
