/* fuzz-csv.c — libFuzzer target: any bytes as a CRM's deals export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What "check a file without importing it" runs: the CSV reader, the
 * layout detected (auto and each CRM's), every row read and checked as the
 * import would (amounts, dates with the whole column deciding the order,
 * probabilities, won/lost), and the mapping kept by its column names and
 * read back; then a mapping by hand that gives every field a column, in
 * turn, and every value of every column through the value parsers; the
 * stage column's values placed in an empty process and the same bytes as
 * a stages file over that plan; the file as an account export. Nothing
 * may crash, leak or read out of bounds (ASan and UBSan watch it), and a
 * date read must be one the workspace can keep: ISO text that reads back.
 *
 * The same function is the body of the fuzzer (with -fsanitize=fuzzer) and
 * of the replay test (fuzz-replay.c), which feeds it every input that ever
 * failed, in every build.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cl-crm-layout.h"
#include "cl-csv-values.h"
#include "cl-deal-import.h"
#include "fuzz-findings.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* cells sent through the value parsers one by one, at most */
#define MAX_CELLS 4096

static void
check_rows (const ClCsv        *csv,
            const ClCrmMapping *mapping)
{
  g_autoptr (GError) error = NULL;
  ClImportOptions options;
  ClImportReport report;
  gboolean ok;

  cl_import_report_init (&report);
  /* the day the export was taken: fixed, so a run does what it did before */
  cl_import_options_init (&options, cl_date_from_ymd (2026, 11, 23));
  ok = cl_deal_import_check (csv, mapping, &options, &report, &error);
  g_assert (ok == (error == NULL));
  g_assert (report.n_rows == csv->rows->len);
  g_assert (!ok || report.problems->len <= csv->rows->len);
  for (guint i = 0; i < report.problems->len; i++)
    {
      const ClImportProblem *problem = g_ptr_array_index (report.problems, i);

      g_assert (problem->reason != NULL && g_utf8_validate (problem->reason, -1, NULL));
    }
  cl_import_report_clear (&report);
}

/* The mapping kept by column names and read back finds the same names. */
static void
round_trip (const ClCsv        *csv,
            const ClCrmMapping *mapping)
{
  g_autofree char *text = cl_crm_mapping_to_text (mapping, csv);
  ClCrmMapping back;

  if (!cl_crm_mapping_from_text (text, csv, &back))
    return;
  check_rows (csv, &back);
}

/* The stage column's values placed in an empty process, each explained;
 * the same bytes as the stages file that orders them. */
static void
plan_stages (const ClCsv        *csv,
             const ClCrmMapping *mapping,
             const uint8_t      *data,
             size_t              size)
{
  g_autoptr (GListStore) none = g_list_store_new (CL_TYPE_STAGE);
  g_autoptr (ClStagePlan) plan = cl_stage_plan_new (G_LIST_MODEL (none));
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) unknown = NULL;
  int stage = mapping->columns[CL_CRM_FIELD_STAGE];

  for (guint r = 0; r < csv->rows->len; r++)
    {
      const ClCsvRow *row = g_ptr_array_index (csv->rows, r);

      if ((guint) stage < row->n_fields && row->fields[stage][0] != '\0')
        /* probabilities from none (-1) to 100, so ties and orders both happen */
        cl_stage_plan_observe (plan, row->fields[stage], cl_stage_name_is_closing (row->fields[stage]),
                               (int) (r % 102) - 1, 0);
    }
  cl_stage_plan_place (plan);
  for (guint i = 0; i < cl_stage_plan_get_n_values (plan); i++)
    {
      g_autofree char *explained = cl_stage_plan_explain (plan, i);

      g_assert (g_utf8_validate (explained, -1, NULL));
      g_assert (cl_stage_plan_get_position (plan, i) <= cl_stage_plan_get_n_stages (plan));
    }
  unknown = cl_stage_plan_get_ambiguous (plan);
  if (!cl_stage_plan_order_from_text (plan, (const char *) data, size, "stages.txt", &error))
    g_assert (error != NULL);
}

/* Every value of every column as an amount and as a date, the order
 * decided by the column as the import decides it. */
static void
parse_values (const ClCsv *csv)
{
  guint cells = 0;

  for (guint c = 0; c < csv->n_columns && cells < MAX_CELLS; c++)
    {
      g_autofree const char **values = g_new0 (const char *, csv->rows->len + 1);
      ClDateOrder order = CL_DATE_ORDER_ISO;
      gboolean guessed = FALSE, consistent;
      guint bad = 0;

      for (guint r = 0; r < csv->rows->len; r++)
        {
          const ClCsvRow *row = g_ptr_array_index (csv->rows, r);

          values[r] = c < row->n_fields ? row->fields[c] : NULL;
        }
      consistent = cl_csv_date_order (values, csv->rows->len, &order, &guessed, &bad);
      g_assert (consistent || bad < csv->rows->len);
      for (guint r = 0; r < csv->rows->len && cells < MAX_CELLS; r++, cells++)
        {
          g_autofree char *currency = NULL;
          gint64 cents = 0;
          ClDay day = 0;

          if (values[r] == NULL)
            continue;
          if (!cl_csv_parse_amount (values[r], &cents, &currency))
            g_assert (currency == NULL);
          /* a date the import takes is kept as ISO text: it must read back */
          if (cl_csv_parse_date (values[r], order, &day))
            {
              g_autofree char *iso = cl_date_format (day);
              ClDay back = 0;

              g_assert (cl_date_parse (iso, &back) && back == day);
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ClCsv) csv = NULL;
  ClCrmMapping mapping;

  fuzz_warnings_are_findings ();
  csv = cl_csv_parse ((const char *) data, size, "fuzz.csv", &error);

  g_assert ((csv == NULL) != (error == NULL));
  if (csv == NULL)
    return 0;
  g_assert (csv->n_columns > 0 && g_strv_length (csv->header) == csv->n_columns);
  for (guint r = 0; r < csv->rows->len; r++)
    {
      const ClCsvRow *row = g_ptr_array_index (csv->rows, r);

      g_assert (row->n_fields > 0 && g_strv_length (row->fields) == row->n_fields);
    }

  /* the layouts Closeloop knows, detected as the import does */
  for (int kind = CL_CRM_AUTO; kind < CL_CRM_CUSTOM; kind++)
    {
      g_autoptr (GError) detect_error = NULL;

      if (!cl_crm_mapping_detect (csv, kind, &mapping, &detect_error))
        {
          g_assert (detect_error != NULL);
          continue;
        }
      g_assert (mapping.columns[CL_CRM_FIELD_NAME] >= 0 && mapping.columns[CL_CRM_FIELD_STAGE] >= 0);
      check_rows (csv, &mapping);
      if (kind == CL_CRM_AUTO)
        {
          round_trip (csv, &mapping);
          plan_stages (csv, &mapping, data, size);
        }
    }
  /* an account export beside the deals: ids and names, or refused */
  {
    g_autoptr (GError) accounts_error = NULL;
    g_autoptr (GHashTable) accounts = cl_crm_accounts_read (csv, &accounts_error);

    g_assert ((accounts == NULL) != (accounts_error == NULL));
  }

  /* columns mapped by hand: field f reads column f, wrapping around */
  mapping.kind = CL_CRM_CUSTOM;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    mapping.columns[f] = f % csv->n_columns;
  check_rows (csv, &mapping);
  round_trip (csv, &mapping);

  parse_values (csv);
  return 0;
}
