/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Contract test: the requests that the other tests' clients sent to the
 * simulator (the *.jsonl files in TIMECARD_SIM_LOG_DIR) must exist in Clockify's OpenAPI
 * spec (path, method, query parameter names, report body members), and the
 * simulator's answers must carry, with the spec's types, the properties the
 * client reads. Runs last (priority -100) and consumes the log files.
 */
#define G_LOG_DOMAIN "test-clockify-contract"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "clockify-sim.h"

static JsonNode *spec;
static guint n_distinct_checked;

static JsonObject *
spec_member (const char *name)
{
  return json_object_get_object_member (json_node_get_object (spec), name);
}

/* Follows "$ref": "#/components/schemas/X". */
static JsonObject *
resolve (JsonObject *schema)
{
  for (guint depth = 0; schema != NULL && depth < 16; depth++)
    {
      const char *ref = json_object_get_string_member_with_default (schema, "$ref", NULL);
      JsonObject *schemas = json_object_get_object_member (spec_member ("components"), "schemas");

      if (ref == NULL)
        return schema;
      if (!g_str_has_prefix (ref, "#/components/schemas/"))
        return NULL;
      ref += strlen ("#/components/schemas/");
      schema = json_object_has_member (schemas, ref) ? json_object_get_object_member (schemas, ref) : NULL;
    }
  return schema;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The schema of an array's items, or the schema itself. */
static JsonObject *
unwrap_array (JsonObject *schema)
{
  schema = resolve (schema);
  while (schema != NULL && g_strcmp0 (json_object_get_string_member_with_default (schema, "type", NULL), "array") == 0)
    schema = resolve (object_member (schema, "items"));
  return schema;
}

static JsonObject *
property_schema (JsonObject *schema,
                 const char *name)
{
  return resolve (object_member (object_member (unwrap_array (schema), "properties"), name));
}

/* Requests ---------------------------------------------------------------- */

typedef struct
{
  const char *prefix;             /* the simulator's path prefix */
  const char *server;             /* a substring of the spec's server URL */
} Base;

static const Base bases[] = {
  { "/api/v1/", "api.clockify.me/api" },
  { "/report/v1/", "reports.api.clockify.me" },
};

/* The spec path that @path (without its base) matches, preferring literal
 * segments over {params}. */
static const char *
match_spec_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonObject *paths = spec_member ("paths");
  g_autoptr(GList) names = json_object_get_members (paths);
  const char *best = NULL;
  int best_literals = -1;

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_auto(GStrv) template = g_strsplit (l->data, "/", -1);
      int literals = 0;
      guint i;

      if (g_strv_length (template) != g_strv_length (parts))
        continue;
      for (i = 0; parts[i] != NULL; i++)
        {
          if (template[i][0] == '{')
            {
              if (parts[i][0] == '\0')
                break;
            }
          else if (strcmp (template[i], parts[i]) == 0)
            literals++;
          else
            break;
        }
      if (parts[i] == NULL && literals > best_literals)
        {
          best = l->data;
          best_literals = literals;
        }
    }
  return best;
}

static gboolean
has_query_parameter (JsonObject *path_item,
                     JsonObject *operation,
                     const char *name)
{
  JsonObject *holders[] = { operation, path_item };

  for (guint h = 0; h < G_N_ELEMENTS (holders); h++)
    {
      JsonNode *node = json_object_get_member (holders[h], "parameters");
      JsonArray *parameters = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; parameters != NULL && i < json_array_get_length (parameters); i++)
        {
          JsonObject *parameter = resolve (json_array_get_object_element (parameters, i));

          if (g_strcmp0 (json_object_get_string_member_with_default (parameter, "in", NULL), "query") == 0 &&
              g_strcmp0 (json_object_get_string_member_with_default (parameter, "name", NULL), name) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Every member of a request body must be a property of its schema. */
static void
check_body_members (JsonObject *schema,
                    JsonNode   *value,
                    const char *where,
                    GString    *problems)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  schema = resolve (schema);
  if (schema == NULL || value == NULL || !JSON_NODE_HOLDS_OBJECT (value) || object_member (schema, "properties") == NULL)
    return;
  object = json_node_get_object (value);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *property = property_schema (schema, l->data);
      g_autofree char *inner = g_strdup_printf ("%s.%s", where, (char *) l->data);

      if (property == NULL)
        g_string_append_printf (problems, "body member %s is not in the spec; ", inner);
      else
        check_body_members (property, json_object_get_member (object, l->data), inner, problems);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Checks one logged request; returns its signature, and notes problems. */
static char *
check_request (JsonObject *line,
               GString    *problems)
{
  const char *method = json_object_get_string_member_with_default (line, "method", "");
  const char *path = json_object_get_string_member_with_default (line, "path", "");
  JsonNode *query = json_object_get_member (line, "query");
  const char *body = json_object_get_string_member_with_default (line, "body", NULL);
  g_autofree char *lower = g_ascii_strdown (method, -1);
  g_autofree char *spec_path = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) signature = g_string_new (NULL);
  const Base *base = NULL;
  const char *template;
  JsonObject *path_item, *operation;
  JsonArray *servers;
  gboolean server_ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    if (g_str_has_prefix (path, bases[i].prefix))
      base = &bases[i];
  if (base == NULL)
    {
      g_string_append_printf (problems, "%s %s: not under /api/v1 or /report/v1; ", method, path);
      return g_strdup_printf ("%s %s", method, path);
    }

  spec_path = g_strconcat ("/v1/", path + strlen (base->prefix), NULL);
  template = match_spec_path (spec_path);
  if (template == NULL)
    {
      g_string_append_printf (problems, "%s %s: no such path in the spec; ", method, path);
      return g_strdup_printf ("%s %s", method, path);
    }
  g_string_append_printf (signature, "%s %s%s", method, base->prefix[1] == 'a' ? "/api" : "/report", template);

  path_item = object_member (spec_member ("paths"), template);
  servers = json_object_has_member (path_item, "servers") ? json_object_get_array_member (path_item, "servers") : NULL;
  for (guint i = 0; servers != NULL && i < json_array_get_length (servers); i++)
    server_ok |= strstr (json_object_get_string_member_with_default (json_array_get_object_element (servers, i),
                                                                     "url", ""), base->server) != NULL;
  if (!server_ok)
    g_string_append_printf (problems, "%s: served by another host in the spec; ", signature->str);

  operation = object_member (path_item, lower);
  if (operation == NULL)
    {
      g_string_append_printf (problems, "%s: method not in the spec; ", signature->str);
      return g_string_free (g_steal_pointer (&signature), FALSE);
    }

  for (guint i = 0; query != NULL && JSON_NODE_HOLDS_ARRAY (query) && i < json_array_get_length (json_node_get_array (query)); i++)
    {
      JsonArray *pair = json_array_get_array_element (json_node_get_array (query), i);
      const char *name = json_array_get_string_element (pair, 0);
      gboolean seen = FALSE;

      for (guint k = 0; k < names->len; k++)
        seen |= strcmp (names->pdata[k], name) == 0;
      if (!seen)
        g_ptr_array_add (names, (gpointer) name);
      if (!has_query_parameter (path_item, operation, name))
        g_string_append_printf (problems, "%s: query parameter '%s' is not in the spec; ", signature->str, name);
    }
  g_ptr_array_sort (names, compare_names);
  g_string_append_c (signature, '?');
  for (guint k = 0; k < names->len; k++)
    g_string_append_printf (signature, "%s%s", k > 0 ? "&" : "", (char *) names->pdata[k]);

  if (body != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *schema = NULL;
      JsonObject *content = object_member (object_member (operation, "requestBody"), "content");

      if (content != NULL)
        schema = object_member (object_member (content, "application/json"), "schema");
      if (schema == NULL)
        g_string_append_printf (problems, "%s: a body the spec does not take; ", signature->str);
      else if (json_parser_load_from_data (parser, body, -1, NULL))
        check_body_members (schema, json_parser_get_root (parser), "body", problems);
    }

  return g_string_free (g_steal_pointer (&signature), FALSE);
}

static void
test_requests (void)
{
  const char *dir_path = g_getenv ("TIMECARD_SIM_LOG_DIR");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) signatures = NULL;
  guint n_lines = 0;
  const char *name;

  if (dir_path == NULL || (dir = g_dir_open (dir_path, 0, NULL)) == NULL)
    {
      g_test_skip ("TIMECARD_SIM_LOG_DIR is not set or does not exist: no requests to check");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_prefix (name, "sim-") || !g_str_has_suffix (name, ".jsonl"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      g_ptr_array_add (files, g_steal_pointer (&path));

      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GString) line_problems = g_string_new (NULL);
          char *signature;

          if (*lines[i] == '\0')
            continue;
          n_lines++;
          if (!json_parser_load_from_data (parser, lines[i], -1, NULL) ||
              !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              g_string_append_printf (problems, "%s: unreadable line %u; ", name, i + 1);
              continue;
            }
          signature = check_request (json_node_get_object (json_parser_get_root (parser)), line_problems);
          if (!g_hash_table_contains (distinct, signature) && line_problems->len > 0)
            g_string_append (problems, line_problems->str);
          g_hash_table_add (distinct, signature);
        }
    }

  /* Consumed: the next run checks its own requests only. */
  for (guint i = 0; i < files->len; i++)
    g_unlink (files->pdata[i]);

  if (n_lines == 0)
    {
      g_test_skip ("no requests were logged in TIMECARD_SIM_LOG_DIR");
      return;
    }

  signatures = g_hash_table_get_keys (distinct);
  signatures = g_list_sort (signatures, (GCompareFunc) g_strcmp0);
  for (GList *l = signatures; l != NULL; l = l->next)
    g_test_message ("request: %s", (char *) l->data);
  n_distinct_checked = g_hash_table_size (distinct);
  g_test_message ("%u distinct requests checked against the spec (%u logged)",
                  n_distinct_checked, n_lines);
  if (problems->len > 0)
    {
      g_test_fail_printf ("requests outside the spec: %s", problems->str);
    }
}

/* Responses --------------------------------------------------------------- */

/*
 * What the client reads from each answer. A field is a dotted path, through
 * arrays too ("tags.id"). "sim=spec" names a field that the spec spells
 * differently; a trailing '~' skips the type check where the spec's schema
 * is a code-generation artefact (enums as objects, FeaturePlan). `extra`
 * lists fields the client reads that the spec lacks: only their presence
 * is checked.
 */
typedef struct
{
  const char *method;
  const char *path;
  const char *container;          /* a member of the answer holding the list */
  const char *fields;
  const char *extra;
} Endpoint;

static const Endpoint endpoints[] = {
  { "GET", "/v1/user", NULL,
    "id name email activeWorkspace defaultWorkspace memberships settings.timeZone status~", NULL },
  { "GET", "/v1/workspaces", NULL,
    "id name featureSubscriptionType~ hourlyRate.amount hourlyRate.currency costRate.amount "
    "currencies.code currencies.isDefault memberships.userId memberships.hourlyRate", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/users", NULL,
    "id name email status~ settings.timeZone", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/clients", NULL,
    "id name email address note archived currencyCode workspaceId", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/projects", NULL,
    "id name archived billable color public note duration hourlyRate.amount hourlyRate.currency workspaceId",
    "clientId clientName" },
  { "GET", "/v1/workspaces/{workspaceId}/projects/{projectId}/tasks", NULL,
    "id name projectId status~ billable estimate duration assigneeIds hourlyRate.amount", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/tags", NULL,
    "id name archived workspaceId", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/user-groups", NULL,
    "id name userIds workspaceId", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/custom-fields", NULL,
    "id name type status entityType allowedValues workspaceId", NULL },
  { "GET", "/v1/workspaces/{workspaceId}/user/{userId}/time-entries", NULL,
    "id description userId workspaceId projectId taskId tagIds billable isLocked type kioskId "
    "timeInterval.start timeInterval.end timeInterval.duration "
    "customFieldValues.customFieldId customFieldValues.name customFieldValues.timeEntryId "
    "customFieldValues.type customFieldValues.value "
    "hourlyRate.amount hourlyRate.currency costRate.amount costRate.currency", NULL },
  { "POST", "/v1/workspaces/{workspaceId}/reports/detailed", "timeEntries",
    "id=get_id description userId userName userEmail projectId projectName projectColor clientId clientName "
    "taskId taskName tags.id tags.name billable timeInterval.start timeInterval.end timeInterval.duration",
    "rate amount costRate costAmount currency customFields isLocked type" },
  { "POST", "/v1/workspaces/{workspaceId}/reports/detailed", "totals",
    "totalTime totalBillableTime entriesCount", "totalAmount" },
};

static gboolean
type_matches (JsonObject *schema,
              JsonNode   *value)
{
  const char *type;

  if (JSON_NODE_HOLDS_NULL (value) || schema == NULL)
    return TRUE;
  type = json_object_get_string_member_with_default (schema, "type", NULL);
  if (type == NULL && object_member (schema, "properties") != NULL)
    type = "object";
  if (type == NULL)
    return TRUE;

  if (strcmp (type, "array") == 0)
    return JSON_NODE_HOLDS_ARRAY (value);
  if (strcmp (type, "object") == 0)
    /* An object without properties is the spec's "any". */
    return object_member (schema, "properties") == NULL || JSON_NODE_HOLDS_OBJECT (value);
  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  if (strcmp (type, "string") == 0)
    return json_node_get_value_type (value) == G_TYPE_STRING;
  if (strcmp (type, "integer") == 0)
    return json_node_get_value_type (value) == G_TYPE_INT64;
  if (strcmp (type, "number") == 0)
    return json_node_get_value_type (value) == G_TYPE_INT64 || json_node_get_value_type (value) == G_TYPE_DOUBLE;
  if (strcmp (type, "boolean") == 0)
    return json_node_get_value_type (value) == G_TYPE_BOOLEAN;
  return TRUE;
}

/* Walks @segments through @value (and @schema when not NULL). */
static void
check_value (JsonNode    *value,
             JsonObject  *schema,
             char       **sim_segments,
             char       **spec_segments,
             gboolean     check_type,
             const char  *field,
             GString     *problems,
             guint       *n_checked)
{
  JsonObject *object, *property = NULL;
  JsonNode *member;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return;
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_value (json_array_get_element (array, i), schema != NULL ? unwrap_array (schema) : NULL,
                     sim_segments, spec_segments, check_type, field, problems, n_checked);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (value))
    {
      g_string_append_printf (problems, "%s: not an object on the way; ", field);
      return;
    }

  object = json_node_get_object (value);
  member = json_object_get_member (object, sim_segments[0]);
  if (member == NULL)
    {
      g_string_append_printf (problems, "%s: missing in the simulator's answer; ", field);
      return;
    }
  if (schema != NULL)
    property = property_schema (schema, spec_segments[0]);
  (*n_checked)++;

  if (sim_segments[1] != NULL)
    check_value (member, property, sim_segments + 1, spec_segments + 1, check_type, field, problems, n_checked);
  else if (check_type && schema != NULL && !type_matches (property, member))
    g_string_append_printf (problems, "%s: the simulator's type differs from the spec's; ", field);
}

static void
check_endpoint (const Endpoint *endpoint,
                JsonNode       *answer,
                GString        *problems)
{
  JsonObject *path_item = object_member (spec_member ("paths"), endpoint->path);
  g_autofree char *method = g_ascii_strdown (endpoint->method, -1);
  JsonObject *responses = object_member (object_member (path_item, method), "responses");
  JsonObject *response = object_member (responses, "200") != NULL ? object_member (responses, "200")
                                                                   : object_member (responses, "201");
  JsonObject *content = object_member (response, "content");
  JsonObject *schema = NULL;
  JsonNode *list = answer;
  g_auto(GStrv) fields = g_strsplit (endpoint->fields, " ", -1);
  g_auto(GStrv) extra = g_strsplit (endpoint->extra != NULL ? endpoint->extra : "", " ", -1);
  guint n_checked = 0;

  if (content != NULL)
    {
      g_autoptr(GList) types = json_object_get_members (content);

      if (types != NULL)
        schema = resolve (object_member (object_member (content, types->data), "schema"));
    }
  if (schema == NULL)
    {
      g_string_append_printf (problems, "%s %s: no response schema in the spec; ", endpoint->method, endpoint->path);
      return;
    }
  if (endpoint->container != NULL)
    {
      schema = property_schema (schema, endpoint->container);
      list = json_object_get_member (json_node_get_object (answer), endpoint->container);
      if (schema == NULL || list == NULL)
        {
          g_string_append_printf (problems, "%s: no '%s' in the spec or the answer; ", endpoint->path,
                                  endpoint->container);
          return;
        }
    }
  if (JSON_NODE_HOLDS_ARRAY (list) && json_array_get_length (json_node_get_array (list)) == 0)
    g_string_append_printf (problems, "%s: the simulator answered an empty list; ", endpoint->path);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup (fields[i]);
      gboolean check_type = !g_str_has_suffix (field, "~");
      char *rename;
      g_auto(GStrv) sim_segments = NULL;
      g_auto(GStrv) spec_segments = NULL;
      g_autofree char *where = NULL;

      if (*field == '\0')
        continue;
      if (!check_type)
        field[strlen (field) - 1] = '\0';
      rename = strchr (field, '=');
      if (rename != NULL)
        *rename++ = '\0';
      sim_segments = g_strsplit (field, ".", -1);
      spec_segments = g_strsplit (rename != NULL ? rename : field, ".", -1);
      where = g_strdup_printf ("%s %s: %s", endpoint->method, endpoint->path, field);

      /* The field must exist in the spec's schema... */
      {
        JsonObject *s = schema;

        for (guint k = 0; s != NULL && spec_segments[k] != NULL; k++)
          s = property_schema (s, spec_segments[k]);
        if (s == NULL)
          g_string_append_printf (problems, "%s: not in the spec's response schema; ", where);
      }
      /* ...and in every item the simulator answers, with the spec's type. */
      check_value (list, schema, sim_segments, spec_segments, check_type, where, problems, &n_checked);
    }
  for (guint i = 0; extra[i] != NULL; i++)
    {
      g_auto(GStrv) segments = g_strsplit (extra[i], ".", -1);
      g_autofree char *where = g_strdup_printf ("%s %s: %s", endpoint->method, endpoint->path, extra[i]);

      if (*extra[i] != '\0')
        check_value (list, NULL, segments, segments, FALSE, where, problems, &n_checked);
    }
  g_test_message ("%s %s%s%s: %u values checked", endpoint->method, endpoint->path,
                  endpoint->container != NULL ? " -> " : "", endpoint->container != NULL ? endpoint->container : "",
                  n_checked);
}

static JsonNode *
fetch_answer (SoupSession    *session,
              ClockifySim    *sim,
              const Endpoint *endpoint,
              const char     *project_id)
{
  const char *ws = clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
  gboolean report = g_str_has_suffix (endpoint->path, "/reports/detailed");
  g_autoptr(GString) path = g_string_new (endpoint->path);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_string_replace (path, "{workspaceId}", ws, 0);
  g_string_replace (path, "{projectId}", project_id, 0);
  g_string_replace (path, "{userId}", clockify_sim_get_user_id (sim, CLOCKIFY_SIM_KEY_OWNER), 0);
  url = g_strconcat (clockify_sim_get_base_url (sim), report ? "/report" : "/api", path->str,
                     strstr (path->str, "time-entries") != NULL ? "?page-size=1000" : "", NULL);
  msg = soup_message_new (endpoint->method, url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Api-Key",
                                clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER));
  if (report)
    {
      static const char body[] = "{\"dateRangeStart\":\"2020-01-01T00:00:00\",\"dateRangeEnd\":\"2026-12-31T23:59:59.999\","
                                 "\"timeZone\":\"UTC\",\"detailedFilter\":{\"page\":1,\"pageSize\":1000},"
                                 "\"exportType\":\"JSON\"}";
      g_autoptr(GBytes) request = g_bytes_new_static (body, sizeof body - 1);

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_responses (void)
{
  g_autoptr(ClockifySim) sim = clockify_sim_new (NULL);
  g_autoptr(SoupSession) session = g_object_new (SOUP_TYPE_SESSION, "proxy-resolver", NULL, "timeout", 10, NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(JsonNode) projects = NULL;
  g_autoptr(GError) error = NULL;
  const char *project_id = NULL;

  clockify_sim_set_contract_log (sim, FALSE);
  clockify_sim_set_rate_limit (sim, 0);
  /* Checked against the spec's spelling; the live one is a known rename. */
  clockify_sim_set_report_spelling (sim, TRUE);
  clockify_sim_start (sim, &error);
  g_assert_no_error (error);

  /* A project with tasks (every 4th has none). */
  projects = clockify_sim_dup_entities (sim, clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID), "projects");
  project_id = json_object_get_string_member (json_array_get_object_element (json_node_get_array (projects), 0), "id");

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      g_autoptr(JsonNode) answer = fetch_answer (session, sim, &endpoints[i], project_id);

      check_endpoint (&endpoints[i], answer, problems);
    }
  if (problems->len > 0)
    {
      g_test_fail_printf ("answers that do not match the spec: %s", problems->str);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *source_dir = g_getenv ("TIMECARD_SOURCE_DIR");
  g_autofree char *spec_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  spec_path = g_build_filename (source_dir != NULL ? source_dir : ".", "..", "shared", "clockify", "openapi.json", NULL);
  if (!g_file_test (spec_path, G_FILE_TEST_IS_REGULAR))
    {
      g_print ("1..0 # SKIP no OpenAPI spec at %s\n", spec_path);
      return 0;
    }
  if (!json_parser_load_from_file (parser, spec_path, &error))
    g_error ("Cannot read %s: %s", spec_path, error->message);
  spec = json_node_copy (json_parser_get_root (parser));

  g_test_add_func ("/clockify/contract/requests", test_requests);
  g_test_add_func ("/clockify/contract/responses", test_responses);
  status = g_test_run ();
  g_print ("# contract: %u distinct requests checked\n", n_distinct_checked);

  json_node_unref (spec);
  return status;
}
