/* test-gui-crm.c — real CRM data through the window: a first export
 * without currencies or names (the currency asked, the account export
 * beside it, the stages step), the import undone from its result and from
 * the main menu, then Preferences: the workspace's currency and the people
 * (run under Xvfb; the sanitizer build is where it matters)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-application.h"
#include "cl-import-window.h"
#include "cl-preferences-window.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* A Salesforce export as Data Loader writes it for a user who may not read
 * names: owners and accounts are ids, no currency. It mentions its late
 * stages first. */
static const char opportunities[] =
  "Id,AccountId,Name,StageName,Amount,Probability,CloseDate,OwnerId,IsClosed,IsWon\n"
  "006A,001000000000001AAA,Acme rollout,Negotiation/Review,12000,90,2026-12-15,005000000000001AAA,,\n"
  "006B,001000000000002AAA,Globex pilot,Needs Analysis,8000,20,2026-12-20,005000000000002AAA,,\n"
  "006C,001000000000001AAA,Acme renewal,Prospecting,5000,10,2027-01-10,005000000000001AAA,,\n"
  "006D,001000000000003AAA,Initech,Closed Won,5000,100,2026-11-01,005000000000002AAA,1,1\n";
static const char accounts[] =
  "Id,Name\n001000000000001AAA,Acme\n001000000000002,Globex\n";

static char *tmp_dir;

static char *
write_file (const char *name,
            const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The export at @path in the import window as Ctrl+I opens it. */
static ClImportWindow *
open_import (ClWindow   *window,
             const char *path)
{
  ClImportWindow *import;

  g_action_group_activate_action (G_ACTION_GROUP (window), "import-deals", NULL);
  import = cl_test_find_toplevel (CL_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (import);
  g_assert_true (cl_import_window_open_file (import, path));
  cl_test_import_read (import);
  return import;
}

static char *
sql (ClWindow   *window,
     const char *query)
{
  return g_strchomp (cl_test_sql_text (cl_store_get_path (cl_window_get_store (window)), query));
}

static guint
index_of (const ClStagePlan *plan,
          const char        *value)
{
  for (guint i = 0; i < cl_stage_plan_get_n_values (plan); i++)
    if (g_str_equal (cl_stage_plan_get_value (plan, i)->value, value))
      return i;
  g_error ("no stage %s in the plan", value);
}

static gboolean
undone (gpointer import)
{
  return g_str_equal (cl_import_window_get_page (import), "undone");
}

static gboolean
asks_currency (gpointer import)
{
  return cl_import_window_asks_currency (import);
}

static gboolean
has_undo_point (gpointer window)
{
  return cl_window_get_undo_point (window) != NULL;
}

static gboolean
no_undo_point (gpointer window)
{
  return cl_window_get_undo_point (window) == NULL;
}

/* The first export into a new workspace: the currency asked and kept, the
 * account export beside it, the stages in Salesforce's order whatever the
 * file mentions first, a stage moved and put back, then the import. */
static ClImportWindow *
first_import (ClWindow *window)
{
  g_autofree char *path = write_file ("Opportunity.csv", opportunities);
  g_autofree char *account_path = write_file ("Account.csv", accounts);
  g_autofree char *order = NULL, *currency = NULL, *names = NULL, *stages = NULL;
  ClImportWindow *import;
  const ClStagePlan *plan;
  ClStagesPage *page;
  guint needs;

  import = open_import (window, path);
  g_assert_cmpint (cl_import_window_get_kind (import), ==, CL_CRM_SALESFORCE);

  /* no currency anywhere: asked, and nothing goes on without it */
  cl_test_wait_until (asks_currency, import, "the currency asked for");
  g_test_message ("booked in: %s", cl_import_window_get_booked_in (import));
  g_assert_false (cl_import_window_show_stages (import));
  cl_import_window_set_currency (import, "Euro");
  g_assert_false (cl_import_window_show_stages (import));
  cl_import_window_set_currency (import, "eur");

  /* owners and accounts are ids; the account export names the accounts */
  g_assert_cmpuint (cl_import_window_get_id_fields (import), ==,
                    (1u << CL_CRM_FIELD_OWNER) | (1u << CL_CRM_FIELD_ACCOUNT));
  g_assert_false (cl_import_window_open_accounts (import, path));
  /* dropped after the deals, the account export names them, the deals kept */
  g_assert_true (cl_import_window_open_dropped (import, account_path));
  g_assert_cmpint (cl_import_window_get_kind (import), ==, CL_CRM_SALESFORCE);
  g_assert_cmpuint (cl_import_window_get_id_fields (import), ==, 1u << CL_CRM_FIELD_OWNER);
  /* and chosen, the same */
  g_assert_true (cl_import_window_open_accounts (import, account_path));
  g_assert_cmpuint (cl_import_window_get_id_fields (import), ==, 1u << CL_CRM_FIELD_OWNER);

  g_assert_true (cl_import_window_show_stages (import));
  cl_test_wait_until (cl_test_import_shows_stages, import, "the stages");
  plan = cl_import_window_get_stage_plan (import);
  page = cl_import_window_get_stages_page (import);
  g_assert_cmpuint (cl_stage_plan_get_n_stages (plan), ==, 3);
  g_assert_cmpstr (cl_stage_plan_get_stage_name (plan, 1, NULL), ==, "Prospecting");
  g_assert_cmpuint (cl_stage_plan_get_position (plan, index_of (plan, "Negotiation/Review")), ==, 3);
  g_assert_cmpuint (cl_stage_plan_get_position (plan, index_of (plan, "Closed Won")), ==, 0);
  g_assert_true (cl_import_window_can_import (import));
  /* the user moves a stage, then puts it back where Salesforce has it */
  needs = index_of (plan, "Needs Analysis");
  g_assert_true (cl_stages_page_move (page, needs, 1));
  g_assert_cmpuint (cl_stage_plan_get_position (plan, needs), ==, 1);
  g_assert_true (cl_stages_page_move (page, needs, 2));
  g_assert_false (cl_stages_page_map (page, index_of (plan, "Closed Won"), 0));

  g_assert_true (cl_import_window_run (import));
  cl_test_wait_until (cl_test_import_done, import, "the first import");
  g_test_message ("%s", cl_import_window_get_summary (import));
  g_assert_nonnull (strstr (cl_import_window_get_summary (import), "named by their CRM ids"));
  order = sql (window, "SELECT group_concat(name, '|') FROM (SELECT name FROM stages ORDER BY position)");
  g_assert_cmpstr (order, ==, "Prospecting|Needs Analysis|Negotiation/Review");
  currency = sql (window, "SELECT value FROM settings WHERE key = 'currency'");
  g_assert_cmpstr (currency, ==, "EUR");
  names = sql (window, "SELECT group_concat(DISTINCT account) FROM deals");
  g_assert_cmpstr (names, ==, "Acme,Globex,001000000000003AAA");
  stages = sql (window, "SELECT count(*) FROM stages WHERE name LIKE 'Closed%'");
  g_assert_cmpstr (stages, ==, "0");
  return import;
}

/* Undone from the import's result: the workspace as before, the currency
 * chosen kept. */
static void
undo_from_result (ClWindow       *window,
                  ClImportWindow *import)
{
  g_autofree char *deals = NULL, *currency = NULL;

  cl_test_wait_until (has_undo_point, window, "the menu's undo");
  g_assert_true (cl_import_window_undo (import));
  cl_test_wait_until (undone, import, "the undo");
  deals = sql (window, "SELECT count(*) FROM deals");
  g_assert_cmpstr (deals, ==, "0");
  currency = sql (window, "SELECT value FROM settings WHERE key = 'currency'");
  g_assert_cmpstr (currency, ==, "EUR");
  cl_test_wait_until (no_undo_point, window, "no undo left in the menu");
  gtk_window_destroy (GTK_WINDOW (import));
}

static gboolean
asks (gpointer data)
{
  return cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
deals_gone (gpointer window)
{
  g_autofree char *deals = sql (window, "SELECT count(*) FROM deals");

  return g_str_equal (deals, "0");
}

/* Imported again, undone from the main menu once the user says so. */
static void
undo_from_menu (ClWindow *window)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Opportunity.csv", NULL);
  ClImportWindow *import = open_import (window, path);
  GtkWidget *dialog;

  /* the workspace has its currency now: nothing asked */
  cl_test_import_next (import, "the stages again");
  g_assert_true (cl_import_window_run (import));
  cl_test_wait_until (cl_test_import_done, import, "the import again");
  gtk_window_destroy (GTK_WINDOW (import));
  cl_test_wait_until (has_undo_point, window, "the menu's undo");
  g_assert_nonnull (strstr (cl_window_get_undo_point (window), "Opportunity.csv"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-import", NULL);
  cl_test_wait_until (asks, NULL, "the question before undoing");
  dialog = cl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "undo");
  cl_test_wait_until (deals_gone, window, "the import undone from the menu");
  cl_test_wait_until (no_undo_point, window, "no undo left in the menu");
}

static gboolean
roster_loaded (gpointer page)
{
  return cl_roster_page_is_loaded (page);
}

typedef struct
{
  ClPreferencesWindow *preferences;
  const char          *expected;
} CurrencyWait;

static gboolean
shows_currency (gpointer data)
{
  CurrencyWait *wait = data;

  return g_strcmp0 (cl_preferences_window_get_currency (wait->preferences), wait->expected) == 0;
}

static gint64
rep_id (ClWindow   *window,
        const char *name)
{
  g_autofree char *query = g_strdup_printf ("SELECT id FROM reps WHERE name = '%s'", name);
  g_autofree char *id = sql (window, query);

  return g_ascii_strtoll (id, NULL, 10);
}

/* Preferences: the workspace's currency shown and changed; the people
 * named by ids renamed, merged, the manager and who left marked. */
static void
check_preferences (ClWindow *window)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Opportunity.csv", NULL);
  ClImportWindow *import = open_import (window, path);
  ClPreferencesWindow *preferences;
  ClRosterPage *roster;
  CurrencyWait wait;
  g_autofree char *currency = NULL, *reps = NULL, *owners = NULL, *flags = NULL;
  gint64 first, second;

  cl_test_import_next (import, "the stages");
  g_assert_true (cl_import_window_run (import));
  cl_test_wait_until (cl_test_import_done, import, "the import for the roster");
  gtk_window_destroy (GTK_WINDOW (import));

  g_action_group_activate_action (G_ACTION_GROUP (window), "preferences", NULL);
  preferences = cl_test_find_toplevel (CL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  wait = (CurrencyWait) { preferences, "EUR" };
  cl_test_wait_until (shows_currency, &wait, "the workspace's currency");
  g_assert_true (cl_preferences_window_set_currency (preferences, "usd"));
  wait.expected = "USD";
  cl_test_wait_until (shows_currency, &wait, "the currency changed");
  currency = sql (window, "SELECT value FROM settings WHERE key = 'currency'");
  g_assert_cmpstr (currency, ==, "USD");

  roster = cl_preferences_window_get_roster_page (preferences);
  cl_test_wait_until (roster_loaded, roster, "the people");
  g_assert_cmpuint (cl_roster_page_get_n_people (roster), ==, 2);
  first = rep_id (window, "005000000000001AAA");
  second = rep_id (window, "005000000000002AAA");
  g_assert_true (cl_roster_page_rename (roster, first, "Ana Okafor"));
  g_assert_false (cl_roster_page_rename (roster, second, "busy"));
  cl_test_wait_until (roster_loaded, roster, "the rename");
  /* a name taken: refused, said */
  g_assert_true (cl_roster_page_rename (roster, second, "ana okafor"));
  cl_test_wait_until (roster_loaded, roster, "the refused rename");
  g_assert_nonnull (strstr (cl_roster_page_get_message (roster), "merge the two instead"));
  g_assert_true (cl_roster_page_merge (roster, second, first));
  cl_test_wait_until (roster_loaded, roster, "the merge");
  g_assert_cmpuint (cl_roster_page_get_n_people (roster), ==, 1);
  reps = sql (window, "SELECT group_concat(name) FROM reps");
  g_assert_cmpstr (reps, ==, "Ana Okafor");
  owners = sql (window, "SELECT count(DISTINCT owner_id) FROM deals");
  g_assert_cmpstr (owners, ==, "1");
  g_assert_true (cl_roster_page_set_manager (roster, first, TRUE));
  cl_test_wait_until (roster_loaded, roster, "the manager marked");
  g_assert_true (cl_roster_page_set_left (roster, first, TRUE));
  cl_test_wait_until (roster_loaded, roster, "who left marked");
  flags = sql (window, "SELECT is_manager || has_left FROM reps");
  g_assert_cmpstr (flags, ==, "11");
  gtk_window_close (GTK_WINDOW (preferences));
}

static void
on_activate (GApplication *app)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ClImportWindow *import;

  cl_test_wait_until (cl_test_workspace_shown, window, "the empty workspace");
  g_assert_cmpstr (cl_window_get_state (window), ==, "empty");
  g_assert_null (cl_window_get_undo_point (window));
  import = first_import (window);
  undo_from_result (window, import);
  undo_from_menu (window);
  check_preferences (window);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_crm_data_in (void)
{
  g_autofree char *team = g_build_filename (tmp_dir, "new.db", NULL);

  cl_test_run_window (team, G_CALLBACK (on_activate), NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-crm-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_add_func ("/gui/crm-data-in", test_crm_data_in);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
