/* cl-cell-text.c — one line of text in a table's cell, measured without
 * shaping it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView measures every cell of every row it keeps (up to two
 * hundred, most of them off screen) to size its columns, and a GtkLabel
 * shapes its text to answer: at each keystroke in the pipeline's search
 * that was most of the frame. This cell answers from the font's metrics
 * (its width in characters, its height in lines), and shapes its text only
 * to draw it, once per text and width. A word is cut with "…"; a number
 * never is: it is measured as so many digits, and should it draw wider
 * (a currency's capitals), it asks for the width it drew.
 *
 * The cells of a column (ClCellColumn) ask for the width of the widest
 * text any of them has held: when a sort or a filter gives every row
 * another deal, only a text wider than all before resizes the table; the
 * others are drawn again, and the columns stand still while one types.
 */
#include "config.h"

#include "cl-cell-text.h"

struct _ClCellColumn
{
  glong widest_chars;  /* the most characters a cell of the column has held */
  int   drawn_width;   /* a number's width as drawn, when wider than measured */
};

/**
 * cl_cell_column_new:
 *
 * Returns: (transfer full): what the cells of a new column share, no text
 *   held yet; released with cl_cell_column_unref ()
 */
ClCellColumn *
cl_cell_column_new (void)
{
  return g_rc_box_new0 (ClCellColumn);
}

/**
 * cl_cell_column_reset:
 * @column: a column
 *
 * Forgets the texts @column's cells held: from now on the column is as
 * wide as the texts they are given (those they hold now when given them
 * again), as when the table shows another workspace.
 */
void
cl_cell_column_reset (ClCellColumn *column)
{
  column->widest_chars = 0;
  column->drawn_width = 0;
}

/**
 * cl_cell_column_unref:
 * @column: (transfer full): a column
 *
 * Releases a reference to @column.
 */
void
cl_cell_column_unref (ClCellColumn *column)
{
  g_rc_box_release (column);
}

struct _ClCellText
{
  GtkWidget     parent_instance;

  char         *text;
  gboolean      numeric;     /* aligned right, tabular digits, never cut */
  int           min_chars;   /* -1: as few as "…" */
  int           max_chars;   /* -1: as many as the text has */
  ClCellColumn *column;      /* a reference */
  PangoLayout  *layout;      /* NULL until drawn, and after a change */
  int           layout_width;
};

G_DEFINE_FINAL_TYPE (ClCellText, cl_cell_text, GTK_TYPE_WIDGET)

/* The font's metrics, in pixels: every cell of a table shares a font, so
 * the last one asked for is kept. */
typedef struct
{
  PangoFontDescription *font;
  int                   char_width, digit_width, ascent, height;
} CellMetrics;

static const CellMetrics *
cell_metrics (ClCellText *self)
{
  static CellMetrics kept;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMetrics *metrics;

  if (kept.font != NULL && pango_font_description_equal (kept.font, font))
    return &kept;
  g_clear_pointer (&kept.font, pango_font_description_free);
  kept.font = pango_font_description_copy (font);
  metrics = pango_context_get_metrics (context, font, NULL);
  kept.char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
  kept.digit_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (metrics));
  kept.ascent = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics));
  kept.height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (kept.height <= 0)
    kept.height = kept.ascent + PANGO_PIXELS_CEIL (pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  return &kept;
}

static void
cl_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ClCellText *self = CL_CELL_TEXT (widget);
  const CellMetrics *metrics = cell_metrics (self);
  int width;
  glong n_chars;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = metrics->height;
      *minimum_baseline = *natural_baseline = metrics->ascent;
      return;
    }
  width = MAX (metrics->char_width, metrics->digit_width);
  n_chars = self->column->widest_chars;
  if (self->numeric)
    {
      *minimum = *natural = MAX (n_chars * width, self->column->drawn_width);
      return;
    }
  /* a character as wide as GtkLabel counts one, and one to spare for the
   * wide ones a name may hold: "Hyun-woo Choi" is wider than thirteen */
  *minimum = MAX (self->min_chars, 1) * width;
  *natural = ((self->max_chars >= 0 ? MIN (n_chars, self->max_chars) : n_chars) + 1) * width;
  *natural = MAX (*natural, *minimum);
}

static void
attach_attributes (ClCellText *self)
{
  g_autoptr (PangoAttrList) attributes = NULL;

  if (!self->numeric)
    return;
  /* the style's "numeric" class asks for tabular digits, which a GtkLabel
   * reads from its style; a layout of its own has to be told */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (self->layout, attributes);
}

static void
cl_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ClCellText *self = CL_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0')
    return;
  if (self->layout == NULL || self->layout_width != width)
    {
      g_clear_object (&self->layout);
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      attach_attributes (self);
      if (!self->numeric)
        {
          pango_layout_set_width (self->layout, width * PANGO_SCALE);
          pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
        }
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      self->layout_width = width;
    }
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  if (self->numeric && logical.width > width && logical.width > self->column->drawn_width)
    {
      /* drawn next time as wide as it is; once: a table too narrow for
       * its columns may still give it less */
      self->column->drawn_width = logical.width;
      gtk_widget_queue_resize (widget);
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->numeric ? width - logical.width : 0,
                                                          (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
cl_cell_text_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  ClCellText *self = CL_CELL_TEXT (widget);

  GTK_WIDGET_CLASS (cl_cell_text_parent_class)->css_changed (widget, change);
  /* another font, or another colour: drawn again from the text */
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
cl_cell_text_finalize (GObject *object)
{
  ClCellText *self = CL_CELL_TEXT (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  cl_cell_column_unref (self->column);
  G_OBJECT_CLASS (cl_cell_text_parent_class)->finalize (object);
}

static void
cl_cell_text_class_init (ClCellTextClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cl_cell_text_finalize;
  widget_class->measure = cl_cell_text_measure;
  widget_class->snapshot = cl_cell_text_snapshot;
  widget_class->css_changed = cl_cell_text_css_changed;
  /* styled as a label: the theme's colours for .dim-label, .warning */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cl_cell_text_init (ClCellText *self)
{
  self->min_chars = self->max_chars = -1;
}

/**
 * cl_cell_text_new:
 * @numeric: whether the text is a number: aligned right, with tabular
 *   digits, and never cut
 * @min_chars: the fewest characters the cell is wide, -1 for as few as
 *   "…" (a number is always as wide as it is)
 * @max_chars: the most characters the cell asks for, -1 for all
 * @column: the column the cell is in, whose widest text sizes it
 *
 * Returns: (transfer floating): an empty cell
 */
GtkWidget *
cl_cell_text_new (gboolean      numeric,
                  int           min_chars,
                  int           max_chars,
                  ClCellColumn *column)
{
  ClCellText *self = g_object_new (CL_TYPE_CELL_TEXT, NULL);

  self->numeric = numeric;
  self->min_chars = min_chars;
  self->max_chars = max_chars;
  self->column = g_rc_box_acquire (column);
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  return GTK_WIDGET (self);
}

/**
 * cl_cell_text_set_text:
 * @self: the cell
 * @text: (nullable): what it says, shown as text (never as markup)
 *
 * Changes what the cell says. The column's cells change size only when
 * no text they held was as long.
 */
void
cl_cell_text_set_text (ClCellText *self,
                       const char *text)
{
  glong n_chars;

  g_return_if_fail (CL_IS_CELL_TEXT (self));

  /* the same text counts too: the column may have been reset since */
  n_chars = text ? g_utf8_strlen (text, -1) : 0;
  if (n_chars > self->column->widest_chars)
    {
      self->column->widest_chars = n_chars;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cl_cell_text_get_text:
 * @self: the cell
 *
 * Returns: (transfer none) (nullable): what the cell says
 */
const char *
cl_cell_text_get_text (ClCellText *self)
{
  g_return_val_if_fail (CL_IS_CELL_TEXT (self), NULL);
  return self->text;
}
