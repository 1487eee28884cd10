/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-credential-store.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_APPLICATION (timecard_application_get_type ())

G_DECLARE_FINAL_TYPE (TimecardApplication, timecard_application, TIMECARD, APPLICATION, AdwApplication)

TimecardApplication     *timecard_application_new       (void);
TimecardCredentialStore *timecard_application_get_store (TimecardApplication *self);

G_END_DECLS
