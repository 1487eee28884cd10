/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the entry stream's test programs: a collector that keeps every
 * record after its callback, chunked feeding, and two realistic pages. */

#include "clockify-entry-stream.h"

G_BEGIN_DECLS

#define MAIN CLOCKIFY_ENTRY_STREAM_MAIN
#define REPORT CLOCKIFY_ENTRY_STREAM_REPORT

/* A record kept after its callback. */
typedef struct
{
  char *id, *description, *user_id, *user_name, *user_email, *project_id, *project_name;
  char *client_id, *client_name, *task_id, *task_name;
  GStrv tag_ids, tag_names;
  gboolean billable;
  gint64 start_usec, end_usec, duration_seconds;
  gboolean has_hourly_rate, has_cost_rate;
  gint64 hourly_rate, cost_rate;
  char *hourly_rate_currency, *cost_rate_currency, *custom_fields_json;
} Record;

typedef struct
{
  GString *canonical;
  GPtrArray *records;
  guint stop_at;   /* refuse this entry (1-based), 0 never */
  guint calls;
} Collector;

/* Feeds @doc in chunks of the sizes @next_size gives, each chunk in its own
 * allocation so that ASan sees any read past a chunk. */
typedef gsize (*ChunkFunc) (gpointer data, gsize offset);

#define assert_parses(call) \
  G_STMT_START { gboolean ok_ = call; g_assert_no_error (error); g_assert_true (ok_); } G_STMT_END

gboolean    collect          (const ClockifyEntryRecord  *record,
                              gpointer                    user_data,
                              GError                    **error);
void        collector_init   (Collector                  *collector);
void        collector_clear  (Collector                  *collector);

gboolean    parse_chunked    (ClockifyEntryStreamFormat   format,
                              const char                 *doc,
                              gsize                       length,
                              ChunkFunc                   next_size,
                              gpointer                    chunk_data,
                              Collector                  *collector,
                              GError                    **error);
gsize       whole            (gpointer                    data,
                              gsize                       offset);
gsize       one_byte         (gpointer                    data,
                              gsize                       offset);

GPtrArray  *parse_ok         (ClockifyEntryStreamFormat   format,
                              const char                 *doc);
void        assert_invalid   (ClockifyEntryStreamFormat   format,
                              const char                 *doc,
                              const char                 *needle);
void        assert_strv      (char                      **actual,
                              const char                 *expected);

char       *replace          (const char                 *text,
                              const char                 *from,
                              const char                 *to);
char       *spec_report_page (void);

/* A main-API page: completed, running, unicode, hydrated. */
extern const char main_page[];
/* A detailed report page, `timeentries` and `_id` as Clockify sends them. */
extern const char report_page[];

G_END_DECLS
