/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-entry-stream"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clockify-entry-stream.h"

/*
 * libFuzzer harness for the bulk parser (build and run: tests/fuzz/build.sh).
 *
 * Input: one flags byte, then the document. Flags: bit 0 the report format,
 * bit 1 small limits (strings of 64 bytes, depth 8), bits 2-7 seed the
 * chunk sizes.
 *
 * Besides the sanitizers, it checks what must always hold: the document
 * parsed whole and parsed in small chunks gives the same records and the
 * same error; every record string is valid UTF-8; the tag arrays are
 * NULL-terminated; the custom fields are valid JSON; and a document the
 * parser accepts, json-glib accepts too (the parser is the stricter one).
 */

typedef struct
{
  GString *canonical;
} Sink;

static void
append (GString    *out,
        const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "~|");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("a record string is not valid UTF-8");
  g_string_append (out, text);
  g_string_append_c (out, '|');
}

static gboolean
on_entry (const ClockifyEntryRecord  *r,
          gpointer                    user_data,
          GError                    **error)
{
  Sink *sink = user_data;
  GString *out = sink->canonical;

  g_assert (r->id != NULL && r->tag_ids != NULL && r->tag_names != NULL);
  g_assert (r->tag_ids[r->n_tag_ids] == NULL && r->tag_names[r->n_tag_names] == NULL);

  append (out, r->id);
  append (out, r->description);
  append (out, r->user_id);
  append (out, r->user_name);
  append (out, r->user_email);
  append (out, r->project_id);
  append (out, r->project_name);
  append (out, r->client_id);
  append (out, r->client_name);
  append (out, r->task_id);
  append (out, r->task_name);
  for (guint i = 0; i < r->n_tag_ids; i++)
    append (out, r->tag_ids[i]);
  for (guint i = 0; i < r->n_tag_names; i++)
    append (out, r->tag_names[i]);
  g_string_append_printf (out, "%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%d|%" G_GINT64_FORMAT "|%d|%" G_GINT64_FORMAT "|",
                          r->billable, r->start_usec, r->end_usec, r->duration_seconds,
                          r->has_hourly_rate, r->hourly_rate, r->has_cost_rate, r->cost_rate);
  append (out, r->hourly_rate_currency);
  append (out, r->cost_rate_currency);
  append (out, r->custom_fields_json);
  g_string_append_c (out, '\n');

  if (r->custom_fields_json != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) node = json_from_string (r->custom_fields_json, &local_error);

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        g_error ("custom fields are not a JSON array: %s",
                 local_error ? local_error->message : "(not an array)");
    }

  return TRUE;
}

static char *
parse (const guint8 *data,
       size_t        size,
       guint         flags,
       gboolean      chunked,
       GError      **error)
{
  Sink sink = { g_string_new (NULL) };
  g_autoptr(ClockifyEntryStream) stream = NULL;
  guint32 state = (flags >> 2) * 2654435761u + 1;
  size_t offset = 0;

  stream = clockify_entry_stream_new (flags & 1 ? CLOCKIFY_ENTRY_STREAM_REPORT
                                                : CLOCKIFY_ENTRY_STREAM_MAIN,
                                      on_entry, &sink);
  if (flags & 2)
    {
      clockify_entry_stream_set_max_string_length (stream, 64);
      clockify_entry_stream_set_max_depth (stream, 8);
    }

  while (offset < size)
    {
      size_t length = size - offset;
      g_autofree guint8 *chunk = NULL;

      if (chunked)
        {
          state = state * 1103515245u + 12345u;
          length = MIN (length, 1 + (state >> 16) % 17);
        }

      /* Each chunk in its own allocation: ASan sees a read past it. */
      chunk = g_memdup2 (data + offset, length);
      if (!clockify_entry_stream_feed (stream, (const char *) chunk, length, error))
        return g_string_free (sink.canonical, FALSE);
      offset += length;
    }

  clockify_entry_stream_finish (stream, NULL, error);
  return g_string_free (sink.canonical, FALSE);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GError) chunked_error = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *chunked = NULL;
  guint flags;

  if (size < 1)
    return 0;

  flags = data[0];
  whole = parse (data + 1, size - 1, flags, FALSE, &whole_error);
  chunked = parse (data + 1, size - 1, flags, TRUE, &chunked_error);

  if (strcmp (whole, chunked) != 0)
    g_error ("records differ between whole and chunked input");
  if ((whole_error == NULL) != (chunked_error == NULL)
      || (whole_error != NULL && strcmp (whole_error->message, chunked_error->message) != 0))
    g_error ("errors differ between whole and chunked input: “%s” / “%s”",
             whole_error ? whole_error->message : "none",
             chunked_error ? chunked_error->message : "none");

  if (whole_error == NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_data (parser, (const char *) data + 1, size - 1, &error))
        g_error ("accepted, but json-glib refuses it: %s", error->message);
    }

  return 0;
}
