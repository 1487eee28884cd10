/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>

#include "export-fidelity.h"

/*
 * `timecard-cli export`, the real binary, against the simulator in this
 * process, with a credential in the test session's keyring.
 */

typedef struct
{
  ClockifySim *sim;
  char        *credential;
  char        *dir;
  const char  *paid;
  const char  *free;
} Fixture;

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    path = g_build_filename (g_getenv ("TIMECARD_BUILD_DIR"), "src", "cli", "timecard-cli", NULL);

  return path;
}

/* Runs timecard-cli with @args (NULL-terminated), @input on stdin. */
static int
run_cli (const char  *input,
         char       **out_stdout,
         char       **out_stderr,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error));
  g_assert_no_error (error);

  g_test_message ("timecard-cli %s → %d\nstdout:\n%s\nstderr:\n%s", first,
                  g_subprocess_get_exit_status (process), out, err);
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);

  return g_subprocess_get_exit_status (process);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *input = NULL;

  f->sim = fidelity_sim_new (31 + n, GPOINTER_TO_UINT (data) != 0 ? GPOINTER_TO_UINT (data) : 300);
  f->credential = g_strdup_printf ("sim-%u", n++);
  f->dir = fidelity_tmpdir ();
  f->paid = clockify_sim_get_workspace_id (f->sim, CLOCKIFY_SIM_WORKSPACE_PAID);
  f->free = clockify_sim_get_workspace_id (f->sim, CLOCKIFY_SIM_WORKSPACE_FREE);

  /* The key only ever travels through stdin. */
  input = g_strdup_printf ("%s\n", clockify_sim_get_key (f->sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpint (run_cli (input, NULL, NULL, "credentials", "add", "--name", f->credential,
                            "--server", clockify_sim_get_base_url (f->sim), NULL), ==, 0);
  /* Adding checked the key: that request is another process's second. */
  clockify_sim_reset_limits (f->sim);
  clockify_sim_clear_log (f->sim);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fidelity_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->credential);
  g_clear_object (&f->sim);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  static const struct { const char *format; const char *strategy; TimecardExportFormat value; } runs[] = {
    { "csv", "per-user", TIMECARD_EXPORT_FORMAT_CSV },
    { "jsonl", "reports", TIMECARD_EXPORT_FORMAT_JSONL },
    { "sqlite", "reports", TIMECARD_EXPORT_FORMAT_SQLITE },
  };
  guint entities = TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_WORKSPACE) |
                   TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
                   TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_PROJECTS) |
                   TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *path = path_in (f, runs[i].format);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(ExportExpect) expect = NULL;

      /* Each process starts with a full bucket: the requests of the one
       * before must not count. */
      g_usleep (G_USEC_PER_SEC * 11 / 10);
      clockify_sim_clear_log (f->sim);
      g_assert_cmpint (run_cli (NULL, &out, &err, "export", "--credential", f->credential,
                                "--workspace", "timecard sim co. ☕", "--entities",
                                "workspace,users,projects,time_entries", "--format", runs[i].format,
                                "--strategy", runs[i].strategy, "--timezone", "Europe/Berlin",
                                "--output", path, NULL), ==, 0);

      /* The summary: rows per entity, requests, time. */
      g_assert_nonnull (strstr (out, "Exported"));
      g_assert_nonnull (strstr (out, runs[i].strategy));
      g_assert_true (g_regex_match_simple ("time_entries +[0-9]+", out, 0, 0));
      g_assert_true (g_regex_match_simple ("Requests: [0-9]+ \\(planned [0-9]+\\)", out, 0, 0));
      /* A line per step on a pipe, no bar. */
      g_assert_nonnull (strstr (err, "users: 5 rows"));
      g_assert_null (strstr (err, "\r"));
      g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, NULL, 429), ==, 0);
      g_assert_cmpuint (clockify_sim_count_requests_not_by_key (f->sim, "owner"), ==, 0);

      expect = export_expect_new (f->sim, f->paid, "Europe/Berlin", TIMECARD_EXPORT_UNBOUNDED_START,
                                  TIMECARD_EXPORT_UNBOUNDED_END, g_str_equal (runs[i].strategy, "reports"),
                                  entities);
      export_expect_check (expect, runs[i].value, path);
    }
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = path_in (f, "never");
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli (NULL, &out, NULL, "export", "--credential", f->credential,
                            "--workspace", f->paid, "--output", path, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Strategy:    reports"));
  g_assert_true (g_regex_match_simple ("Requests: +[0-9]+ \\(4 made while planning\\)", out, 0, 0));
  g_assert_nonnull (strstr (out, "Estimated:"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Planning only: no list of time entries, tags or clients. */
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/time-entries", -1), ==, 0);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/tags", -1), ==, 0);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/workspaces/", -1), ==, 3);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = path_in (f, "out");

  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--workspace", f->paid, "--output", path, NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", "nobody", "--workspace", f->paid,
                            "--output", path, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", "Nowhere",
                            "--output", path, NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--output", path, "--since", "2024-02-30", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--output", path, "--rate", "20", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--output", path, "--incremental", "--format", "csv", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--incremental", "--format", "sqlite", "--dry-run", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--output", path, "--entities", "users,invoices", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--output", path, "--timezone", "Nowhere/Special", NULL), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/time-entries", -1), ==, 0);
}

/* Parses "Resume after YYYY-MM-DD HH:MM:SS" (local time) into Unix seconds. */
static gint64
resume_time (const char *err)
{
  const char *line = strstr (err, "Resume after ");
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Resume after %d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  time = g_date_time_new_local (y, mo, d, h, mi, s);
  return g_date_time_to_unix (time);
}

static void
test_budget_exhausted (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "free");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autoptr(ExportExpect) expect = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 started = g_get_real_time () / G_USEC_PER_SEC;
  gint64 finished, reset, start, end;
  const char * const args[] = { "export", "--credential", f->credential, "--workspace", f->free,
                                "--strategy", "reports", "--since", "2023-11-16", "--until", "2026-11-15",
                                "--timezone", "UTC", "--output", path, NULL };

  /* 36 windows of 31 days and 8 lists: more than 30 requests an hour. */
  g_assert_cmpint (run_cli (NULL, NULL, &err, args[0], args[1], args[2], args[3], args[4], args[5], args[6],
                            args[7], args[8], args[9], args[10], args[11], args[12], args[13], args[14], NULL), ==, 6);
  finished = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_nonnull (strstr (err, "30 requests an hour"));
  reset = resume_time (err);
  g_assert_cmpint (reset, >=, started + 3600 - 1);
  g_assert_cmpint (reset, <=, finished + 3600 + 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The client stopped itself once the budget's 30 requests were sent
   * (the custom fields answered 403, a paid feature). A request refused by
   * the per-second limit (arrivals bunched under a sanitizer) counts too:
   * the client cannot tell whether Clockify counted it. */
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, f->free, 200) +
                    clockify_sim_count_requests (f->sim, NULL, f->free, 403) +
                    clockify_sim_count_requests (f->sim, NULL, f->free, 429), ==, 30);
  g_assert_nonnull (strstr (err, "frees up at"));

  /* Resuming too early, in a new process that has not counted the spent
   * budget: the second 429, a second after the first, stops it with exit 6
   * again. */
  clockify_sim_clear_log (f->sim);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, &err, args[0], args[1], args[2], args[3], args[4], args[5], args[6],
                            args[7], args[8], args[9], args[10], args[11], args[12], args[13], args[14],
                            "--resume", NULL), ==, 6);
  g_assert_nonnull (strstr (err, "frees up at"));
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, f->free, 429), ==, 2);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == FALSE);

  /* An hour later (here: the simulator forgets), --resume finishes. */
  clockify_sim_reset_limits (f->sim);
  clockify_sim_clear_log (f->sim);
  g_assert_cmpint (run_cli (NULL, &out, NULL, args[0], args[1], args[2], args[3], args[4], args[5], args[6],
                            args[7], args[8], args[9], args[10], args[11], args[12], args[13], args[14],
                            "--resume", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Resumed:"));
  /* Windows the first run committed were not fetched again. */
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/reports/", -1), <, 36);

  g_assert_true (timecard_export_parse_range_bound ("2023-11-16", utc, FALSE, &start, NULL));
  g_assert_true (timecard_export_parse_range_bound ("2026-11-15", utc, TRUE, &end, NULL));
  expect = export_expect_new (f->sim, f->free, "UTC", start, end, TRUE, TIMECARD_EXPORT_ALL_ENTITIES);
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_CSV, path);
}

static void
test_interrupt_resume (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, "interrupted");
  g_autofree char *whole = path_in (f, "whole");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  char *line;

  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--entities", "users,time_entries", "--strategy", "per-user", "--timezone", "UTC",
                            "--output", whole, NULL), ==, 0);

  /* Slowly, so that Ctrl+C lands among the time-entry requests. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              cli_path (), "export", "--credential", f->credential, "--workspace", f->paid,
                              "--entities", "users,time_entries", "--strategy", "per-user", "--timezone", "UTC",
                              "--rate", "2", "--output", path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      gboolean users_done = g_str_has_prefix (line, "users:");

      g_free (line);
      if (users_done)
        break;
    }
  g_assert_no_error (error);
  g_usleep (G_USEC_PER_SEC * 3 / 4);
  g_subprocess_send_signal (process, SIGINT);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 130);

  /* Nothing at the path; --resume completes it as if never interrupted. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (NULL, &out, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--entities", "users,time_entries", "--strategy", "per-user", "--timezone", "UTC",
                            "--output", path, "--resume", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Resumed:"));
  a = fidelity_dir_digest (whole);
  b = fidelity_dir_digest (path);
  g_assert_cmpstr (a, ==, b);
}

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (f, "db.sqlite");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *out = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *n_planned = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GRegex) planned = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(ExportExpect) expect = NULL;
  gsize before_length, after_length;

  g_assert_cmpint (run_cli (NULL, NULL, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--entities", "users,projects,time_entries", "--format", "sqlite",
                            "--timezone", "UTC", "--output", path, NULL), ==, 0);
  clockify_sim_mutate_time_entries (f->sim, f->paid, 4, 3, 2, 5);

  /* The preview reads the last sync without touching the database, and
   * plans exactly the requests the update then makes. */
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  g_assert_cmpint (run_cli (NULL, &preview, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--entities", "users,projects,time_entries", "--incremental", "--trailing-days", "400",
                            "--timezone", "UTC", "--output", path, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (preview, "Incremental: last sync"));
  g_assert_null (strstr (preview, "starting from the beginning"));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  planned = g_regex_new ("Requests: +([0-9]+) ", 0, 0, NULL);
  g_assert_true (g_regex_match (planned, preview, 0, &match));
  n_planned = g_match_info_fetch (match, 1);
  g_usleep (G_USEC_PER_SEC * 11 / 10);

  /* The clock is past the data set's "now": reach back far enough. */
  g_assert_cmpint (run_cli (NULL, &out, NULL, "export", "--credential", f->credential, "--workspace", f->paid,
                            "--entities", "users,projects,time_entries", "--incremental", "--trailing-days", "400",
                            "--timezone", "UTC", "--output", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Removed: 2 time entries"));
  made = g_strdup_printf ("Requests: %s (planned %s)", n_planned, n_planned);
  g_assert_nonnull (strstr (out, made));

  expect = export_expect_new (f->sim, f->paid, "UTC", TIMECARD_EXPORT_UNBOUNDED_START, TIMECARD_EXPORT_UNBOUNDED_END,
                              strstr (out, "reports") != NULL,
                              TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
                              TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_PROJECTS) |
                              TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
  export_expect_check (expect, TIMECARD_EXPORT_FORMAT_SQLITE, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/cli/formats", Fixture, NULL, fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/export/cli/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/export/cli/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/export/cli/budget-exhausted", Fixture, NULL, fixture_set_up, test_budget_exhausted, fixture_tear_down);
  g_test_add ("/export/cli/interrupt-resume", Fixture, NULL, fixture_set_up, test_interrupt_resume, fixture_tear_down);
  g_test_add ("/export/cli/incremental", Fixture, NULL, fixture_set_up, test_incremental, fixture_tear_down);

  return g_test_run ();
}
