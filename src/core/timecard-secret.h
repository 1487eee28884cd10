/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Bumped when the attributes of stored items change meaning. */
#define TIMECARD_SECRET_SCHEMA_GENERATION "1"

/**
 * TimecardApiKey:
 *
 * An API key in memory: a plain `char`, so `g_autoptr(TimecardApiKey)`
 * declares a `char *` that is wiped and freed with secret_password_free()
 * when it goes out of scope.
 */
typedef char TimecardApiKey;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TimecardApiKey, secret_password_free)

/**
 * TimecardSecretItem:
 * @locked: whether the item is locked (an item of a credential may have
 *   copies, then: whether any is)
 * @modified: when the item was last written, in seconds since the epoch
 *
 * What timecard_secret_list_async() tells about a credential's item.
 */
typedef struct
{
  gboolean locked;
  gint64   modified;
} TimecardSecretItem;

const SecretSchema *timecard_secret_get_schema   (void) G_GNUC_CONST;

GError             *timecard_secret_map_error    (GError              *error);

void                timecard_secret_store_async  (const char          *credential_id,
                                                  const char          *label,
                                                  const char          *key,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            timecard_secret_store_finish (GAsyncResult        *result,
                                                  GError             **error);

void                timecard_secret_lookup_async (const char          *credential_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
char               *timecard_secret_lookup_finish (GAsyncResult       *result,
                                                   GError            **error);

void                timecard_secret_clear_async  (const char          *credential_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            timecard_secret_clear_finish (GAsyncResult        *result,
                                                  GError             **error);

void                timecard_secret_list_async   (const char          *credential_id,
                                                  gboolean             unlock,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GHashTable         *timecard_secret_list_finish  (GAsyncResult        *result,
                                                  GError             **error);

void                timecard_secret_set_label_async  (const char          *credential_id,
                                                      const char          *label,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            timecard_secret_set_label_finish (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
