/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-client"

#include "config.h"

#include <libsoup/soup.h>

#include "clockify-test-client.h"

/* ClockifyClient against the simulator: the key on every request, errors,
 * retries, redirects, size caps, cancellation, budgets and the rate limit. */

static guint
count_requests (ClockifySim *sim,
                const char  *path_substring,
                int          status)
{
  return clockify_sim_count_requests (sim, NULL, path_substring, status);
}

static void
test_api_key_header (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyClient) stranger = NULL;
  g_autoptr(ClockifyQuery) report = NULL;
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GPtrArray) workspaces = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  const char *unknown_key = "tcsim-000000000000000000000000000000000000000000";

  user = test_get_current_user (client, NULL, &error);
  g_assert_no_error (error);
  workspaces = test_list_workspaces (client, &error);
  g_assert_no_error (error);
  test_assert_tags_exact (sim, client);

  report = clockify_query_new (CLOCKIFY_LIST_DETAILED_REPORT, test_paid_workspace (sim));
  clockify_query_set_range (report, start, end);
  entries = test_list_all (client, report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);

  /* GET /user, GET /workspaces, GET tags, POST the report: each with the key. */
  g_assert_cmpuint (count_requests (sim, NULL, -1), ==, 4);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "POST", "/reports/detailed", 200), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (sim, "owner"), ==, 0);

  clockify_sim_clear_log (sim);
  stranger = test_client_new_for_key (sim, unknown_key);
  g_clear_object (&user);
  user = test_get_current_user (stranger, NULL, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, unknown_key));
  g_assert_cmpuint (count_requests (sim, NULL, -1), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (sim, "unknown"), ==, 0);
}

static void
test_current_user (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_MEMBER);
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  const char * const compared[] = { "id", "name", "email", "status", NULL };
  gboolean found = FALSE;

  user = test_get_current_user (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clockify_user_get_id (user), ==,
                   clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_MEMBER));
  g_assert_nonnull (clockify_user_get_name (user));
  g_assert_nonnull (clockify_user_get_time_zone (user));

  users = test_parse_items (CLOCKIFY_LIST_USERS,
                            clockify_sim_dup_entities (sim, test_paid_workspace (sim), "users"));
  for (guint i = 0; i < users->len; i++)
    {
      if (g_strcmp0 (clockify_user_get_id (users->pdata[i]), clockify_user_get_id (user)) == 0)
        {
          test_assert_same_object (G_OBJECT (user), users->pdata[i], compared);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/user", 200), ==, 1);
}

static void
test_unauthorized (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  const char *key = clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN);
  g_autoptr(ClockifyClient) client = test_client_new_for_key (sim, key);
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = test_get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED);
  /* Clockify's own words, shown to users as they are. */
  g_assert_cmpstr (error->message, ==, "Full authentication is required to access this resource");
  g_assert_null (strstr (error->message, key));

  /* Not retried. */
  g_assert_cmpuint (count_requests (sim, NULL, -1), ==, 1);
  g_assert_cmpuint (count_requests (sim, NULL, 401), ==, 1);

  /* A key with a line break is refused before it could add a header. */
  g_clear_object (&client);
  g_clear_error (&error);
  client = test_client_new_for_key (sim, "tcsim-first-line\r\nX-Injected: yes");
  user = test_get_current_user (client, NULL, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "tcsim-first-line"));
  g_assert_cmpuint (count_requests (sim, NULL, -1), ==, 1);
}

static void
test_client_errors (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) owner = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyClient) member = test_client_new (sim, CLOCKIFY_SIM_KEY_MEMBER);
  g_autoptr(ClockifyQuery) free_tags = clockify_query_new (CLOCKIFY_LIST_TAGS,
                                                          test_free_workspace (sim));
  g_autoptr(ClockifyQuery) tasks = clockify_query_new (CLOCKIFY_LIST_TASKS, test_paid_workspace (sim));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = { 0, };

  /* 403: the member is not in the FREE workspace. */
  items = test_list_all (member, free_tags, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Access Denied"));
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/tags: "));
  g_clear_error (&error);

  /* 404: no such project. */
  clockify_query_set_parent_id (tasks, "0123456789abcdef01234567");
  items = test_list_all (owner, tasks, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/projects/{id}/tasks: "));
  g_assert_null (strstr (error->message, "0123456789abcdef01234567"));
  g_clear_error (&error);

  /* Empty error bodies get clockify-cli's defaults. */
  fault.kind = CLOCKIFY_SIM_FAULT_STATUS;
  fault.path_substring = "/tags";
  fault.count = 1;
  fault.body = "";
  fault.status = 403;
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, owner);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_suffix (error->message, ": Forbidden"));
  g_clear_error (&error);

  fault.status = 404;
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, owner);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_suffix (error->message, ": Nothing was found"));
  g_clear_error (&error);

  g_object_set (owner, "max-retries", 0, NULL);
  fault.status = 429;
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, owner);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "Too many requests"));
  g_clear_error (&error);
  g_object_set (owner, "max-retries", 5, NULL);

  /* 400 carries Clockify's message (Spring's only has "message"). */
  clockify_sim_clear_log (sim);
  fault.status = 400;
  fault.body = "{\"message\":\"Method parameter 'page-size': Failed to convert value\"}";
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, owner);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message,
                            "Method parameter 'page-size': Failed to convert value"));
  g_clear_error (&error);

  /* No 4xx but 429 is retried. */
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 1);
}

static void
test_rate_limited_retried (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  guint n_rate_limited = G_MAXUINT;

  clockify_sim_set_rate_limit (sim, 0);

  test_add_fault (sim, CLOCKIFY_SIM_FAULT_STATUS, "/tags", 3, 429);
  test_assert_tags_exact (sim, client);
  g_assert_cmpuint (count_requests (sim, "/tags", 429), ==, 3);
  g_object_get (client, "n-rate-limited", &n_rate_limited, NULL);
  g_assert_cmpuint (n_rate_limited, ==, 3);
  g_assert_cmpuint (count_requests (sim, "/tags", 200), ==, 1);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 4);
}

static void
test_retry_after (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *date = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_STATUS,
    .path_substring = "/tags",
    .count = 1,
    .status = 429,
    .retry_after = "1",
  };
  gint64 started;
  gint64 elapsed;

  clockify_sim_set_rate_limit (sim, 0);

  /* In seconds: the backoff is 10 ms, so only Retry-After makes it 1 s. */
  clockify_sim_add_fault (sim, &fault);
  started = g_get_monotonic_time ();
  test_assert_tags_exact (sim, client);
  elapsed = g_get_monotonic_time () - started;
  g_test_message ("Retry-After: 1 waited %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 950 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 2);

  /* As an HTTP date two seconds ahead (whole seconds: 1 to 2 s from now). */
  clockify_sim_clear_log (sim);
  now = g_date_time_new_now_utc ();
  later = g_date_time_add_seconds (now, 2);
  date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  fault.retry_after = date;
  clockify_sim_add_fault (sim, &fault);
  started = g_get_monotonic_time ();
  test_assert_tags_exact (sim, client);
  elapsed = g_get_monotonic_time () - started;
  g_test_message ("Retry-After: %s waited %" G_GINT64_FORMAT " ms", date, elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 900 * 1000);
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 2);
}

/* 502, 503 and 504 are retried; 500 is not (see clockify-response.c). */
static void
test_server_errors (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  const guint retried[] = { 502, 503, 504 };
  g_autoptr(GError) error = NULL;

  clockify_sim_set_rate_limit (sim, 0);

  for (guint i = 0; i < G_N_ELEMENTS (retried); i++)
    {
      clockify_sim_clear_log (sim);
      test_add_fault (sim, CLOCKIFY_SIM_FAULT_STATUS, "/tags", 2, retried[i]);
      test_assert_tags_exact (sim, client);
      g_assert_cmpuint (count_requests (sim, "/tags", retried[i]), ==, 2);
      g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 3);
    }

  clockify_sim_clear_log (sim);
  test_add_fault (sim, CLOCKIFY_SIM_FAULT_STATUS, "/tags", 1, 500);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "HTTP 500"));
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 1);
}

static void
test_dropped_connection (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);

  clockify_sim_set_rate_limit (sim, 0);

  test_add_fault (sim, CLOCKIFY_SIM_FAULT_DROP, "/tags", 2, 0);
  test_assert_tags_exact (sim, client);
  g_assert_cmpuint (count_requests (sim, "/tags", 0), ==, 2);
  g_assert_cmpuint (count_requests (sim, "/tags", 200), ==, 1);
}

static void
test_timeout (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_DELAY,
    .path_substring = "/tags",
    .count = 1,
    .delay_ms = 2500,
  };
  gint64 started;
  gint64 elapsed;

  clockify_sim_set_rate_limit (sim, 0);
  g_object_set (client, "timeout", 1, NULL);
  clockify_sim_add_fault (sim, &fault);

  started = g_get_monotonic_time ();
  test_assert_tags_exact (sim, client);
  elapsed = g_get_monotonic_time () - started;

  g_test_message ("a 1 s timeout, then a retry, took %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 900 * 1000);
  g_assert_cmpint (elapsed, <, 2400 * 1000);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 2);
}

static void
test_bounded_retries (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyClient) fresh = NULL;
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_STATUS,
    .path_substring = "/tags",
    .status = 429,
    .retry_after = "30",
  };
  gint64 started;

  clockify_sim_set_rate_limit (sim, 0);
  g_object_set (client, "max-retries", 3, NULL);

  test_add_fault (sim, CLOCKIFY_SIM_FAULT_STATUS, "/tags", 0, 429);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "4 attempts"));
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 4);
  g_clear_error (&error);

  clockify_sim_clear_faults (sim);
  clockify_sim_clear_log (sim);
  test_add_fault (sim, CLOCKIFY_SIM_FAULT_STATUS, "/tags", 0, 503);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "HTTP 503"));
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 4);
  g_clear_error (&error);

  /* A client without pooled connections, so that libsoup's own resend on
   * a stale keep-alive connection cannot add a request. */
  clockify_sim_clear_faults (sim);
  clockify_sim_clear_log (sim);
  test_add_fault (sim, CLOCKIFY_SIM_FAULT_DROP, "/tags", 0, 0);
  fresh = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_object_set (fresh, "max-retries", 3, NULL);
  error = test_list_tags_error (sim, fresh);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_NETWORK);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 4);
  g_clear_error (&error);

  /* Bounded in time too: a Retry-After beyond max-retry-time fails now. */
  clockify_sim_clear_faults (sim);
  clockify_sim_clear_log (sim);
  clockify_sim_add_fault (sim, &fault);
  g_object_set (client, "max-retry-time", 5, NULL);
  started = g_get_monotonic_time ();
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "30 s"));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 1);
}

static void
test_truncated (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_TRUNCATE,
    .path_substring = "/tags",
    .count = 1,
  };

  clockify_sim_set_rate_limit (sim, 0);

  /* Valid HTTP, invalid JSON: not retried. */
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/tags: "));
  g_assert_null (strstr (error->message, test_paid_workspace (sim)));
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 1);
  g_clear_error (&error);

  /* A premature EOF once: retried, the data arrive exactly. */
  clockify_sim_clear_log (sim);
  fault.cut_connection = TRUE;
  clockify_sim_add_fault (sim, &fault);
  test_assert_tags_exact (sim, client);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 2);

  /* Every time: an invalid response once the retries are spent. */
  clockify_sim_clear_log (sim);
  fault.count = 0;
  clockify_sim_add_fault (sim, &fault);
  g_object_set (client, "max-retries", 2, NULL);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/tags: "));
  g_assert_nonnull (strstr (error->message, "cut short"));
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 3);
}

static void
test_wrong_types (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_STATUS,
    .path_substring = "/tags",
    .count = 1,
    .status = 200,
    .body = "[{\"id\":\"65a000000000000000000001\",\"name\":42}]",
  };

  clockify_sim_set_rate_limit (sim, 0);

  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/tags: Item 1: "));
  g_clear_error (&error);

  fault.body = "{\"tags\":[]}";
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/tags: "));
  g_clear_error (&error);

  fault.path_substring = "/api/v1/user";
  fault.body = "[1, 2, 3]";
  clockify_sim_add_fault (sim, &fault);
  user = test_get_current_user (client, NULL, &error);
  g_assert_null (user);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "GET /user: "));
}

static void
test_error_in_200 (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyQuery) report = clockify_query_new (CLOCKIFY_LIST_DETAILED_REPORT,
                                                        test_paid_workspace (sim));
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 2, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 9, 0, 0, 0);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_ERROR_IN_200,
    .path_substring = "/reports/detailed",
    .count = 1,
  };

  clockify_sim_set_rate_limit (sim, 0);
  clockify_query_set_range (report, start, end);

  clockify_sim_add_fault (sim, &fault);
  entries = test_list_all (client, report, &error);
  g_assert_null (entries);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER);
  g_assert_true (g_str_has_prefix (error->message, "POST /workspaces/{id}/reports/detailed: "));
  g_assert_nonnull (strstr (error->message, "(code 501)"));
  g_clear_error (&error);

  fault.body = "{\"code\":400,\"message\":\"Please select date range of exactly 7 days\"}";
  clockify_sim_add_fault (sim, &fault);
  entries = test_list_all (client, report, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "Please select date range of exactly 7 days"));
  g_clear_error (&error);

  /* In a main-API list, where an array was expected. */
  fault.path_substring = "/tags";
  fault.body = NULL;
  clockify_sim_add_fault (sim, &fault);
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER);
  g_clear_error (&error);

  /* Such answers are final: no retry. */
  g_assert_cmpuint (count_requests (sim, "/reports/detailed", -1), ==, 2);
  g_assert_cmpuint (count_requests (sim, "/tags", -1), ==, 1);
}

static void
test_redirect (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifySim) other = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_strdup_printf ("http://127.0.0.1:%u", clockify_sim_get_port (other));
  const guint statuses[] = { 301, 302, 303, 307, 308 };
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_REDIRECT,
    .path_substring = "/api/v1/user",
    .count = 1,
    .location = clockify_sim_get_base_url (other),
  };

  clockify_sim_set_rate_limit (sim, 0);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      fault.status = statuses[i];
      clockify_sim_add_fault (sim, &fault);
      user = test_get_current_user (client, NULL, &error);
      g_assert_null (user);
      g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER);
      g_assert_nonnull (strstr (error->message, target));
      g_assert_null (strstr (error->message, clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER)));
      g_clear_error (&error);
    }

  /* The key never left for the other server. */
  g_assert_cmpuint (count_requests (other, NULL, -1), ==, 0);
  g_assert_cmpuint (count_requests (sim, "/api/v1/user", -1), ==, G_N_ELEMENTS (statuses));

  /* A redirect within the same server is followed, with the key. */
  clockify_sim_clear_log (sim);
  fault.status = 0;
  fault.location = clockify_sim_get_base_url (sim);
  clockify_sim_add_fault (sim, &fault);
  user = test_get_current_user (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (clockify_user_get_id (user), ==,
                   clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpuint (count_requests (sim, "/api/v1/user", -1), ==, 2);
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (sim, "owner"), ==, 0);
}

static void
test_huge_response (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyQuery) users = clockify_query_new (CLOCKIFY_LIST_USERS, test_paid_workspace (sim));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_HUGE,
    .path_substring = "/tags",
    .count = 1,
    .huge_size = 256 * 1024 * 1024,
  };
  gint64 started;

  clockify_sim_set_rate_limit (sim, 0);
  g_object_set (client, "max-response-size", (guint64) 1024 * 1024, NULL);

  /* Chunked, no length announced: counted while reading. */
  clockify_sim_add_fault (sim, &fault);
  started = g_get_monotonic_time ();
  error = test_list_tags_error (sim, client);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "GET /workspaces/{id}/tags: "));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_test_message ("a 256 MiB answer was refused after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* With a Content-Length: refused before reading. */
  g_object_set (client, "max-response-size", (guint64) 100, NULL);
  items = test_list_all (client, users, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  /* The client still works. */
  g_object_set (client, "max-response-size", (guint64) 1024 * 1024, NULL);
  test_assert_tags_exact (sim, client);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

/* Cancels a request 100 ms in, checks it ends at once, and that nothing
 * keeps the client alive afterwards. */
static void
assert_cancels_quickly (ClockifySim    *sim,
                        ClockifyClient *client_in)
{
  ClockifyClient *client = client_in;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;
  gint64 elapsed;

  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);

  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, cancel_cb,
                      g_object_ref (cancellable), g_object_unref);
  started = g_get_monotonic_time ();
  user = test_get_current_user (client, cancellable, &error);
  elapsed = g_get_monotonic_time () - started;

  g_assert_null (user);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("cancelled after %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, <, 600 * 1000);

  test_spin (50);
  g_object_unref (client);
  g_assert_null (client);
}

static void
test_cancel (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  ClockifyClient *client;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_DELAY,
    .path_substring = "/api/v1/user",
    .count = 1,
    .delay_ms = 5000,
  };

  clockify_sim_set_rate_limit (sim, 0);

  /* In flight. */
  clockify_sim_add_fault (sim, &fault);
  assert_cancels_quickly (sim, test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpuint (count_requests (sim, "/api/v1/user", -1), ==, 1);
  clockify_sim_clear_faults (sim);
  clockify_sim_clear_log (sim);

  /* While waiting out a Retry-After. */
  fault.kind = CLOCKIFY_SIM_FAULT_STATUS;
  fault.status = 429;
  fault.retry_after = "10";
  clockify_sim_add_fault (sim, &fault);
  assert_cancels_quickly (sim, test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpuint (count_requests (sim, "/api/v1/user", -1), ==, 1);
  clockify_sim_clear_faults (sim);
  clockify_sim_clear_log (sim);

  /* While waiting on the throttle: the only token is spent first. */
  client = test_client_new (sim, CLOCKIFY_SIM_KEY_MEMBER);
  g_object_set (client, "rate", 0.2, "burst", 1, NULL);
  {
    g_autoptr(ClockifyUser) user = NULL;
    g_autoptr(GError) error = NULL;

    user = test_get_current_user (client, NULL, &error);
    g_assert_no_error (error);
  }
  assert_cancels_quickly (sim, client);
  g_assert_cmpuint (count_requests (sim, "/api/v1/user", -1), ==, 1);
}

/* A Free workspace whose budget another run already spent: a second 429,
 * a second after the first (which may have been the per-second limit),
 * stops the client instead of retrying into the wall. */
/* One 429 on a Free workspace with budget left is the per-second limit
 * (requests that arrived bunched): retried a second later, not taken for
 * the budget. */
static void
test_budget_single_429 (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyQuery) free_tags = clockify_query_new (CLOCKIFY_LIST_TAGS,
                                                          test_free_workspace (sim));
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *free_path = g_strdup_printf ("/workspaces/%s/tags", test_free_workspace (sim));
  gint64 started;

  g_object_set (client, "max-retries", 5, NULL);
  clockify_client_set_workspace_budget (client, test_free_workspace (sim), 30);
  test_add_fault (sim, CLOCKIFY_SIM_FAULT_STATUS, free_path, 1, 429);

  started = g_get_monotonic_time ();
  page = test_fetch_page (client, free_tags, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC);
  g_assert_cmpuint (count_requests (sim, free_path, 429), ==, 1);
  g_assert_cmpuint (count_requests (sim, free_path, 200), ==, 1);
}

static void
test_budget_spent_elsewhere (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) other = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyQuery) free_tags = clockify_query_new (CLOCKIFY_LIST_TAGS,
                                                          test_free_workspace (sim));
  g_autoptr(GError) error = NULL;
  g_autofree char *free_path = g_strdup_printf ("/workspaces/%s/", test_free_workspace (sim));
  guint n_rate_limited = 0;

  clockify_sim_set_free_plan_limit (sim, 3, 60 * G_USEC_PER_SEC);

  /* "Another run": a client that knows of no budget spends it all. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) page = test_fetch_page (other, free_tags, 1, NULL, &error);

      g_assert_no_error (error);
    }

  g_object_set (client, "max-retries", 5, "budget-window", 60, NULL);
  clockify_client_set_workspace_budget (client, test_free_workspace (sim), 3);

  {
    g_autoptr(GPtrArray) page = test_fetch_page (client, free_tags, 1, NULL, &error);

    g_assert_null (page);
    g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
    g_assert_nonnull (strstr (error->message, "frees up at"));
    g_clear_error (&error);
  }

  /* One refused request, tried once more; the next one is not even sent. */
  g_assert_cmpuint (count_requests (sim, free_path, 429), ==, 2);
  {
    g_autoptr(GPtrArray) page = test_fetch_page (client, free_tags, 1, NULL, &error);

    g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (count_requests (sim, free_path, -1), ==, 5);
  g_object_get (client, "n-rate-limited", &n_rate_limited, NULL);
  g_assert_cmpuint (n_rate_limited, ==, 2);
}

static void
test_budget (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyQuery) free_tags = clockify_query_new (CLOCKIFY_LIST_TAGS,
                                                          test_free_workspace (sim));
  g_autoptr(ClockifyQuery) paid_tags = test_tags_query (sim);
  g_autoptr(GPtrArray) workspaces = NULL;
  g_autoptr(GError) error = NULL;
  ClockifyThrottle *throttle = clockify_client_get_throttle (client);
  g_autofree char *free_path = g_strdup_printf ("/workspaces/%s/", test_free_workspace (sim));

  clockify_sim_set_free_plan_limit (sim, 5, 2 * G_USEC_PER_SEC);
  g_object_set (client, "free-plan-budget", 5, "budget-window", 2, NULL);

  g_assert_false (clockify_throttle_has_workspace_budget (throttle, test_free_workspace (sim)));
  workspaces = test_list_workspaces (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workspaces->len, ==, 2);
  g_assert_true (clockify_throttle_has_workspace_budget (throttle, test_free_workspace (sim)));
  g_assert_false (clockify_throttle_has_workspace_budget (throttle, test_paid_workspace (sim)));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GPtrArray) page = test_fetch_page (client, free_tags, 1, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (page);
    }

  {
    g_autoptr(GPtrArray) page = test_fetch_page (client, free_tags, 1, NULL, &error);

    g_assert_null (page);
    g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
    /* Shown to users as it is, without the endpoint. */
    g_assert_false (g_str_has_prefix (error->message, "GET "));
    g_assert_nonnull (strstr (error->message, "frees"));
    g_clear_error (&error);
  }

  /* The client stopped before the simulator had to refuse anything. */
  g_assert_cmpuint (count_requests (sim, NULL, 429), ==, 0);
  g_assert_cmpuint (count_requests (sim, free_path, -1), ==, 5);

  /* A budget set by hand on the paid workspace. */
  clockify_client_set_workspace_budget (client, test_paid_workspace (sim), 1);
  {
    g_autoptr(GPtrArray) first = test_fetch_page (client, paid_tags, 1, NULL, &error);
    g_autoptr(GPtrArray) second = NULL;

    g_assert_no_error (error);
    second = test_fetch_page (client, paid_tags, 1, NULL, &error);
    g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED);
  }
}

typedef struct
{
  guint    n_requests;
  guint    n_done;
  guint    n_errors;
  gboolean finished;
} RateRun;

static void
on_rate_user (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RateRun *run = user_data;
  g_autoptr(ClockifyUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = clockify_client_get_current_user_finish (CLOCKIFY_CLIENT (source), result, &error);
  if (user == NULL)
    {
      g_test_message ("request failed: %s", error->message);
      run->n_errors++;
    }
  run->n_done++;
  run->finished = run->n_done == run->n_requests;
}

/* All at once: the throttle alone must keep them under the simulator's
 * 10 requests in any sliding second. */
static void
test_real_rate_limit (void)
{
  g_autoptr(ClockifySim) sim = test_sim_new ();
  g_autoptr(ClockifyClient) client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(GPtrArray) log = NULL;
  const guint n_requests = 200;
  RateRun run = { .n_requests = n_requests };
  const ClockifySimRequest *first;
  const ClockifySimRequest *last;
  guint max_in_window = 0;
  double rate;

  /* Warm up: the first request of a process pays for connection set-up
   * and type initialisation, which shifts its arrival but not its start. */
  {
    g_autoptr(ClockifyUser) user = test_get_current_user (client, NULL, NULL);

    g_assert_nonnull (user);
    test_spin (1100);
    clockify_sim_clear_log (sim);
  }

  for (guint i = 0; i < n_requests; i++)
    clockify_client_get_current_user_async (client, NULL, on_rate_user, &run);
  test_wait_until (&run.finished);

  log = clockify_sim_dup_log (sim);

  /* What the simulator enforces: at most 10 arrivals in any second. */
  for (guint i = 0; i < log->len; i++)
    {
      const ClockifySimRequest *from = g_ptr_array_index (log, i);
      guint in_window = 0;

      for (guint j = i; j < log->len; j++)
        {
          const ClockifySimRequest *to = g_ptr_array_index (log, j);

          if (to->time_us - from->time_us < G_USEC_PER_SEC)
            in_window++;
        }
      max_in_window = MAX (max_in_window, in_window);
    }

  /* The long-run rate, after the first burst of 10. */
  first = g_ptr_array_index (log, CLOCKIFY_THROTTLE_DEFAULT_BURST - 1);
  last = g_ptr_array_index (log, log->len - 1);
  rate = (log->len - CLOCKIFY_THROTTLE_DEFAULT_BURST) * (double) G_USEC_PER_SEC /
         (double) (last->time_us - first->time_us);

  g_test_message ("%u requests, %.2f requests/s after the first burst, at most %u in any "
                  "second, %u answered 429",
                  log->len, rate, max_in_window, count_requests (sim, NULL, 429));

  g_assert_cmpuint (run.n_errors, ==, 0);
  g_assert_cmpfloat (rate, <, 10.0);
  g_assert_cmpfloat (rate, >, 9.0);

  g_assert_cmpuint (count_requests (sim, NULL, 429), ==, 0);
  g_assert_cmpuint (log->len, ==, n_requests);
  g_assert_cmpuint (max_in_window, <=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/client/api-key-header", test_api_key_header);
  g_test_add_func ("/clockify/client/current-user", test_current_user);
  g_test_add_func ("/clockify/client/unauthorized", test_unauthorized);
  g_test_add_func ("/clockify/client/client-errors", test_client_errors);
  g_test_add_func ("/clockify/client/rate-limited-retried", test_rate_limited_retried);
  g_test_add_func ("/clockify/client/retry-after", test_retry_after);
  g_test_add_func ("/clockify/client/server-errors", test_server_errors);
  g_test_add_func ("/clockify/client/dropped-connection", test_dropped_connection);
  g_test_add_func ("/clockify/client/timeout", test_timeout);
  g_test_add_func ("/clockify/client/bounded-retries", test_bounded_retries);
  g_test_add_func ("/clockify/client/truncated", test_truncated);
  g_test_add_func ("/clockify/client/wrong-types", test_wrong_types);
  g_test_add_func ("/clockify/client/error-in-200", test_error_in_200);
  g_test_add_func ("/clockify/client/redirect", test_redirect);
  g_test_add_func ("/clockify/client/huge-response", test_huge_response);
  g_test_add_func ("/clockify/client/cancel", test_cancel);
  g_test_add_func ("/clockify/client/budget", test_budget);
  g_test_add_func ("/clockify/client/budget-single-429", test_budget_single_429);
  g_test_add_func ("/clockify/client/budget-spent-elsewhere", test_budget_spent_elsewhere);
  g_test_add_func ("/clockify/client/real-rate-limit", test_real_rate_limit);

  return g_test_run ();
}
