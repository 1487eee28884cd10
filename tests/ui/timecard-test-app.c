/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-test-app"

#include "config.h"

#include "timecard-test-app.h"

#include "timecard-secret.h"
#include "timecard-test-ui.h"

/* The application under test and its surroundings: the Clockify simulator,
 * the keyring of the private session and the credentials file. */

void
timecard_test_async_done (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  TimecardTestAsync *async = user_data;

  g_assert_null (async->result);
  async->result = g_object_ref (result);
}

static gboolean
async_finished (gpointer data)
{
  TimecardTestAsync *async = data;

  return async->result != NULL;
}

/**
 * timecard_test_async_wait:
 *
 * Returns: (transfer full): the result, once the call finished
 */
GAsyncResult *
timecard_test_async_wait (TimecardTestAsync *async)
{
  g_assert_true (timecard_test_wait_until (async_finished, async, 20000));

  return g_steal_pointer (&async->result);
}

/**
 * timecard_test_app_new:
 *
 * Returns: (transfer full): the application, registered
 */
TimecardApplication *
timecard_test_app_new (void)
{
  g_autoptr(TimecardApplication) app = timecard_application_new ();
  g_autoptr(GError) error = NULL;

  /* Animations would only slow the tests down. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&app);
}

static gboolean
window_ready (gpointer data)
{
  TimecardWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) && !timecard_window_get_loading (window);
}

/**
 * timecard_test_app_open_window:
 *
 * Activates the application and waits for its window to show the loaded
 * credentials.
 *
 * Returns: (transfer none): the main window
 */
TimecardWindow *
timecard_test_app_open_window (TimecardApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (TIMECARD_IS_WINDOW (window));
  g_assert_true (timecard_test_wait_until (window_ready, window, 10000));

  return TIMECARD_WINDOW (window);
}

/**
 * timecard_test_window_reload:
 *
 * Activates `win.reload` (the banner's Retry) and waits for the load.
 */
void
timecard_test_window_reload (TimecardWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (timecard_window_get_loading (window));
  g_assert_true (timecard_test_wait_until (window_ready, window, 10000));
}

/**
 * timecard_test_app_reset:
 *
 * Closes every window but the main one and removes every credential with
 * its key, so that each test starts from nothing.
 */
void
timecard_test_app_reset (TimecardApplication *app)
{
  TimecardCredentialStore *store = timecard_application_get_store (app);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *main_window = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != main_window && gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_destroy (window);
    }

  while (g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    {
      g_autoptr(TimecardCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), 0);
      TimecardTestAsync async = { NULL };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      timecard_credential_store_remove_async (store, credential, NULL, timecard_test_async_done, &async);
      result = timecard_test_async_wait (&async);
      g_assert_true (timecard_credential_store_remove_finish (store, result, &error));
      g_assert_no_error (error);
    }
}

/**
 * timecard_test_app_quit:
 *
 * Destroys every window and drops the application.
 */
void
timecard_test_app_quit (TimecardApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  /* Let cancelled operations report back before the objects go. */
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);

  g_object_unref (app);
}

/**
 * timecard_test_find_toplevel:
 * @type: a #GtkWindow type
 *
 * Returns: (transfer none) (nullable): the first visible toplevel of @type
 */
GtkWindow *
timecard_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = timecard_test_find_toplevel ((GType) GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer data)
{
  return timecard_test_find_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

gboolean
timecard_test_wait_for_toplevel (GType type)
{
  return timecard_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (type), 5000);
}

gboolean
timecard_test_wait_for_no_toplevel (GType type)
{
  return timecard_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (type), 10000);
}

/**
 * timecard_test_open_add_dialog:
 *
 * Activates `win.add-credential` and waits for the dialog.
 *
 * Returns: (transfer none): the dialog
 */
TimecardCredentialDialog *
timecard_test_open_add_dialog (TimecardWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-credential", NULL));
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  return TIMECARD_CREDENTIAL_DIALOG (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
}

/**
 * timecard_test_lookup_key:
 *
 * Returns: (transfer full) (nullable): the key the keyring holds for the
 *   credential, or %NULL
 */
char *
timecard_test_lookup_key (const char *credential_id)
{
  TimecardTestAsync async = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  timecard_secret_lookup_async (credential_id, NULL, timecard_test_async_done, &async);
  result = timecard_test_async_wait (&async);
  key = timecard_secret_lookup_finish (result, &error);
  g_assert_no_error (error);

  return key;
}

/**
 * timecard_test_count_keys:
 *
 * Returns: how many Timecard keys the keyring holds
 */
guint
timecard_test_count_keys (void)
{
  TimecardTestAsync async = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) items = NULL;

  timecard_secret_list_async (NULL, FALSE, NULL, timecard_test_async_done, &async);
  result = timecard_test_async_wait (&async);
  items = timecard_secret_list_finish (result, &error);
  g_assert_no_error (error);

  return g_hash_table_size (items);
}

/**
 * timecard_test_add_credential:
 *
 * Adds a credential through the store, as another part of Timecard would.
 *
 * Returns: (transfer none): the credential
 */
TimecardCredential *
timecard_test_add_credential (TimecardCredentialStore      *store,
                              const char                   *name,
                              const char                   *description,
                              const char                   *server_text,
                              const char                   *key,
                              TimecardCredentialStoreFlags  flags)
{
  g_autoptr(ClockifyServer) server = NULL;
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TimecardTestAsync async = { NULL };

  server = clockify_server_parse (server_text, &error);
  g_assert_no_error (error);

  timecard_credential_store_add_async (store, name, description, server, key, flags, NULL,
                                       timecard_test_async_done, &async);
  result = timecard_test_async_wait (&async);
  credential = timecard_credential_store_add_finish (store, result, &error);
  g_assert_no_error (error);

  return credential;
}

/**
 * timecard_test_verify_credential:
 *
 * Returns: whether Clockify (the simulator) accepted the key
 */
gboolean
timecard_test_verify_credential (TimecardCredentialStore *store,
                                 TimecardCredential      *credential)
{
  g_autoptr(GAsyncResult) result = NULL;
  TimecardTestAsync async = { NULL };

  timecard_credential_store_verify_async (store, credential, NULL, timecard_test_async_done, &async);
  result = timecard_test_async_wait (&async);

  return timecard_credential_store_verify_finish (store, result, NULL);
}

/**
 * timecard_test_sim_new:
 *
 * Returns: (transfer full): a started simulator with the default data set
 */
ClockifySim *
timecard_test_sim_new (void)
{
  g_autoptr(ClockifySim) sim = clockify_sim_new (NULL);
  g_autoptr(GError) error = NULL;

  clockify_sim_start (sim, &error);
  g_assert_no_error (error);
  /* The UI tests are about the UI: no rate limits in the way. */
  clockify_sim_set_rate_limit (sim, 0);

  return g_steal_pointer (&sim);
}

/**
 * timecard_test_sim_user_field:
 * @field: "name" or "email"
 *
 * Returns: (transfer full): a field of the user behind @key
 */
char *
timecard_test_sim_user_field (ClockifySim    *sim,
                              ClockifySimKey  key,
                              const char     *field)
{
  const char *workspace = clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID);
  const char *user_id = clockify_sim_get_user_id (sim, key);
  g_autoptr(JsonNode) users = clockify_sim_dup_entities (sim, workspace, "users");
  JsonArray *array = json_node_get_array (users);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *user = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (user, "id"), user_id) == 0)
        return g_strdup (json_object_get_string_member (user, field));
    }

  g_assert_not_reached ();
}

/**
 * timecard_test_closed_port_url:
 *
 * Returns: (transfer full): `http://127.0.0.1:PORT` where nothing listens
 */
char *
timecard_test_closed_port_url (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  /* Bind a free port, note it and close it again: connections are refused. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u", port);
}
