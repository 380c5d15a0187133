/* cl-store-pipeline.c — reps, the sales process, deals and their history,
 * weekly reviews, decisions and actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-store-private.h"

/* ------------------------------------------------------------------ reps and stages */

/**
 * cl_store_add_rep:
 * @self: the workspace
 * @rep: the rep to add; its id is set
 * @error: return location for a #GError, or %NULL
 *
 * Adds a rep with their name, email and manager flag.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for a
 *   blank name or one another rep has)
 */
gboolean
cl_store_add_rep (ClStore  *self,
                  ClRep    *rep,
                  GError  **error)
{
  g_return_val_if_fail (CL_IS_REP (rep), FALSE);
  return cl_store_run (self, &rep->id, error,
                       "INSERT INTO reps (name, email, is_manager) VALUES (?, ?, ?)",
                       "ssi", rep->name, rep->email, rep->is_manager ? 1 : 0);
}

static GObject *
build_rep (sqlite3_stmt *stmt)
{
  ClRep *rep = g_object_new (CL_TYPE_REP, NULL);

  rep->id = sqlite3_column_int64 (stmt, 0);
  rep->name = cl_column_text (stmt, 1);
  rep->email = cl_column_text (stmt, 2);
  rep->is_manager = sqlite3_column_int (stmt, 3);
  rep->has_left = sqlite3_column_int (stmt, 4);
  return G_OBJECT (rep);
}

/**
 * cl_store_list_reps:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists every rep, those who left included, by name.
 *
 * Returns: (transfer full) (nullable): a list of #ClRep, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_reps (ClStore  *self,
                    GError  **error)
{
  return cl_store_list (self, CL_TYPE_REP, build_rep, error,
                        "SELECT id, name, email, is_manager, has_left FROM reps ORDER BY name", "");
}

/**
 * cl_store_find_rep:
 * @self: the workspace
 * @name: the rep's name, in any case
 * @error: return location for a #GError, or %NULL
 *
 * Finds the rep called @name, comparing case-folded names. Reads every
 * rep.
 *
 * Returns: (transfer full) (nullable): the rep, or %NULL with @error set
 *   (NOT_FOUND when no rep has that name)
 */
ClRep *
cl_store_find_rep (ClStore     *self,
                   const char  *name,
                   GError     **error)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (self, error);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  if (reps == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);
      g_autofree char *folded = g_utf8_casefold (rep->name, -1);

      if (g_str_equal (folded, wanted))
        return g_steal_pointer (&rep);
    }
  return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                      _("There is no rep called “%s” in this workspace"), name), NULL;
}

/**
 * cl_store_add_stage:
 * @self: the workspace
 * @stage: the stage to add, at its position; its id is set
 * @error: return location for a #GError, or %NULL
 *
 * Adds a stage as it is, position included; a stall threshold of 0 is
 * stored as none. cl_store_insert_stage () places one among the others.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for a
 *   name or a position another stage has)
 */
gboolean
cl_store_add_stage (ClStore  *self,
                    ClStage  *stage,
                    GError  **error)
{
  g_return_val_if_fail (CL_IS_STAGE (stage), FALSE);
  return cl_store_run (self, &stage->id, error,
                       "INSERT INTO stages (name, position, probability, exit_criteria, "
                       "required_meddic, stalled_days) VALUES (?, ?, ?, ?, ?, nullif (?, 0))",
                       "siisii", stage->name, stage->position, stage->probability,
                       stage->exit_criteria ? stage->exit_criteria : "",
                       (int) stage->required_meddic, stage->stalled_days);
}

/**
 * cl_store_update_stage:
 * @self: the workspace
 * @stage: the stage, by its id, with its new values
 * @error: return location for a #GError, or %NULL
 *
 * Saves a stage's name, probability, exit criteria, required elements and
 * stall threshold (0 for none); not its position.
 *
 * Returns: %TRUE on success, %FALSE with @error set (NOT_FOUND when no
 *   stage has its id)
 */
gboolean
cl_store_update_stage (ClStore  *self,
                       ClStage  *stage,
                       GError  **error)
{
  g_return_val_if_fail (CL_IS_STAGE (stage), FALSE);
  if (!cl_store_run (self, NULL, error,
                     "UPDATE stages SET name = ?, probability = ?, exit_criteria = ?, "
                     "required_meddic = ?, stalled_days = nullif (?, 0) WHERE id = ?",
                     "sisiiI", stage->name, stage->probability,
                     stage->exit_criteria ? stage->exit_criteria : "", (int) stage->required_meddic,
                     stage->stalled_days, stage->id))
    return FALSE;
  if (sqlite3_changes (cl_store_get_db (self)) == 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("There is no stage “%s”"), stage->name), FALSE;
  return TRUE;
}

/**
 * cl_store_insert_stage:
 * @self: the workspace
 * @stage: the new stage; its id and position are set
 * @index: where it goes, 0 first; no more than the number of stages (past
 *   the end it goes last, but its position is set to @index + 1)
 * @error: return location for a #GError, or %NULL
 *
 * Adds a stage at @index of the process, the stages from there on one
 * further, in one transaction.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_store_insert_stage (ClStore  *self,
                       ClStage  *stage,
                       guint     index,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CL_IS_STAGE (stage), FALSE);
  if (!cl_store_begin (self, error))
    return FALSE;
  /* positions are unique: added last, then moved where it goes */
  stmt = cl_store_query (self, error, "SELECT coalesce(max(position), 0) + 1 FROM stages", "");
  if (stmt == NULL)
    goto failed;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    stage->position = sqlite3_column_int (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error) || !cl_store_add_stage (self, stage, error)
      || !cl_store_move_stage (self, stage->id, index, error))
    goto failed;
  stage->position = index + 1;
  return cl_store_commit (self, error);

failed:
  cl_store_rollback (self);
  return FALSE;
}

/**
 * cl_store_move_stage:
 * @self: the workspace
 * @stage_id: the stage's id
 * @index: where it goes, 0 first; past the end puts it last
 * @error: return location for a #GError, or %NULL
 *
 * Moves a stage to @index in the process, the others closing up, in one
 * transaction.
 *
 * Returns: %TRUE on success, %FALSE with @error set (NOT_FOUND when no
 *   stage has that id)
 */
gboolean
cl_store_move_stage (ClStore  *self,
                     gint64    stage_id,
                     guint     index,
                     GError  **error)
{
  return cl_store_move_row (self, "stages", "", stage_id, index, _("There is no stage %" PRId64), error);
}

/**
 * cl_store_delete_stage:
 * @self: the workspace
 * @stage: the stage, by its id
 * @error: return location for a #GError, or %NULL
 *
 * Removes a stage no deal is in. The other stages keep their positions;
 * a stage already gone is no error.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT while a
 *   deal is in it)
 */
gboolean
cl_store_delete_stage (ClStore  *self,
                       ClStage  *stage,
                       GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT count(*) FROM deals WHERE stage_id = ?",
                                       "I", stage->id);
  int rc, n = 0;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error))
    return FALSE;
  if (n > 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_CONSTRAINT,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Stage “%s” still holds %d deal; move it to another stage first",
                                     "Stage “%s” still holds %d deals; move them to another stage first",
                                     n),
                        stage->name, n), FALSE;
  return cl_store_run (self, NULL, error, "DELETE FROM stages WHERE id = ?", "I", stage->id);
}

static GObject *
build_stage (sqlite3_stmt *stmt)
{
  ClStage *stage = g_object_new (CL_TYPE_STAGE, NULL);

  stage->id = sqlite3_column_int64 (stmt, 0);
  stage->name = cl_column_text (stmt, 1);
  stage->position = sqlite3_column_int (stmt, 2);
  stage->probability = sqlite3_column_int (stmt, 3);
  stage->exit_criteria = cl_column_text (stmt, 4);
  stage->required_meddic = sqlite3_column_int (stmt, 5);
  stage->stalled_days = sqlite3_column_int (stmt, 6);   /* NULL reads as 0: learned */
  return G_OBJECT (stage);
}

/**
 * cl_store_list_stages:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists the stages of the process in order.
 *
 * Returns: (transfer full) (nullable): a list of #ClStage, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_stages (ClStore  *self,
                      GError  **error)
{
  return cl_store_list (self, CL_TYPE_STAGE, build_stage, error,
                        "SELECT id, name, position, probability, exit_criteria, required_meddic, "
                        "stalled_days FROM stages ORDER BY position", "");
}

/* ------------------------------------------------------------------ deals */

#define DEAL_COLUMNS                                                                 \
  "d.id, d.external_id, d.name, d.account, d.owner_id, d.stage_id, d.amount_cents, " \
  "d.currency, d.close_date, d.forecast, d.next_step, d.next_step_due, d.status, "   \
  "d.status_reason, d.created_on, d.stage_entered_on, r.name, s.name "               \
  "FROM deals d JOIN reps r ON r.id = d.owner_id JOIN stages s ON s.id = d.stage_id "

/* The deal's texts, columns 1 to 17 of DEAL_COLUMNS, copied into one
 * block (ClDeal.texts): a listing of 100 000 deals makes 100 000 blocks,
 * not 800 000 strings each with its allocator's header. */
static void
pack_texts (ClDeal       *deal,
            sqlite3_stmt *stmt)
{
  static const int columns[] = { 1, 2, 3, 7, 10, 13, 16, 17 };
  char **fields[] = CL_DEAL_TEXTS (deal);
  const char *texts[G_N_ELEMENTS (columns)];
  gsize lengths[G_N_ELEMENTS (columns)];
  gsize size = 0;
  char *next;

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (fields));
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      /* the text first, then its length in that form, as SQLite asks */
      texts[i] = (const char *) sqlite3_column_text (stmt, columns[i]);
      lengths[i] = texts[i] != NULL ? (gsize) sqlite3_column_bytes (stmt, columns[i]) : 0;
      size += texts[i] != NULL ? lengths[i] + 1 : 0;
    }
  next = deal->texts = g_malloc (MAX (size, 1));
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    if (texts[i] != NULL)
      {
        memcpy (next, texts[i], lengths[i]);
        next[lengths[i]] = '\0';
        *fields[i] = next;
        next += lengths[i] + 1;
      }
}

static GObject *
build_deal (sqlite3_stmt *stmt)
{
  ClDeal *deal = g_object_new (CL_TYPE_DEAL, NULL);

  deal->id = sqlite3_column_int64 (stmt, 0);
  pack_texts (deal, stmt);
  deal->owner_id = sqlite3_column_int64 (stmt, 4);
  deal->stage_id = sqlite3_column_int64 (stmt, 5);
  deal->amount_cents = sqlite3_column_int64 (stmt, 6);
  deal->close_date = cl_column_day (stmt, 8);
  deal->forecast = cl_column_enum (stmt, 9, cl_forecast_names);
  deal->next_step_due = cl_column_day (stmt, 11);
  deal->status = cl_column_enum (stmt, 12, cl_deal_status_names);
  deal->created_on = cl_column_day (stmt, 14);
  deal->stage_entered_on = cl_column_day (stmt, 15);
  return G_OBJECT (deal);
}

static gboolean
check_deal (ClDeal  *deal,
            GError **error)
{
  g_autofree char *problem = cl_deal_values_problem (deal->name, deal->amount_cents, deal->currency);

  if (problem != NULL)
    /* Translators: a deal's name, then what is wrong with it */
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("Deal “%s”: %s"),
                        deal->name ? deal->name : "", problem), FALSE;
  if (deal->close_date == 0 || deal->created_on == 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("Deal “%s” needs a close date and a creation date"),
                        deal->name ? deal->name : ""), FALSE;
  return TRUE;
}

static gboolean
add_event (ClStore     *self,
           gint64       deal_id,
           ClDay        on,
           const char  *field,
           const char  *old_value,
           const char  *new_value,
           GError     **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT INTO deal_events (deal_id, occurred_on, field, old_value, new_value) "
                       "VALUES (?, ?, ?, ?, ?)",
                       "Idsss", deal_id, on, field, old_value, new_value);
}

/* Rows per statement of a multi-row INSERT: a statement's own cost (its
 * start, its end, its foreign-key and savepoint bookkeeping) is shared by
 * as many rows, well under SQLite's limit of bound parameters. */
#define ROWS_PER_INSERT 32

/* "INSERT INTO @table_columns VALUES @row, @row, …" for @n_rows rows */
static char *
multi_row_insert (const char *table_columns,
                  const char *row,
                  guint       n_rows)
{
  GString *sql = g_string_new ("INSERT INTO ");

  g_string_append_printf (sql, "%s VALUES %s", table_columns, row);
  for (guint i = 1; i < n_rows; i++)
    g_string_append_printf (sql, ", %s", row);
  return g_string_free (sql, FALSE);
}

/**
 * cl_store_add_deal_events:
 * @self: the workspace
 * @events: (element-type ClDealEvent): the changes, each with its deal,
 *   day, field and values; their ids are not set
 * @error: return location for a #GError, or %NULL
 *
 * Adds changes to deals' histories as they are, for history that arrives
 * from elsewhere (an import, the demo team), in one transaction, a few
 * dozen rows per statement; the deals themselves are not changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for an
 *   unknown deal or field), and none added
 */
gboolean
cl_store_add_deal_events (ClStore    *self,
                          GPtrArray  *events,
                          GError    **error)
{
  gboolean ok;

  if (!cl_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint first = 0; ok && first < events->len; first += ROWS_PER_INSERT)
    {
      guint n_rows = MIN (ROWS_PER_INSERT, events->len - first);
      g_autofree char *sql = multi_row_insert ("deal_events (deal_id, occurred_on, field, old_value, new_value)",
                                               "(?, ?, ?, ?, ?)", n_rows);
      sqlite3_stmt *stmt = cl_store_query (self, error, sql, "");

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      for (guint r = 0; r < n_rows; r++)
        {
          ClDealEvent *event = g_ptr_array_index (events, first + r);
          char day[11];

          cl_date_format_into (event->occurred_on, day);
          sqlite3_bind_int64 (stmt, 5 * r + 1, event->deal_id);
          sqlite3_bind_text (stmt, 5 * r + 2, day, 10, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5 * r + 3, event->field, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5 * r + 4, event->old_value, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5 * r + 5, event->new_value, -1, SQLITE_STATIC);
        }
      ok = cl_store_query_done (self, stmt, sqlite3_step (stmt), error);
    }
  if (!ok)
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

/**
 * cl_store_add_deal_event:
 * @self: the workspace
 * @event: the change, with its deal, day, field and values; its id is not
 *   set
 * @error: return location for a #GError, or %NULL
 *
 * Adds one change to a deal's history as it is (see
 * cl_store_add_deal_events ()).
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for an
 *   unknown deal or field)
 */
gboolean
cl_store_add_deal_event (ClStore      *self,
                         ClDealEvent  *event,
                         GError      **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (CL_IS_DEAL_EVENT (event), FALSE);
  g_ptr_array_add (one, event);
  return cl_store_add_deal_events (self, one, error);
}

/**
 * cl_store_add_deal:
 * @self: the workspace
 * @deal: the deal to add; its id is set, and its stage entry day when 0
 *   (to its creation day)
 * @error: return location for a #GError, or %NULL
 *
 * Adds a deal and the "created" event of its history, dated its creation
 * day, in one transaction.
 *
 * Returns: %TRUE on success, %FALSE with @error set (INVALID for a blank
 *   name, an amount out of range, a currency that is not a code, or a
 *   missing close or creation day; CONSTRAINT for an unknown owner or
 *   stage)
 */
gboolean
cl_store_add_deal (ClStore  *self,
                   ClDeal   *deal,
                   GError  **error)
{
  g_return_val_if_fail (CL_IS_DEAL (deal), FALSE);

  if (!check_deal (deal, error))
    return FALSE;
  if (deal->stage_entered_on == 0)
    deal->stage_entered_on = deal->created_on;
  if (!cl_store_begin (self, error))
    return FALSE;
  if (!cl_store_run (self, &deal->id, error,
                     "INSERT INTO deals (external_id, name, account, owner_id, stage_id, "
                     "amount_cents, currency, close_date, forecast, next_step, next_step_due, "
                     "status, status_reason, created_on, stage_entered_on) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "sssIIIsdssdssdd", deal->external_id, deal->name, deal->account,
                     deal->owner_id, deal->stage_id, deal->amount_cents, deal->currency,
                     deal->close_date, cl_forecast_to_string (deal->forecast),
                     deal->next_step ? deal->next_step : "", deal->next_step_due,
                     cl_deal_status_to_string (deal->status),
                     deal->status_reason ? deal->status_reason : "", deal->created_on,
                     deal->stage_entered_on)
      || !add_event (self, deal->id, deal->created_on, "created", NULL, deal->name, error))
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

typedef struct
{
  const char *field;
  char       *old_value;
  char       *new_value;
} FieldChange;

static char *
day_or_null (ClDay day)
{
  return day ? cl_date_format (day) : NULL;
}

/* What a change to @after writes into the history, field by field. */
static GArray *
diff_deals (const ClDeal *before,
            const ClDeal *after)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (FieldChange));
  FieldChange c;

#define CHANGE(name, old_text, new_text)                               \
  c = (FieldChange) { name, old_text, new_text };                      \
  if (g_strcmp0 (c.old_value, c.new_value) != 0)                       \
    g_array_append_val (changes, c);                                   \
  else                                                                 \
    g_free (c.old_value), g_free (c.new_value);

  CHANGE ("stage", g_strdup_printf ("%" G_GINT64_FORMAT, before->stage_id),
          g_strdup_printf ("%" G_GINT64_FORMAT, after->stage_id));
  CHANGE ("amount", g_strdup_printf ("%" G_GINT64_FORMAT, before->amount_cents),
          g_strdup_printf ("%" G_GINT64_FORMAT, after->amount_cents));
  CHANGE ("close_date", day_or_null (before->close_date), day_or_null (after->close_date));
  CHANGE ("next_step", g_strdup (before->next_step), g_strdup (after->next_step ? after->next_step : ""));
  CHANGE ("next_step_due", day_or_null (before->next_step_due), day_or_null (after->next_step_due));
  CHANGE ("owner", g_strdup_printf ("%" G_GINT64_FORMAT, before->owner_id),
          g_strdup_printf ("%" G_GINT64_FORMAT, after->owner_id));
  CHANGE ("status", g_strdup (cl_deal_status_to_string (before->status)),
          g_strdup (cl_deal_status_to_string (after->status)));
  CHANGE ("forecast", g_strdup (cl_forecast_to_string (before->forecast)),
          g_strdup (cl_forecast_to_string (after->forecast)));
#undef CHANGE
  return changes;
}

static void
clear_changes (GArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *c = &g_array_index (changes, FieldChange, i);
      g_free (c->old_value);
      g_free (c->new_value);
    }
  g_array_unref (changes);
}

/* Writes @deal over @before, the same deal as stored now, each change an
 * event dated @as_of, inside the caller's transaction: how many events,
 * or -1 with @error set. */
static gint64
write_deal_over (ClStore       *self,
                 const ClDeal  *before,
                 ClDeal        *deal,
                 ClDay          as_of,
                 GError       **error)
{
  GArray *changes;
  gint64 n_events;
  gboolean ok = TRUE;

  if (before->stage_id != deal->stage_id)
    deal->stage_entered_on = as_of;
  changes = diff_deals (before, deal);
  n_events = changes->len;
  for (guint i = 0; ok && i < changes->len; i++)
    {
      FieldChange *c = &g_array_index (changes, FieldChange, i);
      ok = add_event (self, deal->id, as_of, c->field, c->old_value, c->new_value, error);
    }
  clear_changes (changes);

  ok = ok && cl_store_run (self, NULL, error,
                           "UPDATE deals SET external_id = ?, name = ?, account = ?, owner_id = ?, "
                           "stage_id = ?, amount_cents = ?, currency = ?, close_date = ?, "
                           "forecast = ?, next_step = ?, next_step_due = ?, status = ?, "
                           "status_reason = ?, stage_entered_on = ? WHERE id = ?",
                           "sssIIIsdssdssdI", deal->external_id, deal->name, deal->account,
                           deal->owner_id, deal->stage_id, deal->amount_cents, deal->currency,
                           deal->close_date, cl_forecast_to_string (deal->forecast),
                           deal->next_step ? deal->next_step : "", deal->next_step_due,
                           cl_deal_status_to_string (deal->status),
                           deal->status_reason ? deal->status_reason : "",
                           deal->stage_entered_on, deal->id)
       && cl_store_changed_row (self, deal->id, _("There is no deal with id %" PRId64 " in this workspace"),
                                error);
  return ok ? n_events : -1;
}

/**
 * cl_store_update_deal:
 * @self: the workspace
 * @deal: the deal, by its id, with its new values; a stage change sets its
 *   stage entry day to @as_of
 * @as_of: the day the changes are dated, not 0
 * @error: return location for a #GError, or %NULL
 *
 * Writes @deal over the stored one and records each change of stage,
 * amount, close date, next step, its due day, owner, status or forecast as
 * an event dated @as_of, in one transaction. A stage change restarts the
 * days-in-stage clock.
 *
 * Returns: %TRUE on success, %FALSE with @error set (INVALID as for
 *   cl_store_add_deal (), NOT_FOUND when no deal has its id)
 */
gboolean
cl_store_update_deal (ClStore  *self,
                      ClDeal   *deal,
                      ClDay     as_of,
                      GError  **error)
{
  g_autoptr (ClDeal) before = NULL;

  g_return_val_if_fail (CL_IS_DEAL (deal) && as_of != 0, FALSE);

  if (!check_deal (deal, error) || !cl_store_begin (self, error))
    return FALSE;
  if ((before = cl_store_get_deal (self, deal->id, error)) == NULL
      || write_deal_over (self, before, deal, as_of, error) < 0)
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

/**
 * cl_store_get_deal:
 * @self: the workspace
 * @id: the deal's id
 * @error: return location for a #GError, or %NULL
 *
 * Reads one deal with its current stage and amount, its owner's and
 * stage's names filled in.
 *
 * Returns: (transfer full) (nullable): the deal, or %NULL with @error set
 *   (NOT_FOUND when no deal has that id)
 */
ClDeal *
cl_store_get_deal (ClStore  *self,
                   gint64    id,
                   GError  **error)
{
  return cl_store_get_by_id (self, CL_TYPE_DEAL, build_deal, "SELECT " DEAL_COLUMNS "WHERE d.id = ?", id,
                             _("There is no deal with id %" PRId64 " in this workspace"), error);
}

/**
 * cl_store_set_next_step:
 * @self: the workspace
 * @deal_id: the deal's id
 * @next_step: (nullable): what happens next, trimmed; blank or %NULL clears
 *   it, and its day with it
 * @due: the day it is due, 0 for none
 * @as_of: the day the change is dated, not 0
 * @error: return location for a #GError, or %NULL
 *
 * Sets @deal_id's next step and its due day in one transaction, each
 * change recorded as an event dated @as_of, as an import records them.
 *
 * Returns: %TRUE when it was saved, %FALSE with @error set (NOT_FOUND when
 *   no deal has that id)
 */
gboolean
cl_store_set_next_step (ClStore     *self,
                        gint64       deal_id,
                        const char  *next_step,
                        ClDay        due,
                        ClDay        as_of,
                        GError     **error)
{
  g_autoptr (ClDeal) deal = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (next_step ? next_step : ""));

  g_return_val_if_fail (as_of != 0, FALSE);
  if (!cl_store_begin (self, error))
    return FALSE;
  deal = cl_store_get_deal (self, deal_id, error);
  if (deal == NULL)
    {
      cl_store_rollback (self);
      return FALSE;
    }
  cl_deal_set_text (deal, &deal->next_step, trimmed);
  /* a day without a step to take on it means nothing */
  deal->next_step_due = *trimmed != '\0' ? due : 0;
  if (!cl_store_update_deal (self, deal, as_of, error))
    {
      cl_store_rollback (self);
      return FALSE;
    }
  return cl_store_commit (self, error);
}

/**
 * cl_store_list_open_deals:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists the open deals, the largest amount first.
 *
 * Returns: (transfer full) (nullable): a list of #ClDeal, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_open_deals (ClStore  *self,
                          GError  **error)
{
  return cl_store_list (self, CL_TYPE_DEAL, build_deal, error,
                        "SELECT " DEAL_COLUMNS "WHERE d.status = 'open' "
                        "ORDER BY d.amount_cents DESC, d.id", "");
}

/* The deals (d) that may have been open at the end of day ?1, of owner ?2
 * (0: everyone's) */
#define MAY_BE_OPEN_ON                                                             \
  "WHERE d.created_on <= ?1 AND ?2 IN (0, d.owner_id) AND (d.status = 'open' "     \
  "OR EXISTS (SELECT 1 FROM deal_events e WHERE e.deal_id = d.id "                 \
  "AND e.field = 'status' AND e.occurred_on > ?1)) "

/**
 * cl_store_list_deals_open_on:
 * @self: the workspace
 * @day: the day
 * @owner_id: the owner whose deals to list, 0 for everyone's
 * @error: return location for a #GError, or %NULL
 *
 * Lists the deals that may have been open at the end of @day: created by
 * then, and open now or with a status change after @day. The largest
 * amount first.
 *
 * Returns: (transfer full) (nullable) (element-type ClDeal): the deals,
 *   or %NULL with @error set
 */
GPtrArray *
cl_store_list_deals_open_on (ClStore  *self,
                             ClDay     day,
                             gint64    owner_id,
                             GError  **error)
{
  return cl_store_list_rows (self, build_deal, error,
                             "SELECT " DEAL_COLUMNS MAY_BE_OPEN_ON "ORDER BY d.amount_cents DESC, d.id",
                             "dI", day, owner_id);
}

/**
 * cl_store_list_deal_ids_open_on:
 * @self: the workspace
 * @day: the day
 * @owner_id: the owner whose deals to list, 0 for everyone's
 * @error: return location for a #GError, or %NULL
 *
 * The ids of the deals cl_store_list_deals_open_on () lists, in no
 * particular order, without reading the deals.
 *
 * Returns: (transfer full) (nullable) (element-type gint64): the ids, or
 *   %NULL with @error set
 */
GArray *
cl_store_list_deal_ids_open_on (ClStore  *self,
                                ClDay     day,
                                gint64    owner_id,
                                GError  **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = cl_store_query (self, error, "SELECT d.id FROM deals d " MAY_BE_OPEN_ON, "dI", day, owner_id);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/**
 * cl_store_list_closed_deals:
 * @self: the workspace
 * @created_by: the last creation day of the deals listed
 * @error: return location for a #GError, or %NULL
 *
 * Lists the deals won, lost or disqualified now that were created by the
 * end of @created_by, in the order they were added.
 *
 * Returns: (transfer full) (nullable) (element-type ClDeal): the deals,
 *   or %NULL with @error set
 */
GPtrArray *
cl_store_list_closed_deals (ClStore  *self,
                            ClDay     created_by,
                            GError  **error)
{
  return cl_store_list_rows (self, build_deal, error,
                             "SELECT " DEAL_COLUMNS "WHERE d.status <> 'open' AND d.created_on <= ? "
                             "ORDER BY d.id", "d", created_by);
}

/* The single integer @sql (with @deal_id bound, when it has a "?") counts. */
static gint64
count_of (ClStore     *self,
          const char  *sql,
          gint64       deal_id,
          GError     **error)
{
  sqlite3_stmt *stmt = strchr (sql, '?') ? cl_store_query (self, error, sql, "I", deal_id)
                                         : cl_store_query (self, error, sql, "");
  gint64 count = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error))
    return -1;
  return count;
}

/**
 * cl_store_count_deals:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Returns: how many deals the workspace has, open or closed; -1 with
 *   @error set on failure
 */
gint64
cl_store_count_deals (ClStore  *self,
                      GError  **error)
{
  return count_of (self, "SELECT count(*) FROM deals", 0, error);
}

/**
 * cl_store_count_deal_events:
 * @self: the workspace
 * @deal_id: the deal's id
 * @error: return location for a #GError, or %NULL
 *
 * Returns: how many dated changes @deal_id's history has, its creation
 *   included; -1 with @error set on failure
 */
gint64
cl_store_count_deal_events (ClStore  *self,
                            gint64    deal_id,
                            GError  **error)
{
  return count_of (self, "SELECT count(*) FROM deal_events WHERE deal_id = ?", deal_id, error);
}

static GObject *
build_deal_event (sqlite3_stmt *stmt)
{
  ClDealEvent *event = g_object_new (CL_TYPE_DEAL_EVENT, NULL);

  event->id = sqlite3_column_int64 (stmt, 0);
  event->deal_id = sqlite3_column_int64 (stmt, 1);
  event->occurred_on = cl_column_day (stmt, 2);
  event->field = cl_column_text (stmt, 3);
  event->old_value = cl_column_text (stmt, 4);
  event->new_value = cl_column_text (stmt, 5);
  return G_OBJECT (event);
}

/**
 * cl_store_list_deal_events:
 * @self: the workspace
 * @deal_id: the deal's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists a deal's history, its creation included, oldest first.
 *
 * Returns: (transfer full) (nullable): a list of #ClDealEvent, or %NULL
 *   with @error set
 */
GListModel *
cl_store_list_deal_events (ClStore  *self,
                           gint64    deal_id,
                           GError  **error)
{
  return cl_store_list (self, CL_TYPE_DEAL_EVENT, build_deal_event, error,
                        "SELECT id, deal_id, occurred_on, field, old_value, new_value "
                        "FROM deal_events WHERE deal_id = ? ORDER BY occurred_on, id",
                        "I", deal_id);
}

/* ------------------------------------------------------------------ contacts and qualification */

static gboolean
check_contact (ClContact  *contact,
               GError    **error)
{
  if (cl_text_is_blank (contact->name))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("A contact needs a name")), FALSE;
  return TRUE;
}

/**
 * cl_store_add_contact:
 * @self: the workspace
 * @contact: the contact, with its deal; its id is set
 * @error: return location for a #GError, or %NULL
 *
 * Adds a contact to a deal.
 *
 * Returns: %TRUE on success, %FALSE with @error set (INVALID for a blank
 *   name, CONSTRAINT for an unknown deal)
 */
gboolean
cl_store_add_contact (ClStore    *self,
                      ClContact  *contact,
                      GError    **error)
{
  g_return_val_if_fail (CL_IS_CONTACT (contact), FALSE);
  if (!check_contact (contact, error))
    return FALSE;
  return cl_store_run (self, &contact->id, error,
                       "INSERT INTO contacts (deal_id, name, title, role) VALUES (?, ?, ?, ?)",
                       "Isss", contact->deal_id, contact->name,
                       contact->title ? contact->title : "", contact->role ? contact->role : "");
}

static GObject *
build_contact (sqlite3_stmt *stmt)
{
  ClContact *contact = g_object_new (CL_TYPE_CONTACT, NULL);

  contact->id = sqlite3_column_int64 (stmt, 0);
  contact->deal_id = sqlite3_column_int64 (stmt, 1);
  contact->name = cl_column_text (stmt, 2);
  contact->title = cl_column_text (stmt, 3);
  contact->role = cl_column_text (stmt, 4);
  return G_OBJECT (contact);
}

/**
 * cl_store_list_contacts:
 * @self: the workspace
 * @deal_id: the deal's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists a deal's contacts in the order they were added.
 *
 * Returns: (transfer full) (nullable): a list of #ClContact, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_contacts (ClStore  *self,
                        gint64    deal_id,
                        GError  **error)
{
  return cl_store_list (self, CL_TYPE_CONTACT, build_contact, error,
                        "SELECT id, deal_id, name, title, role FROM contacts "
                        "WHERE deal_id = ? ORDER BY id", "I", deal_id);
}

/**
 * cl_store_update_contact:
 * @self: the workspace
 * @contact: the contact, by its id, with its new name, title and role
 * @error: return location for a #GError, or %NULL
 *
 * Saves a contact's name, title and role; not its deal.
 *
 * Returns: %TRUE when it was saved, %FALSE with @error set (INVALID for a
 *   blank name, NOT_FOUND for a contact no longer there)
 */
gboolean
cl_store_update_contact (ClStore    *self,
                         ClContact  *contact,
                         GError    **error)
{
  gint64 changed = 0;

  g_return_val_if_fail (CL_IS_CONTACT (contact), FALSE);
  if (!check_contact (contact, error)
      || !cl_store_run (self, NULL, error, "UPDATE contacts SET name = ?, title = ?, role = ? WHERE id = ?",
                        "sssI", contact->name, contact->title ? contact->title : "",
                        contact->role ? contact->role : "", contact->id))
    return FALSE;
  changed = count_of (self, "SELECT changes()", 0, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("There is no contact with id %" PRId64 " in this workspace"), contact->id), FALSE;
  return TRUE;
}

/**
 * cl_store_delete_contact:
 * @self: the workspace
 * @contact_id: the contact's id
 * @error: return location for a #GError, or %NULL
 *
 * Removes the contact @contact_id from its deal; one already gone is no
 * error.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the workspace
 *   could not be written
 */
gboolean
cl_store_delete_contact (ClStore  *self,
                         gint64    contact_id,
                         GError  **error)
{
  return cl_store_run (self, NULL, error, "DELETE FROM contacts WHERE id = ?", "I", contact_id);
}

/**
 * cl_store_set_qualification:
 * @self: the workspace
 * @deal_id: the deal's id
 * @element: the element of the qualification
 * @state: what is known of it
 * @note: (nullable): a note on it; %NULL for none
 * @error: return location for a #GError, or %NULL
 *
 * Sets the state and note of one element of a deal's qualification,
 * replacing what it had.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for an
 *   unknown deal)
 */
gboolean
cl_store_set_qualification (ClStore               *self,
                            gint64                 deal_id,
                            ClMeddicElement        element,
                            ClQualificationState   state,
                            const char            *note,
                            GError               **error)
{
  return cl_store_run (self, NULL, error,
                       "INSERT INTO qualification (deal_id, element, state, note) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (deal_id, element) "
                       "DO UPDATE SET state = excluded.state, note = excluded.note",
                       "Isss", deal_id, cl_meddic_to_string (element),
                       cl_qualification_to_string (state), note ? note : "");
}

/**
 * cl_store_assess_qualification:
 * @self: the workspace
 * @deal_id: the deal's id
 * @states: (array fixed-size=8): the state of each element, by
 *   #ClMeddicElement
 * @error: return location for a #GError, or %NULL
 *
 * Sets at once the state of every element of @deal_id's qualification that
 * @states assesses (not unknown), as cl_store_set_qualification () would
 * one by one with an empty note, in one statement: for a deal assessed in
 * one go (the demo team). Elements left unknown are not written.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for an
 *   unknown deal), and none set
 */
gboolean
cl_store_assess_qualification (ClStore                     *self,
                               gint64                       deal_id,
                               const ClQualificationState   states[CL_MEDDIC_N_ELEMENTS],
                               GError                     **error)
{
  g_autofree char *rows = NULL, *sql = NULL;
  sqlite3_stmt *stmt;
  guint n_rows = 0;

  for (int e = 0; e < CL_MEDDIC_N_ELEMENTS; e++)
    n_rows += states[e] != CL_QUALIFICATION_UNKNOWN;
  if (n_rows == 0)
    return TRUE;
  rows = multi_row_insert ("qualification (deal_id, element, state, note)", "(?1, ?, ?, '')", n_rows);
  sql = g_strconcat (rows, " ON CONFLICT (deal_id, element) DO UPDATE SET state = excluded.state, note = ''",
                     NULL);
  if ((stmt = cl_store_query (self, error, sql, "I", deal_id)) == NULL)
    return FALSE;
  /* ?1 is the deal; each row's element and state follow it */
  for (int e = 0, column = 2; e < CL_MEDDIC_N_ELEMENTS; e++)
    if (states[e] != CL_QUALIFICATION_UNKNOWN)
      {
        sqlite3_bind_text (stmt, column++, cl_meddic_to_string (e), -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, column++, cl_qualification_to_string (states[e]), -1, SQLITE_STATIC);
      }
  return cl_store_query_done (self, stmt, sqlite3_step (stmt), error);
}

/**
 * cl_store_get_qualification:
 * @self: the workspace
 * @deal_id: the deal's id
 * @states: (out caller-allocates) (array fixed-size=8): the state of each
 *   element, by #ClMeddicElement; an element never assessed reads as
 *   unknown
 * @error: return location for a #GError, or %NULL
 *
 * Reads the state of each element of a deal's qualification.
 *
 * Returns: %TRUE on success, %FALSE with @error set (@states may then be
 *   partly read)
 */
gboolean
cl_store_get_qualification (ClStore               *self,
                            gint64                 deal_id,
                            ClQualificationState   states[CL_MEDDIC_N_ELEMENTS],
                            GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (int i = 0; i < CL_MEDDIC_N_ELEMENTS; i++)
    states[i] = CL_QUALIFICATION_UNKNOWN;
  stmt = cl_store_query (self, error,
                         "SELECT element, state FROM qualification WHERE deal_id = ?", "I",
                         deal_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int element = cl_column_enum (stmt, 0, cl_meddic_names);
      states[element] = cl_column_enum (stmt, 1, cl_qualification_names);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_get_qualification_notes:
 * @self: the workspace
 * @deal_id: the deal's id
 * @notes: (out caller-allocates) (array fixed-size=8) (transfer full): each
 *   element's note, by #ClMeddicElement: "" for an element assessed without
 *   one, none for one never assessed; the caller frees them
 * @error: return location for a #GError, or %NULL
 *
 * Reads the note of each element of a deal's qualification.
 *
 * Returns: %TRUE on success, %FALSE with @error set (and @notes all %NULL)
 *   when they cannot be read
 */
gboolean
cl_store_get_qualification_notes (ClStore  *self,
                                  gint64    deal_id,
                                  char     *notes[CL_MEDDIC_N_ELEMENTS],
                                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (int i = 0; i < CL_MEDDIC_N_ELEMENTS; i++)
    notes[i] = NULL;
  stmt = cl_store_query (self, error, "SELECT element, note FROM qualification WHERE deal_id = ?", "I",
                         deal_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int element = cl_column_enum (stmt, 0, cl_meddic_names);

      if (element >= 0)
        {
          g_free (notes[element]);
          notes[element] = cl_column_text (stmt, 1);
        }
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    {
      for (int i = 0; i < CL_MEDDIC_N_ELEMENTS; i++)
        g_clear_pointer (&notes[i], g_free);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ actions */

/**
 * cl_store_add_action:
 * @self: the workspace
 * @action: the action to add; its id is set, and its creation day when 0
 *   (to today)
 * @error: return location for a #GError, or %NULL
 *
 * Adds an action; one without a source is a manual one.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT for blank
 *   text, no due day, or an unknown owner or deal)
 */
gboolean
cl_store_add_action (ClStore   *self,
                     ClAction  *action,
                     GError   **error)
{
  g_return_val_if_fail (CL_IS_ACTION (action), FALSE);
  if (action->created_on == 0)
    action->created_on = cl_date_today ();
  return cl_store_run (self, &action->id, error,
                       "INSERT INTO actions (text, owner_id, deal_id, due_on, done_on, created_on, "
                       "source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       "sIrddds", action->text, action->owner_id, action->deal_id, action->due_on,
                       action->done_on, action->created_on,
                       action->source ? action->source : "manual");
}

/**
 * cl_store_complete_action:
 * @self: the workspace
 * @action_id: the action's id
 * @done_on: the day it was done; 0 makes it open again
 * @error: return location for a #GError, or %NULL
 *
 * Sets the day an action was done, done already or not.
 *
 * Returns: %TRUE on success, %FALSE with @error set (NOT_FOUND when no
 *   action has that id)
 */
gboolean
cl_store_complete_action (ClStore  *self,
                          gint64    action_id,
                          ClDay     done_on,
                          GError  **error)
{
  if (!cl_store_run (self, NULL, error, "UPDATE actions SET done_on = ? WHERE id = ?", "dI",
                     done_on, action_id))
    return FALSE;
  return cl_store_changed_row (self, action_id, _("There is no action with id %" PRId64 " in this workspace"),
                               error);
}

/**
 * cl_store_complete_open_action:
 * @self: the workspace
 * @action_id: the action's id
 * @done_on: the day it was done
 * @error: return location for a #GError, or %NULL
 *
 * Completes the action if it is still open; one already done stays as it
 * was, and one that does not exist is no error.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the workspace
 *   could not be written
 */
gboolean
cl_store_complete_open_action (ClStore  *self,
                               gint64    action_id,
                               ClDay     done_on,
                               GError  **error)
{
  return cl_store_run (self, NULL, error, "UPDATE actions SET done_on = ? WHERE id = ? AND done_on IS NULL",
                       "dI", done_on, action_id);
}

static GObject *
build_action (sqlite3_stmt *stmt)
{
  ClAction *action = g_object_new (CL_TYPE_ACTION, NULL);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->text = cl_column_text (stmt, 1);
  action->owner_id = sqlite3_column_int64 (stmt, 2);
  action->deal_id = sqlite3_column_int64 (stmt, 3);
  action->due_on = cl_column_day (stmt, 4);
  action->done_on = cl_column_day (stmt, 5);
  action->created_on = cl_column_day (stmt, 6);
  action->source = cl_column_text (stmt, 7);
  action->owner_name = cl_column_text (stmt, 8);
  return G_OBJECT (action);
}

#define ACTION_COLUMNS                                                          \
  "a.id, a.text, a.owner_id, a.deal_id, a.due_on, a.done_on, a.created_on, "    \
  "a.source, r.name FROM actions a JOIN reps r ON r.id = a.owner_id "

/**
 * cl_store_list_open_actions:
 * @self: the workspace
 * @owner_id: the owner whose actions to list, 0 for everyone's
 * @error: return location for a #GError, or %NULL
 *
 * Lists the open actions, with their owner's name, soonest due first.
 * Those of people who left are listed too.
 *
 * Returns: (transfer full) (nullable): a list of #ClAction, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_open_actions (ClStore  *self,
                            gint64    owner_id,
                            GError  **error)
{
  return cl_store_list (self, CL_TYPE_ACTION, build_action, error,
                        "SELECT " ACTION_COLUMNS "WHERE a.done_on IS NULL AND ? IN (0, a.owner_id) "
                        "ORDER BY a.due_on, a.id", "I", owner_id);
}

/**
 * cl_store_list_deal_open_actions:
 * @self: the workspace
 * @deal_id: the deal's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists the open actions about @deal_id, with their owner's name, soonest
 * due first.
 *
 * Returns: (transfer full) (nullable): a list of #ClAction, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_deal_open_actions (ClStore  *self,
                                 gint64    deal_id,
                                 GError  **error)
{
  return cl_store_list (self, CL_TYPE_ACTION, build_action, error,
                        "SELECT " ACTION_COLUMNS "WHERE a.done_on IS NULL AND a.deal_id = ? "
                        "ORDER BY a.due_on, a.id", "I", deal_id);
}

/**
 * cl_store_get_action:
 * @self: the workspace
 * @id: the action's id
 * @error: return location for a #GError, or %NULL
 *
 * Reads one action, with its owner's name.
 *
 * Returns: (transfer full) (nullable): the action, or %NULL with @error set
 *   (NOT_FOUND when no action has that id)
 */
ClAction *
cl_store_get_action (ClStore  *self,
                     gint64    id,
                     GError  **error)
{
  return cl_store_get_by_id (self, CL_TYPE_ACTION, build_action, "SELECT " ACTION_COLUMNS "WHERE a.id = ?",
                             id, _("There is no action with id %" PRId64 " in this workspace"), error);
}

/**
 * cl_store_list_review_actions:
 * @self: the workspace
 * @review_id: the review's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists the actions a review's decisions created, open or done, in the
 * order of the decisions.
 *
 * Returns: (transfer full) (nullable): a list of #ClAction, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_review_actions (ClStore  *self,
                              gint64    review_id,
                              GError  **error)
{
  return cl_store_list (self, CL_TYPE_ACTION, build_action, error,
                        "SELECT " ACTION_COLUMNS "JOIN review_decisions d ON d.action_id = a.id "
                        "WHERE d.review_id = ? ORDER BY d.id", "I", review_id);
}

/* ------------------------------------------------------------------ reviews */

/**
 * cl_store_add_review:
 * @self: the workspace
 * @review: the review, with its ISO week ("2026-W47") and the day it was
 *   held; its id is set
 * @error: return location for a #GError, or %NULL
 *
 * Adds a weekly review.
 *
 * Returns: %TRUE on success, %FALSE with @error set (INVALID when its week
 *   is not an ISO week, CONSTRAINT when the week has a review already)
 */
gboolean
cl_store_add_review (ClStore   *self,
                     ClReview  *review,
                     GError   **error)
{
  ClDay monday;

  g_return_val_if_fail (CL_IS_REVIEW (review), FALSE);
  if (!cl_date_parse_iso_week (review->week, &monday))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("“%s” is not an ISO week such as 2026-W47"),
                        review->week ? review->week : ""), FALSE;
  return cl_store_run (self, &review->id, error,
                       "INSERT INTO reviews (week, held_on, attendees, notes) VALUES (?, ?, ?, ?)",
                       "sdss", review->week, review->held_on,
                       review->attendees ? review->attendees : "",
                       review->notes ? review->notes : "");
}

/**
 * cl_store_add_review_decision:
 * @self: the workspace
 * @decision: the decision, with its review and deal, and its action for
 *   a next action; its id is set
 * @error: return location for a #GError, or %NULL
 *
 * Adds a decision as it is; cl_store_record_decision () also makes or
 * replaces its action.
 *
 * Returns: %TRUE on success, %FALSE with @error set (CONSTRAINT when the
 *   review decided on the deal already, or the action does not match the
 *   decision)
 */
gboolean
cl_store_add_review_decision (ClStore           *self,
                              ClReviewDecision  *decision,
                              GError           **error)
{
  g_return_val_if_fail (CL_IS_REVIEW_DECISION (decision), FALSE);
  return cl_store_run (self, &decision->id, error,
                       "INSERT INTO review_decisions (review_id, deal_id, decision, note, action_id) "
                       "VALUES (?, ?, ?, ?, ?)",
                       "IIssr", decision->review_id, decision->deal_id,
                       cl_decision_to_string (decision->decision),
                       decision->note ? decision->note : "", decision->action_id);
}

static GObject *
build_review (sqlite3_stmt *stmt)
{
  ClReview *review = g_object_new (CL_TYPE_REVIEW, NULL);

  review->id = sqlite3_column_int64 (stmt, 0);
  review->week = cl_column_text (stmt, 1);
  review->held_on = cl_column_day (stmt, 2);
  review->attendees = cl_column_text (stmt, 3);
  review->notes = cl_column_text (stmt, 4);
  review->n_deals = sqlite3_column_int (stmt, 5);
  review->n_decisions = sqlite3_column_int (stmt, 6);
  return G_OBJECT (review);
}

/* "keep" is recorded, but it is not a decision that changes anything */
#define REVIEW_COLUMNS                                                           \
  "v.id, v.week, v.held_on, v.attendees, v.notes, "                             \
  "count(d.id), count(d.id) FILTER (WHERE d.decision <> 'keep') "                \
  "FROM reviews v LEFT JOIN review_decisions d ON d.review_id = v.id "

/**
 * cl_store_list_reviews:
 * @self: the workspace
 * @error: return location for a #GError, or %NULL
 *
 * Lists the reviews, the latest week first, each with how many deals it
 * decided on and how many of those decisions were other than "keep".
 *
 * Returns: (transfer full) (nullable): a list of #ClReview, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_reviews (ClStore  *self,
                       GError  **error)
{
  return cl_store_list (self, CL_TYPE_REVIEW, build_review, error,
                        "SELECT " REVIEW_COLUMNS "GROUP BY v.id ORDER BY v.week DESC", "");
}

/**
 * cl_store_find_review:
 * @self: the workspace
 * @week: an ISO week, "2026-W47"
 * @error: return location for a #GError, or %NULL
 *
 * Finds the review held for @week, with its counts as
 * cl_store_list_reviews () fills them.
 *
 * Returns: (transfer full) (nullable): the review, or %NULL when none was
 *   held (with no error) or when the store fails (with @error set)
 */
ClReview *
cl_store_find_review (ClStore     *self,
                      const char  *week,
                      GError     **error)
{
  g_autoptr (GListModel) found = cl_store_list (self, CL_TYPE_REVIEW, build_review, error,
                                                "SELECT " REVIEW_COLUMNS "WHERE v.week = ? "
                                                "GROUP BY v.id", "s", week);

  return found && g_list_model_get_n_items (found) ? g_list_model_get_item (found, 0) : NULL;
}

static GObject *
build_review_decision (sqlite3_stmt *stmt)
{
  ClReviewDecision *decision = g_object_new (CL_TYPE_REVIEW_DECISION, NULL);

  decision->id = sqlite3_column_int64 (stmt, 0);
  decision->review_id = sqlite3_column_int64 (stmt, 1);
  decision->deal_id = sqlite3_column_int64 (stmt, 2);
  decision->decision = cl_column_enum (stmt, 3, cl_decision_names);
  decision->note = cl_column_text (stmt, 4);
  decision->action_id = sqlite3_column_int64 (stmt, 5);
  return G_OBJECT (decision);
}

/**
 * cl_store_list_review_decisions:
 * @self: the workspace
 * @review_id: the review's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists what a review decided, in the order it was recorded.
 *
 * Returns: (transfer full) (nullable): a list of #ClReviewDecision, or
 *   %NULL with @error set
 */
GListModel *
cl_store_list_review_decisions (ClStore  *self,
                                gint64    review_id,
                                GError  **error)
{
  return cl_store_list (self, CL_TYPE_REVIEW_DECISION, build_review_decision, error,
                        "SELECT id, review_id, deal_id, decision, note, action_id "
                        "FROM review_decisions WHERE review_id = ? ORDER BY id", "I", review_id);
}

static GObject *
build_dated_decision (sqlite3_stmt *stmt)
{
  ClReviewDecision *decision = CL_REVIEW_DECISION (build_review_decision (stmt));

  decision->week = cl_column_text (stmt, 6);
  decision->held_on = cl_column_day (stmt, 7);
  return G_OBJECT (decision);
}

/**
 * cl_store_list_deal_decisions:
 * @self: the workspace
 * @deal_id: the deal's id
 * @error: return location for a #GError, or %NULL
 *
 * Lists what the weekly reviews decided on @deal_id, each with its
 * review's week and day filled in, oldest first.
 *
 * Returns: (transfer full) (nullable): a list of #ClReviewDecision, or
 *   %NULL with @error set
 */
GListModel *
cl_store_list_deal_decisions (ClStore  *self,
                              gint64    deal_id,
                              GError  **error)
{
  return cl_store_list (self, CL_TYPE_REVIEW_DECISION, build_dated_decision, error,
                        "SELECT d.id, d.review_id, d.deal_id, d.decision, d.note, d.action_id, "
                        "r.week, r.held_on FROM review_decisions d JOIN reviews r ON r.id = d.review_id "
                        "WHERE d.deal_id = ? ORDER BY r.held_on, d.id", "I", deal_id);
}

/**
 * cl_store_list_external_stages:
 * @self: the workspace
 * @prefix: what the external ids start with ("salesforce:")
 * @error: return location for a #GError, or %NULL
 *
 * Reads the stage each deal a CRM import brought is in now, by the record
 * id it was imported with ("salesforce:006…"), for the ids that start with
 * @prefix.
 *
 * Returns: (transfer full) (nullable): external id (char *) → stage id
 *   (gint64 *), or %NULL with @error set
 */
GHashTable *
cl_store_list_external_stages (ClStore     *self,
                               const char  *prefix,
                               GError     **error)
{
  g_autoptr (GHashTable) stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT external_id, stage_id FROM deals "
                                       "WHERE substr(external_id, 1, length(?1)) = ?1", "s", prefix);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 stage_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (stages, cl_column_text (stmt, 0), g_memdup2 (&stage_id, sizeof stage_id));
    }
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&stages);
}

/* ------------------------------------------------------------------ totals */

/* Whether the rep @r is one of the team's people, those the Overview counts
 * and lists with their load: on the team (not left), and a rep, or the
 * manager while they carry an open deal or an open action. */
#define SQL_IS_TEAM_PERSON(r) \
  "(NOT " r ".has_left AND (NOT " r ".is_manager " \
  "OR EXISTS (SELECT 1 FROM deals WHERE status = 'open' AND owner_id = " r ".id) " \
  "OR EXISTS (SELECT 1 FROM actions WHERE done_on IS NULL AND owner_id = " r ".id)))"

/**
 * cl_store_get_pipeline_totals:
 * @self: the workspace
 * @today: the day an open action due before it is overdue
 * @totals: (out caller-allocates): the totals; zeroed first, cleared with
 *   cl_pipeline_totals_clear ()
 * @error: return location for a #GError, or %NULL
 *
 * Counts the team's people (as cl_store_list_rep_loads () lists them), the
 * open deals and their amount in cents, with their currency when they
 * share one, and the open and overdue actions of those still on the team,
 * in one query.
 *
 * Returns: %TRUE on success, %FALSE with @error set (@totals then all zero)
 */
gboolean
cl_store_get_pipeline_totals (ClStore           *self,
                              ClDay              today,
                              ClPipelineTotals  *totals,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (totals, 0, sizeof *totals);
  stmt = cl_store_query (self, error,
                         "WITH a AS (SELECT due_on FROM actions WHERE done_on IS NULL "
                         "           AND owner_id NOT IN (SELECT id FROM reps WHERE has_left)) "
                         "SELECT (SELECT count(*) FROM reps r WHERE " SQL_IS_TEAM_PERSON ("r") "), "
                         "count(*), count(DISTINCT currency), min(currency), "
                         "(SELECT count(*) FROM a), (SELECT count(*) FROM a WHERE due_on < ?), "
                         CL_SQL_CENTS_SUM ("amount_cents") " "
                         "FROM deals WHERE status = 'open'",
                         "d", today);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      totals->n_people = sqlite3_column_int64 (stmt, 0);
      totals->n_open_deals = sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_int (stmt, 2) == 1)
        totals->currency = cl_column_text (stmt, 3);
      totals->n_open_actions = sqlite3_column_int64 (stmt, 4);
      totals->n_overdue_actions = sqlite3_column_int64 (stmt, 5);
      totals->open_amount_cents = cl_column_cents_total (stmt, 6);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_pipeline_totals_clear:
 * @totals: totals cl_store_get_pipeline_totals () filled
 *
 * Frees the currency @totals holds and sets it to %NULL; the counts stay.
 */
void
cl_pipeline_totals_clear (ClPipelineTotals *totals)
{
  g_clear_pointer (&totals->currency, g_free);
}

/**
 * cl_store_top_open_amount:
 * @self: the workspace
 * @percent: how large a share of the open deals, 1–100
 * @error: return location for a #GError, or %NULL
 *
 * Finds the amount that makes an open deal one of the @percent % largest:
 * the smallest amount among them (always at least one deal). Amounts in
 * different currencies are compared as they are.
 *
 * Returns: the amount in cents; 0 when nothing is open, -1 with @error set
 *   on failure
 */
gint64
cl_store_top_open_amount (ClStore  *self,
                          int       percent,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 cents = 0;
  int rc;

  g_return_val_if_fail (percent > 0 && percent <= 100, 0);
  /* the deals_by_status index walks the open deals largest first */
  stmt = cl_store_query (self, error,
                         "SELECT amount_cents FROM deals WHERE status = 'open' "
                         "ORDER BY amount_cents DESC LIMIT 1 OFFSET "
                         "(SELECT max (0, (count(*) * ?1 + 99) / 100 - 1) FROM deals WHERE status = 'open')",
                         "i", percent);
  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    cents = sqlite3_column_int64 (stmt, 0);
  return cl_store_query_done (self, stmt, rc, error) ? cents : -1;
}

/* ------------------------------------------------------------------ time in stage */

static void
free_days (gpointer days)
{
  g_array_unref (days);
}

static void
add_stay (GHashTable *by_stage,
          gint64      stage_id,
          ClDay       entered,
          ClDay       left)
{
  GArray *stays = g_hash_table_lookup (by_stage, &stage_id);
  int days = left > entered ? (int) (left - entered) : 0;

  if (stays == NULL)
    {
      stays = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (by_stage, g_memdup2 (&stage_id, sizeof stage_id), stays);
    }
  g_array_append_val (stays, days);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* One stay of a deal in a stage. */
typedef struct
{
  gint64 stage_id;
  ClDay  entered;
  ClDay  left;
} Stay;

/* Keeps the stays of a deal won by @as_of; the last one ends in the win. */
static void
keep_won_stays (GHashTable *by_stage,
                GArray     *stays,
                gint64      stage_id,
                ClDay       entered,
                ClDay       won_on,
                ClDay       as_of)
{
  Stay last = { stage_id, entered, won_on };

  g_array_append_val (stays, last);
  for (guint i = 0; won_on != 0 && won_on <= as_of && i < stays->len; i++)
    {
      Stay *stay = &g_array_index (stays, Stay, i);

      add_stay (by_stage, stay->stage_id, stay->entered, stay->left);
    }
  g_array_set_size (stays, 0);
}

/**
 * cl_store_list_won_stage_days:
 * @self: the workspace
 * @as_of: deals won after this day are left out
 * @n_deals: how many of the latest wins to look at
 * @error: return location for a #GError, or %NULL
 *
 * Measures how long the latest @n_deals deals won by @as_of (by close date)
 * spent in each stage: one entry per stay (a deal that came back to a stage
 * has two), in days, shortest first. A stay runs from the deal's creation
 * or the stage change into the stage to the next stage change or, for the
 * last one, the win (the day of the status change, else the close date).
 * One query.
 *
 * Returns: (transfer full) (nullable): stage id (gint64 *) → #GArray of
 *   int; %NULL with @error set on failure
 */
GHashTable *
cl_store_list_won_stage_days (ClStore  *self,
                              ClDay     as_of,
                              guint     n_deals,
                              GError  **error)
{
  g_autoptr (GHashTable) by_stage = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_days);
  g_autoptr (GArray) deal_stays = g_array_new (FALSE, FALSE, sizeof (Stay));
  GHashTableIter iter;
  gpointer stays;
  sqlite3_stmt *stmt;
  gint64 deal_id = 0, stage_id = 0;
  ClDay entered = 0, won_on = 0;
  int rc;

  stmt = cl_store_query (self, error,
                         "WITH latest AS (SELECT id FROM deals WHERE status = 'won' AND close_date <= ?1 "
                         "  ORDER BY close_date DESC, id DESC LIMIT ?2) "
                         "SELECT d.id, d.created_on, d.stage_id, d.close_date, e.occurred_on, e.field, "
                         "e.old_value, e.new_value FROM latest JOIN deals d ON d.id = latest.id "
                         "LEFT JOIN deal_events e ON e.deal_id = d.id AND e.field IN ('stage', 'status') "
                         "ORDER BY d.id, e.occurred_on, e.id", "di", as_of, (int) MIN (n_deals, G_MAXINT));
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 5);

      if (sqlite3_column_int64 (stmt, 0) != deal_id)
        {
          if (deal_id != 0)
            keep_won_stays (by_stage, deal_stays, stage_id, entered, won_on, as_of);
          deal_id = sqlite3_column_int64 (stmt, 0);
          entered = cl_column_day (stmt, 1);
          won_on = cl_column_day (stmt, 3);
          /* until a stage change says otherwise, the deal began where it is */
          stage_id = sqlite3_column_int64 (stmt, 2);
        }
      if (g_strcmp0 (field, "status") == 0 && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "won") == 0)
        won_on = cl_column_day (stmt, 4);
      else if (g_strcmp0 (field, "stage") == 0)
        {
          /* the stay a change ends was in the stage it left */
          Stay stay = { sqlite3_column_int64 (stmt, 6), entered, cl_column_day (stmt, 4) };

          g_array_append_val (deal_stays, stay);
          stage_id = sqlite3_column_int64 (stmt, 7);
          entered = stay.left;
        }
    }
  if (deal_id != 0)
    keep_won_stays (by_stage, deal_stays, stage_id, entered, won_on, as_of);
  if (!cl_store_query_done (self, stmt, rc, error))
    return NULL;
  g_hash_table_iter_init (&iter, by_stage);
  while (g_hash_table_iter_next (&iter, NULL, &stays))
    g_array_sort (stays, compare_days);
  return g_steal_pointer (&by_stage);
}

/* ------------------------------------------------------------------ running a review */

/**
 * cl_store_open_review:
 * @self: the workspace
 * @week: an ISO week, "2026-W47"
 * @held_on: the day the review is held, for a new one
 * @attendees: (nullable): who attends, comma-separated, for a new one;
 *   %NULL for nobody named
 * @error: return location for a #GError, or %NULL
 *
 * Finds the review of @week, or adds it when it does not exist yet. An
 * existing review is returned as it is: @held_on and @attendees are then
 * not used.
 *
 * Returns: (transfer full) (nullable): the review, or %NULL with @error set
 *   (INVALID when @week is not an ISO week)
 */
ClReview *
cl_store_open_review (ClStore     *self,
                      const char  *week,
                      ClDay        held_on,
                      const char  *attendees,
                      GError     **error)
{
  GError *local = NULL;
  ClReview *review = cl_store_find_review (self, week, &local);

  if (review != NULL || local != NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      return review;
    }
  review = g_object_new (CL_TYPE_REVIEW, NULL);
  review->week = g_strdup (week);
  review->held_on = held_on;
  review->attendees = g_strdup (attendees ? attendees : "");
  if (!cl_store_add_review (self, review, error))
    g_clear_object (&review);
  return review;
}

/* The action an earlier decision on the same deal in the same review made. */
static gboolean
read_decision_action (ClStore           *self,
                      ClReviewDecision  *decision,
                      gint64            *out_action,
                      GError           **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT action_id FROM review_decisions "
                                       "WHERE review_id = ? AND deal_id = ?",
                                       "II", decision->review_id, decision->deal_id);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *out_action = 0;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_action = sqlite3_column_int64 (stmt, 0);
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_record_decision:
 * @self: the workspace
 * @decision: what the review decided on a deal, with its review and deal;
 *   its action id is set, and its id when it is the review's first
 *   decision on the deal (on a change, the id set is not the decision's)
 * @action: (nullable): the next action to add, for a next-action decision
 *   only; %NULL for any other decision
 * @error: return location for a #GError, or %NULL
 *
 * Records (or changes) what a review decided on a deal, in one
 * transaction: a next action becomes an open action; a decision that
 * replaces one removes the action it had made, if still open.
 *
 * Returns: %TRUE on success, %FALSE with @error set (nothing changed)
 */
gboolean
cl_store_record_decision (ClStore            *self,
                          ClReviewDecision   *decision,
                          ClAction           *action,
                          GError            **error)
{
  gint64 previous_action = 0;

  g_return_val_if_fail (CL_IS_REVIEW_DECISION (decision), FALSE);
  g_return_val_if_fail ((decision->decision == CL_DECISION_NEXT_ACTION) == (action != NULL), FALSE);

  if (!cl_store_begin (self, error))
    return FALSE;
  /* the decision first, then the action it no longer names: the schema
   * ties a next-action decision to its action */
  if (!read_decision_action (self, decision, &previous_action, error)
      || (action != NULL && !cl_store_add_action (self, action, error)))
    goto failed;
  decision->action_id = action ? action->id : 0;
  if (!cl_store_run (self, &decision->id, error,
                     "INSERT INTO review_decisions (review_id, deal_id, decision, note, action_id) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (review_id, deal_id) DO UPDATE SET "
                     "decision = excluded.decision, note = excluded.note, action_id = excluded.action_id "
                     "RETURNING id",
                     "IIssr", decision->review_id, decision->deal_id,
                     cl_decision_to_string (decision->decision),
                     decision->note ? decision->note : "", decision->action_id)
      || (previous_action != 0
          && !cl_store_run (self, NULL, error, "DELETE FROM actions WHERE id = ? AND done_on IS NULL",
                            "I", previous_action)))
    goto failed;
  return cl_store_commit (self, error);

failed:
  cl_store_rollback (self);
  return FALSE;
}

static GObject *
build_rep_load (sqlite3_stmt *stmt)
{
  ClRepLoad *load = g_object_new (CL_TYPE_REP_LOAD, NULL);

  load->rep_id = sqlite3_column_int64 (stmt, 0);
  load->name = cl_column_text (stmt, 1);
  load->is_manager = sqlite3_column_int (stmt, 2);
  load->n_open_deals = sqlite3_column_int (stmt, 3);
  load->n_open_actions = sqlite3_column_int (stmt, 4);
  load->n_overdue_actions = sqlite3_column_int (stmt, 5);
  return G_OBJECT (load);
}

/**
 * cl_store_list_rep_loads:
 * @self: the workspace
 * @today: the day an open action due before it is overdue
 * @rep_id: the rep to list, or 0 for the team's people
 * @error: return location for a #GError, or %NULL
 *
 * Lists what each rep carries: open deals, open actions and those overdue
 * on @today, the most open actions first, then by name. Only @rep_id's
 * when it is not 0, else the team's people: every rep still on the team,
 * and the manager while they carry an open deal or action (one who carries
 * nothing is not listed). #ClPipelineTotals.n_people counts the same
 * people.
 *
 * Returns: (transfer full) (nullable): a list of #ClRepLoad, or %NULL with
 *   @error set
 */
GListModel *
cl_store_list_rep_loads (ClStore  *self,
                         ClDay     today,
                         gint64    rep_id,
                         GError  **error)
{
  return cl_store_list (self, CL_TYPE_REP_LOAD, build_rep_load, error,
                        "WITH d AS (SELECT owner_id, count(*) AS n FROM deals "
                        "           WHERE status = 'open' AND ?1 IN (0, owner_id) GROUP BY owner_id), "
                        "a AS (SELECT owner_id, count(*) AS n, count(*) FILTER (WHERE due_on < ?2) AS late "
                        "      FROM actions WHERE done_on IS NULL AND ?1 IN (0, owner_id) GROUP BY owner_id) "
                        "SELECT r.id, r.name, r.is_manager, coalesce(d.n, 0), coalesce(a.n, 0), "
                        "coalesce(a.late, 0) FROM reps r "
                        "LEFT JOIN d ON d.owner_id = r.id LEFT JOIN a ON a.owner_id = r.id "
                        "WHERE r.id = ?1 OR (?1 = 0 AND " SQL_IS_TEAM_PERSON ("r") ") "
                        "ORDER BY coalesce(a.n, 0) DESC, r.name",
                        "Id", rep_id, today);
}

/**
 * cl_store_moves_since:
 * @self: the workspace
 * @day: the day "what moved" is looked at
 * @error: return location for a #GError, or %NULL
 *
 * Finds where "what moved" starts for @day: the day of the last review
 * held before it, or a week before @day when there was none.
 *
 * Returns: the day; 0 with @error set on failure
 */
ClDay
cl_store_moves_since (ClStore  *self,
                      ClDay     day,
                      GError  **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT max(held_on) FROM reviews WHERE held_on < ?", "d", day);
  ClDay since = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    since = cl_column_day (stmt, 0);
  if (!cl_store_query_done (self, stmt, rc, error))
    return 0;
  return since ? since : day - 7;
}

/**
 * cl_store_get_currency:
 * @self: the workspace
 *
 * Reads the workspace's currency, what an amount without one is booked
 * in: the one set, else the one most of its deals are in, else %NULL (a
 * first import without a currency column asks). A failure to read gives
 * %NULL.
 *
 * Returns: (transfer full) (nullable): a three-letter code, or %NULL
 */
char *
cl_store_get_currency (ClStore *self)
{
  char *code = cl_store_get_setting_text (self, CL_SETTING_CURRENCY);
  sqlite3_stmt *stmt;
  int rc;

  if (code != NULL)
    return code;
  stmt = cl_store_query (self, NULL, "SELECT currency FROM deals GROUP BY currency ORDER BY count(*) DESC, currency "
                                     "LIMIT 1", "");
  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    code = cl_column_text (stmt, 0);
  cl_store_query_done (self, stmt, rc, NULL);
  return code;
}

/**
 * cl_store_set_currency:
 * @self: the workspace
 * @code: a three-letter code such as EUR
 * @error: return location for a #GError, or %NULL
 *
 * Sets the workspace's currency (the %CL_SETTING_CURRENCY setting).
 *
 * Returns: %TRUE on success, %FALSE with @error set (INVALID when @code is
 *   not three capital letters)
 */
gboolean
cl_store_set_currency (ClStore     *self,
                       const char  *code,
                       GError     **error)
{
  g_autofree char *problem = cl_deal_values_problem ("-", 0, code);

  if (problem != NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, "%s", problem), FALSE;
  return cl_store_set_setting_text (self, CL_SETTING_CURRENCY, code, error);
}

/**
 * cl_store_each_deal_change:
 * @self: the workspace
 * @since: changes on this day or before are left out
 * @until: the last day of the changes, included
 * @func: (scope call): called on each change, in the order they occurred
 * @user_data: (closure): data for @func
 * @error: return location for a #GError, or %NULL
 *
 * Calls @func on every creation and every change of stage, amount, close
 * date or status that occurred after @since up to @until included, with
 * the deal as it is now, in one query.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 *   (@func may have been called on some changes)
 */
gboolean
cl_store_each_deal_change (ClStore           *self,
                           ClDay              since,
                           ClDay              until,
                           ClDealChangeFunc   func,
                           gpointer           user_data,
                           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_store_query (self, error,
                         "SELECT e.deal_id, d.name, e.occurred_on, e.field, e.old_value, e.new_value, "
                         "d.currency, d.owner_id, d.account, d.stage_id FROM deal_events e JOIN deals d ON d.id = e.deal_id "
                         "WHERE e.occurred_on > ? AND e.occurred_on <= ? "
                         "AND e.field IN ('created', 'stage', 'amount', 'close_date', 'status') "
                         "ORDER BY e.occurred_on, e.id",
                         "dd", since, until);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ClDealChange change = {
        .deal_id = sqlite3_column_int64 (stmt, 0),
        .deal_name = (const char *) sqlite3_column_text (stmt, 1),
        .on = cl_column_day (stmt, 2),
        .field = (const char *) sqlite3_column_text (stmt, 3),
        .old_value = (const char *) sqlite3_column_text (stmt, 4),
        .new_value = (const char *) sqlite3_column_text (stmt, 5),
        .currency = (const char *) sqlite3_column_text (stmt, 6),
        .owner_id = sqlite3_column_int64 (stmt, 7),
        .account = (const char *) sqlite3_column_text (stmt, 8),
        .stage_id = sqlite3_column_int64 (stmt, 9),
      };

      func (&change, user_data);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/* ------------------------------------------------------------------ the rows the flag rules look at */

typedef void (*ApplyRow) (const ClDealRowFuncs *funcs,
                          gpointer             data,
                          gpointer             deal_data,
                          sqlite3_stmt        *stmt);

/* Runs @sql, ?1 bound to @id, and hands each row whose deal (the id in
 * column @deal_column) @by_id holds to @apply, with @funcs and @data. */
static gboolean
each_loaded_deal_row (ClStore              *self,
                      GHashTable           *by_id,
                      gint64                id,
                      const char           *sql,
                      int                   deal_column,
                      ApplyRow              apply,
                      const ClDealRowFuncs *funcs,
                      gpointer              data,
                      GError              **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error, sql, "I", id);
  gint64 last_id = 0;
  gpointer deal_data = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deal_id = sqlite3_column_int64 (stmt, deal_column);

      /* a deal's rows often come one after the other: one lookup for them */
      if (deal_id != last_id)
        deal_data = g_hash_table_lookup (by_id, &deal_id), last_id = deal_id;
      if (deal_data != NULL)
        apply (funcs, data, deal_data, stmt);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/* deal_id, occurred_on, field, old_value, new_value; oldest first */
static void
apply_change (const ClDealRowFuncs *funcs,
              gpointer              data,
              gpointer              deal_data,
              sqlite3_stmt         *stmt)
{
  funcs->add_change (data, deal_data, cl_column_day (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
                     (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4));
}

static void
apply_contacts (const ClDealRowFuncs *funcs,
                gpointer              data,
                gpointer              deal_data,
                sqlite3_stmt         *stmt)
{
  funcs->set_contacts (data, deal_data, sqlite3_column_int (stmt, 1));
}

static void
apply_qualification (const ClDealRowFuncs *funcs,
                     gpointer              data,
                     gpointer              deal_data,
                     sqlite3_stmt         *stmt)
{
  int element = cl_column_enum (stmt, 1, cl_meddic_names);

  if (element >= 0)
    funcs->add_known_element (data, deal_data, element);
}

/**
 * cl_store_each_deal_row:
 * @self: the workspace
 * @rows: which deals' rows to read, with @id
 * @id: the owner (0 for everyone) or the deal, as #ClDealRows says
 * @by_id: deal id (gint64 *) → the caller's data for the deal: the rows of
 *   a deal it does not hold are skipped
 * @funcs: what becomes of each row; every member is set
 * @data: what each of @funcs is given first
 * @error: return location for a #GError, or %NULL
 *
 * Hands the history the flag rules follow, contacts and qualification of
 * the deals of @by_id to @funcs, reading each table once (three
 * queries) whatever the number of deals.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_each_deal_row (ClStore               *self,
                        ClDealRows             rows,
                        gint64                 id,
                        GHashTable            *by_id,
                        const ClDealRowFuncs  *funcs,
                        gpointer               data,
                        GError               **error)
{
  /* which deals' rows are read, ?1 bound to @id: keeps SQLite from reading
   * other deals' rows, but for everyone's, where a scan of the whole table
   * in the order it is stored (@by_id leaving out the other deals) is
   * faster than looking each deal up in the index */
  static const char * const which[] = {
    [CL_DEAL_ROWS_OWNED_BY] = "AND (?1 = 0 OR deal_id IN (SELECT id FROM deals WHERE owner_id = ?1)) ",
    [CL_DEAL_ROWS_CLOSED_NOW] = "AND (?1 = 0 OR deal_id IN (SELECT id FROM deals WHERE status <> 'open' "
                                "AND owner_id = ?1)) ",
    [CL_DEAL_ROWS_ONE] = "AND deal_id = ?1 ",
  };
  g_autofree char *events = NULL, *contacts = NULL, *qualification = NULL;

  g_return_val_if_fail (rows < G_N_ELEMENTS (which), FALSE);
  events = g_strconcat ("SELECT deal_id, occurred_on, field, old_value, new_value FROM deal_events "
                        "WHERE field IN ('stage', 'amount', 'close_date', 'next_step', 'status') ", which[rows],
                        "ORDER BY id", NULL);
  contacts = g_strconcat ("SELECT deal_id, count(*) FROM contacts WHERE 1 ", which[rows], "GROUP BY deal_id", NULL);
  qualification = g_strconcat ("SELECT deal_id, element FROM qualification WHERE state <> 'unknown' ", which[rows],
                               NULL);
  return each_loaded_deal_row (self, by_id, id, events, 0, apply_change, funcs, data, error)
         && each_loaded_deal_row (self, by_id, id, contacts, 0, apply_contacts, funcs, data, error)
         && each_loaded_deal_row (self, by_id, id, qualification, 0, apply_qualification, funcs, data, error);
}

/* Calls @func on each deal of @by_id that both reviews @ids discussed. */
static gboolean
each_deal_discussed_twice (ClStore             *self,
                           const gint64         ids[2],
                           const ClReviewPair  *reviews,
                           GHashTable          *by_id,
                           ClDealReviewsFunc    func,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cl_store_query (self, error,
                         "SELECT a.deal_id FROM review_decisions a JOIN review_decisions b "
                         "ON b.deal_id = a.deal_id AND b.review_id = ? WHERE a.review_id = ?",
                         "II", ids[1], ids[0]);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 deal_id = sqlite3_column_int64 (stmt, 0);
      gpointer deal_data = g_hash_table_lookup (by_id, &deal_id);

      if (deal_data != NULL)
        func (deal_data, reviews);
    }
  return cl_store_query_done (self, stmt, rc, error);
}

/**
 * cl_store_each_deal_reviewed_twice:
 * @self: the workspace
 * @as_of: reviews held after this day are left out
 * @by_id: deal id (gint64 *) → the caller's data for the deal: other deals
 *   are skipped
 * @func: (scope call): called on each deal both reviews discussed, with
 *   the two reviews
 * @error: return location for a #GError, or %NULL
 *
 * Calls @func on each deal of @by_id that both of the last two reviews
 * held by @as_of discussed; on none when fewer than two were held. Two
 * queries.
 *
 * Returns: %TRUE on success, %FALSE with @error set when the store fails
 */
gboolean
cl_store_each_deal_reviewed_twice (ClStore            *self,
                                   ClDay               as_of,
                                   GHashTable         *by_id,
                                   ClDealReviewsFunc   func,
                                   GError            **error)
{
  sqlite3_stmt *stmt = cl_store_query (self, error,
                                       "SELECT id, week, held_on FROM reviews WHERE held_on <= ? "
                                       "ORDER BY held_on DESC, id DESC LIMIT 2", "d", as_of);
  gint64 ids[2] = { 0, 0 };
  ClReviewPair reviews = { { 0, 0 }, { NULL, NULL } };
  gboolean ok;
  int n = 0, rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n < 2)
    {
      ids[n] = sqlite3_column_int64 (stmt, 0);
      reviews.week[n] = cl_column_text (stmt, 1);
      reviews.held_on[n] = cl_column_day (stmt, 2);
      n++;
    }
  ok = cl_store_query_done (self, stmt, rc, error);
  if (ok && n == 2)
    ok = each_deal_discussed_twice (self, ids, &reviews, by_id, func, error);
  g_free (reviews.week[0]);
  g_free (reviews.week[1]);
  return ok;
}
