/* cl-accessible-names.c — every control named in words for screen readers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names some controls in ways a screen reader user cannot use:
 * - a button whose label has a mnemonic is named by the label as written
 *   and then by its text ("_Save Save");
 * - an icon-only button, a drop-down or a switch without a label of its own
 *   is named by its type ("GtkImage", "GtkDropDown", "GtkSwitch"), its
 *   tooltip notwithstanding.
 * Each control is named as its window or it is shown: the mnemonic's label
 * left to its text; the others by their tooltip, else the title of the row they sit in,
 * else, for a search entry, the words it shows when empty. A control with a
 * name of its own (a label) keeps it.
 */
#include "config.h"

#include <adwaita.h>

#include "cl-accessible-names.h"

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  if (name != NULL && *name)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The title of the preferences row @widget sits in, or NULL. */
static const char *
row_title (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/* What names a control that shows no words of its own. */
static const char *
words_for (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  GtkWidget *drop_down = gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN);

  if (tooltip != NULL && *tooltip)
    return tooltip;
  /* a drop-down's own button is named as the drop-down is */
  if (GTK_IS_TOGGLE_BUTTON (widget) && drop_down != NULL)
    return words_for (drop_down);
  if (row_title (widget) != NULL)
    return row_title (widget);
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      /* kept on the widget: the name is read back later */
      g_object_set_data_full (G_OBJECT (widget), "cl-accessible-name", g_steal_pointer (&placeholder), g_free);
      return g_object_get_data (G_OBJECT (widget), "cl-accessible-name");
    }
  return NULL;
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  GtkWidget *child = gtk_button_get_child (button);

  if (label != NULL && gtk_button_get_use_underline (button))
    /* the label's text names it, without the underscore */
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (label == NULL && (child == NULL || GTK_IS_IMAGE (child)))
    set_name (GTK_WIDGET (button), words_for (GTK_WIDGET (button)));
}

static void
on_button_label (GtkButton  *button,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  name_button (button);
}

static void
name_control (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL)
    set_name (widget, words_for (widget));
  else if (GTK_IS_BUTTON (widget))
    {
      /* a label set later (Save becomes Set) is named again */
      if (g_object_get_data (G_OBJECT (widget), "cl-named") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "cl-named", GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label), NULL);
        }
      name_button (GTK_BUTTON (widget));
    }
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL)
    set_name (widget, words_for (widget));
  else if (GTK_IS_DROP_DOWN (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SEARCH_ENTRY (widget))
    set_name (widget, words_for (widget));
}

static void
name_controls_below (GtkWidget *widget)
{
  name_control (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_controls_below (child);
}

/* A window or popover shown names all it holds, its pages not shown yet
 * included: a screen reader may read them before they are; a control
 * added later is named as it is shown. */
static gboolean
on_mapped (GSignalInvocationHint *hint,
           guint                  n_values,
           const GValue          *values,
           gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_NATIVE (widget))
    name_controls_below (widget);
  else
    name_control (widget);
  return TRUE;
}

void
cl_accessible_names_apply (GtkWidget *widget)
{
  name_controls_below (widget);
}

void
cl_accessible_names_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* the signal exists once the class does; it is kept for the process */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_mapped, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
