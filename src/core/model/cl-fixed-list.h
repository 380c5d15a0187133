/* cl-fixed-list.h — a list of objects that never changes, over an array
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CL_TYPE_FIXED_LIST (cl_fixed_list_get_type ())
G_DECLARE_FINAL_TYPE (ClFixedList, cl_fixed_list, CL, FIXED_LIST, GObject)

GListModel *cl_fixed_list_new (GType      item_type,
                               GPtrArray *items);

G_END_DECLS
