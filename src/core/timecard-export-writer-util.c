/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-writer"

#include "config.h"

#include "timecard-export-writer-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "timecard-export-csv.h"
#include "timecard-export-jsonl.h"
#include "timecard-export-sqlite.h"

/* What the writers share besides the base class: the factory, and helpers
 * for the subclasses. */

/**
 * timecard_export_writer_new:
 * @format: the output format
 * @path: the output directory (CSV, JSON Lines) or file (SQLite)
 * @flags: how to treat an existing output
 * @time_zone: (nullable): the zone of the `*_local` columns, UTC if %NULL
 * @lookup: (nullable): names for the ids that time entries refer to
 *
 * Creates the writer for @format. Nothing is touched until
 * timecard_export_writer_open().
 *
 * Returns: (transfer full): a writer
 */
TimecardExportWriter *
timecard_export_writer_new (TimecardExportFormat       format,
                            const char                *path,
                            TimecardExportWriterFlags  flags,
                            GTimeZone                 *time_zone,
                            TimecardExportLookup      *lookup)
{
  GType type;

  g_return_val_if_fail (path != NULL, NULL);

  switch (format)
    {
    case TIMECARD_EXPORT_FORMAT_CSV:
      type = TIMECARD_TYPE_EXPORT_CSV_WRITER;
      break;
    case TIMECARD_EXPORT_FORMAT_JSONL:
      type = TIMECARD_TYPE_EXPORT_JSONL_WRITER;
      break;
    case TIMECARD_EXPORT_FORMAT_SQLITE:
      type = TIMECARD_TYPE_EXPORT_SQLITE_WRITER;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return g_object_new (type,
                       "path", path,
                       "flags", flags,
                       "time-zone", time_zone,
                       "lookup", lookup,
                       NULL);
}

gboolean
_timecard_export_window_equal (const TimecardExportWindow *a,
                               const TimecardExportWindow *b)
{
  return a->start_usec == b->start_usec
         && a->end_usec == b->end_usec
         && g_strcmp0 (a->strategy, b->strategy) == 0
         && g_strcmp0 (a->user_id, b->user_id) == 0;
}

/* Sets a %G_IO_ERROR from @saved_errno: "@format: strerror". */
gboolean
_timecard_export_set_io_error (GError     **error,
                               int          saved_errno,
                               const char  *format,
                               ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

/* Writes all of @data to @fd, or sets @error naming @path. */
gboolean
_timecard_export_write_all (int          fd,
                            const char  *data,
                            gsize        length,
                            const char  *path,
                            GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return _timecard_export_set_io_error (error, errno, _("Cannot write “%s”"), path);
        }

      data += written;
      length -= written;
    }

  return TRUE;
}
