/* cl-loading-spinner.c — a spinner that turns only while it is shown
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkSpinner told to spin keeps turning when it is not on screen: on a
 * stack's page that another page hides, or hidden itself. In GTK 4.8 each
 * step of its turn restyles it and has the whole window measured and
 * allocated again, a frame's layout sixty times a second in a window left
 * alone (about 750 measures a second here). This one turns while it is
 * mapped, and stops when it is not: a page says it is loading by showing
 * it, and is done by hiding it or showing another page.
 *
 * Its size, alignment and accessible label are set on it, as on a
 * GtkSpinner; it is the progress bar that assistive technologies see, the
 * spinner inside only draws.
 */
#include "config.h"

#include "cl-loading-spinner.h"

struct _ClLoadingSpinner
{
  GtkWidget  parent_instance;

  GtkWidget *spinner;
};

G_DEFINE_FINAL_TYPE (ClLoadingSpinner, cl_loading_spinner, GTK_TYPE_WIDGET)

static void
cl_loading_spinner_map (GtkWidget *widget)
{
  ClLoadingSpinner *self = CL_LOADING_SPINNER (widget);

  GTK_WIDGET_CLASS (cl_loading_spinner_parent_class)->map (widget);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
}

static void
cl_loading_spinner_unmap (GtkWidget *widget)
{
  ClLoadingSpinner *self = CL_LOADING_SPINNER (widget);

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  GTK_WIDGET_CLASS (cl_loading_spinner_parent_class)->unmap (widget);
}

static void
cl_loading_spinner_dispose (GObject *object)
{
  ClLoadingSpinner *self = CL_LOADING_SPINNER (object);

  g_clear_pointer (&self->spinner, gtk_widget_unparent);
  G_OBJECT_CLASS (cl_loading_spinner_parent_class)->dispose (object);
}

static void
cl_loading_spinner_class_init (ClLoadingSpinnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_loading_spinner_dispose;
  widget_class->map = cl_loading_spinner_map;
  widget_class->unmap = cl_loading_spinner_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
cl_loading_spinner_init (ClLoadingSpinner *self)
{
  self->spinner = g_object_new (GTK_TYPE_SPINNER, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_parent (self->spinner, GTK_WIDGET (self));
}
