/* cl-crm-layout.h — which column of a CRM export holds what
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-csv.h"

G_BEGIN_DECLS

typedef enum {
  CL_CRM_FIELD_RECORD_ID,
  CL_CRM_FIELD_NAME,
  CL_CRM_FIELD_ACCOUNT,
  CL_CRM_FIELD_STAGE,
  CL_CRM_FIELD_AMOUNT,
  CL_CRM_FIELD_CURRENCY,
  CL_CRM_FIELD_CLOSE_DATE,
  CL_CRM_FIELD_OWNER,
  CL_CRM_FIELD_NEXT_STEP,
  CL_CRM_FIELD_CREATED,
  CL_CRM_FIELD_STATUS,       /* open / won / lost, as Pipedrive writes it */
  CL_CRM_FIELD_IS_CLOSED,    /* Salesforce's 1-or-empty booleans */
  CL_CRM_FIELD_IS_WON,
  CL_CRM_FIELD_PROBABILITY,
  CL_CRM_FIELD_LOST_REASON,
  CL_CRM_N_FIELDS
} ClCrmField;

typedef enum {
  CL_CRM_AUTO,
  CL_CRM_HUBSPOT,
  CL_CRM_SALESFORCE,
  CL_CRM_PIPEDRIVE,
  CL_CRM_CUSTOM,             /* columns chosen by the user */
  CL_CRM_N_KINDS
} ClCrmKind;

typedef struct
{
  ClCrmKind kind;
  int       columns[CL_CRM_N_FIELDS];   /* index into the header; -1 when absent */
} ClCrmMapping;

/* The columns of @csv as @kind names them; with CL_CRM_AUTO, the layout
 * whose names match most. Refused when no deal name or no stage is found. */
gboolean    cl_crm_mapping_detect     (const ClCsv   *csv,
                                       ClCrmKind      kind,
                                       ClCrmMapping  *mapping,
                                       GError       **error);

const char *cl_crm_kind_to_string     (ClCrmKind      kind);
/* -1 when @name is none of "auto", "hubspot", "salesforce", "pipedrive" */
int         cl_crm_kind_from_string   (const char    *name);
const char *cl_crm_kind_label         (ClCrmKind      kind);
const char *cl_crm_field_label        (ClCrmField     field);
const char *cl_crm_field_to_string    (ClCrmField     field);

/* A mapping by the header names of its columns ("name=Title\nstage=Phase"),
 * so it can be kept and used on next week's file. */
char       *cl_crm_mapping_to_text    (const ClCrmMapping *mapping,
                                       const ClCsv        *csv);
/* FALSE when @csv lacks a column @text names, or the deal name or stage. */
gboolean    cl_crm_mapping_from_text  (const char         *text,
                                       const ClCsv        *csv,
                                       ClCrmMapping       *mapping);

/* Whether the column @mapping reads @field from holds a CRM's record ids
 * rather than names (Salesforce's OwnerId, AccountId). The layouts take
 * one only when the export has no name column for the field. */
gboolean    cl_crm_mapping_reads_ids  (const ClCrmMapping *mapping,
                                       const ClCsv        *csv,
                                       ClCrmField          field);
/* Whether @name looks like a Salesforce record id (15 or 18 letters and
 * digits): a rep an import named by their id. */
gboolean    cl_crm_looks_like_id      (const char         *name);

/* A Salesforce Account export as the names of its account ids: Data
 * Loader's Id and Name columns, or a report's Account ID and Account Name.
 * Refused (NOT_ACCOUNTS) without them; refused naming the file and the
 * line on a row with another number of fields, or an id given two names.
 *
 * Returns: (transfer full) (nullable): id → name, for
 * cl_crm_accounts_lookup (), or NULL with @error */
GHashTable *cl_crm_accounts_read      (const ClCsv        *csv,
                                       GError            **error);
/* The account id @id, written with 15 or 18 characters, as @accounts
 * names it.
 *
 * Returns: (transfer none) (nullable): its name, or NULL when @accounts
 * does not have it */
const char *cl_crm_accounts_lookup    (GHashTable         *accounts,
                                       const char         *id);

G_END_DECLS
