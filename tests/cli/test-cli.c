/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "timecard-secret.h"
#include "timecard-test-cli.h"
#include "timecard-test-store.h"

/* timecard-cli credentials and workspaces, run as a program against the
 * private session's keyring and the Clockify simulator, read back from the
 * Secret Service and the credentials file. */

typedef struct
{
  ClockifySim *sim;
  const char  *url;
  char        *owner_line;
  char        *member_line;
  char        *unknown_line;
  char        *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);

  fixture->sim = clockify_sim_new (NULL);
  g_assert_true (clockify_sim_start (fixture->sim, &error));
  g_assert_no_error (error);
  fixture->url = clockify_sim_get_base_url (fixture->sim);
  fixture->owner_line = g_strdup_printf ("%s\n", clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));
  fixture->member_line = g_strdup_printf ("%s\n", clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_MEMBER));
  fixture->unknown_line = g_strdup_printf ("%s\n", clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_UNKNOWN));
  fixture->path = g_build_filename (g_get_user_data_dir (), "timecard", "credentials.ini", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *directory = g_path_get_dirname (fixture->path);

  timecard_test_rm_rf (directory);
  timecard_test_keyring_clear ();
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->owner_line, g_free);
  g_clear_pointer (&fixture->member_line, g_free);
  g_clear_pointer (&fixture->unknown_line, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static GKeyFile *
read_file (Fixture *fixture)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (file, fixture->path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

/* The id of the only credential, from the file. */
static char *
only_id (Fixture *fixture)
{
  g_autoptr(GKeyFile) file = read_file (fixture);
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  g_assert_cmpuint (g_strv_length (groups), ==, 1);
  return g_strdup (groups[0]);
}

static void
assert_nothing_stored (Fixture *fixture)
{
  g_autoptr(TimecardTestCliRun) list = NULL;

  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);
  if (g_file_test (fixture->path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GKeyFile) file = read_file (fixture);
      g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

      g_assert_cmpuint (g_strv_length (groups), ==, 0);
    }

  list = timecard_test_cli_run (NULL, "credentials", "list", "--json", NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_cmpstr (g_strstrip (list->out), ==, "[]");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The line of the table timecard-cli list printed for @name. */
static const char *
list_row (const char *out,
          const char *name)
{
  g_autofree char *start = g_strdup_printf ("\n%s  ", name);
  static char line[1024];
  const char *found = strstr (out, start);
  const char *end;

  g_assert_nonnull (found);
  found++;
  end = strchr (found, '\n');
  g_assert_nonnull (end);
  g_assert_cmpuint (end - found, <, sizeof line);
  memcpy (line, found, end - found);
  line[end - found] = '\0';

  return line;
}

static void
add_owner (Fixture    *fixture,
           const char *name)
{
  g_autoptr(TimecardTestCliRun) run = NULL;

  run = timecard_test_cli_run (fixture->owner_line, "credentials", "add", "--name", name,
                               "--server", fixture->url, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static void
test_help (void)
{
  const char *commands[][3] = {
    { NULL },
    { "credentials", NULL },
    { "credentials", "list", NULL },
    { "credentials", "add", NULL },
    { "credentials", "edit", NULL },
    { "credentials", "verify", NULL },
    { "credentials", "remove", NULL },
    { "workspaces", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
      g_autoptr(TimecardTestCliRun) run = NULL;
      g_autofree char *usage = NULL;
      g_autofree char *command = NULL;

      for (guint j = 0; j < 2 && commands[i][j] != NULL; j++)
        g_ptr_array_add (arguments, (gpointer) commands[i][j]);
      g_ptr_array_add (arguments, NULL);
      command = g_strjoinv (" ", (char **) arguments->pdata);
      g_ptr_array_insert (arguments, arguments->len - 1, (gpointer) "--help");

      run = timecard_test_cli_runv (NULL, (const char * const *) arguments->pdata);
      g_assert_cmpint (run->status, ==, 0);
      usage = g_strdup_printf ("Usage:\n  timecard-cli%s%s [OPTION…]", command[0] ? " " : "", command);
      g_assert_true (g_str_has_prefix (run->out, usage));
      g_assert_nonnull (strstr (run->out, "Exit status:\n"
                                          "  0  success\n"
                                          "  1  usage or validation error, or the credentials file cannot be used\n"
                                          "  2  no such credential, or its API key is not in the keyring\n"
                                          "  3  Clockify rejected the API key\n"
                                          "  4  Clockify could not be reached, or failed\n"
                                          "  5  no Secret Service is available, or the keyring is locked\n"));
    }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  struct { const char *arguments[8]; const char *message; } cases[] = {
    { { "frobnicate", NULL }, "Unknown command “frobnicate”; see “timecard-cli --help”" },
    { { "credentials", "frobnicate", NULL },
      "Unknown command “frobnicate”; see “timecard-cli credentials --help”" },
    { { "credentials", "add", NULL }, "Give the credential a name with --name NAME" },
    /* libclockify's messages, in full, start so: */
    { { "credentials", "add", "--name", "Work", "--server", "mars1", NULL }, "Unknown server or data region*" },
    { { "credentials", "add", "--name", "Work", "--server", "http://example.com", NULL },
      "Plain http:// is only allowed to a loopback address*" },
    { { "credentials", "add", "--name", "Work", "extra", NULL }, "Unexpected argument “extra”" },
    { { "credentials", "add", "--key", NULL }, "Unknown option --key" },
    { { "credentials", "edit", "Work", NULL }, "Nothing to change: give --name, --description, --server or --key" },
    { { "credentials", "edit", "--name", "New", NULL },
      "Name the credential to edit: timecard-cli credentials edit NAME" },
    { { "credentials", "verify", NULL }, "Name the credential to verify: timecard-cli credentials verify NAME" },
    { { "credentials", "remove", "A", "B", NULL },
      "Name the credential to remove: timecard-cli credentials remove NAME" },
    { { "workspaces", NULL }, "Choose a credential with --credential NAME" },
  };
  g_autoptr(TimecardTestCliRun) bare = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TimecardTestCliRun) run = timecard_test_cli_runv ("", cases[i].arguments);
      gsize len = strlen (cases[i].message);

      if (cases[i].message[len - 1] == '*')
        {
          g_autofree char *prefix = g_strdup_printf ("timecard-cli: %.*s", (int) len - 1, cases[i].message);

          g_assert_cmpint (run->status, ==, 1);
          g_assert_true (g_str_has_prefix (run->err, prefix));
          g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
        }
      else
        {
          timecard_test_cli_assert_error (run, 1, cases[i].message);
        }
    }

  /* Without a command: the help, on standard error. */
  bare = timecard_test_cli_runv (NULL, (const char * const []) { NULL });
  g_assert_cmpint (bare->status, ==, 1);
  g_assert_true (g_str_has_prefix (bare->err, "Usage:"));

  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  assert_nothing_stored (fixture);
}

static void
test_flow (Fixture       *fixture,
           gconstpointer  data)
{
  ClockifySimOptions options;
  g_autoptr(ClockifySim) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TimecardTestCliRun) add = NULL;
  g_autoptr(TimecardTestCliRun) list = NULL;
  g_autoptr(TimecardTestCliRun) json = NULL;
  g_autoptr(TimecardTestCliRun) workspaces = NULL;
  g_autoptr(TimecardTestCliRun) workspaces_json = NULL;
  g_autoptr(TimecardTestCliRun) rename = NULL;
  g_autoptr(TimecardTestCliRun) move = NULL;
  g_autoptr(TimecardTestCliRun) rekey = NULL;
  g_autoptr(TimecardTestCliRun) verify = NULL;
  g_autoptr(TimecardTestCliRun) removal = NULL;
  g_autoptr(TimecardTestCliRun) empty = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) workspaces_node = NULL;
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *owner_email = timecard_test_sim_user_email (fixture->sim, CLOCKIFY_SIM_KEY_OWNER);
  g_autofree char *member_email = timecard_test_sim_user_email (fixture->sim, CLOCKIFY_SIM_KEY_MEMBER);
  g_autofree char *other_email = NULL;
  g_autofree char *other_line = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *row = NULL;
  g_autofree char *value = NULL;
  JsonObject *object;
  JsonArray *array;

  add = timecard_test_cli_run (fixture->owner_line, "credentials", "add", "--name", "Work",
                               "--description", "The office", "--server", fixture->url, NULL);
  g_assert_cmpint (add->status, ==, 0);
  g_assert_cmpstr (add->err, ==, "");
  g_assert_true (g_str_has_prefix (add->out, "Added “Work”. The key belongs to "));
  g_assert_nonnull (strstr (add->out, owner_email));
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, "GET", "/api/v1/user", 200), ==, 1);

  /* Read back: the key in the keyring, the rest in the file. */
  id = only_id (fixture);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));
  file = read_file (fixture);
  value = g_key_file_get_string (file, id, "description", NULL);
  g_assert_cmpstr (value, ==, "The office");

  list = timecard_test_cli_run (NULL, "credentials", "list", NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_true (g_str_has_prefix (list->out, "NAME"));
  row = g_strdup_printf ("Work  %s  verified  %s  ", fixture->url, owner_email);
  g_assert_nonnull (strstr (list->out, row));

  json = timecard_test_cli_run (NULL, "credentials", "list", "--json", NULL);
  g_assert_cmpint (json->status, ==, 0);
  node = parse_json (json->out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Work");
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==, "The office");
  g_assert_cmpstr (json_object_get_string_member (object, "server"), ==, fixture->url);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "verified");
  g_assert_nonnull (json_object_get_string_member (object, "last_verified"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "user"), "email"),
                   ==, owner_email);

  /* The owner's key reaches both workspaces. */
  clockify_sim_clear_log (fixture->sim);
  workspaces = timecard_test_cli_run (NULL, "workspaces", "--credential", "work", NULL);
  g_assert_cmpint (workspaces->status, ==, 0);
  g_assert_true (g_str_has_prefix (workspaces->out, "ID"));
  g_assert_nonnull (strstr (workspaces->out, clockify_sim_get_workspace_id (fixture->sim, CLOCKIFY_SIM_WORKSPACE_PAID)));
  g_assert_nonnull (strstr (workspaces->out, clockify_sim_get_workspace_id (fixture->sim, CLOCKIFY_SIM_WORKSPACE_FREE)));
  g_assert_nonnull (strstr (workspaces->out, "PRO_YEAR_2021"));
  g_assert_nonnull (strstr (workspaces->out, "FREE"));
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, "GET", "/api/v1/workspaces", 200), ==, 1);
  g_assert_cmpuint (clockify_sim_count_requests_not_by_key (fixture->sim, "owner"), ==, 0);

  workspaces_json = timecard_test_cli_run (NULL, "workspaces", "--credential", "Work", "--json", NULL);
  g_assert_cmpint (workspaces_json->status, ==, 0);
  workspaces_node = parse_json (workspaces_json->out);
  array = json_node_get_array (workspaces_node);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *workspace = json_array_get_object_element (array, i);
      const char *plan = json_object_get_string_member (workspace, "plan");

      g_assert_nonnull (json_object_get_string_member (workspace, "name"));
      g_assert_true (g_str_equal (plan, "FREE") || g_str_equal (plan, "PRO_YEAR_2021"));
    }

  /* Name and description: no question to Clockify. */
  clockify_sim_clear_log (fixture->sim);
  rename = timecard_test_cli_run (NULL, "credentials", "edit", "WORK", "--name", "Office",
                                  "--description", "Moved", NULL);
  g_assert_cmpint (rename->status, ==, 0);
  g_assert_true (g_str_has_prefix (rename->out, "Saved “Office”."));
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  g_clear_pointer (&file, g_key_file_unref);
  file = read_file (fixture);
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (file, id, "name", NULL);
  g_assert_cmpstr (value, ==, "Office");
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (file, id, "description", NULL);
  g_assert_cmpstr (value, ==, "Moved");

  /* Another server with its own key, checked there. */
  clockify_sim_options_init_default (&options);
  options.seed = 7;
  other = clockify_sim_new (&options);
  g_assert_true (clockify_sim_start (other, &error));
  other_line = g_strdup_printf ("%s\n", clockify_sim_get_key (other, CLOCKIFY_SIM_KEY_OWNER));
  other_email = timecard_test_sim_user_email (other, CLOCKIFY_SIM_KEY_OWNER);
  move = timecard_test_cli_run (other_line, "credentials", "edit", "Office",
                                "--server", clockify_sim_get_base_url (other), "--key", NULL);
  g_assert_cmpint (move->status, ==, 0);
  g_assert_nonnull (strstr (move->out, other_email));
  g_assert_cmpuint (clockify_sim_count_requests (other, "GET", "/api/v1/user", 200), ==, 1);
  g_clear_pointer (&file, g_key_file_unref);
  file = read_file (fixture);
  g_clear_pointer (&value, g_free);
  value = g_key_file_get_string (file, id, "server", NULL);
  g_assert_cmpstr (value, ==, clockify_sim_get_base_url (other));

  /* Back, with the member's key. */
  rekey = timecard_test_cli_run (fixture->member_line, "credentials", "edit", "Office",
                                 "--server", fixture->url, "--key", NULL);
  g_assert_cmpint (rekey->status, ==, 0);
  g_assert_nonnull (strstr (rekey->out, member_email));
  g_clear_pointer (&key, g_free);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_MEMBER));
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);

  verify = timecard_test_cli_run (NULL, "credentials", "verify", "office", NULL);
  g_assert_cmpint (verify->status, ==, 0);
  expected = g_strdup_printf ("Clockify accepts the key of “Office”. The key belongs to ");
  g_assert_true (g_str_has_prefix (verify->out, expected));
  g_assert_nonnull (strstr (verify->out, member_email));

  removal = timecard_test_cli_run (NULL, "credentials", "remove", "Office", NULL);
  g_assert_cmpint (removal->status, ==, 0);
  g_assert_cmpstr (removal->out, ==, "Removed “Office”.\n");
  g_clear_pointer (&key, g_free);
  key = timecard_test_keyring_get (id);
  g_assert_null (key);

  empty = timecard_test_cli_run (NULL, "credentials", "list", NULL);
  g_assert_cmpint (empty->status, ==, 0);
  g_assert_cmpstr (empty->out, ==, "No credentials yet. Add one with “timecard-cli credentials add --name NAME”.\n");
  assert_nothing_stored (fixture);
}

static void
test_add_no_verify (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TimecardTestCliRun) add = NULL;
  g_autoptr(TimecardTestCliRun) list = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cells = NULL;
  g_auto(GStrv) row = NULL;
  g_autofree char *padded = g_strdup_printf ("  %s  \r\nsecond line is ignored\n",
                                             clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));

  add = timecard_test_cli_run (padded, "credentials", "add", "--name", "Later", "--no-verify",
                               "--server", fixture->url, NULL);
  g_assert_cmpint (add->status, ==, 0);
  g_assert_cmpstr (add->out, ==, "Added “Later”. The key is not verified.\n");
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);

  /* One line, trimmed. */
  id = only_id (fixture);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));

  list = timecard_test_cli_run (NULL, "credentials", "list", NULL);
  g_assert_cmpint (list->status, ==, 0);
  row = g_strsplit_set (list_row (list->out, "Later"), " ", -1);
  cells = g_strjoinv ("|", row);
  g_assert_true (g_str_has_suffix (cells, "|unverified||-|||||never"));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (101, 'n');
  g_autofree char *long_description = g_strnfill (1001, 'd');
  g_autofree char *long_key = g_strnfill (257, 'k');
  g_autofree char *very_long_key = g_strnfill (5000, 'k');
  const char *owner = fixture->owner_line;
  struct { const char *input; const char *name; const char *description; const char *message; } cases[] = {
    { owner, "   ", NULL, "Enter a name for the credential" },
    { owner, long_name, NULL, "The name is too long: use at most 100 characters" },
    { owner, "Tab\there", NULL, "The name must not contain line breaks or control characters" },
    { owner, "Work", long_description, "The description is too long: use at most 1000 characters" },
    { "", "Work", NULL, "Enter the API key" },
    { "   \n", "Work", NULL, "Enter the API key" },
    { "abcdefgh ijklmnopqrs\n", "Work", NULL, "The API key must not contain spaces or line breaks" },
    { "abcdefgh\x07ijklmnopqrs\n", "Work", NULL, "The API key must not contain control characters" },
    { "abcdefghijklmnopqrsä\n", "Work", NULL, "The API key must contain only ASCII letters, digits and punctuation" },
    { "too-short\n", "Work", NULL, "The API key is too short: Clockify keys have at least 16 characters" },
    { long_key, "Work", NULL, "The API key is too long: Clockify keys have at most 256 characters" },
    { very_long_key, "Work", NULL, "The API key is too long: Clockify keys have at most 256 characters" },
  };
  g_autoptr(TimecardTestCliRun) taken = NULL;
  g_autoptr(TimecardTestCliRun) rename = NULL;
  g_autoptr(TimecardTestCliRun) rekey = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TimecardTestCliRun) run = NULL;

      if (cases[i].description != NULL)
        run = timecard_test_cli_run (cases[i].input, "credentials", "add", "--name", cases[i].name,
                                     "--description", cases[i].description, "--server", fixture->url, NULL);
      else
        run = timecard_test_cli_run (cases[i].input, "credentials", "add", "--name", cases[i].name,
                                     "--server", fixture->url, NULL);
      timecard_test_cli_assert_error (run, 1, cases[i].message);
    }

  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  assert_nothing_stored (fixture);

  /* Unique names, ignoring case; an edit is held to the same rules. */
  add_owner (fixture, "Work");
  add_owner (fixture, "Home");
  clockify_sim_clear_log (fixture->sim);
  taken = timecard_test_cli_run (fixture->member_line, "credentials", "add", "--name", "work",
                                 "--server", fixture->url, NULL);
  timecard_test_cli_assert_error (taken, 1, "A credential named “Work” already exists");
  rename = timecard_test_cli_run (NULL, "credentials", "edit", "Home", "--name", " WORK ", NULL);
  timecard_test_cli_assert_error (rename, 1, "A credential named “Work” already exists");
  rekey = timecard_test_cli_run ("short\n", "credentials", "edit", "Home", "--key", NULL);
  timecard_test_cli_assert_error (rekey, 1, "The API key is too short: Clockify keys have at least 16 characters");

  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, NULL, NULL, -1), ==, 0);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 2);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  const char *message = "There is no credential named “Nope”; see “timecard-cli credentials list”";
  const char *commands[][6] = {
    { "credentials", "verify", "Nope", NULL },
    { "credentials", "remove", "Nope", NULL },
    { "credentials", "edit", "Nope", "--description", "x", NULL },
    { "workspaces", "--credential", "Nope", NULL },
  };

  add_owner (fixture, "Work");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(TimecardTestCliRun) run = timecard_test_cli_runv (NULL, commands[i]);

      timecard_test_cli_assert_error (run, 2, message);
    }

  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);
}

static void
test_rejected (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TimecardTestCliRun) add = NULL;
  g_autoptr(TimecardTestCliRun) rekey = NULL;
  g_autoptr(TimecardTestCliRun) rekey_unchecked = NULL;
  g_autoptr(TimecardTestCliRun) verify = NULL;
  g_autoptr(TimecardTestCliRun) list = NULL;
  g_autoptr(TimecardTestCliRun) workspaces = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;

  add = timecard_test_cli_run (fixture->unknown_line, "credentials", "add", "--name", "Wrong",
                               "--server", fixture->url, NULL);
  g_assert_cmpint (add->status, ==, 3);
  g_assert_true (g_str_has_prefix (add->err, "timecard-cli: Clockify refused the API key: "));
  g_assert_nonnull (strstr (add->err, "Full authentication is required to access this resource"));
  g_assert_true (g_str_has_suffix (add->err, ".\n") && strchr (add->err, '\n') == add->err + strlen (add->err) - 1);
  g_assert_cmpuint (clockify_sim_count_requests (fixture->sim, "GET", "/api/v1/user", 401), ==, 1);
  assert_nothing_stored (fixture);

  /* A rejected new key leaves the old one. */
  add_owner (fixture, "Work");
  id = only_id (fixture);
  rekey = timecard_test_cli_run (fixture->unknown_line, "credentials", "edit", "Work", "--key", NULL);
  g_assert_cmpint (rekey->status, ==, 3);
  key = timecard_test_keyring_get (id);
  g_assert_cmpstr (key, ==, clockify_sim_get_key (fixture->sim, CLOCKIFY_SIM_KEY_OWNER));

  /* Stored unchecked, then verified: rejected, and listed so. */
  rekey_unchecked = timecard_test_cli_run (fixture->unknown_line, "credentials", "edit", "Work", "--key",
                                           "--no-verify", NULL);
  g_assert_cmpint (rekey_unchecked->status, ==, 0);
  verify = timecard_test_cli_run (NULL, "credentials", "verify", "Work", NULL);
  g_assert_cmpint (verify->status, ==, 3);
  g_assert_nonnull (strstr (verify->err, "Full authentication is required to access this resource"));
  list = timecard_test_cli_run (NULL, "credentials", "list", NULL);
  g_assert_nonnull (strstr (list->out, "  rejected  "));

  workspaces = timecard_test_cli_run (NULL, "workspaces", "--credential", "Work", NULL);
  g_assert_cmpint (workspaces->status, ==, 3);
  g_assert_true (g_str_has_prefix (workspaces->err, "timecard-cli: Cannot list the workspaces of “Work”: "));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ClockifySim) gone = clockify_sim_new (NULL);
  g_autoptr(TimecardTestCliRun) add = NULL;
  g_autoptr(TimecardTestCliRun) verify = NULL;
  g_autoptr(TimecardTestCliRun) workspaces = NULL;
  g_autoptr(TimecardTestCliRun) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closed_url = NULL;

  /* A port where nothing listens any more. */
  g_assert_true (clockify_sim_start (gone, &error));
  closed_url = g_strdup (clockify_sim_get_base_url (gone));
  clockify_sim_stop (gone);

  add = timecard_test_cli_run (fixture->owner_line, "credentials", "add", "--name", "Work",
                               "--server", closed_url, NULL);
  g_assert_cmpint (add->status, ==, 4);
  g_assert_true (g_str_has_prefix (add->err, "timecard-cli: Clockify could not be reached to check the key: "));
  assert_nothing_stored (fixture);

  /* Clockify failing: unverified, with the reason. */
  add_owner (fixture, "Work");
  clockify_sim_add_faults_from_string (fixture->sim, "status,status=500", &error);
  g_assert_no_error (error);
  verify = timecard_test_cli_run (NULL, "credentials", "verify", "Work", NULL);
  g_assert_cmpint (verify->status, ==, 4);
  g_assert_true (g_str_has_prefix (verify->err, "timecard-cli: Clockify could not check the key: "));
  list = timecard_test_cli_run (NULL, "credentials", "list", "--json", NULL);
  g_assert_nonnull (strstr (list->out, "\"state\" : \"unverified\""));

  workspaces = timecard_test_cli_run (NULL, "workspaces", "--credential", "Work", NULL);
  g_assert_cmpint (workspaces->status, ==, 4);
}

static void
test_missing_key (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TimecardTestCliRun) list = NULL;
  g_autoptr(TimecardTestCliRun) verify = NULL;
  g_autoptr(TimecardTestCliRun) workspaces = NULL;
  g_autoptr(TimecardTestCliRun) mend = NULL;

  add_owner (fixture, "Work");
  timecard_test_keyring_clear ();

  list = timecard_test_cli_run (NULL, "credentials", "list", NULL);
  g_assert_cmpint (list->status, ==, 0);
  g_assert_nonnull (strstr (list->out, "  key missing  "));

  verify = timecard_test_cli_run (NULL, "credentials", "verify", "Work", NULL);
  timecard_test_cli_assert_error (verify, 2, "The API key of “Work” is not in the keyring: enter it again");
  workspaces = timecard_test_cli_run (NULL, "workspaces", "--credential", "Work", NULL);
  timecard_test_cli_assert_error (workspaces, 2, "The API key of “Work” is not in the keyring: enter it again");

  mend = timecard_test_cli_run (fixture->owner_line, "credentials", "edit", "Work", "--key", NULL);
  g_assert_cmpint (mend->status, ==, 0);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);
}

/* The program a new user would start: timecard-sim, keys from its file. */
static void
test_with_timecard_sim (void)
{
  const char *sim_program = g_getenv ("TIMECARD_SIM");
  g_autofree char *keys_path = g_build_filename (g_get_user_cache_dir (), "sim-keys", NULL);
  g_autoptr(GSubprocess) sim = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *owner_line = NULL;
  g_autoptr(TimecardTestCliRun) add = NULL;
  g_autoptr(TimecardTestCliRun) workspaces = NULL;
  g_autoptr(TimecardTestCliRun) removal = NULL;
  char **lines;

  g_assert_nonnull (sim_program);
  sim = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                          sim_program, "--keys-file", keys_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim));
  url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));

  g_assert_true (g_file_get_contents (keys_path, &keys, NULL, &error));
  lines = g_strsplit (keys, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "owner "));
  owner_line = g_strdup_printf ("%s\n", lines[0] + strlen ("owner "));
  g_strfreev (lines);

  add = timecard_test_cli_run (owner_line, "credentials", "add", "--name", "Demo", "--server", url, NULL);
  g_assert_cmpint (add->status, ==, 0);
  workspaces = timecard_test_cli_run (NULL, "workspaces", "--credential", "Demo", NULL);
  g_assert_cmpint (workspaces->status, ==, 0);
  g_assert_nonnull (strstr (workspaces->out, "FREE"));
  removal = timecard_test_cli_run (NULL, "credentials", "remove", "Demo", NULL);
  g_assert_cmpint (removal->status, ==, 0);
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 0);

  g_subprocess_send_signal (sim, SIGTERM);
  g_subprocess_wait (sim, NULL, NULL);
  g_remove (keys_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/help", test_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("flow", test_flow);
  ADD ("add-no-verify", test_add_no_verify);
  ADD ("validation", test_validation);
  ADD ("not-found", test_not_found);
  ADD ("rejected", test_rejected);
  ADD ("unreachable", test_unreachable);
  ADD ("missing-key", test_missing_key);
  g_test_add_func ("/cli/timecard-sim", test_with_timecard_sim);

#undef ADD

  return g_test_run ();
}
