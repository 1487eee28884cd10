/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "clockify-error.h"
#include "clockify-json.h"

static JsonObject *
parse_object (const char *text,
              JsonNode  **out_root)
{
  g_autoptr(GError) error = NULL;

  *out_root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*out_root));

  return json_node_get_object (*out_root);
}

static void
assert_invalid_response (GError     *error,
                         const char *needle)
{
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  if (strstr (error->message, needle) == NULL)
    g_error ("message “%s” does not contain “%s”", error->message, needle);
}

static void
test_timestamp_valid (void)
{
  static const struct {
    const char *text;
    gint64 unix_seconds;
    int microsecond;
  } cases[] = {
    { "2019-01-22T08:00:36.844Z", 1548144036, 844000 },
    { "2024-03-01T08:00:00Z", 1709280000, 0 },
    { "2024-03-01T08:00:00.000Z", 1709280000, 0 },
    { "2024-03-01T08:00:00+00:00", 1709280000, 0 },
    { "2024-03-01T08:00:00-00:00", 1709280000, 0 },
    { "2024-03-01T10:00:00+02:00", 1709280000, 0 },
    { "2024-03-01T03:30:00-04:30", 1709280000, 0 },
    { "2024-03-01T08:00:00z", 1709280000, 0 },
    { "2024-03-01t08:00:00Z", 1709280000, 0 },
    { "2022-08-26T08:32:01.640708Z", 1661502721, 640708 },
    { "2022-08-26T08:32:01.640708999Z", 1661502721, 640708 },
    { "2022-08-26T08:32:01.6Z", 1661502721, 600000 },
    { "2022-08-26T08:32:01.000001Z", 1661502721, 1 },
    { "2026-05-20T09:00:00.999999Z", 1779267600, 999999 },
    { "2024-02-29T23:59:59.999999Z", 1709251199, 999999 },
    /* An offset that moves the day back across a leap day. */
    { "2024-03-01T00:30:00+01:00", 1709249400, 0 },
    { "1970-01-01T00:00:00Z", 0, 0 },
    { "9999-12-31T23:59:59Z", G_GINT64_CONSTANT (253402300799), 0 },
    { "0001-01-01T00:00:00Z", G_GINT64_CONSTANT (-62135596800), 0 },
    /* The first and last instants, also reached through an offset. */
    { "9999-12-31T23:59:59.999999999Z", G_GINT64_CONSTANT (253402300799), 999999 },
    { "9999-12-31T23:00:00.5-00:59", G_GINT64_CONSTANT (253402300740), 500000 },
    { "0001-01-01T01:00:00+01:00", G_GINT64_CONSTANT (-62135596800), 0 },
    { "1969-12-31T23:59:59.999999Z", -1, 999999 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) parsed = clockify_json_parse_timestamp (cases[i].text);
      gint64 usec = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_nonnull (parsed);
      g_assert_cmpint (g_date_time_to_unix (parsed), ==, cases[i].unix_seconds);
      g_assert_cmpint (g_date_time_get_microsecond (parsed), ==, cases[i].microsecond);
      g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, 0);

      g_assert_true (clockify_json_parse_timestamp_usec (cases[i].text, strlen (cases[i].text),
                                                         &usec));
      g_assert_cmpint (usec, ==, cases[i].unix_seconds * G_USEC_PER_SEC + cases[i].microsecond);
    }
}

static void
test_timestamp_invalid (void)
{
  static const char * const cases[] = {
    "",
    "garbage",
    "2024-03-01",
    "2024-03-01T08:00:00",
    "2024-03-01T08:00:00.5",
    "2024-03-01T08:00:00.123456",
    "2024-03-01T08:00",
    "2024-03-01 08:00:00Z",
    "2024-3-01T08:00:00Z",
    "2024-03-1T08:00:00Z",
    "24-03-01T08:00:00Z",
    "2024-03-01T8:00:00Z",
    "2024/03/01T08:00:00Z",
    "2024-02-30T08:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-00-01T00:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-03-00T00:00:00Z",
    "2024-03-01T24:00:00Z",
    "2024-03-01T08:60:00Z",
    "2024-03-01T08:00:60Z",
    "2024-03-01T08:00:00.Z",
    "2024-03-01T08:00:00.1234567890Z",
    "2024-03-01T08:00:00,5Z",
    "2024-03-01T08:00:00ZZ",
    "2024-03-01T08:00:00Z ",
    " 2024-03-01T08:00:00Z",
    "2024-03-01T08:00:00Z\n",
    "2024-03-01T08:00:00+0100",
    "2024-03-01T08:00:00+01",
    "2024-03-01T08:00:00+24:00",
    "2024-03-01T08:00:00+01:60",
    "2024-03-01T08:00:00UTC",
    "2024-03-01T08:00Z",
    "\xef\xbc\x92" "024-03-01T08:00:00Z",
    "0000-01-01T00:00:00Z",
    "0000-12-31T23:30:00-01:00",
    /* Outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z once the
     * offset is applied. */
    "0001-01-01T00:30:00+01:00",
    "0001-01-01T00:59:59.999999+01:00",
    "9999-12-31T23:59:59-00:01",
    "9999-12-31T23:59:59.999999999-23:59",
    "-2024-03-01T08:00:00Z",
    "+2024-03-01T08:00:00Z",
    "1709280000",
  };
  gint64 usec = 42;

  g_assert_null (clockify_json_parse_timestamp (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) parsed = clockify_json_parse_timestamp (cases[i]);

      if (parsed != NULL)
        g_error ("“%s” was accepted", cases[i]);
      if (clockify_json_parse_timestamp_usec (cases[i], strlen (cases[i]), &usec))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, cases[i], usec);
      g_assert_cmpint (usec, ==, 42);
    }
}

/* The exact parser reads @length bytes, not up to a NUL. */
static void
test_timestamp_length (void)
{
  gint64 usec = 0;

  g_assert_true (clockify_json_parse_timestamp_usec ("2024-03-01T08:00:00Zjunk", 20, &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1709280000000000));
  g_assert_true (clockify_json_parse_timestamp_usec ("2024-03-01T08:00:00.25+01:00:00", 28,
                                                     &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1709276400250000));

  g_assert_false (clockify_json_parse_timestamp_usec ("2024-03-01T08:00:00Z", 19, &usec));
  g_assert_false (clockify_json_parse_timestamp_usec ("2024-03-01T08:00:00Z\0", 21, &usec));
  g_assert_false (clockify_json_parse_timestamp_usec ("2024-03-01T08:00:00.5Z", 21, &usec));
  g_assert_false (clockify_json_parse_timestamp_usec ("2024-03-01T08:00:00+01:00", 24, &usec));
  g_assert_false (clockify_json_parse_timestamp_usec (NULL, 0, &usec));
}

/* Random timestamps, mostly plausible ones: the same acceptance and value as
 * GLib's own ISO 8601 parser (of the times it can also give in UTC: it
 * keeps a time that its offset takes out of years 1 to 9999), and the
 * GDateTime the same instant as the exact parser's. */
static void
test_timestamp_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240301);

  for (guint i = 0; i < 50000; i++)
    {
      static const int n_fraction_digits[] = { 0, 0, 1, 3, 3, 6, 9 };
      int year = i % 10 == 0 ? g_rand_int_range (rand, 1, 10000)
                             : g_rand_int_range (rand, 1960, 2110);
      int digits = n_fraction_digits[g_rand_int_range (rand, 0, G_N_ELEMENTS (n_fraction_digits))];
      int offset = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, -23 * 60, 23 * 60 + 1);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GDateTime) glib = NULL;
      g_autoptr(GDateTime) expected = NULL;
      g_autoptr(GDateTime) parsed = NULL;
      gboolean ours;
      gint64 usec;

      /* The edges of the years, where an offset leaves the range. */
      if (i % 100 == 0)
        year = g_rand_boolean (rand) ? 1 : 9999;

      g_string_append_printf (text, "%04d-%02d-%02dT%02d:%02d:%02d", year,
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 32),
                              g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60),
                              g_rand_int_range (rand, 0, 60));
      if (year == 1 || year == 9999)
        g_string_overwrite (text, 5, year == 1 ? "01-01T00" : "12-31T23");
      if (digits > 0)
        {
          g_string_append_c (text, '.');
          for (int d = 0; d < digits; d++)
            g_string_append_c (text, '0' + g_rand_int_range (rand, 0, 10));
        }
      if (offset == 0)
        g_string_append_c (text, 'Z');
      else
        g_string_append_printf (text, "%c%02d:%02d", offset < 0 ? '-' : '+',
                                ABS (offset) / 60, ABS (offset) % 60);

      ours = clockify_json_parse_timestamp_usec (text->str, text->len, &usec);
      glib = g_date_time_new_from_iso8601 (text->str, NULL);
      expected = glib != NULL ? g_date_time_to_utc (glib) : NULL;
      parsed = clockify_json_parse_timestamp (text->str);
      if (ours != (expected != NULL) || ours != (parsed != NULL))
        g_error ("“%s”: accepted by us %d, by GLib %d, as a GDateTime %d", text->str, ours,
                 expected != NULL, parsed != NULL);
      if (!ours)
        continue;

      /* GLib goes through a double for the seconds, which can be off by
       * one microsecond. */
      g_assert_cmpint (ABS (usec - (g_date_time_to_unix (expected) * G_USEC_PER_SEC
                                    + g_date_time_get_microsecond (expected))), <=, 1);
      g_assert_cmpint (usec, ==, g_date_time_to_unix (parsed) * G_USEC_PER_SEC
                                 + g_date_time_get_microsecond (parsed));
    }
}

static void
test_timestamp_format (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2024, 3, 1, 8, 0, 5.75);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) local = g_date_time_new (zone, 2024, 3, 1, 1, 30, 0);
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *local_text = NULL;

  text = clockify_json_format_timestamp (utc);
  g_assert_cmpstr (text, ==, "2024-03-01T08:00:05Z");

  local_text = clockify_json_format_timestamp (local);
  g_assert_cmpstr (local_text, ==, "2024-02-29T23:30:00Z");

  parsed = clockify_json_parse_timestamp (text);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_to_unix (parsed), ==, g_date_time_to_unix (utc));
}

static void
test_duration_valid (void)
{
  static const struct {
    const char *text;
    gint64 seconds;
  } cases[] = {
    { "PT1H30M", 5400 },
    { "PT0S", 0 },
    { "P1DT2H", 93600 },
    { "PT8H", 28800 },
    { "PT45S", 45 },
    { "PT1H0M5S", 3605 },
    { "PT30M", 1800 },
    { "PT1H5S", 3605 },
    { "PT100H", 360000 },
    { "P1D", 86400 },
    { "P0D", 0 },
    { "PT90M", 5400 },
    { "P2DT0H0M1S", 172801 },
    /* Fractions only on seconds, truncated to whole seconds. */
    { "PT0.5S", 0 },
    { "PT1.999S", 1 },
    { "PT1M0,25S", 60 },
    { "PT9223372036854775807S", G_MAXINT64 },
    { "P106751991167300D", G_GINT64_CONSTANT (106751991167300) * 86400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 seconds = -42;

      g_autofree char *followed = g_strconcat (cases[i].text, "1S", NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_true (clockify_json_parse_duration (cases[i].text, &seconds));
      g_assert_cmpint (seconds, ==, cases[i].seconds);

      /* The exact parser reads the length given, whatever follows. */
      seconds = -42;
      g_assert_true (clockify_json_parse_duration_seconds (followed, strlen (cases[i].text),
                                                           &seconds));
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }

  /* The output is optional. */
  g_assert_true (clockify_json_parse_duration ("PT1H", NULL));
  g_assert_true (clockify_json_parse_duration_seconds ("PT1H", 4, NULL));
}

static void
test_duration_invalid (void)
{
  static const char * const cases[] = {
    "",
    "P",
    "PT",
    "1H",
    "T1H",
    "P1DT",
    "PT1",
    "PTH",
    "PT H",
    "PT1H ",
    " PT1H",
    "PT1HX",
    "PT1M1H",
    "PT1S1M",
    "PT1H1H",
    "PT1.5M",
    "PT1.5H",
    "PT.5S",
    "PT1.S",
    "P1.5D",
    "P1Y",
    "P1M",
    "P1W",
    "P1DT1D",
    "P1D1D",
    "PT1D",
    "pt1h",
    "PT1h",
    "-PT1H",
    "PT-1H",
    "P-1D",
    "PT+1H",
    "8000",
    "PT9223372036854775808S",
    "PT2562047788015216H",
    "P106751991167301D",
    "P1DT9223372036854775807S",
    "PT99999999999999999999999S",
    "PT1.99999999999999999999999999S1M",
  };
  gint64 seconds = -42;

  g_assert_false (clockify_json_parse_duration (NULL, &seconds));
  g_assert_false (clockify_json_parse_duration_seconds (NULL, 0, &seconds));
  /* Cut short, or with a NUL inside. */
  g_assert_false (clockify_json_parse_duration_seconds ("PT1H30M", 6, &seconds));
  g_assert_false (clockify_json_parse_duration_seconds ("PT1H\0", 5, &seconds));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (clockify_json_parse_duration (cases[i], &seconds))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, cases[i], seconds);
      if (clockify_json_parse_duration_seconds (cases[i], strlen (cases[i]), &seconds))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, cases[i], seconds);
      g_assert_cmpint (seconds, ==, -42);
    }
}

static void
test_money (void)
{
  static const struct {
    const char *json;
    gint64 minor_units;
  } cases[] = {
    { "{\"a\": 4321}", 4321 },
    { "{\"a\": 4321.0}", 4321 },
    { "{\"a\": 0}", 0 },
    { "{\"a\": -250}", -250 },
    { "{\"a\": 1e3}", 1000 },
    /* A fraction of a cent is rounded half away from zero. */
    { "{\"a\": 12.5}", 13 },
    { "{\"a\": -12.5}", -13 },
    { "{\"a\": 12.49}", 12 },
    { "{\"a\": 9007199254740993}", G_GINT64_CONSTANT (9007199254740993) },
  };
  static const char * const invalid[] = {
    "{\"a\": \"4321\"}",
    "{\"a\": true}",
    "{\"a\": {}}",
    "{\"a\": []}",
    "{\"a\": 1e300}",
    "{\"a\": -1e300}",
  };
  gint64 value;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *object = parse_object (cases[i].json, &root);

      value = -1;
      g_assert_true (clockify_json_get_money (object, "a", &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].minor_units);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *object = parse_object (invalid[i], &root);

      value = 7;
      g_assert_false (clockify_json_get_money (object, "a", &value, &error));
      assert_invalid_response (error, "“a” is not an amount");
      g_assert_cmpint (value, ==, 7);
    }

  g_assert_false (clockify_json_money_from_double (NAN, &value));
  g_assert_false (clockify_json_money_from_double (INFINITY, &value));
  g_assert_false (clockify_json_money_from_double (9.3e18, &value));
  g_assert_true (clockify_json_money_from_double (4321.0, &value));
  g_assert_cmpint (value, ==, 4321);
  g_assert_true (clockify_json_money_from_double (0.4999, &value));
  g_assert_cmpint (value, ==, 0);
}

static void
test_int64_from_double (void)
{
  gint64 value = 7;

  g_assert_true (clockify_json_int64_from_double (3600.0, &value));
  g_assert_cmpint (value, ==, 3600);
  g_assert_true (clockify_json_int64_from_double (-0.0, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (clockify_json_int64_from_double (-9223372036854775808.0, &value));
  g_assert_cmpint (value, ==, G_MININT64);

  value = 7;
  g_assert_false (clockify_json_int64_from_double (0.5, &value));
  g_assert_false (clockify_json_int64_from_double (-3600.25, &value));
  g_assert_false (clockify_json_int64_from_double (9223372036854775808.0, &value));
  g_assert_false (clockify_json_int64_from_double (-1e19, &value));
  g_assert_false (clockify_json_int64_from_double (NAN, &value));
  g_assert_false (clockify_json_int64_from_double (-INFINITY, &value));
  g_assert_cmpint (value, ==, 7);
}

static void
test_first_path (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_object ("{\"isLocked\": null, \"locked\": true, \"userName\": \"A\","
                                     " \"user\": {\"name\": \"B\"}, \"project\": \"p\"}", &root);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpstr (clockify_json_first_path (object, "isLocked", "locked", NULL), ==, "locked");
  g_assert_cmpstr (clockify_json_first_path (object, "userName", "user.name", NULL), ==,
                   "userName");
  g_assert_cmpstr (clockify_json_first_path (object, "user.name", "userName", NULL), ==,
                   "user.name");
  g_assert_cmpstr (clockify_json_first_path (object, "a", "b", "c", NULL), ==, "c");
  g_assert_cmpstr (clockify_json_first_path (object, "only", NULL), ==, "only");

  /* None holds a value: the last is read, so a wrong type on its way shows. */
  g_assert_false (clockify_json_get_string (object,
                                            clockify_json_first_path (object, "projectName",
                                                                      "project.name", NULL),
                                            &name, &error));
  assert_invalid_response (error, "“project” is not an object (found a string)");
}

static void
test_rate (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_object ("{\"h\": {\"amount\": 10500, \"currency\": \"USD\"},"
                                     " \"r\": 2000.0,"
                                     " \"n\": null,"
                                     " \"bad\": {\"amount\": \"10\"},"
                                     " \"bad2\": {\"amount\": 10, \"currency\": 5},"
                                     " \"bad3\": \"10\"}", &root);
  const struct {
    const char *path;
    const char *needle;
  } invalid[] = {
    { "bad", "“bad.amount” is not an amount (found a string)" },
    { "bad2", "“bad2.currency” is not a string (found an integer)" },
    { "bad3", "“bad3” is not an amount (found a string)" },
  };

  {
    g_autofree char *currency = NULL;
    gint64 amount = 0;

    g_assert_true (clockify_json_get_rate (object, "h", &amount, &currency, NULL));
    g_assert_cmpint (amount, ==, 10500);
    g_assert_cmpstr (currency, ==, "USD");
  }

  {
    g_autofree char *currency = NULL;
    gint64 amount = 0;

    g_assert_true (clockify_json_get_rate (object, "r", &amount, &currency, NULL));
    g_assert_cmpint (amount, ==, 2000);
    g_assert_null (currency);
  }

  {
    g_autofree char *currency = NULL;
    gint64 amount = 3;

    g_assert_true (clockify_json_get_rate (object, "n", &amount, &currency, NULL));
    g_assert_true (clockify_json_get_rate (object, "missing", &amount, &currency, NULL));
    g_assert_cmpint (amount, ==, 3);
    g_assert_null (currency);
  }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *currency = NULL;
      gint64 amount = 0;

      g_assert_false (clockify_json_get_rate (object, invalid[i].path, &amount, &currency, &error));
      assert_invalid_response (error, invalid[i].needle);
    }
}

static void
test_scalars (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_object ("{\"s\": \"text\", \"empty\": \"\", \"b\": true,"
                                     " \"i\": 42, \"d\": 3600.0, \"f\": 2.5,"
                                     " \"n\": null, \"big\": 1e19,"
                                     " \"nested\": {\"inner\": {\"leaf\": \"deep\"}, \"nil\": null}}",
                                     &root);
  g_autofree char *s = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *empty_id = NULL;
  g_autofree char *leaf = NULL;
  g_autofree char *missing = NULL;
  gboolean b = FALSE;
  gint64 i = 0;
  gint64 d = 0;
  gint64 untouched = 99;
  double f = 0;
  double from_int = 0;

  g_assert_true (clockify_json_get_string (object, "s", &s, NULL));
  g_assert_cmpstr (s, ==, "text");
  g_assert_true (clockify_json_get_string (object, "empty", &empty, NULL));
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (clockify_json_get_id (object, "empty", &empty_id, NULL));
  g_assert_null (empty_id);
  g_assert_true (clockify_json_get_string (object, "nested.inner.leaf", &leaf, NULL));
  g_assert_cmpstr (leaf, ==, "deep");
  g_assert_true (clockify_json_get_boolean (object, "b", &b, NULL));
  g_assert_true (b);
  g_assert_true (clockify_json_get_int64 (object, "i", &i, NULL));
  g_assert_cmpint (i, ==, 42);
  g_assert_true (clockify_json_get_int64 (object, "d", &d, NULL));
  g_assert_cmpint (d, ==, 3600);
  g_assert_true (clockify_json_get_double (object, "f", &f, NULL));
  g_assert_cmpfloat (f, ==, 2.5);
  g_assert_true (clockify_json_get_double (object, "i", &from_int, NULL));
  g_assert_cmpfloat (from_int, ==, 42.0);

  /* Missing and null leave the default, also through missing parents. */
  g_assert_true (clockify_json_get_string (object, "missing", &missing, NULL));
  g_assert_true (clockify_json_get_string (object, "n", &missing, NULL));
  g_assert_true (clockify_json_get_string (object, "nested.nil.leaf", &missing, NULL));
  g_assert_true (clockify_json_get_string (object, "nowhere.leaf", &missing, NULL));
  g_assert_null (missing);
  g_assert_true (clockify_json_get_int64 (object, "n", &untouched, NULL));
  g_assert_true (clockify_json_get_int64 (object, "missing", &untouched, NULL));
  g_assert_cmpint (untouched, ==, 99);

  g_assert_true (clockify_json_has_value (object, "s"));
  g_assert_true (clockify_json_has_value (object, "nested.inner"));
  g_assert_false (clockify_json_has_value (object, "n"));
  g_assert_false (clockify_json_has_value (object, "missing"));
  g_assert_false (clockify_json_has_value (object, "s.below"));
}

static void
test_wrong_types (void)
{
  enum { STRING, ID, REQUIRED_ID, BOOLEAN, INT64, DOUBLE, STRV, OBJECT, ARRAY, TIMESTAMP,
         REQUIRED_TIMESTAMP, DURATION };
  static const struct {
    int getter;
    const char *json;
    const char *path;
    const char *needle;
  } cases[] = {
    { STRING, "{\"x\": 5}", "x", "“x” is not a string (found an integer)" },
    { STRING, "{\"x\": 5.5}", "x", "“x” is not a string (found a number)" },
    { STRING, "{\"x\": true}", "x", "“x” is not a string (found a boolean)" },
    { STRING, "{\"x\": {}}", "x", "“x” is not a string (found an object)" },
    { STRING, "{\"x\": []}", "x", "“x” is not a string (found an array)" },
    { STRING, "{\"a\": \"s\"}", "a.b", "“a” is not an object (found a string)" },
    { STRING, "{\"a\": {\"b\": []}}", "a.b.c", "“a.b” is not an object (found an array)" },
    { STRING, "{\"a\": {\"b\": 1}}", "a.b", "“a.b” is not a string (found an integer)" },
    { ID, "{\"x\": 5}", "x", "“x” is not a string" },
    { REQUIRED_ID, "{}", "id", "“id” is missing" },
    { REQUIRED_ID, "{\"id\": null}", "id", "“id” is missing" },
    { REQUIRED_ID, "{\"id\": \"\"}", "id", "“id” is empty" },
    { REQUIRED_ID, "{\"id\": 5}", "id", "“id” is not a string (found an integer)" },
    { BOOLEAN, "{\"x\": \"true\"}", "x", "“x” is not a boolean (found a string)" },
    { BOOLEAN, "{\"x\": 1}", "x", "“x” is not a boolean (found an integer)" },
    { INT64, "{\"x\": \"1\"}", "x", "“x” is not an integer (found a string)" },
    { INT64, "{\"x\": 1.5}", "x", "“x” is not an integer (found a number)" },
    { INT64, "{\"x\": 1e19}", "x", "“x” is not an integer" },
    { INT64, "{\"x\": false}", "x", "“x” is not an integer" },
    { DOUBLE, "{\"x\": \"1.5\"}", "x", "“x” is not a number (found a string)" },
    { STRV, "{\"x\": \"a\"}", "x", "“x” is not an array (found a string)" },
    { STRV, "{\"x\": {}}", "x", "“x” is not an array (found an object)" },
    { STRV, "{\"x\": [\"a\", 1]}", "x", "“x[1]” is not a string (found an integer)" },
    { STRV, "{\"x\": [[]]}", "x", "“x[0]” is not a string (found an array)" },
    { OBJECT, "{\"x\": []}", "x", "“x” is not an object (found an array)" },
    { ARRAY, "{\"x\": {}}", "x", "“x” is not an array (found an object)" },
    { TIMESTAMP, "{\"t\": \"yesterday\"}", "t", "“t” is not a timestamp (found a string)" },
    { TIMESTAMP, "{\"t\": 1709280000}", "t", "“t” is not a timestamp (found an integer)" },
    { TIMESTAMP, "{\"ti\": {\"start\": \"2024-02-30T00:00:00Z\"}}", "ti.start",
      "“ti.start” is not a timestamp" },
    { REQUIRED_TIMESTAMP, "{\"ti\": {}}", "ti.start", "“ti.start” is missing" },
    { REQUIRED_TIMESTAMP, "{\"ti\": null}", "ti.start", "“ti.start” is missing" },
    { REQUIRED_TIMESTAMP, "{\"ti\": 5}", "ti.start", "“ti” is not an object (found an integer)" },
    { DURATION, "{\"d\": \"8000\"}", "d", "“d” is not an ISO-8601 duration (found a string)" },
    { DURATION, "{\"d\": true}", "d", "“d” is not a duration (found a boolean)" },
    { DURATION, "{\"d\": -5}", "d", "“d” is not a number of seconds (found an integer)" },
    { DURATION, "{\"d\": 1.5}", "d", "“d” is not a number of seconds (found a number)" },
    { DURATION, "{\"d\": {}}", "d", "“d” is not a duration (found an object)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *string = NULL;
      g_auto(GStrv) strv = NULL;
      g_autoptr(GDateTime) timestamp = NULL;
      JsonObject *object = parse_object (cases[i].json, &root);
      JsonObject *child = NULL;
      JsonArray *array = NULL;
      gboolean boolean = FALSE;
      gint64 integer = 0;
      double number = 0;
      gboolean ok = TRUE;

      g_test_message ("%s at %s", cases[i].json, cases[i].path);

      switch (cases[i].getter)
        {
        case STRING:
          ok = clockify_json_get_string (object, cases[i].path, &string, &error);
          break;
        case ID:
          ok = clockify_json_get_id (object, cases[i].path, &string, &error);
          break;
        case REQUIRED_ID:
          ok = clockify_json_require_id (object, cases[i].path, &string, &error);
          break;
        case BOOLEAN:
          ok = clockify_json_get_boolean (object, cases[i].path, &boolean, &error);
          break;
        case INT64:
          ok = clockify_json_get_int64 (object, cases[i].path, &integer, &error);
          break;
        case DOUBLE:
          ok = clockify_json_get_double (object, cases[i].path, &number, &error);
          break;
        case STRV:
          ok = clockify_json_get_strv (object, cases[i].path, &strv, &error);
          break;
        case OBJECT:
          ok = clockify_json_get_object (object, cases[i].path, &child, &error);
          break;
        case ARRAY:
          ok = clockify_json_get_array (object, cases[i].path, &array, &error);
          break;
        case TIMESTAMP:
          ok = clockify_json_get_timestamp (object, cases[i].path, &timestamp, &error);
          break;
        case REQUIRED_TIMESTAMP:
          ok = clockify_json_require_timestamp (object, cases[i].path, &timestamp, &error);
          break;
        case DURATION:
          ok = clockify_json_get_duration (object, cases[i].path, &integer, &error);
          break;
        default:
          g_assert_not_reached ();
        }

      g_assert_false (ok);
      assert_invalid_response (error, cases[i].needle);
      g_assert_null (string);
      g_assert_null (strv);
      g_assert_null (timestamp);
      g_assert_null (child);
      g_assert_null (array);
    }
}

static void
test_strv (void)
{
  static const struct {
    const char *json;
    const char *joined;
  } cases[] = {
    { "{\"x\": [\"a\", \"b\"]}", "a,b" },
    { "{\"x\": [\"a\", null, \"b\"]}", "a,b" },
    { "{\"x\": []}", "" },
    { "{\"x\": null}", "" },
    { "{}", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_auto(GStrv) strv = NULL;
      g_autofree char *joined = NULL;
      JsonObject *object = parse_object (cases[i].json, &root);

      g_assert_true (clockify_json_get_strv (object, "x", &strv, NULL));
      g_assert_nonnull (strv);
      joined = g_strjoinv (",", strv);
      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

static void
test_duration_member (void)
{
  static const struct {
    const char *json;
    gint64 seconds;
  } cases[] = {
    { "{\"d\": \"PT1H30M\"}", 5400 },
    { "{\"d\": 3600}", 3600 },
    { "{\"d\": 3600.0}", 3600 },
    { "{\"d\": 0}", 0 },
    { "{\"d\": null}", -1 },
    { "{}", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object = parse_object (cases[i].json, &root);
      gint64 seconds = -1;

      g_assert_true (clockify_json_get_duration (object, "d", &seconds, NULL));
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }
}

static void
test_node_object (void)
{
  g_autoptr(JsonNode) array = json_from_string ("[1]", NULL);
  g_autoptr(JsonNode) object = json_from_string ("{\"items\": [{}, 3]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) null_error = NULL;
  g_autoptr(GError) element_error = NULL;
  JsonArray *items;

  g_assert_null (clockify_json_node_get_object (array, "time entry", &error));
  assert_invalid_response (error, "time entry: not a JSON object (found an array)");

  g_assert_null (clockify_json_node_get_object (NULL, "user", &null_error));
  assert_invalid_response (null_error, "user: not a JSON object");

  g_assert_nonnull (clockify_json_node_get_object (object, "thing", NULL));

  items = json_object_get_array_member (json_node_get_object (object), "items");
  g_assert_nonnull (clockify_json_array_get_object (items, 0, "items", NULL));
  g_assert_null (clockify_json_array_get_object (items, 1, "items", &element_error));
  assert_invalid_response (element_error, "“items[1]” is not an object (found an integer)");
}

static void
test_prefix_error (void)
{
  g_autoptr(GError) with_id = NULL;
  g_autoptr(GError) without_id = NULL;

  g_set_error_literal (&with_id, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE, "“x” is bad");
  clockify_json_prefix_error (&with_id, "time entry", "5f00");
  g_assert_cmpstr (with_id->message, ==, "time entry 5f00: “x” is bad");

  g_set_error_literal (&without_id, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE, "“id” is missing");
  clockify_json_prefix_error (&without_id, "tag", NULL);
  g_assert_cmpstr (without_id->message, ==, "tag: “id” is missing");

  /* Nothing to prefix. */
  clockify_json_prefix_error (NULL, "tag", "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/json/timestamp/valid", test_timestamp_valid);
  g_test_add_func ("/clockify/json/timestamp/invalid", test_timestamp_invalid);
  g_test_add_func ("/clockify/json/timestamp/length", test_timestamp_length);
  g_test_add_func ("/clockify/json/timestamp/random", test_timestamp_random);
  g_test_add_func ("/clockify/json/timestamp/format", test_timestamp_format);
  g_test_add_func ("/clockify/json/duration/valid", test_duration_valid);
  g_test_add_func ("/clockify/json/duration/invalid", test_duration_invalid);
  g_test_add_func ("/clockify/json/duration/member", test_duration_member);
  g_test_add_func ("/clockify/json/money", test_money);
  g_test_add_func ("/clockify/json/int64-from-double", test_int64_from_double);
  g_test_add_func ("/clockify/json/rate", test_rate);
  g_test_add_func ("/clockify/json/scalars", test_scalars);
  g_test_add_func ("/clockify/json/strv", test_strv);
  g_test_add_func ("/clockify/json/wrong-types", test_wrong_types);
  g_test_add_func ("/clockify/json/first-path", test_first_path);
  g_test_add_func ("/clockify/json/node-object", test_node_object);
  g_test_add_func ("/clockify/json/prefix-error", test_prefix_error);

  return g_test_run ();
}
