/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-progress"

#include "config.h"

#include "timecard-export-progress.h"

#include <glib/gi18n.h>

#include "clockify-error.h"
#include "clockify-throttle.h"
#include "timecard-ui-enums.h"
#include "timecard-ui-format.h"

/**
 * TimecardExportProgress:
 *
 * The running export (progress bar, what is being exported, rows written,
 * requests done of planned, time left) and how it ended: a summary, or
 * what went wrong and what to do about it. Its buttons activate the
 * export page's actions (`export.cancel`, `export.resume`, ...).
 */

struct _TimecardExportProgress
{
  GtkBox                       parent_instance;

  TimecardExportJob           *job;
  TimecardExportProgressState  state;

  /* Template widgets */
  GtkLabel                    *entity_label;
  GtkLabel                    *eta_label;
  GtkButton                   *open_button;
  GtkProgressBar              *progress_bar;
  GtkLabel                    *requests_label;
  AdwStatusPage               *result_page;
  GtkButton                   *resume_button;
  GtkButton                   *retry_button;
  GtkLabel                    *rows_label;
  GtkLabel                    *running_title;
  GtkStack                    *stack;
  GtkListBox                  *summary_list;
};

enum {
  PROP_0,
  PROP_JOB,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TimecardExportProgress, timecard_export_progress, GTK_TYPE_BOX)

static void
set_state (TimecardExportProgress      *self,
           TimecardExportProgressState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_progress (TimecardExportProgress *self)
{
  TimecardExportJob *job = self->job;
  int entity = timecard_export_job_get_entity (job);
  guint done = timecard_export_job_get_n_requests (job);
  guint planned = timecard_export_job_get_n_requests_planned (job);
  g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, timecard_export_job_get_n_rows (job));
  /* Translators: requests made of the requests the export needs */
  g_autofree char *requests = g_strdup_printf (_("%u of %u"), done, planned);
  g_autofree char *eta = NULL;
  g_autofree char *percent = NULL;
  double fraction = planned > 0 ? MIN (1.0, (double) done / planned) : 0.0;

  g_assert (TIMECARD_IS_EXPORT_PROGRESS (self));

  if (entity != TIMECARD_EXPORT_JOB_NO_ENTITY)
    gtk_label_set_label (self->entity_label, timecard_format_entity (entity));
  else if (timecard_export_job_get_n_rows (job) > 0)
    gtk_label_set_label (self->entity_label, _("Finishing"));
  else
    gtk_label_set_label (self->entity_label, _("Planning"));

  eta = planned > done ? timecard_format_duration (timecard_export_job_get_eta (job)) : g_strdup ("—");
  /* Translators: the progress bar's text */
  percent = g_strdup_printf (_("%d %%"), (int) (fraction * 100));

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, percent);
  gtk_label_set_label (self->rows_label, rows);
  gtk_label_set_label (self->requests_label, requests);
  gtk_label_set_label (self->eta_label, eta);
}

static void
add_summary_row (TimecardExportProgress *self,
                 const char             *title,
                 const char             *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->summary_list, row);
}

static void
clear_summary (TimecardExportProgress *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);
}

static void
show_summary (TimecardExportProgress *self,
              gint64                  elapsed_usec)
{
  TimecardExportPlan *plan = timecard_export_job_get_plan (self->job);
  g_autofree char *requests = g_strdup_printf ("%u", timecard_export_job_get_n_requests (self->job));
  g_autofree char *time = timecard_format_duration (elapsed_usec);

  for (TimecardExportEntity e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    {
      g_autofree char *rows = NULL;

      if (!timecard_export_plan_has_entity (plan, e))
        continue;

      rows = g_strdup_printf ("%" G_GUINT64_FORMAT, timecard_export_job_get_n_entity_rows (self->job, e));
      add_summary_row (self, timecard_format_entity (e), rows);
    }

  add_summary_row (self, _("Requests"), requests);
  add_summary_row (self, _("Time"), time);
}

static void
show_result (TimecardExportProgress      *self,
             TimecardExportProgressState  state,
             const char                  *icon_name,
             const char                  *title,
             const char                  *description)
{
  g_autofree char *markup = description != NULL ? g_markup_escape_text (description, -1) : NULL;

  adw_status_page_set_icon_name (self->result_page, icon_name);
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, markup);

  gtk_widget_set_visible (GTK_WIDGET (self->summary_list), state == TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), state == TIMECARD_EXPORT_PROGRESS_STATE_DONE);
  gtk_widget_set_visible (GTK_WIDGET (self->resume_button),
                          state == TIMECARD_EXPORT_PROGRESS_STATE_CANCELLED ||
                          state == TIMECARD_EXPORT_PROGRESS_STATE_BUDGET_EXHAUSTED);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), state == TIMECARD_EXPORT_PROGRESS_STATE_FAILED);

  gtk_stack_set_visible_child_name (self->stack, "result");
  set_state (self, state);
}

static char *
budget_description (TimecardExportProgress *self)
{
  GDateTime *reset = timecard_export_job_get_budget_reset_time (self->job);
  g_autofree char *when = reset != NULL ? timecard_format_time_until (reset, NULL) : NULL;

  if (when == NULL)
    return g_strdup_printf (_("This workspace is on Clockify’s Free plan, which allows %u API requests an "
                              "hour, and they are spent. What was exported so far is kept: resume "
                              "within the hour to continue from there."),
                            CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS);

  /* Translators: the second %s is a time such as "at 14:05 (in 12 minutes)" */
  return g_strdup_printf (_("This workspace is on Clockify’s Free plan, which allows %u API requests an "
                            "hour, and they are spent. The budget frees up %s. What was exported so far "
                            "is kept: resume then to continue from there."),
                          CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS, when);
}

/**
 * timecard_export_progress_start:
 * @job: the job about to run
 * @workspace_name: the name of the workspace it exports
 *
 * Shows @job's progress from now on.
 */
void
timecard_export_progress_start (TimecardExportProgress *self,
                                TimecardExportJob      *job,
                                const char             *workspace_name)
{
  /* Translators: %s is a Clockify workspace's name */
  g_autofree char *title = g_strdup_printf (_("Exporting “%s”…"), workspace_name);

  g_return_if_fail (TIMECARD_IS_EXPORT_PROGRESS (self));
  g_return_if_fail (TIMECARD_IS_EXPORT_JOB (job));

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  g_signal_connect_object (job, "progress", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->running_title, title);
  clear_summary (self);
  update_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "running");
  set_state (self, TIMECARD_EXPORT_PROGRESS_STATE_RUNNING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

/**
 * timecard_export_progress_finish:
 * @error: (nullable): how the job failed, or %NULL when it completed
 * @elapsed_usec: how long it ran
 *
 * Shows how the job ended.
 */
void
timecard_export_progress_finish (TimecardExportProgress *self,
                                 const GError           *error,
                                 gint64                  elapsed_usec)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TIMECARD_IS_EXPORT_PROGRESS (self));
  g_return_if_fail (self->job != NULL);

  update_progress (self);

  if (error == NULL)
    {
      /* Translators: %s is the folder or file of the export */
      description = g_strdup_printf (_("Saved to %s"), timecard_export_job_get_path (self->job));
      show_summary (self, elapsed_usec);
      show_result (self, TIMECARD_EXPORT_PROGRESS_STATE_DONE, "emblem-ok-symbolic",
                   _("Export Complete"), description);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_result (self, TIMECARD_EXPORT_PROGRESS_STATE_CANCELLED, "process-stop-symbolic",
                   _("Export Cancelled"),
                   _("Export cancelled — the previous export is unchanged. Resume continues where "
                     "this one stopped."));
    }
  else if (g_error_matches (error, CLOCKIFY_ERROR, CLOCKIFY_ERROR_BUDGET_EXHAUSTED))
    {
      description = budget_description (self);
      show_result (self, TIMECARD_EXPORT_PROGRESS_STATE_BUDGET_EXHAUSTED, "alarm-symbolic",
                   _("Request Budget Used Up"), description);
    }
  else
    {
      show_result (self, TIMECARD_EXPORT_PROGRESS_STATE_FAILED, "dialog-error-symbolic",
                   _("Export Failed"), error->message);
    }
}

static void
timecard_export_progress_dispose (GObject *object)
{
  TimecardExportProgress *self = TIMECARD_EXPORT_PROGRESS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_EXPORT_PROGRESS);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);

  G_OBJECT_CLASS (timecard_export_progress_parent_class)->dispose (object);
}

static void
timecard_export_progress_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TimecardExportProgress *self = TIMECARD_EXPORT_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_progress_class_init (TimecardExportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = timecard_export_progress_dispose;
  object_class->get_property = timecard_export_progress_get_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, TIMECARD_TYPE_EXPORT_JOB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TIMECARD_TYPE_EXPORT_PROGRESS_STATE,
                       TIMECARD_EXPORT_PROGRESS_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-export-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, entity_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, eta_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, open_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, requests_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, result_page);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, resume_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, rows_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, running_title);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, stack);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportProgress, summary_list);
}

static void
timecard_export_progress_init (TimecardExportProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * timecard_export_progress_get_state:
 *
 * Returns: what the widget shows
 */
TimecardExportProgressState
timecard_export_progress_get_state (TimecardExportProgress *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PROGRESS (self), TIMECARD_EXPORT_PROGRESS_STATE_IDLE);

  return self->state;
}

/**
 * timecard_export_progress_get_job:
 *
 * Returns: (transfer none) (nullable): the job shown
 */
TimecardExportJob *
timecard_export_progress_get_job (TimecardExportProgress *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_PROGRESS (self), NULL);

  return self->job;
}
