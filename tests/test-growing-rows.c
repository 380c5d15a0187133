/* test-growing-rows.c — a long list's rows made a few at a time: the
 * first at once, the others over the frames that follow, items that come
 * after a restart included
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "cl-growing-rows.h"

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *view;
  GListStore    *items;
  ClGrowingRows  rows;
} Fixture;

static void
add_items (GListStore *items,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkStringObject) item = gtk_string_object_new ("row");

      g_list_store_append (items, item);
    }
}

static void
setup_row (GtkListItemFactory *factory,
           GtkListItem        *item)
{
  gtk_list_item_set_child (item, gtk_label_new ("row"));
}

/* a list view in a window shown, over @rows' slice of @model */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  f->items = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  f->window = gtk_window_new ();
  f->view = gtk_list_view_new (NULL, factory);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  cl_growing_rows_init (&f->rows, f->view, G_LIST_MODEL (f->items), 2, 1, G_MAXUINT);
  gtk_list_view_set_model (GTK_LIST_VIEW (f->view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (f->rows.slice)))));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cl_growing_rows_clear (&f->rows);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->items);
}

static gboolean
give_up (gpointer data)
{
  g_error ("the rows never reached %u", GPOINTER_TO_UINT (data));
  return G_SOURCE_REMOVE;
}

/* Lets frames pass until all the rows are made. */
static void
wait_grown (Fixture *f,
            guint    n)
{
  guint timeout = g_timeout_add_seconds (10, give_up, GUINT_TO_POINTER (n));

  while (!cl_growing_rows_is_grown (&f->rows)
         || g_list_model_get_n_items (G_LIST_MODEL (f->rows.slice)) != n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* The first rows at once, the others in the frames after. */
static void
test_grows (Fixture       *f,
            gconstpointer  data)
{
  add_items (f->items, 10);
  cl_growing_rows_restart (&f->rows, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->rows.slice)), ==, 2);
  g_assert_false (cl_growing_rows_is_grown (&f->rows));
  wait_grown (f, 10);
}

/* Restarted while its list is empty (as a page does before its records
 * come), the rows take the items that come after, as many as there are. */
static void
test_items_after_restart (Fixture       *f,
                          gconstpointer  data)
{
  cl_growing_rows_restart (&f->rows, NULL);
  add_items (f->items, 10);
  wait_grown (f, 10);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/growing-rows/grows", Fixture, NULL, fixture_set_up, test_grows, fixture_tear_down);
  g_test_add ("/growing-rows/items-after-restart", Fixture, NULL, fixture_set_up, test_items_after_restart,
              fixture_tear_down);
  return g_test_run ();
}
