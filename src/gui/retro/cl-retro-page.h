/* cl-retro-page.h — a quarter's strategy retrospective: its facts, and the
 * team's findings, root causes and decision
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-loop-health.h"

G_BEGIN_DECLS

#define CL_TYPE_RETRO_PAGE (cl_retro_page_get_type ())
G_DECLARE_FINAL_TYPE (ClRetroPage, cl_retro_page, CL, RETRO_PAGE, AdwBin)

void     cl_retro_page_set_store      (ClRetroPage     *self,
                                       ClStore         *store);
/* Shows @quarter ("2026-Q3"); NULL: this quarter. Loads in a worker thread. */
gboolean cl_retro_page_show_quarter   (ClRetroPage     *self,
                                       const char      *quarter);
/* TRUE once the quarter's facts are read; its sections then come one
 * after the other, and the page is loaded once all of them are shown. */
gboolean cl_retro_page_is_read        (ClRetroPage     *self);
gboolean cl_retro_page_is_loaded      (ClRetroPage     *self);

/* What the form and its buttons do, callable from tests. */
void     cl_retro_page_fill           (ClRetroPage     *self,
                                       const char      *findings,
                                       guint            root_causes,
                                       ClRetroDecision  decision,
                                       const char      *detail);
/* Restarts @loop, owned by the team's rep at @owner_index, due @due. */
void     cl_retro_page_restart_loop   (ClRetroPage     *self,
                                       ClLoop           loop,
                                       guint            owner_index,
                                       const char      *due);
/* Saves, in a worker; when the guard applies and @confirmed is FALSE, asks
 * first and returns FALSE. */
gboolean cl_retro_page_save           (ClRetroPage     *self,
                                       gboolean         confirmed);
/* A retrospective is on its way to the workspace. */
gboolean cl_retro_page_is_saving      (ClRetroPage     *self);
gboolean cl_retro_page_is_asking      (ClRetroPage     *self);
gboolean cl_retro_page_export         (ClRetroPage     *self,
                                       const char      *path);
guint    cl_retro_page_get_n_flags    (ClRetroPage     *self);
/* The rows of which flags went with a loss: one per flag, or none when no
 * deal a review saw open was won or lost. */
guint    cl_retro_page_get_n_outcomes (ClRetroPage     *self);

/* The groups of deals that died shown at first, the most deals first; a
 * row named "more-deaths" shows the others. */
#define CL_RETRO_PAGE_DEATHS_SHOWN 8
/* The quarter's groups of deals that died, and in @shown those on the page. */
guint    cl_retro_page_get_n_death_groups (ClRetroPage *self,
                                           guint       *shown);

G_END_DECLS
