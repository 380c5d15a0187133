/* cl-deal-coaching-window.c — coaching one deal: its calls and what the
 * buyer said, scores, sessions and their one next move
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's thread never reads or writes the workspace: its workers do,
 * one after another in the order asked (cl_store_queue_run ()), so a score
 * typed twice lands as its last, and what is read again follows what was
 * written. Beside a command-line import holding the workspace, a score or
 * a session waits for it while the window stays free.
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cl-application.h"
#include "cl-call-import.h"
#include "cl-call-metrics.h"
#include "cl-coaching.h"
#include "cl-coaching-export.h"
#include "cl-deal-brief.h"
#include "cl-deal-coaching-window.h"
#include "cl-rep-brief.h"
#include "cl-export.h"
#include "cl-file-chooser.h"
#include "cl-list-box-rows.h"
#include "cl-plain-text.h"
#include "cl-store-task.h"
#include "cl-text.h"
#include "cl-transcript.h"
#include "cl-trend-chart.h"

/* the scorecard trend covers this many months, the current one included */
#define TREND_MONTHS 6

struct _ClDealCoachingWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkListBox          *calls_list;
  AdwPreferencesGroup *trend_group;
  GtkDropDown         *trend_item_dropdown;
  ClTrendChart        *trend_chart;
  AdwPreferencesGroup *transcript_group;
  GtkSearchEntry      *transcript_search;
  GtkListView         *cues_view;
  GtkListBox          *sessions_list;
  AdwComboRow         *trigger_row;
  AdwEntryRow         *evidence_row;
  AdwEntryRow         *gaps_row;
  AdwEntryRow         *blocker_row;
  AdwEntryRow         *move_row;
  AdwEntryRow         *with_row;
  AdwEntryRow         *due_row;
  AdwEntryRow         *private_row;
  GtkLabel            *story_label;
  GtkListBox          *deal_list;

  char                *workspace;
  ClStoreQueue        *queue;           /* every read and write of the workspace, in turn, in workers */
  ClDeal              *deal;
  GListModel          *calls;           /* ClCall, newest first */
  GListModel          *sessions;        /* ClCoachingSession, newest first */
  GListModel          *items;           /* ClTeamListItem; NULL until read */
  GArray              *scores;          /* int: each call's score on each item, 0 unscored */
  gboolean             saving;          /* a session on its way to the workspace */
  GHashTable          *evidence;        /* call ids ticked as evidence */
  GtkDropTarget       *drop_target;
  GHashTable          *score_spins;     /* call index << 8 | item index → its spin button */
  GHashTable          *pending_scores;  /* "call id item key" → a score typed, not yet written */
  ClTranscript        *transcript;      /* of the call shown */
  char                *rep_speaker;     /* its rep, as the transcript names them */
  char                *shown_title;
  GtkFilterListModel  *cues;
  GtkCustomFilter     *cue_filter;
  GPtrArray           *cue_search;      /* per cue of the transcript, its speaker and text folded */
  char                *needle;          /* the transcript's search folded, NULL when there is none */
  gboolean             can_save;        /* a next move and its day are filled in */
  GCancellable        *cancellable;     /* the deal's flags being read */
};

G_DEFINE_FINAL_TYPE (ClDealCoachingWindow, cl_deal_coaching_window, ADW_TYPE_WINDOW)

enum
{
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const trigger_keys[] = { "key_deal", "stalled", "big_logo", "flagged", "other" };

static void
toast (ClDealCoachingWindow *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, cl_toast_new_plain (text));
}

/* ------------------------------------------------------------------ the form */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
update_form (ClDealCoachingWindow *self)
{
  ClDay due = 0;

  self->can_save = !cl_text_is_blank (row_text (self->move_row)) && cl_date_parse (row_text (self->due_row), &due);
  gtk_widget_set_visible (GTK_WIDGET (self->story_label),
                          cl_coaching_is_story (row_text (self->evidence_row), g_hash_table_size (self->evidence)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coaching.save", self->can_save && !self->saving);
}

static void
reset_form (ClDealCoachingWindow *self)
{
  g_autofree char *due = cl_date_format (cl_date_today () + 7);
  AdwEntryRow *rows[] = { self->evidence_row, self->gaps_row, self->blocker_row, self->move_row,
                          self->with_row, self->private_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  g_hash_table_remove_all (self->evidence);
  update_form (self);
}

/* ------------------------------------------------------------------ the rep's scorecard trend */

/* The rep's trend on an item (every item when @key is NULL), read by a
 * worker; @title names it. */
typedef struct
{
  gint64      owner_id;
  char       *key;
  char       *title;
  GListModel *points;
} TrendRead;

static void
trend_read_free (TrendRead *read)
{
  g_free (read->key);
  g_free (read->title);
  g_clear_object (&read->points);
  g_free (read);
}

static gpointer
read_trend (ClStore  *store,
            gpointer  data,
            GError  **error)
{
  TrendRead *read = data;
  ClDay today = cl_date_today ();

  read->points = cl_store_list_call_trend (store, read->owner_id, CL_CALL_MEASURE_SCORE, read->key,
                                           cl_date_add_months (today, 1 - TREND_MONTHS), today, error);
  return read->points ? read : NULL;
}

static void
on_trend_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (source);
  g_autoptr (GError) error = NULL;
  TrendRead *read = cl_store_task_finish (result, &error);

  if (read == NULL)
    {
      toast (self, error->message);
      return;
    }
  cl_trend_chart_set_title (self->trend_chart, read->title);
  cl_trend_chart_set_points (self->trend_chart, read->points);
}

static void
refresh_trend (ClDealCoachingWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->trend_item_dropdown);
  g_autoptr (ClTeamListItem) item = NULL;
  g_autofree char *owner = NULL, *label = NULL;
  TrendRead *read = g_new0 (TrendRead, 1);

  /* the first choice is every item */
  if (self->items != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    item = g_list_model_get_item (self->items, selected - 1);
  owner = cl_text_isolate (self->deal->owner_name);
  label = item ? cl_text_isolate (item->label) : NULL;
  read->owner_id = self->deal->owner_id;
  read->key = item ? g_strdup (item->key) : NULL;
  read->title = item
                /* Translators: a rep's name and a scorecard item */
                ? g_strdup_printf (_("%s’s score on “%s”"), owner, label)
                /* Translators: a rep's name */
                : g_strdup_printf (_("%s’s mean scorecard score"), owner);
  cl_store_queue_run (self->queue, read_trend, read, (GDestroyNotify) trend_read_free, NULL, on_trend_read);
}

static void
fill_trend_items (ClDealCoachingWindow *self)
{
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *owner = cl_text_isolate (self->deal->owner_name);
  g_autofree char *group_title = g_strdup_printf (_("%s’s Scorecard Trend"), owner);

  gtk_string_list_append (choices, _("Every item"));
  for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr (ClTeamListItem) item = g_list_model_get_item (self->items, i);

      gtk_string_list_append (choices, item->label);
    }
  cl_preferences_group_set_plain_title (self->trend_group, group_title);
  gtk_drop_down_set_model (self->trend_item_dropdown, G_LIST_MODEL (choices));
  g_signal_connect_swapped (self->trend_item_dropdown, "notify::selected", G_CALLBACK (refresh_trend), self);
}

/* ------------------------------------------------------------------ calls */

/* A score typed, written by a worker in its turn. */
typedef struct
{
  gint64  call_id;
  char   *key;
  int     score;
} ScoreWrite;

static void
score_write_free (ScoreWrite *write)
{
  g_free (write->key);
  g_free (write);
}

static char *
score_key (gint64      call_id,
           const char *item_key)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", call_id, item_key);
}

static gpointer
write_score (ClStore  *store,
             gpointer  data,
             GError  **error)
{
  ScoreWrite *write = data;

  return cl_store_set_call_score (store, write->call_id, write->key, write->score, error) ? write : NULL;
}

static void
on_score_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (source);
  ScoreWrite *write = cl_store_task_get_data (result);
  g_autofree char *key = score_key (write->call_id, write->key);
  g_autoptr (GError) error = NULL;

  /* written, or not: a later score of the same item still waits */
  if (GPOINTER_TO_INT (g_hash_table_lookup (self->pending_scores, key)) == write->score)
    g_hash_table_remove (self->pending_scores, key);
  if (cl_store_task_finish (result, &error) == NULL)
    toast (self, error->message);
}

static void
on_score_changed (GtkSpinButton        *spin,
                  ClDealCoachingWindow *self)
{
  ClCall *call = g_object_get_data (G_OBJECT (spin), "call");
  ClTeamListItem *item = g_object_get_data (G_OBJECT (spin), "item");
  ScoreWrite *write;

  if (gtk_spin_button_get_value_as_int (spin) <= 0)
    return;
  write = g_new0 (ScoreWrite, 1);
  write->call_id = call->id;
  write->key = g_strdup (item->key);
  write->score = gtk_spin_button_get_value_as_int (spin);
  /* rows made again before it is written show it */
  g_hash_table_insert (self->pending_scores, score_key (call->id, item->key), GINT_TO_POINTER (write->score));
  cl_store_queue_run (self->queue, write_score, write, (GDestroyNotify) score_write_free, NULL, on_score_written);
  refresh_trend (self);
}

static void
on_evidence_toggled (GtkCheckButton       *check,
                     ClDealCoachingWindow *self)
{
  ClCall *call = g_object_get_data (G_OBJECT (check), "call");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->evidence, g_memdup2 (&call->id, sizeof call->id));
  else
    g_hash_table_remove (self->evidence, &call->id);
  update_form (self);
}

static void
on_read_clicked (GtkButton            *button,
                 ClDealCoachingWindow *self)
{
  cl_deal_coaching_window_show_transcript (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                                      "index")));
}

static char *
describe_call (ClCall *call)
{
  g_autofree char *day = cl_date_format (call->held_on);

  if (call->talk_ratio < 0)
    return g_steal_pointer (&day);
  /* Translators: a day, the rep's share of talk, questions asked, the longest monologue */
  return g_strdup_printf (_("%s · rep talked %d %% · %d questions · longest monologue %d s"), day,
                          (int) (call->talk_ratio * 100 + 0.5), call->questions, call->longest_monologue_s);
}

static GtkWidget *
create_call_row (ClDealCoachingWindow *self,
                 ClCall               *call,
                 guint                 index)
{
  guint n_items = g_list_model_get_n_items (self->items);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *read = gtk_button_new_from_icon_name ("x-office-document-symbolic");
  g_autofree char *subtitle = describe_call (call);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), call->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (check, _("Looked at in this session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use this call as evidence"), -1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "call", g_object_ref (call), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (on_evidence_toggled), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

  gtk_widget_set_valign (read, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (read, _("Read the transcript"));
  gtk_widget_set_sensitive (read, call->transcript != NULL);
  gtk_widget_add_css_class (read, "flat");
  g_object_set_data (G_OBJECT (read), "index", GUINT_TO_POINTER (index));
  g_signal_connect (read, "clicked", G_CALLBACK (on_read_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), read);

  /* the scorecard, 1–5 per item; 0 is not scored yet */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (ClTeamListItem) item = g_list_model_get_item (self->items, i);
      GtkWidget *score_row = cl_action_row_new_plain (item->label, NULL);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 5, 1);

      g_autofree char *key = score_key (call->id, item->key);
      gpointer pending = g_hash_table_lookup (self->pending_scores, key);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 pending ? GPOINTER_TO_INT (pending)
                                         : g_array_index (self->scores, int, index * n_items + i));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, item->label, -1);
      g_object_set_data_full (G_OBJECT (spin), "call", g_object_ref (call), g_object_unref);
      g_object_set_data_full (G_OBJECT (spin), "item", g_object_ref (item), g_object_unref);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_score_changed), self);
      g_hash_table_insert (self->score_spins, GUINT_TO_POINTER (index << 8 | i), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (score_row), spin);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), score_row);
    }
  return row;
}

/* ------------------------------------------------------------------ the transcript */

static guint
cue_index (GtkStringObject *index)
{
  return (guint) g_ascii_strtoull (gtk_string_object_get_string (index), NULL, 10);
}

static const ClCue *
cue_of (ClDealCoachingWindow *self,
        GtkStringObject      *index)
{
  guint i = cue_index (index);

  return i < self->transcript->cues->len ? self->transcript->cues->pdata[i] : NULL;
}

static gboolean
cue_matches (gpointer item,
             gpointer user_data)
{
  ClDealCoachingWindow *self = user_data;
  guint i = cue_index (item);

  if (self->cue_search == NULL || i >= self->cue_search->len)
    return FALSE;
  return self->needle == NULL || strstr (self->cue_search->pdata[i], self->needle) != NULL;
}

static void
setup_cue (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *speaker = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (speaker), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), FALSE);
  gtk_widget_add_css_class (speaker, "caption-heading");
  gtk_box_append (GTK_BOX (box), speaker);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cue (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  ClDealCoachingWindow *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *speaker = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (speaker);
  const ClCue *cue = cue_of (self, gtk_list_item_get_item (list_item));
  gboolean rep = g_strcmp0 (cue->speaker, self->rep_speaker) == 0;
  g_autofree char *at = cl_transcript_format_time (cue->start_ms);
  g_autofree char *who = cl_text_isolate (*cue->speaker ? cue->speaker : _("Unknown speaker"));
  g_autofree char *heading = NULL;

  /* Translators: a speaker, whether they are the rep or the buyer, and when they spoke */
  heading = g_strdup_printf (_("%s (%s) · %s"), who, rep ? _("rep") : _("buyer"), at);
  gtk_label_set_text (GTK_LABEL (speaker), heading);
  gtk_widget_remove_css_class (speaker, rep ? "buyer-speaker" : "rep-speaker");
  gtk_widget_add_css_class (speaker, rep ? "rep-speaker" : "buyer-speaker");
  gtk_label_set_text (GTK_LABEL (text), cue->text);
}

/* A clicked line becomes a quote in the evidence. */
static void
on_cue_activated (GtkListView          *view,
                  guint                 position,
                  ClDealCoachingWindow *self)
{
  g_autoptr (GtkStringObject) index = g_list_model_get_item (G_LIST_MODEL (self->cues), position);
  const ClCue *cue = index ? cue_of (self, index) : NULL;
  const char *before = row_text (self->evidence_row);
  g_autofree char *at = NULL, *quote = NULL, *joined = NULL;

  if (cue == NULL)
    return;
  at = cl_transcript_format_time (cue->start_ms);
  /* Translators: a quote, who said it, the call and when in the call */
  quote = g_strdup_printf (_("“%s” — %s, %s at %s"), cue->text, cue->speaker, self->shown_title, at);
  joined = *before ? g_strconcat (before, " ", quote, NULL) : g_strdup (quote);
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_row), joined);
  toast (self, _("Quoted as evidence"));
}

void
cl_deal_coaching_window_show_transcript (ClDealCoachingWindow *self,
                                         guint                 index)
{
  g_autoptr (ClCall) call = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) indexes = gtk_string_list_new (NULL);

  g_return_if_fail (CL_IS_DEAL_COACHING_WINDOW (self));
  call = g_list_model_get_item (self->calls, index);
  if (call == NULL || call->transcript == NULL)
    return;
  g_clear_pointer (&self->transcript, cl_transcript_free);
  g_clear_pointer (&self->rep_speaker, g_free);
  g_clear_pointer (&self->cue_search, g_ptr_array_unref);
  self->transcript = cl_transcript_parse (call->transcript, strlen (call->transcript), call->title,
                                          cl_transcript_format_from_string (call->transcript_format), &error);
  if (self->transcript == NULL)
    {
      toast (self, error->message);
      gtk_filter_list_model_set_model (self->cues, NULL);
      return;
    }
  self->rep_speaker = cl_call_metrics_find_rep (self->transcript, call->rep_name, NULL);
  self->cue_search = g_ptr_array_new_full (self->transcript->cues->len, g_free);
  g_free (self->shown_title);
  self->shown_title = g_strdup (call->title);
  for (guint i = 0; i < self->transcript->cues->len; i++)
    {
      const ClCue *cue = self->transcript->cues->pdata[i];
      char number[16];
      g_autofree char *both = g_strconcat (cue->speaker, "\n", cue->text, NULL);

      g_snprintf (number, sizeof number, "%u", i);
      gtk_string_list_append (indexes, number);
      g_ptr_array_add (self->cue_search, cl_text_fold (both));
    }
  gtk_filter_list_model_set_model (self->cues, G_LIST_MODEL (indexes));
  cl_preferences_group_set_plain_title (self->transcript_group, call->title);
  gtk_widget_set_visible (GTK_WIDGET (self->transcript_group), TRUE);
}

static void
on_search_changed (ClDealCoachingWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->transcript_search));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = cl_text_fold (text);
  gtk_filter_changed (GTK_FILTER (self->cue_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
cl_deal_coaching_window_search_transcript (ClDealCoachingWindow *self,
                                           const char           *text)
{
  g_return_if_fail (CL_IS_DEAL_COACHING_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->transcript_search), text);
  on_search_changed (self);   /* at once, not after the entry's typing delay */
}

guint
cl_deal_coaching_window_get_n_cues_shown (ClDealCoachingWindow *self)
{
  g_return_val_if_fail (CL_IS_DEAL_COACHING_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->cues));
}

/* ------------------------------------------------------------------ the deal's coaching, read and changed */

typedef enum {
  CHANGE_NONE,        /* read only: the window opens */
  CHANGE_ATTACH,      /* a transcript attached */
  CHANGE_SESSION,     /* a session recorded */
  CHANGE_FOLLOW_UP,   /* a session's follow-up recorded */
} ChangeKind;

/* What a worker writes of the deal's coaching, then the coaching as it
 * reads after: the calls with their scores, and the sessions. */
typedef struct
{
  ChangeKind         kind;
  gint64             deal_id;
  gint64             owner_id;
  ClDay              today;
  GListModel        *items;       /* the scorecard; read when NULL (the window opens) */
  char              *path;        /* CHANGE_ATTACH: the transcript */
  ClCoachingSession *session;     /* CHANGE_SESSION: the session; CHANGE_FOLLOW_UP: the one followed up */
  GArray            *evidence;    /* CHANGE_SESSION: gint64, the calls looked at */
  ClDay              due;         /* CHANGE_SESSION: the next move's day */
  ClFollowUp         follow_up;   /* CHANGE_FOLLOW_UP */
  char              *note;        /* CHANGE_FOLLOW_UP */
  /* read back */
  GListModel        *calls;
  GListModel        *sessions;
  GArray            *scores;      /* int, call by call, item by item; 0 unscored */
  char              *brief_error; /* the owner's brief could not say so; the session stands */
  char              *read_error;  /* the coaching could not be read back; the change stands */
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->items);
  g_free (change->path);
  g_clear_object (&change->session);
  g_clear_pointer (&change->evidence, g_array_unref);
  g_free (change->note);
  g_clear_object (&change->calls);
  g_clear_object (&change->sessions);
  g_clear_pointer (&change->scores, g_array_unref);
  g_free (change->brief_error);
  g_free (change->read_error);
  g_free (change);
}

static gboolean
write_change (ClStore  *store,
              Change   *change,
              GError  **error)
{
  g_autoptr (ClCall) call = NULL;
  g_autoptr (GError) brief_error = NULL;

  switch (change->kind)
    {
    case CHANGE_NONE:
      return TRUE;
    case CHANGE_ATTACH:
      call = cl_call_import_transcript (store, change->path, change->deal_id, NULL, change->today, error);
      return call != NULL;
    case CHANGE_FOLLOW_UP:
      return cl_coaching_set_follow_up (store, change->session, change->follow_up, change->note, change->today,
                                        error);
    case CHANGE_SESSION:
      if (!cl_coaching_record_session (store, change->session, change->due, change->evidence, error))
        return FALSE;
      /* the next move is an open action of the deal's owner: their brief says so */
      if (!cl_rep_brief_publish_after_change (store, change->owner_id, &brief_error))
        change->brief_error = g_strdup (brief_error->message);
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The coaching as it reads now: the calls with their scores, and the
 * sessions (and the scorecard, the first time). */
static gboolean
read_coaching (ClStore  *store,
               Change   *change,
               GError  **error)
{
  guint n_items;

  if (change->items == NULL
      && (change->items = cl_store_list_team_list (store, CL_TEAM_LIST_SCORECARD, error)) == NULL)
    return FALSE;
  change->calls = cl_store_list_calls (store, change->deal_id, error);
  if (change->calls == NULL
      || (change->sessions = cl_store_list_coaching_sessions (store, change->deal_id, error)) == NULL)
    return FALSE;
  n_items = g_list_model_get_n_items (change->items);
  change->scores = g_array_new (FALSE, TRUE, sizeof (int));
  for (guint i = 0; i < g_list_model_get_n_items (change->calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (change->calls, i);

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr (ClTeamListItem) item = g_list_model_get_item (change->items, j);
          int score = MAX (cl_store_get_call_score (store, call->id, item->key, NULL), 0);

          g_array_append_val (change->scores, score);
        }
    }
  return TRUE;
}

static gpointer
change_in_worker (ClStore  *store,
                  gpointer  data,
                  GError  **error)
{
  Change *change = data;
  g_autoptr (GError) read_error = NULL;

  if (!write_change (store, change, error))
    return NULL;
  /* opening, nothing was written: a read that fails is the job's failure */
  if (change->kind == CHANGE_NONE)
    return read_coaching (store, change, error) ? change : NULL;
  /* a change written stands, even when reading it back fails */
  if (!read_coaching (store, change, &read_error))
    change->read_error = g_strdup (read_error->message);
  return change;
}

static void show_coaching (ClDealCoachingWindow *self,
                           Change               *change);

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (source);
  Change *asked = cl_store_task_get_data (result);
  g_autoptr (GError) error = NULL;
  Change *change = cl_store_task_finish (result, &error);

  if (asked->kind == CHANGE_SESSION)
    {
      self->saving = FALSE;
      update_form (self);
    }
  if (change == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (change->read_error != NULL)
    toast (self, change->read_error);
  else
    show_coaching (self, change);
  switch (change->kind)
    {
    case CHANGE_NONE:
      return;
    case CHANGE_ATTACH:
      if (change->read_error == NULL)
        cl_deal_coaching_window_show_transcript (self, 0);
      toast (self, _("Transcript attached and measured"));
      break;
    case CHANGE_FOLLOW_UP:
      toast (self, cl_follow_up_label (change->follow_up));
      break;
    case CHANGE_SESSION:
      if (change->brief_error != NULL)
        toast (self, change->brief_error);
      toast (self, cl_coaching_from_story (change->session)
                     ? _("Session saved; it was coached from the rep's story")
                     : _("Session saved; its next move is an open action"));
      reset_form (self);
      break;
    default:
      g_return_if_reached ();
    }
  g_signal_emit (self, signals[RECORDED], 0);
}

/* Writes @kind of change (the rest of @change filled in), then reads the
 * coaching again, in the window's turn. */
static void
run_change (ClDealCoachingWindow *self,
            ChangeKind            kind,
            Change               *change)
{
  change->kind = kind;
  change->deal_id = self->deal->id;
  change->owner_id = self->deal->owner_id;
  change->today = cl_date_today ();
  change->items = self->items ? g_object_ref (self->items) : NULL;
  cl_store_queue_run (self->queue, change_in_worker, change, (GDestroyNotify) change_free, NULL, on_changed);
}

/* ------------------------------------------------------------------ sessions */

static gboolean
record_follow_up (ClDealCoachingWindow *self,
                  ClCoachingSession    *session,
                  ClFollowUp            follow_up,
                  const char           *note)
{
  Change *change = g_new0 (Change, 1);

  change->session = g_object_ref (session);
  change->follow_up = follow_up;
  change->note = g_strdup (note);
  run_change (self, CHANGE_FOLLOW_UP, change);
  return TRUE;
}

gboolean
cl_deal_coaching_window_record_follow_up (ClDealCoachingWindow *self,
                                          guint                 index,
                                          gboolean              happened,
                                          const char           *note)
{
  g_autoptr (ClCoachingSession) session = NULL;

  g_return_val_if_fail (CL_IS_DEAL_COACHING_WINDOW (self), FALSE);
  if (index >= cl_deal_coaching_window_get_n_sessions (self))
    return FALSE;
  session = g_list_model_get_item (self->sessions, index);
  return record_follow_up (self, session, happened ? CL_FOLLOW_UP_HAPPENED : CL_FOLLOW_UP_DID_NOT_HAPPEN, note);
}

static void
on_follow_up_response (AdwMessageDialog     *dialog,
                       const char           *response,
                       ClDealCoachingWindow *self)
{
  GtkEditable *note = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "record") == 0)
    record_follow_up (self, g_object_get_data (G_OBJECT (dialog), "session"),
                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "follow-up")),
                      gtk_editable_get_text (note));
}

/* Asks what changed, then records whether the next move happened. */
static void
on_follow_up_clicked (GtkButton            *button,
                      ClDealCoachingWindow *self)
{
  ClCoachingSession *session = g_object_get_data (G_OBJECT (button), "session");
  ClFollowUp follow_up = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "follow-up"));
  GtkWidget *note = gtk_entry_new ();
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         cl_follow_up_label (follow_up),
                                                                         session->next_move));

  gtk_entry_set_placeholder_text (GTK_ENTRY (note), follow_up == CL_FOLLOW_UP_HAPPENED
                                                    ? _("What changed? (optional)")
                                                    : _("What got in the way? (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Follow-up note"), -1);
  adw_message_dialog_set_extra_child (dialog, note);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "session", g_object_ref (session), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "follow-up", GINT_TO_POINTER (follow_up));
  g_signal_connect (dialog, "response", G_CALLBACK (on_follow_up_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
follow_up_button (ClDealCoachingWindow *self,
                  ClCoachingSession    *session,
                  ClFollowUp            follow_up,
                  const char           *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "session", g_object_ref (session), g_object_unref);
  g_object_set_data (G_OBJECT (button), "follow-up", GINT_TO_POINTER (follow_up));
  g_signal_connect (button, "clicked", G_CALLBACK (on_follow_up_clicked), self);
  return button;
}

/* "With Dana Reyes · Happened: the CFO joined the call" */
static char *
describe_session (ClCoachingSession *session)
{
  GString *text = g_string_new (NULL);

  if (*session->next_move_with)
    {
      g_autofree char *with = cl_text_isolate (session->next_move_with);

      /* Translators: whom the next move is with */
      g_string_append_printf (text, _("With %s · "), with);
    }
  g_string_append (text, cl_follow_up_label (session->follow_up));
  if (!cl_text_is_blank (session->follow_up_note))
    {
      g_autofree char *note = cl_text_isolate (session->follow_up_note);

      g_string_append_printf (text, ": %s", note);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
create_session_row (ClDealCoachingWindow *self,
                    ClCoachingSession    *session)
{
  g_autofree char *day = cl_date_format (session->held_on);
  g_autofree char *move = cl_text_isolate (session->next_move);
  g_autofree char *title = g_strjoin (cl_text_parts_separator (), day, move, NULL);
  g_autofree char *subtitle = describe_session (session);
  GtkWidget *row = cl_action_row_new_plain (title, subtitle);

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (cl_coaching_from_story (session))
    {
      GtkWidget *story = gtk_label_new (_("From the rep's story"));

      gtk_widget_add_css_class (story, "warning");
      gtk_widget_add_css_class (story, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), story);
    }
  if (session->follow_up == CL_FOLLOW_UP_PENDING)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (box, "linked");
      gtk_box_append (GTK_BOX (box), follow_up_button (self, session, CL_FOLLOW_UP_HAPPENED, _("_Happened")));
      gtk_box_append (GTK_BOX (box), follow_up_button (self, session, CL_FOLLOW_UP_DID_NOT_HAPPEN,
                                                       _("_Did Not")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
    }
  return row;
}

/* The coaching as last read: after the window opens, an attach, a
 * session, a follow-up. */
static void
show_coaching (ClDealCoachingWindow *self,
               Change               *change)
{
  if (self->items == NULL)
    {
      self->items = g_object_ref (change->items);
      fill_trend_items (self);
      refresh_trend (self);
    }
  g_set_object (&self->calls, change->calls);
  g_set_object (&self->sessions, change->sessions);
  g_clear_pointer (&self->scores, g_array_unref);
  self->scores = g_array_ref (change->scores);
  cl_list_box_remove_rows (self->calls_list);
  g_hash_table_remove_all (self->score_spins);
  for (guint i = 0; i < g_list_model_get_n_items (self->calls); i++)
    {
      g_autoptr (ClCall) call = g_list_model_get_item (self->calls, i);

      gtk_list_box_append (self->calls_list, create_call_row (self, call, i));
    }
  cl_list_box_remove_rows (self->sessions_list);
  for (guint i = 0; i < g_list_model_get_n_items (self->sessions); i++)
    {
      g_autoptr (ClCoachingSession) session = g_list_model_get_item (self->sessions, i);

      gtk_list_box_append (self->sessions_list, create_session_row (self, session));
    }
  g_hash_table_remove_all (self->evidence);
  update_form (self);
}

/* ------------------------------------------------------------------ actions */

/* Attaches the transcript at @path, read, measured and written by a
 * worker; FALSE (and said) when it is not a file. */
gboolean
cl_deal_coaching_window_attach (ClDealCoachingWindow *self,
                                const char           *path)
{
  g_autofree char *refusal = NULL;
  Change *change;

  g_return_val_if_fail (CL_IS_DEAL_COACHING_WINDOW (self), FALSE);
  if ((refusal = cl_file_chosen_refusal (path)) != NULL)
    {
      toast (self, refusal);
      return FALSE;
    }
  change = g_new0 (Change, 1);
  change->path = g_strdup (path);
  run_change (self, CHANGE_ATTACH, change);
  return TRUE;
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (widget);
  GtkFileChooserNative *dialog = cl_file_chooser_new (GTK_WINDOW (self), self, _("Attach a Transcript"),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"),
                                                      (ClFileChosen) cl_deal_coaching_window_attach);

  cl_file_chooser_add_filter (dialog, _("Transcripts (WebVTT, SRT, text)"), "vtt", "srt", "txt", NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static JsonNode *
build_coaching (ClStore        *store,
                gconstpointer   deal_id,
                GError        **error)
{
  return cl_coaching_export_build (store, *(const gint64 *) deal_id, FALSE, error);
}

/* Exports the deal's coaching, private notes left out, at @path: built in
 * a worker thread. */
gboolean
cl_deal_coaching_window_export (ClDealCoachingWindow *self,
                                const char           *path)
{
  g_return_val_if_fail (CL_IS_DEAL_COACHING_WINDOW (self), FALSE);
  cl_file_export_summary (self->toast_overlay, (ClShowToast) adw_toast_overlay_add_toast,
                          self->workspace, build_coaching,
                          g_memdup2 (&self->deal->id, sizeof self->deal->id), g_free, path,
                          _("Exporting the coaching…"), _("Coaching exported, without private notes"));
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (widget);
  GtkFileChooserNative *dialog = cl_file_chooser_new (GTK_WINDOW (self), self, _("Export the Deal's Coaching"),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                      (ClFileChosen) cl_deal_coaching_window_export);
  g_autofree char *name = g_strdup_printf ("coaching-deal-%" G_GINT64_FORMAT CL_EXPORT_FILE_EXTENSION,
                                           self->deal->id);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Records the session the form holds, written by a worker; FALSE while
 * the form lacks its next move and day, or a session is on its way. */
gboolean
cl_deal_coaching_window_save_session (ClDealCoachingWindow *self)
{
  Change *change;
  ClCoachingSession *session;
  GHashTableIter iter;
  gpointer call_id;

  g_return_val_if_fail (CL_IS_DEAL_COACHING_WINDOW (self), FALSE);
  if (!self->can_save || self->saving)
    return FALSE;
  change = g_new0 (Change, 1);
  session = change->session = g_object_new (CL_TYPE_COACHING_SESSION, NULL);
  cl_date_parse (row_text (self->due_row), &change->due);
  session->deal_id = self->deal->id;
  session->held_on = cl_date_today ();
  session->trigger = g_strdup (trigger_keys[adw_combo_row_get_selected (self->trigger_row)]);
  session->evidence = g_strstrip (g_strdup (row_text (self->evidence_row)));
  session->gaps = g_strstrip (g_strdup (row_text (self->gaps_row)));
  session->blocker = g_strstrip (g_strdup (row_text (self->blocker_row)));
  session->next_move = g_strstrip (g_strdup (row_text (self->move_row)));
  session->next_move_with = g_strstrip (g_strdup (row_text (self->with_row)));
  session->private_notes = g_strdup (row_text (self->private_row));
  change->evidence = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->evidence);
  while (g_hash_table_iter_next (&iter, &call_id, NULL))
    g_array_append_val (change->evidence, *(gint64 *) call_id);
  self->saving = TRUE;
  update_form (self);
  run_change (self, CHANGE_SESSION, change);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cl_deal_coaching_window_save_session (CL_DEAL_COACHING_WINDOW (widget));
}

void
cl_deal_coaching_window_fill_session (ClDealCoachingWindow *self,
                                      const char           *evidence,
                                      const char           *next_move,
                                      const char           *with,
                                      const char           *due)
{
  g_return_if_fail (CL_IS_DEAL_COACHING_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_row), evidence);
  gtk_editable_set_text (GTK_EDITABLE (self->move_row), next_move);
  gtk_editable_set_text (GTK_EDITABLE (self->with_row), with);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
}

gboolean
cl_deal_coaching_window_can_save (ClDealCoachingWindow *self)
{
  g_return_val_if_fail (CL_IS_DEAL_COACHING_WINDOW (self), FALSE);
  return self->can_save;
}

const char *
cl_deal_coaching_window_get_owner_name (ClDealCoachingWindow *self)
{
  return self->deal->owner_name;
}

gboolean
cl_deal_coaching_window_is_busy (ClDealCoachingWindow *self)
{
  return cl_store_queue_is_busy (self->queue);
}

guint
cl_deal_coaching_window_get_n_calls (ClDealCoachingWindow *self)
{
  return self->calls ? g_list_model_get_n_items (self->calls) : 0;
}

guint
cl_deal_coaching_window_get_n_sessions (ClDealCoachingWindow *self)
{
  return self->sessions ? g_list_model_get_n_items (self->sessions) : 0;
}

GtkDropTarget *
cl_deal_coaching_window_get_drop_target (ClDealCoachingWindow *self)
{
  return self->drop_target;
}

const char *
cl_deal_coaching_window_get_trend_summary (ClDealCoachingWindow *self)
{
  return cl_trend_chart_get_summary (self->trend_chart);
}

int
cl_deal_coaching_window_get_score (ClDealCoachingWindow *self,
                                   guint                 call_index,
                                   guint                 item_index)
{
  GtkWidget *spin = g_hash_table_lookup (self->score_spins, GUINT_TO_POINTER (call_index << 8 | item_index));

  g_return_val_if_fail (spin != NULL, -1);
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
}

void
cl_deal_coaching_window_set_score (ClDealCoachingWindow *self,
                                   guint                 call_index,
                                   guint                 item_index,
                                   int                   score)
{
  GtkWidget *spin = g_hash_table_lookup (self->score_spins, GUINT_TO_POINTER (call_index << 8 | item_index));

  g_return_if_fail (spin != NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), score);
}

/* ------------------------------------------------------------------ the deal and its flags */

static gpointer
read_deal_brief (ClStore   *store,
                 gpointer   data,
                 GError   **error)
{
  return cl_deal_brief_load (store, *(gint64 *) data, cl_date_today (), error);
}

/* What the coach should know before the session: the deal's amount, stage
 * and close date, and each flag in its sentence. */
static void
on_deal_brief_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (ClDealBrief) brief = cl_store_task_finish (result, &error);
  g_autofree char *amount = NULL, *close = NULL;

  if (brief == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  amount = cl_money_format (brief->deal->amount_cents, brief->deal->currency);
  close = cl_date_format (brief->deal->close_date);
  cl_list_box_remove_rows (self->deal_list);
  gtk_list_box_append (self->deal_list, cl_action_row_new_plain (_("Amount"), amount));
  gtk_list_box_append (self->deal_list, cl_action_row_new_plain (_("Stage"), brief->deal->stage_name));
  gtk_list_box_append (self->deal_list, cl_action_row_new_plain (_("Close date"), close));
  for (guint i = 0; i < CL_N_FLAGS; i++)
    {
      ClFlag flag = cl_flags_by_severity[i];

      if (brief->flags & (1u << flag))
        gtk_list_box_append (self->deal_list,
                             cl_action_row_new_plain (brief->flag_sentences[flag], cl_flag_label (flag)));
    }
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cl_application_open_deal (CL_DEAL_COACHING_WINDOW (widget)->deal->id);
}

/* ------------------------------------------------------------------ the window */

/**
 * cl_deal_coaching_window_new:
 * @parent: the window it opens over
 * @workspace: the workspace's path
 * @deal: the deal to coach, as the coaching queue shows it
 * @reasons: #ClCoachReason, to preselect why the session happens
 *
 * Makes the deal's coaching window; a worker reads its calls, scores and
 * sessions as it shows.
 *
 * Returns: (transfer none): the window, not yet shown; GTK holds it until
 *   it is destroyed
 */
ClDealCoachingWindow *
cl_deal_coaching_window_new (GtkWindow  *parent,
                             const char *workspace,
                             ClDeal     *deal,
                             guint       reasons)
{
  ClDealCoachingWindow *self = g_object_new (CL_TYPE_DEAL_COACHING_WINDOW, "transient-for", parent, NULL);
  g_autofree char *subtitle = NULL, *account = NULL, *owner = NULL;

  self->workspace = g_strdup (workspace);
  self->queue = cl_store_queue_new (self, workspace);
  self->deal = g_object_ref (deal);
  account = cl_text_isolate (self->deal->account);
  owner = cl_text_isolate (self->deal->owner_name);
  /* Translators: the deal's account and its owner */
  subtitle = g_strdup_printf (_("%s · %s"), account, owner);
  adw_window_title_set_title (self->window_title, self->deal->name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), self->deal->name);
  adw_combo_row_set_selected (self->trigger_row, reasons & CL_COACH_KEY_DEAL ? 0
                                                 : reasons & CL_COACH_STALLED ? 1
                                                 : reasons & CL_COACH_FLAGGED ? 3 : 4);
  cl_store_task_run (self, workspace, read_deal_brief, g_memdup2 (&deal->id, sizeof deal->id), g_free,
                     (GDestroyNotify) cl_deal_brief_free, self->cancellable, on_deal_brief_read, NULL);
  reset_form (self);
  run_change (self, CHANGE_NONE, g_new0 (Change, 1));
  return self;
}

static void
cl_deal_coaching_window_dispose (GObject *object)
{
  ClDealCoachingWindow *self = CL_DEAL_COACHING_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->calls);
  g_clear_object (&self->sessions);
  g_clear_object (&self->items);
  g_clear_object (&self->deal);
  g_clear_pointer (&self->queue, cl_store_queue_close);
  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->workspace, g_free);
  g_clear_object (&self->cues);
  g_clear_pointer (&self->transcript, cl_transcript_free);
  g_clear_pointer (&self->rep_speaker, g_free);
  g_clear_pointer (&self->cue_search, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->shown_title, g_free);
  g_clear_pointer (&self->evidence, g_hash_table_unref);
  g_clear_pointer (&self->score_spins, g_hash_table_unref);
  g_clear_pointer (&self->pending_scores, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_DEAL_COACHING_WINDOW);
  G_OBJECT_CLASS (cl_deal_coaching_window_parent_class)->dispose (object);
}

/* What the window asked to write is written before it goes. */
static gboolean
cl_deal_coaching_window_close_request (GtkWindow *window)
{
  if (cl_store_queue_hold_close (CL_DEAL_COACHING_WINDOW (window)->queue, window,
                                 CL_DEAL_COACHING_WINDOW (window)->window_title))
    return TRUE;
  return GTK_WINDOW_CLASS (cl_deal_coaching_window_parent_class)->close_request (window);
}

static void
cl_deal_coaching_window_class_init (ClDealCoachingWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cl_deal_coaching_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cl_deal_coaching_window_close_request;

  /**
   * ClDealCoachingWindow::recorded:
   *
   * A session, a follow-up or a call was recorded: the coaching queue and
   * loop health read differently now.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/closeloop/Closeloop/coaching/cl-deal-coaching-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, calls_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, trend_group);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, trend_item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, transcript_group);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, transcript_search);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, cues_view);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, trigger_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, gaps_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, blocker_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, move_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, with_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, private_row);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, story_label);
  gtk_widget_class_bind_template_child (widget_class, ClDealCoachingWindow, deal_list);

  gtk_widget_class_install_action (widget_class, "coaching.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "coaching.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "coaching.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "coaching.open-deal", NULL, open_deal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "coaching.open-deal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "coaching.attach", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "coaching.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "coaching.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cl_deal_coaching_window_init (ClDealCoachingWindow *self)
{
  g_autoptr (GtkStringList) triggers = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  AdwEntryRow *rows[3];
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->score_spins = g_hash_table_new (NULL, NULL);
  self->pending_scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_string_list_append (triggers, _("Key deal at a critical stage"));
  gtk_string_list_append (triggers, _("Stalled"));
  gtk_string_list_append (triggers, _("Big logo"));
  gtk_string_list_append (triggers, _("Flagged in the review"));
  gtk_string_list_append (triggers, _("Other"));
  adw_combo_row_set_model (self->trigger_row, G_LIST_MODEL (triggers));

  rows[0] = self->evidence_row, rows[1] = self->move_row, rows[2] = self->due_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (update_form), self);

  self->cue_filter = gtk_custom_filter_new (cue_matches, self, NULL);
  self->cues = gtk_filter_list_model_new (NULL, GTK_FILTER (self->cue_filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cue), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cue), self);
  gtk_list_view_set_factory (self->cues_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->cues)));
  gtk_list_view_set_model (self->cues_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (self->cues_view, "activate", G_CALLBACK (on_cue_activated), self);
  g_signal_connect_swapped (self->transcript_search, "search-changed", G_CALLBACK (on_search_changed), self);

  gtk_list_box_set_placeholder (self->calls_list,
                                cl_list_box_placeholder_new (_("No calls on this deal yet: attach a transcript or drop one here")));
  gtk_list_box_set_placeholder (self->sessions_list, cl_list_box_placeholder_new (_("Not coached yet")));
  self->drop_target = cl_file_drop_target_new ((ClFileChosen) cl_deal_coaching_window_attach, self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  self->trend_chart = CL_TREND_CHART (cl_trend_chart_new ("", CL_TREND_FORMAT_SCORE, 1, 5));
  adw_preferences_group_add (self->trend_group, GTK_WIDGET (self->trend_chart));
}
