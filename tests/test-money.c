/* test-money.c — amounts as people read them: grouped as their locale
 * groups thousands, never wrapped inside; and as documents carry them,
 * whatever the locale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cl-model.h"
#include "test-util.h"

/* cl_money_format (@cents, @currency) is @expected, with no space a line
 * could break at. */
static void
assert_money (ClCentsTotal  cents,
              const char   *currency,
              const char   *expected)
{
  g_autofree char *text = cl_money_format (cents, currency);

  g_assert_cmpstr (text, ==, expected);
  g_assert_null (strchr (text, ' '));
}

static void
test_c_locale (void)
{
  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  assert_money (125000000, "EUR", "1" NNBSP "250" NNBSP "000" NBSP "EUR");
  assert_money (99999, "USD", "999" NBSP "USD");
  assert_money (100000, "USD", "1" NNBSP "000" NBSP "USD");
  assert_money (0, "EUR", "0" NBSP "EUR");
  /* whole units: the cents are dropped, not rounded */
  assert_money (123499, NULL, "1" NNBSP "234");
  assert_money (-123456, "", "−1" NNBSP "234");
}

/* A locale's own separator, and a breaking space made a narrow
 * no-break one; skipped where the locale is not installed. */
static void
test_locale (gconstpointer data)
{
  const char * const *locale_and_expected = data;

  if (setlocale (LC_NUMERIC, locale_and_expected[0]) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the locale %s is not installed",
                                              locale_and_expected[0]);

      g_test_skip (why);
      return;
    }
  assert_money (125000000, "EUR", locale_and_expected[1]);
  setlocale (LC_NUMERIC, "C");
}

/* Documents' amounts are exact and the same in every locale. */
static void
test_exact (void)
{
  static const char * const locales[] = { "C", "de_DE.UTF-8", "fr_FR.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *whole = NULL;
      g_autofree char *below = NULL;

      if (setlocale (LC_NUMERIC, locales[i]) == NULL)
        continue;
      whole = cl_money_format_exact (125000050);
      below = cl_money_format_exact (-5);
      g_assert_cmpstr (whole, ==, "1250000.50");
      g_assert_cmpstr (below, ==, "-0.05");
    }
  setlocale (LC_NUMERIC, "C");
}

int
main (int argc, char **argv)
{
  static const char * const german[] = { "de_DE.UTF-8", "1.250.000" NBSP "EUR" };
  static const char * const french[] = { "fr_FR.UTF-8", "1" NNBSP "250" NNBSP "000" NBSP "EUR" };

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/c-locale", test_c_locale);
  g_test_add_data_func ("/money/dot-grouping", german, test_locale);
  g_test_add_data_func ("/money/space-grouping", french, test_locale);
  g_test_add_func ("/money/exact", test_exact);
  return g_test_run ();
}
