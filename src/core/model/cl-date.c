/* cl-date.c — ISO dates, weeks, months and quarters; the settable clock
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-date.h"

/* ------------------------------------------------------------------ clock */

/**
 * cl_date_today:
 * Today, from the local clock. $CLOSELOOP_TODAY, when set to an ISO date, pins
 * it instead, so that date rules and the demo generator are reproducible in
 * tests and screenshots.
 *
 * Returns: today as a #ClDay (a julian day number)
 */
ClDay
cl_date_today (void)
{
  const char *pinned = g_getenv ("CLOSELOOP_TODAY");
  ClDay day;
  g_autoptr (GDateTime) now = NULL;

  if (pinned != NULL && cl_date_parse (pinned, &day))
    return day;

  now = g_date_time_new_now_local ();
  return cl_date_from_ymd (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

/* ------------------------------------------------------------------ days */

/**
 * cl_date_from_ymd:
 * @year: the year, 1 to 9999
 * @month: the month, 1 to 12
 * @day: the day of the month, from 1
 *
 * The julian day number of a calendar date.
 *
 * Returns: the day, or 0 when the date does not exist or its year is outside
 *   1–9999
 */
ClDay
cl_date_from_ymd (int year,
                  int month,
                  int day)
{
  GDate date;

  /* GDate's years are 16 bits: 67562 would pass as 2026 */
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/**
 * cl_date_to_ymd:
 * @day: a valid day (not 0)
 * @year: (out): return location for the year
 * @month: (out): return location for the month, 1 to 12
 * @mday: (out): return location for the day of the month
 *
 * Splits @day into its calendar date. An invalid @day is a programming error:
 * it is reported and the out-parameters are left unset.
 */
void
cl_date_to_ymd (ClDay day,
                int  *year,
                int  *month,
                int  *mday)
{
  GDate date;

  g_return_if_fail (g_date_valid_julian (day));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *mday = g_date_get_day (&date);
}

/**
 * cl_date_weekday:
 * @day: a valid day
 *
 * Returns: the ISO weekday of @day: 1 for Monday to 7 for Sunday
 */
int
cl_date_weekday (ClDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date);
}

/* Reads @text laid out as @layout, nothing after: a 'd' there is an ASCII
 * digit here (no sign, no space), any other character itself. The numbers
 * the other characters part go to @parts, at most three. Stops at the first
 * character that differs, so at the text's end too. */
static gboolean
read_layout (const char *text,
             const char *layout,
             int         parts[3])
{
  int part = 0, i;
  gboolean in_number = FALSE;

  parts[0] = parts[1] = parts[2] = 0;
  for (i = 0; layout[i] != '\0'; i++)
    {
      if (layout[i] == 'd' && g_ascii_isdigit (text[i]))
        {
          parts[part] = parts[part] * 10 + (text[i] - '0');
          in_number = TRUE;
        }
      else if (layout[i] != 'd' && text[i] == layout[i])
        {
          part += in_number;
          in_number = FALSE;
        }
      else
        return FALSE;
    }
  return text[i] == '\0';
}

/**
 * cl_date_parse:
 * @iso: (nullable): an ISO date, "2026-11-23"
 * @out_day: (out): return location for the day
 *
 * Reads a date as the store and documents write it: exactly four digits, a
 * dash, two digits, a dash, two digits, nothing before or after. Written by
 * hand for speed, not with sscanf ().
 *
 * Returns: %TRUE when @iso is such a date and it exists; %FALSE for %NULL,
 *   another layout or a date that does not exist
 */
gboolean
cl_date_parse (const char *iso,
               ClDay      *out_day)
{
  int parts[3];

  /* by hand, not with sscanf (): rewinding a large team's history parses
   * a million days, and sscanf () was a fifth of that time */
  if (iso == NULL || !read_layout (iso, "dddd-dd-dd", parts))
    return FALSE;
  *out_day = cl_date_from_ymd (parts[0], parts[1], parts[2]);
  return *out_day != 0;
}

/**
 * cl_date_format_into:
 * @day: a valid day
 * @buf: (out caller-allocates) (array fixed-size=11): a buffer of 11 bytes
 *
 * Writes @day as an ISO date ("2026-11-23") and its NUL into @buf, without
 * allocating.
 */
void
cl_date_format_into (ClDay day,
                     char  buf[11])
{
  int y = 0, m = 0, d = 0;

  cl_date_to_ymd (day, &y, &m, &d);
  /* digit by digit: dates are written for every row of an import */
  y = CLAMP (y, 0, 9999);
  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = buf[7] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = '\0';
}

/**
 * cl_date_format:
 * @day: a valid day
 *
 * Returns: (transfer full): @day as an ISO date, "2026-11-23"
 */
char *
cl_date_format (ClDay day)
{
  char buf[11];

  cl_date_format_into (day, buf);
  return g_strdup (buf);
}

/* ------------------------------------------------------------------ weeks */

/**
 * cl_date_iso_week:
 * @day: a valid day
 *
 * The ISO 8601 week holding @day; its year is the year of the week's Thursday,
 * which around New Year differs from @day's.
 *
 * Returns: (transfer full): the week, "2026-W47"
 */
char *
cl_date_iso_week (ClDay day)
{
  GDate date;

  /* the ISO week-year is the year of the week's Thursday */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day + 4 - cl_date_weekday (day));
  return g_strdup_printf ("%04d-W%02u", g_date_get_year (&date),
                          g_date_get_iso8601_week_of_year (&date));
}

/**
 * cl_date_parse_iso_week:
 * @week: (nullable): an ISO week, "2026-W47"
 * @out_monday: (out): return location for the week's Monday
 *
 * Returns: %TRUE when @week is written so and its year has that week (week 53
 *   only in long years); %FALSE otherwise, also for %NULL
 */
gboolean
cl_date_parse_iso_week (const char *week,
                        ClDay      *out_monday)
{
  int parts[3], w;
  ClDay jan4, monday;
  g_autofree char *check = NULL;

  if (week == NULL || !read_layout (week, "dddd-Wdd", parts) || (w = parts[1]) < 1 || w > 53)
    return FALSE;
  jan4 = cl_date_from_ymd (parts[0], 1, 4);
  if (jan4 == 0)
    return FALSE;
  monday = jan4 - (cl_date_weekday (jan4) - 1) + (ClDay) (w - 1) * 7;
  check = cl_date_iso_week (monday);
  if (g_strcmp0 (check, week) != 0)
    return FALSE;
  *out_monday = monday;
  return TRUE;
}

/* ------------------------------------------------------------------ months and quarters */

/**
 * cl_date_month:
 * @day: a valid day
 *
 * Returns: (transfer full): the month of @day, "2026-11"
 */
char *
cl_date_month (ClDay day)
{
  int y, m, d;

  cl_date_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d", y, m);
}

/**
 * cl_date_add_months:
 * @day: a valid day
 * @months: how many months to go forward; negative to go back
 *
 * The first day of the month @months after (or, negative, before) the month of
 * @day.
 *
 * Returns: that first day, or 0 when it falls outside the years 1–9999
 */
ClDay
cl_date_add_months (ClDay day,
                    int   months)
{
  int y, m, d;
  int index;

  cl_date_to_ymd (day, &y, &m, &d);
  index = y * 12 + (m - 1) + months;
  return cl_date_from_ymd (index / 12, index % 12 + 1, 1);
}

static gboolean
month_span (int    year,
            int    first_month,
            int    months,
            ClDay *out_first,
            ClDay *out_last)
{
  int end_month = first_month + months;
  int end_year = year + (end_month - 1) / 12;
  ClDay first = cl_date_from_ymd (year, first_month, 1);

  end_month = (end_month - 1) % 12 + 1;
  if (out_first != NULL)
    *out_first = first;
  if (out_last != NULL)
    *out_last = cl_date_from_ymd (end_year, end_month, 1) - 1;
  return first != 0;
}

/**
 * cl_date_parse_month:
 * @month: (nullable): a month, "2026-11"
 * @out_first: (out) (optional): return location for its first day
 * @out_last: (out) (optional): return location for its last day
 *
 * Returns: %TRUE when @month is a month; %FALSE otherwise, also for %NULL
 */
gboolean
cl_date_parse_month (const char *month,
                     ClDay      *out_first,
                     ClDay      *out_last)
{
  int parts[3];

  if (month == NULL || !read_layout (month, "dddd-dd", parts) || parts[1] < 1 || parts[1] > 12 || parts[0] < 1)
    return FALSE;
  return month_span (parts[0], parts[1], 1, out_first, out_last);
}

/**
 * cl_date_quarter:
 * @day: a valid day
 *
 * The quarter of @day, as the store and documents key it;
 * cl_date_format_quarter_words () is its title.
 *
 * Returns: (transfer full): the quarter, "2026-Q4"
 */
char *
cl_date_quarter (ClDay day)
{
  int y, m, d;

  cl_date_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
}

/**
 * cl_date_parse_quarter:
 * @quarter: (nullable): a quarter, "2026-Q4"
 * @out_first: (out) (optional): return location for its first day
 * @out_last: (out) (optional): return location for its last day
 *
 * Returns: %TRUE when @quarter is a quarter; %FALSE otherwise, also for %NULL
 */
gboolean
cl_date_parse_quarter (const char *quarter,
                       ClDay      *out_first,
                       ClDay      *out_last)
{
  int parts[3];

  if (quarter == NULL || !read_layout (quarter, "dddd-Qd", parts) || parts[1] < 1 || parts[1] > 4 || parts[0] < 1)
    return FALSE;
  return month_span (parts[0], (parts[1] - 1) * 3 + 1, 3, out_first, out_last);
}

/**
 * cl_date_parse_period:
 * @period: (nullable): a quarter ("2026-Q4"), a month ("2026-11") or an ISO
 *   week ("2026-W47")
 * @out_first: (out) (optional): return location for the period's first day
 * @out_last: (out) (optional): return location for its last day
 *
 * The first and last day of a period; a week runs Monday to Sunday.
 *
 * Returns: %TRUE when @period is one of the three; %FALSE otherwise, also for
 *   %NULL
 */
gboolean
cl_date_parse_period (const char *period,
                      ClDay      *out_first,
                      ClDay      *out_last)
{
  ClDay first = 0;

  if (cl_date_parse_quarter (period, out_first, out_last) || cl_date_parse_month (period, out_first, out_last))
    return TRUE;
  if (!cl_date_parse_iso_week (period, &first))
    return FALSE;
  if (out_first != NULL)
    *out_first = first;
  if (out_last != NULL)
    *out_last = first + 6;
  return TRUE;
}

/* ------------------------------------------------------------------ in words */

/* a day this many days back or less is said as "N days ago" */
#define DAYS_AGO_MAX 6

/* @day as g_date_time_format () writes @format; the first of its month
 * for a month's name. */
static char *
format_in_words (ClDay       day,
                 gboolean    month_only,
                 const char *format)
{
  g_autoptr (GDateTime) date = NULL;
  int year, month, mday;

  if (!g_date_valid_julian (day))
    return g_strdup ("");
  cl_date_to_ymd (day, &year, &month, &mday);
  date = g_date_time_new_utc (year, month, month_only ? 1 : mday, 0, 0, 0);
  return g_date_time_format (date, format);
}

/**
 * cl_date_format_words:
 * @day: a day
 *
 * @day in words, translated, the month named as the locale names it.
 *
 * Returns: (transfer full): the text, "29 November 2026"; empty for an invalid
 *   day
 */
char *
cl_date_format_words (ClDay day)
{
  /* Translators: a day in words, as g_date_time_format () writes it:
   * "29 November 2026" */
  return format_in_words (day, FALSE, _("%-d %B %Y"));
}

/**
 * cl_date_format_month_words:
 * @day: a day
 *
 * The month of @day in words, as a title (the month's name as it stands alone
 * in the locale).
 *
 * Returns: (transfer full): the text, "November 2026"; empty for an invalid
 *   day
 */
char *
cl_date_format_month_words (ClDay day)
{
  /* Translators: a month in words, as g_date_time_format () writes it; %OB
   * is the month's name standing alone: "November 2026" */
  return format_in_words (day, TRUE, _("%OB %Y"));
}

/**
 * cl_date_format_quarter_words:
 * @day: a valid day
 *
 * The quarter of @day as a title, translated; cl_date_quarter () is its key in
 * the store and in documents.
 *
 * Returns: (transfer full): the text, "Q4 2026"
 */
char *
cl_date_format_quarter_words (ClDay day)
{
  int y, m, d;

  cl_date_to_ymd (day, &y, &m, &d);
  /* Translators: a quarter as a title, its number then its year: "Q4 2026" */
  return g_strdup_printf (_("Q%d %d"), (m - 1) / 3 + 1, y);
}

/**
 * cl_date_describe_day:
 * @day: the day to describe
 * @today: the day it is described from
 *
 * How long ago @day was as of @today, as people say it: "today", "yesterday",
 * "3 days ago" up to six days back, else the day in words (as
 * cl_date_format_words () writes it), also for a day after @today.
 *
 * Returns: (transfer full): the translated text
 */
char *
cl_date_describe_day (ClDay day,
                      ClDay today)
{
  if (day == today)
    return g_strdup (_("today"));
  if (day + 1 == today)
    return g_strdup (_("yesterday"));
  if (day < today && today - day <= DAYS_AGO_MAX)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day ago", "%u days ago", today - day),
                            today - day);
  return cl_date_format_words (day);
}

static ClDay
day_of (GDateTime *moment)
{
  return cl_date_from_ymd (g_date_time_get_year (moment), g_date_time_get_month (moment),
                           g_date_time_get_day_of_month (moment));
}

/**
 * cl_date_describe_moment:
 * @stamp: (nullable): an ISO 8601 moment as exports stamp them,
 *   "2026-11-29T16:08:44Z"; one without a zone is read as UTC
 * @now: the current moment; its time zone is the one used
 *
 * @stamp in words, in the time zone of @now: "today at 17:08" when it falls on
 *   @now's day, else its day as cl_date_describe_day () says it. A stamp that
 *   cannot be read is returned as it is; a %NULL @stamp gives an empty string.
 *
 * Returns: (transfer full): the translated text
 */
char *
cl_date_describe_moment (const char *stamp,
                         GDateTime  *now)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) moment = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (now != NULL, NULL);
  if (stamp == NULL)
    return g_strdup ("");
  /* a stamp without a zone is UTC, as exports write them */
  moment = g_date_time_new_from_iso8601 (stamp, utc);
  if (moment == NULL)
    return g_strdup (stamp);
  local = g_date_time_to_timezone (moment, g_date_time_get_timezone (now));
  if (day_of (local) != day_of (now))
    return cl_date_describe_day (day_of (local), day_of (now));
  /* Translators: a time of day, as g_date_time_format () writes it */
  time = g_date_time_format (local, _("%H:%M"));
  /* Translators: a moment earlier today, e.g. "today at 16:08" */
  return g_strdup_printf (_("today at %s"), time);
}
