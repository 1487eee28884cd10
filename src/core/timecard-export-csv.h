/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-dir.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_EXPORT_CSV_WRITER (timecard_export_csv_writer_get_type ())

/**
 * TimecardExportCsvWriter:
 *
 * Writes a directory of RFC 4180 CSV files, one per entity
 * (`time_entries.csv`, `users.csv`, ...): UTF-8 without a byte order mark,
 * a header row of column names, CRLF after every record.
 *
 * A field is quoted when it contains a comma, a quote, CR or LF, and quotes
 * inside are doubled. Null is an empty field; an empty string is `""`, so
 * tools that tell them apart (PostgreSQL's COPY, DuckDB) can. Booleans are
 * `true`/`false`; money has two decimals (`43.21`, `-0.05`); lists are joined
 * with `;` (an unknown item is empty); JSON columns hold compact JSON text.
 */
G_DECLARE_FINAL_TYPE (TimecardExportCsvWriter, timecard_export_csv_writer,
                      TIMECARD, EXPORT_CSV_WRITER, TimecardExportDirWriter)

TimecardExportWriter *timecard_export_csv_writer_new (const char                *path,
                                                      TimecardExportWriterFlags  flags,
                                                      GTimeZone                 *time_zone,
                                                      TimecardExportLookup      *lookup);

G_END_DECLS
