/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-leak"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "timecard-secret.h"
#include "timecard-test-cli.h"
#include "timecard-test-store.h"

/* The leak check: the whole timecard-cli flow with distinctive keys, then
 * a search for each key, in plain text, base64 and hex, through every
 * file under the temporary HOME (configuration, data, cache, state, the
 * keyring's own file), everything the processes printed, and the
 * simulator's request log. The key legitimately travels to the simulator
 * in the X-Api-Key header; it must land nowhere else. */

typedef struct
{
  char *what;
  char *text;
} Needle;

static void
needle_free (Needle *needle)
{
  g_free (needle->what);
  g_free (needle->text);
  g_free (needle);
}

static void
add_needle (GPtrArray  *needles,
            const char *what,
            char       *text)
{
  Needle *needle = g_new0 (Needle, 1);

  needle->what = g_strdup (what);
  needle->text = text;
  g_ptr_array_add (needles, needle);
}

/* The parts of the base64 text of @key that do not depend on what comes
 * before it, for each of the three byte alignments it may have. */
static void
add_base64_needles (GPtrArray  *needles,
                    const char *key,
                    gboolean    url_safe)
{
  gsize len = strlen (key);

  for (guint shift = 0; shift < 3; shift++)
    {
      g_autofree guchar *data = g_malloc0 (shift + len);
      g_autofree char *encoded = NULL;
      gsize skip = shift == 0 ? 0 : 4;
      gsize encoded_len;

      memcpy (data + shift, key, len);
      encoded = g_base64_encode (data, shift + len);
      encoded_len = strlen (encoded);
      g_assert_cmpuint (encoded_len, >, skip + 8);

      if (url_safe)
        g_strdelimit (g_strdelimit (encoded, "+", '-'), "/", '_');

      add_needle (needles, url_safe ? "base64url" : "base64",
                  g_strndup (encoded + skip, encoded_len - skip - 4));
    }
}

static GPtrArray *
needles_for (const char *key)
{
  GPtrArray *needles = g_ptr_array_new_with_free_func ((GDestroyNotify) needle_free);
  GString *hex = g_string_new (NULL);

  add_needle (needles, "plain text", g_strdup (key));
  add_base64_needles (needles, key, FALSE);
  add_base64_needles (needles, key, TRUE);
  for (const char *p = key; *p != '\0'; p++)
    g_string_append_printf (hex, "%02x", (guchar) *p);
  add_needle (needles, "hex", g_ascii_strdown (hex->str, -1));
  add_needle (needles, "HEX", g_ascii_strup (hex->str, -1));
  g_string_free (hex, TRUE);

  return needles;
}

/* memmem(), which needs _GNU_SOURCE. */
static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize needle_len = strlen (needle);

  for (gsize i = 0; needle_len <= len && i <= len - needle_len; i++)
    {
      if (data[i] == needle[0] && memcmp (data + i, needle, needle_len) == 0)
        return TRUE;
    }

  return FALSE;
}

static const Needle *
find_needle (GPtrArray  *needles,
             const char *data,
             gsize       len)
{
  for (guint i = 0; i < needles->len; i++)
    {
      const Needle *needle = g_ptr_array_index (needles, i);

      if (contains_bytes (data, len, needle->text))
        return needle;
    }

  return NULL;
}

/* Searches every regular file below @dir; returns how many it read. */
static guint
search_files (const char *dir,
              GPtrArray  *needles,
              GPtrArray  *seen)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      const Needle *found;
      GStatBuf st;
      gsize len;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          n += search_files (path, needles, seen);
          continue;
        }
      if (!S_ISREG (st.st_mode))
        continue;

      g_file_get_contents (path, &data, &len, &error);
      g_assert_no_error (error);
      n++;
      if (seen != NULL)
        g_ptr_array_add (seen, g_strdup (path));

      found = find_needle (needles, data, len);
      if (found != NULL)
        g_error ("An API key is in %s, as %s", path, found->what);
    }

  return n;
}

static gboolean
contains_suffix (GPtrArray  *paths,
                 const char *suffix)
{
  for (guint i = 0; i < paths->len; i++)
    {
      if (g_str_has_suffix (g_ptr_array_index (paths, i), suffix))
        return TRUE;
    }

  return FALSE;
}

static void
run_ok (const char *input,
        const char *first_argument,
        ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  g_autoptr(TimecardTestCliRun) run = NULL;
  const char *argument;
  va_list args;

  va_start (args, first_argument);
  for (argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (arguments, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (arguments, NULL);

  run = timecard_test_cli_runv (input, (const char * const *) arguments->pdata);
  g_assert_cmpint (run->status, ==, 0);
}

static void
test_leak (void)
{
  g_autoptr(ClockifySim) sim = clockify_sim_new (NULL);
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TimecardTestCliRun) rejected = NULL;
  g_autoptr(TimecardTestCliRun) too_long = NULL;
  g_autofree char *owner_line = NULL;
  g_autofree char *member_line = NULL;
  g_autofree char *unknown_line = NULL;
  g_autofree char *near_miss = NULL;
  g_autofree char *sim_log_dir = NULL;
  const char *transcript;
  const char *url;
  guint n_files;

  g_assert_true (clockify_sim_start (sim, &error));
  g_assert_no_error (error);
  url = clockify_sim_get_base_url (sim);

  {
    const ClockifySimKey keys[] = { CLOCKIFY_SIM_KEY_OWNER, CLOCKIFY_SIM_KEY_MEMBER, CLOCKIFY_SIM_KEY_UNKNOWN };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        const char *key = clockify_sim_get_key (sim, keys[i]);

        /* Distinctive: long and random enough not to occur by chance. */
        g_assert_cmpuint (strlen (key), >=, 40);
        g_ptr_array_add (needles, needles_for (key));
      }
  }
  owner_line = g_strdup_printf ("%s\n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER));
  member_line = g_strdup_printf ("  %s  \n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));
  unknown_line = g_strdup_printf ("%s\n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_UNKNOWN));
  /* A key that fails validation must not be echoed either. */
  near_miss = g_strdup_printf ("%s %s\n", clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_OWNER),
                               clockify_sim_get_key (sim, CLOCKIFY_SIM_KEY_MEMBER));

  run_ok (owner_line, "credentials", "add", "--name", "Leak check", "--description", "Everything once",
          "--server", url, NULL);
  run_ok (NULL, "credentials", "list", NULL);
  run_ok (NULL, "credentials", "list", "--json", NULL);
  run_ok (NULL, "credentials", "verify", "Leak check", NULL);
  run_ok (NULL, "workspaces", "--credential", "Leak check", NULL);
  run_ok (NULL, "workspaces", "--credential", "Leak check", "--json", NULL);
  run_ok (member_line, "credentials", "edit", "Leak check", "--key", "--name", "Leak check 2", NULL);
  run_ok (NULL, "credentials", "verify", "Leak check 2", NULL);
  run_ok (owner_line, "credentials", "add", "--name", "Second", "--server", url, "--no-verify", NULL);
  rejected = timecard_test_cli_run (unknown_line, "credentials", "add", "--name", "Rejected",
                                    "--server", url, NULL);
  g_assert_cmpint (rejected->status, ==, 3);
  too_long = timecard_test_cli_run (near_miss, "credentials", "add", "--name", "Invalid",
                                    "--server", url, NULL);
  g_assert_cmpint (too_long->status, ==, 1);
  run_ok (NULL, "credentials", "list", "--json", NULL);
  run_ok (NULL, "credentials", "remove", "Second", NULL);

  /* The simulator saw the keys, and recorded only which one. */
  g_assert_cmpuint (clockify_sim_count_requests (sim, NULL, NULL, -1), >=, 6);
  log = clockify_sim_dup_log (sim);
  for (guint i = 0; i < log->len; i++)
    {
      ClockifySimRequest *request = g_ptr_array_index (log, i);
      g_autofree char *entry = g_strjoin ("\n", request->method, request->path,
                                          request->query ? request->query : "",
                                          request->key_id,
                                          request->body ? request->body : "",
                                          request->fault ? request->fault : "",
                                          NULL);

      for (guint n = 0; n < needles->len; n++)
        {
          const Needle *found = find_needle (g_ptr_array_index (needles, n), entry, strlen (entry));

          if (found != NULL)
            g_error ("An API key is in the simulator's request log, as %s", found->what);
        }
    }

  /* Everything the processes printed. */
  transcript = timecard_test_cli_get_transcript ();
  g_assert_nonnull (strstr (transcript, "Leak check 2"));
  for (guint n = 0; n < needles->len; n++)
    {
      const Needle *found = find_needle (g_ptr_array_index (needles, n), transcript, strlen (transcript));

      if (found != NULL)
        g_error ("An API key was printed, as %s", found->what);
    }

  /* Every file under HOME, and the simulator's log files of this process. */
  for (guint n = 0; n < needles->len; n++)
    {
      g_ptr_array_set_size (seen, 0);
      n_files = search_files (g_get_home_dir (), g_ptr_array_index (needles, n), seen);
      g_assert_cmpuint (n_files, >, 0);
      /* The search covered what could hold a key: the credentials file and
       * the keyring's own (encrypted) file. */
      g_assert_true (contains_suffix (seen, "/timecard/credentials.ini"));
      g_assert_true (contains_suffix (seen, "/keyrings/login.keyring"));

      sim_log_dir = g_strdup (g_getenv ("TIMECARD_SIM_LOG_DIR"));
      if (sim_log_dir != NULL)
        search_files (sim_log_dir, g_ptr_array_index (needles, n), NULL);
      g_clear_pointer (&sim_log_dir, g_free);
    }

  /* The keys are where they belong. */
  g_assert_cmpuint (timecard_test_keyring_count (), ==, 1);
}

static void
test_search_finds (void)
{
  const char *key = "tcsimDistinctiveKeyForTheSearchItself0123456789";
  g_autoptr(GPtrArray) needles = needles_for (key);
  g_autofree char *b64 = NULL;
  g_autofree char *framed = NULL;
  g_autofree char *hex = NULL;

  /* The search itself can fail: each encoding is found inside other text. */
  framed = g_strdup_printf ("x-api-key: %s;", key);
  b64 = g_base64_encode ((const guchar *) framed, strlen (framed));
  g_assert_nonnull (find_needle (needles, b64, strlen (b64)));
  g_assert_cmpstr (find_needle (needles, framed, strlen (framed))->what, ==, "plain text");
  hex = g_strdup_printf ("0x%s", ((Needle *) g_ptr_array_index (needles, needles->len - 2))->text);
  g_assert_cmpstr (find_needle (needles, hex, strlen (hex))->what, ==, "hex");
  g_assert_null (find_needle (needles, "nothing here", strlen ("nothing here")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/leak/search-finds", test_search_finds);
  g_test_add_func ("/cli/leak/key-appears-nowhere", test_leak);

  return g_test_run ();
}
