/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * POST /report/v1/workspaces/{ws}/reports/detailed: the Reports API's
 * detailed report, over every user's completed entries.
 */
#define G_LOG_DOMAIN "clockify-sim"

#include "config.h"

#include "clockify-sim-private.h"

#include <math.h>
#include <string.h>

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGE_SIZE     1000

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* FALSE if present but not an integer. */
static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64      fallback,
         gint64     *out)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* "YYYY-MM-DDTHH:MM:SS[.sss]" in @tz, or with its own "Z" / offset. */
static gboolean
parse_range_bound (const char *text,
                   GTimeZone  *tz,
                   gint64     *out_ms)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || strlen (text) < 19 || text[10] != 'T')
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, tz);
  if (dt == NULL)
    return FALSE;
  *out_ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

static guint
first_at_or_after (GArray *entries,
                   gint64  start_ms)
{
  guint lo = 0, hi = entries->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (entries, SimEntry, mid).start_ms < start_ms)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
write_totals (GString      *out,
              SimWorld     *world,
              SimWorkspace *ws,
              GArray       *selected,
              gboolean      spec_spelling)
{
  gint64 total = 0, billable = 0, amount = 0;

  for (guint i = 0; i < selected->len; i++)
    {
      const SimEntry *e = &g_array_index (ws->entries, SimEntry, g_array_index (selected, guint, i));
      gint64 secs = (e->end_ms - e->start_ms) / 1000;

      total += secs;
      if (e->flags & SIM_ENTRY_BILLABLE)
        {
          billable += secs;
          if (!(e->flags & SIM_ENTRY_BREAK))
            amount += llround ((double) _sim_entry_rate (world, ws, e) * secs / 3600.0);
        }
    }

  g_string_append_printf (out,
                          "[{\"%s\":\"\",\"totalTime\":%" G_GINT64_FORMAT
                          ",\"totalBillableTime\":%" G_GINT64_FORMAT
                          ",\"entriesCount\":%u,\"totalAmount\":%" G_GINT64_FORMAT ".0"
                          ",\"amounts\":[{\"type\":\"EARNED\",\"value\":%" G_GINT64_FORMAT ".0}]}]",
                          spec_spelling ? "id" : "_id", total, billable, selected->len, amount, amount);
}

void
_clockify_sim_report (ClockifySim  *self,
                      SimWorkspace *ws,
                      guint         user,
                      GBytes       *body,
                      SimResponse  *response)
{
  SimWorld *world = _clockify_sim_get_world (self);
  gboolean spec_spelling = _clockify_sim_report_spec_spelling (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) selected = NULL;
  JsonObject *request, *filter = NULL, *options = NULL;
  const char *zone, *export_type, *sort_order, *totals;
  gint64 range_start, range_end, page, page_size;
  guint max_days;
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      _sim_response_error (response, 400, "Required request body is missing or is not a JSON object", -1);
      return;
    }
  request = json_node_get_object (json_parser_get_root (parser));

  zone = get_string (request, "timeZone");
  if (zone == NULL)
    zone = g_array_index (world->users, SimUser, user).time_zone;
  tz = g_time_zone_new_identifier (zone);
  if (tz == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Unknown time zone '%s'", zone);

      _sim_response_error (response, 400, message, -1);
      return;
    }

  if (!parse_range_bound (get_string (request, "dateRangeStart"), tz, &range_start) ||
      !parse_range_bound (get_string (request, "dateRangeEnd"), tz, &range_end))
    {
      _sim_response_error (response, 400,
                           "dateRangeStart and dateRangeEnd are required, as YYYY-MM-DDTHH:MM:SS.ssssss", -1);
      return;
    }
  if (range_end < range_start)
    {
      _sim_response_error (response, 400, "dateRangeEnd must not be before dateRangeStart", -1);
      return;
    }
  max_days = _clockify_sim_free_report_max_days (self);
  if (ws->free_plan && max_days > 0 && range_end - range_start > (gint64) max_days * 86400 * 1000)
    {
      g_autofree char *message = g_strdup_printf ("Date range on the FREE plan is limited to %u days", max_days);

      _sim_response_error (response, 400, message, -1);
      return;
    }

  export_type = get_string (request, "exportType");
  if (export_type != NULL && strcmp (export_type, "JSON") != 0 && strcmp (export_type, "JSON_V1") != 0)
    {
      _sim_response_error (response, 400, "Only exportType JSON is simulated", -1);
      return;
    }

  if (json_object_has_member (request, "detailedFilter") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (request, "detailedFilter")))
    filter = json_object_get_object_member (request, "detailedFilter");
  if (filter == NULL)
    {
      _sim_response_error (response, 400, "detailedFilter: must not be null", -1);
      return;
    }
  if (!get_int (filter, "page", 1, &page) || !get_int (filter, "pageSize", DEFAULT_PAGE_SIZE, &page_size))
    {
      _sim_response_error (response, 400, "detailedFilter.page and pageSize must be integers", -1);
      return;
    }
  if (page_size < 1 || page_size > MAX_PAGE_SIZE)
    {
      _sim_response_error (response, 400, page_size < 1
                           ? "detailedFilter.pageSize: must be greater than or equal to 1"
                           : "detailedFilter.pageSize: must be less than or equal to 1000", -1);
      return;
    }
  page = MAX (page, 1);
  if (json_object_has_member (filter, "options") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (filter, "options")))
    options = json_object_get_object_member (filter, "options");
  totals = options != NULL ? get_string (options, "totals") : NULL;
  sort_order = get_string (request, "sortOrder");

  selected = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = first_at_or_after (ws->entries, range_start); i < ws->entries->len; i++)
    {
      const SimEntry *e = &g_array_index (ws->entries, SimEntry, i);

      if (e->start_ms > range_end)
        break;
      if (e->end_ms >= 0)
        g_array_append_val (selected, i);
    }

  response->body = g_string_sized_new (MIN ((gsize) page_size, selected->len) * 900 + 256);
  g_string_append (response->body, "{\"totals\":");
  if (totals != NULL && strcmp (totals, "EXCLUDE") == 0)
    g_string_append (response->body, "[]");
  else
    write_totals (response->body, world, ws, selected, spec_spelling);
  g_string_append (response->body, spec_spelling ? ",\"timeEntries\":[" : ",\"timeentries\":[");
  for (gint64 k = (page - 1) * page_size; k < selected->len && k < page * page_size; k++)
    {
      gboolean descending = sort_order != NULL && strcmp (sort_order, "DESCENDING") == 0;
      guint index = g_array_index (selected, guint, descending ? selected->len - 1 - k : k);

      if (k > (page - 1) * page_size)
        g_string_append_c (response->body, ',');
      _sim_json_report_entry (response->body, world, ws, &g_array_index (ws->entries, SimEntry, index),
                              tz, spec_spelling);
    }
  g_string_append (response->body, "]}");
  response->status = 200;
  /* The Reports API never sends Last-Page. */
  response->last_page = -1;
}
