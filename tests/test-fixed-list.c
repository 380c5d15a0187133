/* test-fixed-list.c — a list that never changes gives its items by
 * position, as a list store of the same items would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cl-fixed-list.h"
#include "cl-model.h"

static void
test_items (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GListModel) list = NULL;
  ClRep *first;

  for (int i = 0; i < 3; i++)
    {
      ClRep *rep = cl_rep_new ("Ana");

      rep->id = 10 + i;
      g_ptr_array_add (items, rep);
    }
  first = g_object_ref (g_ptr_array_index (items, 0));
  list = cl_fixed_list_new (CL_TYPE_REP, items);

  g_assert_true (g_list_model_get_item_type (list) == CL_TYPE_REP);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (list, i);

      g_assert_cmpint (rep->id, ==, 10 + i);
    }
  g_assert_null (g_list_model_get_item (list, 3));
  g_assert_null (g_list_model_get_item (list, G_MAXUINT));

  /* the list holds its items until it goes */
  g_assert_cmpuint (G_OBJECT (first)->ref_count, ==, 2);
  g_clear_object (&list);
  g_assert_cmpuint (G_OBJECT (first)->ref_count, ==, 1);
  g_object_unref (first);
}

static void
test_empty (void)
{
  g_autoptr (GListModel) list = cl_fixed_list_new (CL_TYPE_DEAL, g_ptr_array_new ());

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (g_list_model_get_item (list, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fixed-list/items", test_items);
  g_test_add_func ("/fixed-list/empty", test_empty);
  return g_test_run ();
}
