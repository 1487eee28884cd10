/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-tag"

#include "config.h"

#include "clockify-tag.h"

#include "clockify-json.h"

struct _ClockifyTag
{
  GObject parent_instance;

  char *id;
  char *name;
  char *workspace_id;
  gboolean archived;
};

G_DEFINE_FINAL_TYPE (ClockifyTag, clockify_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ARCHIVED,
  PROP_WORKSPACE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_tag_finalize (GObject *object)
{
  ClockifyTag *self = (ClockifyTag *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->workspace_id, g_free);

  G_OBJECT_CLASS (clockify_tag_parent_class)->finalize (object);
}

static void
clockify_tag_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ClockifyTag *self = CLOCKIFY_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_tag_class_init (ClockifyTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_tag_finalize;
  object_class->get_property = clockify_tag_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_WORKSPACE_ID] = g_param_spec_string ("workspace-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_tag_init (ClockifyTag *self)
{
}

/**
 * clockify_tag_new_from_json:
 * @node: a `TagDtoV1` object
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the tag, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyTag *
clockify_tag_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(ClockifyTag) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "tag", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_TAG, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_boolean (object, "archived", &self->archived, error)
      || !clockify_json_get_id (object, "workspaceId", &self->workspace_id, error))
    {
      clockify_json_prefix_error (error, "tag", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_tag_get_id (ClockifyTag *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TAG (self), NULL);

  return self->id;
}

const char *
clockify_tag_get_name (ClockifyTag *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TAG (self), NULL);

  return self->name;
}

gboolean
clockify_tag_get_archived (ClockifyTag *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TAG (self), FALSE);

  return self->archived;
}

const char *
clockify_tag_get_workspace_id (ClockifyTag *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TAG (self), NULL);

  return self->workspace_id;
}
