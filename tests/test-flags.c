/* test-flags.c — each inspection flag: when it fires, when it does not, what it says
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-action-load.h"
#include "cl-coaching.h"
#include "cl-flags.h"
#include "cl-text.h"
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
  cl_deal_set_text (deal, &deal->currency, "EUR");
  deal->created_on = day ("2026-10-01");
  deal->stage_entered_on = day ("2026-11-10");
  deal->close_date = day ("2026-12-15");
  cl_deal_set_text (deal, &deal->next_step, "Send the mutual plan");
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
  cl_deal_facts_add_change (f->facts, day (on), field, old_value, new_value);
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
  g_assert_cmpstr (why, ==, "No stage change for 34 days: in Qualification since 2026-10-20, "
                            "where deals stall after 21 days");
  /* worded for showing, the team's stage name is isolated; the sentence
   * exports carry, above, keeps it as it is */
  {
    char *shown[CL_N_FLAGS];

    cl_flags_evaluate_shown (f->process, f->facts, &f->settings, day ("2026-11-23"), shown);
    g_assert_cmpstr (shown[CL_FLAG_STALLED], ==,
                     "No stage change for 34 days: in \u2068Qualification\u2069 since 2026-10-20, "
                     "where deals stall after 21 days");
    cl_flag_explanations_clear (shown);
  }
  /* 20 days earlier it was not */
  g_assert_false (flags_at (f, "2026-11-03") & (1u << CL_FLAG_STALLED));
  /* a team that allows 40 days */
  f->settings.stalled_days = 40;
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_STALLED));
}

/* Each stage its own pace: a threshold set for the stage, or learned from
 * the won deals, wins over the team's. */
static void
test_stalled_per_stage (Fixture       *f,
                        gconstpointer  data)
{
  const int won_days[] = { 4, 6, 8, 10, 40 };   /* median 8: 1.5 × 8 = 12, under the floor of 14 */
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  ClStallThreshold *qualification = &f->process->stall[1];
  g_autofree char *why = NULL;
  g_autoptr (ClProcess) copy = NULL;
  ClProcess *original;

  add_event (f, "2026-11-06", "stage", "11", "12");
  /* 17 days in Qualification: not stalled at the team's 21 */
  g_assert_cmpint (qualification->source, ==, CL_STALL_FROM_TEAM);
  g_assert_cmpint (cl_flags_stalled_days (f->process, &f->settings, 12), ==, 21);
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_STALLED));

  /* learned: the floor, as the won deals' pace is quicker */
  g_array_append_vals (days, won_days, G_N_ELEMENTS (won_days));
  *qualification = cl_process_learn_stall (days);
  g_assert_cmpint (qualification->source, ==, CL_STALL_FROM_HISTORY);
  g_assert_cmpint (qualification->median_days, ==, 8);
  g_assert_cmpint (qualification->days, ==, CL_STALL_FLOOR_DAYS);
  why = explain (f, "2026-11-23", CL_FLAG_STALLED);
  g_assert_cmpstr (why, ==, "No stage change for 17 days: in Qualification since 2026-11-06, "
                            "where deals stall after 14 days");
  /* the other stages keep the team's */
  g_assert_cmpint (cl_flags_stalled_days (f->process, &f->settings, 13), ==, 21);
  /* a copy keeps what was learned, its stages too, once the process it
   * was made from is gone (a review window keeps the pipeline's) */
  original = cl_process_copy (f->process);
  copy = cl_process_copy (original);
  g_clear_pointer (&original, cl_process_free);
  g_assert_cmpuint (copy->stages->len, ==, f->process->stages->len);
  g_assert_cmpint (cl_process_stall (copy, 12)->days, ==, CL_STALL_FLOOR_DAYS);
  g_assert_cmpint (cl_process_stall (copy, 12)->source, ==, CL_STALL_FROM_HISTORY);
  g_assert_cmpstr (cl_process_find (copy, 12)->name, ==, "Qualification");

  /* set for the stage: it wins over what was learned, which is kept */
  cl_stall_threshold_apply (qualification, 30);
  g_assert_cmpint (qualification->source, ==, CL_STALL_FROM_STAGE);
  g_assert_cmpint (qualification->learned_days, ==, CL_STALL_FLOOR_DAYS);
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_STALLED));
  g_assert_true (flags_at (f, "2026-12-06") & (1u << CL_FLAG_STALLED));
  /* what is set on the process after the copy is not the copy's */
  g_assert_cmpint (cl_process_stall (copy, 12)->source, ==, CL_STALL_FROM_HISTORY);
  /* and back to learning */
  cl_stall_threshold_apply (qualification, 0);
  g_assert_cmpint (qualification->days, ==, CL_STALL_FLOOR_DAYS);
}

/* 1.5 × the median, rounded up, from five stays on; the median of an even
 * count is the middle two's mean. */
static void
test_learn_stall (void)
{
  const int slow[] = { 20, 22, 30, 31, 44, 60 };   /* median 30.5 → 31: 47 days */
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  ClStallThreshold learned;

  learned = cl_process_learn_stall (NULL);
  g_assert_cmpint (learned.source, ==, CL_STALL_FROM_TEAM);
  g_assert_cmpint (learned.days, ==, 0);
  g_array_append_vals (days, slow, 4);
  learned = cl_process_learn_stall (days);
  g_assert_cmpint (learned.source, ==, CL_STALL_FROM_TEAM);
  g_assert_cmpuint (learned.n_stays, ==, 4);
  g_array_append_vals (days, slow + 4, 2);
  learned = cl_process_learn_stall (days);
  g_assert_cmpint (learned.source, ==, CL_STALL_FROM_HISTORY);
  g_assert_cmpint (learned.median_days, ==, 31);
  g_assert_cmpint (learned.days, ==, 47);
  g_assert_cmpint (learned.learned_days, ==, 47);
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
  f->facts->n_events = 1;
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
  g_assert_cmpstr (why, ==, "Amount down from 120" NNBSP "000" NBSP "EUR to 90" NNBSP "000" NBSP "EUR since 2026-11-12");
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

  cl_deal_set_text (f->facts->deal, &f->facts->deal->next_step, "");
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
  f->facts->previous_review_week = "2026-W47";
  f->facts->last_review_week = "2026-W48";
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

/* Each value is read once, when the change is added, as the rules use it:
 * a next step set from none was empty, a status rewinds, an unreadable
 * day is none and pushes nothing, a field no rule follows is left out. */
static void
test_state_values (Fixture       *f,
                   gconstpointer  data)
{
  ClDealState state;

  add_event (f, "2026-10-10", "next_step", NULL, "Call the CFO");
  add_event (f, "2026-10-12", "owner", "3", "4");
  add_event (f, "2026-11-16", "close_date", "some day", "2026-12-15");
  add_event (f, "2026-11-20", "status", "won", "open");
  g_assert_cmpuint (f->facts->n_events, ==, 3);

  cl_deal_state_at (f->facts, day ("2026-10-05"), &state);
  g_assert_cmpstr (state.next_step, ==, "");
  g_assert_cmpuint (state.close_date, ==, 0);
  g_assert_cmpint (state.status, ==, CL_DEAL_WON);
  cl_deal_state_at (f->facts, day ("2026-11-19"), &state);
  g_assert_cmpstr (state.next_step, ==, "Send the mutual plan");
  g_assert_cmpint (state.status, ==, CL_DEAL_WON);
  cl_deal_state_at (f->facts, day ("2026-11-20"), &state);
  g_assert_cmpint (state.status, ==, CL_DEAL_OPEN);
  g_assert_false (flags_at (f, "2026-11-23") & (1u << CL_FLAG_CLOSE_DATE_PUSHED));
}

/* A next step's text is kept once, as the old text of the change that
 * replaced it: the new one is the next change's old text, or the deal's
 * own. A snapshot holds every open deal's history. */
static void
test_next_step_texts_once (Fixture       *f,
                           gconstpointer  data)
{
  ClDealState state;

  add_event (f, "2026-10-10", "next_step", "Book the demo", "Call the CFO");
  add_event (f, "2026-11-02", "next_step", "Call the CFO", "Send the mutual plan");
  g_assert_cmpuint (f->facts->texts_len, ==, sizeof "Book the demo" + sizeof "Call the CFO");

  cl_deal_state_at (f->facts, day ("2026-10-09"), &state);
  g_assert_cmpstr (state.next_step, ==, "Book the demo");
  cl_deal_state_at (f->facts, day ("2026-10-10"), &state);
  g_assert_cmpstr (state.next_step, ==, "Call the CFO");
  cl_deal_state_at (f->facts, day ("2026-11-02"), &state);
  g_assert_cmpstr (state.next_step, ==, "Send the mutual plan");
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
  g_assert_cmpstr (why, ==, "Key deal: 90" NNBSP "000" NBSP "EUR in \u2068Proposal\u2069 (40 %) · stalled 30 days in stage · "
                            "3 inspection flags");
  g_object_unref (entry);
}

/* The labels of raised flags, the most severe first. */
static void
test_join_labels (void)
{
  g_autofree char *none = cl_flags_join_labels (0, ", ");
  g_autofree char *two = cl_flags_join_labels (1u << CL_FLAG_SINGLE_THREADED | 1u << CL_FLAG_STALLED, " · ");
  g_autofree char *three = cl_flags_join_labels (1u << CL_FLAG_SINGLE_THREADED | 1u << CL_FLAG_NO_NEXT_STEP
                                                 | 1u << CL_FLAG_PAST_CLOSE_DATE, ", ");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (two, ==, "Stalled · Single-threaded");
  g_assert_cmpstr (three, ==, "Past close date, No next step, Single-threaded");
}

/* The documented order: past close date and moved backwards high,
 * single-threaded low; every flag once, never a less severe one first. */
static void
test_severity (void)
{
  guint seen = 0;

  g_assert_cmpint (cl_flag_severity (CL_FLAG_PAST_CLOSE_DATE), ==, CL_SEVERITY_HIGH);
  g_assert_cmpint (cl_flag_severity (CL_FLAG_STAGE_REGRESSED), ==, CL_SEVERITY_HIGH);
  g_assert_cmpint (cl_flag_severity (CL_FLAG_STALLED), ==, CL_SEVERITY_HIGH);
  g_assert_cmpint (cl_flag_severity (CL_FLAG_CLOSE_DATE_PUSHED), ==, CL_SEVERITY_MEDIUM);
  g_assert_cmpint (cl_flag_severity (CL_FLAG_SINGLE_THREADED), ==, CL_SEVERITY_LOW);
  g_assert_cmpint (cl_flags_by_severity[0], ==, CL_FLAG_PAST_CLOSE_DATE);
  g_assert_cmpint (cl_flags_by_severity[CL_N_FLAGS - 1], ==, CL_FLAG_SINGLE_THREADED);
  for (int i = 0; i < CL_N_FLAGS; i++)
    {
      seen |= 1u << cl_flags_by_severity[i];
      if (i > 0)
        g_assert_cmpint (cl_flag_severity (cl_flags_by_severity[i - 1]), >=,
                         cl_flag_severity (cl_flags_by_severity[i]));
    }
  g_assert_cmpuint (seen, ==, (1u << CL_N_FLAGS) - 1);
  g_assert_cmpint (cl_flags_severity_points (1u << CL_FLAG_PAST_CLOSE_DATE | 1u << CL_FLAG_SINGLE_THREADED), ==, 4);
}

/* The level from the points; the score from the points and the amount:
 * one more high flag outweighs up to four times the amount. */
static void
test_risk (void)
{
  guint high = 1u << CL_FLAG_PAST_CLOSE_DATE | 1u << CL_FLAG_STALLED;
  guint medium = 1u << CL_FLAG_STALLED;
  guint low = 1u << CL_FLAG_SINGLE_THREADED;

  g_assert_cmpint (cl_risk_level (0), ==, CL_RISK_NONE);
  g_assert_cmpint (cl_risk_level (low), ==, CL_RISK_LOW);
  g_assert_cmpint (cl_risk_level (low | 1u << CL_FLAG_SKIPPED_STAGE), ==, CL_RISK_LOW);
  g_assert_cmpint (cl_risk_level (medium), ==, CL_RISK_MEDIUM);
  g_assert_cmpint (cl_risk_level (1u << CL_FLAG_NO_NEXT_STEP | low), ==, CL_RISK_MEDIUM);
  g_assert_cmpint (cl_risk_level (high), ==, CL_RISK_HIGH);
  g_assert_cmpstr (cl_risk_level_label (CL_RISK_HIGH), ==, "High");

  g_assert_cmpfloat (cl_risk_score (0, 100000000), ==, 0);
  g_assert_cmpfloat (cl_risk_score (medium, 4000000), >, cl_risk_score (medium, 1000000));
  g_assert_cmpfloat (cl_risk_score (high, 1000000), >, cl_risk_score (medium, 3900000));
  g_assert_cmpfloat (cl_risk_score (medium, 9000000), >, cl_risk_score (high, 1000000));
  /* a deal of no amount still ranks by its flags */
  g_assert_cmpfloat (cl_risk_score (low, 0), >, 0);
}

static ClPipelineItem *
make_item (ClDealFacts *facts,
           gint64       amount_cents,
           guint        amount_rank)
{
  ClPipelineItem *item = g_object_new (CL_TYPE_PIPELINE_ITEM, NULL);

  item->facts = facts;
  item->state.amount_cents = amount_cents;
  item->amount_rank = amount_rank;
  item->n_deals = 40;
  return item;
}

/* A deal without flags forgets its past but for its last stage change and
 * what comes after the day, packed into a block: the state and the flags
 * from that day on are the same. */
static void
test_forget_past (Fixture       *f,
                  gconstpointer  data)
{
  const char *days[] = { "2026-11-23", "2026-11-26", "2026-12-20" };
  ClDealState before[G_N_ELEMENTS (days)], after;
  guint flags[G_N_ELEMENTS (days)];

  f->facts->deal->stage_id = 13;
  add_event (f, "2026-10-20", "stage", "11", "12");
  add_event (f, "2026-11-05", "amount", "8000000", "9500000");
  add_event (f, "2026-11-10", "stage", "12", "13");
  add_event (f, "2026-11-18", "next_step", "Call the CFO", "Send the mutual plan");
  add_event (f, "2026-11-25", "amount", "9500000", "9000000");
  f->facts->previous_review_on = day ("2026-11-16");
  f->facts->last_review_on = day ("2026-11-23");
  f->facts->previous_review_week = "2026-W47";
  f->facts->last_review_week = "2026-W48";
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      cl_deal_state_at (f->facts, day (days[i]), &before[i]);
      flags[i] = flags_at (f, days[i]);
    }
  /* 13 days in Solution; the next step changed between the reviews */
  g_assert_cmpuint (flags[0], ==, 0);

  cl_deal_facts_forget_past (f->facts, day ("2026-11-23"));
  g_assert_cmpuint (f->facts->texts_len, ==, 0);
  cl_deal_facts_pack (&f->facts, 1);
  g_assert_nonnull (f->facts->block);
  g_assert_cmpuint (f->facts->n_events, ==, 2);
  g_assert_cmpint (f->facts->events[0].occurred_on, ==, day ("2026-11-10"));
  g_assert_cmpint (f->facts->events[0].field, ==, CL_FACT_STAGE);
  g_assert_cmpint (f->facts->events[1].field, ==, CL_FACT_AMOUNT);
  g_assert_null (f->facts->texts);
  g_assert_cmpint (f->facts->previous_review_on, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      cl_deal_state_at (f->facts, day (days[i]), &after);
      g_assert_cmpint (after.stage_id, ==, before[i].stage_id);
      g_assert_cmpint (after.stage_entered_on, ==, before[i].stage_entered_on);
      g_assert_cmpint (after.amount_cents, ==, before[i].amount_cents);
      g_assert_cmpint (after.close_date, ==, before[i].close_date);
      g_assert_cmpstr (after.next_step, ==, before[i].next_step);
      g_assert_cmpint (after.status, ==, before[i].status);
      g_assert_cmpuint (flags_at (f, days[i]), ==, flags[i]);
    }
  /* packed facts still take a change, in arrays of their own */
  add_event (f, "2026-11-30", "next_step", "Send the mutual plan", "Sign");
  g_assert_null (f->facts->block);
  g_assert_cmpuint (f->facts->n_events, ==, 3);
  g_assert_cmpint (f->facts->events[1].field, ==, CL_FACT_AMOUNT);
  cl_deal_state_at (f->facts, day ("2026-11-29"), &after);
  g_assert_cmpstr (after.next_step, ==, "Send the mutual plan");

  /* what comes after the day still counts; then stalled and late */
  g_assert_cmpuint (flags[1], ==, 1u << CL_FLAG_AMOUNT_DECREASED);
  g_assert_true (flags[2] & 1u << CL_FLAG_PAST_CLOSE_DATE);
  g_assert_true (flags[2] & 1u << CL_FLAG_STALLED);
}

/* A deal whose name and account fold to themselves lowered ("—" and ASCII)
 * keeps no folded copy of them, and is found as one that does: "chloe"
 * finds "Chloé", "ACME" finds "Acme". */
static void
test_search_text (Fixture       *f,
                  gconstpointer  data)
{
  const char *names[][2] = { { "Acme Rollout", "ACME Corp" }, { "Renewal", "Chloé Dupré SA" },
                             { "Pilot — Phase 2", NULL } };
  const char *needles[] = { "acme", "ACME", "rollout", "e rollout", "corp", "chloe", "dupre sa", "pilot",
                            "É", "東", "", "nothing", "acme rollout acme" };
  const gboolean found[][G_N_ELEMENTS (needles)] = {
    { TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE, FALSE, TRUE, FALSE, FALSE },
    { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, FALSE, TRUE, FALSE, FALSE },
    { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, FALSE, FALSE },
  };
  g_autoptr (GPtrArray) facts = g_ptr_array_new ();
  g_autoptr (GListModel) snapshot = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ClDeal) deal = cl_deal_new ();

      deal->id = i + 1;
      deal->stage_id = 12;
      cl_deal_set_text (deal, &deal->name, names[i][0]);
      cl_deal_set_text (deal, &deal->account, names[i][1]);
      g_ptr_array_add (facts, cl_deal_facts_new (deal));
    }
  snapshot = cl_pipeline_inspect_facts (facts, f->process, &f->settings, day ("2026-11-23"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      /* "é" folds to "e"; "—" to itself */
      g_assert_true ((item->search_text == NULL) == (i != 1));
      for (guint j = 0; j < G_N_ELEMENTS (needles); j++)
        {
          g_autofree char *needle = cl_text_fold (needles[j]);

          g_assert_cmpint (cl_pipeline_item_matches_text (item, needle), ==, found[i][j]);
        }
    }
}

/* The sentence that says why: the level, the two most severe flags, where
 * the amount ranks. */
static void
test_explain_risk (Fixture       *f,
                   gconstpointer  data)
{
  ClDay today = day ("2026-12-27");
  g_autoptr (ClPipelineItem) item = NULL;
  g_autofree char *high = NULL, *low = NULL, *none = NULL, *many = NULL;

  /* in Qualification since 2026-11-10, closing 2026-12-15: 12 days late and 47 days in stage */
  add_event (f, "2026-11-10", "stage", "11", "12");
  f->facts->deal->next_step_due = day ("2027-01-08");
  item = make_item (g_steal_pointer (&f->facts), 9000000, 4);
  high = cl_pipeline_item_explain_risk (item, f->process, &f->settings, today);
  g_assert_cmpstr (high, ==, "High risk: past its close date by 12 days and stalled 47 days in \u2068Qualification\u2069; "
                             "4th largest open deal");

  item->facts->n_contacts = 1;
  cl_deal_set_text (item->facts->deal, &item->facts->deal->next_step, "");
  many = cl_pipeline_item_explain_risk (item, f->process, &f->settings, today);
  g_assert_cmpstr (many, ==, "High risk: past its close date by 12 days, stalled 47 days in \u2068Qualification\u2069 "
                             "and 2 more flags; 4th largest open deal");

  item->amount_rank = 31;
  low = cl_pipeline_item_explain_risk (item, f->process, &f->settings, day ("2026-11-20"));
  g_assert_cmpstr (low, ==, "Medium risk: no next step and single-threaded; smaller than 75 % of open deals");

  item->facts->n_contacts = 2;
  cl_deal_set_text (item->facts->deal, &item->facts->deal->next_step, "Send the mutual plan");
  item->amount_rank = 1;
  none = cl_pipeline_item_explain_risk (item, f->process, &f->settings, day ("2026-11-20"));
  g_assert_cmpstr (none, ==, "No flags; largest open deal");
}

/* The agenda: the highest risk first, whatever the count of flags. */
static void
test_agenda_by_risk (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GListStore) snapshot = g_list_store_new (CL_TYPE_PIPELINE_ITEM);
  g_autoptr (GPtrArray) agenda = NULL;
  const struct { gint64 cents; guint flags; } deals[] = {
    { 1000000, 1u << CL_FLAG_SINGLE_THREADED | 1u << CL_FLAG_SKIPPED_STAGE | 1u << CL_FLAG_QUALIFICATION_GAP },
    { 20000000, 0 },
    { 5000000, 1u << CL_FLAG_PAST_CLOSE_DATE | 1u << CL_FLAG_STALLED },
    { 20000000, 1u << CL_FLAG_SINGLE_THREADED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      g_autoptr (ClDeal) deal = cl_deal_new ();
      g_autoptr (ClPipelineItem) item = NULL;

      deal->id = i + 1;
      item = make_item (cl_deal_facts_new (deal), deals[i].cents, 0);
      item->flags = deals[i].flags;
      item->risk = cl_risk_score (item->flags, item->state.amount_cents);
      g_list_store_append (snapshot, item);
    }
  agenda = cl_pipeline_agenda (G_LIST_MODEL (snapshot));
  /* 6 × √50 000, 1 × √200 000, 3 × √10 000, then none */
  g_assert_cmpint (((ClPipelineItem *) g_ptr_array_index (agenda, 0))->facts->deal->id, ==, 3);
  g_assert_cmpint (((ClPipelineItem *) g_ptr_array_index (agenda, 1))->facts->deal->id, ==, 4);
  g_assert_cmpint (((ClPipelineItem *) g_ptr_array_index (agenda, 2))->facts->deal->id, ==, 1);
  g_assert_cmpint (((ClPipelineItem *) g_ptr_array_index (agenda, 3))->facts->deal->id, ==, 2);
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
  FLAG_TEST ("/flags/stalled-per-stage", test_stalled_per_stage);
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
  FLAG_TEST ("/flags/state-values", test_state_values);
  FLAG_TEST ("/flags/next-step-texts-once", test_next_step_texts_once);
  FLAG_TEST ("/flags/forget-past", test_forget_past);
  FLAG_TEST ("/pipeline/search-text", test_search_text);
  FLAG_TEST ("/coaching/reasons", test_coaching_reasons);
  FLAG_TEST ("/risk/explain", test_explain_risk);
  FLAG_TEST ("/risk/agenda", test_agenda_by_risk);
#undef FLAG_TEST
  g_test_add_func ("/flags/action-load", test_action_load);
  g_test_add_func ("/flags/join-labels", test_join_labels);
  g_test_add_func ("/flags/learn-stall", test_learn_stall);
  g_test_add_func ("/flags/severity", test_severity);
  g_test_add_func ("/risk/level-and-score", test_risk);
  return g_test_run ();
}
