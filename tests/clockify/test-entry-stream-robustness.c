/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-entry-stream-robustness"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "clockify-error.h"
#include "entry-stream-test-common.h"

#include "../../benchmarks/entry-page-generator.h"

/* The stream against hostile input: any split of the input into reads, a
 * page cut short, malformed JSON, the size limits, a consumer that stops.
 * test-entry-stream.c checks what the stream makes of valid entries. */

/* Chunk-splitting equivalence: every split gives the records of a whole
 * read. */

static gsize
one_split (gpointer data,
           gsize    offset)
{
  gsize split = *(gsize *) data;

  return offset < split ? split - offset : G_MAXSIZE;
}

static gsize
random_size (gpointer data,
             gsize    offset)
{
  return 1 + g_rand_int_range (data, 0, 8192) % (g_rand_boolean (data) ? 16 : 8192);
}

static void
test_split_everywhere (void)
{
  const char *docs[] = { main_page, report_page };
  ClockifyEntryStreamFormat formats[] = { MAIN, REPORT };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = strlen (docs[d]);
      Collector reference;

      collector_init (&reference);
      assert_parses (parse_chunked (formats[d], docs[d], length, whole, NULL, &reference, &error));

      for (gsize split = 0; split <= length; split++)
        {
          Collector collector;

          collector_init (&collector);
          assert_parses (parse_chunked (formats[d], docs[d], length, one_split, &split,
                                        &collector, &error));
          g_assert_cmpstr (collector.canonical->str, ==, reference.canonical->str);
          collector_clear (&collector);
        }

      {
        Collector collector;

        collector_init (&collector);
        assert_parses (parse_chunked (formats[d], docs[d], length, one_byte, NULL,
                                      &collector, &error));
        g_assert_cmpstr (collector.canonical->str, ==, reference.canonical->str);
        collector_clear (&collector);
      }
      collector_clear (&reference);
    }
}

static void
test_split_random (void)
{
  for (guint kind = 0; kind < 4; kind++)
    {
      g_autoptr(GString) doc = g_string_new (NULL);
      g_autoptr(GRand) rand = g_rand_new_with_seed (42 + kind);
      g_autoptr(GError) error = NULL;
      ClockifyEntryStreamFormat format = kind < 2 ? MAIN : REPORT;
      Collector reference;

      if (format == MAIN)
        page_generate_main (doc, 7 + kind, 0, 2000, kind == 1);
      else
        page_generate_report (doc, 7 + kind, 0, 1000, kind == 3);

      collector_init (&reference);
      assert_parses (parse_chunked (format, doc->str, doc->len, whole, NULL, &reference, &error));
      g_assert_cmpuint (reference.records->len, ==, format == MAIN ? 2000 : 1000);

      for (guint round = 0; round < 5; round++)
        {
          Collector collector;

          collector_init (&collector);
          assert_parses (parse_chunked (format, doc->str, doc->len, random_size, rand,
                                        &collector, &error));
          g_assert_cmpstr (collector.canonical->str, ==, reference.canonical->str);
          collector_clear (&collector);
        }
      collector_clear (&reference);
    }
}

/* Every strict prefix of a document is incomplete: an error, never a crash,
 * and the entries delivered before it are the document's first ones. */
static void
test_truncated (void)
{
  const char *docs[] = { main_page, report_page };
  ClockifyEntryStreamFormat formats[] = { MAIN, REPORT };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = strlen (docs[d]);
      Collector reference;

      while (length > 0 && docs[d][length - 1] == '\n')
        length--;

      collector_init (&reference);
      assert_parses (parse_chunked (formats[d], docs[d], length, whole, NULL, &reference, &error));

      for (gsize cut = 0; cut < length; cut++)
        {
          Collector collector;

          collector_init (&collector);
          g_assert_false (parse_chunked (formats[d], docs[d], cut, whole, NULL,
                                         &collector, &error));
          g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
          g_assert_true (g_str_has_prefix (reference.canonical->str, collector.canonical->str));
          g_clear_error (&error);
          collector_clear (&collector);
        }
      collector_clear (&reference);
    }
}

static void
test_malformed (void)
{
  static const struct {
    ClockifyEntryStreamFormat format;
    const char *doc;
    const char *needle;
  } cases[] = {
    { MAIN, "", "byte 0: unexpected end of data" },
    { MAIN, "   \n", "unexpected end of data" },
    { MAIN, "[", "byte 1: unexpected end of data" },
    { MAIN, "[]]", "byte 2: unexpected “]” after the end" },
    { MAIN, "[] []", "after the end of the document" },
    { MAIN, "[],", "after the end of the document" },
    { MAIN, "[{\"id\":\"a\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\"}},]",
      "unexpected “]”" },
    { MAIN, "[{\"id\":\"a\",}]", "unexpected “}”" },
    { MAIN, "[,]", "unexpected “,”" },
    { MAIN, "[{\"id\" \"a\"}]", "unexpected “\"”" },
    { MAIN, "[{\"id\":\"a\" \"b\":1}]", "unexpected “\"”" },
    { MAIN, "[{id:1}]", "unexpected “i”" },
    { MAIN, "[{'id':1}]", "unexpected “'”" },
    { MAIN, "[{\"x\":01}]", "leading zero" },
    { MAIN, "[{\"x\":-01}]", "leading zero" },
    { MAIN, "[{\"x\":NaN}]", "unexpected “N”" },
    { MAIN, "[{\"x\":Infinity}]", "unexpected “I”" },
    { MAIN, "[{\"x\":-Infinity}]", "invalid number" },
    { MAIN, "[{\"x\":1.}]", "invalid number" },
    { MAIN, "[{\"x\":.5}]", "unexpected “.”" },
    { MAIN, "[{\"x\":1e}]", "invalid number" },
    { MAIN, "[{\"x\":1e+}]", "invalid number" },
    { MAIN, "[{\"x\":+1}]", "unexpected “+”" },
    { MAIN, "[{\"x\":0x10}]", "unexpected “x”" },
    { MAIN, "[{\"x\":tru}]", "invalid literal" },
    { MAIN, "[{\"x\":truee}]", "unexpected “e”" },
    { MAIN, "[{\"x\":nul", "unexpected end of data" },
    { MAIN, "[{\"x\":True}]", "unexpected “T”" },
    { MAIN, "[{\"x\":1/*c*/}]", "unexpected “/”" },
    { MAIN, "\xef\xbb\xbf[]", "byte 0: unexpected byte 0xef" },
    { MAIN, "[{\"x\":\"a\\x\"}]", "invalid escape" },
    { MAIN, "[{\"x\":\"a\\'\"}]", "invalid escape" },
    { MAIN, "[{\"x\":\"\\u12G4\"}]", "invalid \\u escape" },
    { MAIN, "[{\"x\":\"\\u12\"}]", "invalid \\u escape" },
    { MAIN, "[{\"x\":\"\\ud83d\"}]", "unpaired surrogate" },
    { MAIN, "[{\"x\":\"\\ud83dx\"}]", "unpaired surrogate" },
    { MAIN, "[{\"x\":\"\\ud83d\\n\"}]", "unpaired surrogate" },
    { MAIN, "[{\"x\":\"\\ud83d\\ud83d\"}]", "unpaired surrogate" },
    { MAIN, "[{\"x\":\"\\ude00\"}]", "unpaired surrogate" },
    { MAIN, "[{\"x\":\"a\tb\"}]", "control character 0x09" },
    { MAIN, "[{\"x\":\"a\nb\"}]", "control character 0x0a" },
    { MAIN, "[{\"x\":\"\x01\"}]", "control character 0x01" },
    { MAIN, "[{\"x\":\"\xc3\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xc0\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xc1\xbf\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xe0\x80\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xed\xa0\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xf4\x90\x80\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xf0\x80\x80\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xf5\x80\x80\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\x80\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xe2\x82\"}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"\xff\"}]", "invalid UTF-8" },
    { MAIN, "[{\"\xc3\x28\":1}]", "invalid UTF-8" },
    { MAIN, "[{\"x\":\"abc", "unexpected end of data in a string" },
    { MAIN, "[{\"x\":12", "unexpected end of data" },
    { MAIN, "[{\"x\":1\x00}]", "byte 7: unexpected byte 0x00" },
    { MAIN, "{\"id\":\"a\"}", "Expected an array of time entries, found an object" },
    { MAIN, "\"x\"", "Expected an array of time entries, found a string" },
    { MAIN, "[1]", "Time entry 0 is not an object (found a number)" },
    { MAIN, "[{\"id\":\"a\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\"}},null]",
      "Time entry 1 is not an object (found null)" },
    { REPORT, "[]", "Expected a detailed report object, found an array" },
    { REPORT, "{\"totals\":[]}", "has no “timeentries” member" },
    { REPORT, "{\"timeentries\":{}}", "“timeentries” is not an array (found an object)" },
    { REPORT, "{\"timeEntries\":null}", "“timeEntries” is not an array (found null)" },
    { REPORT, "{\"message\":\"Access Denied\",\"code\":1000}", "no “timeentries” member" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strndup (cases[i].doc, strlen (cases[i].doc));

      /* One case holds a NUL: pass its real length. */
      if (strstr (cases[i].needle, "0x00") != NULL)
        {
          g_autoptr(ClockifyEntryStream) stream = NULL;
          g_autoptr(GError) error = NULL;
          Collector collector;

          collector_init (&collector);
          stream = clockify_entry_stream_new (MAIN, collect, &collector);
          g_assert_false (clockify_entry_stream_feed (stream, "[{\"x\":1\0}]", 10, &error));
          g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
          g_assert_nonnull (strstr (error->message, cases[i].needle));
          collector_clear (&collector);
          continue;
        }

      assert_invalid (cases[i].format, doc, cases[i].needle);
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("[{\"id\":\"a\",\"timeInterval\":{\"start\":"
                                          "\"2024-01-01T00:00:00Z\"},\"x\":");
  g_autoptr(GString) tags = g_string_new ("[{\"id\":\"a\",\"timeInterval\":{\"start\":"
                                          "\"2024-01-01T00:00:00Z\"},\"tagIds\":[");
  g_autoptr(GString) big = g_string_new ("[{\"x\":\"");
  g_autoptr(GError) error = NULL;
  Collector collector;

  /* 64 levels in all are fine by default, 65 are not. */
  for (guint i = 0; i < 62; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 62; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}]");
  g_ptr_array_unref (parse_ok (MAIN, deep->str));
  {
    g_autofree char *deeper = replace (deep->str, "]}]", "]]}]");
    g_autofree char *deepest = replace (deeper, "\"x\":[", "\"x\":[[");

    assert_invalid (MAIN, deepest, "containers nested deeper than 64 levels");
  }

  /* A lower limit. */
  {
    g_autoptr(ClockifyEntryStream) stream = NULL;

    collector_init (&collector);
    stream = clockify_entry_stream_new (MAIN, collect, &collector);
    clockify_entry_stream_set_max_depth (stream, 3);
    g_assert_false (clockify_entry_stream_feed (stream, "[{\"a\":[[]]}]", 12, &error));
    g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
    g_assert_nonnull (strstr (error->message, "deeper than 3 levels"));
    g_clear_error (&error);
    collector_clear (&collector);
  }

  /* Strings, also skipped ones, up to 1 MiB by default. */
  for (guint i = 0; i < 1024 * 1024 + 5; i++)
    g_string_append_c (big, 'a' + i % 26);
  g_string_append (big, "\"}]");
  assert_invalid (MAIN, big->str, "byte 1048583: a string or number longer than 1048576 bytes");

  /* A smaller limit for strings, numbers, custom fields and entries. */
  {
    static const struct {
      const char *members;
      const char *needle;
    } cases[] = {
      { "\"description\":\"0123456789012345678901234567890123456789012345678901234567890123\"",
        NULL },
      { "\"description\":\"01234567890123456789012345678901234567890123456789012345678901234\"",
        "longer than 64 bytes" },
      { "\"unknown\":\"01234567890123456789012345678901234567890123456789012345678901234\"",
        "longer than 64 bytes" },
      { "\"n\":12345678901234567890123456789012345678901234567890123456789012345",
        "longer than 64 bytes" },
      /* The limit is met before the later error, however the input is split. */
      { "\"unknown\":\"01234567890123456789012345678901234567890123456789012345678901234\xff\"",
        "byte 134: a string or number longer than 64 bytes" },
      { "\"unknown\":\"012345678901234567890123456789012345678901234567890123456789012\xc3\xa9\"",
        "byte 134: a string or number longer than 64 bytes" },
      { "\"unknown\":\"012345678901234567890123456789012345678901234567890123456789012\xc3\x28\"",
        "byte 134: invalid UTF-8" },
      { "\"unknown\":\"0123456789012345678901234567890123456789012345678901234567890123\\u00e9\"",
        "byte 139: a string or number longer than 64 bytes" },
      { "\"n\":1234567890123456789012345678901234567890123456789012345678901234.x",
        "byte 127: a string or number longer than 64 bytes" },
      { "\"customFieldValues\":[{\"customFieldId\":\"f0123456789012345678901234\"},"
        "{\"customFieldId\":\"f\"}]",
        "Time entry 0: custom fields longer than 64 bytes" },
      { "\"customFieldValues\":[{\"customFieldId\":\"f\","
        "\"value\":[\"0123456789012345678901234567\",\"0123456789012345678901234567\",1]}]",
        "makes the custom fields longer than 64 bytes" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(ClockifyEntryStream) stream = NULL;
        g_autoptr(ClockifyEntryStream) bytewise = NULL;
        g_autoptr(GError) bytewise_error = NULL;
        g_autofree char *text = g_strdup_printf (
          "[{\"id\":\"a\",\"timeInterval\":{\"start\":\"2024-01-01T00:00:00Z\"},%s}]",
          cases[i].members);
        gboolean ok, bytewise_ok = TRUE;

        collector_init (&collector);
        stream = clockify_entry_stream_new (MAIN, collect, &collector);
        clockify_entry_stream_set_max_string_length (stream, 64);
        ok = clockify_entry_stream_feed (stream, text, strlen (text), &error)
             && clockify_entry_stream_finish (stream, NULL, &error);

        bytewise = clockify_entry_stream_new (MAIN, collect, &collector);
        clockify_entry_stream_set_max_string_length (bytewise, 64);
        for (gsize b = 0; text[b] != '\0' && bytewise_ok; b++)
          {
            g_autofree char *byte = g_memdup2 (text + b, 1);

            bytewise_ok = clockify_entry_stream_feed (bytewise, byte, 1, &bytewise_error);
          }
        bytewise_ok = bytewise_ok && clockify_entry_stream_finish (bytewise, NULL, &bytewise_error);
        g_assert_cmpint (ok, ==, bytewise_ok);
        if (!ok)
          g_assert_cmpstr (error->message, ==, bytewise_error->message);

        if (cases[i].needle == NULL)
          {
            g_assert_no_error (error);
            g_assert_true (ok);
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
            if (strstr (error->message, cases[i].needle) == NULL)
              g_error ("“%s” does not contain “%s”", error->message, cases[i].needle);
            g_clear_error (&error);
          }
        collector_clear (&collector);
      }
  }

  /* Many small tags: the entry as a whole is bounded (8 × 64 bytes here). */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (tags, "%s\"t%u\"", i ? "," : "", i);
  g_string_append (tags, "]}]");
  {
    g_autoptr(ClockifyEntryStream) stream = NULL;

    collector_init (&collector);
    stream = clockify_entry_stream_new (MAIN, collect, &collector);
    clockify_entry_stream_set_max_string_length (stream, 64);
    g_assert_false (clockify_entry_stream_feed (stream, tags->str, tags->len, &error));
    g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
    g_assert_nonnull (strstr (error->message, "Time entry 0: larger than 512 bytes"));
    g_clear_error (&error);
    collector_clear (&collector);
  }
}

static void
test_callback_stops (void)
{
  g_autoptr(ClockifyEntryStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = strlen (main_page);
  Collector collector;

  collector_init (&collector);
  collector.stop_at = 2;
  stream = clockify_entry_stream_new (MAIN, collect, &collector);

  g_assert_false (clockify_entry_stream_feed (stream, main_page, length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "Disk full at entry 65f1a2b3c4d5e6f708091a2c");
  g_assert_cmpuint (collector.calls, ==, 2);
  g_clear_error (&error);

  /* The stream stays failed, with the same error. */
  g_assert_false (clockify_entry_stream_feed (stream, "  ", 2, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (clockify_entry_stream_finish (stream, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (collector.calls, ==, 2);
  collector_clear (&collector);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/entry-stream/split-everywhere", test_split_everywhere);
  g_test_add_func ("/clockify/entry-stream/split-random", test_split_random);
  g_test_add_func ("/clockify/entry-stream/truncated", test_truncated);
  g_test_add_func ("/clockify/entry-stream/malformed", test_malformed);
  g_test_add_func ("/clockify/entry-stream/limits", test_limits);
  g_test_add_func ("/clockify/entry-stream/callback-stops", test_callback_stops);

  return g_test_run ();
}
