/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "timecard-export-lookup.h"
#include "timecard-export-zone.h"

G_BEGIN_DECLS

/*
 * Text forms shared by every export format. All of them are exact: money is
 * formatted from integers, instants from integer seconds, and nothing goes
 * through floating point.
 */

/* Enough for "-292277-01-01T00:00:00+00:00:00" and for any gint64 in minor units. */
#define TIMECARD_EXPORT_INSTANT_MAX 40
#define TIMECARD_EXPORT_MONEY_MAX   32

gsize    timecard_export_format_integer      (char                buf[TIMECARD_EXPORT_MONEY_MAX],
                                              gint64              value);
gsize    timecard_export_format_money        (char                buf[TIMECARD_EXPORT_MONEY_MAX],
                                              gint64              minor_units);
gsize    timecard_export_format_utc          (char                buf[TIMECARD_EXPORT_INSTANT_MAX],
                                              gint64              usec);
gsize    timecard_export_format_local        (char                buf[TIMECARD_EXPORT_INSTANT_MAX],
                                              gint64              usec,
                                              GTimeZone          *time_zone);
gsize    timecard_export_format_local_in     (char                buf[TIMECARD_EXPORT_INSTANT_MAX],
                                              gint64              usec,
                                              TimecardExportZone *zone);
void     timecard_export_append_json_string  (GString            *out,
                                              const char         *text);
gboolean timecard_export_custom_fields_to_json (const char           *values_json,
                                                TimecardExportLookup *lookup,
                                                GString              *out,
                                                GError              **error);

typedef struct _TimecardExportFieldsScratch TimecardExportFieldsScratch;

TimecardExportFieldsScratch *timecard_export_fields_scratch_new  (void);
void                         timecard_export_fields_scratch_free (TimecardExportFieldsScratch  *self);
gboolean                     timecard_export_custom_fields_to_json_with
                                                                 (const char                   *values_json,
                                                                  TimecardExportLookup         *lookup,
                                                                  TimecardExportFieldsScratch  *scratch,
                                                                  GString                      *out,
                                                                  GError                      **error);

G_END_DECLS
