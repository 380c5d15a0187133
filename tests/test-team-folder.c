/* test-team-folder.c — two workspaces sharing one team folder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cl-coaching-export.h"
#include "cl-development-export.h"
#include "cl-export.h"
#include "cl-file.h"
#include "cl-health-export.h"
#include "cl-identity.h"
#include "cl-retro-export.h"
#include "cl-review-export.h"
#include "cl-summary.h"
#include "cl-team-folder.h"
#include "test-util.h"

static char *tmp_dir;

/* A sample team of its own, with the shared folder chosen. */
static ClStore *
team_workspace (const char *name,
                guint       seed,
                const char *folder)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  ClDemoOptions options;
  ClStore *store;

  cl_demo_options_init (&options);
  options.n_deals = 150;
  options.seed = seed;
  options.today = cl_date_from_ymd (2026, 11, 23);
  cl_test_write_team (path, &options);
  store = cl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cl_team_folder_set (store, folder, &error));
  g_assert_no_error (error);
  return store;
}

static char *
library_text (ClStore *store)
{
  return g_strchomp (cl_test_sql_text (cl_store_get_path (store),
                                       "SELECT group_concat(format || ' ' || subject || ' ' || exported_by, ' | ') "
                                       "FROM (SELECT * FROM library ORDER BY format, subject)"));
}

/* @author publishes @document into @store's team folder; returns the file. */
static char *
publish_as (ClStore    *store,
            const char *author,
            JsonNode *(*build) (ClStore *store, GError **error))
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *text = NULL;
  char *published = NULL;

  g_setenv ("CLOSELOOP_AUTHOR", author, TRUE);
  document = build (store, &error);
  g_assert_no_error (error);
  text = cl_export_to_text (document);
  g_assert_true (cl_team_folder_publish_to_store_folder (store, text, &published, &error));
  g_assert_no_error (error);
  return published;
}

static JsonNode *
build_review (ClStore  *store,
              GError  **error)
{
  return cl_review_export_build (store, "2026-W47", error);
}

static JsonNode *
build_health (ClStore  *store,
              GError  **error)
{
  return cl_health_export_build (store, "2026-Q4", cl_date_from_ymd (2026, 11, 23), error);
}

static JsonNode *
build_retro (ClStore  *store,
             GError  **error)
{
  g_autoptr (ClRetroInputs) inputs = cl_retro_inputs_load (cl_store_get_path (store), "2026-Q3",
                                                           cl_date_from_ymd (2026, 11, 23), error);

  return inputs ? cl_retro_export_build (store, inputs, error) : NULL;
}

static JsonNode *
build_coaching (ClStore  *store,
                GError  **error)
{
  g_autofree char *deal = cl_test_sql_text (cl_store_get_path (store),
                                            "SELECT deal_id FROM coaching_sessions ORDER BY id LIMIT 1");

  return cl_coaching_export_build (store, g_ascii_strtoll (deal, NULL, 10), FALSE, error);
}

static JsonNode *
build_rep_plan (ClStore  *store,
                GError  **error)
{
  g_autofree char *rep = cl_test_sql_text (cl_store_get_path (store),
                                           "SELECT r.name FROM dev_plans p JOIN reps r ON r.id = p.rep_id "
                                           "WHERE p.month = '2026-11' ORDER BY p.id LIMIT 1");

  return cl_development_export_build (store, g_strchomp (rep), "2026-11", error);
}

static ClTeamFolderSync *
sync_as (ClStore    *store,
         const char *author,
         GHashTable *seen)
{
  g_autofree char *folder = cl_team_folder_get (store);
  g_autoptr (GError) error = NULL;
  g_autofree char *own = NULL;

  /* one's own subfolder, the one not read: one's name and workspace id */
  g_setenv ("CLOSELOOP_AUTHOR", author, TRUE);
  own = cl_team_folder_own_person (store, &error);
  ClTeamFolderSync *sync = cl_team_folder_sync (store, folder, own, seen, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sync);
  return sync;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every file in @folder with a digest of its bytes, as one text. */
static char *
folder_fingerprint (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL, *digest = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (text, "%s %s\n", (char *) g_ptr_array_index (names, i), digest);
    }
  return g_string_free (text, FALSE);
}

static void
test_names (void)
{
  static const char * const read[] = {
    "pipeline-review-2026-W47.closeloop.json", "Deal coaching.JSON",
    "quarterly-retro-2026-Q3.json",                                      /* as older versions named them */
  };
  static const char * const ignored[] = {
    "pipeline-review-2026-W47.json.4F2KQZ",                            /* g_file_set_contents' temporary */
    ".pipeline-review-2026-W47.json", ".syncthing.review.json.tmp",      /* hidden, Syncthing */
    "review.json~", "review.json.part", "review.json.partial", "~$review.json", "review.json.tmp",
    "review.sync-conflict-20261123-101010-ABCDEFG.json",                 /* Syncthing */
    "review (conflicted copy 2026-11-23 101010).json",                   /* Nextcloud */
    "review (Ana's conflicted copy 2026-11-23).json",                    /* Dropbox */
    "review_conflict-20261123-101010.json",                              /* ownCloud */
    "notes.txt", "review.csv",
  };
  g_autofree char *plain = cl_team_folder_person ("Ana Okafor");
  g_autofree char *slash = cl_team_folder_person ("Ben/Li");
  g_autofree char *dotted = cl_team_folder_person (" ..hidden");
  g_autofree char *empty = cl_team_folder_person ("");

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    g_assert_false (cl_team_folder_ignores (read[i]));
  for (guint i = 0; i < G_N_ELEMENTS (ignored); i++)
    {
      g_test_message ("%s", ignored[i]);
      g_assert_true (cl_team_folder_ignores (ignored[i]));
    }
  g_assert_cmpstr (plain, ==, "Ana Okafor");
  g_assert_cmpstr (slash, ==, "Ben-Li");
  g_assert_cmpstr (dotted, ==, "hidden");
  g_assert_cmpstr (empty, ==, "unnamed");
}

static void
test_subject_labels (void)
{
  static const char * const cases[][2] = {
    { "2026-W47", "2026-W47" },
    { "deal:Acme: Phase 2", "Acme: Phase 2" },
    /* the name is isolated from the month that follows it */
    { "rep:Ana Okafor:2026-11", "\u2068Ana Okafor\u2069, 2026-11" },
    { "rep:A:B:2026-11", "\u2068A:B\u2069, 2026-11" },
    { "health:2026-Q4", "2026-Q4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = cl_summary_subject_label (cases[i][0]);

      g_assert_cmpstr (label, ==, cases[i][1]);
    }
}

static void
test_setting (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "setting.db", NULL);
  g_autofree char *file = g_build_filename (tmp_dir, "a-file", NULL);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *chosen = NULL, *text = NULL;

  g_assert_nonnull (store);
  g_assert_null (cl_team_folder_get (store));
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (cl_team_folder_set (store, file, &error));
  g_assert_error (error, CL_TEAM_FOLDER_ERROR, CL_TEAM_FOLDER_ERROR_NOT_FOLDER);
  g_clear_error (&error);
  g_assert_false (cl_team_folder_set (store, "relative/folder", &error));
  g_assert_error (error, CL_TEAM_FOLDER_ERROR, CL_TEAM_FOLDER_ERROR_NOT_FOLDER);
  g_clear_error (&error);
  g_assert_null (cl_team_folder_get (store));

  document = cl_health_export_build (store, "2026-Q4", cl_date_from_ymd (2026, 11, 23), &error);
  g_assert_no_error (error);
  text = cl_export_to_text (document);
  g_assert_false (cl_team_folder_publish_to_store_folder (store, text, NULL, &error));
  g_assert_error (error, CL_TEAM_FOLDER_ERROR, CL_TEAM_FOLDER_ERROR_UNSET);
  g_clear_error (&error);

  g_assert_true (cl_team_folder_set (store, tmp_dir, &error));
  chosen = cl_team_folder_get (store);
  g_assert_cmpstr (chosen, ==, tmp_dir);
  g_assert_true (cl_team_folder_set (store, NULL, &error));
  g_assert_null (cl_team_folder_get (store));
}

/* Who owns a workspace: made on first use, the id stable through edits,
 * the name checked; two people of one name get subfolders of their own. */
static void
test_identity (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "identity.db", NULL);
  g_autofree char *other_path = g_build_filename (tmp_dir, "namesake.db", NULL);
  g_autoptr (ClStore) store = cl_store_open (path, NULL);
  g_autoptr (ClStore) namesake = cl_store_open (other_path, NULL);
  g_autoptr (ClIdentity) first = NULL, again = NULL, edited = NULL, other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *subfolder = NULL, *other_subfolder = NULL, *name_part = NULL, *id = NULL, *plain = NULL;
  g_autofree char *no_id = NULL;
  ClRole role;

  g_unsetenv ("CLOSELOOP_AUTHOR");
  g_assert_null (cl_identity_peek (store));
  first = cl_identity_get (store, &error);
  g_assert_no_error (error);
  g_assert_true (cl_identity_id_valid (first->id));
  g_assert_cmpint (first->role, ==, CL_ROLE_MANAGER);
  g_assert_cmpstr (first->name, !=, "");
  again = cl_identity_get (store, &error);
  g_assert_cmpstr (again->id, ==, first->id);

  g_assert_true (cl_identity_set (store, "  Ana Okafor ", CL_ROLE_REP, &error));
  g_assert_no_error (error);
  edited = cl_identity_peek (store);
  g_assert_cmpstr (edited->name, ==, "Ana Okafor");
  g_assert_cmpint (edited->role, ==, CL_ROLE_REP);
  g_assert_cmpstr (edited->id, ==, first->id);
  g_assert_false (cl_identity_set (store, " ", CL_ROLE_REP, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cl_identity_set (store, "Ana\nOkafor", CL_ROLE_REP, &error));
  g_assert_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a role the workspace can't read is made again; the name it can is kept */
  g_assert_true (cl_store_set_setting_text (store, "owner_role", "boss", &error));
  g_clear_pointer (&edited, cl_identity_free);
  edited = cl_identity_get (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->name, ==, "Ana Okafor");
  g_assert_cmpstr (edited->id, ==, first->id);
  g_assert_cmpint (edited->role, ==, CL_ROLE_MANAGER);
  g_assert_true (cl_identity_set (store, NULL, CL_ROLE_REP, &error));
  g_clear_pointer (&edited, cl_identity_free);
  edited = cl_identity_peek (store);
  g_assert_true (cl_role_parse ("rep", &role) && role == CL_ROLE_REP);
  g_assert_false (cl_role_parse ("boss", &role));
  g_assert_false (cl_identity_id_valid ("ABCDEF012345"));
  g_assert_false (cl_identity_id_valid ("abc"));

  /* the subfolder carries the id; a namesake has one of their own */
  subfolder = cl_identity_subfolder (edited);
  g_assert_true (cl_identity_set (namesake, "Ana Okafor", CL_ROLE_REP, &error));
  other = cl_identity_peek (namesake);
  other_subfolder = cl_identity_subfolder (other);
  g_assert_cmpstr (subfolder, !=, other_subfolder);
  name_part = cl_team_folder_split_person (subfolder, &id);
  g_assert_cmpstr (name_part, ==, "Ana Okafor");
  g_assert_cmpstr (id, ==, first->id);
  /* a subfolder named by the name alone, as before ids */
  plain = cl_team_folder_split_person ("Ana Okafor (not an id)", &no_id);
  g_assert_cmpstr (plain, ==, "Ana Okafor (not an id)");
  g_assert_null (no_id);

  /* $CLOSELOOP_AUTHOR still names the owner, for scripts */
  g_setenv ("CLOSELOOP_AUTHOR", "Script", TRUE);
  g_clear_pointer (&subfolder, g_free);
  subfolder = cl_identity_subfolder (edited);
  g_assert_true (g_str_has_prefix (subfolder, "Script ("));
  g_unsetenv ("CLOSELOOP_AUTHOR");
}

/* Ana and Ben each publish into the folder and read the other's; neither
 * writes in the other's subfolder; files being written and conflict copies
 * are left alone. */
static void
test_two_workspaces (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "shared", NULL);
  g_autofree char *ana_folder = NULL, *ana_person = NULL;
  g_autoptr (ClStore) ana = NULL, ben = NULL;
  g_autoptr (ClTeamFolderSync) first = NULL, again = NULL, back = NULL, partial = NULL, completed = NULL;
  g_autoptr (ClTeamFolderSync) newer = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *review = NULL, *health = NULL, *retro = NULL, *coaching = NULL, *plan = NULL;
  g_autofree char *republished = NULL;
  g_autofree char *ana_before = NULL, *ana_after = NULL, *ana_library = NULL, *ben_library = NULL;
  g_autofree char *review_text = NULL, *half = NULL, *half_path = NULL, *conflict = NULL, *temporary = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st;
  gsize length;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  ana = team_workspace ("ana.db", 42, folder);
  ben = team_workspace ("ben.db", 7, folder);
  /* her subfolder carries her workspace's id */
  g_setenv ("CLOSELOOP_AUTHOR", "Ana Okafor", TRUE);
  ana_person = cl_team_folder_own_person (ana, NULL);
  g_assert_true (g_str_has_prefix (ana_person, "Ana Okafor ("));
  ana_folder = g_build_filename (folder, ana_person, NULL);

  review = publish_as (ana, "Ana Okafor", build_review);
  health = publish_as (ana, "Ana Okafor", build_health);
  g_assert_true (g_str_has_prefix (review, ana_folder));
  g_assert_true (g_str_has_suffix (review, "pipeline-review-2026-W47.closeloop.json"));
  g_assert_cmpint (g_stat (review, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* files still being written, and a sync-conflict copy, are not read */
  g_assert_true (g_file_get_contents (review, &review_text, &length, NULL));
  temporary = g_strconcat (review, ".XH3K2B", NULL);
  conflict = g_build_filename (ana_folder, "pipeline-review-2026-W47.sync-conflict-20261123-101010-ABCDEFG.json",
                               NULL);
  g_assert_true (g_file_set_contents (temporary, review_text, length / 2, NULL));
  g_assert_true (g_file_set_contents (conflict, review_text, length, NULL));

  ana_before = folder_fingerprint (ana_folder);
  retro = publish_as (ben, "Ben/Li", build_retro);
  coaching = publish_as (ben, "Ben/Li", build_coaching);
  plan = publish_as (ben, "Ben/Li", build_rep_plan);
  g_assert_true (g_str_has_prefix (retro, folder));
  g_assert_nonnull (strstr (retro, G_DIR_SEPARATOR_S "Ben-Li ("));

  /* Ben reads Ana's two, once */
  first = sync_as (ben, "Ben/Li", seen);
  g_assert_cmpuint (first->n_added, ==, 2);
  g_assert_cmpuint (first->failures->len, ==, 0);
  again = sync_as (ben, "Ben/Li", NULL);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  ben_library = library_text (ben);
  g_assert_cmpstr (ben_library, ==, "closeloop.loop-health health:2026-Q4 Ana Okafor | "
                                    "closeloop.pipeline-review 2026-W47 Ana Okafor");

  /* Ana reads Ben's three, never her own */
  back = sync_as (ana, "Ana Okafor", NULL);
  g_assert_cmpuint (back->n_added, ==, 3);
  ana_library = library_text (ana);
  g_assert_nonnull (strstr (ana_library, "closeloop.quarterly-retro 2026-Q3 Ben/Li"));
  g_assert_nonnull (strstr (ana_library, "closeloop.deal-coaching deal:"));
  g_assert_nonnull (strstr (ana_library, "closeloop.rep-development rep:"));
  g_assert_null (strstr (ana_library, "Ana Okafor"));

  /* Ben's publishing and syncing left Ana's subfolder as it was */
  ana_after = folder_fingerprint (ana_folder);
  g_assert_cmpstr (ana_after, ==, ana_before);

  /* a file copied in by hand, half there: a failure of this sync, read
   * once it is whole */
  half_path = g_build_filename (ana_folder, "copied-by-hand.json", NULL);
  g_assert_true (g_file_set_contents (half_path, review_text, length / 3, NULL));
  g_setenv ("CLOSELOOP_AUTHOR", "Ana Okafor", TRUE);
  partial = sync_as (ben, "Ben/Li", seen);
  g_assert_cmpuint (partial->failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (partial->failures, 0), "/copied-by-hand.json"));
  g_assert_cmpuint (partial->n_added + partial->n_replaced, ==, 0);
  half = library_text (ben);
  g_assert_cmpstr (half, ==, ben_library);
  g_assert_true (g_file_set_contents (half_path, review_text, length, NULL));
  /* the same bytes as the review kept: nothing new, nothing failed */
  completed = sync_as (ben, "Ben/Li", seen);
  g_assert_cmpuint (completed->failures->len, ==, 0);
  g_assert_cmpuint (completed->n_unchanged, ==, 1);
  g_assert_cmpint (g_remove (half_path), ==, 0);

  /* Ana publishes the week again, later: it replaces hers in Ben's library */
  g_usleep (1100 * 1000);      /* exported_at is to the second */
  republished = publish_as (ana, "Ana Okafor", build_review);
  g_assert_cmpstr (republished, ==, review);
  newer = sync_as (ben, "Ben/Li", seen);
  g_assert_cmpuint (newer->n_replaced, ==, 1);
  g_assert_cmpuint (newer->n_added, ==, 0);
  kept = cl_test_sql_text (cl_store_get_path (ben), "SELECT count(*) FROM library");
  g_assert_cmpstr (g_strchomp (kept), ==, "2");
}

typedef struct
{
  GMainLoop *loop;
  guint      n_synced;
  guint      n_arrived;
  guint      n_failures;
} WatchWait;

static void
on_synced (ClTeamFolderWatch *watch,
           ClTeamFolderSync  *sync,
           gpointer           user_data)
{
  WatchWait *wait = user_data;

  wait->n_synced++;
  wait->n_arrived = sync->arrived->len;
  wait->n_failures = sync->failures->len;
  g_main_loop_quit (wait->loop);
}

static gboolean
give_up (gpointer user_data)
{
  WatchWait *wait = user_data;

  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* Waits for the watch's next sync; gives up (and the test fails) only if
 * it never comes. Returns how many summaries arrived. */
static guint
wait_for_sync (WatchWait *wait)
{
  guint before = wait->n_synced;
  guint guard = g_timeout_add_seconds (20, give_up, wait);

  g_main_loop_run (wait->loop);
  g_source_remove (guard);
  g_assert_cmpuint (wait->n_synced, ==, before + 1);
  g_assert_cmpuint (wait->n_failures, ==, 0);
  return wait->n_arrived;
}

/* The watch syncs at once when asked, and again as summaries arrive — from
 * a teammate who joined after it started too. */
static void
test_watch (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "watched", NULL);
  g_autoptr (ClStore) cy = NULL, dee = NULL;
  g_autoptr (ClTeamFolderWatch) watch = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *health = NULL, *review = NULL, *library = NULL;
  WatchWait wait = { g_main_loop_new (NULL, FALSE), 0, 0, 0 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  cy = team_workspace ("cy.db", 3, folder);
  dee = team_workspace ("dee.db", 4, folder);
  watch = cl_team_folder_watch_new (cl_store_get_path (dee), folder, "Dee", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cl_team_folder_watch_get_folder (watch), ==, folder);
  g_signal_connect (watch, "synced", G_CALLBACK (on_synced), &wait);
  cl_team_folder_watch_sync (watch);
  g_assert_cmpuint (wait_for_sync (&wait), ==, 0);

  health = publish_as (cy, "Cy", build_health);
  g_assert_cmpuint (wait_for_sync (&wait), ==, 1);
  /* a second summary in Cy's subfolder, which the watch found on its own */
  review = publish_as (cy, "Cy", build_review);
  g_assert_cmpuint (wait_for_sync (&wait), ==, 1);
  library = library_text (dee);
  g_assert_cmpstr (library, ==, "closeloop.loop-health health:2026-Q4 Cy | closeloop.pipeline-review 2026-W47 Cy");
  g_main_loop_unref (wait.loop);
}

/* A large review nests no deeper than a small one (a miscount once grew
 * with the number of deals). */
static void
test_large_review_reads (void)
{
  GString *text = g_string_new ("{\"format\": \"closeloop.loop-health\", \"version\": 1, \"app_version\": \"0\", "
                                "\"exported_at\": \"2026-11-23T10:00:00Z\", \"exported_by\": \"A\", "
                                "\"period\": \"2026-Q4\", \"deals\": [");
  g_autoptr (ClSummaryInfo) info = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "%s{\"flags\": [\"stalled\"], \"reasons\": {\"a\": [1, [2]]}}", i ? ", " : "");
  g_string_append (text, "]}");
  info = cl_summary_read (text->str, text->len, "large.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_string_free (text, TRUE);
}

/* A loop-health summary for @period exported by @who at @when. */
static char *
health_text (const char *who,
             const char *period,
             const char *when)
{
  return g_strdup_printf ("{\"format\": \"closeloop.loop-health\", \"version\": 1, \"app_version\": \"0.1.0\", "
                          "\"exported_at\": \"%s\", \"exported_by\": \"%s\", \"period\": \"%s\"}",
                          when, who, period);
}

static void
write_summary (const char *folder,
               const char *person,
               const char *name,
               const char *text)
{
  g_autofree char *dir = g_build_filename (folder, person, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* A summary an older version published as <kind>-<subject>.json is read;
 * its author publishing it again names it .closeloop.json, and the old
 * file goes, so its older content is never read beside the new. */
static void
test_old_names (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "old-names", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "old-names.db", NULL);
  g_autofree char *older = health_text ("Kim", "2026-Q4", "2026-11-20T09:00:00Z");
  g_autofree char *newer = health_text ("Kim", "2026-Q4", "2026-11-27T09:00:00Z");
  g_autofree char *old_path = g_build_filename (folder, "Kim", "loop-health-2026-Q4.json", NULL);
  g_autofree char *new_path = g_build_filename (folder, "Kim", "loop-health-2026-Q4.closeloop.json", NULL);
  g_autofree char *published = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autoptr (ClTeamFolderSync) first = NULL, second = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_summary (folder, "Kim", "loop-health-2026-Q4.json", older);
  first = cl_team_folder_sync (store, folder, "Me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_added, ==, 1);
  g_assert_cmpuint (first->failures->len, ==, 0);

  g_assert_true (cl_team_folder_publish (folder, newer, &published, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (published, ==, new_path);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  second = cl_team_folder_sync (store, folder, "Me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->n_replaced, ==, 1);
  g_assert_cmpuint (second->failures->len, ==, 0);
}

/* A summary belongs to the subfolder it is read from: one in Mallory's
 * that names Ben is refused, naming the file, and never replaces Ben's. */
static void
test_attribution (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "attribution", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "attribution.db", NULL);
  g_autofree char *bens = health_text ("Ben Li", "2026-Q4", "2026-11-20T09:00:00Z");
  g_autofree char *forged = health_text ("Ben Li", "2026-Q4", "2026-11-27T09:00:00Z");
  g_autofree char *own = health_text ("Mallory", "2026-Q4", "2026-11-27T09:00:00Z");
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autoptr (ClTeamFolderSync) first = NULL, second = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_summary (folder, "Ben Li", "loop-health-2026-Q4.json", bens);
  first = cl_team_folder_sync (store, folder, "Me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_added, ==, 1);

  write_summary (folder, "Mallory", "loop-health-2026-Q4.json", forged);
  write_summary (folder, "Mallory", "own.json", own);
  second = cl_team_folder_sync (store, folder, "Me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->n_added, ==, 1);
  g_assert_cmpuint (second->n_replaced, ==, 0);
  g_assert_cmpuint (second->failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (second->failures, 0), "Mallory/loop-health-2026-Q4.json"));
  g_assert_nonnull (strstr (g_ptr_array_index (second->failures, 0), "Ben Li"));
  kept = cl_test_sql_text (path, "SELECT group_concat(exported_by || ' ' || exported_at, ' | ') FROM "
                                 "(SELECT * FROM library ORDER BY exported_by)");
  g_assert_cmpstr (kept, ==, "Ben Li 2026-11-20T09:00:00Z | Mallory 2026-11-27T09:00:00Z\n");
}

/* A second-line manager's folder holds each team's folder: its people's
 * subfolders are read one level down, a summary still the person's whose
 * subfolder it is in, one's own subfolder skipped, a flat one beside them
 * read as before. */
static void
test_nested_teams (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "second-line", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "second-line.db", NULL);
  g_autofree char *east = g_build_filename (folder, "Team East", NULL);
  g_autofree char *west = g_build_filename (folder, "Team West", NULL);
  g_autofree char *anas = health_text ("Ana Okafor", "2026-Q4", "2026-11-20T09:00:00Z");
  g_autofree char *bens = health_text ("Ben Li", "2026-Q4", "2026-11-21T09:00:00Z");
  g_autofree char *forged = health_text ("Ben Li", "2026-Q4", "2026-11-27T09:00:00Z");
  g_autofree char *cleos = health_text ("Cleo", "2026-Q4", "2026-11-22T09:00:00Z");
  g_autofree char *mine = health_text ("Me", "2026-Q4", "2026-11-22T09:00:00Z");
  g_autofree char *kept = NULL, *failures = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ClStore) store = cl_store_open (path, &error);
  g_autoptr (ClTeamFolderSync) sync = NULL;

  g_assert_no_error (error);
  write_summary (east, "Ana Okafor", "loop-health-2026-Q4.json", anas);
  write_summary (west, "Ben Li", "loop-health-2026-Q4.json", bens);
  write_summary (west, "Mallory", "loop-health-2026-Q4.json", forged);
  write_summary (west, "Me", "loop-health-2026-Q4.json", mine);
  /* in the team's folder itself: nobody's subfolder but the team's */
  write_summary (folder, "Team East", "loop-health-2026-Q4.json", anas);
  write_summary (folder, "Cleo", "loop-health-2026-Q4.json", cleos);
  sync = cl_team_folder_sync (store, folder, "Me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sync->n_added, ==, 3);
  g_assert_cmpuint (sync->failures->len, ==, 2);
  g_ptr_array_add (sync->failures, NULL);
  failures = g_strjoinv ("\n", (char **) sync->failures->pdata);
  g_ptr_array_remove_index (sync->failures, sync->failures->len - 1);
  g_test_message ("%s", failures);
  g_assert_nonnull (strstr (failures, "Team West/Mallory/loop-health-2026-Q4.json"));
  g_assert_nonnull (strstr (failures, "Team East/loop-health-2026-Q4.json"));
  kept = cl_test_sql_text (path, "SELECT group_concat(exported_by || ' ' || exported_at, ' | ') FROM "
                                 "(SELECT * FROM library ORDER BY exported_by)");
  g_assert_cmpstr (kept, ==, "Ana Okafor 2026-11-20T09:00:00Z | Ben Li 2026-11-21T09:00:00Z | "
                             "Cleo 2026-11-22T09:00:00Z\n");
}

/* Publishing follows no link below the team folder: a link planted as
 * one's subfolder or as the file is refused, and nothing outside the
 * folder is written. */
static void
test_publish_stays_inside (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "inside", NULL);
  g_autofree char *outside = g_build_filename (tmp_dir, "outside", NULL);
  g_autofree char *subfolder = g_build_filename (folder, "Eve", NULL);
  g_autofree char *planted = g_build_filename (subfolder, "loop-health-2026-Q4.closeloop.json", NULL);
  g_autofree char *victim = g_build_filename (outside, "victim.json", NULL);
  g_autofree char *text = health_text ("Eve", "2026-Q4", "2026-11-27T09:00:00Z");
  g_autofree char *before = NULL, *after = NULL, *published = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_true (g_file_set_contents (victim, "untouched", -1, NULL));
  before = folder_fingerprint (outside);

  g_assert_cmpint (symlink (outside, subfolder), ==, 0);
  g_assert_false (cl_team_folder_publish (folder, text, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (subfolder), ==, 0);

  g_assert_cmpint (g_mkdir (subfolder, 0700), ==, 0);
  g_assert_cmpint (symlink (victim, planted), ==, 0);
  g_assert_false (cl_team_folder_publish (folder, text, NULL, &error));
  g_assert_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  after = folder_fingerprint (outside);
  g_assert_cmpstr (after, ==, before);

  /* without the link it publishes */
  g_assert_cmpint (g_unlink (planted), ==, 0);
  g_assert_true (cl_team_folder_publish (folder, text, &published, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (published, G_FILE_TEST_IS_REGULAR));
}

/* A subject longer than a file name may be is shortened, and two such
 * subjects that differ only at the end keep two files. */
static void
test_long_names (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "long-names", NULL);
  g_autoptr (GString) period = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *a = NULL, *b = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* ninety CJK characters: 270 bytes */
  for (int i = 0; i < 90; i++)
    g_string_append (period, "\xE5\x95\x86");
  a = health_text ("Kim", period->str, "2026-11-27T09:00:00Z");
  g_string_append (period, "x");
  b = health_text ("Kim", period->str, "2026-11-27T09:00:00Z");
  g_assert_true (cl_team_folder_publish (folder, a, &first, &error));
  g_assert_no_error (error);
  g_assert_true (cl_team_folder_publish (folder, b, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_utf8_validate (first, -1, NULL));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
}

/* A coaching export with the private notes in it never reaches the team
 * folder, as a backup never does. */
static void
test_private_not_published (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "private", NULL);
  g_autoptr (ClStore) store = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *deal = NULL, *text = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  store = team_workspace ("private.db", 5, folder);
  deal = cl_test_sql_text (cl_store_get_path (store), "SELECT deal_id FROM coaching_sessions ORDER BY id LIMIT 1");
  document = cl_coaching_export_build (store, g_ascii_strtoll (deal, NULL, 10), TRUE, &error);
  g_assert_no_error (error);
  text = cl_export_to_text (document);
  g_assert_false (cl_team_folder_publish (folder, text, NULL, &error));
  g_assert_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_PRIVATE);
  g_assert_true (g_rmdir (folder) == 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-team-folder-XXXXXX", NULL);
  g_test_add_func ("/team-folder/names", test_names);
  g_test_add_func ("/team-folder/identity", test_identity);
  g_test_add_func ("/team-folder/subject-labels", test_subject_labels);
  g_test_add_func ("/team-folder/setting", test_setting);
  g_test_add_func ("/team-folder/two-workspaces", test_two_workspaces);
  g_test_add_func ("/team-folder/watch", test_watch);
  g_test_add_func ("/team-folder/large-review-reads", test_large_review_reads);
  g_test_add_func ("/team-folder/attribution", test_attribution);
  g_test_add_func ("/team-folder/old-names", test_old_names);
  g_test_add_func ("/team-folder/nested-teams", test_nested_teams);
  g_test_add_func ("/team-folder/publish-stays-inside", test_publish_stays_inside);
  g_test_add_func ("/team-folder/long-names", test_long_names);
  g_test_add_func ("/team-folder/private-not-published", test_private_not_published);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
