/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "clockify-server.h"

G_BEGIN_DECLS

char       *timecard_format_server        (ClockifyServer *server);
const char *timecard_format_region        (const char     *region);
char       *timecard_format_relative_time (GDateTime      *when,
                                           GDateTime      *now);

G_END_DECLS
