/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-job"

#include "config.h"

#include "timecard-export-job-private.h"

#include <glib/gi18n.h>

#include "clockify-error.h"
#include "clockify-project.h"
#include "timecard-export-sqlite.h"

/*
 * The steps of an export run after opening: the writer's steps in a worker
 * thread, the small entities (fetch, then write), and the ending (finish
 * and publish, or close and keep what --resume can use).
 */

/* Writer steps in a worker thread, one at a time */

typedef struct
{
  TimecardJobWriterFunc  func;
  TimecardJobDoneFunc    done;
  gpointer               data;
  GDestroyNotify         destroy;
} WriterOp;

static void
writer_op_free (gpointer data)
{
  WriterOp *op = data;

  if (op->destroy != NULL)
    op->destroy (op->data);
  g_free (op);
}

static void
writer_op_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriterOp *op = task_data;
  GError *error = NULL;

  if (op->func (source_object, op->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_writer_op_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TimecardExportJob *self = TIMECARD_EXPORT_JOB (source);
  WriterOp *op = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  self->writer_busy = FALSE;
  op->done (self, op->data, error);
}

/*
 * Runs @func (self, @data) in a worker thread; then, on the main context,
 * @done (self, @data, error), which owns the error. Not cancellable: a
 * writer step always completes, so the writer is never left mid-step.
 */
void
_timecard_export_job_writer_op (TimecardExportJob     *self,
                                TimecardJobWriterFunc  func,
                                TimecardJobDoneFunc    done,
                                gpointer               data,
                                GDestroyNotify         destroy)
{
  g_autoptr(GTask) task = NULL;
  WriterOp *op;

  g_assert (!self->writer_busy);

  op = g_new0 (WriterOp, 1);
  op->func = func;
  op->done = done;
  op->data = data;
  op->destroy = destroy;

  self->writer_busy = TRUE;
  task = g_task_new (self, NULL, on_writer_op_done, NULL);
  g_task_set_source_tag (task, _timecard_export_job_writer_op);
  g_task_set_task_data (task, op, writer_op_free);
  g_task_run_in_thread (task, writer_op_thread);
}

/* Ending */

gboolean
_timecard_export_job_is_cancelled (TimecardExportJob *self)
{
  return self->task != NULL && g_task_get_cancellable (self->task) != NULL &&
         g_cancellable_is_cancelled (g_task_get_cancellable (self->task));
}

/* Records why the run must stop (the first reason wins; takes @error). */
void
_timecard_export_job_stop (TimecardExportJob *self,
                           GError            *error)
{
  if (self->stop_error != NULL)
    {
      g_error_free (error);
      return;
    }

  if (g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED))
    {
      ClockifyThrottle *throttle = clockify_client_get_throttle (timecard_export_plan_get_client (self->plan));
      const char *ws = clockify_workspace_get_id (timecard_export_plan_get_workspace (self->plan));

      g_clear_pointer (&self->budget_reset, g_date_time_unref);
      self->budget_reset = clockify_throttle_get_budget_reset_time (throttle, ws);
    }

  self->stop_error = error;
}

static void
complete (TimecardExportJob *self,
          GError            *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  self->entity = TIMECARD_EXPORT_JOB_NO_ENTITY;
  _timecard_export_job_progress (self);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
close_in_thread (TimecardExportJob  *self,
                 gpointer            data,
                 GError            **error)
{
  return timecard_export_writer_close (self->writer, error);
}

static void
closed (TimecardExportJob *self,
        gpointer           data,
        GError            *error)
{
  if (error != NULL)
    {
      g_warning ("Could not keep the interrupted export for --resume: %s", error->message);
      g_error_free (error);
    }

  complete (self, g_steal_pointer (&self->stop_error));
}

/* Ends the run with its stop error, keeping what a resumed run can use. */
void
_timecard_export_job_fail (TimecardExportJob *self,
                           GError            *error)
{
  if (error != NULL)
    _timecard_export_job_stop (self, error);

  g_assert (self->stop_error != NULL);

  if (self->writer_opened)
    _timecard_export_job_writer_op (self, close_in_thread, closed, NULL, NULL);
  else
    complete (self, g_steal_pointer (&self->stop_error));
}

static gboolean
finish_in_thread (TimecardExportJob  *self,
                  gpointer            data,
                  GError            **error)
{
  TimecardExportPlan *plan = self->plan;

  /* Where a later --incremental run starts. */
  if (TIMECARD_IS_EXPORT_SQLITE_WRITER (self->writer) &&
      timecard_export_plan_has_entity (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES))
    {
      gint64 end = timecard_export_plan_get_range_end (plan);

      if (end == TIMECARD_EXPORT_UNBOUNDED_END)
        end = timecard_export_plan_get_now (plan);

      if (!timecard_export_sqlite_writer_set_sync_state (TIMECARD_EXPORT_SQLITE_WRITER (self->writer),
                                                         clockify_workspace_get_id (timecard_export_plan_get_workspace (plan)),
                                                         TIMECARD_EXPORT_ENTITY_TIME_ENTRIES,
                                                         timecard_export_plan_get_range_start (plan),
                                                         end, g_get_real_time (), error))
        return FALSE;
    }

  if (!timecard_export_writer_finish (self->writer, error))
    return FALSE;

  if (TIMECARD_IS_EXPORT_SQLITE_WRITER (self->writer))
    self->n_pruned = timecard_export_sqlite_writer_get_n_pruned (TIMECARD_EXPORT_SQLITE_WRITER (self->writer));

  return TRUE;
}

static void
finished (TimecardExportJob *self,
          gpointer           data,
          GError            *error)
{
  /* A failed finish has aborted the writer already. */
  self->writer_opened = error == NULL;
  complete (self, error);
}

static gboolean
end_entity_in_thread (TimecardExportJob  *self,
                      gpointer            data,
                      GError            **error)
{
  return timecard_export_writer_end_entity (self->writer, error);
}

static void
time_entries_ended (TimecardExportJob *self,
                    gpointer           data,
                    GError            *error)
{
  if (error != NULL)
    {
      _timecard_export_job_fail (self, error);
      return;
    }

  _timecard_export_job_set_entity (self, TIMECARD_EXPORT_JOB_NO_ENTITY);
  _timecard_export_job_writer_op (self, finish_in_thread, finished, NULL, NULL);
}

void
_timecard_export_job_time_entries_done (TimecardExportJob *self)
{
  /* What the windows planned, for the summary, without their pages. */
  self->pages_planned = _timecard_export_job_pages_planned (self);
  self->planning_page_used = _timecard_export_job_uses_planning_page (self);
  self->pages_known = TRUE;
  _timecard_export_job_free_windows (self);

  if (self->stop_error != NULL)
    _timecard_export_job_fail (self, NULL);
  else
    _timecard_export_job_writer_op (self, end_entity_in_thread, time_entries_ended, NULL, NULL);
}

/* Small entities */

static gboolean
write_items_in_thread (TimecardExportJob  *self,
                       gpointer            data,
                       GError            **error)
{
  GPtrArray *items = data;

  if (!timecard_export_writer_begin_entity (self->writer, self->entity, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      /* Written before any time entry: the lookup is read-only afterwards. */
      timecard_export_lookup_add_item (self->lookup, item);
      if (!timecard_export_writer_write_item (self->writer, item, error))
        return FALSE;
    }

  return timecard_export_writer_end_entity (self->writer, error);
}

static void
items_written (TimecardExportJob *self,
               gpointer           data,
               GError            *error)
{
  if (error != NULL)
    {
      _timecard_export_job_fail (self, error);
      return;
    }

  self->entity_rows[self->entity] = timecard_export_writer_get_n_rows (self->writer, self->entity);
  _timecard_export_job_run_next_entity (self);
}

static void
write_items (TimecardExportJob *self,
             GPtrArray         *items)
{
  _timecard_export_job_writer_op (self, write_items_in_thread, items_written,
                                  items, (GDestroyNotify) g_ptr_array_unref);
}

typedef struct
{
  TimecardExportJob *job;
  GPtrArray         *items;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  g_ptr_array_unref (list->items);
  g_free (list);
}

static gboolean
collect_page (ClockifyQuery *query,
              guint          page,
              GPtrArray     *items,
              gpointer       user_data)
{
  ListData *list = user_data;

  list->job->n_requests++;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (list->items, g_object_ref (g_ptr_array_index (items, i)));

  _timecard_export_job_progress (list->job);
  return TRUE;
}

/* Lists @query, collecting into @items; @callback gets the job. */
static void
list_into (TimecardExportJob   *self,
           ClockifyQuery       *query,
           GPtrArray           *items,
           GAsyncReadyCallback  callback)
{
  ListData *list = g_new0 (ListData, 1);

  list->job = self;
  list->items = g_ptr_array_ref (items);
  clockify_client_list_all_async (timecard_export_plan_get_client (self->plan), query,
                                  collect_page, list, list_data_free,
                                  g_task_get_cancellable (self->task),
                                  callback, g_object_ref (self));
}

static void
on_entity_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TimecardExportJob) self = user_data;
  g_autoptr(GPtrArray) rest = NULL;
  GError *error = NULL;

  rest = clockify_client_list_all_finish (CLOCKIFY_CLIENT (source), result, &error);
  if (rest == NULL)
    {
      /* Custom fields are a paid feature: a Free workspace has none to export. */
      if (self->entity == TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS &&
          g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN))
        {
          g_debug ("No custom fields: %s", error->message);
          g_clear_error (&error);
          self->n_requests++;
          g_ptr_array_set_size (self->items, 0);
        }
      else
        {
          _timecard_export_job_fail (self, error);
          return;
        }
    }

  write_items (self, g_steal_pointer (&self->items));
}

static void fetch_next_tasks (TimecardExportJob *self);

static void
on_tasks_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TimecardExportJob) self = user_data;
  g_autoptr(GPtrArray) rest = NULL;
  GError *error = NULL;

  self->lists_in_flight--;
  rest = clockify_client_list_all_finish (CLOCKIFY_CLIENT (source), result, &error);
  if (rest == NULL)
    _timecard_export_job_stop (self, error);

  fetch_next_tasks (self);
}

/* Tasks are listed per project, several projects at once; they are written
 * in project order. */
static void
fetch_next_tasks (TimecardExportJob *self)
{
  GPtrArray *projects = timecard_export_plan_get_projects (self->plan);
  const char *ws = clockify_workspace_get_id (timecard_export_plan_get_workspace (self->plan));

  while (self->stop_error == NULL && self->next_project < projects->len &&
         self->lists_in_flight < self->max_in_flight)
    {
      ClockifyProject *project = g_ptr_array_index (projects, self->next_project);
      g_autoptr(ClockifyQuery) query = clockify_query_new (CLOCKIFY_LIST_TASKS, ws);
      GPtrArray *tasks = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (self->task_lists, tasks);
      clockify_query_set_parent_id (query, clockify_project_get_id (project));
      self->next_project++;
      self->lists_in_flight++;
      list_into (self, query, tasks, on_tasks_listed);
    }

  if (self->lists_in_flight > 0)
    return;

  if (self->stop_error != NULL)
    {
      _timecard_export_job_fail (self, NULL);
      return;
    }

  {
    GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->task_lists->len; i++)
      {
        GPtrArray *tasks = g_ptr_array_index (self->task_lists, i);

        for (guint j = 0; j < tasks->len; j++)
          g_ptr_array_add (all, g_object_ref (g_ptr_array_index (tasks, j)));
      }
    g_clear_pointer (&self->task_lists, g_ptr_array_unref);
    write_items (self, all);
  }
}

static ClockifyListKind
list_kind_for (TimecardExportEntity entity)
{
  switch (entity)
    {
    case TIMECARD_EXPORT_ENTITY_USERS:
      return CLOCKIFY_LIST_USERS;
    case TIMECARD_EXPORT_ENTITY_USER_GROUPS:
      return CLOCKIFY_LIST_USER_GROUPS;
    case TIMECARD_EXPORT_ENTITY_CLIENTS:
      return CLOCKIFY_LIST_CLIENTS;
    case TIMECARD_EXPORT_ENTITY_PROJECTS:
      return CLOCKIFY_LIST_PROJECTS;
    case TIMECARD_EXPORT_ENTITY_TAGS:
      return CLOCKIFY_LIST_TAGS;
    case TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS:
      return CLOCKIFY_LIST_CUSTOM_FIELDS;
    case TIMECARD_EXPORT_ENTITY_WORKSPACE:
    case TIMECARD_EXPORT_ENTITY_TASKS:
    case TIMECARD_EXPORT_ENTITY_TIME_ENTRIES:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
ref_item (gconstpointer item,
          gpointer      data)
{
  return g_object_ref ((gpointer) item);
}

static GPtrArray *
copy_items (GPtrArray *items)
{
  return g_ptr_array_copy (items, ref_item, NULL);
}

static gboolean
begin_time_entries_in_thread (TimecardExportJob  *self,
                              gpointer            data,
                              GError            **error)
{
  return timecard_export_writer_begin_entity (self->writer, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES, error);
}

static void
time_entries_begun (TimecardExportJob *self,
                    gpointer           data,
                    GError            *error)
{
  if (error != NULL)
    _timecard_export_job_fail (self, error);
  else
    _timecard_export_job_start_time_entries (self);
}

void
_timecard_export_job_run_next_entity (TimecardExportJob *self)
{
  TimecardExportPlan *plan = self->plan;
  const char *ws = clockify_workspace_get_id (timecard_export_plan_get_workspace (plan));
  int entity = self->entity;

  if (_timecard_export_job_is_cancelled (self))
    {
      _timecard_export_job_fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled")));
      return;
    }

  do
    entity++;
  while (entity < TIMECARD_EXPORT_N_ENTITIES && !timecard_export_plan_has_entity (plan, entity));

  if (entity >= TIMECARD_EXPORT_N_ENTITIES)
    {
      _timecard_export_job_set_entity (self, TIMECARD_EXPORT_JOB_NO_ENTITY);
      _timecard_export_job_writer_op (self, finish_in_thread, finished, NULL, NULL);
      return;
    }

  _timecard_export_job_set_entity (self, entity);

  switch ((TimecardExportEntity) entity)
    {
    case TIMECARD_EXPORT_ENTITY_WORKSPACE:
      {
        GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

        g_ptr_array_add (items, g_object_ref (timecard_export_plan_get_workspace (plan)));
        write_items (self, items);
      }
      return;

    case TIMECARD_EXPORT_ENTITY_TASKS:
      self->task_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      self->next_project = 0;
      fetch_next_tasks (self);
      return;

    case TIMECARD_EXPORT_ENTITY_TIME_ENTRIES:
      _timecard_export_job_writer_op (self, begin_time_entries_in_thread, time_entries_begun, NULL, NULL);
      return;

    case TIMECARD_EXPORT_ENTITY_USERS:
    case TIMECARD_EXPORT_ENTITY_PROJECTS:
    case TIMECARD_EXPORT_ENTITY_USER_GROUPS:
    case TIMECARD_EXPORT_ENTITY_CLIENTS:
    case TIMECARD_EXPORT_ENTITY_TAGS:
    case TIMECARD_EXPORT_ENTITY_CUSTOM_FIELDS:
    default:
      {
        GPtrArray *known = entity == TIMECARD_EXPORT_ENTITY_USERS ? timecard_export_plan_get_users (plan)
                         : entity == TIMECARD_EXPORT_ENTITY_PROJECTS ? timecard_export_plan_get_projects (plan)
                         : NULL;
        g_autoptr(ClockifyQuery) query = NULL;

        /* Planning listed them already. */
        if (known != NULL)
          {
            write_items (self, copy_items (known));
            return;
          }

        query = clockify_query_new (list_kind_for (entity), ws);
        self->items = g_ptr_array_new_with_free_func (g_object_unref);
        list_into (self, query, self->items, on_entity_listed);
      }
      return;
    }
}
