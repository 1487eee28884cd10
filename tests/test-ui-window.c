/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-window"

#include "config.h"

#include <adwaita.h>

#include "timecard-application.h"
#include "timecard-test-ui.h"
#include "timecard-window.h"

static TimecardApplication *app;

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
about_window_shown (gpointer data)
{
  return find_window_of_type (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static TimecardWindow *
activate_main_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (TIMECARD_IS_WINDOW (window));
  g_assert_true (timecard_test_wait_until (widget_is_mapped, window, 5000));

  return TIMECARD_WINDOW (window);
}

static void
test_window_empty_state (void)
{
  TimecardWindow *window = activate_main_window ();
  GtkWidget *status;
  GtkWidget *button;
  GtkStack *stack;
  g_autofree char *png = NULL;

  status = timecard_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                      "title", "No credentials yet");
  g_assert_nonnull (status);
  stack = GTK_STACK (gtk_widget_get_ancestor (status, GTK_TYPE_STACK));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_is_drawable (status));
  g_assert_true (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "keyring") != NULL);

  button = timecard_test_find_widget (status, GTK_TYPE_BUTTON, "action-name", "win.add-credential");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Add Credential");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Timecard");

  png = timecard_test_render_png (GTK_WIDGET (window), "window-empty");
  g_test_message ("rendered %s", png);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
test_window_actions (void)
{
  TimecardWindow *window = activate_main_window ();
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) help_accels = NULL;
  g_autofree char *debug_info = NULL;
  GtkWindow *about;

  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (app), "about") != NULL);
  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (app), "quit") != NULL);
  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (window), "show-help-overlay") != NULL);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (timecard_test_wait_until (about_window_shown, NULL, 5000));
  about = find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_object_get (about, "debug-info", &debug_info, NULL);
  g_assert_true (strstr (debug_info, "GTK") != NULL);
  g_assert_true (strstr (debug_info, "libadwaita") != NULL);
  g_assert_true (strstr (debug_info, "Flatpak: no") != NULL);
  gtk_window_destroy (about);
}

static void
test_window_size_is_remembered (void)
{
  TimecardWindow *window = activate_main_window ();
  TimecardWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_close (GTK_WINDOW (window));

  second = activate_main_window ();
  g_assert_true (second != window);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = timecard_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window/empty-state", test_window_empty_state);
  g_test_add_func ("/ui/window/actions", test_window_actions);
  g_test_add_func ("/ui/window/size-is-remembered", test_window_size_is_remembered);

  ret = g_test_run ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  g_object_unref (app);
  return ret;
}
