/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "timecard-export-csv.h"
#include "timecard-export-jsonl.h"
#include "timecard-export-sqlite.h"

G_BEGIN_DECLS

/* 2024-03-01T08:00:00Z */
#define EXPORT_TEST_T0 G_GINT64_CONSTANT (1709280000000000)
#define EXPORT_TEST_HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/* The tricky records of the fidelity tests; see export-test-util.c. */
const ClockifyEntryRecord *export_test_records        (guint                *out_n_records);
GPtrArray                 *export_test_items          (TimecardExportEntity  entity);
TimecardExportLookup      *export_test_lookup         (void);
GTimeZone                 *export_test_berlin         (void);

char                      *export_test_make_dir       (void);
char                      *export_test_read           (const char           *path);
char                      *export_test_list_dir       (const char           *path);
char                      *export_test_snapshot       (const char           *path);
void                       export_test_write_file     (const char           *path,
                                                       const char           *contents);

/* Writes every record into `time_entries` as one window per record pair. */
gboolean                   export_test_write_entries  (TimecardExportWriter *writer,
                                                       const ClockifyEntryRecord *records,
                                                       guint                 n_records,
                                                       GError              **error);
void                       export_test_write_all      (TimecardExportWriter *writer);

/* An RFC 4180 field: its text and whether it was quoted. */
typedef struct
{
  char     *text;
  gboolean  quoted;
} ExportTestField;

GPtrArray                 *export_test_parse_csv      (const char           *text,
                                                       GError              **error);
const ExportTestField     *export_test_csv_field      (GPtrArray            *rows,
                                                       guint                 row,
                                                       guint                 column);

/* Running as root, permissions do not stop writes: drop the capabilities
 * that bypass them for the rest of the test, and take them back. */
gboolean                   export_test_drop_dac       (void);
void                       export_test_restore_dac    (void);

G_END_DECLS
