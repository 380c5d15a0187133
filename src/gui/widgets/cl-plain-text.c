/* cl-plain-text.c — text from data in the widgets that read their strings
 * as Pango markup
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-gui"

#include "config.h"

#include "cl-plain-text.h"

/* These widgets have no switch for markup: the text is escaped instead. */
static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

AdwToast *
cl_toast_new_plain (const char *text)
{
  g_autofree char *title = escape (text);

  return adw_toast_new (title);
}

void
cl_status_page_set_plain_description (AdwStatusPage *page,
                                      const char    *text)
{
  g_autofree char *description = escape (text);

  adw_status_page_set_description (page, description);
}

void
cl_preferences_group_set_plain_title (AdwPreferencesGroup *group,
                                      const char          *text)
{
  g_autofree char *title = escape (text);

  adw_preferences_group_set_title (group, title);
}

void
cl_preferences_group_set_plain_description (AdwPreferencesGroup *group,
                                            const char          *text)
{
  g_autofree char *description = escape (text);

  adw_preferences_group_set_description (group, description);
}

GtkWidget *
cl_action_row_new_plain (const char *title,
                         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* the title and the subtitle both follow the row's use-markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}
