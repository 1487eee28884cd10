/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-pagination"

#include "config.h"

#include "clockify-test-client.h"

/* list_all() and fetch_page() against the simulator: every list, every page
 * size, with and without Last-Page headers, returns exactly the simulator's
 * data in the fewest requests; duplicates across pages are dropped. */

static const guint page_sizes[] = { 1, 7, 50, 1000, 5000 };

/* yyyy-MM-ddTHH:mm:ssZ, URI-escaped or not. */
#define UTC_PARAMETER "\\d{4}-\\d\\d-\\d\\dT\\d\\d(%3A|:)\\d\\d(%3A|:)\\d\\dZ"

/* Fields the report and the main API both carry (the report's times have
 * whole seconds, compared apart). */
static const char * const shared_entry_fields[] = {
  "id", "description", "user-id", "project-id", "task-id", "billable", "tag-ids", NULL
};

static void
assert_same_report_entries (GPtrArray *got,
                            GPtrArray *expected)
{
  test_assert_same_items (got, expected, shared_entry_fields);

  for (guint i = 0; i < got->len; i++)
    {
      ClockifyTimeEntry *entry = got->pdata[i];
      ClockifyTimeEntry *main_entry = expected->pdata[i];

      g_assert_nonnull (clockify_time_entry_get_user_name (entry));
      g_assert_cmpint (g_date_time_to_unix (clockify_time_entry_get_start (entry)), ==,
                       g_date_time_to_unix (clockify_time_entry_get_start (main_entry)));
      g_assert_cmpint (g_date_time_to_unix (clockify_time_entry_get_end (entry)), ==,
                       g_date_time_to_unix (clockify_time_entry_get_end (main_entry)));
      g_assert_cmpint (clockify_time_entry_get_duration_seconds (entry), ==,
                       clockify_time_entry_get_duration_seconds (main_entry));
    }
}

static ClockifySim *
pagination_sim_new (void)
{
  ClockifySim *sim = test_sim_new ();

  /* Page size 1 means hundreds of requests: no rate limit here. */
  clockify_sim_set_rate_limit (sim, 0);
  clockify_sim_set_free_plan_limit (sim, 0, 0);

  return sim;
}

static ClockifyClient *
pagination_client_new (ClockifySim *sim)
{
  ClockifyClient *client = test_client_new (sim, CLOCKIFY_SIM_KEY_OWNER);

  g_object_set (client, "rate", 1000.0, "burst", 1000, NULL);

  return client;
}

/* The fewest requests that can list @n items: with Last-Page headers the
 * last page says so; without them a full last page needs an empty one after. */
static guint
minimum_requests (guint    n,
                  guint    page_size,
                  gboolean last_page_header)
{
  if (last_page_header)
    return MAX (1, (n + page_size - 1) / page_size);

  return n / page_size + 1;
}

static void
assert_parameters (ClockifySim *sim,
                   guint        page_size)
{
  g_autoptr(GPtrArray) log = clockify_sim_dup_log (sim);
  g_autofree char *size_parameter = g_strdup_printf ("page-size=%u", page_size);

  for (guint i = 0; i < log->len; i++)
    {
      const ClockifySimRequest *request = g_ptr_array_index (log, i);
      g_autofree char *page_parameter = g_strdup_printf ("page=%u", i + 1);
      g_auto(GStrv) pairs = g_strsplit (request->query ? request->query : "", "&", -1);

      g_assert_cmpuint (request->status, ==, 200);
      g_assert_true (g_strv_contains ((const char * const *) pairs, page_parameter));
      g_assert_true (g_strv_contains ((const char * const *) pairs, size_parameter));
    }
}

/* Lists @query and checks it against @expected for every page size and
 * both Last-Page modes. */
static void
check_list (ClockifySim      *sim,
            ClockifyClient   *client,
            ClockifyQuery    *query,
            GPtrArray        *expected)
{
  const ClockifySimLastPage modes[] = {
    CLOCKIFY_SIM_LAST_PAGE_ALWAYS, CLOCKIFY_SIM_LAST_PAGE_NEVER
  };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      clockify_sim_set_last_page_header (sim, modes[m]);

      for (guint s = 0; s < G_N_ELEMENTS (page_sizes); s++)
        {
          g_autoptr(GPtrArray) items = NULL;
          g_autoptr(GError) error = NULL;

          clockify_query_set_page_size (query, page_sizes[s]);
          clockify_sim_clear_log (sim);

          items = test_list_all (client, query, &error);
          g_assert_no_error (error);
          test_assert_same_items (items, expected, NULL);

          g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==,
                            minimum_requests (expected->len, page_sizes[s],
                                              modes[m] == CLOCKIFY_SIM_LAST_PAGE_ALWAYS));
          assert_parameters (sim, page_sizes[s]);
        }
    }
}

static void
test_reference_lists (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  const struct {
    ClockifyListKind kind;
    const char *entity;
  } lists[] = {
    { CLOCKIFY_LIST_USERS, "users" },
    { CLOCKIFY_LIST_CLIENTS, "clients" },
    { CLOCKIFY_LIST_PROJECTS, "projects" },
    { CLOCKIFY_LIST_TAGS, "tags" },
    { CLOCKIFY_LIST_USER_GROUPS, "user-groups" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(ClockifyQuery) query = clockify_query_new (lists[i].kind, test_paid_workspace (sim));
      g_autoptr(GPtrArray) expected = NULL;

      expected = test_parse_items (lists[i].kind,
                                   clockify_sim_dup_entities (sim, test_paid_workspace (sim),
                                                              lists[i].entity));
      g_assert_cmpuint (expected->len, >, 0);
      g_test_message ("%s: %u items", lists[i].entity, expected->len);
      check_list (sim, client, query, expected);
    }
}

static void
test_tasks (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_TASKS, test_paid_workspace (sim));
  g_autoptr(JsonNode) all = clockify_sim_dup_entities (sim, test_paid_workspace (sim), "tasks");
  g_autoptr(JsonNode) some = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) of_project = json_array_new ();
  g_autoptr(GPtrArray) expected = NULL;
  JsonArray *array = json_node_get_array (all);
  const char *project_id;

  g_assert_cmpuint (json_array_get_length (array), >, 0);
  project_id = json_object_get_string_member (json_array_get_object_element (array, 0),
                                              "projectId");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *task = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (task, "projectId"), project_id))
        json_array_add_element (of_project, json_node_copy (json_array_get_element (array, i)));
    }
  json_node_set_array (some, of_project);

  expected = test_parse_items (CLOCKIFY_LIST_TASKS, g_steal_pointer (&some));
  clockify_query_set_parent_id (query, project_id);
  check_list (sim, client, query, expected);
}

static void
test_user_time_entries (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_TIME_ENTRIES,
                                                       test_paid_workspace (sim));
  const char *user_id = clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(GPtrArray) expected = NULL;

  expected = test_parse_items (CLOCKIFY_LIST_TIME_ENTRIES,
                               clockify_sim_dup_user_time_entries (sim, test_paid_workspace (sim),
                                                                   user_id));
  g_assert_cmpuint (expected->len, >, 10);
  g_test_message ("%u time entries", expected->len);

  clockify_query_set_parent_id (query, user_id);
  check_list (sim, client, query, expected);
}

/* A range that starts exactly at one entry and ends exactly at another:
 * the first is in, the last out, in both APIs, whatever the time zone. */
static void
test_time_entry_range (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  const char *user_id = clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_TIME_ENTRIES,
                                                       test_paid_workspace (sim));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const ClockifySimRequest *request;
  GDateTime *start;
  GDateTime *end;

  /* Newest first: take entries 20 (newer) and 5 (older) as bounds. */
  all = test_parse_items (CLOCKIFY_LIST_TIME_ENTRIES,
                          clockify_sim_dup_user_time_entries (sim, test_paid_workspace (sim), user_id));
  g_assert_cmpuint (all->len, >, 25);
  start = clockify_time_entry_get_start (all->pdata[25]);
  end = clockify_time_entry_get_start (all->pdata[5]);
  for (guint i = 0; i < all->len; i++)
    {
      GDateTime *entry_start = clockify_time_entry_get_start (all->pdata[i]);

      if (g_date_time_compare (entry_start, start) >= 0 &&
          g_date_time_compare (entry_start, end) < 0)
        g_ptr_array_add (expected, g_object_ref (all->pdata[i]));
    }
  g_assert_cmpuint (expected->len, >=, 20);

  clockify_query_set_parent_id (query, user_id);
  clockify_query_set_range (query, start, end);
  items = test_list_all (client, query, &error);
  g_assert_no_error (error);
  test_assert_same_items (items, expected, NULL);

  /* start and end as yyyy-MM-ddTHH:mm:ssZ. */
  log = clockify_sim_dup_log (sim);
  request = g_ptr_array_index (log, log->len - 1);
  g_assert_true (g_regex_match_simple ("(^|&)start=" UTC_PARAMETER "(&|$)", request->query, 0, 0));
  g_assert_true (g_regex_match_simple ("(^|&)end=" UTC_PARAMETER "(&|$)", request->query, 0, 0));
}

/* Completed entries of all users with start in [start, end), as the main
 * API's objects, in the report's order (start, then id). */
static GPtrArray *
expected_report (ClockifySim *sim,
                 GDateTime   *start,
                 GDateTime   *end)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *expected = g_ptr_array_new_with_free_func (g_object_unref);

  all = test_parse_items (CLOCKIFY_LIST_TIME_ENTRIES,
                          clockify_sim_dup_entities (sim, test_paid_workspace (sim), "time-entries"));
  for (guint i = 0; i < all->len; i++)
    {
      ClockifyTimeEntry *entry = all->pdata[i];
      GDateTime *entry_start = clockify_time_entry_get_start (entry);

      if (clockify_time_entry_is_running (entry))
        continue;
      if (g_date_time_compare (entry_start, start) < 0 ||
          g_date_time_compare (entry_start, end) >= 0)
        continue;

      g_ptr_array_add (expected, g_object_ref (entry));
    }

  return expected;
}

static void
assert_report_body (ClockifySim *sim,
                    guint        page_size,
                    const char  *time_zone)
{
  g_autoptr(GPtrArray) log = clockify_sim_dup_log (sim);

  for (guint i = 0; i < log->len; i++)
    {
      const ClockifySimRequest *request = g_ptr_array_index (log, i);
      g_autoptr(JsonNode) body = json_from_string (request->body, NULL);
      JsonObject *object;
      JsonObject *filter;

      g_assert_cmpstr (request->method, ==, "POST");
      g_assert_true (g_str_has_prefix (request->path, "/report/v1/workspaces/"));
      g_assert_nonnull (body);
      object = json_node_get_object (body);
      filter = json_object_get_object_member (object, "detailedFilter");
      g_assert_cmpint (json_object_get_int_member (filter, "page"), ==, i + 1);
      g_assert_cmpint (json_object_get_int_member (filter, "pageSize"), ==, page_size);
      g_assert_cmpstr (json_object_get_string_member (object, "timeZone"), ==, time_zone);
      g_assert_cmpstr (json_object_get_string_member (object, "exportType"), ==, "JSON");
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$",
                                           json_object_get_string_member (object, "dateRangeStart"),
                                           0, 0));
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$",
                                           json_object_get_string_member (object, "dateRangeEnd"),
                                           0, 0));
    }
}

static void
test_detailed_report (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_DETAILED_REPORT,
                                                       test_paid_workspace (sim));
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) expected = expected_report (sim, start, end);
  const gboolean spellings[] = { FALSE, TRUE };

  g_assert_cmpuint (expected->len, >, 100);
  g_test_message ("report: %u entries", expected->len);
  clockify_query_set_range (query, start, end);

  for (guint p = 0; p < G_N_ELEMENTS (spellings); p++)
    {
      clockify_sim_set_report_spelling (sim, spellings[p]);

      for (guint s = 0; s < G_N_ELEMENTS (page_sizes); s++)
        {
          guint page_size = MIN (page_sizes[s], 1000);
          g_autoptr(GPtrArray) items = NULL;
          g_autoptr(GError) error = NULL;

          /* Page size 1 over hundreds of entries once is enough. */
          if (page_sizes[s] == 1 && spellings[p])
            continue;

          clockify_query_set_page_size (query, page_sizes[s]);
          g_assert_cmpuint (clockify_query_get_page_size (query), ==, page_size);
          clockify_sim_clear_log (sim);

          items = test_list_all (client, query, &error);
          g_assert_no_error (error);
          assert_same_report_entries (items, expected);

          /* The report never sends Last-Page. */
          g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==,
                            minimum_requests (expected->len, page_size, FALSE));
          assert_report_body (sim, page_size, "UTC");
        }
    }
}

/* The range is sent in the query's time zone and is half-open like the
 * time-entry list's: an entry starting at @start is in, one at @end out. */
static void
test_report_time_zone (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_DETAILED_REPORT,
                                                       test_paid_workspace (sim));
  g_autoptr(GDateTime) from = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) all = expected_report (sim, from, to);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *start;
  GDateTime *end;

  g_assert_cmpuint (all->len, >, 60);
  start = clockify_time_entry_get_start (all->pdata[20]);
  end = clockify_time_entry_get_start (all->pdata[60]);
  expected = expected_report (sim, start, end);
  g_assert_cmpuint (expected->len, >=, 38);
  g_assert_cmpstr (clockify_time_entry_get_id (expected->pdata[0]), ==,
                   clockify_time_entry_get_id (all->pdata[20]));

  clockify_query_set_time_zone (query, "America/New_York");
  clockify_query_set_range (query, start, end);
  clockify_query_set_page_size (query, 7);
  clockify_sim_clear_log (sim);

  items = test_list_all (client, query, &error);
  g_assert_no_error (error);
  assert_same_report_entries (items, expected);
  assert_report_body (sim, 7, "America/New_York");
}

static void
test_unpaginated_lists (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) fields = clockify_query_new (CLOCKIFY_LIST_CUSTOM_FIELDS,
                                                        test_paid_workspace (sim));
  g_autoptr(ClockifyQuery) workspaces = clockify_query_new (CLOCKIFY_LIST_WORKSPACES, NULL);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean last_page = FALSE;

  expected = test_parse_items (CLOCKIFY_LIST_CUSTOM_FIELDS,
                               clockify_sim_dup_entities (sim, test_paid_workspace (sim),
                                                          "custom-fields"));
  clockify_query_set_page_size (fields, 1);
  items = test_fetch_page (client, fields, 1, &last_page, &error);
  g_assert_no_error (error);
  g_assert_true (last_page);
  test_assert_same_items (items, expected, NULL);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = test_parse_items (CLOCKIFY_LIST_WORKSPACES,
                               clockify_sim_dup_entities (sim, test_paid_workspace (sim),
                                                          "workspaces"));
  items = test_list_all (client, workspaces, &error);
  g_assert_no_error (error);
  test_assert_same_items (items, expected, NULL);

  /* One request each, without page parameters (Clockify has none there). */
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 2);
  {
    g_autoptr(GPtrArray) log = clockify_sim_dup_log (sim);

    for (guint i = 0; i < log->len; i++)
      {
        const ClockifySimRequest *request = g_ptr_array_index (log, i);

        g_assert_true (request->query == NULL || strstr (request->query, "page") == NULL);
      }
  }
}

static void
test_fetch_page_flags (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_TAGS, test_paid_workspace (sim));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/workspaces/%s/users", test_paid_workspace (sim));
  const char * const first_page[] = { "page", "1", "page-size", "1", NULL };
  g_autoptr(JsonNode) tags = NULL;
  guint n_tags;
  int last_page_header = 42;

  tags = clockify_sim_dup_entities (sim, test_paid_workspace (sim), "tags");
  n_tags = json_array_get_length (json_node_get_array (tags));
  g_assert_cmpuint (n_tags, >=, 3);

  /* A full page without a header is not the last; a short one is. */
  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_NEVER);
  clockify_query_set_page_size (query, n_tags);
  for (guint page = 1; page <= 2; page++)
    {
      g_autoptr(GPtrArray) items = NULL;
      gboolean last = !(page == 1);

      items = test_fetch_page (client, query, page, &last, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, page == 1 ? n_tags : 0);
      g_assert_true (last == (page == 2));
    }

  /* Last-Page: true on a full page ends the list. */
  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_ALWAYS);
  {
    g_autoptr(GPtrArray) items = NULL;
    gboolean last = FALSE;

    items = test_fetch_page (client, query, 1, &last, &error);
    g_assert_no_error (error);
    g_assert_true (last);
  }

  /* send() reports the raw header. */
  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_DEFAULT);
  bytes = test_send (client, path, first_page, &last_page_header, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last_page_header, ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_NEVER);
  bytes = test_send (client, path, first_page, &last_page_header, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last_page_header, ==, -1);
}

typedef struct
{
  ClockifySim *sim;
  GArray      *fresh_per_page;
} MutatingRun;

static gboolean
mutate_after_first_page (ClockifyQuery *query,
                         guint          page,
                         GPtrArray     *items,
                         gpointer       user_data)
{
  MutatingRun *run = user_data;
  guint n = items->len;

  g_assert_cmpuint (page, ==, run->fresh_per_page->len + 1);
  g_array_append_val (run->fresh_per_page, n);

  /* New entries start within the last 30 days: at the head of the
   * newest-first list, so every later page shifts. */
  if (page == 1)
    clockify_sim_mutate_time_entries (run->sim, clockify_query_get_workspace_id (query),
                                      0, 60, 0, 7);

  return TRUE;
}

static void
test_duplicates_dropped (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_TIME_ENTRIES,
                                                       test_paid_workspace (sim));
  const char *user_id = clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) fresh_per_page = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  MutatingRun run = { sim, fresh_per_page };
  guint short_pages = 0;
  guint total = 0;

  before = test_parse_items (CLOCKIFY_LIST_TIME_ENTRIES,
                             clockify_sim_dup_user_time_entries (sim, test_paid_workspace (sim),
                                                                 user_id));

  clockify_sim_set_last_page_header (sim, CLOCKIFY_SIM_LAST_PAGE_ALWAYS);
  clockify_query_set_parent_id (query, user_id);
  clockify_query_set_page_size (query, 7);
  items = test_list_all_full (client, query, mutate_after_first_page, &run, &error);
  g_assert_no_error (error);

  /* With a page function, items are handed over, not kept. */
  g_assert_cmpuint (items->len, ==, 0);

  after = test_parse_items (CLOCKIFY_LIST_TIME_ENTRIES,
                            clockify_sim_dup_user_time_entries (sim, test_paid_workspace (sim),
                                                                user_id));
  g_assert_cmpuint (after->len, >, before->len);

  for (guint i = 0; i < fresh_per_page->len; i++)
    {
      guint n = g_array_index (fresh_per_page, guint, i);

      total += n;
      if (n < 7 && i + 1 < fresh_per_page->len)
        short_pages++;
    }

  /* Some page repeated items of the one before, and they were dropped: all
   * of the pages together still hold every entry that existed before. */
  g_test_message ("%u pages, %u of them with repeated items dropped, %u entries",
                  fresh_per_page->len, short_pages, total);
  g_assert_cmpuint (short_pages, >, 0);
  g_assert_cmpuint (total, >=, before->len);
  g_assert_cmpuint (total, <=, after->len);

  /* Listed again without a page function, the array has every id once,
   * and still every entry that existed before. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = test_list_all (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, after->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (g_hash_table_add (seen,
                                     (gpointer) clockify_time_entry_get_id (items->pdata[i])));
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_hash_table_contains (seen, clockify_time_entry_get_id (before->pdata[i])));
}

static void
test_query (void)
{
  g_autoptr(ClockifyQuery) tags = clockify_query_new (CLOCKIFY_LIST_TAGS, "ws");
  g_autoptr(ClockifyQuery) report = clockify_query_new (CLOCKIFY_LIST_DETAILED_REPORT, "ws");
  g_autoptr(ClockifyQuery) workspaces = clockify_query_new (CLOCKIFY_LIST_WORKSPACES, NULL);
  const struct {
    ClockifyListKind kind;
    GType type;
  } types[] = {
    { CLOCKIFY_LIST_WORKSPACES, CLOCKIFY_TYPE_WORKSPACE },
    { CLOCKIFY_LIST_USERS, CLOCKIFY_TYPE_USER },
    { CLOCKIFY_LIST_CLIENTS, CLOCKIFY_TYPE_CLIENT_ENTITY },
    { CLOCKIFY_LIST_PROJECTS, CLOCKIFY_TYPE_PROJECT },
    { CLOCKIFY_LIST_TASKS, CLOCKIFY_TYPE_TASK },
    { CLOCKIFY_LIST_TAGS, CLOCKIFY_TYPE_TAG },
    { CLOCKIFY_LIST_USER_GROUPS, CLOCKIFY_TYPE_USER_GROUP },
    { CLOCKIFY_LIST_CUSTOM_FIELDS, CLOCKIFY_TYPE_CUSTOM_FIELD },
    { CLOCKIFY_LIST_TIME_ENTRIES, CLOCKIFY_TYPE_TIME_ENTRY },
    { CLOCKIFY_LIST_DETAILED_REPORT, CLOCKIFY_TYPE_TIME_ENTRY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(ClockifyQuery) query = clockify_query_new (types[i].kind, "ws");

      g_assert_true (clockify_query_get_item_type (query) == types[i].type);
      g_assert_cmpuint (clockify_list_kind_max_page_size (types[i].kind), ==,
                        types[i].kind == CLOCKIFY_LIST_DETAILED_REPORT ? 1000 : 5000);
    }

  g_assert_cmpuint (clockify_query_get_page_size (tags), ==, 5000);
  g_assert_cmpuint (clockify_query_get_page_size (report), ==, 1000);
  clockify_query_set_page_size (report, 5000);
  g_assert_cmpuint (clockify_query_get_page_size (report), ==, 1000);
  clockify_query_set_page_size (tags, 7);
  g_assert_cmpuint (clockify_query_get_page_size (tags), ==, 7);
  clockify_query_set_page_size (tags, 0);
  g_assert_cmpuint (clockify_query_get_page_size (tags), ==, 5000);

  g_assert_cmpstr (clockify_query_get_time_zone (report), ==, "UTC");
  clockify_query_set_time_zone (report, "Europe/Berlin");
  g_assert_cmpstr (clockify_query_get_time_zone (report), ==, "Europe/Berlin");
  clockify_query_set_time_zone (report, NULL);
  g_assert_cmpstr (clockify_query_get_time_zone (report), ==, "UTC");

  g_assert_null (clockify_query_get_workspace_id (workspaces));
  g_assert_cmpstr (clockify_query_get_workspace_id (tags), ==, "ws");
  g_assert_false (clockify_query_get_hydrated (tags));
}

static void
test_invalid_queries (void)
{
  g_autoptr(ClockifySim) sim = pagination_sim_new ();
  g_autoptr(ClockifyClient) client = pagination_client_new (sim);
  g_autoptr(ClockifyQuery) tasks = clockify_query_new (CLOCKIFY_LIST_TASKS, test_paid_workspace (sim));
  g_autoptr(ClockifyQuery) report = clockify_query_new (CLOCKIFY_LIST_DETAILED_REPORT,
                                                        test_paid_workspace (sim));
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 2, 1, 0, 0, 0);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = test_fetch_page (client, tasks, 1, NULL, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  items = test_fetch_page (client, report, 1, NULL, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  clockify_query_set_range (report, start, end);
  clockify_query_set_time_zone (report, "Not/A_Zone");
  items = test_fetch_page (client, report, 1, NULL, &error);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  /* None of these reached the server. */
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clockify/pagination/query", test_query);
  g_test_add_func ("/clockify/pagination/invalid-queries", test_invalid_queries);
  g_test_add_func ("/clockify/pagination/reference-lists", test_reference_lists);
  g_test_add_func ("/clockify/pagination/tasks", test_tasks);
  g_test_add_func ("/clockify/pagination/user-time-entries", test_user_time_entries);
  g_test_add_func ("/clockify/pagination/time-entry-range", test_time_entry_range);
  g_test_add_func ("/clockify/pagination/detailed-report", test_detailed_report);
  g_test_add_func ("/clockify/pagination/report-time-zone", test_report_time_zone);
  g_test_add_func ("/clockify/pagination/unpaginated-lists", test_unpaginated_lists);
  g_test_add_func ("/clockify/pagination/fetch-page-flags", test_fetch_page_flags);
  g_test_add_func ("/clockify/pagination/duplicates-dropped", test_duplicates_dropped);

  return g_test_run ();
}
