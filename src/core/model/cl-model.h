/* cl-model.h — the domain records of the four loops
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record is a small final GObject so it can sit in a GListStore that a
 * list view binds to. Fields are public and owned by the record; the store
 * fills them, callers read them and fill them before an add.
 */
#pragma once

#include <glib-object.h>

#include "cl-date.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ enums */

typedef enum {
  CL_FORECAST_COMMIT,
  CL_FORECAST_BEST_CASE,
  CL_FORECAST_PIPELINE,
  CL_FORECAST_OMITTED,
} ClForecast;

typedef enum {
  CL_DEAL_OPEN,
  CL_DEAL_WON,
  CL_DEAL_LOST,
  CL_DEAL_DISQUALIFIED,
} ClDealStatus;

/* MEDDIC, plus the two MEDDPICC elements */
typedef enum {
  CL_MEDDIC_METRICS,
  CL_MEDDIC_ECONOMIC_BUYER,
  CL_MEDDIC_DECISION_CRITERIA,
  CL_MEDDIC_DECISION_PROCESS,
  CL_MEDDIC_PAPER_PROCESS,
  CL_MEDDIC_IDENTIFY_PAIN,
  CL_MEDDIC_CHAMPION,
  CL_MEDDIC_COMPETITION,
  CL_MEDDIC_N_ELEMENTS
} ClMeddicElement;

typedef enum {
  CL_QUALIFICATION_UNKNOWN,
  CL_QUALIFICATION_PARTIAL,
  CL_QUALIFICATION_CONFIRMED,
} ClQualificationState;

typedef enum {
  CL_DECISION_KEEP,
  CL_DECISION_DISQUALIFY,
  CL_DECISION_MANAGER_TIME,
  CL_DECISION_NEXT_ACTION,
} ClDecisionKind;

typedef enum {
  CL_FOLLOW_UP_PENDING,
  CL_FOLLOW_UP_HAPPENED,
  CL_FOLLOW_UP_DID_NOT_HAPPEN,
} ClFollowUp;

typedef enum {
  CL_LOOKBACK_NONE,
  CL_LOOKBACK_YES,
  CL_LOOKBACK_PARTLY,
  CL_LOOKBACK_NO,
} ClLookback;

typedef enum {
  CL_RETRO_UNDECIDED,
  CL_RETRO_ADJUST_STRATEGY,
  CL_RETRO_EXECUTION_DRIFTED,
} ClRetroDecision;

/* root causes of seed 004, as a set of bits */
typedef enum {
  CL_ROOT_CAUSE_CAPABILITY = 1 << 0,
  CL_ROOT_CAUSE_DIRECTION  = 1 << 1,
  CL_ROOT_CAUSE_DISCIPLINE = 1 << 2,
  CL_ROOT_CAUSE_SYSTEM     = 1 << 3,
} ClRootCause;

/* The stored spelling of each enum value; they are part of the file format. */
const char *cl_forecast_to_string        (ClForecast            value);
const char *cl_deal_status_to_string     (ClDealStatus          value);
const char *cl_meddic_to_string          (ClMeddicElement       value);
const char *cl_qualification_to_string   (ClQualificationState  value);
const char *cl_decision_to_string        (ClDecisionKind        value);
const char *cl_follow_up_to_string       (ClFollowUp            value);
const char *cl_lookback_to_string        (ClLookback            value);
const char *cl_retro_decision_to_string  (ClRetroDecision       value);
int         cl_enum_from_string          (const char * const   *names,
                                          const char           *value);
extern const char * const cl_forecast_names[];
extern const char * const cl_deal_status_names[];
extern const char * const cl_meddic_names[];
extern const char * const cl_qualification_names[];
extern const char * const cl_decision_names[];
extern const char * const cl_follow_up_names[];
extern const char * const cl_lookback_names[];
extern const char * const cl_retro_decision_names[];

/* Human labels for the same values (translated). */
const char *cl_forecast_label            (ClForecast            value);
const char *cl_deal_status_label         (ClDealStatus          value);
const char *cl_decision_label            (ClDecisionKind        value);
const char *cl_meddic_label              (ClMeddicElement       value);
const char *cl_follow_up_label           (ClFollowUp            value);

/* The largest amount a deal may have: ten trillion in major units, more
 * than any deal in any currency, small enough that sums stay exact. */
#define CL_MAX_AMOUNT_CENTS ((gint64) 1000000000000000)

/* A sum of amounts (in cents): no sum of stored amounts overflows it. */
typedef __int128 ClCentsTotal;

char       *cl_money_format              (ClCentsTotal          cents,
                                          const char           *currency);
char       *cl_money_format_exact        (ClCentsTotal          cents);

gboolean    cl_currency_is_code          (const char           *text);

char       *cl_deal_values_problem       (const char           *name,
                                          gint64                amount_cents,
                                          const char           *currency);

/* ------------------------------------------------------------------ records */

gboolean cl_text_is_blank (const char *text);

void cl_record_set_text (char       **field,
                         const char  *value);

#define CL_TYPE_REP (cl_rep_get_type ())
G_DECLARE_FINAL_TYPE (ClRep, cl_rep, CL, REP, GObject)
struct _ClRep
{
  GObject parent_instance;
  gint64  id;
  char   *name;
  char   *email;
  gboolean is_manager;
  gboolean has_left;       /* kept with their history, no longer counted */
};
ClRep *cl_rep_new (const char *name);

/* What a rep carries today: open deals and open actions. */
#define CL_TYPE_REP_LOAD (cl_rep_load_get_type ())
G_DECLARE_FINAL_TYPE (ClRepLoad, cl_rep_load, CL, REP_LOAD, GObject)
struct _ClRepLoad
{
  GObject parent_instance;
  gint64  rep_id;
  char   *name;
  gboolean is_manager;
  int     n_open_deals;
  int     n_open_actions;
  int     n_overdue_actions;
};

#define CL_TYPE_STAGE (cl_stage_get_type ())
G_DECLARE_FINAL_TYPE (ClStage, cl_stage, CL, STAGE, GObject)
struct _ClStage
{
  GObject parent_instance;
  gint64  id;
  char   *name;
  int     position;
  int     probability;
  char   *exit_criteria;
  guint   required_meddic;  /* bit (1 << ClMeddicElement) per required element */
  int     stalled_days;     /* the stage's own stall threshold; 0: learned (see ClProcess) */
};
ClStage *cl_stage_new (const char *name,
                       int         position,
                       int         probability);
ClStage *cl_stage_copy (const ClStage *stage);

#define CL_TYPE_DEAL (cl_deal_get_type ())
G_DECLARE_FINAL_TYPE (ClDeal, cl_deal, CL, DEAL, GObject)
struct _ClDeal
{
  GObject      parent_instance;
  gint64       id;
  char        *external_id;
  char        *name;
  char        *account;
  gint64       owner_id;
  gint64       stage_id;
  gint64       amount_cents;
  char        *currency;
  ClDay        close_date;
  ClForecast   forecast;
  char        *next_step;
  ClDay        next_step_due;    /* 0 when none */
  ClDealStatus status;
  char        *status_reason;
  ClDay        created_on;
  ClDay        stage_entered_on;
  /* filled by listings that join them; NULL otherwise */
  char        *owner_name;
  char        *stage_name;
  /* when set, the texts above are in this one block, freed with it: a
   * deal read from the store is one allocation for its texts, not eight.
   * Change a text with cl_deal_set_text (). */
  char        *texts;
};
/* Where a deal keeps each of its texts, in the order of the store's columns. */
#define CL_DEAL_TEXTS(deal) { &(deal)->external_id, &(deal)->name, &(deal)->account, &(deal)->currency, \
                              &(deal)->next_step, &(deal)->status_reason, &(deal)->owner_name,        \
                              &(deal)->stage_name }
ClDeal *cl_deal_new      (void);
void    cl_deal_set_text (ClDeal      *deal,
                          char       **field,
                          const char  *value);

#define CL_TYPE_CONTACT (cl_contact_get_type ())
G_DECLARE_FINAL_TYPE (ClContact, cl_contact, CL, CONTACT, GObject)
struct _ClContact
{
  GObject parent_instance;
  gint64  id;
  gint64  deal_id;
  char   *name;
  char   *title;
  char   *role;
};

#define CL_TYPE_DEAL_EVENT (cl_deal_event_get_type ())
G_DECLARE_FINAL_TYPE (ClDealEvent, cl_deal_event, CL, DEAL_EVENT, GObject)
struct _ClDealEvent
{
  GObject parent_instance;
  gint64  id;
  gint64  deal_id;
  ClDay   occurred_on;
  char   *field;      /* "created", "stage", "amount", "close_date", "next_step", "owner", "status", "forecast" */
  char   *old_value;
  char   *new_value;
};

#define CL_TYPE_ACTION (cl_action_get_type ())
G_DECLARE_FINAL_TYPE (ClAction, cl_action, CL, ACTION, GObject)
struct _ClAction
{
  GObject parent_instance;
  gint64  id;
  char   *text;
  gint64  owner_id;
  gint64  deal_id;     /* 0 when not about a deal */
  ClDay   due_on;
  ClDay   done_on;     /* 0 while open */
  ClDay   created_on;
  char   *source;      /* "review", "coaching", "retro" or "manual" */
  char   *owner_name;
};
ClAction *cl_action_new (const char *text,
                         gint64      owner_id,
                         ClDay       due_on);

#define CL_TYPE_REVIEW (cl_review_get_type ())
G_DECLARE_FINAL_TYPE (ClReview, cl_review, CL, REVIEW, GObject)
struct _ClReview
{
  GObject parent_instance;
  gint64  id;
  char   *week;        /* "2026-W47" */
  ClDay   held_on;
  char   *attendees;   /* comma-separated names */
  char   *notes;
  guint   n_decisions; /* filled by listings */
  guint   n_deals;
};

#define CL_TYPE_REVIEW_DECISION (cl_review_decision_get_type ())
G_DECLARE_FINAL_TYPE (ClReviewDecision, cl_review_decision, CL, REVIEW_DECISION, GObject)
struct _ClReviewDecision
{
  GObject        parent_instance;
  gint64         id;
  gint64         review_id;
  gint64         deal_id;
  ClDecisionKind decision;
  char          *note;
  gint64         action_id;  /* 0 unless decision is a next action */
  /* filled by the listings of one deal's decisions */
  char          *week;       /* the review's, "2026-W47" */
  ClDay          held_on;
};

#define CL_TYPE_COACHING_SESSION (cl_coaching_session_get_type ())
G_DECLARE_FINAL_TYPE (ClCoachingSession, cl_coaching_session, CL, COACHING_SESSION, GObject)
struct _ClCoachingSession
{
  GObject    parent_instance;
  gint64     id;
  gint64     deal_id;
  gint64     coach_id;
  ClDay      held_on;
  char      *trigger;        /* "key_deal", "stalled", "big_logo", "flagged", "other" */
  char      *evidence;       /* empty: coached from the rep's story */
  char      *gaps;
  char      *blocker;
  char      *next_move;      /* what exactly to ask or do */
  char      *next_move_with; /* with whom */
  gint64     action_id;      /* the action the next move became; its due day is "by when" */
  ClFollowUp follow_up;
  char      *follow_up_note;
  char      *private_notes;
  char      *deal_name;      /* filled by listings */
  int        n_evidence_calls; /* filled by listings */
  ClDay      next_move_due;  /* filled by listings: its action's due day, 0 if none */
};

#define CL_TYPE_CALL (cl_call_get_type ())
G_DECLARE_FINAL_TYPE (ClCall, cl_call, CL, CALL, GObject)
struct _ClCall
{
  GObject parent_instance;
  gint64  id;
  gint64  rep_id;
  gint64  deal_id;           /* 0 when not about a deal */
  ClDay   held_on;
  char   *title;
  char   *transcript;        /* NULL when none */
  char   *transcript_format; /* "vtt", "srt", "txt" */
  int     duration_s;
  /* metrics; negative when not computed */
  double  talk_ratio;        /* the rep's share of talk time, 0–1 */
  int     longest_monologue_s;
  int     questions;
  double  switches_per_minute;
  double  patience_s;
  char   *rep_name;          /* filled by listings */
  double  mean_score;        /* filled by listings; 0 when unscored */
};

/* An item of one of the team's ordered lists: the call scorecard, or the
 * skills a rep can make their monthly focus. */
#define CL_TYPE_TEAM_LIST_ITEM (cl_team_list_item_get_type ())
G_DECLARE_FINAL_TYPE (ClTeamListItem, cl_team_list_item, CL, TEAM_LIST_ITEM, GObject)
struct _ClTeamListItem
{
  GObject parent_instance;
  gint64  id;
  char   *key;               /* "discovery_depth", made from the first label */
  char   *label;             /* "Discovery depth" */
  int     position;
};

/* One month of a measure over a rep's calls. */
#define CL_TYPE_TREND_POINT (cl_trend_point_get_type ())
G_DECLARE_FINAL_TYPE (ClTrendPoint, cl_trend_point, CL, TREND_POINT, GObject)
struct _ClTrendPoint
{
  GObject parent_instance;
  char   *month;             /* "2026-11" */
  double  value;             /* the month's mean; meaningless when n is 0 */
  int     n;                 /* calls measured that month */
};

#define CL_TYPE_DEV_PLAN (cl_dev_plan_get_type ())
G_DECLARE_FINAL_TYPE (ClDevPlan, cl_dev_plan, CL, DEV_PLAN, GObject)
struct _ClDevPlan
{
  GObject    parent_instance;
  gint64     id;
  gint64     rep_id;
  char      *month;          /* "2026-11" */
  char      *focus;          /* a skill key, e.g. "discovery_depth" */
  char      *justification;
  char      *drill;
  int        target_repetitions;
  int        target_score;
  ClLookback lookback;
  char      *lookback_evidence;
  char      *rep_name;       /* filled by listings */
  int        practice_done;  /* filled by listings */
};

#define CL_TYPE_PRACTICE_ENTRY (cl_practice_entry_get_type ())
G_DECLARE_FINAL_TYPE (ClPracticeEntry, cl_practice_entry, CL, PRACTICE_ENTRY, GObject)
struct _ClPracticeEntry
{
  GObject parent_instance;
  gint64  id;
  gint64  rep_id;
  ClDay   logged_on;
  char   *focus;
  char   *scenario;
  int     self_score;
  char   *note;
  gboolean merged;     /* from the rep's practice log, through the team folder */
};

/* A loop a retrospective restarts: who owns it, by when; it becomes an action. */
#define CL_TYPE_RETRO_RESTART (cl_retro_restart_get_type ())
G_DECLARE_FINAL_TYPE (ClRetroRestart, cl_retro_restart, CL, RETRO_RESTART, GObject)
struct _ClRetroRestart
{
  GObject parent_instance;
  gint64  id;
  gint64  retro_id;
  char   *loop;        /* "deal_coaching", as cl_loop_to_string () spells it */
  gint64  owner_id;
  ClDay   due_on;
  gint64  action_id;
  char   *owner_name;  /* filled by listings */
  ClDay   done_on;     /* filled by listings: its action's, 0 while open */
};

/* A teammate's summary kept in the team library. */
#define CL_TYPE_LIBRARY_ENTRY (cl_library_entry_get_type ())
G_DECLARE_FINAL_TYPE (ClLibraryEntry, cl_library_entry, CL, LIBRARY_ENTRY, GObject)
struct _ClLibraryEntry
{
  GObject parent_instance;
  gint64  id;
  char   *format;
  char   *subject;
  char   *period;
  char   *exported_by;
  char   *exported_at;
  ClDay   imported_on;
};

#define CL_TYPE_RETRO (cl_retro_get_type ())
G_DECLARE_FINAL_TYPE (ClRetro, cl_retro, CL, RETRO, GObject)
struct _ClRetro
{
  GObject         parent_instance;
  gint64          id;
  char           *quarter;   /* "2026-Q4" */
  ClDay           held_on;
  char           *findings;
  guint           root_causes;  /* ClRootCause bits */
  ClRetroDecision decision;
  char           *decision_detail;
  char           *restart_plan;
};

G_END_DECLS
