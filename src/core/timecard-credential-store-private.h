/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-credential-store.h"

G_BEGIN_DECLS

struct _TimecardCredentialStore
{
  GObject                           parent_instance;

  char                             *directory;
  char                             *path;
  /* Sorted by _timecard_credential_get_sort_key(), then id. */
  GPtrArray                        *credentials;
  TimecardCredentialStoreFailPoint  fail_point;
  guint                             orphan_grace;
};

void      _timecard_credential_store_replace_all       (TimecardCredentialStore           *self,
                                                        GPtrArray                         *credentials);
void      _timecard_credential_store_insert            (TimecardCredentialStore           *self,
                                                        TimecardCredential                *credential);
void      _timecard_credential_store_assign            (TimecardCredentialStore           *self,
                                                        TimecardCredential                *credential,
                                                        TimecardCredential                *from);
gboolean  _timecard_credential_store_fail_at           (TimecardCredentialStore           *self,
                                                        TimecardCredentialStoreFailPoint   point,
                                                        GError                           **error);
char     *_timecard_credential_store_dup_label         (const char                        *name);

void      _timecard_credential_store_write_async       (TimecardCredentialStore           *self,
                                                        TimecardCredential                *credential,
                                                        gboolean                           key_pending,
                                                        GCancellable                      *cancellable,
                                                        GAsyncReadyCallback                callback,
                                                        gpointer                           user_data);
gboolean  _timecard_credential_store_write_finish      (TimecardCredentialStore           *self,
                                                        GAsyncResult                      *result,
                                                        GError                           **error);

void        _timecard_credential_store_check_key_async  (ClockifyServer                   *server,
                                                         const char                       *key,
                                                         GCancellable                     *cancellable,
                                                         GAsyncReadyCallback               callback,
                                                         gpointer                          user_data);
ClockifyUser *_timecard_credential_store_check_key_finish (GAsyncResult                   *result,
                                                           GError                        **error);

GError   *_timecard_credential_store_map_check_error   (GError                            *error,
                                                        ClockifyServer                    *server);

G_END_DECLS
