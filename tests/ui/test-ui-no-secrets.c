/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-no-secrets"

#include "config.h"

#include <adwaita.h>

#include "timecard-test-app.h"
#include "timecard-test-form.h"
#include "timecard-test-ui.h"

/* Runs in a session whose bus has no Secret Service
 * (TIMECARD_SESSION=no-secrets): Timecard must say so clearly, store
 * nothing and keep what the user typed. */

static TimecardApplication *app;
static ClockifySim *sim;

static void
test_add_without_secret_service (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);
  TimecardCredentialStore *store = timecard_window_get_store (window);
  const char *key = clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER);
  TimecardCredentialDialog *dialog;
  g_autofree char *contents = NULL;
  TimecardTestForm form;
  GtkWidget *message;

  g_assert_cmpstr (g_getenv ("TIMECARD_SESSION"), ==, "no-secrets");

  /* The window says at start-up that keys cannot be used. */
  message = timecard_test_find_label_containing (GTK_WIDGET (window), "keyring is not available");
  g_assert_nonnull (message);
  g_test_message ("banner: %s", gtk_label_get_text (GTK_LABEL (message)));

  dialog = timecard_test_open_add_dialog (window);
  timecard_test_form_init (&form, dialog);
  timecard_test_form_fill (&form, "Reporting", "Nightly", key, clockify_sim_get_base_url (sim));
  timecard_test_form_save (&form);

  /* Clockify accepted the key, the keyring could not take it. */
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/user", 200), ==, 1);
  g_assert_true (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR);
  message = timecard_test_find_label_containing (GTK_WIDGET (dialog), "The keyring is not available");
  g_assert_nonnull (message);
  g_test_message ("dialog: %s", gtk_label_get_text (GTK_LABEL (message)));
  g_assert_false (gtk_widget_is_drawable (form.save_unverified));

  /* Nothing stored; the form keeps what was typed, ready to try again. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  if (g_file_get_contents (timecard_credential_store_get_path (store), &contents, NULL, NULL))
    g_assert_null (strstr (contents, "Reporting"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.name)), ==, "Reporting");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.description)), ==, "Nightly");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.key)), ==, key);
  g_assert_true (gtk_widget_is_sensitive (form.name));
  g_assert_true (gtk_widget_is_sensitive (form.save));

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_nonnull (timecard_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                               "title", "No credentials yet"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  sim = timecard_test_sim_new ();
  app = timecard_test_app_new ();

  g_test_add_func ("/ui/no-secrets/add", test_add_without_secret_service);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  clockify_sim_stop (sim);
  g_object_unref (sim);
  return ret;
}
