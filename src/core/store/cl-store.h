/* cl-store.h — the workspace: one SQLite file holding all four loops
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "cl-model.h"

G_BEGIN_DECLS

#define CL_STORE_ERROR (cl_store_error_quark ())

typedef enum {
  CL_STORE_ERROR_NOT_DATABASE,  /* the file is not SQLite at all */
  CL_STORE_ERROR_FOREIGN,       /* SQLite, but another program's database */
  CL_STORE_ERROR_DAMAGED,       /* truncated or corrupt */
  CL_STORE_ERROR_TOO_NEW,       /* written by a newer Closeloop */
  CL_STORE_ERROR_LOCKED,        /* another program holds the lock */
  CL_STORE_ERROR_CONSTRAINT,    /* the data broke a rule of the schema */
  CL_STORE_ERROR_NOT_FOUND,
  CL_STORE_ERROR_FULL,          /* the disk is full */
  CL_STORE_ERROR_IO,
  CL_STORE_ERROR_INVALID,       /* a caller's value is out of range */
  CL_STORE_ERROR_CHANGED,       /* changed since the point it would go back to */
  CL_STORE_ERROR_FAILED,
} ClStoreError;

#define CL_STORE_SCHEMA_VERSION 14

/* The setting that counts every row changed in place or taken away, by
 * any program, since the workspace had the count (schema version 14). */
#define CL_STORE_EDIT_COUNT "edit_count"

#define CL_TYPE_STORE (cl_store_get_type ())
G_DECLARE_FINAL_TYPE (ClStore, cl_store, CL, STORE, GObject)

GQuark      cl_store_error_quark          (void);
char       *cl_store_default_path         (void);
void        cl_store_remove_files         (const char   *path);
ClStore    *cl_store_open                 (const char   *path,
                                           GError      **error);
ClStore    *cl_store_open_read_through    (const char   *path,
                                           GError      **error);
const char *cl_store_get_path             (ClStore      *self);
/* How long a connection waits for another's write lock, as opened. */
#define CL_STORE_BUSY_WAIT_MS 5000
void        cl_store_set_busy_wait        (ClStore      *self,
                                           guint         wait_ms);

/* A read on a connection and a thread of its own, beside the caller's. */
typedef gboolean (*ClStoreRead) (ClStore  *store,
                                 gpointer  data,
                                 GError  **error);
typedef struct _ClStoreReadApart ClStoreReadApart;
ClStoreReadApart *cl_store_read_apart      (const char        *path,
                                            ClStoreRead        read,
                                            gpointer           data);
gboolean          cl_store_read_apart_join (ClStoreReadApart  *apart,
                                            GError           **error);
int         cl_store_get_schema_version   (ClStore      *self);
int         cl_store_set_cache_size       (ClStore      *self,
                                           int           kib);
/* The page cache of a connection that reads the workspace once through,
 * in KiB: SQLite's default, not the window's 64 MiB, as the pages it read
 * are not read again. */
#define CL_STORE_READ_THROUGH_CACHE_KIB 2048
/* The page cache of a connection while it writes in bulk (an import, a
 * sample team, a restore), in KiB: each page is written once, and the
 * window's 64 MiB would hold every page a write of 100 000 deals touched. */
#define CL_STORE_BULK_WRITE_CACHE_KIB 8192

/* They nest: an import wraps many adds in one transaction. */
gboolean    cl_store_begin                (ClStore      *self,
                                           GError      **error);
gboolean    cl_store_commit               (ClStore      *self,
                                           GError      **error);
void        cl_store_rollback             (ClStore      *self);
/* For many rows at once: indexes built once after them, not row by row. */
GStrv       cl_store_drop_indexes         (ClStore            *self,
                                           const char * const *tables,
                                           GError            **error);
gboolean    cl_store_create_indexes       (ClStore            *self,
                                           const char * const *creates,
                                           GError            **error);

/* Team settings (thresholds, caps); typed on read. */
gint64      cl_store_get_setting_int      (ClStore      *self,
                                           const char   *key,
                                           gint64        fallback);
gboolean    cl_store_set_setting_int      (ClStore      *self,
                                           const char   *key,
                                           gint64        value,
                                           GError      **error);
char       *cl_store_get_setting_text     (ClStore      *self,
                                           const char   *key);
gboolean    cl_store_set_setting_text     (ClStore      *self,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);
gboolean    cl_store_clear_setting        (ClStore      *self,
                                           const char   *key,
                                           GError      **error);
GStrv       cl_store_list_setting_keys    (ClStore      *self,
                                           const char   *prefix);

/* ------------------------------------------------------------------ the team library */

/* Called with each kept summary of a format: who exported it, when, and
 * its text (checked as a summary when it was kept). */
typedef void (*ClLibraryDocumentFunc) (const char *exported_by,
                                       const char *exported_at,
                                       const char *document,
                                       gpointer    user_data);
gboolean    cl_store_each_library_document (ClStore              *self,
                                            const char           *format,
                                            ClLibraryDocumentFunc func,
                                            gpointer              user_data,
                                            GError              **error);
gboolean    cl_store_read_library_entry   (ClStore      *self,
                                           gint64        id,
                                           char        **format,
                                           char        **document,
                                           GError      **error);
gboolean    cl_store_find_kept_summary    (ClStore      *self,
                                           const char   *format,
                                           const char   *subject,
                                           const char   *exported_by,
                                           const char   *digest,
                                           gint64       *id,
                                           char        **exported_at,
                                           gboolean     *same_file,
                                           GError      **error);
gboolean    cl_store_keep_summary         (ClStore      *self,
                                           gint64        replaced,
                                           const char   *format,
                                           int           version,
                                           const char   *subject,
                                           const char   *period,
                                           const char   *exported_by,
                                           const char   *exported_at,
                                           const char   *digest,
                                           const char   *document,
                                           GError      **error);
GListModel *cl_store_list_library         (ClStore      *self,
                                           GError      **error);

/* ------------------------------------------------------------------ pipeline (cl-store-pipeline.c) */

/* A change a deal's history records, with the deal as it is now; every
 * string borrowed for the call only, NULL when the column is. */
typedef struct
{
  gint64      deal_id;
  const char *deal_name;
  ClDay       on;
  const char *field;       /* "created", "stage", "amount", "close_date", "status" */
  const char *old_value;
  const char *new_value;
  const char *currency;    /* the deal's */
  gint64      owner_id;    /* the deal's */
  const char *account;     /* the deal's */
  gint64      stage_id;    /* the deal's stage now */
} ClDealChange;

typedef void (*ClDealChangeFunc) (const ClDealChange *change,
                                  gpointer            user_data);
gboolean    cl_store_each_deal_change     (ClStore      *self,
                                           ClDay         since,
                                           ClDay         until,
                                           ClDealChangeFunc func,
                                           gpointer      user_data,
                                           GError      **error);

/* Which deals' rows cl_store_each_deal_row () reads. */
typedef enum {
  CL_DEAL_ROWS_OWNED_BY,    /* the deals of owner @id, everyone's when @id is 0 */
  CL_DEAL_ROWS_CLOSED_NOW,  /* the deals closed now, owner @id's (everyone's when 0) */
  CL_DEAL_ROWS_ONE,         /* deal @id */
} ClDealRows;

/* What becomes of a loaded deal's rows; @deal_data is what the by-id table
 * holds for the deal, @data what cl_store_each_deal_row () was given. */
typedef struct
{
  /* each change of its stage, amount, close date, next step or status,
   * in the order they were recorded (not by day: the caller sorts), the
   * values as its history keeps them; the texts are borrowed for the call */
  void (*add_change)        (gpointer         data,
                             gpointer         deal_data,
                             ClDay            occurred_on,
                             const char      *field,
                             const char      *old_value,
                             const char      *new_value);
  /* how many contacts it has; not called when none */
  void (*set_contacts)      (gpointer         data,
                             gpointer         deal_data,
                             int              n_contacts);
  /* each element of its qualification partial or confirmed */
  void (*add_known_element) (gpointer         data,
                             gpointer         deal_data,
                             ClMeddicElement  element);
} ClDealRowFuncs;
gboolean    cl_store_each_deal_row        (ClStore      *self,
                                           ClDealRows    rows,
                                           gint64        id,
                                           GHashTable   *by_id,
                                           const ClDealRowFuncs *funcs,
                                           gpointer      data,
                                           GError      **error);

/* The last two reviews held by a day, the latest first; borrowed for the
 * call only. */
typedef struct
{
  ClDay  held_on[2];
  char  *week[2];
} ClReviewPair;

typedef void (*ClDealReviewsFunc) (gpointer            deal_data,
                                   const ClReviewPair *reviews);
gboolean    cl_store_each_deal_reviewed_twice (ClStore        *self,
                                               ClDay           as_of,
                                               GHashTable     *by_id,
                                               ClDealReviewsFunc func,
                                               GError        **error);

gboolean    cl_store_add_rep              (ClStore      *self,
                                           ClRep        *rep,
                                           GError      **error);
ClRep      *cl_store_find_rep             (ClStore      *self,
                                           const char   *name,
                                           GError      **error);
GListModel *cl_store_list_reps            (ClStore      *self,
                                           GError      **error);
gboolean    cl_store_add_stage            (ClStore      *self,
                                           ClStage      *stage,
                                           GError      **error);
GListModel *cl_store_list_stages          (ClStore      *self,
                                           GError      **error);
gboolean    cl_store_insert_stage         (ClStore      *self,
                                           ClStage      *stage,
                                           guint         index,
                                           GError      **error);
gboolean    cl_store_update_stage         (ClStore      *self,
                                           ClStage      *stage,
                                           GError      **error);
gboolean    cl_store_move_stage           (ClStore      *self,
                                           gint64        stage_id,
                                           guint         index,
                                           GError      **error);
gboolean    cl_store_delete_stage         (ClStore      *self,
                                           ClStage      *stage,
                                           GError      **error);

gboolean    cl_store_add_deal             (ClStore      *self,
                                           ClDeal       *deal,
                                           GError      **error);
gboolean    cl_store_update_deal          (ClStore      *self,
                                           ClDeal       *deal,
                                           ClDay         as_of,
                                           GError      **error);
gboolean    cl_store_set_next_step        (ClStore      *self,
                                           gint64        deal_id,
                                           const char   *next_step,
                                           ClDay         due,
                                           ClDay         as_of,
                                           GError      **error);
ClDeal     *cl_store_get_deal             (ClStore      *self,
                                           gint64        id,
                                           GError      **error);
GListModel *cl_store_list_open_deals      (ClStore      *self,
                                           GError      **error);
GPtrArray  *cl_store_list_deals_open_on   (ClStore      *self,
                                           ClDay         day,
                                           gint64        owner_id,
                                           GError      **error);
GArray     *cl_store_list_deal_ids_open_on (ClStore    *self,
                                            ClDay       day,
                                            gint64      owner_id,
                                            GError    **error);
GPtrArray  *cl_store_list_closed_deals    (ClStore      *self,
                                           ClDay         created_by,
                                           GError      **error);
gint64      cl_store_count_deals          (ClStore      *self,
                                           GError      **error);
GHashTable *cl_store_list_external_stages (ClStore      *self,
                                           const char   *prefix,
                                           GError      **error);
gboolean    cl_store_add_deal_events      (ClStore      *self,
                                           GPtrArray    *events,
                                           GError      **error);
gboolean    cl_store_add_deal_event       (ClStore      *self,
                                           ClDealEvent  *event,
                                           GError      **error);
gint64      cl_store_count_deal_events    (ClStore      *self,
                                           gint64        deal_id,
                                           GError      **error);
GListModel *cl_store_list_deal_events     (ClStore      *self,
                                           gint64        deal_id,
                                           GError      **error);

gboolean    cl_store_add_contact          (ClStore      *self,
                                           ClContact    *contact,
                                           GError      **error);
GListModel *cl_store_list_contacts        (ClStore      *self,
                                           gint64        deal_id,
                                           GError      **error);
gboolean    cl_store_update_contact       (ClStore      *self,
                                           ClContact    *contact,
                                           GError      **error);
gboolean    cl_store_delete_contact       (ClStore      *self,
                                           gint64        contact_id,
                                           GError      **error);
gboolean    cl_store_assess_qualification (ClStore      *self,
                                           gint64        deal_id,
                                           const ClQualificationState states[CL_MEDDIC_N_ELEMENTS],
                                           GError      **error);
gboolean    cl_store_set_qualification    (ClStore      *self,
                                           gint64        deal_id,
                                           ClMeddicElement element,
                                           ClQualificationState state,
                                           const char   *note,
                                           GError      **error);
gboolean    cl_store_get_qualification    (ClStore      *self,
                                           gint64        deal_id,
                                           ClQualificationState states[CL_MEDDIC_N_ELEMENTS],
                                           GError      **error);
gboolean    cl_store_get_qualification_notes (ClStore   *self,
                                           gint64        deal_id,
                                           char         *notes[CL_MEDDIC_N_ELEMENTS],
                                           GError      **error);

gboolean    cl_store_add_action           (ClStore      *self,
                                           ClAction     *action,
                                           GError      **error);
gboolean    cl_store_complete_action      (ClStore      *self,
                                           gint64        action_id,
                                           ClDay         done_on,
                                           GError      **error);
gboolean    cl_store_complete_open_action (ClStore      *self,
                                           gint64        action_id,
                                           ClDay         done_on,
                                           GError      **error);
ClAction   *cl_store_get_action           (ClStore      *self,
                                           gint64        id,
                                           GError      **error);
GListModel *cl_store_list_deal_open_actions (ClStore    *self,
                                             gint64      deal_id,
                                             GError    **error);
GListModel *cl_store_list_open_actions    (ClStore      *self,
                                           gint64        owner_id,
                                           GError      **error);

gboolean    cl_store_add_review           (ClStore      *self,
                                           ClReview     *review,
                                           GError      **error);
gboolean    cl_store_add_review_decision  (ClStore      *self,
                                           ClReviewDecision *decision,
                                           GError      **error);
GListModel *cl_store_list_reviews         (ClStore      *self,
                                           GError      **error);
GListModel *cl_store_list_review_decisions (ClStore     *self,
                                            gint64       review_id,
                                            GError     **error);
GListModel *cl_store_list_review_actions  (ClStore      *self,
                                           gint64        review_id,
                                           GError      **error);
GListModel *cl_store_list_deal_decisions  (ClStore      *self,
                                           gint64        deal_id,
                                           GError      **error);
ClReview   *cl_store_find_review          (ClStore      *self,
                                           const char   *week,
                                           GError      **error);
ClReview   *cl_store_open_review          (ClStore      *self,
                                           const char   *week,
                                           ClDay         held_on,
                                           const char   *attendees,
                                           GError      **error);
gboolean    cl_store_record_decision      (ClStore      *self,
                                           ClReviewDecision *decision,
                                           ClAction     *action,
                                           GError      **error);
GListModel *cl_store_list_rep_loads       (ClStore      *self,
                                           ClDay         today,
                                           gint64        rep_id,
                                           GError      **error);
ClDay       cl_store_moves_since          (ClStore      *self,
                                           ClDay         day,
                                           GError      **error);

/* The workspace's currency: what an amount without one is booked in. */
#define CL_SETTING_CURRENCY "currency"

char       *cl_store_get_currency         (ClStore      *self);
gboolean    cl_store_set_currency         (ClStore      *self,
                                           const char   *code,
                                           GError      **error);

/* Open actions of people who left the team are not counted. */
typedef struct
{
  gint64 n_people;           /* as cl_store_list_rep_loads() lists them */
  gint64 n_open_deals;
  ClCentsTotal open_amount_cents;
  char  *currency;           /* the open deals' one currency; NULL when mixed or none */
  gint64 n_open_actions;
  gint64 n_overdue_actions;
} ClPipelineTotals;

gboolean    cl_store_get_pipeline_totals  (ClStore      *self,
                                           ClDay         today,
                                           ClPipelineTotals *totals,
                                           GError      **error);
void        cl_pipeline_totals_clear      (ClPipelineTotals *totals);

/* ------------------------------------------------------------------ the team's roster (cl-store-roster.c) */

gboolean    cl_store_rename_rep           (ClStore      *self,
                                           gint64        rep_id,
                                           const char   *name,
                                           GError      **error);
gboolean    cl_store_merge_reps           (ClStore      *self,
                                           gint64        from_id,
                                           gint64        into_id,
                                           GError      **error);
gboolean    cl_store_set_rep_manager      (ClStore      *self,
                                           gint64        rep_id,
                                           gboolean      is_manager,
                                           GError      **error);
gboolean    cl_store_set_rep_left         (ClStore      *self,
                                           gint64        rep_id,
                                           gboolean      has_left,
                                           GError      **error);
GHashTable *cl_store_list_rep_aliases     (ClStore      *self,
                                           GError      **error);
gint64      cl_store_top_open_amount      (ClStore      *self,
                                           int           percent,
                                           GError      **error);
GHashTable *cl_store_list_won_stage_days  (ClStore      *self,
                                           ClDay         as_of,
                                           guint         n_deals,
                                           GError      **error);

/* ------------------------------------------------------------------ coaching (cl-store-coaching.c) */

gboolean    cl_store_add_coaching_session (ClStore      *self,
                                           ClCoachingSession *session,
                                           GError      **error);
gboolean    cl_store_set_follow_up        (ClStore      *self,
                                           gint64        session_id,
                                           ClFollowUp    follow_up,
                                           const char   *note,
                                           GError      **error);
gboolean    cl_store_add_coaching_evidence (ClStore     *self,
                                            gint64       session_id,
                                            gint64       call_id,
                                            GError     **error);
GHashTable *cl_store_last_coached         (ClStore      *self,
                                           GError      **error);
GListModel *cl_store_list_coaching_sessions (ClStore    *self,
                                             gint64      deal_id,
                                             GError    **error);
GListModel *cl_store_list_rep_coaching_sessions (ClStore  *self,
                                                 gint64    rep_id,
                                                 ClDay     since,
                                                 GError  **error);
GListModel *cl_store_list_plan_evidence_sessions (ClStore *self,
                                                  gint64   plan_id,
                                                  GError **error);

gboolean    cl_store_add_call             (ClStore      *self,
                                           ClCall       *call,
                                           GError      **error);
GListModel *cl_store_list_calls           (ClStore      *self,
                                           gint64        deal_id,
                                           GError      **error);
GListModel *cl_store_list_evidence_calls  (ClStore      *self,
                                           gint64        session_id,
                                           GError      **error);
GListModel *cl_store_list_rep_calls       (ClStore      *self,
                                           gint64        rep_id,
                                           ClDay         since,
                                           GError      **error);
GListModel *cl_store_list_plan_evidence_calls (ClStore  *self,
                                               gint64    plan_id,
                                               GError  **error);
ClCall     *cl_store_get_call             (ClStore      *self,
                                           gint64        id,
                                           GError      **error);
gboolean    cl_store_set_call_score       (ClStore      *self,
                                           gint64        call_id,
                                           const char   *item_key,
                                           int           score,
                                           GError      **error);
int         cl_store_get_call_score       (ClStore      *self,
                                           gint64        call_id,
                                           const char   *item_key,
                                           GError      **error);

typedef enum {
  CL_CALL_MEASURE_SCORE,        /* mean scorecard score, 1–5 */
  CL_CALL_MEASURE_TALK_RATIO,   /* the rep's share of talk time, 0–1 */
  CL_CALL_MEASURE_QUESTIONS,    /* questions the rep asked per call */
} ClCallMeasure;

GListModel *cl_store_list_call_trend      (ClStore      *self,
                                           gint64        rep_id,
                                           ClCallMeasure measure,
                                           const char   *item_key,
                                           ClDay         first,
                                           ClDay         last,
                                           GError      **error);

/* ------------------------------------------------------------------ the team's lists (cl-store-lists.c) */

typedef enum {
  CL_TEAM_LIST_SCORECARD,    /* what each call is scored on, 1–5 */
  CL_TEAM_LIST_SKILLS,       /* what a rep's monthly focus can be */
  CL_N_TEAM_LISTS
} ClTeamList;

GListModel *cl_store_list_team_list       (ClStore      *self,
                                           ClTeamList    list,
                                           GError      **error);
gint64      cl_store_add_team_list_item   (ClStore      *self,
                                           ClTeamList    list,
                                           const char   *label,
                                           GError      **error);
gboolean    cl_store_rename_team_list_item (ClStore     *self,
                                            ClTeamList   list,
                                            gint64       item_id,
                                            const char  *label,
                                            GError     **error);
gboolean    cl_store_move_team_list_item  (ClStore      *self,
                                           ClTeamList    list,
                                           gint64        item_id,
                                           guint         index,
                                           GError      **error);
gboolean    cl_store_retire_team_list_item (ClStore     *self,
                                            ClTeamList   list,
                                            gint64       item_id,
                                            gboolean     retired,
                                            GError     **error);

/* ------------------------------------------------------------------ development (cl-store-development.c) */

gboolean    cl_store_add_dev_plan         (ClStore      *self,
                                           ClDevPlan    *plan,
                                           GError      **error);
GListModel *cl_store_list_dev_plans       (ClStore      *self,
                                           GError      **error);
gboolean    cl_store_add_practice_entry   (ClStore      *self,
                                           ClPracticeEntry *entry,
                                           GError      **error);
GListModel *cl_store_list_practice_entries (ClStore     *self,
                                            gint64       rep_id,
                                            const char  *month,
                                            GError     **error);
gboolean    cl_store_count_practice       (ClStore      *self,
                                           gint64        rep_id,
                                           const char   *focus,
                                           const char   *month,
                                           int          *done,
                                           double       *mean_score,
                                           GError      **error);
ClTeamListItem    *cl_store_get_dev_skill        (ClStore      *self,
                                           const char   *key,
                                           GError      **error);
ClDevPlan  *cl_store_get_dev_plan         (ClStore      *self,
                                           gint64        rep_id,
                                           const char   *month,
                                           GError      **error);
gboolean    cl_store_update_dev_plan      (ClStore      *self,
                                           ClDevPlan    *plan,
                                           GError      **error);
gboolean    cl_store_set_plan_evidence    (ClStore      *self,
                                           gint64        plan_id,
                                           GArray       *call_ids,
                                           GArray       *session_ids,
                                           GError      **error);
char       *cl_store_get_one_on_one       (ClStore      *self,
                                           gint64        rep_id,
                                           ClDay         day,
                                           GError      **error);
gboolean    cl_store_save_one_on_one      (ClStore      *self,
                                           gint64        rep_id,
                                           ClDay         day,
                                           const char   *agenda,
                                           GError      **error);

/* ------------------------------------------------------------------ sharing (cl-store-sync.c) */

/* An action marked done: by a rep in a manager's brief, or arriving from
 * a rep's practice log. */
typedef struct
{
  char   *manager;     /* the manager's identity, on the rep's side; NULL otherwise */
  gint64  action_id;   /* the manager's workspace's id */
  ClDay   done_on;
  char   *note;
} ClActionDone;

void        cl_action_done_free           (ClActionDone *done);

/* What merging a rep's practice log changed. */
typedef struct
{
  guint n_added;
  guint n_replaced;      /* the rep corrected the entry */
  guint n_removed;       /* the rep deleted it: no longer in the log */
  guint n_unchanged;
  guint n_actions_closed;
} ClPracticeMerge;

char       *cl_store_get_rep_identity     (ClStore      *self,
                                           gint64        rep_id,
                                           GError      **error);
gboolean    cl_store_merge_practice_log   (ClStore      *self,
                                           gint64        rep_id,
                                           const char   *identity,
                                           GPtrArray    *entries,
                                           GPtrArray    *actions_done,
                                           ClPracticeMerge *merge,
                                           GError      **error);
gboolean    cl_store_practice_entry_is_merged (ClStore  *self,
                                               gint64    entry_id,
                                               GError  **error);
gboolean    cl_store_mark_brief_action_done (ClStore    *self,
                                             const ClActionDone *done,
                                             GError    **error);
GPtrArray  *cl_store_list_brief_actions_done (ClStore   *self,
                                              GError   **error);
char       *cl_store_get_library_document (ClStore      *self,
                                           const char   *format,
                                           const char   *subject,
                                           GError      **error);

/* ------------------------------------------------------------------ loop health (cl-store-health.c) */

GHashTable *cl_store_list_reviewed_weeks  (ClStore      *self,
                                           const char   *first_week,
                                           const char   *last_week,
                                           GError      **error);
gboolean    cl_store_count_key_deal_coaching (ClStore   *self,
                                              ClDay      first,
                                              ClDay      last,
                                              gint64     key_amount_cents,
                                              int       *key_deals,
                                              int       *coached,
                                              int       *followed_up,
                                              GError   **error);
gboolean    cl_store_count_dev_plans      (ClStore      *self,
                                           const char   *first_month,
                                           const char   *last_month,
                                           const char   *this_month,
                                           int          *n_reps,
                                           int          *planned,
                                           int          *ended,
                                           int          *looked_back,
                                           GError      **error);
gboolean    cl_store_count_quarter_retros (ClStore      *self,
                                           const char   *quarter,
                                           ClDay         held_by,
                                           int          *held,
                                           int          *decided,
                                           GError      **error);
gboolean    cl_store_count_reps           (ClStore      *self,
                                           int          *n_reps,
                                           GError      **error);
gboolean    cl_store_find_first_days      (ClStore      *self,
                                           ClDay        *review,
                                           ClDay        *session,
                                           ClDay        *plan,
                                           ClDay        *retro,
                                           ClDay        *deal,
                                           GError      **error);

/* ------------------------------------------------------------------ strategy (cl-store-retro.c) */

gboolean    cl_store_add_retro            (ClStore      *self,
                                           ClRetro      *retro,
                                           GError      **error);
GListModel *cl_store_list_retros          (ClStore      *self,
                                           GError      **error);
ClRetro    *cl_store_get_retro            (ClStore      *self,
                                           const char   *quarter,
                                           GError      **error);
gboolean    cl_store_update_retro         (ClStore      *self,
                                           ClRetro      *retro,
                                           GError      **error);
gboolean    cl_store_add_retro_restart    (ClStore      *self,
                                           ClRetroRestart *restart,
                                           GError      **error);
GListModel *cl_store_list_retro_restarts  (ClStore      *self,
                                           gint64        retro_id,
                                           GError      **error);
gboolean    cl_store_clear_retro_restarts (ClStore      *self,
                                           gint64        retro_id,
                                           GError      **error);

/* The facts of a quarter a retrospective starts from */

/* Where deals died: one stage, one ending (lost or disqualified), one
 * reason, one currency (amounts in two are never added up). */
typedef struct
{
  char         *stage;
  char         *status;         /* "lost" or "disqualified" */
  char         *reason;
  int           n;
  ClCentsTotal  amount_cents;
  char         *currency;       /* NULL when the deals had none */
  GArray       *deal_ids;       /* gint64: the deals, at most CL_RETRO_DEATH_DEALS of them */
  GPtrArray    *deal_names;     /* char *, parallel to deal_ids */
} ClRetroDeath;

/* How many of a group's deals a death lists by name. */
#define CL_RETRO_DEATH_DEALS 50
void        cl_retro_death_free           (ClRetroDeath *death);

/* Deals closed in a quarter. */
typedef struct
{
  int    won;
  int    lost;            /* lost and disqualified */
  double win_rate;        /* won / (won + lost); 0 when none closed */
  double cycle_days;      /* mean days from creation to a win; 0 when none won */
} ClQuarterResults;

/* What the reps kept working on: one skill, its plans, how many moved. */
typedef struct
{
  char *key;
  char *label;
  int   plans;
  int   moved;            /* look-back yes */
  int   partly;           /* look-back partly */
  int   not_moved;        /* look-back no */
} ClRetroFocus;
void        cl_retro_focus_free           (ClRetroFocus *focus);

GHashTable *cl_store_list_reviewed_deal_ids (ClStore    *self,
                                             ClDay       first,
                                             ClDay       last,
                                             GError    **error);
GPtrArray  *cl_store_list_retro_deaths    (ClStore      *self,
                                           ClDay         first,
                                           ClDay         last,
                                           GError      **error);
gboolean    cl_store_count_quarter_results (ClStore          *self,
                                            ClDay             first,
                                            ClDay             last,
                                            ClQuarterResults *results,
                                            GError          **error);
GPtrArray  *cl_store_list_retro_focuses   (ClStore      *self,
                                           const char   *first_month,
                                           const char   *last_month,
                                           GError      **error);

/* ------------------------------------------------------------------ backup (cl-store-backup.c) */

gboolean    cl_store_write_workspace      (ClStore      *self,
                                           const char   *path,
                                           GError      **error);
JsonNode   *cl_store_export_workspace     (ClStore      *self,
                                           GError      **error);
gboolean    cl_store_restore_workspace    (const char   *backup_path,
                                           const char   *workspace_path,
                                           GError      **error);

/* ------------------------------------------------------------------ undo (cl-store-undo.c) */

char       *cl_store_copy_for_undo        (ClStore      *self,
                                           GError      **error);
gboolean    cl_store_mark_undo_point      (ClStore      *self,
                                           const char   *what,
                                           GError      **error);
gboolean    cl_store_place_undo_copy      (ClStore      *self,
                                           const char   *copy,
                                           GError      **error);
char       *cl_store_undo_point           (ClStore      *self);
char       *cl_store_undo_import          (ClStore      *self,
                                           gboolean      even_if_changed,
                                           GError      **error);

G_END_DECLS
