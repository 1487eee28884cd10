/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-paged-model"

#include "config.h"

#include "clockify-test-client.h"

/* ClockifyPagedModel against the simulator: pages arrive as items-changed
 * signals, one request at a time, with errors, reloads and disposal. */

#define PAGE_SIZE 7

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  ClockifySim        *sim;
  ClockifyClient     *client;
  ClockifyQuery      *query;
  ClockifyPagedModel *model;
  GArray             *changes;
  guint               n_loading_notifies;
  guint               n_complete_notifies;
  guint               n_items_notifies;
  guint               n_error_notifies;
  guint               n_items_seen;   /* n-items as the notifications told */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "loading"))
    fixture->n_loading_notifies++;
  else if (g_str_equal (pspec->name, "complete"))
    fixture->n_complete_notifies++;
  else if (g_str_equal (pspec->name, "n-items"))
    {
      fixture->n_items_notifies++;
      g_object_get (object, "n-items", &fixture->n_items_seen, NULL);
    }
  else if (g_str_equal (pspec->name, "error"))
    fixture->n_error_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sim = test_sim_new ();
  clockify_sim_set_rate_limit (fixture->sim, 0);
  fixture->client = test_client_new (fixture->sim, CLOCKIFY_SIM_KEY_OWNER);
  g_object_set (fixture->client, "rate", 1000.0, "burst", 1000, NULL);

  fixture->query = clockify_query_new (CLOCKIFY_LIST_TIME_ENTRIES,
                                       clockify_sim_get_workspace_id (fixture->sim,
                                                                      CLOCKIFY_SIM_WORKSPACE_PAID));
  clockify_query_set_parent_id (fixture->query,
                                clockify_sim_get_user_id (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));
  clockify_query_set_page_size (fixture->query, PAGE_SIZE);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->query);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->changes, g_array_unref);
}

static void
create_model (Fixture *fixture)
{
  fixture->model = clockify_paged_model_new (fixture->client, fixture->query);

  /* The first page is requested at once. */
  g_assert_true (clockify_paged_model_get_loading (fixture->model));

  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed), fixture);
  g_signal_connect (fixture->model, "notify", G_CALLBACK (on_notify), fixture);
}

static gboolean
model_idle (Fixture *fixture)
{
  return !clockify_paged_model_get_loading (fixture->model);
}

static void
wait_idle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!model_idle (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GPtrArray *
model_items (ClockifyPagedModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (model), i));

  return items;
}

static GPtrArray *
sim_entries (Fixture *fixture)
{
  return test_parse_items (CLOCKIFY_LIST_TIME_ENTRIES,
                           clockify_sim_dup_user_time_entries (
                             fixture->sim,
                             clockify_query_get_workspace_id (fixture->query),
                             clockify_query_get_parent_id (fixture->query)));
}

static guint
count_requests (Fixture *fixture)
{
  return clockify_sim_count_requests (fixture->sim, NULL, "/time-entries", -1);
}

static void
assert_change (Fixture *fixture,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (index, <, fixture->changes->len);
  change = &g_array_index (fixture->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = sim_entries (fixture);
  g_autoptr(GPtrArray) items = NULL;
  guint n_pages = (expected->len + PAGE_SIZE - 1) / PAGE_SIZE;
  guint loaded = 0;

  g_assert_cmpuint (expected->len % PAGE_SIZE, !=, 0);
  create_model (fixture);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->model)) ==
                 CLOCKIFY_TYPE_TIME_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 0);

  for (guint page = 1; page <= n_pages; page++)
    {
      guint added = MIN (PAGE_SIZE, expected->len - loaded);

      if (page > 1)
        {
          clockify_paged_model_load_more (fixture->model);
          g_assert_true (clockify_paged_model_get_loading (fixture->model));
        }
      wait_idle (fixture);

      /* One items-changed per page, appended where the last one ended. */
      g_assert_cmpuint (fixture->changes->len, ==, page);
      assert_change (fixture, page - 1, loaded, 0, added);
      loaded += added;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, loaded);
      g_assert_cmpuint (fixture->n_items_notifies, ==, page);
      g_assert_cmpuint (fixture->n_items_seen, ==, loaded);
      g_assert_true (clockify_paged_model_get_complete (fixture->model) == (page == n_pages));
      g_assert_null (clockify_paged_model_get_error (fixture->model));
      g_assert_cmpuint (count_requests (fixture), ==, page);
    }

  /* loading went TRUE→FALSE per page (the first TRUE was before we listened). */
  g_assert_cmpuint (fixture->n_loading_notifies, ==, 2 * n_pages - 1);
  g_assert_cmpuint (fixture->n_complete_notifies, ==, 1);

  items = model_items (fixture->model);
  test_assert_same_items (items, expected, NULL);

  /* Complete: asking for more does nothing. */
  clockify_paged_model_load_more (fixture->model);
  g_assert_false (clockify_paged_model_get_loading (fixture->model));
  test_spin (50);
  g_assert_cmpuint (count_requests (fixture), ==, n_pages);
  g_assert_cmpuint (fixture->changes->len, ==, n_pages);
}

static void
test_one_request_in_flight (Fixture       *fixture,
                            gconstpointer  data)
{
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_DELAY,
    .path_substring = "/time-entries",
    .delay_ms = 200,
  };

  clockify_sim_add_fault (fixture->sim, &fault);
  create_model (fixture);

  for (guint i = 0; i < 5; i++)
    clockify_paged_model_load_more (fixture->model);
  test_spin (50);
  for (guint i = 0; i < 5; i++)
    clockify_paged_model_load_more (fixture->model);
  wait_idle (fixture);

  g_assert_cmpuint (count_requests (fixture), ==, 1);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, 0, 0, PAGE_SIZE);

  clockify_paged_model_load_more (fixture->model);
  clockify_paged_model_load_more (fixture->model);
  clockify_paged_model_load_more (fixture->model);
  wait_idle (fixture);

  g_assert_cmpuint (count_requests (fixture), ==, 2);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 1, PAGE_SIZE, 0, PAGE_SIZE);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_STATUS,
    .path_substring = "/time-entries",
    .skip = 1,
    .count = 1,
    .status = 403,
  };

  clockify_sim_add_fault (fixture->sim, &fault);
  create_model (fixture);
  wait_idle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, PAGE_SIZE);

  clockify_paged_model_load_more (fixture->model);
  wait_idle (fixture);

  g_object_get (fixture->model, "error", &error, NULL);
  g_assert_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN);
  g_assert_true (clockify_paged_model_get_error (fixture->model) != NULL);
  g_assert_cmpuint (fixture->n_error_notifies, ==, 1);
  g_assert_false (clockify_paged_model_get_complete (fixture->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, PAGE_SIZE);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* Asking again retries the page that failed and clears the error. */
  clockify_paged_model_load_more (fixture->model);
  g_assert_null (clockify_paged_model_get_error (fixture->model));
  g_assert_cmpuint (fixture->n_error_notifies, ==, 2);
  wait_idle (fixture);

  g_assert_null (clockify_paged_model_get_error (fixture->model));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 1, PAGE_SIZE, 0, PAGE_SIZE);
  g_assert_cmpuint (count_requests (fixture), ==, 3);
  {
    g_autoptr(GPtrArray) expected = sim_entries (fixture);
    g_autoptr(GPtrArray) items = model_items (fixture->model);

    g_ptr_array_set_size (expected, 2 * PAGE_SIZE);
    test_assert_same_items (items, expected, NULL);
  }
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = sim_entries (fixture);
  g_autoptr(GPtrArray) items = NULL;
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_DELAY,
    .path_substring = "/time-entries",
    .count = 1,
    .delay_ms = 600,
  };

  create_model (fixture);
  wait_idle (fixture);
  clockify_paged_model_load_more (fixture->model);
  wait_idle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 2 * PAGE_SIZE);

  /* Reload empties the model, then shows page 1 again. */
  clockify_paged_model_reload (fixture->model);
  g_assert_true (clockify_paged_model_get_loading (fixture->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 0);
  assert_change (fixture, 2, 0, 2 * PAGE_SIZE, 0);
  wait_idle (fixture);
  assert_change (fixture, 3, 0, 0, PAGE_SIZE);
  g_assert_cmpuint (count_requests (fixture), ==, 3);

  /* Reload while page 2 is in flight: that page never lands. */
  clockify_sim_add_fault (fixture->sim, &fault);
  clockify_paged_model_load_more (fixture->model);
  test_spin (100);
  g_assert_true (clockify_paged_model_get_loading (fixture->model));
  clockify_paged_model_reload (fixture->model);
  assert_change (fixture, 4, 0, PAGE_SIZE, 0);
  wait_idle (fixture);
  assert_change (fixture, 5, 0, 0, PAGE_SIZE);

  /* Past the delayed answer: nothing more arrived. */
  test_spin (700);
  g_assert_cmpuint (fixture->changes->len, ==, 6);
  g_assert_false (clockify_paged_model_get_loading (fixture->model));

  items = model_items (fixture->model);
  g_ptr_array_set_size (expected, PAGE_SIZE);
  test_assert_same_items (items, expected, NULL);
  g_assert_cmpuint (count_requests (fixture), ==, 5);
}

static void
test_dispose_cancels (Fixture       *fixture,
                      gconstpointer  data)
{
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_DELAY,
    .path_substring = "/time-entries",
    .delay_ms = 3000,
  };
  ClockifyPagedModel *model;
  ClockifyClient *client = g_steal_pointer (&fixture->client);
  gint64 deadline;

  clockify_sim_add_fault (fixture->sim, &fault);
  model = clockify_paged_model_new (client, fixture->query);
  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &model);
  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);
  test_spin (100);

  /* The fetch in flight does not keep the model alive... */
  g_object_unref (model);
  g_assert_null (model);

  /* ...and, cancelled, lets go of the client well before the answer. */
  g_object_unref (client);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (client != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (client);
  g_assert_cmpuint (count_requests (fixture), ==, 1);
}

/* New entries start within the last 30 days: at the head of the
 * newest-first list, so every later page shifts. */
static void
mutate_entries (Fixture *fixture)
{
  clockify_sim_mutate_time_entries (fixture->sim, clockify_query_get_workspace_id (fixture->query),
                                    0, 60, 0, 3);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = sim_entries (fixture);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint short_pages = 0;

  create_model (fixture);
  wait_idle (fixture);
  mutate_entries (fixture);

  while (!clockify_paged_model_get_complete (fixture->model))
    {
      clockify_paged_model_load_more (fixture->model);
      wait_idle (fixture);
      g_assert_null (clockify_paged_model_get_error (fixture->model));
    }

  for (guint i = 0; i + 1 < fixture->changes->len; i++)
    {
      Change *change = &g_array_index (fixture->changes, Change, i);

      if (i > 0)
        assert_change (fixture, i, (change - 1)->position + (change - 1)->added, 0, change->added);
      if (change->added < PAGE_SIZE)
        short_pages++;
    }
  g_assert_cmpuint (short_pages, >, 0);

  items = model_items (fixture->model);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (g_hash_table_add (ids, (gpointer) clockify_time_entry_get_id (items->pdata[i])));
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_hash_table_contains (ids, clockify_time_entry_get_id (before->pdata[i])));
}

static void
test_workspaces (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_WORKSPACES, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  const char *free_ws = clockify_sim_get_workspace_id (fixture->sim, CLOCKIFY_SIM_WORKSPACE_FREE);

  g_set_object (&fixture->query, query);
  create_model (fixture);
  wait_idle (fixture);

  g_assert_true (clockify_paged_model_get_complete (fixture->model));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->model)) ==
                 CLOCKIFY_TYPE_WORKSPACE);
  items = model_items (fixture->model);
  expected = test_parse_items (CLOCKIFY_LIST_WORKSPACES,
                               clockify_sim_dup_entities (fixture->sim, free_ws, "workspaces"));
  test_assert_same_items (items, expected, NULL);

  /* Workspaces seen on the Free plan get the hourly budget. */
  g_assert_true (clockify_throttle_has_workspace_budget (
    clockify_client_get_throttle (fixture->client), free_ws));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/clockify/paged-model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pages", test_pages);
  ADD ("one-request-in-flight", test_one_request_in_flight);
  ADD ("error", test_error);
  ADD ("reload", test_reload);
  ADD ("dispose-cancels", test_dispose_cancels);
  ADD ("duplicates", test_duplicates);
  ADD ("workspaces", test_workspaces);

#undef ADD

  return g_test_run ();
}
