/* cl-pipeline.c — the open pipeline on a day: each deal with its flags
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-rules"

#include "config.h"

#include "cl-pipeline.h"

G_DEFINE_FINAL_TYPE (ClPipelineItem, cl_pipeline_item, G_TYPE_OBJECT)

static void
cl_pipeline_item_finalize (GObject *object)
{
  g_clear_pointer (&CL_PIPELINE_ITEM (object)->facts, cl_deal_facts_free);
  g_clear_pointer (&CL_PIPELINE_ITEM (object)->search_text, g_free);
  G_OBJECT_CLASS (cl_pipeline_item_parent_class)->finalize (object);
}

static void
cl_pipeline_item_class_init (ClPipelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_pipeline_item_finalize;
}

static void
cl_pipeline_item_init (ClPipelineItem *self)
{
}

GListModel *
cl_pipeline_snapshot (const char    *workspace_path,
                      ClDay          as_of,
                      gint64         owner_id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (ClStore) store = cl_store_open (workspace_path, error);
  g_autoptr (ClProcess) process = NULL;
  ClFlagSettings settings;

  if (store == NULL || (process = cl_process_load (store, error)) == NULL)
    return NULL;
  cl_flag_settings_load (&settings, store);
  return cl_pipeline_inspect (store, process, &settings, as_of, owner_id, cancellable, error);
}

GListModel *
cl_pipeline_inspect (ClStore               *store,
                     const ClProcess       *process,
                     const ClFlagSettings  *settings,
                     ClDay                  as_of,
                     gint64                 owner_id,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GListStore) list = NULL;

  if ((facts = cl_deal_facts_load (store, as_of, owner_id, error)) == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  items = g_ptr_array_new_full (facts->len, g_object_unref);
  for (guint i = 0; i < facts->len; i++)
    {
      ClPipelineItem *item = g_object_new (CL_TYPE_PIPELINE_ITEM, NULL);

      item->facts = g_steal_pointer (&facts->pdata[i]);
      cl_deal_state_at (item->facts, as_of, &item->state);
      item->flags = cl_flags_evaluate (process, item->facts, settings, as_of, NULL);
      item->days_in_stage = as_of - item->state.stage_entered_on;
      item->stage_index = cl_process_index (process, item->state.stage_id);
      {
        g_autofree char *both = g_strconcat (item->facts->deal->name, "\n",
                                             item->facts->deal->account, NULL);

        item->search_text = g_utf8_casefold (both, -1);
      }
      g_ptr_array_add (items, item);
    }
  list = g_list_store_new (CL_TYPE_PIPELINE_ITEM);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

char *
cl_pipeline_item_explain (ClPipelineItem       *item,
                          const ClProcess      *process,
                          const ClFlagSettings *settings,
                          ClDay                 as_of)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char *why[CL_N_FLAGS];

  cl_flags_evaluate_shown (process, item->facts, settings, as_of, why);
  for (int f = 0; f < CL_N_FLAGS; f++)
    if (why[f] != NULL)
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", why[f]);
  cl_flag_explanations_clear (why);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_for_agenda (gconstpointer a,
                    gconstpointer b)
{
  const ClPipelineItem *x = *(ClPipelineItem * const *) a;
  const ClPipelineItem *y = *(ClPipelineItem * const *) b;
  int flags_x = __builtin_popcount (x->flags), flags_y = __builtin_popcount (y->flags);

  if (flags_x != flags_y)
    return flags_y - flags_x;
  if (x->state.amount_cents != y->state.amount_cents)
    return x->state.amount_cents > y->state.amount_cents ? -1 : 1;
  if (x->state.close_date != y->state.close_date)
    return x->state.close_date < y->state.close_date ? -1 : 1;
  return (x->facts->deal->id > y->facts->deal->id) - (x->facts->deal->id < y->facts->deal->id);
}

GPtrArray *
cl_pipeline_agenda (GListModel *snapshot)
{
  guint n = g_list_model_get_n_items (snapshot);
  GPtrArray *agenda = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (agenda, g_list_model_get_item (snapshot, i));
  g_ptr_array_sort (agenda, compare_for_agenda);
  return agenda;
}
