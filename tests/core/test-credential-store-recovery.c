/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-credential-store-recovery"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "timecard-credential-store.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"
#include "timecard-test-store.h"

/* Crash points: a failure between the steps of an add, an edit or a
 * removal, simulated with the store's fail points (a crash) or caused for
 * real (a directory where the credentials file should be), and the
 * recovery the next load makes. Against the private session's
 * gnome-keyring and the Clockify simulator. */

typedef TimecardTestStoreFixture Fixture;

static void
test_crash_add_after_secret_write (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;

  timecard_credential_store_set_fail_point (fixture->store, TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE);
  credential = timecard_test_store_add (fixture->store, "Work", NULL, fixture->server, fixture->owner_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_null (credential);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  /* The key got stored, the credential did not. */
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* The next load deletes the key nobody refers to. */
  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
}

static void
test_young_orphan_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(TimecardCredentialStore) other_process = NULL;
  g_autoptr(TimecardCredentialStore) later = NULL;
  g_autoptr(GError) error = NULL;

  timecard_credential_store_set_fail_point (fixture->store, TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE);
  credential = timecard_test_store_add (fixture->store, "Work", NULL, fixture->server, fixture->owner_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  /* Another process loading now cannot tell an add under way from an
   * interrupted one: the key stays until it is old enough. */
  other_process = timecard_credential_store_new (fixture->directory);
  g_assert_true (timecard_test_store_load (other_process, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);

  later = timecard_test_store_reload (fixture);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
}

/* Makes the credentials file unreadable and unwritable even for root: a
 * directory where the file should be. */
static void
break_file (Fixture *fixture)
{
  g_remove (fixture->path);
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
}

static void
repair_file (Fixture *fixture)
{
  g_assert_cmpint (g_rmdir (fixture->path), ==, 0);
}

static void
test_crash_add_file_unwritable (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  break_file (fixture);
  credential = timecard_test_store_add (fixture->store, "Work", NULL, fixture->server, fixture->owner_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error);
  g_assert_null (credential);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_STORAGE);
  g_assert_true (g_str_has_prefix (error->message, "The credentials file “"));

  /* The key stored first was taken back. */
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 0);

  repair_file (fixture);
  timecard_test_store_assert_nothing_stored (fixture);
}

static void
test_crash_edit_before_secret_write (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *name = NULL;
  TimecardCredential *loaded;
  const char *id = timecard_credential_get_id (work);

  timecard_credential_store_set_fail_point (fixture->store, TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_WRITE);
  g_assert_false (timecard_test_store_update (fixture->store, work, "Renamed", NULL, NULL, fixture->member_key,
                                              TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  /* The file marks the change; the old key is still there. */
  pending = timecard_test_store_file_get (fixture, id, "key-pending");
  g_assert_cmpstr (pending, ==, "true");
  name = timecard_test_store_file_get (fixture, id, "name");
  g_assert_cmpstr (name, ==, "Work");
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->owner_key);

  /* Loaded as unverified, saying the change was interrupted. */
  store = timecard_test_store_reload (fixture);
  loaded = timecard_test_store_item (store, 0);
  g_assert_cmpstr (timecard_credential_get_name (loaded), ==, "Work");
  g_assert_cmpint (timecard_credential_get_state (loaded), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_cmpstr (timecard_credential_get_state_message (loaded), ==,
                   "A change of the API key was interrupted: verify the credential, or enter the key again");

  /* Verifying settles it and clears the mark. */
  g_assert_true (timecard_test_store_verify (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timecard_credential_get_state (loaded), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_clear_pointer (&pending, g_free);
  pending = timecard_test_store_file_get (fixture, id, "key-pending");
  g_assert_null (pending);
}

static void
test_crash_edit_after_secret_write (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *member_email = timecard_test_sim_user_email (fixture->sim, CLOCKIFY_SIM_KEY_MEMBER);
  TimecardCredential *loaded;
  const char *id = timecard_credential_get_id (work);

  timecard_credential_store_set_fail_point (fixture->store, TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE);
  g_assert_false (timecard_test_store_update (fixture->store, work, NULL, NULL, NULL, fixture->member_key,
                                              TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  /* The new key replaced the old one; the file still has the old values. */
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->member_key);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);

  store = timecard_test_store_reload (fixture);
  loaded = timecard_test_store_item (store, 0);
  g_assert_cmpint (timecard_credential_get_state (loaded), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_cmpstr (timecard_credential_get_state_message (loaded), ==,
                   "A change of the API key was interrupted: verify the credential, or enter the key again");

  g_assert_true (timecard_test_store_verify (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (timecard_credential_get_user_email (loaded), ==, member_email);
}

static void
test_crash_edit_file_unwritable (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  /* The file cannot take the mark: nothing else happens. */
  break_file (fixture);
  g_assert_false (timecard_test_store_update (fixture->store, work, NULL, NULL, NULL, fixture->member_key,
                                              TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_STORAGE);
  repair_file (fixture);

  key = timecard_test_keyring_get (timecard_credential_get_id (work));
  g_assert_cmpstr (key, ==, fixture->owner_key);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
}

static void
test_crash_remove_before_secret_clear (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GError) error = NULL;

  timecard_credential_store_set_fail_point (fixture->store, TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_CLEAR);
  g_assert_false (timecard_test_store_remove (fixture->store, work, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  /* Gone from the file, the key still there. */
  file = timecard_test_store_read_file (fixture);
  g_assert_false (g_key_file_has_group (file, timecard_credential_get_id (work)));
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);

  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
}

static void
test_crash_remove_file_unwritable (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  break_file (fixture);
  g_assert_false (timecard_test_store_remove (fixture->store, work, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_STORAGE);
  repair_file (fixture);

  /* Nothing was removed: the credential and its key stay. */
  g_assert_true (timecard_credential_store_find_by_name (fixture->store, "Work") == work);
  key = timecard_test_keyring_get (timecard_credential_get_id (work));
  g_assert_cmpstr (key, ==, fixture->owner_key);
}

static void
test_missing_key (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(TimecardApiKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  TimecardCredential *loaded;

  /* The key disappears behind Timecard's back (a keyring reset). */
  timecard_test_keyring_clear ();

  store = timecard_test_store_reload (fixture);
  loaded = timecard_test_store_item (store, 0);
  g_assert_cmpint (timecard_credential_get_state (loaded), ==, TIMECARD_CREDENTIAL_STATE_MISSING_KEY);
  g_assert_cmpstr (timecard_credential_get_state_message (loaded), ==,
                   "The API key is not in the keyring: enter it again");
  /* What the file knew stays there for when the key is back. */
  state = timecard_test_store_file_get (fixture, timecard_credential_get_id (work), "state");
  g_assert_cmpstr (state, ==, "verified");

  key = timecard_test_store_lookup_key (store, loaded, &error);
  g_assert_null (key);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_KEY_MISSING);
  g_assert_cmpstr (error->message, ==, "The API key of “Work” is not in the keyring: enter it again");
  g_clear_error (&error);

  g_assert_false (timecard_test_store_verify (store, loaded, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_KEY_MISSING);
  g_clear_error (&error);

  /* Entering the key again mends it. */
  g_assert_true (timecard_test_store_update (store, loaded, NULL, NULL, NULL, fixture->owner_key,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timecard_credential_get_state (loaded), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  key = timecard_test_store_lookup_key (store, loaded, &error);
  g_assert_cmpstr (key, ==, fixture->owner_key);
}

static void
test_load_keeps_damaged_groups_keys (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GKeyFile) file = timecard_test_store_read_file (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  /* A group this version cannot read (say, a server form from a newer
   * Timecard) is skipped, but its key is no orphan. */
  g_key_file_set_string (file, timecard_credential_get_id (work), "server", "mars1");
  g_assert_true (g_key_file_save_to_file (file, fixture->path, &error));

  g_test_expect_message ("timecard-credential-store", G_LOG_LEVEL_WARNING, "Skipping credential*");
  store = timecard_test_store_reload (fixture);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  key = timecard_test_keyring_get (timecard_credential_get_id (work));
  g_assert_cmpstr (key, ==, fixture->owner_key);
}

static void
test_two_stores_share_the_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) other = timecard_test_store_reload (fixture);
  g_autoptr(TimecardCredential) cli = NULL;
  g_autoptr(TimecardCredential) clash = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* timecard-cli adds a credential while the app runs... */
  cli = timecard_test_store_add (other, "From the CLI", NULL, fixture->server, fixture->member_key,
                                 TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* ...then the app saves a change of its own, which keeps it. */
  g_assert_true (timecard_test_store_update (fixture->store, work, NULL, "Edited in the app", NULL, NULL,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_no_error (error);

  /* A name the app has not seen yet is still taken, and nothing is stored. */
  clash = timecard_test_store_add (fixture->store, "from the cli", NULL, fixture->server, fixture->owner_key,
                                   TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_null (clash);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 2);

  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_nonnull (timecard_credential_store_find_by_name (store, "From the CLI"));
  g_assert_cmpstr (timecard_credential_get_description (timecard_credential_store_find_by_name (store, "Work")),
                   ==, "Edited in the app");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/credential-store/" path, Fixture, NULL, \
              timecard_test_store_fixture_set_up, func, timecard_test_store_fixture_tear_down)

  ADD ("crash/add-after-secret-write", test_crash_add_after_secret_write);
  ADD ("crash/add-young-orphan-kept", test_young_orphan_kept);
  ADD ("crash/add-file-unwritable", test_crash_add_file_unwritable);
  ADD ("crash/edit-before-secret-write", test_crash_edit_before_secret_write);
  ADD ("crash/edit-after-secret-write", test_crash_edit_after_secret_write);
  ADD ("crash/edit-file-unwritable", test_crash_edit_file_unwritable);
  ADD ("crash/remove-before-secret-clear", test_crash_remove_before_secret_clear);
  ADD ("crash/remove-file-unwritable", test_crash_remove_file_unwritable);
  ADD ("load/missing-key", test_missing_key);
  ADD ("load/damaged-group-keeps-key", test_load_keeps_damaged_groups_keys);
  ADD ("load/two-stores-share-the-file", test_two_stores_share_the_file);

#undef ADD

  return g_test_run ();
}
