/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The text of Clockify's values, without json-glib: timestamps, ISO-8601
 * durations and amounts of money. The json-glib models (clockify-json.h)
 * and the bulk path's streaming parser (clockify-entry-stream.h) both read
 * values through these, so the two paths accept exactly the same values.
 *
 * The exact parsers take a length (the text need not be NUL-terminated, as
 * in the middle of a streamed page) and do not allocate; the others are
 * conveniences over them.
 */

gboolean    clockify_json_parse_timestamp_usec   (const char  *text,
                                                  gsize        length,
                                                  gint64      *out_usec);
GDateTime  *clockify_json_parse_timestamp        (const char  *text);
char       *clockify_json_format_timestamp       (GDateTime   *utc);

gboolean    clockify_json_parse_duration_seconds (const char  *text,
                                                  gsize        length,
                                                  gint64      *out_seconds);
gboolean    clockify_json_parse_duration         (const char  *text,
                                                  gint64      *out_seconds);

gboolean    clockify_json_int64_from_double      (double       value,
                                                  gint64      *out_value);
gboolean    clockify_json_money_from_double      (double       amount,
                                                  gint64      *out_minor_units);

G_END_DECLS
