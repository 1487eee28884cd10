/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-cli"

#include "config.h"

#include "timecard-cli-workspaces.h"

#include <glib/gi18n.h>

#include "clockify-workspace.h"
#include "timecard-cli-common.h"

/* timecard-cli workspaces --credential NAME [--json] */

static char *credential_name;
static gboolean print_json;

static const GOptionEntry entries[] = {
  { "credential", 0, 0, G_OPTION_ARG_STRING, &credential_name, N_("The credential whose key to use"), N_("NAME") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &print_json, N_("Print JSON"), NULL },
  { NULL }
};

static void
print_workspaces (GPtrArray *workspaces)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("NAME"), _("PLAN"), NULL }));
  for (guint i = 0; i < workspaces->len; i++)
    {
      ClockifyWorkspace *workspace = g_ptr_array_index (workspaces, i);
      const char *plan = clockify_workspace_get_plan (workspace);

      g_ptr_array_add (rows, g_strdupv ((char *[]) {
        (char *) clockify_workspace_get_id (workspace),
        (char *) clockify_workspace_get_name (workspace),
        (char *) (plan != NULL ? plan : "-"),
        NULL,
      }));
    }

  timecard_cli_print_table (rows);
}

static JsonNode *
workspaces_to_json (GPtrArray *workspaces)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < workspaces->len; i++)
    {
      ClockifyWorkspace *workspace = g_ptr_array_index (workspaces, i);
      const char *plan = clockify_workspace_get_plan (workspace);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, clockify_workspace_get_id (workspace));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, clockify_workspace_get_name (workspace));
      json_builder_set_member_name (builder, "plan");
      if (plan != NULL)
        json_builder_add_string_value (builder, plan);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/**
 * timecard_cli_workspaces:
 *
 * Runs `timecard-cli workspaces ...`: lists the workspaces a credential's
 * key can reach, with their plans.
 *
 * Returns: the exit code
 */
int
timecard_cli_workspaces (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TimecardCredentialStore) store = NULL;
  g_autoptr(ClockifyClient) client = NULL;
  g_autoptr(GPtrArray) workspaces = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) list_result = NULL;
  g_autoptr(GError) error = NULL;
  TimecardCredential *credential;
  TimecardCliWait wait = { 0 };

  context = timecard_cli_context_new ("workspaces", NULL,
                                      _("List the Clockify workspaces a credential’s key can reach, "
                                        "with their plans."),
                                      NULL, entries);
  if (!timecard_cli_parse (context, &argc, &argv))
    return TIMECARD_CLI_EXIT_USAGE;
  if (argc > 1)
    return timecard_cli_usage_error (_("Unexpected argument “%s”"), argv[1]);
  if (credential_name == NULL)
    return timecard_cli_usage_error (_("Choose a credential with --credential NAME"));

  if (!(store = timecard_cli_load_store (&error)) ||
      !(credential = timecard_cli_find_credential (store, credential_name, &error)))
    return timecard_cli_fail (error);

  timecard_credential_store_create_client_async (store, credential, NULL, timecard_cli_wait_done, &wait);
  result = timecard_cli_wait (&wait);
  if (!(client = timecard_credential_store_create_client_finish (store, result, &error)))
    return timecard_cli_fail (error);

  clockify_client_list_workspaces_async (client, NULL, timecard_cli_wait_done, &wait);
  list_result = timecard_cli_wait (&wait);
  if (!(workspaces = clockify_client_list_workspaces_finish (client, list_result, &error)))
    {
      g_prefix_error (&error, _("Cannot list the workspaces of “%s”: "),
                      timecard_credential_get_name (credential));
      return timecard_cli_fail (error);
    }

  if (print_json)
    {
      g_autoptr(JsonNode) node = workspaces_to_json (workspaces);

      timecard_cli_print_json (node);
    }
  else
    {
      print_workspaces (workspaces);
    }

  return TIMECARD_CLI_EXIT_OK;
}
