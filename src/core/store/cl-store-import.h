/* cl-store-import.h — a CRM import's deals read and written in bulk
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* The columns of a deal an import reads and writes; the texts belong to
 * whoever filled it. */
typedef struct
{
  gint64        id;
  const char   *external_id;     /* NULL for none */
  const char   *name;
  const char   *account;
  gint64        owner_id;
  gint64        stage_id;
  gint64        amount_cents;
  const char   *currency;
  ClDay         close_date;
  const char   *next_step;
  ClDealStatus  status;
  const char   *status_reason;
  ClDay         created_on;
  ClDay         stage_entered_on;
} ClImportDeal;

typedef struct _ClImportWriter ClImportWriter;

gboolean        cl_store_read_import_deals (ClStore             *self,
                                            GStringChunk        *strings,
                                            GArray              *deals,
                                            GError             **error);
ClImportWriter *cl_import_writer_new       (ClStore             *self,
                                            ClDay                as_of,
                                            GError             **error);
gboolean        cl_import_writer_add       (ClImportWriter      *writer,
                                            ClImportDeal        *deal,
                                            GError             **error);
int             cl_import_writer_update    (ClImportWriter      *writer,
                                            const ClImportDeal  *before,
                                            ClImportDeal        *after,
                                            GError             **error);
gboolean        cl_import_writer_finish    (ClImportWriter      *writer,
                                            GError             **error);
void            cl_import_writer_free      (ClImportWriter      *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClImportWriter, cl_import_writer_free)

G_END_DECLS
