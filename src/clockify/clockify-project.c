/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-project"

#include "config.h"

#include "clockify-project.h"

#include "clockify-json.h"

struct _ClockifyProject
{
  GObject parent_instance;

  char *id;
  char *name;
  char *workspace_id;
  char *client_id;
  char *client_name;
  char *color;
  char *note;
  char *hourly_rate_currency;
  char *cost_rate_currency;
  char *estimate_type;
  gint64 hourly_rate;
  gint64 cost_rate;
  gint64 duration_seconds;
  gint64 estimate_seconds;
  gboolean billable;
  gboolean archived;
  gboolean is_public;
  gboolean is_template;
};

G_DEFINE_FINAL_TYPE (ClockifyProject, clockify_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_WORKSPACE_ID,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_COLOR,
  PROP_NOTE,
  PROP_BILLABLE,
  PROP_ARCHIVED,
  PROP_PUBLIC,
  PROP_TEMPLATE,
  PROP_HOURLY_RATE,
  PROP_HOURLY_RATE_CURRENCY,
  PROP_COST_RATE,
  PROP_COST_RATE_CURRENCY,
  PROP_DURATION_SECONDS,
  PROP_ESTIMATE_SECONDS,
  PROP_ESTIMATE_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_project_finalize (GObject *object)
{
  ClockifyProject *self = (ClockifyProject *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->workspace_id, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->hourly_rate_currency, g_free);
  g_clear_pointer (&self->cost_rate_currency, g_free);
  g_clear_pointer (&self->estimate_type, g_free);

  G_OBJECT_CLASS (clockify_project_parent_class)->finalize (object);
}

static void
clockify_project_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClockifyProject *self = CLOCKIFY_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_BILLABLE:
      g_value_set_boolean (value, self->billable);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_PUBLIC:
      g_value_set_boolean (value, self->is_public);
      break;
    case PROP_TEMPLATE:
      g_value_set_boolean (value, self->is_template);
      break;
    case PROP_HOURLY_RATE:
      g_value_set_int64 (value, self->hourly_rate);
      break;
    case PROP_HOURLY_RATE_CURRENCY:
      g_value_set_string (value, self->hourly_rate_currency);
      break;
    case PROP_COST_RATE:
      g_value_set_int64 (value, self->cost_rate);
      break;
    case PROP_COST_RATE_CURRENCY:
      g_value_set_string (value, self->cost_rate_currency);
      break;
    case PROP_DURATION_SECONDS:
      g_value_set_int64 (value, self->duration_seconds);
      break;
    case PROP_ESTIMATE_SECONDS:
      g_value_set_int64 (value, self->estimate_seconds);
      break;
    case PROP_ESTIMATE_TYPE:
      g_value_set_string (value, self->estimate_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_project_class_init (ClockifyProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_project_finalize;
  object_class->get_property = clockify_project_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_WORKSPACE_ID] = g_param_spec_string ("workspace-id", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_ID] = g_param_spec_string ("client-id", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_BILLABLE] = g_param_spec_boolean ("billable", NULL, NULL, FALSE, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_PUBLIC] = g_param_spec_boolean ("public", NULL, NULL, FALSE, flags);
  properties[PROP_TEMPLATE] = g_param_spec_boolean ("template", NULL, NULL, FALSE, flags);
  properties[PROP_HOURLY_RATE] =
    g_param_spec_int64 ("hourly-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_HOURLY_RATE_CURRENCY] =
    g_param_spec_string ("hourly-rate-currency", NULL, NULL, NULL, flags);
  properties[PROP_COST_RATE] =
    g_param_spec_int64 ("cost-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_COST_RATE_CURRENCY] =
    g_param_spec_string ("cost-rate-currency", NULL, NULL, NULL, flags);
  properties[PROP_DURATION_SECONDS] =
    g_param_spec_int64 ("duration-seconds", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ESTIMATE_SECONDS] =
    g_param_spec_int64 ("estimate-seconds", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ESTIMATE_TYPE] = g_param_spec_string ("estimate-type", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_project_init (ClockifyProject *self)
{
}

/**
 * clockify_project_new_from_json:
 * @node: a project object (`ProjectDtoImplV1`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyProject *
clockify_project_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(ClockifyProject) self = NULL;
  JsonObject *object;
  const char *public_path;
  const char *template_path;

  if (!(object = clockify_json_node_get_object (node, "project", error)))
    return NULL;

  /* `ProjectDtoImplV1` carries both `public` and `isPublic` (and the same for
   * templates); older answers have only one of them. */
  public_path = clockify_json_first_path (object, "public", "isPublic", NULL);
  template_path = clockify_json_first_path (object, "template", "isTemplate", NULL);

  self = g_object_new (CLOCKIFY_TYPE_PROJECT, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_id (object, "workspaceId", &self->workspace_id, error)
      || !clockify_json_get_id (object, "clientId", &self->client_id, error)
      || !clockify_json_get_string (object, "clientName", &self->client_name, error)
      || !clockify_json_get_string (object, "color", &self->color, error)
      || !clockify_json_get_string (object, "note", &self->note, error)
      || !clockify_json_get_boolean (object, "billable", &self->billable, error)
      || !clockify_json_get_boolean (object, "archived", &self->archived, error)
      || !clockify_json_get_boolean (object, public_path, &self->is_public, error)
      || !clockify_json_get_boolean (object, template_path, &self->is_template, error)
      || !clockify_json_get_rate (object, "hourlyRate",
                                  &self->hourly_rate, &self->hourly_rate_currency, error)
      || !clockify_json_get_rate (object, "costRate",
                                  &self->cost_rate, &self->cost_rate_currency, error)
      || !clockify_json_get_duration (object, "duration", &self->duration_seconds, error)
      || !clockify_json_get_duration (object, "estimate.estimate", &self->estimate_seconds, error)
      || !clockify_json_get_string (object, "estimate.type", &self->estimate_type, error))
    {
      clockify_json_prefix_error (error, "project", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_project_get_id (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->id;
}

const char *
clockify_project_get_name (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->name;
}

const char *
clockify_project_get_workspace_id (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->workspace_id;
}

/**
 * clockify_project_get_client_id:
 * @self: a project
 *
 * Returns: (nullable): the client's id, %NULL for a project without a client
 */
const char *
clockify_project_get_client_id (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->client_id;
}

const char *
clockify_project_get_client_name (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->client_name;
}

/**
 * clockify_project_get_color:
 * @self: a project
 *
 * Returns: (nullable): the project's colour as Clockify sends it ("#03A9F4")
 */
const char *
clockify_project_get_color (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->color;
}

const char *
clockify_project_get_note (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->note;
}

gboolean
clockify_project_get_billable (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), FALSE);

  return self->billable;
}

gboolean
clockify_project_get_archived (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), FALSE);

  return self->archived;
}

gboolean
clockify_project_get_public (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), FALSE);

  return self->is_public;
}

gboolean
clockify_project_get_template (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), FALSE);

  return self->is_template;
}

/**
 * clockify_project_get_hourly_rate:
 * @self: a project
 *
 * Returns: the project's hourly rate in minor units (cents), 0 if none
 */
gint64
clockify_project_get_hourly_rate (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), 0);

  return self->hourly_rate;
}

const char *
clockify_project_get_hourly_rate_currency (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->hourly_rate_currency;
}

/**
 * clockify_project_get_cost_rate:
 * @self: a project
 *
 * Returns: the project's cost rate in minor units (cents), 0 if none
 */
gint64
clockify_project_get_cost_rate (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), 0);

  return self->cost_rate;
}

const char *
clockify_project_get_cost_rate_currency (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->cost_rate_currency;
}

/**
 * clockify_project_get_duration_seconds:
 * @self: a project
 *
 * Returns: the time tracked on the project, in seconds
 */
gint64
clockify_project_get_duration_seconds (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), 0);

  return self->duration_seconds;
}

/**
 * clockify_project_get_estimate_seconds:
 * @self: a project
 *
 * Returns: the time estimate (`estimate.estimate`) in seconds, 0 if none
 */
gint64
clockify_project_get_estimate_seconds (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), 0);

  return self->estimate_seconds;
}

/**
 * clockify_project_get_estimate_type:
 * @self: a project
 *
 * Returns: (nullable): "AUTO" or "MANUAL" (`estimate.type`)
 */
const char *
clockify_project_get_estimate_type (ClockifyProject *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_PROJECT (self), NULL);

  return self->estimate_type;
}
