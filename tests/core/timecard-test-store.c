/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-test-store"

#include "config.h"

#include "timecard-test-store.h"

#include <glib/gstdio.h>

#include "timecard-credential-validate.h"
#include "timecard-secret.h"

/* Iterates the main context until the callback filled @slot. */
GAsyncResult *
timecard_test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

/* A GAsyncReadyCallback that keeps the result in @user_data, a GAsyncResult**. */
void
timecard_test_store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

gboolean
timecard_test_store_load (TimecardCredentialStore  *store,
                          GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_credential_store_load_async (store, NULL, timecard_test_store_result, &result);
  return timecard_credential_store_load_finish (store, timecard_test_wait_for (&result), error);
}

TimecardCredential *
timecard_test_store_add (TimecardCredentialStore      *store,
                         const char                   *name,
                         const char                   *description,
                         ClockifyServer               *server,
                         const char                   *key,
                         TimecardCredentialStoreFlags  flags,
                         GError                      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_credential_store_add_async (store, name, description, server, key, flags,
                                       NULL, timecard_test_store_result, &result);
  return timecard_credential_store_add_finish (store, timecard_test_wait_for (&result), error);
}

gboolean
timecard_test_store_update (TimecardCredentialStore      *store,
                            TimecardCredential           *credential,
                            const char                   *name,
                            const char                   *description,
                            ClockifyServer               *server,
                            const char                   *key,
                            TimecardCredentialStoreFlags  flags,
                            GError                      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_credential_store_update_async (store, credential, name, description, server, key, flags,
                                          NULL, timecard_test_store_result, &result);
  return timecard_credential_store_update_finish (store, timecard_test_wait_for (&result), error);
}

gboolean
timecard_test_store_remove (TimecardCredentialStore  *store,
                            TimecardCredential       *credential,
                            GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_credential_store_remove_async (store, credential, NULL, timecard_test_store_result, &result);
  return timecard_credential_store_remove_finish (store, timecard_test_wait_for (&result), error);
}

gboolean
timecard_test_store_verify (TimecardCredentialStore  *store,
                            TimecardCredential       *credential,
                            GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_credential_store_verify_async (store, credential, NULL, timecard_test_store_result, &result);
  return timecard_credential_store_verify_finish (store, timecard_test_wait_for (&result), error);
}

char *
timecard_test_store_lookup_key (TimecardCredentialStore  *store,
                                TimecardCredential       *credential,
                                GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_credential_store_lookup_key_async (store, credential, NULL, timecard_test_store_result, &result);
  return timecard_credential_store_lookup_key_finish (store, timecard_test_wait_for (&result), error);
}

char *
timecard_test_keyring_get (const char *credential_id)
{
  g_autoptr(GError) error = NULL;
  char *key;

  key = secret_password_lookup_sync (timecard_secret_get_schema (), NULL, &error,
                                     "credential-id", credential_id,
                                     NULL);
  g_assert_no_error (error);

  return key;
}

char *
timecard_test_keyring_get_label (const char *credential_id)
{
  g_autoptr(GError) error = NULL;
  GList *items;
  char *label = NULL;

  items = secret_password_search_sync (timecard_secret_get_schema (), SECRET_SEARCH_ALL, NULL, &error,
                                       "credential-id", credential_id,
                                       NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_list_free_full (items, g_object_unref);

  return label;
}

guint
timecard_test_keyring_count (void)
{
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  items = secret_password_search_sync (timecard_secret_get_schema (), SECRET_SEARCH_ALL, NULL, &error,
                                       NULL);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);

  return n;
}

void
timecard_test_keyring_clear (void)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (timecard_secret_get_schema (), NULL, &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
}

char *
timecard_test_sim_user_email (ClockifySim    *sim,
                              ClockifySimKey  key)
{
  const char *workspace = clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
  const char *user_id = clockify_sim_get_user_id (sim, key);
  g_autoptr(JsonNode) users = clockify_sim_dup_entities (sim, workspace, "users");
  JsonArray *array = json_node_get_array (users);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *user = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (user, "id"), user_id) == 0)
        return g_strdup (json_object_get_string_member (user, "email"));
    }

  g_assert_not_reached ();
}

void
timecard_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          timecard_test_rm_rf (child);
        }
    }

  g_remove (path);
}

void
timecard_test_store_fixture_set_up (TimecardTestStoreFixture *fixture,
                                    gconstpointer             data)
{
  g_autofree char *template = g_build_filename (g_get_user_data_dir (), "store-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);

  fixture->sim = clockify_sim_new (NULL);
  g_assert_true (clockify_sim_start (fixture->sim, &error));
  g_assert_no_error (error);
  fixture->server = clockify_server_parse (clockify_sim_get_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  fixture->owner_key = clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_OWNER);
  fixture->member_key = clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_MEMBER);
  fixture->unknown_key = clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_UNKNOWN);

  fixture->directory = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (fixture->directory);
  fixture->store = timecard_credential_store_new (fixture->directory);
  timecard_credential_store_set_orphan_grace (fixture->store, 0);
  fixture->path = g_strdup (timecard_credential_store_get_path (fixture->store));
  g_assert_true (timecard_test_store_load (fixture->store, &error));
  g_assert_no_error (error);
}

void
timecard_test_store_fixture_tear_down (TimecardTestStoreFixture *fixture,
                                       gconstpointer             data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->sim);
  timecard_test_rm_rf (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_pointer (&fixture->path, g_free);
  timecard_test_keyring_clear ();
}

/* A second store on the same file, as a new process would see it, which
 * deletes keys of no credential however new they are. */
TimecardCredentialStore *
timecard_test_store_reload (TimecardTestStoreFixture *fixture)
{
  g_autoptr(TimecardCredentialStore) store = timecard_credential_store_new (fixture->directory);
  g_autoptr(GError) error = NULL;

  timecard_credential_store_set_orphan_grace (store, 0);

  g_assert_true (timecard_test_store_load (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

GKeyFile *
timecard_test_store_read_file (TimecardTestStoreFixture *fixture)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (file, fixture->path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

char *
timecard_test_store_file_get (TimecardTestStoreFixture *fixture,
                              const char               *id,
                              const char               *key)
{
  g_autoptr(GKeyFile) file = timecard_test_store_read_file (fixture);

  return g_key_file_get_string (file, id, key, NULL);
}

/* (transfer none): the store keeps a reference. */
TimecardCredential *
timecard_test_store_item (TimecardCredentialStore *store,
                          guint                    position)
{
  g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), position);

  return credential;
}

TimecardCredential *
timecard_test_store_add_owner (TimecardTestStoreFixture *fixture,
                               const char               *name)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  credential = timecard_test_store_add (fixture->store, name, NULL, fixture->server, fixture->owner_key,
                                        TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (credential);

  return g_steal_pointer (&credential);
}

/* Nothing of any credential is stored: no key, no group in the file. */
void
timecard_test_store_assert_nothing_stored (TimecardTestStoreFixture *fixture)
{
  g_autoptr(TimecardCredentialStore) store = NULL;

  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
  if (g_file_test (fixture->path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GKeyFile) file = timecard_test_store_read_file (fixture);
      g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

      g_assert_cmpuint (g_strv_length (groups), ==, 0);
    }

  store = timecard_test_store_reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}
