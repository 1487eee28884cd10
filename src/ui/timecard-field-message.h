/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void timecard_field_message_set (GtkWidget  *row,
                                 GtkLabel   *label,
                                 const char *message);

G_END_DECLS
