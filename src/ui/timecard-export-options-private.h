/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "timecard-export-options.h"
#include "timecard-field-message.h"

G_BEGIN_DECLS

struct _TimecardExportOptions
{
  GtkBox                parent_instance;

  ClockifyClient       *client;
  ClockifyWorkspace    *workspace;
  char                 *profile_time_zone;

  TimecardExportFormat  format;
  char                 *path;
  gboolean              path_is_default;
  guint                 entities;
  gboolean              valid;

  /* The last input that checked out. */
  char                 *zone_name;
  gint64                range_start;
  gint64                range_end;

  /* The preview: the prepared plan, or the one being prepared. */
  TimecardExportPlan   *plan;
  GCancellable         *preview_cancellable;
  guint                 preview_source;
  gboolean              preparing;

  GtkFileChooserNative *chooser;
  GtkCheckButton       *entity_checks[TIMECARD_EXPORT_N_ENTITIES];

  /* Template widgets */
  GtkLabel             *duration_label;
  GtkLabel             *entities_message;
  GtkButton            *estimate_button;
  AdwPreferencesGroup  *entities_group;
  AdwComboRow          *format_row;
  GtkLabel             *from_message;
  AdwEntryRow          *from_row;
  AdwActionRow         *incremental_row;
  GtkSwitch            *incremental_switch;
  GtkLabel             *location_message;
  AdwActionRow         *location_row;
  GtkLabel             *preview_message;
  GtkSpinner           *preview_spinner;
  AdwPreferencesGroup  *range_group;
  GtkLabel             *requests_label;
  GtkLabel             *strategy_label;
  AdwActionRow         *strategy_row;
  GtkLabel             *to_message;
  AdwEntryRow          *to_row;
  GtkLabel             *zone_hint;
  GtkLabel             *zone_message;
  AdwEntryRow          *zone_row;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_WORKSPACE,
  PROP_PROFILE_TIME_ZONE,
  PROP_FORMAT,
  PROP_PATH,
  PROP_INCREMENTAL,
  PROP_ENTITIES,
  PROP_VALID,
  PROP_PREPARING,
  PROP_PLAN,
  N_PROPS
};

void                _timecard_export_options_notify          (TimecardExportOptions *self,
                                                              guint                  prop_id);
gboolean            _timecard_export_options_check           (TimecardExportOptions *self);

/* timecard-export-options-location.c */
char               *_timecard_export_options_default_path    (TimecardExportOptions *self);
void                _timecard_export_options_set_path        (TimecardExportOptions *self,
                                                              const char            *path,
                                                              gboolean               is_default);
void                _timecard_export_options_adapt_path      (TimecardExportOptions *self);
void                _timecard_export_options_choose_location (GtkWidget             *widget,
                                                              const char            *action_name,
                                                              GVariant              *parameter);

/* timecard-export-options-preview.c */
TimecardExportPlan *_timecard_export_options_new_plan        (TimecardExportOptions *self);
void                _timecard_export_options_schedule_preview (TimecardExportOptions *self);
void                _timecard_export_options_estimate         (TimecardExportOptions *self);

G_END_DECLS
