/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-time-entry"

#include "config.h"

#include "clockify-time-entry.h"

#include "clockify-error.h"
#include "clockify-json.h"

struct _ClockifyTimeEntry
{
  GObject parent_instance;

  char *id;
  char *description;
  char *workspace_id;
  char *user_id;
  char *project_id;
  char *task_id;
  GStrv tag_ids;
  char *entry_type;
  GDateTime *start;
  GDateTime *end;
  char *hourly_rate_currency;
  char *cost_rate_currency;
  GPtrArray *custom_field_values;

  char *user_name;
  char *user_email;
  char *project_name;
  char *project_color;
  char *client_id;
  char *client_name;
  char *task_name;
  GStrv tag_names;

  gint64 duration_seconds;
  gint64 hourly_rate;
  gint64 cost_rate;
  gboolean billable;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (ClockifyTimeEntry, clockify_time_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DESCRIPTION,
  PROP_WORKSPACE_ID,
  PROP_USER_ID,
  PROP_PROJECT_ID,
  PROP_TASK_ID,
  PROP_TAG_IDS,
  PROP_BILLABLE,
  PROP_LOCKED,
  PROP_ENTRY_TYPE,
  PROP_START,
  PROP_END,
  PROP_RUNNING,
  PROP_DURATION_SECONDS,
  PROP_HOURLY_RATE,
  PROP_HOURLY_RATE_CURRENCY,
  PROP_COST_RATE,
  PROP_COST_RATE_CURRENCY,
  PROP_CUSTOM_FIELD_VALUES,
  PROP_USER_NAME,
  PROP_USER_EMAIL,
  PROP_PROJECT_NAME,
  PROP_PROJECT_COLOR,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_TASK_NAME,
  PROP_TAG_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clockify_time_entry_finalize (GObject *object)
{
  ClockifyTimeEntry *self = (ClockifyTimeEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->workspace_id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->tag_ids, g_strfreev);
  g_clear_pointer (&self->entry_type, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->hourly_rate_currency, g_free);
  g_clear_pointer (&self->cost_rate_currency, g_free);
  g_clear_pointer (&self->custom_field_values, g_ptr_array_unref);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->user_email, g_free);
  g_clear_pointer (&self->project_name, g_free);
  g_clear_pointer (&self->project_color, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->task_name, g_free);
  g_clear_pointer (&self->tag_names, g_strfreev);

  G_OBJECT_CLASS (clockify_time_entry_parent_class)->finalize (object);
}

static void
clockify_time_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ClockifyTimeEntry *self = CLOCKIFY_TIME_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;
    case PROP_PROJECT_ID:
      g_value_set_string (value, self->project_id);
      break;
    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;
    case PROP_TAG_IDS:
      g_value_set_boxed (value, self->tag_ids);
      break;
    case PROP_BILLABLE:
      g_value_set_boolean (value, self->billable);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_ENTRY_TYPE:
      g_value_set_string (value, self->entry_type);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->end == NULL);
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
    case PROP_CUSTOM_FIELD_VALUES:
      g_value_set_boxed (value, self->custom_field_values);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_USER_EMAIL:
      g_value_set_string (value, self->user_email);
      break;
    case PROP_PROJECT_NAME:
      g_value_set_string (value, self->project_name);
      break;
    case PROP_PROJECT_COLOR:
      g_value_set_string (value, self->project_color);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_TASK_NAME:
      g_value_set_string (value, self->task_name);
      break;
    case PROP_TAG_NAMES:
      g_value_set_boxed (value, self->tag_names);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_time_entry_class_init (ClockifyTimeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = clockify_time_entry_finalize;
  object_class->get_property = clockify_time_entry_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_WORKSPACE_ID] = g_param_spec_string ("workspace-id", NULL, NULL, NULL, flags);
  properties[PROP_USER_ID] = g_param_spec_string ("user-id", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT_ID] = g_param_spec_string ("project-id", NULL, NULL, NULL, flags);
  properties[PROP_TASK_ID] = g_param_spec_string ("task-id", NULL, NULL, NULL, flags);
  properties[PROP_TAG_IDS] = g_param_spec_boxed ("tag-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_BILLABLE] = g_param_spec_boolean ("billable", NULL, NULL, FALSE, flags);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties[PROP_ENTRY_TYPE] = g_param_spec_string ("entry-type", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_END] = g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties[PROP_DURATION_SECONDS] =
    g_param_spec_int64 ("duration-seconds", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_HOURLY_RATE] =
    g_param_spec_int64 ("hourly-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_HOURLY_RATE_CURRENCY] =
    g_param_spec_string ("hourly-rate-currency", NULL, NULL, NULL, flags);
  properties[PROP_COST_RATE] =
    g_param_spec_int64 ("cost-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_COST_RATE_CURRENCY] =
    g_param_spec_string ("cost-rate-currency", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOM_FIELD_VALUES] =
    g_param_spec_boxed ("custom-field-values", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties[PROP_USER_EMAIL] = g_param_spec_string ("user-email", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT_NAME] = g_param_spec_string ("project-name", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT_COLOR] =
    g_param_spec_string ("project-color", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_ID] = g_param_spec_string ("client-id", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  properties[PROP_TASK_NAME] = g_param_spec_string ("task-name", NULL, NULL, NULL, flags);
  properties[PROP_TAG_NAMES] = g_param_spec_boxed ("tag-names", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_time_entry_init (ClockifyTimeEntry *self)
{
  self->duration_seconds = -1;
  self->custom_field_values =
    g_ptr_array_new_with_free_func ((GDestroyNotify) clockify_custom_field_value_free);
}

static gboolean
parse_interval (ClockifyTimeEntry  *self,
                JsonObject         *object,
                GError            **error)
{
  gint64 duration = -1;

  if (!clockify_json_require_timestamp (object, "timeInterval.start", &self->start, error)
      || !clockify_json_get_timestamp (object, "timeInterval.end", &self->end, error)
      || !clockify_json_get_duration (object, "timeInterval.duration", &duration, error))
    return FALSE;

  /* A running entry has no end, and its duration (when sent at all) is not
   * final; -1 says "running" to every consumer. */
  if (self->end == NULL)
    {
      self->duration_seconds = -1;
      return TRUE;
    }

  if (duration < 0)
    duration = g_date_time_difference (self->end, self->start) / G_TIME_SPAN_SECOND;

  if (duration < 0)
    {
      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                           "“timeInterval.end” is before “timeInterval.start”");
      return FALSE;
    }

  self->duration_seconds = duration;
  return TRUE;
}

/* The main API sends `tagIds[]`, hydrated entries and reports add (or only
 * send) `tags[{id, name}]`; names are known only from the latter. */
static gboolean
parse_tags (ClockifyTimeEntry  *self,
            JsonObject         *object,
            GError            **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonArray *tags = NULL;
  guint length;

  if (!clockify_json_get_strv (object, "tagIds", &self->tag_ids, error)
      || !clockify_json_get_array (object, "tags", &tags, error))
    return FALSE;

  if (tags == NULL)
    return TRUE;

  length = json_array_get_length (tags);
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      JsonObject *tag;

      if (!(tag = clockify_json_array_get_object (tags, i, "tags", error)))
        return FALSE;

      if (!clockify_json_get_id (tag, "id", &id, error)
          || !clockify_json_get_string (tag, "name", &name, error))
        {
          g_prefix_error (error, "in “tags[%u]”: ", i);
          return FALSE;
        }

      if (id != NULL)
        g_strv_builder_add (ids, id);
      g_strv_builder_add (names, name != NULL ? name : "");
    }

  self->tag_names = g_strv_builder_end (names);

  if (!clockify_json_has_value (object, "tagIds"))
    {
      g_strfreev (self->tag_ids);
      self->tag_ids = g_strv_builder_end (ids);
    }

  return TRUE;
}

static gboolean
parse_custom_fields (ClockifyTimeEntry  *self,
                     JsonObject         *object,
                     const char         *path,
                     GError            **error)
{
  JsonArray *values = NULL;
  guint length;

  if (!clockify_json_get_array (object, path, &values, error))
    return FALSE;

  length = values != NULL ? json_array_get_length (values) : 0;
  for (guint i = 0; i < length; i++)
    {
      ClockifyCustomFieldValue *value;

      value = clockify_custom_field_value_new_from_json (json_array_get_element (values, i),
                                                         error);
      if (value == NULL)
        {
          g_prefix_error (error, "in “%s[%u]”: ", path, i);
          return FALSE;
        }

      g_ptr_array_add (self->custom_field_values, value);
    }

  return TRUE;
}

static gboolean
parse_rates (ClockifyTimeEntry  *self,
             JsonObject         *object,
             GError            **error)
{
  g_autofree char *currency = NULL;

  /* The Reports API sends bare amounts (`rate`, `earnedRate`, `costRate`)
   * and one `currency` for all of them. */
  if (!clockify_json_get_rate (object,
                               clockify_json_first_path (object, "hourlyRate", "rate",
                                                         "earnedRate", NULL),
                               &self->hourly_rate, &self->hourly_rate_currency, error)
      || !clockify_json_get_rate (object, "costRate",
                                  &self->cost_rate, &self->cost_rate_currency, error)
      || !clockify_json_get_string (object, "currency", &currency, error))
    return FALSE;

  if (self->hourly_rate_currency == NULL)
    self->hourly_rate_currency = g_strdup (currency);
  if (self->cost_rate_currency == NULL)
    self->cost_rate_currency = g_strdup (currency);

  return TRUE;
}

/* What an entry refers to by name: flat in reports (`userName`), nested in
 * hydrated main-API entries (`user.name`). */
static gboolean
parse_names (ClockifyTimeEntry  *self,
             JsonObject         *object,
             GError            **error)
{
  const struct {
    const char *flat;
    const char *nested;
    char **out_value;
  } names[] = {
    { "userName", "user.name", &self->user_name },
    { "userEmail", "user.email", &self->user_email },
    { "projectName", "project.name", &self->project_name },
    { "projectColor", "project.color", &self->project_color },
    { "clientId", "project.clientId", &self->client_id },
    { "clientName", "project.clientName", &self->client_name },
    { "taskName", "task.name", &self->task_name },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!clockify_json_get_string (object,
                                   clockify_json_first_path (object, names[i].flat,
                                                             names[i].nested, NULL),
                                   names[i].out_value, error))
      return FALSE;

  return TRUE;
}

static ClockifyTimeEntry *
parse_entry (JsonNode    *node,
             gboolean     report,
             GError     **error)
{
  g_autoptr(ClockifyTimeEntry) self = NULL;
  const char *what = report ? "report entry" : "time entry";
  const char *id_path = report ? "_id" : "id";
  const char *other_id_path = report ? "id" : "_id";
  JsonObject *object;

  if (!(object = clockify_json_node_get_object (node, what, error)))
    return NULL;

  /* Reports say `_id` (the spec's `get_id` is a code-generation slip);
   * either spelling is accepted from either API. */
  if (!clockify_json_has_value (object, id_path) && clockify_json_has_value (object, other_id_path))
    id_path = other_id_path;

  self = g_object_new (CLOCKIFY_TYPE_TIME_ENTRY, NULL);

  if (!clockify_json_require_id (object, id_path, &self->id, error)
      || !clockify_json_get_string (object, "description", &self->description, error)
      || !clockify_json_get_id (object, "workspaceId", &self->workspace_id, error)
      || !clockify_json_get_id (object, "userId", &self->user_id, error)
      || !clockify_json_get_id (object, "projectId", &self->project_id, error)
      || !clockify_json_get_id (object, "taskId", &self->task_id, error)
      || !parse_tags (self, object, error)
      || !clockify_json_get_boolean (object, "billable", &self->billable, error)
      || !clockify_json_get_boolean (object,
                                     clockify_json_first_path (object, "isLocked", "locked", NULL),
                                     &self->locked, error)
      || !clockify_json_get_string (object, "type", &self->entry_type, error)
      || !parse_interval (self, object, error)
      || !parse_rates (self, object, error)
      || !parse_custom_fields (self, object, "customFieldValues", error)
      || !parse_custom_fields (self, object, "customFields", error)
      || !parse_names (self, object, error))
    {
      clockify_json_prefix_error (error, what, self->id);
      return NULL;
    }

  if (self->client_id != NULL && *self->client_id == '\0')
    g_clear_pointer (&self->client_id, g_free);

  return g_steal_pointer (&self);
}

/**
 * clockify_time_entry_new_from_json:
 * @node: a `TimeEntryWithRatesDtoV1` object, plain or hydrated
 *   (`GET /v1/workspaces/{ws}/user/{uid}/time-entries`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyTimeEntry *
clockify_time_entry_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  return parse_entry (node, FALSE, error);
}

/**
 * clockify_time_entry_new_from_report_json:
 * @node: an item of a detailed report's `timeentries[]`
 * @error: return location for an error
 *
 * Parses a Reports API entry: `_id`, durations in seconds, money as bare
 * amounts in minor units with one `currency`, and the names of the user,
 * project, client, task and tags.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
ClockifyTimeEntry *
clockify_time_entry_new_from_report_json (JsonNode  *node,
                                          GError   **error)
{
  return parse_entry (node, TRUE, error);
}

const char *
clockify_time_entry_get_id (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->id;
}

const char *
clockify_time_entry_get_description (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->description;
}

const char *
clockify_time_entry_get_workspace_id (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->workspace_id;
}

const char *
clockify_time_entry_get_user_id (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->user_id;
}

const char *
clockify_time_entry_get_project_id (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->project_id;
}

const char *
clockify_time_entry_get_task_id (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->task_id;
}

/**
 * clockify_time_entry_get_tag_ids:
 * @self: a time entry
 *
 * Returns: (transfer none): the tags' ids, possibly empty, never %NULL
 */
const char * const *
clockify_time_entry_get_tag_ids (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return (const char * const *)self->tag_ids;
}

gboolean
clockify_time_entry_get_billable (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), FALSE);

  return self->billable;
}

gboolean
clockify_time_entry_get_locked (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), FALSE);

  return self->locked;
}

/**
 * clockify_time_entry_get_entry_type:
 * @self: a time entry
 *
 * Returns: (nullable): "REGULAR", "BREAK", "HOLIDAY" or "TIME_OFF", as sent
 */
const char *
clockify_time_entry_get_entry_type (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->entry_type;
}

/**
 * clockify_time_entry_get_start:
 * @self: a time entry
 *
 * Returns: (transfer none): when the entry started, in UTC
 */
GDateTime *
clockify_time_entry_get_start (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->start;
}

/**
 * clockify_time_entry_get_end:
 * @self: a time entry
 *
 * Returns: (transfer none) (nullable): when the entry ended, in UTC; %NULL
 *   while it is running
 */
GDateTime *
clockify_time_entry_get_end (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->end;
}

gboolean
clockify_time_entry_is_running (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), FALSE);

  return self->end == NULL;
}

/**
 * clockify_time_entry_get_duration_seconds:
 * @self: a time entry
 *
 * Returns: the duration in seconds as Clockify reports it (or end minus
 *   start when it does not), -1 while the entry is running
 */
gint64
clockify_time_entry_get_duration_seconds (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), -1);

  return self->duration_seconds;
}

/**
 * clockify_time_entry_get_hourly_rate:
 * @self: a time entry
 *
 * Returns: the billable hourly rate in minor units (cents), 0 if none
 */
gint64
clockify_time_entry_get_hourly_rate (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), 0);

  return self->hourly_rate;
}

const char *
clockify_time_entry_get_hourly_rate_currency (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->hourly_rate_currency;
}

/**
 * clockify_time_entry_get_cost_rate:
 * @self: a time entry
 *
 * Returns: the cost rate in minor units (cents), 0 if none
 */
gint64
clockify_time_entry_get_cost_rate (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), 0);

  return self->cost_rate;
}

const char *
clockify_time_entry_get_cost_rate_currency (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->cost_rate_currency;
}

/**
 * clockify_time_entry_get_custom_field_values:
 * @self: a time entry
 *
 * Returns: (transfer none) (element-type ClockifyCustomFieldValue): the
 *   custom field values, possibly empty
 */
GPtrArray *
clockify_time_entry_get_custom_field_values (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->custom_field_values;
}

/**
 * clockify_time_entry_get_user_name:
 * @self: a time entry
 *
 * The names below come with report entries and hydrated entries only.
 *
 * Returns: (nullable): the user's name
 */
const char *
clockify_time_entry_get_user_name (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->user_name;
}

const char *
clockify_time_entry_get_user_email (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->user_email;
}

const char *
clockify_time_entry_get_project_name (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->project_name;
}

const char *
clockify_time_entry_get_project_color (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->project_color;
}

const char *
clockify_time_entry_get_client_id (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->client_id;
}

const char *
clockify_time_entry_get_client_name (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->client_name;
}

const char *
clockify_time_entry_get_task_name (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return self->task_name;
}

/**
 * clockify_time_entry_get_tag_names:
 * @self: a time entry
 *
 * Returns: (transfer none) (nullable): the tags' names, in the order of
 *   `tags[]`; %NULL when the answer did not carry them
 */
const char * const *
clockify_time_entry_get_tag_names (ClockifyTimeEntry *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_TIME_ENTRY (self), NULL);

  return (const char * const *)self->tag_names;
}
