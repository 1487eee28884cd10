/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-job"

#include "config.h"

#include "timecard-export-job-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "clockify-error.h"
#include "clockify-json-lexer.h"

/*
 * The time-entry requests of an export, for a window and a page: the
 * Reports API's detailed report (a JSON body) or the per-user endpoint
 * (query parameters); and the checks of what comes back before a page
 * is written: the report's entry count, and whether a body is whole.
 */

/* "yyyy-MM-ddTHH:mm:ssZ", the main API's form; rounded up for an end. */
static char *
format_utc (gint64   usec,
            gboolean round_up)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  g_autoptr(GDateTime) time = NULL;

  if (round_up && usec % G_USEC_PER_SEC != 0)
    seconds++;

  time = g_date_time_new_from_unix_utc (seconds);
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* "YYYY-MM-DDTHH:MM:SS.sss" in @zone, the Reports API's form. */
static char *
format_local (gint64     usec,
              GTimeZone *zone)
{
  gint64 ms = usec / 1000 - (usec % 1000 < 0 ? 1 : 0);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *seconds = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d", seconds, (int) (((ms % 1000) + 1000) % 1000));
}

static GBytes *
build_report_body (const char                 *time_zone,
                   const TimecardExportWindow *window,
                   guint                       page,
                   guint                       page_size,
                   gboolean                    with_count)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *range_start = NULL;
  g_autofree char *range_end = NULL;
  gsize length;
  char *text;

  g_assert (zone != NULL);

  /* The window is half-open; the report's end is inclusive, to the
   * millisecond (Clockify's examples end at 23:59:59.999). */
  range_start = format_local (window->start_usec, zone);
  range_end = format_local (window->end_usec - 1000, zone);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dateRangeStart");
  json_builder_add_string_value (builder, range_start);
  json_builder_set_member_name (builder, "dateRangeEnd");
  json_builder_add_string_value (builder, range_end);
  json_builder_set_member_name (builder, "timeZone");
  json_builder_add_string_value (builder, time_zone);
  json_builder_set_member_name (builder, "exportType");
  json_builder_add_string_value (builder, "JSON");
  json_builder_set_member_name (builder, "amountShown");
  json_builder_add_string_value (builder, "EARNED");
  json_builder_set_member_name (builder, "sortOrder");
  json_builder_add_string_value (builder, "ASCENDING");
  json_builder_set_member_name (builder, "detailedFilter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, page);
  json_builder_set_member_name (builder, "pageSize");
  json_builder_add_int_value (builder, page_size);
  /* Ids are unique: pages sorted by them neither overlap nor skip. */
  json_builder_set_member_name (builder, "sortColumn");
  json_builder_add_string_value (builder, "ID");
  json_builder_set_member_name (builder, "options");
  json_builder_begin_object (builder);
  /* The first page's totals count the window's entries: the pages to fetch. */
  json_builder_set_member_name (builder, "totals");
  json_builder_add_string_value (builder, with_count ? "CALCULATE" : "EXCLUDE");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  length = strlen (text);

  return g_bytes_new_take (text, length);
}

static void
add_pair (GPtrArray  *pairs,
          const char *name,
          char       *value)
{
  g_ptr_array_add (pairs, g_strdup (name));
  g_ptr_array_add (pairs, value);
}

/*
 * Sends the request for @page of @window; a report page @with_count also
 * counts the window's entries. The bytes come from
 * clockify_client_send_finish(). A per-user window's instants go out in
 * whole seconds; the writer's callback drops what lies outside.
 */
void
_timecard_export_send_page (ClockifyClient              *client,
                            const char                  *workspace_id,
                            const char                  *time_zone,
                            TimecardExportStrategy       strategy,
                            const TimecardExportWindow  *window,
                            gboolean                     hydrated,
                            guint                        page,
                            guint                        page_size,
                            gboolean                     with_count,
                            GCancellable                *cancellable,
                            GAsyncReadyCallback          callback,
                            gpointer                     user_data)
{
  g_autofree char *ws = g_uri_escape_string (workspace_id, NULL, FALSE);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *path = NULL;

  if (strategy == TIMECARD_EXPORT_STRATEGY_REPORTS)
    {
      path = g_strdup_printf ("/workspaces/%s/reports/detailed", ws);
      body = build_report_body (time_zone, window, page, page_size, with_count);
      clockify_client_send_async (client, CLOCKIFY_API_REPORTS, "POST", path, NULL, body, NULL,
                                  cancellable, callback, user_data);
      return;
    }

  {
    g_autofree char *user = g_uri_escape_string (window->user_id, NULL, FALSE);

    path = g_strdup_printf ("/workspaces/%s/user/%s/time-entries", ws, user);
  }

  if (window->start_usec != TIMECARD_EXPORT_UNBOUNDED_START)
    add_pair (pairs, "start", format_utc (window->start_usec, FALSE));
  if (window->end_usec != TIMECARD_EXPORT_UNBOUNDED_END)
    add_pair (pairs, "end", format_utc (window->end_usec, TRUE));
  if (hydrated)
    add_pair (pairs, "hydrated", g_strdup ("true"));
  add_pair (pairs, "page", g_strdup_printf ("%u", page));
  add_pair (pairs, "page-size", g_strdup_printf ("%u", page_size));
  g_ptr_array_add (pairs, NULL);

  clockify_client_send_async (client, CLOCKIFY_API_MAIN, "GET", path,
                              (const char * const *) pairs->pdata, NULL, NULL,
                              cancellable, callback, user_data);
}

/*
 * Reads `totals[0].entriesCount` of a report page without parsing its
 * entries: the totals come first in Clockify's answers; if the entries come
 * first, they are skipped by the lexer without being copied.
 */
gboolean
_timecard_export_report_count (GBytes *page,
                               gint64 *out_count)
{
  ClockifyJsonLexer lexer;
  gsize size;
  const char *data = g_bytes_get_data (page, &size);
  gboolean in_totals = FALSE, counted = FALSE, want_count = FALSE;
  guint totals_index = 0, depth = 0;
  ClockifyJsonToken token;

  clockify_json_lexer_init (&lexer);
  clockify_json_lexer_set_input (&lexer, data, size);
  clockify_json_lexer_set_eof (&lexer);

  /* Depth counts the containers open before the next token. */
  while (!counted)
    {
      lexer.capture = depth == 1 || (in_totals && depth == 3) || want_count;
      token = clockify_json_lexer_next (&lexer);

      if (token == CLOCKIFY_JSON_END || token == CLOCKIFY_JSON_ERROR ||
          token == CLOCKIFY_JSON_NEED_INPUT)
        break;

      if (token == CLOCKIFY_JSON_OBJECT_START || token == CLOCKIFY_JSON_ARRAY_START)
        depth++;
      else if (token == CLOCKIFY_JSON_OBJECT_END || token == CLOCKIFY_JSON_ARRAY_END)
        depth--;

      if (want_count)
        {
          want_count = FALSE;
          if (token == CLOCKIFY_JSON_NUMBER && lexer.number_is_integer)
            {
              g_autofree char *text = g_strndup (lexer.text, lexer.text_len);

              *out_count = g_ascii_strtoll (text, NULL, 10);
              counted = TRUE;
            }
          continue;
        }

      /* Keys at the top, and in the objects of the totals array. */
      if (token == CLOCKIFY_JSON_KEY && depth == 1)
        in_totals = lexer.text_len == 6 && memcmp (lexer.text, "totals", 6) == 0;
      else if (in_totals && token == CLOCKIFY_JSON_OBJECT_END && depth == 2)
        totals_index++;
      else if (in_totals && totals_index == 0 && token == CLOCKIFY_JSON_KEY && depth == 3)
        want_count = lexer.text_len == 12 && memcmp (lexer.text, "entriesCount", 12) == 0;
    }

  clockify_json_lexer_clear (&lexer);
  return counted;
}

/* Whether @page is one whole JSON document: Clockify's answers can be cut
 * short with a matching Content-Length. Checked without copying. */
gboolean
_timecard_export_page_is_complete (GBytes  *page,
                                   GError **error)
{
  ClockifyJsonLexer lexer;
  gsize size;
  const char *data = g_bytes_get_data (page, &size);
  ClockifyJsonToken token;

  clockify_json_lexer_init (&lexer);
  lexer.capture = FALSE;
  clockify_json_lexer_set_input (&lexer, data, size);
  clockify_json_lexer_set_eof (&lexer);

  do
    token = clockify_json_lexer_next (&lexer);
  while (token != CLOCKIFY_JSON_END && token != CLOCKIFY_JSON_ERROR &&
         token != CLOCKIFY_JSON_NEED_INPUT);

  if (token != CLOCKIFY_JSON_END)
    {
      const GError *lexer_error = clockify_json_lexer_get_error (&lexer);

      g_set_error (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_INVALID_RESPONSE,
                   "A time-entry page is not valid JSON: %s",
                   lexer_error != NULL ? lexer_error->message : "it ends early");
      clockify_json_lexer_clear (&lexer);
      return FALSE;
    }

  clockify_json_lexer_clear (&lexer);
  return TRUE;
}
