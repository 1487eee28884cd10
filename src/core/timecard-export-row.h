/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "clockify-entry-stream.h"
#include "timecard-export-lookup.h"

G_BEGIN_DECLS

/**
 * TimecardExportEntity:
 * @TIMECARD_EXPORT_ENTITY_WORKSPACE: `workspace`: id, name, plan, currency,
 *   hourly_rate, subdomain (one row)
 * @TIMECARD_EXPORT_ENTITY_USERS: `users`: id, name, email, status, time_zone
 * @TIMECARD_EXPORT_ENTITY_USER_GROUPS: `user_groups`: id, name, user_ids
 * @TIMECARD_EXPORT_ENTITY_CLIENTS: `clients`: id, name, email, address, note,
 *   archived, currency
 * @TIMECARD_EXPORT_ENTITY_PROJECTS: `projects`: id, name, client_id,
 *   client_name, color, note, billable, archived, public, template,
 *   hourly_rate, cost_rate, currency, duration_seconds, estimate_seconds,
 *   estimate_type
 * @TIMECARD_EXPORT_ENTITY_TASKS: `tasks`: id, name, project_id, status,
 *   billable, assignee_ids, user_group_ids, estimate_seconds,
 *   duration_seconds, hourly_rate, cost_rate, currency
 * @TIMECARD_EXPORT_ENTITY_TAGS: `tags`: id, name, archived
 * @TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS: `custom_fields`: id, name, type,
 *   status, entity_type, allowed_values, placeholder, description, required,
 *   only_admin_can_edit
 * @TIMECARD_EXPORT_ENTITY_TIME_ENTRIES: `time_entries`: see
 *   #TimecardTimeEntryColumn
 *
 * What an export contains; the nick is the file stem and the table name.
 * Column types are in timecard_export_entity_get_info(). Money columns hold
 * major units with two decimals; `currency` is the currency of the hourly
 * rate, else of the cost rate. A rate Clockify does not set is null.
 */
typedef enum
{
  TIMECARD_EXPORT_ENTITY_WORKSPACE,
  TIMECARD_EXPORT_ENTITY_USERS,
  TIMECARD_EXPORT_ENTITY_USER_GROUPS,
  TIMECARD_EXPORT_ENTITY_CLIENTS,
  TIMECARD_EXPORT_ENTITY_PROJECTS,
  TIMECARD_EXPORT_ENTITY_TASKS,
  TIMECARD_EXPORT_ENTITY_TAGS,
  TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS,
  TIMECARD_EXPORT_ENTITY_TIME_ENTRIES,
} TimecardExportEntity;

#define TIMECARD_EXPORT_N_ENTITIES (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES + 1)

/**
 * TimecardTimeEntryColumn:
 *
 * The columns of `time_entries`, in order:
 *
 * - `id`, `description`
 * - `user_id`, `user_name`, `user_email`, `project_id`, `project_name`,
 *   `client_id`, `client_name`, `task_id`, `task_name`: ids from the record
 *   (a client from the entry's project when the record has none); names
 *   from the #TimecardExportLookup, else from the record (the reports API
 *   fills them; this covers entities the lists no longer have). The lists
 *   win so that an entry reads the same whichever endpoint it came from,
 *   and so that the SQLite view, which joins the entity tables, agrees.
 * - `tag_ids`, `tag_names`: lists, aligned; a tag whose name is unknown has a
 *   null name
 * - `billable`
 * - `start_utc`, `end_utc`: `2024-03-01T08:00:00Z`
 * - `start_local`, `end_local`: `2024-03-01T09:00:00+01:00` in the export
 *   time zone
 * - `duration_seconds`: null, like the end columns, while the entry runs
 * - `hourly_rate`, `cost_rate`, `currency`
 * - `custom_fields`: a JSON object of custom field name to value, `{}` when
 *   there are none (see timecard_export_custom_fields_to_json())
 */
typedef enum
{
  TIMECARD_TIME_ENTRY_COL_ID,
  TIMECARD_TIME_ENTRY_COL_DESCRIPTION,
  TIMECARD_TIME_ENTRY_COL_USER_ID,
  TIMECARD_TIME_ENTRY_COL_USER_NAME,
  TIMECARD_TIME_ENTRY_COL_USER_EMAIL,
  TIMECARD_TIME_ENTRY_COL_PROJECT_ID,
  TIMECARD_TIME_ENTRY_COL_PROJECT_NAME,
  TIMECARD_TIME_ENTRY_COL_CLIENT_ID,
  TIMECARD_TIME_ENTRY_COL_CLIENT_NAME,
  TIMECARD_TIME_ENTRY_COL_TASK_ID,
  TIMECARD_TIME_ENTRY_COL_TASK_NAME,
  TIMECARD_TIME_ENTRY_COL_TAG_IDS,
  TIMECARD_TIME_ENTRY_COL_TAG_NAMES,
  TIMECARD_TIME_ENTRY_COL_BILLABLE,
  TIMECARD_TIME_ENTRY_COL_START_UTC,
  TIMECARD_TIME_ENTRY_COL_END_UTC,
  TIMECARD_TIME_ENTRY_COL_START_LOCAL,
  TIMECARD_TIME_ENTRY_COL_END_LOCAL,
  TIMECARD_TIME_ENTRY_COL_DURATION_SECONDS,
  TIMECARD_TIME_ENTRY_COL_HOURLY_RATE,
  TIMECARD_TIME_ENTRY_COL_COST_RATE,
  TIMECARD_TIME_ENTRY_COL_CURRENCY,
  TIMECARD_TIME_ENTRY_COL_CUSTOM_FIELDS,
  TIMECARD_TIME_ENTRY_N_COLUMNS
} TimecardTimeEntryColumn;

/**
 * TimecardExportColumnType:
 * @TIMECARD_EXPORT_COLUMN_TEXT: a string
 * @TIMECARD_EXPORT_COLUMN_INTEGER: a #gint64
 * @TIMECARD_EXPORT_COLUMN_BOOLEAN: `true`/`false` (0/1 in SQLite)
 * @TIMECARD_EXPORT_COLUMN_MONEY: minor units, written as major units with
 *   two decimals (an `_cents` integer column in SQLite)
 * @TIMECARD_EXPORT_COLUMN_LIST: strings (`;`-joined in CSV, an array in
 *   JSON, a JSON array in SQLite)
 * @TIMECARD_EXPORT_COLUMN_JSON: JSON text, embedded as JSON in JSON Lines
 */
typedef enum
{
  TIMECARD_EXPORT_COLUMN_TEXT,
  TIMECARD_EXPORT_COLUMN_INTEGER,
  TIMECARD_EXPORT_COLUMN_BOOLEAN,
  TIMECARD_EXPORT_COLUMN_MONEY,
  TIMECARD_EXPORT_COLUMN_LIST,
  TIMECARD_EXPORT_COLUMN_JSON,
} TimecardExportColumnType;

typedef struct
{
  const char               *name;
  TimecardExportColumnType  type;
  /* The table this column's ids point to, or NULL. */
  const char               *references;
} TimecardExportColumn;

typedef struct
{
  TimecardExportEntity        entity;
  const char                 *name;
  const TimecardExportColumn *columns;
  guint                       n_columns;
} TimecardExportEntityInfo;

#define TIMECARD_EXPORT_MAX_COLUMNS 24

/**
 * TimecardExportValue:
 * @is_null: the value is absent
 * @text: for TEXT and JSON columns
 * @integer: for INTEGER, BOOLEAN (0 or 1) and MONEY (minor units) columns
 * @items: for LIST columns; an item may be %NULL (unknown)
 * @n_items: the length of @items
 *
 * One cell. Strings are borrowed: valid until the row is filled again or
 * what it was filled from goes away.
 */
typedef struct
{
  gboolean            is_null;
  const char         *text;
  gint64              integer;
  const char * const *items;
  guint               n_items;
} TimecardExportValue;

typedef struct _TimecardExportRowScratch TimecardExportRowScratch;

/**
 * TimecardExportRow:
 * @entity: what the row is
 * @info: its entity's columns
 * @values: one value per column of @info
 *
 * A reusable row: fill it, hand it to a writer, fill it again.
 */
typedef struct
{
  TimecardExportEntity            entity;
  const TimecardExportEntityInfo *info;
  TimecardExportValue             values[TIMECARD_EXPORT_MAX_COLUMNS];
  /*< private >*/
  TimecardExportRowScratch       *scratch;
} TimecardExportRow;

#define TIMECARD_TYPE_EXPORT_ENTITY (timecard_export_entity_get_type ())

GType                           timecard_export_entity_get_type    (void) G_GNUC_CONST;
const TimecardExportEntityInfo *timecard_export_entity_get_info    (TimecardExportEntity        entity);
const char                     *timecard_export_entity_get_name    (TimecardExportEntity        entity);
gboolean                        timecard_export_entity_from_name   (const char                 *name,
                                                                    TimecardExportEntity       *out_entity);
gboolean                        timecard_export_entity_for_item    (gpointer                    item,
                                                                    TimecardExportEntity       *out_entity);

TimecardExportRow              *timecard_export_row_new            (void);
void                            timecard_export_row_free           (TimecardExportRow          *self);
void                            timecard_export_row_reset          (TimecardExportRow          *self,
                                                                    TimecardExportEntity        entity);
void                            timecard_export_row_set_text       (TimecardExportRow          *self,
                                                                    guint                       column,
                                                                    const char                 *text);
void                            timecard_export_row_set_integer    (TimecardExportRow          *self,
                                                                    guint                       column,
                                                                    gint64                      value);
void                            timecard_export_row_set_list       (TimecardExportRow          *self,
                                                                    guint                       column,
                                                                    const char * const         *items,
                                                                    guint                       n_items);
gboolean                        timecard_export_row_fill_item      (TimecardExportRow          *self,
                                                                    gpointer                    item,
                                                                    GError                    **error);
gboolean                        timecard_export_row_fill_entry     (TimecardExportRow          *self,
                                                                    const ClockifyEntryRecord  *record,
                                                                    TimecardExportLookup       *lookup,
                                                                    GTimeZone                  *time_zone,
                                                                    GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TimecardExportRow, timecard_export_row_free)

G_END_DECLS
