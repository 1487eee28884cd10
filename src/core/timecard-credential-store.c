/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-store"

#include "config.h"

#include "timecard-credential-store.h"

#include <glib/gi18n-lib.h>

#include "timecard-credential-file-private.h"
#include "timecard-credential-private.h"
#include "timecard-credential-store-private.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"

/**
 * TimecardCredentialStore:
 *
 * The saved credentials, as a #GListModel of #TimecardCredential sorted by
 * name (ignoring case, in the user's collation).
 *
 * Each API key lives only in the Secret Service, one item per credential
 * (timecard_secret_get_schema()). Everything else lives in a key file,
 * `credentials.ini` in Timecard's folder of the user's data directory, so
 * the list shows without unlocking the keyring.
 *
 * The steps of each change are ordered so that no crash between them loses
 * a key or leaves a credential without its key unnoticed:
 *
 * - add: the key is stored, then the credential is written to the file. A
 *   crash in between leaves a key nobody refers to, which a load deletes
 *   once it is a few minutes old.
 * - a key edit: the file marks the change as pending, the new key replaces
 *   the old one in the keyring (atomically), then the file gets the new
 *   values. A crash in between loads the credential as unverified with
 *   either key, saying the change was interrupted.
 * - remove: the credential leaves the file, then its key is deleted. A
 *   crash in between leaves a key that a load deletes likewise.
 * - load: a credential without a key is %TIMECARD_CREDENTIAL_STATE_MISSING_KEY,
 *   and keys of no credential are deleted (unless locked).
 */

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TimecardCredentialStore, timecard_credential_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
timecard_credential_store_get_item_type (GListModel *model)
{
  return TIMECARD_TYPE_CREDENTIAL;
}

static guint
timecard_credential_store_get_n_items (GListModel *model)
{
  return TIMECARD_CREDENTIAL_STORE (model)->credentials->len;
}

static gpointer
timecard_credential_store_get_item (GListModel *model,
                                    guint       position)
{
  TimecardCredentialStore *self = TIMECARD_CREDENTIAL_STORE (model);

  if (position >= self->credentials->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->credentials, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = timecard_credential_store_get_item_type;
  iface->get_n_items = timecard_credential_store_get_n_items;
  iface->get_item = timecard_credential_store_get_item;
}

static void
timecard_credential_store_constructed (GObject *object)
{
  TimecardCredentialStore *self = TIMECARD_CREDENTIAL_STORE (object);

  G_OBJECT_CLASS (timecard_credential_store_parent_class)->constructed (object);

  self->path = _timecard_credential_file_get_path (self->directory);
}

static void
timecard_credential_store_finalize (GObject *object)
{
  TimecardCredentialStore *self = TIMECARD_CREDENTIAL_STORE (object);

  g_clear_pointer (&self->credentials, g_ptr_array_unref);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (timecard_credential_store_parent_class)->finalize (object);
}

static void
timecard_credential_store_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TimecardCredentialStore *self = TIMECARD_CREDENTIAL_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->credentials->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_store_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TimecardCredentialStore *self = TIMECARD_CREDENTIAL_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_store_class_init (TimecardCredentialStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = timecard_credential_store_constructed;
  object_class->finalize = timecard_credential_store_finalize;
  object_class->get_property = timecard_credential_store_get_property;
  object_class->set_property = timecard_credential_store_set_property;

  /**
   * TimecardCredentialStore:directory:
   *
   * Where the credentials file lives; %NULL (the default) for `timecard`
   * in the user's data directory. Tests use a directory of their own.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
timecard_credential_store_init (TimecardCredentialStore *self)
{
  self->credentials = g_ptr_array_new_with_free_func (g_object_unref);
  self->orphan_grace = TIMECARD_CREDENTIAL_STORE_ORPHAN_GRACE;
}

/**
 * timecard_credential_store_new:
 * @directory: (nullable): the directory of the credentials file, or %NULL
 *   for Timecard's folder in the user's data directory
 *
 * Creates an empty store; timecard_credential_store_load_async() fills it.
 *
 * Returns: (transfer full): a new store
 */
TimecardCredentialStore *
timecard_credential_store_new (const char *directory)
{
  return g_object_new (TIMECARD_TYPE_CREDENTIAL_STORE,
                       "directory", directory,
                       NULL);
}

/**
 * timecard_credential_store_get_path:
 *
 * Returns: the path of the credentials file
 */
const char *
timecard_credential_store_get_path (TimecardCredentialStore *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);

  return self->path;
}

/**
 * timecard_credential_store_find_by_id:
 * @id: a credential id
 *
 * Returns: (transfer none) (nullable): the credential with this id
 */
TimecardCredential *
timecard_credential_store_find_by_id (TimecardCredentialStore *self,
                                      const char              *id)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->credentials->len; i++)
    {
      TimecardCredential *credential = g_ptr_array_index (self->credentials, i);

      if (g_str_equal (timecard_credential_get_id (credential), id))
        return credential;
    }

  return NULL;
}

/**
 * timecard_credential_store_find_by_name:
 * @name: a credential name, in any case, with or without surrounding whitespace
 *
 * Returns: (transfer none) (nullable): the credential with this name
 */
TimecardCredential *
timecard_credential_store_find_by_name (TimecardCredentialStore *self,
                                        const char              *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  folded = timecard_credential_fold_name (trimmed);

  for (guint i = 0; i < self->credentials->len; i++)
    {
      TimecardCredential *credential = g_ptr_array_index (self->credentials, i);
      g_autofree char *other = timecard_credential_fold_name (timecard_credential_get_name (credential));

      if (g_str_equal (folded, other))
        return credential;
    }

  return NULL;
}

/**
 * timecard_credential_store_set_fail_point:
 * @fail_point: where to stop
 *
 * For tests of crash recovery only: makes the next operations stop at
 * @fail_point, as if the process had been killed there, and report an
 * error. Nothing is rolled back.
 */
void
timecard_credential_store_set_fail_point (TimecardCredentialStore          *self,
                                          TimecardCredentialStoreFailPoint  fail_point)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));

  self->fail_point = fail_point;
}

/**
 * timecard_credential_store_set_orphan_grace:
 * @seconds: how old a key of no credential must be before a load deletes it
 *
 * A key stored moments ago may belong to an add that another process is
 * finishing, so loading leaves keys of no credential alone until they are
 * %TIMECARD_CREDENTIAL_STORE_ORPHAN_GRACE seconds old. Tests of crash
 * recovery set 0.
 */
void
timecard_credential_store_set_orphan_grace (TimecardCredentialStore *self,
                                            guint                    seconds)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));

  self->orphan_grace = seconds;
}

gboolean
_timecard_credential_store_fail_at (TimecardCredentialStore           *self,
                                    TimecardCredentialStoreFailPoint   point,
                                    GError                           **error)
{
  if (self->fail_point != point)
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Stopped at failure point %d, as a test asked", point);
  return TRUE;
}

/* The label of a credential's keyring item, as keyring managers show it. */
char *
_timecard_credential_store_dup_label (const char *name)
{
  return g_strdup_printf (_("Clockify API key for “%s”"), name);
}

static GError *
key_missing_error (TimecardCredential *credential)
{
  return g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_KEY_MISSING,
                      _("The API key of “%s” is not in the keyring: enter it again"),
                      timecard_credential_get_name (credential));
}

/**
 * timecard_credential_store_validate_name:
 * @except: (nullable): the credential being renamed, whose own name is free
 * @name: (nullable): a name as entered
 * @error: return location for a %TIMECARD_CREDENTIAL_ERROR
 *
 * Checks a name with timecard_credential_validate_name() and that no
 * other credential of the store has it (ignoring case), as adding or
 * renaming would; a form can show the problem before it asks for a key.
 *
 * Returns: (transfer full) (nullable): the name without surrounding
 *   whitespace, or %NULL with @error set
 */
char *
timecard_credential_store_validate_name (TimecardCredentialStore  *self,
                                         TimecardCredential       *except,
                                         const char               *name,
                                         GError                  **error)
{
  g_autofree char *valid = NULL;
  TimecardCredential *other;

  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (except == NULL || TIMECARD_IS_CREDENTIAL (except), NULL);

  if (!(valid = timecard_credential_validate_name (name, error)))
    return NULL;

  other = timecard_credential_store_find_by_name (self, valid);
  if (other != NULL && other != except)
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN,
                   _("A credential named “%s” already exists"),
                   timecard_credential_get_name (other));
      return NULL;
    }

  return g_steal_pointer (&valid);
}

static int
compare_credentials (TimecardCredential *a,
                     TimecardCredential *b)
{
  int cmp = g_strcmp0 (_timecard_credential_get_sort_key (a), _timecard_credential_get_sort_key (b));

  if (cmp != 0)
    return cmp;

  return g_strcmp0 (timecard_credential_get_id (a), timecard_credential_get_id (b));
}

static int
compare_credential_pointers (gconstpointer a,
                             gconstpointer b)
{
  return compare_credentials (*(TimecardCredential **) a, *(TimecardCredential **) b);
}

static guint
find_position (TimecardCredentialStore *self,
               TimecardCredential      *credential)
{
  guint lo = 0, hi = self->credentials->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_credentials (g_ptr_array_index (self->credentials, mid), credential) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
notify_n_items (TimecardCredentialStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Adds @credential in its sorted place. */
void
_timecard_credential_store_insert (TimecardCredentialStore *self,
                                   TimecardCredential      *credential)
{
  guint position = find_position (self, credential);

  g_ptr_array_insert (self->credentials, position, g_object_ref (credential));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  notify_n_items (self);
}

static void
remove_credential (TimecardCredentialStore *self,
                   TimecardCredential      *credential)
{
  guint position;

  if (!g_ptr_array_find (self->credentials, credential, &position))
    return;

  g_ptr_array_remove_index (self->credentials, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  notify_n_items (self);
}

/* Gives @credential the values of @from, moving it if its name changed. */
void
_timecard_credential_store_assign (TimecardCredentialStore *self,
                                   TimecardCredential      *credential,
                                   TimecardCredential      *from)
{
  guint old_position, new_position;

  if (!g_ptr_array_find (self->credentials, credential, &old_position))
    {
      _timecard_credential_assign (credential, from);
      return;
    }

  /* Steal it while renaming so the binary search sees a sorted array. */
  g_ptr_array_steal_index (self->credentials, old_position);
  _timecard_credential_assign (credential, from);
  new_position = find_position (self, credential);
  g_ptr_array_insert (self->credentials, new_position, credential);

  if (old_position != new_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
}

/* Makes @credentials (sorted here) the content of the model. */
void
_timecard_credential_store_replace_all (TimecardCredentialStore *self,
                                        GPtrArray               *credentials)
{
  guint old_len = self->credentials->len;

  g_ptr_array_sort (credentials, compare_credential_pointers);

  g_clear_pointer (&self->credentials, g_ptr_array_unref);
  self->credentials = g_ptr_array_ref (credentials);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->credentials->len);
  if (old_len != self->credentials->len)
    notify_n_items (self);
}

static void
write_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (_timecard_credential_file_update_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writes @credential (a copy of a live one, or a new one) to the file. */
void
_timecard_credential_store_write_async (TimecardCredentialStore *self,
                                        TimecardCredential      *credential,
                                        gboolean                 key_pending,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_autoptr(GKeyFile) group = _timecard_credential_file_new_group (credential, key_pending);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _timecard_credential_store_write_async);
  _timecard_credential_file_update_async (self->path, timecard_credential_get_id (credential),
                                          group, cancellable, write_done, task);
}

gboolean
_timecard_credential_store_write_finish (TimecardCredentialStore  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Remove */

static void
remove_cleared (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredential *credential = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!timecard_secret_clear_finish (result, &error))
    {
      g_task_return_new_error (task, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE,
                               _("“%s” was removed, but its key could not be deleted from the "
                                 "keyring yet: %s"),
                               timecard_credential_get_name (credential), error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
remove_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  TimecardCredential *credential = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_timecard_credential_file_update_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  remove_credential (self, credential);

  if (_timecard_credential_store_fail_at (self, TIMECARD_CREDENTIAL_STORE_FAIL_BEFORE_SECRET_CLEAR, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  timecard_secret_clear_async (timecard_credential_get_id (credential), cancellable,
                               remove_cleared, g_steal_pointer (&task));
}

static void
remove_checked (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  TimecardCredentialStore *self = g_task_get_source_object (task);
  TimecardCredential *credential = g_task_get_task_data (task);
  g_autoptr(GHashTable) items = NULL;
  GError *error = NULL;

  /* Fail before writing anything when the key could not be deleted. */
  items = timecard_secret_list_finish (result, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _timecard_credential_file_update_async (self->path, timecard_credential_get_id (credential), NULL,
                                          cancellable,
                                          remove_written, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_remove_async:
 * @credential: a credential of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when removed
 * @user_data: data for @callback
 *
 * Removes a credential from the file, then deletes its key. The keyring is
 * unlocked first if needed; when that fails nothing is removed.
 */
void
timecard_credential_store_remove_async (TimecardCredentialStore *self,
                                        TimecardCredential      *credential,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (credential));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_credential_store_remove_async);
  g_task_set_task_data (task, g_object_ref (credential), g_object_unref);

  timecard_secret_list_async (timecard_credential_get_id (credential), TRUE, cancellable,
                              remove_checked, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_remove_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: whether the credential and its key are gone
 */
gboolean
timecard_credential_store_remove_finish (TimecardCredentialStore  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

static void
lookup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredential *credential = g_task_get_task_data (task);
  GError *error = NULL;
  char *key;

  key = timecard_secret_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (key == NULL)
    {
      _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_MISSING_KEY,
                                      _("The API key is not in the keyring: enter it again"));
      g_task_return_error (task, key_missing_error (credential));
      return;
    }

  g_task_return_pointer (task, key, (GDestroyNotify) secret_password_free);
}

/**
 * timecard_credential_store_lookup_key_async:
 * @credential: a credential of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the key
 * @user_data: data for @callback
 *
 * Reads a credential's key from the Secret Service, unlocking the keyring
 * if needed. Hold the key no longer than the request that needs it.
 */
void
timecard_credential_store_lookup_key_async (TimecardCredentialStore *self,
                                            TimecardCredential      *credential,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (credential));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_credential_store_lookup_key_async);
  g_task_set_task_data (task, g_object_ref (credential), g_object_unref);

  timecard_secret_lookup_async (timecard_credential_get_id (credential), cancellable,
                                lookup_done, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_lookup_key_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Fails with %TIMECARD_CREDENTIAL_ERROR_KEY_MISSING (and marks the
 * credential so) when the key is not in the keyring.
 *
 * Returns: (transfer full) (nullable): the key; free it with
 *   secret_password_free(), or hold it in a `g_autoptr(TimecardApiKey)`
 */
char *
timecard_credential_store_lookup_key_finish (TimecardCredentialStore  *self,
                                             GAsyncResult             *result,
                                             GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_lookup_key_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
create_client_looked_up (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardCredential *credential = g_task_get_task_data (task);
  g_autoptr(TimecardApiKey) key = NULL;
  GError *error = NULL;

  key = timecard_credential_store_lookup_key_finish (TIMECARD_CREDENTIAL_STORE (object), result, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task,
                         clockify_client_new (timecard_credential_get_server (credential), key),
                         g_object_unref);
}

/**
 * timecard_credential_store_create_client_async:
 * @credential: a credential of the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the client
 * @user_data: data for @callback
 *
 * Reads a credential's key and hands it straight to a new #ClockifyClient
 * for the credential's server, so the caller never holds the key.
 */
void
timecard_credential_store_create_client_async (TimecardCredentialStore *self,
                                               TimecardCredential      *credential,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (credential));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_credential_store_create_client_async);
  g_task_set_task_data (task, g_object_ref (credential), g_object_unref);

  timecard_credential_store_lookup_key_async (self, credential, cancellable,
                                              create_client_looked_up, g_steal_pointer (&task));
}

/**
 * timecard_credential_store_create_client_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a client using the credential's key
 */
ClockifyClient *
timecard_credential_store_create_client_finish (TimecardCredentialStore  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_credential_store_create_client_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
