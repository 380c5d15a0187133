/* test-stage-plan.c — where a CRM export's stages go in the sales process:
 * the plan, the user's changes to it, a stages file, and weekly exports of
 * each CRM imported in order without a false backward move or skip
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-deal-import.h"
#include "cl-flags.h"
#include "cl-pipeline.h"
#include "test-util.h"

static ClDay
day (const char *iso)
{
  ClDay d = 0;

  g_assert_true (cl_date_parse (iso, &d));
  return d;
}

/* A process of @names (NULL-terminated), ids 11, 12, …, probabilities
 * from @probabilities (or 50). */
static GListModel *
process_of (const char * const *names,
            const int          *probabilities)
{
  GListStore *stages = g_list_store_new (CL_TYPE_STAGE);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (ClStage) stage = cl_stage_new (names[i], i + 1, probabilities ? probabilities[i] : 50);

      stage->id = 11 + i;
      g_list_store_append (stages, stage);
    }
  return G_LIST_MODEL (stages);
}

/* The process after the import, "A > B > C". */
static char *
order_of (const ClStagePlan *plan)
{
  GString *text = g_string_new (NULL);

  for (guint p = 1; p <= cl_stage_plan_get_n_stages (plan); p++)
    g_string_append_printf (text, "%s%s", p > 1 ? " > " : "", cl_stage_plan_get_stage_name (plan, p, NULL));
  return g_string_free (text, FALSE);
}

static guint
index_of (const ClStagePlan *plan,
          const char        *value)
{
  for (guint i = 0; i < cl_stage_plan_get_n_values (plan); i++)
    if (g_str_equal (cl_stage_plan_get_value (plan, i)->value, value))
      return i;
  g_error ("no value %s in the plan", value);
}

/* @value's explanation with the isolating marks taken out, for comparing. */
static char *
explained (const ClStagePlan *plan,
           const char        *value)
{
  g_autofree char *text = cl_stage_plan_explain (plan, index_of (plan, value));
  GString *plain = g_string_new (NULL);

  for (const char *c = text; *c; c = g_utf8_next_char (c))
    if (g_utf8_get_char (c) != 0x2068 && g_utf8_get_char (c) != 0x2069)
      g_string_append_unichar (plain, g_utf8_get_char (c));
  return g_string_free (plain, FALSE);
}

/* ------------------------------------------------------------------ the plan */

/* A HubSpot export into an empty process, mentioning a later stage first
 * and one by its internal id: the CRM's own order, its labels; the closed
 * stages are no stages. */
static void
test_known_order (void)
{
  static const char * const none[] = { NULL };
  g_autoptr (GListModel) empty = process_of (none, NULL);
  g_autoptr (ClStagePlan) plan = cl_stage_plan_new (empty);
  g_auto (GStrv) ambiguous = NULL;
  g_autofree char *order = NULL, *why = NULL, *closed = NULL, *renamed = NULL;

  cl_stage_plan_observe (plan, "Presentation scheduled", FALSE, -1, 0);
  cl_stage_plan_observe (plan, "Contract sent", FALSE, -1, 0);
  cl_stage_plan_observe (plan, "Closed won", TRUE, -1, 0);
  cl_stage_plan_observe (plan, "Appointment scheduled", FALSE, -1, 0);
  cl_stage_plan_observe (plan, "qualifiedtobuy", FALSE, -1, 0);
  cl_stage_plan_observe (plan, "APPOINTMENT SCHEDULED", FALSE, -1, 0);
  cl_stage_plan_place (plan);

  order = order_of (plan);
  g_assert_cmpstr (order, ==, "Appointment scheduled > Qualified to buy > Presentation scheduled > Contract sent");
  ambiguous = cl_stage_plan_get_ambiguous (plan);
  g_assert_cmpuint (g_strv_length (ambiguous), ==, 0);
  g_assert_cmpuint (cl_stage_plan_get_n_values (plan), ==, 5);
  g_assert_cmpuint (cl_stage_plan_get_value (plan, index_of (plan, "Appointment scheduled"))->n_rows, ==, 2);
  why = explained (plan, "Presentation scheduled");
  g_assert_cmpstr (why, ==, "New stage at position 3 · known HubSpot order");
  renamed = explained (plan, "qualifiedtobuy");
  g_assert_cmpstr (renamed, ==, "New stage Qualified to buy at position 2 · known HubSpot order");
  g_assert_cmpuint (cl_stage_plan_get_position (plan, index_of (plan, "Closed won")), ==, 0);
  g_assert_cmpint (cl_stage_plan_get_value (plan, index_of (plan, "Closed won"))->basis, ==, CL_STAGE_BASIS_CLOSING);
  closed = explained (plan, "Closed won");
  g_assert_nonnull (strstr (closed, "not a stage"));
}

/* Salesforce's stages where the team has some of them: each new one goes
 * between its neighbours in Salesforce's order; the team's are not moved. */
static void
test_known_anchors (void)
{
  static const char * const team[] = { "Prospecting", "Value Proposition", "Our own review", "Negotiation/Review", NULL };
  g_autoptr (GListModel) stages = process_of (team, NULL);
  g_autoptr (ClStagePlan) plan = cl_stage_plan_new (stages);
  g_autofree char *order = NULL, *existing = NULL;

  cl_stage_plan_observe (plan, "Proposal/Price Quote", FALSE, 75, 0);
  cl_stage_plan_observe (plan, "Needs Analysis", FALSE, 20, 0);
  cl_stage_plan_observe (plan, "prospecting", FALSE, 10, 0);
  cl_stage_plan_observe (plan, "Qualification", FALSE, 10, 0);
  cl_stage_plan_place (plan);
  order = order_of (plan);
  g_assert_cmpstr (order, ==, "Prospecting > Qualification > Needs Analysis > Value Proposition > "
                              "Proposal/Price Quote > Our own review > Negotiation/Review");
  g_assert_false (cl_stage_plan_is_new (plan, index_of (plan, "prospecting")));
  existing = explained (plan, "prospecting");
  g_assert_cmpstr (existing, ==, "Goes to Prospecting, stage 1 of the team's process");
}

/* The shorter path of newer Salesforce orgs, exported with 0 % on every
 * open stage: "Proposal/Quote" goes where Salesforce puts its proposal, not
 * first for its blank probability. */
static void
test_known_short_path (void)
{
  static const char * const team[] = { "Qualification", "Negotiation/Review", NULL };
  g_autoptr (GListModel) stages = process_of (team, NULL);
  g_autoptr (ClStagePlan) plan = cl_stage_plan_new (stages);
  g_autofree char *order = NULL;

  cl_stage_plan_observe (plan, "Proposal/Quote", FALSE, 0, 0);
  cl_stage_plan_observe (plan, "Qualification", FALSE, 10, 0);
  cl_stage_plan_place (plan);
  order = order_of (plan);
  g_assert_cmpstr (order, ==, "Qualification > Proposal/Quote > Negotiation/Review");
}

/* Stages no CRM knows: by the file's probabilities, the team's stages
 * compared by theirs; then by the stages the deals moved from. */
static void
test_probability_and_history (void)
{
  static const char * const team[] = { "Discovery", "Proposal", "Contract", NULL };
  static const int likely[] = { 10, 60, 90 };
  g_autoptr (GListModel) stages = process_of (team, likely);
  g_autoptr (ClStagePlan) plan = cl_stage_plan_new (stages);
  g_autoptr (ClStagePlan) moves = cl_stage_plan_new (stages);
  g_autofree char *order = NULL, *why = NULL, *moved = NULL, *after = NULL;

  /* the most common probability of a stage's rows counts */
  cl_stage_plan_observe (plan, "Negotiation", FALSE, 80, 0);
  cl_stage_plan_observe (plan, "Negotiation", FALSE, 70, 0);
  cl_stage_plan_observe (plan, "Negotiation", FALSE, 80, 0);
  cl_stage_plan_observe (plan, "Demo", FALSE, 40, 0);
  cl_stage_plan_observe (plan, "Solution", FALSE, 30, 0);
  cl_stage_plan_place (plan);
  order = order_of (plan);
  g_assert_cmpstr (order, ==, "Discovery > Solution > Demo > Proposal > Negotiation > Contract");
  why = explained (plan, "Negotiation");
  g_assert_cmpstr (why, ==, "New stage at position 5 · probability 80 %");

  /* no probability: most of the deals now in Demo were in Discovery */
  cl_stage_plan_observe (moves, "Demo", FALSE, -1, 11);
  cl_stage_plan_observe (moves, "Demo", FALSE, -1, 11);
  cl_stage_plan_observe (moves, "Demo", FALSE, -1, 13);
  cl_stage_plan_observe (moves, "Proposal", FALSE, -1, 12);
  cl_stage_plan_place (moves);
  moved = order_of (moves);
  g_assert_cmpstr (moved, ==, "Discovery > Demo > Proposal > Contract");
  after = explained (moves, "Demo");
  g_assert_cmpstr (after, ==, "New stage at position 2 · deals move here from Discovery");
}

/* What nothing places is UNKNOWN, never guessed; alone in an empty
 * process, a stage is simply the first. */
static void
test_ambiguous (void)
{
  static const char * const none[] = { NULL };
  static const char * const team[] = { "Discovery", NULL };
  g_autoptr (GListModel) empty = process_of (none, NULL);
  g_autoptr (GListModel) one = process_of (team, NULL);
  g_autoptr (ClStagePlan) first = cl_stage_plan_new (empty);
  g_autoptr (ClStagePlan) two = cl_stage_plan_new (empty);
  g_autoptr (ClStagePlan) tied = cl_stage_plan_new (empty);
  g_autoptr (ClStagePlan) blank = cl_stage_plan_new (empty);
  g_autoptr (ClStagePlan) later = cl_stage_plan_new (one);
  g_auto (GStrv) none_left = NULL, both = NULL, tie = NULL, unset = NULL, unplaced = NULL;
  g_autofree char *why = NULL, *unknown = NULL;

  cl_stage_plan_observe (first, "Pitch", FALSE, -1, 0);
  cl_stage_plan_place (first);
  none_left = cl_stage_plan_get_ambiguous (first);
  g_assert_cmpuint (g_strv_length (none_left), ==, 0);
  why = explained (first, "Pitch");
  g_assert_cmpstr (why, ==, "New stage at position 1 · the first stage of the process");

  cl_stage_plan_observe (two, "Pitch", FALSE, -1, 0);
  cl_stage_plan_observe (two, "Demo", FALSE, -1, 0);
  cl_stage_plan_place (two);
  both = cl_stage_plan_get_ambiguous (two);
  g_assert_cmpstrv (both, ((const char * const[]) { "Pitch", "Demo", NULL }));
  unknown = explained (two, "Demo");
  g_assert_cmpstr (unknown, ==, "New stage at position 2 · order unknown: move it where it belongs");

  /* the same probability orders nothing */
  cl_stage_plan_observe (tied, "Pitch", FALSE, 30, 0);
  cl_stage_plan_observe (tied, "Demo", FALSE, 30, 0);
  cl_stage_plan_observe (tied, "Deal", FALSE, 100, 0);
  cl_stage_plan_place (tied);
  tie = cl_stage_plan_get_ambiguous (tied);
  g_assert_cmpstrv (tie, ((const char * const[]) { "Pitch", "Demo", NULL }));

  /* 0 % on an open deal is a CRM's blank (Salesforce writes it for every
   * stage nobody gave a probability): it orders nothing either */
  cl_stage_plan_observe (blank, "Pitch", FALSE, 0, 0);
  cl_stage_plan_observe (blank, "Demo", FALSE, 30, 0);
  cl_stage_plan_place (blank);
  unset = cl_stage_plan_get_ambiguous (blank);
  g_assert_cmpstrv (unset, ((const char * const[]) { "Pitch", "Demo", NULL }));

  /* a new deal in a new stage, no probability: where among the team's? */
  cl_stage_plan_observe (later, "Demo", FALSE, -1, 0);
  cl_stage_plan_place (later);
  unplaced = cl_stage_plan_get_ambiguous (later);
  g_assert_cmpstrv (unplaced, ((const char * const[]) { "Demo", NULL }));
}

/* The user's changes: a new stage moved, a value mapped to one of the
 * team's stages and back, the rest accepted as shown. */
static void
test_changes (void)
{
  static const char * const team[] = { "Discovery", "Proposal", NULL };
  g_autoptr (GListModel) stages = process_of (team, NULL);
  g_autoptr (ClStagePlan) plan = cl_stage_plan_new (stages);
  g_auto (GStrv) left = NULL, after = NULL;
  g_autofree char *moved = NULL, *mapped = NULL, *back = NULL, *why = NULL, *goes = NULL;

  cl_stage_plan_observe (plan, "Demo", FALSE, -1, 0);
  cl_stage_plan_observe (plan, "Legal", FALSE, -1, 0);
  cl_stage_plan_observe (plan, "proposal", FALSE, -1, 0);
  cl_stage_plan_place (plan);
  left = cl_stage_plan_get_ambiguous (plan);
  g_assert_cmpuint (g_strv_length (left), ==, 2);

  g_assert_true (cl_stage_plan_move (plan, index_of (plan, "Demo"), 2));
  moved = order_of (plan);
  g_assert_cmpstr (moved, ==, "Discovery > Demo > Proposal > Legal");
  why = explained (plan, "Demo");
  g_assert_cmpstr (why, ==, "New stage at position 2 · placed by you");
  /* the team's stages are not the user's to move here */
  g_assert_false (cl_stage_plan_move (plan, index_of (plan, "proposal"), 1));

  g_assert_true (cl_stage_plan_map (plan, index_of (plan, "Legal"), 12));
  mapped = order_of (plan);
  g_assert_cmpstr (mapped, ==, "Discovery > Demo > Proposal");
  goes = explained (plan, "Legal");
  g_assert_cmpstr (goes, ==, "Goes to Proposal, stage 3 of the team's process");
  g_assert_false (cl_stage_plan_map (plan, index_of (plan, "Legal"), 99));
  /* "proposal" cannot be a new stage beside the team's Proposal */
  g_assert_false (cl_stage_plan_map (plan, index_of (plan, "proposal"), 0));
  g_assert_true (cl_stage_plan_map (plan, index_of (plan, "Legal"), 0));
  back = order_of (plan);
  g_assert_cmpstr (back, ==, "Discovery > Demo > Proposal > Legal");
  after = cl_stage_plan_get_ambiguous (plan);
  g_assert_cmpuint (g_strv_length (after), ==, 0);
}

/* A stages file: the whole process in order; what it gets wrong is
 * refused with the file's name and the line, or the stages it names. */
static void
test_stages_file (void)
{
  static const char * const team[] = { "Discovery", "Proposal", NULL };
  static const struct { const char *text; const char *says; } refused[] = {
    { "Discovery\nDemo\n", "stages.txt leaves out ⁨Proposal⁩" },
    { "Proposal\nDemo\nDiscovery\n", "stages.txt puts ⁨Discovery⁩ before ⁨Proposal⁩" },
    { "Discovery\nDemo\n\ndemo\nProposal\n", "stages.txt, line 4: ⁨demo⁩ is already on an earlier line" },
    { "Discovery\nDemo\nProposal\nClosed Won\n", "stages.txt, line 4: ⁨Closed Won⁩ is how a deal ends" },
    { "Discovery\nDemo\n\xff\n", "stages.txt, line 3: not UTF-8" },
  };
  g_autoptr (GListModel) stages = process_of (team, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (ClStagePlan) plan = cl_stage_plan_new (stages);
      g_autoptr (GError) error = NULL;

      cl_stage_plan_observe (plan, "Demo", FALSE, -1, 0);
      cl_stage_plan_observe (plan, "Closed Won", TRUE, -1, 0);
      cl_stage_plan_place (plan);
      g_assert_false (cl_stage_plan_order_from_text (plan, refused[i].text, strlen (refused[i].text), "stages.txt",
                                                     &error));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, refused[i].says));
    }
  {
    static const char text[] = "  Discovery\r\nDemo\nSecurity review\nPROPOSAL\n";
    g_autoptr (ClStagePlan) plan = cl_stage_plan_new (stages);
    g_autoptr (GError) error = NULL;
    g_auto (GStrv) left = NULL;
    g_autofree char *order = NULL;

    cl_stage_plan_observe (plan, "Demo", FALSE, -1, 0);
    cl_stage_plan_place (plan);
    g_assert_true (cl_stage_plan_order_from_text (plan, text, strlen (text), "stages.txt", &error));
    g_assert_no_error (error);
    order = order_of (plan);
    g_assert_cmpstr (order, ==, "Discovery > Demo > Security review > Proposal");
    left = cl_stage_plan_get_ambiguous (plan);
    g_assert_cmpuint (g_strv_length (left), ==, 0);
  }
}

/* ------------------------------------------------------------------ weekly exports, in order */

#define ABSENT -1
#define WON    100
#define LOST   101
#define N_WEEKS 4

/* Six deals over four weekly exports, by their stage's index in the CRM's
 * pipeline: each moves at most one stage a week and never back. The first
 * export mentions a late stage first and leaves one out, the traps that
 * ordering stages as the file first mentions them falls into. */
static const int snapshots[][N_WEEKS] = {
  { 2, 3, 4, WON },
  { 0, 1, 2, 3 },
  { 1, 1, 2, 2 },
  { 4, WON, WON, WON },
  { ABSENT, 0, 1, LOST },
  { 4, 4, 4, 4 },
};
static const char * const weeks[N_WEEKS] = { "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23" };

typedef struct
{
  ClCrmKind    kind;
  const char  *header;
  const char  *stages[6];      /* the first five of the CRM's pipeline */
  int          probability[5];
} ClCrmExport;

static const ClCrmExport hubspot = {
  CL_CRM_HUBSPOT, "Record ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner,Create Date\n",
  { "Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Decision maker bought-in",
    "Contract sent", NULL },
  { 0 },
};

/* Salesforce's Data Loader export of a user without access to names:
 * owners and accounts are ids; probabilities as Salesforce sets them */
static const ClCrmExport salesforce = {
  CL_CRM_SALESFORCE, "Id,AccountId,Name,StageName,Amount,Probability,CloseDate,OwnerId,CreatedDate,IsClosed,IsWon\n",
  { "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers", NULL },
  { 10, 10, 20, 50, 60 },
};

static const ClCrmExport pipedrive = {
  CL_CRM_PIPEDRIVE, "Deal - ID;Deal - Title;Deal - Organization;Deal - Stage;Deal - Value;Deal - Currency;"
                    "Deal - Expected close date;Deal - Owner;Deal - Status\n",
  { "Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started", NULL },
  { 0 },
};

static const char * const owner_ids[] = { "0055g00000AbCdEAAV", "0055g00000FgHiJAAV" };
static const char * const owner_names[] = { "Ana Okafor", "Ben Li" };
static const char * const account_ids[] = { "0015g00000Acme1AAA", "0015g00000Glbx2AAA", "0015g00000Init3AAA" };

/* Week @w's export of @crm. */
static char *
export_week (const ClCrmExport *crm,
             int                w)
{
  GString *text = g_string_new (crm->header);
  /* the stage a deal ended in stays what the export says, as the CRMs keep it */
  int last_open[G_N_ELEMENTS (snapshots)];

  for (guint d = 0; d < G_N_ELEMENTS (snapshots); d++)
    {
      int stage = snapshots[d][w];
      gboolean won = stage == WON, lost = stage == LOST;

      last_open[d] = 0;
      for (int k = 0; k <= w; k++)
        if (snapshots[d][k] >= 0 && snapshots[d][k] < WON)
          last_open[d] = snapshots[d][k];
      if (stage == ABSENT)
        continue;
      switch (crm->kind)
        {
        case CL_CRM_HUBSPOT:
          g_string_append_printf (text, "hs-%u,Deal %u,Account %u,%s,%u000,12/%02u/2026,%s,10/01/2026\n", d, d, d % 3,
                                  won ? "Closed won" : lost ? "Closed lost" : crm->stages[stage], 10 + d, 20 + d,
                                  owner_names[d % 2]);
          break;
        case CL_CRM_SALESFORCE:
          g_string_append_printf (text, "0065g00000Deal%uAAA,%s,Deal %u,%s,%u000,%d,2026-12-%02u,%s,"
                                  "2026-10-01T09:00:00.000+0000,%s,%s\n", d, account_ids[d % 3], d,
                                  won ? "Closed Won" : lost ? "Closed Lost" : crm->stages[stage], 10 + d,
                                  won ? 100 : lost ? 0 : crm->probability[stage], 20 + d, owner_ids[d % 2],
                                  won || lost ? "1" : "", won ? "1" : "");
          break;
        case CL_CRM_PIPEDRIVE:
          g_string_append_printf (text, "%u;Deal %u;Account %u;%s;%u000;EUR;%02u.12.2026;%s;%s\n", 700 + d, d, d % 3,
                                  crm->stages[won || lost ? last_open[d] : stage], 10 + d, 20 + d, owner_names[d % 2],
                                  won ? "won" : lost ? "lost" : "open");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  char    *dir;
  char    *path;
  ClStore *store;
} Workspace;

static void
workspace_open (Workspace *w)
{
  g_autoptr (GError) error = NULL;

  w->dir = g_dir_make_tmp ("closeloop-stages-XXXXXX", NULL);
  w->path = g_build_filename (w->dir, "team.db", NULL);
  w->store = cl_store_open (w->path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_set_currency (w->store, "EUR", &error));
}

static void
workspace_close (Workspace *w)
{
  g_clear_object (&w->store);
  cl_test_remove_tree (w->dir);
  g_free (w->path);
  g_free (w->dir);
}

/* No open deal is flagged as moved backwards or as having skipped a
 * stage on @as_of; returns how many stage moves the deals made. */
static guint
check_no_false_moves (Workspace  *w,
                      const char *as_of)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) snapshot = cl_pipeline_snapshot (w->path, day (as_of), 0, NULL, &error);
  g_autofree char *moves = cl_test_sql_text (w->path, "SELECT count(*) FROM deal_events WHERE field = 'stage'");

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (snapshot), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      g_assert_false (item->flags & (1u << CL_FLAG_STAGE_REGRESSED));
      g_assert_false (item->flags & (1u << CL_FLAG_SKIPPED_STAGE));
    }
  return g_ascii_strtoull (moves, NULL, 10);
}

/* The four weeks of @crm imported in order, the stages placed by the
 * import alone: the CRM's order, none of its closed stages, and no deal
 * flagged for a move it did not make. */
static void
import_weeks (Workspace         *w,
              const ClCrmExport *crm)
{
  g_autofree char *stages = NULL, *expected = NULL, *closed = NULL;
  guint moves = 0;

  for (int week = 0; week < N_WEEKS; week++)
    {
      g_autofree char *text = export_week (crm, week);
      g_autoptr (GError) error = NULL;
      ClImportReport report;
      ClCrmKind kind;

      g_assert_true (cl_test_import_csv (w->store, text, NULL, weeks[week], FALSE, &kind, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, crm->kind);
      g_test_message ("%s week %d: %u added, %u changed, %u stages created", cl_crm_kind_label (kind), week + 1,
                      report.created, report.updated, report.stages_created->len);
      moves = check_no_false_moves (w, weeks[week]);
      cl_import_report_clear (&report);
    }
  g_assert_cmpuint (moves, >=, 6);
  stages = cl_test_sql_text (w->path, "SELECT group_concat(name, '|') FROM (SELECT name FROM stages ORDER BY position)");
  expected = g_strdup_printf ("%s|%s|%s|%s|%s\n", crm->stages[0], crm->stages[1], crm->stages[2], crm->stages[3],
                              crm->stages[4]);
  g_assert_cmpstr (stages, ==, expected);
  closed = cl_test_sql_text (w->path, "SELECT count(*) FROM stages WHERE name LIKE 'closed%'");
  g_assert_cmpstr (closed, ==, "0\n");
}

static void
test_weekly_hubspot (void)
{
  Workspace w = { 0 };

  workspace_open (&w);
  import_weeks (&w, &hubspot);
  workspace_close (&w);
}

static void
test_weekly_pipedrive (void)
{
  Workspace w = { 0 };
  g_autofree char *won = NULL;

  workspace_open (&w);
  import_weeks (&w, &pipedrive);
  /* won in its stage: the stage a deal was won in is kept */
  won = cl_test_sql_text (w.path, "SELECT s.name FROM deals d JOIN stages s ON s.id = d.stage_id "
                                  "WHERE d.name = 'Deal 0'");
  g_assert_cmpstr (won, ==, "Negotiations Started\n");
  workspace_close (&w);
}

/* Salesforce without names: owners and accounts come in as ids and the
 * import says so; the roster names the owners and an Account export the
 * accounts, and next week's export finds them by their ids again. */
static void
test_weekly_salesforce_ids (void)
{
  static const char accounts_text[] = "Id,Name\n0015g00000Acme1AAA,Acme\n0015g00000Glbx2,Globex\n";
  Workspace w = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClRep) ben = cl_rep_new (owner_names[1]);
  g_autoptr (ClRep) ana_id = NULL, ben_id = NULL;
  g_autoptr (ClCsv) accounts_csv = cl_csv_parse (accounts_text, strlen (accounts_text), "Account.csv", &error);
  g_autoptr (GHashTable) accounts = cl_crm_accounts_read (accounts_csv, &error);
  g_autofree char *first = export_week (&salesforce, 0), *second = export_week (&salesforce, 1);
  g_autofree char *owners = NULL, *events = NULL, *reps = NULL, *names = NULL;
  g_autoptr (ClCsv) csv = NULL;
  ClImportReport report;
  ClImportOptions options;
  ClCrmMapping mapping;

  g_assert_no_error (error);
  workspace_open (&w);
  g_assert_true (cl_store_add_rep (w.store, ben, &error));
  g_assert_true (cl_test_import_csv (w.store, first, NULL, weeks[0], FALSE, NULL, &report, &error));
  g_assert_cmpuint (report.id_fields, ==, (1u << CL_CRM_FIELD_OWNER) | (1u << CL_CRM_FIELD_ACCOUNT));
  g_assert_cmpuint (report.reps_created->len, ==, 2);
  cl_import_report_clear (&report);
  check_no_false_moves (&w, weeks[0]);

  /* the roster: one id renamed, the other merged into the rep the team has */
  ana_id = cl_store_find_rep (w.store, owner_ids[0], &error);
  ben_id = cl_store_find_rep (w.store, owner_ids[1], &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_rename_rep (w.store, ana_id->id, owner_names[0], &error));
  g_assert_true (cl_store_merge_reps (w.store, ben_id->id, ben->id, &error));
  g_assert_no_error (error);

  /* next week, with the Account export beside it */
  csv = cl_csv_parse (second, strlen (second), "Opportunity.csv", &error);
  g_assert_true (cl_crm_mapping_detect (csv, CL_CRM_AUTO, &mapping, &error));
  cl_import_options_init (&options, day (weeks[1]));
  options.accounts = accounts;
  cl_import_report_init (&report);
  g_assert_true (cl_deal_import (w.store, csv, &mapping, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.reps_created->len, ==, 0);
  g_assert_cmpuint (report.id_fields, ==, 0);
  /* the 18-character id and the 15-character one name the same account */
  g_assert_cmpuint (report.accounts_named, ==, 4);
  g_assert_cmpuint (report.accounts_unnamed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report.accounts_unnamed, 0), ==, account_ids[2]);
  cl_import_report_clear (&report);

  reps = cl_test_sql_text (w.path, "SELECT group_concat(name, '|') FROM (SELECT name FROM reps ORDER BY name)");
  g_assert_cmpstr (reps, ==, "Ana Okafor|Ben Li\n");
  events = cl_test_sql_text (w.path, "SELECT count(*) FROM deal_events WHERE field = 'owner'");
  g_assert_cmpstr (events, ==, "0\n");
  names = cl_test_sql_text (w.path, "SELECT group_concat(DISTINCT account) FROM deals WHERE account NOT LIKE '001%'");
  g_assert_cmpstr (names, ==, "Acme,Globex\n");
  check_no_false_moves (&w, weeks[1]);
  for (int week = 2; week < N_WEEKS; week++)
    {
      g_autofree char *text = export_week (&salesforce, week);

      g_assert_true (cl_test_import_csv (w.store, text, NULL, weeks[week], FALSE, NULL, &report, &error));
      g_assert_cmpuint (report.reps_created->len, ==, 0);
      cl_import_report_clear (&report);
      check_no_false_moves (&w, weeks[week]);
    }
  owners = cl_test_sql_text (w.path, "SELECT group_concat(DISTINCT r.name) FROM deals d JOIN reps r ON r.id = d.owner_id");
  g_assert_cmpstr (owners, ==, "Ana Okafor,Ben Li\n");
  workspace_close (&w);
}

/* A team's own stages, no probabilities: placed week by week by the
 * stages the deals move from; a stage nothing places refuses the import
 * with its name, until a stages file says where it goes. */
static void
test_weekly_history (void)
{
  static const char * const exports[] = {
    "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
    "1,Acme,Discovery,100,2026-12-01,Ana\n2,Globex,Discovery,100,2026-12-01,Ana\n3,Initech,Discovery,100,2026-12-01,Ben\n",
    "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
    "1,Acme,Demo,100,2026-12-01,Ana\n2,Globex,Discovery,100,2026-12-01,Ana\n3,Initech,Demo,100,2026-12-01,Ben\n",
    "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
    "1,Acme,Proposal,100,2026-12-01,Ana\n2,Globex,Demo,100,2026-12-01,Ana\n3,Initech,Demo,100,2026-12-01,Ben\n",
    "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
    "1,Acme,Proposal,100,2026-12-01,Ana\n2,Globex,Proposal,100,2026-12-01,Ana\n3,Initech,Demo,100,2026-12-01,Ben\n"
    "4,Umbrella,Security review,100,2026-12-01,Ben\n",
  };
  Workspace w = { 0 };
  g_autofree char *stages = NULL;
  g_autoptr (GError) error = NULL;
  ClImportReport report;

  workspace_open (&w);
  for (int week = 0; week < 3; week++)
    {
      g_assert_true (cl_test_import_csv (w.store, exports[week], NULL, weeks[week], FALSE, NULL, &report, &error));
      g_assert_no_error (error);
      cl_import_report_clear (&report);
      check_no_false_moves (&w, weeks[week]);
    }
  g_assert_false (cl_test_import_csv (w.store, exports[3], NULL, weeks[3], FALSE, NULL, &report, &error));
  g_assert_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER);
  g_assert_nonnull (strstr (error->message, "⁨Security review⁩"));
  cl_import_report_clear (&report);
  g_clear_error (&error);
  g_assert_true (cl_test_import_csv (w.store, exports[3], "Discovery\nDemo\nProposal\nSecurity review\n", weeks[3],
                                     FALSE, NULL, &report, &error));
  g_assert_no_error (error);
  cl_import_report_clear (&report);
  check_no_false_moves (&w, weeks[3]);
  stages = cl_test_sql_text (w.path, "SELECT group_concat(name, '|') FROM (SELECT name FROM stages ORDER BY position)");
  g_assert_cmpstr (stages, ==, "Discovery|Demo|Proposal|Security review\n");
  workspace_close (&w);
}

/* The process changed between the plan and the import: refused, nothing
 * written; a plan can be made again. */
static void
test_plan_out_of_date (void)
{
  static const char text[] = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
                             "1,Acme,Prospecting,100,2026-12-01,Ana\n2,Globex,Qualification,100,2026-12-01,Ana\n";
  Workspace w = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClCsv) csv = cl_csv_parse (text, strlen (text), "export.csv", &error);
  g_autoptr (ClStagePlan) plan = NULL;
  g_autoptr (ClStage) added = cl_stage_new ("Discovery", 1, 10);
  g_autofree char *deals = NULL;
  ClCrmMapping mapping;
  ClImportOptions options;
  ClImportReport report;

  workspace_open (&w);
  g_assert_true (cl_crm_mapping_detect (csv, CL_CRM_AUTO, &mapping, &error));
  plan = cl_deal_import_plan_stages (w.store, csv, &mapping, &error);
  g_assert_no_error (error);
  g_assert_true (cl_store_add_stage (w.store, added, &error));
  cl_import_options_init (&options, day ("2026-11-23"));
  options.stages = plan;
  cl_import_report_init (&report);
  g_assert_false (cl_deal_import (w.store, csv, &mapping, &options, &report, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CHANGED);
  cl_import_report_clear (&report);
  deals = cl_test_sql_text (w.path, "SELECT count(*) FROM deals");
  g_assert_cmpstr (deals, ==, "0\n");
  g_clear_error (&error);

  /* a plan of another file's stages places none of these */
  {
    static const char other[] = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
                                "3,Initech,Qualification,100,2026-12-01,Ana\n";
    g_autoptr (ClCsv) other_csv = cl_csv_parse (other, strlen (other), "other.csv", &error);
    g_autoptr (ClStagePlan) other_plan = cl_deal_import_plan_stages (w.store, other_csv, &mapping, &error);

    g_assert_no_error (error);
    options.stages = other_plan;
    cl_import_report_init (&report);
    g_assert_false (cl_deal_import (w.store, csv, &mapping, &options, &report, &error));
    g_assert_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER);
    g_assert_nonnull (strstr (error->message, "Line 2"));
    cl_import_report_clear (&report);
  }
  workspace_close (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stage-plan/known-order", test_known_order);
  g_test_add_func ("/stage-plan/known-anchors", test_known_anchors);
  g_test_add_func ("/stage-plan/known-short-path", test_known_short_path);
  g_test_add_func ("/stage-plan/probability-and-history", test_probability_and_history);
  g_test_add_func ("/stage-plan/ambiguous", test_ambiguous);
  g_test_add_func ("/stage-plan/changes", test_changes);
  g_test_add_func ("/stage-plan/stages-file", test_stages_file);
  g_test_add_func ("/stage-plan/out-of-date", test_plan_out_of_date);
  g_test_add_func ("/stage-plan/weekly-hubspot", test_weekly_hubspot);
  g_test_add_func ("/stage-plan/weekly-salesforce-ids", test_weekly_salesforce_ids);
  g_test_add_func ("/stage-plan/weekly-pipedrive", test_weekly_pipedrive);
  g_test_add_func ("/stage-plan/weekly-history", test_weekly_history);
  return g_test_run ();
}
