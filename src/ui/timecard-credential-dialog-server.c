/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-credential-dialog"

#include "config.h"

#include "timecard-credential-dialog-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "timecard-credential-validate.h"

/* The server part of the credential dialog: Global, a data region, a
 * dedicated subdomain or (under Advanced) a custom URL, checked with
 * libclockify's rules. */

/* In the order of the region list in the .ui file. */
static const char * const region_codes[] = { "euc1", "use2", "euw2", "apse2" };

/* What people paste for a subdomain: "acme", "acme.clockify.me" or the
 * whole "https://acme.clockify.me/". All mean "acme". */
static char *
normalize_subdomain (const char *text)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autofree char *lower = NULL;
  gsize length;

  lower = g_ascii_strdown (name, -1);
  if (g_str_has_prefix (lower, "https://"))
    memmove (name, name + strlen ("https://"), strlen (name) - strlen ("https://") + 1);
  else if (g_str_has_prefix (lower, "http://"))
    memmove (name, name + strlen ("http://"), strlen (name) - strlen ("http://") + 1);

  length = strlen (name);
  while (length > 0 && name[length - 1] == '/')
    name[--length] = '\0';

  g_free (lower);
  lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".clockify.me"))
    name[length - strlen (".clockify.me")] = '\0';

  return g_steal_pointer (&name);
}

/* The chosen server, or %NULL with @error set and @row pointing at the
 * row in the wrong and @touched saying whether the user typed there. */
static ClockifyServer *
choose_server (TimecardCredentialDialog  *self,
               GtkWidget                **row,
               gboolean                  *touched,
               GError                   **error)
{
  *row = GTK_WIDGET (self->server_list);
  *touched = FALSE;

  if (gtk_check_button_get_active (self->region_check))
    {
      guint selected = adw_combo_row_get_selected (self->region_row);

      return clockify_server_new_region (region_codes[MIN (selected, G_N_ELEMENTS (region_codes) - 1)],
                                         error);
    }

  if (gtk_check_button_get_active (self->subdomain_check))
    {
      g_autofree char *name = normalize_subdomain (gtk_editable_get_text (GTK_EDITABLE (self->subdomain_row)));

      *row = GTK_WIDGET (self->subdomain_row);
      *touched = self->touched_subdomain;
      if (name[0] == '\0')
        {
          g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID,
                               _("Enter the subdomain: acme for acme.clockify.me"));
          return NULL;
        }

      return clockify_server_new_subdomain (name, error);
    }

  if (gtk_check_button_get_active (self->custom_check))
    {
      const char *url = gtk_editable_get_text (GTK_EDITABLE (self->custom_row));

      *row = GTK_WIDGET (self->custom_row);
      *touched = self->touched_custom;
      if (url[0] == '\0')
        {
          g_set_error_literal (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID,
                               _("Enter the server’s address, such as https://clockify.example.com"));
          return NULL;
        }

      return clockify_server_new_custom (url, error);
    }

  return clockify_server_new_global ();
}

/**
 * _timecard_credential_dialog_build_server:
 * @show_all: show the message even if the user has not touched the field
 *
 * Returns: (transfer full) (nullable): the chosen server, or %NULL with
 *   the message shown under the server when the field was touched
 */
ClockifyServer *
_timecard_credential_dialog_build_server (TimecardCredentialDialog *self,
                                          gboolean                  show_all)
{
  g_autoptr(GError) error = NULL;
  ClockifyServer *server;
  GtkWidget *row;
  gboolean touched;

  server = choose_server (self, &row, &touched, &error);

  /* Only one of the rows can be wrong at a time: clear the others. */
  _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->server_list), self->server_error, NULL, FALSE);
  _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->subdomain_row), self->server_error, NULL, FALSE);
  _timecard_credential_dialog_set_field_error (GTK_WIDGET (self->custom_row), self->server_error, NULL, FALSE);
  _timecard_credential_dialog_set_field_error (row, self->server_error, error, show_all || touched);

  return server;
}

static void
update_preview (TimecardCredentialDialog *self)
{
  g_autoptr(ClockifyServer) server = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *preview = NULL;
  GtkWidget *row;
  gboolean touched;

  /* Quietly: the messages are validate()'s business. */
  server = choose_server (self, &row, &touched, NULL);

  if (gtk_check_button_get_active (self->subdomain_check))
    preview = g_strdup (server != NULL ? clockify_server_get_web_base (server) : "https://NAME.clockify.me");
  else if (gtk_check_button_get_active (self->custom_check) && server != NULL)
    /* Translators: %s is a URL */
    preview = g_strdup_printf (_("Requests go to %s"), clockify_server_get_api_base (server));

  /* Advanced may be folded while its choice is the one made. */
  adw_expander_row_set_subtitle (self->advanced_row,
                                 gtk_check_button_get_active (self->custom_check)
                                 ? _("A custom server is chosen")
                                 : _("A self-hosted or test server"));

  gtk_label_set_label (self->server_preview, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->server_preview), preview != NULL);

  if (server != NULL)
    profile = g_strconcat (clockify_server_get_web_base (server), "/user/settings", NULL);

  adw_action_row_set_subtitle (self->profile_row,
                               profile != NULL ? profile : _("Choose a valid server first"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.open-profile", profile != NULL);
}

/**
 * _timecard_credential_dialog_server_changed:
 *
 * Shows the rows of the chosen kind of server and where it leads.
 */
void
_timecard_credential_dialog_server_changed (TimecardCredentialDialog *self)
{
  gboolean custom = gtk_check_button_get_active (self->custom_check);

  gtk_widget_set_visible (GTK_WIDGET (self->region_row), gtk_check_button_get_active (self->region_check));
  gtk_widget_set_visible (GTK_WIDGET (self->subdomain_row), gtk_check_button_get_active (self->subdomain_check));
  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_row), custom);
  if (custom)
    adw_expander_row_set_expanded (self->advanced_row, TRUE);

  update_preview (self);
}

void
_timecard_credential_dialog_server_toggled (TimecardCredentialDialog *self,
                                            GtkCheckButton           *check)
{
  g_assert (TIMECARD_IS_CREDENTIAL_DIALOG (self));

  /* Each choice toggles twice: once off, once on. React once. */
  if (!gtk_check_button_get_active (check))
    return;

  _timecard_credential_dialog_server_changed (self);
  _timecard_credential_dialog_field_changed (self, GTK_WIDGET (check));

  if (check == self->subdomain_check && !self->filling)
    gtk_widget_grab_focus (GTK_WIDGET (self->subdomain_row));
  else if (check == self->custom_check && !self->filling)
    gtk_widget_grab_focus (GTK_WIDGET (self->custom_row));
}

/**
 * _timecard_credential_dialog_set_server:
 * @server: the server to choose
 *
 * Puts @server into the form.
 */
void
_timecard_credential_dialog_set_server (TimecardCredentialDialog *self,
                                        ClockifyServer           *server)
{
  switch (clockify_server_get_kind (server))
    {
    case CLOCKIFY_SERVER_REGION:
      for (guint i = 0; i < G_N_ELEMENTS (region_codes); i++)
        if (g_strcmp0 (region_codes[i], clockify_server_get_region (server)) == 0)
          adw_combo_row_set_selected (self->region_row, i);
      gtk_check_button_set_active (self->region_check, TRUE);
      break;

    case CLOCKIFY_SERVER_SUBDOMAIN:
      gtk_editable_set_text (GTK_EDITABLE (self->subdomain_row), clockify_server_get_subdomain (server));
      gtk_check_button_set_active (self->subdomain_check, TRUE);
      break;

    case CLOCKIFY_SERVER_CUSTOM:
      gtk_editable_set_text (GTK_EDITABLE (self->custom_row), clockify_server_get_web_base (server));
      gtk_check_button_set_active (self->custom_check, TRUE);
      break;

    case CLOCKIFY_SERVER_GLOBAL:
    default:
      gtk_check_button_set_active (self->global_check, TRUE);
      break;
    }

  _timecard_credential_dialog_server_changed (self);
}

/**
 * _timecard_credential_dialog_dup_profile_uri:
 *
 * Returns: (transfer full) (nullable): the profile settings page of the
 *   chosen server, where API keys are generated, or %NULL while the
 *   server is not valid
 */
char *
_timecard_credential_dialog_dup_profile_uri (TimecardCredentialDialog *self)
{
  g_autoptr(ClockifyServer) server = NULL;
  GtkWidget *row;
  gboolean touched;

  server = choose_server (self, &row, &touched, NULL);
  if (server == NULL)
    return NULL;

  return g_strconcat (clockify_server_get_web_base (server), "/user/settings", NULL);
}
