/* cl-demo-people.h — names for the sample team and its buyers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * cl_demo_people_team:
 * @n: how many people, at most 1 024
 *
 * @n different names for one team, each a first name and a surname from
 * the same language; no surname comes twice in a team of up to 128.
 *
 * Returns: (transfer full) (element-type utf8): the names
 */
GPtrArray *cl_demo_people_team  (GRand *rand,
                                 guint  n);
/**
 * cl_demo_people_buyer:
 *
 * A name for a buyer, first name and surname again from one language;
 * buyers of different deals may share one.
 *
 * Returns: (transfer full): the name
 */
char      *cl_demo_people_buyer (GRand *rand);

G_END_DECLS
