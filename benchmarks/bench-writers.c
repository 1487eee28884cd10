/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-writers"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clockify-entry-stream.h"
#include "timecard-export-writer.h"

#include "entry-page-generator.h"

/*
 * The export writers on 1,000,000 time entries, each format in a child
 * process so that its peak resident memory is its own:
 *
 *   (w) the writer alone: records made in memory, shaped like the main
 *       API's (ids only, so every row is denormalised through the lookup),
 *       with tags, rates, custom fields for a third, local times in
 *       Europe/Berlin, committed in windows of 50,000
 *   (e) end to end: main-API pages of 5,000 entries (entry-page-generator.h)
 *       fed in 64 KiB reads to ClockifyEntryStream, written by the writer;
 *       the time to generate the pages is left out
 *
 * Rates per core are rows over the CPU time of the work, "finish" included
 * (the end of the export: syncing, building SQLite's indexes, renaming into
 * place): the whole child's for (w), the thread's time around parsing,
 * writing and finishing for (e). They depend less on other load on the
 * machine than the wall-clock rates, shown too.
 *
 *   bench-writers [N_ENTRIES [DIRECTORY [csv|jsonl|sqlite]]]
 */

#define N_USERS    200
#define N_PROJECTS 500
#define N_TASKS    2000
#define N_TAGS     100
#define WINDOW     50000
#define PAGE_SIZE  5000
#define READ_SIZE  (64 * 1024)
#define T0         G_GINT64_CONSTANT (1709280000)

typedef struct
{
  double  work_seconds;
  double  cpu_seconds;
  double  finish_seconds;
  guint64 rows;
} Result;

static char *users[N_USERS];
static char *projects[N_PROJECTS];
static char *tasks[N_TASKS];
static char *tags[N_TAGS];

static const char * const descriptions[] = {
  "Code review",
  "Meeting with the client, planning",
  "Bug #1234: \"login\" fails",
  "Écriture de la documentation",
  "",
  "Deploy to production",
  "Research; reading papers",
  "Support ticket",
};

static double
thread_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *
page_id (guint kind,
         guint number)
{
  g_autoptr(GString) id = g_string_new (NULL);

  page_append_id (id, kind, number);
  return g_strndup (id->str + 1, id->len - 2);
}

static TimecardExportLookup *
make_lookup (void)
{
  TimecardExportLookup *lookup = timecard_export_lookup_new ();

  /* The synthetic records' entities. */
  for (guint i = 0; i < N_USERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("User Number %u", i);
      g_autofree char *email = g_strdup_printf ("user%u@example.com", i);

      users[i] = g_strdup_printf ("5e0001%018x", i);
      timecard_export_lookup_add_user (lookup, users[i], name, email);
    }
  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Project, number %u", i);
      g_autofree char *client = g_strdup_printf ("5e0002%018x", i % 50);
      g_autofree char *client_name = g_strdup_printf ("Client %u Ltd.", i % 50);

      projects[i] = g_strdup_printf ("5e0003%018x", i);
      timecard_export_lookup_add_project (lookup, projects[i], name, client, client_name);
      timecard_export_lookup_add_client (lookup, client, client_name);
    }
  for (guint i = 0; i < N_TASKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Task %u", i);

      tasks[i] = g_strdup_printf ("5e0004%018x", i);
      timecard_export_lookup_add_task (lookup, tasks[i], name);
    }
  for (guint i = 0; i < N_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("tag-%u", i);

      tags[i] = g_strdup_printf ("5e0005%018x", i);
      timecard_export_lookup_add_tag (lookup, tags[i], name);
    }
  timecard_export_lookup_add_custom_field (lookup, "cf1", "Ticket");
  timecard_export_lookup_add_custom_field (lookup, "cf2", "Estimate");

  /* The generated pages' entities. */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *id = page_id (2, i);
      g_autofree char *name = g_strdup_printf ("User %u", i);

      timecard_export_lookup_add_user (lookup, id, name, "user@example.com");
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = page_id (4, i);
      g_autofree char *client = page_id (6, i % 5);
      g_autofree char *name = g_strdup_printf ("Project %u, \"phase\" %u", i, i % 3);

      timecard_export_lookup_add_project (lookup, id, name, client, "Client GmbH");
      timecard_export_lookup_add_client (lookup, client, "Client GmbH");
      for (guint t = 0; t < 3; t++)
        {
          g_autofree char *task = page_id (5, i * 3 + t);

          timecard_export_lookup_add_task (lookup, task, "A task");
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_tag_names); i++)
    {
      g_autofree char *id = page_id (3, i);

      timecard_export_lookup_add_tag (lookup, id, page_tag_names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_field_names); i++)
    {
      g_autofree char *id = page_id (7, i);

      timecard_export_lookup_add_custom_field (lookup, id, page_field_names[i]);
    }
  timecard_export_lookup_set_currency (lookup, "EUR");

  return lookup;
}

typedef struct
{
  char                 id[32];
  const char          *tag_ids[4];
  ClockifyEntryRecord  record;
} Generator;

static void
generate (Generator *g,
          guint      i)
{
  static const char hex[] = "0123456789abcdef";
  guint n_tags = i % 4;

  /* A 24-digit hex id, like Clockify's. */
  memcpy (g->id, "65e1a0", 6);
  for (int d = 23; d >= 6; d--)
    g->id[d] = hex[(i >> (4 * (23 - d))) & 0xf];
  g->id[24] = '\0';

  for (guint t = 0; t < n_tags; t++)
    g->tag_ids[t] = tags[(i + 7 * t) % N_TAGS];
  g->tag_ids[n_tags] = NULL;

  g->record = (ClockifyEntryRecord) {
    .id = g->id,
    .description = descriptions[i % G_N_ELEMENTS (descriptions)],
    .user_id = users[i % N_USERS],
    .project_id = i % 5 != 0 ? projects[i % N_PROJECTS] : NULL,
    .task_id = i % 3 == 0 ? tasks[i % N_TASKS] : NULL,
    .tag_ids = g->tag_ids,
    .n_tag_ids = n_tags,
    .billable = i & 1,
    .start_usec = (T0 + (gint64) i * 600) * G_USEC_PER_SEC,
    .end_usec = (T0 + (gint64) i * 600 + 1800) * G_USEC_PER_SEC,
    .duration_seconds = 1800,
    .has_hourly_rate = TRUE,
    .hourly_rate = 5000 + i % 100,
    .hourly_rate_currency = "EUR",
    .has_cost_rate = i % 2 == 0,
    .cost_rate = 3000,
    .cost_rate_currency = "EUR",
    .custom_fields_json = i % 3 == 0
      ? "[{\"customFieldId\":\"cf1\",\"value\":\"T-1234\"},{\"customFieldId\":\"cf2\",\"value\":3}]"
      : NULL,
  };

  if (i % 1000 == 999)
    {
      g->record.end_usec = CLOCKIFY_ENTRY_RUNNING;
      g->record.duration_seconds = -1;
    }
}

static TimecardExportWriter *
open_writer (TimecardExportFormat format,
             const char           *path)
{
  g_autoptr(TimecardExportLookup) lookup = make_lookup ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  TimecardExportWriter *writer = timecard_export_writer_new (format, path, 0, zone, lookup);
  g_autoptr(GError) error = NULL;

  if (!timecard_export_writer_open (writer, &error)
      || !timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error))
    g_error ("%s", error->message);

  return writer;
}

static void
begin_window (TimecardExportWriter *writer,
              guint                 first)
{
  TimecardExportWindow window = { .strategy = "bench", .start_usec = first, .end_usec = first + WINDOW };
  g_autoptr(GError) error = NULL;

  if (!timecard_export_writer_begin_window (writer, &window, &error))
    g_error ("%s", error->message);
}

static void
commit_window (TimecardExportWriter *writer)
{
  g_autoptr(GError) error = NULL;

  if (!timecard_export_writer_commit_window (writer, &error))
    g_error ("%s", error->message);
}

static void
finish (TimecardExportWriter *writer,
        Result               *result)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = thread_cpu_seconds ();

  if (!timecard_export_writer_end_entity (writer, &error)
      || !timecard_export_writer_finish (writer, &error))
    g_error ("%s", error->message);

  result->finish_seconds = (g_get_monotonic_time () - start) / 1e6;
  result->cpu_seconds += thread_cpu_seconds () - cpu;
}

static void
run_records (TimecardExportFormat  format,
             const char           *path,
             guint                 n_entries,
             Result               *result)
{
  g_autoptr(TimecardExportWriter) writer = open_writer (format, path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  Generator g;

  for (guint i = 0; i < n_entries; i += WINDOW)
    {
      begin_window (writer, i);
      for (guint j = i; j < i + WINDOW && j < n_entries; j++)
        {
          generate (&g, j);
          if (!timecard_export_writer_write_entry (writer, &g.record, &error))
            g_error ("%s", error->message);
        }
      commit_window (writer);
    }

  result->work_seconds = (g_get_monotonic_time () - start) / 1e6;
  result->rows = n_entries;
  finish (writer, result);
}

static gboolean
write_record (const ClockifyEntryRecord  *record,
              gpointer                    user_data,
              GError                    **error)
{
  return timecard_export_writer_write_entry (user_data, record, error);
}

static void
run_pages (TimecardExportFormat  format,
           const char           *path,
           guint                 n_entries,
           Result               *result)
{
  g_autoptr(TimecardExportWriter) writer = open_writer (format, path);
  g_autoptr(GString) page = g_string_sized_new (PAGE_SIZE * 600);
  g_autoptr(GError) error = NULL;

  for (guint first = 0; first < n_entries; first += PAGE_SIZE)
    {
      g_autoptr(ClockifyEntryStream) stream = NULL;
      double cpu;
      gint64 start;
      guint n = 0;

      g_string_truncate (page, 0);
      page_generate_main (page, first, first, MIN (PAGE_SIZE, n_entries - first), FALSE);

      cpu = thread_cpu_seconds ();
      start = g_get_monotonic_time ();
      if (first % WINDOW == 0)
        begin_window (writer, first);

      stream = clockify_entry_stream_new (CLOCKIFY_ENTRY_STREAM_MAIN, write_record, writer);
      for (gsize offset = 0; offset < page->len; offset += READ_SIZE)
        if (!clockify_entry_stream_feed (stream, page->str + offset, MIN (READ_SIZE, page->len - offset), &error))
          g_error ("%s", error->message);
      if (!clockify_entry_stream_finish (stream, &n, &error))
        g_error ("%s", error->message);

      if ((first + PAGE_SIZE) % WINDOW == 0 || first + PAGE_SIZE >= n_entries)
        commit_window (writer);

      result->rows += n;
      result->cpu_seconds += thread_cpu_seconds () - cpu;
      result->work_seconds += (g_get_monotonic_time () - start) / 1e6;
    }

  finish (writer, result);
}

static void
remove_output (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
bench (TimecardExportFormat  format,
       const char           *label,
       gboolean              pages,
       const char           *dir,
       guint                 n_entries)
{
  g_autofree char *path = g_build_filename (dir, label, NULL);
  Result result = { 0 };
  struct rusage usage;
  double cpu;
  int fds[2];
  int status;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (pages)
        run_pages (format, path, n_entries, &result);
      else
        run_records (format, path, n_entries, &result);
      if (write (fds[1], &result, sizeof result) != sizeof result)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &result, sizeof result), ==, sizeof result);
  close (fds[0]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  cpu = pages ? result.cpu_seconds
              : usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
                + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  g_print ("%s %-6s %8" G_GUINT64_FORMAT " rows  %8.0f rows/CPU-s  %8.0f rows/s wall"
           "  (%5.2f s, finish %5.2f s)  peak RSS %3ld MB\n",
           pages ? "(e)" : "(w)", label, result.rows, result.rows / cpu,
           result.rows / (result.work_seconds + result.finish_seconds),
           result.work_seconds, result.finish_seconds, usage.ru_maxrss / 1024);

  remove_output (path);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    TimecardExportFormat format;
    const char *label;
  } formats[] = {
    { TIMECARD_EXPORT_FORMAT_CSV, "csv" },
    { TIMECARD_EXPORT_FORMAT_JSONL, "jsonl" },
    { TIMECARD_EXPORT_FORMAT_SQLITE, "sqlite" },
  };
  guint n_entries = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  gboolean own_dir = argc <= 2 || argv[2][0] == '\0';
  g_autofree char *dir = own_dir ? g_dir_make_tmp ("bench-writers-XXXXXX", NULL) : g_strdup (argv[2]);
  const char *only = argc > 3 ? argv[3] : NULL;

  if (n_entries == 0 || dir == NULL)
    {
      g_printerr ("Usage: %s [N_ENTRIES [DIRECTORY [csv|jsonl|sqlite]]]\n", argv[0]);
      return 2;
    }

  g_print ("bench-writers: %u time entries into %s\n", n_entries, dir);
  for (guint pages = 0; pages < 2; pages++)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      if (only == NULL || g_str_equal (only, formats[i].label))
        bench (formats[i].format, formats[i].label, pages, dir, n_entries);

  if (own_dir)
    g_rmdir (dir);
  return 0;
}
