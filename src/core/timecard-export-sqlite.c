/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-sqlite"

#include "config.h"

#include "timecard-export-sqlite.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "timecard-export-format.h"
#include "timecard-export-sqlite-private.h"
#include "timecard-export-writer-private.h"

#define PARTIAL_SUFFIX ".timecard-partial"
/* Time entries written outside a window are committed in batches this
 * large, so the WAL stays small. */
#define IMPLICIT_BATCH 100000


G_DEFINE_FINAL_TYPE (TimecardExportSqliteWriter, timecard_export_sqlite_writer, TIMECARD_TYPE_EXPORT_WRITER)

gboolean
_timecard_sqlite_writer_fail (TimecardExportSqliteWriter  *self,
                              int                          rc,
                              GError                     **error)
{
  return _timecard_export_sqlite_set_error (error, self->db, rc, self->target);
}

gboolean
_timecard_sqlite_writer_exec (TimecardExportSqliteWriter  *self,
                              const char                  *sql,
                              GError                     **error)
{
  return _timecard_export_sqlite_exec (self->db, sql, self->target, error);
}

gboolean
_timecard_sqlite_writer_prepare (TimecardExportSqliteWriter  *self,
                                 const char                  *sql,
                                 sqlite3_stmt               **out_stmt,
                                 GError                     **error)
{
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out_stmt, NULL);

  if (rc != SQLITE_OK)
    return _timecard_sqlite_writer_fail (self, rc, error);

  return TRUE;
}

/* Steps a statement that returns no rows, and resets it for the next use. */
gboolean
_timecard_sqlite_writer_step_done (TimecardExportSqliteWriter  *self,
                                   sqlite3_stmt                *stmt,
                                   GError                     **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _timecard_sqlite_writer_fail (self, rc, error);

  return TRUE;
}

gboolean
_timecard_sqlite_writer_begin (TimecardExportSqliteWriter  *self,
                               gboolean                     implicit,
                               GError                     **error)
{
  g_assert (!self->in_transaction);

  if (!_timecard_sqlite_writer_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  self->implicit_transaction = implicit;
  self->transaction_rows = 0;
  return TRUE;
}

gboolean
_timecard_sqlite_writer_commit (TimecardExportSqliteWriter  *self,
                                GError                     **error)
{
  if (!self->in_transaction)
    return TRUE;

  if (!_timecard_sqlite_writer_exec (self, "COMMIT", error))
    return FALSE;

  self->in_transaction = FALSE;
  return TRUE;
}

static void
rollback (TimecardExportSqliteWriter *self)
{
  if (self->db != NULL && self->in_transaction)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

gboolean
_timecard_sqlite_writer_set_meta (TimecardExportSqliteWriter  *self,
                                  const char                  *key,
                                  const char                  *value,
                                  GError                     **error)
{
  sqlite3_bind_text (self->set_meta, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->set_meta, 2, value, -1, SQLITE_TRANSIENT);
  return _timecard_sqlite_writer_step_done (self, self->set_meta, error);
}

char *
_timecard_sqlite_writer_get_meta (TimecardExportSqliteWriter *self,
                                  const char                 *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM timecard_meta WHERE key = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gint64
query_int64 (TimecardExportSqliteWriter *self,
             const char                 *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
close_database (TimecardExportSqliteWriter *self)
{
  rollback (self);

  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    g_clear_pointer (&self->insert_row[i], sqlite3_finalize);
  g_clear_pointer (&self->insert_entry, sqlite3_finalize);
  g_clear_pointer (&self->update_entry, sqlite3_finalize);
  g_clear_pointer (&self->set_meta, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
}

/* The database file and the files SQLite keeps next to it. */
static gboolean
remove_database (const char  *path,
                 GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal", "" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        return _timecard_export_set_io_error (error, errno, _("Cannot remove “%s”"), file);
    }

  return TRUE;
}

/* A leftover partial database may belong to an export that still runs. */
static gboolean
check_not_busy (const char  *path,
                const char  *target,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN IMMEDIATE; ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_BUSY,
                   _("Another export to “%s” is running"), target);
      return FALSE;
    }

  return TRUE;
}

/* Decides which file to write and whether it continues an interrupted run. */
static gboolean
choose_database (TimecardExportSqliteWriter  *self,
                 gboolean                    *out_keep,
                 GError                     **error)
{
  TimecardExportWriterFlags flags = timecard_export_writer_get_flags (TIMECARD_EXPORT_WRITER (self));
  g_autofree char *name = g_path_get_basename (self->target);
  gboolean exists;

  *out_keep = FALSE;

  if (!_timecard_export_sqlite_check_file (self->target, &exists, error))
    return FALSE;

  if (self->in_place)
    {
      self->db_path = g_strdup (self->target);
      *out_keep = exists;
      return TRUE;
    }

  self->db_path = g_strdup_printf ("%s/.%s" PARTIAL_SUFFIX, self->parent, name);
  if (!g_file_test (self->db_path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!check_not_busy (self->db_path, self->target, error))
    return FALSE;

  if (flags & TIMECARD_EXPORT_WRITER_FLAGS_RESUME)
    {
      g_autoptr(GError) local_error = NULL;

      if (_timecard_export_sqlite_check_file (self->db_path, &exists, &local_error))
        {
          *out_keep = TRUE;
          return TRUE;
        }
    }

  return remove_database (self->db_path, error);
}

static gboolean
prepare_statements (TimecardExportSqliteWriter  *self,
                    GError                     **error)
{
  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    {
      g_autofree char *sql = NULL;

      if (i == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)
        continue;

      sql = _timecard_export_sqlite_insert_sql (i);
      if (!_timecard_sqlite_writer_prepare (self, sql, &self->insert_row[i], error))
        return FALSE;
    }

  return _timecard_sqlite_writer_prepare (self, _timecard_export_sqlite_insert_entry_sql,
                                          &self->insert_entry, error)
         && _timecard_sqlite_writer_prepare (self, _timecard_export_sqlite_update_entry_sql,
                                             &self->update_entry, error)
         && _timecard_sqlite_writer_prepare (self, "INSERT OR REPLACE INTO timecard_meta (key, value)"
                                             " VALUES (?1, ?2)", &self->set_meta, error);
}

static gboolean
init_database (TimecardExportSqliteWriter  *self,
               GError                     **error)
{
  TimecardExportWriter *writer = TIMECARD_EXPORT_WRITER (self);
  GTimeZone *zone = timecard_export_writer_get_time_zone (writer);
  const char *run_info = timecard_export_writer_get_run_info (writer);
  char created[TIMECARD_EXPORT_INSTANT_MAX];

  timecard_export_format_utc (created, g_get_real_time ());

  return _timecard_export_sqlite_create_schema (self->db, self->target, error)
         && prepare_statements (self, error)
         && _timecard_sqlite_writer_begin (self, FALSE, error)
         && _timecard_sqlite_writer_set_meta (self, "schema_version",
                                              G_STRINGIFY (TIMECARD_EXPORT_SQLITE_SCHEMA_VERSION), error)
         && _timecard_sqlite_writer_set_meta (self, "time_zone", g_time_zone_get_identifier (zone), error)
         && _timecard_sqlite_writer_set_meta (self, "generation", "0", error)
         && _timecard_sqlite_writer_set_meta (self, "created_utc", created, error)
         && _timecard_sqlite_writer_set_meta (self, "run_info", run_info, error)
         && _timecard_sqlite_writer_commit (self, error);
}

/* An existing Timecard database: the same local time zone, and the windows
 * of the run it resumes, if it does. */
static gboolean
reuse_database (TimecardExportSqliteWriter  *self,
                gboolean                    *out_resumed,
                GError                     **error)
{
  TimecardExportWriter *writer = TIMECARD_EXPORT_WRITER (self);
  const char *wanted = g_time_zone_get_identifier (timecard_export_writer_get_time_zone (writer));
  g_autofree char *zone = _timecard_sqlite_writer_get_meta (self, "time_zone");
  g_autofree char *generation = _timecard_sqlite_writer_get_meta (self, "generation");
  gboolean resume = (timecard_export_writer_get_flags (writer) & TIMECARD_EXPORT_WRITER_FLAGS_RESUME) != 0;

  if (g_strcmp0 (zone, wanted) != 0)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH,
                   _("The local times in “%s” are in the time zone %s, not %s"),
                   self->target, zone != NULL ? zone : _("(unknown)"), wanted);
      return FALSE;
    }

  if (!prepare_statements (self, error))
    return FALSE;

  self->generation = generation != NULL ? g_ascii_strtoll (generation, NULL, 10) : 0;

  if (resume && (!self->in_place || query_int64 (self, "SELECT count(*) FROM sync_windows") > 0))
    {
      _timecard_export_writer_take_run_info (writer, _timecard_sqlite_writer_get_meta (self, "run_info"));
      *out_resumed = TRUE;
      return TRUE;
    }

  /* A new run: windows of an earlier, unfinished one do not count. */
  *out_resumed = FALSE;
  return _timecard_sqlite_writer_begin (self, FALSE, error)
         && _timecard_sqlite_writer_exec (self, "DELETE FROM sync_windows;"
                                          " DELETE FROM timecard_meta WHERE key = 'window_progress'", error)
         && _timecard_sqlite_writer_set_meta (self, "run_info",
                                              timecard_export_writer_get_run_info (writer), error)
         && _timecard_sqlite_writer_commit (self, error);
}

static gboolean
open_database (TimecardExportSqliteWriter  *self,
               gboolean                    *out_resumed,
               GError                     **error)
{
  int rc = sqlite3_open_v2 (self->db_path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    return _timecard_sqlite_writer_fail (self, rc, error);

  sqlite3_extended_result_codes (self->db, TRUE);

  /* An update keeps the database readable while it runs (WAL). Nobody else
   * has business with a partial database: it is loaded with a rollback
   * journal, which writes new pages once where WAL writes them twice, and
   * turns to WAL when finished. */
  if (!_timecard_sqlite_writer_exec (self,
                                     self->in_place
                                     ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"
                                     : "PRAGMA locking_mode = EXCLUSIVE;"
                                       "PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL",
                                     error)
      || !_timecard_sqlite_writer_exec (self,
                                        "PRAGMA foreign_keys = OFF;"
                                        "PRAGMA cache_size = -16384;"
                                        "PRAGMA busy_timeout = 5000",
                                        error))
    return FALSE;

  if (query_int64 (self, "PRAGMA application_id") == TIMECARD_EXPORT_SQLITE_APPLICATION_ID)
    {
      if (!reuse_database (self, out_resumed, error))
        return FALSE;
    }
  else
    {
      *out_resumed = FALSE;
      if (!init_database (self, error))
        return FALSE;
    }

  /* An update prunes by start time and user as it goes. */
  return !self->in_place || _timecard_sqlite_writer_exec (self, _timecard_export_sqlite_indexes_sql, error);
}

static gboolean
timecard_export_sqlite_writer_open (TimecardExportWriter  *writer,
                                    GError               **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  gboolean keep = FALSE;
  gboolean resumed = FALSE;
  GStatBuf st;

  self->in_place = (timecard_export_writer_get_flags (writer) & TIMECARD_EXPORT_WRITER_FLAGS_UPDATE) != 0;
  self->target = g_canonicalize_filename (timecard_export_writer_get_path (writer), NULL);
  self->parent = g_path_get_dirname (self->target);

  if (g_stat (self->parent, &st) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot export to “%s”"), self->parent);

  /* SQLite needs to create its log next to the database, in either mode. */
  if (faccessat (AT_FDCWD, self->parent, W_OK, AT_EACCESS) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot create the export in “%s”"), self->parent);

  if (!choose_database (self, &keep, error))
    return FALSE;

  if (!open_database (self, &resumed, error))
    {
      close_database (self);
      /* Leave what was there before (a database to update, a run to resume). */
      if (!keep)
        remove_database (self->db_path, NULL);
      return FALSE;
    }

  self->owns_file = !self->in_place;
  _timecard_export_writer_set_resumed (writer, resumed);
  return TRUE;
}

static gboolean
timecard_export_sqlite_writer_begin_entity (TimecardExportWriter  *writer,
                                            TimecardExportEntity   entity,
                                            GError               **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  g_autofree char *sql = NULL;

  /* Time entries accumulate; a small entity is replaced whole. */
  if (entity == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)
    return TRUE;

  sql = g_strdup_printf ("DELETE FROM %s", timecard_export_entity_get_name (entity));
  return _timecard_sqlite_writer_begin (self, FALSE, error)
         && _timecard_sqlite_writer_exec (self, sql, error);
}

static void
bind_text (sqlite3_stmt              *stmt,
           int                        index,
           const TimecardExportValue *value)
{
  if (value->is_null)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_STATIC);
}

static void
bind_integer (sqlite3_stmt              *stmt,
              int                        index,
              const TimecardExportValue *value)
{
  if (value->is_null)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value->integer);
}

/* A LIST value as a JSON array; null items stay null. */
static void
append_json_list (GString                   *out,
                  const TimecardExportValue *value)
{
  g_string_append_c (out, '[');
  for (guint i = 0; !value->is_null && i < value->n_items; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (value->items[i] != NULL)
        timecard_export_append_json_string (out, value->items[i]);
      else
        g_string_append_len (out, "null", 4);
    }
  g_string_append_c (out, ']');
}

static void
bind_list (sqlite3_stmt              *stmt,
           int                        index,
           const TimecardExportValue *value)
{
  g_autoptr(GString) json = NULL;

  if (value->is_null)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  json = g_string_new (NULL);
  append_json_list (json, value);
  sqlite3_bind_text (stmt, index, json->str, json->len, SQLITE_TRANSIENT);
}

static gboolean
write_entity_row (TimecardExportSqliteWriter  *self,
                  const TimecardExportRow     *row,
                  GError                     **error)
{
  sqlite3_stmt *stmt = self->insert_row[row->entity];

  for (guint i = 0; i < row->info->n_columns; i++)
    {
      const TimecardExportValue *value = &row->values[i];

      switch (row->info->columns[i].type)
        {
        case TIMECARD_EXPORT_COLUMN_TEXT:
        case TIMECARD_EXPORT_COLUMN_JSON:
          bind_text (stmt, i + 1, value);
          break;
        case TIMECARD_EXPORT_COLUMN_INTEGER:
        case TIMECARD_EXPORT_COLUMN_BOOLEAN:
        case TIMECARD_EXPORT_COLUMN_MONEY:
          bind_integer (stmt, i + 1, value);
          break;
        case TIMECARD_EXPORT_COLUMN_LIST:
          bind_list (stmt, i + 1, value);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return _timecard_sqlite_writer_step_done (self, stmt, error);
}

typedef enum
{
  BIND_TEXT,
  BIND_INTEGER,
  BIND_TAG_IDS,
  BIND_TAG_NAMES,
} BindKind;

static gboolean
bind_entry_and_step (TimecardExportSqliteWriter  *self,
                     sqlite3_stmt                *stmt,
                     const TimecardExportRow     *row,
                     GError                     **error)
{
  /* The table's columns, in the order of the statements' parameters. */
  static const struct {
    TimecardTimeEntryColumn column;
    BindKind                kind;
  } parameters[] = {
    { TIMECARD_TIME_ENTRY_COL_ID, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_DESCRIPTION, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_USER_ID, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_USER_NAME, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_USER_EMAIL, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_PROJECT_ID, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_PROJECT_NAME, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_CLIENT_ID, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_CLIENT_NAME, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_TASK_ID, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_TASK_NAME, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_TAG_IDS, BIND_TAG_IDS },
    { TIMECARD_TIME_ENTRY_COL_TAG_NAMES, BIND_TAG_NAMES },
    { TIMECARD_TIME_ENTRY_COL_BILLABLE, BIND_INTEGER },
    { TIMECARD_TIME_ENTRY_COL_START_UTC, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_END_UTC, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_START_LOCAL, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_END_LOCAL, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_DURATION_SECONDS, BIND_INTEGER },
    { TIMECARD_TIME_ENTRY_COL_HOURLY_RATE, BIND_INTEGER },
    { TIMECARD_TIME_ENTRY_COL_COST_RATE, BIND_INTEGER },
    { TIMECARD_TIME_ENTRY_COL_CURRENCY, BIND_TEXT },
    { TIMECARD_TIME_ENTRY_COL_CUSTOM_FIELDS, BIND_TEXT },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (parameters); i++)
    {
      const TimecardExportValue *value = &row->values[parameters[i].column];

      switch (parameters[i].kind)
        {
        case BIND_TEXT:
          bind_text (stmt, i + 1, value);
          break;
        case BIND_INTEGER:
          bind_integer (stmt, i + 1, value);
          break;
        case BIND_TAG_IDS:
          sqlite3_bind_text (stmt, i + 1, self->tag_ids->str, self->tag_ids->len, SQLITE_STATIC);
          break;
        case BIND_TAG_NAMES:
          sqlite3_bind_text (stmt, i + 1, self->tag_names->str, self->tag_names->len, SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  sqlite3_bind_int64 (stmt, i + 1, self->generation);

  return _timecard_sqlite_writer_step_done (self, stmt, error);
}

static gboolean
write_time_entry (TimecardExportSqliteWriter  *self,
                  const TimecardExportRow     *row,
                  GError                     **error)
{
  g_string_truncate (self->tag_ids, 0);
  g_string_truncate (self->tag_names, 0);
  append_json_list (self->tag_ids, &row->values[TIMECARD_TIME_ENTRY_COL_TAG_IDS]);
  append_json_list (self->tag_names, &row->values[TIMECARD_TIME_ENTRY_COL_TAG_NAMES]);

  if (!bind_entry_and_step (self, self->insert_entry, row, error))
    return FALSE;

  /* Known already: update it. */
  if (sqlite3_changes (self->db) == 0)
    return bind_entry_and_step (self, self->update_entry, row, error);

  return TRUE;
}

static gboolean
timecard_export_sqlite_writer_write_row (TimecardExportWriter     *writer,
                                         const TimecardExportRow  *row,
                                         GError                  **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);

  if (row->entity != TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)
    return write_entity_row (self, row, error);

  if (row->values[TIMECARD_TIME_ENTRY_COL_ID].is_null
      || row->values[TIMECARD_TIME_ENTRY_COL_START_UTC].is_null)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A time entry without an id or start cannot be stored"));
      return FALSE;
    }

  if (!self->in_transaction && !_timecard_sqlite_writer_begin (self, TRUE, error))
    return FALSE;

  if (!write_time_entry (self, row, error))
    return FALSE;

  if (self->implicit_transaction && ++self->transaction_rows >= IMPLICIT_BATCH)
    return _timecard_sqlite_writer_commit (self, error);

  return TRUE;
}

static gboolean
timecard_export_sqlite_writer_end_entity (TimecardExportWriter  *writer,
                                          TimecardExportEntity   entity,
                                          GError               **error)
{
  return _timecard_sqlite_writer_commit (TIMECARD_EXPORT_SQLITE_WRITER (writer), error);
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot open “%s”"), path);

  if (fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  close (fd);
  return _timecard_export_set_io_error (error, saved_errno, _("Cannot save “%s”"), path);
}

/* Renames the finished partial database over the target. A write-ahead log
 * left next to the target would be replayed into the new file, so the
 * target's log must be gone first. */
static gboolean
publish (TimecardExportSqliteWriter  *self,
         GError                     **error)
{
  g_autofree char *wal = g_strconcat (self->target, "-wal", NULL);
  gboolean exists;

  if (!_timecard_export_sqlite_check_file (self->target, &exists, error))
    return FALSE;

  if (exists && g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      sqlite3 *db = NULL;

      /* Opening and closing the old database checkpoints its log away,
       * unless another program still has it open. */
      sqlite3_open_v2 (self->target, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
      sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL);
      sqlite3_close (db);

      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_BUSY,
                       _("“%s” is in use by another program"), self->target);
          return FALSE;
        }
    }

  if (!sync_file (self->db_path, error))
    return FALSE;

  if (g_rename (self->db_path, self->target) != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot replace “%s”"), self->target);

  return TRUE;
}

static gboolean
timecard_export_sqlite_writer_finish (TimecardExportWriter  *writer,
                                      GError               **error)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  int rc;
  int fd;

  if (!_timecard_sqlite_writer_commit (self, error)
      || !_timecard_sqlite_writer_exec (self, _timecard_export_sqlite_indexes_sql, error)
      || !_timecard_sqlite_writer_exec (self, "DELETE FROM sync_windows;"
                                       " DELETE FROM timecard_meta WHERE key = 'window_progress';"
                                       " PRAGMA optimize", error)
      || (!self->in_place && !_timecard_sqlite_writer_exec (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;

  /* Closing the last connection checkpoints the log into the file. */
  close_database (self);

  if (self->in_place)
    return TRUE;

  if (!publish (self, error))
    return FALSE;

  fd = open (self->parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  rc = fd >= 0 ? fsync (fd) : -1;
  if (fd >= 0)
    close (fd);
  if (rc != 0)
    return _timecard_export_set_io_error (error, errno, _("Cannot save “%s”"), self->parent);

  return TRUE;
}

static gboolean
timecard_export_sqlite_writer_close (TimecardExportWriter  *writer,
                                     GError               **error)
{
  close_database (TIMECARD_EXPORT_SQLITE_WRITER (writer));
  return TRUE;
}

static void
timecard_export_sqlite_writer_abort (TimecardExportWriter *writer)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (writer);
  g_autoptr(GError) error = NULL;

  close_database (self);

  if (self->owns_file && !remove_database (self->db_path, &error))
    g_warning ("Could not remove the unfinished export: %s", error->message);
}

static void
timecard_export_sqlite_writer_finalize (GObject *object)
{
  TimecardExportSqliteWriter *self = TIMECARD_EXPORT_SQLITE_WRITER (object);

  close_database (self);
  g_string_free (self->tag_ids, TRUE);
  g_string_free (self->tag_names, TRUE);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->parent, g_free);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (timecard_export_sqlite_writer_parent_class)->finalize (object);
}

static void
timecard_export_sqlite_writer_class_init (TimecardExportSqliteWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TimecardExportWriterClass *writer_class = TIMECARD_EXPORT_WRITER_CLASS (klass);

  object_class->finalize = timecard_export_sqlite_writer_finalize;

  writer_class->open = timecard_export_sqlite_writer_open;
  writer_class->begin_entity = timecard_export_sqlite_writer_begin_entity;
  writer_class->write_row = timecard_export_sqlite_writer_write_row;
  writer_class->end_entity = timecard_export_sqlite_writer_end_entity;
  writer_class->begin_window = _timecard_sqlite_writer_begin_window;
  writer_class->commit_window = _timecard_sqlite_writer_commit_window;
  writer_class->rollback_window = _timecard_sqlite_writer_rollback_window;
  writer_class->is_window_completed = _timecard_sqlite_writer_is_window_completed;
  writer_class->checkpoint_window = _timecard_sqlite_writer_checkpoint_window;
  writer_class->get_window_progress = _timecard_sqlite_writer_get_window_progress;
  writer_class->finish = timecard_export_sqlite_writer_finish;
  writer_class->close = timecard_export_sqlite_writer_close;
  writer_class->abort = timecard_export_sqlite_writer_abort;
}

static void
timecard_export_sqlite_writer_init (TimecardExportSqliteWriter *self)
{
  self->tag_ids = g_string_sized_new (256);
  self->tag_names = g_string_sized_new (256);
}

/**
 * timecard_export_sqlite_writer_new:
 * @path: the database file
 * @flags: how to treat an existing database; %TIMECARD_EXPORT_WRITER_FLAGS_UPDATE
 *   writes into it
 * @time_zone: (nullable): the zone of the `*_local` columns, UTC if %NULL
 * @lookup: (nullable): names for the ids that time entries refer to
 *
 * Returns: (transfer full): an SQLite writer
 */
TimecardExportWriter *
timecard_export_sqlite_writer_new (const char                *path,
                                   TimecardExportWriterFlags  flags,
                                   GTimeZone                 *time_zone,
                                   TimecardExportLookup      *lookup)
{
  return timecard_export_writer_new (TIMECARD_EXPORT_FORMAT_SQLITE, path, flags, time_zone, lookup);
}
