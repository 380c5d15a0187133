/* test-flags.c — each inspection flag: when it fires, when it does not, what it says
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-action-load.h"
#include "cl-coaching.h"
#include "cl-flags.h"
#include "test-util.h"

typedef struct
{
  ClProcess     *process;
  ClDealFacts   *facts;
  ClFlagSettings settings;
} Fixture;

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* Stages 1–4 with ids 11–14; Qualification requires the economic buyer. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GListStore) stages = g_list_store_new (CL_TYPE_STAGE);
  const char *names[] = { "Discovery", "Qualification", "Solution", "Proposal" };
  ClDeal *deal = cl_deal_new ();

  for (int i = 0; i < 4; i++)
    {
      g_autoptr (ClStage) stage = cl_stage_new (names[i], i + 1, 10 * (i + 1));

      stage->id = 11 + i;
      if (i == 1)
        stage->required_meddic = 1 << CL_MEDDIC_ECONOMIC_BUYER;
      g_list_store_append (stages, stage);
    }
  f->process = cl_process_new_from_stages (G_LIST_MODEL (stages));

  /* a healthy deal: two contacts, economic buyer known, moving, next step due */
  deal->id = 1;
  deal->name = g_strdup ("Acme — Rollout");
  deal->stage_id = 12;
  deal->amount_cents = 9000000;
  cl_record_set_text (&deal->currency, "EUR");
  deal->created_on = day ("2026-10-01");
  deal->stage_entered_on = day ("2026-11-10");
  deal->close_date = day ("2026-12-15");
  cl_record_set_text (&deal->next_step, "Send the mutual plan");
  deal->next_step_due = day ("2026-11-27");
  f->facts = cl_deal_facts_new (deal);
  g_object_unref (deal);
  f->facts->n_contacts = 2;
  f->facts->known_meddic = 1 << CL_MEDDIC_ECONOMIC_BUYER;
  cl_flag_settings_init (&f->settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cl_deal_facts_free (f->facts);
  cl_process_free (f->process);
}

static void
add_event (Fixture    *f,
           const char *on,
           const char *field,
           const char *old_value,
           const char *new_value)
{
  ClDealEvent *event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

  event->occurred_on = day (on);
  event->field = g_strdup (field);
  event->old_value = g_strdup (old_value);
  event->new_value = g_strdup (new_value);
  g_ptr_array_add (f->facts->events, event);
}

/* Evaluates as of @as_of; returns @flag's sentence, or NULL when it did not fire. */
static char *
explain (Fixture    *f,
         const char *as_of,
         ClFlag      flag)
{
  char *why[CL_N_FLAGS];
  guint flags = cl_flags_evaluate (f->process, f->facts, &f->settings, day (as_of), why);
  char *sentence = g_steal_pointer (&why[flag]);

  g_assert_cmpint (!!(flags & (1u << flag)), ==, sentence != NULL);
  cl_flag_explanations_clear (why);
  return sentence;
}

static guint
flags_at (Fixture    *f,
          const char *as_of)
{
  return cl_flags_evaluate (f->process, f->facts, &f->settings, day (as_of), NULL);
}

static void
test_healthy (Fixture       *f,
              gconstpointer  data)
{
  add_event (f, "2026-11-10", "stage", "11", "12");
  g_assert_cmpuint (flags_at (f, "2026-11-23"), ==, 0);
}

static void
test_stalled (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *why = NULL;

  add_event (f, "2026-10-20", "stage", "11", "12");
  /* 34 days: stalled at the default 21 */
  why = explain (f, "2026-11-23", CL_FLAG_STALLED);
  g_assert_cmpstr (why, ==, "No stage change for 34 days: in Qualification since 2026-10-20");
  /* worded for showing, the team's stage name is isolated; the sentence
   * exports carry, above, keeps it as it is */
  {
    char *shown[CL_N_FLAGS];

    cl_flags_evaluate_shown (f->process, f->facts, &f->settings, day ("2026-11-23"), shown);
    g_assert_cmpstr (shown[CL_FLAG_STALLED], ==,
                     "No stage change for 34 days: in \u2068Qualification\u2069 since 2026-10-20");
    cl_flag_explanations_clear (shown);
  }
  /* 20 days earlier it was not */
  g_assert_false (flags_at (f, "2026-11-03") & (1u << CL_FLAG_STALLED));
  /* a team that allows 40 days */
  f->settings.stalled_days = 40;
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_STALLED));
}

static void
test_close_date_pushed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *why = NULL;
  g_autofree char *before = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  add_event (f, "2026-09-01", "close_date", "2026-10-15", "2026-11-01");
  add_event (f, "2026-10-20", "close_date", "2026-11-01", "2026-11-30");
  add_event (f, "2026-11-16", "close_date", "2026-11-30", "2026-12-15");
  why = explain (f, "2026-11-23", CL_FLAG_CLOSE_DATE_PUSHED);
  g_assert_cmpstr (why, ==, "Close date pushed 3 times since 2026-09-01, now 2026-12-15");
  /* as of mid-October only the first push had happened */
  before = explain (f, "2026-10-15", CL_FLAG_CLOSE_DATE_PUSHED);
  g_assert_cmpstr (before, ==, "Close date pushed once since 2026-09-01, now 2026-11-01");
  /* pulled in is not pushed */
  g_ptr_array_set_size (f->facts->events, 1);
  add_event (f, "2026-11-16", "close_date", "2026-12-30", "2026-12-15");
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_CLOSE_DATE_PUSHED));
}

static void
test_amount_decreased (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *why = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  add_event (f, "2026-11-12", "amount", "12000000", "9000000");
  why = explain (f, "2026-11-23", CL_FLAG_AMOUNT_DECREASED);
  g_assert_cmpstr (why, ==, "Amount down from 120 000 EUR to 90 000 EUR since 2026-11-12");
  g_assert_false (flags_at (f, "2026-11-11") & (1u << CL_FLAG_AMOUNT_DECREASED));
  /* back up to where it was: nothing decreased */
  add_event (f, "2026-11-20", "amount", "9000000", "12000000");
  f->facts->deal->amount_cents = 12000000;
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_AMOUNT_DECREASED));
}

static void
test_stage_regressed (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *why = NULL;

  add_event (f, "2026-10-01", "stage", "11", "13");
  add_event (f, "2026-11-10", "stage", "13", "12");
  why = explain (f, "2026-11-23", CL_FLAG_STAGE_REGRESSED);
  g_assert_cmpstr (why, ==, "Moved back from Solution to Qualification on 2026-11-10");
  /* outside the 90-day window it no longer counts */
  g_assert_false (flags_at (f, "2027-03-01") & (1u << CL_FLAG_STAGE_REGRESSED));
}

static void
test_next_step (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *overdue = NULL;
  g_autofree char *none = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  overdue = explain (f, "2026-11-30", CL_FLAG_NEXT_STEP_OVERDUE);
  g_assert_cmpstr (overdue, ==, "Next step “Send the mutual plan” was due 2026-11-27, 3 days ago");
  g_assert_false (flags_at (f, "2026-11-27") & (1u << CL_FLAG_NEXT_STEP_OVERDUE));

  cl_record_set_text (&f->facts->deal->next_step, "");
  none = explain (f, "2026-11-23", CL_FLAG_NO_NEXT_STEP);
  g_assert_cmpstr (none, ==, "No next step is recorded");
  /* no next step is not also an overdue one */
  g_assert_false (flags_at (f, "2026-11-30") & (1u << CL_FLAG_NEXT_STEP_OVERDUE));
}

static void
test_past_close_date (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *why = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  why = explain (f, "2026-12-16", CL_FLAG_PAST_CLOSE_DATE);
  g_assert_cmpstr (why, ==, "Close date 2026-12-15 passed 1 day ago; still open");
  g_assert_false (flags_at (f, "2026-12-15") & (1u << CL_FLAG_PAST_CLOSE_DATE));
}

static void
test_single_threaded (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *one = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  f->facts->n_contacts = 1;
  one = explain (f, "2026-11-23", CL_FLAG_SINGLE_THREADED);
  g_assert_cmpstr (one, ==, "Only one contact at the account");
}

static void
test_qualification_gap (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *why = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  f->facts->known_meddic = 1 << CL_MEDDIC_METRICS;
  why = explain (f, "2026-11-23", CL_FLAG_QUALIFICATION_GAP);
  g_assert_cmpstr (why, ==, "Economic buyer still unknown at Qualification, which requires it");
  /* before Qualification nothing was required */
  g_assert_false (flags_at (f, "2026-11-09") & (1u << CL_FLAG_QUALIFICATION_GAP));
}

static void
test_skipped_stage (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *why = NULL;

  f->facts->deal->stage_id = 14;
  add_event (f, "2026-11-10", "stage", "12", "14");
  why = explain (f, "2026-11-23", CL_FLAG_SKIPPED_STAGE);
  g_assert_cmpstr (why, ==, "Entered Proposal on 2026-11-10 from Qualification, skipping Solution");
  g_assert_false (flags_at (f, "2026-11-09") & (1u << CL_FLAG_SKIPPED_STAGE));
}

static void
test_repeat_recital (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *why = NULL;

  add_event (f, "2026-11-10", "stage", "11", "12");
  f->facts->previous_review_on = day ("2026-11-16");
  f->facts->last_review_on = day ("2026-11-23");
  f->facts->previous_review_week = g_strdup ("2026-W47");
  f->facts->last_review_week = g_strdup ("2026-W48");
  why = explain (f, "2026-11-23", CL_FLAG_REPEAT_RECITAL);
  g_assert_cmpstr (why, ==, "Same stage (Qualification) and next step “Send the mutual plan” "
                            "at the reviews of 2026-W47 and 2026-W48");

  /* the next step changed between the two reviews: something moved */
  add_event (f, "2026-11-18", "next_step", "Call the CFO", "Send the mutual plan");
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_REPEAT_RECITAL));
}

/* The state of a past day is the current one with later events undone. */
static void
test_state_at (Fixture       *f,
               gconstpointer  data)
{
  ClDealState state;

  add_event (f, "2026-10-20", "stage", "11", "13");
  add_event (f, "2026-11-10", "stage", "13", "12");
  add_event (f, "2026-11-12", "amount", "12000000", "9000000");
  add_event (f, "2026-11-16", "close_date", "2026-11-30", "2026-12-15");
  add_event (f, "2026-11-18", "next_step", "Call the CFO", "Send the mutual plan");

  cl_deal_state_at (f->facts, day ("2026-11-01"), &state);
  g_assert_true (state.existed);
  g_assert_cmpint (state.stage_id, ==, 13);
  g_assert_cmpuint (state.stage_entered_on, ==, day ("2026-10-20"));
  g_assert_cmpint (state.amount_cents, ==, 12000000);
  g_assert_cmpuint (state.close_date, ==, day ("2026-11-30"));
  g_assert_cmpstr (state.next_step, ==, "Call the CFO");

  cl_deal_state_at (f->facts, day ("2026-10-05"), &state);
  g_assert_cmpint (state.stage_id, ==, 11);
  g_assert_cmpuint (state.stage_entered_on, ==, day ("2026-10-01"));

  cl_deal_state_at (f->facts, day ("2026-09-30"), &state);
  g_assert_false (state.existed);
}

/* Open actions against the cap: under, at (one more is too many), over. */
static void
test_action_load (void)
{
  ClRepLoad *load = g_object_new (CL_TYPE_REP_LOAD, NULL);
  g_autofree char *over = NULL, *at = NULL;

  g_assert_cmpint (cl_action_load_state (0, 5), ==, CL_LOAD_UNDER_CAP);
  g_assert_cmpint (cl_action_load_state (5, 5), ==, CL_LOAD_AT_CAP);
  g_assert_cmpint (cl_action_load_state (6, 5), ==, CL_LOAD_OVER_CAP);

  load->n_open_actions = 7;
  load->n_overdue_actions = 1;
  over = cl_action_load_describe (load, 5);
  g_assert_cmpstr (over, ==, "7 open actions, 2 over the team’s cap of 5; 1 overdue");
  load->n_open_actions = 5;
  load->n_overdue_actions = 0;
  at = cl_action_load_describe (load, 5);
  g_assert_cmpstr (at, ==, "5 open actions, at the team’s cap");
  g_object_unref (load);
}

/* Why a deal is in the coaching queue: big at a likely stage, stalled,
 * or carrying enough flags. Stage 14 (Proposal) is 40 % in the fixture. */
static void
test_coaching_reasons (Fixture       *f,
                       gconstpointer  data)
{
  ClPipelineItem *item = g_object_new (CL_TYPE_PIPELINE_ITEM, NULL);
  ClCoachingSettings settings;
  ClCoachingEntry *entry = g_object_new (CL_TYPE_COACHING_ENTRY, NULL);
  g_autofree char *why = NULL;

  cl_coaching_settings_init (&settings);
  item->facts = g_steal_pointer (&f->facts);
  item->state.stage_id = 12;
  item->state.amount_cents = 9000000;      /* 90 000: key-sized, but Qualification is 20 % */
  g_assert_cmpuint (cl_coaching_reasons (item, f->process, &settings), ==, 0);
  item->state.stage_id = 14;
  g_assert_cmpuint (cl_coaching_reasons (item, f->process, &settings), ==, CL_COACH_KEY_DEAL);
  item->state.amount_cents = 4999999;      /* just under the key-deal amount */
  g_assert_cmpuint (cl_coaching_reasons (item, f->process, &settings), ==, 0);
  item->flags = 1u << CL_FLAG_STALLED;
  item->days_in_stage = 30;
  g_assert_cmpuint (cl_coaching_reasons (item, f->process, &settings), ==, CL_COACH_STALLED);
  item->flags |= 1u << CL_FLAG_NO_NEXT_STEP | 1u << CL_FLAG_SINGLE_THREADED;
  item->state.amount_cents = 9000000;
  g_assert_cmpuint (cl_coaching_reasons (item, f->process, &settings), ==,
                    CL_COACH_KEY_DEAL | CL_COACH_STALLED | CL_COACH_FLAGGED);

  entry->item = item;
  entry->reasons = cl_coaching_reasons (item, f->process, &settings);
  why = cl_coaching_entry_explain (entry, f->process);
  /* the stage is the team's own name: isolated in the line */
  g_assert_cmpstr (why, ==, "Key deal: 90 000 EUR in \u2068Proposal\u2069 (40 %) · stalled 30 days in stage · "
                            "3 inspection flags");
  g_object_unref (entry);
}

/* The labels of raised flags, in the flags' own order. */
static void
test_join_labels (void)
{
  g_autofree char *none = cl_flags_join_labels (0, ", ");
  g_autofree char *two = cl_flags_join_labels (1u << CL_FLAG_SINGLE_THREADED | 1u << CL_FLAG_STALLED, " · ");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (two, ==, "Stalled · Single-threaded");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define FLAG_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  FLAG_TEST ("/flags/healthy", test_healthy);
  FLAG_TEST ("/flags/stalled", test_stalled);
  FLAG_TEST ("/flags/close-date-pushed", test_close_date_pushed);
  FLAG_TEST ("/flags/amount-decreased", test_amount_decreased);
  FLAG_TEST ("/flags/stage-regressed", test_stage_regressed);
  FLAG_TEST ("/flags/next-step", test_next_step);
  FLAG_TEST ("/flags/past-close-date", test_past_close_date);
  FLAG_TEST ("/flags/single-threaded", test_single_threaded);
  FLAG_TEST ("/flags/qualification-gap", test_qualification_gap);
  FLAG_TEST ("/flags/skipped-stage", test_skipped_stage);
  FLAG_TEST ("/flags/repeat-recital", test_repeat_recital);
  FLAG_TEST ("/flags/state-at", test_state_at);
  FLAG_TEST ("/coaching/reasons", test_coaching_reasons);
#undef FLAG_TEST
  g_test_add_func ("/flags/action-load", test_action_load);
  g_test_add_func ("/flags/join-labels", test_join_labels);
  return g_test_run ();
}
