/* cl-shared-review.c — a teammate's weekly review, read back from the team
 * library to be walked like one's own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-shared-review.h"

static void
shared_deal_free (ClSharedReviewDeal *deal)
{
  g_free (deal->name);
  g_free (deal->account);
  g_free (deal->owner);
  g_free (deal->stage);
  g_free (deal->currency);
  g_free (deal->close_date);
  g_free (deal->next_step);
  g_free (deal->flag_reasons);
  g_free (deal->decision_note);
  g_free (deal->action_text);
  g_free (deal->action_owner);
  g_free (deal->action_due);
  g_free (deal);
}

/**
 * cl_shared_review_free:
 * @review: (nullable): a review
 *
 * Frees @review with its deals. Does nothing for %NULL.
 */
void
cl_shared_review_free (ClSharedReview *review)
{
  if (review == NULL)
    return;
  g_free (review->week);
  g_free (review->held_on);
  g_free (review->notes);
  g_free (review->exported_by);
  g_free (review->exported_at);
  g_ptr_array_unref (review->deals);
  g_free (review);
}

/**
 * cl_summary_load_document:
 * @store: the workspace
 * @library_id: the summary's id in the team library
 * @format: (out) (transfer full) (optional): set to the summary's format,
 *   such as "closeloop.pipeline-review", once the entry was read
 * @error: return location for a #GError, or %NULL
 *
 * Reads and parses the document the team library keeps under @library_id.
 * Unlike cl_team_health_read (), the text is not bounded again before it
 * is parsed.
 *
 * Returns: (transfer full) (nullable): the document's root, or %NULL with
 *   @error set (%CL_STORE_ERROR_NOT_FOUND when the library holds no such
 *   summary)
 */
JsonNode *
cl_summary_load_document (ClStore  *store,
                          gint64    library_id,
                          char    **format,
                          GError  **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *document = NULL;

  if (!cl_store_read_library_entry (store, library_id, format, &document, error))
    return NULL;
  if (document == NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                        _("The team library holds no summary %" PRId64), library_id), NULL;
  if (!json_parser_load_from_data (parser, document, -1, error))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

/* The member @name of @object as text: a string as it is, a number
 * written out, anything else "". */
static char *
text_of (JsonObject *object,
         const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup ("");
}

static JsonObject *
object_of (JsonObject *object,
           const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "246500.00" → cents; anything else 0. */
static gint64
cents_of (const char *amount)
{
  gint64 units = 0, cents = 0;
  const char *p = amount;
  gboolean negative = *p == '-';

  if (negative)
    p++;
  for (; g_ascii_isdigit (*p) && units < G_MAXINT64 / 1000; p++)
    units = units * 10 + (*p - '0');
  if (*p == '.' && g_ascii_isdigit (p[1]))
    cents = (p[1] - '0') * 10 + (g_ascii_isdigit (p[2]) ? p[2] - '0' : 0);
  return (negative ? -1 : 1) * (units * 100 + cents);
}

static ClSharedReviewDeal *
read_deal (JsonObject *object)
{
  ClSharedReviewDeal *deal = g_new0 (ClSharedReviewDeal, 1);
  JsonObject *reasons = object_of (object, "flag_reasons");
  JsonObject *action = object_of (object, "next_action");
  g_autofree char *amount = text_of (object, "amount");
  g_autofree char *days = text_of (object, "days_in_stage");
  g_autofree char *decision = text_of (object, "decision");
  GString *why = g_string_new (NULL);

  deal->name = text_of (object, "name");
  deal->account = text_of (object, "account");
  deal->owner = text_of (object, "owner");
  deal->stage = text_of (object, "stage");
  deal->amount_cents = cents_of (amount);
  deal->currency = text_of (object, "currency");
  deal->close_date = text_of (object, "close_date");
  deal->next_step = text_of (object, "next_step");
  deal->days_in_stage = g_ascii_strtoll (days, NULL, 10);
  if (reasons != NULL)
    {
      g_autoptr (GList) members = json_object_get_members (reasons);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *reason = text_of (reasons, l->data);

          if (*reason)
            g_string_append_printf (why, "%s%s", why->len ? "\n" : "", reason);
        }
    }
  deal->flag_reasons = g_string_free (why, FALSE);
  deal->decision = *decision ? cl_enum_from_string (cl_decision_names, decision) : -1;
  deal->decision_note = text_of (object, "decision_note");
  deal->action_text = text_of (action, "text");
  deal->action_owner = text_of (action, "owner");
  deal->action_due = text_of (action, "due");
  return deal;
}

/**
 * cl_shared_review_load:
 * @store: the workspace
 * @library_id: the review's id in the team library
 * @error: return location for a #GError, or %NULL
 *
 * Reads the weekly review kept in the team library under @library_id, to
 * be walked like one's own. Its deals are those with a decision; when none
 * has one, every deal it lists (an unheld review's pre-read: the open deals
 * with a flag). Members of the wrong type read as absent ("" for text, 0
 * for amounts): the document was checked when kept, but a teammate's file
 * is never trusted further than that.
 *
 * Returns: (transfer full) (nullable): the review, or %NULL with @error set
 *   (%CL_STORE_ERROR_INVALID when the summary is not a weekly review)
 */
ClSharedReview *
cl_shared_review_load (ClStore  *store,
                       gint64    library_id,
                       GError  **error)
{
  g_autofree char *format = NULL;
  g_autoptr (JsonNode) root = cl_summary_load_document (store, library_id, &format, error);
  g_autoptr (ClSharedReview) review = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) shared_deal_free);
  JsonObject *object;
  JsonNode *deals, *held;

  if (root == NULL)
    return NULL;
  if (!g_str_equal (format, "closeloop.pipeline-review") || !JSON_NODE_HOLDS_OBJECT (root))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("Summary %" PRId64 " is not a weekly review"), library_id), NULL;
  object = json_node_get_object (root);
  review = g_new0 (ClSharedReview, 1);
  review->deals = g_ptr_array_new_with_free_func ((GDestroyNotify) shared_deal_free);
  review->week = text_of (object, "week");
  held = json_object_get_member (object, "held");
  review->held = held != NULL && JSON_NODE_HOLDS_VALUE (held) && json_node_get_value_type (held) == G_TYPE_BOOLEAN
                 && json_node_get_boolean (held);
  review->held_on = text_of (object, "date");
  review->notes = text_of (object, "notes");
  review->exported_by = text_of (object, "exported_by");
  review->exported_at = text_of (object, "exported_at");

  deals = json_object_get_member (object, "deals");
  for (guint i = 0; deals != NULL && JSON_NODE_HOLDS_ARRAY (deals)
                    && i < json_array_get_length (json_node_get_array (deals)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (deals), i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (all, read_deal (json_node_get_object (element)));
    }
  /* the deals discussed are the review; before it is held, every deal listed is its pre-read */
  for (guint i = 0; i < all->len; i++)
    {
      ClSharedReviewDeal *deal = g_ptr_array_index (all, i);

      if (deal->decision >= 0)
        {
          review->n_decisions += deal->decision != CL_DECISION_KEEP;
          g_ptr_array_add (review->deals, g_ptr_array_steal_index (all, i--));
        }
    }
  if (review->deals->len == 0)
    g_ptr_array_extend_and_steal (review->deals, g_steal_pointer (&all));
  return g_steal_pointer (&review);
}
