/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-client-entity"

#include "config.h"

#include "clockify-client-entity.h"

#include "clockify-json.h"

struct _ClockifyClientEntity
{
  GObject parent_instance;

  char *id;
  char *name;
  char *email;
  char *address;
  char *note;
  char *currency_code;
  char *workspace_id;
  gboolean archived;
};

G_DEFINE_FINAL_TYPE (ClockifyClientEntity, clockify_client_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_NOTE,
  PROP_ARCHIVED,
  PROP_CURRENCY_CODE,
  PROP_WORKSPACE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_client_entity_finalize (GObject *object)
{
  ClockifyClientEntity *self = (ClockifyClientEntity *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->currency_code, g_free);
  g_clear_pointer (&self->workspace_id, g_free);

  G_OBJECT_CLASS (clockify_client_entity_parent_class)->finalize (object);
}

static void
clockify_client_entity_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ClockifyClientEntity *self = CLOCKIFY_CLIENT_ENTITY (object);

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
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_CURRENCY_CODE:
      g_value_set_string (value, self->currency_code);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_client_entity_class_init (ClockifyClientEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_client_entity_finalize;
  object_class->get_property = clockify_client_entity_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_CURRENCY_CODE] = g_param_spec_string ("currency-code", NULL, NULL, NULL, flags);
  properties[PROP_WORKSPACE_ID] = g_param_spec_string ("workspace-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_client_entity_init (ClockifyClientEntity *self)
{
}

/**
 * clockify_client_entity_new_from_json:
 * @node: a client object (`GET /v1/workspaces/{ws}/clients`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the client, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyClientEntity *
clockify_client_entity_new_from_json (JsonNode  *node,
                                      GError   **error)
{
  g_autoptr(ClockifyClientEntity) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "client", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_CLIENT_ENTITY, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_string (object, "email", &self->email, error)
      || !clockify_json_get_string (object, "address", &self->address, error)
      || !clockify_json_get_string (object, "note", &self->note, error)
      || !clockify_json_get_boolean (object, "archived", &self->archived, error)
      || !clockify_json_get_string (object, "currencyCode", &self->currency_code, error)
      || !clockify_json_get_id (object, "workspaceId", &self->workspace_id, error))
    {
      clockify_json_prefix_error (error, "client", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_client_entity_get_id (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->id;
}

const char *
clockify_client_entity_get_name (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->name;
}

const char *
clockify_client_entity_get_email (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->email;
}

const char *
clockify_client_entity_get_address (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->address;
}

const char *
clockify_client_entity_get_note (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->note;
}

gboolean
clockify_client_entity_get_archived (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), FALSE);

  return self->archived;
}

/**
 * clockify_client_entity_get_currency_code:
 * @self: a client
 *
 * Returns: (nullable): the client's billing currency ("USD"), if set
 */
const char *
clockify_client_entity_get_currency_code (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->currency_code;
}

const char *
clockify_client_entity_get_workspace_id (ClockifyClientEntity *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT_ENTITY (self), NULL);

  return self->workspace_id;
}
