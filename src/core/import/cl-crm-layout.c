/* cl-crm-layout.c — which column of a CRM export holds what
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names below are those of the standard deal exports: Salesforce's
 * Opportunity object (Data Loader API names) and its report columns,
 * HubSpot's deals export, and Pipedrive's deals export ("Deal - " prefixed
 * or not). The README lists them. Names compare without case.
 */
#define G_LOG_DOMAIN "cl-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "cl-crm-layout.h"
#include "cl-model.h"
#include "cl-text.h"

/* per kind and field, the header names it goes by; "|" separates them */
static const char * const layouts[CL_CRM_N_KINDS][CL_CRM_N_FIELDS] = {
  [CL_CRM_HUBSPOT] = {
    [CL_CRM_FIELD_RECORD_ID] = "Record ID|Deal ID",
    [CL_CRM_FIELD_NAME] = "Deal Name",
    [CL_CRM_FIELD_ACCOUNT] = "Associated Company|Associated Company (Primary)|Company name|Company",
    [CL_CRM_FIELD_STAGE] = "Deal Stage",
    [CL_CRM_FIELD_AMOUNT] = "Amount|Amount in company currency",
    [CL_CRM_FIELD_CURRENCY] = "Currency|Deal currency code",
    [CL_CRM_FIELD_CLOSE_DATE] = "Close Date",
    [CL_CRM_FIELD_OWNER] = "Deal owner|HubSpot Owner",
    [CL_CRM_FIELD_NEXT_STEP] = "Next step",
    [CL_CRM_FIELD_CREATED] = "Create Date|Created Date",
    [CL_CRM_FIELD_PROBABILITY] = "Deal probability",
    [CL_CRM_FIELD_LOST_REASON] = "Closed lost reason",
  },
  [CL_CRM_SALESFORCE] = {
    [CL_CRM_FIELD_RECORD_ID] = "Id|Opportunity ID",
    [CL_CRM_FIELD_NAME] = "Name|Opportunity Name",
    [CL_CRM_FIELD_ACCOUNT] = "Account Name|Account.Name|AccountId",
    [CL_CRM_FIELD_STAGE] = "StageName|Stage",
    [CL_CRM_FIELD_AMOUNT] = "Amount",
    [CL_CRM_FIELD_CURRENCY] = "CurrencyIsoCode|Opportunity Currency|Amount Currency",
    [CL_CRM_FIELD_CLOSE_DATE] = "CloseDate|Close Date",
    [CL_CRM_FIELD_OWNER] = "Opportunity Owner|Owner.Name|Owner Name|OwnerId",
    [CL_CRM_FIELD_NEXT_STEP] = "NextStep|Next Step",
    [CL_CRM_FIELD_CREATED] = "CreatedDate|Created Date",
    [CL_CRM_FIELD_IS_CLOSED] = "IsClosed|Closed",
    [CL_CRM_FIELD_IS_WON] = "IsWon|Won",
    [CL_CRM_FIELD_PROBABILITY] = "Probability|Probability (%)",
    [CL_CRM_FIELD_LOST_REASON] = "Loss_Reason__c|Loss Reason",
  },
  [CL_CRM_PIPEDRIVE] = {
    [CL_CRM_FIELD_RECORD_ID] = "Deal - ID|ID",
    [CL_CRM_FIELD_NAME] = "Deal - Title|Title",
    [CL_CRM_FIELD_ACCOUNT] = "Deal - Organization|Organization",
    [CL_CRM_FIELD_STAGE] = "Deal - Stage|Stage",
    [CL_CRM_FIELD_AMOUNT] = "Deal - Value|Value",
    [CL_CRM_FIELD_CURRENCY] = "Deal - Currency|Currency",
    [CL_CRM_FIELD_CLOSE_DATE] = "Deal - Expected close date|Expected close date",
    [CL_CRM_FIELD_OWNER] = "Deal - Owner|Owner",
    [CL_CRM_FIELD_NEXT_STEP] = "Deal - Next activity subject|Next activity subject",
    [CL_CRM_FIELD_CREATED] = "Deal - Deal created|Deal created",
    [CL_CRM_FIELD_STATUS] = "Deal - Status|Status",
    [CL_CRM_FIELD_PROBABILITY] = "Deal - Probability|Probability",
    [CL_CRM_FIELD_LOST_REASON] = "Deal - Lost reason|Lost reason",
  },
};

/* header names of columns that hold record ids, not names */
static const char id_columns[] = "OwnerId|Owner ID|AccountId|Account ID";

/* the columns of a Salesforce Account export: Data Loader's, then a report's */
static const char * const account_columns[][2] = {
  { "Id", "Name" },
  { "Account ID", "Account Name" },
};

/* Salesforce ids are unique in their first 15 characters; the 18-character
 * form adds a checksum of their case */
#define SALESFORCE_ID_LENGTH 15

static const char * const kind_names[CL_CRM_N_KINDS + 1] = {
  "auto", "hubspot", "salesforce", "pipedrive", "custom", NULL,
};
static const char * const field_names[CL_CRM_N_FIELDS + 1] = {
  "record_id", "name", "account", "stage", "amount", "currency", "close_date", "owner", "next_step", "created",
  "status", "is_closed", "is_won", "probability", "lost_reason", NULL,
};

/**
 * cl_crm_kind_to_string:
 * @kind: a #ClCrmKind
 *
 * Returns: (transfer none): the name of @kind in settings and on the command
 *   line: "auto", "hubspot", "salesforce", "pipedrive" or "custom"
 */
const char *
cl_crm_kind_to_string (ClCrmKind kind)
{
  g_return_val_if_fail (kind < CL_CRM_N_KINDS, NULL);
  return kind_names[kind];
}

/**
 * cl_crm_kind_from_string:
 * @name: (nullable): the name of a layout, in any case
 *
 * Returns: the #ClCrmKind of @name, or -1 when @name is none of "auto",
 *   "hubspot", "salesforce", "pipedrive" and "custom", or %NULL
 */
int
cl_crm_kind_from_string (const char *name)
{
  for (int i = 0; name != NULL && kind_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (kind_names[i], name) == 0)
      return i;
  return -1;
}

/**
 * cl_crm_kind_label:
 * @kind: a #ClCrmKind
 *
 * Returns: (transfer none): the CRM's name, "Your own columns" for
 *   %CL_CRM_CUSTOM, or "Unknown layout" (translated) for %CL_CRM_AUTO
 */
const char *
cl_crm_kind_label (ClCrmKind kind)
{
  switch (kind)
    {
    case CL_CRM_HUBSPOT: return "HubSpot";
    case CL_CRM_SALESFORCE: return "Salesforce";
    case CL_CRM_PIPEDRIVE: return "Pipedrive";
    case CL_CRM_CUSTOM: return _("Your own columns");
    case CL_CRM_AUTO:
    case CL_CRM_N_KINDS:
      break;
    }
  return _("Unknown layout");
}

/**
 * cl_crm_field_label:
 * @field: a #ClCrmField
 *
 * Returns: (transfer none): the translated label of @field, "Deal name"
 */
const char *
cl_crm_field_label (ClCrmField field)
{
  static const char * const labels[CL_CRM_N_FIELDS] = {
    N_("Record id"), N_("Deal name"), N_("Account"), N_("Stage"), N_("Amount"), N_("Currency"),
    N_("Close date"), N_("Owner"), N_("Next step"), N_("Created"), N_("Status"), N_("Closed"), N_("Won"),
    N_("Probability"), N_("Lost reason"),
  };

  g_return_val_if_fail (field < CL_CRM_N_FIELDS, NULL);
  return _(labels[field]);
}

/* How many fields @kind finds in @csv's header; fills @mapping. */
static int
match_layout (const ClCsv  *csv,
              ClCrmKind     kind,
              ClCrmMapping *mapping)
{
  int found = 0;

  mapping->kind = kind;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    {
      g_auto (GStrv) names = layouts[kind][f] ? g_strsplit (layouts[kind][f], "|", -1) : NULL;

      mapping->columns[f] = -1;
      /* the first name of the list that the header has wins */
      for (guint n = 0; names != NULL && names[n] != NULL && mapping->columns[f] < 0; n++)
        for (guint c = 0; c < csv->n_columns; c++)
          if (g_ascii_strcasecmp (csv->header[c], names[n]) == 0)
            {
              mapping->columns[f] = c;
              found++;
              break;
            }
    }
  return found;
}

/**
 * cl_crm_mapping_detect:
 * @csv: a deals export
 * @kind: the layout to read, or %CL_CRM_AUTO for the one whose column names
 *   match most
 * @mapping: (out caller-allocates): return location for the columns
 * @error: return location for a #GError, or %NULL
 *
 * Finds the columns of @csv as @kind names them (without case).
 *
 * Returns: %TRUE when a deal name and a stage column are found; %FALSE with
 *   @error set (%CL_CSV_ERROR_UNKNOWN_LAYOUT, naming the columns) otherwise
 */
gboolean
cl_crm_mapping_detect (const ClCsv   *csv,
                       ClCrmKind      kind,
                       ClCrmMapping  *mapping,
                       GError       **error)
{
  g_autofree char *columns = NULL;

  if (kind == CL_CRM_AUTO)
    {
      ClCrmMapping best = { 0 }, candidate;
      int best_found = -1;

      for (int k = CL_CRM_AUTO + 1; k < CL_CRM_N_KINDS; k++)
        {
          int found = match_layout (csv, k, &candidate);

          /* a layout without a deal name or a stage is no match */
          if (candidate.columns[CL_CRM_FIELD_NAME] < 0 || candidate.columns[CL_CRM_FIELD_STAGE] < 0)
            continue;
          if (found > best_found)
            best = candidate, best_found = found;
        }
      if (best_found >= 0)
        {
          *mapping = best;
          return TRUE;
        }
    }
  else if (match_layout (csv, kind, mapping) > 0 && mapping->columns[CL_CRM_FIELD_NAME] >= 0
           && mapping->columns[CL_CRM_FIELD_STAGE] >= 0)
    return TRUE;

  columns = g_strjoinv (cl_text_list_separator (), csv->header);
  return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_UNKNOWN_LAYOUT,
                      kind == CL_CRM_AUTO
                      ? _("No deal name and stage columns in a layout Closeloop knows; the columns are: %s")
                      : _("This is not a %2$s deals export: no deal name and stage columns among %1$s"),
                      columns, cl_crm_kind_label (kind)), FALSE;
}

/**
 * cl_crm_field_to_string:
 * @field: a #ClCrmField
 *
 * Returns: (transfer none): the key of @field in a kept mapping, "close_date"
 *   (see cl_crm_mapping_to_text ())
 */
const char *
cl_crm_field_to_string (ClCrmField field)
{
  g_return_val_if_fail (field < CL_CRM_N_FIELDS, NULL);
  return field_names[field];
}

/**
 * cl_crm_mapping_to_text:
 * @mapping: a mapping of @csv's columns
 * @csv: the file @mapping was made for
 *
 * A mapping by the header names of its columns, one "field=Name" a line
 * ("name=Title\nstage=Phase\n"), so it can be kept and used on next week's
 * file; see cl_crm_mapping_from_text ().
 *
 * Returns: (transfer full): the text
 */
char *
cl_crm_mapping_to_text (const ClCrmMapping *mapping,
                        const ClCsv        *csv)
{
  GString *text = g_string_new (NULL);

  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    if (mapping->columns[f] >= 0)
      g_string_append_printf (text, "%s=%s\n", field_names[f], csv->header[mapping->columns[f]]);
  return g_string_free (text, FALSE);
}

/**
 * cl_crm_mapping_from_text:
 * @text: (nullable): a mapping as cl_crm_mapping_to_text () writes it
 * @csv: the file to map
 * @mapping: (out caller-allocates): return location for the mapping, a
 *   %CL_CRM_CUSTOM one
 *
 * Reads a kept mapping against @csv's header (names compared without case).
 * Lines that name no field are skipped.
 *
 * Returns: %TRUE when every column @text names is in @csv and the mapping has
 *   the deal name and the stage; %FALSE otherwise
 */
gboolean
cl_crm_mapping_from_text (const char   *text,
                          const ClCsv  *csv,
                          ClCrmMapping *mapping)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  mapping->kind = CL_CRM_CUSTOM;
  for (int f = 0; f < CL_CRM_N_FIELDS; f++)
    mapping->columns[f] = -1;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *equals = strchr (lines[i], '=');
      g_autofree char *key = equals ? g_strndup (lines[i], equals - lines[i]) : NULL;
      int field = key ? cl_enum_from_string (field_names, key) : -1;
      gboolean found = FALSE;

      if (field < 0)
        continue;
      for (guint c = 0; c < csv->n_columns && !found; c++)
        if (g_ascii_strcasecmp (csv->header[c], equals + 1) == 0)
          mapping->columns[field] = c, found = TRUE;
      if (!found)
        return FALSE;
    }
  return mapping->columns[CL_CRM_FIELD_NAME] >= 0 && mapping->columns[CL_CRM_FIELD_STAGE] >= 0;
}

/* The column of @csv named @name, without case; -1 when none. */
static int
column_named (const ClCsv *csv,
              const char  *name)
{
  for (guint c = 0; c < csv->n_columns; c++)
    if (g_ascii_strcasecmp (csv->header[c], name) == 0)
      return c;
  return -1;
}

/**
 * cl_crm_mapping_reads_ids:
 * @mapping: a mapping of @csv's columns
 * @csv: the file
 * @field: a #ClCrmField
 *
 * Whether the column @mapping reads @field from holds a CRM's record ids
 * rather than names (Salesforce's OwnerId, AccountId). The layouts take one
 * only when the export has no name column for the field.
 *
 * Returns: %TRUE when the column is one of ids; %FALSE otherwise, also when
 *   @mapping has no column for @field
 */
gboolean
cl_crm_mapping_reads_ids (const ClCrmMapping *mapping,
                          const ClCsv        *csv,
                          ClCrmField          field)
{
  g_auto (GStrv) names = g_strsplit (id_columns, "|", -1);
  int column;

  g_return_val_if_fail (field < CL_CRM_N_FIELDS, FALSE);
  column = mapping->columns[field];
  for (guint n = 0; column >= 0 && names[n] != NULL; n++)
    if (g_ascii_strcasecmp (csv->header[column], names[n]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cl_crm_looks_like_id:
 * @name: (nullable): a name from an import
 *
 * Whether @name looks like a Salesforce record id: a rep an import named by
 * their id.
 *
 * Returns: %TRUE when @name is 15 or 18 ASCII letters and digits with at least
 *   one digit
 */
gboolean
cl_crm_looks_like_id (const char *name)
{
  gsize length = name ? strlen (name) : 0;
  gboolean digit = FALSE;

  if (length != SALESFORCE_ID_LENGTH && length != SALESFORCE_ID_LENGTH + 3)
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
    else
      digit |= g_ascii_isdigit (*c);
  return digit;
}

static char *
account_key (const char *id)
{
  return g_strndup (id, SALESFORCE_ID_LENGTH);
}

/**
 * cl_crm_accounts_read:
 * @csv: a Salesforce Account export
 * @error: return location for a #GError, or %NULL
 *
 * Reads the names of the account ids: Data Loader's Id and Name columns, or a
 * report's Account ID and Account Name. Ids are keyed by their first 15
 * characters; rows without an id or a name are skipped. Refused
 * (%CL_CSV_ERROR_NOT_ACCOUNTS) for a deals export or without those columns;
 * refused (%CL_CSV_ERROR_BAD_ROWS), naming the file and the line, on a row
 * with another number of fields than the header, or an id given two names.
 * Trims the id and name fields of @csv in place.
 *
 * Returns: (transfer full) (nullable): id → name, for cl_crm_accounts_lookup
 *   (), or %NULL with @error set
 */
GHashTable *
cl_crm_accounts_read (const ClCsv  *csv,
                      GError      **error)
{
  g_autoptr (GHashTable) accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int id_column = -1, name_column = -1;
  g_autofree char *columns = NULL;
  ClCrmMapping deals;

  /* a deals export has ids and names too: the opportunities' */
  if (cl_crm_mapping_detect (csv, CL_CRM_AUTO, &deals, NULL))
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NOT_ACCOUNTS,
                        _("%s is a deals export, not the account export that names the account ids"), csv->name),
           NULL;
  for (guint i = 0; i < G_N_ELEMENTS (account_columns) && (id_column < 0 || name_column < 0); i++)
    {
      id_column = column_named (csv, account_columns[i][0]);
      name_column = column_named (csv, account_columns[i][1]);
    }
  if (id_column < 0 || name_column < 0)
    {
      columns = g_strjoinv (cl_text_list_separator (), csv->header);
      return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NOT_ACCOUNTS,
                          _("%s is not a Salesforce Account export: no Id and Name columns among %s"),
                          csv->name, columns), NULL;
    }
  for (guint r = 0; r < csv->rows->len; r++)
    {
      ClCsvRow *row = g_ptr_array_index (csv->rows, r);
      const char *id, *name, *known;
      g_autofree char *key = NULL;

      if (row->n_fields != csv->n_columns)
        return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_BAD_ROWS,
                            _("%s, line %u: %u fields where the header has %u"), csv->name, row->line,
                            row->n_fields, csv->n_columns), NULL;
      id = g_strstrip (row->fields[id_column]);
      name = g_strstrip (row->fields[name_column]);
      /* an account without an id or a name names nothing */
      if (*id == '\0' || *name == '\0')
        continue;
      key = account_key (id);
      if ((known = g_hash_table_lookup (accounts, key)) != NULL && !g_str_equal (known, name))
        return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_BAD_ROWS,
                            _("%s, line %u: the account %s is named both “%s” and “%s”"), csv->name, row->line,
                            id, known, name), NULL;
      g_hash_table_insert (accounts, g_steal_pointer (&key), g_strdup (name));
    }
  return g_steal_pointer (&accounts);
}

/**
 * cl_crm_accounts_lookup:
 * @accounts: a table from cl_crm_accounts_read ()
 * @id: an account id, of 15 or 18 characters
 *
 * Returns: (transfer none) (nullable): the name @accounts gives @id, or %NULL
 *   when it does not have it
 */
const char *
cl_crm_accounts_lookup (GHashTable *accounts,
                        const char *id)
{
  g_autofree char *key = account_key (id);

  return g_hash_table_lookup (accounts, key);
}
