/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-custom-field"

#include "config.h"

#include "clockify-custom-field.h"

#include "clockify-json.h"

struct _ClockifyCustomField
{
  GObject parent_instance;

  char *id;
  char *name;
  char *field_type;
  char *status;
  char *entity_type;
  GStrv allowed_values;
  char *placeholder;
  char *description;
  char *workspace_id;
  gboolean required;
  gboolean only_admin_can_edit;
};

G_DEFINE_FINAL_TYPE (ClockifyCustomField, clockify_custom_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FIELD_TYPE,
  PROP_STATUS,
  PROP_ENTITY_TYPE,
  PROP_ALLOWED_VALUES,
  PROP_PLACEHOLDER,
  PROP_DESCRIPTION,
  PROP_REQUIRED,
  PROP_ONLY_ADMIN_CAN_EDIT,
  PROP_WORKSPACE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_custom_field_finalize (GObject *object)
{
  ClockifyCustomField *self = (ClockifyCustomField *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->field_type, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->entity_type, g_free);
  g_clear_pointer (&self->allowed_values, g_strfreev);
  g_clear_pointer (&self->placeholder, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->workspace_id, g_free);

  G_OBJECT_CLASS (clockify_custom_field_parent_class)->finalize (object);
}

static void
clockify_custom_field_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ClockifyCustomField *self = CLOCKIFY_CUSTOM_FIELD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FIELD_TYPE:
      g_value_set_string (value, self->field_type);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_string (value, self->entity_type);
      break;
    case PROP_ALLOWED_VALUES:
      g_value_set_boxed (value, self->allowed_values);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_ONLY_ADMIN_CAN_EDIT:
      g_value_set_boolean (value, self->only_admin_can_edit);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_custom_field_class_init (ClockifyCustomFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_custom_field_finalize;
  object_class->get_property = clockify_custom_field_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FIELD_TYPE] = g_param_spec_string ("field-type", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_TYPE] = g_param_spec_string ("entity-type", NULL, NULL, NULL, flags);
  properties[PROP_ALLOWED_VALUES] =
    g_param_spec_boxed ("allowed-values", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_PLACEHOLDER] = g_param_spec_string ("placeholder", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE, flags);
  properties[PROP_ONLY_ADMIN_CAN_EDIT] =
    g_param_spec_boolean ("only-admin-can-edit", NULL, NULL, FALSE, flags);
  properties[PROP_WORKSPACE_ID] = g_param_spec_string ("workspace-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_custom_field_init (ClockifyCustomField *self)
{
}

/**
 * clockify_custom_field_new_from_json:
 * @node: a `CustomFieldDtoV1` object (`GET /v1/workspaces/{ws}/custom-fields`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the custom field, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyCustomField *
clockify_custom_field_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(ClockifyCustomField) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "custom field", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_CUSTOM_FIELD, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_string (object, "type", &self->field_type, error)
      || !clockify_json_get_string (object, "status", &self->status, error)
      || !clockify_json_get_string (object, "entityType", &self->entity_type, error)
      || !clockify_json_get_strv (object, "allowedValues", &self->allowed_values, error)
      || !clockify_json_get_string (object, "placeholder", &self->placeholder, error)
      || !clockify_json_get_string (object, "description", &self->description, error)
      || !clockify_json_get_boolean (object, "required", &self->required, error)
      || !clockify_json_get_boolean (object, "onlyAdminCanEdit",
                                     &self->only_admin_can_edit, error)
      || !clockify_json_get_id (object, "workspaceId", &self->workspace_id, error))
    {
      clockify_json_prefix_error (error, "custom field", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_custom_field_get_id (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->id;
}

const char *
clockify_custom_field_get_name (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->name;
}

/**
 * clockify_custom_field_get_field_type:
 * @self: a custom field
 *
 * Returns: (nullable): the field's type as Clockify spells it ("TXT",
 *   "NUMBER", "DROPDOWN_SINGLE", "DROPDOWN_MULTIPLE", "CHECKBOX", "LINK", ...)
 */
const char *
clockify_custom_field_get_field_type (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->field_type;
}

/**
 * clockify_custom_field_get_status:
 * @self: a custom field
 *
 * Returns: (nullable): "VISIBLE", "INVISIBLE" or "INACTIVE", as sent
 */
const char *
clockify_custom_field_get_status (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->status;
}

/**
 * clockify_custom_field_get_entity_type:
 * @self: a custom field
 *
 * Returns: (nullable): what the field is attached to ("TIMEENTRY", "USER")
 */
const char *
clockify_custom_field_get_entity_type (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->entity_type;
}

/**
 * clockify_custom_field_get_allowed_values:
 * @self: a custom field
 *
 * Returns: (transfer none): the choices of a dropdown field, possibly empty,
 *   never %NULL
 */
const char * const *
clockify_custom_field_get_allowed_values (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return (const char * const *)self->allowed_values;
}

const char *
clockify_custom_field_get_placeholder (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->placeholder;
}

const char *
clockify_custom_field_get_description (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->description;
}

gboolean
clockify_custom_field_get_required (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), FALSE);

  return self->required;
}

gboolean
clockify_custom_field_get_only_admin_can_edit (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), FALSE);

  return self->only_admin_can_edit;
}

const char *
clockify_custom_field_get_workspace_id (ClockifyCustomField *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CUSTOM_FIELD (self), NULL);

  return self->workspace_id;
}

struct _ClockifyCustomFieldValue
{
  char *custom_field_id;
  char *name;
  char *field_type;
  JsonNode *value;
};

G_DEFINE_BOXED_TYPE (ClockifyCustomFieldValue, clockify_custom_field_value,
                     clockify_custom_field_value_copy, clockify_custom_field_value_free)

/* json_node_copy() shares objects and arrays with the response tree; a value
 * outlives that tree and may travel to another thread, so it gets its own. */
static JsonNode *
deep_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (copy, name, deep_copy (member));

      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, deep_copy (json_array_get_element (array, i)));

      return json_node_init_array (json_node_alloc (), copy);
    }

  return json_node_copy (node);
}

/**
 * clockify_custom_field_value_new_from_json:
 * @node: a `{customFieldId, name, type, value}` object
 * @error: return location for an error
 *
 * Parses an item of a time entry's `customFieldValues[]` (main API) or
 * `customFields[]` (Reports API). The value is kept as JSON, whatever its
 * type: a text, a number, a list of dropdown choices.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyCustomFieldValue *
clockify_custom_field_value_new_from_json (JsonNode  *node,
                                           GError   **error)
{
  g_autoptr(ClockifyCustomFieldValue) self = NULL;
  const char *id_path = "customFieldId";
  JsonObject *object;
  JsonNode *value = NULL;

  if (!(object = clockify_json_node_get_object (node, "custom field value", error)))
    return NULL;

  /* The Reports API does not document this shape; take `id` when that is
   * all there is. */
  if (!clockify_json_has_value (object, "customFieldId") && clockify_json_has_value (object, "id"))
    id_path = "id";

  self = g_new0 (ClockifyCustomFieldValue, 1);

  if (!clockify_json_require_id (object, id_path, &self->custom_field_id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_string (object, "type", &self->field_type, error)
      || !clockify_json_get_node (object, "value", &value, error))
    {
      clockify_json_prefix_error (error, "custom field value", self->custom_field_id);
      return NULL;
    }

  self->value = value != NULL ? deep_copy (value) : json_node_new (JSON_NODE_NULL);

  return g_steal_pointer (&self);
}

/**
 * clockify_custom_field_value_copy:
 * @self: a value
 *
 * Returns: (transfer full): a copy of @self
 */
ClockifyCustomFieldValue *
clockify_custom_field_value_copy (const ClockifyCustomFieldValue *self)
{
  ClockifyCustomFieldValue *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (ClockifyCustomFieldValue, 1);
  copy->custom_field_id = g_strdup (self->custom_field_id);
  copy->name = g_strdup (self->name);
  copy->field_type = g_strdup (self->field_type);
  copy->value = deep_copy (self->value);

  return copy;
}

void
clockify_custom_field_value_free (ClockifyCustomFieldValue *self)
{
  if (self == NULL)
    return;

  g_free (self->custom_field_id);
  g_free (self->name);
  g_free (self->field_type);
  g_clear_pointer (&self->value, json_node_unref);
  g_free (self);
}

const char *
clockify_custom_field_value_get_custom_field_id (const ClockifyCustomFieldValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->custom_field_id;
}

/**
 * clockify_custom_field_value_get_name:
 * @self: a value
 *
 * Returns: (nullable): the field's name, when the answer carried it
 */
const char *
clockify_custom_field_value_get_name (const ClockifyCustomFieldValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * clockify_custom_field_value_get_field_type:
 * @self: a value
 *
 * Returns: (nullable): the `type` sent with the value, as sent
 */
const char *
clockify_custom_field_value_get_field_type (const ClockifyCustomFieldValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->field_type;
}

/**
 * clockify_custom_field_value_get_value:
 * @self: a value
 *
 * Returns: (transfer none): the value as JSON; a null node when there is none
 */
JsonNode *
clockify_custom_field_value_get_value (const ClockifyCustomFieldValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->value;
}

/**
 * clockify_custom_field_value_dup_value_json:
 * @self: a value
 *
 * Returns: (transfer full): the value as JSON text (`"text"`, `12`,
 *   `["a","b"]`, `null`)
 */
char *
clockify_custom_field_value_dup_value_json (const ClockifyCustomFieldValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return json_to_string (self->value, FALSE);
}

/**
 * clockify_custom_field_value_dup_value_text:
 * @self: a value
 *
 * Returns: (transfer full) (nullable): the value for a text column: a string
 *   value as it is, %NULL for null, JSON text for anything else
 */
char *
clockify_custom_field_value_dup_value_text (const ClockifyCustomFieldValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (JSON_NODE_HOLDS_NULL (self->value))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (self->value)
      && json_node_get_value_type (self->value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (self->value));

  return json_to_string (self->value, FALSE);
}
