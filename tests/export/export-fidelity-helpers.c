/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "export-fidelity"

#include "config.h"

#include "export-fidelity.h"

#include <glib/gstdio.h>
#include <string.h>

/* The simulator, a client and a job, driven synchronously for the tests. */

ClockifySim *
fidelity_sim_new (guint64 seed,
                     guint   n_time_entries)
{
  ClockifySimOptions options;
  g_autoptr(GError) error = NULL;
  ClockifySim *sim;

  clockify_sim_options_init_default (&options);
  options.seed = seed;
  options.n_time_entries = n_time_entries;
  sim = clockify_sim_new (&options);
  g_assert_true (clockify_sim_start (sim, &error));
  g_assert_no_error (error);

  return sim;
}

/* @fast: no rate limit worth the name, and short retry delays (the
 * simulator's own limit must then be off). */
ClockifyClient *
fidelity_client_new (ClockifySim    *sim,
                        ClockifySimKey  key,
                        gboolean        fast)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClockifyServer) server = clockify_server_new_custom (clockify_sim_get_base_url (sim), &error);
  ClockifyClient *client;

  g_assert_no_error (error);
  client = clockify_client_new (server, clockify_sim_get_key (sim, key));
  g_object_set (client, "retry-base-delay", 20, NULL);
  if (fast)
    g_object_set (client, "rate", 10000.0, "burst", 10000, NULL);
  else
    g_object_set (client, "rate", CLOCKIFY_THROTTLE_DEFAULT_RATE, "burst", CLOCKIFY_THROTTLE_DEFAULT_BURST, NULL);

  return client;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

ClockifyWorkspace *
fidelity_workspace (ClockifyClient *client,
                       const char     *workspace_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) workspaces = NULL;
  g_autoptr(GError) error = NULL;

  clockify_client_list_workspaces_async (client, NULL, store_result, &result);
  workspaces = clockify_client_list_workspaces_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < workspaces->len; i++)
    {
      ClockifyWorkspace *workspace = g_ptr_array_index (workspaces, i);

      if (g_strcmp0 (clockify_workspace_get_id (workspace), workspace_id) == 0)
        return g_object_ref (workspace);
    }

  g_assert_not_reached ();
}

gboolean
fidelity_run_job (TimecardExportJob  *job,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  timecard_export_job_run_async (job, cancellable, store_result, &result);
  return timecard_export_job_run_finish (job, wait_for (&result), error);
}

char *
fidelity_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("timecard-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every visible file of a directory export, with a checksum of its bytes. */
char *
fidelity_dir_digest (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) digest = g_string_new (NULL);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (digest, "%s %s %" G_GSIZE_FORMAT "\n",
                              (char *) g_ptr_array_index (names, i), checksum, length);
    }

  return g_string_free (g_steal_pointer (&digest), FALSE);
}

void
fidelity_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        fidelity_rm_rf (child);
      }

  g_remove (path);
}
