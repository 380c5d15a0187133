/* cl-demo.c — a deterministic sample team across all four loops
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same seed, counts and today give the same workspace, row for row. Deals
 * are simulated week by week (moving, stalling, slipping, shrinking) and every
 * change is written to their history; the slower loops are written on top:
 * weekly reviews (some mere recitals), coaching sessions that thin out over
 * time, calls with WebVTT transcripts whose metrics come from the cues
 * generated, monthly plans with practice logs, and quarterly retrospectives.
 */
#define G_LOG_DOMAIN "cl-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cl-call-metrics.h"
#include "cl-coaching.h"
#include "cl-demo.h"

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])
#define CHANCE(rand, p)  (g_rand_double (rand) < (p))

static const char * const first_names[] = {
  "Amara", "Ben", "Chloé", "Dario", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas",
  "Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tamsin",
};
static const char * const last_names[] = {
  "Okafor", "Lindqvist", "Moreau", "Rossi", "Yilmaz", "Haddad", "Kim", "Tanaka", "Ferreira",
  "Becker", "Mensah", "Novak", "García", "Ivanova", "Berg", "Sharma", "Walsh", "Costa",
};
static const char * const account_heads[] = {
  "North", "Blue", "Iron", "Silver", "Harbor", "Cedar", "Summit", "Bright", "Granite", "Maple",
  "Orbit", "Pioneer", "Quartz", "River", "Stone", "Tidal", "Vertex", "Willow", "Zenith", "Aster",
};
static const char * const account_tails[] = {
  "wind Logistics", "fin Health", "works Manufacturing", "line Retail", "gate Energy",
  "field Insurance", "point Foods", "stack Software", "bridge Telecom", "side Hotels",
};
static const char * const products[] = {
  "Platform rollout", "Regional expansion", "Renewal and upsell", "Analytics add-on",
  "Pilot to production", "Security bundle", "Multi-site licence", "Support upgrade",
};
static const char * const next_steps[] = {
  "Send the mutual action plan", "Demo for the operations team", "Security questionnaire back",
  "Pricing call with procurement", "Meet the CFO with the business case", "Technical validation",
  "Reference call with a customer", "Legal review of the MSA", "Workshop on success criteria",
};
static const char * const contact_titles[] = {
  "Head of Operations", "CFO", "IT Director", "Procurement Lead", "VP Sales", "Project Manager",
};
static const char * const contact_roles[] = {
  "champion", "economic_buyer", "influencer", "user", "blocker",
};
static const char * const action_texts[] = {
  "Book a meeting with the economic buyer", "Confirm the decision process in writing",
  "Get the champion to share the business case internally", "Re-date the close with the buyer",
  "Add a second contact in finance", "Send the paper-process checklist",
};
static const char * const triggers[] = { "key_deal", "stalled", "big_logo", "flagged" };
static const char * const gaps[] = {
  "Economic buyer unknown", "No quantified metric", "Decision process unclear",
  "Champion untested", "Paper process not mapped", "Competition not known",
};
static const char * const blockers[] = {
  "Budget sits with a different department", "Procurement freeze until the new year",
  "Our champion is leaving the company", "A competitor is already in a pilot",
};
static const char * const next_moves[] = {
  "Ask the CFO: what happens to the Q1 target if this slips a quarter?",
  "Reframe from licence cost to cost of the manual process",
  "Multi-thread to the IT director through the champion",
  "Get the buyer to write down the decision steps and dates",
};
static const char * const lost_reasons[] = {
  N_("Chose to stay with the current process"), N_("Lost to a competitor on price"),
  N_("No budget this year"), N_("Champion left the company"), N_("Security review failed"),
};
static const char * const buyer_quotes[] = {
  "We can't sign anything before the budget review.",
  "Honestly, the spreadsheet works well enough for now.",
  "If it saves the team a day a week, finance will listen.",
  "Our CIO wants to see it running at another site first.",
};
/* the team's default skills (schema step 6) */
static const char * const skills[] = {
  "discovery_depth", "objection_handling", "multi_threading", "next_step_control",
  "price_hold",
};
static const char * const drills[] = {
  "Role-play five discovery openings and record them",
  "Practise the agree-then-address pattern on the three common objections",
  "Map two more stakeholders on each top deal",
  "End every call with a dated next step the buyer repeats back",
  "Hold the price through three rounds of a discount role-play",
};
static const char * const rep_lines[] = {
  "Thanks for making the time today.", "What made this a priority now?",
  "Let me show you how the dashboard handles that.", "Who else needs to be part of the decision?",
  "Our platform does that out of the box, and it also integrates with your ERP.",
  "How do you handle this process today?", "What would it cost you if nothing changed?",
  "Can we put a date on the follow-up with your CFO?", "That makes sense.",
};
static const char * const buyer_lines[] = {
  "We have been looking at a few options.", "Mostly spreadsheets, to be honest.",
  "Budget is the question.", "The operations team feels the pain most.",
  "I would need to check with finance.", "Next Thursday could work.", "Sure.",
};

/* one simulated deal, kept for the later loops to pick from */
typedef struct
{
  gint64 id;
  gint64 owner_id;
  ClDay  created_on;
  ClDay  closed_on;    /* 0 while open */
  gint64 amount_cents;
} DemoDeal;

typedef struct
{
  ClStore       *store;
  GRand         *rand;
  const ClDemoOptions *options;
  ClDay          today;
  ClDay          start;          /* the Monday the history starts */
  GPtrArray     *reps;           /* ClRep, the manager first */
  GPtrArray     *stages;         /* ClStage, by position */
  GArray        *deals;          /* DemoDeal */
  ClDemoProgress progress;
  gpointer       progress_data;
  GCancellable  *cancellable;
} Demo;

static ClRep *
demo_rep (Demo *demo,
          guint i)
{
  return g_ptr_array_index (demo->reps, i);
}

/* a rep who carries deals (index 0 is the manager) */
static ClRep *
random_seller (Demo *demo)
{
  return demo_rep (demo, g_rand_int_range (demo->rand, 1, demo->reps->len));
}

static gboolean
add_team (Demo    *demo,
          GError **error)
{
  static const struct { const char *name; int probability; const char *criteria; guint meddic; } stages[] = {
    { N_("Discovery"), 10, N_("Pain identified and a meeting with a second stakeholder booked"),
      1 << CL_MEDDIC_IDENTIFY_PAIN },
    { N_("Qualification"), 20, N_("Metrics quantified and the economic buyer named"),
      1 << CL_MEDDIC_METRICS | 1 << CL_MEDDIC_ECONOMIC_BUYER },
    { N_("Solution"), 40, N_("Decision criteria agreed and a champion tested"),
      1 << CL_MEDDIC_DECISION_CRITERIA | 1 << CL_MEDDIC_CHAMPION },
    { N_("Proposal"), 60, N_("Decision process written down with dates"),
      1 << CL_MEDDIC_DECISION_PROCESS },
    { N_("Negotiation"), 80, N_("Paper process mapped and competition known"),
      1 << CL_MEDDIC_PAPER_PROCESS | 1 << CL_MEDDIC_COMPETITION },
    { N_("Contract"), 90, N_("Signature date confirmed by the economic buyer"), 0 },
  };
  guint used = 0;

  for (guint i = 0; i <= demo->options->n_reps; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      ClRep *rep;
      guint first, last;

      /* distinct first names while they last, so a team reads naturally */
      first = (i + g_rand_int_range (demo->rand, 0, 3) * 7) % G_N_ELEMENTS (first_names);
      while (used & (1u << first) && i < G_N_ELEMENTS (first_names))
        first = (first + 1) % G_N_ELEMENTS (first_names);
      used |= 1u << first;
      last = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (last_names));
      name = i < G_N_ELEMENTS (first_names)
               ? g_strdup_printf ("%s %s", first_names[first], last_names[last])
               : g_strdup_printf ("%s %s %u", first_names[first], last_names[last], i);
      email = g_strdup_printf ("rep%u@example.com", i);
      rep = cl_rep_new (name);
      rep->email = g_steal_pointer (&email);
      rep->is_manager = i == 0;
      g_ptr_array_add (demo->reps, rep);
      if (!cl_store_add_rep (demo->store, rep, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      ClStage *stage = cl_stage_new (_(stages[i].name), i + 1, stages[i].probability);

      cl_record_set_text (&stage->exit_criteria, _(stages[i].criteria));
      stage->required_meddic = stages[i].meddic;
      g_ptr_array_add (demo->stages, stage);
      if (!cl_store_add_stage (demo->store, stage, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ deals */

typedef enum { MOVING, STALLED, SLIPPING, SHRINKING } DealFate;

static ClStage *
demo_stage (Demo *demo,
            int   index)
{
  return g_ptr_array_index (demo->stages, index);
}

static ClForecast
forecast_for (Demo *demo,
              int   stage)
{
  int probability = demo_stage (demo, stage)->probability;

  if (CHANCE (demo->rand, 0.04))
    return CL_FORECAST_OMITTED;
  return probability >= 80 ? CL_FORECAST_COMMIT
         : probability >= 40 ? CL_FORECAST_BEST_CASE : CL_FORECAST_PIPELINE;
}

static void
record (GPtrArray   *history,
        ClDay        on,
        const char  *field,
        char        *old_value,
        char        *new_value)
{
  ClDealEvent *event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

  event->occurred_on = on;
  event->field = g_strdup (field);
  event->old_value = old_value;
  event->new_value = new_value;
  g_ptr_array_add (history, event);
}

#define ID_TEXT(id) g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (id))

/* Walks @deal from its creation to today, a week at a time, keeping each
 * change in @history; returns the stage it ends in. */
static int
simulate_deal (Demo      *demo,
               ClDeal    *deal,
               int        stage,
               GPtrArray *history)
{
  DealFate fate = (DealFate) g_rand_int_range (demo->rand, 0, 100);
  GRand *rand = demo->rand;
  int last_stage = demo->stages->len - 1;

  fate = fate < 50 ? MOVING : fate < 72 ? STALLED : fate < 88 ? SLIPPING : SHRINKING;

  for (ClDay t = deal->created_on + 7; t < demo->today && deal->status == CL_DEAL_OPEN; t += 7)
    {
      double advance = fate == MOVING ? 0.3 : fate == STALLED ? 0.0 : 0.12;

      if (stage < last_stage && CHANCE (rand, advance))
        {
          int to = stage + 1;

          if (CHANCE (rand, 0.06) && stage + 2 <= last_stage)
            to = stage + 2;   /* a skipped stage: process drift */
          else if (CHANCE (rand, 0.04) && stage > 0)
            to = stage - 1;   /* moved backwards */
          record (history, t, "stage", ID_TEXT (demo_stage (demo, stage)->id),
                       ID_TEXT (demo_stage (demo, to)->id));
          stage = to;
          deal->stage_entered_on = t;
          deal->forecast = forecast_for (demo, stage);
          if (fate != STALLED && CHANCE (rand, 0.85))
            {
              char *old = g_strdup (deal->next_step);

              g_free (deal->next_step);
              deal->next_step = g_strdup (PICK (rand, next_steps));
              deal->next_step_due = t + g_rand_int_range (rand, 5, 15);
              record (history, t, "next_step", old, g_strdup (deal->next_step));
            }
        }
      if ((fate == SLIPPING && CHANCE (rand, 0.18)) || (t > deal->close_date && CHANCE (rand, 0.5)))
        {
          ClDay pushed = MAX (deal->close_date, t) + g_rand_int_range (rand, 14, 46);

          record (history, t, "close_date", cl_date_format (deal->close_date),
                       cl_date_format (pushed));
          deal->close_date = pushed;
        }
      if (fate == SHRINKING && CHANCE (rand, 0.1))
        {
          gint64 smaller = deal->amount_cents / 100 * g_rand_int_range (rand, 70, 91);

          smaller -= smaller % 50000;
          record (history, t, "amount", ID_TEXT (deal->amount_cents),
                       ID_TEXT (smaller));
          deal->amount_cents = smaller;
        }
      if (t >= deal->close_date && stage >= last_stage - 1 && CHANCE (rand, 0.6))
        deal->status = CL_DEAL_WON;
      else if (t >= deal->close_date && CHANCE (rand, 0.25))
        deal->status = CL_DEAL_LOST;
      if (deal->status != CL_DEAL_OPEN)
        {
          g_free (deal->status_reason);
          /* the reason follows from the deal, so the random sequence stays as it was */
          deal->status_reason = g_strdup (deal->status == CL_DEAL_WON
                                          ? _("Signed")
                                          : _(lost_reasons[(deal->amount_cents / 50000 + stage)
                                                           % G_N_ELEMENTS (lost_reasons)]));
          record (history, t, "status", g_strdup ("open"),
                       g_strdup (cl_deal_status_to_string (deal->status)));
          deal->close_date = t;
        }
    }
  if (fate == STALLED && CHANCE (rand, 0.3))
    {
      g_clear_pointer (&deal->next_step, g_free);
      deal->next_step_due = 0;
    }

  deal->stage_id = demo_stage (demo, stage)->id;
  return stage;
}

static gboolean
add_contacts_and_qualification (Demo    *demo,
                                ClDeal  *deal,
                                int      stage,
                                GError **error)
{
  int n_contacts = CHANCE (demo->rand, 0.3) ? 1 : g_rand_int_range (demo->rand, 2, 4);
  double known = (stage + 1.0) / demo->stages->len;

  for (int i = 0; i < n_contacts; i++)
    {
      g_autoptr (ClContact) contact = g_object_new (CL_TYPE_CONTACT, NULL);

      contact->deal_id = deal->id;
      contact->name = g_strdup_printf ("%s %s", PICK (demo->rand, first_names),
                                       PICK (demo->rand, last_names));
      contact->title = g_strdup (PICK (demo->rand, contact_titles));
      contact->role = g_strdup (i == 0 ? "champion" : PICK (demo->rand, contact_roles));
      if (!cl_store_add_contact (demo->store, contact, error))
        return FALSE;
    }
  for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
    {
      double roll = g_rand_double (demo->rand);
      ClQualificationState state = roll < known * 0.7 ? CL_QUALIFICATION_CONFIRMED
                                   : roll < known ? CL_QUALIFICATION_PARTIAL
                                   : CL_QUALIFICATION_UNKNOWN;

      if (state != CL_QUALIFICATION_UNKNOWN
          && !cl_store_set_qualification (demo->store, deal->id, e, state, "", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_deals (Demo    *demo,
           GError **error)
{
  guint n = demo->options->n_deals;
  int history_days = demo->options->n_weeks * 7 + 90;
  guint step = MAX (1, n / 100);
  g_autoptr (GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClDeal) deal = cl_deal_new ();
      ClRep *owner = random_seller (demo);
      int stage = CHANCE (demo->rand, 0.8) ? 0 : 1;
      DemoDeal kept;

      deal->name = g_strdup_printf ("%s%s — %s", PICK (demo->rand, account_heads),
                                    PICK (demo->rand, account_tails), PICK (demo->rand, products));
      deal->account = g_strndup (deal->name, strstr (deal->name, " — ") - deal->name);
      deal->external_id = g_strdup_printf ("DEMO-%06u", i + 1);
      deal->owner_id = owner->id;
      deal->stage_id = demo_stage (demo, stage)->id;
      deal->amount_cents = (gint64) (exp (g_rand_double_range (demo->rand, log (4000), log (250000))))
                           / 500 * 500 * 100;
      cl_record_set_text (&deal->currency, "EUR");
      deal->created_on = demo->today - g_rand_int_range (demo->rand, 1, history_days);
      deal->close_date = deal->created_on + g_rand_int_range (demo->rand, 45, 121);
      deal->forecast = forecast_for (demo, stage);
      cl_record_set_text (&deal->next_step, PICK (demo->rand, next_steps));
      deal->next_step_due = deal->created_on + g_rand_int_range (demo->rand, 3, 12);

      g_ptr_array_set_size (history, 0);
      stage = simulate_deal (demo, deal, stage, history);
      if (!cl_store_add_deal (demo->store, deal, error)
          || !add_contacts_and_qualification (demo, deal, stage, error))
        return FALSE;
      for (guint e = 0; e < history->len; e++)
        {
          ClDealEvent *event = g_ptr_array_index (history, e);

          event->deal_id = deal->id;
          if (!cl_store_add_deal_event (demo->store, event, error))
            return FALSE;
        }

      kept = (DemoDeal) { deal->id, deal->owner_id, deal->created_on,
                          deal->status == CL_DEAL_OPEN ? 0 : deal->close_date,
                          deal->amount_cents };
      g_array_append_val (demo->deals, kept);

      if (i % step == 0)
        {
          if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
            return FALSE;
          if (demo->progress)
            demo->progress (0.9 * i / n, demo->progress_data);
        }
    }
  return TRUE;
}

/* the team setting's default key-deal amount, in cents */
#define KEY_DEAL_CENTS (G_GINT64_CONSTANT (50000) * 100)

/* A deal that was open on @day, owned by @owner_id unless that is 0, and
 * worth at least @min_cents. */
static DemoDeal *
open_deal_on (Demo   *demo,
              ClDay   day,
              gint64  owner_id,
              gint64  min_cents)
{
  for (int tries = 0; tries < 200; tries++)
    {
      DemoDeal *d = &g_array_index (demo->deals, DemoDeal,
                                    g_rand_int_range (demo->rand, 0, demo->deals->len));

      if (d->created_on <= day && (d->closed_on == 0 || d->closed_on > day)
          && (owner_id == 0 || d->owner_id == owner_id) && d->amount_cents >= min_cents)
        return d;
    }
  return NULL;
}

static gboolean
add_action (Demo        *demo,
            DemoDeal    *deal,
            ClDay        on,
            const char  *source,
            gint64      *out_id,
            GError     **error)
{
  g_autoptr (ClAction) action = cl_action_new (PICK (demo->rand, action_texts), deal->owner_id,
                                               on + g_rand_int_range (demo->rand, 3, 11));

  action->deal_id = deal->id;
  action->created_on = on;
  cl_record_set_text (&action->source, source);
  if (action->due_on < demo->today && CHANCE (demo->rand, 0.7))
    action->done_on = MIN (demo->today, action->due_on + g_rand_int_range (demo->rand, -2, 4));
  if (!cl_store_add_action (demo->store, action, error))
    return FALSE;
  *out_id = action->id;
  return TRUE;
}

/* ------------------------------------------------------------------ weekly reviews */

/* The @n largest deals open on @day, largest first; returns how many. */
static guint
largest_open_on (Demo      *demo,
                 ClDay      day,
                 DemoDeal **out,
                 guint      n)
{
  guint found = 0;

  for (guint i = 0; i < demo->deals->len; i++)
    {
      DemoDeal *d = &g_array_index (demo->deals, DemoDeal, i);
      guint at;

      if (d->created_on > day || (d->closed_on != 0 && d->closed_on <= day))
        continue;
      for (at = found; at > 0 && out[at - 1]->amount_cents < d->amount_cents; at--)
        if (at < n)
          out[at] = out[at - 1];
      if (at < n)
        {
          out[at] = d;
          found = MIN (found + 1, n);
        }
    }
  return found;
}

static gboolean
add_reviews (Demo    *demo,
             GError **error)
{
  g_autoptr (GString) attendees = g_string_new (NULL);

  for (guint i = 0; i < demo->reps->len; i++)
    g_string_append_printf (attendees, "%s%s", i ? ", " : "", demo_rep (demo, i)->name);

  for (ClDay monday = demo->start; monday + 1 < demo->today; monday += 7)
    {
      g_autoptr (ClReview) review = g_object_new (CL_TYPE_REVIEW, NULL);
      gboolean recital = CHANCE (demo->rand, 0.3);
      int n_deals = g_rand_int_range (demo->rand, 6, 11);
      DemoDeal *largest[4];
      guint n_largest;

      if (CHANCE (demo->rand, 0.12))
        continue;   /* the week the review did not happen */
      review->week = cl_date_iso_week (monday);
      review->held_on = monday + g_rand_int_range (demo->rand, 0, 2);
      review->attendees = g_strdup (attendees->str);
      review->notes = g_strdup (recital ? _("Went through the forecast deal by deal.")
                                        : _("Focused on the deals that moved or stalled."));
      if (!cl_store_add_review (demo->store, review, error))
        return FALSE;

      /* the biggest deals come up every week; a few others by turn */
      n_largest = largest_open_on (demo, review->held_on, largest, G_N_ELEMENTS (largest));
      for (int k = 0; k < n_deals; k++)
        {
          g_autoptr (ClReviewDecision) decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);
          DemoDeal *deal = (guint) k < n_largest ? largest[k] : open_deal_on (demo, review->held_on, 0, 0);
          int roll = g_rand_int_range (demo->rand, 0, 100);
          g_autoptr (GError) local = NULL;

          if (deal == NULL)
            break;
          decision->review_id = review->id;
          decision->deal_id = deal->id;
          decision->decision = recital || roll < 45 ? CL_DECISION_KEEP
                               : roll < 75 ? CL_DECISION_NEXT_ACTION
                               : roll < 88 ? CL_DECISION_MANAGER_TIME : CL_DECISION_DISQUALIFY;
          decision->note = g_strdup (decision->decision == CL_DECISION_KEEP
                                       ? _("No change since last week") : "");
          if (decision->decision == CL_DECISION_NEXT_ACTION
              && !add_action (demo, deal, review->held_on, "review", &decision->action_id, error))
            return FALSE;
          if (!cl_store_add_review_decision (demo->store, decision, &local))
            {
              /* the same deal drawn twice for one review: draw again */
              if (g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT))
                continue;
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ coaching */

static gboolean
add_coaching (Demo    *demo,
              GError **error)
{
  ClDay span = demo->today - demo->start;

  for (ClDay monday = demo->start; monday < demo->today; monday += 7)
    {
      /* coaching thins out as the quarter gets busy: the common failure */
      gboolean late = (monday - demo->start) * 3 > span * 2;
      int n = g_rand_int_range (demo->rand, 0, late ? 2 : 4);

      for (int k = 0; k < n; k++)
        {
          g_autoptr (ClCoachingSession) session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
          ClDay held_on = monday + g_rand_int_range (demo->rand, 1, 5);
          DemoDeal *deal;
          gint64 action_id;

          /* a manager coaches the deals that matter: mostly key deals */
          if (held_on >= demo->today
              || ((deal = open_deal_on (demo, held_on, 0, CHANCE (demo->rand, 0.8) ? KEY_DEAL_CENTS : 0)) == NULL
                  && (deal = open_deal_on (demo, held_on, 0, 0)) == NULL))
            continue;
          session->deal_id = deal->id;
          session->coach_id = demo_rep (demo, 0)->id;
          session->held_on = held_on;
          session->trigger = g_strdup (PICK (demo->rand, triggers));
          session->evidence = CHANCE (demo->rand, 0.6)
                                ? g_strdup_printf (_("Buyer on the last call: “%s”"),
                                                   PICK (demo->rand, buyer_quotes))
                                : g_strdup ("");
          session->gaps = g_strdup (PICK (demo->rand, gaps));
          session->blocker = g_strdup (PICK (demo->rand, blockers));
          session->next_move = g_strdup (PICK (demo->rand, next_moves));
          if (!add_action (demo, deal, held_on, "coaching", &action_id, error))
            return FALSE;
          session->action_id = action_id;
          if (held_on + 10 < demo->today)
            {
              session->follow_up = CHANCE (demo->rand, 0.6) ? CL_FOLLOW_UP_HAPPENED
                                                            : CL_FOLLOW_UP_DID_NOT_HAPPEN;
              session->follow_up_note = g_strdup (session->follow_up == CL_FOLLOW_UP_HAPPENED
                                                    ? _("The buyer took the meeting")
                                                    : _("Rep did not ask; re-coach next week"));
            }
          if (CHANCE (demo->rand, 0.3))
            session->private_notes = g_strdup (_("Rep seemed unsure about pricing authority."));
          if (!cl_store_add_coaching_session (demo->store, session, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ calls */

/* Writes a WebVTT transcript the way Teams does, then measures it as an
 * imported one would be. */
static void
write_transcript (Demo       *demo,
                  ClCall     *call,
                  const char *rep_name,
                  double      talkativeness)
{
  g_autoptr (GString) vtt = g_string_new ("WEBVTT\n\n");
  g_autoptr (ClTranscript) transcript = NULL;
  g_autoptr (ClCallMetrics) metrics = NULL;
  int n_cues = g_rand_int_range (demo->rand, 24, 48);
  gint64 t = 0;
  gboolean rep_speaking = TRUE;

  for (int i = 0; i < n_cues; i++)
    {
      gboolean rep_turn = i == 0 || CHANCE (demo->rand, rep_speaking ? talkativeness - 0.25 : 0.85);
      const char *line = rep_turn ? PICK (demo->rand, rep_lines) : PICK (demo->rand, buyer_lines);
      gint64 length = g_rand_int_range (demo->rand, 3000, rep_turn ? 8000 + (int) (22000 * talkativeness) : 14000);
      g_autofree char *from = NULL, *to = NULL;

      t += g_rand_int_range (demo->rand, 200, 2000);
      from = cl_transcript_format_time (t);
      to = cl_transcript_format_time (t + length);
      g_string_append_printf (vtt, "%d\n%s --> %s\n<v %s>%s\n\n", i + 1, from, to,
                              rep_turn ? rep_name : _("Buyer"), line);
      rep_speaking = rep_turn;
      t += length;
    }
  transcript = cl_transcript_parse (vtt->str, vtt->len, "demo.vtt", CL_TRANSCRIPT_VTT, NULL);
  g_assert (transcript != NULL);
  metrics = cl_call_metrics_compute (transcript, rep_name);
  cl_call_metrics_apply (metrics, call);
  call->transcript = g_string_free (g_steal_pointer (&vtt), FALSE);
  call->transcript_format = g_strdup ("vtt");
}

/* A session that quotes the buyer looked at the deal's latest call before it. */
static gboolean
link_evidence (Demo    *demo,
               GError **error)
{
  g_autoptr (GListModel) sessions = cl_store_list_coaching_sessions (demo->store, 0, error);

  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (sessions, i);
      g_autoptr (GListModel) calls = NULL;

      if (cl_coaching_from_story (session))
        continue;
      calls = cl_store_list_calls (demo->store, session->deal_id, error);
      if (calls == NULL)
        return FALSE;
      for (guint c = 0; c < g_list_model_get_n_items (calls); c++)
        {
          g_autoptr (ClCall) call = g_list_model_get_item (calls, c);   /* newest first */

          if (call->held_on > session->held_on)
            continue;
          if (!cl_store_add_coaching_evidence (demo->store, session->id, call->id, error))
            return FALSE;
          break;
        }
    }
  return sessions != NULL;
}

static gboolean
add_calls (Demo    *demo,
           GError **error)
{
  g_autoptr (GListModel) items = cl_store_list_team_list (demo->store, CL_TEAM_LIST_SCORECARD, error);

  if (items == NULL)
    return FALSE;
  for (guint r = 1; r < demo->reps->len; r++)
    {
      ClRep *rep = demo_rep (demo, r);
      double talkativeness = 0.45 + 0.4 * g_rand_double (demo->rand);
      int skill = g_rand_int_range (demo->rand, 2, 5);

      for (ClDay monday = demo->start; monday < demo->today; monday += 7)
        for (int n = g_rand_int_range (demo->rand, 0, 3); n > 0; n--)
          {
            g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
            DemoDeal *deal;

            call->rep_id = rep->id;
            call->held_on = monday + g_rand_int_range (demo->rand, 0, 5);
            if (call->held_on >= demo->today)
              continue;
            deal = open_deal_on (demo, call->held_on, rep->id, 0);
            call->deal_id = deal ? deal->id : 0;
            call->title = g_strdup (PICK (demo->rand, next_steps));
            write_transcript (demo, call, rep->name, talkativeness);
            if (!cl_store_add_call (demo->store, call, error))
              return FALSE;
            if (CHANCE (demo->rand, 0.5))
              for (guint i = 0; i < g_list_model_get_n_items (items); i++)
                {
                  g_autoptr (ClTeamListItem) item = g_list_model_get_item (items, i);
                  int score = CLAMP (skill + g_rand_int_range (demo->rand, -1, 2), 1, 5);

                  if (!cl_store_set_call_score (demo->store, call->id, item->key, score, error))
                    return FALSE;
                }
          }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ development */

static const char *
lookback_evidence (ClLookback lookback)
{
  switch (lookback)
    {
    case CL_LOOKBACK_YES: return _("Scorecard average on this item rose by a point");
    case CL_LOOKBACK_PARTLY: return _("Better on practice calls, not yet on live ones");
    case CL_LOOKBACK_NO: return _("No change on the scorecard");
    case CL_LOOKBACK_NONE: break;
    }
  return "";
}

/* The pattern behind a plan: the rep's two lowest-scored calls of the
 * month before it. */
static gboolean
link_plan_evidence (Demo       *demo,
                    ClDevPlan  *plan,
                    ClDay       first,
                    GError    **error)
{
  g_autoptr (GListModel) calls = cl_store_list_rep_calls (demo->store, plan->rep_id, first - 31, error);
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  double lowest[2] = { 6, 6 };
  gint64 ids[2] = { 0, 0 };

  if (calls == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, i);

      if (call->held_on >= first || call->mean_score <= 0)
        continue;
      if (call->mean_score < lowest[0])
        {
          lowest[1] = lowest[0], ids[1] = ids[0];
          lowest[0] = call->mean_score, ids[0] = call->id;
        }
      else if (call->mean_score < lowest[1])
        lowest[1] = call->mean_score, ids[1] = call->id;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != 0)
      g_array_append_val (chosen, ids[i]);
  return cl_store_set_plan_evidence (demo->store, plan->id, chosen, NULL, error);
}

static gboolean
add_month_plan (Demo        *demo,
                ClRep       *rep,
                const char  *month,
                guint        skill,
                GError     **error)
{
  g_autoptr (ClDevPlan) plan = g_object_new (CL_TYPE_DEV_PLAN, NULL);
  ClDay first, last;
  int n_practice;

  cl_date_parse_month (month, &first, &last);
  plan->rep_id = rep->id;
  plan->month = g_strdup (month);
  plan->focus = g_strdup (skills[skill]);
  plan->justification = g_strdup (_("The weakest item on this rep's recent call scorecards"));
  plan->drill = g_strdup (drills[skill]);
  plan->target_repetitions = g_rand_int_range (demo->rand, 8, 13);
  plan->target_score = 4;
  if (last < demo->today && CHANCE (demo->rand, 0.8))
    {
      plan->lookback = g_rand_int_range (demo->rand, CL_LOOKBACK_YES, CL_LOOKBACK_NO + 1);
      plan->lookback_evidence = g_strdup (lookback_evidence (plan->lookback));
    }
  if (!cl_store_add_dev_plan (demo->store, plan, error) || !link_plan_evidence (demo, plan, first, error))
    return FALSE;

  last = MIN (last, demo->today - 1);
  n_practice = last >= first ? g_rand_int_range (demo->rand, 0, plan->target_repetitions + 1) : 0;
  for (int k = 0; k < n_practice; k++)
    {
      g_autoptr (ClPracticeEntry) entry = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);

      entry->rep_id = rep->id;
      entry->logged_on = first + (last - first) * k / MAX (1, n_practice);
      entry->focus = g_strdup (plan->focus);
      entry->scenario = g_strdup (PICK (demo->rand, buyer_quotes));
      /* the self-score climbs through the month */
      entry->self_score = CLAMP (2 + 3 * k / n_practice + g_rand_int_range (demo->rand, -1, 2), 1, 5);
      if (!cl_store_add_practice_entry (demo->store, entry, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_development (Demo    *demo,
                 GError **error)
{
  g_autofree char *this_month = cl_date_month (demo->today);
  g_autofree char *month = cl_date_month (demo->start);
  guint month_index = 0;

  for (;; month_index++)
    {
      gboolean current = g_strcmp0 (month, this_month) == 0;
      ClDay last;

      /* the loop nothing forces: this month only half the team has a plan */
      for (guint r = 1; r < demo->reps->len; r++)
        if (CHANCE (demo->rand, current ? 0.5 : 0.85)
            && !add_month_plan (demo, demo_rep (demo, r), month,
                                (r + month_index) % G_N_ELEMENTS (skills), error))
          return FALSE;
      if (current)
        return TRUE;
      cl_date_parse_month (month, NULL, &last);
      g_free (month);
      month = cl_date_month (last + 1);
    }
}

/* ------------------------------------------------------------------ retrospectives */

static gboolean
add_retros (Demo    *demo,
            GError **error)
{
  g_autofree char *quarter = cl_date_quarter (demo->start);
  ClDay first, last;

  for (cl_date_parse_quarter (quarter, &first, &last); last < demo->today;
       cl_date_parse_quarter (quarter, &first, &last))
    {
      g_autoptr (ClRetro) retro = g_object_new (CL_TYPE_RETRO, NULL);
      gboolean drifted = CHANCE (demo->rand, 0.6);

      retro->quarter = g_strdup (quarter);
      retro->held_on = MIN (demo->today, last + g_rand_int_range (demo->rand, 3, 11));
      retro->findings = g_strdup (_("Win rate held, but the average deal slipped two weeks and "
                                    "coaching sessions halved in the second month."));
      retro->root_causes = drifted ? CL_ROOT_CAUSE_DISCIPLINE : CL_ROOT_CAUSE_DIRECTION;
      retro->decision = drifted ? CL_RETRO_EXECUTION_DRIFTED : CL_RETRO_ADJUST_STRATEGY;
      retro->decision_detail = g_strdup (drifted ? _("The plan was right; the loops lapsed.")
                                                 : _("Move focus from new logos to expansion."));
      retro->restart_plan = g_strdup (drifted ? _("Weekly review back on Mondays; one coached "
                                                  "deal per rep every two weeks.") : "");
      if (!cl_store_add_retro (demo->store, retro, error))
        return FALSE;
      g_free (quarter);
      quarter = cl_date_quarter (last + 1);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ entry point */

void
cl_demo_options_init (ClDemoOptions *options)
{
  *options = (ClDemoOptions) {
    .n_deals = CL_DEMO_DEFAULT_DEALS,
    .n_reps = CL_DEMO_DEFAULT_REPS,
    .n_weeks = CL_DEMO_DEFAULT_WEEKS,
    .seed = CL_DEMO_DEFAULT_SEED,
  };
}

gboolean
cl_demo_generate (ClStore              *store,
                  const ClDemoOptions  *options,
                  ClDemoProgress        progress,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr (GListModel) reps = NULL;
  Demo demo = { 0 };
  gboolean ok;

  if (options->n_reps < 1 || options->n_weeks < 1)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("A sample team needs at least one rep and one week")), FALSE;
  reps = cl_store_list_reps (store, error);
  if (reps == NULL)
    return FALSE;
  if (g_list_model_get_n_items (reps) > 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("Workspace “%s” already has a team; a sample team goes in a new workspace"),
                        cl_store_get_path (store)), FALSE;

  demo.store = store;
  demo.options = options;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.today = options->today ? options->today : cl_date_today ();
  demo.start = demo.today - (cl_date_weekday (demo.today) - 1) - 7 * options->n_weeks;
  demo.reps = g_ptr_array_new_with_free_func (g_object_unref);
  demo.stages = g_ptr_array_new_with_free_func (g_object_unref);
  demo.deals = g_array_sized_new (FALSE, FALSE, sizeof (DemoDeal), options->n_deals);
  demo.progress = progress;
  demo.progress_data = user_data;
  demo.cancellable = cancellable;

  ok = cl_store_begin (store, error)
       && add_team (&demo, error)
       && add_deals (&demo, error)
       && (demo.deals->len == 0 || add_reviews (&demo, error))
       && (demo.deals->len == 0 || add_coaching (&demo, error))
       && add_calls (&demo, error)
       && link_evidence (&demo, error)
       && add_development (&demo, error)
       && add_retros (&demo, error);
  if (ok)
    ok = cl_store_commit (store, error);
  else
    cl_store_rollback (store);
  if (ok && progress)
    progress (1.0, user_data);

  g_rand_free (demo.rand);
  g_ptr_array_unref (demo.reps);
  g_ptr_array_unref (demo.stages);
  g_array_unref (demo.deals);
  return ok;
}
