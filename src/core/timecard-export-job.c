/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-job"

#include "config.h"

#include "timecard-export-job-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clockify-error.h"
#include "clockify-project.h"
#include "timecard-export-sqlite.h"

/*
 * TimecardExportJob: runs a TimecardExportPlan into a writer.
 *
 * The run is a chain of steps on the main context: resolve the time zone,
 * open the writer and prepare the plan (in the order resuming needs: a
 * fresh or resumed export plans first and gives the writer the plan to
 * keep, an incremental one reads its last sync first), then each small
 * entity (fetch, then write), then the time entries
 * (timecard-export-job-fetch.c), then finish. The writer's steps block, so
 * each runs in a worker thread, one at a time. Any failure, budget
 * exhaustion or cancellation closes the writer, which keeps the committed
 * windows for --resume and leaves what was at the path untouched.
 */

#define DEFAULT_MAX_IN_FLIGHT 6
#define DEFAULT_CHECKPOINT_INTERVAL G_USEC_PER_SEC

G_DEFINE_FINAL_TYPE (TimecardExportJob, timecard_export_job, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (TimecardExportJobFlags, timecard_export_job_flags,
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_JOB_FLAGS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_JOB_FLAGS_RESUME, "resume"),
  G_DEFINE_ENUM_VALUE (TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL, "incremental"))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FORMAT,
  PROP_PATH,
  PROP_FLAGS,
  PROP_ENTITY,
  PROP_N_REQUESTS,
  PROP_N_REQUESTS_PLANNED,
  PROP_N_PAGES,
  PROP_N_PAGES_PLANNED,
  PROP_N_ROWS,
  PROP_ETA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GObject */

static void
reset_run (TimecardExportJob *self)
{
  g_clear_object (&self->writer);
  g_clear_pointer (&self->lookup, timecard_export_lookup_unref);
  g_clear_error (&self->stop_error);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->task_lists, g_ptr_array_unref);
  _timecard_export_job_free_windows (self);
}

static void
timecard_export_job_dispose (GObject *object)
{
  TimecardExportJob *self = TIMECARD_EXPORT_JOB (object);

  reset_run (self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (timecard_export_job_parent_class)->dispose (object);
}

static void
timecard_export_job_finalize (GObject *object)
{
  TimecardExportJob *self = TIMECARD_EXPORT_JOB (object);

  g_free (self->path);
  g_clear_pointer (&self->budget_reset, g_date_time_unref);

  G_OBJECT_CLASS (timecard_export_job_parent_class)->finalize (object);
}

static void
timecard_export_job_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TimecardExportJob *self = TIMECARD_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_ENTITY:
      g_value_set_int (value, self->entity);
      break;
    case PROP_N_REQUESTS:
      g_value_set_uint (value, timecard_export_job_get_n_requests (self));
      break;
    case PROP_N_REQUESTS_PLANNED:
      g_value_set_uint (value, timecard_export_job_get_n_requests_planned (self));
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_N_PAGES_PLANNED:
      g_value_set_uint (value, timecard_export_job_get_n_pages_planned (self));
      break;
    case PROP_N_ROWS:
      g_value_set_uint64 (value, timecard_export_job_get_n_rows (self));
      break;
    case PROP_ETA:
      g_value_set_int64 (value, self->eta);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_job_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TimecardExportJob *self = TIMECARD_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      self->format = g_value_get_enum (value);
      break;
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_flags (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_job_class_init (TimecardExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = timecard_export_job_dispose;
  object_class->finalize = timecard_export_job_finalize;
  object_class->get_property = timecard_export_job_get_property;
  object_class->set_property = timecard_export_job_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TIMECARD_TYPE_EXPORT_PLAN, construct);
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, TIMECARD_TYPE_EXPORT_FORMAT,
                       TIMECARD_EXPORT_FORMAT_CSV, construct);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, construct);
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL, TIMECARD_TYPE_EXPORT_JOB_FLAGS,
                        TIMECARD_EXPORT_JOB_FLAGS_NONE, construct);
  /**
   * TimecardExportJob:entity:
   *
   * The #TimecardExportEntity being exported, or
   * %TIMECARD_EXPORT_JOB_NO_ENTITY.
   */
  properties[PROP_ENTITY] =
    g_param_spec_int ("entity", NULL, NULL, TIMECARD_EXPORT_JOB_NO_ENTITY,
                      TIMECARD_EXPORT_N_ENTITIES - 1, TIMECARD_EXPORT_JOB_NO_ENTITY, ro);
  /**
   * TimecardExportJob:n-requests:
   *
   * Requests made, planning included.
   */
  properties[PROP_N_REQUESTS] =
    g_param_spec_uint ("n-requests", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * TimecardExportJob:n-requests-planned:
   *
   * Requests the export needs in all, as now known.
   */
  properties[PROP_N_REQUESTS_PLANNED] =
    g_param_spec_uint ("n-requests-planned", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * TimecardExportJob:n-pages:
   *
   * Time-entry pages written.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_PAGES_PLANNED] =
    g_param_spec_uint ("n-pages-planned", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * TimecardExportJob:n-rows:
   *
   * Rows written, all entities together.
   */
  properties[PROP_N_ROWS] =
    g_param_spec_uint64 ("n-rows", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  /**
   * TimecardExportJob:eta:
   *
   * µs until the remaining requests have started, at the key's rate and
   * the workspace's budget.
   */
  properties[PROP_ETA] =
    g_param_spec_int64 ("eta", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TimecardExportJob::progress:
   *
   * Emitted when a request completes, a page or an entity is written, or
   * the plan changes; read the properties.
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
timecard_export_job_init (TimecardExportJob *self)
{
  self->trailing_days = TIMECARD_EXPORT_DEFAULT_TRAILING_DAYS;
  self->max_in_flight = DEFAULT_MAX_IN_FLIGHT;
  self->checkpoint_interval = DEFAULT_CHECKPOINT_INTERVAL;
  self->entity = TIMECARD_EXPORT_JOB_NO_ENTITY;
}

/**
 * timecard_export_job_new:
 * @plan: what to export (prepared or not: a run prepares it)
 * @format: the output format
 * @path: the output directory (CSV, JSON Lines) or file (SQLite)
 * @flags: fresh, resumed or incremental
 *
 * Returns: (transfer full): a job
 */
TimecardExportJob *
timecard_export_job_new (TimecardExportPlan     *plan,
                         TimecardExportFormat    format,
                         const char             *path,
                         TimecardExportJobFlags  flags)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (plan), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (TIMECARD_TYPE_EXPORT_JOB,
                       "plan", plan,
                       "format", format,
                       "path", path,
                       "flags", flags,
                       NULL);
}

/**
 * timecard_export_job_get_plan:
 * @self: a job
 *
 * Returns: (transfer none): the plan
 */
TimecardExportPlan *
timecard_export_job_get_plan (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), NULL);

  return self->plan;
}

/**
 * timecard_export_job_get_format:
 * @self: a job
 *
 * Returns: the output format
 */
TimecardExportFormat
timecard_export_job_get_format (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), TIMECARD_EXPORT_FORMAT_CSV);

  return self->format;
}

/**
 * timecard_export_job_get_path:
 * @self: a job
 *
 * Returns: the output path
 */
const char *
timecard_export_job_get_path (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), NULL);

  return self->path;
}

/**
 * timecard_export_job_get_flags:
 * @self: a job
 *
 * Returns: the job's flags
 */
TimecardExportJobFlags
timecard_export_job_get_flags (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->flags;
}

/**
 * timecard_export_job_set_trailing_days:
 * @self: a job
 * @days: how far before the last sync's end an incremental export starts
 *   (%TIMECARD_EXPORT_DEFAULT_TRAILING_DAYS by default): entries edited or
 *   deleted that long after they started are caught
 */
void
timecard_export_job_set_trailing_days (TimecardExportJob *self,
                                       guint              days)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_JOB (self));

  self->trailing_days = days;
}

/**
 * timecard_export_job_get_trailing_days:
 * @self: a job
 *
 * Returns: the trailing window of an incremental export, in days
 */
guint
timecard_export_job_get_trailing_days (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->trailing_days;
}

/**
 * timecard_export_job_set_max_in_flight:
 * @self: a job that is not running
 * @n_requests: how many requests may be outstanding at once (at least 1);
 *   the throttle still paces them
 */
void
timecard_export_job_set_max_in_flight (TimecardExportJob *self,
                                       guint              n_requests)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_JOB (self));
  g_return_if_fail (self->task == NULL);

  self->max_in_flight = MAX (1, n_requests);
}

/**
 * timecard_export_job_set_checkpoint_interval:
 * @self: a job that is not running
 * @usec: how long at least between two checkpoints of a window, in µs
 *
 * A long window is checkpointed between pages, so that --resume need not
 * fetch again what was written before an interruption. A checkpoint syncs
 * the output to disk; the default (one second) keeps that cost small.
 */
void
timecard_export_job_set_checkpoint_interval (TimecardExportJob *self,
                                             gint64             usec)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_JOB (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (usec >= 0);

  self->checkpoint_interval = usec;
}

/**
 * timecard_export_job_get_max_in_flight:
 * @self: a job
 *
 * Returns: how many requests may be outstanding at once
 */
guint
timecard_export_job_get_max_in_flight (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->max_in_flight;
}

/* Progress */

static guint
planned_requests (TimecardExportJob *self)
{
  TimecardExportPlan *plan = self->plan;
  guint total;

  if (!timecard_export_plan_is_prepared (plan))
    return timecard_export_plan_get_n_planning_requests (plan);

  total = timecard_export_plan_get_n_planning_requests (plan);
  for (TimecardExportEntity e = 0; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    total += timecard_export_plan_get_n_entity_requests (plan, e);

  if (timecard_export_plan_has_entity (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES))
    {
      guint pages = _timecard_export_job_pages_planned (self);

      if (pages > 0 && _timecard_export_job_uses_planning_page (self))
        pages--;
      total += pages;
    }

  return total;
}

void
_timecard_export_job_progress (TimecardExportJob *self)
{
  guint done = timecard_export_job_get_n_requests (self);
  guint planned = timecard_export_job_get_n_requests_planned (self);

  self->eta = planned > done ? timecard_export_plan_estimate_duration (self->plan, planned - done) : 0;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint p = PROP_ENTITY; p < N_PROPS; p++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[PROGRESS], 0);
}

void
_timecard_export_job_set_entity (TimecardExportJob *self,
                                 int                entity)
{
  self->entity = entity;
  _timecard_export_job_progress (self);
}

/* Opening */

static void
start_entities (TimecardExportJob *self)
{
  self->entity = TIMECARD_EXPORT_JOB_NO_ENTITY;
  _timecard_export_job_run_next_entity (self);
}

static gboolean
open_in_thread (TimecardExportJob  *self,
                gpointer            data,
                GError            **error)
{
  return timecard_export_writer_open (self->writer, error);
}

static void
opened (TimecardExportJob *self,
        gpointer           data,
        GError            *error)
{
  g_autofree char *ours = NULL;
  const char *stored;

  if (error != NULL)
    {
      _timecard_export_job_fail (self, error);
      return;
    }

  self->writer_opened = TRUE;
  self->resumed = timecard_export_writer_get_resumed (self->writer);

  /* Resume the interrupted run's plan, so that its windows are recognised. */
  ours = timecard_export_plan_to_run_info (self->plan);
  stored = timecard_export_writer_get_run_info (self->writer);
  if (self->resumed && stored != NULL && g_strcmp0 (stored, ours) != 0 &&
      !timecard_export_plan_apply_run_info (self->plan, stored, &error))
    {
      _timecard_export_job_fail (self, error);
      return;
    }

  start_entities (self);
}

static void
on_plan_prepared (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TimecardExportJob) self = user_data;
  g_autofree char *run_info = NULL;
  GError *error = NULL;

  if (!timecard_export_plan_prepare_finish (TIMECARD_EXPORT_PLAN (source), result, &error))
    {
      _timecard_export_job_fail (self, error);
      return;
    }

  _timecard_export_job_progress (self);

  if (self->writer_opened)
    {
      start_entities (self);
      return;
    }

  run_info = timecard_export_plan_to_run_info (self->plan);
  timecard_export_writer_set_run_info (self->writer, run_info);
  _timecard_export_job_writer_op (self, open_in_thread, opened, NULL, NULL);
}

static void
prepare_plan (TimecardExportJob *self)
{
  timecard_export_plan_prepare_async (self->plan, g_task_get_cancellable (self->task),
                                      on_plan_prepared, g_object_ref (self));
}

typedef struct
{
  gboolean found;
  gint64   range_start;
  gint64   range_end;
  gint64   synced_at;
} SyncState;

static gboolean
open_incremental_in_thread (TimecardExportJob  *self,
                            gpointer            data,
                            GError            **error)
{
  SyncState *state = data;

  return timecard_export_writer_open (self->writer, error) &&
         timecard_export_sqlite_writer_get_sync_state (TIMECARD_EXPORT_SQLITE_WRITER (self->writer),
                                                       clockify_workspace_get_id (timecard_export_plan_get_workspace (self->plan)),
                                                       TIMECARD_EXPORT_ENTITY_TIME_ENTRIES,
                                                       &state->found, &state->range_start,
                                                       &state->range_end, &state->synced_at,
                                                       error);
}

static void
opened_incremental (TimecardExportJob *self,
                    gpointer           data,
                    GError            *error)
{
  SyncState *state = data;
  TimecardExportPlan *plan = self->plan;

  if (error != NULL)
    {
      /* The writer may have opened before the sync state failed. */
      self->writer_opened = TRUE;
      _timecard_export_job_fail (self, error);
      return;
    }

  self->writer_opened = TRUE;
  self->resumed = timecard_export_writer_get_resumed (self->writer);

  /* Re-fetch the trailing window before the last sync's end: entries are
   * edited and deleted after they start. */
  if (state->found && !timecard_export_plan_is_prepared (plan))
    timecard_export_plan_continue_sync (plan, state->range_end, self->trailing_days);

  prepare_plan (self);
}

static void
on_zone_resolved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TimecardExportJob) self = user_data;
  TimecardExportPlan *plan = self->plan;
  TimecardExportWriterFlags flags = TIMECARD_EXPORT_WRITER_FLAGS_NONE;
  ClockifyWorkspace *workspace = timecard_export_plan_get_workspace (plan);
  GError *error = NULL;

  if (!timecard_export_plan_resolve_time_zone_finish (plan, result, &error))
    {
      _timecard_export_job_fail (self, error);
      return;
    }

  if (self->flags & TIMECARD_EXPORT_JOB_FLAGS_RESUME)
    flags |= TIMECARD_EXPORT_WRITER_FLAGS_RESUME;
  if (self->flags & TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL)
    flags |= TIMECARD_EXPORT_WRITER_FLAGS_UPDATE;

  self->lookup = timecard_export_lookup_new ();
  if (clockify_workspace_get_currency_code (workspace) != NULL)
    timecard_export_lookup_set_currency (self->lookup, clockify_workspace_get_currency_code (workspace));
  self->writer = timecard_export_writer_new (self->format, self->path, flags,
                                             timecard_export_plan_get_time_zone (plan),
                                             self->lookup);

  if (self->flags & TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL)
    _timecard_export_job_writer_op (self, open_incremental_in_thread, opened_incremental,
                                    g_new0 (SyncState, 1), g_free);
  else
    prepare_plan (self);
}

/**
 * timecard_export_job_run_async:
 * @self: a job that is not running
 * @cancellable: (nullable): cancels the export: the output at the path is
 *   left as it was, and a run with %TIMECARD_EXPORT_JOB_FLAGS_RESUME
 *   continues it
 * @callback: called when the export is complete, failed or cancelled
 * @user_data: data for @callback
 *
 * Plans (unless the plan is prepared), fetches and writes the export, with
 * #TimecardExportJob::progress along the way.
 */
void
timecard_export_job_run_async (TimecardExportJob   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_JOB (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  reset_run (self);
  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, timecard_export_job_run_async);
  self->writer_opened = FALSE;
  self->writer_failed = FALSE;
  self->n_requests = 0;
  self->n_pages = 0;
  self->n_windows_skipped = 0;
  self->n_pages_skipped = 0;
  self->pages_known = FALSE;
  self->n_pruned = 0;
  self->resumed = FALSE;
  self->max_in_flight_seen = 0;
  memset (self->entity_rows, 0, sizeof self->entity_rows);
  g_clear_pointer (&self->budget_reset, g_date_time_unref);

  if ((self->flags & TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL) &&
      self->format != TIMECARD_EXPORT_FORMAT_SQLITE)
    {
      _timecard_export_job_fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                       _("Incremental exports need the SQLite format")));
      return;
    }

  timecard_export_plan_resolve_time_zone_async (self->plan, cancellable, on_zone_resolved,
                                                 g_object_ref (self));
}

/**
 * timecard_export_job_run_finish:
 * @self: a job
 * @result: the result given to the callback
 * @error: return location for an error: %G_IO_ERROR_CANCELLED,
 *   %CLOCKIFY_ERROR_BUDGET_EXHAUSTED (see
 *   timecard_export_job_get_budget_reset_time()), another %CLOCKIFY_ERROR,
 *   a %TIMECARD_EXPORT_ERROR or a file error
 *
 * Returns: whether the export is complete and in place
 */
gboolean
timecard_export_job_run_finish (TimecardExportJob  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == timecard_export_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Progress getters */

/**
 * timecard_export_job_get_entity:
 * @self: a job
 *
 * Returns: the #TimecardExportEntity being exported, or
 *   %TIMECARD_EXPORT_JOB_NO_ENTITY
 */
int
timecard_export_job_get_entity (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), TIMECARD_EXPORT_JOB_NO_ENTITY);

  return self->entity;
}

/**
 * timecard_export_job_get_n_requests:
 * @self: a job
 *
 * Returns: the requests made so far, planning included (a retried request
 *   counts once)
 */
guint
timecard_export_job_get_n_requests (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return timecard_export_plan_get_n_planning_requests (self->plan) + self->n_requests;
}

/**
 * timecard_export_job_get_n_requests_planned:
 * @self: a job
 *
 * Returns: the requests the export needs in all, as far as known
 */
guint
timecard_export_job_get_n_requests_planned (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return MAX (planned_requests (self), timecard_export_job_get_n_requests (self));
}

/**
 * timecard_export_job_get_n_pages:
 * @self: a job
 *
 * Returns: the time-entry pages written
 */
guint
timecard_export_job_get_n_pages (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->n_pages;
}

/**
 * timecard_export_job_get_n_pages_planned:
 * @self: a job
 *
 * Returns: the time-entry pages to write, as far as known
 */
guint
timecard_export_job_get_n_pages_planned (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  if (!timecard_export_plan_is_prepared (self->plan))
    return 0;

  return MAX (_timecard_export_job_pages_planned (self), self->n_pages);
}

/**
 * timecard_export_job_get_n_rows:
 * @self: a job
 *
 * Returns: the rows written by this run, all entities together
 */
guint64
timecard_export_job_get_n_rows (TimecardExportJob *self)
{
  guint64 total = 0;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    total += self->entity_rows[e];

  return total;
}

/**
 * timecard_export_job_get_n_entity_rows:
 * @self: a job
 * @entity: an entity
 *
 * Returns: the rows of @entity written by this run (time entries of
 *   windows a resumed run skipped are not counted)
 */
guint64
timecard_export_job_get_n_entity_rows (TimecardExportJob    *self,
                                       TimecardExportEntity  entity)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);
  g_return_val_if_fail (entity < TIMECARD_EXPORT_N_ENTITIES, 0);

  return self->entity_rows[entity];
}

/**
 * timecard_export_job_get_eta:
 * @self: a job
 *
 * Returns: µs until the remaining requests have started
 */
gint64
timecard_export_job_get_eta (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->eta;
}

/**
 * timecard_export_job_get_n_windows_skipped:
 * @self: a job
 *
 * Returns: the time-entry windows a resumed run found completed
 */
guint
timecard_export_job_get_n_windows_skipped (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->n_windows_skipped;
}

/**
 * timecard_export_job_get_n_pages_skipped:
 * @self: a job
 *
 * Returns: the time-entry pages a resumed run kept from the interrupted
 *   one's checkpoints, in windows it did not complete
 */
guint
timecard_export_job_get_n_pages_skipped (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->n_pages_skipped;
}

/**
 * timecard_export_job_get_n_pruned:
 * @self: a job
 *
 * Returns: the time entries an incremental export deleted because
 *   Clockify no longer has them
 */
guint64
timecard_export_job_get_n_pruned (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->n_pruned;
}

/**
 * timecard_export_job_get_resumed:
 * @self: a job
 *
 * Returns: whether the run continued an interrupted one
 */
gboolean
timecard_export_job_get_resumed (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), FALSE);

  return self->resumed;
}

/**
 * timecard_export_job_get_budget_reset_time:
 * @self: a job
 *
 * Returns: (transfer none) (nullable): when the workspace's request budget
 *   frees up, after a run stopped with %CLOCKIFY_ERROR_BUDGET_EXHAUSTED
 */
GDateTime *
timecard_export_job_get_budget_reset_time (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), NULL);

  return self->budget_reset;
}

/**
 * timecard_export_job_get_max_in_flight_seen:
 * @self: a job
 *
 * Returns: the most time-entry requests that were outstanding at once
 */
guint
timecard_export_job_get_max_in_flight_seen (TimecardExportJob *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_JOB (self), 0);

  return self->max_in_flight_seen;
}
