/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "clockify-server.h"
#include "timecard-core-types.h"

G_BEGIN_DECLS

#define TIMECARD_CREDENTIAL_ERROR (timecard_credential_error_quark ())

/* The limits of the credential form, in characters after trimming. */
#define TIMECARD_CREDENTIAL_NAME_MAX        100
#define TIMECARD_CREDENTIAL_DESCRIPTION_MAX 1000
#define TIMECARD_CREDENTIAL_KEY_MIN         16
#define TIMECARD_CREDENTIAL_KEY_MAX         256

GQuark          timecard_credential_error_quark          (void);

char           *timecard_credential_validate_name        (const char  *name,
                                                          GError     **error);
char           *timecard_credential_validate_description (const char  *description,
                                                          GError     **error);
char           *timecard_credential_validate_key         (const char  *key,
                                                          GError     **error);
ClockifyServer *timecard_credential_parse_server         (const char  *text,
                                                          GError     **error);
char           *timecard_credential_fold_name            (const char  *name);

G_END_DECLS
