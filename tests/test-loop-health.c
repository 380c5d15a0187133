/* test-loop-health.c — loop health tells the truth: coverage, near zero,
 * retrospectives counted for their quarter, the guard, no data and why
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-coaching.h"
#include "cl-loop-health.h"
#include "cl-retro.h"
#include "test-util.h"

#define KEY_DEAL_CENTS 10000000   /* 100 000: above the team's key-deal amount */

typedef struct
{
  char    *dir;
  char    *path;
  ClStore *store;
  gint64   stage_id;
  gint64   rep_ids[3];
} Fixture;

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* Three reps and a stage, nothing else. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = { "Ana Okafor", "Ben Adler", "Cy Moreau" };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStage) stage = cl_stage_new ("Discovery", 1, 10);

  f->dir = g_dir_make_tmp ("closeloop-health-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = cl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_add_stage (f->store, stage, &error));
  f->stage_id = stage->id;
  /* the team's own key-deal amount, not the automatic largest tenth */
  g_assert_true (cl_store_set_setting_int (f->store, CL_SETTING_KEY_DEAL_AMOUNT, 50000, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ClRep) rep = cl_rep_new (names[i]);

      g_assert_true (cl_store_add_rep (f->store, rep, &error));
      f->rep_ids[i] = rep->id;
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* @n open deals of @amount_cents created on @created, in one transaction;
 * their ids. */
static GArray *
add_deals (Fixture    *f,
           int         n,
           gint64      amount_cents,
           const char *created)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (cl_store_begin (f->store, &error));
  for (int i = 0; i < n; i++)
    {
      g_autoptr (ClDeal) deal = cl_deal_new ();

      deal->name = g_strdup_printf ("Deal %d", i + 1);
      deal->account = g_strdup_printf ("Account %d", i + 1);
      deal->owner_id = f->rep_ids[i % G_N_ELEMENTS (f->rep_ids)];
      deal->stage_id = f->stage_id;
      deal->amount_cents = amount_cents;
      cl_deal_set_text (deal, &deal->currency, "EUR");
      deal->created_on = day (created);
      deal->close_date = day ("2027-03-31");
      g_assert_true (cl_store_add_deal (f->store, deal, &error));
      g_array_append_val (ids, deal->id);
    }
  g_assert_true (cl_store_commit (f->store, &error));
  g_assert_no_error (error);
  return ids;
}

/* A review with a decision on @deal_id for every week from the one of
 * @first_monday to the one of @last_monday, held on its Monday. */
static void
review_every_week (Fixture    *f,
                   gint64      deal_id,
                   const char *first_monday,
                   const char *last_monday)
{
  g_autoptr (GError) error = NULL;

  for (ClDay monday = day (first_monday); monday <= day (last_monday); monday += 7)
    {
      g_autoptr (ClReview) review = g_object_new (CL_TYPE_REVIEW, NULL);
      g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);

      review->week = cl_date_iso_week (monday);
      review->held_on = monday;
      g_assert_true (cl_store_add_review (f->store, review, &error));
      decision->review_id = review->id;
      decision->deal_id = deal_id;
      decision->decision = CL_DECISION_KEEP;
      g_assert_true (cl_store_add_review_decision (f->store, decision, &error));
      g_assert_no_error (error);
    }
}

/* A session on @deal_id ending in a next move that was followed up. */
static void
coach (Fixture    *f,
       gint64      deal_id,
       const char *held_on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClCoachingSession) session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);

  session->deal_id = deal_id;
  session->held_on = day (held_on);
  session->trigger = g_strdup ("key_deal");
  session->evidence = g_strdup ("“We sign once legal has read it”");
  session->next_move = g_strdup ("Ask who in legal reads it, and when");
  session->follow_up = CL_FOLLOW_UP_HAPPENED;
  g_assert_true (cl_store_add_coaching_session (f->store, session, &error));
  g_assert_no_error (error);
}

/* A plan for rep @rep of @month, looked back on. */
static void
plan (Fixture    *f,
      int         rep,
      const char *month)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDevPlan) dev_plan = g_object_new (CL_TYPE_DEV_PLAN, NULL);

  dev_plan->rep_id = f->rep_ids[rep];
  dev_plan->month = g_strdup (month);
  dev_plan->focus = g_strdup ("discovery_depth");
  dev_plan->lookback = CL_LOOKBACK_YES;
  g_assert_true (cl_store_add_dev_plan (f->store, dev_plan, &error));
  g_assert_no_error (error);
}

static ClRetro *
retro_new (const char      *quarter,
           const char      *held_on,
           ClRetroDecision  decision)
{
  ClRetro *retro = g_object_new (CL_TYPE_RETRO, NULL);

  retro->quarter = g_strdup (quarter);
  retro->held_on = day (held_on);
  retro->decision = decision;
  return retro;
}

static void
compute (Fixture      *f,
         const char   *period,
         const char   *today,
         ClLoopHealth  health[CL_N_LOOPS])
{
  g_autoptr (GError) error = NULL;
  ClDay first, last;

  g_assert_true (cl_date_parse_period (period, &first, &last));
  g_assert_true (cl_loop_health_compute (f->store, first, last, day (today), health, &error));
  g_assert_no_error (error);
}

static void
assert_texts (const ClLoopHealth *health,
              const char         *described,
              const char         *explained)
{
  g_autofree char *description = cl_loop_health_describe (health);
  g_autofree char *explanation = cl_loop_health_explain (health);

  g_assert_cmpstr (description, ==, described);
  g_assert_cmpstr (explanation, ==, explained);
}

/* Coaching that reached 2 of 443 key deals is lapsed, not slipping, and
 * with reviews running the cadence is hollow; the line sits at one key deal
 * in five, and the share shown never rounds up to it. */
static void
test_near_zero (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GArray) deals = add_deals (f, 443, KEY_DEAL_CENTS, "2026-09-01");
  ClLoopHealth health[CL_N_LOOPS];
  int coached = 0;

  review_every_week (f, g_array_index (deals, gint64, 0), "2026-09-28", "2026-11-16");
  for (int rep = 0; rep < 3; rep++)
    {
      plan (f, rep, "2026-10");
      plan (f, rep, "2026-11");
    }
  for (; coached < 2; coached++)
    coach (f, g_array_index (deals, gint64, coached), "2026-10-20");

  compute (f, "2026-Q4", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].expected, ==, 443);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].ran, ==, 2);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_LAPSED);
  assert_texts (&health[CL_LOOP_DEAL_COACHING],
                "2 of 443 key deals coached to a next move (0.4\u00a0%), 2 followed up · 2026-10-01 – 2026-11-23",
                "Lapsed: under 20\u00a0% is near zero; running needs 50\u00a0% of the key deals coached, "
                "half the next moves followed up");
  g_assert_true (cl_loop_health_is_hollow (health));
  cl_loop_health_clear (health);

  /* 88 of 443 is 19.86 %: still under the line, and shown as 19.8 % */
  for (; coached < 88; coached++)
    coach (f, g_array_index (deals, gint64, coached), "2026-10-21");
  compute (f, "2026-Q4", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_LAPSED);
  assert_texts (&health[CL_LOOP_DEAL_COACHING],
                "88 of 443 key deals coached to a next move (19.8\u00a0%), 88 followed up · 2026-10-01 – 2026-11-23",
                "Lapsed: under 20\u00a0% is near zero; running needs 50\u00a0% of the key deals coached, "
                "half the next moves followed up");
  cl_loop_health_clear (health);

  /* the 89th reaches one in five: slipping, and no longer hollow */
  coach (f, g_array_index (deals, gint64, coached), "2026-10-22");
  compute (f, "2026-Q4", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_SLIPPING);
  assert_texts (&health[CL_LOOP_DEAL_COACHING],
                "89 of 443 key deals coached to a next move (20\u00a0%), 89 followed up · 2026-10-01 – 2026-11-23",
                "Slipping: running needs 50\u00a0% of the key deals coached, half the next moves followed up; "
                "under 20\u00a0% is lapsed");
  g_assert_false (cl_loop_health_is_hollow (health));
  cl_loop_health_clear (health);
}

/* Two in three: coaching runs (it needs half the key deals), development
 * slips (it needs three rep-months in four). */
static void
test_two_in_three (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GArray) deals = add_deals (f, 3, KEY_DEAL_CENTS, "2026-09-01");
  ClLoopHealth health[CL_N_LOOPS];

  review_every_week (f, g_array_index (deals, gint64, 0), "2026-09-28", "2026-11-16");
  coach (f, g_array_index (deals, gint64, 0), "2026-10-20");
  coach (f, g_array_index (deals, gint64, 1), "2026-11-03");
  plan (f, 0, "2026-10");
  plan (f, 1, "2026-10");
  plan (f, 0, "2026-11");
  plan (f, 1, "2026-11");

  compute (f, "2026-Q4", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_RUNNING);
  assert_texts (&health[CL_LOOP_DEAL_COACHING],
                "2 of 3 key deals coached to a next move (66.6\u00a0%), 2 followed up · 2026-10-01 – 2026-11-23",
                "Running: at least 50\u00a0% of the key deals coached, half the next moves followed up");
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].expected, ==, 6);
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].ran, ==, 4);
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].state, ==, CL_HEALTH_SLIPPING);
  assert_texts (&health[CL_LOOP_REP_DEVELOPMENT],
                "4 of 6 rep-months with a plan (66.6\u00a0%), 2 of 2 ended plans looked back · 2026-10-01 – 2026-11-23",
                "Slipping: running needs 75\u00a0% of the rep-months planned, half the ended plans looked back; "
                "under 20\u00a0% is lapsed");
  g_assert_false (cl_loop_health_is_hollow (health));
  cl_loop_health_clear (health);
}

/* The hollow cadence, state by state: the review or the retrospective runs
 * or slips while coaching or development lapsed (near zero included). */
static void
test_hollow (void)
{
  static const struct {
    ClHealthState review, coaching, development, strategy;
    gboolean      hollow;
  } cases[] = {
    { CL_HEALTH_RUNNING, CL_HEALTH_LAPSED, CL_HEALTH_RUNNING, CL_HEALTH_NO_DATA, TRUE },
    { CL_HEALTH_SLIPPING, CL_HEALTH_RUNNING, CL_HEALTH_LAPSED, CL_HEALTH_NO_DATA, TRUE },
    { CL_HEALTH_LAPSED, CL_HEALTH_LAPSED, CL_HEALTH_LAPSED, CL_HEALTH_RUNNING, TRUE },
    { CL_HEALTH_RUNNING, CL_HEALTH_SLIPPING, CL_HEALTH_SLIPPING, CL_HEALTH_RUNNING, FALSE },
    { CL_HEALTH_LAPSED, CL_HEALTH_LAPSED, CL_HEALTH_LAPSED, CL_HEALTH_LAPSED, FALSE },
    { CL_HEALTH_RUNNING, CL_HEALTH_NO_DATA, CL_HEALTH_RUNNING, CL_HEALTH_NO_DATA, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClLoopHealth health[CL_N_LOOPS] = {
        { .loop = CL_LOOP_PIPELINE_REVIEW, .state = cases[i].review },
        { .loop = CL_LOOP_DEAL_COACHING, .state = cases[i].coaching },
        { .loop = CL_LOOP_REP_DEVELOPMENT, .state = cases[i].development },
        { .loop = CL_LOOP_STRATEGY, .state = cases[i].strategy },
      };

      g_assert_cmpint (cl_loop_health_is_hollow (health), ==, cases[i].hollow);
    }
}

/* The retrospective of Q3, held in October, counts for Q3; Q4's is not due
 * until two weeks after Q4 ends, and lapses after that. */
static void
test_retro_counts_for_its_quarter (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) deals = add_deals (f, 1, 100000, "2026-06-01");
  g_autoptr (ClRetro) retro = retro_new ("2026-Q3", "2026-10-05", CL_RETRO_EXECUTION_DRIFTED);
  GListModel *series[CL_N_LOOPS];
  ClLoopHealth health[CL_N_LOOPS];

  review_every_week (f, g_array_index (deals, gint64, 0), "2026-06-29", "2026-11-16");
  g_assert_true (cl_store_add_retro (f->store, retro, &error));
  g_assert_no_error (error);

  /* before it was held, inside the two weeks: not due yet */
  compute (f, "2026-Q3", "2026-10-03", health);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_NO_DATA);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].why, ==, CL_HEALTH_WHY_NOT_DUE);
  assert_texts (&health[CL_LOOP_STRATEGY], "No data yet: the retrospective of 2026-Q3 is due by 2026-10-14", NULL);
  cl_loop_health_clear (health);

  compute (f, "2026-Q3", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].ran, ==, 1);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_RUNNING);
  cl_loop_health_clear (health);

  /* held in Q4, it does not stand in for Q4's */
  compute (f, "2026-Q4", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].ran, ==, 0);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_NO_DATA);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].why_on, ==, day ("2027-01-14"));
  assert_texts (&health[CL_LOOP_STRATEGY], "No data yet: the retrospective of 2026-Q4 is due by 2027-01-14", NULL);
  cl_loop_health_clear (health);
  compute (f, "2026-Q4", "2027-01-15", health);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_LAPSED);
  assert_texts (&health[CL_LOOP_STRATEGY],
                "0 of 1 quarter with a retrospective (0\u00a0%), 0 decided · 2026-10-01 – 2026-12-31",
                "Lapsed: it did not run; running needs 75\u00a0% of the quarters looked back on, "
                "half the retrospectives decided");
  cl_loop_health_clear (health);

  /* the trend: Q3 looked back on, Q4 nothing due yet */
  g_assert_true (cl_loop_health_trend (f->store, day ("2026-11-23"), 2, series, &error));
  {
    g_autoptr (ClTrendPoint) q3 = g_list_model_get_item (series[CL_LOOP_STRATEGY], 0);
    g_autoptr (ClTrendPoint) q4 = g_list_model_get_item (series[CL_LOOP_STRATEGY], 1);

    g_assert_cmpstr (q3->month, ==, "2026-Q3");
    g_assert_cmpfloat (q3->value, ==, 1);
    g_assert_cmpint (q4->n, ==, 0);
  }
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_object_unref (series[i]);
}

/* Adjusting the strategy asks first about the loops that lapsed, never
 * about the quarter's own retrospective: saving it is what runs that loop. */
static void
test_guard (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) deals = add_deals (f, 1, KEY_DEAL_CENTS, "2026-06-01");
  g_autoptr (ClRetro) retro = retro_new ("2026-Q3", "2026-10-20", CL_RETRO_ADJUST_STRATEGY);
  g_autoptr (ClRetroInputs) inputs = NULL;
  g_autoptr (ClRetroInputs) after = NULL;

  review_every_week (f, g_array_index (deals, gint64, 0), "2026-06-29", "2026-09-28");
  coach (f, g_array_index (deals, gint64, 0), "2026-08-04");

  /* held late, after the two weeks: the strategy loop lapsed, and so did
   * development, which nobody planned */
  inputs = cl_retro_inputs_load (f->path, "2026-Q3", day ("2026-10-20"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (inputs->health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_LAPSED);
  g_assert_cmpint (inputs->health[CL_LOOP_REP_DEVELOPMENT].state, ==, CL_HEALTH_LAPSED);
  g_assert_cmpuint (cl_retro_needs_confirmation (retro, inputs->health), ==, 1u << CL_LOOP_REP_DEVELOPMENT);
  g_clear_pointer (&inputs, cl_retro_inputs_unref);

  /* every rep planned every month: only the retrospective itself is missing */
  for (int rep = 0; rep < 3; rep++)
    for (int month = 7; month <= 9; month++)
      {
        g_autofree char *name = g_strdup_printf ("2026-%02d", month);

        plan (f, rep, name);
      }
  inputs = cl_retro_inputs_load (f->path, "2026-Q3", day ("2026-10-20"), &error);
  g_assert_cmpint (inputs->health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_LAPSED);
  g_assert_cmpuint (cl_retro_needs_confirmation (retro, inputs->health), ==, 0);

  /* saved, it is the quarter's beat */
  g_assert_true (cl_retro_save (f->store, retro, NULL, &error));
  g_assert_no_error (error);
  after = cl_retro_inputs_load (f->path, "2026-Q3", day ("2026-10-20"), &error);
  g_assert_cmpint (after->health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_RUNNING);
}

/* No data says why: a quarter before the team's first review (deals from
 * the CRM reach further back), a period to come, a week under way, no key
 * deal, an empty workspace; a retrospective of a quarter before the team
 * started still counts for it. */
static void
test_no_data_reasons (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) deals = add_deals (f, 1, 100000, "2026-01-10");
  g_autoptr (ClRetro) retro = retro_new ("2026-Q1", "2026-05-11", CL_RETRO_EXECUTION_DRIFTED);
  g_autofree char *empty_path = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr (ClStore) empty = cl_store_open (empty_path, &error);
  ClLoopHealth health[CL_N_LOOPS];
  ClDay first, last;

  review_every_week (f, g_array_index (deals, gint64, 0), "2026-05-04", "2026-11-16");

  compute (f, "2026-Q1", "2026-11-23", health);
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      g_assert_cmpint (health[i].state, ==, CL_HEALTH_NO_DATA);
      g_assert_cmpint (health[i].why, ==, CL_HEALTH_WHY_BEFORE_TEAM_START);
      g_assert_cmpint (health[i].why_on, ==, day ("2026-05-04"));
      assert_texts (&health[i], "No data: the team’s first pipeline review was 2026-05-04", NULL);
      g_assert_cmpstr (health[i].window, ==, "2026-01-01 – 2026-03-31");
    }
  cl_loop_health_clear (health);

  /* a retrospective of Q1 held in May counts for Q1 */
  g_assert_true (cl_store_add_retro (f->store, retro, &error));
  compute (f, "2026-Q1", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].why, ==, CL_HEALTH_WHY_BEFORE_TEAM_START);
  cl_loop_health_clear (health);

  compute (f, "2026-Q2", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpstr (health[CL_LOOP_PIPELINE_REVIEW].window, ==, "2026-05-04 – 2026-06-30");
  /* no deal of the key-deal size */
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].why, ==, CL_HEALTH_WHY_NOTHING_TO_RUN_ON);
  assert_texts (&health[CL_LOOP_DEAL_COACHING], "No data: no key deal was open", NULL);
  cl_loop_health_clear (health);

  compute (f, "2026-W48", "2026-11-23", health);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].why, ==, CL_HEALTH_WHY_NOT_DUE);
  assert_texts (&health[CL_LOOP_PIPELINE_REVIEW],
                "No data yet: this week counts once it is reviewed or ends (2026-11-29)", NULL);
  cl_loop_health_clear (health);

  compute (f, "2027-Q1", "2026-11-23", health);
  for (int i = 0; i < CL_N_LOOPS; i++)
    assert_texts (&health[i], "No data: the period has not started", NULL);
  cl_loop_health_clear (health);

  g_assert_true (cl_date_parse_quarter ("2026-Q4", &first, &last));
  g_assert_true (cl_loop_health_compute (empty, first, last, day ("2026-11-23"), health, &error));
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_assert_cmpint (health[i].why, ==, CL_HEALTH_WHY_NO_TEAM);
  g_assert_false (cl_loop_health_is_hollow (health));
  cl_loop_health_clear (health);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  FIXTURE_TEST ("/loop-health/near-zero", test_near_zero);
  FIXTURE_TEST ("/loop-health/two-in-three", test_two_in_three);
  FIXTURE_TEST ("/loop-health/retro-counts-for-its-quarter", test_retro_counts_for_its_quarter);
  FIXTURE_TEST ("/loop-health/guard", test_guard);
  FIXTURE_TEST ("/loop-health/no-data-reasons", test_no_data_reasons);
#undef FIXTURE_TEST
  g_test_add_func ("/loop-health/hollow", test_hollow);
  return g_test_run ();
}
