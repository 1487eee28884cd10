/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "timecard-credential.h"

G_BEGIN_DECLS

/* The credentials file: a key file with a group per credential id, holding
 * everything but the key. Written whole and atomically (mode 0600) after
 * re-reading it, so a change made meanwhile by another process to another
 * credential (timecard-cli while the app runs) is kept. */

char               *_timecard_credential_file_get_path  (const char          *directory);
TimecardCredential *_timecard_credential_file_get       (GKeyFile            *file,
                                                         const char          *id,
                                                         gboolean            *out_key_pending,
                                                         GError             **error);
GKeyFile           *_timecard_credential_file_new_group (TimecardCredential  *credential,
                                                         gboolean             key_pending);

void                _timecard_credential_file_read_async   (const char          *path,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GKeyFile           *_timecard_credential_file_read_finish  (GAsyncResult        *result,
                                                            GError             **error);

void                _timecard_credential_file_update_async  (const char          *path,
                                                             const char          *id,
                                                             GKeyFile            *group,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            _timecard_credential_file_update_finish (GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
