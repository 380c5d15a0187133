/* cl-rep-brief.c — "closeloop.rep-brief": what a manager sends down to each
 * rep, this month's plan, their open actions and their open deals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manager owns every record a brief carries; the rep reads it and
 * answers only through their practice log (drills, actions done).
 */
#define G_LOG_DOMAIN "cl-share"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-development.h"
#include "cl-export.h"
#include "cl-flags.h"
#include "cl-pipeline.h"
#include "cl-practice-log.h"
#include "cl-rep-brief.h"
#include "cl-summary.h"
#include "cl-team-folder.h"

/* bounds of what a brief may hold */
#define MAX_ACTIONS 5000
#define MAX_DEALS   20000
#define MAX_TEXT    4000
#define MAX_NAME    1000
#define MAX_KEY     64

static void
brief_action_free (ClBriefAction *action)
{
  g_free (action->text);
  g_free (action->source);
  g_free (action->deal);
  g_free (action);
}

static void
brief_deal_free (ClBriefDeal *deal)
{
  g_free (deal->name);
  g_free (deal->account);
  g_free (deal->stage);
  g_free (deal->currency);
  g_free (deal->next_step);
  g_free (deal);
}

/**
 * cl_rep_brief_free:
 * @brief: (nullable): a brief
 *
 * Frees @brief with its actions and deals. Does nothing for %NULL.
 */
void
cl_rep_brief_free (ClRepBrief *brief)
{
  if (brief == NULL)
    return;
  g_free (brief->manager_name);
  g_free (brief->manager_id);
  g_free (brief->rep_name);
  g_free (brief->month);
  g_free (brief->focus);
  g_free (brief->focus_label);
  g_free (brief->drill);
  g_clear_pointer (&brief->actions, g_ptr_array_unref);
  g_clear_pointer (&brief->deals, g_ptr_array_unref);
  g_free (brief);
}

/* ------------------------------------------------------------------ writing */

static gboolean
add_plan (JsonBuilder  *builder,
          ClStore      *store,
          gint64        rep_id,
          const char   *month,
          GError      **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (ClDevPlan) plan = cl_store_get_dev_plan (store, rep_id, month, &local);
  g_autoptr (ClTeamListItem) skill = NULL;
  ClPracticeProgress progress;

  json_builder_set_member_name (builder, "plan");
  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  if (plan == NULL)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }
  if (!cl_practice_progress_load (store, plan, &progress, error))
    return FALSE;
  skill = cl_store_get_dev_skill (store, plan->focus, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "focus");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "key", plan->focus);
  cl_export_add_string (builder, "label", skill != NULL ? skill->label : plan->focus);
  json_builder_end_object (builder);
  cl_export_add_string (builder, "drill", plan->drill);
  cl_export_add_int (builder, "repetitions", plan->target_repetitions);
  cl_export_add_int (builder, "target_score", plan->target_score);
  cl_export_add_int (builder, "done", progress.done);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_actions (JsonBuilder  *builder,
             ClStore      *store,
             gint64        rep_id,
             GError      **error)
{
  g_autoptr (GListModel) actions = cl_store_list_open_actions (store, rep_id, error);

  if (actions == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr (ClAction) action = g_list_model_get_item (actions, i);
      g_autoptr (ClDeal) deal = action->deal_id != 0 ? cl_store_get_deal (store, action->deal_id, NULL) : NULL;

      json_builder_begin_object (builder);
      cl_export_add_int (builder, "id", action->id);
      cl_export_add_string (builder, "text", action->text);
      cl_export_add_string (builder, "source", action->source);
      cl_export_add_string (builder, "deal", deal != NULL ? deal->name : NULL);
      cl_export_add_day (builder, "due", action->due_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
add_deals (JsonBuilder  *builder,
           ClStore      *store,
           gint64        rep_id,
           ClDay         as_of,
           GError      **error)
{
  g_autoptr (GListModel) deals = cl_pipeline_snapshot_from (store, as_of, rep_id, NULL, error);

  if (deals == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "deals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr (ClPipelineItem) item = g_list_model_get_item (deals, i);
      ClDeal *deal = item->facts->deal;

      json_builder_begin_object (builder);
      cl_export_add_int (builder, "id", deal->id);
      cl_export_add_string (builder, "name", deal->name);
      cl_export_add_string (builder, "account", deal->account);
      cl_export_add_string (builder, "stage", deal->stage_name != NULL ? deal->stage_name : "");
      cl_export_add_amount (builder, "amount", deal->amount_cents);
      cl_export_add_string (builder, "currency", deal->currency);
      cl_export_add_day (builder, "close_date", deal->close_date);
      cl_export_add_string (builder, "next_step", deal->next_step);
      cl_export_add_day (builder, "next_step_due", deal->next_step_due);
      json_builder_set_member_name (builder, "flags");
      json_builder_begin_array (builder);
      for (guint f = 0; f < CL_N_FLAGS; f++)
        if (item->flags & (1u << cl_flags_by_severity[f]))
          json_builder_add_string_value (builder, cl_flag_to_string (cl_flags_by_severity[f]));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/**
 * cl_rep_brief_build:
 * @store: this manager's workspace
 * @manager: the workspace's owner, named as the brief's manager
 * @rep_id: the rep the brief is to
 * @as_of: the day; its month's plan is the brief's, and deals are flagged
 *   as of it
 * @error: return location for a #GError, or %NULL
 *
 * Builds @rep_id's brief from this (manager's) workspace: the month's plan
 * (focus, drill, repetitions, target self-score, drills so far), the rep's
 * open actions with their ids and due days, their open deals with flags.
 * No justification, no coaching notes.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set (%CL_STORE_ERROR_NOT_FOUND when there is no rep @rep_id)
 */
JsonNode *
cl_rep_brief_build (ClStore           *store,
                    const ClIdentity  *manager,
                    gint64             rep_id,
                    ClDay              as_of,
                    GError           **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *month = cl_date_month (as_of);
  g_autoptr (GListModel) reps = cl_store_list_reps (store, error);
  g_autoptr (ClRep) rep = NULL;

  if (reps == NULL)
    return NULL;
  for (guint i = 0; rep == NULL && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) candidate = g_list_model_get_item (reps, i);

      if (candidate->id == rep_id)
        rep = g_steal_pointer (&candidate);
    }
  if (rep == NULL)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND, _("There is no rep %" PRId64),
                        rep_id), NULL;
  cl_export_begin_document (builder, CL_REP_BRIEF_FORMAT, 1);
  json_builder_set_member_name (builder, "manager");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "name", cl_identity_author (manager));
  cl_export_add_string (builder, "id", manager->id);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "rep");
  json_builder_begin_object (builder);
  cl_export_add_string (builder, "name", rep->name);
  json_builder_end_object (builder);
  cl_export_add_string (builder, "month", month);
  cl_export_add_day (builder, "as_of", as_of);
  if (!add_plan (builder, store, rep->id, month, error) || !add_actions (builder, store, rep->id, error)
      || !add_deals (builder, store, rep->id, as_of, error))
    return NULL;
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * cl_rep_brief_publish:
 * @store: this manager's workspace
 * @rep_id: one rep, or 0 for every rep on the team (not the manager, not
 *   who left)
 * @published: (out) (optional) (transfer container) (element-type filename) (nullable):
 *   the files written; %NULL when the workspace has no team folder
 * @error: return location for a #GError, or %NULL
 *
 * Publishes the briefs, as of today, in the owner's subfolder of the team
 * folder, one file per rep (`rep-brief-NAME.closeloop.json`), replacing
 * the earlier one. Only a manager's workspace publishes briefs: a rep's is
 * refused (%CL_SUMMARY_ERROR_NOT_ITS_OWNER). Call it whenever a plan is
 * saved or an action created (a review's next action, a coaching next
 * move). A @rep_id that is on no roster publishes nothing. Stops at the
 * first brief that fails; those before it stay published.
 *
 * Returns: %TRUE on success or when there is no team folder, %FALSE with
 *   @error set
 */
gboolean
cl_rep_brief_publish (ClStore     *store,
                      gint64       rep_id,
                      GPtrArray  **published,
                      GError     **error)
{
  g_autofree char *folder = cl_team_folder_get (store);
  g_autoptr (ClIdentity) owner = NULL;
  g_autoptr (GListModel) reps = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  ClDay today = cl_date_today ();

  if (published != NULL)
    *published = NULL;
  if (folder == NULL)
    return TRUE;
  if ((owner = cl_identity_get (store, error)) == NULL)
    return FALSE;
  if (owner->role != CL_ROLE_MANAGER)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER,
                        _("Only a manager's workspace publishes briefs; this one is a rep's "
                          "(closeloop identity set --role manager)")), FALSE;
  if ((reps = cl_store_list_reps (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr (ClRep) rep = g_list_model_get_item (reps, i);
      g_autoptr (JsonNode) document = NULL;
      g_autofree char *text = NULL;
      char *file = NULL;

      if (rep_id != 0 ? rep->id != rep_id : rep->is_manager || rep->has_left)
        continue;
      if ((document = cl_rep_brief_build (store, owner, rep->id, today, error)) == NULL)
        return FALSE;
      text = cl_export_to_text (document);
      if (!cl_team_folder_publish_to_store_folder (store, text, &file, error))
        return FALSE;
      g_ptr_array_add (files, file);
    }
  if (published != NULL)
    *published = g_steal_pointer (&files);
  return TRUE;
}

/**
 * cl_rep_brief_publish_after_change:
 * @store: the workspace
 * @rep_id: the rep whose plan or action changed
 * @error: return location for a #GError, or %NULL
 *
 * What a window calls once it saved a plan of @rep_id's or created or
 * changed one of their actions: publishes their brief again when the
 * workspace is a manager's with a team folder, and does nothing otherwise
 * (nor makes an owner).
 *
 * Returns: %TRUE when the brief was published or nothing was to be done,
 *   %FALSE with @error set when it could not be published
 */
gboolean
cl_rep_brief_publish_after_change (ClStore  *store,
                                   gint64    rep_id,
                                   GError  **error)
{
  g_autofree char *folder = cl_team_folder_get (store);
  g_autoptr (ClIdentity) owner = folder != NULL ? cl_identity_peek (store) : NULL;

  if (owner == NULL || owner->role != CL_ROLE_MANAGER)
    return TRUE;
  return cl_rep_brief_publish (store, rep_id, NULL, error);
}

/* ------------------------------------------------------------------ reading */

static gboolean
bad (GError     **error,
     const char  *name,
     const char  *what)
{
  g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_BAD_VALUE, "%s: %s", name, what);
  return FALSE;
}

/* A text member that may be null: NULL there, "" when the member is bad. */
static gboolean
nullable_text (JsonObject  *object,
               const char  *member,
               gsize        max_bytes,
               char       **text,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  *text = NULL;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if ((value = cl_summary_member_text (object, member, max_bytes, name, error)) == NULL)
    return FALSE;
  *text = g_strdup (value);
  return TRUE;
}

static gboolean
read_plan (ClRepBrief  *brief,
           JsonObject  *root,
           const char  *name,
           GError     **error)
{
  static const char * const members[] = { "focus", "drill", "repetitions", "target_score", "done", NULL };
  static const char * const focus_members[] = { "key", "label", NULL };
  JsonNode *node = json_object_get_member (root, "plan");
  JsonObject *plan, *focus;
  const char *key, *label, *drill;
  gint64 repetitions, target, done;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if ((plan = cl_summary_member_object (root, "plan", name, error)) == NULL
      || !cl_summary_check_members (plan, members, name, error)
      || (focus = cl_summary_member_object (plan, "focus", name, error)) == NULL
      || !cl_summary_check_members (focus, focus_members, name, error)
      || (key = cl_summary_member_text (focus, "key", MAX_KEY, name, error)) == NULL
      || (label = cl_summary_member_text (focus, "label", MAX_NAME, name, error)) == NULL
      || (drill = cl_summary_member_text (plan, "drill", MAX_TEXT, name, error)) == NULL
      || !cl_summary_member_int (plan, "repetitions", 0, 1000, &repetitions, name, error)
      || !cl_summary_member_int (plan, "target_score", 0, 5, &target, name, error)
      || !cl_summary_member_int (plan, "done", 0, G_MAXINT, &done, name, error))
    return FALSE;
  brief->has_plan = TRUE;
  brief->focus = g_strdup (key);
  brief->focus_label = g_strdup (label);
  brief->drill = g_strdup (drill);
  brief->repetitions = (int) repetitions;
  brief->target_score = (int) target;
  brief->done = (int) done;
  return TRUE;
}

static gboolean
read_action (ClRepBrief  *brief,
             JsonObject  *object,
             const char  *name,
             GError     **error)
{
  static const char * const members[] = { "id", "text", "source", "deal", "due", NULL };
  static const char * const sources[] = { "review", "coaching", "retro", "manual", NULL };
  ClBriefAction *action = g_new0 (ClBriefAction, 1);
  const char *text = NULL, *source = NULL;

  g_ptr_array_add (brief->actions, action);
  if (!cl_summary_check_members (object, members, name, error)
      || !cl_summary_member_int (object, "id", 1, G_MAXINT64, &action->id, name, error)
      || (text = cl_summary_member_text (object, "text", MAX_TEXT, name, error)) == NULL
      || (source = cl_summary_member_text (object, "source", MAX_KEY, name, error)) == NULL
      || !nullable_text (object, "deal", MAX_NAME, &action->deal, name, error)
      || !cl_summary_member_day (object, "due", FALSE, &action->due_on, name, error))
    return FALSE;
  if (!g_strv_contains (sources, source))
    return bad (error, name, _("an action's “source” is not review, coaching, retro or manual"));
  action->text = g_strdup (text);
  action->source = g_strdup (source);
  return TRUE;
}

static gboolean
read_deal (ClRepBrief  *brief,
           JsonObject  *object,
           const char  *name,
           GError     **error)
{
  static const char * const members[] = { "id", "name", "account", "stage", "amount", "currency", "close_date",
                                          "next_step", "next_step_due", "flags", NULL };
  ClBriefDeal *deal = g_new0 (ClBriefDeal, 1);
  const char *text[4] = { NULL };
  const char *amount = NULL, *currency = NULL;
  JsonNode *flags_node;
  JsonArray *flags;

  g_ptr_array_add (brief->deals, deal);
  if (!cl_summary_check_members (object, members, name, error)
      || !cl_summary_member_int (object, "id", 1, G_MAXINT64, &deal->id, name, error)
      || (text[0] = cl_summary_member_text (object, "name", MAX_NAME, name, error)) == NULL
      || (text[1] = cl_summary_member_text (object, "account", MAX_NAME, name, error)) == NULL
      || (text[2] = cl_summary_member_text (object, "stage", MAX_NAME, name, error)) == NULL
      || (amount = cl_summary_member_text (object, "amount", 40, name, error)) == NULL
      || (currency = cl_summary_member_text (object, "currency", 3, name, error)) == NULL
      || !cl_summary_member_day (object, "close_date", FALSE, &deal->close_date, name, error)
      || (text[3] = cl_summary_member_text (object, "next_step", MAX_TEXT, name, error)) == NULL
      || !cl_summary_member_day (object, "next_step_due", TRUE, &deal->next_step_due, name, error))
    return FALSE;
  if (!g_regex_match_simple ("^[0-9]{1,16}\\.[0-9]{2}$", amount, 0, 0))
    return bad (error, name, _("a deal's “amount” is not money such as \"125000.00\""));
  if (!g_regex_match_simple ("^[A-Z]{3}$", currency, 0, 0))
    return bad (error, name, _("a deal's “currency” is not a three-letter code"));
  flags_node = json_object_get_member (object, "flags");
  if (flags_node == NULL || !JSON_NODE_HOLDS_ARRAY (flags_node)
      || json_array_get_length (flags = json_node_get_array (flags_node)) > CL_N_FLAGS)
    return bad (error, name, _("a deal's “flags” is not a list of flags"));
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonNode *flag = json_array_get_element (flags, i);
      gboolean known = FALSE;

      for (guint f = 0; JSON_NODE_HOLDS_VALUE (flag) && json_node_get_value_type (flag) == G_TYPE_STRING
                        && f < CL_N_FLAGS; f++)
        if (g_str_equal (json_node_get_string (flag), cl_flag_names[f]))
          {
            deal->flags |= 1u << f;
            known = TRUE;
          }
      if (!known)
        return bad (error, name, _("a deal carries a flag this Closeloop does not know"));
    }
  deal->name = g_strdup (text[0]);
  deal->account = g_strdup (text[1]);
  deal->stage = g_strdup (text[2]);
  deal->next_step = g_strdup (text[3]);
  /* at most 18 digits: within a gint64 */
  deal->amount_cents = g_ascii_strtoll (amount, NULL, 10) * 100 + g_ascii_strtoll (strchr (amount, '.') + 1, NULL, 10);
  deal->currency = g_strdup (currency);
  return TRUE;
}

/**
 * cl_rep_brief_read:
 * @data: (array length=length): the file's bytes
 * @length: the length of @data in bytes
 * @name: the file, as errors name it
 * @error: return location for a #GError, or %NULL
 *
 * Reads a brief from outside: bounded before it is parsed, every member
 * checked (amounts such as "125000.00", three-letter currencies, known
 * flags), none its format does not have, its author the manager it names
 * (%CL_SUMMARY_ERROR_NOT_ITS_OWNER otherwise).
 *
 * Returns: (transfer full) (nullable): the brief, or %NULL with @error set
 *   in %CL_SUMMARY_ERROR
 */
ClRepBrief *
cl_rep_brief_read (const char  *data,
                   gsize        length,
                   const char  *name,
                   GError     **error)
{
  static const char * const members[] = { "format", "version", "app_version", "exported_at", "exported_by",
                                          "manager", "rep", "month", "as_of", "plan", "actions", "deals", NULL };
  static const char * const manager_members[] = { "name", "id", NULL };
  static const char * const rep_members[] = { "name", NULL };
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (ClSummaryInfo) info = cl_summary_parse (data, length, name, &root, error);
  g_autoptr (ClRepBrief) brief = NULL;
  JsonObject *object, *manager, *rep;
  JsonArray *actions, *deals;
  const char *manager_name, *manager_id, *rep_name, *month;

  if (info == NULL)
    return NULL;
  if (!g_str_equal (info->format, CL_REP_BRIEF_FORMAT))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_SUMMARY,
                        _("%s is a “%s” document, not a rep's brief"), name, info->format), NULL;
  object = json_node_get_object (root);
  brief = g_new0 (ClRepBrief, 1);
  brief->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_action_free);
  brief->deals = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_deal_free);
  if (!cl_summary_check_members (object, members, name, error)
      || (manager = cl_summary_member_object (object, "manager", name, error)) == NULL
      || !cl_summary_check_members (manager, manager_members, name, error)
      || (manager_name = cl_summary_member_text (manager, "name", CL_IDENTITY_MAX_NAME, name, error)) == NULL
      || (manager_id = cl_summary_member_text (manager, "id", CL_IDENTITY_ID_LENGTH, name, error)) == NULL
      || (rep = cl_summary_member_object (object, "rep", name, error)) == NULL
      || !cl_summary_check_members (rep, rep_members, name, error)
      || (rep_name = cl_summary_member_text (rep, "name", MAX_NAME, name, error)) == NULL
      || (month = cl_summary_member_text (object, "month", 7, name, error)) == NULL
      || !cl_summary_member_day (object, "as_of", FALSE, &brief->as_of, name, error)
      || !read_plan (brief, object, name, error)
      || (actions = cl_summary_member_array (object, "actions", MAX_ACTIONS, name, error)) == NULL
      || (deals = cl_summary_member_array (object, "deals", MAX_DEALS, name, error)) == NULL)
    return NULL;
  if (!cl_identity_id_valid (manager_id))
    return bad (error, name, _("the manager's “id” is not an identity of twelve hexadecimal digits")), NULL;
  if (!cl_date_parse_month (month, NULL, NULL))
    return bad (error, name, _("“month” is not a month such as 2026-11")), NULL;
  if (!g_str_equal (manager_name, info->exported_by))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER,
                        _("%s was exported by %s but says %s is the manager; only a manager publishes "
                          "their own briefs"), name, info->exported_by, manager_name), NULL;
  for (guint i = 0; i < json_array_get_length (actions); i++)
    if (!read_action (brief, json_array_get_object_element (actions, i), name, error))
      return NULL;
  for (guint i = 0; i < json_array_get_length (deals); i++)
    if (!read_deal (brief, json_array_get_object_element (deals, i), name, error))
      return NULL;
  brief->manager_name = g_strdup (manager_name);
  brief->manager_id = g_strdup (manager_id);
  brief->rep_name = g_strdup (rep_name);
  brief->month = g_strdup (month);
  return g_steal_pointer (&brief);
}

/**
 * cl_rep_brief_check_author:
 * @store: the workspace that would keep the brief
 * @brief: a brief read with cl_rep_brief_read ()
 * @name: the file, as errors name it
 * @subfolder: the team-folder subfolder the file was in
 * @error: return location for a #GError, or %NULL
 *
 * Checks one writer per record: a brief must be in its manager's own
 * subfolder (their name and identity), and its author must not be a rep on
 * this workspace's team. Refusals (%CL_SUMMARY_ERROR_NOT_ITS_OWNER) name
 * @name.
 *
 * Returns: %TRUE when the brief may be kept, %FALSE with @error set
 */
gboolean
cl_rep_brief_check_author (ClStore           *store,
                           const ClRepBrief  *brief,
                           const char        *name,
                           const char        *subfolder,
                           GError           **error)
{
  g_autofree char *name_part = NULL, *folder_id = NULL, *person = cl_team_folder_person (brief->manager_name);
  g_autoptr (GError) local = NULL;
  g_autoptr (ClRep) author = NULL;

  name_part = cl_team_folder_split_person (subfolder, &folder_id);
  if (folder_id == NULL || !g_str_equal (folder_id, brief->manager_id) || !g_str_equal (name_part, person))
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER,
                        _("%s is a brief from %s (%s) but is in the subfolder %s, not theirs; it was not kept"),
                        name, brief->manager_name, brief->manager_id, subfolder), FALSE;
  author = cl_store_find_rep (store, brief->manager_name, &local);
  if (author == NULL && !g_error_matches (local, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  if (author != NULL && !author->is_manager)
    return g_set_error (error, CL_SUMMARY_ERROR, CL_SUMMARY_ERROR_NOT_ITS_OWNER,
                        _("%s is a plan and actions published by %s, a rep on this team: only the manager "
                          "owns plans and actions; it was not kept"), name, brief->manager_name), FALSE;
  return TRUE;
}

/**
 * cl_rep_brief_load_own:
 * @store: a rep's workspace
 * @error: return location for a #GError, or %NULL
 *
 * Reads the latest brief to this workspace's owner kept from the team
 * folder, what the rep's My Month shows, checking it again as if from
 * outside. Makes the owner first if there is none.
 *
 * Returns: (transfer full) (nullable): the brief; %NULL without @error when
 *   none arrived yet, or %NULL with @error set
 */
ClRepBrief *
cl_rep_brief_load_own (ClStore  *store,
                       GError  **error)
{
  g_autoptr (ClIdentity) owner = cl_identity_get (store, error);
  g_autofree char *subject = NULL, *text = NULL;
  g_autoptr (GError) local = NULL;

  if (owner == NULL)
    return NULL;
  subject = g_strconcat ("rep:", cl_identity_author (owner), NULL);
  text = cl_store_get_library_document (store, CL_REP_BRIEF_FORMAT, subject, &local);
  if (text == NULL)
    return local != NULL ? (g_propagate_error (error, g_steal_pointer (&local)), NULL) : NULL;
  /* kept after it was checked; read again as from outside all the same */
  return cl_rep_brief_read (text, strlen (text), _("The brief kept"), error);
}

/**
 * cl_rep_brief_mark_done:
 * @store: a rep's workspace
 * @action_id: the id the brief gives the action
 * @done_on: the day it was done
 * @note: (nullable): what the rep says of it
 * @error: return location for a #GError, or %NULL
 *
 * On a rep's side: marks an action of their brief done (a correction
 * replaces the earlier), then publishes their practice log when there is
 * a team folder. Refused with %CL_STORE_ERROR_NOT_FOUND when no brief has
 * arrived, and %CL_STORE_ERROR_INVALID for an id the brief does not have.
 * When only the publishing fails, the action stays marked done.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_rep_brief_mark_done (ClStore     *store,
                        gint64       action_id,
                        ClDay        done_on,
                        const char  *note,
                        GError     **error)
{
  g_autoptr (ClRepBrief) brief = cl_rep_brief_load_own (store, error);
  ClActionDone done = { 0 };
  gboolean found = FALSE;

  if (brief == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_NOT_FOUND,
                     _("No brief from a manager has arrived yet (closeloop team-folder sync)"));
      return FALSE;
    }
  for (guint i = 0; i < brief->actions->len; i++)
    found = found || ((ClBriefAction *) g_ptr_array_index (brief->actions, i))->id == action_id;
  if (!found)
    return g_set_error (error, CL_STORE_ERROR, CL_STORE_ERROR_INVALID,
                        _("Your brief has no open action %" PRId64), action_id), FALSE;
  done.manager = brief->manager_id;
  done.action_id = action_id;
  done.done_on = done_on;
  done.note = (char *) note;
  return cl_store_mark_brief_action_done (store, &done, error) && cl_practice_log_publish (store, NULL, error);
}
