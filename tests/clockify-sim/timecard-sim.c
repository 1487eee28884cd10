/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * timecard-sim: the Clockify simulator as a program, for manual runs and
 * the demo. Listens on 127.0.0.1 only and prints its base URL as the first
 * line of stdout. Keys go to --keys-file (mode 0600), never to stdout
 * unless --print-keys.
 */
#define G_LOG_DOMAIN "timecard-sim"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "clockify-sim.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
write_keys (ClockifySim  *sim,
            const char   *path,
            GError      **error)
{
  g_autofree char *contents = g_strdup_printf ("owner %s\nmember %s\n",
                                               clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                                               clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));

  /* Created with 0600 before any byte is written, and replaced atomically. */
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

int
main (int    argc,
      char **argv)
{
  gint port = 0, seed = 1, entries = -1, users = -1, years = -1;
  g_autofree char *keys_file = NULL;
  g_autofree char *faults = NULL;
  gboolean print_keys = FALSE, spec_spelling = FALSE;
  const GOptionEntry option_entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (default: any free port)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the data set (default 1)", "N" },
    { "entries", 'e', 0, G_OPTION_ARG_INT, &entries, "Time entries in the paid workspace (default 300)", "N" },
    { "users", 'u', 0, G_OPTION_ARG_INT, &users, "Users (default 5, at least 2)", "N" },
    { "years", 'y', 0, G_OPTION_ARG_INT, &years, "Years of history (default 3)", "N" },
    { "keys-file", 'k', 0, G_OPTION_ARG_FILENAME, &keys_file, "Write the API keys (\"owner KEY\", \"member KEY\") to PATH, mode 0600", "PATH" },
    { "print-keys", 0, 0, G_OPTION_ARG_NONE, &print_keys, "Also print the keys on stdout", NULL },
    { "faults", 'f', 0, G_OPTION_ARG_STRING, &faults, "Faults to inject, e.g. \"status,status=503,retry-after=1,count=2;drop,path=/tags\"", "SPEC" },
    { "spec-spelling", 0, 0, G_OPTION_ARG_NONE, &spec_spelling, "Reports use \"timeEntries\"/\"id\" instead of \"timeentries\"/\"_id\"", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClockifySim) sim = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  ClockifySimOptions options;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— a Clockify API simulator on 127.0.0.1");
  g_option_context_set_summary (context,
                                "Serves a deterministic Clockify data set under /api/v1 and /report/v1,\n"
                                "with Clockify's authentication, rate limits and pagination.");
  g_option_context_add_main_entries (context, option_entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("timecard-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (port < 0 || port > G_MAXUINT16 || seed < 0 || (entries < -1) || (users != -1 && users < 2) || years == 0 || years < -1)
    {
      g_printerr ("timecard-sim: invalid option value (see --help)\n");
      return EXIT_FAILURE;
    }

  clockify_sim_options_init_default (&options);
  options.seed = seed;
  if (entries >= 0)
    options.n_time_entries = entries;
  if (users > 0)
    options.n_users = users;
  if (years > 0)
    options.years = years;
  options.report_spec_spelling = spec_spelling;

  sim = clockify_sim_new (&options);
  if (faults != NULL && !clockify_sim_add_faults_from_string (sim, faults, &error))
    {
      g_printerr ("timecard-sim: --faults: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (keys_file != NULL && !write_keys (sim, keys_file, &error))
    {
      g_printerr ("timecard-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (!clockify_sim_start_on_port (sim, port, &error))
    {
      g_printerr ("timecard-sim: cannot listen: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%s\n", clockify_sim_get_base_url (sim));
  g_print ("workspace paid %s\n", clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_PAID));
  g_print ("workspace free %s\n", clockify_sim_get_workspace_id (sim, CLOCKIFY_SIM_WORKSPACE_FREE));
  if (print_keys)
    {
      g_print ("owner %s\n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER));
      g_print ("member %s\n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));
    }
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  clockify_sim_stop (sim);
  return EXIT_SUCCESS;
}
