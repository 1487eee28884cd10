/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-test-cli"

#include "config.h"

#include "timecard-test-cli.h"

#include <gio/gio.h>

static GString *transcript;

/**
 * timecard_test_cli_runv:
 * @input: (nullable): what to write to its standard input
 * @arguments: the arguments after the program name
 *
 * Runs timecard-cli to completion. It inherits the test's environment:
 * the private HOME, session bus and keyring.
 */
TimecardTestCliRun *
timecard_test_cli_runv (const char         *input,
                        const char * const *arguments)
{
  const char *cli = g_getenv ("TIMECARD_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lsan_options = NULL;
  TimecardTestCliRun *run = g_new0 (TimecardTestCliRun, 1);
  gint64 started;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* In a sanitizer build, LeakSanitizer's statistics of suppressed leaks
   * (in libsecret) are not the program's output; real leaks still are. */
  lsan_options = g_strconcat (g_getenv ("LSAN_OPTIONS") ? g_getenv ("LSAN_OPTIONS") : "",
                              ":print_suppressions=0", NULL);
  g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", lsan_options, TRUE);

  started = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  run->usec = g_get_monotonic_time () - started;

  /* A crash, an assertion or a sanitizer report is never an exit code. */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  if (transcript == NULL)
    transcript = g_string_new (NULL);
  g_string_append_printf (transcript, "%s\n%s\n", run->out, run->err);

  if (g_test_verbose ())
    {
      g_autofree char *command = g_strjoinv (" ", (char **) arguments);

      g_test_message ("timecard-cli %s → %d\nstdout: %s\nstderr: %s",
                      command, run->status, run->out, run->err);
    }

  return run;
}

TimecardTestCliRun *
timecard_test_cli_run (const char *input,
                       const char *first_argument,
                       ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  const char *argument;
  va_list args;

  va_start (args, first_argument);
  for (argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (arguments, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (arguments, NULL);

  return timecard_test_cli_runv (input, (const char * const *) arguments->pdata);
}

void
timecard_test_cli_run_free (TimecardTestCliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/**
 * timecard_test_cli_assert_error:
 * @status: the expected exit code
 * @message: the expected error, without the "timecard-cli: " prefix
 *
 * Asserts that the run failed with @status and printed exactly one line,
 * "timecard-cli: MESSAGE", on standard error, and nothing on standard output.
 */
void
timecard_test_cli_assert_error (TimecardTestCliRun *run,
                                int                 status,
                                const char         *message)
{
  g_autofree char *expected = g_strdup_printf ("timecard-cli: %s\n", message);

  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->err, ==, expected);
  g_assert_cmpstr (run->out, ==, "");
}

const char *
timecard_test_cli_get_transcript (void)
{
  return transcript != NULL ? transcript->str : "";
}
