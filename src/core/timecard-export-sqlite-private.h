/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "timecard-export-sqlite.h"

G_BEGIN_DECLS

struct _TimecardExportSqliteWriter
{
  TimecardExportWriter  parent_instance;

  char                 *target;
  char                 *parent;
  /* The target itself when updating in place, else a sibling renamed over
   * the target by finish(). */
  char                 *db_path;
  gboolean              in_place;
  /* Whether abort() may delete db_path: this run created it or resumed it. */
  gboolean              owns_file;

  sqlite3              *db;
  sqlite3_stmt         *insert_row[TIMECARD_EXPORT_N_ENTITIES];
  sqlite3_stmt         *insert_entry;
  sqlite3_stmt         *update_entry;
  GString              *tag_ids;
  GString              *tag_names;
  sqlite3_stmt         *set_meta;

  gboolean              in_transaction;
  gboolean              implicit_transaction;
  guint64               transaction_rows;
  gint64                generation;
  guint64               n_pruned;
};

/* The writer's statements and transactions (timecard-export-sqlite.c). */

gboolean _timecard_sqlite_writer_fail      (TimecardExportSqliteWriter  *self,
                                            int                          rc,
                                            GError                     **error);
gboolean _timecard_sqlite_writer_exec      (TimecardExportSqliteWriter  *self,
                                            const char                  *sql,
                                            GError                     **error);
gboolean _timecard_sqlite_writer_prepare   (TimecardExportSqliteWriter  *self,
                                            const char                  *sql,
                                            sqlite3_stmt               **out_stmt,
                                            GError                     **error);
gboolean _timecard_sqlite_writer_step_done (TimecardExportSqliteWriter  *self,
                                            sqlite3_stmt                *stmt,
                                            GError                     **error);
gboolean _timecard_sqlite_writer_begin     (TimecardExportSqliteWriter  *self,
                                            gboolean                     implicit,
                                            GError                     **error);
gboolean _timecard_sqlite_writer_commit    (TimecardExportSqliteWriter  *self,
                                            GError                     **error);
gboolean _timecard_sqlite_writer_set_meta  (TimecardExportSqliteWriter  *self,
                                            const char                  *key,
                                            const char                  *value,
                                            GError                     **error);
char    *_timecard_sqlite_writer_get_meta  (TimecardExportSqliteWriter  *self,
                                            const char                  *key);

/* Windows and the sync state (timecard-export-sqlite-sync.c). */

gboolean _timecard_sqlite_writer_begin_window        (TimecardExportWriter        *writer,
                                                      const TimecardExportWindow  *window,
                                                      GError                     **error);
gboolean _timecard_sqlite_writer_commit_window       (TimecardExportWriter        *writer,
                                                      const TimecardExportWindow  *window,
                                                      guint64                      n_rows,
                                                      GError                     **error);
gboolean _timecard_sqlite_writer_rollback_window     (TimecardExportWriter        *writer,
                                                      GError                     **error);
gboolean _timecard_sqlite_writer_checkpoint_window   (TimecardExportWriter        *writer,
                                                     const TimecardExportWindow  *window,
                                                     const char                  *progress,
                                                     GError                     **error);
char    *_timecard_sqlite_writer_get_window_progress (TimecardExportWriter        *writer,
                                                     const TimecardExportWindow  *window);
gboolean _timecard_sqlite_writer_is_window_completed (TimecardExportWriter        *writer,
                                                      const TimecardExportWindow  *window);

/* The schema and the checks around it (timecard-export-sqlite-schema.c). */

extern const char _timecard_export_sqlite_indexes_sql[];
extern const char _timecard_export_sqlite_insert_entry_sql[];
extern const char _timecard_export_sqlite_update_entry_sql[];
extern const char _timecard_export_sqlite_prune_entries_sql[];

gboolean _timecard_export_sqlite_set_error     (GError               **error,
                                                sqlite3               *db,
                                                int                    rc,
                                                const char            *path);
gboolean _timecard_export_sqlite_exec          (sqlite3               *db,
                                                const char            *sql,
                                                const char            *path,
                                                GError               **error);
gboolean _timecard_export_sqlite_check_file    (const char            *path,
                                                gboolean              *out_exists,
                                                GError               **error);
gboolean _timecard_export_sqlite_create_schema (sqlite3               *db,
                                                const char            *path,
                                                GError               **error);
char    *_timecard_export_sqlite_insert_sql    (TimecardExportEntity   entity);

G_END_DECLS
