/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-entry-stream"

#include "config.h"

#include "entry-stream-test-common.h"

#include <gio/gio.h>
#include <string.h>

#include "clockify-error.h"

static void
record_free (Record *r)
{
  g_free (r->id);
  g_free (r->description);
  g_free (r->user_id);
  g_free (r->user_name);
  g_free (r->user_email);
  g_free (r->project_id);
  g_free (r->project_name);
  g_free (r->client_id);
  g_free (r->client_name);
  g_free (r->task_id);
  g_free (r->task_name);
  g_strfreev (r->tag_ids);
  g_strfreev (r->tag_names);
  g_free (r->hourly_rate_currency);
  g_free (r->cost_rate_currency);
  g_free (r->custom_fields_json);
  g_free (r);
}

static Record *
record_copy (const ClockifyEntryRecord *e)
{
  Record *r = g_new0 (Record, 1);

  g_assert_nonnull (e->tag_ids);
  g_assert_nonnull (e->tag_names);
  g_assert_null (e->tag_ids[e->n_tag_ids]);
  g_assert_null (e->tag_names[e->n_tag_names]);

  *r = (Record) {
    g_strdup (e->id), g_strdup (e->description), g_strdup (e->user_id), g_strdup (e->user_name),
    g_strdup (e->user_email), g_strdup (e->project_id), g_strdup (e->project_name),
    g_strdup (e->client_id), g_strdup (e->client_name), g_strdup (e->task_id),
    g_strdup (e->task_name), g_strdupv ((char **) e->tag_ids), g_strdupv ((char **) e->tag_names),
    e->billable, e->start_usec, e->end_usec, e->duration_seconds, e->has_hourly_rate,
    e->has_cost_rate, e->hourly_rate, e->cost_rate, g_strdup (e->hourly_rate_currency),
    g_strdup (e->cost_rate_currency), g_strdup (e->custom_fields_json),
  };
  return r;
}

/* A canonical text of every field, so that two parses can be compared
 * exactly. */

static void
append_string (GString    *out,
               const char *name,
               const char *value)
{
  g_autofree char *escaped = value != NULL ? g_strescape (value, NULL) : NULL;

  g_string_append_printf (out, "%s=%s%s%s ", name, value ? "\"" : "", value ? escaped : "~",
                          value ? "\"" : "");
}

static void
append_canonical (GString                   *out,
                  const ClockifyEntryRecord *e)
{
  append_string (out, "id", e->id);
  append_string (out, "description", e->description);
  append_string (out, "user", e->user_id);
  append_string (out, "user_name", e->user_name);
  append_string (out, "user_email", e->user_email);
  append_string (out, "project", e->project_id);
  append_string (out, "project_name", e->project_name);
  append_string (out, "client", e->client_id);
  append_string (out, "client_name", e->client_name);
  append_string (out, "task", e->task_id);
  append_string (out, "task_name", e->task_name);
  for (guint i = 0; i < e->n_tag_ids; i++)
    append_string (out, "tag", e->tag_ids[i]);
  for (guint i = 0; i < e->n_tag_names; i++)
    append_string (out, "tag_name", e->tag_names[i]);
  g_string_append_printf (out, "billable=%d start=%" G_GINT64_FORMAT " end=%" G_GINT64_FORMAT
                          " duration=%" G_GINT64_FORMAT " hourly=%d:%" G_GINT64_FORMAT
                          " cost=%d:%" G_GINT64_FORMAT " ",
                          e->billable, e->start_usec, e->end_usec, e->duration_seconds,
                          e->has_hourly_rate, e->hourly_rate, e->has_cost_rate, e->cost_rate);
  append_string (out, "hourly_currency", e->hourly_rate_currency);
  append_string (out, "cost_currency", e->cost_rate_currency);
  append_string (out, "custom_fields", e->custom_fields_json);
  g_string_append_c (out, '\n');
}

gboolean
collect (const ClockifyEntryRecord  *record,
         gpointer                    user_data,
         GError                    **error)
{
  Collector *collector = user_data;

  collector->calls++;
  if (collector->calls == collector->stop_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Disk full at entry %s", record->id);
      return FALSE;
    }

  append_canonical (collector->canonical, record);
  g_ptr_array_add (collector->records, record_copy (record));
  return TRUE;
}

void
collector_init (Collector *collector)
{
  collector->canonical = g_string_new (NULL);
  collector->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  collector->stop_at = 0;
  collector->calls = 0;
}

void
collector_clear (Collector *collector)
{
  g_string_free (collector->canonical, TRUE);
  g_ptr_array_unref (collector->records);
}

gboolean
parse_chunked (ClockifyEntryStreamFormat   format,
               const char                 *doc,
               gsize                       length,
               ChunkFunc                   next_size,
               gpointer                    chunk_data,
               Collector                  *collector,
               GError                    **error)
{
  g_autoptr(ClockifyEntryStream) stream = clockify_entry_stream_new (format, collect, collector);
  gsize offset = 0;
  guint n_entries = 0;

  while (offset < length)
    {
      gsize size = next_size (chunk_data, offset);
      g_autofree char *chunk = NULL;

      size = MIN (size, length - offset);
      chunk = g_memdup2 (doc + offset, size);

      if (!clockify_entry_stream_feed (stream, chunk, size, error))
        return FALSE;
      offset += size;
    }

  if (!clockify_entry_stream_finish (stream, &n_entries, error))
    return FALSE;
  g_assert_cmpuint (n_entries, ==, collector->records->len);
  return TRUE;
}

gsize
whole (gpointer data,
       gsize    offset)
{
  return G_MAXSIZE;
}

gsize
one_byte (gpointer data,
          gsize    offset)
{
  return 1;
}

GPtrArray *
parse_ok (ClockifyEntryStreamFormat  format,
          const char                *doc)
{
  g_autoptr(GError) error = NULL;
  Collector collector;
  GPtrArray *records;

  collector_init (&collector);
  parse_chunked (format, doc, strlen (doc), whole, NULL, &collector, &error);
  g_assert_no_error (error);
  records = g_ptr_array_ref (collector.records);
  collector_clear (&collector);
  return records;
}

/* Parses @doc whole, then byte by byte: both must fail with the same
 * INVALID_RESPONSE message, which must contain @needle. */
void
assert_invalid (ClockifyEntryStreamFormat  format,
                const char                *doc,
                const char                *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_bytes = NULL;
  Collector collector;

  collector_init (&collector);
  g_assert_false (parse_chunked (format, doc, strlen (doc), whole, NULL, &collector, &error));
  collector_clear (&collector);
  collector_init (&collector);
  g_assert_false (parse_chunked (format, doc, strlen (doc), one_byte, NULL, &collector,
                                 &error_bytes));
  collector_clear (&collector);

  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_error (error_bytes, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, error_bytes->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("%s\nmessage “%s” does not contain “%s”", doc, error->message, needle);
}

void
assert_strv (char       **actual,
             const char  *expected)
{
  g_auto(GStrv) split = *expected ? g_strsplit (expected, ";", -1) : g_new0 (char *, 1);

  g_assert_nonnull (actual);
  g_assert_cmpstrv (actual, split);
}

char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

char *
spec_report_page (void)
{
  g_autofree char *tmp = replace (report_page, "\"timeentries\"", "\"timeEntries\"");

  return replace (tmp, "\"_id\"", "\"id\"");
}

/* A realistic main-API page: completed, running, unicode, hydrated. */
const char main_page[] =
  "[{\"id\":\"65f1a2b3c4d5e6f708091a2b\","
  "\"description\":\"Planning, \\\"Q2\\\" review\\nfollow-up\","
  "\"tagIds\":[\"64a000000000000000000001\",\"64a000000000000000000002\"],"
  "\"userId\":\"64b000000000000000000001\",\"billable\":true,"
  "\"taskId\":\"64c000000000000000000001\",\"projectId\":\"64d000000000000000000001\","
  "\"workspaceId\":\"64e000000000000000000001\","
  "\"timeInterval\":{\"start\":\"2024-03-01T08:00:00Z\",\"end\":\"2024-03-01T09:30:00.123Z\","
  "\"duration\":\"PT1H30M\"},"
  "\"customFieldValues\":[{\"customFieldId\":\"64f000000000000000000001\","
  "\"timeEntryId\":\"65f1a2b3c4d5e6f708091a2b\",\"value\":\"INV-42\",\"name\":\"Invoice\","
  "\"type\":\"TIMEENTRY\"},{\"customFieldId\":\"64f000000000000000000002\",\"name\":\"Hours\","
  "\"value\":1.50},{\"value\":[\"a\",{\"b\":[true,false,null,-1e-3]}],"
  "\"customFieldId\":\"64f000000000000000000003\"}],"
  "\"type\":\"REGULAR\",\"kioskId\":null,\"hourlyRate\":{\"amount\":10500,\"currency\":\"USD\"},"
  "\"costRate\":{\"amount\":4000,\"currency\":\"USD\"},\"isLocked\":false},\n"
  " {\"id\":\"65f1a2b3c4d5e6f708091a2c\",\"description\":\"\",\"tagIds\":null,"
  "\"userId\":\"64b000000000000000000001\",\"billable\":false,\"taskId\":null,\"projectId\":null,"
  "\"timeInterval\":{\"start\":\"2024-03-02T07:15:00.5Z\",\"end\":null,\"duration\":null},"
  "\"customFieldValues\":null,\"hourlyRate\":null,\"costRate\":null},\n"
  " {\"id\":\"65f1a2b3c4d5e6f708091a2d\",\"description\":\"Caf\xc3\xa9 \\u00e9t\\u00E9 "
  "\xe2\x98\x95 \\ud83d\\ude00 \xf0\x9f\x8e\x89 \\\\ \\/ \\t|\\b\\f\\r\","
  "\"tagIds\":[],\"userId\":\"64b000000000000000000002\",\"billable\":false,"
  "\"projectId\":\"\",\"timeInterval\":{\"duration\":\"P1DT2H\","
  "\"start\":\"2024-02-29T23:59:59+00:00\",\"end\":\"2024-03-02T01:59:59Z\"},"
  "\"customFieldValues\":[],\"hourlyRate\":{\"amount\":-250,\"currency\":\"EUR\"},"
  "\"costRate\":{\"amount\":0,\"currency\":\"EUR\"}},\n"
  " {\"id\":\"65f1a2b3c4d5e6f708091a2e\",\"description\":\"Hydrated\",\"userId\":\"u1\","
  "\"projectId\":\"p1\",\"taskId\":\"t1\",\"tagIds\":[\"g1\",\"g2\"],\"billable\":true,"
  "\"timeInterval\":{\"start\":\"2024-03-01T09:00:00Z\",\"end\":\"2024-03-01T09:00:00Z\","
  "\"duration\":\"PT0S\"},"
  "\"project\":{\"id\":\"p1\",\"name\":\"Website\",\"clientId\":\"c1\","
  "\"clientName\":\"ACME, Inc.\","
  "\"memberships\":[{\"userId\":\"u1\",\"hourlyRate\":{\"amount\":1}}]},"
  "\"task\":{\"id\":\"t1\",\"name\":\"Design\"},\"tags\":[{\"id\":\"g1\",\"name\":\"urgent\"},"
  "{\"id\":\"g2\",\"name\":\"client \\\"A\\\"\"}],\"user\":{\"id\":\"u1\",\"name\":\"Ana\","
  "\"email\":\"ana@example.com\",\"settings\":{\"timeZone\":\"Europe/Berlin\"}}}]\n";

const char report_page[] =
  "{\"totals\":[{\"_id\":\"\",\"totalTime\":9000,\"entriesCount\":2,\"totalAmount\":4321.0,"
  "\"amounts\":[{\"type\":\"EARNED\",\"value\":4321.0}]}],\"timeentries\":["
  "{\"_id\":\"66a000000000000000000001\",\"description\":\"Design review\","
  "\"userId\":\"u1\",\"userName\":\"Ana M\xc3\xbcller\",\"userEmail\":\"ana@example.com\","
  "\"projectId\":\"p1\",\"projectName\":\"Website\",\"projectColor\":\"#03A9F4\","
  "\"clientId\":\"c1\",\"clientName\":\"ACME, Inc.\",\"taskId\":\"t1\",\"taskName\":\"Design\","
  "\"tags\":[{\"id\":\"g1\",\"name\":\"urgent\"},{\"id\":\"g2\",\"name\":\"client \\\"A\\\"\"}],"
  "\"customFields\":[{\"customFieldId\":\"f1\",\"name\":\"Ticket\",\"type\":\"TEXT\","
  "\"value\":\"T-1\"}],\"billable\":true,\"isLocked\":false,\"type\":\"REGULAR\","
  "\"approvalRequestId\":null,\"timeInterval\":{\"start\":\"2024-03-01T09:00:00+01:00\","
  "\"end\":\"2024-03-01T10:00:00+01:00\",\"duration\":3600},\"rate\":4321.0,\"amount\":4321.0,"
  "\"costRate\":2000.0,\"costAmount\":2000.0,\"earnedRate\":4321.0,\"earnedAmount\":4321.0,"
  "\"currency\":\"USD\"},"
  "{\"_id\":\"66a000000000000000000002\",\"description\":\"\",\"userId\":\"u2\","
  "\"userName\":\"Bo\",\"userEmail\":\"bo@example.com\",\"projectId\":\"p2\","
  "\"projectName\":\"Ops\",\"clientId\":\"\",\"clientName\":null,\"taskId\":\"\","
  "\"taskName\":null,\"tags\":[],\"customFields\":[],\"billable\":false,"
  "\"timeInterval\":{\"start\":\"2024-03-01T08:00:00.250Z\",\"end\":\"2024-03-01T09:30:00.250Z\","
  "\"duration\":5400.0},\"rate\":0.0,\"costRate\":1999.5,\"earnedRate\":0,"
  "\"currency\":\"EUR\"}],\"totals2\":{\"a\":[[],{}]}}";
