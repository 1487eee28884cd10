/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-request"

#include "config.h"

#include "clockify-client-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "clockify-error.h"

/*
 * One request of a ClockifyClient, from the throttle to the last byte:
 * every attempt passes the throttle, carries the key, is sent with
 * SOUP_MESSAGE_NO_REDIRECT (libsoup would forward X-Api-Key to any host a
 * redirect names), and its body is read in chunks up to a cap so that a huge
 * answer is an error, not an allocation. Failures that may go away (429,
 * 502/503/504, dropped or timed-out connections) are retried with
 * exponential backoff and full jitter, bounded in count and in total time.
 * Which statuses are retried is in clockify-response.c.
 */

#define READ_CHUNK        (64 * 1024)
#define MAX_REDIRECTS     5
#define MAX_BACKOFF_USEC  (30 * G_USEC_PER_SEC)
#define MAX_PREALLOCATION (16 * 1024 * 1024)

typedef struct
{
  char         *method;
  GUri         *uri;
  char         *endpoint;
  GBytes       *body;
  char         *workspace_id;
  guint         attempt;
  guint         redirects;
  gint64        min_delay;        /* before the next attempt, at least */
  gboolean      rate_limited;     /* a 429 came for this request */
  gint64        deadline;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *buffer;
  gsize         received;
  gsize         limit;
  goffset       content_length;   /* -1 when not announced */
  int           last_page;
} Request;

static void start_attempt (GTask *task);

/* Closes a response body without reading the rest of it: the connection
 * is dropped instead of reused. */
static void
abandon_stream (Request *req)
{
  g_autoptr(GCancellable) cancelled = NULL;

  if (req->stream == NULL)
    return;

  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  g_input_stream_close (req->stream, cancelled, NULL);
  g_clear_object (&req->stream);
}

/* Closes a response body whose end has been reached, or whose connection
 * has already failed: nothing is left to read, so this does not block. A
 * cancelled close (abandon_stream()) here would leave libsoup finishing a
 * message that another attempt is already reusing the connection for. */
static void
close_finished_stream (Request *req)
{
  if (req->stream == NULL)
    return;

  g_input_stream_close (req->stream, NULL, NULL);
  g_clear_object (&req->stream);
}

static void
request_reset_attempt (Request *req)
{
  abandon_stream (req);
  g_clear_object (&req->message);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  req->received = 0;
  req->content_length = -1;
}

static void
request_free (gpointer data)
{
  Request *req = data;

  request_reset_attempt (req);
  g_clear_pointer (&req->method, g_free);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->endpoint, g_free);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_pointer (&req->workspace_id, g_free);
  g_free (req);
}

/* The workspace whose budget a path counts against: /workspaces/{ws}/... */
static char *
workspace_of_path (const char *path)
{
  const char *start;
  gsize length;

  if (!g_str_has_prefix (path, "/workspaces/"))
    return NULL;

  start = path + strlen ("/workspaces/");
  length = strcspn (start, "/?#");

  return length > 0 ? g_strndup (start, length) : NULL;
}

static GUri *
build_uri (const char          *base,
           const char          *path,
           const char * const  *query_pairs,
           GError             **error)
{
  g_autoptr(GString) text = g_string_new (base);
  const char *separator = "?";

  while (text->len > 0 && text->str[text->len - 1] == '/')
    g_string_truncate (text, text->len - 1);
  g_string_append (text, path);

  for (guint i = 0; query_pairs != NULL && query_pairs[i] != NULL; i += 2)
    {
      if (query_pairs[i + 1] == NULL)
        {
          g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_QUERY,
                       "Parameter “%s” has no value", query_pairs[i]);
          return NULL;
        }

      g_string_append (text, separator);
      g_string_append_uri_escaped (text, query_pairs[i], NULL, FALSE);
      g_string_append_c (text, '=');
      g_string_append_uri_escaped (text, query_pairs[i + 1], NULL, FALSE);
      separator = "&";
    }

  return g_uri_parse (text->str, SOUP_HTTP_URI_FLAGS, error);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Request *req = g_task_get_task_data (task);

  _clockify_prefix_error (&error, req->endpoint);
  g_task_return_error (task, error);
}

static void
return_new_error (GTask      *task,
                  int         code,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
return_new_error (GTask      *task,
                  int         code,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  return_error (task, g_error_new_valist (CLOCKIFY_ERROR, code, format, args));
  va_end (args);
}

static gboolean
on_backoff_elapsed (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    start_attempt (task);

  return G_SOURCE_REMOVE;
}

/* A timer that also fires when the task's cancellable is cancelled. */
static void
start_attempt_later (GTask  *task,
                     gint64  delay_usec)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GSource) source = g_timeout_source_new ((guint) (delay_usec / 1000));

  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancel_source = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancel_source);
      g_source_add_child_source (source, cancel_source);
    }

  g_source_set_name (source, "[clockify] retry backoff");
  g_source_set_callback (source, on_backoff_elapsed, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

/* Exponential backoff with full jitter: uniform in [0, base * 2^attempt]. */
static gint64
backoff_delay (ClockifyClient *self,
               guint           attempt)
{
  gint64 ceiling = (gint64) self->retry_base_delay * 1000;

  for (guint i = 0; i < attempt && ceiling < MAX_BACKOFF_USEC; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, MAX_BACKOFF_USEC);

  return (gint64) (g_random_double () * (double) ceiling);
}

/*
 * Either schedules another attempt after a backoff, or returns @error
 * (taken) when the retries are spent or the wait would pass the deadline.
 */
static void
retry_or_fail (GTask  *task,
               GError *error)
{
  ClockifyClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  gint64 retry_after = _clockify_parse_retry_after (req->message);
  gint64 delay;

  if (req->attempt >= self->max_retries)
    {
      g_prefix_error (&error, "Gave up after %u attempts: ", req->attempt + 1);
      return_error (task, error);
      return;
    }

  delay = MAX (retry_after >= 0 ? retry_after : backoff_delay (self, req->attempt), req->min_delay);
  if (g_get_monotonic_time () + delay > req->deadline)
    {
      if (retry_after >= 0)
        g_prefix_error (&error, "Gave up: Clockify asked to wait %" G_GINT64_FORMAT " s: ",
                        retry_after / G_USEC_PER_SEC);
      else
        g_prefix_error (&error, "Gave up after %u attempts: ", req->attempt + 1);
      return_error (task, error);
      return;
    }

  g_debug ("%s: %s; attempt %u in %" G_GINT64_FORMAT " ms",
           req->endpoint, error->message, req->attempt + 2, delay / 1000);
  g_error_free (error);

  request_reset_attempt (req);
  req->attempt++;
  start_attempt_later (task, delay);
}

static gboolean
is_retryable_transport_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_CONNECTION_CLOSED:  /* also G_IO_ERROR_BROKEN_PIPE */
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_TIMED_OUT:
        case G_IO_ERROR_PARTIAL_INPUT:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE);
}

/* A failure to connect, send or receive; @error is taken. */
static void
handle_transport_error (GTask    *task,
                        GError   *error,
                        gboolean  in_body)
{
  GError *mapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A 2xx body cut short is an unusable answer; anything else is the
   * network. TLS errors are neither retried nor overridable. */
  mapped = g_error_new (CLOCKIFY_ERROR,
                        in_body ? CLOCKIFY_ERROR_INVALID_RESPONSE : CLOCKIFY_ERROR_NETWORK,
                        in_body ? _("The response was cut short: %s") : "%s",
                        error->message);

  if (is_retryable_transport_error (error))
    retry_or_fail (task, mapped);
  else
    return_error (task, mapped);

  g_error_free (error);
}

static void
finish_response (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  guint status = soup_message_get_status (req->message);
  const char *reason = soup_message_get_reason_phrase (req->message);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *message = NULL;
  GError *error;

  g_byte_array_set_size (req->buffer, req->received);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));
  req->received = 0;

  close_finished_stream (req);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      error = _clockify_error_in_success_body (bytes);
      if (error != NULL)
        {
          return_error (task, error);
          return;
        }

      req->last_page = _clockify_parse_last_page (req->message);
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (status == HTTP_TOO_MANY_REQUESTS)
    {
      ClockifyClient *self = g_task_get_source_object (task);

      _clockify_client_count_rate_limited (self);

      /* On a workspace with a budget a 429 is either the per-second limit
       * (requests that arrived bunched) or the budget spent elsewhere (an
       * earlier run, another program); Clockify does not say which. Once
       * the second has passed, a second 429 means the budget: retrying
       * cannot help before it frees up. */
      if (req->workspace_id != NULL &&
          clockify_throttle_has_workspace_budget (self->throttle, req->workspace_id))
        {
          if (req->rate_limited &&
              (error = clockify_throttle_exhaust_budget (self->throttle, req->workspace_id)) != NULL)
            {
              return_error (task, error);
              return;
            }
          req->rate_limited = TRUE;
          req->min_delay = G_USEC_PER_SEC;
        }
    }

  message = _clockify_dup_error_message (bytes);
  error = _clockify_error_for_status (status, reason, message);
  if (_clockify_status_is_retryable (status))
    retry_or_fail (task, error);
  else
    return_error (task, error);
}

static void
read_more (GTask *task);

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  guint status = soup_message_get_status (req->message);
  GError *error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (n_read < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        abandon_stream (req);
      else
        close_finished_stream (req);
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          handle_transport_error (task, error, TRUE);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
        }
      else
        {
          /* An error status stands even if its body was cut short. */
          g_error_free (error);
          finish_response (task);
        }
      return;
    }

  if (n_read == 0)
    {
      /* libsoup 3.2 reports a connection closed before the announced
       * Content-Length as a normal end of the body. */
      if (req->content_length >= 0 && (goffset) req->received < req->content_length &&
          SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          close_finished_stream (req);
          handle_transport_error (task,
                                  g_error_new (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                               "%" G_GSIZE_FORMAT " of %" G_GOFFSET_FORMAT
                                               " bytes arrived",
                                               req->received, req->content_length),
                                  TRUE);
          return;
        }

      finish_response (task);
      return;
    }

  req->received += n_read;
  if (req->received > req->limit)
    {
      abandon_stream (req);
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          return_new_error (task, CLOCKIFY_ERROR_INVALID_RESPONSE,
                            "The response is too large (more than %" G_GSIZE_FORMAT " bytes)",
                            req->limit);
          return;
        }

      req->received = req->limit;
      finish_response (task);
      return;
    }

  read_more (task);
}

static void
read_more (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  gsize count = MIN ((gsize) READ_CHUNK, req->limit + 1 - req->received);

  g_byte_array_set_size (req->buffer, req->received + count);
  g_input_stream_read_async (req->stream,
                             req->buffer->data + req->received,
                             count,
                             G_PRIORITY_DEFAULT,
                             g_task_get_cancellable (task),
                             on_read,
                             g_object_ref (task));
}

static gint
effective_port (GUri *uri)
{
  gint port = g_uri_get_port (uri);

  if (port > 0)
    return port;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         effective_port (a) == effective_port (b);
}

static void
follow_redirect (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  guint status = soup_message_get_status (req->message);
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location == NULL)
    {
      return_new_error (task, CLOCKIFY_ERROR_SERVER,
                        "HTTP %u redirect without a Location", status);
      return;
    }

  target = g_uri_parse_relative (req->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || g_uri_get_host (target) == NULL)
    {
      return_new_error (task, CLOCKIFY_ERROR_SERVER,
                        "HTTP %u redirect to an invalid location", status);
      return;
    }

  /* The key goes only where the credential says: a redirect elsewhere is
   * refused, and only the origin of the target is named. */
  if (!same_origin (req->uri, target))
    {
      return_new_error (task, CLOCKIFY_ERROR_SERVER,
                        "Refused to follow a redirect to another server, %s://%s:%d",
                        g_uri_get_scheme (target), g_uri_get_host (target),
                        effective_port (target));
      return;
    }

  if (++req->redirects > MAX_REDIRECTS)
    {
      return_new_error (task, CLOCKIFY_ERROR_SERVER, "Too many redirects");
      return;
    }

  if (status == SOUP_STATUS_SEE_OTHER && g_strcmp0 (req->method, "HEAD") != 0)
    {
      g_free (req->method);
      req->method = g_strdup ("GET");
      g_clear_pointer (&req->body, g_bytes_unref);
    }

  g_uri_unref (req->uri);
  req->uri = g_steal_pointer (&target);

  request_reset_attempt (req);
  start_attempt (task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClockifyClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;
  goffset content_length = -1;
  guint status;

  req->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (req->stream == NULL)
    {
      handle_transport_error (task, error, FALSE);
      return;
    }

  status = soup_message_get_status (req->message);
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      follow_redirect (task);
      return;
    }

  headers = soup_message_get_response_headers (req->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    content_length = soup_message_headers_get_content_length (headers);
  req->content_length = content_length;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* GByteArray counts in guint. */
      req->limit = (gsize) MIN (self->max_response_size, (guint64) G_MAXUINT - READ_CHUNK);
      if (content_length > 0 && (guint64) content_length > req->limit)
        {
          abandon_stream (req);
          return_new_error (task, CLOCKIFY_ERROR_INVALID_RESPONSE,
                            "The response is too large (%" G_GOFFSET_FORMAT " bytes, "
                            "more than %" G_GSIZE_FORMAT ")",
                            content_length, req->limit);
          return;
        }
    }
  else
    {
      req->limit = CLOCKIFY_SMALL_BODY_LIMIT;
    }

  if (content_length >= 0)
    req->buffer = g_byte_array_sized_new ((guint) MIN ((gsize) content_length + 1,
                                                       MIN (req->limit + 1, MAX_PREALLOCATION)));
  else
    req->buffer = g_byte_array_sized_new (READ_CHUNK);

  read_more (task);
}

static void
send_message (GTask *task)
{
  ClockifyClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_assert (req->message == NULL);

  req->message = soup_message_new_from_uri (req->method, req->uri);
  /* A retry goes out on a fresh connection: the one that failed or was
   * answered with an error may be the one the server is about to drop.
   * With libsoup 3.2.3, a retry after a 429 on the kept-alive connection,
   * which the server then dropped, crashed inside libsoup in about one run
   * in three of tests/export's fault test; on a fresh connection, none in
   * forty. */
  soup_message_set_flags (req->message,
                          SOUP_MESSAGE_NO_REDIRECT |
                          (req->attempt > 0 ? SOUP_MESSAGE_NEW_CONNECTION : 0));

  headers = soup_message_get_request_headers (req->message);
  soup_message_headers_replace (headers, "X-Api-Key", self->api_key);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (req->message, "application/json", req->body);

  soup_session_send_async (self->session,
                           req->message,
                           G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task),
                           on_sent,
                           g_object_ref (task));
}

static void
on_throttled (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!clockify_throttle_acquire_finish (CLOCKIFY_THROTTLE (source), result, &error))
    {
      return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  send_message (task);
}

static void
start_attempt (GTask *task)
{
  ClockifyClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);

  clockify_throttle_acquire_async (self->throttle,
                                   req->workspace_id,
                                   g_task_get_cancellable (task),
                                   on_throttled,
                                   g_object_ref (task));
}

/* A key pasted with a newline must not become a second header line. */
static gboolean
key_is_sendable (const char *key)
{
  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    {
      if (*p <= ' ' || *p >= 0x7f)
        return FALSE;
    }

  return TRUE;
}

/**
 * clockify_client_send_async:
 * @self: a #ClockifyClient
 * @api: which of the server's APIs @path is under
 * @method: "GET", or "POST" for the reports
 * @path: the path under the API's base, e.g. "/workspaces/ID/tags"
 * @query_pairs: (nullable) (array zero-terminated=1): alternating names and
 *   values, unescaped
 * @json_body: (nullable): a JSON request body
 * @budget_workspace_id: (nullable): the workspace whose request budget the
 *   request counts against; %NULL takes it from a `/workspaces/{ws}/` path
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer is complete
 * @user_data: data for @callback
 *
 * Sends one request through the throttle, with the API key, retrying what
 * may succeed when retried. Meant for reads: a failed attempt is repeated
 * whatever the method.
 */
void
clockify_client_send_async (ClockifyClient      *self,
                            ClockifyApi          api,
                            const char          *method,
                            const char          *path,
                            const char * const  *query_pairs,
                            GBytes              *json_body,
                            const char          *budget_workspace_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  const char *base;
  Request *req;

  g_return_if_fail (CLOCKIFY_IS_CLIENT (self));
  g_return_if_fail (api == CLOCKIFY_API_MAIN || api == CLOCKIFY_API_REPORTS);
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clockify_client_send_async);

  req = g_new0 (Request, 1);
  req->method = g_ascii_strup (method, -1);
  req->endpoint = _clockify_endpoint_name (req->method, path);
  req->body = json_body != NULL ? g_bytes_ref (json_body) : NULL;
  req->workspace_id = budget_workspace_id != NULL ? g_strdup (budget_workspace_id)
                                                  : workspace_of_path (path);
  req->deadline = g_get_monotonic_time () + (gint64) self->max_retry_time * G_USEC_PER_SEC;
  req->last_page = -1;
  g_task_set_task_data (task, req, request_free);

  if (!key_is_sendable (self->api_key))
    {
      return_new_error (task, CLOCKIFY_ERROR_UNAUTHORIZED,
                        "The API key contains spaces or control characters");
      return;
    }

  base = api == CLOCKIFY_API_REPORTS ? clockify_server_get_reports_base (self->server)
                                     : clockify_server_get_api_base (self->server);
  req->uri = build_uri (base, path, query_pairs, &error);
  if (req->uri == NULL)
    {
      return_new_error (task, CLOCKIFY_ERROR_BAD_REQUEST, "Invalid URL: %s", error->message);
      g_error_free (error);
      return;
    }

  start_attempt (task);
}

/**
 * clockify_client_send_finish:
 * @self: a #ClockifyClient
 * @result: the result given to the callback
 * @out_last_page: (out) (optional): 1 or 0 from the `Last-Page` header,
 *   -1 without one
 * @error: return location for a %CLOCKIFY_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the body of a 2xx answer
 */
GBytes *
clockify_client_send_finish (ClockifyClient  *self,
                             GAsyncResult    *result,
                             int             *out_last_page,
                             GError         **error)
{
  Request *req;
  GBytes *bytes;

  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        clockify_client_send_async, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  req = g_task_get_task_data (G_TASK (result));

  if (out_last_page != NULL)
    *out_last_page = bytes != NULL ? req->last_page : -1;

  return bytes;
}
