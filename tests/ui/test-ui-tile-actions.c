/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-tile-actions"

#include "config.h"

#include <adwaita.h>

#include "timecard-credential-page.h"
#include "timecard-credential-tile.h"
#include "timecard-secret.h"
#include "timecard-test-app.h"
#include "timecard-test-form.h"
#include "timecard-test-ui.h"

/* What the tiles do: their states, Edit, Verify Again, Delete, the context
 * menu and the credential's page. */

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

static TimecardCredential *
add_verified (TimecardCredentialStore *store,
              const char              *name,
              ClockifySimKey           key)
{
  TimecardCredential *credential;

  credential = timecard_test_add_credential (store, name, "Monthly payroll export",
                                             clockify_sim_get_base_url (sim),
                                             clockify_sim_get_key (sim, key),
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY);
  clockify_sim_clear_log (sim);

  return credential;
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

static TimecardCredentialDialog *
open_edit_dialog (TimecardWindow     *window,
                  TimecardCredential *credential,
                  TimecardTestForm   *form)
{
  TimecardCredentialDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-credential", "s",
                                             timecard_credential_get_id (credential)));
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  dialog = TIMECARD_CREDENTIAL_DIALOG (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_true (timecard_credential_dialog_get_credential (dialog) == credential);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Credential");
  timecard_test_form_init (form, dialog);

  return dialog;
}

static void
test_edit_keeps_key (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *credential = add_verified (store, "Payroll", CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *stored_key = NULL;
  TimecardTestForm form;
  GtkWidget *tile;

  open_edit_dialog (window, credential, &form);

  /* Pre-filled, except the key, which stays in the keyring. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.name)), ==, "Payroll");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.description)), ==, "Monthly payroll export");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.custom)), ==, clockify_sim_get_base_url (sim));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form.key)), ==, "");
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (form.dialog), "keep the stored key"));
  g_assert_cmpint (timecard_credential_dialog_get_state (form.dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_READY);

  gtk_editable_set_text (GTK_EDITABLE (form.name), "Payroll & HR");
  gtk_editable_set_text (GTK_EDITABLE (form.description), "Weekly; data up to Friday");
  timecard_test_form_save (&form);
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  g_assert_cmpstr (timecard_credential_get_name (credential), ==, "Payroll & HR");
  g_assert_cmpstr (timecard_credential_get_description (credential), ==, "Weekly; data up to Friday");
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  stored_key = timecard_test_lookup_key (timecard_credential_get_id (credential));
  g_assert_cmpstr (stored_key, ==, clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER));
  g_assert_cmpuint (timecard_test_count_keys (), ==, 1);

  /* Nothing about the key changed, so Clockify was not asked. */
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);

  tile = timecard_window_find_tile (window, credential);
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Payroll & HR"));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Weekly; data up to Friday"));
  assert_toast (window, "Credential saved");
}

static void
test_edit_replaces_key (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *credential = add_verified (store, "Payroll", CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *member_email = timecard_test_sim_user_field (sim, CLOCKIFY_SIM_KEY_MEMBER, "email");
  g_autofree char *stored_key = NULL;
  g_autoptr(GPtrArray) log = NULL;
  ClockifySimRequest *request;
  TimecardTestForm form;

  open_edit_dialog (window, credential, &form);
  gtk_editable_set_text (GTK_EDITABLE (form.key), clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));
  timecard_test_form_save (&form);
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  /* The new key was verified and replaced the old one. */
  stored_key = timecard_test_lookup_key (timecard_credential_get_id (credential));
  g_assert_cmpstr (stored_key, ==, clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));
  g_assert_cmpuint (timecard_test_count_keys (), ==, 1);
  g_assert_cmpstr (timecard_credential_get_user_email (credential), ==, member_email);
  g_assert_nonnull (timecard_test_find_label_containing (timecard_window_find_tile (window, credential),
                                                         member_email));

  log = clockify_sim_dup_log (sim);
  g_assert_cmpuint (log->len, ==, 1);
  request = g_ptr_array_index (log, 0);
  g_assert_cmpstr (request->path, ==, "/api/v1/user");
  g_assert_cmpstr (request->key_id, ==, "member");
}

static void
test_edit_rejected_key_keeps_old (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *credential = add_verified (store, "Payroll", CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *stored_key = NULL;
  TimecardTestForm form;

  open_edit_dialog (window, credential, &form);
  gtk_editable_set_text (GTK_EDITABLE (form.key), clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN));
  timecard_test_form_save (&form);

  g_assert_cmpint (timecard_credential_dialog_get_state (form.dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR);
  g_assert_nonnull (strstr (timecard_test_form_message_text (form.key), "refused"));
  stored_key = timecard_test_lookup_key (timecard_credential_get_id (credential));
  g_assert_cmpstr (stored_key, ==, clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER));

  /* Escape closes without storing. */
  timecard_test_press (form.key, "Escape");
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_cmpint (timecard_credential_get_state (credential), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
}

/* Clicks a response button of the confirmation, as the user does. */
static void
respond (const char *label)
{
  GtkWindow *confirm = timecard_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *button = timecard_test_find_widget (GTK_WIDGET (confirm), GTK_TYPE_BUTTON, "label", label);

  g_assert_nonnull (button);
  timecard_test_click (button);
  g_assert_true (timecard_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_delete (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *keep = add_verified (store, "Archive", CLOCKIFY_SIM_KEY_MEMBER);
  g_autoptr(TimecardCredential) credential = g_object_ref (add_verified (store, "Payroll",
                                                                         CLOCKIFY_SIM_KEY_OWNER));
  g_autofree char *id = g_strdup (timecard_credential_get_id (credential));
  g_autofree char *contents = NULL;
  g_autofree char *stored_key = NULL;
  AdwMessageDialog *confirm;
  GtkWidget *tile;

  tile = timecard_window_find_tile (window, credential);
  g_assert_nonnull (tile);

  /* Cancel keeps everything. */
  g_assert_true (gtk_widget_activate_action (tile, "tile.delete", NULL));
  g_assert_true (timecard_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  confirm = ADW_MESSAGE_DIALOG (timecard_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Delete “Payroll”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "cancel");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "cannot be undone"));
  respond ("_Cancel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  /* Delete removes the tile, the metadata and the key. */
  g_assert_true (gtk_widget_activate_action (tile, "tile.delete", NULL));
  g_assert_true (timecard_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  respond ("_Delete");
  assert_toast (window, "“Payroll” deleted");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_null (timecard_window_find_tile (window, credential));
  g_assert_nonnull (timecard_window_find_tile (window, keep));
  g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (window), "Archive"));
  g_assert_null (timecard_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "label", "Payroll"));

  stored_key = timecard_test_lookup_key (id);
  g_assert_null (stored_key);
  g_assert_cmpuint (timecard_test_count_keys (), ==, 1);
  g_assert_true (g_file_get_contents (timecard_credential_store_get_path (store), &contents, NULL, NULL));
  g_assert_null (strstr (contents, id));
  g_assert_nonnull (strstr (contents, timecard_credential_get_id (keep)));

  /* The last one goes: the empty state returns. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-credential", "s",
                                             timecard_credential_get_id (keep)));
  g_assert_true (timecard_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  respond ("_Delete");
  assert_toast (window, "“Archive” deleted");
  g_assert_nonnull (timecard_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                               "title", "No credentials yet"));
  g_assert_cmpuint (timecard_test_count_keys (), ==, 0);
}

static gboolean
tile_idle (gpointer data)
{
  return !timecard_credential_tile_get_busy (data);
}

static void
test_states_and_verify_again (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *unverified;
  TimecardCredential *rejected;
  TimecardCredential *missing;
  g_autoptr(GAsyncResult) result = NULL;
  TimecardTestAsync async = { NULL };
  GtkWidget *tile;

  unverified = timecard_test_add_credential (store, "Unverified", NULL, clockify_sim_get_base_url (sim),
                                             clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
  rejected = timecard_test_add_credential (store, "Rejected", NULL, clockify_sim_get_base_url (sim),
                                           clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN),
                                           TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
  missing = timecard_test_add_credential (store, "Missing", NULL, "euc1",
                                          clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                          TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);

  /* A key that left the keyring behind Timecard's back shows at the next load. */
  timecard_secret_clear_async (timecard_credential_get_id (missing), NULL, timecard_test_async_done, &async);
  result = timecard_test_async_wait (&async);
  g_assert_true (timecard_secret_clear_finish (result, NULL));
  timecard_test_window_reload (window);

  tile = timecard_window_find_tile (window, missing);
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Key missing — edit to enter it again"));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "EU data region"));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "No description"));

  tile = timecard_window_find_tile (window, unverified);
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Not verified"));

  /* Verify Again on a key Clockify does not know. */
  tile = timecard_window_find_tile (window, rejected);
  g_assert_true (gtk_widget_activate_action (tile, "tile.verify", NULL));
  g_assert_true (timecard_credential_tile_get_busy (TIMECARD_CREDENTIAL_TILE (tile)));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Verifying…"));
  g_assert_true (timecard_test_wait_until (tile_idle, tile, 10000));
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Key rejected — edit to replace"));
  assert_toast (window, "Clockify refused the key of “Rejected”");

  /* Verify Again on a good one. */
  tile = timecard_window_find_tile (window, unverified);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify-credential", "s",
                                             timecard_credential_get_id (unverified)));
  g_assert_true (timecard_test_wait_until (tile_idle, tile, 10000));
  g_assert_cmpint (timecard_credential_get_state (unverified), ==, TIMECARD_CREDENTIAL_STATE_VERIFIED);
  g_assert_nonnull (timecard_test_find_label_containing (tile, "Verified just now"));
  assert_toast (window, "“Unverified” is verified");
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/user", -1), ==, 2);

  /* Editing a credential whose key is missing asks for the key. */
  {
    TimecardTestForm form;

    open_edit_dialog (window, missing, &form);
    g_assert_nonnull (timecard_test_find_label_containing (GTK_WIDGET (form.dialog), "missing: enter it again"));
    g_assert_cmpint (timecard_credential_dialog_get_state (form.dialog), ==,
                     TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (form.dialog)) != NULL);
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (form.dialog)), form.key));
    gtk_window_close (GTK_WINDOW (form.dialog));
  }
}

static void
test_context_menu (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *credential = add_verified (store, "Payroll", CLOCKIFY_SIM_KEY_OWNER);
  GtkWidget *tile = timecard_window_find_tile (window, credential);
  GtkWidget *button;
  GtkWidget *popover;
  GMenuModel *menu;
  g_autofree char *label = NULL;

  /* The menu button on the tile. */
  button = timecard_test_find_widget (tile, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Credential Menu");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_menu_model_get_item_attribute (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION), 0,
                                   G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_cmpstr (label, ==, "_Edit…");

  /* Right click (or long press) opens the same menu where the pointer is. */
  timecard_credential_tile_popup_menu (TIMECARD_CREDENTIAL_TILE (tile), 20, 20);
  popover = gtk_widget_get_last_child (tile);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == menu);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Its items are the tile's actions. */
  g_assert_true (gtk_widget_activate_action (popover, "tile.edit", NULL));
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG)),
                   ==, "Edit Credential");
  gtk_window_close (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
}

static gboolean
page_shows_workspaces (gpointer data)
{
  GListModel *model = timecard_credential_page_get_workspaces (data);

  return model != NULL && g_list_model_get_n_items (model) == 2;
}

static void
test_open_page (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  TimecardCredential *credential = add_verified (store, "Payroll", CLOCKIFY_SIM_KEY_OWNER);
  GtkWidget *tile = timecard_window_find_tile (window, credential);
  g_autofree char *user_name = timecard_test_sim_user_field (sim, CLOCKIFY_SIM_KEY_OWNER, "name");
  g_autoptr(JsonNode) workspaces = NULL;
  JsonArray *array;
  AdwLeaflet *leaflet;
  GtkWidget *page;

  /* Activating the tile slides in the credential's page. */
  g_signal_emit_by_name (tile, "activate");
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (tile, ADW_TYPE_LEAFLET));
  page = adw_leaflet_get_visible_child (leaflet);
  g_assert_true (TIMECARD_IS_CREDENTIAL_PAGE (page));
  g_assert_true (timecard_credential_page_get_credential (TIMECARD_CREDENTIAL_PAGE (page)) == credential);

  /* It shows the Clockify user and the workspaces. */
  g_assert_true (timecard_test_wait_until (page_shows_workspaces, page, 10000));
  g_assert_nonnull (timecard_test_find_widget (page, ADW_TYPE_ACTION_ROW, "title", user_name));
  workspaces = clockify_sim_dup_entities (sim, clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID),
                                          "workspaces");
  array = json_node_get_array (workspaces);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (array, i), "name");

      g_test_message ("workspace %s", name);
      g_assert_nonnull (timecard_test_find_widget (page, ADW_TYPE_ACTION_ROW, "title", name));
    }
  g_assert_nonnull (timecard_test_find_label_containing (page, "Free plan"));
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/user", 200), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests (sim, "GET", "/api/v1/workspaces", 200), >=, 1);
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (sim, "owner"), ==, 0);

  /* Back to the tiles, with the tile focused again. */
  g_assert_true (gtk_widget_activate_action (page, "win.go-back", NULL));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != page);
  g_assert_true (gtk_widget_is_ancestor (tile, adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == tile);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  sim = timecard_test_sim_new ();
  app = timecard_test_app_new ();

  g_test_add_func ("/ui/tiles/edit-keeps-key", test_edit_keeps_key);
  g_test_add_func ("/ui/tiles/edit-replaces-key", test_edit_replaces_key);
  g_test_add_func ("/ui/tiles/edit-rejected-key-keeps-old", test_edit_rejected_key_keeps_old);
  g_test_add_func ("/ui/tiles/delete", test_delete);
  g_test_add_func ("/ui/tiles/states-and-verify-again", test_states_and_verify_again);
  g_test_add_func ("/ui/tiles/context-menu", test_context_menu);
  g_test_add_func ("/ui/tiles/open-page", test_open_page);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  clockify_sim_stop (sim);
  g_object_unref (sim);
  return ret;
}
