/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-entry-stream"

#include "config.h"

#include <string.h>

#include "clockify-error.h"
#include "clockify-time-entry.h"
#include "entry-stream-test-common.h"

#include "../../benchmarks/entry-page-generator.h"

/* What the stream makes of each member of an entry, checked field by field
 * and against the json-glib models. test-entry-stream-robustness.c feeds
 * the same pages split, cut short, malformed and over the limits. */

static void
test_main_page (void)
{
  g_autoptr(GPtrArray) records = parse_ok (MAIN, main_page);
  Record *r;

  g_assert_cmpuint (records->len, ==, 4);

  r = records->pdata[0];
  g_assert_cmpstr (r->id, ==, "65f1a2b3c4d5e6f708091a2b");
  g_assert_cmpstr (r->description, ==, "Planning, \"Q2\" review\nfollow-up");
  g_assert_cmpstr (r->user_id, ==, "64b000000000000000000001");
  g_assert_cmpstr (r->project_id, ==, "64d000000000000000000001");
  g_assert_cmpstr (r->task_id, ==, "64c000000000000000000001");
  assert_strv (r->tag_ids, "64a000000000000000000001;64a000000000000000000002");
  assert_strv (r->tag_names, "");
  g_assert_true (r->billable);
  g_assert_cmpint (r->start_usec, ==, G_GINT64_CONSTANT (1709280000000000));
  g_assert_cmpint (r->end_usec, ==, G_GINT64_CONSTANT (1709285400123000));
  g_assert_cmpint (r->duration_seconds, ==, 5400);
  g_assert_true (r->has_hourly_rate);
  g_assert_cmpint (r->hourly_rate, ==, 10500);
  g_assert_cmpstr (r->hourly_rate_currency, ==, "USD");
  g_assert_true (r->has_cost_rate);
  g_assert_cmpint (r->cost_rate, ==, 4000);
  g_assert_cmpstr (r->cost_rate_currency, ==, "USD");
  g_assert_cmpstr (r->custom_fields_json, ==,
                   "[{\"customFieldId\":\"64f000000000000000000001\",\"name\":\"Invoice\","
                   "\"value\":\"INV-42\"},{\"customFieldId\":\"64f000000000000000000002\","
                   "\"name\":\"Hours\",\"value\":1.50},{\"customFieldId\":"
                   "\"64f000000000000000000003\","
                   "\"value\":[\"a\",{\"b\":[true,false,null,-1e-3]}]}]");
  g_assert_null (r->user_name);
  g_assert_null (r->project_name);
  g_assert_null (r->client_id);
  g_assert_null (r->task_name);

  /* Running; every nullable member null. */
  r = records->pdata[1];
  g_assert_cmpstr (r->description, ==, "");
  g_assert_null (r->project_id);
  g_assert_null (r->task_id);
  assert_strv (r->tag_ids, "");
  g_assert_false (r->billable);
  g_assert_cmpint (r->start_usec, ==, G_GINT64_CONSTANT (1709363700500000));
  g_assert_cmpint (r->end_usec, ==, CLOCKIFY_ENTRY_RUNNING);
  g_assert_cmpint (r->duration_seconds, ==, -1);
  g_assert_false (r->has_hourly_rate);
  g_assert_false (r->has_cost_rate);
  g_assert_null (r->hourly_rate_currency);
  g_assert_null (r->custom_fields_json);

  r = records->pdata[2];
  g_assert_cmpstr (r->description, ==,
                   "Caf\xc3\xa9 \xc3\xa9t\xc3\xa9 \xe2\x98\x95 \xf0\x9f\x98\x80 "
                   "\xf0\x9f\x8e\x89 \\ / \t|\b\f\r");
  g_assert_null (r->project_id);  /* "" is no project */
  g_assert_cmpint (r->start_usec, ==, G_GINT64_CONSTANT (1709251199000000));
  g_assert_cmpint (r->end_usec, ==, G_GINT64_CONSTANT (1709251199000000 + 93600000000));
  g_assert_cmpint (r->duration_seconds, ==, 93600);
  g_assert_cmpint (r->hourly_rate, ==, -250);
  g_assert_cmpstr (r->hourly_rate_currency, ==, "EUR");
  g_assert_true (r->has_cost_rate);
  g_assert_cmpint (r->cost_rate, ==, 0);
  g_assert_cmpstr (r->custom_fields_json, ==, "[]");

  r = records->pdata[3];
  g_assert_cmpint (r->duration_seconds, ==, 0);
  g_assert_cmpstr (r->user_name, ==, "Ana");
  g_assert_cmpstr (r->user_email, ==, "ana@example.com");
  g_assert_cmpstr (r->project_name, ==, "Website");
  g_assert_cmpstr (r->client_id, ==, "c1");
  g_assert_cmpstr (r->client_name, ==, "ACME, Inc.");
  g_assert_cmpstr (r->task_name, ==, "Design");
  assert_strv (r->tag_ids, "g1;g2");
  assert_strv (r->tag_names, "urgent;client \"A\"");
}

static void
test_report_page (void)
{
  g_autofree char *spec_report = spec_report_page ();
  const char *docs[] = { report_page, spec_report };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GPtrArray) records = parse_ok (REPORT, docs[i]);
      Record *r;

      g_assert_cmpuint (records->len, ==, 2);
      r = records->pdata[0];
      g_assert_cmpstr (r->id, ==, "66a000000000000000000001");
      g_assert_cmpstr (r->description, ==, "Design review");
      g_assert_cmpstr (r->user_id, ==, "u1");
      g_assert_cmpstr (r->user_name, ==, "Ana M\xc3\xbcller");
      g_assert_cmpstr (r->user_email, ==, "ana@example.com");
      g_assert_cmpstr (r->project_id, ==, "p1");
      g_assert_cmpstr (r->project_name, ==, "Website");
      g_assert_cmpstr (r->client_id, ==, "c1");
      g_assert_cmpstr (r->client_name, ==, "ACME, Inc.");
      g_assert_cmpstr (r->task_id, ==, "t1");
      g_assert_cmpstr (r->task_name, ==, "Design");
      assert_strv (r->tag_ids, "g1;g2");
      assert_strv (r->tag_names, "urgent;client \"A\"");
      g_assert_true (r->billable);
      g_assert_cmpint (r->start_usec, ==, G_GINT64_CONSTANT (1709280000000000));
      g_assert_cmpint (r->end_usec, ==, G_GINT64_CONSTANT (1709283600000000));
      g_assert_cmpint (r->duration_seconds, ==, 3600);
      g_assert_true (r->has_hourly_rate);
      g_assert_cmpint (r->hourly_rate, ==, 4321);
      g_assert_cmpstr (r->hourly_rate_currency, ==, "USD");
      g_assert_true (r->has_cost_rate);
      g_assert_cmpint (r->cost_rate, ==, 2000);
      g_assert_cmpstr (r->cost_rate_currency, ==, "USD");
      g_assert_cmpstr (r->custom_fields_json, ==,
                       "[{\"customFieldId\":\"f1\",\"name\":\"Ticket\",\"value\":\"T-1\"}]");

      r = records->pdata[1];
      g_assert_null (r->client_id);
      g_assert_null (r->client_name);
      g_assert_null (r->task_id);
      g_assert_null (r->task_name);
      assert_strv (r->tag_ids, "");
      g_assert_false (r->billable);
      g_assert_cmpint (r->start_usec, ==, G_GINT64_CONSTANT (1709280000250000));
      g_assert_cmpint (r->duration_seconds, ==, 5400);
      g_assert_true (r->has_hourly_rate);
      g_assert_cmpint (r->hourly_rate, ==, 0);
      g_assert_cmpint (r->cost_rate, ==, 2000);  /* 1999.5 rounds half away from zero */
      g_assert_cmpstr (r->cost_rate_currency, ==, "EUR");
      g_assert_cmpstr (r->custom_fields_json, ==, "[]");
    }
}

static void
test_durations (void)
{
  static const struct {
    ClockifyEntryStreamFormat format;
    const char *duration;
    gint64 seconds;  /* -2: refused */
  } cases[] = {
    { MAIN, "\"PT1H30M\"", 5400 }, { MAIN, "\"P1DT2H\"", 93600 }, { MAIN, "\"PT0S\"", 0 },
    { MAIN, "\"PT8H\"", 28800 }, { MAIN, "\"PT45S\"", 45 }, { MAIN, "\"P2D\"", 172800 },
    { MAIN, "\"PT1M0.5S\"", 60 }, { MAIN, "\"PT100H\"", 360000 },
    { REPORT, "3600", 3600 }, { REPORT, "3600.0", 3600 }, { REPORT, "0", 0 },
    { REPORT, "1e3", 1000 }, { REPORT, "\"PT1H\"", 3600 },
    { MAIN, "\"1H\"", -2 }, { MAIN, "\"PT\"", -2 }, { MAIN, "\"P\"", -2 },
    { MAIN, "\"PT1H30\"", -2 }, { MAIN, "\"-PT1H\"", -2 }, { MAIN, "\"P1W\"", -2 },
    { MAIN, "\"pt1h\"", -2 }, { MAIN, "\"PT1M1H\"", -2 }, { MAIN, "\"\"", -2 },
    { MAIN, "\"PT1.5H\"", -2 }, { REPORT, "3600.5", -2 }, { REPORT, "-1", -2 },
    { REPORT, "true", -2 }, { REPORT, "{}", -2 }, { REPORT, "99999999999999999999", -2 },
    /* Whole numbers with a zero fraction, read without strtod() up to 15 digits. */
    { REPORT, "3600.000", 3600 }, { REPORT, "-0.0", 0 }, { REPORT, "-5.0", -2 },
    { REPORT, "3600.01", -2 }, { REPORT, "1.0e3", 1000 }, { REPORT, "36.00E2", 3600 },
    { REPORT, "123456789012345.0", G_GINT64_CONSTANT (123456789012345) },
    { REPORT, "9007199254740993.0", G_GINT64_CONSTANT (9007199254740992) },
    { REPORT, "99999999999999999999.0", -2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "%s{\"id\":\"e1\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\","
        "\"end\":\"2024-01-01T01:00:00Z\",\"duration\":%s}}%s",
        cases[i].format == MAIN ? "[" : "{\"timeentries\":[", cases[i].duration,
        cases[i].format == MAIN ? "]" : "]}");

      if (cases[i].seconds == -2)
        {
          assert_invalid (cases[i].format, doc, "Time entry 0: “timeInterval.duration” is not");
        }
      else
        {
          g_autoptr(GPtrArray) records = parse_ok (cases[i].format, doc);
          Record *r = records->pdata[0];

          g_assert_cmpint (r->duration_seconds, ==, cases[i].seconds);
        }
    }
}

/* Report amounts are doubles in minor units: a fraction rounds half away
 * from zero, as strtod() and round() have it, however the number is read. */
static void
test_report_amounts (void)
{
  static const struct {
    const char *amount;
    gint64 minor_units;
  } cases[] = {
    { "4321.0", 4321 }, { "4321", 4321 }, { "0.0", 0 }, { "-0.0", 0 }, { "12.000", 12 },
    { "-4321.0", -4321 }, { "4321.5", 4322 }, { "-4321.5", -4322 }, { "4321.49", 4321 },
    { "43.21e2", 4321 }, { "123456789012345.0", G_GINT64_CONSTANT (123456789012345) },
    { "-123456789012345.0", G_GINT64_CONSTANT (-123456789012345) },
    { "9007199254740993.0", G_GINT64_CONSTANT (9007199254740992) },
    { "9007199254740993.00000", G_GINT64_CONSTANT (9007199254740992) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "{\"timeentries\":[{\"_id\":\"e1\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\","
        "\"end\":null,\"duration\":null},\"rate\":%s,\"costRate\":%s}]}",
        cases[i].amount, cases[i].amount);
      g_autoptr(GPtrArray) records = parse_ok (REPORT, doc);
      Record *r = records->pdata[0];

      g_assert_true (r->has_hourly_rate);
      g_assert_cmpint (r->hourly_rate, ==, cases[i].minor_units);
      g_assert_true (r->has_cost_rate);
      g_assert_cmpint (r->cost_rate, ==, cases[i].minor_units);
    }
}

/* A valid entry, then entry 1 with one member replaced. */
static void
test_wrong_types (void)
{
  static const struct {
    const char *members;
    const char *needle;
  } cases[] = {
    { "\"billable\":\"true\"", "“billable” is not a boolean (found a string)" },
    { "\"billable\":1", "“billable” is not a boolean (found a number)" },
    { "\"id\":5", "“id” is not a string (found a number)" },
    { "\"id\":null", "“id” is missing" },
    { "\"id\":\"\"", "“id” is empty" },
    { "\"id\":{\"$oid\":\"x\"}", "“id” is not a string (found an object)" },
    { "\"description\":[]", "“description” is not a string (found an array)" },
    { "\"userId\":true", "“userId” is not a string (found a boolean)" },
    { "\"timeInterval\":\"PT1H\"", "“timeInterval” is not an object (found a string)" },
    { "\"timeInterval\":null", "“timeInterval.start” is missing" },
    { "\"timeInterval\":{}", "“timeInterval.start” is missing" },
    { "\"timeInterval\":{\"start\":1709280000}",
      "“timeInterval.start” is not a timestamp (found a number)" },
    { "\"timeInterval\":{\"start\":\"yesterday\"}",
      "“timeInterval.start” is not a timestamp (found a string)" },
    /* As the models refuse them: no offset, before year 1 once it is applied. */
    { "\"timeInterval\":{\"start\":\"2024-01-01T00:00:00.5\"}",
      "“timeInterval.start” is not a timestamp (found a string)" },
    { "\"timeInterval\":{\"start\":\"0001-01-01T00:30:00+01:00\"}",
      "“timeInterval.start” is not a timestamp (found a string)" },
    { "\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":false}",
      "“timeInterval.end” is not a timestamp (found a boolean)" },
    { "\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2023-12-31T00:00:00Z\"}",
      "“timeInterval.end” is before “timeInterval.start”" },
    { "\"tagIds\":{}", "“tagIds” is not an array (found an object)" },
    { "\"tagIds\":[\"a\",1]", "“tagIds[1]” is not a string (found a number)" },
    { "\"tags\":[{\"id\":\"a\"},\"b\"]", "“tags[1]” is not an object (found a string)" },
    { "\"tags\":[{\"id\":\"a\",\"name\":7}]", "“tags[0].name” is not a string" },
    { "\"hourlyRate\":\"10500\"", "“hourlyRate” is not a rate (found a string)" },
    { "\"hourlyRate\":{\"amount\":\"100\"}",
      "“hourlyRate.amount” is not an amount (found a string)" },
    { "\"costRate\":{\"amount\":1,\"currency\":3}", "“costRate.currency” is not a string" },
    { "\"costRate\":{\"amount\":1e400}", "“costRate.amount” is not a usable amount" },
    { "\"hourlyRate\":{\"amount\":9223372036854775808}", "“hourlyRate.amount” is not a usable" },
    { "\"rate\":\"x\"", "“rate” is not an amount (found a string)" },
    { "\"customFieldValues\":{}", "“customFieldValues” is not an array (found an object)" },
    { "\"customFieldValues\":[null]", "“customFieldValues[0]” is not an object (found null)" },
    { "\"customFieldValues\":[{\"customFieldId\":\"f\"},{\"value\":1}]",
      "“customFieldValues[1].customFieldId” is missing" },
    { "\"customFields\":[{\"customFieldId\":[]}]",
      "“customFields[0].customFieldId” is not a string" },
    { "\"project\":\"p\"", "“project” is not an object (found a string)" },
    { "\"project\":{\"name\":1}", "“project.name” is not a string (found a number)" },
    { "\"user\":{\"email\":false}", "“user.email” is not a string (found a boolean)" },
    { "\"task\":{\"name\":{}}", "“task.name” is not a string (found an object)" },
    { "\"description\":\"a\\u0000b\"", "“description” contains U+0000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "[{\"id\":\"e0\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\"}},"
        "{\"id\":\"e1\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\"},%s},"
        "{\"id\":\"e2\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\"}}]",
        cases[i].members);
      g_autofree char *needle = g_strconcat ("Time entry 1: ", cases[i].needle, NULL);
      g_autoptr(GError) error = NULL;
      Collector collector;

      assert_invalid (MAIN, doc, needle);

      /* Parsing stops there: entry 0 only. */
      collector_init (&collector);
      g_assert_false (parse_chunked (MAIN, doc, strlen (doc), whole, NULL, &collector, &error));
      g_assert_cmpuint (collector.calls, ==, 1);
      collector_clear (&collector);
    }
}

/* Unknown members of every type are skipped wherever they are, including
 * known names inside unknown objects. */
static void
test_skip_unknown (void)
{
  static const char doc[] =
    "{\"x\":{\"timeentries\":[{\"id\":\"WRONG\"}]},\"totals\":[[[[]]],{\"a\":{\"b\":[1,2.5e-3,"
    "\"s\\\"]}\",true,false,null]}}],\"timeentries\":[{\"meta\":{\"id\":\"WRONG\","
    "\"timeInterval\":{\"start\":\"bad\"},\"tags\":[{\"id\":1}]},\"\\u005fid\":\"e1\","
    "\"id\\u0000\":\"WRONG\",\"ids\":[\"WRONG\"],\"iD\":\"WRONG\",\"empty\":{},\"list\":[],"
    "\"timeInterval\":{\"zonedStart\":{\"x\":[]},\"start\":\"2024-01-01T00:00:00Z\","
    "\"offsetStart\":-60,\"end\":\"2024-01-01T00:00:01Z\",\"more\":[{\"end\":\"bad\"}]},"
    "\"tags\":[{\"archived\":{\"id\":\"WRONG\"},\"id\":\"g1\",\"workspaceId\":[\"name\"],"
    "\"name\":\"n1\"}],\"customFields\":[{\"customFieldId\":\"f1\",\"type\":{\"value\":\"WRONG\"},"
    "\"value\":{\"k\":[{\"\":\"\\u0000\\\"\\n\\u001f\\u00e9\"}],\"n\":-0.0E+1}}],"
    "\"hourlyRate\":{\"since\":{\"amount\":1},\"amount\":7}}],\"tail\":\"\\ud83d\\ude00\"}";
  g_autoptr(GPtrArray) records = parse_ok (REPORT, doc);
  Record *r;

  g_assert_cmpuint (records->len, ==, 1);
  r = records->pdata[0];
  g_assert_cmpstr (r->id, ==, "e1");
  g_assert_cmpint (r->duration_seconds, ==, 1);
  assert_strv (r->tag_ids, "g1");
  assert_strv (r->tag_names, "n1");
  g_assert_cmpint (r->hourly_rate, ==, 7);
  g_assert_cmpstr (r->custom_fields_json, ==,
                   "[{\"customFieldId\":\"f1\",\"value\":{\"k\":[{\"\":\"\\u0000\\\"\\n\\u001f"
                   "\xc3\xa9\"}],\"n\":-0.0E+1}}]");
}

/* Cross-check against the json-glib models on the same documents. */

static void
assert_same_as_model (Record            *r,
                      ClockifyTimeEntry *model)
{
  const char * const *names = clockify_time_entry_get_tag_names (model);
  GPtrArray *fields = clockify_time_entry_get_custom_field_values (model);
  GDateTime *end = clockify_time_entry_get_end (model);
  GDateTime *start = clockify_time_entry_get_start (model);

  g_assert_cmpstr (r->id, ==, clockify_time_entry_get_id (model));
  g_assert_cmpstr (r->description, ==, clockify_time_entry_get_description (model));
  g_assert_cmpstr (r->user_id, ==, clockify_time_entry_get_user_id (model));
  g_assert_cmpstr (r->user_name, ==, clockify_time_entry_get_user_name (model));
  g_assert_cmpstr (r->user_email, ==, clockify_time_entry_get_user_email (model));
  g_assert_cmpstr (r->project_id, ==, clockify_time_entry_get_project_id (model));
  g_assert_cmpstr (r->project_name, ==, clockify_time_entry_get_project_name (model));
  g_assert_cmpstr (r->client_id, ==, clockify_time_entry_get_client_id (model));
  g_assert_cmpstr (r->client_name, ==, clockify_time_entry_get_client_name (model));
  g_assert_cmpstr (r->task_id, ==, clockify_time_entry_get_task_id (model));
  g_assert_cmpstr (r->task_name, ==, clockify_time_entry_get_task_name (model));
  g_assert_cmpstrv (r->tag_ids, clockify_time_entry_get_tag_ids (model));
  if (names != NULL)
    g_assert_cmpstrv (r->tag_names, names);
  else
    g_assert_null (r->tag_names[0]);
  g_assert_cmpint (r->billable, ==, clockify_time_entry_get_billable (model));
  g_assert_cmpint (r->start_usec, ==, g_date_time_to_unix (start) * G_USEC_PER_SEC
                                      + g_date_time_get_microsecond (start));
  if (end == NULL)
    g_assert_cmpint (r->end_usec, ==, CLOCKIFY_ENTRY_RUNNING);
  else
    g_assert_cmpint (r->end_usec, ==, g_date_time_to_unix (end) * G_USEC_PER_SEC
                                      + g_date_time_get_microsecond (end));
  g_assert_cmpint (r->duration_seconds, ==, clockify_time_entry_get_duration_seconds (model));
  g_assert_cmpint (r->hourly_rate, ==, clockify_time_entry_get_hourly_rate (model));
  g_assert_cmpint (r->cost_rate, ==, clockify_time_entry_get_cost_rate (model));
  g_assert_cmpstr (r->hourly_rate_currency, ==,
                   clockify_time_entry_get_hourly_rate_currency (model));
  g_assert_cmpstr (r->cost_rate_currency, ==, clockify_time_entry_get_cost_rate_currency (model));

  if (r->custom_fields_json == NULL)
    {
      g_assert_cmpuint (fields->len, ==, 0);
    }
  else
    {
      g_autoptr(JsonNode) ours = json_from_string (r->custom_fields_json, NULL);
      JsonArray *array;

      g_assert_nonnull (ours);
      array = json_node_get_array (ours);
      g_assert_cmpuint (json_array_get_length (array), ==, fields->len);
      for (guint i = 0; i < fields->len; i++)
        {
          JsonObject *field = json_array_get_object_element (array, i);
          JsonNode *name = json_object_get_member (field, "name");

          g_assert_cmpstr (json_object_get_string_member (field, "customFieldId"), ==,
                           clockify_custom_field_value_get_custom_field_id (fields->pdata[i]));
          g_assert_cmpstr (name ? json_node_get_string (name) : NULL, ==,
                           clockify_custom_field_value_get_name (fields->pdata[i]));
          JsonNode *value = clockify_custom_field_value_get_value (fields->pdata[i]);

          g_assert_true (json_node_equal (json_object_get_member (field, "value"), value));
        }
    }
}

static void
assert_models_agree (ClockifyEntryStreamFormat  format,
                     const char                *doc)
{
  g_autoptr(GPtrArray) records = parse_ok (format, doc);
  g_autoptr(JsonNode) root = json_from_string (doc, NULL);
  JsonArray *entries;

  g_assert_nonnull (root);
  if (format == MAIN)
    {
      entries = json_node_get_array (root);
    }
  else
    {
      JsonObject *report = json_node_get_object (root);

      entries = json_object_has_member (report, "timeentries")
                ? json_object_get_array_member (report, "timeentries")
                : json_object_get_array_member (report, "timeEntries");
    }

  g_assert_cmpuint (json_array_get_length (entries), ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_array_get_element (entries, i);
      g_autoptr(ClockifyTimeEntry) model = format == MAIN
        ? clockify_time_entry_new_from_json (node, &error)
        : clockify_time_entry_new_from_report_json (node, &error);

      g_assert_no_error (error);
      assert_same_as_model (records->pdata[i], model);
    }
}

static void
test_models (void)
{
  g_autofree char *spec_report = spec_report_page ();

  assert_models_agree (MAIN, main_page);
  assert_models_agree (REPORT, report_page);
  assert_models_agree (REPORT, spec_report);

  for (guint kind = 0; kind < 4; kind++)
    {
      g_autoptr(GString) doc = g_string_new (NULL);

      if (kind < 2)
        page_generate_main (doc, 100 + kind, 5000, 1500, kind == 1);
      else
        page_generate_report (doc, 100 + kind, 0, 1000, kind == 3);
      assert_models_agree (kind < 2 ? MAIN : REPORT, doc->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/entry-stream/main-page", test_main_page);
  g_test_add_func ("/clockify/entry-stream/report-page", test_report_page);
  g_test_add_func ("/clockify/entry-stream/durations", test_durations);
  g_test_add_func ("/clockify/entry-stream/report-amounts", test_report_amounts);
  g_test_add_func ("/clockify/entry-stream/wrong-types", test_wrong_types);
  g_test_add_func ("/clockify/entry-stream/skip-unknown", test_skip_unknown);
  g_test_add_func ("/clockify/entry-stream/models", test_models);

  return g_test_run ();
}
