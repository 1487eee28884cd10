/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-sqlite"

#include "config.h"

#include "timecard-export-sqlite.h"

#include <glib/gstdio.h>
#include <string.h>

#include "timecard-export-format.h"
#include "timecard-export-sqlite-private.h"

/* Windows, pruning and the sync state: what incremental sync and resume
 * keep in the database. */

/* Text bounds for start_utc, which has whole seconds: an entry starting at
 * second s is in [start, end) when s >= ceil (start) and s < ceil (end).
 * A side beyond the four-digit years compares with a string outside them. */
static void
format_bound (char   buf[TIMECARD_EXPORT_INSTANT_MAX],
              gint64 usec)
{
  static const gint64 first = G_GINT64_CONSTANT (-62167219200) * G_USEC_PER_SEC;  /* 0000-01-01 */
  static const gint64 last = G_GINT64_CONSTANT (253402300800) * G_USEC_PER_SEC;   /* 10000-01-01 */

  if (usec <= first)
    strcpy (buf, "");
  else if (usec >= last)
    strcpy (buf, "~");
  else
    timecard_export_format_utc (buf, usec + (G_USEC_PER_SEC - 1));
}

static gboolean
prune_window (TimecardExportSqliteWriter  *self,
              const TimecardExportWindow  *window,
              GError                     **error)
{
  char start[TIMECARD_EXPORT_INSTANT_MAX];
  char end[TIMECARD_EXPORT_INSTANT_MAX];
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  format_bound (start, window->start_usec);
  format_bound (end, window->end_usec);

  if (!_timecard_sqlite_writer_prepare (self, _timecard_export_sqlite_prune_entries_sql, &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, window->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, self->generation);
  sqlite3_bind_int (stmt, 5, g_strcmp0 (window->strategy, "reports") == 0);
  ok = _timecard_sqlite_writer_step_done (self, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  self->n_pruned += sqlite3_changes (self->db);
  return TRUE;
}

gboolean
_timecard_sqlite_writer_begin_window (TimecardExportWriter        *writer,
                                      const TimecardExportWindow  *window,
                                      GError                     **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  char generation[TIMECARD_EXPORT_MONEY_MAX];

  if (!_timecard_sqlite_writer_commit (self, error) || !_timecard_sqlite_writer_begin (self, FALSE, error))
    return FALSE;

  /* Rows upserted in this window carry its generation; pruning removes the
   * window's rows that do not. */
  timecard_export_format_integer (generation, ++self->generation);
  return _timecard_sqlite_writer_set_meta (self, "generation", generation, error);
}

gboolean
_timecard_sqlite_writer_commit_window (TimecardExportWriter        *writer,
                                       const TimecardExportWindow  *window,
                                       guint64                      n_rows,
                                       GError                     **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (window->prune && !prune_window (self, window, error))
    return FALSE;

  if (!_timecard_sqlite_writer_prepare (self,
                "INSERT OR REPLACE INTO sync_windows (strategy, window_start_usec, window_end_usec,"
                " user_id, rows, completed_at_usec) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, window->strategy != NULL ? window->strategy : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, window->start_usec);
  sqlite3_bind_int64 (stmt, 3, window->end_usec);
  sqlite3_bind_text (stmt, 4, window->user_id != NULL ? window->user_id : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, n_rows);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  ok = _timecard_sqlite_writer_step_done (self, stmt, error);
  sqlite3_finalize (stmt);

  return ok
         && _timecard_sqlite_writer_set_meta (self, "window_progress", "", error)
         && _timecard_sqlite_writer_commit (self, error);
}

/* "strategy\tstart\tend\tuser\t": what window_progress starts with. */
static char *
window_key (const TimecardExportWindow *window)
{
  return g_strdup_printf ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t",
                          window->strategy != NULL ? window->strategy : "", window->start_usec,
                          window->end_usec, window->user_id != NULL ? window->user_id : "");
}

/* The rows so far become durable with the progress, kept in timecard_meta
 * until the window commits; the window goes on in a new transaction. */
gboolean
_timecard_sqlite_writer_checkpoint_window (TimecardExportWriter        *writer,
                                           const TimecardExportWindow  *window,
                                           const char                  *progress,
                                           GError                     **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  g_autofree char *key = window_key (window);
  g_autofree char *value = g_strconcat (key, progress, NULL);

  return _timecard_sqlite_writer_set_meta (self, "window_progress", value, error)
         && _timecard_sqlite_writer_commit (self, error)
         && _timecard_sqlite_writer_begin (self, FALSE, error);
}

char *
_timecard_sqlite_writer_get_window_progress (TimecardExportWriter        *writer,
                                             const TimecardExportWindow  *window)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  g_autofree char *key = window_key (window);
  g_autofree char *value = self->db != NULL ? _timecard_sqlite_writer_get_meta (self, "window_progress") : NULL;

  if (value == NULL || !g_str_has_prefix (value, key) || value[strlen (key)] == '\0')
    return NULL;

  return g_strdup (value + strlen (key));
}

gboolean
_timecard_sqlite_writer_rollback_window (TimecardExportWriter  *writer,
                                         GError               **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);

  if (!self->in_transaction)
    return TRUE;

  if (!_timecard_sqlite_writer_exec (self, "ROLLBACK", error))
    return FALSE;

  self->in_transaction = FALSE;
  return TRUE;
}

gboolean
_timecard_sqlite_writer_is_window_completed (TimecardExportWriter       *writer,
                                             const TimecardExportWindow *window)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (self->db == NULL
      || sqlite3_prepare_v2 (self->db,
                             "SELECT 1 FROM sync_windows WHERE strategy = ?1 AND window_start_usec = ?2"
                             " AND window_end_usec = ?3 AND user_id = ?4", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (stmt, 1, window->strategy != NULL ? window->strategy : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, window->start_usec);
  sqlite3_bind_int64 (stmt, 3, window->end_usec);
  sqlite3_bind_text (stmt, 4, window->user_id != NULL ? window->user_id : "", -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

/**
 * timecard_export_sqlite_writer_get_n_pruned:
 * @self: an SQLite writer
 *
 * Returns: how many time entries committed windows removed because Clockify
 *   no longer has them
 */
guint64
timecard_export_sqlite_writer_get_n_pruned (TimecardExportSqliteWriter *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_SQLITE_WRITER (self), 0);

  return self->n_pruned;
}

/* Reads the sync_state row of @entity; returns SQLite's result code. */
static int
select_sync_state (sqlite3              *db,
                   const char           *workspace_id,
                   TimecardExportEntity  entity,
                   gboolean             *out_found,
                   gint64               *out_range_start_usec,
                   gint64               *out_range_end_usec,
                   gint64               *out_synced_at_usec)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_found = FALSE;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT range_start_usec, range_end_usec, synced_at_usec FROM sync_state"
                           " WHERE workspace_id = ?1 AND entity = ?2", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (stmt, 1, workspace_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, timecard_export_entity_get_name (entity), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);

  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      if (out_range_start_usec != NULL)
        *out_range_start_usec = sqlite3_column_int64 (stmt, 0);
      if (out_range_end_usec != NULL)
        *out_range_end_usec = sqlite3_column_int64 (stmt, 1);
      if (out_synced_at_usec != NULL)
        *out_synced_at_usec = sqlite3_column_int64 (stmt, 2);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    {
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc;
}

/**
 * timecard_export_sqlite_writer_get_sync_state:
 * @self: an open SQLite writer
 * @workspace_id: the workspace
 * @entity: the entity
 * @out_found: (out): whether a completed sync is recorded
 * @out_range_start_usec: (out) (optional): the start of the range it covered
 * @out_range_end_usec: (out) (optional): the end of the range it covered
 * @out_synced_at_usec: (out) (optional): when it completed
 * @error: return location for an error
 *
 * Reads what the last completed sync of @entity covered, for an incremental
 * run to start from.
 *
 * Returns: %FALSE on a database error
 */
gboolean
timecard_export_sqlite_writer_get_sync_state (TimecardExportSqliteWriter  *self,
                                              const char                  *workspace_id,
                                              TimecardExportEntity         entity,
                                              gboolean                    *out_found,
                                              gint64                      *out_range_start_usec,
                                              gint64                      *out_range_end_usec,
                                              gint64                      *out_synced_at_usec,
                                              GError                     **error)
{
  int rc;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_SQLITE_WRITER (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (workspace_id != NULL, FALSE);
  g_return_val_if_fail (out_found != NULL, FALSE);

  rc = select_sync_state (self->db, workspace_id, entity, out_found,
                          out_range_start_usec, out_range_end_usec, out_synced_at_usec);
  if (rc != SQLITE_OK)
    return _timecard_sqlite_writer_fail (self, rc, error);

  return TRUE;
}

/**
 * timecard_export_sqlite_read_sync_state:
 * @path: where an SQLite export is, or would go
 * @workspace_id: the workspace
 * @entity: the entity
 * @out_found: (out): whether a completed sync is recorded
 * @out_range_start_usec: (out) (optional): the start of the range it covered
 * @out_range_end_usec: (out) (optional): the end of the range it covered
 * @out_synced_at_usec: (out) (optional): when it completed
 * @error: return location for an error
 *
 * Like timecard_export_sqlite_writer_get_sync_state(), without a writer and
 * without writing: what an incremental update of @path would start from,
 * for a plan shown before it runs. A missing or empty file has no sync; a
 * file that is not a Timecard database is an error, as it would be for the
 * writer.
 *
 * Returns: %FALSE if @path cannot be read or is not a Timecard database
 */
gboolean
timecard_export_sqlite_read_sync_state (const char            *path,
                                        const char            *workspace_id,
                                        TimecardExportEntity   entity,
                                        gboolean              *out_found,
                                        gint64                *out_range_start_usec,
                                        gint64                *out_range_end_usec,
                                        gint64                *out_synced_at_usec,
                                        GError               **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gboolean exists;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (workspace_id != NULL, FALSE);
  g_return_val_if_fail (out_found != NULL, FALSE);

  *out_found = FALSE;
  if (!_timecard_export_sqlite_check_file (path, &exists, error))
    return FALSE;
  if (!exists || (g_stat (path, &st) == 0 && st.st_size == 0))
    return TRUE;

  /* Opening a WAL database, even read-only, leaves -wal and -shm files
   * behind. Without a -wal file everything is in the database file, which
   * may then be read as immutable; with one, they are there already. */
  wal = g_strconcat (path, "-wal", NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = select_sync_state (db, workspace_id, entity, out_found,
                            out_range_start_usec, out_range_end_usec, out_synced_at_usec);
  if (rc != SQLITE_OK)
    _timecard_export_sqlite_set_error (error, db, rc, path);
  sqlite3_close (db);

  return rc == SQLITE_OK;
}

/**
 * timecard_export_sqlite_writer_set_sync_state:
 * @self: an open SQLite writer
 * @workspace_id: the workspace
 * @entity: the entity
 * @range_start_usec: the start of the range now in the database
 * @range_end_usec: the end of that range
 * @synced_at_usec: when the sync completed
 * @error: return location for an error
 *
 * Records a completed sync of @entity, before timecard_export_writer_finish().
 * Inside a window it commits with the window.
 *
 * Returns: %FALSE on a database error
 */
gboolean
timecard_export_sqlite_writer_set_sync_state (TimecardExportSqliteWriter  *self,
                                              const char                  *workspace_id,
                                              TimecardExportEntity         entity,
                                              gint64                       range_start_usec,
                                              gint64                       range_end_usec,
                                              gint64                       synced_at_usec,
                                              GError                     **error)
{
  char synced_at[TIMECARD_EXPORT_INSTANT_MAX];
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_SQLITE_WRITER (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (workspace_id != NULL, FALSE);

  if (!_timecard_sqlite_writer_prepare (self,
                "INSERT OR REPLACE INTO sync_state (workspace_id, entity, range_start_usec,"
                " range_end_usec, synced_at_usec, synced_at_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                &stmt, error))
    return FALSE;

  timecard_export_format_utc (synced_at, synced_at_usec);
  sqlite3_bind_text (stmt, 1, workspace_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, timecard_export_entity_get_name (entity), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, range_start_usec);
  sqlite3_bind_int64 (stmt, 4, range_end_usec);
  sqlite3_bind_int64 (stmt, 5, synced_at_usec);
  sqlite3_bind_text (stmt, 6, synced_at, -1, SQLITE_STATIC);
  ok = _timecard_sqlite_writer_step_done (self, stmt, error);
  sqlite3_finalize (stmt);

  return ok;
}
