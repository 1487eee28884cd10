/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Bumped when the attributes of stored items change meaning. */
#define TIMECARD_SECRET_SCHEMA_GENERATION "1"

const SecretSchema *timecard_secret_get_schema    (void) G_GNUC_CONST;

void                timecard_secret_lookup_async  (const char          *credential_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char               *timecard_secret_lookup_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
