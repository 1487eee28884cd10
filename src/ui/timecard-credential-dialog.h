/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-credential-store.h"

G_BEGIN_DECLS

/**
 * TimecardCredentialDialogState:
 * @TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE: the form is incomplete or invalid
 * @TIMECARD_CREDENTIAL_DIALOG_STATE_READY: the form is valid: Save can start
 * @TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY: verifying and storing; the form is
 *   insensitive and closing the dialog cancels
 * @TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR: the last Save failed; the message
 *   says why and Save tries again
 * @TIMECARD_CREDENTIAL_DIALOG_STATE_DONE: saved; the dialog closes
 *
 * Where the credential dialog is in its work.
 */
typedef enum
{
  TIMECARD_CREDENTIAL_DIALOG_STATE_IDLE,
  TIMECARD_CREDENTIAL_DIALOG_STATE_READY,
  TIMECARD_CREDENTIAL_DIALOG_STATE_BUSY,
  TIMECARD_CREDENTIAL_DIALOG_STATE_ERROR,
  TIMECARD_CREDENTIAL_DIALOG_STATE_DONE,
} TimecardCredentialDialogState;

#define TIMECARD_TYPE_CREDENTIAL_DIALOG (timecard_credential_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TimecardCredentialDialog, timecard_credential_dialog, TIMECARD, CREDENTIAL_DIALOG, AdwWindow)

TimecardCredentialDialog      *timecard_credential_dialog_new            (GtkWindow                *parent,
                                                                          TimecardCredentialStore  *store,
                                                                          TimecardCredential       *credential);
TimecardCredentialStore       *timecard_credential_dialog_get_store      (TimecardCredentialDialog *self);
TimecardCredential            *timecard_credential_dialog_get_credential (TimecardCredentialDialog *self);
TimecardCredentialDialogState  timecard_credential_dialog_get_state      (TimecardCredentialDialog *self);

G_END_DECLS
