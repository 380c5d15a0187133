/* cl-demo-people.h — names for the sample team and its buyers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *cl_demo_people_team  (GRand *rand,
                                 guint  n);
char      *cl_demo_people_buyer (GRand *rand);

G_END_DECLS
