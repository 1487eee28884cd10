/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-export-job.h"

G_BEGIN_DECLS

/**
 * TimecardExportProgressState:
 * @TIMECARD_EXPORT_PROGRESS_STATE_IDLE: no export yet
 * @TIMECARD_EXPORT_PROGRESS_STATE_RUNNING: an export runs
 * @TIMECARD_EXPORT_PROGRESS_STATE_DONE: the export is complete and in place
 * @TIMECARD_EXPORT_PROGRESS_STATE_CANCELLED: cancelled; the previous export
 *   is unchanged and the run can be resumed
 * @TIMECARD_EXPORT_PROGRESS_STATE_BUDGET_EXHAUSTED: the Free plan's request
 *   budget ran out; resumable once it frees up
 * @TIMECARD_EXPORT_PROGRESS_STATE_FAILED: another error
 *
 * What #TimecardExportProgress shows.
 */
typedef enum
{
  TIMECARD_EXPORT_PROGRESS_STATE_IDLE,
  TIMECARD_EXPORT_PROGRESS_STATE_RUNNING,
  TIMECARD_EXPORT_PROGRESS_STATE_DONE,
  TIMECARD_EXPORT_PROGRESS_STATE_CANCELLED,
  TIMECARD_EXPORT_PROGRESS_STATE_BUDGET_EXHAUSTED,
  TIMECARD_EXPORT_PROGRESS_STATE_FAILED,
} TimecardExportProgressState;

#define TIMECARD_TYPE_EXPORT_PROGRESS (timecard_export_progress_get_type ())

G_DECLARE_FINAL_TYPE (TimecardExportProgress, timecard_export_progress, TIMECARD, EXPORT_PROGRESS, GtkBox)

TimecardExportProgressState timecard_export_progress_get_state (TimecardExportProgress *self);
TimecardExportJob          *timecard_export_progress_get_job   (TimecardExportProgress *self);
void                        timecard_export_progress_start     (TimecardExportProgress *self,
                                                                TimecardExportJob      *job,
                                                                const char             *workspace_name);
void                        timecard_export_progress_finish    (TimecardExportProgress *self,
                                                                const GError           *error,
                                                                gint64                  elapsed_usec);

G_END_DECLS
