/* cl-deal-import.c — a CRM's deals export brought into the workspace, its
 * changes recorded as dated events
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * First every row is read and checked, writing nothing; then, in one
 * transaction, each deal is added or updated. A re-import writes an event
 * for each field that changed, dated as of the export, so importing last
 * month's weekly exports in order rebuilds the history the flags read.
 */
#define G_LOG_DOMAIN "cl-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-deal-import.h"
#include "cl-store-import.h"
#include "cl-text.h"

#define PROGRESS_EVERY 1000

/* One row as read, before it meets the workspace. */
typedef struct
{
  guint        line;
  const char  *record_id;
  const char  *name;
  const char  *account;
  const char  *stage;
  const char  *owner;
  const char  *next_step;
  const char  *lost_reason;
  gint64       amount_cents;
  char        *currency;
  ClDay        close_date;
  ClDay        created_on;
  ClDealStatus status;
  gboolean     closing;       /* the stage says how the deal ended: no stage of the process */
  int          probability;   /* -1 when none */
} ClImportRow;

/* What reading the rows needs besides each row. */
typedef struct
{
  const ClCsv           *csv;
  const ClCrmMapping    *mapping;
  const ClImportOptions *options;
  ClDateOrder            orders[2];
  gboolean               account_ids;  /* the account column holds Salesforce ids */
  GHashTable            *unnamed;      /* account ids the Account export lacks */
  ClImportReport        *report;
  GHashTable            *closing;      /* stage as written → whether its name says how a deal ended */
} ClReader;

static void
problem_free (ClImportProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

/**
 * cl_import_report_init:
 * @report: (out caller-allocates): the report to fill
 *
 * Empties @report and gives it its arrays; cl_import_report_clear () frees
 * them.
 */
void
cl_import_report_init (ClImportReport *report)
{
  memset (report, 0, sizeof *report);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->stages_created = g_ptr_array_new_with_free_func (g_free);
  report->reps_created = g_ptr_array_new_with_free_func (g_free);
  report->currencies_new = g_ptr_array_new_with_free_func (g_free);
  report->missing = g_ptr_array_new_with_free_func (g_free);
  report->accounts_unnamed = g_ptr_array_new_with_free_func (g_free);
}

/**
 * cl_import_report_clear:
 * @report: a report set up by cl_import_report_init ()
 *
 * Frees the arrays of @report; the counts stay. Clearing twice is harmless.
 */
void
cl_import_report_clear (ClImportReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_clear_pointer (&report->stages_created, g_ptr_array_unref);
  g_clear_pointer (&report->reps_created, g_ptr_array_unref);
  g_clear_pointer (&report->currencies_new, g_ptr_array_unref);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
  g_clear_pointer (&report->accounts_unnamed, g_ptr_array_unref);
}

/**
 * cl_import_options_init:
 * @options: (out caller-allocates): the options to set
 * @as_of: the day the export was taken
 *
 * Sets @options to import as of @as_of and nothing else: any row that cannot
 * be read refuses the import, the stages are planned from the file, no account
 * names, no progress callback.
 */
void
cl_import_options_init (ClImportOptions *options,
                        ClDay            as_of)
{
  memset (options, 0, sizeof *options);
  options->as_of = as_of;
}

static void
add_problem (ClImportReport *report,
             guint           line,
             char           *reason)
{
  ClImportProblem *problem = g_new (ClImportProblem, 1);

  problem->line = line;
  problem->reason = reason;
  g_ptr_array_add (report->problems, problem);
}

static const char *
cell (const ClCsvRow     *row,
      const ClCrmMapping *mapping,
      ClCrmField          field)
{
  int column = mapping->columns[field];

  char *text;
  gsize length;

  if (column < 0 || (guint) column >= row->n_fields)
    return NULL;
  /* stripped in place, once: most cells have nothing to strip */
  text = row->fields[column];
  length = strlen (text);
  if (length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])))
    g_strstrip (text);
  return text;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Won, lost or open: from a status column, Salesforce's flags, or the
 * stage's own name ("Closed Won"). @closing is set when the stage itself
 * is how the deal ended: by its name, or (Salesforce) a closed stage. */
static ClDealStatus
status_of (ClReader       *reader,
           const ClCsvRow *row,
           const char     *stage,
           gboolean       *closing)
{
  const ClCrmMapping *mapping = reader->mapping;
  const char *status = cell (row, mapping, CL_CRM_FIELD_STATUS);
  const char *closed = cell (row, mapping, CL_CRM_FIELD_IS_CLOSED);
  const char *won = cell (row, mapping, CL_CRM_FIELD_IS_WON);
  gpointer named = g_hash_table_lookup (reader->closing, stage);

  /* a stage's name is read once, however many rows are in it */
  if (named == NULL)
    {
      named = GINT_TO_POINTER (cl_stage_name_is_closing (stage) ? 2 : 1);
      g_hash_table_insert (reader->closing, g_strdup (stage), named);
    }
  *closing = named == GINT_TO_POINTER (2);
  if (!is_blank (status))
    return g_ascii_strcasecmp (status, "won") == 0 ? CL_DEAL_WON
           : g_ascii_strcasecmp (status, "lost") == 0 || g_ascii_strcasecmp (status, "deleted") == 0
             ? CL_DEAL_LOST : CL_DEAL_OPEN;
  if (!is_blank (closed) && g_strcmp0 (closed, "0") != 0 && g_ascii_strcasecmp (closed, "false") != 0)
    {
      *closing = TRUE;
      return !is_blank (won) && g_strcmp0 (won, "0") != 0 && g_ascii_strcasecmp (won, "false") != 0
             ? CL_DEAL_WON : CL_DEAL_LOST;
    }
  if (*closing)
    {
      g_autofree char *folded = g_ascii_strdown (stage, -1);

      return strstr (folded, "won") ? CL_DEAL_WON : CL_DEAL_LOST;
    }
  return CL_DEAL_OPEN;
}

/* The order of each date column, decided by the whole column. */
static gboolean
date_orders (const ClCsv         *csv,
             const ClCrmMapping  *mapping,
             ClDateOrder          orders[2],
             ClImportReport      *report,
             GError             **error)
{
  static const ClCrmField fields[2] = { CL_CRM_FIELD_CLOSE_DATE, CL_CRM_FIELD_CREATED };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree const char **values = g_new0 (const char *, csv->rows->len + 1);
      gboolean guessed = FALSE;
      guint bad = 0;

      orders[f] = CL_DATE_ORDER_ISO;
      if (mapping->columns[fields[f]] < 0)
        continue;
      for (guint r = 0; r < csv->rows->len; r++)
        values[r] = cell (g_ptr_array_index (csv->rows, r), mapping, fields[f]);
      if (!cl_csv_date_order (values, csv->rows->len, &orders[f], &guessed, &bad))
        {
          ClCsvRow *row = g_ptr_array_index (csv->rows, bad);

          return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_BAD_ROWS,
                              _("Line %u: the %s column has days first and months first (“%s”); "
                                "nothing was imported"), row->line, csv->header[mapping->columns[fields[f]]],
                              values[bad]), FALSE;
        }
      report->dates_guessed |= guessed;
      if (fields[f] == CL_CRM_FIELD_CLOSE_DATE)
        report->date_order = orders[f];
    }
  return TRUE;
}

/* Refuses the row being read: @reason (taken) goes to @report. */
static gboolean
refuse_row (ClImportRow    *out,
            ClImportReport *report,
            char           *reason)
{
  g_clear_pointer (&out->currency, g_free);
  add_problem (report, out->line, reason);
  return FALSE;
}

/* The row's account: a Salesforce account id named by the Account
 * export when it has it. */
static const char *
account_of (ClReader   *reader,
            const char *account)
{
  const char *name;

  if (!reader->account_ids || reader->options->accounts == NULL || is_blank (account))
    return account;
  if ((name = cl_crm_accounts_lookup (reader->options->accounts, account)) != NULL)
    {
      reader->report->accounts_named++;
      return name;
    }
  if (g_hash_table_add (reader->unnamed, g_strdup (account)))
    g_ptr_array_add (reader->report->accounts_unnamed, g_strdup (account));
  return account;
}

/* Reads one row and checks it as the store would; FALSE with a problem
 * added when it cannot be imported, so a bad row is refused with its
 * line instead of failing the whole import when it is written. */
static gboolean
read_row (ClReader       *reader,
          const ClCsvRow *row,
          ClImportRow    *out)
{
  const ClCsv *csv = reader->csv;
  const ClCrmMapping *mapping = reader->mapping;
  const ClDateOrder *orders = reader->orders;
  ClImportReport *report = reader->report;
  ClDay as_of = reader->options->as_of;
  const char *amount = cell (row, mapping, CL_CRM_FIELD_AMOUNT);
  const char *close = cell (row, mapping, CL_CRM_FIELD_CLOSE_DATE);
  const char *created = cell (row, mapping, CL_CRM_FIELD_CREATED);
  const char *currency = cell (row, mapping, CL_CRM_FIELD_CURRENCY);
  const char *probability = cell (row, mapping, CL_CRM_FIELD_PROBABILITY);
  char *problem;

  memset (out, 0, sizeof *out);
  out->line = row->line;
  if (row->n_fields != csv->n_columns)
    return refuse_row (out, report, g_strdup_printf (_("%u fields where the header has %u"),
                                                     row->n_fields, csv->n_columns));
  out->record_id = cell (row, mapping, CL_CRM_FIELD_RECORD_ID);
  out->name = cell (row, mapping, CL_CRM_FIELD_NAME);
  out->account = account_of (reader, cell (row, mapping, CL_CRM_FIELD_ACCOUNT));
  out->stage = cell (row, mapping, CL_CRM_FIELD_STAGE);
  out->owner = cell (row, mapping, CL_CRM_FIELD_OWNER);
  out->next_step = cell (row, mapping, CL_CRM_FIELD_NEXT_STEP);
  out->lost_reason = cell (row, mapping, CL_CRM_FIELD_LOST_REASON);
  if (is_blank (out->name))
    return refuse_row (out, report, g_strdup (_("no deal name")));
  if (is_blank (out->stage))
    return refuse_row (out, report, g_strdup_printf (_("“%s” has no stage"), out->name));
  if (!is_blank (amount) && !cl_csv_parse_amount (amount, &out->amount_cents, &out->currency))
    return refuse_row (out, report, g_strdup_printf (_("the amount “%s” is not a number"), amount));
  if (!is_blank (currency))
    cl_record_set_text (&out->currency, currency);
  if ((problem = cl_deal_values_problem (out->name, out->amount_cents, out->currency)) != NULL)
    {
      /* Translators: a deal's name, then what is wrong with it */
      char *reason = g_strdup_printf (_("“%s”: %s"), out->name, problem);

      g_free (problem);
      return refuse_row (out, report, reason);
    }
  if (is_blank (close))
    return refuse_row (out, report, g_strdup_printf (_("“%s” has no close date"), out->name));
  if (!cl_csv_parse_date (close, orders[0], &out->close_date))
    return refuse_row (out, report, g_strdup_printf (_("the close date “%s” is not a date"), close));
  out->created_on = as_of;
  if (!is_blank (created) && !cl_csv_parse_date (created, orders[1], &out->created_on))
    return refuse_row (out, report, g_strdup_printf (_("the creation date “%s” is not a date"), created));
  out->created_on = MIN (out->created_on, as_of);
  out->probability = -1;
  if (!is_blank (probability) && !cl_csv_parse_percent (probability, &out->probability))
    return refuse_row (out, report, g_strdup_printf (_("the probability “%s” is not a percentage"), probability));
  out->status = status_of (reader, row, out->stage, &out->closing);
  return TRUE;
}

/* ------------------------------------------------------------------ writing */

typedef struct
{
  ClStore        *store;
  ClImportReport *report;
  ClDay           as_of;
  ClStagePlan    *plan;
  ClImportWriter *writer;
  GStringChunk   *strings;       /* the texts of the deals read, and record ids */
  /* every deal as stored now: those read, then those the rows added */
  ClImportDeal   *deals;
  guint8         *seen;          /* by deal: the file has it */
  guint           n_deals, max_deals;
  GHashTable     *by_external;   /* external id → ClImportDeal in @deals */
  GHashTable     *by_name;       /* "name\naccount" → ClImportDeal in @deals */
  GString        *key;           /* the row's key being looked up */
  GHashTable     *owners;        /* an owner as the file names it → rep id */
  GHashTable     *reps;          /* folded name → rep id */
  GHashTable     *aliases;       /* folded name the roster knows a rep by → rep id */
  gboolean        owner_ids;     /* the owner column holds the CRM's ids */
  GHashTable     *currencies;    /* known currency codes */
  gint64          first_stage, last_stage;
  char           *default_currency;
} ClImport;

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* "salesforce:006…": a record id as a deal keeps it, told from another CRM's */
static char *
external_id (ClCrmKind   kind,
             const char *record_id)
{
  return g_strdup_printf ("%s:%s", cl_crm_kind_to_string (kind), record_id);
}

/* @key set to "@name\n@account", as deals are matched without a record id */
static void
name_key (GString    *key,
          const char *name,
          const char *account)
{
  g_string_assign (key, name);
  g_string_append_c (key, '\n');
  g_string_append (key, account);
}

/* A deal the file added, kept after those read. */
static ClImportDeal *
keep_deal (ClImport           *import,
           const ClImportDeal *deal)
{
  ClImportDeal *kept = &import->deals[import->n_deals++];

  g_assert (import->n_deals <= import->max_deals);
  *kept = *deal;
  return kept;
}

static void
mark_seen (ClImport           *import,
           const ClImportDeal *kept)
{
  import->seen[kept - import->deals] = TRUE;
}

static gboolean
load_workspace (ClImport  *import,
                guint      n_rows,
                GError   **error)
{
  g_autoptr (GListModel) stages = cl_store_list_stages (import->store, error);
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (GArray) deals = NULL;
  g_autoptr (GHashTable) aliases = NULL;
  GHashTableIter iter;
  gpointer alias, rep_id;
  guint n_stages;
  gint64 n_stored = stages != NULL ? cl_store_count_deals (import->store, error) : -1;

  if (n_stored < 0)
    return FALSE;
  /* room for the deals read and a new one per row, made once: grown as
   * they are read, then for the rows, 100 000 deals were copied twice */
  deals = g_array_sized_new (FALSE, FALSE, sizeof (ClImportDeal),
                             n_stored <= G_MAXUINT - n_rows ? (guint) n_stored + n_rows : n_rows);
  /* every deal, open or not: a closed one may open again, a re-import matches it */
  if ((reps = cl_store_list_reps (import->store, error)) == NULL
      || (aliases = cl_store_list_rep_aliases (import->store, error)) == NULL
      || !cl_store_read_import_deals (import->store, import->strings, deals, error))
    return FALSE;
  n_stages = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr (ClStage) stage = g_list_model_get_item (stages, i);

      if (i == 0)
        import->first_stage = stage->id;
      import->last_stage = stage->id;
    }
  g_hash_table_iter_init (&iter, aliases);
  while (g_hash_table_iter_next (&iter, &alias, &rep_id))
    g_hash_table_insert (import->aliases, g_utf8_casefold (alias, -1), new_id (*(gint64 *) rep_id));
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);

      g_hash_table_insert (import->reps, g_utf8_casefold (rep->name, -1), new_id (rep->id));
    }
  /* the deals read stay where they were read, with room after them for a
   * new deal per row: the deals kept never move (room never written to
   * takes no memory) */
  import->n_deals = deals->len;
  import->max_deals = deals->len + n_rows;
  g_array_set_size (deals, import->max_deals);
  import->deals = (ClImportDeal *) (void *) g_array_steal (deals, NULL);
  import->seen = g_new0 (guint8, import->max_deals);
  for (guint i = 0; i < import->n_deals; i++)
    {
      ClImportDeal *kept = &import->deals[i];

      if (kept->external_id != NULL)
        g_hash_table_insert (import->by_external, (char *) kept->external_id, kept);
      name_key (import->key, kept->name, kept->account);
      g_hash_table_insert (import->by_name, g_string_chunk_insert_len (import->strings, import->key->str,
                                                                       import->key->len), kept);
      g_hash_table_add (import->currencies, g_strdup (kept->currency));
    }
  return TRUE;
}

/* The stage of @row's deal, now in @current (0 for a new deal). */
static gint64
stage_for (ClImport           *import,
           const ClImportRow  *row,
           gint64              current,
           GError            **error)
{
  gint64 planned = cl_stage_plan_stage_for (import->plan, row->stage);

  /* a closed deal keeps its stage */
  if (row->status != CL_DEAL_OPEN && current != 0)
    return current;
  if (planned != 0)
    return planned;
  if (current != 0)
    return current;
  /* a new deal that arrives won or lost, with no stage of the process: last or first */
  if (import->first_stage == 0)
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER,
                        _("Line %u: “%s” is how a deal ends, and the sales process has no stage yet to keep "
                          "the deal in: add the stages first; nothing was imported"), row->line, row->stage), 0;
  return row->status == CL_DEAL_WON ? import->last_stage : import->first_stage;
}

static gint64
rep_for (ClImport    *import,
         const char  *name,
         GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr (ClRep) rep = NULL;
  gint64 *known;

  if (is_blank (name))
    name = _("Unassigned");
  /* the same owner on many rows is found once */
  if ((known = g_hash_table_lookup (import->owners, name)) != NULL)
    return *known;
  folded = g_utf8_casefold (name, -1);
  /* a rep's name wins over another rep's former one */
  if ((known = g_hash_table_lookup (import->reps, folded)) == NULL
      && (known = g_hash_table_lookup (import->aliases, folded)) != NULL)
    {
      g_hash_table_insert (import->owners, (char *) name, known);
      return *known;
    }
  /* an owner id the roster has not given a name yet */
  if (import->owner_ids)
    import->report->id_fields |= 1u << CL_CRM_FIELD_OWNER;
  if (known == NULL)
    {
      rep = cl_rep_new (name);
      if (!cl_store_add_rep (import->store, rep, error))
        return 0;
      known = new_id (rep->id);
      g_hash_table_insert (import->reps, g_steal_pointer (&folded), known);
      g_ptr_array_add (import->report->reps_created, g_strdup (name));
    }
  g_hash_table_insert (import->owners, (char *) name, known);
  return *known;
}

/* The row's values over @deal (a new one or the stored one); the texts
 * are the row's, alive as long as the import. */
static gboolean
apply_row (ClImport           *import,
           const ClImportRow  *row,
           ClImportDeal       *deal,
           GError            **error)
{
  const char *currency = row->currency ? row->currency : import->default_currency;

  if ((deal->stage_id = stage_for (import, row, deal->stage_id, error)) == 0
      || (deal->owner_id = rep_for (import, row->owner, error)) == 0)
    return FALSE;
  if (!g_hash_table_contains (import->currencies, currency))
    {
      g_hash_table_add (import->currencies, g_strdup (currency));
      g_ptr_array_add (import->report->currencies_new, g_strdup (currency));
    }
  deal->name = row->name;
  deal->account = is_blank (row->account) ? "" : row->account;
  deal->currency = currency;
  deal->next_step = row->next_step ? row->next_step : "";
  deal->amount_cents = row->amount_cents;
  deal->close_date = row->close_date;
  if (deal->status != row->status)
    deal->status_reason = row->status == CL_DEAL_LOST && !is_blank (row->lost_reason) ? row->lost_reason : "";
  deal->status = row->status;
  return TRUE;
}

/* Whether the row changed none of what it sets on the stored deal. */
static gboolean
same_deal (const ClImportDeal *a,
           const ClImportDeal *b)
{
  return a->stage_id == b->stage_id && a->owner_id == b->owner_id && a->amount_cents == b->amount_cents
         && a->close_date == b->close_date && a->status == b->status
         && g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->account, b->account) == 0
         && g_strcmp0 (a->currency, b->currency) == 0 && g_strcmp0 (a->next_step, b->next_step) == 0
         && g_strcmp0 (a->external_id, b->external_id) == 0 && g_strcmp0 (a->status_reason, b->status_reason) == 0;
}

/* The deal @row matches, or NULL; @external set to its record id as a
 * deal keeps it (in the import's texts), NULL when it has none. */
static ClImportDeal *
match (ClImport           *import,
       const ClImportRow  *row,
       const char        **external)
{
  ClImportDeal *kept;

  *external = NULL;
  if (!is_blank (row->record_id))
    {
      g_string_assign (import->key, cl_crm_kind_to_string (import->report->kind));
      g_string_append_c (import->key, ':');
      g_string_append (import->key, row->record_id);
      if ((kept = g_hash_table_lookup (import->by_external, import->key->str)) != NULL)
        {
          *external = kept->external_id;
          return kept;
        }
      *external = g_string_chunk_insert_len (import->strings, import->key->str, import->key->len);
    }
  name_key (import->key, row->name, is_blank (row->account) ? "" : row->account);
  return g_hash_table_lookup (import->by_name, import->key->str);
}

/* One row written: the deal it matches is the one read with the others
 * (or written by an earlier row), so nothing is read here, and a row that
 * changes nothing writes nothing. */
static gboolean
write_row (ClImport           *import,
           const ClImportRow  *row,
           GError            **error)
{
  const char *external;
  ClImportDeal *kept = match (import, row, &external);
  ClImportDeal deal;
  int n_events;

  if (kept == NULL)
    {
      deal = (ClImportDeal) {
        .external_id = external,
        .status = CL_DEAL_OPEN,
        .status_reason = "",
        .created_on = row->created_on,
        .stage_entered_on = import->as_of,
      };
      if (!apply_row (import, row, &deal, error) || !cl_import_writer_add (import->writer, &deal, error))
        return FALSE;
      kept = keep_deal (import, &deal);
      mark_seen (import, kept);
      if (external != NULL)
        g_hash_table_insert (import->by_external, (char *) external, kept);
      import->report->created++;
      return TRUE;
    }
  mark_seen (import, kept);
  deal = *kept;
  if (external != NULL)
    deal.external_id = external;
  if (!apply_row (import, row, &deal, error))
    return FALSE;
  if (same_deal (&deal, kept))
    {
      import->report->unchanged++;
      return TRUE;
    }
  if ((n_events = cl_import_writer_update (import->writer, kept, &deal, error)) < 0)
    return FALSE;
  if (n_events > 0)
    {
      import->report->updated++;
      import->report->n_events += n_events;
    }
  else
    import->report->unchanged++;
  /* a later row of the same deal compares with what this one wrote */
  *kept = deal;
  return TRUE;
}

/* The largest amount first, as the open deals are listed. */
static int
compare_by_amount (gconstpointer a,
                   gconstpointer b)
{
  const ClImportDeal *x = *(ClImportDeal * const *) a, *y = *(ClImportDeal * const *) b;

  if (x->amount_cents != y->amount_cents)
    return x->amount_cents > y->amount_cents ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Open deals of this CRM the file no longer has: reported, never deleted.
 * From the deals read once, as the rows left them: nothing is read. */
static void
find_missing (ClImport *import)
{
  g_autofree char *prefix = external_id (import->report->kind, "");
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; i < import->n_deals; i++)
    {
      const ClImportDeal *kept = &import->deals[i];

      if (kept->status == CL_DEAL_OPEN && kept->external_id != NULL
          && g_str_has_prefix (kept->external_id, prefix) && !import->seen[i])
        g_ptr_array_add (missing, (gpointer) kept);
    }
  g_ptr_array_sort (missing, compare_by_amount);
  for (guint i = 0; i < missing->len; i++)
    g_ptr_array_add (import->report->missing, g_strdup (((ClImportDeal *) g_ptr_array_index (missing, i))->name));
}

static void
import_free (ClImport *import)
{
  g_clear_pointer (&import->writer, cl_import_writer_free);
  g_clear_pointer (&import->by_external, g_hash_table_unref);
  g_clear_pointer (&import->by_name, g_hash_table_unref);
  g_clear_pointer (&import->deals, g_free);
  g_clear_pointer (&import->seen, g_free);
  g_clear_pointer (&import->owners, g_hash_table_unref);
  g_clear_pointer (&import->reps, g_hash_table_unref);
  g_clear_pointer (&import->aliases, g_hash_table_unref);
  g_clear_pointer (&import->currencies, g_hash_table_unref);
  g_string_free (import->key, TRUE);
  g_string_chunk_free (import->strings);
  g_free (import->default_currency);
}

#define MAPPING_KEY "crm_mapping:"

/**
 * cl_crm_mapping_save:
 * @store: the workspace
 * @name: (nullable): the name to keep the mapping under
 * @mapping: a mapping of @csv's columns
 * @csv: the file @mapping was made for
 * @error: return location for a #GError, or %NULL
 *
 * Keeps @mapping in @store's settings under @name, by the header names of its
 * columns (see cl_crm_mapping_to_text ()), replacing one of that name.
 *
 * Returns: %TRUE on success; %FALSE with @error set, %CL_STORE_ERROR_INVALID
 *   when @name is %NULL or empty
 */
gboolean
cl_crm_mapping_save (ClStore             *store,
                     const char          *name,
                     const ClCrmMapping  *mapping,
                     const ClCsv         *csv,
                     GError             **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  if (is_blank (name))
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                                _("A kept column mapping needs a name")), FALSE;
  key = g_strconcat (MAPPING_KEY, name, NULL);
  text = cl_crm_mapping_to_text (mapping, csv);
  return cl_store_set_setting_text (store, key, text, error);
}

/**
 * cl_crm_mapping_load:
 * @store: the workspace
 * @name: the name the mapping is kept under
 * @csv: the file to map
 * @mapping: (out caller-allocates): return location for the mapping
 *
 * Reads the mapping kept under @name against @csv's columns (see
 * cl_crm_mapping_from_text ()).
 *
 * Returns: %TRUE when @store keeps such a mapping and it fits @csv; %FALSE
 *   otherwise
 */
gboolean
cl_crm_mapping_load (ClStore       *store,
                     const char    *name,
                     const ClCsv   *csv,
                     ClCrmMapping  *mapping)
{
  g_autofree char *key = g_strconcat (MAPPING_KEY, name, NULL);
  g_autofree char *text = cl_store_get_setting_text (store, key);

  return text != NULL && cl_crm_mapping_from_text (text, csv, mapping);
}

/**
 * cl_crm_mapping_fitting:
 * @store: the workspace
 * @csv: a deals export
 *
 * The names of the mappings kept in @store that fit @csv's columns (see
 * cl_crm_mapping_load ()).
 *
 * Returns: (transfer full) (array zero-terminated=1): the names; empty when
 *   none fits
 */
GStrv
cl_crm_mapping_fitting (ClStore      *store,
                        const ClCsv  *csv)
{
  g_auto (GStrv) keys = cl_store_list_setting_keys (store, MAPPING_KEY);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *name = keys[i] + strlen (MAPPING_KEY);
      ClCrmMapping mapping;

      if (cl_crm_mapping_load (store, name, csv, &mapping))
        g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/* Reads every row into @rows (when not NULL); problems go to @report. */
static gboolean
read_rows (const ClCsv            *csv,
           const ClCrmMapping     *mapping,
           const ClImportOptions  *options,
           GArray                 *rows,
           ClImportReport         *report,
           GError                **error)
{
  g_autoptr (GHashTable) unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) closing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ClReader reader = { csv, mapping, options, { 0 }, FALSE, unnamed, report, closing };

  report->kind = mapping->kind;
  report->n_rows = csv->rows->len;
  reader.account_ids = cl_crm_mapping_reads_ids (mapping, csv, CL_CRM_FIELD_ACCOUNT);
  if (cl_crm_mapping_reads_ids (mapping, csv, CL_CRM_FIELD_OWNER))
    report->id_fields |= 1u << CL_CRM_FIELD_OWNER;
  if (reader.account_ids && options->accounts == NULL)
    report->id_fields |= 1u << CL_CRM_FIELD_ACCOUNT;
  if (!date_orders (csv, mapping, reader.orders, report, error))
    return FALSE;
  for (guint r = 0; r < csv->rows->len; r++)
    {
      ClImportRow row;

      if (!read_row (&reader, g_ptr_array_index (csv->rows, r), &row))
        continue;
      report->n_without_currency += row.currency == NULL;
      if (rows != NULL)
        g_array_append_val (rows, row);
      else
        g_free (row.currency);
    }
  return TRUE;
}

/* The rows read, each owning its currency. */
typedef GArray ClImportRows;

static void
free_rows (ClImportRows *rows)
{
  for (guint r = 0; r < rows->len; r++)
    g_free (g_array_index (rows, ClImportRow, r).currency);
  g_array_unref (rows);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClImportRows, free_rows)

/**
 * cl_deal_import_check:
 * @csv: a deals export
 * @mapping: how to read its columns
 * @options: the import's options
 * @report: a report set up by cl_import_report_init (), filled
 * @error: return location for a #GError, or %NULL
 *
 * Reads and checks every row as cl_deal_import () would, writing nothing:
 * @report gets the rows that cannot be imported, the date order, which columns
 * of ids name owners and accounts, and how many amounts have no currency.
 *
 * Returns: %TRUE when the rows could be read (some may still be listed as
 *   problems); %FALSE with @error set (%CL_CSV_ERROR_BAD_ROWS) when a date
 *   column has both days first and months first
 */
gboolean
cl_deal_import_check (const ClCsv            *csv,
                      const ClCrmMapping     *mapping,
                      const ClImportOptions  *options,
                      ClImportReport         *report,
                      GError                **error)
{
  return read_rows (csv, mapping, options, NULL, report, error);
}

/* The plan of @rows' stages in @store's process, from the stages the
 * deals matched by record id are in now. */
static ClStagePlan *
plan_rows (ClStore    *store,
           ClCrmKind   kind,
           GArray     *rows,
           GError    **error)
{
  g_autoptr (GListModel) stages = cl_store_list_stages (store, error);
  g_autofree char *prefix = external_id (kind, "");
  g_autoptr (GHashTable) stored = NULL;
  g_autoptr (GString) external = g_string_new (prefix);
  ClStagePlan *plan;

  if (stages == NULL || (stored = cl_store_list_external_stages (store, prefix, error)) == NULL)
    return NULL;
  plan = cl_stage_plan_new (stages);
  for (guint r = 0; r < rows->len; r++)
    {
      const ClImportRow *row = &g_array_index (rows, ClImportRow, r);
      gint64 *stage_id = NULL;

      if (!is_blank (row->record_id))
        {
          g_string_truncate (external, strlen (prefix));
          g_string_append (external, row->record_id);
          stage_id = g_hash_table_lookup (stored, external->str);
        }
      cl_stage_plan_observe (plan, row->stage, row->closing, row->probability, stage_id ? *stage_id : 0);
    }
  cl_stage_plan_place (plan);
  return plan;
}

/**
 * cl_deal_import_plan_stages:
 * @store: the workspace
 * @csv: a deals export
 * @mapping: how to read its columns
 * @error: return location for a #GError, or %NULL
 *
 * Where each stage value of @csv goes in @store's sales process (see
 * cl_stage_plan_place ()), from the rows that can be read, as of today: for
 * the user to look at and change before the import.
 *
 * Returns: (transfer full) (nullable): the plan, for cl_stage_plan_free (), or
 *   %NULL with @error set
 */
ClStagePlan *
cl_deal_import_plan_stages (ClStore            *store,
                            const ClCsv        *csv,
                            const ClCrmMapping *mapping,
                            GError            **error)
{
  g_autoptr (ClImportRows) rows = g_array_new (FALSE, FALSE, sizeof (ClImportRow));
  ClImportOptions options;
  ClImportReport report;
  ClStagePlan *plan = NULL;

  cl_import_options_init (&options, cl_date_today ());
  cl_import_report_init (&report);
  if (read_rows (csv, mapping, &options, rows, &report, error))
    plan = plan_rows (store, mapping->kind, rows, error);
  cl_import_report_clear (&report);
  return plan;
}

/* Refuses the import before anything is written: rows that cannot be
 * read, amounts without a currency where the workspace has none, stages
 * whose place is unknown. */
static gboolean
check_before_writing (ClImport               *import,
                      const ClImportOptions  *options,
                      GArray                 *rows,
                      GError                **error)
{
  ClImportReport *report = import->report;
  g_auto (GStrv) unknown = NULL;

  if (report->problems->len > 0 && !options->import_good_rows)
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_BAD_ROWS,
                        g_dngettext (GETTEXT_PACKAGE, "%u row cannot be imported; nothing was imported",
                                     "%u rows cannot be imported; nothing was imported", report->problems->len),
                        report->problems->len), FALSE;
  /* amounts the file gives no currency are booked in the workspace's */
  for (guint r = 0; import->default_currency == NULL && r < rows->len; r++)
    if (g_array_index (rows, ClImportRow, r).currency == NULL)
      return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NO_CURRENCY,
                          _("Line %u: the amount has no currency, and the workspace has none yet: choose the "
                            "workspace's currency (such as EUR or USD); nothing was imported"),
                          g_array_index (rows, ClImportRow, r).line), FALSE;
  /* a plan made for other columns or another file */
  for (guint r = 0; r < rows->len; r++)
    if (!cl_stage_plan_has_value (import->plan, g_array_index (rows, ClImportRow, r).stage))
      return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER,
                          _("Line %u: its stage was not placed with the others: place the file's stages again; "
                            "nothing was imported"), g_array_index (rows, ClImportRow, r).line), FALSE;
  unknown = cl_stage_plan_get_ambiguous (import->plan);
  if (unknown[0] != NULL)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; unknown[i] != NULL; i++)
        {
          g_autofree char *name = cl_text_isolate (unknown[i]);

          g_string_append_printf (names, "%s%s", i ? cl_text_list_separator () : "", name);
        }
      return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER,
                          _("Where these stages go in the sales process is unknown: %s; nothing was imported"),
                          names->str), FALSE;
    }
  return TRUE;
}

/* Everything written, in the transaction the caller began. */
static gboolean
write_all (ClImport               *import,
           const ClImportOptions  *options,
           const ClCsv            *csv,
           GArray                 *rows,
           GError                **error)
{
  g_autofree char *day = cl_date_format (options->as_of);
  /* Translators: a file's name, then the day its export was taken */
  g_autofree char *what = g_strdup_printf (_("import of %s as of %s"), csv->name, day);
  gboolean ok = cl_stage_plan_apply (import->plan, import->store, import->report->stages_created, error)
                && load_workspace (import, rows->len, error)
                && (import->writer = cl_import_writer_new (import->store, options->as_of, error)) != NULL;

  for (guint r = 0; ok && r < rows->len; r++)
    {
      ok = write_row (import, &g_array_index (rows, ClImportRow, r), error);
      if (options->progress != NULL && (r % PROGRESS_EVERY == 0 || r + 1 == rows->len))
        options->progress ((double) (r + 1) / rows->len, options->user_data);
    }
  ok = ok && cl_import_writer_finish (import->writer, error);
  if (ok)
    find_missing (import);
  return ok && cl_store_mark_undo_point (import->store, what, error);
}

/**
 * cl_deal_import:
 * @store: the workspace
 * @csv: a deals export
 * @mapping: how to read its columns
 * @options: the import's options
 * @report: a report set up by cl_import_report_init (), filled
 * @error: return location for a #GError, or %NULL
 *
 * Imports the deals of @csv: deals are matched by the CRM's record id (by name
 * and account when there is none), and every changed stage, amount, close
 * date, owner, next step and status becomes an event dated @options->as_of.
 * Stages go where the plan puts them (one is made from the file when @options
 * has none); unknown owners are created (found again under any name the roster
 * knows them by). Rows that cannot be read are listed in @report; unless
 * @options imports the good rows, any such row refuses the import
 * (%CL_CSV_ERROR_BAD_ROWS), and so does a stage whose place is unknown
 * (%CL_CSV_ERROR_STAGE_ORDER) or an amount without a currency in a workspace
 * without one (%CL_CSV_ERROR_NO_CURRENCY). One transaction: all or nothing is
 * written; a copy of the workspace is kept so the import can be undone.
 * @options->progress is called every 1000 rows written and at the end, on the
 * calling thread.
 *
 * Returns: %TRUE when the import was written; %FALSE with @error set, and
 *   nothing written
 */
gboolean
cl_deal_import (ClStore                *store,
                const ClCsv            *csv,
                const ClCrmMapping     *mapping,
                const ClImportOptions  *options,
                ClImportReport         *report,
                GError                **error)
{
  g_autoptr (ClImportRows) rows = g_array_new (FALSE, FALSE, sizeof (ClImportRow));
  g_autoptr (ClStagePlan) own_plan = NULL;
  ClImport import = {
    .store = store,
    .report = report,
    .as_of = options->as_of,
    .plan = options->stages,
    .strings = g_string_chunk_new (64 * 1024),
    .by_external = g_hash_table_new (g_str_hash, g_str_equal),
    .by_name = g_hash_table_new (g_str_hash, g_str_equal),
    .key = g_string_new (NULL),
    .owners = g_hash_table_new (g_str_hash, g_str_equal),
    .reps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .owner_ids = cl_crm_mapping_reads_ids (mapping, csv, CL_CRM_FIELD_OWNER),
    .currencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .default_currency = cl_store_get_currency (store),
  };
  g_autofree char *undo_copy = NULL;
  /* each page is written once: a small cache, the copy for undo included */
  int cache_kib = cl_store_set_cache_size (store, CL_STORE_BULK_WRITE_CACHE_KIB);
  gboolean ok = read_rows (csv, mapping, options, rows, report, error);

  if (ok && import.plan == NULL)
    ok = (import.plan = own_plan = plan_rows (store, mapping->kind, rows, error)) != NULL;
  ok = ok && check_before_writing (&import, options, rows, error);
  /* the workspace as it is, to undo the import with */
  if (ok)
    ok = (undo_copy = cl_store_copy_for_undo (store, error)) != NULL;
  /* said again as the owners are found: the roster may have named them all */
  report->id_fields &= ~(1u << CL_CRM_FIELD_OWNER);
  if (ok && (ok = cl_store_begin (store, error)))
    {
      if (write_all (&import, options, csv, rows, error))
        ok = cl_store_commit (store, error);
      else
        {
          cl_store_rollback (store);
          ok = FALSE;
        }
    }
  if (ok)
    {
      g_autoptr (GError) placing = NULL;

      /* the import stands even when its undo point could not be kept */
      if (!cl_store_place_undo_copy (store, undo_copy, &placing))
        g_warning ("%s", placing->message);
    }
  if (undo_copy != NULL)
    cl_store_remove_files (undo_copy);
  import_free (&import);
  cl_store_set_cache_size (store, cache_kib);
  return ok;
}
