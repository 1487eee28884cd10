/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-credential-store-unavailable"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "timecard-credential-store.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"
#include "timecard-test-store.h"

/* The store when the Secret Service cannot be used. Run twice: in a
 * session without any Secret Service (TIMECARD_SESSION=no-secrets), and in
 * the normal session with the keyring locked, where the unlock prompt
 * cannot be answered. Every operation that needs the keyring fails
 * quickly, names the cause, and writes nothing. */

#define CREDENTIAL_ID "5b0f3f4e-0c3a-4c55-8f0e-3f8f0d6f2b11"
#define ORPHAN_ID     "9d7e6c1a-4b2f-4e5d-a6c7-1e2f3a4b5c6d"

/* Long enough for a slow sanitizer build, far from libsecret's endless
 * wait for an unanswered prompt. */
#define QUICKLY_USEC (3 * G_USEC_PER_SEC)

static gboolean     no_secrets;
static const char  *expected_message;
static char        *directory;
static char        *path;
static char        *contents;
static ClockifySim *sim;

static void
assert_unavailable (const GError *error,
                    gint64        started)
{
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE);
  g_assert_true (g_str_has_prefix (error->message, expected_message));
  g_assert_cmpint (g_get_monotonic_time () - started, <, QUICKLY_USEC);
}

static void
assert_nothing_written (void)
{
  g_autofree char *now = NULL;
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n_files = 0;

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, contents);

  /* No temporary file left behind either. */
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
}

static TimecardCredentialStore *
load_store (void)
{
  g_autoptr(TimecardCredentialStore) store = timecard_credential_store_new (directory);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  ok = timecard_test_store_load (store, &error);
  if (no_secrets)
    {
      g_assert_false (ok);
      assert_unavailable (error, started);
    }
  else
    {
      /* Listing needs no unlocking: a locked keyring loads as usual. */
      g_assert_no_error (error);
      g_assert_true (ok);
    }

  /* Either way the credentials file's tiles are there. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  return g_steal_pointer (&store);
}

static void
test_load (void)
{
  g_autoptr(TimecardCredentialStore) store = load_store ();
  g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), 0);

  g_assert_cmpstr (timecard_credential_get_name (credential), ==, "Work");
  /* Not “missing key”: the keyring could not tell. */
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  assert_nothing_written ();

  /* A locked orphan waits for a load that can delete it without a prompt. */
  if (!no_secrets)
    g_assert_cmpuint (timecard_test_keyring_count (), ==, 2);
}

static void
test_add (void)
{
  g_autoptr(TimecardCredentialStore) store = load_store ();
  g_autoptr(ClockifyServer) server = clockify_server_parse (clockify_sim_get_base_url (sim), NULL);
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  credential = timecard_test_store_add (store, "Home", NULL, server,
                                        clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_null (credential);
  assert_unavailable (error, started);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  assert_nothing_written ();
}

static void
test_edit_key (void)
{
  g_autoptr(TimecardCredentialStore) store = load_store ();
  g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert_false (timecard_test_store_update (store, credential, NULL, NULL, NULL,
                                              clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER),
                                              TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  assert_unavailable (error, started);
  assert_nothing_written ();
}

static void
test_verify (void)
{
  g_autoptr(TimecardCredentialStore) store = load_store ();
  g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert_false (timecard_test_store_verify (store, credential, &error));
  assert_unavailable (error, started);
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  assert_nothing_written ();
}

static void
test_lookup_key (void)
{
  g_autoptr(TimecardCredentialStore) store = load_store ();
  g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_autoptr(TimecardApiKey) key = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  key = timecard_test_store_lookup_key (store, credential, &error);
  g_assert_null (key);
  /* Locked is not missing. */
  assert_unavailable (error, started);
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  assert_nothing_written ();
}

static void
test_remove (void)
{
  g_autoptr(TimecardCredentialStore) store = load_store ();
  g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert_false (timecard_test_store_remove (store, credential, &error));
  assert_unavailable (error, started);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  assert_nothing_written ();
}

static void
lock_keyring (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;
  int n;

  secret_password_store_sync (timecard_secret_get_schema (), SECRET_COLLECTION_DEFAULT, "Work key",
                              clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER), NULL, &error,
                              "credential-id", CREDENTIAL_ID,
                              "generation", TIMECARD_SECRET_SCHEMA_GENERATION,
                              NULL);
  g_assert_no_error (error);
  secret_password_store_sync (timecard_secret_get_schema (), SECRET_COLLECTION_DEFAULT, "Orphan key",
                              clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER), NULL, &error,
                              "credential-id", ORPHAN_ID,
                              "generation", TIMECARD_SECRET_SCHEMA_GENERATION,
                              NULL);
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  n = secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *template = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  no_secrets = g_strcmp0 (g_getenv ("TIMECARD_SESSION"), "no-secrets") == 0;
  expected_message = no_secrets ? "No Secret Service is running"
                                : "The keyring is locked, and unlocking it was refused or cancelled";

  sim = clockify_sim_new (NULL);
  g_assert_true (clockify_sim_start (sim, &error));
  g_assert_no_error (error);

  template = g_build_filename (g_get_user_data_dir (), "unavailable-XXXXXX", NULL);
  directory = g_mkdtemp (g_steal_pointer (&template));
  path = g_build_filename (directory, "credentials.ini", NULL);
  contents = g_strdup_printf ("[%s]\n"
                              "name=Work\n"
                              "server=%s\n"
                              "created=2026-03-01T09:00:00Z\n"
                              "last-verified=2026-03-01T09:00:00Z\n"
                              "state=verified\n"
                              "user-id=u1\n"
                              "user-email=jane@example.com\n",
                              CREDENTIAL_ID, clockify_sim_get_base_url (sim));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));

  if (!no_secrets)
    lock_keyring ();

  g_test_add_func ("/core/credential-store-unavailable/load", test_load);
  g_test_add_func ("/core/credential-store-unavailable/add", test_add);
  g_test_add_func ("/core/credential-store-unavailable/edit-key", test_edit_key);
  g_test_add_func ("/core/credential-store-unavailable/verify", test_verify);
  g_test_add_func ("/core/credential-store-unavailable/lookup-key", test_lookup_key);
  g_test_add_func ("/core/credential-store-unavailable/remove", test_remove);

  status = g_test_run ();

  g_clear_object (&sim);
  timecard_test_rm_rf (directory);
  g_free (directory);
  g_free (path);
  g_free (contents);

  return status;
}
