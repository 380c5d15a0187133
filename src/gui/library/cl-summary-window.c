/* cl-summary-window.c — a teammate's summary from the team library, read-only
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coaching, a rep's month, a retrospective and loop health are shown as
 * their documents say them: the top-level values first, then one section
 * per part, a list's items as rows that open on their details. (A weekly
 * review opens in the review window instead, deal by deal.) Nothing here
 * writes: the summary is the teammate's.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-plain-text.h"
#include "cl-shared-review.h"
#include "cl-summary.h"
#include "cl-summary-window.h"
#include "cl-text.h"

/* the most items of a list shown, and the longest text of a nested part */
#define MAX_ITEMS 200
#define MAX_INLINE 240

struct _ClSummaryWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkBox         *sections_box;
  guint           n_sections;
};

G_DEFINE_FINAL_TYPE (ClSummaryWindow, cl_summary_window, ADW_TYPE_WINDOW)

/* the members every document starts with, said in the header instead */
static const char * const header_members[] = {
  "format", "version", "app_version", "exported_at", "exported_by", NULL,
};
/* what names an item of a list, in order of preference */
static const char * const naming_members[] = {
  "name", "deal", "loop", "stage", "skill", "focus", "label", "text", "kind", "month", "on", NULL,
};

/* "days_in_stage" → "Days in stage" */
static char *
humanize (const char *key)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (key), "_", ' ');
  g_autofree char *first = g_utf8_strup (spaced, g_utf8_next_char (spaced) - spaced);

  return g_strconcat (first, g_utf8_next_char (spaced), NULL);
}

static char *
scalar_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (*json_node_get_string (node) ? json_node_get_string (node) : "—");
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.3g", json_node_get_double (node));
    default:
      return g_strdup ("");
    }
}

/* A nested part in one line: "a: 1, b: x" or "x, y", cut short. */
static void
append_inline (GString  *text,
               JsonNode *node)
{
  if (text->len > MAX_INLINE)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr (GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL && text->len <= MAX_INLINE; l = l->next)
        {
          g_autofree char *humanized = humanize (l->data);
          g_autofree char *key = cl_text_isolate (humanized);

          g_string_append_printf (text, "%s%s: ", l != members ? ", " : "", key);
          append_inline (text, json_object_get_member (json_node_get_object (node), l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && text->len <= MAX_INLINE; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          append_inline (text, json_array_get_element (array, i));
        }
      if (json_array_get_length (array) == 0)
        g_string_append (text, _("none"));
    }
  else
    {
      g_autofree char *scalar = scalar_text (node);
      /* the teammate's words, among others on one line */
      gboolean words = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
      g_autofree char *isolated = words ? cl_text_isolate (scalar) : NULL;

      g_string_append (text, isolated ? isolated : scalar);
    }
  if (text->len > MAX_INLINE)
    g_string_append (text, "…");
}

static char *
inline_text (JsonNode *node)
{
  GString *text = g_string_new (NULL);

  append_inline (text, node);
  return g_string_free (text, FALSE);
}

static GtkWidget *
value_row (const char *key,
           JsonNode   *node)
{
  g_autofree char *title = humanize (key);
  g_autofree char *value = inline_text (node);
  GtkWidget *row = cl_action_row_new_plain (title, value);

  gtk_widget_add_css_class (row, "property");
  return row;
}

/* The text that names an object among its list: its first naming member. */
static char *
item_name (JsonObject *object,
           guint       index)
{
  for (guint i = 0; naming_members[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, naming_members[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && *json_node_get_string (node))
        return g_strdup (json_node_get_string (node));
    }
  return g_strdup_printf (_("Item %u"), index + 1);
}

static GtkWidget *
item_row (JsonNode *node,
          guint     index)
{
  g_autoptr (GList) members = NULL;
  g_autofree char *name = NULL, *summary = NULL;
  GtkWidget *row;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      summary = inline_text (node);
      return cl_action_row_new_plain (summary, NULL);
    }
  row = adw_expander_row_new ();
  name = item_name (json_node_get_object (node), index);
  /* an item that sums itself up says so; others are written out */
  summary = json_object_has_member (json_node_get_object (node), "summary")
              ? inline_text (json_object_get_member (json_node_get_object (node), "summary"))
              : inline_text (node);
  /* the teammate's text, shown as text */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              value_row (l->data, json_object_get_member (json_node_get_object (node), l->data)));
  return row;
}

static AdwPreferencesGroup *
add_section (ClSummaryWindow *self,
             const char      *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  /* the teammate's keys name the sections */
  cl_preferences_group_set_plain_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->sections_box, group);
  self->n_sections++;
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_list_section (ClSummaryWindow *self,
                  const char      *key,
                  JsonArray       *array)
{
  g_autofree char *title = humanize (key);
  AdwPreferencesGroup *group = add_section (self, title);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < MIN (n, MAX_ITEMS); i++)
    adw_preferences_group_add (group, item_row (json_array_get_element (array, i), i));
  if (n == 0 || n > MAX_ITEMS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = n == 0 ? g_strdup (_("None"))
                              : g_strdup_printf (_("… and %u more, in the file"), n - MAX_ITEMS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_preferences_group_add (group, row);
    }
}

static void
fill (ClSummaryWindow *self,
      JsonObject      *root)
{
  g_autoptr (GList) members = json_object_get_members (root);
  AdwPreferencesGroup *values = add_section (self, _("Summary"));

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (root, l->data);

      if (g_strv_contains (header_members, l->data))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node))
        add_list_section (self, l->data, json_node_get_array (node));
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *title = humanize (l->data);
          AdwPreferencesGroup *group = add_section (self, title);
          g_autoptr (GList) parts = json_object_get_members (json_node_get_object (node));

          for (GList *p = parts; p != NULL; p = p->next)
            adw_preferences_group_add (group, value_row (p->data,
                                                         json_object_get_member (json_node_get_object (node),
                                                                                 p->data)));
        }
      else
        adw_preferences_group_add (values, value_row (l->data, node));
    }
}

/**
 * cl_summary_window_new:
 * @parent: the window it opens over
 * @entry: the summary's entry in the team library
 * @format: the kept document's format
 * @root: the kept document, as cl_summary_load_document () read it
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer none) (nullable): the window, not yet shown; GTK
 *   holds it until it is destroyed. %NULL with @error set when @root is
 *   not a document
 */
ClSummaryWindow *
cl_summary_window_new (GtkWindow       *parent,
                       ClLibraryEntry  *entry,
                       const char      *format,
                       JsonNode        *root,
                       GError         **error)
{
  g_autofree char *title = NULL, *subtitle = NULL, *label = NULL, *about = NULL, *by = NULL;
  g_autofree char *exported = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  ClSummaryWindow *self;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID, _("The kept summary is not a document")),
           NULL;
  self = g_object_new (CL_TYPE_SUMMARY_WINDOW, "transient-for", parent, NULL);
  /* Translators: the kind of summary, then its period or subject */
  label = cl_summary_subject_label (entry->subject);
  about = cl_text_isolate (label);
  title = g_strdup_printf (_("%s · %s"), cl_summary_format_label (format), about);
  by = cl_text_isolate (entry->exported_by);
  exported = cl_date_describe_moment (entry->exported_at, now);
  /* Translators: who exported the summary, and when: "today at 16:08",
   * "yesterday", "3 days ago" or a day */
  subtitle = g_strdup_printf (_("%s's, exported %s · read-only"), by, exported);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  fill (self, json_node_get_object (root));
  return self;
}

const char *
cl_summary_window_get_subtitle (ClSummaryWindow *self)
{
  g_return_val_if_fail (CL_IS_SUMMARY_WINDOW (self), NULL);
  return adw_window_title_get_subtitle (self->window_title);
}

guint
cl_summary_window_get_n_sections (ClSummaryWindow *self)
{
  g_return_val_if_fail (CL_IS_SUMMARY_WINDOW (self), 0);
  return self->n_sections;
}

static void
cl_summary_window_class_init (ClSummaryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/library/cl-summary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClSummaryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClSummaryWindow, sections_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_summary_window_init (ClSummaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
