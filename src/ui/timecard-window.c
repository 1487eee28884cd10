/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-window"

#include "config.h"

#include "timecard-window.h"

#include <glib/gi18n.h>

#include "timecard-add-tile.h"
#include "timecard-credential-page.h"
#include "timecard-credential-tile.h"
#include "timecard-credential-validate.h"
#include "timecard-export-page.h"
#include "timecard-window-private.h"

/**
 * TimecardWindow:
 *
 * The main window. Its first page is the Authenticate screen: a tile per
 * saved credential, bound to the #TimecardCredentialStore, and an "Add
 * Credential" tile last; the empty state when there are none. Activating
 * a tile slides in the credential's page, and a workspace there slides in
 * its export page.
 *
 * The actions on credentials live in timecard-window-actions.c.
 */

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TimecardWindow, timecard_window, ADW_TYPE_APPLICATION_WINDOW)

/**
 * timecard_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer full): a new main window showing @application's
 *   credentials
 */
TimecardWindow *
timecard_window_new (TimecardApplication *application)
{
  g_return_val_if_fail (TIMECARD_IS_APPLICATION (application), NULL);

  return g_object_new (TIMECARD_TYPE_WINDOW,
                       "application", application,
                       "store", timecard_application_get_store (application),
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
  TimecardWindow *self = TIMECARD_WINDOW (window);

  timecard_window_save_size (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (timecard_window_parent_class)->close_request (window);
}

/* Which page of the Authenticate screen shows. */
static void
update_stack (TimecardWindow *self)
{
  const char *name;

  if (self->loading)
    name = "loading";
  else if (self->store != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    name = "credentials";
  else
    name = "empty";

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->loading_spinner, self->loading);
}

static void
set_loading (TimecardWindow *self,
             gboolean        loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_banner (TimecardWindow *self,
             const char     *message)
{
  gtk_label_set_label (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner), message != NULL);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

static void
store_loaded (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TimecardWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!timecard_credential_store_load_finish (TIMECARD_CREDENTIAL_STORE (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Loading the credentials failed: %s", error->message);
      /* Whatever the file held is shown; the banner says what is wrong. */
      if (g_error_matches (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE))
        message = g_strdup_printf (_("The keyring is not available, so keys cannot be checked or used: %s"),
                                   error->message);
      else
        message = g_strdup_printf (_("The saved credentials could not be read: %s"), error->message);
      show_banner (self, message);
    }
  else
    {
      show_banner (self, NULL);
    }

  set_loading (self, FALSE);
}

static void
reload (TimecardWindow *self)
{
  if (self->store == NULL)
    return;

  set_loading (self, TRUE);
  timecard_credential_store_load_async (self->store, self->cancellable,
                                        store_loaded, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (TIMECARD_WINDOW (widget));
}

static GtkWidget *
create_tile (gpointer item,
             gpointer user_data)
{
  if (TIMECARD_IS_CREDENTIAL (item))
    return timecard_credential_tile_new (item);

  return timecard_add_tile_new ();
}

static void
tile_activated (TimecardWindow  *self,
                GtkFlowBoxChild *child,
                GtkFlowBox      *flowbox)
{
  g_assert (TIMECARD_IS_WINDOW (self));

  if (TIMECARD_IS_CREDENTIAL_TILE (child))
    _timecard_window_open_page (self,
                                timecard_credential_tile_get_credential (TIMECARD_CREDENTIAL_TILE (child)));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.add-credential", NULL);
}

/**
 * timecard_window_find_tile:
 * @credential: a credential of the window's store
 *
 * Returns: (transfer none) (nullable): the tile showing @credential
 */
GtkWidget *
timecard_window_find_tile (TimecardWindow     *self,
                           TimecardCredential *credential)
{
  g_return_val_if_fail (TIMECARD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (credential), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flowbox));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (TIMECARD_IS_CREDENTIAL_TILE (child) &&
          timecard_credential_tile_get_credential (TIMECARD_CREDENTIAL_TILE (child)) == credential)
        return child;
    }

  return NULL;
}

void
_timecard_window_focus_tile (TimecardWindow     *self,
                             TimecardCredential *credential)
{
  GtkWidget *tile = credential != NULL ? timecard_window_find_tile (self, credential) : NULL;

  if (tile == NULL)
    tile = gtk_widget_get_last_child (GTK_WIDGET (self->flowbox));
  if (tile == NULL || gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->empty_page))
    return;

  gtk_widget_grab_focus (tile);
}

void
_timecard_window_toast (TimecardWindow *self,
                        const char     *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast;

  /* The newest news replaces what is left of the last toast, instead of
   * waiting in line behind it. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  /* AdwToast titles are markup on libadwaita 1.2. */
  toast = adw_toast_new (markup);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Back is offered on every page but the first, unless an export runs:
 * that page stays until the export ends or is cancelled. */
static void
update_go_back (TimecardWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  gboolean running = self->export_page != NULL && visible == self->export_page &&
                     timecard_export_page_get_running (TIMECARD_EXPORT_PAGE (self->export_page));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 visible != GTK_WIDGET (self->main_page) && !running);
  adw_leaflet_set_can_navigate_back (self->leaflet, !running);
}

static void
drop_export_page (TimecardWindow *self)
{
  if (self->export_page == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->export_page, self);
  adw_leaflet_remove (self->leaflet, g_steal_pointer (&self->export_page));
}

void
_timecard_window_open_page (TimecardWindow     *self,
                            TimecardCredential *credential)
{
  drop_export_page (self);
  if (self->page != NULL)
    adw_leaflet_remove (self->leaflet, g_steal_pointer (&self->page));

  self->page = timecard_credential_page_new (self->store, credential);
  adw_leaflet_append (self->leaflet, self->page);
  adw_leaflet_set_visible_child (self->leaflet, self->page);
  update_go_back (self);
}

void
_timecard_window_open_export (TimecardWindow *self,
                              const char     *workspace_id)
{
  TimecardCredentialPage *page;
  TimecardCredential *credential;
  ClockifyWorkspace *workspace;
  ClockifyClient *client;
  ClockifyUser *user;

  if (self->page == NULL)
    return;

  page = TIMECARD_CREDENTIAL_PAGE (self->page);
  credential = timecard_credential_page_get_credential (page);
  workspace = timecard_credential_page_find_workspace (page, workspace_id);
  client = timecard_credential_page_get_client (page);
  user = timecard_credential_page_get_user (page);
  if (workspace == NULL || client == NULL)
    return;

  drop_export_page (self);
  self->export_page = timecard_export_page_new (client, workspace, timecard_credential_get_name (credential),
                                                user != NULL ? clockify_user_get_time_zone (user) : NULL);
  g_signal_connect_object (self->export_page, "notify::running",
                           G_CALLBACK (update_go_back), self, G_CONNECT_SWAPPED);
  adw_leaflet_append (self->leaflet, self->export_page);
  adw_leaflet_set_visible_child (self->leaflet, self->export_page);
  update_go_back (self);
}

void
_timecard_window_go_home (TimecardWindow *self)
{
  TimecardCredential *credential = NULL;

  if (self->page == NULL)
    return;

  credential = timecard_credential_page_get_credential (TIMECARD_CREDENTIAL_PAGE (self->page));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->main_page));
  update_go_back (self);

  /* Back where the user came from. */
  _timecard_window_focus_tile (self, credential);
}

void
_timecard_window_go_back (TimecardWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  g_autoptr(ClockifyWorkspace) workspace = NULL;

  if (self->export_page == NULL || visible != self->export_page)
    {
      _timecard_window_go_home (self);
      return;
    }

  if (timecard_export_page_get_running (TIMECARD_EXPORT_PAGE (self->export_page)))
    return;

  /* Without animations the page goes at once. */
  workspace = g_object_ref (timecard_export_page_get_workspace (TIMECARD_EXPORT_PAGE (self->export_page)));
  adw_leaflet_set_visible_child (self->leaflet, self->page);
  update_go_back (self);
  timecard_credential_page_focus_workspace (TIMECARD_CREDENTIAL_PAGE (self->page),
                                            clockify_workspace_get_id (workspace));
}

static void
leaflet_transition_changed (TimecardWindow *self)
{
  GtkWidget *visible;

  g_assert (TIMECARD_IS_WINDOW (self));

  visible = adw_leaflet_get_visible_child (self->leaflet);
  update_go_back (self);

  /* Once a page has slid away (or was swiped away), drop it: its
   * requests are cancelled and the next one is made afresh. */
  if (adw_leaflet_get_child_transition_running (self->leaflet))
    return;

  if (visible != self->export_page)
    drop_export_page (self);
  if (visible == GTK_WIDGET (self->main_page) && self->page != NULL)
    adw_leaflet_remove (self->leaflet, g_steal_pointer (&self->page));
}

static void
bind_store (TimecardWindow *self)
{
  g_autoptr(GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) add_item = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GObject) placeholder = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GtkFlattenListModel) tiles = NULL;

  /* The credentials, then one item for the "Add Credential" tile. */
  g_list_store_append (add_item, placeholder);
  g_list_store_append (models, self->store);
  g_list_store_append (models, add_item);
  tiles = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models)));

  gtk_flow_box_bind_model (self->flowbox, G_LIST_MODEL (tiles), create_tile, NULL, NULL);

  g_signal_connect_object (self->store, "notify::n-items",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
}

static void
timecard_window_constructed (GObject *object)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  G_OBJECT_CLASS (timecard_window_parent_class)->constructed (object);

  /* A template test builds the window without an application or store. */
  if (self->store != NULL)
    {
      bind_store (self);
      reload (self);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-credential", FALSE);
    }

  update_stack (self);
}

static void
timecard_window_dispose (GObject *object)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->flowbox != NULL)
    gtk_flow_box_bind_model (self->flowbox, NULL, NULL, NULL, NULL);
  self->page = NULL;
  self->export_page = NULL;
  g_clear_weak_pointer (&self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_WINDOW);

  G_OBJECT_CLASS (timecard_window_parent_class)->dispose (object);
}

static void
timecard_window_finalize (GObject *object)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (timecard_window_parent_class)->finalize (object);
}

static void
timecard_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TimecardWindow *self = TIMECARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_window_class_init (TimecardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = timecard_window_constructed;
  object_class->dispose = timecard_window_dispose;
  object_class->finalize = timecard_window_finalize;
  object_class->get_property = timecard_window_get_property;
  object_class->set_property = timecard_window_set_property;

  window_class->close_request = timecard_window_close_request;

  /**
   * TimecardWindow:store:
   *
   * The credentials the window shows, loaded when the window is created.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TIMECARD_TYPE_CREDENTIAL_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TimecardWindow:loading:
   *
   * Whether the credentials are being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, flowbox);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, main_page);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TimecardWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_transition_changed);
  gtk_widget_class_bind_template_callback (widget_class, tile_activated);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  _timecard_window_class_init_actions (widget_class);

  g_type_ensure (TIMECARD_TYPE_CREDENTIAL_PAGE);
  g_type_ensure (TIMECARD_TYPE_EXPORT_PAGE);
}

static void
timecard_window_init (TimecardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
}

/**
 * timecard_window_get_store:
 *
 * Returns: (transfer none) (nullable): the credentials the window shows
 */
TimecardCredentialStore *
timecard_window_get_store (TimecardWindow *self)
{
  g_return_val_if_fail (TIMECARD_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * timecard_window_get_loading:
 *
 * Returns: whether the credentials are being loaded
 */
gboolean
timecard_window_get_loading (TimecardWindow *self)
{
  g_return_val_if_fail (TIMECARD_IS_WINDOW (self), FALSE);

  return self->loading;
}
