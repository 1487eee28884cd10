/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "clockify-entry-stream.h"
#include "timecard-export-lookup.h"
#include "timecard-export-row.h"

G_BEGIN_DECLS

#define TIMECARD_EXPORT_ERROR (timecard_export_error_quark ())

/**
 * TimecardExportError:
 * @TIMECARD_EXPORT_ERROR_NOT_A_DIRECTORY: a CSV or JSON Lines export goes to
 *   a directory, and the path is something else
 * @TIMECARD_EXPORT_ERROR_NOT_A_FILE: an SQLite export goes to a file, and the
 *   path is a directory or something else
 * @TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT: the path holds data Timecard did not
 *   write (another database, a directory with other files); it is left alone
 * @TIMECARD_EXPORT_ERROR_NEWER_VERSION: the database was written by a newer
 *   Timecard
 * @TIMECARD_EXPORT_ERROR_BUSY: another export is writing to the same path
 * @TIMECARD_EXPORT_ERROR_RESUME_MISMATCH: the interrupted export cannot be
 *   continued with these settings (another time zone)
 * @TIMECARD_EXPORT_ERROR_DATABASE: SQLite failed; the message says how
 * @TIMECARD_EXPORT_ERROR_FAILED: the writer stopped after an earlier error
 *
 * Errors in the %TIMECARD_EXPORT_ERROR domain. File system errors are in
 * %G_IO_ERROR (%G_IO_ERROR_NO_SPACE, %G_IO_ERROR_PERMISSION_DENIED, ...)
 * with a message naming the path.
 */
typedef enum
{
  TIMECARD_EXPORT_ERROR_NOT_A_DIRECTORY,
  TIMECARD_EXPORT_ERROR_NOT_A_FILE,
  TIMECARD_EXPORT_ERROR_NOT_AN_EXPORT,
  TIMECARD_EXPORT_ERROR_NEWER_VERSION,
  TIMECARD_EXPORT_ERROR_BUSY,
  TIMECARD_EXPORT_ERROR_RESUME_MISMATCH,
  TIMECARD_EXPORT_ERROR_DATABASE,
  TIMECARD_EXPORT_ERROR_FAILED,
} TimecardExportError;

/**
 * TimecardExportFormat:
 * @TIMECARD_EXPORT_FORMAT_CSV: a directory of `.csv` files
 * @TIMECARD_EXPORT_FORMAT_JSONL: a directory of `.jsonl` files
 * @TIMECARD_EXPORT_FORMAT_SQLITE: one SQLite database
 */
typedef enum
{
  TIMECARD_EXPORT_FORMAT_CSV,
  TIMECARD_EXPORT_FORMAT_JSONL,
  TIMECARD_EXPORT_FORMAT_SQLITE,
} TimecardExportFormat;

/**
 * TimecardExportWriterFlags:
 * @TIMECARD_EXPORT_WRITER_FLAGS_NONE: a fresh export: written aside and put
 *   in place by timecard_export_writer_finish(), so that the previous export
 *   at the path survives a failed or cancelled run
 * @TIMECARD_EXPORT_WRITER_FLAGS_RESUME: continue the output of an
 *   interrupted run of the same export, when there is one: its committed
 *   windows are kept and timecard_export_writer_is_window_completed() reports
 *   them
 * @TIMECARD_EXPORT_WRITER_FLAGS_UPDATE: SQLite only: write into the database
 *   at the path itself (incremental sync); each committed window is final
 */
typedef enum /*< flags >*/
{
  TIMECARD_EXPORT_WRITER_FLAGS_NONE   = 0,
  TIMECARD_EXPORT_WRITER_FLAGS_RESUME = 1 << 0,
  TIMECARD_EXPORT_WRITER_FLAGS_UPDATE = 1 << 1,
} TimecardExportWriterFlags;

/**
 * TimecardExportWindow:
 * @strategy: how the window is fetched ("reports", "per-user"); opaque here
 * @start_usec: the first instant of the window (Unix µs)
 * @end_usec: the instant after the window (Unix µs)
 * @user_id: (nullable): the one user the window covers, %NULL for all
 * @prune: when committing, delete the time entries that start in the window
 *   (and belong to @user_id, if set) but were not written in it (SQLite)
 *
 * A unit of time-entry work that is committed whole, and remembered so that
 * a resumed run can skip it. Windows are identified by all four of
 * @strategy, @start_usec, @end_usec and @user_id. Held by the caller.
 */
typedef struct
{
  const char *strategy;
  gint64      start_usec;
  gint64      end_usec;
  const char *user_id;
  gboolean    prune;
} TimecardExportWindow;

#define TIMECARD_TYPE_EXPORT_FORMAT        (timecard_export_format_get_type ())
#define TIMECARD_TYPE_EXPORT_WRITER_FLAGS  (timecard_export_writer_flags_get_type ())
#define TIMECARD_TYPE_EXPORT_WRITER        (timecard_export_writer_get_type ())

G_DECLARE_DERIVABLE_TYPE (TimecardExportWriter, timecard_export_writer, TIMECARD, EXPORT_WRITER, GObject)

struct _TimecardExportWriterClass
{
  GObjectClass parent_class;

  gboolean (*open)                (TimecardExportWriter        *self,
                                   GError                     **error);
  gboolean (*begin_entity)        (TimecardExportWriter        *self,
                                   TimecardExportEntity         entity,
                                   GError                     **error);
  gboolean (*write_row)           (TimecardExportWriter        *self,
                                   const TimecardExportRow     *row,
                                   GError                     **error);
  gboolean (*end_entity)          (TimecardExportWriter        *self,
                                   TimecardExportEntity         entity,
                                   GError                     **error);
  gboolean (*begin_window)        (TimecardExportWriter        *self,
                                   const TimecardExportWindow  *window,
                                   GError                     **error);
  gboolean (*commit_window)       (TimecardExportWriter        *self,
                                   const TimecardExportWindow  *window,
                                   guint64                      n_rows,
                                   GError                     **error);
  gboolean (*rollback_window)     (TimecardExportWriter        *self,
                                   GError                     **error);
  gboolean (*is_window_completed) (TimecardExportWriter        *self,
                                   const TimecardExportWindow  *window);
  gboolean (*checkpoint_window)   (TimecardExportWriter        *self,
                                   const TimecardExportWindow  *window,
                                   const char                  *progress,
                                   GError                     **error);
  char    *(*get_window_progress) (TimecardExportWriter        *self,
                                   const TimecardExportWindow  *window);
  gboolean (*finish)              (TimecardExportWriter        *self,
                                   GError                     **error);
  gboolean (*close)               (TimecardExportWriter        *self,
                                   GError                     **error);
  void     (*abort)               (TimecardExportWriter        *self);
};

GQuark                     timecard_export_error_quark                 (void);
GType                      timecard_export_format_get_type             (void) G_GNUC_CONST;
GType                      timecard_export_writer_flags_get_type       (void) G_GNUC_CONST;

TimecardExportWriter      *timecard_export_writer_new                  (TimecardExportFormat         format,
                                                                        const char                  *path,
                                                                        TimecardExportWriterFlags    flags,
                                                                        GTimeZone                   *time_zone,
                                                                        TimecardExportLookup        *lookup);
const char                *timecard_export_writer_get_path             (TimecardExportWriter        *self);
TimecardExportWriterFlags  timecard_export_writer_get_flags            (TimecardExportWriter        *self);
GTimeZone                 *timecard_export_writer_get_time_zone        (TimecardExportWriter        *self);
TimecardExportLookup      *timecard_export_writer_get_lookup           (TimecardExportWriter        *self);
const char                *timecard_export_writer_get_run_info         (TimecardExportWriter        *self);
void                       timecard_export_writer_set_run_info         (TimecardExportWriter        *self,
                                                                        const char                  *run_info);
gboolean                   timecard_export_writer_get_resumed          (TimecardExportWriter        *self);
guint64                    timecard_export_writer_get_n_rows           (TimecardExportWriter        *self,
                                                                        TimecardExportEntity         entity);

gboolean                   timecard_export_writer_open                 (TimecardExportWriter        *self,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_begin_entity         (TimecardExportWriter        *self,
                                                                        TimecardExportEntity         entity,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_write_row            (TimecardExportWriter        *self,
                                                                        const TimecardExportRow     *row,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_write_item           (TimecardExportWriter        *self,
                                                                        gpointer                     item,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_write_entry          (TimecardExportWriter        *self,
                                                                        const ClockifyEntryRecord   *record,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_end_entity           (TimecardExportWriter        *self,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_begin_window         (TimecardExportWriter        *self,
                                                                        const TimecardExportWindow  *window,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_commit_window        (TimecardExportWriter        *self,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_rollback_window      (TimecardExportWriter        *self,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_is_window_completed  (TimecardExportWriter        *self,
                                                                        const TimecardExportWindow  *window);
gboolean                   timecard_export_writer_checkpoint_window    (TimecardExportWriter        *self,
                                                                        const char                  *progress,
                                                                        GError                     **error);
char                      *timecard_export_writer_get_window_progress  (TimecardExportWriter        *self,
                                                                        const TimecardExportWindow  *window);
gboolean                   timecard_export_writer_finish               (TimecardExportWriter        *self,
                                                                        GError                     **error);
gboolean                   timecard_export_writer_close                (TimecardExportWriter        *self,
                                                                        GError                     **error);
void                       timecard_export_writer_abort                (TimecardExportWriter        *self);

G_END_DECLS
