/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_USER_GROUP (clockify_user_group_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyUserGroup, clockify_user_group, CLOCKIFY, USER_GROUP, GObject)

ClockifyUserGroup  *clockify_user_group_new_from_json    (JsonNode          *node,
                                                          GError           **error);
const char         *clockify_user_group_get_id           (ClockifyUserGroup *self);
const char         *clockify_user_group_get_name         (ClockifyUserGroup *self);
const char * const *clockify_user_group_get_user_ids     (ClockifyUserGroup *self);
const char         *clockify_user_group_get_workspace_id (ClockifyUserGroup *self);

G_END_DECLS
