/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-writer.h"

G_BEGIN_DECLS

/* `PRAGMA application_id` of a Timecard database: "TmCd". */
#define TIMECARD_EXPORT_SQLITE_APPLICATION_ID 0x546d4364
/* `PRAGMA user_version`: the schema below. */
#define TIMECARD_EXPORT_SQLITE_SCHEMA_VERSION 1

#define TIMECARD_TYPE_EXPORT_SQLITE_WRITER (timecard_export_sqlite_writer_get_type ())

/**
 * TimecardExportSqliteWriter:
 *
 * Writes one SQLite database.
 *
 * Tables:
 *
 * - one per small entity, named and ordered like the CSV files' columns,
 *   `id TEXT PRIMARY KEY`; booleans are 0/1, money is an integer
 *   `<column>_cents`, lists are JSON arrays; `projects.client_id` and
 *   `tasks.project_id` are declared foreign keys
 * - `time_entries`: the ids, the names as resolved when written,
 *   `tag_ids` and `tag_names` (JSON arrays), `billable`, the UTC and local
 *   times as in CSV, `duration_seconds`, `hourly_rate_cents`,
 *   `cost_rate_cents`, `currency`, `custom_fields` (JSON), and
 *   `sync_generation` (internal); indexed on `start_utc`, `user_id` and
 *   `project_id` (a fresh export builds the indexes at the end)
 * - the view `time_entry_tags (time_entry_id, position, tag_id, tag_name)`:
 *   the tags unnested, for joins and per-tag sums (a row per tag would make
 *   writing several times slower)
 * - the view `time_entries_detailed`: exactly the CSV columns of
 *   `time_entries`, names joined from the entity tables (falling back to the
 *   names written with the entry), `tag_ids`/`tag_names` `;`-joined, rates as
 *   REAL major units (exact to the cent below 2^53 cents; the `_cents`
 *   columns are exact)
 * - `sync_state (workspace_id, entity, range_start_usec, range_end_usec,
 *   synced_at_usec, synced_at_utc)`: what the last completed sync covered
 * - `sync_windows (strategy, window_start_usec, window_end_usec, user_id,
 *   rows, completed_at_usec)`: the windows the current, unfinished run has
 *   committed (`user_id` is '' for all users); emptied by finish()
 * - `timecard_meta (key, value)`: schema_version, time_zone (of the local
 *   columns), generation, run_info, created_utc
 *
 * Declared foreign keys document the links; the connection does not enforce
 * them, because Clockify entries may name users, projects or tags that an
 * export leaves out or that were deleted.
 *
 * An update writes in place in WAL mode (synchronous NORMAL), so the
 * database stays readable meanwhile. A fresh export loads a private sibling
 * file with a rollback journal (new pages written once, not twice as with
 * WAL), builds the indexes, turns it to WAL and renames it over the path.
 * Small entities are replaced whole in one transaction (begin_entity to
 * end_entity); each time-entry window is one transaction; entries are
 * upserted by id, so a window can be fetched again.
 *
 * The writer is not thread-safe: use it from one thread at a time (the
 * runner's worker thread).
 */
G_DECLARE_FINAL_TYPE (TimecardExportSqliteWriter, timecard_export_sqlite_writer,
                      TIMECARD, EXPORT_SQLITE_WRITER, TimecardExportWriter)

TimecardExportWriter *timecard_export_sqlite_writer_new            (const char                  *path,
                                                                    TimecardExportWriterFlags    flags,
                                                                    GTimeZone                   *time_zone,
                                                                    TimecardExportLookup        *lookup);
guint64               timecard_export_sqlite_writer_get_n_pruned   (TimecardExportSqliteWriter  *self);
gboolean              timecard_export_sqlite_writer_get_sync_state (TimecardExportSqliteWriter  *self,
                                                                    const char                  *workspace_id,
                                                                    TimecardExportEntity         entity,
                                                                    gboolean                    *out_found,
                                                                    gint64                      *out_range_start_usec,
                                                                    gint64                      *out_range_end_usec,
                                                                    gint64                      *out_synced_at_usec,
                                                                    GError                     **error);
gboolean              timecard_export_sqlite_read_sync_state       (const char                  *path,
                                                                    const char                  *workspace_id,
                                                                    TimecardExportEntity         entity,
                                                                    gboolean                    *out_found,
                                                                    gint64                      *out_range_start_usec,
                                                                    gint64                      *out_range_end_usec,
                                                                    gint64                      *out_synced_at_usec,
                                                                    GError                     **error);
gboolean              timecard_export_sqlite_writer_set_sync_state (TimecardExportSqliteWriter  *self,
                                                                    const char                  *workspace_id,
                                                                    TimecardExportEntity         entity,
                                                                    gint64                       range_start_usec,
                                                                    gint64                       range_end_usec,
                                                                    gint64                       synced_at_usec,
                                                                    GError                     **error);

G_END_DECLS
