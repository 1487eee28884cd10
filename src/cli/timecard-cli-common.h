/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "timecard-credential-store.h"

G_BEGIN_DECLS

/* Exit codes are part of the command-line interface: scripts rely on them. */
typedef enum
{
  TIMECARD_CLI_EXIT_OK             = 0,
  TIMECARD_CLI_EXIT_USAGE          = 1,
  TIMECARD_CLI_EXIT_NOT_FOUND      = 2,
  TIMECARD_CLI_EXIT_REJECTED       = 3,
  TIMECARD_CLI_EXIT_NETWORK        = 4,
  TIMECARD_CLI_EXIT_SECRET_SERVICE = 5,
} TimecardCliExit;

/* A command: its name after "timecard-cli", a one-line summary, and what runs it. */
typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} TimecardCliCommand;

/* Waits on a GMainLoop for one asynchronous call. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} TimecardCliWait;

GAsyncResult            *timecard_cli_wait            (TimecardCliWait      *wait);
void                     timecard_cli_wait_done       (GObject              *object,
                                                       GAsyncResult         *result,
                                                       gpointer              user_data);

GOptionContext          *timecard_cli_context_new     (const char               *command,
                                                       const char               *parameters,
                                                       const char               *summary,
                                                       const TimecardCliCommand *commands,
                                                       const GOptionEntry       *entries);
gboolean                 timecard_cli_parse           (GOptionContext           *context,
                                                       int                      *argc,
                                                       char                   ***argv);
int                      timecard_cli_run_command     (GOptionContext           *context,
                                                       const TimecardCliCommand *commands,
                                                       int                       argc,
                                                       char                    **argv);

int                      timecard_cli_fail            (const GError         *error);
int                      timecard_cli_usage_error     (const char           *format,
                                                       ...) G_GNUC_PRINTF (1, 2);

TimecardCredentialStore *timecard_cli_load_store      (GError              **error);
TimecardCredential      *timecard_cli_find_credential (TimecardCredentialStore *store,
                                                       const char           *name,
                                                       GError              **error);
char                    *timecard_cli_read_key        (const char           *name,
                                                       GError              **error);

void                     timecard_cli_print_table     (GPtrArray            *rows);
void                     timecard_cli_print_json      (JsonNode             *node);

G_END_DECLS
