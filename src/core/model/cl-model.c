/* cl-model.c — the domain records of the four loops
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <string.h>

#include "cl-model.h"

/* ------------------------------------------------------------------ enum names */

const char * const cl_forecast_names[] = { "commit", "best_case", "pipeline", "omitted", NULL };
const char * const cl_deal_status_names[] = { "open", "won", "lost", "disqualified", NULL };
const char * const cl_meddic_names[] = {
  "metrics", "economic_buyer", "decision_criteria", "decision_process",
  "paper_process", "identify_pain", "champion", "competition", NULL
};
const char * const cl_qualification_names[] = { "unknown", "partial", "confirmed", NULL };
const char * const cl_decision_names[] = { "keep", "disqualify", "manager_time", "next_action", NULL };
const char * const cl_follow_up_names[] = { "pending", "happened", "did_not_happen", NULL };
const char * const cl_lookback_names[] = { "none", "yes", "partly", "no", NULL };
const char * const cl_retro_decision_names[] = {
  "undecided", "adjust_strategy", "execution_drifted", NULL
};

/**
 * cl_enum_from_string:
 * @names: (array zero-terminated=1): the stored spellings of an enum, such as
 *   cl_forecast_names
 * @value: (nullable): a stored spelling
 *
 * Reads a stored spelling back; the comparison is exact (case counts).
 *
 * Returns: the enum value (the index of @value in @names), or -1 when @names
 *   does not have it or @value is %NULL
 */
int
cl_enum_from_string (const char * const *names,
                     const char         *value)
{
  for (int i = 0; value != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], value))
      return i;
  return -1;
}

#define ENUM_TO_STRING(func, Type, names, n)            \
  const char *func (Type value)                         \
  {                                                     \
    g_return_val_if_fail ((int) value >= 0 && (int) value < (n), NULL); \
    return names[value];                                \
  }

/**
 * cl_forecast_to_string:
 * @value: a #ClForecast
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "best_case"
 */
ENUM_TO_STRING (cl_forecast_to_string, ClForecast, cl_forecast_names, 4)
/**
 * cl_deal_status_to_string:
 * @value: a #ClDealStatus
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "disqualified"
 */
ENUM_TO_STRING (cl_deal_status_to_string, ClDealStatus, cl_deal_status_names, 4)
/**
 * cl_meddic_to_string:
 * @value: a #ClMeddicElement
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "economic_buyer"
 */
ENUM_TO_STRING (cl_meddic_to_string, ClMeddicElement, cl_meddic_names, CL_MEDDIC_N_ELEMENTS)
/**
 * cl_qualification_to_string:
 * @value: a #ClQualificationState
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "partial"
 */
ENUM_TO_STRING (cl_qualification_to_string, ClQualificationState, cl_qualification_names, 3)
/**
 * cl_decision_to_string:
 * @value: a #ClDecisionKind
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "manager_time"
 */
ENUM_TO_STRING (cl_decision_to_string, ClDecisionKind, cl_decision_names, 4)
/**
 * cl_follow_up_to_string:
 * @value: a #ClFollowUp
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "did_not_happen"
 */
ENUM_TO_STRING (cl_follow_up_to_string, ClFollowUp, cl_follow_up_names, 3)
/**
 * cl_lookback_to_string:
 * @value: a #ClLookback
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "partly"
 */
ENUM_TO_STRING (cl_lookback_to_string, ClLookback, cl_lookback_names, 4)
/**
 * cl_retro_decision_to_string:
 * @value: a #ClRetroDecision
 *
 * The stored spelling of @value; it is part of the file format.
 *
 * Returns: (transfer none): the spelling, such as "adjust_strategy"
 */
ENUM_TO_STRING (cl_retro_decision_to_string, ClRetroDecision, cl_retro_decision_names, 3)

/* ------------------------------------------------------------------ labels */

/**
 * cl_forecast_label:
 * @value: a #ClForecast
 *
 * Returns: (transfer none): the human label of @value, translated
 */
const char *
cl_forecast_label (ClForecast value)
{
  switch (value)
    {
    case CL_FORECAST_COMMIT: return _("Commit");
    case CL_FORECAST_BEST_CASE: return _("Best case");
    case CL_FORECAST_PIPELINE: return _("Pipeline");
    case CL_FORECAST_OMITTED: return _("Omitted");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cl_deal_status_label:
 * @value: a #ClDealStatus
 *
 * Returns: (transfer none): the human label of @value, translated
 */
const char *
cl_deal_status_label (ClDealStatus value)
{
  switch (value)
    {
    case CL_DEAL_OPEN: return _("Open");
    case CL_DEAL_WON: return _("Won");
    case CL_DEAL_LOST: return _("Lost");
    case CL_DEAL_DISQUALIFIED: return _("Disqualified");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cl_decision_label:
 * @value: a #ClDecisionKind
 *
 * Returns: (transfer none): the human label of @value, translated
 */
const char *
cl_decision_label (ClDecisionKind value)
{
  switch (value)
    {
    case CL_DECISION_KEEP: return _("Keep");
    case CL_DECISION_DISQUALIFY: return _("Disqualify from forecast");
    case CL_DECISION_MANAGER_TIME: return _("Manager time this week");
    case CL_DECISION_NEXT_ACTION: return _("Next action");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cl_follow_up_label:
 * @value: a #ClFollowUp
 *
 * Returns: (transfer none): the human label of @value, translated
 */
const char *
cl_follow_up_label (ClFollowUp value)
{
  switch (value)
    {
    case CL_FOLLOW_UP_PENDING: return _("Follow-up pending");
    case CL_FOLLOW_UP_HAPPENED: return _("Next move happened");
    case CL_FOLLOW_UP_DID_NOT_HAPPEN: return _("Next move did not happen");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * cl_meddic_label:
 * @value: a #ClMeddicElement
 *
 * Returns: (transfer none): the human label of @value, translated
 */
const char *
cl_meddic_label (ClMeddicElement value)
{
  switch (value)
    {
    case CL_MEDDIC_METRICS: return _("Metrics");
    case CL_MEDDIC_ECONOMIC_BUYER: return _("Economic buyer");
    case CL_MEDDIC_DECISION_CRITERIA: return _("Decision criteria");
    case CL_MEDDIC_DECISION_PROCESS: return _("Decision process");
    case CL_MEDDIC_PAPER_PROCESS: return _("Paper process");
    case CL_MEDDIC_IDENTIFY_PAIN: return _("Identify pain");
    case CL_MEDDIC_CHAMPION: return _("Champion");
    case CL_MEDDIC_COMPETITION: return _("Competition");
    default: g_return_val_if_reached (NULL);
    }
}

/* The decimal digits of @value's magnitude. */
static char *
magnitude_digits (ClCentsTotal value)
{
  unsigned __int128 rest = value < 0 ? -(unsigned __int128) value : (unsigned __int128) value;
  char digits[48];
  int n = sizeof digits;

  digits[--n] = '\0';
  do
    {
      digits[--n] = (char) ('0' + (int) (rest % 10));
      rest /= 10;
    }
  while (rest > 0);
  return g_strdup (digits + n);
}

/* The locale's thousands separator (LC_NUMERIC); a narrow no-break space
 * where the locale has none (the C locale) or a space that could break. */
static const char *
thousands_separator (void)
{
  const char *separator = nl_langinfo (THOUSEP);

  if (separator == NULL || *separator == '\0' || g_str_equal (separator, " ")
      || g_str_equal (separator, "\u00a0") || !g_utf8_validate (separator, -1, NULL))
    return "\u202f";
  return separator;
}

/**
 * cl_money_format:
 * @cents: an amount, in cents
 * @currency: (nullable): its currency code; %NULL or "" for none
 *
 * An amount as the CRM shows it: whole units (cents are dropped, towards
 * zero), grouped by thousands with the separator of the locale (LC_NUMERIC; a
 * narrow no-break space where it has none or a space), a minus sign (U+2212)
 * before a negative amount, then a no-break space and the currency: it never
 * wraps inside.
 *
 * Returns: (transfer full): the text, "1 250 000 EUR"
 */
char *
cl_money_format (ClCentsTotal  cents,
                 const char   *currency)
{
  g_autofree char *digits = magnitude_digits (cents / 100);
  const char *separator = thousands_separator ();
  GString *out = g_string_new (cents < 0 ? "−" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  if (currency != NULL && *currency)
    g_string_append_printf (out, "\u00a0%s", currency);
  return g_string_free (out, FALSE);
}

/**
 * cl_money_format_exact:
 * @cents: an amount, in cents
 *
 * An amount as documents carry money: exact, in major units, with two decimals
 * and an ASCII minus.
 *
 * Returns: (transfer full): the text, "1250000.00"
 */
char *
cl_money_format_exact (ClCentsTotal cents)
{
  g_autofree char *whole = magnitude_digits (cents / 100);
  int fraction = (int) (cents % 100);

  return g_strdup_printf ("%s%s.%02d", cents < 0 ? "-" : "", whole, ABS (fraction));
}

/**
 * cl_currency_is_code:
 * @text: (nullable): text that may be a currency
 *
 * Returns: %TRUE when @text is a currency the store keeps: three ASCII capital
 *   letters, such as EUR or USD
 */
gboolean
cl_currency_is_code (const char *text)
{
  return text != NULL && strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1])
         && g_ascii_isupper (text[2]);
}

/**
 * cl_deal_values_problem:
 * @name: (nullable): the deal's name
 * @amount_cents: its amount, in cents
 * @currency: (nullable): its currency; %NULL is not checked
 *
 * Why the store would refuse a deal with these values, in words: a blank name,
 * an amount below zero or above %CL_MAX_AMOUNT_CENTS, a currency that is not a
 * three-letter code (see cl_currency_is_code ()).
 *
 * Returns: (transfer full) (nullable): the translated reason, or %NULL when
 *   the values are fine
 */
char *
cl_deal_values_problem (const char *name,
                        gint64      amount_cents,
                        const char *currency)
{
  g_autofree char *limit = NULL;

  if (cl_text_is_blank (name))
    return g_strdup (_("the deal has no name"));
  if (amount_cents < 0)
    return g_strdup (_("the amount is below zero"));
  if (amount_cents > CL_MAX_AMOUNT_CENTS)
    {
      limit = cl_money_format (CL_MAX_AMOUNT_CENTS, NULL);
      /* Translators: the largest amount, "10 000 000 000 000" */
      return g_strdup_printf (_("the amount is over %s, larger than any deal"), limit);
    }
  if (currency != NULL && !cl_currency_is_code (currency))
    /* Translators: a currency as the file wrote it, "US Dollar" */
    return g_strdup_printf (_("the currency “%s” is not a three-letter code such as EUR or USD"), currency);
  return NULL;
}

/* ------------------------------------------------------------------ record types */

/* A record type is a GObject whose finalize frees its string fields. */
#define CL_DEFINE_RECORD(TypeName, type_name, ...)                        \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                 \
  static void type_name##_finalize (GObject *object)                       \
  {                                                                        \
    TypeName *self = (TypeName *) object;                                  \
    char **strings[] = { __VA_ARGS__ };                                    \
    for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)                     \
      g_clear_pointer (strings[i], g_free);                                \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);          \
  }                                                                        \
  static void type_name##_class_init (TypeName##Class *klass)              \
  {                                                                        \
    G_OBJECT_CLASS (klass)->finalize = type_name##_finalize;               \
  }                                                                        \
  static void type_name##_init (TypeName *self) { (void) self; }

CL_DEFINE_RECORD (ClRep, cl_rep, &self->name, &self->email)
CL_DEFINE_RECORD (ClRepLoad, cl_rep_load, &self->name)
CL_DEFINE_RECORD (ClStage, cl_stage, &self->name, &self->exit_criteria)
G_DEFINE_FINAL_TYPE (ClDeal, cl_deal, G_TYPE_OBJECT)

static void
cl_deal_finalize (GObject *object)
{
  ClDeal *self = CL_DEAL (object);
  char **texts[] = CL_DEAL_TEXTS (self);

  for (gsize i = 0; self->texts == NULL && i < G_N_ELEMENTS (texts); i++)
    g_free (*texts[i]);
  g_free (self->texts);
  G_OBJECT_CLASS (cl_deal_parent_class)->finalize (object);
}

static void
cl_deal_class_init (ClDealClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_deal_finalize;
}

static void
cl_deal_init (ClDeal *self)
{
}

/**
 * cl_deal_set_text:
 * @deal: a deal
 * @field: (inout) (transfer full): one of @deal's texts, such as
 *   `&deal->next_step`
 * @value: (nullable): the new text, copied; %NULL empties the field
 *
 * Replaces one of @deal's texts, as cl_record_set_text () does for other
 * records: a deal read from the store keeps its texts in one block
 * (#ClDeal.texts), which is first split into texts of their own.
 */
void
cl_deal_set_text (ClDeal      *deal,
                  char       **field,
                  const char  *value)
{
  char **texts[] = CL_DEAL_TEXTS (deal);
  /* freed last: @value may be one of its texts */
  g_autofree char *block = NULL;

  g_return_if_fail (CL_IS_DEAL (deal));
  g_return_if_fail ((char *) field >= (char *) deal && (char *) field < (char *) (deal + 1));
  if (deal->texts != NULL)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
        *texts[i] = g_strdup (*texts[i]);
      block = g_steal_pointer (&deal->texts);
    }
  cl_record_set_text (field, value);
}
CL_DEFINE_RECORD (ClContact, cl_contact, &self->name, &self->title, &self->role)
CL_DEFINE_RECORD (ClDealEvent, cl_deal_event, &self->field, &self->old_value, &self->new_value)
CL_DEFINE_RECORD (ClAction, cl_action, &self->text, &self->source, &self->owner_name)
CL_DEFINE_RECORD (ClReview, cl_review, &self->week, &self->attendees, &self->notes)
CL_DEFINE_RECORD (ClReviewDecision, cl_review_decision, &self->note, &self->week)
CL_DEFINE_RECORD (ClCoachingSession, cl_coaching_session, &self->trigger, &self->evidence,
                  &self->gaps, &self->blocker, &self->next_move, &self->next_move_with,
                  &self->follow_up_note,
                  &self->private_notes, &self->deal_name)
CL_DEFINE_RECORD (ClCall, cl_call, &self->title, &self->transcript, &self->transcript_format,
                  &self->rep_name)
CL_DEFINE_RECORD (ClTeamListItem, cl_team_list_item, &self->key, &self->label)
CL_DEFINE_RECORD (ClTrendPoint, cl_trend_point, &self->month)
CL_DEFINE_RECORD (ClDevPlan, cl_dev_plan, &self->month, &self->focus, &self->justification,
                  &self->drill, &self->lookback_evidence, &self->rep_name)
CL_DEFINE_RECORD (ClPracticeEntry, cl_practice_entry, &self->focus, &self->scenario, &self->note)
CL_DEFINE_RECORD (ClLibraryEntry, cl_library_entry, &self->format, &self->subject, &self->period,
                  &self->exported_by, &self->exported_at)
CL_DEFINE_RECORD (ClRetroRestart, cl_retro_restart, &self->loop, &self->owner_name)
CL_DEFINE_RECORD (ClRetro, cl_retro, &self->quarter, &self->findings, &self->decision_detail,
                  &self->restart_plan)

/**
 * cl_text_is_blank:
 * @text: (nullable): text
 *
 * Returns: %TRUE when @text is %NULL, empty or only ASCII whitespace
 */
gboolean
cl_text_is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * cl_record_set_text:
 * @field: (inout) (transfer full): a string field of a record
 * @value: (nullable): the new text, copied; %NULL empties the field
 *
 * Replaces the string a record owns in @field with a copy of @value, freeing
 * the old one; @value may point into the old string. A deal's texts are
 * changed with cl_deal_set_text ().
 */
void
cl_record_set_text (char       **field,
                    const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* ------------------------------------------------------------------ constructors */

/**
 * cl_rep_new:
 * @name: (nullable): the rep's name, copied
 *
 * A rep to add to the store: its id is 0 until it is added.
 *
 * Returns: (transfer full): the new rep
 */
ClRep *
cl_rep_new (const char *name)
{
  ClRep *rep = g_object_new (CL_TYPE_REP, NULL);

  rep->name = g_strdup (name);
  return rep;
}

/**
 * cl_stage_new:
 * @name: (nullable): the stage's name, copied
 * @position: its place in the sales process
 * @probability: its win probability, in percent
 *
 * A stage to add to the store, with empty exit criteria, no required MEDDIC
 * element and a learned stall threshold.
 *
 * Returns: (transfer full): the new stage
 */
ClStage *
cl_stage_new (const char *name,
              int         position,
              int         probability)
{
  ClStage *stage = g_object_new (CL_TYPE_STAGE, NULL);

  stage->name = g_strdup (name);
  stage->position = position;
  stage->probability = probability;
  stage->exit_criteria = g_strdup ("");
  return stage;
}

/**
 * cl_stage_copy:
 * @stage: the stage
 *
 * A copy of @stage, for a worker to write while the window edits its own.
 *
 * Returns: (transfer full): the copy
 */
ClStage *
cl_stage_copy (const ClStage *stage)
{
  ClStage *copy = cl_stage_new (stage->name, stage->position, stage->probability);

  copy->id = stage->id;
  cl_record_set_text (&copy->exit_criteria, stage->exit_criteria);
  copy->required_meddic = stage->required_meddic;
  copy->stalled_days = stage->stalled_days;
  return copy;
}

/**
 * cl_deal_new:
 * A deal for the caller to fill before it is added: currency EUR, forecast
 * %CL_FORECAST_PIPELINE, status %CL_DEAL_OPEN, an empty next step and status
 * reason, every day 0.
 *
 * Returns: (transfer full): the new deal
 */
ClDeal *
cl_deal_new (void)
{
  ClDeal *deal = g_object_new (CL_TYPE_DEAL, NULL);

  deal->currency = g_strdup ("EUR");
  deal->forecast = CL_FORECAST_PIPELINE;
  deal->next_step = g_strdup ("");
  deal->status_reason = g_strdup ("");
  return deal;
}

/**
 * cl_action_new:
 * @text: (nullable): what is to be done, copied
 * @owner_id: the id of the rep who owns it
 * @due_on: the day it is due
 *
 * An open action about no deal, its source "manual".
 *
 * Returns: (transfer full): the new action
 */
ClAction *
cl_action_new (const char *text,
               gint64      owner_id,
               ClDay       due_on)
{
  ClAction *action = g_object_new (CL_TYPE_ACTION, NULL);

  action->text = g_strdup (text);
  action->owner_id = owner_id;
  action->due_on = due_on;
  action->source = g_strdup ("manual");
  return action;
}
