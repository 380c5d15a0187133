/* cl-moves.h — what moved in the pipeline between two days
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cl-deal-facts.h"

G_BEGIN_DECLS

typedef enum {
  CL_MOVE_NEW,
  CL_MOVE_ADVANCED,
  CL_MOVE_REGRESSED,
  CL_MOVE_AMOUNT_CHANGED,
  CL_MOVE_CLOSE_DATE_CHANGED,
  CL_MOVE_WON,
  CL_MOVE_LOST,
  CL_MOVE_DISQUALIFIED,
  CL_N_MOVES
} ClMoveKind;

typedef struct
{
  ClMoveKind kind;
  ClDay      on;
  gint64     deal_id;
  char      *deal_name;
  char      *from;      /* the old value as a person reads it; NULL for a new deal */
  char      *to;
  /* what the Pipeline's filters ask of a move: the deal as it is now (its
   * owner, account and stage, the last it was in when closed) and, for a
   * stage move, the stages it left and entered (else 0) */
  gint64     owner_id;
  char      *account;
  gint64     stage_id;
  gint64     from_stage_id;
  gint64     to_stage_id;
  /* an amount's change, exact, as documents carry it (else 0) */
  gint64     from_cents;
  gint64     to_cents;
} ClMove;

extern const char * const cl_move_names[];

char      *cl_move_describe (const ClMove *move);
void       cl_move_free     (ClMove       *move);
gboolean   cl_move_involves_stage (const ClMove *move,
                                   gint64        stage_id);

GPtrArray *cl_moves_load (ClStore         *store,
                          const ClProcess *process,
                          ClDay            since,
                          ClDay            until,
                          GError         **error);

G_END_DECLS
