/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-screenshots"

#include "config.h"

#include <adwaita.h>

#include "timecard-credential-page.h"
#include "timecard-credential-private.h"
#include "timecard-export-page.h"
#include "timecard-test-app.h"
#include "timecard-test-form.h"
#include "timecard-test-ui.h"

/* Renders the main states of the Authenticate screen and the overlay, in
 * the light and the dark style, at fixed sizes, to
 * G_TEST_BUILDDIR/screenshots/. The best of them are copied by hand to
 * data/screenshots/ for the metainfo and the README. */

#define WINDOW_WIDTH  960
#define WINDOW_HEIGHT 600

static TimecardApplication *app;
static ClockifySim *sim;

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* A development build stripes its header bars; the pictures show the
 * application as users get it. */
static void
undevel (GtkWidget *window)
{
  gtk_widget_remove_css_class (window, "devel");
}

static gboolean
frame_painted (gpointer data)
{
  guint *painted = data;

  return *painted >= 2;
}

static void
after_paint (GdkFrameClock *clock,
             guint         *painted)
{
  (*painted)++;
}

/* Waits until @widget has been painted in its current style. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (timecard_test_wait_until (frame_painted, &painted, 5000));
  g_signal_handler_disconnect (clock, id);
}

/* Renders @widget in both styles as NAME-light.png and NAME-dark.png,
 * checking the size of each picture. */
static void
render_both (GtkWidget  *widget,
             const char *name,
             int         width,
             int         height)
{
  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");
      g_autofree char *png = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      set_dark (dark);
      wait_for_paint (widget);
      png = timecard_test_render_png (widget, file);
      g_test_message ("rendered %s", png);

      texture = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      if (width > 0)
        g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
      if (height > 0)
        g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
    }

  set_dark (FALSE);
}

static TimecardWindow *
set_up (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);

  timecard_test_app_reset (app);
  undevel (GTK_WIDGET (window));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  return window;
}

static void
test_empty (void)
{
  TimecardWindow *window = set_up ();

  render_both (GTK_WIDGET (window), "empty", WINDOW_WIDTH, WINDOW_HEIGHT);
}

static ClockifyUser *
make_user (const char *name,
           const char *email)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\":\"5f1e3a7c9b2d4e6f8a0b1c2d\",\"status\":\"ACTIVE\"}",
                                               NULL);
  JsonObject *object = json_node_get_object (node);

  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "email", email);

  return clockify_user_new_from_json (node, NULL);
}

/* Three credentials in three states, as a user who has been at it for a
 * while sees them. Their servers are real Clockify servers, which a test
 * must not contact, so their states are set rather than checked. */
static void
add_three_credentials (TimecardCredentialStore *store)
{
  const char *key = clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autoptr(ClockifyUser) user = make_user ("Ada Lovelace", "ada.lovelace@example.com");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = g_date_time_add_minutes (now, -5);
  TimecardCredential *credential;

  credential = timecard_test_add_credential (store, "Reporting",
                                             "Nightly export for the BI team. Data up to yesterday.",
                                             "global", key, TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
  _timecard_credential_set_verified (credential, user, earlier);

  credential = timecard_test_add_credential (store, "Payroll archive",
                                             "Monthly hours for payroll, EU workspace. Refreshed on the "
                                             "first working day of each month; older months never change.",
                                             "euc1", key, TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
  _timecard_credential_set_state (credential, TIMECARD_CREDENTIAL_STATE_REJECTED,
                                  "Clockify refused the API key");

  timecard_test_add_credential (store, "Acme projects", "Client hours for invoicing, weekly.",
                                "subdomain:acme", key, TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
}

static void
test_tiles (void)
{
  TimecardWindow *window = set_up ();

  add_three_credentials (timecard_window_get_store (window));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  render_both (GTK_WIDGET (window), "tiles", WINDOW_WIDTH, WINDOW_HEIGHT);
}

static void
test_tiles_narrow (void)
{
  TimecardWindow *window = set_up ();

  add_three_credentials (timecard_window_get_store (window));
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  render_both (GTK_WIDGET (window), "tiles-narrow", -1, -1);
  gtk_window_close (GTK_WINDOW (window));
}

static TimecardCredentialDialog *
open_dialog (TimecardWindow   *window,
             TimecardTestForm *form)
{
  TimecardCredentialDialog *dialog = timecard_test_open_add_dialog (window);

  undevel (GTK_WIDGET (dialog));
  timecard_test_form_init (form, dialog);

  return dialog;
}

static void
test_dialog (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;

  dialog = open_dialog (window, &form);
  timecard_test_form_fill (&form, "Reporting", "Nightly export for the BI team. Data up to yesterday.",
                           clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER), NULL);
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  render_both (GTK_WIDGET (dialog), "dialog", -1, -1);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_dialog_error (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialDialog *dialog;
  TimecardTestForm form;
  g_autofree char *url = timecard_test_closed_port_url ();

  /* Clockify out of reach: the message, and Save Without Verifying. */
  dialog = open_dialog (window, &form);
  timecard_test_form_fill (&form, "Reporting", "Nightly export for the BI team. Data up to yesterday.",
                           clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER), url);
  timecard_test_form_save (&form);
  g_assert_cmpint (timecard_credential_dialog_get_state (dialog), ==, TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR);
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  render_both (GTK_WIDGET (dialog), "dialog-unreachable", -1, -1);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  /* A key Clockify refuses: the message under the key. */
  dialog = open_dialog (window, &form);
  timecard_test_form_fill (&form, "Reporting", "Nightly export for the BI team. Data up to yesterday.",
                           clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN),
                           clockify_sim_get_base_url (sim));
  timecard_test_form_save (&form);
  g_assert_nonnull (timecard_test_form_message_text (form.key));
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  render_both (GTK_WIDGET (dialog), "dialog-rejected", -1, -1);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_delete_confirmation (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialStore *store = timecard_window_get_store (window);
  g_autoptr(TimecardCredential) credential = NULL;
  GtkWindow *confirm;

  add_three_credentials (store);
  credential = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-credential", "s",
                                             timecard_credential_get_id (credential)));
  g_assert_true (timecard_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  confirm = timecard_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  render_both (GTK_WIDGET (confirm), "delete", -1, -1);
  gtk_window_close (confirm);
}

static gboolean
page_loaded (gpointer data)
{
  GListModel *model = timecard_credential_page_get_workspaces (data);

  return model != NULL && g_list_model_get_n_items (model) == 2;
}

static void
test_credential_page (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredential *credential;
  GtkWidget *page;

  credential = timecard_test_add_credential (timecard_window_get_store (window), "Simulator",
                                             "The test server", clockify_sim_get_base_url (sim),
                                             clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-credential", "s",
                                             timecard_credential_get_id (credential)));
  page = timecard_test_find_widget (GTK_WIDGET (window), TIMECARD_TYPE_CREDENTIAL_PAGE, NULL, NULL);
  g_assert_true (timecard_test_wait_until (page_loaded, page, 10000));
  render_both (GTK_WIDGET (window), "credential-page", WINDOW_WIDTH, WINDOW_HEIGHT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
}

static gboolean
preview_ready (gpointer data)
{
  return timecard_export_options_get_plan (data) != NULL;
}

static gboolean
exporting_entries (gpointer data)
{
  TimecardExportJob *job = timecard_export_progress_get_job (data);

  return job != NULL && timecard_export_job_get_entity (job) >= TIMECARD_EXPORT_ENTITY_TAGS;
}

static gboolean
export_done (gpointer data)
{
  return timecard_export_progress_get_state (data) == TIMECARD_EXPORT_PROGRESS_STATE_DONE;
}

/* The export options with their preview, the running export (slowed down
 * by the simulator) and its summary. */
static void
test_export_pages (void)
{
  TimecardWindow *window = set_up ();
  ClockifySimFault delay = { .kind = CLOCKIFY_SIM_FAULT_DELAY, .delay_ms = 400 };
  TimecardCredential *credential;
  TimecardExportPage *page;
  TimecardExportProgress *progress;
  GtkWidget *credential_page;

  credential = timecard_test_add_credential (timecard_window_get_store (window), "Simulator",
                                             "The test server", clockify_sim_get_base_url (sim),
                                             clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-credential", "s",
                                             timecard_credential_get_id (credential)));
  credential_page = timecard_test_find_widget (GTK_WIDGET (window), TIMECARD_TYPE_CREDENTIAL_PAGE, NULL, NULL);
  g_assert_true (timecard_test_wait_until (page_loaded, credential_page, 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-workspace", "s",
                                             clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID)));
  page = TIMECARD_EXPORT_PAGE (timecard_test_find_widget (GTK_WIDGET (window), TIMECARD_TYPE_EXPORT_PAGE,
                                                          NULL, NULL));
  g_assert_nonnull (page);
  progress = timecard_export_page_get_progress (page);

  gtk_editable_set_text (GTK_EDITABLE (timecard_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                                  "title", "From")), "2026-01-01");
  g_assert_true (timecard_test_wait_until (preview_ready, timecard_export_page_get_options (page), 10000));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  render_both (GTK_WIDGET (window), "export-options", WINDOW_WIDTH, WINDOW_HEIGHT);

  clockify_sim_add_fault (sim, &delay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.start", NULL));
  g_assert_true (timecard_test_wait_until (exporting_entries, progress, 20000));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  render_both (GTK_WIDGET (window), "export-running", WINDOW_WIDTH, WINDOW_HEIGHT);

  clockify_sim_clear_faults (sim);
  g_assert_true (timecard_test_wait_until (export_done, progress, 20000));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  render_both (GTK_WIDGET (window), "export-done", WINDOW_WIDTH, WINDOW_HEIGHT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  sim = timecard_test_sim_new ();
  app = timecard_test_app_new ();

  /* The window opens at the pictures' size (GSettings is in memory here). */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", WINDOW_WIDTH);
  g_settings_set_int (settings, "window-height", WINDOW_HEIGHT);

  g_test_add_func ("/ui/screenshots/empty", test_empty);
  g_test_add_func ("/ui/screenshots/tiles", test_tiles);
  g_test_add_func ("/ui/screenshots/dialog", test_dialog);
  g_test_add_func ("/ui/screenshots/dialog-error", test_dialog_error);
  g_test_add_func ("/ui/screenshots/delete-confirmation", test_delete_confirmation);
  g_test_add_func ("/ui/screenshots/credential-page", test_credential_page);
  g_test_add_func ("/ui/screenshots/export-pages", test_export_pages);
  g_test_add_func ("/ui/screenshots/tiles-narrow", test_tiles_narrow);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  clockify_sim_stop (sim);
  g_object_unref (sim);
  return ret;
}
