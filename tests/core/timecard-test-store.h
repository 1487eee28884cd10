/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "clockify-sim.h"
#include "timecard-credential-store.h"

G_BEGIN_DECLS

/* Synchronous helpers for the credential store tests: each runs the
 * store's asynchronous call on the thread-default main context. */

void                timecard_test_store_result     (GObject                      *object,
                                                    GAsyncResult                 *result,
                                                    gpointer                      user_data);
GAsyncResult       *timecard_test_wait_for         (GAsyncResult                **slot);

gboolean            timecard_test_store_load       (TimecardCredentialStore      *store,
                                                    GError                      **error);
TimecardCredential *timecard_test_store_add        (TimecardCredentialStore      *store,
                                                    const char                   *name,
                                                    const char                   *description,
                                                    ClockifyServer               *server,
                                                    const char                   *key,
                                                    TimecardCredentialStoreFlags  flags,
                                                    GError                      **error);
gboolean            timecard_test_store_update     (TimecardCredentialStore      *store,
                                                    TimecardCredential           *credential,
                                                    const char                   *name,
                                                    const char                   *description,
                                                    ClockifyServer               *server,
                                                    const char                   *key,
                                                    TimecardCredentialStoreFlags  flags,
                                                    GError                      **error);
gboolean            timecard_test_store_remove     (TimecardCredentialStore      *store,
                                                    TimecardCredential           *credential,
                                                    GError                      **error);
gboolean            timecard_test_store_verify     (TimecardCredentialStore      *store,
                                                    TimecardCredential           *credential,
                                                    GError                      **error);
char               *timecard_test_store_lookup_key (TimecardCredentialStore      *store,
                                                    TimecardCredential           *credential,
                                                    GError                      **error);

/* The keyring, read directly with libsecret. */
char               *timecard_test_keyring_get      (const char                   *credential_id);
char               *timecard_test_keyring_get_label (const char                  *credential_id);
guint               timecard_test_keyring_count    (void);
void                timecard_test_keyring_clear    (void);

/* The email address of the user behind a simulator key. */
char               *timecard_test_sim_user_email   (ClockifySim                  *sim,
                                                    ClockifySimKey                key);

typedef struct
{
  ClockifySim             *sim;
  ClockifyServer          *server;
  char                    *directory;
  char                    *path;
  TimecardCredentialStore *store;
  const char              *owner_key;
  const char              *member_key;
  const char              *unknown_key;
} TimecardTestStoreFixture;

/* A simulator, and a store loaded from a directory of its own. */
void                     timecard_test_store_fixture_set_up        (TimecardTestStoreFixture *fixture,
                                                                    gconstpointer             data);
void                     timecard_test_store_fixture_tear_down     (TimecardTestStoreFixture *fixture,
                                                                    gconstpointer             data);
TimecardCredentialStore *timecard_test_store_reload                (TimecardTestStoreFixture *fixture);
GKeyFile                *timecard_test_store_read_file             (TimecardTestStoreFixture *fixture);
char                    *timecard_test_store_file_get              (TimecardTestStoreFixture *fixture,
                                                                    const char               *id,
                                                                    const char               *key);
TimecardCredential      *timecard_test_store_item                  (TimecardCredentialStore  *store,
                                                                    guint                     position);
TimecardCredential      *timecard_test_store_add_owner             (TimecardTestStoreFixture *fixture,
                                                                    const char               *name);
void                     timecard_test_store_assert_nothing_stored (TimecardTestStoreFixture *fixture);

/* Removes a directory tree. */
void                timecard_test_rm_rf            (const char                   *path);

G_END_DECLS
