/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-page"

#include "config.h"

#include "timecard-export-page.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "clockify-workspace.h"

/**
 * TimecardExportPage:
 *
 * What a workspace row of the credential page opens: the export options
 * (#TimecardExportOptions) and, once started, the running export and how
 * it ended (#TimecardExportProgress). It owns the job and its actions:
 * `export.start`, `export.cancel`, `export.resume`, `export.try-again`,
 * `export.open-folder` and `export.edit-options`.
 */

struct _TimecardExportPage
{
  GtkBox                  parent_instance;

  ClockifyClient         *client;
  ClockifyWorkspace      *workspace;
  char                   *credential_name;
  char                   *profile_time_zone;

  TimecardExportOptions  *options;
  TimecardExportJob      *job;
  GCancellable           *cancellable;
  TimecardExportJobFlags  flags;
  gint64                  started;
  gboolean                running;

  /* Template widgets */
  GtkButton              *export_button;
  AdwClamp               *options_clamp;
  TimecardExportProgress *progress;
  GtkStack               *stack;
  AdwWindowTitle         *window_title;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_WORKSPACE,
  PROP_CREDENTIAL_NAME,
  PROP_PROFILE_TIME_ZONE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TimecardExportPage, timecard_export_page, GTK_TYPE_BOX)

static void
toast (TimecardExportPage *self,
       const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = g_markup_escape_text (title, -1);

  /* AdwToast titles are markup on libadwaita 1.2. */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}

static void
update_actions (TimecardExportPage *self)
{
  TimecardExportProgressState state = timecard_export_progress_get_state (self->progress);
  gboolean on_options = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "options") == 0;
  gboolean valid = self->options != NULL && timecard_export_options_get_valid (self->options);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "export.start", on_options && valid && !self->running);
  gtk_widget_action_set_enabled (widget, "export.cancel", self->running);
  gtk_widget_action_set_enabled (widget, "export.resume", !on_options && valid && !self->running &&
                                 (state == TIMECARD_EXPORT_PROGRESS_STATE_CANCELLED ||
                                  state == TIMECARD_EXPORT_PROGRESS_STATE_BUDGET_EXHAUSTED));
  gtk_widget_action_set_enabled (widget, "export.try-again", !on_options && valid && !self->running &&
                                 state == TIMECARD_EXPORT_PROGRESS_STATE_FAILED);
  gtk_widget_action_set_enabled (widget, "export.open-folder", !on_options &&
                                 state == TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  gtk_widget_action_set_enabled (widget, "export.edit-options", !on_options && !self->running);

  gtk_widget_set_visible (GTK_WIDGET (self->export_button), on_options);
}

static void
set_running (TimecardExportPage *self,
             gboolean            running)
{
  if (self->running == running)
    return;

  self->running = running;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_view (TimecardExportPage *self,
           const char         *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_actions (self);
}

/* Running */

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TimecardExportPage) self = user_data;
  TimecardExportJob *job = TIMECARD_EXPORT_JOB (object);
  g_autoptr(GError) error = NULL;

  timecard_export_job_run_finish (job, result, &error);

  /* The page went away (the window closed): nothing to show. */
  if (self->progress == NULL || job != self->job)
    return;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The export failed: %s", error->message);

  g_clear_object (&self->cancellable);
  timecard_export_progress_finish (self->progress, error, g_get_monotonic_time () - self->started);
  set_running (self, FALSE);

  if (error == NULL)
    {
      /* Translators: %s is a Clockify workspace's name */
      g_autofree char *title = g_strdup_printf (_("“%s” exported"),
                                                clockify_workspace_get_name (self->workspace));

      toast (self, title);
    }
}

static void
run_export (TimecardExportPage     *self,
            TimecardExportJobFlags  flags,
            gboolean                reuse_preview)
{
  g_autoptr(TimecardExportPlan) plan = NULL;

  g_assert (!self->running);

  if (self->options == NULL || !timecard_export_options_get_valid (self->options))
    return;

  if (timecard_export_options_get_incremental (self->options))
    flags |= TIMECARD_EXPORT_JOB_FLAGS_INCREMENTAL;

  plan = timecard_export_options_create_plan (self->options, reuse_preview);
  g_clear_object (&self->job);
  self->job = timecard_export_job_new (plan, timecard_export_options_get_format (self->options),
                                       timecard_export_options_get_path (self->options), flags);
  self->flags = flags;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();

  timecard_export_progress_start (self->progress, self->job, clockify_workspace_get_name (self->workspace));
  set_running (self, TRUE);
  show_view (self, "progress");

  timecard_export_job_run_async (self->job, self->cancellable, job_done, g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (widget);
  g_autofree char *parent = NULL;

  if (self->options == NULL)
    return;

  /* The folder the export goes in may not exist yet: the default one is
   * Documents/Timecard. */
  parent = g_path_get_dirname (timecard_export_options_get_path (self->options));
  if (g_mkdir_with_parents (parent, 0777) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), parent, g_strerror (saved_errno));
      toast (self, error->message);
      return;
    }

  run_export (self, TIMECARD_EXPORT_JOB_FLAGS_NONE, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* A fresh plan: the interrupted run's output says which windows to skip. */
  run_export (TIMECARD_EXPORT_PAGE (widget), TIMECARD_EXPORT_JOB_FLAGS_RESUME, FALSE);
}

static void
try_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (widget);

  run_export (self, self->flags & TIMECARD_EXPORT_JOB_FLAGS_RESUME, FALSE);
}

static void
edit_options_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_view (TIMECARD_EXPORT_PAGE (widget), "options");
}

static void
folder_opened (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TimecardExportPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s says why */
      g_autofree char *title = g_strdup_printf (_("The folder could not be opened: %s"), error->message);

      toast (self, title);
    }
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (widget);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  const char *path;

  if (self->job == NULL)
    return;

  path = timecard_export_job_get_path (self->job);
  if (timecard_export_job_get_format (self->job) == TIMECARD_EXPORT_FORMAT_SQLITE)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      folder = g_file_get_parent (file);
    }
  else
    {
      folder = g_file_new_for_path (path);
    }

  uri = g_file_get_uri (folder);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           folder_opened, g_object_ref (self));
}

/* Life cycle */

static void
timecard_export_page_constructed (GObject *object)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (object);

  G_OBJECT_CLASS (timecard_export_page_parent_class)->constructed (object);

  /* A template test builds the page with nothing to export. */
  if (self->client == NULL || self->workspace == NULL)
    {
      update_actions (self);
      return;
    }

  adw_window_title_set_title (self->window_title, clockify_workspace_get_name (self->workspace));
  adw_window_title_set_subtitle (self->window_title, self->credential_name);

  self->options = TIMECARD_EXPORT_OPTIONS (timecard_export_options_new (self->client, self->workspace,
                                                                        self->profile_time_zone));
  adw_clamp_set_child (self->options_clamp, GTK_WIDGET (self->options));
  g_signal_connect_object (self->options, "notify::valid",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "notify::state",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
timecard_export_page_dispose (GObject *object)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (object);

  /* The engine leaves the previous export as it was. */
  g_cancellable_cancel (self->cancellable);
  self->options = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_EXPORT_PAGE);

  g_clear_object (&self->job);
  g_clear_object (&self->client);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (timecard_export_page_parent_class)->dispose (object);
}

static void
timecard_export_page_finalize (GObject *object)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->credential_name);
  g_free (self->profile_time_zone);

  G_OBJECT_CLASS (timecard_export_page_parent_class)->finalize (object);
}

static void
timecard_export_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_CREDENTIAL_NAME:
      g_value_set_string (value, self->credential_name);
      break;

    case PROP_PROFILE_TIME_ZONE:
      g_value_set_string (value, self->profile_time_zone);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TimecardExportPage *self = TIMECARD_EXPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    case PROP_CREDENTIAL_NAME:
      self->credential_name = g_value_dup_string (value);
      break;

    case PROP_PROFILE_TIME_ZONE:
      self->profile_time_zone = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_page_class_init (TimecardExportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = timecard_export_page_constructed;
  object_class->dispose = timecard_export_page_dispose;
  object_class->finalize = timecard_export_page_finalize;
  object_class->get_property = timecard_export_page_get_property;
  object_class->set_property = timecard_export_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CLOCKIFY_TYPE_CLIENT, construct);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, CLOCKIFY_TYPE_WORKSPACE, construct);
  properties[PROP_CREDENTIAL_NAME] =
    g_param_spec_string ("credential-name", NULL, NULL, NULL, construct);
  properties[PROP_PROFILE_TIME_ZONE] =
    g_param_spec_string ("profile-time-zone", NULL, NULL, NULL, construct);
  /**
   * TimecardExportPage:running:
   *
   * Whether an export runs; the page stays until it ends or is cancelled.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-export-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardExportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportPage, options_clamp);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportPage, progress);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportPage, window_title);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "export.try-again", NULL, try_again_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "export.edit-options", NULL, edit_options_action);

  /* One key starts, resumes or retries, whichever the page offers; a
   * disabled action lets the key through to the next. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.resume", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.try-again", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "export.open-folder", NULL);

  g_type_ensure (TIMECARD_TYPE_EXPORT_PROGRESS);
}

static void
timecard_export_page_init (TimecardExportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * timecard_export_page_new:
 * @client: the client of the credential
 * @workspace: the workspace to export
 * @credential_name: the credential's name, for the title
 * @profile_time_zone: (nullable): the key user's profile time zone
 *
 * Returns: (transfer floating): a new page showing the export options
 */
GtkWidget *
timecard_export_page_new (ClockifyClient    *client,
                          ClockifyWorkspace *workspace,
                          const char        *credential_name,
                          const char        *profile_time_zone)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (workspace), NULL);

  return g_object_new (TIMECARD_TYPE_EXPORT_PAGE,
                       "client", client,
                       "workspace", workspace,
                       "credential-name", credential_name,
                       "profile-time-zone", profile_time_zone,
                       NULL);
}

/**
 * timecard_export_page_get_workspace:
 *
 * Returns: (transfer none): the workspace exported
 */
ClockifyWorkspace *
timecard_export_page_get_workspace (TimecardExportPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PAGE (self), NULL);

  return self->workspace;
}

/**
 * timecard_export_page_get_options:
 *
 * Returns: (transfer none) (nullable): the options form
 */
TimecardExportOptions *
timecard_export_page_get_options (TimecardExportPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PAGE (self), NULL);

  return self->options;
}

/**
 * timecard_export_page_get_progress:
 *
 * Returns: (transfer none): the progress and result view
 */
TimecardExportProgress *
timecard_export_page_get_progress (TimecardExportPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PAGE (self), NULL);

  return self->progress;
}

gboolean
timecard_export_page_get_running (TimecardExportPage *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PAGE (self), FALSE);

  return self->running;
}
