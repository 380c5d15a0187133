/* test-filtered-rows.c — the pipeline table's rows: every order sorted
 * ahead by a thread or at once when chosen first, ties kept in the order given both ways, a stricter filter tested
 * on the items shown only, rows that stay while their items change, those
 * below the screen changed after its frame, and a
 * length that follows between frames with nothing shown past the end
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-filtered-rows.h"

/* ------------------------------------------------------------------ items */

#define TEST_TYPE_ITEM (test_item_get_type ())
G_DECLARE_FINAL_TYPE (TestItem, test_item, TEST, ITEM, GObject)

struct _TestItem
{
  GObject parent_instance;
  int     given;    /* its position as given */
  int     value;    /* key 0 */
  int     parity;   /* key 1: many ties */
};

G_DEFINE_FINAL_TYPE (TestItem, test_item, G_TYPE_OBJECT)

static void
test_item_class_init (TestItemClass *klass)
{
}

static void
test_item_init (TestItem *self)
{
}

static int
compare_items (gpointer a,
               gpointer b,
               guint    key)
{
  TestItem *x = a, *y = b;
  int p = key == 0 ? x->value : x->parity, q = key == 0 ? y->value : y->parity;

  return (p > q) - (p < q);
}

/* @n items whose values are a permutation, and half of them even */
static GListModel *
make_items (int n)
{
  GListStore *store = g_list_store_new (TEST_TYPE_ITEM);

  for (int i = 0; i < n; i++)
    {
      g_autoptr (TestItem) item = g_object_new (TEST_TYPE_ITEM, NULL);

      item->given = i;
      item->value = (i * 7919) % n;
      item->parity = i % 2;
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

static gboolean
below (gpointer item,
       gpointer limit)
{
  return TEST_ITEM (item)->value < GPOINTER_TO_INT (limit);
}

/* Lets the list reach its length, as the main loop does between frames. */
static void
settle (ClFilteredRows *rows)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (rows)) != cl_filtered_rows_get_n_shown (rows))
    g_main_context_iteration (NULL, TRUE);
}

static TestItem *
shown (ClFilteredRows *rows,
       guint           position)
{
  return cl_filtered_rows_peek_shown (rows, position);
}

/* ------------------------------------------------------------------ tests */

static void
test_orders (void)
{
  g_autoptr (GListModel) items = make_items (1000);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (items, 2, compare_items, -1);

  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (rows)), ==, CL_TYPE_ROW);
  g_assert_cmpuint (cl_filtered_rows_get_n_shown (rows), ==, 1000);
  /* as given */
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpint (shown (rows, i)->given, ==, i);
  cl_filtered_rows_set_order (rows, 0, FALSE);
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpint (shown (rows, i)->value, ==, i);
  cl_filtered_rows_set_order (rows, 0, TRUE);
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpint (shown (rows, i)->value, ==, 999 - i);
  /* ties keep the order given, up and down */
  cl_filtered_rows_set_order (rows, 1, FALSE);
  for (guint i = 1; i < 1000; i++)
    g_assert_true (shown (rows, i - 1)->parity < shown (rows, i)->parity
                   || shown (rows, i - 1)->given < shown (rows, i)->given);
  cl_filtered_rows_set_order (rows, 1, TRUE);
  g_assert_cmpint (shown (rows, 0)->parity, ==, 1);
  for (guint i = 1; i < 1000; i++)
    g_assert_true (shown (rows, i - 1)->parity > shown (rows, i)->parity
                   || shown (rows, i - 1)->given < shown (rows, i)->given);
  cl_filtered_rows_set_order (rows, -1, TRUE);
  g_assert_cmpint (shown (rows, 0)->given, ==, 0);
  g_assert_true (cl_filtered_rows_get_items (rows) == items);
}

/* Rows made off the main thread start empty: a view given them then makes
 * its rows' widgets as the list grows between frames, not all at once. */
static void
test_starts_empty (void)
{
  g_autoptr (GListModel) items = make_items (1000);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (items, 2, compare_items, 0);

  g_assert_cmpuint (cl_filtered_rows_get_n_shown (rows), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 0);
  cl_filtered_rows_refilter (rows, FALSE);
  settle (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 1000);
}

/* A reload's rows take over the rows made before, which stay and show the
 * new items in the order and under the test chosen, and hand back the old
 * items to be let go with them. */
static void
test_take_items (void)
{
  g_autoptr (GListModel) before = make_items (100);
  g_autoptr (GListModel) after = make_items (10);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (before, 2, compare_items, -1);
  g_autoptr (ClFilteredRows) reloaded = cl_filtered_rows_new (after, 2, compare_items, -1);
  g_autoptr (ClRow) first = NULL, still_first = NULL;

  cl_filtered_rows_set_order (rows, 0, TRUE);
  settle (rows);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_cmpint (TEST_ITEM (cl_row_get_item (first))->value, ==, 99);

  cl_filtered_rows_take_items (rows, reloaded);
  g_assert_true (cl_filtered_rows_get_items (rows) == after);
  g_assert_true (cl_filtered_rows_get_items (reloaded) == before);
  cl_filtered_rows_refilter (rows, FALSE);
  settle (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 10);
  still_first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (still_first == first);
  g_assert_cmpint (TEST_ITEM (cl_row_get_item (first))->value, ==, 9);
  g_assert_cmpint (shown (rows, 9)->value, ==, 0);
}

/* The orders are sorted by a thread of their own: an order chosen before
 * that thread reached it is sorted at once, the same, and rows dropped
 * while it sorts leave it the items it reads. */
static void
test_sorted_behind (void)
{
  GListModel *items = make_items (50000);
  ClFilteredRows *rows = cl_filtered_rows_new (items, 2, compare_items, 1);

  cl_filtered_rows_set_order (rows, 0, TRUE);
  for (guint i = 0; i < 50000; i++)
    g_assert_cmpint (shown (rows, i)->value, ==, 49999 - i);
  g_object_unref (items);
  g_object_unref (rows);

  items = make_items (50000);
  rows = cl_filtered_rows_new (items, 2, compare_items, -1);
  g_object_unref (items);
  g_object_unref (rows);
}

/* A row keeps its place while the item it shows changes; past the new end
 * it shows nothing until the list has shortened. */
static void
test_rows_stay (void)
{
  g_autoptr (GListModel) items = make_items (100);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (items, 2, compare_items, -1);
  g_autoptr (ClRow) first = NULL, last = NULL;

  cl_filtered_rows_set_order (rows, 0, FALSE);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  last = g_list_model_get_item (G_LIST_MODEL (rows), 99);
  g_assert_cmpint (TEST_ITEM (cl_row_get_item (first))->value, ==, 0);

  cl_filtered_rows_set_order (rows, 0, TRUE);
  /* the same row, another item */
  {
    g_autoptr (ClRow) again = g_list_model_get_item (G_LIST_MODEL (rows), 0);

    g_assert_true (again == first);
    g_assert_cmpint (TEST_ITEM (cl_row_get_item (first))->value, ==, 99);
  }

  cl_filtered_rows_set_match (rows, below, GINT_TO_POINTER (10));
  cl_filtered_rows_refilter (rows, TRUE);
  g_assert_cmpuint (cl_filtered_rows_get_n_shown (rows), ==, 10);
  g_assert_cmpint (TEST_ITEM (cl_row_get_item (first))->value, ==, 9);
  /* the last row shows nothing, or is gone already */
  g_assert_true (g_list_model_get_n_items (G_LIST_MODEL (rows)) < 100 || cl_row_get_item (last) == NULL);
  settle (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 10);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 10));
  g_assert_null (cl_row_get_item (last));

  /* looser again: the list grows back, every item in its place */
  cl_filtered_rows_set_match (rows, below, GINT_TO_POINTER (50));
  cl_filtered_rows_refilter (rows, FALSE);
  settle (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr (ClRow) row = g_list_model_get_item (G_LIST_MODEL (rows), i);

      g_assert_cmpint (TEST_ITEM (cl_row_get_item (row))->value, ==, 49 - i);
    }
}

/* The rows at once take a new order before the frame; those below them
 * after it, when the main loop is idle; a row the list makes meanwhile
 * shows its item from the start. */
static void
test_rows_at_once (void)
{
  g_autoptr (GListModel) items = make_items (100);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (items, 2, compare_items, -1);
  g_autoptr (GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);

  cl_filtered_rows_set_order (rows, 0, FALSE);
  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (made, g_list_model_get_item (G_LIST_MODEL (rows), i));
  cl_filtered_rows_set_rows_at_once (rows, 20);
  cl_filtered_rows_set_order (rows, 0, TRUE);
  for (guint i = 0; i < 60; i++)
    g_assert_cmpint (TEST_ITEM (cl_row_get_item (g_ptr_array_index (made, i)))->value, ==, i < 20 ? 99 - i : i);
  {
    g_autoptr (ClRow) new_row = g_list_model_get_item (G_LIST_MODEL (rows), 70);

    g_assert_cmpint (TEST_ITEM (cl_row_get_item (new_row))->value, ==, 29);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < 60; i++)
    g_assert_cmpint (TEST_ITEM (cl_row_get_item (g_ptr_array_index (made, i)))->value, ==, 99 - i);
  /* dropped before the main loop comes back: nothing is left to run */
  cl_filtered_rows_set_order (rows, 0, FALSE);
}

static int n_tested;

static gboolean
below_counted (gpointer item,
               gpointer limit)
{
  n_tested++;
  return below (item, limit);
}

/* A test that only got stricter looks again at the items shown only. */
static void
test_stricter (void)
{
  g_autoptr (GListModel) items = make_items (1000);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (items, 2, compare_items, -1);

  cl_filtered_rows_set_match (rows, below_counted, GINT_TO_POINTER (100));
  cl_filtered_rows_refilter (rows, FALSE);
  g_assert_cmpint (n_tested, ==, 1000);
  g_assert_cmpuint (cl_filtered_rows_get_n_shown (rows), ==, 100);
  n_tested = 0;
  cl_filtered_rows_set_match (rows, below_counted, GINT_TO_POINTER (10));
  cl_filtered_rows_refilter (rows, TRUE);
  g_assert_cmpint (n_tested, ==, 100);
  g_assert_cmpuint (cl_filtered_rows_get_n_shown (rows), ==, 10);
  /* in the order shown */
  cl_filtered_rows_set_order (rows, 0, TRUE);
  g_assert_cmpint (shown (rows, 0)->value, ==, 9);
  settle (rows);
}

/* A large list reaches its length in a few steps: positions no widget
 * shows are added and taken away many at a time. */
static void
test_settles (void)
{
  g_autoptr (GListModel) items = make_items (200000);
  g_autoptr (ClFilteredRows) rows = cl_filtered_rows_new (items, 2, compare_items, -1);
  guint n_steps = 0;

  cl_filtered_rows_set_match (rows, below, GINT_TO_POINTER (3));
  cl_filtered_rows_refilter (rows, FALSE);
  while (g_list_model_get_n_items (G_LIST_MODEL (rows)) != 3)
    {
      g_main_context_iteration (NULL, TRUE);
      n_steps++;
    }
  g_assert_cmpuint (n_steps, <, 20);
  cl_filtered_rows_set_match (rows, NULL, NULL);
  cl_filtered_rows_refilter (rows, FALSE);
  settle (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 200000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/filtered-rows/orders", test_orders);
  g_test_add_func ("/filtered-rows/starts-empty", test_starts_empty);
  g_test_add_func ("/filtered-rows/take-items", test_take_items);
  g_test_add_func ("/filtered-rows/sorted-behind", test_sorted_behind);
  g_test_add_func ("/filtered-rows/rows-stay", test_rows_stay);
  g_test_add_func ("/filtered-rows/rows-at-once", test_rows_at_once);
  g_test_add_func ("/filtered-rows/stricter", test_stricter);
  g_test_add_func ("/filtered-rows/settles", test_settles);
  return g_test_run ();
}
