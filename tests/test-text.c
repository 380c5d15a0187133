/* test-text.c — values from data keep their direction to themselves where
 * they are composed into a line, and fold alike for searching whatever
 * their accents and case
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cl-development.h"
#include "cl-json-text.h"
#include "cl-moves.h"
#include "cl-summary.h"
#include "cl-text.h"

#define LRI "\u2066"
#define FSI "\u2068"
#define PDI "\u2069"
#define RLO "\u202E"
/* a name that would turn the rest of its line around */
#define EVIL "Ben " RLO "Okafor"

/* Every override or embedding in @line is inside an isolate, and every
 * isolate is closed by the end: what follows a value reads as written. */
static void
assert_contained (const char *line)
{
  int depth = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2066 && c <= 0x2068)
        depth++;
      else if (c == 0x2069)
        {
          g_assert_cmpint (depth, >, 0);
          depth--;
        }
      else if (c >= 0x202A && c <= 0x202E && c != 0x202C)
        {
          if (depth == 0)
            g_error ("“%s”: an override outside an isolate at byte %d", line, (int) (p - line));
        }
    }
  g_assert_cmpint (depth, ==, 0);
}

static void
assert_line (const char *line,
             const char *expected)
{
  g_assert_cmpstr (line, ==, expected);
  assert_contained (line);
}

/* The value between FSI and PDI; a PDI of its own that closes nothing is
 * dropped, an isolate of its own left open is closed before ours. */
static void
test_isolate (void)
{
  static const char * const cases[][2] = {
    { "Ana Okafor", FSI "Ana Okafor" PDI },
    { "", FSI PDI },
    { EVIL, FSI EVIL PDI },
    { "x" PDI RLO "y", FSI "x" RLO "y" PDI },
    { LRI "x", FSI LRI "x" PDI PDI },
    { LRI "x" PDI PDI "y", FSI LRI "x" PDI "y" PDI },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *isolated = cl_text_isolate (cases[i][0]);
      g_autofree char *line = g_strconcat ("by ", isolated, " arrived", NULL);

      g_assert_cmpstr (isolated, ==, cases[i][1]);
      assert_contained (line);
    }
  {
    g_autofree char *none = cl_text_isolate (NULL);

    g_assert_cmpstr (none, ==, FSI PDI);
  }
}

/* A teammate's summary, as the toasts and the library say it. */
static void
test_summary_lines (void)
{
  ClSummaryInfo info = {
    .format = (char *) "closeloop.rep-development",
    .subject = (char *) "rep:" EVIL ":2026-11",
    .exported_by = (char *) EVIL,
  };
  g_autofree char *subject = cl_summary_subject_label (info.subject);
  g_autofree char *described = cl_summary_info_describe (&info);

  assert_line (subject, FSI EVIL PDI ", 2026-11");
  assert_line (described, "Rep development " FSI FSI EVIL PDI ", 2026-11" PDI " by " FSI EVIL PDI);
}

/* What moved, as the Pipeline lists it. */
static void
test_move_line (void)
{
  ClMove move = {
    .kind = CL_MOVE_ADVANCED,
    .on = 0,
    .deal_name = (char *) EVIL " rollout",
    .from = (char *) RLO "Discovery",
    .to = (char *) "Proposal",
  };
  g_autofree char *line = NULL;

  g_assert_true (cl_date_parse ("2026-11-18", &move.on));
  line = cl_move_describe (&move);
  assert_line (line, "2026-11-18 · " FSI EVIL " rollout" PDI ": advanced from " FSI RLO "Discovery" PDI
                     " to " FSI "Proposal" PDI);
}

/* A rep's month, as Rep Development's row says it. */
static void
test_rep_month_line (void)
{
  g_autoptr (ClRepMonth) rep_month = g_object_new (CL_TYPE_REP_MONTH, NULL);
  g_autofree char *line = NULL;

  rep_month->month = g_strdup ("2026-11");
  rep_month->plan = g_object_new (CL_TYPE_DEV_PLAN, NULL);
  rep_month->focus_label = g_strdup (RLO "Price hold");
  rep_month->progress.done = 2;
  line = cl_rep_month_describe (rep_month);
  g_assert_true (g_str_has_prefix (line, FSI RLO "Price hold" PDI " · 2 drills"));
  assert_contained (line);
}

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = cl_text_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

/* Accents and case aside, what a search compares is the letters. */
static void
test_fold (void)
{
  g_autofree char *chloe = cl_text_fold ("Deal with Chloé");
  g_autofree char *query = cl_text_fold ("CHLOE");

  assert_fold ("Chloé", "chloe");
  assert_fold ("Chloe\u0301", "chloe");          /* decomposed already */
  assert_fold ("ÉCOLE", "ecole");
  assert_fold ("straße", "strasse");
  assert_fold ("Ångström Ñandú", "angstrom nandu");
  assert_fold ("İstanbul", "istanbul");          /* the fold's own dot goes too */
  g_assert_nonnull (strstr (chloe, query));
  /* CJK, and a script's own marks, as written */
  assert_fold ("東京の営業", "東京の営業");
  assert_fold ("が", "か\u3099");
  assert_fold ("हिंदी", "हिंदी");
  /* an overlay makes another sign: "≠" is not "=" */
  assert_fold ("a ≠ b", "a =\u0338 b");
  assert_fold ("", "");
  assert_fold (NULL, "");
  /* invalid UTF-8: a replacement character, the rest folded */
  assert_fold ("Chlo\xC3", "chlo\uFFFD");
  assert_fold ("\xFF\xFEÉcole", "\uFFFD\uFFFDecole");
}

/* A text whose fold is itself lowered keeps no folded copy, and is
 * searched in place with the same answer as a substring of its fold, for
 * every pair; any other keeps its fold. */
static void
test_contains_lowered (void)
{
  const char *lowered[] = { "Acme Rollout", "ACME", "a", "", "Northwind Traders, 2nd Renewal", "x-y_z 42%",
                            "Harborstack Software \u2014 Renewal", "東京の営業", NULL };
  const char *folded[] = { "Chloé Dupré", "ÅNGSTRÖM \u2014 Pilot", "Straße", "Chlo\xC3" };
  const char *needles[] = { "acme", "ROLL", "out", "acme rollout!", "a", "", "nd r", "2ND", "z 4", "É",
                            "é", "東", "%", "rollout acme", "n", "\u2014 renewal", "\u2014", "re \u2014" };

  g_assert_true (cl_text_is_ascii ("Acme, 42 %"));
  g_assert_true (cl_text_is_ascii (NULL));
  g_assert_false (cl_text_is_ascii ("Chloé"));
  for (guint i = 0; i < G_N_ELEMENTS (folded); i++)
    {
      g_autofree char *fold = cl_text_fold_unless_lowered (folded[i]);
      g_autofree char *expected = cl_text_fold (folded[i]);

      g_assert_cmpstr (fold, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lowered); i++)
    {
      g_autofree char *fold = cl_text_fold_unless_lowered (lowered[i]);
      g_autofree char *text = cl_text_fold (lowered[i]);

      g_assert_null (fold);
      for (guint j = 0; j < G_N_ELEMENTS (needles); j++)
        {
          g_autofree char *needle = cl_text_fold (needles[j]);

          g_assert_cmpint (cl_text_contains_lowered (lowered[i], needle), ==, strstr (text, needle) != NULL);
        }
    }
}

/* JSON from outside whose escapes make no text is refused before a parser
 * turns it into bytes that are not UTF-8, or cuts a string at a NUL. */
static void
test_json_escapes (void)
{
  static const struct
  {
    const char     *json;
    ClJsonTextCheck expected;
  } cases[] = {
    { "{\"name\": \"Chlo\\u00e9\"}", CL_JSON_TEXT_OK },
    { "{\"name\": \"\\ud83d\\ude00 a pair\"}", CL_JSON_TEXT_OK },
    { "{\"name\": \"a backslash, then \\\\ud800\"}", CL_JSON_TEXT_OK },
    { "{\"name\": \"\\\"quoted\\\" \\ud800\"}", CL_JSON_TEXT_NOT_TEXT },
    { "{\"name\": \"Lena \\ud800 Schulz\"}", CL_JSON_TEXT_NOT_TEXT },
    { "{\"name\": \"\\uDC00 alone\"}", CL_JSON_TEXT_NOT_TEXT },
    { "{\"name\": \"\\ud800\\u0041\"}", CL_JSON_TEXT_NOT_TEXT },
    { "{\"name\": \"cut \\u0000 here\"}", CL_JSON_TEXT_NOT_TEXT },
    { "{\"name\": \"ends \\ud800", CL_JSON_TEXT_NOT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (cl_json_text_check (cases[i].json, strlen (cases[i].json), 8), ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/isolate", test_isolate);
  g_test_add_func ("/text/json-escapes", test_json_escapes);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/contains-lowered", test_contains_lowered);
  g_test_add_func ("/text/summary-lines", test_summary_lines);
  g_test_add_func ("/text/move-line", test_move_line);
  g_test_add_func ("/text/rep-month-line", test_rep_month_line);
  return g_test_run ();
}
