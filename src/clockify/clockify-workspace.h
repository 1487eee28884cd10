/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_WORKSPACE (clockify_workspace_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyWorkspace, clockify_workspace, CLOCKIFY, WORKSPACE, GObject)

ClockifyWorkspace *clockify_workspace_new_from_json      (JsonNode          *node,
                                                          GError           **error);
const char        *clockify_workspace_get_id             (ClockifyWorkspace *self);
const char        *clockify_workspace_get_name           (ClockifyWorkspace *self);
const char        *clockify_workspace_get_plan           (ClockifyWorkspace *self);
gboolean           clockify_workspace_is_free_plan       (ClockifyWorkspace *self);
const char        *clockify_workspace_get_currency_code  (ClockifyWorkspace *self);
gint64             clockify_workspace_get_hourly_rate    (ClockifyWorkspace *self);
const char        *clockify_workspace_get_subdomain      (ClockifyWorkspace *self);
const char        *clockify_workspace_get_image_url      (ClockifyWorkspace *self);

G_END_DECLS
