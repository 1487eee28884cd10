/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_USER (clockify_user_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyUser, clockify_user, CLOCKIFY, USER, GObject)

ClockifyUser *clockify_user_new_from_json         (JsonNode     *node,
                                                   GError      **error);
const char   *clockify_user_get_id                (ClockifyUser *self);
const char   *clockify_user_get_name              (ClockifyUser *self);
const char   *clockify_user_get_email             (ClockifyUser *self);
const char   *clockify_user_get_time_zone         (ClockifyUser *self);
const char   *clockify_user_get_status            (ClockifyUser *self);
const char   *clockify_user_get_active_workspace  (ClockifyUser *self);
const char   *clockify_user_get_default_workspace (ClockifyUser *self);
const char   *clockify_user_get_profile_picture   (ClockifyUser *self);

G_END_DECLS
