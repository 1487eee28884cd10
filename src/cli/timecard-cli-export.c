/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-cli"

#include "config.h"

#include "timecard-cli-export.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <unistd.h>

#include "clockify-error.h"
#include "timecard-cli-common.h"
#include "timecard-export-job.h"

/*
 * timecard-cli export --credential NAME --workspace ID|NAME [--entities LIST]
 *   [--format csv|jsonl|sqlite] --output PATH [--since WHEN] [--until WHEN]
 *   [--timezone TZ] [--strategy auto|reports|per-user] [--rate N]
 *   [--dry-run] [--resume] [--incremental [--trailing-days N]]
 *
 * Progress goes to standard error (a bar on a terminal, a line per step
 * otherwise), the plan (--dry-run) and the summary to standard output.
 */

/* Beyond timecard-cli-common.h's codes: see the --help text. */
#define EXIT_BUDGET_EXHAUSTED 6
#define EXIT_INTERRUPTED      130

/* Bars are redrawn at most this often. */
#define REDRAW_INTERVAL (G_USEC_PER_SEC / 10)
#define BAR_WIDTH       24

static char *credential_name;
static char *workspace_arg;
static char *entities_arg;
static char *format_arg;
static char *output_path;
static char *since_arg;
static char *until_arg;
static char *timezone_arg;
static char *strategy_arg;
static double rate_arg;
static int trailing_days_arg = -1;
static int window_days_arg = -1;
static gboolean dry_run;
static gboolean resume;
static gboolean incremental;

static const GOptionEntry entries[] = {
  { "credential", 0, 0, G_OPTION_ARG_STRING, &credential_name, N_("The credential whose key to use (required)"), N_("NAME") },
  { "workspace", 0, 0, G_OPTION_ARG_STRING, &workspace_arg, N_("The workspace, by id or name (required)"), N_("ID|NAME") },
  { "entities", 0, 0, G_OPTION_ARG_STRING, &entities_arg,
    N_("What to export, separated by commas: workspace, users, user_groups, clients, projects, "
       "tasks, tags, custom_fields, time_entries (default: all)"), N_("LIST") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &format_arg, N_("csv, jsonl or sqlite (default: csv)"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &output_path,
    N_("The directory (csv, jsonl) or database file (sqlite) to write"), N_("PATH") },
  { "since", 0, 0, G_OPTION_ARG_STRING, &since_arg,
    N_("Time entries that start on or after this date (YYYY-MM-DD, in the export time zone) or ISO 8601 time"), N_("WHEN") },
  { "until", 0, 0, G_OPTION_ARG_STRING, &until_arg,
    N_("Time entries that start on or before this date (inclusive), or before this ISO 8601 time"), N_("WHEN") },
  { "timezone", 0, 0, G_OPTION_ARG_STRING, &timezone_arg,
    N_("The time zone of dates and local times, e.g. Europe/Berlin (default: the Clockify profile’s)"), N_("TZ") },
  { "strategy", 0, 0, G_OPTION_ARG_STRING, &strategy_arg,
    N_("How to fetch time entries: auto, reports or per-user (default: auto, the fewest requests)"), N_("STRATEGY") },
  { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate_arg, N_("Requests per second, at most 10 (default: 10)"), N_("N") },
  { "window-days", 0, 0, G_OPTION_ARG_INT, &window_days_arg,
    N_("The longest report window in days (default: 31 on the Free plan, else the whole range)"), N_("N") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the plan (strategy, requests, time) and stop"), NULL },
  { "resume", 0, 0, G_OPTION_ARG_NONE, &resume, N_("Continue an interrupted export to the same path"), NULL },
  { "incremental", 0, 0, G_OPTION_ARG_NONE, &incremental,
    N_("Update an SQLite export from its last sync (time entries from its end minus the trailing days)"), NULL },
  { "trailing-days", 0, 0, G_OPTION_ARG_INT, &trailing_days_arg,
    N_("How many days before the last sync an incremental export fetches again (default: 30)"), N_("N") },
  { NULL }
};

static const char *
export_help (void)
{
  return _("Also:\n"
           "  6    the workspace’s request budget (Free plan: 30 an hour) ran out;\n"
           "       run again with --resume after the time printed\n"
           "  130  interrupted (Ctrl+C); run again with --resume to continue\n"
           "An interrupted or failed export leaves what was at --output untouched.\n");
}

/* Formatting */

static char *
format_duration (gint64 usec)
{
  gint64 seconds = (usec + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;

  if (usec < 10 * G_USEC_PER_SEC)
    return g_strdup_printf (_("%.1f s"), usec / (double) G_USEC_PER_SEC);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));

  return g_strdup_printf (_("%d h %02d min"), (int) (seconds / 3600), (int) (seconds % 3600 / 60));
}

static char *
format_local_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S %Z");
}

static char *
format_range_bound (gint64     usec,
                    GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* Progress */

typedef struct
{
  TimecardExportJob *job;
  gboolean           terminal;
  gboolean           drawn;
  int                entity;
  gboolean           started;
  guint              tenth;
  gint64             last_draw;
} Progress;

static const char *
entity_name (int      entity,
             gboolean started)
{
  if (entity >= 0)
    return timecard_export_entity_get_name (entity);

  return started ? _("finishing") : _("planning");
}

static void
clear_bar (Progress *progress)
{
  if (progress->terminal && progress->drawn)
    {
      g_printerr ("\r\033[K");
      progress->drawn = FALSE;
    }
}

static void
draw_bar (Progress *progress)
{
  TimecardExportJob *job = progress->job;
  guint done = timecard_export_job_get_n_requests (job);
  guint planned = MAX (1, timecard_export_job_get_n_requests_planned (job));
  guint filled = MIN (BAR_WIDTH, done * BAR_WIDTH / planned);
  g_autofree char *eta = format_duration (timecard_export_job_get_eta (job));
  char bar[BAR_WIDTH + 1];

  for (guint i = 0; i < BAR_WIDTH; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[BAR_WIDTH] = '\0';

  g_printerr ("\r\033[K[%s] %3u%%  %-13s %u/%u requests  %" G_GUINT64_FORMAT " rows  ETA %s",
              bar, MIN (100, done * 100 / planned),
              entity_name (timecard_export_job_get_entity (job), progress->started),
              done, planned, timecard_export_job_get_n_rows (job), eta);
  progress->drawn = TRUE;
}

static void
on_progress (TimecardExportJob *job,
             Progress          *progress)
{
  int entity = timecard_export_job_get_entity (job);
  gint64 now = g_get_monotonic_time ();

  progress->started |= entity >= 0;

  if (progress->terminal)
    {
      if (now - progress->last_draw >= REDRAW_INTERVAL || entity != progress->entity)
        {
          draw_bar (progress);
          progress->last_draw = now;
        }
      progress->entity = entity;
      return;
    }

  /* One line per finished entity, and per tenth of the time-entry pages. */
  if (entity != progress->entity && progress->entity >= 0)
    g_printerr (_("%s: %llu rows\n"), entity_name (progress->entity, TRUE),
                (unsigned long long) timecard_export_job_get_n_entity_rows (job, progress->entity));
  else if (entity == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)
    {
      guint planned = timecard_export_job_get_n_pages_planned (job);
      guint tenth = planned > 0 ? timecard_export_job_get_n_pages (job) * 10 / planned : 0;

      if (tenth > progress->tenth && tenth < 10)
        g_printerr (_("time_entries: %u of %u pages, %llu rows, "
                      "%u of %u requests\n"),
                    timecard_export_job_get_n_pages (job), planned,
                    (unsigned long long) timecard_export_job_get_n_entity_rows (job, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES),
                    timecard_export_job_get_n_requests (job),
                    timecard_export_job_get_n_requests_planned (job));
      progress->tenth = MAX (progress->tenth, tenth);
    }
  progress->entity = entity;
}

/* Interruption */

static gboolean
on_interrupt (gpointer user_data)
{
  gboolean *interrupted = g_object_get_data (user_data, "timecard-interrupted");

  *interrupted = TRUE;
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

/* Output */

static void
print_plan (TimecardExportPlan *plan)
{
  ClockifyWorkspace *workspace = timecard_export_plan_get_workspace (plan);
  TimecardExportStrategy strategy = timecard_export_plan_get_strategy (plan);
  GTimeZone *zone = timecard_export_plan_get_time_zone (plan);
  guint planning = timecard_export_plan_get_n_planning_requests (plan);
  guint total = timecard_export_plan_get_n_requests (plan);
  gint64 start = timecard_export_plan_get_range_start (plan);
  gint64 end = timecard_export_plan_get_range_end (plan);
  g_autofree char *eta = format_duration (timecard_export_plan_estimate_duration (plan, total - planning));
  const char *plan_name = clockify_workspace_get_plan (workspace);

  g_print (_("Workspace:   %s (%s), plan %s\n"), clockify_workspace_get_name (workspace),
           clockify_workspace_get_id (workspace), plan_name != NULL ? plan_name : "-");
  g_print (_("Time zone:   %s\n"), timecard_export_plan_get_time_zone_name (plan));

  if (timecard_export_plan_has_entity (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES))
    {
      g_autofree char *from = start != TIMECARD_EXPORT_UNBOUNDED_START ? format_range_bound (start, zone)
                                                                       : g_strdup (_("the beginning"));
      g_autofree char *to = end != TIMECARD_EXPORT_UNBOUNDED_END ? format_range_bound (end, zone)
                                                                 : g_strdup (_("now"));
      const char *reason = timecard_export_plan_get_reason (plan);

      g_print (_("Range:       time entries starting from %s, before %s\n"), from, to);
      g_print (_("Strategy:    %s"), timecard_export_strategy_to_string (strategy));
      if (reason != NULL && timecard_export_plan_get_requested_strategy (plan) != strategy)
        g_print (" (%s)", reason);
      g_print ("\n");
      g_print (_("Windows:     %u\n"), timecard_export_plan_get_n_windows (plan));
      if (timecard_export_plan_get_entries_count (plan) >= 0)
        g_print (_("Entries:     %lld completed (the report’s count)\n"),
                 (long long) timecard_export_plan_get_entries_count (plan));
    }

  g_print (_("Requests:    %u (%u made while planning)\n"), total, planning);
  for (TimecardExportEntity e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    if (timecard_export_plan_has_entity (plan, e))
      g_print ("  %-16s %u\n", timecard_export_entity_get_name (e),
               timecard_export_plan_get_n_entity_requests (plan, e));
  g_print (_("Estimated:   %s at %g requests per second\n"), eta,
           clockify_throttle_get_rate (clockify_client_get_throttle (timecard_export_plan_get_client (plan))));

  if (clockify_workspace_is_free_plan (workspace) && total > CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS)
    g_print (_("The Free plan allows %u requests an hour: the export will stop when they are "
               "spent; continue it with --resume once the budget frees up.\n"),
             CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS);
}

static void
print_summary (TimecardExportJob *job,
               gint64             elapsed)
{
  TimecardExportPlan *plan = timecard_export_job_get_plan (job);
  ClockifyClient *client = timecard_export_plan_get_client (plan);
  g_autofree char *time = format_duration (elapsed);
  GEnumClass *formats = g_type_class_ref (TIMECARD_TYPE_EXPORT_FORMAT);
  const char *format = g_enum_get_value (formats, timecard_export_job_get_format (job))->value_nick;
  guint rate_limited = 0;

  g_print (_("Exported “%s” to %s (%s, %s, time zone %s)\n"),
           clockify_workspace_get_name (timecard_export_plan_get_workspace (plan)),
           timecard_export_job_get_path (job), format,
           timecard_export_strategy_to_string (timecard_export_plan_get_strategy (plan)),
           timecard_export_plan_get_time_zone_name (plan));
  for (TimecardExportEntity e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    if (timecard_export_plan_has_entity (plan, e))
      g_print ("  %-16s %10" G_GUINT64_FORMAT "\n", timecard_export_entity_get_name (e),
               timecard_export_job_get_n_entity_rows (job, e));

  if (timecard_export_job_get_resumed (job))
    g_print (_("Resumed: %u completed windows and %u checkpointed pages kept\n"),
             timecard_export_job_get_n_windows_skipped (job), timecard_export_job_get_n_pages_skipped (job));
  if (timecard_export_job_get_flags (job) & TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL)
    g_print (_("Removed: %llu time entries Clockify no longer has\n"),
             (unsigned long long) timecard_export_job_get_n_pruned (job));

  /* The job's plan, which leaves out what a resumed run kept. */
  g_object_get (client, "n-rate-limited", &rate_limited, NULL);
  g_print (_("Requests: %u (planned %u), 429 responses: %u, time: %s\n"),
           timecard_export_job_get_n_requests (job), timecard_export_job_get_n_requests_planned (job),
           rate_limited, time);

  g_type_class_unref (formats);
}

static int
export_failed (const GError      *error,
               TimecardExportJob *job,
               gboolean           interrupted)
{
  if (interrupted && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_printerr (_("timecard-cli: Interrupted; the output was left as it was. "
                    "Run the same command with --resume to continue.\n"));
      return EXIT_INTERRUPTED;
    }

  if (g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED))
    {
      GDateTime *reset = job != NULL ? timecard_export_job_get_budget_reset_time (job) : NULL;
      g_autofree char *when = reset != NULL ? format_local_time (reset) : NULL;

      timecard_cli_fail (error);
      if (when != NULL)
        g_printerr (_("timecard-cli: Resume after %s with the same command and --resume.\n"), when);
      return EXIT_BUDGET_EXHAUSTED;
    }

  if (error->domain == TIMECARD_EXPORT_ERROR || error->domain == G_OPTION_ERROR)
    return timecard_cli_usage_error ("%s", error->message);

  return timecard_cli_fail (error);
}

/* Running */

static ClockifyWorkspace *
find_workspace (GPtrArray   *workspaces,
                const char  *wanted,
                GError     **error)
{
  g_autofree char *wanted_key = g_utf8_casefold (wanted, -1);
  ClockifyWorkspace *found = NULL;

  for (guint i = 0; i < workspaces->len; i++)
    {
      ClockifyWorkspace *workspace = g_ptr_array_index (workspaces, i);

      if (g_strcmp0 (clockify_workspace_get_id (workspace), wanted) == 0)
        return workspace;
    }

  for (guint i = 0; i < workspaces->len; i++)
    {
      ClockifyWorkspace *workspace = g_ptr_array_index (workspaces, i);
      g_autofree char *key = g_utf8_casefold (clockify_workspace_get_name (workspace), -1);

      if (g_strcmp0 (key, wanted_key) != 0)
        continue;
      if (found != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Several workspaces are named “%s”; choose one by id "
                         "(see “timecard-cli workspaces”)"), wanted);
          return NULL;
        }
      found = workspace;
    }

  if (found == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("The key has no workspace “%s” (see “timecard-cli workspaces”)"), wanted);

  return found;
}

static gboolean
check_options (TimecardExportFormat   *out_format,
               TimecardExportStrategy *out_strategy,
               guint                  *out_entities,
               GError                **error)
{
  *out_entities = TIMECARD_EXPORT_ALL_ENTITIES;
  *out_strategy = TIMECARD_EXPORT_STRATEGY_AUTO;
  *out_format = incremental ? TIMECARD_EXPORT_FORMAT_SQLITE : TIMECARD_EXPORT_FORMAT_CSV;

  if (credential_name == NULL || workspace_arg == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Choose a credential and a workspace with --credential NAME --workspace ID|NAME"));
      return FALSE;
    }

  if (output_path == NULL && !dry_run)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Choose where to write with --output PATH"));
      return FALSE;
    }

  if (format_arg != NULL)
    {
      GEnumClass *formats = g_type_class_ref (TIMECARD_TYPE_EXPORT_FORMAT);
      GEnumValue *value = g_enum_get_value_by_nick (formats, format_arg);

      if (value != NULL)
        *out_format = value->value;
      g_type_class_unref (formats);

      if (value == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown format “%s”; choose csv, jsonl or sqlite"), format_arg);
          return FALSE;
        }
    }

  if (incremental && *out_format != TIMECARD_EXPORT_FORMAT_SQLITE)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--incremental updates an SQLite database: use --format sqlite"));
      return FALSE;
    }

  /* The incremental range starts from the database's last sync. */
  if (incremental && dry_run && output_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--dry-run --incremental reads the last sync from the database: "
                             "give it with --output PATH"));
      return FALSE;
    }

  if (strategy_arg != NULL && !timecard_export_strategy_from_string (strategy_arg, out_strategy))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown strategy “%s”; choose auto, reports or per-user"), strategy_arg);
      return FALSE;
    }

  if (rate_arg < 0 || rate_arg > CLOCKIFY_THROTTLE_DEFAULT_RATE || (rate_arg > 0 && rate_arg < CLOCKIFY_THROTTLE_MIN_RATE))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--rate must be more than 0 and at most %g requests per second"),
                   CLOCKIFY_THROTTLE_DEFAULT_RATE);
      return FALSE;
    }

  if (trailing_days_arg != -1 && (trailing_days_arg < 0 || !incremental))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--trailing-days takes a number of days, with --incremental"));
      return FALSE;
    }

  if (window_days_arg != -1 && window_days_arg < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--window-days takes a number of days (0: no limit)"));
      return FALSE;
    }

  if (timezone_arg != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (timezone_arg);

      if (zone == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown time zone “%s”"), timezone_arg);
          return FALSE;
        }
    }

  return entities_arg == NULL || timecard_export_parse_entities (entities_arg, out_entities, error);
}

static gboolean
set_range (TimecardExportPlan  *plan,
           GError             **error)
{
  GTimeZone *zone = timecard_export_plan_get_time_zone (plan);
  gint64 start = TIMECARD_EXPORT_UNBOUNDED_START, end = TIMECARD_EXPORT_UNBOUNDED_END;

  if (since_arg != NULL && !timecard_export_parse_range_bound (since_arg, zone, FALSE, &start, error))
    return FALSE;
  if (until_arg != NULL && !timecard_export_parse_range_bound (until_arg, zone, TRUE, &end, error))
    return FALSE;

  if (start >= end)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--until is before --since"));
      return FALSE;
    }

  timecard_export_plan_set_range (plan, start, end);
  return TRUE;
}

/* What an --incremental run would fetch: the range from the database's last
 * sync, as the job computes it when it opens the database. */
static gboolean
preview_incremental (TimecardExportPlan  *plan,
                     GError             **error)
{
  guint trailing_days = trailing_days_arg >= 0 ? (guint) trailing_days_arg
                                               : TIMECARD_EXPORT_DEFAULT_TRAILING_DAYS;
  gint64 synced_at;

  if (!timecard_export_plan_continue_sync_of (plan, output_path, trailing_days, &synced_at, error))
    return FALSE;

  if (synced_at == 0)
    {
      g_print (_("Incremental: %s has no sync of this workspace yet: the whole range is fetched\n"),
               output_path);
    }
  else
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (synced_at / G_USEC_PER_SEC);
      g_autofree char *last = format_local_time (when);

      g_print (_("Incremental: last sync %s; %u days before its end are fetched again\n"),
               last, trailing_days);
    }

  return TRUE;
}

/**
 * timecard_cli_export:
 *
 * Runs `timecard-cli export ...`.
 *
 * Returns: the exit code
 */
int
timecard_cli_export (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(ClockifyClient) client = NULL;
  g_autoptr(GPtrArray) workspaces = NULL;
  g_autoptr(TimecardExportPlan) plan = NULL;
  g_autoptr(TimecardExportJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  TimecardCredential *credential;
  ClockifyWorkspace *workspace;
  TimecardExportFormat format;
  TimecardExportStrategy strategy;
  TimecardExportJobFlags flags = TIMECARD_EXPORT_JOB_FLAGS_NONE;
  TimecardCliWait wait = { 0 };
  Progress progress = { 0 };
  gboolean interrupted = FALSE;
  guint entities;
  guint sigint, sigterm;
  gint64 started;
  gboolean ok;

  context = timecard_cli_context_new ("export", NULL,
                                      _("Export a Clockify workspace to CSV or JSON Lines files, or to "
                                        "an SQLite database."),
                                      NULL, entries);
  description = g_strconcat (g_option_context_get_description (context), export_help (), NULL);
  g_option_context_set_description (context, description);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc > 1)
    return timecard_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (!check_options (&format, &strategy, &entities, &error))
    return timecard_cli_usage_error ("%s", error->message);

  if (!(store = timecard_cli_load_store (&error)) ||
      !(credential = timecard_cli_find_credential (store, credential_name, &error)))
    return timecard_cli_fail (error);

  timecard_credential_store_create_client_async (store, credential, NULL, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);
  if (!(client = timecard_credential_store_create_client_finish (store, result, &error)))
    return timecard_cli_fail (error);
  g_clear_object (&result);

  if (rate_arg > 0)
    {
      /* No burst beyond a second's worth of requests. */
      guint burst = MAX (1, (guint) rate_arg + ((double) (guint) rate_arg < rate_arg));

      g_object_set (client, "rate", rate_arg, "burst", burst, NULL);
    }

  /* From here on Ctrl+C cancels cleanly. */
  g_object_set_data (G_OBJECT (cancellable), "timecard-interrupted", &interrupted);
  sigint = g_unix_signal_add (SIGINT, on_interrupt, cancellable);
  sigterm = g_unix_signal_add (SIGTERM, on_interrupt, cancellable);

  clockify_client_list_workspaces_async (client, cancellable, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);
  workspaces = clockify_client_list_workspaces_finish (client, result, &error);
  g_clear_object (&result);
  if (workspaces == NULL || !(workspace = find_workspace (workspaces, workspace_arg, &error)))
    {
      ok = FALSE;
      goto out;
    }

  plan = timecard_export_plan_new (client, workspace);
  timecard_export_plan_set_entities (plan, entities);
  timecard_export_plan_set_requested_strategy (plan, strategy);
  timecard_export_plan_set_time_zone (plan, timezone_arg);
  if (window_days_arg >= 0)
    timecard_export_plan_set_report_window_days (plan, window_days_arg);

  /* Dates are days in the export's zone, which may be the profile's. */
  timecard_export_plan_resolve_time_zone_async (plan, cancellable, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);
  ok = timecard_export_plan_resolve_time_zone_finish (plan, result, &error) && set_range (plan, &error);
  g_clear_object (&result);
  if (!ok)
    goto out;

  if (dry_run && incremental && !preview_incremental (plan, &error))
    {
      ok = FALSE;
      goto out;
    }

  if (dry_run)
    {
      timecard_export_plan_prepare_async (plan, cancellable, timecard_cli_wait_done, &wait);
      result = timecard_cli_wait (&wait);
      ok = timecard_export_plan_prepare_finish (plan, result, &error);
      if (ok)
        print_plan (plan);
      goto out;
    }

  if (resume)
    flags |= TIMECARD_EXPORT_JOB_FLAGS_RESUME;
  if (incremental)
    flags |= TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL;

  job = timecard_export_job_new (plan, format, output_path, flags);
  if (trailing_days_arg >= 0)
    timecard_export_job_set_trailing_days (job, trailing_days_arg);

  progress.job = job;
  progress.terminal = isatty (STDERR_FILENO);
  progress.entity = TIMECARD_EXPORT_JOB_NO_ENTITY;
  g_signal_connect (job, "progress", G_CALLBACK (on_progress), &progress);

  started = g_get_monotonic_time ();
  timecard_export_job_run_async (job, cancellable, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);
  ok = timecard_export_job_run_finish (job, result, &error);
  g_signal_handlers_disconnect_by_data (job, &progress);
  clear_bar (&progress);

  if (ok)
    print_summary (job, g_get_monotonic_time () - started);

out:
  g_source_remove (sigint);
  g_source_remove (sigterm);

  if (!ok)
    return export_failed (error, job, interrupted);

  return TIMECARD_CLI_EXIT_OK;
}
