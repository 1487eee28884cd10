/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-task"

#include "config.h"

#include "clockify-task.h"

#include "clockify-json.h"

struct _ClockifyTask
{
  GObject parent_instance;

  char *id;
  char *name;
  char *project_id;
  char *status;
  GStrv assignee_ids;
  GStrv user_group_ids;
  char *hourly_rate_currency;
  char *cost_rate_currency;
  gint64 estimate_seconds;
  gint64 duration_seconds;
  gint64 hourly_rate;
  gint64 cost_rate;
  gboolean billable;
};

G_DEFINE_FINAL_TYPE (ClockifyTask, clockify_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROJECT_ID,
  PROP_STATUS,
  PROP_BILLABLE,
  PROP_ASSIGNEE_IDS,
  PROP_USER_GROUP_IDS,
  PROP_ESTIMATE_SECONDS,
  PROP_DURATION_SECONDS,
  PROP_HOURLY_RATE,
  PROP_HOURLY_RATE_CURRENCY,
  PROP_COST_RATE,
  PROP_COST_RATE_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_task_finalize (GObject *object)
{
  ClockifyTask *self = (ClockifyTask *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->assignee_ids, g_strfreev);
  g_clear_pointer (&self->user_group_ids, g_strfreev);
  g_clear_pointer (&self->hourly_rate_currency, g_free);
  g_clear_pointer (&self->cost_rate_currency, g_free);

  G_OBJECT_CLASS (clockify_task_parent_class)->finalize (object);
}

static void
clockify_task_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ClockifyTask *self = CLOCKIFY_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PROJECT_ID:
      g_value_set_string (value, self->project_id);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_BILLABLE:
      g_value_set_boolean (value, self->billable);
      break;
    case PROP_ASSIGNEE_IDS:
      g_value_set_boxed (value, self->assignee_ids);
      break;
    case PROP_USER_GROUP_IDS:
      g_value_set_boxed (value, self->user_group_ids);
      break;
    case PROP_ESTIMATE_SECONDS:
      g_value_set_int64 (value, self->estimate_seconds);
      break;
    case PROP_DURATION_SECONDS:
      g_value_set_int64 (value, self->duration_seconds);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_task_class_init (ClockifyTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_task_finalize;
  object_class->get_property = clockify_task_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT_ID] = g_param_spec_string ("project-id", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_BILLABLE] = g_param_spec_boolean ("billable", NULL, NULL, FALSE, flags);
  properties[PROP_ASSIGNEE_IDS] =
    g_param_spec_boxed ("assignee-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_USER_GROUP_IDS] =
    g_param_spec_boxed ("user-group-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ESTIMATE_SECONDS] =
    g_param_spec_int64 ("estimate-seconds", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DURATION_SECONDS] =
    g_param_spec_int64 ("duration-seconds", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HOURLY_RATE] =
    g_param_spec_int64 ("hourly-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_HOURLY_RATE_CURRENCY] =
    g_param_spec_string ("hourly-rate-currency", NULL, NULL, NULL, flags);
  properties[PROP_COST_RATE] =
    g_param_spec_int64 ("cost-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_COST_RATE_CURRENCY] =
    g_param_spec_string ("cost-rate-currency", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_task_init (ClockifyTask *self)
{
}

/* Tasks once had a single `assigneeId`; it is still sent next to
 * `assigneeIds`, and alone by older servers. */
static gboolean
parse_assignees (ClockifyTask  *self,
                 JsonObject    *object,
                 GError       **error)
{
  g_autofree char *legacy = NULL;

  if (!clockify_json_get_strv (object, "assigneeIds", &self->assignee_ids, error)
      || !clockify_json_get_id (object, "assigneeId", &legacy, error))
    return FALSE;

  if (self->assignee_ids[0] == NULL && legacy != NULL)
    {
      g_strfreev (self->assignee_ids);
      self->assignee_ids = g_strdupv ((char *[]) { legacy, NULL });
    }

  return TRUE;
}

/**
 * clockify_task_new_from_json:
 * @node: a `TaskDtoV1` object
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the task, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyTask *
clockify_task_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(ClockifyTask) self = NULL;
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, "task", error)))
    return NULL;

  self = g_object_new (CLOCKIFY_TYPE_TASK, NULL);

  if (!clockify_json_require_id (object, "id", &self->id, error)
      || !clockify_json_get_string (object, "name", &self->name, error)
      || !clockify_json_get_id (object, "projectId", &self->project_id, error)
      || !clockify_json_get_string (object, "status", &self->status, error)
      || !clockify_json_get_boolean (object, "billable", &self->billable, error)
      || !parse_assignees (self, object, error)
      || !clockify_json_get_strv (object, "userGroupIds", &self->user_group_ids, error)
      || !clockify_json_get_duration (object, "estimate", &self->estimate_seconds, error)
      || !clockify_json_get_duration (object, "duration", &self->duration_seconds, error)
      || !clockify_json_get_rate (object, "hourlyRate",
                                  &self->hourly_rate, &self->hourly_rate_currency, error)
      || !clockify_json_get_rate (object, "costRate",
                                  &self->cost_rate, &self->cost_rate_currency, error))
    {
      clockify_json_prefix_error (error, "task", self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
clockify_task_get_id (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return self->id;
}

const char *
clockify_task_get_name (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return self->name;
}

const char *
clockify_task_get_project_id (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return self->project_id;
}

/**
 * clockify_task_get_status:
 * @self: a task
 *
 * Returns: (nullable): "ACTIVE" or "DONE", as Clockify spells it
 */
const char *
clockify_task_get_status (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return self->status;
}

gboolean
clockify_task_get_billable (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), FALSE);

  return self->billable;
}

/**
 * clockify_task_get_assignee_ids:
 * @self: a task
 *
 * Returns: (transfer none): the assigned users' ids (from `assigneeIds`, or
 *   the legacy `assigneeId`), possibly empty, never %NULL
 */
const char * const *
clockify_task_get_assignee_ids (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return (const char * const *)self->assignee_ids;
}

/**
 * clockify_task_get_user_group_ids:
 * @self: a task
 *
 * Returns: (transfer none): the assigned user groups' ids, possibly empty,
 *   never %NULL
 */
const char * const *
clockify_task_get_user_group_ids (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return (const char * const *)self->user_group_ids;
}

/**
 * clockify_task_get_estimate_seconds:
 * @self: a task
 *
 * Returns: the time estimate in seconds, 0 if none
 */
gint64
clockify_task_get_estimate_seconds (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), 0);

  return self->estimate_seconds;
}

/**
 * clockify_task_get_duration_seconds:
 * @self: a task
 *
 * Returns: the time tracked on the task, in seconds
 */
gint64
clockify_task_get_duration_seconds (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), 0);

  return self->duration_seconds;
}

/**
 * clockify_task_get_hourly_rate:
 * @self: a task
 *
 * Returns: the task's hourly rate in minor units (cents), 0 if none
 */
gint64
clockify_task_get_hourly_rate (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), 0);

  return self->hourly_rate;
}

const char *
clockify_task_get_hourly_rate_currency (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return self->hourly_rate_currency;
}

/**
 * clockify_task_get_cost_rate:
 * @self: a task
 *
 * Returns: the task's cost rate in minor units (cents), 0 if none
 */
gint64
clockify_task_get_cost_rate (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), 0);

  return self->cost_rate;
}

const char *
clockify_task_get_cost_rate_currency (ClockifyTask *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TASK (self), NULL);

  return self->cost_rate_currency;
}
