/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "timecard-secret.h"

static gint64 test_start_seconds;

/* The application talks to the Secret Service asynchronously on the main
 * context, so the tests do too. */
static void
async_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* Files below @dir (recursively) changed since the test started. */
static void
collect_recent_files (const char *dir,
                      GPtrArray  *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        collect_recent_files (path, found);
      else if (st.st_mtime >= test_start_seconds)
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static gboolean
is_below (const char *path,
          const char *dir)
{
  g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);

  return g_str_has_prefix (path, prefix);
}

static void
test_session_home_is_private (void)
{
  const char *real_home = g_getenv ("TIMECARD_TEST_REAL_HOME");
  const char *home = g_get_home_dir ();

  g_assert_nonnull (real_home);
  g_assert_cmpstr (home, !=, real_home);
  g_assert_true (g_file_test (home, G_FILE_TEST_IS_DIR));
  g_assert_true (is_below (g_get_user_data_dir (), home));
  g_assert_true (is_below (g_get_user_config_dir (), home));
  g_assert_true (is_below (g_get_user_cache_dir (), home));
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  g_assert_null (g_getenv ("http_proxy"));
  g_assert_nonnull (g_getenv ("DISPLAY"));
  g_assert_nonnull (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
}

static void
test_session_secret_round_trip (void)
{
  const char *real_home = g_getenv ("TIMECARD_TEST_REAL_HOME");
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *secret = g_strdup_printf ("isolation-check-%s", id);
  g_autofree char *read_back = NULL;
  g_autofree char *keyrings = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;

  secret_password_store (timecard_secret_get_schema (), SECRET_COLLECTION_DEFAULT,
                         "Timecard isolation test", secret, NULL, async_result_cb, &stored,
                         "credential-id", id,
                         "generation", TIMECARD_SECRET_SCHEMA_GENERATION,
                         NULL);
  ok = secret_password_store_finish (wait_for_result (&stored), &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  timecard_secret_lookup_async (id, NULL, async_result_cb, &looked_up);
  read_back = timecard_secret_lookup_finish (wait_for_result (&looked_up), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back, ==, secret);

  /* The private keyring lives below the temporary HOME… */
  keyrings = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  collect_recent_files (keyrings, written);
  g_assert_cmpuint (written->len, >, 0);
  for (guint i = 0; i < written->len; i++)
    g_assert_true (is_below (g_ptr_array_index (written, i), g_get_home_dir ()));

  /* …and nothing a keyring, dconf or Timecard would write changed under the
   * real one. */
  if (real_home != NULL && *real_home != '\0')
    {
      static const char *watched[] = {
        ".local/share/keyrings", ".config/dconf", ".local/share/timecard",
        ".config/timecard", ".cache/timecard",
      };
      g_autoptr(GPtrArray) leaked = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
        {
          g_autofree char *dir = g_build_filename (real_home, watched[i], NULL);
          collect_recent_files (dir, leaked);
        }
      for (guint i = 0; i < leaked->len; i++)
        g_test_message ("written under the real HOME: %s", (char *) g_ptr_array_index (leaked, i));
      g_assert_cmpuint (leaked->len, ==, 0);
    }

  secret_password_clear (timecard_secret_get_schema (), NULL, async_result_cb, &cleared,
                         "credential-id", id, NULL);
  ok = secret_password_clear_finish (wait_for_result (&cleared), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_session_without_secret_service (void)
{
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  secret_password_store (timecard_secret_get_schema (), SECRET_COLLECTION_DEFAULT,
                         "Timecard isolation test", "never-stored", NULL, async_result_cb, &stored,
                         "credential-id", "none", NULL);
  ok = secret_password_store_finish (wait_for_result (&stored), &error);
  g_assert_false (ok);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  gboolean no_secrets = g_strcmp0 (g_getenv ("TIMECARD_SESSION"), "no-secrets") == 0;
  int ret;

  g_test_init (&argc, &argv, NULL);
  test_start_seconds = g_get_real_time () / G_USEC_PER_SEC - 1;

  g_test_add_func ("/session/home-is-private", test_session_home_is_private);
  if (no_secrets)
    g_test_add_func ("/session/no-secret-service", test_session_without_secret_service);
  else
    g_test_add_func ("/session/secret-round-trip", test_session_secret_round_trip);

  ret = g_test_run ();

  /* Dispatch what the bus already sent, then drop libsecret's connection, so
   * LeakSanitizer sees a clean exit. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  secret_service_disconnect ();

  return ret;
}
