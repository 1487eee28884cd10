/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The request log, and its copy as JSON lines in TIMECARD_SIM_LOG_DIR for
 * the contract test. Keys are never recorded: only which key it was.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

ClockifySimRequest *
clockify_sim_request_copy (const ClockifySimRequest *request)
{
  ClockifySimRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (ClockifySimRequest, 1);
  *copy = *request;
  copy->method = g_strdup (request->method);
  copy->path = g_strdup (request->path);
  copy->query = g_strdup (request->query);
  copy->key_id = g_strdup (request->key_id);
  copy->body = g_strdup (request->body);
  copy->fault = g_strdup (request->fault);
  return copy;
}

void
clockify_sim_request_free (ClockifySimRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->key_id);
  g_free (request->body);
  g_free (request->fault);
  g_free (request);
}

G_DEFINE_BOXED_TYPE (ClockifySimRequest, clockify_sim_request,
                     clockify_sim_request_copy, clockify_sim_request_free)

struct _SimLog
{
  GPtrArray *records;             /* ClockifySimRequest * */
  guint64 base_seq;               /* sequence number of records[0] */
  FILE *file;
  gboolean file_failed;
  gboolean file_disabled;
};

SimLog *
_sim_log_new (void)
{
  SimLog *log = g_new0 (SimLog, 1);

  log->records = g_ptr_array_new_with_free_func ((GDestroyNotify) clockify_sim_request_free);
  return log;
}

void
_sim_log_free (SimLog *log)
{
  if (log == NULL)
    return;
  g_ptr_array_unref (log->records);
  if (log->file != NULL)
    fclose (log->file);
  g_free (log);
}

guint64
_sim_log_add (SimLog     *log,
              const char *method,
              const char *path,
              const char *query,
              const char *key_id,
              gint64      time_us,
              GBytes     *body)
{
  ClockifySimRequest *request = g_new0 (ClockifySimRequest, 1);

  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->query = g_strdup (query);
  request->key_id = g_strdup (key_id);
  request->time_us = time_us;
  if (body != NULL && g_bytes_get_size (body) > 0)
    request->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_ptr_array_add (log->records, request);
  return log->base_seq + log->records->len - 1;
}

static ClockifySimRequest *
lookup (SimLog  *log,
        guint64  seq)
{
  /* Gone if the log was cleared since. */
  if (seq < log->base_seq || seq - log->base_seq >= log->records->len)
    return NULL;
  return g_ptr_array_index (log->records, seq - log->base_seq);
}

void
_sim_log_set_result (SimLog     *log,
                     guint64     seq,
                     guint       status,
                     const char *fault)
{
  ClockifySimRequest *request = lookup (log, seq);

  if (request == NULL)
    return;
  request->status = status;
  g_free (request->fault);
  request->fault = g_strdup (fault);
}

void
_sim_log_set_aborted (SimLog  *log,
                      guint64  seq)
{
  ClockifySimRequest *request = lookup (log, seq);

  if (request != NULL && !request->finished)
    request->aborted = TRUE;
}

void
_sim_log_set_finished (SimLog  *log,
                       guint64  seq)
{
  ClockifySimRequest *request = lookup (log, seq);

  if (request != NULL && !request->aborted)
    request->finished = TRUE;
}

GPtrArray *
_sim_log_dup (SimLog *log)
{
  GPtrArray *copy = g_ptr_array_new_full (log->records->len, (GDestroyNotify) clockify_sim_request_free);

  for (guint i = 0; i < log->records->len; i++)
    g_ptr_array_add (copy, clockify_sim_request_copy (g_ptr_array_index (log->records, i)));
  return copy;
}

void
_sim_log_clear (SimLog *log)
{
  log->base_seq += log->records->len;
  g_ptr_array_set_size (log->records, 0);
}

guint
_sim_log_count (SimLog     *log,
                const char *method,
                const char *path_substring,
                int         status)
{
  guint n = 0;

  for (guint i = 0; i < log->records->len; i++)
    {
      const ClockifySimRequest *r = g_ptr_array_index (log->records, i);

      if ((method == NULL || strcmp (r->method, method) == 0) &&
          (path_substring == NULL || strstr (r->path, path_substring) != NULL) &&
          (status < 0 || r->status == (guint) status))
        n++;
    }
  return n;
}

guint
_sim_log_count_not_by_key (SimLog     *log,
                           const char *key_id)
{
  guint n = 0;

  for (guint i = 0; i < log->records->len; i++)
    if (g_strcmp0 (((ClockifySimRequest *) g_ptr_array_index (log->records, i))->key_id, key_id) != 0)
      n++;
  return n;
}

void
_sim_log_set_file_enabled (SimLog   *log,
                           gboolean  enabled)
{
  log->file_disabled = !enabled;
}

static FILE *
open_log_file (SimLog *log)
{
  static gint counter;
  const char *dir = g_getenv ("TIMECARD_SIM_LOG_DIR");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (log->file_disabled)
    return NULL;
  if (log->file != NULL || log->file_failed || dir == NULL || *dir == '\0')
    return log->file;

  name = g_strdup_printf ("sim-%d-%d.jsonl", (int) getpid (), g_atomic_int_add (&counter, 1));
  path = g_build_filename (dir, name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || (log->file = g_fopen (path, "a")) == NULL)
    {
      g_warning ("Cannot write the simulator's request log to %s", path);
      log->file_failed = TRUE;
    }
  return log->file;
}

void
_sim_log_write_line (SimLog   *log,
                     guint64   seq,
                     SimQuery *query)
{
  ClockifySimRequest *request = lookup (log, seq);
  FILE *file = open_log_file (log);
  g_autoptr(GString) line = NULL;

  if (request == NULL || file == NULL)
    return;

  line = g_string_new ("{\"method\":");
  _sim_json_string (line, request->method);
  g_string_append (line, ",\"path\":");
  _sim_json_string (line, request->path);
  g_string_append (line, ",\"query\":[");
  for (guint i = 0; i < query->names->len; i++)
    {
      g_string_append (line, i > 0 ? ",[" : "[");
      _sim_json_string (line, g_ptr_array_index (query->names, i));
      g_string_append_c (line, ',');
      _sim_json_string (line, g_ptr_array_index (query->values, i));
      g_string_append_c (line, ']');
    }
  g_string_append_printf (line, "],\"status\":%u,\"key\":", request->status);
  _sim_json_string (line, request->key_id);
  g_string_append (line, ",\"fault\":");
  _sim_json_string (line, request->fault);
  g_string_append (line, ",\"body\":");
  /* Only valid UTF-8 goes into the JSON line. */
  _sim_json_string (line, request->body != NULL && g_utf8_validate (request->body, -1, NULL)
                          ? request->body : NULL);
  g_string_append (line, "}\n");
  fputs (line->str, file);
  fflush (file);
}
