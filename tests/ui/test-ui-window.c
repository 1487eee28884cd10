/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "timecard-test-app.h"
#include "timecard-test-ui.h"

static TimecardApplication *app;

static gboolean
about_window_shown (gpointer data)
{
  return timecard_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static void
test_window_empty_state (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);
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

  /* The empty state's button opens the overlay. */
  timecard_test_click (button);
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_true (gtk_window_get_transient_for (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG))
                 == GTK_WINDOW (window));
  gtk_window_close (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  png = timecard_test_render_png (GTK_WIDGET (window), "window-empty");
  g_test_message ("rendered %s", png);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
test_window_actions (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) help_accels = NULL;
  g_auto(GStrv) add_accels = NULL;
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
  add_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.add-credential");
  g_assert_cmpstr (add_accels[0], ==, "<Control>n");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (timecard_test_wait_until (about_window_shown, NULL, 5000));
  about = timecard_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
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
  /* Held, so that the second window cannot reuse the first one's memory. */
  g_autoptr(TimecardWindow) window = g_object_ref (timecard_test_app_open_window (app));
  TimecardWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_close (GTK_WINDOW (window));

  second = timecard_test_app_open_window (app);
  g_assert_true (second != window);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
}

static gboolean
window_loaded (gpointer data)
{
  return !timecard_window_get_loading (data);
}

static void
test_window_load_error (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);
  TimecardCredentialStore *store = timecard_window_get_store (window);
  const char *path = timecard_credential_store_get_path (store);
  g_autofree char *directory = g_path_get_dirname (path);
  GtkWidget *banner_label;
  GtkWidget *retry;

  /* A credentials file that cannot be read: a directory in its place. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  window = timecard_test_app_open_window (app);
  banner_label = timecard_test_find_label_containing (GTK_WIDGET (window), "could not be read");
  g_assert_nonnull (banner_label);
  g_test_message ("banner: %s", gtk_label_get_text (GTK_LABEL (banner_label)));
  g_assert_nonnull (timecard_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                               "title", "No credentials yet"));

  /* Fixed, then retried: the banner goes. */
  g_assert_cmpint (g_rmdir (path), ==, 0);
  retry = timecard_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "action-name", "win.reload");
  g_assert_nonnull (retry);
  timecard_test_click (retry);
  g_assert_true (timecard_window_get_loading (window));
  g_assert_true (timecard_test_wait_until (window_loaded, window, 5000));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (retry, GTK_TYPE_REVEALER)));
  g_assert_null (timecard_test_find_label_containing (GTK_WIDGET (window), "could not be read"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = timecard_test_app_new ();

  g_test_add_func ("/ui/window/empty-state", test_window_empty_state);
  g_test_add_func ("/ui/window/actions", test_window_actions);
  g_test_add_func ("/ui/window/size-is-remembered", test_window_size_is_remembered);
  g_test_add_func ("/ui/window/load-error", test_window_load_error);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  return ret;
}
