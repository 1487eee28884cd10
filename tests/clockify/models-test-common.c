/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-models"

#include "config.h"

#include "models-test-common.h"

#include "clockify-custom-field.h"

/* Samples follow the shapes of ../shared/clockify/openapi.json and the live
 * answers quoted in API-NOTES.md; unknown members are sprinkled in, since
 * they must be ignored. */

const char user_json[] =
  "{\"id\": \"5a0ab5acb07987125438b60f\", \"email\": \"johndoe@example.com\","
  " \"name\": \"John Doe\", \"activeWorkspace\": \"64a687e29ae1f428e7ebe303\","
  " \"defaultWorkspace\": \"64a687e29ae1f428e7ebe304\", \"memberships\": [],"
  " \"profilePicture\": \"https://www.url.com/profile-picture12345\","
  " \"customFields\": null, \"status\": \"ACTIVE\","
  " \"settings\": {\"timeZone\": \"Europe/Berlin\", \"weekStart\": \"MONDAY\","
  "               \"dateFormat\": \"MM/DD/YYYY\", \"timeFormat\": \"HOUR24\"}}";

const char workspace_json[] =
  "{\"id\": \"64a687e29ae1f428e7ebe303\", \"name\": \"Cool Company\","
  " \"hourlyRate\": {\"amount\": 10500, \"currency\": \"USD\"},"
  " \"costRate\": {\"amount\": 5000, \"currency\": \"USD\"},"
  " \"currencies\": [{\"id\": \"c1\", \"code\": \"USD\", \"isDefault\": false},"
  "                  {\"id\": \"c2\", \"code\": \"EUR\", \"isDefault\": true}],"
  " \"featureSubscriptionType\": \"BUNDLE_YEAR_2024\", \"features\": [\"CUSTOM_FIELDS\"],"
  " \"imageUrl\": \"https://www.url.com/imageurl-1234567890.jpg\", \"memberships\": [],"
  " \"subdomain\": {\"enabled\": true, \"name\": \"coolcompany\"},"
  " \"workspaceSettings\": {\"trackTimeDownToSecond\": true}, \"cakeOrganizationId\": null}";

const char client_json[] =
  "{\"id\": \"44a687e29ae1f428e7ebe305\", \"name\": \"Client X\","
  " \"email\": \"clientx@example.com\", \"address\": \"Ground Floor, ABC Bldg., Palo Alto\","
  " \"note\": \"This is a sample note for the client.\", \"archived\": true,"
  " \"ccEmails\": null, \"currencyId\": \"33t687e29ae1f428e7ebe505\", \"currencyCode\": \"EUR\","
  " \"workspaceId\": \"64a687e29ae1f428e7ebe303\"}";

const char project_json[] =
  "{\"id\": \"5b641568b07987035750505e\", \"name\": \"Software Development\","
  " \"clientId\": \"9t641568b07987035750704\", \"clientName\": \"Client X\","
  " \"color\": \"#03A9F4\", \"billable\": true, \"archived\": false, \"public\": true,"
  " \"isPublic\": false, \"template\": false, \"note\": \"A note\","
  " \"duration\": \"PT12H30M\", \"hourlyRate\": {\"amount\": 12000, \"currency\": \"USD\"},"
  " \"costRate\": {\"amount\": 3000, \"currency\": \"EUR\"},"
  " \"estimate\": {\"estimate\": \"PT100H\", \"type\": \"MANUAL\"},"
  " \"timeEstimate\": {\"active\": false, \"estimate\": \"PT0S\", \"type\": \"AUTO\"},"
  " \"budgetEstimate\": null, \"memberships\": [], \"workspaceId\": \"64a687e29ae1f428e7ebe303\"}";

const char task_json[] =
  "{\"id\": \"57a687e29ae1f428e7ebe107\", \"name\": \"Bugfixing\","
  " \"projectId\": \"25b687e29ae1f428e7ebe123\", \"assigneeId\": \"45b687e29ae1f428e7ebe123\","
  " \"assigneeIds\": [\"45b687e29ae1f428e7ebe123\", \"67s687e29ae1f428e7ebe678\"],"
  " \"userGroupIds\": [\"67b687e29ae1f428e7ebe123\"], \"billable\": true, \"status\": \"DONE\","
  " \"duration\": \"PT2H15M\", \"estimate\": \"PT1H30M\", \"budgetEstimate\": 10000,"
  " \"hourlyRate\": {\"amount\": 9000, \"currency\": \"USD\"},"
  " \"costRate\": {\"amount\": 4000, \"currency\": \"USD\"}}";

const char tag_json[] =
  "{\"id\": \"21s687e29ae1f428e7ebe404\", \"name\": \"Sprint1\", \"archived\": true,"
  " \"workspaceId\": \"64a687e29ae1f428e7ebe303\"}";

const char user_group_json[] =
  "{\"id\": \"76a687e29ae1f428e7ebe101\", \"name\": \"development_team\","
  " \"teamManagers\": [{\"id\": \"672323eb0024343a1585e8a7\", \"name\": \"Jane\"}],"
  " \"userIds\": [\"5a0ab5acb07987125438b60f\", \"98j4b5acb07987125437y32\"],"
  " \"workspaceId\": \"64a687e29ae1f428e7ebe303\"}";

const char custom_field_json[] =
  "{\"id\": \"44a687e29ae1f428e7ebe305\", \"name\": \"location\", \"type\": \"DROPDOWN_MULTIPLE\","
  " \"status\": \"VISIBLE\", \"entityType\": \"TIMEENTRY\","
  " \"allowedValues\": [\"New York\", \"London\", \"Manila\"], \"placeholder\": \"Location\","
  " \"description\": \"This field contains a location.\", \"required\": true,"
  " \"onlyAdminCanEdit\": true, \"projectDefaultValues\": [], \"workspaceDefaultValue\": \"Manila\","
  " \"workspaceId\": \"64a687e29ae1f428e7ebe303\"}";

const char entry_json[] =
  "{\"id\": \"64c777ddd3fcab07cfbb210c\", \"description\": \"Sprint planning\","
  " \"userId\": \"5a0ab5acb07987125438b60f\", \"workspaceId\": \"64a687e29ae1f428e7ebe303\","
  " \"projectId\": \"25b687e29ae1f428e7ebe123\", \"taskId\": \"54m377ddd3fcab07cfbb432w\","
  " \"tagIds\": [\"321r77ddd3fcab07cfbb567y\", \"44x777ddd3fcab07cfbb88f\"], \"kioskId\": null,"
  " \"billable\": true, \"isLocked\": true, \"type\": \"REGULAR\","
  " \"timeInterval\": {\"duration\": \"PT1H30M\", \"end\": \"2026-05-20T10:30:00Z\","
  "                   \"start\": \"2026-05-20T09:00:00.250Z\"},"
  " \"customFieldValues\": ["
  "   {\"customFieldId\": \"5e4117fe8c625f38930d57b7\", \"name\": \"TIN\","
  "    \"timeEntryId\": \"64c777ddd3fcab07cfbb210c\", \"type\": \"WORKSPACE\","
  "    \"value\": \"20231211-12345\"},"
  "   {\"customFieldId\": \"5e4117fe8c625f38930d57b8\", \"name\": \"Cities\","
  "    \"type\": \"DROPDOWN_MULTIPLE\", \"value\": [\"London\", \"Manila\"]},"
  "   {\"customFieldId\": \"5e4117fe8c625f38930d57b9\", \"name\": null, \"type\": \"NUMBER\","
  "    \"value\": null}],"
  " \"hourlyRate\": {\"amount\": 10500, \"currency\": \"USD\"},"
  " \"costRate\": {\"amount\": 4000, \"currency\": \"EUR\"},"
  " \"someFutureField\": {\"nested\": [1, 2, 3]}}";

const char running_entry_json[] =
  "{\"id\": \"64c777ddd3fcab07cfbb2111\", \"description\": \"\", \"userId\": \"u1\","
  " \"workspaceId\": \"w1\", \"projectId\": null, \"taskId\": \"\", \"tagIds\": null,"
  " \"kioskId\": null, \"billable\": false, \"isLocked\": false, \"type\": \"REGULAR\","
  " \"timeInterval\": {\"duration\": null, \"end\": null, \"start\": \"2026-05-20T06:00:00Z\"},"
  " \"customFieldValues\": null, \"hourlyRate\": null, \"costRate\": null}";

const char hydrated_entry_json[] =
  "{\"id\": \"64c777ddd3fcab07cfbb2112\", \"description\": \"Hydrated\", \"userId\": \"u1\","
  " \"workspaceId\": \"w1\", \"projectId\": \"p1\", \"taskId\": \"t1\","
  " \"tagIds\": [\"g1\", \"g2\"], \"billable\": true, \"isLocked\": false,"
  " \"timeInterval\": {\"start\": \"2026-05-20T06:00:00Z\", \"end\": \"2026-05-20T14:00:00Z\"},"
  " \"project\": {\"id\": \"p1\", \"name\": \"Website\", \"clientId\": \"c1\","
  "               \"clientName\": \"Acme\", \"color\": \"#FF5722\"},"
  " \"task\": {\"id\": \"t1\", \"name\": \"Design\"},"
  " \"tags\": [{\"id\": \"g1\", \"name\": \"backend\"}, {\"id\": \"g2\", \"name\": \"urgent\"}],"
  " \"user\": {\"id\": \"u1\", \"name\": \"Ada\", \"email\": \"ada@example.com\"},"
  " \"totalBillable\": 84000}";

const char report_entry_json[] =
  "{\"_id\": \"65f0c0ffee0000000000a001\", \"description\": \"Code review\","
  " \"userId\": \"u1\", \"userName\": \"Ada Lovelace\", \"userEmail\": \"ada@example.com\","
  " \"projectId\": \"p1\", \"projectName\": \"Website\", \"projectColor\": \"#03A9F4\","
  " \"clientId\": \"c1\", \"clientName\": \"Acme\", \"taskId\": \"t1\", \"taskName\": \"Reviews\","
  " \"tags\": [{\"id\": \"g1\", \"name\": \"backend\"}, {\"id\": \"g2\", \"name\": \"urgent\"}],"
  " \"billable\": true, \"isLocked\": true, \"approvalRequestId\": null, \"type\": \"REGULAR\","
  " \"timeInterval\": {\"start\": \"2024-03-01T09:00:00+01:00\","
  "                   \"end\": \"2024-03-01T10:00:00.5+01:00\", \"duration\": 3600.0},"
  " \"customFields\": [{\"customFieldId\": \"cf1\", \"name\": \"Invoice\", \"type\": \"TXT\","
  "                     \"value\": \"INV-7\"}],"
  " \"amount\": 4321.0, \"rate\": 4321.0, \"earnedAmount\": 4321.0, \"earnedRate\": 4321.0,"
  " \"costAmount\": 2000.0, \"costRate\": 2000.0, \"currency\": \"EUR\"}";

/* The other spellings: `id`, `tagIds`, `locked`, integer seconds, `earnedRate` only. */
const char report_entry_alt_json[] =
  "{\"id\": \"65f0c0ffee0000000000a002\", \"description\": null, \"userId\": \"u2\","
  " \"tagIds\": [\"g3\"], \"tags\": null, \"billable\": false, \"locked\": true,"
  " \"timeInterval\": {\"start\": \"2024-03-01T08:00:00Z\", \"end\": \"2024-03-01T08:45:00Z\","
  "                   \"duration\": 2700},"
  " \"earnedRate\": 5000, \"currency\": \"USD\", \"customFields\": null}";

JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

gpointer
parse_sample (ParseFunc   parse,
              const char *text)
{
  g_autoptr(JsonNode) node = parse_json (text);
  g_autoptr(GError) error = NULL;
  gpointer result = parse (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Every parser gives a GObject but the custom field value's, a boxed type. */
gboolean
gives_object (ParseFunc parse)
{
  return parse != PARSE_FUNC (clockify_custom_field_value_new_from_json);
}

void
free_result (ParseFunc parse,
             gpointer  result)
{
  if (result == NULL)
    return;

  if (gives_object (parse))
    g_object_unref (result);
  else
    clockify_custom_field_value_free (result);
}

void
assert_strv (const char * const *value,
             const char         *expected)
{
  g_autofree char *joined = value != NULL ? g_strjoinv (",", (GStrv) value) : NULL;

  g_assert_cmpstr (joined, ==, expected);
}
