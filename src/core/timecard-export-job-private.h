/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-job.h"
#include "timecard-export-lookup.h"

G_BEGIN_DECLS

/* One time-entry page of a window: requested, received, then written. */
typedef struct
{
  GBytes   *bytes;
  int       last_page;   /* the Last-Page header: 1, 0, or -1 without one */
  guint     attempts;
  gboolean  requested;
  gboolean  received;
  gboolean  written;
  guint     n_entries;   /* once written */
} TimecardJobPage;

typedef struct
{
  TimecardExportWindow  window;       /* strings owned */
  guint                 index;        /* in the plan */
  gboolean              skip;         /* completed by the run this one resumes */
  guint                 first_page;   /* the first this run fetches: a resumed window's
                                       * checkpointed pages before it are kept */
  char                 *verify_id;    /* while set, the last entry page first_page must
                                       * end with for the kept pages to hold */
  gboolean              restart_due;  /* the kept pages did not hold */
  char                 *checkpoint;   /* progress to checkpoint before the next page */
  gint64                checkpointed_at;
  gboolean              begun;
  gboolean              committed;
  guint                 n_pages;      /* exact when not 0 */
  GArray               *pages;        /* TimecardJobPage */
  guint                 next_write;   /* index of the next page to write */
} TimecardJobWindow;

struct _TimecardExportJob
{
  GObject                 parent_instance;

  TimecardExportPlan     *plan;
  TimecardExportFormat    format;
  char                   *path;
  TimecardExportJobFlags  flags;
  guint                   trailing_days;
  guint                   max_in_flight;

  /* A run */
  GTask                  *task;
  TimecardExportWriter   *writer;
  TimecardExportLookup   *lookup;
  gboolean                writer_opened;
  gboolean                writer_busy;
  gboolean                writer_failed;
  GError                 *stop_error;
  int                     entity;
  guint                   n_requests;         /* this run's, planning included */
  guint                   n_pages;
  guint64                 entity_rows[TIMECARD_EXPORT_N_ENTITIES];
  gint64                  eta;
  GDateTime              *budget_reset;
  guint                   n_windows_skipped;
  guint                   n_pages_skipped;
  guint                   pages_planned;      /* once time entries are done */
  gboolean                planning_page_used;
  gboolean                pages_known;
  gint64                  checkpoint_interval;
  guint64                 n_pruned;
  gboolean                resumed;

  /* Small entities */
  GPtrArray              *items;
  GPtrArray              *task_lists;         /* per project: GPtrArray of tasks */
  guint                   next_project;
  guint                   lists_in_flight;

  /* Time entries */
  GPtrArray              *windows;            /* TimecardJobWindow */
  guint                   write_window;
  guint                   in_flight;
  guint                   buffered;
  gsize                   buffered_bytes;
  gsize                   page_bytes;         /* what the next page may weigh */
  gsize                   full_page_bytes;
  gsize                   largest_page;
  guint                   n_pages_seen;
  guint                   max_in_flight_seen;
};

/* timecard-export-job.c */

typedef gboolean (*TimecardJobWriterFunc) (TimecardExportJob  *self,
                                           gpointer            data,
                                           GError            **error);
typedef void     (*TimecardJobDoneFunc)   (TimecardExportJob  *self,
                                           gpointer            data,
                                           GError             *error);

void     _timecard_export_job_stop              (TimecardExportJob      *self,
                                                 GError                 *error);
void     _timecard_export_job_set_entity        (TimecardExportJob      *self,
                                                 int                     entity);
gboolean _timecard_export_job_is_cancelled      (TimecardExportJob      *self);
void     _timecard_export_job_progress          (TimecardExportJob      *self);

/* timecard-export-job-steps.c */

void     _timecard_export_job_writer_op          (TimecardExportJob     *self,
                                                  TimecardJobWriterFunc  func,
                                                  TimecardJobDoneFunc    done,
                                                  gpointer               data,
                                                  GDestroyNotify         destroy);
void     _timecard_export_job_fail               (TimecardExportJob     *self,
                                                  GError                *error);
void     _timecard_export_job_run_next_entity    (TimecardExportJob     *self);
void     _timecard_export_job_time_entries_done  (TimecardExportJob     *self);

/* timecard-export-job-fetch.c */

void     _timecard_export_send_page              (ClockifyClient              *client,
                                                  const char                  *workspace_id,
                                                  const char                  *time_zone,
                                                  TimecardExportStrategy       strategy,
                                                  const TimecardExportWindow  *window,
                                                  gboolean                     hydrated,
                                                  guint                        page,
                                                  guint                        page_size,
                                                  gboolean                     with_count,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
gboolean _timecard_export_report_count           (GBytes                      *page,
                                                  gint64                      *out_count);
gboolean _timecard_export_page_is_complete       (GBytes                      *page,
                                                  GError                     **error);
void     _timecard_export_job_start_time_entries (TimecardExportJob           *self);
void     _timecard_export_job_free_windows       (TimecardExportJob           *self);
guint    _timecard_export_job_pages_planned      (TimecardExportJob           *self);
gboolean _timecard_export_job_uses_planning_page (TimecardExportJob           *self);

/* timecard-export-plan.c and timecard-export-plan-prepare.c */

gint64   _timecard_export_plan_report_end                (TimecardExportPlan   *self);
void     _timecard_export_plan_update_window_pages       (TimecardExportPlan   *self,
                                                          guint                 index,
                                                          guint                 pages);

G_END_DECLS
