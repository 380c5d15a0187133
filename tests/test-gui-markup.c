/* test-gui-markup.c — text from data is shown as text: names, deals,
 * accounts, notes, file names and teammates' summaries are never read as
 * Pango markup, and a right-to-left override in one never turns around
 * the rest of its line (run under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace is a sample team whose reps, deals, accounts, stages,
 * skills, calls, notes and actions are renamed to values a markup parser
 * would take apart, or that hold an override; teammates publish and drop
 * summaries holding them too. Then every window that shows them is
 * walked, widget by widget: wherever one of the values shows, it must show
 * whole, as it was written, and an override must be isolated unless the
 * value is all its line says.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cl-cell-text.h"
#include "cl-coaching-export.h"
#include "cl-deal-coaching-window.h"
#include "cl-export.h"
#include "cl-health-export.h"
#include "cl-import-window.h"
#include "cl-list-page.h"
#include "cl-pipeline-page.h"
#include "cl-preferences-window.h"
#include "cl-rep-window.h"
#include "cl-review-export.h"
#include "cl-retro-page.h"
#include "cl-review-window.h"
#include "cl-summary.h"
#include "cl-summary-window.h"
#include "cl-team-folder.h"
#include "cl-team-page.h"
#include "cl-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *tmp_dir;
static char *team_path;

#define RLO "\u202E"
#define PDF 0x202C

/* Each value starts with "Zq", which nothing the window says by itself
 * does: wherever "Zq" shows, one of them must follow, whole. The first
 * four are what markup would take apart (the first and the fourth hold no
 * '/', so they also name files); the last turns what follows it around. */
static const char * const hostile[] = {
  "Zq Ben & Okafor <QA>",
  "Zq <b>bold</b>",
  "Zq <a href='https://example.com'>click me</a>",
  "Zq <span",
  "Zq " RLO "revo",
};
#define N_HOSTILE G_N_ELEMENTS (hostile)
#define N_MARKUP  4
#define OVERRIDE  hostile[4]
#define MARKER "Zq"

/* How often each value showed in one window. */
typedef struct
{
  const char *where;
  guint       seen[N_HOSTILE];
} Seen;

static guint
n_seen (const Seen *seen)
{
  guint n = 0;

  for (guint i = 0; i < N_HOSTILE; i++)
    n += seen->seen[i] > 0;
  return n;
}

/* @shown is what the user reads of @raw (the same text, unless markup
 * was parsed): every value in it whole, none lost. */
static void
check_text (Seen       *seen,
            const char *kind,
            const char *raw,
            const char *shown)
{
  if ((raw == NULL || strstr (raw, MARKER) == NULL) && (shown == NULL || strstr (shown, MARKER) == NULL))
    return;
  if (shown == NULL || strstr (shown, MARKER) == NULL)
    g_error ("%s: a %s lost its text: “%s” shows as “%s”", seen->where, kind, raw, shown ? shown : "");
  for (const char *at = strstr (shown, MARKER); at != NULL; at = strstr (at + 1, MARKER))
    {
      guint i = 0;

      while (i < N_HOSTILE && !g_str_has_prefix (at, hostile[i]))
        i++;
      if (i == N_HOSTILE)
        g_error ("%s: a %s shows “%s” for “%s”", seen->where, kind, shown, raw ? raw : "");
      seen->seen[i]++;
    }
}

/* A paragraph that is one value and nothing more, as written or with the
 * " column<id>" the workspace gave it: an override there turns only the
 * value around. */
static gboolean
is_lone_value (const char *paragraph)
{
  const char *rest;

  if (!g_str_has_prefix (paragraph, OVERRIDE))
    return FALSE;
  rest = paragraph + strlen (OVERRIDE);
  if (*rest == '\0')
    return TRUE;
  if (*rest++ != ' ')
    return FALSE;
  while (g_ascii_isalpha (*rest) || *rest == '_')
    rest++;
  while (g_ascii_isdigit (*rest))
    rest++;
  return *rest == '\0';
}

/* In each paragraph of @shown, every override or embedding sits inside an
 * isolate (U+2066–U+2068 … U+2069), so the rest of the line reads as
 * written; only a paragraph that is the value alone may do without. */
static void
check_direction (Seen       *seen,
                 const char *kind,
                 const char *shown)
{
  g_auto (GStrv) paragraphs = NULL;

  if (shown == NULL || strstr (shown, RLO) == NULL)
    return;
  paragraphs = g_strsplit (shown, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      int depth = 0;

      if (is_lone_value (paragraphs[i]))
        continue;
      for (const char *p = paragraphs[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= 0x2066 && c <= 0x2068)
            depth++;
          else if (c == 0x2069 && depth > 0)
            depth--;
          else if (c >= 0x202A && c <= 0x202E && c != PDF && depth == 0)
            g_error ("%s: a %s lets an override turn its line around: “%s”", seen->where, kind, paragraphs[i]);
        }
    }
}

static void
walk (GtkWidget *widget,
      Seen      *seen)
{
  if (GTK_IS_LABEL (widget))
    {
      check_text (seen, gtk_label_get_use_markup (GTK_LABEL (widget)) ? "label with markup" : "label",
                  gtk_label_get_label (GTK_LABEL (widget)), gtk_label_get_text (GTK_LABEL (widget)));
      check_direction (seen, "label", gtk_label_get_text (GTK_LABEL (widget)));
    }
  /* a table's cell never reads markup: what it holds is what it shows */
  if (CL_IS_CELL_TEXT (widget))
    {
      check_text (seen, "cell", cl_cell_text_get_text (CL_CELL_TEXT (widget)),
                  cl_cell_text_get_text (CL_CELL_TEXT (widget)));
      check_direction (seen, "cell", cl_cell_text_get_text (CL_CELL_TEXT (widget)));
    }
  check_text (seen, "tooltip", gtk_widget_get_tooltip_markup (widget), gtk_widget_get_tooltip_text (widget));
  check_direction (seen, "tooltip", gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_WINDOW (widget))
    {
      check_text (seen, "window title", gtk_window_get_title (GTK_WINDOW (widget)),
                  gtk_window_get_title (GTK_WINDOW (widget)));
      check_direction (seen, "window title", gtk_window_get_title (GTK_WINDOW (widget)));
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      check_text (seen, "text view", text, text);
      check_direction (seen, "text view", text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, seen);
}

/* A toast's title is always markup: what it shows is the title parsed. */
static void
check_toast (AdwToast   *toast,
             const char *expected)
{
  const char *title = adw_toast_get_title (toast);
  g_autofree char *shown = NULL;
  g_autoptr (GError) error = NULL;
  Seen seen = { "a toast", { 0 } };

  if (!pango_parse_markup (title, -1, 0, NULL, &shown, NULL, &error))
    g_error ("the toast “%s” does not parse: %s", title, error->message);
  check_text (&seen, "toast title", title, shown);
  check_direction (&seen, "toast title", shown);
  g_assert_nonnull (strstr (shown, expected));
}

typedef struct
{
  GtkWidget  *root;
  const char *where;
  guint       at_least;   /* values to see before the walk counts */
} Walk;

static gboolean
shows_values (gpointer data)
{
  Walk *walk_data = data;
  Seen seen = { walk_data->where, { 0 } };

  walk (walk_data->root, &seen);
  return n_seen (&seen) >= walk_data->at_least;
}

/* Walks @root until at least @at_least of the values show (lists bind
 * their rows as they are laid out); every one shown must be whole. */
static void
check_widget (gpointer    root,
              const char *where,
              guint       at_least)
{
  Walk data = { root, where, at_least };

  g_test_message ("walking %s", where);
  cl_test_wait_until (shows_values, &data, where);
}

/* ------------------------------------------------------------------ the workspace */

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* "CASE expr WHEN 0 THEN 'value 0' … END": the values, one per remainder. */
static char *
values_by (const char *expr)
{
  GString *sql = g_string_new ("CASE (");

  g_string_append_printf (sql, "%s) %% %u", expr, (guint) N_HOSTILE);
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      char *quoted = sqlite3_mprintf ("%Q", hostile[i]);

      g_string_append_printf (sql, " WHEN %u THEN %s", i, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, " END");
  return g_string_free (sql, FALSE);
}

/* Everything a name, a label or a note can be, from the values. */
static void
write_hostile_team (const char *path)
{
  static const char * const updates[][3] = {
    { "reps", "name", "(SELECT count(*) FROM reps o WHERE o.is_manager = 0 AND o.id < reps.id)" },
    { "deals", "name", "id" },
    { "deals", "account", "id + 1" },
    { "deals", "next_step", "id + 2" },
    { "deals", "status_reason", "id + 3" },
    { "stages", "name", "position" },
    { "dev_skills", "label", "id" },
    { "scorecard_items", "label", "id" },
    { "calls", "title", "id" },
    { "coaching_sessions", "next_move", "id" },
    { "coaching_sessions", "next_move_with", "id + 1" },
    { "coaching_sessions", "follow_up_note", "id + 2" },
    { "actions", "text", "id" },
    { "practice_log", "scenario", "id" },
    { "practice_log", "note", "id + 1" },
  };
  ClDemoOptions options;

  cl_demo_options_init (&options);
  /* small: a sanitizer build walks it too */
  options.n_deals = 40;
  options.n_reps = N_HOSTILE;
  options.n_weeks = 8;
  cl_test_write_team (path, &options);
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autofree char *values = values_by (updates[i][2]);
      /* unique names stay unique: the row's id follows the value */
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = %s || ' %s' || id%s", updates[i][0],
                                              updates[i][1], values, updates[i][1],
                                              g_str_equal (updates[i][0], "reps") ? " WHERE is_manager = 0" : "");

      run_sql (path, sql);
    }
}

/* ------------------------------------------------------------------ the windows */

static gboolean
shows_views (gpointer data)
{
  return g_str_equal (cl_window_get_state (data), "views");
}

static gboolean
pipeline_loaded (gpointer data)
{
  return cl_pipeline_page_is_loaded (data);
}

static gboolean
page_loaded (gpointer data)
{
  return cl_list_page_is_loaded (data) && cl_list_page_get_n_items (data) > 0;
}

static gboolean
rep_window_loaded (gpointer data)
{
  return cl_rep_window_is_loaded (data);
}

static gboolean
retro_loaded (gpointer data)
{
  return cl_retro_page_is_loaded (data);
}

static gboolean
import_done (gpointer data)
{
  return cl_import_window_is_done (data);
}

static gboolean
toplevel_gone (gpointer data)
{
  return cl_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* Rep names on the Overview; deals, accounts, owners and stages in the
 * Pipeline, its funnel and what moved. */
static void
check_overview_and_pipeline (ClWindow *window)
{
  ClPipelinePage *pipeline = CL_PIPELINE_PAGE (cl_window_get_view (window, "pipeline"));

  cl_window_show_view (window, "overview");
  check_widget (cl_window_get_view (window, "overview"), "the Overview", N_MARKUP);
  cl_window_show_view (window, "pipeline");
  cl_test_wait_until (pipeline_loaded, pipeline, "the pipeline");
  check_widget (pipeline, "the Pipeline's deals", N_MARKUP);
  cl_pipeline_page_show_section (pipeline, "stages");
  check_widget (pipeline, "the Pipeline's stages", N_MARKUP);
  cl_pipeline_page_show_section (pipeline, "moved");
  cl_test_wait_until (cl_test_moves_read, pipeline, "what moved");
  check_widget (pipeline, "what moved in the Pipeline", 1);
  cl_pipeline_page_show_section (pipeline, "deals");
}

/* This week's review: the deal, its account, owner, stage and next step;
 * a next action whose text is one of the values. */
static void
check_review (ClWindow *window)
{
  ClReviewWindow *review;

  review = cl_test_start_review (window);
  check_widget (review, "the review window", 3);
  cl_review_window_press (review, 'a');
  g_assert_true (cl_review_window_add_action (review, hostile[3], cl_date_today () + 7));
  cl_test_review_saved (review);
  check_widget (review, "the review window's next deal", 3);
  gtk_window_close (GTK_WINDOW (review));
  cl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (CL_TYPE_REVIEW_WINDOW), "the review to close");
}

/* The coaching queue, then a deal's coaching: its calls (one attached from
 * a file with a value for a name), scorecard, sessions and follow-ups. */
static void
check_coaching (ClWindow *window)
{
  ClListPage *queue = CL_LIST_PAGE (cl_window_get_view (window, "coaching"));
  g_autofree char *vtt_name = g_strconcat (hostile[3], " call.vtt", NULL);
  g_autofree char *vtt = g_build_filename (tmp_dir, vtt_name, NULL);
  g_autofree char *text = NULL;
  ClDealCoachingWindow *coaching;
  const char *owner;

  cl_window_show_view (window, "coaching");
  cl_test_wait_until (page_loaded, queue, "the coaching queue");
  check_widget (queue, "the coaching queue", 2);
  cl_list_page_activate (queue, 0);
  coaching = cl_test_find_toplevel (CL_TYPE_DEAL_COACHING_WINDOW);
  g_assert_nonnull (coaching);
  cl_test_coaching_settled (coaching);

  /* the owner speaks under the last word of their name, which the call
   * finds them by */
  owner = strrchr (cl_deal_coaching_window_get_owner_name (coaching), ' ') + 1;
  text = g_strdup_printf ("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v %s>Who signs?\n\n"
                          "00:00:06.000 --> 00:00:12.000\n<v Buyer>The board.\n", owner);
  g_assert_true (g_file_set_contents (vtt, text, -1, NULL));
  g_assert_true (cl_deal_coaching_window_attach (coaching, vtt));
  cl_deal_coaching_window_fill_session (coaching, hostile[0], OVERRIDE, hostile[1], "2026-12-01");
  g_assert_true (cl_deal_coaching_window_save_session (coaching));
  cl_test_coaching_settled (coaching);
  g_assert_true (cl_deal_coaching_window_record_follow_up (coaching, 0, TRUE, hostile[3]));
  cl_test_coaching_settled (coaching);
  check_widget (coaching, "the deal coaching window", N_MARKUP);
  gtk_window_close (GTK_WINDOW (coaching));
}

static gboolean
team_loaded (gpointer page)
{
  return cl_team_page_is_loaded (page);
}

/* Rep Development's rows, then a rep's 1:1 page: plan, skills, drills,
 * deals, actions, coaching moves. */
static void
check_development (ClWindow *window)
{
  ClTeamPage *team = CL_TEAM_PAGE (cl_window_get_view (window, "development"));
  g_autoptr (GListModel) skills = cl_store_list_team_list (cl_window_get_store (window), CL_TEAM_LIST_SKILLS, NULL);
  g_autoptr (ClTeamListItem) skill = g_list_model_get_item (skills, 0);
  ClRepWindow *rep;

  cl_window_show_view (window, "development");
  cl_test_wait_until (team_loaded, team, "Rep Development");
  check_widget (team, "Rep Development", N_MARKUP);
  cl_team_page_activate (team, 0);
  rep = cl_test_find_toplevel (CL_TYPE_REP_WINDOW);
  g_assert_nonnull (rep);
  cl_test_wait_until (rep_window_loaded, rep, "the rep page");
  cl_rep_window_fill_plan (rep, skill->key, hostile[2], 4, 4);
  g_assert_true (cl_rep_window_save_plan (rep));
  cl_test_wait_until (rep_window_loaded, rep, "the rep page with its plan");
  g_assert_true (cl_rep_window_log_drill (rep, hostile[0], 4, hostile[1]));
  cl_test_wait_until (rep_window_loaded, rep, "the rep page with its drill");
  check_widget (rep, "the rep window", N_MARKUP);
  gtk_window_close (GTK_WINDOW (rep));
}

/* The quarter's retrospective: where deals died, by stage and reason. */
static void
check_retro (ClWindow *window)
{
  ClRetroPage *page = CL_RETRO_PAGE (cl_window_get_view (window, "retros"));

  cl_window_show_view (window, "retros");
  g_assert_true (cl_retro_page_show_quarter (page, NULL));
  cl_test_wait_until (retro_loaded, page, "the retrospective");
  check_widget (page, "the retrospective", 2);
  /* its long page is slow to lay out in a sanitizer build: off screen for what follows */
  cl_window_show_view (window, "development");
}

/* A CRM export named after a value, holding values: the preview, then
 * what the import created. */
static void
check_import (ClWindow *window)
{
  g_autofree char *name = g_strconcat (hostile[0], " deals.csv", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *csv = g_strdup_printf ("Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\n"
                                          "9001,\"%s deal\",\"%s stage\",100,12/15/2026,\"%s owner\"\n",
                                          hostile[3], hostile[0], OVERRIDE);
  ClImportWindow *import;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  import = cl_import_window_new (GTK_WINDOW (window), cl_window_get_store (window), path);
  cl_test_import_read (import);
  check_widget (import, "the import's preview", 3);
  cl_test_import_next (import, "the import's stages");
  /* the value, in its row and in the process after the import */
  check_widget (import, "the import's stages", 2);
  cl_stages_page_keep_order (cl_import_window_get_stages_page (import));
  g_assert_true (cl_import_window_run (import));
  cl_test_wait_until (import_done, import, "the import");
  check_widget (import, "the import's result", 2);
  gtk_window_destroy (GTK_WINDOW (import));
}

/* Waits for the window's next toast and checks it shows @expected. */
static void
wait_for_toast (ClWindow   *window,
                AdwToast   *before,
                const char *expected)
{
  cl_test_wait_for_toast (window, before);
  check_toast (cl_window_get_last_toast (window), expected);
}

static gboolean
library_holds_three (gpointer path)
{
  g_autofree char *count = cl_test_sql_text (path, "SELECT count(*) FROM library");

  return g_str_equal (count, "3\n");
}

/* A teammate publishes @document into @folder. */
static void
publish (const char *folder,
         JsonNode   *document)
{
  g_autofree char *text = cl_export_to_text (document);
  g_autoptr (GError) error = NULL;

  g_assert_true (cl_team_folder_publish (folder, text, NULL, &error));
  g_assert_no_error (error);
}

/* Preferences name the team folder; a teammate's summary arrives with a
 * toast, another is dropped on the window, a file that is not one is
 * refused by name; the Team Library lists them and opens each. */
static void
check_sharing (ClWindow *window)
{
  ClStore *store = cl_window_get_store (window);
  ClListPage *library = CL_LIST_PAGE (cl_window_get_view (window, "library"));
  g_autofree char *folder_name = g_strconcat (hostile[0], " folder", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, folder_name, NULL);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autofree char *quarter = cl_date_quarter (cl_date_today ());
  g_autofree char *dropped_name = g_strconcat (hostile[3], " coaching.json", NULL);
  g_autofree char *dropped = g_build_filename (tmp_dir, dropped_name, NULL);
  g_autofree char *bad_name = g_strconcat (hostile[0], " notes.json", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, bad_name, NULL);
  g_autoptr (GFile) dropped_file = g_file_new_for_path (dropped);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr (JsonNode) health = NULL, review = NULL, coaching = NULL;
  g_autoptr (GListModel) entries = NULL;
  g_autofree char *coaching_text = NULL, *deal_id = NULL;
  ClPreferencesWindow *preferences;

  /* what the teammates export: loop health, this week's review, a deal's coaching */
  g_setenv ("CLOSELOOP_AUTHOR", OVERRIDE, TRUE);
  health = cl_health_export_build (store, quarter, cl_date_today (), NULL);
  g_setenv ("CLOSELOOP_AUTHOR", hostile[1], TRUE);
  review = cl_review_export_build (store, week, NULL);
  g_setenv ("CLOSELOOP_AUTHOR", hostile[2], TRUE);
  deal_id = cl_test_sql_text (cl_store_get_path (store), "SELECT deal_id FROM coaching_sessions LIMIT 1");
  coaching = cl_coaching_export_build (store, g_ascii_strtoll (deal_id, NULL, 10), FALSE, NULL);
  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
  g_assert_nonnull (health);
  g_assert_nonnull (review);
  g_assert_nonnull (coaching);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "preferences", NULL);
  preferences = cl_test_find_toplevel (CL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (cl_preferences_window_set_team_folder (preferences, folder));
  cl_test_preferences_settled (preferences);
  check_widget (preferences, "the preferences", N_MARKUP);
  gtk_window_close (GTK_WINDOW (preferences));

  /* one arrives while the window watches: the toast names it and who */
  {
    g_autoptr (AdwToast) before = cl_test_ref_last_toast (window);

    publish (folder, health);
    wait_for_toast (window, before, OVERRIDE);
  }
  publish (folder, review);

  /* one dropped on the window, one that is no summary */
  coaching_text = cl_export_to_text (coaching);
  g_assert_true (g_file_set_contents (dropped, coaching_text, -1, NULL));
  {
    g_autoptr (AdwToast) before = cl_test_ref_last_toast (window);

    cl_window_import_summary (window, dropped_file);
    wait_for_toast (window, before, hostile[2]);
  }
  g_assert_true (g_file_set_contents (bad, "{\"notes\": \"mine\"}", -1, NULL));
  {
    g_autoptr (AdwToast) before = cl_test_ref_last_toast (window);

    cl_window_import_summary (window, bad_file);
    wait_for_toast (window, before, hostile[0]);
  }

  cl_test_wait_until (library_holds_three, (gpointer) cl_store_get_path (store), "the teammate's review");
  cl_window_show_view (window, "library");
  cl_list_page_reload (library);
  cl_test_wait_until (page_loaded, library, "the team library");
  entries = cl_summary_list_library (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  check_widget (library, "the Team Library", 2);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (ClLibraryEntry) entry = g_list_model_get_item (entries, i);
      GtkWindow *opened = cl_test_open_library_entry (window, entry);

      g_assert_nonnull (opened);
      check_widget (opened, CL_IS_REVIEW_WINDOW (opened) ? "a teammate's review" : "a teammate's summary", 1);
      gtk_window_destroy (opened);
    }
}

/* A workspace that cannot be opened is named on the error page. */
static void
check_error_page (ClWindow *window)
{
  g_autofree char *name = g_strconcat (hostile[0], ".db", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "not a workspace\n", -1, NULL));
  g_assert_false (cl_test_open_workspace (window, path));
  check_widget (window, "the error page", 1);
  g_assert_true (cl_test_open_workspace (window, team_path));
}

static void
on_activate (GApplication *app)
{
  ClWindow *window = CL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  cl_test_wait_until (shows_views, window, "the team workspace");
  check_overview_and_pipeline (window);
  check_review (window);
  check_coaching (window);
  check_development (window);
  check_retro (window);
  check_import (window);
  check_sharing (window);
  check_error_page (window);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_markup (void)
{
  team_path = g_build_filename (tmp_dir, "team.db", NULL);
  write_hostile_team (team_path);
  g_setenv ("CLOSELOOP_AUTHOR", "GUI Tester", TRUE);
  cl_test_run_window (team_path, G_CALLBACK (on_activate), NULL);
  g_clear_pointer (&team_path, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("closeloop-gui-markup-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_add_func ("/gui/markup/data-as-text", test_markup);
  status = g_test_run ();
  cl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
