/* test-store.c — the workspace: round trips, migrations, rules, bad files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "cl-coaching.h"
#include "cl-development.h"
#include "cl-loop-health.h"
#include "cl-retro.h"
#include "cl-review-export.h"
#include "cl-review-outcome.h"
#include "cl-store-private.h"
#include "test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  ClStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("closeloop-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* a directory that does not exist yet: the store makes it */
  f->path = g_build_filename (f->dir, "sub", "workspace.db", NULL);
  f->store = cl_store_open (f->path, &error);
  g_assert_no_error (error);
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

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* A rep, a stage and a deal every other test can hang things on. */
static ClDeal *
add_basic_deal (ClStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) rep = cl_rep_new ("Ana Okafor");
  g_autoptr (ClStage) stage = cl_stage_new ("Discovery", 1, 10);
  ClDeal *deal = cl_deal_new ();

  g_assert_true (cl_store_add_rep (store, rep, &error));
  g_assert_true (cl_store_add_stage (store, stage, &error));
  deal->name = g_strdup ("Acme — Rollout");
  deal->account = g_strdup ("Acme");
  deal->owner_id = rep->id;
  deal->stage_id = stage->id;
  deal->amount_cents = 1250000;
  cl_deal_set_text (deal, &deal->currency, "EUR");
  deal->created_on = day ("2026-10-01");
  deal->close_date = day ("2026-12-15");
  cl_deal_set_text (deal, &deal->next_step, "Demo");
  deal->next_step_due = day ("2026-11-25");
  g_assert_true (cl_store_add_deal (store, deal, &error));
  g_assert_no_error (error);
  return deal;
}

/* How many open actions @rep_id carries, from the store's load listing. */
static int
open_actions_of (ClStore *store,
                 gint64   rep_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) loads = cl_store_list_rep_loads (store, day ("2026-11-23"), rep_id, &error);
  g_autoptr (ClRepLoad) load = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 1);
  load = g_list_model_get_item (loads, 0);
  g_assert_cmpint (load->rep_id, ==, rep_id);
  return load->n_open_actions;
}

static void
test_file_mode (Fixture       *f,
                gconstpointer  data)
{
  GStatBuf st;
  g_autofree char *parent = g_path_get_dirname (f->path);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (cl_store_get_schema_version (f->store), ==, CL_STORE_SCHEMA_VERSION);
}

/* A deal read from the store keeps its texts in one block, not eight
 * strings each with its allocator's header (a snapshot of 100 000 deals
 * holds them all); changing one splits them, and leaves the others as
 * they were, whatever the new text is made from. */
static void
test_deal_texts_in_one_block (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClDeal) read = cl_store_get_deal (f->store, deal->id, &error);
  const char *texts[] = { read->name, read->account, read->currency, read->next_step, read->status_reason,
                          read->owner_name, read->stage_name };
  gsize block = 0;

  g_assert_no_error (error);
  g_assert_nonnull (read->texts);
  g_assert_null (read->external_id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_nonnull (texts[i]);
      g_assert_true (texts[i] >= read->texts);
      block = MAX (block, (gsize) (texts[i] - read->texts) + strlen (texts[i]) + 1);
    }
  /* the texts and nothing else: the largest ends where the block does */
  g_assert_cmpuint (block, ==, strlen ("Acme — Rollout") + strlen ("Acme") + strlen ("EUR") + strlen ("Demo")
                               + strlen ("") + strlen ("Ana Okafor") + strlen ("Discovery") + 7);

  cl_deal_set_text (read, &read->account, read->name);
  g_assert_null (read->texts);
  g_assert_cmpstr (read->account, ==, "Acme — Rollout");
  g_assert_cmpstr (read->name, ==, "Acme — Rollout");
  g_assert_cmpstr (read->next_step, ==, "Demo");
  g_assert_cmpstr (read->owner_name, ==, "Ana Okafor");
  g_assert_null (read->external_id);
  cl_deal_set_text (read, &read->external_id, "crm:1");
  g_assert_cmpstr (read->external_id, ==, "crm:1");
}

static void
test_pipeline_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClDeal) read = NULL;
  g_autoptr (ClStage) later = cl_stage_new ("Proposal", 2, 60);
  g_autoptr (GListModel) events = NULL;
  g_autoptr (GListModel) contacts = NULL;
  g_autoptr (GListModel) decisions = NULL;
  g_autoptr (GListModel) reviews = NULL;
  g_autoptr (GListModel) actions = NULL;
  g_autoptr (ClContact) contact = g_object_new (CL_TYPE_CONTACT, NULL);
  g_autoptr (ClReview) review = g_object_new (CL_TYPE_REVIEW, NULL);
  g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
  g_autoptr (ClAction) action = cl_action_new ("Book the CFO", deal->owner_id, day ("2026-11-30"));
  ClQualificationState states[CL_MEDDIC_N_ELEMENTS];

  read = cl_store_get_deal (f->store, deal->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Acme — Rollout");
  g_assert_cmpstr (read->owner_name, ==, "Ana Okafor");
  g_assert_cmpstr (read->stage_name, ==, "Discovery");
  g_assert_cmpint (read->amount_cents, ==, 1250000);
  g_assert_cmpuint (read->close_date, ==, day ("2026-12-15"));
  g_assert_cmpuint (read->next_step_due, ==, day ("2026-11-25"));
  g_assert_cmpint (read->status, ==, CL_DEAL_OPEN);

  /* an update writes one dated event per changed field */
  g_assert_true (cl_store_add_stage (f->store, later, &error));
  read->stage_id = later->id;
  read->close_date = day ("2027-01-31");
  g_assert_true (cl_store_update_deal (f->store, read, day ("2026-11-20"), &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = cl_store_get_deal (f->store, deal->id, &error);
  g_assert_cmpstr (read->stage_name, ==, "Proposal");
  g_assert_cmpuint (read->stage_entered_on, ==, day ("2026-11-20"));
  events = cl_store_list_deal_events (f->store, deal->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);   /* created, stage, close date */
  {
    g_autoptr (ClDealEvent) pushed = g_list_model_get_item (events, 2);

    g_assert_cmpstr (pushed->field, ==, "close_date");
    g_assert_cmpstr (pushed->old_value, ==, "2026-12-15");
    g_assert_cmpstr (pushed->new_value, ==, "2027-01-31");
    g_assert_cmpuint (pushed->occurred_on, ==, day ("2026-11-20"));
  }

  contact->deal_id = deal->id;
  contact->name = g_strdup ("Bo Lind");
  contact->title = g_strdup ("CFO");
  contact->role = g_strdup ("economic_buyer");
  g_assert_true (cl_store_add_contact (f->store, contact, &error));
  contacts = cl_store_list_contacts (f->store, deal->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);

  g_assert_true (cl_store_set_qualification (f->store, deal->id, CL_MEDDIC_CHAMPION,
                                             CL_QUALIFICATION_CONFIRMED, "Bo", &error));
  g_assert_true (cl_store_get_qualification (f->store, deal->id, states, &error));
  g_assert_cmpint (states[CL_MEDDIC_CHAMPION], ==, CL_QUALIFICATION_CONFIRMED);
  g_assert_cmpint (states[CL_MEDDIC_METRICS], ==, CL_QUALIFICATION_UNKNOWN);

  action->deal_id = deal->id;
  action->created_on = day ("2026-11-23");
  cl_record_set_text (&action->source, "review");
  g_assert_true (cl_store_add_action (f->store, action, &error));
  review->week = g_strdup ("2026-W48");
  review->held_on = day ("2026-11-23");
  g_assert_true (cl_store_add_review (f->store, review, &error));
  decision->review_id = review->id;
  decision->deal_id = deal->id;
  decision->decision = CL_DECISION_NEXT_ACTION;
  decision->action_id = action->id;
  g_assert_true (cl_store_add_review_decision (f->store, decision, &error));
  g_assert_no_error (error);

  reviews = cl_store_list_reviews (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 1);
  {
    g_autoptr (ClReview) r = g_list_model_get_item (reviews, 0);

    g_assert_cmpstr (r->week, ==, "2026-W48");
    g_assert_cmpuint (r->n_deals, ==, 1);
    g_assert_cmpuint (r->n_decisions, ==, 1);
  }
  decisions = cl_store_list_review_decisions (f->store, review->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);

  actions = cl_store_list_open_actions (f->store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  g_assert_true (cl_store_complete_action (f->store, action->id, day ("2026-11-24"), &error));
  g_clear_object (&actions);
  actions = cl_store_list_open_actions (f->store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);

  g_assert_cmpint (cl_store_count_deals (f->store, &error), ==, 1);
  g_assert_true (cl_store_set_setting_int (f->store, "max_open_actions", 5, &error));
  g_assert_cmpint (cl_store_get_setting_int (f->store, "max_open_actions", 3), ==, 5);
  g_assert_cmpint (cl_store_get_setting_int (f->store, "unset", 3), ==, 3);
}

static void
test_coaching_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClCoachingSession) session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  g_autoptr (ClCall) read = NULL;
  g_autoptr (GListModel) sessions = NULL;
  g_autoptr (GListModel) items = NULL;

  session->deal_id = deal->id;
  session->held_on = day ("2026-11-20");
  session->trigger = g_strdup ("stalled");
  session->evidence = g_strdup ("Buyer: “not before budget”");
  session->next_move = g_strdup ("Ask the CFO about Q1");
  session->private_notes = g_strdup ("private");
  g_assert_true (cl_store_add_coaching_session (f->store, session, &error));
  g_assert_true (cl_store_set_follow_up (f->store, session->id, CL_FOLLOW_UP_HAPPENED, "done", &error));
  g_assert_no_error (error);
  sessions = cl_store_list_coaching_sessions (f->store, 0, &error);
  {
    g_autoptr (ClCoachingSession) s = g_list_model_get_item (sessions, 0);

    g_assert_cmpstr (s->deal_name, ==, deal->name);
    g_assert_cmpstr (s->evidence, ==, "Buyer: “not before budget”");
    g_assert_cmpint (s->follow_up, ==, CL_FOLLOW_UP_HAPPENED);
    g_assert_cmpstr (s->follow_up_note, ==, "done");
    g_assert_cmpstr (s->private_notes, ==, "private");
  }
  g_assert_false (cl_store_set_follow_up (f->store, 9999, CL_FOLLOW_UP_HAPPENED, "", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  call->rep_id = deal->owner_id;
  call->deal_id = deal->id;
  call->held_on = day ("2026-11-19");
  call->title = g_strdup ("Discovery");
  call->transcript = g_strdup ("WEBVTT\n\n");
  call->transcript_format = g_strdup ("vtt");
  call->duration_s = 1800;
  call->talk_ratio = 0.62;
  call->longest_monologue_s = 95;
  call->questions = 11;
  call->switches_per_minute = 1.5;
  call->patience_s = -1;   /* not measured */
  g_assert_true (cl_store_add_call (f->store, call, &error));
  items = cl_store_list_team_list (f->store, CL_TEAM_LIST_SCORECARD, &error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  g_assert_true (cl_store_set_call_score (f->store, call->id, "dated_next_step", 4, &error));
  g_assert_true (cl_store_set_call_score (f->store, call->id, "dated_next_step", 2, &error));
  g_assert_cmpint (cl_store_get_call_score (f->store, call->id, "dated_next_step", &error), ==, 2);
  g_assert_cmpint (cl_store_get_call_score (f->store, call->id, "multi_threaded", &error), ==, 0);
  g_assert_false (cl_store_set_call_score (f->store, call->id, "dated_next_step", 6, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_set_call_score (f->store, call->id, "no_such_item", 3, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  read = cl_store_get_call (f->store, call->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->rep_name, ==, "Ana Okafor");
  g_assert_cmpstr (read->transcript_format, ==, "vtt");
  g_assert_cmpfloat_with_epsilon (read->talk_ratio, 0.62, 1e-9);
  g_assert_cmpint (read->longest_monologue_s, ==, 95);
  g_assert_cmpint (read->questions, ==, 11);
  g_assert_cmpfloat (read->patience_s, <, 0);
  g_assert_cmpfloat_with_epsilon (read->mean_score, 2.0, 1e-9);
}

static void
test_development_and_retro_round_trip (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClDevPlan) plan = g_object_new (CL_TYPE_DEV_PLAN, NULL);
  g_autoptr (ClDevPlan) twice = g_object_new (CL_TYPE_DEV_PLAN, NULL);
  g_autoptr (ClPracticeEntry) entry = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);
  g_autoptr (ClPracticeEntry) other_focus = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);
  g_autoptr (ClRetro) retro = g_object_new (CL_TYPE_RETRO, NULL);
  g_autoptr (GListModel) plans = NULL;
  g_autoptr (GListModel) entries = NULL;
  g_autoptr (GListModel) retros = NULL;

  plan->rep_id = deal->owner_id;
  plan->month = g_strdup ("2026-11");
  plan->focus = g_strdup ("discovery_depth");
  plan->target_repetitions = 10;
  plan->target_score = 4;
  plan->lookback = CL_LOOKBACK_PARTLY;
  plan->lookback_evidence = g_strdup ("better on practice calls");
  g_assert_true (cl_store_add_dev_plan (f->store, plan, &error));
  g_assert_no_error (error);

  /* one focus per rep per month */
  twice->rep_id = deal->owner_id;
  twice->month = g_strdup ("2026-11");
  twice->focus = g_strdup ("objection_handling");
  g_assert_false (cl_store_add_dev_plan (f->store, twice, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  entry->rep_id = deal->owner_id;
  entry->logged_on = day ("2026-11-10");
  entry->focus = g_strdup ("discovery_depth");
  entry->self_score = 3;
  g_assert_true (cl_store_add_practice_entry (f->store, entry, &error));
  other_focus->rep_id = deal->owner_id;
  other_focus->logged_on = day ("2026-11-11");
  other_focus->focus = g_strdup ("multi_threading");
  other_focus->self_score = 4;
  g_assert_true (cl_store_add_practice_entry (f->store, other_focus, &error));
  entries = cl_store_list_practice_entries (f->store, deal->owner_id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  plans = cl_store_list_dev_plans (f->store, &error);
  {
    g_autoptr (ClDevPlan) p = g_list_model_get_item (plans, 0);

    g_assert_cmpstr (p->rep_name, ==, "Ana Okafor");
    g_assert_cmpint (p->practice_done, ==, 1);   /* only drills on the plan's focus count */
    g_assert_cmpint (p->lookback, ==, CL_LOOKBACK_PARTLY);
    g_assert_cmpstr (p->lookback_evidence, ==, "better on practice calls");
  }

  retro->quarter = g_strdup ("2026-Q3");
  retro->held_on = day ("2026-10-05");
  retro->findings = g_strdup ("Coaching lapsed");
  retro->root_causes = CL_ROOT_CAUSE_DISCIPLINE | CL_ROOT_CAUSE_SYSTEM;
  retro->decision = CL_RETRO_EXECUTION_DRIFTED;
  retro->restart_plan = g_strdup ("Mondays again");
  g_assert_true (cl_store_add_retro (f->store, retro, &error));
  retros = cl_store_list_retros (f->store, &error);
  {
    g_autoptr (ClRetro) r = g_list_model_get_item (retros, 0);

    g_assert_cmpstr (r->quarter, ==, "2026-Q3");
    g_assert_cmpuint (r->root_causes, ==, CL_ROOT_CAUSE_DISCIPLINE | CL_ROOT_CAUSE_SYSTEM);
    g_assert_cmpint (r->decision, ==, CL_RETRO_EXECUTION_DRIFTED);
    g_assert_cmpstr (r->restart_plan, ==, "Mondays again");
  }
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClDeal) orphan = cl_deal_new ();
  g_autoptr (ClReview) review = g_object_new (CL_TYPE_REVIEW, NULL);
  g_autoptr (ClRetro) retro = g_object_new (CL_TYPE_RETRO, NULL);
  g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);

  /* a deal owned by nobody: a foreign key */
  orphan->name = g_strdup ("Orphan");
  orphan->owner_id = 4242;
  orphan->stage_id = deal->stage_id;
  orphan->created_on = day ("2026-11-01");
  orphan->close_date = day ("2026-12-01");
  g_assert_false (cl_store_add_deal (f->store, orphan, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  g_assert_cmpint (cl_store_count_deals (f->store, NULL), ==, 1);

  review->week = g_strdup ("2026-47");
  review->held_on = day ("2026-11-23");
  g_assert_false (cl_store_add_review (f->store, review, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  retro->quarter = g_strdup ("2026-Q5");
  retro->held_on = day ("2026-11-23");
  g_assert_false (cl_store_add_retro (f->store, retro, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a next-action decision must name its action: a CHECK */
  g_free (review->week);
  review->week = g_strdup ("2026-W47");
  g_assert_true (cl_store_add_review (f->store, review, &error));
  decision->review_id = review->id;
  decision->deal_id = deal->id;
  decision->decision = CL_DECISION_NEXT_ACTION;
  g_assert_false (cl_store_add_review_decision (f->store, decision, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
}

/* A read apart reads on a connection of its own what the workspace holds,
 * and says why it failed: its own read, or a workspace it could not open. */
static void
test_read_apart (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (GError) error = NULL;
  int n_reps = -1;

  g_assert_true (cl_store_read_apart_join (cl_store_read_apart (f->path, cl_test_count_reps, &n_reps),
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_reps, ==, 1);
  g_assert_false (cl_store_read_apart_join (cl_store_read_apart (f->path, cl_test_refuse_read, NULL),
                                            &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a read whose failure goes untold */
  g_assert_false (cl_store_read_apart_join (cl_store_read_apart (f->path, cl_test_refuse_read, NULL), NULL));
  g_assert_false (cl_store_read_apart_join (cl_store_read_apart ("/proc/self/no.db", cl_test_count_reps, &n_reps),
                                            &error));
  g_assert_nonnull (error);
}

/* A failed step inside a nested transaction undoes the whole of it. */
static void
test_nested_transaction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) rep = cl_rep_new ("Kept out");

  g_assert_true (cl_store_begin (f->store, &error));
  g_assert_true (cl_store_add_rep (f->store, rep, &error));
  g_assert_true (cl_store_begin (f->store, &error));
  cl_store_rollback (f->store);
  g_assert_false (cl_store_commit (f->store, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_FAILED);
  {
    g_autoptr (GListModel) reps = cl_store_list_reps (f->store, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 0);
  }
}

static gpointer
roll_back_later (gpointer other)
{
  g_usleep (100 * 1000);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

/* Another program holding the write lock: once the connection's wait for
 * it is over (short here) the write fails with a message that says so,
 * and nothing is half-written; a connection told to wait longer writes
 * once the lock is let go. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) rep = cl_rep_new ("Waiting");
  g_autoptr (GListModel) reps = NULL;
  GThread *letting_go;
  sqlite3 *other;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  cl_store_set_busy_wait (f->store, 50);
  g_assert_false (cl_store_add_rep (f->store, rep, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, f->path));
  reps = cl_store_list_reps (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 0);

  cl_store_set_busy_wait (f->store, 60000);
  letting_go = g_thread_new ("letting-go", roll_back_later, other);
  g_assert_true (cl_store_add_rep (f->store, rep, NULL));
  g_thread_join (letting_go);
  sqlite3_close (other);
  g_clear_object (&reps);
  reps = cl_store_list_reps (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 1);
}

/* Running a review: decisions are upserts, a next action is an open action
 * and goes away when the decision changes. */
static void
test_record_decisions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClReview) review = cl_store_open_review (f->store, "2026-W48", day ("2026-11-23"),
                                                      "Ana, Bo", &error);
  g_autoptr (ClReview) again = cl_store_open_review (f->store, "2026-W48", day ("2026-11-24"), "", &error);
  g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
  g_autoptr (ClAction) action = cl_action_new ("Book the CFO", deal->owner_id, day ("2026-11-30"));
  g_autoptr (GListModel) decisions = NULL;
  g_autoptr (ClReview) listed = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, review->id);
  decision->review_id = review->id;
  decision->deal_id = deal->id;
  decision->decision = CL_DECISION_NEXT_ACTION;
  action->deal_id = deal->id;
  cl_record_set_text (&action->source, "review");
  g_assert_true (cl_store_record_decision (f->store, decision, action, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_actions_of (f->store, deal->owner_id), ==, 1);

  /* changed to "keep": the action it made is gone, one decision remains */
  decision->decision = CL_DECISION_KEEP;
  g_assert_true (cl_store_record_decision (f->store, decision, NULL, &error));
  g_assert_cmpint (open_actions_of (f->store, deal->owner_id), ==, 0);
  decisions = cl_store_list_review_decisions (f->store, review->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
  listed = cl_store_find_review (f->store, "2026-W48", &error);
  g_assert_cmpuint (listed->n_decisions, ==, 0);   /* keep is not a decision that changes anything */

  /* changed back to a next action: the decision keeps its id, not the
   * new action's, which was the last row inserted */
  {
    gint64 kept_id = decision->id;
    g_autoptr (ClAction) next = cl_action_new ("Send the proposal", deal->owner_id, day ("2026-12-02"));
    g_autoptr (ClReviewDecision) stored = NULL;

    /* two actions of the team first: the next one's id is not the decision's */
    for (int i = 0; i < 2; i++)
      {
        g_autoptr (ClAction) other = cl_action_new ("Call the champion", deal->owner_id, day ("2026-12-01"));

        cl_record_set_text (&other->source, "manual");
        g_assert_true (cl_store_add_action (f->store, other, &error));
      }
    next->deal_id = deal->id;
    cl_record_set_text (&next->source, "review");
    decision->decision = CL_DECISION_NEXT_ACTION;
    g_assert_true (cl_store_record_decision (f->store, decision, next, &error));
    g_assert_cmpint (decision->id, ==, kept_id);
    g_clear_object (&decisions);
    decisions = cl_store_list_review_decisions (f->store, review->id, &error);
    stored = g_list_model_get_item (decisions, 0);
    g_assert_cmpint (stored->id, ==, kept_id);
    g_assert_cmpint (stored->action_id, ==, next->id);
  }
}

/* What a review produced counts every decision, "keep" included, as the
 * export does; only a review that decided nothing gets the warning. */
static void
test_review_outcome (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClReview) review = cl_store_open_review (f->store, "2026-W48", day ("2026-11-23"), "Ana", &error);
  g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *decisions;
  ClReviewOutcome outcome = { 0 };

  g_assert_nonnull (cl_review_outcome_warning (&outcome));
  g_assert_nonnull (strstr (cl_review_outcome_warning (&outcome), "meeting, not a loop"));
  cl_review_outcome_add (&outcome, CL_DECISION_KEEP);
  g_assert_cmpuint (cl_review_outcome_count (&outcome), ==, 1);
  g_assert_cmpuint (cl_review_outcome_actions (&outcome), ==, 0);
  g_assert_null (cl_review_outcome_warning (&outcome));
  cl_review_outcome_add (&outcome, CL_DECISION_NEXT_ACTION);
  g_assert_cmpuint (cl_review_outcome_count (&outcome), ==, 2);
  g_assert_cmpuint (cl_review_outcome_actions (&outcome), ==, 1);

  /* the export of a review that only kept a deal counts that keep */
  decision->review_id = review->id;
  decision->deal_id = deal->id;
  decision->decision = CL_DECISION_KEEP;
  g_assert_true (cl_store_record_decision (f->store, decision, NULL, &error));
  root = cl_review_export_build (f->store, "2026-W48", &error);
  g_assert_no_error (error);
  decisions = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root),
                                                                            "totals"), "decisions");
  g_assert_cmpint (json_object_get_int_member (decisions, "keep"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (decisions, "next_action"), ==, 0);
}

static char *
scorecard_keys (ClStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) items = cl_store_list_team_list (store, CL_TEAM_LIST_SCORECARD, &error);
  g_autoptr (GString) keys = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (ClTeamListItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (keys, "%s%s", i ? " " : "", item->key);
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* The team edits its scorecard: add, rename, reorder, retire and bring back;
 * scores given under a retired item stay. */
static void
test_scorecard_editing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  g_autofree char *keys = NULL;
  gint64 id;

  call->rep_id = deal->owner_id;
  call->held_on = day ("2026-11-02");
  call->title = g_strdup ("Intro");
  g_assert_true (cl_store_add_call (f->store, call, &error));
  g_assert_true (cl_store_set_call_score (f->store, call->id, "multi_threaded", 4, &error));

  id = cl_store_add_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, "  Named the décision-maker! ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  keys = scorecard_keys (f->store);
  g_assert_cmpstr (keys, ==, "asked_before_pitching agreed_before_objection surfaced_pain "
                             "dated_next_step multi_threaded named_the_decision_maker");
  g_clear_pointer (&keys, g_free);

  g_assert_cmpint (cl_store_add_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, "Named the decision maker", &error), ==, 0);
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (cl_store_add_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, " — ", &error), ==, 0);
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_rename_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, id, "  ", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_store_rename_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, 9999, "x", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cl_store_rename_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, id, "Found the economic buyer", &error));
  g_assert_true (cl_store_move_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, id, 0, &error));
  g_assert_no_error (error);
  keys = scorecard_keys (f->store);
  g_assert_cmpstr (keys, ==, "named_the_decision_maker asked_before_pitching agreed_before_objection "
                             "surfaced_pain dated_next_step multi_threaded");
  g_clear_pointer (&keys, g_free);

  {
    g_autoptr (GListModel) items = cl_store_list_team_list (f->store, CL_TEAM_LIST_SCORECARD, &error);
    g_autoptr (ClTeamListItem) first = g_list_model_get_item (items, 0);
    g_autoptr (ClTeamListItem) multi = g_list_model_get_item (items, 5);

    g_assert_cmpstr (first->label, ==, "Found the economic buyer");
    g_assert_true (cl_store_retire_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, multi->id, TRUE, &error));
    keys = scorecard_keys (f->store);
    g_assert_cmpstr (keys, ==, "named_the_decision_maker asked_before_pitching agreed_before_objection "
                               "surfaced_pain dated_next_step");
    g_clear_pointer (&keys, g_free);
    /* the score given under it is kept */
    g_assert_cmpint (cl_store_get_call_score (f->store, call->id, "multi_threaded", &error), ==, 4);
    /* and the undo brings it back where it was */
    g_assert_true (cl_store_retire_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, multi->id, FALSE, &error));
    keys = scorecard_keys (f->store);
    g_assert_cmpstr (keys, ==, "named_the_decision_maker asked_before_pitching agreed_before_objection "
                               "surfaced_pain dated_next_step multi_threaded");
    g_clear_pointer (&keys, g_free);
    /* retired, then added again by name: the same item, at the end */
    g_assert_true (cl_store_retire_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, first->id, TRUE, &error));
    g_assert_cmpint (cl_store_add_team_list_item (f->store, CL_TEAM_LIST_SCORECARD, "Named the decision-maker", &error), ==, first->id);
    g_assert_no_error (error);
  }
  keys = scorecard_keys (f->store);
  g_assert_cmpstr (keys, ==, "asked_before_pitching agreed_before_objection surfaced_pain "
                             "dated_next_step multi_threaded named_the_decision_maker");
}

/* A rep's calls month by month: scores (all items or one), talk ratio and
 * questions; months without calls are there, empty. */
static void
test_call_trend (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  const struct { const char *held_on; double talk_ratio; int questions; int pitch; int next_step; } calls[] = {
    { "2026-08-04", 0.70, 3, 2, 2 },
    { "2026-08-20", 0.60, 5, 3, 2 },
    { "2026-10-09", 0.50, 9, 4, 5 },
    { "2026-12-01", 0.10, 1, 1, 1 },   /* after the period */
  };
  g_autoptr (GListModel) all = NULL;
  g_autoptr (GListModel) one = NULL;
  g_autoptr (GListModel) talk = NULL;
  g_autoptr (GListModel) questions = NULL;
  g_autoptr (ClTrendPoint) aug = NULL;
  g_autoptr (ClTrendPoint) sep = NULL;
  g_autoptr (ClTrendPoint) oct = NULL;
  g_autoptr (ClTrendPoint) nov = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);

      call->rep_id = deal->owner_id;
      call->held_on = day (calls[i].held_on);
      call->title = g_strdup ("Call");
      call->talk_ratio = calls[i].talk_ratio;
      call->questions = calls[i].questions;
      g_assert_true (cl_store_add_call (f->store, call, &error));
      g_assert_true (cl_store_set_call_score (f->store, call->id, "asked_before_pitching", calls[i].pitch, &error));
      g_assert_true (cl_store_set_call_score (f->store, call->id, "dated_next_step", calls[i].next_step, &error));
    }

  all = cl_store_list_call_trend (f->store, deal->owner_id, CL_CALL_MEASURE_SCORE, NULL,
                                  day ("2026-06-15"), day ("2026-11-23"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 6);
  aug = g_list_model_get_item (all, 2);
  sep = g_list_model_get_item (all, 3);
  oct = g_list_model_get_item (all, 4);
  nov = g_list_model_get_item (all, 5);
  g_assert_cmpstr (aug->month, ==, "2026-08");
  g_assert_cmpint (aug->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (aug->value, 2.25, 1e-9);
  g_assert_cmpint (sep->n, ==, 0);
  g_assert_cmpfloat_with_epsilon (oct->value, 4.5, 1e-9);
  g_assert_cmpstr (nov->month, ==, "2026-11");
  g_assert_cmpint (nov->n, ==, 0);

  one = cl_store_list_call_trend (f->store, deal->owner_id, CL_CALL_MEASURE_SCORE, "dated_next_step",
                                  day ("2026-08-01"), day ("2026-10-31"), &error);
  g_clear_object (&aug);
  aug = g_list_model_get_item (one, 0);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 3);
  g_assert_cmpfloat_with_epsilon (aug->value, 2.0, 1e-9);

  talk = cl_store_list_call_trend (f->store, deal->owner_id, CL_CALL_MEASURE_TALK_RATIO, NULL,
                                   day ("2026-08-01"), day ("2026-08-31"), &error);
  g_clear_object (&aug);
  aug = g_list_model_get_item (talk, 0);
  g_assert_cmpfloat_with_epsilon (aug->value, 0.65, 1e-9);
  questions = cl_store_list_call_trend (f->store, deal->owner_id, CL_CALL_MEASURE_QUESTIONS, NULL,
                                        day ("2026-08-01"), day ("2026-12-31"), &error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 5);
  g_clear_object (&aug);
  aug = g_list_model_get_item (questions, 0);
  g_assert_cmpfloat_with_epsilon (aug->value, 4.0, 1e-9);
  g_assert_no_error (error);
}

/* A month's plan, its evidence, practice against its goal, the look-back,
 * the draft of the next month, and the team view. */
static void
test_development_loop (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClRep) other = cl_rep_new ("Bo Lind");
  g_autoptr (ClRep) manager = cl_rep_new ("Mia Manager");
  g_autoptr (ClRep) found = NULL;
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  g_autoptr (ClDevPlan) plan = g_object_new (CL_TYPE_DEV_PLAN, NULL);
  g_autoptr (ClDevPlan) read = NULL;
  g_autoptr (ClDevPlan) draft = NULL;
  g_autoptr (ClPracticeEntry) entry = NULL;
  g_autoptr (GListModel) evidence = NULL;
  g_autoptr (GListModel) team = NULL;
  g_autoptr (GListModel) november = NULL;
  g_autoptr (GArray) calls = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *progress_text = NULL, *agenda = NULL;
  ClPracticeProgress progress;
  gint64 ana = deal->owner_id;

  manager->is_manager = TRUE;
  g_assert_true (cl_store_add_rep (f->store, other, &error));
  g_assert_true (cl_store_add_rep (f->store, manager, &error));
  found = cl_store_find_rep (f->store, "ANA okafor", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, ana);
  g_assert_null (cl_store_find_rep (f->store, "Nobody", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  call->rep_id = ana;
  call->held_on = day ("2026-09-20");
  call->title = g_strdup ("Discovery");
  g_assert_true (cl_store_add_call (f->store, call, &error));
  g_array_append_val (calls, call->id);

  /* a plan needs one of the team's skills, and a focus at all */
  plan->rep_id = ana;
  plan->month = g_strdup ("2026-10");
  plan->drill = g_strdup ("Five discovery openings");
  plan->target_repetitions = 4;
  plan->target_score = 4;
  g_assert_false (cl_development_save_plan (f->store, plan, calls, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  plan->focus = g_strdup ("juggling");
  g_assert_false (cl_development_save_plan (f->store, plan, calls, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (plan->id, ==, 0);
  cl_record_set_text (&plan->focus, "discovery_depth");
  g_assert_true (cl_development_save_plan (f->store, plan, calls, NULL, &error));
  g_assert_no_error (error);
  evidence = cl_store_list_plan_evidence_calls (f->store, plan->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);

  /* practice: only drills on the focus in the plan's month count */
  entry = cl_development_log_practice (f->store, ana, day ("2026-10-03"), "discovery_depth", 3, "", "", &error);
  g_assert_nonnull (entry);
  g_clear_object (&entry);
  entry = cl_development_log_practice (f->store, ana, day ("2026-10-09"), "discovery_depth", 4, "CFO", "", &error);
  g_clear_object (&entry);
  entry = cl_development_log_practice (f->store, ana, day ("2026-10-10"), "price_hold", 5, "", "", &error);
  g_clear_object (&entry);
  entry = cl_development_log_practice (f->store, ana, day ("2026-11-01"), "discovery_depth", 5, "", "", &error);
  g_clear_object (&entry);
  g_assert_null (cl_development_log_practice (f->store, ana, day ("2026-10-11"), "discovery_depth", 0, "", "", &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cl_practice_progress_load (f->store, plan, &progress, &error));
  g_assert_cmpint (progress.done, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.mean_score, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cl_practice_progress_fraction (&progress), 0.5, 1e-9);
  progress_text = cl_practice_progress_describe (&progress);
  g_assert_cmpstr (progress_text, ==, "2 of 4 drills · mean self-score 3.5 (target 4)");
  november = cl_store_list_practice_entries (f->store, ana, "2026-10", &error);
  g_assert_cmpuint (g_list_model_get_n_items (november), ==, 3);

  /* the look-back: partly; next month starts from it */
  plan->lookback = CL_LOOKBACK_PARTLY;
  cl_record_set_text (&plan->lookback_evidence, "Deeper on practice calls, not yet live");
  g_assert_true (cl_development_save_plan (f->store, plan, calls, NULL, &error));
  read = cl_store_get_dev_plan (f->store, ana, "2026-10", &error);
  g_assert_cmpint (read->lookback, ==, CL_LOOKBACK_PARTLY);
  g_assert_null (cl_store_get_dev_plan (f->store, ana, "2026-11", &error));
  g_assert_no_error (error);
  draft = cl_development_draft_plan (f->store, ana, "2026-11", &error);
  g_assert_cmpstr (draft->focus, ==, "discovery_depth");
  g_assert_cmpstr (draft->drill, ==, "Five discovery openings");
  g_assert_cmpint (draft->target_repetitions, ==, 4);
  g_assert_cmpstr (draft->justification, ==,
                   "Carried over from 2026-10: the focus partly moved. Deeper on practice calls, not yet live");
  g_assert_cmpint (draft->id, ==, 0);

  /* a retired skill is no longer offered, and comes back by name */
  {
    g_autoptr (GListModel) skills = cl_store_list_team_list (f->store, CL_TEAM_LIST_SKILLS, &error);
    g_autoptr (ClTeamListItem) price = g_list_model_get_item (skills, 1);

    g_assert_cmpstr (price->key, ==, "price_hold");
    g_assert_true (cl_store_retire_team_list_item (f->store, CL_TEAM_LIST_SKILLS, price->id, TRUE, &error));
    g_assert_null (cl_development_log_practice (f->store, ana, day ("2026-10-12"), "price_hold", 3, "", "", &error));
    g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (cl_store_add_team_list_item (f->store, CL_TEAM_LIST_SKILLS, "Price hold", &error), ==,
                     price->id);
  }

  /* the team in November: both reps without a plan, the manager left out */
  team = cl_development_team_month (f->store, "2026-11", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (team), ==, 2);
  g_assert_true (cl_development_save_plan (f->store, draft, NULL, NULL, &error));
  g_clear_object (&team);
  team = cl_development_team_month (f->store, "2026-11", &error);
  {
    g_autoptr (ClRepMonth) first = g_list_model_get_item (team, 0);
    g_autoptr (ClRepMonth) second = g_list_model_get_item (team, 1);
    g_autofree char *described = cl_rep_month_describe (second);

    g_assert_cmpstr (first->rep->name, ==, "Bo Lind");
    g_assert_null (first->plan);
    g_assert_cmpint (second->progress.done, ==, 1);
    g_assert_cmpstr (described, ==,
                     "\u2068Discovery depth\u2069 · 1 of 4 drills · mean self-score 5.0 (target 4) · "
                     "2026-10 look-back: the focus partly moved");
  }

  /* the 1:1 agenda is kept per rep and day */
  g_assert_null (cl_store_get_one_on_one (f->store, ana, day ("2026-11-23"), &error));
  g_assert_no_error (error);
  g_assert_true (cl_store_save_one_on_one (f->store, ana, day ("2026-11-23"), "first", &error));
  g_assert_true (cl_store_save_one_on_one (f->store, ana, day ("2026-11-23"), "second", &error));
  agenda = cl_store_get_one_on_one (f->store, ana, day ("2026-11-23"), &error);
  g_assert_cmpstr (agenda, ==, "second");
}

static void
compute_health (ClStore      *store,
                const char   *period,
                ClLoopHealth  health[CL_N_LOOPS])
{
  g_autoptr (GError) error = NULL;
  ClDay first, last;

  g_assert_true (cl_date_parse_period (period, &first, &last));
  g_assert_true (cl_loop_health_compute (store, first, last, day ("2026-11-23"), health, &error));
  g_assert_no_error (error);
}

/* A team that reviews every week and holds its retrospective, but never
 * coaches and never plans: the fast loops run, the slow ones lapse, and the
 * cadence is hollow. Coaching the one key deal later makes that loop slip
 * until the next move is followed up. */
static void
test_skipped_loops (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClDeal) key_deal = cl_deal_new ();
  g_autoptr (ClRetro) retro = g_object_new (CL_TYPE_RETRO, NULL);
  g_autoptr (ClCoachingSession) session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
  ClLoopHealth health[CL_N_LOOPS];
  ClDay monday;

  key_deal->name = g_strdup ("Big — Expansion");
  key_deal->account = g_strdup ("Big");
  key_deal->owner_id = deal->owner_id;
  key_deal->stage_id = deal->stage_id;
  key_deal->amount_cents = 20000000;   /* 200 000: a key deal */
  cl_deal_set_text (key_deal, &key_deal->currency, "EUR");
  key_deal->created_on = day ("2026-06-01");
  key_deal->close_date = day ("2026-12-20");
  cl_store_add_deal (f->store, key_deal, &error);
  g_assert_no_error (error);

  /* a review with a decision every week of Q3 and of Q4 so far */
  for (monday = day ("2026-06-29"); monday <= day ("2026-11-16"); monday += 7)
    {
      g_autoptr (ClReview) review = g_object_new (CL_TYPE_REVIEW, NULL);
      g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);

      review->week = cl_date_iso_week (monday);
      review->held_on = monday + 1;
      g_assert_true (cl_store_add_review (f->store, review, &error));
      decision->review_id = review->id;
      decision->deal_id = deal->id;
      decision->decision = CL_DECISION_KEEP;
      g_assert_true (cl_store_add_review_decision (f->store, decision, &error));
    }
  retro->quarter = g_strdup ("2026-Q3");
  retro->held_on = day ("2026-10-02");
  retro->decision = CL_RETRO_EXECUTION_DRIFTED;
  g_assert_true (cl_store_add_retro (f->store, retro, &error));
  g_assert_no_error (error);

  compute_health (f->store, "2026-Q4", health);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].expected, ==, 8);   /* W40–W47; W48 is under way */
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].ran, ==, 8);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].state, ==, CL_HEALTH_RUNNING);
  /* Q3's retrospective, held in October, is Q3's; Q4's is not due yet */
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_NO_DATA);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].why, ==, CL_HEALTH_WHY_NOT_DUE);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].expected, ==, 1);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_LAPSED);
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].expected, ==, 2);   /* one rep, two months */
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].state, ==, CL_HEALTH_LAPSED);
  g_assert_true (cl_loop_health_is_hollow (health));
  g_assert_cmpstr (health[CL_LOOP_PIPELINE_REVIEW].window, ==, "2026-10-01 – 2026-11-23");
  cl_loop_health_clear (health);

  /* Q3: its retrospective counts for it, held after it ended */
  compute_health (f->store, "2026-Q3", health);
  g_assert_cmpint (health[CL_LOOP_STRATEGY].state, ==, CL_HEALTH_RUNNING);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].expected, ==, 14);   /* W27–W40 */
  cl_loop_health_clear (health);

  /* a week, and a period to come */
  compute_health (f->store, "2026-W46", health);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].ran, ==, 1);
  cl_loop_health_clear (health);
  compute_health (f->store, "2027-Q1", health);
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_assert_cmpint (health[i].state, ==, CL_HEALTH_NO_DATA);
  cl_loop_health_clear (health);

  /* the key deal coached to a next move: coaching ran, its output pending */
  session->deal_id = key_deal->id;
  session->held_on = day ("2026-11-10");
  session->trigger = g_strdup ("key_deal");
  session->evidence = g_strdup ("“Budget is frozen until January”");
  session->next_move = g_strdup ("Ask the CFO what unfreezes it");
  g_assert_true (cl_store_add_coaching_session (f->store, session, &error));
  compute_health (f->store, "2026-Q4", health);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].ran, ==, 1);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_SLIPPING);
  g_assert_true (cl_loop_health_is_hollow (health));   /* development still lapsed */
  cl_loop_health_clear (health);
  g_assert_true (cl_store_set_follow_up (f->store, session->id, CL_FOLLOW_UP_HAPPENED, "", &error));
  compute_health (f->store, "2026-Q4", health);
  g_assert_cmpint (health[CL_LOOP_DEAL_COACHING].state, ==, CL_HEALTH_RUNNING);
  cl_loop_health_clear (health);
}

static void
add_closed_deal_in (ClStore      *store,
                    ClDeal       *like,
                    ClDealStatus  status,
                    const char   *reason,
                    const char   *created,
                    const char   *closed,
                    const char   *currency)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = cl_deal_new ();
  g_autoptr (ClDealEvent) event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

  deal->name = g_strdup_printf ("Closed %s", closed);
  deal->account = g_strdup ("Closed");
  deal->owner_id = like->owner_id;
  deal->stage_id = like->stage_id;
  deal->amount_cents = 1000000;
  cl_deal_set_text (deal, &deal->currency, currency);
  deal->created_on = day (created);
  deal->close_date = day (closed);
  deal->status = status;
  cl_deal_set_text (deal, &deal->status_reason, reason);
  g_assert_true (cl_store_add_deal (store, deal, &error));
  event->deal_id = deal->id;
  event->occurred_on = day (closed);
  event->field = g_strdup ("status");
  event->old_value = g_strdup ("open");
  event->new_value = g_strdup (cl_deal_status_to_string (status));
  g_assert_true (cl_store_add_deal_event (store, event, &error));
  g_assert_no_error (error);
}

static void
add_closed_deal (ClStore      *store,
                 ClDeal       *like,
                 ClDealStatus  status,
                 const char   *reason,
                 const char   *created,
                 const char   *closed)
{
  add_closed_deal_in (store, like, status, reason, created, closed, "EUR");
}

/* The quarter's inputs come from the store; a retrospective that finds
 * execution drifted restarts loops as owners' actions, and deciding
 * otherwise later takes them back. Adjusting the strategy over a lapsed
 * loop asks for confirmation. */
static void
test_retro (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClRetroInputs) inputs = NULL;
  g_autoptr (ClRetro) retro = g_object_new (CL_TYPE_RETRO, NULL);
  g_autoptr (GPtrArray) restarts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GListModel) kept = NULL;
  g_autofree char *open_retro_actions = NULL;
  ClRetroRestart *restart;

  add_closed_deal (f->store, deal, CL_DEAL_WON, "Signed", "2026-05-01", "2026-08-10");   /* Q3, 101 days */
  add_closed_deal (f->store, deal, CL_DEAL_WON, "Signed", "2026-09-01", "2026-10-11");   /* Q4, 40 days */
  add_closed_deal (f->store, deal, CL_DEAL_LOST, "No budget", "2026-09-01", "2026-11-05");
  add_closed_deal (f->store, deal, CL_DEAL_LOST, "No budget", "2026-09-02", "2026-11-06");
  add_closed_deal (f->store, deal, CL_DEAL_DISQUALIFIED, "No pain", "2026-09-03", "2026-11-07");
  /* the team's own key-deal amount, above the open deal: no key deal, so
   * coaching has nothing to run on (the automatic largest tenth would
   * make the one open deal key) */
  g_assert_true (cl_store_set_setting_int (f->store, CL_SETTING_KEY_DEAL_AMOUNT, 50000000, &error));

  inputs = cl_retro_inputs_load (f->path, "2026-Q4", day ("2026-11-23"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (inputs->results.won, ==, 1);
  g_assert_cmpint (inputs->results.lost, ==, 3);
  g_assert_cmpfloat_with_epsilon (inputs->results.win_rate, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (inputs->results.cycle_days, 40, 1e-9);
  g_assert_cmpint (inputs->previous.won, ==, 1);
  g_assert_cmpfloat_with_epsilon (inputs->previous.cycle_days, 101, 1e-9);
  g_assert_cmpuint (inputs->deaths->len, ==, 2);
  {
    ClRetroDeath *most = g_ptr_array_index (inputs->deaths, 0);

    g_assert_cmpstr (most->reason, ==, "No budget");
    g_assert_cmpint (most->n, ==, 2);
    g_assert_cmpstr (most->stage, ==, "Discovery");
    /* the deals themselves, for the retrospective to open */
    g_assert_cmpuint (most->deal_ids->len, ==, 2);
    g_assert_cmpuint (most->deal_names->len, ==, 2);
    g_assert_cmpint (g_array_index (most->deal_ids, gint64, 0), !=, g_array_index (most->deal_ids, gint64, 1));
    g_assert_nonnull (g_ptr_array_index (most->deal_names, 0));
  }
  g_assert_null (cl_retro_inputs_load (f->path, "2026-Q5", day ("2026-11-23"), &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* drifted: two loops restart, each an action of its owner */
  retro->quarter = g_strdup ("2026-Q4");
  retro->held_on = day ("2026-11-23");
  retro->findings = g_strdup ("Coaching stopped in October");
  retro->root_causes = CL_ROOT_CAUSE_DISCIPLINE;
  retro->decision = CL_RETRO_EXECUTION_DRIFTED;
  restart = g_object_new (CL_TYPE_RETRO_RESTART, NULL);
  restart->loop = g_strdup ("deal_coaching");
  restart->owner_id = deal->owner_id;
  restart->due_on = day ("2026-12-04");
  g_ptr_array_add (restarts, restart);
  restart = g_object_new (CL_TYPE_RETRO_RESTART, NULL);
  restart->loop = g_strdup ("rep_development");
  restart->owner_id = deal->owner_id;
  restart->due_on = day ("2026-12-01");
  g_ptr_array_add (restarts, restart);
  g_assert_true (cl_retro_save (f->store, retro, restarts, &error));
  g_assert_no_error (error);
  kept = cl_store_list_retro_restarts (f->store, retro->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 2);
  open_retro_actions = cl_test_sql_text (f->path, "SELECT group_concat(text, '|') FROM actions "
                                                  "WHERE source = 'retro' AND done_on IS NULL");
  g_assert_cmpstr (open_retro_actions, ==, "Restart Deal coaching: Ana Okafor by 2026-12-04|"
                                           "Restart Rep development: Ana Okafor by 2026-12-01\n");
  g_clear_pointer (&open_retro_actions, g_free);

  /* a restart without an owner is refused, and nothing changes */
  restart = g_object_new (CL_TYPE_RETRO_RESTART, NULL);
  restart->loop = g_strdup ("strategy");
  restart->due_on = day ("2026-12-01");
  g_ptr_array_add (restarts, restart);
  g_assert_false (cl_retro_save (f->store, retro, restarts, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&kept);
  kept = cl_store_list_retro_restarts (f->store, retro->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 2);

  /* the guard: adjusting the strategy while loops lapsed (no key deal: coaching has no data) */
  retro->decision = CL_RETRO_ADJUST_STRATEGY;
  g_assert_cmpuint (cl_retro_needs_confirmation (retro, inputs->health), ==,
                    1u << CL_LOOP_PIPELINE_REVIEW | 1u << CL_LOOP_REP_DEVELOPMENT);
  g_assert_true (inputs->health[CL_LOOP_PIPELINE_REVIEW].state == CL_HEALTH_LAPSED);
  retro->decision = CL_RETRO_EXECUTION_DRIFTED;
  g_assert_false (cl_retro_needs_confirmation (retro, inputs->health));
  retro->decision = CL_RETRO_ADJUST_STRATEGY;

  /* decided otherwise: the restarts and their open actions go */
  g_assert_true (cl_retro_save (f->store, retro, restarts, &error));
  g_clear_object (&kept);
  kept = cl_store_list_retro_restarts (f->store, retro->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 0);
  open_retro_actions = cl_test_sql_text (f->path, "SELECT count(*) FROM actions WHERE source = 'retro'");
  g_assert_cmpstr (open_retro_actions, ==, "0\n");
  {
    g_autoptr (ClRetro) read = cl_store_get_retro (f->store, "2026-Q4", &error);

    g_assert_cmpint (read->decision, ==, CL_RETRO_ADJUST_STRATEGY);
    g_assert_cmpstr (read->findings, ==, "Coaching stopped in October");
  }

  /* a death in another currency is its own row, never added to the euros */
  add_closed_deal_in (f->store, deal, CL_DEAL_LOST, "No budget", "2026-09-04", "2026-11-08", "USD");
  {
    g_autoptr (ClRetroInputs) again = cl_retro_inputs_load (f->path, "2026-Q4", day ("2026-11-23"), &error);
    guint in_dollars = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (again->deaths->len, ==, 3);
    for (guint i = 0; i < again->deaths->len; i++)
      {
        ClRetroDeath *death = g_ptr_array_index (again->deaths, i);

        g_assert_cmpstr (death->reason, !=, NULL);
        if (g_strcmp0 (death->currency, "USD") == 0)
          {
            in_dollars++;
            g_assert_cmpint (death->n, ==, 1);
            g_assert_true (death->amount_cents == 1000000);
          }
        else
          g_assert_cmpstr (death->currency, ==, "EUR");
      }
    g_assert_cmpuint (in_dollars, ==, 1);
  }
}

/* Each rep's load: open deals, open and overdue actions, most loaded
 * first; a manager is listed only while carrying something. */
static void
test_rep_loads (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClRep) idle = cl_rep_new ("Bo Lindqvist");
  g_autoptr (ClRep) manager = cl_rep_new ("Cy Moreau");
  g_autoptr (GListModel) loads = NULL;
  g_autoptr (ClRepLoad) first = NULL, second = NULL;
  const char *dues[] = { "2026-11-20", "2026-11-23", "2026-12-01" };

  manager->is_manager = TRUE;
  g_assert_true (cl_store_add_rep (f->store, idle, &error));
  g_assert_true (cl_store_add_rep (f->store, manager, &error));
  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    {
      g_autoptr (ClAction) action = cl_action_new ("Call back", deal->owner_id, day (dues[i]));

      g_assert_true (cl_store_add_action (f->store, action, &error));
      if (i == 2)
        g_assert_true (cl_store_complete_action (f->store, action->id, day ("2026-11-22"), &error));
    }
  g_assert_no_error (error);

  loads = cl_store_list_rep_loads (f->store, day ("2026-11-23"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 2);
  first = g_list_model_get_item (loads, 0);
  second = g_list_model_get_item (loads, 1);
  g_assert_cmpstr (first->name, ==, "Ana Okafor");
  g_assert_cmpint (first->n_open_deals, ==, 1);
  g_assert_cmpint (first->n_open_actions, ==, 2);
  g_assert_cmpint (first->n_overdue_actions, ==, 1);   /* due today is not overdue yet */
  g_assert_cmpstr (second->name, ==, "Bo Lindqvist");
  g_assert_cmpint (second->n_open_deals, ==, 0);
  g_assert_cmpint (second->n_open_actions, ==, 0);
  g_assert_cmpint (open_actions_of (f->store, idle->id), ==, 0);
  g_clear_object (&loads);

  /* asked about by name, or once an action is theirs, the manager is */
  loads = cl_store_list_rep_loads (f->store, day ("2026-11-23"), manager->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 1);
  g_clear_object (&loads);
  {
    g_autoptr (ClAction) action = cl_action_new ("Join the call", manager->id, day ("2026-11-30"));

    g_assert_true (cl_store_add_action (f->store, action, &error));
  }
  loads = cl_store_list_rep_loads (f->store, day ("2026-11-23"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 3);
}

/* A coaching session ends in a next move that becomes the owner's action;
 * without evidence it was coached from the rep's story; a follow-up that
 * happened closes the action. */
static void
test_coaching_session (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClCoachingSession) session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
  g_autoptr (ClCoachingSession) story = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  g_autoptr (GArray) evidence = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GListModel) sessions = NULL;
  g_autoptr (ClCoachingSession) read = NULL;
  g_autoptr (ClAction) action = NULL;

  call->rep_id = deal->owner_id;
  call->deal_id = deal->id;
  call->held_on = day ("2026-11-19");
  g_assert_true (cl_store_add_call (f->store, call, &error));
  g_array_append_val (evidence, call->id);

  session->deal_id = deal->id;
  session->held_on = day ("2026-11-20");
  session->trigger = g_strdup ("key_deal");
  session->next_move = g_strdup ("  ");
  g_assert_false (cl_coaching_record_session (f->store, session, day ("2026-11-27"), evidence, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cl_record_set_text (&session->next_move, "Ask what happens to the Q1 target if this slips");
  session->next_move_with = g_strdup ("the CFO");
  g_assert_false (cl_coaching_record_session (f->store, session, 0, evidence, &error));
  g_clear_error (&error);
  g_assert_true (cl_coaching_record_session (f->store, session, day ("2026-11-27"), evidence, &error));
  g_assert_no_error (error);

  sessions = cl_store_list_coaching_sessions (f->store, deal->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  read = g_list_model_get_item (sessions, 0);
  g_assert_cmpint (read->n_evidence_calls, ==, 1);
  g_assert_false (cl_coaching_from_story (read));
  g_assert_cmpstr (read->next_move_with, ==, "the CFO");
  action = cl_store_get_action (f->store, read->action_id, &error);
  g_assert_cmpstr (action->text, ==, "Ask what happens to the Q1 target if this slips — with the CFO");
  g_assert_cmpint (action->owner_id, ==, deal->owner_id);
  g_assert_cmpuint (action->due_on, ==, day ("2026-11-27"));
  g_assert_cmpstr (action->source, ==, "coaching");

  g_assert_true (cl_coaching_set_follow_up (f->store, read, CL_FOLLOW_UP_HAPPENED, "CFO agreed to a call",
                                            day ("2026-11-26"), &error));
  g_clear_object (&action);
  action = cl_store_get_action (f->store, read->action_id, &error);
  g_assert_cmpuint (action->done_on, ==, day ("2026-11-26"));

  story->deal_id = deal->id;
  story->held_on = day ("2026-11-21");
  story->trigger = g_strdup ("stalled");
  story->evidence = g_strdup (" ");
  story->next_move = g_strdup ("Book the security review");
  g_assert_true (cl_coaching_record_session (f->store, story, day ("2026-11-30"), NULL, &error));
  g_assert_true (cl_coaching_from_story (story));
}

/* Editing the sales process: rename, reorder, and no deleting a stage in use. */
static void
test_edit_process (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);   /* in "Discovery", position 1 */
  g_autoptr (ClStage) proposal = cl_stage_new ("Proposal", 2, 60);
  g_autoptr (ClStage) closing = cl_stage_new ("Closing", 3, 90);
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (ClStage) first = NULL;
  g_autoptr (ClStage) discovery = NULL;

  g_assert_true (cl_store_add_stage (f->store, proposal, &error));
  g_assert_true (cl_store_add_stage (f->store, closing, &error));

  cl_record_set_text (&proposal->name, "Proposal sent");
  proposal->probability = 55;
  proposal->required_meddic = 1 << CL_MEDDIC_DECISION_PROCESS;
  g_assert_true (cl_store_update_stage (f->store, proposal, &error));

  g_assert_true (cl_store_move_stage (f->store, closing->id, 0, &error));
  g_assert_no_error (error);
  stages = cl_store_list_stages (f->store, &error);
  first = g_list_model_get_item (stages, 0);
  g_assert_cmpstr (first->name, ==, "Closing");
  g_assert_cmpint (first->position, ==, 1);
  {
    g_autoptr (ClStage) last = g_list_model_get_item (stages, 2);

    g_assert_cmpstr (last->name, ==, "Proposal sent");
    g_assert_cmpint (last->probability, ==, 55);
    g_assert_cmpuint (last->required_meddic, ==, 1 << CL_MEDDIC_DECISION_PROCESS);
  }

  discovery = g_list_model_get_item (stages, 1);
  g_assert_false (cl_store_delete_stage (f->store, discovery, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Discovery"));
  g_clear_error (&error);
  g_assert_true (cl_store_delete_stage (f->store, closing, &error));
  g_clear_object (&stages);
  stages = cl_store_list_stages (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 2);
}

static ClDeal *
add_deal_in (ClStore    *store,
             ClDeal     *like,
             gint64      stage_id,
             const char *created_on,
             gint64      amount_cents)
{
  g_autoptr (GError) error = NULL;
  ClDeal *deal = cl_deal_new ();

  deal->name = g_strdup_printf ("Deal %s %" G_GINT64_FORMAT, created_on, amount_cents);
  deal->account = g_strdup ("Acme");
  deal->owner_id = like->owner_id;
  deal->stage_id = stage_id;
  deal->amount_cents = amount_cents;
  cl_deal_set_text (deal, &deal->currency, "EUR");
  deal->created_on = day (created_on);
  deal->close_date = day ("2026-12-15");
  g_assert_true (cl_store_add_deal (store, deal, &error));
  g_assert_no_error (error);
  return deal;
}

static void
add_change (ClStore    *store,
            ClDeal     *deal,
            const char *on,
            const char *field,
            char       *old_value,
            char       *new_value)
{
  g_autoptr (ClDealEvent) event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);
  g_autoptr (GError) error = NULL;

  event->deal_id = deal->id;
  event->occurred_on = day (on);
  event->field = g_strdup (field);
  event->old_value = old_value;
  event->new_value = new_value;
  g_assert_true (cl_store_add_deal_event (store, event, &error));
}

static void
win (ClStore    *store,
     ClDeal     *deal,
     const char *on)
{
  g_autoptr (GError) error = NULL;

  deal->status = CL_DEAL_WON;
  deal->close_date = day (on);
  g_assert_true (cl_store_update_deal (store, deal, day (on), &error));
  g_assert_no_error (error);
}

static int
stay_days (GHashTable *by_stage,
           gint64      stage_id,
           guint       i)
{
  GArray *days = g_hash_table_lookup (by_stage, &stage_id);

  g_assert_nonnull (days);
  g_assert_cmpuint (i, <, days->len);
  return g_array_index (days, int, i);
}

/* A history recorded out of day order (a CRM's older changes imported
 * after newer ones) is rewound oldest first, and two changes on one day in
 * the order they were recorded. */
static void
test_facts_out_of_order (Fixture       *f,
                         gconstpointer  data)
{
  const struct { const char *on, *field, *old_value, *new_value; } changes[] = {
    { "2026-11-10", "amount", "1000000", "1250000" },
    { "2026-10-20", "amount", "800000", "1000000" },
    { "2026-11-12", "next_step", "Pilot", "Offer" },
    { "2026-11-12", "next_step", "Offer", "Demo" },
  };
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (ClDealFacts) facts = NULL;
  g_autoptr (GError) error = NULL;
  ClDealState state;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr (ClDealEvent) event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

      event->deal_id = deal->id;
      event->occurred_on = day (changes[i].on);
      event->field = g_strdup (changes[i].field);
      event->old_value = g_strdup (changes[i].old_value);
      event->new_value = g_strdup (changes[i].new_value);
      g_assert_true (cl_store_add_deal_event (f->store, event, &error));
    }
  facts = cl_deal_facts_load_one (f->store, deal->id, day ("2026-11-23"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->n_events, ==, G_N_ELEMENTS (changes));

  cl_deal_state_at (facts, day ("2026-10-10"), &state);
  g_assert_cmpint (state.amount_cents, ==, 800000);
  cl_deal_state_at (facts, day ("2026-10-25"), &state);
  g_assert_cmpint (state.amount_cents, ==, 1000000);
  cl_deal_state_at (facts, day ("2026-11-11"), &state);
  g_assert_cmpint (state.amount_cents, ==, 1250000);
  g_assert_cmpstr (state.next_step, ==, "Pilot");
  cl_deal_state_at (facts, day ("2026-11-12"), &state);
  g_assert_cmpstr (state.next_step, ==, "Demo");
}

/* A stage's own stall threshold is kept, and 0 gives it back to what the
 * won deals say; the won deals' stays in each stage, and the amount the
 * largest open deals start from. */
static void
test_stage_pace (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) base = add_basic_deal (f->store);   /* open, in Discovery */
  g_autoptr (ClStage) proposal = cl_stage_new ("Proposal", 2, 60);
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (ClStage) read = NULL;
  g_autoptr (ClDeal) moved = NULL, direct = NULL, later = NULL;
  g_autoptr (GHashTable) won = NULL;
  g_autofree char *stored = NULL;
  gint64 discovery = base->stage_id;
  ClCoachingSettings coaching;

  proposal->stalled_days = 30;
  g_assert_true (cl_store_add_stage (f->store, proposal, &error));
  stages = cl_store_list_stages (f->store, &error);
  read = g_list_model_get_item (stages, 1);
  g_assert_cmpint (read->stalled_days, ==, 30);
  proposal->stalled_days = 0;
  g_assert_true (cl_store_update_stage (f->store, proposal, &error));
  stored = cl_test_sql_text (f->path, "SELECT stalled_days IS NULL FROM stages WHERE name = 'Proposal'");
  g_assert_cmpstr (stored, ==, "1\n");
  proposal->stalled_days = -3;
  g_assert_false (cl_store_update_stage (f->store, proposal, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* 10 days in Discovery, 20 in Proposal; won on its status change */
  moved = add_deal_in (f->store, base, discovery, "2026-09-01", 100000);
  add_change (f->store, moved, "2026-09-11", "stage", g_strdup_printf ("%" G_GINT64_FORMAT, discovery),
              g_strdup_printf ("%" G_GINT64_FORMAT, proposal->id));
  win (f->store, moved, "2026-10-01");
  /* created in Proposal, won as a CRM export says: on its close date, 19 days on */
  direct = add_deal_in (f->store, base, proposal->id, "2026-10-01", 200000);
  g_assert_true (cl_store_run (f->store, NULL, &error,
                               "UPDATE deals SET status = 'won', close_date = '2026-10-20' WHERE id = ?",
                               "I", direct->id));
  /* won after the day asked about */
  later = add_deal_in (f->store, base, proposal->id, "2026-10-01", 300000);
  win (f->store, later, "2026-11-20");

  won = cl_store_list_won_stage_days (f->store, day ("2026-11-01"), 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (won), ==, 2);
  g_assert_cmpint (stay_days (won, discovery, 0), ==, 10);
  g_assert_cmpint (stay_days (won, proposal->id, 0), ==, 19);
  g_assert_cmpint (stay_days (won, proposal->id, 1), ==, 20);
  g_clear_pointer (&won, g_hash_table_unref);
  /* only the latest win */
  won = cl_store_list_won_stage_days (f->store, day ("2026-11-30"), 1, &error);
  g_assert_cmpuint (g_hash_table_size (won), ==, 1);
  g_assert_cmpint (stay_days (won, proposal->id, 0), ==, 50);

  /* open: 12 500 and the two below; the largest tenth is one deal */
  g_clear_object (&moved);
  moved = add_deal_in (f->store, base, discovery, "2026-11-01", 500000);
  g_clear_object (&moved);
  moved = add_deal_in (f->store, base, discovery, "2026-11-01", 900000);
  g_assert_cmpint (cl_store_top_open_amount (f->store, 10, &error), ==, 1250000);
  g_assert_cmpint (cl_store_top_open_amount (f->store, 50, &error), ==, 900000);
  g_assert_cmpint (cl_store_top_open_amount (f->store, 100, &error), ==, 500000);

  /* the key-deal amount: automatic until set, and again once cleared */
  cl_coaching_settings_load (&coaching, f->store);
  g_assert_true (coaching.key_deal_automatic);
  g_assert_cmpint (coaching.key_deal_amount, ==, 12500);
  g_assert_true (cl_store_set_setting_int (f->store, CL_SETTING_KEY_DEAL_AMOUNT, 8000, &error));
  cl_coaching_settings_load (&coaching, f->store);
  g_assert_false (coaching.key_deal_automatic);
  g_assert_cmpint (coaching.key_deal_amount, ==, 8000);
  g_assert_true (cl_store_clear_setting (f->store, CL_SETTING_KEY_DEAL_AMOUNT, &error));
  cl_coaching_settings_load (&coaching, f->store);
  g_assert_true (coaching.key_deal_automatic);
}

/* Every earlier version migrates forward, keeping what it held. */
static void
test_migrations (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-migrate-XXXXXX", NULL);

  for (int version = 0; version < CL_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", version);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ClStore) old = cl_store_open_at_version (path, version, &error);
      g_autoptr (ClStore) current = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (cl_store_get_schema_version (old), ==, version);
      if (version >= 1)
        {
          g_autoptr (ClRep) rep = cl_rep_new ("Survivor");

          g_assert_true (cl_store_add_rep (old, rep, &error));
        }
      g_clear_object (&old);

      current = cl_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cl_store_get_schema_version (current), ==, CL_STORE_SCHEMA_VERSION);
      {
        g_autoptr (GListModel) reps = cl_store_list_reps (current, &error);
        g_autoptr (GListModel) retros = cl_store_list_retros (current, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (reps), ==, version >= 1 ? 1 : 0);
        g_assert_cmpuint (g_list_model_get_n_items (retros), ==, 0);
      }
    }
  cl_test_remove_tree (dir);
}

/* Step 13 edits sqlite_schema's text even where SQLite is built defensive
 * (writable_schema refused), and leaves the connection defensive after. */
static void
test_migration_defensive (void)
{
  g_autoptr (GError) error = NULL;
  int defensive = 0;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (cl_schema_migrate (db, 0, 12, &error));
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL), ==, SQLITE_OK);
  g_assert_true (cl_schema_migrate (db, 12, 13, &error));
  g_assert_no_error (error);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (defensive, ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO reps (name) VALUES ('Ana');"
                                     "INSERT INTO stages (name, position, probability) VALUES ('Discovery', 1, 10);"
                                     "INSERT INTO deals (name, account, owner_id, stage_id, amount_cents, currency, "
                                     "close_date, forecast, status, created_on, stage_entered_on) VALUES ('A', '', 1, "
                                     "1, 0, 'EUR', '2026-12-01', 'maybe', 'open', '2026-11-01', '2026-11-01')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* A deal's history and its qualification written in bulk, as the demo
 * writes them: every row in order across the statements' batches, all or
 * nothing, and only the elements assessed. */
static void
test_bulk_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = add_basic_deal (f->store);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GListModel) history = NULL;
  g_autoptr (GListModel) unchanged = NULL;
  ClQualificationState states[CL_MEDDIC_N_ELEMENTS] = { 0 };
  ClQualificationState stored[CL_MEDDIC_N_ELEMENTS];

  /* more than two statements' worth, each a different amount */
  for (guint i = 0; i < 70; i++)
    {
      ClDealEvent *event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

      event->deal_id = deal->id;
      event->occurred_on = day ("2026-10-02") + i;
      event->field = g_strdup ("amount");
      event->old_value = i ? g_strdup_printf ("%u", 1000 + i - 1) : NULL;
      event->new_value = g_strdup_printf ("%u", 1000 + i);
      g_ptr_array_add (events, event);
    }
  g_assert_true (cl_store_add_deal_events (f->store, events, &error));
  g_assert_no_error (error);
  history = cl_store_list_deal_events (f->store, deal->id, &error);
  /* the "created" event first */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 71);
  for (guint i = 0; i < 70; i++)
    {
      g_autoptr (ClDealEvent) event = g_list_model_get_item (history, i + 1);
      g_autofree char *amount = g_strdup_printf ("%u", 1000 + i);

      g_assert_cmpstr (event->new_value, ==, amount);
      g_assert_cmpuint (event->occurred_on, ==, day ("2026-10-02") + i);
      g_assert_true ((event->old_value == NULL) == (i == 0));
    }

  /* one bad row in the second statement: none of the batch is kept */
  g_clear_pointer (&((ClDealEvent *) g_ptr_array_index (events, 40))->field, g_free);
  ((ClDealEvent *) g_ptr_array_index (events, 40))->field = g_strdup ("colour");
  g_assert_false (cl_store_add_deal_events (f->store, events, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  unchanged = cl_store_list_deal_events (f->store, deal->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (unchanged), ==, 71);

  /* assessed elements set, the others left unknown; then one changed */
  states[CL_MEDDIC_METRICS] = CL_QUALIFICATION_CONFIRMED;
  states[CL_MEDDIC_CHAMPION] = CL_QUALIFICATION_PARTIAL;
  g_assert_true (cl_store_assess_qualification (f->store, deal->id, states, &error));
  states[CL_MEDDIC_CHAMPION] = CL_QUALIFICATION_CONFIRMED;
  states[CL_MEDDIC_METRICS] = CL_QUALIFICATION_UNKNOWN;
  g_assert_true (cl_store_assess_qualification (f->store, deal->id, states, &error));
  g_assert_true (cl_store_get_qualification (f->store, deal->id, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored[CL_MEDDIC_METRICS], ==, CL_QUALIFICATION_CONFIRMED);
  g_assert_cmpint (stored[CL_MEDDIC_CHAMPION], ==, CL_QUALIFICATION_CONFIRMED);
  g_assert_cmpint (stored[CL_MEDDIC_COMPETITION], ==, CL_QUALIFICATION_UNKNOWN);
}

/* The tables of the workspace at @path whose row SQLite writes with a
 * temporary B-tree (a CHECK (x IN (…)) list), joined by ','. */
static char *
tables_writing_with_btree (const char *path)
{
  /* each table's name and a parameter per column, for a one-row insert */
  g_autofree char *names = cl_test_sql_text (path, "SELECT s.name || ' VALUES (' || (SELECT group_concat('?') "
                                                   "FROM pragma_table_info (s.name)) || ')' FROM sqlite_schema s "
                                                   "WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite%' "
                                                   "ORDER BY s.name");
  g_auto (GStrv) tables = g_strsplit (g_strstrip (names), "\n", -1);
  g_autoptr (GString) found = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN INSERT INTO %s", tables[i]);
      sqlite3 *db;
      sqlite3_stmt *stmt;

      /* read-write: a read-only connection leaves the CHECKs out of the
       * program; its second column is each instruction's opcode */
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0)
          {
            g_string_append_printf (found, "%s%.*s", found->len ? "," : "", (int) strcspn (tables[i], " "),
                                    tables[i]);
            break;
          }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

/* @sql run on the file at @path by a connection of its own: SQLite's
 * extended result code. */
static int
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

#define ROWS_OF_CHECKED_TABLES \
  "SELECT (SELECT group_concat(id || name || status || forecast) FROM deals), " \
  "(SELECT group_concat(field || coalesce(old_value, '') || new_value) FROM deal_events), " \
  "(SELECT group_concat(element || state) FROM qualification)"

/* Every table but the settings counts its rows changed in place or taken
 * away (CL_STORE_EDIT_COUNT), a table a later step adds included: an
 * import's undo point relies on it. */
static void
test_every_table_counts_edits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autofree char *uncounted = NULL, *count = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  uncounted = cl_test_sql_text (path, "SELECT name FROM sqlite_schema t WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name != 'settings' "
                                      "AND (SELECT count(*) FROM sqlite_schema g WHERE g.type = 'trigger' "
                                      "AND g.tbl_name = t.name AND g.name LIKE '%counts') != 2");
  g_assert_cmpstr (uncounted, ==, "");
  /* by another program: two reps added (not counted: the number of rows
   * says it), both renamed in place, one taken away */
  {
    sqlite3 *other = NULL;

    g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "INSERT INTO reps (name) VALUES ('Ana'), ('Ben');"
                                          "UPDATE reps SET name = name || ' K';"
                                          "DELETE FROM reps WHERE name = 'Ben K'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (other);
  }
  count = cl_test_sql_text (path, "SELECT value FROM settings WHERE key = '" CL_STORE_EDIT_COUNT "'");
  g_assert_cmpstr (count, ==, "3\n");
  cl_test_remove_tree (dir);
}

/* Version 13 writes every CHECK (x IN (…)) of three words or more as
 * comparisons, which SQLite evaluates without building a temporary B-tree
 * per row: a version-12 workspace keeps every row, a new one is the same,
 * and the checks still refuse a value outside their list. */
static void
test_migration_check_lists (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v12.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "new.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open_at_version (path, 12, &error);
  g_autoptr (ClStore) fresh = NULL;
  g_autoptr (ClDeal) deal = NULL;
  g_autofree char *before = NULL, *after = NULL, *with_btree = NULL, *fresh_with_btree = NULL;
  g_autofree char *lists = NULL;

  g_assert_no_error (error);
  deal = add_basic_deal (store);
  g_assert_true (cl_store_set_qualification (store, deal->id, CL_MEDDIC_CHAMPION, CL_QUALIFICATION_PARTIAL,
                                             "", &error));
  deal->amount_cents = 1300000;
  g_assert_true (cl_store_update_deal (store, deal, day ("2026-11-02"), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  before = cl_test_sql_text (path, ROWS_OF_CHECKED_TABLES);
  with_btree = tables_writing_with_btree (path);
  g_assert_nonnull (strstr (with_btree, "deals"));
  g_clear_pointer (&with_btree, g_free);

  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cl_store_get_schema_version (store), ==, CL_STORE_SCHEMA_VERSION);
  g_clear_object (&store);
  after = cl_test_sql_text (path, ROWS_OF_CHECKED_TABLES);
  g_assert_cmpstr (after, ==, before);
  lists = cl_test_sql_text (path, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (''%'");
  g_assert_cmpstr (lists, ==, "0\n");
  with_btree = tables_writing_with_btree (path);
  g_assert_cmpstr (with_btree, ==, "");
  g_assert_cmpint (exec_on_file (path, "PRAGMA integrity_check"), ==, SQLITE_OK);

  fresh = cl_store_open (fresh_path, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);
  fresh_with_btree = tables_writing_with_btree (fresh_path);
  g_assert_cmpstr (fresh_with_btree, ==, "");

  /* still refused outside the list, by any connection; still taken inside it */
  g_assert_cmpint (exec_on_file (path, "UPDATE deals SET status = 'closed'"), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_on_file (path, "UPDATE deals SET forecast = 'maybe'"), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_on_file (path, "UPDATE deal_events SET field = 'colour'"), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_on_file (path, "UPDATE qualification SET state = 'maybe'"), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_on_file (path, "UPDATE deals SET status = 'won', forecast = 'commit'"), ==, SQLITE_OK);
  cl_test_remove_tree (dir);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* Opening @path fails with @code, names the file, and changes no byte. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = NULL;
  gsize before_len, after_len;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = cl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CL_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-bad-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *empty_named = g_build_filename (dir, "zero.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *contents = NULL;
  static const char csv[] = "name,amount\nAcme,1000\n";
  sqlite3 *db;
  gsize len;

  write_file (text, csv, sizeof csv - 1);
  assert_refused_untouched (text, CL_STORE_ERROR_NOT_DATABASE);

  /* an SQLite database of another program */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photos (id INTEGER); INSERT INTO photos VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (foreign, CL_STORE_ERROR_FOREIGN);

  /* a workspace from a newer Closeloop */
  {
    g_autoptr (ClStore) store = cl_store_open (newer, NULL);

    g_assert_nonnull (store);
  }
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (newer, CL_STORE_ERROR_TOO_NEW);

  /* a workspace cut short, as by a failed copy */
  {
    g_autoptr (ClStore) store = cl_store_open (truncated, NULL);
    g_autoptr (ClDeal) deal = add_basic_deal (store);
  }
  g_assert_true (g_file_get_contents (truncated, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  write_file (truncated, contents, len / 2 + 100);
  assert_refused_untouched (truncated, CL_STORE_ERROR_DAMAGED);

  /* an empty file is a new workspace, not an error */
  write_file (empty_named, "", 0);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ClStore) store = cl_store_open (empty_named, &error);

    g_assert_no_error (error);
  }
  cl_test_remove_tree (dir);
}

/* Real third-party files (CSV exports, transcripts) opened by mistake as a
 * workspace: each is refused and left as it was. They are copied first, so
 * a bug here could never damage the shared originals. */
static void
test_foreign_testdata (void)
{
  const char *root = g_getenv ("CLOSELOOP_TESTDATA");
  const char *subdirs[] = { "csv-spectrum/csvs", "transcripts/zoom", "transcripts/teams" };
  g_autofree char *dir = NULL;
  guint tried = 0;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no third-party test data (meson option testdata)");
      return;
    }
  dir = g_dir_make_tmp ("closeloop-foreign-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *from = g_build_filename (root, subdirs[i], NULL);
      g_autoptr (GDir) listing = g_dir_open (from, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *source = g_build_filename (from, name, NULL);
          g_autofree char *copy = g_build_filename (dir, name, NULL);
          g_autofree char *contents = NULL;
          gsize len;

          if (!g_file_get_contents (source, &contents, &len, NULL) || len == 0)
            continue;
          write_file (copy, contents, len);
          assert_refused_untouched (copy, CL_STORE_ERROR_NOT_DATABASE);
          tried++;
        }
    }
  g_test_message ("%u foreign files refused", tried);
  g_assert_cmpuint (tried, >, 0);
  cl_test_remove_tree (dir);
}

static void
test_dates (void)
{
  ClDay d, first, last;
  g_autofree char *week = NULL, *month = NULL, *quarter = NULL;

  g_assert_true (cl_date_parse ("2026-11-23", &d));
  week = cl_date_iso_week (d);
  month = cl_date_month (d);
  quarter = cl_date_quarter (d);
  g_assert_cmpstr (week, ==, "2026-W48");
  {
    g_autofree char *sunday = cl_date_iso_week (d - 1);
    g_autofree char *new_year = cl_date_iso_week (cl_date_from_ymd (2027, 1, 1));   /* a Friday */

    g_assert_cmpstr (sunday, ==, "2026-W47");
    g_assert_cmpstr (new_year, ==, "2026-W53");
  }
  g_assert_cmpstr (month, ==, "2026-11");
  g_assert_cmpstr (quarter, ==, "2026-Q4");
  g_assert_cmpuint (cl_date_add_months (d, 0), ==, cl_date_from_ymd (2026, 11, 1));
  g_assert_cmpuint (cl_date_add_months (d, 2), ==, cl_date_from_ymd (2027, 1, 1));
  g_assert_cmpuint (cl_date_add_months (d, -11), ==, cl_date_from_ymd (2025, 12, 1));
  g_assert_true (cl_date_parse_period ("2026-W48", &first, &last));
  g_assert_cmpuint (first, ==, d);
  g_assert_cmpuint (last, ==, d + 6);
  g_assert_true (cl_date_parse_period ("2026-11", &first, &last));
  g_assert_cmpuint (last, ==, cl_date_from_ymd (2026, 11, 30));
  g_assert_true (cl_date_parse_period ("2026-Q4", &first, NULL));
  g_assert_false (cl_date_parse_period ("2026", NULL, NULL));
  g_assert_true (cl_date_parse_iso_week ("2026-W48", &first));
  g_assert_cmpuint (first, ==, d);
  g_assert_true (cl_date_parse_month ("2026-02", &first, &last));
  g_assert_cmpuint (last - first, ==, 27);
  g_assert_true (cl_date_parse_quarter ("2026-Q4", &first, &last));
  g_assert_cmpuint (last, ==, cl_date_from_ymd (2026, 12, 31));
  g_assert_false (cl_date_parse ("2026-02-30", &d));
  g_assert_false (cl_date_parse ("23/11/2026", &d));
  /* four, two and two digits, nothing else: no sign, space or short field */
  g_assert_false (cl_date_parse ("+026-11-23", &d));
  g_assert_false (cl_date_parse (" 026-11-23", &d));
  g_assert_false (cl_date_parse ("2026- 1-23", &d));
  g_assert_false (cl_date_parse ("2026-11-2", &d));
  g_assert_false (cl_date_parse ("2026-11-233", &d));
  g_assert_false (cl_date_parse ("0000-11-23", &d));
  g_assert_true (cl_date_parse ("0001-01-01", &d));
  g_assert_cmpuint (d, ==, cl_date_from_ymd (1, 1, 1));
  g_assert_false (cl_date_parse_iso_week ("2026-W54", &d));
  g_assert_false (cl_date_parse_month ("2026-13", NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  FIXTURE_TEST ("/store/file-mode", test_file_mode);
  FIXTURE_TEST ("/store/round-trip/pipeline", test_pipeline_round_trip);
  FIXTURE_TEST ("/store/deal-texts-in-one-block", test_deal_texts_in_one_block);
  FIXTURE_TEST ("/store/bulk-history", test_bulk_history);
  FIXTURE_TEST ("/store/round-trip/coaching", test_coaching_round_trip);
  FIXTURE_TEST ("/store/round-trip/development-and-retro", test_development_and_retro_round_trip);
  FIXTURE_TEST ("/store/constraints", test_constraints);
  FIXTURE_TEST ("/store/nested-transaction", test_nested_transaction);
  FIXTURE_TEST ("/store/read-apart", test_read_apart);
  FIXTURE_TEST ("/store/locked", test_locked);
  FIXTURE_TEST ("/store/record-decisions", test_record_decisions);
  FIXTURE_TEST ("/rules/review-outcome", test_review_outcome);
  FIXTURE_TEST ("/store/edit-process", test_edit_process);
  FIXTURE_TEST ("/store/stage-pace", test_stage_pace);
  FIXTURE_TEST ("/store/facts-out-of-order", test_facts_out_of_order);
  FIXTURE_TEST ("/store/rep-loads", test_rep_loads);
  FIXTURE_TEST ("/store/coaching-session", test_coaching_session);
  FIXTURE_TEST ("/store/scorecard-editing", test_scorecard_editing);
  FIXTURE_TEST ("/store/call-trend", test_call_trend);
  FIXTURE_TEST ("/store/development-loop", test_development_loop);
  FIXTURE_TEST ("/rules/skipped-loops", test_skipped_loops);
  FIXTURE_TEST ("/rules/retro", test_retro);
#undef FIXTURE_TEST
  g_test_add_func ("/store/migrations", test_migrations);
  g_test_add_func ("/store/migration-check-lists", test_migration_check_lists);
  g_test_add_func ("/store/every-table-counts-edits", test_every_table_counts_edits);
  g_test_add_func ("/store/migration-defensive", test_migration_defensive);
  g_test_add_func ("/store/bad-files", test_bad_files);
  g_test_add_func ("/store/foreign-testdata", test_foreign_testdata);
  g_test_add_func ("/dates/iso", test_dates);
  return g_test_run ();
}
