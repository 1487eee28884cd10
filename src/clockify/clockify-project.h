/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_PROJECT (clockify_project_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyProject, clockify_project, CLOCKIFY, PROJECT, GObject)

ClockifyProject *clockify_project_new_from_json              (JsonNode        *node,
                                                              GError         **error);
const char      *clockify_project_get_id                     (ClockifyProject *self);
const char      *clockify_project_get_name                   (ClockifyProject *self);
const char      *clockify_project_get_workspace_id           (ClockifyProject *self);
const char      *clockify_project_get_client_id              (ClockifyProject *self);
const char      *clockify_project_get_client_name            (ClockifyProject *self);
const char      *clockify_project_get_color                  (ClockifyProject *self);
const char      *clockify_project_get_note                   (ClockifyProject *self);
gboolean         clockify_project_get_billable               (ClockifyProject *self);
gboolean         clockify_project_get_archived               (ClockifyProject *self);
gboolean         clockify_project_get_public                 (ClockifyProject *self);
gboolean         clockify_project_get_template               (ClockifyProject *self);
gint64           clockify_project_get_hourly_rate            (ClockifyProject *self);
const char      *clockify_project_get_hourly_rate_currency   (ClockifyProject *self);
gint64           clockify_project_get_cost_rate              (ClockifyProject *self);
const char      *clockify_project_get_cost_rate_currency     (ClockifyProject *self);
gint64           clockify_project_get_duration_seconds       (ClockifyProject *self);
gint64           clockify_project_get_estimate_seconds       (ClockifyProject *self);
const char      *clockify_project_get_estimate_type          (ClockifyProject *self);

G_END_DECLS
