/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-plan.h"

G_BEGIN_DECLS

struct _TimecardExportPlan
{
  GObject                 parent_instance;

  ClockifyClient         *client;
  ClockifyWorkspace      *workspace;

  guint                   entities;
  gint64                  range_start;
  gint64                  range_end;
  char                   *time_zone_name;
  GTimeZone              *time_zone;
  TimecardExportStrategy  requested;
  guint                   report_window_days;
  gboolean                report_window_days_set;
  gint64                  now;

  gboolean                prepared;
  TimecardExportStrategy  strategy;
  char                   *reason;
  gboolean                hydrated;
  GArray                 *windows;        /* TimecardExportWindow, strings owned */
  GArray                 *window_pages;   /* guint */
  guint                   n_planning_requests;
  guint                   entity_requests[TIMECARD_EXPORT_N_ENTITIES];
  GPtrArray              *users;
  GPtrArray              *projects;
  GBytes                 *first_report_page;
  gint64                  entries_count;
  gint64                  data_start;     /* where entries begin, or G_MININT64 */
};

/* timecard-export-plan.c */
void     _timecard_export_plan_clear_windows    (TimecardExportPlan  *self);
gboolean _timecard_export_plan_set_zone         (TimecardExportPlan  *self,
                                                 const char          *identifier,
                                                 GError             **error);
void     _timecard_export_plan_notify_prepared  (TimecardExportPlan  *self);

G_END_DECLS
