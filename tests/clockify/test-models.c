/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-models"

#include "config.h"

#include "models-test-common.h"

#include "clockify-client-entity.h"
#include "clockify-custom-field.h"
#include "clockify-project.h"
#include "clockify-tag.h"
#include "clockify-task.h"
#include "clockify-time-entry.h"
#include "clockify-user-group.h"
#include "clockify-user.h"
#include "clockify-workspace.h"

static void
assert_string_property (gpointer    object,
                        const char *name,
                        const char *expected)
{
  g_autofree char *value = NULL;

  g_object_get (object, name, &value, NULL);
  if (g_strcmp0 (value, expected) != 0)
    g_error ("property “%s” is “%s”, expected “%s”", name, value, expected);
}

static void
assert_boolean_property (gpointer    object,
                         const char *name,
                         gboolean    expected)
{
  gboolean value = !expected;

  g_object_get (object, name, &value, NULL);
  if (value != expected)
    g_error ("property “%s” is %d, expected %d", name, value, expected);
}

static void
assert_int64_property (gpointer    object,
                       const char *name,
                       gint64      expected)
{
  gint64 value = expected - 1;

  g_object_get (object, name, &value, NULL);
  if (value != expected)
    g_error ("property “%s” is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
             name, value, expected);
}

/* Compares a string array property with @expected, "a,b" ("" for empty,
 * NULL for a NULL array). */
static void
assert_strv_property (gpointer    object,
                      const char *name,
                      const char *expected)
{
  g_auto(GStrv) value = NULL;
  g_autofree char *joined = NULL;

  g_object_get (object, name, &value, NULL);
  joined = value != NULL ? g_strjoinv (",", value) : NULL;
  if (g_strcmp0 (joined, expected) != 0)
    g_error ("property “%s” is “%s”, expected “%s”", name, joined, expected);
}

static void
assert_time (GDateTime *time,
             gint64     unix_seconds,
             int        microsecond)
{
  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_to_unix (time), ==, unix_seconds);
  g_assert_cmpint (g_date_time_get_microsecond (time), ==, microsecond);
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 0);
}

static void
assert_time_property (gpointer    object,
                      const char *name,
                      gint64      unix_seconds)
{
  g_autoptr(GDateTime) value = NULL;

  g_object_get (object, name, &value, NULL);
  if (unix_seconds < 0)
    g_assert_null (value);
  else
    g_assert_cmpint (g_date_time_to_unix (value), ==, unix_seconds);
}

static void
test_user (void)
{
  g_autoptr(ClockifyUser) user = parse_sample (PARSE_FUNC (clockify_user_new_from_json), user_json);

  g_assert_cmpstr (clockify_user_get_id (user), ==, "5a0ab5acb07987125438b60f");
  g_assert_cmpstr (clockify_user_get_name (user), ==, "John Doe");
  g_assert_cmpstr (clockify_user_get_email (user), ==, "johndoe@example.com");
  g_assert_cmpstr (clockify_user_get_status (user), ==, "ACTIVE");
  g_assert_cmpstr (clockify_user_get_time_zone (user), ==, "Europe/Berlin");
  g_assert_cmpstr (clockify_user_get_active_workspace (user), ==, "64a687e29ae1f428e7ebe303");
  g_assert_cmpstr (clockify_user_get_default_workspace (user), ==, "64a687e29ae1f428e7ebe304");
  g_assert_cmpstr (clockify_user_get_profile_picture (user), ==,
                   "https://www.url.com/profile-picture12345");

  assert_string_property (user, "id", "5a0ab5acb07987125438b60f");
  assert_string_property (user, "name", "John Doe");
  assert_string_property (user, "email", "johndoe@example.com");
  assert_string_property (user, "status", "ACTIVE");
  assert_string_property (user, "time-zone", "Europe/Berlin");
  assert_string_property (user, "active-workspace", "64a687e29ae1f428e7ebe303");
  assert_string_property (user, "default-workspace", "64a687e29ae1f428e7ebe304");
  assert_string_property (user, "profile-picture", "https://www.url.com/profile-picture12345");
}

static void
test_workspace (void)
{
  g_autoptr(ClockifyWorkspace) workspace =
    parse_sample (PARSE_FUNC (clockify_workspace_new_from_json), workspace_json);
  static const struct {
    const char *json;
    const char *plan;
    gboolean free_plan;
    const char *currency;
    const char *subdomain;
  } variants[] = {
    /* The spec's FeaturePlan object instead of the live string. */
    { "{\"id\": \"w\", \"featureSubscriptionType\": {\"addonSubscriptionPlan\": \"FREE\","
      " \"paidPlan\": false}, \"hourlyRate\": {\"amount\": 0, \"currency\": \"GBP\"}}",
      "FREE", TRUE, "GBP", NULL },
    { "{\"id\": \"w\", \"featureSubscriptionType\": {\"weight\": 3},"
      " \"currencies\": [{\"code\": \"USD\"}], \"subdomain\": {\"enabled\": false,"
      " \"name\": \"acme\"}}", NULL, FALSE, NULL, NULL },
    { "{\"id\": \"w\", \"featureSubscriptionType\": \"FREE\", \"currencies\": null,"
      " \"subdomain\": {\"enabled\": true, \"name\": \"\"}}", "FREE", TRUE, NULL, NULL },
    { "{\"id\": \"w\", \"featureSubscriptionType\": \"PRO_2021\","
      " \"currencies\": [{\"code\": \"CHF\", \"isDefault\": true}],"
      " \"hourlyRate\": {\"amount\": 1, \"currency\": \"USD\"}}", "PRO_2021", FALSE, "CHF", NULL },
  };

  g_assert_cmpstr (clockify_workspace_get_id (workspace), ==, "64a687e29ae1f428e7ebe303");
  g_assert_cmpstr (clockify_workspace_get_name (workspace), ==, "Cool Company");
  g_assert_cmpstr (clockify_workspace_get_plan (workspace), ==, "BUNDLE_YEAR_2024");
  g_assert_false (clockify_workspace_is_free_plan (workspace));
  g_assert_cmpstr (clockify_workspace_get_currency_code (workspace), ==, "EUR");
  g_assert_cmpint (clockify_workspace_get_hourly_rate (workspace), ==, 10500);
  g_assert_cmpstr (clockify_workspace_get_subdomain (workspace), ==, "coolcompany");
  g_assert_cmpstr (clockify_workspace_get_image_url (workspace), ==,
                   "https://www.url.com/imageurl-1234567890.jpg");

  assert_string_property (workspace, "id", "64a687e29ae1f428e7ebe303");
  assert_string_property (workspace, "name", "Cool Company");
  assert_string_property (workspace, "plan", "BUNDLE_YEAR_2024");
  assert_boolean_property (workspace, "free-plan", FALSE);
  assert_string_property (workspace, "currency-code", "EUR");
  assert_int64_property (workspace, "hourly-rate", 10500);
  assert_string_property (workspace, "subdomain", "coolcompany");
  assert_string_property (workspace, "image-url", "https://www.url.com/imageurl-1234567890.jpg");

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(ClockifyWorkspace) variant =
        parse_sample (PARSE_FUNC (clockify_workspace_new_from_json), variants[i].json);

      g_assert_cmpstr (clockify_workspace_get_plan (variant), ==, variants[i].plan);
      g_assert_cmpint (clockify_workspace_is_free_plan (variant), ==, variants[i].free_plan);
      assert_boolean_property (variant, "free-plan", variants[i].free_plan);
      g_assert_cmpstr (clockify_workspace_get_currency_code (variant), ==, variants[i].currency);
      g_assert_cmpstr (clockify_workspace_get_subdomain (variant), ==, variants[i].subdomain);
    }
}

static void
test_client (void)
{
  g_autoptr(ClockifyClientEntity) client =
    parse_sample (PARSE_FUNC (clockify_client_entity_new_from_json), client_json);

  g_assert_cmpstr (clockify_client_entity_get_id (client), ==, "44a687e29ae1f428e7ebe305");
  g_assert_cmpstr (clockify_client_entity_get_name (client), ==, "Client X");
  g_assert_cmpstr (clockify_client_entity_get_email (client), ==, "clientx@example.com");
  g_assert_cmpstr (clockify_client_entity_get_address (client), ==,
                   "Ground Floor, ABC Bldg., Palo Alto");
  g_assert_cmpstr (clockify_client_entity_get_note (client), ==,
                   "This is a sample note for the client.");
  g_assert_true (clockify_client_entity_get_archived (client));
  g_assert_cmpstr (clockify_client_entity_get_currency_code (client), ==, "EUR");
  g_assert_cmpstr (clockify_client_entity_get_workspace_id (client), ==,
                   "64a687e29ae1f428e7ebe303");

  assert_string_property (client, "id", "44a687e29ae1f428e7ebe305");
  assert_string_property (client, "name", "Client X");
  assert_string_property (client, "email", "clientx@example.com");
  assert_string_property (client, "address", "Ground Floor, ABC Bldg., Palo Alto");
  assert_string_property (client, "note", "This is a sample note for the client.");
  assert_boolean_property (client, "archived", TRUE);
  assert_string_property (client, "currency-code", "EUR");
  assert_string_property (client, "workspace-id", "64a687e29ae1f428e7ebe303");
}

static void
test_project (void)
{
  g_autoptr(ClockifyProject) project =
    parse_sample (PARSE_FUNC (clockify_project_new_from_json), project_json);
  g_autoptr(ClockifyProject) legacy =
    parse_sample (PARSE_FUNC (clockify_project_new_from_json),
                  "{\"id\": \"p\", \"isPublic\": true, \"isTemplate\": true, \"clientId\": \"\"}");

  g_assert_cmpstr (clockify_project_get_id (project), ==, "5b641568b07987035750505e");
  g_assert_cmpstr (clockify_project_get_name (project), ==, "Software Development");
  g_assert_cmpstr (clockify_project_get_workspace_id (project), ==, "64a687e29ae1f428e7ebe303");
  g_assert_cmpstr (clockify_project_get_client_id (project), ==, "9t641568b07987035750704");
  g_assert_cmpstr (clockify_project_get_client_name (project), ==, "Client X");
  g_assert_cmpstr (clockify_project_get_color (project), ==, "#03A9F4");
  g_assert_cmpstr (clockify_project_get_note (project), ==, "A note");
  g_assert_true (clockify_project_get_billable (project));
  g_assert_false (clockify_project_get_archived (project));
  /* `public` wins over `isPublic` when both are sent. */
  g_assert_true (clockify_project_get_public (project));
  g_assert_false (clockify_project_get_template (project));
  g_assert_cmpint (clockify_project_get_hourly_rate (project), ==, 12000);
  g_assert_cmpstr (clockify_project_get_hourly_rate_currency (project), ==, "USD");
  g_assert_cmpint (clockify_project_get_cost_rate (project), ==, 3000);
  g_assert_cmpstr (clockify_project_get_cost_rate_currency (project), ==, "EUR");
  g_assert_cmpint (clockify_project_get_duration_seconds (project), ==, 45000);
  g_assert_cmpint (clockify_project_get_estimate_seconds (project), ==, 360000);
  g_assert_cmpstr (clockify_project_get_estimate_type (project), ==, "MANUAL");

  assert_string_property (project, "id", "5b641568b07987035750505e");
  assert_string_property (project, "name", "Software Development");
  assert_string_property (project, "workspace-id", "64a687e29ae1f428e7ebe303");
  assert_string_property (project, "client-id", "9t641568b07987035750704");
  assert_string_property (project, "client-name", "Client X");
  assert_string_property (project, "color", "#03A9F4");
  assert_string_property (project, "note", "A note");
  assert_boolean_property (project, "billable", TRUE);
  assert_boolean_property (project, "archived", FALSE);
  assert_boolean_property (project, "public", TRUE);
  assert_boolean_property (project, "template", FALSE);
  assert_int64_property (project, "hourly-rate", 12000);
  assert_string_property (project, "hourly-rate-currency", "USD");
  assert_int64_property (project, "cost-rate", 3000);
  assert_string_property (project, "cost-rate-currency", "EUR");
  assert_int64_property (project, "duration-seconds", 45000);
  assert_int64_property (project, "estimate-seconds", 360000);
  assert_string_property (project, "estimate-type", "MANUAL");

  g_assert_true (clockify_project_get_public (legacy));
  g_assert_true (clockify_project_get_template (legacy));
  g_assert_null (clockify_project_get_client_id (legacy));
}

static void
test_task (void)
{
  g_autoptr(ClockifyTask) task = parse_sample (PARSE_FUNC (clockify_task_new_from_json), task_json);
  g_autoptr(ClockifyTask) legacy =
    parse_sample (PARSE_FUNC (clockify_task_new_from_json),
                  "{\"id\": \"t\", \"assigneeId\": \"u9\", \"assigneeIds\": null,"
                  " \"userGroupIds\": null, \"status\": \"ACTIVE\"}");

  g_assert_cmpstr (clockify_task_get_id (task), ==, "57a687e29ae1f428e7ebe107");
  g_assert_cmpstr (clockify_task_get_name (task), ==, "Bugfixing");
  g_assert_cmpstr (clockify_task_get_project_id (task), ==, "25b687e29ae1f428e7ebe123");
  g_assert_cmpstr (clockify_task_get_status (task), ==, "DONE");
  g_assert_true (clockify_task_get_billable (task));
  assert_strv (clockify_task_get_assignee_ids (task),
               "45b687e29ae1f428e7ebe123,67s687e29ae1f428e7ebe678");
  assert_strv (clockify_task_get_user_group_ids (task), "67b687e29ae1f428e7ebe123");
  g_assert_cmpint (clockify_task_get_estimate_seconds (task), ==, 5400);
  g_assert_cmpint (clockify_task_get_duration_seconds (task), ==, 8100);
  g_assert_cmpint (clockify_task_get_hourly_rate (task), ==, 9000);
  g_assert_cmpstr (clockify_task_get_hourly_rate_currency (task), ==, "USD");
  g_assert_cmpint (clockify_task_get_cost_rate (task), ==, 4000);
  g_assert_cmpstr (clockify_task_get_cost_rate_currency (task), ==, "USD");

  assert_string_property (task, "id", "57a687e29ae1f428e7ebe107");
  assert_string_property (task, "name", "Bugfixing");
  assert_string_property (task, "project-id", "25b687e29ae1f428e7ebe123");
  assert_string_property (task, "status", "DONE");
  assert_boolean_property (task, "billable", TRUE);
  assert_strv_property (task, "assignee-ids", "45b687e29ae1f428e7ebe123,67s687e29ae1f428e7ebe678");
  assert_strv_property (task, "user-group-ids", "67b687e29ae1f428e7ebe123");
  assert_int64_property (task, "estimate-seconds", 5400);
  assert_int64_property (task, "duration-seconds", 8100);
  assert_int64_property (task, "hourly-rate", 9000);
  assert_string_property (task, "hourly-rate-currency", "USD");
  assert_int64_property (task, "cost-rate", 4000);
  assert_string_property (task, "cost-rate-currency", "USD");

  assert_strv (clockify_task_get_assignee_ids (legacy), "u9");
  assert_strv (clockify_task_get_user_group_ids (legacy), "");
  g_assert_cmpstr (clockify_task_get_status (legacy), ==, "ACTIVE");
}

static void
test_tag (void)
{
  g_autoptr(ClockifyTag) tag = parse_sample (PARSE_FUNC (clockify_tag_new_from_json), tag_json);

  g_assert_cmpstr (clockify_tag_get_id (tag), ==, "21s687e29ae1f428e7ebe404");
  g_assert_cmpstr (clockify_tag_get_name (tag), ==, "Sprint1");
  g_assert_true (clockify_tag_get_archived (tag));
  g_assert_cmpstr (clockify_tag_get_workspace_id (tag), ==, "64a687e29ae1f428e7ebe303");

  assert_string_property (tag, "id", "21s687e29ae1f428e7ebe404");
  assert_string_property (tag, "name", "Sprint1");
  assert_boolean_property (tag, "archived", TRUE);
  assert_string_property (tag, "workspace-id", "64a687e29ae1f428e7ebe303");
}

static void
test_user_group (void)
{
  g_autoptr(ClockifyUserGroup) group =
    parse_sample (PARSE_FUNC (clockify_user_group_new_from_json), user_group_json);
  g_autoptr(ClockifyUserGroup) empty =
    parse_sample (PARSE_FUNC (clockify_user_group_new_from_json),
                  "{\"id\": \"g\", \"name\": \"nobody\", \"userIds\": null}");

  g_assert_cmpstr (clockify_user_group_get_id (group), ==, "76a687e29ae1f428e7ebe101");
  g_assert_cmpstr (clockify_user_group_get_name (group), ==, "development_team");
  assert_strv (clockify_user_group_get_user_ids (group),
               "5a0ab5acb07987125438b60f,98j4b5acb07987125437y32");
  g_assert_cmpstr (clockify_user_group_get_workspace_id (group), ==, "64a687e29ae1f428e7ebe303");

  assert_string_property (group, "id", "76a687e29ae1f428e7ebe101");
  assert_string_property (group, "name", "development_team");
  assert_strv_property (group, "user-ids", "5a0ab5acb07987125438b60f,98j4b5acb07987125437y32");
  assert_string_property (group, "workspace-id", "64a687e29ae1f428e7ebe303");

  assert_strv (clockify_user_group_get_user_ids (empty), "");
  assert_strv_property (empty, "user-ids", "");
}

static void
test_custom_field (void)
{
  g_autoptr(ClockifyCustomField) field =
    parse_sample (PARSE_FUNC (clockify_custom_field_new_from_json), custom_field_json);
  g_autoptr(ClockifyCustomField) text =
    parse_sample (PARSE_FUNC (clockify_custom_field_new_from_json),
                  "{\"id\": \"f\", \"type\": \"TXT\", \"allowedValues\": null}");

  g_assert_cmpstr (clockify_custom_field_get_id (field), ==, "44a687e29ae1f428e7ebe305");
  g_assert_cmpstr (clockify_custom_field_get_name (field), ==, "location");
  g_assert_cmpstr (clockify_custom_field_get_field_type (field), ==, "DROPDOWN_MULTIPLE");
  g_assert_cmpstr (clockify_custom_field_get_status (field), ==, "VISIBLE");
  g_assert_cmpstr (clockify_custom_field_get_entity_type (field), ==, "TIMEENTRY");
  assert_strv (clockify_custom_field_get_allowed_values (field), "New York,London,Manila");
  g_assert_cmpstr (clockify_custom_field_get_placeholder (field), ==, "Location");
  g_assert_cmpstr (clockify_custom_field_get_description (field), ==,
                   "This field contains a location.");
  g_assert_true (clockify_custom_field_get_required (field));
  g_assert_true (clockify_custom_field_get_only_admin_can_edit (field));
  g_assert_cmpstr (clockify_custom_field_get_workspace_id (field), ==, "64a687e29ae1f428e7ebe303");

  assert_string_property (field, "id", "44a687e29ae1f428e7ebe305");
  assert_string_property (field, "name", "location");
  assert_string_property (field, "field-type", "DROPDOWN_MULTIPLE");
  assert_string_property (field, "status", "VISIBLE");
  assert_string_property (field, "entity-type", "TIMEENTRY");
  assert_strv_property (field, "allowed-values", "New York,London,Manila");
  assert_string_property (field, "placeholder", "Location");
  assert_string_property (field, "description", "This field contains a location.");
  assert_boolean_property (field, "required", TRUE);
  assert_boolean_property (field, "only-admin-can-edit", TRUE);
  assert_string_property (field, "workspace-id", "64a687e29ae1f428e7ebe303");

  g_assert_cmpstr (clockify_custom_field_get_field_type (text), ==, "TXT");
  assert_strv (clockify_custom_field_get_allowed_values (text), "");
  g_assert_false (clockify_custom_field_get_required (text));
}

static void
assert_custom_field_value (ClockifyCustomFieldValue *value,
                           const char               *id,
                           const char               *name,
                           const char               *type,
                           const char               *json,
                           const char               *text)
{
  g_autofree char *value_json = clockify_custom_field_value_dup_value_json (value);
  g_autofree char *value_text = clockify_custom_field_value_dup_value_text (value);
  g_autoptr(ClockifyCustomFieldValue) copy = clockify_custom_field_value_copy (value);
  g_autofree char *copy_json = clockify_custom_field_value_dup_value_json (copy);

  g_assert_cmpstr (clockify_custom_field_value_get_custom_field_id (value), ==, id);
  g_assert_cmpstr (clockify_custom_field_value_get_name (value), ==, name);
  g_assert_cmpstr (clockify_custom_field_value_get_field_type (value), ==, type);
  g_assert_nonnull (clockify_custom_field_value_get_value (value));
  g_assert_cmpstr (value_json, ==, json);
  g_assert_cmpstr (value_text, ==, text);

  g_assert_cmpstr (clockify_custom_field_value_get_custom_field_id (copy), ==, id);
  g_assert_cmpstr (clockify_custom_field_value_get_name (copy), ==, name);
  g_assert_cmpstr (copy_json, ==, json);
}

static void
test_time_entry (void)
{
  g_autoptr(ClockifyTimeEntry) entry =
    parse_sample (PARSE_FUNC (clockify_time_entry_new_from_json), entry_json);
  g_autoptr(GPtrArray) values_property = NULL;
  GPtrArray *values;

  g_assert_cmpstr (clockify_time_entry_get_id (entry), ==, "64c777ddd3fcab07cfbb210c");
  g_assert_cmpstr (clockify_time_entry_get_description (entry), ==, "Sprint planning");
  g_assert_cmpstr (clockify_time_entry_get_user_id (entry), ==, "5a0ab5acb07987125438b60f");
  g_assert_cmpstr (clockify_time_entry_get_workspace_id (entry), ==, "64a687e29ae1f428e7ebe303");
  g_assert_cmpstr (clockify_time_entry_get_project_id (entry), ==, "25b687e29ae1f428e7ebe123");
  g_assert_cmpstr (clockify_time_entry_get_task_id (entry), ==, "54m377ddd3fcab07cfbb432w");
  assert_strv (clockify_time_entry_get_tag_ids (entry),
               "321r77ddd3fcab07cfbb567y,44x777ddd3fcab07cfbb88f");
  g_assert_true (clockify_time_entry_get_billable (entry));
  g_assert_true (clockify_time_entry_get_locked (entry));
  g_assert_cmpstr (clockify_time_entry_get_entry_type (entry), ==, "REGULAR");
  assert_time (clockify_time_entry_get_start (entry), 1779267600, 250000);
  assert_time (clockify_time_entry_get_end (entry), 1779267600 + 5400, 0);
  g_assert_false (clockify_time_entry_is_running (entry));
  g_assert_cmpint (clockify_time_entry_get_duration_seconds (entry), ==, 5400);
  g_assert_cmpint (clockify_time_entry_get_hourly_rate (entry), ==, 10500);
  g_assert_cmpstr (clockify_time_entry_get_hourly_rate_currency (entry), ==, "USD");
  g_assert_cmpint (clockify_time_entry_get_cost_rate (entry), ==, 4000);
  g_assert_cmpstr (clockify_time_entry_get_cost_rate_currency (entry), ==, "EUR");
  g_assert_null (clockify_time_entry_get_user_name (entry));
  g_assert_null (clockify_time_entry_get_user_email (entry));
  g_assert_null (clockify_time_entry_get_project_name (entry));
  g_assert_null (clockify_time_entry_get_project_color (entry));
  g_assert_null (clockify_time_entry_get_client_id (entry));
  g_assert_null (clockify_time_entry_get_client_name (entry));
  g_assert_null (clockify_time_entry_get_task_name (entry));
  g_assert_null (clockify_time_entry_get_tag_names (entry));

  values = clockify_time_entry_get_custom_field_values (entry);
  g_assert_cmpuint (values->len, ==, 3);
  assert_custom_field_value (values->pdata[0], "5e4117fe8c625f38930d57b7", "TIN", "WORKSPACE",
                             "\"20231211-12345\"", "20231211-12345");
  assert_custom_field_value (values->pdata[1], "5e4117fe8c625f38930d57b8", "Cities",
                             "DROPDOWN_MULTIPLE", "[\"London\",\"Manila\"]",
                             "[\"London\",\"Manila\"]");
  assert_custom_field_value (values->pdata[2], "5e4117fe8c625f38930d57b9", NULL, "NUMBER",
                             "null", NULL);

  assert_string_property (entry, "id", "64c777ddd3fcab07cfbb210c");
  assert_string_property (entry, "description", "Sprint planning");
  assert_string_property (entry, "user-id", "5a0ab5acb07987125438b60f");
  assert_string_property (entry, "workspace-id", "64a687e29ae1f428e7ebe303");
  assert_string_property (entry, "project-id", "25b687e29ae1f428e7ebe123");
  assert_string_property (entry, "task-id", "54m377ddd3fcab07cfbb432w");
  assert_strv_property (entry, "tag-ids", "321r77ddd3fcab07cfbb567y,44x777ddd3fcab07cfbb88f");
  assert_boolean_property (entry, "billable", TRUE);
  assert_boolean_property (entry, "locked", TRUE);
  assert_string_property (entry, "entry-type", "REGULAR");
  assert_time_property (entry, "start", 1779267600);
  assert_time_property (entry, "end", 1779267600 + 5400);
  assert_boolean_property (entry, "running", FALSE);
  assert_int64_property (entry, "duration-seconds", 5400);
  assert_int64_property (entry, "hourly-rate", 10500);
  assert_string_property (entry, "hourly-rate-currency", "USD");
  assert_int64_property (entry, "cost-rate", 4000);
  assert_string_property (entry, "cost-rate-currency", "EUR");
  assert_string_property (entry, "user-name", NULL);
  assert_string_property (entry, "user-email", NULL);
  assert_string_property (entry, "project-name", NULL);
  assert_string_property (entry, "project-color", NULL);
  assert_string_property (entry, "client-id", NULL);
  assert_string_property (entry, "client-name", NULL);
  assert_string_property (entry, "task-name", NULL);
  assert_strv_property (entry, "tag-names", NULL);

  g_object_get (entry, "custom-field-values", &values_property, NULL);
  g_assert_true (values_property == values);
}

static void
test_time_entry_running (void)
{
  g_autoptr(ClockifyTimeEntry) entry =
    parse_sample (PARSE_FUNC (clockify_time_entry_new_from_json), running_entry_json);

  g_assert_true (clockify_time_entry_is_running (entry));
  assert_boolean_property (entry, "running", TRUE);
  assert_time (clockify_time_entry_get_start (entry), 1779256800, 0);
  g_assert_null (clockify_time_entry_get_end (entry));
  assert_time_property (entry, "end", -1);
  g_assert_cmpint (clockify_time_entry_get_duration_seconds (entry), ==, -1);
  assert_int64_property (entry, "duration-seconds", -1);
  g_assert_cmpstr (clockify_time_entry_get_description (entry), ==, "");
  g_assert_null (clockify_time_entry_get_project_id (entry));
  g_assert_null (clockify_time_entry_get_task_id (entry));
  assert_strv (clockify_time_entry_get_tag_ids (entry), "");
  assert_strv_property (entry, "tag-ids", "");
  g_assert_cmpuint (clockify_time_entry_get_custom_field_values (entry)->len, ==, 0);
  g_assert_cmpint (clockify_time_entry_get_hourly_rate (entry), ==, 0);
  g_assert_null (clockify_time_entry_get_hourly_rate_currency (entry));
  g_assert_cmpint (clockify_time_entry_get_cost_rate (entry), ==, 0);
  g_assert_null (clockify_time_entry_get_cost_rate_currency (entry));
  g_assert_false (clockify_time_entry_get_billable (entry));
  g_assert_false (clockify_time_entry_get_locked (entry));
}

static void
test_time_entry_hydrated (void)
{
  g_autoptr(ClockifyTimeEntry) entry =
    parse_sample (PARSE_FUNC (clockify_time_entry_new_from_json), hydrated_entry_json);

  assert_strv (clockify_time_entry_get_tag_ids (entry), "g1,g2");
  assert_strv (clockify_time_entry_get_tag_names (entry), "backend,urgent");
  assert_strv_property (entry, "tag-names", "backend,urgent");
  g_assert_cmpstr (clockify_time_entry_get_project_name (entry), ==, "Website");
  g_assert_cmpstr (clockify_time_entry_get_project_color (entry), ==, "#FF5722");
  g_assert_cmpstr (clockify_time_entry_get_client_id (entry), ==, "c1");
  g_assert_cmpstr (clockify_time_entry_get_client_name (entry), ==, "Acme");
  g_assert_cmpstr (clockify_time_entry_get_task_name (entry), ==, "Design");
  g_assert_cmpstr (clockify_time_entry_get_user_name (entry), ==, "Ada");
  g_assert_cmpstr (clockify_time_entry_get_user_email (entry), ==, "ada@example.com");
  /* No duration sent: end minus start. */
  g_assert_cmpint (clockify_time_entry_get_duration_seconds (entry), ==, 8 * 3600);
  g_assert_null (clockify_time_entry_get_entry_type (entry));
}

static void
test_report_entry (void)
{
  g_autoptr(ClockifyTimeEntry) entry =
    parse_sample (PARSE_FUNC (clockify_time_entry_new_from_report_json), report_entry_json);
  g_autoptr(ClockifyTimeEntry) alt =
    parse_sample (PARSE_FUNC (clockify_time_entry_new_from_report_json), report_entry_alt_json);
  GPtrArray *values;

  g_assert_cmpstr (clockify_time_entry_get_id (entry), ==, "65f0c0ffee0000000000a001");
  g_assert_cmpstr (clockify_time_entry_get_description (entry), ==, "Code review");
  g_assert_cmpstr (clockify_time_entry_get_user_id (entry), ==, "u1");
  g_assert_null (clockify_time_entry_get_workspace_id (entry));
  g_assert_cmpstr (clockify_time_entry_get_project_id (entry), ==, "p1");
  g_assert_cmpstr (clockify_time_entry_get_task_id (entry), ==, "t1");
  assert_strv (clockify_time_entry_get_tag_ids (entry), "g1,g2");
  g_assert_true (clockify_time_entry_get_billable (entry));
  g_assert_true (clockify_time_entry_get_locked (entry));
  g_assert_cmpstr (clockify_time_entry_get_entry_type (entry), ==, "REGULAR");
  /* 09:00+01:00 is 08:00Z. */
  assert_time (clockify_time_entry_get_start (entry), 1709280000, 0);
  assert_time (clockify_time_entry_get_end (entry), 1709280000 + 3600, 500000);
  g_assert_cmpint (clockify_time_entry_get_duration_seconds (entry), ==, 3600);
  g_assert_cmpint (clockify_time_entry_get_hourly_rate (entry), ==, 4321);
  g_assert_cmpstr (clockify_time_entry_get_hourly_rate_currency (entry), ==, "EUR");
  g_assert_cmpint (clockify_time_entry_get_cost_rate (entry), ==, 2000);
  g_assert_cmpstr (clockify_time_entry_get_cost_rate_currency (entry), ==, "EUR");
  g_assert_cmpstr (clockify_time_entry_get_user_name (entry), ==, "Ada Lovelace");
  g_assert_cmpstr (clockify_time_entry_get_user_email (entry), ==, "ada@example.com");
  g_assert_cmpstr (clockify_time_entry_get_project_name (entry), ==, "Website");
  g_assert_cmpstr (clockify_time_entry_get_project_color (entry), ==, "#03A9F4");
  g_assert_cmpstr (clockify_time_entry_get_client_id (entry), ==, "c1");
  g_assert_cmpstr (clockify_time_entry_get_client_name (entry), ==, "Acme");
  g_assert_cmpstr (clockify_time_entry_get_task_name (entry), ==, "Reviews");
  assert_strv (clockify_time_entry_get_tag_names (entry), "backend,urgent");

  values = clockify_time_entry_get_custom_field_values (entry);
  g_assert_cmpuint (values->len, ==, 1);
  assert_custom_field_value (values->pdata[0], "cf1", "Invoice", "TXT", "\"INV-7\"", "INV-7");

  assert_string_property (entry, "id", "65f0c0ffee0000000000a001");
  assert_string_property (entry, "user-name", "Ada Lovelace");
  assert_string_property (entry, "user-email", "ada@example.com");
  assert_string_property (entry, "project-name", "Website");
  assert_string_property (entry, "project-color", "#03A9F4");
  assert_string_property (entry, "client-id", "c1");
  assert_string_property (entry, "client-name", "Acme");
  assert_string_property (entry, "task-name", "Reviews");
  assert_strv_property (entry, "tag-ids", "g1,g2");
  assert_strv_property (entry, "tag-names", "backend,urgent");
  assert_int64_property (entry, "duration-seconds", 3600);
  assert_int64_property (entry, "hourly-rate", 4321);

  g_assert_cmpstr (clockify_time_entry_get_id (alt), ==, "65f0c0ffee0000000000a002");
  g_assert_null (clockify_time_entry_get_description (alt));
  assert_strv (clockify_time_entry_get_tag_ids (alt), "g3");
  g_assert_null (clockify_time_entry_get_tag_names (alt));
  g_assert_true (clockify_time_entry_get_locked (alt));
  g_assert_cmpint (clockify_time_entry_get_duration_seconds (alt), ==, 2700);
  g_assert_cmpint (clockify_time_entry_get_hourly_rate (alt), ==, 5000);
  g_assert_cmpstr (clockify_time_entry_get_hourly_rate_currency (alt), ==, "USD");
  g_assert_cmpint (clockify_time_entry_get_cost_rate (alt), ==, 0);
  g_assert_cmpstr (clockify_time_entry_get_cost_rate_currency (alt), ==, "USD");
  g_assert_cmpuint (clockify_time_entry_get_custom_field_values (alt)->len, ==, 0);
  g_assert_null (clockify_time_entry_get_user_name (alt));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/models/user", test_user);
  g_test_add_func ("/clockify/models/workspace", test_workspace);
  g_test_add_func ("/clockify/models/client", test_client);
  g_test_add_func ("/clockify/models/project", test_project);
  g_test_add_func ("/clockify/models/task", test_task);
  g_test_add_func ("/clockify/models/tag", test_tag);
  g_test_add_func ("/clockify/models/user-group", test_user_group);
  g_test_add_func ("/clockify/models/custom-field", test_custom_field);
  g_test_add_func ("/clockify/models/time-entry/main", test_time_entry);
  g_test_add_func ("/clockify/models/time-entry/running", test_time_entry_running);
  g_test_add_func ("/clockify/models/time-entry/hydrated", test_time_entry_hydrated);
  g_test_add_func ("/clockify/models/time-entry/report", test_report_entry);

  return g_test_run ();
}
