/* cl-filtered-rows.c — a long list as the rows of a table: sorted ahead,
 * filtered at once, shown in rows that stay
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views build new widgets for every item an "items-changed"
 * brings in and destroy those of the items it takes out: through a
 * GtkFilterListModel and a GtkSortListModel, each keystroke in a search
 * rebuilt every visible row of a ten-column table, a tenth of a second
 * whatever the number of deals. Here the table's items are its rows
 * (ClRow), which stay: a new filter or order only changes which item each
 * row shows ("notify::item"). The list's length follows at its end, a few
 * milliseconds at a time, after the frame that shows the new items: the
 * widgets of the rows it adds or takes away are what costs, and past the
 * new end the rows show nothing until they go. The list starts empty, so
 * that a view given it makes its first rows that way too. Each order is
 * sorted once, up (down walks it backwards), by a thread of its own
 * after the rows are made (the table shows in the order given without
 * waiting for them), or at once when a column is chosen before that
 * thread reached it; the filter walks the order shown, or, when it only
 * got stricter, the items it shows.
 */
#include "config.h"

#include <time.h>

#include "cl-filtered-rows.h"
#include "cl-free-in-thread.h"

/* what a change of length may take before the next frame, and each time
 * between frames after it: a quarter of a frame */
#define SETTLE_BUDGET_US 4000

/* ------------------------------------------------------------------ ClRow */

struct _ClRow
{
  GObject  parent_instance;
  gpointer item;   /* owned */
};

G_DEFINE_FINAL_TYPE (ClRow, cl_row, G_TYPE_OBJECT)

enum { ROW_PROP_ITEM = 1 };
static GParamSpec *row_item_pspec;

static void
cl_row_get_property (GObject    *object,
                     guint       property_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  if (property_id == ROW_PROP_ITEM)
    g_value_set_object (value, CL_ROW (object)->item);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, property_id, pspec);
}

static void
cl_row_finalize (GObject *object)
{
  g_clear_object (&CL_ROW (object)->item);
  G_OBJECT_CLASS (cl_row_parent_class)->finalize (object);
}

static void
cl_row_class_init (ClRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cl_row_get_property;
  object_class->finalize = cl_row_finalize;
  row_item_pspec = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, ROW_PROP_ITEM, row_item_pspec);
}

static void
cl_row_init (ClRow *self)
{
}

/* @item: (nullable): NULL for a row past the end, which shows nothing */
static void
cl_row_show (ClRow    *self,
             gpointer  item)
{
  if (self->item == item)
    return;
  g_set_object (&self->item, item);
  g_object_notify_by_pspec (G_OBJECT (self), row_item_pspec);
}

/**
 * cl_row_get_item:
 * @self: a row
 *
 * Returns: (transfer none) (nullable) (type GObject): the item the row
 *   shows now; %NULL for a row past the end of the items shown, which
 *   shows nothing until the list has shortened
 */
gpointer
cl_row_get_item (ClRow *self)
{
  g_return_val_if_fail (CL_IS_ROW (self), NULL);
  return self->item;
}

/* ------------------------------------------------------------------ Orders */

/* One key's order: indices into the items, up. Down is the same walked
 * backwards, each run of equal items still in the order given: a bit per
 * position says whether its item equals the one before, not a second
 * array of indices. */
typedef struct
{
  guint   *up;
  guint32 *ties;   /* bit i: up[i] equals up[i - 1] */
} KeyOrder;

static gboolean
ties_before (const KeyOrder *order,
             guint           position)
{
  return (order->ties[position / 32] >> (position % 32)) & 1;
}

/* The orders of every key, filled by the sorting thread or by the main
 * thread, whichever comes first: each key's slot is set once, atomically,
 * and never changes after. Shared by the rows and the thread, which may
 * outlive them. */
typedef struct
{
  gatomicrefcount  ref_count;
  GPtrArray       *array;       /* the items, only read */
  ClRowsCompare    compare;
  guint            n_keys;
  int              abandoned;   /* atomic: the rows are gone, stop sorting */
  KeyOrder        *slots[];     /* per key, NULL until sorted */
} Orders;

static Orders *
orders_ref (Orders *orders)
{
  g_atomic_ref_count_inc (&orders->ref_count);
  return orders;
}

static void
orders_unref (Orders *orders)
{
  if (!g_atomic_ref_count_dec (&orders->ref_count))
    return;
  for (guint key = 0; key < orders->n_keys; key++)
    if (orders->slots[key] != NULL)
      {
        g_free (orders->slots[key]->up);
        g_free (orders->slots[key]->ties);
        g_free (orders->slots[key]);
      }
  g_ptr_array_unref (orders->array);
  g_free (orders);
}

/* ------------------------------------------------------------------ ClFilteredRows */

struct _ClFilteredRows
{
  GObject       parent_instance;

  GListModel   *items;      /* as given */
  GPtrArray    *array;      /* the same items, read by index */
  Orders       *orders;     /* shared with the thread that sorts them */
  int           key;        /* the order shown; -1: as given */
  gboolean      descending;
  ClRowsMatch   match;
  gpointer      match_data;
  GArray       *shown;      /* guint indices into @array, in the order shown */
  GPtrArray    *rows;       /* ClRow or NULL per position of the list: made when asked for */
  guint         chunk;      /* positions added or taken away at a time, see settle () */
  guint         settling;   /* the idle source that lengthens or shortens the list */
  guint         rows_at_once;  /* the rows that show a change in its frame, from the top */
  guint         showing_rest;  /* the idle source that shows it in the rows below them */
};

static GType
cl_filtered_rows_get_item_type (GListModel *model)
{
  return CL_TYPE_ROW;
}

static guint
cl_filtered_rows_get_n_items (GListModel *model)
{
  return CL_FILTERED_ROWS (model)->rows->len;
}

static gpointer
shown_item (ClFilteredRows *self,
            guint           position)
{
  return g_ptr_array_index (self->array, g_array_index (self->shown, guint, position));
}

static gpointer
cl_filtered_rows_get_item (GListModel *model,
                           guint       position)
{
  ClFilteredRows *self = CL_FILTERED_ROWS (model);
  ClRow *row;

  if (position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      row = g_object_new (CL_TYPE_ROW, NULL);
      if (position < self->shown->len)
        row->item = g_object_ref (shown_item (self, position));
      g_ptr_array_index (self->rows, position) = row;
    }
  return g_object_ref (row);
}

static void
cl_filtered_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cl_filtered_rows_get_item_type;
  iface->get_n_items = cl_filtered_rows_get_n_items;
  iface->get_item = cl_filtered_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ClFilteredRows, cl_filtered_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cl_filtered_rows_model_init))

static void
cl_filtered_rows_finalize (GObject *object)
{
  ClFilteredRows *self = CL_FILTERED_ROWS (object);

  g_clear_handle_id (&self->settling, g_source_remove);
  g_clear_handle_id (&self->showing_rest, g_source_remove);
  g_atomic_int_set (&self->orders->abandoned, TRUE);
  orders_unref (self->orders);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->shown);
  /* the rows, which held some of the items too, are gone */
  cl_free_in_thread (self->array, (GDestroyNotify) g_ptr_array_unref);
  cl_free_in_thread (self->items, g_object_unref);
  G_OBJECT_CLASS (cl_filtered_rows_parent_class)->finalize (object);
}

static void
cl_filtered_rows_class_init (ClFilteredRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_filtered_rows_finalize;
}

/* rows are made when the list asks for them: most positions have none */
static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
cl_filtered_rows_init (ClFilteredRows *self)
{
  self->key = -1;
  self->chunk = 1;
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_ptr_array_new_with_free_func (unref_row);
}

typedef struct
{
  const Orders *orders;
  guint         key;
} SortContext;

static int
compare_items (const SortContext *context,
               guint              x,
               guint              y)
{
  GPtrArray *array = context->orders->array;

  return context->orders->compare (g_ptr_array_index (array, x), g_ptr_array_index (array, y), context->key);
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  int order = compare_items (user_data, x, y);

  /* equal items keep the order they were given in */
  return order != 0 ? order : (x > y) - (x < y);
}

/* Which items of @up equal the one before, a bit each. */
static guint32 *
find_ties (const SortContext *context,
           const guint       *up,
           guint              n)
{
  guint32 *ties = g_new0 (guint32, n / 32 + 1);

  for (guint i = 1; i < n; i++)
    if (compare_items (context, up[i - 1], up[i]) == 0)
      ties[i / 32] |= 1u << (i % 32);
  return ties;
}

/* @key's orders, sorted now unless they are already: by whichever thread
 * asks first, the other's work dropped. */
static const KeyOrder *
key_order (Orders *orders,
           guint   key)
{
  SortContext context = { orders, key };
  guint n = orders->array->len;
  KeyOrder *order = g_atomic_pointer_get (&orders->slots[key]);

  if (order != NULL)
    return order;
  order = g_new (KeyOrder, 1);
  order->up = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order->up[i] = i;
  g_qsort_with_data (order->up, n, sizeof (guint), compare_indices, &context);
  order->ties = find_ties (&context, order->up, n);
  if (g_atomic_pointer_compare_and_exchange (&orders->slots[key], NULL, order))
    return order;
  g_free (order->up);
  g_free (order->ties);
  g_free (order);
  return g_atomic_pointer_get (&orders->slots[key]);
}

/* The sorting thread: every key's orders ahead of the clicks on the
 * column headers, unless the rows go first. */
static gpointer
sort_every_key (gpointer data)
{
  Orders *orders = data;

  for (guint key = 0; key < orders->n_keys && !g_atomic_int_get (&orders->abandoned); key++)
    key_order (orders, key);
  orders_unref (orders);
  return NULL;
}

/**
 * cl_filtered_rows_new:
 * @items: the items, in the order shown when no key is chosen
 * @n_keys: how many orders to sort ahead
 * @compare: (scope forever): compares two items by one of the keys
 * @first_key: the key sorted before this returns (the order about to be
 *   shown, when the rows are made off the main thread); -1 for none
 *
 * Shows @items in the order given, and starts sorting them by each key
 * from 0 to @n_keys - 1, up and down, in a thread of its own; equal items
 * stay in the order given either way. The list has no rows until
 * cl_filtered_rows_set_order () or cl_filtered_rows_refilter (), on the
 * main thread, shows the items: best given to a view before. @compare is
 * called from that thread and from the caller's, and the items must not
 * change.
 *
 * Returns: (transfer full): the rows, in the order given
 */
ClFilteredRows *
cl_filtered_rows_new (GListModel    *items,
                      guint          n_keys,
                      ClRowsCompare  compare,
                      int            first_key)
{
  ClFilteredRows *self = g_object_new (CL_TYPE_FILTERED_ROWS, NULL);
  guint n = g_list_model_get_n_items (items);
  Orders *orders = g_malloc0 (sizeof (Orders) + n_keys * sizeof (KeyOrder *));
  GThread *thread;

  self->items = g_object_ref (items);
  self->rows_at_once = G_MAXUINT;
  self->array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->array, g_list_model_get_item (items, i));
      g_array_append_val (self->shown, i);
    }
  g_atomic_ref_count_init (&orders->ref_count);
  orders->array = g_ptr_array_ref (self->array);
  orders->compare = compare;
  orders->n_keys = n_keys;
  self->orders = orders;
  if (first_key >= 0 && first_key < (int) n_keys)
    key_order (orders, first_key);
  /* without the thread, each order is sorted when first chosen */
  thread = g_thread_try_new ("cl-sort-rows", sort_every_key, orders_ref (orders), NULL);
  if (thread != NULL)
    g_thread_unref (thread);
  else
    orders_unref (orders);
  return self;
}

/* This thread's processor time, which a busy machine does not stretch. */
static gint64
thread_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* Lengthens or shortens the list towards the items shown, at its end, for
 * at most @budget_us: a step that only touched positions no widget shows
 * (far past the screen) was quick, and the next one takes twice as many;
 * a slow one, half. Returns whether the list has its length. */
static gboolean
settle (ClFilteredRows *self,
        gint64          budget_us)
{
  gint64 start = thread_time_us ();

  while (self->rows->len != self->shown->len && thread_time_us () - start < budget_us)
    {
      guint length = self->rows->len, target = self->shown->len;
      guint step = MIN (self->chunk, length < target ? target - length : length - target);
      gint64 step_start = thread_time_us ();

      if (length < target)
        {
          g_ptr_array_set_size (self->rows, length + step);
          g_list_model_items_changed (G_LIST_MODEL (self), length, 0, step);
        }
      else
        {
          g_ptr_array_set_size (self->rows, length - step);
          g_list_model_items_changed (G_LIST_MODEL (self), length - step, step, 0);
        }
      self->chunk = thread_time_us () - step_start < budget_us / 8 ? MIN (self->chunk, G_MAXUINT / 4) * 2
                    : MAX (self->chunk / 2, 1);
    }
  return self->rows->len == self->shown->len;
}

static gboolean
settle_in_idle (gpointer user_data)
{
  ClFilteredRows *self = user_data;

  if (!settle (self, SETTLE_BUDGET_US))
    return G_SOURCE_CONTINUE;
  self->settling = 0;
  return G_SOURCE_REMOVE;
}

/* Rows @first to @last (excluded, or the list's end) made so far take
 * the items shown there now, or nothing past the end. */
static void
show_in_rows (ClFilteredRows *self,
              guint           first,
              guint           last)
{
  for (guint i = first; i < MIN (last, self->rows->len); i++)
    {
      ClRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        cl_row_show (row, i < self->shown->len ? shown_item (self, i) : NULL);
    }
}

static gboolean
show_rest_in_idle (gpointer user_data)
{
  ClFilteredRows *self = user_data;

  self->showing_rest = 0;
  show_in_rows (self, self->rows_at_once, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* The rows show @shown now: each row made so far takes its new item, or
 * nothing past the new end, in this frame, but for those below the rows
 * at once (see cl_filtered_rows_set_rows_at_once ()), which follow after
 * it; the length follows between the next frames. A list that grows
 * starts growing now, for the rows the screen may lack; one that shrinks
 * only blanks rows past its end, and waits for the frame that shows the
 * change. */
static void
show (ClFilteredRows *self,
      GArray         *shown)
{
  g_array_unref (self->shown);
  self->shown = shown;
  /* the first steps may touch rows on screen: one at a time */
  self->chunk = 1;
  show_in_rows (self, 0, self->rows_at_once);
  if (self->rows->len > self->rows_at_once && self->showing_rest == 0)
    /* below the frames' priority: they draw first */
    self->showing_rest = g_idle_add (show_rest_in_idle, self);
  if (shown->len > self->rows->len)
    settle (self, SETTLE_BUDGET_US);
  if (self->rows->len != shown->len && self->settling == 0)
    /* below the frames' priority: they draw first */
    self->settling = g_idle_add (settle_in_idle, self);
}

/* Adds @index to @shown if its item matches. */
static void
add_if_matching (ClFilteredRows *self,
                 GArray         *shown,
                 guint           index)
{
  if (self->match == NULL || self->match (g_ptr_array_index (self->array, index), self->match_data))
    g_array_append_val (shown, index);
}

/* The items that match, walked in the order shown, or among those shown
 * when the test only got stricter (which keeps their order). */
static GArray *
collect (ClFilteredRows *self,
         gboolean        among_shown)
{
  guint n = among_shown ? self->shown->len : self->array->len;
  const KeyOrder *sorted = !among_shown && self->key >= 0 ? key_order (self->orders, self->key) : NULL;
  const guint *order = among_shown ? (const guint *) (gpointer) self->shown->data
                       : sorted != NULL ? sorted->up : NULL;
  GArray *shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  if (sorted != NULL && self->descending)
    /* up backwards, run by run of equal items, each run forwards */
    for (guint end = n; end > 0;)
      {
        guint start = end - 1;

        while (start > 0 && ties_before (sorted, start))
          start--;
        for (guint i = start; i < end; i++)
          add_if_matching (self, shown, order[i]);
        end = start;
      }
  else
    for (guint i = 0; i < n; i++)
      add_if_matching (self, shown, order ? order[i] : i);
  return shown;
}

/**
 * cl_filtered_rows_set_order:
 * @self: the rows
 * @key: the order to show, below the number of keys; -1 for the order given
 * @descending: whether the order goes down
 *
 * Shows the items that match in another order, at once once the order
 * is sorted (which the rows start doing as they are made): the rows shown
 * so far take their new items.
 */
void
cl_filtered_rows_set_order (ClFilteredRows *self,
                            int             key,
                            gboolean        descending)
{
  g_return_if_fail (CL_IS_FILTERED_ROWS (self));
  g_return_if_fail (key < (int) self->orders->n_keys);

  if (key < 0)
    descending = FALSE;
  if (self->key == key && self->descending == descending)
    return;
  self->key = key;
  self->descending = descending;
  show (self, collect (self, FALSE));
}

/**
 * cl_filtered_rows_take_items:
 * @self: the rows
 * @from: rows of other items, made by cl_filtered_rows_new () and never
 *   shown
 *
 * Gives @self's rows @from's items, their orders sorted or being sorted,
 * and leaves @from the items @self had, to let go with it: a reload is
 * then drawn as a new filter would be, in rows that stay, not in new
 * widgets for each. @self's order and test stay; the items show once
 * cl_filtered_rows_set_order () or cl_filtered_rows_refilter () applies
 * them, and until then the rows show the items they showed.
 */
void
cl_filtered_rows_take_items (ClFilteredRows *self,
                             ClFilteredRows *from)
{
  GListModel *items;
  GPtrArray *array;
  Orders *orders;
  GArray *shown;

  g_return_if_fail (CL_IS_FILTERED_ROWS (self));
  g_return_if_fail (CL_IS_FILTERED_ROWS (from) && from->rows->len == 0);

  items = self->items;
  array = self->array;
  orders = self->orders;
  shown = self->shown;
  self->items = from->items;
  self->array = from->array;
  self->orders = from->orders;
  self->shown = from->shown;
  from->items = items;
  from->array = array;
  from->orders = orders;
  from->shown = shown;
}

/**
 * cl_filtered_rows_set_rows_at_once:
 * @self: the rows
 * @n_rows: how many rows from the top show a new filter or order in the
 *   frame that shows it; G_MAXUINT (the default) for all
 *
 * A table keeps more rows than it shows (GTK 4.8's keep two hundred): for
 * one that goes back to its top at each change, the rows below what its
 * screen shows can take their new items after that frame. The caller
 * scrolls back to the top, and says how many rows its screen can show.
 */
void
cl_filtered_rows_set_rows_at_once (ClFilteredRows *self,
                                   guint           n_rows)
{
  g_return_if_fail (CL_IS_FILTERED_ROWS (self));
  self->rows_at_once = n_rows;
}

/**
 * cl_filtered_rows_set_match:
 * @self: the rows
 * @match: (nullable) (scope notified): which items show; %NULL for all
 * @user_data: (closure): data for @match, which must outlive the rows
 *
 * Sets the test of the items; cl_filtered_rows_refilter () applies it.
 */
void
cl_filtered_rows_set_match (ClFilteredRows *self,
                            ClRowsMatch     match,
                            gpointer        user_data)
{
  g_return_if_fail (CL_IS_FILTERED_ROWS (self));

  self->match = match;
  self->match_data = user_data;
}

/**
 * cl_filtered_rows_refilter:
 * @self: the rows
 * @stricter: whether the test only got stricter (nothing hidden can
 *   show), so that only the items shown are tested again
 *
 * Shows the items that match the test now, in the order shown.
 */
void
cl_filtered_rows_refilter (ClFilteredRows *self,
                           gboolean        stricter)
{
  g_return_if_fail (CL_IS_FILTERED_ROWS (self));

  show (self, collect (self, stricter));
}

/**
 * cl_filtered_rows_get_items:
 * @self: the rows
 *
 * Returns: (transfer none): every item, shown or not, in the order given
 */
GListModel *
cl_filtered_rows_get_items (ClFilteredRows *self)
{
  g_return_val_if_fail (CL_IS_FILTERED_ROWS (self), NULL);
  return self->items;
}

/**
 * cl_filtered_rows_get_n_shown:
 * @self: the rows
 *
 * Returns: how many items match: the list's length once it has settled
 *   (g_list_model_get_n_items () may say more or fewer for a few frames)
 */
guint
cl_filtered_rows_get_n_shown (ClFilteredRows *self)
{
  g_return_val_if_fail (CL_IS_FILTERED_ROWS (self), 0);
  return self->shown->len;
}

/**
 * cl_filtered_rows_peek_shown:
 * @self: the rows
 * @position: a position in the order shown, below the number shown
 *
 * Reads the item at @position without making its row or taking a
 * reference: for passes over every item shown, such as a total.
 *
 * Returns: (transfer none) (type GObject): the item
 */
gpointer
cl_filtered_rows_peek_shown (ClFilteredRows *self,
                             guint           position)
{
  g_return_val_if_fail (CL_IS_FILTERED_ROWS (self), NULL);
  g_return_val_if_fail (position < self->shown->len, NULL);
  return shown_item (self, position);
}
