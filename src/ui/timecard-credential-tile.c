/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-tile"

#include "config.h"

#include "timecard-credential-tile.h"

#include <glib/gi18n.h>

#include "timecard-ui-format.h"

/* A saved credential on the Authenticate screen: its name, description,
 * server and what is known about its key, with a menu of what can be done
 * to it. The window does the work; the tile's actions forward to the
 * window's actions with the credential's id. */

struct _TimecardCredentialTile
{
  GtkFlowBoxChild     parent_instance;

  TimecardCredential *credential;
  GtkWidget          *context_menu;
  guint               tick_id;
  guint               busy : 1;

  /* Template widgets */
  GtkLabel           *description_label;
  GtkMenuButton      *menu_button;
  GtkLabel           *name_label;
  GtkLabel           *server_label;
  GtkSpinner         *spinner;
  GtkBox             *state_box;
  GtkImage           *state_image;
  GtkLabel           *state_label;
  GMenuModel         *tile_menu;
  GtkBox             *user_box;
  GtkLabel           *user_label;
};

enum {
  PROP_0,
  PROP_CREDENTIAL,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TimecardCredentialTile, timecard_credential_tile, GTK_TYPE_FLOW_BOX_CHILD)

static const char * const state_classes[] = { "success", "warning", "error", "dim-label" };

static void
set_state_line (TimecardCredentialTile *self,
                const char             *icon_name,
                const char             *style,
                const char             *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_box), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_box), style);

  gtk_image_set_from_icon_name (self->state_image, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->state_image), icon_name != NULL);
  gtk_label_set_label (self->state_label, text);
}

static void
timecard_credential_tile_update (TimecardCredentialTile *self)
{
  TimecardCredential *credential = self->credential;
  const char *description = timecard_credential_get_description (credential);
  const char *email = timecard_credential_get_user_email (credential);
  const char *user_name = timecard_credential_get_user_name (credential);
  const char *message = timecard_credential_get_state_message (credential);
  const char *user = email != NULL && *email != '\0' ? email : user_name;
  g_autofree char *server = timecard_format_server (timecard_credential_get_server (credential));
  g_autofree char *state = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->name_label, timecard_credential_get_name (credential));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), timecard_credential_get_name (credential));

  if (description != NULL && *description != '\0')
    {
      gtk_label_set_label (self->description_label, description);
      gtk_widget_remove_css_class (GTK_WIDGET (self->description_label), "placeholder");
    }
  else
    {
      gtk_label_set_label (self->description_label, _("No description"));
      gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "placeholder");
    }

  gtk_label_set_label (self->server_label, server);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->server_label),
                               clockify_server_get_web_base (timecard_credential_get_server (credential)));

  gtk_widget_set_visible (GTK_WIDGET (self->user_box), user != NULL && *user != '\0');
  gtk_label_set_label (self->user_label, user);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);

  if (self->busy)
    {
      state = g_strdup (_("Verifying…"));
      set_state_line (self, NULL, "dim-label", state);
    }
  else
    {
      switch (timecard_credential_get_state (credential))
        {
        case TIMECARD_CREDENTIAL_STATE_VERIFIED:
          {
            GDateTime *when = timecard_credential_get_last_verified (credential);
            g_autofree char *ago = when != NULL ? timecard_format_relative_time (when, NULL) : NULL;

            /* Translators: %s is a relative time such as "5 minutes ago" */
            state = ago != NULL ? g_strdup_printf (_("Verified %s"), ago) : g_strdup (_("Verified"));
            set_state_line (self, "object-select-symbolic", "success", state);
          }
          break;

        case TIMECARD_CREDENTIAL_STATE_REJECTED:
          state = g_strdup (_("Key rejected — edit to replace"));
          set_state_line (self, "dialog-error-symbolic", "error", state);
          break;

        case TIMECARD_CREDENTIAL_STATE_MISSING_KEY:
          state = g_strdup (_("Key missing — edit to enter it again"));
          set_state_line (self, "dialog-error-symbolic", "error", state);
          break;

        case TIMECARD_CREDENTIAL_STATE_UNVERIFIED:
        default:
          state = g_strdup (_("Not verified"));
          set_state_line (self, "dialog-warning-symbolic", "warning", state);
          break;
        }
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_box), message);

  accessible = g_strjoin (", ", timecard_credential_get_name (credential), server, state, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.verify", !self->busy);
}

static void
credential_notify (TimecardCredentialTile *self)
{
  g_assert (TIMECARD_IS_CREDENTIAL_TILE (self));

  timecard_credential_tile_update (self);
}

static gboolean
tick (gpointer user_data)
{
  TimecardCredentialTile *self = user_data;

  /* "Verified 5 minutes ago" has to keep up with the clock. */
  timecard_credential_tile_update (self);

  return G_SOURCE_CONTINUE;
}

static void
timecard_credential_tile_map (GtkWidget *widget)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (widget);

  GTK_WIDGET_CLASS (timecard_credential_tile_parent_class)->map (widget);

  timecard_credential_tile_update (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (30, tick, self);
}

static void
timecard_credential_tile_unmap (GtkWidget *widget)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (timecard_credential_tile_parent_class)->unmap (widget);
}

static void
timecard_credential_tile_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (widget);

  GTK_WIDGET_CLASS (timecard_credential_tile_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* Forwards a tile action to the window action of the same verb. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (widget);
  const char *id = timecard_credential_get_id (self->credential);

  if (g_str_equal (action_name, "tile.edit"))
    gtk_widget_activate_action (widget, "win.edit-credential", "s", id);
  else if (g_str_equal (action_name, "tile.verify"))
    gtk_widget_activate_action (widget, "win.verify-credential", "s", id);
  else if (g_str_equal (action_name, "tile.delete"))
    gtk_widget_activate_action (widget, "win.delete-credential", "s", id);
  else
    g_assert_not_reached ();
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (widget);

  /* From the keyboard the menu opens from its button, as if clicked. */
  gtk_menu_button_popup (self->menu_button);
}

/**
 * timecard_credential_tile_popup_menu:
 * @x: where, in the tile's coordinates
 * @y: where, in the tile's coordinates
 *
 * Shows the tile's context menu pointing at (@x, @y).
 */
void
timecard_credential_tile_popup_menu (TimecardCredentialTile *self,
                                     double                  x,
                                     double                  y)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL_TILE (self));

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (self->tile_menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
secondary_click_pressed (GtkGestureClick        *gesture,
                         int                     n_press,
                         double                  x,
                         double                  y,
                         TimecardCredentialTile *self)
{
  g_assert (TIMECARD_IS_CREDENTIAL_TILE (self));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  timecard_credential_tile_popup_menu (self, x, y);
}

static void
long_pressed (GtkGestureLongPress    *gesture,
              double                  x,
              double                  y,
              TimecardCredentialTile *self)
{
  g_assert (TIMECARD_IS_CREDENTIAL_TILE (self));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  timecard_credential_tile_popup_menu (self, x, y);
}

static void
timecard_credential_tile_dispose (GObject *object)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->credential != NULL)
    g_signal_handlers_disconnect_by_func (self->credential, credential_notify, self);
  g_clear_object (&self->credential);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_CREDENTIAL_TILE);

  G_OBJECT_CLASS (timecard_credential_tile_parent_class)->dispose (object);
}

static void
timecard_credential_tile_constructed (GObject *object)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (object);

  G_OBJECT_CLASS (timecard_credential_tile_parent_class)->constructed (object);

  g_return_if_fail (self->credential != NULL);

  g_signal_connect_object (self->credential, "notify", G_CALLBACK (credential_notify),
                           self, G_CONNECT_SWAPPED);
  timecard_credential_tile_update (self);
}

static void
timecard_credential_tile_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL:
      g_value_set_object (value, self->credential);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_tile_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TimecardCredentialTile *self = TIMECARD_CREDENTIAL_TILE (object);

  switch (prop_id)
    {
    case PROP_CREDENTIAL:
      self->credential = g_value_dup_object (value);
      break;

    case PROP_BUSY:
      timecard_credential_tile_set_busy (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_tile_class_init (TimecardCredentialTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = timecard_credential_tile_constructed;
  object_class->dispose = timecard_credential_tile_dispose;
  object_class->get_property = timecard_credential_tile_get_property;
  object_class->set_property = timecard_credential_tile_set_property;

  widget_class->map = timecard_credential_tile_map;
  widget_class->unmap = timecard_credential_tile_unmap;
  widget_class->size_allocate = timecard_credential_tile_size_allocate;

  properties[PROP_CREDENTIAL] =
    g_param_spec_object ("credential", NULL, NULL, TIMECARD_TYPE_CREDENTIAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TimecardCredentialTile:busy:
   *
   * Whether the credential is being verified: the tile shows a spinner.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-credential-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, description_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, server_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, spinner);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, state_box);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, state_image);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, state_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, tile_menu);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, user_box);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialTile, user_label);

  gtk_widget_class_install_action (widget_class, "tile.edit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "tile.verify", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "tile.delete", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "tile.show-menu", NULL, show_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "tile.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tile.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "tile.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "tile.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "tile.show-menu", NULL);
}

static void
timecard_credential_tile_init (TimecardCredentialTile *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

/**
 * timecard_credential_tile_new:
 * @credential: the credential to show
 *
 * Returns: (transfer floating): a new tile
 */
GtkWidget *
timecard_credential_tile_new (TimecardCredential *credential)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL (credential), NULL);

  return g_object_new (TIMECARD_TYPE_CREDENTIAL_TILE,
                       "credential", credential,
                       NULL);
}

/**
 * timecard_credential_tile_get_credential:
 *
 * Returns: (transfer none): the tile's credential
 */
TimecardCredential *
timecard_credential_tile_get_credential (TimecardCredentialTile *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_TILE (self), NULL);

  return self->credential;
}

/**
 * timecard_credential_tile_get_busy:
 *
 * Returns: whether the tile shows that its credential is being verified
 */
gboolean
timecard_credential_tile_get_busy (TimecardCredentialTile *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_TILE (self), FALSE);

  return self->busy;
}

/**
 * timecard_credential_tile_set_busy:
 * @busy: whether the credential is being verified
 */
void
timecard_credential_tile_set_busy (TimecardCredentialTile *self,
                                   gboolean                busy)
{
  g_return_if_fail (TIMECARD_IS_CREDENTIAL_TILE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  timecard_credential_tile_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}
