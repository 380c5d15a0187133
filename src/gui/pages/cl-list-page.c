/* cl-list-page.c — a searchable list of one loop's records, with its empty state
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records load the first time the page is shown, so a view the user
 * never opens costs nothing at start-up, and in a worker thread through a
 * connection of its own, so a slow loader never blocks the window.
 *
 * A GtkListView (GTK 4.8) keeps up to two hundred rows, all made and laid
 * out as soon as its model holds them: with wrapped text, 4 ms a row, so
 * the Coaching queue at 100 000 deals held the window for 0.9 s. The list
 * shows its first rows at once, then a few more each frame.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-growing-rows.h"
#include "cl-list-page.h"
#include "cl-loading-spinner.h"
#include "cl-plain-text.h"
#include "cl-text.h"

#define ROWS_AT_FIRST   12   /* more than a window shows */
#define ROWS_PER_FRAME  3
#define ROWS_KEPT       200  /* the rows a GtkListView makes at most */

struct _ClListPage
{
  AdwBin           parent_instance;

  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkButton       *empty_button;
  GtkButton       *list_button;
  AdwButtonContent *list_button_content;
  GtkListView     *list_view;

  ClStore         *store;
  ClListLoader     loader;
  ClRowFormat      format;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  ClGrowingRows    shown;       /* of @filtered */
  char            *needle;      /* the search text folded, NULL when not searching */
  gboolean         loaded;
  GCancellable    *cancellable; /* of the load under way */
};

enum {
  SIGNAL_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClListPage, cl_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_ACTION_NAME,
  PROP_ACTION_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_visible_child (ClListPage *self)
{
  GListModel *all;

  if (!self->loaded)
    return;
  all = gtk_filter_list_model_get_model (self->filtered);
  if (all == NULL || g_list_model_get_n_items (all) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* What a row's search reads, its title and subtitle folded: kept on the
 * record when it is loaded. */
static GQuark
search_text_quark (void)
{
  return g_quark_from_static_string ("cl-list-page-search-text");
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  ClListPage *self = user_data;

  return self->needle == NULL
         || strstr (g_object_get_qdata (item, search_text_quark ()), self->needle) != NULL;
}

/* Filters the rows by @text, and shows them, or that none matches. */
static void
apply_search (ClListPage *self,
              const char *text)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  g_autofree char *needle = *text ? cl_text_fold (text) : NULL;

  if (self->needle != NULL && needle != NULL && strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || (self->needle != NULL && strstr (self->needle, needle) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  cl_growing_rows_restart (&self->shown, NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_visible_child (self);
}

static void
on_search_changed (ClListPage *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (ClListPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_items_changed (ClListPage *self)
{
  update_visible_child (self);
}

/* Narrow, a row takes more lines rather than cut what it says short. */
static void
wrap_label (GtkWidget *label)
{
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  wrap_label (title);
  wrap_label (subtitle);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 1);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  ClListPage *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *detail = gtk_widget_get_next_sibling (text);
  g_autofree char *title_text = NULL, *subtitle_text = NULL, *detail_text = NULL;

  self->format (gtk_list_item_get_item (list_item), &title_text, &subtitle_text, &detail_text);
  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text ? subtitle_text : "");
  gtk_widget_set_visible (subtitle, subtitle_text != NULL && *subtitle_text);
  gtk_label_set_text (GTK_LABEL (detail), detail_text ? detail_text : "");
}

/* What a worker thread needs to load: the loader, the rows' format and
 * the workspace it reads. */
typedef struct
{
  ClListLoader  loader;
  ClRowFormat   format;
  char         *path;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* In a worker thread: the loader's records, through a connection of its
 * own, each with what its search reads. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (ClStore) store = NULL;
  GListModel *model = NULL;
  GError *error = NULL;

  store = cl_store_open_read_through (data->path, &error);
  if (store != NULL)
    model = data->loader (store, &error);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *title = NULL, *subtitle = NULL, *detail = NULL, *both = NULL;

      data->format (item, &title, &subtitle, &detail);
      both = g_strconcat (title, "\n", subtitle ? subtitle : "", NULL);
      g_object_set_qdata_full (item, search_text_quark (), cl_text_fold (both), g_free);
    }
  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

/* A load error replaces the empty state's text. */
static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) model = g_task_propagate_pointer (G_TASK (result), &error);
  ClListPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CL_LIST_PAGE (source);
  g_clear_object (&self->cancellable);
  self->loaded = TRUE;
  if (model == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Could Not Load"));
      cl_status_page_set_plain_description (self->empty_page, error->message);
    }
  cl_growing_rows_restart (&self->shown, NULL);
  gtk_filter_list_model_set_model (self->filtered, model);
  update_visible_child (self);
}

static void
load (ClListPage *self)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  if (self->loaded || self->cancellable != NULL || self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->loader = self->loader;
  data->format = self->format;
  data->path = g_strdup (cl_store_get_path (self->store));
  task = g_task_new (self, self->cancellable, loaded, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_in_thread);
}

static void
cl_list_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_list_page_parent_class)->map (widget);
  load (CL_LIST_PAGE (widget));
}

void
cl_list_page_set_source (ClListPage   *self,
                         ClStore      *store,
                         ClListLoader  loader,
                         ClRowFormat   format)
{
  g_return_if_fail (CL_IS_LIST_PAGE (self));

  g_set_object (&self->store, store);
  self->loader = loader;
  self->format = format;
  cl_list_page_reload (self);
}

void
cl_list_page_reload (ClListPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loaded = FALSE;
  gtk_filter_list_model_set_model (self->filtered, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

void
cl_list_page_start_search (ClListPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cl_list_page_search (ClListPage *self,
                     const char *text)
{
  g_return_if_fail (CL_IS_LIST_PAGE (self));
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_search (self, text);   /* at once, not after the entry's typing delay */
}

guint
cl_list_page_get_n_items (ClListPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

gboolean
cl_list_page_is_loaded (ClListPage *self)
{
  return self->loaded && !gtk_filter_list_model_get_pending (self->filtered);
}

static void
cl_list_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ClListPage *self = CL_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->list_button)));
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->empty_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ClListPage *self = CL_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;
    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;
    case PROP_ACTION_NAME:
      /* the page's action, offered above its list and in its empty state */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->list_button), g_value_get_string (value));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), g_value_get_string (value));
      gtk_widget_set_visible (GTK_WIDGET (self->list_button), g_value_get_string (value) != NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), g_value_get_string (value) != NULL);
      break;
    case PROP_ACTION_LABEL:
      adw_button_content_set_label (self->list_button_content, g_value_get_string (value));
      gtk_button_set_label (self->empty_button, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_list_page_dispose (GObject *object)
{
  ClListPage *self = CL_LIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  cl_growing_rows_clear (&self->shown);
  g_clear_object (&self->filtered);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_LIST_PAGE);
  G_OBJECT_CLASS (cl_list_page_parent_class)->dispose (object);
}

static void
cl_list_page_finalize (GObject *object)
{
  ClListPage *self = CL_LIST_PAGE (object);

  g_free (self->needle);
  G_OBJECT_CLASS (cl_list_page_parent_class)->finalize (object);
}

static void
cl_list_page_class_init (ClListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cl_list_page_get_property;
  object_class->set_property = cl_list_page_set_property;
  object_class->dispose = cl_list_page_dispose;
  object_class->finalize = cl_list_page_finalize;
  widget_class->map = cl_list_page_map;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* an action the page offers, such as importing what it lists */
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_LABEL] =
    g_param_spec_string ("action-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a row was activated (click, Enter): the record it shows */
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/pages/cl-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClListPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, list_button_content);
  gtk_widget_class_bind_template_child (widget_class, ClListPage, list_view);
}

static void
on_activate (GtkListView *list_view,
             guint        position,
             ClListPage  *self)
{
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, item);
}

GtkButton *
cl_list_page_get_action_button (ClListPage *self,
                                gboolean    empty)
{
  g_return_val_if_fail (CL_IS_LIST_PAGE (self), NULL);
  return empty ? self->empty_button : self->list_button;
}

/* Activates the row at @position of what is shown, as a click would. */
void
cl_list_page_activate (ClListPage *self,
                       guint       position)
{
  g_return_if_fail (CL_IS_LIST_PAGE (self));
  on_activate (self->list_view, position, self);
}

static void
cl_list_page_init (ClListPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_items_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  cl_growing_rows_init (&self->shown, GTK_WIDGET (self->list_view), G_LIST_MODEL (self->filtered),
                        ROWS_AT_FIRST, ROWS_PER_FRAME, ROWS_KEPT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown.slice)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
}
