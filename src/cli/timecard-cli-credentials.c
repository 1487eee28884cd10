/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-cli"

#include "config.h"

#include "timecard-cli-credentials.h"

#include <glib/gi18n.h>

#include "timecard-cli-common.h"
#include "timecard-credential-validate.h"
#include "timecard-secret.h"

/* timecard-cli credentials list|add|edit|verify|remove */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (_("never"));

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
format_time_iso8601 (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);
  return g_date_time_format_iso8601 (utc);
}

static const char *
describe_state (TimecardCredentialState state)
{
  switch (state)
    {
    case TIMECARD_CREDENTIAL_STATE_VERIFIED:
      return _("verified");
    case TIMECARD_CREDENTIAL_STATE_REJECTED:
      return _("rejected");
    case TIMECARD_CREDENTIAL_STATE_MISSING_KEY:
      return _("key missing");
    case TIMECARD_CREDENTIAL_STATE_UNVERIFIED:
    default:
      return _("unverified");
    }
}

/* "Jane Doe <jane@example.com>", or whatever part of it is known. */
static char *
describe_user (TimecardCredential *credential)
{
  const char *name = timecard_credential_get_user_name (credential);
  const char *email = timecard_credential_get_user_email (credential);

  if (name != NULL && email != NULL)
    return g_strdup_printf ("%s <%s>", name, email);

  return g_strdup (name != NULL ? name : email);
}

static void
add_json_string (JsonBuilder *builder,
                 const char  *member,
                 const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_json_time (JsonBuilder *builder,
               const char  *member,
               GDateTime   *time)
{
  g_autofree char *text = format_time_iso8601 (time);

  add_json_string (builder, member, text);
}

static JsonNode *
credentials_to_json (GListModel *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (credentials);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TimecardCredential) credential = g_list_model_get_item (credentials, i);
      g_autofree char *server = clockify_server_to_string (timecard_credential_get_server (credential));

      json_builder_begin_object (builder);
      add_json_string (builder, "id", timecard_credential_get_id (credential));
      add_json_string (builder, "name", timecard_credential_get_name (credential));
      add_json_string (builder, "description", timecard_credential_get_description (credential));
      add_json_string (builder, "server", server);
      add_json_string (builder, "state",
                       timecard_credential_state_to_string (timecard_credential_get_state (credential)));
      add_json_string (builder, "state_message", timecard_credential_get_state_message (credential));
      add_json_time (builder, "created", timecard_credential_get_created (credential));
      add_json_time (builder, "last_verified", timecard_credential_get_last_verified (credential));

      json_builder_set_member_name (builder, "user");
      if (timecard_credential_get_user_id (credential) != NULL)
        {
          json_builder_begin_object (builder);
          add_json_string (builder, "id", timecard_credential_get_user_id (credential));
          add_json_string (builder, "name", timecard_credential_get_user_name (credential));
          add_json_string (builder, "email", timecard_credential_get_user_email (credential));
          add_json_string (builder, "time_zone", timecard_credential_get_user_time_zone (credential));
          json_builder_end_object (builder);
        }
      else
        {
          json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_credentials (GListModel *credentials)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = g_list_model_get_n_items (credentials);

  if (n == 0)
    {
      g_print ("%s\n", _("No credentials yet. Add one with “timecard-cli credentials add --name NAME”."));
      return;
    }

  g_ptr_array_add (rows, g_strdupv ((char *[]) {
    _("NAME"), _("SERVER"), _("STATE"), _("USER"), _("LAST VERIFIED"), NULL,
  }));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TimecardCredential) credential = g_list_model_get_item (credentials, i);
      const char *email = timecard_credential_get_user_email (credential);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (timecard_credential_get_name (credential));
      row[1] = clockify_server_to_string (timecard_credential_get_server (credential));
      row[2] = g_strdup (describe_state (timecard_credential_get_state (credential)));
      row[3] = g_strdup (email != NULL ? email : "-");
      row[4] = format_time (timecard_credential_get_last_verified (credential));
      g_ptr_array_add (rows, row);
    }

  timecard_cli_print_table (rows);
}

static gboolean list_json;

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &list_json, N_("Print JSON"), NULL },
  { NULL }
};

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GError) error = NULL;

  context = timecard_cli_context_new ("credentials list", NULL,
                                      _("List the saved credentials: name, server, state, the "
                                        "Clockify user of the key and when it was last verified."),
                                      NULL, list_entries);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc > 1)
    return timecard_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);

  if (!(store = timecard_cli_load_store (&error)))
    return timecard_cli_fail (error);

  if (list_json)
    {
      g_autoptr(JsonNode) node = credentials_to_json (G_LIST_MODEL (store));

      timecard_cli_print_json (node);
    }
  else
    {
      print_credentials (G_LIST_MODEL (store));
    }

  return TIMECARD_CLI_EXIT_OK;
}

/* Prints @what (which takes ownership) and who the key belongs to. */
static void
print_outcome (TimecardCredential *credential,
               char               *what)
{
  g_autofree char *owned_what = what;
  g_autofree char *user = describe_user (credential);

  if (timecard_credential_get_state (credential) == TIMECARD_CREDENTIAL_STATE_VERIFIED && user != NULL)
    /* Translators: the first %s is a sentence such as “Added “Work”.”,
     * the second the Clockify user, “Name <email>” */
    g_print (_("%s The key belongs to %s.\n"), what, user);
  else
    g_print (_("%s The key is not verified.\n"), what);
}

/* What the store would refuse anyway, checked before the key is asked for. */
static gboolean
check_form (TimecardCredentialStore  *store,
            TimecardCredential       *except,
            const char               *name,
            const char               *description,
            GError                  **error)
{
  g_autofree char *valid_name = NULL;
  g_autofree char *valid_description = NULL;

  return (name == NULL ||
          (valid_name = timecard_credential_store_validate_name (store, except, name, error)) != NULL) &&
         (description == NULL ||
          (valid_description = timecard_credential_validate_description (description, error)) != NULL);
}

static char *add_name;
static char *add_description;
static char *add_server;
static gboolean add_no_verify;

static const GOptionEntry add_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &add_name, N_("The credential’s name (required, unique)"), N_("NAME") },
  { "description", 0, 0, G_OPTION_ARG_STRING, &add_description, N_("A description"), N_("TEXT") },
  { "server", 0, 0, G_OPTION_ARG_STRING, &add_server,
    N_("The Clockify server of the key: global (default), euc1, use2, euw2, apse2, "
       "subdomain:NAME or a URL"), N_("SPEC") },
  { "no-verify", 0, 0, G_OPTION_ARG_NONE, &add_no_verify, N_("Store the key without asking Clockify"), NULL },
  { NULL }
};

static int
run_add (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(TimecardCredential) credential = NULL;
  g_autoptr(ClockifyServer) server = NULL;
  g_autoptr(TimecardApiKey) key = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TimecardCliWait wait = { 0 };

  context = timecard_cli_context_new ("credentials add", NULL,
                                      _("Save a Clockify API key under a name. The key is read from "
                                        "standard input and checked with Clockify unless "
                                        "--no-verify is given; a key Clockify rejects is not saved."),
                                      NULL, add_entries);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc > 1)
    return timecard_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (add_name == NULL)
    return timecard_cli_usage_error (_("Give the credential a name with --name NAME"));

  if (!(server = timecard_credential_parse_server (add_server, &error)))
    return timecard_cli_fail (error);

  if (!(store = timecard_cli_load_store (&error)) ||
      !check_form (store, NULL, add_name, add_description, &error) ||
      !(key = timecard_cli_read_key (add_name, &error)))
    return timecard_cli_fail (error);

  timecard_credential_store_add_async (store, add_name, add_description, server, key,
                                       add_no_verify ? TIMECARD_CREDENTIAL_STORE_FLAGS_NONE
                                                     : TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY,
                                       NULL, timecard_cli_wait_done, &wait);
  g_clear_pointer (&key, secret_password_free);
  result = timecard_cli_wait (&wait);

  if (!(credential = timecard_credential_store_add_finish (store, result, &error)))
    return timecard_cli_fail (error);

  print_outcome (credential, g_strdup_printf (_("Added “%s”."),
                                             timecard_credential_get_name (credential)));
  return TIMECARD_CLI_EXIT_OK;
}

static char *edit_name;
static char *edit_description;
static char *edit_server;
static gboolean edit_key;
static gboolean edit_no_verify;

static const GOptionEntry edit_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &edit_name, N_("A new name"), N_("NEW") },
  { "description", 0, 0, G_OPTION_ARG_STRING, &edit_description, N_("A new description"), N_("TEXT") },
  { "server", 0, 0, G_OPTION_ARG_STRING, &edit_server,
    N_("A new server: global, euc1, use2, euw2, apse2, subdomain:NAME or a URL"), N_("SPEC") },
  { "key", 0, 0, G_OPTION_ARG_NONE, &edit_key, N_("Read a new API key from standard input"), NULL },
  { "no-verify", 0, 0, G_OPTION_ARG_NONE, &edit_no_verify,
    N_("Save a new key or server without asking Clockify"), NULL },
  { NULL }
};

static int
run_edit (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(ClockifyServer) server = NULL;
  g_autoptr(TimecardApiKey) key = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TimecardCredential *credential;
  TimecardCliWait wait = { 0 };

  context = timecard_cli_context_new ("credentials edit", _("NAME"),
                                      _("Change a credential. A new key (--key, read from standard "
                                        "input) or server is checked with Clockify unless "
                                        "--no-verify is given, and not saved if Clockify rejects it."),
                                      NULL, edit_entries);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc != 2)
    return timecard_cli_usage_error (_("Name the credential to edit: timecard-cli credentials edit NAME"));
  if (edit_name == NULL && edit_description == NULL && edit_server == NULL && !edit_key)
    return timecard_cli_usage_error (_("Nothing to change: give --name, --description, --server or --key"));

  if (edit_server != NULL && !(server = timecard_credential_parse_server (edit_server, &error)))
    return timecard_cli_fail (error);

  if (!(store = timecard_cli_load_store (&error)) ||
      !(credential = timecard_cli_find_credential (store, argv[1], &error)) ||
      !check_form (store, credential, edit_name, edit_description, &error) ||
      (edit_key && !(key = timecard_cli_read_key (timecard_credential_get_name (credential), &error))))
    return timecard_cli_fail (error);

  timecard_credential_store_update_async (store, credential, edit_name, edit_description, server, key,
                                          edit_no_verify ? TIMECARD_CREDENTIAL_STORE_FLAGS_NONE
                                                         : TIMECARD_CREDENTIAL_STORE_FLAGS_VERIFY,
                                          NULL, timecard_cli_wait_done, &wait);
  g_clear_pointer (&key, secret_password_free);
  result = timecard_cli_wait (&wait);

  if (!timecard_credential_store_update_finish (store, result, &error))
    return timecard_cli_fail (error);

  print_outcome (credential, g_strdup_printf (_("Saved “%s”."),
                                             timecard_credential_get_name (credential)));
  return TIMECARD_CLI_EXIT_OK;
}

static int
run_verify (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TimecardCredential *credential;
  TimecardCliWait wait = { 0 };

  context = timecard_cli_context_new ("credentials verify", _("NAME"),
                                      _("Ask Clockify whether it accepts a credential’s key, and "
                                        "save the answer."),
                                      NULL, NULL);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc != 2)
    return timecard_cli_usage_error (_("Name the credential to verify: timecard-cli credentials verify NAME"));

  if (!(store = timecard_cli_load_store (&error)) ||
      !(credential = timecard_cli_find_credential (store, argv[1], &error)))
    return timecard_cli_fail (error);

  timecard_credential_store_verify_async (store, credential, NULL, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);

  if (!timecard_credential_store_verify_finish (store, result, &error))
    return timecard_cli_fail (error);

  print_outcome (credential, g_strdup_printf (_("Clockify accepts the key of “%s”."),
                                             timecard_credential_get_name (credential)));
  return TIMECARD_CLI_EXIT_OK;
}

static int
run_remove (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  TimecardCredential *credential;
  TimecardCliWait wait = { 0 };

  context = timecard_cli_context_new ("credentials remove", _("NAME"),
                                      _("Remove a credential and delete its key from the keyring."),
                                      NULL, NULL);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc != 2)
    return timecard_cli_usage_error (_("Name the credential to remove: timecard-cli credentials remove NAME"));

  if (!(store = timecard_cli_load_store (&error)) ||
      !(credential = timecard_cli_find_credential (store, argv[1], &error)))
    return timecard_cli_fail (error);

  name = g_strdup (timecard_credential_get_name (credential));
  timecard_credential_store_remove_async (store, credential, NULL, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);

  if (!timecard_credential_store_remove_finish (store, result, &error))
    return timecard_cli_fail (error);

  g_print (_("Removed “%s”.\n"), name);
  return TIMECARD_CLI_EXIT_OK;
}

static const TimecardCliCommand credentials_commands[] = {
  { "list", N_("List the saved credentials"), run_list },
  { "add", N_("Save an API key under a name (the key is read from standard input)"), run_add },
  { "edit", N_("Change a credential’s name, description, server or key"), run_edit },
  { "verify", N_("Check a credential’s key with Clockify"), run_verify },
  { "remove", N_("Remove a credential and its key"), run_remove },
  { NULL }
};

/**
 * timecard_cli_credentials:
 *
 * Runs `timecard-cli credentials COMMAND ...`.
 *
 * Returns: the exit code
 */
int
timecard_cli_credentials (int    argc,
                          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;

  context = timecard_cli_context_new ("credentials", _("COMMAND [OPTION…]"),
                                      _("Manage Clockify credentials: API keys kept in the Secret "
                                        "Service, with a name, a description and a server."),
                                      credentials_commands, NULL);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;

  return timecard_cli_run_command (context, credentials_commands, argc, argv);
}
