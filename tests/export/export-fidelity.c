/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "export-fidelity"

#include "config.h"

#include "export-fidelity.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "export-test-util.h"

#define N_COLUMNS TIMECARD_TIME_ENTRY_N_COLUMNS
#define MAX_REPORTED 12

struct _ExportExpect
{
  GHashTable *entries;                            /* id → char *[N_COLUMNS] */
  GHashTable *names[TIMECARD_EXPORT_N_ENTITIES];  /* id → name, small entities */
  guint       entities;
};

static const char * const sim_entity_names[TIMECARD_EXPORT_N_ENTITIES] = {
  "workspaces", "users", "user-groups", "clients", "projects", "tasks", "tags", "custom-fields", NULL,
};

/* Canonical text forms */

static JsonNode *
canonical_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
      g_autoptr(JsonObject) sorted = json_object_new ();
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (sorted, l->data, canonical_node (json_object_get_member (object, l->data)));
      json_node_set_object (result, sorted);
      return result;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, canonical_node (json_array_get_element (array, i)));
      json_node_set_array (result, copy);
      return result;
    }

  /* 43 and 43.0 are the same number. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      json_node_get_double (node) == (double) (gint64) json_node_get_double (node))
    {
      JsonNode *result = json_node_new (JSON_NODE_VALUE);

      json_node_set_int (result, (gint64) json_node_get_double (node));
      return result;
    }

  return json_node_copy (node);
}

static char *
canonical_json_node (JsonNode *node)
{
  g_autoptr(JsonNode) canonical = canonical_node (node);

  return json_to_string (canonical, FALSE);
}

static char *
canonical_json (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;

  node = json_from_string (text, NULL);
  if (node == NULL)
    return g_strdup_printf ("(not JSON: %s)", text);

  return canonical_json_node (node);
}

static char *
format_money (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

static char *
format_utc (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
format_local (gint64     usec,
              GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static gint64
parse_instant (const char *text)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* "P1DT2H30M5S" → seconds. */
static gint64
parse_duration (const char *text)
{
  gint64 total = 0, number = 0;
  gboolean in_time = FALSE;

  g_assert_true (text[0] == 'P');
  for (const char *p = text + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        number = number * 10 + (*p - '0');
      else if (*p == 'T')
        in_time = TRUE;
      else
        {
          switch (*p)
            {
            case 'D': total += number * 86400; break;
            case 'H': g_assert_true (in_time); total += number * 3600; break;
            case 'M': g_assert_true (in_time); total += number * 60; break;
            case 'S': g_assert_true (in_time); total += number; break;
            default: g_assert_not_reached ();
            }
          number = 0;
        }
    }

  return total;
}

/* The expectation */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An id, NULL for null and "". */
static const char *
member_id (JsonObject *object,
           const char *name)
{
  const char *id = member_string (object, name);

  return id != NULL && *id != '\0' ? id : NULL;
}

static GHashTable *
index_by_id (JsonNode *array)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (json_node_get_array (array)); i++)
    {
      JsonObject *object = json_array_get_object_element (json_node_get_array (array), i);

      g_hash_table_insert (index, (gpointer) member_string (object, "id"), object);
    }

  return index;
}

static const char *
name_of (GHashTable *index,
         const char *id)
{
  JsonObject *object = id != NULL ? g_hash_table_lookup (index, id) : NULL;

  return object != NULL ? member_string (object, "name") : NULL;
}

static void
set_rate (char       **row,
          JsonObject  *entry,
          const char  *member,
          guint        column,
          const char **currency)
{
  JsonNode *node = json_object_get_member (entry, member);
  JsonObject *rate;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  rate = json_node_get_object (node);
  row[column] = format_money (json_object_get_int_member (rate, "amount"));
  if (*currency == NULL)
    *currency = member_string (rate, "currency");
}

static char *
expected_custom_fields (JsonObject *entry,
                        GHashTable *fields)
{
  JsonNode *values = json_object_get_member (entry, "customFieldValues");
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (values != NULL && JSON_NODE_HOLDS_ARRAY (values))
    {
      JsonArray *array = json_node_get_array (values);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *value = json_array_get_object_element (array, i);
          const char *id = member_string (value, "customFieldId");
          const char *name = fields != NULL ? name_of (fields, id) : NULL;

          if (name == NULL)
            name = member_string (value, "name");
          json_object_set_member (object, name != NULL ? name : id,
                                  json_node_copy (json_object_get_member (value, "value")));
        }
    }

  json_node_set_object (node, object);
  return canonical_json_node (node);
}

static GPtrArray *
expected_row (JsonObject *entry,
              GHashTable *users,
              GHashTable *projects,
              GHashTable *clients,
              GHashTable *tasks,
              GHashTable *tags,
              GHashTable *fields,
              GTimeZone  *zone,
              gboolean    report,
              const char *workspace_currency)
{
  GPtrArray *values = g_ptr_array_new_full (N_COLUMNS, g_free);
  char **row;
  JsonObject *interval = json_object_get_object_member (entry, "timeInterval");
  JsonNode *tag_ids = json_object_get_member (entry, "tagIds");
  const char *user_id = member_id (entry, "userId");
  const char *project_id = member_id (entry, "projectId");
  const char *task_id = member_id (entry, "taskId");
  JsonObject *project = project_id != NULL ? g_hash_table_lookup (projects, project_id) : NULL;
  const char *client_id = project != NULL ? member_id (project, "clientId") : NULL;
  JsonObject *user = g_hash_table_lookup (users, user_id);
  const char *end = member_string (interval, "end");
  const char *currency = NULL;
  gint64 start_usec = parse_instant (member_string (interval, "start"));
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  g_ptr_array_set_size (values, N_COLUMNS);
  row = (char **) values->pdata;
  row[TIMECARD_TIME_ENTRY_COL_ID] = g_strdup (member_string (entry, "id"));
  row[TIMECARD_TIME_ENTRY_COL_DESCRIPTION] = g_strdup (member_string (entry, "description"));
  row[TIMECARD_TIME_ENTRY_COL_USER_ID] = g_strdup (user_id);
  row[TIMECARD_TIME_ENTRY_COL_USER_NAME] = g_strdup (user != NULL ? member_string (user, "name") : NULL);
  row[TIMECARD_TIME_ENTRY_COL_USER_EMAIL] = g_strdup (user != NULL ? member_string (user, "email") : NULL);
  row[TIMECARD_TIME_ENTRY_COL_PROJECT_ID] = g_strdup (project_id);
  row[TIMECARD_TIME_ENTRY_COL_PROJECT_NAME] = g_strdup (name_of (projects, project_id));
  row[TIMECARD_TIME_ENTRY_COL_CLIENT_ID] = g_strdup (client_id);
  row[TIMECARD_TIME_ENTRY_COL_CLIENT_NAME] = g_strdup (name_of (clients, client_id));
  row[TIMECARD_TIME_ENTRY_COL_TASK_ID] = g_strdup (task_id);
  row[TIMECARD_TIME_ENTRY_COL_TASK_NAME] = g_strdup (name_of (tasks, task_id));

  for (guint i = 0; tag_ids != NULL && JSON_NODE_HOLDS_ARRAY (tag_ids) &&
                    i < json_array_get_length (json_node_get_array (tag_ids)); i++)
    {
      const char *tag = json_array_get_string_element (json_node_get_array (tag_ids), i);
      const char *tag_name = name_of (tags, tag);

      g_string_append_printf (ids, "%s%s", i > 0 ? ";" : "", tag);
      g_string_append_printf (names, "%s%s", i > 0 ? ";" : "", tag_name != NULL ? tag_name : "");
    }
  row[TIMECARD_TIME_ENTRY_COL_TAG_IDS] = g_strdup (ids->str);
  row[TIMECARD_TIME_ENTRY_COL_TAG_NAMES] = g_strdup (names->str);

  row[TIMECARD_TIME_ENTRY_COL_BILLABLE] = g_strdup (json_object_get_boolean_member (entry, "billable") ? "true" : "false");
  row[TIMECARD_TIME_ENTRY_COL_START_UTC] = format_utc (start_usec);
  row[TIMECARD_TIME_ENTRY_COL_START_LOCAL] = format_local (start_usec, zone);
  if (end != NULL)
    {
      gint64 end_usec = parse_instant (end);

      row[TIMECARD_TIME_ENTRY_COL_END_UTC] = format_utc (end_usec);
      row[TIMECARD_TIME_ENTRY_COL_END_LOCAL] = format_local (end_usec, zone);
      row[TIMECARD_TIME_ENTRY_COL_DURATION_SECONDS] =
        g_strdup_printf ("%" G_GINT64_FORMAT, parse_duration (member_string (interval, "duration")));
    }

  set_rate (row, entry, "hourlyRate", TIMECARD_TIME_ENTRY_COL_HOURLY_RATE, &currency);
  set_rate (row, entry, "costRate", TIMECARD_TIME_ENTRY_COL_COST_RATE, &currency);

  /* Reports give every entry rates, 0 for a break, in the workspace's currency. */
  if (report && g_strcmp0 (member_string (entry, "type"), "BREAK") == 0)
    {
      g_clear_pointer (&row[TIMECARD_TIME_ENTRY_COL_HOURLY_RATE], g_free);
      g_clear_pointer (&row[TIMECARD_TIME_ENTRY_COL_COST_RATE], g_free);
      row[TIMECARD_TIME_ENTRY_COL_HOURLY_RATE] = g_strdup ("0.00");
      row[TIMECARD_TIME_ENTRY_COL_COST_RATE] = g_strdup ("0.00");
      currency = workspace_currency;
    }
  row[TIMECARD_TIME_ENTRY_COL_CURRENCY] = g_strdup (currency);
  row[TIMECARD_TIME_ENTRY_COL_CUSTOM_FIELDS] = expected_custom_fields (entry, fields);

  return values;
}

/**
 * export_expect_new:
 * @start_usec, @end_usec: the range, TIMECARD_EXPORT_UNBOUNDED_* for none
 * @entities: TIMECARD_EXPORT_ENTITY_BIT() of the exported entities
 */
ExportExpect *
export_expect_new (ClockifySim *sim,
                   const char  *workspace_id,
                   const char  *time_zone,
                   gint64       start_usec,
                   gint64       end_usec,
                   gboolean     report,
                   guint        entities)
{
  ExportExpect *self = g_new0 (ExportExpect, 1);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);
  g_autoptr(JsonNode) workspaces = clockify_sim_dup_entities (sim, workspace_id, "workspaces");
  g_autoptr(JsonNode) entries = clockify_sim_dup_entities (sim, workspace_id, "time-entries");
  JsonNode *lists[TIMECARD_EXPORT_N_ENTITIES] = { NULL, };
  GHashTable *index[TIMECARD_EXPORT_N_ENTITIES] = { NULL, };
  const char *workspace_currency = NULL;
  gboolean free_plan = FALSE;

  g_assert_nonnull (zone);
  self->entities = entities;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (workspaces)); i++)
    {
      JsonObject *ws = json_array_get_object_element (json_node_get_array (workspaces), i);

      if (g_strcmp0 (member_string (ws, "id"), workspace_id) != 0)
        continue;
      workspace_currency = member_string (json_object_get_object_member (ws, "hourlyRate"), "currency");
      free_plan = g_strcmp0 (member_string (ws, "featureSubscriptionType"), "FREE") == 0;
      self->names[TIMECARD_EXPORT_ENTITY_WORKSPACE] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->names[TIMECARD_EXPORT_ENTITY_WORKSPACE],
                           g_strdup (workspace_id), g_strdup (member_string (ws, "name")));
    }
  g_assert_nonnull (workspace_currency);

  for (TimecardExportEntity e = TIMECARD_EXPORT_ENTITY_USERS; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    {
      /* Custom fields are a paid feature: the FREE workspace answers 403. */
      if (e == TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS && free_plan)
        {
          lists[e] = json_node_new (JSON_NODE_ARRAY);
          json_node_take_array (lists[e], json_array_new ());
        }
      else
        lists[e] = clockify_sim_dup_entities (sim, workspace_id, sim_entity_names[e]);
      g_assert_nonnull (lists[e]);
      index[e] = index_by_id (lists[e]);

      self->names[e] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < json_array_get_length (json_node_get_array (lists[e])); i++)
        {
          JsonObject *object = json_array_get_object_element (json_node_get_array (lists[e]), i);

          g_hash_table_insert (self->names[e], g_strdup (member_string (object, "id")),
                               g_strdup (member_string (object, "name")));
        }
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (entries)); i++)
    {
      JsonObject *entry = json_array_get_object_element (json_node_get_array (entries), i);
      JsonObject *interval = json_object_get_object_member (entry, "timeInterval");
      gint64 start = parse_instant (member_string (interval, "start"));
      GPtrArray *row;

      if (start < start_usec || start >= end_usec)
        continue;
      if (report && member_string (interval, "end") == NULL)
        continue;

      row = expected_row (entry, index[TIMECARD_EXPORT_ENTITY_USERS], index[TIMECARD_EXPORT_ENTITY_PROJECTS],
                          index[TIMECARD_EXPORT_ENTITY_CLIENTS], index[TIMECARD_EXPORT_ENTITY_TASKS],
                          index[TIMECARD_EXPORT_ENTITY_TAGS],
                          (entities & TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS))
                          ? index[TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS] : NULL,
                          zone, report, workspace_currency);
      g_hash_table_insert (self->entries, g_ptr_array_index (row, 0), row);
    }

  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    {
      g_clear_pointer (&index[e], g_hash_table_unref);
      g_clear_pointer (&lists[e], json_node_unref);
    }

  return self;
}

void
export_expect_free (ExportExpect *self)
{
  g_hash_table_unref (self->entries);
  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    g_clear_pointer (&self->names[e], g_hash_table_unref);
  g_free (self);
}

guint
export_expect_n_entries (ExportExpect *self)
{
  return g_hash_table_size (self->entries);
}

/* Reading an export back */

typedef struct
{
  TimecardExportEntity  entity;
  GPtrArray            *columns;  /* names */
  GPtrArray            *rows;     /* GPtrArray of values in column order, NULL for null */
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static int
column_index (Table      *table,
              const char *name)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (g_ptr_array_index (table->columns, i), name))
      return i;

  return -1;
}

static TimecardExportColumnType
column_type (TimecardExportEntity  entity,
             const char           *name)
{
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (entity);

  for (guint i = 0; i < info->n_columns; i++)
    if (g_str_equal (info->columns[i].name, name))
      return info->columns[i].type;

  return TIMECARD_EXPORT_COLUMN_TEXT;
}

static void
table_init (Table                *table,
            TimecardExportEntity  entity)
{
  table->entity = entity;
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

static char **
new_row (Table *table,
         guint  n_columns)
{
  GPtrArray *values = g_ptr_array_new_full (n_columns, g_free);

  g_ptr_array_set_size (values, n_columns);
  g_ptr_array_add (table->rows, values);
  return (char **) values->pdata;
}

static char *
normalise (TimecardExportColumnType  type,
           char                     *value)
{
  if (type == TIMECARD_EXPORT_COLUMN_LIST && value == NULL)
    return g_strdup ("");
  if (type == TIMECARD_EXPORT_COLUMN_JSON && value != NULL)
    {
      char *canonical = canonical_json (value);

      g_free (value);
      return canonical;
    }

  return value;
}

static gboolean
read_csv (const char  *path,
          Table       *table,
          GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *header;

  if (!g_file_get_contents (path, &text, NULL, error) ||
      !(records = export_test_parse_csv (text, error)))
    return FALSE;

  g_assert_cmpuint (records->len, >=, 1);
  header = g_ptr_array_index (records, 0);
  for (guint c = 0; c < header->len; c++)
    g_ptr_array_add (table->columns, g_strdup (((ExportTestField *) g_ptr_array_index (header, c))->text));

  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      char **row = new_row (table, table->columns->len);

      g_assert_cmpuint (record->len, ==, table->columns->len);
      for (guint c = 0; c < record->len; c++)
        {
          const ExportTestField *field = g_ptr_array_index (record, c);
          TimecardExportColumnType type = column_type (table->entity, g_ptr_array_index (table->columns, c));
          char *value = field->quoted || *field->text != '\0' ? g_strdup (field->text) : NULL;

          row[c] = normalise (type, value);
        }
    }

  return TRUE;
}

static char *
json_value_text (JsonNode                 *node,
                 TimecardExportColumnType  type)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return canonical_json_node (node);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) joined = g_string_new (NULL);

      if (type == TIMECARD_EXPORT_COLUMN_JSON)
        return canonical_json_node (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (i > 0)
            g_string_append_c (joined, ';');
          if (!JSON_NODE_HOLDS_NULL (item))
            g_string_append (joined, json_node_get_string (item));
        }
      return g_strdup (joined->str);
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      if (type == TIMECARD_EXPORT_COLUMN_MONEY)
        return format_money (json_node_get_int (node) * 100);
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.2f", json_node_get_double (node));
    default:
      return g_strdup ("(unexpected JSON value)");
    }
}

static gboolean
read_jsonl (const char  *path,
            Table       *table,
            GError     **error)
{
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (table->entity);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;

  for (guint c = 0; c < info->n_columns; c++)
    g_ptr_array_add (table->columns, g_strdup (info->columns[c].name));

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object;
      char **row;

      if (lines[i][0] == '\0')
        {
          g_assert_null (lines[i + 1]);
          break;
        }

      node = json_from_string (lines[i], error);
      if (node == NULL)
        return FALSE;
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      object = json_node_get_object (node);
      g_assert_cmpuint (json_object_get_size (object), ==, info->n_columns);

      row = new_row (table, info->n_columns);
      for (guint c = 0; c < info->n_columns; c++)
        {
          JsonNode *value = json_object_get_member (object, info->columns[c].name);

          g_assert_nonnull (value);
          row[c] = normalise (info->columns[c].type, json_value_text (value, info->columns[c].type));
        }
    }

  return TRUE;
}

static gboolean
read_sqlite (const char  *path,
             const char  *table_name,
             Table       *table,
             GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table_name);
  int rc;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  for (int c = 0; c < sqlite3_column_count (statement); c++)
    g_ptr_array_add (table->columns, g_strdup (sqlite3_column_name (statement, c)));

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      char **row = new_row (table, table->columns->len);

      for (guint c = 0; c < table->columns->len; c++)
        {
          const char *name = g_ptr_array_index (table->columns, c);
          TimecardExportColumnType type = column_type (table->entity, name);
          char *value = NULL;

          switch (sqlite3_column_type (statement, c))
            {
            case SQLITE_NULL:
              break;
            case SQLITE_INTEGER:
              if (type == TIMECARD_EXPORT_COLUMN_BOOLEAN)
                value = g_strdup (sqlite3_column_int64 (statement, c) ? "true" : "false");
              else
                value = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (statement, c));
              break;
            case SQLITE_FLOAT:
              value = g_strdup_printf ("%.2f", sqlite3_column_double (statement, c));
              break;
            default:
              value = g_strdup ((const char *) sqlite3_column_text (statement, c));
              break;
            }
          row[c] = normalise (type, value);
        }
    }

  sqlite3_finalize (statement);
  sqlite3_close (db);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Reading %s failed", table_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_table (TimecardExportFormat   format,
            const char            *path,
            TimecardExportEntity   entity,
            Table                 *table,
            GError               **error)
{
  const char *name = timecard_export_entity_get_name (entity);
  g_autofree char *file = NULL;

  table_init (table, entity);

  switch (format)
    {
    case TIMECARD_EXPORT_FORMAT_CSV:
      file = g_strdup_printf ("%s/%s.csv", path, name);
      return read_csv (file, table, error);
    case TIMECARD_EXPORT_FORMAT_JSONL:
      file = g_strdup_printf ("%s/%s.jsonl", path, name);
      return read_jsonl (file, table, error);
    case TIMECARD_EXPORT_FORMAT_SQLITE:
    default:
      return read_sqlite (path, entity == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES ? "time_entries_detailed" : name,
                          table, error);
    }
}

/* Comparing */

static void
report (GString    *problems,
        guint      *n_problems,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
report (GString    *problems,
        guint      *n_problems,
        const char *format,
        ...)
{
  va_list args;

  if (++*n_problems > MAX_REPORTED)
    return;

  va_start (args, format);
  g_string_append_vprintf (problems, format, args);
  g_string_append_c (problems, '\n');
  va_end (args);
}

static void
check_time_entries (ExportExpect *self,
                    Table        *table,
                    GString      *problems,
                    guint        *n_problems)
{
  const TimecardExportEntityInfo *info = timecard_export_entity_get_info (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int map[N_COLUMNS];

  /* At least the columns, in this order. */
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      map[c] = column_index (table, info->columns[c].name);
      if (map[c] != (int) c)
        report (problems, n_problems, "time_entries: column %u is '%s', expected '%s'", c,
                map[c] >= 0 ? info->columns[c].name : "(missing)", info->columns[c].name);
    }
  if (*n_problems > 0)
    return;

  if (table->rows->len != g_hash_table_size (self->entries))
    report (problems, n_problems, "time_entries: %u rows, expected %u",
            table->rows->len, g_hash_table_size (self->entries));

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = (char **) ((GPtrArray *) g_ptr_array_index (table->rows, r))->pdata;
      GPtrArray *wanted = g_hash_table_lookup (self->entries, row[0] != NULL ? row[0] : "");
      char **expected = wanted != NULL ? (char **) wanted->pdata : NULL;

      if (expected == NULL)
        {
          report (problems, n_problems, "time_entries: unexpected row %s", row[0]);
          continue;
        }
      if (!g_hash_table_add (seen, row[0]))
        report (problems, n_problems, "time_entries: row %s written twice", row[0]);

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_strcmp0 (row[c], expected[c]) != 0)
          report (problems, n_problems, "time_entries %s: %s is %s%s%s, expected %s%s%s",
                  row[0], info->columns[c].name,
                  row[c] ? "'" : "", row[c] ? row[c] : "null", row[c] ? "'" : "",
                  expected[c] ? "'" : "", expected[c] ? expected[c] : "null", expected[c] ? "'" : "");
    }
}

static void
check_names (ExportExpect         *self,
             TimecardExportEntity  entity,
             Table                *table,
             GString              *problems,
             guint                *n_problems)
{
  const char *name = timecard_export_entity_get_name (entity);
  GHashTable *expected = self->names[entity];
  int id_column = column_index (table, "id");
  int name_column = column_index (table, "name");

  if (id_column < 0 || name_column < 0)
    {
      report (problems, n_problems, "%s: no id or name column", name);
      return;
    }

  if (table->rows->len != g_hash_table_size (expected))
    report (problems, n_problems, "%s: %u rows, expected %u", name, table->rows->len,
            g_hash_table_size (expected));

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = (char **) ((GPtrArray *) g_ptr_array_index (table->rows, r))->pdata;
      const char *want;

      if (!g_hash_table_lookup_extended (expected, row[id_column], NULL, (gpointer *) &want))
        report (problems, n_problems, "%s: unexpected row %s", name, row[id_column]);
      else if (g_strcmp0 (want, row[name_column]) != 0)
        report (problems, n_problems, "%s %s: name '%s', expected '%s'", name, row[id_column],
                row[name_column], want);
    }
}

guint
export_expect_check (ExportExpect         *self,
                     TimecardExportFormat  format,
                     const char           *path)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;

  for (TimecardExportEntity e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    {
      g_auto(Table) table = { 0, };
      g_autoptr(GError) error = NULL;

      if (!(self->entities & TIMECARD_EXPORT_ENTITY_BIT (e)))
        continue;

      if (!read_table (format, path, e, &table, &error))
        {
          report (problems, &n_problems, "%s: %s", timecard_export_entity_get_name (e), error->message);
          continue;
        }

      if (e == TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)
        check_time_entries (self, &table, problems, &n_problems);
      else
        check_names (self, e, &table, problems, &n_problems);
    }

  if (n_problems > 0)
    g_test_fail_printf ("%u differences from the simulator's data set in %s%s:\n%s", n_problems, path,
                        n_problems > MAX_REPORTED ? " (the first ones)" : "", problems->str);

  return n_problems;
}
