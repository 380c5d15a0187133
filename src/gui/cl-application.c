/* cl-application.c — the single-instance GNOME application
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second launch reaches the running instance through D-Bus and only
 * raises its window; the workspace is the one that window shows. A second
 * launch that asked for another workspace says so, in one line: the
 * instance does not open a second workspace beside the first, as what a
 * window's workspace sets is the process's (the owner who signs exports,
 * app.open-deal finding the window of the deal's workspace). Files given
 * to it (a summary opened from the file manager) are imported into that
 * workspace's team library.
 */
#define G_LOG_DOMAIN "cl-app"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

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

  /* absolute: a second launch from another folder compares it with the shown one */
  if (workspace != NULL)
    self->workspace = g_canonicalize_filename (workspace, NULL);
  else
    {
      g_autofree char *path = cl_store_default_path ();

      self->workspace = g_canonicalize_filename (path, NULL);
    }
  return self;
}

const char *
cl_application_get_workspace (ClApplication *self)
{
  g_return_val_if_fail (CL_IS_APPLICATION (self), NULL);
  return self->workspace;
}

void
cl_application_set_shown_workspace (ClApplication *self,
                                    const char    *path)
{
  GAction *action;

  g_return_if_fail (CL_IS_APPLICATION (self));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "workspace");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_take_string (g_canonicalize_filename (path, NULL)));
}

static void
cl_application_activate (GApplication *app)
{
  ClApplication *self = CL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cl_window_new (self));
      cl_window_open_workspace (CL_WINDOW (window), self->workspace, NULL);
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

/* app.workspace is the windows' to set and a second launch's to read: a
 * change asked for over D-Bus is ignored */
static void
keep_workspace_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
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

/* In a second launch, after it raised the running instance's window. */
static gboolean
cl_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  ClApplication *self = CL_APPLICATION (app);
  g_autoptr (GVariant) shown = NULL;
  gboolean handled = G_APPLICATION_CLASS (cl_application_parent_class)->local_command_line (app, arguments,
                                                                                           exit_status);
  const char *path;

  if (!handled || *exit_status != 0 || !g_application_get_is_remote (app))
    return handled;
  shown = g_action_group_get_action_state (G_ACTION_GROUP (app), "workspace");
  path = shown != NULL && g_variant_is_of_type (shown, G_VARIANT_TYPE_STRING)
         ? g_variant_get_string (shown, NULL) : "";
  if (*path != '\0' && !g_str_equal (path, self->workspace))
    /* Translators: the workspace the open window shows, then the one asked for */
    printf (_("Closeloop is already open on %s: its window was raised (close it to open %s)\n"),
            path, self->workspace);
  return handled;
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
  G_APPLICATION_CLASS (klass)->local_command_line = cl_application_local_command_line;
}

static void
cl_application_init (ClApplication *self)
{
  static const GActionEntry workspace_action[] = {
    { "workspace", NULL, NULL, "''", keep_workspace_state },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), workspace_action, G_N_ELEMENTS (workspace_action), self);
}
