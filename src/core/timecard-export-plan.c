/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-plan"

#include "config.h"

#include "timecard-export-plan-private.h"

#include <glib/gi18n.h>

#include "timecard-export-job-private.h"

/*
 * TimecardExportPlan: what an export fetches and what it costs.
 *
 * Time entries come either from the detailed report (1000 a page, every
 * user at once) or from the per-user list (5000 a page, one user at a
 * time). Which is cheaper depends on the number of entries and users:
 * reports need about N / 1000 requests, per-user about max (users, N / 5000).
 * On a paid plan one report request, page 1 of the whole range, tells N
 * (its totals); the planner keeps that page, so it is not fetched twice.
 * On the Free plan (30 requests an hour) the planner spends nothing on
 * probing: reports need a start date there (31-day windows) and cost one
 * request per window, per-user one request per user.
 *
 * Clockify documents no report range limit for paid plans, so a paid export
 * asks for its whole range at once unless a window length is set
 * (timecard_export_plan_set_report_window_days()). If Clockify refuses the
 * report (403 for a member who may not see everyone's time, 400 for a range
 * it does not accept), the plan falls back to per-user.
 */

#define USEC_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (TimecardExportPlan, timecard_export_plan, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TimecardExportStrategy, timecard_export_strategy,
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_STRATEGY_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_STRATEGY_REPORTS, "reports"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_STRATEGY_PER_USER, "per-user"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_WORKSPACE,
  PROP_ENTITIES,
  PROP_TIME_ZONE,
  PROP_REQUESTED_STRATEGY,
  PROP_STRATEGY,
  PROP_PREPARED,
  PROP_N_REQUESTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
/* GObject */

void
_timecard_export_plan_clear_windows (TimecardExportPlan *self)
{
  for (guint i = 0; i < self->windows->len; i++)
    {
      TimecardExportWindow *window = &g_array_index (self->windows, TimecardExportWindow, i);

      g_free ((char *) window->strategy);
      g_free ((char *) window->user_id);
    }
  g_array_set_size (self->windows, 0);
  g_array_set_size (self->window_pages, 0);
}

static void
timecard_export_plan_dispose (GObject *object)
{
  TimecardExportPlan *self = TIMECARD_EXPORT_PLAN (object);

  g_clear_object (&self->client);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  g_clear_pointer (&self->first_report_page, g_bytes_unref);

  G_OBJECT_CLASS (timecard_export_plan_parent_class)->dispose (object);
}

static void
timecard_export_plan_finalize (GObject *object)
{
  TimecardExportPlan *self = TIMECARD_EXPORT_PLAN (object);

  _timecard_export_plan_clear_windows (self);
  g_array_unref (self->windows);
  g_array_unref (self->window_pages);
  g_free (self->time_zone_name);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->reason);

  G_OBJECT_CLASS (timecard_export_plan_parent_class)->finalize (object);
}

static void
timecard_export_plan_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TimecardExportPlan *self = TIMECARD_EXPORT_PLAN (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_ENTITIES:
      g_value_set_uint (value, self->entities);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone_name);
      break;
    case PROP_REQUESTED_STRATEGY:
      g_value_set_enum (value, self->requested);
      break;
    case PROP_STRATEGY:
      g_value_set_enum (value, self->strategy);
      break;
    case PROP_PREPARED:
      g_value_set_boolean (value, self->prepared);
      break;
    case PROP_N_REQUESTS:
      g_value_set_uint (value, timecard_export_plan_get_n_requests (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_plan_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TimecardExportPlan *self = TIMECARD_EXPORT_PLAN (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_ENTITIES:
      timecard_export_plan_set_entities (self, g_value_get_uint (value));
      break;
    case PROP_TIME_ZONE:
      timecard_export_plan_set_time_zone (self, g_value_get_string (value));
      break;
    case PROP_REQUESTED_STRATEGY:
      timecard_export_plan_set_requested_strategy (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_plan_class_init (TimecardExportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = timecard_export_plan_dispose;
  object_class->finalize = timecard_export_plan_finalize;
  object_class->get_property = timecard_export_plan_get_property;
  object_class->set_property = timecard_export_plan_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CLOCKIFY_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, CLOCKIFY_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TimecardExportPlan:entities:
   *
   * What to export: TIMECARD_EXPORT_ENTITY_BIT() of each #TimecardExportEntity.
   */
  properties[PROP_ENTITIES] =
    g_param_spec_uint ("entities", NULL, NULL, 0, TIMECARD_EXPORT_ALL_ENTITIES,
                       TIMECARD_EXPORT_ALL_ENTITIES, rw);
  /**
   * TimecardExportPlan:time-zone:
   *
   * The IANA name of the export's time zone (local columns, date ranges,
   * report windows); %NULL until prepared means the key user's profile zone.
   */
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL, rw);
  properties[PROP_REQUESTED_STRATEGY] =
    g_param_spec_enum ("requested-strategy", NULL, NULL, TIMECARD_TYPE_EXPORT_STRATEGY,
                       TIMECARD_EXPORT_STRATEGY_AUTO, rw);
  /**
   * TimecardExportPlan:strategy:
   *
   * How time entries will be fetched, once prepared.
   */
  properties[PROP_STRATEGY] =
    g_param_spec_enum ("strategy", NULL, NULL, TIMECARD_TYPE_EXPORT_STRATEGY,
                       TIMECARD_EXPORT_STRATEGY_AUTO, ro);
  properties[PROP_PREPARED] =
    g_param_spec_boolean ("prepared", NULL, NULL, FALSE, ro);
  /**
   * TimecardExportPlan:n-requests:
   *
   * The requests the export makes, planning included; see
   * timecard_export_plan_get_n_requests().
   */
  properties[PROP_N_REQUESTS] =
    g_param_spec_uint ("n-requests", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
timecard_export_plan_init (TimecardExportPlan *self)
{
  self->entities = TIMECARD_EXPORT_ALL_ENTITIES;
  self->range_start = TIMECARD_EXPORT_UNBOUNDED_START;
  self->range_end = TIMECARD_EXPORT_UNBOUNDED_END;
  self->windows = g_array_new (FALSE, TRUE, sizeof (TimecardExportWindow));
  self->window_pages = g_array_new (FALSE, TRUE, sizeof (guint));
  self->entries_count = -1;
  self->data_start = G_MININT64;
}

/**
 * timecard_export_plan_new:
 * @client: the client the export uses
 * @workspace: the workspace to export (from clockify_client_list_workspaces_async(),
 *   which also sets a Free-plan workspace's request budget)
 *
 * Returns: (transfer full): a plan for all entities over all time, in the
 *   key user's time zone, with the strategy chosen automatically
 */
TimecardExportPlan *
timecard_export_plan_new (ClockifyClient    *client,
                          ClockifyWorkspace *workspace)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (workspace), NULL);

  return g_object_new (TIMECARD_TYPE_EXPORT_PLAN, "client", client, "workspace", workspace, NULL);
}

/**
 * timecard_export_plan_get_client:
 * @self: a plan
 *
 * Returns: (transfer none): the client
 */
ClockifyClient *
timecard_export_plan_get_client (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->client;
}

/**
 * timecard_export_plan_get_workspace:
 * @self: a plan
 *
 * Returns: (transfer none): the workspace
 */
ClockifyWorkspace *
timecard_export_plan_get_workspace (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->workspace;
}

/**
 * timecard_export_plan_set_entities:
 * @self: a plan that is not prepared
 * @entities: TIMECARD_EXPORT_ENTITY_BIT() of each entity to export
 */
void
timecard_export_plan_set_entities (TimecardExportPlan *self,
                                   guint               entities)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (!self->prepared);

  entities &= TIMECARD_EXPORT_ALL_ENTITIES;
  if (self->entities == entities)
    return;

  self->entities = entities;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITIES]);
}

/**
 * timecard_export_plan_get_entities:
 * @self: a plan
 *
 * Returns: the entities to export
 */
guint
timecard_export_plan_get_entities (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return self->entities;
}

/**
 * timecard_export_plan_has_entity:
 * @self: a plan
 * @entity: an entity
 *
 * Returns: whether @entity is exported
 */
gboolean
timecard_export_plan_has_entity (TimecardExportPlan   *self,
                                 TimecardExportEntity  entity)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);

  return (self->entities & TIMECARD_EXPORT_ENTITY_BIT (entity)) != 0;
}

/**
 * timecard_export_plan_set_range:
 * @self: a plan that is not prepared
 * @start_usec: the first instant, or %TIMECARD_EXPORT_UNBOUNDED_START
 * @end_usec: the instant after the range, or %TIMECARD_EXPORT_UNBOUNDED_END
 *
 * Limits time entries to those that start in [@start_usec, @end_usec).
 */
void
timecard_export_plan_set_range (TimecardExportPlan *self,
                                gint64              start_usec,
                                gint64              end_usec)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (!self->prepared);
  g_return_if_fail (start_usec < end_usec);

  self->range_start = start_usec;
  self->range_end = end_usec;
}

/**
 * timecard_export_plan_continue_sync:
 * @self: a plan that is not prepared
 * @synced_end_usec: the end of the range the last sync covered
 * @trailing_days: how many days before it to fetch again
 *
 * Narrows an all-time range to an incremental update: time entries from
 * @trailing_days before the last sync's end, because entries are edited and
 * deleted after they start. A range with its own start, or a last sync that
 * ran to no end, leaves the range as it is.
 *
 * Returns: whether the range was narrowed
 */
gboolean
timecard_export_plan_continue_sync (TimecardExportPlan *self,
                                    gint64              synced_end_usec,
                                    guint               trailing_days)
{
  gint64 start;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);
  g_return_val_if_fail (!self->prepared, FALSE);

  if (self->range_start != TIMECARD_EXPORT_UNBOUNDED_START ||
      synced_end_usec == TIMECARD_EXPORT_UNBOUNDED_END)
    return FALSE;

  start = synced_end_usec - (gint64) trailing_days * 86400 * G_USEC_PER_SEC;
  if (start >= self->range_end)
    return FALSE;

  self->range_start = start;
  return TRUE;
}

/**
 * timecard_export_plan_get_range_start:
 * @self: a plan
 *
 * Returns: the range's start, or %TIMECARD_EXPORT_UNBOUNDED_START
 */
gint64
timecard_export_plan_get_range_start (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return self->range_start;
}

/**
 * timecard_export_plan_get_range_end:
 * @self: a plan
 *
 * Returns: the range's (exclusive) end, or %TIMECARD_EXPORT_UNBOUNDED_END
 */
gint64
timecard_export_plan_get_range_end (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return self->range_end;
}

/**
 * timecard_export_plan_set_time_zone:
 * @self: a plan that is not prepared
 * @identifier: (nullable): an IANA time zone name ("Europe/Berlin", "UTC"),
 *   or %NULL for the key user's profile zone
 */
void
timecard_export_plan_set_time_zone (TimecardExportPlan *self,
                                    const char         *identifier)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (!self->prepared);

  if (g_strcmp0 (self->time_zone_name, identifier) == 0)
    return;

  g_free (self->time_zone_name);
  self->time_zone_name = g_strdup (identifier);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

/**
 * timecard_export_plan_get_time_zone_name:
 * @self: a plan
 *
 * Returns: (nullable): the time zone's name; set once prepared
 */
const char *
timecard_export_plan_get_time_zone_name (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->time_zone_name;
}

/**
 * timecard_export_plan_get_time_zone:
 * @self: a plan
 *
 * Returns: (transfer none) (nullable): the time zone, once resolved
 */
GTimeZone *
timecard_export_plan_get_time_zone (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->time_zone;
}

/**
 * timecard_export_plan_set_requested_strategy:
 * @self: a plan that is not prepared
 * @strategy: how to fetch time entries, or %TIMECARD_EXPORT_STRATEGY_AUTO
 */
void
timecard_export_plan_set_requested_strategy (TimecardExportPlan     *self,
                                             TimecardExportStrategy  strategy)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (!self->prepared);

  if (self->requested == strategy)
    return;

  self->requested = strategy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTED_STRATEGY]);
}

/**
 * timecard_export_plan_get_requested_strategy:
 * @self: a plan
 *
 * Returns: the strategy asked for
 */
TimecardExportStrategy
timecard_export_plan_get_requested_strategy (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), TIMECARD_EXPORT_STRATEGY_AUTO);

  return self->requested;
}

/**
 * timecard_export_plan_set_report_window_days:
 * @self: a plan that is not prepared
 * @days: the longest report window in days; 0 for one window over the
 *   whole range
 *
 * Overrides the default: %TIMECARD_EXPORT_FREE_REPORT_DAYS on the Free
 * plan, one window on paid plans. Windows are also what a resumed export
 * skips when done, so shorter windows lose less work when interrupted.
 */
void
timecard_export_plan_set_report_window_days (TimecardExportPlan *self,
                                             guint               days)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (!self->prepared);

  self->report_window_days = days;
  self->report_window_days_set = TRUE;
}

/**
 * timecard_export_plan_get_report_window_days:
 * @self: a plan
 *
 * Returns: the longest report window in days (0: unlimited)
 */
guint
timecard_export_plan_get_report_window_days (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  if (self->report_window_days_set)
    return self->report_window_days;

  return clockify_workspace_is_free_plan (self->workspace) ? TIMECARD_EXPORT_FREE_REPORT_DAYS : 0;
}

/**
 * timecard_export_plan_set_now:
 * @self: a plan that is not prepared
 * @now_usec: the wall-clock time the export considers "now" (Unix µs)
 *
 * An unbounded report range ends a day after "now". Defaults to the time
 * of timecard_export_plan_prepare_async(); a resumed export keeps its
 * first run's.
 */
void
timecard_export_plan_set_now (TimecardExportPlan *self,
                              gint64              now_usec)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (!self->prepared);

  self->now = now_usec;
}

/**
 * timecard_export_plan_get_now:
 * @self: a plan
 *
 * Returns: the export's "now" (Unix µs), 0 until prepared
 */
gint64
timecard_export_plan_get_now (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return self->now;
}

gint64
_timecard_export_plan_report_end (TimecardExportPlan *self)
{
  if (self->range_end != TIMECARD_EXPORT_UNBOUNDED_END)
    return self->range_end;

  /* Whole seconds, so every run of a resumed export computes the same. */
  return (self->now / G_USEC_PER_SEC) * G_USEC_PER_SEC + USEC_PER_DAY;
}

gboolean
_timecard_export_plan_set_zone (TimecardExportPlan  *self,
                                const char          *identifier,
                                GError             **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (identifier);

  if (zone == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown time zone “%s”"), identifier);
      return FALSE;
    }

  if (g_strcmp0 (self->time_zone_name, identifier) != 0)
    {
      g_free (self->time_zone_name);
      self->time_zone_name = g_strdup (identifier);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
    }
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = g_steal_pointer (&zone);

  return TRUE;
}

void
_timecard_export_plan_notify_prepared (TimecardExportPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REQUESTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREPARED]);
}

/* Results */

/**
 * timecard_export_plan_get_strategy:
 * @self: a prepared plan
 *
 * Returns: how time entries are fetched
 */
TimecardExportStrategy
timecard_export_plan_get_strategy (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), TIMECARD_EXPORT_STRATEGY_AUTO);

  return self->strategy;
}

/**
 * timecard_export_plan_get_reason:
 * @self: a prepared plan
 *
 * Returns: (nullable): why the strategy was chosen, when it was not asked for
 */
const char *
timecard_export_plan_get_reason (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->reason;
}

/**
 * timecard_export_plan_get_hydrated:
 * @self: a prepared plan
 *
 * Returns: whether per-user pages are asked for with the names of what
 *   entries refer to (`hydrated=true`), because the export does not list all
 *   of it
 */
gboolean
timecard_export_plan_get_hydrated (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);

  return self->hydrated;
}

/**
 * timecard_export_plan_get_n_windows:
 * @self: a prepared plan
 *
 * Returns: the time-entry windows, in the order they are written
 */
guint
timecard_export_plan_get_n_windows (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return self->windows->len;
}

/**
 * timecard_export_plan_get_window:
 * @self: a prepared plan
 * @index: a window index
 *
 * Returns: (transfer none): the window; a report window has no user, a
 *   per-user window's bounds may be unbounded
 */
const TimecardExportWindow *
timecard_export_plan_get_window (TimecardExportPlan *self,
                                 guint               index)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);
  g_return_val_if_fail (index < self->windows->len, NULL);

  return &g_array_index (self->windows, TimecardExportWindow, index);
}

/**
 * timecard_export_plan_get_window_pages:
 * @self: a prepared plan
 * @index: a window index
 *
 * Returns: the pages the window is expected to need (exact once known)
 */
guint
timecard_export_plan_get_window_pages (TimecardExportPlan *self,
                                       guint               index)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);
  g_return_val_if_fail (index < self->window_pages->len, 0);

  return g_array_index (self->window_pages, guint, index);
}

void
_timecard_export_plan_update_window_pages (TimecardExportPlan *self,
                                           guint               index,
                                           guint               pages)
{
  guint *slot = &g_array_index (self->window_pages, guint, index);
  guint old = *slot;
  guint *total = &self->entity_requests[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES];

  if (old == pages)
    return;

  *slot = pages;
  *total = *total + pages >= old ? *total + pages - old : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REQUESTS]);
}

/**
 * timecard_export_plan_get_n_planning_requests:
 * @self: a plan
 *
 * Returns: the requests planning made (the key user, users, projects, a
 *   report page)
 */
guint
timecard_export_plan_get_n_planning_requests (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return self->n_planning_requests;
}

/**
 * timecard_export_plan_get_n_entity_requests:
 * @self: a prepared plan
 * @entity: an entity
 *
 * Returns: the requests the export still needs for @entity (0 for what
 *   planning already fetched)
 */
guint
timecard_export_plan_get_n_entity_requests (TimecardExportPlan   *self,
                                            TimecardExportEntity  entity)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);
  g_return_val_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES, 0);

  return self->entity_requests[entity];
}

/**
 * timecard_export_plan_get_n_requests:
 * @self: a prepared plan
 *
 * Returns: the requests of the whole export: those planning made plus
 *   those the export will make (an estimate where the number of entries per
 *   window or user is not known; exact for the report window whose page 1
 *   planning fetched)
 */
guint
timecard_export_plan_get_n_requests (TimecardExportPlan *self)
{
  guint total;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  total = self->n_planning_requests;
  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    total += self->entity_requests[e];

  return total;
}

/**
 * timecard_export_plan_estimate_duration:
 * @self: a plan
 * @n_requests: requests still to make
 *
 * Returns: µs until the last of @n_requests has started, at the key's rate
 *   and the workspace's budget (G_MAXINT64-like large values mean hours)
 */
gint64
timecard_export_plan_estimate_duration (TimecardExportPlan *self,
                                        guint               n_requests)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), 0);

  return clockify_throttle_estimate (clockify_client_get_throttle (self->client),
                                     clockify_workspace_get_id (self->workspace), n_requests);
}

/**
 * timecard_export_plan_get_users:
 * @self: a plan
 *
 * Returns: (transfer none) (nullable) (element-type ClockifyUser): the
 *   users planning listed
 */
GPtrArray *
timecard_export_plan_get_users (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->users;
}

/**
 * timecard_export_plan_get_projects:
 * @self: a plan
 *
 * Returns: (transfer none) (nullable) (element-type ClockifyProject): the
 *   projects planning listed
 */
GPtrArray *
timecard_export_plan_get_projects (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->projects;
}

/**
 * timecard_export_plan_get_first_report_page:
 * @self: a plan
 *
 * Returns: (transfer none) (nullable): page 1 of the first report window,
 *   fetched while planning, for the export to write instead of fetching it
 */
GBytes *
timecard_export_plan_get_first_report_page (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  return self->first_report_page;
}

/**
 * timecard_export_plan_get_entries_count:
 * @self: a plan
 *
 * Returns: the completed entries in the range as the report counted them,
 *   or -1 when not known
 */
gint64
timecard_export_plan_get_entries_count (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), -1);

  return self->entries_count;
}
