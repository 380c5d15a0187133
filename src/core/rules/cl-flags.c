/* cl-flags.c — the inspection flags a pipeline review looks at first
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule per flag, each a pure function of the deal's facts, the sales
 * process, the thresholds and the day asked about. A rule that fires can
 * say why in one sentence with its dates and values, or in a clause that a
 * deal's risk sentence strings together. The day matters: an export of last
 * month's review computes its flags as of that review.
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-flags.h"
#include "cl-text.h"

const char * const cl_flag_names[] = {
  "stalled", "close_date_pushed", "amount_decreased", "stage_regressed", "no_next_step",
  "next_step_overdue", "past_close_date", "single_threaded", "qualification_gap",
  "skipped_stage", "repeat_recital", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (cl_flag_names) == CL_N_FLAGS + 1);

/**
 * cl_flag_to_string:
 * @flag: a flag
 *
 * Returns: (transfer none): the flag's name in files and exports, such as
 *   "close_date_pushed"
 */
const char *
cl_flag_to_string (ClFlag flag)
{
  g_return_val_if_fail (flag < CL_N_FLAGS, NULL);
  return cl_flag_names[flag];
}

/**
 * cl_flag_label:
 * @flag: a flag
 *
 * Returns: (transfer none): the flag's label, translated, such as "Close
 *   date pushed"
 */
const char *
cl_flag_label (ClFlag flag)
{
  switch (flag)
    {
    case CL_FLAG_STALLED: return _("Stalled");
    case CL_FLAG_CLOSE_DATE_PUSHED: return _("Close date pushed");
    case CL_FLAG_AMOUNT_DECREASED: return _("Amount decreased");
    case CL_FLAG_STAGE_REGRESSED: return _("Moved backwards");
    case CL_FLAG_NO_NEXT_STEP: return _("No next step");
    case CL_FLAG_NEXT_STEP_OVERDUE: return _("Next step overdue");
    case CL_FLAG_PAST_CLOSE_DATE: return _("Past close date");
    case CL_FLAG_SINGLE_THREADED: return _("Single-threaded");
    case CL_FLAG_QUALIFICATION_GAP: return _("Qualification gap");
    case CL_FLAG_SKIPPED_STAGE: return _("Skipped a stage");
    case CL_FLAG_REPEAT_RECITAL: return _("Repeat recital");
    case CL_N_FLAGS: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * cl_flag_severity:
 * @flag: a flag
 *
 * Returns: how much @flag says about a deal's chances (see #ClFlagSeverity)
 */
ClFlagSeverity
cl_flag_severity (ClFlag flag)
{
  switch (flag)
    {
    case CL_FLAG_PAST_CLOSE_DATE:
    case CL_FLAG_STAGE_REGRESSED:
    case CL_FLAG_STALLED:
      return CL_SEVERITY_HIGH;
    case CL_FLAG_CLOSE_DATE_PUSHED:
    case CL_FLAG_AMOUNT_DECREASED:
    case CL_FLAG_NEXT_STEP_OVERDUE:
    case CL_FLAG_NO_NEXT_STEP:
    case CL_FLAG_REPEAT_RECITAL:
      return CL_SEVERITY_MEDIUM;
    case CL_FLAG_QUALIFICATION_GAP:
    case CL_FLAG_SKIPPED_STAGE:
    case CL_FLAG_SINGLE_THREADED:
      return CL_SEVERITY_LOW;
    case CL_N_FLAGS: break;
    }
  g_return_val_if_reached (CL_SEVERITY_LOW);
}

const ClFlag cl_flags_by_severity[CL_N_FLAGS] = {
  CL_FLAG_PAST_CLOSE_DATE, CL_FLAG_STAGE_REGRESSED, CL_FLAG_STALLED,
  CL_FLAG_CLOSE_DATE_PUSHED, CL_FLAG_AMOUNT_DECREASED, CL_FLAG_NEXT_STEP_OVERDUE,
  CL_FLAG_NO_NEXT_STEP, CL_FLAG_REPEAT_RECITAL,
  CL_FLAG_QUALIFICATION_GAP, CL_FLAG_SKIPPED_STAGE, CL_FLAG_SINGLE_THREADED,
};

/**
 * cl_flags_severity_points:
 * @flags: raised flags, as bits (1 << #ClFlag)
 *
 * Returns: the severities of the raised @flags, added up (high 3, medium 2,
 *   low 1)
 */
int
cl_flags_severity_points (guint flags)
{
  int points = 0;

  for (int f = 0; f < CL_N_FLAGS; f++)
    if (flags & (1u << f))
      points += cl_flag_severity (f);
  return points;
}

/**
 * cl_flags_join_labels:
 * @flags: raised flags, as bits (1 << #ClFlag)
 * @separator: what goes between two labels
 *
 * The labels of the raised @flags, translated, the most severe first,
 * joined by @separator.
 *
 * Returns: (transfer full): the labels, "" without flags
 */
char *
cl_flags_join_labels (guint       flags,
                      const char *separator)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < CL_N_FLAGS; i++)
    if (flags & (1u << cl_flags_by_severity[i]))
      g_string_append_printf (text, "%s%s", text->len ? separator : "",
                              cl_flag_label (cl_flags_by_severity[i]));
  return g_string_free (text, FALSE);
}

/**
 * cl_flags_stalled_days:
 * @process: the sales process
 * @settings: the flag settings
 * @stage_id: the stage's id
 *
 * The days a deal may sit in @stage_id before it is stalled: the stage's
 * own or learned threshold in @process, else the team's.
 *
 * Returns: the threshold, in days
 */
int
cl_flags_stalled_days (const ClProcess      *process,
                       const ClFlagSettings *settings,
                       gint64                stage_id)
{
  const ClStallThreshold *stall = cl_process_stall (process, stage_id);

  return stall != NULL && stall->days > 0 ? stall->days : settings->stalled_days;
}

/**
 * cl_flag_settings_init:
 * @settings: (out caller-allocates): the settings to fill
 *
 * Fills @settings with the defaults: stalled after 21 days, a window of 90
 * days.
 */
void
cl_flag_settings_init (ClFlagSettings *settings)
{
  settings->stalled_days = 21;
  settings->window_days = 90;
}

/**
 * cl_flag_settings_load:
 * @settings: (out caller-allocates): the settings to fill
 * @store: the workspace
 *
 * Fills @settings with the team's thresholds, the defaults where unset.
 */
void
cl_flag_settings_load (ClFlagSettings *settings,
                       ClStore        *store)
{
  cl_flag_settings_init (settings);
  settings->stalled_days = cl_store_get_setting_int (store, CL_SETTING_STALLED_DAYS,
                                                     settings->stalled_days);
  settings->window_days = cl_store_get_setting_int (store, CL_SETTING_FLAG_WINDOW_DAYS,
                                                    settings->window_days);
}

/* ------------------------------------------------------------------ rules */

/* What a rule that fires writes: nothing, a sentence, or a clause. */
typedef enum {
  WORDING_NONE,
  WORDING_SENTENCE,   /* "Close date 2026-11-11 passed 12 days ago; still open" */
  WORDING_PHRASE,     /* "past its close date by 12 days" */
} Wording;

typedef struct
{
  const ClProcess      *process;
  const ClDealFacts    *facts;
  const ClFlagSettings *settings;
  ClDay                 as_of;
  ClDealState           state;     /* the deal at the end of as_of */
  Wording               wording;
  gboolean              for_showing; /* the values in why isolated */
  GPtrArray            *shown;     /* those isolated values, freed with the inspection */
  char                 *why;       /* the words of the rule that last fired */
} Inspection;

typedef gboolean (*ClFlagRule) (Inspection *in);

static const char *
stage_name (const Inspection *in,
            gint64            stage_id)
{
  const ClStage *stage = cl_process_find (in->process, stage_id);

  return stage ? stage->name : _("an unknown stage");
}

/* @text as the sentence puts it: as it is for documents, isolated for
 * showing (see cl_text_isolate ()); valid as long as the inspection. */
static const char *
value (Inspection *in,
       const char *text)
{
  if (!in->for_showing)
    return text;
  g_ptr_array_add (in->shown, cl_text_isolate (text));
  return g_ptr_array_index (in->shown, in->shown->len - 1);
}

static char *
day_text (ClDay day)
{
  return day ? cl_date_format (day) : g_strdup (_("no date"));
}

/* An event that happened within the window, by the day asked about. */
static gboolean
in_window (const Inspection  *in,
           const ClFactEvent *event)
{
  return event->occurred_on <= in->as_of
         && event->occurred_on + in->settings->window_days > in->as_of;
}

#define FOR_EACH_EVENT(in, event, of_field)                                              \
  for (const ClFactEvent *event = (in)->facts->events;                                 \
       event < (in)->facts->events + (in)->facts->n_events; event++)                     \
    if (event->field == (of_field))

static gboolean
rule_stalled (Inspection *in)
{
  int days = in->as_of - in->state.stage_entered_on;
  int threshold = cl_flags_stalled_days (in->process, in->settings, in->state.stage_id);
  const char *stage = stage_name (in, in->state.stage_id);

  if (days < threshold)
    return FALSE;
  if (in->wording == WORDING_SENTENCE)
    {
      g_autofree char *since = cl_date_format (in->state.stage_entered_on);

      /* Translators: days, a stage, a day, the days after which a deal stalls in that stage */
      in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No stage change for %d days: in %s since %s, "
                                              "where deals stall after %d day",
                                              "No stage change for %d days: in %s since %s, "
                                              "where deals stall after %d days", threshold),
                                 days, value (in, stage), since, threshold);
    }
  else if (in->wording == WORDING_PHRASE)
    in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "stalled %d day in %s", "stalled %d days in %s",
                                            days),
                               days, value (in, stage));
  return TRUE;
}

static gboolean
rule_close_date_pushed (Inspection *in)
{
  ClDay first = 0;
  int pushes = 0;

  FOR_EACH_EVENT (in, event, CL_FACT_CLOSE_DATE)
    {
      /* a day of 0 is none, or unreadable */
      if (!in_window (in, event) || event->old_value == 0 || event->new_value <= event->old_value)
        continue;
      if (pushes++ == 0)
        first = event->occurred_on;
    }
  if (pushes == 0)
    return FALSE;
  if (in->wording == WORDING_PHRASE)
    in->why = pushes == 1 ? g_strdup (_("close date pushed once"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "close date pushed %d time",
                                                          "close date pushed %d times", pushes),
                                             pushes);
  else if (in->wording == WORDING_SENTENCE)
    {
      g_autofree char *since = cl_date_format (first);
      g_autofree char *now = day_text (in->state.close_date);

      if (pushes == 1)
        in->why = g_strdup_printf (_("Close date pushed once since %s, now %s"), since, now);
      else
        in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Close date pushed %d time since %s, now %s",
                                                "Close date pushed %d times since %s, now %s",
                                                pushes),
                                   pushes, since, now);
    }
  return TRUE;
}

static gboolean
rule_amount_decreased (Inspection *in)
{
  gint64 from = 0;
  ClDay first = 0;

  FOR_EACH_EVENT (in, event, CL_FACT_AMOUNT)
    if (in_window (in, event) && event->new_value < event->old_value && first == 0)
      {
        first = event->occurred_on;
        from = event->old_value;
      }
  if (first == 0 || in->state.amount_cents >= from)
    return FALSE;
  if (in->wording != WORDING_NONE)
    {
      g_autofree char *since = cl_date_format (first);
      g_autofree char *was = cl_money_format (from, in->facts->deal->currency);
      g_autofree char *now = cl_money_format (in->state.amount_cents, in->facts->deal->currency);

      in->why = in->wording == WORDING_SENTENCE
                  ? g_strdup_printf (_("Amount down from %s to %s since %s"), was, now, since)
                  : g_strdup_printf (_("cut from %s to %s"), was, now);
    }
  return TRUE;
}

static gboolean
rule_stage_regressed (Inspection *in)
{
  const ClFactEvent *last = NULL;

  FOR_EACH_EVENT (in, event, CL_FACT_STAGE)
    {
      int before = cl_process_index (in->process, event->old_value);
      int after = cl_process_index (in->process, event->new_value);

      if (in_window (in, event) && after >= 0 && after < before)
        last = event;
    }
  if (last == NULL)
    return FALSE;
  if (in->wording == WORDING_SENTENCE)
    {
      g_autofree char *on = cl_date_format (last->occurred_on);

      in->why = g_strdup_printf (_("Moved back from %s to %s on %s"),
                                 value (in, stage_name (in, last->old_value)),
                                 value (in, stage_name (in, last->new_value)), on);
    }
  else if (in->wording == WORDING_PHRASE)
    in->why = g_strdup_printf (_("moved back to %s"),
                               value (in, stage_name (in, last->new_value)));
  return TRUE;
}

static gboolean
rule_no_next_step (Inspection *in)
{
  if (*in->state.next_step != '\0')
    return FALSE;
  if (in->wording != WORDING_NONE)
    in->why = g_strdup (in->wording == WORDING_SENTENCE ? _("No next step is recorded") : _("no next step"));
  return TRUE;
}

static gboolean
rule_next_step_overdue (Inspection *in)
{
  ClDay due = in->facts->deal->next_step_due;

  if (*in->state.next_step == '\0' || due == 0 || due >= in->as_of)
    return FALSE;
  if (in->wording == WORDING_SENTENCE)
    {
      g_autofree char *on = cl_date_format (due);
      int days = in->as_of - due;

      in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Next step “%1$s” was due %2$s, %3$d day ago",
                                              "Next step “%1$s” was due %2$s, %3$d days ago", days),
                                 value (in, in->state.next_step), on, days);
    }
  else if (in->wording == WORDING_PHRASE)
    in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "next step %d day overdue",
                                            "next step %d days overdue", (int) (in->as_of - due)),
                               (int) (in->as_of - due));
  return TRUE;
}

static gboolean
rule_past_close_date (Inspection *in)
{
  int days;

  if (in->state.close_date == 0 || in->state.close_date >= in->as_of)
    return FALSE;
  days = in->as_of - in->state.close_date;
  if (in->wording == WORDING_SENTENCE)
    {
      g_autofree char *on = cl_date_format (in->state.close_date);

      in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Close date %1$s passed %2$d day ago; still open",
                                              "Close date %1$s passed %2$d days ago; still open",
                                              days),
                                 on, days);
    }
  else if (in->wording == WORDING_PHRASE)
    in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "past its close date by %d day",
                                            "past its close date by %d days", days),
                               days);
  return TRUE;
}

static gboolean
rule_single_threaded (Inspection *in)
{
  if (in->facts->n_contacts >= 2)
    return FALSE;
  if (in->wording == WORDING_SENTENCE)
    in->why = g_strdup (in->facts->n_contacts == 0 ? _("No contact at the account is recorded")
                                                    : _("Only one contact at the account"));
  else if (in->wording == WORDING_PHRASE)
    in->why = g_strdup (in->facts->n_contacts == 0 ? _("no contact recorded") : _("single-threaded"));
  return TRUE;
}

static gboolean
rule_qualification_gap (Inspection *in)
{
  guint missing = cl_process_required_by (in->process, in->state.stage_id)
                  & ~in->facts->known_meddic;

  if (missing == 0)
    return FALSE;
  if (in->wording != WORDING_NONE)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      int n;

      for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
        if (missing & (1u << e))
          g_string_append_printf (names, "%s%s", names->len ? cl_text_list_separator () : "", cl_meddic_label (e));
      n = __builtin_popcount (missing);

      if (in->wording == WORDING_SENTENCE)
        in->why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s still unknown at %s, which requires it",
                                                "%s still unknown at %s, which requires them", n),
                                   names->str, value (in, stage_name (in, in->state.stage_id)));
      else
        /* Translators: the qualification elements a stage requires that are not known */
        in->why = g_strdup_printf (_("%s unknown"), names->str);
    }
  return TRUE;
}

static gboolean
rule_skipped_stage (Inspection *in)
{
  const ClFactEvent *jump = NULL;
  const ClStage *skipped;
  int from = 0, to = 0;

  FOR_EACH_EVENT (in, event, CL_FACT_STAGE)
    {
      int before = cl_process_index (in->process, event->old_value);
      int after = cl_process_index (in->process, event->new_value);

      if (event->occurred_on <= in->as_of && before >= 0 && after > before + 1)
        jump = event, from = before, to = after;
    }
  if (jump == NULL)
    return FALSE;
  skipped = g_ptr_array_index (in->process->stages, from + 1);
  if (in->wording == WORDING_PHRASE)
    in->why = g_strdup_printf (_("skipped %s"), value (in, skipped->name));
  else if (in->wording == WORDING_SENTENCE)
    {
      g_autofree char *on = cl_date_format (jump->occurred_on);
      const ClStage *entered = g_ptr_array_index (in->process->stages, to);
      const ClStage *left = g_ptr_array_index (in->process->stages, from);

      in->why = g_strdup_printf (_("Entered %s on %s from %s, skipping %s"), value (in, entered->name), on,
                                 value (in, left->name), value (in, skipped->name));
    }
  return TRUE;
}

static gboolean
rule_repeat_recital (Inspection *in)
{
  const ClDealFacts *facts = in->facts;
  ClDealState before, after;

  if (facts->previous_review_on == 0 || facts->last_review_on > in->as_of)
    return FALSE;
  cl_deal_state_at (facts, facts->previous_review_on, &before);
  cl_deal_state_at (facts, facts->last_review_on, &after);
  if (before.stage_id != after.stage_id || g_strcmp0 (before.next_step, after.next_step) != 0)
    return FALSE;
  if (in->wording == WORDING_PHRASE)
    in->why = g_strdup (_("unchanged over the last two reviews"));
  else if (in->wording == WORDING_SENTENCE)
    in->why = g_strdup_printf (_("Same stage (%s) and next step “%s” at the reviews of %s and %s"),
                               value (in, stage_name (in, after.stage_id)), value (in, after.next_step),
                               facts->previous_review_week, facts->last_review_week);
  return TRUE;
}

static const ClFlagRule rules[CL_N_FLAGS] = {
  [CL_FLAG_STALLED] = rule_stalled,
  [CL_FLAG_CLOSE_DATE_PUSHED] = rule_close_date_pushed,
  [CL_FLAG_AMOUNT_DECREASED] = rule_amount_decreased,
  [CL_FLAG_STAGE_REGRESSED] = rule_stage_regressed,
  [CL_FLAG_NO_NEXT_STEP] = rule_no_next_step,
  [CL_FLAG_NEXT_STEP_OVERDUE] = rule_next_step_overdue,
  [CL_FLAG_PAST_CLOSE_DATE] = rule_past_close_date,
  [CL_FLAG_SINGLE_THREADED] = rule_single_threaded,
  [CL_FLAG_QUALIFICATION_GAP] = rule_qualification_gap,
  [CL_FLAG_SKIPPED_STAGE] = rule_skipped_stage,
  [CL_FLAG_REPEAT_RECITAL] = rule_repeat_recital,
};

static guint
inspect (const ClProcess      *process,
         const ClDealFacts    *facts,
         const ClFlagSettings *settings,
         ClDay                 as_of,
         Wording               wording,
         gboolean              for_showing,
         char                 *words[CL_N_FLAGS])
{
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  Inspection in = {
    .process = process,
    .facts = facts,
    .settings = settings,
    .as_of = as_of,
    .wording = words != NULL ? wording : WORDING_NONE,
    .for_showing = for_showing,
    .shown = shown,
  };
  guint flags = 0;

  cl_deal_state_at (facts, as_of, &in.state);
  for (int flag = 0; flag < CL_N_FLAGS; flag++)
    {
      if (words != NULL)
        words[flag] = NULL;
      if (!rules[flag] (&in))
        continue;
      flags |= 1u << flag;
      if (words != NULL)
        words[flag] = g_steal_pointer (&in.why);
    }
  return flags;
}

/**
 * cl_flags_describe:
 * @process: the sales process
 * @facts: the deal's facts
 * @settings: the flag settings
 * @as_of: the day the flags are raised on
 * @phrases: (out caller-allocates) (array fixed-size=11) (nullable): a
 *   clause per flag, or %NULL
 *
 * As cl_flags_evaluate (), but each raised flag gets a clause for a longer
 * sentence in @phrases ("past its close date by 12 days"), translated and
 * worded for showing; the others get %NULL. The caller frees them with
 * cl_flag_explanations_clear ().
 *
 * Returns: the raised flags, as bits (1 << #ClFlag)
 */
guint
cl_flags_describe (const ClProcess      *process,
                   const ClDealFacts    *facts,
                   const ClFlagSettings *settings,
                   ClDay                 as_of,
                   char                 *phrases[CL_N_FLAGS])
{
  return inspect (process, facts, settings, as_of, WORDING_PHRASE, TRUE, phrases);
}

/**
 * cl_flags_evaluate:
 * @process: the sales process
 * @facts: the deal's facts
 * @settings: the flag settings
 * @as_of: the day the flags are raised on
 * @explanations: (out caller-allocates) (array fixed-size=11) (nullable):
 *   a sentence per flag, or %NULL
 *
 * The flags of @facts at the end of @as_of. When @explanations is not
 * %NULL, each raised flag gets one translated sentence there, with its
 * dates and values as they are, and the others get %NULL; the caller frees
 * them with cl_flag_explanations_clear ().
 *
 * Returns: the raised flags, as bits (1 << #ClFlag)
 */
guint
cl_flags_evaluate (const ClProcess      *process,
                   const ClDealFacts    *facts,
                   const ClFlagSettings *settings,
                   ClDay                 as_of,
                   char                 *explanations[CL_N_FLAGS])
{
  return inspect (process, facts, settings, as_of, WORDING_SENTENCE, FALSE, explanations);
}

/**
 * cl_flags_evaluate_shown:
 * @process: the sales process
 * @facts: the deal's facts
 * @settings: the flag settings
 * @as_of: the day the flags are raised on
 * @explanations: (out caller-allocates) (array fixed-size=11): a sentence
 *   per flag
 *
 * As cl_flags_evaluate (), the sentences worded for showing: each value
 * from data in them (a stage, a next step) is isolated, see
 * cl_text_isolate (). The exports keep cl_flags_evaluate ()'s, the values
 * as they are.
 *
 * Returns: the raised flags, as bits (1 << #ClFlag)
 */
guint
cl_flags_evaluate_shown (const ClProcess      *process,
                         const ClDealFacts    *facts,
                         const ClFlagSettings *settings,
                         ClDay                 as_of,
                         char                 *explanations[CL_N_FLAGS])
{
  g_return_val_if_fail (explanations != NULL, 0);
  return inspect (process, facts, settings, as_of, WORDING_SENTENCE, TRUE, explanations);
}

/**
 * cl_flag_explanations_clear:
 * @explanations: (array fixed-size=11): the sentences or clauses of
 *   cl_flags_evaluate () or cl_flags_describe ()
 *
 * Frees each of @explanations and sets it to %NULL.
 */
void
cl_flag_explanations_clear (char *explanations[CL_N_FLAGS])
{
  for (int flag = 0; flag < CL_N_FLAGS; flag++)
    g_clear_pointer (&explanations[flag], g_free);
}
