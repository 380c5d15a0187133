/* cl-teams-page.c — the Team Library's Teams: each team's four loops side
 * by side, from the loop health their managers publish
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second-line manager syncs their managers' team folders; each manager's
 * latest loop health is one card here, its loops' states in words and in
 * the Overview's colours, a hollow cadence marked. The summaries load in a
 * worker thread; everything on a card comes from a file, so it is set as
 * text, never markup.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-loading-spinner.h"
#include "cl-plain-text.h"
#include "cl-store-task.h"
#include "cl-styles.h"
#include "cl-team-health.h"
#include "cl-teams-page.h"
#include "cl-text.h"

/* a card is never narrower: four fit beside each other from about 1 250 px,
 * one still fits a 360 px window */
#define CARD_WIDTH 280
#define MAX_BESIDE 4
#define LABEL_CHARS 36

struct _ClTeamsPage
{
  AdwBin         parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkLabel      *summary_label;
  GtkLabel      *skipped_label;
  GtkFlowBox    *flow_box;

  ClStore       *store;
  GListModel    *teams;
  gboolean       loaded;
  GCancellable  *cancellable;   /* of the load under way */
};

G_DEFINE_FINAL_TYPE (ClTeamsPage, cl_teams_page, ADW_TYPE_BIN)

typedef struct
{
  GListModel *teams;
  guint       n_skipped;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->teams);
  g_free (loaded);
}

/* In a worker thread. */
static gpointer
load_teams (ClStore  *store,
            gpointer  data,
            GError  **error)
{
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->teams = cl_team_health_list (store, &loaded->n_skipped, error);
  if (loaded->teams == NULL)
    return loaded_free (loaded), NULL;
  return loaded;
}

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* wrapped at a card's width, so cards can sit beside each other */
  gtk_label_set_max_width_chars (GTK_LABEL (label), LABEL_CHARS);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
new_loop_row (ClLoop            loop,
              const ClTeamLoop *health)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = new_label (cl_loop_title (loop), NULL);
  GtkWidget *state = gtk_label_new (cl_health_state_label (health->state));
  GtkWidget *summary = new_label (health->summary, "dim-label");

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  gtk_widget_add_css_class (state, "heading");
  gtk_widget_add_css_class (state, cl_health_state_style_class (health->state));
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), state);
  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), summary);
  if (health->explanation != NULL)
    {
      GtkWidget *explanation = new_label (health->explanation, "dim-label");

      gtk_widget_add_css_class (explanation, "caption");
      gtk_box_append (GTK_BOX (row), explanation);
    }
  return row;
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  ClTeamHealth *team = item;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *period = cl_text_isolate (team->period);
  g_autofree char *when = cl_date_describe_moment (team->exported_at, now);
  g_autofree char *subtitle = NULL;
  g_autofree char *card_name = NULL;
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = new_label (team->team, "title-4");

  /* Translators: a period ("2026-Q4"), then when it was exported ("3 days ago") */
  subtitle = g_strdup_printf (_("Loop health for %s, exported %s"), period, when);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_size_request (frame, CARD_WIDTH, -1);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);
  gtk_box_append (GTK_BOX (frame), card);
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), new_label (subtitle, "dim-label"));
  if (team->hollow)
    {
      GtkWidget *hollow = new_label (_("Hollow cadence: reviews or retrospectives run while coaching or rep "
                                       "development lapsed"), "warning");

      gtk_widget_add_css_class (hollow, "heading");
      gtk_box_append (GTK_BOX (card), hollow);
    }
  for (ClLoop loop = 0; loop < CL_N_LOOPS; loop++)
    gtk_box_append (GTK_BOX (card), new_loop_row (loop, &team->loops[loop]));
  /* Translators: whose team a card shows */
  card_name = g_strdup_printf (_("Team of %s"), team->team);
  gtk_accessible_update_property (GTK_ACCESSIBLE (frame), GTK_ACCESSIBLE_PROPERTY_LABEL, card_name, -1);
  return frame;
}

static void
show_teams (ClTeamsPage *self,
            GListModel  *teams,
            guint        n_skipped)
{
  guint n = g_list_model_get_n_items (teams);
  guint hollow = cl_team_health_count_hollow (teams);
  g_autofree char *count = NULL, *summary = NULL, *skipped = NULL;

  g_set_object (&self->teams, teams);
  /* as many beside each other as there are teams, up to four */
  gtk_flow_box_set_max_children_per_line (self->flow_box, CLAMP (n, 1, MAX_BESIDE));
  gtk_flow_box_bind_model (self->flow_box, teams, create_card, self, NULL);
  count = g_strdup_printf (g_dngettext (NULL, "%u team", "%u teams", n), n);
  if (hollow == 0)
    /* Translators: "%s" is "2 teams" */
    summary = g_strdup_printf (_("%s, none with a hollow cadence"), count);
  else
    /* Translators: "%s" is "2 teams", then how many of them have a hollow cadence */
    summary = g_strdup_printf (g_dngettext (NULL, "%s, %u with a hollow cadence", "%s, %u with a hollow cadence",
                                            hollow), count, hollow);
  gtk_label_set_text (self->summary_label, summary);
  skipped = g_strdup_printf (g_dngettext (NULL, "%u loop health summary could not be read and is left out",
                                          "%u loop health summaries could not be read and are left out",
                                          n_skipped), n_skipped);
  gtk_label_set_text (self->skipped_label, skipped);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_label), n_skipped > 0);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "teams" : "empty");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  Loaded *loaded = cl_store_task_finish (result, &error);
  ClTeamsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CL_TEAMS_PAGE (source);
  g_clear_object (&self->cancellable);
  self->loaded = TRUE;
  if (loaded == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Could Not Load"));
      cl_status_page_set_plain_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_teams (self, loaded->teams, loaded->n_skipped);
  loaded_free (loaded);
}

static void
load (ClTeamsPage *self)
{
  if (self->loaded || self->cancellable != NULL || self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  cl_store_task_run (self, cl_store_get_path (self->store), load_teams, NULL, NULL,
                     (GDestroyNotify) loaded_free, self->cancellable, on_loaded, NULL);
}

static void
cl_teams_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_teams_page_parent_class)->map (widget);
  load (CL_TEAMS_PAGE (widget));
}

void
cl_teams_page_set_store (ClTeamsPage *self,
                         ClStore     *store)
{
  g_return_if_fail (CL_IS_TEAMS_PAGE (self));

  g_set_object (&self->store, store);
  cl_teams_page_reload (self);
}

void
cl_teams_page_reload (ClTeamsPage *self)
{
  g_return_if_fail (CL_IS_TEAMS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loaded = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

gboolean
cl_teams_page_is_loaded (ClTeamsPage *self)
{
  g_return_val_if_fail (CL_IS_TEAMS_PAGE (self), FALSE);
  return self->loaded;
}

GListModel *
cl_teams_page_get_teams (ClTeamsPage *self)
{
  g_return_val_if_fail (CL_IS_TEAMS_PAGE (self), NULL);
  return self->loaded ? self->teams : NULL;
}

const char *
cl_teams_page_get_summary (ClTeamsPage *self)
{
  g_return_val_if_fail (CL_IS_TEAMS_PAGE (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

char *
cl_teams_page_describe_card (ClTeamsPage *self,
                             guint        position)
{
  GtkFlowBoxChild *child;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (CL_IS_TEAMS_PAGE (self), NULL);
  if ((child = gtk_flow_box_get_child_at_index (self->flow_box, position)) != NULL)
    append_labels (GTK_WIDGET (child), text);
  return g_string_free (text, FALSE);
}

static void
cl_teams_page_dispose (GObject *object)
{
  ClTeamsPage *self = CL_TEAMS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->teams);
  g_clear_object (&self->store);
  /* the stack, a template child, is the bin's own child: the bin lets go first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_TEAMS_PAGE);
  G_OBJECT_CLASS (cl_teams_page_parent_class)->dispose (object);
}

static void
cl_teams_page_class_init (ClTeamsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_teams_page_dispose;
  widget_class->map = cl_teams_page_map;
  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/library/cl-teams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClTeamsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ClTeamsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ClTeamsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ClTeamsPage, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, ClTeamsPage, flow_box);
}

static void
cl_teams_page_init (ClTeamsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
