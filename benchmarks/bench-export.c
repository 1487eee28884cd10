/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-export: the export engine's figures, side by side with the goals
 * of the export issue.
 *
 *   bench-export [--quick] TIMECARD_SIM
 *   bench-export [--quick] --parse-write      (only 3.)
 *
 * 1. Requests per export against the minimum for each strategy
 *    (20,000 entries, the simulator counting).
 * 2. Requests per second with 300 ms of latency on every request (the
 *    simulator's DELAY fault) at Clockify's 10 per second.
 * 3. Parse + write, time entries per second of one core's CPU time, from
 *    5000-entry main-API pages and 1000-entry report pages into CSV and
 *    SQLite (the job's bulk path: the entry stream into the writer, a window
 *    per page); parsing alone first.
 * 4. Peak resident memory of a 1,000,000-entry export (TIMECARD_SIM as a
 *    separate process; the export in a child process of its own, so that
 *    nothing else counts).
 */
#define G_LOG_DOMAIN "bench-export"
#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "clockify-entry-stream.h"
#include "clockify-sim.h"
#include "entry-page-generator.h"
#include "timecard-export-job.h"

#define GOAL_REQUESTS_PER_SECOND 9.0
#define GOAL_CSV_PER_SECOND      250000.0
#define GOAL_SQLITE_PER_SECOND   100000.0
#define GOAL_PEAK_RSS_MB         64.0

static gboolean quick;

/* Helpers */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static ClockifyClient *
client_for (const char *base_url,
            const char *key,
            gboolean    fast)
{
  g_autoptr(ClockifyServer) server = clockify_server_new_custom (base_url, NULL);
  ClockifyClient *client = clockify_client_new (server, key);

  if (fast)
    g_object_set (client, "rate", 10000.0, "burst", 10000, NULL);
  else
    g_object_set (client, "rate", CLOCKIFY_THROTTLE_DEFAULT_RATE, "burst", CLOCKIFY_THROTTLE_DEFAULT_BURST, NULL);

  return client;
}

static ClockifyWorkspace *
find_workspace (ClockifyClient *client,
                const char     *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) workspaces = NULL;

  clockify_client_list_workspaces_async (client, NULL, store_result, &result);
  workspaces = clockify_client_list_workspaces_finish (client, wait_for (&result), NULL);
  g_assert_nonnull (workspaces);

  for (guint i = 0; i < workspaces->len; i++)
    if (g_str_equal (clockify_workspace_get_id (g_ptr_array_index (workspaces, i)), id))
      return g_object_ref (g_ptr_array_index (workspaces, i));

  g_assert_not_reached ();
}

static TimecardExportJob *
run_export (ClockifyClient         *client,
            ClockifyWorkspace      *workspace,
            TimecardExportStrategy  strategy,
            guint                   entities,
            TimecardExportFormat    format,
            const char             *path)
{
  g_autoptr(TimecardExportPlan) plan = timecard_export_plan_new (client, workspace);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TimecardExportJob *job;

  timecard_export_plan_set_requested_strategy (plan, strategy);
  timecard_export_plan_set_entities (plan, entities);
  timecard_export_plan_set_time_zone (plan, "UTC");

  job = timecard_export_job_new (plan, format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE);
  timecard_export_job_run_async (job, NULL, store_result, &result);
  if (!timecard_export_job_run_finish (job, wait_for (&result), &error))
    g_error ("The export failed: %s", error->message);

  return job;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  remove (path);
}

static double
thread_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The calling thread's CPU seconds in the kernel (writes, syncs). */
static double
thread_system_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static const char *
verdict (gboolean ok)
{
  return ok ? "PASS" : "FAIL";
}

static ClockifySim *
new_sim (guint n_entries,
         guint n_users)
{
  ClockifySimOptions options;
  ClockifySim *sim;

  clockify_sim_options_init_default (&options);
  options.seed = 42;
  options.n_time_entries = n_entries;
  options.n_users = n_users;
  sim = clockify_sim_new (&options);
  g_assert_true (clockify_sim_start (sim, NULL));

  return sim;
}

/* 1. Requests against the minimum */

static void
bench_requests (GString *summary)
{
  guint n_entries = quick ? 5000 : 20000;
  g_autoptr(ClockifySim) sim = new_sim (n_entries, 5);
  const char *ws = clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
  g_autoptr(ClockifyClient) client = client_for (clockify_sim_get_base_url (sim),
                                                 clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER), TRUE);
  g_autoptr(ClockifyWorkspace) workspace = find_workspace (client, ws);
  g_autoptr(JsonNode) users = clockify_sim_dup_entities (sim, ws, "users");
  g_autoptr(JsonNode) entries = clockify_sim_dup_entities (sim, ws, "time-entries");
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  guint completed = 0, per_user_minimum = 0;

  clockify_sim_set_rate_limit (sim, 0);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (entries)); i++)
    {
      JsonObject *interval = json_object_get_object_member (json_array_get_object_element (json_node_get_array (entries), i),
                                                            "timeInterval");

      if (!json_object_get_null_member (interval, "end"))
        completed++;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (users)); i++)
    {
      const char *user = json_object_get_string_member (json_array_get_object_element (json_node_get_array (users), i), "id");
      g_autoptr(JsonNode) own = clockify_sim_dup_user_time_entries (sim, ws, user);

      per_user_minimum += MAX (1, (json_array_get_length (json_node_get_array (own)) + 4999) / 5000);
    }

  g_string_append_printf (summary, "1. Requests per export (%u entries, 5 users, all entities)\n", n_entries);
  for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_REPORTS; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
    {
      gboolean reports = s == TIMECARD_EXPORT_STRATEGY_REPORTS;
      g_autofree char *path = g_build_filename (dir, reports ? "reports" : "per-user", NULL);
      g_autoptr(TimecardExportJob) job = NULL;
      guint minimum = reports ? (completed + 999) / 1000 : per_user_minimum;
      guint made;

      clockify_sim_clear_log (sim);
      job = run_export (client, workspace, s, TIMECARD_EXPORT_ALL_ENTITIES, TIMECARD_EXPORT_FORMAT_CSV, path);
      made = clockify_sim_count_requests (sim, NULL, reports ? "/reports/detailed" : "/time-entries", -1);
      g_string_append_printf (summary, "   %-9s time-entry requests %4u   minimum %4u   %s   "
                              "(all requests %u, planned %u)\n",
                              timecard_export_strategy_to_string (s), made, minimum, verdict (made == minimum),
                              clockify_sim_count_requests (sim, NULL, NULL, -1),
                              timecard_export_plan_get_n_requests (timecard_export_job_get_plan (job)));
    }

  remove_tree (dir);
}

/* 2. Throughput with latency */

static double
request_rate (ClockifySim *sim,
              const char  *path)
{
  g_autoptr(GPtrArray) log = clockify_sim_dup_log (sim);
  gint64 first = G_MAXINT64, last = G_MININT64;
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    {
      ClockifySimRequest *request = g_ptr_array_index (log, i);

      if (strstr (request->path, path) == NULL)
        continue;
      first = MIN (first, request->time_us);
      last = MAX (last, request->time_us);
      n++;
    }

  return n > 1 ? (n - 1) / ((last - first) / 1e6) : 0.0;
}

static void
bench_latency (GString *summary)
{
  guint n_entries = quick ? 20000 : 60000;

  g_string_append_printf (summary, "2. 300 ms latency on every request, Clockify's 10 requests/s enforced\n");
  for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_REPORTS; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
    {
      gboolean reports = s == TIMECARD_EXPORT_STRATEGY_REPORTS;
      /* Per-user: many users of few entries, one request each. */
      g_autoptr(ClockifySim) sim = new_sim (reports ? n_entries : n_entries / 20, reports ? 5 : 60);
      const char *ws = clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
      g_autoptr(ClockifyClient) client = client_for (clockify_sim_get_base_url (sim),
                                                     clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER), FALSE);
      g_autoptr(ClockifyWorkspace) workspace = find_workspace (client, ws);
      g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "out", NULL);
      g_autoptr(TimecardExportJob) job = NULL;
      ClockifySimFault delay = { .kind = CLOCKIFY_SIM_FAULT_DELAY, .delay_ms = 300 };
      const char *entries_path = reports ? "/reports/detailed" : "/time-entries";
      double rate;

      clockify_sim_add_fault (sim, &delay);
      clockify_sim_reset_limits (sim);
      g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
      clockify_sim_clear_log (sim);

      job = run_export (client, workspace, s,
                        TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES),
                        TIMECARD_EXPORT_FORMAT_CSV, path);
      rate = request_rate (sim, entries_path);
      g_string_append_printf (summary, "   %-9s %5.2f requests/s over %u requests   goal >= %.0f   %s   "
                              "(429s: %u, most in flight: %u)\n",
                              timecard_export_strategy_to_string (s), rate,
                              clockify_sim_count_requests (sim, NULL, entries_path, -1),
                              GOAL_REQUESTS_PER_SECOND, verdict (rate >= GOAL_REQUESTS_PER_SECOND),
                              clockify_sim_count_requests (sim, NULL, NULL, 429),
                              timecard_export_job_get_max_in_flight_seen (job));
      remove_tree (dir);
    }
}

/* 3. Parse + write per core */

typedef struct
{
  TimecardExportWriter *writer;
  guint64               n;
} Sink;

static gboolean
write_record (const ClockifyEntryRecord  *record,
              gpointer                    user_data,
              GError                    **error)
{
  Sink *sink = user_data;

  sink->n++;
  return sink->writer == NULL || timecard_export_writer_write_entry (sink->writer, record, error);
}

static gboolean
count_record (const ClockifyEntryRecord  *record,
              gpointer                    user_data,
              GError                    **error)
{
  ((Sink *) user_data)->n++;
  return TRUE;
}

/* CPU seconds to parse (and write, with a writer) every page; of them,
 * @out_system in the kernel. */
static double
parse_pages (GPtrArray                 *pages,
             ClockifyEntryStreamFormat  format,
             TimecardExportWriter      *writer,
             guint64                   *out_n,
             double                    *out_system)
{
  Sink sink = { writer, 0 };
  double started = thread_cpu_seconds ();
  double system_started = thread_system_seconds ();
  g_autoptr(GError) error = NULL;

  if (writer != NULL)
    g_assert_true (timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error));

  for (guint i = 0; i < pages->len; i++)
    {
      GBytes *page = g_ptr_array_index (pages, i);
      g_autoptr(ClockifyEntryStream) stream =
        clockify_entry_stream_new (format, writer != NULL ? write_record : count_record, &sink);
      gsize size;
      const char *data = g_bytes_get_data (page, &size);
      TimecardExportWindow window = { "bench", (gint64) i, (gint64) i + 1, NULL, FALSE };

      if (writer != NULL)
        g_assert_true (timecard_export_writer_begin_window (writer, &window, &error));
      g_assert_true (clockify_entry_stream_feed (stream, data, size, &error));
      g_assert_true (clockify_entry_stream_finish (stream, NULL, &error));
      if (writer != NULL)
        g_assert_true (timecard_export_writer_commit_window (writer, &error));
    }

  if (writer != NULL)
    g_assert_true (timecard_export_writer_end_entity (writer, &error) &&
                   timecard_export_writer_finish (writer, &error));
  g_assert_no_error (error);

  *out_n = sink.n;
  *out_system = thread_system_seconds () - system_started;
  return thread_cpu_seconds () - started;
}

static void
bench_parse_write (GString *summary)
{
  guint n_pages = quick ? 10 : 60;
  guint n_report_pages = quick ? 50 : 120;
  g_autoptr(GPtrArray) main_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) report_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  gsize bytes = 0, report_bytes = 0;

  for (guint i = 0; i < n_pages; i++)
    {
      GString *page = g_string_new (NULL);

      page_generate_main (page, i + 1, i * 5000, 5000, FALSE);
      bytes += page->len;
      g_ptr_array_add (main_pages, g_string_free_to_bytes (page));
    }
  /* Enough report entries that a run takes a tenth of a second or more:
   * fewer are at the mercy of a page fault or another process. */
  for (guint i = 0; i < n_report_pages; i++)
    {
      GString *page = g_string_new (NULL);

      page_generate_report (page, i + 1, i * 1000, 1000, FALSE);
      report_bytes += page->len;
      g_ptr_array_add (report_pages, g_string_free_to_bytes (page));
    }

  g_string_append_printf (summary, "3. Parse + write, one core (%u pages of 5000 main-API entries, %.0f MB; "
                          "%u report pages of 1000, %.0f MB)\n", n_pages, bytes / 1e6,
                          n_report_pages, report_bytes / 1e6);

  for (guint k = 0; k < 2; k++)
    {
      guint64 n;
      double system;
      double seconds = parse_pages (k == 0 ? main_pages : report_pages,
                                    k == 0 ? CLOCKIFY_ENTRY_STREAM_MAIN : CLOCKIFY_ENTRY_STREAM_REPORT,
                                    NULL, &n, &system);

      g_string_append_printf (summary, "   parse  %-6s %9.0f entries/s   (%.0f MB/s)\n", k == 0 ? "main" : "report",
                              n / seconds, (k == 0 ? bytes : report_bytes) / 1e6 / seconds);
    }

  for (TimecardExportFormat format = TIMECARD_EXPORT_FORMAT_CSV; format <= TIMECARD_EXPORT_FORMAT_SQLITE; format++)
    {
      double goal = format == TIMECARD_EXPORT_FORMAT_SQLITE ? GOAL_SQLITE_PER_SECOND : GOAL_CSV_PER_SECOND;

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *path = g_strdup_printf ("%s/out-%d-%u%s", dir, format, k,
                                                   format == TIMECARD_EXPORT_FORMAT_SQLITE ? ".sqlite" : "");
          g_autoptr(TimecardExportLookup) lookup = timecard_export_lookup_new ();
          g_autoptr(TimecardExportWriter) writer = timecard_export_writer_new (format, path, 0, zone, lookup);
          g_autoptr(GEnumClass) formats = g_type_class_ref (TIMECARD_TYPE_EXPORT_FORMAT);
          guint64 n;
          double seconds, system, rate;

          g_assert_true (timecard_export_writer_open (writer, NULL));
          seconds = parse_pages (k == 0 ? main_pages : report_pages,
                                 k == 0 ? CLOCKIFY_ENTRY_STREAM_MAIN : CLOCKIFY_ENTRY_STREAM_REPORT,
                                 writer, &n, &system);
          rate = n / seconds;
          if (format == TIMECARD_EXPORT_FORMAT_JSONL)
            g_string_append_printf (summary, "   %-6s %-6s %9.0f entries/s   (no goal of its own)",
                                    g_enum_get_value (formats, format)->value_nick,
                                    k == 0 ? "main" : "report", rate);
          else
            g_string_append_printf (summary, "   %-6s %-6s %9.0f entries/s   goal >= %.0f   %s",
                                    g_enum_get_value (formats, format)->value_nick,
                                    k == 0 ? "main" : "report", rate, goal, verdict (rate >= goal));
          /* Writing and syncing the files: what the disk and the other
           * processes on the machine make vary most. */
          g_string_append_printf (summary, "   (%.0f%% in the kernel)\n", 100 * system / seconds);
        }
    }

  remove_tree (dir);
}

/* 4. Peak memory of a 1,000,000-entry export */

static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* The child: export from the simulator at BASE with KEY into DIR. */
static int
rss_child (const char *base_url,
           const char *key,
           const char *workspace_id,
           const char *dir)
{
  g_autoptr(ClockifyClient) client = client_for (base_url, key, FALSE);
  g_autoptr(ClockifyWorkspace) workspace = find_workspace (client, workspace_id);
  g_autofree char *path = g_build_filename (dir, "million", NULL);
  g_autoptr(TimecardExportJob) job = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 before = peak_rss_kb ();

  job = run_export (client, workspace, TIMECARD_EXPORT_STRATEGY_PER_USER,
                    TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
                    TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES),
                    TIMECARD_EXPORT_FORMAT_CSV, path);

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT " %u %.1f\n",
          before, peak_rss_kb (),
          timecard_export_job_get_n_entity_rows (job, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES),
          timecard_export_job_get_n_requests (job),
          (g_get_monotonic_time () - started) / 1e6);
  return 0;
}

static char *
read_line (GDataInputStream *in)
{
  char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, NULL);

  g_assert_nonnull (line);
  return line;
}

static void
bench_memory (GString    *summary,
              const char *self,
              const char *sim_program)
{
  guint n_entries = quick ? 100000 : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  g_autofree char *keys_file = g_build_filename (dir, "keys", NULL);
  g_autofree char *entries = g_strdup_printf ("%u", n_entries);
  g_autoptr(GSubprocess) sim = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) fields = NULL;
  char *key;

  sim = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, sim_program, "--entries", entries,
                          "--users", "20", "--keys-file", keys_file, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim));
  base = read_line (lines);
  paid = read_line (lines);
  g_assert_true (g_file_get_contents (keys_file, &keys, NULL, NULL));
  key = strstr (keys, "owner ") + strlen ("owner ");
  *strchr (key, '\n') = '\0';

  /* The key goes through the environment of a child of ours, never argv. */
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

    g_subprocess_launcher_setenv (launcher, "BENCH_EXPORT_KEY", key, TRUE);
    child = g_subprocess_launcher_spawn (launcher, &error, self, "--rss-child", base,
                                         paid + strlen ("workspace paid "), dir, NULL);
    g_assert_no_error (error);
  }
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_subprocess_send_signal (sim, SIGTERM);
  g_subprocess_wait (sim, NULL, NULL);

  fields = g_strsplit (g_strstrip (out), " ", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  {
    double peak_mb = g_ascii_strtoll (fields[1], NULL, 10) / 1024.0;

    g_string_append_printf (summary, "4. A %u-entry export (per-user, CSV, 20 users, 10 requests/s)\n", n_entries);
    g_string_append_printf (summary, "   peak RSS %.1f MB (%.1f MB before the export)   goal < %.0f MB   %s   "
                            "(%s rows, %s requests, %s s)\n",
                            peak_mb, g_ascii_strtoll (fields[0], NULL, 10) / 1024.0, GOAL_PEAK_RSS_MB,
                            verdict (peak_mb < GOAL_PEAK_RSS_MB), fields[2], fields[3], fields[4]);
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *sim_program;

  if (argc == 5 && g_str_equal (argv[1], "--rss-child"))
    return rss_child (argv[2], g_getenv ("BENCH_EXPORT_KEY"), argv[3], argv[4]);

  if (argc > 1 && g_str_equal (argv[1], "--quick"))
    {
      quick = TRUE;
      argv++;
      argc--;
    }
  if (argc > 1 && g_str_equal (argv[1], "--parse-write"))
    {
      bench_parse_write (summary);
      printf ("Timecard export benchmark, parse + write only%s\n%s", quick ? " (quick)" : "", summary->str);
      return 0;
    }
  sim_program = argc > 1 ? argv[1] : g_getenv ("TIMECARD_SIM_PROGRAM");
  if (sim_program == NULL)
    {
      fprintf (stderr, "usage: bench-export [--quick] TIMECARD_SIM|--parse-write\n");
      return 2;
    }

  bench_requests (summary);
  bench_latency (summary);
  bench_parse_write (summary);
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

    bench_memory (summary, self != NULL ? self : argv[0], sim_program);
  }

  printf ("Timecard export benchmark%s (%u cores)\n%s", quick ? " (quick)" : "",
          g_get_num_processors (), summary->str);
  return 0;
}
