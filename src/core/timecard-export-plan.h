/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "clockify-client.h"
#include "clockify-workspace.h"
#include "timecard-export-writer.h"

G_BEGIN_DECLS

/**
 * TimecardExportStrategy:
 * @TIMECARD_EXPORT_STRATEGY_AUTO: let the planner choose the one that needs
 *   fewer requests
 * @TIMECARD_EXPORT_STRATEGY_REPORTS: the Reports API's detailed report: all
 *   users at once, 1000 entries a page, in date windows (31 days at most on
 *   the Free plan). Completed entries only: Clockify's reports leave out a
 *   running timer, and they give a break's rates as 0.
 * @TIMECARD_EXPORT_STRATEGY_PER_USER: `GET .../user/{id}/time-entries`, one
 *   user at a time, 5000 entries a page; running entries included
 *
 * How time entries are fetched.
 */
typedef enum
{
  TIMECARD_EXPORT_STRATEGY_AUTO,
  TIMECARD_EXPORT_STRATEGY_REPORTS,
  TIMECARD_EXPORT_STRATEGY_PER_USER,
} TimecardExportStrategy;

#define TIMECARD_EXPORT_REPORT_PAGE_SIZE      1000
#define TIMECARD_EXPORT_PER_USER_PAGE_SIZE    5000
/* The Free plan's longest report (Clockify's OpenAPI spec, May 2026). */
#define TIMECARD_EXPORT_FREE_REPORT_DAYS      31
#define TIMECARD_EXPORT_DEFAULT_TRAILING_DAYS 30

/* A range bound that is not set: all time on that side. */
#define TIMECARD_EXPORT_UNBOUNDED_START G_MININT64
#define TIMECARD_EXPORT_UNBOUNDED_END   G_MAXINT64

/* A set of #TimecardExportEntity, one bit each. */
#define TIMECARD_EXPORT_ENTITY_BIT(entity) (1u << (entity))
#define TIMECARD_EXPORT_ALL_ENTITIES       ((1u << TIMECARD_EXPORT_N_ENTITIES) - 1)

#define TIMECARD_TYPE_EXPORT_STRATEGY (timecard_export_strategy_get_type ())
#define TIMECARD_TYPE_EXPORT_PLAN     (timecard_export_plan_get_type ())

G_DECLARE_FINAL_TYPE (TimecardExportPlan, timecard_export_plan, TIMECARD, EXPORT_PLAN, GObject)

GType                   timecard_export_strategy_get_type           (void) G_GNUC_CONST;
const char             *timecard_export_strategy_to_string          (TimecardExportStrategy   strategy);
gboolean                timecard_export_strategy_from_string        (const char              *text,
                                                                     TimecardExportStrategy  *out_strategy);

gboolean                timecard_export_parse_entities              (const char              *list,
                                                                     guint                   *out_entities,
                                                                     GError                 **error);
gboolean                timecard_export_parse_range_bound           (const char              *text,
                                                                     GTimeZone               *time_zone,
                                                                     gboolean                 is_end,
                                                                     gint64                  *out_usec,
                                                                     GError                 **error);

TimecardExportPlan     *timecard_export_plan_new                    (ClockifyClient          *client,
                                                                     ClockifyWorkspace       *workspace);
ClockifyClient         *timecard_export_plan_get_client             (TimecardExportPlan      *self);
ClockifyWorkspace      *timecard_export_plan_get_workspace          (TimecardExportPlan      *self);

void                    timecard_export_plan_set_entities           (TimecardExportPlan      *self,
                                                                     guint                    entities);
guint                   timecard_export_plan_get_entities           (TimecardExportPlan      *self);
gboolean                timecard_export_plan_has_entity             (TimecardExportPlan      *self,
                                                                     TimecardExportEntity     entity);
void                    timecard_export_plan_set_range              (TimecardExportPlan      *self,
                                                                     gint64                   start_usec,
                                                                     gint64                   end_usec);
gboolean                timecard_export_plan_continue_sync          (TimecardExportPlan      *self,
                                                                     gint64                   synced_end_usec,
                                                                     guint                    trailing_days);
gboolean                timecard_export_plan_continue_sync_of       (TimecardExportPlan      *self,
                                                                     const char              *path,
                                                                     guint                    trailing_days,
                                                                     gint64                  *out_synced_at_usec,
                                                                     GError                 **error);
gint64                  timecard_export_plan_get_range_start        (TimecardExportPlan      *self);
gint64                  timecard_export_plan_get_range_end          (TimecardExportPlan      *self);
void                    timecard_export_plan_set_time_zone          (TimecardExportPlan      *self,
                                                                     const char              *identifier);
const char             *timecard_export_plan_get_time_zone_name     (TimecardExportPlan      *self);
GTimeZone              *timecard_export_plan_get_time_zone          (TimecardExportPlan      *self);
void                    timecard_export_plan_set_requested_strategy (TimecardExportPlan      *self,
                                                                     TimecardExportStrategy   strategy);
TimecardExportStrategy  timecard_export_plan_get_requested_strategy (TimecardExportPlan      *self);
void                    timecard_export_plan_set_report_window_days (TimecardExportPlan      *self,
                                                                     guint                    days);
guint                   timecard_export_plan_get_report_window_days (TimecardExportPlan      *self);
void                    timecard_export_plan_set_now                (TimecardExportPlan      *self,
                                                                     gint64                   now_usec);
gint64                  timecard_export_plan_get_now                (TimecardExportPlan      *self);

void                    timecard_export_plan_resolve_time_zone_async  (TimecardExportPlan    *self,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
gboolean                timecard_export_plan_resolve_time_zone_finish (TimecardExportPlan    *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
void                    timecard_export_plan_prepare_async          (TimecardExportPlan      *self,
                                                                     GCancellable            *cancellable,
                                                                     GAsyncReadyCallback      callback,
                                                                     gpointer                 user_data);
gboolean                timecard_export_plan_prepare_finish         (TimecardExportPlan      *self,
                                                                     GAsyncResult            *result,
                                                                     GError                 **error);
gboolean                timecard_export_plan_is_prepared            (TimecardExportPlan      *self);

TimecardExportStrategy  timecard_export_plan_get_strategy           (TimecardExportPlan      *self);
const char             *timecard_export_plan_get_reason             (TimecardExportPlan      *self);
gboolean                timecard_export_plan_get_hydrated           (TimecardExportPlan      *self);
guint                   timecard_export_plan_get_n_windows          (TimecardExportPlan      *self);
const TimecardExportWindow *
                        timecard_export_plan_get_window             (TimecardExportPlan      *self,
                                                                     guint                    index);
guint                   timecard_export_plan_get_window_pages       (TimecardExportPlan      *self,
                                                                     guint                    index);
guint                   timecard_export_plan_get_n_planning_requests (TimecardExportPlan     *self);
guint                   timecard_export_plan_get_n_entity_requests  (TimecardExportPlan      *self,
                                                                     TimecardExportEntity     entity);
guint                   timecard_export_plan_get_n_requests         (TimecardExportPlan      *self);
gint64                  timecard_export_plan_estimate_duration      (TimecardExportPlan      *self,
                                                                     guint                    n_requests);
GPtrArray              *timecard_export_plan_get_users              (TimecardExportPlan      *self);
GPtrArray              *timecard_export_plan_get_projects           (TimecardExportPlan      *self);
GBytes                 *timecard_export_plan_get_first_report_page  (TimecardExportPlan      *self);
gint64                  timecard_export_plan_get_entries_count      (TimecardExportPlan      *self);

char                   *timecard_export_plan_to_run_info            (TimecardExportPlan      *self);
gboolean                timecard_export_plan_apply_run_info         (TimecardExportPlan      *self,
                                                                     const char              *run_info,
                                                                     GError                 **error);

G_END_DECLS
