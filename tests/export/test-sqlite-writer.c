/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-sqlite"

#include "config.h"

#include "timecard-export-sqlite.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "export-test-util.h"

#define DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

static TimecardExportWriter *
new_writer (const char                *path,
            TimecardExportWriterFlags  flags)
{
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();

  return timecard_export_sqlite_writer_new (path, flags, zone, lookup);
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  /* Read-write: a read-only connection to a WAL database leaves its
   * -wal and -shm files behind when it closes. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

/* Every row of @sql as "a|b|c" lines; NULL prints as "∅". */
static char *
query (sqlite3    *db,
       const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, text != NULL ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_query (const char *path,
              const char *sql,
              const char *expected)
{
  sqlite3 *db = open_db (path);
  g_autofree char *result = query (db, sql);

  g_assert_cmpstr (result, ==, expected);
  sqlite3_close (db);
}

static char *
write_export (const char *dir,
              const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);

  export_test_write_all (writer);
  return path;
}

static void
test_schema (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out.db");
  g_autofree char *listing = export_test_list_dir (dir);
  g_autofree char *expected_ids = g_strdup_printf ("%d|%d\n", TIMECARD_EXPORT_SQLITE_APPLICATION_ID,
                                                   TIMECARD_EXPORT_SQLITE_SCHEMA_VERSION);

  /* Finished: one file, its write-ahead log checkpointed away. */
  g_assert_cmpstr (listing, ==, "out.db");

  assert_query (path, "SELECT * FROM pragma_application_id, pragma_user_version", expected_ids);
  assert_query (path, "PRAGMA journal_mode", "wal\n");
  assert_query (path, "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
                "index|time_entries_project_id\n"
                "index|time_entries_start_utc\n"
                "index|time_entries_user_id\n"
                "table|clients\n"
                "table|custom_fields\n"
                "table|projects\n"
                "table|sync_state\n"
                "table|sync_windows\n"
                "table|tags\n"
                "table|tasks\n"
                "table|time_entries\n"
                "table|timecard_meta\n"
                "table|user_groups\n"
                "table|users\n"
                "table|workspace\n"
                "view|time_entries_detailed\n"
                "view|time_entry_tags\n");

  /* Every entity table has its id as primary key. */
  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s') WHERE pk > 0",
                                              timecard_export_entity_get_name (e));
      assert_query (path, sql, "id\n");
    }
  assert_query (path, "SELECT group_concat (name, ',') FROM pragma_table_info('time_entry_tags')",
                "time_entry_id,position,tag_id,tag_name\n");
  assert_query (path, "SELECT name FROM pragma_index_info('time_entries_start_utc')", "start_utc\n");
  assert_query (path, "SELECT name FROM pragma_index_info('time_entries_user_id')", "user_id\n");
  assert_query (path, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('time_entries') ORDER BY 1",
                "client_id|clients\nproject_id|projects\ntask_id|tasks\nuser_id|users\n");
  assert_query (path, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('tasks')", "project_id|projects\n");
  assert_query (path, "SELECT key, value FROM timecard_meta WHERE key IN ('time_zone', 'schema_version') ORDER BY key",
                "schema_version|1\ntime_zone|Europe/Berlin\n");
  assert_query (path, "SELECT count(*) FROM sync_windows", "0\n");
}

static void
test_small_entities (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out.db");

  assert_query (path, "SELECT * FROM workspace", "w1|Acme, \"Workspace\"|PRO_YEAR|EUR|5000|∅\n");
  assert_query (path, "SELECT * FROM users ORDER BY id",
                "u1|Ada Lovelace|ada@example.com|ACTIVE|Europe/London\n"
                "u2|Zoë Ångström|zoe@example.org|ACTIVE|∅\n");
  assert_query (path, "SELECT * FROM user_groups", "ug1|Everyone|[\"u1\",\"u2\"]\n");
  assert_query (path, "SELECT * FROM projects ORDER BY id",
                "p1|Website|c1|Acme, Inc.|#03A9F4|∅|1|0|1|0|12050|∅|EUR|5400|36000|MANUAL\n"
                "p2|Café \"Bar\"|∅|∅|∅|∅|0|1|0|0|∅|∅|∅|0|0|∅\n");
  assert_query (path, "SELECT * FROM tasks", "t1|Design|p1|ACTIVE|1|[\"u1\"]|[]|7200|0|∅|-150|EUR\n");
  assert_query (path, "SELECT id, allowed_values, required FROM custom_fields ORDER BY id",
                "cf1|[]|1\ncf2|[]|0\ncf3|[\"a;b\",\"c\"]|0\n");
  assert_query (path, "SELECT hourly_rate_cents, cost_rate_cents FROM time_entries ORDER BY id",
                "4321|2500\n-5|9223372036854775807\n∅|∅\n-9223372036854775808|∅\n0|100\n");
  assert_query (path, "SELECT id, tag_ids, tag_names FROM time_entries WHERE id IN ('e1', 'e3', 'e4') ORDER BY id",
                "e1|[\"g1\",\"g2\"]|[\"urgent\",\"needs review\"]\ne3|[]|[]\n"
                "e4|[\"g1\",\"g404\"]|[\"urgent\",null]\n");
  assert_query (path, "SELECT time_entry_id, position, tag_id, tag_name FROM time_entry_tags ORDER BY 1, 2",
                "e1|0|g1|urgent\ne1|1|g2|needs review\ne2|0|g3|Ünïcode tag\ne4|0|g1|urgent\ne4|1|g404|∅\n");
}

/* The same input through the CSV writer and the view: the same columns and
 * the same values, each in its format's type. */
static void
test_view_equals_csv (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out.db");
  g_autofree char *csv_path = g_build_filename (dir, "csv", NULL);
  g_autofree char *csv_file = g_build_filename (csv_path, "time_entries.csv", NULL);
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();
  g_autoptr(TimecardExportWriter) csv = timecard_export_csv_writer_new (csv_path, 0, zone, lookup);
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;
  guint r = 0;

  export_test_write_all (csv);
  contents = export_test_read (csv_file);
  rows = export_test_parse_csv (contents, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM time_entries_detailed ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_column_count (stmt), ==, info->n_columns);
  for (guint c = 0; c < info->n_columns; c++)
    {
      g_assert_cmpstr (sqlite3_column_name (stmt, c), ==, export_test_csv_field (rows, 0, c)->text);
      g_assert_cmpstr (sqlite3_column_name (stmt, c), ==, info->columns[c].name);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      r++;
      for (guint c = 0; c < info->n_columns; c++)
        {
          const ExportTestField *field = export_test_csv_field (rows, r, c);
          int type = sqlite3_column_type (stmt, c);

          if (type == SQLITE_NULL)
            {
              g_assert_cmpstr (field->text, ==, "");
              g_assert_false (field->quoted);
              continue;
            }

          switch (info->columns[c].type)
            {
            case TIMECARD_EXPORT_COLUMN_BOOLEAN:
              g_assert_cmpint (type, ==, SQLITE_INTEGER);
              g_assert_cmpstr (field->text, ==, sqlite3_column_int (stmt, c) ? "true" : "false");
              break;

            case TIMECARD_EXPORT_COLUMN_MONEY:
              {
                /* The exact decimal of the CSV, as the REAL the view computes. */
                g_auto(GStrv) parts = g_strsplit (field->text, ".", 2);
                gboolean negative = field->text[0] == '-';
                guint64 major = g_ascii_strtoull (parts[0] + negative, NULL, 10);
                guint64 cents = major * 100 + g_ascii_strtoull (parts[1], NULL, 10);
                gint64 minor = negative ? (gint64) (0 - cents) : (gint64) cents;

                g_assert_cmpint (type, ==, SQLITE_FLOAT);
                g_assert_cmpfloat (sqlite3_column_double (stmt, c), ==, (double) minor / 100.0);
              }
              break;

            case TIMECARD_EXPORT_COLUMN_INTEGER:
              g_assert_cmpint (type, ==, SQLITE_INTEGER);
              G_GNUC_FALLTHROUGH;
            case TIMECARD_EXPORT_COLUMN_TEXT:
            case TIMECARD_EXPORT_COLUMN_LIST:
            case TIMECARD_EXPORT_COLUMN_JSON:
            default:
              g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, c), ==, field->text);
              g_assert_true (field->quoted || field->text[0] != '\0');
              break;
            }
        }
    }
  g_assert_cmpuint (r, ==, rows->len - 1);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static ClockifyEntryRecord
make_entry (const char *id,
            const char *user_id,
            gint64      start_usec,
            const char *description)
{
  return (ClockifyEntryRecord) {
    .id = id, .user_id = user_id, .description = description,
    .start_usec = start_usec, .end_usec = start_usec + EXPORT_TEST_HOUR, .duration_seconds = 3600,
  };
}

static void
write_window (TimecardExportWriter       *writer,
              const TimecardExportWindow *window,
              const ClockifyEntryRecord  *entries,
              guint                       n_entries)
{
  g_autoptr(GError) error = NULL;

  timecard_export_writer_begin_window (writer, window, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_entries; i++)
    {
      timecard_export_writer_write_entry (writer, &entries[i], &error);
      g_assert_no_error (error);
    }
  timecard_export_writer_commit_window (writer, &error);
  g_assert_no_error (error);
}

static void
run_windows (const char                *path,
             TimecardExportWriterFlags  flags,
             const TimecardExportWindow *windows,
             const ClockifyEntryRecord * const *entries,
             const guint               *n_entries,
             guint                      n_windows,
             guint64                    expected_pruned)
{
  g_autoptr(TimecardExportWriter) writer = new_writer (path, flags);
  g_autoptr(GError) error = NULL;

  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  g_assert_no_error (error);
  for (guint w = 0; w < n_windows; w++)
    write_window (writer, &windows[w], entries[w], n_entries[w]);
  timecard_export_writer_end_entity (writer, &error);
  g_assert_cmpuint (timecard_export_sqlite_writer_get_n_pruned (TIMECARD_EXPORT_SQLITE_WRITER (writer)),
                    ==, expected_pruned);
  timecard_export_writer_finish (writer, &error);
  g_assert_no_error (error);
}

static void
test_update_prune (void)
{
  static const char * const tags_a[] = { "g1", "g2" };
  static const char * const tags_b[] = { "g2" };
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.db", NULL);
  g_autofree char *listing = NULL;
  TimecardExportWindow month = { .strategy = "reports", .start_usec = EXPORT_TEST_T0, .end_usec = EXPORT_TEST_T0 + 10 * DAY };
  TimecardExportWindow later = { .strategy = "reports", .start_usec = EXPORT_TEST_T0 + 10 * DAY, .end_usec = EXPORT_TEST_T0 + 30 * DAY };
  TimecardExportWindow windows[2];
  ClockifyEntryRecord first[] = {
    make_entry ("A", "u1", EXPORT_TEST_T0 + EXPORT_TEST_HOUR, "first"),
    make_entry ("B", "u2", EXPORT_TEST_T0 + 2 * EXPORT_TEST_HOUR, "gone later"),
    make_entry ("C", "u1", EXPORT_TEST_T0 + 3 * EXPORT_TEST_HOUR, "stays"),
    /* Starts at the window's very first second: inside it. */
    make_entry ("F", "u2", EXPORT_TEST_T0, "edge"),
  };
  ClockifyEntryRecord outside[] = { make_entry ("D", "u1", EXPORT_TEST_T0 + 20 * DAY, "outside") };
  ClockifyEntryRecord second[] = {
    make_entry ("A", "u1", EXPORT_TEST_T0 + EXPORT_TEST_HOUR, "edited"),
    make_entry ("C", "u1", EXPORT_TEST_T0 + 3 * EXPORT_TEST_HOUR, "stays"),
    make_entry ("E", "u2", EXPORT_TEST_T0 + 4 * EXPORT_TEST_HOUR, "new"),
  };
  ClockifyEntryRecord third[] = { make_entry ("C", "u1", EXPORT_TEST_T0 + 3 * EXPORT_TEST_HOUR, "stays") };
  const ClockifyEntryRecord *entries[2];
  guint n_entries[2];

  first[0].tag_ids = tags_a;
  first[0].n_tag_ids = 2;
  second[0].tag_ids = tags_b;
  second[0].n_tag_ids = 1;

  /* A fresh export of two windows. */
  windows[0] = month;
  windows[1] = later;
  entries[0] = first;
  entries[1] = outside;
  n_entries[0] = G_N_ELEMENTS (first);
  n_entries[1] = G_N_ELEMENTS (outside);
  run_windows (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE, windows, entries, n_entries, 2, 0);
  assert_query (path, "SELECT id, description FROM time_entries ORDER BY id",
                "A|first\nB|gone later\nC|stays\nD|outside\nF|edge\n");

  /* Clockify now has A edited, B and F deleted, E new: the window is
   * fetched again in place and pruned; D, outside it, stays. */
  month.prune = TRUE;
  entries[0] = second;
  n_entries[0] = G_N_ELEMENTS (second);
  run_windows (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE, &month, entries, n_entries, 1, 2);
  assert_query (path, "SELECT id, description FROM time_entries ORDER BY id",
                "A|edited\nC|stays\nD|outside\nE|new\n");
  assert_query (path, "SELECT time_entry_id, tag_id FROM time_entry_tags ORDER BY 1, 2", "A|g2\n");

  /* A window rolled back leaves nothing behind. */
  {
    g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE);
    g_autoptr(GError) error = NULL;
    ClockifyEntryRecord dropped = make_entry ("X", "u1", EXPORT_TEST_T0, "rolled back");

    timecard_export_writer_open (writer, &error);
    timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
    timecard_export_writer_begin_window (writer, &month, &error);
    timecard_export_writer_write_entry (writer, &dropped, &error);
    timecard_export_writer_write_entry (writer, &third[0], &error);
    g_assert_no_error (error);
    g_assert_true (timecard_export_writer_rollback_window (writer, &error));
    g_assert_no_error (error);
    timecard_export_writer_end_entity (writer, &error);
    timecard_export_writer_finish (writer, &error);
    g_assert_no_error (error);
  }
  assert_query (path, "SELECT id, description FROM time_entries ORDER BY id",
                "A|edited\nC|stays\nD|outside\nE|new\n");

  /* A per-user window prunes that user's entries only: A goes, E stays. */
  month.strategy = "per-user";
  month.user_id = "u1";
  entries[0] = third;
  n_entries[0] = G_N_ELEMENTS (third);
  run_windows (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE, &month, entries, n_entries, 1, 1);
  assert_query (path, "SELECT id FROM time_entries ORDER BY id", "C\nD\nE\n");
  assert_query (path, "SELECT count(*) FROM time_entry_tags WHERE time_entry_id NOT IN (SELECT id FROM time_entries)",
                "0\n");

  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.db");
}

/* The detailed report never lists running entries, so a window fetched from
 * it cannot tell that one was deleted: pruning it keeps them. */
static void
test_update_prune_keeps_running (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.db", NULL);
  TimecardExportWindow window = { .strategy = "per-user", .start_usec = EXPORT_TEST_T0,
                                  .end_usec = EXPORT_TEST_T0 + 10 * DAY };
  ClockifyEntryRecord first[] = {
    make_entry ("G", "u1", EXPORT_TEST_T0 + EXPORT_TEST_HOUR, "completed"),
    make_entry ("R", "u1", EXPORT_TEST_T0 + 2 * EXPORT_TEST_HOUR, "running"),
  };
  const ClockifyEntryRecord *entries[1] = { first };
  guint n_entries[1] = { G_N_ELEMENTS (first) };

  first[1].end_usec = CLOCKIFY_ENTRY_RUNNING;
  first[1].duration_seconds = -1;
  run_windows (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE, &window, entries, n_entries, 1, 0);
  assert_query (path, "SELECT id, end_utc IS NULL FROM time_entries ORDER BY id", "G|0\nR|1\n");

  /* Both gone from Clockify; the report answers neither. */
  window.prune = TRUE;
  window.strategy = "reports";
  n_entries[0] = 0;
  run_windows (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE, &window, entries, n_entries, 1, 1);
  assert_query (path, "SELECT id FROM time_entries ORDER BY id", "R\n");

  /* The per-user endpoint lists running entries: its answer is complete. */
  window.strategy = "per-user";
  run_windows (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE, &window, entries, n_entries, 1, 1);
  assert_query (path, "SELECT count(*) FROM time_entries", "0\n");
}

static void
check_refused (const char *path,
               TimecardExportWriterFlags flags,
               int         code)
{
  g_autoptr(TimecardExportWriter) writer = new_writer (path, flags);
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *listing_before = export_test_list_dir (parent);
  g_autofree char *before = export_test_snapshot (path);
  g_autofree char *after = NULL;
  g_autofree char *listing_after = NULL;

  g_assert_false (timecard_export_writer_open (writer, &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  g_clear_object (&writer);

  after = export_test_snapshot (path);
  listing_after = export_test_list_dir (parent);
  g_assert_true (g_strcmp0 (after, before) == 0);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

static void
test_refuse (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *other = g_build_filename (dir, "accounts.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE accounts (id TEXT PRIMARY KEY, balance INTEGER);"
                                     "INSERT INTO accounts VALUES ('me', 42)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA application_id = 1416446820;"
                                     "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  G_STATIC_ASSERT (TIMECARD_EXPORT_SQLITE_APPLICATION_ID == 1416446820);

  export_test_write_file (text, "not a database, but longer than the SQLite header is......................"
                                "............................................................");
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      TimecardExportWriterFlags flags = i == 0 ? TIMECARD_EXPORT_WRITER_FLAGS_NONE
                                               : TIMECARD_EXPORT_WRITER_FLAGS_UPDATE;

      check_refused (other, flags, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT);
      check_refused (text, flags, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT);
      check_refused (newer, flags, TIMECARD_EXPORT_ERROR_NEWER_VERSION);
      check_refused (folder, flags, TIMECARD_EXPORT_ERROR_NOT_A_FILE);
    }

  assert_query (other, "SELECT * FROM accounts", "me|42\n");
}

static void
test_sync_state (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.db", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = 0, end = 0, synced = 0;
  gboolean found = TRUE;

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE);
      TimecardExportSqliteWriter *sqlite = TIMECARD_EXPORT_SQLITE_WRITER (writer);

      timecard_export_writer_open (writer, &error);
      g_assert_no_error (error);

      timecard_export_sqlite_writer_get_sync_state (sqlite, "w1", TIMECARD_EXPORT_ENTITY_TIME_ENTRIES,
                                                    &found, &start, &end, &synced, &error);
      g_assert_no_error (error);
      if (run == 0)
        {
          g_assert_false (found);
          timecard_export_sqlite_writer_set_sync_state (sqlite, "w1", TIMECARD_EXPORT_ENTITY_TIME_ENTRIES,
                                                        G_MININT64, EXPORT_TEST_T0, EXPORT_TEST_T0 + 5, &error);
          g_assert_no_error (error);
          timecard_export_sqlite_writer_set_sync_state (sqlite, "w1", TIMECARD_EXPORT_ENTITY_USERS,
                                                        0, 0, EXPORT_TEST_T0, &error);
          g_assert_no_error (error);
        }
      else
        {
          g_assert_true (found);
          g_assert_cmpint (start, ==, G_MININT64);
          g_assert_cmpint (end, ==, EXPORT_TEST_T0);
          g_assert_cmpint (synced, ==, EXPORT_TEST_T0 + 5);
        }

      timecard_export_sqlite_writer_get_sync_state (sqlite, "w2", TIMECARD_EXPORT_ENTITY_TIME_ENTRIES,
                                                    &found, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (found);

      timecard_export_writer_finish (writer, &error);
      g_assert_no_error (error);
    }

  assert_query (path, "SELECT workspace_id, entity, synced_at_utc FROM sync_state ORDER BY entity",
                "w1|time_entries|2024-03-01T08:00:00Z\nw1|users|2024-03-01T08:00:00Z\n");
}

static void
test_abort_keeps_previous (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out.db");
  g_autofree char *before = export_test_snapshot (path);
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  const ClockifyEntryRecord *records;
  guint n_records;

  records = export_test_records (&n_records);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
      g_autoptr(GError) error = NULL;
      TimecardExportWindow window = { .strategy = "test", .start_usec = 0, .end_usec = 1 };

      timecard_export_writer_open (writer, &error);
      g_assert_no_error (error);
      timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
      write_window (writer, &window, records, 1);
      window.end_usec = 2;
      timecard_export_writer_begin_window (writer, &window, &error);
      timecard_export_writer_write_entry (writer, &records[1], &error);
      g_assert_no_error (error);
      if (i == 0)
        timecard_export_writer_abort (writer);
    }

  after = export_test_snapshot (path);
  listing = export_test_list_dir (dir);
  g_assert_true (g_strcmp0 (after, before) == 0);
  g_assert_cmpstr (listing, ==, "out.db");

  /* A completed run replaces it. */
  {
    g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
    g_autoptr(GError) error = NULL;

    timecard_export_writer_open (writer, &error);
    g_assert_no_error (error);
    export_test_write_entries (writer, records, 1, &error);
    timecard_export_writer_finish (writer, &error);
    g_assert_no_error (error);
  }

  assert_query (path, "SELECT id FROM time_entries", "e1\n");
  assert_query (path, "SELECT count(*) FROM users", "0\n");
  g_clear_pointer (&listing, g_free);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.db");
}

static void
test_resume (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.db", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(TimecardExportWriter) resumed = NULL;
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  TimecardExportWindow first = { .strategy = "per-user", .start_usec = 0, .end_usec = 9, .user_id = "u1" };
  TimecardExportWindow second = { .strategy = "per-user", .start_usec = 0, .end_usec = 9, .user_id = "u2" };
  guint n_records;

  records = export_test_records (&n_records);

  timecard_export_writer_set_run_info (writer, "plan-1");
  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  write_window (writer, &first, records, 2);
  timecard_export_writer_begin_window (writer, &second, &error);
  timecard_export_writer_write_entry (writer, &records[2], &error);
  g_assert_no_error (error);
  timecard_export_writer_close (writer, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  resumed = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_RESUME);
  timecard_export_writer_open (resumed, &error);
  g_assert_no_error (error);
  g_assert_true (timecard_export_writer_get_resumed (resumed));
  g_assert_cmpstr (timecard_export_writer_get_run_info (resumed), ==, "plan-1");
  g_assert_true (timecard_export_writer_is_window_completed (resumed, &first));
  g_assert_false (timecard_export_writer_is_window_completed (resumed, &second));
  timecard_export_writer_begin_entity (resumed, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  write_window (resumed, &second, records + 2, n_records - 2);
  g_assert_true (timecard_export_writer_is_window_completed (resumed, &second));
  timecard_export_writer_end_entity (resumed, &error);
  timecard_export_writer_finish (resumed, &error);
  g_assert_no_error (error);

  assert_query (path, "SELECT id FROM time_entries ORDER BY id", "e1\ne2\ne3\ne4\ne5\n");
  assert_query (path, "SELECT count(*) FROM sync_windows", "0\n");
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out.db");
}

static void
test_time_zone_mismatch (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out.db");
  g_autofree char *before = export_test_snapshot (path);
  g_autofree char *after = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(TimecardExportWriter) writer =
    timecard_export_sqlite_writer_new (path, TIMECARD_EXPORT_WRITER_FLAGS_UPDATE, utc, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (timecard_export_writer_open (writer, &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH);
  g_assert_nonnull (strstr (error->message, "Europe/Berlin"));
  g_clear_object (&writer);

  after = export_test_snapshot (path);
  g_assert_true (g_strcmp0 (after, before) == 0);
}

static void
test_read_only_parent (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *parent = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (parent, "out.db", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (parent, 0555), ==, 0);
  if (!export_test_drop_dac ())
    {
      g_test_skip ("cannot drop CAP_DAC_OVERRIDE");
      return;
    }

  g_assert_false (timecard_export_writer_open (writer, &error));
  export_test_restore_dac ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, parent));
  g_test_message ("%s", error->message);

  listing = export_test_list_dir (parent);
  g_assert_cmpstr (listing, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/sqlite/schema", test_schema);
  g_test_add_func ("/export/sqlite/small-entities", test_small_entities);
  g_test_add_func ("/export/sqlite/view-equals-csv", test_view_equals_csv);
  g_test_add_func ("/export/sqlite/update-prune", test_update_prune);
  g_test_add_func ("/export/sqlite/update-prune-keeps-running", test_update_prune_keeps_running);
  g_test_add_func ("/export/sqlite/refuse", test_refuse);
  g_test_add_func ("/export/sqlite/sync-state", test_sync_state);
  g_test_add_func ("/export/sqlite/abort-keeps-previous", test_abort_keeps_previous);
  g_test_add_func ("/export/sqlite/resume", test_resume);
  g_test_add_func ("/export/sqlite/time-zone-mismatch", test_time_zone_mismatch);
  g_test_add_func ("/export/sqlite/read-only-parent", test_read_only_parent);

  return g_test_run ();
}
