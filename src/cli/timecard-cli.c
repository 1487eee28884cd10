/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "timecard-cli-common.h"
#include "timecard-cli-credentials.h"
#include "timecard-cli-export.h"
#include "timecard-cli-workspaces.h"

static gboolean show_version;

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
  { NULL }
};

static const TimecardCliCommand commands[] = {
  { "credentials", N_("Manage Clockify credentials (list, add, edit, verify, remove)"), timecard_cli_credentials },
  { "workspaces", N_("List the workspaces of a credential’s key"), timecard_cli_workspaces },
  { "export", N_("Export a workspace to CSV, JSON Lines or SQLite"), timecard_cli_export },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = timecard_cli_context_new (NULL, _("COMMAND [ARGUMENT…]"),
                                      _("Export Clockify data with credentials kept in the Secret Service."),
                                      commands, main_entries);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;

  if (show_version)
    {
      g_print ("timecard-cli %s\n", VERSION);
      return TIMECARD_CLI_EXIT_OK;
    }

  return timecard_cli_run_command (context, commands, argc, argv);
}
