/* cl-fixed-list.c — a list of objects that never changes, over an array
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListStore keeps its items in a GSequence: a node of its own for each
 * (40 bytes, and 2 MB for a snapshot of 40 000 deals) and a walk down a
 * tree for each item asked for by position. A list made once and only
 * read, as a snapshot is, needs neither.
 */
#include "config.h"

#include "cl-fixed-list.h"

struct _ClFixedList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
};

static GType
cl_fixed_list_get_item_type (GListModel *list)
{
  return CL_FIXED_LIST (list)->item_type;
}

static guint
cl_fixed_list_get_n_items (GListModel *list)
{
  return CL_FIXED_LIST (list)->items->len;
}

static gpointer
cl_fixed_list_get_item (GListModel *list,
                        guint       position)
{
  ClFixedList *self = CL_FIXED_LIST (list);

  return position < self->items->len ? g_object_ref (g_ptr_array_index (self->items, position)) : NULL;
}

static void
cl_fixed_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_fixed_list_get_item_type;
  iface->get_n_items = cl_fixed_list_get_n_items;
  iface->get_item = cl_fixed_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ClFixedList, cl_fixed_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cl_fixed_list_model_init))

static void
cl_fixed_list_finalize (GObject *object)
{
  ClFixedList *self = CL_FIXED_LIST (object);

  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (cl_fixed_list_parent_class)->finalize (object);
}

static void
cl_fixed_list_class_init (ClFixedListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_fixed_list_finalize;
}

static void
cl_fixed_list_init (ClFixedList *self)
{
}

/**
 * cl_fixed_list_new:
 * @item_type: the type of every item, a #GObject type
 * @items: (transfer full) (element-type GObject): the items, in order,
 *   each of @item_type; the array owns them (g_object_unref () frees them)
 *
 * A list of @items that never changes: it emits no items-changed, and
 * @items is not to be changed once given.
 *
 * Returns: (transfer full): the list
 */
GListModel *
cl_fixed_list_new (GType      item_type,
                   GPtrArray *items)
{
  ClFixedList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (CL_TYPE_FIXED_LIST, NULL);
  self->item_type = item_type;
  self->items = items;
  return G_LIST_MODEL (self);
}
