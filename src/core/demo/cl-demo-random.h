/* cl-demo-random.h — the sample team's draws, shared by its writers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every draw comes from the one GRand of the seed, in a fixed order, so the
 * same seed writes the same team.
 */
#pragma once

#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

/* one element of a static array, each as likely */
#define CL_DEMO_PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])
/* true with probability @p */
#define CL_DEMO_CHANCE(rand, p)  (g_rand_double (rand) < (p))

/* @order filled with 0 … @n - 1, shuffled (Fisher–Yates) */
static inline void
cl_demo_shuffle (GRand *rand,
                 guint *order,
                 guint  n)
{
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i), swap = order[i - 1];

      order[i - 1] = order[j];
      order[j] = swap;
    }
}

/* e^(σ·N(0, 1)): a factor around 1 whose logarithm is normal */
static inline double
cl_demo_log_normal (GRand  *rand,
                    double  sigma)
{
  /* Box–Muller; 1 - u keeps the logarithm finite */
  double u = 1.0 - g_rand_double (rand), v = g_rand_double (rand);

  return exp (sigma * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v));
}

G_END_DECLS
