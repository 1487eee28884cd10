/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-writer.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_EXPORT_DIR_WRITER (timecard_export_dir_writer_get_type ())

/*
 * The base of the writers that produce a directory with one file per
 * entity (CSV, JSON Lines). It owns the file handling, so that a subclass
 * only encodes rows:
 *
 * - The files are written in `.NAME.timecard-partial` next to PATH (same
 *   file system), through large buffers, and published by finish(): synced,
 *   then swapped with PATH in one rename (renameat2 RENAME_EXCHANGE; two
 *   renames where the kernel lacks it), and the previous export removed.
 * - PATH is replaced only if it is an empty directory or a previous Timecard
 *   export (it has a `.timecard-export` marker and only entity files), so a
 *   wrong path never deletes anyone's files.
 * - The marker is locked (flock) while a writer uses the directory, so two
 *   exports to one PATH cannot mix.
 * - commit_window() syncs `time_entries` and appends its size to a journal
 *   (`.timecard-resume`), so a resumed run truncates the file to the last
 *   committed window and continues there.
 */
G_DECLARE_DERIVABLE_TYPE (TimecardExportDirWriter, timecard_export_dir_writer,
                          TIMECARD, EXPORT_DIR_WRITER, TimecardExportWriter)

struct _TimecardExportDirWriterClass
{
  TimecardExportWriterClass parent_class;

  /* "csv": the extension of the entity files and the format's name */
  const char *extension;

  void (*append_header) (TimecardExportDirWriter        *self,
                         const TimecardExportEntityInfo *info,
                         GString                        *out);
  void (*append_row)    (TimecardExportDirWriter        *self,
                         const TimecardExportRow        *row,
                         GString                        *out);
};

G_END_DECLS
