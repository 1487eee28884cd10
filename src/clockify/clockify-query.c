/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "clockify-query"

#include "config.h"

#include "clockify-query.h"

#include "clockify-client-entity.h"
#include "clockify-custom-field.h"
#include "clockify-enums.h"
#include "clockify-project.h"
#include "clockify-tag.h"
#include "clockify-task.h"
#include "clockify-time-entry.h"
#include "clockify-user-group.h"
#include "clockify-user.h"
#include "clockify-workspace.h"

/*
 * Clockify support (2021, quoted in API-NOTES.md §4): page-size may be up to
 * 5000 on every main-API list, and up to 1000 on the detailed report.
 */
#define MAIN_API_MAX_PAGE_SIZE 5000
#define REPORT_MAX_PAGE_SIZE   1000

struct _ClockifyQuery
{
  GObject           parent_instance;

  ClockifyListKind  kind;
  char             *workspace_id;
  char             *parent_id;
  GDateTime        *start;
  GDateTime        *end;
  guint             page_size;
  gboolean          hydrated;
  char             *time_zone;
};

G_DEFINE_FINAL_TYPE (ClockifyQuery, clockify_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_WORKSPACE_ID,
  PROP_PARENT_ID,
  PROP_START,
  PROP_END,
  PROP_PAGE_SIZE,
  PROP_HYDRATED,
  PROP_TIME_ZONE,
  PROP_ITEM_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76, above the floor. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static gboolean
set_date_time (GDateTime **field,
               GDateTime  *value)
{
  if (*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && g_date_time_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);

  return TRUE;
}

/**
 * clockify_list_kind_max_page_size:
 * @kind: a #ClockifyListKind
 *
 * Returns: the largest `page-size` the endpoint of @kind accepts
 */
guint
clockify_list_kind_max_page_size (ClockifyListKind kind)
{
  if (kind == CLOCKIFY_LIST_DETAILED_REPORT)
    return REPORT_MAX_PAGE_SIZE;

  return MAIN_API_MAX_PAGE_SIZE;
}

static void
clockify_query_finalize (GObject *object)
{
  ClockifyQuery *self = CLOCKIFY_QUERY (object);

  g_clear_pointer (&self->workspace_id, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->time_zone, g_free);

  G_OBJECT_CLASS (clockify_query_parent_class)->finalize (object);
}

static void
clockify_query_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClockifyQuery *self = CLOCKIFY_QUERY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    case PROP_HYDRATED:
      g_value_set_boolean (value, self->hydrated);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, clockify_query_get_item_type (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_query_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ClockifyQuery *self = CLOCKIFY_QUERY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_WORKSPACE_ID:
      self->workspace_id = g_value_dup_string (value);
      break;
    case PROP_PARENT_ID:
      clockify_query_set_parent_id (self, g_value_get_string (value));
      break;
    case PROP_START:
      clockify_query_set_range (self, g_value_get_boxed (value), self->end);
      break;
    case PROP_END:
      clockify_query_set_range (self, self->start, g_value_get_boxed (value));
      break;
    case PROP_PAGE_SIZE:
      clockify_query_set_page_size (self, g_value_get_uint (value));
      break;
    case PROP_HYDRATED:
      clockify_query_set_hydrated (self, g_value_get_boolean (value));
      break;
    case PROP_TIME_ZONE:
      clockify_query_set_time_zone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clockify_query_constructed (GObject *object)
{
  ClockifyQuery *self = CLOCKIFY_QUERY (object);

  G_OBJECT_CLASS (clockify_query_parent_class)->constructed (object);

  if (self->page_size == 0)
    self->page_size = clockify_list_kind_max_page_size (self->kind);
}

static void
clockify_query_class_init (ClockifyQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = clockify_query_constructed;
  object_class->finalize = clockify_query_finalize;
  object_class->get_property = clockify_query_get_property;
  object_class->set_property = clockify_query_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CLOCKIFY_TYPE_LIST_KIND, CLOCKIFY_LIST_WORKSPACES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE_ID] =
    g_param_spec_string ("workspace-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HYDRATED] =
    g_param_spec_boolean ("hydrated", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, "UTC",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clockify_query_init (ClockifyQuery *self)
{
  self->time_zone = g_strdup ("UTC");
}

/**
 * clockify_query_new:
 * @kind: which list
 * @workspace_id: (nullable): the workspace, for every kind but
 *   %CLOCKIFY_LIST_WORKSPACES
 *
 * Creates a query for one of Clockify's lists. Tasks need the project and
 * time entries the user as parent id; the detailed report needs a range.
 * The page size starts at the largest the endpoint allows.
 *
 * Returns: (transfer full): a new #ClockifyQuery
 */
ClockifyQuery *
clockify_query_new (ClockifyListKind  kind,
                    const char       *workspace_id)
{
  g_return_val_if_fail (kind <= CLOCKIFY_LIST_DETAILED_REPORT, NULL);
  g_return_val_if_fail (kind == CLOCKIFY_LIST_WORKSPACES || workspace_id != NULL, NULL);

  return g_object_new (CLOCKIFY_TYPE_QUERY,
                       "kind", kind,
                       "workspace-id", workspace_id,
                       NULL);
}

ClockifyListKind
clockify_query_get_kind (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), 0);

  return self->kind;
}

const char *
clockify_query_get_workspace_id (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), NULL);

  return self->workspace_id;
}

const char *
clockify_query_get_parent_id (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), NULL);

  return self->parent_id;
}

/**
 * clockify_query_set_parent_id:
 * @self: a #ClockifyQuery
 * @parent_id: (nullable): the project of %CLOCKIFY_LIST_TASKS, the user of
 *   %CLOCKIFY_LIST_TIME_ENTRIES
 */
void
clockify_query_set_parent_id (ClockifyQuery *self,
                              const char    *parent_id)
{
  g_return_if_fail (CLOCKIFY_IS_QUERY (self));

  if (set_string (&self->parent_id, parent_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

/**
 * clockify_query_get_start:
 * @self: a #ClockifyQuery
 *
 * Returns: (transfer none) (nullable): the start of the range
 */
GDateTime *
clockify_query_get_start (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), NULL);

  return self->start;
}

/**
 * clockify_query_get_end:
 * @self: a #ClockifyQuery
 *
 * Returns: (transfer none) (nullable): the end of the range
 */
GDateTime *
clockify_query_get_end (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), NULL);

  return self->end;
}

/**
 * clockify_query_set_range:
 * @self: a #ClockifyQuery
 * @start: (nullable): the start of the range
 * @end: (nullable): the end of the range
 *
 * Limits time entries to a range; the detailed report requires one. The
 * times are sent as they are given: the time-entry list in UTC, the report
 * in the query's time zone.
 */
void
clockify_query_set_range (ClockifyQuery *self,
                          GDateTime     *start,
                          GDateTime     *end)
{
  g_return_if_fail (CLOCKIFY_IS_QUERY (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (set_date_time (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (set_date_time (&self->end, end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
clockify_query_get_page_size (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), 0);

  return self->page_size;
}

/**
 * clockify_query_set_page_size:
 * @self: a #ClockifyQuery
 * @page_size: the number of items per request; 0 or more than the endpoint
 *   allows means the largest it allows
 */
void
clockify_query_set_page_size (ClockifyQuery *self,
                              guint          page_size)
{
  guint max;

  g_return_if_fail (CLOCKIFY_IS_QUERY (self));

  max = clockify_list_kind_max_page_size (self->kind);
  if (page_size == 0 || page_size > max)
    page_size = max;

  if (self->page_size == page_size)
    return;

  self->page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

gboolean
clockify_query_get_hydrated (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), FALSE);

  return self->hydrated;
}

/**
 * clockify_query_set_hydrated:
 * @self: a #ClockifyQuery
 * @hydrated: whether time entries come with their project, task and tags
 */
void
clockify_query_set_hydrated (ClockifyQuery *self,
                             gboolean       hydrated)
{
  g_return_if_fail (CLOCKIFY_IS_QUERY (self));

  hydrated = !!hydrated;
  if (self->hydrated == hydrated)
    return;

  self->hydrated = hydrated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HYDRATED]);
}

const char *
clockify_query_get_time_zone (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), NULL);

  return self->time_zone;
}

/**
 * clockify_query_set_time_zone:
 * @self: a #ClockifyQuery
 * @time_zone: (nullable): an IANA time zone for the detailed report's range,
 *   or %NULL for "UTC"
 */
void
clockify_query_set_time_zone (ClockifyQuery *self,
                              const char    *time_zone)
{
  g_return_if_fail (CLOCKIFY_IS_QUERY (self));

  if (time_zone == NULL || *time_zone == '\0')
    time_zone = "UTC";

  if (set_string (&self->time_zone, time_zone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

/**
 * clockify_query_get_item_type:
 * @self: a #ClockifyQuery
 *
 * Returns: the #GType of the objects the query lists
 */
GType
clockify_query_get_item_type (ClockifyQuery *self)
{
  g_return_val_if_fail (CLOCKIFY_IS_QUERY (self), G_TYPE_INVALID);

  switch (self->kind)
    {
    case CLOCKIFY_LIST_WORKSPACES:
      return CLOCKIFY_TYPE_WORKSPACE;
    case CLOCKIFY_LIST_USERS:
      return CLOCKIFY_TYPE_USER;
    case CLOCKIFY_LIST_CLIENTS:
      return CLOCKIFY_TYPE_CLIENT_ENTITY;
    case CLOCKIFY_LIST_PROJECTS:
      return CLOCKIFY_TYPE_PROJECT;
    case CLOCKIFY_LIST_TASKS:
      return CLOCKIFY_TYPE_TASK;
    case CLOCKIFY_LIST_TAGS:
      return CLOCKIFY_TYPE_TAG;
    case CLOCKIFY_LIST_USER_GROUPS:
      return CLOCKIFY_TYPE_USER_GROUP;
    case CLOCKIFY_LIST_CUSTOM_FIELDS:
      return CLOCKIFY_TYPE_CUSTOM_FIELD;
    case CLOCKIFY_LIST_TIME_ENTRIES:
    case CLOCKIFY_LIST_DETAILED_REPORT:
      return CLOCKIFY_TYPE_TIME_ENTRY;
    default:
      g_assert_not_reached ();
    }
}
