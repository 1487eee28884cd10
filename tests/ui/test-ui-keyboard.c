/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-keyboard"

#include "config.h"

#include <adwaita.h>

#include "timecard-credential-page.h"
#include "timecard-credential-tile.h"
#include "timecard-test-app.h"
#include "timecard-test-form.h"
#include "timecard-test-ui.h"

/* Keyboard and accessibility: every shortcut does what the shortcuts
 * window says, controls have names, focus moves in reading order, and the
 * overlay fits a 360 px wide screen. */

static TimecardApplication *app;
static ClockifySim *sim;

static TimecardWindow *
set_up (void)
{
  TimecardWindow *window = timecard_test_app_open_window (app);

  timecard_test_app_reset (app);
  clockify_sim_clear_log (sim);

  return window;
}

static GtkWidget *
add_tile (TimecardWindow *window,
          const char     *name)
{
  TimecardCredential *credential;

  credential = timecard_test_add_credential (timecard_window_get_store (window), name, NULL,
                                             clockify_sim_get_base_url (sim),
                                             clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                             TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY);

  return timecard_window_find_tile (window, credential);
}

static void
test_window_shortcuts (void)
{
  TimecardWindow *window = set_up ();
  GtkWidget *focus = GTK_WIDGET (window);
  GtkShortcut *shortcut;
  GtkWindow *dialog;
  GtkWindow *help;

  /* Ctrl+N opens the overlay; Escape closes it. */
  timecard_test_press (focus, "<Control>n");
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  dialog = timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Add New Credential");
  timecard_test_press (gtk_root_get_focus (GTK_ROOT (dialog)), "Escape");
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  /* Ctrl+? shows the shortcuts. */
  timecard_test_press (focus, "<Control>question");
  g_assert_true (timecard_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  help = timecard_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  gtk_widget_set_visible (GTK_WIDGET (help), FALSE);

  /* Ctrl+Q quits (not activated here: it would end the test). */
  shortcut = timecard_test_find_shortcut (focus, "<Control>q", NULL);
  g_assert_nonnull (shortcut);
  g_assert_true (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))),
                   ==, "app.quit");
}

static gboolean
confirm_shown (gpointer data)
{
  return timecard_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_tile_keys (void)
{
  TimecardWindow *window = set_up ();
  GtkWidget *tile = add_tile (window, "Payroll");
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (tile, ADW_TYPE_LEAFLET));
  GtkWidget *page;
  GtkWidget *button;
  GtkWindow *dialog;

  gtk_widget_grab_focus (tile);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == tile);

  /* Enter opens the credential's page; Alt+Left comes back to the tile. */
  timecard_test_press (tile, "Return");
  page = adw_leaflet_get_visible_child (leaflet);
  g_assert_true (TIMECARD_IS_CREDENTIAL_PAGE (page));
  timecard_test_press (page, "<Alt>Left");
  g_assert_false (adw_leaflet_get_visible_child (leaflet) == page);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == tile);

  /* F2 edits. */
  timecard_test_press (tile, "F2");
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  dialog = timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Credential");
  gtk_window_close (dialog);
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));

  /* Delete asks first. */
  timecard_test_press (tile, "Delete");
  g_assert_true (timecard_test_wait_until (confirm_shown, NULL, 5000));
  gtk_window_close (timecard_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (timecard_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timecard_window_get_store (window))), ==, 1);

  /* Menu and Shift+F10 open the tile's menu. */
  button = timecard_test_find_widget (tile, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  timecard_test_press (tile, "Menu");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  timecard_test_press (tile, "<Shift>F10");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Enter on the "Add Credential" tile opens the overlay. */
  timecard_test_press (gtk_widget_get_next_sibling (tile), "Return");
  g_assert_true (timecard_test_wait_for_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  gtk_window_close (timecard_test_find_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, "action-name", &action, NULL);
      g_hash_table_insert (shortcuts, g_steal_pointer (&title),
                           action != NULL ? g_steal_pointer (&action) : g_steal_pointer (&accelerator));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static void
test_shortcuts_window (void)
{
  TimecardWindow *window = set_up ();
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GHashTable) shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkWidget *tile = add_tile (window, "Payroll");
  static const char * const by_key[][2] = {
    { "Open Credential", "Return" },
    { "Edit Credential", "F2" },
    { "Delete Credential", "Delete" },
    { "Go Back", "<Alt>Left" },
  };

  collect_shortcuts (GTK_WIDGET (help), shortcuts);

  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Add Credential"), ==, "win.add-credential");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Show Shortcuts"), ==, "win.show-help-overlay");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Quit"), ==, "app.quit");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Show Credential Menu"), ==, "Menu <Shift>F10");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Save"), ==, "Return");
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "Cancel"), ==, "Escape");

  /* What the window lists is what the keys do on a tile. */
  for (guint i = 0; i < G_N_ELEMENTS (by_key); i++)
    {
      g_assert_cmpstr (g_hash_table_lookup (shortcuts, by_key[i][0]), ==, by_key[i][1]);
      g_assert_nonnull (timecard_test_find_shortcut (tile, by_key[i][1], NULL));
    }
}

/* Every control a user can reach has a name to be announced by. */
static void
assert_named (GtkWidget *widget)
{
  /* GTK names its own window buttons. */
  if (!gtk_widget_get_visible (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if (GTK_IS_MENU_BUTTON (widget))
    {
      /* Its inner toggle button is announced by the menu button's name. */
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      return;
    }
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) &&
           gtk_widget_get_focusable (widget) && gtk_widget_get_can_target (widget))
    {
      if (gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
          gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("A %s without a label or tooltip, in a %s", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  else if (ADW_IS_PREFERENCES_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      g_assert_true (title != NULL && *title != '\0');
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      /* The server choices: each check sits in a row with a title. */
      g_assert_nonnull (gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named (child);
}

static void
test_accessible_names (void)
{
  TimecardWindow *window = set_up ();
  GtkWidget *tile = add_tile (window, "Payroll");
  TimecardCredentialDialog *dialog;

  g_assert_nonnull (gtk_widget_get_tooltip_text (gtk_widget_get_next_sibling (tile)));
  assert_named (GTK_WIDGET (window));

  dialog = timecard_test_open_add_dialog (window);
  assert_named (GTK_WIDGET (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
}

static int
order_of (GPtrArray *order,
          GtkWidget *row)
{
  for (guint i = 0; i < order->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (order, i);

      if (focus == row || gtk_widget_is_ancestor (focus, row))
        return i;
    }

  g_error ("Tab never reaches the %s titled “%s”", G_OBJECT_TYPE_NAME (row),
           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
test_focus_order (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialDialog *dialog = timecard_test_open_add_dialog (window);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  TimecardTestForm form;
  GtkWidget *global;
  GtkWidget *help;

  timecard_test_form_init (&form, dialog);
  global = timecard_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "title", "Global");
  help = timecard_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "title", "How to Get an API Key");

  /* Typing starts in the name. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), form.name));

  /* Tab through the whole dialog, once around. */
  g_ptr_array_add (order, gtk_root_get_focus (GTK_ROOT (dialog)));
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      if (focus == NULL || focus == g_ptr_array_index (order, 0))
        break;
      g_ptr_array_add (order, focus);
    }

  g_assert_cmpint (order_of (order, form.name), <, order_of (order, form.description));
  g_assert_cmpint (order_of (order, form.description), <, order_of (order, form.key));
  g_assert_cmpint (order_of (order, form.key), <, order_of (order, global));
  g_assert_cmpint (order_of (order, global), <, order_of (order, help));

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
}

static gboolean
width_is (gpointer data)
{
  return gtk_widget_get_mapped (data) &&
         gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (data))) == 360;
}

static void
test_dialog_narrow (void)
{
  TimecardWindow *window = set_up ();
  TimecardCredentialDialog *dialog = timecard_test_open_add_dialog (window);
  g_autofree char *png = NULL;
  TimecardTestForm form;
  int minimum = 0;

  /* Even with the longest rows shown, the dialog fits in 360 px. */
  timecard_test_form_init (&form, dialog);
  timecard_test_form_choose_server (&form, "Dedicated Subdomain");
  gtk_editable_set_text (GTK_EDITABLE (form.subdomain), "acme corp");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (timecard_test_find_widget (GTK_WIDGET (dialog),
                                                                              ADW_TYPE_EXPANDER_ROW,
                                                                              "title", "How to Get an API Key")),
                                 TRUE);

  gtk_widget_measure (adw_window_get_content (ADW_WINDOW (dialog)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* The size a phone gives it. */
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (timecard_test_wait_until (width_is, dialog, 5000));
  g_test_message ("content needs %d px; the window is %d px wide", minimum,
                  gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (dialog))));
  png = timecard_test_render_png (GTK_WIDGET (dialog), "dialog-360px");
  g_test_message ("rendered %s", png);

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (timecard_test_wait_for_no_toplevel (TIMECARD_TYPE_CREDENTIAL_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  sim = timecard_test_sim_new ();
  app = timecard_test_app_new ();

  g_test_add_func ("/ui/keyboard/window-shortcuts", test_window_shortcuts);
  g_test_add_func ("/ui/keyboard/tile-keys", test_tile_keys);
  g_test_add_func ("/ui/keyboard/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/keyboard/accessible-names", test_accessible_names);
  g_test_add_func ("/ui/keyboard/focus-order", test_focus_order);
  g_test_add_func ("/ui/keyboard/dialog-narrow", test_dialog_narrow);

  ret = g_test_run ();

  timecard_test_app_quit (app);
  clockify_sim_stop (sim);
  g_object_unref (sim);
  return ret;
}
