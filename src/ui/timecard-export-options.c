/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timecard-export-options"

#include "config.h"

#include "timecard-export-options-private.h"

#include <glib/gi18n.h>

#include "timecard-ui-format.h"

/**
 * TimecardExportOptions:
 *
 * The export page's form: format, what to export, the time-entry range and
 * its time zone, where to write, and a preview of the plan. Every change
 * is checked at once (the Export action follows #TimecardExportOptions:valid);
 * a short while after the last change of what the plan depends on, the plan
 * is prepared (a dry run) to show its strategy, requests and duration.
 */

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TimecardExportOptions, timecard_export_options, GTK_TYPE_BOX)

/* Checking */

static void
set_valid (TimecardExportOptions *self,
           gboolean               valid)
{
  if (self->valid == valid)
    return;

  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
fallback_zone (TimecardExportOptions *self)
{
  return self->profile_time_zone != NULL ? self->profile_time_zone : "UTC";
}

/* Checks the whole form, shows what is wrong where it is wrong, and
 * remembers the range and zone. Returns whether anything the plan
 * depends on changed. */
gboolean
_timecard_export_options_check (TimecardExportOptions *self)
{
  g_autofree char *from = entry_text (self->from_row);
  g_autofree char *to = entry_text (self->to_row);
  g_autofree char *zone_text = entry_text (self->zone_row);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) from_error = NULL;
  g_autoptr(GError) to_error = NULL;
  g_autofree char *zone_error = NULL;
  g_autofree char *order_error = NULL;
  const char *zone_name = zone_text[0] != '\0' ? zone_text : fallback_zone (self);
  gint64 start = TIMECARD_EXPORT_UNBOUNDED_START, end = TIMECARD_EXPORT_UNBOUNDED_END;
  gboolean wants_entries = (self->entities & TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)) != 0;
  gboolean range_ok;
  gboolean changed;

  zone = g_time_zone_new_identifier (zone_name);
  if (zone == NULL)
    {
      /* Translators: %s is what was typed as a time zone */
      zone_error = g_strdup_printf (_("“%s” is not a time zone; use a name such as Europe/Berlin or UTC"),
                                    zone_name);
      /* The dates are still checked, in some zone. */
      zone = g_time_zone_new_utc ();
    }

  if (from[0] != '\0')
    timecard_export_parse_range_bound (from, zone, FALSE, &start, &from_error);
  if (to[0] != '\0')
    timecard_export_parse_range_bound (to, zone, TRUE, &end, &to_error);
  if (from_error == NULL && to_error == NULL && start >= end)
    order_error = g_strdup (_("The end of the range is before its start"));
  range_ok = from_error == NULL && to_error == NULL && order_error == NULL;

  timecard_field_message_set (GTK_WIDGET (self->from_row), self->from_message,
                     from_error != NULL ? from_error->message : NULL);
  timecard_field_message_set (GTK_WIDGET (self->to_row), self->to_message,
                     to_error != NULL ? to_error->message : order_error);
  timecard_field_message_set (GTK_WIDGET (self->zone_row), self->zone_message, zone_error);
  timecard_field_message_set (NULL, self->entities_message,
                     self->entities == 0 ? _("Choose at least one kind of data to export") : NULL);


  changed = g_strcmp0 (self->zone_name, zone_name) != 0 || self->range_start != start || self->range_end != end;
  g_free (self->zone_name);
  self->zone_name = g_strdup (zone_name);
  self->range_start = start;
  self->range_end = end;

  /* Only time entries have a range. */
  set_valid (self, zone_error == NULL && (range_ok || !wants_entries) && self->entities != 0 &&
                   self->path != NULL && self->path[0] != '\0');
  return changed;
}

void
_timecard_export_options_notify (TimecardExportOptions *self,
                                 guint                  prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Changes */

static void
plan_input_changed (TimecardExportOptions *self)
{
  g_assert (TIMECARD_IS_EXPORT_OPTIONS (self));

  /* A check that only changes validity (not the plan) still needs a
   * preview once the form is valid again. */
  if (_timecard_export_options_check (self) || self->plan == NULL || !self->valid)
    _timecard_export_options_schedule_preview (self);
}

static void
entity_toggled (TimecardExportOptions *self)
{
  guint entities = 0;

  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    if (gtk_check_button_get_active (self->entity_checks[e]))
      entities |= TIMECARD_EXPORT_ENTITY_BIT (e);

  gtk_widget_set_sensitive (GTK_WIDGET (self->range_group),
                            (entities & TIMECARD_EXPORT_ENTITY_BIT (TIMECARD_EXPORT_ENTITY_TIME_ENTRIES)) != 0);

  if (self->entities == entities)
    return;

  self->entities = entities;
  _timecard_export_options_check (self);
  _timecard_export_options_schedule_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITIES]);
}

static void
format_selected (TimecardExportOptions *self)
{
  TimecardExportFormat format = adw_combo_row_get_selected (self->format_row);
  gboolean sqlite = format == TIMECARD_EXPORT_FORMAT_SQLITE;

  g_assert (TIMECARD_IS_EXPORT_OPTIONS (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->incremental_row), sqlite);
  if (!sqlite)
    gtk_switch_set_active (self->incremental_switch, FALSE);

  if (self->format == format)
    return;

  self->format = format;
  _timecard_export_options_adapt_path (self);
  _timecard_export_options_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

static void
incremental_toggled (TimecardExportOptions *self)
{
  g_assert (TIMECARD_IS_EXPORT_OPTIONS (self));

  _timecard_export_options_check (self);
  _timecard_export_options_schedule_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCREMENTAL]);
}

/* Set-up */

static void
add_entity_rows (TimecardExportOptions *self)
{
  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), timecard_format_entity (e));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "notify::active", G_CALLBACK (entity_toggled), self, G_CONNECT_SWAPPED);

      self->entity_checks[e] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (self->entities_group, row);
    }
}

static void
timecard_export_options_constructed (GObject *object)
{
  TimecardExportOptions *self = TIMECARD_EXPORT_OPTIONS (object);
  g_autofree char *hint = NULL;

  G_OBJECT_CLASS (timecard_export_options_parent_class)->constructed (object);

  if (self->profile_time_zone != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->zone_row), self->profile_time_zone);
      /* Translators: %s is a time zone such as Europe/Berlin */
      hint = g_strdup_printf (_("Dates and local times are read and written in this time zone. "
                                "Your Clockify profile’s is %s."), self->profile_time_zone);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->zone_row), "UTC");
      hint = g_strdup (_("Dates and local times are read and written in this time zone. "
                         "Your Clockify profile has none, so UTC is used."));
    }
  gtk_label_set_label (self->zone_hint, hint);

  if (self->path == NULL)
    _timecard_export_options_adapt_path (self);

  _timecard_export_options_check (self);
  _timecard_export_options_schedule_preview (self);
}

static void
timecard_export_options_dispose (GObject *object)
{
  TimecardExportOptions *self = TIMECARD_EXPORT_OPTIONS (object);

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIMECARD_TYPE_EXPORT_OPTIONS);

  g_clear_object (&self->plan);
  g_clear_object (&self->client);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (timecard_export_options_parent_class)->dispose (object);
}

static void
timecard_export_options_finalize (GObject *object)
{
  TimecardExportOptions *self = TIMECARD_EXPORT_OPTIONS (object);

  g_clear_object (&self->preview_cancellable);
  g_free (self->profile_time_zone);
  g_free (self->path);
  g_free (self->zone_name);

  G_OBJECT_CLASS (timecard_export_options_parent_class)->finalize (object);
}

static void
timecard_export_options_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TimecardExportOptions *self = TIMECARD_EXPORT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_PROFILE_TIME_ZONE:
      g_value_set_string (value, self->profile_time_zone);
      break;

    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_INCREMENTAL:
      g_value_set_boolean (value, timecard_export_options_get_incremental (self));
      break;

    case PROP_ENTITIES:
      g_value_set_uint (value, self->entities);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_PREPARING:
      g_value_set_boolean (value, self->preparing);
      break;

    case PROP_PLAN:
      g_value_set_object (value, timecard_export_options_get_plan (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_options_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TimecardExportOptions *self = TIMECARD_EXPORT_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    case PROP_PROFILE_TIME_ZONE:
      g_free (self->profile_time_zone);
      self->profile_time_zone = g_value_dup_string (value);
      if (self->profile_time_zone != NULL && self->profile_time_zone[0] == '\0')
        g_clear_pointer (&self->profile_time_zone, g_free);
      break;

    case PROP_FORMAT:
      timecard_export_options_set_format (self, g_value_get_enum (value));
      break;

    case PROP_PATH:
      timecard_export_options_set_path (self, g_value_get_string (value));
      break;

    case PROP_INCREMENTAL:
      gtk_switch_set_active (self->incremental_switch, g_value_get_boolean (value));
      break;

    case PROP_ENTITIES:
      timecard_export_options_set_entities (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
timecard_export_options_class_init (TimecardExportOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = timecard_export_options_constructed;
  object_class->dispose = timecard_export_options_dispose;
  object_class->finalize = timecard_export_options_finalize;
  object_class->get_property = timecard_export_options_get_property;
  object_class->set_property = timecard_export_options_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CLOCKIFY_TYPE_CLIENT, construct);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, CLOCKIFY_TYPE_WORKSPACE, construct);
  /**
   * TimecardExportOptions:profile-time-zone:
   *
   * The Clockify user's profile time zone, the default of the form's.
   */
  properties[PROP_PROFILE_TIME_ZONE] =
    g_param_spec_string ("profile-time-zone", NULL, NULL, NULL, construct);
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, TIMECARD_TYPE_EXPORT_FORMAT, TIMECARD_EXPORT_FORMAT_CSV, rw);
  /**
   * TimecardExportOptions:path:
   *
   * The folder (CSV, JSON Lines) or file (SQLite) to export to; by default
   * under Documents/Timecard, named after the workspace.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, rw);
  properties[PROP_INCREMENTAL] =
    g_param_spec_boolean ("incremental", NULL, NULL, FALSE, rw);
  properties[PROP_ENTITIES] =
    g_param_spec_uint ("entities", NULL, NULL, 0, TIMECARD_EXPORT_ALL_ENTITIES, TIMECARD_EXPORT_ALL_ENTITIES, rw);
  /**
   * TimecardExportOptions:valid:
   *
   * Whether the form describes an export that can start.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE, ro);
  properties[PROP_PREPARING] =
    g_param_spec_boolean ("preparing", NULL, NULL, FALSE, ro);
  /**
   * TimecardExportOptions:plan:
   *
   * The prepared plan of the preview, or %NULL while there is none.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, TIMECARD_TYPE_EXPORT_PLAN, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/timecard-export-options.ui");
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, duration_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, entities_group);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, entities_message);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, estimate_button);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, format_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, from_message);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, from_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, incremental_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, incremental_switch);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, location_message);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, location_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, preview_message);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, range_group);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, requests_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, strategy_label);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, to_message);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, to_row);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, zone_hint);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, zone_message);
  gtk_widget_class_bind_template_child (widget_class, TimecardExportOptions, zone_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "estimate_clicked",
                                                G_CALLBACK (_timecard_export_options_estimate));
  gtk_widget_class_bind_template_callback (widget_class, format_selected);
  gtk_widget_class_bind_template_callback (widget_class, incremental_toggled);
  gtk_widget_class_bind_template_callback (widget_class, plan_input_changed);

  gtk_widget_class_install_action (widget_class, "options.choose-location", NULL, _timecard_export_options_choose_location);
}

static void
timecard_export_options_init (TimecardExportOptions *self)
{
  self->entities = TIMECARD_EXPORT_ALL_ENTITIES;
  self->range_start = TIMECARD_EXPORT_UNBOUNDED_START;
  self->range_end = TIMECARD_EXPORT_UNBOUNDED_END;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_entity_rows (self);
  format_selected (self);
}

/**
 * timecard_export_options_new:
 * @client: the client of the credential
 * @workspace: the workspace to export
 * @profile_time_zone: (nullable): the key user's profile time zone
 *
 * Returns: (transfer floating): a new form, which previews its plan at once
 */
GtkWidget *
timecard_export_options_new (ClockifyClient    *client,
                             ClockifyWorkspace *workspace,
                             const char        *profile_time_zone)
{
  g_return_val_if_fail (CLOCKIFY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CLOCKIFY_IS_WORKSPACE (workspace), NULL);

  return g_object_new (TIMECARD_TYPE_EXPORT_OPTIONS,
                       "client", client,
                       "workspace", workspace,
                       "profile-time-zone", profile_time_zone,
                       NULL);
}

TimecardExportFormat
timecard_export_options_get_format (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), TIMECARD_EXPORT_FORMAT_CSV);

  return self->format;
}

/**
 * timecard_export_options_set_format:
 * @format: the format to select
 *
 * Selects @format as the Format row would; a default location follows.
 */
void
timecard_export_options_set_format (TimecardExportOptions *self,
                                    TimecardExportFormat   format)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (format <= TIMECARD_EXPORT_FORMAT_SQLITE);

  adw_combo_row_set_selected (self->format_row, format);
}

const char *
timecard_export_options_get_path (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), NULL);

  return self->path;
}

/**
 * timecard_export_options_set_path:
 * @path: (nullable): the folder or file to export to, as the location
 *   chooser would set it; %NULL for the default
 */
void
timecard_export_options_set_path (TimecardExportOptions *self,
                                  const char            *path)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self));

  if (path == NULL)
    {
      g_autofree char *fallback = _timecard_export_options_default_path (self);

      _timecard_export_options_set_path (self, fallback, TRUE);
    }
  else
    {
      _timecard_export_options_set_path (self, path, FALSE);
    }

  _timecard_export_options_check (self);
}

gboolean
timecard_export_options_get_incremental (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), FALSE);

  return self->format == TIMECARD_EXPORT_FORMAT_SQLITE && gtk_switch_get_active (self->incremental_switch);
}

guint
timecard_export_options_get_entities (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), 0);

  return self->entities;
}

/**
 * timecard_export_options_set_entities:
 * @entities: a set of #TimecardExportEntity bits
 *
 * Checks the rows of @entities and unchecks the others.
 */
void
timecard_export_options_set_entities (TimecardExportOptions *self,
                                      guint                  entities)
{
  g_return_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self));

  for (guint e = 0; e < TIMECARD_EXPORT_N_ENTITIES; e++)
    gtk_check_button_set_active (self->entity_checks[e], (entities & TIMECARD_EXPORT_ENTITY_BIT (e)) != 0);
}

gboolean
timecard_export_options_get_valid (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), FALSE);

  return self->valid;
}

gboolean
timecard_export_options_get_preparing (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), FALSE);

  return self->preparing;
}

/**
 * timecard_export_options_get_plan:
 *
 * Returns: (transfer none) (nullable): the preview's prepared plan
 */
TimecardExportPlan *
timecard_export_options_get_plan (TimecardExportOptions *self)
{
  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), NULL);

  if (self->plan == NULL || !timecard_export_plan_is_prepared (self->plan))
    return NULL;

  return self->plan;
}

/**
 * timecard_export_options_create_plan:
 * @reuse_preview: hand over the preview's prepared plan when there is
 *   one, which saves the export the requests the preview made
 *
 * Returns: (transfer full): a plan of the export the form describes
 */
TimecardExportPlan *
timecard_export_options_create_plan (TimecardExportOptions *self,
                                     gboolean               reuse_preview)
{
  TimecardExportPlan *prepared;

  g_return_val_if_fail (TIMECARD_IS_EXPORT_OPTIONS (self), NULL);
  g_return_val_if_fail (self->valid, NULL);
  g_return_val_if_fail (self->client != NULL, NULL);

  prepared = timecard_export_options_get_plan (self);
  if (reuse_preview && prepared != NULL && !timecard_export_options_get_incremental (self))
    {
      /* A plan serves one export: the preview shows its numbers still, and
       * the next export plans anew. */
      g_clear_object (&self->preview_cancellable);
      self->plan = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
      return prepared;
    }

  return _timecard_export_options_new_plan (self);
}
