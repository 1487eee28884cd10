/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-store"

#include "config.h"

#include "timecard-credential-file-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "timecard-credential-private.h"
#include "timecard-credential-validate.h"

#define KEY_NAME           "name"
#define KEY_DESCRIPTION    "description"
#define KEY_SERVER         "server"
#define KEY_CREATED        "created"
#define KEY_LAST_VERIFIED  "last-verified"
#define KEY_STATE          "state"
#define KEY_STATE_MESSAGE  "state-message"
#define KEY_USER_ID        "user-id"
#define KEY_USER_NAME      "user-name"
#define KEY_USER_EMAIL     "user-email"
#define KEY_USER_TIME_ZONE "user-time-zone"
#define KEY_KEY_PENDING    "key-pending"

/* Read-modify-write cycles of this process never interleave. */
G_LOCK_DEFINE_STATIC (file_lock);

/**
 * _timecard_credential_file_get_path:
 * @directory: (nullable): the directory, or %NULL for Timecard's folder in
 *   the user's data directory
 *
 * Returns: (transfer full): the path of the credentials file
 */
char *
_timecard_credential_file_get_path (const char *directory)
{
  if (directory != NULL)
    return g_build_filename (directory, "credentials.ini", NULL);

  return g_build_filename (g_get_user_data_dir (), "timecard", "credentials.ini", NULL);
}

static void
set_optional_string (GKeyFile   *file,
                     const char *group,
                     const char *key,
                     const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_key_file_set_string (file, group, key, value);
}

static void
set_optional_time (GKeyFile   *file,
                   const char *group,
                   const char *key,
                   GDateTime  *value)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (value == NULL)
    return;

  utc = g_date_time_to_utc (value);
  text = g_date_time_format_iso8601 (utc);
  g_key_file_set_string (file, group, key, text);
}

static GDateTime *
get_optional_time (GKeyFile   *file,
                   const char *group,
                   const char *key)
{
  g_autofree char *text = g_key_file_get_string (file, group, key, NULL);

  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

/**
 * _timecard_credential_file_new_group:
 * @credential: a credential
 * @key_pending: whether a change of the credential's key is under way
 *
 * Returns: (transfer full): a key file holding only @credential's group
 */
GKeyFile *
_timecard_credential_file_new_group (TimecardCredential *credential,
                                     gboolean            key_pending)
{
  GKeyFile *file = g_key_file_new ();
  const char *id = timecard_credential_get_id (credential);
  TimecardCredentialState state = timecard_credential_get_state (credential);
  g_autofree char *server = clockify_server_to_string (timecard_credential_get_server (credential));

  g_key_file_set_string (file, id, KEY_NAME, timecard_credential_get_name (credential));
  set_optional_string (file, id, KEY_DESCRIPTION, timecard_credential_get_description (credential));
  g_key_file_set_string (file, id, KEY_SERVER, server);
  set_optional_time (file, id, KEY_CREATED, timecard_credential_get_created (credential));
  set_optional_time (file, id, KEY_LAST_VERIFIED, timecard_credential_get_last_verified (credential));

  /* A missing key is what the keyring says at load, not a stored fact. */
  if (state != TIMECARD_CREDENTIAL_STATE_MISSING_KEY)
    {
      g_key_file_set_string (file, id, KEY_STATE, timecard_credential_state_to_string (state));
      set_optional_string (file, id, KEY_STATE_MESSAGE,
                           timecard_credential_get_state_message (credential));
    }

  set_optional_string (file, id, KEY_USER_ID, timecard_credential_get_user_id (credential));
  set_optional_string (file, id, KEY_USER_NAME, timecard_credential_get_user_name (credential));
  set_optional_string (file, id, KEY_USER_EMAIL, timecard_credential_get_user_email (credential));
  set_optional_string (file, id, KEY_USER_TIME_ZONE,
                       timecard_credential_get_user_time_zone (credential));

  if (key_pending)
    g_key_file_set_boolean (file, id, KEY_KEY_PENDING, TRUE);

  return file;
}

/**
 * _timecard_credential_file_get:
 * @file: the credentials file
 * @id: a group of @file
 * @out_key_pending: (out): whether a change of the key was under way
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the credential stored in group @id,
 *   or %NULL when the group is damaged
 */
TimecardCredential *
_timecard_credential_file_get (GKeyFile    *file,
                               const char  *id,
                               gboolean    *out_key_pending,
                               GError     **error)
{
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(ClockifyServer) server = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) last_verified = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *server_text = NULL;
  g_autofree char *state = NULL;
  g_autofree char *state_message = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *user_email = NULL;
  g_autofree char *user_time_zone = NULL;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!g_uuid_string_is_valid (id))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "“%s” is not a credential id", id);
      return NULL;
    }

  if (!(name = g_key_file_get_string (file, id, KEY_NAME, error)) ||
      !(server_text = g_key_file_get_string (file, id, KEY_SERVER, error)) ||
      !(server = timecard_credential_parse_server (server_text, error)))
    return NULL;

  created = get_optional_time (file, id, KEY_CREATED);
  if (created == NULL)
    created = g_date_time_new_from_unix_utc (0);
  description = g_key_file_get_string (file, id, KEY_DESCRIPTION, NULL);

  credential = _timecard_credential_new (id, name, description, server, created);

  user_id = g_key_file_get_string (file, id, KEY_USER_ID, NULL);
  user_name = g_key_file_get_string (file, id, KEY_USER_NAME, NULL);
  user_email = g_key_file_get_string (file, id, KEY_USER_EMAIL, NULL);
  user_time_zone = g_key_file_get_string (file, id, KEY_USER_TIME_ZONE, NULL);
  _timecard_credential_set_user (credential, user_id, user_name, user_email, user_time_zone);

  last_verified = get_optional_time (file, id, KEY_LAST_VERIFIED);
  _timecard_credential_set_last_verified (credential, last_verified);

  state = g_key_file_get_string (file, id, KEY_STATE, NULL);
  state_message = g_key_file_get_string (file, id, KEY_STATE_MESSAGE, NULL);
  _timecard_credential_set_state (credential,
                                  _timecard_credential_state_from_string (state, TIMECARD_CREDENTIAL_STATE_UNVERIFIED),
                                  state_message);

  if (out_key_pending != NULL)
    *out_key_pending = g_key_file_get_boolean (file, id, KEY_KEY_PENDING, NULL);

  return g_steal_pointer (&credential);
}

static GKeyFile *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_STORAGE,
                   _("The credentials file “%s” cannot be read: %s"),
                   path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&file);
}

static gboolean
write_file (const char  *path,
            GKeyFile    *file,
            GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  data = g_key_file_to_data (file, &length, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_STORAGE,
                   _("The credentials file “%s” cannot be written: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_STORAGE,
                   _("The credentials file “%s” cannot be written: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GKeyFile *file;

  G_LOCK (file_lock);
  file = read_file (task_data, &error);
  G_UNLOCK (file_lock);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, (GDestroyNotify) g_key_file_unref);
}

/**
 * _timecard_credential_file_read_async:
 * @path: the credentials file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the file
 * @user_data: data for @callback
 *
 * Reads the credentials file in a thread. A file that does not exist yet
 * reads as an empty one.
 */
void
_timecard_credential_file_read_async (const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, _timecard_credential_file_read_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_thread);
}

GKeyFile *
_timecard_credential_file_read_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char     *path;
  char     *id;
  GKeyFile *group;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_free (data->path);
  g_free (data->id);
  g_clear_pointer (&data->group, g_key_file_unref);
  g_free (data);
}

/* Whether a credential other than @id is called @name, ignoring case. */
static gboolean
check_name_free (GKeyFile    *file,
                 const char  *id,
                 const char  *name,
                 GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);
  g_autofree char *folded = timecard_credential_fold_name (name);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *other = NULL;
      g_autofree char *other_folded = NULL;

      if (g_str_equal (groups[i], id))
        continue;

      other = g_key_file_get_string (file, groups[i], KEY_NAME, NULL);
      if (other == NULL)
        continue;

      other_folded = timecard_credential_fold_name (other);
      if (g_str_equal (folded, other_folded))
        {
          g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN,
                       _("A credential named “%s” already exists"), other);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
update_file (UpdateData  *data,
             GError     **error)
{
  g_autoptr(GKeyFile) file = read_file (data->path, error);
  g_autofree char *name = NULL;
  g_auto(GStrv) keys = NULL;

  if (file == NULL)
    return FALSE;

  if (data->group == NULL)
    {
      /* Nothing to remove: nothing to write. */
      if (!g_key_file_remove_group (file, data->id, NULL))
        return TRUE;
      return write_file (data->path, file, error);
    }

  name = g_key_file_get_string (data->group, data->id, KEY_NAME, NULL);
  g_assert (name != NULL);
  if (!check_name_free (file, data->id, name, error))
    return FALSE;

  g_key_file_remove_group (file, data->id, NULL);
  keys = g_key_file_get_keys (data->group, data->id, NULL, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (data->group, data->id, keys[i], NULL);

      g_key_file_set_value (file, data->id, keys[i], value);
    }

  return write_file (data->path, file, error);
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean ok;

  G_LOCK (file_lock);
  ok = update_file (task_data, &error);
  G_UNLOCK (file_lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * _timecard_credential_file_update_async:
 * @path: the credentials file
 * @id: the credential to change
 * @group: (nullable): a key file holding the credential's new group (from
 *   _timecard_credential_file_new_group()), or %NULL to remove the credential
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Re-reads the credentials file, replaces or removes group @id, and
 * writes the file atomically, in a thread. Fails with
 * %TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN, writing nothing, when the file
 * already has another credential of the same name.
 */
void
_timecard_credential_file_update_async (const char          *path,
                                        const char          *id,
                                        GKeyFile            *group,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UpdateData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (id != NULL);

  data = g_new0 (UpdateData, 1);
  data->path = g_strdup (path);
  data->id = g_strdup (id);
  data->group = group != NULL ? g_key_file_ref (group) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _timecard_credential_file_update_async);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);
  g_task_run_in_thread (task, update_thread);
}

gboolean
_timecard_credential_file_update_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
