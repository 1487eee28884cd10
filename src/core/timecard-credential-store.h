/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "clockify-client.h"
#include "timecard-credential.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_CREDENTIAL_STORE (timecard_credential_store_get_type ())

/* Seconds a key of no credential is left alone by loading. */
#define TIMECARD_CREDENTIAL_STORE_ORPHAN_GRACE 120

G_DECLARE_FINAL_TYPE (TimecardCredentialStore, timecard_credential_store, TIMECARD, CREDENTIAL_STORE, GObject)

TimecardCredentialStore *timecard_credential_store_new               (const char                        *directory);
const char              *timecard_credential_store_get_path          (TimecardCredentialStore           *self);
TimecardCredential      *timecard_credential_store_find_by_id        (TimecardCredentialStore           *self,
                                                                      const char                        *id);
TimecardCredential      *timecard_credential_store_find_by_name      (TimecardCredentialStore           *self,
                                                                      const char                        *name);
char                    *timecard_credential_store_validate_name     (TimecardCredentialStore           *self,
                                                                      TimecardCredential                *except,
                                                                      const char                        *name,
                                                                      GError                           **error);
void                     timecard_credential_store_set_orphan_grace  (TimecardCredentialStore           *self,
                                                                      guint                              seconds);
void                     timecard_credential_store_set_fail_point    (TimecardCredentialStore           *self,
                                                                      TimecardCredentialStoreFailPoint   fail_point);

void                     timecard_credential_store_load_async        (TimecardCredentialStore           *self,
                                                                      GCancellable                      *cancellable,
                                                                      GAsyncReadyCallback                callback,
                                                                      gpointer                           user_data);
gboolean                 timecard_credential_store_load_finish       (TimecardCredentialStore           *self,
                                                                      GAsyncResult                      *result,
                                                                      GError                           **error);

void                     timecard_credential_store_add_async         (TimecardCredentialStore           *self,
                                                                      const char                        *name,
                                                                      const char                        *description,
                                                                      ClockifyServer                    *server,
                                                                      const char                        *key,
                                                                      TimecardCredentialStoreFlags       flags,
                                                                      GCancellable                      *cancellable,
                                                                      GAsyncReadyCallback                callback,
                                                                      gpointer                           user_data);
TimecardCredential      *timecard_credential_store_add_finish        (TimecardCredentialStore           *self,
                                                                      GAsyncResult                      *result,
                                                                      GError                           **error);

void                     timecard_credential_store_update_async      (TimecardCredentialStore           *self,
                                                                      TimecardCredential                *credential,
                                                                      const char                        *name,
                                                                      const char                        *description,
                                                                      ClockifyServer                    *server,
                                                                      const char                        *key,
                                                                      TimecardCredentialStoreFlags       flags,
                                                                      GCancellable                      *cancellable,
                                                                      GAsyncReadyCallback                callback,
                                                                      gpointer                           user_data);
gboolean                 timecard_credential_store_update_finish     (TimecardCredentialStore           *self,
                                                                      GAsyncResult                      *result,
                                                                      GError                           **error);

void                     timecard_credential_store_remove_async      (TimecardCredentialStore           *self,
                                                                      TimecardCredential                *credential,
                                                                      GCancellable                      *cancellable,
                                                                      GAsyncReadyCallback                callback,
                                                                      gpointer                           user_data);
gboolean                 timecard_credential_store_remove_finish     (TimecardCredentialStore           *self,
                                                                      GAsyncResult                      *result,
                                                                      GError                           **error);

void                     timecard_credential_store_lookup_key_async  (TimecardCredentialStore           *self,
                                                                      TimecardCredential                *credential,
                                                                      GCancellable                      *cancellable,
                                                                      GAsyncReadyCallback                callback,
                                                                      gpointer                           user_data);
char                    *timecard_credential_store_lookup_key_finish (TimecardCredentialStore           *self,
                                                                      GAsyncResult                      *result,
                                                                      GError                           **error);

void                     timecard_credential_store_create_client_async  (TimecardCredentialStore        *self,
                                                                         TimecardCredential             *credential,
                                                                         GCancellable                   *cancellable,
                                                                         GAsyncReadyCallback             callback,
                                                                         gpointer                        user_data);
ClockifyClient          *timecard_credential_store_create_client_finish (TimecardCredentialStore        *self,
                                                                         GAsyncResult                   *result,
                                                                         GError                        **error);

void                     timecard_credential_store_verify_async      (TimecardCredentialStore           *self,
                                                                      TimecardCredential                *credential,
                                                                      GCancellable                      *cancellable,
                                                                      GAsyncReadyCallback                callback,
                                                                      gpointer                           user_data);
gboolean                 timecard_credential_store_verify_finish     (TimecardCredentialStore           *self,
                                                                      GAsyncResult                      *result,
                                                                      GError                           **error);

G_END_DECLS
