/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-store"

#include "config.h"

#include "timecard-credential-store-private.h"

#include <glib/gi18n-lib.h>

#include "timecard-credential-file-private.h"
#include "timecard-credential-private.h"
#include "timecard-secret.h"

/* Loading: the credentials file into the model, then what the keyring
 * says about each credential's key, and the deletion of keys of no
 * credential. */

typedef struct
{
  GHashTable *known_ids;    /* every group of the file, damaged or not */
  GHashTable *key_pending;  /* ids whose key change was interrupted */
  GHashTable *items;        /* the keyring's items: id -> locked */
  guint       n_pending;    /* orphan deletions under way */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->known_ids, g_hash_table_unref);
  g_clear_pointer (&data->key_pending, g_hash_table_unref);
  g_clear_pointer (&data->items, g_hash_table_unref);
  g_free (data);
}

/* Puts what the file says into the model, keeping the objects of
 * credentials that were already there. */
static void
apply_file (TimecardCredentialStore *self,
            GKeyFile                *file,
            LoadData                *data)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(TimecardCredential) credential = NULL;
      g_autoptr(GError) error = NULL;
      TimecardCredential *existing;
      gboolean key_pending = FALSE;

      /* Even a damaged group's key is no orphan. */
      g_hash_table_add (data->known_ids, g_strdup (groups[i]));

      credential = _timecard_credential_file_get (file, groups[i], &key_pending, &error);
      if (credential == NULL)
        {
          g_warning ("Skipping credential %s of %s: %s", groups[i], self->path, error->message);
          continue;
        }

      if (key_pending)
        g_hash_table_add (data->key_pending, g_strdup (groups[i]));

      existing = timecard_credential_store_find_by_id (self, groups[i]);
      if (existing != NULL)
        {
          _timecard_credential_assign (existing, credential);
          g_ptr_array_add (loaded, g_object_ref (existing));
        }
      else
        {
          g_ptr_array_add (loaded, g_steal_pointer (&credential));
        }
    }

  _timecard_credential_store_replace_all (self, loaded);
}

/* What the keyring says about each credential's key. */
static void
apply_keyring (TimecardCredentialStore *self,
               LoadData                *data)
{
  for (guint i = 0; i < self->credentials->len; i++)
    {
      TimecardCredential *credential = g_ptr_array_index (self->credentials, i);
      const char *id = timecard_credential_get_id (credential);

      if (!g_hash_table_contains (data->items, id))
        _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_MISSING_KEY,
                                        _("The API key is not in the keyring: enter it again"));
      else if (g_hash_table_contains (data->key_pending, id))
        _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_UNVERIFIED,
                                        _("A change of the API key was interrupted: verify the "
                                          "credential, or enter the key again"));
    }
}

static void
orphan_cleared (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LoadData *data = g_task_get_task_data (task);

  /* Best effort: an orphan that stays is retried at the next load. */
  if (!timecard_secret_clear_finish (result, &error))
    g_debug ("Could not delete a key of no credential: %s", error->message);

  if (--data->n_pending == 0)
    g_task_return_boolean (task, TRUE);
}

static void
load_listed (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredentialStore *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GHashTableIter iter;
  gpointer id, value;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  data->items = timecard_secret_list_finish (result, &error);
  if (data->items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  apply_keyring (self, data);

  data->n_pending = 1;
  g_hash_table_iter_init (&iter, data->items);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      const TimecardSecretItem *item = value;

      /* A key of no credential, unless it is locked (deleting it would need
       * an unlock prompt at start-up) or so new that another process (the
       * app, or timecard-cli) may be about to write its credential. */
      if (g_hash_table_contains (data->known_ids, id) ||
          item->locked ||
          now - item->modified < self->orphan_grace)
        continue;

      g_debug ("Deleting the key of credential %s, which is in no credentials file",
               (const char *) id);
      data->n_pending++;
      timecard_secret_clear_async (id, g_task_get_cancellable (task),
                                   orphan_cleared, g_object_ref (task));
    }

  if (--data->n_pending == 0)
    g_task_return_boolean (task, TRUE);
}

static void
load_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  g_autoptr(GKeyFile) file = NULL;
  GError *error = NULL;

  file = _timecard_credential_file_read_finish (result, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  apply_file (self, file, g_task_get_task_data (task));

  timecard_secret_list_async (NULL, FALSE, cancellable,
                              load_listed, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_load_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when loaded
 * @user_data: data for @callback
 *
 * (Re)reads the credentials file into the model, then asks the Secret
 * Service, without unlocking anything, which credentials have a key: one
 * without becomes %TIMECARD_CREDENTIAL_STATE_MISSING_KEY, and keys of no
 * credential (left by an interrupted add or removal) are deleted once they
 * are older than timecard_credential_store_set_orphan_grace() allows.
 *
 * When the Secret Service cannot be reached the model still holds the
 * file's credentials, and the error says why.
 */
void
timecard_credential_store_load_async (TimecardCredentialStore *self,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->known_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->key_pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_credential_store_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  _timecard_credential_file_read_async (self->path, cancellable, load_read, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_load_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: whether the file was read and the keyring consulted
 */
gboolean
timecard_credential_store_load_finish (TimecardCredentialStore  *self,
                                       GAsyncResult             *result,
                                       GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
