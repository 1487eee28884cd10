/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-user-group"

#include "config.h"

#include "clockify-user-group.h"

#include "clockify-json.h"

struct _ClockifyUserGroup
{
  GObject parent_instance;

  char *id;
  char *name;
  GStrv user_ids;
  char *workspace_id;
};

G_DEFINE_FINAL_TYPE (ClockifyUserGroup, clockify_user_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_USER_IDS,
  PROP_WORKSPACE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_user_group_finalize (GObject *object)
{
  ClockifyUserGroup *self = (ClockifyUserGroup *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->user_ids, g_strfreev);
  g_clear_pointer (&self->workspace_id, g_free);

  G_OBJECT_CLASS (clockify_user_group_parent_class)->finalize (object);
}

static void
clockify_user_group_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClockifyUserGroup *self = CLOCKIFY_USER_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_USER_IDS:
      g_value_set_boxed (value, self->user_ids);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_user_group_class_init (ClockifyUserGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_user_group_finalize;
  object_class->get_property = clockify_user_group_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_USER_IDS] = g_param_spec_boxed ("user-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_WORKSPACE_ID] = g_param_spec_string ("workspace-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_user_group_init (ClockifyUserGroup *self)
{
}

/**
 * clockify_user_group_new_from_json:
 * @node: a `UserGroupDtoV1` object
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the group, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyUserGroup *
clockify_user_group_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(ClockifyUserGroup) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "user group", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_USER_GROUP, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_strv (object, "userIds", &self->user_ids, error)
      || !clockify_json_get_id (object, "workspaceId", &self->workspace_id, error))
    {
      clockify_json_prefix_error (error, "user group", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_user_group_get_id (ClockifyUserGroup *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER_GROUP (self), NULL);

  return self->id;
}

const char *
clockify_user_group_get_name (ClockifyUserGroup *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER_GROUP (self), NULL);

  return self->name;
}

/**
 * clockify_user_group_get_user_ids:
 * @self: a user group
 *
 * Returns: (transfer none): the members' ids, possibly empty, never %NULL
 */
const char * const *
clockify_user_group_get_user_ids (ClockifyUserGroup *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER_GROUP (self), NULL);

  return (const char * const *)self->user_ids;
}

const char *
clockify_user_group_get_workspace_id (ClockifyUserGroup *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_USER_GROUP (self), NULL);

  return self->workspace_id;
}
