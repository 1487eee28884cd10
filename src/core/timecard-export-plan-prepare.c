/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-plan"

#include "config.h"

#include "timecard-export-plan-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "clockify-entry-stream.h"
#include "clockify-error.h"
#include "clockify-user.h"
#include "timecard-export-job-private.h"

/* Planning an export: choosing the strategy and the windows, and the
 * option strings of the command line. */

/* Reports need a start: "all time" begins here (Clockify started in 2017). */
#define ALL_TIME_START_USEC G_GINT64_CONSTANT (0)
#define USEC_PER_DAY        (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define RUN_INFO_VERSION    1

/* Planning */

static const char *
workspace_id (TimecardExportPlan *self)
{
  return clockify_workspace_get_id (self->workspace);
}

static gboolean
wants_time_entries (TimecardExportPlan *self)
{
  return timecard_export_plan_has_entity (self, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES);
}

static void
add_window (TimecardExportPlan *self,
            const char         *strategy,
            gint64              start,
            gint64              end,
            const char         *user_id,
            guint               pages)
{
  TimecardExportWindow window = {
    .strategy = g_strdup (strategy),
    .start_usec = start,
    .end_usec = end,
    .user_id = g_strdup (user_id),
    .prune = FALSE,
  };

  g_array_append_val (self->windows, window);
  g_array_append_val (self->window_pages, pages);
}

static guint
div_ceil (gint64 n,
          guint  d)
{
  return (guint) ((n + d - 1) / d);
}

static void
build_report_windows (TimecardExportPlan *self)
{
  gint64 start = self->range_start != TIMECARD_EXPORT_UNBOUNDED_START ? self->range_start
               : self->data_start != G_MININT64 ? self->data_start
               : ALL_TIME_START_USEC;
  gint64 end = _timecard_export_plan_report_end (self);
  guint days = timecard_export_plan_get_report_window_days (self);
  gint64 length = days > 0 ? (gint64) days * USEC_PER_DAY : end - start;

  _timecard_export_plan_clear_windows (self);
  for (gint64 s = start; s < end; s += length)
    {
      gint64 e = MIN (end, s + length);
      guint pages = 1;

      /* A count over the whole range: spread it evenly. */
      if (self->entries_count > 0 && self->first_report_page == NULL && end > start)
        pages = MAX (1, div_ceil ((gint64) ((double) self->entries_count * (e - s) / (end - start)),
                                  TIMECARD_EXPORT_REPORT_PAGE_SIZE));
      add_window (self, "reports", s, e, NULL, pages);
    }
}

/* Windows of a given length over all time start at the first entry, which
 * the probe finds: the report's page 1 in ascending order. */
static gboolean
probes_whole_range (TimecardExportPlan *self)
{
  return self->range_start == TIMECARD_EXPORT_UNBOUNDED_START &&
         timecard_export_plan_get_report_window_days (self) > 0;
}

static gboolean
stop_at_first (const ClockifyEntryRecord  *record,
               gpointer                    user_data,
               GError                    **error)
{
  *(gint64 *) user_data = record->start_usec;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Found");
  return FALSE;
}

/* Midnight, in the export's zone, of the day the first entry starts. */
static gint64
first_entry_day (TimecardExportPlan *self,
                 GBytes             *page)
{
  g_autoptr(ClockifyEntryStream) stream = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  gint64 first = G_MININT64;
  gsize size;
  const char *data = g_bytes_get_data (page, &size);

  stream = clockify_entry_stream_new (CLOCKIFY_ENTRY_STREAM_REPORT, stop_at_first, &first);
  clockify_entry_stream_feed (stream, data, size, NULL);
  if (first == G_MININT64)
    return G_MININT64;

  utc = g_date_time_new_from_unix_utc (first / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, self->time_zone);
  midnight = g_date_time_new (self->time_zone, g_date_time_get_year (local),
                              g_date_time_get_month (local), g_date_time_get_day_of_month (local), 0, 0, 0);

  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

static void
build_per_user_windows (TimecardExportPlan *self)
{
  guint pages = 1;

  _timecard_export_plan_clear_windows (self);
  if (self->users == NULL || self->users->len == 0)
    return;

  if (self->entries_count > 0)
    pages = MAX (1, div_ceil (self->entries_count / self->users->len + 1,
                              TIMECARD_EXPORT_PER_USER_PAGE_SIZE));

  for (guint i = 0; i < self->users->len; i++)
    add_window (self, "per-user", self->range_start, self->range_end,
                clockify_user_get_id (g_ptr_array_index (self->users, i)), pages);
}

static guint
sum_window_pages (TimecardExportPlan *self)
{
  guint total = 0;

  for (guint i = 0; i < self->window_pages->len; i++)
    total += g_array_index (self->window_pages, guint, i);

  return total;
}

/* The report windows, the first one's pages counted by the probe. */
static guint
build_report_plan (TimecardExportPlan *self)
{
  build_report_windows (self);
  if (self->first_report_page != NULL && self->entries_count >= 0)
    g_array_index (self->window_pages, guint, 0) =
      MAX (1, div_ceil (self->entries_count, TIMECARD_EXPORT_REPORT_PAGE_SIZE));

  return sum_window_pages (self);
}

/* The per-user cost when the entry count is known or not. */
static guint
estimate_per_user (TimecardExportPlan *self)
{
  guint n_users = self->users != NULL ? self->users->len : 1;

  if (self->entries_count <= 0)
    return n_users;

  return n_users * MAX (1, div_ceil (self->entries_count / n_users + 1,
                                     TIMECARD_EXPORT_PER_USER_PAGE_SIZE));
}

static void
set_reason (TimecardExportPlan *self,
            char               *reason)
{
  g_free (self->reason);
  self->reason = reason;
}

/* Chooses the strategy and builds the windows, from what planning learned. */
static gboolean
plan_compute (TimecardExportPlan  *self,
              gboolean             reports_usable,
              GError             **error)
{
  gboolean free_plan = clockify_workspace_is_free_plan (self->workspace);

  memset (self->entity_requests, 0, sizeof self->entity_requests);
  _timecard_export_plan_clear_windows (self);

  /* A Free-plan report needs a start: 31-day windows from 1970 are absurd. */
  if (free_plan && self->range_start == TIMECARD_EXPORT_UNBOUNDED_START &&
      !self->report_window_days_set && self->requested == TIMECARD_EXPORT_STRATEGY_AUTO)
    reports_usable = FALSE;

  if (wants_time_entries (self))
    {
      if (self->requested == TIMECARD_EXPORT_STRATEGY_REPORTS && !reports_usable)
        self->strategy = TIMECARD_EXPORT_STRATEGY_PER_USER;
      else if (self->requested != TIMECARD_EXPORT_STRATEGY_AUTO)
        self->strategy = self->requested;
      else if (!reports_usable)
        self->strategy = TIMECARD_EXPORT_STRATEGY_PER_USER;
      else
        {
          guint reports, per_user;

          reports = build_report_plan (self);
          per_user = estimate_per_user (self);
          /* The probe page is kept when reports win, and wasted otherwise. */
          if (self->first_report_page != NULL)
            per_user++;

          self->strategy = reports < per_user ? TIMECARD_EXPORT_STRATEGY_REPORTS
                                              : TIMECARD_EXPORT_STRATEGY_PER_USER;
          if (self->reason == NULL)
            set_reason (self, g_strdup_printf (_("reports need about %u requests, per-user about %u"),
                                               reports, per_user));
        }

      if (self->strategy == TIMECARD_EXPORT_STRATEGY_REPORTS)
        {
          if (free_plan && self->range_start == TIMECARD_EXPORT_UNBOUNDED_START &&
              !self->report_window_days_set)
            {
              g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                   _("On the Free plan the reports strategy needs a start "
                                     "date (--since): reports span at most 31 days there"));
              return FALSE;
            }

          self->entity_requests[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES] =
            build_report_plan (self) - (self->first_report_page != NULL ? 1 : 0);
        }
      else
        {
          g_clear_pointer (&self->first_report_page, g_bytes_unref);
          build_per_user_windows (self);
          self->entity_requests[TIMECARD_EXPORT_ENTITY_TIME_ENTRIES] = sum_window_pages (self);
        }

      /* Hydrated pages carry the names; without them the lookup needs every
       * entity a time entry names, exported in the same run. */
      self->hydrated = self->strategy == TIMECARD_EXPORT_STRATEGY_PER_USER &&
        (self->entities & (TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
                           TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_PROJECTS) |
                           TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TASKS) |
                           TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TAGS))) !=
        (TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_USERS) |
         TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_PROJECTS) |
         TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TASKS) |
         TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TAGS));
    }
  else
    {
      self->strategy = self->requested;
    }

  for (TimecardExportEntity e = TIMECARD_EXPORT_ENTITY_USERS; e < TIMECARD_EXPORT_ENTITY_TIME_ENTRIES; e++)
    {
      if (!timecard_export_plan_has_entity (self, e))
        continue;

      if (e == TIMECARD_EXPORT_ENTITY_USERS && self->users != NULL)
        continue;
      if (e == TIMECARD_EXPORT_ENTITY_PROJECTS && self->projects != NULL)
        continue;

      /* One request per project for tasks, one per list for the rest
       * (Clockify's lists hold up to 5000 a page). */
      self->entity_requests[e] = e == TIMECARD_EXPORT_ENTITY_TASKS
                                 ? (self->projects != NULL ? self->projects->len : 1)
                                 : 1;
    }

  return TRUE;
}

typedef struct
{
  gboolean          reports_usable;
  gboolean          probed;
  guint             n_pages;
  ClockifyListKind  listing;
  GPtrArray        *items;
} PrepareData;

static void
prepare_data_free (gpointer data)
{
  PrepareData *prepare = data;

  g_clear_pointer (&prepare->items, g_ptr_array_unref);
  g_free (prepare);
}

static void prepare_step (GTask *task);

static gboolean
need_users (TimecardExportPlan *self)
{
  if (self->users != NULL)
    return FALSE;

  return timecard_export_plan_has_entity (self, TIMECARD_EXPORT_ENTITY_USERS) ||
         (wants_time_entries (self) && self->requested != TIMECARD_EXPORT_STRATEGY_REPORTS);
}

static gboolean
collect_page (ClockifyQuery *query,
            guint          page,
            GPtrArray     *items,
            gpointer       user_data)
{
  PrepareData *data = user_data;

  data->n_pages++;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (data->items, g_object_ref (g_ptr_array_index (items, i)));

  return TRUE;
}

static void
on_list_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardExportPlan *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) items = g_steal_pointer (&data->items);
  GError *error = NULL;

  self->n_planning_requests += data->n_pages;
  rest = clockify_client_list_all_finish (CLOCKIFY_CLIENT (source), result, &error);
  if (rest == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->listing == CLOCKIFY_LIST_USERS)
    self->users = g_steal_pointer (&items);
  else
    self->projects = g_steal_pointer (&items);

  prepare_step (task);
}

static void
list_for_planning (GTask            *task,
                   ClockifyListKind  kind)
{
  TimecardExportPlan *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr(ClockifyQuery) query = clockify_query_new (kind, workspace_id (self));

  data->n_pages = 0;
  data->listing = kind;
  data->items = g_ptr_array_new_with_free_func (g_object_unref);
  clockify_client_list_all_async (self->client, query, collect_page, data, NULL,
                                  g_task_get_cancellable (task), on_list_done,
                                  g_object_ref (task));
}

static void
on_probe_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardExportPlan *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->n_planning_requests++;
  bytes = clockify_client_send_finish (CLOCKIFY_CLIENT (source), result, NULL, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_FORBIDDEN) ||
          g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BAD_REQUEST))
        {
          /* Members may not see everyone's report; some ranges are refused. */
          data->reports_usable = FALSE;
          set_reason (self, g_strdup_printf (_("the Reports API refused: %s"), error->message));
          prepare_step (task);
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A page cut short is fetched again by the export; planning goes on. */
  if (!_timecard_export_page_is_complete (bytes, NULL))
    {
      prepare_step (task);
      return;
    }

  if (!_timecard_export_report_count (bytes, &self->entries_count))
    self->entries_count = -1;

  if (probes_whole_range (self))
    {
      /* Not a window's page: only what it tells is kept. */
      self->data_start = first_entry_day (self, bytes);
      if (self->data_start == G_MININT64)
        self->data_start = _timecard_export_plan_report_end (self) - USEC_PER_DAY;
    }
  else
    self->first_report_page = g_steal_pointer (&bytes);

  prepare_step (task);
}

static gboolean
need_probe (TimecardExportPlan *self,
            PrepareData        *data)
{
  if (!wants_time_entries (self) || !data->reports_usable || data->probed ||
      self->first_report_page != NULL || self->entries_count >= 0 ||
      self->requested == TIMECARD_EXPORT_STRATEGY_PER_USER)
    return FALSE;

  /* Every Free-plan request counts against 30 an hour: compare without one. */
  if (clockify_workspace_is_free_plan (self->workspace))
    return FALSE;

  /* One user: per-user needs at most as many requests as reports. */
  if (self->requested == TIMECARD_EXPORT_STRATEGY_AUTO && self->users != NULL &&
      self->users->len <= 1)
    return FALSE;

  return TRUE;
}

static void
probe_reports (GTask *task)
{
  TimecardExportPlan *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  const TimecardExportWindow *first;
  TimecardExportWindow whole = { "reports", ALL_TIME_START_USEC, _timecard_export_plan_report_end (self), NULL, FALSE };

  data->probed = TRUE;
  build_report_windows (self);
  first = probes_whole_range (self) ? &whole : &g_array_index (self->windows, TimecardExportWindow, 0);
  _timecard_export_send_page (self->client, workspace_id (self), self->time_zone_name,
                              TIMECARD_EXPORT_STRATEGY_REPORTS, first, FALSE, 1,
                              TIMECARD_EXPORT_REPORT_PAGE_SIZE, TRUE,
                              g_task_get_cancellable (task), on_probe_sent,
                              g_object_ref (task));
}

static void
prepare_step (GTask *task)
{
  TimecardExportPlan *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Reports that failed need the users for per-user after all. */
  if (need_users (self) ||
      (wants_time_entries (self) && !data->reports_usable && self->users == NULL))
    {
      list_for_planning (task, CLOCKIFY_LIST_USERS);
      return;
    }

  if (self->projects == NULL && timecard_export_plan_has_entity (self, TIMECARD_EXPORT_ENTITY_TASKS))
    {
      list_for_planning (task, CLOCKIFY_LIST_PROJECTS);
      return;
    }

  if (need_probe (self, data))
    {
      probe_reports (task);
      return;
    }

  if (!plan_compute (self, data->reports_usable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->prepared = TRUE;
  _timecard_export_plan_notify_prepared (self);
  g_task_return_boolean (task, TRUE);
}

static void
on_current_user (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TimecardExportPlan *self = g_task_get_source_object (task);
  g_autoptr(ClockifyUser) user = NULL;
  const char *zone;
  GError *error = NULL;

  self->n_planning_requests++;
  user = clockify_client_get_current_user_finish (CLOCKIFY_CLIENT (source), result, &error);
  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  zone = clockify_user_get_time_zone (user);
  if (zone == NULL || !_timecard_export_plan_set_zone (self, zone, NULL))
    {
      /* A profile without a usable zone: Clockify's own default. */
      g_debug ("The user's profile time zone “%s” is unusable; using UTC", zone);
      _timecard_export_plan_set_zone (self, "UTC", NULL);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * timecard_export_plan_resolve_time_zone_async:
 * @self: a plan
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the zone is known
 * @user_data: data for @callback
 *
 * Checks the time zone that was set, or, without one, asks Clockify for
 * the key user's profile zone (`GET /user`, UTC when the profile has none).
 * Dates given for the range are read in this zone.
 */
void
timecard_export_plan_resolve_time_zone_async (TimecardExportPlan  *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_export_plan_resolve_time_zone_async);

  if (self->time_zone != NULL)
    g_task_return_boolean (task, TRUE);
  else if (self->time_zone_name != NULL)
    {
      if (_timecard_export_plan_set_zone (self, self->time_zone_name, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  else
    clockify_client_get_current_user_async (self->client, cancellable, on_current_user,
                                            g_steal_pointer (&task));
}

/**
 * timecard_export_plan_resolve_time_zone_finish:
 * @self: a plan
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: whether timecard_export_plan_get_time_zone() is set
 */
gboolean
timecard_export_plan_resolve_time_zone_finish (TimecardExportPlan  *self,
                                               GAsyncResult        *result,
                                               GError             **error)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_zone_resolved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!timecard_export_plan_resolve_time_zone_finish (TIMECARD_EXPORT_PLAN (source), result, &error))
    g_task_return_error (task, error);
  else
    prepare_step (task);
}

/**
 * timecard_export_plan_prepare_async:
 * @self: a plan
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the plan is ready
 * @user_data: data for @callback
 *
 * Makes only the requests that planning needs, and keeps what they return
 * for the export: the key user (for the default time zone), the users (for
 * per-user fetching), the projects (tasks are listed per project), and on a
 * paid plan page 1 of the report (its totals count the entries). Then
 * chooses the strategy and the windows.
 */
void
timecard_export_plan_prepare_async (TimecardExportPlan  *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PrepareData *data;

  g_return_if_fail (TIMECARD_IS_EXPORT_PLAN (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, timecard_export_plan_prepare_async);

  if (self->prepared)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->now == 0)
    self->now = g_get_real_time ();

  data = g_new0 (PrepareData, 1);
  data->reports_usable = TRUE;
  g_task_set_task_data (task, data, prepare_data_free);

  timecard_export_plan_resolve_time_zone_async (self, cancellable, on_zone_resolved,
                                                 g_steal_pointer (&task));
}

/**
 * timecard_export_plan_prepare_finish:
 * @self: a plan
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: whether the plan is ready
 */
gboolean
timecard_export_plan_prepare_finish (TimecardExportPlan  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        timecard_export_plan_prepare_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * timecard_export_plan_is_prepared:
 * @self: a plan
 *
 * Returns: whether timecard_export_plan_prepare_async() completed
 */
gboolean
timecard_export_plan_is_prepared (TimecardExportPlan *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);

  return self->prepared;
}

/* Resuming */

/**
 * timecard_export_plan_to_run_info:
 * @self: a prepared plan
 *
 * Returns: (transfer full): JSON text that lets a resumed export plan the
 *   same windows (see timecard_export_plan_apply_run_info())
 */
char *
timecard_export_plan_to_run_info (TimecardExportPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUN_INFO_VERSION);
  json_builder_set_member_name (builder, "workspace");
  json_builder_add_string_value (builder, workspace_id (self));
  json_builder_set_member_name (builder, "strategy");
  json_builder_add_string_value (builder, timecard_export_strategy_to_string (self->strategy));
  json_builder_set_member_name (builder, "entities");
  json_builder_add_int_value (builder, self->entities);
  json_builder_set_member_name (builder, "time_zone");
  json_builder_add_string_value (builder, self->time_zone_name);
  json_builder_set_member_name (builder, "range_start");
  json_builder_add_int_value (builder, self->range_start);
  json_builder_set_member_name (builder, "range_end");
  json_builder_add_int_value (builder, self->range_end);
  json_builder_set_member_name (builder, "report_window_days");
  json_builder_add_int_value (builder, timecard_export_plan_get_report_window_days (self));
  json_builder_set_member_name (builder, "now");
  json_builder_add_int_value (builder, self->now);
  json_builder_set_member_name (builder, "data_start");
  json_builder_add_int_value (builder, self->data_start);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * timecard_export_plan_apply_run_info:
 * @self: a prepared plan
 * @run_info: what timecard_export_plan_to_run_info() gave the interrupted run
 * @error: return location for %TIMECARD_EXPORT_ERROR_RESUME_MISMATCH
 *
 * Makes the plan continue an interrupted export: the same strategy,
 * entities, range and windows (an unbounded range keeps its first run's
 * "now"), so that its completed windows are recognised. Needs no request
 * unless the strategy changes to per-user without a user list, which is
 * refused.
 *
 * Returns: whether the plan now matches the interrupted run
 */
gboolean
timecard_export_plan_apply_run_info (TimecardExportPlan  *self,
                                     const char          *run_info,
                                     GError             **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  TimecardExportStrategy strategy;
  gint64 range_start, range_end, now, data_start;
  guint entities, days;
  gboolean same_first_window;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_PLAN (self), FALSE);
  g_return_val_if_fail (self->prepared, FALSE);

  root = json_from_string (run_info, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_int_member_with_default (object = json_node_get_object (root),
                                               "version", 0) != RUN_INFO_VERSION ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "workspace", NULL),
                 workspace_id (self)) != 0 ||
      !timecard_export_strategy_from_string (json_object_get_string_member_with_default (object, "strategy", NULL),
                                             &strategy))
    {
      g_set_error_literal (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH,
                           _("The interrupted export was of another workspace or by another "
                             "version of Timecard; export again without --resume"));
      return FALSE;
    }

  entities = json_object_get_int_member_with_default (object, "entities", self->entities);
  range_start = json_object_get_int_member_with_default (object, "range_start", self->range_start);
  range_end = json_object_get_int_member_with_default (object, "range_end", self->range_end);
  days = json_object_get_int_member_with_default (object, "report_window_days", 0);
  now = json_object_get_int_member_with_default (object, "now", self->now);
  data_start = json_object_get_int_member_with_default (object, "data_start", G_MININT64);

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "time_zone", NULL),
                 self->time_zone_name) != 0)
    {
      g_set_error (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH,
                   _("The interrupted export used the time zone “%s”; resume it with "
                     "--timezone %s or export again without --resume"),
                   json_object_get_string_member_with_default (object, "time_zone", ""),
                   json_object_get_string_member_with_default (object, "time_zone", ""));
      return FALSE;
    }

  if (strategy == TIMECARD_EXPORT_STRATEGY_PER_USER && (entities & TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)) &&
      self->users == NULL)
    {
      g_set_error_literal (error, TIMECARD_EXPORT_ERROR, TIMECARD_EXPORT_ERROR_RESUME_MISMATCH,
                           _("The interrupted export fetched time entries per user; resume it "
                             "with --strategy per-user"));
      return FALSE;
    }

  same_first_window = self->range_start == range_start && self->now == now &&
                      self->data_start == data_start &&
                      self->range_end == range_end &&
                      timecard_export_plan_get_report_window_days (self) == days;

  self->entities = entities;
  self->range_start = range_start;
  self->range_end = range_end;
  self->now = now;
  self->data_start = data_start;
  self->report_window_days = days;
  self->report_window_days_set = TRUE;
  self->requested = strategy;
  if (!same_first_window || strategy != TIMECARD_EXPORT_STRATEGY_REPORTS)
    {
      g_clear_pointer (&self->first_report_page, g_bytes_unref);
      self->entries_count = -1;
    }

  return plan_compute (self, TRUE, error);
}
