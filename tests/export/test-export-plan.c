/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "clockify-error.h"
#include "export-fidelity.h"

/*
 * TimecardExportPlan: options, windows, the choice of strategy, and what
 * planning may fetch.
 */

#define DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

static gint64
utc_usec (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
test_parse_range (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GError) error = NULL;
  gint64 usec;

  /* A date starts at midnight in the export's zone... */
  g_assert_true (timecard_export_parse_range_bound ("2024-03-01", berlin, FALSE, &usec, &error));
  g_assert_cmpint (usec, ==, utc_usec ("2024-02-29T23:00:00Z"));
  /* ...and as an end includes its whole day, across the DST change. */
  g_assert_true (timecard_export_parse_range_bound ("2024-03-31", berlin, TRUE, &usec, &error));
  g_assert_cmpint (usec, ==, utc_usec ("2024-03-31T22:00:00Z"));
  g_assert_true (timecard_export_parse_range_bound ("2024-03-01", kolkata, TRUE, &usec, &error));
  g_assert_cmpint (usec, ==, utc_usec ("2024-03-01T18:30:00Z"));

  /* Instants keep their offset; without one they are in the zone. */
  g_assert_true (timecard_export_parse_range_bound ("2024-03-01T08:00:00Z", berlin, TRUE, &usec, &error));
  g_assert_cmpint (usec, ==, utc_usec ("2024-03-01T08:00:00Z"));
  g_assert_true (timecard_export_parse_range_bound ("2024-03-01T08:00:00", berlin, FALSE, &usec, &error));
  g_assert_cmpint (usec, ==, utc_usec ("2024-03-01T07:00:00Z"));
  g_assert_true (timecard_export_parse_range_bound ("2024-03-01T08:00:00.250+05:30", berlin, FALSE, &usec, &error));
  g_assert_cmpint (usec, ==, utc_usec ("2024-03-01T02:30:00Z") + 250000);
  g_assert_no_error (error);

  for (const char * const *bad = (const char *[]) { "2024-02-30", "2024-13-01", "yesterday", "", "2024-3-1", NULL };
       *bad != NULL; bad++)
    {
      g_assert_false (timecard_export_parse_range_bound (*bad, berlin, FALSE, &usec, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_clear_error (&error);
    }
}

static void
test_parse_entities (void)
{
  g_autoptr(GError) error = NULL;
  guint entities = 0;
  TimecardExportStrategy strategy;

  g_assert_true (timecard_export_parse_entities ("users, time-entries,tags", &entities, &error));
  g_assert_no_error (error);
  g_assert_cmphex (entities, ==, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
                                 TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES) |
                                 TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TAGS));
  g_assert_true (timecard_export_parse_entities ("all", &entities, &error));
  g_assert_cmphex (entities, ==, TIMECARD_EXPORT_ALL_ENTITIES);
  g_assert_true (timecard_export_parse_entities ("custom_fields,user_groups", &entities, &error));
  g_assert_cmphex (entities, ==, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS) |
                                 TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USER_GROUPS));

  g_assert_false (timecard_export_parse_entities ("users,invoices", &entities, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (timecard_export_parse_entities (" , ", &entities, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);

  g_assert_true (timecard_export_strategy_from_string ("per-user", &strategy));
  g_assert_cmpint (strategy, ==, TIMECARD_EXPORT_STRATEGY_PER_USER);
  g_assert_cmpstr (timecard_export_strategy_to_string (TIMECARD_EXPORT_STRATEGY_REPORTS), ==, "reports");
  g_assert_false (timecard_export_strategy_from_string ("fastest", &strategy));
}

/* Planning against the simulator */

typedef struct
{
  ClockifySim       *sim;
  ClockifyClient    *client;
  ClockifyWorkspace *paid;
  ClockifyWorkspace *free;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint n_entries = GPOINTER_TO_UINT (data);
  static guint64 seed = 100;

  /* A seed per test: the Free budget lives with the key's throttle. */
  f->sim = fidelity_sim_new (seed++, n_entries != 0 ? n_entries : 300);
  clockify_sim_set_rate_limit (f->sim, 0);
  f->client = fidelity_client_new (f->sim, CLOCKIFY_SIM_KEY_OWNER, TRUE);
  f->paid = fidelity_workspace (f->client, clockify_sim_get_workspace_id (f->sim, CLOCKIFY_SIM_WORKSPACE_PAID));
  f->free = fidelity_workspace (f->client, clockify_sim_get_workspace_id (f->sim, CLOCKIFY_SIM_WORKSPACE_FREE));
  clockify_sim_clear_log (f->sim);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->free);
  g_clear_object (&f->paid);
  g_clear_object (&f->client);
  g_clear_object (&f->sim);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
prepare (TimecardExportPlan  *plan,
         GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_export_plan_prepare_async (plan, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return timecard_export_plan_prepare_finish (plan, result, error);
}

static TimecardExportPlan *
new_plan (Fixture                *f,
          ClockifyWorkspace      *workspace,
          TimecardExportStrategy  strategy)
{
  TimecardExportPlan *plan = timecard_export_plan_new (f->client, workspace);

  timecard_export_plan_set_requested_strategy (plan, strategy);
  timecard_export_plan_set_now (plan, clockify_sim_get_now (f->sim) * G_USEC_PER_SEC);
  return plan;
}

static gint64
plan_end (TimecardExportPlan *plan)
{
  return timecard_export_plan_get_window (plan, timecard_export_plan_get_n_windows (plan) - 1)->end_usec;
}

static void
assert_windows_tile (TimecardExportPlan *plan,
                     gint64              start,
                     gint64              end,
                     gint64              max_length)
{
  gint64 next = start;

  for (guint i = 0; i < timecard_export_plan_get_n_windows (plan); i++)
    {
      const TimecardExportWindow *w = timecard_export_plan_get_window (plan, i);

      g_assert_cmpstr (w->strategy, ==, "reports");
      g_assert_null (w->user_id);
      g_assert_cmpint (w->start_usec, ==, next);
      g_assert_cmpint (w->end_usec, >, w->start_usec);
      g_assert_cmpint (w->end_usec - w->start_usec, <=, max_length);
      next = w->end_usec;
    }

  g_assert_cmpint (next, ==, end);
}

static void
test_dry_run_requests (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_AUTO);
  g_autoptr(GError) error = NULL;

  g_assert_true (prepare (plan, &error));
  g_assert_no_error (error);

  /* Only what planning needs: the profile's zone, the users (per-user
   * needs them), the projects (tasks are per project), one report page
   * (its totals count the entries). */
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, NULL, -1), ==, 4);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, "GET", "/api/v1/user", -1), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, "GET", "/users", -1), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, "GET", "/projects", -1), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, "POST", "/reports/detailed", -1), ==, 1);
  g_assert_cmpuint (timecard_export_plan_get_n_planning_requests (plan), ==, 4);

  /* 300 entries: one report page beats one request per user. */
  g_assert_cmpint (timecard_export_plan_get_strategy (plan), ==, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_assert_cmpint (timecard_export_plan_get_entries_count (plan), >, 250);
  g_assert_nonnull (timecard_export_plan_get_first_report_page (plan));
  g_assert_cmpuint (timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), ==, 0);
  g_assert_cmpuint (timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_TASKS), ==,
                    timecard_export_plan_get_projects (plan)->len);
  g_assert_cmpuint (timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_USERS), ==, 0);
  g_assert_cmpuint (timecard_export_plan_get_n_windows (plan), ==, 1);
  g_assert_cmpstr (timecard_export_plan_get_time_zone_name (plan), !=, NULL);
}

static void
test_auto_per_user_when_dense (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_AUTO);
  g_autoptr(GError) error = NULL;
  guint n_users;

  timecard_export_plan_set_entities (plan, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
  timecard_export_plan_set_time_zone (plan, "UTC");
  g_assert_true (prepare (plan, &error));
  g_assert_no_error (error);

  /* 20,000 entries of 5 users: 20 report pages against about 5. */
  n_users = timecard_export_plan_get_users (plan)->len;
  g_assert_cmpint (timecard_export_plan_get_strategy (plan), ==, TIMECARD_EXPORT_STRATEGY_PER_USER);
  g_assert_null (timecard_export_plan_get_first_report_page (plan));
  g_assert_cmpuint (timecard_export_plan_get_n_windows (plan), ==, n_users);
  g_assert_cmpuint (timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), >=, n_users);
  g_assert_cmpuint (timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), <=, 2 * n_users);
  /* No entity that is not exported was listed but the users. */
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/projects", -1), ==, 0);
  g_assert_cmpuint (timecard_export_plan_get_n_requests (plan), ==,
                    timecard_export_plan_get_n_planning_requests (plan) +
                    timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
  /* Names come with the entries: the export lists no users or projects. */
  g_assert_true (timecard_export_plan_get_hydrated (plan));
}

static void
test_free_windows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->free, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_autoptr(TimecardExportPlan) choose = new_plan (f, f->free, TIMECARD_EXPORT_STRATEGY_AUTO);
  g_autoptr(GError) error = NULL;
  gint64 start = utc_usec ("2025-01-01T00:00:00Z"), end = utc_usec ("2026-01-01T00:00:00Z");

  for (TimecardExportPlan **p = (TimecardExportPlan *[]) { plan, choose, NULL }; *p != NULL; p++)
    {
      timecard_export_plan_set_time_zone (*p, "UTC");
      timecard_export_plan_set_range (*p, start, end);
      timecard_export_plan_set_entities (*p, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
      g_assert_true (prepare (*p, &error));
      g_assert_no_error (error);
    }

  /* 365 days in windows of at most 31, one request each. */
  g_assert_cmpint (timecard_export_plan_get_strategy (plan), ==, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_assert_cmpuint (timecard_export_plan_get_n_windows (plan), ==, 12);
  assert_windows_tile (plan, start, end, 31 * DAY);
  g_assert_cmpuint (timecard_export_plan_get_n_entity_requests (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), ==, 12);

  /* Every Free request counts: planning sent no report, and auto takes
   * per-user (4 users) over 12 windows. */
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/reports/", -1), ==, 0);
  g_assert_cmpint (timecard_export_plan_get_strategy (choose), ==, TIMECARD_EXPORT_STRATEGY_PER_USER);
  g_assert_cmpuint (timecard_export_plan_get_n_windows (choose), ==, timecard_export_plan_get_users (choose)->len);

  /* The budget makes the estimate longer than the rate alone. */
  g_assert_cmpint (timecard_export_plan_estimate_duration (plan, 40), >=, G_GINT64_CONSTANT (3000) * G_USEC_PER_SEC);
}

static void
test_free_reports_need_since (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->free, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_autoptr(TimecardExportPlan) choose = new_plan (f, f->free, TIMECARD_EXPORT_STRATEGY_AUTO);
  g_autoptr(GError) error = NULL;

  timecard_export_plan_set_time_zone (plan, "UTC");
  g_assert_false (prepare (plan, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);

  timecard_export_plan_set_time_zone (choose, "UTC");
  g_assert_true (prepare (choose, &error));
  g_assert_no_error (error);
  g_assert_cmpint (timecard_export_plan_get_strategy (choose), ==, TIMECARD_EXPORT_STRATEGY_PER_USER);
}

static void
test_window_days (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_autoptr(GError) error = NULL;
  gint64 start = utc_usec ("2024-01-01T00:00:00Z"), end = utc_usec ("2025-01-01T00:00:00Z");

  timecard_export_plan_set_time_zone (plan, "UTC");
  timecard_export_plan_set_range (plan, start, end);
  timecard_export_plan_set_report_window_days (plan, 100);
  timecard_export_plan_set_entities (plan, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
  g_assert_true (prepare (plan, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (timecard_export_plan_get_n_windows (plan), ==, 4);
  assert_windows_tile (plan, start, end, 100 * DAY);
  /* No user list for the reports strategy; the probe is the first window's
   * page 1. */
  g_assert_null (timecard_export_plan_get_users (plan));
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, NULL, -1), ==, 1);
  g_assert_nonnull (timecard_export_plan_get_first_report_page (plan));
}

static void
test_window_days_all_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) entries = clockify_sim_dup_entities (f->sim, clockify_workspace_get_id (f->paid), "time-entries");
  JsonObject *first = json_array_get_object_element (json_node_get_array (entries), 0);
  gint64 first_start = utc_usec (json_object_get_string_member (json_object_get_object_member (first, "timeInterval"),
                                                                "start"));
  const TimecardExportWindow *w;
  guint n;

  timecard_export_plan_set_time_zone (plan, "UTC");
  timecard_export_plan_set_report_window_days (plan, 90);
  timecard_export_plan_set_entities (plan, TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES));
  g_assert_true (prepare (plan, &error));
  g_assert_no_error (error);

  /* Not 90-day windows from 1970: from the day of the first entry, which
   * one report request (the whole range, ascending) found. */
  n = timecard_export_plan_get_n_windows (plan);
  w = timecard_export_plan_get_window (plan, 0);
  g_assert_cmpint (w->start_usec, <=, first_start);
  g_assert_cmpint (first_start - w->start_usec, <, DAY);
  g_assert_cmpuint (n, ==, (guint) ((plan_end (plan) - w->start_usec + 90 * DAY - 1) / (90 * DAY)));
  g_assert_cmpuint (n, <, 20);
  assert_windows_tile (plan, w->start_usec, timecard_export_plan_get_window (plan, n - 1)->end_usec, 90 * DAY);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, "/reports/", -1), ==, 1);
  g_assert_null (timecard_export_plan_get_first_report_page (plan));
  g_assert_cmpint (timecard_export_plan_get_entries_count (plan), >, 250);
}

static void
test_run_info (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) first = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_autoptr(TimecardExportPlan) again = timecard_export_plan_new (f->client, f->paid);
  g_autoptr(TimecardExportPlan) other = timecard_export_plan_new (f->client, f->paid);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;

  timecard_export_plan_set_time_zone (first, "Europe/Berlin");
  timecard_export_plan_set_report_window_days (first, 45);
  timecard_export_plan_set_range (first, utc_usec ("2025-06-01T00:00:00Z"), TIMECARD_EXPORT_UNBOUNDED_END);
  g_assert_true (prepare (first, &error));
  info = timecard_export_plan_to_run_info (first);

  /* A later run with other defaults and another "now" plans the same
   * windows once it knows the first run's. */
  timecard_export_plan_set_time_zone (again, "Europe/Berlin");
  timecard_export_plan_set_now (again, (clockify_sim_get_now (f->sim) + 86400 * 3) * G_USEC_PER_SEC);
  g_assert_true (prepare (again, &error));
  g_assert_no_error (error);
  g_assert_true (timecard_export_plan_apply_run_info (again, info, &error));
  g_assert_no_error (error);

  g_assert_cmpint (timecard_export_plan_get_strategy (again), ==, TIMECARD_EXPORT_STRATEGY_REPORTS);
  g_assert_cmpuint (timecard_export_plan_get_n_windows (again), ==, timecard_export_plan_get_n_windows (first));
  for (guint i = 0; i < timecard_export_plan_get_n_windows (first); i++)
    {
      const TimecardExportWindow *a = timecard_export_plan_get_window (first, i);
      const TimecardExportWindow *b = timecard_export_plan_get_window (again, i);

      g_assert_cmpint (a->start_usec, ==, b->start_usec);
      g_assert_cmpint (a->end_usec, ==, b->end_usec);
    }

  /* Another time zone cannot continue it. */
  timecard_export_plan_set_time_zone (other, "UTC");
  g_assert_true (prepare (other, &error));
  g_assert_false (timecard_export_plan_apply_run_info (other, info, &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH);
  g_clear_error (&error);

  g_assert_false (timecard_export_plan_apply_run_info (other, "{\"version\":99}", &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH);
}

static void
test_continue_sync (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_AUTO);
  gint64 synced = utc_usec ("2024-06-30T12:00:00Z");

  /* All time narrows to the trailing window before the last sync's end. */
  g_assert_true (timecard_export_plan_continue_sync (plan, synced, 30));
  g_assert_cmpint (timecard_export_plan_get_range_start (plan), ==, synced - 30 * DAY);
  g_assert_cmpint (timecard_export_plan_get_range_end (plan), ==, TIMECARD_EXPORT_UNBOUNDED_END);

  /* A start of the user's own stays... */
  timecard_export_plan_set_range (plan, utc_usec ("2024-01-01T00:00:00Z"), TIMECARD_EXPORT_UNBOUNDED_END);
  g_assert_false (timecard_export_plan_continue_sync (plan, synced, 30));
  g_assert_cmpint (timecard_export_plan_get_range_start (plan), ==, utc_usec ("2024-01-01T00:00:00Z"));

  /* ...as does all time after a sync without an end, or one whose trailing
   * window starts after the range ends. */
  timecard_export_plan_set_range (plan, TIMECARD_EXPORT_UNBOUNDED_START, synced - 40 * DAY);
  g_assert_false (timecard_export_plan_continue_sync (plan, TIMECARD_EXPORT_UNBOUNDED_END, 30));
  g_assert_false (timecard_export_plan_continue_sync (plan, synced, 30));
  g_assert_cmpint (timecard_export_plan_get_range_start (plan), ==, TIMECARD_EXPORT_UNBOUNDED_START);
  g_assert_true (timecard_export_plan_continue_sync (plan, synced, 41));
  g_assert_cmpint (timecard_export_plan_get_range_start (plan), ==, synced - 41 * DAY);
}

static void
test_bad_zone (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TimecardExportPlan) plan = new_plan (f, f->paid, TIMECARD_EXPORT_STRATEGY_AUTO);
  g_autoptr(GError) error = NULL;

  timecard_export_plan_set_time_zone (plan, "Mars/Olympus_Mons");
  g_assert_false (prepare (plan, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_cmpuint (clockify_sim_count_requests (f->sim, NULL, NULL, -1), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/plan/parse-range", test_parse_range);
  g_test_add_func ("/export/plan/parse-entities", test_parse_entities);
  g_test_add ("/export/plan/dry-run-requests", Fixture, NULL, fixture_set_up, test_dry_run_requests, fixture_tear_down);
  g_test_add ("/export/plan/auto-per-user-when-dense", Fixture, GUINT_TO_POINTER (20000),
              fixture_set_up, test_auto_per_user_when_dense, fixture_tear_down);
  g_test_add ("/export/plan/free/windows", Fixture, NULL, fixture_set_up, test_free_windows, fixture_tear_down);
  g_test_add ("/export/plan/free/reports-need-since", Fixture, NULL, fixture_set_up,
              test_free_reports_need_since, fixture_tear_down);
  g_test_add ("/export/plan/window-days", Fixture, NULL, fixture_set_up, test_window_days, fixture_tear_down);
  g_test_add ("/export/plan/window-days/all-time", Fixture, NULL, fixture_set_up, test_window_days_all_time,
              fixture_tear_down);
  g_test_add ("/export/plan/run-info", Fixture, NULL, fixture_set_up, test_run_info, fixture_tear_down);
  g_test_add ("/export/plan/continue-sync", Fixture, NULL, fixture_set_up, test_continue_sync, fixture_tear_down);
  g_test_add ("/export/plan/bad-zone", Fixture, NULL, fixture_set_up, test_bad_zone, fixture_tear_down);

  return g_test_run ();
}
