/* cl-deal-import.h — a CRM's deals export brought into the workspace, its
 * changes recorded as dated events
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-crm-layout.h"
#include "cl-csv-values.h"
#include "cl-stage-plan.h"
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
  guint        id_fields;      /* bits (1 << ClCrmField): named by a column of ids, for want of names */
  guint        accounts_named; /* rows whose account id the Account export named */
  GPtrArray   *accounts_unnamed; /* account ids the Account export does not have, each once */
  guint        n_without_currency; /* rows whose amount gives no currency of its own */
} ClImportReport;

void cl_import_report_init  (ClImportReport *report);
void cl_import_report_clear (ClImportReport *report);

/* Called every so many rows, and once at the end; 0–1. */
typedef void (*ClImportProgress) (double   fraction,
                                  gpointer user_data);

typedef struct
{
  ClDay             as_of;            /* the day the export was taken: changes are dated so */
  gboolean          import_good_rows; /* FALSE: any row that cannot be read refuses the import */
  ClStagePlan      *stages;           /* (nullable): where the file's stages go; planned from the file
                                       * when NULL. One left UNKNOWN refuses the import. */
  GHashTable       *accounts;         /* (nullable): account ids' names, see cl_crm_accounts_read () */
  ClImportProgress  progress;         /* (nullable) */
  gpointer          user_data;
} ClImportOptions;

void cl_import_options_init (ClImportOptions *options,
                             ClDay            as_of);

gboolean cl_deal_import_check (const ClCsv            *csv,
                               const ClCrmMapping     *mapping,
                               const ClImportOptions  *options,
                               ClImportReport         *report,
                               GError                **error);

ClStagePlan *cl_deal_import_plan_stages (ClStore            *store,
                                         const ClCsv        *csv,
                                         const ClCrmMapping *mapping,
                                         GError            **error);

gboolean cl_crm_mapping_save  (ClStore             *store,
                               const char          *name,
                               const ClCrmMapping  *mapping,
                               const ClCsv         *csv,
                               GError             **error);
GStrv    cl_crm_mapping_fitting (ClStore           *store,
                                 const ClCsv       *csv);
gboolean cl_crm_mapping_load  (ClStore             *store,
                               const char          *name,
                               const ClCsv         *csv,
                               ClCrmMapping        *mapping);

gboolean cl_deal_import (ClStore                *store,
                         const ClCsv            *csv,
                         const ClCrmMapping     *mapping,
                         const ClImportOptions  *options,
                         ClImportReport         *report,
                         GError                **error);

G_END_DECLS
