/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-workspace"

#include "config.h"

#include "clockify-workspace.h"

#include "clockify-json.h"

struct _ClockifyWorkspace
{
  GObject parent_instance;

  char *id;
  char *name;
  char *plan;
  char *currency_code;
  char *subdomain;
  char *image_url;
  gint64 hourly_rate;
};

G_DEFINE_FINAL_TYPE (ClockifyWorkspace, clockify_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PLAN,
  PROP_FREE_PLAN,
  PROP_CURRENCY_CODE,
  PROP_HOURLY_RATE,
  PROP_SUBDOMAIN,
  PROP_IMAGE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_workspace_finalize (GObject *object)
{
  ClockifyWorkspace *self = (ClockifyWorkspace *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->plan, g_free);
  g_clear_pointer (&self->currency_code, g_free);
  g_clear_pointer (&self->subdomain, g_free);
  g_clear_pointer (&self->image_url, g_free);

  G_OBJECT_CLASS (clockify_workspace_parent_class)->finalize (object);
}

static void
clockify_workspace_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ClockifyWorkspace *self = CLOCKIFY_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;
    case PROP_FREE_PLAN:
      g_value_set_boolean (value, clockify_workspace_is_free_plan (self));
      break;
    case PROP_CURRENCY_CODE:
      g_value_set_string (value, self->currency_code);
      break;
    case PROP_HOURLY_RATE:
      g_value_set_int64 (value, self->hourly_rate);
      break;
    case PROP_SUBDOMAIN:
      g_value_set_string (value, self->subdomain);
      break;
    case PROP_IMAGE_URL:
      g_value_set_string (value, self->image_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_workspace_class_init (ClockifyWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_workspace_finalize;
  object_class->get_property = clockify_workspace_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PLAN] = g_param_spec_string ("plan", NULL, NULL, NULL, flags);
  properties[PROP_FREE_PLAN] = g_param_spec_boolean ("free-plan", NULL, NULL, FALSE, flags);
  properties[PROP_CURRENCY_CODE] = g_param_spec_string ("currency-code", NULL, NULL, NULL, flags);
  properties[PROP_HOURLY_RATE] =
    g_param_spec_int64 ("hourly-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SUBDOMAIN] = g_param_spec_string ("subdomain", NULL, NULL, NULL, flags);
  properties[PROP_IMAGE_URL] = g_param_spec_string ("image-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_workspace_init (ClockifyWorkspace *self)
{
}

/* `featureSubscriptionType` is a plain string on the live API
 * ("BUNDLE_YEAR_2024") but an object (`FeaturePlan`) in the current spec, so
 * the object form is read for its `addonSubscriptionPlan`, if any. */
static gboolean
parse_plan (ClockifyWorkspace  *self,
            JsonObject         *object,
            GError            **error)
{
  JsonObject *plan_object = NULL;
  JsonNode *node = NULL;

  if (!clockify_json_get_node (object, "featureSubscriptionType", &node, error))
    return FALSE;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *addon = NULL;

      plan_object = json_node_get_object (node);
      if (!clockify_json_get_node (plan_object, "addonSubscriptionPlan", &addon, NULL)
          || addon == NULL || !JSON_NODE_HOLDS_VALUE (addon)
          || json_node_get_value_type (addon) != G_TYPE_STRING)
        return TRUE;

      self->plan = g_strdup (json_node_get_string (addon));
      return TRUE;
    }

  return clockify_json_get_string (object, "featureSubscriptionType", &self->plan, error);
}

static gboolean
parse_currency (ClockifyWorkspace  *self,
                JsonObject         *object,
                GError            **error)
{
  g_autofree char *rate_currency = NULL;
  JsonArray *currencies = NULL;
  guint length;

  if (!clockify_json_get_array (object, "currencies", &currencies, error))
    return FALSE;

  length = currencies != NULL ? json_array_get_length (currencies) : 0;
  for (guint i = 0; i < length; i++)
    {
      JsonObject *currency;
      gboolean is_default = FALSE;

      if (!(currency = clockify_json_array_get_object (currencies, i, "currencies", error)))
        return FALSE;

      if (!clockify_json_get_boolean (currency, "isDefault", &is_default, error)
          || (is_default && self->currency_code == NULL
              && !clockify_json_get_string (currency, "code", &self->currency_code, error)))
        {
          g_prefix_error (error, "in “currencies[%u]”: ", i);
          return FALSE;
        }
    }

  if (!clockify_json_get_string (object, "hourlyRate.currency", &rate_currency, error))
    return FALSE;

  if (self->currency_code == NULL)
    self->currency_code = g_steal_pointer (&rate_currency);

  return TRUE;
}

static gboolean
parse_subdomain (ClockifyWorkspace  *self,
                 JsonObject         *object,
                 GError            **error)
{
  gboolean enabled = FALSE;

  if (!clockify_json_get_boolean (object, "subdomain.enabled", &enabled, error)
      || !clockify_json_get_string (object, "subdomain.name", &self->subdomain, error))
    return FALSE;

  if (!enabled || (self->subdomain != NULL && *self->subdomain == '\0'))
    g_clear_pointer (&self->subdomain, g_free);

  return TRUE;
}

/**
 * clockify_workspace_new_from_json:
 * @node: a `WorkspaceDtoV1` object (`GET /v1/workspaces`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the workspace, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyWorkspace *
clockify_workspace_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(ClockifyWorkspace) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "workspace", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_WORKSPACE, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !parse_plan (self, object, error)
      || !clockify_json_get_money (object, "hourlyRate.amount", &self->hourly_rate, error)
      || !parse_currency (self, object, error)
      || !parse_subdomain (self, object, error)
      || !clockify_json_get_string (object, "imageUrl", &self->image_url, error))
    {
      clockify_json_prefix_error (error, "workspace", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_workspace_get_id (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), NULL);

  return self->id;
}

const char *
clockify_workspace_get_name (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), NULL);

  return self->name;
}

/**
 * clockify_workspace_get_plan:
 * @self: a workspace
 *
 * Returns: (nullable): the subscription plan as Clockify names it ("FREE",
 *   "BUNDLE_YEAR_2024", ...): an opaque string
 */
const char *
clockify_workspace_get_plan (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), NULL);

  return self->plan;
}

/**
 * clockify_workspace_is_free_plan:
 * @self: a workspace
 *
 * Returns: whether the workspace is on the Free plan, whose API budget is
 *   30 requests per hour for the whole workspace
 */
gboolean
clockify_workspace_is_free_plan (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), FALSE);

  return g_strcmp0 (self->plan, "FREE") == 0;
}

/**
 * clockify_workspace_get_currency_code:
 * @self: a workspace
 *
 * Returns: (nullable): the default currency ("USD"): the one of
 *   `currencies[]` marked default, else the hourly rate's
 */
const char *
clockify_workspace_get_currency_code (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), NULL);

  return self->currency_code;
}

/**
 * clockify_workspace_get_hourly_rate:
 * @self: a workspace
 *
 * Returns: the default hourly rate in minor units (cents), 0 if none
 */
gint64
clockify_workspace_get_hourly_rate (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), 0);

  return self->hourly_rate;
}

/**
 * clockify_workspace_get_subdomain:
 * @self: a workspace
 *
 * Returns: (nullable): the dedicated subdomain's name ("acme" for
 *   acme.clockify.me) when one is enabled
 */
const char *
clockify_workspace_get_subdomain (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), NULL);

  return self->subdomain;
}

const char *
clockify_workspace_get_image_url (ClockifyWorkspace *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (self), NULL);

  return self->image_url;
}
