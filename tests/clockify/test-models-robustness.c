/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-models-robustness"

#include "config.h"

#include "models-test-common.h"

#include <stdlib.h>
#include <string.h>

#include "clockify-client-entity.h"
#include "clockify-custom-field.h"
#include "clockify-error.h"
#include "clockify-project.h"
#include "clockify-tag.h"
#include "clockify-task.h"
#include "clockify-time-entry.h"
#include "clockify-user-group.h"
#include "clockify-user.h"
#include "clockify-workspace.h"

/* Every parser, with its main sample and the least it accepts. */
static const struct {
  const char *what;
  ParseFunc parse;
  const char *sample;
  const char *minimal;
} models[] = {
  { "user", PARSE_FUNC (clockify_user_new_from_json), user_json, "{\"id\": \"x\"}" },
  { "workspace", PARSE_FUNC (clockify_workspace_new_from_json), workspace_json, "{\"id\": \"x\"}" },
  { "client", PARSE_FUNC (clockify_client_entity_new_from_json), client_json, "{\"id\": \"x\"}" },
  { "project", PARSE_FUNC (clockify_project_new_from_json), project_json, "{\"id\": \"x\"}" },
  { "task", PARSE_FUNC (clockify_task_new_from_json), task_json, "{\"id\": \"x\"}" },
  { "tag", PARSE_FUNC (clockify_tag_new_from_json), tag_json, "{\"id\": \"x\"}" },
  { "user group", PARSE_FUNC (clockify_user_group_new_from_json), user_group_json,
    "{\"id\": \"x\"}" },
  { "custom field", PARSE_FUNC (clockify_custom_field_new_from_json), custom_field_json,
    "{\"id\": \"x\"}" },
  { "custom field value", PARSE_FUNC (clockify_custom_field_value_new_from_json),
    "{\"customFieldId\": \"cf\", \"value\": 3}", "{\"customFieldId\": \"x\"}" },
  { "time entry", PARSE_FUNC (clockify_time_entry_new_from_json), entry_json,
    "{\"id\": \"x\", \"timeInterval\": {\"start\": \"2024-03-01T08:00:00Z\"}}" },
  { "report entry", PARSE_FUNC (clockify_time_entry_new_from_report_json), report_entry_json,
    "{\"_id\": \"x\", \"timeInterval\": {\"start\": \"2024-03-01T08:00:00Z\"}}" },
};

/* Replaces (or with a NULL @value removes) what @path leads to; segments are
 * member names, optionally indexed: "customFieldValues[0].name". */
static void
replace_at (JsonNode   *root,
            const char *path,
            JsonNode   *value)
{
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonObject *object = json_node_get_object (root);
  guint n_segments = g_strv_length (segments);

  for (guint i = 0; i < n_segments; i++)
    {
      char *bracket = strchr (segments[i], '[');
      int index = -1;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }

      if (i + 1 < n_segments)
        {
          JsonNode *child = json_object_get_member (object, segments[i]);

          if (index >= 0)
            child = json_array_get_element (json_node_get_array (child), index);
          object = json_node_get_object (child);
        }
      else if (index < 0 && value != NULL)
        {
          json_object_set_member (object, segments[i], value);
        }
      else if (index < 0)
        {
          json_object_remove_member (object, segments[i]);
        }
      else
        {
          JsonArray *old = json_object_get_array_member (object, segments[i]);
          JsonArray *new = json_array_new ();

          for (guint j = 0; j < json_array_get_length (old); j++)
            if ((int) j != index)
              json_array_add_element (new, json_node_copy (json_array_get_element (old, j)));
            else if (value != NULL)
              json_array_add_element (new, value);
          json_object_set_array_member (object, segments[i], new);
        }
    }
}

static gpointer
parse_modified (ParseFunc    parse,
                const char  *sample,
                const char  *path,
                const char  *value_json,
                GError     **error)
{
  g_autoptr(JsonNode) root = parse_json (sample);

  replace_at (root, path, value_json != NULL ? parse_json (value_json) : NULL);
  return parse (root, error);
}

/* Reads every property, as a bound list view would. */
static void
read_all_properties (gpointer object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}

static void
test_minimal_and_required (void)
{
  static const char * const not_objects[] = { "[]", "null", "5", "\"id\"" };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autoptr(JsonNode) minimal = parse_json (models[i].minimal);
      g_autoptr(JsonNode) empty = parse_json ("{}");
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) empty_error = NULL;
      gpointer result;

      g_test_message ("%s", models[i].what);

      result = models[i].parse (minimal, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result);
      if (gives_object (models[i].parse))
        read_all_properties (result);
      free_result (models[i].parse, result);

      g_assert_null (models[i].parse (empty, &empty_error));
      g_assert_error (empty_error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
      g_assert_true (g_str_has_prefix (empty_error->message, models[i].what));
      g_assert_nonnull (strstr (empty_error->message, "” is missing"));

      for (guint j = 0; j < G_N_ELEMENTS (not_objects); j++)
        {
          g_autoptr(JsonNode) node = parse_json (not_objects[j]);
          g_autoptr(GError) node_error = NULL;
          g_autofree char *expected = g_strdup_printf ("%s: not a JSON object", models[i].what);

          g_assert_null (models[i].parse (node, &node_error));
          g_assert_error (node_error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
          g_assert_true (g_str_has_prefix (node_error->message, expected));
        }
    }
}

static void
test_time_entry_defaults (void)
{
  g_autoptr(ClockifyTimeEntry) entry =
    parse_sample (PARSE_FUNC (clockify_time_entry_new_from_json),
                  "{\"id\": \"x\", \"timeInterval\": {\"start\": \"2024-03-01T08:00:00Z\"}}");

  g_assert_null (clockify_time_entry_get_description (entry));
  g_assert_null (clockify_time_entry_get_user_id (entry));
  g_assert_null (clockify_time_entry_get_workspace_id (entry));
  assert_strv (clockify_time_entry_get_tag_ids (entry), "");
  g_assert_null (clockify_time_entry_get_tag_names (entry));
  g_assert_false (clockify_time_entry_get_billable (entry));
  g_assert_true (clockify_time_entry_is_running (entry));
  g_assert_cmpint (clockify_time_entry_get_duration_seconds (entry), ==, -1);
  g_assert_cmpint (clockify_time_entry_get_hourly_rate (entry), ==, 0);
  g_assert_null (clockify_time_entry_get_hourly_rate_currency (entry));
  g_assert_cmpuint (clockify_time_entry_get_custom_field_values (entry)->len, ==, 0);
}

/* Every optional member of every sample may be null. */
static void
test_null_members (void)
{
  static const char * const required[] = { "id", "_id", "customFieldId", "timeInterval", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autoptr(JsonNode) root = parse_json (models[i].sample);
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (root));

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autoptr(GError) error = NULL;
          gpointer result;

          if (g_strv_contains (required, l->data))
            continue;

          g_test_message ("%s: %s = null", models[i].what, (const char *) l->data);
          result = parse_modified (models[i].parse, models[i].sample, l->data, "null", &error);
          g_assert_no_error (error);
          g_assert_nonnull (result);
          free_result (models[i].parse, result);
        }
    }
}

static void
test_time_entry_wrong_types (void)
{
  static const struct {
    gboolean report;
    const char *sample;
    const char *path;
    const char *value;
    const char *needle;
  } cases[] = {
    { FALSE, entry_json, "id", "12", "“id” is not a string (found an integer)" },
    { FALSE, entry_json, "id", "\"\"", "“id” is empty" },
    { FALSE, entry_json, "id", NULL, "“id” is missing" },
    { FALSE, entry_json, "id", "null", "“id” is missing" },
    { FALSE, entry_json, "description", "5", "“description” is not a string" },
    { FALSE, entry_json, "userId", "true", "“userId” is not a string" },
    { FALSE, entry_json, "workspaceId", "{}", "“workspaceId” is not a string" },
    { FALSE, entry_json, "projectId", "[]", "“projectId” is not a string" },
    { FALSE, entry_json, "taskId", "1.5", "“taskId” is not a string" },
    { FALSE, entry_json, "tagIds", "\"a\"", "“tagIds” is not an array" },
    { FALSE, entry_json, "tagIds", "[\"a\", 1]", "“tagIds[1]” is not a string" },
    { FALSE, entry_json, "billable", "\"yes\"", "“billable” is not a boolean" },
    { FALSE, entry_json, "isLocked", "1", "“isLocked” is not a boolean" },
    { FALSE, entry_json, "type", "false", "“type” is not a string" },
    { FALSE, entry_json, "timeInterval", "\"x\"", "“timeInterval” is not an object" },
    { FALSE, entry_json, "timeInterval", "null", "“timeInterval.start” is missing" },
    { FALSE, entry_json, "timeInterval", NULL, "“timeInterval.start” is missing" },
    { FALSE, entry_json, "timeInterval.start", "\"yesterday\"",
      "“timeInterval.start” is not a timestamp (found a string)" },
    { FALSE, entry_json, "timeInterval.start", "12", "“timeInterval.start” is not a timestamp" },
    { FALSE, entry_json, "timeInterval.start", NULL, "“timeInterval.start” is missing" },
    { FALSE, entry_json, "timeInterval.end", "\"2024-13-01T00:00:00Z\"",
      "“timeInterval.end” is not a timestamp" },
    { FALSE, entry_json, "timeInterval.end", "[]", "“timeInterval.end” is not a timestamp" },
    { FALSE, entry_json, "timeInterval.duration", "\"8000\"",
      "“timeInterval.duration” is not an ISO-8601 duration" },
    { FALSE, entry_json, "timeInterval.duration", "true", "“timeInterval.duration” is not a duration" },
    { FALSE, entry_json, "timeInterval.duration", "-1",
      "“timeInterval.duration” is not a number of seconds" },
    { FALSE, entry_json, "hourlyRate", "\"x\"", "“hourlyRate” is not an amount" },
    { FALSE, entry_json, "hourlyRate.amount", "\"100\"", "“hourlyRate.amount” is not an amount" },
    { FALSE, entry_json, "hourlyRate.amount", "1e300", "“hourlyRate.amount” is not an amount" },
    { FALSE, entry_json, "hourlyRate.currency", "5", "“hourlyRate.currency” is not a string" },
    { FALSE, entry_json, "costRate", "[]", "“costRate” is not an amount" },
    { FALSE, entry_json, "costRate.amount", "{}", "“costRate.amount” is not an amount" },
    { FALSE, entry_json, "costRate.currency", "true", "“costRate.currency” is not a string" },
    { FALSE, entry_json, "currency", "5", "“currency” is not a string" },
    { FALSE, entry_json, "customFieldValues", "{}", "“customFieldValues” is not an array" },
    { FALSE, entry_json, "customFieldValues[0]", "\"x\"",
      "in “customFieldValues[0]”: custom field value: not a JSON object (found a string)" },
    { FALSE, entry_json, "customFieldValues[0].customFieldId", "5",
      "in “customFieldValues[0]”: custom field value: “customFieldId” is not a string" },
    { FALSE, entry_json, "customFieldValues[1].customFieldId", NULL,
      "in “customFieldValues[1]”: custom field value: “customFieldId” is missing" },
    { FALSE, entry_json, "customFieldValues[2].name", "[]",
      "custom field value 5e4117fe8c625f38930d57b9: “name” is not a string" },
    { FALSE, entry_json, "customFieldValues[0].type", "{}",
      "custom field value 5e4117fe8c625f38930d57b7: “type” is not a string" },
    { FALSE, hydrated_entry_json, "project", "\"Website\"", "“project” is not an object" },
    { FALSE, hydrated_entry_json, "project.name", "1", "“project.name” is not a string" },
    { FALSE, hydrated_entry_json, "project.clientId", "1", "“project.clientId” is not a string" },
    { FALSE, hydrated_entry_json, "project.clientName", "1", "“project.clientName” is not a string" },
    { FALSE, hydrated_entry_json, "project.color", "1", "“project.color” is not a string" },
    { FALSE, hydrated_entry_json, "task", "[]", "“task” is not an object" },
    { FALSE, hydrated_entry_json, "task.name", "[]", "“task.name” is not a string" },
    { FALSE, hydrated_entry_json, "user.name", "1", "“user.name” is not a string" },
    { FALSE, hydrated_entry_json, "user.email", "1", "“user.email” is not a string" },
    { FALSE, hydrated_entry_json, "tags", "{}", "“tags” is not an array" },
    { FALSE, hydrated_entry_json, "tags[0]", "\"backend\"", "“tags[0]” is not an object" },
    { FALSE, hydrated_entry_json, "tags[1].name", "2", "in “tags[1]”: “name” is not a string" },
    { FALSE, hydrated_entry_json, "tags[0].id", "2", "in “tags[0]”: “id” is not a string" },
    { FALSE, hydrated_entry_json, "timeInterval.end", "\"2026-05-20T05:59:59Z\"",
      "“timeInterval.end” is before “timeInterval.start”" },
    { TRUE, report_entry_json, "_id", "5", "“_id” is not a string" },
    { TRUE, report_entry_json, "_id", NULL, "“_id” is missing" },
    { TRUE, report_entry_json, "description", "{}", "“description” is not a string" },
    { TRUE, report_entry_json, "userId", "1", "“userId” is not a string" },
    { TRUE, report_entry_json, "userName", "1", "“userName” is not a string" },
    { TRUE, report_entry_json, "userEmail", "[]", "“userEmail” is not a string" },
    { TRUE, report_entry_json, "projectId", "1", "“projectId” is not a string" },
    { TRUE, report_entry_json, "projectName", "{}", "“projectName” is not a string" },
    { TRUE, report_entry_json, "projectColor", "1", "“projectColor” is not a string" },
    { TRUE, report_entry_json, "clientId", "3", "“clientId” is not a string" },
    { TRUE, report_entry_json, "clientName", "true", "“clientName” is not a string" },
    { TRUE, report_entry_json, "taskId", "true", "“taskId” is not a string" },
    { TRUE, report_entry_json, "taskName", "1", "“taskName” is not a string" },
    { TRUE, report_entry_json, "tags", "\"x\"", "“tags” is not an array" },
    { TRUE, report_entry_json, "tags[0]", "5", "“tags[0]” is not an object" },
    { TRUE, report_entry_json, "tags[0].name", "5", "in “tags[0]”: “name” is not a string" },
    { TRUE, report_entry_json, "billable", "\"true\"", "“billable” is not a boolean" },
    { TRUE, report_entry_json, "isLocked", "\"no\"", "“isLocked” is not a boolean" },
    { TRUE, report_entry_json, "type", "1", "“type” is not a string" },
    { TRUE, report_entry_json, "timeInterval.start", "\"2024-03-01T09:00:00\"",
      "“timeInterval.start” is not a timestamp" },
    { TRUE, report_entry_json, "timeInterval.end", "false", "“timeInterval.end” is not a timestamp" },
    { TRUE, report_entry_json, "timeInterval.duration", "\"x\"",
      "“timeInterval.duration” is not an ISO-8601 duration" },
    { TRUE, report_entry_json, "timeInterval.duration", "true",
      "“timeInterval.duration” is not a duration" },
    { TRUE, report_entry_json, "timeInterval.duration", "1.5",
      "“timeInterval.duration” is not a number of seconds" },
    { TRUE, report_entry_json, "rate", "\"x\"", "“rate” is not an amount" },
    { TRUE, report_entry_json, "costRate", "\"x\"", "“costRate” is not an amount" },
    { TRUE, report_entry_json, "currency", "5", "“currency” is not a string" },
    { TRUE, report_entry_json, "customFields", "1", "“customFields” is not an array" },
    { TRUE, report_entry_json, "customFields[0].customFieldId", "1",
      "“customFieldId” is not a string" },
    { TRUE, report_entry_alt_json, "id", "[]", "“id” is not a string" },
    { TRUE, report_entry_alt_json, "locked", "\"x\"", "“locked” is not a boolean" },
    { TRUE, report_entry_alt_json, "earnedRate", "\"x\"", "“earnedRate” is not an amount" },
    { TRUE, report_entry_alt_json, "tagIds", "{}", "“tagIds” is not an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ParseFunc parse = cases[i].report ? PARSE_FUNC (clockify_time_entry_new_from_report_json)
                                        : PARSE_FUNC (clockify_time_entry_new_from_json);
      const char *what = cases[i].report ? "report entry" : "time entry";
      g_autoptr(GError) error = NULL;
      gpointer result;

      g_test_message ("%s = %s", cases[i].path, cases[i].value ? cases[i].value : "(removed)");
      result = parse_modified (parse, cases[i].sample, cases[i].path, cases[i].value, &error);
      g_assert_null (result);
      g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
      g_assert_true (g_str_has_prefix (error->message, what));
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("message “%s” does not contain “%s”", error->message, cases[i].needle);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (parse_modified (PARSE_FUNC (clockify_time_entry_new_from_json), entry_json,
                                   "timeInterval.start", "\"yesterday\"", &error));
    g_assert_cmpstr (error->message, ==,
                     "time entry 64c777ddd3fcab07cfbb210c: "
                     "“timeInterval.start” is not a timestamp (found a string)");
  }
}

static void
test_models_wrong_types (void)
{
  static const struct {
    guint model;
    const char *path;
    const char *value;
    const char *message;
  } cases[] = {
    { 0, "settings.timeZone", "1",
      "user 5a0ab5acb07987125438b60f: “settings.timeZone” is not a string (found an integer)" },
    { 0, "settings", "\"x\"", "user 5a0ab5acb07987125438b60f: “settings” is not an object (found a string)" },
    { 0, "email", "[]", "user 5a0ab5acb07987125438b60f: “email” is not a string (found an array)" },
    { 1, "featureSubscriptionType", "7",
      "workspace 64a687e29ae1f428e7ebe303: “featureSubscriptionType” is not a string (found an integer)" },
    { 1, "currencies[1].isDefault", "\"yes\"",
      "workspace 64a687e29ae1f428e7ebe303: in “currencies[1]”: “isDefault” is not a boolean (found a string)" },
    { 1, "currencies[0]", "\"USD\"",
      "workspace 64a687e29ae1f428e7ebe303: “currencies[0]” is not an object (found a string)" },
    { 1, "hourlyRate.amount", "\"10\"",
      "workspace 64a687e29ae1f428e7ebe303: “hourlyRate.amount” is not an amount (found a string)" },
    { 1, "subdomain.enabled", "1",
      "workspace 64a687e29ae1f428e7ebe303: “subdomain.enabled” is not a boolean (found an integer)" },
    { 2, "archived", "\"false\"",
      "client 44a687e29ae1f428e7ebe305: “archived” is not a boolean (found a string)" },
    { 3, "estimate.estimate", "\"60000\"",
      "project 5b641568b07987035750505e: “estimate.estimate” is not an ISO-8601 duration (found a string)" },
    { 3, "public", "0", "project 5b641568b07987035750505e: “public” is not a boolean (found an integer)" },
    { 4, "assigneeIds", "\"u1\"", "task 57a687e29ae1f428e7ebe107: “assigneeIds” is not an array (found a string)" },
    { 4, "assigneeId", "5", "task 57a687e29ae1f428e7ebe107: “assigneeId” is not a string (found an integer)" },
    { 4, "estimate", "{}", "task 57a687e29ae1f428e7ebe107: “estimate” is not a duration (found an object)" },
    { 5, "name", "null", NULL },
    { 5, "id", "1", "tag: “id” is not a string (found an integer)" },
    { 6, "userIds", "[null, 5]", "user group 76a687e29ae1f428e7ebe101: “userIds[1]” is not a string (found an integer)" },
    { 7, "allowedValues", "{}",
      "custom field 44a687e29ae1f428e7ebe305: “allowedValues” is not an array (found an object)" },
    { 7, "required", "\"yes\"",
      "custom field 44a687e29ae1f428e7ebe305: “required” is not a boolean (found a string)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer result;

      g_test_message ("%s: %s = %s", models[cases[i].model].what, cases[i].path, cases[i].value);
      result = parse_modified (models[cases[i].model].parse, models[cases[i].model].sample,
                               cases[i].path, cases[i].value, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          free_result (models[cases[i].model].parse, result);
          continue;
        }

      g_assert_null (result);
      g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
check_parse (ParseFunc  parse,
             JsonNode  *node)
{
  g_autoptr(GError) error = NULL;
  gpointer result = parse (node, &error);

  if (result == NULL)
    {
      g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  if (gives_object (parse))
    read_all_properties (result);
  free_result (parse, result);
}

static void
check_all_parsers (JsonNode *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    check_parse (models[i].parse, node);
}

/* A place in a tree that a mutation can replace: a member, or an element of
 * an array member. Replacing through the parent, because json-glib 1.6's
 * json_node_init_*() trips over a node that held a value before. */
typedef struct
{
  JsonObject *object;
  char *name;
  int index;
} Slot;

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_free (slot->name);
}

static void
collect_slots (JsonNode *node,
               GArray   *slots)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          Slot slot = { object, g_strdup (l->data), -1 };

          g_array_append_val (slots, slot);

          if (JSON_NODE_HOLDS_ARRAY (member))
            {
              JsonArray *array = json_node_get_array (member);

              for (guint i = 0; i < json_array_get_length (array); i++)
                {
                  Slot element = { object, g_strdup (l->data), i };

                  g_array_append_val (slots, element);
                  collect_slots (json_array_get_element (array, i), slots);
                }
            }
          else
            {
              collect_slots (member, slots);
            }
        }
    }
}

/* A node of a random type. */
static JsonNode *
random_node (GRand *rand)
{
  static const char * const strings[] = {
    "", "x", "PT1H", "P", "2024-03-01T08:00:00Z", "2024-02-30T08:00:00Z", "-1", "null", "FREE",
  };
  static const char * const composites[] = {
    "{}", "[]", "[1, \"a\", null, {}, [], true]", "{\"amount\": \"x\", \"start\": 5, \"id\": []}",
    "{\"amount\": 1.5, \"currency\": null, \"start\": \"2024-03-01T08:00:00Z\"}",
  };
  static const double doubles[] = { 0.5, -1.5, 1e300, -1e300, 3600.0, 4321.0, 9.3e18 };
  static const gint64 integers[] = { 0, -1, 1, 3600, G_MAXINT64, G_MININT64 };

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return json_node_new (JSON_NODE_NULL);
    case 1:
      return json_node_init_int (json_node_alloc (),
                                 integers[g_rand_int_range (rand, 0, G_N_ELEMENTS (integers))]);
    case 2:
      return json_node_init_double (json_node_alloc (),
                                    doubles[g_rand_int_range (rand, 0, G_N_ELEMENTS (doubles))]);
    case 3:
      return json_node_init_boolean (json_node_alloc (), g_rand_boolean (rand));
    case 4:
      return json_node_init_string (json_node_alloc (),
                                    strings[g_rand_int_range (rand, 0, G_N_ELEMENTS (strings))]);
    default:
      return parse_json (composites[g_rand_int_range (rand, 0, G_N_ELEMENTS (composites))]);
    }
}

static void
mutate_slot (Slot  *slot,
             GRand *rand)
{
  JsonArray *old;
  JsonArray *new;

  if (slot->index < 0)
    {
      json_object_set_member (slot->object, slot->name, random_node (rand));
      return;
    }

  old = json_object_get_array_member (slot->object, slot->name);
  new = json_array_new ();
  for (guint i = 0; i < json_array_get_length (old); i++)
    json_array_add_element (new, (int) i == slot->index
                                   ? random_node (rand)
                                   : json_node_copy (json_array_get_element (old, i)));
  json_object_set_array_member (slot->object, slot->name, new);
}

static void
test_fuzz_truncations (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      gsize length = strlen (models[i].sample);

      for (gsize cut = 0; cut < length; cut++)
        {
          g_autofree char *text = g_strndup (models[i].sample, cut);
          g_autoptr(JsonNode) node = json_from_string (text, NULL);

          if (node != NULL)
            check_all_parsers (node);
        }
    }
}

static void
test_fuzz_type_swaps (void)
{
  static const char * const samples[] = {
    user_json, workspace_json, client_json, project_json, task_json, tag_json, user_group_json,
    custom_field_json, entry_json, running_entry_json, hydrated_entry_json, report_entry_json,
    report_entry_alt_json,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240301);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(JsonNode) pristine = parse_json (samples[i]);

      check_all_parsers (pristine);

      for (guint round = 0; round < 150; round++)
        {
          /* Parsed afresh: json_node_copy() would share the objects. */
          g_autoptr(JsonNode) root = parse_json (samples[i]);
          guint n_mutations = g_rand_int_range (rand, 1, 4);

          for (guint m = 0; m < n_mutations; m++)
            {
              g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));

              g_array_set_clear_func (slots, slot_clear);

              /* Collected again each time: a mutation frees what was below. */
              collect_slots (root, slots);
              if (slots->len == 0)
                break;
              mutate_slot (&g_array_index (slots, Slot, g_rand_int_range (rand, 0, slots->len)),
                           rand);
            }

          check_all_parsers (root);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/models/time-entry/defaults", test_time_entry_defaults);
  g_test_add_func ("/clockify/models/time-entry/wrong-types", test_time_entry_wrong_types);
  g_test_add_func ("/clockify/models/minimal-and-required", test_minimal_and_required);
  g_test_add_func ("/clockify/models/null-members", test_null_members);
  g_test_add_func ("/clockify/models/wrong-types", test_models_wrong_types);
  g_test_add_func ("/clockify/models/fuzz/truncations", test_fuzz_truncations);
  g_test_add_func ("/clockify/models/fuzz/type-swaps", test_fuzz_type_swaps);

  return g_test_run ();
}
