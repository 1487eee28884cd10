/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-fidelity.h"

/*
 * Fidelity at size: a 20,000-entry workspace exported in each format with
 * each strategy, read back and compared with the simulator's data set, and
 * the request count against the minimum for the strategy.
 */

#define N_ENTRIES 20000

typedef struct
{
  TimecardExportFormat    format;
  TimecardExportStrategy  strategy;
} Params;

static ClockifySim *sim;
static ClockifyClient *client;
static ClockifyWorkspace *workspace;
/* Per strategy: building one takes longer than an export. */
static ExportExpect *expectations[TIMECARD_EXPORT_STRATEGY_PER_USER + 1];

static void
test_large (gconstpointer data)
{
  const Params *params = data;
  g_autoptr(TimecardExportPlan) plan = timecard_export_plan_new (client, workspace);
  g_autoptr(TimecardExportJob) job = NULL;
  ExportExpect *expect;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fidelity_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "export", NULL);
  gboolean reports = params->strategy == TIMECARD_EXPORT_STRATEGY_REPORTS;
  guint entries_requests;
  guint n_users;

  clockify_sim_clear_log (sim);
  timecard_export_plan_set_requested_strategy (plan, params->strategy);
  timecard_export_plan_set_now (plan, clockify_sim_get_now (sim) * G_USEC_PER_SEC);
  timecard_export_plan_set_time_zone (plan, "Asia/Kolkata");

  job = timecard_export_job_new (plan, params->format, path, TIMECARD_EXPORT_JOB_FLAGS_NONE);
  g_assert_true (fidelity_run_job (job, NULL, &error));
  g_assert_no_error (error);

  if (expectations[params->strategy] == NULL)
    expectations[params->strategy] = export_expect_new (sim, clockify_workspace_get_id (workspace), "Asia/Kolkata",
                                                        TIMECARD_EXPORT_UNBOUNDED_START, TIMECARD_EXPORT_UNBOUNDED_END,
                                                        reports, TIMECARD_EXPORT_ALL_ENTITIES);
  expect = expectations[params->strategy];
  g_assert_cmpuint (export_expect_n_entries (expect), >, N_ENTRIES - 10);
  export_expect_check (expect, params->format, path);

  /* The minimum for the strategy: every report page full but the last;
   * per user, one page per 5000 entries (the simulator sends Last-Page). */
  n_users = timecard_export_plan_get_users (plan) != NULL ? timecard_export_plan_get_users (plan)->len : 5;
  entries_requests = clockify_sim_count_requests (sim, NULL, reports ? "/reports/detailed" : "/time-entries", -1);
  if (reports)
    g_assert_cmpuint (entries_requests, ==, (export_expect_n_entries (expect) + 999) / 1000);
  else
    g_assert_cmpuint (entries_requests, <=, n_users + N_ENTRIES / 5000);
  g_assert_cmpuint (timecard_export_job_get_n_requests (job), ==, clockify_sim_count_requests (sim, NULL, NULL, -1));
  if (reports)
    g_assert_cmpuint (timecard_export_plan_get_n_requests (plan), ==, clockify_sim_count_requests (sim, NULL, NULL, -1));

  fidelity_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const format_names[] = { "csv", "jsonl", "sqlite" };
  static const char * const strategy_names[] = { "auto", "reports", "per-user" };
  static Params params[6];
  guint n = 0;
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = fidelity_sim_new (21, N_ENTRIES);
  clockify_sim_set_rate_limit (sim, 0);
  client = fidelity_client_new (sim, CLOCKIFY_SIM_KEY_OWNER, TRUE);
  workspace = fidelity_workspace (client, clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID));

  for (TimecardExportFormat format = TIMECARD_EXPORT_FORMAT_CSV; format <= TIMECARD_EXPORT_FORMAT_SQLITE; format++)
    for (TimecardExportStrategy s = TIMECARD_EXPORT_STRATEGY_REPORTS; s <= TIMECARD_EXPORT_STRATEGY_PER_USER; s++)
      {
        g_autofree char *name = g_strdup_printf ("/export/large/%s/%s", format_names[format], strategy_names[s]);

        params[n] = (Params) { format, s };
        g_test_add_data_func (name, &params[n++], test_large);
      }

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    g_clear_pointer (&expectations[i], export_expect_free);
  g_clear_object (&workspace);
  g_clear_object (&client);
  g_clear_object (&sim);

  return status;
}
