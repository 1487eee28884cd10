/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-response"

#include "config.h"

#include "clockify-client-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "clockify-error.h"

/*
 * What Clockify's answers mean: error bodies, errors inside HTTP 200,
 * status codes, Retry-After and Last-Page headers, and the endpoint names
 * that prefix every error message.
 */

/* Segments after these are ids; error messages show them as {id}. */
static const char * const collections[] = {
  "clients", "custom-fields", "projects", "tags", "tasks", "user",
  "user-groups", "users", "workspaces", NULL
};

/*
 * _clockify_endpoint_name:
 *
 * Returns: "METHOD /path" with ids replaced by "{id}" and without the
 *   query, for error messages
 */
char *
_clockify_endpoint_name (const char *method,
                         const char *path)
{
  g_autofree char *bare = g_strndup (path, strcspn (path, "?#"));
  g_auto(GStrv) segments = g_strsplit (bare, "/", -1);
  GString *name = g_string_new (method);

  g_string_append_c (name, ' ');
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (name, '/');
      if (i > 0 && segments[i][0] != '\0' && g_strv_contains (collections, segments[i - 1]))
        g_string_append (name, "{id}");
      else
        g_string_append (name, segments[i]);
    }

  return g_string_free (name, FALSE);
}

/* Names the endpoint where that helps to find the fault (a malformed answer,
 * a server error, a refused or forbidden request). A refused key, a spent
 * budget or an unreachable server read better without it: those messages
 * are shown to users as they are. */
void
_clockify_prefix_error (GError     **error,
                        const char  *endpoint)
{
  if (error == NULL || *error == NULL)
    return;
  if ((*error)->domain != CLOCKIFY_ERROR)
    return;

  switch ((ClockifyError) (*error)->code)
    {
    case CLOCKIFY_ERROR_INVALID_RESPONSE:
    case CLOCKIFY_ERROR_SERVER:
    case CLOCKIFY_ERROR_BAD_REQUEST:
    case CLOCKIFY_ERROR_NOT_FOUND:
    case CLOCKIFY_ERROR_FORBIDDEN:
      g_prefix_error (error, "%s: ", endpoint);
      break;

    case CLOCKIFY_ERROR_UNAUTHORIZED:
    case CLOCKIFY_ERROR_RATE_LIMITED:
    case CLOCKIFY_ERROR_BUDGET_EXHAUSTED:
    case CLOCKIFY_ERROR_NETWORK:
    case CLOCKIFY_ERROR_INVALID_SERVER:
    default:
      break;
    }
}

/* Retry-After: delta seconds or an HTTP date; -1 when absent or unreadable. */
gint64
_clockify_parse_retry_after (SoupMessage *message)
{
  SoupMessageHeaders *headers;
  const char *value;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;

  if (message == NULL)
    return -1;

  headers = soup_message_get_response_headers (message);
  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      guint64 seconds;
      char *end;

      seconds = g_ascii_strtoull (value, &end, 10);
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0')
        return -1;

      return (gint64) MIN (seconds, (guint64) (G_MAXINT64 / G_USEC_PER_SEC / 2)) * G_USEC_PER_SEC;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (date, now);

  return MAX (span, 0);
}

static JsonObject *
parse_small_object (GBytes     *bytes,
                    JsonParser *parser)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size || data[i] != '{' || size > CLOCKIFY_SMALL_BODY_LIMIT)
    return NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_node_get_object (root);
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Clockify's {"message": "...", "code": N}; NULL when there is none. */
char *
_clockify_dup_error_message (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object = bytes != NULL ? parse_small_object (bytes, parser) : NULL;
  const char *message = object != NULL ? object_get_string (object, "message") : NULL;

  if (message == NULL || *message == '\0')
    return NULL;

  return g_strdup (message);
}

/*
 * Clockify reports some errors with HTTP 200 and {"code": 501, "message":
 * "..."} where data was expected. No data object of the API has an integer
 * "code" next to a string "message" and no "id".
 */
GError *
_clockify_error_in_success_body (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object = parse_small_object (bytes, parser);
  JsonNode *code_node;
  const char *message;
  gint64 code;
  int error_code;

  if (object == NULL || json_object_has_member (object, "id"))
    return NULL;

  code_node = json_object_get_member (object, "code");
  message = object_get_string (object, "message");
  if (code_node == NULL || message == NULL ||
      !JSON_NODE_HOLDS_VALUE (code_node) ||
      json_node_get_value_type (code_node) != G_TYPE_INT64)
    return NULL;

  code = json_node_get_int (code_node);
  if (code == SOUP_STATUS_UNAUTHORIZED)
    error_code = CLOCKIFY_ERROR_UNAUTHORIZED;
  else if (code == SOUP_STATUS_FORBIDDEN)
    error_code = CLOCKIFY_ERROR_FORBIDDEN;
  else if (code == SOUP_STATUS_NOT_FOUND)
    error_code = CLOCKIFY_ERROR_NOT_FOUND;
  else if (code >= 400 && code < 500)
    error_code = CLOCKIFY_ERROR_BAD_REQUEST;
  else
    error_code = CLOCKIFY_ERROR_SERVER;

  return g_error_new (CLOCKIFY_ERROR, error_code, "%s (code %" G_GINT64_FORMAT ")",
                      *message != '\0' ? message : _("Clockify reported an error"), code);
}

int
_clockify_parse_last_page (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *value = soup_message_headers_get_one (headers, "Last-Page");

  if (value == NULL)
    return -1;
  if (g_ascii_strcasecmp (value, "true") == 0)
    return 1;
  if (g_ascii_strcasecmp (value, "false") == 0)
    return 0;

  return -1;
}

/*
 * _clockify_status_is_retryable:
 *
 * Returns: whether an attempt that got @status may succeed when repeated.
 * HTTP 500 is not retried: Clockify is a Spring application, whose 500 is
 * an unhandled exception that the same request meets again; retrying would
 * only spend the rate limit and, on the Free plan, the hourly budget.
 */
gboolean
_clockify_status_is_retryable (guint status)
{
  return status == HTTP_TOO_MANY_REQUESTS ||
         status == SOUP_STATUS_BAD_GATEWAY ||
         status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
         status == SOUP_STATUS_GATEWAY_TIMEOUT;
}

/*
 * _clockify_error_for_status:
 * @status: an HTTP status that is not 2xx or 3xx
 * @reason: (nullable): its reason phrase
 * @message: (nullable): Clockify's message from the body
 *
 * Returns: (transfer full): the error the status stands for, with
 *   Clockify's message or a default (clockify-cli's where it has one)
 */
GError *
_clockify_error_for_status (guint       status,
                            const char *reason,
                            const char *message)
{
  switch (status)
    {
    case HTTP_TOO_MANY_REQUESTS:
      return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_RATE_LIMITED, "%s",
                          message ? message : _("Too many requests"));
    case SOUP_STATUS_BAD_REQUEST:
      return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST, "%s",
                          message ? message : _("Bad request"));
    case SOUP_STATUS_UNAUTHORIZED:
      return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_UNAUTHORIZED, "%s",
                          message ? message : _("The API key was not accepted"));
    case SOUP_STATUS_FORBIDDEN:
      return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN, "%s",
                          message ? message : _("Forbidden"));
    case SOUP_STATUS_NOT_FOUND:
      return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_NOT_FOUND, "%s",
                          message ? message : _("Nothing was found"));
    default:
      return g_error_new (CLOCKIFY_ERROR, CLOCKIFY_ERROR_SERVER, "HTTP %u %s%s%s",
                          status, reason ? reason : "",
                          message ? ": " : "", message ? message : "");
    }
}

/*
 * _clockify_parse_json:
 *
 * Returns: (transfer full): the root of a JSON body, or %NULL with a
 *   %CLOCKIFY_ERROR_INVALID_RESPONSE
 */
JsonNode *
_clockify_parse_json (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", (gssize) size, &local_error))
    {
      g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                   _("The response is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                           _("The response is empty"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}
