/* cl-team-health.c — the teams a second-line manager follows, side by
 * side: each team's latest loop health from the team library
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library checked each summary's header when it kept it; the loops
 * are read here, every member checked for its type, and a document that
 * does not hold them is skipped, never trusted.
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cl-json-text.h"
#include "cl-team-health.h"

#define LOOP_HEALTH_FORMAT "closeloop.loop-health"
/* as deep as the team library lets a summary nest */
#define MAX_DEPTH 64

G_DEFINE_FINAL_TYPE (ClTeamHealth, cl_team_health, G_TYPE_OBJECT)

static void
cl_team_health_finalize (GObject *object)
{
  ClTeamHealth *self = CL_TEAM_HEALTH (object);

  g_free (self->team);
  g_free (self->period);
  g_free (self->exported_at);
  for (guint i = 0; i < CL_N_LOOPS; i++)
    {
      g_free (self->loops[i].summary);
      g_free (self->loops[i].explanation);
    }
  G_OBJECT_CLASS (cl_team_health_parent_class)->finalize (object);
}

static void
cl_team_health_class_init (ClTeamHealthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_team_health_finalize;
}

static void
cl_team_health_init (ClTeamHealth *self)
{
}

/* ------------------------------------------------------------------ reading */

static gboolean
refuse (GError    **error,
        const char *member)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("This loop health summary has no valid “%s”"), member);
  return FALSE;
}

/* The string member @name of @object, or NULL. */
static const char *
text_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
day_member (JsonObject  *object,
            const char  *name,
            ClDay       *day,
            GError     **error)
{
  const char *text = text_member (object, name);

  if (text == NULL || !cl_date_parse (text, day))
    return refuse (error, name);
  return TRUE;
}

static int
state_from_string (const char *name)
{
  for (int state = CL_HEALTH_NO_DATA; state <= CL_HEALTH_LAPSED; state++)
    if (g_strcmp0 (cl_health_state_to_string (state), name) == 0)
      return state;
  return -1;
}

static gboolean
read_loop (ClTeamHealth  *self,
           JsonNode      *node,
           gboolean       seen[CL_N_LOOPS],
           GError       **error)
{
  JsonObject *object;
  JsonNode *explanation;
  const char *summary;
  int loop, state;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, "loops");
  object = json_node_get_object (node);
  loop = cl_loop_from_string (text_member (object, "loop"));
  if (loop < 0 || loop >= CL_N_LOOPS || seen[loop])
    return refuse (error, "loop");
  seen[loop] = TRUE;
  if ((state = state_from_string (text_member (object, "state"))) < 0)
    return refuse (error, "state");
  if ((summary = text_member (object, "summary")) == NULL)
    return refuse (error, "summary");
  explanation = json_object_get_member (object, "explanation");
  if (explanation == NULL || (!JSON_NODE_HOLDS_NULL (explanation) && text_member (object, "explanation") == NULL))
    return refuse (error, "explanation");
  self->loops[loop].state = state;
  self->loops[loop].summary = g_strdup (summary);
  self->loops[loop].explanation = g_strdup (text_member (object, "explanation"));
  return TRUE;
}

/**
 * cl_team_health_read:
 * @document: (nullable): a loop-health summary's text, any version this
 *   Closeloop reads
 * @error: return location for a #GError, or %NULL
 *
 * Reads a loop-health summary into a team. The text is bounded in size
 * and nesting before it is parsed; a document without its four loops, each
 * once with a known state, its period, days, author or hollow-cadence flag
 * is refused.
 *
 * Returns: (transfer full) (nullable): the team, or %NULL with @error set
 *   (%G_IO_ERROR_INVALID_DATA naming the member, or a #JsonParser error)
 */
ClTeamHealth *
cl_team_health_read (const char  *document,
                     GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ClTeamHealth) self = g_object_new (CL_TYPE_TEAM_HEALTH, NULL);
  gboolean seen[CL_N_LOOPS] = { FALSE };
  JsonObject *object;
  JsonNode *root, *loops, *hollow;
  JsonArray *array;
  const char *text;

  /* kept checked, but a workspace is a file too: bounded again before parsing */
  if (document == NULL || cl_json_text_check (document, strlen (document), MAX_DEPTH) != CL_JSON_TEXT_OK)
    return refuse (error, "format"), NULL;
  if (!json_parser_load_from_data (parser, document, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return refuse (error, "format"), NULL;
  object = json_node_get_object (root);
  if (g_strcmp0 (text_member (object, "format"), LOOP_HEALTH_FORMAT) != 0)
    return refuse (error, "format"), NULL;
  if ((text = text_member (object, "exported_by")) == NULL || *text == '\0')
    return refuse (error, "exported_by"), NULL;
  self->team = g_strdup (text);
  if ((text = text_member (object, "exported_at")) == NULL)
    return refuse (error, "exported_at"), NULL;
  self->exported_at = g_strdup (text);
  if ((text = text_member (object, "period")) == NULL)
    return refuse (error, "period"), NULL;
  self->period = g_strdup (text);
  if (!day_member (object, "from", &self->from, error) || !day_member (object, "to", &self->to, error)
      || !day_member (object, "as_of", &self->as_of, error))
    return NULL;
  hollow = json_object_get_member (object, "hollow_cadence");
  if (hollow == NULL || !JSON_NODE_HOLDS_VALUE (hollow) || json_node_get_value_type (hollow) != G_TYPE_BOOLEAN)
    return refuse (error, "hollow_cadence"), NULL;
  self->hollow = json_node_get_boolean (hollow);
  loops = json_object_get_member (object, "loops");
  if (loops == NULL || !JSON_NODE_HOLDS_ARRAY (loops)
      || json_array_get_length (array = json_node_get_array (loops)) != CL_N_LOOPS)
    return refuse (error, "loops"), NULL;
  for (guint i = 0; i < CL_N_LOOPS; i++)
    if (!read_loop (self, json_array_get_element (array, i), seen, error))
      return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ the teams */

typedef struct
{
  GHashTable *best;        /* team → ClTeamHealth */
  guint       n_skipped;
} Collect;

/* Whether @a is the summary to show rather than @b. */
static gboolean
shows_before (const ClTeamHealth *a,
              const ClTeamHealth *b)
{
  if (a->to != b->to)
    return a->to > b->to;
  if (a->from != b->from)
    return a->from < b->from;
  return g_strcmp0 (a->exported_at, b->exported_at) > 0;
}

static void
collect_one (const char *exported_by,
             const char *exported_at,
             const char *document,
             gpointer    user_data)
{
  Collect *collect = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ClTeamHealth) team = cl_team_health_read (document, &error);
  ClTeamHealth *kept;

  /* the library's attribution, not the text's, says whose it is */
  if (team == NULL || g_strcmp0 (team->team, exported_by) != 0)
    {
      g_debug ("A loop health summary by %s from %s skipped: %s", exported_by, exported_at,
               error ? error->message : "another author");
      collect->n_skipped++;
      return;
    }
  kept = g_hash_table_lookup (collect->best, exported_by);
  if (kept == NULL || shows_before (team, kept))
    g_hash_table_replace (collect->best, g_strdup (exported_by), g_steal_pointer (&team));
}

static int
compare_teams (gconstpointer a,
               gconstpointer b)
{
  const ClTeamHealth *x = *(ClTeamHealth * const *) a;
  const ClTeamHealth *y = *(ClTeamHealth * const *) b;
  g_autofree char *kx = g_utf8_collate_key (x->team, -1);
  g_autofree char *ky = g_utf8_collate_key (y->team, -1);

  return strcmp (kx, ky);
}

/**
 * cl_team_health_list:
 * @store: the workspace
 * @n_skipped: (out) (optional): set to how many summaries could not be read
 *   or name another author than the library's
 * @error: return location for a #GError, or %NULL
 *
 * Lists the teams whose loop health the team library keeps, by name: for
 * each publisher the summary of the period that ends last (of two ending
 * the same day, the longer; of the same period, the latest export).
 * Summaries that cannot be read are skipped and counted.
 *
 * Returns: (transfer full) (nullable): a list of #ClTeamHealth sorted by
 *   team name, or %NULL with @error set when the library cannot be read
 */
GListModel *
cl_team_health_list (ClStore  *store,
                     guint    *n_skipped,
                     GError  **error)
{
  Collect collect = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref), 0 };
  g_autoptr (GPtrArray) teams = NULL;
  GHashTableIter iter;
  gpointer team;
  GListStore *list;

  if (!cl_store_each_library_document (store, LOOP_HEALTH_FORMAT, collect_one, &collect, error))
    {
      g_hash_table_unref (collect.best);
      return NULL;
    }
  teams = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, collect.best);
  while (g_hash_table_iter_next (&iter, NULL, &team))
    g_ptr_array_add (teams, team);
  g_ptr_array_sort (teams, compare_teams);
  list = g_list_store_new (CL_TYPE_TEAM_HEALTH);
  g_list_store_splice (list, 0, 0, teams->pdata, teams->len);
  g_hash_table_unref (collect.best);
  if (n_skipped != NULL)
    *n_skipped = collect.n_skipped;
  return G_LIST_MODEL (list);
}

/**
 * cl_team_health_count_hollow:
 * @teams: a list of #ClTeamHealth
 *
 * Counts the teams whose cadence is hollow.
 *
 * Returns: the number of teams in @teams whose cadence is hollow
 */
guint
cl_team_health_count_hollow (GListModel *teams)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr (ClTeamHealth) team = g_list_model_get_item (teams, i);

      n += team->hollow;
    }
  return n;
}
