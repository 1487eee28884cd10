/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLOCKIFY_TYPE_CLIENT_ENTITY (clockify_client_entity_get_type ())

/* A Clockify "client": the customer projects are billed to (not ClockifyClient). */
G_DECLARE_FINAL_TYPE (ClockifyClientEntity, clockify_client_entity, CLOCKIFY, CLIENT_ENTITY, GObject)

ClockifyClientEntity *clockify_client_entity_new_from_json     (JsonNode             *node,
                                                                GError              **error);
const char           *clockify_client_entity_get_id            (ClockifyClientEntity *self);
const char           *clockify_client_entity_get_name          (ClockifyClientEntity *self);
const char           *clockify_client_entity_get_email         (ClockifyClientEntity *self);
const char           *clockify_client_entity_get_address       (ClockifyClientEntity *self);
const char           *clockify_client_entity_get_note          (ClockifyClientEntity *self);
gboolean              clockify_client_entity_get_archived      (ClockifyClientEntity *self);
const char           *clockify_client_entity_get_currency_code (ClockifyClientEntity *self);
const char           *clockify_client_entity_get_workspace_id  (ClockifyClientEntity *self);

G_END_DECLS
