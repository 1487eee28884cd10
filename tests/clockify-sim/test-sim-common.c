/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-clockify-sim"

#include "config.h"

#include "test-sim-common.h"

#include <string.h>

void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_error (&reply->error);
}

SoupSession *
new_session (void)
{
  /* No proxy for loopback, and a timeout: libsoup 3 has none by default. */
  return g_object_new (SOUP_TYPE_SESSION, "proxy-resolver", NULL, "timeout", 10, NULL);
}

const char *
body_text (Reply *reply)
{
  return reply->body != NULL ? g_bytes_get_data (reply->body, NULL) : NULL;
}

void
fetch (SoupSession *session,
       const char  *method,
       const char  *url,
       const char  *key,
       const char  *json_body,
       Reply       *reply)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Api-Key", key);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }

  reply_clear (reply);
  bytes = soup_session_send_and_read (session, msg, NULL, &reply->error);
  if (bytes != NULL)
    {
      /* NUL-terminated, for the string checks. */
      gsize size = g_bytes_get_size (bytes);
      char *text = g_malloc (size + 1);

      if (size > 0)
        memcpy (text, g_bytes_get_data (bytes, NULL), size);
      text[size] = '\0';
      reply->body = g_bytes_new_take (text, size);
    }
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
}

void
get (SoupSession *session,
     ClockifySim *sim,
     const char  *key,
     Reply       *reply,
     const char  *path_format,
     ...)
{
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  url = g_strconcat (clockify_sim_get_base_url (sim), path, NULL);
  fetch (session, "GET", url, key, NULL, reply);
}

JsonNode *
parse (Reply *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->body);
  json_parser_load_from_data (parser, body_text (reply), g_bytes_get_size (reply->body), &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

char *
to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

ClockifySim *
start_sim (const ClockifySimOptions *options)
{
  g_autoptr(GError) error = NULL;
  ClockifySim *sim = clockify_sim_new (options);

  clockify_sim_start (sim, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (clockify_sim_get_base_url (sim), "http://127.0.0.1:"));
  return sim;
}

const char *
owner_key (ClockifySim *sim)
{
  return clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER);
}

const char *
paid_ws (ClockifySim *sim)
{
  return clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
}
