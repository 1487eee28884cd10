/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-credentials"

#include "config.h"

#include <adwaita.h>

#include "timecard-credential-tile.h"
#include "timecard-test-app.h"
#include "timecard-test-form.h"
#include "timecard-test-ui.h"

/* The "Add New Credential" overlay, driven through its widgets against the
 * simulator and the private session's keyring. */

static TimecardApplication *app;
static ClockifySim *sim;

static TimecardWindow *
set_up (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);

  timecard_test_app_reset (app);
  clockify_sim_clear_faults (sim);
  clockify_sim_clear_log (sim);

  return window;
}

static gboolean
toast_shown (gpointer data)
{
  return timecard_test_find_label_containing (data, g_object_get_data (G_OBJECT (data), "toast")) != NULL;
}

static void
assert_toast (TimecardWindow *window,
              const char     *text)
{
  g_object_set_data_full (G_OBJECT (window), "toast", g_strdup (text), g_free);
  g_assert_true (timecard_test_wait_until (toast_shown, window, 5000));
}

static void
test_add_verified (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  const char *key = clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *email = timecard_test_sim_user_field (sim, CLOCKIFY_SIM_KEY_OWNER, "email");
  g_autofree char *stored_key = NULL;
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GPtrArray) log = NULL;
  ClockifySimRequest *request;
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;
  GtkWidget *tile;
  GtkWidget *label;

  dialog = timecard_test_open_add_dialog (window);
  timecard_test_form_init (&form, dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add New Credential");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == form.save);
  g_assert_true (gtk_widget_has_css_class (form.save, "suggested-action"));

  /* Nothing typed: nothing to save, and no message shouted yet. */
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE);
  g_assert_false (gtk_widget_is_sensitive (form.save));
  g_assert_null (timecard_test_form_message_text (form.name));
  g_assert_null (timecard_test_form_message_text (form.key));

  timecard_test_form_fill (&form, "Reporting", "Nightly export for the BI team; data up to yesterday",
                           key, clockify_sim_get_base_url (sim));
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_READY);
  g_assert_true (gtk_widget_is_sensitive (form.save));

  timecard_test_form_save (&form);

  /* Verified, stored, closed; the tile is there with the user's email. */
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (timecard_credential_get_name (credential), ==, "Reporting");
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_cmpstr (timecard_credential_get_user_email (credential), ==, email);

  tile = timecard_window_find_tile (window, credential);
  g_assert_nonnull (tile);
  g_assert_true (gtk_widget_is_drawable (tile));
  g_assert_true (gtk_widget_has_css_class (tile, "card"));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Reporting"));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Nightly export"));
  g_assert_nonnull (timecard_test_find_label_containing (tile, email));
  label = timecard_test_find_label_containing (tile, "Verified");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Verified just now");
  g_assert_nonnull (timecard_test_find_label_containing (tile, "127.0.0.1"));

  /* The new tile takes the focus, and a toast confirms. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == tile);
  assert_toast (window, "Credential saved");

  /* The keyring holds the key; Clockify was asked exactly once, with it. */
  stored_key = timecard_test_lookup_key (timecard_credential_get_id (credential));
  g_assert_cmpstr (stored_key, ==, key);
  g_assert_cmpuint (timecard_test_count_keys (), ==, 1);

  log = clockify_sim_dup_log (sim);
  g_assert_cmpuint (log->len, ==, 1);
  request = g_ptr_array_index (log, 0);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, "/api/v1/user");
  g_assert_cmpstr (request->key_id, ==, "owner");
  g_assert_cmpuint (request->status, ==, 200);
}

static void
assert_invalid (TimecardTestForm *form,
                GtkWidget        *row,
                const char       *expected)
{
  const char *message = timecard_test_form_message_text (row);

  g_test_message ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, expected));
  g_assert_cmpint (timecard_credential_dialog_get_state (form->dialog), ==,
                   TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE);
  g_assert_false (gtk_widget_is_sensitive (form->save));
}

static void
assert_valid (TimecardTestForm *form,
              GtkWidget        *row)
{
  g_assert_null (timecard_test_form_message_text (row));
  g_assert_cmpint (timecard_credential_dialog_get_state (form->dialog), ==,
                   TIMECARD_CREDENTIAL_DIALOG_STATE_READY);
  g_assert_true (gtk_widget_is_sensitive (form->save));
}

static void
test_validation (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  const char *key = clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *long_name = g_strnfill (101, 'n');
  g_autofree char *long_description = g_strnfill (1001, 'd');
  g_autofree char *preview = NULL;
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;
  GtkWidget *label;
  GtkWidget *help;

  timecard_test_add_credential (store, "Finance", NULL, "global", key, TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);

  dialog = timecard_test_open_add_dialog (window);
  timecard_test_form_init (&form, dialog);
  timecard_test_form_fill (&form, "Reporting", "", key, NULL);
  assert_valid (&form, form.name);

  /* Name */
  gtk_editable_set_text (GTK_EDITABLE (form.name), "");
  assert_invalid (&form, form.name, "Enter a name");
  gtk_editable_set_text (GTK_EDITABLE (form.name), "Tab\there");
  assert_invalid (&form, form.name, "control characters");
  gtk_editable_set_text (GTK_EDITABLE (form.name), long_name);
  assert_invalid (&form, form.name, "too long");
  gtk_editable_set_text (GTK_EDITABLE (form.name), "  fINANCE ");
  assert_invalid (&form, form.name, "“Finance” already exists");
  gtk_editable_set_text (GTK_EDITABLE (form.name), "Reporting");
  assert_valid (&form, form.name);

  /* Description */
  gtk_editable_set_text (GTK_EDITABLE (form.description), long_description);
  assert_invalid (&form, form.description, "too long");
  gtk_editable_set_text (GTK_EDITABLE (form.description), "Weekly, for payroll");
  assert_valid (&form, form.description);

  /* Key */
  gtk_editable_set_text (GTK_EDITABLE (form.key), "");
  assert_invalid (&form, form.key, "Enter the API key");
  gtk_editable_set_text (GTK_EDITABLE (form.key), "short");
  assert_invalid (&form, form.key, "too short");
  gtk_editable_set_text (GTK_EDITABLE (form.key), "abcdefgh ijklmnopqrst");
  assert_invalid (&form, form.key, "spaces");
  gtk_editable_set_text (GTK_EDITABLE (form.key), key);
  assert_valid (&form, form.key);

  /* Subdomain: the address shows as it is typed. */
  timecard_test_form_choose_server (&form, "Dedicated Subdomain");
  g_assert_true (gtk_widget_is_drawable (form.subdomain));
  g_assert_null (timecard_test_form_message_text (form.subdomain));
  g_assert_false (gtk_widget_is_sensitive (form.save));
  gtk_editable_set_text (GTK_EDITABLE (form.subdomain), "acme corp");
  assert_invalid (&form, form.subdomain, "not spaces");
  gtk_editable_set_text (GTK_EDITABLE (form.subdomain), "-acme");
  assert_invalid (&form, form.subdomain, "hyphen");
  gtk_editable_set_text (GTK_EDITABLE (form.subdomain), "");
  assert_invalid (&form, form.subdomain, "Enter the subdomain");
  gtk_editable_set_text (GTK_EDITABLE (form.subdomain), "Acme");
  assert_valid (&form, form.subdomain);
  label = timecard_test_find_label_containing (GTK_WIDGET (dialog), "https://acme.clockify.me");
  g_assert_nonnull (label);
  preview = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_assert_cmpstr (preview, ==, "https://acme.clockify.me");
  /* The help, with a link to where keys are made on the chosen server. */
  help = timecard_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                    "title", "How to Get an API Key");
  g_assert_nonnull (help);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (help), TRUE);
  g_assert_nonnull (timecard_test_find_label_containing (help, "Profile settings"));
  g_assert_nonnull (timecard_test_find_label_containing (help, "only once"));
  g_assert_nonnull (timecard_test_find_label_containing (help, "https://acme.clockify.me/user/settings"));

  gtk_editable_set_text (GTK_EDITABLE (form.subdomain), "https://globex.clockify.me/");
  assert_valid (&form, form.subdomain);
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (dialog), "https://globex.clockify.me"));
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (dialog),
                                                         "https://globex.clockify.me/user/settings"));

  /* Custom URL, under Advanced */
  timecard_test_form_choose_server (&form, "Custom Server");
  g_assert_false (gtk_widget_is_drawable (form.subdomain));
  g_assert_true (gtk_widget_is_sensitive (form.custom));
  gtk_editable_set_text (GTK_EDITABLE (form.custom), "ftp://clockify.example.com");
  assert_invalid (&form, form.custom, "https://");
  gtk_editable_set_text (GTK_EDITABLE (form.custom), "http://clockify.example.com");
  assert_invalid (&form, form.custom, "https");
  gtk_editable_set_text (GTK_EDITABLE (form.custom), "https://clockify.example.com/");
  assert_valid (&form, form.custom);
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (dialog),
                                                         "https://clockify.example.com/api/v1"));

  /* A data region needs nothing typed. */
  timecard_test_form_choose_server (&form, "Data Region");
  assert_valid (&form, form.name);
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (dialog),
                                                         "https://euc1.clockify.me/user/settings"));

  /* Cancel closes without storing anything; nothing reached Clockify. */
  timecard_test_click (form.cancel);
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpuint (timecard_test_count_keys (), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
}

static void
test_rejected (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;
  const char *message;

  dialog = timecard_test_open_add_dialog (window);
  timecard_test_form_init (&form, dialog);
  timecard_test_form_fill (&form, "Old key", "", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN),
                           clockify_sim_get_base_url (sim));
  timecard_test_form_save (&form);

  /* The dialog stays, says why under the key, and stores nothing. */
  g_assert_true (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR);
  message = timecard_test_form_message_text (form.key);
  g_test_message ("rejected: %s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "refused the API key"));
  g_assert_true (gtk_widget_is_sensitive (form.key));
  g_assert_false (gtk_widget_is_drawable (form.save_unverified));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (timecard_test_count_keys (), ==, 0);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/user", 401), ==, 1);

  /* A new key clears the message and the form is ready again. */
  gtk_editable_set_text (GTK_EDITABLE (form.key), clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));
  g_assert_null (timecard_test_form_message_text (form.key));
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_READY);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_unreachable (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  const char *key = clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *url = timecard_test_closed_port_url ();
  g_autofree char *stored_key = NULL;
  g_autoptr(TimecardCredential) credential = NULL;
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;
  GtkWidget *tile;

  dialog = timecard_test_open_add_dialog (window);
  g_object_ref (dialog);
  timecard_test_form_init (&form, dialog);
  timecard_test_form_fill (&form, "Offline", "", key, url);
  timecard_test_form_save (&form);

  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR);
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (dialog), "could not be reached"));
  g_assert_true (gtk_widget_is_drawable (form.save_unverified));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (timecard_test_count_keys (), ==, 0);

  /* Save Without Verifying stores it; the tile says it is unverified. */
  timecard_test_click (form.save_unverified);
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_DONE);
  g_object_unref (dialog);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_UNVERIFIED);
  stored_key = timecard_test_lookup_key (timecard_credential_get_id (credential));
  g_assert_cmpstr (stored_key, ==, key);

  tile = timecard_window_find_tile (window, credential);
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Not verified"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == tile);
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
}

typedef struct
{
  ClockifySim *sim;
  gboolean     aborted;
} LogCheck;

static gboolean
request_arrived (gpointer data)
{
  return clockify_sim_count_requests (data, "GET", "/api/v1/user", -1) == 1;
}

static gboolean
request_ended (gpointer data)
{
  LogCheck *check = data;
  g_autoptr(GPtrArray) log = clockify_sim_dup_log (check->sim);
  ClockifySimRequest *request;

  g_assert_cmpuint (log->len, ==, 1);
  request = g_ptr_array_index (log, 0);
  check->aborted = request->aborted;

  return request->aborted || request->finished;
}

static void
test_cancel_while_verifying (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  ClockifySimFault fault = {
    .kind = CLOCKIFY_SIM_FAULT_DELAY,
    .path_substring = "/user",
    .delay_ms = 1500,
  };
  LogCheck check = { sim, FALSE };
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;

  clockify_sim_add_fault (sim, &fault);

  dialog = timecard_test_open_add_dialog (window);
  timecard_test_form_init (&form, dialog);
  timecard_test_form_fill (&form, "Slow", "", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                           clockify_sim_get_base_url (sim));
  timecard_test_click (form.save);
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY);
  g_assert_true (timecard_test_wait_until (request_arrived, sim, 5000));

  /* Cancel aborts the request and closes the dialog. */
  timecard_test_click (form.cancel);
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  /* The simulator sees the connection go before it answers. */
  g_assert_true (timecard_test_wait_until (request_ended, &check, 5000));
  g_assert_true (check.aborted);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (timecard_test_count_keys (), ==, 0);
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

  g_test_add_func ("/ui/credentials/add-verified", test_add_verified);
  g_test_add_func ("/ui/credentials/validation", test_validation);
  g_test_add_func ("/ui/credentials/rejected", test_rejected);
  g_test_add_func ("/ui/credentials/unreachable", test_unreachable);
  g_test_add_func ("/ui/credentials/cancel-while-verifying", test_cancel_while_verifying);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  clockify_sim_stop (sim);
  g_object_unref (sim);
  return ret;
}
