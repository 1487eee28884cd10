/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_TASK (clockify_task_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyTask, clockify_task, CLOCKIFY, TASK, GObject)

ClockifyTask       *clockify_task_new_from_json            (JsonNode     *node,
                                                            GError      **error);
const char         *clockify_task_get_id                   (ClockifyTask *self);
const char         *clockify_task_get_name                 (ClockifyTask *self);
const char         *clockify_task_get_project_id           (ClockifyTask *self);
const char         *clockify_task_get_status               (ClockifyTask *self);
gboolean            clockify_task_get_billable             (ClockifyTask *self);
const char * const *clockify_task_get_assignee_ids         (ClockifyTask *self);
const char * const *clockify_task_get_user_group_ids       (ClockifyTask *self);
gint64              clockify_task_get_estimate_seconds     (ClockifyTask *self);
gint64              clockify_task_get_duration_seconds     (ClockifyTask *self);
gint64              clockify_task_get_hourly_rate          (ClockifyTask *self);
const char         *clockify_task_get_hourly_rate_currency (ClockifyTask *self);
gint64              clockify_task_get_cost_rate            (ClockifyTask *self);
const char         *clockify_task_get_cost_rate_currency   (ClockifyTask *self);

G_END_DECLS
