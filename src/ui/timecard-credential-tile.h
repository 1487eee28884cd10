/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "timecard-credential.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_CREDENTIAL_TILE (timecard_credential_tile_get_type ())

G_DECLARE_FINAL_TYPE (TimecardCredentialTile, timecard_credential_tile, TIMECARD, CREDENTIAL_TILE, GtkFlowBoxChild)

GtkWidget          *timecard_credential_tile_new            (TimecardCredential     *credential);
TimecardCredential *timecard_credential_tile_get_credential (TimecardCredentialTile *self);
gboolean            timecard_credential_tile_get_busy       (TimecardCredentialTile *self);
void                timecard_credential_tile_set_busy       (TimecardCredentialTile *self,
                                                             gboolean                busy);
void                timecard_credential_tile_popup_menu     (TimecardCredentialTile *self,
                                                             double                  x,
                                                             double                  y);

G_END_DECLS
