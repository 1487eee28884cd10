/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Helpers shared by the ClockifyClient tests (test-client.c,
 * test-pagination.c, test-paged-model.c): a simulator per test, clients
 * pointed at it, synchronous wrappers that spin the main context, and a
 * comparison of parsed objects property by property.
 *
 * Every simulator gets a seed of its own. Throttles are shared per API key
 * for the life of the process and keys differ per seed, so one test's
 * requests and workspace budgets never slow down or fail another's.
 */

#include <string.h>

#include "clockify.h"
#include "clockify-sim.h"

#define TEST_WAIT_LIMIT_USEC (60 * G_USEC_PER_SEC)

static inline ClockifySim *
test_sim_new_with_options (ClockifySimOptions *options)
{
  static guint64 next_seed = 4200;
  g_autoptr(GError) error = NULL;
  ClockifySim *sim;

  options->seed = next_seed++;
  sim = clockify_sim_new (options);
  clockify_sim_start (sim, &error);
  g_assert_no_error (error);

  return sim;
}

static inline ClockifySim *
test_sim_new (void)
{
  ClockifySimOptions options;

  clockify_sim_options_init_default (&options);

  return test_sim_new_with_options (&options);
}

/* A client of @sim with @api_key and short retry backoffs (10 ms). */
static inline ClockifyClient *
test_client_new_for_key (ClockifySim *sim,
                         const char  *api_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClockifyServer) server = NULL;
  ClockifyClient *client;

  server = clockify_server_new_custom (clockify_sim_get_base_url (sim), &error);
  g_assert_no_error (error);

  client = clockify_client_new (server, api_key);
  g_object_set (client, "retry-base-delay", 10, NULL);

  return client;
}

static inline ClockifyClient *
test_client_new (ClockifySim    *sim,
                 ClockifySimKey  key)
{
  return test_client_new_for_key (sim, clockify_sim_get_key (sim, key));
}

static inline const char *
test_paid_workspace (ClockifySim *sim)
{
  return clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
}

static inline const char *
test_free_workspace (ClockifySim *sim)
{
  return clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE);
}

static inline void
test_store_result (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static inline gboolean
test_wait_expired (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;

  return G_SOURCE_REMOVE;
}

/* Spins the default main context until *@done is TRUE (or 60 s pass). */
static inline void
test_wait_until (const gboolean *done)
{
  gboolean expired = FALSE;
  guint timeout_id = g_timeout_add (TEST_WAIT_LIMIT_USEC / 1000, test_wait_expired, &expired);

  while (!*done && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (timeout_id);
}

static inline GAsyncResult *
test_wait_result (GAsyncResult **slot)
{
  gboolean expired = FALSE;
  guint timeout_id = g_timeout_add (TEST_WAIT_LIMIT_USEC / 1000, test_wait_expired, &expired);

  while (*slot == NULL && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (expired);
  g_source_remove (timeout_id);

  return *slot;
}

/* Runs the main context for @msec milliseconds. */
static inline void
test_spin (guint msec)
{
  gboolean expired = FALSE;

  g_timeout_add (msec, test_wait_expired, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static inline ClockifyUser *
test_get_current_user (ClockifyClient  *client,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  clockify_client_get_current_user_async (client, cancellable, test_store_result, &result);

  return clockify_client_get_current_user_finish (client, test_wait_result (&result), error);
}

static inline GPtrArray *
test_fetch_page (ClockifyClient  *client,
                 ClockifyQuery   *query,
                 guint            page,
                 gboolean        *out_last_page,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  clockify_client_fetch_page_async (client, query, page, NULL, test_store_result, &result);

  return clockify_client_fetch_page_finish (client, test_wait_result (&result),
                                            out_last_page, error);
}

static inline GPtrArray *
test_list_all_full (ClockifyClient    *client,
                    ClockifyQuery     *query,
                    ClockifyPageFunc   page_func,
                    gpointer           page_data,
                    GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  clockify_client_list_all_async (client, query, page_func, page_data, NULL, NULL,
                                  test_store_result, &result);

  return clockify_client_list_all_finish (client, test_wait_result (&result), error);
}

static inline GPtrArray *
test_list_all (ClockifyClient  *client,
               ClockifyQuery   *query,
               GError         **error)
{
  return test_list_all_full (client, query, NULL, NULL, error);
}

static inline GPtrArray *
test_list_workspaces (ClockifyClient  *client,
                      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  clockify_client_list_workspaces_async (client, NULL, test_store_result, &result);

  return clockify_client_list_workspaces_finish (client, test_wait_result (&result), error);
}

static inline GBytes *
test_send (ClockifyClient      *client,
           const char          *path,
           const char * const  *query_pairs,
           int                 *out_last_page,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  clockify_client_send_async (client, CLOCKIFY_API_MAIN, "GET", path, query_pairs, NULL, NULL,
                              cancellable, test_store_result, &result);

  return clockify_client_send_finish (client, test_wait_result (&result), out_last_page, error);
}

/* Parses the simulator's own JSON for @kind with the models' constructors;
 * takes @array_node. */
static inline GPtrArray *
test_parse_items (ClockifyListKind  kind,
                  JsonNode         *array_node_in)
{
  g_autoptr(JsonNode) array_node = array_node_in;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  g_assert_nonnull (array_node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (array_node));
  array = json_node_get_array (array_node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) error = NULL;
      GObject *item = NULL;

      switch (kind)
        {
        case CLOCKIFY_LIST_WORKSPACES:
          item = (GObject *) clockify_workspace_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_USERS:
          item = (GObject *) clockify_user_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_CLIENTS:
          item = (GObject *) clockify_client_entity_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_PROJECTS:
          item = (GObject *) clockify_project_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_TASKS:
          item = (GObject *) clockify_task_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_TAGS:
          item = (GObject *) clockify_tag_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_USER_GROUPS:
          item = (GObject *) clockify_user_group_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_CUSTOM_FIELDS:
          item = (GObject *) clockify_custom_field_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_TIME_ENTRIES:
          item = (GObject *) clockify_time_entry_new_from_json (node, &error);
          break;
        case CLOCKIFY_LIST_DETAILED_REPORT:
        default:
          item = (GObject *) clockify_time_entry_new_from_report_json (node, &error);
          break;
        }

      g_assert_no_error (error);
      g_ptr_array_add (items, item);
    }

  return items;
}

static inline gboolean
test_custom_field_values_equal (GPtrArray *a,
                                GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a->len == 0) && (b == NULL || b->len == 0);
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const ClockifyCustomFieldValue *x = g_ptr_array_index (a, i);
      const ClockifyCustomFieldValue *y = g_ptr_array_index (b, i);
      g_autofree char *x_value = clockify_custom_field_value_dup_value_json (x);
      g_autofree char *y_value = clockify_custom_field_value_dup_value_json (y);

      if (g_strcmp0 (clockify_custom_field_value_get_custom_field_id (x),
                     clockify_custom_field_value_get_custom_field_id (y)) != 0 ||
          g_strcmp0 (clockify_custom_field_value_get_name (x),
                     clockify_custom_field_value_get_name (y)) != 0 ||
          g_strcmp0 (clockify_custom_field_value_get_field_type (x),
                     clockify_custom_field_value_get_field_type (y)) != 0 ||
          g_strcmp0 (x_value, y_value) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Every readable property of @a equals @b's; @only (nullable) limits the
 * comparison to those property names. */
static inline void
test_assert_same_object (GObject            *a,
                         GObject            *b,
                         const char * const *only)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;
      gboolean equal;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      if (only != NULL && !g_strv_contains (only, pspec->name))
        continue;

      g_value_init (&x, pspec->value_type);
      g_value_init (&y, pspec->value_type);
      g_object_get_property (a, pspec->name, &x);
      g_object_get_property (b, pspec->name, &y);

      if (pspec->value_type == G_TYPE_STRING)
        {
          equal = g_strcmp0 (g_value_get_string (&x), g_value_get_string (&y)) == 0;
        }
      else if (pspec->value_type == G_TYPE_DATE_TIME)
        {
          GDateTime *dx = g_value_get_boxed (&x);
          GDateTime *dy = g_value_get_boxed (&y);

          equal = (dx == NULL && dy == NULL) ||
                  (dx != NULL && dy != NULL && g_date_time_equal (dx, dy));
        }
      else if (pspec->value_type == G_TYPE_STRV)
        {
          const char * const *sx = g_value_get_boxed (&x);
          const char * const *sy = g_value_get_boxed (&y);

          equal = (sx == NULL || sx[0] == NULL) ? (sy == NULL || sy[0] == NULL)
                                                : (sy != NULL && g_strv_equal (sx, sy));
        }
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        {
          g_assert_cmpstr (pspec->name, ==, "custom-field-values");
          equal = test_custom_field_values_equal (g_value_get_boxed (&x), g_value_get_boxed (&y));
        }
      else if (G_TYPE_IS_OBJECT (pspec->value_type))
        {
          GObject *ox = g_value_get_object (&x);
          GObject *oy = g_value_get_object (&y);

          if (ox != NULL && oy != NULL)
            test_assert_same_object (ox, oy, NULL);
          equal = (ox == NULL) == (oy == NULL);
        }
      else
        {
          g_assert_false (G_TYPE_IS_BOXED (pspec->value_type));
          equal = g_param_values_cmp (pspec, &x, &y) == 0;
        }

      if (!equal)
        {
          g_autofree char *sx = NULL;
          g_autofree char *sy = NULL;

          if (pspec->value_type == G_TYPE_DATE_TIME)
            {
              GDateTime *dx = g_value_get_boxed (&x);
              GDateTime *dy = g_value_get_boxed (&y);

              sx = dx != NULL ? g_date_time_format_iso8601 (dx) : NULL;
              sy = dy != NULL ? g_date_time_format_iso8601 (dy) : NULL;
            }
          else
            {
              sx = g_strdup_value_contents (&x);
              sy = g_strdup_value_contents (&y);
            }

          g_error ("%s “%s” differs: %s, expected %s",
                   G_OBJECT_TYPE_NAME (a), pspec->name, sx, sy);
        }
    }
}

static inline const char *
test_item_id (gpointer item)
{
  g_autofree char *id = NULL;

  g_object_get (item, "id", &id, NULL);

  return g_intern_string (id);
}

/* @got equals @expected item by item, in order, every property. */
static inline void
test_assert_same_items (GPtrArray          *got,
                        GPtrArray          *expected,
                        const char * const *only)
{
  for (guint i = 0; i < MIN (got->len, expected->len); i++)
    g_assert_cmpstr (test_item_id (got->pdata[i]), ==, test_item_id (expected->pdata[i]));
  g_assert_cmpuint (got->len, ==, expected->len);

  for (guint i = 0; i < got->len; i++)
    test_assert_same_object (got->pdata[i], expected->pdata[i], only);
}

static inline ClockifyQuery *
test_tags_query (ClockifySim *sim)
{
  return clockify_query_new (CLOCKIFY_LIST_TAGS, test_paid_workspace (sim));
}

static inline void
test_add_fault (ClockifySim          *sim,
                ClockifySimFaultKind  kind,
                const char           *path_substring,
                guint                 count,
                guint                 status)
{
  ClockifySimFault fault = {
    .kind = kind,
    .path_substring = path_substring,
    .count = count,
    .status = status,
  };

  clockify_sim_add_fault (sim, &fault);
}

/* Lists the paid workspace's tags and checks they are exactly the sim's. */
static inline void
test_assert_tags_exact (ClockifySim    *sim,
                        ClockifyClient *client)
{
  g_autoptr(ClockifyQuery) query = test_tags_query (sim);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;

  tags = test_list_all (client, query, &error);
  g_assert_no_error (error);

  expected = test_parse_items (CLOCKIFY_LIST_TAGS,
                               clockify_sim_dup_entities (sim, test_paid_workspace (sim), "tags"));
  g_assert_cmpuint (expected->len, >, 0);
  test_assert_same_items (tags, expected, NULL);
}

static inline GError *
test_list_tags_error (ClockifySim    *sim,
                      ClockifyClient *client)
{
  g_autoptr(ClockifyQuery) query = test_tags_query (sim);
  g_autoptr(GPtrArray) tags = NULL;
  GError *error = NULL;

  tags = test_list_all (client, query, &error);
  g_assert_null (tags);
  g_assert_nonnull (error);

  return error;
}
