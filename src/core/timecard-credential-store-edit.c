/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-store"

#include "config.h"

#include "timecard-credential-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "clockify-error.h"
#include "timecard-credential-private.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"

/* Adding, editing and verifying credentials: the operations that may ask
 * Clockify about a key before anything is stored. */

/* Check a key */

/* What a failed GET /v1/user means for the key, for the user to read. */
GError *
_timecard_credential_store_map_check_error (GError         *error,
                                            ClockifyServer *server)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  if (g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN))
    {
      g_autoptr(GString) message = g_string_new (NULL);
      g_autofree char *reason = g_strdup (error->message);
      gsize len = strlen (reason);

      /* Clockify's messages may or may not end in a full stop. */
      if (len > 0 && reason[len - 1] == '.')
        reason[len - 1] = '\0';

      g_string_printf (message, _("Clockify refused the API key: %s."), reason);
      /* Keys of workspaces elsewhere do not work on the global server. */
      if (clockify_server_get_kind (server) == CLOCKIFY_SERVER_GLOBAL)
        {
          g_string_append_c (message, ' ');
          g_string_append (message, _("A workspace on a dedicated subdomain or in a data region "
                                      "needs a key generated there, with that server chosen."));
        }

      return g_error_new_literal (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED,
                                  message->str);
    }

  if (g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_NETWORK))
    return g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED,
                        _("Clockify could not be reached to check the key: %s"), error->message);

  return g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED,
                      _("Clockify could not check the key: %s"), error->message);
}

static void
check_key_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClockifyClient *client = CLOCKIFY_CLIENT (object);
  g_autoptr(GError) error = NULL;
  ClockifyUser *user;

  user = clockify_client_get_current_user_finish (client, result, &error);
  if (user == NULL)
    g_task_return_error (task, _timecard_credential_store_map_check_error (g_steal_pointer (&error),
                                                                            clockify_client_get_server (client)));
  else
    g_task_return_pointer (task, user, g_object_unref);
}

/* Asks Clockify who @key belongs to (GET /v1/user). */
void
_timecard_credential_store_check_key_async (ClockifyServer      *server,
                                            const char          *key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(ClockifyClient) client = clockify_client_new (server, key);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, _timecard_credential_store_check_key_async);
  /* Someone waits on a form for the answer: one retry for a dropped
   * connection, not the export's minutes of backoff. */
  g_object_set (client, "max-retries", 1, NULL);
  clockify_client_get_current_user_async (client, cancellable, check_key_done, task);
}

/* Fails with %TIMECARD_CREDENTIAL_ERROR_REJECTED or _VERIFY_FAILED. */
ClockifyUser *
_timecard_credential_store_check_key_finish (GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What a check that failed means for the credential's state. */
static void
set_check_failed (TimecardCredential *credential,
                  const GError       *error)
{
  if (g_error_matches (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED))
    _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_REJECTED, error->message);
  else if (g_error_matches (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED))
    _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_UNVERIFIED, error->message);
}

static void
set_verified_now (TimecardCredential *credential,
                  ClockifyUser       *user)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  _timecard_credential_set_verified (credential, user, now);
}

/* A new key, or a new server, that nobody has checked. */
static void
set_unchecked (TimecardCredential *credential)
{
  _timecard_credential_set_user (credential, NULL, NULL, NULL, NULL);
  _timecard_credential_set_last_verified (credential, NULL);
  _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_UNVERIFIED, NULL);
}

/* Whether @credential is still the store's: a removal may have finished
 * while Clockify was asked, and writing it back would resurrect it. */
static gboolean
check_still_stored (TimecardCredentialStore  *self,
                    TimecardCredential       *credential,
                    GError                  **error)
{
  if (timecard_credential_store_find_by_id (self, timecard_credential_get_id (credential)) == credential)
    return TRUE;

  g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NOT_FOUND,
               _("There is no credential named “%s”"), timecard_credential_get_name (credential));
  return FALSE;
}

/* A step of an edit that takes the task. */
typedef void (*EditStep) (GTask *task);

typedef struct
{
  /* add: the new credential; update, verify: the store's credential */
  TimecardCredential *credential;
  /* update, verify: the values to save, applied once saved */
  TimecardCredential *proposed;
  char               *key;
  gboolean            name_changed;
  /* The error to report once a rollback is done. */
  GError             *error;
  /* check_stored_key(): the step that gets Clockify's answer. */
  GAsyncReadyCallback checked;
  /* edit_checked(): the step once Clockify accepted the key. */
  EditStep            then;
} EditData;

static void
edit_data_free (EditData *data)
{
  g_clear_object (&data->credential);
  g_clear_object (&data->proposed);
  g_clear_pointer (&data->key, secret_password_free);
  g_clear_error (&data->error);
  g_free (data);
}

static GTask *
edit_task_new (TimecardCredentialStore *self,
               gpointer                 source_tag,
               GCancellable            *cancellable,
               GAsyncReadyCallback      callback,
               gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_new0 (EditData, 1), (GDestroyNotify) edit_data_free);

  return task;
}

/* The values to save: add's new credential, update's proposed values;
 * verify has none until Clockify answered, so its credential. */
static TimecardCredential *
edit_data_get_target (EditData *data)
{
  return data->proposed != NULL ? data->proposed : data->credential;
}

/* Clockify accepted the key: marks the values to save verified now and
 * goes on with data->then. Any failure fails the task. */
static void
edit_checked (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EditData *data = g_task_get_task_data (task);
  g_autoptr(ClockifyUser) user = NULL;
  GError *error = NULL;

  user = _timecard_credential_store_check_key_finish (result, &error);
  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  set_verified_now (edit_data_get_target (data), user);
  data->then (g_steal_pointer (&task));
}

static void
stored_key_looked_up (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  EditData *data = g_task_get_task_data (task);
  ClockifyServer *server = timecard_credential_get_server (edit_data_get_target (data));
  g_autoptr(TimecardApiKey) key = NULL;
  GError *error = NULL;

  key = timecard_credential_store_lookup_key_finish (TIMECARD_CREDENTIAL_STORE (object), result, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _timecard_credential_store_check_key_async (server, key, cancellable,
                                              data->checked, g_steal_pointer (&task));
}

/* Reads the key of the task's credential from the keyring and asks
 * Clockify who it belongs to, on the server of the values to save.
 * @checked gets the answer (_timecard_credential_store_check_key_finish());
 * a key that cannot be read fails the task. Takes @task. */
static void
check_stored_key (GTask               *task,
                  GAsyncReadyCallback  checked)
{
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);

  data->checked = checked;
  timecard_credential_store_lookup_key_async (self, data->credential, g_task_get_cancellable (task),
                                              stored_key_looked_up, task);
}

/* Add */

static void
add_rolled_back (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EditData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* If even this fails, the next load deletes the key of no credential. */
  if (!timecard_secret_clear_finish (result, &error))
    g_debug ("Could not take back the key of a credential not added: %s", error->message);

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
add_written (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);

  if (!_timecard_credential_store_write_finish (self, result, &data->error))
    {
      timecard_secret_clear_async (timecard_credential_get_id (data->credential), NULL,
                                   add_rolled_back, g_steal_pointer (&task));
      return;
    }

  _timecard_credential_store_insert (self, data->credential);
  g_task_return_pointer (task, g_object_ref (data->credential), g_object_unref);
}

static void
add_stored (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&data->key, secret_password_free);

  if (!timecard_secret_store_finish (result, &error) ||
      _timecard_credential_store_fail_at (self, TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _timecard_credential_store_write_async (self, data->credential, FALSE, cancellable,
                                          add_written, g_steal_pointer (&task));
}

static void
add_store_key (GTask *task)
{
  EditData *data = g_task_get_task_data (task);
  g_autofree char *label = _timecard_credential_store_dup_label (timecard_credential_get_name (data->credential));

  timecard_secret_store_async (timecard_credential_get_id (data->credential), label, data->key,
                               g_task_get_cancellable (task), add_stored, task);
}

/**
 * timecard_credential_store_add_async:
 * @name: the credential's name
 * @description: (nullable): a description
 * @server: the Clockify server the key belongs to
 * @key: the API key, as entered (surrounding whitespace is dropped)
 * @flags: %TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY to check the key first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new credential
 * @user_data: data for @callback
 *
 * Validates the values (timecard_credential_validate_name() and friends,
 * and a name no other credential has), checks the key with Clockify when
 * asked, stores the key in the Secret Service and then the credential in
 * the file. On any failure nothing is stored: a rejected key, a check that
 * could not reach Clockify, a keyring or file error.
 */
void
timecard_credential_store_add_async (TimecardCredentialStore      *self,
                                     const char                   *name,
                                     const char                   *description,
                                     ClockifyServer               *server,
                                     const char                   *key,
                                     TimecardCredentialStoreFlags  flags,
                                     GCancellable                 *cancellable,
                                     GAsyncReadyCallback           callback,
                                     gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *valid_name = NULL;
  g_autofree char *valid_description = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GDateTime) now = NULL;
  GError *error = NULL;
  EditData *data;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (CLOCKIFY_IS_SERVER (server));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = edit_task_new (self, timecard_credential_store_add_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);

  if (!(valid_name = timecard_credential_store_validate_name (self, NULL, name, &error)) ||
      !(valid_description = timecard_credential_validate_description (description, &error)) ||
      !(data->key = timecard_credential_validate_key (key, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  id = g_uuid_string_random ();
  now = g_date_time_new_now_utc ();
  data->credential = _timecard_credential_new (id, valid_name, valid_description, server, now);

  data->then = add_store_key;

  if (flags & TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY)
    _timecard_credential_store_check_key_async (server, data->key, cancellable,
                                                edit_checked, g_steal_pointer (&task));
  else
    add_store_key (g_steal_pointer (&task));
}

/**
 * timecard_credential_store_add_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the new credential, now in the store
 */
TimecardCredential *
timecard_credential_store_add_finish (TimecardCredentialStore  *self,
                                      GAsyncResult             *result,
                                      GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_add_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Update */

static void
update_relabelled (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The rename is saved; a stale label only shows in keyring managers. */
  if (!timecard_secret_set_label_finish (result, &error) && error != NULL)
    g_debug ("Could not relabel a key after a rename: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
update_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_timecard_credential_store_write_finish (self, result, &error))
    {
      /* The new key is stored, the file still marks the change: say what
       * the next load will say. */
      if (data->key != NULL)
        _timecard_credential_set_state (data->credential, TIMECARD_CREDENTIAL_STATE_UNVERIFIED,
                                        _("A change of the API key was interrupted: verify the "
                                          "credential, or enter the key again"));
      g_task_return_error (task, error);
      return;
    }

  _timecard_credential_store_assign (self, data->credential, data->proposed);

  /* A new key was stored with the new name's label already. */
  if (data->name_changed && data->key == NULL)
    {
      g_autofree char *label = _timecard_credential_store_dup_label (timecard_credential_get_name (data->credential));

      timecard_secret_set_label_async (timecard_credential_get_id (data->credential), label,
                                       g_task_get_cancellable (task), update_relabelled,
                                       g_object_ref (task));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
update_unmarked (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* If this fails, the next load shows the credential as interrupted. */
  if (!_timecard_credential_store_write_finish (self, result, &error))
    g_debug ("Could not unmark a key change that failed: %s", error->message);

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
update_stored (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!timecard_secret_store_finish (result, &data->error))
    {
      /* The old key is still there: take the mark back. */
      _timecard_credential_store_write_async (self, data->credential, FALSE, NULL,
                                              update_unmarked, g_steal_pointer (&task));
      return;
    }

  if (_timecard_credential_store_fail_at (self, TIMECARD_CREDENTIAL_STORE_FAIL_AFTER_SECRET_WRITE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _timecard_credential_store_write_async (self, data->proposed, FALSE, cancellable,
                                          update_written, g_steal_pointer (&task));
}

static void
update_marked (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GError *error = NULL;

  if (!_timecard_credential_store_write_finish (self, result, &error) ||
      _timecard_credential_store_fail_at (self, TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_WRITE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  label = _timecard_credential_store_dup_label (timecard_credential_get_name (data->proposed));
  timecard_secret_store_async (timecard_credential_get_id (data->credential), label, data->key,
                               cancellable, update_stored, g_steal_pointer (&task));
}

static void
update_probed (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GHashTable) items = NULL;
  GError *error = NULL;

  items = timecard_secret_list_finish (result, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Mark the change in the file before the keyring has the new key. */
  _timecard_credential_store_write_async (self, data->credential, TRUE, cancellable,
                                          update_marked, g_steal_pointer (&task));
}

static void
update_save (GTask *task)
{
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_still_stored (self, data->credential, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* For a new key, make sure the keyring is there and unlocked before
   * writing anything. */
  if (data->key != NULL)
    timecard_secret_list_async (timecard_credential_get_id (data->credential), TRUE,
                                g_task_get_cancellable (task), update_probed, task);
  else
    _timecard_credential_store_write_async (self, data->proposed, FALSE, g_task_get_cancellable (task),
                                            update_written, task);
}

/**
 * timecard_credential_store_update_async:
 * @credential: a credential of the store
 * @name: (nullable): a new name, or %NULL to keep it
 * @description: (nullable): a new description, or %NULL to keep it
 * @server: (nullable): a new server, or %NULL to keep it
 * @key: (nullable): a new API key, or %NULL to keep it
 * @flags: %TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY to check a new key or
 *   server with Clockify first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when saved
 * @user_data: data for @callback
 *
 * Validates and saves changes. A new key or server is checked with
 * Clockify when asked (with the stored key when only the server changes),
 * and nothing changes unless Clockify accepts it; without the check the
 * credential becomes unverified. A new key replaces the old one in the
 * keyring only once it is stored, and the credential is only changed once
 * everything is saved.
 */
void
timecard_credential_store_update_async (TimecardCredentialStore      *self,
                                        TimecardCredential           *credential,
                                        const char                   *name,
                                        const char                   *description,
                                        ClockifyServer               *server,
                                        const char                   *key,
                                        TimecardCredentialStoreFlags  flags,
                                        GCancellable                 *cancellable,
                                        GAsyncReadyCallback           callback,
                                        gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *valid_name = NULL;
  g_autofree char *valid_description = NULL;
  gboolean server_changed;
  GError *error = NULL;
  EditData *data;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (credential));
  g_return_if_fail (server == NULL || CLOCKIFY_IS_SERVER (server));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = edit_task_new (self, timecard_credential_store_update_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);

  if ((name != NULL &&
       !(valid_name = timecard_credential_store_validate_name (self, credential, name, &error))) ||
      (description != NULL &&
       !(valid_description = timecard_credential_validate_description (description, &error))) ||
      (key != NULL &&
       !(data->key = timecard_credential_validate_key (key, &error))))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!check_still_stored (self, credential, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->credential = g_object_ref (credential);
  data->proposed = _timecard_credential_copy (credential);

  if (valid_name != NULL)
    {
      data->name_changed = g_strcmp0 (valid_name, timecard_credential_get_name (credential)) != 0;
      _timecard_credential_set_name (data->proposed, valid_name);
    }
  if (valid_description != NULL)
    _timecard_credential_set_description (data->proposed, valid_description);

  server_changed = server != NULL &&
                   !clockify_server_equal (server, timecard_credential_get_server (credential));
  if (server_changed)
    _timecard_credential_set_server (data->proposed, server);

  data->then = update_save;

  if (data->key == NULL && !server_changed)
    update_save (g_steal_pointer (&task));
  else if (!(flags & TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY))
    {
      set_unchecked (data->proposed);
      update_save (g_steal_pointer (&task));
    }
  else if (data->key != NULL)
    _timecard_credential_store_check_key_async (timecard_credential_get_server (data->proposed),
                                                data->key, cancellable,
                                                edit_checked, g_steal_pointer (&task));
  else
    check_stored_key (g_steal_pointer (&task), edit_checked);
}

/**
 * timecard_credential_store_update_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: whether the changes were saved
 */
gboolean
timecard_credential_store_update_finish (TimecardCredentialStore  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_update_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Verify */

static void
verify_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean written;

  written = _timecard_credential_store_write_finish (self, result, &error);

  /* What Clockify said holds in memory even if the file could not take it. */
  _timecard_credential_store_assign (self, data->credential, data->proposed);

  if (data->error != NULL)
    {
      g_clear_error (&error);
      g_task_return_error (task, g_steal_pointer (&data->error));
    }
  else if (!written)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
verify_checked (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  EditData *data = g_task_get_task_data (task);
  g_autoptr(ClockifyUser) user = NULL;
  GError *error = NULL;

  user = _timecard_credential_store_check_key_finish (result, &data->error);
  if (g_error_matches (data->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }
  if (!check_still_stored (self, data->credential, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->proposed = _timecard_credential_copy (data->credential);
  if (user != NULL)
    set_verified_now (data->proposed, user);
  else
    set_check_failed (data->proposed, data->error);

  _timecard_credential_store_write_async (self, data->proposed, FALSE, cancellable,
                                          verify_written, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_verify_async:
 * @credential: a credential of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when checked
 * @user_data: data for @callback
 *
 * Asks Clockify who the credential's key belongs to (`GET /v1/user` on its
 * server) and saves the answer: the user and the time when accepted;
 * %TIMECARD_CREDENTIAL_STATE_REJECTED with Clockify's message when refused
 * (401 or 403); %TIMECARD_CREDENTIAL_STATE_UNVERIFIED with the reason when
 * Clockify could not be reached or failed.
 */
void
timecard_credential_store_verify_async (TimecardCredentialStore *self,
                                        TimecardCredential      *credential,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  EditData *data;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (credential));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = edit_task_new (self, timecard_credential_store_verify_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->credential = g_object_ref (credential);

  check_stored_key (g_steal_pointer (&task), verify_checked);
}

/**
 * timecard_credential_store_verify_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: %TRUE when Clockify accepted the key; otherwise %FALSE with
 *   %TIMECARD_CREDENTIAL_ERROR_REJECTED, _VERIFY_FAILED, _KEY_MISSING, a
 *   Secret Service or a file error
 */
gboolean
timecard_credential_store_verify_finish (TimecardCredentialStore  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_verify_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
