/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-user"

#include "config.h"

#include "clockify-user.h"

#include "clockify-json.h"

struct _ClockifyUser
{
  GObject parent_instance;

  char *id;
  char *name;
  char *email;
  char *status;
  char *time_zone;
  char *active_workspace;
  char *default_workspace;
  char *profile_picture;
};

G_DEFINE_FINAL_TYPE (ClockifyUser, clockify_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_STATUS,
  PROP_TIME_ZONE,
  PROP_ACTIVE_WORKSPACE,
  PROP_DEFAULT_WORKSPACE,
  PROP_PROFILE_PICTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_user_finalize (GObject *object)
{
  ClockifyUser *self = (ClockifyUser *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->active_workspace, g_free);
  g_clear_pointer (&self->default_workspace, g_free);
  g_clear_pointer (&self->profile_picture, g_free);

  G_OBJECT_CLASS (clockify_user_parent_class)->finalize (object);
}

static void
clockify_user_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClockifyUser *self = CLOCKIFY_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_ACTIVE_WORKSPACE:
      g_value_set_string (value, self->active_workspace);
      break;
    case PROP_DEFAULT_WORKSPACE:
      g_value_set_string (value, self->default_workspace);
      break;
    case PROP_PROFILE_PICTURE:
      g_value_set_string (value, self->profile_picture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_user_class_init (ClockifyUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_user_finalize;
  object_class->get_property = clockify_user_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE_WORKSPACE] =
    g_param_spec_string ("active-workspace", NULL, NULL, NULL, flags);
  properties[PROP_DEFAULT_WORKSPACE] =
    g_param_spec_string ("default-workspace", NULL, NULL, NULL, flags);
  properties[PROP_PROFILE_PICTURE] =
    g_param_spec_string ("profile-picture", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_user_init (ClockifyUser *self)
{
}

/**
 * clockify_user_new_from_json:
 * @node: a `UserDtoV1` object (`GET /v1/user`, `GET /v1/workspaces/{ws}/users`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the user, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyUser *
clockify_user_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(ClockifyUser) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "user", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_USER, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_string (object, "email", &self->email, error)
      || !clockify_json_get_string (object, "status", &self->status, error)
      || !clockify_json_get_string (object, "settings.timeZone", &self->time_zone, error)
      || !clockify_json_get_id (object, "activeWorkspace", &self->active_workspace, error)
      || !clockify_json_get_id (object, "defaultWorkspace", &self->default_workspace, error)
      || !clockify_json_get_string (object, "profilePicture", &self->profile_picture, error))
    {
      clockify_json_prefix_error (error, "user", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_user_get_id (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->id;
}

const char *
clockify_user_get_name (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->name;
}

const char *
clockify_user_get_email (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->email;
}

/**
 * clockify_user_get_time_zone:
 * @self: a user
 *
 * Returns: (nullable): the profile's time zone (`settings.timeZone`), an
 *   IANA name such as "Europe/Berlin"; the Reports API interprets dates in it
 *   unless told otherwise
 */
const char *
clockify_user_get_time_zone (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->time_zone;
}

/**
 * clockify_user_get_status:
 * @self: a user
 *
 * Returns: (nullable): the account status as Clockify spells it ("ACTIVE",
 *   "PENDING_EMAIL_VERIFICATION", ...)
 */
const char *
clockify_user_get_status (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->status;
}

const char *
clockify_user_get_active_workspace (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->active_workspace;
}

const char *
clockify_user_get_default_workspace (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->default_workspace;
}

const char *
clockify_user_get_profile_picture (ClockifyUser *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER (self), NULL);

  return self->profile_picture;
}
