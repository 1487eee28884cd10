/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-credential-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "timecard-credential-store.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"
#include "timecard-test-store.h"

/* TimecardCredentialStore against the private session's gnome-keyring and
 * the Clockify simulator: every operation read back from the Secret
 * Service and the credentials file, every validation rule, and recovery
 * from a failure between the steps of each change. */

typedef TimecardTestStoreFixture Fixture;

static void
test_add_verified (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(ClockifyServer) server_read = NULL;
  g_autofree char *email = timecard_test_sim_user_email (fixture->sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *server_text = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GError) error = NULL;
  TimecardCredential *loaded;
  GStatBuf st;
  const char *id;

  credential = timecard_test_store_add (fixture->store, "  Work  ", "The office workspace",
                                        fixture->server, fixture->owner_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error);
  g_assert_no_error (error);
  id = timecard_credential_get_id (credential);

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (timecard_credential_get_name (credential), ==, "Work");
  g_assert_cmpstr (timecard_credential_get_description (credential), ==, "The office workspace");
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_cmpstr (timecard_credential_get_user_id (credential), ==,
                   clockify_sim_get_user_id (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpstr (timecard_credential_get_user_email (credential), ==, email);
  g_assert_nonnull (timecard_credential_get_user_name (credential));
  g_assert_nonnull (timecard_credential_get_user_time_zone (credential));
  g_assert_nonnull (timecard_credential_get_last_verified (credential));
  g_assert_true (timecard_test_store_item (fixture->store, 0) == credential);

  /* One GET /v1/user, with the key it was given. */
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, "GET", "/api/v1/user", 200), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (fixture->sim, "owner"), ==, 0);

  /* The key is in the keyring under the credential's id, labelled. */
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->owner_key);
  label = timecard_test_keyring_get_label (id);
  g_assert_cmpstr (label, ==, "Clockify API key for “Work”");

  /* The rest is in the file, which only its owner reads, without the key. */
  server_text = timecard_test_store_file_get (fixture, id, "server");
  g_assert_cmpstr (server_text, ==, clockify_sim_get_base_url (fixture->sim));
  state = timecard_test_store_file_get (fixture, id, "state");
  g_assert_cmpstr (state, ==, "verified");
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, fixture->owner_key));
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  loaded = timecard_test_store_item (store, 0);
  g_assert_cmpstr (timecard_credential_get_id (loaded), ==, id);
  g_assert_cmpstr (timecard_credential_get_name (loaded), ==, "Work");
  g_assert_cmpstr (timecard_credential_get_description (loaded), ==, "The office workspace");
  g_assert_true (clockify_server_equal (timecard_credential_get_server (loaded), fixture->server));
  g_assert_cmpint (timecard_credential_get_state (loaded), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_cmpstr (timecard_credential_get_user_email (loaded), ==, email);
  g_assert_true (g_date_time_equal (timecard_credential_get_last_verified (loaded),
                                    timecard_credential_get_last_verified (credential)));
  g_assert_true (g_date_time_equal (timecard_credential_get_created (loaded),
                                    timecard_credential_get_created (credential)));
}

static void
test_add_unverified (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *padded = g_strdup_printf ("  %s\r\n", fixture->owner_key);

  credential = timecard_test_store_add (fixture->store, "Pasted", NULL, fixture->server, padded,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_null (timecard_credential_get_user_id (credential));
  g_assert_null (timecard_credential_get_last_verified (credential));

  /* Stored trimmed; Clockify was not asked. */
  key = timecard_test_keyring_get (timecard_credential_get_id (credential));
  g_assert_cmpstr (key, ==, fixture->owner_key);
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
}

/* Ours, with Clockify's own message; no hint off the global server. */
static void
assert_rejected_message (const char *message)
{
  g_assert_true (g_str_has_prefix (message, "Clockify refused the API key: "));
  g_assert_nonnull (strstr (message, "Full authentication is required to access this resource"));
  g_assert_null (strstr (message, "data region"));
}

static void
test_add_rejected (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  credential = timecard_test_store_add (fixture->store, "Wrong", NULL, fixture->server, fixture->unknown_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error);
  g_assert_null (credential);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  assert_rejected_message (error->message);
  g_assert_null (strstr (error->message, fixture->unknown_key));
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, "GET", "/api/v1/user", 401), ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 0);
  timecard_test_store_assert_nothing_stored (fixture);
}

static void
test_add_unreachable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  clockify_sim_stop (fixture->sim);

  credential = timecard_test_store_add (fixture->store, "Offline", NULL, fixture->server, fixture->owner_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error);
  g_assert_null (credential);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Clockify could not be reached to check the key: "));
  timecard_test_store_assert_nothing_stored (fixture);
}

static void
assert_add_fails (Fixture    *fixture,
                  const char *name,
                  const char *description,
                  const char *key,
                  int         code,
                  const char *message)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  credential = timecard_test_store_add (fixture->store, name, description, fixture->server, key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error);
  g_assert_null (credential);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (101, 'n');
  g_autofree char *long_description = g_strnfill (1001, 'd');
  g_autofree char *long_key = g_strnfill (257, 'k');
  g_autoptr(TimecardCredential) work = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) verified = NULL;
  g_autofree char *contents_before = NULL;
  g_autofree char *contents_after = NULL;
  g_autofree char *key = NULL;
  const char *owner = fixture->owner_key;

  assert_add_fails (fixture, "", NULL, owner, TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED,
                    "Enter a name for the credential");
  assert_add_fails (fixture, "   ", NULL, owner, TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED,
                    "Enter a name for the credential");
  assert_add_fails (fixture, long_name, NULL, owner, TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG,
                    "The name is too long: use at most 100 characters");
  assert_add_fails (fixture, "Two\nlines", NULL, owner, TIMECARD_CREDENTIAL_ERROR_NAME_INVALID,
                    "The name must not contain line breaks or control characters");
  assert_add_fails (fixture, "Work", long_description, owner, TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG,
                    "The description is too long: use at most 1000 characters");
  assert_add_fails (fixture, "Work", NULL, "", TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED, "Enter the API key");
  assert_add_fails (fixture, "Work", NULL, "\n", TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED, "Enter the API key");
  assert_add_fails (fixture, "Work", NULL, "abcdefgh ijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain spaces or line breaks");
  assert_add_fails (fixture, "Work", NULL, "abcdefgh\x1bijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain control characters");
  assert_add_fails (fixture, "Work", NULL, "abcdefghijklmnopqß", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must contain only ASCII letters, digits and punctuation");
  assert_add_fails (fixture, "Work", NULL, "short-key", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key is too short: Clockify keys have at least 16 characters");
  assert_add_fails (fixture, "Work", NULL, long_key, TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key is too long: Clockify keys have at most 256 characters");

  /* None of that asked Clockify or stored anything. */
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  timecard_test_store_assert_nothing_stored (fixture);

  /* Unique, ignoring case and surrounding whitespace. */
  work = timecard_test_store_add_owner (fixture, "Work");
  clockify_sim_clear_log (fixture->sim);
  assert_add_fails (fixture, " WORK ", NULL, fixture->member_key, TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN,
                    "A credential named “Work” already exists");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);

  /* The same rules for an edit, which then changes nothing. */
  verified = g_date_time_ref (timecard_credential_get_last_verified (work));
  {
    g_autoptr(TimecardCredential) other = timecard_test_store_add_owner (fixture, "Other");
    struct { const char *name, *description, *key; int code; const char *message; } edits[] = {
      { "", NULL, NULL, TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED, "Enter a name for the credential" },
      { long_name, NULL, NULL, TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG,
        "The name is too long: use at most 100 characters" },
      { "oTHER", NULL, NULL, TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN, "A credential named “Other” already exists" },
      { NULL, long_description, NULL, TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG,
        "The description is too long: use at most 1000 characters" },
      { NULL, NULL, " ", TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED, "Enter the API key" },
      { NULL, NULL, "tiny", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
        "The API key is too short: Clockify keys have at least 16 characters" },
    };

    g_assert_true (g_file_get_contents (fixture->path, &contents_before, NULL, NULL));
    clockify_sim_clear_log (fixture->sim);

    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        gboolean ok = timecard_test_store_update (fixture->store, work, edits[i].name, edits[i].description,
                                                  NULL, edits[i].key, TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY,
                                                  &error);
        g_assert_false (ok);
        g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, edits[i].code);
        g_assert_cmpstr (error->message, ==, edits[i].message);
        g_clear_error (&error);
      }
  }

  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &contents_after, NULL, NULL));
  g_assert_cmpstr (contents_after, ==, contents_before);
  g_assert_cmpstr (timecard_credential_get_name (work), ==, "Work");
  g_assert_true (g_date_time_equal (timecard_credential_get_last_verified (work), verified));
  key = timecard_test_keyring_get (timecard_credential_get_id (work));
  g_assert_cmpstr (key, ==, fixture->owner_key);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  GArray *changes = user_data;
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_order (TimecardCredentialStore *store,
              const char * const      *names)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, g_strv_length ((char **) names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpstr (timecard_credential_get_name (timecard_test_store_item (store, i)), ==, names[i]);
}

static void
test_list_sorted (Fixture       *fixture,
                  gconstpointer  data)
{
  const char * const names[] = { "beta", "Alpha", "gamma", "alpha two", "Delta", NULL };
  const char * const sorted[] = { "Alpha", "alpha two", "beta", "Delta", "gamma", NULL };
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(TimecardCredentialStore) store = NULL;
  guint n_items = 0;

  g_signal_connect (fixture->store, "items-changed", G_CALLBACK (record_change), changes);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(TimecardCredential) credential = NULL;
      g_autoptr(GError) error = NULL;

      credential = timecard_test_store_add (fixture->store, names[i], NULL, fixture->server,
                                            fixture->owner_key, TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }

  assert_order (fixture->store, sorted);
  g_object_get (fixture->store, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 5);

  /* Each add inserted one item where it sorts. */
  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 0);  /* beta */
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 0);  /* Alpha */
  g_assert_cmpuint (g_array_index (changes, Change, 2).position, ==, 2);  /* gamma */
  g_assert_cmpuint (g_array_index (changes, Change, 3).position, ==, 1);  /* alpha two */
  g_assert_cmpuint (g_array_index (changes, Change, 4).position, ==, 3);  /* Delta */
  for (guint i = 0; i < changes->len; i++)
    {
      g_assert_cmpuint (g_array_index (changes, Change, i).removed, ==, 0);
      g_assert_cmpuint (g_array_index (changes, Change, i).added, ==, 1);
    }

  store = timecard_test_store_reload (fixture);
  assert_order (store, sorted);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == TIMECARD_TYPE_CREDENTIAL);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 5));
}

static void
test_edit_name_description (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredential) zoo = timecard_test_store_add_owner (fixture, "Zoo");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GDateTime) verified = g_date_time_ref (timecard_credential_get_last_verified (work));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  const char * const after_rename[] = { "Zoo", "Zzz work", NULL };
  const char *id = timecard_credential_get_id (work);

  clockify_sim_clear_log (fixture->sim);

  g_assert_true (timecard_test_store_update (fixture->store, work, " Zzz work ", "Now with a description",
                                             NULL, NULL, TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (timecard_credential_get_name (work), ==, "Zzz work");
  g_assert_cmpstr (timecard_credential_get_description (work), ==, "Now with a description");
  assert_order (fixture->store, after_rename);

  /* Neither the key nor the server changed: nothing to ask Clockify, and
   * the verification stands. */
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_true (g_date_time_equal (timecard_credential_get_last_verified (work), verified));

  name = timecard_test_store_file_get (fixture, id, "name");
  g_assert_cmpstr (name, ==, "Zzz work");
  description = timecard_test_store_file_get (fixture, id, "description");
  g_assert_cmpstr (description, ==, "Now with a description");
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->owner_key);

  /* The keyring item is relabelled too. */
  label = timecard_test_keyring_get_label (id);
  g_assert_cmpstr (label, ==, "Clockify API key for “Zzz work”");

  /* A change of case only is the credential's own name. */
  g_assert_true (timecard_test_store_update (fixture->store, zoo, "ZOO", NULL, NULL, NULL,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_no_error (error);

  store = timecard_test_store_reload (fixture);
  {
    const char * const expected[] = { "ZOO", "Zzz work", NULL };

    assert_order (store, expected);
  }
  g_assert_cmpstr (timecard_credential_get_description (timecard_test_store_item (store, 1)), ==, "Now with a description");
  g_assert_cmpint (timecard_credential_get_state (timecard_test_store_item (store, 1)), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
}

static void
test_edit_server (Fixture       *fixture,
                  gconstpointer  data)
{
  ClockifySimOptions options;
  g_autoptr(ClockifySim) other_sim = NULL;
  g_autoptr(ClockifyServer) other_server = NULL;
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(GError) error = NULL;
  g_autofree char *server_text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *other_email = NULL;
  const char *other_key;
  const char *id = timecard_credential_get_id (work);

  clockify_sim_options_init_default (&options);
  options.seed = 2;
  other_sim = clockify_sim_new (&options);
  g_assert_true (clockify_sim_start (other_sim, &error));
  other_server = clockify_server_parse (clockify_sim_get_base_url (other_sim), &error);
  g_assert_no_error (error);
  other_key = clockify_sim_get_key (other_sim, CLOCKIFY_SIM_KEY_OWNER);
  g_assert_cmpstr (other_key, !=, fixture->owner_key);

  /* The stored key is unknown on the other server: nothing changes. */
  g_assert_false (timecard_test_store_update (fixture->store, work, NULL, NULL, other_server, NULL,
                                              TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  g_clear_error (&error);
  g_assert_cmpuint (clockify_sim_count_requests (other_sim, "GET", "/api/v1/user", 401), ==, 1);
  g_assert_true (clockify_server_equal (timecard_credential_get_server (work), fixture->server));
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  server_text = timecard_test_store_file_get (fixture, id, "server");
  g_assert_cmpstr (server_text, ==, clockify_sim_get_base_url (fixture->sim));

  /* Server and key together, checked on the new server. */
  g_assert_true (timecard_test_store_update (fixture->store, work, NULL, NULL, other_server, other_key,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_no_error (error);
  other_email = timecard_test_sim_user_email (other_sim, CLOCKIFY_SIM_KEY_OWNER);
  g_assert_true (clockify_server_equal (timecard_credential_get_server (work), other_server));
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_cmpstr (timecard_credential_get_user_email (work), ==, other_email);
  g_clear_pointer (&server_text, g_free);
  server_text = timecard_test_store_file_get (fixture, id, "server");
  g_assert_cmpstr (server_text, ==, clockify_sim_get_base_url (other_sim));
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, other_key);

  /* Without the check the server changes and the credential is unverified. */
  g_assert_true (timecard_test_store_update (fixture->store, work, NULL, NULL, fixture->server, NULL,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (clockify_server_equal (timecard_credential_get_server (work), fixture->server));
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_null (timecard_credential_get_user_email (work));
}

static void
test_edit_key (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autofree char *member_email = timecard_test_sim_user_email (fixture->sim, CLOCKIFY_SIM_KEY_MEMBER);
  g_autofree char *key = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = timecard_credential_get_id (work);

  /* A rejected key leaves the old one and everything else alone. */
  g_assert_false (timecard_test_store_update (fixture->store, work, NULL, NULL, NULL, fixture->unknown_key,
                                              TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  g_clear_error (&error);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->owner_key);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);

  /* An accepted one replaces it, and says whose it is. */
  g_assert_true (timecard_test_store_update (fixture->store, work, NULL, NULL, NULL, fixture->member_key,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error));
  g_assert_no_error (error);
  g_clear_pointer (&key, g_free);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->member_key);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);
  g_assert_cmpstr (timecard_credential_get_user_email (work), ==, member_email);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  pending = timecard_test_store_file_get (fixture, id, "key-pending");
  g_assert_null (pending);

  /* Unchecked, it is stored and the credential is unverified. */
  g_assert_true (timecard_test_store_update (fixture->store, work, NULL, NULL, NULL, fixture->unknown_key,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&key, g_free);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, fixture->unknown_key);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_null (timecard_credential_get_user_email (work));

  store = timecard_test_store_reload (fixture);
  g_assert_cmpint (timecard_credential_get_state (timecard_test_store_item (store, 0)), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_null (timecard_credential_get_state_message (timecard_test_store_item (store, 0)));
}

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = timecard_test_sim_user_email (fixture->sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *state = NULL;
  g_autofree char *message = NULL;
  const char *id;

  work = timecard_test_store_add (fixture->store, "Work", NULL, fixture->server, fixture->owner_key,
                                  TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  id = timecard_credential_get_id (work);

  g_assert_true (timecard_test_store_verify (fixture->store, work, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_cmpstr (timecard_credential_get_user_email (work), ==, email);
  g_assert_nonnull (timecard_credential_get_last_verified (work));
  state = timecard_test_store_file_get (fixture, id, "state");
  g_assert_cmpstr (state, ==, "verified");
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, "GET", "/api/v1/user", 200), ==, 1);

  /* Clockify out of reach: unverified, with the reason, also in the file. */
  clockify_sim_add_faults_from_string (fixture->sim, "status,status=500,path=/api/v1/user", &error);
  g_assert_no_error (error);
  g_assert_false (timecard_test_store_verify (fixture->store, work, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Clockify could not check the key: "));
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_cmpstr (timecard_credential_get_state_message (work), ==, error->message);
  g_clear_error (&error);
  clockify_sim_clear_faults (fixture->sim);
  g_clear_pointer (&state, g_free);
  state = timecard_test_store_file_get (fixture, id, "state");
  g_assert_cmpstr (state, ==, "unverified");

  /* A key Clockify refuses: rejected, with Clockify's message. */
  g_assert_true (timecard_test_store_update (fixture->store, work, NULL, NULL, NULL, fixture->unknown_key,
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (timecard_test_store_verify (fixture->store, work, &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  assert_rejected_message (error->message);
  g_assert_cmpint (timecard_credential_get_state (work), ==, TIMECARD_CREDENTIAL_STATE_REJECTED);

  store = timecard_test_store_reload (fixture);
  g_assert_cmpint (timecard_credential_get_state (timecard_test_store_item (store, 0)), ==, TIMECARD_CREDENTIAL_STATE_REJECTED);
  g_assert_cmpstr (timecard_credential_get_state_message (timecard_test_store_item (store, 0)), ==, error->message);
  message = timecard_test_store_file_get (fixture, id, "state-message");
  g_assert_cmpstr (message, ==, error->message);
}

static void
test_verify_removed_meanwhile (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Clockify answers slowly; the credential is removed meanwhile. */
  clockify_sim_add_faults_from_string (fixture->sim, "delay,ms=300,path=/api/v1/user", &error);
  g_assert_no_error (error);
  timecard_credential_store_verify_async (fixture->store, work, NULL, timecard_test_store_result, &result);
  g_assert_true (timecard_test_store_remove (fixture->store, work, &error));
  g_assert_no_error (error);
  g_assert_null (result);

  g_assert_false (timecard_credential_store_verify_finish (fixture->store, timecard_test_wait_for (&result),
                                                           &error));
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NOT_FOUND);

  /* The answer did not bring it back. */
  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardCredential) home = timecard_test_store_add_owner (fixture, "Home");
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *home_key = NULL;

  g_assert_true (timecard_test_store_remove (fixture->store, work, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 1);
  g_assert_null (timecard_credential_store_find_by_name (fixture->store, "work"));
  key = timecard_test_keyring_get (timecard_credential_get_id (work));
  g_assert_null (key);
  home_key = timecard_test_keyring_get (timecard_credential_get_id (home));
  g_assert_cmpstr (home_key, ==, fixture->owner_key);
  file = timecard_test_store_read_file (fixture);
  g_assert_false (g_key_file_has_group (file, timecard_credential_get_id (work)));
  g_assert_true (g_key_file_has_group (file, timecard_credential_get_id (home)));

  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpstr (timecard_credential_get_name (timecard_test_store_item (store, 0)), ==, "Home");
}

static void
test_lookup_key (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TimecardCredential) work = timecard_test_store_add_owner (fixture, "Work");
  g_autoptr(TimecardApiKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (timecard_credential_store_find_by_id (fixture->store, timecard_credential_get_id (work)) == work);
  g_assert_true (timecard_credential_store_find_by_name (fixture->store, " WORK ") == work);

  key = timecard_test_store_lookup_key (fixture->store, work, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, fixture->owner_key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/credential-store/" path, Fixture, NULL, \
              timecard_test_store_fixture_set_up, func, timecard_test_store_fixture_tear_down)

  ADD ("add/verified", test_add_verified);
  ADD ("add/unverified", test_add_unverified);
  ADD ("add/rejected", test_add_rejected);
  ADD ("add/unreachable", test_add_unreachable);
  ADD ("validation", test_validation);
  ADD ("list/sorted", test_list_sorted);
  ADD ("edit/name-description", test_edit_name_description);
  ADD ("edit/server", test_edit_server);
  ADD ("edit/key", test_edit_key);
  ADD ("verify", test_verify);
  ADD ("verify/removed-meanwhile", test_verify_removed_meanwhile);
  ADD ("remove", test_remove);
  ADD ("lookup-key", test_lookup_key);

#undef ADD

  return g_test_run ();
}
