/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "clockify-sim.h"
#include "timecard-application.h"
#include "timecard-credential-dialog.h"
#include "timecard-window.h"

G_BEGIN_DECLS

/* Waits for one asynchronous call: pass timecard_test_async_done and the
 * struct as callback and data, then timecard_test_async_wait(). */
typedef struct
{
  GAsyncResult *result;
} TimecardTestAsync;

void                 timecard_test_async_done          (GObject             *object,
                                                        GAsyncResult        *result,
                                                        gpointer             user_data);
GAsyncResult        *timecard_test_async_wait          (TimecardTestAsync   *async);

TimecardApplication *timecard_test_app_new             (void);
TimecardWindow      *timecard_test_app_open_window     (TimecardApplication *app);
void                 timecard_test_window_reload       (TimecardWindow      *window);
void                 timecard_test_app_reset           (TimecardApplication *app);
void                 timecard_test_app_quit            (TimecardApplication *app);

GtkWindow           *timecard_test_find_toplevel       (GType                type);
gboolean             timecard_test_wait_for_toplevel   (GType                type);
gboolean             timecard_test_wait_for_no_toplevel (GType               type);
TimecardCredentialDialog *timecard_test_open_add_dialog (TimecardWindow     *window);

char                *timecard_test_lookup_key          (const char          *credential_id);
guint                timecard_test_count_keys          (void);
TimecardCredential  *timecard_test_add_credential      (TimecardCredentialStore      *store,
                                                        const char                   *name,
                                                        const char                   *description,
                                                        const char                   *server,
                                                        const char                   *key,
                                                        TimecardCredentialStoreFlags  flags);
gboolean             timecard_test_verify_credential   (TimecardCredentialStore      *store,
                                                        TimecardCredential           *credential);

ClockifySim         *timecard_test_sim_new             (void);
char                *timecard_test_sim_user_field      (ClockifySim         *sim,
                                                        ClockifySimKey       key,
                                                        const char          *field);
char                *timecard_test_closed_port_url     (void);

G_END_DECLS
