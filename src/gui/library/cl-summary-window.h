/* cl-summary-window.h — a teammate's summary from the team library, read-only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_TYPE_SUMMARY_WINDOW (cl_summary_window_get_type ())
G_DECLARE_FINAL_TYPE (ClSummaryWindow, cl_summary_window, CL, SUMMARY_WINDOW, AdwWindow)

/* Every part of the kept document, as sections and rows. */
ClSummaryWindow *cl_summary_window_new          (GtkWindow       *parent,
                                                 ClLibraryEntry  *entry,
                                                 const char      *format,
                                                 JsonNode        *root,
                                                 GError         **error);
guint            cl_summary_window_get_n_sections (ClSummaryWindow *self);
/* Whose the summary is and when it was exported, in words. */
const char      *cl_summary_window_get_subtitle   (ClSummaryWindow *self);

G_END_DECLS
