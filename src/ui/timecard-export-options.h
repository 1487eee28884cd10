/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-export-plan.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_EXPORT_OPTIONS (timecard_export_options_get_type ())

G_DECLARE_FINAL_TYPE (TimecardExportOptions, timecard_export_options, TIMECARD, EXPORT_OPTIONS, GtkBox)

GtkWidget            *timecard_export_options_new             (ClockifyClient        *client,
                                                               ClockifyWorkspace     *workspace,
                                                               const char            *profile_time_zone);
TimecardExportFormat  timecard_export_options_get_format      (TimecardExportOptions *self);
void                  timecard_export_options_set_format      (TimecardExportOptions *self,
                                                               TimecardExportFormat   format);
const char           *timecard_export_options_get_path        (TimecardExportOptions *self);
void                  timecard_export_options_set_path        (TimecardExportOptions *self,
                                                               const char            *path);
gboolean              timecard_export_options_get_incremental (TimecardExportOptions *self);
guint                 timecard_export_options_get_entities    (TimecardExportOptions *self);
void                  timecard_export_options_set_entities    (TimecardExportOptions *self,
                                                               guint                  entities);
gboolean              timecard_export_options_get_valid       (TimecardExportOptions *self);
gboolean              timecard_export_options_get_preparing   (TimecardExportOptions *self);
TimecardExportPlan   *timecard_export_options_get_plan        (TimecardExportOptions *self);
TimecardExportPlan   *timecard_export_options_create_plan     (TimecardExportOptions *self,
                                                               gboolean               reuse_preview);

G_END_DECLS
