/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-writer.h"

G_BEGIN_DECLS

/* For the writer classes only. */

void     _timecard_export_writer_set_resumed  (TimecardExportWriter        *self,
                                               gboolean                     resumed);
void     _timecard_export_writer_take_run_info (TimecardExportWriter       *self,
                                               char                        *run_info);
gboolean _timecard_export_window_equal        (const TimecardExportWindow  *a,
                                               const TimecardExportWindow  *b);
gboolean _timecard_export_set_io_error        (GError                     **error,
                                               int                          saved_errno,
                                               const char                  *format,
                                               ...) G_GNUC_PRINTF (3, 4);
gboolean _timecard_export_write_all           (int                          fd,
                                               const char                  *data,
                                               gsize                        length,
                                               const char                  *path,
                                               GError                     **error);

G_END_DECLS
