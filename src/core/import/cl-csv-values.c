/* cl-csv-values.c — money and dates as spreadsheets and CRMs write them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cl-csv-values.h"

static const struct { const char *symbol; const char *code; } currency_symbols[] = {
  { "US$", "USD" }, { "$", "USD" }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" }, { "\xC2\xA5", "JPY" },
  { "\xE2\x82\xB9", "INR" }, { "CHF", "CHF" }, { "kr", "SEK" },
};

/* Takes a currency symbol or a three-letter code off either end of @text. */
static char *
take_currency (GString *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_symbols); i++)
    {
      gsize n = strlen (currency_symbols[i].symbol);

      if (text->len >= n && strncmp (text->str, currency_symbols[i].symbol, n) == 0)
        {
          g_string_erase (text, 0, n);
          return g_strdup (currency_symbols[i].code);
        }
      if (text->len >= n && strcmp (text->str + text->len - n, currency_symbols[i].symbol) == 0)
        {
          g_string_truncate (text, text->len - n);
          return g_strdup (currency_symbols[i].code);
        }
    }
  if (text->len > 3 && g_ascii_isupper (text->str[0]) && g_ascii_isupper (text->str[1])
      && g_ascii_isupper (text->str[2]) && !g_ascii_isalpha (text->str[3]))
    {
      char *code = g_strndup (text->str, 3);

      g_string_erase (text, 0, 3);
      return code;
    }
  if (text->len > 3 && g_ascii_isupper (text->str[text->len - 1]) && g_ascii_isupper (text->str[text->len - 2])
      && g_ascii_isupper (text->str[text->len - 3]) && !g_ascii_isalpha (text->str[text->len - 4]))
    {
      char *code = g_strdup (text->str + text->len - 3);

      g_string_truncate (text, text->len - 3);
      return code;
    }
  return NULL;
}

/* Drops spaces (plain, no-break, narrow no-break) and apostrophes: they only
 * group thousands. */
static void
drop_group_marks (GString *text)
{
  static const char * const marks[] = { "\xC2\xA0", "\xE2\x80\xAF", " ", "'" };

  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    {
      const char *found;

      while ((found = strstr (text->str, marks[m])) != NULL)
        g_string_erase (text, found - text->str, strlen (marks[m]));
    }
}

/**
 * cl_csv_parse_amount:
 * @text: an amount as a CRM or a spreadsheet writes it
 * @cents: (out): return location for the amount, in cents, rounded half up at
 *   the cent
 * @currency: (out) (optional) (nullable) (transfer full): return location for
 *   the ISO code of the currency the text names (by code or symbol), or %NULL
 *   when it names none
 *
 * Reads "$1,234.50", "1.234,50 €", "EUR 1 234,50", "(1,200)" or "-5". With
 * both separators, the last is the decimal one; one separator used once and
 * followed by exactly three digits groups thousands (unless after a lone 0).
 * Spaces, no-break spaces and apostrophes are dropped as group marks. An
 * amount too large for cents saturates to %G_MAXINT64 (or %G_MININT64).
 *
 * Returns: %TRUE when @text is an amount; %FALSE otherwise, with @cents and
 *   @currency untouched
 */
gboolean
cl_csv_parse_amount (const char  *text,
                     gint64      *cents,
                     char       **currency)
{
  g_autoptr (GString) s = g_string_new (text);
  g_autofree char *code = NULL;
  const char *last_dot, *last_comma, *decimal = NULL;
  gboolean negative = FALSE;
  gint64 whole = 0, fraction = 0;
  int fraction_digits = 0;
  int group = 0;            /* digits since the last mark; -1 past the decimal one */
  gboolean grouped = FALSE;
  gboolean too_large = FALSE;

  g_strstrip (s->str);
  g_string_set_size (s, strlen (s->str));
  if (s->len >= 2 && s->str[0] == '(' && s->str[s->len - 1] == ')')
    {
      negative = TRUE;
      g_string_erase (s, 0, 1);
      g_string_truncate (s, s->len - 1);
    }
  if (s->len > 0 && s->str[0] == '-')
    negative = TRUE, g_string_erase (s, 0, 1);
  code = take_currency (s);
  drop_group_marks (s);
  if (s->len > 0 && s->str[0] == '-')
    {
      if (negative)
        return FALSE;
      negative = TRUE, g_string_erase (s, 0, 1);
    }
  if (s->len == 0)
    return FALSE;

  last_dot = strrchr (s->str, '.');
  last_comma = strrchr (s->str, ',');
  if (last_dot && last_comma)
    decimal = MAX (last_dot, last_comma);
  else if (last_dot || last_comma)
    {
      const char *mark = last_dot ? last_dot : last_comma;
      char kind = *mark;
      int count = 0;

      for (const char *c = s->str; *c; c++)
        count += *c == kind;
      /* once, and not followed by exactly three digits (or after a lone 0):
       * a decimal mark */
      if (count == 1 && (strlen (mark + 1) != 3 || (mark == s->str + 1 && s->str[0] == '0')))
        decimal = mark;
    }
  for (const char *c = s->str; *c; c++)
    {
      if (c == decimal || *c == '.' || *c == ',')
        {
          /* groups of thousands are three digits after the first */
          if ((decimal != NULL && c > decimal) || group == 0 || (grouped && group != 3)
              || (!grouped && c != decimal && group > 3))
            return FALSE;
          grouped |= c != decimal;
          group = c == decimal ? -1 : 0;
          continue;
        }
      if (group >= 0)
        group++;
      if (!g_ascii_isdigit (*c))
        return FALSE;
      if (decimal != NULL && c > decimal)
        {
          if (fraction_digits < 2)
            fraction = fraction * 10 + (*c - '0'), fraction_digits++;
          else if (fraction_digits == 2 && *c >= '5')
            fraction++, fraction_digits++;   /* rounds half up at the cent */
          continue;
        }
      /* past what cents can hold: still read to the end, then saturated */
      too_large |= whole > (G_MAXINT64 / 100 - 10) / 10;
      if (!too_large)
        whole = whole * 10 + (*c - '0');
    }
  if (group >= 0 && grouped && group != 3)
    return FALSE;
  while (fraction_digits < 2)
    fraction *= 10, fraction_digits++;
  if (too_large)
    *cents = negative ? G_MININT64 : G_MAXINT64;
  else
    *cents = (whole * 100 + fraction) * (negative ? -1 : 1);
  if (currency != NULL)
    *currency = g_steal_pointer (&code);
  return TRUE;
}

/**
 * cl_csv_parse_percent:
 * @text: text such as "40", "40 %" or "12.5"
 * @percent: (out): return location for the percentage, rounded
 *
 * Returns: %TRUE when @text is a number from 0 to 100, optionally followed by
 *   '%'; %FALSE for anything else
 */
gboolean
cl_csv_parse_percent (const char *text,
                      int        *percent)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end == '%')
    end++;
  /* also what a cast to int could not hold: nan, 1e300 */
  if (*end != '\0' || !isfinite (value) || value < 0 || value > 100)
    return FALSE;
  *percent = (int) round (value);
  return TRUE;
}

/* ------------------------------------------------------------------ dates */

/* A number of one to @max_digits digits at *@p, which moves past it. */
static gboolean
take_number (const char **p,
             int          max_digits,
             int         *out,
             int         *out_digits)
{
  int digits = 0;

  *out = 0;
  while (g_ascii_isdigit (**p) && digits < max_digits)
    *out = *out * 10 + (*(*p)++ - '0'), digits++;
  if (out_digits != NULL)
    *out_digits = digits;
  return digits > 0 && !g_ascii_isdigit (**p);
}

/* The day, month (in either order) and year of a non-ISO date, with the
 * separator, or FALSE: one or two digits, then one or two, then a year of
 * two or four digits (no year of five digits wraps into this century). */
static gboolean
split_date (const char *text,
            int         parts[3],
            char       *separator)
{
  const char *p = text;
  int year_digits = 0;
  char sep;

  if (!take_number (&p, 2, &parts[0], NULL) || (*p != '/' && *p != '.' && *p != '-'))
    return FALSE;
  sep = *p++;
  if (!take_number (&p, 2, &parts[1], NULL) || *p++ != sep || !take_number (&p, 4, &parts[2], &year_digits)
      || (year_digits != 2 && year_digits != 4))
    return FALSE;
  /* a time may follow */
  if (*p != '\0' && *p != ' ' && *p != 'T')
    return FALSE;
  *separator = sep;
  return TRUE;
}

static gboolean
is_iso (const char *text)
{
  return strlen (text) >= 10 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3]) && text[4] == '-'
         && text[7] == '-' && (text[10] == '\0' || text[10] == 'T' || text[10] == ' ');
}

/**
 * cl_csv_date_order:
 * @values: (array length=n_values): the values of one column; unset and empty
 *   values, ISO dates and values that are not dates are skipped
 * @n_values: the number of @values
 * @order: (out): return location for the order of the column
 * @guessed: (out): return location for whether nothing in the column told the
 *   order
 * @bad: (out): return location for the index of the value that contradicts the
 *   others; set only when %FALSE is returned
 *
 * How a whole column writes its dates: a day above 12 in the first place means
 * day first, in the second place month first. A column where nothing tells is
 * read month first with slashes and day first with dots or dashes, and
 * @guessed says so; a column of only ISO dates (or none) is
 * %CL_DATE_ORDER_ISO.
 *
 * Returns: %TRUE, or %FALSE when the column has both days first and months
 *   first
 */
gboolean
cl_csv_date_order (const char * const *values,
                   guint               n_values,
                   ClDateOrder        *order,
                   gboolean           *guessed,
                   guint              *bad)
{
  gboolean day_first = FALSE, month_first = FALSE, iso = FALSE;
  char separator = 0;

  *guessed = FALSE;
  for (guint i = 0; i < n_values; i++)
    {
      int parts[3];
      char sep;

      if (values[i] == NULL || *values[i] == '\0')
        continue;
      if (is_iso (values[i]))
        {
          iso = TRUE;
          continue;
        }
      if (!split_date (values[i], parts, &sep))
        continue;
      separator = sep;
      day_first |= parts[0] > 12;
      month_first |= parts[1] > 12;
      if (day_first && month_first)
        {
          *bad = i;
          return FALSE;
        }
    }
  if (separator == 0)
    *order = CL_DATE_ORDER_ISO;
  else if (day_first || month_first)
    *order = day_first ? CL_DATE_ORDER_DMY : CL_DATE_ORDER_MDY;
  else
    {
      *order = separator == '/' ? CL_DATE_ORDER_MDY : CL_DATE_ORDER_DMY;
      *guessed = TRUE;
    }
  (void) iso;
  return TRUE;
}

/**
 * cl_csv_parse_date:
 * @text: (nullable): a date from a CSV file
 * @order: how the column writes day and month (see cl_csv_date_order ());
 *   every order but %CL_DATE_ORDER_MDY reads day first
 * @day: (out): return location for the day
 *
 * Reads an ISO date ("2026-11-23", a time after it ignored) whatever @order,
 * or day and month in @order with '/', '.' or '-' between them and a year of
 * two (20xx) or four digits, optionally followed by a time after a space or a
 * 'T'.
 *
 * Returns: %TRUE when @text is such a date and it exists; %FALSE otherwise,
 *   also for %NULL
 */
gboolean
cl_csv_parse_date (const char  *text,
                   ClDateOrder  order,
                   ClDay       *day)
{
  int parts[3], year, month, mday;
  char separator;
  char iso[11];

  if (text == NULL)
    return FALSE;
  if (is_iso (text))
    {
      memcpy (iso, text, 10);
      iso[10] = '\0';
      return cl_date_parse (iso, day);
    }
  if (!split_date (text, parts, &separator))
    return FALSE;
  if (order == CL_DATE_ORDER_MDY)
    month = parts[0], mday = parts[1];
  else
    mday = parts[0], month = parts[1];
  year = parts[2] < 100 ? 2000 + parts[2] : parts[2];
  if (month < 1 || month > 12 || mday < 1 || mday > 31 || !g_date_valid_dmy (mday, month, year))
    return FALSE;
  *day = cl_date_from_ymd (year, month, mday);
  return TRUE;
}
