/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-application"

#include "config.h"

#include <glib/gi18n.h>

#include "timecard-application.h"
#include "timecard-debug-info.h"
#include "timecard-window.h"

struct _TimecardApplication
{
  AdwApplication           parent_instance;

  TimecardCredentialStore *store;
};

G_DEFINE_FINAL_TYPE (TimecardApplication, timecard_application, ADW_TYPE_APPLICATION)

/**
 * timecard_application_new:
 *
 * Returns: (transfer full): the application
 */
TimecardApplication *
timecard_application_new (void)
{
  return g_object_new (TIMECARD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

static void
timecard_application_activate (GApplication *app)
{
  GtkWindow *window;

  g_assert (TIMECARD_IS_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (timecard_window_new (TIMECARD_APPLICATION (app)));

  gtk_window_present (window);
}

static void
timecard_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  static const char *developers[] = { "The Timecard developers", NULL };
  TimecardApplication *self = user_data;
  g_autofree char *debug_info = NULL;

  g_assert (TIMECARD_IS_APPLICATION (self));

  debug_info = timecard_debug_info_new ();

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Timecard"),
                         "application-icon", "io.github.timecard.Timecard",
                         "developer-name", _("The Timecard developers"),
                         "version", VERSION,
                         "comments", _("Export your Clockify data safely"),
                         "website", "https://github.com/timecard/timecard",
                         "issue-url", "https://github.com/timecard/timecard/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Timecard developers",
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "debug-info", debug_info,
                         "debug-info-filename", "timecard-debug-info.txt",
                         NULL);
}

static void
timecard_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  GApplication *app = user_data;

  g_assert (TIMECARD_IS_APPLICATION (app));

  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "about", timecard_application_about_action },
  { "quit", timecard_application_quit_action },
};

static void
timecard_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *add_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (timecard_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.add-credential", add_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
}

static void
timecard_application_finalize (GObject *object)
{
  TimecardApplication *self = TIMECARD_APPLICATION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (timecard_application_parent_class)->finalize (object);
}

static void
timecard_application_class_init (TimecardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = timecard_application_finalize;

  app_class->activate = timecard_application_activate;
  app_class->startup = timecard_application_startup;
}

static void
timecard_application_init (TimecardApplication *self)
{
}

/**
 * timecard_application_get_store:
 *
 * The saved credentials, in the user's data directory. Each new main
 * window loads them again.
 *
 * Returns: (transfer none): the credential store
 */
TimecardCredentialStore *
timecard_application_get_store (TimecardApplication *self)
{
  g_return_val_if_fail (TIMECARD_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    self->store = timecard_credential_store_new (NULL);

  return self->store;
}
