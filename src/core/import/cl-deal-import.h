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

/* As of @as_of, nothing else. */
void cl_import_options_init (ClImportOptions *options,
                             ClDay            as_of);

/* Reads and checks every row as cl_deal_import () would, writing nothing:
 * @report gets the rows that cannot be imported, which columns of ids name
 * owners and accounts, and how many amounts have no currency. FALSE when a
 * date column contradicts itself. */
gboolean cl_deal_import_check (const ClCsv            *csv,
                               const ClCrmMapping     *mapping,
                               const ClImportOptions  *options,
                               ClImportReport         *report,
                               GError                **error);

/* Where each stage value of @csv goes in @store's sales process (see
 * cl_stage_plan_place ()), from the rows that can be read: for the user to
 * look at and change before the import.
 *
 * Returns: (transfer full) (nullable): the plan, or NULL with @error */
ClStagePlan *cl_deal_import_plan_stages (ClStore            *store,
                                         const ClCsv        *csv,
                                         const ClCrmMapping *mapping,
                                         GError            **error);

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

/* Imports the deals of @csv as @mapping reads them, as @options say: deals
 * are matched by the CRM's record id (by name and account when there is
 * none), and every changed stage, amount, close date, owner, next step and
 * status becomes an event dated as of the export. Stages go where the plan
 * puts them; unknown owners are created (found again under any name the
 * roster knows them by). Rows that cannot be read are listed in @report;
 * unless the options import the good rows, any such row refuses the whole
 * import, and so does a stage whose place is unknown (STAGE_ORDER). One
 * transaction: all or nothing is written. */
gboolean cl_deal_import (ClStore                *store,
                         const ClCsv            *csv,
                         const ClCrmMapping     *mapping,
                         const ClImportOptions  *options,
                         ClImportReport         *report,
                         GError                **error);

G_END_DECLS
