/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TIMECARD_TYPE_ADD_TILE (timecard_add_tile_get_type ())

G_DECLARE_FINAL_TYPE (TimecardAddTile, timecard_add_tile, TIMECARD, ADD_TILE, GtkFlowBoxChild)

GtkWidget *timecard_add_tile_new (void);

G_END_DECLS
