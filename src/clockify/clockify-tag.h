/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_TAG (clockify_tag_get_type ())

G_DECLARE_FINAL_TYPE (ClockifyTag, clockify_tag, CLOCKIFY, TAG, GObject)

ClockifyTag *clockify_tag_new_from_json     (JsonNode     *node,
                                             GError      **error);
const char  *clockify_tag_get_id            (ClockifyTag  *self);
const char  *clockify_tag_get_name          (ClockifyTag  *self);
gboolean     clockify_tag_get_archived      (ClockifyTag  *self);
const char  *clockify_tag_get_workspace_id  (ClockifyTag  *self);

G_END_DECLS
