/* test-date.c — days and moments said in words, in the user's time zone;
 * periods read
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-date.h"

static void
assert_words (char       *text,
              const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_describe_day (void)
{
  ClDay today = cl_date_from_ymd (2026, 11, 29);

  assert_words (cl_date_describe_day (today, today), "today");
  assert_words (cl_date_describe_day (today - 1, today), "yesterday");
  assert_words (cl_date_describe_day (today - 2, today), "2 days ago");
  assert_words (cl_date_describe_day (today - 6, today), "6 days ago");
  /* a week back and more, or a day to come: the day itself */
  assert_words (cl_date_describe_day (today - 7, today), "22 November 2026");
  assert_words (cl_date_describe_day (cl_date_from_ymd (2025, 3, 4), today), "4 March 2025");
  assert_words (cl_date_describe_day (today + 1, today), "30 November 2026");
  assert_words (cl_date_format_words (today), "29 November 2026");
  assert_words (cl_date_format_month_words (today), "November 2026");
}

static void
test_describe_moment (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_offset (3600);
  g_autoptr (GTimeZone) new_york = g_time_zone_new_offset (-5 * 3600);
  g_autoptr (GDateTime) evening = g_date_time_new (berlin, 2026, 11, 29, 21, 30, 0);
  g_autoptr (GDateTime) late = g_date_time_new (new_york, 2026, 11, 28, 23, 0, 0);

  /* said in the user's zone, not as stamped in UTC */
  assert_words (cl_date_describe_moment ("2026-11-29T16:08:44Z", evening), "today at 17:08");
  assert_words (cl_date_describe_moment ("2026-11-28T23:30:00Z", evening), "today at 00:30");
  assert_words (cl_date_describe_moment ("2026-11-28T22:59:00Z", evening), "yesterday");
  assert_words (cl_date_describe_moment ("2026-11-26T09:00:00Z", evening), "3 days ago");
  assert_words (cl_date_describe_moment ("2026-10-01T09:00:00Z", evening), "1 October 2026");
  /* the next day in UTC is still today in New York */
  assert_words (cl_date_describe_moment ("2026-11-29T02:15:00Z", late), "today at 21:15");
  /* a stamp with its own zone, and one that is no stamp */
  assert_words (cl_date_describe_moment ("2026-11-29T18:08:00+02:00", evening), "today at 17:08");
  assert_words (cl_date_describe_moment ("last Tuesday", evening), "last Tuesday");
}

/* A day, a week, a month and a quarter are written as the store keys
 * them, digits only: a sign or a space before the year is no year. */
static void
test_parse_periods (void)
{
  static const char * const not_months[] = { "+202-10", " 202-10", "2026-+1", "2026- 1", "2026-13", "2026-1",
                                             "20261-01", "" };
  static const char * const not_quarters[] = { "+202-Q4", " 202-Q4", "2026-Q5", "2026-Q0", "2026Q4", "" };
  static const char * const not_weeks[] = { "+202-W47", " 202-W47", "2026-W+7", "2026-W54", "2026-W00", "2026-W4", "" };
  ClDay first, last, monday;

  g_assert_true (cl_date_parse_month ("2026-10", &first, &last));
  g_assert_cmpint (first, ==, cl_date_from_ymd (2026, 10, 1));
  g_assert_cmpint (last, ==, cl_date_from_ymd (2026, 10, 31));
  g_assert_true (cl_date_parse_quarter ("2026-Q4", &first, &last));
  g_assert_cmpint (first, ==, cl_date_from_ymd (2026, 10, 1));
  g_assert_cmpint (last, ==, cl_date_from_ymd (2026, 12, 31));
  g_assert_true (cl_date_parse_iso_week ("2026-W47", &monday));
  g_assert_cmpint (monday, ==, cl_date_from_ymd (2026, 11, 16));
  g_assert_true (cl_date_parse ("2026-11-16", &first));
  g_assert_cmpint (first, ==, monday);
  g_assert_false (cl_date_parse ("+026-11-16", &first));
  g_assert_false (cl_date_parse ("2026-11-16 ", &first));
  for (guint i = 0; i < G_N_ELEMENTS (not_weeks); i++)
    {
      g_test_message ("week \"%s\"", not_weeks[i]);
      g_assert_false (cl_date_parse_iso_week (not_weeks[i], &monday));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_months); i++)
    {
      g_test_message ("month \"%s\"", not_months[i]);
      g_assert_false (cl_date_parse_month (not_months[i], NULL, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_quarters); i++)
    {
      g_test_message ("quarter \"%s\"", not_quarters[i]);
      g_assert_false (cl_date_parse_quarter (not_quarters[i], NULL, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/describe-day", test_describe_day);
  g_test_add_func ("/date/describe-moment", test_describe_moment);
  g_test_add_func ("/date/parse-periods", test_parse_periods);
  return g_test_run ();
}
