/* cl-health-export.c — loop health over a period as a document for scripts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format "closeloop.loop-health", version 2; data/schema holds its JSON
 * Schema. The same store and the same day give the same document. Which
 * flags went with a loss rides along (an optional member, so the version
 * stays): it is the other question a manager asks of the cadence.
 */
#define G_LOG_DOMAIN "cl-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-export.h"
#include "cl-health-export.h"
#include "cl-loop-health.h"

#define FORMAT_NAME    "closeloop.loop-health"
/* 2: states weigh coverage (near zero is lapsed), retrospectives count for
 * the quarter they review, and no data says why */
#define FORMAT_VERSION 2

static void
add_thresholds (JsonBuilder *builder,
                ClLoop       loop)
{
  json_builder_set_member_name (builder, "thresholds");
  json_builder_begin_object (builder);
  cl_export_add_number (builder, "running", cl_loop_health_running_percent (loop) / 100.0);
  cl_export_add_number (builder, "outputs", CL_HEALTH_OUTPUT_PERCENT / 100.0);
  cl_export_add_number (builder, "lapsed_below", CL_HEALTH_LAPSED_BELOW_PERCENT / 100.0);
  json_builder_end_object (builder);
}

static void
add_no_data (JsonBuilder        *builder,
             const ClLoopHealth *health)
{
  json_builder_set_member_name (builder, "no_data");
  if (health->state != CL_HEALTH_NO_DATA)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "reason", cl_health_why_to_string (health->why));
  cl_export_add_day (builder, "on", health->why_on);
  json_builder_end_object (builder);
}

static void
add_loop (JsonBuilder        *builder,
          const ClLoopHealth *health)
{
  g_autofree char *described = cl_loop_health_describe (health);
  g_autofree char *explained = cl_loop_health_explain (health);
  double output_ratio = cl_loop_health_output_ratio (health);

  json_builder_begin_object (builder);
  cl_export_add_string (builder, "loop", cl_loop_to_string (health->loop));
  cl_export_add_string (builder, "state", cl_health_state_to_string (health->state));
  cl_export_add_int (builder, "expected", health->expected);
  cl_export_add_int (builder, "ran", health->ran);
  cl_export_add_int (builder, "output_of", health->output_of);
  cl_export_add_int (builder, "with_output", health->with_output);
  cl_export_add_number (builder, "ratio", cl_loop_health_ratio (health));
  if (output_ratio < 0)
    {
      json_builder_set_member_name (builder, "output_ratio");
      json_builder_add_null_value (builder);
    }
  else
    cl_export_add_number (builder, "output_ratio", output_ratio);
  add_thresholds (builder, health->loop);
  add_no_data (builder, health);
  cl_export_add_string (builder, "summary", described);
  cl_export_add_string (builder, "explanation", explained);
  json_builder_end_object (builder);
}

/**
 * cl_health_export_add_loops:
 * @builder: a #JsonBuilder inside an object
 * @member: the name of the member holding the loops
 * @health: (array fixed-size=CL_N_LOOPS): every loop's figures
 *
 * Adds @member, every loop's figures, then the member "hollow_cadence"; shared
 * with the retrospective's document.
 */
void
cl_health_export_add_loops (JsonBuilder        *builder,
                            const char         *member,
                            const ClLoopHealth  health[CL_N_LOOPS])
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (int i = 0; i < CL_N_LOOPS; i++)
    add_loop (builder, &health[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "hollow_cadence");
  json_builder_add_boolean_value (builder, cl_loop_health_is_hollow (health));
}

static void
add_side (JsonBuilder *builder,
          const char  *member,
          int          deals,
          int          won)
{
  double rate = cl_flag_outcome_rate (won, deals);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  cl_export_add_int (builder, "deals", deals);
  cl_export_add_int (builder, "won", won);
  json_builder_set_member_name (builder, "win_rate");
  if (rate < 0)
    json_builder_add_null_value (builder);
  else
    cl_export_add_number (builder, NULL, rate);
  json_builder_end_object (builder);
}

static void
add_flag_outcome (JsonBuilder         *builder,
                  const ClFlagOutcome *row)
{
  g_autofree char *described = cl_flag_outcome_describe (row);
  gboolean enough = cl_flag_outcome_has_enough (row);

  json_builder_begin_object (builder);
  cl_export_add_string (builder, "flag", cl_flag_to_string (row->flag));
  json_builder_set_member_name (builder, "enough_history");
  json_builder_add_boolean_value (builder, enough);
  add_side (builder, "with", row->with_deals, row->with_won);
  add_side (builder, "without", row->without_deals, row->without_won);
  json_builder_set_member_name (builder, "difference_points");
  if (enough)
    json_builder_add_int_value (builder, cl_flag_outcome_points (row));
  else
    json_builder_add_null_value (builder);
  cl_export_add_string (builder, "summary", described);
  json_builder_end_object (builder);
}

/**
 * cl_health_export_add_flag_outcomes:
 * @builder: a #JsonBuilder inside an object
 * @member: the name of the member
 * @outcomes: which flags went with a loss, from cl_flag_outcomes_compute ()
 *
 * Adds @member: the counts behind @outcomes and each flag's row with its
 * sentence; shared with the retrospective's document.
 */
void
cl_health_export_add_flag_outcomes (JsonBuilder          *builder,
                                    const char           *member,
                                    const ClFlagOutcomes *outcomes)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  cl_export_add_day (builder, "as_of", outcomes->as_of);
  cl_export_add_int (builder, "minimum_deals", CL_FLAG_OUTCOMES_MIN_DEALS);
  cl_export_add_int (builder, "won", outcomes->won);
  cl_export_add_int (builder, "lost", outcomes->lost);
  cl_export_add_int (builder, "disqualified_left_out", outcomes->disqualified);
  cl_export_add_int (builder, "unreviewed_left_out", outcomes->unreviewed);
  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (int i = 0; i < CL_N_FLAGS; i++)
    add_flag_outcome (builder, &outcomes->rows[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * cl_health_export_build:
 * @store: the workspace
 * @period: a quarter, month or ISO week: "2026-Q4", "2026-11" or "2026-W47"
 * @today: the day it is built as of
 * @error: return location for a #GError, or %NULL
 *
 * Builds "closeloop.loop-health", version 2: each loop's beats and outputs
 * over @period as of @today, and which flags went with a loss on the deals
 * closed by the period's end (or @today, if sooner).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 *   (%CL_STORE_ERROR_INVALID for a @period that is none of the three)
 */
JsonNode *
cl_health_export_build (ClStore     *store,
                        const char  *period,
                        ClDay        today,
                        GError     **error)
{
  g_autoptr (JsonBuilder) builder = NULL;
  ClLoopHealth health[CL_N_LOOPS];
  ClFlagOutcomes outcomes;
  ClDay first, last;

  if (!cl_date_parse_period (period, &first, &last))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not a period such as 2026-Q4, 2026-11 or 2026-W47"), period), NULL;
  if (!cl_flag_outcomes_compute (store, MIN (last, today), &outcomes, error)
      || !cl_loop_health_compute (store, first, last, today, health, error))
    return NULL;

  builder = json_builder_new ();
  cl_export_begin_document (builder, FORMAT_NAME, FORMAT_VERSION);
  cl_export_add_string (builder, "period", period);
  cl_export_add_day (builder, "from", first);
  cl_export_add_day (builder, "to", last);
  cl_export_add_day (builder, "as_of", today);
  cl_health_export_add_loops (builder, "loops", health);
  cl_health_export_add_flag_outcomes (builder, "flag_outcomes", &outcomes);
  json_builder_end_object (builder);
  cl_loop_health_clear (health);
  return json_builder_get_root (builder);
}
