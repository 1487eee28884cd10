/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-secret"

#include "config.h"

#include "timecard-secret.h"

/**
 * timecard_secret_get_schema:
 *
 * The libsecret schema of Timecard's stored API keys: one item per
 * credential, found by its `credential-id`. The name is fixed (not the
 * development application ID), so a development build sees the keys of an
 * installed one. Nothing secret is ever put in an attribute.
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
timecard_secret_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.timecard.Timecard.Credential",
    SECRET_SCHEMA_NONE,
    {
      { "credential-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "generation", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
timecard_secret_search_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autolist(SecretItem) items = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  items = secret_service_search_finish (NULL, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (items == NULL || (value = secret_item_get_secret (items->data)) == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  text = secret_value_get_text (value);
  g_task_return_pointer (task, text ? g_strdup (text) : NULL, g_free);
}

/**
 * timecard_secret_lookup_async:
 * @credential_id: the credential whose key is wanted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the lookup completes
 * @user_data: data for @callback
 *
 * Looks up a credential's key in the Secret Service, unlocking the keyring
 * when needed.
 *
 * This searches and loads the item rather than calling
 * secret_password_lookup(): in libsecret 0.20 (Debian 12) that function
 * leaks the D-Bus reply that carries the secret.
 */
void
timecard_secret_lookup_async (const char          *credential_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (credential_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_secret_lookup_async);

  attributes = secret_attributes_build (timecard_secret_get_schema (),
                                        "credential-id", credential_id,
                                        NULL);
  secret_service_search (NULL, timecard_secret_get_schema (), attributes,
                         SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                         cancellable, timecard_secret_search_cb, g_steal_pointer (&task));
}

/**
 * timecard_secret_lookup_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the key, or %NULL with no error when
 *   the Secret Service holds none for the credential
 */
char *
timecard_secret_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
