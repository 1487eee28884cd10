/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-options"

#include "config.h"

#include "timecard-export-options-private.h"

#include <glib/gi18n.h>

#include "clockify-throttle.h"
#include "timecard-ui-format.h"

/* The preview: a while after the last change of what the plan depends
 * on, the plan is prepared (a dry run) and its strategy, requests and
 * duration shown. Cancel and replace: it always describes the input.
 *
 * Planning makes a few requests. On a Free-plan workspace they come out of
 * the 30 an hour that the export needs too, so there the preview waits for
 * the Estimate button instead of following every change. An incremental
 * update is planned from the database's last sync, read without writing. */

/* Typing a date should not start a dry run per key press. */
#define PREVIEW_DELAY_MS 400

static void
set_preparing (TimecardExportOptions *self,
               gboolean               preparing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), preparing);
  gtk_spinner_set_spinning (self->preview_spinner, preparing);

  if (self->preparing == preparing)
    return;

  self->preparing = preparing;
  _timecard_export_options_notify (self, PROP_PREPARING);
}

static void
show_preview_message (TimecardExportOptions *self,
                      const char            *message,
                      gboolean               is_error)
{
  gtk_label_set_label (self->preview_message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_message), message != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_message), "dim-label");
    }
}

static void
clear_preview (TimecardExportOptions *self)
{
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);

  if (self->plan != NULL)
    {
      g_clear_object (&self->plan);
      _timecard_export_options_notify (self, PROP_PLAN);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->estimate_button), FALSE);
  gtk_label_set_label (self->strategy_label, "—");
  adw_action_row_set_subtitle (self->strategy_row, NULL);
  gtk_label_set_label (self->requests_label, "—");
  gtk_label_set_label (self->duration_label, "—");
  show_preview_message (self, NULL, FALSE);
  set_preparing (self, FALSE);
}

static void
show_plan (TimecardExportOptions *self,
           TimecardExportPlan    *plan)
{
  guint total = timecard_export_plan_get_n_requests (plan);
  guint planning = timecard_export_plan_get_n_planning_requests (plan);
  g_autofree char *requests = g_strdup_printf ("%u", total);
  g_autofree char *duration = timecard_format_duration (timecard_export_plan_estimate_duration (plan, total - planning));

  if (timecard_export_plan_has_entity (plan, TIMECARD_EXPORT_ENTITY_TIME_ENTRIES))
    {
      gtk_label_set_label (self->strategy_label, timecard_format_strategy (timecard_export_plan_get_strategy (plan)));
      adw_action_row_set_subtitle (self->strategy_row, timecard_export_plan_get_reason (plan));
    }
  else
    {
      gtk_label_set_label (self->strategy_label, _("No time entries"));
    }
  gtk_label_set_label (self->requests_label, requests);
  gtk_label_set_label (self->duration_label, duration);

  if (clockify_workspace_is_free_plan (timecard_export_plan_get_workspace (plan)) &&
      total > CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS)
    {
      g_autofree char *message =
        g_strdup_printf (_("The Free plan allows %u requests an hour. The export stops when they are "
                           "spent; resume it once the budget frees up."),
                         CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS);

      show_preview_message (self, message, FALSE);
    }
}

static void
plan_prepared (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TimecardExportOptions) self = user_data;
  TimecardExportPlan *plan = TIMECARD_EXPORT_PLAN (object);
  g_autoptr(GError) error = NULL;

  if (!timecard_export_plan_prepare_finish (plan, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (plan == self->plan)
        {
          g_clear_object (&self->plan);
          set_preparing (self, FALSE);
          show_preview_message (self, error->message, TRUE);
        }
      return;
    }

  /* A later change replaced this plan. */
  if (plan != self->plan)
    return;

  set_preparing (self, FALSE);
  show_plan (self, plan);
  _timecard_export_options_notify (self, PROP_PLAN);
}

TimecardExportPlan *
_timecard_export_options_new_plan (TimecardExportOptions *self)
{
  TimecardExportPlan *plan = timecard_export_plan_new (self->client, self->workspace);

  timecard_export_plan_set_entities (plan, self->entities);
  /* Always a named zone: the profile's was read with the user. */
  timecard_export_plan_set_time_zone (plan, self->zone_name);
  timecard_export_plan_set_range (plan, self->range_start, self->range_end);

  return plan;
}

static gboolean
start_preview (gpointer user_data)
{
  TimecardExportOptions *self = user_data;
  g_autoptr(GError) error = NULL;

  self->preview_source = 0;
  self->plan = _timecard_export_options_new_plan (self);

  if (gtk_switch_get_active (self->incremental_switch) &&
      !timecard_export_plan_continue_sync_of (self->plan, self->path, TIMECARD_EXPORT_DEFAULT_TRAILING_DAYS,
                                              NULL, &error))
    {
      g_clear_object (&self->plan);
      set_preparing (self, FALSE);
      show_preview_message (self, error->message, TRUE);
      return G_SOURCE_REMOVE;
    }

  self->preview_cancellable = g_cancellable_new ();
  timecard_export_plan_prepare_async (self->plan, self->preview_cancellable,
                                      plan_prepared, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/**
 * _timecard_export_options_estimate:
 *
 * Prepares the preview now (the Estimate button of a Free-plan workspace).
 */
void
_timecard_export_options_estimate (TimecardExportOptions *self)
{
  clear_preview (self);

  if (!self->valid || self->client == NULL || self->workspace == NULL)
    return;

  set_preparing (self, TRUE);
  start_preview (self);
}

void
_timecard_export_options_schedule_preview (TimecardExportOptions *self)
{
  clear_preview (self);

  if (!self->valid || self->client == NULL || self->workspace == NULL)
    return;

  if (clockify_workspace_is_free_plan (self->workspace))
    {
      g_autofree char *message =
        g_strdup_printf (_("Estimating makes a few requests, which count against the %u an hour "
                           "that the Free plan allows."), CLOCKIFY_THROTTLE_FREE_PLAN_REQUESTS);

      gtk_widget_set_visible (GTK_WIDGET (self->estimate_button), TRUE);
      show_preview_message (self, message, FALSE);
      return;
    }

  set_preparing (self, TRUE);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, start_preview, self);
}
