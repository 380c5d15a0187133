/* test-deal-brief.c — one deal on a page: its timeline, its flags in
 * sentences, and the edits the page makes, each kept in the history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-deal-brief.h"
#include "test-util.h"

typedef struct
{
  char    *dir;
  ClStore *store;
  ClDeal  *deal;
  gint64   stages[2];
} Fixture;

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* A deal created on 2026-10-01 in Discovery, moved to Proposal and cut on
 * 2026-11-02, discussed by the review of 2026-W46, coached and called. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ClRep) rep = cl_rep_new ("Ana Okafor");
  g_autoptr (ClStage) discovery = cl_stage_new ("Discovery", 1, 10);
  g_autoptr (ClStage) proposal = cl_stage_new ("Proposal", 2, 50);
  g_autoptr (ClReview) review = NULL;
  g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
  g_autoptr (ClCoachingSession) session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
  g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
  ClDeal *deal = cl_deal_new ();

  f->dir = g_dir_make_tmp ("closeloop-deal-XXXXXX", &error);
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = cl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_add_rep (f->store, rep, &error));
  g_assert_true (cl_store_add_stage (f->store, discovery, &error));
  g_assert_true (cl_store_add_stage (f->store, proposal, &error));
  f->stages[0] = discovery->id, f->stages[1] = proposal->id;

  deal->name = g_strdup ("Acme — Rollout");
  deal->account = g_strdup ("Acme");
  deal->owner_id = rep->id;
  deal->stage_id = discovery->id;
  deal->amount_cents = 1250000;
  cl_deal_set_text (deal, &deal->currency, "EUR");
  deal->created_on = day ("2026-10-01");
  deal->close_date = day ("2026-12-15");
  cl_deal_set_text (deal, &deal->next_step, "Demo");
  deal->next_step_due = day ("2026-11-10");
  g_assert_true (cl_store_add_deal (f->store, deal, &error));
  deal->stage_id = proposal->id;
  deal->amount_cents = 900000;
  g_assert_true (cl_store_update_deal (f->store, deal, day ("2026-11-02"), &error));
  g_assert_no_error (error);

  review = cl_store_open_review (f->store, "2026-W46", day ("2026-11-09"), "Ana Okafor", &error);
  g_assert_no_error (error);
  decision->review_id = review->id;
  decision->deal_id = deal->id;
  decision->decision = CL_DECISION_KEEP;
  decision->note = g_strdup ("Champion confirmed");
  g_assert_true (cl_store_record_decision (f->store, decision, NULL, &error));

  session->deal_id = deal->id;
  session->coach_id = rep->id;
  session->held_on = day ("2026-11-12");
  session->trigger = g_strdup ("key_deal");
  session->evidence = g_strdup ("");
  session->gaps = g_strdup ("");
  session->blocker = g_strdup ("");
  session->next_move = g_strdup ("Meet the CFO");
  session->next_move_with = g_strdup ("Ben");
  session->private_notes = g_strdup ("");
  g_assert_true (cl_store_add_coaching_session (f->store, session, &error));

  call->rep_id = rep->id;
  call->deal_id = deal->id;
  call->held_on = day ("2026-11-05");
  call->title = g_strdup ("Discovery call");
  call->talk_ratio = -1;
  g_assert_true (cl_store_add_call (f->store, call, &error));
  g_assert_no_error (error);
  f->deal = deal;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->deal);
  g_clear_object (&f->store);
  cl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static ClTimelineEntry *
entry_at (ClDealBrief *brief,
          guint        index)
{
  ClTimelineEntry *entry = g_list_model_get_item (brief->timeline, index);

  g_object_unref (entry);  /* the brief keeps it */
  return entry;
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDealBrief) brief = cl_deal_brief_load (f->store, f->deal->id, day ("2026-11-23"), &error);
  ClTimelineEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (brief->deal->stage_name, ==, "Proposal");
  /* created, stage, amount, the review, the call, the session */
  g_assert_cmpuint (g_list_model_get_n_items (brief->timeline), ==, 6);
  entry = entry_at (brief, 0);
  g_assert_cmpint (entry->kind, ==, CL_TIMELINE_COACHING);
  g_assert_cmpint (entry->on, ==, day ("2026-11-12"));
  g_assert_nonnull (strstr (entry->text, "Meet the CFO"));
  entry = entry_at (brief, 1);
  g_assert_cmpint (entry->kind, ==, CL_TIMELINE_REVIEW);
  g_assert_nonnull (strstr (entry->text, "2026-W46"));
  g_assert_nonnull (strstr (entry->text, "Keep"));
  g_assert_cmpstr (entry->detail, ==, "Champion confirmed");
  entry = entry_at (brief, 2);
  g_assert_cmpint (entry->kind, ==, CL_TIMELINE_CALL);
  /* the two changes of one day, the later recorded first */
  entry = entry_at (brief, 3);
  g_assert_cmpint (entry->kind, ==, CL_TIMELINE_CHANGE);
  g_assert_cmpstr (entry->text, ==, "Amount changed from 12" NNBSP "500" NBSP "EUR to 9" NNBSP "000" NBSP "EUR");
  entry = entry_at (brief, 4);
  g_assert_cmpstr (entry->text, ==, "Stage moved from \u2068Discovery\u2069 to \u2068Proposal\u2069");
  entry = entry_at (brief, 5);
  g_assert_cmpint (entry->on, ==, day ("2026-10-01"));

  /* the next step was due on 2026-11-10: overdue on the 23rd, said in a sentence */
  g_assert_true (brief->flags & (1u << CL_FLAG_NEXT_STEP_OVERDUE));
  g_assert_nonnull (brief->flag_sentences[CL_FLAG_NEXT_STEP_OVERDUE]);
  g_assert_nonnull (strstr (brief->flag_sentences[CL_FLAG_NEXT_STEP_OVERDUE], "Demo"));
  g_assert_cmpuint (g_list_model_get_n_items (brief->calls), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (brief->contacts), ==, 0);
}

static void
test_next_step_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDeal) deal = NULL;
  g_autoptr (GListModel) events = NULL;
  g_autoptr (ClDealEvent) step = NULL, due = NULL;
  gint64 before = cl_store_count_deal_events (f->store, f->deal->id, NULL);
  g_autoptr (ClDealBrief) brief = NULL;

  g_assert_true (cl_store_set_next_step (f->store, f->deal->id, "  Send the proposal ", day ("2026-11-30"),
                                         day ("2026-11-23"), &error));
  g_assert_no_error (error);
  deal = cl_store_get_deal (f->store, f->deal->id, &error);
  g_assert_cmpstr (deal->next_step, ==, "Send the proposal");
  g_assert_cmpint (deal->next_step_due, ==, day ("2026-11-30"));
  events = cl_store_list_deal_events (f->store, f->deal->id, &error);
  g_assert_cmpint (g_list_model_get_n_items (events), ==, before + 2);
  step = g_list_model_get_item (events, before);
  due = g_list_model_get_item (events, before + 1);
  g_assert_cmpstr (step->field, ==, "next_step");
  g_assert_cmpstr (step->old_value, ==, "Demo");
  g_assert_cmpstr (step->new_value, ==, "Send the proposal");
  g_assert_cmpint (step->occurred_on, ==, day ("2026-11-23"));
  g_assert_cmpstr (due->field, ==, "next_step_due");
  g_assert_cmpstr (due->old_value, ==, "2026-11-10");
  g_assert_cmpstr (due->new_value, ==, "2026-11-30");

  /* the same again changes nothing and records nothing */
  g_assert_true (cl_store_set_next_step (f->store, f->deal->id, "Send the proposal", day ("2026-11-30"),
                                         day ("2026-11-24"), &error));
  g_assert_cmpint (cl_store_count_deal_events (f->store, f->deal->id, NULL), ==, before + 2);

  /* no longer overdue; the timeline says what changed */
  brief = cl_deal_brief_load (f->store, f->deal->id, day ("2026-11-23"), &error);
  g_assert_no_error (error);
  g_assert_false (brief->flags & (1u << CL_FLAG_NEXT_STEP_OVERDUE));
  g_assert_cmpstr (entry_at (brief, 0)->text, ==, "Next step’s due day moved from \u20682026-11-10\u2069 "
                   "to \u20682026-11-30\u2069");
  g_assert_cmpstr (entry_at (brief, 1)->text, ==, "Next step changed from “\u2068Demo\u2069” "
                   "to “\u2068Send the proposal\u2069”");

  /* a blank step clears its day too */
  g_assert_true (cl_store_set_next_step (f->store, f->deal->id, " ", day ("2026-12-01"), day ("2026-11-25"),
                                         &error));
  g_clear_object (&deal);
  deal = cl_store_get_deal (f->store, f->deal->id, &error);
  g_assert_cmpstr (deal->next_step, ==, "");
  g_assert_cmpint (deal->next_step_due, ==, 0);
  g_assert_cmpint (cl_store_count_deal_events (f->store, f->deal->id, NULL), ==, before + 4);

  /* an unknown deal is refused, and nothing is left half written */
  g_assert_false (cl_store_set_next_step (f->store, 9999, "x", 0, day ("2026-11-25"), &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
}

static void
test_contacts_and_qualification (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClContact) contact = g_object_new (CL_TYPE_CONTACT, NULL);
  g_autoptr (GListModel) contacts = NULL;
  g_autoptr (ClContact) kept = NULL;
  char *notes[CL_MEDDIC_N_ELEMENTS];
  ClQualificationState states[CL_MEDDIC_N_ELEMENTS];

  contact->deal_id = f->deal->id;
  contact->name = g_strdup ("  ");
  g_assert_false (cl_store_add_contact (f->store, contact, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cl_record_set_text (&contact->name, "Dana Ruiz");
  g_assert_true (cl_store_add_contact (f->store, contact, &error));
  cl_record_set_text (&contact->title, "CFO");
  cl_record_set_text (&contact->role, "Economic buyer");
  g_assert_true (cl_store_update_contact (f->store, contact, &error));
  g_assert_no_error (error);
  contacts = cl_store_list_contacts (f->store, f->deal->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  kept = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (kept->title, ==, "CFO");
  g_assert_cmpstr (kept->role, ==, "Economic buyer");
  cl_record_set_text (&contact->name, "");
  g_assert_false (cl_store_update_contact (f->store, contact, &error));
  g_clear_error (&error);
  g_assert_true (cl_store_delete_contact (f->store, contact->id, &error));
  g_clear_object (&contacts);
  contacts = cl_store_list_contacts (f->store, f->deal->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
  cl_record_set_text (&contact->name, "Gone");
  g_assert_false (cl_store_update_contact (f->store, contact, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (cl_store_set_qualification (f->store, f->deal->id, CL_MEDDIC_CHAMPION,
                                             CL_QUALIFICATION_PARTIAL, "Ben, not yet tested", &error));
  g_assert_true (cl_store_get_qualification_notes (f->store, f->deal->id, notes, &error));
  g_assert_true (cl_store_get_qualification (f->store, f->deal->id, states, &error));
  g_assert_cmpstr (notes[CL_MEDDIC_CHAMPION], ==, "Ben, not yet tested");
  g_assert_cmpint (states[CL_MEDDIC_CHAMPION], ==, CL_QUALIFICATION_PARTIAL);
  g_assert_null (notes[CL_MEDDIC_METRICS]);
  for (int i = 0; i < CL_MEDDIC_N_ELEMENTS; i++)
    g_free (notes[i]);
}

/* A closed deal raises no flag: it is history, not a risk. */
static void
test_closed_deal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDealBrief) brief = NULL;

  f->deal->status = CL_DEAL_LOST;
  g_assert_true (cl_store_update_deal (f->store, f->deal, day ("2026-11-20"), &error));
  brief = cl_deal_brief_load (f->store, f->deal->id, day ("2026-11-23"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (brief->flags, ==, 0);
  g_assert_cmpstr (entry_at (brief, 0)->text, ==, "Status changed from Open to Lost");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/deal-brief/timeline", test_timeline);
  ADD ("/deal-brief/next-step-edit", test_next_step_edit);
  ADD ("/deal-brief/contacts-and-qualification", test_contacts_and_qualification);
  ADD ("/deal-brief/closed-deal", test_closed_deal);
#undef ADD
  return g_test_run ();
}
