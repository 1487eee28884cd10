/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential"

#include "config.h"

#include "timecard-credential.h"

#include "timecard-credential-private.h"
#include "timecard-credential-validate.h"

/**
 * TimecardCredential:
 *
 * A saved Clockify credential: its name, description and server, who the
 * key belongs to and what is known about the key. The key itself lives
 * only in the Secret Service; a credential never holds it. Credentials
 * come from a #TimecardCredentialStore, which is the only thing that
 * changes them, so every property is read-only.
 */
struct _TimecardCredential
{
  GObject                  parent_instance;

  char                    *id;
  char                    *name;
  char                    *sort_key;
  char                    *description;
  ClockifyServer          *server;
  GDateTime               *created;
  GDateTime               *last_verified;
  char                    *user_id;
  char                    *user_name;
  char                    *user_email;
  char                    *user_time_zone;
  char                    *state_message;
  TimecardCredentialState  state;
};

G_DEFINE_FINAL_TYPE (TimecardCredential, timecard_credential, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_SERVER,
  PROP_CREATED,
  PROP_LAST_VERIFIED,
  PROP_USER_ID,
  PROP_USER_NAME,
  PROP_USER_EMAIL,
  PROP_USER_TIME_ZONE,
  PROP_STATE,
  PROP_STATE_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = {
  [TIMECARD_CREDENTIAL_STATE_UNVERIFIED] = "unverified",
  [TIMECARD_CREDENTIAL_STATE_VERIFIED] = "verified",
  [TIMECARD_CREDENTIAL_STATE_REJECTED] = "rejected",
  [TIMECARD_CREDENTIAL_STATE_MISSING_KEY] = "missing-key",
};

static void
timecard_credential_finalize (GObject *object)
{
  TimecardCredential *self = TIMECARD_CREDENTIAL (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->server);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->last_verified, g_date_time_unref);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->user_email, g_free);
  g_clear_pointer (&self->user_time_zone, g_free);
  g_clear_pointer (&self->state_message, g_free);

  G_OBJECT_CLASS (timecard_credential_parent_class)->finalize (object);
}

static void
timecard_credential_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TimecardCredential *self = TIMECARD_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_LAST_VERIFIED:
      g_value_set_boxed (value, self->last_verified);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case PROP_USER_EMAIL:
      g_value_set_string (value, self->user_email);
      break;

    case PROP_USER_TIME_ZONE:
      g_value_set_string (value, self->user_time_zone);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STATE_MESSAGE:
      g_value_set_string (value, self->state_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_class_init (TimecardCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = timecard_credential_finalize;
  object_class->get_property = timecard_credential_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, CLOCKIFY_TYPE_SERVER, flags);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_LAST_VERIFIED] =
    g_param_spec_boxed ("last-verified", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL, flags);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties[PROP_USER_EMAIL] =
    g_param_spec_string ("user-email", NULL, NULL, NULL, flags);
  properties[PROP_USER_TIME_ZONE] =
    g_param_spec_string ("user-time-zone", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TIMECARD_TYPE_CREDENTIAL_STATE,
                       TIMECARD_CREDENTIAL_STATE_UNVERIFIED, flags);
  properties[PROP_STATE_MESSAGE] =
    g_param_spec_string ("state-message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
timecard_credential_init (TimecardCredential *self)
{
  self->description = g_strdup ("");
  self->state = TIMECARD_CREDENTIAL_STATE_UNVERIFIED;
}

static gboolean
set_string (TimecardCredential *self,
            char              **field,
            const char         *value,
            int                 prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
set_date_time (TimecardCredential  *self,
               GDateTime          **field,
               GDateTime           *value,
               int                  prop)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

TimecardCredential *
_timecard_credential_new (const char     *id,
                          const char     *name,
                          const char     *description,
                          ClockifyServer *server,
                          GDateTime      *created)
{
  TimecardCredential *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (CLOCKIFY_IS_SERVER (server), NULL);
  g_return_val_if_fail (created != NULL, NULL);

  self = g_object_new (TIMECARD_TYPE_CREDENTIAL, NULL);
  self->id = g_strdup (id);
  self->created = g_date_time_ref (created);
  self->server = g_object_ref (server);
  _timecard_credential_set_name (self, name);
  _timecard_credential_set_description (self, description);

  return self;
}

/* A detached copy, for changes that become real only once they are saved. */
TimecardCredential *
_timecard_credential_copy (TimecardCredential *self)
{
  TimecardCredential *copy;

  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  copy = _timecard_credential_new (self->id, self->name, self->description,
                                   self->server, self->created);
  _timecard_credential_assign (copy, self);

  return copy;
}

/* Takes every value of @from except the id, notifying what changed. */
void
_timecard_credential_assign (TimecardCredential *self,
                             TimecardCredential *from)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (from));
  g_return_if_fail (g_strcmp0 (self->id, from->id) == 0);

  g_object_freeze_notify (G_OBJECT (self));
  _timecard_credential_set_name (self, from->name);
  _timecard_credential_set_description (self, from->description);
  _timecard_credential_set_server (self, from->server);
  set_date_time (self, &self->created, from->created, PROP_CREATED);
  _timecard_credential_set_user (self, from->user_id, from->user_name, from->user_email,
                                 from->user_time_zone);
  _timecard_credential_set_last_verified (self, from->last_verified);
  _timecard_credential_set_state (self, from->state, from->state_message);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Orders credentials by name, ignoring case, in the user's collation. */
const char *
_timecard_credential_get_sort_key (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->sort_key;
}

void
_timecard_credential_set_name (TimecardCredential *self,
                               const char         *name)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));
  g_return_if_fail (name != NULL);

  if (!set_string (self, &self->name, name, PROP_NAME))
    return;

  folded = timecard_credential_fold_name (name);
  g_free (self->sort_key);
  self->sort_key = g_utf8_collate_key (folded, -1);
}

void
_timecard_credential_set_description (TimecardCredential *self,
                                      const char         *description)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));

  set_string (self, &self->description, description != NULL ? description : "",
              PROP_DESCRIPTION);
}

void
_timecard_credential_set_server (TimecardCredential *self,
                                 ClockifyServer     *server)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));
  g_return_if_fail (CLOCKIFY_IS_SERVER (server));

  if (self->server == server || clockify_server_equal (self->server, server))
    return;

  g_set_object (&self->server, server);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER]);
}

void
_timecard_credential_set_user (TimecardCredential *self,
                               const char         *id,
                               const char         *name,
                               const char         *email,
                               const char         *time_zone)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));

  set_string (self, &self->user_id, id, PROP_USER_ID);
  set_string (self, &self->user_name, name, PROP_USER_NAME);
  set_string (self, &self->user_email, email, PROP_USER_EMAIL);
  set_string (self, &self->user_time_zone, time_zone, PROP_USER_TIME_ZONE);
}

void
_timecard_credential_set_last_verified (TimecardCredential *self,
                                        GDateTime          *when)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));

  set_date_time (self, &self->last_verified, when, PROP_LAST_VERIFIED);
}

void
_timecard_credential_set_state (TimecardCredential      *self,
                                TimecardCredentialState  state,
                                const char              *message)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  set_string (self, &self->state_message, message, PROP_STATE_MESSAGE);
}

/* Clockify accepted the key at @when, for @user. */
void
_timecard_credential_set_verified (TimecardCredential *self,
                                   ClockifyUser       *user,
                                   GDateTime          *when)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL (self));
  g_return_if_fail (CLOCKIFY_IS_USER (user));
  g_return_if_fail (when != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  _timecard_credential_set_user (self,
                                 clockify_user_get_id (user),
                                 clockify_user_get_name (user),
                                 clockify_user_get_email (user),
                                 clockify_user_get_time_zone (user));
  _timecard_credential_set_last_verified (self, when);
  _timecard_credential_set_state (self, TIMECARD_CREDENTIAL_STATE_VERIFIED, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * timecard_credential_get_id:
 *
 * Returns: the credential's id, a random UUID that never changes
 */
const char *
timecard_credential_get_id (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->id;
}

/**
 * timecard_credential_get_name:
 *
 * Returns: the name, unique among the store's credentials (ignoring case)
 */
const char *
timecard_credential_get_name (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->name;
}

/**
 * timecard_credential_get_description:
 *
 * Returns: the description, possibly empty
 */
const char *
timecard_credential_get_description (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->description;
}

/**
 * timecard_credential_get_server:
 *
 * Returns: (transfer none): the Clockify server the key belongs to
 */
ClockifyServer *
timecard_credential_get_server (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->server;
}

/**
 * timecard_credential_get_created:
 *
 * Returns: (transfer none): when the credential was added
 */
GDateTime *
timecard_credential_get_created (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->created;
}

/**
 * timecard_credential_get_last_verified:
 *
 * Returns: (transfer none) (nullable): when Clockify last accepted the key
 */
GDateTime *
timecard_credential_get_last_verified (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->last_verified;
}

/**
 * timecard_credential_get_user_id:
 *
 * Returns: (nullable): the Clockify id of the key's user, once verified
 */
const char *
timecard_credential_get_user_id (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->user_id;
}

/**
 * timecard_credential_get_user_name:
 *
 * Returns: (nullable): the name of the key's user, once verified
 */
const char *
timecard_credential_get_user_name (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->user_name;
}

/**
 * timecard_credential_get_user_email:
 *
 * Returns: (nullable): the email address of the key's user, once verified
 */
const char *
timecard_credential_get_user_email (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->user_email;
}

/**
 * timecard_credential_get_user_time_zone:
 *
 * Returns: (nullable): the time zone of the key's user's profile, once verified
 */
const char *
timecard_credential_get_user_time_zone (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->user_time_zone;
}

/**
 * timecard_credential_get_state:
 *
 * Returns: what is known about the key
 */
TimecardCredentialState
timecard_credential_get_state (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), TIMECARD_CREDENTIAL_STATE_UNVERIFIED);

  return self->state;
}

/**
 * timecard_credential_get_state_message:
 *
 * Returns: (nullable): why the credential is rejected, unverified after a
 *   failed check, or missing its key; %NULL when there is nothing to say
 */
const char *
timecard_credential_get_state_message (TimecardCredential *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (self), NULL);

  return self->state_message;
}

/**
 * timecard_credential_state_to_string:
 * @state: a state
 *
 * Returns: the state's stable name (`verified`, `unverified`, `rejected`,
 *   `missing-key`), as stored and as printed by `timecard-cli --json`
 */
const char *
timecard_credential_state_to_string (TimecardCredentialState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

/* The state named @text, or @fallback for an unknown name. */
TimecardCredentialState
_timecard_credential_state_from_string (const char              *text,
                                        TimecardCredentialState  fallback)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (text, state_names[i]) == 0)
        return i;
    }

  return fallback;
}
