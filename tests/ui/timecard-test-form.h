/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "timecard-credential-dialog.h"

G_BEGIN_DECLS

/* The credential dialog's controls, found the way a user finds them: by
 * their titles and labels. */
typedef struct
{
  TimecardCredentialDialog *dialog;
  GtkWidget                *name;
  GtkWidget                *description;
  GtkWidget                *key;
  GtkWidget                *subdomain;
  GtkWidget                *custom;
  GtkWidget                *save;
  GtkWidget                *save_unverified;
  GtkWidget                *cancel;
} TimecardTestForm;

void        timecard_test_form_init           (TimecardTestForm *form,
                                               TimecardCredentialDialog *dialog);
void        timecard_test_form_choose_server  (TimecardTestForm *form,
                                               const char       *title);
GtkWidget  *timecard_test_form_message        (GtkWidget        *row);
const char *timecard_test_form_message_text   (GtkWidget        *row);
void        timecard_test_form_fill           (TimecardTestForm *form,
                                               const char       *name,
                                               const char       *description,
                                               const char       *key,
                                               const char       *custom_url);
void        timecard_test_form_save           (TimecardTestForm *form);

G_END_DECLS
