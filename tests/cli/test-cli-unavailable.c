/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-unavailable"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "timecard-secret.h"
#include "timecard-test-cli.h"
#include "timecard-test-store.h"

/* timecard-cli when the Secret Service cannot be used. Run twice: in a
 * session without any Secret Service (TIMECARD_SESSION=no-secrets), where
 * every command fails; and with the keyring locked and no way to answer
 * the unlock prompt, where every command that needs the keyring fails.
 * Either way: exit code 5, one clear line, quickly, nothing written. */

#define CREDENTIAL_ID "0d1c6f2e-7b3a-4f5e-9c8d-2a1b3c4d5e6f"

/* Generous for a sanitizer build; libsecret would otherwise wait forever. */
#define QUICKLY_USEC (5 * G_USEC_PER_SEC)

static gboolean     no_secrets;
static ClockifySim *sim;
static char        *path;
static char        *contents;
static char        *key_line;

typedef struct
{
  const char *input;
  const char *arguments[8];
} Command;

static void
assert_nothing_written (void)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autofree char *now = NULL;
  guint n_files = 0;

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, contents);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* Without a Secret Service nothing gets as far as Clockify. With a
   * locked one a new key is checked before the keyring refuses it: the
   * keyring cannot be asked whether it will take an item without storing
   * one. */
  if (no_secrets)
    g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), ==, 0);
}

static void
run_unavailable (const Command *command)
{
  g_autoptr(TimecardTestCliRun) run = timecard_test_cli_runv (command->input, command->arguments);
  const char *expected = no_secrets
    ? "timecard-cli: No Secret Service is running: start GNOME Keyring or another keyring service, then try again\n"
    : "timecard-cli: The keyring is locked, and unlocking it was refused or cancelled\n";

  g_assert_cmpint (run->status, ==, 5);
  g_assert_cmpstr (run->err, ==, expected);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpint (run->usec, <, QUICKLY_USEC);
  assert_nothing_written ();
}

static void
test_commands (void)
{
  g_autofree char *url = g_strdup (clockify_sim_get_base_url (sim));
  const Command keyring_commands[] = {
    { key_line, { "credentials", "add", "--name", "Home", "--server", url, NULL } },
    { key_line, { "credentials", "add", "--name", "Home", "--server", url, "--no-verify", NULL } },
    { key_line, { "credentials", "edit", "Work", "--key", NULL } },
    { key_line, { "credentials", "edit", "Work", "--key", "--no-verify", NULL } },
    { NULL, { "credentials", "verify", "Work", NULL } },
    { NULL, { "credentials", "remove", "Work", NULL } },
    { NULL, { "workspaces", "--credential", "Work", NULL } },
  };
  /* These need no key: without a Secret Service they still fail, as
   * every command does; with a locked keyring they work. */
  const Command file_commands[] = {
    { NULL, { "credentials", "list", NULL } },
    { NULL, { "credentials", "list", "--json", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keyring_commands); i++)
    run_unavailable (&keyring_commands[i]);

  for (guint i = 0; i < G_N_ELEMENTS (file_commands); i++)
    {
      if (no_secrets)
        {
          run_unavailable (&file_commands[i]);
        }
      else
        {
          g_autoptr(TimecardTestCliRun) run = timecard_test_cli_runv (NULL, file_commands[i].arguments);

          g_assert_cmpint (run->status, ==, 0);
          g_assert_nonnull (strstr (run->out, "Work"));
          g_assert_nonnull (strstr (run->out, "verified"));
          assert_nothing_written ();
        }
    }

  if (no_secrets)
    {
      const Command edit = { NULL, { "credentials", "edit", "Work", "--name", "Office", NULL } };

      run_unavailable (&edit);
    }
}

static void
lock_keyring (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;

  secret_password_store_sync (timecard_secret_get_schema (), SECRET_COLLECTION_DEFAULT, "Work key",
                              clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER), NULL, &error,
                              "credential-id", CREDENTIAL_ID,
                              "generation", TIMECARD_SECRET_SCHEMA_GENERATION,
                              NULL);
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, NULL, &error), ==, 1);
  g_list_free (objects);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  no_secrets = g_strcmp0 (g_getenv ("TIMECARD_SESSION"), "no-secrets") == 0;

  sim = clockify_sim_new (NULL);
  g_assert_true (clockify_sim_start (sim, &error));
  g_assert_no_error (error);
  key_line = g_strdup_printf ("%s\n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));

  /* A credential saved earlier, in timecard-cli's own file. */
  directory = g_build_filename (g_get_user_data_dir (), "timecard", NULL);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  path = g_build_filename (directory, "credentials.ini", NULL);
  contents = g_strdup_printf ("[%s]\n"
                              "name=Work\n"
                              "server=%s\n"
                              "created=2026-03-01T09:00:00Z\n"
                              "last-verified=2026-03-01T09:00:00Z\n"
                              "state=verified\n",
                              CREDENTIAL_ID, clockify_sim_get_base_url (sim));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));

  if (!no_secrets)
    lock_keyring ();

  g_test_add_func ("/cli/unavailable/commands", test_commands);

  status = g_test_run ();

  timecard_test_rm_rf (directory);
  g_clear_object (&sim);
  g_free (path);
  g_free (contents);
  g_free (key_line);

  return status;
}
