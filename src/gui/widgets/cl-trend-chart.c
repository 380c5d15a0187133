/* cl-trend-chart.c — a month-by-month line chart of one measure, with its
 * text alternative
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with cairo in the theme's own colours (the text colour for the
 * scale, the accent for the line), so it reads in light and dark styles.
 * The same figures are written out in words as the accessible description
 * and the tooltip; hovering a month names its figure.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "cl-model.h"
#include "cl-trend-chart.h"

#define MARGIN      8.0
#define DOT_RADIUS  3.5
#define LABEL_GAP   6.0

struct _ClTrendChart
{
  GtkWidget      parent_instance;

  char          *title;
  ClTrendFormat  format;
  double         lowest;
  double         highest;
  GListModel    *points;      /* ClTrendPoint */
  char          *summary;
  ClTrendCountFormat count_format;
};

G_DEFINE_FINAL_TYPE (ClTrendChart, cl_trend_chart, GTK_TYPE_WIDGET)

static char *
format_value (ClTrendChart *self,
              double        value)
{
  switch (self->format)
    {
    case CL_TREND_FORMAT_PERCENT:
      /* Translators: a share of talk time, e.g. "62 %" */
      return g_strdup_printf (_("%.0f %%"), value * 100);
    case CL_TREND_FORMAT_SCORE:
    case CL_TREND_FORMAT_COUNT:
    default:
      return g_strdup_printf ("%.1f", value);
    }
}

/* "2026-11" with a strftime format: "%b" → "Nov", "%B %Y" → "November 2026";
 * a quarter, "2026-Q4", in words: "Q4 2026" */
static char *
format_month (const char *month,
              const char *format)
{
  int year = 0, number = 0;
  ClDay quarter_start;
  g_autoptr (GDateTime) first = NULL;

  if (cl_date_parse_quarter (month, &quarter_start, NULL))
    return cl_date_format_quarter_words (quarter_start);
  if (sscanf (month, "%d-%d", &year, &number) != 2)
    return g_strdup (month);
  first = g_date_time_new_utc (year, number, 1, 0, 0, 0);
  return first ? g_date_time_format (first, format) : g_strdup (month);
}

static ClTrendPoint *
point_at (ClTrendChart *self,
          guint         index)
{
  return g_list_model_get_item (self->points, index);
}

static guint
n_points (ClTrendChart *self)
{
  return self->points ? g_list_model_get_n_items (self->points) : 0;
}

static char *
count_of_calls (int n)
{
  if (n == 0)
    return g_strdup (_("no calls"));
  /* Translators: how many calls a month's figure comes from */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %d call", "from %d calls", n), n);
}

static char *
describe_point (ClTrendChart *self,
                ClTrendPoint *point)
{
  g_autofree char *month = format_month (point->month, "%B %Y");
  g_autofree char *count = self->count_format (point->n);
  g_autofree char *value = NULL;

  if (point->n == 0)
    /* Translators: a month of a chart without data, then why, e.g. "June 2026: no calls" */
    return g_strdup_printf (_("%s: %s"), month, count);
  value = format_value (self, point->value);
  /* Translators: a month, its figure, and what it comes from */
  return g_strdup_printf (_("%s: %s %s"), month, value, count);
}

static void
update_summary (ClTrendChart *self)
{
  g_autoptr (GString) summary = g_string_new (self->title);

  for (guint i = 0; i < n_points (self); i++)
    {
      g_autoptr (ClTrendPoint) point = point_at (self, i);
      g_autofree char *line = describe_point (self, point);

      g_string_append_printf (summary, i == 0 ? " — %s" : "; %s", line);
    }
  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ geometry */

typedef struct
{
  double left, right, top, bottom;   /* the plot area */
  double lowest, highest;            /* the scale */
} Plot;

static double
plot_x (const Plot *plot,
        guint       index,
        guint       count)
{
  if (count < 2)
    return (plot->left + plot->right) / 2;
  return plot->left + (plot->right - plot->left) * index / (count - 1);
}

static double
plot_y (const Plot *plot,
        double      value)
{
  double share = (value - plot->lowest) / (plot->highest - plot->lowest);

  return plot->bottom - (plot->bottom - plot->top) * CLAMP (share, 0, 1);
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)     /* 0 left, 0.5 centred, 1 right of x */
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static Plot
lay_out (ClTrendChart *self,
         PangoLayout  *layout,
         int           width,
         int           height)
{
  Plot plot = { 0, width - MARGIN, MARGIN + 4, 0, self->lowest, self->highest };
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;
  int line_height;

  for (guint i = 0; i < n_points (self); i++)
    {
      g_autoptr (ClTrendPoint) point = point_at (self, i);

      if (point->n > 0 && point->value > plot.highest)
        plot.highest = point->value;
    }
  /* a stretched count scale ends on a round number */
  if (self->format == CL_TREND_FORMAT_COUNT && plot.highest > self->highest)
    plot.highest = ceil (plot.highest / 5) * 5;
  top = format_value (self, plot.highest);
  bottom = format_value (self, plot.lowest);
  plot.left = MARGIN + MAX (text_width (layout, top), text_width (layout, bottom)) + LABEL_GAP;
  /* room for half the first and the last month's name, and the last figure */
  if (n_points (self) > 0)
    {
      g_autoptr (ClTrendPoint) first = point_at (self, 0);
      g_autoptr (ClTrendPoint) last = point_at (self, n_points (self) - 1);
      g_autofree char *first_name = format_month (first->month, "%b");
      g_autofree char *last_name = format_month (last->month, "%b");

      plot.left += text_width (layout, first_name) / 2.0;
      plot.right -= MAX (text_width (layout, last_name), text_width (layout, top)) / 2.0;
    }
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  plot.bottom = height - MARGIN - line_height - LABEL_GAP;
  return plot;
}

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
draw_scale (ClTrendChart  *self,
            cairo_t       *cr,
            PangoLayout   *layout,
            const Plot    *plot,
            const GdkRGBA *fg)
{
  for (int step = 0; step <= 2; step++)
    {
      double value = plot->lowest + (plot->highest - plot->lowest) * step / 2;
      double y = round (plot_y (plot, value)) + 0.5;
      g_autofree char *label = format_value (self, value);

      set_colour (cr, fg, 0.15);
      cairo_move_to (cr, plot->left, y);
      cairo_line_to (cr, plot->right, y);
      cairo_stroke (cr);
      set_colour (cr, fg, 0.6);
      draw_text (cr, layout, label, plot->left - LABEL_GAP, y, 1);
    }

  for (guint i = 0; i < n_points (self); i++)
    {
      g_autoptr (ClTrendPoint) point = point_at (self, i);
      g_autofree char *month = format_month (point->month, "%b");
      int line_height;

      pango_layout_get_pixel_size (layout, NULL, &line_height);
      set_colour (cr, fg, point->n > 0 ? 0.8 : 0.4);
      draw_text (cr, layout, month, plot_x (plot, i, n_points (self)),
                 plot->bottom + LABEL_GAP + line_height / 2.0, 0.5);
    }
}

/* The line, broken where a month has no calls, with a dot and its figure
 * on each month that has. */
static void
draw_line (ClTrendChart  *self,
           cairo_t       *cr,
           PangoLayout   *layout,
           const Plot    *plot,
           const GdkRGBA *fg,
           const GdkRGBA *accent)
{
  guint count = n_points (self);
  gboolean room_for_figures = count > 0 && (plot->right - plot->left) / count >= 36;
  gboolean drawing = FALSE;

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_colour (cr, accent, 1);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr (ClTrendPoint) point = point_at (self, i);

      if (point->n == 0)
        drawing = FALSE;
      else if (drawing)
        cairo_line_to (cr, plot_x (plot, i, count), plot_y (plot, point->value));
      else
        {
          cairo_move_to (cr, plot_x (plot, i, count), plot_y (plot, point->value));
          drawing = TRUE;
        }
    }
  cairo_stroke (cr);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr (ClTrendPoint) point = point_at (self, i);
      double x = plot_x (plot, i, count);
      double y;
      g_autofree char *figure = NULL;
      int line_height;

      if (point->n == 0)
        continue;
      y = plot_y (plot, point->value);
      set_colour (cr, accent, 1);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
      if (!room_for_figures)
        continue;
      figure = format_value (self, point->value);
      pango_layout_get_pixel_size (layout, NULL, &line_height);
      set_colour (cr, fg, 0.9);
      draw_text (cr, layout, figure, x, MAX (y - DOT_RADIUS - line_height / 2.0 - 2, line_height / 2.0), 0.5);
    }
}

static gboolean
has_data (ClTrendChart *self)
{
  for (guint i = 0; i < n_points (self); i++)
    {
      g_autoptr (ClTrendPoint) point = point_at (self, i);

      if (point->n > 0)
        return TRUE;
    }
  return FALSE;
}

static void
cl_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ClTrendChart *self = CL_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, accent;
  cairo_t *cr;
  Plot plot;

  if (width <= 0 || height <= 0)
    return;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = fg;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1);
  if (!has_data (self))
    {
      set_colour (cr, &fg, 0.55);
      draw_text (cr, layout, _("Nothing measured in this time"), width / 2.0, height / 2.0, 0.5);
    }
  else
    {
      plot = lay_out (self, layout, width, height);
      draw_scale (self, cr, layout, &plot, &fg);
      draw_line (self, cr, layout, &plot, &fg, &accent);
    }
  cairo_destroy (cr);
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  ClTrendChart *self)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  guint count = n_points (self);
  Plot plot;
  guint nearest = 0;
  g_autoptr (ClTrendPoint) point = NULL;
  g_autofree char *text = NULL;

  if (keyboard || count == 0 || !has_data (self))
    {
      gtk_tooltip_set_text (tooltip, self->summary);
      return TRUE;
    }
  plot = lay_out (self, layout, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  for (guint i = 1; i < count; i++)
    if (fabs (plot_x (&plot, i, count) - x) < fabs (plot_x (&plot, nearest, count) - x))
      nearest = i;
  point = point_at (self, nearest);
  text = describe_point (self, point);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cl_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 140;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 180;
}

/* ------------------------------------------------------------------ API */

GtkWidget *
cl_trend_chart_new (const char    *title,
                    ClTrendFormat  format,
                    double         lowest,
                    double         highest)
{
  ClTrendChart *self = g_object_new (CL_TYPE_TREND_CHART, NULL);

  g_return_val_if_fail (lowest < highest, NULL);
  self->format = format;
  self->lowest = lowest;
  self->highest = highest;
  cl_trend_chart_set_title (self, title);
  return GTK_WIDGET (self);
}

void
cl_trend_chart_set_title (ClTrendChart *self,
                          const char   *title)
{
  g_return_if_fail (CL_IS_TREND_CHART (self));
  g_free (self->title);
  self->title = g_strdup (title);
  update_summary (self);
}

void
cl_trend_chart_set_points (ClTrendChart *self,
                           GListModel   *points)
{
  g_return_if_fail (CL_IS_TREND_CHART (self));
  g_return_if_fail (points == NULL || g_list_model_get_item_type (points) == CL_TYPE_TREND_POINT);
  g_set_object (&self->points, points);
  update_summary (self);
}

void
cl_trend_chart_set_count_format (ClTrendChart       *self,
                                 ClTrendCountFormat  format)
{
  g_return_if_fail (CL_IS_TREND_CHART (self));
  self->count_format = format ? format : count_of_calls;
  update_summary (self);
}

const char *
cl_trend_chart_get_summary (ClTrendChart *self)
{
  g_return_val_if_fail (CL_IS_TREND_CHART (self), NULL);
  return self->summary;
}

static void
cl_trend_chart_finalize (GObject *object)
{
  ClTrendChart *self = CL_TREND_CHART (object);

  g_clear_object (&self->points);
  g_free (self->title);
  g_free (self->summary);
  G_OBJECT_CLASS (cl_trend_chart_parent_class)->finalize (object);
}

static void
cl_trend_chart_class_init (ClTrendChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cl_trend_chart_finalize;
  widget_class->snapshot = cl_trend_chart_snapshot;
  widget_class->measure = cl_trend_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cl_trend_chart_init (ClTrendChart *self)
{
  self->count_format = count_of_calls;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
