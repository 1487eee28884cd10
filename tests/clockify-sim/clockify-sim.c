/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ClockifySim: the object, its server thread, the request pipeline and the
 * thread-safe public API. One mutex guards the data set, the limits, the
 * faults and the log; the server thread holds it while it computes an
 * answer and releases it before sending.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim.h"
#include "clockify-sim-private.h"

#include <string.h>

/* libsoup 3.2 never frees the GSocket of an accepted connection. Tell
 * LeakSanitizer, so that no test using the simulator is reported for it. */
#if defined(__SANITIZE_ADDRESS__)
# define SIM_HAVE_LSAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SIM_HAVE_LSAN 1
# endif
#endif
#ifdef SIM_HAVE_LSAN
# include <sanitizer/lsan_interface.h>
# define sim_lsan_ignore(p) __lsan_ignore_object (p)
#else
# define sim_lsan_ignore(p) ((void) (p))
#endif

struct _ClockifySim
{
  GObject parent_instance;

  GMutex mutex;
  SimWorld *world;
  SimLimits *limits;
  SimFaults *faults;
  SimLog *log;
  ClockifySimLastPage last_page_mode;
  gboolean spec_spelling;
  guint free_report_max_days;

  /* The server thread. */
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  guint requested_port;
  GCond started_cond;
  gboolean started;
  GError *start_error;
  guint port;
  char *base_url;
};

G_DEFINE_FINAL_TYPE (ClockifySim, clockify_sim, G_TYPE_OBJECT)

static const char * const key_ids[] = { "owner", "member", "unknown" };

void
clockify_sim_options_init_default (ClockifySimOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (ClockifySimOptions) {
    .seed = 1,
    .n_users = 5,
    .n_clients = 4,
    .n_projects = 8,
    .n_tasks_per_project = 3,
    .n_tags = 6,
    .n_user_groups = 2,
    .n_custom_fields = 3,
    .n_time_entries = 300,
    .n_free_time_entries = 40,
    .years = 3,
    .now = CLOCKIFY_SIM_DEFAULT_NOW,
    .report_spec_spelling = FALSE,
  };
}

/* Internal accessors (mutex held) ---------------------------------------- */

SimWorld *
_clockify_sim_get_world (ClockifySim *self)
{
  return self->world;
}

SimLimits *
_clockify_sim_get_limits (ClockifySim *self)
{
  return self->limits;
}

gboolean
_clockify_sim_report_spec_spelling (ClockifySim *self)
{
  return self->spec_spelling;
}

ClockifySimLastPage
_clockify_sim_last_page_mode (ClockifySim *self)
{
  return self->last_page_mode;
}

guint
_clockify_sim_free_report_max_days (ClockifySim *self)
{
  return self->free_report_max_days;
}

/* The request pipeline (server thread) ----------------------------------- */

#define SEQ_KEY "clockify-sim-seq"

static int
key_index (ClockifySim *self,
           const char  *api_key)
{
  if (api_key == NULL)
    return -1;
  for (int k = CLOCKIFY_SIM_KEY_OWNER; k <= CLOCKIFY_SIM_KEY_MEMBER; k++)
    if (strcmp (api_key, self->world->keys[k]) == 0)
      return k;
  return CLOCKIFY_SIM_KEY_UNKNOWN;
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *unused,
                gpointer           user_data)
{
  ClockifySim *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  const char *api_key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                      "X-Api-Key");
  g_autoptr(GBytes) body = NULL;
  g_autofree char *path_and_query = NULL;
  g_autoptr(ClockifySimFault) fault = NULL;
  SimResponse response = { 0, NULL, -1, NULL };
  SimQuery query;
  guint64 seq, *seq_data;
  int key;

  sim_lsan_ignore (soup_server_message_get_socket (msg));
  if (strcmp (method, "POST") == 0)
    body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  path_and_query = raw_query != NULL ? g_strconcat (path, "?", raw_query, NULL) : g_strdup (path);
  _sim_query_init (&query, raw_query);

  g_mutex_lock (&self->mutex);
  key = key_index (self, api_key);
  seq = _sim_log_add (self->log, method, path, raw_query, key < 0 ? "none" : key_ids[key],
                      g_get_monotonic_time (), body);
  fault = _sim_faults_match (self->faults, method, path);
  if (fault == NULL || fault->kind == CLOCKIFY_SIM_FAULT_DELAY || fault->kind == CLOCKIFY_SIM_FAULT_TRUNCATE)
    _clockify_sim_route (self, method, path, &query, body, key, &response);

  if (fault == NULL)
    _sim_log_set_result (self->log, seq, response.status, NULL);
  else
    {
      guint status = response.status;

      switch (fault->kind)
        {
        case CLOCKIFY_SIM_FAULT_STATUS: status = fault->status != 0 ? fault->status : 500; break;
        case CLOCKIFY_SIM_FAULT_DROP: status = 0; break;
        case CLOCKIFY_SIM_FAULT_ERROR_IN_200: status = 200; break;
        case CLOCKIFY_SIM_FAULT_HUGE: status = 200; break;
        case CLOCKIFY_SIM_FAULT_REDIRECT: status = fault->status != 0 ? fault->status : 302; break;
        case CLOCKIFY_SIM_FAULT_DELAY:
        case CLOCKIFY_SIM_FAULT_TRUNCATE:
        default:
          break;
        }
      _sim_log_set_result (self->log, seq, status, _sim_fault_kind_name (fault->kind));
    }
  _sim_log_write_line (self->log, seq, &query);
  g_mutex_unlock (&self->mutex);

  seq_data = g_new (guint64, 1);
  *seq_data = seq;
  g_object_set_data_full (G_OBJECT (msg), SEQ_KEY, seq_data, g_free);

  if (fault != NULL)
    _sim_fault_deliver (self, msg, fault, &response, path_and_query);
  else
    _sim_response_send (msg, &response);

  _sim_response_clear (&response);
  _sim_query_clear (&query);
}

void
_clockify_sim_request_done (ClockifySim       *self,
                            SoupServerMessage *msg,
                            gboolean           finished)
{
  guint64 *seq = g_object_get_data (G_OBJECT (msg), SEQ_KEY);

  if (seq == NULL)
    return;
  g_mutex_lock (&self->mutex);
  if (finished)
    _sim_log_set_finished (self->log, *seq);
  else
    _sim_log_set_aborted (self->log, *seq);
  g_mutex_unlock (&self->mutex);
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  _clockify_sim_request_done (user_data, msg, TRUE);
}

static void
request_aborted_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  _clockify_sim_request_done (user_data, msg, FALSE);
}

/* The server thread ------------------------------------------------------- */

/* Like soup_server_listen_local (..., SOUP_SERVER_LISTEN_IPV4_ONLY), but
 * with our own socket: libsoup 3.2 leaks the listener's address once
 * soup_server_get_uris() or soup_server_listen_local() asked for it. */
static gboolean
listen_loopback (SoupServer  *server,
                 guint        port,
                 guint       *out_port,
                 GError     **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL ||
      !g_socket_bind (socket, address, TRUE, error) ||
      !g_socket_listen (socket, error) ||
      (bound = g_socket_get_local_address (socket, error)) == NULL ||
      !soup_server_listen_socket (server, socket, 0, error))
    return FALSE;

  *out_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  ClockifySim *self = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  guint port = 0;
  gboolean ok;

  g_main_context_push_thread_default (self->context);

  server = soup_server_new ("server-header", "clockify-sim ", NULL);
  soup_server_add_handler (server, NULL, handle_request, self, NULL);
  g_signal_connect (server, "request-finished", G_CALLBACK (request_finished_cb), self);
  g_signal_connect (server, "request-aborted", G_CALLBACK (request_aborted_cb), self);
  ok = listen_loopback (server, self->requested_port, &port, &error);

  g_mutex_lock (&self->mutex);
  if (ok)
    {
      self->port = port;
      self->base_url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
    }
  else
    self->start_error = g_steal_pointer (&error);
  self->started = TRUE;
  g_cond_broadcast (&self->started_cond);
  g_mutex_unlock (&self->mutex);

  if (ok)
    g_main_loop_run (self->loop);

  soup_server_disconnect (server);
  g_clear_object (&server);
  /* Let closing connections and pending delays finish their callbacks. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * clockify_sim_start_on_port:
 * @self: a #ClockifySim
 * @port: a port on 127.0.0.1, 0 for any free one
 * @error: return location for an error
 *
 * Returns: %TRUE once the server listens
 */
gboolean
clockify_sim_start_on_port (ClockifySim  *self,
                            guint         port,
                            GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  if (self->thread != NULL)
    return TRUE;

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->requested_port = port;
  self->started = FALSE;
  self->thread = g_thread_new ("clockify-sim", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->started)
    g_cond_wait (&self->started_cond, &self->mutex);
  ok = self->start_error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->start_error));
  g_mutex_unlock (&self->mutex);

  if (!ok)
    clockify_sim_stop (self);
  return ok;
}

/**
 * clockify_sim_start:
 * @self: a #ClockifySim
 * @error: return location for an error
 *
 * Returns: %TRUE once the server listens on 127.0.0.1 on a free port
 */
gboolean
clockify_sim_start (ClockifySim  *self,
                    GError      **error)
{
  return clockify_sim_start_on_port (self, 0, error);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/**
 * clockify_sim_stop:
 * @self: a #ClockifySim
 *
 * Stops the server and joins its thread.
 */
void
clockify_sim_stop (ClockifySim *self)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  if (self->thread == NULL)
    return;

  /* Quit from inside the loop: a quit before g_main_loop_run() would be lost. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_callback (source, quit_cb, g_main_loop_ref (self->loop),
                           (GDestroyNotify) g_main_loop_unref);
    g_source_attach (source, self->context);
    g_source_unref (source);
  }
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->base_url, g_free);
  self->port = 0;
  g_mutex_unlock (&self->mutex);
}

/* GObject ---------------------------------------------------------------- */

static void
clockify_sim_dispose (GObject *object)
{
  clockify_sim_stop (CLOCKIFY_SIM (object));

  G_OBJECT_CLASS (clockify_sim_parent_class)->dispose (object);
}

static void
clockify_sim_finalize (GObject *object)
{
  ClockifySim *self = CLOCKIFY_SIM (object);

  _sim_world_free (self->world);
  _sim_limits_free (self->limits);
  _sim_faults_free (self->faults);
  _sim_log_free (self->log);
  g_clear_error (&self->start_error);
  g_cond_clear (&self->started_cond);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (clockify_sim_parent_class)->finalize (object);
}

static void
clockify_sim_class_init (ClockifySimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = clockify_sim_dispose;
  object_class->finalize = clockify_sim_finalize;
}

static void
clockify_sim_init (ClockifySim *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->started_cond);
  self->limits = _sim_limits_new ();
  self->faults = _sim_faults_new ();
  self->log = _sim_log_new ();
  self->free_report_max_days = 31;
}

/**
 * clockify_sim_new:
 * @options: (nullable): sizes and seed, or %NULL for the defaults
 *
 * Returns: (transfer full): a new simulator with its data set generated
 */
ClockifySim *
clockify_sim_new (const ClockifySimOptions *options)
{
  ClockifySim *self = g_object_new (CLOCKIFY_TYPE_SIM, NULL);
  ClockifySimOptions defaults;

  if (options == NULL)
    {
      clockify_sim_options_init_default (&defaults);
      options = &defaults;
    }
  self->world = _sim_world_new (options);
  self->spec_spelling = options->report_spec_spelling;
  return self;
}

/* Public accessors -------------------------------------------------------- */

const char *
clockify_sim_get_base_url (ClockifySim *self)
{
  const char *url;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);

  g_mutex_lock (&self->mutex);
  url = self->base_url;
  g_mutex_unlock (&self->mutex);
  return url;
}

guint
clockify_sim_get_port (ClockifySim *self)
{
  guint port;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), 0);

  g_mutex_lock (&self->mutex);
  port = self->port;
  g_mutex_unlock (&self->mutex);
  return port;
}

static char *
dup_url (ClockifySim *self,
         const char  *suffix)
{
  char *url;

  g_mutex_lock (&self->mutex);
  url = self->base_url != NULL ? g_strconcat (self->base_url, suffix, NULL) : NULL;
  g_mutex_unlock (&self->mutex);
  return url;
}

char *
clockify_sim_dup_api_url (ClockifySim *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);
  return dup_url (self, "/api/v1");
}

char *
clockify_sim_dup_reports_url (ClockifySim *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);
  return dup_url (self, "/report/v1");
}

/* The world's strings never change after clockify_sim_new(), so these
 * need no lock and stay valid as long as the simulator. */
const char *
clockify_sim_get_key (ClockifySim    *self,
                      ClockifySimKey  key)
{
  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);
  g_return_val_if_fail (key <= CLOCKIFY_SIM_KEY_UNKNOWN, NULL);
  return self->world->keys[key];
}

const char *
clockify_sim_get_user_id (ClockifySim    *self,
                          ClockifySimKey  key)
{
  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);

  if (key > CLOCKIFY_SIM_KEY_MEMBER)
    return NULL;
  return g_array_index (self->world->users, SimUser, key == CLOCKIFY_SIM_KEY_OWNER ? 0 : 1).id.hex;
}

const char *
clockify_sim_get_workspace_id (ClockifySim          *self,
                               ClockifySimWorkspace  workspace)
{
  SimWorkspace *ws;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);
  g_return_val_if_fail (workspace <= CLOCKIFY_SIM_WORKSPACE_FREE, NULL);

  ws = g_ptr_array_index (self->world->workspaces, workspace);
  return ws->id.hex;
}

gint64
clockify_sim_get_now (ClockifySim *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), 0);
  return self->world->options.now;
}

/* Settings ---------------------------------------------------------------- */

void
clockify_sim_set_rate_limit (ClockifySim *self,
                             guint        per_second)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_limits_set_per_second (self->limits, per_second);
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_set_rate_limit_retry_after (ClockifySim *self,
                                         const char  *retry_after)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_limits_set_retry_after (self->limits, retry_after);
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_set_free_plan_limit (ClockifySim *self,
                                  guint        requests,
                                  gint64       window_usec)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_limits_set_free_plan (self->limits, requests, window_usec);
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_reset_limits (ClockifySim *self)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_limits_reset (self->limits);
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_set_free_report_max_days (ClockifySim *self,
                                       guint        days)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->free_report_max_days = days;
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_set_last_page_header (ClockifySim         *self,
                                   ClockifySimLastPage  mode)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->last_page_mode = mode;
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_set_report_spelling (ClockifySim *self,
                                  gboolean     spec_spelling)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  self->spec_spelling = !!spec_spelling;
  g_mutex_unlock (&self->mutex);
}

/* Faults ------------------------------------------------------------------ */

void
clockify_sim_add_fault (ClockifySim            *self,
                        const ClockifySimFault *fault)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));
  g_return_if_fail (fault != NULL);
  g_return_if_fail (fault->kind <= CLOCKIFY_SIM_FAULT_HUGE);

  g_mutex_lock (&self->mutex);
  _sim_faults_add (self->faults, fault);
  g_mutex_unlock (&self->mutex);
}

gboolean
clockify_sim_add_faults_from_string (ClockifySim  *self,
                                     const char   *spec,
                                     GError      **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) parsed = g_array_new (FALSE, TRUE, sizeof (ClockifySimFault));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  /* All or nothing: parse every fault before adding any. */
  items = g_strsplit (spec, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      ClockifySimFault fault;
      GStrv owned = NULL;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (!_sim_fault_parse (items[i], &fault, &owned, error))
        return FALSE;
      g_array_append_val (parsed, fault);
      g_ptr_array_add (strings, owned);
    }
  for (guint i = 0; i < parsed->len; i++)
    clockify_sim_add_fault (self, &g_array_index (parsed, ClockifySimFault, i));
  return TRUE;
}

void
clockify_sim_clear_faults (ClockifySim *self)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_faults_clear (self->faults);
  g_mutex_unlock (&self->mutex);
}

/* Log --------------------------------------------------------------------- */

GPtrArray *
clockify_sim_dup_log (ClockifySim *self)
{
  GPtrArray *log;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);

  g_mutex_lock (&self->mutex);
  log = _sim_log_dup (self->log);
  g_mutex_unlock (&self->mutex);
  return log;
}

void
clockify_sim_clear_log (ClockifySim *self)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_log_clear (self->log);
  g_mutex_unlock (&self->mutex);
}

void
clockify_sim_set_contract_log (ClockifySim *self,
                               gboolean     enabled)
{
  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  _sim_log_set_file_enabled (self->log, enabled);
  g_mutex_unlock (&self->mutex);
}

guint
clockify_sim_count_requests (ClockifySim *self,
                             const char  *method,
                             const char  *path_substring,
                             int          status)
{
  guint n;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), 0);

  g_mutex_lock (&self->mutex);
  n = _sim_log_count (self->log, method, path_substring, status);
  g_mutex_unlock (&self->mutex);
  return n;
}

guint
clockify_sim_count_requests_not_by_key (ClockifySim *self,
                                        const char  *key_id)
{
  guint n;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), 0);
  g_return_val_if_fail (key_id != NULL, 0);

  g_mutex_lock (&self->mutex);
  n = _sim_log_count_not_by_key (self->log, key_id);
  g_mutex_unlock (&self->mutex);
  return n;
}

/* Data set ---------------------------------------------------------------- */

static JsonNode *
parse_json (GString *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text->str, text->len, &error))
    g_error ("The simulator wrote invalid JSON: %s", error->message);
  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
clockify_sim_dup_entities (ClockifySim *self,
                           const char  *workspace_id,
                           const char  *entity)
{
  g_autoptr(GString) out = g_string_new (NULL);
  SimWorkspace *ws;
  gboolean known = TRUE;
  guint total;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  g_mutex_lock (&self->mutex);
  ws = _sim_world_find_ws (self->world, workspace_id);
  if (strcmp (entity, "workspaces") == 0)
    _sim_write_workspaces (self->world, -1, out, &total);
  else if (ws == NULL)
    known = FALSE;
  else if (strcmp (entity, "time-entries") == 0)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < ws->entries->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          _sim_json_time_entry (out, self->world, ws, &g_array_index (ws->entries, SimEntry, i), FALSE);
        }
      g_string_append_c (out, ']');
    }
  else if (strcmp (entity, "custom-fields") == 0 && !ws->custom_fields_allowed)
    known = FALSE;
  else
    known = _sim_write_entity_list (self->world, ws, entity, -1, 0, G_MAXUINT, out, &total);
  g_mutex_unlock (&self->mutex);

  return known ? parse_json (out) : NULL;
}

JsonNode *
clockify_sim_dup_user_time_entries (ClockifySim *self,
                                    const char  *workspace_id,
                                    const char  *user_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  SimWorkspace *ws;
  int user;
  guint total;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), NULL);

  g_mutex_lock (&self->mutex);
  ws = _sim_world_find_ws (self->world, workspace_id);
  user = _sim_world_find_user (self->world, user_id);
  if (ws != NULL && user >= 0 && _sim_ws_has_member (ws, user))
    _sim_write_user_entries (self->world, ws, user, NULL, 0, G_MAXUINT, out, &total);
  else
    ws = NULL;
  g_mutex_unlock (&self->mutex);

  return ws != NULL ? parse_json (out) : NULL;
}

guint
clockify_sim_count_time_entries (ClockifySim *self,
                                 const char  *workspace_id)
{
  SimWorkspace *ws;
  guint n = 0;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), 0);

  g_mutex_lock (&self->mutex);
  ws = _sim_world_find_ws (self->world, workspace_id);
  if (ws != NULL)
    n = ws->entries->len;
  g_mutex_unlock (&self->mutex);
  return n;
}

gboolean
clockify_sim_delete_time_entry (ClockifySim *self,
                                const char  *workspace_id,
                                const char  *entry_id)
{
  SimWorkspace *ws;
  gboolean found = FALSE;

  g_return_val_if_fail (CLOCKIFY_IS_SIM (self), FALSE);

  g_mutex_lock (&self->mutex);
  ws = _sim_world_find_ws (self->world, workspace_id);
  if (ws != NULL)
    found = _sim_ws_delete_entry (self->world, ws, entry_id);
  g_mutex_unlock (&self->mutex);

  return found;
}

void
clockify_sim_mutate_time_entries (ClockifySim *self,
                                  const char  *workspace_id,
                                  guint        n_edit,
                                  guint        n_add,
                                  guint        n_delete,
                                  guint        seed)
{
  SimWorkspace *ws;

  g_return_if_fail (CLOCKIFY_IS_SIM (self));

  g_mutex_lock (&self->mutex);
  ws = _sim_world_find_ws (self->world, workspace_id);
  if (ws != NULL)
    _sim_ws_mutate (self->world, ws, n_edit, n_add, n_delete, seed);
  g_mutex_unlock (&self->mutex);
  g_return_if_fail (ws != NULL);
}
