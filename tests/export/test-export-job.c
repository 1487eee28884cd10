/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "clockify-error.h"
#include "export-fidelity.h"
#include "export-test-util.h"

/*
 * TimecardExportJob against the simulator: real requests, real files, real
 * SQLite. Each export is read back and compared with the simulator's data
 * set (export-fidelity.c).
 */

#define ALL TIMECARD_EXPORT_ALL_ENTITIES
#define UNBOUNDED_START TIMECARD_EXPORT_UNBOUNDED_START
#define UNBOUNDED_END TIMECARD_EXPORT_UNBOUNDED_END

typedef struct
{
  ClockifySim       *sim;
  ClockifyClient    *client;
  ClockifyWorkspace *workspace;
  char              *dir;
} Fixture;

typedef struct
{
  guint64                 seed;
  guint                   n_entries;
  gboolean                free_plan;
  gboolean                limits;      /* the simulator's and client's default rate */
  TimecardExportFormat    format;
  TimecardExportStrategy  strategy;
} Params;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Params *params = data;
  ClockifySimWorkspace which = params->free_plan ? CLOCKIFY_SIM_WORKSPACE_FREE : CLOCKIFY_SIM_WORKSPACE_PAID;

  f->sim = fidelity_sim_new (params->seed, params->n_entries);
  if (!params->limits)
    clockify_sim_set_rate_limit (f->sim, 0);
  f->client = fidelity_client_new (f->sim, CLOCKIFY_SIM_KEY_OWNER, !params->limits);
  f->workspace = fidelity_workspace (f->client, clockify_sim_get_workspace_id (f->sim, which));
  f->dir = fidelity_tmpdir ();
  clockify_sim_clear_log (f->sim);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fidelity_rm_rf (f->dir);
  g_free (f->dir);
  g_clear_object (&f->workspace);
  g_clear_object (&f->client);
  g_clear_object (&f->sim);
}

static char *
output_path (Fixture              *f,
             const char           *name,
             TimecardExportFormat  format)
{
  return g_strdup_printf ("%s/%s%s", f->dir, name, format == TIMECARD_EXPORT_FORMAT_SQLITE ? ".sqlite" : "");
}

static TimecardExportPlan *
new_plan (Fixture                *f,
          TimecardExportStrategy  strategy,
          guint                   entities)
{
  TimecardExportPlan *plan = timecard_export_plan_new (f->client, f->workspace);

  timecard_export_plan_set_requested_strategy (plan, strategy);
  timecard_export_plan_set_entities (plan, entities);
  /* The data set's "now", so that windows do not depend on the clock. */
  timecard_export_plan_set_now (plan, clockify_sim_get_now (f->sim) * G_USEC_PER_SEC);

  return plan;
}

static const char *
workspace_id (Fixture *f)
{
  return clockify_workspace_get_id (f->workspace);
}

static guint
sim_requests (Fixture *f,
              int      status)
{
  return clockify_sim_count_requests (f->sim, NULL, NULL, status);
}

static gboolean
run (TimecardExportPlan      *plan,
     TimecardExportFormat     format,
     const char              *path,
     TimecardExportJobFlags   flags,
     TimecardExportJob      **out_job,
     GError                 **error)
{
  g_autoptr(TimecardExportJob) job = timecard_export_job_new (plan, format, path, flags);
  gboolean ok = fidelity_run_job (job, NULL, error);

  if (out_job != NULL)
    *out_job = g_steal_pointer (&job);

  return ok;
}

/* Fidelity: every format and strategy, every row and column */

static void
test_fidelity (Fixture       *f,
               gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) plan = new_plan (f, params->strategy, ALL);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(ExportExpect) expect = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "export", params->format);
  gboolean reports = params->strategy == TIMECARD_EXPORT_STRATEGY_REPORTS;

  g_assert_true (run (plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, &job, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timecard_export_plan_get_strategy (plan), ==, params->strategy);

  /* The time zone is the key user's profile zone. */
  g_assert_nonnull (timecard_export_plan_get_time_zone_name (plan));
  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (plan),
                              UNBOUNDED_START, UNBOUNDED_END, reports, ALL);
  g_assert_cmpuint (export_expect_n_entries (expect), >, params->n_entries * 9 / 10);
  export_expect_check (expect, params->format, path);
  g_assert_cmpuint (timecard_export_job_get_n_entity_rows (job, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), ==,
                    export_expect_n_entries (expect));

  /* Every request was planned, and the plan's count is what was sent. */
  g_assert_cmpuint (timecard_export_job_get_n_requests (job), ==, sim_requests (f, -1));
  if (params->n_entries <= 1000)
    g_assert_cmpuint (timecard_export_plan_get_n_requests (plan), ==, sim_requests (f, -1));
  g_assert_cmpuint (sim_requests (f, 429), ==, 0);
}

/* A range that cuts through the data, in a zone with DST */

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  gint64 start, end;
  g_autoptr(GError) error = NULL;

  g_assert_true (timecard_export_parse_range_bound ("2025-03-01", zone, FALSE, &start, &error));
  g_assert_true (timecard_export_parse_range_bound ("2025-11-30", zone, TRUE, &end, &error));
  g_assert_no_error (error);

  for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_REPORTS; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
    {
      g_autoptr(TimecardExportPlan) plan = new_plan (f, s, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
      g_autoptr(ExportExpect) expect = NULL;
      g_autofree char *name = g_strdup_printf ("range-%d", s);
      g_autofree char *path = output_path (f, name, params->format);

      timecard_export_plan_set_time_zone (plan, "America/New_York");
      timecard_export_plan_set_range (plan, start, end);
      if (s == TIMECARD_EXPORT_STRATEGY_REPORTS)
        timecard_export_plan_set_report_window_days (plan, 60);

      g_assert_true (run (plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
      g_assert_no_error (error);

      expect = export_expect_new (f->sim, workspace_id (f), "America/New_York", start, end,
                                  s == TIMECARD_EXPORT_STRATEGY_REPORTS,
                                  TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
      g_assert_cmpuint (export_expect_n_entries (expect), >, 10);
      g_assert_cmpuint (export_expect_n_entries (expect), <, params->n_entries / 2);
      export_expect_check (expect, params->format, path);
    }
}

/* At the default rate, with the simulator enforcing Clockify's limit */

static void
test_default_limits (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_PER_USER, ALL);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "limits", TIMECARD_EXPORT_FORMAT_CSV);
  g_autoptr(ExportExpect) expect = NULL;

  g_assert_true (run (plan, TIMECARD_EXPORT_FORMAT_CSV, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, &job, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sim_requests (f, 429), ==, 0);
  g_assert_cmpuint (sim_requests (f, -1), ==, timecard_export_plan_get_n_requests (plan));
  g_assert_cmpuint (sim_requests (f, -1), ==, timecard_export_job_get_n_requests (job));
  /* Pipelined: more than one time-entry request was out at once. */
  g_assert_cmpuint (timecard_export_job_get_max_in_flight_seen (job), >, 1);

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (plan),
                              UNBOUNDED_START, UNBOUNDED_END,
                              timecard_export_plan_get_strategy (plan) == TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_CSV, path);
}

/* Faults */

static void
add_fault (Fixture              *f,
           ClockifySimFaultKind  kind,
           const char           *path,
           guint                 status,
           guint                 skip,
           guint                 count,
           gboolean              cut)
{
  ClockifySimFault fault = {
    .kind = kind,
    .path_substring = path,
    .status = status,
    .skip = skip,
    .count = count,
    .cut_connection = cut,
  };

  clockify_sim_add_fault (f->sim, &fault);
}

static void
test_faults_exact (Fixture       *f,
                   gconstpointer  data)
{
  /* In a child process: a crash in the HTTP stack fails this test only. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_object_set (f->client, "max-retries", 12, NULL);

  for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_REPORTS; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
    {
      const char *entries = s == TIMECARD_EXPORT_STRATEGY_REPORTS ? "/reports/detailed" : "/time-entries";
      g_autoptr(TimecardExportPlan) plan = new_plan (f, s, ALL);
      g_autoptr(ExportExpect) expect = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("faults-%d", s);
      g_autofree char *path = output_path (f, name, TIMECARD_EXPORT_FORMAT_JSONL);

      if (s == TIMECARD_EXPORT_STRATEGY_REPORTS)
        timecard_export_plan_set_report_window_days (plan, 120);

      clockify_sim_clear_faults (f->sim);
      /* A storm of 429s on everything, then 5xx, dropped connections and
       * bodies cut short (valid HTTP with half the JSON, and a premature
       * end of the connection) on the time-entry pages. */
      add_fault (f, CLOCKIFY_SIM_FAULT_STATUS, entries, 429, 1, 6, FALSE);
      add_fault (f, CLOCKIFY_SIM_FAULT_STATUS, entries, 503, 2, 2, FALSE);
      add_fault (f, CLOCKIFY_SIM_FAULT_STATUS, entries, 502, 3, 1, FALSE);
      add_fault (f, CLOCKIFY_SIM_FAULT_DROP, entries, 0, 3, 2, FALSE);
      add_fault (f, CLOCKIFY_SIM_FAULT_TRUNCATE, entries, 0, 4, 2, FALSE);
      add_fault (f, CLOCKIFY_SIM_FAULT_TRUNCATE, entries, 0, 4, 1, TRUE);

      run (plan, TIMECARD_EXPORT_FORMAT_JSONL, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sim_requests (f, 429), ==, 6);
      g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, entries, 0), >=, 2);

      expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (plan),
                                  UNBOUNDED_START, UNBOUNDED_END, s == TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
      export_expect_check (expect, TIMECARD_EXPORT_FORMAT_JSONL, path);
      clockify_sim_clear_log (f->sim);
    }
}

static void
test_faults_failure_keeps_previous (Fixture       *f,
                                    gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_PER_USER, ALL);
  g_autoptr(TimecardExportPlan) again = new_plan (f, TIMECARD_EXPORT_STRATEGY_PER_USER, ALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "previous", params->format);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ExportExpect) expect = NULL;

  g_assert_true (run (plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  before = params->format == TIMECARD_EXPORT_FORMAT_SQLITE ? NULL : fidelity_dir_digest (path);

  /* The data changes, then Clockify fails for good halfway through. */
  clockify_sim_mutate_time_entries (f->sim, workspace_id (f), 3, 3, 3, 7);
  add_fault (f, CLOCKIFY_SIM_FAULT_STATUS, "/time-entries", 500, 2, 0, FALSE);

  g_assert_false (run (again, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER);

  /* The previous export is untouched: the old data, whole. */
  if (before != NULL)
    {
      after = fidelity_dir_digest (path);
      g_assert_cmpstr (before, ==, after);
    }
  clockify_sim_clear_faults (f->sim);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(TimecardExportPlan) fresh = new_plan (f, TIMECARD_EXPORT_STRATEGY_PER_USER, ALL);
    g_autofree char *check = output_path (f, "check", params->format);

    /* Re-export after the fault to prove the data did change. */
    g_clear_error (&error);
    g_assert_true (run (fresh, params->format, check, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
    g_assert_no_error (error);
    if (before != NULL)
      {
        g_autofree char *changed = fidelity_dir_digest (check);

        g_assert_cmpstr (before, !=, changed);
      }
    expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (fresh),
                                UNBOUNDED_START, UNBOUNDED_END, FALSE, ALL);
    export_expect_check (expect, params->format, check);
  }
}

/* Cancel, then resume */

typedef struct
{
  GCancellable *cancellable;
  guint         after_pages;
} CancelAt;

static void
cancel_after_pages (TimecardExportJob *job,
                    CancelAt          *at)
{
  if (timecard_export_job_get_n_pages (job) >= at->after_pages)
    g_cancellable_cancel (at->cancellable);
}

static void
test_cancel_resume (Fixture       *f,
                    gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) whole_plan = new_plan (f, params->strategy, ALL);
  g_autoptr(TimecardExportPlan) plan = new_plan (f, params->strategy, ALL);
  g_autoptr(TimecardExportPlan) resumed_plan = new_plan (f, params->strategy, ALL);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(TimecardExportJob) resumed = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = output_path (f, "whole", params->format);
  g_autofree char *path = output_path (f, "resumed", params->format);
  g_autoptr(ExportExpect) expect = NULL;
  CancelAt at = { cancellable, 3 };

  for (TimecardExportPlan **p = (TimecardExportPlan *[]) { whole_plan, plan, resumed_plan, NULL }; *p != NULL; p++)
    if (params->strategy == TIMECARD_EXPORT_STRATEGY_REPORTS)
      timecard_export_plan_set_report_window_days (*p, 90);

  /* The reference: the same export, uninterrupted. */
  g_assert_true (run (whole_plan, params->format, whole, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  job = timecard_export_job_new (plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE);
  timecard_export_job_set_max_in_flight (job, 2);
  g_signal_connect (job, "progress", G_CALLBACK (cancel_after_pages), &at);
  g_assert_false (fidelity_run_job (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Nothing half-written at the path. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  resumed = timecard_export_job_new (resumed_plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_RESUME);
  g_assert_true (fidelity_run_job (resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (timecard_export_job_get_resumed (resumed));
  g_assert_cmpuint (timecard_export_job_get_n_windows_skipped (resumed), >=, 2);
  g_assert_cmpuint (timecard_export_job_get_n_pages (resumed), <,
                    timecard_export_job_get_n_pages (job) + timecard_export_job_get_n_pages (resumed));

  if (params->format != TIMECARD_EXPORT_FORMAT_SQLITE)
    {
      g_autofree char *a = fidelity_dir_digest (whole);
      g_autofree char *b = fidelity_dir_digest (path);

      g_assert_cmpstr (a, ==, b);
    }

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (resumed_plan),
                              UNBOUNDED_START, UNBOUNDED_END,
                              params->strategy == TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  export_expect_check (expect, params->format, path);
}

/* Checkpoints inside one long window: a paid plan's report is one window. */

/* Exports time entries and cancels after @after_pages pages, each page
 * checkpointed; returns the job. */
static TimecardExportJob *
interrupt_checkpointed (Fixture              *f,
                        TimecardExportFormat  format,
                        const char           *path,
                        guint                 after_pages)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TimecardExportJob *job = timecard_export_job_new (plan, format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE);
  CancelAt at = { cancellable, after_pages };

  timecard_export_job_set_checkpoint_interval (job, 0);
  timecard_export_job_set_max_in_flight (job, 2);
  g_signal_connect (job, "progress", G_CALLBACK (cancel_after_pages), &at);
  g_assert_false (fidelity_run_job (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (timecard_export_plan_get_n_windows (plan), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  return job;
}

static void
test_checkpoint_resume (Fixture       *f,
                        gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) whole_plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  g_autoptr(TimecardExportPlan) resumed_plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  g_autoptr(TimecardExportJob) whole_job = NULL;
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(TimecardExportJob) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = output_path (f, "whole", params->format);
  g_autofree char *path = output_path (f, "resumed", params->format);
  g_autoptr(ExportExpect) expect = NULL;
  guint n_pages, kept;

  g_assert_true (run (whole_plan, params->format, whole, TIMECARD_EXPORT_JOB_FLAGS_NONE, &whole_job, &error));
  g_assert_no_error (error);
  n_pages = timecard_export_job_get_n_pages (whole_job);
  g_assert_cmpuint (n_pages, >=, 5);

  job = interrupt_checkpointed (f, params->format, path, 4);
  clockify_sim_clear_log (f->sim);

  g_assert_true (run (resumed_plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_RESUME, &resumed, &error));
  g_assert_no_error (error);
  g_assert_true (timecard_export_job_get_resumed (resumed));
  g_assert_cmpuint (timecard_export_job_get_n_windows_skipped (resumed), ==, 0);

  /* The checkpointed pages are not fetched again, but for the last one,
   * which confirms that they still hold (planning fetches page 1 too). */
  kept = timecard_export_job_get_n_pages_skipped (resumed);
  g_assert_cmpuint (kept, >=, 2);
  g_assert_cmpuint (kept, <, timecard_export_job_get_n_pages (job));
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, "POST", "/reports/detailed", -1), ==, 1 + n_pages - kept);
  g_assert_cmpuint (timecard_export_job_get_n_requests (resumed), ==,
                    timecard_export_job_get_n_requests_planned (resumed));
  g_assert_cmpuint (timecard_export_job_get_n_pages (resumed), ==, n_pages - kept - 1);

  if (params->format != TIMECARD_EXPORT_FORMAT_SQLITE)
    {
      g_autofree char *a = fidelity_dir_digest (whole);
      g_autofree char *b = fidelity_dir_digest (path);

      g_assert_cmpstr (a, ==, b);
    }

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (resumed_plan),
                              UNBOUNDED_START, UNBOUNDED_END, TRUE, ALL);
  export_expect_check (expect, params->format, path);
}

static void
test_checkpoint_changed (Fixture       *f,
                         gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) resumed_plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(TimecardExportJob) resumed = NULL;
  g_autoptr(JsonNode) entries = clockify_sim_dup_entities (f->sim, workspace_id (f), "time-entries");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "resumed", params->format);
  g_autoptr(ExportExpect) expect = NULL;
  JsonObject *first = json_array_get_object_element (json_node_get_array (entries), 0);

  job = interrupt_checkpointed (f, params->format, path, 3);

  /* The report's first entry goes: every checkpointed page would now end
   * one entry later, and going on after them would leave an entry out. */
  g_assert_true (clockify_sim_delete_time_entry (f->sim, workspace_id (f),
                                                 json_object_get_string_member (first, "id")));

  g_assert_true (run (resumed_plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_RESUME, &resumed, &error));
  g_assert_no_error (error);
  g_assert_true (timecard_export_job_get_resumed (resumed));
  g_assert_cmpuint (timecard_export_job_get_n_pages_skipped (resumed), ==, 0);

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (resumed_plan),
                              UNBOUNDED_START, UNBOUNDED_END, TRUE, ALL);
  export_expect_check (expect, params->format, path);
}

/* The Free plan */

static void
test_free_estimate (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_AUTO, ALL);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "free", TIMECARD_EXPORT_FORMAT_SQLITE);
  g_autoptr(ExportExpect) expect = NULL;

  g_assert_true (run (plan, TIMECARD_EXPORT_FORMAT_SQLITE, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, &job, &error));
  g_assert_no_error (error);

  /* All time on the Free plan: per-user, no report probe, and the estimate
   * is exactly what was sent. */
  g_assert_cmpint (timecard_export_plan_get_strategy (plan), ==, TIMECARD_EXPORT_STRATEGY_PER_USER);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/reports/", -1), ==, 0);
  g_assert_cmpuint (timecard_export_plan_get_n_requests (plan), ==, sim_requests (f, -1));
  g_assert_cmpuint (timecard_export_job_get_n_requests (job), ==, sim_requests (f, -1));

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (plan),
                              UNBOUNDED_START, UNBOUNDED_END, FALSE, ALL);
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_SQLITE, path);
}

#define BUDGET_WINDOW_SECONDS 2

static void
test_free_budget_resume (Fixture       *f,
                         gconstpointer  data)
{
  guint entities = TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
                   TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  g_autoptr(TimecardExportPlan) plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_PER_USER, entities);
  g_autoptr(TimecardExportPlan) resumed_plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_PER_USER, entities);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(TimecardExportJob) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "budget", TIMECARD_EXPORT_FORMAT_CSV);
  g_autoptr(ExportExpect) expect = NULL;
  gint64 started = g_get_real_time ();
  gint64 reset;

  /* 3 requests per 2 s on both sides: the user list and two of the four
   * users fit; the rest waits for the budget. */
  g_object_set (f->client, "budget-window", BUDGET_WINDOW_SECONDS, NULL);
  clockify_client_set_workspace_budget (f->client, workspace_id (f), 3);
  clockify_sim_set_free_plan_limit (f->sim, 3, BUDGET_WINDOW_SECONDS * G_USEC_PER_SEC);
  timecard_export_plan_set_time_zone (plan, "UTC");
  timecard_export_plan_set_time_zone (resumed_plan, "UTC");

  g_assert_false (run (plan, TIMECARD_EXPORT_FORMAT_CSV, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, &job, &error));
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
  g_assert_nonnull (timecard_export_job_get_budget_reset_time (job));
  reset = g_date_time_to_unix (timecard_export_job_get_budget_reset_time (job)) * G_USEC_PER_SEC +
          g_date_time_get_microsecond (timecard_export_job_get_budget_reset_time (job));
  g_assert_cmpint (reset, >, started);
  g_assert_cmpint (reset, <=, g_get_real_time () + BUDGET_WINDOW_SECONDS * G_USEC_PER_SEC);
  g_assert_cmpuint (sim_requests (f, 429), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Once the budget frees, --resume finishes without fetching again what
   * the first run committed. */
  while (g_get_real_time () <= reset + 100000)
    g_usleep (50000);
  clockify_sim_clear_log (f->sim);

  resumed = timecard_export_job_new (resumed_plan, TIMECARD_EXPORT_FORMAT_CSV, path,
                                     TIMECARD_EXPORT_JOB_FLAGS_RESUME);
  g_assert_true (fidelity_run_job (resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (timecard_export_job_get_n_windows_skipped (resumed), ==, 2);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/time-entries", -1), ==, 2);

  expect = export_expect_new (f->sim, workspace_id (f), "UTC", UNBOUNDED_START, UNBOUNDED_END, FALSE, entities);
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_CSV, path);
}

/* Incremental SQLite */

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) plan = new_plan (f, params->strategy, ALL);
  g_autoptr(TimecardExportPlan) update = new_plan (f, params->strategy, ALL);
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "incremental", TIMECARD_EXPORT_FORMAT_SQLITE);
  g_autoptr(ExportExpect) expect = NULL;
  guint before;

  g_assert_true (run (plan, TIMECARD_EXPORT_FORMAT_SQLITE, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  before = clockify_sim_count_time_entries (f->sim, workspace_id (f));

  clockify_sim_mutate_time_entries (f->sim, workspace_id (f), 6, 4, 5, 11);
  g_assert_cmpuint (clockify_sim_count_time_entries (f->sim, workspace_id (f)), ==, before - 5 + 4);
  clockify_sim_clear_log (f->sim);

  g_assert_true (run (update, TIMECARD_EXPORT_FORMAT_SQLITE, path, TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL, &job, &error));
  g_assert_no_error (error);

  /* Only the trailing window was fetched again, and the deleted entries
   * are gone. */
  g_assert_cmpint (timecard_export_plan_get_range_start (update), ==,
                   (clockify_sim_get_now (f->sim) - 30 * 86400) * G_USEC_PER_SEC);
  g_assert_cmpuint (timecard_export_job_get_n_pruned (job), ==, 5);
  g_assert_cmpuint (timecard_export_job_get_n_entity_rows (job, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), <, before / 4);

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (update),
                              UNBOUNDED_START, UNBOUNDED_END,
                              params->strategy == TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_SQLITE, path);
}

/* The Reports API refused: per-user instead */

static void
test_reports_forbidden (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, TIMECARD_EXPORT_STRATEGY_REPORTS, ALL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = output_path (f, "forbidden", TIMECARD_EXPORT_FORMAT_CSV);
  g_autoptr(ExportExpect) expect = NULL;

  add_fault (f, CLOCKIFY_SIM_FAULT_STATUS, "/reports/detailed", 403, 0, 0, FALSE);

  g_assert_true (run (plan, TIMECARD_EXPORT_FORMAT_CSV, path, TIMECARD_EXPORT_JOB_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timecard_export_plan_get_strategy (plan), ==, TIMECARD_EXPORT_STRATEGY_PER_USER);
  g_assert_nonnull (strstr (timecard_export_plan_get_reason (plan), "refused"));
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/reports/", -1), ==, 1);

  expect = export_expect_new (f->sim, workspace_id (f), timecard_export_plan_get_time_zone_name (plan),
                              UNBOUNDED_START, UNBOUNDED_END, FALSE, ALL);
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_CSV, path);
}

/* Registration */

static void
add (const char    *path,
     const Params  *params,
     void         (*test) (Fixture *, gconstpointer))
{
  static Params all[32];
  static guint n;

  g_assert_cmpuint (n, <, G_N_ELEMENTS (all));
  all[n] = *params;
  g_test_add (path, Fixture, &all[n++], fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const format_names[] = { "csv", "jsonl", "sqlite" };
  static const char * const strategy_names[] = { "auto", "reports", "per-user" };

  g_test_init (&argc, &argv, NULL);

  for (TimecardExportFormat format = TIMECARD_EXPORT_FORMAT_CSV; format <= TIMECARD_EXPORT_FORMAT_SQLITE; format++)
    for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_REPORTS; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
      {
        Params params = { .seed = 11, .n_entries = 300, .format = format, .strategy = s };
        g_autofree char *name = g_strdup_printf ("/export/job/fidelity/small/%s/%s",
                                                 format_names[format], strategy_names[s]);

        add (name, &params, test_fidelity);
      }

  add ("/export/job/range/csv", &(Params) { .seed = 12, .n_entries = 600, .format = TIMECARD_EXPORT_FORMAT_CSV }, test_range);
  add ("/export/job/range/sqlite", &(Params) { .seed = 12, .n_entries = 600, .format = TIMECARD_EXPORT_FORMAT_SQLITE }, test_range);
  add ("/export/job/default-limits", &(Params) { .seed = 13, .n_entries = 300, .limits = TRUE }, test_default_limits);
  add ("/export/job/faults/exact", &(Params) { .seed = 14, .n_entries = 400 }, test_faults_exact);
  add ("/export/job/faults/failure-keeps-previous/csv",
       &(Params) { .seed = 15, .n_entries = 300, .format = TIMECARD_EXPORT_FORMAT_CSV }, test_faults_failure_keeps_previous);
  add ("/export/job/faults/failure-keeps-previous/sqlite",
       &(Params) { .seed = 15, .n_entries = 300, .format = TIMECARD_EXPORT_FORMAT_SQLITE }, test_faults_failure_keeps_previous);
  add ("/export/job/cancel-resume/csv/per-user",
       &(Params) { .seed = 16, .n_entries = 500, .format = TIMECARD_EXPORT_FORMAT_CSV,
                   .strategy = TIMECARD_EXPORT_STRATEGY_PER_USER }, test_cancel_resume);
  add ("/export/job/cancel-resume/jsonl/reports",
       &(Params) { .seed = 16, .n_entries = 500, .format = TIMECARD_EXPORT_FORMAT_JSONL,
                   .strategy = TIMECARD_EXPORT_STRATEGY_REPORTS }, test_cancel_resume);
  add ("/export/job/cancel-resume/sqlite/reports",
       &(Params) { .seed = 16, .n_entries = 500, .format = TIMECARD_EXPORT_FORMAT_SQLITE,
                   .strategy = TIMECARD_EXPORT_STRATEGY_REPORTS }, test_cancel_resume);
  add ("/export/job/checkpoint-resume/csv",
       &(Params) { .seed = 21, .n_entries = 6000, .format = TIMECARD_EXPORT_FORMAT_CSV }, test_checkpoint_resume);
  add ("/export/job/checkpoint-resume/sqlite",
       &(Params) { .seed = 21, .n_entries = 6000, .format = TIMECARD_EXPORT_FORMAT_SQLITE }, test_checkpoint_resume);
  add ("/export/job/checkpoint-changed/jsonl",
       &(Params) { .seed = 22, .n_entries = 6000, .format = TIMECARD_EXPORT_FORMAT_JSONL }, test_checkpoint_changed);
  add ("/export/job/free/estimate", &(Params) { .seed = 17, .n_entries = 300, .free_plan = TRUE }, test_free_estimate);
  add ("/export/job/free/budget-resume", &(Params) { .seed = 18, .n_entries = 300, .free_plan = TRUE },
       test_free_budget_resume);
  add ("/export/job/incremental/per-user",
       &(Params) { .seed = 19, .n_entries = 800, .strategy = TIMECARD_EXPORT_STRATEGY_PER_USER }, test_incremental);
  add ("/export/job/incremental/reports",
       &(Params) { .seed = 19, .n_entries = 800, .strategy = TIMECARD_EXPORT_STRATEGY_REPORTS }, test_incremental);
  add ("/export/job/reports-forbidden", &(Params) { .seed = 20, .n_entries = 300 }, test_reports_forbidden);

  return g_test_run ();
}
