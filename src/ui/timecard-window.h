/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-application.h"
#include "timecard-credential-store.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_WINDOW (timecard_window_get_type ())

G_DECLARE_FINAL_TYPE (TimecardWindow, timecard_window, TIMECARD, WINDOW, AdwApplicationWindow)

TimecardWindow          *timecard_window_new            (TimecardApplication *application);
TimecardCredentialStore *timecard_window_get_store      (TimecardWindow      *self);
gboolean                 timecard_window_get_loading    (TimecardWindow      *self);
GtkWidget               *timecard_window_find_tile      (TimecardWindow      *self,
                                                         TimecardCredential  *credential);

G_END_DECLS
