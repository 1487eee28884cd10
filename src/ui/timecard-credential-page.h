/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-credential-store.h"

G_BEGIN_DECLS

#define TIMECARD_TYPE_CREDENTIAL_PAGE (timecard_credential_page_get_type ())

G_DECLARE_FINAL_TYPE (TimecardCredentialPage, timecard_credential_page, TIMECARD, CREDENTIAL_PAGE, GtkBox)

GtkWidget          *timecard_credential_page_new             (TimecardCredentialStore *store,
                                                              TimecardCredential      *credential);
TimecardCredential *timecard_credential_page_get_credential  (TimecardCredentialPage  *self);
GListModel         *timecard_credential_page_get_workspaces  (TimecardCredentialPage  *self);

G_END_DECLS
