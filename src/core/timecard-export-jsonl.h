/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-dir.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_EXPORT_JSONL_WRITER (timecard_export_jsonl_writer_get_type ())

/**
 * TimecardExportJsonlWriter:
 *
 * Writes a directory of JSON Lines files, one per entity
 * (`time_entries.jsonl`, `users.jsonl`, ...): one compact JSON object per
 * record with the CSV column names as keys, in column order, each followed
 * by `\n`.
 *
 * Values have JSON types: null when absent, strings, integers, `true` and
 * `false`, arrays for lists (`null` for an unknown item), objects for JSON
 * columns (`custom_fields`). Money is a JSON number written exactly with two
 * decimals from the integer amount (`43.21`, `-0.05`,
 * `92233720368547758.07`): the text is exact; a reader that needs exact
 * arithmetic parses it as a decimal (Python: `json.loads (line,
 * parse_float=decimal.Decimal)`).
 */
G_DECLARE_FINAL_TYPE (TimecardExportJsonlWriter, timecard_export_jsonl_writer,
                      TIMECARD, EXPORT_JSONL_WRITER, TimecardExportDirWriter)

TimecardExportWriter *timecard_export_jsonl_writer_new (const char                *path,
                                                        TimecardExportWriterFlags  flags,
                                                        GTimeZone                 *time_zone,
                                                        TimecardExportLookup      *lookup);

G_END_DECLS
