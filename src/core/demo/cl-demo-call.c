/* cl-demo-call.c — a sample sales call, written as a WebVTT transcript
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transcript of lines drawn one by one reads as two people talking past
 * each other, and coaching quotes it. So a call is written in exchanges: a
 * line and the answer to it. What differs between reps is how much they
 * pitch before asking, and whether they end on a day in the diary; the
 * metrics measured from the cues follow from that.
 */
#define G_LOG_DOMAIN "cl-demo"

#include "config.h"

#include "cl-demo-call.h"
#include "cl-demo-random.h"
#include "cl-transcript.h"


/* a line, the answer to it, and perhaps the first speaker's reply to that:
 * a buyer's question after a pitch is answered, and an objection is the
 * buyer's, met by the rep's question, which the buyer answers */
typedef struct
{
  const char *line;
  const char *answer;
  const char *reply;
} Exchange;

static const Exchange openings[] = {
  { "Thanks for making the time today. How has your week been?",
    "Busy, quarter end is close. Happy to talk though." },
  { "Good to see you again. Shall we pick up where we left off last time?",
    "Yes, I shared your notes with the team in the meantime." },
  { "Thanks for joining. I have half an hour blocked, does that still work for you?",
    "Half an hour is fine, I have a hard stop after that." },
};
static const Exchange questions[] = {
  { "What made this a priority now?",
    "We missed two delivery deadlines last quarter and the board noticed." },
  { "How do you handle this process today?",
    "Mostly spreadsheets, to be honest. Three people update them by hand every Monday." },
  { "What would it cost you if nothing changed?",
    "Probably a day a week per planner, and the overtime that comes with it." },
  { "Who else needs to be part of the decision?",
    "Our CFO signs off on anything this size, and IT has a say on security." },
  { "How will you choose between the options you are looking at?",
    "Integration with our ERP comes first, then the price." },
  { "What happens once you have picked a vendor?",
    "Procurement runs a security review, then legal looks at the contract." },
  { "Where does the budget for this sit?",
    "Operations owns it, but finance has to release it." },
  { "What does success look like six months from now?",
    "Planners working on the exceptions instead of copying numbers around." },
  { "Who feels the problem most?",
    "The operations team. They are the ones staying late at month end." },
  { "Have you tried to solve this before?",
    "We built a macro two years ago. Nobody dares to touch it now." },
};
static const Exchange pitches[] = {
  { "Let me show you how the dashboard handles that. Every site feeds the same view, so planners see an "
    "exception the moment it happens, and they can open the order behind it in one click.",
    "That looks a lot cleaner than what we have." },
  { "Our platform does that out of the box, and it also integrates with your ERP, so nobody types the "
    "same number twice and the month-end reconciliation mostly disappears.",
    "How long does the integration usually take?",
    "Six to eight weeks for most customers, and your IT team decides when each step goes live." },
  { "Customers your size usually start with one site, prove the time saved in the first month, and "
    "roll out to the others once the planners ask for it themselves.",
    "Starting with one site would make it easier to sell internally." },
};
static const Exchange objections[] = {
  { "Honestly, the price is higher than we expected.",
    "That is fair. Higher compared to what, the other offer or the budget you had in mind?",
    "The budget. We planned for about two thirds of that." },
  { "We cannot sign anything before the budget review.",
    "Makes sense. When is the review, and who presents the case there?",
    "Mid-January. My director presents, so she needs the numbers from us." },
  { "Our CIO wants to see it running at another site first.",
    "I can set up a call with a customer your size. Who should be on it from your side?",
    "The CIO and our IT lead, ideally both." },
  { "I am not sure the team has time for a rollout this quarter.",
    "Understood. What else is the team carrying this quarter?",
    "The warehouse move. It takes everyone until February." },
};
/* {day} is the day agreed, "Thursday 26 November" */
static const Exchange dated_steps[] = {
  { "Can we put {day} in the diary with your CFO to go through the business case?",
    "{day} works. I will send the invite today." },
  { "Shall we book the technical validation with your IT lead for {day}?",
    "Yes, {day} is fine. I will bring our security questions." },
  { "Could we walk procurement through the paperwork on {day}?",
    "{day} should work. I will check with procurement and confirm by tomorrow." },
};
static const Exchange loose_steps[] = {
  { "I will send over some material and we can take it from there.",
    "Sure, send it over." },
  { "Let me follow up by email next week.",
    "Okay, talk soon." },
};

static const char * const weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

typedef struct
{
  GRand   *rand;
  GString *vtt;
  gint64   t;          /* ms into the call */
  int      cue;
  const char *rep;
} Writer;

static int
count_words (const char *text)
{
  int words = 1;

  for (const char *c = text; *c != '\0'; c++)
    words += *c == ' ';
  return words;
}

/* One cue, spoken at about three words a second after a pause. */
static void
say (Writer     *w,
     gboolean    rep,
     const char *text)
{
  gint64 length = count_words (text) * g_rand_int_range (w->rand, 280, 420);
  g_autofree char *from = NULL, *to = NULL;

  w->t += g_rand_int_range (w->rand, 250, rep ? 1600 : 1100);
  from = cl_transcript_format_time (w->t);
  to = cl_transcript_format_time (w->t + length);
  g_string_append_printf (w->vtt, "%d\n%s --> %s\n<v %s>%s\n\n", ++w->cue, from, to,
                          rep ? w->rep : "Buyer", text);
  w->t += length;
}

static void
exchange (Writer         *w,
          const Exchange *e,
          gboolean        rep_first)
{
  say (w, rep_first, e->line);
  say (w, !rep_first, e->answer);
  if (e->reply != NULL)
    say (w, rep_first, e->reply);
}

/* The next working day two to nine days after @held_on, as it is said. */
static char *
spoken_day (GRand *rand,
            ClDay  held_on)
{
  ClDay day = held_on + g_rand_int_range (rand, 2, 10);
  int year, month, mday;

  while (cl_date_weekday (day) > 5)
    day++;
  cl_date_to_ymd (day, &year, &month, &mday);
  return g_strdup_printf ("%s %d %s", weekdays[cl_date_weekday (day) - 1], mday, months[month - 1]);
}

static void
agree_next_step (Writer   *w,
                 ClDay     held_on,
                 gboolean  dated)
{
  g_autofree char *day = NULL;
  Exchange step = dated ? CL_DEMO_PICK (w->rand, dated_steps) : CL_DEMO_PICK (w->rand, loose_steps);
  g_autoptr (GString) line = g_string_new (step.line);
  g_autoptr (GString) answer = g_string_new (step.answer);

  if (dated)
    {
      day = spoken_day (w->rand, held_on);
      g_string_replace (line, "{day}", day, 0);
      g_string_replace (answer, "{day}", day, 0);
    }
  say (w, TRUE, line->str);
  say (w, FALSE, answer->str);
}

/**
 * cl_demo_call_write:
 * @rand: the random source the call is drawn from
 * @rep: the rep's name, as the transcript labels their cues
 * @caller: how the rep runs a call
 * @held_on: the day of the call; a next step agreed is dated after it
 * @dated: (out): set to whether the call ended on a dated next step
 *
 * Writes a call between @rep and a buyer, as Teams writes it: an opening,
 * the rep's questions each answered by the buyer, a pitch, perhaps an
 * objection and the rep's answer to it, and a next step. The more
 * talkative @caller is, the fewer questions and the more pitch; a dated
 * next step is a working day two to nine days after @held_on.
 *
 * Returns: (transfer full): the WebVTT text
 */
char *
cl_demo_call_write (GRand              *rand,
                    const char         *rep,
                    const ClDemoCaller *caller,
                    ClDay               held_on,
                    gboolean           *dated)
{
  Writer w = { rand, g_string_new ("WEBVTT\n\n"), 0, 0, rep };
  guint order[G_N_ELEMENTS (questions)];
  /* the more a rep talks, the fewer questions and the more pitch */
  int n_questions = CLAMP ((int) (2 + 6 * (0.85 - caller->talkativeness) / 0.4)
                           + g_rand_int_range (rand, -1, 2), 1, (int) G_N_ELEMENTS (questions));
  int n_pitches = caller->talkativeness > 0.65 ? g_rand_int_range (rand, 2, 4) : 1;
  int asked_first = caller->talkativeness > 0.65 ? 0 : n_questions / 2 + 1;

  cl_demo_shuffle (rand, order, G_N_ELEMENTS (questions));
  exchange (&w, &CL_DEMO_PICK (rand, openings), TRUE);
  for (int q = 0; q < n_questions; q++)
    {
      if (q == asked_first)
        for (int p = 0; p < n_pitches; p++)
          exchange (&w, &pitches[(p + q) % G_N_ELEMENTS (pitches)], TRUE);
      exchange (&w, &questions[order[q]], TRUE);
    }
  if (asked_first >= n_questions)
    for (int p = 0; p < n_pitches; p++)
      exchange (&w, &pitches[p % G_N_ELEMENTS (pitches)], TRUE);
  if (CL_DEMO_CHANCE (rand, 0.6))
    exchange (&w, &CL_DEMO_PICK (rand, objections), FALSE);
  *dated = CL_DEMO_CHANCE (rand, caller->step_control);
  agree_next_step (&w, held_on, *dated);
  return g_string_free (w.vtt, FALSE);
}
