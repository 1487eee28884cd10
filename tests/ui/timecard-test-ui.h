/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*TimecardTestPredicate) (gpointer data);

gboolean     timecard_test_wait_until            (TimecardTestPredicate  predicate,
                                                  gpointer               data,
                                                  guint                  timeout_ms);
GtkWidget   *timecard_test_find_widget           (GtkWidget             *root,
                                                  GType                  type,
                                                  const char            *property,
                                                  const char            *value);
GtkWidget   *timecard_test_find_label_containing (GtkWidget             *root,
                                                  const char            *text);
void         timecard_test_click                 (GtkWidget             *button);
GtkShortcut *timecard_test_find_shortcut         (GtkWidget             *widget,
                                                  const char            *accelerator,
                                                  GtkWidget            **owner);
void         timecard_test_press                 (GtkWidget             *widget,
                                                  const char            *accelerator);
char        *timecard_test_render_png            (GtkWidget             *widget,
                                                  const char            *name);

G_END_DECLS
