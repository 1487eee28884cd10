/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Realistic pages of Clockify time entries, generated in memory for the
 * bulk parser's benchmark, tests and fuzzing seeds (included by
 * benchmarks/bench-entry-stream.c, tests/clockify/test-entry-stream.c,
 * tests/clockify/test-entry-stream-robustness.c and
 * tests/fuzz/fuzz-entry-stream.c). The shape follows the simulator's and
 * PERFORMANCE.md's pages: compact JSON, about 530 bytes per main-API
 * entry, ids as 24 hex digits, descriptions with unicode, commas, quotes,
 * newlines and escapes, running entries, null tagIds and customFieldValues.
 * The same seed gives the same bytes (own PRNG, no GLib randomness).
 */

#include <glib.h>

typedef struct
{
  guint64 state;
} PageRng;

static inline guint32
page_rng_next (PageRng *rng)
{
  /* splitmix64 */
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return (guint32) ((z ^ (z >> 31)) >> 32);
}

static inline guint
page_rng_below (PageRng *rng,
                guint    n)
{
  return page_rng_next (rng) % n;
}

/* Descriptions as JSON string bodies (already escaped where needed). */
static const char * const page_descriptions[] = {
  "Weekly planning",
  "Code review, API client",
  "Fix \\\"login\\\" bug on the settings page",
  "Caf\xc3\xa9 meeting \xe2\x98\x95 with the design team",
  "Line one\\nline two\\r\\nline three",
  "",
  "R\\u00e9sum\\u00e9 f\\u00fcr J\\u00fcrgen \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
  "Emoji \\ud83d\\ude00 and raw \xf0\x9f\x8e\x89 party",
  "Tab\\there, backslash \\\\ path\\/to\\/file",
  "Customer call: budget, scope, timeline; next steps",
  "Deploy release 2.4.1 to staging and production, then monitor dashboards",
  "Write documentation for the export feature (CSV, JSON Lines, SQLite)",
};

static inline const char *
page_pick_description (PageRng *rng)
{
  return page_descriptions[page_rng_below (rng, G_N_ELEMENTS (page_descriptions))];
}

static const char * const page_tag_names[] = {
  "urgent", "billable-review", "client \\\"A\\\"", "backend", "frontend", "na\xc3\xafve",
};

static const char * const page_field_names[] = { "Ticket", "Hours", "Phase" };

static inline void
page_append_id (GString *out,
                guint    kind,
                guint    number)
{
  g_string_append_printf (out, "\"%02x%06x%016x\"", 0x60 + kind, 0xa1b2c3, number);
}

static inline void
page_append_timestamp (GString *out,
                       gint64   unix_seconds,
                       int      millis,
                       int      offset_minutes)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds + offset_minutes * 60);
  char text[40];

  g_snprintf (text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d",
              g_date_time_get_year (utc), g_date_time_get_month (utc),
              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
              g_date_time_get_minute (utc), g_date_time_get_second (utc));
  g_string_append_c (out, '"');
  g_string_append (out, text);
  if (millis >= 0)
    g_string_append_printf (out, ".%03d", millis);
  if (offset_minutes == 0)
    g_string_append_c (out, 'Z');
  else
    g_string_append_printf (out, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                            ABS (offset_minutes) / 60, ABS (offset_minutes) % 60);
  g_string_append_c (out, '"');
}

static inline void
page_append_duration (GString *out,
                      gint64   seconds)
{
  gint64 days = seconds / 86400, hours = seconds / 3600 % 24;
  gint64 minutes = seconds / 60 % 60, secs = seconds % 60;

  g_string_append (out, "\"P");
  if (days > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "D", days);
  if (seconds == 0 || hours > 0 || minutes > 0 || secs > 0)
    g_string_append_c (out, 'T');
  if (hours > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "H", hours);
  if (minutes > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "M", minutes);
  if (secs > 0 || seconds == 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "S", secs);
  g_string_append_c (out, '"');
}

static inline void
page_append_custom_field (GString *out,
                          PageRng *rng,
                          guint    field,
                          guint    entry)
{
  g_string_append (out, "{\"customFieldId\":");
  page_append_id (out, 7, field);
  g_string_append_printf (out, ",\"name\":\"%s\",\"type\":\"TIMEENTRY\",\"value\":",
                          page_field_names[field % G_N_ELEMENTS (page_field_names)]);
  switch (page_rng_below (rng, 5))
    {
    case 0:
      g_string_append_printf (out, "\"T-%u\"", entry);
      break;
    case 1:
      g_string_append_printf (out, "%u.%02u", page_rng_below (rng, 40), page_rng_below (rng, 100));
      break;
    case 2:
      g_string_append (out, "[\"design\",\"build\"]");
      break;
    case 3:
      g_string_append (out, "null");
      break;
    default:
      g_string_append (out, "\"Phase \\\"2\\\", part 1\"");
      break;
    }
  g_string_append_c (out, '}');
}

/* Appends entry @index of a main-API page (TimeEntryWithRatesDtoV1). */
static inline void
page_append_main_entry (GString  *out,
                        PageRng  *rng,
                        guint     index,
                        gboolean  hydrated)
{
  gint64 start = 1704067200 + (gint64) index * 3600 + page_rng_below (rng, 3000);
  gint64 duration = page_rng_below (rng, 20) == 0 ? 86400 + 7200 : page_rng_below (rng, 30000);
  gboolean running = page_rng_below (rng, 200) == 0;
  guint project = page_rng_below (rng, 12);
  guint n_tags = page_rng_below (rng, 4);
  guint cfv = page_rng_below (rng, 6);
  int millis = page_rng_below (rng, 4) == 0 ? (int) page_rng_below (rng, 1000) : -1;
  const char *currency = project % 3 == 0 ? "EUR" : "USD";

  g_string_append (out, "{\"id\":");
  page_append_id (out, 1, index);
  g_string_append_printf (out, ",\"description\":\"%s\"", page_pick_description (rng));

  g_string_append (out, ",\"tagIds\":");
  if (n_tags == 3)
    {
      g_string_append (out, "null");
    }
  else
    {
      g_string_append_c (out, '[');
      for (guint t = 0; t < n_tags; t++)
        {
          if (t > 0)
            g_string_append_c (out, ',');
          page_append_id (out, 3, (index + t) % G_N_ELEMENTS (page_tag_names));
        }
      g_string_append_c (out, ']');
    }

  g_string_append (out, ",\"userId\":");
  page_append_id (out, 2, index % 7);
  g_string_append_printf (out, ",\"billable\":%s", project % 2 ? "true" : "false");
  g_string_append (out, ",\"taskId\":");
  if (project % 4 == 0)
    g_string_append (out, "null");
  else
    page_append_id (out, 5, project * 3 + index % 3);
  g_string_append (out, ",\"projectId\":");
  if (project == 11)
    g_string_append (out, "null");
  else
    page_append_id (out, 4, project);
  g_string_append (out, ",\"workspaceId\":");
  page_append_id (out, 9, 1);

  g_string_append (out, ",\"timeInterval\":{\"start\":");
  page_append_timestamp (out, start, millis, 0);
  g_string_append (out, ",\"end\":");
  if (running)
    g_string_append (out, "null");
  else
    page_append_timestamp (out, start + duration, millis, 0);
  g_string_append (out, ",\"duration\":");
  if (running)
    g_string_append (out, "null");
  else
    page_append_duration (out, duration);
  g_string_append_c (out, '}');

  g_string_append (out, ",\"customFieldValues\":");
  if (cfv == 0)
    {
      g_string_append (out, "null");
    }
  else
    {
      /* Most workspaces have no custom fields: mostly empty arrays. */
      g_string_append_c (out, '[');
      for (guint f = 0; f + 3 < cfv; f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          page_append_custom_field (out, rng, f, index);
        }
      g_string_append_c (out, ']');
    }

  g_string_append_printf (out, ",\"type\":\"REGULAR\",\"kioskId\":null"
                          ",\"hourlyRate\":{\"amount\":%u,\"currency\":\"%s\"}"
                          ",\"costRate\":{\"amount\":%u,\"currency\":\"%s\"}"
                          ",\"isLocked\":false",
                          5000 + project * 250, currency, 2000 + project * 100, currency);

  if (hydrated)
    {
      g_string_append (out, ",\"project\":");
      if (project == 11)
        {
          g_string_append (out, "null");
        }
      else
        {
          g_string_append (out, "{\"id\":");
          page_append_id (out, 4, project);
          g_string_append_printf (out, ",\"name\":\"Project %u, \\\"phase\\\" %u\",\"clientId\":",
                                  project, project % 3);
          page_append_id (out, 6, project % 5);
          g_string_append_printf (out, ",\"clientName\":\"Client %u GmbH\",\"color\":\"#03A9F4\""
                                  ",\"billable\":true,\"archived\":false}", project % 5);
        }
      g_string_append (out, ",\"task\":");
      if (project % 4 == 0)
        g_string_append (out, "null");
      else
        g_string_append_printf (out, "{\"id\":\"x\",\"name\":\"Task %u\",\"status\":\"ACTIVE\"}",
                                index % 3);
      g_string_append (out, ",\"tags\":[");
      for (guint t = 0; t < n_tags % 3; t++)
        {
          if (t > 0)
            g_string_append_c (out, ',');
          g_string_append (out, "{\"id\":");
          page_append_id (out, 3, (index + t) % G_N_ELEMENTS (page_tag_names));
          g_string_append_printf (out, ",\"name\":\"%s\",\"archived\":false}",
                                  page_tag_names[(index + t) % G_N_ELEMENTS (page_tag_names)]);
        }
      g_string_append (out, "],\"user\":{\"id\":");
      page_append_id (out, 2, index % 7);
      g_string_append_printf (out, ",\"name\":\"User %u\",\"email\":\"user%u@example.com\"}",
                              index % 7, index % 7);
    }

  g_string_append_c (out, '}');
}

/* Appends entry @index of a detailed report (TimeEntryDto as the live API
 * sends it: `_id`, or `id` with @spec_spelling). */
static inline void
page_append_report_entry (GString  *out,
                          PageRng  *rng,
                          guint     index,
                          gboolean  spec_spelling)
{
  gint64 start = 1704067200 + (gint64) index * 3600 + page_rng_below (rng, 3000);
  gint64 duration = page_rng_below (rng, 30000);
  guint project = page_rng_below (rng, 12);
  guint n_tags = page_rng_below (rng, 3);
  int offset = page_rng_below (rng, 3) == 0 ? 60 : page_rng_below (rng, 2) ? -300 : 0;
  guint rate = project % 2 ? 4321 : 0;

  g_string_append (out, spec_spelling ? "{\"id\":" : "{\"_id\":");
  page_append_id (out, 1, index);
  g_string_append_printf (out, ",\"description\":\"%s\",\"userId\":",
                          page_pick_description (rng));
  page_append_id (out, 2, index % 7);
  g_string_append_printf (out, ",\"userName\":\"User %u\",\"userEmail\":\"user%u@example.com\""
                          ",\"projectId\":", index % 7, index % 7);
  page_append_id (out, 4, project);
  g_string_append_printf (out, ",\"projectName\":\"Project %u\",\"projectColor\":\"#03A9F4\""
                          ",\"clientId\":", project);
  page_append_id (out, 6, project % 5);
  g_string_append_printf (out, ",\"clientName\":\"Client %u, Inc.\",\"taskId\":", project % 5);
  if (project % 4 == 0)
    g_string_append (out, "\"\",\"taskName\":null");
  else
    {
      page_append_id (out, 5, project * 3 + index % 3);
      g_string_append_printf (out, ",\"taskName\":\"Task %u\"", index % 3);
    }
  g_string_append (out, ",\"tags\":[");
  for (guint t = 0; t < n_tags; t++)
    {
      if (t > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      page_append_id (out, 3, (index + t) % G_N_ELEMENTS (page_tag_names));
      g_string_append_printf (out, ",\"name\":\"%s\"}",
                              page_tag_names[(index + t) % G_N_ELEMENTS (page_tag_names)]);
    }
  g_string_append (out, "],\"customFields\":[");
  if (project % 3 != 0)
    page_append_custom_field (out, rng, project % 3, index);
  g_string_append_printf (out, "],\"billable\":%s,\"isLocked\":false,\"type\":\"REGULAR\""
                          ",\"approvalRequestId\":null,\"timeInterval\":{\"start\":",
                          project % 2 ? "true" : "false");
  page_append_timestamp (out, start, -1, offset);
  g_string_append (out, ",\"end\":");
  page_append_timestamp (out, start + duration, -1, offset);
  if (page_rng_below (rng, 2))
    g_string_append_printf (out, ",\"duration\":%" G_GINT64_FORMAT "}", duration);
  else
    g_string_append_printf (out, ",\"duration\":%" G_GINT64_FORMAT ".0}", duration);
  g_string_append_printf (out, ",\"rate\":%u.0,\"amount\":%u.5,\"costRate\":%u.0"
                          ",\"costAmount\":12.0,\"earnedRate\":%u.0,\"earnedAmount\":%u.0"
                          ",\"currency\":\"%s\"}",
                          rate, rate, 2000 + project, rate, rate, project % 3 ? "USD" : "EUR");
}

/* A main-API page: a JSON array of @n_entries entries, numbered from
 * @first_index. */
static G_GNUC_UNUSED void
page_generate_main (GString  *out,
                    guint64   seed,
                    guint     first_index,
                    guint     n_entries,
                    gboolean  hydrated)
{
  PageRng rng = { seed };

  g_string_append_c (out, '[');
  for (guint i = 0; i < n_entries; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      page_append_main_entry (out, &rng, first_index + i, hydrated);
    }
  g_string_append_c (out, ']');
}

/* A detailed report page with totals before the entries, as Clockify
 * orders them. */
static G_GNUC_UNUSED void
page_generate_report (GString  *out,
                      guint64   seed,
                      guint     first_index,
                      guint     n_entries,
                      gboolean  spec_spelling)
{
  PageRng rng = { seed };

  g_string_append_printf (out, "{\"totals\":[{\"%s\":\"\",\"totalTime\":%u,"
                          "\"totalBillableTime\":1200,\"entriesCount\":%u,\"totalAmount\":1.5e3,"
                          "\"amounts\":[{\"type\":\"EARNED\",\"value\":4321.0,"
                          "\"amountByCurrencies\":[{\"currency\":\"USD\",\"amount\":-0.5E-2}]}]}],"
                          "\"%s\":[",
                          spec_spelling ? "id" : "_id", n_entries * 3600, n_entries,
                          spec_spelling ? "timeEntries" : "timeentries");
  for (guint i = 0; i < n_entries; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      page_append_report_entry (out, &rng, first_index + i, spec_spelling);
    }
  g_string_append (out, "]}");
}
