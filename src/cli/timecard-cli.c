/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

/* Exit codes are part of the command-line interface: scripts rely on them. */
enum {
  EXIT_OK = 0,
  EXIT_USAGE = 1,
};

static gboolean show_version;

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version and exit"), NULL },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context,
                                _("Export Clockify data with credentials kept in the Secret Service."));
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("timecard-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (show_version)
    {
      g_print ("timecard-cli %s\n", VERSION);
      return EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  g_printerr ("timecard-cli: %s\n", _("unknown command; see “timecard-cli --help”"));
  return EXIT_USAGE;
}
