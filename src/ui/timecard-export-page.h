/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-export-options.h"
#include "timecard-export-progress.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_EXPORT_PAGE (timecard_export_page_get_type ())

G_DECLARE_FINAL_TYPE (TimecardExportPage, timecard_export_page, TIMECARD, EXPORT_PAGE, GtkBox)

GtkWidget              *timecard_export_page_new           (ClockifyClient     *client,
                                                            ClockifyWorkspace  *workspace,
                                                            const char         *credential_name,
                                                            const char         *profile_time_zone);
ClockifyWorkspace      *timecard_export_page_get_workspace (TimecardExportPage *self);
TimecardExportOptions  *timecard_export_page_get_options   (TimecardExportPage *self);
TimecardExportProgress *timecard_export_page_get_progress  (TimecardExportPage *self);
gboolean                timecard_export_page_get_running  (TimecardExportPage *self);

G_END_DECLS
