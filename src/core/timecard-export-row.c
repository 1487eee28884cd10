/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-row"

#include "config.h"

#include "timecard-export-row.h"

#include <glib/gi18n-lib.h>

#include <gio/gio.h>

#include "clockify.h"
#include "timecard-export-format.h"

#define TEXT(n)       { n, TIMECARD_EXPORT_COLUMN_TEXT, NULL }
#define INTEGER(n)    { n, TIMECARD_EXPORT_COLUMN_INTEGER, NULL }
#define BOOLEAN(n)    { n, TIMECARD_EXPORT_COLUMN_BOOLEAN, NULL }
#define MONEY(n)      { n, TIMECARD_EXPORT_COLUMN_MONEY, NULL }
#define LIST(n)       { n, TIMECARD_EXPORT_COLUMN_LIST, NULL }
#define JSON(n)       { n, TIMECARD_EXPORT_COLUMN_JSON, NULL }
#define REFERENCE(n, table) { n, TIMECARD_EXPORT_COLUMN_TEXT, table }

static const TimecardExportColumn workspace_columns[] = {
  TEXT ("id"), TEXT ("name"), TEXT ("plan"), TEXT ("currency"), MONEY ("hourly_rate"),
  TEXT ("subdomain"),
};

static const TimecardExportColumn user_columns[] = {
  TEXT ("id"), TEXT ("name"), TEXT ("email"), TEXT ("status"), TEXT ("time_zone"),
};

static const TimecardExportColumn user_group_columns[] = {
  TEXT ("id"), TEXT ("name"), LIST ("user_ids"),
};

static const TimecardExportColumn client_columns[] = {
  TEXT ("id"), TEXT ("name"), TEXT ("email"), TEXT ("address"), TEXT ("note"),
  BOOLEAN ("archived"), TEXT ("currency"),
};

static const TimecardExportColumn project_columns[] = {
  TEXT ("id"), TEXT ("name"), REFERENCE ("client_id", "clients"), TEXT ("client_name"),
  TEXT ("color"), TEXT ("note"), BOOLEAN ("billable"), BOOLEAN ("archived"),
  BOOLEAN ("public"), BOOLEAN ("template"), MONEY ("hourly_rate"), MONEY ("cost_rate"),
  TEXT ("currency"), INTEGER ("duration_seconds"), INTEGER ("estimate_seconds"),
  TEXT ("estimate_type"),
};

static const TimecardExportColumn task_columns[] = {
  TEXT ("id"), TEXT ("name"), REFERENCE ("project_id", "projects"), TEXT ("status"),
  BOOLEAN ("billable"), LIST ("assignee_ids"), LIST ("user_group_ids"),
  INTEGER ("estimate_seconds"), INTEGER ("duration_seconds"), MONEY ("hourly_rate"),
  MONEY ("cost_rate"), TEXT ("currency"),
};

static const TimecardExportColumn tag_columns[] = {
  TEXT ("id"), TEXT ("name"), BOOLEAN ("archived"),
};

static const TimecardExportColumn custom_field_columns[] = {
  TEXT ("id"), TEXT ("name"), TEXT ("type"), TEXT ("status"), TEXT ("entity_type"),
  LIST ("allowed_values"), TEXT ("placeholder"), TEXT ("description"),
  BOOLEAN ("required"), BOOLEAN ("only_admin_can_edit"),
};

static const TimecardExportColumn time_entry_columns[] = {
  TEXT ("id"), TEXT ("description"),
  REFERENCE ("user_id", "users"), TEXT ("user_name"), TEXT ("user_email"),
  REFERENCE ("project_id", "projects"), TEXT ("project_name"),
  REFERENCE ("client_id", "clients"), TEXT ("client_name"),
  REFERENCE ("task_id", "tasks"), TEXT ("task_name"),
  LIST ("tag_ids"), LIST ("tag_names"), BOOLEAN ("billable"),
  TEXT ("start_utc"), TEXT ("end_utc"), TEXT ("start_local"), TEXT ("end_local"),
  INTEGER ("duration_seconds"), MONEY ("hourly_rate"), MONEY ("cost_rate"),
  TEXT ("currency"), JSON ("custom_fields"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (time_entry_columns) == TIMECARD_TIME_ENTRY_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (project_columns) <= TIMECARD_EXPORT_MAX_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (time_entry_columns) <= TIMECARD_EXPORT_MAX_COLUMNS);

#define ENTITY(e, n, c) [e] = { e, n, c, G_N_ELEMENTS (c) }

static const TimecardExportEntityInfo entities[TIMECARD_EXPORT_N_ENTITIES] = {
  ENTITY (TIMECARD_EXPORT_ENTITY_WORKSPACE, "workspace", workspace_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_USERS, "users", user_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_USER_GROUPS, "user_groups", user_group_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_CLIENTS, "clients", client_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_PROJECTS, "projects", project_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_TASKS, "tasks", task_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_TAGS, "tags", tag_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS, "custom_fields", custom_field_columns),
  ENTITY (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, "time_entries", time_entry_columns),
};

G_DEFINE_ENUM_TYPE (TimecardExportEntity, timecard_export_entity,
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_WORKSPACE, "workspace"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_USERS, "users"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_USER_GROUPS, "user_groups"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_CLIENTS, "clients"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_PROJECTS, "projects"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_TASKS, "tasks"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_TAGS, "tags"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS, "custom_fields"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, "time_entries"))

struct _TimecardExportRowScratch
{
  char                         start_utc[TIMECARD_EXPORT_INSTANT_MAX];
  char                         end_utc[TIMECARD_EXPORT_INSTANT_MAX];
  char                         start_local[TIMECARD_EXPORT_INSTANT_MAX];
  char                         end_local[TIMECARD_EXPORT_INSTANT_MAX];
  GString                     *custom_fields;
  GPtrArray                   *tag_names;
  TimecardExportFieldsScratch *fields;
  /* The offsets of the last time zone, made when it changes. */
  TimecardExportZone          *zone;
};

/**
 * timecard_export_entity_get_info:
 * @entity: an entity
 *
 * Returns: (transfer none): the entity's name and columns
 */
const TimecardExportEntityInfo *
timecard_export_entity_get_info (TimecardExportEntity entity)
{
  g_return_val_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES, NULL);

  return &entities[entity];
}

/**
 * timecard_export_entity_get_name:
 * @entity: an entity
 *
 * Returns: the file stem and table name: "time_entries", "users", ...
 */
const char *
timecard_export_entity_get_name (TimecardExportEntity entity)
{
  g_return_val_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES, NULL);

  return entities[entity].name;
}

/**
 * timecard_export_entity_from_name:
 * @name: a name as timecard_export_entity_get_name() returns it
 * @out_entity: (out): the entity
 *
 * Returns: %FALSE if @name names no entity
 */
gboolean
timecard_export_entity_from_name (const char           *name,
                                  TimecardExportEntity *out_entity)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < TIMECARD_EXPORT_N_ENTITIES; i++)
    if (g_str_equal (entities[i].name, name))
      {
        *out_entity = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * timecard_export_entity_for_item:
 * @item: (type GObject): a Clockify object
 * @out_entity: (out): the entity @item is a row of
 *
 * Returns: %FALSE if @item is no small entity the export knows
 */
gboolean
timecard_export_entity_for_item (gpointer              item,
                                 TimecardExportEntity *out_entity)
{
  static const struct {
    GType (*get_type) (void);
    TimecardExportEntity entity;
  } types[] = {
    { clockify_workspace_get_type, TIMECARD_EXPORT_ENTITY_WORKSPACE },
    { clockify_user_get_type, TIMECARD_EXPORT_ENTITY_USERS },
    { clockify_user_group_get_type, TIMECARD_EXPORT_ENTITY_USER_GROUPS },
    { clockify_client_entity_get_type, TIMECARD_EXPORT_ENTITY_CLIENTS },
    { clockify_project_get_type, TIMECARD_EXPORT_ENTITY_PROJECTS },
    { clockify_task_get_type, TIMECARD_EXPORT_ENTITY_TASKS },
    { clockify_tag_get_type, TIMECARD_EXPORT_ENTITY_TAGS },
    { clockify_custom_field_get_type, TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS },
  };

  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (G_OBJECT_TYPE (item) == types[i].get_type ())
      {
        *out_entity = types[i].entity;
        return TRUE;
      }

  return FALSE;
}

/**
 * timecard_export_row_new:
 *
 * Returns: (transfer full): a row, to fill and reuse
 */
TimecardExportRow *
timecard_export_row_new (void)
{
  TimecardExportRow *self = g_new0 (TimecardExportRow, 1);

  self->scratch = g_new0 (TimecardExportRowScratch, 1);
  self->scratch->custom_fields = g_string_sized_new (256);
  self->scratch->tag_names = g_ptr_array_new ();
  self->scratch->fields = timecard_export_fields_scratch_new ();
  timecard_export_row_reset (self, TIMECARD_EXPORT_ENTITY_WORKSPACE);

  return self;
}

/**
 * timecard_export_row_free:
 * @self: (transfer full): a row
 */
void
timecard_export_row_free (TimecardExportRow *self)
{
  g_return_if_fail (self != NULL);

  g_string_free (self->scratch->custom_fields, TRUE);
  g_ptr_array_unref (self->scratch->tag_names);
  timecard_export_fields_scratch_free (self->scratch->fields);
  g_clear_pointer (&self->scratch->zone, timecard_export_zone_free);
  g_free (self->scratch);
  g_free (self);
}

/**
 * timecard_export_row_reset:
 * @self: a row
 * @entity: what the row will be
 *
 * Makes @self a row of @entity with every value null.
 */
void
timecard_export_row_reset (TimecardExportRow    *self,
                           TimecardExportEntity  entity)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES);

  self->entity = entity;
  self->info = &entities[entity];
  for (guint i = 0; i < self->info->n_columns; i++)
    self->values[i] = (TimecardExportValue) { .is_null = TRUE };
}

/**
 * timecard_export_row_set_text:
 * @self: a row
 * @column: a TEXT or JSON column
 * @text: (nullable): the value, borrowed; %NULL for null
 */
void
timecard_export_row_set_text (TimecardExportRow *self,
                              guint              column,
                              const char        *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->info->n_columns);

  self->values[column].is_null = text == NULL;
  self->values[column].text = text;
}

/**
 * timecard_export_row_set_integer:
 * @self: a row
 * @column: an INTEGER, BOOLEAN or MONEY column
 * @value: the value (minor units for MONEY)
 */
void
timecard_export_row_set_integer (TimecardExportRow *self,
                                 guint              column,
                                 gint64             value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->info->n_columns);

  self->values[column].is_null = FALSE;
  self->values[column].integer = value;
}

/**
 * timecard_export_row_set_list:
 * @self: a row
 * @column: a LIST column
 * @items: (array length=n_items) (nullable): the items, borrowed; an item may
 *   be %NULL
 * @n_items: how many
 *
 * Sets a list value; an empty list is not null.
 */
void
timecard_export_row_set_list (TimecardExportRow  *self,
                              guint               column,
                              const char * const *items,
                              guint               n_items)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->info->n_columns);
  g_return_if_fail (items != NULL || n_items == 0);

  self->values[column].is_null = FALSE;
  self->values[column].items = items;
  self->values[column].n_items = n_items;
}

static void
set_strv (TimecardExportRow  *self,
          guint               column,
          const char * const *strv)
{
  timecard_export_row_set_list (self, column, strv, strv != NULL ? g_strv_length ((GStrv) strv) : 0);
}

/* Clockify's getters give 0 for a rate that is not set. */
static void
set_rate (TimecardExportRow *self,
          guint              column,
          gint64             minor_units,
          const char        *currency)
{
  if (minor_units != 0 || currency != NULL)
    timecard_export_row_set_integer (self, column, minor_units);
}

static void
fill_workspace (TimecardExportRow *self,
                ClockifyWorkspace *workspace)
{
  timecard_export_row_set_text (self, 0, clockify_workspace_get_id (workspace));
  timecard_export_row_set_text (self, 1, clockify_workspace_get_name (workspace));
  timecard_export_row_set_text (self, 2, clockify_workspace_get_plan (workspace));
  timecard_export_row_set_text (self, 3, clockify_workspace_get_currency_code (workspace));
  set_rate (self, 4, clockify_workspace_get_hourly_rate (workspace),
            clockify_workspace_get_currency_code (workspace));
  timecard_export_row_set_text (self, 5, clockify_workspace_get_subdomain (workspace));
}

static void
fill_user (TimecardExportRow *self,
           ClockifyUser      *user)
{
  timecard_export_row_set_text (self, 0, clockify_user_get_id (user));
  timecard_export_row_set_text (self, 1, clockify_user_get_name (user));
  timecard_export_row_set_text (self, 2, clockify_user_get_email (user));
  timecard_export_row_set_text (self, 3, clockify_user_get_status (user));
  timecard_export_row_set_text (self, 4, clockify_user_get_time_zone (user));
}

static void
fill_user_group (TimecardExportRow *self,
                 ClockifyUserGroup *group)
{
  timecard_export_row_set_text (self, 0, clockify_user_group_get_id (group));
  timecard_export_row_set_text (self, 1, clockify_user_group_get_name (group));
  set_strv (self, 2, clockify_user_group_get_user_ids (group));
}

static void
fill_client (TimecardExportRow    *self,
             ClockifyClientEntity *client)
{
  timecard_export_row_set_text (self, 0, clockify_client_entity_get_id (client));
  timecard_export_row_set_text (self, 1, clockify_client_entity_get_name (client));
  timecard_export_row_set_text (self, 2, clockify_client_entity_get_email (client));
  timecard_export_row_set_text (self, 3, clockify_client_entity_get_address (client));
  timecard_export_row_set_text (self, 4, clockify_client_entity_get_note (client));
  timecard_export_row_set_integer (self, 5, clockify_client_entity_get_archived (client));
  timecard_export_row_set_text (self, 6, clockify_client_entity_get_currency_code (client));
}

static void
fill_project (TimecardExportRow *self,
              ClockifyProject   *project)
{
  const char *hourly_currency = clockify_project_get_hourly_rate_currency (project);
  const char *cost_currency = clockify_project_get_cost_rate_currency (project);

  timecard_export_row_set_text (self, 0, clockify_project_get_id (project));
  timecard_export_row_set_text (self, 1, clockify_project_get_name (project));
  timecard_export_row_set_text (self, 2, clockify_project_get_client_id (project));
  timecard_export_row_set_text (self, 3, clockify_project_get_client_name (project));
  timecard_export_row_set_text (self, 4, clockify_project_get_color (project));
  timecard_export_row_set_text (self, 5, clockify_project_get_note (project));
  timecard_export_row_set_integer (self, 6, clockify_project_get_billable (project));
  timecard_export_row_set_integer (self, 7, clockify_project_get_archived (project));
  timecard_export_row_set_integer (self, 8, clockify_project_get_public (project));
  timecard_export_row_set_integer (self, 9, clockify_project_get_template (project));
  set_rate (self, 10, clockify_project_get_hourly_rate (project), hourly_currency);
  set_rate (self, 11, clockify_project_get_cost_rate (project), cost_currency);
  timecard_export_row_set_text (self, 12, hourly_currency != NULL ? hourly_currency : cost_currency);
  timecard_export_row_set_integer (self, 13, clockify_project_get_duration_seconds (project));
  timecard_export_row_set_integer (self, 14, clockify_project_get_estimate_seconds (project));
  timecard_export_row_set_text (self, 15, clockify_project_get_estimate_type (project));
}

static void
fill_task (TimecardExportRow *self,
           ClockifyTask      *task)
{
  const char *hourly_currency = clockify_task_get_hourly_rate_currency (task);
  const char *cost_currency = clockify_task_get_cost_rate_currency (task);

  timecard_export_row_set_text (self, 0, clockify_task_get_id (task));
  timecard_export_row_set_text (self, 1, clockify_task_get_name (task));
  timecard_export_row_set_text (self, 2, clockify_task_get_project_id (task));
  timecard_export_row_set_text (self, 3, clockify_task_get_status (task));
  timecard_export_row_set_integer (self, 4, clockify_task_get_billable (task));
  set_strv (self, 5, clockify_task_get_assignee_ids (task));
  set_strv (self, 6, clockify_task_get_user_group_ids (task));
  timecard_export_row_set_integer (self, 7, clockify_task_get_estimate_seconds (task));
  timecard_export_row_set_integer (self, 8, clockify_task_get_duration_seconds (task));
  set_rate (self, 9, clockify_task_get_hourly_rate (task), hourly_currency);
  set_rate (self, 10, clockify_task_get_cost_rate (task), cost_currency);
  timecard_export_row_set_text (self, 11, hourly_currency != NULL ? hourly_currency : cost_currency);
}

static void
fill_tag (TimecardExportRow *self,
          ClockifyTag       *tag)
{
  timecard_export_row_set_text (self, 0, clockify_tag_get_id (tag));
  timecard_export_row_set_text (self, 1, clockify_tag_get_name (tag));
  timecard_export_row_set_integer (self, 2, clockify_tag_get_archived (tag));
}

static void
fill_custom_field (TimecardExportRow   *self,
                   ClockifyCustomField *field)
{
  timecard_export_row_set_text (self, 0, clockify_custom_field_get_id (field));
  timecard_export_row_set_text (self, 1, clockify_custom_field_get_name (field));
  timecard_export_row_set_text (self, 2, clockify_custom_field_get_field_type (field));
  timecard_export_row_set_text (self, 3, clockify_custom_field_get_status (field));
  timecard_export_row_set_text (self, 4, clockify_custom_field_get_entity_type (field));
  set_strv (self, 5, clockify_custom_field_get_allowed_values (field));
  timecard_export_row_set_text (self, 6, clockify_custom_field_get_placeholder (field));
  timecard_export_row_set_text (self, 7, clockify_custom_field_get_description (field));
  timecard_export_row_set_integer (self, 8, clockify_custom_field_get_required (field));
  timecard_export_row_set_integer (self, 9, clockify_custom_field_get_only_admin_can_edit (field));
}

/**
 * timecard_export_row_fill_item:
 * @self: a row
 * @item: (type GObject): a #ClockifyWorkspace, #ClockifyUser,
 *   #ClockifyUserGroup, #ClockifyClientEntity, #ClockifyProject,
 *   #ClockifyTask, #ClockifyTag or #ClockifyCustomField
 * @error: return location for an error
 *
 * Makes @self the row of @item, borrowing its strings: keep @item alive while
 * the row is used.
 *
 * Returns: %FALSE if @item is of another type
 */
gboolean
timecard_export_row_fill_item (TimecardExportRow  *self,
                               gpointer            item,
                               GError            **error)
{
  TimecardExportEntity entity;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (!timecard_export_entity_for_item (item, &entity))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A %s cannot be exported as a row"), G_OBJECT_TYPE_NAME (item));
      return FALSE;
    }

  timecard_export_row_reset (self, entity);

  switch (entity)
    {
    case TIMECARD_EXPORT_ENTITY_WORKSPACE: fill_workspace (self, item); break;
    case TIMECARD_EXPORT_ENTITY_USERS: fill_user (self, item); break;
    case TIMECARD_EXPORT_ENTITY_USER_GROUPS: fill_user_group (self, item); break;
    case TIMECARD_EXPORT_ENTITY_CLIENTS: fill_client (self, item); break;
    case TIMECARD_EXPORT_ENTITY_PROJECTS: fill_project (self, item); break;
    case TIMECARD_EXPORT_ENTITY_TASKS: fill_task (self, item); break;
    case TIMECARD_EXPORT_ENTITY_TAGS: fill_tag (self, item); break;
    case TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS: fill_custom_field (self, item); break;
    case TIMECARD_EXPORT_ENTITY_TIME_ENTRIES:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* The hot path's setter: the column is known to exist. */
static inline void
set_text (TimecardExportRow *self,
          guint              column,
          const char        *text)
{
  self->values[column].is_null = text == NULL;
  self->values[column].text = text;
}

static inline const char *
first_of (const char *a,
          const char *b)
{
  return a != NULL ? a : b;
}

static void
fill_tags (TimecardExportRow          *self,
           const ClockifyEntryRecord  *record,
           TimecardExportLookup       *lookup)
{
  GPtrArray *names = self->scratch->tag_names;

  timecard_export_row_set_list (self, TIMECARD_TIME_ENTRY_COL_TAG_IDS,
                                record->tag_ids, record->tag_ids != NULL ? record->n_tag_ids : 0);

  if (record->n_tag_ids == 0 || record->tag_ids == NULL)
    {
      timecard_export_row_set_list (self, TIMECARD_TIME_ENTRY_COL_TAG_NAMES, NULL, 0);
      return;
    }

  g_ptr_array_set_size (names, record->n_tag_ids);
  for (guint i = 0; i < record->n_tag_ids; i++)
    {
      const char *name = NULL;

      if (lookup != NULL)
        name = timecard_export_lookup_get_tag_name (lookup, record->tag_ids[i]);
      if (name == NULL && record->tag_names != NULL && record->n_tag_names == record->n_tag_ids)
        name = record->tag_names[i];
      names->pdata[i] = (gpointer) name;
    }

  timecard_export_row_set_list (self, TIMECARD_TIME_ENTRY_COL_TAG_NAMES,
                                (const char * const *) names->pdata, names->len);
}

static const char *
entry_currency (const ClockifyEntryRecord *record,
                TimecardExportLookup      *lookup)
{
  if (record->has_hourly_rate && record->hourly_rate_currency != NULL)
    return record->hourly_rate_currency;
  if (record->has_cost_rate && record->cost_rate_currency != NULL)
    return record->cost_rate_currency;
  if ((record->has_hourly_rate || record->has_cost_rate) && lookup != NULL)
    return timecard_export_lookup_get_currency (lookup);
  return NULL;
}

/**
 * timecard_export_row_fill_entry:
 * @self: a row
 * @record: a time entry from the bulk parser
 * @lookup: (nullable): names for the ids the record does not name
 * @time_zone: the zone of the `*_local` columns
 * @error: return location for an error
 *
 * Makes @self the denormalised `time_entries` row of @record (see
 * #TimecardTimeEntryColumn), borrowing the record's strings: use the row
 * before the record goes away.
 *
 * Returns: %FALSE if the record has no id or malformed custom field values
 */
gboolean
timecard_export_row_fill_entry (TimecardExportRow          *self,
                                const ClockifyEntryRecord  *record,
                                TimecardExportLookup       *lookup,
                                GTimeZone                  *time_zone,
                                GError                    **error)
{
  TimecardExportRowScratch *scratch;
  const char *user_name = NULL;
  const char *user_email = NULL;
  const char *project_name = NULL;
  const char *client_id;
  const char *client_name = NULL;
  const char *task_name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (time_zone != NULL, FALSE);

  if (record->id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A time entry has no id"));
      return FALSE;
    }

  scratch = self->scratch;
  timecard_export_row_reset (self, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
  if (scratch->zone == NULL || timecard_export_zone_get_time_zone (scratch->zone) != time_zone)
    {
      g_clear_pointer (&scratch->zone, timecard_export_zone_free);
      scratch->zone = timecard_export_zone_new (time_zone);
    }

  g_string_truncate (scratch->custom_fields, 0);
  if (!timecard_export_custom_fields_to_json_with (record->custom_fields_json, lookup, scratch->fields,
                                                   scratch->custom_fields, error))
    {
      g_prefix_error (error, "Time entry %s: ", record->id);
      return FALSE;
    }

  /* Ids are the entry's; names come from the entity lists when they have
   * them (current, and the same whichever endpoint the entry came from),
   * else from the record. */
  client_id = record->client_id;
  if (lookup != NULL)
    {
      const char *project_client_id, *project_client_name;

      timecard_export_lookup_get_project (lookup, record->project_id, &project_name,
                                          &project_client_id, &project_client_name);
      if (client_id == NULL)
        client_id = project_client_id;
      client_name = first_of (timecard_export_lookup_get_client_name (lookup, client_id),
                              project_client_name);
      timecard_export_lookup_get_user (lookup, record->user_id, &user_name, &user_email);
      task_name = timecard_export_lookup_get_task_name (lookup, record->task_id);
    }
  user_name = first_of (user_name, record->user_name);
  user_email = first_of (user_email, record->user_email);
  project_name = first_of (project_name, record->project_name);
  client_name = first_of (client_name, record->client_name);
  task_name = first_of (task_name, record->task_name);

  /* No reference, no name (a project without client has clientName ""). */
  if (record->user_id == NULL)
    user_name = user_email = NULL;
  if (record->project_id == NULL)
    project_name = NULL;
  if (client_id == NULL)
    client_name = NULL;
  if (record->task_id == NULL)
    task_name = NULL;

  set_text (self, TIMECARD_TIME_ENTRY_COL_ID, record->id);
  set_text (self, TIMECARD_TIME_ENTRY_COL_DESCRIPTION, record->description);
  set_text (self, TIMECARD_TIME_ENTRY_COL_USER_ID, record->user_id);
  set_text (self, TIMECARD_TIME_ENTRY_COL_USER_NAME, user_name);
  set_text (self, TIMECARD_TIME_ENTRY_COL_USER_EMAIL, user_email);
  set_text (self, TIMECARD_TIME_ENTRY_COL_PROJECT_ID, record->project_id);
  set_text (self, TIMECARD_TIME_ENTRY_COL_PROJECT_NAME, project_name);
  set_text (self, TIMECARD_TIME_ENTRY_COL_CLIENT_ID, client_id);
  set_text (self, TIMECARD_TIME_ENTRY_COL_CLIENT_NAME, client_name);
  set_text (self, TIMECARD_TIME_ENTRY_COL_TASK_ID, record->task_id);
  set_text (self, TIMECARD_TIME_ENTRY_COL_TASK_NAME, task_name);

  fill_tags (self, record, lookup);
  timecard_export_row_set_integer (self, TIMECARD_TIME_ENTRY_COL_BILLABLE, record->billable ? 1 : 0);

  timecard_export_format_utc (scratch->start_utc, record->start_usec);
  timecard_export_format_local_in (scratch->start_local, record->start_usec, scratch->zone);
  timecard_export_row_set_text (self, TIMECARD_TIME_ENTRY_COL_START_UTC, scratch->start_utc);
  timecard_export_row_set_text (self, TIMECARD_TIME_ENTRY_COL_START_LOCAL, scratch->start_local);

  if (record->end_usec != CLOCKIFY_ENTRY_RUNNING)
    {
      gint64 duration = record->duration_seconds;

      if (duration < 0)
        duration = (record->end_usec - record->start_usec) / G_USEC_PER_SEC;

      timecard_export_format_utc (scratch->end_utc, record->end_usec);
      timecard_export_format_local_in (scratch->end_local, record->end_usec, scratch->zone);
      timecard_export_row_set_text (self, TIMECARD_TIME_ENTRY_COL_END_UTC, scratch->end_utc);
      timecard_export_row_set_text (self, TIMECARD_TIME_ENTRY_COL_END_LOCAL, scratch->end_local);
      timecard_export_row_set_integer (self, TIMECARD_TIME_ENTRY_COL_DURATION_SECONDS, duration);
    }

  if (record->has_hourly_rate)
    timecard_export_row_set_integer (self, TIMECARD_TIME_ENTRY_COL_HOURLY_RATE, record->hourly_rate);
  if (record->has_cost_rate)
    timecard_export_row_set_integer (self, TIMECARD_TIME_ENTRY_COL_COST_RATE, record->cost_rate);
  timecard_export_row_set_text (self, TIMECARD_TIME_ENTRY_COL_CURRENCY, entry_currency (record, lookup));
  timecard_export_row_set_text (self, TIMECARD_TIME_ENTRY_COL_CUSTOM_FIELDS, scratch->custom_fields->str);

  return TRUE;
}
