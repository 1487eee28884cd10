/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Self-tests of the Clockify simulator, through plain libsoup.
 */
#define G_LOG_DOMAIN "test-clockify-sim"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-sim-common.h"

static char *log_dir;

/* Tests ------------------------------------------------------------------- */

static void
test_auth (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(GPtrArray) log = NULL;
  g_auto(Reply) reply = { 0 };

  /* An unknown path below is not in the spec, on purpose. */
  clockify_sim_set_contract_log (sim, FALSE);
  get (session, sim, clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN), &reply, "/api/v1/user");
  g_assert_cmpuint (reply.status, ==, 401);
  g_assert_cmpstr (body_text (&reply), ==,
                   "{\"message\":\"Full authentication is required to access this resource\",\"code\":1000}");

  get (session, sim, NULL, &reply, "/api/v1/workspaces");
  g_assert_cmpuint (reply.status, ==, 401);

  get (session, sim, clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER), &reply, "/api/v1/workspaces/%s/users",
       clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE));
  g_assert_cmpuint (reply.status, ==, 403);
  g_assert_cmpstr (body_text (&reply), ==, "{\"message\":\"Access Denied\",\"code\":1000}");

  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/projects/%s/tasks",
       paid_ws (sim), "000000000000000000000000");
  g_assert_cmpuint (reply.status, ==, 404);
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/nothing", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 404);

  get (session, sim, owner_key (sim), &reply, "/api/v1/user");
  g_assert_cmpuint (reply.status, ==, 200);
  {
    g_autoptr(JsonNode) user = parse (&reply);
    JsonObject *object = json_node_get_object (user);

    g_assert_cmpstr (json_object_get_string_member (object, "id"), ==,
                     clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "settings"), "timeZone"),
                     ==, "Europe/Berlin");
  }

  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces");
  {
    g_autoptr(JsonNode) list = parse (&reply);
    JsonArray *array = json_node_get_array (list);
    gboolean saw_free = FALSE, saw_paid = FALSE;

    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *ws = json_array_get_object_element (array, i);
        const char *plan = json_object_get_string_member (ws, "featureSubscriptionType");

        saw_free |= g_str_equal (plan, "FREE");
        saw_paid |= g_str_equal (plan, "PRO_YEAR_2021");
      }
    g_assert_true (saw_free && saw_paid);
    g_assert_null (soup_message_headers_get_one (reply.headers, "Last-Page"));
  }

  /* The log names keys, never holds them. */
  log = clockify_sim_dup_log (sim);
  g_assert_cmpuint (log->len, ==, 7);
  g_assert_cmpstr (((ClockifySimRequest *) log->pdata[0])->key_id, ==, "unknown");
  g_assert_cmpuint (((ClockifySimRequest *) log->pdata[0])->status, ==, 401);
  g_assert_cmpstr (((ClockifySimRequest *) log->pdata[1])->key_id, ==, "none");
  g_assert_cmpstr (((ClockifySimRequest *) log->pdata[2])->key_id, ==, "member");
  g_assert_cmpstr (((ClockifySimRequest *) log->pdata[3])->key_id, ==, "owner");
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (sim, "owner"), ==, 3);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/user", 401), ==, 1);
}

static void
test_pagination (void)
{
  ClockifySimOptions options;
  g_autoptr(ClockifySim) sim = NULL;
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonArray) joined = json_array_new ();
  g_autoptr(JsonNode) joined_node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *all_text = NULL, *joined_text = NULL, *first_page = NULL;
  g_auto(Reply) reply = { 0 };

  clockify_sim_options_init_default (&options);
  options.n_users = 7;
  sim = start_sim (&options);
  clockify_sim_set_rate_limit (sim, 0);

  for (guint page = 1; page <= 3; page++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *array;

      get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/users?page=%u&page-size=3",
           paid_ws (sim), page);
      g_assert_cmpuint (reply.status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Last-Page"), ==, page == 3 ? "true" : "false");
      node = parse (&reply);
      array = json_node_get_array (node);
      g_assert_cmpuint (json_array_get_length (array), ==, page == 3 ? 1 : 3);
      if (page == 1)
        first_page = to_string (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (joined, json_node_copy (json_array_get_element (array, i)));
    }
  all = clockify_sim_dup_entities (sim, paid_ws (sim), "users");
  json_node_set_array (joined_node, joined);
  all_text = to_string (all);
  joined_text = to_string (joined_node);
  g_assert_cmpstr (all_text, ==, joined_text);

  /* Page 0 is page 1, as on Clockify. */
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/users?page=0&page-size=3", paid_ws (sim));
  {
    g_autoptr(JsonNode) node = parse (&reply);
    g_autofree char *text = to_string (node);

    g_assert_cmpstr (text, ==, first_page);
  }

  /* Clients have no Last-Page, until ALWAYS; NEVER removes it. */
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/clients?page-size=2", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_null (soup_message_headers_get_one (reply.headers, "Last-Page"));
  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_ALWAYS);
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/clients?page-size=2", paid_ws (sim));
  g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Last-Page"), ==, "false");
  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_NEVER);
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/users", paid_ws (sim));
  g_assert_null (soup_message_headers_get_one (reply.headers, "Last-Page"));

  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/users?page-size=5001", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 400);
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/users?page=x", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 400);
  g_assert_nonnull (strstr (body_text (&reply), "\"message\""));
}

static void
test_time_entries (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  const char *user = clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(JsonNode) all = clockify_sim_dup_user_time_entries (sim, paid_ws (sim), user);
  JsonArray *all_array = json_node_get_array (all);
  guint n = json_array_get_length (all_array), n_paged = 0, n_window = 0;
  g_auto(Reply) reply = { 0 };
  const char *window_start = "2025-01-01T00:00:00Z", *window_end = "2026-01-01T00:00:00Z";

  clockify_sim_set_rate_limit (sim, 0);
  g_assert_cmpuint (n, >, 20);

  for (guint page = 1;; page++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *array;

      get (session, sim, owner_key (sim), &reply,
           "/api/v1/workspaces/%s/user/%s/time-entries?page=%u&page-size=7", paid_ws (sim), user, page);
      g_assert_cmpuint (reply.status, ==, 200);
      node = parse (&reply);
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++, n_paged++)
        {
          g_autofree char *a = json_to_string (json_array_get_element (array, i), FALSE);
          g_autofree char *b = json_to_string (json_array_get_element (all_array, n_paged), FALSE);

          g_assert_cmpstr (a, ==, b);
        }
      if (g_str_equal (soup_message_headers_get_one (reply.headers, "Last-Page"), "true"))
        break;
      g_assert_cmpuint (page, <, 100);
    }
  g_assert_cmpuint (n_paged, ==, n);

  /* start <= entry.start < end */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *interval = json_object_get_object_member (json_array_get_object_element (all_array, i),
                                                            "timeInterval");
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (json_object_get_string_member (interval, "start"), NULL);
      g_autofree char *text = g_date_time_format_iso8601 (start);

      if (strcmp (text, window_start) >= 0 && strcmp (text, window_end) < 0)
        n_window++;
    }
  get (session, sim, owner_key (sim), &reply,
       "/api/v1/workspaces/%s/user/%s/time-entries?start=%s&end=%s&page-size=5000",
       paid_ws (sim), user, window_start, window_end);
  {
    g_autoptr(JsonNode) node = parse (&reply);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, n_window);
    g_assert_cmpuint (n_window, >, 0);
  }

  get (session, sim, owner_key (sim), &reply,
       "/api/v1/workspaces/%s/user/%s/time-entries?in-progress=true", paid_ws (sim), user);
  {
    g_autoptr(JsonNode) node = parse (&reply);
    JsonArray *array = json_node_get_array (node);
    JsonObject *interval;

    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    interval = json_object_get_object_member (json_array_get_object_element (array, 0), "timeInterval");
    g_assert_true (json_object_get_null_member (interval, "end"));
    g_assert_true (json_object_get_null_member (interval, "duration"));
  }

  get (session, sim, owner_key (sim), &reply,
       "/api/v1/workspaces/%s/user/%s/time-entries?hydrated=true&page-size=50", paid_ws (sim), user);
  {
    g_autoptr(JsonNode) node = parse (&reply);
    JsonObject *entry = json_array_get_object_element (json_node_get_array (node), 0);

    g_assert_true (json_object_has_member (entry, "project"));
    g_assert_true (json_object_has_member (entry, "task"));
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (entry, "tags")));
    g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "user")));
  }

  get (session, sim, owner_key (sim), &reply,
       "/api/v1/workspaces/%s/user/%s/time-entries?start=yesterday", paid_ws (sim), user);
  g_assert_cmpuint (reply.status, ==, 400);
}

static void
test_report (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_autofree char *url = g_strdup_printf ("%s/report/v1/workspaces/%s/reports/detailed",
                                          clockify_sim_get_base_url (sim), paid_ws (sim));
  g_autoptr(JsonNode) all = clockify_sim_dup_entities (sim, paid_ws (sim), "time-entries");
  g_autoptr(GHashTable) users = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Reply) reply = { 0 };
  guint n_completed = 0;

  clockify_sim_set_rate_limit (sim, 0);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (all)); i++)
    {
      JsonObject *entry = json_array_get_object_element (json_node_get_array (all), i);

      if (!json_object_get_null_member (json_object_get_object_member (entry, "timeInterval"), "end"))
        n_completed++;
    }

  fetch (session, "POST", url, owner_key (sim),
         "{\"dateRangeStart\":\"2020-01-01T00:00:00\",\"dateRangeEnd\":\"2026-12-31T23:59:59.999\","
         "\"detailedFilter\":{\"page\":1,\"pageSize\":1001},\"exportType\":\"JSON\"}", &reply);
  g_assert_cmpuint (reply.status, ==, 400);
  g_assert_nonnull (strstr (body_text (&reply), "\"message\":"));

  fetch (session, "POST", url, owner_key (sim),
         "{\"dateRangeStart\":\"2020-01-01T00:00:00\",\"dateRangeEnd\":\"2026-12-31T23:59:59.999\","
         "\"timeZone\":\"Asia/Tokyo\",\"detailedFilter\":{\"page\":1,\"pageSize\":1000},\"exportType\":\"JSON\"}",
         &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_null (soup_message_headers_get_one (reply.headers, "Last-Page"));
  {
    g_autoptr(JsonNode) node = parse (&reply);
    JsonObject *report = json_node_get_object (node);
    JsonArray *entries = json_object_get_array_member (report, "timeentries");
    JsonObject *totals = json_array_get_object_element (json_object_get_array_member (report, "totals"), 0);
    const char *previous = "";

    g_assert_cmpuint (json_array_get_length (entries), ==, n_completed);
    g_assert_cmpint (json_object_get_int_member (totals, "entriesCount"), ==, n_completed);
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        JsonObject *interval = json_object_get_object_member (entry, "timeInterval");
        const char *start = json_object_get_string_member (interval, "start");

        g_assert_true (json_object_has_member (entry, "_id"));
        g_assert_true (g_str_has_suffix (start, "+09:00"));
        g_assert_cmpint (json_node_get_value_type (json_object_get_member (interval, "duration")), ==, G_TYPE_INT64);
        /* Same zone, so text order is time order. */
        g_assert_cmpstr (previous, <=, start);
        previous = start;
        g_hash_table_add (users, (gpointer) json_object_get_string_member (entry, "userId"));
      }
    g_assert_cmpuint (g_hash_table_size (users), ==, 5);
  }

  clockify_sim_set_report_spelling (sim, TRUE);
  fetch (session, "POST", url, owner_key (sim),
         "{\"dateRangeStart\":\"2026-01-01T00:00:00\",\"dateRangeEnd\":\"2026-12-31T23:59:59\","
         "\"detailedFilter\":{\"page\":1,\"pageSize\":5}}", &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_nonnull (strstr (body_text (&reply), "\"timeEntries\":[{\"id\":"));

  /* The FREE plan's 31-day cap. */
  g_free (url);
  url = g_strdup_printf ("%s/report/v1/workspaces/%s/reports/detailed", clockify_sim_get_base_url (sim),
                         clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE));
  fetch (session, "POST", url, owner_key (sim),
         "{\"dateRangeStart\":\"2026-01-01T00:00:00\",\"dateRangeEnd\":\"2026-03-01T00:00:00\","
         "\"detailedFilter\":{\"page\":1,\"pageSize\":5}}", &reply);
  g_assert_cmpuint (reply.status, ==, 400);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "POST", "/reports/detailed", -1), ==, 4);
}

static void
test_rate_limit (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_auto(Reply) reply = { 0 };
  guint n_429 = 0;

  for (guint i = 0; i < 15; i++)
    {
      get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags", paid_ws (sim));
      if (reply.status == 429)
        {
          n_429++;
          g_assert_cmpstr (body_text (&reply), ==, "{\"message\":\"Too many requests\",\"code\":429}");
          g_assert_null (soup_message_headers_get_one (reply.headers, "Retry-After"));
        }
    }
  /* 15 quick requests cannot all fit in one second's 10. */
  g_assert_cmpuint (n_429, >=, 1);
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, 429), ==, n_429);

  /* The FREE workspace's budget: 4 per 2 seconds here. */
  clockify_sim_set_rate_limit (sim, 0);
  clockify_sim_set_free_plan_limit (sim, 4, 2 * G_USEC_PER_SEC);
  for (guint i = 0; i < 5; i++)
    {
      get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags",
           clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE));
      g_assert_cmpuint (reply.status, ==, i < 4 ? 200 : 429);
    }
  /* The paid workspace is not affected. */
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 200);
  clockify_sim_reset_limits (sim);
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags",
       clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE));
  g_assert_cmpuint (reply.status, ==, 200);
}

static void
test_fault_status (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_auto(Reply) reply = { 0 };
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_STATUS,
    .path_substring = "/tags",
    .skip = 1,
    .count = 2,
    .status = 503,
    .retry_after = "3",
  };

  clockify_sim_add_fault (sim, &fault);
  for (guint i = 0; i < 4; i++)
    {
      get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags", paid_ws (sim));
      g_assert_cmpuint (reply.status, ==, i == 1 || i == 2 ? 503 : 200);
      if (reply.status == 503)
        g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "3");
    }
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/users", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 200);

  clockify_sim_clear_faults (sim);
  clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_STATUS, .status = 429, .count = 1,
                                                     .retry_after = "Wed, 21 Oct 2026 07:28:00 GMT" });
  get (session, sim, owner_key (sim), &reply, "/api/v1/user");
  g_assert_cmpuint (reply.status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "Wed, 21 Oct 2026 07:28:00 GMT");
  g_assert_cmpstr (body_text (&reply), ==, "{\"message\":\"Too Many Requests\",\"code\":429}");

  g_assert_true (clockify_sim_add_faults_from_string (sim, "error-in-200,path=/clients,count=1;redirect,path=/projects,location=http://127.0.0.1:9", NULL));
  g_assert_false (clockify_sim_add_faults_from_string (sim, "explode", NULL));
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/clients", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_true (g_str_has_prefix (body_text (&reply), "{\"code\":501,"));
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/projects?page=2", paid_ws (sim));
  g_assert_cmpuint (reply.status, ==, 302);
  {
    g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:9/api/v1/workspaces/%s/projects?page=2",
                                                 paid_ws (sim));

    g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Location"), ==, expected);
  }
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, 503), ==, 2);
}

static void
test_fault_drop_truncate (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_auto(Reply) reply = { 0 };
  g_autoptr(GPtrArray) log = NULL;

  clockify_sim_set_rate_limit (sim, 0);
  clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_DROP, .path_substring = "/tags", .count = 1 });
  {
    g_autoptr(SoupSession) session = new_session ();

    get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags", paid_ws (sim));
    g_assert_nonnull (reply.error);
    g_assert_null (reply.body);
  }
  log = clockify_sim_dup_log (sim);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpuint (((ClockifySimRequest *) log->pdata[0])->status, ==, 0);
  g_assert_cmpstr (((ClockifySimRequest *) log->pdata[0])->fault, ==, "drop");

  clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_TRUNCATE, .path_substring = "/projects", .count = 1 });
  {
    g_autoptr(SoupSession) session = new_session ();
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonNode) full = clockify_sim_dup_entities (sim, paid_ws (sim), "projects");
    g_autofree char *full_text = to_string (full);

    get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/projects", paid_ws (sim));
    g_assert_no_error (reply.error);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply.body), <, strlen (full_text));
    g_assert_false (json_parser_load_from_data (parser, body_text (&reply), -1, NULL));
  }

  clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_TRUNCATE, .path_substring = "/clients",
                                                     .count = 1, .cut_connection = TRUE });
  {
    g_autoptr(SoupSession) session = new_session ();

    g_autoptr(JsonParser) parser = json_parser_new ();

    /* libsoup 3.2 reports the premature EOF as a short body, not an error. */
    get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/clients", paid_ws (sim));
    if (reply.error == NULL)
      {
        g_assert_cmpuint (g_bytes_get_size (reply.body), <,
                          soup_message_headers_get_content_length (reply.headers));
        g_assert_false (json_parser_load_from_data (parser, body_text (&reply), -1, NULL));
      }
  }

  clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_HUGE, .path_substring = "/user-groups",
                                                     .count = 1, .huge_size = 3 * 1024 * 1024 });
  {
    g_autoptr(SoupSession) session = new_session ();
    g_autoptr(JsonNode) node = NULL;

    get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/user-groups", paid_ws (sim));
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply.body), >=, 3 * 1024 * 1024);
    g_assert_cmpuint (g_bytes_get_size (reply.body), <, 3 * 1024 * 1024 + 2048);
    node = parse (&reply);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  }
}

static void
cancel_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *(gboolean *) user_data = TRUE;
}

static void
any_error_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  /* The server went away in the middle of the delay. */
  g_assert_nonnull (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
stop_timeout_cb (gpointer user_data)
{
  clockify_sim_stop (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
cancel_timeout_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_fault_delay (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_auto(Reply) reply = { 0 };
  gint64 before, waited;
  gboolean done = FALSE;

  clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_DELAY, .path_substring = "/tags",
                                                     .count = 2, .delay_ms = 300 });
  before = g_get_monotonic_time ();
  get (session, sim, owner_key (sim), &reply, "/api/v1/workspaces/%s/tags", paid_ws (sim));
  waited = g_get_monotonic_time () - before;
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpint (waited, >=, 300 * 1000);

  /* The client gives up: the log shows the connection cut. */
  url = g_strdup_printf ("%s/api/v1/workspaces/%s/tags", clockify_sim_get_base_url (sim), paid_ws (sim));
  msg = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Api-Key", owner_key (sim));
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, cancellable, cancel_cb, &done);
  g_timeout_add (50, cancel_timeout_cb, cancellable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GPtrArray) log = clockify_sim_dup_log (sim);
      ClockifySimRequest *last = log->len == 2 ? log->pdata[1] : NULL;

      if (last != NULL && last->aborted)
        break;
      g_assert_cmpuint (i, <, 99);
      g_usleep (10 * 1000);
    }

  /* Stopping during a delay neither hangs nor crashes. */
  {
    g_autoptr(SoupMessage) late = soup_message_new ("GET", url);

    done = FALSE;
    clockify_sim_add_fault (sim, &(ClockifySimFault) { .kind = CLOCKIFY_SIM_FAULT_DELAY, .delay_ms = 5000 });
    soup_message_headers_replace (soup_message_get_request_headers (late), "X-Api-Key", owner_key (sim));
    soup_session_send_and_read_async (session, late, G_PRIORITY_DEFAULT, NULL, any_error_cb, &done);
    g_timeout_add (100, stop_timeout_cb, sim);
    before = g_get_monotonic_time ();
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (g_get_monotonic_time () - before, <, 3 * G_USEC_PER_SEC);
  }
}

static void
assert_same_data (ClockifySim *a,
                  ClockifySim *b,
                  gboolean     same)
{
  static const char * const entities[] = {
    "users", "clients", "projects", "tasks", "tags", "user-groups", "custom-fields", "time-entries",
  };
  gboolean all_same = TRUE;

  for (guint w = CLOCKIFY_SIM_WORKSPACE_PAID; w <= CLOCKIFY_SIM_WORKSPACE_FREE; w++)
    for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
      {
        g_autoptr(JsonNode) x = clockify_sim_dup_entities (a, clockify_sim_get_workspace_id (a, w), entities[i]);
        g_autoptr(JsonNode) y = clockify_sim_dup_entities (b, clockify_sim_get_workspace_id (b, w), entities[i]);
        g_autofree char *xs = x != NULL ? to_string (x) : NULL;
        g_autofree char *ys = y != NULL ? to_string (y) : NULL;

        if (same)
          g_assert_cmpstr (xs, ==, ys);
        all_same &= g_strcmp0 (xs, ys) == 0;
      }
  if (!same)
    g_assert_false (all_same);
  g_assert_true ((g_strcmp0 (clockify_sim_get_key (a, CLOCKIFY_SIM_KEY_OWNER),
                             clockify_sim_get_key (b, CLOCKIFY_SIM_KEY_OWNER)) == 0) == same);
}

static void
test_data_deterministic (void)
{
  ClockifySimOptions options;
  g_autoptr(ClockifySim) a = NULL, b = NULL, c = NULL;
  g_autoptr(JsonNode) entries = NULL;
  g_autofree char *text = NULL;

  clockify_sim_options_init_default (&options);
  a = clockify_sim_new (&options);
  b = clockify_sim_new (&options);
  options.seed = 2;
  c = clockify_sim_new (&options);
  assert_same_data (a, b, TRUE);
  assert_same_data (a, c, FALSE);

  g_assert_cmpuint (clockify_sim_count_time_entries (a, paid_ws (a)), ==, 300);
  g_assert_cmpuint (strlen (clockify_sim_get_key (a, CLOCKIFY_SIM_KEY_OWNER)), >=, 32);
  g_assert_cmpuint (strlen (paid_ws (a)), ==, 24);
  g_assert_null (clockify_sim_dup_entities (a, clockify_sim_get_workspace_id (a, CLOCKIFY_SIM_WORKSPACE_FREE),
                                            "custom-fields"));

  /* The awkward cases an exporter must survive are all there. */
  entries = clockify_sim_dup_entities (a, paid_ws (a), "time-entries");
  text = to_string (entries);
  g_assert_nonnull (strstr (text, "\"end\":null,\"duration\":null"));
  g_assert_nonnull (strstr (text, "\"tagIds\":null"));
  g_assert_nonnull (strstr (text, "\"customFieldValues\":null"));
  g_assert_nonnull (strstr (text, "\"description\":\"\""));
  g_assert_nonnull (strstr (text, "\"projectId\":null"));
  g_assert_nonnull (strstr (text, "Café ☕ – naïve 日本"));
  g_assert_nonnull (strstr (text, "Line one\\nLine two"));
  g_assert_nonnull (strstr (text, "\\\"hello\\\""));
  g_assert_nonnull (strstr (text, "Z\",\"end\""));
  g_assert_nonnull (strstr (text, "\"duration\":\"PT0S\""));
  g_assert_nonnull (strstr (text, "\"duration\":\"P1D"));
  {
    GRegex *millis = g_regex_new ("\"start\":\"[0-9-]+T[0-9:]+\\.[0-9]{3}Z\"", 0, 0, NULL);

    g_assert_true (g_regex_match (millis, text, 0, NULL));
    g_regex_unref (millis);
  }
}

static void
test_data_fast (void)
{
  ClockifySimOptions options;
  gint64 before;
  double seconds;

  clockify_sim_options_init_default (&options);
  options.n_time_entries = 20000;
  before = g_get_monotonic_time ();
  {
    g_autoptr(ClockifySim) sim = clockify_sim_new (&options);

    seconds = (g_get_monotonic_time () - before) / (double) G_USEC_PER_SEC;
    g_assert_cmpuint (clockify_sim_count_time_entries (sim, paid_ws (sim)), ==, 20000);
  }
  g_test_message ("20,000 entries in %.3f s", seconds);
  g_assert_cmpfloat (seconds, <, 1.0);
}

static void
test_mutate (void)
{
  g_autoptr(ClockifySim) sim = clockify_sim_new (NULL);
  g_autoptr(JsonNode) before = clockify_sim_dup_entities (sim, paid_ws (sim), "time-entries");
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 since = clockify_sim_get_now (sim) - 30 * 86400;
  guint n_added = 0, n_deleted = 0, n_changed = 0;
  JsonArray *a, *b;

  clockify_sim_mutate_time_entries (sim, paid_ws (sim), 2, 3, 1, 7);
  after = clockify_sim_dup_entities (sim, paid_ws (sim), "time-entries");
  a = json_node_get_array (before);
  b = json_node_get_array (after);
  g_assert_cmpuint (json_array_get_length (b), ==, json_array_get_length (a) + 3 - 1);

  for (guint i = 0; i < json_array_get_length (a); i++)
    g_hash_table_insert (old, (gpointer) json_object_get_string_member (json_array_get_object_element (a, i), "id"),
                         json_array_get_element (a, i));
  for (guint i = 0; i < json_array_get_length (b); i++)
    g_hash_table_insert (new, (gpointer) json_object_get_string_member (json_array_get_object_element (b, i), "id"),
                         json_array_get_element (b, i));

  for (guint i = 0; i < json_array_get_length (b); i++)
    {
      JsonNode *entry = json_array_get_element (b, i);
      JsonNode *was = g_hash_table_lookup (old, json_object_get_string_member (json_node_get_object (entry), "id"));
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (
        json_object_get_string_member (json_object_get_object_member (json_node_get_object (entry), "timeInterval"), "start"), NULL);

      if (was == NULL)
        n_added++;
      else if (!json_node_equal (was, entry))
        n_changed++;
      else
        continue;
      g_assert_cmpint (g_date_time_to_unix (start), >=, since);
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (!g_hash_table_contains (new, json_object_get_string_member (json_array_get_object_element (a, i), "id")))
      n_deleted++;
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (n_deleted, ==, 1);
}

static char *
read_log_files (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GDir) dir = g_dir_open (log_dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("sim-%d-", (int) getpid ());
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (log_dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_str_has_prefix (name, prefix) && g_file_get_contents (path, &contents, NULL, NULL))
        g_string_append (all, contents);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_log_never_has_key (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *files = NULL;
  g_auto(Reply) reply = { 0 };
  const char *keys[] = {
    clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
    clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER),
    clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN),
  };
  g_autofree char *url = g_strdup_printf ("%s/report/v1/workspaces/%s/reports/detailed",
                                          clockify_sim_get_base_url (sim), paid_ws (sim));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      get (session, sim, keys[k], &reply, "/api/v1/workspaces/%s/users?page=1&page-size=2", paid_ws (sim));
      fetch (session, "POST", url, keys[k],
             "{\"dateRangeStart\":\"2026-01-01T00:00:00\",\"dateRangeEnd\":\"2026-01-31T00:00:00\","
             "\"detailedFilter\":{\"page\":1,\"pageSize\":5}}", &reply);
    }

  log = clockify_sim_dup_log (sim);
  g_assert_cmpuint (log->len, ==, 6);
  files = read_log_files ();
  g_assert_nonnull (strstr (files, "\"query\":[[\"page\",\"1\"],[\"page-size\",\"2\"]]"));
  for (guint i = 0; i < log->len; i++)
    {
      ClockifySimRequest *r = log->pdata[i];

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_assert_null (strstr (r->path, keys[k]));
          g_assert_null (r->query != NULL ? strstr (r->query, keys[k]) : NULL);
          g_assert_null (r->body != NULL ? strstr (r->body, keys[k]) : NULL);
          g_assert_null (strstr (files, keys[k]));
        }
    }
  g_assert_nonnull (((ClockifySimRequest *) log->pdata[1])->body);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "POST", NULL, 200), ==, 2);
  clockify_sim_clear_log (sim);
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
}

static void
test_restart (void)
{
  g_autoptr(ClockifySim) sim = start_sim (NULL);
  g_autoptr(SoupSession) session = new_session ();
  g_auto(Reply) reply = { 0 };
  g_autoptr(GError) error = NULL;

  clockify_sim_stop (sim);
  g_assert_null (clockify_sim_get_base_url (sim));
  clockify_sim_stop (sim);
  clockify_sim_start (sim, &error);
  g_assert_no_error (error);
  get (session, sim, owner_key (sim), &reply, "/api/v1/user");
  g_assert_cmpuint (reply.status, ==, 200);
  /* Left running: dispose stops it. */
}

static void
test_program (void)
{
  const char *program = g_getenv ("TIMECARD_SIM_PROGRAM");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keys_file = NULL;
  g_autofree char *line = NULL;
  g_autofree char *keys = NULL;
  GStatBuf st;

  if (program == NULL)
    {
      g_test_skip ("TIMECARD_SIM_PROGRAM is not set");
      return;
    }
  dir = g_dir_make_tmp ("timecard-sim-XXXXXX", &error);
  g_assert_no_error (error);
  keys_file = g_build_filename (dir, "keys", NULL);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              program, "--seed", "3", "--entries", "50", "--keys-file", keys_file, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "http://127.0.0.1:"));

  g_assert_true (g_file_get_contents (keys_file, &keys, NULL, NULL));
  g_assert_true (g_str_has_prefix (keys, "owner tcsim"));
  g_assert_nonnull (strstr (keys, "\nmember tcsim"));
  g_assert_cmpint (g_stat (keys_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autoptr(SoupSession) session = new_session ();
    g_autofree char *url = g_strconcat (line, "/api/v1/user", NULL);
    g_autofree char *owner = g_strndup (keys + 6, strcspn (keys + 6, "\n"));
    g_auto(Reply) reply = { 0 };

    fetch (session, "GET", url, owner, NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
  }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  {
    /* The rest of stdout never shows a key. */
    g_autofree char *rest = g_data_input_stream_read_upto (out, "", 0, NULL, NULL, NULL);

    g_assert_null (rest != NULL ? strstr (rest, "tcsim") : NULL);
  }

  g_unlink (keys_file);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *own_log_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before any thread starts: the simulator reads it when it logs. */
  log_dir = g_strdup (g_getenv ("TIMECARD_SIM_LOG_DIR"));
  if (log_dir == NULL)
    {
      own_log_dir = g_dir_make_tmp ("timecard-sim-log-XXXXXX", NULL);
      g_assert_nonnull (own_log_dir);
      g_setenv ("TIMECARD_SIM_LOG_DIR", own_log_dir, TRUE);
      log_dir = g_strdup (own_log_dir);
    }

  g_test_add_func ("/clockify-sim/auth", test_auth);
  g_test_add_func ("/clockify-sim/pagination", test_pagination);
  g_test_add_func ("/clockify-sim/time-entries", test_time_entries);
  g_test_add_func ("/clockify-sim/report", test_report);
  g_test_add_func ("/clockify-sim/rate-limit", test_rate_limit);
  g_test_add_func ("/clockify-sim/fault/status", test_fault_status);
  g_test_add_func ("/clockify-sim/fault/drop-truncate-huge", test_fault_drop_truncate);
  g_test_add_func ("/clockify-sim/fault/delay", test_fault_delay);
  g_test_add_func ("/clockify-sim/data/deterministic", test_data_deterministic);
  g_test_add_func ("/clockify-sim/data/fast", test_data_fast);
  g_test_add_func ("/clockify-sim/data/mutate", test_mutate);
  g_test_add_func ("/clockify-sim/log/never-has-key", test_log_never_has_key);
  g_test_add_func ("/clockify-sim/restart", test_restart);
  g_test_add_func ("/clockify-sim/program", test_program);

  status = g_test_run ();

  if (own_log_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (own_log_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (own_log_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (own_log_dir);
    }
  g_free (log_dir);
  return status;
}
