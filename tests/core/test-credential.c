/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-credential"

#include "config.h"

#include <string.h>

#include "clockify-error.h"
#include "timecard-credential-file-private.h"
#include "timecard-credential-private.h"
#include "timecard-credential-store-private.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"

/* The rules of the credential form, the credential object, its group in
 * the credentials file, and how errors are worded. No keyring, no network. */

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);

  return g_string_free (text, FALSE);
}

static void
assert_name_error (const char *name,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = timecard_credential_validate_name (name, &error);

  g_assert_null (valid);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate_name (void)
{
  g_autofree char *hundred = repeat ("é", 100);
  g_autofree char *hundred_one = repeat ("é", 101);
  g_autofree char *padded = g_strdup_printf ("  %s \n", hundred);
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = NULL;

  assert_name_error (NULL, TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED, "Enter a name for the credential");
  assert_name_error ("", TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED, "Enter a name for the credential");
  assert_name_error (" \t\n ", TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED, "Enter a name for the credential");
  assert_name_error (hundred_one, TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG,
                     "The name is too long: use at most 100 characters");
  assert_name_error ("Two\nlines", TIMECARD_CREDENTIAL_ERROR_NAME_INVALID,
                     "The name must not contain line breaks or control characters");
  assert_name_error ("Bell\a", TIMECARD_CREDENTIAL_ERROR_NAME_INVALID,
                     "The name must not contain line breaks or control characters");

  /* Characters, not bytes, and counted after trimming. */
  valid = timecard_credential_validate_name (padded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid, ==, hundred);
}

static void
test_validate_description (void)
{
  g_autofree char *thousand = repeat ("ü", 1000);
  g_autofree char *thousand_one = repeat ("ü", 1001);
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *empty = NULL;
  char *too_long;

  valid = timecard_credential_validate_description (thousand, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid, ==, thousand);

  empty = timecard_credential_validate_description (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");

  too_long = timecard_credential_validate_description (thousand_one, &error);
  g_assert_null (too_long);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "The description is too long: use at most 1000 characters");
}

static void
assert_key_error (const char *key,
                  int         code,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TimecardApiKey) valid = timecard_credential_validate_key (key, &error);

  g_assert_null (valid);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  /* A message never quotes the key. */
  if (key != NULL && key[0] != '\0')
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (key));

      if (trimmed[0] != '\0')
        g_assert_null (strstr (error->message, trimmed));
    }
}

static void
test_validate_key (void)
{
  g_autofree char *sixteen = repeat ("k", 16);
  g_autofree char *fifteen = repeat ("k", 15);
  g_autofree char *max = repeat ("K", 256);
  g_autofree char *too_long = repeat ("K", 257);
  g_autofree char *pasted = g_strdup_printf ("  %s\r\n", max);
  g_autoptr(GError) error = NULL;
  g_autoptr(TimecardApiKey) valid = NULL;
  g_autoptr(TimecardApiKey) trimmed = NULL;

  assert_key_error (NULL, TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED, "Enter the API key");
  assert_key_error ("", TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED, "Enter the API key");
  assert_key_error (" \n", TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED, "Enter the API key");
  assert_key_error ("abcdefgh ijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain spaces or line breaks");
  assert_key_error ("abcdefgh\nijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain spaces or line breaks");
  assert_key_error ("abcdefgh\tijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain spaces or line breaks");
  assert_key_error ("abcdefgh\x01ijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain control characters");
  assert_key_error ("abcdefgh\x7fijklmnopq", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must not contain control characters");
  assert_key_error ("abcdefghijklmnopqé", TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key must contain only ASCII letters, digits and punctuation");
  assert_key_error (fifteen, TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key is too short: Clockify keys have at least 16 characters");
  assert_key_error (too_long, TIMECARD_CREDENTIAL_ERROR_KEY_INVALID,
                    "The API key is too long: Clockify keys have at most 256 characters");

  valid = timecard_credential_validate_key (sixteen, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid, ==, sixteen);

  trimmed = timecard_credential_validate_key (pasted, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trimmed, ==, max);
}

static void
test_parse_server (void)
{
  g_autoptr(ClockifyServer) global = NULL;
  g_autoptr(ClockifyServer) local = NULL;
  g_autoptr(ClockifyServer) bad = NULL;
  g_autoptr(ClockifyServer) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  global = timecard_credential_parse_server (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (clockify_server_get_kind (global), ==, CLOCKIFY_SERVER_GLOBAL);

  local = timecard_credential_parse_server ("http://127.0.0.1:8080/", &error);
  g_assert_no_error (error);
  text = clockify_server_to_string (local);
  g_assert_cmpstr (text, ==, "http://127.0.0.1:8080");

  bad = timecard_credential_parse_server ("mars1", &error);
  g_assert_null (bad);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Unknown server or data region"));
  g_clear_error (&error);

  /* libclockify's rule: plain http only to this machine. */
  plain = timecard_credential_parse_server ("http://example.com", &error);
  g_assert_null (plain);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID);
  g_assert_nonnull (strstr (error->message, "loopback"));
}

static void
test_fold_name (void)
{
  g_autofree char *a = timecard_credential_fold_name ("Work Ä");
  g_autofree char *b = timecard_credential_fold_name ("WORK ä");
  g_autofree char *c = timecard_credential_fold_name ("Work A");
  /* “Ä” composed and decomposed */
  g_autofree char *d = timecard_credential_fold_name ("work \xc3\x84");
  g_autofree char *e = timecard_credential_fold_name ("work A\xcc\x88");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (d, ==, e);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *seen = user_data;

  g_hash_table_add (seen, (gpointer) g_param_spec_get_name (pspec));
}

static TimecardCredential *
new_credential (const char *name)
{
  g_autoptr(ClockifyServer) server = clockify_server_parse ("euc1", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 1, 9, 30, 0);
  g_autofree char *id = g_uuid_string_random ();

  return _timecard_credential_new (id, name, "A description", server, created);
}

static void
test_credential_properties (void)
{
  g_autoptr(TimecardCredential) credential = new_credential ("Work");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 2, 10, 0, 0);
  g_autoptr(ClockifyServer) server = NULL;
  g_autofree char *name = NULL;
  TimecardCredentialState state;

  g_assert_true (g_uuid_string_is_valid (timecard_credential_get_id (credential)));
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  g_assert_null (timecard_credential_get_last_verified (credential));
  g_assert_null (timecard_credential_get_user_email (credential));

  g_object_get (credential, "name", &name, "server", &server, "state", &state, NULL);
  g_assert_cmpstr (name, ==, "Work");
  g_assert_cmpstr (clockify_server_get_region (server), ==, "euc1");
  g_assert_cmpint (state, ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);

  g_signal_connect (credential, "notify", G_CALLBACK (count_notify), seen);

  /* Setting the same value notifies nothing. */
  _timecard_credential_set_name (credential, "Work");
  _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_UNVERIFIED, NULL);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 0);

  _timecard_credential_set_user (credential, "u1", "Jane Doe", "jane@example.com", "Europe/Berlin");
  _timecard_credential_set_last_verified (credential, when);
  _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_REJECTED, "Refused");
  g_assert_true (g_hash_table_contains (seen, "user-email"));
  g_assert_true (g_hash_table_contains (seen, "last-verified"));
  g_assert_true (g_hash_table_contains (seen, "state"));
  g_assert_true (g_hash_table_contains (seen, "state-message"));
  g_assert_false (g_hash_table_contains (seen, "name"));
  g_assert_cmpstr (timecard_credential_get_state_message (credential), ==, "Refused");

  g_assert_cmpstr (timecard_credential_state_to_string (TIMECARD_CREDENTIAL_STATE_MISSING_KEY), ==, "missing-key");
  g_assert_cmpint (_timecard_credential_state_from_string ("verified", TIMECARD_CREDENTIAL_STATE_UNVERIFIED),
                   ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_cmpint (_timecard_credential_state_from_string ("bogus", TIMECARD_CREDENTIAL_STATE_UNVERIFIED),
                   ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
}

static void
test_file_group_round_trip (void)
{
  g_autoptr(TimecardCredential) credential = new_credential ("Wörk “quoted” = [x]");
  g_autoptr(TimecardCredential) read_back = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 2, 10, 0, 0);
  g_autoptr(GKeyFile) group = NULL;
  g_autoptr(GKeyFile) reparsed = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gboolean key_pending = FALSE;

  _timecard_credential_set_description (credential, "Line one\nline two");
  _timecard_credential_set_user (credential, "u1", "Jane Doe", "jane@example.com", "Europe/Berlin");
  _timecard_credential_set_last_verified (credential, when);
  _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_VERIFIED, NULL);

  group = _timecard_credential_file_new_group (credential, TRUE);
  data = g_key_file_to_data (group, NULL, NULL);
  g_assert_true (g_key_file_load_from_data (reparsed, data, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);

  read_back = _timecard_credential_file_get (reparsed, timecard_credential_get_id (credential),
                                             &key_pending, &error);
  g_assert_no_error (error);
  g_assert_true (key_pending);
  g_assert_cmpstr (timecard_credential_get_name (read_back), ==, "Wörk “quoted” = [x]");
  g_assert_cmpstr (timecard_credential_get_description (read_back), ==, "Line one\nline two");
  g_assert_true (clockify_server_equal (timecard_credential_get_server (read_back),
                                        timecard_credential_get_server (credential)));
  g_assert_true (g_date_time_equal (timecard_credential_get_created (read_back),
                                    timecard_credential_get_created (credential)));
  g_assert_true (g_date_time_equal (timecard_credential_get_last_verified (read_back), when));
  g_assert_cmpstr (timecard_credential_get_user_id (read_back), ==, "u1");
  g_assert_cmpstr (timecard_credential_get_user_name (read_back), ==, "Jane Doe");
  g_assert_cmpstr (timecard_credential_get_user_email (read_back), ==, "jane@example.com");
  g_assert_cmpstr (timecard_credential_get_user_time_zone (read_back), ==, "Europe/Berlin");
  g_assert_cmpint (timecard_credential_get_state (read_back), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);

  /* A missing key is not a stored state. */
  _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_MISSING_KEY, "gone");
  g_clear_pointer (&group, g_key_file_unref);
  group = _timecard_credential_file_new_group (credential, FALSE);
  g_assert_false (g_key_file_has_key (group, timecard_credential_get_id (credential), "state", NULL));
  g_assert_false (g_key_file_has_key (group, timecard_credential_get_id (credential), "key-pending", NULL));
}

static void
test_file_damaged_group (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TimecardCredential) no_name = NULL;
  g_autoptr(TimecardCredential) bad_server = NULL;
  g_autoptr(TimecardCredential) bad_id = NULL;
  const char *id = "0b5ec7b4-8f3c-4f38-9d56-7d1f8a2f3c11";

  g_key_file_set_string (file, id, "server", "global");
  no_name = _timecard_credential_file_get (file, id, NULL, &error);
  g_assert_null (no_name);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
  g_clear_error (&error);

  g_key_file_set_string (file, id, "name", "Work");
  g_key_file_set_string (file, id, "server", "mars1");
  bad_server = _timecard_credential_file_get (file, id, NULL, &error);
  g_assert_null (bad_server);
  g_assert_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID);
  g_clear_error (&error);

  g_key_file_set_string (file, "not-a-uuid", "name", "Work");
  g_key_file_set_string (file, "not-a-uuid", "server", "global");
  bad_id = _timecard_credential_file_get (file, "not-a-uuid", NULL, &error);
  g_assert_null (bad_id);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
}

static void
assert_secret_error (GError     *input,
                     GQuark      domain,
                     int         code,
                     const char *message_part)
{
  g_autoptr(GError) error = timecard_secret_map_error (input);

  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_secret_errors (void)
{
  assert_secret_error (g_error_new_literal (G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
                                            "The name org.freedesktop.secrets was not provided"),
                       TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                       "No Secret Service is running");
  assert_secret_error (g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                            "Cannot autolaunch D-Bus without X11 $DISPLAY"),
                       TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                       "No D-Bus session bus is available");
  assert_secret_error (g_error_new_literal (G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT, "No such object"),
                       TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                       "no default keyring");
  assert_secret_error (g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                            "Cannot create an item in a locked collection"),
                       TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                       "The keyring is locked, and unlocking it was refused or cancelled");
  assert_secret_error (g_error_new_literal (G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY, "No reply"),
                       TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                       "did not answer");
  assert_secret_error (g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"),
                       G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       "The keyring operation was cancelled");
  assert_secret_error (g_error_new_literal (SECRET_ERROR, SECRET_ERROR_PROTOCOL, "odd reply"),
                       TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                       "The Secret Service failed: odd reply");
}

static void
test_check_errors (void)
{
  g_autoptr(ClockifyServer) global = clockify_server_new_global ();
  g_autoptr(ClockifyServer) region = clockify_server_parse ("euc1", NULL);
  g_autoptr(GError) on_global = NULL;
  g_autoptr(GError) on_region = NULL;
  g_autoptr(GError) forbidden = NULL;
  g_autoptr(GError) network = NULL;
  g_autoptr(GError) server = NULL;
  g_autoptr(GError) cancelled = NULL;
  const char *clockify_message = "Full authentication is required to access this resource";

  on_global = _timecard_credential_store_map_check_error (
    g_error_new_literal (CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED, clockify_message), global);
  g_assert_error (on_global, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  g_assert_cmpstr (on_global->message, ==,
                   "Clockify refused the API key: Full authentication is required to access this "
                   "resource. A workspace on a dedicated subdomain or in a data region needs a key "
                   "generated there, with that server chosen.");

  /* The hint is about the global server only. */
  on_region = _timecard_credential_store_map_check_error (
    g_error_new_literal (CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED, clockify_message), region);
  g_assert_error (on_region, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  g_assert_cmpstr (on_region->message, ==,
                   "Clockify refused the API key: Full authentication is required to access this resource.");

  forbidden = _timecard_credential_store_map_check_error (
    g_error_new_literal (CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN, "Access Denied."), region);
  g_assert_error (forbidden, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED);
  g_assert_cmpstr (forbidden->message, ==, "Clockify refused the API key: Access Denied.");

  network = _timecard_credential_store_map_check_error (
    g_error_new_literal (CLOCKIFY_ERROR, CLOCKIFY_ERROR_NETWORK, "Connection refused"), region);
  g_assert_error (network, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED);
  g_assert_cmpstr (network->message, ==, "Clockify could not be reached to check the key: Connection refused");

  server = _timecard_credential_store_map_check_error (
    g_error_new_literal (CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER, "HTTP 500 Internal Server Error"), region);
  g_assert_error (server, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED);
  g_assert_cmpstr (server->message, ==, "Clockify could not check the key: HTTP 500 Internal Server Error");

  cancelled = _timecard_credential_store_map_check_error (
    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"), region);
  g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/credential/validate/name", test_validate_name);
  g_test_add_func ("/core/credential/validate/description", test_validate_description);
  g_test_add_func ("/core/credential/validate/key", test_validate_key);
  g_test_add_func ("/core/credential/validate/server", test_parse_server);
  g_test_add_func ("/core/credential/fold-name", test_fold_name);
  g_test_add_func ("/core/credential/properties", test_credential_properties);
  g_test_add_func ("/core/credential/file/round-trip", test_file_group_round_trip);
  g_test_add_func ("/core/credential/file/damaged-group", test_file_damaged_group);
  g_test_add_func ("/core/credential/errors/secret-service", test_secret_errors);
  g_test_add_func ("/core/credential/errors/check", test_check_errors);

  return g_test_run ();
}
