/* cl-stage-plan.c — where each stage of a CRM export goes in the team's
 * sales process, decided before anything is written
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flags that read stage moves (moved backwards, skipped a stage) are
 * only as true as the order of the process. A stage the file brings is
 * matched to the team's by name, or placed where the evidence puts it:
 * the CRM's default pipeline, the file's probabilities, the stages the
 * weekly exports show deals moving from. The team's own stages are never
 * reordered. What nothing places is left for the user to place, never
 * guessed: a wrong guess would flag deals that did nothing wrong.
 */
#define G_LOG_DOMAIN "cl-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-stage-plan.h"
#include "cl-text.h"

/* ------------------------------------------------------------------ the CRMs' default pipelines */

typedef struct
{
  ClCrmKind   crm;
  int         rank;          /* its place in the CRM's pipeline; alternatives share one */
  const char *label;
  const char *id;            /* the CRM's internal name, or NULL */
  int         probability;   /* the CRM's default; -1 when it has none */
} ClKnownStage;

static const ClKnownStage known_stages[] = {
  { CL_CRM_HUBSPOT, 1, "Appointment scheduled", "appointmentscheduled", 20 },
  { CL_CRM_HUBSPOT, 2, "Qualified to buy", "qualifiedtobuy", 40 },
  { CL_CRM_HUBSPOT, 3, "Presentation scheduled", "presentationscheduled", 60 },
  { CL_CRM_HUBSPOT, 4, "Decision maker bought-in", "decisionmakerboughtin", 80 },
  { CL_CRM_HUBSPOT, 5, "Contract sent", "contractsent", 90 },
  { CL_CRM_SALESFORCE, 1, "Prospecting", NULL, 10 },
  { CL_CRM_SALESFORCE, 2, "Qualification", NULL, 10 },
  { CL_CRM_SALESFORCE, 3, "Needs Analysis", NULL, 20 },
  { CL_CRM_SALESFORCE, 4, "Value Proposition", NULL, 50 },
  { CL_CRM_SALESFORCE, 5, "Id. Decision Makers", NULL, 60 },
  { CL_CRM_SALESFORCE, 6, "Perception Analysis", NULL, 70 },
  { CL_CRM_SALESFORCE, 7, "Proposal/Price Quote", NULL, 75 },
  { CL_CRM_SALESFORCE, 8, "Negotiation/Review", NULL, 90 },
  /* the shorter path of newer orgs; its "Discovery" and "Negotiation" are
   * words any team uses, placed by probability or moves instead */
  { CL_CRM_SALESFORCE, 7, "Proposal/Quote", NULL, 75 },
  /* older and newer accounts name the first and third stages differently */
  { CL_CRM_PIPEDRIVE, 1, "Lead In", NULL, -1 },
  { CL_CRM_PIPEDRIVE, 1, "Qualified", NULL, -1 },
  { CL_CRM_PIPEDRIVE, 2, "Contact Made", NULL, -1 },
  { CL_CRM_PIPEDRIVE, 3, "Needs Defined", NULL, -1 },
  { CL_CRM_PIPEDRIVE, 3, "Demo Scheduled", NULL, -1 },
  { CL_CRM_PIPEDRIVE, 4, "Proposal Made", NULL, -1 },
  { CL_CRM_PIPEDRIVE, 5, "Negotiations Started", NULL, -1 },
};

#define DEFAULT_PROBABILITY 50

static const ClKnownStage *
known_stage (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_stages); i++)
    if (g_ascii_strcasecmp (name, known_stages[i].label) == 0
        || (known_stages[i].id != NULL && g_ascii_strcasecmp (name, known_stages[i].id) == 0))
      return &known_stages[i];
  return NULL;
}

/**
 * cl_stage_name_is_closing:
 * @name: a stage's name
 *
 * Whether a stage named @name is how a deal ends ("Closed Won", HubSpot's
 * "closedlost") rather than a step of the process: whether its case fold
 * contains "closed".
 *
 * Returns: %TRUE for a closing name
 */
gboolean
cl_stage_name_is_closing (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  /* "Closed Won", "Closed lost", HubSpot's "closedwon" */
  return strstr (folded, "closed") != NULL;
}

/* ------------------------------------------------------------------ the plan */

/* A stage of the process after the import. */
typedef struct
{
  char               *name;
  gint64              stage_id;      /* the existing stage's; a new one's once applied */
  gboolean            is_new;
  int                 probability;   /* the new stage's */
  const ClKnownStage *known;
  int                 file_probability;
  ClStageBasis        basis;         /* why a new one is where it is */
  char               *moved_from;
} ClStep;

typedef struct
{
  ClStagePlanValue  shown;
  ClStep           *step;            /* NULL for a closing value */
  gboolean          all_closing;
  guint            *probabilities;   /* rows per percentage, 0–100 */
  guint            *moved_from;      /* rows per existing stage they were in */
} ClValue;

struct _ClStagePlan
{
  GListModel *existing;     /* ClStage, in order */
  GArray     *existing_ids; /* their ids, in the same order */
  GPtrArray  *steps;        /* ClStep, the process after the import */
  GPtrArray  *values;       /* ClValue, in the order the file first mentions them */
  GHashTable *by_value;     /* folded value → ClValue */
  GHashTable *by_text;      /* a value as observed rows wrote it → ClValue */
  GHashTable *owned_steps;  /* every ClStep made, in the process or no longer */
};

static void
step_free (ClStep *step)
{
  g_free (step->name);
  g_free (step->moved_from);
  g_free (step);
}

static void
value_free (ClValue *value)
{
  g_free (value->shown.value);
  g_free (value->shown.moved_from);
  g_free (value->probabilities);
  g_free (value->moved_from);
  g_free (value);
}

static guint
n_existing (const ClStagePlan *plan)
{
  return g_list_model_get_n_items (plan->existing);
}

static ClStage *
existing_at (const ClStagePlan *plan,
             guint              index)
{
  ClStage *stage = g_list_model_get_item (plan->existing, index);

  /* the model keeps its own reference */
  g_object_unref (stage);
  return stage;
}

/**
 * cl_stage_plan_new:
 * @stages: the stages the workspace has (#ClStage), in order; the plan keeps a
 *   reference
 *
 * Starts a plan. Then every row of the file goes to cl_stage_plan_observe (),
 * then cl_stage_plan_place () decides; cl_deal_import_plan_stages () does it
 * all from a file and a workspace.
 *
 * Returns: (transfer full): the plan, for cl_stage_plan_free ()
 */
ClStagePlan *
cl_stage_plan_new (GListModel *stages)
{
  ClStagePlan *plan;

  g_return_val_if_fail (G_IS_LIST_MODEL (stages), NULL);
  plan = g_new0 (ClStagePlan, 1);
  plan->existing = g_object_ref (stages);
  plan->existing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  plan->steps = g_ptr_array_new ();
  plan->values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  plan->by_value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->owned_steps = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) step_free, NULL);
  for (guint i = 0; i < n_existing (plan); i++)
    {
      ClStage *stage = existing_at (plan, i);
      ClStep *step = g_new0 (ClStep, 1);

      step->name = g_strdup (stage->name);
      step->stage_id = stage->id;
      step->known = known_stage (stage->name);
      step->file_probability = -1;
      step->basis = CL_STAGE_BASIS_EXISTING;
      g_hash_table_add (plan->owned_steps, step);
      g_ptr_array_add (plan->steps, step);
      g_array_append_val (plan->existing_ids, stage->id);
    }
  return plan;
}

/**
 * cl_stage_plan_free:
 * @plan: (nullable) (transfer full): a stage plan
 *
 * Frees @plan and drops its reference on the workspace's stages. %NULL is
 * ignored.
 */
void
cl_stage_plan_free (ClStagePlan *plan)
{
  if (plan == NULL)
    return;
  g_object_unref (plan->existing);
  g_array_unref (plan->existing_ids);
  g_ptr_array_unref (plan->steps);
  g_ptr_array_unref (plan->values);
  g_hash_table_unref (plan->by_value);
  g_hash_table_unref (plan->by_text);
  g_hash_table_unref (plan->owned_steps);
  g_free (plan);
}

static int
existing_index (const ClStagePlan *plan,
                gint64             stage_id)
{
  for (guint i = 0; i < plan->existing_ids->len; i++)
    if (g_array_index (plan->existing_ids, gint64, i) == stage_id)
      return i;
  return -1;
}

/* The entry of @value, or NULL: found by the text rows wrote when they
 * were observed, folded only for another spelling. Reads the plan only,
 * as a plan being applied may be read from more than one thread. */
static ClValue *
find_value (const ClStagePlan *plan,
            const char        *value)
{
  ClValue *entry = g_hash_table_lookup (plan->by_text, value);
  g_autofree char *folded = NULL;

  if (entry != NULL)
    return entry;
  folded = g_utf8_casefold (value, -1);
  return g_hash_table_lookup (plan->by_value, folded);
}

/**
 * cl_stage_plan_observe:
 * @plan: a stage plan, not placed yet
 * @value: the row's stage value; values are told apart without case
 * @closing: whether the value reads as a deal's end rather than a stage
 *   ("Closed Won", or Salesforce's IsClosed)
 * @probability: the row's probability in percent; -1 for none, and 0 (a CRM's
 *   blank) is not counted
 * @stored_stage_id: the stage the deal matched by record id is in now; 0 for
 *   none
 *
 * Counts one row of the file. A value is taken as closing only when every one
 * of its rows is.
 */
void
cl_stage_plan_observe (ClStagePlan *plan,
                       const char  *value,
                       gboolean     closing,
                       int          probability,
                       gint64       stored_stage_id)
{
  ClValue *entry = find_value (plan, value);
  int stored = stored_stage_id != 0 ? existing_index (plan, stored_stage_id) : -1;

  /* each spelling rows write is folded once */
  if (entry != NULL && !g_hash_table_contains (plan->by_text, value))
    g_hash_table_insert (plan->by_text, g_strdup (value), entry);
  if (entry == NULL)
    {
      entry = g_new0 (ClValue, 1);
      entry->shown.value = g_strdup (value);
      entry->shown.probability = -1;
      entry->all_closing = TRUE;
      entry->probabilities = g_new0 (guint, 101);
      entry->moved_from = g_new0 (guint, MAX (n_existing (plan), 1));
      g_ptr_array_add (plan->values, entry);
      g_hash_table_insert (plan->by_value, g_utf8_casefold (value, -1), entry);
      g_hash_table_insert (plan->by_text, g_strdup (value), entry);
    }
  entry->shown.n_rows++;
  entry->all_closing &= closing;
  /* an open deal at 0 % is a CRM's blank, not an order: Salesforce
   * exports write 0 for every stage whose probability nobody set */
  if (probability > 0 && probability <= 100)
    entry->probabilities[probability]++;
  if (stored >= 0)
    entry->moved_from[stored]++;
}

/* The percentage most of @value's rows give, -1 when none does. */
static int
most_common_probability (const ClValue *value)
{
  int best = -1;

  for (int p = 0; p <= 100; p++)
    if (value->probabilities[p] > 0 && (best < 0 || value->probabilities[p] > value->probabilities[best]))
      best = p;
  return best;
}

/* Whether @step is the stage @name names: by name in any case, or by the
 * CRM's other name for it ("qualifiedtobuy", "Qualified to buy"). */
static gboolean
step_is (const ClStep *step,
         const char   *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *step_name = g_utf8_casefold (step->name, -1);
  const ClKnownStage *known = known_stage (name);

  return g_str_equal (step_name, folded) || (known != NULL && step->known == known);
}

/* The existing step @value names. */
static ClStep *
existing_step_named (const ClStagePlan *plan,
                     const char        *value)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      ClStep *step = g_ptr_array_index (plan->steps, i);

      if (!step->is_new && step_is (step, value))
        return step;
    }
  return NULL;
}

/* The new step another value of the same stage already made. */
static ClStep *
new_step_for (const ClStagePlan *plan,
              const char        *value)
{
  for (guint i = 0; i < plan->values->len; i++)
    {
      ClValue *other = g_ptr_array_index (plan->values, i);

      if (other->step != NULL && other->step->is_new && step_is (other->step, value))
        return other->step;
    }
  return NULL;
}

static ClStep *
add_new_step (ClStagePlan *plan,
              ClValue     *value)
{
  ClStep *step = g_new0 (ClStep, 1);
  const ClKnownStage *known = known_stage (value->shown.value);

  /* a CRM's internal id ("qualifiedtobuy") becomes the stage its users know */
  step->name = g_strdup (known != NULL && known->id != NULL && g_ascii_strcasecmp (known->id, value->shown.value) == 0
                         ? known->label : value->shown.value);
  step->is_new = TRUE;
  step->known = known;
  step->file_probability = value->shown.probability;
  step->probability = step->file_probability >= 0 ? step->file_probability
                      : known != NULL && known->probability >= 0 ? known->probability : DEFAULT_PROBABILITY;
  step->basis = CL_STAGE_BASIS_UNKNOWN;
  g_hash_table_add (plan->owned_steps, step);
  return step;
}

/* Where among the @n existing stages (0: before the first, @n: after the
 * last) the new @step goes, and why; -1 when nothing tells. */
static int
gap_of (const ClStagePlan *plan,
        ClStep            *step,
        ClValue           *value)
{
  guint n = n_existing (plan);
  int lower = -1, upper = -1, from = -1;

  if (step->known != NULL)
    for (guint i = 0; i < n; i++)
      {
        ClStep *other = g_ptr_array_index (plan->steps, i);

        if (other->known == NULL || other->known->crm != step->known->crm)
          continue;
        if (other->known->rank < step->known->rank)
          lower = i;
        else if (other->known->rank > step->known->rank && upper < 0)
          upper = i;
      }
  if (lower >= 0 || upper >= 0)
    {
      step->basis = CL_STAGE_BASIS_KNOWN_ORDER;
      return lower >= 0 ? lower + 1 : upper;
    }
  if (n == 0)
    {
      step->basis = step->known != NULL ? CL_STAGE_BASIS_KNOWN_ORDER
                    : step->file_probability >= 0 ? CL_STAGE_BASIS_PROBABILITY : CL_STAGE_BASIS_ONLY;
      return 0;
    }
  if (step->file_probability >= 0)
    {
      int gap = 0;

      /* after the last stage at most as likely to close */
      for (guint i = 0; i < n; i++)
        if (existing_at (plan, i)->probability <= step->file_probability)
          gap = i + 1;
      step->basis = CL_STAGE_BASIS_PROBABILITY;
      return gap;
    }
  for (guint i = 0; i < n; i++)
    if (value->moved_from[i] > 0 && (from < 0 || value->moved_from[i] >= value->moved_from[from]))
      from = i;
  if (from >= 0)
    {
      step->basis = CL_STAGE_BASIS_HISTORY;
      step->moved_from = g_strdup (existing_at (plan, from)->name);
      return from + 1;
    }
  return -1;
}

/* Which of two new stages in one gap comes first: < 0, > 0, or 0 when
 * nothing tells. */
static int
compare_steps (const ClStep *a,
               const ClStep *b)
{
  if (a->known != NULL && b->known != NULL && a->known->crm == b->known->crm && a->known->rank != b->known->rank)
    return a->known->rank - b->known->rank;
  if (a->file_probability >= 0 && b->file_probability >= 0 && a->file_probability != b->file_probability)
    return a->file_probability - b->file_probability;
  return 0;
}

/* Orders one gap's new stages; two that nothing orders are UNKNOWN. */
static void
order_gap (GPtrArray *gap)
{
  for (guint i = 1; i < gap->len; i++)
    {
      ClStep *step = g_ptr_array_index (gap, i);
      guint j = i;

      while (j > 0 && compare_steps (step, g_ptr_array_index (gap, j - 1)) < 0)
        {
          gap->pdata[j] = gap->pdata[j - 1];
          j--;
        }
      gap->pdata[j] = step;
    }
  for (guint i = 1; i < gap->len; i++)
    if (compare_steps (g_ptr_array_index (gap, i - 1), g_ptr_array_index (gap, i)) == 0)
      {
        ((ClStep *) g_ptr_array_index (gap, i - 1))->basis = CL_STAGE_BASIS_UNKNOWN;
        ((ClStep *) g_ptr_array_index (gap, i))->basis = CL_STAGE_BASIS_UNKNOWN;
      }
}

static void
set_basis_from_steps (ClStagePlan *plan)
{
  for (guint i = 0; i < plan->values->len; i++)
    {
      ClValue *value = g_ptr_array_index (plan->values, i);

      if (value->step == NULL)
        continue;
      value->shown.basis = value->step->basis;
      value->shown.crm = value->step->known != NULL ? value->step->known->crm : CL_CRM_AUTO;
      g_free (value->shown.moved_from);
      value->shown.moved_from = g_strdup (value->step->moved_from);
    }
}

/**
 * cl_stage_plan_place:
 * @plan: a stage plan with every row observed
 *
 * Decides where each value goes: a stage of the same name (in any case, or a
 * CRM's internal id for it), else a new stage placed by the CRM's known order,
 * else by its probability, else after the stage its deals moved from; what
 * none of them places is left %CL_STAGE_BASIS_UNKNOWN. The team's own stages
 * keep their order.
 */
void
cl_stage_plan_place (ClStagePlan *plan)
{
  guint n = n_existing (plan);
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  for (guint g = 0; g <= n; g++)
    g_ptr_array_add (gaps, g_ptr_array_new ());
  for (guint i = 0; i < plan->values->len; i++)
    {
      ClValue *value = g_ptr_array_index (plan->values, i);
      int gap;

      value->shown.probability = most_common_probability (value);
      if (value->all_closing)
        {
          value->shown.basis = CL_STAGE_BASIS_CLOSING;
          continue;
        }
      if ((value->step = existing_step_named (plan, value->shown.value)) != NULL)
        continue;
      if ((value->step = new_step_for (plan, value->shown.value)) != NULL)
        continue;
      value->step = add_new_step (plan, value);
      gap = gap_of (plan, value->step, value);
      g_ptr_array_add (g_ptr_array_index (gaps, gap >= 0 ? (guint) gap : n), value->step);
    }
  for (guint g = 0; g <= n; g++)
    {
      GPtrArray *gap = g_ptr_array_index (gaps, g);

      order_gap (gap);
      g_ptr_array_extend (order, gap, NULL, NULL);
      if (g < n)
        g_ptr_array_add (order, g_ptr_array_index (plan->steps, g));
    }
  g_ptr_array_set_size (plan->steps, 0);
  g_ptr_array_extend (plan->steps, order, NULL, NULL);
  set_basis_from_steps (plan);
}

/* ------------------------------------------------------------------ reading the plan */

/**
 * cl_stage_plan_get_n_values:
 * @plan: a stage plan
 *
 * Returns: the number of distinct stage values of the file
 */
guint
cl_stage_plan_get_n_values (const ClStagePlan *plan)
{
  return plan->values->len;
}

/**
 * cl_stage_plan_get_value:
 * @plan: a stage plan
 * @index: a value's index, below cl_stage_plan_get_n_values ()
 *
 * Returns: (transfer none): the file's stage value @index, as placed; it
 *   belongs to @plan
 */
const ClStagePlanValue *
cl_stage_plan_get_value (const ClStagePlan *plan,
                         guint              index)
{
  g_return_val_if_fail (index < plan->values->len, NULL);
  return &((ClValue *) g_ptr_array_index (plan->values, index))->shown;
}

static ClValue *
value_at (const ClStagePlan *plan,
          guint              index)
{
  return g_ptr_array_index (plan->values, index);
}

/**
 * cl_stage_plan_get_position:
 * @plan: a placed stage plan
 * @index: a value's index
 *
 * Returns: the 1-based position of the stage @index goes to in the process
 *   after the import; 0 for a closing value
 */
guint
cl_stage_plan_get_position (const ClStagePlan *plan,
                            guint              index)
{
  guint position = 0;

  g_return_val_if_fail (index < plan->values->len, 0);
  if (value_at (plan, index)->step != NULL && g_ptr_array_find (plan->steps, value_at (plan, index)->step, &position))
    return position + 1;
  return 0;
}

/**
 * cl_stage_plan_is_new:
 * @plan: a placed stage plan
 * @index: a value's index
 *
 * Returns: %TRUE when the import creates the stage @index goes to
 */
gboolean
cl_stage_plan_is_new (const ClStagePlan *plan,
                      guint              index)
{
  g_return_val_if_fail (index < plan->values->len, FALSE);
  return value_at (plan, index)->step != NULL && value_at (plan, index)->step->is_new;
}

/**
 * cl_stage_plan_get_existing_id:
 * @plan: a placed stage plan
 * @index: a value's index
 *
 * Returns: the id of the team's stage @index goes to; 0 for a new stage or a
 *   closing value
 */
gint64
cl_stage_plan_get_existing_id (const ClStagePlan *plan,
                               guint              index)
{
  g_return_val_if_fail (index < plan->values->len, 0);
  return value_at (plan, index)->step != NULL && !value_at (plan, index)->step->is_new
         ? value_at (plan, index)->step->stage_id : 0;
}

/**
 * cl_stage_plan_get_n_stages:
 * @plan: a placed stage plan
 *
 * Returns: how many stages the process has after the import
 */
guint
cl_stage_plan_get_n_stages (const ClStagePlan *plan)
{
  return plan->steps->len;
}

/**
 * cl_stage_plan_get_stage_name:
 * @plan: a placed stage plan
 * @position: a position in the process after the import, 1 first
 * @is_new: (out) (optional): return location for whether the import creates
 *   the stage
 *
 * The stage at @position of the process after the import, first to last.
 *
 * Returns: (transfer none): the stage's name
 */
const char *
cl_stage_plan_get_stage_name (const ClStagePlan *plan,
                              guint              position,
                              gboolean          *is_new)
{
  ClStep *step;

  g_return_val_if_fail (position >= 1 && position <= plan->steps->len, NULL);
  step = g_ptr_array_index (plan->steps, position - 1);
  if (is_new != NULL)
    *is_new = step->is_new;
  return step->name;
}

/**
 * cl_stage_plan_get_existing:
 * @plan: a stage plan
 *
 * Returns: (transfer none): the stages the workspace had when the plan was
 *   made (#ClStage), in order
 */
GListModel *
cl_stage_plan_get_existing (const ClStagePlan *plan)
{
  return plan->existing;
}

static char *
why (const ClValue *value)
{
  switch (value->shown.basis)
    {
    case CL_STAGE_BASIS_KNOWN_ORDER:
      /* Translators: a CRM's name: its default pipeline decides */
      return g_strdup_printf (_("known %s order"), cl_crm_kind_label (value->shown.crm));
    case CL_STAGE_BASIS_PROBABILITY:
      return g_strdup_printf (_("probability %d %%"), value->shown.probability);
    case CL_STAGE_BASIS_HISTORY:
      {
        g_autofree char *from = cl_text_isolate (value->shown.moved_from);

        return g_strdup_printf (_("deals move here from %s"), from);
      }
    case CL_STAGE_BASIS_ONLY:
      return g_strdup (_("the first stage of the process"));
    case CL_STAGE_BASIS_CHOSEN:
      return g_strdup (_("placed by you"));
    case CL_STAGE_BASIS_UNKNOWN:
      return g_strdup (_("order unknown: move it where it belongs"));
    case CL_STAGE_BASIS_EXISTING:
    case CL_STAGE_BASIS_CLOSING:
      break;
    }
  return NULL;
}

/**
 * cl_stage_plan_explain:
 * @plan: a placed stage plan
 * @index: a value's index
 *
 * Where @index goes and why, worded for showing and translated; the names from
 * data in it are isolated (see cl_text_isolate ()).
 *
 * Returns: (transfer full): the text, "New stage at position 3 · known
 *   Salesforce order"
 */
char *
cl_stage_plan_explain (const ClStagePlan *plan,
                       guint              index)
{
  const ClValue *value;
  guint position;
  g_autofree char *reason = NULL, *name = NULL;
  gboolean renamed;

  g_return_val_if_fail (index < plan->values->len, NULL);
  value = value_at (plan, index);
  if (value->step == NULL)
    return g_strdup (_("How a deal ends, not a stage: its deals are won or lost and keep their stage"));
  position = cl_stage_plan_get_position (plan, index);
  renamed = g_strcmp0 (value->step->name, value->shown.value) != 0;
  name = cl_text_isolate (value->step->name);
  if (!value->step->is_new)
    return renamed ? g_strdup_printf (_("Goes to %s, stage %u of the team's process"), name, position)
                   : g_strdup_printf (_("Stage %u of the team's process"), position);
  reason = why (value);
  return renamed ? g_strdup_printf (_("New stage %s at position %u · %s"), name, position, reason)
                 : g_strdup_printf (_("New stage at position %u · %s"), position, reason);
}

/**
 * cl_stage_plan_get_ambiguous:
 * @plan: a placed stage plan
 *
 * The values still %CL_STAGE_BASIS_UNKNOWN, as the file writes them.
 *
 * Returns: (transfer full) (array zero-terminated=1): the values; empty when
 *   the order is known
 */
GStrv
cl_stage_plan_get_ambiguous (const ClStagePlan *plan)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < plan->values->len; i++)
    if (value_at (plan, i)->shown.basis == CL_STAGE_BASIS_UNKNOWN)
      g_strv_builder_add (names, value_at (plan, i)->shown.value);
  return g_strv_builder_end (names);
}

/* ------------------------------------------------------------------ the user's changes */

static void
choose (ClStagePlan *plan,
        ClStep      *step)
{
  step->basis = CL_STAGE_BASIS_CHOSEN;
  g_clear_pointer (&step->moved_from, g_free);
  for (guint i = 0; i < plan->values->len; i++)
    if (value_at (plan, i)->step == step)
      value_at (plan, i)->shown.basis = CL_STAGE_BASIS_CHOSEN;
}

/**
 * cl_stage_plan_move:
 * @plan: a placed stage plan
 * @index: a value's index
 * @position: where its new stage goes, 1 first; past the end is last
 *
 * Moves the new stage @index goes to, and marks it chosen by the user.
 *
 * Returns: %TRUE when moved; %FALSE when @index is a closing value or goes to
 *   an existing stage, or @position is 0
 */
gboolean
cl_stage_plan_move (ClStagePlan *plan,
                    guint        index,
                    guint        position)
{
  ClStep *step;

  g_return_val_if_fail (index < plan->values->len, FALSE);
  step = value_at (plan, index)->step;
  if (step == NULL || !step->is_new || position < 1)
    return FALSE;
  g_ptr_array_remove (plan->steps, step);
  g_ptr_array_insert (plan->steps, MIN (position, plan->steps->len + 1) - 1, step);
  choose (plan, step);
  set_basis_from_steps (plan);
  return TRUE;
}

/* Whether any value but @value goes to @step. */
static gboolean
shared (const ClStagePlan *plan,
        const ClStep      *step,
        const ClValue     *value)
{
  for (guint i = 0; i < plan->values->len; i++)
    if (value_at (plan, i) != value && value_at (plan, i)->step == step)
      return TRUE;
  return FALSE;
}

/**
 * cl_stage_plan_map:
 * @plan: a placed stage plan
 * @index: a value's index
 * @stage_id: the id of one of the workspace's stages, or 0 for a new stage of
 *   @index's own, placed last
 *
 * Maps @index to the existing stage @stage_id, or back to a new stage of its
 * own; the choice is marked chosen by the user. A new stage no value goes to
 * any more is dropped.
 *
 * Returns: %TRUE when mapped (or already a new stage, for 0); %FALSE when
 *   @index is a closing value, @stage_id is none of the plan's stages, or (0)
 *   the team has a stage of its name
 */
gboolean
cl_stage_plan_map (ClStagePlan *plan,
                   guint        index,
                   gint64       stage_id)
{
  ClValue *value;
  ClStep *target = NULL;

  g_return_val_if_fail (index < plan->values->len, FALSE);
  value = value_at (plan, index);
  if (value->step == NULL)
    return FALSE;
  if (stage_id == 0 && value->step->is_new)
    return TRUE;
  for (guint i = 0; i < plan->steps->len && stage_id != 0; i++)
    {
      ClStep *step = g_ptr_array_index (plan->steps, i);

      if (!step->is_new && step->stage_id == stage_id)
        target = step;
    }
  /* a new stage of the same name as one the team has could not be written */
  if ((stage_id != 0 && target == NULL) || (stage_id == 0 && existing_step_named (plan, value->shown.value) != NULL))
    return FALSE;
  if (value->step->is_new && !shared (plan, value->step, value))
    g_ptr_array_remove (plan->steps, value->step);
  if (target == NULL)
    {
      target = add_new_step (plan, value);
      g_ptr_array_add (plan->steps, target);
    }
  value->step = target;
  if (target->is_new)
    choose (plan, target);
  set_basis_from_steps (plan);
  value->shown.basis = CL_STAGE_BASIS_CHOSEN;
  return TRUE;
}

/**
 * cl_stage_plan_confirm:
 * @plan: a placed stage plan
 *
 * Accepts every new stage still %CL_STAGE_BASIS_UNKNOWN where it is, as if the
 * user had placed it there.
 */
void
cl_stage_plan_confirm (ClStagePlan *plan)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      ClStep *step = g_ptr_array_index (plan->steps, i);

      if (step->is_new && step->basis == CL_STAGE_BASIS_UNKNOWN)
        choose (plan, step);
    }
}

/* ------------------------------------------------------------------ a stages file */

/* The step of the plan, existing or new, that @name names; @closing is
 * set when it names a value that is how a deal ends. */
static ClStep *
step_named (const ClStagePlan *plan,
            const char        *name,
            gboolean          *closing)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  ClValue *value = g_hash_table_lookup (plan->by_value, folded);

  *closing = cl_stage_name_is_closing (name) || (value != NULL && value->step == NULL);
  if (value != NULL)
    return value->step;
  for (guint i = 0; i < plan->steps->len; i++)
    if (step_is (g_ptr_array_index (plan->steps, i), name))
      return g_ptr_array_index (plan->steps, i);
  return NULL;
}

static char *
join_isolated (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name = cl_text_isolate (g_ptr_array_index (names, i));

      g_string_append_printf (text, "%s%s", i ? cl_text_list_separator () : "", name);
    }
  return g_string_free (text, FALSE);
}

/* The line @at is on, 1 first. */
static guint
line_of (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *c = text; c < at; c++)
    line += *c == '\n';
  return line;
}

/* The lines of a stages file as steps, refusing a bad line with its number. */
static GPtrArray *
read_order (ClStagePlan  *plan,
            const char   *text,
            gsize         length,
            const char   *name,
            GError      **error)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GPtrArray) extra = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  const char *end;
  g_autofree char *copy = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_utf8_validate_len (text, length, &end))
    return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_NOT_TEXT, _("%s, line %u: not UTF-8 text"), name,
                        line_of (text, end)), NULL;
  copy = g_strndup (text, length);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *shown = cl_text_isolate (line);
      gboolean closing;
      ClStep *step;

      if (*line == '\0')
        continue;
      step = step_named (plan, line, &closing);
      if (closing)
        return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_BAD_ROWS,
                            _("%s, line %u: %s is how a deal ends, not a stage of the process"),
                            name, i + 1, shown), NULL;
      for (guint e = 0; e < extra->len && step == NULL; e++)
        if (step_is (g_ptr_array_index (extra, e), line))
          step = g_ptr_array_index (extra, e);
      if (step != NULL && g_ptr_array_find (order, step, NULL))
        return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_BAD_ROWS,
                            _("%s, line %u: %s is already on an earlier line"), name, i + 1, shown), NULL;
      if (step == NULL)
        {
          /* a stage of the user's process that neither the file nor the workspace has */
          step = g_new0 (ClStep, 1);
          step->name = g_strdup (line);
          step->is_new = TRUE;
          step->known = known_stage (line);
          step->file_probability = -1;
          step->probability = step->known != NULL && step->known->probability >= 0 ? step->known->probability
                                                                                    : DEFAULT_PROBABILITY;
          g_ptr_array_add (extra, step);
        }
      g_ptr_array_add (order, step);
    }
  /* the plan owns what it will create */
  while (extra->len > 0)
    g_hash_table_add (plan->owned_steps, g_ptr_array_steal_index (extra, extra->len - 1));
  return g_steal_pointer (&order);
}

/**
 * cl_stage_plan_order_from_text:
 * @plan: a placed stage plan
 * @text: (array length=length) (element-type guint8): a stages file, one stage
 *   a line, first to last; blank lines are skipped
 * @length: the length of @text, in bytes
 * @name: the file's name, as messages name it
 * @error: return location for a #GError, or %NULL
 *
 * Takes the order a stages file gives: the whole process, every stage the
 * workspace has (in its order) and every stage value of the export but Closed
 * Won and Lost; a name that is neither becomes a new stage too. Every new
 * stage is then chosen by the user. Refused, naming @name and the line, on
 * text that is not UTF-8 (%CL_CSV_ERROR_NOT_TEXT), or a line that repeats a
 * stage or names a closing one (%CL_CSV_ERROR_BAD_ROWS); refused, naming them,
 * when stages are left out or the workspace's are reordered
 * (%CL_CSV_ERROR_STAGE_ORDER). The plan is unchanged when refused.
 *
 * Returns: %TRUE when the order was taken; %FALSE with @error set
 */
gboolean
cl_stage_plan_order_from_text (ClStagePlan  *plan,
                               const char   *text,
                               gsize         length,
                               const char   *name,
                               GError      **error)
{
  g_autoptr (GPtrArray) order = read_order (plan, text, length, name, error);
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  int last_existing = -1;
  const ClStep *previous = NULL;

  if (order == NULL)
    return FALSE;
  for (guint i = 0; i < plan->steps->len; i++)
    {
      ClStep *step = g_ptr_array_index (plan->steps, i);

      if (!g_ptr_array_find (order, step, NULL))
        g_ptr_array_add (missing, step->name);
    }
  if (missing->len > 0)
    {
      g_autofree char *names = join_isolated (missing);

      return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER,
                          _("%s leaves out %s: list every stage of the process, first to last"), name, names), FALSE;
    }
  for (guint i = 0; i < order->len; i++)
    {
      ClStep *step = g_ptr_array_index (order, i);
      int index = step->is_new ? -1 : existing_index (plan, step->stage_id);

      if (index < 0)
        continue;
      if (index < last_existing)
        {
          g_autofree char *later = cl_text_isolate (step->name);
          g_autofree char *earlier = cl_text_isolate (previous->name);

          return g_set_error (error, CL_CSV_ERROR, CL_CSV_ERROR_STAGE_ORDER,
                              _("%s puts %s before %s, which the team's process has the other way round: "
                                "reorder the process in Preferences first"), name, later, earlier), FALSE;
        }
      last_existing = index;
      previous = step;
    }
  g_ptr_array_set_size (plan->steps, 0);
  g_ptr_array_extend (plan->steps, order, NULL, NULL);
  for (guint i = 0; i < plan->steps->len; i++)
    {
      ClStep *step = g_ptr_array_index (plan->steps, i);

      if (step->is_new)
        choose (plan, step);
    }
  set_basis_from_steps (plan);
  return TRUE;
}

/* ------------------------------------------------------------------ writing */

/**
 * cl_stage_plan_apply:
 * @plan: a placed stage plan
 * @store: the workspace the plan was made for
 * @created: (element-type utf8): an array that frees its strings; the names of
 *   the stages created are appended
 * @error: return location for a #GError, or %NULL
 *
 * Inside the import's transaction: creates the new stages at their positions.
 * Refused (%CL_STORE_ERROR_CHANGED) when the workspace's stages are no longer
 * those the plan was made with.
 *
 * Returns: %TRUE on success; %FALSE with @error set, some stages perhaps
 *   created (the transaction is to be rolled back)
 */
gboolean
cl_stage_plan_apply (ClStagePlan  *plan,
                     ClStore      *store,
                     GPtrArray    *created,
                     GError      **error)
{
  g_autoptr (GListModel) now = cl_store_list_stages (store, error);
  gboolean same;

  if (now == NULL)
    return FALSE;
  same = g_list_model_get_n_items (now) == n_existing (plan);
  for (guint i = 0; same && i < n_existing (plan); i++)
    {
      g_autoptr (ClStage) stage = g_list_model_get_item (now, i);

      same = stage->id == g_array_index (plan->existing_ids, gint64, i);
    }
  if (!same)
    return g_set_error_literal (error, CL_STORE_ERROR, CL_STORE_ERROR_CHANGED,
                                _("The sales process changed since the stages of this file were placed: "
                                  "place them again")), FALSE;
  for (guint i = 0; i < plan->steps->len; i++)
    {
      ClStep *step = g_ptr_array_index (plan->steps, i);
      g_autoptr (ClStage) stage = NULL;

      if (!step->is_new)
        continue;
      stage = cl_stage_new (step->name, 0, step->probability);
      if (!cl_store_insert_stage (store, stage, i, error))
        return FALSE;
      step->stage_id = stage->id;
      g_ptr_array_add (created, g_strdup (step->name));
    }
  return TRUE;
}

/**
 * cl_stage_plan_has_value:
 * @plan: a stage plan
 * @value: a stage value
 *
 * Returns: %TRUE when the plan has @value, one of the file's stage values
 *   (compared without case)
 */
gboolean
cl_stage_plan_has_value (const ClStagePlan *plan,
                         const char        *value)
{
  return find_value (plan, value) != NULL;
}

/**
 * cl_stage_plan_stage_for:
 * @plan: an applied stage plan
 * @value: a stage value
 *
 * Returns: the id of the stage of @value once the plan is applied; 0 for a
 *   closing value or one the plan does not have
 */
gint64
cl_stage_plan_stage_for (const ClStagePlan *plan,
                         const char        *value)
{
  ClValue *entry = find_value (plan, value);

  return entry != NULL && entry->step != NULL ? entry->step->stage_id : 0;
}
