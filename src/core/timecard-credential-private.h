/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "clockify-user.h"
#include "timecard-credential.h"

G_BEGIN_DECLS

/* Only the store changes a credential; these are its cross-file helpers. */

TimecardCredential *_timecard_credential_new             (const char              *id,
                                                          const char              *name,
                                                          const char              *description,
                                                          ClockifyServer          *server,
                                                          GDateTime               *created);
TimecardCredential *_timecard_credential_copy            (TimecardCredential      *self);
void                _timecard_credential_assign          (TimecardCredential      *self,
                                                          TimecardCredential      *from);
const char         *_timecard_credential_get_sort_key    (TimecardCredential      *self);
void                _timecard_credential_set_name        (TimecardCredential      *self,
                                                          const char              *name);
void                _timecard_credential_set_description (TimecardCredential      *self,
                                                          const char              *description);
void                _timecard_credential_set_server      (TimecardCredential      *self,
                                                          ClockifyServer          *server);
void                _timecard_credential_set_user        (TimecardCredential      *self,
                                                          const char              *id,
                                                          const char              *name,
                                                          const char              *email,
                                                          const char              *time_zone);
void                _timecard_credential_set_last_verified (TimecardCredential    *self,
                                                            GDateTime             *when);
void                _timecard_credential_set_state       (TimecardCredential      *self,
                                                          TimecardCredentialState  state,
                                                          const char              *message);
void                _timecard_credential_set_verified    (TimecardCredential      *self,
                                                          ClockifyUser            *user,
                                                          GDateTime               *when);

TimecardCredentialState _timecard_credential_state_from_string (const char              *text,
                                                                TimecardCredentialState  fallback);

G_END_DECLS
