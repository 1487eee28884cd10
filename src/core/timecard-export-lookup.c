/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-lookup"

#include "config.h"

#include "timecard-export-lookup.h"

#include "clockify.h"

/* One table per kind of entity, from id to its fields. */
typedef enum
{
  TABLE_USER,            /* name, email */
  TABLE_PROJECT,         /* name, client id, client name */
  TABLE_CLIENT,          /* name */
  TABLE_TASK,            /* name */
  TABLE_TAG,             /* name */
  TABLE_CUSTOM_FIELD,    /* name */
  N_TABLES
} Table;

#define MAX_FIELDS 3

typedef struct
{
  const char *fields[MAX_FIELDS];
} Fields;

struct _TimecardExportLookup
{
  gatomicrefcount  ref_count;
  /* Keys and field values live in the chunk; the tables own their Fields. */
  GStringChunk    *strings;
  GHashTable      *tables[N_TABLES];
  const char      *currency;
};

G_DEFINE_BOXED_TYPE (TimecardExportLookup, timecard_export_lookup,
                     timecard_export_lookup_ref, timecard_export_lookup_unref)

/**
 * timecard_export_lookup_new:
 *
 * Returns: (transfer full): an empty lookup
 */
TimecardExportLookup *
timecard_export_lookup_new (void)
{
  TimecardExportLookup *self = g_new0 (TimecardExportLookup, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < N_TABLES; i++)
    self->tables[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  return self;
}

/**
 * timecard_export_lookup_ref:
 * @self: a lookup
 *
 * Returns: (transfer full): @self
 */
TimecardExportLookup *
timecard_export_lookup_ref (TimecardExportLookup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * timecard_export_lookup_unref:
 * @self: (transfer full): a lookup
 */
void
timecard_export_lookup_unref (TimecardExportLookup *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < N_TABLES; i++)
    g_hash_table_unref (self->tables[i]);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static const char *
intern (TimecardExportLookup *self,
        const char           *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

/* Replaces what is known under @id with @n_fields fields. */
static void
set_fields (TimecardExportLookup *self,
            Table                 table,
            const char           *id,
            guint                 n_fields,
            ...)
{
  Fields *fields = g_new0 (Fields, 1);
  va_list args;

  g_assert (id != NULL);
  g_assert (n_fields <= MAX_FIELDS);

  va_start (args, n_fields);
  for (guint i = 0; i < n_fields; i++)
    fields->fields[i] = intern (self, va_arg (args, const char *));
  va_end (args);

  g_hash_table_insert (self->tables[table], (gpointer) intern (self, id), fields);
}

static const Fields *
get_fields (TimecardExportLookup *self,
            Table                 table,
            const char           *id)
{
  /* Cheap for what an export has not loaded. */
  if (id == NULL || g_hash_table_size (self->tables[table]) == 0)
    return NULL;

  return g_hash_table_lookup (self->tables[table], id);
}

/* Stores the first @n_fields fields under @id through the `const char **`
 * arguments that follow (each may be %NULL); %NULL when unknown. */
static void
read_fields (TimecardExportLookup *self,
             Table                 table,
             const char           *id,
             guint                 n_fields,
             ...)
{
  const Fields *fields = get_fields (self, table, id);
  va_list args;

  va_start (args, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char **out = va_arg (args, const char **);

      if (out != NULL)
        *out = fields != NULL ? fields->fields[i] : NULL;
    }
  va_end (args);
}

static const char *
get_value (TimecardExportLookup *self,
           Table                 table,
           const char           *id,
           guint                 field)
{
  const Fields *fields = get_fields (self, table, id);

  return fields != NULL ? fields->fields[field] : NULL;
}

/**
 * timecard_export_lookup_add_user:
 * @self: a lookup
 * @id: the user's id
 * @name: (nullable): the user's name
 * @email: (nullable): the user's email address
 *
 * Adds a user, replacing what was known under @id.
 */
void
timecard_export_lookup_add_user (TimecardExportLookup *self,
                                 const char           *id,
                                 const char           *name,
                                 const char           *email)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  set_fields (self, TABLE_USER, id, 2, name, email);
}

/**
 * timecard_export_lookup_add_project:
 * @self: a lookup
 * @id: the project's id
 * @name: (nullable): the project's name
 * @client_id: (nullable): the id of the project's client
 * @client_name: (nullable): the client's name, as the project carries it;
 *   ignored without @client_id
 *
 * Adds a project, replacing what was known under @id. Entries take their
 * client from their project when the record has none.
 */
void
timecard_export_lookup_add_project (TimecardExportLookup *self,
                                    const char           *id,
                                    const char           *name,
                                    const char           *client_id,
                                    const char           *client_name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  /* A project without a client may come with clientName "". */
  if (client_id != NULL && *client_id == '\0')
    client_id = NULL;
  set_fields (self, TABLE_PROJECT, id, 3, name, client_id, client_id != NULL ? client_name : NULL);
}

/**
 * timecard_export_lookup_add_client:
 * @self: a lookup
 * @id: the client's id
 * @name: (nullable): the client's name
 */
void
timecard_export_lookup_add_client (TimecardExportLookup *self,
                                   const char           *id,
                                   const char           *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  set_fields (self, TABLE_CLIENT, id, 1, name);
}

/**
 * timecard_export_lookup_add_task:
 * @self: a lookup
 * @id: the task's id
 * @name: (nullable): the task's name
 */
void
timecard_export_lookup_add_task (TimecardExportLookup *self,
                                 const char           *id,
                                 const char           *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  set_fields (self, TABLE_TASK, id, 1, name);
}

/**
 * timecard_export_lookup_add_tag:
 * @self: a lookup
 * @id: the tag's id
 * @name: (nullable): the tag's name
 */
void
timecard_export_lookup_add_tag (TimecardExportLookup *self,
                                const char           *id,
                                const char           *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  set_fields (self, TABLE_TAG, id, 1, name);
}

/**
 * timecard_export_lookup_add_custom_field:
 * @self: a lookup
 * @id: the custom field's id
 * @name: (nullable): the custom field's name
 */
void
timecard_export_lookup_add_custom_field (TimecardExportLookup *self,
                                         const char           *id,
                                         const char           *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  set_fields (self, TABLE_CUSTOM_FIELD, id, 1, name);
}

/**
 * timecard_export_lookup_set_currency:
 * @self: a lookup
 * @currency: (nullable): the workspace's currency code
 *
 * Sets the currency of entries whose rates come without one.
 */
void
timecard_export_lookup_set_currency (TimecardExportLookup *self,
                                     const char           *currency)
{
  g_return_if_fail (self != NULL);

  self->currency = intern (self, currency);
}

/**
 * timecard_export_lookup_add_item:
 * @self: a lookup
 * @item: (type GObject): a #ClockifyUser, #ClockifyProject,
 *   #ClockifyClientEntity, #ClockifyTask, #ClockifyTag, #ClockifyCustomField,
 *   #ClockifyWorkspace (its currency) or #ClockifyUserGroup (ignored)
 *
 * Adds what @item tells about names.
 *
 * Returns: %FALSE if @item is not one of the types above
 */
gboolean
timecard_export_lookup_add_item (TimecardExportLookup *self,
                                 gpointer              item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (CLOCKIFY_IS_USER (item))
    timecard_export_lookup_add_user (self, clockify_user_get_id (item),
                                     clockify_user_get_name (item),
                                     clockify_user_get_email (item));
  else if (CLOCKIFY_IS_PROJECT (item))
    timecard_export_lookup_add_project (self, clockify_project_get_id (item),
                                        clockify_project_get_name (item),
                                        clockify_project_get_client_id (item),
                                        clockify_project_get_client_name (item));
  else if (CLOCKIFY_IS_CLIENT_ENTITY (item))
    timecard_export_lookup_add_client (self, clockify_client_entity_get_id (item),
                                       clockify_client_entity_get_name (item));
  else if (CLOCKIFY_IS_TASK (item))
    timecard_export_lookup_add_task (self, clockify_task_get_id (item),
                                     clockify_task_get_name (item));
  else if (CLOCKIFY_IS_TAG (item))
    timecard_export_lookup_add_tag (self, clockify_tag_get_id (item),
                                    clockify_tag_get_name (item));
  else if (CLOCKIFY_IS_CUSTOM_FIELD (item))
    timecard_export_lookup_add_custom_field (self, clockify_custom_field_get_id (item),
                                             clockify_custom_field_get_name (item));
  else if (CLOCKIFY_IS_WORKSPACE (item))
    timecard_export_lookup_set_currency (self, clockify_workspace_get_currency_code (item));
  else if (!CLOCKIFY_IS_USER_GROUP (item))
    return FALSE;

  return TRUE;
}

/**
 * timecard_export_lookup_get_user_name:
 * @self: a lookup
 * @id: (nullable): a user id
 *
 * Returns: (nullable): the user's name, %NULL when unknown
 */
const char *
timecard_export_lookup_get_user_name (TimecardExportLookup *self,
                                      const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_USER, id, 0);
}

/**
 * timecard_export_lookup_get_user_email:
 * @self: a lookup
 * @id: (nullable): a user id
 *
 * Returns: (nullable): the user's email address, %NULL when unknown
 */
const char *
timecard_export_lookup_get_user_email (TimecardExportLookup *self,
                                       const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_USER, id, 1);
}

/**
 * timecard_export_lookup_get_user:
 * @self: a lookup
 * @id: (nullable): a user id
 * @out_name: (out) (optional) (nullable): the user's name
 * @out_email: (out) (optional) (nullable): the user's email address
 *
 * Both at once, for the time entries' hot path; %NULL when unknown.
 */
void
timecard_export_lookup_get_user (TimecardExportLookup  *self,
                                 const char            *id,
                                 const char           **out_name,
                                 const char           **out_email)
{
  g_return_if_fail (self != NULL);

  read_fields (self, TABLE_USER, id, 2, out_name, out_email);
}

/**
 * timecard_export_lookup_get_project:
 * @self: a lookup
 * @id: (nullable): a project id
 * @out_name: (out) (optional) (nullable): the project's name
 * @out_client_id: (out) (optional) (nullable): the id of its client
 * @out_client_name: (out) (optional) (nullable): the client name the
 *   project carries
 *
 * All three at once, for the time entries' hot path; %NULL when unknown.
 */
void
timecard_export_lookup_get_project (TimecardExportLookup  *self,
                                    const char            *id,
                                    const char           **out_name,
                                    const char           **out_client_id,
                                    const char           **out_client_name)
{
  g_return_if_fail (self != NULL);

  read_fields (self, TABLE_PROJECT, id, 3, out_name, out_client_id, out_client_name);
}

/**
 * timecard_export_lookup_get_project_name:
 * @self: a lookup
 * @id: (nullable): a project id
 *
 * Returns: (nullable): the project's name, %NULL when unknown
 */
const char *
timecard_export_lookup_get_project_name (TimecardExportLookup *self,
                                         const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_PROJECT, id, 0);
}

/**
 * timecard_export_lookup_get_project_client_id:
 * @self: a lookup
 * @id: (nullable): a project id
 *
 * Returns: (nullable): the id of the project's client, %NULL when unknown
 */
const char *
timecard_export_lookup_get_project_client_id (TimecardExportLookup *self,
                                              const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_PROJECT, id, 1);
}

/**
 * timecard_export_lookup_get_project_client_name:
 * @self: a lookup
 * @id: (nullable): a project id
 *
 * Returns: (nullable): the client name the project carries, %NULL when unknown
 */
const char *
timecard_export_lookup_get_project_client_name (TimecardExportLookup *self,
                                                const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_PROJECT, id, 2);
}

/**
 * timecard_export_lookup_get_client_name:
 * @self: a lookup
 * @id: (nullable): a client id
 *
 * Returns: (nullable): the client's name, %NULL when unknown
 */
const char *
timecard_export_lookup_get_client_name (TimecardExportLookup *self,
                                        const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_CLIENT, id, 0);
}

/**
 * timecard_export_lookup_get_task_name:
 * @self: a lookup
 * @id: (nullable): a task id
 *
 * Returns: (nullable): the task's name, %NULL when unknown
 */
const char *
timecard_export_lookup_get_task_name (TimecardExportLookup *self,
                                      const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_TASK, id, 0);
}

/**
 * timecard_export_lookup_get_tag_name:
 * @self: a lookup
 * @id: (nullable): a tag id
 *
 * Returns: (nullable): the tag's name, %NULL when unknown
 */
const char *
timecard_export_lookup_get_tag_name (TimecardExportLookup *self,
                                     const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_TAG, id, 0);
}

/**
 * timecard_export_lookup_get_custom_field_name:
 * @self: a lookup
 * @id: (nullable): a custom field id
 *
 * Returns: (nullable): the custom field's name, %NULL when unknown
 */
const char *
timecard_export_lookup_get_custom_field_name (TimecardExportLookup *self,
                                              const char           *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return get_value (self, TABLE_CUSTOM_FIELD, id, 0);
}

/**
 * timecard_export_lookup_get_currency:
 * @self: a lookup
 *
 * Returns: (nullable): the workspace's currency code, if set
 */
const char *
timecard_export_lookup_get_currency (TimecardExportLookup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}
