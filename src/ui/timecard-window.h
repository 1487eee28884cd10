/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-application.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_WINDOW (timecard_window_get_type ())

G_DECLARE_FINAL_TYPE (TimecardWindow, timecard_window, TIMECARD, WINDOW, AdwApplicationWindow)

TimecardWindow *timecard_window_new (TimecardApplication *application);

G_END_DECLS
