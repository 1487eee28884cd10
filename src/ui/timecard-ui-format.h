/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "clockify-server.h"
#include "timecard-export-plan.h"

G_BEGIN_DECLS

char       *timecard_format_server        (ClockifyServer *server);
const char *timecard_format_region        (const char     *region);
char       *timecard_format_relative_time (GDateTime      *when,
                                           GDateTime      *now);
char       *timecard_format_duration      (gint64          usec);
char       *timecard_format_time_until    (GDateTime      *when,
                                           GDateTime      *now);
const char *timecard_format_entity        (TimecardExportEntity    entity);
const char *timecard_format_strategy      (TimecardExportStrategy  strategy);

G_END_DECLS
