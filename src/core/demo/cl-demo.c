/* cl-demo.c — a deterministic sample team across all four loops
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same seed, counts and today give the same workspace, row for row.
 *
 * It is meant to look like a real team, because a sample whose every deal
 * is flagged teaches that flags mean nothing. Amounts are log-normal. Each
 * deal walks the stages, its days in each drawn around that stage's own
 * pace, and is lost, won or still open today; its history keeps every
 * change. Most deals are clean; about one in seven has one thing wrong (a
 * slow stage, a slipping close date, one contact, an overdue next step…)
 * and about one in eleven is in trouble: slow everywhere and several things
 * wrong at once. So about a quarter of the open deals carry a flag and one
 * in fourteen three or more, as in a pipeline worth reviewing.
 *
 * The slower loops are written on top: weekly reviews (some mere
 * recitals), coaching sessions on the largest deals that thin out over
 * time, calls with transcripts that read as conversations and whose
 * metrics come from their cues, monthly plans with practice logs, and
 * quarterly retrospectives.
 */
#define G_LOG_DOMAIN "cl-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cl-call-metrics.h"
#include "cl-coaching.h"
#include "cl-demo.h"
#include "cl-demo-call.h"
#include "cl-demo-people.h"
#include "cl-demo-random.h"


/* The sales process, each stage with the days a deal usually spends in it
 * and how often a deal is lost there. */
static const struct
{
  const char *name;
  int         probability;
  const char *criteria;
  guint       meddic;
  int         median_days;
  double      lost;
} process[] = {
  { N_("Discovery"), 10, N_("Pain identified and a meeting with a second stakeholder booked"),
    1 << CL_MEDDIC_IDENTIFY_PAIN, 14, 0.22 },
  { N_("Qualification"), 20, N_("Metrics quantified and the economic buyer named"),
    1 << CL_MEDDIC_METRICS | 1 << CL_MEDDIC_ECONOMIC_BUYER, 20, 0.18 },
  { N_("Solution"), 40, N_("Decision criteria agreed and a champion tested"),
    1 << CL_MEDDIC_DECISION_CRITERIA | 1 << CL_MEDDIC_CHAMPION, 30, 0.14 },
  { N_("Proposal"), 60, N_("Decision process written down with dates"),
    1 << CL_MEDDIC_DECISION_PROCESS, 24, 0.12 },
  { N_("Negotiation"), 80, N_("Paper process mapped and competition known"),
    1 << CL_MEDDIC_PAPER_PROCESS | 1 << CL_MEDDIC_COMPETITION, 18, 0.08 },
  { N_("Contract"), 90, N_("Signature date confirmed by the economic buyer"), 0, 12, 0.04 },
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
/* What a coaching session finds and the one move it ends in, each move
 * answering its gap. */
static const struct
{
  const char *gap;
  const char *blocker;
  const char *next_move;
  const char *with;
  const char *quote;    /* the buyer's words the session looked at */
} plays[] = {
  { "Economic buyer unknown", "Budget sits with a different department",
    "Ask the champion to introduce us to the budget owner before the proposal goes out", "the champion",
    "Operations owns it, but finance has to release it." },
  { "Economic buyer unknown", "The champion cannot sign",
    "Ask the CFO: what happens to the Q1 target if this slips a quarter?", "the CFO",
    "Our CFO signs off on anything this size." },
  { "No quantified metric", "The buyer sees it as a nice-to-have",
    "Get the operations lead to put a number on the hours lost each week", "the operations lead",
    "Probably a day a week per planner." },
  { "No quantified metric", "Price is compared line by line with a cheaper tool",
    "Reframe from licence cost to the cost of the manual process, in their own figures", "the champion",
    "Honestly, the price is higher than we expected." },
  { "Decision process unclear", "Procurement freeze until the new year",
    "Get the buyer to write down the decision steps and their dates", "the project manager",
    "We cannot sign anything before the budget review." },
  { "Decision process unclear", "Nobody knows who approves the security review",
    "Ask IT who signs off the security review, and book them for the validation", "the IT director",
    "Procurement runs a security review, then legal looks at the contract." },
  { "Champion untested", "Our champion is leaving the company",
    "Multi-thread to the IT director through the champion before she leaves", "the IT director",
    "I shared your notes with the team in the meantime." },
  { "Champion untested", "The champion has not presented the case internally",
    "Ask the champion to present the business case to her boss and tell us how it landed", "the champion",
    "If it saves the team a day a week, finance will listen." },
  { "Paper process not mapped", "Legal review takes six weeks",
    "Send the MSA to legal now, before the proposal is final", "legal",
    "Legal looks at the contract after procurement." },
  { "Competition not known", "A competitor is already in a pilot",
    "Ask what the pilot has to prove, and offer a reference call on exactly that", "the IT director",
    "Our CIO wants to see it running at another site first." },
  { "Competition not known", "The buyer will not name the other vendors",
    "Book a side-by-side session on their own data with the planners", "the operations team",
    "We have been looking at a few options." },
  { "Single-threaded", "Only one person has seen the proposal",
    "Get a meeting with finance and two planners in the same week", "finance",
    "The operations team feels the pain most." },
};
/* why a deal short of a key deal's amount was coached */
static const char * const triggers[] = { "stalled", "big_logo", "flagged" };
static const char * const followed_up[] = {
  N_("The buyer took the meeting and named a date for the budget"),
  N_("Done: two more stakeholders joined the last call"),
  N_("Asked as planned; the answer changed the close plan"),
};
static const char * const not_followed_up[] = {
  N_("Rep did not ask; re-coach next week"),
  N_("The meeting was postponed twice"),
  N_("Rep sent an email instead of asking on the call"),
};
static const char * const lost_reasons[] = {
  N_("Chose to stay with the current process"), N_("Lost to a competitor on price"),
  N_("No budget this year"), N_("Champion left the company"), N_("Security review failed"),
};
static const char * const practice_scenarios[] = {
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

/* What goes wrong with a deal. A clean deal has none of it, a wobbly one
 * one thing, a troubled one is slow and has two to four more. */
typedef enum {
  ISSUE_SLOW         = 1 << 0,   /* sits in every stage far longer: stalls */
  ISSUE_SLIPPING     = 1 << 1,   /* an optimistic close date, pushed and pushed */
  ISSUE_LATE         = 1 << 2,   /* an optimistic close date nobody moves */
  ISSUE_NO_STEP      = 1 << 3,
  ISSUE_STEP_OVERDUE = 1 << 4,
  ISSUE_ONE_CONTACT  = 1 << 5,
  ISSUE_QUAL_GAP     = 1 << 6,   /* an element its stage requires unknown */
  ISSUE_SHRINKING    = 1 << 7,   /* the amount cut lately */
  ISSUE_BACKWARD     = 1 << 8,   /* moved back a stage lately */
  ISSUE_SKIP         = 1 << 9,   /* jumped a stage early on */
} Issue;

/* how often each issue is the one of a wobbly deal, and one more of a troubled deal */
static const struct
{
  Issue issue;
  int   wobbly;
  int   troubled;
} issue_odds[] = {
  { ISSUE_SLOW, 6, 0 }, { ISSUE_SLIPPING, 4, 4 }, { ISSUE_LATE, 2, 4 }, { ISSUE_NO_STEP, 2, 2 },
  { ISSUE_STEP_OVERDUE, 4, 4 }, { ISSUE_ONE_CONTACT, 4, 4 }, { ISSUE_QUAL_GAP, 4, 4 },
  { ISSUE_SHRINKING, 2, 2 }, { ISSUE_BACKWARD, 1, 1 }, { ISSUE_SKIP, 1, 1 },
};

#define CLEAN_SHARE   0.77
#define WOBBLY_SHARE  0.14   /* the rest is troubled */
#define SLOW_PACE     2.5    /* how much longer a slow deal sits in each stage */

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
  gint64         key_cents;      /* the largest tenth of the deals starts here */
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
  g_autoptr (GPtrArray) names = cl_demo_people_team (demo->rand, demo->options->n_reps + 1);

  for (guint i = 0; i < names->len; i++)
    {
      ClRep *rep = cl_rep_new (g_ptr_array_index (names, i));

      rep->email = g_strdup_printf ("rep%u@example.com", i);
      rep->is_manager = i == 0;
      g_ptr_array_add (demo->reps, rep);
      if (!cl_store_add_rep (demo->store, rep, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (process); i++)
    {
      ClStage *stage = cl_stage_new (_(process[i].name), i + 1, process[i].probability);

      cl_record_set_text (&stage->exit_criteria, _(process[i].criteria));
      stage->required_meddic = process[i].meddic;
      g_ptr_array_add (demo->stages, stage);
      if (!cl_store_add_stage (demo->store, stage, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ deals */

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

  if (CL_DEMO_CHANCE (demo->rand, 0.04))
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

/* The issues of a new deal: none, one, or slowness and two to four more.
 * @kind, in [0, 1), says which; spread evenly over the deals, it keeps the
 * shares of each kind the same in a small team as in a large one. */
static guint
draw_issues (GRand  *rand,
             double  kind)
{
  guint issues = 0, wanted;

  if (kind < CLEAN_SHARE)
    return 0;
  wanted = kind < CLEAN_SHARE + WOBBLY_SHARE ? 1 : (guint) g_rand_int_range (rand, 3, 6);
  if (wanted > 1)
    issues = ISSUE_SLOW;
  while ((guint) __builtin_popcount (issues) < wanted)
    {
      int total = 0, roll;

      for (guint i = 0; i < G_N_ELEMENTS (issue_odds); i++)
        total += wanted > 1 ? issue_odds[i].troubled : issue_odds[i].wobbly;
      roll = g_rand_int_range (rand, 0, total);
      for (guint i = 0; i < G_N_ELEMENTS (issue_odds); i++)
        if ((roll -= wanted > 1 ? issue_odds[i].troubled : issue_odds[i].wobbly) < 0)
          {
            issues |= issue_odds[i].issue;
            break;
          }
    }
  return issues;
}

static void
set_next_step (Demo      *demo,
               ClDeal    *deal,
               ClDay      on,
               ClDay      due,
               GPtrArray *history)
{
  char *old = g_strdup (deal->next_step);

  cl_deal_set_text (deal, &deal->next_step, CL_DEMO_PICK (demo->rand, next_steps));
  deal->next_step_due = due;
  record (history, on, "next_step", old, g_strdup (deal->next_step));
}

/* Moves the close date past @day, as a rep does when the old one passed. */
static void
push_close_date (Demo      *demo,
                 ClDeal    *deal,
                 ClDay      day,
                 GPtrArray *history)
{
  ClDay pushed = MAX (deal->close_date, day) + g_rand_int_range (demo->rand, 14, 46);

  record (history, day, "close_date", cl_date_format (deal->close_date), cl_date_format (pushed));
  deal->close_date = pushed;
}

/* The last stretch of a deal still open today, where its issues show. */
static void
finish_open_deal (Demo      *demo,
                  ClDeal    *deal,
                  guint      issues,
                  ClDay      entered,
                  GPtrArray *history)
{
  GRand *rand = demo->rand;
  ClDay today = demo->today;
  ClDay recent = MAX (entered, today - g_rand_int_range (rand, 1, 8));

  if (deal->close_date < today && !(issues & ISSUE_LATE))
    push_close_date (demo, deal, recent, history);
  if (issues & ISSUE_SHRINKING)
    {
      ClDay cut = MAX (deal->created_on + 1, today - g_rand_int_range (rand, 5, 60));
      gint64 smaller = deal->amount_cents / 100 * g_rand_int_range (rand, 70, 91);

      smaller -= smaller % 50000;
      if (cut < today && smaller > 0)
        {
          record (history, cut, "amount", ID_TEXT (deal->amount_cents), ID_TEXT (smaller));
          deal->amount_cents = smaller;
        }
    }
  if (issues & ISSUE_NO_STEP)
    {
      record (history, recent, "next_step", g_strdup (deal->next_step), g_strdup (""));
      g_clear_pointer (&deal->next_step, g_free);
      deal->next_step_due = 0;
    }
  else if (issues & ISSUE_STEP_OVERDUE)
    deal->next_step_due = today - g_rand_int_range (rand, 3, 22);
  else if (entered + 7 < today)
    /* the rep keeps the next step current between stage changes */
    set_next_step (demo, deal, recent, today + g_rand_int_range (rand, 1, 15), history);
  else
    deal->next_step_due = today + g_rand_int_range (rand, 1, 15);
}

/* The days from @stage to the signature, as a rep would plan them at a
 * deal's @pace. */
static int
planned_days (int    stage,
              double pace)
{
  double days = 0;

  for (guint s = stage; s < G_N_ELEMENTS (process); s++)
    days += process[s].median_days * pace;
  return (int) days;
}

/* Walks @deal from its creation through the stages, a stay at a time,
 * keeping each change in @history, until it is won, lost, or still open
 * today; returns the stage it ends in. */
static int
simulate_deal (Demo      *demo,
               ClDeal    *deal,
               guint      issues,
               int        stage,
               GPtrArray *history)
{
  GRand *rand = demo->rand;
  int last = G_N_ELEMENTS (process) - 1;
  double pace = cl_demo_log_normal (rand, 0.15) * (issues & ISSUE_SLOW ? SLOW_PACE : 1.0);
  gboolean troubled = __builtin_popcount (issues) > 1;
  gboolean moved_back = FALSE, first_move = TRUE;
  ClDay t = deal->created_on;

  /* a rep plans at the deal's pace with some slack; an optimist at none */
  deal->close_date = t + (issues & (ISSUE_SLIPPING | ISSUE_LATE)
                            ? planned_days (stage, g_rand_double_range (rand, 0.5, 0.75))
                            : planned_days (stage, pace * g_rand_double_range (rand, 1.05, 1.35)));
  for (;;)
    {
      ClDay end = t + MAX (1, (int) (process[stage].median_days * pace * cl_demo_log_normal (rand, 0.25)));
      int to = stage + 1;

      if (end >= demo->today)
        break;
      if (deal->close_date < end && !(issues & ISSUE_LATE))
        push_close_date (demo, deal, end, history);
      if (stage == last || CL_DEMO_CHANCE (rand, process[stage].lost * (troubled ? 1.6 : 1.0)))
        {
          deal->status = stage == last && CL_DEMO_CHANCE (rand, 0.9) ? CL_DEAL_WON : CL_DEAL_LOST;
          /* the reason follows from the deal, so the random sequence stays as it was */
          cl_deal_set_text (deal, &deal->status_reason,
                              deal->status == CL_DEAL_WON
                                ? _("Signed")
                                : _(lost_reasons[(deal->amount_cents / 50000 + stage) % G_N_ELEMENTS (lost_reasons)]));
          record (history, end, "status", g_strdup ("open"),
                  g_strdup (cl_deal_status_to_string (deal->status)));
          deal->close_date = end;
          t = end;
          break;
        }
      if (stage + 2 <= last && ((issues & ISSUE_SKIP && first_move) || CL_DEMO_CHANCE (rand, 0.005)))
        to = stage + 2;   /* a skipped stage: process drift */
      else if (stage > 0 && !moved_back
               && ((issues & ISSUE_BACKWARD && end + 85 > demo->today) || CL_DEMO_CHANCE (rand, 0.005)))
        to = stage - 1, moved_back = TRUE;
      record (history, end, "stage", ID_TEXT (demo_stage (demo, stage)->id),
              ID_TEXT (demo_stage (demo, to)->id));
      if (CL_DEMO_CHANCE (rand, 0.85))
        set_next_step (demo, deal, end, end + g_rand_int_range (rand, 5, 15), history);
      stage = to;
      deal->forecast = forecast_for (demo, stage);
      first_move = FALSE;
      t = end;
    }
  deal->stage_entered_on = t;
  deal->stage_id = demo_stage (demo, stage)->id;
  if (deal->status == CL_DEAL_OPEN)
    finish_open_deal (demo, deal, issues, t, history);
  return stage;
}

static gboolean
add_contacts_and_qualification (Demo    *demo,
                                ClDeal  *deal,
                                guint    issues,
                                int      stage,
                                GError **error)
{
  int n_contacts = issues & ISSUE_ONE_CONTACT ? 1 : CL_DEMO_CHANCE (demo->rand, 0.3) ? 3 : 2;
  guint required = 0, missing = 0;
  ClQualificationState states[CL_MEDDIC_N_ELEMENTS];

  for (int s = 0; s <= stage; s++)
    required |= process[s].meddic;
  /* the one element a gap leaves unknown, among those the stage requires */
  if (issues & ISSUE_QUAL_GAP)
    {
      int skip = g_rand_int_range (demo->rand, 0, __builtin_popcount (required));

      for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
        if (required & (1u << e) && skip-- == 0)
          missing = 1u << e;
    }

  for (int i = 0; i < n_contacts; i++)
    {
      g_autoptr (ClContact) contact = g_object_new (CL_TYPE_CONTACT, NULL);

      contact->deal_id = deal->id;
      contact->name = cl_demo_people_buyer (demo->rand);
      contact->title = g_strdup (CL_DEMO_PICK (demo->rand, contact_titles));
      contact->role = g_strdup (i == 0 ? "champion" : CL_DEMO_PICK (demo->rand, contact_roles));
      if (!cl_store_add_contact (demo->store, contact, error))
        return FALSE;
    }
  for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
    {
      /* what the stage requires is known, more often confirmed as the deal advances;
       * what it does not yet require now and then */
      double known = required & (1u << e) ? 1.0 : (stage + 1.0) / G_N_ELEMENTS (process) * 0.1;
      double roll = g_rand_double (demo->rand);

      states[e] = missing & (1u << e) ? CL_QUALIFICATION_UNKNOWN
                  : roll < known * 0.7 ? CL_QUALIFICATION_CONFIRMED
                  : roll < known ? CL_QUALIFICATION_PARTIAL
                  : CL_QUALIFICATION_UNKNOWN;
    }
  return cl_store_assess_qualification (demo->store, deal->id, states, error);
}

static int
compare_cents (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Where the largest tenth of all the deals starts: amounts do not depend
 * on how a deal ends, so near where the automatic key-deal amount (the
 * largest tenth of the open ones, cl_store_top_open_amount ()) puts it. */
static gint64
key_deal_cents (Demo *demo)
{
  g_autoptr (GArray) amounts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), demo->deals->len);
  guint n = demo->deals->len;

  for (guint i = 0; i < n; i++)
    g_array_append_val (amounts, g_array_index (demo->deals, DemoDeal, i).amount_cents);
  g_array_sort (amounts, compare_cents);
  return n ? g_array_index (amounts, gint64, n - 1 - n * CL_KEY_DEAL_TOP_PERCENT / 100) : 0;
}

static gboolean
add_deals (Demo    *demo,
           GError **error)
{
  guint n = demo->options->n_deals;
  int history_days = demo->options->n_weeks * 7 + 90;
  guint step = MAX (1, n / 100);
  g_autoptr (GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  /* which deals are clean, wobbly or troubled, and how old each is, from two
   * sequences that fill [0, 1) evenly: a small team then has the shares and
   * the spread of ages of a large one, as randomness alone would not give */
  double phase = g_rand_double (demo->rand), age_phase = g_rand_double (demo->rand);
  /* the indexes over the deals' rows are built once they are all in */
  static const char *const tables[] = { "deals", "deal_events", "contacts", NULL };
  g_auto (GStrv) indexes = cl_store_drop_indexes (demo->store, tables, error);

  if (indexes == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ClDeal) deal = cl_deal_new ();
      ClRep *owner = random_seller (demo);
      int stage = CL_DEMO_CHANCE (demo->rand, 0.85) ? 0 : 1;
      guint issues = draw_issues (demo->rand, fmod (phase + i * 0.6180339887498949, 1.0));
      DemoDeal kept;

      deal->name = g_strdup_printf ("%s%s — %s", CL_DEMO_PICK (demo->rand, account_heads),
                                    CL_DEMO_PICK (demo->rand, account_tails), CL_DEMO_PICK (demo->rand, products));
      deal->account = g_strndup (deal->name, strstr (deal->name, " — ") - deal->name);
      deal->external_id = g_strdup_printf ("DEMO-%06u", i + 1);
      deal->owner_id = owner->id;
      /* log-normal around 30 000, in steps of 500 */
      deal->amount_cents = MAX (1000, (gint64) (30000 * cl_demo_log_normal (demo->rand, 0.9)) / 500 * 500) * 100;
      cl_deal_set_text (deal, &deal->currency, "EUR");
      deal->created_on = demo->today - 1 - (int) (fmod (age_phase + i * 0.4142135623730950, 1.0) * (history_days - 1));
      deal->forecast = forecast_for (demo, stage);
      cl_deal_set_text (deal, &deal->next_step, CL_DEMO_PICK (demo->rand, next_steps));
      deal->next_step_due = deal->created_on + g_rand_int_range (demo->rand, 3, 12);

      g_ptr_array_set_size (history, 0);
      stage = simulate_deal (demo, deal, issues, stage, history);
      if (!cl_store_add_deal (demo->store, deal, error)
          || !add_contacts_and_qualification (demo, deal, issues, stage, error))
        return FALSE;
      for (guint e = 0; e < history->len; e++)
        ((ClDealEvent *) g_ptr_array_index (history, e))->deal_id = deal->id;
      if (!cl_store_add_deal_events (demo->store, history, error))
        return FALSE;

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
  demo->key_cents = key_deal_cents (demo);
  return cl_store_create_indexes (demo->store, (const char *const *) indexes, error);
}

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

/* An action of @deal's owner, made on @on and due one to two weeks later:
 * done on time more often than not, some late, some still open past their
 * day, last week's mostly still running. */
static gboolean
add_action (Demo        *demo,
            DemoDeal    *deal,
            ClDay        on,
            const char  *text,
            const char  *source,
            gint64      *out_id,
            GError     **error)
{
  g_autoptr (ClAction) action = cl_action_new (text, deal->owner_id, on + g_rand_int_range (demo->rand, 5, 15));
  double roll = g_rand_double (demo->rand);

  action->deal_id = deal->id;
  action->created_on = on;
  cl_record_set_text (&action->source, source);
  if (action->due_on < demo->today)
    {
      if (roll < 0.55)
        action->done_on = MAX (on, action->due_on - g_rand_int_range (demo->rand, 0, 4));
      else if (roll < 0.8)
        action->done_on = MIN (demo->today - 1, action->due_on + g_rand_int_range (demo->rand, 1, 7));
    }
  else if (roll < 0.2 && on < demo->today)
    action->done_on = on + g_rand_int_range (demo->rand, 0, demo->today - on);
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
      gboolean recital = CL_DEMO_CHANCE (demo->rand, 0.3);
      int n_deals = g_rand_int_range (demo->rand, 6, 11);
      DemoDeal *largest[4];
      guint n_largest;

      if (CL_DEMO_CHANCE (demo->rand, 0.12))
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
              && !add_action (demo, deal, review->held_on, CL_DEMO_PICK (demo->rand, action_texts), "review",
                              &decision->action_id, error))
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
          g_autofree char *move = NULL;
          ClDay held_on = monday + g_rand_int_range (demo->rand, 1, 5);
          gboolean key = CL_DEMO_CHANCE (demo->rand, 0.8);
          DemoDeal *deal;
          gint64 action_id;
          guint play;

          /* a manager coaches the deals that matter: mostly key deals */
          if (held_on >= demo->today
              || ((deal = open_deal_on (demo, held_on, 0, key ? demo->key_cents : 0)) == NULL
                  && (deal = open_deal_on (demo, held_on, 0, 0)) == NULL))
            continue;
          play = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (plays));
          session->deal_id = deal->id;
          session->coach_id = demo_rep (demo, 0)->id;
          session->held_on = held_on;
          session->trigger = g_strdup (deal->amount_cents >= demo->key_cents ? "key_deal"
                                                                             : CL_DEMO_PICK (demo->rand, triggers));
          session->evidence = CL_DEMO_CHANCE (demo->rand, 0.6)
                                ? g_strdup_printf (_("Buyer on the last call: “%s”"), plays[play].quote)
                                : g_strdup ("");
          session->gaps = g_strdup (plays[play].gap);
          session->blocker = g_strdup (plays[play].blocker);
          session->next_move = g_strdup (plays[play].next_move);
          session->next_move_with = g_strdup (plays[play].with);
          move = g_strdup_printf (_("%s — with %s"), session->next_move, session->next_move_with);
          if (!add_action (demo, deal, held_on, move, "coaching", &action_id, error))
            return FALSE;
          session->action_id = action_id;
          if (held_on + 10 < demo->today)
            {
              session->follow_up = CL_DEMO_CHANCE (demo->rand, 0.6) ? CL_FOLLOW_UP_HAPPENED
                                                            : CL_FOLLOW_UP_DID_NOT_HAPPEN;
              session->follow_up_note = g_strdup (session->follow_up == CL_FOLLOW_UP_HAPPENED
                                                    ? _(CL_DEMO_PICK (demo->rand, followed_up))
                                                    : _(CL_DEMO_PICK (demo->rand, not_followed_up)));
            }
          if (CL_DEMO_CHANCE (demo->rand, 0.3))
            session->private_notes = g_strdup (_("Rep seemed unsure about pricing authority."));
          if (!cl_store_add_coaching_session (demo->store, session, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ calls */

/* A call's transcript, measured as an imported one would be. */
static gboolean
write_transcript (Demo               *demo,
                  ClCall             *call,
                  const char         *rep_name,
                  const ClDemoCaller *caller)
{
  g_autoptr (ClTranscript) transcript = NULL;
  g_autoptr (ClCallMetrics) metrics = NULL;
  gboolean dated;
  char *vtt = cl_demo_call_write (demo->rand, rep_name, caller, call->held_on, &dated);

  transcript = cl_transcript_parse (vtt, strlen (vtt), "demo.vtt", CL_TRANSCRIPT_VTT, NULL);
  g_assert (transcript != NULL);
  metrics = cl_call_metrics_compute (transcript, rep_name);
  cl_call_metrics_apply (metrics, call);
  call->transcript = vtt;
  call->transcript_format = g_strdup ("vtt");
  return dated;
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

/* The scorecard of a call: around the rep's skill, and the dated next
 * step as the transcript shows it. */
static gboolean
score_call (Demo            *demo,
            ClCall          *call,
            GListModel      *items,
            int              skill,
            gboolean         dated,
            GError         **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (ClTeamListItem) item = g_list_model_get_item (items, i);
      int score = CLAMP (skill + g_rand_int_range (demo->rand, -1, 2), 1, 5);

      if (g_str_equal (item->key, "dated_next_step"))
        score = dated ? MAX (score, 4) : MIN (score, 2);
      if (!cl_store_set_call_score (demo->store, call->id, item->key, score, error))
        return FALSE;
    }
  return TRUE;
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
      ClDemoCaller caller = { .talkativeness = 0.45 + 0.4 * g_rand_double (demo->rand),
                              .step_control = 0.3 + 0.65 * g_rand_double (demo->rand) };
      int skill = g_rand_int_range (demo->rand, 2, 5);

      for (ClDay monday = demo->start; monday < demo->today; monday += 7)
        for (int n = g_rand_int_range (demo->rand, 0, 3); n > 0; n--)
          {
            g_autoptr (ClCall) call = g_object_new (CL_TYPE_CALL, NULL);
            DemoDeal *deal;
            gboolean dated;

            call->rep_id = rep->id;
            call->held_on = monday + g_rand_int_range (demo->rand, 0, 5);
            if (call->held_on >= demo->today)
              continue;
            /* half a rep's calls go to their key deals, which coaching looks at */
            if (!CL_DEMO_CHANCE (demo->rand, 0.5)
                || (deal = open_deal_on (demo, call->held_on, rep->id, demo->key_cents)) == NULL)
              deal = open_deal_on (demo, call->held_on, rep->id, 0);
            call->deal_id = deal ? deal->id : 0;
            call->title = g_strdup (CL_DEMO_PICK (demo->rand, next_steps));
            dated = write_transcript (demo, call, rep->name, &caller);
            if (!cl_store_add_call (demo->store, call, error)
                || (CL_DEMO_CHANCE (demo->rand, 0.5) && !score_call (demo, call, items, skill, dated, error)))
              return FALSE;
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
  if (last < demo->today && CL_DEMO_CHANCE (demo->rand, 0.8))
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
      entry->scenario = g_strdup (CL_DEMO_PICK (demo->rand, practice_scenarios));
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
        if (CL_DEMO_CHANCE (demo->rand, current ? 0.5 : 0.85)
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
      gboolean drifted = CL_DEMO_CHANCE (demo->rand, 0.6);

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

/**
 * cl_demo_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Sets @options to the default sample team: %CL_DEMO_DEFAULT_DEALS deals,
 * %CL_DEMO_DEFAULT_REPS reps, %CL_DEMO_DEFAULT_WEEKS weeks of history,
 * seed %CL_DEMO_DEFAULT_SEED, ending today.
 */
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

/**
 * cl_demo_generate:
 * @store: an empty workspace
 * @options: the team's size, history, seed and today
 * @progress: (nullable) (scope call) (closure user_data): called with the
 *   fraction done, from 0 to 1, while the team is written
 * @user_data: (closure): data for @progress
 * @cancellable: (nullable): a #GCancellable, checked while the deals are
 *   written
 * @error: return location for a #GError, or %NULL
 *
 * Writes a sample team into @store in one transaction: reps, deals with
 * their history, weekly reviews, coaching, calls with transcripts, monthly
 * plans with practice logs and quarterly retrospectives. The same options
 * give the same workspace, row for row. On failure or cancellation nothing
 * is written. Runs in the calling thread and calls @progress there.
 *
 * Returns: %TRUE on success, %FALSE with @error set: %CL_STORE_ERROR_INVALID
 *   when @options asks for no rep or no week or @store already has a team,
 *   %G_IO_ERROR_CANCELLED when cancelled, or a store error
 */
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
  int cache_kib;

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

  cache_kib = cl_store_set_cache_size (store, CL_STORE_BULK_WRITE_CACHE_KIB);
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
  cl_store_set_cache_size (store, cache_kib);

  g_rand_free (demo.rand);
  g_ptr_array_unref (demo.reps);
  g_ptr_array_unref (demo.stages);
  g_array_unref (demo.deals);
  return ok;
}
