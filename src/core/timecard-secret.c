/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-secret"

#include "config.h"

#include "timecard-secret.h"

#include <glib/gi18n-lib.h>

#include "timecard-credential-validate.h"

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

/**
 * timecard_secret_map_error:
 * @error: (transfer full): an error from libsecret or D-Bus
 *
 * Turns what libsecret reports when the Secret Service cannot be used into
 * a %TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE that names the cause: no
 * session bus, no Secret Service, no default keyring, a locked keyring, no
 * answer. Cancellation stays %G_IO_ERROR_CANCELLED. The one place these
 * errors are interpreted.
 *
 * Returns: (transfer full): the error to report
 */
GError *
timecard_secret_map_error (GError *error)
{
  g_autoptr(GError) owned = error;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                _("The keyring operation was cancelled"));

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                                _("The keyring is locked, and unlocking it was refused or cancelled"));

  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
          return g_error_new_literal (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                                      _("No Secret Service is running: start GNOME Keyring or "
                                        "another keyring service, then try again"));

        case G_DBUS_ERROR_UNKNOWN_OBJECT:
          return g_error_new_literal (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                                      _("The Secret Service has no default keyring: create or unlock "
                                        "the login keyring in a desktop session"));

        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
          return g_error_new_literal (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                                      _("The Secret Service did not answer"));

        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_FILE_NOT_FOUND:
        case G_DBUS_ERROR_ADDRESS_IN_USE:
        case G_DBUS_ERROR_BAD_ADDRESS:
          return g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                              _("No D-Bus session bus is available, so no Secret Service can be "
                                "reached (%s)"), error->message);

        default:
          break;
        }
    }

  /* Connecting to the session bus fails with plain I/O errors, such as
   * "Cannot autolaunch D-Bus without X11 $DISPLAY". */
  if (error->domain == G_IO_ERROR)
    return g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                        _("No D-Bus session bus is available, so no Secret Service can be "
                          "reached (%s)"), error->message);

  return g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                      _("The Secret Service failed: %s"), error->message);
}

static GError *
locked_error (void)
{
  return timecard_secret_map_error (g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                         "locked"));
}

/* A task about one credential's item, holding its id as task data. */
static GTask *
credential_task_new (const char          *credential_id,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (credential_id), g_free);

  return task;
}

/* libsecret answers "nothing" (no key found, nothing deleted) both when
 * there is no item and when the keyring stayed locked because the unlock
 * prompt was dismissed. Lists the items of the task's credential without
 * unlocking, which tells the two apart; @callback gets the listing and
 * a reference to @task. */
static void
list_after_nothing (GTask               *task,
                    GAsyncReadyCallback  callback)
{
  timecard_secret_list_async (g_task_get_task_data (task), FALSE, g_task_get_cancellable (task),
                              callback, g_object_ref (task));
}

/**
 * timecard_secret_store_async:
 * @credential_id: the credential the key belongs to
 * @label: the item's label, shown in keyring managers
 * @key: the API key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is stored
 * @user_data: data for @callback
 *
 * Stores @key in the default collection as the one item of @credential_id,
 * replacing the previous key of that credential only once the new one is
 * written (the Secret Service replaces an item with the same attributes
 * atomically).
 */
void
timecard_secret_store_async (const char          *credential_id,
                             const char          *label,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (credential_id != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (key != NULL);

  secret_password_store (timecard_secret_get_schema (), SECRET_COLLECTION_DEFAULT,
                         label, key, cancellable, callback, user_data,
                         "credential-id", credential_id,
                         "generation", TIMECARD_SECRET_SCHEMA_GENERATION,
                         NULL);
}

/**
 * timecard_secret_store_finish:
 * @result: the result passed to the callback
 * @error: return location for a mapped error
 *
 * Returns: whether the key was stored
 */
gboolean
timecard_secret_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!secret_password_store_finish (result, &local_error))
    {
      g_propagate_error (error, timecard_secret_map_error (g_steal_pointer (&local_error)));
      return FALSE;
    }

  return TRUE;
}

static void
search_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) items = NULL;
  gboolean unlock = GPOINTER_TO_INT (g_task_get_task_data (task));
  gboolean any_locked = FALSE;
  GList *found;

  found = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, timecard_secret_map_error (g_steal_pointer (&error)));
      return;
    }

  items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (const GList *l = found; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *id = g_hash_table_lookup (attributes, "credential-id");
      /* Items of other backends (the portal's file) are never locked. */
      gboolean locked = SECRET_IS_ITEM (l->data) && secret_item_get_locked (l->data);
      gint64 modified = MAX (secret_retrievable_get_created (l->data),
                             secret_retrievable_get_modified (l->data));
      TimecardSecretItem *item;

      any_locked |= locked;
      if (id == NULL)
        continue;

      item = g_hash_table_lookup (items, id);
      if (item == NULL)
        {
          item = g_new0 (TimecardSecretItem, 1);
          g_hash_table_insert (items, g_strdup (id), item);
        }
      item->locked |= locked;
      item->modified = MAX (item->modified, modified);
    }
  g_list_free_full (found, g_object_unref);

  /* The unlock prompt was dismissed, or refused. */
  if (unlock && any_locked)
    g_task_return_error (task, locked_error ());
  else
    g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_hash_table_unref);
}

/**
 * timecard_secret_list_async:
 * @credential_id: (nullable): one credential, or %NULL for all
 * @unlock: whether to unlock locked items (which may show the desktop's
 *   unlock prompt)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the items
 * @user_data: data for @callback
 *
 * Lists the stored items of the schema without reading a secret. Without
 * @unlock it is quiet even when the keyring is locked: item attributes
 * stay readable. With @unlock it fails when an item stays locked.
 */
void
timecard_secret_list_async (const char          *credential_id,
                            gboolean             unlock,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, timecard_secret_list_async);
  g_task_set_task_data (task, GINT_TO_POINTER (unlock), NULL);

  if (credential_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "credential-id", (gpointer) credential_id);

  secret_password_searchv (timecard_secret_get_schema (), attributes,
                           SECRET_SEARCH_ALL | (unlock ? SECRET_SEARCH_UNLOCK : 0),
                           cancellable, search_done, task);
}

/**
 * timecard_secret_list_finish:
 * @result: the result passed to the callback
 * @error: return location for a mapped error
 *
 * Returns: (transfer full) (nullable) (element-type utf8 TimecardSecretItem):
 *   the credential ids that have an item, each mapped to what is known
 *   about it, or %NULL with @error set
 */
GHashTable *
timecard_secret_list_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_secret_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
lookup_check_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GHashTable) items = NULL;
  TimecardSecretItem *item;
  GError *error = NULL;

  items = timecard_secret_list_finish (result, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else if ((item = g_hash_table_lookup (items, g_task_get_task_data (task))) && item->locked)
    g_task_return_error (task, locked_error ());
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
lookup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  key = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, timecard_secret_map_error (g_steal_pointer (&error)));
      return;
    }

  if (key != NULL)
    {
      g_task_return_pointer (task, key, (GDestroyNotify) secret_password_free);
      return;
    }

  list_after_nothing (task, lookup_check_done);
}

/**
 * timecard_secret_lookup_async:
 * @credential_id: the credential whose key to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the key
 * @user_data: data for @callback
 *
 * Reads a credential's key, unlocking the keyring if needed (which may
 * show the desktop's unlock prompt).
 */
void
timecard_secret_lookup_async (const char          *credential_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (credential_id != NULL);

  task = credential_task_new (credential_id, timecard_secret_lookup_async, cancellable, callback, user_data);

  secret_password_lookup (timecard_secret_get_schema (), cancellable,
                          lookup_done, g_steal_pointer (&task),
                          "credential-id", credential_id,
                          NULL);
}

/**
 * timecard_secret_lookup_finish:
 * @result: the result passed to the callback
 * @error: return location for a mapped error
 *
 * Returns: (transfer full) (nullable): the key, to be freed with
 *   secret_password_free(), or %NULL without an error when there is no key
 */
char *
timecard_secret_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_secret_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Unlike a lookup, any item still there is a failure: the key was not
 * deleted, whatever the item's state says now. */
static void
clear_check_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GHashTable) items = NULL;
  GError *error = NULL;

  items = timecard_secret_list_finish (result, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else if (g_hash_table_contains (items, g_task_get_task_data (task)))
    g_task_return_error (task, locked_error ());
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (secret_password_clear_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (error != NULL)
    {
      g_task_return_error (task, timecard_secret_map_error (g_steal_pointer (&error)));
      return;
    }

  list_after_nothing (task, clear_check_done);
}

/**
 * timecard_secret_clear_async:
 * @credential_id: the credential whose key to delete
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is gone
 * @user_data: data for @callback
 *
 * Deletes a credential's key. Succeeds when there was none; fails when the
 * key is still there afterwards (a locked keyring).
 */
void
timecard_secret_clear_async (const char          *credential_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (credential_id != NULL);

  task = credential_task_new (credential_id, timecard_secret_clear_async, cancellable, callback, user_data);

  secret_password_clear (timecard_secret_get_schema (), cancellable,
                         clear_done, g_steal_pointer (&task),
                         "credential-id", credential_id,
                         NULL);
}

/**
 * timecard_secret_clear_finish:
 * @result: the result passed to the callback
 * @error: return location for a mapped error
 *
 * Returns: whether the credential has no key any more
 */
gboolean
timecard_secret_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_secret_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_label_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_item_set_label_finish (SECRET_ITEM (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, timecard_secret_map_error (error));
}

static void
set_label_found (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *found;

  found = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, timecard_secret_map_error (g_steal_pointer (&error)));
      return;
    }

  /* A locked item keeps its old label rather than prompting for a rename. */
  if (found != NULL && SECRET_IS_ITEM (found->data) && !secret_item_get_locked (found->data))
    secret_item_set_label (found->data, g_task_get_task_data (task), g_task_get_cancellable (task),
                           set_label_done, g_object_ref (task));
  else
    g_task_return_boolean (task, FALSE);

  g_list_free_full (found, g_object_unref);
}

/**
 * timecard_secret_set_label_async:
 * @credential_id: the credential whose item to relabel
 * @label: the new label
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Renames a credential's item, if it is there and unlocked, without
 * touching the key.
 */
void
timecard_secret_set_label_async (const char          *credential_id,
                                 const char          *label,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (credential_id != NULL);
  g_return_if_fail (label != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_secret_set_label_async);
  g_task_set_task_data (task, g_strdup (label), g_free);

  secret_password_search (timecard_secret_get_schema (), SECRET_SEARCH_NONE, cancellable,
                          set_label_found, g_steal_pointer (&task),
                          "credential-id", credential_id,
                          NULL);
}

/**
 * timecard_secret_set_label_finish:
 * @result: the result passed to the callback
 * @error: return location for a mapped error
 *
 * Returns: whether the item was relabelled; %FALSE without an error when
 *   there was no unlocked item
 */
gboolean
timecard_secret_set_label_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_secret_set_label_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
