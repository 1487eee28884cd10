/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-entry-stream"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <time.h>

#include "clockify-entry-stream.h"
#include "clockify-json.h"

#include "entry-page-generator.h"

/*
 * The bulk path against the reference, in one run on the same bytes
 * (PERFORMANCE.md: 40 pages of 5,000 main-API time entries, ~106 MB):
 *
 *   (a) ClockifyEntryStream, fed in 64 KiB reads as from a socket, and whole
 *   (c) the same plus CSV-like row formatting, a stand-in for the writer
 *   (b) json-glib: a JsonParser tree per page, then the same member reads
 *       and the same timestamp and duration parsing
 *
 * Every variant folds what it read into a checksum, and the checksums must
 * agree, so no variant can skip work. Rates are per core: entries over the
 * thread's CPU time (so other load on the machine matters less), best of
 * three runs for the fast variants; wall-clock seconds are shown too.
 *
 * Usage: bench-entry-stream [PAGES [ENTRIES_PER_PAGE]]
 */

#define READ_SIZE (64 * 1024)

typedef struct
{
  guint64 entries;
  guint64 checksum;
  GString *row;
} Sink;

static inline guint64
mix (guint64 h,
     guint64 value)
{
  return (h ^ value) * G_GUINT64_CONSTANT (0x100000001b3);
}

static inline guint64
mix_string (guint64     h,
            const char *text)
{
  return mix (h, text != NULL ? strlen (text) + (guchar) text[0] : 0xff);
}

static void
fold (Sink       *sink,
      const char *id,
      const char *description,
      const char *user_id,
      const char *project_id,
      const char *task_id,
      guint       n_tags,
      gboolean    billable,
      gint64      start_usec,
      gint64      end_usec,
      gint64      duration,
      gint64      hourly_rate,
      gint64      cost_rate,
      const char *currency)
{
  guint64 h = sink->checksum;

  h = mix_string (h, id);
  h = mix_string (h, description);
  h = mix_string (h, user_id);
  h = mix_string (h, project_id);
  h = mix_string (h, task_id);
  h = mix (h, n_tags);
  h = mix (h, billable);
  h = mix (h, (guint64) start_usec);
  h = mix (h, (guint64) end_usec);
  h = mix (h, (guint64) duration);
  h = mix (h, (guint64) hourly_rate);
  h = mix (h, (guint64) cost_rate);
  h = mix_string (h, currency);
  sink->checksum = h;
  sink->entries++;
}

static gboolean
on_entry (const ClockifyEntryRecord  *r,
          gpointer                    user_data,
          GError                    **error)
{
  fold (user_data, r->id, r->description, r->user_id, r->project_id, r->task_id, r->n_tag_ids,
        r->billable, r->start_usec, r->end_usec, r->duration_seconds, r->hourly_rate,
        r->cost_rate, r->hourly_rate_currency);
  return TRUE;
}

static void
append_csv_field (GString    *row,
                  const char *text)
{
  if (text == NULL)
    {
      g_string_append_c (row, ',');
      return;
    }

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (row, text);
    }
  else
    {
      g_string_append_c (row, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (row, '"');
          g_string_append_c (row, *p);
        }
      g_string_append_c (row, '"');
    }
  g_string_append_c (row, ',');
}

static void
append_csv_time (GString *row,
                 gint64   usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 days = seconds / 86400, rest = seconds % 86400;
  /* civil_from_days (H. Hinnant) */
  gint64 z = days + 719468, era = z / 146097, doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  gint64 day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
  gint64 year = yoe + era * 400 + (month <= 2);

  g_string_append_printf (row, "%04d-%02d-%02dT%02d:%02d:%02dZ,", (int) year, (int) month,
                          (int) day, (int) (rest / 3600), (int) (rest / 60 % 60),
                          (int) (rest % 60));
}

static gboolean
on_entry_csv (const ClockifyEntryRecord  *r,
              gpointer                    user_data,
              GError                    **error)
{
  Sink *sink = user_data;
  GString *row = sink->row;

  g_string_truncate (row, 0);
  append_csv_field (row, r->id);
  append_csv_field (row, r->description);
  append_csv_field (row, r->user_id);
  append_csv_field (row, r->project_id);
  append_csv_field (row, r->task_id);
  for (guint i = 0; i < r->n_tag_ids; i++)
    {
      g_string_append (row, r->tag_ids[i]);
      g_string_append_c (row, i + 1 < r->n_tag_ids ? ';' : ',');
    }
  g_string_append (row, r->billable ? "true," : "false,");
  append_csv_time (row, r->start_usec);
  if (r->end_usec != CLOCKIFY_ENTRY_RUNNING)
    append_csv_time (row, r->end_usec);
  g_string_append_printf (row, "%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ".%02d,",
                          r->duration_seconds, r->hourly_rate / 100, (int) (r->hourly_rate % 100));
  append_csv_field (row, r->custom_fields_json);
  g_string_append (row, "\r\n");

  sink->checksum = mix (sink->checksum, row->len);
  return on_entry (r, user_data, error);
}

static void
run_stream (GPtrArray         *pages,
            gsize              read_size,
            ClockifyEntryFunc  func,
            Sink              *sink)
{
  for (guint i = 0; i < pages->len; i++)
    {
      GString *page = pages->pdata[i];
      g_autoptr(ClockifyEntryStream) stream = clockify_entry_stream_new (CLOCKIFY_ENTRY_STREAM_MAIN,
                                                                         func, sink);
      g_autoptr(GError) error = NULL;

      for (gsize offset = 0; offset < page->len; offset += read_size)
        if (!clockify_entry_stream_feed (stream, page->str + offset,
                                         MIN (read_size, page->len - offset), &error))
          g_error ("%s", error->message);
      if (!clockify_entry_stream_finish (stream, NULL, &error))
        g_error ("%s", error->message);
    }
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gint64
get_amount (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;
  return json_object_get_int_member_with_default (json_node_get_object (node), "amount", 0);
}

static gint64
get_time (JsonObject *interval,
          const char *name)
{
  const char *text = get_string (interval, name);
  gint64 usec;

  if (text == NULL || !clockify_json_parse_timestamp_usec (text, strlen (text), &usec))
    return CLOCKIFY_ENTRY_RUNNING;
  return usec;
}

static void
run_json_glib (GPtrArray *pages,
               Sink      *sink)
{
  for (guint i = 0; i < pages->len; i++)
    {
      GString *page = pages->pdata[i];
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      JsonArray *entries;

      if (!json_parser_load_from_data (parser, page->str, page->len, &error))
        g_error ("%s", error->message);

      entries = json_node_get_array (json_parser_get_root (parser));
      for (guint e = 0; e < json_array_get_length (entries); e++)
        {
          JsonObject *entry = json_array_get_object_element (entries, e);
          JsonObject *interval = json_object_get_object_member (entry, "timeInterval");
          JsonNode *tags = json_object_get_member (entry, "tagIds");
          JsonNode *rate = json_object_get_member (entry, "hourlyRate");
          const char *duration_text = get_string (interval, "duration");
          gint64 end = get_time (interval, "end");
          gint64 duration = -1;

          if (end != CLOCKIFY_ENTRY_RUNNING && duration_text != NULL)
            clockify_json_parse_duration (duration_text, &duration);

          fold (sink, get_string (entry, "id"), get_string (entry, "description"),
                get_string (entry, "userId"), get_string (entry, "projectId"),
                get_string (entry, "taskId"),
                JSON_NODE_HOLDS_ARRAY (tags)
                ? json_array_get_length (json_node_get_array (tags)) : 0,
                json_object_get_boolean_member (entry, "billable"),
                get_time (interval, "start"), end, duration,
                get_amount (entry, "hourlyRate"), get_amount (entry, "costRate"),
                JSON_NODE_HOLDS_OBJECT (rate)
                ? get_string (json_node_get_object (rate), "currency") : NULL);
        }
    }
}

typedef struct
{
  const char *name;
  double seconds;
  double wall_seconds;
  Sink sink;
} Result;

static double
thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static void
free_page (gpointer page)
{
  g_string_free (page, TRUE);
}

static void
report (const Result *result,
        gsize         total_bytes)
{
  g_print ("  %-46s %10.0f entries/s  %7.1f MB/s  (%.2f s CPU, %.2f s wall)\n", result->name,
           result->sink.entries / result->seconds, total_bytes / 1e6 / result->seconds,
           result->seconds, result->wall_seconds);
}

int
main (int   argc,
      char *argv[])
{
  guint n_pages = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 40;
  guint per_page = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5000;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (free_page);
  Result stream_reads = { "(a) ClockifyEntryStream, 64 KiB reads", G_MAXDOUBLE, };
  Result stream_whole = { "(a) ClockifyEntryStream, whole pages", G_MAXDOUBLE, };
  Result stream_csv = { "(c) ClockifyEntryStream + CSV-like rows", G_MAXDOUBLE, };
  Result tree = { "(b) json-glib JsonParser tree + member reads", G_MAXDOUBLE, };
  gsize total_bytes = 0;

  if (n_pages == 0 || per_page == 0)
    {
      g_printerr ("Usage: %s [PAGES [ENTRIES_PER_PAGE]]\n", argv[0]);
      return 2;
    }

  for (guint i = 0; i < n_pages; i++)
    {
      GString *page = g_string_sized_new ((gsize) per_page * 600);

      page_generate_main (page, 1000 + i, i * per_page, per_page, FALSE);
      total_bytes += page->len;
      g_ptr_array_add (pages, page);
    }

  g_print ("bench-entry-stream: %u pages x %u entries, %.1f MB (%.0f bytes per entry), "
           "one thread\n",
           n_pages, per_page, total_bytes / 1e6, (double) total_bytes / (n_pages * per_page));

  /* Best of three for the fast variants, one run of the slow reference. */
  for (guint round = 0; round < 3; round++)
    {
      Result *variants[] = { &stream_reads, &stream_whole, &stream_csv };

      for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          Sink sink = { 0, 0, g_string_sized_new (1024) };
          gint64 begin = g_get_monotonic_time ();
          double begin_cpu = thread_cpu_seconds ();
          double seconds;

          run_stream (pages, variants[v] == &stream_whole ? G_MAXSIZE : READ_SIZE,
                      variants[v] == &stream_csv ? on_entry_csv : on_entry, &sink);
          seconds = thread_cpu_seconds () - begin_cpu;
          g_string_free (sink.row, TRUE);
          sink.row = NULL;
          if (seconds < variants[v]->seconds)
            {
              variants[v]->seconds = seconds;
              variants[v]->wall_seconds = (g_get_monotonic_time () - begin) / 1e6;
              variants[v]->sink = sink;
            }
        }
    }

  {
    gint64 begin = g_get_monotonic_time ();
    double begin_cpu = thread_cpu_seconds ();

    run_json_glib (pages, &tree.sink);
    tree.seconds = thread_cpu_seconds () - begin_cpu;
    tree.wall_seconds = (g_get_monotonic_time () - begin) / 1e6;
  }

  if (stream_reads.sink.entries != (guint64) n_pages * per_page
      || tree.sink.entries != stream_reads.sink.entries
      || tree.sink.checksum != stream_reads.sink.checksum
      || stream_whole.sink.checksum != stream_reads.sink.checksum)
    g_error ("The variants read different data (%" G_GUINT64_FORMAT " vs %" G_GUINT64_FORMAT
             " entries)", stream_reads.sink.entries, tree.sink.entries);

  report (&stream_reads, total_bytes);
  report (&stream_whole, total_bytes);
  report (&stream_csv, total_bytes);
  report (&tree, total_bytes);
  g_print ("  ratio (a, 64 KiB reads) / (b): %.1fx per core\n",
           tree.seconds / stream_reads.seconds);

  return 0;
}
