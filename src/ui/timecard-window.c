/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-window"

#include "config.h"

#include <glib/gi18n.h>

#include "timecard-window.h"

struct _TimecardWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwStatusPage        *empty_page;
  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (TimecardWindow, timecard_window, ADW_TYPE_APPLICATION_WINDOW)

/**
 * timecard_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer full): a new main window
 */
TimecardWindow *
timecard_window_new (TimecardApplication *application)
{
  g_return_val_if_fail (TIMECARD_IS_APPLICATION (application), NULL);

  return g_object_new (TIMECARD_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
timecard_window_save_size (TimecardWindow *self)
{
  int width, height;

  g_assert (TIMECARD_IS_WINDOW (self));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window's default size is the size to restore to. */
  g_settings_set_int (self->settings, "window-width", MAX (width, 360));
  g_settings_set_int (self->settings, "window-height", MAX (height, 294));
  g_settings_apply (self->settings);
}

static gboolean
timecard_window_close_request (GtkWindow *window)
{
  timecard_window_save_size (TIMECARD_WINDOW (window));

  return GTK_WINDOW_CLASS (timecard_window_parent_class)->close_request (window);
}

static void
timecard_window_dispose (GObject *object)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_WINDOW);

  G_OBJECT_CLASS (timecard_window_parent_class)->dispose (object);
}

static void
timecard_window_finalize (GObject *object)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (timecard_window_parent_class)->finalize (object);
}

static void
timecard_window_add_credential_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  /* The "Add New Credential" dialog comes with the credentials work; until
   * then the action stays disabled and this is never reached. */
  g_assert (TIMECARD_IS_WINDOW (widget));
}

static void
timecard_window_class_init (TimecardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = timecard_window_dispose;
  object_class->finalize = timecard_window_finalize;

  window_class->close_request = timecard_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.add-credential", NULL,
                                   timecard_window_add_credential_action);
}

static void
timecard_window_init (TimecardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-credential", FALSE);
}
