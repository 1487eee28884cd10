/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-templates"

#include "config.h"

#include <adwaita.h>

#include "timecard-add-tile.h"
#include "timecard-credential-dialog.h"
#include "timecard-credential-page.h"
#include "timecard-credential-private.h"
#include "timecard-credential-tile.h"
#include "timecard-export-page.h"
#include "timecard-window.h"

/* Every type that has a template in the resources. A template whose class is
 * missing here fails the test, so a new widget cannot skip this check. */
static void
ensure_types (void)
{
  g_type_ensure (TIMECARD_TYPE_ADD_TILE);
  g_type_ensure (TIMECARD_TYPE_CREDENTIAL_DIALOG);
  g_type_ensure (TIMECARD_TYPE_CREDENTIAL_PAGE);
  g_type_ensure (TIMECARD_TYPE_CREDENTIAL_TILE);
  g_type_ensure (TIMECARD_TYPE_EXPORT_OPTIONS);
  g_type_ensure (TIMECARD_TYPE_EXPORT_PAGE);
  g_type_ensure (TIMECARD_TYPE_EXPORT_PROGRESS);
  g_type_ensure (TIMECARD_TYPE_WINDOW);
}

/* A tile needs a credential to show. */
static GObject *
new_instance (GType type)
{
  if (type == TIMECARD_TYPE_CREDENTIAL_TILE)
    {
      g_autoptr(ClockifyServer) server = clockify_server_new_global ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(TimecardCredential) credential = NULL;

      credential = _timecard_credential_new ("5b0f1c2e-0000-4000-8000-000000000001", "Reporting",
                                             "", server, now);
      return G_OBJECT (timecard_credential_tile_new (credential));
    }

  return g_object_new (type, NULL);
}

static void
collect_ui_files (const char *path,
                  GPtrArray  *files)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (child, "/"))
        collect_ui_files (child, files);
      else if (g_str_has_suffix (child, ".ui"))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static char *
template_class (GBytes *bytes)
{
  const char *data = g_bytes_get_data (bytes, NULL);
  g_autofree char *text = g_strndup (data, g_bytes_get_size (bytes));
  const char *start = strstr (text, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;

  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static void
test_template (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  g_autofree char *class_name = NULL;

  g_assert_no_error (error);

  class_name = template_class (bytes);
  if (class_name != NULL)
    {
      GType type = g_type_from_name (class_name);
      GObject *object;

      g_test_message ("instantiating %s from %s", class_name, path);
      if (type == 0)
        g_error ("%s has a template but is not registered in ensure_types()", class_name);

      object = new_instance (type);
      g_assert_true (GTK_IS_WIDGET (object));
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        g_object_unref (g_object_ref_sink (object));
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GSList) objects = NULL;

      g_test_message ("building %s", path);
      gtk_builder_add_from_resource (builder, path, &error);
      g_assert_no_error (error);

      objects = gtk_builder_get_objects (builder);
      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (l->data);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  ensure_types ();

  collect_ui_files (RESOURCE_BASE "/", files);
  g_assert_cmpuint (files->len, >=, 6);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *test_path = g_strconcat ("/ui/templates", path + strlen (RESOURCE_BASE), NULL);

      g_test_add_data_func (test_path, path, test_template);
    }

  return g_test_run ();
}
