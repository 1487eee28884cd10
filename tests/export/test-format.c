/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-format"

#include "config.h"

#include "timecard-export-format.h"
#include "timecard-export-row.h"

#include "export-test-util.h"

#define S(x) (G_GINT64_CONSTANT (x) * G_USEC_PER_SEC)

static void
test_money (void)
{
  static const struct {
    gint64      minor_units;
    const char *text;
  } cases[] = {
    { 4321, "43.21" },
    { 0, "0.00" },
    { 7, "0.07" },
    { 100, "1.00" },
    { -5, "-0.05" },
    { -100, "-1.00" },
    { -4321, "-43.21" },
    { 123456789012345, "1234567890123.45" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[TIMECARD_EXPORT_MONEY_MAX];
      gsize length = timecard_export_format_money (buf, cases[i].minor_units);

      g_assert_cmpstr (buf, ==, cases[i].text);
      g_assert_cmpuint (length, ==, strlen (cases[i].text));
    }
}

static void
test_integer (void)
{
  char buf[TIMECARD_EXPORT_MONEY_MAX];

  timecard_export_format_integer (buf, 0);
  g_assert_cmpstr (buf, ==, "0");
  timecard_export_format_integer (buf, -42);
  g_assert_cmpstr (buf, ==, "-42");
  timecard_export_format_integer (buf, G_MAXINT64);
  g_assert_cmpstr (buf, ==, "9223372036854775807");
  timecard_export_format_integer (buf, G_MININT64);
  g_assert_cmpstr (buf, ==, "-9223372036854775808");
}

static void
test_utc (void)
{
  static const struct {
    gint64      usec;
    const char *text;
  } cases[] = {
    { 0, "1970-01-01T00:00:00Z" },
    { S (1709280000), "2024-03-01T08:00:00Z" },
    { S (1709280000) + 999999, "2024-03-01T08:00:00Z" },
    { -1, "1969-12-31T23:59:59Z" },
    { S (951782400), "2000-02-29T00:00:00Z" },
    { S (253402300799), "9999-12-31T23:59:59Z" },
    { S (253402300800), "+10000-01-01T00:00:00Z" },
    { S (-62167219200), "0000-01-01T00:00:00Z" },
    { S (-62167219201), "-0001-12-31T23:59:59Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[TIMECARD_EXPORT_INSTANT_MAX];

      timecard_export_format_utc (buf, cases[i].usec);
      g_assert_cmpstr (buf, ==, cases[i].text);
    }
}

static void
check_local (const char *zone_id,
             gint64      seconds,
             const char *expected)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  char buf[TIMECARD_EXPORT_INSTANT_MAX];

  g_assert_nonnull (zone);
  timecard_export_format_local (buf, seconds * G_USEC_PER_SEC, zone);
  g_assert_cmpstr (buf, ==, expected);
}

static void
test_local_berlin_dst (void)
{
  /* 2024-03-31: 02:00 CET becomes 03:00 CEST at 01:00 UTC. */
  check_local ("Europe/Berlin", 1711846799, "2024-03-31T01:59:59+01:00");
  check_local ("Europe/Berlin", 1711846800, "2024-03-31T03:00:00+02:00");
  /* 2024-10-27: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:xx twice. */
  check_local ("Europe/Berlin", 1729990799, "2024-10-27T02:59:59+02:00");
  check_local ("Europe/Berlin", 1729990800, "2024-10-27T02:00:00+01:00");
  check_local ("Europe/Berlin", 1729990801, "2024-10-27T02:00:01+01:00");
  check_local ("Europe/Berlin", 1709280000, "2024-03-01T09:00:00+01:00");
  check_local ("Europe/Berlin", 1719835200, "2024-07-01T14:00:00+02:00");
}

static void
test_local_fractional (void)
{
  check_local ("Asia/Kolkata", 1709280000, "2024-03-01T13:30:00+05:30");
  check_local ("Asia/Kolkata", 1709317800, "2024-03-02T00:00:00+05:30");
  check_local ("Asia/Kathmandu", 1709280000, "2024-03-01T13:45:00+05:45");
  /* St. John's: -03:30 in winter, -02:30 in summer (from 2024-03-10 05:30 UTC). */
  check_local ("America/St_Johns", 1710048599, "2024-03-10T01:59:59-03:30");
  check_local ("America/St_Johns", 1710048600, "2024-03-10T03:00:00-02:30");
  check_local ("UTC", 1709280000, "2024-03-01T08:00:00+00:00");
}

/* GDateTime's own wall-clock time and offset for @seconds in @zone. */
static char *
glib_local (GTimeZone *zone,
            gint64     seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  gint64 offset = g_date_time_get_utc_offset (local) / G_USEC_PER_SEC;
  g_autofree char *wall = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
  guint magnitude = ABS (offset);

  if (magnitude % 60 != 0)
    return g_strdup_printf ("%s%c%02u:%02u:%02u", wall, offset < 0 ? '-' : '+',
                            magnitude / 3600, magnitude / 60 % 60, magnitude % 60);
  return g_strdup_printf ("%s%c%02u:%02u", wall, offset < 0 ? '-' : '+',
                          magnitude / 3600, magnitude / 60 % 60);
}

static void
check_zone (TimecardExportZone *cache,
            gint64              seconds)
{
  GTimeZone *zone = timecard_export_zone_get_time_zone (cache);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *expected = glib_local (zone, seconds);
  char buf[TIMECARD_EXPORT_INSTANT_MAX];

  g_assert_cmpint (timecard_export_zone_get_offset (cache, seconds), ==,
                   g_date_time_get_utc_offset (local) / G_USEC_PER_SEC);
  timecard_export_format_local_in (buf, seconds * G_USEC_PER_SEC + 999999, cache);
  g_assert_cmpstr (buf, ==, expected);
}

/* Adds the seconds around each change of @zone's offset from @from to @to,
 * found with GLib alone, and a day either side of it. */
static guint
add_transitions (GTimeZone *zone,
                 gint64     from,
                 gint64     to,
                 GArray    *instants)
{
  guint n_transitions = 0;

  for (gint64 t = from; t < to; t += 900)
    {
      int before = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
      int after = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t + 900);

      if (g_time_zone_get_offset (zone, before) == g_time_zone_get_offset (zone, after))
        continue;

      n_transitions++;
      for (gint64 s = t + 1; s <= t + 900; s++)
        if (g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, s) != before)
          {
            for (gint64 near = s - 3; near <= s + 3; near++)
              g_array_append_val (instants, near);
            break;
          }
      for (gint64 s = t - 86400; s <= t + 86400; s += 3599)
        g_array_append_val (instants, s);
    }

  return n_transitions;
}

/* The cached offsets against GDateTime's around the transitions of 1968 and
 * 1969 (spans round down before 1970) and of 2023 to 2025: in order,
 * backwards and shuffled, so that spans are filled from either side and
 * evicted. */
static void
test_zone_cache (void)
{
  static const char * const zones[] = {
    "Europe/Berlin", "America/New_York", "America/St_Johns", "Australia/Lord_Howe",
    "Europe/Dublin", "Asia/Kolkata", "UTC",
    /* Two changes in one 18-hour span: summer time for ten hours. */
    "AAA3BBB,J100/0,J100/10",
  };
  gint64 from = 1672531200, to = 1767225600;  /* 2023-01-01, 2026-01-01 */

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
      g_autoptr(TimecardExportZone) cache = NULL;
      g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GRand) rand = g_rand_new_with_seed (z + 1);
      guint n_transitions;

      g_assert_nonnull (zone);
      cache = timecard_export_zone_new (zone);

      n_transitions = add_transitions (zone, -63158400, 0, instants) +
                      add_transitions (zone, from, to, instants);
      if (!g_str_equal (zones[z], "UTC") && !g_str_equal (zones[z], "Asia/Kolkata"))
        g_assert_cmpuint (n_transitions, >=, 6);

      for (guint i = 0; i < instants->len; i++)
        check_zone (cache, g_array_index (instants, gint64, i));
      for (guint i = instants->len; i-- > 0;)
        check_zone (cache, g_array_index (instants, gint64, i));
      for (guint i = 0; i < 5000; i++)
        check_zone (cache, g_rand_int_range (rand, 0, 2) && instants->len > 0
                           ? g_array_index (instants, gint64, g_rand_int_range (rand, 0, instants->len))
                           : from + (gint64) (g_rand_double (rand) * (to - from)));
      for (gint64 s = -200000; s <= 200000; s += 4999)
        check_zone (cache, s);
      check_zone (cache, -2208988800);  /* 1900 */
    }
}

static void
check_custom_fields (TimecardExportLookup *lookup,
                     const char           *input,
                     const char           *expected)
{
  g_autoptr(GString) out = g_string_new ("prefix:");
  g_autoptr(GError) error = NULL;

  g_assert_true (timecard_export_custom_fields_to_json (input, lookup, out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str + strlen ("prefix:"), ==, expected);
}

static void
test_custom_fields (void)
{
  g_autoptr(TimecardExportLookup) lookup = timecard_export_lookup_new ();

  timecard_export_lookup_add_custom_field (lookup, "cf1", "Ticket");
  timecard_export_lookup_add_custom_field (lookup, "cf2", "Ticket");
  timecard_export_lookup_add_custom_field (lookup, "cf3", "Emoji 😀 \"quoted\"");

  check_custom_fields (lookup, NULL, "{}");
  check_custom_fields (lookup, "null", "{}");
  check_custom_fields (lookup, " [ ] ", "{}");
  /* Definitions win over the name in the value, which wins over the id. */
  check_custom_fields (lookup, "[{\"customFieldId\":\"cf1\",\"name\":\"Old\",\"value\":\"A\"}]",
                       "{\"Ticket\":\"A\"}");
  check_custom_fields (lookup, "[{\"customFieldId\":\"cf9\",\"name\":\"Old\",\"value\":1}]",
                       "{\"Old\":1}");
  check_custom_fields (lookup, "[{\"customFieldId\":\"cf9\",\"value\":1}]", "{\"cf9\":1}");
  check_custom_fields (lookup, "[{\"value\":1}]", "{}");
  check_custom_fields (lookup, "[{\"customFieldId\":\"cf9\"}]", "{\"cf9\":null}");
  /* Two fields named alike: the second is keyed by its id. */
  check_custom_fields (lookup, "[{\"customFieldId\":\"cf1\",\"value\":1},{\"customFieldId\":\"cf2\",\"value\":2}]",
                       "{\"Ticket\":1,\"cf2\":2}");
  /* Names are escaped; values keep their type and lose their whitespace;
   * members in any order; unknown members skipped; escapes decoded. */
  check_custom_fields (lookup,
                       "[ {\"value\" : { \"a\" : [ 1 , 2.5e-3 , true , null ] } ,\n"
                       "   \"type\":\"X\", \"extra\": {\"x\": [\"]\"]}, \"customFieldId\" : \"cf3\" },"
                       "  null,"
                       "  {\"customFieldId\":\"c\\u0066\\ud83d\\ude00\",\"value\":\"line\\nnext \\\"q\\\" \\u00e9\"} ]",
                       "{\"Emoji 😀 \\\"quoted\\\"\":{\"a\":[1,2.5e-3,true,null]},"
                       "\"cf😀\":\"line\\nnext \\\"q\\\" \\u00e9\"}");
}

/* One scratch from entry to entry: what one entry used does not leak into
 * the next (its keys, its values). */
static void
test_custom_fields_scratch (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "[{\"customFieldId\":\"f1\",\"name\":\"Ticket\",\"value\":\"T-1\"},"
      "{\"customFieldId\":\"f2\",\"name\":\"Ticket\",\"value\":2}]",
      "{\"Ticket\":\"T-1\",\"f2\":2}" },
    { "[{\"customFieldId\":\"f2\",\"name\":\"Ticket\",\"value\":3}]", "{\"Ticket\":3}" },
    { "[{\"customFieldId\":\"f3\",\"name\":\"Phase\"}]", "{\"Phase\":null}" },
    { "[]", "{}" },
    { "[{\"customFieldId\":\"f1\",\"value\":[1,{\"a\":null}]}]", "{\"f1\":[1,{\"a\":null}]}" },
    { "[{\"name\":\"Ticket\",\"value\":true},{\"name\":\"Ticket\",\"value\":false}]",
      "{\"Ticket\":true}" },
  };
  TimecardExportFieldsScratch *scratch = timecard_export_fields_scratch_new ();

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GString) out = g_string_new (NULL);
        g_autoptr(GString) alone = g_string_new (NULL);

        g_assert_true (timecard_export_custom_fields_to_json_with (cases[i].input, NULL, scratch, out, NULL));
        g_assert_cmpstr (out->str, ==, cases[i].expected);
        g_assert_true (timecard_export_custom_fields_to_json (cases[i].input, NULL, alone, NULL));
        g_assert_cmpstr (alone->str, ==, out->str);
      }

  timecard_export_fields_scratch_free (scratch);
}

static void
test_custom_fields_invalid (void)
{
  static const char * const inputs[] = {
    "{}", "[", "[1]", "[{\"value\":}]", "[{\"value\":tru}]", "[{\"value\":\"open}]",
    "[{\"value\":1}] x", "[{\"value\":[1,]}]x", "[{\"value\":\"\\q\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GString) out = g_string_new ("kept");
      g_autoptr(GError) error = NULL;

      g_assert_false (timecard_export_custom_fields_to_json (inputs[i], NULL, out, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (out->str, ==, "kept");
    }
}

static void
test_json_string (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  timecard_export_append_json_string (out, "a\"b\\c\n\r\t\b\f\x01 é 😀");
  g_assert_cmpstr (out->str, ==, "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001 é 😀\"");
}

static void
test_fill_entry (void)
{
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();
  g_autoptr(TimecardExportRow) row = timecard_export_row_new ();
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  const TimecardExportValue *values;
  guint n_records;

  records = export_test_records (&n_records);

  /* Main API: names from the lookup, the client through the project. */
  g_assert_true (timecard_export_row_fill_entry (row, &records[0], lookup, zone, &error));
  g_assert_no_error (error);
  values = row->values;
  g_assert_cmpint (row->entity, ==, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_USER_NAME].text, ==, "Ada Lovelace");
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_CLIENT_ID].text, ==, "c1");
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_CLIENT_NAME].text, ==, "Acme, Inc.");
  g_assert_cmpuint (values[TIMECARD_TIME_ENTRY_COL_TAG_NAMES].n_items, ==, 2);
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_TAG_NAMES].items[1], ==, "needs review");
  g_assert_cmpint (values[TIMECARD_TIME_ENTRY_COL_HOURLY_RATE].integer, ==, 4321);

  /* Without a lookup the names stay absent. */
  g_assert_true (timecard_export_row_fill_entry (row, &records[0], NULL, zone, &error));
  g_assert_true (values[TIMECARD_TIME_ENTRY_COL_USER_NAME].is_null);
  g_assert_true (values[TIMECARD_TIME_ENTRY_COL_CLIENT_ID].is_null);
  g_assert_null (values[TIMECARD_TIME_ENTRY_COL_TAG_NAMES].items[0]);

  /* The lists' names win over the record's, which fill in for the rest. */
  g_assert_true (timecard_export_row_fill_entry (row, &records[3], lookup, zone, &error));
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_TASK_NAME].text, ==, "Deleted task");
  g_assert_true (timecard_export_row_fill_entry (row, &records[1], NULL, zone, &error));
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_PROJECT_NAME].text, ==, "Old name: the lists win");

  /* Running: no end, no duration. */
  g_assert_true (timecard_export_row_fill_entry (row, &records[1], lookup, zone, &error));
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_PROJECT_NAME].text, ==, "Café \"Bar\"");
  g_assert_true (values[TIMECARD_TIME_ENTRY_COL_END_UTC].is_null);
  g_assert_true (values[TIMECARD_TIME_ENTRY_COL_END_LOCAL].is_null);
  g_assert_true (values[TIMECARD_TIME_ENTRY_COL_DURATION_SECONDS].is_null);
  g_assert_cmpstr (values[TIMECARD_TIME_ENTRY_COL_START_LOCAL].text, ==, "2024-03-31T01:30:00+01:00");

  /* A record without an id is refused. */
  {
    ClockifyEntryRecord broken = records[0];

    broken.id = NULL;
    g_assert_false (timecard_export_row_fill_entry (row, &broken, lookup, zone, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);

    broken = records[0];
    broken.custom_fields_json = "[{";
    g_assert_false (timecard_export_row_fill_entry (row, &broken, lookup, zone, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "e1"));
  }
}

/* One table per entity: what is added under an id replaces all of it, and
 * the combined getters agree with the single ones. */
static void
test_lookup (void)
{
  g_autoptr(TimecardExportLookup) lookup = timecard_export_lookup_new ();
  const char *name = "x", *email = "x", *client_id = "x", *client_name = "x";

  timecard_export_lookup_get_user (lookup, "u1", &name, &email);
  g_assert_null (name);
  g_assert_null (email);

  timecard_export_lookup_add_user (lookup, "u1", "Ana", "ana@example.com");
  timecard_export_lookup_add_user (lookup, "u2", "Bo", NULL);
  timecard_export_lookup_add_project (lookup, "p1", "Website", "c1", "ACME");
  timecard_export_lookup_add_project (lookup, "p2", "Internal", "", "ignored");
  timecard_export_lookup_add_client (lookup, "c1", "ACME, Inc.");
  timecard_export_lookup_add_task (lookup, "t1", "Design");
  timecard_export_lookup_add_tag (lookup, "g1", "urgent");
  timecard_export_lookup_add_custom_field (lookup, "f1", "Ticket");

  timecard_export_lookup_get_user (lookup, "u1", &name, &email);
  g_assert_cmpstr (name, ==, "Ana");
  g_assert_cmpstr (email, ==, "ana@example.com");
  g_assert_cmpstr (timecard_export_lookup_get_user_name (lookup, "u2"), ==, "Bo");
  g_assert_null (timecard_export_lookup_get_user_email (lookup, "u2"));
  timecard_export_lookup_get_user (lookup, NULL, &name, NULL);
  g_assert_null (name);

  timecard_export_lookup_get_project (lookup, "p1", &name, &client_id, &client_name);
  g_assert_cmpstr (name, ==, "Website");
  g_assert_cmpstr (client_id, ==, "c1");
  g_assert_cmpstr (client_name, ==, "ACME");
  g_assert_cmpstr (timecard_export_lookup_get_project_client_name (lookup, "p1"), ==, "ACME");
  timecard_export_lookup_get_project (lookup, "p2", &name, &client_id, &client_name);
  g_assert_cmpstr (name, ==, "Internal");
  g_assert_null (client_id);
  g_assert_null (client_name);

  /* Replacing drops what the new one does not say. */
  timecard_export_lookup_add_user (lookup, "u1", "Ana M.", NULL);
  timecard_export_lookup_add_project (lookup, "p1", "Website", NULL, "ACME");
  g_assert_cmpstr (timecard_export_lookup_get_user_name (lookup, "u1"), ==, "Ana M.");
  g_assert_null (timecard_export_lookup_get_user_email (lookup, "u1"));
  g_assert_null (timecard_export_lookup_get_project_client_id (lookup, "p1"));
  g_assert_null (timecard_export_lookup_get_project_client_name (lookup, "p1"));

  /* Ids are per entity. */
  g_assert_cmpstr (timecard_export_lookup_get_client_name (lookup, "c1"), ==, "ACME, Inc.");
  g_assert_null (timecard_export_lookup_get_client_name (lookup, "p1"));
  g_assert_cmpstr (timecard_export_lookup_get_task_name (lookup, "t1"), ==, "Design");
  g_assert_null (timecard_export_lookup_get_task_name (lookup, "g1"));
  g_assert_cmpstr (timecard_export_lookup_get_tag_name (lookup, "g1"), ==, "urgent");
  g_assert_cmpstr (timecard_export_lookup_get_custom_field_name (lookup, "f1"), ==, "Ticket");
  g_assert_null (timecard_export_lookup_get_custom_field_name (lookup, "t1"));
}

static void
test_entities (void)
{
  TimecardExportEntity entity;
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  static const char * const expected[] = {
    "id", "description", "user_id", "user_name", "user_email", "project_id", "project_name",
    "client_id", "client_name", "task_id", "task_name", "tag_ids", "tag_names", "billable",
    "start_utc", "end_utc", "start_local", "end_local", "duration_seconds", "hourly_rate",
    "cost_rate", "currency", "custom_fields",
  };

  g_assert_cmpuint (info->n_columns, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < info->n_columns; i++)
    g_assert_cmpstr (info->columns[i].name, ==, expected[i]);

  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    {
      g_assert_true (timecard_export_entity_from_name (timecard_export_entity_get_name (i), &entity));
      g_assert_cmpint (entity, ==, i);
      g_assert_cmpstr (timecard_export_entity_get_info (i)->columns[0].name, ==, "id");
    }
  g_assert_false (timecard_export_entity_from_name ("time_entry", &entity));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format/money", test_money);
  g_test_add_func ("/export/format/integer", test_integer);
  g_test_add_func ("/export/format/utc", test_utc);
  g_test_add_func ("/export/format/local-berlin-dst", test_local_berlin_dst);
  g_test_add_func ("/export/format/local-fractional", test_local_fractional);
  g_test_add_func ("/export/format/zone-cache", test_zone_cache);
  g_test_add_func ("/export/format/json-string", test_json_string);
  g_test_add_func ("/export/format/custom-fields", test_custom_fields);
  g_test_add_func ("/export/format/custom-fields-invalid", test_custom_fields_invalid);
  g_test_add_func ("/export/format/custom-fields-scratch", test_custom_fields_scratch);
  g_test_add_func ("/export/row/fill-entry", test_fill_entry);
  g_test_add_func ("/export/row/entities", test_entities);
  g_test_add_func ("/export/lookup/fields", test_lookup);

  return g_test_run ();
}
