/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "clockify-user.h"
#include "clockify-workspace.h"
#include "timecard-credential-store.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_CREDENTIAL_PAGE (timecard_credential_page_get_type ())

G_DECLARE_FINAL_TYPE (TimecardCredentialPage, timecard_credential_page, TIMECARD, CREDENTIAL_PAGE, GtkBox)

GtkWidget          *timecard_credential_page_new             (TimecardCredentialStore *store,
                                                              TimecardCredential      *credential);
TimecardCredential *timecard_credential_page_get_credential  (TimecardCredentialPage  *self);
GListModel         *timecard_credential_page_get_workspaces  (TimecardCredentialPage  *self);
ClockifyClient     *timecard_credential_page_get_client      (TimecardCredentialPage  *self);
ClockifyUser       *timecard_credential_page_get_user        (TimecardCredentialPage  *self);
ClockifyWorkspace  *timecard_credential_page_find_workspace  (TimecardCredentialPage  *self,
                                                              const char              *id);
void                timecard_credential_page_focus_workspace (TimecardCredentialPage  *self,
                                                              const char              *id);

G_END_DECLS
