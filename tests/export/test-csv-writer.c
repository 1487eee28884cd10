/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-csv"

#include "config.h"

#include "timecard-export-csv.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>

#include "export-test-util.h"

#define TIME_ENTRIES_HEADER \
  "id,description,user_id,user_name,user_email,project_id,project_name,client_id," \
  "client_name,task_id,task_name,tag_ids,tag_names,billable,start_utc,end_utc,start_local," \
  "end_local,duration_seconds,hourly_rate,cost_rate,currency,custom_fields\r\n"

/* Derived by hand from the records in export-test-util.c, in Europe/Berlin. */
static const char expected_time_entries[] =
  TIME_ENTRIES_HEADER
  "e1,Plain entry,u1,Ada Lovelace,ada@example.com,p1,Website,c1,\"Acme, Inc.\",t1,Design,"
  "g1;g2,urgent;needs review,true,2024-03-01T08:00:00Z,2024-03-01T09:30:00Z,"
  "2024-03-01T09:00:00+01:00,2024-03-01T10:30:00+01:00,5400,43.21,25.00,EUR,"
  "\"{\"\"Ticket\"\":\"\"ABC-1\"\",\"\"Hours estimate\"\":2.5}\"\r\n"
  "e2,\"Fix \"\"login\"\", then\nrest\",u2,Zoë Ångström,zoe@example.org,p2,\"Café \"\"Bar\"\"\","
  ",,,,g3,Ünïcode tag,false,2024-03-31T00:30:00Z,,2024-03-31T01:30:00+01:00,,,-0.05,"
  "92233720368547758.07,USD,\"{\"\"Legacy\"\":null,\"\"Reviewed\"\":true}\"\r\n"
  "e3,\"\",u1,Ada Lovelace,ada@example.com,,,,,,,,,false,2024-03-31T01:00:00Z,"
  "2024-03-31T02:15:30Z,2024-03-31T03:00:00+02:00,2024-03-31T04:15:30+02:00,4530,,,,{}\r\n"
  "e4,,u404,,,p1,Website,c1,\"Acme, Inc.\",t9,Deleted task,g1;g404,urgent;,true,"
  "2024-10-27T00:59:59Z,2024-10-27T01:00:01Z,2024-10-27T02:59:59+02:00,"
  "2024-10-27T02:00:01+01:00,2,-92233720368547758.08,,EUR,"
  "\"{\"\"Ticket\"\":\"\"He said \\\"\"hi\\\"\"\\nbye\"\",\"\"Multi\"\":[1,\"\"a\"\",{\"\"k\"\":\"\"v\"\"}],"
  "\"\"cf77\"\":-3e2,\"\"Hours estimate\"\":false}\"\r\n"
  "e5,\"a\rb, trailing space \",u2,Zoë Ångström,zoe@example.org,,,,,,,,,true,"
  "1999-12-31T23:59:59Z,2000-01-01T00:00:00Z,2000-01-01T00:59:59+01:00,"
  "2000-01-01T01:00:00+01:00,1,0.00,1.00,EUR,{}\r\n";

static const struct {
  const char *name;
  const char *contents;
} expected_entities[] = {
  { "workspace.csv",
    "id,name,plan,currency,hourly_rate,subdomain\r\n"
    "w1,\"Acme, \"\"Workspace\"\"\",PRO_YEAR,EUR,50.00,\r\n" },
  { "users.csv",
    "id,name,email,status,time_zone\r\n"
    "u1,Ada Lovelace,ada@example.com,ACTIVE,Europe/London\r\n"
    "u2,Zoë Ångström,zoe@example.org,ACTIVE,\r\n" },
  { "user_groups.csv",
    "id,name,user_ids\r\n"
    "ug1,Everyone,u1;u2\r\n" },
  { "clients.csv",
    "id,name,email,address,note,archived,currency\r\n"
    "c1,\"Acme, Inc.\",billing@acme.example,\"1 Main St\nSpringfield\",,false,EUR\r\n" },
  { "projects.csv",
    "id,name,client_id,client_name,color,note,billable,archived,public,template,hourly_rate,"
    "cost_rate,currency,duration_seconds,estimate_seconds,estimate_type\r\n"
    "p1,Website,c1,\"Acme, Inc.\",#03A9F4,,true,false,true,false,120.50,,EUR,5400,36000,MANUAL\r\n"
    "p2,\"Café \"\"Bar\"\"\",,,,,false,true,false,false,,,,0,0,\r\n" },
  { "tasks.csv",
    "id,name,project_id,status,billable,assignee_ids,user_group_ids,estimate_seconds,"
    "duration_seconds,hourly_rate,cost_rate,currency\r\n"
    "t1,Design,p1,ACTIVE,true,u1,,7200,0,,-1.50,EUR\r\n" },
  { "tags.csv",
    "id,name,archived\r\n"
    "g1,urgent,false\r\n"
    "g2,needs review,true\r\n"
    "g3,Ünïcode tag,false\r\n" },
  { "custom_fields.csv",
    "id,name,type,status,entity_type,allowed_values,placeholder,description,required,"
    "only_admin_can_edit\r\n"
    "cf1,Ticket,TXT,VISIBLE,TIMEENTRY,,,,true,false\r\n"
    "cf2,Hours estimate,NUMBER,VISIBLE,,,,,false,false\r\n"
    "cf3,Reviewed,CHECKBOX,,,a;b;c,,,false,true\r\n" },
  { "time_entries.csv", expected_time_entries },
};

static TimecardExportWriter *
new_writer (const char                *path,
            TimecardExportWriterFlags  flags)
{
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  g_autoptr(GTimeZone) zone = export_test_berlin ();

  return timecard_export_csv_writer_new (path, flags, zone, lookup);
}

static char *
write_export_with_info (const char *dir,
                        const char *name,
                        const char *run_info)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);

  timecard_export_writer_set_run_info (writer, run_info);
  export_test_write_all (writer);
  return path;
}

static char *
write_export (const char *dir,
              const char *name)
{
  return write_export_with_info (dir, name, NULL);
}

static void
test_exact (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out");
  g_autofree char *listing = export_test_list_dir (path);
  g_autofree char *parent_listing = export_test_list_dir (dir);

  for (guint i = 0; i < G_N_ELEMENTS (expected_entities); i++)
    {
      g_autofree char *file = g_build_filename (path, expected_entities[i].name, NULL);
      g_autofree char *contents = export_test_read (file);

      g_assert_cmpstr (contents, ==, expected_entities[i].contents);
    }

  g_assert_cmpstr (listing, ==,
                   ".timecard-export clients.csv custom_fields.csv projects.csv tags.csv tasks.csv "
                   "time_entries.csv user_groups.csv users.csv workspace.csv");
  g_assert_cmpstr (parent_listing, ==, "out");
}

static const char *
first_of (const char *a,
          const char *b)
{
  return a != NULL ? a : (b != NULL ? b : "");
}

/* Reads the file back with an RFC 4180 parser and compares each field with
 * the record it came from. */
static void
test_parse_back (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out");
  g_autofree char *file = g_build_filename (path, "time_entries.csv", NULL);
  g_autofree char *contents = export_test_read (file);
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  guint n_records;

  records = export_test_records (&n_records);
  rows = export_test_parse_csv (contents, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n_records + 1);

  for (guint r = 0; r <= n_records; r++)
    g_assert_cmpuint (((GPtrArray *) rows->pdata[r])->len, ==, TIMECARD_TIME_ENTRY_N_COLUMNS);

  for (guint r = 0; r < n_records; r++)
    {
      const ClockifyEntryRecord *record = &records[r];
      const ExportTestField *description = export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_DESCRIPTION);
      const ExportTestField *end = export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_END_UTC);
      const ExportTestField *duration = export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_DURATION_SECONDS);

      g_assert_cmpstr (export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_ID)->text, ==, record->id);

      /* Null is an empty unquoted field, an empty string a quoted one. */
      if (record->description == NULL)
        g_assert_true (description->text[0] == '\0' && !description->quoted);
      else
        {
          g_assert_cmpstr (description->text, ==, record->description);
          g_assert_true (description->quoted == (record->description[0] == '\0'
                                                 || strpbrk (record->description, ",\"\r\n") != NULL));
        }

      if (record->end_usec == CLOCKIFY_ENTRY_RUNNING)
        {
          g_assert_cmpstr (end->text, ==, "");
          g_assert_cmpstr (duration->text, ==, "");
        }
      else
        g_assert_cmpint (g_ascii_strtoll (duration->text, NULL, 10), ==, record->duration_seconds);

      /* Names: the entity lists', else the record's. */
      g_assert_cmpstr (export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_PROJECT_NAME)->text, ==,
                       first_of (timecard_export_lookup_get_project_name (lookup, record->project_id),
                                 record->project_name));
      g_assert_cmpstr (export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_TASK_NAME)->text, ==,
                       first_of (timecard_export_lookup_get_task_name (lookup, record->task_id),
                                 record->task_name));
      g_assert_cmpstr (export_test_csv_field (rows, r + 1, TIMECARD_TIME_ENTRY_COL_USER_NAME)->text, ==,
                       first_of (timecard_export_lookup_get_user_name (lookup, record->user_id),
                                 record->user_name));
    }

  /* The custom fields column is one JSON object per entry. */
  for (guint r = 1; r <= n_records; r++)
    {
      const ExportTestField *field = export_test_csv_field (rows, r, TIMECARD_TIME_ENTRY_COL_CUSTOM_FIELDS);
      g_autoptr(JsonNode) node = json_from_string (field->text, &error);

      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
    }
  g_assert_cmpstr (export_test_csv_field (rows, 4, TIMECARD_TIME_ENTRY_COL_CUSTOM_FIELDS)->text, ==,
                   "{\"Ticket\":\"He said \\\"hi\\\"\\nbye\",\"Multi\":[1,\"a\",{\"k\":\"v\"}],"
                   "\"cf77\":-3e2,\"Hours estimate\":false}");
}

/* Writes the users entity and stops in the middle of time entries. */
static void
write_partially (TimecardExportWriter *writer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = export_test_items (TIMECARD_EXPORT_ENTITY_USERS);
  const ClockifyEntryRecord *records;
  TimecardExportWindow window = { .strategy = "test", .start_usec = 0, .end_usec = 1 };
  guint n_records;

  records = export_test_records (&n_records);

  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_USERS, &error);
  g_assert_no_error (error);
  timecard_export_writer_write_item (writer, users->pdata[0], &error);
  g_assert_no_error (error);
  timecard_export_writer_end_entity (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_window (writer, &window, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_records; i++)
    {
      timecard_export_writer_write_entry (writer, &records[i], &error);
      g_assert_no_error (error);
    }
}

static void
test_abort_keeps_previous (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out");
  g_autofree char *before = export_test_snapshot (path);
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;

  /* Explicitly aborted, and dropped without an ending. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);

      write_partially (writer);
      if (i == 0)
        timecard_export_writer_abort (writer);
    }

  after = export_test_snapshot (path);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing, ==, "out");
}

static void
test_completed_replaces (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *stale = g_build_filename (path, "tags.csv", NULL);
  g_autofree char *marker = g_build_filename (path, ".timecard-export", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *time_entries = g_build_filename (path, "time_entries.csv", NULL);
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  guint n_records;

  /* A previous export with an entity this run does not write. */
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  export_test_write_file (marker, "[Timecard Export]\nFormat=csv\n");
  export_test_write_file (stale, "old\r\n");
  export_test_write_file (time_entries, "old\r\n");

  records = export_test_records (&n_records);
  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  export_test_write_entries (writer, records, n_records, &error);
  g_assert_no_error (error);
  timecard_export_writer_finish (writer, &error);
  g_assert_no_error (error);

  listing = export_test_list_dir (path);
  g_assert_cmpstr (listing, ==, ".timecard-export time_entries.csv");
  contents = export_test_read (time_entries);
  g_assert_cmpstr (contents, ==, expected_time_entries);
  g_clear_pointer (&listing, g_free);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out");
}

static void
test_failed_write (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = write_export (dir, "out");
  g_autofree char *before = export_test_snapshot (path);
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  ClockifyEntryRecord record = export_test_records (&(guint) { 0 })[0];
  struct rlimit limit, small;
  gboolean ok = TRUE;

  /* Files may not grow past 64 KiB: writes fail with EFBIG, as on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  small = limit;
  small.rlim_cur = 64 * 1024;

  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  g_assert_no_error (error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  for (guint i = 0; ok && i < 100000; i++)
    ok = timecard_export_writer_write_entry (writer, &record, &error);
  if (ok)
    ok = timecard_export_writer_end_entity (writer, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ok);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "time_entries.csv"));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_clear_error (&error);

  /* A failed writer cannot be finished. */
  g_assert_false (timecard_export_writer_finish (writer, &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_FAILED);
  timecard_export_writer_abort (writer);

  after = export_test_snapshot (path);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing, ==, "out");
}

static void
check_refused (const char *path,
               GQuark      domain,
               int         code)
{
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_test_snapshot (path);
  g_autofree char *after = NULL;
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *listing_before = export_test_list_dir (parent);
  g_autofree char *listing_after = NULL;

  g_assert_false (timecard_export_writer_open (writer, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  g_clear_object (&writer);

  after = export_test_snapshot (path);
  listing_after = export_test_list_dir (parent);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

static void
test_refuse_file (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.csv", NULL);

  export_test_write_file (path, "my,own\r\n");
  check_refused (path, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_A_DIRECTORY);
}

static void
test_refuse_foreign_directory (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "documents", NULL);
  g_autofree char *file = g_build_filename (path, "thesis.txt", NULL);
  g_autofree char *users = g_build_filename (path, "users.csv", NULL);
  g_autofree char *marker = g_build_filename (path, ".timecard-export", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  export_test_write_file (users, "id\r\n");
  /* Entity files alone do not make it an export... */
  check_refused (path, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT);
  /* ...and an export with someone's file in it is not replaced either. */
  export_test_write_file (marker, "");
  export_test_write_file (file, "years of work");
  check_refused (path, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT);
}

static void
test_read_only_parent (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *parent = g_build_filename (dir, "locked", NULL);
  g_autofree char *fresh = g_build_filename (parent, "new", NULL);
  g_autofree char *existing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (parent, 0755), ==, 0);
  existing = write_export (parent, "out");
  before = export_test_snapshot (existing);
  g_assert_cmpint (g_chmod (parent, 0555), ==, 0);

  if (!export_test_drop_dac ())
    {
      g_chmod (parent, 0755);
      g_test_skip ("cannot drop CAP_DAC_OVERRIDE");
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? fresh : existing;
      g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
      g_autoptr(GError) error = NULL;

      g_assert_false (timecard_export_writer_open (writer, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, parent));
      g_test_message ("%s", error->message);
    }

  export_test_restore_dac ();
  g_assert_cmpint (g_chmod (parent, 0755), ==, 0);

  after = export_test_snapshot (existing);
  listing = export_test_list_dir (parent);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing, ==, "out");
}

static void
test_busy (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autoptr(TimecardExportWriter) first = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(TimecardExportWriter) second = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  timecard_export_writer_open (first, &error);
  g_assert_no_error (error);
  g_assert_false (timecard_export_writer_open (second, &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&second);

  /* The refused writer did not disturb the running one. */
  timecard_export_writer_finish (first, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_resume (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *reference = write_export_with_info (dir, "reference", "{\"plan\":1}");
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *expected = export_test_snapshot (reference);
  g_autofree char *actual = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(TimecardExportWriter) writer = NULL;
  g_autoptr(TimecardExportWriter) resumed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(TimecardExportLookup) lookup = export_test_lookup ();
  const ClockifyEntryRecord *records;
  TimecardExportWindow windows[] = {
    { .strategy = "test", .start_usec = 0, .end_usec = 2 },
    { .strategy = "test", .start_usec = 2, .end_usec = 4 },
    { .strategy = "test", .start_usec = 4, .end_usec = 6 },
  };
  guint n_records;

  records = export_test_records (&n_records);

  /* The first run commits one window, writes half of the next, stops. */
  writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  timecard_export_writer_set_run_info (writer, "{\"plan\":1}");
  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_window (writer, &windows[0], &error);
  timecard_export_writer_write_entry (writer, &records[0], &error);
  timecard_export_writer_write_entry (writer, &records[1], &error);
  timecard_export_writer_commit_window (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_window (writer, &windows[1], &error);
  timecard_export_writer_write_entry (writer, &records[2], &error);
  g_assert_no_error (error);
  g_assert_true (timecard_export_writer_close (writer, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&writer);

  /* Another time zone cannot continue it, and leaves it alone. */
  writer = timecard_export_csv_writer_new (path, TIMECARD_EXPORT_WRITER_FLAGS_RESUME, utc, lookup);
  g_assert_false (timecard_export_writer_open (writer, &error));
  g_assert_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH);
  g_clear_error (&error);
  g_clear_object (&writer);

  /* The resumed run skips the committed window and redoes the rest. */
  resumed = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_RESUME);
  timecard_export_writer_open (resumed, &error);
  g_assert_no_error (error);
  g_assert_true (timecard_export_writer_get_resumed (resumed));
  g_assert_cmpstr (timecard_export_writer_get_run_info (resumed), ==, "{\"plan\":1}");
  g_assert_true (timecard_export_writer_is_window_completed (resumed, &windows[0]));
  g_assert_false (timecard_export_writer_is_window_completed (resumed, &windows[1]));
  g_assert_false (timecard_export_writer_is_window_completed (resumed, &windows[2]));

  for (guint e = 0; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    {
      g_autoptr(GPtrArray) items = export_test_items (e);

      timecard_export_writer_begin_entity (resumed, e, &error);
      for (guint i = 0; i < items->len; i++)
        timecard_export_writer_write_item (resumed, items->pdata[i], &error);
      timecard_export_writer_end_entity (resumed, &error);
      g_assert_no_error (error);
    }

  timecard_export_writer_begin_entity (resumed, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      if (timecard_export_writer_is_window_completed (resumed, &windows[w]))
        continue;
      timecard_export_writer_begin_window (resumed, &windows[w], &error);
      for (guint i = 2 * w; i < 2 * w + 2 && i < n_records; i++)
        timecard_export_writer_write_entry (resumed, &records[i], &error);
      timecard_export_writer_commit_window (resumed, &error);
      g_assert_no_error (error);
    }
  g_assert_true (timecard_export_writer_is_window_completed (resumed, &windows[2]));
  timecard_export_writer_end_entity (resumed, &error);
  timecard_export_writer_finish (resumed, &error);
  g_assert_no_error (error);

  actual = export_test_snapshot (path);
  g_assert_cmpstr (actual, ==, expected);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out reference");
}

static void
test_stale_partial_without_resume (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *time_entries = g_build_filename (path, "time_entries.csv", NULL);
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(TimecardExportWriter) fresh = NULL;
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  guint n_records;

  records = export_test_records (&n_records);

  write_partially (writer);
  timecard_export_writer_close (writer, &error);
  g_assert_no_error (error);

  fresh = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  timecard_export_writer_open (fresh, &error);
  g_assert_no_error (error);
  g_assert_false (timecard_export_writer_get_resumed (fresh));
  export_test_write_entries (fresh, records, n_records, &error);
  timecard_export_writer_finish (fresh, &error);
  g_assert_no_error (error);

  listing = export_test_list_dir (path);
  g_assert_cmpstr (listing, ==, ".timecard-export time_entries.csv");
  contents = export_test_read (time_entries);
  g_assert_cmpstr (contents, ==, expected_time_entries);
  g_clear_pointer (&listing, g_free);
  listing = export_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "out");
}

/* A window written in part, more than a buffer's worth, then discarded:
 * the file is as if it had never been written. */
static void
test_rollback_window (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *file = g_build_filename (path, "time_entries.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TimecardExportWriter) writer = new_writer (path, TIMECARD_EXPORT_WRITER_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  TimecardExportWindow first = { .strategy = "test", .start_usec = 0, .end_usec = 2 };
  TimecardExportWindow second = { .strategy = "test", .start_usec = 2, .end_usec = 6 };
  guint n_records;

  records = export_test_records (&n_records);
  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);
  timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
  timecard_export_writer_begin_window (writer, &first, &error);
  timecard_export_writer_write_entry (writer, &records[0], &error);
  timecard_export_writer_write_entry (writer, &records[1], &error);
  timecard_export_writer_commit_window (writer, &error);
  g_assert_no_error (error);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      /* Small (in the buffer), then large (flushed to the file). */
      guint n = attempt == 0 ? 1 : 10000;

      timecard_export_writer_begin_window (writer, &second, &error);
      for (guint i = 0; i < n; i++)
        timecard_export_writer_write_entry (writer, &records[2 + i % 3], &error);
      g_assert_no_error (error);
      if (attempt < 2)
        {
          g_assert_true (timecard_export_writer_rollback_window (writer, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (timecard_export_writer_get_n_rows (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), ==, 2);
          g_assert_false (timecard_export_writer_is_window_completed (writer, &second));
        }
    }
  g_assert_cmpuint (timecard_export_writer_get_n_rows (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES), ==, 10002);

  /* The third attempt wrote too much as well: roll it back and write it right. */
  timecard_export_writer_rollback_window (writer, &error);
  timecard_export_writer_begin_window (writer, &second, &error);
  for (guint i = 2; i < n_records; i++)
    timecard_export_writer_write_entry (writer, &records[i], &error);
  timecard_export_writer_commit_window (writer, &error);
  timecard_export_writer_end_entity (writer, &error);
  timecard_export_writer_finish (writer, &error);
  g_assert_no_error (error);

  contents = export_test_read (file);
  g_assert_cmpstr (contents, ==, expected_time_entries);
}

/* A window checkpointed part way: a resumed run gets the progress back,
 * keeps the rows before the checkpoint and loses those after it; rolling
 * the window back then drops the kept rows too, for good. */
static void
test_checkpoint (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out", NULL);
  g_autofree char *file = g_build_filename (path, "time_entries.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *records;
  TimecardExportWindow window = { .strategy = "test", .start_usec = 0, .end_usec = 6 };
  guint n_records;

  records = export_test_records (&n_records);
  g_assert_cmpuint (n_records, >=, 4);

  for (guint run = 0; run < 4; run++)
    {
      g_autoptr(TimecardExportWriter) writer =
        new_writer (path, run == 0 ? TIMECARD_EXPORT_WRITER_FLAGS_NONE : TIMECARD_EXPORT_WRITER_FLAGS_RESUME);
      guint first = 0;

      timecard_export_writer_open (writer, &error);
      g_assert_no_error (error);
      g_clear_pointer (&progress, g_free);
      progress = timecard_export_writer_get_window_progress (writer, &window);
      g_assert_false (timecard_export_writer_is_window_completed (writer, &window));

      switch (run)
        {
        case 0:
          g_assert_null (progress);
          break;
        case 1:
          /* What run 0 checkpointed, after two rows. */
          g_assert_cmpstr (progress, ==, "2\tafter two rows");
          first = 2;
          break;
        case 2:
          /* Run 1 rolled the window back: nothing is kept. */
          g_assert_null (progress);
          break;
        default:
          g_assert_cmpstr (progress, ==, "3\tafter three rows");
          first = 3;
        }

      timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, &error);
      timecard_export_writer_begin_window (writer, &window, &error);
      g_assert_no_error (error);

      if (run == 0 || run == 2)
        {
          guint at = run == 0 ? 2 : 3;

          for (guint i = 0; i < at; i++)
            timecard_export_writer_write_entry (writer, &records[i], &error);
          timecard_export_writer_checkpoint_window (writer, run == 0 ? "2\tafter two rows"
                                                                     : "3\tafter three rows", &error);
          g_assert_no_error (error);
          /* Written after the checkpoint, then interrupted: lost. */
          timecard_export_writer_write_entry (writer, &records[at], &error);
          g_assert_no_error (error);
          g_assert_true (timecard_export_writer_close (writer, &error));
          continue;
        }

      if (run == 1)
        {
          /* The kept rows turned out stale: the window starts over. */
          g_assert_true (timecard_export_writer_rollback_window (writer, &error));
          g_assert_no_error (error);
          g_assert_true (timecard_export_writer_close (writer, &error));
          continue;
        }

      for (guint i = first; i < n_records; i++)
        timecard_export_writer_write_entry (writer, &records[i], &error);
      timecard_export_writer_commit_window (writer, &error);
      timecard_export_writer_end_entity (writer, &error);
      timecard_export_writer_finish (writer, &error);
      g_assert_no_error (error);
    }

  contents = export_test_read (file);
  g_assert_cmpstr (contents, ==, expected_time_entries);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/exact", test_exact);
  g_test_add_func ("/export/csv/parse-back", test_parse_back);
  g_test_add_func ("/export/csv/atomic/abort-keeps-previous", test_abort_keeps_previous);
  g_test_add_func ("/export/csv/atomic/completed-replaces", test_completed_replaces);
  g_test_add_func ("/export/csv/atomic/failed-write", test_failed_write);
  g_test_add_func ("/export/csv/refuse/file", test_refuse_file);
  g_test_add_func ("/export/csv/refuse/foreign-directory", test_refuse_foreign_directory);
  g_test_add_func ("/export/csv/refuse/read-only-parent", test_read_only_parent);
  g_test_add_func ("/export/csv/refuse/busy", test_busy);
  g_test_add_func ("/export/csv/rollback-window", test_rollback_window);
  g_test_add_func ("/export/csv/checkpoint", test_checkpoint);
  g_test_add_func ("/export/csv/resume/continue", test_resume);
  g_test_add_func ("/export/csv/resume/stale-without-flag", test_stale_partial_without_resume);

  return g_test_run ();
}
