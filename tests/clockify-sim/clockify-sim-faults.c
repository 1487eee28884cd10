/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fault injection: configured faults, matching them to requests, and
 * sending their answers (or none) from the server thread.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <string.h>
#include <sys/socket.h>

#define HUGE_CHUNK_SIZE (64 * 1024)

typedef struct
{
  ClockifySimFault fault;         /* owns its strings */
  guint seen;
  guint applied;
} FaultEntry;

struct _SimFaults
{
  GPtrArray *entries;             /* FaultEntry * */
};

static void
fault_copy (ClockifySimFault       *dest,
            const ClockifySimFault *src)
{
  *dest = *src;
  dest->path_substring = g_strdup (src->path_substring);
  dest->method = g_strdup (src->method);
  dest->retry_after = g_strdup (src->retry_after);
  dest->body = g_strdup (src->body);
  dest->location = g_strdup (src->location);
}

static void
fault_clear (ClockifySimFault *fault)
{
  g_free ((char *) fault->path_substring);
  g_free ((char *) fault->method);
  g_free ((char *) fault->retry_after);
  g_free ((char *) fault->body);
  g_free ((char *) fault->location);
}

static void
fault_entry_free (gpointer data)
{
  FaultEntry *entry = data;

  fault_clear (&entry->fault);
  g_free (entry);
}

void
_sim_fault_free (ClockifySimFault *fault)
{
  if (fault == NULL)
    return;
  fault_clear (fault);
  g_free (fault);
}

SimFaults *
_sim_faults_new (void)
{
  SimFaults *faults = g_new0 (SimFaults, 1);

  faults->entries = g_ptr_array_new_with_free_func (fault_entry_free);
  return faults;
}

void
_sim_faults_free (SimFaults *faults)
{
  if (faults == NULL)
    return;
  g_ptr_array_unref (faults->entries);
  g_free (faults);
}

void
_sim_faults_add (SimFaults              *faults,
                 const ClockifySimFault *fault)
{
  FaultEntry *entry = g_new0 (FaultEntry, 1);

  fault_copy (&entry->fault, fault);
  g_ptr_array_add (faults->entries, entry);
}

void
_sim_faults_clear (SimFaults *faults)
{
  g_ptr_array_set_size (faults->entries, 0);
}

ClockifySimFault *
_sim_faults_match (SimFaults  *faults,
                   const char *method,
                   const char *path)
{
  for (guint i = 0; i < faults->entries->len; i++)
    {
      FaultEntry *entry = g_ptr_array_index (faults->entries, i);
      const ClockifySimFault *f = &entry->fault;
      ClockifySimFault *copy;

      if (f->path_substring != NULL && strstr (path, f->path_substring) == NULL)
        continue;
      if (f->method != NULL && g_ascii_strcasecmp (f->method, method) != 0)
        continue;
      if (entry->seen++ < f->skip)
        continue;
      if (f->count != 0 && entry->applied >= f->count)
        continue;

      entry->applied++;
      copy = g_new0 (ClockifySimFault, 1);
      fault_copy (copy, f);
      return copy;
    }
  return NULL;
}

const char *
_sim_fault_kind_name (ClockifySimFaultKind kind)
{
  static const char * const names[] = {
    "status", "drop", "delay", "truncate", "error-in-200", "redirect", "huge",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), "status");
  return names[kind];
}

/* Sending ---------------------------------------------------------------- */

/* libsoup 3.2 has no phrase for 429. */
static const char *
status_phrase (guint status)
{
  return status == 429 ? "Too Many Requests" : soup_status_get_phrase (status);
}

void
_sim_response_send (SoupServerMessage *msg,
                    SimResponse       *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gsize len = response->body != NULL ? response->body->len : 0;
  char *body = response->body != NULL ? g_string_free (response->body, FALSE) : g_strdup ("");

  response->body = NULL;
  soup_server_message_set_status (msg, response->status, status_phrase (response->status));
  if (response->last_page >= 0)
    soup_message_headers_replace (headers, "Last-Page", response->last_page ? "true" : "false");
  if (response->retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", response->retry_after);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, len);
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

/* Announces the whole body, sends half of it, and hangs up. */
static void
send_cut (SoupServerMessage *msg,
          SimResponse       *response)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autofree char *head = NULL;
  GOutputStream *output;

  if (stream == NULL)
    return;
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "Connection: close\r\n\r\n",
                          response->body->len);
  output = g_io_stream_get_output_stream (stream);
  if (g_output_stream_write_all (output, head, strlen (head), NULL, NULL, NULL))
    g_output_stream_write_all (output, response->body->str, response->body->len / 2, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

typedef struct
{
  gsize remaining;
  guint64 next_id;
} HugeState;

static void
huge_next_chunk (SoupServerMessage *msg,
                 gpointer           user_data)
{
  HugeState *state = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  GString *chunk;

  if (state->remaining == 0)
    {
      soup_message_body_complete (body);
      return;
    }

  chunk = g_string_sized_new (HUGE_CHUNK_SIZE + 256);
  while (chunk->len < HUGE_CHUNK_SIZE && state->remaining > 0)
    {
      gsize before = chunk->len;

      if (state->next_id > 0)
        g_string_append_c (chunk, ',');
      g_string_append_printf (chunk, "{\"id\":\"%024" G_GINT64_MODIFIER "x\",\"description\":\"", state->next_id++);
      for (guint i = 0; i < 900; i++)
        g_string_append_c (chunk, 'a' + i % 26);
      g_string_append (chunk, "\"}");
      state->remaining -= MIN (state->remaining, chunk->len - before);
    }
  if (state->remaining == 0)
    g_string_append_c (chunk, ']');
  soup_message_body_append_take (body, (guchar *) chunk->str, chunk->len);
  g_string_free (chunk, FALSE);
}

static void
send_huge (SoupServerMessage *msg,
           gsize              size)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  HugeState *state = g_new0 (HugeState, 1);

  state->remaining = MAX (size, 2);
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_set_accumulate (body, FALSE);
  /* Each chunk is queued when the previous one was written, so at most
   * one chunk is held at a time. */
  g_signal_connect_data (msg, "wrote-chunk", G_CALLBACK (huge_next_chunk), state,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
  state->remaining--;
}

/* A delayed answer. While the message is paused libsoup does not read the
 * socket, so a watch notices a client that gives up (EOF) and marks the
 * request aborted in the log. */
typedef struct
{
  ClockifySim *self;
  SoupServerMessage *msg;
  GSource *watch;
} Delay;

static void
delay_free (gpointer data)
{
  Delay *delay = data;

  if (delay->watch != NULL)
    {
      g_source_destroy (delay->watch);
      g_source_unref (delay->watch);
    }
  g_object_unref (delay->msg);
  g_free (delay);
}

static gboolean
delay_watch_cb (GSocket      *socket,
                GIOCondition  condition,
                gpointer      user_data)
{
  Delay *delay = user_data;
  gboolean gone = (condition & (G_IO_HUP | G_IO_ERR | G_IO_NVAL)) != 0;

  if (!gone)
    {
      char c;

      gone = recv (g_socket_get_fd (socket), &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
    }
  if (gone)
    _clockify_sim_request_done (delay->self, delay->msg, FALSE);
  /* Either way, stop watching: pipelined data would wake us forever. */
  return G_SOURCE_REMOVE;
}

static gboolean
unpause_cb (gpointer user_data)
{
  Delay *delay = user_data;

  soup_server_message_unpause (delay->msg);
  return G_SOURCE_REMOVE;
}

static void
send_delayed (ClockifySim       *self,
              SoupServerMessage *msg,
              guint              delay_ms,
              SimResponse       *response)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  GSource *timeout = g_timeout_source_new (delay_ms);
  Delay *delay = g_new0 (Delay, 1);

  delay->self = self;
  delay->msg = g_object_ref (msg);
  if (socket != NULL)
    {
      delay->watch = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
      g_source_set_callback (delay->watch, G_SOURCE_FUNC (delay_watch_cb), delay, NULL);
      g_source_attach (delay->watch, g_main_context_get_thread_default ());
    }

  _sim_response_send (msg, response);
  soup_server_message_pause (msg);
  g_source_set_callback (timeout, unpause_cb, delay, delay_free);
  g_source_attach (timeout, g_main_context_get_thread_default ());
  g_source_unref (timeout);
}

void
_sim_fault_deliver (ClockifySim            *self,
                    SoupServerMessage      *msg,
                    const ClockifySimFault *fault,
                    SimResponse            *response,
                    const char             *path_and_query)
{
  switch (fault->kind)
    {
    case CLOCKIFY_SIM_FAULT_STATUS:
      {
        g_autofree char *body = NULL;
        guint status = fault->status != 0 ? fault->status : 500;

        if (fault->body != NULL)
          body = g_strdup (fault->body);
        else
          body = _sim_json_error (status_phrase (status), status);
        _sim_response_clear (response);
        response->status = status;
        response->body = g_string_new (body);
        response->last_page = -1;
        response->retry_after = g_strdup (fault->retry_after);
        _sim_response_send (msg, response);
      }
      break;

    case CLOCKIFY_SIM_FAULT_DROP:
      drop_connection (msg);
      break;

    case CLOCKIFY_SIM_FAULT_DELAY:
      send_delayed (self, msg, fault->delay_ms, response);
      break;

    case CLOCKIFY_SIM_FAULT_TRUNCATE:
      if (fault->cut_connection)
        send_cut (msg, response);
      else
        {
          g_string_truncate (response->body, response->body->len / 2);
          _sim_response_send (msg, response);
        }
      break;

    case CLOCKIFY_SIM_FAULT_ERROR_IN_200:
      _sim_response_clear (response);
      response->status = 200;
      response->last_page = -1;
      if (fault->body != NULL)
        response->body = g_string_new (fault->body);
      else
        response->body = g_string_new ("{\"code\":501,\"message\":\"Simulated error inside an HTTP 200 answer\"}");
      _sim_response_send (msg, response);
      break;

    case CLOCKIFY_SIM_FAULT_REDIRECT:
      {
        g_autofree char *target = g_strconcat (fault->location != NULL ? fault->location : "", path_and_query, NULL);

        soup_server_message_set_redirect (msg, fault->status != 0 ? fault->status : 302, target);
      }
      break;

    case CLOCKIFY_SIM_FAULT_HUGE:
      send_huge (msg, fault->huge_size);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* --faults ---------------------------------------------------------------- */

static gboolean
parse_kind (const char           *name,
            ClockifySimFaultKind *kind)
{
  for (guint k = CLOCKIFY_SIM_FAULT_STATUS; k <= CLOCKIFY_SIM_FAULT_HUGE; k++)
    if (strcmp (name, _sim_fault_kind_name (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

gboolean
_sim_fault_parse (const char        *spec,
                  ClockifySimFault  *fault,
                  GStrv             *strings,
                  GError           **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ",", -1);
  g_autoptr(GStrvBuilder) owned = g_strv_builder_new ();

  memset (fault, 0, sizeof *fault);
  if (parts[0] == NULL || !parse_kind (g_strstrip (parts[0]), &fault->kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Unknown fault kind in “%s”", spec);
      return FALSE;
    }

  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');
      const char *name = parts[i], *value;
      guint64 number = 0;
      gboolean ok = TRUE;

      if (eq == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Expected key=value in “%s”", parts[i]);
          return FALSE;
        }
      *eq = '\0';
      value = eq + 1;

      if (strcmp (name, "path") == 0 || strcmp (name, "method") == 0 ||
          strcmp (name, "retry-after") == 0 || strcmp (name, "body") == 0 ||
          strcmp (name, "location") == 0)
        {
          g_strv_builder_add (owned, value);
        }
      else if (strcmp (name, "skip") == 0 || strcmp (name, "count") == 0 ||
               strcmp (name, "status") == 0 || strcmp (name, "ms") == 0 ||
               strcmp (name, "cut") == 0)
        ok = parse_uint (value, G_MAXUINT, &number);
      else if (strcmp (name, "size") == 0)
        ok = parse_uint (value, G_MAXSIZE, &number);
      else
        ok = FALSE;

      if (!ok)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Bad fault option “%s=%s”", name, value);
          return FALSE;
        }

      if (strcmp (name, "skip") == 0)
        fault->skip = number;
      else if (strcmp (name, "count") == 0)
        fault->count = number;
      else if (strcmp (name, "status") == 0)
        fault->status = number;
      else if (strcmp (name, "ms") == 0)
        fault->delay_ms = number;
      else if (strcmp (name, "cut") == 0)
        fault->cut_connection = number != 0;
      else if (strcmp (name, "size") == 0)
        fault->huge_size = number;
    }

  /* Point the string options at one owned vector, in the order added. */
  *strings = g_strv_builder_end (owned);
  for (guint i = 1, s = 0; parts[i] != NULL; i++)
    {
      const char *name = parts[i];

      if (strcmp (name, "path") == 0)
        fault->path_substring = (*strings)[s++];
      else if (strcmp (name, "method") == 0)
        fault->method = (*strings)[s++];
      else if (strcmp (name, "retry-after") == 0)
        fault->retry_after = (*strings)[s++];
      else if (strcmp (name, "body") == 0)
        fault->body = (*strings)[s++];
      else if (strcmp (name, "location") == 0)
        fault->location = (*strings)[s++];
    }
  return TRUE;
}
