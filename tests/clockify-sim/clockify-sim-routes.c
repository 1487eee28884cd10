/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Routing, authentication, limits, pagination and the main API's endpoints.
 * Runs in the server thread with the simulator's mutex held.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <string.h>

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGE_SIZE     5000

/* Query strings ---------------------------------------------------------- */

void
_sim_query_init (SimQuery   *query,
                 const char *raw)
{
  g_auto(GStrv) pairs = NULL;

  query->names = g_ptr_array_new_with_free_func (g_free);
  query->values = g_ptr_array_new_with_free_func (g_free);
  if (raw == NULL || *raw == '\0')
    return;

  pairs = g_strsplit (raw, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      char *name, *value;

      if (*pairs[i] == '\0')
        continue;
      if (eq != NULL)
        *eq = '\0';
      /* '+' is a space in form encoding, which clients use for queries. */
      g_strdelimit (pairs[i], "+", ' ');
      if (eq != NULL)
        g_strdelimit (eq + 1, "+", ' ');
      name = g_uri_unescape_string (pairs[i], NULL);
      value = eq != NULL ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
      g_ptr_array_add (query->names, name != NULL ? name : g_strdup (pairs[i]));
      g_ptr_array_add (query->values, value != NULL ? value : g_strdup (eq + 1));
    }
}

void
_sim_query_clear (SimQuery *query)
{
  g_clear_pointer (&query->names, g_ptr_array_unref);
  g_clear_pointer (&query->values, g_ptr_array_unref);
}

const char *
_sim_query_get (SimQuery   *query,
                const char *name)
{
  for (guint i = 0; i < query->names->len; i++)
    if (strcmp (g_ptr_array_index (query->names, i), name) == 0)
      return g_ptr_array_index (query->values, i);
  return NULL;
}

/* Responses -------------------------------------------------------------- */

void
_sim_response_clear (SimResponse *response)
{
  if (response->body != NULL)
    g_string_free (response->body, TRUE);
  g_clear_pointer (&response->retry_after, g_free);
  response->body = NULL;
}

void
_sim_response_error (SimResponse *response,
                     guint        status,
                     const char  *message,
                     int          code)
{
  g_autofree char *body = _sim_json_error (message, code);

  _sim_response_clear (response);
  response->status = status;
  response->body = g_string_new (body);
  response->last_page = -1;
}

/* Parameters ------------------------------------------------------------- */

static gboolean
parse_int_param (SimQuery    *query,
                 const char  *name,
                 gint64       fallback,
                 gint64      *out,
                 SimResponse *response)
{
  const char *text = _sim_query_get (query, name);
  g_autofree char *message = NULL;

  *out = fallback;
  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, out, NULL))
    return TRUE;

  /* Spring's wording, as the live API answers. */
  message = g_strdup_printf ("Method parameter '%s': Failed to convert value of type "
                             "'java.lang.String' to required type 'int'; For input string: \"%s\"",
                             name, text);
  _sim_response_error (response, 400, message, -1);
  return FALSE;
}

static gboolean
parse_bool_param (SimQuery    *query,
                  const char  *name,
                  gboolean    *out,
                  SimResponse *response)
{
  const char *text = _sim_query_get (query, name);
  g_autofree char *message = NULL;

  *out = FALSE;
  if (text == NULL || g_ascii_strcasecmp (text, "false") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (text, "true") == 0)
    {
      *out = TRUE;
      return TRUE;
    }
  message = g_strdup_printf ("Method parameter '%s': Failed to convert value of type "
                             "'java.lang.String' to required type 'boolean'; Invalid boolean value [%s]",
                             name, text);
  _sim_response_error (response, 400, message, -1);
  return FALSE;
}

/* Page bounds from page / page-size: the items [*offset, *offset + *limit). */
static gboolean
parse_paging (SimQuery    *query,
              guint       *offset,
              guint       *limit,
              SimResponse *response)
{
  gint64 page, size;

  if (!parse_int_param (query, "page", 1, &page, response) ||
      !parse_int_param (query, "page-size", DEFAULT_PAGE_SIZE, &size, response))
    return FALSE;

  if (page < 0)
    {
      _sim_response_error (response, 400, "page: must be greater than or equal to 0", 501);
      return FALSE;
    }
  if (size < 1 || size > MAX_PAGE_SIZE)
    {
      _sim_response_error (response, 400, size < 1
                           ? "page-size: must be greater than or equal to 1"
                           : "page-size: must be less than or equal to 5000", 501);
      return FALSE;
    }

  /* Page 0 is page 1, as on Clockify. */
  page = MAX (page, 1);
  *offset = (guint) MIN ((page - 1) * size, (gint64) G_MAXUINT);
  *limit = (guint) size;
  return TRUE;
}

static gboolean
parse_instant (SimQuery    *query,
               const char  *name,
               gint64      *out_ms,
               SimResponse *response)
{
  const char *text = _sim_query_get (query, name);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *message = NULL;

  *out_ms = -1;
  if (text == NULL)
    return TRUE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt != NULL)
    {
      *out_ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
      return TRUE;
    }
  message = g_strdup_printf ("Invalid '%s' date: '%s', expected yyyy-MM-ddTHH:mm:ssZ", name, text);
  _sim_response_error (response, 400, message, 501);
  return FALSE;
}

/* Lists ------------------------------------------------------------------ */

static void
set_last_page (ClockifySim *self,
               SimResponse *response,
               gboolean     by_default,
               guint        offset,
               guint        limit,
               guint        total)
{
  ClockifySimLastPage mode = _clockify_sim_last_page_mode (self);

  if (mode == CLOCKIFY_SIM_LAST_PAGE_NEVER ||
      (mode == CLOCKIFY_SIM_LAST_PAGE_DEFAULT && !by_default))
    response->last_page = -1;
  else
    response->last_page = (guint64) offset + limit >= total;
}

typedef void (*ItemWriter) (GString      *out,
                            SimWorld     *world,
                            SimWorkspace *ws,
                            guint         index);

static void
write_client (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_client (out, ws, i);
}

static void
write_project (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_project (out, ws, i);
}

static void
write_task (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_task (out, ws, i);
}

static void
write_tag (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_tag (out, ws, i);
}

static void
write_group (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_group (out, world, ws, i);
}

static void
write_custom_field (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_custom_field (out, ws, i);
}

static void
write_member (GString *out, SimWorld *world, SimWorkspace *ws, guint i)
{
  _sim_json_user (out, world, g_array_index (ws->members, guint, i), FALSE);
}

/* Writes items [first, first + total) of a list, paged by offset/limit. */
static void
write_range (GString      *out,
             SimWorld     *world,
             SimWorkspace *ws,
             ItemWriter    writer,
             guint         first,
             guint         total,
             guint         offset,
             guint         limit)
{
  g_string_append_c (out, '[');
  for (guint i = offset; i < total && i - offset < limit; i++)
    {
      if (i > offset)
        g_string_append_c (out, ',');
      writer (out, world, ws, first + i);
    }
  g_string_append_c (out, ']');
}

gboolean
_sim_write_entity_list (SimWorld     *world,
                        SimWorkspace *ws,
                        const char   *entity,
                        int           project,
                        guint         offset,
                        guint         limit,
                        GString      *out,
                        guint        *total)
{
  static const struct
  {
    const char *name;
    ItemWriter writer;
    gsize array_offset;
  } lists[] = {
    { "users", write_member, G_STRUCT_OFFSET (SimWorkspace, members) },
    { "clients", write_client, G_STRUCT_OFFSET (SimWorkspace, clients) },
    { "projects", write_project, G_STRUCT_OFFSET (SimWorkspace, projects) },
    { "tasks", write_task, G_STRUCT_OFFSET (SimWorkspace, tasks) },
    { "tags", write_tag, G_STRUCT_OFFSET (SimWorkspace, tags) },
    { "user-groups", write_group, G_STRUCT_OFFSET (SimWorkspace, groups) },
    { "custom-fields", write_custom_field, G_STRUCT_OFFSET (SimWorkspace, custom_fields) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GArray *array = G_STRUCT_MEMBER (GArray *, ws, lists[i].array_offset);
      guint first = 0, n = array->len;

      if (strcmp (entity, lists[i].name) != 0)
        continue;
      if (project >= 0)
        {
          const SimProject *p = &g_array_index (ws->projects, SimProject, project);

          first = p->first_task;
          n = p->n_tasks;
        }
      write_range (out, world, ws, lists[i].writer, first, n, offset, limit);
      *total = n;
      return TRUE;
    }
  return FALSE;
}

static gboolean
entry_matches (SimWorkspace      *ws,
               const SimEntry    *entry,
               const SimEntryFilter *filter)
{
  if (filter->start_ms >= 0 && entry->start_ms < filter->start_ms)
    return FALSE;
  if (filter->end_ms >= 0 && entry->start_ms >= filter->end_ms)
    return FALSE;
  if (filter->in_progress && entry->end_ms >= 0)
    return FALSE;
  if (filter->description != NULL &&
      strstr (g_ptr_array_index (ws->descriptions, entry->description), filter->description) == NULL)
    return FALSE;
  if (filter->project != NULL &&
      (entry->project < 0 || strcmp (g_array_index (ws->projects, SimProject, entry->project).id.hex, filter->project) != 0))
    return FALSE;
  if (filter->task != NULL &&
      (entry->task < 0 || strcmp (g_array_index (ws->tasks, SimTask, entry->task).id.hex, filter->task) != 0))
    return FALSE;
  return TRUE;
}

/* A user's entries, newest first (start descending, then id descending). */
void
_sim_write_user_entries (SimWorld          *world,
                         SimWorkspace      *ws,
                         guint              user,
                         const SimEntryFilter *filter,
                         guint              offset,
                         guint              limit,
                         GString           *out,
                         guint             *total)
{
  static const SimEntryFilter none = { -1, -1, FALSE, NULL, NULL, NULL, FALSE };
  GArray *indexes = ws->by_user[user];
  guint n = 0;

  if (filter == NULL)
    filter = &none;

  g_string_append_c (out, '[');
  for (guint k = indexes->len; k > 0; k--)
    {
      const SimEntry *entry = &g_array_index (ws->entries, SimEntry, g_array_index (indexes, guint, k - 1));

      if (!entry_matches (ws, entry, filter))
        continue;
      if (n >= offset && n - offset < limit)
        {
          if (n > offset)
            g_string_append_c (out, ',');
          _sim_json_time_entry (out, world, ws, entry, filter->hydrated);
        }
      n++;
    }
  g_string_append_c (out, ']');
  *total = n;
}

static void
handle_time_entries (ClockifySim  *self,
                     SimWorld     *world,
                     SimWorkspace *ws,
                     guint         user,
                     SimQuery     *query,
                     SimResponse  *response)
{
  SimEntryFilter filter = { 0 };
  guint offset, limit, total;

  if (!parse_paging (query, &offset, &limit, response) ||
      !parse_instant (query, "start", &filter.start_ms, response) ||
      !parse_instant (query, "end", &filter.end_ms, response) ||
      !parse_bool_param (query, "hydrated", &filter.hydrated, response) ||
      !parse_bool_param (query, "in-progress", &filter.in_progress, response))
    return;
  filter.description = _sim_query_get (query, "description");
  filter.project = _sim_query_get (query, "project");
  filter.task = _sim_query_get (query, "task");

  response->body = g_string_sized_new (MIN (limit, 1000) * 700);
  _sim_write_user_entries (world, ws, user, &filter, offset, limit, response->body, &total);
  response->status = 200;
  set_last_page (self, response, TRUE, offset, limit, total);
}

static void
handle_list (ClockifySim  *self,
             SimWorld     *world,
             SimWorkspace *ws,
             const char   *entity,
             int           project,
             SimQuery     *query,
             SimResponse  *response)
{
  gboolean paged = strcmp (entity, "custom-fields") != 0;
  gboolean last_page_by_default = g_str_equal (entity, "users") ||
                                  g_str_equal (entity, "projects") ||
                                  g_str_equal (entity, "tasks");
  guint offset = 0, limit = G_MAXUINT, total = 0;

  /* The spec gives custom-fields no paging parameters. */
  if (paged && !parse_paging (query, &offset, &limit, response))
    return;

  response->body = g_string_new (NULL);
  _sim_write_entity_list (world, ws, entity, project, offset, limit, response->body, &total);
  response->status = 200;
  set_last_page (self, response, last_page_by_default, offset, limit, total);
}

static void
handle_user (SimWorld    *world,
             guint        user,
             SimQuery    *query,
             SimResponse *response)
{
  gboolean memberships;

  if (!parse_bool_param (query, "include-memberships", &memberships, response))
    return;
  response->body = g_string_new (NULL);
  _sim_json_user (response->body, world, user, memberships);
  response->status = 200;
}

static int
compare_ws_names (gconstpointer a,
                  gconstpointer b)
{
  const SimWorkspace *x = *(SimWorkspace * const *) a;
  const SimWorkspace *y = *(SimWorkspace * const *) b;
  int cmp = strcmp (x->name, y->name);

  return cmp != 0 ? cmp : strcmp (x->id.hex, y->id.hex);
}

void
_sim_write_workspaces (SimWorld *world,
                       int       user,
                       GString  *out,
                       guint    *total)
{
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint i = 0; i < world->workspaces->len; i++)
    {
      SimWorkspace *ws = g_ptr_array_index (world->workspaces, i);

      if (user < 0 || _sim_ws_has_member (ws, user))
        g_ptr_array_add (mine, ws);
    }
  g_ptr_array_sort (mine, compare_ws_names);

  g_string_append_c (out, '[');
  for (guint i = 0; i < mine->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      _sim_json_workspace (out, world, g_ptr_array_index (mine, i));
    }
  g_string_append_c (out, ']');
  *total = mine->len;
}

/* Routing ---------------------------------------------------------------- */

typedef enum
{
  ROUTE_NONE,
  ROUTE_USER,
  ROUTE_WORKSPACES,
  ROUTE_LIST,            /* /workspaces/{ws}/{entity} */
  ROUTE_TASKS,           /* /workspaces/{ws}/projects/{pid}/tasks */
  ROUTE_TIME_ENTRIES,    /* /workspaces/{ws}/user/{uid}/time-entries */
  ROUTE_REPORT,          /* /report/v1/workspaces/{ws}/reports/detailed */
} Route;

static const char * const list_entities[] = {
  "users", "clients", "projects", "tags", "user-groups", "custom-fields",
};

static Route
match_route (char       **parts,
             const char **ws_id,
             const char **sub_id,
             const char **entity)
{
  guint n = g_strv_length (parts);

  /* parts[0] is the empty string before the leading '/'. */
  if (n < 4 || parts[0][0] != '\0' || strcmp (parts[2], "v1") != 0)
    return ROUTE_NONE;

  if (strcmp (parts[1], "report") == 0)
    {
      if (n == 7 && strcmp (parts[3], "workspaces") == 0 &&
          strcmp (parts[5], "reports") == 0 && strcmp (parts[6], "detailed") == 0)
        {
          *ws_id = parts[4];
          return ROUTE_REPORT;
        }
      return ROUTE_NONE;
    }
  if (strcmp (parts[1], "api") != 0)
    return ROUTE_NONE;

  if (n == 4 && strcmp (parts[3], "user") == 0)
    return ROUTE_USER;
  if (strcmp (parts[3], "workspaces") != 0)
    return ROUTE_NONE;
  if (n == 4)
    return ROUTE_WORKSPACES;
  if (n < 6 || parts[4][0] == '\0')
    return ROUTE_NONE;
  *ws_id = parts[4];

  if (n == 6)
    {
      for (guint i = 0; i < G_N_ELEMENTS (list_entities); i++)
        if (strcmp (parts[5], list_entities[i]) == 0)
          {
            *entity = list_entities[i];
            return ROUTE_LIST;
          }
      return ROUTE_NONE;
    }
  if (n == 8 && strcmp (parts[5], "projects") == 0 && strcmp (parts[7], "tasks") == 0 && parts[6][0] != '\0')
    {
      *sub_id = parts[6];
      *entity = "tasks";
      return ROUTE_TASKS;
    }
  if (n == 8 && strcmp (parts[5], "user") == 0 && strcmp (parts[7], "time-entries") == 0 && parts[6][0] != '\0')
    {
      *sub_id = parts[6];
      return ROUTE_TIME_ENTRIES;
    }
  return ROUTE_NONE;
}

void
_clockify_sim_route (ClockifySim *self,
                     const char  *method,
                     const char  *path,
                     SimQuery    *query,
                     GBytes      *body,
                     int          key,
                     SimResponse *response)
{
  SimWorld *world = _clockify_sim_get_world (self);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  const char *ws_id = NULL, *sub_id = NULL, *entity = NULL;
  SimWorkspace *ws = NULL;
  Route route;
  guint user;

  response->last_page = -1;

  if (key != CLOCKIFY_SIM_KEY_OWNER && key != CLOCKIFY_SIM_KEY_MEMBER)
    {
      _sim_response_error (response, 401, "Full authentication is required to access this resource", 1000);
      return;
    }
  user = key == CLOCKIFY_SIM_KEY_OWNER ? 0 : 1;

  if (!_sim_limits_admit_key (_clockify_sim_get_limits (self), key, g_get_monotonic_time (), response))
    return;

  route = match_route (parts, &ws_id, &sub_id, &entity);
  if (route == ROUTE_NONE)
    {
      g_autofree char *message = g_strdup_printf ("No endpoint %s %s", method, path);

      _sim_response_error (response, 404, message, 404);
      return;
    }
  if (strcmp (method, route == ROUTE_REPORT ? "POST" : "GET") != 0)
    {
      g_autofree char *message = g_strdup_printf ("Request method '%s' is not supported", method);

      _sim_response_error (response, 405, message, 405);
      return;
    }

  if (ws_id != NULL)
    {
      ws = _sim_world_find_ws (world, ws_id);
      if (ws == NULL)
        {
          _sim_response_error (response, 404, "Workspace not found", 501);
          return;
        }
      if (!_sim_ws_has_member (ws, user))
        {
          _sim_response_error (response, 403, "Access Denied", 1000);
          return;
        }
      if (ws->free_plan &&
          !_sim_limits_admit_workspace (_clockify_sim_get_limits (self), g_get_monotonic_time (), response))
        return;
    }

  switch (route)
    {
    case ROUTE_USER:
      handle_user (world, user, query, response);
      break;

    case ROUTE_WORKSPACES:
      {
        guint total;

        response->body = g_string_new (NULL);
        _sim_write_workspaces (world, user, response->body, &total);
        response->status = 200;
        set_last_page (self, response, FALSE, 0, total, total);
      }
      break;

    case ROUTE_LIST:
      if (strcmp (entity, "custom-fields") == 0 && !ws->custom_fields_allowed)
        _sim_response_error (response, 403, "Custom fields are not available on your workspace's plan", 1000);
      else
        handle_list (self, world, ws, entity, -1, query, response);
      break;

    case ROUTE_TASKS:
      {
        int project = _sim_ws_find_project (ws, sub_id);

        if (project < 0)
          _sim_response_error (response, 404, "Project not found", 501);
        else
          handle_list (self, world, ws, "tasks", project, query, response);
      }
      break;

    case ROUTE_TIME_ENTRIES:
      {
        int target = _sim_world_find_user (world, sub_id);

        if (target < 0 || !_sim_ws_has_member (ws, target))
          _sim_response_error (response, 404, "User not found", 501);
        else
          handle_time_entries (self, world, ws, target, query, response);
      }
      break;

    case ROUTE_REPORT:
      _clockify_sim_report (self, ws, user, body, response);
      break;

    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
}
