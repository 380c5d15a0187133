/* cl-plain-text.h — text from data in the widgets that read their strings
 * as Pango markup
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In libadwaita 1.2 an AdwToast's title, an AdwStatusPage's description
 * and an AdwPreferencesGroup's title and description are always markup,
 * and rows are unless told otherwise: a name such as "Ben & Okafor <QA>"
 * would blank them, and "<span size='xx-large'>" would be obeyed.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast that shows @text as it is. */
AdwToast  *cl_toast_new_plain                         (const char          *text);
void       cl_status_page_set_plain_description       (AdwStatusPage       *page,
                                                       const char          *text);
void       cl_preferences_group_set_plain_title       (AdwPreferencesGroup *group,
                                                       const char          *text);
void       cl_preferences_group_set_plain_description (AdwPreferencesGroup *group,
                                                       const char          *text);
/* An AdwActionRow whose title and subtitle (NULL: none) are plain text. */
GtkWidget *cl_action_row_new_plain                    (const char          *title,
                                                       const char          *subtitle);

G_END_DECLS
