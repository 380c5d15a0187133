/* cl-application.c — the single-instance GNOME application
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second launch reaches the running instance through D-Bus and only
 * raises its window; the workspace is the one the first launch opened.
 * Files given to it (a summary opened from the file manager) are imported
 * into that workspace's team library.
 */
#define G_LOG_DOMAIN "cl-app"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-accessible-names.h"
#include "cl-application.h"
#include "cl-store.h"
#include "cl-window.h"

struct _ClApplication
{
  AdwApplication parent_instance;
  char          *workspace;
};

G_DEFINE_FINAL_TYPE (ClApplication, cl_application, ADW_TYPE_APPLICATION)

ClApplication *
cl_application_new (const char        *workspace,
                    GApplicationFlags  flags)
{
  ClApplication *self = g_object_new (CL_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", flags,
                                      "resource-base-path", "/io/github/closeloop/Closeloop",
                                      NULL);

  self->workspace = workspace ? g_strdup (workspace) : cl_store_default_path ();
  return self;
}

const char *
cl_application_get_workspace (ClApplication *self)
{
  g_return_val_if_fail (CL_IS_APPLICATION (self), NULL);
  return self->workspace;
}

static void
cl_application_activate (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cl_window_new (self));
      cl_window_open_workspace (CL_WINDOW (window), self->workspace);
    }
  gtk_window_present (window);
}

/* Summaries opened from the file manager join the team library. */
static void
cl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  cl_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  for (int i = 0; i < n_files; i++)
    cl_window_import_summary (CL_WINDOW (window), files[i]);
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Closeloop developers"), NULL };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (about, _("Closeloop"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Closeloop developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Run your sales team's operating cadence: weekly "
                                          "pipeline review, deal coaching, monthly rep "
                                          "development and the quarterly retrospective."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/closeloop/closeloop");
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_app (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* closing, not quitting outright, lets each window save its size */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

/* A deal of any list opens on its page, in the workspace's window. */
static void
open_deal (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  for (GList *l = windows; l != NULL; l = l->next)
    if (CL_IS_WINDOW (l->data))
      {
        cl_window_open_deal (l->data, g_variant_get_int64 (parameter));
        return;
      }
}

void
cl_application_open_deal (gint64 deal_id)
{
  GApplication *app = g_application_get_default ();

  g_return_if_fail (CL_IS_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-deal", g_variant_new_int64 (deal_id));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "quit", quit_app },
  { "open-deal", open_deal, "x" },
};

static void
cl_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (cl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  cl_window_set_accels (GTK_APPLICATION (app));
  cl_accessible_names_install ();
}

static void
cl_application_finalize (GObject *object)
{
  ClApplication *self = CL_APPLICATION (object);

  g_free (self->workspace);
  G_OBJECT_CLASS (cl_application_parent_class)->finalize (object);
}

static void
cl_application_class_init (ClApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = cl_application_activate;
  G_APPLICATION_CLASS (klass)->startup = cl_application_startup;
  G_APPLICATION_CLASS (klass)->open = cl_application_open;
}

static void
cl_application_init (ClApplication *self)
{
}
