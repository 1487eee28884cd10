/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-cli"

#include "config.h"

#include "timecard-cli-common.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "clockify-error.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"

/* Longer lines are cut here; validation then says the key is too long. */
#define KEY_READ_MAX 1024

static void
wait_clear (TimecardCliWait *wait)
{
  g_clear_pointer (&wait->loop, g_main_loop_unref);
}

/**
 * timecard_cli_wait_done:
 * @user_data: a #TimecardCliWait
 *
 * The callback to hand an asynchronous call whose result
 * timecard_cli_wait() waits for.
 */
void
timecard_cli_wait_done (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  TimecardCliWait *wait = user_data;

  g_assert (wait->result == NULL);

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/**
 * timecard_cli_wait:
 * @wait: the #TimecardCliWait given to timecard_cli_wait_done()
 *
 * Runs the main loop until the call is done.
 *
 * Returns: (transfer full): the call's result
 */
GAsyncResult *
timecard_cli_wait (TimecardCliWait *wait)
{
  if (wait->result == NULL)
    {
      wait->loop = g_main_loop_new (NULL, FALSE);
      g_main_loop_run (wait->loop);
      wait_clear (wait);
    }

  return g_steal_pointer (&wait->result);
}

static const char *
exit_codes_help (void)
{
  return _("API keys come from the keyring, or from standard input (without echo on a\n"
           "terminal) when one is added or replaced; never from arguments or the\n"
           "environment.\n"
           "\n"
           "Exit status:\n"
           "  0  success\n"
           "  1  usage or validation error, or the credentials file cannot be used\n"
           "  2  no such credential, or its API key is not in the keyring\n"
           "  3  Clockify rejected the API key\n"
           "  4  Clockify could not be reached, or failed\n"
           "  5  no Secret Service is available, or the keyring is locked\n");
}

/**
 * timecard_cli_context_new:
 * @command: (nullable): the command after "timecard-cli", e.g. "credentials add"
 * @parameters: (nullable): what follows the options in the usage line
 * @summary: what the command does
 * @commands: (nullable): its subcommands, listed in the help
 * @entries: (nullable): its options
 *
 * Returns: (transfer full): an option context whose `--help` explains the
 *   command, its subcommands and the exit codes
 */
GOptionContext *
timecard_cli_context_new (const char               *command,
                          const char               *parameters,
                          const char               *summary,
                          const TimecardCliCommand *commands,
                          const GOptionEntry       *entries)
{
  g_autofree char *prgname = NULL;
  g_autoptr(GString) text = g_string_new (summary);
  GOptionContext *context;

  /* --help prints the program name in its usage line. */
  prgname = command != NULL ? g_strconcat ("timecard-cli ", command, NULL) : g_strdup ("timecard-cli");
  g_set_prgname (prgname);

  if (commands != NULL)
    {
      g_string_append_printf (text, "\n\n%s", _("Commands:"));
      for (const TimecardCliCommand *c = commands; c->name != NULL; c++)
        g_string_append_printf (text, "\n  %-14s %s", c->name, _(c->summary));
    }

  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, text->str);
  g_option_context_set_description (context, exit_codes_help ());
  /* Options after the subcommand belong to the subcommand. */
  g_option_context_set_strict_posix (context, commands != NULL);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/**
 * timecard_cli_parse:
 *
 * Parses the options, printing what is wrong.
 *
 * Returns: whether the options are valid
 */
gboolean
timecard_cli_parse (GOptionContext   *context,
                    int              *argc,
                    char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      timecard_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * timecard_cli_run_command:
 * @context: the parsed context of the command group
 * @commands: the group's commands, ended by an entry without name
 * @argc: the arguments left after parsing
 * @argv: the arguments left after parsing; argv[1] names the command
 *
 * Returns: the exit code of the command named by argv[1]
 */
int
timecard_cli_run_command (GOptionContext           *context,
                          const TimecardCliCommand *commands,
                          int                       argc,
                          char                    **argv)
{
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return TIMECARD_CLI_EXIT_USAGE;
    }

  for (const TimecardCliCommand *c = commands; c->name != NULL; c++)
    {
      if (g_str_equal (c->name, argv[1]))
        return c->run (argc - 1, argv + 1);
    }

  return timecard_cli_usage_error (_("Unknown command “%s”; see “%s --help”"),
                                   argv[1], g_get_prgname ());
}

static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  /* One line per error, whatever the message holds. */
  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("timecard-cli: %s\n", line);
}

static int
exit_code_for_error (const GError *error)
{
  if (error->domain == TIMECARD_CREDENTIAL_ERROR)
    {
      switch ((TimecardCredentialError) error->code)
        {
        case TIMECARD_CREDENTIAL_ERROR_NOT_FOUND:
        case TIMECARD_CREDENTIAL_ERROR_KEY_MISSING:
          return TIMECARD_CLI_EXIT_NOT_FOUND;

        case TIMECARD_CREDENTIAL_ERROR_REJECTED:
          return TIMECARD_CLI_EXIT_REJECTED;

        case TIMECARD_CREDENTIAL_ERROR_VERIFY_FAILED:
          return TIMECARD_CLI_EXIT_NETWORK;

        case TIMECARD_CREDENTIAL_ERROR_SECRET_SERVICE:
          return TIMECARD_CLI_EXIT_SECRET_SERVICE;

        case TIMECARD_CREDENTIAL_ERROR_NAME_REQUIRED:
        case TIMECARD_CREDENTIAL_ERROR_NAME_TOO_LONG:
        case TIMECARD_CREDENTIAL_ERROR_NAME_INVALID:
        case TIMECARD_CREDENTIAL_ERROR_NAME_TAKEN:
        case TIMECARD_CREDENTIAL_ERROR_DESCRIPTION_TOO_LONG:
        case TIMECARD_CREDENTIAL_ERROR_KEY_REQUIRED:
        case TIMECARD_CREDENTIAL_ERROR_KEY_INVALID:
        case TIMECARD_CREDENTIAL_ERROR_SERVER_INVALID:
        case TIMECARD_CREDENTIAL_ERROR_STORAGE:
        default:
          return TIMECARD_CLI_EXIT_USAGE;
        }
    }

  if (error->domain == CLOCKIFY_ERROR)
    {
      if (error->code == CLOCKIFY_ERROR_UNAUTHORIZED || error->code == CLOCKIFY_ERROR_FORBIDDEN)
        return TIMECARD_CLI_EXIT_REJECTED;
      if (error->code == CLOCKIFY_ERROR_INVALID_SERVER)
        return TIMECARD_CLI_EXIT_USAGE;
      return TIMECARD_CLI_EXIT_NETWORK;
    }

  /* Nothing in timecard-cli cancels; the keyring's unlock prompt can. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TIMECARD_CLI_EXIT_SECRET_SERVICE;

  return TIMECARD_CLI_EXIT_USAGE;
}

/**
 * timecard_cli_fail:
 * @error: what went wrong
 *
 * Prints @error as one line on standard error.
 *
 * Returns: the documented exit code for @error
 */
int
timecard_cli_fail (const GError *error)
{
  print_error_line (error->message);

  return exit_code_for_error (error);
}

/**
 * timecard_cli_usage_error:
 * @format: a printf() format of the message
 *
 * Prints a usage error as one line on standard error.
 *
 * Returns: %TIMECARD_CLI_EXIT_USAGE
 */
int
timecard_cli_usage_error (const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (message);

  return TIMECARD_CLI_EXIT_USAGE;
}

/**
 * timecard_cli_load_store:
 * @error: return location for an error
 *
 * Loads the user's credentials. Fails when the Secret Service cannot be
 * reached, so every command fails early and the same way without it.
 *
 * Returns: (transfer full) (nullable): the loaded store
 */
TimecardCredentialStore *
timecard_cli_load_store (GError **error)
{
  g_autoptr(TimecardCredentialStore) store = timecard_credential_store_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  TimecardCliWait wait = { 0 };

  timecard_credential_store_load_async (store, NULL, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);
  if (!timecard_credential_store_load_finish (store, result, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * timecard_cli_find_credential:
 * @name: a credential name, in any case
 * @error: return location for %TIMECARD_CREDENTIAL_ERROR_NOT_FOUND
 *
 * Returns: (transfer none) (nullable): the credential named @name
 */
TimecardCredential *
timecard_cli_find_credential (TimecardCredentialStore  *store,
                              const char               *name,
                              GError                  **error)
{
  TimecardCredential *credential = timecard_credential_store_find_by_name (store, name);

  if (credential == NULL)
    g_set_error (error, TIMECARD_CREDENTIAL_ERROR, TIMECARD_CREDENTIAL_ERROR_NOT_FOUND,
                 _("There is no credential named “%s”; see “timecard-cli credentials list”"),
                 name);

  return credential;
}

static struct termios saved_termios;

/* Leaves the terminal echoing again when a signal ends the prompt. */
static void
restore_terminal_and_reraise (int signum)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  raise (signum);
}

/* Reads one line of at most KEY_READ_MAX bytes into @buffer, which must
 * have room for KEY_READ_MAX + 1. Reads byte by byte so nothing after the
 * line is consumed, and no stdio buffer keeps a copy of the key. */
static gboolean
read_line (char    *buffer,
           GError **error)
{
  gsize len = 0;

  for (;;)
    {
      char c;
      ssize_t n = read (STDIN_FILENO, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot read the API key from standard input: %s"),
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0 || c == '\n')
        break;
      if (len < KEY_READ_MAX)
        buffer[len++] = c;
    }

  buffer[len] = '\0';
  return TRUE;
}

/**
 * timecard_cli_read_key:
 * @name: the credential the key is for, named in the prompt
 * @error: return location for an error
 *
 * Reads an API key from standard input: on a terminal after a prompt on
 * standard error, without echo; otherwise the first line. The key is
 * validated later, by the store.
 *
 * Returns: (transfer full) (nullable): the key as read, to be freed with
 *   secret_password_free()
 */
char *
timecard_cli_read_key (const char  *name,
                       GError     **error)
{
  g_autoptr(TimecardApiKey) buffer = g_malloc0 (KEY_READ_MAX + 1);
  struct sigaction action = { 0 }, old_actions[4];
  const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
  struct termios silent;
  gboolean terminal;
  gboolean ok;

  terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved_termios) == 0;
  if (!terminal)
    return read_line (buffer, error) ? g_steal_pointer (&buffer) : NULL;

  g_printerr (_("API key for “%s” (input is hidden): "), name);

  action.sa_handler = restore_terminal_and_reraise;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, &old_actions[i]);

  silent = saved_termios;
  silent.c_lflag &= ~(tcflag_t) ECHO;
  silent.c_lflag |= ECHONL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &silent);

  ok = read_line (buffer, error);

  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &old_actions[i], NULL);

  return ok ? g_steal_pointer (&buffer) : NULL;
}

/* Terminal columns @text takes: wide characters two, combining marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/**
 * timecard_cli_print_table:
 * @rows: (element-type GStrv): rows of cells, the first one the header
 *
 * Prints aligned columns on standard output.
 */
void
timecard_cli_print_table (GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          guint width = display_width (cells[c]);

          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c), width);
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_string_append (line, cells[c]);
          if (cells[c + 1] == NULL)
            break;
          for (guint pad = display_width (cells[c]); pad < g_array_index (widths, guint, c) + 2; pad++)
            g_string_append_c (line, ' ');
        }

      g_print ("%s\n", line->str);
    }
}

/**
 * timecard_cli_print_json:
 * @node: what to print
 *
 * Prints @node as indented JSON on standard output.
 */
void
timecard_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}
