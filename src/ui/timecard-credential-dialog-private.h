/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-credential-dialog.h"
#include "timecard-field-message.h"

G_BEGIN_DECLS

struct _TimecardCredentialDialog
{
  AdwWindow                      parent_instance;

  TimecardCredentialStore       *store;
  TimecardCredential            *credential;
  GCancellable                  *cancellable;
  TimecardCredentialDialogState  state;

  /* Fields the user has changed: only they show their messages. */
  guint                          touched_name : 1;
  guint                          touched_description : 1;
  guint                          touched_key : 1;
  guint                          touched_subdomain : 1;
  guint                          touched_custom : 1;
  /* The form is being filled from the credential. */
  guint                          filling : 1;
  /* The last Save could not reach Clockify. */
  guint                          offer_unverified : 1;
  guint                          closed : 1;

  /* Template widgets */
  AdwExpanderRow                *advanced_row;
  GtkCheckButton                *custom_check;
  AdwEntryRow                   *custom_row;
  GtkLabel                      *description_error;
  AdwEntryRow                   *description_row;
  GtkBox                        *form;
  GtkCheckButton                *global_check;
  GtkLabel                      *key_error;
  GtkLabel                      *key_hint;
  AdwPasswordEntryRow           *key_row;
  GtkImage                      *message_image;
  GtkLabel                      *message_label;
  GtkRevealer                   *message_revealer;
  GtkLabel                      *name_error;
  AdwEntryRow                   *name_row;
  AdwActionRow                  *profile_row;
  GtkCheckButton                *region_check;
  AdwComboRow                   *region_row;
  GtkButton                     *save_button;
  GtkScrolledWindow             *scrolled_window;
  GtkLabel                      *server_error;
  GtkListBox                    *server_list;
  GtkLabel                      *server_preview;
  GtkSpinner                    *spinner;
  GtkCheckButton                *subdomain_check;
  AdwEntryRow                   *subdomain_row;
  GtkButton                     *unverified_button;
  AdwWindowTitle                *window_title;
};

void            _timecard_credential_dialog_field_changed   (TimecardCredentialDialog *self,
                                                             GtkWidget                *field);
void            _timecard_credential_dialog_set_field_error (GtkWidget                *row,
                                                             GtkLabel                 *label,
                                                             const GError             *error,
                                                             gboolean                  show);

/* timecard-credential-dialog-server.c */
ClockifyServer *_timecard_credential_dialog_build_server    (TimecardCredentialDialog *self,
                                                             gboolean                  show_all);
void            _timecard_credential_dialog_set_server      (TimecardCredentialDialog *self,
                                                             ClockifyServer           *server);
void            _timecard_credential_dialog_server_changed  (TimecardCredentialDialog *self);
void            _timecard_credential_dialog_server_toggled  (TimecardCredentialDialog *self,
                                                             GtkCheckButton           *check);
char           *_timecard_credential_dialog_dup_profile_uri (TimecardCredentialDialog *self);

G_END_DECLS
