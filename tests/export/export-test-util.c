/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "export-test"

#include "config.h"

#include "export-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "clockify.h"

#define S(x) (G_GINT64_CONSTANT (x) * G_USEC_PER_SEC)

static const char * const e1_tags[] = { "g1", "g2" };
static const char * const e2_tags[] = { "g3" };
static const char * const e2_tag_names[] = { "Ünïcode tag" };
static const char * const e4_tags[] = { "g1", "g404" };

/* Each record exercises something: see the expected CSV in test-csv-writer.c. */
static const ClockifyEntryRecord records[] = {
  /* Main API: ids only, names from the lookup, client through the project. */
  {
    .id = "e1", .description = "Plain entry", .user_id = "u1", .project_id = "p1",
    .task_id = "t1", .tag_ids = e1_tags, .n_tag_ids = 2, .billable = TRUE,
    .start_usec = S (1709280000), .end_usec = S (1709285400), .duration_seconds = 5400,
    .has_hourly_rate = TRUE, .hourly_rate = 4321, .hourly_rate_currency = "EUR",
    .has_cost_rate = TRUE, .cost_rate = 2500, .cost_rate_currency = "EUR",
    .custom_fields_json = "[{\"customFieldId\":\"cf1\",\"value\":\"ABC-1\"},"
                          "{\"customFieldId\":\"cf2\",\"value\":2.5}]",
  },
  /* Report: names in the record; quotes, comma, newline, unicode; running;
   * a negative and the largest rate. */
  {
    .id = "e2", .description = "Fix \"login\", then\nrest", .user_id = "u2",
    .user_name = "Zoë Ångström", .user_email = "zoe@example.org",
    .project_id = "p2", .project_name = "Old name: the lists win",
    .tag_ids = e2_tags, .n_tag_ids = 1, .tag_names = e2_tag_names, .n_tag_names = 1,
    .billable = FALSE, .start_usec = S (1711845000), .end_usec = CLOCKIFY_ENTRY_RUNNING,
    .duration_seconds = -1,
    .has_hourly_rate = TRUE, .hourly_rate = -5, .hourly_rate_currency = "USD",
    .has_cost_rate = TRUE, .cost_rate = G_MAXINT64, .cost_rate_currency = "USD",
    .custom_fields_json = "[{\"customFieldId\":\"cf9\",\"name\":\"Legacy\",\"value\":null},"
                          "{\"customFieldId\":\"cf3\",\"name\":\"ignored\",\"value\":true}]",
  },
  /* Empty description, nothing optional; starts just after the spring DST jump. */
  {
    .id = "e3", .description = "", .user_id = "u1",
    .start_usec = S (1711846800), .end_usec = S (1711851330), .duration_seconds = 4530,
  },
  /* No description; unknown user and tag; a task only the record names;
   * across the autumn DST change; the smallest rate; custom values of every
   * JSON type, with whitespace to compact. */
  {
    .id = "e4", .user_id = "u404", .project_id = "p1", .task_id = "t9",
    .task_name = "Deleted task", .tag_ids = e4_tags, .n_tag_ids = 2, .billable = TRUE,
    .start_usec = S (1729990799), .end_usec = S (1729990801), .duration_seconds = 2,
    .has_hourly_rate = TRUE, .hourly_rate = G_MININT64,
    .custom_fields_json = "[ {\"customFieldId\" : \"cf1\", \"value\" : \"He said \\\"hi\\\"\\nbye\"},\n"
                          "  {\"name\":\"Multi\",\"value\":[1, \"a\", {\"k\" : \"v\"}]},"
                          "{\"customFieldId\":\"cf77\",\"value\":-3e2},"
                          "{\"customFieldId\":\"cf2\",\"value\":false} ]",
  },
  /* A carriage return and trailing space; a start with microseconds;
   * a zero rate and a cost rate without currency. */
  {
    .id = "e5", .description = "a\rb, trailing space ", .user_id = "u2",
    .billable = TRUE, .start_usec = S (946684799) + 999999, .end_usec = S (946684800),
    .duration_seconds = 1,
    .has_hourly_rate = TRUE, .hourly_rate = 0, .hourly_rate_currency = "EUR",
    .has_cost_rate = TRUE, .cost_rate = 100,
    .custom_fields_json = "[]",
  },
};

/**
 * export_test_records:
 *
 * Returns: the tricky records
 */
const ClockifyEntryRecord *
export_test_records (guint *out_n_records)
{
  *out_n_records = G_N_ELEMENTS (records);
  return records;
}

static const char workspace_json[] =
  "{\"id\":\"w1\",\"name\":\"Acme, \\\"Workspace\\\"\",\"featureSubscriptionType\":\"PRO_YEAR\","
  "\"hourlyRate\":{\"amount\":5000,\"currency\":\"EUR\"},"
  "\"currencies\":[{\"code\":\"EUR\",\"isDefault\":true}]}";

static const char * const user_json[] = {
  "{\"id\":\"u1\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"status\":\"ACTIVE\","
  "\"settings\":{\"timeZone\":\"Europe/London\"}}",
  "{\"id\":\"u2\",\"name\":\"Zoë Ångström\",\"email\":\"zoe@example.org\",\"status\":\"ACTIVE\"}",
  NULL
};

static const char * const group_json[] = {
  "{\"id\":\"ug1\",\"name\":\"Everyone\",\"userIds\":[\"u1\",\"u2\"]}",
  NULL
};

static const char * const client_json[] = {
  "{\"id\":\"c1\",\"name\":\"Acme, Inc.\",\"email\":\"billing@acme.example\","
  "\"address\":\"1 Main St\\nSpringfield\",\"archived\":false,\"currencyCode\":\"EUR\"}",
  NULL
};

static const char * const project_json[] = {
  "{\"id\":\"p1\",\"name\":\"Website\",\"clientId\":\"c1\",\"clientName\":\"Acme, Inc.\","
  "\"color\":\"#03A9F4\",\"billable\":true,\"archived\":false,\"public\":true,"
  "\"hourlyRate\":{\"amount\":12050,\"currency\":\"EUR\"},\"duration\":\"PT1H30M\","
  "\"estimate\":{\"estimate\":\"PT10H\",\"type\":\"MANUAL\"}}",
  "{\"id\":\"p2\",\"name\":\"Café \\\"Bar\\\"\",\"billable\":false,\"archived\":true}",
  NULL
};

static const char * const task_json[] = {
  "{\"id\":\"t1\",\"name\":\"Design\",\"projectId\":\"p1\",\"status\":\"ACTIVE\","
  "\"billable\":true,\"assigneeIds\":[\"u1\"],\"userGroupIds\":[],\"estimate\":\"PT2H\","
  "\"costRate\":{\"amount\":-150,\"currency\":\"EUR\"}}",
  NULL
};

static const char * const tag_json[] = {
  "{\"id\":\"g1\",\"name\":\"urgent\",\"archived\":false}",
  "{\"id\":\"g2\",\"name\":\"needs review\",\"archived\":true}",
  "{\"id\":\"g3\",\"name\":\"Ünïcode tag\"}",
  NULL
};

static const char * const custom_field_json[] = {
  "{\"id\":\"cf1\",\"name\":\"Ticket\",\"type\":\"TXT\",\"status\":\"VISIBLE\","
  "\"entityType\":\"TIMEENTRY\",\"required\":true}",
  "{\"id\":\"cf2\",\"name\":\"Hours estimate\",\"type\":\"NUMBER\",\"status\":\"VISIBLE\"}",
  "{\"id\":\"cf3\",\"name\":\"Reviewed\",\"type\":\"CHECKBOX\",\"allowedValues\":[\"a;b\",\"c\"],"
  "\"onlyAdminCanEdit\":true}",
  NULL
};

static GObject *
parse_item (GType       type,
            const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GObject *item = NULL;

  node = json_from_string (json, &error);
  g_assert_no_error (error);

  if (type == CLOCKIFY_TYPE_WORKSPACE)
    item = (GObject *) clockify_workspace_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_USER)
    item = (GObject *) clockify_user_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_USER_GROUP)
    item = (GObject *) clockify_user_group_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_CLIENT_ENTITY)
    item = (GObject *) clockify_client_entity_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_PROJECT)
    item = (GObject *) clockify_project_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_TASK)
    item = (GObject *) clockify_task_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_TAG)
    item = (GObject *) clockify_tag_new_from_json (node, &error);
  else if (type == CLOCKIFY_TYPE_CUSTOM_FIELD)
    item = (GObject *) clockify_custom_field_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/**
 * export_test_items:
 * @entity: a small entity
 *
 * Returns: (transfer full): the test data set's items of @entity
 */
GPtrArray *
export_test_items (TimecardExportEntity entity)
{
  static const struct {
    GType (*get_type) (void);
    const char * const *json;
  } sources[] = {
    [TIMECARD_EXPORT_ENTITY_USERS] = { clockify_user_get_type, user_json },
    [TIMECARD_EXPORT_ENTITY_USER_GROUPS] = { clockify_user_group_get_type, group_json },
    [TIMECARD_EXPORT_ENTITY_CLIENTS] = { clockify_client_entity_get_type, client_json },
    [TIMECARD_EXPORT_ENTITY_PROJECTS] = { clockify_project_get_type, project_json },
    [TIMECARD_EXPORT_ENTITY_TASKS] = { clockify_task_get_type, task_json },
    [TIMECARD_EXPORT_ENTITY_TAGS] = { clockify_tag_get_type, tag_json },
    [TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS] = { clockify_custom_field_get_type, custom_field_json },
  };
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (entity != TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);

  if (entity == TIMECARD_EXPORT_ENTITY_WORKSPACE)
    {
      g_ptr_array_add (items, parse_item (CLOCKIFY_TYPE_WORKSPACE, workspace_json));
      return items;
    }

  for (guint i = 0; sources[entity].json[i] != NULL; i++)
    g_ptr_array_add (items, parse_item (sources[entity].get_type (), sources[entity].json[i]));

  return items;
}

/**
 * export_test_lookup:
 *
 * Returns: (transfer full): a lookup filled from every test item
 */
TimecardExportLookup *
export_test_lookup (void)
{
  TimecardExportLookup *lookup = timecard_export_lookup_new ();

  for (guint e = 0; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    {
      g_autoptr(GPtrArray) items = export_test_items (e);

      for (guint i = 0; i < items->len; i++)
        g_assert_true (timecard_export_lookup_add_item (lookup, items->pdata[i]));
    }

  return lookup;
}

GTimeZone *
export_test_berlin (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("Europe/Berlin");

  g_assert_nonnull (zone);
  return zone;
}

/**
 * export_test_make_dir:
 *
 * Returns: (transfer full): a new empty directory under the (private) HOME
 */
char *
export_test_make_dir (void)
{
  char *path = g_build_filename (g_get_home_dir (), "export-test-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp (path));
  return path;
}

char *
export_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

void
export_test_write_file (const char *path,
                        const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * export_test_list_dir:
 *
 * Returns: (transfer full): the sorted names in @path, space-separated,
 *   dot files included
 */
char *
export_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/**
 * export_test_snapshot:
 *
 * Returns: (transfer full): every file below @path (one level) with its
 *   contents, to compare a directory byte for byte; or the contents of
 *   @path if it is a file
 */
char *
export_test_snapshot (const char *path)
{
  g_autoptr(GString) snapshot = g_string_new (NULL);
  g_autofree char *listing = NULL;
  g_auto(GStrv) names = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return export_test_read (path);

  listing = export_test_list_dir (path);
  names = g_strsplit (listing, " ", -1);
  for (guint i = 0; names[i] != NULL && names[i][0] != '\0'; i++)
    {
      g_autofree char *child = g_build_filename (path, names[i], NULL);
      g_autofree char *contents = export_test_read (child);

      g_string_append_printf (snapshot, "== %s\n%s", names[i], contents);
    }

  return g_string_free (g_steal_pointer (&snapshot), FALSE);
}

gboolean
export_test_write_entries (TimecardExportWriter       *writer,
                           const ClockifyEntryRecord  *entries,
                           guint                       n_entries,
                           GError                    **error)
{
  if (!timecard_export_writer_begin_entity (writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, error))
    return FALSE;

  for (guint i = 0; i < n_entries; i += 2)
    {
      TimecardExportWindow window = {
        .strategy = "test", .start_usec = i, .end_usec = i + 2, .user_id = NULL,
      };

      if (!timecard_export_writer_begin_window (writer, &window, error))
        return FALSE;
      for (guint j = i; j < i + 2 && j < n_entries; j++)
        if (!timecard_export_writer_write_entry (writer, &entries[j], error))
          return FALSE;
      if (!timecard_export_writer_commit_window (writer, error))
        return FALSE;
    }

  return timecard_export_writer_end_entity (writer, error);
}

/**
 * export_test_write_all:
 *
 * Opens @writer, writes every test item and record, and finishes.
 */
void
export_test_write_all (TimecardExportWriter *writer)
{
  g_autoptr(GError) error = NULL;
  const ClockifyEntryRecord *entries;
  guint n_entries;

  timecard_export_writer_open (writer, &error);
  g_assert_no_error (error);

  for (guint e = 0; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    {
      g_autoptr(GPtrArray) items = export_test_items (e);

      timecard_export_writer_begin_entity (writer, e, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < items->len; i++)
        {
          timecard_export_writer_write_item (writer, items->pdata[i], &error);
          g_assert_no_error (error);
        }
      timecard_export_writer_end_entity (writer, &error);
      g_assert_no_error (error);
    }

  entries = export_test_records (&n_entries);
  export_test_write_entries (writer, entries, n_entries, &error);
  g_assert_no_error (error);

  timecard_export_writer_finish (writer, &error);
  g_assert_no_error (error);
}

static void
field_free (gpointer data)
{
  ExportTestField *field = data;

  g_free (field->text);
  g_free (field);
}

/**
 * export_test_parse_csv:
 *
 * A strict RFC 4180 reader: records end with CRLF (also the last), fields
 * are quoted or contain no comma, quote, CR or LF.
 *
 * Returns: (transfer full) (element-type GPtrArray): the records, each an
 *   array of #ExportTestField
 */
GPtrArray *
export_test_parse_csv (const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = text;

  while (*p != '\0')
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (field_free);

      g_ptr_array_add (rows, row);
      for (;;)
        {
          ExportTestField *field = g_new0 (ExportTestField, 1);
          GString *value = g_string_new (NULL);

          g_ptr_array_add (row, field);
          if (*p == '"')
            {
              field->quoted = TRUE;
              for (p++; ; p++)
                {
                  if (*p == '\0')
                    {
                      g_string_free (value, TRUE);
                      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unterminated quote");
                      return NULL;
                    }
                  if (*p == '"' && p[1] == '"')
                    g_string_append_c (value, *p++);
                  else if (*p == '"')
                    break;
                  else
                    g_string_append_c (value, *p);
                }
              p++;
            }
          else
            {
              while (*p != ',' && *p != '\r' && *p != '\0')
                {
                  if (*p == '"' || *p == '\n')
                    {
                      g_string_free (value, TRUE);
                      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   "unquoted field contains a quote or LF");
                      return NULL;
                    }
                  g_string_append_c (value, *p++);
                }
            }
          field->text = g_string_free (value, FALSE);

          if (*p == ',')
            {
              p++;
              continue;
            }
          if (p[0] == '\r' && p[1] == '\n')
            {
              p += 2;
              break;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "a record does not end with CRLF");
          return NULL;
        }
    }

  return g_steal_pointer (&rows);
}

const ExportTestField *
export_test_csv_field (GPtrArray *rows,
                       guint      row,
                       guint      column)
{
  GPtrArray *fields;

  g_assert_cmpuint (row, <, rows->len);
  fields = g_ptr_array_index (rows, row);
  g_assert_cmpuint (column, <, fields->len);
  return g_ptr_array_index (fields, column);
}

static gboolean dac_dropped;

static gboolean
set_dac (gboolean enable)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0 } };
  guint32 mask = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH) | (1u << CAP_FOWNER);

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;

  if (enable)
    data[0].effective |= mask & data[0].permitted;
  else
    data[0].effective &= ~mask;

  return syscall (SYS_capset, &header, data) == 0;
}

/**
 * export_test_drop_dac:
 *
 * Returns: %FALSE if permissions would still not apply (root without the
 *   right to drop capabilities)
 */
gboolean
export_test_drop_dac (void)
{
  if (geteuid () != 0)
    return TRUE;

  dac_dropped = set_dac (FALSE);
  return dac_dropped;
}

void
export_test_restore_dac (void)
{
  if (dac_dropped)
    g_assert_true (set_dac (TRUE));
  dac_dropped = FALSE;
}
