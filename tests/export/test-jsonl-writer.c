/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-jsonl"

#include "config.h"

#include "timecard-export-jsonl.h"

#include <json-glib/json-glib.h>

#include "export-test-util.h"

/* Derived by hand from the records in export-test-util.c, in Europe/Berlin. */
static const char expected_time_entries[] =
  "{\"id\":\"e1\",\"description\":\"Plain entry\",\"user_id\":\"u1\",\"user_name\":\"Ada Lovelace\","
  "\"user_email\":\"ada@example.com\",\"project_id\":\"p1\",\"project_name\":\"Website\","
  "\"client_id\":\"c1\",\"client_name\":\"Acme, Inc.\",\"task_id\":\"t1\",\"task_name\":\"Design\","
  "\"tag_ids\":[\"g1\",\"g2\"],\"tag_names\":[\"urgent\",\"needs review\"],\"billable\":true,"
  "\"start_utc\":\"2024-03-01T08:00:00Z\",\"end_utc\":\"2024-03-01T09:30:00Z\","
  "\"start_local\":\"2024-03-01T09:00:00+01:00\",\"end_local\":\"2024-03-01T10:30:00+01:00\","
  "\"duration_seconds\":5400,\"hourly_rate\":43.21,\"cost_rate\":25.00,\"currency\":\"EUR\","
  "\"custom_fields\":{\"Ticket\":\"ABC-1\",\"Hours estimate\":2.5}}\n"
  "{\"id\":\"e2\",\"description\":\"Fix \\\"login\\\", then\\nrest\",\"user_id\":\"u2\","
  "\"user_name\":\"Zoë Ångström\",\"user_email\":\"zoe@example.org\",\"project_id\":\"p2\","
  "\"project_name\":\"Café \\\"Bar\\\"\",\"client_id\":null,\"client_name\":null,\"task_id\":null,"
  "\"task_name\":null,\"tag_ids\":[\"g3\"],\"tag_names\":[\"Ünïcode tag\"],\"billable\":false,"
  "\"start_utc\":\"2024-03-31T00:30:00Z\",\"end_utc\":null,\"start_local\":\"2024-03-31T01:30:00+01:00\","
  "\"end_local\":null,\"duration_seconds\":null,\"hourly_rate\":-0.05,"
  "\"cost_rate\":92233720368547758.07,\"currency\":\"USD\","
  "\"custom_fields\":{\"Legacy\":null,\"Reviewed\":true}}\n"
  "{\"id\":\"e3\",\"description\":\"\",\"user_id\":\"u1\",\"user_name\":\"Ada Lovelace\","
  "\"user_email\":\"ada@example.com\",\"project_id\":null,\"project_name\":null,\"client_id\":null,"
  "\"client_name\":null,\"task_id\":null,\"task_name\":null,\"tag_ids\":[],\"tag_names\":[],"
  "\"billable\":false,\"start_utc\":\"2024-03-31T01:00:00Z\",\"end_utc\":\"2024-03-31T02:15:30Z\","
  "\"start_local\":\"2024-03-31T03:00:00+02:00\",\"end_local\":\"2024-03-31T04:15:30+02:00\","
  "\"duration_seconds\":4530,\"hourly_rate\":null,\"cost_rate\":null,\"currency\":null,"
  "\"custom_fields\":{}}\n"
  "{\"id\":\"e4\",\"description\":null,\"user_id\":\"u404\",\"user_name\":null,\"user_email\":null,"
  "\"project_id\":\"p1\",\"project_name\":\"Website\",\"client_id\":\"c1\",\"client_name\":\"Acme, Inc.\","
  "\"task_id\":\"t9\",\"task_name\":\"Deleted task\",\"tag_ids\":[\"g1\",\"g404\"],"
  "\"tag_names\":[\"urgent\",null],\"billable\":true,\"start_utc\":\"2024-10-27T00:59:59Z\","
  "\"end_utc\":\"2024-10-27T01:00:01Z\",\"start_local\":\"2024-10-27T02:59:59+02:00\","
  "\"end_local\":\"2024-10-27T02:00:01+01:00\",\"duration_seconds\":2,"
  "\"hourly_rate\":-92233720368547758.08,\"cost_rate\":null,\"currency\":\"EUR\","
  "\"custom_fields\":{\"Ticket\":\"He said \\\"hi\\\"\\nbye\",\"Multi\":[1,\"a\",{\"k\":\"v\"}],"
  "\"cf77\":-3e2,\"Hours estimate\":false}}\n"
  "{\"id\":\"e5\",\"description\":\"a\\rb, trailing space \",\"user_id\":\"u2\","
  "\"user_name\":\"Zoë Ångström\",\"user_email\":\"zoe@example.org\",\"project_id\":null,"
  "\"project_name\":null,\"client_id\":null,\"client_name\":null,\"task_id\":null,\"task_name\":null,"
  "\"tag_ids\":[],\"tag_names\":[],\"billable\":true,\"start_utc\":\"1999-12-31T23:59:59Z\","
  "\"end_utc\":\"2000-01-01T00:00:00Z\",\"start_local\":\"2000-01-01T00:59:59+01:00\","
  "\"end_local\":\"2000-01-01T01:00:00+01:00\",\"duration_seconds\":1,\"hourly_rate\":0.00,"
  "\"cost_rate\":1.00,\"currency\":\"EUR\",\"custom_fields\":{}}\n";

static const char expected_tasks[] =
  "{\"id\":\"t1\",\"name\":\"Design\",\"project_id\":\"p1\",\"status\":\"ACTIVE\",\"billable\":true,"
  "\"assignee_ids\":[\"u1\"],\"user_group_ids\":[],\"estimate_seconds\":7200,\"duration_seconds\":0,"
  "\"hourly_rate\":null,\"cost_rate\":-1.50,\"currency\":\"EUR\"}\n";

static const char expected_workspace[] =
  "{\"id\":\"w1\",\"name\":\"Acme, \\\"Workspace\\\"\",\"plan\":\"PRO_YEAR\",\"currency\":\"EUR\","
  "\"hourly_rate\":50.00,\"subdomain\":null}\n";

static TimecardExportWriter *
new_writer (const char *path,
            GTimeZone  *zone)
{
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();

  return timecard_export_jsonl_writer_new (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE, zone, lookup);
}

static char *
write_export (const char *dir,
              const char *name,
              GTimeZone  *zone)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(TimecardExportWriter) writer = new_writer (path, zone);

  export_test_write_all (writer);
  return path;
}

static char *
read_entity (const char *path,
             const char *file)
{
  g_autofree char *full = g_build_filename (path, file, NULL);

  return export_test_read (full);
}

static void
test_exact (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();
  g_autofree char *path = write_export (dir, "out", zone);
  g_autofree char *time_entries = read_entity (path, "time_entries.jsonl");
  g_autofree char *tasks = read_entity (path, "tasks.jsonl");
  g_autofree char *workspace = read_entity (path, "workspace.jsonl");
  g_autofree char *listing = export_test_list_dir (path);

  g_assert_cmpstr (time_entries, ==, expected_time_entries);
  g_assert_cmpstr (tasks, ==, expected_tasks);
  g_assert_cmpstr (workspace, ==, expected_workspace);
  g_assert_cmpstr (listing, ==,
                   ".timecard-export clients.jsonl custom_fields.jsonl projects.jsonl tags.jsonl "
                   "tasks.jsonl time_entries.jsonl user_groups.jsonl users.jsonl workspace.jsonl");
}

static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
assert_member_type (JsonObject *object,
                    const char *name,
                    GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (type == G_TYPE_NONE)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else if (type == JSON_TYPE_ARRAY)
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  else if (type == JSON_TYPE_OBJECT)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  else
    {
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_true (json_node_get_value_type (node) == type);
    }
}

/* Parses every line with json-glib and checks keys, types and values
 * against the records. */
static void
test_parse (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();
  g_autofree char *path = write_export (dir, "out", zone);
  g_autofree char *contents = read_entity (path, "time_entries.jsonl");
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  const ClockifyEntryRecord *records;
  guint n_records;

  records = export_test_records (&n_records);
  g_assert_null (strchr (contents, '\r'));
  g_assert_cmpuint (g_strv_length (lines), ==, n_records + 1);
  g_assert_cmpstr (lines[n_records], ==, "");

  for (guint r = 0; r < n_records; r++)
    {
      const ClockifyEntryRecord *record = &records[r];
      g_autoptr(JsonObject) object = parse_line (lines[r]);
      g_autoptr(GList) members = json_object_get_members (object);
      JsonArray *tag_ids;
      guint i = 0;

      /* The CSV header's keys, in its order. */
      g_assert_cmpuint (g_list_length (members), ==, info->n_columns);
      for (GList *l = members; l != NULL; l = l->next, i++)
        g_assert_cmpstr (l->data, ==, info->columns[i].name);

      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, record->id);
      if (record->description != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "description"), ==, record->description);
      else
        assert_member_type (object, "description", G_TYPE_NONE);

      assert_member_type (object, "billable", G_TYPE_BOOLEAN);
      g_assert_true (json_object_get_boolean_member (object, "billable") == record->billable);
      assert_member_type (object, "custom_fields", JSON_TYPE_OBJECT);

      tag_ids = json_object_get_array_member (object, "tag_ids");
      g_assert_nonnull (tag_ids);
      g_assert_cmpuint (json_array_get_length (tag_ids), ==, record->n_tag_ids);
      for (guint t = 0; t < record->n_tag_ids; t++)
        g_assert_cmpstr (json_array_get_string_element (tag_ids, t), ==, record->tag_ids[t]);

      if (record->end_usec == CLOCKIFY_ENTRY_RUNNING)
        {
          assert_member_type (object, "end_utc", G_TYPE_NONE);
          assert_member_type (object, "end_local", G_TYPE_NONE);
          assert_member_type (object, "duration_seconds", G_TYPE_NONE);
        }
      else
        {
          assert_member_type (object, "duration_seconds", G_TYPE_INT64);
          g_assert_cmpint (json_object_get_int_member (object, "duration_seconds"), ==,
                           record->duration_seconds);
        }

      if (record->has_hourly_rate)
        {
          /* A number: json-glib reads "0.00" and "43.21" as doubles. */
          assert_member_type (object, "hourly_rate", G_TYPE_DOUBLE);
          g_assert_cmpfloat (json_object_get_double_member (object, "hourly_rate"), ==,
                             (double) record->hourly_rate / 100.0);
        }
      else
        assert_member_type (object, "hourly_rate", G_TYPE_NONE);
    }

  /* Custom field values keep their JSON types. */
  {
    g_autoptr(JsonObject) object = parse_line (lines[3]);
    JsonObject *fields = json_object_get_object_member (object, "custom_fields");
    JsonArray *multi = json_object_get_array_member (fields, "Multi");
    JsonArray *tag_names = json_object_get_array_member (object, "tag_names");

    g_assert_cmpstr (json_object_get_string_member (fields, "Ticket"), ==, "He said \"hi\"\nbye");
    g_assert_cmpuint (json_array_get_length (multi), ==, 3);
    g_assert_cmpint (json_array_get_int_element (multi, 0), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (multi, 1), ==, "a");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (multi, 2), "k"), ==, "v");
    g_assert_cmpfloat (json_object_get_double_member (fields, "cf77"), ==, -300.0);
    g_assert_false (json_object_get_boolean_member (fields, "Hours estimate"));
    g_assert_true (json_array_get_null_element (tag_names, 1));
  }
  {
    g_autoptr(JsonObject) object = parse_line (lines[1]);
    JsonObject *fields = json_object_get_object_member (object, "custom_fields");

    g_assert_true (json_object_get_null_member (fields, "Legacy"));
    g_assert_true (json_object_get_boolean_member (fields, "Reviewed"));
    /* The exact text of the largest amount is in the line. */
    g_assert_nonnull (strstr (lines[1], "\"cost_rate\":92233720368547758.07,"));
  }
}

static void
test_local_times (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autofree char *path = write_export (dir, "out", kolkata);
  g_autofree char *contents = read_entity (path, "time_entries.jsonl");
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  static const char * const expected[][2] = {
    { "2024-03-01T13:30:00+05:30", "2024-03-01T15:00:00+05:30" },
    { "2024-03-31T06:00:00+05:30", NULL },
    { "2024-03-31T06:30:00+05:30", "2024-03-31T07:45:30+05:30" },
    { "2024-10-27T06:29:59+05:30", "2024-10-27T06:30:01+05:30" },
    { "2000-01-01T05:29:59+05:30", "2000-01-01T05:30:00+05:30" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      g_autoptr(JsonObject) object = parse_line (lines[r]);

      g_assert_cmpstr (json_object_get_string_member (object, "start_local"), ==, expected[r][0]);
      if (expected[r][1] != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "end_local"), ==, expected[r][1]);
      else
        g_assert_true (json_object_get_null_member (object, "end_local"));
    }
}

static void
test_small_entities (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();
  g_autofree char *path = write_export (dir, "out", zone);

  for (guint e = 0; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    {
      const TimecardExportEntityInfo *info = timecard_export_entity_get_info (e);
      g_autofree char *name = g_strdup_printf ("%s.jsonl", info->name);
      g_autofree char *contents = read_entity (path, name);
      g_autoptr(GPtrArray) items = export_test_items (e);
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), ==, items->len + 1);
      for (guint i = 0; i < items->len; i++)
        {
          g_autoptr(JsonObject) object = parse_line (lines[i]);
          const char *id = NULL;

          g_object_get (items->pdata[i], "id", &id, NULL);
          g_assert_cmpuint (json_object_get_size (object), ==, info->n_columns);
          g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
          g_free ((char *) id);
        }
    }

  {
    g_autofree char *contents = read_entity (path, "custom_fields.jsonl");
    g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
    g_autoptr(JsonObject) object = parse_line (lines[2]);
    JsonArray *allowed = json_object_get_array_member (object, "allowed_values");

    /* Lists are arrays here, so a ';' in a value is no ambiguity. */
    g_assert_cmpuint (json_array_get_length (allowed), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (allowed, 0), ==, "a;b");
    g_assert_true (json_object_get_boolean_member (object, "only_admin_can_edit"));
  }
}

/* A JSON Lines export may replace a CSV export at the same path; an
 * aborted one leaves it as it was. */
static void
test_replace_other_format (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();
  g_autoptr(TimecardExportWriter) csv = timecard_export_csv_writer_new (path, 0, zone, lookup);
  g_autoptr(TimecardExportWriter) aborted = new_writer (path, zone);
  g_autoptr(TimecardExportWriter) jsonl = new_writer (path, zone);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  const ClockifyEntryRecord *records;
  guint n_records;

  records = export_test_records (&n_records);
  export_test_write_all (csv);
  before = export_test_snapshot (path);

  timecard_export_writer_open (aborted, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (aborted, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  timecard_export_writer_write_entry (aborted, &records[0], &error);
  g_assert_no_error (error);
  timecard_export_writer_abort (aborted);
  after = export_test_snapshot (path);
  g_assert_cmpstr (after, ==, before);

  timecard_export_writer_open (jsonl, &error);
  g_assert_no_error (error);
  export_test_write_entries (jsonl, records, n_records, &error);
  timecard_export_writer_finish (jsonl, &error);
  g_assert_no_error (error);

  listing = export_test_list_dir (path);
  g_assert_cmpstr (listing, ==, ".timecard-export time_entries.jsonl");
  g_clear_pointer (&listing, g_free);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/jsonl/exact", test_exact);
  g_test_add_func ("/export/jsonl/parse", test_parse);
  g_test_add_func ("/export/jsonl/local-times", test_local_times);
  g_test_add_func ("/export/jsonl/small-entities", test_small_entities);
  g_test_add_func ("/export/jsonl/replace-other-format", test_replace_other_format);

  return g_test_run ();
}
