/* test-flag-outcomes.c — which flags went with a loss: exact counts on a
 * hand-made team, the minimum, the table as the exports write it, and the
 * sample team against a brute-force count that loads each review day's
 * pipeline as the review saw it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-flag-outcomes.h"
#include "cl-health-export.h"
#include "test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  ClStore *store;
  gint64   stage_id;
  gint64   rep_id;
  GArray  *review_ids;   /* the Mondays' reviews, oldest first */
  int      n_deals;
} Fixture;

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* A rep, a stage, and a review every Monday from 2026-09-07 to 2026-11-16. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStage) stage = cl_stage_new ("Discovery", 1, 10);
  g_autoptr (ClRep) rep = cl_rep_new ("Ana Okafor");

  f->dir = g_dir_make_tmp ("closeloop-outcomes-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = cl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_add_stage (f->store, stage, &error));
  g_assert_true (cl_store_add_rep (f->store, rep, &error));
  f->stage_id = stage->id;
  f->rep_id = rep->id;
  f->review_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (ClDay monday = day ("2026-09-07"); monday <= day ("2026-11-16"); monday += 7)
    {
      g_autoptr (ClReview) review = g_object_new (CL_TYPE_REVIEW, NULL);

      review->week = cl_date_iso_week (monday);
      review->held_on = monday;
      g_assert_true (cl_store_add_review (f->store, review, &error));
      g_array_append_val (f->review_ids, review->id);
    }
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_array_unref (f->review_ids);
  cl_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A deal created on @created with a next step due long after, closing
 * at the end of the year. */
static ClDeal *
add_deal (Fixture    *f,
          const char *created)
{
  g_autoptr (GError) error = NULL;
  ClDeal *deal = cl_deal_new ();

  deal->name = g_strdup_printf ("Deal %d", ++f->n_deals);
  deal->account = g_strdup ("Account");
  deal->owner_id = f->rep_id;
  deal->stage_id = f->stage_id;
  deal->amount_cents = 5000000;
  cl_deal_set_text (deal, &deal->currency, "EUR");
  deal->created_on = day (created);
  deal->close_date = day ("2026-12-31");
  cl_deal_set_text (deal, &deal->next_step, "Call the sponsor");
  deal->next_step_due = day ("2027-01-15");
  g_assert_true (cl_store_add_deal (f->store, deal, &error));
  g_assert_no_error (error);
  return deal;
}

static void
update (Fixture    *f,
        ClDeal     *deal,
        const char *on)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cl_store_update_deal (f->store, deal, day (on), &error));
  g_assert_no_error (error);
}

static void
discuss (Fixture *f,
         guint    review,
         gint64   deal_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);

  decision->review_id = g_array_index (f->review_ids, gint64, review);
  decision->deal_id = deal_id;
  decision->decision = CL_DECISION_KEEP;
  g_assert_true (cl_store_add_review_decision (f->store, decision, &error));
  g_assert_no_error (error);
}

/* A deal created 2026-09-01, open through the reviews of September and
 * October, its close date pushed on 2026-09-20 when @pushed, discussed
 * without a change at the reviews of 09-28 and 10-05 when @recited, and
 * ending @status on 2026-10-20. */
static void
add_closed (Fixture      *f,
            gboolean      pushed,
            gboolean      recited,
            ClDealStatus  status)
{
  g_autoptr (ClDeal) deal = add_deal (f, "2026-09-01");

  if (pushed)
    {
      deal->close_date = day ("2027-01-31");
      update (f, deal, "2026-09-20");
    }
  if (recited)
    {
      discuss (f, 3, deal->id);   /* 2026-09-28 */
      discuss (f, 4, deal->id);   /* 2026-10-05 */
    }
  deal->status = status;
  update (f, deal, "2026-10-20");
}

static const ClFlagOutcome *
row_of (const ClFlagOutcomes *outcomes,
        ClFlag                flag)
{
  for (int i = 0; i < CL_N_FLAGS; i++)
    if (outcomes->rows[i].flag == flag)
      return &outcomes->rows[i];
  g_assert_not_reached ();
}

static void
assert_row (const ClFlagOutcomes *outcomes,
            ClFlag                flag,
            int                   with_deals,
            int                   with_won,
            int                   without_deals,
            int                   without_won)
{
  const ClFlagOutcome *row = row_of (outcomes, flag);

  g_assert_cmpint (row->with_deals, ==, with_deals);
  g_assert_cmpint (row->with_won, ==, with_won);
  g_assert_cmpint (row->without_deals, ==, without_deals);
  g_assert_cmpint (row->without_won, ==, without_won);
}

/* Pushed close dates: 3 of 12 won; the others 9 of 12. The ten deals
 * recited at two reviews in a row all lost. */
static void
test_separates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pushed = NULL, *recital = NULL, *stalled = NULL, *explained = NULL;
  ClFlagOutcomes outcomes;

  for (int i = 0; i < 12; i++)
    add_closed (f, TRUE, i < 9, i < 9 ? CL_DEAL_LOST : CL_DEAL_WON);
  for (int i = 0; i < 12; i++)
    add_closed (f, FALSE, i == 0, i < 3 ? CL_DEAL_LOST : CL_DEAL_WON);
  /* left out: a deal the team disqualified, one no review saw open (created
   * and lost between two reviews), and the deals still open */
  add_closed (f, TRUE, FALSE, CL_DEAL_DISQUALIFIED);
  {
    g_autoptr (ClDeal) brief = add_deal (f, "2026-10-21");

    brief->status = CL_DEAL_LOST;
    update (f, brief, "2026-10-23");
    g_object_unref (add_deal (f, "2026-09-01"));
  }

  g_assert_true (cl_flag_outcomes_compute (f->store, day ("2026-11-23"), &outcomes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcomes.won, ==, 12);
  g_assert_cmpint (outcomes.lost, ==, 12);
  g_assert_cmpint (outcomes.disqualified, ==, 1);
  g_assert_cmpint (outcomes.unreviewed, ==, 1);

  assert_row (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED, 12, 3, 12, 9);
  assert_row (&outcomes, CL_FLAG_REPEAT_RECITAL, 10, 0, 14, 12);
  /* every deal sat in its stage past 21 days and had one contact or none */
  assert_row (&outcomes, CL_FLAG_STALLED, 24, 12, 0, 0);
  assert_row (&outcomes, CL_FLAG_SINGLE_THREADED, 24, 12, 0, 0);
  assert_row (&outcomes, CL_FLAG_NO_NEXT_STEP, 0, 0, 24, 12);

  /* the recital first (86 points), the pushed close dates next (50), then
   * the flags without enough history in ClFlag's order */
  g_assert_cmpint (outcomes.rows[0].flag, ==, CL_FLAG_REPEAT_RECITAL);
  g_assert_cmpint (outcomes.rows[1].flag, ==, CL_FLAG_CLOSE_DATE_PUSHED);
  g_assert_cmpint (outcomes.rows[2].flag, ==, CL_FLAG_STALLED);
  g_assert_cmpint (outcomes.rows[3].flag, ==, CL_FLAG_AMOUNT_DECREASED);
  for (int i = 2; i < CL_N_FLAGS; i++)
    g_assert_false (cl_flag_outcome_has_enough (&outcomes.rows[i]));
  g_assert_cmpint (cl_flag_outcome_points (&outcomes.rows[0]), ==, 86);
  g_assert_cmpint (cl_flag_outcome_points (&outcomes.rows[1]), ==, 50);

  pushed = cl_flag_outcome_describe (row_of (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED));
  g_assert_cmpstr (pushed, ==, "25 % won with it (3 of 12), 75 % without (9 of 12) — 50 points lower");
  recital = cl_flag_outcome_describe (row_of (&outcomes, CL_FLAG_REPEAT_RECITAL));
  g_assert_cmpstr (recital, ==, "0 % won with it (0 of 10), 86 % without (12 of 14) — 86 points lower");
  stalled = cl_flag_outcome_describe (row_of (&outcomes, CL_FLAG_STALLED));
  g_assert_cmpstr (stalled, ==, "Not enough history: 24 with it, 0 without; at least 10 needed on each side");
  explained = cl_flag_outcomes_explain (&outcomes);
  g_assert_true (g_str_has_prefix (explained, "24 deals won or lost by 2026-11-23"));
  /* the two flags read from what has no history say so */
  g_assert_nonnull (strstr (explained, "Single-threaded and Qualification gap read them as they are now"));
}

/* Nine deals a side is below the minimum: not enough history, no difference
 * claimed; and deals closed after the day asked about are not counted. */
static void
test_not_enough_history (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ClFlagOutcomes outcomes;

  for (int i = 0; i < 9; i++)
    add_closed (f, TRUE, FALSE, i < 2 ? CL_DEAL_WON : CL_DEAL_LOST);
  for (int i = 0; i < 9; i++)
    add_closed (f, FALSE, FALSE, i < 7 ? CL_DEAL_WON : CL_DEAL_LOST);

  g_assert_true (cl_flag_outcomes_compute (f->store, day ("2026-11-23"), &outcomes, &error));
  g_assert_no_error (error);
  assert_row (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED, 9, 2, 9, 7);
  for (int i = 0; i < CL_N_FLAGS; i++)
    {
      g_assert_false (cl_flag_outcome_has_enough (&outcomes.rows[i]));
      g_assert_cmpint (outcomes.rows[i].flag, ==, i);
    }

  /* the day before they closed, none had */
  g_assert_true (cl_flag_outcomes_compute (f->store, day ("2026-10-19"), &outcomes, &error));
  g_assert_cmpint (outcomes.won + outcomes.lost, ==, 0);
  assert_row (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED, 0, 0, 0, 0);

  /* ten with the flag and nine without is still not enough */
  add_closed (f, TRUE, FALSE, CL_DEAL_WON);
  g_assert_true (cl_flag_outcomes_compute (f->store, day ("2026-11-23"), &outcomes, &error));
  assert_row (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED, 10, 3, 9, 7);
  g_assert_false (cl_flag_outcome_has_enough (row_of (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED)));

  /* ten a side is: 30 % against 80 %, 50 points */
  add_closed (f, FALSE, FALSE, CL_DEAL_WON);
  g_assert_true (cl_flag_outcomes_compute (f->store, day ("2026-11-23"), &outcomes, &error));
  assert_row (&outcomes, CL_FLAG_CLOSE_DATE_PUSHED, 10, 3, 10, 8);
  g_assert_cmpint (outcomes.rows[0].flag, ==, CL_FLAG_CLOSE_DATE_PUSHED);
  g_assert_true (cl_flag_outcome_has_enough (&outcomes.rows[0]));
  g_assert_cmpint (cl_flag_outcome_points (&outcomes.rows[0]), ==, 50);
  g_assert_false (cl_flag_outcome_has_enough (&outcomes.rows[1]));
}

/* ------------------------------------------------------------------ the export */

static JsonObject *
exported_row (JsonObject *table,
              ClFlag      flag)
{
  JsonArray *rows = json_object_get_array_member (table, "flags");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "flag"), cl_flag_to_string (flag)))
        return row;
    }
  g_assert_not_reached ();
}

static void
assert_side (JsonObject *row,
             const char *side,
             gint64      deals,
             gint64      won,
             double      win_rate)
{
  JsonObject *counts = json_object_get_object_member (row, side);

  g_assert_cmpint (json_object_get_int_member (counts, "deals"), ==, deals);
  g_assert_cmpint (json_object_get_int_member (counts, "won"), ==, won);
  if (win_rate < 0)
    g_assert_true (json_object_get_null_member (counts, "win_rate"));
  else
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (counts, "win_rate"), win_rate, 0.0005);
}

/* The table as loop health and the retrospective write it: the counts and
 * those left out, the minimum, each flag's sides with their win rates, the
 * difference in points or null below the minimum, most predictive first. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  JsonObject *table, *row;
  JsonArray *rows;
  ClFlagOutcomes outcomes;

  for (int i = 0; i < 12; i++)
    add_closed (f, TRUE, FALSE, i < 9 ? CL_DEAL_LOST : CL_DEAL_WON);
  for (int i = 0; i < 12; i++)
    add_closed (f, FALSE, FALSE, i < 3 ? CL_DEAL_LOST : CL_DEAL_WON);
  add_closed (f, TRUE, FALSE, CL_DEAL_DISQUALIFIED);
  g_assert_true (cl_flag_outcomes_compute (f->store, day ("2026-11-23"), &outcomes, &error));
  g_assert_no_error (error);

  json_builder_begin_object (builder);
  cl_health_export_add_flag_outcomes (builder, "flag_outcomes", &outcomes);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  table = json_object_get_object_member (json_node_get_object (root), "flag_outcomes");

  g_assert_cmpstr (json_object_get_string_member (table, "as_of"), ==, "2026-11-23");
  g_assert_cmpint (json_object_get_int_member (table, "minimum_deals"), ==, CL_FLAG_OUTCOMES_MIN_DEALS);
  g_assert_cmpint (json_object_get_int_member (table, "won"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (table, "lost"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (table, "disqualified_left_out"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (table, "unreviewed_left_out"), ==, 0);
  rows = json_object_get_array_member (table, "flags");
  g_assert_cmpuint (json_array_get_length (rows), ==, CL_N_FLAGS);

  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "flag"), ==, "close_date_pushed");
  g_assert_true (json_object_get_boolean_member (row, "enough_history"));
  assert_side (row, "with", 12, 3, 0.25);
  assert_side (row, "without", 12, 9, 0.75);
  g_assert_cmpint (json_object_get_int_member (row, "difference_points"), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (row, "summary"), ==,
                   "25 % won with it (3 of 12), 75 % without (9 of 12) — 50 points lower");

  /* every deal stalled: nobody to compare with */
  row = exported_row (table, CL_FLAG_STALLED);
  g_assert_false (json_object_get_boolean_member (row, "enough_history"));
  assert_side (row, "with", 24, 12, 0.5);
  assert_side (row, "without", 0, 0, -1);
  g_assert_true (json_object_get_null_member (row, "difference_points"));
  g_assert_cmpstr (json_object_get_string_member (row, "summary"), ==,
                   "Not enough history: 24 with it, 0 without; at least 10 needed on each side");
}

/* ------------------------------------------------------------------ brute force */

typedef struct
{
  gboolean won;
  gboolean seen;
  guint    carried;
} Counted;

/* Every review day's pipeline loaded as the review saw it (the deals open
 * then, with the last two reviews attached by the loader), its flags
 * evaluated, and each closed deal's flags gathered; nothing rewound by hand. */
static void
count_by_brute_force (ClStore        *store,
                      const char     *path,
                      ClDay           as_of,
                      ClFlagOutcomes *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) closed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *rows = cl_test_sql_text (path, "SELECT id, status FROM deals WHERE status IN ('won', 'lost')");
  g_autofree char *days = cl_test_sql_text (path, "SELECT DISTINCT held_on FROM reviews ORDER BY held_on");
  g_auto (GStrv) lines = g_strsplit (rows, "\n", -1);
  g_auto (GStrv) held = g_strsplit (days, "\n", -1);
  g_autoptr (ClProcess) process = cl_process_load (store, as_of, &error);
  ClFlagSettings settings;
  GHashTableIter iter;
  Counted *counted;

  cl_flag_settings_load (&settings, store);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "|", 2);
      gint64 id = g_ascii_strtoll (cells[0], NULL, 10);

      counted = g_new0 (Counted, 1);
      counted->won = g_str_equal (cells[1], "won");
      g_hash_table_insert (closed, g_memdup2 (&id, sizeof id), counted);
    }
  for (guint i = 0; held[i] != NULL && *held[i]; i++)
    {
      ClDay on = day (held[i]);
      g_autoptr (GPtrArray) open = cl_deal_facts_load (store, on, 0, &error);

      g_assert_no_error (error);
      for (guint k = 0; k < open->len; k++)
        {
          ClDealFacts *facts = g_ptr_array_index (open, k);

          if ((counted = g_hash_table_lookup (closed, &facts->deal->id)) == NULL)
            continue;
          counted->seen = TRUE;
          counted->carried |= cl_flags_evaluate (process, facts, &settings, on, NULL);
        }
    }

  *expected = (ClFlagOutcomes) { .as_of = as_of };
  g_hash_table_iter_init (&iter, closed);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &counted))
    {
      if (!counted->seen)
        {
          expected->unreviewed++;
          continue;
        }
      if (counted->won)
        expected->won++;
      else
        expected->lost++;
      for (int f = 0; f < CL_N_FLAGS; f++)
        {
          gboolean with = (counted->carried & (1u << f)) != 0;

          expected->rows[f].flag = f;
          expected->rows[f].with_deals += with;
          expected->rows[f].with_won += with && counted->won;
          expected->rows[f].without_deals += !with;
          expected->rows[f].without_won += !with && counted->won;
        }
    }
}

/* The sample team's table is the brute force's, row by row, ordered. */
static void
test_demo_against_brute_force (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("closeloop-outcomes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (ClStore) store = NULL;
  ClFlagOutcomes outcomes, expected;
  ClDemoOptions options;
  int n_enough = 0;

  cl_demo_options_init (&options);
  cl_test_write_team (path, &options);
  store = cl_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (cl_flag_outcomes_compute (store, cl_date_today (), &outcomes, &error));
  g_assert_no_error (error);
  count_by_brute_force (store, path, cl_date_today (), &expected);

  g_assert_cmpint (outcomes.won, ==, expected.won);
  g_assert_cmpint (outcomes.lost, ==, expected.lost);
  g_assert_cmpint (outcomes.unreviewed, ==, expected.unreviewed);
  g_assert_cmpint (outcomes.disqualified, ==, 0);
  g_assert_cmpint (outcomes.won + outcomes.lost, >, 2 * CL_FLAG_OUTCOMES_MIN_DEALS);
  for (int i = 0; i < CL_N_FLAGS; i++)
    {
      const ClFlagOutcome *row = &outcomes.rows[i];

      assert_row (&expected, row->flag, row->with_deals, row->with_won, row->without_deals, row->without_won);
      n_enough += cl_flag_outcome_has_enough (row);
      if (i > 0 && cl_flag_outcome_has_enough (row))
        {
          const ClFlagOutcome *before = &outcomes.rows[i - 1];
          double drop = (double) row->without_won / row->without_deals - (double) row->with_won / row->with_deals;
          double drop_before = (double) before->without_won / before->without_deals
                               - (double) before->with_won / before->with_deals;

          /* enough history comes first, the largest drop first */
          g_assert_true (cl_flag_outcome_has_enough (before));
          g_assert_cmpfloat (drop_before, >=, drop);
        }
    }
  /* the sample team has both kinds of row */
  g_assert_cmpint (n_enough, >, 0);
  g_assert_cmpint (n_enough, <, CL_N_FLAGS);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  FIXTURE_TEST ("/flag-outcomes/separates", test_separates);
  FIXTURE_TEST ("/flag-outcomes/not-enough-history", test_not_enough_history);
  FIXTURE_TEST ("/flag-outcomes/export", test_export);
#undef FIXTURE_TEST
  g_test_add_func ("/flag-outcomes/demo-against-brute-force", test_demo_against_brute_force);
  return g_test_run ();
}
