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

gboolean    cl_crm_mapping_detect     (const ClCsv   *csv,
                                       ClCrmKind      kind,
                                       ClCrmMapping  *mapping,
                                       GError       **error);

const char *cl_crm_kind_to_string     (ClCrmKind      kind);
int         cl_crm_kind_from_string   (const char    *name);
const char *cl_crm_kind_label         (ClCrmKind      kind);
const char *cl_crm_field_label        (ClCrmField     field);
const char *cl_crm_field_to_string    (ClCrmField     field);

char       *cl_crm_mapping_to_text    (const ClCrmMapping *mapping,
                                       const ClCsv        *csv);
gboolean    cl_crm_mapping_from_text  (const char         *text,
                                       const ClCsv        *csv,
                                       ClCrmMapping       *mapping);

gboolean    cl_crm_mapping_reads_ids  (const ClCrmMapping *mapping,
                                       const ClCsv        *csv,
                                       ClCrmField          field);
gboolean    cl_crm_looks_like_id      (const char         *name);

GHashTable *cl_crm_accounts_read      (const ClCsv        *csv,
                                       GError            **error);
const char *cl_crm_accounts_lookup    (GHashTable         *accounts,
                                       const char         *id);

G_END_DECLS
