/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-options"

#include "config.h"

#include "timecard-export-options-private.h"

#include <glib/gi18n.h>

/* Where the export goes: a default under Documents/Timecard named after
 * the workspace, the path row, and the file chooser. */

static const char *
workspace_name (TimecardExportOptions *self)
{
  if (self->workspace == NULL)
    return _("Workspace");

  return clockify_workspace_get_name (self->workspace);
}

char *
_timecard_export_options_default_path (TimecardExportOptions *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *name = g_strdup (workspace_name (self));

  /* A workspace name is not a path: no separators, no hidden names. */
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  if (name[0] == '.' || name[0] == '\0')
    {
      g_autofree char *visible = g_strconcat ("_", name, NULL);

      g_free (name);
      name = g_steal_pointer (&visible);
    }

  if (documents == NULL)
    documents = g_get_home_dir ();

  if (self->format == TIMECARD_EXPORT_FORMAT_SQLITE)
    {
      g_autofree char *file = g_strconcat (name, ".sqlite", NULL);

      return g_build_filename (documents, "Timecard", file, NULL);
    }

  return g_build_filename (documents, "Timecard", name, NULL);
}

static void
update_location (TimecardExportOptions *self)
{
  adw_action_row_set_subtitle (self->location_row, self->path);
  timecard_field_message_set (GTK_WIDGET (self->location_row), self->location_message,
                     self->path == NULL || self->path[0] == '\0' ? _("Choose where to save the export") : NULL);
}

void
_timecard_export_options_set_path (TimecardExportOptions *self,
                   const char            *path,
                   gboolean               is_default)
{
  self->path_is_default = is_default;
  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  update_location (self);
  _timecard_export_options_notify (self, PROP_PATH);
}

/* A folder for CSV and JSON Lines, a file for SQLite: the location follows
 * the format, keeping what the user chose. */
void
_timecard_export_options_adapt_path (TimecardExportOptions *self)
{
  g_autofree char *path = NULL;

  if (self->path_is_default || self->path == NULL)
    {
      path = _timecard_export_options_default_path (self);
      _timecard_export_options_set_path (self, path, TRUE);
      return;
    }

  if (self->format == TIMECARD_EXPORT_FORMAT_SQLITE && !g_str_has_suffix (self->path, ".sqlite"))
    path = g_strconcat (self->path, ".sqlite", NULL);
  else if (self->format != TIMECARD_EXPORT_FORMAT_SQLITE && g_str_has_suffix (self->path, ".sqlite"))
    path = g_strndup (self->path, strlen (self->path) - strlen (".sqlite"));

  if (path != NULL)
    _timecard_export_options_set_path (self, path, FALSE);
}

/* Choosing the location */

static void
chooser_response (TimecardExportOptions *self,
                  int                    response,
                  GtkFileChooserNative  *chooser)
{
  g_assert (TIMECARD_IS_EXPORT_OPTIONS (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          _timecard_export_options_set_path (self, path, FALSE);
          _timecard_export_options_adapt_path (self);
          _timecard_export_options_check (self);
        }
    }
}

void
_timecard_export_options_choose_location (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TimecardExportOptions *self = TIMECARD_EXPORT_OPTIONS (widget);
  gboolean sqlite = self->format == TIMECARD_EXPORT_FORMAT_SQLITE;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *parent = self->path != NULL ? g_path_get_dirname (self->path) : NULL;
  g_autofree char *name = self->path != NULL ? g_path_get_basename (self->path) : NULL;

  /* The mode follows the format: a new chooser each time. */
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (sqlite ? _("Export to Database") : _("Export to Folder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               sqlite ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                      : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (parent != NULL && g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (parent);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  if (sqlite && name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
