/* cl-window.c — the main window: the five views over one workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content is one of three states: the workspace could not be opened
 * (the message says which file and why; the file is left as it was), the
 * workspace has no team yet (offer a CRM import or the sample team), or
 * the views. The title names the workspace; the menu opens another.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <string.h>
#if defined (__GLIBC__)
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "cl-accessible-names.h"
#include "cl-coaching.h"
#include "cl-deal-coaching-window.h"
#include "cl-deal-window.h"
#include "cl-demo.h"
#include "cl-list-page.h"
#include "cl-loading-spinner.h"
#include "cl-my-month-page.h"
#include "cl-overview-page.h"
#include "cl-pipeline-page.h"
#include "cl-plain-text.h"
#include "cl-review-export.h"
#include "cl-export.h"
#include "cl-review-window.h"
#include "cl-preferences-window.h"
#include "cl-store-task.h"
#include "cl-file-chooser.h"
#include "cl-free-in-thread.h"
#include "cl-import-undo.h"
#include "cl-import-window.h"
#include "cl-rep-window.h"
#include "cl-summary.h"
#include "cl-summary-window.h"
#include "cl-identity.h"
#include "cl-rep-brief.h"
#include "cl-team-folder.h"
#include "cl-retro-page.h"
#include "cl-team-page.h"
#include "cl-teams-page.h"
#include "cl-text.h"
#include "cl-view-rows.h"
#include "cl-window.h"

/* What the window reads of a workspace to choose what it shows. */
typedef struct
{
  ClStore    *store;
  ClIdentity *owner;      /* NULL while none is set */
  gboolean    has_reps;
  gboolean    has_deals;
} ClOpenedWorkspace;

struct _ClWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar  *switcher_bar;
  GtkMenuButton       *menu_button;
  GMenuModel          *primary_menu;
  GtkStack            *content_stack;
  AdwStatusPage       *error_page;
  GtkProgressBar      *sample_progress;
  AdwViewStack        *view_stack;
  AdwViewStackPage    *month_stack_page;
  GtkStack            *library_stack;
  /* each view is built into its bin when first shown or asked for: the
   * first frame builds the navigation alone (see lazy_views) */
  AdwBin              *month_view, *overview_view, *pipeline_view, *coaching_view;
  AdwBin              *development_view, *retros_view, *library_view, *teams_view;
  /* the views, NULL until built */
  ClMyMonthPage       *my_month_page;
  ClOverviewPage      *overview_page;
  ClPipelinePage      *pipeline_page;
  ClListPage          *coaching_page;
  ClTeamPage          *development_page;
  ClRetroPage         *retro_page;
  ClListPage          *library_page;
  ClTeamsPage         *teams_page;

  GSettings           *settings;
  ClStore             *store;
  ClTeamFolderWatch   *team_watch;
  GHashTable          *told_failures; /* team folder files already said unreadable */
  AdwToast            *last_toast;
  guint                rescan_id;
  char                *undo_point;  /* what the last import that can be undone was */
  GCancellable        *sample_cancellable;
  int                  sample_permille;   /* written by the worker, read by a timeout */
  guint                sample_timeout;
  gboolean             review_waiting; /* Ctrl+R while the pipeline was inspected */
  gboolean             review_opening; /* its worker reads and opens the week's review */
  ClWorkingToast      *review_working; /* says so, should it wait (another program writing) */
  guint                watches_asked;  /* of the team folder: only the last asked is made */
  gboolean             painted;        /* the first frame is on screen, and what waited on it built */
  guint                after_frame_id; /* builds what the first frame did without */
  ClOpenedWorkspace   *opened;         /* read before the first frame, shown after it */
  char                *opened_said;    /* the toast once the workspace opening is shown, or NULL */
  GCancellable        *open_cancellable;
  GPtrArray           *summaries_waiting; /* SummaryImport: read one at a time, once the workspace is open */
  gboolean             importing_summary; /* one is read in a worker thread */
  gboolean             views_waiting;  /* for the Overview's figures */
};

G_DEFINE_FINAL_TYPE (ClWindow, cl_window, ADW_TYPE_APPLICATION_WINDOW)

/* Alt+1 to Alt+7; My Month, a rep's, comes last so that a manager's keys
 * stay where they were */
static const char * const view_names[] = {
  "overview", "pipeline", "coaching", "development", "retros", "library", "month",
};

/* the views of the team's loops: a rep's workspace without deals has none */
static const char * const team_view_names[] = {
  "overview", "pipeline", "coaching", "development", "retros",
};

static void on_coaching_entry_activated (ClWindow *self, ClCoachingEntry *entry);
static void on_rep_activated (ClWindow *self, gint64 rep_id);
static void on_pipeline_loaded (ClWindow *self);
static void on_overview_loaded (ClWindow *self);
static gboolean waits_for_overview (ClWindow *self);
static void show_team_views (ClWindow *self);

typedef void (*ClSetStore) (gpointer page,
                            ClStore *store);

static void
set_coaching_source (gpointer page,
                     ClStore *store)
{
  cl_list_page_set_source (page, store, cl_view_load_coaching, cl_view_format_coaching_entry);
}

static void
set_library_source (gpointer page,
                    ClStore *store)
{
  cl_list_page_set_source (page, store, cl_view_load_library, cl_view_format_library_entry);
}

typedef void (*ClSetUpView) (GtkWidget *page);

/* What the Coaching list says while no deal asks for coaching */
static void
set_up_coaching (GtkWidget *page)
{
  g_object_set (page,
                "icon-name", "chat-message-new-symbolic",
                "empty-title", _("Nothing to Coach"),
                "empty-description", _("Key deals at a critical stage, stalled deals and heavily flagged "
                                       "deals show here, with why they deserve coaching"),
                NULL);
}

/* What the Team Library says while it keeps no summary, and how to add one */
static void
set_up_library (GtkWidget *page)
{
  g_object_set (page,
                "icon-name", "folder-documents-symbolic",
                "empty-title", _("No Summaries From Teammates"),
                "empty-description", _("Reviews, coaching, plans, retrospectives and loop health your "
                                       "teammates export are kept here, read-only: import them, drop them "
                                       "on the window or open them with Closeloop"),
                "action-name", "win.import-summary",
                "action-label", _("_Import a Summary…"),
                NULL);
}

/* A view as cl_window_get_view() names it: the bin it is built into and
 * where the window keeps it, as offsets in ClWindow; its type, what it is
 * told once built (its empty state, for a list), how it is given the
 * workspace (it reads it in a worker), and the signal of its the window
 * hears, if any. */
typedef struct
{
  const char  *name;
  glong        bin;
  glong        page;
  GType        (*type) (void);
  ClSetUpView  set_up;
  ClSetStore   set_store;
  const char  *signal;
  GCallback    handler;
} ClLazyView;

#define LAZY_VIEW(name, bin, page, type, set_up, set_store, signal, handler) \
  { name, G_STRUCT_OFFSET (ClWindow, bin), G_STRUCT_OFFSET (ClWindow, page), type, set_up, \
    (ClSetStore) set_store, signal, G_CALLBACK (handler) }

static const ClLazyView lazy_views[] = {
  LAZY_VIEW ("month", month_view, my_month_page, cl_my_month_page_get_type, NULL, cl_my_month_page_set_store,
             NULL, NULL),
  LAZY_VIEW ("overview", overview_view, overview_page, cl_overview_page_get_type, NULL,
             cl_overview_page_set_store, "loaded", on_overview_loaded),
  LAZY_VIEW ("pipeline", pipeline_view, pipeline_page, cl_pipeline_page_get_type, NULL,
             cl_pipeline_page_set_store, "loaded", on_pipeline_loaded),
  LAZY_VIEW ("coaching", coaching_view, coaching_page, cl_list_page_get_type, set_up_coaching,
             set_coaching_source, "item-activated", on_coaching_entry_activated),
  LAZY_VIEW ("development", development_view, development_page, cl_team_page_get_type, NULL,
             cl_team_page_set_store, "rep-activated", on_rep_activated),
  LAZY_VIEW ("retros", retros_view, retro_page, cl_retro_page_get_type, NULL, cl_retro_page_set_store, NULL,
             NULL),
  /* the Team Library is its list of summaries, and its Teams */
  LAZY_VIEW ("library", library_view, library_page, cl_list_page_get_type, set_up_library, set_library_source,
             "item-activated", cl_window_open_library_entry),
  LAZY_VIEW ("teams", teams_view, teams_page, cl_teams_page_get_type, NULL, cl_teams_page_set_store, NULL,
             NULL),
};

ClWindow *
cl_window_new (ClApplication *application)
{
  return g_object_new (CL_TYPE_WINDOW, "application", application, NULL);
}

ClStore *
cl_window_get_store (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->store;
}

/* "loading", "error", "empty" or "views" */
const char *
cl_window_get_state (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

void
cl_window_show_view (ClWindow   *self,
                     const char *name)
{
  g_return_if_fail (CL_IS_WINDOW (self));
  /* "teams" is the Team Library's Teams */
  if (g_str_equal (name, "teams"))
    {
      gtk_stack_set_visible_child_name (self->library_stack, "teams");
      name = "library";
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (self->views_waiting && !waits_for_overview (self))
    {
      self->views_waiting = FALSE;
      show_team_views (self);
    }
}

static const ClLazyView *
find_lazy_view (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    if (g_str_equal (lazy_views[i].name, name))
      return &lazy_views[i];
  return NULL;
}

/* The view @name if it is built, else NULL. */
static GtkWidget *
built_view (ClWindow   *self,
            const char *name)
{
  const ClLazyView *view = find_lazy_view (name);

  return view != NULL ? G_STRUCT_MEMBER (GtkWidget *, self, view->page) : NULL;
}

static GtkWidget *
new_view (ClWindow         *self,
          const ClLazyView *view)
{
  GtkWidget *page = g_object_new (view->type (), NULL);

  /* a page outlives the window while its worker runs: its signals then
   * reach no window */
  if (view->signal != NULL)
    g_signal_connect_object (page, view->signal, view->handler, self, G_CONNECT_SWAPPED);
  if (view->set_up != NULL)
    view->set_up (page);
  return page;
}

/* The view @name, built now if it was not yet: once the workspace is open
 * it starts reading it. */
static GtkWidget *
build_view (ClWindow         *self,
            const ClLazyView *view)
{
  GtkWidget **page = &G_STRUCT_MEMBER (GtkWidget *, self, view->page);

  if (*page != NULL)
    return *page;
  *page = new_view (self, view);
  adw_bin_set_child (G_STRUCT_MEMBER (AdwBin *, self, view->bin), *page);
  /* a screen reader may read it before it is shown */
  cl_accessible_names_apply (*page);
  if (self->store != NULL)
    view->set_store (*page, self->store);
  return *page;
}

GtkWidget *
cl_window_get_view (ClWindow   *self,
                    const char *name)
{
  const ClLazyView *view;

  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  view = find_lazy_view (name);
  return view != NULL ? build_view (self, view) : NULL;
}

/* The name of the view shown, or would be once the workspace is: the Team
 * Library's Summaries are "library". */
static const char *
visible_view_name (ClWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "library") == 0 && g_str_equal (gtk_stack_get_visible_child_name (self->library_stack), "teams"))
    return "teams";
  return name;
}

/* Every toast of the window goes through here; the last one is kept for tests. */
static void
show_toast (ClWindow *self,
            AdwToast *toast)
{
  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast that says @text as it is: error messages name files, summaries
 * name teammates, and a toast's title is always markup. */
static void
show_text_toast (ClWindow   *self,
                 const char *text)
{
  show_toast (self, cl_toast_new_plain (text));
}

AdwToast *
cl_window_get_last_toast (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/* The view shown, built once the views are: before, NULL. */
static GtkWidget *
visible_view (ClWindow *self)
{
  const char *name = visible_view_name (self);

  return name != NULL ? built_view (self, name) : NULL;
}

/* A view shown is built then; search is offered on the lists. */
static void
on_view_changed (ClWindow *self)
{
  GAction *search = g_action_map_lookup_action (G_ACTION_MAP (self), "search");
  const char *name = visible_view_name (self);
  gboolean views = g_str_equal (cl_window_get_state (self), "views");
  GtkWidget *view = views && name != NULL ? cl_window_get_view (self, name) : NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (search), CL_IS_LIST_PAGE (view) || CL_IS_PIPELINE_PAGE (view));
}

static void
show_state (ClWindow   *self,
            const char *state)
{
  gtk_stack_set_visible_child_name (self->content_stack, state);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), TRUE);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     g_str_equal (state, "views"));
  on_view_changed (self);
}

static void refresh_undo_point (ClWindow *self);
static char *sample_team_path (void);

/* The workspace as the window names it: the sample team, or the user's own
 * by its file's name. */
static char *
workspace_name (const char *path)
{
  g_autofree char *sample = sample_team_path ();
  g_autofree char *base = NULL;

  if (g_str_equal (path, sample))
    return g_strdup (_("Sample Team"));
  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

static void
set_store (ClWindow   *self,
           ClStore    *store,
           ClIdentity *owner)
{
  g_autofree char *name = NULL, *title = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  ClStore *replaced = self->store;

  self->store = g_object_ref (store);
  /* the connection let go closes in a thread of its own: the last one to
   * a workspace writes its journal back into it first */
  if (replaced != NULL)
    cl_free_in_thread (replaced, g_object_unref);
  if (application != NULL)
    cl_application_set_shown_workspace (CL_APPLICATION (application), cl_store_get_path (store));
  /* the owner's name, when set, signs what the window exports */
  cl_identity_apply (owner);
  name = workspace_name (cl_store_get_path (store));
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  /* Translators: the workspace's name, then the application's, as the
   * window list shows them */
  title = g_strdup_printf (_("%s — Closeloop"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* the views not built yet read it when they are */
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    {
      GtkWidget *page = built_view (self, lazy_views[i].name);

      if (page != NULL)
        lazy_views[i].set_store (page, store);
    }
  cl_window_watch_team_folder (self);
  refresh_undo_point (self);
}

/* The view to show is chosen before the views show: only it is built. */
static void
show_team_views (ClWindow *self)
{
  if (g_str_equal (adw_view_stack_get_visible_child_name (self->view_stack), "month"))
    adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  show_state (self, "views");
}

static void
opened_workspace_free (ClOpenedWorkspace *opened)
{
  g_clear_object (&opened->store);
  g_clear_pointer (&opened->owner, cl_identity_free);
  g_free (opened);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClOpenedWorkspace, opened_workspace_free)

static ClOpenedWorkspace *
read_opened_workspace (ClStore  *store,
                       GError  **error)
{
  g_autoptr (GListModel) reps = cl_store_list_reps (store, error);
  ClOpenedWorkspace *opened;

  if (reps == NULL)
    return NULL;
  opened = g_new0 (ClOpenedWorkspace, 1);
  opened->store = g_object_ref (store);
  opened->owner = cl_identity_peek (store);
  opened->has_reps = g_list_model_get_n_items (reps) > 0;
  opened->has_deals = cl_store_count_deals (store, NULL) > 0;
  return opened;
}

/* The team's views open on the Overview with its figures, read in a
 * worker: they wait for them. Another view asked for shows at once, and
 * reads its own while the Overview's are still being read. */
static gboolean
waits_for_overview (ClWindow *self)
{
  const char *shown = adw_view_stack_get_visible_child_name (self->view_stack);

  return (g_strcmp0 (shown, "overview") == 0 || g_strcmp0 (shown, "month") == 0)
         && !cl_overview_page_is_health_loaded (CL_OVERVIEW_PAGE (cl_window_get_view (self, "overview")));
}

/* A rep's own workspace opens on My Month, and shows the team's views only
 * when it holds deals of its own: their brief is what they need. Then the
 * views, or the offer of a first import when there is no team yet. */
static void
show_owner_views (ClWindow          *self,
                  ClOpenedWorkspace *opened)
{
  gboolean rep = opened->owner != NULL && opened->owner->role == CL_ROLE_REP;
  gboolean team = !rep || opened->has_deals;

  for (guint i = 0; i < G_N_ELEMENTS (team_view_names); i++)
    {
      GtkWidget *view = adw_view_stack_get_child_by_name (self->view_stack, team_view_names[i]);

      adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, view), team);
    }
  adw_view_stack_page_set_visible (self->month_stack_page, rep);
  self->views_waiting = FALSE;
  if (rep)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "month");
      cl_my_month_page_reload (CL_MY_MONTH_PAGE (cl_window_get_view (self, "month")));
      show_state (self, "views");
    }
  else if (!opened->has_reps)
    show_state (self, "empty");
  else if (!waits_for_overview (self))
    show_team_views (self);
  else
    {
      self->views_waiting = TRUE;
      show_state (self, "loading");
    }
}

static void
on_overview_loaded (ClWindow *self)
{
  if (self->views_waiting)
    {
      self->views_waiting = FALSE;
      show_team_views (self);
    }
}

/* The owner changed in Preferences: they publish in a subfolder of their
 * new name; a rep's workspace turns to My Month, a manager's to the team's
 * views. */
static gpointer open_in_thread (ClStore  *store,
                                gpointer  data,
                                GError  **error);

static void
on_owner_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  const char *asked = cl_store_task_get_data (result);
  g_autoptr (ClOpenedWorkspace) opened = cl_store_task_finish (result, NULL);

  /* the window closed, or opened another workspace, meanwhile */
  if (self->store == NULL || g_strcmp0 (cl_store_get_path (self->store), asked) != 0)
    return;
  cl_window_watch_team_folder (self);
  if (opened != NULL)
    show_owner_views (self, opened);
}

static void
on_identity_changed (ClWindow *self)
{
  cl_store_task_run (self, cl_store_get_path (self->store), open_in_thread, g_strdup (cl_store_get_path (self->store)),
                     g_free, (GDestroyNotify) opened_workspace_free, NULL, on_owner_read, NULL);
}

static void
show_open_failure (ClWindow     *self,
                   const GError *error)
{
  cl_status_page_set_plain_description (self->error_page, error->message);
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Closeloop"));
  show_state (self, "error");
}

static void import_next_summary (ClWindow *self);

/* Summaries opened from the file manager wait for their workspace. */
static void
show_opened_workspace (ClWindow          *self,
                       ClOpenedWorkspace *opened)
{
  set_store (self, opened->store, opened->owner);
  show_owner_views (self, opened);
  import_next_summary (self);
}

/* ------------------------------------------------------------------ start-up */

static void
show_pending_workspace (ClWindow *self)
{
  g_autoptr (ClOpenedWorkspace) opened = g_steal_pointer (&self->opened);
  g_autofree char *said = g_steal_pointer (&self->opened_said);

  show_opened_workspace (self, opened);
  if (said != NULL)
    show_text_toast (self, said);
}

/* The first frame shows the window loading: the view switchers and the
 * main menu are built once it is out, then a workspace read meanwhile is
 * shown. */
static gboolean
after_first_frame (gpointer user_data)
{
  ClWindow *self = user_data;

  self->after_frame_id = 0;
  self->painted = TRUE;
  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  gtk_menu_button_set_menu_model (self->menu_button, self->primary_menu);
  /* unless another workspace replaced it meanwhile */
  if (self->opened != NULL)
    show_pending_workspace (self);
  return G_SOURCE_REMOVE;
}

static void
after_first_paint (GdkFrameClock *clock,
                   ClWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_paint, self);
  /* realized again */
  if (!self->painted && self->after_frame_id == 0)
    self->after_frame_id = g_idle_add (after_first_frame, self);
}

static void
cl_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cl_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_first_paint),
                           widget, 0);
}

static gpointer
open_in_thread (ClStore  *store,
                gpointer  data,
                GError  **error)
{
  return read_opened_workspace (store, error);
}

static void
on_workspace_opened (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  g_autoptr (GError) error = NULL;
  ClOpenedWorkspace *opened = cl_store_task_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->open_cancellable);
  if (opened == NULL)
    {
      g_ptr_array_set_size (self->summaries_waiting, 0);
      g_clear_pointer (&self->opened_said, g_free);
      show_open_failure (self, error);
      return;
    }
  /* what it shows builds the views: not before the first frame is on
   * screen */
  self->opened = opened;
  if (self->painted)
    show_pending_workspace (self);
}

/**
 * cl_window_open_workspace:
 * @self: the window
 * @path: the workspace's file
 * @said: (nullable): what a toast says once it shows
 *
 * Opens @path in a worker thread: the workspace is opened, its migrations
 * run and what it shows chosen there, the window loading meanwhile (and,
 * at start, what it shows is read once its first frame is on screen). On
 * failure the window says why, and the file is not touched.
 */
void
cl_window_open_workspace (ClWindow   *self,
                          const char *path,
                          const char *said)
{
  g_return_if_fail (CL_IS_WINDOW (self));

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->opened, opened_workspace_free);
  g_free (self->opened_said);
  self->opened_said = g_strdup (said);
  self->open_cancellable = g_cancellable_new ();
  /* a second launch asking for another workspace is told this one's name */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    cl_application_set_shown_workspace (CL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), path);
  show_state (self, "loading");
  cl_store_task_run (self, path, open_in_thread, NULL, NULL, (GDestroyNotify) opened_workspace_free,
                     self->open_cancellable, on_workspace_opened, NULL);
}

/* ------------------------------------------------------------------ sample team */

static char *
sample_team_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "closeloop", "sample-team.db", NULL);
}

static void
record_sample_progress (double   fraction,
                        gpointer user_data)
{
  ClWindow *self = user_data;

  g_atomic_int_set (&self->sample_permille, (int) (fraction * 1000));
}

/* In a worker thread, on a connection of its own: a sample team already
 * written is reused, otherwise one is generated. */
static void
write_sample_team (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ClWindow *self = source_object;
  const char *path = task_data;
  g_autoptr (ClStore) store = NULL;
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (GError) error = NULL;
  ClDemoOptions options;

  cl_demo_options_init (&options);
  store = cl_store_open (path, &error);
  if (store != NULL)
    reps = cl_store_list_reps (store, &error);
  if (reps == NULL
      || (g_list_model_get_n_items (reps) == 0
          && !cl_demo_generate (store, &options, record_sample_progress, self, cancellable, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
pulse_sample_progress (gpointer user_data)
{
  ClWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->sample_progress,
                                 g_atomic_int_get (&self->sample_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
sample_team_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  g_autoptr (GError) error = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "open-sample-team");

  g_clear_handle_id (&self->sample_timeout, g_source_remove);
  g_clear_object (&self->sample_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_progress), FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_text_toast (self, error->message);
      return;
    }
  cl_window_open_workspace (self, g_task_get_task_data (G_TASK (result)),
                            _("Sample team opened; your own workspace is untouched"));
}

static void
open_sample_team (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  g_autoptr (GTask) task = NULL;

  g_simple_action_set_enabled (action, FALSE);
  self->sample_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->sample_permille, 0);
  gtk_progress_bar_set_fraction (self->sample_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_progress), TRUE);
  self->sample_timeout = g_timeout_add (100, pulse_sample_progress, self);

  task = g_task_new (self, self->sample_cancellable, sample_team_written, NULL);
  g_task_set_task_data (task, sample_team_path (), g_free);
  g_task_run_in_thread (task, write_sample_team);
}

/* ------------------------------------------------------------------ actions */

static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);

  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *view = adw_view_stack_get_child_by_name (self->view_stack, name);

  /* a view the workspace does not show (My Month in a manager's) stays shut */
  if (g_str_equal (cl_window_get_state (self), "views")
      && (view == NULL || adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, view))))
    cl_window_show_view (self, name);
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  GtkWidget *view = visible_view (self);

  if (CL_IS_LIST_PAGE (view))
    cl_list_page_start_search (CL_LIST_PAGE (view));
  else if (CL_IS_PIPELINE_PAGE (view))
    cl_pipeline_page_start_search (CL_PIPELINE_PAGE (view));
}

/* After a review, a change of preferences, an import or its undo:
 * inspect again (a view not built yet reads the workspace as it is built). */
static void
reinspect (ClWindow *self)
{
  if (self->pipeline_page != NULL)
    cl_pipeline_page_reload (self->pipeline_page);
  if (self->coaching_page != NULL)
    cl_list_page_reload (self->coaching_page);
  if (self->development_page != NULL)
    cl_team_page_reload (self->development_page);
  if (self->overview_page != NULL)
    cl_overview_page_refresh (self->overview_page);
  refresh_undo_point (self);
}

/* ------------------------------------------------------------------ undoing an import */

static void
on_undo_point (gpointer      user_data,
               const char   *point,
               const GError *error)
{
  ClWindow *self = user_data;
  GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self), "undo-import");

  /* the window closed while the worker read */
  if (self->store == NULL)
    return;
  g_free (self->undo_point);
  self->undo_point = g_strdup (point);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), point != NULL);
}

/* The menu offers the undo while the workspace has an import to undo. */
static void
refresh_undo_point (ClWindow *self)
{
  if (self->store != NULL)
    cl_import_undo_point (G_OBJECT (self), cl_store_get_path (self->store), on_undo_point, self);
}

static void
on_import_undone (gpointer      user_data,
                  const char   *undone,
                  const GError *error)
{
  ClWindow *self = user_data;
  g_autofree char *what = NULL, *said = NULL;

  if (self->store == NULL)
    return;
  if (undone == NULL)
    {
      if (error != NULL)
        show_text_toast (self, error->message);
      refresh_undo_point (self);
      return;
    }
  what = cl_text_isolate (undone);
  /* Translators: "import of deals.csv as of 2026-11-16" */
  said = g_strdup_printf (_("Undid the %s"), what);
  show_text_toast (self, said);
  reinspect (self);
}

static void
on_undo_confirmed (AdwMessageDialog *dialog,
                   const char       *response,
                   ClWindow         *self)
{
  if (g_str_equal (response, "undo") && self->store != NULL)
    cl_import_undo_run (GTK_WINDOW (self), cl_store_get_path (self->store), on_import_undone, self);
}

static void
undo_import (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  g_autofree char *what = NULL, *body = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL || self->undo_point == NULL)
    return;
  what = cl_text_isolate (self->undo_point);
  /* Translators: "import of deals.csv as of 2026-11-16" */
  body = g_strdup_printf (_("The workspace goes back to how it was before the %s."), what);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Undo the Last Import?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "undo", _("_Undo the Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "undo", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_undo_confirmed), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
cl_window_get_undo_point (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->undo_point;
}

static void
open_import (ClWindow   *self,
             const char *path)
{
  ClImportWindow *window = cl_import_window_new (GTK_WINDOW (self), self->store, path);

  /* imported deals change every view */
  g_signal_connect_object (window, "workspace-changed", G_CALLBACK (reinspect), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
import_deals (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);

  if (self->store != NULL)
    open_import (self, NULL);
}

/* A summary dropped on the window joins the team library; any other file
 * opens the CRM import on it. */
static gboolean
import_dropped (ClWindow   *self,
                const char *path)
{
  if (self->store == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".json"))
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);

      cl_window_import_summary (self, file);
    }
  else
    open_import (self, path);
  return TRUE;
}

/* Summaries arrived: the library's list and its teams read them again. */
static void
reload_library (ClWindow *self)
{
  if (self->library_page != NULL)
    cl_list_page_reload (self->library_page);
  if (self->teams_page != NULL)
    cl_teams_page_reload (self->teams_page);
}

static void
say_imported (ClWindow               *self,
              const ClSummaryInfo    *info,
              ClSummaryOutcome        outcome)
{
  g_autofree char *described = cl_summary_info_describe (info);
  /* Translators: what happened, then the summary described */
  g_autofree char *text = g_strdup_printf (_("%s: %s"),
                                           outcome == CL_SUMMARY_ADDED ? _("Kept in the team library")
                                           : outcome == CL_SUMMARY_REPLACED ? _("Replaced in the team library")
                                           : _("Already in the team library"),
                                           described);

  show_text_toast (self, text);
  reload_library (self);
}

/* A summary to keep in the team library, read and kept in a worker
 * thread: a review exported at 100 000 deals is tens of megabytes. */
typedef struct
{
  char             *path;
  gboolean          replace;   /* a newer export may replace the one kept */
  ClSummaryOutcome  outcome;
} SummaryImport;

static void
summary_import_free (SummaryImport *import)
{
  g_free (import->path);
  g_free (import);
}

static void
queue_summary (ClWindow   *self,
               const char *path,
               gboolean    replace)
{
  SummaryImport *import = g_new0 (SummaryImport, 1);

  import->path = g_strdup (path);
  import->replace = replace;
  g_ptr_array_add (self->summaries_waiting, import);
  import_next_summary (self);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ClWindow         *self)
{
  if (g_str_equal (response, "replace"))
    queue_summary (self, g_object_get_data (G_OBJECT (dialog), "path"), TRUE);
}

/* Asks whether the summary at @path, newer than the one kept (@why),
 * replaces it. */
static void
ask_to_replace (ClWindow   *self,
                const char *path,
                const char *why)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Replace the Kept Summary?"), why));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep the Old One"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "replace");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
import_summary_in_thread (ClStore   *store,
                          gpointer   data,
                          GError   **error)
{
  SummaryImport *import = data;

  return cl_summary_import (store, import->path, import->replace, &import->outcome, error);
}

static void
on_summary_imported (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  SummaryImport *import = cl_store_task_get_data (result);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClSummaryInfo) info = cl_store_task_finish (result, &error);

  self->importing_summary = FALSE;
  if (info != NULL)
    say_imported (self, info, import->outcome);
  else if (g_error_matches (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NEWER))
    ask_to_replace (self, import->path, error->message);
  else
    show_text_toast (self, error->message);
  import_next_summary (self);
}

/* Reads the first summary waiting, unless one is read now or the
 * workspace is still opening: one at a time, so two copies of one file
 * keep it once. */
static void
import_next_summary (ClWindow *self)
{
  if (self->importing_summary || self->open_cancellable != NULL || self->opened != NULL
      || self->store == NULL || self->summaries_waiting->len == 0)
    return;
  self->importing_summary = TRUE;
  cl_store_task_run (self, cl_store_get_path (self->store), import_summary_in_thread,
                     g_ptr_array_steal_index (self->summaries_waiting, 0), (GDestroyNotify) summary_import_free,
                     (GDestroyNotify) cl_summary_info_free, NULL, on_summary_imported, NULL);
}

/* Keeps the summary @file in the team library, read in a worker thread
 * once the workspace is open; the window says what it did. */
void
cl_window_import_summary (ClWindow *self,
                          GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (CL_IS_WINDOW (self));
  if (path != NULL)
    queue_summary (self, path, FALSE);
}

static gboolean
import_summary_chosen (ClWindow   *self,
                       const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cl_window_import_summary (self, file);
  return TRUE;
}

/* A teammate's summary, chosen as a file, into the team library: from the
 * menu, and from the library's button and empty state. */
static void
import_summary (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  GtkFileChooserNative *dialog;

  if (self->store == NULL)
    return;
  dialog = cl_file_chooser_new (GTK_WINDOW (self), self, _("Import a Teammate's Summary"),
                                GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), (ClFileChosen) import_summary_chosen);
  cl_file_chooser_add_filter (dialog, _("Closeloop summaries"), "json", NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A rep of the team view opens on their 1:1 preparation. */
static void
on_rep_activated (ClWindow *self,
                  gint64    rep_id)
{
  ClRepWindow *window = cl_rep_window_new (GTK_WINDOW (self), cl_store_get_path (self->store), rep_id);

  /* plans, drills and look-backs change the team view and loop health */
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (reinspect), self);
  gtk_window_present (GTK_WINDOW (window));
}

/* A deal of the coaching queue opens for coaching. */
static void
on_coaching_entry_activated (ClWindow        *self,
                             ClCoachingEntry *entry)
{
  ClDealCoachingWindow *window = cl_deal_coaching_window_new (GTK_WINDOW (self), cl_store_get_path (self->store),
                                                              entry->item->facts->deal, entry->reasons);

  /* sessions and calls change the queue and loop health at once */
  g_signal_connect_object (window, "recorded", G_CALLBACK (reinspect), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Edits on a deal's page change the flags, the lists and loop health. */
static void
on_deal_window_destroyed (ClWindow     *self,
                          ClDealWindow *window)
{
  if (cl_deal_window_has_changed (window))
    reinspect (self);
}

GtkWindow *
cl_window_open_deal (ClWindow *self,
                     gint64    deal_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  ClDealWindow *window;

  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) open = g_list_model_get_item (toplevels, i);

      if (CL_IS_DEAL_WINDOW (open) && cl_deal_window_get_deal_id (CL_DEAL_WINDOW (open)) == deal_id
          && gtk_window_get_transient_for (GTK_WINDOW (open)) == GTK_WINDOW (self))
        {
          gtk_window_present (GTK_WINDOW (open));
          return GTK_WINDOW (open);
        }
    }
  window = cl_deal_window_new (GTK_WINDOW (self), cl_store_get_path (self->store), deal_id);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_deal_window_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/* A summary of the team library as a worker reads it: a teammate's
 * review, or any other kept document. */
typedef struct
{
  ClLibraryEntry *entry;
  ClSharedReview *review;     /* a weekly review's */
  JsonNode       *document;   /* another's */
  char           *format;
} LibraryRead;

static void
library_read_free (LibraryRead *read)
{
  g_object_unref (read->entry);
  g_clear_pointer (&read->review, cl_shared_review_free);
  g_clear_pointer (&read->document, json_node_unref);
  g_free (read->format);
  g_free (read);
}

static gpointer
read_library_entry (ClStore  *store,
                    gpointer  data,
                    GError  **error)
{
  LibraryRead *read = data;

  if (g_str_equal (read->entry->format, "closeloop.pipeline-review"))
    read->review = cl_shared_review_load (store, read->entry->id, error);
  else
    read->document = cl_summary_load_document (store, read->entry->id, &read->format, error);
  return read->review != NULL || read->document != NULL ? read : NULL;
}

static void
on_library_entry_read (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  g_autoptr (GError) error = NULL;
  LibraryRead *read = cl_store_task_finish (result, &error);
  GtkWindow *window = NULL;

  /* the window closed while the worker read */
  if (self->store == NULL)
    return;
  if (read != NULL && read->review != NULL)
    window = GTK_WINDOW (cl_review_window_new_shared (GTK_WINDOW (self), g_steal_pointer (&read->review)));
  else if (read != NULL)
    window = GTK_WINDOW (cl_summary_window_new (GTK_WINDOW (self), read->entry, read->format, read->document,
                                                &error));
  if (window == NULL)
    {
      show_text_toast (self, error->message);
      return;
    }
  gtk_window_present (window);
}

/* A teammate's summary opens read-only: a weekly review in the review
 * window, deal by deal, like one's own; the others as their documents say. */
void
cl_window_open_library_entry (ClWindow       *self,
                              ClLibraryEntry *entry)
{
  LibraryRead *read = g_new0 (LibraryRead, 1);

  g_return_if_fail (CL_IS_WINDOW (self));
  read->entry = g_object_ref (entry);
  cl_store_task_run (self, cl_store_get_path (self->store), read_library_entry, read,
                     (GDestroyNotify) library_read_free, NULL, NULL, on_library_entry_read, NULL);
}

/* The review of this week, over the pipeline the view has inspected. */
static void
on_review_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  g_autoptr (GError) error = NULL;
  ClReviewWindow *review = cl_review_window_open_finish (result, &error);

  self->review_opening = FALSE;
  g_clear_pointer (&self->review_working, cl_working_toast_end);
  /* the window closed while the review's worker ran */
  if (self->store == NULL)
    {
      if (review != NULL)
        gtk_window_destroy (GTK_WINDOW (review));
      return;
    }
  if (review == NULL)
    {
      show_text_toast (self, error->message);
      return;
    }
  g_signal_connect_swapped (review, "destroy", G_CALLBACK (reinspect), self);
  gtk_window_present (GTK_WINDOW (review));
}

static void
open_review (ClWindow   *self,
             GListModel *snapshot)
{
  ClPipelinePage *pipeline = CL_PIPELINE_PAGE (cl_window_get_view (self, "pipeline"));
  g_autoptr (GPtrArray) agenda = NULL;

  if (self->review_opening)
    return;
  self->review_opening = TRUE;
  self->review_working = cl_working_toast_start (self, (ClShowToast) show_toast, _("Opening the review…"));
  agenda = cl_pipeline_agenda (snapshot);
  cl_review_window_open (GTK_WINDOW (self), cl_store_get_path (self->store), agenda,
                         cl_pipeline_page_get_process (pipeline), cl_pipeline_page_get_flag_settings (pipeline),
                         cl_date_today (), on_review_opened, NULL);
}

/* Asked for while the pipeline is still inspected, the review waits on it,
 * its progress shown on the Pipeline view, and opens once it is in. */
static void
start_review (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  GListModel *snapshot;

  if (!g_str_equal (cl_window_get_state (self), "views"))
    return;
  cl_window_show_view (self, "pipeline");
  snapshot = cl_pipeline_page_get_snapshot (CL_PIPELINE_PAGE (cl_window_get_view (self, "pipeline")));
  if (snapshot != NULL)
    open_review (self, snapshot);
  else if (!self->review_waiting)
    {
      self->review_waiting = TRUE;
      show_text_toast (self, _("The review opens once every open deal is inspected"));
    }
}

#if defined (__GLIBC__)
static gpointer
trim_heaps (gpointer unused)
{
  malloc_trim (0);
  return NULL;
}
#endif

/* The pipeline's worker read every deal in a heap of its thread's own,
 * which glibc keeps once freed: at 100 000 deals a quarter of the window's
 * resident memory. Give those pages back, in a thread of their own: at
 * that size it takes 15 ms. */
static void
release_freed_memory (void)
{
#if defined (__GLIBC__)
  cl_run_in_thread (trim_heaps, NULL);
#endif
}

static void
on_pipeline_loaded (ClWindow *self)
{
  GListModel *snapshot;

  /* the window closed while the page's worker ran: the page outlives it
   * until the worker's result is delivered */
  if (self->pipeline_page == NULL)
    return;
  release_freed_memory ();
  if (!self->review_waiting)
    return;
  snapshot = cl_pipeline_page_get_snapshot (self->pipeline_page);
  self->review_waiting = FALSE;
  /* without a snapshot the view says why */
  if (snapshot != NULL && g_str_equal (cl_window_get_state (self), "views"))
    open_review (self, snapshot);
}

static JsonNode *
build_review (ClStore        *store,
              gconstpointer   week,
              GError        **error)
{
  return cl_review_export_build (store, week, error);
}

/* Exports this week's review at @path, built in a worker thread: every
 * open deal is inspected again, a second or two at 100 000 deals. */
gboolean
cl_window_export_review (ClWindow   *self,
                         const char *path)
{
  char *week = NULL;
  g_autofree char *done = NULL;

  /* the chooser may answer after the workspace closed */
  if (self->store == NULL)
    return FALSE;
  week = cl_date_iso_week (cl_date_today ());
  done = g_strdup_printf (_("Review of %s exported"), week);
  cl_file_export_summary (self, (ClShowToast) show_toast, cl_store_get_path (self->store), build_review, week,
                          g_free, path, _("Exporting the review…"), done);
  return TRUE;
}

/* Asks for a file to open (its @kind's files, ending in @suffix, shown)
 * or where to save (@kind is then the name suggested); the path goes to
 * @chosen. */
static void
choose_path (ClWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *kind,
             const char           *suffix,
             ClFileChosen          chosen)
{
  GtkFileChooserNative *dialog = cl_file_chooser_new (GTK_WINDOW (self), self, title, action, accept, chosen);

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), kind);
  else
    cl_file_chooser_add_filter (dialog, kind, suffix, NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_review (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  g_autofree char *week = cl_date_iso_week (cl_date_today ());
  g_autofree char *name = g_strdup_printf ("review-%s" CL_EXPORT_FILE_EXTENSION, week);

  if (self->store != NULL)
    choose_path (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Review"), _("_Export"), name, NULL,
                 (ClFileChosen) cl_window_export_review);
}

static gpointer
back_up_in_thread (ClStore   *store,
                   gpointer   path,
                   GError   **error)
{
  /* written as it is read: a tree of the whole workspace would hold it
   * several times over (1.3 GB at 100 000 deals) */
  if (!cl_store_write_workspace (store, path, error))
    return NULL;
  return g_strdup (_("Workspace backed up, private notes included"));
}

/* Backs the workspace up at @path in a worker thread. */
gboolean
cl_window_back_up (ClWindow   *self,
                   const char *path)
{
  if (self->store == NULL)
    return FALSE;
  cl_store_task_run_told (self, (ClShowToast) show_toast, cl_store_get_path (self->store), back_up_in_thread,
                          g_strdup (path), g_free, _("Backing up the workspace…"), NULL);
  return TRUE;
}

static void
back_up (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  g_autofree char *day = cl_date_format (cl_date_today ());
  g_autofree char *name = g_strdup_printf ("closeloop-backup-%s.json", day);

  if (self->store != NULL)
    choose_path (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up the Workspace"), _("_Back Up"), name, NULL,
                 (ClFileChosen) cl_window_back_up);
}

/* A backup, and the new workspace it is restored into */
typedef struct
{
  char *backup;
  char *path;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->backup);
  g_free (restore->path);
  g_free (restore);
}

static gpointer
restore_in_thread (ClStore   *no_store,
                   gpointer   data,
                   GError   **error)
{
  Restore *restore = data;
  g_autofree char *shown = NULL;

  if (!cl_store_restore_workspace (restore->backup, restore->path, error))
    return NULL;
  shown = cl_text_isolate (restore->path);
  /* Translators: the new workspace's file */
  return g_strdup_printf (_("Restored into %s"), shown);
}

static void
open_restored (ClWindow *self,
               Restore  *restore)
{
  cl_window_open_workspace (self, restore->path, NULL);
}

/* Restores a backup, in a worker thread, into a new workspace beside the
 * current one, and opens it. */
gboolean
cl_window_restore (ClWindow   *self,
                   const char *backup)
{
  g_autofree char *folder = self->store ? g_path_get_dirname (cl_store_get_path (self->store))
                                        : g_build_filename (g_get_user_data_dir (), "closeloop", NULL);
  g_autofree char *day = cl_date_format (cl_date_today ());
  Restore *restore = g_new0 (Restore, 1);

  restore->backup = g_strdup (backup);
  for (int n = 1; restore->path == NULL || g_file_test (restore->path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = g_strdup_printf ("restored-%s-%d.db", day, n);

      g_free (restore->path);
      restore->path = g_build_filename (folder, name, NULL);
    }
  cl_store_task_run_told (self, (ClShowToast) show_toast, NULL, restore_in_thread, restore,
                          (GDestroyNotify) restore_free, _("Restoring the backup…"), (ClTaskSucceeded) open_restored);
  return TRUE;
}

static gboolean
open_chosen_workspace (ClWindow   *self,
                       const char *path)
{
  g_autofree char *shown = cl_text_isolate (path);
  /* Translators: the workspace's file */
  g_autofree char *opened = g_strdup_printf (_("Opened %s"), shown);

  cl_window_open_workspace (self, path, opened);
  return TRUE;
}

static void
open_workspace (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  choose_path (CL_WINDOW (user_data), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Workspace"), _("_Open"),
               _("Closeloop workspaces"), "db", (ClFileChosen) open_chosen_workspace);
}

static void
new_workspace (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  choose_path (CL_WINDOW (user_data), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Workspace"), _("_Create"),
               _("team.db"), NULL, (ClFileChosen) open_chosen_workspace);
}

static void
restore (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  choose_path (CL_WINDOW (user_data), GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore a Backup"), _("_Restore"),
               _("Closeloop backups"), "json", (ClFileChosen) cl_window_restore);
}

/* ------------------------------------------------------------------ team folder */

/* Without inotify (a network share) the watch hears nothing: look anyway,
 * every minute and whenever the window comes to the front. In the Flatpak
 * sandbox the team folder is reached through the document portal, which
 * sends no change events at all: a teammate's summary is then read at the
 * latest when one comes back to the window. */
#define RESCAN_SECONDS 60

static void
on_team_synced (ClWindow          *self,
                ClTeamFolderSync  *sync,
                ClTeamFolderWatch *watch)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  for (guint i = 0; i < sync->failures->len; i++)
    {
      const char *failure = g_ptr_array_index (sync->failures, i);
      g_autofree char *said = NULL;

      if (g_hash_table_contains (self->told_failures, failure))
        continue;
      g_hash_table_add (self->told_failures, g_strdup (failure));
      /* Translators: the file and why it cannot be read */
      said = g_strdup_printf (_("Not read from the team folder: %s"), failure);
      show_text_toast (self, said);
    }
  for (guint i = 0; i < sync->merged->len; i++)
    show_text_toast (self, g_ptr_array_index (sync->merged, i));
  if (sync->merged->len > 0 && self->development_page != NULL)
    cl_team_page_reload (self->development_page);
  if (sync->arrived->len == 0)
    return;
  /* a brief from the manager among them */
  if (self->my_month_page != NULL)
    cl_my_month_page_reload (self->my_month_page);
  if (sync->arrived->len == 1)
    {
      g_autofree char *described = cl_summary_info_describe (g_ptr_array_index (sync->arrived, 0));

      /* Translators: the summary described, e.g. "Weekly review 2026-W47 by Ana Okafor" */
      text = g_strdup_printf (_("%s arrived"), described);
    }
  else
    text = g_strdup_printf (g_dngettext (NULL, "%u summary arrived from the team folder",
                                         "%u summaries arrived from the team folder", sync->arrived->len),
                            sync->arrived->len);
  toast = cl_toast_new_plain (text);
  adw_toast_set_button_label (toast, _("_Show"));
  /* a brief from the manager is shown where the rep reads it */
  adw_toast_set_detailed_action_name (toast, sync->arrived->len == 1
                                      && g_str_equal (((ClSummaryInfo *) g_ptr_array_index (sync->arrived, 0))->format,
                                                      CL_REP_BRIEF_FORMAT)
                                      ? "win.show-view::month" : "win.show-view::library");
  show_toast (self, toast);
  reload_library (self);
}

static gboolean
rescan_team_folder (gpointer user_data)
{
  ClWindow *self = user_data;

  cl_team_folder_watch_sync (self->team_watch);
  return G_SOURCE_CONTINUE;
}

static void
on_active_changed (ClWindow   *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  if (self->team_watch != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    cl_team_folder_watch_sync (self->team_watch);
}

static void
stop_team_watch (ClWindow *self)
{
  g_clear_handle_id (&self->rescan_id, g_source_remove);
  if (self->team_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->team_watch, self);
  g_clear_object (&self->team_watch);
}

/* The team folder and the owner's subfolder in it, as a worker reads
 * them for the watch. */
typedef struct
{
  guint  asked;      /* the window's count of watches asked for, when this one was */
  char  *folder;
  char  *person;
} WatchRead;

static void
watch_read_free (WatchRead *read)
{
  g_free (read->folder);
  g_free (read->person);
  g_free (read);
}

static gpointer
read_team_folder (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  WatchRead *read = data;

  read->folder = cl_team_folder_get (store);
  if (read->folder != NULL && (read->person = cl_team_folder_own_person (store, error)) == NULL)
    return NULL;
  return read;
}

static void
on_team_folder_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ClWindow *self = CL_WINDOW (source);
  WatchRead *asked = cl_store_task_get_data (result);
  g_autoptr (GError) error = NULL;
  WatchRead *read = cl_store_task_finish (result, &error);

  /* the window closed, or another watch was asked for meanwhile */
  if (self->store == NULL || asked->asked != self->watches_asked)
    return;
  if (read == NULL)
    {
      show_text_toast (self, error->message);
      return;
    }
  if (read->folder == NULL)
    return;
  self->team_watch = cl_team_folder_watch_new (cl_store_get_path (self->store), read->folder, read->person, &error);
  if (self->team_watch == NULL)
    {
      show_text_toast (self, error->message);
      return;
    }
  g_signal_connect_swapped (self->team_watch, "synced", G_CALLBACK (on_team_synced), self);
  cl_team_folder_watch_sync (self->team_watch);
  self->rescan_id = g_timeout_add_seconds (RESCAN_SECONDS, rescan_team_folder, self);
}

void
cl_window_watch_team_folder (ClWindow *self)
{
  WatchRead *read;

  g_return_if_fail (CL_IS_WINDOW (self));
  stop_team_watch (self);
  self->watches_asked++;
  if (self->store == NULL)
    return;
  read = g_new0 (WatchRead, 1);
  read->asked = self->watches_asked;
  cl_store_task_run (self, cl_store_get_path (self->store), read_team_folder, read, (GDestroyNotify) watch_read_free,
                     NULL, NULL, on_team_folder_read, NULL);
}

ClTeamFolderWatch *
cl_window_get_team_folder_watch (ClWindow *self)
{
  g_return_val_if_fail (CL_IS_WINDOW (self), NULL);
  return self->team_watch;
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ClWindow *self = CL_WINDOW (user_data);
  ClPreferencesWindow *preferences;

  if (self->store == NULL)
    return;
  preferences = cl_preferences_window_new (GTK_WINDOW (self), self->store);
  /* thresholds and stages change the flags: inspect again when done */
  g_signal_connect_swapped (preferences, "destroy", G_CALLBACK (reinspect), self);
  g_signal_connect_object (preferences, "team-folder-changed", G_CALLBACK (cl_window_watch_team_folder), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (preferences, "identity-changed", G_CALLBACK (on_identity_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The shortcuts window, built the first time it is asked for: most
 * sessions never open it, and building it held the main loop 15 to 30 ms
 * just after the first frame, and took about 2 MB. Once it is set,
 * GtkApplicationWindow keeps it for this window (transient, hidden on
 * close); this action stands in for the one it would add. */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplicationWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/closeloop/Closeloop/"
                                                                      "help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (self, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry window_actions[] = {
  { "show-help-overlay", show_help_overlay },
  { "show-view", show_view_action, "s" },
  { "search", search_action },
  { "open-sample-team", open_sample_team },
  { "start-review", start_review },
  { "export-review", export_review },
  { "preferences", show_preferences },
  { "import-deals", import_deals },
  { "import-summary", import_summary },
  { "undo-import", undo_import },
  { "back-up", back_up },
  { "restore", restore },
  { "open-workspace", open_workspace },
  { "new-workspace", new_workspace },
};

void
cl_window_set_accels (GtkApplication *application)
{
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *review_accels[] = { "<Control>r", NULL };
  static const char *export_accels[] = { "<Control><Shift>e", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  /* as GtkApplication sets it for the shortcuts window it finds itself */
  static const char *help_accels[] = { "<Control>question", NULL };

  gtk_application_set_accels_for_action (application, "win.search", search_accels);
  gtk_application_set_accels_for_action (application, "win.start-review", review_accels);
  gtk_application_set_accels_for_action (application, "win.export-review", export_accels);
  gtk_application_set_accels_for_action (application, "win.preferences", preferences_accels);
  gtk_application_set_accels_for_action (application, "win.import-deals", import_accels);
  gtk_application_set_accels_for_action (application, "win.open-workspace", open_accels);
  gtk_application_set_accels_for_action (application, "win.show-help-overlay", help_accels);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-view::%s", view_names[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, detailed, accels);
    }
}

/* ------------------------------------------------------------------ window state */

static gboolean
cl_window_close_request (GtkWindow *window)
{
  ClWindow *self = CL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  if (self->sample_cancellable != NULL)
    g_cancellable_cancel (self->sample_cancellable);
  return GTK_WINDOW_CLASS (cl_window_parent_class)->close_request (window);
}

static void
cl_window_dispose (GObject *object)
{
  ClWindow *self = CL_WINDOW (object);

  g_clear_handle_id (&self->sample_timeout, g_source_remove);
  g_clear_handle_id (&self->after_frame_id, g_source_remove);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->opened, opened_workspace_free);
  g_clear_pointer (&self->opened_said, g_free);
  g_clear_pointer (&self->summaries_waiting, g_ptr_array_unref);
  stop_team_watch (self);
  g_clear_pointer (&self->told_failures, g_hash_table_unref);
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->undo_point, g_free);
  g_clear_pointer (&self->review_working, cl_working_toast_forget);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  /* the views go before the library's stack does, and the Overview's
   * worker may outlive the window */
  if (self->library_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->library_stack, self);
  if (self->overview_page != NULL)
    g_signal_handlers_disconnect_by_data (self->overview_page, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_WINDOW);
  /* the views went with their bins */
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    G_STRUCT_MEMBER (GtkWidget *, self, lazy_views[i].page) = NULL;
  G_OBJECT_CLASS (cl_window_parent_class)->dispose (object);
}

static void
cl_window_class_init (ClWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cl_window_close_request;
  widget_class->realize = cl_window_realize;

  g_type_ensure (CL_TYPE_LOADING_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/cl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, sample_progress);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, month_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ClWindow, library_stack);
  for (guint i = 0; i < G_N_ELEMENTS (lazy_views); i++)
    {
      g_autofree char *id = g_strconcat (lazy_views[i].name, "_view", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, lazy_views[i].bin);
    }
}

static void
cl_window_init (ClWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  /* until the workspace says it has an import to undo */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo-import")),
                               FALSE);
  gtk_widget_add_controller (GTK_WIDGET (self),
                             GTK_EVENT_CONTROLLER (cl_file_drop_target_new ((ClFileChosen) import_dropped, self)));
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (on_view_changed), self);
  g_signal_connect_swapped (self->library_stack, "notify::visible-child",
                            G_CALLBACK (on_view_changed), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);

  self->summaries_waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_import_free);
  self->told_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
