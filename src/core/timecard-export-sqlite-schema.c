/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-sqlite"

#include "config.h"

#include "timecard-export-sqlite-private.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char time_entries_sql[] =
  "CREATE TABLE time_entries (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  description TEXT,\n"
  "  user_id TEXT REFERENCES users (id),\n"
  "  user_name TEXT,\n"
  "  user_email TEXT,\n"
  "  project_id TEXT REFERENCES projects (id),\n"
  "  project_name TEXT,\n"
  "  client_id TEXT REFERENCES clients (id),\n"
  "  client_name TEXT,\n"
  "  task_id TEXT REFERENCES tasks (id),\n"
  "  task_name TEXT,\n"
  "  tag_ids TEXT NOT NULL,\n"
  "  tag_names TEXT NOT NULL,\n"
  "  billable INTEGER NOT NULL,\n"
  "  start_utc TEXT NOT NULL,\n"
  "  end_utc TEXT,\n"
  "  start_local TEXT NOT NULL,\n"
  "  end_local TEXT,\n"
  "  duration_seconds INTEGER,\n"
  "  hourly_rate_cents INTEGER,\n"
  "  cost_rate_cents INTEGER,\n"
  "  currency TEXT,\n"
  "  custom_fields TEXT NOT NULL,\n"
  "  sync_generation INTEGER NOT NULL\n"
  ");\n"
  /* Tags are JSON arrays in time_entries (one row per entry is several
   * times cheaper to write than a row per tag); this view unnests them. */
  "CREATE VIEW time_entry_tags AS\n"
  "SELECT\n"
  "  e.id AS time_entry_id,\n"
  "  j.key AS position,\n"
  "  j.value AS tag_id,\n"
  "  COALESCE ((SELECT name FROM tags WHERE id = j.value),\n"
  "            json_extract (e.tag_names, '$[' || j.key || ']')) AS tag_name\n"
  "FROM time_entries e, json_each (e.tag_ids) j;\n"
  /* The ORDER BY in the subqueries fixes the order group_concat sees. */
  "CREATE VIEW time_entries_detailed AS\n"
  "SELECT\n"
  "  e.id AS id,\n"
  "  e.description AS description,\n"
  "  e.user_id AS user_id,\n"
  "  COALESCE (u.name, e.user_name) AS user_name,\n"
  "  COALESCE (u.email, e.user_email) AS user_email,\n"
  "  e.project_id AS project_id,\n"
  "  COALESCE (p.name, e.project_name) AS project_name,\n"
  "  e.client_id AS client_id,\n"
  "  COALESCE (c.name, e.client_name) AS client_name,\n"
  "  e.task_id AS task_id,\n"
  "  COALESCE (t.name, e.task_name) AS task_name,\n"
  "  (SELECT group_concat (value, ';') FROM\n"
  "     (SELECT value FROM json_each (e.tag_ids) ORDER BY key)) AS tag_ids,\n"
  "  (SELECT group_concat (COALESCE ((SELECT name FROM tags WHERE id = j.value),\n"
  "                                  json_extract (e.tag_names, '$[' || j.key || ']'), ''), ';')\n"
  "   FROM (SELECT key, value FROM json_each (e.tag_ids) ORDER BY key) j) AS tag_names,\n"
  "  e.billable AS billable,\n"
  "  e.start_utc AS start_utc,\n"
  "  e.end_utc AS end_utc,\n"
  "  e.start_local AS start_local,\n"
  "  e.end_local AS end_local,\n"
  "  e.duration_seconds AS duration_seconds,\n"
  "  e.hourly_rate_cents / 100.0 AS hourly_rate,\n"
  "  e.cost_rate_cents / 100.0 AS cost_rate,\n"
  "  e.currency AS currency,\n"
  "  e.custom_fields AS custom_fields\n"
  "FROM time_entries e\n"
  "LEFT JOIN users u ON u.id = e.user_id\n"
  "LEFT JOIN projects p ON p.id = e.project_id\n"
  "LEFT JOIN clients c ON c.id = e.client_id\n"
  "LEFT JOIN tasks t ON t.id = e.task_id;\n"
  "CREATE TABLE sync_state (\n"
  "  workspace_id TEXT NOT NULL,\n"
  "  entity TEXT NOT NULL,\n"
  "  range_start_usec INTEGER NOT NULL,\n"
  "  range_end_usec INTEGER NOT NULL,\n"
  "  synced_at_usec INTEGER NOT NULL,\n"
  "  synced_at_utc TEXT NOT NULL,\n"
  "  PRIMARY KEY (workspace_id, entity)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE sync_windows (\n"
  "  strategy TEXT NOT NULL,\n"
  "  window_start_usec INTEGER NOT NULL,\n"
  "  window_end_usec INTEGER NOT NULL,\n"
  "  user_id TEXT NOT NULL,\n"
  "  rows INTEGER NOT NULL,\n"
  "  completed_at_usec INTEGER NOT NULL,\n"
  "  PRIMARY KEY (strategy, window_start_usec, window_end_usec, user_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE timecard_meta (\n"
  "  key TEXT PRIMARY KEY,\n"
  "  value TEXT\n"
  ") WITHOUT ROWID;\n";

/* Built once over the finished table by a fresh export (a sort, much
 * cheaper than keeping them up to date row by row), and kept up to date by
 * updates in place. */
const char _timecard_export_sqlite_indexes_sql[] =
  "CREATE INDEX IF NOT EXISTS time_entries_start_utc ON time_entries (start_utc);\n"
  "CREATE INDEX IF NOT EXISTS time_entries_user_id ON time_entries (user_id);\n"
  "CREATE INDEX IF NOT EXISTS time_entries_project_id ON time_entries (project_id);\n";

/* Entries are inserted, and updated only when the id is there already:
 * in a fresh export the update never runs. The two statements take the same
 * parameters. */
const char _timecard_export_sqlite_insert_entry_sql[] =
  "INSERT INTO time_entries (id, description, user_id, user_name, user_email, project_id,"
  " project_name, client_id, client_name, task_id, task_name, tag_ids, tag_names, billable,"
  " start_utc, end_utc, start_local, end_local, duration_seconds, hourly_rate_cents,"
  " cost_rate_cents, currency, custom_fields, sync_generation)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
  " ?19, ?20, ?21, ?22, ?23, ?24)"
  " ON CONFLICT (id) DO NOTHING";

const char _timecard_export_sqlite_update_entry_sql[] =
  "UPDATE time_entries SET description = ?2, user_id = ?3, user_name = ?4, user_email = ?5,"
  " project_id = ?6, project_name = ?7, client_id = ?8, client_name = ?9, task_id = ?10,"
  " task_name = ?11, tag_ids = ?12, tag_names = ?13, billable = ?14, start_utc = ?15,"
  " end_utc = ?16, start_local = ?17, end_local = ?18, duration_seconds = ?19,"
  " hourly_rate_cents = ?20, cost_rate_cents = ?21, currency = ?22, custom_fields = ?23,"
  " sync_generation = ?24"
  " WHERE id = ?1";

/* ?1, ?2: the window as start_utc text; ?3: a user id or NULL; ?4: the
 * window's generation; ?5: whether running entries stay, because the window
 * was fetched from the detailed report, which never lists them. */
#define PRUNE_CONDITION \
  "start_utc >= ?1 AND start_utc < ?2 AND (?3 IS NULL OR user_id = ?3) AND sync_generation != ?4" \
  " AND NOT (?5 AND end_utc IS NULL)"

const char _timecard_export_sqlite_prune_entries_sql[] =
  "DELETE FROM time_entries WHERE " PRUNE_CONDITION;

/**
 * _timecard_export_sqlite_set_error:
 *
 * Sets @error from SQLite's result @rc: a %G_IO_ERROR when the system said
 * why (no space, permission denied), else a %TIMECARD_EXPORT_ERROR.
 *
 * Returns: %FALSE
 */
gboolean
_timecard_export_sqlite_set_error (GError     **error,
                                   sqlite3     *db,
                                   int          rc,
                                   const char  *path)
{
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Cannot write “%s”: the disk is full"), path);
      return FALSE;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_BUSY,
                   _("“%s” is in use by another program"), path);
      return FALSE;

    case SQLITE_NOTADB:
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT,
                   _("“%s” is not an SQLite database; Timecard will not overwrite it"), path);
      return FALSE;

    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      if (system_errno != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (system_errno),
                       _("Cannot write “%s”: %s"), path, g_strerror (system_errno));
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;

    default:
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_DATABASE,
                   _("Cannot write “%s”: %s"), path, message);
      return FALSE;
    }
}

gboolean
_timecard_export_sqlite_exec (sqlite3     *db,
                              const char  *sql,
                              const char  *path,
                              GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _timecard_export_sqlite_set_error (error, db, rc, path);

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out_value,
           int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  *out_rc = rc;
  return rc == SQLITE_ROW;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The database header (https://sqlite.org/fileformat.html): the magic
 * string, user_version at 60, application_id at 68. Read as bytes, because
 * opening another program's WAL database, even read-only, leaves -wal and
 * -shm files next to it. */
static gboolean
read_header (const char  *path,
             gboolean    *out_is_sqlite,
             int         *out_application_id,
             int         *out_version,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  gssize length;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  length = read (fd, header, sizeof header);
  close (fd);

  *out_is_sqlite = length == sizeof header && memcmp (header, magic, sizeof magic) == 0;
  if (*out_is_sqlite)
    {
      *out_version = (int) read_be32 (header + 60);
      *out_application_id = (int) read_be32 (header + 68);
    }

  return TRUE;
}

/* The header may still be in the write-ahead log of a database whose
 * writer stopped before a checkpoint: ask SQLite. */
static gboolean
query_header (const char  *path,
              int         *out_application_id,
              int         *out_version,
              GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  gboolean ok = FALSE;

  if (rc != SQLITE_OK)
    _timecard_export_sqlite_set_error (error, db, rc, path);
  else if (!query_int (db, "PRAGMA application_id", out_application_id, &rc)
           || !query_int (db, "PRAGMA user_version", out_version, &rc))
    _timecard_export_sqlite_set_error (error, db, rc, path);
  else
    ok = TRUE;

  sqlite3_close (db);
  return ok;
}

/**
 * _timecard_export_sqlite_check_file:
 * @path: where a database would go
 * @out_exists: (out): whether a file is there
 * @error: return location for an error
 *
 * Accepts a missing or empty file, or a Timecard database of this or an
 * older schema; refuses anything else without writing to it.
 *
 * Returns: %TRUE if @path may be written
 */
gboolean
_timecard_export_sqlite_check_file (const char  *path,
                                    gboolean    *out_exists,
                                    GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  gboolean is_sqlite = FALSE;
  int application_id = 0;
  int version = 0;

  *out_exists = FALSE;

  if (g_lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_A_FILE,
                     _("“%s” is a folder; an SQLite export is one file"), path);
      else
        g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_A_FILE,
                     _("“%s” is not a regular file"), path);
      return FALSE;
    }

  *out_exists = TRUE;
  if (st.st_size == 0)
    return TRUE;

  if (!read_header (path, &is_sqlite, &application_id, &version, error))
    return FALSE;

  if (!is_sqlite)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT,
                   _("“%s” is not an SQLite database; Timecard will not overwrite it"), path);
      return FALSE;
    }

  if (application_id != TIMECARD_EXPORT_SQLITE_APPLICATION_ID
      && g_file_test (wal, G_FILE_TEST_EXISTS)
      && !query_header (path, &application_id, &version, error))
    return FALSE;

  if (application_id != TIMECARD_EXPORT_SQLITE_APPLICATION_ID)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT,
                   _("“%s” is a database that Timecard did not write; Timecard will not overwrite it"),
                   path);
      return FALSE;
    }

  if (version > TIMECARD_EXPORT_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Timecard"), path);
      return FALSE;
    }

  return TRUE;
}

static const char *
column_sql_type (TimecardExportColumnType type)
{
  switch (type)
    {
    case TIMECARD_EXPORT_COLUMN_INTEGER:
    case TIMECARD_EXPORT_COLUMN_BOOLEAN:
    case TIMECARD_EXPORT_COLUMN_MONEY:
      return "INTEGER";
    case TIMECARD_EXPORT_COLUMN_TEXT:
    case TIMECARD_EXPORT_COLUMN_LIST:
    case TIMECARD_EXPORT_COLUMN_JSON:
    default:
      return "TEXT";
    }
}

static void
append_column_name (GString                    *sql,
                    const TimecardExportColumn *column)
{
  g_string_append (sql, column->name);
  if (column->type == TIMECARD_EXPORT_COLUMN_MONEY)
    g_string_append (sql, "_cents");
}

static void
append_entity_table (GString                        *sql,
                     const TimecardExportEntityInfo *info)
{
  g_assert (g_str_equal (info->columns[0].name, "id"));

  g_string_append_printf (sql, "CREATE TABLE %s (\n  id TEXT PRIMARY KEY", info->name);
  for (guint i = 1; i < info->n_columns; i++)
    {
      const TimecardExportColumn *column = &info->columns[i];

      g_string_append (sql, ",\n  ");
      append_column_name (sql, column);
      g_string_append_printf (sql, " %s", column_sql_type (column->type));
      if (column->references != NULL)
        g_string_append_printf (sql, " REFERENCES %s (id)", column->references);
    }
  g_string_append (sql, "\n);\n");
}

/**
 * _timecard_export_sqlite_insert_sql:
 * @entity: a small entity
 *
 * Returns: (transfer full): the statement that writes one row of @entity,
 *   with a parameter per column in column order
 */
char *
_timecard_export_sqlite_insert_sql (TimecardExportEntity entity)
{
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (entity);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT OR REPLACE INTO %s (", info->name);
  for (guint i = 0; i < info->n_columns; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_column_name (sql, &info->columns[i]);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < info->n_columns; i++)
    g_string_append_printf (sql, i > 0 ? ", ?%u" : "?%u", i + 1);
  g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

/**
 * _timecard_export_sqlite_create_schema:
 * @db: an empty database
 * @path: its path, for messages
 * @error: return location for an error
 *
 * Creates every table, index and view, and marks the file as a Timecard
 * database of this schema, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_timecard_export_sqlite_create_schema (sqlite3     *db,
                                       const char  *path,
                                       GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN IMMEDIATE;\n");

  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    if (i != TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)
      append_entity_table (sql, timecard_export_entity_get_info (i));

  g_string_append (sql, time_entries_sql);
  g_string_append_printf (sql, "PRAGMA application_id = %d;\nPRAGMA user_version = %d;\nCOMMIT;\n",
                          TIMECARD_EXPORT_SQLITE_APPLICATION_ID,
                          TIMECARD_EXPORT_SQLITE_SCHEMA_VERSION);

  if (!_timecard_export_sqlite_exec (db, sql->str, path, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
