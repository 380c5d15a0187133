/* cl-demo.h — a deterministic sample team across all four loops
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  n_deals;
  guint  n_reps;
  guint  n_weeks;   /* how much history, ending today */
  guint32 seed;
  ClDay  today;     /* 0: cl_date_today () */
} ClDemoOptions;

#define CL_DEMO_DEFAULT_DEALS 800
#define CL_DEMO_DEFAULT_REPS    8
#define CL_DEMO_DEFAULT_WEEKS  16
#define CL_DEMO_DEFAULT_SEED   42

typedef void (*ClDemoProgress) (double   fraction,
                                gpointer user_data);

void     cl_demo_options_init (ClDemoOptions  *options);
gboolean cl_demo_generate     (ClStore        *store,
                               const ClDemoOptions *options,
                               ClDemoProgress  progress,
                               gpointer        user_data,
                               GCancellable   *cancellable,
                               GError        **error);

G_END_DECLS
