/* test-demo.c — the sample team is deterministic, complete and refuses to overwrite
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-coaching.h"
#include "cl-demo.h"
#include "cl-flags.h"
#include "cl-pipeline.h"
#include "cl-loop-health.h"
#include "cl-transcript.h"
#include "cl-one-on-one.h"
#include "cl-review-export.h"
#include "cl-text.h"
#include "test-util.h"

static const char * const tables[] = {
  "reps", "stages", "deals", "deal_events", "contacts", "qualification", "actions", "reviews",
  "review_decisions", "coaching_sessions", "coaching_evidence", "calls", "call_scores", "dev_plans", "practice_log",
  "retros",
};

static char *
make_demo (const char *dir,
           const char *name,
           guint32     seed)
{
  char *path = g_build_filename (dir, name, NULL);
  ClDemoOptions options;

  /* a hundred deals a rep, as the default team has: fewer and the rarer
   * flags may not come up at all */
  cl_demo_options_init (&options);
  options.n_deals = 500;
  options.n_reps = 5;
  options.n_weeks = 20;
  options.seed = seed;
  options.today = cl_date_from_ymd (2026, 11, 23);
  cl_test_write_team (path, &options);
  return path;
}

/* Every table, dumped in id order. */
static char *
dump (const char *path)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      g_autofree char *rows = cl_test_sql_text (path, sql);

      g_string_append_printf (all, "-- %s\n%s", tables[i], rows);
    }
  return g_string_free (all, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *a = make_demo (dir, "a.db", 7);
  g_autofree char *b = make_demo (dir, "b.db", 7);
  g_autofree char *c = make_demo (dir, "c.db", 8);
  g_autofree char *dump_a = dump (a);
  g_autofree char *dump_b = dump (b);
  g_autofree char *dump_c = dump (c);

  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
  cl_test_remove_tree (dir);
}

static void
test_every_loop_has_history (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) > 0 FROM %s", tables[i]);
      g_autofree char *any = cl_test_sql_text (path, sql);

      g_test_message ("%s", tables[i]);
      g_assert_cmpstr (any, ==, "1\n");
    }

  /* deals move, stall and slip; reviews both decide and merely recite */
  {
    g_autofree char *fields = cl_test_sql_text (path, "SELECT group_concat(field) FROM "
                                                "(SELECT DISTINCT field FROM deal_events ORDER BY 1)");
    g_autofree char *statuses = cl_test_sql_text (path, "SELECT group_concat(status) FROM "
                                                  "(SELECT DISTINCT status FROM deals ORDER BY 1)");
    g_autofree char *recitals = cl_test_sql_text (path,
                                                  "SELECT count(*) > 0 FROM reviews v WHERE NOT EXISTS "
                                                  "(SELECT 1 FROM review_decisions d WHERE "
                                                  "d.review_id = v.id AND d.decision <> 'keep')");
    g_autofree char *stalled = cl_test_sql_text (path,
                                                 "SELECT count(*) > 0 FROM deals WHERE status = 'open' "
                                                 "AND julianday('2026-11-23') - julianday(stage_entered_on) > 42");
    g_autofree char *vtt = cl_test_sql_text (path, "SELECT count(*) > 0 FROM calls WHERE "
                                             "transcript LIKE 'WEBVTT%' AND talk_ratio BETWEEN 0 AND 1");

    g_assert_cmpstr (fields, ==, "amount,close_date,created,next_step,stage,status\n");
    g_assert_cmpstr (statuses, ==, "lost,open,won\n");
    g_assert_cmpstr (recitals, ==, "1\n");
    g_assert_cmpstr (stalled, ==, "1\n");
    g_assert_cmpstr (vtt, ==, "1\n");
  }
  cl_test_remove_tree (dir);
}

static void
test_refuses_a_team (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 1);
  g_autofree char *before = dump (path);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  ClDemoOptions options;

  cl_demo_options_init (&options);
  g_assert_false (cl_demo_generate (store, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_object (&store);
  after = dump (path);
  g_assert_cmpstr (before, ==, after);
  cl_test_remove_tree (dir);
}

/* Cancelled half-way, nothing of the team is left behind. */
static void
cancel_at_half (double   fraction,
                gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autofree char *count = NULL, *indexes = cl_test_index_sql (path), *after = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  g_assert_false (cl_demo_generate (store, &options, cancel_at_half, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&store);
  count = cl_test_sql_text (path, "SELECT (SELECT count(*) FROM reps) + (SELECT count(*) FROM deals)");
  g_assert_cmpstr (count, ==, "0\n");
  after = cl_test_index_sql (path);
  g_assert_cmpstr (after, ==, indexes);
  cl_test_remove_tree (dir);
}

/* The demo writes its deals before the indexes over them, and builds
 * them again: its workspace has every index a new one has. */
static void
test_indexes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *team = make_demo (dir, "team.db", 7);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (empty, &error);
  g_autofree char *indexes = NULL, *demo_indexes = NULL, *integrity = NULL, *by_owner = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  indexes = cl_test_index_sql (empty);
  g_assert_nonnull (strstr (indexes, "contacts_by_deal"));
  demo_indexes = cl_test_index_sql (team);
  g_assert_cmpstr (demo_indexes, ==, indexes);
  integrity = cl_test_sql_text (team, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  by_owner = cl_test_sql_text (team, "SELECT count(*) = (SELECT count(*) FROM deals) "
                                     "FROM deals INDEXED BY deals_by_owner WHERE owner_id > 0");
  g_assert_cmpstr (by_owner, ==, "1\n");
  cl_test_remove_tree (dir);
}

/* A sample team is written with a small page cache: every page it writes
 * is written once, and the window's 64 MiB held them all (125 MB resident
 * for 100 000 deals, over a command's 100 MB). The connection's own cache
 * is back afterwards. */
static void
test_bulk_cache (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  ClTestCacheSeen seen = { store, 0 };
  ClDemoOptions options;
  int before;

  g_assert_no_error (error);
  before = cl_test_cache_kib (store);
  cl_demo_options_init (&options);
  options.n_deals = 40;
  options.n_reps = 4;
  options.n_weeks = 4;
  g_assert_true (cl_demo_generate (store, &options, cl_test_note_cache, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen.largest_kib, ==, CL_STORE_BULK_WRITE_CACHE_KIB);
  g_assert_cmpint (cl_test_cache_kib (store), ==, before);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

/* The demo's loop health for this quarter: the figures are the store's. */
static void
test_loop_health (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (ClStore) empty = cl_store_open (empty_path, NULL);
  g_autoptr (GError) error = NULL;
  ClDay today = cl_date_from_ymd (2026, 11, 23);
  ClDay first = cl_date_from_ymd (2026, 10, 1), last = cl_date_from_ymd (2026, 12, 31);
  ClDay q3_first, q3_last;
  ClLoopHealth health[CL_N_LOOPS];
  GListModel *series[CL_N_LOOPS];
  g_autofree char *reviews = cl_test_sql_text (path,
                                               "SELECT count(DISTINCT week) FROM reviews "
                                               "WHERE week BETWEEN '2026-W40' AND '2026-W47'");
  g_autofree char *reps = cl_test_sql_text (path, "SELECT count(*) FROM reps WHERE NOT is_manager");
  g_autofree char *plans = cl_test_sql_text (path,
                                             "SELECT count(*) FROM dev_plans p JOIN reps r ON r.id = p.rep_id "
                                             "WHERE NOT r.is_manager AND p.month BETWEEN '2026-10' AND '2026-11'");

  g_assert_true (cl_loop_health_compute (store, first, last, today, health, &error));
  g_assert_no_error (error);
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].ran, ==, atoi (reviews));
  g_assert_cmpint (health[CL_LOOP_PIPELINE_REVIEW].expected, ==, 8);
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].expected, ==, 2 * atoi (reps));
  g_assert_cmpint (health[CL_LOOP_REP_DEVELOPMENT].ran, ==, atoi (plans));
  /* Q4's retrospective is due two weeks after the quarter */
  g_assert_cmpint (health[CL_LOOP_STRATEGY].why, ==, CL_HEALTH_WHY_NOT_DUE);
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      g_autofree char *text = cl_loop_health_describe (&health[i]);

      g_test_message ("%s: %s — %s", cl_loop_title (i), cl_health_state_label (health[i].state), text);
      g_assert_cmpint (health[i].state == CL_HEALTH_NO_DATA, ==, i == CL_LOOP_STRATEGY);
    }
  cl_loop_health_clear (health);

  /* the retrospective of Q3, held in October, counts for Q3 */
  g_assert_true (cl_date_parse_quarter ("2026-Q3", &q3_first, &q3_last));
  g_assert_true (cl_loop_health_compute (store, q3_first, q3_last, today, health, &error));
  g_assert_cmpint (health[CL_LOOP_STRATEGY].ran, ==, 1);
  cl_loop_health_clear (health);

  g_assert_true (cl_loop_health_trend (store, today, 4, series, &error));
  for (int i = 0; i < CL_N_LOOPS; i++)
    {
      g_autoptr (ClTrendPoint) newest = g_list_model_get_item (series[i], 3);

      g_assert_cmpuint (g_list_model_get_n_items (series[i]), ==, 4);
      g_assert_cmpstr (newest->month, ==, "2026-Q4");
      g_object_unref (series[i]);
    }

  g_assert_true (cl_loop_health_compute (empty, first, last, today, health, &error));
  for (int i = 0; i < CL_N_LOOPS; i++)
    g_assert_cmpint (health[i].state, ==, CL_HEALTH_NO_DATA);
  g_assert_false (cl_loop_health_is_hollow (health));
  cl_loop_health_clear (health);
  cl_test_remove_tree (dir);
}

/* The bulk loader agrees with direct SQL, today and on a past day. */
static void
test_deal_facts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) today = cl_deal_facts_load (store, cl_date_from_ymd (2026, 11, 23), 0, &error);
  g_autoptr (GPtrArray) october = cl_deal_facts_load (store, cl_date_from_ymd (2026, 10, 1), 0, &error);
  g_autoptr (ClProcess) process = cl_process_load (store, cl_date_from_ymd (2026, 11, 23), &error);
  g_autofree char *open_now = cl_test_sql_text (path, "SELECT count(*) FROM deals WHERE status = 'open'");
  g_autofree char *open_october = cl_test_sql_text (path,
                                                    "SELECT count(*) FROM deals d WHERE created_on <= '2026-10-01' "
                                                    "AND NOT EXISTS (SELECT 1 FROM deal_events e WHERE "
                                                    "e.deal_id = d.id AND e.field = 'status' "
                                                    "AND e.occurred_on <= '2026-10-01')");
  ClFlagSettings settings;
  guint counts[CL_N_FLAGS] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (today->len, ==, atoi (open_now));
  g_assert_cmpint (october->len, ==, atoi (open_october));

  for (guint i = 0; i < today->len; i++)
    {
      ClDealFacts *facts = g_ptr_array_index (today, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contacts WHERE deal_id = %"
                                              G_GINT64_FORMAT, facts->deal->id);
      g_autofree char *contacts = cl_test_sql_text (path, sql);
      ClDealState state;
      guint flags;

      g_assert_cmpint (facts->n_contacts, ==, atoi (contacts));
      cl_deal_state_at (facts, cl_date_from_ymd (2026, 11, 23), &state);
      g_assert_cmpint (state.stage_id, ==, facts->deal->stage_id);
      g_assert_cmpuint (state.stage_entered_on, ==, facts->deal->stage_entered_on);
      cl_flag_settings_init (&settings);
      flags = cl_flags_evaluate (process, facts, &settings, cl_date_from_ymd (2026, 11, 23), NULL);
      for (int f = 0; f < CL_N_FLAGS; f++)
        counts[f] += !!(flags & (1u << f));
    }
  /* the sample team shows every kind of trouble */
  for (int f = 0; f < CL_N_FLAGS; f++)
    {
      g_test_message ("%s: %u", cl_flag_to_string (f), counts[f]);
      g_assert_cmpuint (counts[f], >, 0);
    }
  cl_test_remove_tree (dir);
}

static void
assert_same_facts (const ClDealFacts *a,
                   const ClDealFacts *b)
{
  g_assert_cmpint (a->deal->id, ==, b->deal->id);
  g_assert_cmpmem (a->events, a->n_events * sizeof (ClFactEvent), b->events, b->n_events * sizeof (ClFactEvent));
  g_assert_cmpmem (a->texts, a->texts_len, b->texts, b->texts_len);
  g_assert_cmpint (a->n_contacts, ==, b->n_contacts);
  g_assert_cmpuint (a->known_meddic, ==, b->known_meddic);
  g_assert_cmpuint (a->last_review_on, ==, b->last_review_on);
  g_assert_cmpuint (a->previous_review_on, ==, b->previous_review_on);
  g_assert_cmpstr (a->last_review_week, ==, b->last_review_week);
}

/* The open deals' facts read on two connections, the history apart from
 * the deals, are those read on one; a deal listed after its history was
 * read has none. */
static void
test_deal_facts_apart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (ClStore) other = cl_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  ClDay as_of = cl_date_from_ymd (2026, 11, 23);
  g_autoptr (GPtrArray) together = cl_deal_facts_load (store, as_of, 0, &error);
  g_autoptr (GHashTable) history = cl_deal_facts_read_history (other, as_of, 0, &error);
  g_autoptr (GPtrArray) deals = cl_store_list_deals_open_on (store, as_of, 0, &error);
  g_autoptr (GPtrArray) apart = NULL;
  ClDeal *last;
  ClDealFacts *unread;
  int n_reps = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (together->len, >, 100);
  last = g_ptr_array_index (deals, deals->len - 1);
  g_assert_true (g_hash_table_remove (history, &last->id));
  apart = cl_deal_facts_join (store, as_of, deals, history, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apart->len, ==, together->len);
  g_assert_cmpuint (g_hash_table_size (history), ==, 0);
  for (guint i = 0; i + 1 < apart->len; i++)
    assert_same_facts (g_ptr_array_index (apart, i), g_ptr_array_index (together, i));
  unread = g_ptr_array_index (apart, apart->len - 1);
  g_assert_cmpint (unread->deal->id, ==, last->id);
  g_assert_cmpuint (unread->n_events, ==, 0);

  /* read on two threads, with what the caller reads meanwhile */
  g_clear_pointer (&apart, g_ptr_array_unref);
  apart = cl_deal_facts_load_apart (store, as_of, 0, cl_test_count_reps, &n_reps, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_reps, >, 0);
  g_assert_cmpuint (apart->len, ==, together->len);
  for (guint i = 0; i < apart->len; i++)
    assert_same_facts (g_ptr_array_index (apart, i), g_ptr_array_index (together, i));
  /* what fails meanwhile fails the load */
  g_assert_null (cl_deal_facts_load_apart (store, as_of, 0, cl_test_refuse_read, NULL, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  cl_test_remove_tree (dir);
}

/* Thousands of deals are inspected on two threads: each item is the one
 * one thread alone makes of its facts, in the facts' order. */
static void
test_inspect_apart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  ClDay as_of = cl_date_from_ymd (2026, 11, 23);
  g_autoptr (ClProcess) process = cl_process_load (store, as_of, &error);
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_deal_facts_free);
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GListModel) items = NULL;
  ClFlagSettings settings;

  cl_flag_settings_init (&settings);
  /* the same deals again and again, past the count inspected apart */
  while (facts->len < 2500)
    {
      g_autoptr (GPtrArray) more = cl_deal_facts_load (store, as_of, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < more->len; i++)
        g_ptr_array_add (facts, g_steal_pointer (&more->pdata[i]));
    }
  for (guint i = 0; i < facts->len; i++)
    {
      ClDealFacts *one = g_ptr_array_index (facts, i);
      guint flags = cl_flags_evaluate (process, one, &settings, as_of, NULL);

      g_array_append_val (expected, flags);
      g_array_append_val (ids, one->deal->id);
    }
  items = cl_pipeline_inspect_facts (facts, process, &settings, as_of);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, facts->len);
  for (guint i = 0; i < facts->len; i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (items, i);
      g_autofree char *both = g_strconcat (item->facts->deal->name, "\n", item->facts->deal->account, NULL);
      g_autofree char *folded = cl_text_fold_unless_lowered (both);

      g_assert_null (g_ptr_array_index (facts, i));
      g_assert_cmpint (item->facts->deal->id, ==, g_array_index (ids, gint64, i));
      g_assert_cmpuint (item->flags, ==, g_array_index (expected, guint, i));
      g_assert_cmpstr (item->search_text, ==, folded);
      g_assert_true (item->currency == item->facts->deal->currency);
      g_assert_cmpuint (item->n_deals, ==, facts->len);
    }
  cl_test_remove_tree (dir);
}

/* One rep's snapshot is the team's, narrowed to that rep: the same deals,
 * the same flags. */
static void
test_owner_snapshot (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  ClDay today = cl_date_from_ymd (2026, 11, 23);
  g_autoptr (GListModel) team = cl_pipeline_snapshot (path, today, 0, NULL, NULL);
  g_autoptr (ClPipelineItem) first = g_list_model_get_item (team, 0);
  gint64 owner = first->facts->deal->owner_id;
  g_autoptr (GListModel) mine = cl_pipeline_snapshot (path, today, owner, NULL, NULL);
  guint j = 0;

  g_assert_cmpuint (g_list_model_get_n_items (mine), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (team); i++)
    {
      g_autoptr (ClPipelineItem) a = g_list_model_get_item (team, i);
      g_autoptr (ClPipelineItem) b = NULL;

      if (a->facts->deal->owner_id != owner)
        continue;
      b = g_list_model_get_item (mine, j++);
      g_assert_nonnull (b);
      g_assert_cmpint (a->facts->deal->id, ==, b->facts->deal->id);
      g_assert_cmpuint (a->flags, ==, b->flags);
      g_assert_cmpint (a->days_in_stage, ==, b->days_in_stage);
    }
  g_assert_cmpuint (j, ==, g_list_model_get_n_items (mine));
  cl_test_remove_tree (dir);
}

/* The 1:1 brief of every rep of the demo holds what the store holds for
 * them, and its draft agenda says it. */
static void
test_one_on_one (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autofree char *ids = cl_test_sql_text (path, "SELECT group_concat(id, ' ') FROM reps WHERE is_manager = 0");
  g_auto (GStrv) rep_ids = g_strsplit (g_strstrip (ids), " ", -1);
  ClDay today = cl_date_from_ymd (2026, 11, 23);
  guint with_plan = 0, without_plan = 0, with_more = 0;

  for (guint i = 0; rep_ids[i] != NULL; i++)
    {
      gint64 rep_id = g_ascii_strtoll (rep_ids[i], NULL, 10);
      g_autoptr (GError) error = NULL;
      g_autoptr (ClOneOnOne) brief = cl_one_on_one_load (path, rep_id, today, &error);
      g_autofree char *sql = NULL, *open_deals = NULL, *open_actions = NULL, *agenda = NULL;
      g_autofree char *pipeline_line = NULL;

      g_assert_no_error (error);
      sql = g_strdup_printf ("SELECT count(*) FROM deals WHERE status = 'open' AND owner_id = %s", rep_ids[i]);
      open_deals = cl_test_sql_text (path, sql);
      g_free (sql);
      sql = g_strdup_printf ("SELECT count(*) FROM actions WHERE done_on IS NULL AND owner_id = %s", rep_ids[i]);
      open_actions = cl_test_sql_text (path, sql);
      g_assert_cmpuint (g_list_model_get_n_items (brief->deals), ==, g_ascii_strtoull (open_deals, NULL, 10));
      g_assert_cmpuint (g_list_model_get_n_items (brief->actions), ==, g_ascii_strtoull (open_actions, NULL, 10));
      g_assert_cmpuint (g_list_model_get_n_items (brief->score_trend), ==, CL_ONE_ON_ONE_MONTHS);

      agenda = cl_one_on_one_draft_agenda (brief);
      pipeline_line = g_strdup_printf ("Pipeline: %u open deal", g_list_model_get_n_items (brief->deals));
      g_assert_true (g_str_has_prefix (agenda, "1:1 with "));
      g_assert_nonnull (strstr (agenda, brief->rep->name));
      g_assert_nonnull (strstr (agenda, pipeline_line));
      /* the flagged deals past the eight it lists, counted in words that
       * agree with their number */
      {
        guint n_flagged = 0;
        g_autofree char *more = NULL;

        for (guint d = 0; d < g_list_model_get_n_items (brief->deals); d++)
          {
            g_autoptr (ClPipelineItem) item = g_list_model_get_item (brief->deals, d);

            n_flagged += item->flags != 0;
          }
        more = n_flagged == 9 ? g_strdup ("- and 1 more flagged deal\n")
               : g_strdup_printf ("- and %u more flagged deals\n", n_flagged - 8);
        g_assert_true ((strstr (agenda, more) != NULL) == (n_flagged > 8));
        with_more += n_flagged > 8;
      }
      if (brief->plan != NULL)
        {
          g_assert_nonnull (strstr (agenda, brief->focus_label));
          with_plan++;
        }
      else
        {
          g_assert_nonnull (strstr (agenda, "No plan for 2026-11"));
          without_plan++;
        }
    }
  g_test_message ("%u reps with a plan this month, %u without; %u with more flagged deals than the agenda lists",
                  with_plan, without_plan, with_more);
  g_assert_cmpuint (with_more, >, 0);
  g_assert_cmpuint (with_plan + without_plan, >, 0);
  cl_test_remove_tree (dir);
}

/* A saved plan redrafts the agenda's plan section in place, every line of
 * the manager's elsewhere kept; an agenda without the section gets it at
 * the end. The printed file's name says whose and when, safe as a name. */
static void
test_one_on_one_plan_section (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autofree char *id = cl_test_sql_text (path, "SELECT rep_id FROM dev_plans WHERE month = '2026-11' LIMIT 1");
  g_autoptr (GError) error = NULL;
  g_autoptr (ClOneOnOne) brief = cl_one_on_one_load (path, g_ascii_strtoll (id, NULL, 10),
                                                     cl_date_from_ymd (2026, 11, 23), &error);
  g_autofree char *draft = NULL, *section = NULL, *expected = NULL, *redrafted = NULL, *name = NULL;
  const char *start, *end;

  g_assert_no_error (error);
  g_assert_nonnull (brief->plan);
  draft = cl_one_on_one_draft_agenda (brief);
  start = strstr (draft, "\nDevelopment, 2026-11\n") + 1;
  end = strstr (start, "\n\n");
  section = g_strndup (start, end - start);
  g_assert_nonnull (strstr (section, "- Focus: "));

  /* the old section, with a line of the manager's in it, goes; the rest stays */
  redrafted = cl_one_on_one_redraft_plan_section ("Notes first\n\n  Development, 2026-11 \n- No plan yet\n"
                                                  "- my own line\n\nOther\n- kept\n", brief);
  expected = g_strdup_printf ("Notes first\n\n%s\n\nOther\n- kept\n", section);
  g_assert_cmpstr (redrafted, ==, expected);
  g_free (redrafted);
  g_free (expected);
  /* the last section, without a blank line after it */
  redrafted = cl_one_on_one_redraft_plan_section ("Notes\n\nDevelopment, 2026-11\n- old", brief);
  expected = g_strdup_printf ("Notes\n\n%s", section);
  g_assert_cmpstr (redrafted, ==, expected);
  g_free (redrafted);
  g_free (expected);
  /* taken out by the manager: back at the end */
  redrafted = cl_one_on_one_redraft_plan_section ("Just my notes", brief);
  expected = g_strdup_printf ("Just my notes\n\n%s\n", section);
  g_assert_cmpstr (redrafted, ==, expected);

  g_free (brief->rep->name);
  brief->rep->name = g_strdup ("Ana/Okafor: \"A\"");
  name = cl_one_on_one_file_name (brief);
  g_assert_cmpstr (name, ==, "1-1 Ana-Okafor- -A- 2026-11-23");
  cl_test_remove_tree (dir);
}

/* A week's pre-read lists the open deals that carry a flag, with their
 * reasons: a review that walks every open deal recites status. Its totals
 * still count every open deal. */
static void
test_pre_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClReview) held = cl_store_find_review (store, "2026-W48", &error);
  g_autoptr (GListModel) snapshot = cl_pipeline_snapshot (path, cl_date_from_ymd (2026, 11, 23), 0, NULL, NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *document;
  JsonArray *deals, *stages;
  guint n_flagged = 0, n_open = 0;

  g_assert_no_error (error);
  g_assert_null (held);
  root = cl_review_export_build (store, "2026-W48", &error);
  g_assert_no_error (error);
  document = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (document, "held"));
  for (guint i = 0; i < g_list_model_get_n_items (snapshot); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);

      n_flagged += item->flags != 0;
    }
  deals = json_object_get_array_member (document, "deals");
  g_assert_cmpuint (json_array_get_length (deals), ==, n_flagged);
  for (guint i = 0; i < json_array_get_length (deals); i++)
    {
      JsonObject *deal = json_array_get_object_element (deals, i);

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (deal, "flags")), >, 0);
      g_assert_cmpuint (json_object_get_size (json_object_get_object_member (deal, "flag_reasons")), >, 0);
    }
  stages = json_object_get_array_member (json_object_get_object_member (document, "totals"),
                                         "open_pipeline_by_stage");
  for (guint s = 0; s < json_array_get_length (stages); s++)
    n_open += json_object_get_int_member (json_array_get_object_element (stages, s), "deals");
  g_assert_cmpuint (n_open, ==, g_list_model_get_n_items (snapshot));
  g_assert_cmpuint (n_flagged, <, n_open / 2);
  g_assert_cmpuint (n_flagged, >, 0);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

/* The review walks the riskiest deals first: the most severe flags for
 * their size; the deals without flags come last, the largest first. */
static void
test_agenda (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (GListModel) snapshot = cl_pipeline_snapshot (path, cl_date_from_ymd (2026, 11, 23), 0,
                                                          NULL, NULL);
  g_autoptr (GPtrArray) agenda = cl_pipeline_agenda (snapshot);
  ClPipelineItem *first = g_ptr_array_index (agenda, 0);

  g_assert_cmpuint (agenda->len, ==, g_list_model_get_n_items (snapshot));
  /* what the review opens on is at risk, every deal of it */
  for (guint i = 0; i < CL_AGENDA_SIZE_DEFAULT; i++)
    g_assert_cmpint (cl_risk_level (((ClPipelineItem *) g_ptr_array_index (agenda, i))->flags), >, CL_RISK_NONE);
  g_assert_cmpint (cl_risk_level (first->flags), >=, CL_RISK_MEDIUM);
  for (guint i = 1; i < agenda->len; i++)
    {
      ClPipelineItem *a = g_ptr_array_index (agenda, i - 1);
      ClPipelineItem *b = g_ptr_array_index (agenda, i);

      g_assert_cmpfloat (a->risk, ==, cl_risk_score (a->flags, a->state.amount_cents));
      g_assert_cmpfloat (a->risk, >=, b->risk);
      if (a->flags == 0 && b->flags == 0)
        g_assert_cmpint (a->state.amount_cents, >=, b->state.amount_cents);
    }
  cl_test_remove_tree (dir);
}

/* What a sample team's open pipeline looks like to the rules. */
typedef struct
{
  guint  n_open;
  double per_rep;
  double flagged;         /* shares of the open deals, in % */
  double flagged_thrice;
  double key;
  double per_flag[CL_N_FLAGS];
} Rates;

static void
measure (const ClDemoOptions *options,
         Rates               *rates)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GListModel) snapshot = NULL;
  ClCoachingSettings coaching;
  guint flagged = 0, thrice = 0, key = 0, per_flag[CL_N_FLAGS] = { 0 };

  cl_test_write_team (path, options);
  store = cl_store_open (path, NULL);
  snapshot = cl_pipeline_snapshot (path, options->today, 0, NULL, NULL);
  cl_coaching_settings_load (&coaching, store);
  g_assert_true (coaching.key_deal_automatic);
  rates->n_open = g_list_model_get_n_items (snapshot);
  g_assert_cmpuint (rates->n_open, >, 0);
  for (guint i = 0; i < rates->n_open; i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (snapshot, i);
      int n = __builtin_popcount (item->flags);

      flagged += n >= 1;
      thrice += n >= 3;
      key += item->state.amount_cents >= coaching.key_deal_amount * 100;
      for (int f = 0; f < CL_N_FLAGS; f++)
        per_flag[f] += (item->flags & (1u << f)) != 0;
    }
  rates->per_rep = (double) rates->n_open / options->n_reps;
  rates->flagged = 100.0 * flagged / rates->n_open;
  rates->flagged_thrice = 100.0 * thrice / rates->n_open;
  rates->key = 100.0 * key / rates->n_open;
  for (int f = 0; f < CL_N_FLAGS; f++)
    rates->per_flag[f] = 100.0 * per_flag[f] / rates->n_open;
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

/* A flag that fires on nearly every deal means nothing: the sample team's
 * open deals carry a flag about one time in four, three or more about one
 * time in fourteen; a tenth are key deals; a rep has a few dozen open. */
static void
test_rates (void)
{
  const struct { guint deals, reps, weeks; guint32 seed; } teams[] = {
    { CL_DEMO_DEFAULT_DEALS, CL_DEMO_DEFAULT_REPS, CL_DEMO_DEFAULT_WEEKS, CL_DEMO_DEFAULT_SEED },
    { CL_DEMO_DEFAULT_DEALS, CL_DEMO_DEFAULT_REPS, CL_DEMO_DEFAULT_WEEKS, 11 },
    { 1600, 16, 16, 5 },
    { 1000, 10, 20, 13 },
  };

  for (guint t = 0; t < G_N_ELEMENTS (teams); t++)
    {
      g_autoptr (GString) each = g_string_new (NULL);
      ClDemoOptions options;
      Rates rates;

      cl_demo_options_init (&options);
      options.n_deals = teams[t].deals;
      options.n_reps = teams[t].reps;
      options.n_weeks = teams[t].weeks;
      options.seed = teams[t].seed;
      options.today = cl_date_from_ymd (2026, 11, 23);
      measure (&options, &rates);
      for (int f = 0; f < CL_N_FLAGS; f++)
        g_string_append_printf (each, " %s %.1f %%", cl_flag_to_string (f), rates.per_flag[f]);
      g_test_message ("%u deals, %u reps, %u weeks, seed %u: %u open, %.1f a rep; "
                      "%.1f %% with a flag, %.1f %% with three or more, %.1f %% key deals",
                      options.n_deals, options.n_reps, options.n_weeks, options.seed, rates.n_open,
                      rates.per_rep, rates.flagged, rates.flagged_thrice, rates.key);
      g_test_message ("  per flag:%s", each->str);
      g_assert_cmpfloat (rates.flagged, >=, 20);
      g_assert_cmpfloat (rates.flagged, <=, 35);
      g_assert_cmpfloat (rates.flagged_thrice, >=, 5);
      g_assert_cmpfloat (rates.flagged_thrice, <=, 10);
      g_assert_cmpfloat (rates.key, >=, 8);
      g_assert_cmpfloat (rates.key, <=, 12);
      g_assert_cmpfloat (rates.per_rep, >=, 30);
      g_assert_cmpfloat (rates.per_rep, <=, 80);
      for (int f = 0; f < CL_N_FLAGS; f++)
        g_assert_cmpfloat (rates.per_flag[f], <, 20);
    }
}

/* Names read as a team's: all different, no surname twice, two parts
 * each; the manager is the one manager, carries no deals and is not
 * listed among the reps. */
static void
test_people (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autofree char *names = cl_test_sql_text (path, "SELECT name FROM reps ORDER BY id");
  g_auto (GStrv) lines = g_strsplit (g_strstrip (names), "\n", -1);
  g_autoptr (GHashTable) surnames = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *managers = cl_test_sql_text (path, "SELECT count(*), min(id) FROM reps WHERE is_manager");
  g_autofree char *manager_deals = cl_test_sql_text (path, "SELECT count(*) FROM deals d JOIN reps r "
                                                           "ON r.id = d.owner_id WHERE r.is_manager");
  ClStore *store;
  GListModel *loads;

  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *space = strrchr (lines[i], ' ');

      g_test_message ("%s", lines[i]);
      g_assert_nonnull (space);
      g_assert_true (g_hash_table_add (surnames, (gpointer) (space + 1)));
    }
  g_assert_cmpstr (managers, ==, "1|1\n");
  g_assert_cmpstr (manager_deals, ==, "0\n");
  /* the team's loads are the five reps' */
  store = cl_store_open (path, NULL);
  loads = cl_store_list_rep_loads (store, cl_date_from_ymd (2026, 11, 23), 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (loads), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (ClRepLoad) load = g_list_model_get_item (loads, i);

      g_assert_false (load->is_manager);
      g_assert_cmpint (load->n_open_deals, >, 20);
    }
  g_clear_object (&loads);
  g_clear_object (&store);
  cl_test_remove_tree (dir);
}

/* Calls read as conversations: each question of the rep's is answered by
 * the buyer, and most end on a next step with a day. Coaching ends in
 * different moves; actions are done on time, late, or still overdue. */
static void
test_conversations (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (GListModel) calls = cl_store_list_calls (store, 0, NULL);
  g_autofree char *moves = cl_test_sql_text (path, "SELECT count(DISTINCT next_move) FROM coaching_sessions");
  g_autofree char *on_time = cl_test_sql_text (path, "SELECT count(*) > 0 FROM actions WHERE done_on <= due_on");
  g_autofree char *late = cl_test_sql_text (path, "SELECT count(*) > 0 FROM actions WHERE done_on > due_on");
  g_autofree char *overdue = cl_test_sql_text (path, "SELECT count(*) > 0 FROM actions WHERE done_on IS NULL "
                                                     "AND due_on < '2026-11-23'");
  guint dated = 0;

  g_assert_cmpuint (g_list_model_get_n_items (calls), >, 10);
  for (guint c = 0; c < g_list_model_get_n_items (calls); c++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (calls, c);
      g_autoptr (ClTranscript) transcript = cl_transcript_parse (call->transcript, strlen (call->transcript),
                                                                 "call.vtt", CL_TRANSCRIPT_VTT, NULL);
      ClCue *last;

      g_assert_nonnull (transcript);
      for (guint i = 0; i + 1 < transcript->cues->len; i++)
        {
          ClCue *cue = g_ptr_array_index (transcript->cues, i);
          ClCue *next = g_ptr_array_index (transcript->cues, i + 1);

          if (g_str_has_suffix (cue->text, "?"))
            g_assert_cmpstr (cue->speaker, !=, next->speaker);
        }
      last = g_ptr_array_index (transcript->cues, transcript->cues->len - 1);
      g_assert_cmpstr (last->speaker, ==, "Buyer");
      dated += strstr (last->text, "day ") != NULL;
    }
  g_test_message ("%u of %u calls end on a dated next step; %d different next moves", dated,
                  g_list_model_get_n_items (calls), atoi (moves));
  g_assert_cmpuint (dated, >, 0);
  g_assert_cmpuint (dated, <, g_list_model_get_n_items (calls));
  g_assert_cmpint (atoi (moves), >=, 5);
  g_assert_cmpstr (on_time, ==, "1\n");
  g_assert_cmpstr (late, ==, "1\n");
  g_assert_cmpstr (overdue, ==, "1\n");
  cl_test_remove_tree (dir);
}

/* The default team, held to last week: of its open actions some are late
 * and some, last week's review's, still running. */
static void
test_actions_running (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.db", NULL);
  g_autofree char *open = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  options.today = cl_date_from_ymd (2026, 11, 23);
  cl_test_write_team (path, &options);
  open = cl_test_sql_text (path, "SELECT sum(due_on < '2026-11-23') > 0, sum(due_on >= '2026-11-23') > 0 "
                                 "FROM actions WHERE done_on IS NULL");
  g_assert_cmpstr (open, ==, "1|1\n");
  cl_test_remove_tree (dir);
}

/* The coaching queue: every deal in it has a reason, key deals come
 * first, and "never coached" agrees with the sessions stored. */
static void
test_coaching_queue (void)
{
  g_autofree char *dir = g_dir_make_tmp ("closeloop-demo-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir, "team.db", 42);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autoptr (ClProcess) process = cl_process_load (store, cl_date_from_ymd (2026, 11, 23), &error);
  g_autoptr (GListModel) snapshot = cl_pipeline_snapshot (path, cl_date_from_ymd (2026, 11, 23), 0, NULL, NULL);
  g_autoptr (GListModel) queue = NULL;
  ClCoachingSettings settings;
  guint n_key = 0, n_never = 0;
  gboolean past_key = FALSE;

  cl_coaching_settings_load (&settings, store);
  queue = cl_coaching_queue (store, snapshot, process, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (queue), <, g_list_model_get_n_items (snapshot));
  for (guint i = 0; i < g_list_model_get_n_items (queue); i++)
    {
      g_autoptr (ClCoachingEntry) entry = g_list_model_get_item (queue, i);
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(held_on), '') FROM coaching_sessions "
                                              "WHERE deal_id = %" G_GINT64_FORMAT,
                                              entry->item->facts->deal->id);
      g_autofree char *last = cl_test_sql_text (path, sql);
      gboolean key = entry->reasons & CL_COACH_KEY_DEAL;

      g_assert_cmpuint (entry->reasons, ==, cl_coaching_reasons (entry->item, process, &settings));
      g_assert_false (key && past_key);
      past_key |= !key;
      n_key += key;
      n_never += entry->last_coached == 0;
      g_assert_cmpint (entry->last_coached == 0, ==, g_str_equal (g_strstrip (last), ""));
    }
  g_assert_cmpuint (n_key, >, 0);
  g_assert_cmpuint (n_never, >, 0);
  cl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/every-loop-has-history", test_every_loop_has_history);
  g_test_add_func ("/demo/refuses-a-team", test_refuses_a_team);
  g_test_add_func ("/demo/cancel-leaves-nothing", test_cancel_leaves_nothing);
  g_test_add_func ("/demo/indexes", test_indexes);
  g_test_add_func ("/demo/bulk-cache", test_bulk_cache);
  g_test_add_func ("/rules/loop-health", test_loop_health);
  g_test_add_func ("/rules/deal-facts", test_deal_facts);
  g_test_add_func ("/rules/deal-facts-apart", test_deal_facts_apart);
  g_test_add_func ("/rules/inspect-apart", test_inspect_apart);
  g_test_add_func ("/demo/rates", test_rates);
  g_test_add_func ("/demo/people", test_people);
  g_test_add_func ("/demo/conversations", test_conversations);
  g_test_add_func ("/demo/actions-running", test_actions_running);
  g_test_add_func ("/rules/agenda", test_agenda);
  g_test_add_func ("/rules/pre-read", test_pre_read);
  g_test_add_func ("/rules/coaching-queue", test_coaching_queue);
  g_test_add_func ("/rules/owner-snapshot", test_owner_snapshot);
  g_test_add_func ("/rules/one-on-one", test_one_on_one);
  g_test_add_func ("/rules/one-on-one-plan-section", test_one_on_one_plan_section);
  return g_test_run ();
}
