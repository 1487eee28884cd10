/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * TimecardExportZone: a time zone's UTC offset by instant, remembered.
 *
 * g_time_zone_find_interval() walks the zone's transitions one by one, so
 * the `*_local` columns would cost a walk of a hundred or more transitions
 * per instant. The cache remembers, for each of a few dozen spans of
 * 2^16 seconds (18 hours), the offset at its start and end and where it
 * changes: exact, because a zone's intervals follow each other in UTC.
 * A span with more than one change asks GLib every time.
 */
typedef struct _TimecardExportZone TimecardExportZone;

TimecardExportZone *timecard_export_zone_new           (GTimeZone          *time_zone);
void                timecard_export_zone_free          (TimecardExportZone *self);
GTimeZone          *timecard_export_zone_get_time_zone (TimecardExportZone *self);
gint32              timecard_export_zone_get_offset    (TimecardExportZone *self,
                                                        gint64              seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TimecardExportZone, timecard_export_zone_free)

G_END_DECLS
