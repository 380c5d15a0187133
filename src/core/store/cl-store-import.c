/* cl-store-import.c — a CRM import's deals read and written in bulk
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import reads every deal once, as plain records, and writes what its
 * rows change through one writer, inside the import's transaction: new
 * deals and the events of their history go in many rows per statement,
 * their ids given as SQLite would give them (one past the largest), and a
 * changed deal is written only in the columns that changed, so an index
 * over an unchanged column is not touched. Into a workspace without deals
 * the rows are written before the indexes over them, which are then built
 * once from the sorted rows; a rollback brings the indexes back with the
 * rest.
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cl-store-import.h"
#include "cl-store-private.h"

/* Rows per INSERT statement: a statement's own cost is shared by as many
 * rows, well under SQLite's limit of bound parameters. */
#define ROWS_PER_STATEMENT 64

#define DEAL_INSERT "INSERT INTO deals (id, external_id, name, account, owner_id, stage_id, amount_cents, currency, " \
                    "close_date, forecast, next_step, next_step_due, status, status_reason, created_on, "          \
                    "stage_entered_on) VALUES "
#define DEAL_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)"
#define DEAL_PARAMS 15
#define EVENT_INSERT "INSERT INTO deal_events (deal_id, occurred_on, field, old_value, new_value) VALUES "
#define EVENT_VALUES "(?, ?, ?, ?, ?)"
#define EVENT_PARAMS 5

/* The columns an import writes over a stored deal, in the order of the
 * bits of a change. */
typedef enum {
  COLUMN_EXTERNAL_ID,
  COLUMN_NAME,
  COLUMN_ACCOUNT,
  COLUMN_OWNER,
  COLUMN_STAGE,
  COLUMN_AMOUNT,
  COLUMN_CURRENCY,
  COLUMN_CLOSE_DATE,
  COLUMN_NEXT_STEP,
  COLUMN_STATUS,
  COLUMN_STATUS_REASON,
  COLUMN_STAGE_ENTERED,
  N_COLUMNS
} ClDealColumn;

/* The columns whose changes are events of the deal's history. */
#define EVENT_COLUMNS ((1u << COLUMN_STAGE) | (1u << COLUMN_AMOUNT) | (1u << COLUMN_CLOSE_DATE) \
                       | (1u << COLUMN_NEXT_STEP) | (1u << COLUMN_OWNER) | (1u << COLUMN_STATUS))

static const char * const column_names[N_COLUMNS] = {
  "external_id", "name", "account", "owner_id", "stage_id", "amount_cents", "currency", "close_date",
  "next_step", "status", "status_reason", "stage_entered_on",
};

typedef struct
{
  gint64      deal_id;
  ClDay       occurred_on;
  const char *field;
  const char *old_value;    /* NULL for none */
  const char *new_value;
} ClPendingEvent;

/* The text of the days written last: an export's rows share few days. */
#define DAY_SLOTS 512

typedef struct
{
  ClDay day;
  char  text[11];
} ClDayText;

struct _ClImportWriter
{
  ClStore      *store;
  ClDay         as_of;
  ClDayText     days[DAY_SLOTS];
  char         *full_inserts[2];  /* the INSERT of a full batch of deals, of events */
  GHashTable   *updates;          /* changed columns → their UPDATE */
  gint64        last_id;     /* the largest deal id, written or waiting */
  GArray       *deals;       /* ClImportDeal waiting to be inserted */
  GArray       *events;      /* ClPendingEvent waiting to be inserted */
  GStringChunk *strings;     /* the texts of what waits, emptied as it is written */
  GStrv         indexes;     /* the CREATE INDEX of those dropped for the first rows */
};

/**
 * cl_store_read_import_deals:
 * @self: the workspace
 * @strings: where the deals' texts are kept
 * @deals: (element-type ClImportDeal): where the deals are appended, in the
 *   order they were added
 * @error: return location for a #GError, or %NULL
 *
 * Reads every deal, open or closed, as an import compares them with its
 * rows: no record per deal, its texts in @strings. The days an import
 * never compares, the creation and the stage entry, are left 0.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_read_import_deals (ClStore       *self,
                            GStringChunk  *strings,
                            GArray        *deals,
                            GError       **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT id, external_id, name, account, owner_id, stage_id, amount_cents, "
                                       "currency, close_date, next_step, status, status_reason FROM deals "
                                       "ORDER BY id", "");
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *external_id = (const char *) sqlite3_column_text (stmt, 1);
      ClImportDeal deal = {
        .id = sqlite3_column_int64 (stmt, 0),
        .external_id = external_id ? g_string_chunk_insert (strings, external_id) : NULL,
        .name = g_string_chunk_insert (strings, (const char *) sqlite3_column_text (stmt, 2)),
        .account = g_string_chunk_insert (strings, (const char *) sqlite3_column_text (stmt, 3)),
        .owner_id = sqlite3_column_int64 (stmt, 4),
        .stage_id = sqlite3_column_int64 (stmt, 5),
        .amount_cents = sqlite3_column_int64 (stmt, 6),
        .currency = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, 7)),
        .close_date = cl_column_day (stmt, 8),
        .next_step = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, 9)),
        .status = cl_column_enum (stmt, 10, cl_deal_status_names),
        .status_reason = g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (stmt, 11)),
      };

      g_array_append_val (deals, deal);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/* Whether the workspace has no deal and no event yet. */
static gboolean
is_empty (ClStore   *self,
          gboolean  *empty,
          GError   **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT NOT EXISTS (SELECT 1 FROM deals) "
                                                    "AND NOT EXISTS (SELECT 1 FROM deal_events)", "");
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *empty = sqlite3_column_int (stmt, 0);
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_import_writer_new:
 * @self: the workspace, inside a transaction the import began
 * @as_of: the day the import's changes are dated, not 0
 * @error: return location for a #GError, or %NULL
 *
 * Starts writing an import's deals. Into a workspace without deals, the
 * indexes over deals and their events are built once the rows are in, by
 * cl_import_writer_finish (); the caller's rollback brings them back.
 *
 * Returns: (transfer full) (nullable): the writer, for
 *   cl_import_writer_free (), or %NULL with @error set
 */
ClImportWriter *
cl_import_writer_new (ClStore  *self,
                      ClDay     as_of,
                      GError  **error)
{
  g_autoptr (ClImportWriter) writer = g_new0 (ClImportWriter, 1);
  sqlite3_stmt *stmt;
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (CL_IS_STORE (self) && as_of != 0, NULL);

  writer->store = self;
  writer->as_of = as_of;
  writer->deals = g_array_new (FALSE, FALSE, sizeof (ClImportDeal));
  writer->events = g_array_new (FALSE, FALSE, sizeof (ClPendingEvent));
  writer->strings = g_string_chunk_new (64 * 1024);
  writer->updates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if ((stmt = cl_store_query (self, error, "SELECT coalesce(max(id), 0) FROM deals", "")) == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    writer->last_id = sqlite3_column_int64 (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error) || !is_empty (self, &empty, error))
    return NULL;
  if (empty)
    {
      static const char *const tables[] = { "deals", "deal_events", NULL };

      if ((writer->indexes = cl_store_drop_indexes (self, tables, error)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&writer);
}

/* The text of @day, from the days written last when it is one of them. */
static void
bind_day (ClImportWriter *writer,
          sqlite3_stmt   *stmt,
          int             param,
          ClDay           day)
{
  ClDayText *slot = &writer->days[(guint) day % DAY_SLOTS];

  if (slot->day != day)
    {
      slot->day = day;
      cl_date_format_into (day, slot->text);
    }
  sqlite3_bind_text (stmt, param, slot->text, 10, SQLITE_TRANSIENT);
}

static void
bind_deal (ClImportWriter     *writer,
           sqlite3_stmt       *stmt,
           int                 first,
           const ClImportDeal *deal)
{
  sqlite3_bind_int64 (stmt, first, deal->id);
  sqlite3_bind_text (stmt, first + 1, deal->external_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, deal->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 3, deal->account, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 4, deal->owner_id);
  sqlite3_bind_int64 (stmt, first + 5, deal->stage_id);
  sqlite3_bind_int64 (stmt, first + 6, deal->amount_cents);
  sqlite3_bind_text (stmt, first + 7, deal->currency, -1, SQLITE_STATIC);
  bind_day (writer, stmt, first + 8, deal->close_date);
  sqlite3_bind_text (stmt, first + 9, cl_forecast_to_string (CL_FORECAST_PIPELINE), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 10, deal->next_step, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 11, cl_deal_status_to_string (deal->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 12, deal->status_reason, -1, SQLITE_STATIC);
  bind_day (writer, stmt, first + 13, deal->created_on);
  bind_day (writer, stmt, first + 14, deal->stage_entered_on);
}

static void
bind_event (ClImportWriter       *writer,
            sqlite3_stmt         *stmt,
            int                   first,
            const ClPendingEvent *event)
{
  sqlite3_bind_int64 (stmt, first, event->deal_id);
  bind_day (writer, stmt, first + 1, event->occurred_on);
  sqlite3_bind_text (stmt, first + 2, event->field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 3, event->old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 4, event->new_value, -1, SQLITE_STATIC);
}

typedef void (*ClBindRow) (ClImportWriter *writer,
                           sqlite3_stmt   *stmt,
                           int             first,
                           gconstpointer   row);

/* A table the writer inserts into: its INSERT, one row's values, and how
 * a waiting row is bound to them. */
typedef struct
{
  const char *insert;
  const char *values;
  int         n_params;
  guint       full_insert;   /* its slot in the writer's full_inserts */
  ClBindRow   bind;
} ClRowTable;

static const ClRowTable deal_table = {
  DEAL_INSERT, DEAL_VALUES, DEAL_PARAMS, 0, (ClBindRow) bind_deal,
};
static const ClRowTable event_table = {
  EVENT_INSERT, EVENT_VALUES, EVENT_PARAMS, 1, (ClBindRow) bind_event,
};

/* "INSERT … VALUES (…), (…)" of @n_rows rows into @table */
static char *
insert_sql (const ClRowTable *table,
            guint             n_rows)
{
  GString *sql = g_string_new (table->insert);

  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, table->values);
    }
  return g_string_free (sql, FALSE);
}

/* Inserts the rows waiting in @rows into @table, as many per statement as
 * fit; the text of a full statement is made once. */
static gboolean
insert_rows (ClImportWriter    *writer,
             const ClRowTable  *table,
             GArray            *rows,
             GError           **error)
{
  guint size = g_array_get_element_size (rows);

  for (guint first = 0; first < rows->len; first += ROWS_PER_STATEMENT)
    {
      guint n_rows = MIN (ROWS_PER_STATEMENT, rows->len - first);
      g_autofree char *partial = NULL;
      char **full = &writer->full_inserts[table->full_insert];
      sqlite3_stmt *stmt;

      if (n_rows == ROWS_PER_STATEMENT && *full == NULL)
        *full = insert_sql (table, n_rows);
      stmt = cl_store_query (writer->store, error,
                             n_rows == ROWS_PER_STATEMENT ? *full : (partial = insert_sql (table, n_rows)), "");
      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < n_rows; r++)
        table->bind (writer, stmt, table->n_params * r + 1, rows->data + (first + r) * size);
      if (!cl_store_query_done (writer->store, stmt, sqlite3_step (stmt), error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the deals and events waiting, the deals first: events name them. */
static gboolean
flush (ClImportWriter  *writer,
       GError         **error)
{
  gboolean ok = insert_rows (writer, &deal_table, writer->deals, error)
                && insert_rows (writer, &event_table, writer->events, error);

  g_array_set_size (writer->deals, 0);
  g_array_set_size (writer->events, 0);
  g_string_chunk_clear (writer->strings);
  return ok;
}

/* Texts of what waits, kept until it is written. */
static const char *
keep (ClImportWriter *writer,
      const char     *text)
{
  return text ? g_string_chunk_insert (writer->strings, text) : NULL;
}

/* Queues @event, its texts copied; a full batch is written. */
static gboolean
queue_event (ClImportWriter  *writer,
             ClPendingEvent   event,
             GError         **error)
{
  event.old_value = keep (writer, event.old_value);
  event.new_value = keep (writer, event.new_value);
  g_array_append_val (writer->events, event);
  return writer->events->len < ROWS_PER_STATEMENT || flush (writer, error);
}

/**
 * cl_import_writer_add:
 * @writer: the writer
 * @deal: a new deal, with every column but its id; its id is set
 * @error: return location for a #GError, or %NULL
 *
 * Adds @deal and the "created" event of its history, dated its creation
 * day, as cl_store_add_deal () does; they may be written later, by the
 * writer's next call.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT when the
 *   deals' ids ran out or a row breaks the workspace's rules)
 */
gboolean
cl_import_writer_add (ClImportWriter  *writer,
                      ClImportDeal    *deal,
                      GError         **error)
{
  ClImportDeal kept = *deal;

  if (writer->last_id == G_MAXINT64)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                                _("The workspace has no deal id left to give")), FALSE;
  deal->id = kept.id = ++writer->last_id;
  kept.external_id = keep (writer, deal->external_id);
  kept.name = keep (writer, deal->name);
  kept.account = keep (writer, deal->account);
  kept.currency = keep (writer, deal->currency);
  kept.next_step = keep (writer, deal->next_step);
  kept.status_reason = keep (writer, deal->status_reason);
  g_array_append_val (writer->deals, kept);
  if (writer->deals->len == ROWS_PER_STATEMENT && !flush (writer, error))
    return FALSE;
  return queue_event (writer, (ClPendingEvent) { deal->id, deal->created_on, "created", NULL, deal->name }, error);
}

/* The columns where @after differs from @before, as bits. */
static guint
changed_columns (const ClImportDeal *before,
                 const ClImportDeal *after)
{
  return (g_strcmp0 (before->external_id, after->external_id) != 0) << COLUMN_EXTERNAL_ID
         | (g_strcmp0 (before->name, after->name) != 0) << COLUMN_NAME
         | (g_strcmp0 (before->account, after->account) != 0) << COLUMN_ACCOUNT
         | (before->owner_id != after->owner_id) << COLUMN_OWNER
         | (before->stage_id != after->stage_id) << COLUMN_STAGE
         | (before->amount_cents != after->amount_cents) << COLUMN_AMOUNT
         | (g_strcmp0 (before->currency, after->currency) != 0) << COLUMN_CURRENCY
         | (before->close_date != after->close_date) << COLUMN_CLOSE_DATE
         | (g_strcmp0 (before->next_step, after->next_step) != 0) << COLUMN_NEXT_STEP
         | (before->status != after->status) << COLUMN_STATUS
         | (g_strcmp0 (before->status_reason, after->status_reason) != 0) << COLUMN_STATUS_REASON
         | (before->stage_entered_on != after->stage_entered_on) << COLUMN_STAGE_ENTERED;
}

static void
bind_column (ClImportWriter     *writer,
             sqlite3_stmt       *stmt,
             int                 param,
             ClDealColumn        column,
             const ClImportDeal *deal)
{
  switch (column)
    {
    case COLUMN_EXTERNAL_ID:
      sqlite3_bind_text (stmt, param, deal->external_id, -1, SQLITE_STATIC);
      break;
    case COLUMN_NAME:
      sqlite3_bind_text (stmt, param, deal->name, -1, SQLITE_STATIC);
      break;
    case COLUMN_ACCOUNT:
      sqlite3_bind_text (stmt, param, deal->account, -1, SQLITE_STATIC);
      break;
    case COLUMN_OWNER:
      sqlite3_bind_int64 (stmt, param, deal->owner_id);
      break;
    case COLUMN_STAGE:
      sqlite3_bind_int64 (stmt, param, deal->stage_id);
      break;
    case COLUMN_AMOUNT:
      sqlite3_bind_int64 (stmt, param, deal->amount_cents);
      break;
    case COLUMN_CURRENCY:
      sqlite3_bind_text (stmt, param, deal->currency, -1, SQLITE_STATIC);
      break;
    case COLUMN_CLOSE_DATE:
      bind_day (writer, stmt, param, deal->close_date);
      break;
    case COLUMN_NEXT_STEP:
      sqlite3_bind_text (stmt, param, deal->next_step, -1, SQLITE_STATIC);
      break;
    case COLUMN_STATUS:
      sqlite3_bind_text (stmt, param, cl_deal_status_to_string (deal->status), -1, SQLITE_STATIC);
      break;
    case COLUMN_STATUS_REASON:
      sqlite3_bind_text (stmt, param, deal->status_reason, -1, SQLITE_STATIC);
      break;
    case COLUMN_STAGE_ENTERED:
      bind_day (writer, stmt, param, deal->stage_entered_on);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* "UPDATE deals SET …" of the @changed columns of @deal, by its id; the
 * text of each set of columns made once. */
static gboolean
update_columns (ClImportWriter      *writer,
                guint                changed,
                const ClImportDeal  *deal,
                GError             **error)
{
  const char *sql = g_hash_table_lookup (writer->updates, GUINT_TO_POINTER (changed));
  sqlite3_stmt *stmt;
  int param = 0;

  if (sql == NULL)
    {
      GString *text = g_string_new ("UPDATE deals SET ");

      for (guint c = 0; c < N_COLUMNS; c++)
        if (changed & (1u << c))
          g_string_append_printf (text, "%s%s = ?", param++ ? ", " : "", column_names[c]);
      g_string_append (text, " WHERE id = ?");
      sql = g_string_free (text, FALSE);
      g_hash_table_insert (writer->updates, GUINT_TO_POINTER (changed), (char *) sql);
    }
  if ((stmt = cl_store_query (writer->store, error, sql, "")) == NULL)
    return FALSE;
  param = 0;
  for (guint c = 0; c < N_COLUMNS; c++)
    if (changed & (1u << c))
      bind_column (writer, stmt, ++param, c, deal);
  sqlite3_bind_int64 (stmt, param + 1, deal->id);
  return cl_store_query_done (writer->store, stmt, sqlite3_step (stmt), error);
}

/* The event of a change of @field from @before to @after, numbers as
 * their decimal text, when they differ. */
static gboolean
add_number_event (ClImportWriter  *writer,
                  gint64           deal_id,
                  const char      *field,
                  gint64           before,
                  gint64           after,
                  GError         **error)
{
  char old_text[24], new_text[24];

  if (before == after)
    return TRUE;
  g_snprintf (old_text, sizeof old_text, "%" G_GINT64_FORMAT, before);
  g_snprintf (new_text, sizeof new_text, "%" G_GINT64_FORMAT, after);
  return queue_event (writer, (ClPendingEvent) { deal_id, writer->as_of, field, old_text, new_text }, error);
}

/**
 * cl_import_writer_update:
 * @writer: the writer
 * @before: the deal as it is stored now
 * @after: the same deal (its id) with its new values; a stage change sets
 *   its stage entry day to the import's day
 * @error: return location for a #GError, or %NULL
 *
 * Writes the columns of @after that differ from @before, and each change
 * of stage, amount, close date, next step, owner or status as an event
 * dated the import's day, as cl_store_update_deal () records them.
 * @before must be what is stored.
 *
 * Returns: how many changes were recorded as events (0 when only the name,
 *   account, currency, record id or reason changed, or nothing); -1 with
 *   @error set
 */
int
cl_import_writer_update (ClImportWriter      *writer,
                         const ClImportDeal  *before,
                         ClImportDeal        *after,
                         GError             **error)
{
  char old_day[11], new_day[11];
  guint changed;

  g_return_val_if_fail (before->id == after->id, -1);

  /* a deal still waiting to be inserted is written first */
  if (writer->deals->len > 0 && after->id >= g_array_index (writer->deals, ClImportDeal, 0).id
      && !flush (writer, error))
    return -1;
  if (before->stage_id != after->stage_id)
    after->stage_entered_on = writer->as_of;
  if ((changed = changed_columns (before, after)) == 0)
    return 0;
  if (!update_columns (writer, changed, after, error))
    return -1;
  cl_date_format_into (before->close_date, old_day);
  cl_date_format_into (after->close_date, new_day);
  /* the order the events of one change have always had */
  if (!add_number_event (writer, after->id, "stage", before->stage_id, after->stage_id, error)
      || !add_number_event (writer, after->id, "amount", before->amount_cents, after->amount_cents, error)
      || (before->close_date != after->close_date
          && !queue_event (writer, (ClPendingEvent) { after->id, writer->as_of, "close_date", old_day, new_day }, error))
      || (g_strcmp0 (before->next_step, after->next_step) != 0
          && !queue_event (writer, (ClPendingEvent) { after->id, writer->as_of, "next_step", before->next_step,
                                                     after->next_step }, error))
      || !add_number_event (writer, after->id, "owner", before->owner_id, after->owner_id, error)
      || (before->status != after->status
          && !queue_event (writer, (ClPendingEvent) { after->id, writer->as_of, "status",
                                                     cl_deal_status_to_string (before->status),
                                                     cl_deal_status_to_string (after->status) }, error)))
    return -1;
  return __builtin_popcount (changed & EVENT_COLUMNS);
}

/**
 * cl_import_writer_finish:
 * @writer: the writer
 * @error: return location for a #GError, or %NULL
 *
 * Writes what still waits and builds the indexes the first rows were
 * written without.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_import_writer_finish (ClImportWriter  *writer,
                         GError         **error)
{
  if (!flush (writer, error))
    return FALSE;
  if (writer->indexes != NULL
      && !cl_store_create_indexes (writer->store, (const char *const *) writer->indexes, error))
    return FALSE;
  g_clear_pointer (&writer->indexes, g_strfreev);
  return TRUE;
}

/**
 * cl_import_writer_free:
 * @writer: (nullable) (transfer full): a writer, or %NULL
 *
 * Frees @writer; what it did not write yet is dropped, for the caller's
 * rollback.
 */
void
cl_import_writer_free (ClImportWriter *writer)
{
  if (writer == NULL)
    return;
  g_array_unref (writer->deals);
  g_array_unref (writer->events);
  g_string_chunk_free (writer->strings);
  g_strfreev (writer->indexes);
  g_free (writer->full_inserts[0]);
  g_free (writer->full_inserts[1]);
  g_hash_table_unref (writer->updates);
  g_free (writer);
}
