/* cl-list-page.h — a searchable list of one loop's records, with its empty state
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cl-store.h"

G_BEGIN_DECLS

/* What one row shows; each string is newly allocated. Also runs in the
 * worker thread that loads the records, for the text a search reads: the
 * title and the subtitle. */
typedef void        (*ClRowFormat) (gpointer    item,
                                    char      **title,
                                    char      **subtitle,
                                    char      **detail);
/* Runs in a worker thread, on a connection of its own. */
typedef GListModel *(*ClListLoader) (ClStore   *store,
                                     GError   **error);

#define CL_TYPE_LIST_PAGE (cl_list_page_get_type ())
G_DECLARE_FINAL_TYPE (ClListPage, cl_list_page, CL, LIST_PAGE, AdwBin)

void     cl_list_page_set_source   (ClListPage   *self,
                                    ClStore      *store,
                                    ClListLoader  loader,
                                    ClRowFormat   format);
void     cl_list_page_reload       (ClListPage   *self);
void     cl_list_page_start_search (ClListPage   *self);
/* Searches for @text as typing it in the search bar does. */
void     cl_list_page_search       (ClListPage   *self,
                                    const char   *text);
/* The rows shown, those that match the search. */
guint    cl_list_page_get_n_items  (ClListPage   *self);
/* The records are in and the search has filtered them all: the filtering
 * is incremental, so a search may still be under way after it is set. */
gboolean cl_list_page_is_loaded    (ClListPage   *self);
void     cl_list_page_activate     (ClListPage   *self,
                                    guint         position);
/* The button of the page's action: in its empty state, or above its list. */
GtkButton *cl_list_page_get_action_button (ClListPage *self,
                                           gboolean    empty);

G_END_DECLS
