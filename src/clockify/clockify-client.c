/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-client"

#include "config.h"

#include "clockify-client-private.h"

#include <string.h>

#include "clockify-error.h"
#include "clockify-workspace.h"

/*
 * ClockifyClient: the typed face of the Clockify API for one key. The
 * request machinery (throttle, retries, redirects, size cap) is in
 * clockify-request.c, the meaning of answers in clockify-response.c, pages
 * of queries in clockify-page.c, list_all() in clockify-pager.c.
 */

#define DEFAULT_TIMEOUT            30
#define DEFAULT_MAX_RETRIES        5
#define DEFAULT_MAX_RETRY_TIME     120
#define DEFAULT_RETRY_BASE_DELAY   500
#define DEFAULT_MAX_RESPONSE_SIZE  (G_GUINT64_CONSTANT (100) * 1024 * 1024)
#define DEFAULT_BUDGET_WINDOW      3600
#define MAX_CONNECTIONS            32

G_DEFINE_FINAL_TYPE (ClockifyClient, clockify_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER,
  PROP_RATE,
  PROP_BURST,
  PROP_FREE_PLAN_BUDGET,
  PROP_BUDGET_WINDOW,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  PROP_MAX_RETRY_TIME,
  PROP_MAX_RESPONSE_SIZE,
  PROP_RETRY_BASE_DELAY,
  PROP_N_RATE_LIMITED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
clockify_client_constructed (GObject *object)
{
  ClockifyClient *self = CLOCKIFY_CLIENT (object);

  G_OBJECT_CLASS (clockify_client_parent_class)->constructed (object);

  if (self->server == NULL)
    self->server = clockify_server_new_global ();

  /* The throttle decides when a request starts; libsoup must then send it
   * at once. Its default of two connections per host would queue released
   * requests and deliver them to Clockify later and bunched, into a second
   * that already holds its ten. */
  self->session = soup_session_new_with_options ("user-agent", "timecard/" VERSION " ",
                                                 "timeout", self->timeout,
                                                 "max-conns", MAX_CONNECTIONS,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 NULL);

  /* A proxy from the environment must not see loopback traffic (a test
   * server, a self-hosted instance on this machine). */
  if (is_loopback_url (clockify_server_get_api_base (self->server)) &&
      is_loopback_url (clockify_server_get_reports_base (self->server)))
    soup_session_set_proxy_resolver (self->session, NULL);
}

static void
clockify_client_dispose (GObject *object)
{
  ClockifyClient *self = CLOCKIFY_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->throttle);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (clockify_client_parent_class)->dispose (object);
}

static void
clockify_client_finalize (GObject *object)
{
  ClockifyClient *self = CLOCKIFY_CLIENT (object);

  if (self->api_key != NULL)
    {
      explicit_bzero (self->api_key, strlen (self->api_key));
      g_clear_pointer (&self->api_key, g_free);
    }

  G_OBJECT_CLASS (clockify_client_parent_class)->finalize (object);
}

static void
apply_rate (ClockifyClient *self)
{
  if (self->throttle != NULL)
    clockify_throttle_set_rate (self->throttle, self->rate, self->burst);
}

static void
clockify_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ClockifyClient *self = CLOCKIFY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_BURST:
      g_value_set_uint (value, self->burst);
      break;
    case PROP_FREE_PLAN_BUDGET:
      g_value_set_uint (value, self->free_plan_budget);
      break;
    case PROP_BUDGET_WINDOW:
      g_value_set_uint (value, self->budget_window);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;
    case PROP_MAX_RETRY_TIME:
      g_value_set_uint (value, self->max_retry_time);
      break;
    case PROP_MAX_RESPONSE_SIZE:
      g_value_set_uint64 (value, self->max_response_size);
      break;
    case PROP_RETRY_BASE_DELAY:
      g_value_set_uint (value, self->retry_base_delay);
      break;
    case PROP_N_RATE_LIMITED:
      g_value_set_uint (value, self->n_rate_limited);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_uint (ClockifyClient *self,
          guint          *field,
          guint           value,
          int             prop_id)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);

  return TRUE;
}

static void
clockify_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ClockifyClient *self = CLOCKIFY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SERVER:
      self->server = g_value_dup_object (value);
      break;
    case PROP_RATE:
      if (self->rate != g_value_get_double (value))
        {
          self->rate = g_value_get_double (value);
          apply_rate (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_BURST:
      if (set_uint (self, &self->burst, g_value_get_uint (value), PROP_BURST))
        apply_rate (self);
      break;
    case PROP_FREE_PLAN_BUDGET:
      set_uint (self, &self->free_plan_budget, g_value_get_uint (value), PROP_FREE_PLAN_BUDGET);
      break;
    case PROP_BUDGET_WINDOW:
      set_uint (self, &self->budget_window, g_value_get_uint (value), PROP_BUDGET_WINDOW);
      break;
    case PROP_TIMEOUT:
      if (set_uint (self, &self->timeout, g_value_get_uint (value), PROP_TIMEOUT) &&
          self->session != NULL)
        g_object_set (self->session, "timeout", self->timeout, NULL);
      break;
    case PROP_MAX_RETRIES:
      set_uint (self, &self->max_retries, g_value_get_uint (value), PROP_MAX_RETRIES);
      break;
    case PROP_MAX_RETRY_TIME:
      set_uint (self, &self->max_retry_time, g_value_get_uint (value), PROP_MAX_RETRY_TIME);
      break;
    case PROP_MAX_RESPONSE_SIZE:
      if (self->max_response_size != g_value_get_uint64 (value))
        {
          self->max_response_size = g_value_get_uint64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RETRY_BASE_DELAY:
      set_uint (self, &self->retry_base_delay, g_value_get_uint (value), PROP_RETRY_BASE_DELAY);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_client_class_init (ClockifyClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = clockify_client_constructed;
  object_class->dispose = clockify_client_dispose;
  object_class->finalize = clockify_client_finalize;
  object_class->get_property = clockify_client_get_property;
  object_class->set_property = clockify_client_set_property;

  /**
   * ClockifyClient:server:
   *
   * Where the requests go.
   */
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, CLOCKIFY_TYPE_SERVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:rate:
   *
   * Requests per second allowed for the key (shared by every client of the
   * key).
   */
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, 0.001, 10000.0, CLOCKIFY_THROTTLE_DEFAULT_RATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:burst:
   *
   * Requests the key may send at once after a pause.
   */
  properties[PROP_BURST] =
    g_param_spec_uint ("burst", NULL, NULL, 1, G_MAXUINT, CLOCKIFY_THROTTLE_DEFAULT_BURST,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:free-plan-budget:
   *
   * Requests per #ClockifyClient:budget-window given to each workspace on
   * the Free plan that clockify_client_list_workspaces_async() (or a
   * workspace query) reports; 0 for none.
   */
  properties[PROP_FREE_PLAN_BUDGET] =
    g_param_spec_uint ("free-plan-budget", NULL, NULL, 0, G_MAXUINT,
                       CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:budget-window:
   *
   * The sliding window of workspace budgets, in seconds (an hour).
   */
  properties[PROP_BUDGET_WINDOW] =
    g_param_spec_uint ("budget-window", NULL, NULL, 1, G_MAXUINT, DEFAULT_BUDGET_WINDOW,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:timeout:
   *
   * Seconds a connection may stay silent before the attempt fails.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:max-retries:
   *
   * Attempts after the first for a failure that may go away.
   */
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 100, DEFAULT_MAX_RETRIES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:max-retry-time:
   *
   * Seconds after a request's start beyond which no retry is waited for.
   */
  properties[PROP_MAX_RETRY_TIME] =
    g_param_spec_uint ("max-retry-time", NULL, NULL, 0, G_MAXUINT, DEFAULT_MAX_RETRY_TIME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:max-response-size:
   *
   * The largest answer accepted, in bytes.
   */
  properties[PROP_MAX_RESPONSE_SIZE] =
    g_param_spec_uint64 ("max-response-size", NULL, NULL, 1, G_MAXUINT64,
                         DEFAULT_MAX_RESPONSE_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:retry-base-delay:
   *
   * The first backoff's upper bound in milliseconds; it doubles per retry.
   */
  properties[PROP_RETRY_BASE_DELAY] =
    g_param_spec_uint ("retry-base-delay", NULL, NULL, 0, 60000, DEFAULT_RETRY_BASE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ClockifyClient:n-rate-limited:
   *
   * How many times Clockify answered 429 Too Many Requests to this client,
   * retried or not: with the throttle working, zero.
   */
  properties[PROP_N_RATE_LIMITED] =
    g_param_spec_uint ("n-rate-limited", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_client_init (ClockifyClient *self)
{
  self->rate = CLOCKIFY_THROTTLE_DEFAULT_RATE;
  self->burst = CLOCKIFY_THROTTLE_DEFAULT_BURST;
  self->free_plan_budget = CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS;
  self->budget_window = DEFAULT_BUDGET_WINDOW;
  self->timeout = DEFAULT_TIMEOUT;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->max_retry_time = DEFAULT_MAX_RETRY_TIME;
  self->max_response_size = DEFAULT_MAX_RESPONSE_SIZE;
  self->retry_base_delay = DEFAULT_RETRY_BASE_DELAY;
}

/**
 * clockify_client_new:
 * @server: where the requests go
 * @api_key: the key; the client keeps a copy in memory only
 *
 * Returns: (transfer full): a new #ClockifyClient
 */
ClockifyClient *
clockify_client_new (ClockifyServer *server,
                     const char     *api_key)
{
  ClockifyClient *self;

  g_return_val_if_fail (CLOCKIFY_IS_SERVER (server), NULL);
  g_return_val_if_fail (api_key != NULL && *api_key != '\0', NULL);

  self = g_object_new (CLOCKIFY_TYPE_CLIENT, "server", server, NULL);
  self->api_key = g_strdup (api_key);
  self->throttle = clockify_throttle_get_for_key (api_key);
  apply_rate (self);

  return self;
}

/**
 * clockify_client_get_server:
 * @self: a #ClockifyClient
 *
 * Returns: (transfer none): the server
 */
ClockifyServer *
clockify_client_get_server (ClockifyClient *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);

  return self->server;
}

/**
 * clockify_client_get_throttle:
 * @self: a #ClockifyClient
 *
 * Returns: (transfer none): the key's throttle, shared by its clients
 */
ClockifyThrottle *
clockify_client_get_throttle (ClockifyClient *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);

  return self->throttle;
}

/**
 * clockify_client_set_workspace_budget:
 * @self: a #ClockifyClient
 * @workspace_id: a workspace
 * @requests_per_hour: requests per #ClockifyClient:budget-window (an hour
 *   by default); 0 removes the budget
 *
 * Limits the requests under `/workspaces/{workspace_id}/`. Budgets belong
 * to the key's throttle, so every client of the key honours them.
 */
void
clockify_client_set_workspace_budget (ClockifyClient *self,
                                      const char     *workspace_id,
                                      guint           requests_per_hour)
{
  g_return_if_fail (CLOCKIFY_IS_CLIENT (self));
  g_return_if_fail (workspace_id != NULL);

  clockify_throttle_set_workspace_budget (self->throttle, workspace_id, requests_per_hour,
                                          (gint64) self->budget_window * G_USEC_PER_SEC);
}

void
_clockify_client_saw_workspaces (ClockifyClient *self,
                                 GPtrArray      *workspaces)
{
  if (self->free_plan_budget == 0)
    return;

  for (guint i = 0; i < workspaces->len; i++)
    {
      ClockifyWorkspace *workspace = g_ptr_array_index (workspaces, i);
      const char *id = clockify_workspace_get_id (workspace);

      if (clockify_workspace_is_free_plan (workspace) &&
          !clockify_throttle_has_workspace_budget (self->throttle, id))
        clockify_client_set_workspace_budget (self, id, self->free_plan_budget);
    }
}

static void
on_current_user_sent (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ClockifyUser) user = NULL;
  GError *error = NULL;

  bytes = clockify_client_send_finish (CLOCKIFY_CLIENT (source), result, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if ((root = _clockify_parse_json (bytes, &error)) != NULL)
    user = clockify_user_new_from_json (root, &error);

  if (user == NULL)
    {
      _clockify_prefix_error (&error, "GET /user");
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
}

/**
 * clockify_client_get_current_user_async:
 * @self: a #ClockifyClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Asks who the key belongs to (`GET /user`); the way to check a key.
 */
void
clockify_client_get_current_user_async (ClockifyClient      *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CLOCKIFY_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clockify_client_get_current_user_async);

  clockify_client_send_async (self, CLOCKIFY_API_MAIN, "GET", "/user", NULL, NULL, NULL,
                              cancellable, on_current_user_sent, g_steal_pointer (&task));
}

/**
 * clockify_client_get_current_user_finish:
 * @self: a #ClockifyClient
 * @result: the result given to the callback
 * @error: return location for a %CLOCKIFY_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the key's user
 */
ClockifyUser *
clockify_client_get_current_user_finish (ClockifyClient  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        clockify_client_get_current_user_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_workspaces_listed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GPtrArray *workspaces;
  GError *error = NULL;

  workspaces = clockify_client_list_all_finish (CLOCKIFY_CLIENT (source), result, &error);
  if (workspaces == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspaces, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * clockify_client_list_workspaces_async:
 * @self: a #ClockifyClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the workspaces
 * @user_data: data for @callback
 *
 * Lists the key's workspaces. Those on the Free plan get the client's
 * #ClockifyClient:free-plan-budget.
 */
void
clockify_client_list_workspaces_async (ClockifyClient      *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ClockifyQuery) query = NULL;

  g_return_if_fail (CLOCKIFY_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, clockify_client_list_workspaces_async);

  query = clockify_query_new (CLOCKIFY_LIST_WORKSPACES, NULL);
  clockify_client_list_all_async (self, query, NULL, NULL, NULL, cancellable,
                                  on_workspaces_listed, g_steal_pointer (&task));
}

/**
 * clockify_client_list_workspaces_finish:
 * @self: a #ClockifyClient
 * @result: the result given to the callback
 * @error: return location for a %CLOCKIFY_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type ClockifyWorkspace): the
 *   workspaces
 */
GPtrArray *
clockify_client_list_workspaces_finish (ClockifyClient  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        clockify_client_list_workspaces_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_clockify_client_count_rate_limited (ClockifyClient *self)
{
  g_assert (CLOCKIFY_IS_CLIENT (self));

  self->n_rate_limited++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RATE_LIMITED]);
}
