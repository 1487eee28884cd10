/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-writer.h"

G_BEGIN_DECLS

/*
 * The resume journal of a directory export: one line per committed window
 * ("W") or window checkpointed part way ("P"), each with the size that
 * time_entries had then (the checkpoint), so that a resumed run cuts what
 * followed. A "P" line also has where its window began and the runner's
 * progress, empty once the window was rolled back.
 */

typedef struct
{
  TimecardExportWindow window;         /* strings owned */
  guint64              checkpoint;
  guint64              window_start;   /* "P" only */
  char                *progress;       /* "P" only; NULL for "W" */
} TimecardExportJournalEntry;

typedef struct
{
  char   *path;
  int     fd;
  GArray *entries;                     /* TimecardExportJournalEntry */
} TimecardExportJournal;

void     _timecard_export_journal_init            (TimecardExportJournal            *self);
void     _timecard_export_journal_clear           (TimecardExportJournal            *self);
gboolean _timecard_export_journal_create          (TimecardExportJournal            *self,
                                                   const char                       *path,
                                                   GError                          **error);
gboolean _timecard_export_journal_load            (TimecardExportJournal            *self,
                                                   const char                       *path,
                                                   GError                          **error);
gboolean _timecard_export_journal_append          (TimecardExportJournal            *self,
                                                   const TimecardExportJournalEntry *entry,
                                                   GError                          **error);
void     _timecard_export_journal_close           (TimecardExportJournal            *self);
gboolean _timecard_export_journal_remove          (TimecardExportJournal            *self,
                                                   GError                          **error);
guint64  _timecard_export_journal_last_checkpoint (TimecardExportJournal            *self);
const TimecardExportJournalEntry *
         _timecard_export_journal_last_partial    (TimecardExportJournal            *self,
                                                   const TimecardExportWindow       *window);
gboolean _timecard_export_journal_has_window      (TimecardExportJournal            *self,
                                                   const TimecardExportWindow       *window);

G_END_DECLS
