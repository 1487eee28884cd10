/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "clockify-json-text.h"

G_BEGIN_DECLS

/**
 * ClockifyEntryRecord:
 *
 * One time entry as the bulk parser sees it. Strings are UTF-8, NUL-terminated,
 * %NULL when the member is absent or null, and valid only during the
 * #ClockifyEntryFunc call that receives the record.
 *
 * Times are Unix times in microseconds, UTC. @end_usec is %CLOCKIFY_ENTRY_RUNNING
 * and @duration_seconds is -1 while the entry runs. Money is in minor units
 * (cents); @has_hourly_rate / @has_cost_rate say whether a rate was given.
 * @custom_fields_json is the JSON text of the entry's custom field values as
 * an array of `{"customFieldId": ..., "name": ..., "value": ...}` objects
 * (names may be absent), or %NULL.
 *
 * From the main API (`TimeEntryWithRatesDtoV1`) the name members are %NULL
 * unless the page was hydrated; from the detailed report they are filled.
 *
 * @tag_ids and @tag_names are never %NULL: %NULL-terminated arrays, empty
 * when there are no tags. @tag_ids come from `tagIds` when it is an array,
 * else from `tags[].id`; @tag_names from `tags[].name` (a tag without a name
 * gives "", so the names stay aligned with the tags). In @custom_fields_json
 * "customFieldId" (required in the input) and "value" are always present,
 * the value null when absent, and "name" when given; the value is any JSON
 * value, written compactly. References (`userId`, `projectId`, `taskId`,
 * `clientId`, tag ids) that are "" come as %NULL, as in the models.
 */
typedef struct
{
  const char         *id;
  const char         *description;
  const char         *user_id;
  const char         *user_name;
  const char         *user_email;
  const char         *project_id;
  const char         *project_name;
  const char         *client_id;
  const char         *client_name;
  const char         *task_id;
  const char         *task_name;
  const char * const *tag_ids;
  guint               n_tag_ids;
  const char * const *tag_names;
  guint               n_tag_names;
  gboolean            billable;
  gint64              start_usec;
  gint64              end_usec;
  gint64              duration_seconds;
  gboolean            has_hourly_rate;
  gint64              hourly_rate;
  const char         *hourly_rate_currency;
  gboolean            has_cost_rate;
  gint64              cost_rate;
  const char         *cost_rate_currency;
  const char         *custom_fields_json;
} ClockifyEntryRecord;

#define CLOCKIFY_ENTRY_RUNNING G_MININT64

/**
 * ClockifyEntryStreamFormat:
 * @CLOCKIFY_ENTRY_STREAM_MAIN: a bare JSON array of `TimeEntryWithRatesDtoV1`
 *   (`GET /workspaces/{ws}/user/{uid}/time-entries`)
 * @CLOCKIFY_ENTRY_STREAM_REPORT: a detailed report object, its entries under
 *   `timeentries` or `timeEntries` (`POST .../reports/detailed`)
 */
typedef enum
{
  CLOCKIFY_ENTRY_STREAM_MAIN,
  CLOCKIFY_ENTRY_STREAM_REPORT,
} ClockifyEntryStreamFormat;

/* Return FALSE and set @error to stop parsing. */
typedef gboolean (*ClockifyEntryFunc) (const ClockifyEntryRecord  *record,
                                       gpointer                    user_data,
                                       GError                    **error);

typedef struct _ClockifyEntryStream ClockifyEntryStream;

ClockifyEntryStream *clockify_entry_stream_new    (ClockifyEntryStreamFormat   format,
                                                   ClockifyEntryFunc           func,
                                                   gpointer                    user_data);
gboolean             clockify_entry_stream_feed   (ClockifyEntryStream        *self,
                                                   const char                 *data,
                                                   gsize                       length,
                                                   GError                    **error);
gboolean             clockify_entry_stream_finish (ClockifyEntryStream        *self,
                                                   guint                      *out_n_entries,
                                                   GError                    **error);
void                 clockify_entry_stream_free   (ClockifyEntryStream        *self);

void                 clockify_entry_stream_set_max_depth         (ClockifyEntryStream *self,
                                                                  guint                max_depth);
void                 clockify_entry_stream_set_max_string_length (ClockifyEntryStream *self,
                                                                  gsize                max_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClockifyEntryStream, clockify_entry_stream_free)

G_END_DECLS
