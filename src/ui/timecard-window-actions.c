/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-window"

#include "config.h"

#include "timecard-window-private.h"

#include <glib/gi18n.h>

#include "timecard-credential-dialog.h"
#include "timecard-credential-page.h"
#include "timecard-credential-tile.h"
#include "timecard-credential-validate.h"

/* The main window's actions on credentials: add, edit, verify, delete,
 * open, and export one of its workspaces. Each takes the credential's id, so tiles, menus and tests all go
 * through the same path. */

typedef struct
{
  TimecardWindow     *self;
  TimecardCredential *credential;
} CredentialOp;

static CredentialOp *
credential_op_new (TimecardWindow     *self,
                   TimecardCredential *credential)
{
  CredentialOp *op = g_new0 (CredentialOp, 1);

  op->self = g_object_ref (self);
  op->credential = g_object_ref (credential);

  return op;
}

static void
credential_op_free (CredentialOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->credential);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CredentialOp, credential_op_free)

static void
credential_op_closure_free (gpointer  data,
                            GClosure *closure)
{
  credential_op_free (data);
}

static TimecardCredential *
lookup_credential (TimecardWindow *self,
                   GVariant       *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->store == NULL)
    return NULL;

  return timecard_credential_store_find_by_id (self->store, id);
}

/* Add and edit */

static void
dialog_saved (TimecardWindow           *self,
              TimecardCredential       *credential,
              TimecardCredentialDialog *dialog)
{
  g_assert (TIMECARD_IS_WINDOW (self));

  _timecard_window_toast (self, _("Credential saved"));
  _timecard_window_focus_tile (self, credential);
}

static void
show_dialog (TimecardWindow     *self,
             TimecardCredential *credential)
{
  TimecardCredentialDialog *dialog;

  if (self->store == NULL)
    return;

  /* One dialog at a time: Ctrl+N twice shows the same one. */
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }

  dialog = timecard_credential_dialog_new (GTK_WINDOW (self), self->store, credential);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved), self, G_CONNECT_SWAPPED);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_credential_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_dialog (TIMECARD_WINDOW (widget), NULL);
}

static void
edit_credential_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TimecardWindow *self = TIMECARD_WINDOW (widget);
  TimecardCredential *credential = lookup_credential (self, parameter);

  if (credential != NULL)
    show_dialog (self, credential);
}

/* Open */

static void
open_credential_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TimecardWindow *self = TIMECARD_WINDOW (widget);
  TimecardCredential *credential = lookup_credential (self, parameter);

  if (credential != NULL)
    _timecard_window_open_page (self, credential);
}

static void
export_workspace_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _timecard_window_open_export (TIMECARD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _timecard_window_go_back (TIMECARD_WINDOW (widget));
}

/* Verify */

static void
set_tile_busy (TimecardWindow     *self,
               TimecardCredential *credential,
               gboolean            busy)
{
  GtkWidget *tile = timecard_window_find_tile (self, credential);

  if (tile != NULL)
    timecard_credential_tile_set_busy (TIMECARD_CREDENTIAL_TILE (tile), busy);
}

static void
verify_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CredentialOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = timecard_credential_get_name (op->credential);

  if (!timecard_credential_store_verify_finish (TIMECARD_CREDENTIAL_STORE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_tile_busy (op->self, op->credential, FALSE);

  if (error == NULL)
    title = g_strdup_printf (_("“%s” is verified"), name);
  else if (g_error_matches (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_REJECTED))
    title = g_strdup_printf (_("Clockify refused the key of “%s”"), name);
  else
    title = g_strdup_printf (_("“%s” could not be verified: %s"), name, error->message);

  _timecard_window_toast (op->self, title);
}

static void
verify_credential_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TimecardWindow *self = TIMECARD_WINDOW (widget);
  TimecardCredential *credential = lookup_credential (self, parameter);
  GtkWidget *tile;

  if (credential == NULL)
    return;

  tile = timecard_window_find_tile (self, credential);
  if (tile != NULL && timecard_credential_tile_get_busy (TIMECARD_CREDENTIAL_TILE (tile)))
    return;

  set_tile_busy (self, credential, TRUE);
  timecard_credential_store_verify_async (self->store, credential, self->cancellable,
                                          verify_done, credential_op_new (self, credential));
}

/* Delete */

static void
remove_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CredentialOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!timecard_credential_store_remove_finish (TIMECARD_CREDENTIAL_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      _timecard_window_toast (op->self, error->message);
      return;
    }

  /* Nothing can bring a deleted key back, so the toast offers no Undo. */
  title = g_strdup_printf (_("“%s” deleted"), timecard_credential_get_name (op->credential));
  _timecard_window_toast (op->self, title);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  CredentialOp *op = user_data;
  TimecardWindow *self = op->self;
  GtkWidget *tile;
  GtkWidget *next = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  /* The pages of a deleted credential have nothing left to show. */
  if (self->page != NULL &&
      timecard_credential_page_get_credential (TIMECARD_CREDENTIAL_PAGE (self->page)) == op->credential)
    _timecard_window_go_home (self);

  /* Focus moves to the next tile (at worst, "Add Credential"). */
  tile = timecard_window_find_tile (self, op->credential);
  if (tile != NULL)
    next = gtk_widget_get_next_sibling (tile);
  if (next != NULL)
    gtk_widget_grab_focus (next);

  timecard_credential_store_remove_async (self->store, op->credential, self->cancellable,
                                          remove_done, credential_op_new (self, op->credential));
}

static void
delete_credential_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TimecardWindow *self = TIMECARD_WINDOW (widget);
  TimecardCredential *credential = lookup_credential (self, parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (credential == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), timecard_credential_get_name (credential));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Timecard forgets this credential and deletes its API key from "
                                     "your keyring. This cannot be undone. The key stays valid in "
                                     "Clockify until you delete it there."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response),
                         credential_op_new (self, credential),
                         credential_op_closure_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
_timecard_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-credential", NULL, add_credential_action);
  gtk_widget_class_install_action (widget_class, "win.open-credential", "s", open_credential_action);
  gtk_widget_class_install_action (widget_class, "win.edit-credential", "s", edit_credential_action);
  gtk_widget_class_install_action (widget_class, "win.verify-credential", "s", verify_credential_action);
  gtk_widget_class_install_action (widget_class, "win.delete-credential", "s", delete_credential_action);
  gtk_widget_class_install_action (widget_class, "win.export-workspace", "s", export_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
}
