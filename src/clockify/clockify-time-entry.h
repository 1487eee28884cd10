/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "clockify-custom-field.h"

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_TIME_ENTRY (clockify_time_entry_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyTimeEntry, clockify_time_entry, CLOCKIFY, TIME_ENTRY, GObject)

ClockifyTimeEntry  *clockify_time_entry_new_from_json            (JsonNode          *node,
                                                                  GError           **error);
ClockifyTimeEntry  *clockify_time_entry_new_from_report_json     (JsonNode          *node,
                                                                  GError           **error);

const char         *clockify_time_entry_get_id                   (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_description          (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_workspace_id         (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_user_id              (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_project_id           (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_task_id              (ClockifyTimeEntry *self);
const char * const *clockify_time_entry_get_tag_ids              (ClockifyTimeEntry *self);
gboolean            clockify_time_entry_get_billable             (ClockifyTimeEntry *self);
gboolean            clockify_time_entry_get_locked               (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_entry_type           (ClockifyTimeEntry *self);

GDateTime          *clockify_time_entry_get_start                (ClockifyTimeEntry *self);
GDateTime          *clockify_time_entry_get_end                  (ClockifyTimeEntry *self);
gboolean            clockify_time_entry_is_running               (ClockifyTimeEntry *self);
gint64              clockify_time_entry_get_duration_seconds     (ClockifyTimeEntry *self);

gint64              clockify_time_entry_get_hourly_rate          (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_hourly_rate_currency (ClockifyTimeEntry *self);
gint64              clockify_time_entry_get_cost_rate            (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_cost_rate_currency   (ClockifyTimeEntry *self);

GPtrArray          *clockify_time_entry_get_custom_field_values  (ClockifyTimeEntry *self);

const char         *clockify_time_entry_get_user_name            (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_user_email           (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_project_name         (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_project_color        (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_client_id            (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_client_name          (ClockifyTimeEntry *self);
const char         *clockify_time_entry_get_task_name            (ClockifyTimeEntry *self);
const char * const *clockify_time_entry_get_tag_names            (ClockifyTimeEntry *self);

G_END_DECLS
