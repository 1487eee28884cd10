/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "timecard-export-plan.h"
#include "timecard-export-writer.h"

G_BEGIN_DECLS

/**
 * TimecardExportJobFlags:
 * @TIMECARD_EXPORT_JOB_FLAGS_NONE: a fresh export
 * @TIMECARD_EXPORT_JOB_FLAGS_RESUME: continue an interrupted export to the
 *   same path, skipping the windows it completed (a fresh export when there
 *   is none)
 * @TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL: SQLite only: update the database
 *   at the path from its last sync, minus the trailing window
 *   (timecard_export_job_set_trailing_days())
 */
typedef enum /*< flags >*/
{
  TIMECARD_EXPORT_JOB_FLAGS_NONE        = 0,
  TIMECARD_EXPORT_JOB_FLAGS_RESUME      = 1 << 0,
  TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL = 1 << 1,
} TimecardExportJobFlags;

/* No entity is being exported yet (or any more). */
#define TIMECARD_EXPORT_JOB_NO_ENTITY (-1)

#define TIMECARD_TYPE_EXPORT_JOB_FLAGS (timecard_export_job_flags_get_type ())
#define TIMECARD_TYPE_EXPORT_JOB       (timecard_export_job_get_type ())

G_DECLARE_FINAL_TYPE (TimecardExportJob, timecard_export_job, TIMECARD, EXPORT_JOB, GObject)

GType                 timecard_export_job_flags_get_type      (void) G_GNUC_CONST;

TimecardExportJob    *timecard_export_job_new                 (TimecardExportPlan      *plan,
                                                               TimecardExportFormat     format,
                                                               const char              *path,
                                                               TimecardExportJobFlags   flags);
TimecardExportPlan   *timecard_export_job_get_plan            (TimecardExportJob       *self);
TimecardExportFormat  timecard_export_job_get_format          (TimecardExportJob       *self);
const char           *timecard_export_job_get_path            (TimecardExportJob       *self);
TimecardExportJobFlags timecard_export_job_get_flags          (TimecardExportJob       *self);
void                  timecard_export_job_set_trailing_days   (TimecardExportJob       *self,
                                                               guint                    days);
guint                 timecard_export_job_get_trailing_days   (TimecardExportJob       *self);
void                  timecard_export_job_set_max_in_flight   (TimecardExportJob       *self,
                                                               guint                    n_requests);
guint                 timecard_export_job_get_max_in_flight   (TimecardExportJob       *self);
void                  timecard_export_job_set_checkpoint_interval (TimecardExportJob   *self,
                                                               gint64                   usec);

void                  timecard_export_job_run_async           (TimecardExportJob       *self,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
gboolean              timecard_export_job_run_finish          (TimecardExportJob       *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

int                   timecard_export_job_get_entity          (TimecardExportJob       *self);
guint                 timecard_export_job_get_n_requests      (TimecardExportJob       *self);
guint                 timecard_export_job_get_n_requests_planned (TimecardExportJob    *self);
guint                 timecard_export_job_get_n_pages         (TimecardExportJob       *self);
guint                 timecard_export_job_get_n_pages_planned (TimecardExportJob       *self);
guint64               timecard_export_job_get_n_rows          (TimecardExportJob       *self);
guint64               timecard_export_job_get_n_entity_rows   (TimecardExportJob       *self,
                                                               TimecardExportEntity     entity);
gint64                timecard_export_job_get_eta             (TimecardExportJob       *self);
guint                 timecard_export_job_get_n_windows_skipped (TimecardExportJob     *self);
guint                 timecard_export_job_get_n_pages_skipped (TimecardExportJob       *self);
guint64               timecard_export_job_get_n_pruned        (TimecardExportJob       *self);
gboolean              timecard_export_job_get_resumed         (TimecardExportJob       *self);
GDateTime            *timecard_export_job_get_budget_reset_time (TimecardExportJob     *self);
guint                 timecard_export_job_get_max_in_flight_seen (TimecardExportJob    *self);

G_END_DECLS
