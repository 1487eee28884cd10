/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "clockify-server.h"
#include "timecard-core-enums.h"
#include "timecard-core-types.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_CREDENTIAL (timecard_credential_get_type ())

G_DECLARE_FINAL_TYPE (TimecardCredential, timecard_credential, TIMECARD, CREDENTIAL, GObject)

const char              *timecard_credential_get_id             (TimecardCredential *self);
const char              *timecard_credential_get_name           (TimecardCredential *self);
const char              *timecard_credential_get_description    (TimecardCredential *self);
ClockifyServer          *timecard_credential_get_server         (TimecardCredential *self);
GDateTime               *timecard_credential_get_created        (TimecardCredential *self);
GDateTime               *timecard_credential_get_last_verified  (TimecardCredential *self);
const char              *timecard_credential_get_user_id        (TimecardCredential *self);
const char              *timecard_credential_get_user_name      (TimecardCredential *self);
const char              *timecard_credential_get_user_email     (TimecardCredential *self);
const char              *timecard_credential_get_user_time_zone (TimecardCredential *self);
TimecardCredentialState  timecard_credential_get_state          (TimecardCredential *self);
const char              *timecard_credential_get_state_message  (TimecardCredential *self);

const char              *timecard_credential_state_to_string    (TimecardCredentialState state);

G_END_DECLS
