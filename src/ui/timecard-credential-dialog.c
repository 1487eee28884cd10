/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-dialog"

#include "config.h"

#include "timecard-credential-dialog.h"

#include <glib/gi18n.h>

#include "timecard-credential-dialog-private.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"
#include "timecard-ui-enums.h"

/**
 * TimecardCredentialDialog:
 *
 * The "Add New Credential" overlay, also used to edit a credential: a
 * modal window over the main window with the credential's name,
 * description, API key and server.
 *
 * It is a small state machine (#TimecardCredentialDialogState): the form
 * is validated as the user types with the core's rules; Save asks the
 * store to verify the key with Clockify and to keep it; failures show in
 * place with a way to try again, and closing the dialog cancels the work.
 */

enum {
  PROP_0,
  PROP_STORE,
  PROP_CREDENTIAL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TimecardCredentialDialog, timecard_credential_dialog, ADW_TYPE_WINDOW)

void
_timecard_credential_dialog_set_field_error (GtkWidget    *row,
                                             GtkLabel     *label,
                                             const GError *error,
                                             gboolean      show)
{
  timecard_field_message_set (row, label, show && error != NULL ? error->message : NULL);
}

static const char *
editable_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Whether the key field may stay empty: editing keeps the stored key,
 * unless there is none to keep. */
static gboolean
key_is_optional (TimecardCredentialDialog *self)
{
  return self->credential != NULL &&
         timecard_credential_get_state (self->credential) != TIMECARD_CREDENTIAL_STATE_MISSING_KEY;
}

/* Checks every field with the core's rules, showing the messages of the
 * fields the user has touched (or all of them, with @show_all). */
static gboolean
validate (TimecardCredentialDialog *self,
          gboolean                  show_all)
{
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) description_error = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autoptr(ClockifyServer) server = NULL;
  const char *key = editable_text (self->key_row);

  name = timecard_credential_validate_name (editable_text (self->name_row), &name_error);
  if (name != NULL)
    {
      TimecardCredential *other = timecard_credential_store_find_by_name (self->store, name);

      if (other != NULL && other != self->credential)
        name_error = g_error_new (TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN,
                                  _("A credential named “%s” already exists: choose another name"),
                                  timecard_credential_get_name (other));
    }
  _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->name_row), self->name_error, name_error,
                   show_all || self->touched_name);

  description = timecard_credential_validate_description (editable_text (self->description_row),
                                                          &description_error);
  _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->description_row), self->description_error, description_error,
                   show_all || self->touched_description);

  if (!(key[0] == '\0' && key_is_optional (self)))
    {
      g_autoptr(TimecardApiKey) valid_key = timecard_credential_validate_key (key, &key_error);
    }
  _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->key_row), self->key_error, key_error,
                   show_all || self->touched_key);

  server = _timecard_credential_dialog_build_server (self, show_all);

  return name_error == NULL && description_error == NULL && key_error == NULL && server != NULL;
}

static void
hide_message (TimecardCredentialDialog *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), FALSE);
  gtk_label_set_label (self->message_label, NULL);
}

static void
show_message (TimecardCredentialDialog *self,
              const char               *icon_name,
              const char               *title,
              const char               *text,
              gboolean                  offer_unverified)
{
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", title, text);
  gtk_label_set_markup (self->message_label, markup);
  gtk_image_set_from_icon_name (self->message_image, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->unverified_button), offer_unverified);
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);

  /* The message is at the top of the form: bring it into view. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
set_state (TimecardCredentialDialog      *self,
           TimecardCredentialDialogState  state)
{
  gboolean busy = state == TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY;
  gboolean can_save = state == TIMECARD_CREDENTIAL_DIALOG_STATE_READY ||
                      state == TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR;

  /* GTK 4.8 does not tell a focused text field that it lost the focus when
   * an ancestor turns insensitive (its cursor keeps blinking and it warns):
   * take the focus away first. */
  if (busy)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form)))
        gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.save-unverified",
                                 state == TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR && self->offer_unverified);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy && state != TIMECARD_CREDENTIAL_DIALOG_STATE_DONE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* The state the form's contents put the dialog in, outside of a Save. */
static void
update_state (TimecardCredentialDialog *self)
{
  gboolean valid = validate (self, FALSE);

  set_state (self, valid ? TIMECARD_CREDENTIAL_DIALOG_STATE_READY : TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE);
}

void
_timecard_credential_dialog_field_changed (TimecardCredentialDialog *self,
                                           GtkWidget                *field)
{
  g_assert (TIMECARD_IS_CREDENTIAL_DIALOG (self));

  if (self->filling || self->state == TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY ||
      self->state == TIMECARD_CREDENTIAL_DIALOG_STATE_DONE)
    return;

  if (field == GTK_WIDGET (self->name_row))
    self->touched_name = TRUE;
  else if (field == GTK_WIDGET (self->description_row))
    self->touched_description = TRUE;
  else if (field == GTK_WIDGET (self->key_row))
    self->touched_key = TRUE;
  else if (field == GTK_WIDGET (self->subdomain_row))
    self->touched_subdomain = TRUE;
  else if (field == GTK_WIDGET (self->custom_row))
    self->touched_custom = TRUE;

  _timecard_credential_dialog_server_changed (self);

  /* What the last Save said no longer applies to what is typed now. */
  self->offer_unverified = FALSE;
  hide_message (self);

  update_state (self);
}

static void
region_changed (TimecardCredentialDialog *self,
                GParamSpec               *pspec,
                AdwComboRow              *row)
{
  g_assert (TIMECARD_IS_CREDENTIAL_DIALOG (self));

  _timecard_credential_dialog_server_changed (self);
  _timecard_credential_dialog_field_changed (self, GTK_WIDGET (row));
}

static void
show_save_error (TimecardCredentialDialog *self,
                 const GError             *error)
{
  self->offer_unverified = FALSE;

  if (error->domain == TIMECARD_CREDENTIAL_ERROR)
    {
      switch ((TimecardCredentialError) error->code)
        {
        case TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED:
        case TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG:
        case TIMECARD_CREDENTIAL_ERROR_NAME_INVALID:
        case TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN:
          _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->name_row), self->name_error, error, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
          return;

        case TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG:
          _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->description_row), self->description_error, error, TRUE);
          return;

        case TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED:
        case TIMECARD_CREDENTIAL_ERROR_KEY_INVALID:
        case TIMECARD_CREDENTIAL_ERROR_KEY_MISSING:
        case TIMECARD_CREDENTIAL_ERROR_REJECTED:
          _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->key_row), self->key_error, error, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
          return;

        case TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID:
          _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->server_list), self->server_error, error, TRUE);
          return;

        case TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED:
          self->offer_unverified = TRUE;
          show_message (self, "network-error-symbolic", _("The key is not saved yet"),
                        error->message, TRUE);
          return;

        case TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE:
          show_message (self, "dialog-password-symbolic", _("The keyring is not available"),
                        error->message, FALSE);
          return;

        case TIMECARD_CREDENTIAL_ERROR_NOT_FOUND:
        case TIMECARD_CREDENTIAL_ERROR_STORAGE:
        default:
          break;
        }
    }

  show_message (self, "dialog-error-symbolic", _("The credential could not be saved"),
                error->message, FALSE);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TimecardCredentialStore *store = TIMECARD_CREDENTIAL_STORE (object);
  g_autoptr(TimecardCredentialDialog) self = user_data;
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  if (self->credential == NULL)
    credential = timecard_credential_store_add_finish (store, result, &error);
  else if (timecard_credential_store_update_finish (store, result, &error))
    credential = g_object_ref (self->credential);

  /* Closing the dialog cancelled the work: nothing is left to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
    return;

  g_clear_object (&self->cancellable);

  if (credential == NULL)
    {
      g_debug ("Saving the credential failed: %s", error->message);
      /* The form stays as typed; Save tries again. */
      show_save_error (self, error);
      set_state (self, TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR);
      return;
    }

  set_state (self, TIMECARD_CREDENTIAL_DIALOG_STATE_DONE);
  g_signal_emit (self, signals[SAVED], 0, credential);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (TimecardCredentialDialog     *self,
      TimecardCredentialStoreFlags  flags)
{
  g_autoptr(ClockifyServer) server = NULL;
  const char *key;

  if (!validate (self, TRUE))
    {
      set_state (self, TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE);
      return;
    }

  server = _timecard_credential_dialog_build_server (self, TRUE);
  key = editable_text (self->key_row);
  if (key[0] == '\0')
    key = NULL;

  hide_message (self);
  set_state (self, TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY);

  /* Cancel and replace: a late answer to the last attempt is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->credential == NULL)
    timecard_credential_store_add_async (self->store,
                                         editable_text (self->name_row),
                                         editable_text (self->description_row),
                                         server, key, flags, self->cancellable,
                                         save_done, g_object_ref (self));
  else
    timecard_credential_store_update_async (self->store, self->credential,
                                            editable_text (self->name_row),
                                            editable_text (self->description_row),
                                            server, key, flags, self->cancellable,
                                            save_done, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TIMECARD_CREDENTIAL_DIALOG (widget), TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY);
}

static void
save_unverified_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  save (TIMECARD_CREDENTIAL_DIALOG (widget), TIMECARD_CREDENTIAL_STORE_FLAGS_NONE);
}

static void
show_uri_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TimecardCredentialDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) || self->closed)
    return;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, "dialog-error-symbolic", _("The browser could not be opened"),
                  error->message, FALSE);
}

static void
open_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (widget);
  g_autofree char *uri = _timecard_credential_dialog_dup_profile_uri (self);

  if (uri == NULL)
    return;

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL,
                     show_uri_done, g_object_ref (self));
}

static gboolean
timecard_credential_dialog_close_request (GtkWindow *window)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (window);

  /* Closing while verifying cancels the request; nothing gets stored. */
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (timecard_credential_dialog_parent_class)->close_request (window);
}

/* Puts the credential being edited into the form. */
static void
fill_form (TimecardCredentialDialog *self)
{
  gboolean editing = self->credential != NULL;

  adw_window_title_set_title (self->window_title,
                              editing ? _("Edit Credential") : _("Add New Credential"));
  gtk_window_set_title (GTK_WINDOW (self),
                        editing ? _("Edit Credential") : _("Add New Credential"));

  self->filling = TRUE;

  if (editing)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             timecard_credential_get_name (self->credential));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             timecard_credential_get_description (self->credential));
      _timecard_credential_dialog_set_server (self, timecard_credential_get_server (self->credential));
    }

  if (editing && !key_is_optional (self))
    gtk_label_set_label (self->key_hint, _("The stored key is missing: enter it again."));
  gtk_widget_set_visible (GTK_WIDGET (self->key_hint), editing);

  self->filling = FALSE;

  _timecard_credential_dialog_server_changed (self);
  update_state (self);
}

static void
timecard_credential_dialog_constructed (GObject *object)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (object);

  G_OBJECT_CLASS (timecard_credential_dialog_parent_class)->constructed (object);

  /* A template test may build the dialog alone. */
  if (self->store == NULL)
    self->store = timecard_credential_store_new (NULL);

  fill_form (self);

  /* Typing starts where the work is: the name, or a key to enter again. */
  if (self->credential != NULL && !key_is_optional (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
timecard_credential_dialog_dispose (GObject *object)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_CREDENTIAL_DIALOG);

  G_OBJECT_CLASS (timecard_credential_dialog_parent_class)->dispose (object);
}

static void
timecard_credential_dialog_finalize (GObject *object)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->credential);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (timecard_credential_dialog_parent_class)->finalize (object);
}

static void
timecard_credential_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CREDENTIAL:
      g_value_set_object (value, self->credential);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  TimecardCredentialDialog *self = TIMECARD_CREDENTIAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CREDENTIAL:
      self->credential = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_credential_dialog_class_init (TimecardCredentialDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = timecard_credential_dialog_constructed;
  object_class->dispose = timecard_credential_dialog_dispose;
  object_class->finalize = timecard_credential_dialog_finalize;
  object_class->get_property = timecard_credential_dialog_get_property;
  object_class->set_property = timecard_credential_dialog_set_property;

  window_class->close_request = timecard_credential_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TIMECARD_TYPE_CREDENTIAL_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TimecardCredentialDialog:credential:
   *
   * The credential being edited, or %NULL to add one.
   */
  properties[PROP_CREDENTIAL] =
    g_param_spec_object ("credential", NULL, NULL, TIMECARD_TYPE_CREDENTIAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       TIMECARD_TYPE_CREDENTIAL_DIALOG_STATE,
                       TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TimecardCredentialDialog::saved:
   * @credential: the credential, added or edited
   *
   * Emitted once the credential is stored, just before the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TIMECARD_TYPE_CREDENTIAL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-credential-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, custom_check);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, description_error);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, global_check);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, key_error);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, key_hint);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, message_image);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, region_check);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, server_error);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, server_list);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, server_preview);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, subdomain_check);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, subdomain_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, unverified_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardCredentialDialog, window_title);
  gtk_widget_class_bind_template_callback_full (widget_class, "field_changed",
                                                G_CALLBACK (_timecard_credential_dialog_field_changed));
  gtk_widget_class_bind_template_callback (widget_class, region_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "server_toggled",
                                                G_CALLBACK (_timecard_credential_dialog_server_toggled));

  gtk_widget_class_install_action (widget_class, "credential.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "credential.save-unverified", NULL, save_unverified_action);
  gtk_widget_class_install_action (widget_class, "credential.open-profile", NULL, open_profile_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
timecard_credential_dialog_init (TimecardCredentialDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* GTK 4.8 destroys the dialog with its parent (destroy-with-parent) but
 * leaves it pointing at the parent. A save still running holds the dialog,
 * whose dispose would then reach the freed parent: let go of it now. */
static void
parent_destroyed (TimecardCredentialDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
}

/**
 * timecard_credential_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @store: the store to add to or edit in
 * @credential: (nullable): the credential to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
TimecardCredentialDialog *
timecard_credential_dialog_new (GtkWindow               *parent,
                                TimecardCredentialStore *store,
                                TimecardCredential      *credential)
{
  TimecardCredentialDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_STORE (store), NULL);
  g_return_val_if_fail (credential == NULL || TIMECARD_IS_CREDENTIAL (credential), NULL);

  self = g_object_new (TIMECARD_TYPE_CREDENTIAL_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "credential", credential,
                       NULL);
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (parent_destroyed), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * timecard_credential_dialog_get_store:
 *
 * Returns: (transfer none): the store the dialog saves to
 */
TimecardCredentialStore *
timecard_credential_dialog_get_store (TimecardCredentialDialog *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_DIALOG (self), NULL);

  return self->store;
}

/**
 * timecard_credential_dialog_get_credential:
 *
 * Returns: (transfer none) (nullable): the credential being edited
 */
TimecardCredential *
timecard_credential_dialog_get_credential (TimecardCredentialDialog *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_DIALOG (self), NULL);

  return self->credential;
}

/**
 * timecard_credential_dialog_get_state:
 *
 * Returns: where the dialog is in its work
 */
TimecardCredentialDialogState
timecard_credential_dialog_get_state (TimecardCredentialDialog *self)
{
  g_return_val_if_fail (TIMECARD_IS_CREDENTIAL_DIALOG (self), TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE);

  return self->state;
}
