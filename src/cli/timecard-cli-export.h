/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int timecard_cli_export (int    argc,
                         char **argv);

G_END_DECLS
