/* cl-deal-import.h — a CRM's deals export brought into the workspace, its
 * changes recorded as dated events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-crm-layout.h"
#include "cl-csv-values.h"
#include "cl-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;
  char  *reason;
} ClImportProblem;

typedef struct
{
  ClCrmKind    kind;
  guint        n_rows;
  guint        created;
  guint        updated;        /* rows that changed a deal */
  guint        unchanged;
  guint        n_events;       /* dated changes written */
  gboolean     dates_guessed;  /* a date column could be read either way */
  ClDateOrder  date_order;
  GPtrArray   *problems;       /* ClImportProblem, by line */
  GPtrArray   *stages_created; /* char *, names */
  GPtrArray   *reps_created;
  GPtrArray   *currencies_new;
  GPtrArray   *missing;        /* open deals of this CRM that the file does not have */
} ClImportReport;

void cl_import_report_init  (ClImportReport *report);
void cl_import_report_clear (ClImportReport *report);

/* Called every so many rows, and once at the end; 0–1. */
typedef void (*ClImportProgress) (double   fraction,
                                  gpointer user_data);

/* Reads and checks every row as cl_deal_import () would, writing nothing:
 * @report gets the rows that cannot be imported. FALSE when a date column
 * contradicts itself. */
gboolean cl_deal_import_check (const ClCsv         *csv,
                               const ClCrmMapping  *mapping,
                               ClDay                as_of,
                               ClImportReport      *report,
                               GError             **error);

/* The mapping kept under @name for files with these columns; see
 * cl_crm_mapping_to_text (). */
gboolean cl_crm_mapping_save  (ClStore             *store,
                               const char          *name,
                               const ClCrmMapping  *mapping,
                               const ClCsv         *csv,
                               GError             **error);
/* The names of the mappings kept that fit @csv's columns. */
GStrv    cl_crm_mapping_fitting (ClStore           *store,
                                 const ClCsv       *csv);
gboolean cl_crm_mapping_load  (ClStore             *store,
                               const char          *name,
                               const ClCsv         *csv,
                               ClCrmMapping        *mapping);

/* Imports the deals of @csv as @mapping reads them, as of @as_of: deals are
 * matched by the CRM's record id (by name and account when there is none),
 * and every changed stage, amount, close date, owner, next step and status
 * becomes an event dated @as_of. Unknown stages and owners are created.
 * Rows that cannot be read are listed in @report; with @import_good_rows
 * FALSE any such row refuses the whole import. One transaction: all or
 * nothing is written. */
gboolean cl_deal_import (ClStore             *store,
                         const ClCsv         *csv,
                         const ClCrmMapping  *mapping,
                         ClDay                as_of,
                         gboolean             import_good_rows,
                         ClImportProgress     progress,
                         gpointer             user_data,
                         ClImportReport      *report,
                         GError             **error);

G_END_DECLS
