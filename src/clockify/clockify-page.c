/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-page"

#include "config.h"

#include "clockify-client-private.h"

#include <glib/gi18n-lib.h>

#include "clockify-client-entity.h"
#include "clockify-custom-field.h"
#include "clockify-error.h"
#include "clockify-project.h"
#include "clockify-tag.h"
#include "clockify-task.h"
#include "clockify-time-entry.h"
#include "clockify-user-group.h"
#include "clockify-workspace.h"

/*
 * clockify_client_fetch_page_async(): one page of a ClockifyQuery, from
 * the request (path, parameters named as in Clockify's OpenAPI spec, the
 * report's JSON body) to model objects parsed off the main thread.
 */

typedef struct
{
  ClockifyListKind  kind;
  char             *endpoint;
  guint             page_size;
  gboolean          paginated;
  GBytes           *bytes;
  int               last_page_header;
  gboolean          last_page;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->endpoint, g_free);
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_free (page);
}

static gboolean
kind_is_paginated (ClockifyListKind kind)
{
  return kind != CLOCKIFY_LIST_WORKSPACES && kind != CLOCKIFY_LIST_CUSTOM_FIELDS;
}

static const char *
kind_collection (ClockifyListKind kind)
{
  switch (kind)
    {
    case CLOCKIFY_LIST_USERS:
      return "users";
    case CLOCKIFY_LIST_CLIENTS:
      return "clients";
    case CLOCKIFY_LIST_PROJECTS:
      return "projects";
    case CLOCKIFY_LIST_TAGS:
      return "tags";
    case CLOCKIFY_LIST_USER_GROUPS:
      return "user-groups";
    case CLOCKIFY_LIST_CUSTOM_FIELDS:
      return "custom-fields";
    case CLOCKIFY_LIST_WORKSPACES:
    case CLOCKIFY_LIST_TASKS:
    case CLOCKIFY_LIST_TIME_ENTRIES:
    case CLOCKIFY_LIST_DETAILED_REPORT:
    default:
      return NULL;
    }
}

/* "yyyy-MM-ddTHH:mm:ssZ", the main API's form. */
static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* "YYYY-MM-DDTHH:MM:SS.sss" in @zone, the Reports API's form. */
static char *
format_local (GDateTime *time,
              GTimeZone *zone)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);
  g_autofree char *seconds = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d", seconds, g_date_time_get_microsecond (local) / 1000);
}

static GBytes *
build_report_body (ClockifyQuery  *query,
                   guint           page,
                   GError        **error)
{
  GDateTime *start = clockify_query_get_start (query);
  GDateTime *end = clockify_query_get_end (query);
  const char *zone_name = clockify_query_get_time_zone (query);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *range_start = NULL;
  g_autofree char *range_end = NULL;
  gsize length;
  char *text;

  if (start == NULL || end == NULL)
    {
      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST,
                           "The detailed report needs a date range");
      return NULL;
    }

  zone = g_time_zone_new_identifier (zone_name);
  if (zone == NULL)
    {
      g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST,
                   _("Unknown time zone “%s”"), zone_name);
      return NULL;
    }

  /* The query's range is half-open like the time-entry list's; the report's
   * end is inclusive (Clockify's own examples end at 23:59:59.999). */
  last = g_date_time_add (end, -1000);
  range_start = format_local (start, zone);
  range_end = format_local (last, zone);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dateRangeStart");
  json_builder_add_string_value (builder, range_start);
  json_builder_set_member_name (builder, "dateRangeEnd");
  json_builder_add_string_value (builder, range_end);
  json_builder_set_member_name (builder, "timeZone");
  json_builder_add_string_value (builder, zone_name);
  json_builder_set_member_name (builder, "exportType");
  json_builder_add_string_value (builder, "JSON");
  /* Amounts as earned (billable rates), what Clockify's Detailed report shows. */
  json_builder_set_member_name (builder, "amountShown");
  json_builder_add_string_value (builder, "EARNED");
  json_builder_set_member_name (builder, "sortOrder");
  json_builder_add_string_value (builder, "ASCENDING");
  json_builder_set_member_name (builder, "detailedFilter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, page);
  json_builder_set_member_name (builder, "pageSize");
  json_builder_add_int_value (builder, clockify_query_get_page_size (query));
  /* Ids are unique, so pages sorted by them neither overlap nor skip
   * entries; start times are not. */
  json_builder_set_member_name (builder, "sortColumn");
  json_builder_add_string_value (builder, "ID");
  json_builder_set_member_name (builder, "options");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "totals");
  json_builder_add_string_value (builder, "EXCLUDE");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

typedef struct
{
  ClockifyApi  api;
  const char  *method;
  char        *path;
  GPtrArray   *pairs;
  GBytes      *body;
} PageRequest;

static void
page_request_clear (PageRequest *request)
{
  g_clear_pointer (&request->path, g_free);
  g_clear_pointer (&request->pairs, g_ptr_array_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageRequest, page_request_clear)

static void
add_pair (GPtrArray  *pairs,
          const char *name,
          char       *value)
{
  g_ptr_array_add (pairs, g_strdup (name));
  g_ptr_array_add (pairs, value);
}

static gboolean
build_page_request (ClockifyQuery  *query,
                    guint           page,
                    PageRequest    *request,
                    GError        **error)
{
  ClockifyListKind kind = clockify_query_get_kind (query);
  g_autofree char *ws = NULL;
  g_autofree char *parent = NULL;

  request->api = CLOCKIFY_API_MAIN;
  request->method = "GET";
  request->pairs = g_ptr_array_new_with_free_func (g_free);

  if (clockify_query_get_workspace_id (query) != NULL)
    ws = g_uri_escape_string (clockify_query_get_workspace_id (query), NULL, FALSE);
  if (clockify_query_get_parent_id (query) != NULL)
    parent = g_uri_escape_string (clockify_query_get_parent_id (query), NULL, FALSE);

  if (kind != CLOCKIFY_LIST_WORKSPACES && ws == NULL)
    {
      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST,
                           "The query has no workspace");
      return FALSE;
    }

  if ((kind == CLOCKIFY_LIST_TASKS || kind == CLOCKIFY_LIST_TIME_ENTRIES) && parent == NULL)
    {
      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST,
                           kind == CLOCKIFY_LIST_TASKS ? "Tasks are listed per project"
                                                       : "Time entries are listed per user");
      return FALSE;
    }

  switch (kind)
    {
    case CLOCKIFY_LIST_WORKSPACES:
      request->path = g_strdup ("/workspaces");
      break;
    case CLOCKIFY_LIST_TASKS:
      request->path = g_strdup_printf ("/workspaces/%s/projects/%s/tasks", ws, parent);
      break;
    case CLOCKIFY_LIST_TIME_ENTRIES:
      request->path = g_strdup_printf ("/workspaces/%s/user/%s/time-entries", ws, parent);
      if (clockify_query_get_start (query) != NULL)
        add_pair (request->pairs, "start", format_utc (clockify_query_get_start (query)));
      if (clockify_query_get_end (query) != NULL)
        add_pair (request->pairs, "end", format_utc (clockify_query_get_end (query)));
      break;
    case CLOCKIFY_LIST_DETAILED_REPORT:
      request->api = CLOCKIFY_API_REPORTS;
      request->method = "POST";
      request->path = g_strdup_printf ("/workspaces/%s/reports/detailed", ws);
      request->body = build_report_body (query, page, error);
      if (request->body == NULL)
        return FALSE;
      break;
    case CLOCKIFY_LIST_USERS:
    case CLOCKIFY_LIST_CLIENTS:
    case CLOCKIFY_LIST_PROJECTS:
    case CLOCKIFY_LIST_TAGS:
    case CLOCKIFY_LIST_USER_GROUPS:
    case CLOCKIFY_LIST_CUSTOM_FIELDS:
    default:
      request->path = g_strdup_printf ("/workspaces/%s/%s", ws, kind_collection (kind));
      break;
    }

  if ((kind == CLOCKIFY_LIST_TIME_ENTRIES || kind == CLOCKIFY_LIST_PROJECTS) &&
      clockify_query_get_hydrated (query))
    add_pair (request->pairs, "hydrated", g_strdup ("true"));

  if (kind_is_paginated (kind) && kind != CLOCKIFY_LIST_DETAILED_REPORT)
    {
      add_pair (request->pairs, "page", g_strdup_printf ("%u", page));
      add_pair (request->pairs, "page-size",
                g_strdup_printf ("%u", clockify_query_get_page_size (query)));
    }

  g_ptr_array_add (request->pairs, NULL);

  return TRUE;
}

static GObject *
item_new_from_json (ClockifyListKind   kind,
                    JsonNode          *node,
                    GError           **error)
{
  switch (kind)
    {
    case CLOCKIFY_LIST_WORKSPACES:
      return (GObject *) clockify_workspace_new_from_json (node, error);
    case CLOCKIFY_LIST_USERS:
      return (GObject *) clockify_user_new_from_json (node, error);
    case CLOCKIFY_LIST_CLIENTS:
      return (GObject *) clockify_client_entity_new_from_json (node, error);
    case CLOCKIFY_LIST_PROJECTS:
      return (GObject *) clockify_project_new_from_json (node, error);
    case CLOCKIFY_LIST_TASKS:
      return (GObject *) clockify_task_new_from_json (node, error);
    case CLOCKIFY_LIST_TAGS:
      return (GObject *) clockify_tag_new_from_json (node, error);
    case CLOCKIFY_LIST_USER_GROUPS:
      return (GObject *) clockify_user_group_new_from_json (node, error);
    case CLOCKIFY_LIST_CUSTOM_FIELDS:
      return (GObject *) clockify_custom_field_new_from_json (node, error);
    case CLOCKIFY_LIST_TIME_ENTRIES:
      return (GObject *) clockify_time_entry_new_from_json (node, error);
    case CLOCKIFY_LIST_DETAILED_REPORT:
      return (GObject *) clockify_time_entry_new_from_report_json (node, error);
    default:
      g_assert_not_reached ();
    }
}

/* The array of a page: the body itself, or the report's time entries. */
static JsonArray *
page_array (ClockifyListKind   kind,
            JsonNode          *root,
            GError           **error)
{
  JsonObject *object;
  JsonNode *entries = NULL;

  if (kind != CLOCKIFY_LIST_DETAILED_REPORT)
    {
      if (JSON_NODE_HOLDS_ARRAY (root))
        return json_node_get_array (root);

      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                           "Expected an array");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                           "Expected an object");
      return NULL;
    }

  /* The live API spells it "timeentries", the OpenAPI spec "timeEntries". */
  object = json_node_get_object (root);
  entries = json_object_get_member (object, "timeentries");
  if (entries == NULL)
    entries = json_object_get_member (object, "timeEntries");

  if (entries != NULL && JSON_NODE_HOLDS_ARRAY (entries))
    return json_node_get_array (entries);

  g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                       _("The report has no “timeentries” array"));
  return NULL;
}

static GPtrArray *
parse_page (Page    *page,
            GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint length;

  root = _clockify_parse_json (page->bytes, error);
  if (root == NULL)
    return NULL;

  array = page_array (page->kind, root, error);
  if (array == NULL)
    return NULL;

  length = json_array_get_length (array);
  items = g_ptr_array_new_full (length, g_object_unref);

  for (guint i = 0; i < length; i++)
    {
      GError *item_error = NULL;
      GObject *item = item_new_from_json (page->kind, json_array_get_element (array, i),
                                          &item_error);

      if (item == NULL)
        {
          g_prefix_error (&item_error, "Item %u: ", i + 1);
          g_propagate_error (error, item_error);
          return NULL;
        }

      g_ptr_array_add (items, item);
    }

  page->last_page = !page->paginated ||
                    page->last_page_header == 1 ||
                    length < page->page_size;

  return g_steal_pointer (&items);
}

static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Page *page = task_data;
  GError *error = NULL;
  GPtrArray *items = parse_page (page, &error);

  if (items == NULL)
    {
      _clockify_prefix_error (&error, page->endpoint);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_page_parsed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClockifyClient *self = g_task_get_source_object (task);
  Page *page = g_task_get_task_data (task);
  GPtrArray *items;
  GError *error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (page->kind == CLOCKIFY_LIST_WORKSPACES)
    _clockify_client_saw_workspaces (self, items);

  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_page_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) parse_task = NULL;
  Page *page = g_task_get_task_data (task);
  GError *error = NULL;

  page->bytes = clockify_client_send_finish (CLOCKIFY_CLIENT (source), result,
                                             &page->last_page_header, &error);
  if (page->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A 5000-entry page takes a tree parser over 100 ms: not on the UI thread. */
  parse_task = g_task_new (source, g_task_get_cancellable (task), on_page_parsed,
                           g_object_ref (task));
  g_task_set_source_tag (parse_task, parse_page_thread);
  g_task_set_task_data (parse_task, page, NULL);
  g_task_run_in_thread (parse_task, parse_page_thread);
}

/**
 * clockify_client_fetch_page_async:
 * @self: a #ClockifyClient
 * @query: what to list
 * @page: the page number, from 1
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the page
 * @user_data: data for @callback
 *
 * Fetches one page of @query, with the query's page size. Lists that
 * Clockify does not paginate (workspaces, custom fields) come whole as
 * page 1. Workspaces on the Free plan get the client's free-plan budget.
 */
void
clockify_client_fetch_page_async (ClockifyClient      *self,
                                  ClockifyQuery       *query,
                                  guint                page,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_auto(PageRequest) request = { 0, };
  GError *error = NULL;
  Page *data;

  g_return_if_fail (CLOCKIFY_IS_CLIENT (self));
  g_return_if_fail (CLOCKIFY_IS_QUERY (query));
  g_return_if_fail (page >= 1);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clockify_client_fetch_page_async);

  if (!build_page_request (query, page, &request, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (Page, 1);
  data->kind = clockify_query_get_kind (query);
  data->endpoint = _clockify_endpoint_name (request.method, request.path);
  data->page_size = clockify_query_get_page_size (query);
  data->paginated = kind_is_paginated (data->kind);
  data->last_page_header = -1;
  g_task_set_task_data (task, data, page_free);

  clockify_client_send_async (self, request.api, request.method, request.path,
                              (const char * const *) request.pairs->pdata, request.body,
                              clockify_query_get_workspace_id (query),
                              cancellable, on_page_sent, g_steal_pointer (&task));
}

/**
 * clockify_client_fetch_page_finish:
 * @self: a #ClockifyClient
 * @result: the result given to the callback
 * @out_last_page: (out) (optional): whether no page follows (a `Last-Page:
 *   true` header or a short page)
 * @error: return location for a %CLOCKIFY_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type GObject): the page's items,
 *   of the query's item type
 */
GPtrArray *
clockify_client_fetch_page_finish (ClockifyClient  *self,
                                   GAsyncResult    *result,
                                   gboolean        *out_last_page,
                                   GError         **error)
{
  Page *page;
  GPtrArray *items;

  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        clockify_client_fetch_page_async, NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);
  page = g_task_get_task_data (G_TASK (result));

  if (out_last_page != NULL)
    *out_last_page = items != NULL && page != NULL && page->last_page;

  return items;
}
