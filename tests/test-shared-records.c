/* test-shared-records.c — the records that travel through the team folder
 * with one writer each: a manager's rep brief, a rep's practice log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-development.h"
#include "cl-export.h"
#include "cl-identity.h"
#include "cl-practice-log.h"
#include "cl-rep-brief.h"
#include "cl-summary.h"
#include "test-util.h"

static char *tmp_dir;

#define LOG_HEADER                                                                              \
  "{\"format\": \"closeloop.practice-log\", \"version\": 1, \"app_version\": \"1\", "          \
  "\"exported_at\": \"2026-11-23T10:00:00Z\", \"exported_by\": \"Ana\", "

static ClPracticeLog *
read_log (const char  *text,
          GError     **error)
{
  return cl_practice_log_read (text, strlen (text), "log.json", error);
}

/* A practice log: every value checked, bounded, no member its format lacks. */
static void
test_practice_log_reader (void)
{
  static const struct { const char *body; int code; const char *says; } bad[] = {
    /* a plan is not the rep's to send */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [], \"actions_done\": [], \"plan\": {}}",
      CL_SUMMARY_ERROR_BAD_VALUE, "“plan”" },
    /* an identity that is not one */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"Ana\"}, \"entries\": [], \"actions_done\": []}",
      CL_SUMMARY_ERROR_BAD_VALUE, "“id”" },
    /* someone else's log */
    { "\"rep\": {\"name\": \"Ben\", \"id\": \"0123456789ab\"}, \"entries\": [], \"actions_done\": []}",
      CL_SUMMARY_ERROR_NOT_ITS_OWNER, "Ben" },
    /* a score out of range */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [{\"id\": 1, \"date\": \"2026-11-20\", "
      "\"focus\": \"price_hold\", \"self_score\": 9, \"scenario\": \"\", \"note\": \"\"}], \"actions_done\": []}",
      CL_SUMMARY_ERROR_BAD_VALUE, "“self_score”" },
    /* not a date */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [{\"id\": 1, \"date\": \"20 Nov\", "
      "\"focus\": \"price_hold\", \"self_score\": 3, \"scenario\": \"\", \"note\": \"\"}], \"actions_done\": []}",
      CL_SUMMARY_ERROR_BAD_VALUE, "“date”" },
    /* two drills of one id */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [{\"id\": 1, \"date\": \"2026-11-20\", "
      "\"focus\": \"price_hold\", \"self_score\": 3, \"scenario\": \"\", \"note\": \"\"}, {\"id\": 1, "
      "\"date\": \"2026-11-21\", \"focus\": \"price_hold\", \"self_score\": 3, \"scenario\": \"\", \"note\": \"\"}], "
      "\"actions_done\": []}",
      CL_SUMMARY_ERROR_BAD_VALUE, "id 1" },
    /* an action of no id */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [], \"actions_done\": [{\"id\": 0, "
      "\"manager_id\": \"0123456789ab\", \"done_on\": \"2026-11-20\", \"note\": \"\"}]}",
      CL_SUMMARY_ERROR_BAD_VALUE, "“id”" },
    /* entries that are not a list of objects */
    { "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [1], \"actions_done\": []}",
      CL_SUMMARY_ERROR_BAD_VALUE, "“entries”" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ClPracticeLog) log = NULL;
  g_autoptr (GString) deep = g_string_new (LOG_HEADER "\"rep\": ");
  g_autoptr (GString) long_note = g_string_new (NULL);
  g_autofree char *too_long = NULL;

  log = read_log (LOG_HEADER "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": [{\"id\": 7, "
                  "\"date\": \"2026-11-20\", \"focus\": \"price_hold\", \"self_score\": 4, \"scenario\": \"CFO\", "
                  "\"note\": \"held\"}], \"actions_done\": [{\"id\": 12, \"manager_id\": \"ba9876543210\", "
                  "\"done_on\": \"2026-11-21\", \"note\": \"sent\"}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->entries->len, ==, 1);
  g_assert_cmpint (((ClPracticeEntry *) g_ptr_array_index (log->entries, 0))->id, ==, 7);
  g_assert_cmpuint (log->actions_done->len, ==, 1);
  g_assert_cmpint (((ClActionDone *) g_ptr_array_index (log->actions_done, 0))->action_id, ==, 12);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strconcat (LOG_HEADER, bad[i].body, NULL);
      g_autoptr (ClPracticeLog) refused = read_log (text, &error);

      g_assert_null (refused);
      g_assert_error (error, CL_SUMMARY_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, "log.json"));
      g_assert_nonnull (strstr (error->message, bad[i].says));
      g_clear_error (&error);
    }

  /* nesting is bounded before the parser sees it */
  for (int i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (read_log (deep->str, &error));
  g_assert_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_TOO_DEEP);
  g_clear_error (&error);
  /* and every text's length */
  for (int i = 0; i < 5000; i++)
    g_string_append_c (long_note, 'x');
  too_long = g_strdup_printf (LOG_HEADER "\"rep\": {\"name\": \"Ana\", \"id\": \"0123456789ab\"}, \"entries\": "
                              "[{\"id\": 1, \"date\": \"2026-11-20\", \"focus\": \"price_hold\", \"self_score\": 3, "
                              "\"scenario\": \"\", \"note\": \"%s\"}], \"actions_done\": []}", long_note->str);
  g_assert_null (read_log (too_long, &error));
  g_assert_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE);
  g_clear_error (&error);
}

/* A brief built from a real team reads back; damaged ones are refused. */
static void
test_rep_brief_round_trip (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "brief.db", NULL);
  g_autoptr (ClStore) store = NULL;
  g_autoptr (ClIdentity) manager = NULL;
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (GError) error = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.n_deals = 80;
  options.seed = 7;
  options.today = cl_date_from_ymd (2026, 11, 23);
  cl_test_write_team (path, &options);
  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  g_unsetenv ("CLOSELOOP_AUTHOR");
  g_assert_true (cl_identity_set (store, "Mia Manager", CL_ROLE_MANAGER, &error));
  manager = cl_identity_peek (store);
  reps = cl_store_list_reps (store, &error);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);
      g_autoptr (JsonNode) document = NULL;
      g_autoptr (ClRepBrief) brief = NULL, damaged = NULL, forged = NULL;
      g_autoptr (GListModel) actions = NULL;
      g_autofree char *text = NULL, *bad = NULL, *forgery = NULL;
      g_auto (GStrv) parts = NULL;
      char *flag;

      if (rep->is_manager)
        continue;
      /* the brief is signed by the owner's name */
      cl_identity_apply (manager);
      document = cl_rep_brief_build (store, manager, rep->id, options.today, &error);
      g_assert_no_error (error);
      text = cl_export_to_text (document);
      brief = cl_rep_brief_read (text, strlen (text), "brief.json", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (brief->rep_name, ==, rep->name);
      g_assert_cmpstr (brief->manager_id, ==, manager->id);
      g_assert_cmpstr (brief->month, ==, "2026-11");
      actions = cl_store_list_open_actions (store, rep->id, &error);
      g_assert_cmpuint (brief->actions->len, ==, g_list_model_get_n_items (actions));
      g_assert_null (strstr (text, "justification"));

      /* an unknown flag */
      if ((flag = strstr (text, "\"flags\" : [\n        \"")) != NULL)
        {
          bad = g_strdup (text);
          memcpy (bad + (flag - text) + strlen ("\"flags\" : [\n        \""), "zz", 2);
          damaged = cl_rep_brief_read (bad, strlen (bad), "brief.json", &error);
          g_assert_null (damaged);
          g_assert_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE);
          g_clear_error (&error);
        }
      /* signed by someone else than the manager it names */
      parts = g_strsplit (text, "\"exported_by\" : \"Mia Manager\"", -1);
      forgery = g_strjoinv ("\"exported_by\" : \"Mallory\"", parts);
      forged = cl_rep_brief_read (forgery, strlen (forgery), "brief.json", &error);
      g_assert_null (forged);
      g_assert_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER);
      g_clear_error (&error);
    }
  cl_identity_apply (NULL);
}

/* One writer per record, in the store: an identity pinned to its rep, only
 * the rep's own actions closed, a refused merge changing nothing. */
static void
test_merge_one_writer (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "merge.db", NULL);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (ClRep) ana = cl_rep_new ("Ana"), ben = cl_rep_new ("Ben");
  g_autoptr (ClAction) bens = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (GPtrArray) done = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *pinned = NULL, *count = NULL;
  ClPracticeEntry *entry = g_object_new (CL_TYPE_PRACTICE_ENTRY, NULL);
  ClActionDone close_bens = { NULL, 0, 0, NULL };
  ClPracticeMerge merge;

  g_assert_true (cl_store_add_rep (store, ana, &error));
  g_assert_true (cl_store_add_rep (store, ben, &error));
  bens = cl_action_new ("Call the CFO", ben->id, cl_date_from_ymd (2026, 11, 30));
  bens->created_on = cl_date_from_ymd (2026, 11, 20);
  g_assert_true (cl_store_add_action (store, bens, &error));
  g_assert_no_error (error);
  entry->id = 5;
  entry->logged_on = cl_date_from_ymd (2026, 11, 20);
  entry->focus = g_strdup ("price_hold");
  entry->self_score = 4;
  g_ptr_array_add (entries, entry);

  g_assert_true (cl_store_merge_practice_log (store, ana->id, "0123456789ab", entries, none, &merge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (merge.n_added, ==, 1);
  pinned = cl_store_get_rep_identity (store, ana->id, &error);
  g_assert_cmpstr (pinned, ==, "0123456789ab");
  /* the same again: nothing added */
  g_assert_true (cl_store_merge_practice_log (store, ana->id, "0123456789ab", entries, none, &merge, &error));
  g_assert_cmpuint (merge.n_unchanged, ==, 1);
  g_assert_cmpuint (merge.n_added, ==, 0);
  /* another identity claiming Ana; Ana's identity claiming Ben */
  g_assert_false (cl_store_merge_practice_log (store, ana->id, "ba9876543210", entries, none, &merge, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cl_store_merge_practice_log (store, ben->id, "0123456789ab", entries, none, &merge, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Ana closing Ben's action: refused, and her emptied log changed nothing */
  close_bens.action_id = bens->id;
  close_bens.done_on = cl_date_from_ymd (2026, 11, 21);
  g_ptr_array_add (done, &close_bens);
  g_assert_false (cl_store_merge_practice_log (store, ana->id, "0123456789ab", none, done, &merge, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  count = g_strchomp (cl_test_sql_text (path, "SELECT count(*) || '/' || count(a.done_on) FROM practice_log, "
                                              "actions a"));
  g_assert_cmpstr (count, ==, "1/0");
  /* the drill gone from her log: removed */
  g_assert_true (cl_store_merge_practice_log (store, ana->id, "0123456789ab", none, none, &merge, &error));
  g_assert_cmpuint (merge.n_removed, ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-shared-XXXXXX", NULL);
  g_test_add_func ("/shared-records/practice-log-reader", test_practice_log_reader);
  g_test_add_func ("/shared-records/rep-brief-round-trip", test_rep_brief_round_trip);
  g_test_add_func ("/shared-records/merge-one-writer", test_merge_one_writer);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
